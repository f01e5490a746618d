//! Text handling: a normalised view of a message for matching, and tokens whose spans point
//! back into the original in UTF-16 code units (what the DOM and JS strings count).
//!
//! Normalisation defeats simple evasion without a Unicode table dependency (which would cost
//! the wasm build ~100 KB): full-width and mathematical letters fold to ASCII, zero-width and
//! soft-hyphen characters vanish, curly quotes and dashes become straight ones, runs of three or
//! more of the same letter shrink to two, and a light leetspeak fold is kept per word for
//! lexicon lookups. Every function accepts any `&str` and never panics; lone surrogates from JS
//! arrive as U+FFFD (one code unit, like the surrogate), so offsets stay true.

use std::borrow::Cow;
use std::slice::SliceIndex;

/// What a token is; rules mostly look at words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed in), with inner apostrophes: `don't`, `it's`, `a1b2`.
    Word,
    /// Digits only, possibly with inner `.`/`,`: `42`, `3.5`, `1,000`.
    Number,
    /// `@handle`.
    Mention,
    /// `#tag`.
    Hashtag,
    /// `https://…`, `www.…`.
    Url,
    /// Sentence-ending punctuation: `.`, `!`, `?`, `…` and newlines.
    SentenceEnd,
    /// Any other punctuation or symbol, one character a token (emoji included).
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    /// Lowercased, normalised, letter runs of 3+ shortened to 2 (`sooo` → `soo`); a link as
    /// written. Borrowed
    /// from the text where it reads the same (most words): one allocation a token fewer on
    /// every keystroke's check.
    pub norm: Cow<'a, str>,
    /// `norm` with leetspeak folded and every letter run shortened to one (`1d10t` → `idiot`,
    /// `stuuupid` → `stupid`); for lexicon lookups that must survive evasion. Empty where it is
    /// `norm` itself (most words): read it by [`Token::folded`]. One string a token fewer to
    /// allocate on every keystroke's check.
    folded: String,
    /// Span in the original text, UTF-16 code units.
    pub start: usize,
    pub end: usize,
    /// Span in the original text, bytes.
    pub byte_start: usize,
    pub byte_end: usize,
    /// Letters in the original token, and how many of them were upper case (for shouting).
    pub letters: u16,
    pub upper: u16,
    /// [`hash_word`] of `norm` (of `<url>` for a link, as every reader reads one): worked out
    /// once for the rules' word stream and the learned models, which both look words up by it.
    pub hash: u64,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// True when the token is `word`, allowing for stretched letters and leetspeak.
    pub fn is(&self, word: &str) -> bool {
        self.norm == word || (!self.folded.is_empty() && self.folded == fold_word(word))
    }

    /// `norm` with leetspeak folded and letter runs shortened to one.
    pub fn folded(&self) -> &str {
        if self.folded.is_empty() {
            &self.norm
        } else {
            &self.folded
        }
    }
}

/// A message split into tokens, with the original kept for spans and rewrites.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub original: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// Total UTF-16 length of the original.
    pub utf16_len: usize,
}

impl<'a> Text<'a> {
    pub fn new(original: &'a str) -> Text<'a> {
        let (tokens, utf16_len) = tokenize(original);
        Text { original, tokens, utf16_len }
    }

    /// Token index ranges of the sentences, in order; a sentence ends at `.`, `!`, `?`, `…`
    /// or a newline (the ending token belongs to the sentence).
    pub fn sentences(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            if t.kind == TokenKind::SentenceEnd {
                if i + 1 > start {
                    out.push(start..i + 1);
                }
                start = i + 1;
            }
        }
        if start < self.tokens.len() {
            out.push(start..self.tokens.len());
        }
        out
    }

    /// The original text of a byte range, safe on any input.
    pub fn slice(&self, byte_start: usize, byte_end: usize) -> &'a str {
        self.original.get(byte_start..byte_end).unwrap_or("")
    }

    /// Normalised words only, for bag-of-words models.
    pub fn words(&self) -> impl Iterator<Item = &Token<'_>> {
        self.tokens.iter().filter(|t| t.is_word())
    }
}

