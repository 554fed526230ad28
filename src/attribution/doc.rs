//! The view of a text the sieves read: words, sentences and paragraphs, with
//! the quotations located in them.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;

use super::tags::Tags;
use crate::lexicon::WordTable;
use crate::quote::Quotation;
use crate::text::{
    ascii_lowers, is_general_punctuation, lowercase, Layout, Paragraph, Recased, Token, TokenKind,
    WHOLE,
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
    /// The sentences, in order.
    pub(super) sentences: Vec<Sentence>,
    /// As [`Entities::headlines`](crate::entity::Entities::headlines).
    headlines: &'a [Span],
    /// The paragraphs, as the text stage found them and the quote stage
    /// numbered them.
    paragraphs: &'a [Paragraph],
    /// Where each quotation stands, found as its words are marked quoted:
    /// the sieves ask several times for each.
    placed: Vec<Placed>,
    /// [`Doc::letters`] of each paragraph, once asked: it is asked for each
    /// quotation, and a paragraph of many quotations and no letters (marks
    /// only) would be read through once for each.
    letters: OnceCell<Vec<OnceCell<(usize, usize)>>>,
    /// The tags of the words last looked up: borrowed, not owned, as a
    /// doc is moved when made and given back, and each move of two
    /// kilobytes of tags was a copy.
    tagged: &'a Tagged,
    /// The table words are looked up in, held rather than asked for at
    /// each lookup.
    table: &'static WordTable<Tags>,
}

/// How many words' tags a doc keeps: more than the words around a cue or a
/// quotation that the sieves ask about, a few dozen.
const TAGGED: usize = 256;

/// The lexicons listing the words looked up, each kept in the slot of its
/// index modulo [`TAGGED`] until a later word takes the slot: the sieves ask
/// about the words near cues and quotations, a word in eight, several times
/// each, and ask about a word mostly while they read its neighbours. A tag
/// for each word, in the list of words, was written for every word and read
/// for few.
pub(super) struct Tagged([Cell<(u32, Tags)>; TAGGED]);

impl Tagged {
    /// Keeps no word.
    pub(super) fn new() -> Tagged {
        Tagged([const { Cell::new((0, Tags::NONE)) }; TAGGED])
    }

    /// The tags of word `w`, if kept.
    #[inline]
    fn get(&self, w: usize) -> Option<Tags> {
        let (key, tags) = self.0[w % TAGGED].get();
        // The key is one past the word's index: zero keeps no word.
        (key as usize == w.wrapping_add(1)).then_some(tags)
    }

    /// Keeps `tags` as those of word `w`, an index below [`QUOTED`] as every
    /// word's is.
    #[inline]
    fn set(&self, w: usize, tags: Tags) {
        self.0[w % TAGGED].set((w as u32 + 1, tags));
    }
}

thread_local! {
    /// This thread's buffers for docs.
    static SPARE: Cell<Spare> = Cell::default();
}

/// The buffers a [`Doc`] is made in, kept by each thread from one text to
/// the next, emptied: the pipeline makes a doc a text, 250 a MB of news,
/// and the buffers of one mostly fit the next, where each would be
/// allocated and freed.
#[derive(Default)]
struct Spare {
    words: Vec<Word>,
    sentences: Vec<Sentence>,
    cue_starts: Vec<usize>,
    placed: Vec<Placed>,
}

/// A sentence: its span and the range of its words, in 32 bits each, as a
/// word's offsets are ([`Word`]): sixteen bytes, written for every sentence
/// and read for the few near a cue or a quotation.
#[derive(Clone, Copy, Debug)]
pub(super) struct Sentence {
    start: u32,
    end: u32,
    first: u32,
    last: u32,
}

impl Sentence {
    fn new(span: Span, words: Range<usize>) -> Sentence {
        debug_assert!(span.end < QUOTED as usize && words.end < QUOTED as usize);
        Sentence {
            start: span.start as u32,
            end: span.end as u32,
            first: words.start as u32,
            last: words.end as u32,
        }
    }

