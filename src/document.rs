//! The output types: what an analysis finds, owned and serialisable.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::hash::Map;
use crate::span::{OffsetMap, OffsetUnit};
use crate::Span;

/// Everything sayso found in one text.
///
/// Serialised with serde, it is the output contract of `sayso extract`:
/// `{"entities": [...], "claims": [...], "quotes": [...]}` with byte offsets.
/// Tokens, sentences and paragraphs are not kept here: [`Layout`](crate::Layout)
/// makes them.
///
/// # Example
///
/// ```
/// let text = "“We will win,” said Volodymyr Zelensky.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// for claim in &analysis.claims {
///     assert_eq!(&text[claim.content.span], claim.content.text);
/// }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Analysis {
    /// People, groups and places, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Statements attributed (or not) to a speaker.
    pub claims: Vec<Claim>,
    /// Every quotation, whatever its role.
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// A view of the analysis that serialises its offsets in `unit`.
    ///
    /// `text` must be the text the analysis was made from. Conversion happens
    /// here, at the output edge; the analysis itself keeps byte offsets.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::{Extractor, OffsetUnit};
    ///
    /// let text = "Киев: “Мы победим,” said Volodymyr Zelensky.";
    /// let analysis = Extractor::new().analyze(text);
    /// let json = serde_json::to_value(analysis.with_offsets(text, OffsetUnit::Chars)).unwrap();
    /// for quote in json["quotes"].as_array().unwrap() {
    ///     let start = quote["start"].as_u64().unwrap() as usize;
    ///     let end = quote["end"].as_u64().unwrap() as usize;
    ///     let slice: String = text.chars().skip(start).take(end - start).collect();
    ///     assert_eq!(slice, quote["text"].as_str().unwrap());
    /// }
    /// ```
    pub fn with_offsets<'a>(&'a self, text: &'a str, unit: OffsetUnit) -> WithOffsets<'a> {
        WithOffsets {
            analysis: self,
            text,
            unit,
        }
    }
}

/// The analyses of consecutive windows of one text, joined into one.
///
/// Entities of different windows are one entity when they link the same
/// gazetteer entry, or when unlinked they have the same type and name.
pub(crate) struct Joined {
    out: Analysis,
    ids: Map<EntityKey, EntityId>,
    /// The length of the whole text.
    len: usize,
}

#[derive(PartialEq, Eq, Hash)]
enum EntityKey {
    Linked(Text),
    Named(EntityType, Text),
}

impl Joined {
    /// Joins the windows of a text of `len` bytes.
    pub(crate) fn new(len: usize) -> Joined {
        Joined {
            out: Analysis::default(),
            ids: Map::default(),
            len,
        }
    }

    /// Appends the analysis of the window `start..end` of the text; windows
    /// must come in text order.
    pub(crate) fn push(&mut self, part: Analysis, start: usize, end: usize) {
        let shift = |span: Span| Span::new(span.start + start, span.end + start);
        let snippet = |s: Snippet| Snippet {
            span: shift(s.span),
            ..s
        };
        let (entities, len) = (&mut self.out.entities, self.len);
        let numbers: Vec<EntityId> = part
            .entities
            .into_iter()
            .map(|e| {
                let Entity {
                    kind,
                    name,
                    gazetteer_id,
                    mentions,
                    ..
                } = e;
                let key = match &gazetteer_id {
                    Some(id) => EntityKey::Linked(id.clone()),
                    None => EntityKey::Named(kind, name.clone()),
                };
                let id = *self.ids.entry(key).or_insert_with(|| {
                    let id = EntityId::new(entities.len());
                    entities.push(Entity {
                        id,
                        kind,
                        name,
                        gazetteer_id,
                        mentions: Vec::new(),
                    });
                    id
                });
                let mentions = mentions.into_iter().map(snippet);
                extend(&mut entities[id.index()].mentions, mentions, end, len);
                id
            })
            .collect();
        let claims = part.claims.into_iter().map(|c| Claim {
            content: snippet(c.content),
            speaker: c.speaker.map(snippet),
            speaker_entity: c.speaker_entity.map(|id| numbers[id.index()]),
            cue: c.cue.map(snippet),
            ..c
        });
        extend(&mut self.out.claims, claims, end, self.len);
        let quotes = part.quotes.into_iter().map(|q| Quote {
            span: shift(q.span),
            ..q
        });
        extend(&mut self.out.quotes, quotes, end, self.len);
    }

