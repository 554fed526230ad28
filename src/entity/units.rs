//! The entity stage's view of the tokens: words split at inner hyphens, each
//! with its case, sentence and position, plus what the whole document says
//! about how words are capitalised.

use std::cell::{Cell, OnceCell};
use std::ops::Range;

use crate::gazetteer::Gender;
use crate::hash::{self, Set};
use crate::lexicon::{self, Lexicons, Listed};

use crate::text::{
    ascii_lowers, is_general_punctuation, lowercase, plain_ascii, title_cased, Layout, Recased,
    Spacing, Token, TokenKind,
};
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Clitic,
    Number,
    Quote,
    /// A hyphen glued to the words on both sides ("al-Sharaa").
    Hyphen,
    Punct,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Case {
    Lower,
    /// An uppercase first letter and some lowercase ones ("Gladkov", "McCain").
    Capitalised,
    /// Two or more letters, all uppercase ("RVC", "RUSSIA"); or one ("A").
    Upper,
    Other,
}

/// A unit of the entity stage: a word, number or mark.
///
/// A unit is made for each token, and the rules read them again and again:
/// its offsets and numbers are `u32`s, which a document, a window of the
/// text at most (see [`Doc::new`]), never outgrows, so that a unit takes 24
/// bytes where `usize`s took 40.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    /// Where it stands, as [`Unit::span`].
    start: u32,
    end: u32,
    /// Its sentence, an index into [`Doc::sentences`].
    pub(super) sentence: u32,
    /// The lexicons listing it lowercased, once asked; before, a bound of
    /// them ([`Lexicons::UNASKED`], or [`Listed::bound`]): kept with the
    /// unit, which the rules asking read anyway.
    lexicons: Cell<Lexicons>,
    pub(super) kind: Kind,
    pub(super) case: Case,
    /// No whitespace between this unit and the next.
    pub(super) glued: bool,
    /// The first word of its sentence, after any opening marks.
    pub(super) initial: bool,
    /// In a headline, or in a sentence written in capitals, where case says
    /// nothing about names.
    pub(super) headline: bool,
    /// Lowercased where it stands in [`Doc::ascii`]: ASCII, or of chars
    /// without case.
    plain: bool,
}

pub(super) struct Doc<'t> {
    pub(super) text: &'t str,
    pub(super) units: Vec<Unit>,
    /// Unit ranges, one per sentence.
    pub(super) sentences: Vec<Range<usize>>,
    /// In order, the units that may start a name (see [`Unit::may_start`]):
    /// gathered as the units are made, so that finding names visits these
    /// rather than reading every unit again.
    pub(super) starts: Vec<u32>,
    /// `text` with its ASCII letters lowercased, where most units are their
    /// lowercase selves: a copy of the text costs less than a lowercase
    /// word for each of them.
    ascii: String,
    /// The units not [`Unit::plain`] lowercased, without trailing periods.
    recased: Recased,
    /// Words seen capitalised in running text other than first in a
    /// sentence.
    capitalised: Seen<'t>,
    /// Words seen in lowercase in running text, once asked about often:
    /// most words are, and few documents ask about any, so the questions
    /// read the units rather than a list gathered as they are made.
    lowercase: OnceCell<Set<&'t str>>,
    lowercase_asked: Cell<u32>,
    /// As [`Buffers::titles`], kept for the next document.
    titles: Vec<Line>,
    listed: Listed,
}

/// How many units that may start a name [`Making::look_up_capitalised`]
/// is given at once, a few sentences' (a sentence of news has four):
/// called for each sentence, its calls cost 0.3 M instructions per MB of
/// news; once for the whole document, the units it reads again had left
/// the first-level cache (22k misses per MB more).
const LOOK_UP_AT: usize = 32;

/// How many questions [`Doc::seen_lowercase`] answers by reading the units
/// before building the set.
const LOWERCASE_SCANS: u32 = 16;

/// The capitalised words of running text, asked about word by word.
struct Seen<'t> {
    /// Where they stand, gathered as the units are made.
    spans: Vec<Span>,
    /// Built at the first question: the spans chained by [`bucket`] of
    /// their words. Made from two bytes of each span, with no word hashed
    /// whole, they cost less than a set, and each question reads its
    /// bucket's few spans rather than all of them.
    chains: OnceCell<Chains>,
    /// The buffers of an earlier document's chains, which the chains are
    /// built in: new ones took an allocation and its release a document,
    /// and chains with their heads inline, a copy of the heads into the
    /// cell.
    spare: Cell<Chains>,
    /// How many spans the questions have read in the chains so far.
    walked: Cell<usize>,
    /// The words, once the chains have been read more than [`WALKS`]
    /// times over: a text of many capitalised words of one bucket
    /// ("Trump", "Tramp", ...) would read them all for each question.
    set: OnceCell<Set<&'t str>>,
}

/// The spans of [`Seen`] chained by bucket, each link a span's index
/// plus one, 0 for none.
#[derive(Default)]
struct Chains {
    /// Per bucket, the last span in it: [`BUCKETS`] of them once built.
    heads: Vec<u32>,
    /// Per span, the span before it in its bucket.
    next: Vec<u32>,
}

/// How many buckets [`Seen::chains`] chains the spans in: most documents
/// have fewer capitalised words of running text, and a bucket's spans
/// are mostly one word's.
const BUCKETS: usize = 256;

