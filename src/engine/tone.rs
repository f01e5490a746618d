//! Tone checks on an agent's draft.
use super::api::{CheckRequest, Issue};
use super::settings::Settings;

pub fn check(_req: &CheckRequest, _settings: &Settings) -> Vec<Issue> {
    Vec::new()
}