    pub(crate) fn finish(self) -> Analysis {
        self.out
    }
}

/// Appends `items` to `v`, which holds what the first `done` bytes of a text
/// of `len` bytes gave. When `v` must grow, it grows to what the whole text
/// would give at the same rate, and a sixteenth more: doubling would at
/// times hold three times the output while the elements are copied.
fn extend<T>(v: &mut Vec<T>, items: impl ExactSizeIterator<Item = T>, done: usize, len: usize) {
    let need = v.len() + items.len();
    if need > v.capacity() {
        let rate = len as f64 / done.max(1) as f64;
        let estimate = (need as f64 * rate * 1.0625) as usize;
        v.reserve_exact(estimate.max(need) - v.len());
    }
    v.extend(items);
}

/// An [`Analysis`] that serialises with offsets in a chosen unit; made by
/// [`Analysis::with_offsets`].
///
/// # Example
///
/// ```
/// use sayso::{Extractor, OffsetUnit};
/// let text = "Gladkov said so.";
/// let analysis = Extractor::new().analyze(text);
/// let view = analysis.with_offsets(text, OffsetUnit::Utf16);
/// assert!(serde_json::to_string(&view).unwrap().starts_with("{\"entities\":"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct WithOffsets<'a> {
    analysis: &'a Analysis,
    text: &'a str,
    unit: OffsetUnit,
}

impl Serialize for WithOffsets<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.unit == OffsetUnit::Bytes {
            return self.analysis.serialize(serializer);
        }
        let map = OffsetMap::new(self.text, self.unit);
        AnalysisView::new(self.analysis, &map).serialize(serializer)
    }
}

// The output types again, borrowing the analysis and converting each span
// as it is written: a converted copy of the analysis would copy every
// string of it. Each view has its type's name, fields and attributes, so
// it serialises exactly as its type does (a test checks it), and each is
// made by destructuring its type whole, so that a field added there fails
// to compile here until it is added here too.

#[derive(Serialize)]
#[serde(rename = "Analysis")]
struct AnalysisView<'a> {
    entities: Views<'a, EntityView<'a>>,
    claims: Views<'a, ClaimView<'a>>,
    quotes: Views<'a, QuoteView<'a>>,
}

impl<'a> AnalysisView<'a> {
    fn new(analysis: &'a Analysis, map: &'a OffsetMap) -> AnalysisView<'a> {
        let Analysis {
            entities,
            claims,
            quotes,
        } = analysis;
        AnalysisView {
            entities: Views {
                items: entities,
                map,
            },
            claims: Views { items: claims, map },
            quotes: Views { items: quotes, map },
        }
    }
}

/// The view of an output type.
trait View<'a>: Serialize {
    type Of: 'a;

    fn new(of: &'a Self::Of, map: &'a OffsetMap) -> Self;
}

/// A slice of output items written as a sequence of their views, as a
/// `Vec` of the items is.
struct Views<'a, V: View<'a>> {
    items: &'a [V::Of],
    map: &'a OffsetMap,
}

impl<'a, V: View<'a>> Serialize for Views<'a, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().map(|item| V::new(item, self.map)))
    }
}

#[derive(Serialize)]
#[serde(rename = "Entity")]
struct EntityView<'a> {
    id: EntityId,
    #[serde(rename = "type")]
    kind: EntityType,
    name: &'a str,
    gazetteer_id: Option<&'a str>,
    mentions: Views<'a, SnippetView<'a>>,
}

