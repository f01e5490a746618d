//! The word stream rules match against: the draft's words in order, contractions spelt out
//! ("isn't" → "is not", "you'd" → "you would"), each word pointing back at its token and its
//! sentence. Mentions and most punctuation drop out; URLs become `<url>`; emoji stay (an eye
//! roll is a word here).

use crate::engine::text::{hash_word, same_word, Text, TokenKind};
use crate::engine::word_list::WordBits;

/// One word of the stream; `word` and `folded` borrow from the token or a static table.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub word: &'a str,
    /// Leetspeak and stretched letters folded (`1d10t` → `idiot`); equal to `word` when the
    /// word came from a contraction.
    pub folded: &'a str,
    /// Index of the token this word came from.
    pub tok: usize,
    pub sentence: u32,
    /// [`hash_word`] of `word` and of `folded`: patterns compare these before any text.
    pub hash: u64,
    pub folded_hash: u64,
    /// `folded != word`, worked out once.
    pub folded_differs: bool,
    /// Commas, semicolons, colons and dashes split a sentence into clauses; a negation only
    /// reaches within its clause ("if you're not happy, go elsewhere").
    pub clause: u32,
}

pub struct Stream<'a> {
    pub items: Vec<Item<'a>>,
    /// Per sentence, the [`WordBits`] of its words (plain and folded): a pattern whose
    /// required words have no bit here cannot match in that sentence, so it is not tried.
    sentence_bits: Vec<WordBits>,
}

/// Pronouns and the like whose `'s` is "is" rather than a possessive.
const IS_BEFORE_S: [&str; 15] = [
    "it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "this", "everything", "nothing", "nobody",
    "one",
];

/// Contractions written without an apostrophe that are unambiguous enough to spell out.
const BARE: [(&str, &str, &str); 25] = [
    ("cant", "can", "not"),
    ("cannot", "can", "not"),
    ("dont", "do", "not"),
    ("doesnt", "does", "not"),
    ("didnt", "did", "not"),
    ("isnt", "is", "not"),
    ("arent", "are", "not"),
    ("wasnt", "was", "not"),
    ("werent", "were", "not"),
    ("hasnt", "has", "not"),
    ("havent", "have", "not"),
    ("shouldnt", "should", "not"),
    ("couldnt", "could", "not"),
    ("wouldnt", "would", "not"),
    ("wont", "will", "not"),
    ("youre", "you", "are"),
    ("theyre", "they", "are"),
    ("youve", "you", "have"),
    ("weve", "we", "have"),
    ("shouldve", "should", "have"),
    ("im", "i", "am"),
    ("ive", "i", "have"),
    ("thats", "that", "is"),
    ("whats", "what", "is"),
    ("youll", "you", "will"),
];

/// Texting shorthand spelt out, so "pls send ur card number" reads as the request it is.
const SHORTHAND: [(&str, &str); 7] = [
    ("u", "you"),
    ("ur", "your"),
    ("pls", "please"),
    ("plz", "please"),
    ("w", "with"),
    ("bc", "because"),
    ("cos", "because"),
];