    #[inline]
    pub(super) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The indices of its words.
    #[inline]
    pub(super) fn words(&self) -> Range<usize> {
        self.first as usize..self.last as usize
    }
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

/// A word or number of the text, and whether it is quoted.
///
/// Eight bytes, offsets of 32 bits: the list is written out of cache, the
/// stages between two documents having passed over far more memory than
/// the cache holds, and each of its cache lines written costs a read from
/// memory. The lexicons listing a word are kept apart ([`Tagged`]).
#[derive(Clone, Copy)]
pub(super) struct Word {
    start: u32,
    /// The end, and in the top bit whether the word is inside a quotation.
    end_quoted: u32,
}

/// The bit of [`Word::end_quoted`] that marks a word quoted: above any
/// offset, as a text is analysed in windows of at most [`WHOLE`] bytes.
const QUOTED: u32 = 1 << 31;

const _: () = assert!(WHOLE < QUOTED as usize);

impl Word {
    fn new(span: Span, quoted: bool) -> Word {
        debug_assert!(span.end < QUOTED as usize);
        Word {
            start: span.start as u32,
            end_quoted: span.end as u32 | if quoted { QUOTED } else { 0 },
        }
    }

    #[inline]
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    #[inline]
    pub(super) fn end(&self) -> usize {
        (self.end_quoted & !QUOTED) as usize
    }

