//! Today's figures as the popup shows them: rows of text per platform and in total, computed by
//! the engine's [`Stats::summary`] so a figure means the same everywhere.


use crate::engine::platform::Platform;
use crate::engine::stats::{Stats, Summary};

use super::site::platform_label;

/// The seed figure to beat: one brand's public replies, 7 blaming or denying to 2 helping.
pub const SEED_BLAMING: u32 = 7;
pub const SEED_HELPING: u32 = 2;

/// Columns of the figures table, in order: each platform, then the total.
pub const PLATFORMS: [Platform; 2] = [Platform::X, Platform::Facebook];

#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    /// Stable name for styling and tests.
    pub key: &'static str,
    pub label: &'static str,
    /// One cell per [`PLATFORMS`] entry, then the total.
    pub cells: Vec<String>,
}

/// The helping-to-harmful comparison with the seed figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ToneScore {
    /// "5 helping : 1 harmful".
    pub today: String,
    /// "7 blaming : 2 helping".
    pub seed: String,
    /// One sentence on where today stands against the seed.
    pub verdict: String,
}

/// The local day `YYYY-MM-DD` that events are filed under.
pub fn day_string(year: u32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// The summary of one platform alone, by the same rules as the total.
fn platform_summary(summary: &Summary, platform: Platform) -> Summary {
    let mut only = Stats::default();
    if let Some(counters) = summary.per_platform.get(&platform) {
        only.days.insert(summary.day.clone(), [(platform, counters.clone())].into_iter().collect());
    }
    only.summary(&summary.day)
}

fn percent(ratio: Option<f32>) -> String {
    ratio.map_or_else(|| "—".into(), |r| format!("{}%", (r * 100.0).round() as u32))
}

/// "4 min", "1 h 20 min", "2 d 3 h"; a dash when nothing was answered.
pub fn duration_text(minutes: Option<u32>) -> String {
    let Some(m) = minutes else { return "—".into() };
    match m {
        0..=59 => format!("{m} min"),
        60..=1439 if m % 60 == 0 => format!("{} h", m / 60),
        60..=1439 => format!("{} h {} min", m / 60, m % 60),
        _ if m % 1440 < 60 => format!("{} d", m / 1440),
        _ => format!("{} d {} h", m / 1440, (m % 1440) / 60),
    }
}

fn cells(summary: &Summary, row: fn(&Summary) -> String) -> Vec<String> {
    let mut out: Vec<String> =
        PLATFORMS.iter().map(|&p| row(&platform_summary(summary, p))).collect();
    out.push(row(summary));
    out
}

/// Column headings matching [`FigureRow::cells`].
pub fn column_labels() -> Vec<&'static str> {
    let mut labels: Vec<&'static str> = PLATFORMS.iter().map(|&p| platform_label(p)).collect();
    labels.push("Total");
    labels
}

/// Every row of today's table, in display order.
pub fn rows(stats: &Stats, day: &str) -> Vec<FigureRow> {
    let summary = stats.summary(day);
    let table: [(&'static str, &'static str, fn(&Summary) -> String); 6] = [
        ("replies", "Replies written with Boomerang", |s| {
            format!("{} of {}", s.total.replies_with_boomerang, s.total.replies)
        }),
        ("warnings", "Warnings shown", |s| s.total.warnings_shown.to_string()),
        ("revised", "Warnings revised", |s| match s.revised_ratio {
            Some(_) => format!("{} ({})", s.total.warnings_revised, percent(s.revised_ratio)),
            None => s.total.warnings_revised.to_string(),
        }),
        ("follow_backs", "Follow-backs", |s| {
            format!("{} of {}", s.total.follow_backs, s.total.followers_seen)
        }),
        ("follow_back_ratio", "Follow-back ratio", |s| percent(s.follow_back_ratio)),
        ("median_reply", "Median time to first reply", |s| duration_text(s.median_reply_minutes)),
    ];
    table.into_iter().map(|(key, label, row)| FigureRow { key, label, cells: cells(&summary, row) }).collect()
}

