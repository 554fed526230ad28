//! Typing: cues around and inside a name (titles, group heads, place nouns
//! and prepositions, speech verbs, first names) weighed with what the
//! gazetteer says.

use std::cell::Cell;

use crate::document::EntityType;
use crate::gazetteer::{EntryId, Gazetteer, Gender, Match, Profile};
use crate::lexicon::{Lexicons, COMMON_WORDS, GROUP_SUFFIXES, TITLE_GENDERS};
use crate::text::{lowercase, title_cased};
use crate::Span;

use super::candidate::{
    all_common, is_compass, numbered_unit, numeral, speech_verb_follows, Piece,
};
use super::units::{one_char, Case, Doc, Kind, Unit};

/// A typed candidate mention.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Candidate {
    pub(super) span: Span,
    pub(super) kind: EntityType,
    pub(super) entry: Option<EntryId>,
    /// How sure the type is: 3 from the gazetteer or a strong cue, 1 or 2
    /// from weaker cues, 0 a guess from the shape of the name.
    pub(super) confidence: u8,
    pub(super) gender: Option<Gender>,
    /// Typed by its gazetteer entry alone, with no cue before it read:
    /// a surname of someone named in full elsewhere in the text outweighs
    /// that ("Clinton" in a headline, "Hillary Clinton" below it).
    pub(super) listed_only: bool,
}

const STRONG: u8 = 3;

#[derive(Clone, Copy, Default, Debug)]
struct Votes {
    person: u8,
    group: u8,
    place: u8,
    /// A team in a fixture or results line: a group, unless a country
    /// (national sides are told by their country's name).
    team: bool,
    /// Beside a verb of beating: a team if the name is a town's or a
    /// county's ("Glamorgan beat Durham"), but people and countries beat
    /// others too.
    side: bool,
}

impl Votes {
    fn get(&self, kind: EntityType) -> u8 {
        match kind {
            EntityType::Person => self.person,
            EntityType::Group => self.group,
            EntityType::Place => self.place,
        }
    }

    /// Whether no cue has voted.
    fn is_none(&self) -> bool {
        self.person == 0 && self.group == 0 && self.place == 0 && !self.team && !self.side
    }

    /// The kind with the most votes, where one has more than the others.
    fn best(&self) -> Option<(EntityType, u8)> {
        let (person, group, place) = (self.person, self.group, self.place);
        if person > group && person > place {
            Some((EntityType::Person, person))
        } else if group > person && group > place {
            Some((EntityType::Group, group))
        } else if place > person && place > group {
            Some((EntityType::Place, place))
        } else {
            None
        }
    }
}

