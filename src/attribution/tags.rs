//! The lexicons the sieves ask about a word, as bits: near a cue they ask
//! several about each word, and one lookup per word answers them all.

use std::sync::LazyLock;

use crate::hash::Map;
use crate::lexicon::{
    WordTable, ADJUNCT_PREPOSITIONS, ADJUNCT_STOPS, AS_DESCRIPTIONS, ATTRIBUTION_VERBS,
    AUXILIARIES, CONNECTIVES, COORDINATORS, CUE_MODIFIERS, CUE_PHRASES, DETERMINERS, NATIONALITIES,
    NOMINATIVE_PRONOUNS, NOUN_VERBS, OBJECT_PRONOUNS, PASSIVE_AUXILIARIES, PHRASE_NON_STARTERS,
    PROGRESSIVE_AUXILIARIES, PRONOUNS, QUOTE_ONLY_VERBS, RELATIVE_PRONOUNS, SPEAKER_NAME_JOINERS,
    SPEAKER_NOUNS, SPEECH_ADJUNCTS, SPEECH_VERBS, SUBJECT_BOUNDS, TELL_VERBS, TIME_ADJUNCTS,
    TIME_DEICTICS, TITLE_MODIFIERS, VERB_PARTICLES,
};

/// The lexicons listing a lowercase word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Tags(u32);

impl Tags {
    pub(super) const SPEECH_VERB: Tags = Tags(1);
    pub(super) const ATTRIBUTION_VERB: Tags = Tags(1 << 1);
    /// The first word of a cue phrase.
    pub(super) const PHRASE_START: Tags = Tags(1 << 2);
    pub(super) const NOUN_VERB: Tags = Tags(1 << 3);
    pub(super) const QUOTE_ONLY_VERB: Tags = Tags(1 << 4);
    pub(super) const SUBJECT_BOUND: Tags = Tags(1 << 5);
    pub(super) const ADJUNCT_PREPOSITION: Tags = Tags(1 << 6);
    pub(super) const SPEECH_ADJUNCT: Tags = Tags(1 << 7);
    pub(super) const TIME_ADJUNCT: Tags = Tags(1 << 8);
    pub(super) const CUE_MODIFIER: Tags = Tags(1 << 9);
    pub(super) const PRONOUN: Tags = Tags(1 << 10);
    pub(super) const SPEAKER_NOUN: Tags = Tags(1 << 11);
    pub(super) const TITLE_MODIFIER: Tags = Tags(1 << 12);
    pub(super) const NATIONALITY: Tags = Tags(1 << 13);
    pub(super) const DETERMINER: Tags = Tags(1 << 14);
    pub(super) const AUXILIARY: Tags = Tags(1 << 15);
    pub(super) const NOMINATIVE: Tags = Tags(1 << 16);
    pub(super) const TELL_VERB: Tags = Tags(1 << 17);
    /// The word "according".
    pub(super) const ACCORDING: Tags = Tags(1 << 18);
    /// Not a lexicon: the word has letters besides ASCII, so its lower case
    /// is not the text's own with ASCII letters lowered.
    pub(super) const RECASED: Tags = Tags(1 << 19);
    /// A pronoun in the object case.
    pub(super) const OBJECT: Tags = Tags(1 << 20);
    pub(super) const SPEAKER_NAME_JOINER: Tags = Tags(1 << 21);
    pub(super) const PROGRESSIVE_AUXILIARY: Tags = Tags(1 << 22);
    pub(super) const PASSIVE_AUXILIARY: Tags = Tags(1 << 23);
    pub(super) const RELATIVE_PRONOUN: Tags = Tags(1 << 24);
    pub(super) const CONNECTIVE: Tags = Tags(1 << 25);
    pub(super) const COORDINATOR: Tags = Tags(1 << 26);
    pub(super) const VERB_PARTICLE: Tags = Tags(1 << 27);
    pub(super) const AS_DESCRIPTION: Tags = Tags(1 << 28);
    pub(super) const PHRASE_NON_STARTER: Tags = Tags(1 << 29);
    pub(super) const TIME_DEICTIC: Tags = Tags(1 << 30);
    pub(super) const ADJUNCT_STOP: Tags = Tags(1 << 31);
    /// A verb that cues a claim.
    pub(super) const CUE_VERB: Tags = Tags(Self::SPEECH_VERB.0 | Self::ATTRIBUTION_VERB.0);
    /// A word a cue may start with.
    pub(super) const CUE_START: Tags = Tags(Self::CUE_VERB.0 | Self::PHRASE_START.0);