    #[inline]
    pub(super) fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    /// Inside a quotation.
    #[inline]
    pub(super) fn quoted(&self) -> bool {
        self.end_quoted & QUOTED != 0
    }
}

impl<'a> Doc<'a> {
    /// `ascii` is `text` with its ASCII letters lowercased; `tagged`, which
    /// keeps no word, keeps the tags of the words looked up.
    pub(super) fn new(
        text: &'a str,
        ascii: &'a str,
        headlines: &'a [Span],
        layout: &'a Layout,
        quotes: &[Quotation],
        tagged: &'a Tagged,
    ) -> Doc<'a> {
        let Spare {
            mut words,
            mut sentences,
            mut cue_starts,
            mut placed,
        } = SPARE.take();
        // A slot for every token, each written in turn and kept only if
        // a word's: whether a token is a word, punctuation between words,
        // is close to random, and as a branch it was mispredicted one
        // token in six.
        words.resize(layout.tokens.len(), Word::new(Span::default(), false));
        // The sentences partition the tokens: a sentence's words are those
        // its tokens give, gathered with no branch on the token, then each
        // learnt of in order.
        sentences.reserve(layout.sentences.len());
        let mut n = 0;
        for s in &layout.sentences {
            let first = n;
            for t in layout.tokens.get(s.tokens.clone()).unwrap_or_default() {
                words[n] = Word::new(t.span, false);
                n += usize::from(matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::Clitic
                ));
            }
            sentences.push(Sentence::new(s.span, first..n));
        }
        words.truncate(n);
        // A slot for every word, as for the tokens above: the words outside
        // quotations whose shape may start a cue, one in ten, are all but
        // random. Those the table lists as a cue's first word are kept
        // after.
        cue_starts.resize(n, 0);
        let mut tagging = Tagging {
            text,
            ascii,
            tagged,
            table: Tags::table(),
            recased: Recased::default(),
            recased_starts: Vec::new(),
            tokens: &layout.tokens,
            unplain: &layout.unplain,
            quotes,
            placed: {
                placed.reserve(quotes.len());
                placed
            },
            // All three set at the first word.
            unplain_start: 0,
            quote_start: 0,
            next_event: 0,
            quoted_before: 0,
        };
        let shaped = tagging.words(&mut words, &mut cue_starts);
        cue_starts.truncate(shaped);
        let cue_starts = tagging.cue_starts(&words, cue_starts);
        let Tagging {
            recased,
            mut placed,
            ..
        } = tagging;
        // The quotations past the last word start none.
        placed.resize(
            quotes.len(),
            Placed {
                open: words.len(),
                ..Placed::default()
            },
        );
        // The words by a quotation's marks are found from its first word:
        // before the opening mark none, or the one before; after the
        // closing mark, past its quoted words, by binary search.
        for (q, p) in quotes.iter().zip(&mut placed) {
            p.sentence = sentence_at(&sentences, q.open.start);
            let first = p.open;
            if q.depth > 0 {
                // Only a nested quotation's sentence is asked.
                p.open = 0;
                continue;
            }
            while p.open > 0 && words[p.open - 1].start() >= q.open.start {
                p.open -= 1;
            }
            let close_end = q.close.map_or(q.inner.end, |c| c.end);
            let after = words.get(first..).unwrap_or_default();
            p.close = first + after.partition_point(|w| w.start() < close_end);
        }
        Doc {
            text,
            words,
            ascii,
            recased,
            cue_starts,
            sentences,
            headlines,
            paragraphs: &layout.paragraphs,
            placed,
            letters: OnceCell::new(),
            tagged,
            table: Tags::table(),
        }
    }

    /// Keeps the doc's buffers, emptied, for this thread's next
    /// [`Doc::new`].
    pub(super) fn give_back(self) {
        let Doc {
            mut words,
            mut sentences,
            mut cue_starts,
            mut placed,
            ..
        } = self;
        words.clear();
        sentences.clear();
        cue_starts.clear();
        placed.clear();
        SPARE.set(Spare {
            words,
            sentences,
            cue_starts,
            placed,
        });
    }

    /// Where quotation `i` stands among the words and sentences.
    pub(super) fn placed(&self, i: usize) -> Placed {
        self.placed.get(i).copied().unwrap_or_default()
    }

    /// Where the first letter or digit of paragraph `p` starts and where its
    /// last one starts (the paragraph start when it has none). Found when
    /// asked: only paragraphs with a quotation are.
    pub(super) fn letters(&self, p: usize) -> Option<(usize, usize)> {
        let span = self.paragraphs.get(p)?.span;
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
        self.text.get(x.end()..y.start()).unwrap_or("")
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
            .get(x.end()..y.start())
            .unwrap_or_default()
    }

    /// Word `a` and the one after it belong to one phrase: only spaces
    /// between them, or a hyphen ("pro-Kiev").
    #[inline]
    pub(super) fn joined(&self, a: usize) -> bool {
        // One space, the usual gap, is read as a byte, not as chars, here
        // where the sieves ask; other gaps out of line.
        if let Some([x, y]) = self.words.get(a..a + 2) {
            let (x, y) = (x.span(), y.span());
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
        match y.start().saturating_sub(x.end()) {
            1 => self.text.as_bytes().get(x.end()) == Some(&b'-'),
            3 => matches!(self.gap(a, a + 1), "‐" | "‑"),
            _ => false,
        }
    }

    /// Whether word `w` is in a sentence the entity stage read as a
    /// headline, whose capitals say nothing.
    pub(super) fn in_headline(&self, w: usize) -> bool {
        let Some(at) = self.words.get(w).map(Word::start) else {
            return false;
        };
        let i = self.headlines.partition_point(|s| s.end <= at);
        self.headlines.get(i).is_some_and(|s| s.start <= at)
    }

    #[inline]
    pub(super) fn is_capitalized(&self, w: usize) -> bool {
        let Some(span) = self.words.get(w).map(Word::span) else {
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
        let span = self.words.get(w).map_or_else(Span::default, Word::span);
        self.ascii.get(span.range()).unwrap_or("")
    }

    /// [`Doc::lower`] as bytes: for the sieves that compare a word with
    /// lexicon words or ASCII, which need no checks of char boundaries.
    #[inline]
    pub(super) fn lower_bytes(&self, w: usize) -> &[u8] {
        if let Some(lower) = self.recased.get(w) {
            return lower.as_bytes();
        }
        let span = self.words.get(w).map_or_else(Span::default, Word::span);
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
        match self.tagged.get(w) {
            Some(tags) => tags,
            None => self.look_up(w),
        }
    }

    /// Looks word `w` up and keeps its tags: out of line, as most words
    /// asked about are asked again.
    #[inline(never)]
    fn look_up(&self, w: usize) -> Tags {
        if w >= self.words.len() {
            return Tags::default();
        }
        let tags = self.table.get(self.lower_bytes(w));
        self.tagged.set(w, tags);
        tags
    }

    /// The sentence holding byte `at`.
    pub(super) fn sentence_at(&self, at: usize) -> Option<usize> {
        sentence_at(&self.sentences, at)
    }

    /// The span of paragraph `p`.
    pub(super) fn paragraph(&self, p: usize) -> Span {
        self.paragraphs[p].span
    }

    /// The paragraph holding byte `at`.
    pub(super) fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= at).then_some(i)
    }

    /// Whether paragraph `p` holds byte `at`: [`Doc::paragraph_at`] compared
    /// with `p`, by asking `p` alone rather than searching them all, as the
    /// paragraphs are in order and apart.
    pub(super) fn in_paragraph(&self, at: usize, p: usize) -> bool {
        self.paragraphs
            .get(p)
            .is_some_and(|p| p.span.start <= at && at < p.span.end)
    }

    /// The index of the first word starting at or after `at`.
    pub(super) fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start() < at)
    }

    /// The span from the start of word `a` to the end of word `b`.
    pub(super) fn words_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.words[a].start(), self.words[b].end())
    }
}

/// The sentence of `sentences` holding byte `at`.
fn sentence_at(sentences: &[Sentence], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span().end <= at);
    (i < sentences.len() && sentences[i].span().start <= at).then_some(i)
}

