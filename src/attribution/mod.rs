//! The attribution stage: claims (direct, partial, indirect) and the roles
//! of quotations, decided by ordered sieves after Muzny et al. (2017).
//!
//! Each sieve is a small rule run over the quotations still unresolved; the
//! first that names a speaker decides, and the claim records it:
//!
//! 1. [`Sieve::Adjacent`]: a cue and speaker right before or after the marks,
//!    a name after a dash ending the line ("..." ― Olga Petrenko), or a
//!    transcript's label opening the quotation ("WALLACE: ...").
//! 2. [`Sieve::Subject`]: the subject of a speech verb in the same sentence,
//!    or "according to X"; also every reported clause without marks.
//! 3. [`Sieve::Continuation`]: a quotation next to an attributed one.
//! 4. [`Sieve::ParagraphContext`]: the one person the paragraph before names.
//! 5. [`Sieve::Coreference`]: a pronoun subject of the sentence before.
//! 6. [`Sieve::Fallback`]: the person or group a headline names before a
//!    colon, else the nearest one named before, with low confidence; it can
//!    be switched off.
//!
//! [`Sieve::Headline`] needs no quotation: a title line that opens with a
//! person's or group's name and a colon ("Lynch: No outside influence")
//! reports the rest as theirs.
//!
//! Quotations no sieve attributes are titles (standing alone as a
//! paragraph), scare quotes or names (a few words inside a sentence), or
//! unattributed claims.

mod cues;
mod doc;
mod tags;

use std::cell::{Cell, OnceCell};

use self::cues::Anchor;
use self::doc::{Doc, Placed, Tagged, Word};
use self::tags::Tags;
use crate::document::{
    Claim, ClaimKind, EntityId, EntityType, Quote, QuoteRole, Sieve, Snippet, Text,
};
use crate::entity::{Entities, Mention};
use crate::gazetteer::Gender;
use crate::lexicon::{ADJUNCT_PREPOSITIONS, PRONOUNS};
use crate::quote::Quotation;
use crate::text::{ascii_lowers, lowercase, Layout};
use crate::Span;

/// A quotation of at most this many words inside a sentence, with no cue
/// around it, is a scare quote or a name.
const SCARE_WORDS: usize = 3;

/// How many earlier speakers or mentions a pronoun looks back over.
const ANTECEDENTS: usize = 32;

/// How many cues on either side of a quotation the subject sieve looks at.
const NEAR: usize = 8;

/// The entity stage's mentions, for ranges to be found by binary search:
/// read in place, as that stage gives them in text order and never
/// overlapping ([`Entities::mentions`]), sorted by their ends too.
struct Known<'a> {
    entities: &'a Entities,
    mentions: &'a [Mention],
}

impl<'a> Known<'a> {
    fn new(entities: &'a Entities) -> Known<'a> {
        debug_assert!(entities
            .mentions
            .windows(2)
            .all(|m| m[0].span.end <= m[1].span.start));
        Known {
            entities,
            mentions: &entities.mentions,
        }
    }

    /// The mentions inside `from..to`.
    fn between(&self, from: usize, to: usize) -> impl DoubleEndedIterator<Item = &Mention> + '_ {
        let lo = self.mentions.partition_point(|m| m.span.start < from);
        let hi = self.mentions.partition_point(|m| m.span.start < to);
        self.mentions[lo..hi.max(lo)]
            .iter()
            .filter(move |m| m.span.end <= to)
    }
}

/// The cues before byte `at`, nearest first, back to byte `from`.
fn cues_before<'a>(
    doc: &'a Doc,
    anchors: &'a [Anchor],
    from: usize,
    at: usize,
) -> impl Iterator<Item = &'a Anchor> + 'a {
    let end = anchors.partition_point(|a| doc.words[a.cue.1].end() <= at);
    anchors[..end]
        .iter()
        .rev()
        .take_while(move |a| doc.words[a.cue.0].start() >= from)
}

/// Who said a quotation, and which rule found it.
#[derive(Clone, Copy, Debug)]
struct Found {
    speaker: Option<Span>,
    cue: Option<Span>,
    sieve: Sieve,
    confidence: f32,
}

/// What the sieves make of a quotation: one list, where a list for each
/// would be allocated.
#[derive(Clone, Copy, Debug)]
struct Reading {
    role: QuoteRole,
    /// Who said it, once a sieve finds out.
    found: Option<Found>,
    /// Its words stand as a statement of their own, not inside the
    /// reporter's sentence.
    direct: bool,
}

