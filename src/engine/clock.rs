//! Response clock: how long a mention has waited, when its answer is due, and whether it is
//! `ok`, `due_soon` or `overdue`.
//!
//! Complaints and questions are due a fixed number of wall-clock minutes after they were posted
//! (`response_targets.complaint_minutes` / `question_minutes`): a customer expecting an answer
//! within the hour does not care that the office closed, so the badge says so honestly even out
//! of hours. Everything else (and a mention whose intent is unknown) is due within
//! `other_business_days` business days, counted only in the agent's business hours: a mention
//! posted at night or on a weekend starts counting at the next opening. "Due soon" starts once
//! `due_soon_fraction` of the allowed time has passed, in the same kind of time.
//!
//! Times are milliseconds since the Unix epoch; business hours are the agent's local time,
//! `utc_offset_minutes` east of UTC. Arithmetic saturates, so no timestamp can panic.

use super::api::{ClockRequest, ClockState, ClockStatus, Intent};
use super::settings::Settings;

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;
/// The most days the business-time walk looks ahead (30 business days with one working day a
/// week is 210 days); past it the due time is wherever the walk got to.
const MAX_WALK_DAYS: usize = 400;

pub fn status(req: &ClockRequest, settings: &Settings) -> ClockStatus {
    let targets = &settings.response_targets;
    let posted = req.posted_at_ms;
    let now = req.now_ms;
    let fraction = if targets.due_soon_fraction.is_finite() {
        f64::from(targets.due_soon_fraction).clamp(0.0, 1.0)
    } else {
        0.75
    };

    let wall_minutes = match req.intent {
        Some(Intent::Complaint) => Some(targets.complaint_minutes),
        Some(Intent::Question) => Some(targets.question_minutes),
        _ => None,
    };
    let (due_at, due_soon_at) = match wall_minutes {
        Some(minutes) => {
            let allowed = i64::from(minutes).saturating_mul(MINUTE);
            (posted.saturating_add(allowed), posted.saturating_add((allowed as f64 * fraction) as i64))
        }
        None => business_due(req, settings, fraction),
    };

    let waited_minutes = now.saturating_sub(posted).max(0) / MINUTE;
    let minutes_left = minutes_rounded_away(due_at.saturating_sub(now));
    let state = if req.answered {
        ClockState::Answered
    } else if now >= due_at {
        ClockState::Overdue
    } else if now >= due_soon_at {
        ClockState::DueSoon
    } else {
        ClockState::Ok
    };
    let label = match state {
        ClockState::Answered => "answered".to_string(),
        ClockState::Ok => duration(waited_minutes),
        ClockState::DueSoon => format!("due in {}", duration(minutes_left)),
        ClockState::Overdue => format!("{} overdue", duration(minutes_left.saturating_neg().max(1))),
    };
    ClockStatus { status: state, waited_minutes, due_at_ms: due_at, minutes_left, label }
}

/// Due and due-soon times for a target in business days.
fn business_due(req: &ClockRequest, settings: &Settings, fraction: f64) -> (i64, i64) {
    let hours = &settings.business_hours;
    let (open, close) = hours.minutes();
    let days = i64::from(settings.response_targets.other_business_days);
    let offset = i64::from(req.utc_offset_minutes).saturating_mul(MINUTE);
    let posted = req.posted_at_ms;
    if open >= close || !hours.days.iter().any(|d| *d) {
        // Unusable hours (only unvalidated settings get here): count whole days instead.
        let allowed = days.saturating_mul(DAY);
        return (posted.saturating_add(allowed), posted.saturating_add((allowed as f64 * fraction) as i64));
    }
    let week = BusinessWeek { open: i64::from(open) * MINUTE, close: i64::from(close) * MINUTE, days: hours.days };
    let allowed = days.saturating_mul(week.close - week.open);
    let local = posted.saturating_add(offset);
    let due = week.add(local, allowed).saturating_sub(offset);
    let due_soon = week.add(local, (allowed as f64 * fraction) as i64).saturating_sub(offset);
    (due, due_soon)
}

