//! Follower assessment.
use super::api::{FollowAssessment, FollowDecision, Follower};
use super::settings::Settings;

pub fn assess(_f: &Follower, _settings: &Settings) -> FollowAssessment {
    FollowAssessment { decision: FollowDecision::Review, score: 0.5, reasons: vec![], welcome: None }
}
