//! Candidate names: runs of capitalised words with the connectors names use,
//! trimmed of titles, function words and nationality adjectives, and kept
//! only with evidence where capitals say nothing (headlines, sentence
//! starts).

use std::ops::Range;

use crate::gazetteer::Match;
use crate::lexicon::{Lexicons, COMMON_WORDS};

use super::units::{one_char, Case, Doc, Kind, Unit};
use crate::text::lowercase;
use crate::Span;

/// The most units a run of name words may span.
const MAX_RUN: usize = 16;

/// A stretch of units that may be a name, before typing. Its numbers are
/// `u32`s, as a unit's offsets are (see [`Unit`]), so that a piece takes
/// 20 bytes where it took 56: each is written once and read again by
/// typing, and most of the pieces' lines were written cold.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Piece {
    /// Its units, as [`Piece::units`].
    start: u32,
    end: u32,
    /// A title or role stood before it ("President", "spokesman").
    pub(super) titled: bool,
    /// As [`Piece::matched`], [`NONE`] for none.
    matched: u32,
    /// As [`Piece::tail`], [`NONE`] for none.
    tail: u32,
}

/// No match, in [`Piece::matched`] and [`Piece::tail`]: matches, of a
/// window of the text at most, are far fewer.
const NONE: u32 = u32::MAX;

impl Piece {
    /// The piece of `units`. Units and matches, of a window of the text at
    /// most (see [`Doc::new`]), are far fewer than `u32::MAX`.
    fn new(
        units: Range<usize>,
        titled: bool,
        matched: Option<usize>,
        tail: Option<usize>,
    ) -> Piece {
        let index = |m: Option<usize>| m.map_or(NONE, |m| m as u32);
        Piece {
            start: units.start as u32,
            end: units.end as u32,
            titled,
            matched: index(matched),
            tail: index(tail),
        }
    }

    /// Its units.
    #[inline]
    pub(super) fn units(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The gazetteer match covering exactly these units or a prefix of
    /// them.
    #[inline]
    pub(super) fn matched(&self) -> Option<usize> {
        (self.matched != NONE).then_some(self.matched as usize)
    }

    /// A confident gazetteer match closing these units after their first
    /// word ("Canada" in "Statistics Canada").
    #[inline]
    pub(super) fn tail(&self) -> Option<usize> {
        (self.tail != NONE).then_some(self.tail as usize)
    }

    /// The text the piece spans, from its first unit to its last.
    pub(super) fn span(&self, doc: &Doc<'_>) -> Span {
        Span::new(
            doc.units[self.start as usize].span().start,
            doc.units[self.end as usize - 1].span().end,
        )
    }
}

/// What candidate finding produces: name pieces and nationality adjectives.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub(super) pieces: Vec<Piece>,
    pub(super) nationalities: Vec<usize>,
    /// What the document says of the sentence openers asked about.
    openers: Openers,
}

/// Whether sentence openers are seen in lowercase elsewhere in the
/// document, by word: each answer reads all the document's words, and a
/// third of the openers asked about open another sentence before ("Trump
/// said").
#[derive(Debug, Default)]
struct Openers {
    /// Per word asked about, a unit of it and the answer, for the first
    /// [`OPENERS_KEPT`] words.
    lowercase: Vec<(usize, bool)>,
}

/// How many openers' answers [`Openers`] keeps. Past the first few
/// questions a document answers them from a set it builds, and a list
/// searched word by word would make a text of many distinct openers
/// quadratic in its length.
const OPENERS_KEPT: usize = 16;

impl Openers {
    /// Whether unit `a` is a common word: listed, or [`Doc::seen_lowercase`].
    fn common(&mut self, doc: &Doc<'_>, a: usize) -> bool {
        if doc.listed(a, Lexicons::COMMON) {
            return true;
        }
        let word = doc.word(a);
        if let Some(&(_, seen)) = self.lowercase.iter().find(|&&(i, _)| doc.word_is(i, word)) {
            return seen;
        }
        let seen = doc.seen_lowercase(word);
        if self.lowercase.len() < OPENERS_KEPT {
            self.lowercase.push((a, seen));
        }
        seen
    }
}

/// Gazetteer matches by the units they cover.
///
/// The per-unit vector holds match numbers as `u32` (0 for none, else the
/// match's index plus one): it is as long as the text has units, so it
/// costs 4 bytes a unit instead of 16.
#[derive(Default)]
pub(super) struct MatchIndex {
    /// In order, the units where a match starts.
    starts: Vec<u32>,
    /// Per unit, the match covering it, with [`STARTS`] where the match
    /// starts at the unit. Matches come in text order (as the gazetteer
    /// finds them), so a match starting at a unit is the last to cover it:
    /// one vector tells both.
    covering: Vec<u32>,
    /// Per match, the unit just past it.
    ends: Vec<usize>,
}

/// The bit of [`MatchIndex::covering`] set where the match starts.
const STARTS: u32 = 1 << 31;