impl<'a> View<'a> for EntityView<'a> {
    type Of = Entity;

    fn new(entity: &'a Entity, map: &'a OffsetMap) -> EntityView<'a> {
        let Entity {
            id,
            kind,
            name,
            gazetteer_id,
            mentions,
        } = entity;
        EntityView {
            id: *id,
            kind: *kind,
            name,
            gazetteer_id: gazetteer_id.as_deref(),
            mentions: Views {
                items: mentions,
                map,
            },
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Snippet")]
struct SnippetView<'a> {
    #[serde(flatten)]
    span: Span,
    text: &'a str,
}

impl<'a> View<'a> for SnippetView<'a> {
    type Of = Snippet;

    fn new(snippet: &'a Snippet, map: &'a OffsetMap) -> SnippetView<'a> {
        let Snippet { span, text } = snippet;
        SnippetView {
            span: map.span(*span),
            text,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Claim")]
struct ClaimView<'a> {
    kind: ClaimKind,
    content: SnippetView<'a>,
    speaker: Option<SnippetView<'a>>,
    speaker_entity: Option<EntityId>,
    cue: Option<SnippetView<'a>>,
    sieve: Sieve,
    confidence: f32,
}

impl<'a> View<'a> for ClaimView<'a> {
    type Of = Claim;

    fn new(claim: &'a Claim, map: &'a OffsetMap) -> ClaimView<'a> {
        let Claim {
            kind,
            content,
            speaker,
            speaker_entity,
            cue,
            sieve,
            confidence,
        } = claim;
        let snippet = |s: &'a Snippet| SnippetView::new(s, map);
        ClaimView {
            kind: *kind,
            content: snippet(content),
            speaker: speaker.as_ref().map(snippet),
            speaker_entity: *speaker_entity,
            cue: cue.as_ref().map(snippet),
            sieve: *sieve,
            confidence: *confidence,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Quote")]
struct QuoteView<'a> {
    #[serde(flatten)]
    span: Span,
    text: &'a str,
    role: QuoteRole,
}

impl<'a> View<'a> for QuoteView<'a> {
    type Of = Quote;

    fn new(quote: &'a Quote, map: &'a OffsetMap) -> QuoteView<'a> {
        let Quote { span, text, role } = quote;
        QuoteView {
            span: map.span(*span),
            text,
            role: *role,
        }
    }
}

/// A stretch of the text: where it is and what it says.
///
/// Serialised flat, as `{"start": .., "end": .., "text": ".."}`.
///
/// # Example
///
/// ```
/// let text = "Gladkov said so.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// for entity in &analysis.entities {
///     for mention in &entity.mentions {
///         assert_eq!(&text[mention.span], mention.text);
///     }
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Snippet {
    /// Where it is, in bytes.
    #[serde(flatten)]
    pub span: Span,
    /// The exact slice of the text at `span`.
    pub text: Text,
}

impl Snippet {
    pub(crate) fn new(text: &str, span: Span) -> Snippet {
        Snippet {
            span,
            text: Text::from(&text[span]),
        }
    }
}

/// A piece of text an analysis keeps: the surface of a mention, claim or
/// quotation, or an entity's name.
///
/// It reads as a `&str`, to which it derefs, compares with `str` and
/// `String` either way round, and serialises as a plain string. Pieces of up
/// to 24 bytes, nearly all names, speakers and cues, are kept inline rather
/// than each in an allocation of its own: a MB of news has some 36,000
/// pieces, and allocating and copying each one was 2–3 % of the analysis.
///
/// # Example
///
/// ```
/// let text = "Vyacheslav Gladkov said so.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// let name: &sayso::Text = &analysis.entities[0].name;
/// assert_eq!(name, "Vyacheslav Gladkov");
/// assert!(name.starts_with("Vyacheslav"));
/// let owned: String = name.to_string();
/// assert_eq!(owned, *name);
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(CompactString);

