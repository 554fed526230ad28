//! Tokens: Unicode word boundaries (UAX #29), then the news-text fixes that
//! the segmentation alone gets wrong.
//!
//! The text is first cut into runs of non-space characters. A run of ASCII
//! (nearly every run of English news) is segmented by a byte loop that
//! applies the UAX #29 rules for ASCII; any other run goes through
//! `unicode-segmentation`. Both give the same segments (a unit test checks
//! this), and the segments are then merged or split:
//!
//! - a possessive or contracted `’s`/`'s` is split off as a [`Clitic`], and so
//!   is the lone apostrophe of a plural possessive ("soldiers’"); other
//!   contractions stay whole ("they’re", "don't");
//! - an apostrophe that starts an elided word ("’n’", "’em", "the ’90s") joins
//!   that word; any other `'`, `’` or `‘` is a quotation mark;
//! - the period of an abbreviation ("Gov.", "U.S.", "p.m.", "J.") joins the
//!   word, and runs of periods become one ellipsis token;
//! - PTB quotes ``` `` ``` and `''` become one token each.
//!
//! Hyphens are tokens of their own: "pro-Kiev" is `pro`, `-`, `Kiev`, so later
//! stages find "Kiev" without looking inside words.
//!
//! [`Clitic`]: TokenKind::Clitic

use unicode_segmentation::UnicodeSegmentation;

use super::words::{Abbrev, WORDS};
use super::{Spacing, Token, TokenKind};
use crate::Span;

/// Whitespace for the text stage: `char::is_whitespace`, plus the byte order
/// mark and the zero-width space, which separate words without showing.
/// Such characters are never inside a token; every other character is.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

/// The ASCII bytes `char::is_whitespace` accepts.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Counts the line breaks in a stretch of whitespace: CRLF is one, a
/// paragraph separator (U+2029) counts as a blank line.
pub(super) fn line_breaks(gap: &str) -> usize {
    let mut n = 0;
    let mut prev_cr = false;
    for c in gap.chars() {
        n += match c {
            '\n' if prev_cr => 0,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
        prev_cr = c == '\r';
    }
    n
}

fn spacing(gap: &str) -> Spacing {
    if line_breaks(gap) > 0 {
        Spacing::LineBreak
    } else if gap.chars().any(|c| c != '\u{FEFF}' && c != '\u{200B}') {
        Spacing::Space
    } else {
        Spacing::None
    }
}

/// Splits `text` into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut segs = Vec::with_capacity(text.len() / 4);
    segments(text, &mut segs);
    let mut t = Tokenizer {
        text,
        segs: &segs,
        tokens: Vec::with_capacity(segs.len()),
        open_single: false,
    };
    let mut k = 0;
    while k < segs.len() {
        k = t.token(k);
    }
    let mut tokens = t.tokens;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1).map_or(text.len(), |t| t.span.start);
        tokens[i].space_after = spacing(&text[tokens[i].span.end..next]);
    }
    tokens
}

/// Cuts `text` into UAX #29 word segments, leaving out whitespace.
fn segments(text: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (len, space) = char_at(text, i);
        if space {
            i += len;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                if is_ascii_space(bytes[i]) {
                    break;
                }
                i += 1;
            } else {
                let (len, space) = char_at(text, i);
                if space {
                    break;
                }
                ascii = false;
                i += len;
            }
        }
        if ascii {
            ascii_segments(bytes, start, i, out);
        } else {
            let run = &text[start..i];
            out.extend(
                run.split_word_bound_indices()
                    .map(|(o, s)| (start + o, start + o + s.len())),
            );
        }
    }
}

/// The length of the char at byte `i` (a char boundary) and whether it is
/// whitespace.
fn char_at(text: &str, i: usize) -> (usize, bool) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (1, is_ascii_space(b));
    }
    match text[i..].chars().next() {
        Some(c) => (c.len_utf8(), is_space(c)),
        None => (1, false),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        _ => Class::Other,
    }
}

