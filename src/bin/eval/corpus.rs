//! Loaders for the evaluation data in `../shared/eval/`, shared by the native tools.
//!
//! Not a binary of its own (Cargo builds `src/bin/<dir>/` only when it holds a `main.rs`).
//! A tool includes it by path:
//!
//! ```ignore
//! #[path = "eval/corpus.rs"]   // from src/bin/*.rs; "../src/bin/eval/corpus.rs" from benches/
//! mod corpus;
//! let replies = corpus::brand_replies(&eval_dir)?;
//! ```
//!
//! Every loader returns `Err` with the file named when the data cannot be read; none of them
//! touches the engine, so benchmarks and evaluation measure the same inputs.

#![allow(dead_code)] // each tool uses the loaders it needs

use std::path::{Path, PathBuf};

use boomerang::engine::json::{self, FromJson, Json};
use boomerang::engine::Follower;
use serde_json::Value;

/// One line of a `label<TAB>text` dev set.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub label: String,
    pub text: String,
}

/// The repository's drafts written to teach the deflection and hostile models: cross-validated
/// with the wide drafts (`eval/drafts.wide.tsv`) in those models' training.
pub const TONE_DRAFTS: &str = "eval/drafts.tone.tsv";

/// Drafts that join every fold of the models that learn from them
/// (`learned::learns_always_drafts`), never the pool a threshold is picked on.
pub const ALWAYS_DRAFTS: &str = "eval/drafts.always.tsv";

/// The drafts the draft models learn from, read once for all three models: the wide, the tone
/// and the always drafts (`learned::learned_drafts` and `learned::draft_training` take them).
pub struct DraftSets {
    pub wide: Vec<Labelled>,
    pub tone: Vec<Labelled>,
    pub always: Vec<Labelled>,
}

impl DraftSets {
    pub fn read() -> Result<DraftSets, String> {
        let read = |file: &str| labelled_tsv(Path::new(file));
        Ok(DraftSets { wide: read(WIDE_DRAFTS)?, tone: read(TONE_DRAFTS)?, always: read(ALWAYS_DRAFTS)? })
    }
}

/// The wide drafts, written by helpers who never saw the rules: the draft models learn from them
/// (cross-validated), and their misses are listed for the next rules.
pub const WIDE_DRAFTS: &str = "eval/drafts.wide.tsv";

/// Drafts where the judgement is weakest (good outcomes told by the customer's act, digs), which
/// no model learns from yet: `make eval` reports their figures and lists their misses.
pub const PROBE_DRAFTS: &str = "eval/drafts.probes.tsv";

/// 1,200 minimal pairs, an outcome of the customer's act gone right or told plainly (clean) beside
/// the same act gone wrong (blame), which no model learns from: `make eval` reports their figures
/// and writes their misses to a file.
pub const OUTCOME_PAIRS: &str = "eval/drafts.outcomes.tsv";

/// Drafts no model learns from and no rule is written from: `make eval` reports their figures,
/// never their misses.
pub const HELD_OUT_DRAFTS: &str = "eval/drafts.heldout.tsv";

/// Labelled lines as `(text, label)` pairs, as the learned models take them.
pub fn as_pairs<'a>(lines: impl IntoIterator<Item = &'a Labelled>) -> impl Iterator<Item = (&'a str, &'a str)> {
    lines.into_iter().map(|l| (l.text.as_str(), l.label.as_str()))
}

/// A follower from `followers.dev.jsonl` with its hand label (`customer`, `person`, `spam`).
#[derive(Debug, Clone)]
pub struct LabelledFollower {
    pub label: String,
    pub follower: Follower,
}

/// A real reply a brand's agent posted (IBM Twitter customer-care corpus).
#[derive(Debug, Clone)]
pub struct BrandReply {
    /// The brand handle as the corpus names it, e.g. `AppleSupport`.
    pub company: String,
    /// `"dev"` or `"test"`, and where in the conversation: `"turn"` or `"url"` (the final reply
    /// linking a help document).
    pub split: &'static str,
    pub place: &'static str,
    pub text: String,
}

/// A real tweet to a brand, labelled complaint or not (Preotiuc-Pietro et al., ACL 2019).
#[derive(Debug, Clone)]
pub struct ComplaintTweet {
    pub tweet_id: String,
    pub text: String,
    pub complaint: bool,
    pub domain: String,
}