impl Text {
    /// The text as a string slice.
    ///
    /// # Example
    ///
    /// ```
    /// let text = sayso::Text::from("Gladkov");
    /// assert_eq!(text.as_str(), "Gladkov");
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The text as a `String`, reusing its allocation where it has one.
    ///
    /// # Example
    ///
    /// ```
    /// let text = sayso::Text::from("Gladkov");
    /// assert_eq!(text.into_string(), String::from("Gladkov"));
    /// ```
    pub fn into_string(self) -> String {
        self.0.into_string()
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

// Hash, Eq and Ord are those of the `str`, as `Borrow` requires, so that a
// map keyed by `Text` is looked up by `&str`.
impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(CompactString::new(text))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(CompactString::from(text))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.into_string()
    }
}

/// Comparisons with `str`, `&str` and `String`, each way round.
macro_rules! compare_with {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for Text {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == &other[..]
            }
        }

        impl PartialEq<Text> for $other {
            fn eq(&self, other: &Text) -> bool {
                &self[..] == other.as_str()
            }
        }
    )*};
}

compare_with!(str, &str, String);

/// The identifier of an entity within one analysis: its index in
/// [`Analysis::entities`].
///
/// # Example
///
/// ```
/// let text = "Vladimir Putin met Putin's aides.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// for (i, entity) in analysis.entities.iter().enumerate() {
///     assert_eq!(entity.id.index(), i);
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(u32);

impl EntityId {
    pub(crate) fn new(index: usize) -> EntityId {
        EntityId(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// The index of the entity in [`Analysis::entities`].
    ///
    /// # Example
    ///
    /// ```
    /// let analysis = sayso::Extractor::new().analyze("Moscow and Kyiv.");
    /// if let Some(entity) = analysis.entities.first() {
    ///     assert_eq!(entity.id.index(), 0);
    /// }
    /// ```
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The type of an entity.
///
/// # Example
///
/// ```
/// assert_eq!(sayso::EntityType::Place.as_str(), "place");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A named human.
    Person,
    /// A named organisation, armed group, party, company, media outlet or
    /// institution.
    Group,
    /// A named country, region, city, village or other location.
    Place,
}

impl EntityType {
    /// The name used in the output contract and gazetteer files.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sayso::EntityType::Group.as_str(), "group");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Group => "group",
            EntityType::Place => "place",
        }
    }
}

impl std::str::FromStr for EntityType {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<EntityType, crate::Error> {
        match s {
            "person" => Ok(EntityType::Person),
            "group" => Ok(EntityType::Group),
            "place" => Ok(EntityType::Place),
            _ => Err(crate::Error::invalid_input(format!(
                "unknown entity type {s:?} (expected person, group or place)"
            ))),
        }
    }
}

/// A person, group or place and all its mentions in the text.
///
/// # Example
///
/// ```
/// use sayso::EntityType;
///
/// let text = "Vyacheslav Gladkov spoke. Later Gladkov left Moscow.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// let gladkov = analysis.entities.iter().find(|e| e.name == "Vyacheslav Gladkov").unwrap();
/// assert_eq!(gladkov.kind, EntityType::Person);
/// assert_eq!(gladkov.mentions.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Its index in [`Analysis::entities`].
    pub id: EntityId,
    /// Person, group or place.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The gazetteer's canonical name when linked, else the longest mention.
    pub name: Text,
    /// The linked gazetteer entry, as `source:id`.
    pub gazetteer_id: Option<Text>,
    /// Every mention, in text order.
    pub mentions: Vec<Snippet>,
}

/// How a claim is reported.
///
/// # Example
///
/// ```
/// assert_eq!(sayso::ClaimKind::Indirect.as_str(), "indirect");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimKind {
    /// A whole statement in quotation marks.
    Direct,
    /// A quoted fragment inside the reporter's own sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl ClaimKind {
    /// The name used in the output contract.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sayso::ClaimKind::Direct.as_str(), "direct");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Partial => "partial",
            ClaimKind::Indirect => "indirect",
        }
    }
}

