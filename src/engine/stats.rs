//! The agent's own engagement figures: events counted per local day and platform, kept 30 days.
//!
//! The extension stores the [`Stats`] document as it is and folds events into it here, so what a
//! figure means is decided once, in Rust.

use crate::{json_answer, json_enum, json_object};

use super::json::{FromJson, OrderedMap, ToJson};
use super::platform::Platform;

json_enum!(EventKind {
    SuggestionInserted => "suggestion_inserted",
    WarningShown => "warning_shown",
    WarningRevised => "warning_revised",
    ReplySent => "reply_sent",
    FollowerSeen => "follower_seen",
    FollowedBack => "followed_back",
});
json_object!(Event (kind, platform, day) { minutes, clean, with_suggestion });
json_object!(Counters {
    replies, replies_with_boomerang, helping_replies, harmful_replies, suggestions_inserted, warnings_shown,
    warnings_revised, followers_seen, follow_backs, reply_minutes,
} ignore_unknown);
json_object!(Stats { days } ignore_unknown);
json_answer!(Summary { day, total, per_platform, follow_back_ratio, median_reply_minutes, revised_ratio });

/// Days of history kept; older days are dropped as new ones arrive.
pub const KEEP_DAYS: usize = 30;

/// `Default` only so that [`Event`]'s JSON reader can fill one field by field; `kind` is
/// required, so the default is never what an event says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventKind {
    #[default]
    /// A suggestion was inserted into the composer.
    SuggestionInserted,
    /// A tone warning was shown on a draft.
    WarningShown,
    /// A warning went away because the agent changed the draft (by hand or by the rewrite).
    WarningRevised,
    /// A reply was posted; `clean` says whether it went out with no blame/deflection/hostile
    /// warning open, `minutes` how long the message had waited.
    ReplySent,
    /// A follower prompt was shown.
    FollowerSeen,
    /// The agent clicked "Follow back" on a prompt.
    FollowedBack,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    pub kind: EventKind,
    pub platform: Platform,
    /// The agent's local date, `YYYY-MM-DD`.
    pub day: String,
    pub minutes: Option<u32>,
    pub clean: Option<bool>,
    pub with_suggestion: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counters {
    pub replies: u32,
    pub replies_with_boomerang: u32,
    pub helping_replies: u32,
    pub harmful_replies: u32,
    pub suggestions_inserted: u32,
    pub warnings_shown: u32,
    pub warnings_revised: u32,
    pub followers_seen: u32,
    pub follow_backs: u32,
    /// Minutes each answered message had waited, for the median.
    pub reply_minutes: Vec<u32>,
}

impl Counters {
    fn add(&mut self, other: &Counters) {
        self.replies += other.replies;
        self.replies_with_boomerang += other.replies_with_boomerang;
        self.helping_replies += other.helping_replies;
        self.harmful_replies += other.harmful_replies;
        self.suggestions_inserted += other.suggestions_inserted;
        self.warnings_shown += other.warnings_shown;
        self.warnings_revised += other.warnings_revised;
        self.followers_seen += other.followers_seen;
        self.follow_backs += other.follow_backs;
        self.reply_minutes.extend_from_slice(&other.reply_minutes);
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Day → platform → counters.
    pub days: OrderedMap<String, OrderedMap<Platform, Counters>>,
}

/// What the popup shows for one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub day: String,
    pub total: Counters,
    pub per_platform: OrderedMap<Platform, Counters>,
    /// Follow-backs over followers seen, 0–1; `None` before any follower was seen.
    pub follow_back_ratio: Option<f32>,
    pub median_reply_minutes: Option<u32>,
    /// Share of revised warnings, 0–1.
    pub revised_ratio: Option<f32>,
}

impl Stats {
    /// Folds one event (JSON text) into stored figures (JSON text, or `None` for none yet) and
    /// returns the new document: what the worker does with each event. An error says which of
    /// the two did not read, and what in it; the stored figures are then left as they were.
    pub fn record_text(stored: Option<&str>, event: &str) -> Result<String, String> {
        let mut stats = match stored {
            Some(text) => Stats::from_json_text(text).map_err(|e| format!("stats: {e}"))?,
            None => Stats::default(),
        };
        stats.record(&Event::from_json_text(event).map_err(|e| format!("event: {e}"))?);
        Ok(stats.to_json().to_text())
    }

