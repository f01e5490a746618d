//! Ranking help links against a message, so a suggestion points to the specific help resource
//! for the customer's problem rather than a generic "call us".
//!
//! BM25 over each link's title, keywords and URL path words, with light stemming and stop
//! words removed. Knowledge bases here are small (a handful to a few hundred links), so the
//! ranking is computed per call. A link is offered only when it matches a content word of the
//! message and clearly beats the runner-up ([`MARGIN`]), because a wrong link is worse than none.

use super::settings::HelpLink;
use super::text::hash_word;
use super::text::{Text, TokenKind};
use super::word_list::WordList;
use crate::word_list;

/// BM25 term-frequency saturation and length normalisation, the usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// The best link must score this much above the runner-up; a near tie is a guess.
pub const MARGIN: f32 = 1.25;

const STOP_WORDS: WordList = word_list![
    "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has",
    "have", "how", "i", "i'm", "if", "in", "into", "is", "it", "it's", "its", "just", "me", "my",
    "no", "not", "of", "on", "or", "our", "please", "so", "still", "that", "the", "their", "them",
    "then", "there", "this", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where",
    "which", "who", "why", "will", "with", "would", "you", "your", "www", "http", "https", "com",
    "html", "htm", "help", "support", "hi", "hello", "hey", "thanks", "thank", "answer", "article",
    "en", "us", "gb", "uk", "faq", "faqs", "page",
];

/// Crude English stemming: enough that "refunds", "refunded" and "refunding" meet "refund".
pub fn stem(word: &str) -> String {
    let w = word.trim_matches('\'');
    for (suffix, min_stem) in [("ing", 4), ("ies", 3), ("ed", 4), ("es", 4), ("s", 3)] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if super::text::char_count(stem) >= min_stem && !stem.ends_with('s') {
                return if suffix == "ies" { format!("{stem}y") } else { stem.to_string() };
            }
        }
    }
    w.to_string()
}

/// Content words of any text (message, title, keyword, URL path), stemmed. (Plain loops: the
/// iterator chain they replace, with a `Vec` per token, was 1.5 KB more wasm.)
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in Text::new(text).tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        for w in token.norm.split(['\'', '_']) {
            if super::text::char_count(w) > 1 && !STOP_WORDS.contains(w) {
                out.push(stem(w));
            }
        }
    }
    out
}

/// The words a link is known by: title, keywords, and the readable words of its URL path.
fn link_terms(link: &HelpLink) -> Vec<String> {
    let path = super::text::find(&link.url, "://").map_or(link.url.as_str(), |at| super::text::slice(&link.url, at + 3..));
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let path_words = path.replace(['/', '-', '_', '.', '?', '=', '&', '#'], " ");
    let mut out = terms(&link.title);
    for k in &link.keywords {
        out.extend(terms(k));
    }
    for w in terms(&path_words) {
        if !w.chars().all(|c| c.is_ascii_digit()) {
            out.push(w);
        }
    }
    out
}

/// A term by number: BM25 only compares terms, and numbers sort with the engine's one integer
/// sort rather than a string sort of their own (3 KB of wasm). Two terms sharing a number
/// (one chance in four billion a pair) would only nudge a score.
type TermId = u32;

fn term_id(term: &str) -> TermId {
    hash_word(term) as TermId
}

/// Every link's BM25 score against the message, best first; links scoring 0 are left out.
/// (Plain loops: the iterator chains they replace were 1 KB more wasm.)
pub fn rank(message: &str, links: &[HelpLink]) -> Vec<(usize, f32)> {
    if links.is_empty() {
        return Vec::new();
    }
    let mut query = term_ids(&terms(message));
    super::sort::sort_u32(&mut query);
    query.dedup();
    let mut docs: Vec<Vec<TermId>> = Vec::new();
    for link in links {
        docs.push(term_ids(&link_terms(link)));
    }
    let n = docs.len() as f32;
    let avg_len = docs.iter().map(Vec::len).sum::<usize>() as f32 / n;
    let mut scores: Vec<(usize, f32)> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let len_norm = 1.0 - B + B * doc.len() as f32 / avg_len.max(1.0);
        let mut score = 0.0;
        for q in &query {
            let tf = doc.iter().filter(|t| *t == q).count() as f32;
            if tf == 0.0 {
                continue;
            }
            let df = docs.iter().filter(|d| d.contains(q)).count() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            score += idf * tf * (K1 + 1.0) / (tf + K1 * len_norm);
        }
        if score > 0.0 {
            scores.push((i, score));
        }
    }
    super::sort::sort_small_by(&mut scores, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scores
}

fn term_ids(terms: &[String]) -> Vec<TermId> {
    let mut ids = Vec::new();
    for t in terms {
        ids.push(term_id(t));
    }
    ids
}

/// The help link that best fits the message, when one fits well enough.
pub fn best_link<'a>(message: &str, links: &'a [HelpLink]) -> Option<&'a HelpLink> {
    let ranked = rank(message, links);
    let (best, score) = *ranked.first()?;
    let clear = ranked.get(1).is_none_or(|&(_, runner_up)| score >= runner_up * MARGIN);
    clear.then(|| &links[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(title: &str, url: &str, keywords: &[&str]) -> HelpLink {
        HelpLink { title: title.into(), url: url.into(), keywords: keywords.iter().map(|k| k.to_string()).collect() }
    }

    fn kb() -> Vec<HelpLink> {
        vec![
            link("Track your order", "https://help.shop.example/orders/tracking", &["where is my parcel", "delivery"]),
            link("Refunds and returns", "https://help.shop.example/returns", &["money back", "refund"]),
            link("Reset your password", "https://help.shop.example/account/password-reset", &["login", "locked out"]),
        ]
    }

    #[test]
    fn the_matching_link_wins() {
        let links = kb();
        assert_eq!(best_link("How do I get a refund for my jacket?", &links).unwrap().title, "Refunds and returns");
        assert_eq!(best_link("my parcel still hasn't arrived, where is it", &links).unwrap().title, "Track your order");
        assert_eq!(best_link("I can't login, locked out of my account", &links).unwrap().title, "Reset your password");
    }

    #[test]
    fn stemming_meets_word_forms() {
        let links = kb();
        assert_eq!(best_link("Still waiting on my refunds!", &links).unwrap().title, "Refunds and returns");
        assert_eq!(stem("deliveries"), "delivery");
        assert_eq!(stem("refunded"), "refund");
    }

    #[test]
    fn an_unrelated_message_gets_no_link() {
        assert!(best_link("Love the new store design, well done!", &kb()).is_none());
        assert!(best_link("hello", &kb()).is_none());
        assert!(best_link("anything", &[]).is_none());
    }

    #[test]
    fn a_near_tie_gets_no_link() {
        let links = vec![
            link("Delivery times", "https://x.example/a", &[]),
            link("Delivery charges", "https://x.example/b", &[]),
        ];
        assert!(best_link("question about delivery", &links).is_none());
        assert_eq!(best_link("delivery charges seem high", &links).unwrap().title, "Delivery charges");
    }

    #[test]
    fn url_path_words_count() {
        let links = vec![link("Help centre", "https://x.example/hc/cancel-subscription", &[])];
        assert!(best_link("how do I cancel my subscription?", &links).is_some());
    }
}
