//! Reply suggestions.
use super::api::{SuggestRequest, SuggestResponse};
use super::settings::Settings;

pub fn suggest(req: &SuggestRequest, _settings: &Settings) -> SuggestResponse {
    SuggestResponse { intent: super::intent::classify(&req.text).intent, suggestions: Vec::new() }
}