/// Maps one character to its plain form, or `None` to drop it. Full-width ASCII, mathematical
/// alphanumerics (𝐛𝐨𝐥𝐝, 𝘪𝘵𝘢𝘭𝘪𝘤…), curly quotes, dashes and odd spaces are folded.
pub fn fold_char(c: char) -> Option<char> {
    // Nearly every character is ASCII, which folds only the backtick.
    if c.is_ascii() {
        return Some(if c == '`' { '\'' } else { c });
    }
    let cp = c as u32;
    Some(match cp {
        // Zero-width space/joiners, word joiner, BOM, soft hyphen, variation selectors.
        0x200B..=0x200F | 0x2060..=0x2064 | 0xFEFF | 0x00AD | 0xFE00..=0xFE0F | 0x180E => return None,
        0xFF01..=0xFF5E => char::from_u32(cp - 0xFF01 + 0x21).unwrap_or(c),
        0x3000 | 0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F => ' ',
        0x2018 | 0x2019 | 0x201A | 0x201B | 0x2032 | 0x02BC | 0x00B4 => '\'',
        0x201C | 0x201D | 0x201E | 0x201F | 0x2033 | 0x00AB | 0x00BB => '"',
        0x2010..=0x2015 | 0x2212 => '-',
        0x1D400..=0x1D6A3 => math_letter(cp),
        0x1D7CE..=0x1D7FF => char::from_u32('0' as u32 + (cp - 0x1D7CE) % 10).unwrap_or(c),
        _ => c,
    })
}

/// `s` with its first letter lowered where it is a sentence's capital: an ASCII capital
/// before a small letter ("The box" → "the box"; "TV" and "I'm" stay).
pub fn uncapitalised(s: &str) -> String {
    let mut out = s.to_string();
    if s.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_lowercase();
        }
    }
    out
}

/// The small letter of a Latin, Greek or Cyrillic capital, else the character itself. By
/// arithmetic, like the rest of normalisation: `char::to_lowercase`'s table would be 17 KB of
/// the worker's wasm, for scripts no rule is written in.
pub fn lower(c: char) -> char {
    let shifted = match c as u32 {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x410..=0x42F => c as u32 + 0x20,
        0x178 => 0xFF,
        // İ: a plain i, as a word is matched (Unicode's is i and a combining dot).
        0x130 => 'i' as u32,
        0x400..=0x40F => c as u32 + 0x50,
        // Latin Extended-A pairs a capital (even) with its small letter (odd) from Ā to Ķ and
        // from Ŋ to Ŷ; from Ĺ to Ň and Ź to Ž the capital is odd.
        n @ (0x100..=0x136 | 0x14A..=0x176) if n % 2 == 0 => n + 1,
        n @ (0x139..=0x147 | 0x179..=0x17D) if n % 2 == 1 => n + 1,
        n => n,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// The capital of a Latin, Greek or Cyrillic small letter, else the character itself (see
/// [`lower`] for why by arithmetic).
pub fn upper(c: char) -> char {
    let shifted = match c as u32 {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3C9 | 0x430..=0x44F => c as u32 - 0x20,
        0xFF => 0x178,
        0x131 => 'I' as u32,
        0x450..=0x45F => c as u32 - 0x50,
        n @ (0x101..=0x137 | 0x14B..=0x177) if n % 2 == 1 => n - 1,
        n @ (0x13A..=0x148 | 0x17A..=0x17E) if n % 2 == 0 => n - 1,
        n => n,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// A capital of a script [`lower`] knows. `char::is_uppercase` would bring Unicode's table of
/// capitals into the worker's wasm; the rules and the first names read are in these scripts.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    lower(c) != c
}

/// A letter or an ASCII digit. `char::is_alphanumeric` also counts every other numeral system,
/// whose table costs the worker's wasm; full-width and mathematical digits are folded to ASCII
/// before this is asked ([`fold_char`]).
pub fn is_letter_or_digit(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit()
}

/// A letter, by ranges rather than `char::is_alphabetic`, whose table of Unicode's letters
/// costs the worker's wasm more than a kilobyte of gzip. Exact for the scripts the rules and
/// models read (Latin, Greek, Cyrillic: a test holds it to `is_alphabetic`); elsewhere a whole
/// script's block counts as letters, its marks and signs included, so its words stay whole.
/// Punctuation, symbols, emoji, variation selectors and tags are never letters: emoji carry
/// tone as words of their own.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        0xAA | 0xB5 | 0xBA => true,
        0xD7 | 0xF7 => false,
        0xC0..=0x2C1 | 0x2C6..=0x2D1 | 0x2E0..=0x2E4 | 0x2EC | 0x2EE | 0x345 | 0x363..=0x36F => true,
        // Greek and Coptic, but its numeral signs, tonos and question mark.
        0x375 | 0x37E | 0x384 | 0x385 | 0x387 | 0x3F6 => false,
        0x370..=0x3FF => !matches!(c as u32, 0x378 | 0x379 | 0x380..=0x383 | 0x38B | 0x38D | 0x3A2),
        // Cyrillic, but its thousands sign and combining marks.
        0x482..=0x489 => false,
        0x400..=0x52F => true,
        // Armenian to the end of Greek Extended: other scripts, read as whole words.
        0x530..=0x1FFF => true,
        // Letterlike symbols (ℂ, ℓ, Ω) and Roman numerals.
        0x2102 | 0x2107 | 0x210A..=0x2113 | 0x2115 | 0x2119..=0x211D | 0x2124 | 0x2126 | 0x2128 => true,
        0x212A..=0x212D | 0x212F..=0x2139 | 0x2160..=0x2188 => true,
        // Glagolitic to Ethiopic Extended; CJK and the East Asian scripts, but CJK punctuation.
        0x2C00..=0x2DFF | 0x2E80..=0x2FFF | 0x3040..=0xD7FF | 0xF900..=0xFDFF | 0xFE70..=0xFEFE => true,
        0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF66..=0xFFDC => true,
        // Historic scripts and mathematical letters; the emoji planes (from 0x1F000) are not.
        0x10000..=0x1EFFF | 0x20000..=0x3FFFF => true,
        _ => false,
    }
}

/// `s` with every letter [`lower`]ed.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(lower(c));
    }
    out
}

