//! The quote stage: quotations found on the raw text, in every mark style,
//! nested, left open at a paragraph end, running over paragraphs, or with the
//! broken marks real copy has.
//!
//! One pass over each paragraph with a small stack of open marks: the work is
//! linear in the text, and a bad mark can only affect its own paragraph.

use crate::text::Layout;
use crate::Span;

/// A quotation: where its marks and its inside are, and how it is tied to its
/// neighbours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// The opening mark.
    pub(crate) open: Span,
    /// The text inside the marks, without surrounding whitespace.
    pub(crate) inner: Span,
    /// The closing mark; `None` when the quotation is left open.
    pub(crate) close: Option<Span>,
    /// The index of the paragraph it is in (see [`paragraphs`]).
    pub(crate) paragraph: usize,
    /// How many quotations it is nested in.
    pub(crate) depth: usize,
    /// It reopens a quotation left open at the end of the paragraph before.
    pub(crate) continues: bool,
}

/// The bytes a quotation mark can start with: the ASCII marks and the lead
/// bytes of « » (U+00AB, U+00BB) and of the marks in U+2018..U+203A.
static MARK_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    starts[b'"' as usize] = true;
    starts[b'\'' as usize] = true;
    starts[b'`' as usize] = true;
    starts[0xC2] = true;
    starts[0xE2] = true;
    starts
};

/// The offset of the first byte in `bytes` that can start a mark. Sixteen
/// bytes at a time: a chunk without a byte of a mark's ASCII or any byte
/// past ASCII holds no mark, which most chunks of English text are. The
/// last bytes, fewer than sixteen, are read as the end of the sixteen that
/// end `bytes`, not byte by byte: a loop over them was left after a number
/// of bytes all but random.
fn next_mark(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 16) {
        let (low, high) = flags(chunk);
        if low | high != 0 {
            if let Some(i) = first_start(chunk, low, high) {
                return Some(at + i);
            }
        }
        at += 16;
    }
    let Some(start) = bytes.len().checked_sub(16) else {
        return bytes.iter().position(is_start);
    };
    // The bytes of the last chunk before `at` were read with the chunks
    // before.
    let chunk = &bytes[start..];
    let unread = u32::try_from(8 * (at - start))
        .ok()
        .and_then(|bits| u128::MAX.checked_shl(bits))
        .unwrap_or(0);
    let (low, high) = flags(chunk);
    let (low, high) = (low & unread as u64, high & (unread >> 64) as u64);
    first_start(chunk, low, high).map(|i| start + i)
}

/// The flags of the two halves of `chunk`, sixteen bytes: the high bit of
/// each byte that is a mark's ASCII or past ASCII, and perhaps of bytes
/// above one, in each half.
#[inline(always)]
fn flags(chunk: &[u8]) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte of `x`, and perhaps of bytes above one:
    // the borrow only runs upwards, so the lowest bit set is exact.
    let zeros = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // One test for both straight marks: a byte ORed with 5 reads 0x27 only
    // if it was " or ', or the rarer # or &, which the byte check below
    // turns away.
    let flags = |word: &[u8]| {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        word & HIGH
            | zeros((word | (ONES * 0x05)) ^ (ONES * u64::from(b'\'')))
            | zeros(word ^ (ONES * u64::from(b'`')))
    };
    let (low, high) = chunk.split_at(8);
    (flags(low), flags(high))
}

/// The offset of the first byte of `chunk`, sixteen bytes, that can start
/// a mark, at or after its first flagged one: none before can.
#[inline(always)]
fn first_start(chunk: &[u8], low: u64, high: u64) -> Option<usize> {
    // As one number, the first flagged byte is found with no branch on
    // which half holds it, which is all but random.
    let first = ((u128::from(high) << 64 | u128::from(low)).trailing_zeros() / 8) as usize;
    chunk
        .get(first..)?
        .iter()
        .position(is_start)
        .map(|i| first + i)
}

/// Whether `b` can start a mark.
fn is_start(&b: &u8) -> bool {
    MARK_STARTS[usize::from(b)]
}

