//! The view of a text the sieves read: words, sentences and paragraphs, with
//! the quotations located in them.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use super::tags::Tags;
use crate::quote::{self, Quotation};
use crate::text::{
    ascii_lowers, is_general_punctuation, lowercase, Layout, Recased, Token, TokenKind,
};
use crate::Span;

/// A text prepared for attribution.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    /// The words and numbers, in order.
    pub(super) words: Vec<Word>,
    /// The text with its ASCII letters lowercased: an ASCII word in lower
    /// case where it stands.
    ascii: &'a str,
    /// The other words in lower case.
    recased: Recased,
    /// The words a cue may start at, in order: those outside quotations
    /// tagged as a cue's first word or "according".
    pub(super) cue_starts: Vec<usize>,
    /// Sentence spans and their word ranges.
    pub(super) sentences: Vec<(Span, std::ops::Range<usize>)>,
    /// Paragraph spans, as the quote stage numbered them.
    pub(super) paragraphs: Vec<Span>,
    /// Where each quotation stands, found as its words are marked quoted:
    /// the sieves ask several times for each.
    placed: Vec<Placed>,
    /// [`Doc::letters`] of each paragraph, once asked: it is asked for each
    /// quotation, and a paragraph of many quotations and no letters (marks
    /// only) would be read through once for each.
    letters: OnceCell<Vec<OnceCell<(usize, usize)>>>,
}

/// Where a quotation stands among the words and sentences.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Placed {
    /// The sentence holding its opening mark.
    pub(super) sentence: Option<usize>,
    /// The first word starting at or after its opening mark; at depth 0
    /// only, as the next.
    pub(super) open: usize,
    /// The first word starting at or after the end of its closing mark (of
    /// its text, when it has none).
    pub(super) close: usize,
}

/// A word or number of the text, with what the sieves learn of it: one
/// list, written as the words are gathered, where a list for each would be
/// filled first.
pub(super) struct Word {
    pub(super) span: Span,
    /// The lexicons listing the word in lower case, looked up when first
    /// asked: the sieves ask about the words near cues and quotations, a
    /// word in eight, and only those that may start a cue are looked up
    /// beforehand. The words [`ascii_lowers`] does not lowercase are looked
    /// up at once, as their lower case is made here.
    tags: Cell<Tags>,
    /// Inside a quotation.
    pub(super) quoted: bool,
}

