//! `boomerang-train [EVAL_DIR]` (`make train`): trains the complaint model on the real
//! complaints corpus and writes src/engine/learned_weights.rs.
//!
//! `make eval` measures the method by 10-fold cross-validation (each fold's model trained
//! without the tweets it is scored on); run it after training.

#[path = "eval/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use boomerang::engine::learned::{self, Features, Training};

const WEIGHTS_OUT: &str = "src/engine/learned_weights.rs";

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/eval".into()));
    let tweets = match corpus::complaint_tweets(&dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("boomerang-train: {e}");
            return ExitCode::from(2);
        }
    };
    let examples: Vec<(Features, bool)> =
        tweets.iter().map(|t| (learned::complaint_features(&t.text), t.complaint)).collect();
    let trained = learned::fit(&examples, Training::default());
    let provenance = format!(
        "Trained on the {} tweets of real/complaints (Preotiuc-Pietro et al., ACL 2019) with {:?}.",
        examples.len(),
        Training::default()
    );
    if let Err(e) = std::fs::write(WEIGHTS_OUT, learned::weights_source(&trained, &provenance)) {
        eprintln!("boomerang-train: cannot write {WEIGHTS_OUT}: {e}");
        return ExitCode::from(2);
    }
    println!("wrote {WEIGHTS_OUT} (threshold {}); `make eval` cross-validates the method", trained.threshold);
    ExitCode::SUCCESS
}