/// Attributes the quotations and reported clauses of `text`.
pub(crate) fn attribute(
    text: &str,
    layout: &Layout,
    entities: &Entities,
    quotes: &[Quotation],
    fallback: bool,
) -> (Vec<Claim>, Vec<Quote>) {
    let tagged = Tagged::new();
    let doc = Doc::new(
        text,
        &entities.ascii_lowered,
        &entities.headlines,
        layout,
        quotes,
        &tagged,
    );
    let known = Known::new(entities);
    let mut spare = SPARE.take();
    let mut anchors = cues::anchors(&doc, std::mem::take(&mut spare.anchors));
    if !entities.headlines.is_empty() {
        name_headline_speakers(&doc, &known, &mut anchors);
    }
    let mut readings = std::mem::take(&mut spare.readings);
    readings.extend(quotes.iter().enumerate().map(|(i, q)| Reading {
        role: QuoteRole::Claim,
        found: None,
        direct: !embedded(&doc, q, doc.placed(i)),
    }));
    // Sized once, as the lists below: most quotations are open.
    let mut open = std::mem::take(&mut spare.open);
    open.reserve(quotes.len());
    for (q, (i, r)) in quotes.iter().zip(readings.iter_mut().enumerate()) {
        if q.depth > 0 {
            if is_short(text, q.inner) {
                r.role = shape_role(text, q.inner);
            }
        } else if stands_alone(&doc, q) {
            r.role = QuoteRole::Title;
        } else {
            open.push(i);
        }
    }

    for &i in &open {
        let q = &quotes[i];
        let placed = doc.placed(i);
        let r = &mut readings[i];
        // Asked by the subject sieve and again below: read once.
        let short = OnceCell::new();
        let short = || *short.get_or_init(|| is_short(text, q.inner));
        r.found = adjacent(&doc, &anchors, q, placed)
            .or_else(|| subject(&doc, &anchors, q, placed, short));
        if r.found.is_none() && !r.direct && short() {
            r.role = shape_role(text, q.inner);
        }
    }
    // The open quotations left claims, in order: the later sieves and the
    // claims read these alone.
    open.retain(|&i| readings[i].role == QuoteRole::Claim);
    continuation(quotes, &open, &mut readings);
    // The claims no sieve so far attributed ask the rest, which read no
    // other quotation's finding.
    for &i in &open {
        if readings[i].found.is_some() {
            continue;
        }
        readings[i].found = paragraph_context(&doc, &known, &anchors, &quotes[i])
            .or_else(|| coreference(&doc, &quotes[i], doc.placed(i)))
            .or_else(|| {
                fallback
                    .then(|| nearest(&doc, &known, &anchors, &quotes[i]))
                    .flatten()
            });
    }

    // One claim at most for each open quotation and each cue, put in order
    // before their texts are copied out: sorting moves spans, not claims.
    let mut found_claims = std::mem::take(&mut spare.found_claims);
    found_claims.reserve(open.len() + anchors.len());
    for &i in &open {
        let Reading { found, direct, .. } = readings[i];
        let f = found.unwrap_or(Found {
            speaker: None,
            cue: None,
            sieve: Sieve::Unattributed,
            confidence: 0.0,
        });
        let kind = if direct {
            ClaimKind::Direct
        } else {
            ClaimKind::Partial
        };
        found_claims.push((kind, quotes[i].inner, f));
    }
    let quoted = found_claims.len();
    for a in &anchors {
        let (Some(content), Some(speaker)) = (a.content, a.speaker) else {
            continue;
        };
        if is_one_quotation(text, quotes, content) {
            continue;
        }
        let f = Found {
            speaker: Some(doc.words_span(speaker.0, speaker.1)),
            cue: Some(doc.words_span(a.cue.0, a.cue.1)),
            sieve: Sieve::Subject,
            confidence: 0.8,
        };
        found_claims.push((ClaimKind::Indirect, content, f));
    }
    headline_claims(&doc, layout, &known, quotes, &mut found_claims);
    // The key runs on to the cue and speaker so that no two distinct claims
    // tie. The quotations' claims come in text order and the cues' nearly:
    // each list is sorted only when out of order, and the two merged.
    let key = |(kind, content, f): &(ClaimKind, Span, Found)| {
        let at = |s: Option<Span>| s.map(|s| (s.start, s.end));
        (
            content.start,
            content.end,
            at(f.cue),
            at(f.speaker),
            *kind as u8,
            f.sieve,
        )
    };
    let mut claims = Vec::with_capacity(found_claims.len());
    let (by_quote, by_cue) = found_claims.split_at_mut(quoted);
    for list in [&mut *by_quote, &mut *by_cue] {
        if !list.is_sorted_by_key(key) {
            list.sort_unstable_by_key(key);
        }
    }
    let mut by_cue = by_cue.iter().peekable();
    for x in by_quote.iter() {
        while let Some(&(kind, content, f)) = by_cue.next_if(|y| key(y) < key(x)) {
            claims.push(claim(text, kind, content, f));
        }
        let &(kind, content, f) = x;
        claims.push(claim(text, kind, content, f));
    }
    claims.extend(by_cue.map(|&(kind, content, f)| claim(text, kind, content, f)));
    resolve_speakers(&doc, &known, &mut claims, &mut spare);

    let quotes_out = quotes
        .iter()
        .zip(&readings)
        .map(|(q, r)| Quote {
            span: q.inner,
            text: Text::from(&text[q.inner]),
            role: r.role,
        })
        .collect();
    doc.give_back();
    spare.give_back(anchors, readings, open, found_claims);
    (claims, quotes_out)
}

thread_local! {
    /// This thread's buffers for the lists [`attribute`] makes.
    static SPARE: Cell<Spare> = Cell::default();
}

/// The lists [`attribute`] makes but does not return, kept by each thread
/// from one text to the next, emptied: 250 texts a MB of news each
/// allocated and freed six, which the lists of one mostly fit the next.
#[derive(Default)]
struct Spare {
    anchors: Vec<Anchor>,
    readings: Vec<Reading>,
    open: Vec<usize>,
    /// The claims found, before their texts are copied out.
    found_claims: Vec<(ClaimKind, Span, Found)>,
    /// For [`resolve_speakers`].
    order: Vec<usize>,
    /// For [`resolve_speakers`].
    seen: Vec<Resolved>,
}

