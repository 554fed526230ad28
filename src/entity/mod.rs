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

use std::collections::BTreeMap;

use crate::document::{Entity, EntityType};
use crate::gazetteer::{Gazetteer, Gender, Match};
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
}

/// Finds and clusters the entities of `text`.
pub(crate) fn recognize(
    text: &str,
    layout: &Layout,
    matches: &[Match],
    gazetteer: &Gazetteer,
) -> Entities {
    let doc = units::Doc::new(text, layout);
    let index = candidate::MatchIndex::new(&doc, matches);
    let found = candidate::find(&doc, matches, &index);
    let candidates: Vec<Candidate> = found
        .pieces
        .iter()
        .filter_map(|p| typing::type_piece(&doc, matches, gazetteer, p))
        .collect();
    let candidates = resolve_overlaps(candidates);
    let mut entities = cluster::cluster(text, &candidates, gazetteer);
    entities.nationalities = found
        .nationalities
        .iter()
        .map(|&i| doc.units[i].span)
        .filter(|s| {
            !candidates
                .iter()
                .any(|c| c.span.start <= s.start && s.end <= c.span.end)
        })
        .collect();
    entities
}

/// Keeps candidates that do not overlap, preferring the longest, then the
/// gazetteer-backed, then the earliest; returns them in text order.
fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.span.len()),
            c.entry.is_none(),
            c.span.start,
        )
    });
    // Accepted spans by start, to find the neighbours of a new one.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::with_capacity(candidates.len());
    for c in candidates {
        let before = taken.range(..c.span.end).next_back();
        let clash = before.is_some_and(|(_, &end)| end > c.span.start);
        if clash || c.span.is_empty() {
            continue;
        }
        taken.insert(c.span.start, c.span.end);
        kept.push(c);
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}