impl MatchIndex {
    /// The index of `matches`, made in the vectors of `reuse`.
    pub(super) fn new(doc: &Doc<'_>, matches: &[Match], reuse: MatchIndex) -> MatchIndex {
        // Units are in text order and never empty, so both their starts
        // and their ends are increasing.
        let units = &doc.units;
        let MatchIndex {
            mut starts,
            mut covering,
            mut ends,
        } = reuse;
        covering.clear();
        covering.resize(units.len(), 0);
        ends.clear();
        ends.resize(matches.len(), 0);
        starts.clear();
        starts.reserve(matches.len());
        // Matches come in text order, a dozen units apart in news: each is
        // looked for from where the one before it started, by steps that
        // double and a search within the last, rather than unit by unit.
        let mut from = 0;
        for (mi, m) in matches.iter().enumerate() {
            let before = |u: &Unit| u.span().start < m.span.start;
            if units
                .get(from)
                .is_some_and(|u| u.span().start > m.span.start)
            {
                from = units.partition_point(before);
            }
            let (mut lo, mut hi, mut step) = (from, from, 1);
            while units.get(hi).is_some_and(before) {
                lo = hi + 1;
                hi += step;
                step *= 2;
            }
            let a = lo + units[lo..hi.min(units.len())].partition_point(before);
            from = a;
            let mut b = a;
            while units.get(b).is_some_and(|u| u.span().end < m.span.end) {
                b += 1;
            }
            let found = |i: usize, at: fn(&Unit) -> usize, want: usize| {
                units.get(i).filter(|u| at(u) == want).map(|_| i)
            };
            let a = found(a, |u| u.span().start, m.span.start);
            let b = found(b, |u| u.span().end, m.span.end).map(|b| b + 1);
            let number = u32::try_from(mi + 1).ok().filter(|&n| n < STARTS);
            let (Some(a), Some(b), Some(number)) = (a, b, number) else {
                continue;
            };
            // "Belgorod region" is the name "Belgorod" and a common noun,
            // even where a gazetteer lists the phrase for the oblast; the
            // name alone is left to the other rules and clustering.
            if a >= b
                || units[a].sentence != units[b - 1].sentence
                || (b - a > 1 && units[b - 1].case == Case::Lower)
            {
                continue;
            }
            if covering[a] & STARTS == 0 {
                starts.push(a as u32);
            }
            ends[mi] = b;
            for c in &mut covering[a..b] {
                *c = number;
            }
            covering[a] |= STARTS;
        }
        // In order already where the matches are, as they come; sorted for
        // any that do not, which the search above allows.
        starts.sort_unstable();
        MatchIndex {
            starts,
            covering,
            ends,
        }
    }

    pub(super) fn starting(&self, i: usize) -> Option<(usize, usize)> {
        let number = self.covering.get(i).filter(|&&n| n & STARTS != 0)? & !STARTS;
        let mi = number as usize - 1;
        Some((self.ends[mi], mi))
    }

    fn covers(&self, i: usize) -> Option<usize> {
        ((*self.covering.get(i)? & !STARTS) as usize).checked_sub(1)
    }
}

/// Finds the name pieces of every sentence, in the vectors of `into`.
// Out of line, as called once a text: a profile shows the stage's
// cost under its name whatever the compiler inlines around it.
#[inline(never)]
pub(super) fn find(doc: &Doc<'_>, matches: &[Match], index: &MatchIndex, into: Found) -> Found {
    // Taken apart, so that no field is left holding another document's.
    let Found {
        mut pieces,
        mut nationalities,
        mut openers,
    } = into;
    pieces.clear();
    // About one unit in twelve starts a piece in news: room for most
    // documents' pieces at once, rather than a copy at each doubling.
    pieces.reserve(doc.units.len() / 8);
    nationalities.clear();
    openers.lowercase.clear();
    let mut found = Found {
        pieces,
        nationalities,
        openers,
    };
    // Most units are lowercase words starting nothing: only the units that
    // may start a name and those starting a match are visited, taken in
    // order from both lists, whose places only move on. A run ends with its
    // sentence, told by the unit's own number (the sentences' ranges follow
    // one another and cover every unit): the lists are read through once,
    // not sentence by sentence.
    let (mut next_unit, mut next_match) = (0, 0);
    let mut i = 0;
    loop {
        let next = |list: &[u32], at: &mut usize| {
            while list.get(*at).is_some_and(|&s| (s as usize) < i) {
                *at += 1;
            }
            list.get(*at).map_or(usize::MAX, |&s| s as usize)
        };
        let k = next(&doc.starts, &mut next_unit).min(next(&index.starts, &mut next_match));
        let Some(unit) = doc.units.get(k) else {
            break;
        };
        let limit = doc.sentences[unit.sentence as usize].end;
        i = k;
        let starts_match = index.starting(i).is_some();
        if starts_match || is_name_start(doc, i) || numbered_unit(doc, i, limit) {
            let end = extend_run(doc, index, i, limit);
            split_run(doc, matches, index, i..end, &mut found);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    // Runs are trimmed in order and their pieces made in order, each
    // within its run and apart from the others: the candidates typed from
    // them are in text order too, as the entity stage wants them.
    debug_assert!(found.pieces.is_sorted_by_key(|p| p.units().start));
    found.nationalities.sort_unstable();
    found.nationalities.dedup();
    found
}

/// A capitalised word that is not a hyphenated prefix ("Pro-Ukraine"), or a
/// lowercase particle hyphenated to a capitalised word ("al-Sharaa"). The
/// words this may accept are those [`Doc::starts`] gathers, and only those
/// are asked: a change here is one there too.
#[inline(always)]
fn is_name_start(doc: &Doc<'_>, i: usize) -> bool {
    // Asked of every unit visited, most of which are capitalised words not
    // glued to the next unit: the unit answers for those unasked.
    let Some(u) = doc.units.get(i) else {
        return false;
    };
    let hyphen_next = || doc.units.get(i + 1).is_some_and(|u| u.kind == Kind::Hyphen);
    match (u.kind, u.case) {
        (Kind::Word, Case::Capitalised | Case::Upper) => {
            !(u.glued && hyphen_next() && doc.listed(i, Lexicons::NAME_PREFIX))
        }
        (Kind::Word, _) => u.glued && hyphen_next() && particle_start(doc, i),
        _ => false,
    }
}

/// Whether a lowercase word hyphened to the next is a particle opening a
/// name: "al-Sharaa", "bin Salman".
fn particle_start(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_cap(i + 2) && matches!(doc.lower(i), "al" | "el" | "bin" | "ibn" | "abu")
}

/// An ordinal opening a unit's name: "101st Airborne Division", "3rd
/// Infantry Regiment".
#[inline]
pub(super) fn numbered_unit(doc: &Doc<'_>, i: usize, limit: usize) -> bool {
    // Asked of every unit, and units seldom open with a digit: the byte
    // turns them away before the word is sliced.
    let digit = doc
        .units
        .get(i)
        .is_some_and(|u| doc.text.as_bytes()[u.span().start].is_ascii_digit());
    digit && ordinal_unit(doc, i, limit)
}

/// [`numbered_unit`] of a unit opening with a digit.
fn ordinal_unit(doc: &Doc<'_>, i: usize, limit: usize) -> bool {
    let word = doc.word(i);
    let ordinal = word.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s));
    if !ordinal || !doc.is_cap(i + 1) {
        return false;
    }
    let mut k = i + 1;
    while k < limit && doc.is_cap(k) {
        k += 1;
    }
    doc.listed(k - 1, Lexicons::GROUP_HEAD)
}