/// A statement someone is reported to have made.
///
/// # Example
///
/// ```
/// let text = "“We are ready,” said Gladkov.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// for claim in &analysis.claims {
///     assert!((0.0..=1.0).contains(&claim.confidence));
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Claim {
    /// Direct, partial or indirect.
    pub kind: ClaimKind,
    /// What was said: inside the marks for quotations, the reported clause
    /// for indirect speech.
    pub content: Snippet,
    /// The words naming the speaker (a name, a description or a pronoun).
    pub speaker: Option<Snippet>,
    /// The entity the speaker resolves to.
    pub speaker_entity: Option<EntityId>,
    /// The speech verb or phrase.
    pub cue: Option<Snippet>,
    /// The rule that attributed the claim.
    pub sieve: Sieve,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
}

/// What a quotation is for.
///
/// # Example
///
/// ```
/// assert_eq!(sayso::QuoteRole::Scare.as_str(), "scare");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteRole {
    /// Someone's words: the content of a direct or partial claim.
    Claim,
    /// A word or two marked as someone's term, with nobody saying it.
    Scare,
    /// A headline or title standing alone.
    Title,
    /// The name of a work, or a nickname.
    Name,
}

impl QuoteRole {
    /// The name used in the output contract.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sayso::QuoteRole::Title.as_str(), "title");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteRole::Claim => "claim",
            QuoteRole::Scare => "scare",
            QuoteRole::Title => "title",
            QuoteRole::Name => "name",
        }
    }
}

/// A quotation: the text between its marks and what it is for.
///
/// # Example
///
/// ```
/// let text = "It called them “common soldiers”.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// for quote in &analysis.quotes {
///     assert_eq!(&text[quote.span], quote.text);
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The text inside the marks.
    #[serde(flatten)]
    pub span: Span,
    /// The exact slice of the text at `span`.
    pub text: Text,
    /// What the quotation is for.
    pub role: QuoteRole,
}

/// The attribution rule (sieve) that decided a claim's speaker.
///
/// Sieves run in this order over the claims still unresolved; the first that
/// decides wins.
///
/// # Example
///
/// ```
/// assert_eq!(sayso::Sieve::Adjacent.as_str(), "adjacent");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sieve {
    /// A cue and speaker right next to the quotation ("..." said Gladkov),
    /// a name signing it after a dash ("..." ― Olga Petrenko), the dash
    /// then the cue, or a transcript's label in capitals opening it
    /// ("WALLACE: ..."), the colon then the cue.
    Adjacent,
    /// The subject of a speech verb in the same sentence, or "according to X".
    Subject,
    /// A headline's speaker, named before a colon: "Lynch: No outside
    /// influence on FBI probe" (the cue is the colon).
    Headline,
    /// A quotation next to an attributed one takes its speaker.
    Continuation,
    /// The paragraph before introduces the speaker.
    ParagraphContext,
    /// A pronoun or description resolved to an earlier speaker.
    Coreference,
    /// The nearest plausible speaker, or the one a headline names before a
    /// colon, with low confidence.
    Fallback,
    /// No rule found a speaker.
    Unattributed,
}

