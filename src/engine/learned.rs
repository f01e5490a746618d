//! The learned parts of the engine: logistic regressions over hashed words. One tells a
//! complaint from its words and the intent cues' scores; three more (the draft models) tell a
//! draft that blames, deflects or takes a dig at the customer from its words alone.
//!
//! Why learned: hand-weighted cues plateau around 0.69 F1 on the real complaints corpus
//! (Preoţiuc-Pietro et al., ACL 2019), because what makes a tweet a complaint is often the
//! situation it describes ("my order from last week", "on hold for an hour") rather than a
//! negative word. A linear model over words, word pairs and the cue scores learns those
//! situations from the 3,449 labelled tweets; the cues stay, as features it weighs.
//!
//! Why blame is learned too: blame is told in more grammatical shapes than phrase rules reach
//! ("the form was submitted without…", "our logs show the router was unplugged"). On five
//! sets of drafts written by people who never saw the rules, each scored before it was learned
//! from, the rules caught 61 of 530 blaming drafts; with the model, 315, while 4 of 625 clean
//! drafts were warned. The rules stay first: they say precisely why and rewrite precisely.
//! Deflection and hostility have as long a tail ("If you think you can run a railway better,
//! the job ads are on our website 😉"): on three sets of drafts held out from all training,
//! the rules caught 65 of 100 deflections and 50 of 100 digs; with the models, 80 and 59, while
//! no more of 460 clean drafts and none of 1,139 real brand replies were warned.
//!
//! Words are hashed into a [`Layout`]'s buckets (no vocabulary to ship) and the weights are
//! stored as 4-bit steps of one scale, two to a byte: the complaint model is 4 KB in the wasm,
//! the blame, deflection and hostile models 2 KB each. The weights are written
//! by `make train` (src/bin/boomerang-train.rs) into `learned_weights.rs`; `make eval`
//! measures the models by 10-fold cross-validation, each fold's model trained without the
//! messages it is scored on.

use super::api::ToneKind;
use super::learned_weights as weights;
use super::word_list::WordBits;
use super::text::{hash_word, Text, Token, TokenKind};

/// Rule features from [`super::intent::Signals::dense`].
pub const DENSE: usize = 16;

/// The shape of a model's weight vector: dense features, hashed word features, then the bias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub dense: usize,
    pub buckets: usize,
}

impl Layout {
    pub const fn weights(self) -> usize {
        self.dense + self.buckets + 1
    }

    /// A hash's bucket: the hash modulo the buckets, a power of two, taken by a mask (a 64-bit
    /// division is tens of cycles in the wasm, for two features a word of every check).
    fn bucket(self, h: u64) -> u32 {
        debug_assert!(self.buckets.is_power_of_two());
        (self.dense as u64 + (h & (self.buckets as u64 - 1))) as u32
    }

    /// The weight a feature index of a larger layout falls to: its hashed buckets folded
    /// (modulo) into this one's.
    fn fold(self, i: usize) -> usize {
        i.checked_sub(self.dense).map_or(i, |h| self.dense + (h & (self.buckets - 1)))
    }

    fn hashed(self) -> std::ops::Range<usize> {
        self.dense..self.dense + self.buckets
    }
}

/// The most hashed buckets a [`Layout`] may have ([`words`] keeps one bit for each).
const MAX_BUCKETS: usize = 1 << 13;

/// The complaint model: the intent cues' scores, then words.
pub const COMPLAINT: Layout = Layout { dense: DENSE, buckets: 1 << 13 };

/// The draft models (blame, deflection, hostile): words only, the same features for each, so a
/// sentence is read once for all three. A few thousand drafts fill few buckets; 4,096 keep
/// collisions rare.
pub const DRAFT: Layout = Layout { dense: 0, buckets: 1 << 12 };
const _: () = assert!(COMPLAINT.buckets <= MAX_BUCKETS && DRAFT.buckets <= MAX_BUCKETS);

