//! The values that cross the engine's boundary: the CLI's JSON Lines and the wasm API use these
//! exact shapes (see DESIGN.md, "Contracts the tests rely on"). Vocabularies only ever grow.

use serde::{Deserialize, Serialize};

pub use super::platform::Platform;

/// `check` input: an agent's draft, optionally with the message it answers.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    pub text: String,
    #[serde(default)]
    pub in_reply_to: Option<String>,
    #[serde(default)]
    pub platform: Option<Platform>,
    /// The conversation is private (a DM, Messenger, a business inbox): asking for an order
    /// number is right there, and there is no DM to move the conversation to.
    #[serde(default)]
    pub private: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResponse {
    pub issues: Vec<Issue>,
}

/// One tone issue on a span of the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub kind: ToneKind,
    pub severity: Severity,
    /// UTF-16 code units, as the DOM counts.
    pub start: usize,
    pub end: usize,
    /// Why it hurts, in one calm sentence.
    pub message: String,
    /// The **whole draft** rewritten without this issue (not just the span's replacement), so
    /// the UI replaces the editor's text with it in one click: mentions, other sentences and
    /// the signature stay as the agent wrote them, and the words around the span are tidied
    /// (a removed "As I told you," leaves the next word capitalised). Computed from the
    /// original draft for each issue on its own; absent where no sensible rewrite exists
    /// (e.g. `over_limit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rewrite: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToneKind {
    Blame,
    Deflection,
    Hostile,
    PrivateInfo,
    Shouting,
    NoSignature,
    NoEmpathy,
    OverLimit,
}

impl ToneKind {
    pub const ALL: [ToneKind; 8] = [
        ToneKind::Blame,
        ToneKind::Deflection,
        ToneKind::Hostile,
        ToneKind::PrivateInfo,
        ToneKind::Shouting,
        ToneKind::NoSignature,
        ToneKind::NoEmpathy,
        ToneKind::OverLimit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ToneKind::Blame => "blame",
            ToneKind::Deflection => "deflection",
            ToneKind::Hostile => "hostile",
            ToneKind::PrivateInfo => "private_info",
            ToneKind::Shouting => "shouting",
            ToneKind::NoSignature => "no_signature",
            ToneKind::NoEmpathy => "no_empathy",
            ToneKind::OverLimit => "over_limit",
        }
    }
}

/// How sure and how harmful: `high` issues show at every sensitivity, `low` only at `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// `classify` input.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyRequest {
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    Complaint,
    Question,
    Praise,
    Greeting,
    Spam,
    Other,
}

impl Intent {
    pub const ALL: [Intent; 6] = [
        Intent::Complaint,
        Intent::Question,
        Intent::Praise,
        Intent::Greeting,
        Intent::Spam,
        Intent::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Complaint => "complaint",
            Intent::Question => "question",
            Intent::Praise => "praise",
            Intent::Greeting => "greeting",
            Intent::Spam => "spam",
            Intent::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Intent> {
        Intent::ALL.into_iter().find(|i| i.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    pub intent: Intent,
    /// Safety, legal threat, outage or account compromise: answer first.
    pub urgent: bool,
    /// From -1 (angry) to 1 (delighted).
    pub sentiment: f32,
}

/// `suggest` input: the inbound message being answered.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestRequest {
    pub text: String,
    #[serde(default)]
    pub author_name: Option<String>,
    #[serde(default)]
    pub author_handle: Option<String>,
    #[serde(default)]
    pub platform: Option<Platform>,
    /// The conversation is private (a DM, Messenger, a business inbox): asking for an order
    /// number is right there, and there is no DM to move the conversation to.
    #[serde(default)]
    pub private: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestResponse {
    pub intent: Intent,
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// A two-to-four word name for the button, e.g. "Apologise and DM".
    pub label: String,
    pub text: String,
}

/// `follow` input: what the page shows of a new follower.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Follower {
    pub handle: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub bio: String,
    #[serde(default)]
    pub followers: Option<u64>,
    #[serde(default)]
    pub following: Option<u64>,
    #[serde(default)]
    pub posts: Option<u64>,
    #[serde(default)]
    pub account_age_days: Option<u64>,
    #[serde(default)]
    pub default_avatar: bool,
    #[serde(default)]
    pub verified: bool,
    /// Has written to the brand before (a mention, reply or message).
    #[serde(default)]
    pub interacted: bool,
    /// Where following back is impossible (people who like a Facebook Page) the welcome is a
    /// thank-you only.
    #[serde(default)]
    pub platform: Option<Platform>,
    /// They liked the brand's Facebook Page (rather than followed it): the thank-you says so.
    #[serde(default)]
    pub liked_page: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowDecision {
    FollowBack,
    Review,
    Skip,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowAssessment {
    pub decision: FollowDecision,
    /// 0 (certainly spam) to 1 (certainly a real customer or person).
    pub score: f32,
    /// Plain words, most telling first.
    pub reasons: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub welcome: Option<String>,
}

/// `clock` input: when a mention was posted and what it is.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClockRequest {
    /// Milliseconds since the Unix epoch.
    pub posted_at_ms: i64,
    pub now_ms: i64,
    #[serde(default)]
    pub intent: Option<Intent>,
    /// The agent's local offset from UTC in minutes (east positive), for business hours.
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// Answered mentions stop the clock.
    #[serde(default)]
    pub answered: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    Ok,
    DueSoon,
    Overdue,
    Answered,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClockStatus {
    pub status: ClockState,
    /// Wall-clock minutes since it was posted.
    pub waited_minutes: i64,
    /// When the answer is due, ms since the epoch.
    pub due_at_ms: i64,
    /// Minutes left until due (negative when overdue).
    pub minutes_left: i64,
    /// Short text for the badge, e.g. "12 min", "2 h 5 min overdue".
    pub label: String,
}
