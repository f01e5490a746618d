//! Response clock.
use super::api::{ClockRequest, ClockState, ClockStatus};
use super::settings::Settings;

pub fn status(req: &ClockRequest, _settings: &Settings) -> ClockStatus {
    ClockStatus { status: ClockState::Ok, waited_minutes: 0, due_at_ms: req.now_ms, minutes_left: 0, label: String::new() }
}