/// The deflection and hostile models' buckets: as many as the blame model's since they learn from
/// 3,096 tone drafts (eval/drafts.tone.tsv) beside the wide ones. Folded into half as many (1 KB
/// of weights each, when the engine wasm had no room), the same drafts caught 25 fewer of 416
/// held-out digs and 5 fewer of 439 deflections, for 1 fewer of 2,028 clean drafts warned; a
/// quarter as many warned a rule's own rewrite.
pub const TONE: Layout = Layout { dense: 0, buckets: 1 << 12 };
const _: () = assert!(DRAFT.buckets.is_multiple_of(TONE.buckets));
// [`Layout::bucket`] takes the modulo by a mask.
const _: () = assert!(COMPLAINT.buckets.is_power_of_two() && DRAFT.buckets.is_power_of_two() && TONE.buckets.is_power_of_two());

/// The layout of the draft model of `kind`.
pub fn draft_layout(kind: ToneKind) -> Layout {
    if kind == ToneKind::Blame {
        DRAFT
    } else {
        TONE
    }
}

/// The kinds of tone a learned model finds in drafts, beside the phrase rules: each is told in
/// more shapes than phrases reach.
pub const DRAFT_KINDS: [ToneKind; 3] = [ToneKind::Blame, ToneKind::Deflection, ToneKind::Hostile];

/// A message as the model reads it: feature index and value, dense features first.
pub type Features = Vec<(u32, f32)>;

/// The word a token contributes: links and numbers as their kind (which one it is says nothing
/// general), hashtags by their word. Mentions contribute nothing: in the corpus only the tweets
/// not aimed at a brand lack one, but on x.com a reply's text shows no leading @handle, so a
/// model that learned "starts with @" would miss complaints made in reply threads.
fn word_key<'t>(t: &'t Token) -> &'t str {
    match t.kind {
        TokenKind::Mention => "",
        TokenKind::Url => "<url>",
        TokenKind::Number => "<num>",
        TokenKind::Hashtag => t.norm.trim_start_matches('#'),
        TokenKind::Word => &t.norm,
        TokenKind::SentenceEnd | TokenKind::Punct => &t.norm,
    }
}

/// [`hash_word`]'s FNV-1a from a seed, which keeps feature families (pairs, negated words)
/// apart in the hash space; seed 0 is `hash_word` itself.
fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    super::text::hash_seeded(seed, bytes)
}

/// Seeds that keep the feature families apart in the hash space.
const PAIR_SEED: u64 = 99;
const NEGATED_SEED: u64 = 31;

/// Words that turn the next few words around; the words after one are read as negated
/// ("not working" is not "working"). A slice, not a [`super::word_list::WordList`]: it is
/// looked up for every word of every message, where a slice's length compares are quicker.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "don't", "dont", "didn't", "didnt", "isn't", "wasn't", "can't", "cant",
    "won't", "doesn't", "haven't", "hasn't", "nothing", "nobody", "cannot", "couldn't", "aren't",
];

/// [`NEGATORS`] as a signature: most words have no bit here and are not looked for.
const NEGATOR_BITS: WordBits = WordBits::of_words(NEGATORS);

/// Light suffix stripping, so "crashes", "crashed" and "crashing" share a weight (3,449 tweets
/// are too few to learn each form on its own).
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        // Compared a byte at a time: `strip_suffix` calls `memcmp` in the wasm, for a word
        // of every message.
        let Some(cut) = word.len().checked_sub(suffix.len()) else { continue };
        if word.as_bytes()[cut..].iter().zip(suffix.bytes()).any(|(a, b)| *a != b) {
            continue;
        }
        let base = super::text::slice(word, ..cut);
        if super::text::char_count(base) >= 3 && !word.ends_with("ss") {
            return base;
        }
    }
    word
}

/// The features of a message: its rule scores and their pairwise products (the cues matter
/// together: a problem told in the first person), then its words ([`words`]).
pub fn features(parsed: &Text, dense: &[f32; DENSE]) -> Features {
    let mut out: Features = Vec::new();
    for (i, &v) in dense.iter().enumerate() {
        out.push((i as u32, v));
    }
    for i in 0..DENSE {
        for j in i..DENSE {
            let v = dense[i] * dense[j];
            if v != 0.0 {
                out.push((COMPLAINT.bucket(fnv1a(PAIR_SEED, &[i as u8, j as u8])), v / 3.0));
            }
        }
    }
    words(&parsed.tokens, COMPLAINT, &mut out);
    out
}