    pub fn record(&mut self, event: &Event) {
        if !is_day(&event.day) {
            return;
        }
        let c = self.days.get_or_default(event.day.clone()).get_or_default(event.platform);
        match event.kind {
            EventKind::SuggestionInserted => c.suggestions_inserted += 1,
            EventKind::WarningShown => c.warnings_shown += 1,
            EventKind::WarningRevised => c.warnings_revised += 1,
            EventKind::FollowerSeen => c.followers_seen += 1,
            EventKind::FollowedBack => c.follow_backs += 1,
            EventKind::ReplySent => {
                c.replies += 1;
                if event.with_suggestion == Some(true) {
                    c.replies_with_boomerang += 1;
                }
                match event.clean {
                    Some(true) => c.helping_replies += 1,
                    Some(false) => c.harmful_replies += 1,
                    None => {}
                }
                if let Some(m) = event.minutes {
                    c.reply_minutes.push(m);
                }
            }
        }
        self.days.keep_last(KEEP_DAYS);
    }

    pub fn summary(&self, day: &str) -> Summary {
        let per_platform = self.days.get(day).cloned().unwrap_or_default();
        let mut total = Counters::default();
        for c in per_platform.values() {
            total.add(c);
        }
        let ratio = |a: u32, b: u32| (b > 0).then(|| a as f32 / b as f32);
        Summary {
            day: day.to_string(),
            follow_back_ratio: ratio(total.follow_backs, total.followers_seen),
            median_reply_minutes: median(&total.reply_minutes),
            revised_ratio: ratio(total.warnings_revised, total.warnings_shown),
            total,
            per_platform,
        }
    }
}

fn median(values: &[u32]) -> Option<u32> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    crate::engine::sort::sort_u32(&mut v);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2 })
}

fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: EventKind, platform: Platform, day: &str) -> Event {
        Event { kind, platform, day: day.into(), minutes: None, clean: None, with_suggestion: None }
    }

    #[test]
    fn record_text_folds_an_event_into_stored_figures() {
        let event = r#"{"kind":"suggestion_inserted","platform":"x","day":"2026-11-24"}"#;
        let first = Stats::record_text(None, event).unwrap();
        let second = Stats::record_text(Some(&first), event).unwrap();
        let stats = Stats::from_json_text(&second).unwrap();
        assert_eq!(stats.summary("2026-11-24").total.suggestions_inserted, 2);
    }

    #[test]
    fn record_text_names_what_did_not_read() {
        let event = r#"{"kind":"suggestion_inserted","platform":"x","day":"2026-11-24"}"#;
        let bad_stats = Stats::record_text(Some("{\"days\": 3}"), event).unwrap_err();
        assert!(bad_stats.starts_with("stats: ") && bad_stats.contains("days"), "{bad_stats}");
        let bad_event = Stats::record_text(None, r#"{"kind":"shrug","platform":"x","day":"2026-11-24"}"#).unwrap_err();
        assert!(bad_event.starts_with("event: ") && bad_event.contains("shrug"), "{bad_event}");
    }

    #[test]
    fn counts_per_platform_and_totals() {
        let mut s = Stats::default();
        s.record(&ev(EventKind::FollowerSeen, Platform::X, "2026-11-24"));
        s.record(&ev(EventKind::FollowerSeen, Platform::Facebook, "2026-11-24"));
        s.record(&ev(EventKind::FollowedBack, Platform::X, "2026-11-24"));
        let sum = s.summary("2026-11-24");
        assert_eq!(sum.total.followers_seen, 2);
        assert_eq!(sum.per_platform[&Platform::X].follow_backs, 1);
        assert_eq!(sum.follow_back_ratio, Some(0.5));
        assert_eq!(s.summary("2026-11-23").total, Counters::default());
    }

    #[test]
    fn median_reply_time_and_helping_ratio() {
        let mut s = Stats::default();
        for (m, clean) in [(5, true), (50, false), (20, true)] {
            let mut e = ev(EventKind::ReplySent, Platform::X, "2026-11-24");
            e.minutes = Some(m);
            e.clean = Some(clean);
            s.record(&e);
        }
        let sum = s.summary("2026-11-24");
        assert_eq!(sum.median_reply_minutes, Some(20));
        assert_eq!((sum.total.helping_replies, sum.total.harmful_replies), (2, 1));
    }

    #[test]
    fn keeps_thirty_days_and_ignores_bad_dates() {
        let mut s = Stats::default();
        for d in 1..=31 {
            s.record(&ev(EventKind::WarningShown, Platform::X, &format!("2026-10-{d:02}")));
        }
        s.record(&ev(EventKind::WarningShown, Platform::X, "yesterday"));
        assert_eq!(s.days.len(), KEEP_DAYS);
        assert!(s.days.get("2026-10-01").is_none());
    }
}