/// Types a piece, or rejects it (an ambiguous gazetteer name without
/// context).
pub(super) fn type_piece(
    doc: &Doc<'_>,
    matches: &[Match],
    gazetteer: &Gazetteer,
    piece: &Piece,
) -> Option<Candidate> {
    let (a, b) = (piece.units().start, piece.units().end);
    let span = piece.span(doc);
    if is_event(doc, piece) && piece.matched().is_none_or(|m| matches[m].span != span) {
        return None;
    }
    if is_product(doc, piece) || (piece.matched().is_none() && titles_work(doc, a)) {
        return None;
    }
    let name = Name::new(doc, piece);
    let leading = name.leading_cues();
    // Asked only where a candidate takes it: most linked names have their
    // entry's gender or are typed no person.
    let first_gender = || {
        let given = if b - a >= 2 {
            name.given().flatten()
        } else {
            None
        };
        given.or_else(|| title_gender(doc, a))
    };
    let m = piece.matched().map(|mi| &matches[mi]);
    if m.is_none() {
        if let Some((id, profile)) = shouted_name(doc, gazetteer, piece) {
            return Some(linked(span, id, profile, first_gender));
        }
    }
    let top = m.map(|m| gazetteer.profile(m.entries[0]));
    let exact = m.is_some_and(|m| m.span == span);
    let country = top.is_some_and(|e| exact && e.country());
    let town = top.is_some_and(|e| exact && e.kind() == EntityType::Place);
    // "Gloria developed eczema": a given name alone, where the gazetteer
    // knows only a town of that name, is the person unless a cue says place.
    let small_town = top.is_some_and(|e| town && !e.city());
    let lone_given = || b - a == 1 && small_town && name.given().is_some();
    if let (Some(m), Some(top)) = (m.filter(|m| exact && !m.ambiguous), top) {
        // A confident gazetteer name is taken for another kind only where
        // the cues around it give that kind three votes (below), and none
        // does without one of the leading cues: most have none, and the
        // other cues are not read (but for a given name, above).
        if leading.is_none() && !lone_given() {
            return Some(Candidate {
                listed_only: true,
                ..linked(span, m.entries[0], top, first_gender)
            });
        }
    }
    let (mut votes, mut outer) = name.cues(leading);
    if country_closes(matches, gazetteer, &name) {
        votes.group += 2;
    }
    votes.team |= votes.side && town;
    if votes.team && !country {
        votes.group += STRONG;
    }
    if lone_given()
        && votes.best().is_none_or(|(k, _)| k == EntityType::Person)
        && !in_place_frame(doc, matches, gazetteer, a)
    {
        if let Some(gender) = name.given() {
            return Some(Candidate {
                span,
                kind: EntityType::Person,
                entry: None,
                confidence: 1,
                gender,
                listed_only: false,
            });
        }
    }
    if let (Some(m), Some(top)) = (m.filter(|_| exact), top) {
        let best = top.kind();
        // Without a vote no entry agrees: none is fetched to find that.
        let voted = votes.person > 0 || votes.group > 0 || votes.place > 0;
        let agreeing = if voted {
            let rest = m.entries[1..].iter().map(|&id| (id, gazetteer.profile(id)));
            std::iter::once((m.entries[0], top))
                .chain(rest)
                .find(|(_, e)| votes.get(e.kind()) > 0)
        } else {
            None
        };
        if m.ambiguous {
            // A common word or small place: only with a cue agreeing, or,
            // for a group's name, with a capital where case tells names
            // ("posted to Twitter"), or opening a sentence when it does so
            // elsewhere in the text.
            let group = best == EntityType::Group;
            let capitalised = b - a == 1
                && doc.units[a].case == Case::Capitalised
                && !doc.units[a].headline
                && (!doc.units[a].initial || doc.seen_capitalised(doc.word(a)));
            return match agreeing {
                Some((id, profile)) => Some(linked(span, id, profile, first_gender)),
                None if group && capitalised => Some(linked(span, m.entries[0], top, first_gender)),
                // A village that speaks is a person's surname: "Mauer
                // said", "said Mauer"; a common word ("Commerce said") is
                // more often a body's short name.
                None => {
                    let common = if b - a == 1 {
                        common_word(doc, a)
                    } else {
                        COMMON_WORDS.contains(&*lowercase(&doc.text[span]))
                    };
                    unlinked(doc, piece, span, &votes, first_gender).filter(|c| {
                        c.confidence > 1
                            || (c.kind == EntityType::Person && c.confidence > 0 && !common)
                    })
                }
            };
        }
        outer.team |= outer.side && town;
        if outer.team && !country {
            outer.group += STRONG;
        }
        if let Some((kind, score)) = outer.best() {
            if kind != best && score >= STRONG && score > votes.get(best) {
                return Some(match agreeing.filter(|(_, e)| e.kind() == kind) {
                    Some((id, profile)) => linked(span, id, profile, first_gender),
                    None => Candidate {
                        span,
                        kind,
                        entry: None,
                        confidence: score,
                        gender: first_gender(),
                        listed_only: false,
                    },
                });
            }
        }
        return Some(linked(span, m.entries[0], top, first_gender));
    }
    if let (Some(m), Some(profile)) = (m, top) {
        // A gazetteer name followed by more name words: "Al Jazeera
        // English" (the group), "Moscow State University" (another group).
        // A person's shape speaks for itself: "Cheng Chung-tai" though a
        // town is called Cheng.
        let own = votes
            .best()
            .filter(|&(k, s)| s >= STRONG || (k == EntityType::Person && s >= 2));
        // "Paris Hilton": a place name that is also a first name, followed
        // by another name, starts a person's name.
        let first_named = profile.kind() != EntityType::Person && name.given().is_some();
        // "Mariano Rivera", "Wilson Kipketer": a town's name and one more
        // word that no list knows, not a plural ("Boston Celtics"), open a
        // person's name more often than a group's.
        let town_and_surname = profile.kind() == EntityType::Place
            && !profile.city()
            && b - a == 2
            && doc.units[a + 1].case == Case::Capitalised
            && !common_word(doc, a + 1)
            && !doc.word(a + 1).ends_with('s');
        if (first_named || town_and_surname) && own.is_none() {
            return unlinked(doc, piece, span, &votes, first_gender);
        }
        if own.is_none() && !m.ambiguous && profile.kind() != EntityType::Place {
            return Some(linked(span, m.entries[0], profile, first_gender));
        }
        // "South East Asia": points of the compass before a place are a
        // part of it.
        let part_of_place = is_compass(doc.lower(a))
            && piece.tail().is_some_and(|t| {
                gazetteer.profile(matches[t].entries[0]).kind() == EntityType::Place
            });
        if own.is_none() && !m.ambiguous {
            return Some(Candidate {
                span,
                kind: if part_of_place {
                    EntityType::Place
                } else {
                    EntityType::Group
                },
                entry: None,
                confidence: 0,
                gender: None,
                listed_only: false,
            });
        }
    }
    unlinked(doc, piece, span, &votes, first_gender)
}

