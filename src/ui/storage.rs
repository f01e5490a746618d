//! The extension's storage and tabs, through `chrome.*` promises.
//!
//! Contract: settings in `chrome.storage.sync` under `settings` (the Settings JSON; missing means
//! defaults), figures in `chrome.storage.local` under `stats` (the Stats JSON). Values are read
//! the way the wasm API reads them, so the wasm carries one copy of that code; settings are
//! written from the export text, so numbers stay as the engine writes them (0.7, not 0.699999988).

use js_sys::{Array, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::engine::json::{FromJson, ToJson};
use crate::engine::stats::Stats;
use crate::engine::Settings;

pub const SETTINGS_KEY: &str = "settings";
pub const STATS_KEY: &str = "stats";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "sync"], js_name = get)]
    fn sync_get(key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "sync"], js_name = set)]
    fn sync_set(items: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "local"], js_name = get)]
    fn local_get(key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "tabs"], js_name = query)]
    fn tabs_query(query: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "runtime"], js_name = openOptionsPage)]
    fn open_options_page_js() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener)]
    fn on_changed_add_listener(listener: &Closure<dyn FnMut(JsValue, String)>) -> Result<(), JsValue>;
}

/// A stored value, or the defaults with the reason the stored one could not be used.
pub struct Loaded<T> {
    pub value: T,
    pub problem: Option<String>,
}

/// A JS error as one readable line.
pub fn message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

async fn get(area: fn(&str) -> Result<Promise, JsValue>, key: &str) -> Result<JsValue, String> {
    let promise = area(key).map_err(|e| message(&e))?;
    let items = JsFuture::from(promise).await.map_err(|e| message(&e))?;
    Reflect::get(&items, &JsValue::from_str(key)).map_err(|e| message(&e))
}

fn missing(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// A stored value as JSON text, for the engine's JSON reader (a JS-object reader would be a
/// second copy of every type's reading in this wasm).
fn json_of(value: &JsValue) -> Result<String, String> {
    JSON::stringify(value).map(String::from).map_err(|e| message(&e))
}

fn settings_from(value: JsValue) -> Result<Settings, String> {
    if missing(&value) {
        return Ok(Settings::default());
    }
    Settings::from_json(&json_of(&value)?).map_err(|e| format!("stored settings are not usable: {e}"))
}

pub async fn load_settings() -> Loaded<Settings> {
    match get(sync_get, SETTINGS_KEY).await.and_then(settings_from) {
        Ok(value) => Loaded { value, problem: None },
        Err(e) => Loaded { value: Settings::default(), problem: Some(format!("Could not read your settings ({e}); showing the defaults.")) },
    }
}

/// Stores settings that have already been validated.
pub async fn save_settings(settings: &Settings) -> Result<(), String> {
    let value = JSON::parse(&settings.to_json().to_text()).map_err(|e| message(&e))?;
    let items = Object::new();
    Reflect::set(&items, &JsValue::from_str(SETTINGS_KEY), &value).map_err(|e| message(&e))?;
    let promise = sync_set(&items).map_err(|e| message(&e))?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| message(&e))
}

pub async fn load_stats() -> Loaded<Stats> {
    let read = get(local_get, STATS_KEY).await.and_then(|value| {
        if missing(&value) {
            return Ok(Stats::default());
        }
        json_of(&value).and_then(|text| Stats::from_json_text(&text).map_err(|e| e.to_string()))
    });
    match read {
        Ok(value) => Loaded { value, problem: None },
        Err(e) => Loaded { value: Stats::default(), problem: Some(format!("Could not read today's figures ({e}).")) },
    }
}

/// Calls `changed` with the new settings whenever another page (or this one) stores valid
/// settings; values that do not validate are left to whoever reads them next.
pub fn on_settings_changed(mut changed: impl FnMut(Settings) + 'static) {
    let listener = Closure::<dyn FnMut(JsValue, String)>::new(move |changes: JsValue, area: String| {
        if area != "sync" {
            return;
        }
        let change = Reflect::get(&changes, &JsValue::from_str(SETTINGS_KEY)).unwrap_or(JsValue::UNDEFINED);
        if missing(&change) {
            return;
        }
        let new_value = Reflect::get(&change, &"newValue".into()).unwrap_or(JsValue::UNDEFINED);
        if let Ok(settings) = settings_from(new_value) {
            changed(settings);
        }
    });
    // Without chrome.storage.onChanged (never in the extension) the page simply does not follow.
    if on_changed_add_listener(&listener).is_ok() {
        listener.forget();
    }
}

/// The address of the tab the popup was opened over, when the extension may see it.
pub async fn active_tab_url() -> Option<String> {
    let query = Object::new();
    Reflect::set(&query, &"active".into(), &JsValue::TRUE).ok()?;
    Reflect::set(&query, &"currentWindow".into(), &JsValue::TRUE).ok()?;
    let tabs = JsFuture::from(tabs_query(&query).ok()?).await.ok()?;
    let tab = tabs.dyn_into::<Array>().ok()?.get(0);
    Reflect::get(&tab, &"url".into()).ok()?.as_string()
}

pub async fn open_options_page() -> Result<(), String> {
    let promise = open_options_page_js().map_err(|e| message(&e))?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| message(&e))
}
