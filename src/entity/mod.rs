//! The entity stage: gazetteer matches and name-shaped text turned into typed
//! mentions, clustered into the people, groups and places they name.
//!
//! Candidates ([`candidate`]) are runs of capitalised words, trimmed and
//! checked for evidence where capitals say nothing; typing ([`typing`])
//! weighs cues against the gazetteer; overlaps are settled by one policy
//! (longest, then gazetteer-backed, then earliest); clustering
//! ([`cluster`]) joins the mentions of one entity.

mod candidate;
mod cluster;
mod typing;
mod units;

use std::cell::Cell;
use std::collections::hash_map::Entry;

use crate::document::{Entity, EntityType};
use crate::gazetteer::{Gazetteer, Gender, Match};
use crate::hash::{Map, Set};
use crate::lexicon::FIRST_NAMES;
use crate::text::Layout;
use crate::Span;

use self::typing::Candidate;

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    pub(crate) span: Span,
    /// Index into [`Entities::entities`].
    pub(crate) entity: usize,
    pub(crate) kind: EntityType,
}

/// The entity stage's output, read by attribution.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entities {
    /// In text order, never overlapping.
    pub(crate) mentions: Vec<Mention>,
    /// The output entities; `entities[i].id.index() == i`.
    pub(crate) entities: Vec<Entity>,
    /// Per entity, where known (for pronoun resolution).
    pub(crate) genders: Vec<Option<Gender>>,
    /// Nationality adjectives ("Russian", "Ukrainian"): none of the three
    /// types, but useful to later stages.
    pub(crate) nationalities: Vec<Span>,
    /// The text with its ASCII letters lowercased, made for the units and
    /// handed on, since attribution reads its words in lower case too.
    pub(crate) ascii_lowered: String,
    /// The sentences read as headlines, where capitals say nothing of a
    /// word ("Hollande Says Trump ‘Makes You Want To Retch’"), in text
    /// order.
    pub(crate) headlines: Vec<Span>,
}

/// Finds and clusters the entities of `text`.
pub(crate) fn recognize(
    text: &str,
    layout: &Layout,
    matches: &[Match],
    gazetteer: &Gazetteer,
) -> Entities {
    let spare = SPARE.take();
    let mut names = spare.names;
    names.reserve(matches.len());
    names.extend(matches.iter().filter(|m| !m.ambiguous).map(|m| m.span));
    let doc = units::Doc::new(text, layout, &names, spare.units);
    let index = candidate::MatchIndex::new(&doc, matches, spare.index);
    let found = candidate::find(&doc, matches, &index, spare.found);
    let mut candidates = spare.candidates;
    candidates.reserve(found.pieces.len());
    // Room for every piece at once, where growing from nothing took two or
    // three allocations a document.
    let mut rejected = spare.rejected;
    rejected.reserve(found.pieces.len());
    // An event is one in all its mentions: "Hundreds dead in Hajj
    // stampede ... during the Hajj,". Told of each piece as it is typed.
    let mut events: Set<&str> = Set::default();
    for p in &found.pieces {
        if typing::event_frame(&doc, p) {
            events.insert(&text[p.span(&doc)]);
        }
        match typing::type_piece(&doc, matches, gazetteer, p) {
            Some(c) => candidates.push(c),
            None if p.units().len() == 1 => {
                // An empty candidate holds the word's place in text order,
                // should it be rescued (see `rescue_people`): a person put
                // there needs no sort of all the candidates.
                let at = p.span(&doc).start;
                rejected.push((p.units().start, candidates.len()));
                candidates.push(Candidate {
                    span: Span::new(at, at),
                    kind: EntityType::Person,
                    entry: None,
                    confidence: 0,
                    gender: None,
                    listed_only: false,
                });
            }
            None => {}
        }
    }
    // Candidates named as events elsewhere are no mentions: emptied rather
    // than taken out, so that the places held stay where they are.
    if !events.is_empty() {
        for c in &mut candidates {
            if c.entry.is_none() && events.contains(&text[c.span]) {
                c.span = Span::new(c.span.start, c.span.start);
            }
        }
    }
    // "The Guardian" is listed with its article, to tell it from the word,
    // but groups' names are marked without one, as news corpora mark them
    // (places keep theirs: "The Hague").
    for c in &mut candidates {
        let group = c.kind == EntityType::Group && c.entry.is_some();
        if group
            && matches!(
                text.as_bytes().get(c.span.range()),
                Some([b'T' | b't', b'h', b'e', b' ', ..])
            )
        {
            c.span = Span::new(c.span.start + 4, c.span.end);
        }
    }
    rescue_people(text, &doc, gazetteer, &rejected, &mut candidates);
    let mut candidates = resolve_overlaps(candidates);
    type_by_coordination(text, &mut candidates);
    type_by_group_names(text, &mut candidates);
    let mut entities = cluster::cluster(text, &candidates, gazetteer);
    // "Russian" inside "Russian Volunteer Corps" is part of a name.
    let inside = |s: &Span| {
        let i = entities.mentions.partition_point(|m| m.span.end <= s.start);
        entities
            .mentions
            .get(i)
            .is_some_and(|m| m.span.start <= s.start && s.end <= m.span.end)
    };
    let nationalities = found
        .nationalities
        .iter()
        .map(|&i| doc.units[i].span())
        .filter(|s| !inside(s))
        .collect();
    entities.nationalities = nationalities;
    entities.headlines = doc
        .sentences
        .iter()
        .zip(&layout.sentences)
        .filter(|(units, _)| doc.units.get(units.start).is_some_and(|u| u.headline))
        .map(|(_, sentence)| sentence.span)
        .collect();
    let (ascii_lowered, units) = doc.into_parts();
    entities.ascii_lowered = ascii_lowered;
    names.clear();
    candidates.clear();
    rejected.clear();
    SPARE.set(Spare {
        units,
        names,
        index,
        found,
        candidates,
        rejected,
    });
    entities
}