/// How many times over the questions may read [`Seen::chains`] before
/// [`Seen::set`] answers them instead; news reads a few spans a question.
const WALKS: usize = 8;

/// The bucket of a word of `len` bytes from `first` to `last`.
#[inline]
fn bucket(len: usize, first: u8, last: u8) -> usize {
    hash::shape(len, first, last, BUCKETS.ilog2())
}

impl<'t> Seen<'t> {
    fn new(spans: Vec<Span>, spare: Chains) -> Seen<'t> {
        Seen {
            spans,
            chains: OnceCell::new(),
            spare: Cell::new(spare),
            walked: Cell::new(0),
            set: OnceCell::new(),
        }
    }

    /// The spans and the buffers of the chains, built or not, for the next
    /// document.
    fn into_parts(self) -> (Vec<Span>, Chains) {
        let chains = match self.chains.into_inner() {
            Some(chains) => chains,
            None => self.spare.into_inner(),
        };
        (self.spans, chains)
    }

    /// [`Seen::chains`] of the spans, words of `bytes`: out of line, as
    /// they are made once a document, so that a question's path stays
    /// short.
    #[inline(never)]
    fn chain(&self, bytes: &[u8]) -> Chains {
        let Chains {
            mut heads,
            mut next,
        } = self.spare.take();
        heads.clear();
        heads.resize(BUCKETS, 0);
        next.clear();
        // As an array, indexed by buckets with no check.
        if let Some(heads) = heads.first_chunk_mut::<BUCKETS>() {
            // Spans of words are never empty, so their lengths need no
            // saturating (as `Span::len` does), and far fewer than
            // `u32::MAX`, a document being a window of the text at most.
            // Extended from a map, the links are written with no test of
            // room for each.
            next.extend((self.spans.iter().zip(1..)).map(|(s, n)| {
                let b = bucket(s.end - s.start, bytes[s.start], bytes[s.end - 1]);
                std::mem::replace(&mut heads[b], n)
            }));
        }
        Chains { heads, next }
    }

    fn contains(&self, text: &'t str, word: &str) -> bool {
        if let Some(set) = self.set.get() {
            return set.contains(word);
        }
        let walked = self.walked.get();
        if walked > WALKS * (self.spans.len() + BUCKETS) {
            return self
                .set
                .get_or_init(|| {
                    // Sized at once: growing rehashes every word again.
                    let mut set =
                        Set::with_capacity_and_hasher(self.spans.len(), Default::default());
                    set.extend(self.spans.iter().map(|&s| &text[s]));
                    set
                })
                .contains(word);
        }
        let bytes = text.as_bytes();
        let chains = self.chains.get_or_init(|| self.chain(bytes));
        let word = word.as_bytes();
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        let Some(&head) = chains.heads.get(bucket(word.len(), first, last)) else {
            return false;
        };
        let mut at = head as usize;
        let mut read = 0;
        while at != 0 {
            read += 1;
            let s = self.spans[at - 1];
            if s.len() == word.len() && bytes.get(s.range()) == Some(word) {
                break;
            }
            at = chains.next[at - 1] as usize;
        }
        self.walked.set(walked + read);
        at != 0
    }
}

/// The buffers a document's units are made in, kept by a thread from one
/// document to the next (see [`Doc::new`]): the next fills memory that the
/// last left in the cache, where new buffers missed it at each line.
#[derive(Default)]
pub(super) struct Buffers {
    units: Vec<Unit>,
    sentences: Vec<Range<usize>>,
    starts: Vec<u32>,
    capitalised: Vec<Span>,
    /// As [`Seen::chains`].
    chains: Chains,
    /// Per sentence, what kind of paragraph has it.
    titles: Vec<Line>,
    /// As [`Doc::ascii`]: handed on with the entities, and back from
    /// them once the stages after have read it ([`super::give_back`]).
    pub(super) ascii: String,
}