pub const DRAFTS: &str = "drafts.dev.tsv";
pub const INBOUND: &str = "inbound.dev.tsv";
pub const FOLLOWERS: &str = "followers.dev.jsonl";
pub const IBM_DIR: &str = "real/ibm-twitter-care";
pub const COMPLAINTS: &str = "real/complaints/complaints-data.csv";
/// How many agent replies the IBM corpus holds (114 earlier turns + 1,025 final replies).
pub const BRAND_REPLY_COUNT: usize = 1139;
pub const COMPLAINT_TWEET_COUNT: usize = 3449;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// `label<TAB>text` lines; `#` lines and blank lines are comments.
pub fn labelled_tsv(path: &Path) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    for (n, line) in read(path)?.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (label, text) = line
            .split_once('\t')
            .ok_or_else(|| format!("{}:{}: expected label<TAB>text", path.display(), n + 1))?;
        out.push(Labelled { label: label.trim().to_string(), text: text.to_string() });
    }
    Ok(out)
}

pub fn drafts(eval_dir: &Path) -> Result<Vec<Labelled>, String> {
    labelled_tsv(&eval_dir.join(DRAFTS))
}

pub fn inbound(eval_dir: &Path) -> Result<Vec<Labelled>, String> {
    labelled_tsv(&eval_dir.join(INBOUND))
}

/// JSON Lines of followers, each with a `"label"` beside the [`Follower`] fields.
pub fn followers(eval_dir: &Path) -> Result<Vec<LabelledFollower>, String> {
    labelled_followers(&eval_dir.join(FOLLOWERS))
}

/// [`followers`] from any file.
pub fn labelled_followers(path: &Path) -> Result<Vec<LabelledFollower>, String> {
    let mut out = Vec::new();
    for (n, line) in read(path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{}:{}", path.display(), n + 1);
        let mut value = json::parse(line).map_err(|e| format!("{}: {e}", at()))?;
        let label = value.get("label").and_then(Json::as_str).map(str::to_string);
        let label = label.ok_or_else(|| format!("{}: no \"label\"", at()))?;
        if let Json::Object(fields) = &mut value {
            fields.retain(|(k, _)| k != "label");
        }
        let follower = Follower::from_json(&value).map_err(|e| format!("{}: {e}", at()))?;
        out.push(LabelledFollower { label, follower });
    }
    Ok(out)
}

/// Every agent reply in `dev.json` and `test.json`: the agent's earlier turns in
/// `dialogContent` (entries with an `agent` field, or a `client` that is the brand itself) and
/// the final `agentURL.url_utterance` of each conversation.
pub fn brand_replies(eval_dir: &Path) -> Result<Vec<BrandReply>, String> {
    let mut out = Vec::new();
    for split in ["dev", "test"] {
        let path: PathBuf = eval_dir.join(IBM_DIR).join(format!("{split}.json"));
        let bad = |what: &str| format!("{}: {what}", path.display());
        let doc: Value = serde_json::from_str(&read(&path)?).map_err(|e| bad(&e.to_string()))?;
        let conversations = doc.as_array().ok_or_else(|| bad("expected a list of conversations"))?;
        for c in conversations {
            let company = c["dialogHeader"]["company"].as_str().unwrap_or("").to_string();
            for turn in c["dialogContent"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
                let by_agent = turn.get("agent").is_some()
                    || (turn["client"].as_str() == Some(company.as_str()) && !company.is_empty());
                if let (true, Some(text)) = (by_agent, turn["message"].as_str()) {
                    out.push(BrandReply { company: company.clone(), split, place: "turn", text: text.into() });
                }
            }
            if let Some(text) = c["agentURL"]["url_utterance"].as_str() {
                out.push(BrandReply { company: company.clone(), split, place: "url", text: text.into() });
            }
        }
    }
    Ok(out)
}

/// The complaints corpus: CSV without a header, `tweet_id,text,label,domain`.
pub fn complaint_tweets(eval_dir: &Path) -> Result<Vec<ComplaintTweet>, String> {
    let path = eval_dir.join(COMPLAINTS);
    let mut out = Vec::new();
    for (n, record) in parse_csv(&read(&path)?).into_iter().enumerate() {
        let [tweet_id, text, label, domain]: [String; 4] = record
            .try_into()
            .map_err(|r: Vec<String>| format!("{}: record {}: {} fields, expected 4", path.display(), n + 1, r.len()))?;
        let complaint = match label.trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("{}: record {}: label {other:?}, expected 0 or 1", path.display(), n + 1)),
        };
        out.push(ComplaintTweet { tweet_id, text, complaint, domain });
    }
    Ok(out)
}