/// Keeps `ascii_lowered`, the [`Entities::ascii_lowered`] of a document
/// whose stages are done with it, for this thread's next [`recognize`]:
/// the next document's copy of its text fills memory the cache holds,
/// where a new string's was cold at each line.
pub(crate) fn give_back(ascii_lowered: String) {
    let mut spare = SPARE.take();
    spare.units.ascii = ascii_lowered;
    SPARE.set(spare);
}

thread_local! {
    /// This thread's buffers for [`recognize`].
    static SPARE: Cell<Spare> = Cell::default();
}

/// The buffers [`recognize`] fills for a document, kept by each thread from
/// one document to the next: a document allocates only where it outgrows
/// those before it on its thread. The match index and the pieces found are
/// emptied as they are made again; clustering keeps its own.
#[derive(Default)]
struct Spare {
    units: units::Buffers,
    names: Vec<Span>,
    index: candidate::MatchIndex,
    found: candidate::Found,
    candidates: Vec<Candidate>,
    /// Words rejected by typing, each with the place held for it among
    /// the candidates.
    rejected: Vec<(usize, usize)>,
}

/// Lone words naming a person named in full in the document: the surname
/// ("Paul Dewar ... Dewar says", though a village is called Dewar and
/// nothing else in the sentence says person) is taken back where typing
/// rejected it, in the place held for it in `candidates`, and where it
/// typed it a place by its gazetteer entry alone, wherever the full name
/// comes ("Clinton" in a headline, "Hillary Clinton" below it); a given
/// name ("Valeska Gloria ... Gloria was") also where it was typed a place
/// or group. Neither where the word names a place as prominent as a city
/// of a million, which is far more often meant ("Virginia Foxx ...
/// Virginia").
fn rescue_people(
    text: &str,
    doc: &units::Doc<'_>,
    gazetteer: &Gazetteer,
    rejected: &[(usize, usize)],
    candidates: &mut [Candidate],
) {
    let named = |c: &&Candidate| c.kind == EntityType::Person && c.confidence >= 2;
    // Per word: whether it is a given name (else a surname only). Sized at
    // once, for two words a name: growing rehashes every word again.
    let n = candidates.iter().filter(named).count();
    if n == 0 {
        return;
    }
    let mut people: Map<&str, bool> = Map::with_capacity_and_hasher(2 * n, Default::default());
    // The lengths of all the words and of the given names, a bit each
    // (modulo 64): most words asked about have none of them, and are not
    // looked up.
    let (mut lengths, mut given) = (0u64, 0u64);
    let bit = |word: &str| 1 << (word.len() % 64);
    for c in candidates.iter().filter(named) {
        let name = &text[c.span];
        // A space is one byte, never part of another char's.
        let bytes = name.as_bytes();
        let Some(i) = first_space(bytes) else {
            continue;
        };
        // The last space, found by the same eight-byte reads: most names
        // are two words, whose rest has none, where a search back byte by
        // byte reads the whole last word.
        let mut j = i;
        while let Some(k) = first_space(&bytes[j + 1..]) {
            j += 1 + k;
        }
        let last = &name[j + 1..];
        people.entry(last).or_insert(false);
        lengths |= bit(last);
        // A person is named in full again and again: a given name found
        // before is not looked for again.
        let first = &name[..i];
        match people.entry(first) {
            Entry::Occupied(known) if *known.get() => {}
            entry => {
                if is_given(doc, c.span.start, first) {
                    *entry.or_insert(true) = true;
                    given |= bit(first);
                }
            }
        }
    }
    if people.is_empty() {
        return;
    }
    lengths |= given;
    let person = |span| Candidate {
        span,
        kind: EntityType::Person,
        entry: None,
        confidence: 1,
        gender: None,
        listed_only: false,
    };
    for c in candidates.iter_mut() {
        if c.kind == EntityType::Person || lengths & 1 << (c.span.len() % 64) == 0 {
            continue;
        }
        // The entry's profile, out of cache, is read last, for the few
        // words that are names of the document's people.
        let named = match people.get(&text[c.span]) {
            Some(&given) => given || (c.kind == EntityType::Place && c.listed_only),
            None => false,
        };
        if named && !c.entry.is_some_and(|id| gazetteer.profile(id).city()) {
            *c = person(c.span);
        }
    }
    for &(i, at) in rejected {
        let word = doc.word(i);
        if lengths & bit(word) != 0 && people.contains_key(word) {
            candidates[at] = person(doc.units[i].span());
        }
    }
}

