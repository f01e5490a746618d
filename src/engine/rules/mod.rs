//! Tone rules as data. Each [`Rule`] is a set of phrase [`pattern`]s with a kind, a severity,
//! a calm message, a fix, the guards that keep it precise (negations and hedges before it,
//! words after it, a private channel anywhere in the draft), and example sentences it must
//! flag and must allow; a test runs every example through the whole checker (Harper style).
//!
//! Subject awareness lives in the patterns themselves: they name the subject (`you should
//! have`, `not our fault`, `the * 's fault`), so "we should have" and "not your fault" never
//! match a blaming rule. Negation awareness is the `unless_before` guard.

/// A rule's example sentences (`flags`, `allows`): kept in test builds, where they are run, and
/// in `make train`'s (feature `rule-examples`), which teaches the blame rules' to the blame
/// model; left out of the shipped engine, which never reads them.
macro_rules! examples {
    ($($sentence:expr),* $(,)?) => {{
        let sentences: &[&str] = if cfg!(any(test, feature = "rule-examples")) { &[$($sentence),*] } else { &[] };
        sentences
    }};
}

/// A rule's name, for the tests' messages: left out of the shipped engine like [`examples!`].
macro_rules! rule_id {
    ($id:literal) => {
        if cfg!(test) {
            $id
        } else {
            ""
        }
    };
}

pub mod amends;
pub mod classes;
pub mod empathy;
pub mod pattern;
pub mod stream;

pub(crate) mod blame;
pub mod deflection;
pub mod hostile;
mod private_info;

use std::sync::LazyLock;

use crate::engine::api::{Severity, ToneKind};
use crate::engine::ordered_map::OrderedMap;
use crate::engine::word_list::WordList;
use crate::word_list;
use pattern::{Pattern, Words};
use stream::Stream;

/// How a rule's issue is fixed in the rewrite the UI offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Replace the whole sentence holding the match with this one.
    Sentence(&'static str),
    /// Replace the sentence with an apology for the outcome it explains, its cause left out
    /// ("I'm sorry your return was rejected."), then [`blame::LOOK_TOGETHER`]; only the latter
    /// where the outcome is not plain.
    OwnOutcome,
    /// Replace just the matched words ("" removes them, and a comma after them).
    Span(&'static str),
    /// Ask for the same details by direct message instead of in public.
    ToDm,
}

#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub kind: ToneKind,
    pub severity: Severity,
    pub patterns: WordList,
    /// Why it hurts, in one calm sentence.
    pub message: &'static str,
    pub fix: Fix,
    /// Words (or `<class>`es) that cancel a match when they come within [`GUARD_WINDOW`]
    /// words before it in the same clause: negations ("it's not your fault") and hedges.
    pub unless_before: WordList,
    /// Words that cancel a match when they come right after it.
    pub unless_after: WordList,
    /// Words that cancel a match anywhere in the draft ("DM", "privately").
    pub unless_in_draft: WordList,
    /// Words that cancel a match when they come later in its sentence: a way forward after a
    /// refusal ("it's out of our hands, but we've laid on buses").
    pub unless_later: WordList,
    /// When set, a match stands only in a sentence holding one of these words, not negated
    /// within two words before it: an act told neutrally ("because you booked early") blames
    /// only when something went wrong ("no late fee" is nothing gone wrong).
    pub only_with: WordList,
    /// A link anywhere after the match cancels it: "share your details here: <link>".
    pub unless_link_after: bool,
    /// A sentence crediting the customer's act with a good outcome ([`credits_their_act`]:
    /// "…which is why you weren't charged") cancels the match.
    pub unless_credited: bool,
    /// Whether the rule's examples and rewrite join the draft models' training ([`examples_of`],
    /// [`rewrite_sentences`]).
    pub teaches_models: bool,
    /// Still flagged in a private conversation, where asking for details is otherwise the
    /// right move (a password is never to be asked for).
    pub even_in_private: bool,
    /// Sentences this rule must flag, and sentences no rule of its kind may flag ([`examples!`]:
    /// test builds only).
    pub flags: &'static [&'static str],
    pub allows: &'static [&'static str],
}

