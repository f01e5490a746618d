//! One agent's settings: defaults, versioned migration, and validation whose errors name the
//! field, so a bad import says exactly what to fix and changes nothing.

use super::json::{self, FromJson, Json, ToJson};
use super::text;
use crate::{json_enum, json_object};
use std::fmt;

use super::api::{Intent, ToneKind};

pub const CURRENT_VERSION: u32 = 1;

json_object!(Settings {
    version, initials, brand_name, signature, sensitivity, checks, help_links, templates, follow_back,
    response_targets, business_hours, platforms, review_before_sending, muted,
});
json_object!(SignatureRule { required, format });
json_enum!(Sensitivity { Low => "low", Medium => "medium", High => "high" });
json_object!(Checks { blame, deflection, hostile, private_info, shouting, no_signature, no_empathy, over_limit });
json_object!(HelpLink { title, url, keywords });
json_object!(Templates { complaint, question, praise, greeting, other, follower });
json_object!(FollowBackRules { follow_customers, follow_threshold, skip_threshold });
json_object!(ResponseTargets { complaint_minutes, question_minutes, other_business_days, due_soon_fraction });
json_object!(BusinessHours { start, end, days });
json_object!(Platforms { x, facebook });

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub version: u32,
    /// The agent's initials for signing replies (`^JS`); empty means unsigned.
    pub initials: String,
    /// The brand's name as customers know it, used in suggestions.
    pub brand_name: String,
    pub signature: SignatureRule,
    pub sensitivity: Sensitivity,
    /// Per-kind switches; a kind that is off is never reported.
    pub checks: Checks,
    /// The help resources suggestions point to, ranked by relevance to the message.
    pub help_links: Vec<HelpLink>,
    /// Custom replies per intent; placeholders `{name}`, `{brand}`, `{initials}`, `{link}`.
    pub templates: Templates,
    pub follow_back: FollowBackRules,
    pub response_targets: ResponseTargets,
    pub business_hours: BusinessHours,
    pub platforms: Platforms,
    /// Ask "Review before sending?" when the agent posts with warnings open.
    pub review_before_sending: bool,
    /// The words of warnings the agent turned off ("Don't warn about this"): a phrase rule's
    /// words or a model's sentence, never warned again, compared as [`muted_key`] writes them.
    pub muted: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: CURRENT_VERSION,
            initials: String::new(),
            brand_name: String::new(),
            signature: SignatureRule::default(),
            sensitivity: Sensitivity::Medium,
            checks: Checks::default(),
            help_links: Vec::new(),
            templates: Templates::default(),
            follow_back: FollowBackRules::default(),
            response_targets: ResponseTargets::default(),
            business_hours: BusinessHours::default(),
            platforms: Platforms::default(),
            review_before_sending: true,
            muted: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignatureRule {
    /// Warn when a reply is not signed with the initials.
    pub required: bool,
    /// How the signature is written; `{initials}` stands for the initials.
    pub format: String,
}

impl Default for SignatureRule {
    fn default() -> Self {
        SignatureRule { required: false, format: "^{initials}".into() }
    }
}

/// How many warnings to show: `low` only the surest, `high` everything found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sensitivity {
    Low,
    #[default]
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Checks {
    pub blame: bool,
    pub deflection: bool,
    pub hostile: bool,
    pub private_info: bool,
    pub shouting: bool,
    pub no_signature: bool,
    pub no_empathy: bool,
    pub over_limit: bool,
}

impl Default for Checks {
    fn default() -> Self {
        Checks {
            blame: true,
            deflection: true,
            hostile: true,
            private_info: true,
            shouting: true,
            no_signature: true,
            no_empathy: true,
            over_limit: true,
        }
    }
}