/// UAX #29 word segmentation of an ASCII run without whitespace. Letters,
/// digits and underscores join (WB5, WB8-10, WB13); `:`, `.` and `'` join
/// letter to letter (WB6-7), `,`, `;`, `.` and `'` digit to digit (WB11-12);
/// every other byte is a segment of its own (WB999).
fn ascii_segments(b: &[u8], mut i: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    while i < end {
        let start = i;
        let mut last = class(b[i]);
        i += 1;
        if last != Class::Other {
            while i < end {
                let c = class(b[i]);
                if c != Class::Other {
                    last = c;
                    i += 1;
                    continue;
                }
                let Some(&after) = b.get(i + 1).filter(|_| i + 1 < end) else {
                    break;
                };
                let after = class(after);
                let joins = match (last, after) {
                    (Class::Letter, Class::Letter) => matches!(b[i], b':' | b'.' | b'\''),
                    (Class::Digit, Class::Digit) => matches!(b[i], b',' | b';' | b'.' | b'\''),
                    _ => false,
                };
                if !joins {
                    break;
                }
                last = after;
                i += 2;
            }
        }
        out.push((start, i));
    }
}

/// Quotation marks of every style, as opposed to apostrophes (`'` and `’` are
/// told apart by context, not here).
pub(super) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '`'
    )
}

/// Punctuation: the ASCII marks and the common Unicode ones (general
/// punctuation, CJK, Arabic, Devanagari). Everything else that is neither a
/// letter nor a digit is a symbol.
fn is_punct(c: char) -> bool {
    matches!(
        c,
        '!' | '#' | '%' | '&' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':' | ';' | '?' | '@'
            | '[' | '\\' | ']' | '_' | '{' | '}'
            | '\u{A1}' | '\u{A7}' | '\u{B6}' | '\u{B7}' | '\u{BF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{2E00}'..='\u{2E4F}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301F}'
            | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}' | '\u{0964}' | '\u{0965}'
            | '\u{FF01}' | '\u{FF08}' | '\u{FF09}' | '\u{FF0C}' | '\u{FF0E}' | '\u{FF1A}'
            | '\u{FF1B}' | '\u{FF1F}'
    )
}

fn is_wordlike(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "\u{2019}")
}

/// Splits a segment ending in a possessive or contracted `’s`: returns the
/// length of the word before the apostrophe.
fn clitic_s(w: &str) -> Option<usize> {
    let rest = w.strip_suffix(['s', 'S'])?;
    let stem = rest
        .strip_suffix('\u{2019}')
        .or_else(|| rest.strip_suffix('\''))?;
    stem.chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        .then_some(stem.len())
}

/// "90s", "90": the decade after an elided century.
fn is_decade(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[..2].iter().all(u8::is_ascii_digit) && (b.len() == 2 || &w[2..] == "s")
}

/// Letters separated by single periods, each part one or two letters long:
/// "U.S", "p.m", "e.g", "J.R.R" (the segment before the final period).
fn is_initialism(w: &str) -> bool {
    w.contains('.')
        && w.split('.').all(|p| {
            let n = p.chars().count();
            (1..=2).contains(&n) && p.chars().all(char::is_alphabetic)
        })
}

struct Tokenizer<'a> {
    text: &'a str,
    segs: &'a [(usize, usize)],
    tokens: Vec<Token>,
    /// Whether a single quotation mark opened on this line is still open, so
    /// that a word-final apostrophe is read as its closing mark.
    open_single: bool,
}