/// `profile`: entry `id`'s, fetched already.
fn linked(
    span: Span,
    id: EntryId,
    profile: Profile,
    first_gender: impl FnOnce() -> Option<Gender>,
) -> Candidate {
    Candidate {
        span,
        kind: profile.kind(),
        entry: Some(id),
        confidence: STRONG,
        gender: profile.gender().or_else(first_gender),
        listed_only: false,
    }
}

fn unlinked(
    doc: &Doc<'_>,
    piece: &Piece,
    span: Span,
    votes: &Votes,
    gender: impl FnOnce() -> Option<Gender>,
) -> Option<Candidate> {
    let (kind, confidence) = match votes.best() {
        Some(best) => best,
        // A lone common word with no cue is a product, event or the like
        // ("Internet", "State"), not a name of ours.
        None if piece.units().len() == 1
            && doc.units[piece.units().start].case == Case::Capitalised
            && common_word(doc, piece.units().start) =>
        {
            return None
        }
        None => (guess(doc, piece)?, 0),
    };
    Some(Candidate {
        span,
        kind,
        entry: None,
        confidence,
        gender: if kind == EntityType::Person {
            gender()
        } else {
            None
        },
        listed_only: false,
    })
}

/// Whether unit `i` lowercased is a common word: asked of the unit's
/// lexicons, which are looked up without trailing periods, where no common
/// word has one.
fn common_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.listed(i, Lexicons::COMMON) && !doc.word(i).ends_with('.')
}

/// The type of a name no cue speaks for, from its shape: acronyms are
/// mostly groups, anything else most often a person.
/// A group's name written in capitals in running text ("told POLITICO"),
/// which the gazetteer lists as written in title case. A name of four
/// letters or more: shorter ones are acronyms, listed as such. Places are
/// left out, as a word in capitals may be an acronym that spells a place's
/// name ("DACA", the policy, looked up as "Daca", Dhaka), and so are
/// people, whose surnames in capitals ("FALLIN") are towns' names too.
fn shouted_name(doc: &Doc<'_>, gazetteer: &Gazetteer, piece: &Piece) -> Option<(EntryId, Profile)> {
    let a = piece.units().start;
    if piece.units().len() != 1 || doc.units[a].case != Case::Upper || doc.units[a].headline {
        return None;
    }
    let word = doc.word(a);
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let id = gazetteer.first_named(&title_cased(word))?;
    let profile = gazetteer.profile(id);
    (profile.kind() == EntityType::Group).then_some((id, profile))
}

fn guess(doc: &Doc<'_>, piece: &Piece) -> Option<EntityType> {
    let (a, b) = (piece.units().start, piece.units().end);
    // Only an acronym asks how many letters it has: no other word counts them.
    let upper = doc.units[a].case == Case::Upper;
    let letters = || doc.word(a).chars().count();
    if b - a == 1 && upper && (2..=6).contains(&letters()) {
        return Some(EntityType::Group);
    }
    // "UNC Greensboro", "BBC News": an acronym too long for a person's
    // initials opens the name of an institution or its branch.
    if b - a >= 2 && upper && doc.units[a + 1].case != Case::Upper && letters() >= 3 {
        return Some(EntityType::Group);
    }
    if b - a >= 2 && all_common(doc, a..b) {
        return None;
    }
    // "the Sea Org", "the Polaroids": English puts no article before a
    // person's name, and groups are the names it most often precedes.
    if after_the(doc, a) {
        return Some(EntityType::Group);
    }
    Some(EntityType::Person)
}

/// A frame only places fill: after a place and a comma ("Seattle,
/// Washington"), though not in a list of names ("Breen, Staunton,
/// Irwin"), or after a title and "of" ("Governor of Washington").
fn in_place_frame(doc: &Doc<'_>, matches: &[Match], gazetteer: &Gazetteer, a: usize) -> bool {
    if a < 2 || doc.units[a - 2].sentence != doc.units[a].sentence {
        return false;
    }
    match doc.word(a - 1) {
        "," => {
            let listed = a >= 3 && doc.word_is(a - 3, ",");
            let end = doc.units[a - 2].span().end;
            let i = matches.partition_point(|m| m.span.end < end);
            !listed
                && matches.get(i).is_some_and(|m| {
                    m.span.end == end
                        && !m.ambiguous
                        && gazetteer.profile(m.entries[0]).kind() == EntityType::Place
                })
        }
        "of" => doc.listed(a - 2, Lexicons::TITLE),
        _ => false,
    }
}

/// "Statistics Canada", "Hitwise UK": a country closing a name it is not
/// all of names that country's agency or branch, unless the name opens
/// with a point of the compass ("Western Australia") or a first name
/// ("Neil Jordan").
fn country_closes(matches: &[Match], gazetteer: &Gazetteer, name: &Name<'_, '_>) -> bool {
    let a = name.piece.units().start;
    name.piece.tail().is_some_and(|m| {
        gazetteer.profile(matches[m].entries[0]).country()
            && !is_compass(name.doc.lower(a))
            && name.given().is_none()
    })
}