/// Business hours as milliseconds after local midnight, and the working days (Monday first).
struct BusinessWeek {
    open: i64,
    close: i64,
    days: [bool; 7],
}

impl BusinessWeek {
    /// The local time `amount` ms of business time after `start` (a local time); counting
    /// begins at the next opening when `start` is outside business hours.
    fn add(&self, start: i64, amount: i64) -> i64 {
        let mut t = start;
        let mut remaining = amount.max(0);
        for _ in 0..MAX_WALK_DAYS {
            let midnight = t.div_euclid(DAY).saturating_mul(DAY);
            let next_midnight = midnight.saturating_add(DAY);
            let open = midnight.saturating_add(self.open);
            let close = midnight.saturating_add(self.close);
            if !self.days[weekday(t)] || t >= close {
                if next_midnight == t {
                    break; // at the end of time
                }
                t = next_midnight;
                continue;
            }
            t = t.max(open);
            let available = close - t;
            if remaining <= available {
                return t + remaining;
            }
            remaining -= available;
            t = next_midnight;
        }
        t
    }
}

/// Day of the week of a local time, Monday = 0 (1970-01-01 was a Thursday).
fn weekday(local_ms: i64) -> usize {
    (local_ms.div_euclid(DAY) + 3).rem_euclid(7) as usize
}

/// Whole minutes, rounded away from zero: 30 s left is "due in 1 min", 30 s late is overdue.
fn minutes_rounded_away(ms: i64) -> i64 {
    let whole = ms / MINUTE;
    if ms % MINUTE == 0 {
        whole
    } else if ms > 0 {
        whole + 1
    } else {
        whole - 1
    }
}

