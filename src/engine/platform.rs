//! What differs between platforms, as data: length limits and how each one counts a post.

use super::json::{JsonError, JsonKey};
use crate::json_enum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Platform {
    #[default]
    X,
    Facebook,
}

json_enum!(Platform { X => "x", Facebook => "facebook" });

/// Stored figures are kept per platform, keyed by its name.
impl JsonKey for Platform {
    fn key(&self) -> String {
        self.as_str().to_string()
    }

    fn from_key(key: &str) -> Result<Self, JsonError> {
        Platform::parse(key).ok_or_else(|| JsonError::new(format!("unknown platform `{key}`, expected `x` or `facebook`")))
    }
}

/// Where X's weighted count gives one unit instead of two (twitter-text v3 `ranges`).
const X_LIGHT_RANGES: [(u32, u32); 4] = [(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)];
/// X counts every URL as this many characters, whatever its length (t.co wrapping).
pub const X_URL_WEIGHT: usize = 23;
pub const X_LIMIT: usize = 280;
/// Facebook comments and replies; posts allow far more, but agents answer in comments.
pub const FACEBOOK_COMMENT_LIMIT: usize = 8000;

impl Platform {
    /// The most a reply may count on this platform.
    pub fn limit(self) -> usize {
        match self {
            Platform::X => X_LIMIT,
            Platform::Facebook => FACEBOOK_COMMENT_LIMIT,
        }
    }

    /// The length as the platform counts it against [`Platform::limit`].
    pub fn weighted_len(self, text: &str) -> usize {
        match self {
            Platform::X => x_weighted_len(text),
            Platform::Facebook => super::text::char_count(text),
        }
    }

    /// The byte index where `text` stops fitting the limit, if it does not fit.
    pub fn overflow_at(self, text: &str) -> Option<usize> {
        let limit = self.limit();
        if self.weighted_len(text) <= limit {
            return None;
        }
        let mut used = 0;
        let mut segments = x_segments(text).into_iter().peekable();
        let mut i = 0;
        while i < text.len() {
            let weight = match segments.peek() {
                Some(&(s, e)) if s == i && self == Platform::X => {
                    segments.next();
                    let w = X_URL_WEIGHT;
                    if used + w > limit {
                        return Some(i);
                    }
                    used += w;
                    i = e;
                    continue;
                }
                _ => {
                    let c = super::text::slice(text, i..).chars().next().unwrap_or(' ');
                    let w = if self == Platform::X { x_char_weight(c) } else { 1 };
                    if used + w > limit {
                        return Some(i);
                    }
                    i += c.len_utf8();
                    w
                }
            };
            used += weight;
        }
        None
    }
}

fn x_char_weight(c: char) -> usize {
    let cp = c as u32;
    if X_LIGHT_RANGES.iter().any(|&(lo, hi)| cp >= lo && cp <= hi) {
        1
    } else if is_emoji_modifier_or_joiner(c) {
        // Part of an emoji sequence, which X counts as 2 in total.
        0
    } else {
        2
    }
}

