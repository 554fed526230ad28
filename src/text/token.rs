//! Tokens: Unicode word boundaries (UAX #29), then the news-text fixes that
//! the segmentation alone gets wrong.
//!
//! The text is first cut into runs of non-space characters. A run of ASCII
//! (nearly every run of English news) is segmented by a byte loop that
//! applies the UAX #29 rules for ASCII; any other run goes through
//! `unicode-segmentation`. Both give the same segments (a unit test checks
//! this), and the segments are then merged or split. A run of ASCII letters
//! and digits, alone or with one mark after it ("said,"), is most of the
//! text: it skips segmentation, and the sentence and paragraph stages are
//! told which tokens may end a sentence or a line, so they need not look at
//! the others. The fixes:
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

use super::sentence::is_terminator;
use super::words::{Abbrev, WORDS};
use super::{plain_ascii, Spacing, Token, TokenKind};
use crate::Span;

/// Whitespace for the text stage: `char::is_whitespace`, plus the byte order
/// mark and the zero-width space, which separate words without showing.
/// Such characters are never inside a token; every other character is.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

/// The whitespace from byte `i` on, in one pass: where it ends, how many
/// line breaks it holds (CRLF is one, a paragraph separator, U+2029,
/// counts as a blank line), and what [`Spacing`] it makes.
fn gap(text: &str, mut i: usize) -> (usize, usize, Spacing) {
    let mut breaks = 0;
    let mut prev_cr = false;
    let mut visible = false;
    let bytes = text.as_bytes();
    while i < text.len() {
        // Nearly every gap is ASCII: its breaks counted without decoding.
        let b = bytes[i];
        if b < 0x80 {
            match b {
                b' ' | b'\t' => {}
                b'\n' if prev_cr => {}
                b'\n' | b'\r' | 0x0B | 0x0C => breaks += 1,
                _ => break,
            }
            prev_cr = b == b'\r';
            visible = true;
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if !is_space(c) {
            break;
        }
        breaks += match c {
            '\n' if prev_cr => 0,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
        prev_cr = c == '\r';
        visible |= c != '\u{FEFF}' && c != '\u{200B}';
        i += len;
    }
    let spacing = if breaks > 0 {
        Spacing::LineBreak
    } else if visible {
        Spacing::Space
    } else {
        Spacing::None
    };
    (i, breaks, spacing)
}

/// [`gap`] for the gaps after most runs, one space or one blank line and
/// then a char that is no space: they need no loop, and the run's char
/// after the gap is decoded only when it is beyond ASCII. `None` for any
/// other gap.
#[inline]
fn short_gap(text: &str, i: usize) -> Option<(usize, usize, Spacing)> {
    let bytes = text.as_bytes();
    let (next, breaks, spacing) = match bytes.get(i..)? {
        [b' ', ..] => (i + 1, 0, Spacing::Space),
        [b'\n', b'\n', ..] => (i + 2, 2, Spacing::LineBreak),
        _ => return None,
    };
    let b = *bytes.get(next)?;
    let space = if b < 0x80 {
        ASCII_CLASS[usize::from(b)] == Class::Space
    } else {
        is_space(char_at(text, next).0)
    };
    (!space).then_some((next, breaks, spacing))
}

/// The tokens of a text, and where sentences and paragraphs may break, so
/// that those stages need not look at every token again.
#[derive(Default)]
pub(super) struct Tokens {
    pub(super) tokens: Vec<Token>,
    /// See [`Layout::unplain`](super::Layout::unplain).
    pub(super) unplain: Vec<usize>,
    /// In order, the tokens that may end a sentence: those that
    /// [`may_stop`], and those followed by a line break.
    pub(super) stops: Vec<usize>,
    /// In order, the tokens followed by a line break, each with the number of
    /// line breaks ([`gap`]).
    pub(super) lines: Vec<(usize, usize)>,
}

/// Whether token `t` may end a sentence: a terminator, or a word ending in
/// a period (an abbreviation).
pub(super) fn may_stop(text: &str, t: &Token) -> bool {
    match t.kind {
        // Nearly every mark asked about is one byte: tested as it is,
        // without a `str` slice's char boundary checks.
        TokenKind::Punctuation => match text.as_bytes()[t.span.range()] {
            [b] => matches!(b, b'.' | b'?' | b'!'),
            _ => is_terminator(&text[t.span]),
        },
        TokenKind::Word => t.span.len() > 1 && text.as_bytes()[t.span.end - 1] == b'.',
        _ => false,
    }
}

/// Splits `text` into tokens, one run of non-space characters at a time,
/// in the (empty) vectors of `into`.
pub(super) fn tokenize(text: &str, into: Tokens) -> Tokens {
    let Tokens {
        mut tokens,
        unplain,
        mut stops,
        mut lines,
    } = into;
    // English news averages five or six bytes a token; one more allocation
    // costs more than the room to spare.
    tokens.reserve(text.len() / 4);
    // About one sentence or line end every sixty bytes, one line end every
    // hundred and twenty, in news.
    stops.reserve(text.len() / 32);
    lines.reserve(text.len() / 64);
    let mut t = Tokenizer {
        text,
        // Room for the segments of all but the oddest runs.
        segs: Vec::with_capacity(16),
        next_run: 0,
        tokens,
        unplain,
        stops,
        open_single: false,
    };
    let mut alnum = AlnumMap::new();
    let mut i = gap(text, 0).0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let word_end;
        (i, word_end) = spaced_words(bytes, i, &mut t.tokens, &mut alnum);
        let (end, shape) = t.run(i, word_end);
        let (next, breaks, space_after) = short_gap(text, end).unwrap_or_else(|| gap(text, end));
        // Each run tells which of its tokens are unplain (see
        // `Layout::unplain`) from its shape, but for segments, which are
        // read: runs of ASCII letters and digits, and a mark other than a
        // hyphen at most, make none.
        match shape {
            Run::Word => t.push(i, end, word_kind(bytes[i])),
            Run::WordMark => t.word_mark(i, end, next),
            Run::Closed(quote) => {
                if quote > word_end {
                    t.word_mark(i, quote, quote);
                } else {
                    t.push(i, quote, word_kind(bytes[i]));
                }
                t.push(quote, end, TokenKind::Quote);
                if bytes[quote] != b'"' {
                    t.last_unplain();
                }
            }
            Run::Contraction(apostrophe) => t.contraction(i, apostrophe, end),
            Run::Initialism => {
                t.push(i, end, TokenKind::Word);
                t.stops.push(t.tokens.len() - 1);
            }
            Run::Hyphenated => t.hyphenated(i, end),
            Run::Opened(mark, kind) => {
                t.push(i, i + mark, kind);
                // The mark is `"`, `(` or `“`.
                if mark > 1 {
                    t.last_unplain();
                }
                t.push(i + mark, end, word_kind(bytes[i + mark]));
            }
            Run::Marks => {
                for (o, c) in text[i..end].char_indices() {
                    t.push(i + o, i + o + c.len_utf8(), kind_of_mark(c));
                    if matches!(c, '?' | '!') {
                        t.stops.push(t.tokens.len() - 1);
                    }
                    if c == '-' || !c.is_ascii() {
                        t.last_unplain();
                    }
                }
            }
            Run::Segments => {
                t.next_run = next;
                let first = t.tokens.len();
                let mut k = 0;
                while k < t.segs.len() {
                    k = t.token(k);
                }
                for n in first..t.tokens.len() {
                    let token = &t.tokens[n];
                    if may_stop(text, token) {
                        t.stops.push(n);
                    }
                    if !plain_ascii(&bytes[token.span.range()]) {
                        t.unplain.push(n);
                    }
                }
            }
        }
        if let Some(last) = t.tokens.last_mut() {
            last.space_after = space_after;
        }
        if breaks > 0 {
            t.open_single = false;
            let last = t.tokens.len() - 1;
            if t.stops.last() != Some(&last) {
                t.stops.push(last);
            }
            lines.push((last, breaks));
        }
        i = next;
    }
    Tokens {
        tokens: t.tokens,
        unplain: t.unplain,
        stops: t.stops,
        lines,
    }
}

/// What a run of non-space chars is made of.
#[derive(Clone, Copy)]
enum Run {
    /// ASCII letters and digits alone, the commonest run: one token whatever
    /// follows, and no segments to make.
    Word,
    /// ASCII letters and digits, then one mark that cannot join anything
    /// ("said,", "Sunday.", "why?"): the next commonest run, two tokens or an
    /// abbreviation, and no segments to make either.
    WordMark,
    /// A [`Run::Word`] or [`Run::WordMark`], then a closing `"` or `”`
    /// ("said,”", "war”"): every char a segment of its own under UAX #29,
    /// and the quotation mark a token of its own. Holds where the mark
    /// starts.
    Closed(usize),
    /// ASCII letters and digits with one apostrophe (`'` or `’`) inside,
    /// between letters ("Russia’s", "don't"): one segment under UAX #29, so
    /// no segments to make. Holds where the apostrophe starts.
    Contraction(usize),
    /// Single ASCII letters each followed by a period, two or more ("U.S.",
    /// "p.m."): an initialism, one word with its final period, that may end
    /// a sentence.
    Initialism,
    /// ASCII letters and digits joined by single hyphens ("pro-Kiev",
    /// "26-second"): hyphens are segments of their own under UAX #29, and
    /// tokens of their own here.
    Hyphenated,
    /// An opening quotation mark (`"`, `“`) or bracket, then ASCII letters
    /// and digits ("“We", "(AP"): two segments under UAX #29. Holds the
    /// mark's length and kind.
    Opened(usize, TokenKind),
    /// Marks that are tokens of their own wherever they stand ("—", "--",
    /// "?!"): one segment each under UAX #29, and nothing to join.
    Marks,
    /// Anything else, cut into segments.
    Segments,
}

/// Whether a run of ASCII letters and digits is a number or a word, by its
/// first byte: one load from a table, for the tokens of the word loop of
/// [`spaced_words`], rather than the tests of a digit.
fn word_kind(first: u8) -> TokenKind {
    WORD_KINDS[usize::from(first)]
}

/// [`word_kind`] of every byte.
const WORD_KINDS: [TokenKind; 256] = {
    let mut table = [TokenKind::Word; 256];
    let mut b = b'0';
    while b <= b'9' {
        table[b as usize] = TokenKind::Number;
        b += 1;
    }
    table
};

/// Whether `b` ends a [`Run::WordMark`]: under UAX #29 these marks join a
/// word only to more of it.
fn is_lone_mark(b: u8) -> bool {
    matches!(b, b',' | b'.' | b';' | b':' | b'?' | b'!' | b')' | b'"')
}

/// The length of the char at `i` if it is a [`Run::Marks`] mark: ASCII
/// punctuation and symbols but the ones that join or pair (`.`, `'`, `` ` ``,
/// `_`), and the dashes and double quotation marks of news text.
fn solo_mark_len(bytes: &[u8], i: usize) -> Option<usize> {
    match *bytes.get(i)? {
        b'!' | b'"' | b'#' | b'$' | b'%' | b'&' | b'(' | b')' | b'*' | b'+' | b',' | b'-'
        | b'/' | b':' | b';' | b'<' | b'=' | b'>' | b'?' | b'@' | b'[' | b'\\' | b']' | b'^'
        | b'{' | b'|' | b'}' | b'~' => Some(1),
        0xE2 if matches!(
            bytes.get(i + 1..i + 3),
            Some([0x80, 0x93 | 0x94 | 0x9C | 0x9D])
        ) =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// Whether byte `i` is the end of the text, ASCII whitespace, or a no-break
/// space, the one other space common in news (a run before one is no
/// different from a run before a space).
fn ends_run(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        None => true,
        Some(&b) if b < 0x80 => ASCII_CLASS[usize::from(b)] == Class::Space,
        Some(_) => bytes[i..].starts_with("\u{A0}".as_bytes()),
    }
}

/// Makes the tokens of the runs from `i` on that are [`Run::Word`]s, or words
/// and a comma, with one space after them and a printable ASCII char after
/// that, most of English news. Such a run needs no segments, and its gap
/// neither decoding nor counting. Returns where the first other run starts, and
/// [`simple_word_end`] from there.
fn spaced_words(
    bytes: &[u8],
    mut i: usize,
    tokens: &mut Vec<Token>,
    alnum: &mut AlnumMap,
) -> (usize, usize) {
    loop {
        let end = alnum.word_end(bytes, i);
        let spaced = end > i
            && bytes.get(end) == Some(&b' ')
            && bytes.get(end + 1).is_some_and(|b| (0x21..0x80).contains(b));
        // The next commonest run: a word and a comma ("said, "), a
        // [`Run::WordMark`] whose mark never stops a sentence.
        let comma = || {
            end > i
                && bytes.get(end..end + 2) == Some(b", ")
                && bytes.get(end + 2).is_some_and(|b| (0x21..0x80).contains(b))
        };
        if spaced {
            tokens.push(Token {
                span: Span::new(i, end),
                kind: word_kind(bytes[i]),
                space_after: Spacing::Space,
            });
            i = end + 1;
        } else if comma() {
            tokens.push(Token {
                span: Span::new(i, end),
                kind: word_kind(bytes[i]),
                space_after: Spacing::None,
            });
            tokens.push(Token {
                span: Span::new(end, end + 1),
                kind: TokenKind::Punctuation,
                space_after: Spacing::Space,
            });
            i = end + 2;
        } else {
            return (i, end);
        }
        // Words each followed by one space and another word, three in four
        // words of news, come straight from the map: every byte that is
        // not a letter or digit, up to the first that is no lone gap
        // between two words, need only be a space.
        alnum.load(bytes, i);
        let at = i % 64;
        let breaks = alnum.breaks >> at;
        let mut gaps = (alnum.gaps >> at) & (breaks & breaks.wrapping_neg()).wrapping_sub(1);
        while gaps != 0 {
            let gap = i + gaps.trailing_zeros() as usize;
            if bytes[gap] != b' ' {
                break;
            }
            tokens.push(Token {
                span: Span::new(i, gap),
                kind: word_kind(bytes[i]),
                space_after: Spacing::Space,
            });
            gaps >>= gap + 1 - i;
            i = gap + 1;
        }
    }
}

/// Which bytes of one 64-byte block of the text are not ASCII letters or
/// digits, for [`spaced_words`]: one pass over a block serves its ten or so
/// words, and the end of each is then a shift and a count. Finding each end
/// from its start instead makes every word wait for the loads and tests of
/// the one before.
struct AlnumMap {
    /// The block `ends` describes, bytes `64 * block..64 * (block + 1)`.
    block: usize,
    /// Bit `n` set when byte `64 * block + n` is not an ASCII letter or digit,
    /// or is past the end of the text.
    ends: u64,
    /// The bits of `ends` between two clear bits: one byte between two
    /// words. The first and last bit of a block are never set.
    gaps: u64,
    /// The bits of `ends` not in `gaps`.
    breaks: u64,
}

impl AlnumMap {
    fn new() -> AlnumMap {
        AlnumMap {
            block: usize::MAX,
            ends: 0,
            gaps: 0,
            breaks: 0,
        }
    }

    /// Makes the map describe the block of byte `i`.
    #[inline(always)]
    fn load(&mut self, bytes: &[u8], i: usize) {
        let block = i / 64;
        if block != self.block {
            self.block = block;
            self.ends = block_ends(bytes, 64 * block);
            let words = !self.ends;
            self.gaps = self.ends & (words << 1) & (words >> 1);
            self.breaks = self.ends & !self.gaps;
        }
    }

    /// [`simple_word_end`] from `i`, by the blocks.
    fn word_end(&mut self, bytes: &[u8], mut i: usize) -> usize {
        loop {
            self.load(bytes, i);
            let rest = self.ends >> (i % 64);
            if rest != 0 {
                return i + rest.trailing_zeros() as usize;
            }
            i = 64 * (self.block + 1);
        }
    }
}

/// [`AlnumMap::ends`] for the block starting at byte `start`.
///
/// Out of line: inlined, it crowds the word loop of [`spaced_words`] out of
/// registers.
#[inline(never)]
fn block_ends(bytes: &[u8], start: usize) -> u64 {
    let of_block = |block: &[u8; 64]| {
        // A byte a flag first, in a loop the compiler turns into SIMD
        // compares sixteen bytes a step; then the flags of eight bytes at a
        // time gathered into one byte of the map: flag `k` of a word (bit
        // `8k`) lands on bit `56 + k` of the product, and no sum carries
        // into those bits.
        let mut flags = [0u8; 64];
        for (flag, &b) in flags.iter_mut().zip(block) {
            *flag = u8::from(!is_alphanumeric(b));
        }
        flags
            .chunks_exact(8)
            .enumerate()
            .fold(0, |ends, (n, chunk)| {
                let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                ends | (word.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * n)
            })
    };
    if let Some(block) = bytes.get(start..start + 64) {
        return of_block(block.try_into().expect("64 bytes"));
    }
    // The text's last block: past its end, spaces, which end any word.
    let mut block = [b' '; 64];
    let tail = bytes.get(start..).unwrap_or_default();
    block[..tail.len()].copy_from_slice(tail);
    of_block(&block)
}

/// `b.is_ascii_alphanumeric()` with one comparison, so that [`block_ends`]
/// vectorises: a letter's offset from `a` once case is folded, or a digit's
/// from `0` moved up to 16..26 (the saturating add keeps bytes below `0`
/// from wrapping into that range), is below 26 exactly when it is one.
fn is_alphanumeric(b: u8) -> bool {
    let letter = (b | 0x20).wrapping_sub(b'a');
    let digit = b.wrapping_sub(b'0').saturating_add(16);
    letter.min(digit) < 26
}

/// The end of the ASCII letters and digits from `i` on.
///
/// Most words end inside the first eight bytes, so it looks at eight bytes
/// at a time.
fn simple_word_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let stops = not_alphanumeric(word);
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| !b.is_ascii_alphanumeric())
        .map_or(bytes.len(), |n| i + n)
}

