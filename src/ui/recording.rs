//! The service worker's use of the pages' wasm for the figures: folding an event into the
//! stored figures ([`Stats::record_text`]). It ships with the figures the popup draws rather
//! than in the engine's wasm, which every check waits on: there it was 3 KB of its gzip.

use wasm_bindgen::prelude::*;

use crate::engine::stats::Stats;

/// The stored figures (JSON, or `undefined` for none yet) with `event` (JSON) folded in, as
/// JSON; throws, naming what did not read, on a malformed document or event.
#[wasm_bindgen(js_name = recordEvent)]
pub fn record_event(stats: Option<String>, event: &str) -> Result<String, JsError> {
    Stats::record_text(stats.as_deref(), event).map_err(|e| JsError::new(&e))
}