fn is_emoji_modifier_or_joiner(c: char) -> bool {
    matches!(c as u32, 0x200D | 0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

fn x_weighted_len(text: &str) -> usize {
    let urls = x_segments(text);
    if text.is_ascii() {
        // A character one each, a URL 23 whatever its length: no walk through the text.
        let url_bytes: usize = urls.iter().map(|&(s, e)| e - s).sum();
        return text.len() - url_bytes + urls.len() * X_URL_WEIGHT;
    }
    let mut total = 0;
    let mut i = 0;
    let mut next_url = urls.iter().peekable();
    while i < text.len() {
        if let Some(&&(s, e)) = next_url.peek() {
            if s == i {
                total += X_URL_WEIGHT;
                i = e;
                next_url.next();
                continue;
            }
        }
        if text.as_bytes()[i].is_ascii() {
            total += 1; // Every ASCII character counts one.
            i += 1;
            continue;
        }
        let c = super::text::slice(text, i..).chars().next().unwrap_or(' ');
        total += x_char_weight(c);
        i += c.len_utf8();
    }
    total
}

/// Byte ranges of URLs as X recognises them: a scheme, `www.`, or a bare domain with a
/// common top-level domain, up to the next whitespace (less trailing punctuation).
pub fn x_segments(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Every link has a '.' or a ':': only the words around one are read, most of a draft
    // being words with neither.
    let mut from = 0;
    while let Some(found) = bytes[from..].iter().position(|&b| b == b'.' || b == b':') {
        let mark = from + found;
        let start = bytes[from..mark].iter().rposition(u8::is_ascii_whitespace).map_or(from, |p| from + p + 1);
        let end = bytes[mark..].iter().position(u8::is_ascii_whitespace).map_or(bytes.len(), |p| mark + p);
        if let Some(len) = link_len(&bytes[start..end]) {
            out.push((start, start + len));
        }
        from = end;
    }
    out
}

/// How much of `word` (no whitespace in it) X reads as a link, trailing punctuation left
/// off, if it reads as one. In place, without lowercasing a copy: every word with a dot
/// ("sorry...") is asked.
fn link_len(word: &[u8]) -> Option<usize> {
    const TLDS: [&[u8]; 14] = [
        b".com", b".org", b".net", b".co", b".io", b".uk", b".gov", b".edu", b".me", b".ly", b".app", b".help",
        b".info", b".de",
    ];
    let mut len = word.len();
    while len > 0 && matches!(word[len - 1], b'.' | b',' | b'!' | b'?' | b')' | b';' | b':' | b'"' | b'\'') {
        len -= 1;
    }
    let link = &word[..len];
    let starts = |prefix: &[u8]| link.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    if len > 0 && (starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return Some(len);
    }
    if !link.is_ascii() || link.contains(&b'@') {
        return None;
    }
    // A domain ends at the first place its top-level domain occurs, followed by the end, a
    // path or another label (".co.uk"); a TLD first seen at the start (".com") never counts.
    let mut seen = 0u16;
    for p in (0..len).filter(|&p| link[p] == b'.') {
        for (k, tld) in TLDS.iter().enumerate() {
            let here = link.get(p..p + tld.len()).is_some_and(|w| w.eq_ignore_ascii_case(tld));
            if !here || seen & (1 << k) != 0 {
                continue;
            }
            seen |= 1 << k;
            if p > 0 && matches!(link.get(p + tld.len()), None | Some(b'/' | b'.')) {
                return Some(len);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_counts_one_per_char() {
        assert_eq!(Platform::X.weighted_len("hello"), 5);
    }

    #[test]
    fn cjk_counts_two() {
        assert_eq!(Platform::X.weighted_len("日本"), 4);
    }

    #[test]
    fn url_counts_twenty_three() {
        let t = "see https://example.com/a/very/long/path/that/goes/on/and/on/forever";
        assert_eq!(Platform::X.weighted_len(t), 4 + 23);
        assert_eq!(Platform::X.weighted_len("at example.com/help."), 3 + 23 + 1);
    }

    #[test]
    fn emoji_with_modifier_counts_two() {
        assert_eq!(Platform::X.weighted_len("👍🏽"), 2);
    }

    #[test]
    fn overflow_points_at_first_char_past_limit() {
        let t = "a".repeat(285);
        assert_eq!(Platform::X.overflow_at(&t), Some(280));
        assert_eq!(Platform::X.overflow_at(&"a".repeat(280)), None);
        assert_eq!(Platform::Facebook.overflow_at(&t), None);
    }

    #[test]
    fn email_is_not_a_url() {
        assert!(x_segments("mail help@example.com").is_empty());
    }

    #[test]
    fn links_are_found_in_any_case_without_their_last_punctuation() {
        let t = "See HTTPS://Ex.com/A, www.help.me! or Shop.Example.CO.UK/returns. Sorry... ok.com? .com x.comics";
        let found: Vec<&str> = x_segments(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, ["HTTPS://Ex.com/A", "www.help.me", "Shop.Example.CO.UK/returns", "ok.com"]);
    }
}