/// Whether unit `i` is hyphened to a prefix: "pro-Kiev", "anti-Kremlin".
fn after_name_prefix(doc: &Doc<'_>, i: usize) -> bool {
    i >= 2 && doc.units[i - 1].kind == Kind::Hyphen && doc.listed(i - 2, Lexicons::NAME_PREFIX)
}

/// Extends a run of name words from `start` as far as it goes in the
/// sentence ending at `limit`.
fn extend_run(doc: &Doc<'_>, index: &MatchIndex, start: usize, limit: usize) -> usize {
    let through_match = |i: usize| through_match(index, i);
    let mut end = through_match(start);
    // A particle run start ("al-") continues through its hyphen.
    if !doc.is_cap(start) && index.starting(start).is_none() {
        end = start + 2;
    }
    // After "pro-" the name is the hyphenated word alone: in "pro-Kiev
    // Russian Volunteer Corps" it modifies the name that follows.
    let after_prefix = after_name_prefix(doc, start);
    // Names are short; a longer capitalised stretch (a shouted list, a
    // table) is cut into runs, which also bounds the work per run.
    let limit = limit.min(start + MAX_RUN);
    while end < limit {
        let j = end;
        if doc.is_cap(j) && is_name_start(doc, j) && !after_prefix {
            end = through_match(j);
            continue;
        }
        // Besides name words and lowercase connectors, only marks ("-",
        // "'", ".", "&") carry a name on, and most units ending a run are
        // neither: the first byte tells, without comparing the unit with
        // each mark.
        let mark = matches!(
            doc.text.as_bytes()[doc.units[j].span().start],
            b'-' | b'\'' | b'.' | b'&' | 0xE2
        );
        if mark {
            if let Some(k) = past_mark(doc, index, start, j, limit) {
                end = k;
                continue;
            }
        }
        if after_prefix {
            break;
        }
        if mark && doc.word_is(j, "&") && j + 1 < limit && doc.is_cap(j + 1) {
            end = through_match(j + 1);
            continue;
        }
        // Lowercase connectors between name words.
        let mut k = j;
        while k < limit
            && k - j < 3
            && doc.units[k].case == Case::Lower
            && doc.listed_as_written(k, Lexicons::NAME_CONNECTOR)
        {
            k += 1;
        }
        if k > j && k < limit && connector_ok(doc, index, start..j, j..k) {
            // "al-Assad": the particle may be hyphenated to the name.
            if doc.units[k].kind == Kind::Hyphen
                && doc.units[k - 1].glued
                && k + 1 < limit
                && doc.is_cap(k + 1)
            {
                end = through_match(k + 1);
                continue;
            }
            if doc.is_cap(k) && is_name_start(doc, k) {
                end = through_match(k);
                continue;
            }
        }
        break;
    }
    end
}

/// The end of a run that goes on past the mark at `j` (a hyphen, an
/// apostrophe, an initial's period), if it does.
fn past_mark(
    doc: &Doc<'_>,
    index: &MatchIndex,
    start: usize,
    j: usize,
    limit: usize,
) -> Option<usize> {
    let prev_glued = doc.units[j - 1].glued;
    let unit = &doc.units[j];
    // Glued hyphen between name words: "Nagorno-Karabakh", "al-Sharaa".
    if unit.kind == Kind::Hyphen && prev_glued && unit.glued && j + 1 < limit && doc.is_cap(j + 1) {
        return Some(through_match(index, j + 1));
    }
    // The lowercase second half of a hyphenated given name: "Hui
    // Chi-fung" (but not "Belgorod-based").
    if unit.kind == Kind::Hyphen
        && prev_glued
        && unit.glued
        && j + 1 < limit
        && given_syllable(doc, start, j, 5)
    {
        return Some(j + 2);
    }
    if let Some(k) = possessive_inside(doc, j, limit) {
        return Some(k);
    }
    // Text rebuilt from tokens spaces its hyphens: "Kim Jong - un",
    // "Khaled Al - Maeena".
    if spaced_hyphen(doc, j) && j + 1 < limit {
        let given = j - start >= 2 && given_syllable(doc, start, j, 6);
        let particle = matches!(doc.word(j - 1), "Al" | "El") && doc.is_cap(j + 1);
        if given {
            return Some(j + 2);
        }
        if particle || hyphened_to_head(doc, start, j, limit) {
            return Some(through_match(index, j + 1));
        }
    }
    // An initial's period: "John F. Kennedy".
    if doc.word_is(j, ".")
        && prev_glued
        && one_char(doc.word(j - 1))
        && j + 1 < limit
        && doc.is_cap(j + 1)
    {
        return Some(through_match(index, j + 1));
    }
    None
}