impl Tokenizer<'_> {
    fn seg(&self, k: usize) -> &str {
        self.segs.get(k).map_or("", |&(s, e)| &self.text[s..e])
    }

    /// Whether segment `k + 1` exists and touches segment `k`.
    fn touches_next(&self, k: usize) -> bool {
        k + 1 < self.segs.len() && self.segs[k].1 == self.segs[k + 1].0
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.tokens.push(Token {
            span: Span::new(start, end),
            kind,
            space_after: Spacing::None,
        });
    }

    /// Makes one or more tokens starting at segment `k`; returns the next
    /// segment to look at.
    fn token(&mut self, k: usize) -> usize {
        let (s, e) = self.segs[k];
        if k > 0 && line_breaks(&self.text[self.segs[k - 1].1..s]) > 0 {
            self.open_single = false;
        }
        let seg = self.seg(k);
        if is_wordlike(seg) {
            return self.word(k);
        }
        if matches!(seg, "'" | "\u{2019}" | "\u{2018}") {
            return self.apostrophe(k);
        }
        if seg == "." {
            let mut j = k;
            while self.touches_next(j) && self.seg(j + 1) == "." {
                j += 1;
            }
            self.push(s, self.segs[j].1, TokenKind::Punctuation);
            return j + 1;
        }
        if seg == "`" && self.touches_next(k) && self.seg(k + 1) == "`" {
            self.push(s, self.segs[k + 1].1, TokenKind::Quote);
            return k + 2;
        }
        let kind = match seg.chars().next() {
            Some(c) if is_quote_char(c) => TokenKind::Quote,
            Some(c) if is_punct(c) => TokenKind::Punctuation,
            _ => TokenKind::Symbol,
        };
        self.push(s, e, kind);
        k + 1
    }

    fn word(&mut self, k: usize) -> usize {
        let (s, e) = self.segs[k];
        let w = self.seg(k);
        let numeric = w.chars().next().is_some_and(char::is_numeric);
        let kind = if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        if !numeric {
            if let Some(n) = clitic_s(w) {
                self.push(s, s + n, TokenKind::Word);
                self.push(s + n, e, TokenKind::Clitic);
                return k + 1;
            }
        }
        // A word-final apostrophe, not followed by more of the word.
        if self.touches_next(k)
            && is_apostrophe(self.seg(k + 1))
            && !(self.touches_next(k + 1) && is_wordlike(self.seg(k + 2)))
            && !self.open_single
            && !numeric
        {
            let end = self.segs[k + 1].1;
            if w.ends_with(['s', 'S']) {
                self.push(s, e, kind);
                self.push(e, end, TokenKind::Clitic);
            } else {
                self.push(s, end, kind);
            }
            return k + 2;
        }
        if self.touches_next(k)
            && self.seg(k + 1) == "."
            && !(self.touches_next(k + 1) && self.seg(k + 2) == ".")
            && !numeric
            && self.is_abbreviation(w, k)
        {
            self.push(s, self.segs[k + 1].1, TokenKind::Word);
            return k + 2;
        }
        self.push(s, e, kind);
        k + 1
    }

    /// Whether word segment `k`, followed by a period, is an abbreviation.
    fn is_abbreviation(&self, w: &str, k: usize) -> bool {
        match WORDS.abbreviations.get(w) {
            Some(Abbrev::Title | Abbrev::Any) => return true,
            Some(Abbrev::Number) => {
                return self
                    .seg(k + 2)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            }
            None => {}
        }
        let mut chars = w.chars();
        let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        single_capital || is_initialism(w)
    }

    fn apostrophe(&mut self, k: usize) -> usize {
        let (s, e) = self.segs[k];
        let mark = self.seg(k);
        let after_word = self.tokens.last().is_some_and(|t| {
            t.span.end == s && matches!(t.kind, TokenKind::Word | TokenKind::Number)
        });
        let before_word = self.touches_next(k) && is_wordlike(self.seg(k + 1));
        if mark == "'" && self.touches_next(k) && self.seg(k + 1) == "'" {
            self.push(s, self.segs[k + 1].1, TokenKind::Quote);
            self.open_single = false;
            return k + 2;
        }
        if before_word && !after_word {
            let next = self.seg(k + 1);
            if is_decade(next) {
                let kind = if next.len() == 2 {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                self.push(s, self.segs[k + 1].1, kind);
                return k + 2;
            }
            if mark != "\u{2018}" && WORDS.elisions.contains(next.to_lowercase().as_str()) {
                // "’n’" is closed by a second apostrophe; other elisions are not.
                if next.eq_ignore_ascii_case("n") {
                    if self.touches_next(k + 1) && is_apostrophe(self.seg(k + 2)) {
                        self.push(s, self.segs[k + 2].1, TokenKind::Word);
                        return k + 3;
                    }
                } else {
                    self.push(s, self.segs[k + 1].1, TokenKind::Word);
                    return k + 2;
                }
            }
        }
        // "1990's": a clitic after a number, which UAX #29 does not join.
        if after_word
            && before_word
            && matches!(self.seg(k + 1), "s" | "S")
            && !(self.touches_next(k + 1) && is_wordlike(self.seg(k + 2)))
        {
            self.push(s, self.segs[k + 1].1, TokenKind::Clitic);
            return k + 2;
        }
        let spaced_before = !matches!(self.tokens.last(), Some(t) if t.span.end == s);
        let opens = mark == "\u{2018}" || (spaced_before && self.touches_next(k));
        self.open_single = opens;
        self.push(s, e, TokenKind::Quote);
        k + 1
    }
}

