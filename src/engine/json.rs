//! JSON text to values and back, and the two traits the engine's types implement to cross the
//! boundary in the CLI's shapes.
//!
//! Hand-written rather than serde's, for the service worker's wasm: serde_json's visitors are
//! monomorphised per type and field, and its float printing and parsing pull in core's
//! general algorithms; together they were over a third of the engine's wasm. Here one parser
//! and one printer serve every type, a type's impl is a few lines from [`json_object!`] and
//! [`json_enum!`], and errors name the path to the field (`help_links[2].url: invalid type: …`).

use std::fmt;

pub use super::ordered_map::OrderedMap;

/// A parsed JSON value. Objects keep their keys in order (duplicates: the first one counts).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Nesting deeper than this is refused: no input can exhaust the stack.
const MAX_DEPTH: usize = 128;

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(fields) => fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// Sets `key` of an object (replacing its value, or adding it last); other values are
    /// made an empty object first.
    pub fn set(&mut self, key: &str, value: Json) -> &mut Json {
        if !matches!(self, Json::Object(_)) {
            *self = Json::Object(Vec::new());
        }
        let Json::Object(fields) = self else { unreachable!("made an object above") };
        let at = match fields.iter().position(|(k, _)| k == key) {
            Some(at) => {
                fields[at].1 = value;
                at
            }
            None => {
                fields.push((key.to_string(), value));
                fields.len() - 1
            }
        };
        &mut fields[at].1
    }

    /// What the value is, as errors name it: `integer `5``, `string "x"`, `map`.
    fn describe(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => format!("boolean `{b}`"),
            Json::Number(n) if is_integer(*n) => format!("integer `{}`", Signed(*n as i64)),
            Json::Number(n) => format!("floating point `{}`", Decimal(*n)),
            Json::String(s) => format!("string \"{s}\""),
            Json::Array(_) => "sequence".into(),
            Json::Object(_) => "map".into(),
        }
    }

    /// Compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, 0);
        out
    }

    /// JSON text indented by two spaces, for files a person reads (settings export).
    pub fn to_text_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(2), 0);
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>, depth: usize) {
        let newline = |out: &mut String, depth: usize| {
            if let Some(width) = indent {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', width * depth));
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => {
                use fmt::Write;
                let _ = write!(out, "{}", Decimal(*n));
            }
            Json::String(s) => write_string(out, s),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    item.write(out, indent, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            Json::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    write_string(out, key);
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    value.write(out, indent, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
        }
    }
}

fn is_integer(n: f64) -> bool {
    n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15
}

/// A number as JSON writes it: integers exactly, other values to six decimals, which is more
/// than any score, sentiment or threshold means, and prints an `f32` such as 0.7 as `0.7`.
/// (Shortest round-trip printing would bring core's float formatting, 20 KB of wasm.)
struct Decimal(f64);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        if !n.is_finite() {
            return f.write_str("null");
        }
        if is_integer(n) {
            return write!(f, "{}", Signed(n as i64));
        }
        let millionths = (n.abs() * 1e6).round();
        if millionths >= 9.0e15 {
            return write!(f, "{}", Signed(n.round() as i64));
        }
        let millionths = millionths as u64;
        let (whole, mut frac) = (millionths / 1_000_000, millionths % 1_000_000);
        let sign = if n < 0.0 && millionths > 0 { "-" } else { "" };
        if frac == 0 {
            return write!(f, "{sign}{whole}");
        }
        let mut digits = 6;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        write!(f, "{sign}{whole}.{frac:0digits$}")
    }
}

/// An `i64` written as `-` and the magnitude: the same text as `i64`'s own `Display`, without
/// a second integer printer in the worker's wasm beside `u64`'s (which [`Decimal`] needs).
struct Signed(i64);