/// The end of a run through unit `i`: past the match starting there, if
/// any.
fn through_match(index: &MatchIndex, i: usize) -> usize {
    index.starting(i).map_or(i + 1, |(b, _)| b.max(i + 1))
}

/// Whether the word after the hyphen at `j` is the lowercase second
/// syllable of a given name ("Hui Chi-fung", "Kim Jong - un"). A common
/// word is one only after a family name and a first syllable, both short
/// ("Wong Kwok-kin", "Hau Lung - bin"), and never when it closes a
/// compound adjective ("Hong Kong-born").
fn given_syllable(doc: &Doc<'_>, start: usize, j: usize, max_len: usize) -> bool {
    let len = |i: usize| doc.word(i).chars().count();
    let s = j + 1;
    if doc.units[s].case != Case::Lower || !doc.is_word(s) || len(s) > max_len {
        return false;
    }
    !doc.listed_as_written(s, Lexicons::COMMON)
        || (j >= start + 2
            && !doc.listed_as_written(s, Lexicons::COMPOUND_HEAD)
            && (start..j).all(|i| doc.units[i].case == Case::Capitalised && len(i) <= 5))
}

/// The end of a name that runs on through a common noun's possessive to
/// a group head: "New People's Party", "Korean People 's Army" (as text
/// rebuilt from tokens spaces it, an apostrophe and an "s"). A name's
/// possessive ("Mecca's Grand Mosque") ends the name.
fn possessive_inside(doc: &Doc<'_>, j: usize, limit: usize) -> Option<usize> {
    let after = if doc.units[j].kind == Kind::Clitic && matches!(doc.word(j), "'s" | "’s") {
        j + 1
    } else if matches!(doc.word(j), "'" | "’") && doc.units[j].glued && doc.word_is(j + 1, "s") {
        j + 2
    } else {
        return None;
    };
    let common = doc.units[j - 1].case == Case::Capitalised && doc.listed(j - 1, Lexicons::COMMON);
    if !common {
        return None;
    }
    let mut k = after;
    while k < limit && doc.is_cap(k) {
        k += 1;
    }
    (k > after && doc.listed(k - 1, Lexicons::GROUP_HEAD)).then_some(k)
}

/// Whether the spaced hyphen at `j` joins two name words of a name that
/// runs on to its head: "Wright - Patterson Air Force Base", "Sea - Air -
/// Space Museum" in text rebuilt from tokens. Words in capitals are left
/// apart, as a headline's dash stands between them ("SOCCER - ENGLISH
/// LEAGUE"), and so is a person's name before a dash ("Anna Kerr - Harlow
/// Council").
fn hyphened_to_head(doc: &Doc<'_>, start: usize, j: usize, limit: usize) -> bool {
    let capitalised = |i: usize| doc.units[i].case == Case::Capitalised && doc.is_word(i);
    if !capitalised(j - 1) || doc.given_name(start).is_some() {
        return false;
    }
    let mut k = j + 1;
    while k < limit.min(j + 6)
        && (capitalised(k) || (spaced_hyphen(doc, k) && k + 1 < limit && capitalised(k + 1)))
    {
        k += 1;
    }
    k > j + 1 && is_head(doc, k - 1)
}

/// A hyphen standing apart from the words on both sides, as in text
/// rebuilt from tokens.
fn spaced_hyphen(doc: &Doc<'_>, j: usize) -> bool {
    doc.units[j].kind == Kind::Punct
        && doc.word_is(j, "-")
        && !doc.units[j - 1].glued
        && !doc.units[j].glued
}

/// Whether lowercase connectors may join the name words before them to the
/// next: particles of personal names always ("Ludwig van Beethoven"); "of",
/// "for" and "the" only after a group or place head ("Legion for the Freedom
/// of Russia", "Gulf of Mexico"), never to start a title's complement
/// ("President of Ukraine Volodymyr Zelensky").
fn connector_ok(
    doc: &Doc<'_>,
    index: &MatchIndex,
    left: Range<usize>,
    connectors: Range<usize>,
) -> bool {
    // A run holds at most three connectors in a row: their words fit in an
    // array, with no allocation.
    let mut held = [""; 3];
    for (w, i) in held.iter_mut().zip(connectors.clone()) {
        *w = doc.word(i);
    }
    let words = &held[..connectors.len().min(3)];
    let head = |i: usize| doc.listed(i, Lexicons::GROUP_HEAD);
    if words.contains(&"and") {
        // Only inside an institution's name, between two names of fields:
        // "Institute of Meteorology and Water Management".
        let after = connectors.end;
        if words != ["and"] {
            return false;
        }
        // The field after "and" may be one common word closing the name
        // ("Union of Atheists and Agnostics"), but a listed name there
        // starts a name of its own ("Institute of Technology and Colorado
        // State University").
        let lone_field = !doc.is_cap(after + 1) && doc.listed(after, Lexicons::COMMON);
        let fields_of = left.clone().any(head)
            && left.clone().any(|i| doc.word_is(i, "of"))
            && doc.is_cap(after)
            && (doc.is_cap(after + 1) || lone_field)
            && index.covers(after).is_none();
        return fields_of || paired_fields(doc, left, after);
    }
    if words.iter().all(|w| !matches!(*w, "of" | "for" | "the")) {
        return words.len() == 1
            || words == ["de", "la"]
            || words == ["van", "der"]
            || words == ["van", "den"];
    }
    if words[0] == "the" || words.len() > 2 {
        return false;
    }
    left.clone().any(|i| is_head(doc, i)) && !left.clone().any(|i| doc.listed(i, Lexicons::TITLE))
}