/// Unit `i` as a given name, with its gender where known. Every listed
/// given name is capitalised ("Anna", "Élodie"), as the unit's case says
/// without looking the word up.
#[inline]
fn given_name(doc: &Doc<'_>, i: usize) -> Option<Option<Gender>> {
    let unit = doc.units.get(i)?;
    if unit.case != Case::Capitalised {
        return None;
    }
    doc.given_name(i)
}

/// A piece as the cues read it: its words counted once, and its first
/// unit looked up as a given name once, when first asked (a gazetteer
/// name of one word seldom asks).
struct Name<'p, 't> {
    doc: &'p Doc<'t>,
    piece: &'p Piece,
    /// How many of its units are words, and the first and the last of them
    /// (none: the piece's first unit): only these matter, no list.
    words: usize,
    first: usize,
    last: usize,
    /// The first unit as a given name, with its gender where known, once
    /// asked: a `Cell` of a byte, read inline, where a `OnceCell`'s first
    /// asking is a call.
    given: Cell<Option<Option<Option<Gender>>>>,
}

impl<'p, 't> Name<'p, 't> {
    fn new(doc: &'p Doc<'t>, piece: &'p Piece) -> Name<'p, 't> {
        let (a, b) = (piece.units().start, piece.units().end);
        // Most pieces are one unit, told without reading on.
        let (words, first, last) = if b == a + 1 {
            (usize::from(doc.is_word(a)), a, a)
        } else {
            let mut words = (a..b).filter(|&i| doc.is_word(i));
            match words.next() {
                Some(first) => {
                    let (n, last) = words.fold((1, first), |(n, _), i| (n + 1, i));
                    (n, first, last)
                }
                None => (0, a, a),
            }
        };
        Name {
            doc,
            piece,
            words,
            first,
            last,
            given: Cell::new(None),
        }
    }

    /// The piece's first unit as a given name, with its gender where known.
    #[inline]
    fn given(&self) -> Option<Option<Gender>> {
        if let Some(given) = self.given.get() {
            return given;
        }
        let given = given_name(self.doc, self.piece.units().start);
        self.given.set(Some(given));
        given
    }

    /// Whether the first word is a given name.
    #[inline]
    fn first_given(&self) -> bool {
        if self.first == self.piece.units().start {
            self.given().is_some()
        } else {
            given_name(self.doc, self.first).is_some()
        }
    }

    /// Whether the name is shaped as a person's: two words or more, the
    /// first a given name or an initial, or the last a syllable.
    fn person_shaped(&self) -> bool {
        let (doc, a, first, last) = (self.doc, self.piece.units().start, self.first, self.last);
        let initial = || one_char(doc.word(first).trim_end_matches('.'));
        // "Moon Jae-in", "Hui Chi-fung": a given name of two syllables, the
        // second in lower case after a hyphen, closes East Asian names.
        let syllable =
            || doc.units[last].case == Case::Lower && last > a + 1 && is_hyphen(doc, last - 1);
        self.words >= 2 && (self.first_given() || initial() || syllable())
    }

    /// The leading cues around the name: those giving a kind two votes or
    /// more (or making a team), without one of which the cues around it
    /// give no kind three.
    fn leading_cues(&self) -> Votes {
        let (doc, piece) = (self.doc, self.piece);
        let (a, b) = (piece.units().start, piece.units().end);
        let mut outer = Votes::default();
        if self.words == 0 || !(piece.titled || self.may_lead()) {
            return outer;
        }
        if piece.titled || title_before(doc, a) {
            outer.person += 3;
        }
        if dateline(doc, a, b) {
            outer.place += 3;
        }
        outer.team = (after_versus(doc, a) || score_follows(doc, b)) && !self.person_shaped();
        outer.side = match_verb(doc, a, b);
        if role_after(doc, b) {
            outer.person += 2;
        }
        if age_after(doc, b) {
            outer.person += STRONG;
        }
        if place_noun_after(doc, b) {
            outer.place += 2;
        }
        if city_of_before(doc, a) || (place_noun_apposed(doc, a) && !self.person_shaped()) {
            outer.place += 3;
        }
        outer
    }