impl fmt::Display for Signed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 < 0 {
            f.write_str("-")?;
        }
        fmt::Display::fmt(&self.0.unsigned_abs(), f)
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (at, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => continue,
        };
        // Runs between escapes are copied whole; every byte escaped is ASCII, so `at` is a
        // character boundary.
        out.push_str(super::text::slice(s, plain..at));
        plain = at + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(super::text::slice(s, plain..));
    out.push('"');
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for SyntaxError {}

/// Parses one JSON document (whitespace around it allowed). A lone surrogate escape (which
/// `JSON.stringify` writes for a string cut mid-character) becomes U+FFFD, one UTF-16 unit as
/// before, so spans still line up with the page's text.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = Parser { bytes: text.as_bytes(), at: 0 };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

/// The first JSON value at the start of `text` and the rest after it, for salvaging what
/// precedes a break in a broken line.
pub fn parse_first(text: &str) -> Result<(Json, &str), SyntaxError> {
    let mut parser = Parser { bytes: text.as_bytes(), at: 0 };
    let value = parser.value(0)?;
    Ok((value, &text[parser.at..]))
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// How many bytes at the start of `bytes` a string copies as they are: up to a quote, a
/// backslash or a control character. Eight bytes at a time while none is in them (a draft is
/// one long string of plain text; a byte at a time was the most of reading a request).
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is below `n` (n <= 128): the classic test, exact for the word as a whole.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if below(word ^ (ONES * u64::from(b'"')), 1) | below(word ^ (ONES * u64::from(b'\\')), 1) | below(word, 0x20) != 0 {
            break;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
        at += 1;
    }
    at
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = 1 + before[line_start..].iter().filter(|b| (**b & 0xC0) != 0x80).count();
        SyntaxError { message, line, column }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes.get(self.at).copied()
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                let mut items = Vec::new();
                self.items(b']', |p| {
                    items.push(p.value(depth + 1)?);
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            Some(b'{') => {
                let mut fields: Vec<(String, Json)> = Vec::new();
                self.items(b'}', |p| {
                    if p.peek() != Some(b'"') {
                        return Err(p.error("key must be a string"));
                    }
                    let key = p.string()?;
                    if p.peek() != Some(b':') {
                        return Err(p.error("expected `:`"));
                    }
                    p.at += 1;
                    let value = p.value(depth + 1)?;
                    if !fields.iter().any(|(k, _)| *k == key) {
                        fields.push((key, value));
                    }
                    Ok(())
                })?;
                Ok(Json::Object(fields))
            }
            Some(_) => Err(self.error("expected value")),
        }
    }

    /// At an array's `[` or an object's `{`: reads each item with `item` up to `close`, the items
    /// separated by commas, and steps past `close`.
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.at += 1;
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(c) if c == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error(if close == b']' { "expected `,` or `]`" } else { "expected `,` or `}`" })),
            }
        }
    }

    /// At the opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            self.at += plain_run(self.bytes.get(self.at..).unwrap_or_default());
            // The input is a &str and the run stops only at ASCII bytes: a whole UTF-8 slice.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default());
            match self.bytes.get(self.at) {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.bytes.get(self.at).copied();
                    self.at += 1;
                    // One push for every escape: a push per arm was a copy of `push` each.
                    out.push(match escape {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    });
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// After `\u`: one code point, joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes[self.at..].starts_with(b"\\u") {
            let saved = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.at = saved;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("EOF in a \\u escape"))?;
        let mut code = 0;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or_else(|| self.error("invalid \\u escape"))?;
            code = code * 16 + v;
        }
        self.at += 4;
        Ok(code)
    }

    /// Integers up to 2^53 exactly; decimals exactly where mantissa and power of ten both are
    /// (every value a person types), else to within a unit or two in the last place.
    fn number(&mut self) -> Result<Json, SyntaxError> {
        let negative = self.bytes[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let mut number = Digits::default();
        if !self.digits(&mut number, false) {
            return Err(self.error("invalid number"));
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !self.digits(&mut number, true) {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            let sign = match self.bytes.get(self.at) {
                Some(b'-') => -1,
                _ => 1,
            };
            if let Some(b'-' | b'+') = self.bytes.get(self.at) {
                self.at += 1;
            }
            let mut power = Digits::default();
            if !self.digits(&mut power, false) {
                return Err(self.error("invalid number"));
            }
            let power = i32::try_from(power.mantissa).unwrap_or(i32::MAX).saturating_add(power.exponent);
            number.exponent = number.exponent.saturating_add(sign * power);
        }
        let value = scale(number.mantissa as f64, number.exponent);
        Ok(Json::Number(if negative { -value } else { value }))
    }

    /// Reads a run of digits into `number` (the 19 most significant; the rest only scale it);
    /// false if there was none.
    fn digits(&mut self, number: &mut Digits, after_point: bool) -> bool {
        let start = self.at;
        while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.at) {
            self.at += 1;
            if number.significant < 19 {
                number.mantissa = number.mantissa * 10 + u64::from(b - b'0');
                if number.mantissa > 0 {
                    number.significant += 1;
                }
                if after_point {
                    number.exponent -= 1;
                }
            } else if !after_point {
                number.exponent = number.exponent.saturating_add(1);
            }
        }
        self.at > start
    }
}