impl Checks {
    pub fn enabled(&self, kind: ToneKind) -> bool {
        match kind {
            ToneKind::Blame => self.blame,
            ToneKind::Deflection => self.deflection,
            ToneKind::Hostile => self.hostile,
            ToneKind::PrivateInfo => self.private_info,
            ToneKind::Shouting => self.shouting,
            ToneKind::NoSignature => self.no_signature,
            ToneKind::NoEmpathy => self.no_empathy,
            ToneKind::OverLimit => self.over_limit,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HelpLink {
    pub title: String,
    pub url: String,
    /// Extra words customers use for this problem ("refund", "money back").
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Templates {
    pub complaint: Vec<String>,
    pub question: Vec<String>,
    pub praise: Vec<String>,
    pub greeting: Vec<String>,
    pub other: Vec<String>,
    /// Welcomes for new followers.
    pub follower: Vec<String>,
}

impl Templates {
    pub fn for_intent(&self, intent: Intent) -> &[String] {
        match intent {
            Intent::Complaint => &self.complaint,
            Intent::Question => &self.question,
            Intent::Praise => &self.praise,
            Intent::Greeting => &self.greeting,
            Intent::Other => &self.other,
            Intent::Spam => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowBackRules {
    /// Always follow back people who have written to the brand (unless they look like spam).
    pub follow_customers: bool,
    /// Score at or above which a follower is followed back.
    pub follow_threshold: f32,
    /// Score below which a follower is skipped; between the two, a person reviews.
    pub skip_threshold: f32,
}

impl Default for FollowBackRules {
    fn default() -> Self {
        FollowBackRules { follow_customers: true, follow_threshold: 0.7, skip_threshold: 0.35 }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResponseTargets {
    pub complaint_minutes: u32,
    pub question_minutes: u32,
    /// Everything else: within this many business days.
    pub other_business_days: u32,
    /// "Due soon" once this share of the target has passed (0–1).
    pub due_soon_fraction: f32,
}

impl Default for ResponseTargets {
    fn default() -> Self {
        ResponseTargets {
            complaint_minutes: 60,
            question_minutes: 60,
            other_business_days: 1,
            due_soon_fraction: 0.75,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BusinessHours {
    /// "HH:MM", the agent's local time.
    pub start: String,
    pub end: String,
    /// Working days, Monday first.
    pub days: [bool; 7],
}

impl Default for BusinessHours {
    fn default() -> Self {
        BusinessHours {
            start: "09:00".into(),
            end: "17:00".into(),
            days: [true, true, true, true, true, false, false],
        }
    }
}

impl BusinessHours {
    /// Start and end as minutes after midnight; call only on validated settings.
    pub fn minutes(&self) -> (u32, u32) {
        (parse_hhmm(&self.start).unwrap_or(540), parse_hhmm(&self.end).unwrap_or(1020))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Platforms {
    pub x: bool,
    pub facebook: bool,
}

impl Default for Platforms {
    fn default() -> Self {
        Platforms { x: true, facebook: true }
    }
}

/// A setting that cannot be used, named by its path (`help_links[2].url`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

/// Every reason a settings document was refused; the old settings stay as they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError(pub Vec<FieldError>);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            write!(f, "{}{e}", if i == 0 { "" } else { "; " })?;
        }
        Ok(())
    }
}

impl std::error::Error for SettingsError {}

/// Out of line: a copy inlined at each of the checks' calls is wasm for nothing.
#[inline(never)]
fn err(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError { field: field.into(), message: message.into() }
}

/// Validation errors as [`Settings::validate`] finds them: one small call per check, where
/// building each [`FieldError`] in place cost the worker's wasm 2 KB.
struct Found(Vec<FieldError>);

impl Found {
    #[inline(never)]
    fn add(&mut self, field: &str, message: &str) {
        self.0.push(FieldError { field: field.to_string(), message: message.to_string() });
    }
}

impl Settings {
    /// Reads settings from JSON text: migrates older versions, then validates (the
    /// [`FromJson`] impl alone does neither). Errors name the field
    /// (`help_links[2].url: not a URL`); a document with any error is refused whole.
    pub fn from_json(text: &str) -> Result<Settings, SettingsError> {
        Settings::from_value(parse(text)?)
    }

    /// As [`Settings::from_json`], from an already parsed value.
    pub fn from_value(value: Json) -> Result<Settings, SettingsError> {
        let settings = Settings::read(value)?;
        settings.validate()?;
        Ok(settings)
    }

    /// Reads settings that were validated when they were written (the options page and the
    /// import store nothing else): migrated and read, each value of its type, but not checked
    /// again. The service worker's engine reads them so, and copes with any value (a clock
    /// whose business hours close before they open counts calendar days): the checks and their
    /// messages are 2 KB of its wasm, and a value a later version allows is then used, not
    /// thrown away with the rest.
    pub fn from_stored(text: &str) -> Result<Settings, SettingsError> {
        Settings::read(parse(text)?)
    }

    fn read(value: Json) -> Result<Settings, SettingsError> {
        <Settings as FromJson>::from_json(&migrate(value)?).map_err(|e| SettingsError(vec![field_error(e)]))
    }

    /// Every problem at once, so an import can be fixed in one go.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let mut errors = Found(Vec::new());
        if self.version != CURRENT_VERSION {
            errors.add("version", &format!("must be {CURRENT_VERSION}"));
        }
        let initials = self.initials.trim();
        if super::text::char_count(initials) > 4 {
            errors.add("initials", "at most 4 characters, e.g. \"JS\"");
        }
        if !initials.chars().all(text::is_letter_or_digit) {
            errors.add("initials", "letters and digits only, e.g. \"JS\"");
        }
        if self.signature.required && initials.is_empty() {
            errors.add("signature.required", "needs initials to sign with");
        }
        if !super::text::contains(&self.signature.format, "{initials}") {
            errors.add("signature.format", "must contain {initials}");
        }
        if super::text::char_count(&self.brand_name) > 60 {
            errors.add("brand_name", "at most 60 characters");
        }
        for (i, link) in self.help_links.iter().enumerate() {
            if link.title.trim().is_empty() {
                errors.add(&format!("help_links[{i}].title"), "must not be empty");
            }
            if !is_url(&link.url) {
                errors.add(&format!("help_links[{i}].url"), "not a URL (expected https://…)");
            }
        }
        for (name, list) in [
            ("complaint", &self.templates.complaint),
            ("question", &self.templates.question),
            ("praise", &self.templates.praise),
            ("greeting", &self.templates.greeting),
            ("other", &self.templates.other),
            ("follower", &self.templates.follower),
        ] {
            for (i, t) in list.iter().enumerate() {
                let field = format!("templates.{name}[{i}]");
                if t.trim().is_empty() {
                    errors.add(&field, "must not be empty");
                } else if let Some(bad) = unknown_placeholder(t) {
                    let message = format!("unknown placeholder {{{bad}}} (use {{name}}, {{brand}}, {{initials}} or {{link}})");
                    errors.add(&field, &message);
                }
            }
        }
        let fb = &self.follow_back;
        for (field, v) in [
            ("follow_back.follow_threshold", fb.follow_threshold),
            ("follow_back.skip_threshold", fb.skip_threshold),
        ] {
            if !(0.0..=1.0).contains(&v) {
                errors.add(field, "must be between 0 and 1");
            }
        }
        if fb.skip_threshold > fb.follow_threshold {
            errors.add("follow_back.skip_threshold", "must not be above follow_threshold");
        }
        let rt = &self.response_targets;
        for (field, v) in [
            ("response_targets.complaint_minutes", rt.complaint_minutes),
            ("response_targets.question_minutes", rt.question_minutes),
        ] {
            if v == 0 || v > 7 * 24 * 60 {
                errors.add(field, "must be between 1 and 10080 minutes");
            }
        }
        if rt.other_business_days == 0 || rt.other_business_days > 30 {
            errors.add("response_targets.other_business_days", "must be between 1 and 30");
        }
        if !(0.0..1.0).contains(&rt.due_soon_fraction) || rt.due_soon_fraction <= 0.0 {
            errors.add("response_targets.due_soon_fraction", "must be above 0 and below 1");
        }
        let bh = &self.business_hours;
        let start = parse_hhmm(&bh.start);
        let end = parse_hhmm(&bh.end);
        if start.is_none() {
            errors.add("business_hours.start", "not a time (expected HH:MM, e.g. 09:00)");
        }
        if end.is_none() {
            errors.add("business_hours.end", "not a time (expected HH:MM, e.g. 17:30)");
        }
        if let (Some(s), Some(e)) = (start, end) {
            if s >= e {
                errors.add("business_hours.end", "must be after business_hours.start");
            }
        }
        if !bh.days.iter().any(|d| *d) {
            errors.add("business_hours.days", "at least one working day");
        }
        for (i, words) in self.muted.iter().enumerate() {
            if muted_key(words).is_empty() {
                errors.add(&format!("muted[{i}]"), "must not be empty");
            } else if super::text::char_count(words) > MUTED_MAX_CHARS {
                errors.add(&format!("muted[{i}]"), "at most 500 characters");
            }
        }
        if self.muted.len() > MUTED_MAX {
            errors.add("muted", "at most 500 warnings turned off");
        }
        if errors.0.is_empty() {
            Ok(())
        } else {
            Err(SettingsError(errors.0))
        }
    }

    /// Settings as pretty JSON, for export.
    pub fn to_json_text(&self) -> String {
        self.to_json().to_text_pretty()
    }

    /// Turns off warnings on `words` (a warning's span): true when they were not off already.
    pub fn mute(&mut self, words: &str) -> bool {
        let key = muted_key(words);
        if key.is_empty() || self.is_muted(&key) {
            return false;
        }
        self.muted.push(words.trim().to_string());
        true
    }

    /// Whether a warning whose words have [`muted_key`] `key` was turned off. An entry whose
    /// first letter differs is passed over before its key is written out: this runs for every
    /// warning of every check, and the list holds up to 500 entries.
    pub fn is_muted(&self, key: &str) -> bool {
        let first = key.chars().next();
        self.muted.iter().any(|m| m.trim_start().chars().next().map(key_char) == first && muted_key(m) == key)
    }

    /// The signature to append, if the agent has initials.
    pub fn signature_text(&self) -> Option<String> {
        let initials = self.initials.trim();
        (!initials.is_empty()).then(|| super::text::replace(&self.signature.format, "{initials}", initials))
    }
}

/// The most warnings turned off, and the longest words of one (a long sentence a model found).
const MUTED_MAX: usize = 500;
const MUTED_MAX_CHARS: usize = 500;

/// Words of a warning as they are compared: lowercase, curly apostrophes straight, spaces
/// collapsed, no closing punctuation. "Sorry you feel that way." and "sorry you feel that way"
/// are one warning.
pub fn muted_key(words: &str) -> String {
    let mut key = String::with_capacity(words.len());
    for word in words.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().map(key_char));
    }
    while key.ends_with(['.', '!', '?', ',', ';', ':']) {
        key.pop();
    }
    key
}

/// A character of a [`muted_key`]: lowercase, a curly apostrophe straight.
fn key_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' => '\'',
        c => super::text::lower(c),
    }
}

/// A settings document's JSON, or the error a settings screen shows for text that is not JSON.
fn parse(text: &str) -> Result<Json, SettingsError> {
    json::parse(text).map_err(|e| SettingsError(vec![err("", format!("not valid JSON ({e})"))]))
}

/// Brings an older settings document up to [`CURRENT_VERSION`].
///
/// Version 0 is the first draft of the format: a single `signature` string (`"^JS"`) instead of
/// `initials` + `signature`, and `targets_minutes` instead of `response_targets`.
fn migrate(mut value: Json) -> Result<Json, SettingsError> {
    let version = match value.get("version") {
        _ if !matches!(value, Json::Object(_)) => return Err(SettingsError(vec![err("", "must be a JSON object")])),
        None => 0,
        Some(v) => u32::from_json(v).map_err(|_| SettingsError(vec![err("version", "must be a whole number")]))?,
    };
    if version > CURRENT_VERSION {
        return Err(SettingsError(vec![err(
            "version",
            format!("{version} is newer than this Boomerang understands ({CURRENT_VERSION}); update the extension"),
        )]));
    }
    if version == 0 {
        if let Some(sig) = value.get("signature").and_then(Json::as_str) {
            let initials: String = sig.chars().filter(|&c| text::is_letter_or_digit(c)).collect();
            value.set("initials", Json::String(initials));
            value.set("signature", Json::Object(vec![("required".into(), Json::Bool(true))]));
        }
        if let Json::Object(fields) = &mut value {
            if let Some(at) = fields.iter().position(|(k, _)| k == "targets_minutes") {
                let (_, minutes) = fields.remove(at);
                // Both targets get the number; anything else is refused at complaint_minutes, read
                // first, so question_minutes needs no copy of it (a deep `Json` clone is 0.8 KB).
                let copy = minutes.as_f64().map_or(Json::Null, Json::Number);
                let targets = vec![("complaint_minutes".into(), minutes), ("question_minutes".into(), copy)];
                value.set("response_targets", Json::Object(targets));
            }
        }
        value.set("version", CURRENT_VERSION.to_json());
    }
    Ok(value)
}

/// A field that could not be read, in the words a settings screen shows.
fn field_error(e: json::JsonError) -> FieldError {
    let json::JsonErrorDetail { path, mut message } = e.into_detail();
    if message.starts_with("unknown field `") {
        message = "unknown setting (check its spelling)".into();
    }
    FieldError { field: path, message }
}

fn unknown_placeholder(template: &str) -> Option<&str> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = super::text::slice(rest, open + 1..);
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !matches!(name, "name" | "brand" | "initials" | "link") {
            return Some(name);
        }
        rest = super::text::slice(after, close + 1..);
    }
    None
}

/// `HH:MM` (24-hour) as minutes after midnight; `24:00` is allowed as an end of day.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    let total = h * 60 + m;
    (m < 60 && total <= 24 * 60).then_some(total)
}

fn is_url(s: &str) -> bool {
    let s = s.trim();
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
                && host.chars().all(|c| text::is_letter_or_digit(c) || matches!(c, '.' | '-' | ':'))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_reads_stored_settings_unchecked_and_the_engine_copes_with_any_value() {
        use crate::engine::api::{CheckRequest, ClockRequest, ClockState, Follower, SuggestRequest};
        // Every value here fails a check; each still has its type.
        let text = r#"{"version":1,"initials":"ABCDEFG","signature":{"required":true,"format":"--"},
            "help_links":[{"title":"","url":"not a url","keywords":["refund"]}],
            "templates":{"complaint":["Sorry {who}, we're on it."]},
            "follow_back":{"follow_threshold":2.5,"skip_threshold":3.0},
            "response_targets":{"complaint_minutes":0,"question_minutes":0,"other_business_days":0,"due_soon_fraction":7.0},
            "business_hours":{"start":"18:00","end":"9am","days":[false,false,false,false,false,false,false]}}"#;
        assert!(Settings::from_json(text).unwrap_err().0.len() >= 8, "every value is refused where settings are written");
        let engine = crate::engine::Engine::new(Settings::from_stored(text).expect("read as stored"));
        assert!(Settings::from_stored(r#"{"version":1,"initials":3}"#).is_err(), "a value of the wrong type still throws");

        let draft = CheckRequest { text: "That's not our fault.".into(), ..Default::default() };
        assert!(!engine.check(&draft).issues.is_empty());
        let complaint = SuggestRequest { text: "My refund never arrived, I'm furious".into(), ..Default::default() };
        let said = engine.suggest(&complaint);
        assert!(said.suggestions.iter().all(|s| !s.text.is_empty() && s.text.chars().count() <= 280), "{said:?}");
        let follower = Follower { handle: "sam".into(), name: "Sam".into(), interacted: true, ..Default::default() };
        assert!((0.0..=1.0).contains(&engine.follow(&follower).score));
        let posted = 1_700_000_000_000;
        for intent in [Some(Intent::Complaint), Some(Intent::Praise)] {
            let req = ClockRequest { posted_at_ms: posted, now_ms: posted + 60_000, intent, ..Default::default() };
            let clock = engine.clock(&req);
            assert!(clock.due_at_ms >= posted && clock.status != ClockState::Answered, "{clock:?}");
        }
    }

    #[test]
    fn defaults_are_valid_and_round_trip() {
        let s = Settings::default();
        s.validate().unwrap();
        assert_eq!(Settings::from_json(&s.to_json_text()).unwrap(), s);
    }

    #[test]
    fn empty_object_is_a_v0_document_with_defaults() {
        assert_eq!(Settings::from_json("{}").unwrap(), Settings::default());
    }

    #[test]
    fn bad_help_link_names_the_field() {
        let e = Settings::from_json(
            r#"{"version":1,"help_links":[{"title":"a","url":"https://a.com"},{"title":"b","url":"https://b.com"},{"title":"c","url":"not a url"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.0[0].field, "help_links[2].url");
        assert!(e.to_string().contains("help_links[2].url: not a URL"));
    }

    #[test]
    fn warnings_turned_off_are_kept_once_and_checked_by_their_words() {
        let mut s = Settings::default();
        assert!(s.mute("Sorry you feel that way"));
        assert!(!s.mute("  sorry you feel  that way. "), "the same words, however written, are off once");
        assert!(s.mute("Reply with your order number"));
        assert_eq!(s.muted, ["Sorry you feel that way", "Reply with your order number"]);
        assert!(s.is_muted(&muted_key("SORRY you feel that way!")));
        assert!(!s.is_muted(&muted_key("sorry you feel")));
        // An entry is passed over by its first letter, compared as its key writes it.
        assert!(s.mute("\u{2018}Tis the season to wait"));
        assert!(s.is_muted(&muted_key("'tis the season to wait")));
        assert!(!s.is_muted(&muted_key("Sorry.")));
        assert_eq!(muted_key("It\u{2019}s   not our fault."), "it's not our fault");
        assert_eq!(Settings::from_json(&s.to_json_text()).unwrap(), s);
        let e = Settings::from_json(r#"{"version":1,"muted":["not our fault","  . "]}"#).unwrap_err();
        assert_eq!(e.to_string(), "muted[1]: must not be empty");
    }

    #[test]
    fn unknown_field_is_named() {
        let e = Settings::from_json(r#"{"version":1,"initals":"JS"}"#).unwrap_err();
        assert_eq!(e.0[0].field, "initals");
    }

    #[test]
    fn wrong_type_is_reported() {
        let e = Settings::from_json(r#"{"version":1,"sensitivity":"extreme"}"#).unwrap_err();
        assert_eq!(e.0[0].field, "sensitivity");
        assert!(e.to_string().contains("extreme"), "{e}");
        let e = Settings::from_json(r#"{"version":1,"follow_back":{"follow_threshold":"high"}}"#)
            .unwrap_err();
        assert_eq!(e.0[0].field, "follow_back.follow_threshold");
    }

    #[test]
    fn newer_version_is_refused() {
        let e = Settings::from_json(r#"{"version":9}"#).unwrap_err();
        assert_eq!(e.0[0].field, "version");
    }

    #[test]
    fn v0_signature_migrates_to_initials() {
        let s = Settings::from_json(r#"{"signature":"^JS","targets_minutes":30}"#).unwrap();
        assert_eq!(s.initials, "JS");
        assert!(s.signature.required);
        assert_eq!(s.response_targets.complaint_minutes, 30);
        assert_eq!(s.version, CURRENT_VERSION);
    }

    #[test]
    fn custom_settings_round_trip_through_their_exported_text() {
        let custom = Settings {
            initials: "JS".into(),
            sensitivity: Sensitivity::High,
            help_links: vec![HelpLink { title: "Refunds".into(), url: "https://a.com/r".into(), keywords: vec!["money back".into()] }],
            follow_back: FollowBackRules { follow_threshold: 0.8, skip_threshold: 0.2, ..FollowBackRules::default() },
            ..Settings::default()
        };
        let text = custom.to_json_text();
        assert!(text.contains("\n  \"initials\": \"JS\""), "pretty, for a person to read: {text}");
        assert_eq!(Settings::from_json(&text).unwrap(), custom);
    }

    #[test]
    fn a_document_that_is_not_an_object_or_not_json_says_so() {
        assert_eq!(Settings::from_json("[1]").unwrap_err().to_string(), "must be a JSON object");
        assert!(Settings::from_json("{\"version\":1,").unwrap_err().to_string().starts_with("not valid JSON"));
        let e = Settings::from_json(r#"{"version":"one"}"#).unwrap_err();
        assert_eq!(e.to_string(), "version: must be a whole number");
    }

    #[test]
    fn every_problem_is_listed() {
        let e = Settings::from_json(
            r#"{"version":1,"business_hours":{"start":"9am","end":"17:00","days":[false,false,false,false,false,false,false]},"templates":{"praise":["Thanks {nme}!"]}}"#,
        )
        .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert!(fields.contains(&"business_hours.start"));
        assert!(fields.contains(&"business_hours.days"));
        assert!(fields.contains(&"templates.praise[0]"));
    }

    #[test]
    fn hhmm_parses() {
        assert_eq!(parse_hhmm("09:30"), Some(570));
        assert_eq!(parse_hhmm("24:00"), Some(1440));
        assert_eq!(parse_hhmm("24:01"), None);
        assert_eq!(parse_hhmm("9"), None);
    }
}