/// Whether "and" pairs two fields before the head they share, as common
/// words all: "National Air and Space Museum", "Fish and Wildlife
/// Service". Names on either side ("Smith and Jones Bank") are two names.
fn paired_fields(doc: &Doc<'_>, left: Range<usize>, after: usize) -> bool {
    let common = |i: usize| doc.is_cap(i) && doc.listed(i, Lexicons::COMMON);
    let shared_head = |i: usize| is_head(doc, i);
    if left.clone().any(|i| !common(i) || shared_head(i)) {
        return false;
    }
    // The head comes within three words, through common words only.
    (after..(after + 3).min(doc.units.len()))
        .take_while(|&i| common(i))
        .any(shared_head)
}

/// Trims a run and splits it into pieces, each typed later.
fn split_run(
    doc: &Doc<'_>,
    matches: &[Match],
    index: &MatchIndex,
    run: Range<usize>,
    found: &mut Found,
) {
    if doc.units[run.start].headline {
        // Capitals say nothing here: keep only stretches with evidence.
        let mut i = run.start;
        while i < run.end {
            if !has_evidence(doc, matches, index, i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < run.end && (has_evidence(doc, matches, index, j) || !doc.is_cap(j)) {
                j += 1;
            }
            while j > i + 1 && !doc.is_cap(j - 1) {
                j -= 1;
            }
            trim(doc, matches, index, i..j, false, found);
            i = j;
        }
        return;
    }
    trim(doc, matches, index, run, false, found);
}

/// Whether a word in a headline is a name word: it is in a confident
/// gazetteer match, or the text writes it capitalised in running text, or
/// it is a given name, not also a word, before such a word ("Olga
/// Petrenko", where the text below opens a sentence with it).
fn has_evidence(doc: &Doc<'_>, matches: &[Match], index: &MatchIndex, i: usize) -> bool {
    if word_has_evidence(doc, matches, index, i) {
        return true;
    }
    doc.units[i].case == Case::Capitalised
        && given_not_word(doc, i)
        && i + 1 < doc.units.len()
        && doc.units[i].sentence == doc.units[i + 1].sentence
        && word_has_evidence(doc, matches, index, i + 1)
}

fn word_has_evidence(doc: &Doc<'_>, matches: &[Match], index: &MatchIndex, i: usize) -> bool {
    if let Some(m) = index.covers(i) {
        if !matches[m].ambiguous {
            return true;
        }
    }
    // In capitals, a common word seen capitalised elsewhere is more likely
    // the same word opening a title ("EASTERN DIVISION") than a name.
    let word = doc.word(i);
    // The unit's lexicons, looked up once, are those of its lower case
    // without trailing periods: a word with one is lowercased here.
    let common = || {
        if word.ends_with('.') {
            COMMON_WORDS.contains(&*lowercase(word))
        } else {
            doc.listed(i, Lexicons::COMMON)
        }
    };
    let shouted = doc.units[i].case == Case::Upper && common();
    doc.is_cap(i) && !shouted && doc.seen_capitalised(word)
}

/// Whether unit `i` heads the name of a group, a building or a place
/// ("council", "museum", "river"): what names run on to.
fn is_head(doc: &Doc<'_>, i: usize) -> bool {
    doc.listed(i, Lexicons::HEAD)
}

fn ends_with_group_head(doc: &Doc<'_>, run: &Range<usize>) -> bool {
    run.end > run.start && doc.listed(run.end - 1, Lexicons::GROUP_HEAD)
}

/// The end of a title at `i` ("Prime Minister", "Gen.", "former President"),
/// if one starts there.
#[inline(always)]
fn title_at(doc: &Doc<'_>, i: usize, limit: usize) -> Option<usize> {
    // Asked of most runs' first words, which are seldom titles: a word in
    // neither lexicon, found by one test of its bits, starts none.
    if !doc.listed(i, Lexicons::TITLE | Lexicons::TITLE_MODIFIER) {
        return None;
    }
    title_run(doc, i, limit)
}

/// [`title_at`] of a word listed as a title or a title's modifier.
fn title_run(doc: &Doc<'_>, i: usize, limit: usize) -> Option<usize> {
    let mut k = i;
    while k < limit && doc.listed(k, Lexicons::TITLE_MODIFIER) && !doc.listed(k, Lexicons::TITLE) {
        k += 1;
    }
    // A run of title words ("Deputy Prime Minister", "Gen" "." glued).
    let mut end = None;
    while k < limit
        && doc.is_word(k)
        && (doc.listed(k, Lexicons::TITLE)
            || (end.is_some() && doc.listed(k, Lexicons::TITLE_MODIFIER)))
    {
        k += 1;
        if doc.word_is(k, ".") && doc.units[k - 1].glued {
            k += 1;
        }
        end = Some(k);
    }
    end
}

/// Trims a run of titles, function words and nationality adjectives at its
/// start and of labels and days at its end, splits it where a title or a
/// new person's name starts, and records its pieces.
#[inline(always)]
fn trim(
    doc: &Doc<'_>,
    matches: &[Match],
    index: &MatchIndex,
    run: Range<usize>,
    titled: bool,
    found: &mut Found,
) {
    // Most runs are one word, which no craft's prefix opens and nothing
    // inside divides: it is asked the questions that may turn it away,
    // without the frame of the function for longer runs.
    if run.end == run.start + 1 {
        trim_word(doc, matches, index, run.start, titled, found);
    } else {
        trim_run(doc, matches, index, run, titled, found);
    }
}

/// [`trim`] of a run of two units or more.
fn trim_run(
    doc: &Doc<'_>,
    matches: &[Match],
    index: &MatchIndex,
    run: Range<usize>,
    titled: bool,
    found: &mut Found,
) {
    let (mut a, b) = (run.start, run.end);
    if craft(doc, a, b) {
        return;
    }
    let mut titled = titled;
    let group = ends_with_group_head(doc, &run);
    // A listed name that opens with "The" ("The National") and runs on
    // into more name words ("The National Bank of Poland") is another name,
    // and its "The" no part of it.
    let open_to_trim = |a: usize| {
        index.starting(a).is_none_or(|(end, m)| {
            matches[m].ambiguous || (end < b && doc.word(a).eq_ignore_ascii_case("the"))
        })
    };
    while a < b && open_to_trim(a) {
        let filler = filler(doc, a, b);
        // "Jan" is a month, but "Jan Kowalczyk" a man. Asked only of the
        // words it may keep, as a word not yet looked up is looked up in
        // the table of given names.
        let forename = || a + 1 < b && doc.given_name(a).is_some() && doc.is_cap(a + 1);
        if filler || (doc.listed(a, Lexicons::NOT_NAME) && !forename()) {
            a += 1;
        } else if let Some(end) = title_at(doc, a, b).filter(|&e| e < b && !group) {
            titled = true;
            a = end;
        } else if is_nationality(doc, a) && a + 1 < b && !group && !forename() {
            found.nationalities.push(a);
            a += 1;
        } else if doc.listed(a, Lexicons::PARTY) && a + 1 < b && party_of(doc, a + 1, b) {
            a += 1;
        } else {
            break;
        }
    }
    // A title alone ("the Home Secretary") names nobody.
    if a >= b || (!group && title_at(doc, a, b) == Some(b)) {
        return;
    }
    // A stray letter at the end is a label ("NASA T-shirt"), not an
    // initial, which has its period.
    let mut b = b;
    while b > a + 1 && letter_at(doc, b - 1) && !doc.word_is(b, ".") {
        b -= 1;
    }
    // A day closing the run dates the name: "Dole Tuesday said".
    while b > a + 1 && doc.listed(b - 1, Lexicons::WEEKDAY) {
        b -= 1;
    }
    // A first name and surname after words of another kind begin a new
    // name: "Minister of Education Stefania Giannini", "Council on
    // American-Islamic Relations Alia Salem".
    // A run closing in a head names one place or group: "Memorial Hall
    // Station" is no man's name.
    let headed = is_head(doc, b - 1);
    for k in (a + 1..b.saturating_sub(1)).filter(|_| !headed) {
        // The cases at hand turn away most words before the lexicons and
        // the document are asked.
        if doc.units[k].case != Case::Capitalised || !doc.is_cap(k + 1) {
            continue;
        }
        // An opener without evidence before a first name is a word:
        // "Forecaster Jan Kowalczyk".
        let opener = || {
            k - 1 == a
                && doc.units[a].initial
                && !doc.seen_capitalised(doc.word(a))
                && doc.given_name(a).is_none()
        };
        // Whether seen capitalised is read from the document's words:
        // asked last.
        let other = || {
            doc.listed(k - 1, Lexicons::COMMON | Lexicons::GROUP_HEAD)
                || index
                    .covers(k - 1)
                    .is_some_and(|m| index.covers(k) != Some(m))
                || opener()
        };
        // After a group's head, two unknown words closing the run are a
        // name even where the first name is not one we list: "Refugee
        // Council Enver Solomon".
        let unknown = |i: usize| {
            doc.units[i].case == Case::Capitalised
                && !doc.listed(i, Lexicons::COMMON)
                && !doc.listed(i, Lexicons::GROUP_HEAD)
        };
        let person_closes = || {
            doc.listed(k - 1, Lexicons::GROUP_HEAD) && k + 2 == b && unknown(k) && unknown(k + 1)
        };
        // A first name the gazetteer lists only as a small place ("Alia")
        // still starts a person's name.
        let small_place_first = || {
            index.starting(k).is_some_and(|(end, m)| {
                end == k + 1
                    && matches[m].ambiguous
                    && doc.given_name(k).is_some()
                    && !doc.listed(k, Lexicons::COMMON)
            })
        };
        if (doc.given_name(k).is_some() || person_closes())
            // A surname's particle ("Marco De Luca") is listed as a given
            // name too, but continues the name.
            && !doc.listed(k, Lexicons::NAME_CONNECTOR)
            && (index.covers(k).is_none() || small_place_first())
            && other()
        {
            trim(doc, matches, index, a..k, titled, found);
            trim(doc, matches, index, k..b, false, found);
            return;
        }
    }
    // A title inside the run divides it: "Ukraine President Zelensky".
    if !group {
        let mut k = a + 1;
        while k < b {
            // A title that is also a small place ("Secretary", Maryland)
            // still divides.
            let named = index.covers(k).is_some_and(|m| !matches[m].ambiguous);
            if !named && matches!(doc.units[k].case, Case::Capitalised | Case::Upper) {
                if let Some(end) = title_at(doc, k, b) {
                    // A title closing the run ("the Los Angeles Sheriff")
                    // leaves the name before it; common words before a
                    // title are part of it ("Shadow Home Secretary").
                    let named_before = index
                        .starting(a)
                        .is_some_and(|(_, m)| !matches[m].ambiguous);
                    if named_before || !all_common(doc, a..k) {
                        piece(
                            doc,
                            matches,
                            index,
                            a..k,
                            titled,
                            doc.units[a].initial,
                            found,
                        );
                    }
                    if end < b {
                        trim(doc, matches, index, end..b, true, found);
                    }
                    return;
                }
            }
            k += 1;
        }
    }
    let opener = doc.units[a].initial;
    piece(doc, matches, index, a..b, titled, opener, found);
}

/// [`trim`] of a run of one unit, `a`: a word of it that the loop
/// trimming a run's opening words takes away, or a title alone, is no name.
/// Most runs are one word: inlined, it spares each a call's frame.
#[inline(always)]
fn trim_word(
    doc: &Doc<'_>,
    matches: &[Match],
    index: &MatchIndex,
    a: usize,
    titled: bool,
    found: &mut Found,
) {
    let b = a + 1;
    // A listed name starting at the word ends with it: no "The" opening a
    // longer name is taken away here (see `trim`).
    let open = index.starting(a).is_none_or(|(_, m)| matches[m].ambiguous);
    if open && (filler(doc, a, b) || doc.listed(a, Lexicons::NOT_NAME)) {
        return;
    }
    if !doc.listed(a, Lexicons::GROUP_HEAD) && title_at(doc, a, b) == Some(b) {
        return;
    }
    piece(
        doc,
        matches,
        index,
        a..b,
        titled,
        doc.units[a].initial,
        found,
    );
}

/// Whether unit `a`, opening the run that ends at `b`, is no name word: a
/// lowercase word that starts no name, a hyphen or a mark.
#[inline(always)]
fn filler(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    (!doc.is_cap(a) && doc.is_word(a) && !is_name_start(doc, a) && !numbered_unit(doc, a, b))
        || matches!(doc.units[a].kind, Kind::Hyphen | Kind::Punct)
}

/// Whether unit `i` is one char. A char is four bytes at most: the span's
/// length turns away most words before they are sliced, and one byte is
/// one char. Asked of most pieces: inlined, it spares each a call.
#[inline(always)]
fn letter_at(doc: &Doc<'_>, i: usize) -> bool {
    let len = doc.units[i].span().len();
    len == 1 || (len <= 4 && one_char(doc.word(i)))
}

/// A craft's name: "HMS Belfast", "Space Shuttle Discovery".
fn craft(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let prefix = |i: usize| i + 1 < b && doc.listed(i, Lexicons::CRAFT_PREFIX);
    prefix(a) || (doc.listed(a, Lexicons::COMMON) && prefix(a + 1))
}

/// Whether every word of the units is a common English word.
pub(super) fn all_common(doc: &Doc<'_>, units: Range<usize>) -> bool {
    units
        .filter(|&i| doc.is_word(i))
        .all(|i| doc.listed(i, Lexicons::COMMON))
}

/// A model, version or mission code rather than a name: capitals with a
/// number glued on ("IE6", "G7") or hyphened to them ("STS-134", "F-16").
fn designation(doc: &Doc<'_>, i: usize) -> bool {
    // The case, at hand, turns away words not in capitals unread.
    if doc.units[i].case != Case::Upper {
        return false;
    }
    let word = doc.word(i);
    let letters = word.trim_end_matches(|c: char| c.is_ascii_digit());
    let glued = letters.len() < word.len() && !letters.is_empty();
    // Split off a word, the number after a hyphen is a word unit too.
    let hyphened =
        doc.word_is(i + 1, "-") && doc.word(i + 2).starts_with(|c: char| c.is_ascii_digit());
    letters.chars().all(|c| c.is_ascii_uppercase()) && (glued || hyphened)
}

/// A Roman numeral: "part XVII", "Group II".
pub(super) fn numeral(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'))
}

/// A country's code naming its currency: "US$ 20,000", "NZ $26".
fn currency(doc: &Doc<'_>, i: usize) -> bool {
    doc.units[i].case == Case::Upper && doc.word(i + 1).starts_with('$')
}

/// Whether a lowercased word names a part of the compass ("south",
/// "western"), as places and adjectives of nation open with.
pub(super) fn is_compass(lower: &str) -> bool {
    matches!(
        lower,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
    )
}

/// [`is_compass`] of unit `i`. Most units open with a letter no compass
/// word opens with, which the first byte tells without lowercasing the
/// word: no char but these five letters, in either case, lowercases to one
/// of them. Of the rest, most are no common word, as every compass word
/// is: their lexicons, looked up already, tell.
fn compass_at(doc: &Doc<'_>, i: usize) -> bool {
    let first = doc
        .units
        .get(i)
        .map(|u| doc.text.as_bytes()[u.span().start]);
    matches!(
        first.map(|b| b | 0x20),
        Some(b'n' | b's' | b'e' | b'w' | b'c')
    ) && doc.listed(i, Lexicons::COMMON)
        && is_compass(doc.lower(i))
}

/// Whether the person named from unit `i` on (to `b`) may have a party
/// before the name: the name starts with a given name or a title
/// ("Republican Donald Trump", "Democratic Sen. Bob Casey"), where a group
/// is named after a party with a common word ("Democratic Convention").
fn party_of(doc: &Doc<'_>, i: usize, b: usize) -> bool {
    (i + 1 < b && given_not_word(doc, i)) || title_at(doc, i, b).is_some_and(|end| end < b)
}

/// Whether unit `i` is a given name that is not also a word: "Will" and
/// "Win" are given names, but in a headline or after a party more often
/// the words.
fn given_not_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.given_name(i).is_some() && !doc.listed(i, Lexicons::COMMON)
}

