// @ts-check
// The options page is drawn by the Rust UI (src/ui); this only loads the wasm and starts it.
import init, { start_options } from './pkg/boomerang.js';

await init();
await start_options();