    /// Whether a leading cue may stand around the name, but for a title
    /// found with it. Each reads the unit before the name or the one after,
    /// and wants a word of its lists, a comma, a bracket or a number there,
    /// or a word ("of", "v") opening with a letter of its own: most names
    /// have none of these, which two looks tell before the dozen cues are
    /// read one by one. A cue added to them must be let through here too,
    /// or it is never read.
    fn may_lead(&self) -> bool {
        let (doc, piece) = (self.doc, self.piece);
        let (a, b) = (piece.units().start, piece.units().end);
        let opening = |u: &Unit| doc.text.as_bytes().get(u.span().start).copied();
        let before = a.checked_sub(1).is_some_and(|i| {
            let u = &doc.units[i];
            matches!(opening(u), Some(b',' | b'v' | b'o'))
                || (u.kind == Kind::Word
                    && doc.listed(
                        i,
                        Lexicons::TITLE | Lexicons::ROLE_NOUN | Lexicons::MATCH_VERB,
                    ))
        });
        let after = || {
            doc.units.get(b).is_some_and(|u| {
                u.kind == Kind::Number
                    || matches!(opening(u), Some(b',' | b'[' | b'('))
                    || (u.kind == Kind::Word
                        && u.case == Case::Lower
                        && doc.listed(b, Lexicons::MATCH_VERB | Lexicons::PLACE_NOUN))
            })
        };
        before || after()
    }

    /// The cues for the name's type, `leading` those of
    /// [`Name::leading_cues`]: all of them, and those outside its own words
    /// alone (first names, group heads, place nouns inside say nothing new
    /// about a name the gazetteer knows: "West Bank" is no bank). Both are
    /// wanted of gazetteer names, and most cues are the same.
    fn cues(&self, leading: Votes) -> (Votes, Votes) {
        let (doc, piece) = (self.doc, self.piece);
        let (a, b) = (piece.units().start, piece.units().end);
        let (words, first, last) = (self.words, self.first, self.last);
        if words == 0 {
            return (Votes::default(), leading);
        }
        let mut outer = leading;
        let kind_before = a > 0 && lower_word_in(doc, a - 1, Lexicons::GROUP_NOUN);
        if member_after(doc, b) || affiliation(doc, a, b) || kind_before {
            outer.group += 2;
        }
        // "in NFL history": an acronym after "in" is seldom a place the
        // gazetteer does not know.
        let acronym = b - a == 1 && doc.units[a].case == Case::Upper && piece.matched().is_none();
        if a > 0
            && !acronym
            && doc.units[a - 1].case == Case::Lower
            && listed_as_written(doc, a - 1, Lexicons::PLACE_PREPOSITION)
        {
            outer.place += 1;
        }
        // The votes of the name's own words, added to the others at the end.
        let mut own = Votes::default();
        let person_shaped = self.person_shaped();
        if person_shaped {
            own.person += 2;
        }
        // A given name alone ("We met Zoltan"), unless also a word ("Will")
        // or a listed name ("Troy, Tennessee").
        let given_alone = words == 1
            && piece.matched().is_none()
            && doc.units[first].case == Case::Capitalised
            && self.first_given()
            && !doc.listed(first, Lexicons::COMMON)
            && !doc.listed(first, Lexicons::NATIONALITY);
        if given_alone {
            own.person += 1;
        }
        // The head of "Ministry of Defence", "Council for the Welfare of
        // Immigrants", "Tower of London" comes before its complement.
        let head = (a + 1..b)
            .find(|&i| doc.units[i].case == Case::Lower && matches!(doc.word(i), "of" | "for"))
            .map_or(last, |i| i - 1);
        let facility = words >= 2 && doc.listed(head, Lexicons::FACILITY_HEAD);
        // A head alone names a group only as "the Church", not as the common
        // noun opening a sentence ("Police arrested him").
        let group_head = || {
            (doc.listed(last, Lexicons::GROUP_HEAD) || doc.listed(head, Lexicons::GROUP_HEAD))
                && (words >= 2 || after_the(doc, a) || numbered_unit(doc, a, b))
        };
        if facility {
            own.place += 3;
        } else if group_head() {
            own.group += 3;
        }
        if words == 1 && compounds_group_suffix(doc, first) {
            own.group += 2;
        }
        if words >= 2 && doc.listed(first, Lexicons::OPENING_HEAD) {
            own.group += 3;
        }
        if words >= 2 && !person_shaped && doc.listed(last, Lexicons::TRADE_WORD) {
            own.group += 3;
        }
        if words >= 2
            && !facility
            && (doc.listed(last, Lexicons::PLACE_NOUN)
                || matches!(doc.lower(first), "mount" | "lake" | "gulf" | "cape"))
        {
            own.place += 3;
        }
        let mut all = Votes {
            person: outer.person + own.person,
            group: outer.group + own.group,
            place: outer.place + own.place,
            ..outer
        };
        let speaker = speech_verb_follows(doc, b) || said_before(doc, a, b);
        for votes in [&mut all, &mut outer] {
            if speaker && votes.place == 0 && votes.group == 0 {
                votes.person += 1;
            }
        }
        (all, outer)
    }
}