/// A decimal number as read: `mantissa × 10^exponent`.
#[derive(Default)]
struct Digits {
    mantissa: u64,
    exponent: i32,
    significant: u32,
}

/// `mantissa × 10^exponent`; one correctly rounded operation when the power is exact (≤ 22).
fn scale(mantissa: f64, exponent: i32) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    if mantissa == 0.0 {
        return 0.0;
    }
    match exponent {
        0 => mantissa,
        1..=22 => mantissa * EXACT[exponent as usize],
        -22..=-1 => mantissa / EXACT[(-exponent) as usize],
        e if e > 308 => f64::INFINITY,
        e if e < -350 => 0.0,
        e if e > 0 => mantissa * 10f64.powi(e),
        e => mantissa / 10f64.powi(-e),
    }
}

/// A value that could not be read as the type asked for, with the path to it. Boxed: every
/// reader returns a `Result` with one, which is then a pointer wide rather than six words
/// copied out at each `?`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(Box<JsonErrorDetail>);

/// What a [`JsonError`] says (the error derefs to it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonErrorDetail {
    /// `help_links[2].url`; empty for the document itself.
    pub path: String,
    pub message: String,
}

impl std::ops::Deref for JsonError {
    type Target = JsonErrorDetail;

    fn deref(&self) -> &JsonErrorDetail {
        &self.0
    }
}

impl std::ops::DerefMut for JsonError {
    fn deref_mut(&mut self) -> &mut JsonErrorDetail {
        &mut self.0
    }
}

impl JsonError {
    /// Out of line: an error path, called from many places.
    #[inline(never)]
    pub fn new(message: impl Into<String>) -> Self {
        JsonError(Box::new(JsonErrorDetail { path: String::new(), message: message.into() }))
    }

    /// The path and the message, to keep.
    pub fn into_detail(self) -> JsonErrorDetail {
        *self.0
    }

    fn invalid_type(found: &Json, expected: &str) -> Self {
        JsonError::new(format!("invalid type: {}, expected {expected}", found.describe()))
    }

    /// The same error one level further out: under field `name` of an object.
    pub fn in_field(self, name: &str) -> Self {
        self.under(name)
    }

    fn at_index(self, index: usize) -> Self {
        self.under(&format!("[{index}]"))
    }