/// How far back a negation or hedge reaches.
pub const GUARD_WINDOW: usize = 5;

/// Defaults for the optional parts of a [`Rule`].
pub const BASE: Rule = Rule {
    id: "",
    kind: ToneKind::Hostile,
    severity: Severity::Medium,
    patterns: word_list![],
    message: "",
    fix: Fix::Span(""),
    unless_before: word_list![],
    unless_after: word_list![],
    unless_in_draft: word_list![],
    unless_later: word_list![],
    only_with: word_list![],
    unless_link_after: false,
    unless_credited: false,
    teaches_models: true,
    even_in_private: false,
    flags: &[],
    allows: &[],
};

/// The negation guard most rules use.
pub const NEGATED: WordList = word_list!["<negator>"];

/// Every phrase rule, in one list.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    blame::RULES.iter().chain(deflection::RULES).chain(hostile::RULES).chain(private_info::RULES)
}

/// The example sentences of the rules of `kind`, each with whether it is of that kind: their
/// `flags` are, their `allows` (for blame: empathy, ownership, information told with "you") are
/// not. Empty unless built with the examples ([`examples!`]).
pub fn examples_of(kind: ToneKind) -> impl Iterator<Item = (&'static str, bool)> {
    let rules = all().filter(move |r| r.kind == kind && r.teaches_models);
    rules.flat_map(|r| r.flags.iter().map(|&t| (t, true)).chain(r.allows.iter().map(|&t| (t, false))))
}

/// Every rule's allow examples of `kind`, those of rules that teach no model too: sentences no
/// warning of the kind may fall on.
pub fn allows_of(kind: ToneKind) -> impl Iterator<Item = &'static str> {
    all().filter(move |r| r.kind == kind).flat_map(|r| r.allows.iter().copied())
}

/// The sentences the rules offer in place of a bad one ([`Fix::Sentence`]): what a draft reads
/// like once put right, so no draft model may warn them.
pub fn rewrite_sentences() -> impl Iterator<Item = &'static str> {
    all().filter(|r| r.teaches_models).filter_map(|r| match r.fix {
        Fix::Sentence(with) => Some(with),
        _ => None,
    })
}

/// A rule matching items `first..end` of the stream.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub rule: &'static Rule,
    pub first: usize,
    pub end: usize,
}

struct Compiled {
    rule: &'static Rule,
    pattern: Pattern,
    /// Index of the rule's [`Guards`] in [`Table::guards`].
    guards: usize,
}

/// A rule's guard words, compiled once for all its patterns (once per pattern, they were half
/// of the worker's first check).
struct Guards {
    before: Words,
    after: Words,
    in_draft: Words,
    later: Words,
    only_with: Words,
}

struct Table {
    patterns: Vec<Compiled>,
    guards: Vec<Guards>,
    /// The negators, for [`Rule::only_with`]'s words said negated.
    negators: Words,
    /// First words ([`crate::engine::text::hash_word`]) → patterns that may start there; patterns are
    /// matched only where their first word occurs, so one pass over the draft tries few of
    /// them (a hash collision only tries one pattern too many: `match_at` compares the text).
    /// Every pattern has a fixed first word (a test says so).
    by_first: OrderedMap<u64, Vec<u32>>,
    /// One bit of 4,096 for each first word's hash: most words of a draft start no pattern,
    /// and are told so here without a search of the map (a cache miss a step).
    first_bits: Vec<u64>,
}

/// Where hash `hash` falls in [`Table::first_bits`].
fn first_bit(hash: u64) -> (usize, u64) {
    ((hash >> 58) as usize, 1 << ((hash >> 52) & 63))
}