/// Mathematical alphanumeric letters come in 13 styles of 52 letters (A–Z, a–z) from U+1D400.
fn math_letter(cp: u32) -> char {
    let i = (cp - 0x1D400) % 52;
    let base = if i < 26 { 'A' as u32 + i } else { 'a' as u32 + i - 26 };
    char::from_u32(base).unwrap_or('?')
}

fn utf16_len(c: char) -> usize {
    c.len_utf16()
}

/// Leetspeak digits and symbols that stand for letters inside words.
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' | '|' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        _ => return None,
    })
}

/// True when `word` is its own [`fold_word`]: small ASCII letters, none doubled. (A cheap test
/// that misses some: "a-b" folds to itself too.)
pub fn is_folded(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.iter().all(|&b| b.is_ascii_lowercase()) && bytes.windows(2).all(|w| w[0] != w[1])
}

/// The form [`Token::folded`] takes for a plain lexicon word.
pub fn fold_word(word: &str) -> String {
    // Most words have no leetspeak and no doubled letter: copy them whole.
    if is_folded(word) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut prev = None;
    for c in word.chars() {
        let c = leet(c).unwrap_or(c);
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[derive(Clone, Copy)]
struct Ch {
    c: char,
    orig: char,
    byte: usize,
    u16: usize,
}

/// `char::is_whitespace`, its ASCII answer inlined: the tokenizer asks it of every character,
/// and in the size-built wasm the method is a call.
#[inline(always)]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r');
    }
    c.is_whitespace()
}

/// [`is_letter_or_digit`], its ASCII answer inlined: the tokenizer asks it of every character.
#[inline(always)]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter(c)
}