/// Today's helping:harmful replies beside the seed's 7 blaming to 2 helping.
pub fn tone_score(stats: &Stats, day: &str) -> ToneScore {
    let total = stats.summary(day).total;
    let (helping, harmful) = (total.helping_replies, total.harmful_replies);
    let seed_share = SEED_HELPING as f32 / (SEED_HELPING + SEED_BLAMING) as f32;
    let verdict = if helping + harmful == 0 {
        "No replies judged yet today.".to_string()
    } else {
        let share = helping as f32 / (helping + harmful) as f32;
        let pct = |r: f32| (r * 100.0).round() as u32;
        // Beating the seed means a larger helping share: helping/(all) > 2/9.
        let standing = match (helping * SEED_BLAMING).cmp(&(harmful * SEED_HELPING)) {
            std::cmp::Ordering::Greater => "Ahead",
            std::cmp::Ordering::Equal => "Level",
            std::cmp::Ordering::Less => "Behind",
        };
        format!("{standing}: {}% of today's replies helped, against {}%.", pct(share), pct(seed_share))
    };
    ToneScore {
        today: format!("{helping} helping : {harmful} harmful"),
        seed: format!("{SEED_BLAMING} blaming : {SEED_HELPING} helping"),
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::stats::{Event, EventKind};

    const DAY: &str = "2026-11-24";

    fn record(stats: &mut Stats, kind: EventKind, platform: Platform, tweak: impl Fn(&mut Event)) {
        let mut e = Event { kind, platform, day: DAY.into(), minutes: None, clean: None, with_suggestion: None };
        tweak(&mut e);
        stats.record(&e);
    }

    fn sample() -> Stats {
        let mut s = Stats::default();
        for (platform, minutes, clean, with) in
            [(Platform::X, 4, true, true), (Platform::X, 30, true, false), (Platform::Facebook, 90, false, true)]
        {
            record(&mut s, EventKind::ReplySent, platform, |e| {
                e.minutes = Some(minutes);
                e.clean = Some(clean);
                e.with_suggestion = Some(with);
            });
        }
        for _ in 0..3 {
            record(&mut s, EventKind::WarningShown, Platform::X, |_| {});
            record(&mut s, EventKind::FollowerSeen, Platform::X, |_| {});
        }
        record(&mut s, EventKind::WarningRevised, Platform::X, |_| {});
        record(&mut s, EventKind::FollowedBack, Platform::X, |_| {});
        s
    }

    fn row(rows: &[FigureRow], key: &str) -> Vec<String> {
        rows.iter().find(|r| r.key == key).unwrap().cells.clone()
    }

    #[test]
    fn per_platform_and_total_columns() {
        let rows = rows(&sample(), DAY);
        assert_eq!(column_labels(), ["X", "Facebook", "Total"]);
        assert_eq!(row(&rows, "replies"), ["1 of 2", "1 of 1", "2 of 3"]);
        assert_eq!(row(&rows, "warnings"), ["3", "0", "3"]);
        assert_eq!(row(&rows, "revised"), ["1 (33%)", "0", "1 (33%)"]);
        assert_eq!(row(&rows, "follow_backs"), ["1 of 3", "0 of 0", "1 of 3"]);
        assert_eq!(row(&rows, "follow_back_ratio"), ["33%", "—", "33%"]);
        // X waited 4 and 30 (median 17), Facebook 90, all three 30.
        assert_eq!(row(&rows, "median_reply"), ["17 min", "1 h 30 min", "30 min"]);
    }

    #[test]
    fn an_empty_day_shows_zeros_and_dashes() {
        let rows = rows(&sample(), "2026-11-25");
        assert_eq!(row(&rows, "replies"), ["0 of 0", "0 of 0", "0 of 0"]);
        assert_eq!(row(&rows, "median_reply"), ["—", "—", "—"]);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(Some(0)), "0 min");
        assert_eq!(duration_text(Some(120)), "2 h");
        assert_eq!(duration_text(Some(61)), "1 h 1 min");
        assert_eq!(duration_text(Some(1440 + 180)), "1 d 3 h");
        assert_eq!(duration_text(Some(2 * 1440 + 5)), "2 d");
    }

    #[test]
    fn tone_score_against_the_seed() {
        let score = tone_score(&sample(), DAY);
        assert_eq!(score.today, "2 helping : 1 harmful");
        assert_eq!(score.seed, "7 blaming : 2 helping");
        assert!(score.verdict.starts_with("Ahead: 67%"), "{}", score.verdict);

        let mut worse = Stats::default();
        for clean in [false, false, false, false, true] {
            record(&mut worse, EventKind::ReplySent, Platform::X, |e| e.clean = Some(clean));
        }
        // 1 in 5 helping is below the seed's 2 in 9.
        assert!(tone_score(&worse, DAY).verdict.starts_with("Behind: 20%"));
        assert_eq!(tone_score(&Stats::default(), DAY).verdict, "No replies judged yet today.");
    }

    #[test]
    fn days_are_zero_padded() {
        assert_eq!(day_string(2026, 3, 7), "2026-03-07");
    }
}