/// "12 min", "1 h 5 min", "2 h", "3 d 4 h": the two largest units, for a badge.
fn duration(minutes: i64) -> String {
    // Never negative: `u64`'s digits, the integer printer the rest of the engine uses.
    let m = minutes.max(0) as u64;
    let (days, hours, mins) = (m / (24 * 60), m / 60 % 24, m % 60);
    match (days, hours, mins) {
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} d"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 2026-11-23 00:00 UTC, in ms.
    const MONDAY: i64 = 1_795_392_000_000;
    const HOUR: i64 = 60 * MINUTE;

    fn at(day: i64, hour: i64, minute: i64) -> i64 {
        MONDAY + day * DAY + hour * HOUR + minute * MINUTE
    }

    fn clock(posted: i64, now: i64, intent: Option<Intent>) -> ClockStatus {
        status(&ClockRequest { posted_at_ms: posted, now_ms: now, intent, ..Default::default() }, &Settings::default())
    }

    #[test]
    fn the_test_monday_is_a_monday() {
        assert_eq!(weekday(MONDAY), 0);
        assert_eq!(weekday(at(5, 12, 0)), 5, "Saturday");
        assert_eq!(weekday(-1), 2, "the last ms of 1969 was a Wednesday");
    }

    #[test]
    fn a_complaint_is_due_in_an_hour_of_wall_clock_time() {
        let posted = at(0, 10, 0);
        let s = clock(posted, at(0, 10, 12), Some(Intent::Complaint));
        assert_eq!(s.status, ClockState::Ok);
        assert_eq!(s.waited_minutes, 12);
        assert_eq!(s.due_at_ms, at(0, 11, 0));
        assert_eq!(s.minutes_left, 48);
        assert_eq!(s.label, "12 min");
    }

    #[test]
    fn due_soon_after_three_quarters_of_the_time() {
        let posted = at(0, 10, 0);
        assert_eq!(clock(posted, at(0, 10, 44), Some(Intent::Question)).status, ClockState::Ok);
        let s = clock(posted, at(0, 10, 52), Some(Intent::Question));
        assert_eq!(s.status, ClockState::DueSoon);
        assert_eq!(s.label, "due in 8 min");
    }

    #[test]
    fn overdue_says_by_how_much() {
        let s = clock(at(0, 10, 0), at(0, 13, 5), Some(Intent::Complaint));
        assert_eq!(s.status, ClockState::Overdue);
        assert_eq!(s.minutes_left, -125);
        assert_eq!(s.label, "2 h 5 min overdue");
        assert_eq!(s.waited_minutes, 185);
    }

    #[test]
    fn a_complaint_at_night_is_still_due_within_the_hour() {
        let s = clock(at(5, 23, 30), at(6, 0, 40), Some(Intent::Complaint));
        assert_eq!(s.status, ClockState::Overdue, "customers don't keep office hours");
    }

    #[test]
    fn other_mentions_get_one_business_day() {
        // Monday 15:00: two hours today, six tomorrow → Tuesday 15:00.
        let s = clock(at(0, 15, 0), at(0, 16, 0), Some(Intent::Praise));
        assert_eq!(s.due_at_ms, at(1, 15, 0));
        assert_eq!(s.status, ClockState::Ok);
        assert_eq!(s.label, "1 h");
    }

    #[test]
    fn an_evening_mention_starts_counting_at_the_next_opening() {
        let s = clock(at(1, 20, 30), at(2, 8, 0), None);
        assert_eq!(s.due_at_ms, at(2, 17, 0), "Wednesday 09:00 + 8 business hours");
        assert_eq!(s.status, ClockState::Ok);
        // Due soon after 6 of the 8 business hours, not after 3/4 of the wall-clock wait.
        assert_eq!(clock(at(1, 20, 30), at(2, 14, 59), None).status, ClockState::Ok);
        let soon = clock(at(1, 20, 30), at(2, 15, 0), None);
        assert_eq!(soon.status, ClockState::DueSoon);
        assert_eq!(soon.label, "due in 2 h");
    }

    #[test]
    fn weekends_are_skipped() {
        // Friday 16:00: one hour Friday, seven on Monday.
        assert_eq!(clock(at(4, 16, 0), at(5, 10, 0), Some(Intent::Greeting)).due_at_ms, at(7, 16, 0));
        // Saturday: counting starts Monday 09:00.
        let s = clock(at(5, 11, 0), at(7, 12, 0), Some(Intent::Other));
        assert_eq!(s.due_at_ms, at(7, 17, 0));
        assert_eq!(s.status, ClockState::Ok, "three business hours used of eight");
        assert_eq!(s.label, "2 d 1 h", "the badge still shows the wall-clock wait");
        assert_eq!(clock(at(5, 11, 0), at(7, 15, 30), Some(Intent::Other)).status, ClockState::DueSoon);
        let late = clock(at(5, 11, 0), at(8, 9, 30), Some(Intent::Other));
        assert_eq!(late.status, ClockState::Overdue);
        assert_eq!(late.label, "16 h 30 min overdue");
    }

    #[test]
    fn local_time_follows_the_utc_offset() {
        // 08:30 UTC is 09:30 in UTC+1: 7.5 business hours on Monday, 30 min on Tuesday.
        let req = ClockRequest {
            posted_at_ms: at(0, 8, 30),
            now_ms: at(0, 9, 0),
            intent: None,
            utc_offset_minutes: 60,
            answered: false,
        };
        let s = status(&req, &Settings::default());
        assert_eq!(s.due_at_ms, at(1, 8, 30), "Tuesday 09:30 local = 08:30 UTC");
        // West of UTC: 06:00 UTC Monday is 22:00 Sunday in UTC-8, so counting starts Monday
        // 09:00 local (17:00 UTC) and ends Monday 17:00 local (Tuesday 01:00 UTC).
        let req = ClockRequest { posted_at_ms: at(0, 6, 0), utc_offset_minutes: -480, ..req };
        assert_eq!(status(&req, &Settings::default()).due_at_ms, at(1, 1, 0));
    }

    #[test]
    fn business_days_and_hours_come_from_settings() {
        let mut s = Settings::default();
        s.response_targets.other_business_days = 2;
        s.business_hours.start = "08:00".into();
        s.business_hours.end = "12:00".into();
        s.business_hours.days = [true, false, true, false, false, false, false];
        let req = ClockRequest { posted_at_ms: at(0, 10, 0), now_ms: at(0, 10, 0), ..Default::default() };
        // Monday 10–12 (2 h), Wednesday 8–12 (4 h), Monday 8–10 (2 h) = 8 h.
        assert_eq!(status(&req, &s).due_at_ms, at(7, 10, 0));
        s.response_targets.complaint_minutes = 15;
        let req = ClockRequest { intent: Some(Intent::Complaint), ..req };
        assert_eq!(status(&req, &s).due_at_ms, at(0, 10, 15));
    }

    #[test]
    fn answered_stops_the_clock() {
        let req = ClockRequest {
            posted_at_ms: at(0, 10, 0),
            now_ms: at(0, 15, 0),
            intent: Some(Intent::Complaint),
            answered: true,
            ..Default::default()
        };
        let s = status(&req, &Settings::default());
        assert_eq!(s.status, ClockState::Answered);
        assert_eq!(s.label, "answered");
    }

    #[test]
    fn a_mention_from_the_future_has_waited_nothing() {
        let s = clock(at(0, 11, 0), at(0, 10, 0), Some(Intent::Complaint));
        assert_eq!(s.waited_minutes, 0);
        assert_eq!(s.status, ClockState::Ok);
        assert_eq!(s.label, "0 min");
    }

    #[test]
    fn labels_use_the_two_largest_units() {
        assert_eq!(duration(0), "0 min");
        assert_eq!(duration(59), "59 min");
        assert_eq!(duration(65), "1 h 5 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(duration(3 * 24 * 60 + 4 * 60 + 7), "3 d 4 h");
        assert_eq!(duration(2 * 24 * 60 + 7), "2 d");
        assert_eq!(clock(0, 30_000, Some(Intent::Complaint)).minutes_left, 60, "59.5 min left reads as 60");
        assert_eq!(clock(0, 60 * MINUTE + 1, Some(Intent::Complaint)).label, "1 min overdue");
    }

    #[test]
    fn never_panics_on_any_timestamps() {
        let extremes = [i64::MIN, i64::MIN + 1, -DAY, -1, 0, 1, MONDAY, i64::MAX - 1, i64::MAX];
        let offsets = [i32::MIN, -720, 0, 840, i32::MAX];
        for posted in extremes {
            for now in extremes {
                for utc_offset_minutes in offsets {
                    for intent in [None, Some(Intent::Complaint), Some(Intent::Other)] {
                        let req = ClockRequest { posted_at_ms: posted, now_ms: now, intent, utc_offset_minutes, answered: false };
                        let s = status(&req, &Settings::default());
                        assert!(s.waited_minutes >= 0);
                        assert!(!s.label.is_empty());
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_timestamps_give_a_consistent_status(
            posted in proptest::num::i64::ANY,
            now in proptest::num::i64::ANY,
            offset in -1440i32..=1440,
            kind in 0usize..7,
        ) {
            let intent = Intent::ALL.get(kind).copied();
            let req = ClockRequest { posted_at_ms: posted, now_ms: now, intent, utc_offset_minutes: offset, answered: false };
            let s = status(&req, &Settings::default());
            proptest::prop_assert!(s.waited_minutes >= 0);
            proptest::prop_assert_eq!(s.status == ClockState::Overdue, now >= s.due_at_ms);
            if s.status == ClockState::Overdue {
                proptest::prop_assert!(s.label.ends_with("overdue"));
            }
        }
    }
}