    /// The path with `step` (`name` or `[2]`) before it: `step`, `step[1]` or `step.name`.
    fn under(mut self, step: &str) -> Self {
        let mut path = String::from(step);
        if !self.path.is_empty() && !self.path.starts_with('[') {
            path.push('.');
        }
        path.push_str(&self.path);
        self.path = path;
        self
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for JsonError {}

/// A type written as JSON in the CLI's shapes.
pub trait ToJson {
    fn to_json(&self) -> Json;
}

/// JSON text as a value; a syntax error is reported as such, with no path. (One function for
/// every [`FromJson::from_json_text`], rather than a copy per type.)
#[inline(never)]
pub fn parse_document(text: &str) -> Result<Json, JsonError> {
    parse(text).map_err(|e| JsonError::new(e.to_string()))
}

/// A type read from JSON, with errors that name the path to the bad value.
pub trait FromJson: Sized {
    fn from_json(value: &Json) -> Result<Self, JsonError>;

    /// Reads `value` into `self`, which holds its default: a struct fills its fields in place
    /// ([`json_object!`]), where building a new one and moving it over the old was a copy of
    /// both, and of the old one's drop, for every struct type.
    fn fill(&mut self, value: &Json) -> Result<(), JsonError> {
        *self = Self::from_json(value)?;
        Ok(())
    }

    /// Reads JSON text; a syntax error is reported as such, with no path.
    fn from_json_text(text: &str) -> Result<Self, JsonError> {
        Self::from_json(&parse_document(text)?)
    }
}

impl ToJson for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl FromJson for Json {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        Ok(value.clone())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Bool(b) => Ok(*b),
            other => Err(JsonError::invalid_type(other, "a boolean")),
        }
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::String(self.to_string())
    }
}

impl FromJson for String {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::String(s) => Ok(s.clone()),
            other => Err(JsonError::invalid_type(other, "a string")),
        }
    }
}

macro_rules! json_integer {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::Number(*self as f64)
            }
        }

        impl FromJson for $t {
            fn from_json(value: &Json) -> Result<Self, JsonError> {
                integer(value, <$t>::MIN as f64, <$t>::MAX as f64, stringify!($t)).map(|n| n as $t)
            }
        }
    )*};
}

/// An integer within `min..=max`, for the integer types' [`FromJson`] (one copy, not six).
fn integer(value: &Json, min: f64, max: f64, type_name: &str) -> Result<f64, JsonError> {
    match value {
        Json::Number(n) if is_integer(*n) && *n >= min && *n <= max => Ok(*n),
        Json::Number(n) if is_integer(*n) => {
            Err(JsonError::new(format!("invalid value: integer `{}`, expected {type_name}", Signed(*n as i64))))
        }
        other => Err(JsonError::invalid_type(other, type_name)),
    }
}
json_integer!(u8, u32, u64, usize, i32, i64);