impl Spare {
    /// Keeps these lists, emptied, with the spare's own, for this thread's
    /// next [`attribute`].
    fn give_back(
        mut self,
        mut anchors: Vec<Anchor>,
        mut readings: Vec<Reading>,
        mut open: Vec<usize>,
        mut found_claims: Vec<(ClaimKind, Span, Found)>,
    ) {
        anchors.clear();
        readings.clear();
        open.clear();
        found_claims.clear();
        self.order.clear();
        self.seen.clear();
        SPARE.set(Spare {
            anchors,
            readings,
            open,
            found_claims,
            ..self
        });
    }
}

fn claim(text: &str, kind: ClaimKind, content: Span, f: Found) -> Claim {
    Claim {
        kind,
        content: Snippet::new(text, content),
        speaker: f.speaker.map(|s| Snippet::new(text, s)),
        speaker_entity: None,
        cue: f.cue.map(|s| Snippet::new(text, s)),
        sieve: f.sieve,
        confidence: f.confidence,
    }
}

/// At most [`SCARE_WORDS`] words, as `split_whitespace` splits them: read no
/// further than the start of one more, as a quotation may run to
/// paragraphs. Word starts are counted in one loop, by bytes where ASCII,
/// with no branch on whether a byte is a space: whether a word starts is
/// all but random, and as a branch it was mispredicted a char in four.
fn is_short(text: &str, span: Span) -> bool {
    let s = &text[span];
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut gap = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let space = if b.is_ascii() {
            i += 1;
            (b == b' ') | b.wrapping_sub(b'\t').le(&(b'\r' - b'\t'))
        } else {
            let c = s[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            c.is_whitespace()
        };
        words += usize::from(gap & !space);
        if words > SCARE_WORDS {
            return false;
        }
        gap = space;
    }
    true
}

/// A short quotation mid-sentence is a name when its words are capitalised
/// ("the film “Sent to Slaughter”"), else a scare quote.
fn shape_role(text: &str, span: Span) -> QuoteRole {
    let mut long = false;
    for w in text[span].split_whitespace().filter(|w| w.len() > 3) {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return QuoteRole::Scare;
        }
        long = true;
    }
    if long {
        QuoteRole::Name
    } else {
        QuoteRole::Scare
    }
}

/// A title or headline: a closed quotation that is all its paragraph holds
/// besides marks and punctuation, without the punctuation of a statement
/// (a quoted statement alone in its paragraph is still a statement).
fn stands_alone(doc: &Doc, q: &Quotation) -> bool {
    let alone = doc
        .letters(q.paragraph)
        .is_some_and(|(first, last)| first >= q.inner.start && last < q.inner.end);
    let statement = doc.text[q.inner].ends_with(['.', ',', '!', '?', ';', ':', '…']);
    alone && q.close.is_some() && !q.continues && !statement
}

/// The quotation continues the reporter's sentence ("said the situation
/// “should be ...”") rather than standing as a statement of its own: words
/// come before it in its sentence, and no colon or comma sets it off.
fn embedded(doc: &Doc, q: &Quotation, placed: Placed) -> bool {
    let Some(s) = placed.sentence else {
        return false;
    };
    let start = doc.sentences[s].span().start.min(q.open.start);
    let before = doc.text[start..q.open.start].trim_end();
    !(before.is_empty() || before.ends_with([':', ',', '—', '–']) || q.continues)
}

/// The content is one quotation, marks and all: a direct claim, not an
/// indirect one.
fn is_one_quotation(text: &str, quotes: &[Quotation], content: Span) -> bool {
    let at = quotes.partition_point(|q| q.open.start < content.start.saturating_sub(4));
    quotes[at..]
        .iter()
        .take_while(|q| q.open.start <= content.start)
        .any(|q| {
            q.depth == 0
                && content.start <= q.inner.start
                && q.inner.end <= content.end
                && content.end <= q.close.map_or(q.inner.end, |c| c.end)
                && text[content].chars().any(char::is_alphanumeric)
        })
}

fn found(doc: &Doc, a: &Anchor, sieve: Sieve, confidence: f32) -> Option<Found> {
    let (s, e) = a.speaker?;
    Some(Found {
        speaker: Some(doc.words_span(s, e)),
        cue: Some(doc.words_span(a.cue.0, a.cue.1)),
        sieve,
        confidence,
    })
}

/// Sieve 1: QUOTE, CUE SPEAKER | QUOTE, SPEAKER CUE (adjuncts may follow),
/// or SPEAKER CUE (ADJUNCT): QUOTE | SPEAKER CUE, QUOTE; else QUOTE ― NAME,
/// or a transcript's "NAME: ..." quoted.
fn adjacent(doc: &Doc, anchors: &[Anchor], q: &Quotation, placed: Placed) -> Option<Found> {
    beside_cue(doc, anchors, q, placed).or_else(|| labelled(doc, q))
}