impl<'t> Doc<'t> {
    /// `names`: the spans of confident gazetteer names, in text order; their
    /// capitals do not make a line title case ("Czech Republic"). The units
    /// are made in `buffers`, those of an earlier document (see
    /// [`Doc::into_parts`]), emptied here.
    // Out of line, as called once a text: a profile shows the stage's
    // cost under its name whatever the compiler inlines around it.
    #[inline(never)]
    pub(super) fn new(text: &'t str, layout: &Layout, names: &[Span], buffers: Buffers) -> Doc<'t> {
        // Units keep their offsets in `u32`s: the stage is given a window
        // of a text, of 64 KB at most, never a text of gigabytes.
        assert!(u32::try_from(text.len()).is_ok(), "a text of over 4 GB");
        let Buffers {
            mut units,
            mut sentences,
            mut starts,
            mut capitalised,
            chains,
            mut titles,
            mut ascii,
        } = buffers;
        sentences.clear();
        sentences.reserve(layout.sentences.len());
        titles.clear();
        titles.resize(layout.sentences.len(), Line::Running);
        for (i, p) in layout.paragraphs.iter().enumerate() {
            let line = if p.is_title {
                Line::Title
            } else if i + 1 < layout.paragraphs.len() && layout.is_short_line(p) {
                Line::Short
            } else {
                continue;
            };
            for s in p.sentences.clone() {
                if let Some(t) = titles.get_mut(s) {
                    *t = line;
                }
            }
        }
        ascii.clear();
        ascii.push_str(text);
        ascii.make_ascii_lowercase();
        units.clear();
        units.reserve(layout.tokens.len());
        // About one token in eight is a capitalised word of running text
        // (12% in news), more in many documents: room for a sixth at once,
        // rather than growing by doubling.
        capitalised.clear();
        capitalised.reserve(layout.tokens.len() / 6);
        // About one token in six is a capitalised word (17% in news), most
        // of the units that may start a name, and numbers start more: room
        // for a quarter. An eighth, as it was, grew in most documents.
        starts.clear();
        starts.reserve(layout.tokens.len() / 4);
        let listed = Listed::new();
        let mut made = Making {
            text,
            listed,
            ascii: ascii.as_bytes(),
            units,
            capitalised,
            starts,
            recased: Recased::default(),
            unplain: &layout.unplain,
        };
        // The units that may start a name up to here are looked up.
        let mut looked_up = 0;
        for (si, sentence) in layout.sentences.iter().enumerate() {
            let first = made.units.len();
            let capitalised_before = made.capitalised.len();
            let tokens = layout.tokens.get(sentence.tokens.clone()).unwrap_or(&[]);
            let reading = made.sentence(tokens, sentence.tokens.start, si);
            let units = &mut made.units;
            let range = first..units.len();
            let shouting = reading.total >= 2 && reading.upper * 2 > reading.total;
            let headline = shouting || title_case(text, &units[range.clone()], names, titles[si]);
            // Few sentences are headlines: their words, taken as running
            // text while they were made, are taken back.
            if headline {
                for u in &mut units[range.clone()] {
                    u.headline = true;
                }
                made.capitalised.truncate(capitalised_before);
            }
            sentences.push(range);
            if made.starts.len() - looked_up >= LOOK_UP_AT {
                made.look_up_capitalised(looked_up);
                looked_up = made.starts.len();
            }
        }
        made.look_up_capitalised(looked_up);
        let Making {
            units,
            capitalised,
            starts,
            recased,
            ..
        } = made;
        Doc {
            text,
            units,
            sentences,
            starts,
            ascii,
            recased,
            capitalised: Seen::new(capitalised, chains),
            lowercase: OnceCell::new(),
            lowercase_asked: Cell::new(0),
            titles,
            listed,
        }
    }

    /// The text with its ASCII letters lowercased, for the stages after,
    /// and the buffers, for the next document.
    pub(super) fn into_parts(self) -> (String, Buffers) {
        let (capitalised, chains) = self.capitalised.into_parts();
        let buffers = Buffers {
            units: self.units,
            sentences: self.sentences,
            starts: self.starts,
            capitalised,
            chains,
            titles: self.titles,
            ascii: String::new(),
        };
        (self.ascii, buffers)
    }

    #[inline]
    pub(super) fn word(&self, i: usize) -> &'t str {
        self.units.get(i).map_or("", |u| &self.text[u.span()])
    }

    /// Whether unit `i` is `word` (past the end: whether `word` is empty);
    /// bytes compare without the checks of char boundaries slicing makes.
    #[inline]
    pub(super) fn word_is(&self, i: usize, word: &str) -> bool {
        let unit = self
            .units
            .get(i)
            .map_or(&[][..], |u| &self.text.as_bytes()[u.span().range()]);
        unit == word.as_bytes()
    }

    /// Unit `i` lowercased without trailing periods ("Gov." -> "gov").
    #[inline]
    pub(super) fn lower(&self, i: usize) -> &str {
        let Some(u) = self.units.get(i) else {
            return "";
        };
        if !u.plain {
            return self.recased.get(i).unwrap_or("");
        }
        let word = &self.ascii.as_bytes()[u.span().range()];
        &self.ascii[u.span().start..u.span().end - trailing_dots(word)]
    }

    /// [`Doc::lower`] of unit `i`, `u`, as bytes: a plain unit's are read
    /// without the checks of char boundaries slicing makes.
    #[inline]
    fn lower_bytes(&self, i: usize, u: &Unit) -> &[u8] {
        if !u.plain {
            return self.recased.get(i).unwrap_or("").as_bytes();
        }
        let word = &self.ascii.as_bytes()[u.span().range()];
        &word[..word.len() - trailing_dots(word)]
    }

    /// Whether unit `i` lowercased is in any of `these` lexicons. Several
    /// rules ask about the same word, so each unit is looked up once.
    #[inline]
    pub(super) fn listed(&self, i: usize, these: Lexicons) -> bool {
        let Some(u) = self.units.get(i) else {
            return false;
        };
        let known = u.lexicons.get();
        if !known.any(these) {
            return false;
        }
        known.is_exact() || self.look_up(i, these)
    }

    /// [`Doc::listed`] of a unit not looked up yet: looked up, unless its
    /// shape tells that none of `these` lists it, which is kept for the
    /// questions after.
    fn look_up(&self, i: usize, these: Lexicons) -> bool {
        // The unit, read once for its word and its lexicons.
        let Some(u) = self.units.get(i) else {
            return false;
        };
        let lower = self.lower_bytes(i, u);
        let bound = self.listed.bound(lower);
        if !bound.any(these) {
            u.lexicons.set(bound);
            return false;
        }
        look_up_exact(self.listed, u, lower, these)
    }

