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

use std::cell::OnceCell;

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
}

/// Finds and clusters the entities of `text`.
pub(crate) fn recognize(
    text: &str,
    layout: &Layout,
    matches: &[Match],
    gazetteer: &Gazetteer,
) -> Entities {
    let names: Vec<Span> = matches
        .iter()
        .filter(|m| !m.ambiguous)
        .map(|m| m.span)
        .collect();
    let doc = units::Doc::new(text, layout, &names);
    let index = candidate::MatchIndex::new(&doc, matches);
    let found = candidate::find(&doc, matches, &index);
    let mut candidates = Vec::with_capacity(found.pieces.len());
    let mut rejected = Vec::new();
    for p in &found.pieces {
        match typing::type_piece(&doc, matches, gazetteer, p) {
            Some(c) => candidates.push(c),
            None if p.units.len() == 1 => rejected.push(p.units.start),
            None => {}
        }
    }
    // An event is one in all its mentions: "Hundreds dead in Hajj
    // stampede ... during the Hajj,".
    let events: Set<&str> = found
        .pieces
        .iter()
        .filter(|p| typing::event_frame(&doc, p))
        .map(|p| &text[p.span(&doc)])
        .collect();
    if !events.is_empty() {
        candidates.retain(|c| c.entry.is_some() || !events.contains(&text[c.span]));
    }
    // "The Guardian" is listed with its article, to tell it from the word,
    // but groups' names are marked without one, as news corpora mark them
    // (places keep theirs: "The Hague").
    for c in &mut candidates {
        let name = &text[c.span];
        let group = c.kind == EntityType::Group && c.entry.is_some();
        if group && (name.starts_with("The ") || name.starts_with("the ")) {
            c.span = Span::new(c.span.start + 4, c.span.end);
        }
    }
    rescue_people(text, &doc, &rejected, &mut candidates);
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
        .map(|&i| doc.units[i].span)
        .filter(|s| !inside(s))
        .collect();
    entities.nationalities = nationalities;
    entities.ascii_lowered = doc.into_ascii();
    entities
}