/// Whether `first`, the first word of a name starting at byte `at`, is a
/// given name. Nearly always it is one word unit, looked up in the lexicons
/// as the units were made, whose lexicons tell it where the list of given
/// names, a table the cache seldom holds, was read once a name.
fn is_given(doc: &units::Doc<'_>, at: usize, first: &str) -> bool {
    let i = doc.units.partition_point(|u| u.span().start < at);
    match doc.units.get(i) {
        Some(u) if u.span() == Span::new(at, at + first.len()) => doc.given_name(i).is_some(),
        _ => FIRST_NAMES.contains_key(first),
    }
}

/// Names in one list are of one kind: "Zeus, Hera and Athena", "Given,
/// Breen, Irwin, Harte". A lone word typed from its shape alone takes the
/// kind most of the list's typed names (by a cue or the gazetteer) have.
/// Two names with only a comma between are no list: "Tedeschi, QC",
/// "On board the Freewinds, Paris claims". A word the document also uses
/// in a longer name ("Iran and Talabani" after "Jalal Talabani") is left
/// to clustering. `candidates` are in text order.
fn type_by_coordination(text: &str, candidates: &mut [Candidate]) {
    // The lone words guessed in a list, with the kind of the list's
    // majority: few or none, looked for in the longer names at the end.
    let mut lone = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        let mut conjunction = false;
        while end < candidates.len() {
            let gap = candidates[end - 1].span.end..candidates[end].span.start;
            if !may_separate(&text.as_bytes()[gap.clone()]) {
                break;
            }
            let between = trim(&text[gap]);
            match between {
                "," => {}
                "and" | "or" | ", and" | ", or" => conjunction = true,
                _ => break,
            }
            end += 1;
        }
        let list = start..end;
        start = end;
        if list.len() < 2 || (list.len() == 2 && !conjunction) {
            continue;
        }
        let Some(kind) = majority(&candidates[list.clone()]) else {
            continue;
        };
        for i in list {
            let word = &text[candidates[i].span];
            // Capitals alone keep their guess: acronyms are mostly groups.
            if !typed(&candidates[i]) && !word.contains(' ') && word.chars().any(char::is_lowercase)
            {
                lone.push((i, kind));
            }
        }
    }
    if lone.is_empty() {
        return;
    }
    // Per lone word: whether a longer name has it.
    let word = |span: Span| &text.as_bytes()[span.range()];
    let mut in_longer: Map<&[u8], bool> = lone
        .iter()
        .map(|&(i, _)| (word(candidates[i].span), false))
        .collect();
    look_in_longer(text, candidates.iter(), &mut in_longer, |found| {
        *found = true;
    });
    for (i, kind) in lone {
        if in_longer.get(word(candidates[i].span)) == Some(&false) {
            let c = &mut candidates[i];
            c.kind = kind;
            c.confidence = 1;
            c.gender = c.gender.filter(|_| kind == EntityType::Person);
        }
    }
}

