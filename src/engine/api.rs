//! The values that cross the engine's boundary: the CLI's JSON Lines and the wasm API use these
//! exact shapes (see DESIGN.md, "Contracts the tests rely on"). Vocabularies only ever grow.

use crate::{json_answer, json_enum, json_object};

pub use super::platform::Platform;

/// `check` input: an agent's draft, optionally with the message it answers.
#[derive(Debug, Clone, Default)]
pub struct CheckRequest {
    pub text: String,
    pub in_reply_to: Option<String>,
    pub platform: Option<Platform>,
    /// The conversation is private (a DM, Messenger, a business inbox): asking for an order
    /// number is right there, and there is no DM to move the conversation to.
    pub private: bool,
    /// The agent is still typing: warnings about the whole reply wait. A missing signature
    /// until the agent pauses (it comes last), a missing acknowledgement until the first
    /// sentence is done; a warning that would vanish two keys later is noise.
    pub typing: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckResponse {
    pub issues: Vec<Issue>,
}

/// One tone issue on a span of the draft.
#[derive(Debug, Clone, PartialEq)]
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
    pub rewrite: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

}

/// How sure and how harmful: `high` issues show at every sensitivity, `low` only at `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// `classify` input.
#[derive(Debug, Clone, Default)]
pub struct ClassifyRequest {
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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


}

#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    pub intent: Intent,
    /// Safety, legal threat, outage or account compromise: answer first.
    pub urgent: bool,
    /// From -1 (angry) to 1 (delighted).
    pub sentiment: f32,
}

/// `suggest` input: the inbound message being answered.
#[derive(Debug, Clone, Default)]
pub struct SuggestRequest {
    pub text: String,
    pub author_name: Option<String>,
    pub author_handle: Option<String>,
    pub platform: Option<Platform>,
    /// The conversation is private (a DM, Messenger, a business inbox): asking for an order
    /// number is right there, and there is no DM to move the conversation to.
    pub private: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SuggestResponse {
    pub intent: Intent,
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// A two-to-four word name for the button, e.g. "Apologise and DM".
    pub label: String,
    pub text: String,
}

/// `follow` input: what the page shows of a new follower.
#[derive(Debug, Clone, Default)]
pub struct Follower {
    pub handle: String,
    pub name: String,
    pub bio: String,
    pub followers: Option<u64>,
    pub following: Option<u64>,
    pub posts: Option<u64>,
    pub account_age_days: Option<u64>,
    pub default_avatar: bool,
    pub verified: bool,
    /// Has written to the brand before (a mention, reply or message).
    pub interacted: bool,
    /// Where following back is impossible (people who like a Facebook Page) the welcome is a
    /// thank-you only.
    pub platform: Option<Platform>,
    /// They liked the brand's Facebook Page (rather than followed it): the thank-you says so.
    pub liked_page: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FollowDecision {
    FollowBack,
    Review,
    Skip,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowAssessment {
    pub decision: FollowDecision,
    /// 0 (certainly spam) to 1 (certainly a real customer or person).
    pub score: f32,
    /// Plain words, most telling first.
    pub reasons: Vec<String>,
    pub welcome: Option<String>,
}

/// `clock` input: when a mention was posted and what it is.
#[derive(Debug, Clone, Default)]
pub struct ClockRequest {
    /// Milliseconds since the Unix epoch.
    pub posted_at_ms: i64,
    pub now_ms: i64,
    pub intent: Option<Intent>,
    /// The agent's local offset from UTC in minutes (east positive), for business hours.
    pub utc_offset_minutes: i32,
    /// Answered mentions stop the clock.
    pub answered: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClockState {
    Ok,
    DueSoon,
    Overdue,
    Answered,
}

#[derive(Debug, Clone, PartialEq)]
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

json_object!(CheckRequest (text) { in_reply_to, platform, private, typing });
json_answer!(CheckResponse { issues });
json_answer!(Issue { kind, severity, start, end, message, rewrite });
json_enum!(ToneKind {
    Blame => "blame",
    Deflection => "deflection",
    Hostile => "hostile",
    PrivateInfo => "private_info",
    Shouting => "shouting",
    NoSignature => "no_signature",
    NoEmpathy => "no_empathy",
    OverLimit => "over_limit",
});
json_enum!(Severity { Low => "low", Medium => "medium", High => "high" });
json_object!(ClassifyRequest (text) {});
json_enum!(Intent {
    Complaint => "complaint",
    Question => "question",
    Praise => "praise",
    Greeting => "greeting",
    Spam => "spam",
    Other => "other",
});
json_answer!(Classification { intent, urgent, sentiment });
json_object!(SuggestRequest (text) { author_name, author_handle, platform, private });
json_answer!(SuggestResponse { intent, suggestions });
json_answer!(Suggestion { label, text });
json_object!(Follower (handle) {
    name, bio, followers, following, posts, account_age_days, default_avatar, verified, interacted, platform, liked_page,
});
json_enum!(FollowDecision { FollowBack => "follow_back", Review => "review", Skip => "skip" });
json_answer!(FollowAssessment { decision, score, reasons, welcome });
json_object!(ClockRequest (posted_at_ms, now_ms) { intent, utc_offset_minutes, answered });
json_enum!(ClockState { Ok => "ok", DueSoon => "due_soon", Overdue => "overdue", Answered => "answered" });
json_answer!(ClockStatus { status, waited_minutes, due_at_ms, minutes_left, label });
