//! `boomerang-train [EVAL_DIR]` (`make train`): trains the engine's two models and writes
//! src/engine/learned_weights.rs: the complaint model on the real complaints corpus in
//! EVAL_DIR, the blame model on the wide drafts in the repository (`eval/drafts.wide.tsv`).
//!
//! `make eval` measures both methods by 10-fold cross-validation (each fold's model trained
//! without the messages it is scored on); run it after training.

#[path = "eval/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use boomerang::engine::learned::{self, Features, Training};
use boomerang::engine::tone;

const WEIGHTS_OUT: &str = "src/engine/learned_weights.rs";
const WIDE_DRAFTS: &str = "eval/drafts.wide.tsv";

/// The blame model warns only where cross-validation warned at most this share of the clean
/// drafts: an agent shown a false warning twice turns the tool off.
const CLEAN_WARNED_AT_MOST: f32 = 0.01;
/// The same for an agent who asked for every warning (high sensitivity): more blame found, more
/// clean drafts warned.
const EAGER_CLEAN_WARNED_AT_MOST: f32 = 0.015;
/// The lowest threshold tried.
const LOWEST: f32 = 0.5;
/// Folds of the cross-validation the threshold is chosen by, as `make eval`'s.
const FOLDS: usize = 10;

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/eval".into()));
    let items = complaint_model(&dir).and_then(|complaint| Ok(format!("{complaint}\n{}", blame_model()?)));
    let source = match items {
        Ok(items) => format!("//! Model weights, written by `make train`; do not edit by hand.\n\nuse super::learned::Shipped;\n\n{items}"),
        Err(e) => {
            eprintln!("boomerang-train: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(WEIGHTS_OUT, source) {
        eprintln!("boomerang-train: cannot write {WEIGHTS_OUT}: {e}");
        return ExitCode::from(2);
    }
    println!("wrote {WEIGHTS_OUT}; `make eval` cross-validates both methods");
    ExitCode::SUCCESS
}

fn complaint_model(dir: &Path) -> Result<String, String> {
    let tweets = corpus::complaint_tweets(dir)?;
    let examples: Vec<(Features, bool)> =
        tweets.iter().map(|t| (learned::complaint_features(&t.text), t.complaint)).collect();
    let trained = learned::fit(&examples, Training::default(), learned::COMPLAINT);
    println!("complaint model: threshold {}", trained.threshold);
    let doc = format!(
        "Trained on the {} tweets of real/complaints (Preotiuc-Pietro et al., ACL 2019) with {:?}.",
        examples.len(),
        Training::default()
    );
    Ok(learned::weights_item(&trained, "COMPLAINT", &doc))
}

/// Blame against every other label: deflection, hostile and private_info drafts are bad in
/// their own ways, which the rules name; the model learns only what blaming looks like. The
/// blame rules' examples join every fold's training.
fn blame_model() -> Result<String, String> {
    let drafts = corpus::labelled_tsv(Path::new(WIDE_DRAFTS))?;
    let (examples, rule_examples) = learned::blame_training(drafts.iter().map(|d| (d.text.as_str(), d.label == "blame")))?;
    // Each draft's blame finding as an agent would be shown it, by a model trained without it.
    let models = learned::fold_models(&examples, &rule_examples, learned::BLAME_TRAINING, learned::BLAME, FOLDS);
    let scores: Vec<f32> =
        drafts.iter().enumerate().map(|(i, d)| tone::learned_blame_score(&d.text, &models[i % FOLDS], LOWEST)).collect();
    let scored = |label: &str| -> Vec<f32> { drafts.iter().zip(&scores).filter(|(d, _)| d.label == label).map(|(_, &s)| s).collect() };
    let (clean, blaming) = (scored("clean"), scored("blame"));
    let warned = |of: &[f32], t: f32| of.iter().filter(|&&s| s >= t).count();
    let lowest_within = |share: f32| {
        ((LOWEST * 100.0) as u32..=95)
            .map(|t| t as f32 / 100.0)
            .find(|&t| warned(&clean, t) as f32 <= share * clean.len() as f32)
            .unwrap_or(0.95)
    };
    let (threshold, eager) = (lowest_within(CLEAN_WARNED_AT_MOST), lowest_within(EAGER_CLEAN_WARNED_AT_MOST));
    for (name, t) in [("threshold", threshold), ("eager threshold (high sensitivity)", eager)] {
        println!(
            "blame model: {name} {t}; cross-validated, it adds a warning to {}/{} blaming drafts and {}/{} clean ones",
            warned(&blaming, t),
            blaming.len(),
            warned(&clean, t),
            clean.len()
        );
    }
    let rule_example_count = rule_examples.len();
    let mut trained = learned::fit(&[examples, rule_examples].concat(), learned::BLAME_TRAINING, learned::BLAME);
    trained.threshold = threshold;
    let doc = format!(
        "Trained on the {} drafts of {WIDE_DRAFTS} and the blame rules' {} examples, blame against the rest, \
         with {:?}; the threshold warns at most {}% of the clean drafts in 10-fold cross-validation.",
        drafts.len(),
        rule_example_count,
        learned::BLAME_TRAINING,
        CLEAN_WARNED_AT_MOST * 100.0
    );
    let eager_doc = format!(
        "/// The blame model's threshold at high sensitivity: at most {}% of the clean drafts warned in cross-validation.\n",
        EAGER_CLEAN_WARNED_AT_MOST * 100.0
    );
    Ok(format!("{}\n{eager_doc}pub const BLAME_EAGER_THRESHOLD: f32 = {eager:?};\n", learned::weights_item(&trained, "BLAME", &doc)))
}