/// Hashed word features of `tokens`: each distinct word stem, each pair of neighbouring stems
/// (with the start and end as words, so openings count), and the three words after a negator
/// marked as negated.
fn words(tokens: &[Token], layout: Layout, out: &mut Features) {
    // Presence, not counts: a word said twice is no more a complaint. One bit a bucket says
    // which are in already: cheaper than sorting the hashes, on every keystroke's check.
    let mut seen = [0u64; MAX_BUCKETS / 64];
    // A word and a pair a token, and a few negated: grown once, not five times.
    out.reserve(2 * tokens.len() + 8);
    let mut add = |h: u64| add_once(&mut seen, layout, out, h);
    let mut previous = fnv1a(0, b"<s>");
    let mut negated = 0usize;
    for t in tokens {
        let key = word_key(t);
        if key.is_empty() {
            continue;
        }
        // The token's hash is its key's but for a hashtag or a number.
        let key_hash = if matches!(t.kind, TokenKind::Hashtag | TokenKind::Number) { hash_word(key) } else { t.hash };
        if t.kind == TokenKind::SentenceEnd {
            negated = 0;
        }
        if negated > 0 && t.kind == TokenKind::Word {
            add(fnv1a(NEGATED_SEED, key.as_bytes()));
            negated -= 1;
        }
        if NEGATOR_BITS.may_have(key_hash) && NEGATORS.iter().any(|n| super::text::same_word(n, key)) {
            negated = 3;
        }
        let stemmed = if t.kind == TokenKind::Word { stem(key) } else { key };
        let word = if stemmed.len() == key.len() { key_hash } else { hash_word(stemmed) };
        let key = stemmed;
        add(word);
        add(fnv1a(previous, key.as_bytes()));
        previous = word;
    }
    add(fnv1a(previous, b"</s>"));
}

/// Adds the bucket of hash `h` to `out` unless `seen` has its bit set. Out of line: [`words`]
/// adds from four places, and one copy is 0.1 KB smaller in the worker's wasm than four inlined.
#[inline(never)]
fn add_once(seen: &mut [u64; MAX_BUCKETS / 64], layout: Layout, out: &mut Features, h: u64) {
    let i = layout.bucket(h);
    let bit = i as usize - layout.dense;
    if seen[bit / 64] & (1 << (bit % 64)) == 0 {
        seen[bit / 64] |= 1 << (bit % 64);
        out.push((i, 1.0));
    }
}

/// The features of a stretch of a draft for the draft models.
pub fn draft_features(tokens: &[Token]) -> Features {
    let mut out = Features::new();
    words(tokens, DRAFT, &mut out);
    out
}

/// The logistic function; also the engine's one `exp` (a `tanh` would link a second, `expm1f`).
pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Probability under a weight vector of a [`Layout`]'s length, the bias last.
fn probability(model: &[f32], features: &Features) -> f32 {
    let z = model[model.len() - 1] + features.iter().map(|&(i, v)| model[i as usize] * v).sum::<f32>();
    sigmoid(z)
}

/// A model fresh from [`fit`], before it is quantised into `learned_weights.rs`: what
/// cross-validation scores held-out messages with.
#[derive(Debug, Clone)]
pub struct Trained {
    pub layout: Layout,
    pub weights: Vec<f32>,
    pub threshold: f32,
}

impl Trained {
    /// Draft features of the full [`DRAFT`] layout are folded into a smaller one's.
    pub fn probability(&self, features: &Features) -> f32 {
        let z = features.iter().map(|&(i, v)| self.weights[self.layout.fold(i as usize)] * v).sum::<f32>();
        sigmoid(self.weights[self.weights.len() - 1] + z)
    }
}

