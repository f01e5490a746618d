//! Phrase patterns over the word stream, written as short strings in the rule data:
//!
//! | element       | matches                                                        |
//! |---------------|----------------------------------------------------------------|
//! | `fault`       | that word (stretched letters and leetspeak allowed)            |
//! | `our\|my`     | one of these words                                             |
//! | `<third>`     | one word of a named class ([`super::classes`])                  |
//! | `x?`          | the element or nothing (any element but a gap may take `?`)    |
//! | `*`           | any one word                                                   |
//! | `!our\|us`    | any one word but these                                         |
//! | `..3`         | zero to three words                                            |
//! | `^` / `$`     | the start / end of a sentence (first / last element only)      |
//!
//! A pattern never reaches across a sentence end. Contractions are spelt out in the stream,
//! so patterns say `is not`, never `isn't`.

use super::classes;
use super::stream::{Item, Stream};
use crate::engine::sort::sort_small_by_key;
use crate::engine::text::{fold_word, hash_word, is_folded, slice};
use crate::engine::word_list::WordBits;
use std::sync::LazyLock;

#[derive(Debug, Clone)]
pub struct Word {
    /// The word as the rule data spells it.
    pub plain: &'static str,
    /// `plain` with leetspeak and stretched letters folded, where that differs (rarely: the
    /// table's thousands of words then cost no copy each).
    folded: Option<Box<str>>,
    /// [`hash_word`] of `plain` and of its folded form.
    pub plain_hash: u64,
    pub folded_hash: u64,
}

/// A set of words (an alternation or a class, a hundred words at times), looked up by hash:
/// a binary search and one string compare instead of a compare per word. Most are a word or
/// two, which are scanned instead: no index to allocate for each of the thousands of them.
#[derive(Debug, Clone, Default)]
pub struct Words {
    list: Vec<Word>,
    /// (hash, index into `list`), sorted by hash; both empty for a list of [`SCANNED`] or fewer.
    by_plain: Vec<(u64, u32)>,
    by_folded: Vec<(u64, u32)>,
    /// The [`WordBits`] of every word, plain and folded.
    bits: WordBits,
}

/// The most words a [`Words`] scans rather than looks up.
const SCANNED: usize = 8;

impl Words {
    pub fn new(list: Vec<Word>) -> Words {
        let index = |hash: fn(&Word) -> u64| {
            if list.len() <= SCANNED {
                return Vec::new();
            }
            let mut v: Vec<(u64, u32)> = Vec::with_capacity(list.len());
            for (i, w) in list.iter().enumerate() {
                v.push((hash(w), i as u32));
            }
            sort_small_by_key(&mut v, |&(hash, _)| hash);
            v
        };
        let by_plain = index(|w| w.plain_hash);
        let by_folded = index(|w| w.folded_hash);
        let mut bits = WordBits::default();
        for w in &list {
            bits.insert(w.plain_hash);
            bits.insert(w.folded_hash);
        }
        Words { list, by_plain, by_folded, bits }
    }

    pub fn as_slice(&self) -> &[Word] {
        &self.list
    }

    /// True when the item is one of these words, or its leetspeak/stretched form folds to one.
    pub fn contains(&self, item: &Item) -> bool {
        if self.by_plain.is_empty() {
            return self.list.iter().any(|w| {
                (w.plain_hash == item.hash && item.word == w.plain)
                    || (item.folded_differs && w.folded_hash == item.folded_hash && item.folded == w.folded())
            });
        }
        self.lookup(&self.by_plain, item.hash).any(|w| item.word == w.plain)
            || (item.folded_differs && self.lookup(&self.by_folded, item.folded_hash).any(|w| item.folded == w.folded()))
    }

    /// The words whose hash (in `index`) is `hash`: nearly always none or one.
    fn lookup<'s>(&'s self, index: &'s [(u64, u32)], hash: u64) -> impl Iterator<Item = &'s Word> {
        let from = index.partition_point(|&(h, _)| h < hash);
        index[from..].iter().take_while(move |&&(h, _)| h == hash).map(|&(_, i)| &self.list[i as usize])
    }
}