/// The cue and speaker of [`adjacent`] right before or after the marks, or
/// the name signing the quotation.
fn beside_cue(doc: &Doc, anchors: &[Anchor], q: &Quotation, placed: Placed) -> Option<Found> {
    let close_end = q.close.map_or(q.inner.end, |c| c.end);
    let a = placed.close;
    if let Some(span) = doc.words.get(a).map(Word::span) {
        let gap = &doc.text[close_end..span.start];
        let same_paragraph = doc.in_paragraph(span.start, q.paragraph);
        if same_paragraph {
            if let Some(f) = signed(doc, q, a, gap) {
                return Some(f);
            }
        }
        if same_paragraph && gap.chars().all(|c| c.is_whitespace() || ",—–-".contains(c)) {
            let after = anchors.partition_point(|x| x.cue.0 < a);
            if let Some(x) = anchors.get(after) {
                let hit = if x.inverted {
                    x.cue.0 == a
                } else {
                    !x.according && x.speaker.is_some_and(|(s, _)| s == a)
                };
                if hit {
                    return found(doc, x, Sieve::Adjacent, 0.95);
                }
            }
        }
    }
    let b = placed.open.checked_sub(1)?;
    let gap = doc.text.get(doc.words[b].end()..q.open.start)?.trim();
    if !gap.ends_with([':', ',']) {
        return None;
    }
    let sentence = doc.sentence_at(doc.words[b].start())?;
    let before = anchors.partition_point(|x| x.cue.0 <= b);
    let x = anchors.get(before.checked_sub(1)?)?;
    let near = b - x.cue.1 <= 5 && !(x.cue.1..=b).any(|w| doc.words[w].quoted());
    (x.sentence == sentence && near && !x.inverted)
        .then(|| found(doc, x, Sieve::Adjacent, 0.95))
        .flatten()
}

/// "“...” ― Carlos Raúl": a dash after the closing mark and a name of at
/// most four capitalised words ending the line sign the quotation.
/// `a` is the first word after the mark, `gap` the text before it.
fn signed(doc: &Doc, q: &Quotation, a: usize, gap: &str) -> Option<Found> {
    let dash = gap.trim();
    if !matches!(dash, "―" | "—" | "–") || !doc.is_capitalized(a) {
        return None;
    }
    let mut last = a;
    while last - a < SIGNATURE_WORDS && doc.joined(last) && doc.is_capitalized(last + 1) {
        last += 1;
    }
    // The name ends its line: a list of signed quotations may break its
    // lines inside one paragraph.
    let line_end = match doc.words.get(last + 1) {
        Some(next) if doc.in_paragraph(next.start(), q.paragraph) => next.start(),
        _ => doc.paragraph(q.paragraph).end,
    };
    let tail = doc.text.get(doc.words[last].end()..line_end)?;
    let ends_line = line_end == doc.paragraph(q.paragraph).end || tail.contains('\n');
    let line = tail.split('\n').next().unwrap_or_default();
    let rest = line.trim_matches(|c: char| c.is_whitespace() || c == '.');
    if !ends_line || !rest.is_empty() {
        return None;
    }
    let dash_start = gap
        .find(dash)
        .map(|i| doc.words[a].start() - gap.len() + i)?;
    Some(Found {
        speaker: Some(doc.words_span(a, last)),
        cue: Some(Span::new(dash_start, dash_start + dash.len())),
        sieve: Sieve::Adjacent,
        confidence: 0.9,
    })
}