/// An inverted attribution: `"...," said Mauer.` A speech verb in lower
/// case right before the name, and the clause closing right after it.
fn said_before(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let verb = a > 0
        && doc.units[a - 1].case == Case::Lower
        && listed_as_written(doc, a - 1, Lexicons::SPEECH_VERB);
    verb && doc.units[a - 1].sentence == doc.units[a].sentence
        && matches!(doc.word(b), "," | "." | "")
}

/// A hyphen, glued or standing apart as in text rebuilt from tokens.
fn is_hyphen(doc: &Doc<'_>, i: usize) -> bool {
    doc.units[i].kind == Kind::Hyphen || (doc.units[i].kind == Kind::Punct && doc.word_is(i, "-"))
}

/// A product's name closing in a short model code in capitals ("Vextor
/// VR", "Windows XP"): none of ours. People's names close in such codes
/// only after a given name or as a title ("Anna Kerr MP"), companies' in
/// their legal form ("Marvetti AG"), places' where the gazetteer knows the
/// name before it ("Hong Kong SAR"); a Roman numeral numbers a name.
fn is_product(doc: &Doc<'_>, piece: &Piece) -> bool {
    let (a, b) = (piece.units().start, piece.units().end);
    if b - a < 2 || piece.matched().is_some() || piece.tail().is_some() {
        return false;
    }
    let code = doc.word(b - 1);
    doc.units[b - 1].case == Case::Upper
        // A word of its own, not the end of a hyphened name ("AL-RAM").
        && !doc.units[b - 2].glued
        && (2..=3).contains(&code.len())
        && code.bytes().all(|c| c.is_ascii_uppercase())
        && !numeral(code)
        && !doc.listed(b - 1, Lexicons::GROUP_HEAD)
        && !doc.listed(b - 1, Lexicons::TITLE)
        && given_name(doc, a).is_none()
}

/// "The film Easy Rider": a work's title, none of ours.
fn titles_work(doc: &Doc<'_>, a: usize) -> bool {
    a > 0 && lower_word_in(doc, a - 1, Lexicons::WORK_NOUN)
}

/// A name ending in an event word ("World Cup", "Labor Day"): none of ours.
fn is_event(doc: &Doc<'_>, piece: &Piece) -> bool {
    let (a, b) = (piece.units().start, piece.units().end);
    b - a >= 2 && doc.is_word(b - 1) && doc.listed(b - 1, Lexicons::EVENT_HEAD)
}

/// A name standing for an event: alone after a preposition of time, with
/// at most "the" and a year between, and closing the phrase ("during the
/// 1991 Hajj,"), or numbered by a year after it ("Fan Expo Canada 2016",
/// as editions and versions are). "During the Obama administration" names
/// a person.
#[inline]
pub(super) fn event_frame(doc: &Doc<'_>, piece: &Piece) -> bool {
    // Asked of every piece: most are matched, which the piece tells, or
    // have a word after them and no number, which the units at hand tell
    // before the call.
    if piece.matched().is_some() {
        return false;
    }
    let (a, b) = (piece.units().start, piece.units().end);
    let next = doc.units.get(b);
    let number = next.is_some_and(|u| u.kind == Kind::Number);
    let closes = next.is_none_or(|u| u.kind == Kind::Punct || u.sentence != doc.units[a].sentence);
    (number || (b - a == 1 && closes)) && framed_event(doc, piece)
}

/// [`event_frame`] of a piece it may be.
#[inline(never)]
fn framed_event(doc: &Doc<'_>, piece: &Piece) -> bool {
    let (a, b) = (piece.units().start, piece.units().end);
    let year = |i: usize| {
        doc.units.get(i).is_some_and(|u| {
            u.kind == Kind::Number
                && u.sentence == doc.units[a].sentence
                && doc
                    .word(i)
                    .parse::<u16>()
                    .is_ok_and(|y| (1900..=2100).contains(&y))
        })
    };
    if piece.matched().is_some() {
        return false;
    }
    if year(b) {
        return true;
    }
    if b - a != 1 {
        return false;
    }
    let mut i = a;
    if i > 0 && year(i - 1) {
        i -= 1;
    }
    if i > 0 && doc.word_is(i - 1, "the") {
        i -= 1;
    }
    let closes = || {
        doc.units
            .get(b)
            .is_none_or(|u| u.kind == Kind::Punct || u.sentence != doc.units[a].sentence)
    };
    i > 0
        && doc.units[i - 1].sentence == doc.units[a].sentence
        && doc.units[i - 1].case == Case::Lower
        && listed_as_written(doc, i - 1, Lexicons::EVENT_PREPOSITION)
        && closes()
}

/// A dateline: a name in capitals opening a line, then a comma or a date
/// ("LONDON 1996-08-30", "KYIV, Ukraine (AP)").
pub(super) fn dateline(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let opening =
        doc.units[a].initial && (a..b).all(|i| !doc.is_word(i) || doc.units[i].case == Case::Upper);
    let next = doc.units.get(b);
    let date = next.is_some_and(|u| u.kind == Kind::Number && u.span().len() >= 8);
    opening && doc.word(a).chars().nth(1).is_some() && (date || doc.word_is(b, ","))
}