/// What [`Doc::new`] learns of the words as it reads them in order.
struct Tagging<'t> {
    text: &'t str,
    ascii: &'t str,
    /// Where the words looked up keep their tags.
    tagged: &'t Tagged,
    table: &'static WordTable<Tags>,
    recased: Recased,
    /// The recased words outside quotations that start a cue: few, and
    /// none in most texts.
    recased_starts: Vec<usize>,
    tokens: &'t [Token],
    /// The unplain tokens ([`Layout::unplain`]) not ending before the words
    /// still to read.
    unplain: &'t [usize],
    /// The quotations from the first at depth 0 whose inside starts past
    /// the words read, in order of their opening marks.
    quotes: &'t [Quotation],
    /// Each quotation passed, placed at its first word (`open`): the first
    /// starting at or after the start of its inside.
    placed: Vec<Placed>,
    /// Where the first of `unplain` starts (past any text when none is
    /// left): a word ending before it is an ASCII token, as most words are,
    /// known with no byte of its own looked at.
    unplain_start: usize,
    /// Where the inside of the first of `quotes` starts (past any text when
    /// none is left).
    quote_start: usize,
    /// The nearer of `unplain_start` and `quote_start`: a word starting
    /// before it is lowercased in `ascii`, and quoted as the word before
    /// was, told by one comparison.
    next_event: usize,
    /// One past the furthest end of the insides of the quotations at depth
    /// 0 passed: a word from there on is quoted if it ends before this.
    quoted_before: usize,
}