/// "\"WALLACE: Let's start with ...": a transcript's line quoted, its
/// speaker's name in capitals before a colon opening it; the colon is the
/// cue.
fn labelled(doc: &Doc, q: &Quotation) -> Option<Found> {
    let text = doc.text.get(q.inner.range())?;
    let colon = text
        .char_indices()
        .take_while(|&(i, _)| i <= LABEL_BYTES)
        .find(|&(_, c)| c == ':')
        .map(|(i, _)| i)?;
    let label = &text[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = label
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-');
    if letters < 3 || !shouted || label.split(' ').count() > 3 || label.starts_with(' ') {
        return None;
    }
    let at = q.inner.start;
    Some(Found {
        speaker: Some(Span::new(at, at + colon)),
        cue: Some(Span::new(at + colon, at + colon + 1)),
        sieve: Sieve::Adjacent,
        confidence: 0.9,
    })
}

/// The longest speaker's label opening a transcript's line, in bytes.
const LABEL_BYTES: usize = 32;

/// The most words after the first of a name signing a quotation.
const SIGNATURE_WORDS: usize = 3;

/// Sieve 2: the quotation is part of a reported clause, or its sentence has
/// a speech verb with a subject, or "according to X". A short quotation
/// takes only a clause it is part of, or a verb that attributes quotations
/// only ("described them as “...”"); `short` tells whether it is short
/// ([`is_short`]).
fn subject(
    doc: &Doc,
    anchors: &[Anchor],
    q: &Quotation,
    placed: Placed,
    short: impl Fn() -> bool,
) -> Option<Found> {
    let sentence = placed.sentence?;
    let first = placed.open;
    // The cues of the sentence nearest the quotation, a bounded number on
    // each side, so that a sentence of many cues and quotations stays linear.
    let split = anchors.partition_point(|a| a.cue.0 < first);
    let lo = split.saturating_sub(NEAR);
    let hi = (split + NEAR).min(anchors.len());
    let here = || {
        anchors[lo..hi]
            .iter()
            .filter(|a| a.sentence == sentence && a.speaker.is_some())
    };
    let inside = here().rev().find(|a| {
        a.content
            .is_some_and(|c| c.start <= q.open.start && q.inner.end <= c.end)
    });
    if let Some(a) = inside {
        return found(doc, a, Sieve::Subject, 0.9);
    }
    let short = short();
    let before = here()
        .rev()
        .find(|a| a.cue.1 < first && !a.according && (!short || a.quote_only));
    if let Some(a) = before {
        return found(doc, a, Sieve::Subject, 0.85);
    }
    if short {
        return None;
    }
    let after = here()
        .find(|a| a.according)
        .or_else(|| here().find(|a| a.cue.0 >= first));
    found(doc, after?, Sieve::Subject, 0.8)
}

/// Sieve 3: a quotation next to an attributed one in its paragraph, or
/// first in a paragraph after one ending attributed, takes that speaker.
/// `claims` are the open quotations that are claims, in order.
fn continuation(quotes: &[Quotation], claims: &[usize], readings: &mut [Reading]) {
    let take = |f: Found| Found {
        sieve: Sieve::Continuation,
        confidence: 0.75,
        ..f
    };
    for k in 0..claims.len() {
        let i = claims[k];
        if readings[i].found.is_some() {
            continue;
        }
        let found = |j: usize| readings[j].found;
        let prev = k.checked_sub(1).map(|p| claims[p]);
        let next = claims.get(k + 1).copied();
        let same = |j: usize| quotes[j].paragraph == quotes[i].paragraph;
        let pick = prev
            .filter(|&j| same(j))
            .and_then(found)
            .or_else(|| next.filter(|&j| same(j)).and_then(found))
            .or_else(|| {
                prev.filter(|&j| quotes[j].paragraph + 1 == quotes[i].paragraph)
                    .and_then(found)
            });
        readings[i].found = pick.map(take);
    }
}

/// Sieve 4: the paragraph before names one person, and this quotation opens
/// its paragraph: the person is the speaker ("Hours later, Gladkov appeared
/// in a video message ..." then the quotation).
fn paragraph_context(doc: &Doc, known: &Known, anchors: &[Anchor], q: &Quotation) -> Option<Found> {
    if q.paragraph == 0
        || !doc.text[doc.paragraph(q.paragraph).start..q.open.start]
            .trim()
            .is_empty()
    {
        return None;
    }
    let before = doc.paragraph(q.paragraph - 1);
    let mut people = known
        .between(before.start, before.end)
        .filter(|m| m.kind == EntityType::Person);
    if let Some(first) = people.next() {
        let mut last = first;
        let one = people.all(|m| {
            last = m;
            m.entity == first.entity
        });
        if one {
            return Some(Found {
                speaker: Some(last.span),
                cue: None,
                sieve: Sieve::ParagraphContext,
                confidence: 0.6,
            });
        }
    }
    let a = cues_before(doc, anchors, before.start, before.end).find(|a| a.speaker.is_some())?;
    found(doc, a, Sieve::ParagraphContext, 0.55)
}

/// Sieve 5: the sentence before, in the same paragraph, has a third-person
/// pronoun for its subject; that pronoun speaks ("He paused. “We will
/// win.”").
fn coreference(doc: &Doc, q: &Quotation, placed: Placed) -> Option<Found> {
    let s = placed.sentence?.checked_sub(1)?;
    let (span, words) = (doc.sentences[s].span(), doc.sentences[s].words());
    if !doc.in_paragraph(span.start, q.paragraph) || words.is_empty() {
        return None;
    }
    let w = words.start;
    let class = PRONOUNS.get(doc.lower(w))?;
    let subject = doc.tags(w).any(Tags::NOMINATIVE);
    (subject && !matches!(*class, "first" | "second")).then(|| Found {
        speaker: Some(doc.words[w].span()),
        cue: None,
        sieve: Sieve::Coreference,
        confidence: 0.5,
    })
}

/// Sieve 6: the person or group that opens the quotation's sentence before
/// a colon, as headlines name a speaker ("Sanders: Clinton needs to
/// “...”"), else the last person or group named before the quotation in
/// its paragraph or the one before, else the last speaker there.
fn nearest(doc: &Doc, known: &Known, anchors: &[Anchor], q: &Quotation) -> Option<Found> {
    let from = doc.paragraph(q.paragraph.saturating_sub(1)).start;
    let m = headline_speaker(doc, known, q).or_else(|| {
        known
            .between(from, q.open.start)
            .rev()
            .find(|m| m.kind != EntityType::Place)
    });
    if let Some(m) = m {
        return Some(Found {
            speaker: Some(m.span),
            cue: None,
            sieve: Sieve::Fallback,
            confidence: 0.3,
        });
    }
    let a = cues_before(doc, anchors, from, q.open.start).find(|a| a.speaker.is_some())?;
    found(doc, a, Sieve::Fallback, 0.25)
}

/// A headline capitalises every word, so a subject read back from its cue
/// runs over words that are no name ("Rick Perry Just Announced"): where
/// the subject holds a person's or group's name, the name is the speaker.
fn name_headline_speakers(doc: &Doc, known: &Known, anchors: &mut [Anchor]) {
    for a in anchors {
        let Some((s, e)) = a.speaker.filter(|&(s, _)| doc.in_headline(s)) else {
            continue;
        };
        let span = doc.words_span(s, e);
        let named = known
            .between(span.start, span.end)
            .rev()
            .find(|m| m.kind != EntityType::Place);
        if let Some(m) = named {
            let (first, end) = (doc.word_from(m.span.start), doc.word_from(m.span.end));
            if first < end {
                a.speaker = Some((first, end - 1));
            }
        }
    }
}

/// Words before a headline's speaker: a state and a title, as headlines
/// write them ("OK Gov Fallin: ...").
const TITLE_WORDS: usize = 3;

/// The person or group whose name opens the sentence from `start` (after
/// [`TITLE_WORDS`] at most) and is followed by the colon at byte `colon`.
fn named_before_colon<'k>(
    doc: &Doc,
    known: &'k Known,
    start: usize,
    colon: usize,
) -> Option<&'k Mention> {
    let m = known.between(start, colon).next_back()?;
    let before = doc.text.get(start..m.span.start)?;
    let opens = before.split_whitespace().count() <= TITLE_WORDS;
    let next_to = doc.text.get(m.span.end..colon)?.trim().is_empty();
    (opens && next_to && m.kind != EntityType::Place).then_some(m)
}