macro_rules! json_float {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::Number(f64::from(*self))
            }
        }

        impl FromJson for $t {
            fn from_json(value: &Json) -> Result<Self, JsonError> {
                match value {
                    Json::Number(n) => Ok(*n as $t),
                    other => Err(JsonError::invalid_type(other, stringify!($t))),
                }
            }
        }
    )*};
}
json_float!(f32, f64);

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, T::to_json)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Json {
        // A plain loop: smaller in wasm than collecting a mapped iterator.
        let mut items = Vec::new();
        for item in self {
            items.push(item.to_json());
        }
        Json::Array(items)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        self.as_slice().to_json()
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let mut out = Vec::new();
        for_each_item(value, &mut |item| {
            out.push(T::from_json(item)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// Reads each item of an array with `read`, naming the index in its error. One body for every
/// `Vec<T>`: only the closure that reads and pushes one item is a copy per type.
#[inline(never)]
fn for_each_item(value: &Json, read: &mut dyn FnMut(&Json) -> Result<(), JsonError>) -> Result<(), JsonError> {
    let Json::Array(items) = value else {
        return Err(JsonError::invalid_type(value, "a sequence"));
    };
    for (i, item) in items.iter().enumerate() {
        read(item).map_err(|e| e.at_index(i))?;
    }
    Ok(())
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn to_json(&self) -> Json {
        self.as_slice().to_json()
    }
}

impl<T: FromJson + Default + Copy, const N: usize> FromJson for [T; N] {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let items = Vec::<T>::from_json(value)?;
        <[T; N]>::try_from(items.as_slice())
            .map_err(|_| JsonError::new(format!("invalid length {}, expected an array of length {N}", items.len())))
    }
}

/// A map key: written as the JSON object's key.
pub trait JsonKey: Sized + Ord {
    fn key(&self) -> String;
    fn from_key(key: &str) -> Result<Self, JsonError>;
}

impl JsonKey for String {
    fn key(&self) -> String {
        self.clone()
    }

    fn from_key(key: &str) -> Result<Self, JsonError> {
        Ok(key.to_string())
    }
}

impl<K: JsonKey, V: ToJson> ToJson for OrderedMap<K, V> {
    fn to_json(&self) -> Json {
        let mut fields = Vec::new();
        for (k, v) in self.iter() {
            fields.push((k.key(), v.to_json()));
        }
        Json::Object(fields)
    }
}

impl<K: JsonKey, V: FromJson> FromJson for OrderedMap<K, V> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let Json::Object(fields) = value else {
            return Err(JsonError::invalid_type(value, "a map"));
        };
        let mut map = OrderedMap::default();
        for (k, v) in fields {
            map.insert(K::from_key(k).map_err(|e| e.in_field(k))?, V::from_json(v).map_err(|e| e.in_field(k))?);
        }
        Ok(map)
    }
}

/// A struct's fields from an object, refusing keys it does not know; for [`json_object!`].
fn object_fields<'a>(
    value: &'a Json,
    what: &str,
    known: &[&str],
    ignore_unknown: bool,
) -> Result<&'a [(String, Json)], JsonError> {
    let Json::Object(fields) = value else {
        return Err(JsonError::invalid_type(value, what));
    };
    if let Some((key, _)) = fields.iter().find(|(k, _)| !ignore_unknown && !known.contains(&k.as_str())) {
        return Err(JsonError::new(format!("unknown field `{key}`, expected one of {}", quoted_list(known))).in_field(key));
    }
    Ok(fields)
}

/// Implements [`ToJson`] and [`FromJson`] for a struct with named fields, written in the
/// order listed: `json_object!(Type (required, fields) { other, fields })`. Fields in the
/// parentheses must be present; the others, when absent, keep the value in the struct's own
/// `Default` (serde's `#[serde(default)]` on the struct). `None` fields are left out when
/// written. Keys the struct does not have are refused, unless `ignore_unknown` follows (stored
/// documents a later version may extend).
///
/// Reading fills a `Default` struct field by field: an error then drops one whole struct,
/// where building it in one expression would drop each field read so far, on every error
/// path, in every type's copy (5.8 KB of the worker's wasm).
#[macro_export]
macro_rules! json_object {
    ($ty:ident $(($($req:ident),* $(,)?))? { $($field:ident),* $(,)? } $($ignore_unknown:ident)?) => {
        impl $crate::engine::json::ToJson for $ty {
            fn to_json(&self) -> $crate::engine::json::Json {
                let mut fields = Vec::new();
                $($(
                    $crate::engine::json::push_field(&mut fields, stringify!($req), $crate::engine::json::ToJson::to_json(&self.$req));
                )*)?
                $(
                    $crate::engine::json::push_field(&mut fields, stringify!($field), $crate::engine::json::ToJson::to_json(&self.$field));
                )*
                $crate::engine::json::Json::Object(fields)
            }
        }

        impl $crate::engine::json::FromJson for $ty {
            fn from_json(value: &$crate::engine::json::Json) -> Result<Self, $crate::engine::json::JsonError> {
                let mut out = <$ty as Default>::default();
                out.fill(value)?;
                Ok(out)
            }

            fn fill(&mut self, value: &$crate::engine::json::Json) -> Result<(), $crate::engine::json::JsonError> {
                use $crate::engine::json::JsonSlot;
                const KNOWN: &[&str] = &[$($(stringify!($req),)*)? $(stringify!($field)),*];
                const REQUIRED: &[&str] = &[$($(stringify!($req)),*)?];
                let ignore_unknown = false $(|| stringify!($ignore_unknown) == "ignore_unknown")?;
                $crate::engine::json::read_object(
                    value,
                    concat!("struct ", stringify!($ty)),
                    KNOWN,
                    REQUIRED.len(),
                    ignore_unknown,
                    &mut [$($(&mut self.$req as &mut dyn JsonSlot,)*)? $(&mut self.$field as &mut dyn JsonSlot),*],
                )
            }
        }
    };
}

