//! The service worker's wasm-bindgen API: translates JSON text to engine calls and back,
//! nothing more.
//!
//! All three wasm files export it (scripts/build.sh), each with the calls it answers: the
//! engine's (feature `engine-api`) those every keystroke and message wait on, `check` and
//! `classify`; the replies' (feature `reply-api`) `suggest`; the pages' (feature `lists-api`)
//! those the page's lists of followers and mentions wait on, `follow` and `clock`. So every check
//! waits on a smaller file.
//!
//! Requests and answers are JSON text in the CLI's shapes (`JSON.stringify` in, `JSON.parse`
//! out, see extension/background.js). Text crosses the boundary as one UTF-8 copy, which is
//! several times cheaper per call than walking a JS object field by field. The engine's own
//! JSON reader and writer (engine/json.rs) do the rest, for the CLI and the pages too.

use wasm_bindgen::prelude::*;

use crate::engine::json::{self, FromJson, JsonError, ToJson};
use crate::engine::{Engine, Settings};

/// The request read into `T`. The text is parsed by one function for every type: only the
/// reading into `T` is a copy per type.
fn from_json<T: FromJson>(json: &str, what: &str) -> Result<T, JsError> {
    let value = json::parse_document(json).map_err(|e| request_error(what, e))?;
    T::from_json(&value).map_err(|e| request_error(what, e))
}

#[cold]
fn request_error(what: &str, e: JsonError) -> JsError {
    JsError::new(&format!("{what}: {e}"))
}

/// The engine bound to one set of settings; build a new one when settings change.
#[wasm_bindgen]
pub struct WasmEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl WasmEngine {
    /// `settings` is the stored settings document as JSON, or `undefined` for the defaults. A
    /// document that does not read (not JSON, a value of the wrong type, an unknown setting)
    /// throws with what is wrong; its values were validated when the options page stored them
    /// ([`Settings::from_stored`]).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: Option<String>) -> Result<WasmEngine, JsError> {
        let settings = match settings {
            None => Settings::default(),
            Some(json) => Settings::from_stored(&json).map_err(|e| JsError::new(&e.to_string()))?,
        };
        Ok(WasmEngine { engine: Engine::new(settings) })
    }

    /// One engine call: `kind` is one of the worker's request types this build answers (the
    /// module's doc), `req` its JSON. One export for all: each export's glue is a copy of its
    /// own in the wasm.
    pub fn call(&self, kind: &str, req: &str) -> Result<String, JsError> {
        let e = &self.engine;
        let answer = match kind {
            #[cfg(feature = "engine-api")]
            "check" => e.check(&from_json(req, kind)?).to_json(),
            #[cfg(feature = "engine-api")]
            "classify" => e.classify(&from_json(req, kind)?).to_json(),
            #[cfg(feature = "reply-api")]
            "suggest" => e.suggest(&from_json(req, kind)?).to_json(),
            #[cfg(feature = "lists-api")]
            "follow" => e.follow(&from_json(req, kind)?).to_json(),
            #[cfg(feature = "lists-api")]
            "clock" => e.clock(&from_json(req, kind)?).to_json(),
            other => return Err(JsError::new(&format!("unknown request type `{other}`"))),
        };
        Ok(answer.to_text())
    }
}