/// A pattern element's words: its own, or a class's, compiled once and shared.
#[derive(Debug, Clone)]
pub enum WordSet {
    Own(Words),
    Class(&'static Words),
}

impl std::ops::Deref for WordSet {
    type Target = Words;
    fn deref(&self) -> &Words {
        match self {
            WordSet::Own(words) => words,
            WordSet::Class(words) => words,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Element {
    /// One of these words; `optional` may match nothing.
    Words { words: WordSet, optional: bool },
    /// Any one word not among these.
    Not(WordSet),
    Any,
    Gap(usize),
    Start,
    End,
}

#[derive(Debug, Clone)]
pub struct Pattern {
    pub elements: Vec<Element>,
    /// The bits of the word sets the pattern cannot match without: a sentence missing any of
    /// them is skipped before matching (most candidates end here). A set of one bit (nearly
    /// all: one word) joins `required_bits`, all of which must be present; a larger one
    /// stays in `required_any`, one of whose bits must be.
    required_bits: WordBits,
    required_any: Vec<WordBits>,
}

impl Word {
    pub fn folded(&self) -> &str {
        self.folded.as_deref().unwrap_or(self.plain)
    }
}

fn word(w: &'static str) -> Word {
    let plain_hash = hash_word(w);
    if is_folded(w) {
        return Word { plain: w, folded: None, plain_hash, folded_hash: plain_hash };
    }
    let folded = fold_word(w);
    Word { plain: w, folded_hash: hash_word(&folded), folded: (folded != w).then(|| folded.into()), plain_hash }
}

/// Each class's words, compiled once: a class is named in many patterns (`<past_act>` in
/// dozens), and compiling it for each was most of the worker's first check.
static CLASS_WORDS: LazyLock<Vec<Words>> =
    LazyLock::new(|| classes::CLASSES.iter().map(|(_, list)| Words::new(list.iter().map(word).collect())).collect());

pub(crate) fn class_words(name: &str) -> Option<&'static Words> {
    let i = classes::CLASSES.iter().position(|(n, _)| *n == name)?;
    Some(&CLASS_WORDS[i])
}

fn words_of(alts: &'static str) -> WordSet {
    fn class(alt: &str) -> Option<&str> {
        alt.strip_prefix('<')?.strip_suffix('>')
    }
    if let Some(words) = class(alts).and_then(class_words) {
        return WordSet::Class(words);
    }
    let mut out = Vec::new();
    for alt in alts.split('|') {
        match class(alt) {
            Some(name) => out.extend_from_slice(class_words(name).map_or(&[][..], Words::as_slice)),
            None => out.push(word(alt)),
        }
    }
    WordSet::Own(Words::new(out))
}

/// A list of phrases, compiled once, for "does the draft say any of these anywhere?" (an
/// acknowledgement, amends): a scan of every phrase through the draft, so for short lists only.
pub struct Phrases(Vec<Pattern>);

impl Phrases {
    pub fn new(list: crate::engine::word_list::WordList) -> Self {
        let mut patterns = Vec::new();
        for src in list.iter() {
            patterns.push(Pattern::parse(src));
        }
        Phrases(patterns)
    }

    pub fn any_in(&self, stream: &Stream) -> bool {
        self.0.iter().any(|p| p.matches(stream).next().is_some())
    }
}

impl Pattern {
    /// Parses the pattern language above; unknown classes match nothing (a test checks that
    /// every class named in the rules exists).
    pub fn parse(src: &'static str) -> Pattern {
        let mut elements = Vec::new();
        let (mut required_bits, mut required_any) = (WordBits::default(), Vec::new());
        for el in src.split_whitespace() {
            let element = match el {
                "*" => Element::Any,
                "^" => Element::Start,
                "$" => Element::End,
                _ if el.starts_with("..") => Element::Gap(slice(el, 2..).parse().unwrap_or(2)),
                _ if el.starts_with('!') && el.len() > 1 => Element::Not(words_of(slice(el, 1..))),
                _ => {
                    let (alts, optional) = match el.strip_suffix('?') {
                        Some(a) if !a.is_empty() => (a, true),
                        _ => (el, false),
                    };
                    Element::Words { words: words_of(alts), optional }
                }
            };
            if let Element::Words { words, optional: false } = &element {
                match words.bits.count() {
                    1 => required_bits.add(words.bits),
                    _ => required_any.push(words.bits),
                }
            }
            elements.push(element);
        }
        Pattern { elements, required_bits, required_any }
    }

    /// The words a match may begin with (after a leading `^`), or `None` when the pattern
    /// cannot be indexed by its first word.
    pub fn first_words(&self) -> Option<&[Word]> {
        let first = self.elements.iter().find(|e| !matches!(e, Element::Start))?;
        match first {
            Element::Words { words, optional: false } => Some(words.as_slice()),
            _ => None,
        }
    }

    /// Matches starting exactly at item `at`; returns the end (exclusive) of the shortest
    /// match. A caller trying many places asks [`Pattern::may_match`] of each sentence first.
    pub fn match_at(&self, stream: &Stream, at: usize) -> Option<usize> {
        let sentence = stream.items.get(at)?.sentence;
        match_from(&self.elements, stream, at, at, sentence)
    }

    /// False when sentence `sentence` lacks a word the pattern needs: then no position in it
    /// need be tried.
    fn may_match_in(&self, stream: &Stream, sentence: u32) -> bool {
        self.may_match(&stream.sentence_bits(sentence))
    }

    /// False when a sentence of words `present` lacks a word the pattern needs.
    #[inline(always)]
    pub fn may_match(&self, present: &WordBits) -> bool {
        present.has_all(&self.required_bits) && self.required_any.iter().all(|bits| present.has_any(bits))
    }

    /// Every match in the stream, as item ranges, in order. A sentence lacking a word the
    /// pattern needs is passed over whole, not tried at each of its words.
    pub fn matches<'s>(&'s self, stream: &'s Stream) -> impl Iterator<Item = std::ops::Range<usize>> + 's {
        let items = &stream.items;
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < items.len() {
                let sentence = items[at].sentence;
                if !self.may_match_in(stream, sentence) {
                    while at < items.len() && items[at].sentence == sentence {
                        at += 1;
                    }
                    continue;
                }
                let start = at;
                at += 1;
                if let Some(end) = match_from(&self.elements, stream, start, start, sentence) {
                    return Some(start..end);
                }
            }
            None
        })
    }
}

fn in_sentence(stream: &Stream, i: usize, sentence: u32) -> bool {
    stream.items.get(i).is_some_and(|it| it.sentence == sentence)
}

fn match_from(els: &[Element], stream: &Stream, i: usize, start: usize, sentence: u32) -> Option<usize> {
    let Some((el, rest)) = els.split_first() else {
        return Some(i);
    };
    match el {
        Element::Start => (i == start && stream.starts_sentence(i)).then_some(())?,
        Element::End => {
            return (rest.is_empty() && i > start && stream.ends_sentence(i)).then_some(i);
        }
        Element::Any => {
            return in_sentence(stream, i, sentence)
                .then(|| match_from(rest, stream, i + 1, start, sentence))
                .flatten();
        }
        Element::Not(ws) => {
            let it = stream.items.get(i).filter(|it| it.sentence == sentence)?;
            if ws.contains(it) {
                return None;
            }
            return match_from(rest, stream, i + 1, start, sentence);
        }
        Element::Gap(max) => {
            for skip in 0..=*max {
                if skip > 0 && !in_sentence(stream, i + skip - 1, sentence) {
                    break;
                }
                if let Some(end) = match_from(rest, stream, i + skip, start, sentence) {
                    return Some(end);
                }
            }
            return None;
        }
        Element::Words { words, optional } => {
            let hit = stream
                .items
                .get(i)
                .filter(|it| it.sentence == sentence)
                .is_some_and(|it| words.contains(it));
            if hit {
                if let Some(end) = match_from(rest, stream, i + 1, start, sentence) {
                    return Some(end);
                }
            }
            if !optional {
                return None;
            }
        }
    }
    match_from(rest, stream, i, start, sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::Text;

    fn finds(pattern: &'static str, text: &str) -> bool {
        let t = Text::new(text);
        let s = Stream::new(&t);
        let p = Pattern::parse(pattern);
        let found = p.matches(&s).next().is_some();
        found
    }

    #[test]
    fn words_alternatives_and_options() {
        assert!(finds("not our|my fault", "That isn't our fault."));
        assert!(finds("you should have just? booked", "You should've just booked"));
        assert!(finds("you should have just? booked", "you should have booked"));
        assert!(!finds("you should have booked", "you should have received it"));
    }

    #[test]
    fn gaps_wildcards_and_exclusions() {
        assert!(finds("not ..2 issue on our side", "This is not an issue on our side"));
        assert!(!finds("not ..1 issue", "not a big issue"));
        assert!(finds("the * 's fault", "the courier's fault"));
        assert!(finds("contact !our|us", "contact your bank"));
        assert!(!finds("contact !our|us", "contact our team"));
    }

    #[test]
    fn anchors_and_sentences() {
        assert!(finds("^ sure|ok? whatever $", "Sure, whatever."));
        assert!(!finds("^ sure|ok? whatever $", "Sure, whatever you need"));
        assert!(!finds("our fault", "not our. Fault"));
    }

    #[test]
    fn leetspeak_survives() {
        assert!(finds("idiot", "what an 1d10t"));
        assert!(finds("stupid", "so stuuupid"));
    }
}