    /// Unit `i` as a given name, as [`lexicon::given_name`] of its word
    /// tells: told by its lexicons where they are known, as a capitalised
    /// word's are from its making on (see [`Lexicons::given_name`]).
    #[inline]
    pub(super) fn given_name(&self, i: usize) -> Option<Option<Gender>> {
        let u = self.units.get(i)?;
        let known = u.lexicons.get();
        // Most units asked about are capitalised words, looked up, and no
        // given name, which their lexicons tell with no slice of the text
        // and no call.
        if known.is_exact() && !known.any(Lexicons::GIVEN) {
            return None;
        }
        self.given_name_of(u, known)
    }

    /// [`Doc::given_name`] of `u`, whose lexicons are `known`, where they
    /// do not settle it alone: out of line, as few units asked are such.
    #[inline(never)]
    fn given_name_of(&self, u: &Unit, known: Lexicons) -> Option<Option<Gender>> {
        let word = &self.text.as_bytes()[u.span().range()];
        if known.is_exact() {
            known.given_name(word)
        } else {
            lexicon::given_name(word)
        }
    }

    /// Whether unit `i` as written is in any of `these` lexicons: as
    /// [`Doc::listed`] where it is its own lowercase form, and never where
    /// it is not, as the lexicons hold only such words.
    #[inline]
    pub(super) fn listed_as_written(&self, i: usize, these: Lexicons) -> bool {
        self.listed(i, these) && self.written_lowercase(i)
    }

    /// Whether unit `i` is written as its lowercase form: out of line, as
    /// few units asked about are listed, and the comparison would cost
    /// every asking a frame.
    #[inline(never)]
    fn written_lowercase(&self, i: usize) -> bool {
        self.word(i) == self.lower(i)
    }

    #[inline]
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.units.get(i).is_some_and(|u| u.kind == Kind::Word)
    }

    /// Whether the unit starts with a capital: a possible name word.
    #[inline]
    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.units.get(i).is_some_and(|u| {
            u.kind == Kind::Word && matches!(u.case, Case::Capitalised | Case::Upper)
        })
    }

    /// Whether `word` (in the case it is written, or title-cased if it is
    /// in capitals) appears capitalised inside running text.
    pub(super) fn seen_capitalised(&self, word: &str) -> bool {
        if self.capitalised.contains(self.text, word) {
            return true;
        }
        // Most words asked about are title case already, of ASCII: no copy
        // to make, which one reading of their bytes tells.
        if let [first, rest @ ..] = word.as_bytes() {
            if first.is_ascii()
                && rest
                    .iter()
                    .all(|&b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                return false;
            }
        }
        let titled = title_cased(word);
        titled != word && self.capitalised.contains(self.text, &titled)
    }

    /// Whether `word`, lowercased, appears in lowercase in running text.
    pub(super) fn seen_lowercase(&self, word: &str) -> bool {
        let word = lowercase(word);
        let running = |u: &Unit| u.kind == Kind::Word && u.case == Case::Lower && !u.headline;
        if let Some(set) = self.lowercase.get() {
            return set.contains(&*word);
        }
        let asked = self.lowercase_asked.get();
        if asked < LOWERCASE_SCANS {
            self.lowercase_asked.set(asked + 1);
            // Most words asked about are names, nowhere in the text in
            // lowercase: a search of the text, sixteen bytes a step, says
            // so faster than a reading of the units. Such answers count
            // towards building the set all the same, so that a document
            // asking many questions is not searched for each.
            if !self.text.contains(&*word) {
                return false;
            }
            // Lengths first, told by the ends (a span's length saturates):
            // they turn away almost every unit unread.
            let (bytes, word) = (self.text.as_bytes(), word.as_bytes());
            let is_word = |u: &Unit| {
                u.span().end == u.span().start + word.len()
                    && running(u)
                    && &bytes[u.span().range()] == word
            };
            // Four units a step: a step's count and test of its end, for
            // each unit, took three of the eight instructions a unit.
            let mut fours = self.units.chunks_exact(4);
            return fours.by_ref().any(|four| four.iter().any(is_word))
                || fours.remainder().iter().any(is_word);
        }
        self.lowercase
            .get_or_init(|| {
                // Sized at once: growing rehashes every word again.
                let words = self.units.iter().filter(|u| running(u));
                let mut set =
                    Set::with_capacity_and_hasher(words.clone().count(), Default::default());
                set.extend(words.map(|u| &self.text[u.span()]));
                set
            })
            .contains(&*word)
    }
}

/// [`Doc::look_up`] of unit `u`, of `lower`, whose shape does not tell
/// that none of `these` lists it: out of line, in the tail of the asking,
/// so that the asking most words' shapes answer keeps a short frame.
#[inline(never)]
fn look_up_exact(listed: Listed, u: &Unit, lower: &[u8], these: Lexicons) -> bool {
    let lexicons = listed.of(lower);
    u.lexicons.set(lexicons);
    lexicons.any(these)
}

/// How many periods end `word`. Bytes, not chars: a '.' is one byte, never
/// part of another char's.
#[inline]
fn trailing_dots(word: &[u8]) -> usize {
    match word.last() {
        Some(b'.') => word.iter().rev().take_while(|&&b| b == b'.').count(),
        _ => 0,
    }
}