/// Whether `bytes` starts with a mark that [`Scan::run`] acts on: `"`,
/// `'`, `` ` ``, « », ‹ ›, and ‘ ’ “ ” „. Of the chars [`next_mark`] stops
/// at, news text has nearly as many others (no-break spaces, dashes,
/// ellipses) as quotation marks.
fn is_mark(bytes: &[u8]) -> bool {
    match bytes {
        [0xC2, second, ..] => matches!(second, 0xAB | 0xBB),
        [0xE2, 0x80, third, ..] => matches!(third, 0x98 | 0x99 | 0x9C | 0x9D | 0x9E | 0xB9 | 0xBA),
        [first, ..] => matches!(first, b'"' | b'\'' | b'`'),
        [] => false,
    }
}

/// Nesting deeper than this is treated as text: no real copy nests so deep,
/// and the bound keeps every step constant-time.
const MAX_DEPTH: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// “...”, "...", „...“, ``...''
    Double,
    /// ‘...’, '...'
    Single,
    /// «...»
    Guillemet,
    /// ‹...›
    SingleGuillemet,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    mark: Span,
    /// Opened with „, so a “ closes it.
    low: bool,
    /// Opened with a straight mark, so the same mark closes it.
    straight: bool,
    /// Reopens, at the paragraph start, a quotation left open before.
    continues: bool,
}

/// `span` without whitespace at either end.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let s = &text[span];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// Finds every quotation in `text`, in order of their opening marks.
// Out of line, as called once a text: a profile shows the stage's
// cost under its name whatever the compiler inlines around it.
#[inline(never)]
pub(crate) fn find(text: &str, layout: &Layout) -> Vec<Quotation> {
    // News averages a quotation every few hundred bytes; growing the vector
    // from empty copies it several times a document.
    let mut out = Vec::with_capacity(text.len() / 256);
    // One stack for the whole text: `finish` leaves it empty for the next
    // paragraph, and it never holds more than `MAX_DEPTH`.
    let mut stack = Vec::with_capacity(MAX_DEPTH);
    let mut left_open: Option<Family> = None;
    for (index, paragraph) in layout.paragraphs.iter().map(|p| p.span).enumerate() {
        let mut scan = Scan {
            text,
            paragraph: index,
            stack: &mut stack,
            out: &mut out,
            start: paragraph.start,
            reopens: left_open.take(),
        };
        scan.run(paragraph);
        left_open = scan.finish(paragraph.end);
    }
    out.sort_by_key(|q| (q.open.start, q.inner.end));
    out
}

struct Scan<'a> {
    text: &'a str,
    paragraph: usize,
    stack: &'a mut Vec<Open>,
    out: &'a mut Vec<Quotation>,
    /// Where the paragraph starts.
    start: usize,
    /// The family of the quotation left open at the end of the paragraph
    /// before, which a mark opening this paragraph continues.
    reopens: Option<Family>,
}

