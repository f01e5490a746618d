// @ts-check
// The options page is drawn by the Rust UI (src/ui); this only loads its wasm
// (pkg/boomerang_ui, without the engine's tone rules) and starts it.
import init, { start_options } from './pkg/boomerang_ui.js';

await init();
await start_options();