/// Whether quotation mark token `i` opens a quotation (else it closes one).
/// Curly and angle marks say so themselves; `"`, `'` and `’` open when
/// whitespace or an opening bracket comes before them and a word after.
pub(super) fn opens(text: &str, tokens: &[Token], i: usize) -> bool {
    let s = &text[tokens[i].span];
    if is_opening_mark(s) {
        return true;
    }
    if matches!(s, "\u{201D}" | "\u{BB}" | "\u{203A}" | "''") {
        return false;
    }
    let spaced_before = i == 0
        || tokens[i - 1].space_after != Spacing::None
        || matches!(&text[tokens[i - 1].span], "(" | "[" | "{")
        || is_opening_mark(&text[tokens[i - 1].span]);
    spaced_before && tokens[i].space_after == Spacing::None && i + 1 < tokens.len()
}

/// Quotation marks that only ever open, in English typography.
fn is_opening_mark(s: &str) -> bool {
    matches!(
        s,
        "\u{201C}"
            | "\u{2018}"
            | "\u{201E}"
            | "\u{201F}"
            | "\u{201A}"
            | "\u{201B}"
            | "\u{AB}"
            | "\u{2039}"
            | "``"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn uax29(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices()
            .map(|(o, s)| (o, o + s.len()))
            .collect()
    }

    fn fast(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        ascii_segments(text.as_bytes(), 0, text.len(), &mut out);
        out
    }

    #[test]
    fn ascii_fast_path_examples() {
        for text in [
            "U.S.",
            "3.5",
            "1,000,000",
            "don't",
            "a:b",
            "a1.5",
            "x_1",
            "a..b",
            "1.a",
            "'s",
        ] {
            assert_eq!(fast(text), uax29(text), "{text:?}");
        }
    }

    #[test]
    fn line_breaks_counts_crlf_once() {
        assert_eq!(line_breaks("\r\n"), 1);
        assert_eq!(line_breaks("\r\n \r\n"), 2);
        assert_eq!(line_breaks("\r\r"), 2);
        assert_eq!(line_breaks(" \u{2029}"), 2);
        assert_eq!(line_breaks(" \t"), 0);
    }

    proptest! {
        #[test]
        fn ascii_fast_path_is_uax29(text in "[!-~]{0,40}") {
            prop_assert_eq!(fast(&text), uax29(&text));
        }

        #[test]
        fn ascii_fast_path_is_uax29_on_wordy_text(text in "[a-cA-C0-2_.,;:'\\-]{0,40}") {
            prop_assert_eq!(fast(&text), uax29(&text));
        }
    }
}