/// The kind of paragraph a sentence is in, as far as telling a headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    Running,
    /// [`Paragraph::is_title`](crate::Paragraph::is_title).
    Title,
    /// One short line that ends as a sentence does ("Trump Slams The Media
    /// In One Answer."), as some sources write their headlines, above
    /// another paragraph: a text of one line is a sentence.
    Short,
}

/// Whether a title line, or a short line, capitalises its common words
/// ("Prisoner of War Exchange Offer"), so that its capitals say nothing; a
/// line written like running text ("Tim Henman beat Doug Flach") keeps its
/// evidence.
fn title_case(text: &str, units: &[Unit], names: &[Span], line: Line) -> bool {
    match line {
        Line::Running => return false,
        // Most short lines are sentences, most of whose words are in lower
        // case, where a headline's are only its short function words: told
        // by the units' case before any word is looked up.
        Line::Short => {
            let words = units.iter().skip(1).filter(|u| u.kind == Kind::Word);
            let lower = words.clone().filter(|u| u.case == Case::Lower).count();
            if 2 * lower > words.count() {
                return false;
            }
        }
        Line::Title => {}
    }
    let named = |s: Span| {
        let i = names.partition_point(|n| n.end <= s.start);
        names
            .get(i)
            .is_some_and(|n| n.start <= s.start && s.end <= n.end)
    };
    let (mut capitalised, mut common) = (0, 0);
    for u in units
        .iter()
        .filter(|u| u.kind == Kind::Word && !named(u.span()))
        .skip(1)
    {
        let lower = lowercase(&text[u.span()]);
        if lexicon::NOT_NAMES.contains(&*lower) || !lexicon::COMMON_WORDS.contains(&*lower) {
            continue;
        }
        common += 1;
        capitalised += usize::from(u.case != Case::Lower);
    }
    match line {
        // Two at least: names that are also words ("Anthony Hill beat Dan
        // Jenson") capitalise one now and then.
        Line::Title => capitalised >= 2 && capitalised * 2 >= common,
        // A line with a sentence's final stop is most often a sentence:
        // only a headline capitalises every word. Names that are words
        // come in twos ("Follow Pam Key on Twitter."), seldom three.
        _ => capitalised >= 3 && capitalised == common,
    }
}

/// Whether a unit of `kind` and `bytes` is an opening quotation mark or
/// bracket, after which a capital says nothing ("“The Future of Russia”").
#[inline]
fn opening_mark(kind: Kind, bytes: &[u8]) -> bool {
    // The dashes are "—" and "–" in UTF-8.
    kind == Kind::Quote
        || matches!(
            bytes,
            b"(" | b"[" | b":" | b"-" | b"\xE2\x80\x94" | b"\xE2\x80\x93"
        )
}

fn unit(text: &str, span: Span, kind: Kind, glued: bool, sentence: usize) -> Unit {
    let word = &text[span];
    unit_of(word, span, kind, glued, sentence, ascii_lowers(word))
}

/// [`unit`] of `word`, the text at `span`, already at hand.
#[inline]
fn unit_of(word: &str, span: Span, kind: Kind, glued: bool, sentence: usize, plain: bool) -> Unit {
    Unit::new(span, kind, case_of(word), glued, sentence, plain)
}

impl Unit {
    /// A unit not yet placed in its sentence (neither initial nor in a
    /// headline) nor looked up.
    #[inline]
    fn new(span: Span, kind: Kind, case: Case, glued: bool, sentence: usize, plain: bool) -> Unit {
        // Offsets and sentences of a document fit (see `Doc::new`).
        Unit {
            start: span.start as u32,
            end: span.end as u32,
            sentence: sentence as u32,
            lexicons: Cell::new(Lexicons::UNASKED),
            kind,
            case,
            glued,
            initial: false,
            headline: false,
            plain,
        }
    }

    /// Where the unit stands in the text.
    #[inline]
    pub(super) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// What a sentence's units so far tell of the next, taken in order as they
/// are made rather than in another reading of them.
#[derive(Default)]
struct Reading {
    /// The words, and those in capitals of two letters or more: `u32`s,
    /// which the loop making the units counted in fewer instructions than
    /// `usize`s (0.45 M per MB); a document, a window of the text at most,
    /// has far fewer words.
    total: u32,
    upper: u32,
    /// Whether a word or number came before: the first word is initial.
    seen_word: bool,
    /// Whether a word now would not be initial: one came before, and the
    /// unit before is no opening mark. Kept as it changes, so that a
    /// word, most units, reads one flag rather than two (0.9 M
    /// instructions per MB fewer, as the loop also kept more of its state
    /// in registers).
    continued: bool,
}

impl Reading {
    /// Takes the next unit `u`, of `bytes`: marks whether it is initial,
    /// counts it, and gathers it into `capitalised` if a capitalised word
    /// of running text.
    #[inline]
    fn take(&mut self, u: &mut Unit, bytes: &[u8], capitalised: &mut Vec<Span>) {
        let initial = u.kind == Kind::Word && !self.continued;
        u.initial = initial;
        if u.kind == Kind::Word {
            self.upper += u32::from(u.case == Case::Upper && u.span().len() > 1);
            self.total += 1;
            if !initial && matches!(u.case, Case::Capitalised | Case::Upper) {
                capitalised.push(u.span());
            }
        }
        if matches!(u.kind, Kind::Word | Kind::Number) {
            self.seen_word = true;
        }
        self.continued = self.seen_word && !opening_mark(u.kind, bytes);
    }
}

/// The units as they are made, sentence by sentence.
struct Making<'t> {
    text: &'t str,
    listed: Listed,
    /// As [`Doc::ascii`].
    ascii: &'t [u8],
    units: Vec<Unit>,
    /// The capitalised words of running text, as [`Seen::spans`].
    capitalised: Vec<Span>,
    /// As [`Doc::starts`].
    starts: Vec<u32>,
    recased: Recased,
    /// The unplain tokens ([`Layout::unplain`]) of this sentence and those
    /// after.
    unplain: &'t [usize],
}

