//! The entity stage: gazetteer matches and name-shaped text turned into typed
//! mentions, clustered into the people, groups and places they name.

use crate::document::{Entity, EntityType};
use crate::gazetteer::{Gazetteer, Gender, Match};
use crate::text::Layout;
use crate::Span;

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
    let _ = (text, layout, matches, gazetteer);
    Entities::default()
}