/// The high bit of each byte of `word` that is not an ASCII letter or digit.
fn not_alphanumeric(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Clearing the high bits keeps every byte sum below 0x100, so no carry
    // crosses into the next byte; bytes that had the high bit are not ASCII.
    let low = word & !HIGH;
    // The high bit of each byte of `x` in `lo..=hi`.
    let within = |x: u64, lo: u64, hi: u64| (x + (0x80 - lo) * ONES) & !(x + (0x7F - hi) * ONES);
    let digits = within(low, 0x30, 0x39);
    // Setting bit 5 maps capitals onto lowercase letters and nothing else
    // onto them.
    let letters = within(low | (0x20 * ONES), 0x61, 0x7A);
    !((digits | letters) & !word) & HIGH
}

/// Splits words that UAX #29 joins across a period missing its space
/// ("home.The" is `home`, `.`, `The`): a lowercase letter ending a word of
/// two letters or more, then a capital and a lowercase letter. Initialisms
/// ("U.S", "Ph.D") and domain names ("bbc.com") keep their shape.
fn unglue(text: &str, segs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(segs.len() + 2);
    for &(s, e) in segs {
        let mut start = s;
        let mut p = s;
        while p < e {
            let glued = b[p] == b'.'
                && p >= start + 2
                && p + 2 < e
                && b[p - 2].is_ascii_alphabetic()
                && b[p - 1].is_ascii_lowercase()
                && b[p + 1].is_ascii_uppercase()
                && b[p + 2].is_ascii_lowercase();
            if glued {
                out.push((start, p));
                out.push((p, p + 1));
                start = p + 1;
            }
            p += 1;
        }
        out.push((start, e));
    }
    out
}