/// Whether `gap`, the text between two names, may be a list's separator
/// ("," or a conjunction) once trimmed: most gaps are not, and their
/// first bytes past ASCII spaces say so, where trimming them reads both
/// ends. A separator is a comma, "and" or "or", or a comma and one of
/// them; a vertical tab or a byte of a char beyond ASCII may be a space
/// [`trim`] takes. Most gaps after a comma go on with another word ("Kent,
/// who"), and are told from the word.
fn may_separate(gap: &[u8]) -> bool {
    // Most gaps are one space and a word, told without the loop trimming.
    let rest = match gap {
        [b' ', next, ..] if !next.is_ascii_whitespace() => &gap[1..],
        _ => gap.trim_ascii_start(),
    };
    let word = match rest {
        [b',', after @ ..] => after.trim_ascii_start(),
        _ => rest,
    };
    match word.first() {
        None | Some(0x0B | 0x80..) => true,
        Some(b'a') => word.starts_with(b"and"),
        Some(b'o') => word.starts_with(b"or"),
        _ => false,
    }
}

/// `text` trimmed as [`str::trim`] trims it, by bytes where its ends are
/// ASCII, as they nearly always are.
fn trim(text: &str) -> &str {
    let trimmed = text.trim_ascii();
    // The one ASCII char `trim` takes for a space and `trim_ascii` does
    // not: a vertical tab.
    let ascii = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii() && b != 0x0B);
    let bytes = trimmed.as_bytes();
    if ascii(bytes.first()) && ascii(bytes.last()) {
        trimmed
    } else {
        trimmed.trim()
    }
}

/// A lone word typed from its shape alone that is a word of a group's
/// longer name in the document names that group ("the Church of
/// Scientology ... against Scientology", "Pirelli SpA ... Pirelli"),
/// unless a person's name has it too ("Andy Warhol Foundation", "Andy
/// Warhol").
fn type_by_group_names(text: &str, candidates: &mut [Candidate]) {
    // Only a lone word guessed is retyped: its words are gathered first,
    // few or none, and looked for in the longer names, rather than every
    // word of those gathered. Per word: whether a group's name has it, and
    // whether a person's does.
    let word = |span: Span| &text.as_bytes()[span.range()];
    let mut guesses: Map<&[u8], (bool, bool)> = candidates
        .iter()
        .filter(|c| !typed(c))
        .map(|c| word(c.span))
        .filter(|word| !word.contains(&b' '))
        .map(|word| (word, (false, false)))
        .collect();
    if guesses.is_empty() {
        return;
    }
    let typed_names = |kind: EntityType| {
        candidates
            .iter()
            .filter(move |c| typed(c) && c.kind == kind)
    };
    let mut grouped = false;
    look_in_longer(
        text,
        typed_names(EntityType::Group),
        &mut guesses,
        |found| {
            found.0 = true;
            grouped = true;
        },
    );
    // Most documents have no guess in a group's name: no person's name to
    // read for one, and no guess to look up again.
    if !grouped {
        return;
    }
    look_in_longer(
        text,
        typed_names(EntityType::Person),
        &mut guesses,
        |found| {
            found.1 = true;
        },
    );
    for c in candidates.iter_mut().filter(|c| !typed(c)) {
        if guesses.get(word(c.span)) == Some(&(true, false)) {
            c.kind = EntityType::Group;
            c.confidence = 1;
            c.gender = None;
        }
    }
}