/// Whether unit `i` is a nationality adjective, or its plural.
fn is_nationality(doc: &Doc<'_>, i: usize) -> bool {
    doc.listed(i, Lexicons::NATIONALITY | Lexicons::NATIONALITY_PLURAL)
}

/// Records a piece of a run. `opener`: its first word opens a sentence or
/// quotation (or follows a dropped opener), where a capital is no evidence.
#[allow(clippy::too_many_arguments)]
fn piece(
    doc: &Doc<'_>,
    matches: &[Match],
    index: &MatchIndex,
    units: Range<usize>,
    titled: bool,
    opener: bool,
    found: &mut Found,
) {
    let (a, b) = (units.start, units.end);
    let matched = index
        .starting(a)
        .filter(|&(end, _)| end <= b)
        .map(|(_, m)| m);
    let single = b - a == 1;
    // "English" may be a gazetteer alias, but alone it is an adjective.
    let adjective = is_nationality(doc, a) && doc.units[a].case == Case::Capitalised;
    // "South Korean" is an adjective too.
    let compass = compass_at(doc, a);
    let adjective = adjective || (b - a == 2 && compass && is_nationality(doc, a + 1));
    // A lone letter is an initial or a label, not a name.
    let letter = single && letter_at(doc, a);
    // Codes, currencies and numerals are all in capitals: the case turns
    // away most words before they are sliced.
    let code = single
        && doc.units[a].case == Case::Upper
        && (designation(doc, a) || currency(doc, a) || numeral(doc.word(a)));
    // "The North" is a region or its government, as context has it; no
    // cue here says which, and the small places so named do not either.
    let compass_alone = single && compass && matched.is_none_or(|m| matches[m].ambiguous);
    if letter || code || compass_alone || (b - a == 2 && compass && adjective) {
        if adjective {
            found.nationalities.push(a + 1);
        }
        return;
    }
    // "Mark Tedeschi, QC": letters of rank after a name no list has.
    let post_nominal = single
        && a >= 2
        && doc.word_is(a - 1, ",")
        && doc.listed(a, Lexicons::POST_NOMINAL)
        && index.covers(a - 2).is_none();
    if post_nominal {
        return;
    }
    // "Republican" alone is an adjective or a member, not the party.
    let party = single && doc.listed(a, Lexicons::PARTY);
    if single && (adjective || party || (matched.is_none() && doc.listed(a, Lexicons::NOT_NAME))) {
        if is_nationality(doc, a) {
            found.nationalities.push(a);
        }
        return;
    }
    // "pro-Beijing" and "Boston-based" are adjectives: neither CoNLL nor
    // GUM counts a name inside one as a mention.
    let compound = doc.units.get(b).is_some_and(|u| u.kind == Kind::Hyphen)
        && doc
            .units
            .get(b + 1)
            .is_some_and(|u| u.kind == Kind::Word && u.case == Case::Lower);
    if after_name_prefix(doc, a) || compound {
        return;
    }
    let confident_match = matched.is_some_and(|m| !matches[m].ambiguous);
    // A capitalised sentence opener is a name only with evidence.
    // In a results line a team's score is evidence enough.
    // So is a dateline's place ("ARLINGTON, Texas 1996-08-31").
    // Both asked only where they matter: of an opener with no other
    // evidence.
    let team = || super::typing::score_follows(doc, b);
    let dated = || super::typing::dateline(doc, a, b);
    if opener && !doc.units[a].headline && !titled && !confident_match && !team() && !dated() {
        let word = doc.word(a);
        // Whether the word is seen capitalised, or in lowercase, is read
        // from the document's words: asked last, and in that order.
        let seen = || doc.seen_capitalised(word);
        let openers = &mut found.openers;
        if single {
            let mut speaker =
                || speech_verb_follows(doc, b) && !word.ends_with('s') && !openers.common(doc, a);
            if !seen() && !speaker() {
                return;
            }
        } else {
            // "Nick Moreau": a first name before another name word is one,
            // whatever else it means.
            let first_name = || doc.given_name(a).is_some() && doc.is_cap(a + 1);
            if index.covers(a).is_none() && !first_name() && !seen() && openers.common(doc, a) {
                piece(doc, matches, index, a + 1..b, titled, true, found);
                return;
            }
        }
    }
    let tail = index
        .covers(b - 1)
        .filter(|&m| !matches[m].ambiguous && matches[m].span.start > doc.units[a].span().end)
        .filter(|&m| matches[m].span.end == doc.units[b - 1].span().end);
    found.pieces.push(Piece::new(units, titled, matched, tail));
}

