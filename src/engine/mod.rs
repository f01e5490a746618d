//! The engine: every judgement Boomerang makes, with no browser or I/O dependency.
//!
//! One module per job. [`Engine`] ties them to one set of [`Settings`]; build it once and call
//! it as often as you like: rule tables are compiled once per process, not per call.

pub mod api;
pub mod clock;
pub mod follow;
pub mod intent;
pub mod json;
pub mod knowledge;
pub mod learned;
mod ordered_map;
pub mod word_list;
mod learned_weights;
pub mod platform;
pub mod problem;
pub mod rules;
pub mod settings;
pub mod sort;
pub mod stats;
pub mod suggest;
pub mod text;
pub mod tone;

pub use api::*;
pub use settings::Settings;

/// The engine bound to one agent's settings.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    settings: Settings,
}

impl Engine {
    /// Any settings work; [`Settings::from_json`] reads untrusted ones with every value checked.
    pub fn new(settings: Settings) -> Self {
        Engine { settings }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Tone issues in an agent's draft, spans in UTF-16 code units.
    pub fn check(&self, req: &CheckRequest) -> CheckResponse {
        CheckResponse { issues: tone::check(req, &self.settings) }
    }

    /// Intent, urgency and sentiment of an inbound message.
    pub fn classify(&self, req: &ClassifyRequest) -> Classification {
        intent::classify(&req.text)
    }

    /// One to three ready replies to an inbound message.
    pub fn suggest(&self, req: &SuggestRequest) -> SuggestResponse {
        suggest::suggest(req, &self.settings)
    }

    /// Whether to follow a new follower back, why, and a welcome to send by hand.
    pub fn follow(&self, follower: &Follower) -> FollowAssessment {
        follow::assess(follower, &self.settings)
    }

    /// How long a mention has waited and whether it is due.
    pub fn clock(&self, req: &ClockRequest) -> ClockStatus {
        clock::status(req, &self.settings)
    }
}