/// A fixture: "Kent v Sussex", "Lazio vs. Roma".
fn after_versus(doc: &Doc<'_>, a: usize) -> bool {
    // As bytes, without the checks of char boundaries slicing makes.
    let before = a.checked_sub(1).and_then(|i| doc.units.get(i));
    before.is_some_and(|u| {
        let word = &doc.text.as_bytes()[u.span().range()];
        matches!(word, b"v" | b"v." | b"vs" | b"vs." | b"versus")
    })
}

/// "Glamorgan beat Durham": a name right before or after a verb of
/// beating.
fn match_verb(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let verb = |i: usize| lower_word_in(doc, i, Lexicons::MATCH_VERB);
    verb(b) || a.checked_sub(1).is_some_and(verb)
}

/// A name followed by its score in a results line ("Watford 4 Ipswich 2"):
/// a team. A results line has two or more numbers and hardly any lowercase
/// words, which running prose always has.
pub(super) fn score_follows(doc: &Doc<'_>, b: usize) -> bool {
    // Scores are short; a date after a name makes a dateline.
    if !doc
        .units
        .get(b)
        .is_some_and(|u| u.kind == Kind::Number && u.span().len() <= 3)
    {
        return false;
    }
    let Some(range) = doc.sentences.get(doc.units[b].sentence as usize) else {
        return false;
    };
    let units = &doc.units[range.clone()];
    let numbers = units.iter().filter(|u| u.kind == Kind::Number).count();
    let prose = units
        .iter()
        .filter(|u| u.kind == Kind::Word && u.case == Case::Lower && u.span().len() > 3)
        .count();
    numbers >= 2 && prose <= 1
}

/// A lowercase title or role right before the name, perhaps after a
/// nationality or qualifier: "presidential aide Mykhailo Podolyak",
/// "spokesman Dmitry Peskov".
/// The gender the title just before unit `a` tells ("Mrs. Clinton").
fn title_gender(doc: &Doc<'_>, a: usize) -> Option<Gender> {
    let mut i = a.checked_sub(1)?;
    if doc.word_is(i, ".") && i > 0 && doc.units[i - 1].glued {
        i -= 1;
    }
    if doc.units[i].sentence != doc.units[a].sentence || !doc.listed(i, Lexicons::TITLE) {
        return None;
    }
    // A unit keeps an abbreviation's period ("Mrs.").
    TITLE_GENDERS
        .get(lowercase(doc.word(i)).trim_end_matches('.'))
        .copied()
}

fn title_before(doc: &Doc<'_>, a: usize) -> bool {
    let Some(i) = a.checked_sub(1) else {
        return false;
    };
    doc.is_word(i)
        && doc.units[i].sentence == doc.units[a].sentence
        && (doc.listed(i, Lexicons::TITLE) || role_noun(doc, i))
        && !doc.listed(i, Lexicons::TITLE_MODIFIER)
}

/// An appositive role after the name: "Gladkov, the governor", "Smith, a
/// spokesman for", "Kort, an Australian woman".
fn role_after(doc: &Doc<'_>, b: usize) -> bool {
    if !doc.word_is(b, ",") {
        return false;
    }
    let mut k = b + 1;
    if matches!(doc.word(k), "a" | "an" | "the") {
        k += 1;
    }
    for _ in 0..3 {
        if !doc.is_word(k) {
            return false;
        }
        if doc.listed(k, Lexicons::TITLE) || role_noun(doc, k) {
            return true;
        }
        let adjective = doc.listed(k, Lexicons::NATIONALITY) || demonym_shaped(doc, k);
        if !(doc.listed(k, Lexicons::TITLE_MODIFIER) || adjective) {
            return false;
        }
        k += 1;
    }
    false
}

/// A name a person is given as theirs: "Demosisto's Nathan Law", "Nathan
/// Law of Demosisto". Only a person's full name counts: "Obama's
/// spokesman" is a person's too.
fn affiliation(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let full_name = |i: usize| {
        doc.units
            .get(i + 1)
            .is_some_and(|u| u.case == Case::Capitalised)
            && given_name(doc, i).is_some()
    };
    let possessor = (doc.word_is(b, "'s") || doc.word_is(b, "’s")) && full_name(b + 1);
    // "Wong Kwok-kin of FTU": a given name's second syllable closes it.
    let syllable_name = |i: usize| {
        i >= 3
            && doc.units[i].case == Case::Lower
            && is_hyphen(doc, i - 1)
            && doc.units[i - 2].case == Case::Capitalised
            && doc.units[i - 3].case == Case::Capitalised
    };
    let of = a >= 3
        && doc.word_is(a - 1, "of")
        && (full_name(a - 3) || syllable_name(a - 2))
        && doc.units[a - 3].sentence == doc.units[a].sentence;
    possessor || of
}

