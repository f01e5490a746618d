//! Word lists packed into one string each.
//!
//! Why: in a `&[&str]` every entry costs a pointer and a length (8 bytes on wasm32) beside its
//! text, which for the engine's two thousand cue words, class words and phrases was more than
//! the words themselves. [`word_list!`] writes the same list as one string with a newline
//! after each entry, at compile time, and [`WordList`] reads it back one entry at a time. The
//! lists are small, or are indexed once at start (intent's cues, the rules' classes), so
//! walking the string costs nothing a user could notice.

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
    fn an_empty_list_has_no_entries() {
        const EMPTY: WordList = word_list![];
        assert!(EMPTY.is_empty());
        assert_eq!(EMPTY.iter().count(), 0);
        assert!(!EMPTY.contains(""));
    }
}