/// Whether a speech verb follows unit `i`, perhaps after an auxiliary
/// ("Gladkov said", "Moscow has said").
#[inline]
pub(super) fn speech_verb_follows(doc: &Doc<'_>, i: usize) -> bool {
    // Asked of every piece, most of which a mark follows: the unit's kind
    // answers before the call.
    doc.is_word(i) && verb_follows(doc, i)
}

/// [`speech_verb_follows`] of a word.
fn verb_follows(doc: &Doc<'_>, i: usize) -> bool {
    let sentence = doc.units[i.saturating_sub(1)].sentence;
    for k in i..i + 2 {
        let Some(u) = doc.units.get(k).filter(|u| u.kind == Kind::Word) else {
            return false;
        };
        if u.sentence != sentence {
            return false;
        }
        if doc.listed_as_written(k, Lexicons::SPEECH_VERB) {
            return true;
        }
        // The auxiliaries are in lower case, as the unit says, and read as
        // bytes, without the checks of char boundaries slicing makes.
        let auxiliary = u.case == Case::Lower
            && matches!(
                &doc.text.as_bytes()[u.span().range()],
                b"has"
                    | b"had"
                    | b"have"
                    | b"also"
                    | b"later"
                    | b"then"
                    | b"was"
                    | b"is"
                    | b"would"
                    | b"will"
                    | b"on"
            );
        if !auxiliary {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`compass_at`] asks the common words' lexicon first.
    #[test]
    fn compass_words_are_common() {
        for word in [
            "north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central",
        ] {
            assert!(is_compass(word), "{word}");
            assert!(COMMON_WORDS.contains(word), "{word}");
        }
    }
}
