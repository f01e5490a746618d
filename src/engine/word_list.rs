//! Word lists packed into one string each.
//!
//! Why: in a `&[&str]` every entry costs a pointer and a length (8 bytes on wasm32) beside its
//! text, which for the engine's two thousand cue words, class words and phrases was more than
//! the words themselves. [`word_list!`] writes the same list as one string with a newline
//! after each entry, at compile time, and [`WordList`] reads it back one entry at a time. The
//! lists are small, or are indexed once at start (intent's cues, the rules' classes), so
//! walking the string costs little; a list asked of every word has a [`WordBits`] signature
//! in front of it ([`WordList::signature`]).

use super::text::{hash_bytes, hash_word};

/// A set of words as a 256-bit signature, one bit a word's hash ([`bit_of`]): a sentence's
/// words, the words a pattern needs, a table's words. Of the real replies' 319,000 pattern
/// candidates, 7,800 get past their sentence's signature (47,000 with 64 bits, 14,000 with
/// 256 bits unmixed) to find 17 matches.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordBits([u64; 4]);

impl WordBits {
    pub const EMPTY: WordBits = WordBits([0; 4]);

    /// The signature of `words`, at compile time.
    pub const fn of_words(words: &[&str]) -> WordBits {
        let mut bits = WordBits::EMPTY;
        let mut i = 0;
        while i < words.len() {
            bits = bits.with(words[i]);
            i += 1;
        }
        bits
    }

    /// These words and `word`, at compile time: a table's words, to pass most words by.
    pub const fn with(self, word: &str) -> WordBits {
        self.with_hash(hash_word(word))
    }

    const fn with_hash(self, hash: u64) -> WordBits {
        let bit = bit_of(hash);
        let mut bits = self.0;
        bits[bit >> 6] |= 1 << (bit & 63);
        WordBits(bits)
    }

    /// Adds the word of `hash`.
    #[inline(always)]
    pub fn insert(&mut self, hash: u64) {
        let bit = bit_of(hash);
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    /// False when the word of `hash` is surely not among the words here.
    #[inline(always)]
    pub fn may_have(&self, hash: u64) -> bool {
        let bit = bit_of(hash);
        self.0[bit >> 6] >> (bit & 63) & 1 != 0
    }

    pub fn add(&mut self, other: WordBits) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    /// True when every bit of `other` is here.
    #[inline(always)]
    pub fn has_all(&self, other: &WordBits) -> bool {
        let [a, b] = [self.0, other.0];
        ((a[0] & b[0]) ^ b[0]) | ((a[1] & b[1]) ^ b[1]) | ((a[2] & b[2]) ^ b[2]) | ((a[3] & b[3]) ^ b[3]) == 0
    }

    /// True when one bit of `other` is here.
    pub fn has_any(&self, other: &WordBits) -> bool {
        self.0.iter().zip(other.0).any(|(a, b)| a & b != 0)
    }

    pub fn count(&self) -> u32 {
        self.0.iter().map(|b| b.count_ones()).sum()
    }
}

/// The bit of 256 a word's hash sets. FNV-1a's top bits barely differ between short words (its
/// last multiply carries a byte 40 bits up at most), so they are mixed by a multiply first:
/// unmixed, 6 of 22 everyday words fell on the bits of a four-word list.
#[inline(always)]
const fn bit_of(hash: u64) -> usize {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// A list of words or phrases, as written by [`word_list!`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordList(&'static str);

impl WordList {
    /// The list packed by [`word_list!`]: every entry followed by a newline.
    #[doc(hidden)]
    pub const fn packed(text: &'static str) -> WordList {
        WordList(text)
    }

    pub fn iter(self) -> Entries {
        Entries(self.0)
    }

    pub fn contains(self, word: &str) -> bool {
        // In place, with no entry sliced out and no `memchr` (a call in wasm, for entries of a
        // few bytes): an entry of another length is passed over after one compare. No entry
        // holds a newline, so a word with one matches none.
        let (word, list) = (word.as_bytes(), self.0.as_bytes());
        let mut start = 0;
        while start < list.len() {
            let mut end = start;
            while end < list.len() && list[end] != b'\n' {
                end += 1;
            }
            if list[start..end] == *word {
                return true;
            }
            start = end + 1;
        }
        false
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The [`WordBits`] of the entries, at compile time: for a list asked of every word of a
    /// draft, where most words can be passed by on their [`hash_word`] without a walk through
    /// the list.
    pub const fn signature(self) -> WordBits {
        let (list, mut bits) = (self.0.as_bytes(), WordBits::EMPTY);
        let (mut start, mut end) = (0, 0);
        while end < list.len() {
            if list[end] == b'\n' {
                let (entry, _) = list.split_at(end);
                let (_, entry) = entry.split_at(start);
                bits = bits.with_hash(hash_bytes(entry));
                start = end + 1;
            }
            end += 1;
        }
        bits
    }
}

/// The entries of a [`WordList`], in order.
pub struct Entries(&'static str);

impl Iterator for Entries {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        let end = self.0.bytes().position(|b| b == b'\n')?;
        let entry = super::text::slice(self.0, ..end);
        self.0 = super::text::slice(self.0, end + 1..);
        Some(entry)
    }
}

impl IntoIterator for WordList {
    type Item = &'static str;
    type IntoIter = Entries;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// `word_list!["still", "no one", "on hold"]`: a [`WordList`] with these entries, in order.
#[macro_export]
macro_rules! word_list {
    ($($word:literal),* $(,)?) => {
        $crate::engine::word_list::WordList::packed(concat!($($word, "\n"),*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_each_entry_in_order() {
        const LIST: WordList = word_list!["still", "no one", "on hold", "can't"];
        assert_eq!(LIST.iter().collect::<Vec<_>>(), ["still", "no one", "on hold", "can't"]);
        assert!(LIST.contains("no one") && LIST.contains("can't"));
        assert!(!LIST.contains("no") && !LIST.contains("") && !LIST.contains("still\n"));
        assert!(!LIST.contains("no one\non hold"), "a word never spans two entries");
    }

    #[test]
    fn a_signature_has_every_entry_and_passes_by_most_other_words() {
        const LIST: WordList = word_list!["dm", "inbox", "no one", "can't"];
        const SIGNATURE: WordBits = LIST.signature();
        assert!(LIST.iter().all(|entry| SIGNATURE.may_have(hash_word(entry))));
        assert_eq!(SIGNATURE, WordBits::of_words(&["dm", "inbox", "no one", "can't"]));
        let others = "we are so sorry your order has not arrived yet please send us the number and we will look at it today"
            .split(' ')
            .filter(|w| SIGNATURE.may_have(hash_word(w)))
            .count();
        assert!(others <= 2, "{others} of 22 other words were not passed by");
    }

    #[test]
    fn an_empty_list_has_no_entries() {
        const EMPTY: WordList = word_list![];
        assert!(EMPTY.is_empty());
        assert_eq!(EMPTY.iter().count(), 0);
        assert!(!EMPTY.contains(""));
    }
}