/// Trains on labelled messages, rounds the word weights to the steps that ship ([`quantise`]),
/// and picks the threshold with the best F1 on them. Cross-validation thus scores the model as
/// it ships, not a finer one.
pub fn fit(examples: &[(Features, bool)], settings: Training, layout: Layout) -> Trained {
    let mut weights = train(examples, settings, layout.weights());
    let (scale, steps) = quantise(&weights[layout.hashed()]);
    for (w, q) in weights[layout.hashed()].iter_mut().zip(steps) {
        *w = f32::from(q) * scale;
    }
    let scored: Vec<(f32, bool)> = examples.iter().map(|(x, y)| (probability(&weights, x), *y)).collect();
    Trained { layout, threshold: best_threshold(&scored), weights }
}

/// A model as `make train` writes it into `learned_weights.rs`.
pub struct Shipped {
    pub threshold: f32,
    pub bias: f32,
    pub dense: &'static [f32],
    /// The size of one step of the hashed weights.
    pub scale: f32,
    /// Two 4-bit steps a byte, the even-indexed weight in the low bits.
    pub hashed: &'static [u8],
}

impl Shipped {
    fn probability(&self, layout: Layout, features: &Features) -> f32 {
        let mut z = self.bias;
        for &(i, v) in features {
            let i = layout.fold(i as usize);
            // Sizes are checked by a test; a stale weights file reads missing weights as zero.
            let w = match i.checked_sub(layout.dense) {
                None => self.dense.get(i).copied(),
                Some(h) => step(self.hashed, h).map(|q| f32::from(q) * self.scale),
            };
            z += v * w.unwrap_or(0.0);
        }
        sigmoid(z)
    }
}

/// Whether a message is a complaint: the probability and the threshold it is held against.
pub fn complaint_probability(parsed: &Text, dense: &[f32; DENSE], model: Option<&Trained>) -> (f32, f32) {
    let features = features(parsed, dense);
    match model {
        Some(m) => (m.probability(&features), m.threshold),
        None => (weights::COMPLAINT.probability(COMPLAINT, &features), weights::COMPLAINT.threshold),
    }
}

/// The shipped draft model of `kind` and its threshold at high sensitivity, chosen by
/// cross-validation at a higher share of clean drafts warned.
fn shipped_draft_model(kind: ToneKind) -> (&'static Shipped, f32) {
    match kind {
        ToneKind::Deflection => (&weights::DEFLECTION, weights::DEFLECTION_EAGER_THRESHOLD),
        ToneKind::Hostile => (&weights::HOSTILE, weights::HOSTILE_EAGER_THRESHOLD),
        _ => (&weights::BLAME, weights::BLAME_EAGER_THRESHOLD),
    }
}

/// Models in place of the shipped draft models, by kind: how cross-validation scores drafts the
/// shipped models learned from.
pub type DraftModels<'a> = [(ToneKind, &'a Trained)];

/// The draft model of one kind, as [`draft_model`] picks it.
pub struct DraftModel<'a> {
    layout: Layout,
    trained: Option<&'a Trained>,
    shipped: &'static Shipped,
    /// The probability a stretch is warned at.
    pub threshold: f32,
    /// The lower one an agent who asked for every warning (high sensitivity) is warned at.
    pub eager: f32,
}

impl DraftModel<'_> {
    /// How much a stretch of a draft with `features` reads as the model's kind.
    pub fn probability(&self, features: &Features) -> f32 {
        match self.trained {
            Some(m) => m.probability(features),
            None => self.shipped.probability(self.layout, features),
        }
    }
}

/// The model of `kind` (one of [`DRAFT_KINDS`]) that `models` give, else the shipped one.
pub fn draft_model<'a>(kind: ToneKind, models: &DraftModels<'a>) -> DraftModel<'a> {
    let (shipped, eager) = shipped_draft_model(kind);
    let layout = draft_layout(kind);
    match models.iter().find(|(k, _)| *k == kind) {
        Some(&(_, m)) => DraftModel { layout, trained: Some(m), shipped, threshold: m.threshold, eager: m.threshold },
        None => DraftModel { layout, trained: None, shipped, threshold: shipped.threshold, eager },
    }
}