impl Making<'_> {
    /// Makes the units of sentence `si`, of `tokens`, the first of which is
    /// token `first`, and tells what they are. Out of line, and the general
    /// path apart from the fast ones: inlined into [`Doc::new`], the loop
    /// kept less of its state in registers (1.1 M instructions per MB more).
    #[inline(never)]
    fn sentence(&mut self, tokens: &[Token], first: usize, si: usize) -> Reading {
        let mut reading = Reading::default();
        // Past the last unplain token, a place no token has: the loop
        // keeps one register and tests it once, where an `Option` took
        // two registers and two tests.
        let mut next_unplain = self.unplain.first().copied().unwrap_or(usize::MAX);
        for (n, token) in (first..).zip(tokens) {
            // Most tokens are ASCII without a hyphen, as the text stage
            // tells, and their bytes begin and end at char boundaries.
            let known_plain = next_unplain != n;
            if !known_plain {
                self.unplain = &self.unplain[1..];
                next_unplain = self.unplain.first().copied().unwrap_or(usize::MAX);
            }
            let glued = token.space_after == Spacing::None;
            // A token outside the text (there are none) makes no unit,
            // as the text's slice below would fail too: told by a
            // branch, not an empty slice to test again.
            let Some(bytes) = self.text.as_bytes().get(token.span.range()) else {
                continue;
            };
            // Most other tokens are one ASCII mark (commas, periods), which
            // is read, as the words are, without slicing the text.
            match token.kind {
                // A lowercase word, most words, starts no name, is no
                // mark and not in capitals: all it tells the reading is
                // that a word came.
                TokenKind::Word
                    if known_plain && bytes.first().is_some_and(u8::is_ascii_lowercase) =>
                {
                    let mut u = Unit::new(token.span, Kind::Word, Case::Lower, glued, si, true);
                    u.initial = !reading.continued;
                    reading.total += 1;
                    reading.seen_word = true;
                    reading.continued = true;
                    self.units.push(u);
                }
                // A word opening with a capital may start a name, and
                // is running text's unless initial; it is no mark. This
                // path and the one above do what `gather_start` and
                // `Reading::take` would for such a word, spelled out (a
                // change there is one here too): through them, this path
                // cost 1.1 M instructions per MB more.
                TokenKind::Word
                    if known_plain && bytes.first().is_some_and(u8::is_ascii_uppercase) =>
                {
                    let case = if bytes[1..].iter().any(u8::is_ascii_lowercase) {
                        Case::Capitalised
                    } else {
                        Case::Upper
                    };
                    let mut u = Unit::new(token.span, Kind::Word, case, glued, si, true);
                    let initial = !reading.continued;
                    u.initial = initial;
                    // Units are far fewer than `u32::MAX`, a document
                    // being a window of the text at most.
                    self.starts.push(self.units.len() as u32);
                    reading.upper += u32::from(case == Case::Upper && bytes.len() > 1);
                    reading.total += 1;
                    if !initial {
                        self.capitalised.push(token.span);
                    }
                    reading.seen_word = true;
                    reading.continued = true;
                    self.units.push(u);
                }
                TokenKind::Punctuation if bytes.len() == 1 && bytes[0].is_ascii() => {
                    let kind = if bytes[0] == b'-'
                        && glued
                        && self.units.last().is_some_and(|u| u.glued)
                    {
                        Kind::Hyphen
                    } else {
                        Kind::Punct
                    };
                    let case = case_of_ascii(bytes);
                    let mut u = Unit::new(token.span, kind, case, glued, si, true);
                    gather_start(&mut self.starts, &self.units, &u, bytes);
                    reading.take(&mut u, bytes, &mut self.capitalised);
                    self.units.push(u);
                }
                // Other words of ASCII, numbers, and the marks of more
                // than one byte or opening with general punctuation ("“",
                // "’s", "—"), one token in fifteen: made here rather than
                // through a call of `general`, which cost them 0.1 M
                // instructions per MB more.
                _ if known_plain || plain(bytes) => {
                    let case = case_of_ascii(bytes);
                    let kind = plain_kind(token.kind);
                    let mut u = Unit::new(token.span, kind, case, glued, si, true);
                    gather_start(&mut self.starts, &self.units, &u, bytes);
                    reading.take(&mut u, bytes, &mut self.capitalised);
                    self.units.push(u);
                }
                _ => self.general(token, glued, si, &mut reading),
            }
        }
        reading
    }

    /// Looks up the capitalised words of ASCII among the units that may
    /// start a name, from `from` on in `starts`. Nearly every such word is
    /// asked about (30.7 k of 31 k in a MB of news, against 24 k of 114 k
    /// lowercase words), so each is looked up soon after it is made, while
    /// its unit is in the cache, rather than when first asked (see
    /// [`LOOK_UP_AT`]). Not in the loop making the units:
    /// with the lookup's calls there, the loop had more to keep across
    /// calls than registers to keep it in, and how the compiler spilled
    /// it changed with unrelated code elsewhere in the crate (with one
    /// codegen unit it kept `self` on the stack, 0.6 M instructions per MB
    /// more).
    #[inline(never)]
    fn look_up_capitalised(&self, from: usize) {
        for &i in &self.starts[from..] {
            let Some(u) = self.units.get(i as usize) else {
                continue;
            };
            if u.kind == Kind::Word && u.plain && matches!(u.case, Case::Capitalised | Case::Upper)
            {
                if let Some(lower) = self.ascii.get(u.span().range()) {
                    let lower = &lower[..lower.len() - trailing_dots(lower)];
                    u.lexicons.set(self.listed.of(lower));
                }
            }
        }
    }

    /// Makes the units of a token the fast paths leave.
    #[inline(never)]
    fn general(&mut self, token: &Token, glued: bool, si: usize, reading: &mut Reading) {
        let text = self.text;
        let Some(word) = text.get(token.span.range()) else {
            return;
        };
        let units = &mut self.units;
        let kind = match token.kind {
            // A hyphen joins only when glued on both sides ("al-Sharaa");
            // a spaced one is a dash.
            TokenKind::Punctuation
                if is_hyphen(word) && glued && units.last().is_some_and(|u: &Unit| u.glued) =>
            {
                Kind::Hyphen
            }
            kind => plain_kind(kind),
        };
        let made = units.len();
        if kind == Kind::Word && has_hyphen(word) {
            split_hyphens(text, token.span, glued, si, units);
        } else {
            units.push(unit_of(
                word,
                token.span,
                kind,
                glued,
                si,
                ascii_lowers(word),
            ));
        }
        for i in made..units.len() {
            let (before, after) = units.split_at_mut(i);
            let u = &mut after[0];
            let bytes = &text.as_bytes()[u.span().range()];
            gather_start(&mut self.starts, before, u, bytes);
            reading.take(u, bytes, &mut self.capitalised);
            if !u.plain {
                self.recased.push(i, text[u.span()].trim_end_matches('.'));
            }
        }
    }
}