/// Every word of a guard's patterns, in one [`Words`]. (Plain loops: a chain of two `flat_map`s
/// was 1.3 KB more wasm.)
fn guard_words(list: WordList) -> Words {
    let mut all = Vec::new();
    for g in list.iter() {
        for e in Pattern::parse(g).elements {
            if let pattern::Element::Words { words, .. } = e {
                all.extend_from_slice(words.as_slice());
            }
        }
    }
    Words::new(all)
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table {
        patterns: Vec::new(),
        guards: Vec::new(),
        negators: guard_words(NEGATED),
        by_first: OrderedMap::default(),
        first_bits: vec![0; 64],
    };
    for rule in all() {
        let guards = table.guards.len();
        table.guards.push(Guards {
            before: guard_words(rule.unless_before),
            after: guard_words(rule.unless_after),
            in_draft: guard_words(rule.unless_in_draft),
            later: guard_words(rule.unless_later),
            only_with: guard_words(rule.only_with),
        });
        for src in rule.patterns.iter() {
            let id = table.patterns.len() as u32;
            let pattern = Pattern::parse(src);
            for w in pattern.first_words().unwrap_or_default() {
                for key in [w.plain_hash, w.folded_hash] {
                    let (at, bit) = first_bit(key);
                    table.first_bits[at] |= bit;
                    let list = table.by_first.get_or_default(key);
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
            }
            table.patterns.push(Compiled { rule, pattern, guards });
        }
    }
    table
});

fn item_is(item: &stream::Item, words: &Words) -> bool {
    words.contains(item)
}

impl Compiled {
    fn guarded(&self, guards: &Guards, negators: &Words, stream: &Stream, first: usize, end: usize) -> bool {
        let items = &stream.items;
        let clause = items[first].clause;
        let sentence = items[first].sentence;
        let mut before = items[first.saturating_sub(GUARD_WINDOW)..first].iter().filter(|i| i.clause == clause);
        if before.any(|i| item_is(i, &guards.before)) {
            return true;
        }
        if self.rule.unless_link_after && items[end..].iter().any(|i| i.word == "<url>") {
            return true;
        }
        if items.get(end).is_some_and(|i| i.sentence == sentence && item_is(i, &guards.after)) {
            return true;
        }
        if items[end..].iter().take_while(|i| i.sentence == sentence).any(|i| item_is(i, &guards.later)) {
            return true;
        }
        // A word of `only_with` said negated ("no late fee") is not there.
        let negated = |k: usize| items[k.saturating_sub(2)..k].iter().any(|p| p.clause == items[k].clause && item_is(p, negators));
        if !guards.only_with.as_slice().is_empty()
            && !(0..items.len()).any(|k| items[k].sentence == sentence && item_is(&items[k], &guards.only_with) && !negated(k))
        {
            return true;
        }
        // After the cheaper guards of the sentence: the dearest, asked only of a match they let stand.
        if self.rule.unless_credited && credits_their_act(stream, sentence) {
            return true;
        }
        !guards.in_draft.as_slice().is_empty() && items.iter().any(|i| item_is(i, &guards.in_draft))
    }
}

/// The words of the class `name` of [`classes::CLASSES`].
fn class(name: &str) -> &'static Words {
    pattern::class_words(name).expect("a known class")
}

/// True when sentence `sentence` explains a good or plain outcome by the customer's act: a
/// cause by them ("because you…", "since you…", "after you…", "you…, so…", "you…, which is
/// why…") and an outcome that says nothing went wrong ("Your kitten's food ships free because
/// you signed up for six months", "You didn't lose your seat because you rebooked in time",
/// "Because you picked the fortnightly plan, your veg box arrives every other Tuesday"). Thanks
/// or information, which the blame model reads as blame. The outcome is judged apart from the
/// cause: the act may be a cancellation ("refunded automatically because you cancelled in the
/// window"); a fault in the cause ("because you didn't…", "…the wrong…") keeps it blame.
pub fn credits_their_act(stream: &Stream, sentence: u32) -> bool {
    let items = sentence_items(stream, sentence);
    their_act(items).is_some_and(|(cause, outcome)| !at_fault(&items[cause]) && !told_wrong(&items[outcome]))
}