/// One model per fold, each trained without the examples of its fold (example `i` is in fold
/// `i % folds`) but with every one of `always`: what cross-validation scores held-out examples
/// with.
pub fn fold_models(
    examples: &[(Features, bool)],
    always: &[(Features, bool)],
    settings: Training,
    layout: Layout,
    folds: usize,
) -> Vec<Trained> {
    (0..folds).map(|fold| fit(&without_fold(examples, always, fold, folds), settings, layout)).collect()
}

/// `examples` but those of fold `fold` (example `i` is in fold `i % folds`), then `always`.
fn without_fold(examples: &[(Features, bool)], always: &[(Features, bool)], fold: usize, folds: usize) -> Vec<(Features, bool)> {
    let kept = examples.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, e)| e);
    kept.chain(always).cloned().collect()
}

/// The text of a draft the draft models read: its words, the tokens of `text` (a whole draft
/// of up to three sentences, as the training drafts are).
pub fn draft_features_of(text: &str) -> Features {
    draft_features(&Text::new(text).tokens)
}

/// The label a draft model of `kind` does not learn from: deflection and blame overlap, their
/// drafts often reading as both ("the courier lost it, not us" puts fault on a third party and
/// denies responsibility), so the deflection model does not learn that blame drafts are not
/// deflection. (Blame is learned against deflection drafts, as before the deflection model.)
fn overlapping(kind: ToneKind) -> &'static str {
    match kind {
        ToneKind::Deflection => ToneKind::Blame.as_str(),
        _ => "",
    }
}

/// Whether the model of `kind` learns from the tone drafts (`eval/drafts.tone.tsv`), written to
/// teach deflection and hostility, and everyday clean sentences. The blame model does not: as
/// its negatives, their deflections (many a third party's fault) cost it recall on fresh
/// drafts (41 → 36 of 70 blaming drafts of a held-out set).
pub fn learns_from_tone_drafts(kind: ToneKind) -> bool {
    kind != ToneKind::Blame
}

/// Whether the model of `kind` learns from the drafts that join every fold
/// (`eval/drafts.always.tsv`: deflections, digs and blame beside look-alikes), which never join
/// the pool its threshold is picked on. The deflection model does: held-out deflections caught
/// 321 -> 340 of 439, no held-out clean draft more (two more sets later: 341 -> 343, one more). The
/// blame and hostile models caught fewer held-out drafts of their kind (349 -> 336 of 580, 180 -> 172
/// of 416; with the later sets too, 354 -> 349 and 185 -> 171, and fewer of a fresh blind set's).
pub fn learns_always_drafts(kind: ToneKind) -> bool {
    kind == ToneKind::Deflection
}

/// The drafts the model of `kind` learns from, in the order [`draft_training`] takes them: the
/// wide drafts, then the tone drafts where the kind [learns from them](learns_from_tone_drafts).
/// One order for training, threshold and cross-validation alike.
pub fn learned_drafts<'a, T>(kind: ToneKind, wide: &'a [T], tone: &'a [T]) -> impl Iterator<Item = &'a T> {
    wide.iter().chain(tone.iter().filter(move |_| learns_from_tone_drafts(kind)))
}

/// What a draft model learns from ([`draft_training`]).
pub struct DraftTraining {
    /// Labelled drafts, each with whether it is of the kind: the ones cross-validation holds out.
    pub examples: Vec<(Features, bool)>,
    /// What joins every fold: the examples of the kind's rules ([`super::rules::examples_of`]),
    /// which hold the hardest look-alikes ("Because you booked early, the discount applies").
    pub always: Vec<(Features, bool)>,
    /// Each given draft's index in `examples`; none for a draft of an overlapping kind.
    pub index: Vec<Option<usize>>,
}

impl DraftTraining {
    /// The fold (of `folds`, as [`fold_models`] splits `examples`) whose model was trained
    /// without draft `draft`: any model for a draft none learned from.
    pub fn fold_of(&self, draft: usize, folds: usize) -> usize {
        self.index[draft].map_or(0, |i| i % folds)
    }
}