impl Scan<'_> {
    fn run(&mut self, paragraph: Span) {
        let text = self.text;
        let inside = &text[paragraph];
        let bytes = inside.as_bytes();
        // Only the bytes that can start a mark are looked at: most of the
        // text is letters, which decoding char by char would step through.
        let mut offset = 0;
        while let Some(skip) = next_mark(&bytes[offset..]) {
            offset += skip;
            // A no-break space or a dash starts like a mark: it is passed
            // over before anything around it is decoded.
            if !is_mark(&bytes[offset..]) {
                // The whole char (0xC2 leads two bytes, 0xE2 three), or
                // `next_mark` would stop at its continuation bytes.
                offset += if bytes[offset] == 0xC2 { 2 } else { 3 };
                continue;
            }
            // So does the commonest mark, an apostrophe inside a word
            // ("Russia’s"), which [`Scan::right_single`] passes over.
            if bytes[offset..].starts_with("’".as_bytes())
                && bytes.get(offset + 3).is_some_and(u8::is_ascii_alphanumeric)
            {
                offset += 3;
                continue;
            }
            let at = paragraph.start + offset;
            let mut rest = inside[offset..].chars();
            let Some(c) = rest.next() else { break };
            let next = rest.next();
            offset += c.len_utf8();
            let prev = inside[..offset - c.len_utf8()].chars().next_back();
            let mark = Span::new(at, at + c.len_utf8());
            match c {
                '“' => {
                    if self.top().is_some_and(|o| o.low) {
                        self.close(Family::Double, mark);
                    } else if self.top().is_some_and(|o| o.family == Family::Double)
                        && closes(next)
                        && !opens(prev)
                    {
                        // Some copy closes with “ as well as opening with it.
                        self.close(Family::Double, mark);
                    } else {
                        self.reopen_or_open(Family::Double, mark, false, false);
                    }
                }
                '„' => self.reopen_or_open(Family::Double, mark, true, false),
                '”' => {
                    if self.has(Family::Double) {
                        self.close(Family::Double, mark);
                    } else if opens(prev) && next.is_some_and(char::is_alphanumeric) {
                        // A ” used as an opening mark.
                        self.open(Family::Double, mark, false, false);
                    }
                }
                '"' => self.straight(Family::Double, mark, prev, next),
                '`' if next == Some('`') => {
                    offset += 1;
                    let mark = Span::new(at, at + 2);
                    self.open(Family::Double, mark, false, false);
                }
                // Two apostrophes close ``...'' and, in some copy, also open.
                '\'' if next == Some('\'') => {
                    offset += 1;
                    let after = rest.next();
                    let mark = Span::new(at, at + 2);
                    if self.has(Family::Double) {
                        self.close(Family::Double, mark);
                    } else if opens(prev) && after.is_some_and(|n| !n.is_whitespace()) {
                        self.open(Family::Double, mark, false, true);
                    }
                }
                '‘' if !prev.is_some_and(char::is_alphanumeric) => {
                    self.open(Family::Single, mark, false, false);
                }
                '’' => self.right_single(mark, prev, next),
                '\'' => self.straight(Family::Single, mark, prev, next),
                '«' => self.open(Family::Guillemet, mark, false, false),
                '»' => self.close(Family::Guillemet, mark),
                '‹' => self.open(Family::SingleGuillemet, mark, false, false),
                '›' => self.close(Family::SingleGuillemet, mark),
                _ => {}
            }
        }
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn has(&self, family: Family) -> bool {
        self.stack.iter().any(|o| o.family == family)
    }

    /// A ’ is an apostrophe inside or at the edge of a word (Russia’s, the
    /// ’90s, rock ’n’ roll, soldiers’), or closes a ‘, or, after punctuation,
    /// closes a “ that was never closed with its own mark.
    fn right_single(&mut self, mark: Span, prev: Option<char>, next: Option<char>) {
        if next.is_some_and(char::is_alphanumeric) {
            return;
        }
        if self
            .top()
            .is_some_and(|o| o.family == Family::Single && !o.straight)
        {
            self.close(Family::Single, mark);
        } else if self.top().is_some_and(|o| o.family == Family::Double)
            && prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?' | ']' | ')' | ';'))
        {
            self.close(Family::Double, mark);
        }
    }

    /// Straight marks look the same open and closed: one opens after a space
    /// or bracket and before a word, closes before a space or punctuation,
    /// and is an apostrophe (') inside a word.
    fn straight(&mut self, family: Family, mark: Span, prev: Option<char>, next: Option<char>) {
        let open_on_top = self.top().is_some_and(|o| o.family == family && o.straight);
        let word_before = prev.is_some_and(char::is_alphanumeric);
        let word_after = next.is_some_and(char::is_alphanumeric);
        if family == Family::Single && word_before && word_after {
            return;
        }
        if open_on_top && !(opens(prev) && word_after) {
            self.close(family, mark);
        } else if opens(prev) && next.is_some_and(|n| !n.is_whitespace()) {
            if family == Family::Single && next.is_some_and(|n| n.is_ascii_digit()) {
                return;
            }
            if open_on_top {
                self.reopen_or_open(family, mark, false, true);
            } else {
                self.open(family, mark, false, true);
            }
        } else if family == Family::Double && self.has(family) {
            self.close(family, mark);
        }
    }

    /// An opening mark while a quotation of the same family is open: if the
    /// open one has reached a sentence end, that is a stray reopening, so the
    /// first ends there and a new one starts; otherwise it is nesting.
    fn reopen_or_open(&mut self, family: Family, mark: Span, low: bool, straight: bool) {
        if let Some(top) = self.top() {
            if top.family == family {
                let before = self.text[top.mark.end..mark.start].trim_end();
                if before.ends_with(['.', '!', '?']) || before.is_empty() {
                    self.end_open(mark.start);
                }
            }
        }
        self.open(family, mark, low, straight);
    }

    fn open(&mut self, family: Family, mark: Span, low: bool, straight: bool) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let continues =
            self.reopens == Some(family) && self.text[self.start..mark.start].trim().is_empty();
        self.stack.push(Open {
            family,
            mark,
            low,
            straight,
            continues,
        });
    }

    /// Closes the innermost open quotation of `family`, ending the ones
    /// nested in it where the mark is; a mark with nothing to close is
    /// dropped.
    fn close(&mut self, family: Family, mark: Span) {
        let Some(index) = self.stack.iter().rposition(|o| o.family == family) else {
            return;
        };
        while self.stack.len() > index + 1 {
            self.end_open(mark.start);
        }
        if let Some(open) = self.stack.pop() {
            self.emit(open, Span::new(open.mark.end, mark.start), Some(mark));
        }
    }

    /// Ends the innermost open quotation at `at` without a closing mark.
    fn end_open(&mut self, at: usize) {
        if let Some(open) = self.stack.pop() {
            self.emit(open, Span::new(open.mark.end, at), None);
        }
    }

    fn emit(&mut self, open: Open, inside: Span, close: Option<Span>) {
        let inner = trim(self.text, inside);
        if inner.is_empty() {
            return;
        }
        self.out.push(Quotation {
            open: open.mark,
            inner,
            close,
            paragraph: self.paragraph,
            depth: self.stack.len(),
            continues: open.continues,
        });
    }

    /// Ends what is still open at the paragraph end and tells which family
    /// the outermost of those was, so the next paragraph can continue it.
    fn finish(mut self, end: usize) -> Option<Family> {
        let outer = self.stack.first().map(|o| o.family);
        while !self.stack.is_empty() {
            self.end_open(end);
        }
        outer
    }
}