/// Writes one field of a struct: `None` is left out. (`matches!`, not `!=`: comparing with
/// `Json::Null` brought in the whole derived `PartialEq`, 0.4 KB.)
#[doc(hidden)]
pub fn push_field(fields: &mut Vec<(String, Json)>, name: &str, value: Json) {
    if !matches!(value, Json::Null) {
        fields.push((name.to_string(), value));
    }
}

/// The error for the first of `required` that `fields` lacks.
fn require_fields(fields: &[(String, Json)], required: &[&str]) -> Result<(), JsonError> {
    match required.iter().find(|name| field(fields, name).is_none()) {
        Some(name) => Err(JsonError::new(format!("missing field `{name}`"))),
        None => Ok(()),
    }
}

/// A struct field [`read_object`] can fill: any [`FromJson`] type, behind one `dyn`. The lookup
/// and the error naming the field then exist once; only `set` is a copy per field type.
#[doc(hidden)]
pub trait JsonSlot {
    fn set(&mut self, value: &Json) -> Result<(), JsonError>;
}

impl<T: FromJson> JsonSlot for T {
    fn set(&mut self, value: &Json) -> Result<(), JsonError> {
        self.fill(value)
    }
}

/// Reads an object into a struct: `slots[i]` is the field named `known[i]`, and the first
/// `required` of them must be present. One body for every struct: [`json_object!`] only lists
/// the fields (a copy per struct of the lookups and error paths was 2 KB of the worker's wasm).
#[doc(hidden)]
pub fn read_object(
    value: &Json,
    what: &str,
    known: &[&str],
    required: usize,
    ignore_unknown: bool,
    slots: &mut [&mut dyn JsonSlot],
) -> Result<(), JsonError> {
    let fields = object_fields(value, what, known, ignore_unknown)?;
    require_fields(fields, &known[..required])?;
    for (name, slot) in known.iter().zip(slots) {
        read_into(fields, name, *slot)?;
    }
    Ok(())
}

/// Reads one field of a struct into `slot`, if present, naming it in any error.
fn read_into(fields: &[(String, Json)], name: &str, slot: &mut dyn JsonSlot) -> Result<(), JsonError> {
    match field(fields, name) {
        Some(v) => slot.set(v).map_err(|e| e.in_field(name)),
        None => Ok(()),
    }
}

/// The value of field `name`, for [`read_into`] and [`require_fields`].
#[inline(never)]
fn field<'a>(fields: &'a [(String, Json)], name: &str) -> Option<&'a Json> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// Implements [`ToJson`] for a struct, its fields written in the order listed (`None` left
/// out): for answers, which are only ever written.
#[macro_export]
macro_rules! json_answer {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl $crate::engine::json::ToJson for $ty {
            fn to_json(&self) -> $crate::engine::json::Json {
                let mut fields = Vec::new();
                $($crate::engine::json::push_field(&mut fields, stringify!($field), $crate::engine::json::ToJson::to_json(&self.$field));)*
                $crate::engine::json::Json::Object(fields)
            }
        }
    };
}

/// Which of `names` the string `value` is; for [`json_enum!`]. One body for every enum, where a
/// `match` on the names was a copy per enum.
#[doc(hidden)]
pub fn variant_index(value: &Json, names: &[&str]) -> Result<usize, JsonError> {
    let Json::String(name) = value else {
        return Err(JsonError::invalid_type(value, "a string"));
    };
    name_index(name, names)
        .ok_or_else(|| JsonError::new(format!("unknown variant `{name}`, expected one of {}", quoted_list(names))))
}