impl Sieve {
    /// The name used in the output contract.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sayso::Sieve::ParagraphContext.as_str(), "paragraph_context");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Sieve::Adjacent => "adjacent",
            Sieve::Subject => "subject",
            Sieve::Headline => "headline",
            Sieve::Continuation => "continuation",
            Sieve::ParagraphContext => "paragraph_context",
            Sieve::Coreference => "coreference",
            Sieve::Fallback => "fallback",
            Sieve::Unattributed => "unattributed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_compare_and_serialise_as_strings() {
        let long = "a piece of text longer than the twenty-four bytes kept inline";
        for piece in [
            "",
            "Gladkov",
            "Киев",
            "😀 𝔘nit",
            "twenty-four bytes, exact",
            long,
        ] {
            let text = Text::from(piece);
            assert_eq!(text.as_str(), piece);
            assert_eq!(&*text, piece);
            assert_eq!(text, piece);
            assert_eq!(piece, text);
            assert_eq!(text, *piece);
            assert_eq!(*piece, text);
            assert_eq!(text, piece.to_string());
            assert_eq!(piece.to_string(), text);
            assert_eq!(Text::from(piece.to_string()), text);
            assert_eq!(text.to_string(), piece);
            assert_eq!(format!("{text:?}"), format!("{piece:?}"));
            assert_eq!(text.clone().into_string(), piece);
            assert_eq!(String::from(text.clone()), piece);
            let json = serde_json::to_string(&text).unwrap();
            assert_eq!(json, serde_json::to_string(piece).unwrap());
            assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), text);
            // Hash and Eq agree with the str's, as Borrow requires.
            let set: std::collections::HashSet<Text> = [text.clone()].into();
            assert!(set.contains(piece));
        }
        assert_ne!(Text::from("Gladkov"), "Gladkow");
        let (a, b) = (Text::from("Gladkov"), Text::from("Gladkow"));
        assert_eq!(a.cmp(&b), "Gladkov".cmp("Gladkow"));
    }

    const TEXT: &str = "Киев: “Мы победим,” said Volodymyr Zelensky. 😀 “No,” Vyacheslav \
                        Gladkov told Ivan Petrenko in Kyiv, and Petrenko said the 𝔘nit had left.";

    fn analysis() -> Analysis {
        let analysis = crate::Extractor::new().analyze(TEXT);
        let e = &analysis.entities;
        assert!(e.iter().any(|e| e.gazetteer_id.is_some()));
        assert!(e.iter().any(|e| e.gazetteer_id.is_none()));
        let c = &analysis.claims;
        assert!(c.iter().any(|c| c.speaker.is_some() && c.cue.is_some()));
        assert!(!analysis.quotes.is_empty());
        analysis
    }

    #[test]
    fn views_serialise_as_their_types() {
        let analysis = analysis();
        let map = OffsetMap::new(TEXT, OffsetUnit::Bytes);
        let view = AnalysisView::new(&analysis, &map);
        assert_eq!(
            serde_json::to_string(&view).unwrap(),
            serde_json::to_string(&analysis).unwrap()
        );
    }

    /// The JSON of an analysis reads back as the same analysis, and writes
    /// spans flat, beside the text they slice.
    #[test]
    fn analyses_read_back_from_their_json() {
        let analysis = analysis();
        let json = serde_json::to_string(&analysis).unwrap();
        assert_eq!(serde_json::from_str::<Analysis>(&json).unwrap(), analysis);
        let quote = &analysis.quotes[0];
        let written = serde_json::to_value(quote).unwrap();
        assert_eq!(written["start"], quote.span.start);
        assert_eq!(written["end"], quote.span.end);
        assert_eq!(written["text"], quote.text.as_str());
        let mention = &analysis.entities[0].mentions[0];
        let written = serde_json::to_value(mention).unwrap();
        assert_eq!(written.as_object().unwrap().len(), 3);
        assert_eq!(written["start"], mention.span.start);
        assert_eq!(written["end"], mention.span.end);
        assert_eq!(written["text"], mention.text.as_str());
    }

    /// Every snippet's offsets, read in their unit, slice its text out.
    #[test]
    fn offsets_slice_the_text_in_their_unit() {
        fn check(value: &serde_json::Value, unit: OffsetUnit, n: &mut usize) {
            match value {
                serde_json::Value::Object(o) => {
                    if let (Some(s), Some(e), Some(t)) =
                        (o.get("start"), o.get("end"), o.get("text"))
                    {
                        let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                        let slice = match unit {
                            OffsetUnit::Utf16 => {
                                let units: Vec<u16> = TEXT.encode_utf16().collect();
                                String::from_utf16(&units[s..e]).unwrap()
                            }
                            _ => TEXT.chars().skip(s).take(e - s).collect(),
                        };
                        assert_eq!(slice, t.as_str().unwrap(), "{unit:?}");
                        *n += 1;
                    }
                    o.values().for_each(|v| check(v, unit, n));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| check(v, unit, n)),
                _ => {}
            }
        }
        let analysis = analysis();
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
            let json = serde_json::to_value(analysis.with_offsets(TEXT, unit)).unwrap();
            let mut n = 0;
            check(&json, unit, &mut n);
            assert!(n > 5, "{unit:?}: {n} snippets");
        }
    }
}