impl<'a> Doc<'a> {
    /// `ascii` is `text` with its ASCII letters lowercased.
    pub(super) fn new(
        text: &'a str,
        ascii: &'a str,
        layout: &Layout,
        quotes: &[Quotation],
    ) -> Doc<'a> {
        // Sized for every token: filtered down, the list would grow by
        // copies.
        let mut words = Vec::with_capacity(layout.tokens.len());
        // The sentences partition the tokens: a sentence's words are those
        // its tokens give.
        let mut sentences = Vec::with_capacity(layout.sentences.len());
        for s in &layout.sentences {
            let first = words.len();
            for t in layout.tokens.get(s.tokens.clone()).unwrap_or_default() {
                if matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::Clitic
                ) {
                    words.push(Word {
                        span: t.span,
                        tags: Cell::new(Tags::default()),
                        quoted: false,
                    });
                }
            }
            sentences.push((s.span, first..words.len()));
        }
        let mut tagging = Tagging {
            text,
            ascii,
            recased: Recased::default(),
            // About one word in twenty-five starts a cue in news text.
            cue_starts: Vec::with_capacity(words.len() / 16),
            tokens: &layout.tokens,
            unplain: &layout.unplain,
            beyond: 0,
        };
        // The words before each quotation are shaped for cues as the
        // quotation is found; those inside start none, and a quarter of a
        // news text's words are there.
        let mut next = 0;
        let mut placed = Vec::with_capacity(quotes.len());
        for q in quotes {
            let sentence = sentence_at(&sentences, q.open.start);
            if q.depth > 0 {
                placed.push(Placed {
                    sentence,
                    ..Placed::default()
                });
                continue;
            }
            // Found by binary search: most words are in no quotation, and a
            // walk would step over each.
            let first = words.partition_point(|w| w.span.start < q.inner.start);
            tagging.run::<true>(&words, next..first.max(next));
            let mut v = first;
            while let Some(word) = words.get_mut(v).filter(|w| w.span.end <= q.inner.end) {
                word.quoted = true;
                v += 1;
            }
            tagging.run::<false>(&words, first.max(next)..v.max(next));
            next = next.max(v);
            // The words by the marks, a step or two from those found.
            let mut open = first;
            while open > 0 && words[open - 1].span.start >= q.open.start {
                open -= 1;
            }
            let close_end = q.close.map_or(q.inner.end, |c| c.end);
            let mut close = v;
            while close > 0 && words[close - 1].span.start >= close_end {
                close -= 1;
            }
            while close < words.len() && words[close].span.start < close_end {
                close += 1;
            }
            placed.push(Placed {
                sentence,
                open,
                close,
            });
        }
        tagging.run::<true>(&words, next..words.len());
        let Tagging {
            recased,
            cue_starts,
            ..
        } = tagging;
        let paragraphs = quote::paragraphs(layout);
        Doc {
            text,
            words,
            ascii,
            recased,
            cue_starts,
            sentences,
            paragraphs,
            placed,
            letters: OnceCell::new(),
        }
    }

    /// Where quotation `i` stands among the words and sentences.
    pub(super) fn placed(&self, i: usize) -> Placed {
        self.placed.get(i).copied().unwrap_or_default()
    }

    /// Where the first letter or digit of paragraph `p` starts and where its
    /// last one starts (the paragraph start when it has none). Found when
    /// asked: only paragraphs with a quotation are.
    pub(super) fn letters(&self, p: usize) -> Option<(usize, usize)> {
        let span = *self.paragraphs.get(p)?;
        let known = self
            .letters
            .get_or_init(|| vec![OnceCell::new(); self.paragraphs.len()]);
        Some(*known[p].get_or_init(|| {
            let s = &self.text[span];
            let first = s
                .find(is_letter_or_digit)
                .map_or(span.end, |i| span.start + i);
            let last = s
                .rfind(is_letter_or_digit)
                .map_or(span.start, |i| span.start + i);
            (first, last)
        }))
    }

    /// The text between word `a` and word `b` (a < b).
    pub(super) fn gap(&self, a: usize, b: usize) -> &'a str {
        let (Some(x), Some(y)) = (self.words.get(a), self.words.get(b)) else {
            return "";
        };
        self.text.get(x.span.end..y.span.start).unwrap_or("")
    }

    /// The bytes between word `a` and word `b` (a < b): for the sieves that
    /// look for ASCII punctuation there, which a byte search finds without
    /// the checks of char boundaries that slicing a str makes.
    #[inline]
    pub(super) fn gap_bytes(&self, a: usize, b: usize) -> &'a [u8] {
        let (Some(x), Some(y)) = (self.words.get(a), self.words.get(b)) else {
            return &[];
        };
        self.text
            .as_bytes()
            .get(x.span.end..y.span.start)
            .unwrap_or_default()
    }

    /// Word `a` and the one after it belong to one phrase: only spaces
    /// between them, or a hyphen ("pro-Kiev").
    #[inline]
    pub(super) fn joined(&self, a: usize) -> bool {
        // One space, the usual gap, is read as a byte, not as chars, here
        // where the sieves ask; other gaps out of line.
        if let Some([x, y]) = self.words.get(a..a + 2) {
            let (x, y) = (x.span, y.span);
            if y.start == x.end + 1 && self.text.as_bytes().get(x.end) == Some(&b' ') {
                return true;
            }
        }
        self.joined_by_gap(a)
    }

    #[inline(never)]
    fn joined_by_gap(&self, a: usize) -> bool {
        self.gap(a, a + 1).chars().all(char::is_whitespace) || self.hyphenated(a)
    }

    /// Word `a` and the one after it are joined by a hyphen and nothing
    /// else ("pro-Kiev"): a gap of one byte or three, as a hyphen is.
    pub(super) fn hyphenated(&self, a: usize) -> bool {
        let (Some(x), Some(y)) = (self.words.get(a), self.words.get(a + 1)) else {
            return false;
        };
        match y.span.start.saturating_sub(x.span.end) {
            1 => self.text.as_bytes().get(x.span.end) == Some(&b'-'),
            3 => matches!(self.gap(a, a + 1), "‐" | "‑"),
            _ => false,
        }
    }

    #[inline]
    pub(super) fn is_capitalized(&self, w: usize) -> bool {
        let Some(span) = self.words.get(w).map(|w| w.span) else {
            return false;
        };
        // An ASCII first byte, as most are, is the first char, told here
        // where the sieves ask; the others out of line.
        match self.text.as_bytes().get(span.start) {
            Some(b) if b.is_ascii() && span.start < span.end => b.is_ascii_uppercase(),
            _ => self.first_char_is_uppercase(span),
        }
    }

    #[inline(never)]
    fn first_char_is_uppercase(&self, span: Span) -> bool {
        self.text
            .get(span.range())
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    }

    #[inline]
    pub(super) fn lower(&self, w: usize) -> &str {
        // Few documents have a word to recase: the search of none is short.
        if let Some(lower) = self.recased.get(w) {
            return lower;
        }
        let span = self.words.get(w).map_or_else(Span::default, |w| w.span);
        self.ascii.get(span.range()).unwrap_or("")
    }

    /// [`Doc::lower`] as bytes: for the sieves that compare a word with
    /// lexicon words or ASCII, which need no checks of char boundaries.
    #[inline]
    pub(super) fn lower_bytes(&self, w: usize) -> &[u8] {
        if let Some(lower) = self.recased.get(w) {
            return lower.as_bytes();
        }
        let span = self.words.get(w).map_or_else(Span::default, |w| w.span);
        self.ascii.as_bytes().get(span.range()).unwrap_or_default()
    }

    /// The text at `span` with its ASCII letters lowered.
    pub(super) fn ascii_lowered(&self, span: Span) -> &'a str {
        self.ascii.get(span.range()).unwrap_or_default()
    }

    /// The text at `span` in lower case: the text's own with its ASCII
    /// letters lowered, unless a letter beyond ASCII needs lowering too.
    pub(super) fn lowered(&self, span: Span) -> Cow<'a, str> {
        let ascii = self.ascii_lowered(span);
        if ascii_lowers(ascii) {
            Cow::Borrowed(ascii)
        } else {
            lowercase(ascii)
        }
    }

    /// The lexicons listing word `w`; none past the end.
    #[inline]
    pub(super) fn tags(&self, w: usize) -> Tags {
        let Some(word) = self.words.get(w) else {
            return Tags::default();
        };
        let tags = word.tags.get();
        if tags.any(Tags::KNOWN) {
            tags
        } else {
            self.look_up(word)
        }
    }

    /// Looks `word` up, once: out of line, as most words asked about are
    /// asked again.
    #[inline(never)]
    fn look_up(&self, word: &Word) -> Tags {
        let lower = self.ascii.as_bytes().get(word.span.range());
        let found = Tags::table().get(lower.unwrap_or_default());
        word.tags.set(found | Tags::KNOWN);
        found
    }

    /// The sentence holding byte `at`.
    pub(super) fn sentence_at(&self, at: usize) -> Option<usize> {
        sentence_at(&self.sentences, at)
    }

    /// The paragraph holding byte `at`.
    pub(super) fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= at).then_some(i)
    }

    /// Whether paragraph `p` holds byte `at`: [`Doc::paragraph_at`] compared
    /// with `p`, by asking `p` alone rather than searching them all, as the
    /// paragraphs are in order and apart.
    pub(super) fn in_paragraph(&self, at: usize, p: usize) -> bool {
        self.paragraphs
            .get(p)
            .is_some_and(|p| p.start <= at && at < p.end)
    }

    /// The index of the first word starting at or after `at`.
    pub(super) fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    /// The span from the start of word `a` to the end of word `b`.
    pub(super) fn words_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.words[a].span.start, self.words[b].span.end)
    }
}