/// Where `name` is in `names`; for [`json_enum!`]'s `parse`.
#[doc(hidden)]
pub fn name_index(name: &str, names: &[&str]) -> Option<usize> {
    names.iter().position(|n| *n == name)
}

/// "`a`, `b`, `c`": the names an error says were expected.
fn quoted_list(names: &[&str]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(name);
        out.push('`');
    }
    out
}

/// Implements [`ToJson`] and [`FromJson`] for an enum of unit variants, each written as the
/// given string, and `as_str`/`parse` beside them.
#[macro_export]
macro_rules! json_enum {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            const NAMES: &[&str] = &[$($name),*];
            const VARIANTS: &[$ty] = &[$($ty::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }

            pub fn parse(s: &str) -> Option<$ty> {
                $crate::engine::json::name_index(s, Self::NAMES).map(|i| Self::VARIANTS[i])
            }
        }

        impl $crate::engine::json::ToJson for $ty {
            fn to_json(&self) -> $crate::engine::json::Json {
                $crate::engine::json::Json::String(self.as_str().to_string())
            }
        }

        impl $crate::engine::json::FromJson for $ty {
            fn from_json(value: &$crate::engine::json::Json) -> Result<Self, $crate::engine::json::JsonError> {
                Ok(Self::VARIANTS[$crate::engine::json::variant_index(value, Self::NAMES)?])
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_plain_run_stops_at_the_first_quote_backslash_or_control_wherever_it_falls() {
        let plain = "Sorry about the wait, Sam — we'll sort it.";
        assert_eq!(plain_run(plain.as_bytes()), plain.len());
        for at in 0..plain.len().min(24) {
            for stop in [b'"', b'\\', b'\n', 0x00, 0x1f] {
                let mut bytes = plain.as_bytes()[..at].to_vec();
                bytes.push(stop);
                bytes.extend_from_slice(b"after\" \\ \n");
                assert_eq!(plain_run(&bytes), at, "{:?} at {at}", stop as char);
            }
        }
    }

    proptest! {
        #[test]
        fn any_text_parses_or_says_where_never_panics(s in "[\\[\\]{}\":,0-9eE.+\\-tfnrul \\\\a-z\\PC]{0,80}") {
            if let Err(e) = parse(&s) {
                prop_assert!(e.line >= 1 && e.column >= 1);
            }
        }

        #[test]
        fn any_string_is_written_and_read_back_unchanged(s in "\\PC{0,60}|[\\x00-\\x1f\"\\\\]{0,10}") {
            let value = Json::String(s.clone());
            prop_assert_eq!(parse(&value.to_text()).unwrap(), value);
        }

        #[test]
        fn integers_and_settings_fractions_read_back_as_written(n in -9_007_199_254_740_991i64..9_007_199_254_740_991, f in 0f32..1.0) {
            prop_assert_eq!(parse(&Json::Number(n as f64).to_text()).unwrap(), Json::Number(n as f64));
            let back = f32::from_json(&parse(&f.to_json().to_text()).unwrap()).unwrap();
            prop_assert!((back - f).abs() < 1e-6, "{} read back as {}", f, back);
        }
    }


    #[test]
    fn parses_and_writes_back_every_kind_of_value() {
        let text = r#"{"a":null,"b":[true,false],"c":-12,"d":0.25,"e":"x\"y\\z\n\u00e9\ud83d\ude00","f":{}}"#;
        let value = parse(text).unwrap();
        assert_eq!(value.get("e").and_then(Json::as_str), Some("x\"y\\z\né😀"));
        assert_eq!(value.to_text(), r#"{"a":null,"b":[true,false],"c":-12,"d":0.25,"e":"x\"y\\z\né😀","f":{}}"#);
        assert_eq!(parse(&value.to_text()).unwrap(), value);
        let controls = Json::String("é\u{1}\tb\u{1f}".into());
        assert_eq!(controls.to_text(), r#""é\u0001\tb\u001f""#);
        assert_eq!(parse(&controls.to_text()).unwrap(), controls);
    }

    #[test]
    fn numbers_read_exactly_where_a_person_would_type_them() {
        for (text, want) in
            [("0.7", 0.7), ("1e3", 1000.0), ("-0.35", -0.35), ("1700000000000", 1.7e12), ("2.5E-1", 0.25)]
        {
            assert_eq!(parse(text).unwrap(), Json::Number(want), "{text}");
        }
        assert_eq!(Json::Number(f64::from(0.7f32)).to_text(), "0.7");
        assert_eq!(Json::Number(-0.123_456_78).to_text(), "-0.123457");
        assert_eq!(Json::Number(-0.000_000_1).to_text(), "0");
        // Negative integers through `Signed`, as `i64`'s own `Display` writes them.
        for n in [-42.0, -0.0, -9.3e18, -1e30] {
            assert_eq!(Json::Number(n).to_text(), (n as i64).to_string(), "{n}");
        }
        assert_eq!(Json::Number(-3.0).describe(), "integer `-3`");
        for bad in ["01x", "-", "1.", ".5", "1e", "+1"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_lone_surrogate_from_javascript_becomes_one_replacement_character() {
        assert_eq!(parse(r#""a\ud800b""#).unwrap(), Json::String("a\u{FFFD}b".into()));
        assert_eq!(parse(r#""\udc00""#).unwrap(), Json::String("\u{FFFD}".into()));
    }

    #[test]
    fn syntax_errors_say_where() {
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8), "{e}");
        assert!(parse("[1, 2").is_err());
        assert!(parse("{\"a\" 1}").is_err());
        assert!(parse("\"open").is_err());
        assert!(parse("[1] x").unwrap_err().to_string().contains("trailing"));
        assert!(parse(&"[".repeat(100_000)).unwrap_err().to_string().contains("nested too deeply"));
    }

    #[test]
    fn type_errors_name_the_path_to_the_value() {
        let value = parse(r#"[["a"], ["b", 5]]"#).unwrap();
        let e = Vec::<Vec<String>>::from_json(&value).unwrap_err();
        assert_eq!(e.to_string(), "[1][1]: invalid type: integer `5`, expected a string");
        assert_eq!(
            u32::from_json(&Json::Number(-1.0)).unwrap_err().message,
            "invalid value: integer `-1`, expected u32"
        );
        assert!(<[bool; 7]>::from_json(&parse("[true]").unwrap()).is_err());
    }

    #[test]
    fn an_ordered_map_reads_keys_in_any_order_and_keeps_them_sorted() {
        let mut map = OrderedMap::<String, u32>::from_json(&parse(r#"{"b":2,"c":3,"a":1}"#).unwrap()).unwrap();
        assert_eq!(map.to_json().to_text(), r#"{"a":1,"b":2,"c":3}"#);
        *map.get_or_default("ab".into()) += 5;
        map.keep_last(2);
        assert_eq!(map.to_json().to_text(), r#"{"b":2,"c":3}"#);
        assert_eq!((map.get("c"), map.get("a")), (Some(&3), None));
        let e = OrderedMap::<String, u32>::from_json(&parse(r#"{"a":"x"}"#).unwrap()).unwrap_err();
        assert_eq!(e.to_string(), "a: invalid type: string \"x\", expected u32");
    }

    #[test]
    fn pretty_text_is_indented_and_reads_back_the_same() {
        let value = parse(r#"{"a":[1,{"b":"c"}],"d":{}}"#).unwrap();
        let pretty = value.to_text_pretty();
        assert!(pretty.contains("\n  \"a\": [\n    1,"), "{pretty}");
        assert_eq!(parse(&pretty).unwrap(), value);
    }
}