/// A draft model's training: each `(text, label)` of `drafts` ([`learned_drafts`]) that is of
/// `kind` or of no kind overlapping it; the rules' examples of `kind`. The tone drafts are
/// cross-validated like the wide ones, so that their clean sentences count when `make train`
/// picks the threshold: while they joined every fold, the threshold was picked on the wide
/// drafts alone, whose long clean drafts let through short ones ("We'll let you know once it's
/// fixed.") that the hostile model warned.
/// Err when the build left the rules' examples out (they need feature `rule-examples`).
/// `always_drafts` join every fold where the kind [learns from them](learns_always_drafts).
pub fn draft_training<'a>(
    kind: ToneKind,
    drafts: impl Iterator<Item = (&'a str, &'a str)>,
    always_drafts: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<DraftTraining, String> {
    let layout = draft_layout(kind);
    let features_of = |text: &str| draft_features_of(text).into_iter().map(|(i, v)| (layout.fold(i as usize) as u32, v)).collect();
    let mut always: Vec<(Features, bool)> = super::rules::examples_of(kind).map(|(text, is)| (features_of(text), is)).collect();
    // Checked before the rewrites join: they are in every build, the examples only in some.
    if always.is_empty() {
        return Err(format!(
            "the {} rules' examples are missing: build with `--features rule-examples` (as `make train` and `make eval` do)",
            kind.as_str()
        ));
    }
    if kind != ToneKind::Blame {
        always.extend(super::rules::rewrite_sentences().map(|text| (features_of(text), false)));
    }
    let weight = if kind == ToneKind::Blame { 1 } else { TONE_RULE_WEIGHT };
    always = (0..weight).flat_map(|_| always.iter().cloned()).collect();
    let learned = |label: &str| label != overlapping(kind);
    let example = |(text, label): (&str, &str)| (features_of(text), label == kind.as_str());
    if learns_always_drafts(kind) {
        always.extend(always_drafts.filter(|d| learned(d.1)).map(example));
    }
    let (mut examples, mut index) = (Vec::new(), Vec::new());
    for draft in drafts {
        index.push(learned(draft.1).then_some(examples.len()));
        if learned(draft.1) {
            examples.push(example(draft));
        }
    }
    Ok(DraftTraining { examples, always, index })
}

/// How the draft model of `kind` is trained (by `make train`, and in `make eval`'s
/// cross-validation). The L2 penalty is the one whose cross-validation caught most blame at 1%
/// of clean drafts warned (4,340 drafts: 5e-4 606, 1e-3 663, 2e-3 617, 4e-3 608 of 1,620;
/// 5,140: 1e-3 742, 2e-3 719 of 1,990). The deflection and hostile models add an L1 penalty:
/// sparser weights, 1.8 → 1.5 KB gzip for the two, with the same recall on held-out drafts
/// (on blame, L1 warned the rules' own look-alike "Because you booked early, the discount
/// applies.").
pub fn draft_training_settings(kind: ToneKind) -> Training {
    let l1 = if kind == ToneKind::Blame { 0.0 } else { 1e-4 };
    Training { l2: 1e-3, l1, epochs: 300, learning_rate: 0.05 }
}

/// How many times the rules' examples and rewrites count in the deflection and hostile models'
/// training: once, those models still warned rules' allows ("You're not being unreasonable at
/// all.", "Sure, whatever time suits you is fine.") and a rule's own rewrite.
const TONE_RULE_WEIGHT: usize = 3;

/// The threshold the shipped draft model of `kind` warns at, which `make train` chose by
/// cross-validation.
pub fn shipped_threshold(kind: ToneKind) -> f32 {
    shipped_draft_model(kind).0.threshold
}

/// Training settings; the defaults are what `make train` ships.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    /// L2 penalty on every weight but the bias.
    pub l2: f32,
    /// L1 penalty on every weight but the bias: drives the weights that matter little to zero,
    /// which then compress to little in the wasm.
    pub l1: f32,
    pub epochs: usize,
    pub learning_rate: f32,
}

impl Default for Training {
    fn default() -> Self {
        Training { l2: 2e-3, l1: 0.0, epochs: 300, learning_rate: 0.05 }
    }
}