/// The sentence of `sentences` holding byte `at`.
fn sentence_at(sentences: &[(Span, std::ops::Range<usize>)], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|(s, _)| s.end <= at);
    (i < sentences.len() && sentences[i].0.start <= at).then_some(i)
}

/// What [`Doc::new`] learns of the words as it reads them in order.
struct Tagging<'t> {
    text: &'t str,
    ascii: &'t str,
    recased: Recased,
    cue_starts: Vec<usize>,
    tokens: &'t [Token],
    /// The unplain tokens ([`Layout::unplain`]) not ending before the words
    /// still to read.
    unplain: &'t [usize],
    /// Where the first of `unplain` starts (past any text when none is
    /// left): a word ending before it is an ASCII token, as most words are,
    /// known with no byte of its own looked at, nor the bytes after it read
    /// to find the next beyond ASCII.
    beyond: usize,
}

impl Tagging<'_> {
    /// Reads `range` of `words`, past those read before: lowercases and
    /// looks up the words [`ascii_lowers`] does not lowercase, and, with
    /// `CUES`, finds those that may start a cue.
    fn run<const CUES: bool>(&mut self, words: &[Word], range: std::ops::Range<usize>) {
        let table = Tags::table();
        let shapes = Tags::cue_shapes();
        let bytes = self.ascii.as_bytes();
        let words = words.get(range.clone()).unwrap_or_default();
        for (w, word) in range.zip(words) {
            let span = &word.span;
            let lowered = span.end <= self.beyond || {
                self.beyond = usize::MAX;
                while let Some((&u, rest)) = self.unplain.split_first() {
                    let token = self.tokens.get(u).map_or(Span::default(), |t| t.span);
                    if token.end > span.start {
                        self.beyond = token.start;
                        break;
                    }
                    self.unplain = rest;
                }
                span.end <= self.beyond
                    || ascii_lowers(self.ascii.get(span.range()).unwrap_or_default())
            };
            let tag = if lowered {
                if !CUES {
                    continue;
                }
                // Bytes, not a str: an ASCII word needs no checks of char
                // boundaries.
                let Some(lower) = bytes.get(span.range()) else {
                    continue;
                };
                if !shapes.admit(lower) {
                    continue;
                }
                table.get(lower)
            } else {
                table.get(self.recased.push(w, &self.text[*span]).as_bytes())
            };
            if CUES && tag.any(Tags::CUE_START | Tags::ACCORDING) {
                self.cue_starts.push(w);
            }
            word.tags.set(tag | Tags::KNOWN);
        }
    }
}