/// The char at byte `i` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (char::REPLACEMENT_CHARACTER, 1),
    }
}

/// The end of the run of non-space chars starting at `i`.
fn run_end(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if is_space(c) {
            break;
        }
        i += len;
    }
    i
}

/// UAX #29 word-break classes, as far as the fast path needs them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet: joins letters and digits on both sides.
    Underscore,
    /// MidLetter: joins letter to letter.
    MidLetter,
    /// MidNum: joins digit to digit.
    MidNum,
    /// MidNumLet (and Single_Quote): joins letter to letter, digit to digit.
    MidNumLet,
    /// Any other char the fast path knows: a segment of its own.
    Other,
    /// Whitespace: ends the run.
    Space,
    /// A char the fast path leaves to `unicode-segmentation`.
    Unknown,
}

const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b',' | b';' => Class::MidNum,
            b'.' | b'\'' => Class::MidNumLet,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Class::Space,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// The class of the char at byte `i`, and its length. Besides ASCII, the
/// fast path knows the non-ASCII chars common in English news: curly
/// apostrophes, quotation marks, dashes, the ellipsis, bullets, currency
/// signs, and whitespace.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (ASCII_CLASS[usize::from(b)], 1);
    }
    let (c, len) = char_at(text, i);
    let class = match c {
        '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        '\u{201C}'
        | '\u{201D}'
        | '\u{201E}'
        | '\u{201F}'
        | '\u{AB}'
        | '\u{BB}'
        | '\u{2039}'
        | '\u{203A}'
        | '\u{2010}'..='\u{2015}'
        | '\u{2026}'
        | '\u{2022}'
        | '\u{20AC}'
        | '\u{A3}'
        | '\u{A5}'
        | '\u{B0}' => Class::Other,
        c if is_space(c) => Class::Space,
        _ => Class::Unknown,
    };
    (class, len)
}