/// Logistic regression by full-batch Adam: deterministic, so the same data gives the same
/// weights on every machine.
fn train(examples: &[(Features, bool)], settings: Training, len: usize) -> Vec<f32> {
    let n = examples.len().max(1) as f32;
    let mut w = vec![0.0f32; len];
    let (mut m, mut v) = (vec![0.0f32; len], vec![0.0f32; len]);
    let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
    let mut grad = vec![0.0f32; len];
    for step in 1..=settings.epochs {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for (x, y) in examples {
            let err = probability(&w, x) - if *y { 1.0 } else { 0.0 };
            for &(i, val) in x {
                grad[i as usize] += err * val / n;
            }
            grad[len - 1] += err / n;
        }
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for i in 0..len {
            let g = grad[i] + if i < len - 1 { settings.l2 * w[i] + settings.l1 * w[i].signum() * f32::from(w[i] != 0.0) } else { 0.0 };
            m[i] = b1 * m[i] + (1.0 - b1) * g;
            v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            w[i] -= settings.learning_rate * (m[i] / c1) / ((v[i] / c2).sqrt() + eps);
        }
    }
    w
}

/// The threshold that gives the best F1 on labelled probabilities.
fn best_threshold(scored: &[(f32, bool)]) -> f32 {
    let mut best = (0.0f32, 0.5f32);
    for step in 10..=90 {
        let t = step as f32 / 100.0;
        let (mut tp, mut fp, mut fn_) = (0.0f32, 0.0f32, 0.0f32);
        for &(p, gold) in scored {
            match (p >= t, gold) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fn_ += 1.0,
                _ => {}
            }
        }
        let f1 = if tp == 0.0 { 0.0 } else { 2.0 * tp / (2.0 * tp + fp + fn_) };
        if f1 > best.0 {
            best = (f1, t);
        }
    }
    best.1
}

/// The message's features for the complaint model, as [`super::intent::classify`] sees them.
pub fn complaint_features(text: &str) -> Features {
    let parsed = Text::new(text);
    let dense = super::intent::signals(&parsed).dense();
    features(&parsed, &dense)
}

/// The largest step a word weight is rounded to, either way: 4 bits a weight. Rounding this
/// coarsely costs no F1 in cross-validation (a word's weight is a vote, not a measurement) and
/// halves the model against `i8`.
const STEPS: f32 = 7.0;

/// Weights as whole steps in `-STEPS..=STEPS` of one scale, the largest weight a full step.
fn quantise(weights: &[f32]) -> (f32, Vec<i8>) {
    let max = weights.iter().fold(0.0f32, |a, w| a.max(w.abs())).max(1e-6);
    let scale = max / STEPS;
    (scale, weights.iter().map(|w| (w / scale).round().clamp(-STEPS, STEPS) as i8).collect())
}

/// Two steps to a byte: the even-indexed weight in the low 4 bits.
fn pack(steps: &[i8]) -> Vec<u8> {
    steps.chunks(2).map(|pair| (pair[0] as u8 & 0x0f) | ((pair.get(1).copied().unwrap_or(0) as u8) << 4)).collect()
}

/// Step `i` of packed weights, sign-extended from its 4 bits.
fn step(packed: &[u8], i: usize) -> Option<i8> {
    let byte = *packed.get(i / 2)? as i8;
    Some(if i % 2 == 0 { (byte << 4) >> 4 } else { byte >> 4 })
}