/// Looks for `words` among the words of the names of more than one word in
/// `names`, calling `found` with the word's value for each word there.
/// The words are few, and a word of the names is looked up only where its
/// shape is one of theirs, rather than every word of the names gathered.
fn look_in_longer<'c, V>(
    text: &str,
    names: impl Iterator<Item = &'c Candidate>,
    words: &mut Map<&[u8], V>,
    mut found: impl FnMut(&mut V),
) {
    let mut shapes = Shapes::default();
    for w in words.keys() {
        shapes.add(w);
    }
    for c in names {
        // Cut at their bytes: a space is one byte, never part of another
        // char's.
        let name = &text.as_bytes()[c.span.range()];
        let Some(space) = first_space(name) else {
            continue;
        };
        let rest = name[space + 1..].split(|&b| b == b' ');
        for word in std::iter::once(&name[..space]).chain(rest) {
            if !shapes.may_have(word) {
                continue;
            }
            if let Some(value) = words.get_mut(word) {
                found(value);
            }
        }
    }
}

/// Where the first space in `bytes` is. Names are short, most of one
/// word: eight bytes are read at a time, where a search byte by byte (as
/// `memchr` makes of so short a slice) reads each of them.
fn first_space(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ SPACES;
        // A high bit for each byte that was a space, and perhaps for bytes
        // after one: the lowest is the first space.
        let spaces = word.wrapping_sub(ONES) & !word & HIGHS;
        if spaces != 0 {
            return Some(at + spaces.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = chunks.remainder().iter().position(|&b| b == b' ');
    rest.map(|i| at + i)
}

/// The shapes of a few words (length, first and last byte), a bit each of
/// 256: a word of another shape is none of them, as most words asked
/// about are, where their lengths alone (a dozen or so, as names' words
/// have) would let most through.
#[derive(Default)]
struct Shapes([u64; 4]);

impl Shapes {
    fn bit(word: &[u8]) -> usize {
        let (first, last) = match word {
            [first, .., last] => (*first, *last),
            [one] => (*one, *one),
            [] => (0, 0),
        };
        (word.len() + 37 * usize::from(first) + 11 * usize::from(last)) % 256
    }

    fn add(&mut self, word: &[u8]) {
        let bit = Shapes::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn may_have(&self, word: &[u8]) -> bool {
        let bit = Shapes::bit(word);
        self.0[bit / 64] & 1 << (bit % 64) != 0
    }
}

/// Whether a candidate's type comes from a cue or the gazetteer, not from
/// its shape alone.
fn typed(c: &Candidate) -> bool {
    c.confidence > 0 || c.entry.is_some()
}

/// The kind most of a list's typed names have, where one has most.
fn majority(list: &[Candidate]) -> Option<EntityType> {
    let count = |kind: EntityType| list.iter().filter(|c| c.kind == kind && typed(c)).count();
    let kinds = [EntityType::Person, EntityType::Group, EntityType::Place].map(|k| (k, count(k)));
    let most = kinds.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let mut leaders = kinds.iter().filter(|&&(_, n)| n == most);
    let (Some(&(kind, _)), None) = (leaders.next(), leaders.next()) else {
        return None;
    };
    (most > 0).then_some(kind)
}

/// Keeps candidates that do not overlap, preferring the longest, then the
/// gazetteer-backed, then the earliest. `candidates` are in text order (as
/// pieces are, each candidate from its own), and so are those kept.
fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    debug_assert!(candidates.is_sorted_by_key(|c| c.span.start));
    // Candidates that overlap stand in runs, and the policy is settled in
    // each run apart: most candidates overlap nothing and need no order.
    let mut order = Vec::new();
    let mut taken = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        let mut reach = candidates[start].span.end;
        while end < candidates.len() && candidates[end].span.start < reach {
            reach = reach.max(candidates[end].span.end);
            end += 1;
        }
        if end - start > 1 {
            order.clear();
            order.extend(start..end);
            let run = Span::new(candidates[start].span.start, reach);
            settle(&mut candidates, run, &mut order, &mut taken);
        }
        start = end;
    }
    // The empty ones, and those `settle` emptied, are no mentions.
    candidates.retain(|c| !c.span.is_empty());
    candidates
}

/// Settles a run of overlapping candidates, `order` their numbers in text
/// order and `run` the text they cover, emptying the spans of those not
/// kept. `taken` is a buffer for the bytes of the run accepted spans
/// cover, a bit each: the accepted spans never overlap, so a new one
/// clashes just where one of its bytes is taken, and candidates are short.
fn settle(candidates: &mut [Candidate], run: Span, order: &mut [usize], taken: &mut Vec<u64>) {
    // A stable sort, and the run in text order: equals are taken earliest
    // first.
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        (std::cmp::Reverse(c.span.len()), c.entry.is_none())
    });
    let base = run.start;
    taken.clear();
    taken.resize(run.len() / 64 + 1, 0);
    // A span's bits as a mask on each of the one or two words it reaches,
    // rather than byte by byte.
    let masks = |span: Span| {
        let (start, end) = (span.start - base, span.end - base);
        (start / 64..=(end - 1) / 64).map(move |w| {
            let low = start.max(w * 64) - w * 64;
            let high = end.min(w * 64 + 64) - w * 64;
            (w, (u64::MAX >> (64 - (high - low))) << low)
        })
    };
    for &i in order.iter() {
        let span = candidates[i].span;
        if span.is_empty() {
            continue;
        }
        if masks(span).any(|(w, mask)| taken[w] & mask != 0) {
            candidates[i].span = Span::new(span.start, span.start);
            continue;
        }
        for (w, mask) in masks(span) {
            taken[w] |= mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Entities {
        let gazetteer = Gazetteer::builder()
            .add_tsv(
                "test.tsv",
                "t:1\tAnna Petrova\tperson\t\tPetrova\tRU\t\tf\t\n\
                 t:2\tRussian Volunteer Corps\tgroup\t\tRVC\tRU\t\t\t\n",
            )
            .build()
            .unwrap();
        let layout = crate::text::Layout::new(text);
        let matches = gazetteer.find(text, &layout);
        recognize(text, &layout, &matches, &gazetteer)
    }

    #[test]
    fn nationalities_outside_names() {
        let text = "Russian soldiers met the Russian Volunteer Corps and Ukrainian troops.";
        let entities = run(text);
        let found: Vec<&str> = entities.nationalities.iter().map(|&s| &text[s]).collect();
        assert_eq!(found, ["Russian", "Ukrainian"]);
        assert_eq!(entities.nationalities[0].start, 0);
        let mentions: Vec<&str> = entities.mentions.iter().map(|m| &text[m.span]).collect();
        assert_eq!(mentions, ["Russian Volunteer Corps"]);
    }

    /// A lone word that is the given name of a person named in full is
    /// that person's, though the gazetteer has it as a place (told by the
    /// word's lexicons where it is one token, by the list of given names
    /// where it is several), unless the place is as prominent as a city of
    /// a million.
    #[test]
    fn given_names_of_people_named_in_full_are_people() {
        let gazetteer = Gazetteer::builder()
            .add_tsv(
                "test.tsv",
                "t:1\tGloria\tplace\ttown\t\tUS\t5000\t\t\n\
                 t:2\tAnna-Maria\tplace\ttown\t\tUS\t20000\t\t\n\
                 t:3\tOakdale\tplace\tcity\t\tUS\t20000\t\t\n\
                 t:4\tVirginia\tplace\tstate\t\tUS\t8000000\t\t\n\
                 t:5\tJordan\tplace\tcountry\t\tJO\t10000000\t\t\n",
            )
            .build()
            .unwrap();
        let cases = [
            ("Gloria", EntityType::Person),
            ("Anna-Maria", EntityType::Person),
            ("Oakdale", EntityType::Place),
            ("Virginia", EntityType::Place),
            ("Jordan", EntityType::Place),
        ];
        for (word, kind) in cases {
            let text = format!("Mayor {word} Foxx spoke first. Reporters then left {word}.");
            let layout = crate::text::Layout::new(&text);
            let matches = gazetteer.find(&text, &layout);
            let entities = recognize(&text, &layout, &matches, &gazetteer);
            let found: Vec<(&str, EntityType)> = entities
                .mentions
                .iter()
                .map(|m| (&text[m.span], m.kind))
                .collect();
            assert_eq!(found.get(1), Some(&(word, kind)), "{text}");
        }
    }

    #[test]
    fn genders_from_gazetteer_and_first_names() {
        let text = "Anna Petrova met Mr. Ivan Sidorov and the RVC.";
        let entities = run(text);
        let genders: Vec<(&str, Option<Gender>)> = entities
            .entities
            .iter()
            .zip(&entities.genders)
            .map(|(e, &g)| (e.name.as_str(), g))
            .collect();
        assert_eq!(
            genders,
            [
                ("Anna Petrova", Some(Gender::Female)),
                ("Ivan Sidorov", Some(Gender::Male)),
                ("Russian Volunteer Corps", None),
            ]
        );
        for (i, m) in entities.mentions.iter().enumerate() {
            assert_eq!(entities.entities[m.entity].kind, m.kind, "mention {i}");
        }
    }

    #[test]
    fn first_space_as_position() {
        let cases = [
            "",
            " ",
            "Dewar",
            "Paul Dewar",
            "Valeska Gloria",
            "Russian Volunteer Corps",
            "Abcdefgh ij",
            "Abcdefghijklmnop q",
            "Abcdefgh",
            "Élodie Müller",
            "a\u{a0}b c",
            "\u{2020}\u{2020} x",
        ];
        let spaced = (0..20).map(|n| format!("{}  x", "\u{a0}".repeat(n)));
        for name in cases.map(String::from).into_iter().chain(spaced) {
            let want = name.bytes().position(|b| b == b' ');
            assert_eq!(first_space(name.as_bytes()), want, "{name:?}");
        }
    }

    #[test]
    fn trim_as_str_trim() {
        let cases = [
            "",
            " ",
            " , ",
            "\t and\n",
            "\u{a0}or\u{a0}",
            "\u{b}, or\u{b}",
            " \u{2003}and",
            "x\u{85}",
            "\u{a0}",
            " é ",
            ",",
            "said the",
        ];
        for text in cases {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn may_separate_lets_every_separator_through() {
        let cases = [
            "",
            " ",
            ",",
            " , ",
            "\t and\n",
            "\u{a0}or\u{a0}",
            "\u{b}, or\u{b}",
            " \u{2003}and",
            ", and ",
            ",and",
            ",  or",
            "or",
            " or ",
            "and\u{85}",
            "\u{b}and",
            ", \u{a0}",
            " said ",
            ", who",
            "andrew",
            " orders ",
            ", a",
            " ( ",
            "x\u{85}",
            " é ",
            "said the",
        ];
        for gap in cases {
            let separator = matches!(trim(gap), "," | "and" | "or" | ", and" | ", or");
            assert!(!separator || may_separate(gap.as_bytes()), "{gap:?}");
        }
        for gap in [" said ", " ( ", "said the", "\n\tThe "] {
            assert!(!may_separate(gap.as_bytes()), "{gap:?}");
        }
    }

    #[test]
    fn overlap_policy_longest_then_gazetteer_then_earliest() {
        let gazetteer = Gazetteer::builder()
            .add_tsv("t.tsv", "t:1\tKyiv\tplace\t\t\tUA\t\t\t\n")
            .build()
            .unwrap();
        let layout = crate::text::Layout::new("Kyiv");
        let id = gazetteer.find("Kyiv", &layout)[0].entries[0];
        let c = |start, end, linked: bool| Candidate {
            span: Span::new(start, end),
            kind: EntityType::Place,
            entry: linked.then_some(id),
            confidence: 0,
            gender: None,
            listed_only: false,
        };
        let cases = [
            // The longest wins over what it overlaps.
            (
                vec![c(0, 5, false), c(3, 12, false), c(10, 14, true)],
                vec![(3, 12)],
            ),
            // Equal lengths: the gazetteer-backed one.
            (vec![c(20, 24, false), c(22, 26, true)], vec![(22, 26)]),
            // Equal lengths, both unlinked: the earliest.
            (vec![c(30, 34, false), c(32, 36, false)], vec![(30, 34)]),
            // No overlap: all kept.
            (vec![c(0, 4, true), c(9, 12, false)], vec![(0, 4), (9, 12)]),
            // Spans across the 64-byte words the taken bytes are kept in.
            (
                vec![c(60, 70, false), c(69, 75, false), c(70, 72, false)],
                vec![(60, 70), (70, 72)],
            ),
            (
                vec![c(128, 192, false), c(191, 193, false), c(192, 256, true)],
                vec![(128, 192), (192, 256)],
            ),
            // A chain of overlaps settled as one run, beside a lone span.
            (
                vec![
                    c(130, 140, true),
                    c(138, 150, false),
                    c(149, 160, false),
                    c(200, 201, false),
                ],
                vec![(138, 150), (200, 201)],
            ),
        ];
        for (input, want) in cases {
            let kept = resolve_overlaps(input);
            let spans: Vec<(usize, usize)> =
                kept.iter().map(|c| (c.span.start, c.span.end)).collect();
            assert_eq!(spans, want);
        }
    }
}