fn tokenize(original: &str) -> (Vec<Token<'_>>, usize) {
    // Fold characters first, remembering where each came from.
    let mut chars: Vec<Ch> = Vec::with_capacity(original.len());
    let mut u16_pos = 0;
    let ascii = original.is_ascii();
    if ascii {
        // Nearly every draft: a byte a character, none dropped, none decoded.
        chars.extend(original.bytes().enumerate().map(|(byte, b)| {
            let orig = char::from(b);
            Ch { c: if b == b'`' { '\'' } else { orig }, orig, byte, u16: byte }
        }));
        u16_pos = original.len();
    } else {
        for (byte, orig) in original.char_indices() {
            if let Some(c) = fold_char(orig) {
                chars.push(Ch { c, orig, byte, u16: u16_pos });
            }
            u16_pos += utf16_len(orig);
        }
    }
    let total16 = u16_pos;
    let end_of = |i: usize, chars: &[Ch]| -> (usize, usize) {
        let ch = chars[i];
        (ch.byte + ch.orig.len_utf8(), ch.u16 + utf16_len(ch.orig))
    };

    let mut tokens = Vec::with_capacity(chars.len() / 4 + 4);
    let mut scratch = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].c;
        if is_space(c) && c != '\n' {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c == '\n' || c == '.' || c == '!' || c == '?' || c == '…' {
            // A run of sentence enders ("?!", "...") is one token.
            while i < chars.len() && matches!(chars[i].c, '\n' | '.' | '!' | '?' | '…') {
                i += 1;
            }
            kind = TokenKind::SentenceEnd;
        } else if let Some(end) = url_end(&chars, i) {
            i = end;
            kind = TokenKind::Url;
        } else if (c == '@' || c == '#') && chars.get(i + 1).is_some_and(|n| is_word_char(n.c) || n.c == '_') {
            i += 1;
            while i < chars.len() && (is_word_char(chars[i].c) || chars[i].c == '_') {
                i += 1;
            }
            kind = if c == '@' { TokenKind::Mention } else { TokenKind::Hashtag };
        } else if is_word_char(c) || (leet(c).is_some() && chars.get(i + 1).is_some_and(|n| is_letter(n.c))) {
            i += 1;
            loop {
                let Some(n) = chars.get(i) else { break };
                // Asked only after a character that is no word's: most are.
                let next_is_word = || chars.get(i + 1).is_some_and(|m| is_word_char(m.c));
                if is_word_char(n.c) {
                    i += 1;
                } else if (n.c == '\'' || n.c == '.' || n.c == ',') && next_is_word() {
                    // don't, 3.5, 1,000: inner apostrophes and number separators.
                    let prev_digit = chars[i - 1].c.is_ascii_digit();
                    let next_digit = chars[i + 1].c.is_ascii_digit();
                    if n.c == '\'' || (prev_digit && next_digit) {
                        i += 1;
                    } else {
                        break;
                    }
                } else if leet(n.c).is_some() && n.c != '!' && next_is_word() && is_letter(chars[i - 1].c) {
                    // sh!t is too ambiguous with "!" ending sentences; "$" and "@" inside words fold.
                    i += 1;
                } else {
                    break;
                }
            }
            let all_digits = chars[start..i].iter().all(|ch| !is_letter(ch.c));
            kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        let first = chars[start];
        let (byte_end, end16) = end_of(i - 1, &chars);
        let written = original.get(first.byte..byte_end).unwrap_or("");
        let (norm, folded, (letters, upper), hash) = if kind == TokenKind::Url {
            // A link is read as `<url>` and kept as written (its path's case matters): a third of
            // a brand reply's characters at times, not lowercased one by one.
            (Cow::Borrowed(written), String::new(), (0, 0), hash_word("<url>"))
        } else if let Some(scan) = ascii.then(|| AsciiScan::of(written)).filter(|scan| scan.plain) {
            if scan.upper == 0 {
                // Most words: already their normal form, nothing to build.
                let folded = if kind != TokenKind::Word || scan.own_fold { String::new() } else { folded_form(written, kind) };
                (Cow::Borrowed(written), folded, (scan.letters, 0), scan.hash)
            } else {
                // A capital ("Thanks", "DM"): lowercased whole, not a character at a time.
                let norm = written.to_ascii_lowercase();
                let (folded, hash) = (folded_form(&norm, kind), hash_word(&norm));
                (Cow::Owned(norm), folded, (scan.letters, scan.upper), hash)
            }
        } else {
            let (folded, letters) = normal_forms(&chars[start..i], kind, &mut scratch);
            let norm = if written == scratch { Cow::Borrowed(written) } else { Cow::Owned(scratch.clone()) };
            let hash = hash_word(&norm);
            (norm, folded, letters, hash)
        };
        tokens.push(Token {
            kind,
            hash,
            norm,
            folded,
            start: first.u16,
            end: end16,
            byte_start: first.byte,
            byte_end,
            letters,
            upper,
        });
    }
    (tokens, total16)
}