/// The person or group whose name opens the quotation's sentence, after a
/// title or two at most ("OK Gov Fallin: Trump Is ‘Trying …’"), and is
/// followed by a colon.
fn headline_speaker<'k>(doc: &Doc, known: &'k Known, q: &Quotation) -> Option<&'k Mention> {
    let start = doc.sentences[doc.sentence_at(q.open.start)?].span().start;
    let colon = start + doc.text.get(start..q.open.start)?.find(':')?;
    named_before_colon(doc, known, start, colon)
}

/// Sieve [`Sieve::Headline`]: a title line that opens with a person's or
/// group's name and a colon reports what follows as theirs ("Lynch: No
/// outside influence on FBI probe"), unless that is one quotation, which
/// the quotations' sieves attribute, or under three words.
fn headline_claims(
    doc: &Doc,
    layout: &Layout,
    known: &Known,
    quotes: &[Quotation],
    out: &mut Vec<(ClaimKind, Span, Found)>,
) {
    /// How far into a line its speaker's colon may be: a name and a
    /// title or two.
    const COLON_WITHIN: usize = 120;
    for p in &layout.paragraphs {
        let Some(sentence) = layout.sentences.get(p.sentences.start) else {
            continue;
        };
        let span = sentence.span;
        // Most paragraphs have no colon near their start: told by a byte
        // search before the paragraph's shape is read.
        let near = span.end.min(span.start + COLON_WITHIN);
        let head = &doc.text.as_bytes()[span.start..near];
        // `contains` searches a word at a time, `position` a byte.
        if !head.contains(&b':') {
            continue;
        }
        let Some(colon) = head.iter().position(|&b| b == b':') else {
            continue;
        };
        if !(p.is_title || layout.is_short_line(p)) {
            continue;
        }
        let colon = span.start + colon;
        let Some(m) = named_before_colon(doc, known, span.start, colon) else {
            continue;
        };
        let Some(content) = cues::clause(doc, Span::new(colon + 1, span.end)) else {
            continue;
        };
        // A tally ("Clinton: 1,769") or a label ("Sanders: Win") says
        // nothing.
        let words = doc.text[content]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        if words < 3 || is_one_quotation(doc.text, quotes, content) {
            continue;
        }
        let f = Found {
            speaker: Some(m.span),
            cue: Some(Span::new(colon, colon + 1)),
            sieve: Sieve::Headline,
            confidence: 0.7,
        };
        out.push((ClaimKind::Indirect, content, f));
    }
}

/// What a speaker looks like, for pronouns to find.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Person(Option<Gender>),
    Group,
}

/// Ties each speaker to an entity: a named speaker to the entity of the
/// mention it holds; a pronoun to the last compatible speaker before it (or,
/// failing one, the last compatible mention); a description to nothing,
/// unless it holds a mention. Its lists are made in `spare`'s.
fn resolve_speakers(doc: &Doc, known: &Known, claims: &mut [Claim], spare: &mut Spare) {
    let entities = known.entities;
    let order = &mut spare.order;
    order.extend(0..claims.len());
    order.sort_by_key(|&i| {
        claims[i]
            .speaker
            .as_ref()
            .map_or(usize::MAX, |s| s.span.start)
    });
    // The speakers resolved, an entry a claim, sized once rather than
    // grown. All of a speaker's entry follows from its span once the
    // entity is chosen, and many claims share a speaker: it is looked for
    // among the entries of its start, which come together, rather than in
    // a map made for each text.
    let seen = &mut spare.seen;
    seen.reserve(claims.len());
    for &i in order.iter() {
        let Some(speaker) = &claims[i].speaker else {
            continue;
        };
        let span = speaker.span;
        let before = seen
            .iter()
            .rev()
            .take_while(|r| r.span.start == span.start)
            .find(|r| r.span == span);
        let resolved = before.copied().unwrap_or_else(|| {
            // No pronoun has a space in it: a longer phrase needs no
            // lowercase copy to tell.
            let class = if has_white_space(&speaker.text) {
                None
            } else {
                pronoun_class(doc, span)
            };
            let entity = match class {
                Some(class) => pronoun(doc, known, seen, span, class),
                None => named(doc, known, span),
            };
            let kind = match entity {
                Some(e) => entity_kind(entities, e),
                None => description_kind(doc.ascii_lowered(span)),
            };
            Resolved {
                span,
                class,
                entity,
                kind,
            }
        });
        seen.push(resolved);
        claims[i].speaker_entity = resolved.entity.map(EntityId::new);
    }
}