/// The kind of a token's unit, but for a hyphen joining words, which only
/// the units beside it tell.
#[inline]
fn plain_kind(kind: TokenKind) -> Kind {
    match kind {
        TokenKind::Word => Kind::Word,
        TokenKind::Clitic => Kind::Clitic,
        TokenKind::Number => Kind::Number,
        TokenKind::Quote => Kind::Quote,
        TokenKind::Punctuation => Kind::Punct,
        TokenKind::Symbol => Kind::Other,
    }
}

/// Whether a token of `bytes` is lowercased where it stands in
/// [`Doc::ascii`] and holds no hyphen, as nearly every token is: of ASCII,
/// or of a mark of general punctuation ("“", "’s", "—") and ASCII after
/// it. Such bytes begin and end at char boundaries.
#[inline]
fn plain(bytes: &[u8]) -> bool {
    match general_punctuation_opens(bytes) {
        Some(rest) => plain_ascii(rest),
        None => !bytes.is_empty() && plain_ascii(bytes),
    }
}

/// The bytes after the first char of `bytes` if that char is general
/// punctuation (U+2000..U+203F: quotation marks, apostrophes, dashes) but
/// no hyphen, which splits words; `None` otherwise.
#[inline]
fn general_punctuation_opens(bytes: &[u8]) -> Option<&[u8]> {
    match bytes {
        [0xE2, 0x80, third, rest @ ..] if !matches!(third, 0x90 | 0x91) => Some(rest),
        _ => None,
    }
}

/// Gathers into `starts` the units that may start a name, as `u`, of
/// `bytes`, follows the units `before` it: `u` if a capitalised word or
/// opening with a digit, and the word before it if glued to `u`, a hyphen
/// ("al-Sharaa"). Other words, even glued to a comma, start none, which
/// this tells once rather than finding names asking of every unit.
#[inline(always)]
fn gather_start(starts: &mut Vec<u32>, before: &[Unit], u: &Unit, bytes: &[u8]) {
    // Units are far fewer than `u32::MAX`, a document being a window of
    // the text at most.
    let i = before.len() as u32;
    if u.kind == Kind::Hyphen
        && before
            .last()
            .is_some_and(|w| w.kind == Kind::Word && w.glued)
        && starts.last() != Some(&(i - 1))
    {
        starts.push(i - 1);
    }
    if (u.kind == Kind::Word && matches!(u.case, Case::Capitalised | Case::Upper))
        || bytes.first().is_some_and(u8::is_ascii_digit)
    {
        starts.push(i);
    }
}