impl Tagging<'_> {
    /// Marks `words` quoted when inside a quotation at depth 0, lowercases
    /// and looks up those [`ascii_lowers`] does not lowercase, and writes
    /// to `candidates` those outside quotations whose shape may start a
    /// cue, telling how many. Out of line, with few values to hold: each
    /// word is a few dozen instructions, with no branch on it but at
    /// events.
    #[inline(never)]
    fn words(&mut self, words: &mut [Word], candidates: &mut [usize]) -> usize {
        let lower = self.ascii.as_bytes();
        let shapes = Tags::cue_shapes();
        let mut shaped = 0;
        for (w, word) in words.iter_mut().enumerate() {
            let span = word.span();
            // A word starting before the next event is lowercased in
            // `ascii`, and quoted as the word before was.
            let lowered = span.start < self.next_event || self.pass(span, w);
            let quoted = span.end < self.quoted_before;
            if !lowered {
                self.recase(span, w, quoted);
            }
            candidates[shaped] = w;
            shaped += usize::from(lowered & !quoted & shapes.admit(lower, span));
            word.end_quoted |= u32::from(quoted) * QUOTED;
        }
        shaped
    }

    /// The words that start a cue outside quotations, in order: those of
    /// `candidates` the table lists as one, compacted with no branch as
    /// they were gathered, and the recased ones. Each candidate's tags are
    /// kept, as every cue start is asked about; any other word is looked
    /// up when asked. Bytes, not a str: an ASCII word needs no checks of
    /// char boundaries.
    fn cue_starts(&mut self, words: &[Word], mut candidates: Vec<usize>) -> Vec<usize> {
        let mut kept = 0;
        for i in 0..candidates.len() {
            let w = candidates[i];
            let lower = words
                .get(w)
                .and_then(|word| self.ascii.as_bytes().get(word.span().range()))
                .unwrap_or_default();
            let tags = self.table.get(lower);
            self.tagged.set(w, tags);
            candidates[kept] = w;
            kept += usize::from(tags.any(Tags::CUE_START | Tags::ACCORDING));
        }
        candidates.truncate(kept);
        if !self.recased_starts.is_empty() {
            candidates.append(&mut self.recased_starts);
            candidates.sort_unstable();
        }
        candidates
    }

    /// Word `w`, at `span`, which [`ascii_lowers`] does not lowercase:
    /// lowercased here and looked up.
    #[inline(never)]
    fn recase(&mut self, span: Span, w: usize, quoted: bool) {
        let tags = self
            .table
            .get(self.recased.push(w, &self.text[span]).as_bytes());
        if !quoted && tags.any(Tags::CUE_START | Tags::ACCORDING) {
            self.recased_starts.push(w);
        }
        self.tagged.set(w, tags);
    }

    /// Passes the quotations and unplain tokens before word `w`, at `span`,
    /// which starts at or past `next_event`, and tells whether the word is
    /// lowercased in `ascii`. Out of line: a word in ten is at an event,
    /// and the others are read with their state in registers.
    #[inline(never)]
    fn pass(&mut self, span: Span, w: usize) -> bool {
        if span.start >= self.quote_start {
            while let Some((q, rest)) = self.quotes.split_first() {
                if q.depth == 0 {
                    if q.inner.start > span.start {
                        break;
                    }
                    self.quoted_before = self.quoted_before.max(q.inner.end + 1);
                }
                self.placed.push(Placed {
                    open: w,
                    ..Placed::default()
                });
                self.quotes = rest;
            }
            self.quote_start = self.quotes.first().map_or(usize::MAX, |q| q.inner.start);
        }
        let lowered = span.start < self.unplain_start || {
            self.unplain_start = usize::MAX;
            while let Some((&u, rest)) = self.unplain.split_first() {
                let token = self.tokens.get(u).map_or(Span::default(), |t| t.span);
                if token.end > span.start {
                    self.unplain_start = token.start;
                    break;
                }
                self.unplain = rest;
            }
            span.end <= self.unplain_start
                || ascii_lowers(self.ascii.get(span.range()).unwrap_or_default())
        };
        self.next_event = self.quote_start.min(self.unplain_start);
        lowered
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
        let tagged = Tagged::new();
        let doc = Doc::new(text, &ascii, &[], &layout, &[], &tagged);
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
        let tagged = Tagged::new();
        let doc = Doc::new(text, &ascii, &[], &layout, &[], &tagged);
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
        let tagged = Tagged::new();
        let doc = Doc::new(text, &ascii, &[], &layout, &[], &tagged);
        let starts: Vec<usize> = (0..doc.words.len())
            .filter(|&w| doc.tags(w).any(Tags::CUE_START | Tags::ACCORDING))
            .collect();
        assert_eq!(doc.cue_starts, starts);
        assert!(starts.len() >= 4, "{starts:?}");
        // Asked twice: the second answer is the one looked up by the first.
        for _ in 0..2 {
            for (w, word) in doc.words.iter().enumerate() {
                let lower = crate::text::lowercase(&text[word.span()]);
                assert_eq!(doc.lower(w), lower);
                assert_eq!(doc.lower_bytes(w), lower.as_bytes());
                let looked_up = Tags::table().get(lower.as_bytes());
                assert_eq!(doc.tags(w), looked_up, "{lower}");
            }
        }
    }

    #[test]
    fn words_are_quoted_and_placed_as_the_quotations_span_them() {
        let (mut quoted_words, mut cue_starts) = (0, 0);
        for text in [
            "He said “we will win” and “they — ‘the Élysée’ — lost,” she told reporters.",
            "“Open to the end of the paragraph, said no one\n\nShe SAID “x” y",
            "“”said “a” “b”c “ d ” according to “Kiev’s” officials. \"Straight,\" he says",
            "No quotation here, though it says so.",
        ] {
            let layout = Layout::new(text);
            let ascii = text.to_ascii_lowercase();
            let quotes = crate::quote::find(text, &layout);
            let tagged = Tagged::new();
            let doc = Doc::new(text, &ascii, &[], &layout, &quotes, &tagged);
            let outer = || quotes.iter().filter(|q| q.depth == 0);
            for word in &doc.words {
                let quoted =
                    outer().any(|q| q.inner.start <= word.start() && word.end() <= q.inner.end);
                assert_eq!(word.quoted(), quoted, "{text:?} {:?}", &text[word.span()]);
            }
            let starts: Vec<usize> = (0..doc.words.len())
                .filter(|&w| !doc.words[w].quoted())
                .filter(|&w| doc.tags(w).any(Tags::CUE_START | Tags::ACCORDING))
                .collect();
            assert_eq!(doc.cue_starts, starts, "{text:?}");
            quoted_words += doc.words.iter().filter(|w| w.quoted()).count();
            cue_starts += starts.len();
            for (i, q) in quotes.iter().enumerate() {
                let placed = doc.placed(i);
                assert_eq!(placed.sentence, doc.sentence_at(q.open.start), "{text:?}");
                if q.depth == 0 {
                    let close_end = q.close.map_or(q.inner.end, |c| c.end);
                    assert_eq!(placed.open, doc.word_from(q.open.start), "{text:?}");
                    assert_eq!(placed.close, doc.word_from(close_end), "{text:?}");
                }
            }
        }
        assert!(
            quoted_words >= 10 && cue_starts >= 5,
            "{quoted_words} {cue_starts}"
        );
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
