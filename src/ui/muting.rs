//! "Don't warn about this" on a warning's card: the service worker asks the pages' wasm to add
//! the warning's words to the stored settings' `muted` list, which the engine checks every
//! warning against ([`Settings::mute`]). Here, not in the worker's JavaScript, so the settings
//! are read, changed and validated by the same code as the options page's.

use wasm_bindgen::prelude::*;

use crate::engine::json::ToJson;
use crate::engine::Settings;

/// The stored settings (JSON, or `undefined` for none yet) with warnings on `words` turned
/// off, as JSON; throws, naming what is wrong, when the stored settings do not validate or the
/// words cannot be kept (empty, or longer than a setting may hold), and nothing is changed.
#[wasm_bindgen(js_name = muteWarning)]
pub fn mute_warning(settings: Option<String>, words: &str) -> Result<String, JsError> {
    let mut settings = match settings {
        None => Settings::default(),
        Some(text) => Settings::from_json(&text).map_err(|e| JsError::new(&format!("stored settings are not usable: {e}")))?,
    };
    settings.mute(words);
    settings.validate().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(settings.to_json().to_text())
}