/// Whether `s` holds a char of `char::is_whitespace`: told by its bytes
/// when ASCII, as nearly every speaker's text is, with no char decoded.
fn has_white_space(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.iter().any(|b| matches!(b, b' ' | b'\t'..=b'\r')) {
        return true;
    }
    !s.is_ascii() && s.contains(char::is_whitespace)
}

/// A speaker as [`resolve_speakers`] found it.
#[derive(Clone, Copy, Debug)]
struct Resolved {
    span: Span,
    /// Its pronoun class, if it is a pronoun.
    class: Option<&'static str>,
    entity: Option<usize>,
    kind: Kind,
}

/// Mentions longer than this many bytes are not looked for before a
/// speaker's start; no name is that long.
const LONGEST_NAME: usize = 256;

/// The entity a speaker phrase names: the mention at its head, which ends
/// the phrase ("the Ukrainian army") or its first part before an appositive
/// ("Megan Hester, senior associate at ..."). A mention elsewhere in the
/// phrase names something else ("a man posing as the commander of the
/// Corps" is not the Corps).
fn named(doc: &Doc, known: &Known, span: Span) -> Option<usize> {
    let head_end = doc.text[span].find(',').map_or(span.end, |i| {
        span.start + doc.text[span][..i].trim_end().len()
    });
    // Such a mention ends at the head's end or, holding the phrase, at the
    // phrase's: the mentions, apart and in order, are found by their ends,
    // not read through those of the bytes before the phrase.
    let from = span.start.saturating_sub(LONGEST_NAME);
    let at = known.mentions.partition_point(|m| m.span.end < head_end);
    known.mentions[at..]
        .iter()
        .take_while(|m| m.span.end <= span.end)
        .filter(|m| from <= m.span.start && m.span.start < head_end)
        .filter(|m| m.span.end == head_end || m.span.contains(span))
        .filter(|m| {
            // Nothing but modifiers before the head: no "of" or other preposition.
            let before = doc
                .text
                .get(span.start..m.span.start.max(span.start))
                .unwrap_or("");
            !before
                .split_whitespace()
                .any(|w| w == "of" || ADJUNCT_PREPOSITIONS.contains(w))
        })
        .max_by_key(|m| (m.kind == EntityType::Person, m.span.len()))
        .map(|m| m.entity)
}

fn entity_kind(entities: &Entities, e: usize) -> Kind {
    match entities.entities.get(e).map(|x| x.kind) {
        Some(EntityType::Person) => Kind::Person(entities.genders.get(e).copied().flatten()),
        _ => Kind::Group,
    }
}

/// The class of the pronoun `span` holds, if it is one. A speaker of one
/// word, as most without a space are, has its tags at hand, and most say
/// no pronoun: only the others need a lowercase copy.
fn pronoun_class(doc: &Doc, span: Span) -> Option<&'static str> {
    let w = doc.word_from(span.start);
    if doc.words.get(w).map(Word::span) == Some(span) {
        if !doc.tags(w).any(Tags::PRONOUN) {
            return None;
        }
        return PRONOUNS.get(doc.lower(w)).copied();
    }
    PRONOUNS.get(&*doc.lowered(span)).copied()
}

/// Whether a speaker phrase names a person or a group by its words: `lower`
/// is the phrase with its ASCII letters lowered, so that its ASCII words,
/// most, are looked up as they stand.
fn description_kind(lower: &str) -> Kind {
    let table = Tags::table();
    let person = if lower.is_ascii() {
        // Most phrases are ASCII, and split by their bytes with no char
        // decoded: the white space of `char::is_whitespace`, which leaves
        // empty words between two spaces, words of no lexicon.
        lower
            .as_bytes()
            .split(|b| matches!(b, b' ' | b'\t'..=b'\r'))
            .any(|w| table.get(w).any(Tags::SPEAKER_NOUN))
    } else {
        lower.split_whitespace().any(|w| {
            let found = if ascii_lowers(w) {
                table.get(w.as_bytes())
            } else {
                table.get(lowercase(w).as_bytes())
            };
            found.any(Tags::SPEAKER_NOUN)
        })
    };
    if person {
        Kind::Person(None)
    } else {
        Kind::Group
    }
}

fn compatible(class: &str, kind: Kind) -> bool {
    match (class, kind) {
        ("male", Kind::Person(g)) => g != Some(Gender::Female),
        ("female", Kind::Person(g)) => g != Some(Gender::Male),
        ("neuter", Kind::Group) => true,
        ("plural", _) => true,
        _ => false,
    }
}

