//! The service worker's wasm-bindgen API: translates JSON text to engine calls and back,
//! nothing more.
//!
//! Requests and answers are JSON text in the CLI's shapes (`JSON.stringify` in, `JSON.parse`
//! out, see extension/background.js). Text crosses the boundary as one UTF-8 copy, which is
//! several times cheaper per call than walking a JS object field by field, and it needs no
//! second deserializer beside serde_json (the popup and options pages, a wasm of their own with
//! feature `ui`, read storage the same way).

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::stats::{Event, Stats};
use crate::engine::{Engine, Settings};

fn to_json<T: Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))
}

/// Through `Value`: serde_json's typed visitors over a `Value` are about half the code of
/// the same visitors over text, and settings need the `Value` reader anyway (migration).
fn from_json<T: DeserializeOwned>(json: &str, what: &str) -> Result<T, JsError> {
    serde_json::from_str::<serde_json::Value>(json)
        .and_then(T::deserialize)
        .map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// The engine bound to one set of settings; build a new one when settings change.
#[wasm_bindgen]
pub struct WasmEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl WasmEngine {
    /// `settings` is the stored settings document as JSON, or `undefined` for the defaults;
    /// invalid settings throw with what is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: Option<String>) -> Result<WasmEngine, JsError> {
        let settings = match settings {
            None => Settings::default(),
            Some(json) => Settings::from_json_unnamed(&json).map_err(|e| JsError::new(&e.to_string()))?,
        };
        Ok(WasmEngine { engine: Engine::new(settings) })
    }

    pub fn check(&self, req: &str) -> Result<String, JsError> {
        to_json(&self.engine.check(&from_json(req, "check")?))
    }

    pub fn classify(&self, req: &str) -> Result<String, JsError> {
        to_json(&self.engine.classify(&from_json(req, "classify")?))
    }

    pub fn suggest(&self, req: &str) -> Result<String, JsError> {
        to_json(&self.engine.suggest(&from_json(req, "suggest")?))
    }

    pub fn follow(&self, follower: &str) -> Result<String, JsError> {
        to_json(&self.engine.follow(&from_json(follower, "follow")?))
    }

    pub fn clock(&self, req: &str) -> Result<String, JsError> {
        to_json(&self.engine.clock(&from_json(req, "clock")?))
    }
}

/// The default settings document, as JSON.
#[wasm_bindgen(js_name = defaultSettings)]
pub fn default_settings() -> Result<String, JsError> {
    to_json(&Settings::default())
}

/// Folds one event (JSON) into the stored figures (JSON, or `undefined` for none yet) and
/// returns the new document as JSON.
#[wasm_bindgen(js_name = recordEvent)]
pub fn record_event(stats: Option<String>, event: &str) -> Result<String, JsError> {
    let mut stats: Stats = match stats {
        Some(json) => from_json(&json, "stats")?,
        None => Stats::default(),
    };
    stats.record(&from_json::<Event>(event, "event")?);
    to_json(&stats)
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