/// The words [`BARE`] and [`SHORTHAND`] spell out, as a signature: nine words in ten have no
/// bit here and are not looked for in either table.
const SPELT_OUT: WordBits = {
    let mut bits = WordBits::EMPTY;
    let mut i = 0;
    while i < BARE.len() {
        bits = bits.with(BARE[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < SHORTHAND.len() {
        bits = bits.with(SHORTHAND[i].0);
        i += 1;
    }
    bits
};

impl<'a> Stream<'a> {
    pub fn new(text: &'a Text<'a>) -> Stream<'a> {
        let mut items = Vec::with_capacity(text.tokens.len() + 8);
        let mut sentence = 0u32;
        let mut clause = 0u32;
        for (tok, t) in text.tokens.iter().enumerate() {
            // Emoji and other symbols carry tone; ASCII punctuation does not. A symbol is a clause
            // of its own: "won't work without signal 🙄" rolls its eyes all the same.
            let symbol = t.kind == TokenKind::Punct && !t.norm.is_ascii() && t.norm.chars().any(|c| c as u32 >= 0x2600);
            clause += symbol as u32;
            let mut push = |word: &'a str, folded: &'a str, hash: u64| {
                // `folded` is `word` itself for most words: no compare then.
                let folded_differs = !std::ptr::eq(folded, word) && folded != word;
                let folded_hash = if folded_differs { hash_word(folded) } else { hash };
                items.push(Item { word, folded, tok, sentence, clause, hash, folded_hash, folded_differs })
            };
            match t.kind {
                TokenKind::SentenceEnd => {
                    sentence += 1;
                    clause += 1;
                }
                TokenKind::Punct if matches!(t.norm.as_ref(), "," | ";" | ":" | "-" | "(" | ")") => clause += 1,
                TokenKind::Mention | TokenKind::Hashtag | TokenKind::Number => {}
                TokenKind::Url => push("<url>", "<url>", t.hash),
                TokenKind::Punct if symbol => push(&t.norm, &t.norm, t.hash),
                TokenKind::Punct => {}
                TokenKind::Word => {
                    let spelt_out = SPELT_OUT.may_have(t.hash);
                    let (a, b) = split_contraction(&t.norm, spelt_out);
                    match b {
                        Some(b) => {
                            push(a, a, hash_word(a));
                            push(b, b, hash_word(b));
                        }
                        // `a` is the word itself: its norm read once, not once an entry.
                        None => {
                            let short = if spelt_out { SHORTHAND.iter().find(|(short, _)| same_word(short, a)) } else { None };
                            match short {
                                Some(&(_, full)) => push(full, full, hash_word(full)),
                                None => push(a, t.folded(), t.hash),
                            }
                        }
                    }
                }
            }
        }
        let mut sentence_bits = vec![WordBits::default(); items.last().map_or(0, |i| i.sentence as usize + 1)];
        for i in &items {
            let bits = &mut sentence_bits[i.sentence as usize];
            bits.insert(i.hash);
            bits.insert(i.folded_hash);
        }
        Stream { items, sentence_bits }
    }

    /// The [`WordBits`] of sentence `sentence`'s words.
    pub fn sentence_bits(&self, sentence: u32) -> WordBits {
        self.sentence_bits.get(sentence as usize).copied().unwrap_or_default()
    }

    /// True when item `i` starts its sentence.
    pub fn starts_sentence(&self, i: usize) -> bool {
        i == 0 || self.items.get(i - 1).map(|p| p.sentence) != self.items.get(i).map(|c| c.sentence)
    }

    /// True when item `i` (exclusive end) closes its sentence.
    pub fn ends_sentence(&self, end: usize) -> bool {
        end >= self.items.len() || end == 0 || self.items[end].sentence != self.items[end - 1].sentence
    }
}


/// Spells out one contraction into two words, or returns the word unchanged. `bare` is false
/// when `w` is surely none of [`BARE`] ([`SPELT_OUT`]).
fn split_contraction(w: &str, bare: bool) -> (&str, Option<&'static str>) {
    // Every spelt contraction has an apostrophe; most words have none. (A byte loop: `contains`
    // calls `memchr`, whose setup costs more than these few bytes in wasm.)
    if !w.bytes().any(|b| b == b'\'') {
        let spelt = if bare { BARE.iter().find(|(bare_word, _, _)| same_word(bare_word, w)) } else { None };
        return spelt.map_or((w, None), |&(_, a, b)| (a, Some(b)));
    }
    if let Some(base) = w.strip_suffix("n't") {
        let base = match base {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            "ai" => "is",
            other => other,
        };
        return (base, Some("not"));
    }
    for (suffix, full) in [("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"), ("'m", "am")] {
        if let Some(base) = w.strip_suffix(suffix) {
            if !base.is_empty() {
                // Texting shorthand contracts too: "u'd", "u've".
                return (if base == "u" { "you" } else { base }, Some(full));
            }
        }
    }
    if let Some(base) = w.strip_suffix("'s") {
        if base == "let" {
            return ("let", Some("us"));
        }
        if IS_BEFORE_S.contains(&base) {
            return (base, Some("is"));
        }
        if !base.is_empty() {
            return (base, Some("'s"));
        }
    }
    (w, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let t = Text::new(s);
        Stream::new(&t).items.iter().map(|i| i.word.to_string()).collect()
    }

    #[test]
    fn contractions_are_spelt_out() {
        assert_eq!(words("It’s not your fault, we can't"), ["it", "is", "not", "your", "fault", "we", "can", "not"]);
        assert_eq!(words("this isn't on us"), ["this", "is", "not", "on", "us"]);
        assert_eq!(words("if you'd read"), ["if", "you", "would", "read"]);
        assert_eq!(words("if u'd read"), ["if", "you", "would", "read"]);
        assert_eq!(words("the retailer's mistake"), ["the", "retailer", "'s", "mistake"]);
        assert_eq!(words("dont youre"), ["do", "not", "you", "are"]);
    }

    #[test]
    fn mentions_drop_and_sentences_count() {
        let t = Text::new("@brand Hi. Calm down 🙄 https://x.co");
        let s = Stream::new(&t);
        let w: Vec<&str> = s.items.iter().map(|i| i.word).collect();
        assert_eq!(w, ["hi", "calm", "down", "🙄", "<url>"]);
        assert!(s.starts_sentence(1) && !s.starts_sentence(2));
        assert!(s.ends_sentence(1) && s.ends_sentence(5));
    }
}