#[inline]
fn is_word_class(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Underscore)
}

/// UAX #29 word segmentation of the run starting at `i`, by classes alone:
/// letters, digits and underscores join (WB5, WB8-10, WB13); a MidLetter or
/// MidNumLet between letters (WB6-7) and a MidNum or MidNumLet between
/// digits (WB11-12) join too; every other char is a segment of its own
/// (WB999). Returns the end of the run and whether a period joined a
/// capital letter (a case for [`unglue`]), or `None` when the run holds a
/// char of unknown class.
fn fast_segments(text: &str, mut i: usize, out: &mut Vec<(usize, usize)>) -> Option<(usize, bool)> {
    let n = text.len();
    let mut capital_after_period = false;
    while i < n {
        let start = i;
        let (mut last, len) = class_at(text, i);
        match last {
            Class::Space => break,
            Class::Unknown => return None,
            _ => i += len,
        }
        if is_word_class(last) {
            while i < n {
                let (c, len) = class_at(text, i);
                if is_word_class(c) {
                    last = c;
                    i += len;
                    continue;
                }
                if c == Class::Unknown {
                    return None;
                }
                if !matches!(c, Class::MidLetter | Class::MidNum | Class::MidNumLet) || i + len >= n
                {
                    break;
                }
                let (after, after_len) = class_at(text, i + len);
                let joins = match (last, after) {
                    (_, Class::Unknown) => return None,
                    (Class::Letter, Class::Letter) => c != Class::MidNum,
                    (Class::Digit, Class::Digit) => c != Class::MidLetter,
                    _ => false,
                };
                if !joins {
                    break;
                }
                capital_after_period |=
                    text.as_bytes()[i] == b'.' && text.as_bytes()[i + len].is_ascii_uppercase();
                last = after;
                i += len + after_len;
            }
        }
        out.push((start, i));
    }
    Some((i, capital_after_period))
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

/// The kind of a token that is one mark, `c`, or starts with it.
fn kind_of_mark(c: char) -> TokenKind {
    if is_quote_char(c) {
        TokenKind::Quote
    } else if is_punct(c) {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    }
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

#[inline]
fn is_wordlike(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn is_apostrophe(s: &[u8]) -> bool {
    s == b"'" || s == "\u{2019}".as_bytes()
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
    /// The segments of the current run.
    segs: Vec<(usize, usize)>,
    /// Where the next run starts (the text's length after the last).
    next_run: usize,
    tokens: Vec<Token>,
    /// See [`Tokens::unplain`].
    unplain: Vec<usize>,
    /// See [`Tokens::stops`].
    stops: Vec<usize>,
    /// Whether a single quotation mark opened on this line is still open, so
    /// that a word-final apostrophe is read as its closing mark.
    open_single: bool,
}

impl Tokenizer<'_> {
    /// Finds the run of non-space chars starting at `i` and what it is made
    /// of, cutting it into segments only for [`Run::Segments`]. `end` is
    /// [`simple_word_end`] from `i`. Returns the
    /// run's end and its shape.
    fn run(&mut self, i: usize, end: usize) -> (usize, Run) {
        let text = self.text;
        let bytes = text.as_bytes();
        if end > i {
            if ends_run(bytes, end) {
                return (end, Run::Word);
            }
            let mark = usize::from(is_lone_mark(bytes[end]));
            if mark == 1 && ends_run(bytes, end + 1) {
                return (end + 1, Run::WordMark);
            }
            let quote = end + mark;
            let quote_len = match bytes.get(quote) {
                Some(b'"') => 1,
                Some(0xE2) if bytes[quote..].starts_with("\u{201D}".as_bytes()) => 3,
                _ => 0,
            };
            if quote_len > 0 && ends_run(bytes, quote + quote_len) {
                return (quote + quote_len, Run::Closed(quote));
            }
            // Under UAX #29 "U.S." is `U.S` and `.`; the word takes the
            // period, as an initialism's.
            if end == i + 1 && bytes[end] == b'.' && bytes[i].is_ascii_alphabetic() {
                let mut j = end + 1;
                while bytes.get(j).is_some_and(u8::is_ascii_alphabetic)
                    && bytes.get(j + 1) == Some(&b'.')
                {
                    j += 2;
                }
                if j > end + 1 && ends_run(bytes, j) {
                    return (j, Run::Initialism);
                }
            }
            let joins_hyphen = |at: usize| {
                bytes.get(at) == Some(&b'-')
                    && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
            };
            if joins_hyphen(end) {
                let mut run_end = end;
                while joins_hyphen(run_end) {
                    run_end = simple_word_end(bytes, run_end + 1);
                }
                if ends_run(bytes, run_end) {
                    return (run_end, Run::Hyphenated);
                }
            }
            let apostrophe = match bytes[end] {
                b'\'' => 1,
                0xE2 if bytes[end..].starts_with("\u{2019}".as_bytes()) => 3,
                _ => 0,
            };
            let after = end + apostrophe;
            if apostrophe > 0
                && bytes[i].is_ascii_alphabetic()
                && bytes[end - 1].is_ascii_alphabetic()
                && bytes.get(after).is_some_and(u8::is_ascii_alphabetic)
            {
                let run_end = simple_word_end(bytes, after);
                if ends_run(bytes, run_end) {
                    return (run_end, Run::Contraction(end));
                }
            }
        }
        if end == i {
            let mut j = i;
            while let Some(len) = solo_mark_len(bytes, j) {
                j += len;
            }
            if j > i && ends_run(bytes, j) {
                return (j, Run::Marks);
            }
        }
        let opener = match bytes[i] {
            b'"' => Some((1, TokenKind::Quote)),
            b'(' => Some((1, TokenKind::Punctuation)),
            0xE2 if bytes[i..].starts_with("\u{201C}".as_bytes()) => Some((3, TokenKind::Quote)),
            _ => None,
        };
        if let Some((mark, kind)) = opener {
            let end = simple_word_end(bytes, i + mark);
            if end > i + mark && ends_run(bytes, end) {
                return (end, Run::Opened(mark, kind));
            }
        }
        self.segs.clear();
        let (end, capital_after_period) = match fast_segments(text, i, &mut self.segs) {
            Some(found) => found,
            None => {
                self.segs.clear();
                let end = run_end(text, i);
                self.segs.extend(
                    text[i..end]
                        .split_word_bound_indices()
                        .map(|(o, s)| (i + o, i + o + s.len())),
                );
                (end, text[i..end].contains('.'))
            }
        };
        if capital_after_period {
            self.segs = unglue(text, &self.segs);
        }
        (end, Run::Segments)
    }

    /// Makes the tokens of a [`Run::Contraction`] from `start` to `end`, its
    /// apostrophe at `apostrophe`: a possessive or contracted `’s` is split
    /// off, as [`Tokenizer::word`] does.
    fn contraction(&mut self, start: usize, apostrophe: usize, end: usize) {
        let bytes = self.text.as_bytes();
        // The apostrophe is `'` or `’`, one byte or three.
        let mark = if bytes[apostrophe] == b'\'' { 1 } else { 3 };
        if end == apostrophe + mark + 1 && matches!(bytes[end - 1], b's' | b'S') {
            self.push(start, apostrophe, TokenKind::Word);
            self.push(apostrophe, end, TokenKind::Clitic);
        } else {
            self.push(start, end, TokenKind::Word);
        }
        // The last token holds the apostrophe.
        if mark > 1 {
            self.last_unplain();
        }
    }

    /// Makes the tokens of a [`Run::Hyphenated`] from `start` to `end`.
    fn hyphenated(&mut self, mut start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        loop {
            let word_end = simple_word_end(bytes, start);
            self.push(start, word_end, word_kind(bytes[start]));
            if word_end == end {
                return;
            }
            self.push(word_end, word_end + 1, TokenKind::Punctuation);
            self.last_unplain();
            start = word_end + 1;
        }
    }

    /// Makes the tokens of a [`Run::WordMark`], or of the word and mark of a
    /// [`Run::Closed`], ending at `end`; whatever follows starts at `next`.
    fn word_mark(&mut self, start: usize, end: usize, next: usize) {
        let bytes = self.text.as_bytes();
        let mark = end - 1;
        let mark_byte = bytes[mark];
        let kind = word_kind(bytes[start]);
        // Most words before a period have no abbreviation's shape, and
        // need neither a slice of the text nor a lookup.
        if mark_byte == b'.'
            && kind == TokenKind::Word
            && (mark == start + 1 || WORDS.may_be_abbreviation(&bytes[start..mark]))
            && self.is_plain_abbreviation(&self.text[start..mark], next)
        {
            self.push(start, end, TokenKind::Word);
            self.stops.push(self.tokens.len() - 1);
            return;
        }
        // The mark is ASCII (see `is_lone_mark`): `"` is its one quotation
        // mark.
        let mark_kind = if mark_byte == b'"' {
            TokenKind::Quote
        } else {
            TokenKind::Punctuation
        };
        self.tokens.extend_from_slice(&[
            Token {
                span: Span::new(start, mark),
                kind,
                space_after: Spacing::None,
            },
            Token {
                span: Span::new(mark, end),
                kind: mark_kind,
                space_after: Spacing::None,
            },
        ]);
        if matches!(mark_byte, b'.' | b'?' | b'!') {
            self.stops.push(self.tokens.len() - 1);
        }
    }

    fn seg(&self, k: usize) -> &str {
        self.segs.get(k).map_or("", |&(s, e)| &self.text[s..e])
    }

    /// [`Tokenizer::seg`] as bytes, for comparing without a `str` slice's
    /// char boundary checks.
    fn seg_bytes(&self, k: usize) -> &[u8] {
        self.segs
            .get(k)
            .map_or(&[], |&(s, e)| &self.text.as_bytes()[s..e])
    }

    /// Whether segment `k + 1` exists and touches segment `k`.
    fn touches_next(&self, k: usize) -> bool {
        k + 1 < self.segs.len() && self.segs[k].1 == self.segs[k + 1].0
    }

    /// Records the last token made as unplain: out of line, as few are, so
    /// that the loop over runs keeps its state in registers.
    #[inline(never)]
    fn last_unplain(&mut self) {
        self.unplain.push(self.tokens.len() - 1);
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
        let first = self.text.as_bytes()[s];
        if first.is_ascii_alphanumeric() || first == b'_' {
            return self.word(k);
        }
        let seg = self.seg(k);
        // Quotation marks and dashes are far commoner here than letters
        // outside ASCII, and cheaper to rule out.
        if first >= 0x80
            && !seg.starts_with(|c| is_quote_char(c) || is_punct(c))
            && is_wordlike(seg)
        {
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
        let kind = seg.chars().next().map_or(TokenKind::Symbol, kind_of_mark);
        self.push(s, e, kind);
        k + 1
    }

    fn word(&mut self, k: usize) -> usize {
        let (s, e) = self.segs[k];
        let bytes = self.text.as_bytes();
        let numeric = match bytes[s] {
            b if b < 0x80 => b.is_ascii_digit(),
            _ => char_at(self.text, s).0.is_numeric(),
        };
        let kind = if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let ends_in_s = matches!(bytes[e - 1], b's' | b'S');
        if !numeric && ends_in_s {
            if let Some(n) = clitic_s(&self.text[s..e]) {
                self.push(s, s + n, TokenKind::Word);
                self.push(s + n, e, TokenKind::Clitic);
                return k + 1;
            }
        }
        // Most words end their run; the rest may take what touches them.
        if numeric || !self.touches_next(k) {
            self.push(s, e, kind);
            return k + 1;
        }
        // A word-final apostrophe, not followed by more of the word.
        if is_apostrophe(self.seg_bytes(k + 1))
            && !(self.touches_next(k + 1) && is_wordlike(self.seg(k + 2)))
            && !self.open_single
        {
            let end = self.segs[k + 1].1;
            if ends_in_s {
                self.push(s, e, kind);
                self.push(e, end, TokenKind::Clitic);
            } else {
                self.push(s, end, kind);
            }
            return k + 2;
        }
        // The number after a "No." may follow in this run ("No.10") or the
        // next.
        let after_period = self.segs.get(k + 2).map_or(self.next_run, |&(s, _)| s);
        if self.seg_bytes(k + 1) == b"."
            && !(self.touches_next(k + 1) && self.seg_bytes(k + 2) == b".")
            && self.is_abbreviation(&self.text[s..e], after_period)
        {
            self.push(s, self.segs[k + 1].1, TokenKind::Word);
            return k + 2;
        }
        self.push(s, e, kind);
        k + 1
    }

    /// Whether word `w`, followed by a period and then by whatever starts at
    /// byte `next`, is an abbreviation.
    fn is_abbreviation(&self, w: &str, next: usize) -> bool {
        if let Some(listed) = self.listed_abbreviation(w, next) {
            return listed;
        }
        // Most words before a period are ASCII words, neither a lone
        // capital nor an initialism. An initialism whose first char is
        // ASCII has its first period within six bytes.
        let b = w.as_bytes();
        if b.len() > 1 && b[0].is_ascii() && !b[1..b.len().min(6)].contains(&b'.') {
            return false;
        }
        let mut chars = w.chars();
        let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        single_capital || is_initialism(w)
    }

    /// [`Tokenizer::is_abbreviation`] for a word of ASCII letters and
    /// digits, which is no initialism.
    fn is_plain_abbreviation(&self, w: &str, next: usize) -> bool {
        self.listed_abbreviation(w, next)
            .unwrap_or_else(|| matches!(w.as_bytes(), [b] if b.is_ascii_uppercase()))
    }

    /// Whether word `w` is an abbreviation by the lists, if they have it.
    fn listed_abbreviation(&self, w: &str, next: usize) -> Option<bool> {
        Some(match WORDS.abbreviation(w)? {
            Abbrev::Title | Abbrev::Any => true,
            Abbrev::Number => self
                .text
                .as_bytes()
                .get(next)
                .is_some_and(u8::is_ascii_digit),
        })
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
                    if self.touches_next(k + 1) && is_apostrophe(self.seg_bytes(k + 2)) {
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
    // Marks are told apart by their bytes: a `str` slice's char boundary
    // checks cost more than the tests.
    let bytes = |t: &Token| &text.as_bytes()[t.span.range()];
    let s = bytes(&tokens[i]);
    if is_opening_mark(s) {
        return true;
    }
    let closing = ["\u{201D}", "\u{BB}", "\u{203A}", "''"];
    if closing.iter().any(|m| m.as_bytes() == s) {
        return false;
    }
    let spaced_before = i == 0
        || tokens[i - 1].space_after != Spacing::None
        || matches!(bytes(&tokens[i - 1]), b"(" | b"[" | b"{")
        || is_opening_mark(bytes(&tokens[i - 1]));
    spaced_before && tokens[i].space_after == Spacing::None && i + 1 < tokens.len()
}

/// Whether `s` is a quotation mark that only ever opens, in English
/// typography: `“` `‘` `„` `‟` `‚` `‛` `«` `‹` and PTB ``` `` ```.
fn is_opening_mark(s: &[u8]) -> bool {
    match s {
        // All but `«` are general punctuation, U+2018..U+2039, which
        // UTF-8 writes E2 80 and a byte from 0x98 on.
        [0xE2, 0x80, last] => matches!(last, 0x98 | 0x9A | 0x9B | 0x9C | 0x9E | 0x9F | 0xB9),
        _ => s == "\u{AB}".as_bytes() || s == b"``",
    }
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
        assert_eq!(
            fast_segments(text, 0, &mut out).map(|f| f.0),
            Some(text.len())
        );
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
    fn lone_marks_join_no_word_at_the_end_of_a_run() {
        for mark in [',', '.', ';', ':', '?', '!', ')', '"'] {
            assert!(is_lone_mark(mark as u8));
            for word in ["ab", "A", "12", "a1"] {
                let text = format!("{word}{mark}");
                let n = word.len();
                assert_eq!(uax29(&text), [(0, n), (n, n + 1)], "{text:?}");
            }
        }
    }

    fn byte_loop(bytes: &[u8], mut i: usize) -> usize {
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        i
    }

    #[test]
    fn simple_word_end_is_the_byte_loop() {
        for b in 0..=u8::MAX {
            for at in 0..12 {
                let mut bytes = *b"ab09zAZ1abcdefghijklmn";
                bytes[at] = b;
                for start in [0, 1, 3] {
                    assert_eq!(
                        simple_word_end(&bytes, start),
                        byte_loop(&bytes, start),
                        "{b:#x} at {at} from {start}"
                    );
                }
            }
        }
    }

    #[test]
    fn alnum_map_is_the_byte_loop() {
        let mut text = [b'a'; 200];
        for (n, b) in text.iter_mut().enumerate() {
            *b += (n % 26) as u8;
        }
        // Every byte at each place of a block, the block's neighbours seen
        // first or not at all.
        for b in 0..=u8::MAX {
            for at in [0, 1, 7, 8, 62, 63, 64, 65, 127, 128] {
                let mut bytes = text;
                bytes[at] = b;
                for start in [0, at.saturating_sub(1), at, 66] {
                    let found = AlnumMap::new().word_end(&bytes, start);
                    assert_eq!(
                        found,
                        byte_loop(&bytes, start),
                        "{b:#x} at {at} from {start}"
                    );
                }
            }
        }
        // Texts ending in and after a block, every start in order, as the
        // tokenizer asks.
        for len in [0, 1, 9, 63, 64, 65, 127, 128, 129, 200] {
            let mut bytes = text;
            for at in (0..len).step_by(23) {
                bytes[at] = b' ';
            }
            let bytes = &bytes[..len];
            let mut map = AlnumMap::new();
            for i in 0..=len {
                assert_eq!(
                    map.word_end(bytes, i),
                    byte_loop(bytes, i),
                    "{len} from {i}"
                );
            }
        }
    }

    #[test]
    fn is_alphanumeric_is_std() {
        for b in 0..=u8::MAX {
            assert_eq!(is_alphanumeric(b), b.is_ascii_alphanumeric(), "{b:#x}");
        }
    }

    #[test]
    fn line_breaks_counts_crlf_once() {
        let breaks = |text: &str| gap(text, 0).1;
        assert_eq!(breaks("\r\n"), 1);
        assert_eq!(breaks("\r\n \r\n"), 2);
        assert_eq!(breaks("\r\r"), 2);
        assert_eq!(breaks(" \u{2029}"), 2);
        assert_eq!(breaks(" \t"), 0);
        assert_eq!(breaks("\u{0B}\u{0C}\r\n\n"), 4);
        assert_eq!(breaks("\n\u{A0}\r\u{2028}\n"), 4);
        assert_eq!(gap("\u{FEFF}\u{200B}x", 0), (6, 0, Spacing::None));
        assert_eq!(gap(" \u{A0}x", 0), (3, 0, Spacing::Space));
        assert_eq!(gap("\r\n\r\nx", 0), (4, 2, Spacing::LineBreak));
    }

    #[test]
    fn short_gaps_are_gaps() {
        let gaps = [" ", "\n\n", "\n", "  ", " \n", "\n\n\n", "\r\n", "\t"];
        let after = [
            "", "a", ".", " ", "\n", "\u{A0}", "\u{2003}", "\u{FEFF}", "\u{201C}", "\u{E9}",
        ];
        for gap_text in gaps {
            for next in after {
                let text = format!("x{gap_text}{next}");
                if let Some(short) = short_gap(&text, 1) {
                    assert_eq!(short, gap(&text, 1), "{text:?}");
                }
            }
        }
        assert_eq!(short_gap("x \u{201C}", 1), Some((2, 0, Spacing::Space)));
        assert_eq!(short_gap("x\n\nA", 1), Some((3, 2, Spacing::LineBreak)));
        assert_eq!(short_gap("x \u{A0}", 1), None);
    }

    #[test]
    fn opening_marks_are_the_ones_that_only_open() {
        let opening = [
            "\u{201C}", "\u{2018}", "\u{201E}", "\u{201F}", "\u{201A}", "\u{201B}", "\u{AB}",
            "\u{2039}", "``",
        ];
        let others = (0x2000..0x2070)
            .chain([0xBB, 0xAB, 0x22, 0x27, 0x60])
            .filter_map(char::from_u32)
            .map(String::from)
            .chain(["''".to_string(), "`".to_string(), "\u{201C}x".to_string()]);
        for mark in others.chain(opening.map(String::from)) {
            assert_eq!(
                is_opening_mark(mark.as_bytes()),
                opening.contains(&mark.as_str()),
                "{mark:?}"
            );
        }
    }

    #[test]
    fn solo_marks_are_what_their_chars_say() {
        for b in 0..=u8::MAX {
            let Some(1) = solo_mark_len(&[b], 0) else {
                continue;
            };
            assert!(b.is_ascii_punctuation() && !b"._'`".contains(&b), "{b:#x}");
        }
        for c in ['\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}'] {
            assert_eq!(solo_mark_len(c.to_string().as_bytes(), 0), Some(3), "{c:?}");
        }
        for c in ['\u{2019}', '\u{2018}', '\u{2026}', '\u{2022}'] {
            assert_eq!(solo_mark_len(c.to_string().as_bytes(), 0), None, "{c:?}");
        }
    }

    /// The tokens and stops of `text`, one run, by the segments path alone.
    fn by_segments(text: &str) -> (Vec<Token>, Vec<usize>) {
        let mut t = Tokenizer {
            text,
            segs: uax29(text),
            next_run: text.len(),
            tokens: Vec::new(),
            unplain: Vec::new(),
            stops: Vec::new(),
            open_single: false,
        };
        t.segs = unglue(text, &t.segs);
        let mut k = 0;
        while k < t.segs.len() {
            k = t.token(k);
        }
        let stops = (0..t.tokens.len())
            .filter(|&n| may_stop(text, &t.tokens[n]))
            .collect();
        (t.tokens, stops)
    }

    #[test]
    fn runs_end_at_no_break_spaces_as_at_spaces() {
        let runs = [
            "said",
            "said.",
            "Gov.",
            "No.",
            "5.",
            "why?",
            "U.S.",
            "pro-Kiev",
            "Russia’s",
            "don't",
            "“We",
            "(AP",
            "war”",
            "said,”",
            "—",
            "a.b",
            "J.",
        ];
        for run in runs {
            let text = format!("{run}\u{A0}No. 5");
            let tokens = tokenize(&text, Tokens::default()).tokens;
            let (segmented, _) = by_segments(run);
            let spans = |tokens: &[Token]| -> Vec<_> {
                tokens
                    .iter()
                    .map(|t| (t.span.start, t.span.end, t.kind))
                    .collect()
            };
            assert_eq!(
                spans(&tokens[..segmented.len()]),
                spans(&segmented),
                "{run:?}"
            );
            assert_eq!(
                tokens[segmented.len() - 1].space_after,
                Spacing::Space,
                "{run:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn short_gaps_are_gaps_anywhere(text in "[a \n\r\t\u{A0}\u{2003}\u{201C}]{0,12}") {
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                if let Some(short) = short_gap(&text, i) {
                    prop_assert_eq!(short, gap(&text, i));
                }
            }
        }

        #[test]
        fn initialisms_are_the_segments_path(text in "([a-zA-Z]\\.){1,5}[a-zA-Z]?\\.?") {
            let fast = tokenize(&text, Tokens::default());
            prop_assert_eq!((fast.tokens, fast.stops), by_segments(&text));
        }

        #[test]
        fn runs_of_solo_marks_are_one_token_a_char(
            text in "[-!\"#$%&()*+,/:;<=>?@\\[\\\\\\]^{|}~\u{2013}\u{2014}\u{201C}\u{201D}]{1,12}"
        ) {
            let tokens = tokenize(&text, Tokens::default()).tokens;
            let spans: Vec<_> = tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
            prop_assert_eq!(spans, uax29(&text));
            for t in &tokens {
                let c = text[t.span].chars().next().unwrap();
                prop_assert_eq!(t.kind, kind_of_mark(c));
            }
        }

        /// The words taken from the map alone, a block at a time, are
        /// what they are wherever the blocks fall.
        #[test]
        fn tokens_do_not_depend_on_where_blocks_fall(
            text in "[a-c0-2 ,.'\n-]{0,160}",
            shift in 1usize..64,
        ) {
            let shifted = format!("x{}{text}", " ".repeat(shift));
            let mut tokens = tokenize(&shifted, Tokens::default()).tokens;
            tokens.remove(0);
            for t in &mut tokens {
                t.span = Span::new(t.span.start - shift - 1, t.span.end - shift - 1);
            }
            prop_assert_eq!(tokens, tokenize(&text, Tokens::default()).tokens);
        }

        /// Every token with a byte beyond ASCII or a hyphen is unplain,
        /// whichever path made it, and no other.
        #[test]
        fn unplain_tokens_are_those_beyond_ascii_or_with_hyphens(
            text in "[a-cA-C0-2 ,.;()'\"\n\u{2019}\u{201C}\u{201D}\u{2014}\u{E9}-]{0,60}"
        ) {
            let made = tokenize(&text, Tokens::default());
            let want: Vec<usize> = (0..made.tokens.len())
                .filter(|&n| text[made.tokens[n].span].bytes().any(|b| b >= 0x80 || b == b'-'))
                .collect();
            prop_assert_eq!(made.unplain, want);
        }

        #[test]
        fn ascii_fast_path_is_uax29(text in "[!-~]{0,40}") {
            prop_assert_eq!(fast(&text), uax29(&text));
        }

        #[test]
        fn ascii_fast_path_is_uax29_on_wordy_text(text in "[a-cA-C0-2_.,;:'\\-]{0,40}") {
            prop_assert_eq!(fast(&text), uax29(&text));
        }

        #[test]
        fn fast_path_is_uax29_with_known_non_ascii(
            text in "[a-bA0-1_.,:'\u{2018}\u{2019}\u{201C}-\u{201F}\u{AB}\u{BB}\u{2039}\u{203A}\u{2010}-\u{2015}\u{2026}\u{2022}\u{20AC}\u{A3}\u{A5}\u{B0}]{0,40}"
        ) {
            prop_assert_eq!(fast(&text), uax29(&text));
        }
    }
}