/// A capitalised word shaped like a demonym no list has ("Australian",
/// "Maltese", "Flemish"), not like the name of a place or team ("Surrey
/// captain").
fn demonym_shaped(doc: &Doc<'_>, i: usize) -> bool {
    doc.units[i].case == Case::Capitalised && {
        let w = doc.lower(i);
        ["an", "ese", "ish", "i"].iter().any(|s| w.ends_with(s))
    }
}

/// An age in apposition, as news gives people's: "Duran, 45, takes on".
fn age_after(doc: &Doc<'_>, b: usize) -> bool {
    let age = || {
        doc.units.get(b + 1).is_some_and(|u| u.kind == Kind::Number)
            && doc
                .word(b + 1)
                .parse::<u8>()
                .is_ok_and(|n| (1..=120).contains(&n))
    };
    doc.word_is(b, ",") && age() && doc.word_is(b + 2, ",")
}

/// "Scientology officials", "Facebook co-founder Mark Zuckerberg".
fn member_after(doc: &Doc<'_>, b: usize) -> bool {
    lower_word_in(doc, b, Lexicons::GROUP_MEMBER)
}

/// "Belgorod region", "Shebekino border district", "Novaya Tavolshanka
/// [border village]".
fn place_noun_after(doc: &Doc<'_>, b: usize) -> bool {
    let b = if doc.word_is(b, "[") || doc.word_is(b, "(") {
        b + 1
    } else {
        b
    };
    lower_word_in(doc, b, Lexicons::PLACE_NOUN)
}

/// A role noun standing alone, not closing a compound ("10-man Turkey").
fn role_noun(doc: &Doc<'_>, i: usize) -> bool {
    let compound = i > 0 && doc.units[i - 1].kind == Kind::Hyphen;
    !compound && lower_word_in(doc, i, Lexicons::ROLE_NOUN)
}

/// Whether unit `i` is a word written in lower case and listed in `words`.
fn lower_word_in(doc: &Doc<'_>, i: usize, words: Lexicons) -> bool {
    doc.units
        .get(i)
        .is_some_and(|u| u.case == Case::Lower && u.kind == Kind::Word)
        && listed_as_written(doc, i, words)
}

/// [`Doc::listed_as_written`], its lexicons asked first, inline: they turn
/// away most words before the call that compares the word with its
/// lowercase form.
#[inline(always)]
fn listed_as_written(doc: &Doc<'_>, i: usize, these: Lexicons) -> bool {
    doc.listed(i, these) && doc.listed_as_written(i, these)
}

/// Whether "the" comes right before unit `a`.
fn after_the(doc: &Doc<'_>, a: usize) -> bool {
    a > 0 && doc.word(a - 1).eq_ignore_ascii_case("the")
}

/// "the nation's capital, Wellington", "the border village, Zorino". After
/// a named place ("the Lombardy region, Roberto Maroni") the apposition
/// may be to another noun.
fn place_noun_apposed(doc: &Doc<'_>, a: usize) -> bool {
    a >= 3
        && doc.word_is(a - 1, ",")
        && doc.units[a - 2].sentence == doc.units[a].sentence
        && lower_word_in(doc, a - 2, Lexicons::PLACE_NOUN)
        && !doc.is_cap(a - 3)
}

/// "Euronews", "Microsoft": a word compounded with a group's ending.
fn compounds_group_suffix(doc: &Doc<'_>, i: usize) -> bool {
    !doc.listed(i, Lexicons::COMMON) && {
        let lower = doc.lower(i);
        GROUP_SUFFIXES
            .iter()
            .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
    }
}

/// "the city of Kharkiv", "the village of Novaya Tavolshanka".
fn city_of_before(doc: &Doc<'_>, a: usize) -> bool {
    a >= 2
        && doc.word_is(a - 1, "of")
        && doc.units[a - 2].case == Case::Lower
        && listed_as_written(doc, a - 2, Lexicons::PLACE_NOUN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::FIRST_NAMES;

    #[test]
    fn every_given_name_is_a_capitalised_unit() {
        // `given_name` looks a unit up only where it is capitalised. Names
        // with a hyphen ("Anne-Marie") are split into units, and no unit
        // is one of them.
        for &name in FIRST_NAMES.keys() {
            let layout = crate::text::Layout::new(name);
            let doc = Doc::new(name, &layout, &[], Default::default());
            if doc.units.len() > 1 && name.contains('-') {
                continue;
            }
            assert!(doc.units.len() == 1 && doc.word(0) == name, "{name}");
            assert!(doc.units[0].case == Case::Capitalised, "{name}");
            assert!(given_name(&doc, 0).is_some(), "{name}");
        }
    }
}
