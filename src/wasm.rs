//! The wasm-bindgen API: translates JS values to engine calls and back, nothing more.
//!
//! Values have the CLI's JSON shapes. Objects come back as plain JS objects (not `Map`s), so
//! the service worker can store and post them as they are.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::settings::SettingsError;
use crate::engine::stats::{Event, Stats};
use crate::engine::{self, Engine, Settings};

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

fn settings_from_js(value: JsValue) -> Result<Settings, SettingsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Settings::default());
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| {
        SettingsError(vec![engine::settings::FieldError { field: String::new(), message: e.to_string() }])
    })?;
    Settings::from_value(json)
}

/// `{ok: true, settings}` or `{ok: false, errors: [{field, message}]}`.
fn settings_result(result: Result<Settings, SettingsError>) -> Result<JsValue, JsError> {
    match result {
        Ok(settings) => to_js(&serde_json::json!({ "ok": true, "settings": settings })),
        Err(e) => to_js(&serde_json::json!({ "ok": false, "errors": e.0, "message": e.to_string() })),
    }
}

/// The engine bound to one set of settings; build a new one when settings change.
#[wasm_bindgen]
pub struct WasmEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl WasmEngine {
    /// `settings` may be `undefined` for the defaults; invalid settings throw with the field named.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<WasmEngine, JsError> {
        let settings = settings_from_js(settings).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(WasmEngine { engine: Engine::new(settings) })
    }

    pub fn check(&self, req: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.engine.check(&from_js(req, "check")?))
    }

    pub fn classify(&self, req: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.engine.classify(&from_js(req, "classify")?))
    }

    pub fn suggest(&self, req: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.engine.suggest(&from_js(req, "suggest")?))
    }

    pub fn follow(&self, follower: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.engine.follow(&from_js(follower, "follow")?))
    }

    pub fn clock(&self, req: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.engine.clock(&from_js(req, "clock")?))
    }
}

#[wasm_bindgen(js_name = defaultSettings)]
pub fn default_settings() -> Result<JsValue, JsError> {
    to_js(&Settings::default())
}

/// Validates (and migrates) a settings object without throwing.
#[wasm_bindgen(js_name = validateSettings)]
pub fn validate_settings(value: JsValue) -> Result<JsValue, JsError> {
    settings_result(settings_from_js(value))
}

/// Parses an exported settings file's text without throwing.
#[wasm_bindgen(js_name = parseSettings)]
pub fn parse_settings(text: &str) -> Result<JsValue, JsError> {
    settings_result(Settings::from_json(text))
}

/// Folds one event into the stored figures and returns the new document.
#[wasm_bindgen(js_name = recordEvent)]
pub fn record_event(stats: JsValue, event: JsValue) -> Result<JsValue, JsError> {
    let mut stats: Stats =
        if stats.is_undefined() || stats.is_null() { Stats::default() } else { from_js(stats, "stats")? };
    stats.record(&from_js::<Event>(event, "event")?);
    to_js(&stats)
}

/// The popup's figures for one local day (`YYYY-MM-DD`).
#[wasm_bindgen(js_name = summarizeStats)]
pub fn summarize_stats(stats: JsValue, day: &str) -> Result<JsValue, JsError> {
    let stats: Stats =
        if stats.is_undefined() || stats.is_null() { Stats::default() } else { from_js(stats, "stats")? };
    to_js(&stats.summary(day))
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