/// A sentence's items: a sentence's words are a run of the stream's.
fn sentence_items<'s, 'a>(stream: &'s Stream<'a>, sentence: u32) -> &'s [stream::Item<'a>] {
    let first = stream.items.iter().position(|i| i.sentence == sentence).unwrap_or(stream.items.len());
    let items = &stream.items[first..];
    &items[..items.iter().position(|i| i.sentence != sentence).unwrap_or(items.len())]
}

/// Where a sentence's items tell an outcome of the customer's act: the runs told as the act
/// and as its outcome.
fn their_act(items: &[stream::Item]) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let word = |k: usize| items.get(k).map_or("", |i| i.word);
    // The last "you" that opened a clause (a hyphen, "high-value", opens one too).
    let mut their_clause = None;
    for k in 0..items.len() {
        let opens_clause = k == 0 || items[k - 1].clause != items[k].clause;
        if opens_clause && word(k) == "you" {
            their_clause = Some(k);
        }
        // "pay-as-you-go" is a tariff and "as you can see" evidence, no cause.
        let as_cause = word(k) == "as" && (k == 0 || word(k - 1) != "pay") && !matches!(word(k + 2), "can" | "know" | "may" | "will");
        let opens_cause = matches!(word(k), "since" | "after") || as_cause || item_is(&items[k], class("because"));
        if opens_cause && word(k + 1) == "you" && items[k + 1].clause == items[k].clause {
            let clause = items[k].clause;
            let end = (k + 1..items.len()).find(|&j| items[j].clause != clause).unwrap_or(items.len());
            // "Because you paid early, the fee was waived." (after at most a greeting: "Hi Sam,
            // because…") or "The fee was waived(,) as you…": the outcome told first.
            let outcome = if opens_clause && k <= GREETING_WORDS && end < items.len() { end..items.len() } else { 0..k };
            return Some((k + 1..end, outcome));
        }
        // "You paid early, so the fee was waived.": the cause is told before the marker, by
        // the customer ("the parcel was signed for at your address, so…" is no act of theirs).
        let marker = match (word(k), word(k + 1), word(k + 2)) {
            ("so" | "meaning", _, _) => 1,
            ("which", "meant" | "means", _) => 2,
            ("which" | "that", "is" | "was", "why") => 3,
            _ => continue,
        };
        if let Some(from) = their_clause {
            return Some((from..k, k + marker..items.len()));
        }
    }
    None
}