/// `norm` (lowercase, runs of 3+ letters cut to 2), written into `norm`; `folded` (leet
/// folded, runs cut to 1) and the letters of the run and how many are capitals, returned.
fn normal_forms(run: &[Ch], kind: TokenKind, norm: &mut String) -> (String, (u16, u16)) {
    norm.clear();
    let (mut letters, mut upper) = (0u16, 0u16);
    let mut run_len = 0;
    let mut prev: Option<char> = None;
    for ch in run {
        // ASCII (nearly every character) skips the Unicode case tables.
        let lc = if ch.c.is_ascii() { ch.c.to_ascii_lowercase() } else { lower(ch.c) };
        let letter = if lc.is_ascii() { lc.is_ascii_alphabetic() } else { is_letter(lc) };
        // Shouting is read off the characters as typed (lowering keeps a letter a letter).
        if if ch.orig == ch.c { letter } else { is_letter(ch.orig) } {
            letters += 1;
            upper += u16::from(is_upper(ch.orig));
        }
        if Some(lc) == prev && letter {
            run_len += 1;
        } else {
            run_len = 1;
        }
        prev = Some(lc);
        if run_len <= 2 {
            norm.push(lc);
        }
    }
    (folded_form(norm, kind), (letters, upper))
}

/// The [`Token::folded`] a token of normal form `norm` keeps: empty where it is `norm` itself.
fn folded_form(norm: &str, kind: TokenKind) -> String {
    let folded = if kind != TokenKind::Word || is_folded(norm) { String::new() } else { fold_word(norm) };
    if folded == norm { String::new() } else { folded }
}

/// What one pass over an ASCII token's bytes tells, for most tokens all there is to work out.
struct AsciiScan {
    /// No backtick and no letter three times running: lowercased, it is its normal form
    /// ([`normal_forms`] would copy it so).
    plain: bool,
    /// Its letters, and how many are capitals.
    letters: u16,
    upper: u16,
    /// It is its own folded form ([`is_folded`]), all small letters.
    own_fold: bool,
    /// [`hash_word`] of it.
    hash: u64,
}

impl AsciiScan {
    fn of(written: &str) -> AsciiScan {
        let b = written.as_bytes();
        let mut scan = AsciiScan { plain: true, letters: 0, upper: 0, own_fold: true, hash: hash_bytes(b"") };
        // The two bytes before, lowercased: runs are of letters lowercased ("AAa" is three). A
        // NUL before the first only makes a NUL token look doubled, which changes no answer.
        let (mut before, mut two_before) = (0u8, 0u8);
        for &c in b {
            scan.hash = hash_step(scan.hash, c);
            let letter = c.is_ascii_alphabetic();
            scan.letters += u16::from(letter);
            scan.upper += u16::from(c.is_ascii_uppercase());
            scan.plain &= c != b'`';
            scan.own_fold &= c.is_ascii_lowercase();
            let small = c.to_ascii_lowercase();
            if small == before {
                scan.own_fold = false;
                scan.plain &= !(small == two_before && letter);
            }
            (two_before, before) = (before, small);
        }
        scan
    }
}