    /// The table of the lexicons' words, built on first use: a caller
    /// looking up many words holds it rather than ask for it each time.
    pub(super) fn table() -> &'static WordTable<Tags> {
        &TABLE
    }

    /// Whether any of `these` lexicons is among them.
    #[inline]
    pub(super) fn any(self, these: Tags) -> bool {
        self.0 & these.0 != 0
    }
}

impl std::ops::BitOr for Tags {
    type Output = Tags;

    fn bitor(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }
}

static TABLE: LazyLock<WordTable<Tags>> = LazyLock::new(|| WordTable::new(&tagged_words()));

/// Every word of the sieves' lexicons, with the lexicons listing it.
fn tagged_words() -> Map<&'static str, Tags> {
    let mut map: Map<&'static str, Tags> = Map::default();
    let mut tag = |words: &mut dyn Iterator<Item = &'static str>, bit: Tags| {
        for w in words {
            map.entry(w).or_default().0 |= bit.0;
        }
    };
    tag(&mut SPEECH_VERBS.iter().copied(), Tags::SPEECH_VERB);
    tag(
        &mut ATTRIBUTION_VERBS.iter().copied(),
        Tags::ATTRIBUTION_VERB,
    );
    tag(&mut CUE_PHRASES.keys().copied(), Tags::PHRASE_START);
    tag(&mut NOUN_VERBS.iter().copied(), Tags::NOUN_VERB);
    tag(&mut QUOTE_ONLY_VERBS.iter().copied(), Tags::QUOTE_ONLY_VERB);
    tag(&mut SUBJECT_BOUNDS.iter().copied(), Tags::SUBJECT_BOUND);
    tag(
        &mut ADJUNCT_PREPOSITIONS.iter().copied(),
        Tags::ADJUNCT_PREPOSITION,
    );
    tag(&mut SPEECH_ADJUNCTS.iter().copied(), Tags::SPEECH_ADJUNCT);
    tag(&mut TIME_ADJUNCTS.iter().copied(), Tags::TIME_ADJUNCT);
    tag(&mut CUE_MODIFIERS.iter().copied(), Tags::CUE_MODIFIER);
    tag(&mut PRONOUNS.keys().copied(), Tags::PRONOUN);
    tag(&mut SPEAKER_NOUNS.iter().copied(), Tags::SPEAKER_NOUN);
    tag(&mut TITLE_MODIFIERS.iter().copied(), Tags::TITLE_MODIFIER);
    tag(&mut NATIONALITIES.iter().copied(), Tags::NATIONALITY);
    tag(&mut DETERMINERS.iter().copied(), Tags::DETERMINER);
    tag(&mut AUXILIARIES.iter().copied(), Tags::AUXILIARY);
    tag(&mut NOMINATIVE_PRONOUNS.iter().copied(), Tags::NOMINATIVE);
    tag(&mut TELL_VERBS.iter().copied(), Tags::TELL_VERB);
    tag(&mut OBJECT_PRONOUNS.iter().copied(), Tags::OBJECT);
    tag(&mut ["according"].into_iter(), Tags::ACCORDING);
    tag(
        &mut SPEAKER_NAME_JOINERS.iter().copied(),
        Tags::SPEAKER_NAME_JOINER,
    );
    tag(
        &mut PROGRESSIVE_AUXILIARIES.iter().copied(),
        Tags::PROGRESSIVE_AUXILIARY,
    );
    tag(
        &mut PASSIVE_AUXILIARIES.iter().copied(),
        Tags::PASSIVE_AUXILIARY,
    );
    tag(
        &mut RELATIVE_PRONOUNS.iter().copied(),
        Tags::RELATIVE_PRONOUN,
    );
    tag(&mut CONNECTIVES.iter().copied(), Tags::CONNECTIVE);
    tag(&mut COORDINATORS.iter().copied(), Tags::COORDINATOR);
    tag(&mut VERB_PARTICLES.iter().copied(), Tags::VERB_PARTICLE);
    tag(&mut AS_DESCRIPTIONS.iter().copied(), Tags::AS_DESCRIPTION);
    tag(
        &mut PHRASE_NON_STARTERS.iter().copied(),
        Tags::PHRASE_NON_STARTER,
    );
    tag(&mut TIME_DEICTICS.iter().copied(), Tags::TIME_DEICTIC);
    tag(&mut ADJUNCT_STOPS.iter().copied(), Tags::ADJUNCT_STOP);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_holds_every_word() {
        for (w, tags) in tagged_words() {
            assert_eq!(Tags::table().get(w.as_bytes()), tags, "{w}");
        }
    }

    #[test]
    fn tags_answer_as_their_lexicons() {
        for w in [
            "said",
            "claimed",
            "according",
            "the",
            "he",
            "told",
            "on",
            "monday",
            "russian",
            "zzz",
            "",
            "a",
            "an",
            "has",
            "that",
            "alleged",
            "yesterday",
            "ukrainian",
            "reporters",
            "which",
            "whereas",
            "being",
            "am",
            "up",
            "known",
            "even",
            "last",
            "van",
        ] {
            let t = Tags::table().get(w.as_bytes());
            assert_eq!(t.any(Tags::SPEECH_VERB), SPEECH_VERBS.contains(w), "{w}");
            assert_eq!(
                t.any(Tags::ATTRIBUTION_VERB),
                ATTRIBUTION_VERBS.contains(w),
                "{w}"
            );
            assert_eq!(
                t.any(Tags::PHRASE_START),
                CUE_PHRASES.contains_key(w),
                "{w}"
            );
            assert_eq!(
                t.any(Tags::ADJUNCT_PREPOSITION),
                ADJUNCT_PREPOSITIONS.contains(w),
                "{w}"
            );
            assert_eq!(t.any(Tags::PRONOUN), PRONOUNS.contains_key(w), "{w}");
            assert_eq!(t.any(Tags::NATIONALITY), NATIONALITIES.contains(w), "{w}");
            assert_eq!(t.any(Tags::DETERMINER), DETERMINERS.contains(w), "{w}");
            assert_eq!(
                t.any(Tags::NOMINATIVE),
                NOMINATIVE_PRONOUNS.contains(w),
                "{w}"
            );
            assert_eq!(t.any(Tags::TELL_VERB), TELL_VERBS.contains(w), "{w}");
            assert_eq!(t.any(Tags::OBJECT), OBJECT_PRONOUNS.contains(w), "{w}");
            for (tag, words) in [
                (Tags::SPEAKER_NAME_JOINER, &SPEAKER_NAME_JOINERS),
                (Tags::PROGRESSIVE_AUXILIARY, &PROGRESSIVE_AUXILIARIES),
                (Tags::PASSIVE_AUXILIARY, &PASSIVE_AUXILIARIES),
                (Tags::RELATIVE_PRONOUN, &RELATIVE_PRONOUNS),
                (Tags::CONNECTIVE, &CONNECTIVES),
                (Tags::COORDINATOR, &COORDINATORS),
                (Tags::VERB_PARTICLE, &VERB_PARTICLES),
                (Tags::AS_DESCRIPTION, &AS_DESCRIPTIONS),
                (Tags::PHRASE_NON_STARTER, &PHRASE_NON_STARTERS),
                (Tags::TIME_DEICTIC, &TIME_DEICTICS),
                (Tags::ADJUNCT_STOP, &ADJUNCT_STOPS),
            ] {
                assert_eq!(t.any(tag), words.contains(w), "{w}");
            }
        }
    }
}