/// A mark after this opens a quotation: start of paragraph, space, bracket,
/// dash or another mark.
fn opens(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | ':'
                        | '/'
                        | '“'
                        | '‘'
                        | '"'
                        | '\''
                        | '«'
                        | '„'
                )
        }
    }
}

/// A mark before this closes a quotation: end, space or punctuation.
fn closes(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => n.is_whitespace() || (n.is_ascii_punctuation() && n != '\'' && n != '"'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find(text, &crate::text::Layout::new(text))
            .iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn continues_only_at_paragraph_start() {
        let text = "“One.\n\n“Two,” he said.";
        let quotes = find(text, &crate::text::Layout::new(text));
        assert_eq!(quotes.len(), 2);
        assert!(!quotes[0].continues);
        assert!(quotes[1].continues);
        assert!(quotes[0].close.is_none());
    }

    #[test]
    fn next_mark_finds_the_first_byte_a_mark_starts_with() {
        let texts = [
            "",
            "plain words only, nothing more to see here",
            "a long run of words before it \"x",
            "twelve bytes'",
            "café au lait, then ‘quoted’ words",
            "`` and '' marks « here »",
            "abcdefgh\"",
            "abcdefg\u{2014}h",
            "# and & are not marks, nor is $ or %, but this \"is",
            "sixteen bytes ok#&&&&&&&&&&&&&&&&'",
            "fifteen bytes, then `` and an «",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let slow = bytes[from..]
                    .iter()
                    .position(|&b| MARK_STARTS[usize::from(b)]);
                assert_eq!(next_mark(&bytes[from..]), slow, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn is_mark_is_the_marks_run_acts_on() {
        let marks = "\"'`«»‹›‘’“”„";
        for c in (0..0x3000).filter_map(char::from_u32) {
            let text = format!("{c}x");
            assert_eq!(is_mark(text.as_bytes()), marks.contains(c), "{c:?}");
        }
    }

    #[test]
    fn stray_mark_inside_a_sentence_nests() {
        assert_eq!(inner("“a “b” c”"), ["a “b” c", "b"]);
    }
}
