// @ts-check
// The popup page is drawn by the Rust UI (src/ui); this only loads the wasm and starts it.
import init, { start_popup } from './pkg/boomerang.js';

await init();
await start_popup();