/// `char::is_alphanumeric`, with general punctuation, which holds no letter
/// or digit, answered without the Unicode tables: the quotation marks that
/// open and close a paragraph of speech are there.
fn is_letter_or_digit(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_join_as_their_gaps_read() {
        let text = "a pro-Kiev and so‐called or non‑state x - y x–y x--y x-\ny “rally”-";
        let layout = Layout::new(text);
        let ascii = text.to_ascii_lowercase();
        let doc = Doc::new(text, &ascii, &layout, &[]);
        assert!((0..doc.words.len()).any(|a| doc.hyphenated(a)));
        for a in 0..=doc.words.len() {
            let gap = doc.gap(a, a + 1);
            assert_eq!(
                doc.hyphenated(a),
                a + 1 < doc.words.len() && matches!(gap, "-" | "‐" | "‑"),
                "{gap:?}"
            );
        }
    }

    #[test]
    fn a_paragraph_holds_the_bytes_paragraph_at_finds_it_for() {
        let text = "One said so.\n\n“Two,” he said.\n\n\nThree\nfour.";
        let layout = Layout::new(text);
        let ascii = text.to_ascii_lowercase();
        let doc = Doc::new(text, &ascii, &layout, &[]);
        assert_eq!(doc.paragraphs.len(), 3);
        for at in 0..=text.len() + 1 {
            for p in 0..=doc.paragraphs.len() {
                assert_eq!(
                    doc.in_paragraph(at, p),
                    doc.paragraph_at(at) == Some(p),
                    "{at} {p}"
                );
            }
        }
    }

    #[test]
    fn words_answer_as_their_lower_case_looked_up() {
        let text = "He SAID the Ébola “claims” were, according to officials, \
            ÉTATS’ denials; she told Kiev’s 20 reporters: it warns.";
        let layout = Layout::new(text);
        let ascii = text.to_ascii_lowercase();
        let doc = Doc::new(text, &ascii, &layout, &[]);
        let starts: Vec<usize> = (0..doc.words.len())
            .filter(|&w| doc.tags(w).any(Tags::CUE_START | Tags::ACCORDING))
            .collect();
        assert_eq!(doc.cue_starts, starts);
        assert!(starts.len() >= 4, "{starts:?}");
        // Asked twice: the second answer is the one looked up by the first.
        for _ in 0..2 {
            for (w, word) in doc.words.iter().enumerate() {
                let lower = crate::text::lowercase(&text[word.span]);
                assert_eq!(doc.lower(w), lower);
                assert_eq!(doc.lower_bytes(w), lower.as_bytes());
                let looked_up = Tags::table().get(lower.as_bytes());
                assert_eq!(doc.tags(w).lexicons(), looked_up, "{lower}");
            }
        }
    }

    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in ['a', 'Z', '7', 'é', 'Ж', '“', '.'] {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