/// Whether an outcome (stream items) of the customer's act says it went wrong for them: a word of
/// what went wrong, or of what went right negated ("wasn't approved"); a cost named and not
/// lifted ("the late fee", not "the late fee was waived"); and unless a word says it went right
/// ("free", "early", a cost spared: "you weren't charged"), a negation that spares no cost ("the
/// tickets can't be transferred") or only words pointing back at the problem ("It's because
/// you…", "so that's what we sent"). An outcome told plainly ("your box arrives every Thursday")
/// is information, not blame: on 1,200 fresh pairs told both ways, asking for a word of what
/// went right warned 173 good or plain outcomes; asking for none of what went wrong, 55, for
/// 315 -> 272 of their blaming twins caught. (Warning every outcome this calls wrong, beside the
/// rules and the model, caught 21 more of 580 held-out blaming drafts for 13 more of 2,228
/// clean ones warned, and 1 real brand reply: too many false warnings.)
fn told_wrong(outcome: &[stream::Item]) -> bool {
    let table = &*TABLE;
    let (right, wrong) = (class("went_right"), class("went_wrong"));
    let (spared, lifts) = (class("spared"), class("lifted"));
    // What stops a threat went right: "the login attempt from abroad was blocked".
    let thwarted = outcome.iter().any(|i| THREATS.contains(&i.word));
    // A cost named ("the late fee") is bad unless it was lifted ("…was waived").
    let (mut good, mut bad, mut cost, mut lifted) = (false, false, false, false);
    // A negation reaches over a few words in its clause ("wasn't charged the foreign fee"), not
    // past "and" or "but"; `spares` says whether a cost was in its reach, `unsparing` whether
    // one of them spared none.
    let (mut reach, mut spares, mut unsparing) = (0, false, false);
    let mut clause = u32::MAX;
    for (k, i) in outcome.iter().enumerate() {
        if i.clause != clause || i.word == "and" || i.word == "but" {
            unsparing |= reach > 0 && !spares;
            reach = 0;
            clause = i.clause;
        }
        // "went through fine" is no fine; "the fine", "a £60 fine" are (the stream has no numbers).
        // Something "held for you" was kept for you; a payment "held" was not released.
        let fine_as_cost = || k.checked_sub(1).is_some_and(|p| FINE_BEFORE.contains(&outcome[p].word));
        let harmless = (i.word == "fine" && !fine_as_cost()) || (i.word == "held" && word_at(outcome, k + 1) == "for");
        let (is_right, is_cost) = (item_is(i, right), !harmless && item_is(i, spared));
        // A bill "went up": what the customer pays rose; a bundle "ran out" (not "a reminder
        // before it ran out").
        let dearer = RISEN.contains(&i.word) && outcome[..k].iter().any(|p| PAID.contains(&p.word));
        let ran_out = i.word == "out"
            && k.checked_sub(1).is_some_and(|p| matches!(outcome[p].word, "ran" | "run" | "runs" | "running"))
            && !outcome[..k].iter().any(|p| p.word == "before");
        let is_wrong = !is_cost && !harmless && !thwarted && (dearer || ran_out || item_is(i, wrong));
        // Negated, a cost is spared ("wasn't charged the fee"), and so is a thing gone wrong
        // close after ("no deposit was held", not "couldn't be rerouted and arrived 40 mins
        // late"); a thing gone right is missed ("wasn't approved").
        if reach > 0 {
            let spared_wrong = is_wrong && reach > 2;
            (good, spares) = (good || is_cost || spared_wrong, spares || is_cost || spared_wrong);
            bad |= is_right || (is_wrong && !spared_wrong);
            reach -= 1;
            unsparing |= reach == 0 && !spares;
        } else {
            good |= is_right;
            bad |= is_wrong;
            cost |= is_cost;
            lifted |= item_is(i, lifts);
        }
        if item_is(i, &table.negators) || i.word == "nothing" {
            unsparing |= reach > 0 && !spares;
            (reach, spares) = (5, false);
        }
    }
    unsparing |= reach > 0 && !spares;
    // "…, so that's what we sent": the customer got what they asked for, told back at them.
    let what_they_asked = matches!((word_at(outcome, 0), word_at(outcome, 1), word_at(outcome, 2)), ("that" | "this" | "it", "is" | "was", "what"));
    let pointing_back = what_they_asked || outcome.iter().all(|i| POINTING_BACK.contains(&i.word));
    bad || (cost && !lifted) || (!good && (unsparing || pointing_back))
}

/// Whether the customer's act (stream items) is told with a negation or a fault in it
/// ("because you didn't…", "…the wrong PIN"): then its outcome is blame, however it is told.
/// What the act came before is no part of it ("you renewed before the card expired").
fn at_fault(cause: &[stream::Item]) -> bool {
    let table = &*TABLE;
    let act = &cause[..cause.iter().position(|i| i.word == "before").unwrap_or(cause.len())];
    act.iter().any(|i| item_is(i, &table.negators) || item_is(i, class("at_fault")))
}

/// The word of item `k`, or none past the end.
fn word_at<'a>(items: &[stream::Item<'a>], k: usize) -> &'a str {
    items.get(k).map_or("", |i| i.word)
}

/// What a customer pays, and words of its rising.
const PAID: [&str; 13] = ["bill", "bills", "price", "prices", "premium", "payment", "payments", "rate", "debit", "renewal", "tariff", "quote", "excess"];
const RISEN: [&str; 6] = ["up", "increased", "rose", "risen", "jumped", "doubled"];

/// Words before "fine" that make it a penalty.
const FINE_BEFORE: [&str; 7] = ["a", "the", "your", "parking", "penalty", "this", "that"];