/// Lone words naming a person named in full in the document: the surname
/// ("Paul Dewar ... Dewar says", though a village is called Dewar and
/// nothing else in the sentence says person) is taken back where typing
/// rejected it; a given name ("Valeska Gloria ... Gloria was") also where
/// it was typed a place or group.
fn rescue_people(
    text: &str,
    doc: &units::Doc<'_>,
    rejected: &[usize],
    candidates: &mut Vec<Candidate>,
) {
    let mut surnames: Set<&str> = Set::default();
    let mut given: Set<&str> = Set::default();
    for c in candidates.iter() {
        if c.kind != EntityType::Person || c.confidence < 2 {
            continue;
        }
        let name = &text[c.span];
        if let (Some((first, _)), Some((_, last))) = (name.split_once(' '), name.rsplit_once(' ')) {
            surnames.insert(last);
            if FIRST_NAMES.contains_key(first) {
                given.insert(first);
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    let person = |span| Candidate {
        span,
        kind: EntityType::Person,
        entry: None,
        confidence: 1,
        gender: None,
    };
    for c in candidates.iter_mut() {
        if c.kind != EntityType::Person && given.contains(&text[c.span]) {
            *c = person(c.span);
        }
    }
    for &i in rejected {
        let word = doc.word(i);
        if surnames.contains(word) || given.contains(word) {
            candidates.push(person(doc.units[i].span));
        }
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
    // Few documents have a list: the words are gathered for the first.
    let in_longer = OnceCell::new();
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        let mut conjunction = false;
        while end < candidates.len() {
            let between = text[candidates[end - 1].span.end..candidates[end].span.start].trim();
            match between {
                "," => {}
                "and" | "or" | ", and" | ", or" => conjunction = true,
                _ => break,
            }
            end += 1;
        }
        if end - start >= 3 || (end - start == 2 && conjunction) {
            let in_longer = in_longer.get_or_init(|| words_of_longer(text, candidates.iter()));
            type_list(text, in_longer, &mut candidates[start..end]);
        }
        start = end;
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
    let mut guesses: Map<&str, (bool, bool)> = candidates
        .iter()
        .filter(|c| !typed(c))
        .map(|c| &text[c.span])
        .filter(|word| !word.contains(' '))
        .map(|word| (word, (false, false)))
        .collect();
    if guesses.is_empty() {
        return;
    }
    for c in candidates.iter().filter(|c| typed(c)) {
        let name = &text[c.span];
        let (group, person) = match c.kind {
            EntityType::Group => (true, false),
            EntityType::Person => (false, true),
            EntityType::Place => continue,
        };
        if !name.contains(' ') {
            continue;
        }
        for word in name.split(' ') {
            if let Some(found) = guesses.get_mut(word) {
                found.0 |= group;
                found.1 |= person;
            }
        }
    }
    for c in candidates.iter_mut().filter(|c| !typed(c)) {
        let word = &text[c.span];
        if guesses.get(word) == Some(&(true, false)) {
            c.kind = EntityType::Group;
            c.confidence = 1;
            c.gender = None;
        }
    }
}

/// Whether a candidate's type comes from a cue or the gazetteer, not from
/// its shape alone.
fn typed(c: &Candidate) -> bool {
    c.confidence > 0 || c.entry.is_some()
}

/// The words of the names of more than one word among `candidates`.
fn words_of_longer<'t, 'c>(
    text: &'t str,
    candidates: impl Iterator<Item = &'c Candidate>,
) -> Set<&'t str> {
    candidates
        .map(|c| &text[c.span])
        .filter(|name| name.contains(' '))
        .flat_map(|name| name.split(' '))
        .collect()
}

/// Types the guessed lone words of a list by its typed names' majority.
fn type_list(text: &str, in_longer: &Set<&str>, list: &mut [Candidate]) {
    let count = |kind: EntityType| list.iter().filter(|c| c.kind == kind && typed(c)).count();
    let kinds = [EntityType::Person, EntityType::Group, EntityType::Place].map(|k| (k, count(k)));
    let most = kinds.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let mut leaders = kinds.iter().filter(|&&(_, n)| n == most);
    let (Some(&(kind, _)), None) = (leaders.next(), leaders.next()) else {
        return;
    };
    if most == 0 {
        return;
    }
    for c in list.iter_mut() {
        let word = &text[c.span];
        // Capitals alone keep their guess: acronyms are mostly groups.
        let lone = !word.contains(' ')
            && word.chars().any(char::is_lowercase)
            && !in_longer.contains(word);
        if !typed(c) && lone {
            c.kind = kind;
            c.confidence = 1;
            c.gender = c.gender.filter(|_| kind == EntityType::Person);
        }
    }
}

/// Keeps candidates that do not overlap, preferring the longest, then the
/// gazetteer-backed, then the earliest; returns them in text order.
fn resolve_overlaps(candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Their numbers are sorted, not the candidates themselves.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        (
            std::cmp::Reverse(c.span.len()),
            c.entry.is_none(),
            c.span.start,
        )
    });
    // The bytes the accepted spans cover, a bit each: the accepted spans
    // never overlap, so a new one clashes just where one of its bytes is
    // taken, and candidates are short.
    let end = candidates.iter().map(|c| c.span.end).max().unwrap_or(0);
    let mut taken = vec![0u64; end / 64 + 1];
    let mut keep = vec![false; candidates.len()];
    // A span's bits as a mask on each of the one or two words it reaches,
    // rather than byte by byte.
    let masks = |span: Span| {
        (span.start / 64..=(span.end - 1) / 64).map(move |w| {
            let low = span.start.max(w * 64) - w * 64;
            let high = span.end.min(w * 64 + 64) - w * 64;
            (w, (u64::MAX >> (64 - (high - low))) << low)
        })
    };
    for i in order {
        let span = candidates[i].span;
        if span.is_empty() || masks(span).any(|(w, mask)| taken[w] & mask != 0) {
            continue;
        }
        for (w, mask) in masks(span) {
            taken[w] |= mask;
        }
        keep[i] = true;
    }
    let mut kept: Vec<Candidate> = candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(c, keep)| keep.then_some(c))
        .collect();
    kept.sort_by_key(|c| c.span.start);
    kept
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
            (vec![c(32, 36, false), c(30, 34, false)], vec![(30, 34)]),
            // No overlap: all kept, in text order.
            (vec![c(9, 12, false), c(0, 4, true)], vec![(0, 4), (9, 12)]),
            // Spans across the 64-byte words the taken bytes are kept in.
            (
                vec![c(60, 70, false), c(69, 75, false), c(70, 72, false)],
                vec![(60, 70), (70, 72)],
            ),
            (
                vec![c(128, 192, false), c(191, 193, false), c(192, 256, true)],
                vec![(128, 192), (192, 256)],
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