/// A pronoun speaker refers to the last compatible speaker within the two
/// paragraphs before it, or else to the last compatible mention there.
fn pronoun(doc: &Doc, known: &Known, seen: &[Resolved], span: Span, class: &str) -> Option<usize> {
    let paragraph = doc.paragraph_at(span.start)?;
    let from = doc.paragraph(paragraph.saturating_sub(2)).start;
    // A pronoun speaker is no antecedent.
    let earlier = seen
        .iter()
        .rev()
        .filter(|r| r.class.is_none() && r.span.end <= span.start)
        .take_while(|r| r.span.start >= from)
        .take(ANTECEDENTS)
        .find(|r| compatible(class, r.kind));
    if let Some(r) = earlier {
        return r.entity;
    }
    known
        .between(from, span.start)
        .rev()
        .filter(|m| m.kind != EntityType::Place || class == "neuter")
        .take(ANTECEDENTS)
        .find(|m| compatible(class, entity_kind(known.entities, m.entity)))
        .map(|m| m.entity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Entity;
    use crate::lexicon::{QUOTE_ONLY_VERBS, SPEECH_VERBS};

    #[test]
    fn short_is_at_most_three_words() {
        for (text, short) in [
            ("", true),
            ("   ", true),
            ("Sent to Slaughter", true),
            (" Sent to Slaughter ", true),
            ("We will rebuild it", false),
            ("a\u{a0}b\u{2003}c\td", false),
            ("a\u{0b}b\nc", true),
            ("“fake news” ", true),
            ("one-two three,four", true),
        ] {
            let span = Span::new(0, text.len());
            assert_eq!(is_short(text, span), short, "{text:?}");
        }
    }

    #[test]
    fn white_space_is_told_as_chars_tell_it() {
        for text in [
            "",
            "he",
            "the mayor",
            "a\tb",
            "a\u{0b}b",
            "a\u{1c}b",
            "Zürich",
            "the\u{a0}mayor",
            "x\u{2003}y",
            "x\u{200b}y",
            "\u{85}",
            "its\u{2028}",
            "Ébola\r",
        ] {
            assert_eq!(
                has_white_space(text),
                text.contains(char::is_whitespace),
                "{text:?}"
            );
        }
    }

    #[test]
    fn descriptions_are_split_at_white_space() {
        for (lower, kind) in [
            ("a senior official", Kind::Person(None)),
            ("the\u{0b}official", Kind::Person(None)),
            ("the\r\nofficial", Kind::Person(None)),
            ("  official  ", Kind::Person(None)),
            ("the\u{a0}official", Kind::Person(None)),
            ("the\u{200b}official", Kind::Group),
            ("the officials’ source", Kind::Person(None)),
            ("officials,", Kind::Group),
            ("", Kind::Group),
        ] {
            assert_eq!(description_kind(lower), kind, "{lower:?}");
        }
    }

    #[test]
    fn quote_only_verbs_are_speech_verbs() {
        for verb in QUOTE_ONLY_VERBS.iter() {
            assert!(SPEECH_VERBS.contains(verb), "{verb}");
        }
    }

    /// Entities as the entity stage would give them: (surface, entity) for
    /// each mention, and each entity's type and gender.
    fn entities(
        text: &str,
        mentions: &[(&str, usize)],
        kinds: &[(EntityType, Option<Gender>)],
    ) -> Entities {
        let mut out = Entities {
            ascii_lowered: text.to_ascii_lowercase(),
            ..Entities::default()
        };
        let mut from = 0;
        for &(surface, entity) in mentions {
            let start = from + text[from..].find(surface).unwrap();
            let span = Span::new(start, start + surface.len());
            from = span.end;
            out.mentions.push(Mention {
                span,
                entity,
                kind: kinds[entity].0,
            });
        }
        for (i, &(kind, gender)) in kinds.iter().enumerate() {
            out.entities.push(Entity {
                id: EntityId::new(i),
                kind,
                name: format!("entity {i}").into(),
                gazetteer_id: None,
                mentions: Vec::new(),
            });
            out.genders.push(gender);
        }
        out
    }

    fn speakers(text: &str, entities: &Entities) -> Vec<(String, Option<String>, Option<usize>)> {
        let layout = crate::text::Layout::new(text);
        let quotes = crate::quote::find(text, &layout);
        let (claims, _) = attribute(text, &layout, entities, &quotes, true);
        claims
            .into_iter()
            .map(|c| {
                (
                    c.content.text.into(),
                    c.speaker.map(|s| s.text.into()),
                    c.speaker_entity.map(EntityId::index),
                )
            })
            .collect()
    }

    #[test]
    fn names_and_pronouns_resolve_to_entities() {
        let text = "Maria Lopez, the mayor, met Tom Berg. She said the dam would hold. \
                    “We will rebuild,” Berg said. “It is over,” he said.";
        let people = [
            (EntityType::Person, Some(Gender::Female)),
            (EntityType::Person, Some(Gender::Male)),
        ];
        let known = entities(
            text,
            &[("Maria Lopez", 0), ("Tom Berg", 1), ("Berg", 1)],
            &people,
        );
        let got = speakers(text, &known);
        let expected = [
            ("the dam would hold", "She", Some(0)),
            ("We will rebuild,", "Berg", Some(1)),
            ("It is over,", "he", Some(1)),
        ];
        let got: Vec<_> = got
            .iter()
            .map(|(c, s, e)| (c.as_str(), s.as_deref().unwrap(), *e))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn it_resolves_to_the_last_group_speaker_and_descriptions_to_none() {
        let text = "The army claimed that the bridge was taken. “The enemy fled,” it said. \
                    A man posing as a commander of the Corps said he would stay. “We hold,” he said.";
        let groups = [(EntityType::Group, None), (EntityType::Group, None)];
        let known = entities(text, &[("The army", 0), ("the Corps", 1)], &groups);
        let got = speakers(text, &known);
        let entity_of = |content: &str| got.iter().find(|(c, _, _)| c == content).unwrap().2;
        assert_eq!(entity_of("the bridge was taken"), Some(0));
        assert_eq!(entity_of("The enemy fled,"), Some(0));
        // The man posing as a commander of the Corps is not the Corps, and
        // "he" is that man, who names no entity.
        assert_eq!(entity_of("he would stay"), None);
        assert_eq!(entity_of("We hold,"), None);
    }
}