/// A trained model as a `Shipped` static for `learned_weights.rs`, the hashed weights
/// quantised, under the doc comment `doc`.
pub fn weights_item(trained: &Trained, name: &str, doc: &str) -> String {
    use std::fmt::Write as _;
    let (model, layout) = (&trained.weights, trained.layout);
    let (scale, steps) = quantise(&model[layout.hashed()]);
    let mut out = format!("/// {doc}\n#[rustfmt::skip]\npub static {name}: Shipped = Shipped {{\n");
    let _ = writeln!(out, "    threshold: {:?},\n    bias: {:?},", trained.threshold, model[model.len() - 1]);
    let _ = writeln!(out, "    dense: &{:?},\n    scale: {scale:?},\n    hashed: &[", &model[..layout.dense]);
    for chunk in pack(&steps).chunks(32) {
        let line: Vec<String> = chunk.iter().map(u8::to_string).collect();
        let _ = writeln!(out, "        {},", line.join(", "));
    }
    out.push_str("    ],\n};\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashed(text: &str) -> Vec<u32> {
        complaint_features(text).into_iter().filter(|&(i, _)| i as usize >= DENSE).map(|(i, _)| i).collect()
    }

    #[test]
    fn shipped_weights_fit_the_feature_layout() {
        // Fails when the features change without `make train`.
        let drafts = DRAFT_KINDS.map(|kind| (shipped_draft_model(kind).0, draft_layout(kind)));
        for (shipped, layout) in [(&weights::COMPLAINT, COMPLAINT)].into_iter().chain(drafts) {
            assert_eq!(shipped.dense.len(), layout.dense);
            assert_eq!(shipped.hashed.len(), layout.buckets / 2);
            assert!((0.1..=0.95).contains(&shipped.threshold));
        }
    }

    #[test]
    fn a_leading_mention_changes_nothing() {
        // On x.com a reply's text has no leading @handle; the model must not need one.
        assert_eq!(complaint_features("@ShopCo my order never came"), complaint_features("my order never came"));
    }

    #[test]
    fn word_forms_share_a_weight_and_negation_is_marked() {
        let crashed = hashed("crashed");
        assert!(hashed("crashes").iter().any(|i| crashed.contains(i)), "one stem for crashes/crashed");
        let plain = hashed("it is working");
        let negated = hashed("it is not working");
        assert!(negated.len() > plain.len() + 1, "'not working' adds negated words and pairs");
    }

    #[test]
    fn training_learns_what_separates_the_labels_and_is_repeatable() {
        let examples: Vec<(Features, bool)> = [
            ("my parcel never arrived", true),
            ("still waiting for my refund", true),
            ("the app keeps crashing", true),
            ("charged twice and nobody answers", true),
            ("what time do you open", false),
            ("love the new menu", false),
            ("do you ship to Ireland", false),
            ("thanks for the quick help", false),
        ]
        .iter()
        .map(|(t, y)| (complaint_features(t), *y))
        .collect();
        let model = fit(&examples, Training::default(), COMPLAINT);
        for (x, y) in &examples {
            assert_eq!(model.probability(x) >= model.threshold, *y);
        }
        assert_eq!(fit(&examples, Training::default(), COMPLAINT).weights, model.weights);
    }

    #[test]
    fn four_bit_steps_pack_two_to_a_byte_and_read_back() {
        let steps: Vec<i8> = (-7..=7).chain([0, 7, -7]).collect();
        let packed = pack(&steps);
        assert_eq!(packed.len(), steps.len().div_ceil(2));
        let read: Vec<i8> = (0..steps.len()).map(|i| step(&packed, i).unwrap()).collect();
        assert_eq!(read, steps);
        assert_eq!(step(&packed, 2 * packed.len()), None);
    }

    #[test]
    fn the_shipped_form_scores_like_the_fitted_model() {
        let examples: Vec<(Features, bool)> = ["my parcel never arrived", "love the new menu", "still waiting, again", "do you ship to Ireland"]
            .iter()
            .enumerate()
            .map(|(i, t)| (complaint_features(t), i % 2 == 0))
            .collect();
        let model = fit(&examples, Training::default(), COMPLAINT);
        // What weights_item writes, read back the way complaint_probability reads it.
        let (scale, steps) = quantise(&model.weights[COMPLAINT.hashed()]);
        let hashed: &'static [u8] = Vec::leak(pack(&steps));
        let dense: &'static [f32] = Vec::leak(model.weights[..DENSE].to_vec());
        let bias = model.weights[COMPLAINT.weights() - 1];
        let shipped = Shipped { threshold: model.threshold, bias, dense, scale, hashed };
        for (x, _) in &examples {
            assert!((shipped.probability(COMPLAINT, x) - model.probability(x)).abs() < 1e-4);
        }
        assert!(weights_item(&model, "TEST", "A test.").contains("pub static TEST: Shipped = Shipped {"));
    }

}
