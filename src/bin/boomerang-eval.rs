//! `boomerang-eval [EVAL_DIR]` (`make eval`): the engine's figures on `../shared/eval/`.
//!
//! Prints a table of every figure beside its target with PASS/MISS, then the cases a person
//! should look at (every flagged real brand reply, every wrong dev-set answer), and writes the
//! figures as JSON to `out/eval.json`. Missing a target is a measurement, not a failure: the
//! exit status is non-zero only when the data cannot be read.

#[path = "eval/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use boomerang::engine::text::{utf16_to_byte, Text};
use boomerang::engine::{intent, learned, problem, tone};
use boomerang::engine::{
    CheckRequest, ClassifyRequest, Engine, FollowDecision, Intent, Issue, Platform, Settings, ToneKind,
};
use serde_json::{json, Value};

const OUT_DIR: &str = "out";
const JSON_OUT: &str = "out/eval.json";
const FLAGGED_OUT: &str = "out/eval-flagged-replies.txt";
const COMPLAINTS_WRONG_OUT: &str = "out/eval-complaints-wrong.tsv";
/// The outcome pairs answered wrongly: too many to print with the rest.
const OUTCOME_PAIRS_WRONG_OUT: &str = "out/eval-outcome-pairs-wrong.txt";
const SAID_BACK_OUT: &str = "out/eval-said-back.tsv";
/// Drafts and messages written apart from the rules and cues, kept in this repository: how far
/// the engine's judgement reaches beyond the small dev sets.
const WIDE_INBOUND: &str = "eval/inbound.wide.tsv";
const WIDE_FOLLOWERS: &str = "eval/followers.wide.jsonl";

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/eval".into()));
    match run(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("boomerang-eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let engine = Engine::new(Settings::default());
    let shipped = |drafts: &[corpus::Labelled], name| tone_on_drafts(drafts, name, |_, text| engine.check(&draft(text)).issues);
    let tone = shipped(&corpus::drafts(dir)?, "drafts")?;
    let wide = wide_drafts_cross_validated()?;
    let held_out = shipped(&corpus::labelled_tsv(Path::new(corpus::HELD_OUT_DRAFTS))?, "held-out drafts")?;
    let probes = shipped(&corpus::labelled_tsv(Path::new(corpus::PROBE_DRAFTS))?, "probe drafts")?;
    let outcome_pairs = shipped(&corpus::labelled_tsv(Path::new(corpus::OUTCOME_PAIRS))?, "outcome pairs")?;
    let replies = real_replies(&engine, dir)?;
    let complaints = complaint_detection(dir)?;
    let intents = intent_accuracy(&engine, &corpus::inbound(dir)?, "inbound.dev")?;
    let wide_intents = intent_accuracy(&engine, &corpus::labelled_tsv(Path::new(WIDE_INBOUND))?, "inbound.wide")?;
    let follows = follow_decisions(&engine, &corpus::followers(dir)?, "followers.dev")?;
    let wide_follows = follow_decisions(&engine, &corpus::labelled_followers(Path::new(WIDE_FOLLOWERS))?, "followers.wide")?;

    let rows = [tone.rows(), wide.reach_rows(), held_out.reach_rows(), probes.reach_rows(), outcome_pairs.reach_rows(), replies.rows(), complaints.rows(), intents.rows(), wide_intents.rows(), follows.rows(), wide_follows.rows()].concat();
    let mut out = String::new();
    let _ = writeln!(out, "Boomerang eval on {}\n", dir.display());
    out.push_str(&table(&rows));
    let misses = rows.iter().filter(|r| r.pass == Some(false)).count();
    let targets = rows.iter().filter(|r| r.pass.is_some()).count();
    let _ = writeln!(out, "\n{} of {targets} targets met. Figures as JSON: {JSON_OUT}", targets - misses);
    let _ = writeln!(out, "Flagged real brand replies, for a person to judge: {FLAGGED_OUT} (also below)");
    let _ = writeln!(out, "Outcome pairs answered wrongly: {OUTCOME_PAIRS_WRONG_OUT}");
    let _ = writeln!(
        out,
        "Engine time: drafts {}, real replies {}, complaint tweets {}",
        ms(tone.elapsed),
        ms(replies.elapsed),
        ms(complaints.elapsed)
    );
    out.push_str(&tone.details());
    out.push_str(&wide.details());
    out.push_str(&probes.details());
    out.push_str(&complaints.details());
    out.push_str(&intents.details());
    out.push_str(&wide_intents.details());
    out.push_str(&follows.details());
    out.push_str(&wide_follows.details());
    out.push_str(&replies.details());
    print!("{out}");

    std::fs::create_dir_all(OUT_DIR).map_err(|e| format!("cannot create {OUT_DIR}/: {e}"))?;
    let figures = json!({
        "eval_dir": dir.display().to_string(),
        "targets_met": targets - misses,
        "targets": targets,
        "tone_drafts": tone.json(),
        "tone_wide_drafts": wide.json(),
        "tone_held_out_drafts": held_out.json(),
        "tone_probe_drafts": probes.json(),
        "tone_outcome_pairs": outcome_pairs.json(),
        "real_brand_replies": replies.json(),
        "complaints": complaints.json(),
        "intent": intents.json(),
        "intent_wide": wide_intents.json(),
        "follow": follows.json(),
        "follow_wide": wide_follows.json(),
        "rows": rows.iter().map(Row::json).collect::<Vec<_>>(),
    });
    let pretty = serde_json::to_string_pretty(&figures).unwrap_or_default();
    std::fs::write(JSON_OUT, pretty + "\n").map_err(|e| format!("cannot write {JSON_OUT}: {e}"))?;
    for (path, text) in [(OUTCOME_PAIRS_WRONG_OUT, outcome_pairs.details()), (FLAGGED_OUT, replies.details()), (COMPLAINTS_WRONG_OUT, complaints.wrong_tsv()), (SAID_BACK_OUT, complaints.said_back_tsv())] {
        std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Counting

/// True/false positives and false negatives of one yes/no prediction.
#[derive(Debug, Default, Clone, Copy)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Confusion {
    fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// `None` when nothing was predicted positive: precision is undefined, not perfect.
    fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    fn f1(&self) -> Option<f64> {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        }
    }

    /// The same counts with the classes swapped: how well the negatives were told.
    fn swapped(&self) -> Confusion {
        Confusion { tp: self.tn, fp: self.fn_, fn_: self.fp, tn: self.tp }
    }

    /// F1 averaged over both classes, as the complaints paper and its successors report F1.
    fn macro_f1(&self) -> Option<f64> {
        Some((self.f1()? + self.swapped().f1()?) / 2.0)
    }

    fn accuracy(&self) -> Option<f64> {
        ratio(self.tp + self.tn, self.tp + self.fp + self.fn_ + self.tn)
    }

    fn json(&self) -> Value {
        json!({
            "tp": self.tp, "fp": self.fp, "fn": self.fn_, "tn": self.tn,
            "precision": self.precision(), "recall": self.recall(), "f1": self.f1(),
        })
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn fmt3(v: Option<f64>) -> String {
    v.map_or("n/a".into(), |v| format!("{v:.3}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or("n/a".into(), |v| format!("{:.1}%", v * 100.0))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Target check: `None` (undefined figure) misses.
fn at_least(v: Option<f64>, target: f64) -> Option<bool> {
    Some(v.is_some_and(|v| v >= target))
}

fn below(v: Option<f64>, target: f64) -> Option<bool> {
    Some(v.is_some_and(|v| v < target))
}

// ---------------------------------------------------------------------------------------------
// The table

#[derive(Clone)]
struct Row {
    figure: String,
    value: String,
    target: String,
    /// `None` for figures reported without a target.
    pass: Option<bool>,
}

impl Row {
    fn new(figure: impl Into<String>, value: impl Into<String>, target: &str, pass: Option<bool>) -> Row {
        Row { figure: figure.into(), value: value.into(), target: target.into(), pass }
    }

    fn mark(&self) -> &'static str {
        match self.pass {
            Some(true) => "PASS",
            Some(false) => "MISS",
            None => "",
        }
    }

    fn json(&self) -> Value {
        json!({ "figure": self.figure, "value": self.value, "target": self.target, "pass": self.pass })
    }
}

fn table(rows: &[Row]) -> String {
    let w0 = rows.iter().map(|r| r.figure.chars().count()).max().unwrap_or(0).max(6);
    let w1 = rows.iter().map(|r| r.value.chars().count()).max().unwrap_or(0).max(5);
    let w2 = rows.iter().map(|r| r.target.chars().count()).max().unwrap_or(0).max(6);
    let mut out = String::new();
    let _ = writeln!(out, "{:w0$}  {:>w1$}  {:w2$}  result", "figure", "value", "target");
    let _ = writeln!(out, "{}", "-".repeat(w0 + w1 + w2 + 12));
    for r in rows {
        let line = format!("{:w0$}  {:>w1$}  {:w2$}  {}", r.figure, r.value, r.target, r.mark());
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tone on hand-labelled drafts

struct ToneReport {
    blame_deflection: Confusion,
    hostile: Confusion,
    private_info: Confusion,
    clean_total: usize,
    clean_warned: usize,
    /// Per label: drafts answered right, drafts in all.
    per_label: BTreeMap<String, (usize, usize)>,
    /// What the drafts are called in rows and details ("drafts", "wide drafts").
    name: &'static str,
    /// label, kinds found, draft: every draft whose answer was wrong.
    wrong: Vec<(String, Vec<&'static str>, String)>,
    elapsed: Duration,
}

fn kinds_of(issues: &[Issue]) -> BTreeSet<ToneKind> {
    issues.iter().map(|i| i.kind).collect()
}

/// A draft as `check` receives it while the agent has stopped typing, with default settings.
fn draft(text: &str) -> CheckRequest {
    CheckRequest { text: text.to_string(), ..Default::default() }
}

/// The wide drafts, each checked with a blame model trained without it (`make train`'s
/// method, 10 folds, draft `i` held out in fold `i % 10`, the blame rules' examples in every
/// fold): the shipped model learned from all of them, so scoring them with it would measure
/// memory, not judgement.
fn wide_drafts_cross_validated() -> Result<ToneReport, String> {
    let sets = corpus::DraftSets::read()?;
    let settings = Settings::default();
    let mut by_kind = Vec::new();
    for kind in learned::DRAFT_KINDS {
        // The wide drafts come first, so draft `i` of them is learned draft `i`.
        let training = learned::draft_training(kind, corpus::as_pairs(learned::learned_drafts(kind, &sets.wide, &sets.tone)), corpus::as_pairs(&sets.always))?;
        let (how, layout) = (learned::draft_training_settings(kind), learned::draft_layout(kind));
        let mut models = learned::fold_models(&training.examples, &training.always, how, layout, FOLDS);
        for model in &mut models {
            model.threshold = learned::shipped_threshold(kind);
        }
        by_kind.push((kind, training, models));
    }
    tone_on_drafts(&sets.wide, "wide drafts", |i, text| {
        let fold: Vec<(ToneKind, &learned::Trained)> =
            by_kind.iter().map(|(kind, training, models)| (*kind, &models[training.fold_of(i, FOLDS)])).collect();
        tone::check_with(&draft(text), &settings, &fold)
    })
}

/// Tone on labelled drafts, draft `i` checked by `check(i, text)`.
fn tone_on_drafts(
    drafts: &[corpus::Labelled],
    name: &'static str,
    check: impl Fn(usize, &str) -> Vec<Issue>,
) -> Result<ToneReport, String> {
    let mut r = ToneReport {
        per_label: BTreeMap::new(),
        name,
        blame_deflection: Confusion::default(),
        hostile: Confusion::default(),
        private_info: Confusion::default(),
        clean_total: 0,
        clean_warned: 0,
        wrong: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for (i, d) in drafts.iter().enumerate() {
        let started = Instant::now();
        let issues = check(i, &d.text);
        r.elapsed += started.elapsed();
        let kinds = kinds_of(&issues);
        let label = d.label.as_str();
        let bd = kinds.contains(&ToneKind::Blame) || kinds.contains(&ToneKind::Deflection);
        r.blame_deflection.add(matches!(label, "blame" | "deflection"), bd);
        r.hostile.add(label == "hostile", kinds.contains(&ToneKind::Hostile));
        r.private_info.add(label == "private_info", kinds.contains(&ToneKind::PrivateInfo));
        let right = match label {
            "clean" => {
                r.clean_total += 1;
                r.clean_warned += usize::from(!kinds.is_empty());
                kinds.is_empty()
            }
            "blame" | "deflection" => bd,
            "hostile" => kinds.contains(&ToneKind::Hostile),
            "private_info" => kinds.contains(&ToneKind::PrivateInfo),
            other => return Err(format!("{name}: unknown label {other:?}")),
        };
        let counts = r.per_label.entry(d.label.clone()).or_default();
        *counts = (counts.0 + usize::from(right), counts.1 + 1);
        if !right {
            r.wrong.push((d.label.clone(), kinds.iter().map(|k| k.as_str()).collect(), d.text.clone()));
        }
    }
    Ok(r)
}

impl ToneReport {
    fn clean_share(&self) -> Option<f64> {
        ratio(self.clean_warned, self.clean_total)
    }

    fn rows(&self) -> Vec<Row> {
        let bd = &self.blame_deflection;
        vec![
            Row::new("drafts: blame+deflection precision", fmt3(bd.precision()), ">= 0.95", at_least(bd.precision(), 0.95)),
            Row::new("drafts: blame+deflection recall", fmt3(bd.recall()), ">= 0.90", at_least(bd.recall(), 0.90)),
            Row::new(
                "drafts: hostile P / R",
                format!("{} / {}", fmt3(self.hostile.precision()), fmt3(self.hostile.recall())),
                "",
                None,
            ),
            Row::new(
                "drafts: private_info P / R",
                format!("{} / {}", fmt3(self.private_info.precision()), fmt3(self.private_info.recall())),
                "",
                None,
            ),
            Row::new(
                "drafts: clean drafts with any warning",
                format!("{}/{} ({})", self.clean_warned, self.clean_total, pct(self.clean_share())),
                "as few as possible",
                None,
            ),
        ]
    }

    /// The rows of a set beyond the dev set (the wide drafts, the held-out drafts): recall per
    /// kind, and clean drafts warned. No aims: they measure how far the judgement reaches, where
    /// the dev set's aims say what it must do. Only the kinds the set has.
    fn reach_rows(&self) -> Vec<Row> {
        let count = |label: &str| self.per_label.get(label).copied().unwrap_or_default();
        let kinds: Vec<&str> = ["blame", "deflection", "hostile", "private_info"].into_iter().filter(|&l| count(l).1 > 0).collect();
        let recall: Vec<String> = kinds.iter().map(|&label| {
            let (right, all) = count(label);
            format!("{right}/{all}")
        }).collect();
        let (clean_right, clean_all) = count("clean");
        vec![
            Row::new(format!("{}: {} caught", self.name, kinds.join(", ")), recall.join(", "), "", None),
            Row::new(format!("{}: clean drafts with any warning", self.name), format!("{}/{clean_all}", clean_all - clean_right), "", None),
        ]
    }

    fn details(&self) -> String {
        let mut out = format!("\n## {} answered wrongly ({}): label → kinds found\n", capitalised(self.name), self.wrong.len());
        for (label, kinds, text) in &self.wrong {
            let found = if kinds.is_empty() { "nothing".to_string() } else { kinds.join(",") };
            let _ = writeln!(out, "  {label:12} → {found:24} {text}");
        }
        out
    }

    fn json(&self) -> Value {
        json!({
            "blame_deflection": self.blame_deflection.json(),
            "hostile": self.hostile.json(),
            "private_info": self.private_info.json(),
            "clean_total": self.clean_total,
            "clean_warned": self.clean_warned,
            "clean_warned_share": self.clean_share(),
        })
    }
}

/// "wide drafts" → "Wide drafts".
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

// ---------------------------------------------------------------------------------------------
// False warnings on real brand replies

struct Flag {
    kind: &'static str,
    span: String,
    company: String,
    text: String,
}

struct RepliesReport {
    total: usize,
    flagged_replies: usize,
    by_kind: BTreeMap<&'static str, usize>,
    flags: Vec<Flag>,
    elapsed: Duration,
}

fn real_replies(engine: &Engine, dir: &Path) -> Result<RepliesReport, String> {
    let replies = corpus::brand_replies(dir)?;
    let mut r = RepliesReport {
        total: replies.len(),
        flagged_replies: 0,
        by_kind: BTreeMap::new(),
        flags: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for reply in &replies {
        let req = CheckRequest { text: reply.text.clone(), in_reply_to: None, platform: Some(Platform::X), private: false, typing: false };
        let started = Instant::now();
        let issues = engine.check(&req).issues;
        r.elapsed += started.elapsed();
        // The judgement calls put a real brand reply in the "falsely flagged" count.
        let judged: Vec<&Issue> = issues.iter().filter(|i| tone::JUDGEMENT_KINDS.contains(&i.kind)).collect();
        if judged.is_empty() {
            continue;
        }
        r.flagged_replies += 1;
        for issue in judged {
            *r.by_kind.entry(issue.kind.as_str()).or_default() += 1;
            let (s, e) = (utf16_to_byte(&reply.text, issue.start), utf16_to_byte(&reply.text, issue.end));
            r.flags.push(Flag {
                kind: issue.kind.as_str(),
                span: reply.text.get(s..e.max(s)).unwrap_or("").to_string(),
                company: reply.company.clone(),
                text: reply.text.clone(),
            });
        }
    }
    Ok(r)
}

impl RepliesReport {
    fn share(&self) -> Option<f64> {
        ratio(self.flagged_replies, self.total)
    }

    fn rows(&self) -> Vec<Row> {
        let count_ok = self.total == corpus::BRAND_REPLY_COUNT;
        vec![
            Row::new(
                "real brand replies read",
                self.total.to_string(),
                &format!("= {}", corpus::BRAND_REPLY_COUNT),
                Some(count_ok),
            ),
            Row::new(
                "real brand replies flagged (judgement kinds)",
                format!("{}/{} ({})", self.flagged_replies, self.total, pct(self.share())),
                "< 2%",
                below(self.share(), 0.02),
            ),
        ]
    }

    fn details(&self) -> String {
        let kinds: Vec<String> = self.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let mut out = format!(
            "\n## Real brand replies flagged blame, deflection, hostile or private_info: {} of {}\n",
            self.flagged_replies, self.total,
        );
        if !self.flags.is_empty() {
            let _ = writeln!(out, "  issues: {}; each as kind | flagged span | @brand: reply", kinds.join(", "));
        }
        for f in &self.flags {
            let _ = writeln!(out, "  {:12} | {} | @{}: {}", f.kind, one_line(&f.span), f.company, one_line(&f.text));
        }
        out
    }

    fn json(&self) -> Value {
        json!({
            "total": self.total,
            "flagged": self.flagged_replies,
            "flagged_share": self.share(),
            "issues_by_kind": self.by_kind,
            "flags": self.flags.iter().map(|f| json!({
                "kind": f.kind, "span": f.span, "company": f.company, "reply": f.text,
            })).collect::<Vec<_>>(),
        })
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Complaint detection on real tweets

struct ComplaintReport {
    total: usize,
    counts: Confusion,
    /// The same counts per domain (apparel, telecoms, …): a rule that only fits one fails here.
    by_domain: BTreeMap<String, Confusion>,
    /// (gold complaint?, tweet) for every wrong answer, written to a file for study.
    wrong: Vec<(bool, String, String)>,
    /// (what the apology says back, tweet) for each real complaint the engine reads as one and
    /// whose problem it names ([`boomerang::engine::problem`]), for a person to judge.
    said_back: Vec<(String, String)>,
    /// Real complaints read as complaints: the tweets a reply suggestion would apologise to.
    apologised: usize,
    elapsed: Duration,
}

/// Folds of the complaint cross-validation: tweet `i` is held out in fold `i % FOLDS`.
const FOLDS: usize = 10;

/// Complaint detection as `classify` decides it, measured by 10-fold cross-validation: the
/// shipped model was trained on these tweets, so each tweet is scored by a model trained on the
/// other nine tenths (`make train`'s method and settings), never by one that saw it.
fn complaint_detection(dir: &Path) -> Result<ComplaintReport, String> {
    let tweets = corpus::complaint_tweets(dir)?;
    let mut r = ComplaintReport {
        total: tweets.len(),
        counts: Confusion::default(),
        by_domain: BTreeMap::new(),
        wrong: Vec::new(),
        said_back: Vec::new(),
        apologised: 0,
        elapsed: Duration::ZERO,
    };
    let features: Vec<(learned::Features, bool)> =
        tweets.iter().map(|t| (learned::complaint_features(&t.text), t.complaint)).collect();
    let models = learned::fold_models(&features, &[], learned::Training::default(), learned::COMPLAINT, FOLDS);
    for (fold, model) in models.iter().enumerate() {
        for t in tweets.iter().enumerate().filter(|(i, _)| i % FOLDS == fold).map(|(_, t)| t) {
            let started = Instant::now();
            let parsed = Text::new(&t.text);
            let intent = intent::classify_parsed(&parsed, Some(model)).intent;
            r.elapsed += started.elapsed();
            let predicted = intent == Intent::Complaint;
            r.counts.add(t.complaint, predicted);
            r.by_domain.entry(t.domain.clone()).or_default().add(t.complaint, predicted);
            if predicted != t.complaint {
                r.wrong.push((t.complaint, t.domain.clone(), t.text.clone()));
            }
            if predicted && t.complaint {
                r.apologised += 1;
                if let Some(said) = problem::said_back(&parsed) {
                    r.said_back.push((said, t.text.clone()));
                }
            }
        }
    }
    Ok(r)
}

impl ComplaintReport {
    fn rows(&self) -> Vec<Row> {
        let c = &self.counts;
        vec![
            Row::new(
                format!("complaints ({} real tweets, 10-fold cross-validated): precision / recall", self.total),
                format!("{} / {}", fmt3(c.precision()), fmt3(c.recall())),
                "",
                None,
            ),
            Row::new("complaints, 10-fold cross-validated: F1", fmt3(c.f1()), ">= 0.80", at_least(c.f1(), 0.80)),
            Row::new(
                "complaints, as the paper measures (F1 averaged over complaints and non-complaints) / accuracy",
                format!("{} / {}", fmt3(c.macro_f1()), fmt3(c.accuracy())),
                "",
                None,
            ),
            Row::new(
                "complaints whose reply apology says back what went wrong",
                format!("{}/{}", self.said_back.len(), self.apologised),
                "",
                None,
            ),
        ]
    }

    fn details(&self) -> String {
        let mut out = format!("\n## Complaint detection by domain; wrong answers: {COMPLAINTS_WRONG_OUT}\n");
        let _ = writeln!(out, "  {:12} {:>6} {:>10} {:>13}  P / R / F1", "domain", "tweets", "complaints", "false alarms");
        for (domain, c) in &self.by_domain {
            let n = c.tp + c.fp + c.fn_ + c.tn;
            let (gold, p, r, f) = (c.tp + c.fn_, fmt3(c.precision()), fmt3(c.recall()), fmt3(c.f1()));
            let _ = writeln!(out, "  {domain:12} {n:>6} {gold:>10} {:>13}  {p} / {r} / {f}", c.fp);
        }
        out
    }

    /// `said back<TAB>tweet`: each apology's words beside the complaint they answer.
    fn said_back_tsv(&self) -> String {
        let mut out = String::from("# said back\ttweet: what a suggested reply's apology names, for a person to judge\n");
        for (said, text) in &self.said_back {
            let _ = writeln!(out, "{said}\t{}", one_line(text));
        }
        out
    }

    /// `gold<TAB>domain<TAB>tweet`: missed complaints (`complaint`) and false ones (`not`).
    fn wrong_tsv(&self) -> String {
        let mut out = String::from("# gold\tdomain\ttweet: every tweet the engine got wrong\n");
        for (gold, domain, text) in &self.wrong {
            let _ = writeln!(out, "{}\t{domain}\t{}", if *gold { "complaint" } else { "not" }, one_line(text));
        }
        out
    }

    fn json(&self) -> Value {
        let mut v = self.counts.json();
        v["total"] = json!(self.total);
        v["macro_f1"] = json!(self.counts.macro_f1());
        v["accuracy"] = json!(self.counts.accuracy());
        v["by_domain"] = self.by_domain.iter().map(|(d, c)| (d.clone(), c.json())).collect::<serde_json::Map<_, _>>().into();
        v
    }
}

// ---------------------------------------------------------------------------------------------
// Intent on the hand-labelled inbound set

struct IntentReport {
    /// Which set: "inbound.dev", "inbound.wide".
    name: &'static str,
    total: usize,
    correct: usize,
    /// gold label → predicted label → count.
    confusion: BTreeMap<String, BTreeMap<&'static str, usize>>,
    wrong: Vec<(String, &'static str, String)>,
}

fn intent_accuracy(engine: &Engine, messages: &[corpus::Labelled], name: &'static str) -> Result<IntentReport, String> {
    let mut r = IntentReport { name, total: 0, correct: 0, confusion: BTreeMap::new(), wrong: Vec::new() };
    for m in messages {
        if Intent::parse(&m.label).is_none() {
            return Err(format!("{name}: unknown intent label {:?}", m.label));
        }
        let got = engine.classify(&ClassifyRequest { text: m.text.clone() }).intent.as_str();
        r.total += 1;
        *r.confusion.entry(m.label.clone()).or_default().entry(got).or_default() += 1;
        if got == m.label {
            r.correct += 1;
        } else {
            r.wrong.push((m.label.clone(), got, m.text.clone()));
        }
    }
    Ok(r)
}

impl IntentReport {
    fn accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.total)
    }

    fn rows(&self) -> Vec<Row> {
        vec![Row::new(
            format!("intent accuracy ({})", self.name),
            format!("{}/{} ({})", self.correct, self.total, pct(self.accuracy())),
            "",
            None,
        )]
    }

    fn details(&self) -> String {
        let mut out = format!("\n## Intent confusion on {} (gold: predicted count, …)\n", self.name);
        for (gold, predicted) in &self.confusion {
            let parts: Vec<String> = predicted.iter().map(|(p, n)| format!("{p} {n}")).collect();
            let _ = writeln!(out, "  {gold:10}: {}", parts.join(", "));
        }
        for (gold, got, text) in &self.wrong {
            let _ = writeln!(out, "  wrong: {gold} → {got:10} {text}");
        }
        out
    }

    fn json(&self) -> Value {
        json!({ "total": self.total, "correct": self.correct, "accuracy": self.accuracy(), "confusion": self.confusion })
    }
}

// ---------------------------------------------------------------------------------------------
// Follow decisions

struct FollowReport {
    /// Which set: "followers.dev", "followers.wide".
    name: &'static str,
    total: usize,
    correct: usize,
    spam_followed_back: usize,
    /// label, handle, decision, score, reasons.
    rows: Vec<(String, String, &'static str, f32, Vec<String>)>,
}

fn decision_str(d: FollowDecision) -> &'static str {
    match d {
        FollowDecision::FollowBack => "follow_back",
        FollowDecision::Review => "review",
        FollowDecision::Skip => "skip",
    }
}

/// What a careful agent would do: follow back customers and real people, skip spam.
fn expected_decision(label: &str) -> Option<FollowDecision> {
    match label {
        "customer" | "person" => Some(FollowDecision::FollowBack),
        "spam" => Some(FollowDecision::Skip),
        _ => None,
    }
}

fn follow_decisions(engine: &Engine, followers: &[corpus::LabelledFollower], name: &'static str) -> Result<FollowReport, String> {
    let mut r = FollowReport { name, total: 0, correct: 0, spam_followed_back: 0, rows: Vec::new() };
    for f in followers {
        let expected = expected_decision(&f.label).ok_or_else(|| format!("{name}: unknown follower label {:?}", f.label))?;
        let a = engine.follow(&f.follower);
        r.total += 1;
        r.correct += usize::from(a.decision == expected);
        if f.label == "spam" && a.decision == FollowDecision::FollowBack {
            r.spam_followed_back += 1;
        }
        r.rows.push((f.label.clone(), f.follower.handle.clone(), decision_str(a.decision), a.score, a.reasons));
    }
    Ok(r)
}

impl FollowReport {
    fn accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.total)
    }

    fn rows(&self) -> Vec<Row> {
        vec![
            Row::new(
                format!("follow decisions on {} (customer/person→follow_back, spam→skip)", self.name),
                format!("{}/{} ({})", self.correct, self.total, pct(self.accuracy())),
                "",
                None,
            ),
            Row::new(format!("spam followed back ({})", self.name), self.spam_followed_back.to_string(), "= 0", Some(self.spam_followed_back == 0)),
        ]
    }

    fn details(&self) -> String {
        let mut out = format!("\n## Follow decisions on {} (spam followed back: {})\n", self.name, self.spam_followed_back);
        for (label, handle, decision, score, reasons) in &self.rows {
            let _ = writeln!(out, "  {label:8} @{handle:18} {decision:11} {score:.2}  {}", reasons.join("; "));
        }
        out
    }

    fn json(&self) -> Value {
        json!({
            "total": self.total,
            "correct": self.correct,
            "accuracy": self.accuracy(),
            "spam_followed_back": self.spam_followed_back,
            "decisions": self.rows.iter().map(|(label, handle, decision, score, reasons)| json!({
                "label": label, "handle": handle, "decision": decision, "score": score, "reasons": reasons,
            })).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_is_undefined_without_predictions_not_perfect() {
        let mut c = Confusion::default();
        c.add(true, false);
        c.add(false, false);
        assert_eq!(c.precision(), None);
        assert_eq!(c.recall(), Some(0.0));
        assert_eq!(at_least(c.precision(), 0.95), Some(false), "an undefined figure misses");
    }

    #[test]
    fn f1_is_the_harmonic_mean() {
        let mut c = Confusion::default();
        for (gold, predicted) in [(true, true), (true, true), (true, true), (false, true), (true, false)] {
            c.add(gold, predicted);
        }
        assert_eq!(c.precision(), Some(0.75));
        assert_eq!(c.recall(), Some(0.75));
        assert!((c.f1().unwrap() - 0.75).abs() < 1e-9);
    }

    #[test]
    fn macro_f1_averages_both_classes() {
        let mut c = Confusion::default();
        // Positives: 3 of 4 found, 1 false alarm (F1 0.75). Negatives: 2 of 3 kept, 1 missed
        // positive among them (precision 2/3, recall 2/3, F1 2/3).
        for (gold, predicted) in [(true, true), (true, true), (true, true), (false, true), (true, false), (false, false), (false, false)] {
            c.add(gold, predicted);
        }
        assert!((c.macro_f1().unwrap() - (0.75 + 2.0 / 3.0) / 2.0).abs() < 1e-9);
        assert!((c.accuracy().unwrap() - 5.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn table_marks_targets() {
        let rows = [Row::new("x", "1", "= 1", Some(true)), Row::new("y", "2", "", None), Row::new("z", "0", "> 1", Some(false))];
        let t = table(&rows);
        assert!(t.lines().nth(2).unwrap().ends_with("PASS"));
        assert!(t.lines().nth(3).unwrap().trim_end().ends_with('2'));
        assert!(t.lines().nth(4).unwrap().ends_with("MISS"));
    }
}