/// RFC 4180 CSV: fields may be quoted, a quoted field may hold commas, newlines and `""` for a
/// quote. Blank lines are skipped; a final line without a newline is kept.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                if !(record.len() == 1 && record[0].is_empty()) {
                    records.push(std::mem::take(&mut record));
                }
                record.clear();
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_handles_quotes_commas_and_newlines() {
        let rows = parse_csv("1,plain,0,a\r\n2,\"with, comma and \"\"quote\"\"\nand a newline\",1,b\n\n3,last,0,c");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], ["2", "with, comma and \"quote\"\nand a newline", "1", "b"]);
        assert_eq!(rows[2], ["3", "last", "0", "c"]);
        assert_eq!(rows[0][3], "a");
    }

    /// The shared data sits beside the repository, as in CI (`../shared/eval`).
    fn eval_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval")
    }

    #[test]
    fn real_corpora_have_their_documented_sizes() {
        let replies = brand_replies(&eval_dir()).unwrap();
        assert_eq!(replies.len(), BRAND_REPLY_COUNT);
        assert_eq!(replies.iter().filter(|r| r.place == "url").count(), 1025, "one final reply per conversation");
        let tweets = complaint_tweets(&eval_dir()).unwrap();
        assert_eq!(tweets.len(), COMPLAINT_TWEET_COUNT);
        assert_eq!(tweets.iter().filter(|t| t.complaint).count(), 1232);
        assert!(tweets.iter().all(|t| !t.text.is_empty() && !t.domain.is_empty()));
    }

    /// The texts of `drafts` that are also in the drafts file `file`.
    fn also_in<'a>(drafts: &'a [Labelled], file: &str) -> Vec<&'a str> {
        let texts: std::collections::HashSet<String> =
            labelled_tsv(Path::new(file)).unwrap().into_iter().map(|d| d.text.trim().to_string()).collect();
        drafts.iter().map(|d| d.text.trim()).filter(|t| texts.contains(*t)).collect()
    }

    #[test]
    fn held_out_drafts_are_in_no_training_set() {
        let held_out = labelled_tsv(Path::new(HELD_OUT_DRAFTS)).unwrap();
        assert_eq!(held_out.len(), 4181);
        // Nor among the probes, whose misses are read.
        for seen in [WIDE_DRAFTS, TONE_DRAFTS, ALWAYS_DRAFTS, PROBE_DRAFTS, OUTCOME_PAIRS] {
            let leaked = also_in(&held_out, seen);
            assert!(leaked.is_empty(), "held-out drafts in {seen}: {leaked:?}");
        }
    }

    #[test]
    fn probe_drafts_are_in_no_training_set() {
        let probes = labelled_tsv(Path::new(PROBE_DRAFTS)).unwrap();
        assert_eq!(probes.len(), 2958);
        for training in [WIDE_DRAFTS, TONE_DRAFTS, ALWAYS_DRAFTS] {
            let leaked = also_in(&probes, training);
            assert!(leaked.is_empty(), "probe drafts in {training}: {leaked:?}");
        }
    }

    #[test]
    fn outcome_pairs_are_in_no_training_set_nor_among_the_probes() {
        let pairs = labelled_tsv(Path::new(OUTCOME_PAIRS)).unwrap();
        assert_eq!(pairs.len(), 2400);
        // Pairs: clean first, then its blaming twin.
        assert!(pairs.chunks(2).all(|p| p[0].label == "clean" && p[1].label == "blame"));
        for seen in [WIDE_DRAFTS, TONE_DRAFTS, PROBE_DRAFTS] {
            let leaked = also_in(&pairs, seen);
            assert!(leaked.is_empty(), "outcome pairs in {seen}: {leaked:?}");
        }
    }

    #[test]
    fn dev_sets_load_with_labels() {
        assert!(drafts(&eval_dir()).unwrap().iter().any(|d| d.label == "clean"));
        assert!(inbound(&eval_dir()).unwrap().iter().all(|m| !m.text.is_empty()));
        assert!(followers(&eval_dir()).unwrap().iter().any(|f| f.label == "spam"));
        assert!(drafts(Path::new("/no/such/dir")).unwrap_err().contains("/no/such/dir"));
    }
}