/// Where a URL starting at `i` ends (exclusive), if one starts there.
fn url_end(chars: &[Ch], i: usize) -> Option<usize> {
    let starts = |p: &str| {
        p.chars().enumerate().all(|(k, pc)| chars.get(i + k).is_some_and(|ch| ch.c.to_ascii_lowercase() == pc))
    };
    // Asked at every token: most start with neither "ht" nor "ww".
    let second = chars.get(i + 1).map_or(' ', |ch| ch.c.to_ascii_lowercase());
    let maybe = matches!((chars[i].c.to_ascii_lowercase(), second), ('h', 't') | ('w', 'w'));
    if !maybe || !(starts("http://") || starts("https://") || starts("www.")) {
        return None;
    }
    if i > 0 && is_word_char(chars[i - 1].c) {
        return None;
    }
    let mut end = i;
    while end < chars.len() && !is_space(chars[end].c) {
        end += 1;
    }
    // Trailing punctuation ends the sentence, not the URL.
    while end > i && matches!(chars[end - 1].c, '.' | ',' | '!' | '?' | ')' | ';' | ':' | '"' | '\'') {
        end -= 1;
    }
    Some(end)
}

/// FNV-1a over the word's bytes: words are compared by this number first, so a word list of a
/// hundred entries costs a hundred integer compares, not string compares. Stable across
/// platforms and releases: the learned models' weights are filed under it.
pub const fn hash_word(word: &str) -> u64 {
    hash_bytes(word.as_bytes())
}

/// [`hash_word`] of a word's bytes.
pub const fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_seeded(0, bytes)
}

/// [`hash_bytes`] with its starting value XOR-ed with `seed` (the learned models' feature
/// families).
pub const fn hash_seeded(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    let mut i = 0;
    while i < bytes.len() {
        h = hash_step(h, bytes[i]);
        i += 1;
    }
    h
}

/// One byte of [`hash_bytes`].
#[inline(always)]
const fn hash_step(hash: u64, byte: u8) -> u64 {
    (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3)
}

/// Where `needle` first occurs in `hay`, in bytes. A plain scan: the needles are a few bytes
/// ("{name}", "!!"), and `str`'s two-way searcher would cost the worker's wasm 3 KB.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// `a == b`, first bytes first: for the small word tables every word of a draft is looked up
/// in, where most entries of the word's length differ at the first letter (and wasm calls out
/// to `memcmp` for the rest).
#[inline(always)]
pub fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// True when `needle` occurs in `hay` (see [`find`]).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `&s[range]` for a range whose ends the caller knows are character boundaries. Indexing a
/// `str` links `str::slice_error_fail`, whose message formats a `char` with `{:?}` and so
/// brings `char`'s escaping code and Unicode's printable tables into the worker's wasm (4 KB
/// gzip) for a panic that cannot happen; this one panics with a fixed message instead.
#[inline]
pub fn slice<R: SliceIndex<str, Output = str>>(s: &str, range: R) -> &str {
    match s.get(range) {
        Some(part) => part,
        None => not_a_boundary(),
    }
}

#[cold]
#[inline(never)]
fn not_a_boundary() -> ! {
    panic!("string sliced inside a character")
}

/// `s.chars().count()`: the bytes that start a character. Core's count is unrolled to go a
/// word at a time, 0.8 KB of the worker's wasm for strings of a few hundred bytes at most.
#[inline(never)]
pub fn char_count(s: &str) -> usize {
    let mut n = 0;
    for &b in s.as_bytes() {
        // Continuation bytes are 0b10xx_xxxx, that is -64..-1 as `i8`.
        if (b as i8) >= -64 {
            n += 1;
        }
    }
    n
}

/// `s` with every `from` replaced by `to` (see [`find`]).
pub fn replace(s: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // A match of a whole UTF-8 needle starts and ends on character boundaries.
    while let Some(at) = find(rest, from) {
        out.push_str(slice(rest, ..at));
        out.push_str(to);
        rest = slice(rest, at + from.len()..);
    }
    out.push_str(rest);
    out
}

/// The words with one space between each, built as they come (no `Vec` to join).
pub fn join_words<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// UTF-16 length of a string, as JS's `String.length`.
pub fn utf16_len_of(s: &str) -> usize {
    s.chars().map(utf16_len).sum()
}