/// Threats to the customer, which an outcome gone "wrong" stopped.
const THREATS: [&str; 11] =
    ["scam", "scammer", "scammers", "fraudster", "fraudulent", "hacker", "hackers", "suspicious", "phishing", "unauthorised", "unauthorized"];

/// The most words before a cause told first in its sentence: a greeting ("Hi Sam Jones,").
const GREETING_WORDS: usize = 3;

/// Words of an outcome that only point back at the problem the customer raised: "It's
/// because you…", "This is why…", "That happened since you…".
const POINTING_BACK: [&str; 10] = ["it", "this", "that", "is", "was", "happened", "happens", "why", "the", "reason"];

/// Every unguarded rule match in the stream, in stream order.
pub fn find(stream: &Stream) -> Vec<Hit> {
    let table = &*TABLE;
    let mut hits = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for (i, item) in stream.items.iter().enumerate() {
        let starting = |hash: u64| {
            let (at, bit) = first_bit(hash);
            if table.first_bits[at] & bit == 0 {
                return &[][..];
            }
            table.by_first.get(&hash).map_or(&[][..], Vec::as_slice)
        };
        // Each list is in pattern order; only a folded word ("1d10t") brings a second to merge.
        let ids = if item.folded_differs {
            candidates.clear();
            candidates.extend_from_slice(starting(item.hash));
            candidates.extend_from_slice(starting(item.folded_hash));
            crate::engine::sort::sort_small_by_key(&mut candidates, |&id| id);
            candidates.dedup();
            &candidates[..]
        } else {
            starting(item.hash)
        };
        // Most candidates stop here: their sentence lacks a word they need.
        let present = stream.sentence_bits(item.sentence);
        for &id in ids {
            let c = &table.patterns[id as usize];
            if !c.pattern.may_match(&present) {
                continue;
            }
            if hits.last().is_some_and(|h: &Hit| std::ptr::eq(h.rule, c.rule) && h.end > i) {
                continue; // The same rule already covers this place.
            }
            if let Some(end) = c.pattern.match_at(stream, i) {
                if end > i && !c.guarded(&table.guards[c.guards], &table.negators, stream, i, end) {
                    hits.push(Hit { rule: c.rule, first: i, end });
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::api::CheckRequest;
    use crate::engine::settings::{Sensitivity, Settings};
    use crate::engine::text::Text;
    use crate::engine::tone;

    fn kinds(text: &str) -> Vec<ToneKind> {
        let settings = Settings { sensitivity: Sensitivity::High, ..Settings::default() };
        tone::check(&CheckRequest { text: text.into(), ..Default::default() }, &settings)
            .into_iter()
            .map(|i| i.kind)
            .collect()
    }

    #[test]
    fn every_rule_flags_its_examples_and_allows_its_counterexamples() {
        let mut failures = Vec::new();
        for rule in all() {
            assert!(!rule.flags.is_empty() && !rule.allows.is_empty(), "{}: needs flags and allows", rule.id);
            for text in rule.flags {
                if !kinds(text).contains(&rule.kind) {
                    failures.push(format!("{} should flag: {text}", rule.id));
                }
            }
            for text in rule.allows {
                if kinds(text).contains(&rule.kind) {
                    failures.push(format!("{} should allow: {text}", rule.id));
                }
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn every_pattern_matches_one_of_its_rules_flags() {
        // A pattern no example matches is dead weight, or a slip in the syntax: `has been` in
        // `got|was|has been suspended` is two elements, (got|was|has) then (been).
        let mut dead = Vec::new();
        for rule in all() {
            let texts: Vec<Text> = rule.flags.iter().map(|t| Text::new(t)).collect();
            let streams: Vec<Stream> = texts.iter().map(Stream::new).collect();
            for src in rule.patterns.iter() {
                let pattern = Pattern::parse(src);
                let matches = |s: &Stream| (0..s.items.len()).any(|i| pattern.match_at(s, i).is_some_and(|end| end > i));
                if !streams.iter().any(matches) {
                    dead.push(format!("{}: {src}", rule.id));
                }
            }
        }
        assert!(dead.is_empty(), "{} patterns match none of their rule's flags:\n{}", dead.len(), dead.join("\n"));
    }

    #[test]
    fn every_rewrite_of_a_flag_clears_the_rule() {
        let settings = Settings { sensitivity: Sensitivity::High, ..Settings::default() };
        let mut failures = Vec::new();
        for rule in all() {
            for text in rule.flags {
                let issues = tone::check(&CheckRequest { text: (*text).into(), ..Default::default() }, &settings);
                let Some(issue) = issues.iter().find(|i| i.kind == rule.kind) else { continue };
                let Some(rewrite) = &issue.rewrite else {
                    failures.push(format!("{}: no rewrite for {text}", rule.id));
                    continue;
                };
                if rewrite.trim().is_empty() || kinds(rewrite).contains(&rule.kind) {
                    failures.push(format!("{}: rewrite still flagged: {text} → {rewrite}", rule.id));
                }
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn every_pattern_is_indexable_and_names_known_classes() {
        for rule in all() {
            for src in rule.patterns.iter().chain(rule.unless_before).chain(rule.unless_after).chain(rule.unless_in_draft) {
                for el in src.split_whitespace() {
                    for alt in el.trim_start_matches('!').trim_end_matches('?').split('|') {
                        if let Some(name) = alt.strip_prefix('<').and_then(|a| a.strip_suffix('>')) {
                            let known = classes::CLASSES.iter().any(|(n, words)| *n == name && !words.is_empty());
                            assert!(known, "{}: unknown class <{name}>", rule.id);
                        }
                        // The word stream splits "cut-off" and drops "&": such a word never matches.
                        assert!(!alt.contains(['-', '&']) || alt.starts_with('<'), "{}: '{alt}' is not one word of the stream", rule.id);
                    }
                }
            }
            for src in rule.patterns.iter() {
                assert!(Pattern::parse(src).first_words().is_some(), "{}: {src} starts with no fixed word", rule.id);
            }
        }
        for (name, words) in classes::CLASSES {
            assert!(words.iter().all(|w| !w.contains(['-', '&'])), "<{name}> holds a word the stream splits");
        }
    }

    #[test]
    fn an_act_beside_a_negated_outcome_blames_no_one() {
        // Not rule examples: those teach the blame model, whose weights these would move.
        assert!(!kinds("No late fee applies because you paid before the deadline.").contains(&ToneKind::Blame));
        assert!(kinds("There's a late fee because you paid after the deadline.").contains(&ToneKind::Blame));
        assert!(kinds("There's no refund because you cancelled late.").contains(&ToneKind::Blame));
    }

    fn credited(text: &str) -> bool {
        let parsed = Text::new(text);
        credits_their_act(&Stream::new(&parsed), 0)
    }

    #[test]
    fn a_good_outcome_credits_the_act_a_bad_outcome_or_a_fault_does_not() {
        for thanks in [
            // The act may be a cancellation: the outcome is judged apart from the cause.
            "Your deposit was refunded automatically because you cancelled within the cooling-off period.",
            // A cost spared, the negation reaching over the noun phrase.
            "You weren't charged the roaming fee because you'd added the travel pass.",
            "No booking fee was taken since you paid at the desk.",
            "Your bags weren't lost on the transfer because you'd tagged them.",
            // Texting shorthand, contracted.
            "The refund was approved since u'd played under two hours.",
            // The cause first, or before "so" / "which is why", a hyphen in it.
            "Because you registered the tablet, the screen repair was covered.",
            "You listed it as a high-value item, which is why the claim went straight through.",
            // An outcome told plainly is information, after a greeting too.
            "Because you picked the fortnightly plan, your veg box arrives every other Tuesday.",
            "Hi Sam, as you chose the paper ticket, it comes by post with your seat numbers on it.",
            "The hamper came back to us in full since you'd sent it back unopened.",
            // A thing gone wrong negated is spared; "nothing" negates; a cost saved is lifted.
            "Because you used the club's own lockers, nothing went missing.",
            "Since you packed it in the padded box, the lens wasn't damaged in transit.",
            "You paid upfront, so you saved the booking fee.",
            "As you renewed before May, the admin fee was halved.",
            "Since you paid in full at booking, there's nothing due on arrival.",
            // What the act came before is no fault; "fine" after a verb is no penalty; "after
            // you..." is a cause too.
            "Your cover carried on without a gap since you renewed before the old policy expired.",
            "The refund went through fine because you used the original card.",
            "Because you rang ahead, the table was held for you until nine.",
            "Because you chose the faster package, your speeds went up to 500Mbps.",
            "Since you set a low-balance alert, you got a text before your credit ran out.",
            "After you reset the router, the speeds came back up.",
            // What stops a threat went right.
            "Because you turned on login alerts, the attempt by a fraudster was stopped.",
        ] {
            assert!(credited(thanks), "{thanks}");
        }
        for blame in [
            // Something gone wrong, or gone right negated, in the outcome.
            "Your claim wasn't approved because you sent the photos a week later.",
            "The tyre can't be repaired because you kept driving on it.",
            "Your cleaning deposit was kept since you checked out on Sunday.",
            // A fault in the cause.
            "The discount didn't apply automatically because you entered the wrong code.",
            // "Your …" is the thing, not the customer's act; "so" after a clause not theirs.
            "The table wasn't held because your party arrived an hour after the booking.",
            "The parcel was signed for at your address, so it is not lost on our side.",
            "Your account was flagged because you logged in from five countries in one day.",
            // A negation that spares no cost; an outcome that only points back at the problem.
            "Since you booked the saver fare, the seats can't be changed now.",
            "This happened because you shared the code with the caller.",
            "You asked for the large, so that's what the store packed.",
            // The cause told last explains what came before it; "as you can see" is evidence;
            // a pay-as-you-go plan is no cause.
            "I'm afraid the voucher can't be used in outlets, as you bought the single-store version.",
            "As you can see from the booking, you picked the 6am slot yourself.",
            "Since the line was left on pay-as-you-go, the calls were billed at the standard rate.",
            // What went wrong after "and" is past the negation's reach; a "you" in the next
            // clause opens no cause.
            "After you moved the pin mid-route, the parcel couldn't be rerouted in time and arrived two hours late.",
            "By booking after 10, you missed the lunch menu, which is why the bill was higher.",
            // What the customer pays went up; what they had ran out.
            "Your direct debit went up because you've been using more since the spring.",
            "Your data ran out because you streamed in HD on the train.",
            // A threat named is no threat stopped.
            "Because you kept the old password, a hacker got in and your points were taken.",
        ] {
            assert!(!credited(blame), "{blame}");
        }
        // The phrase rule leaves a credited sentence too (not a rule example: those teach the
        // blame model).
        assert!(!kinds("You cancelled before the renewal, which is why you weren't charged for May.").contains(&ToneKind::Blame));
        assert!(kinds("You cancelled after the renewal, which is why you were charged for May.").contains(&ToneKind::Blame));
    }

    #[test]
    fn rules_that_teach_no_model_give_the_draft_models_nothing() {
        // Their examples would move the hostile model's line with every phrase added.
        let quiet: Vec<&str> = all().filter(|r| !r.teaches_models).flat_map(|r| r.flags.iter().chain(r.allows)).copied().collect();
        assert!(!quiet.is_empty());
        for kind in [ToneKind::Blame, ToneKind::Deflection, ToneKind::Hostile] {
            assert!(examples_of(kind).all(|(text, _)| !quiet.contains(&text)), "{kind:?}");
        }
        let taught = all().filter(|r| r.teaches_models && matches!(r.fix, Fix::Sentence(_))).count();
        assert_eq!(rewrite_sentences().count(), taught);
    }

    #[test]
    fn rule_ids_are_unique_and_messages_are_sentences() {
        let mut ids = std::collections::HashSet::new();
        for rule in all() {
            assert!(ids.insert(rule.id), "duplicate rule id {}", rule.id);
            assert!(rule.message.ends_with('.') && rule.message.len() < 120, "{}: message", rule.id);
        }
    }
}