fn split_hyphens(text: &str, span: Span, glued: bool, sentence: usize, out: &mut Vec<Unit>) {
    let word = &text[span];
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if is_hyphen_char(c) {
            if i > start {
                let s = Span::new(span.start + start, span.start + i);
                out.push(unit(text, s, Kind::Word, true, sentence));
            }
            let h = Span::new(span.start + i, span.start + i + c.len_utf8());
            out.push(unit(text, h, Kind::Hyphen, true, sentence));
            start = i + c.len_utf8();
        }
    }
    let last = Span::new(span.start + start, span.end);
    if !last.is_empty() {
        out.push(unit(text, last, Kind::Word, glued, sentence));
    } else if let Some(u) = out.last_mut() {
        u.glued = glued;
    }
}

/// Whether `word` holds a hyphen; the bytes are read first because a
/// word rarely holds one, and '\u{2010}' and '\u{2011}' both start with 0xE2.
fn has_hyphen(word: &str) -> bool {
    word.bytes().any(|b| b == b'-' || b == 0xE2) && word.contains(is_hyphen_char)
}

fn is_hyphen_char(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_hyphen(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_hyphen_char) && chars.next().is_none()
}

/// Whether `word` is one char: counting all its chars, as the rules
/// asking this would, reads every one of a long word's.
pub(super) fn one_char(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some() && chars.next().is_none()
}

fn case_of(word: &str) -> Case {
    // The first byte settles most words: a lowercase ASCII letter opens a
    // lowercase word and another ASCII char no word of any case, whatever
    // follows; after a capital the first lowercase letter decides.
    let bytes = word.as_bytes();
    match bytes.first() {
        None => Case::Other,
        // Capitals with no lowercase ASCII letter after them may still have
        // lowercase letters beyond ASCII.
        Some(b) if b.is_ascii() => match case_of_ascii(bytes) {
            Case::Upper if !bytes.is_ascii() => case_of_chars(word),
            case => case,
        },
        // Quotation marks and dashes (general punctuation), the most
        // common units not ASCII, are no letters: a unit opening with one
        // is of no case, which a range check says without the Unicode
        // tables.
        Some(_) if word.starts_with(is_general_punctuation) => Case::Other,
        Some(_) => case_of_chars(word),
    }
}

/// [`case_of`] of a word of ASCII bytes, not empty; of a word only
/// starting with one, as far as its ASCII bytes tell.
#[inline]
fn case_of_ascii(bytes: &[u8]) -> Case {
    match bytes {
        [b, ..] if b.is_ascii_lowercase() => Case::Lower,
        [b, rest @ ..] if b.is_ascii_uppercase() => {
            if rest.iter().any(u8::is_ascii_lowercase) {
                Case::Capitalised
            } else {
                Case::Upper
            }
        }
        _ => Case::Other,
    }
}

/// [`case_of`] for any text, char by char.
fn case_of_chars(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Other;
    };
    if !word.starts_with(first) {
        return Case::Other;
    }
    if first.is_lowercase() {
        return Case::Lower;
    }
    if !first.is_uppercase() {
        return Case::Other;
    }
    if letters.any(|c| c.is_lowercase()) {
        Case::Capitalised
    } else {
        Case::Upper
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Seen::contains`] answers as a reading of every span would: words
    /// seen again, words of one bucket ("Bat", "Bit", "But"), more spans
    /// than buckets, and, once many words of one bucket have been read for
    /// each question, from its set.
    #[test]
    fn seen_answers_as_a_reading() {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut words: Vec<String> = vec!["Bat".into(), "Bit".into(), "Bat".into(), "A".into()];
        words.extend((0..700).map(|i| format!("W{}z", i % 350)));
        words.extend((0..600).map(|i| format!("T{i:03}p")));
        for w in &words {
            spans.push(Span::new(text.len(), text.len() + w.len()));
            text.push_str(w);
            text.push(' ');
        }
        let seen = Seen::new(spans.clone(), Chains::default());
        let mut asked: Vec<String> = ["Bat", "Bit", "But", "Bot", "A", "B", "", "W", "Wz"]
            .map(String::from)
            .to_vec();
        asked.extend((0..400).map(|i| format!("W{i}z")));
        asked.extend((500..700).map(|i| format!("T{i:03}p")));
        for word in asked.iter().cycle().take(3 * asked.len()) {
            let read = spans.iter().any(|&s| &text[s] == word);
            assert_eq!(seen.contains(&text, word), read, "{word:?}");
        }
        assert!(seen.set.get().is_some());
    }

    #[test]
    fn ascii_case_is_the_char_case() {
        for word in [
            "Kyiv", "kyiv", "RVC", "U.S.", "a", "A", "3D", "'90s", "McCain", "iPhone", "-", "",
            "Aé", "AÉ", "AÉb", "éclair", "Éclair", "ÉCLAIR", "1é", "kÉ", "’S", "Ωmega", "“",
            "—Kyiv", "’s",
        ] {
            assert_eq!(case_of(word), case_of_chars(word), "{word:?}");
            if word.is_ascii() && !word.is_empty() {
                assert_eq!(case_of_ascii(word.as_bytes()), case_of(word), "{word:?}");
            }
        }
        for c in '\u{2000}'..='\u{206F}' {
            let word = format!("{c}Kyiv");
            assert_eq!(case_of(&word), case_of_chars(&word), "{word:?}");
        }
    }
}