/// Converts a UTF-16 offset into the byte offset of the same place in `s` (clamped; an offset
/// inside a surrogate pair rounds down to the pair's start).
pub fn utf16_to_byte(s: &str, offset16: usize) -> usize {
    let mut u = 0;
    for (b, c) in s.char_indices() {
        if u + c.len_utf16() > offset16 {
            return b;
        }
        u += c.len_utf16();
    }
    s.len()
}

/// Decodes UTF-16 from JS, replacing lone surrogates with U+FFFD (one unit each, so offsets hold).
pub fn from_utf16_lossy(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_by_range_agree_with_unicode_for_latin_greek_and_cyrillic() {
        for c in '\u{0}'..='\u{52F}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} (U+{:04X})", c as u32);
        }
        // Other scripts' letters are letters; emoji, their joiners and selectors, symbols and
        // punctuation never are.
        for c in ['あ', '日', '한', 'ش', 'क', 'א', 'ท', 'ℂ', 'Ⅻ', '𝒜'] {
            assert!(is_letter(c), "{c:?}");
        }
        for c in ['😀', '👍', '🙄', '\u{FE0F}', '\u{200D}', '\u{E0067}', '€', '™', '—', '…', '«', '。', '！', '¿', '°', '·'] {
            assert!(!is_letter(c), "{c:?}");
        }
    }

    #[test]
    fn case_by_arithmetic_agrees_with_unicode_for_latin_greek_and_cyrillic() {
        // Where Unicode maps to more than one character, or across scripts, ours keeps one.
        const OWN: &[char] = &['\u{130}', '\u{131}', '\u{149}', '\u{17F}', '\u{B5}', '\u{3C2}', '\u{DF}'];
        let scope = |c: char| c < '\u{180}' || ('\u{391}'..='\u{3C9}').contains(&c) || ('\u{400}'..='\u{45F}').contains(&c);
        for c in ('\u{0}'..='\u{45F}').filter(|c| scope(*c) && !OWN.contains(c)) {
            let (small, capital): (String, String) = (c.to_lowercase().collect(), c.to_uppercase().collect());
            let in_scope = |s: &str| s.chars().all(scope);
            if small.chars().count() == 1 && in_scope(&small) {
                assert_eq!(lower(c).to_string(), small, "lower {c:?}");
            }
            if capital.chars().count() == 1 && in_scope(&capital) {
                assert_eq!(upper(c).to_string(), capital, "upper {c:?}");
            }
        }
        assert_eq!((lower('\u{130}'), upper('\u{131}')), ('i', 'I'));
        assert_eq!(lowercase("NOT OUR FAULT, ÉQUIPE"), "not our fault, équipe");
    }
    use proptest::prelude::*;

    fn norms(s: &str) -> Vec<String> {
        Text::new(s).tokens.into_iter().map(|t| t.norm.into_owned()).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        assert_eq!(norms("It’s not our fault!"), ["it's", "not", "our", "fault", "!"]);
        assert_eq!(norms("don't"), ["don't"]);
    }

    #[test]
    fn full_width_and_zero_width_are_folded() {
        assert_eq!(norms("ＮＯＴ our fa\u{200B}ult"), ["not", "our", "fault"]);
        assert_eq!(norms("𝐬𝐭𝐮𝐩𝐢𝐝"), ["stupid"]);
    }

    #[test]
    fn stretched_letters_and_leetspeak_are_caught() {
        let t = Text::new("you 1d10t, sooooo stuuuupid");
        assert!(t.tokens[1].is("idiot"));
        assert_eq!(t.tokens[3].norm, "soo");
        assert!(t.tokens[4].is("stupid"));
        assert!(!Text::new("A1234").tokens[0].is("aizea"));
    }

    #[test]
    fn spans_are_utf16_code_units() {
        let s = "😀 Not our fault";
        let t = Text::new(s);
        let not = &t.tokens[1];
        assert_eq!((not.start, not.end), (3, 6));
        assert_eq!(t.slice(not.byte_start, not.byte_end), "Not");
        assert_eq!(t.utf16_len, 16);
    }

    #[test]
    fn urls_mentions_numbers_and_sentences() {
        let t = Text::new("@Help see https://ex.com/a. Order 1,234 ok?\nThanks #fix");
        let kinds: Vec<TokenKind> = t.tokens.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            [Mention, Word, Url, SentenceEnd, Word, Number, Word, SentenceEnd, Word, Hashtag]
        );
        assert_eq!(t.sentences().len(), 3);
        // A link keeps its case (a path's case matters); words are lowered.
        let t = Text::new("See HTTPS://Ex.com/ABC now, Sam");
        let norms: Vec<&str> = t.tokens.iter().map(|t| t.norm.as_ref()).collect();
        assert_eq!(norms, ["see", "HTTPS://Ex.com/ABC", "now", ",", "sam"]);
    }

    #[test]
    fn a_word_read_on_the_ascii_path_is_read_as_one_built() {
        // The tokenizer borrows such words without building their form: it must come out the same.
        // Capitals too: lowercased whole, with letter runs counted lowercased ("AAa" is three).
        for word in ["sorry", "we'll", "1,000", "zzz", "soooo", "Sorry", "b`c", "!!", "l33t", "a-b", "AAa", "SOOOO", "DM", "Thanks", "Hellooo", "Off", "aAAb"] {
            let t = Text::new(word);
            let chars: Vec<Ch> = word.char_indices().map(|(byte, c)| Ch { c: fold_char(c).unwrap_or(c), orig: c, byte, u16: byte }).collect();
            for tok in &t.tokens {
                let run = &chars[tok.byte_start..tok.byte_end];
                let mut built = String::new();
                let (folded, letters) = normal_forms(run, tok.kind, &mut built);
                assert_eq!((&*tok.norm, tok.folded(), (tok.letters, tok.upper)), (built.as_str(), if folded.is_empty() { built.as_str() } else { folded.as_str() }, letters), "{word}");
                assert_eq!(tok.hash, hash_word(&built), "{word}");
            }
        }
    }

    #[test]
    fn a_backtick_is_an_apostrophe_in_ascii_and_beyond() {
        // An all-ASCII draft takes the tokenizer's byte path, any other the character path.
        assert_eq!(norms("we don`t"), ["we", "don't"]);
        assert_eq!(norms("we don`t 🙂"), ["we", "don't", "🙂"]);
    }

    #[test]
    fn shouting_counts_case_of_original() {
        let t = Text::new("WHY");
        assert_eq!((t.tokens[0].letters, t.tokens[0].upper), (3, 3));
    }

    #[test]
    fn lone_surrogates_keep_offsets() {
        let s = from_utf16_lossy(&[0xD800, b'h' as u16, b'i' as u16]);
        let t = Text::new(&s);
        assert_eq!((t.tokens.last().unwrap().start, t.tokens.last().unwrap().end), (1, 3));
    }

    #[test]
    fn utf16_offsets_convert_to_bytes() {
        let s = "é😀x";
        assert_eq!(utf16_to_byte(s, 1), 2);
        assert_eq!(utf16_to_byte(s, 2), 2);
        assert_eq!(utf16_to_byte(s, 3), 6);
        assert_eq!(utf16_to_byte(s, 99), s.len());
    }

    proptest! {
        #[test]
        fn any_input_gives_ordered_spans_inside_the_text(s in "\\PC{0,200}") {
            let t = Text::new(&s);
            let mut last = 0;
            for tok in &t.tokens {
                prop_assert!(tok.start < tok.end && tok.end <= t.utf16_len);
                prop_assert!(tok.start >= last);
                prop_assert!(s.is_char_boundary(tok.byte_start) && s.is_char_boundary(tok.byte_end));
                last = tok.end;
            }
            prop_assert_eq!(t.utf16_len, s.encode_utf16().count());
        }

        #[test]
        fn any_unicode_including_controls_never_panics(s in ".{0,300}") {
            let _ = Text::new(&s).sentences();
        }
    }

    #[test]
    fn a_100kb_draft_is_fine() {
        let s = "Sorry for the wait 😀 ".repeat(5000) + "end";
        let t = Text::new(&s);
        assert_eq!(t.tokens.last().unwrap().end, t.utf16_len);
        assert_eq!(t.sentences().len(), 1);
    }
}
