//! The lexicons the sieves ask about a word, as bits: near a cue they ask
//! several about each word, and one lookup per word answers them all.

use std::sync::LazyLock;

use crate::hash::{Map, Set};
use crate::lexicon::{
    WordTable, ADJUNCT_PREPOSITIONS, ADJUNCT_STOPS, AS_DESCRIPTIONS, ATTRIBUTION_VERBS,
    AUXILIARIES, CONNECTIVES, COORDINATORS, CUE_MODIFIERS, CUE_PHRASES, DETERMINERS, NATIONALITIES,
    NOMINATIVE_PRONOUNS, NOUN_VERBS, OBJECT_PRONOUNS, PASSIVE_AUXILIARIES, PHRASE_NON_STARTERS,
    PROGRESSIVE_AUXILIARIES, PRONOUNS, QUANTIFIERS, QUOTE_ONLY_VERBS, RELATIVE_PRONOUNS,
    SPEAKER_NAME_JOINERS, SPEAKER_NOUNS, SPEECH_ADJUNCTS, SPEECH_VERBS, SUBJECT_BOUNDS, TELL_VERBS,
    TIME_ADJUNCTS, TIME_DEICTICS, TITLE_MODIFIERS, VERB_PARTICLES,
};
use crate::Span;

/// The lexicons listing a lowercase word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Tags(u32);

impl Tags {
    /// In no lexicon.
    pub(super) const NONE: Tags = Tags(0);
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
    /// A word opening a subject as a number does ("half", "most").
    pub(super) const QUANTIFIER: Tags = Tags(1 << 19);
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
        &LEXICON.0
    }

    /// The shapes of the words that may start a cue, built on first use.
    pub(super) fn cue_shapes() -> &'static CueShapes {
        &LEXICON.1
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

/// The table of the lexicons' words and the shapes of those that may start
/// a cue, both made from one gathering of the words.
static LEXICON: LazyLock<(WordTable<Tags>, CueShapes)> = LazyLock::new(|| {
    let words = tagged_words();
    (WordTable::new(&words), CueShapes::new(&words))
});

/// The shapes of the words a cue may start with: by length and the low
/// five bits of the first byte, a bit for the low five bits of the byte
/// before the last and, above those, a bit for the low five bits of the
/// second byte. Five words in six of news have no such shape by the byte
/// before the last, and are told so with no lookup. Three in four of the
/// rest start no cue ("about", "president", "after"): the second byte,
/// asked only of those the first test lets through, turns away half of
/// them. The last byte told apart the words of one length and first
/// letter no better than the byte before it, and let through "and" and
/// "that", the commonest of them all, by "add" and "tout": a third more
/// words.
pub(super) struct CueShapes([[u64; 32]; CueShapes::LONG + 1]);

impl CueShapes {
    /// The longest length told apart; longer words share its row.
    const LONG: usize = 15;

    fn new(words: &Map<&'static str, Tags>) -> CueShapes {
        let mut shapes = CueShapes([[0; 32]; CueShapes::LONG + 1]);
        for (w, tags) in words {
            if let Some((first, second, penult)) = CueShapes::ends(w.as_bytes()) {
                if tags.any(Tags::CUE_START | Tags::ACCORDING) {
                    shapes.0[w.len().min(CueShapes::LONG)][usize::from(first & 31)] |=
                        1 << (penult & 31) | 1 << 32 << (second & 31);
                }
            }
        }
        shapes
    }

    /// Whether the word at `span` of `lower`, a text in lower case, may
    /// start a cue. No branch on the word: whether it may is all but
    /// random, and the three tests as branches were mispredicted about once
    /// for every two words they were asked of. A word shorter than two
    /// bytes is read as two, as the row of a word shorter than three is
    /// empty.
    #[inline]
    pub(super) fn admit(&self, lower: &[u8], span: Span) -> bool {
        let Some(bytes) = lower.get(span.start..span.end.max(span.start + 2)) else {
            return false;
        };
        let (first, second, penult) = (bytes[0], bytes[1], bytes[bytes.len() - 2]);
        let len = span.end.wrapping_sub(span.start).min(CueShapes::LONG);
        let row = self.0[len][usize::from(first & 31)];
        row >> (penult & 31) & row >> 32 >> (second & 31) & 1 != 0
    }

    /// The first two bytes of `word` and the one before its last, if it
    /// has three or more: no shorter word starts a cue, and the rows of
    /// the shorter lengths are left empty.
    #[inline(always)]
    fn ends(word: &[u8]) -> Option<(u8, u8, u8)> {
        match *word {
            [first, second, ref rest @ ..] if !rest.is_empty() => {
                Some((first, second, word[word.len() - 2]))
            }
            _ => None,
        }
    }
}

/// Every word of the sieves' lexicons, with the lexicons listing it.
fn tagged_words() -> Map<&'static str, Tags> {
    let lexicons: [(&Set<&'static str>, Tags); 29] = [
        (&SPEECH_VERBS, Tags::SPEECH_VERB),
        (&ATTRIBUTION_VERBS, Tags::ATTRIBUTION_VERB),
        (&NOUN_VERBS, Tags::NOUN_VERB),
        (&QUOTE_ONLY_VERBS, Tags::QUOTE_ONLY_VERB),
        (&SUBJECT_BOUNDS, Tags::SUBJECT_BOUND),
        (&ADJUNCT_PREPOSITIONS, Tags::ADJUNCT_PREPOSITION),
        (&SPEECH_ADJUNCTS, Tags::SPEECH_ADJUNCT),
        (&TIME_ADJUNCTS, Tags::TIME_ADJUNCT),
        (&CUE_MODIFIERS, Tags::CUE_MODIFIER),
        (&SPEAKER_NOUNS, Tags::SPEAKER_NOUN),
        (&TITLE_MODIFIERS, Tags::TITLE_MODIFIER),
        (&NATIONALITIES, Tags::NATIONALITY),
        (&DETERMINERS, Tags::DETERMINER),
        (&AUXILIARIES, Tags::AUXILIARY),
        (&NOMINATIVE_PRONOUNS, Tags::NOMINATIVE),
        (&TELL_VERBS, Tags::TELL_VERB),
        (&OBJECT_PRONOUNS, Tags::OBJECT),
        (&SPEAKER_NAME_JOINERS, Tags::SPEAKER_NAME_JOINER),
        (&PROGRESSIVE_AUXILIARIES, Tags::PROGRESSIVE_AUXILIARY),
        (&PASSIVE_AUXILIARIES, Tags::PASSIVE_AUXILIARY),
        (&RELATIVE_PRONOUNS, Tags::RELATIVE_PRONOUN),
        (&CONNECTIVES, Tags::CONNECTIVE),
        (&COORDINATORS, Tags::COORDINATOR),
        (&VERB_PARTICLES, Tags::VERB_PARTICLE),
        (&AS_DESCRIPTIONS, Tags::AS_DESCRIPTION),
        (&PHRASE_NON_STARTERS, Tags::PHRASE_NON_STARTER),
        (&TIME_DEICTICS, Tags::TIME_DEICTIC),
        (&ADJUNCT_STOPS, Tags::ADJUNCT_STOP),
        (&QUANTIFIERS, Tags::QUANTIFIER),
    ];
    let mut map: Map<&'static str, Tags> = Map::default();
    let mut tag = |word: &'static str, bit: Tags| map.entry(word).or_default().0 |= bit.0;
    for (words, bit) in lexicons {
        words.iter().for_each(|&w| tag(w, bit));
    }
    // Two lexicons are maps, keyed by their words.
    CUE_PHRASES.keys().for_each(|&w| tag(w, Tags::PHRASE_START));
    PRONOUNS.keys().for_each(|&w| tag(w, Tags::PRONOUN));
    tag("according", Tags::ACCORDING);
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
    fn shapes_admit_every_word_a_cue_starts_with() {
        let shapes = Tags::cue_shapes();
        for (w, tags) in tagged_words() {
            if tags.any(Tags::CUE_START | Tags::ACCORDING) {
                assert!(shapes.admit(w.as_bytes(), Span::new(0, w.len())), "{w}");
            }
        }
        for w in ["", "the", "of", "a", "in", "reporters", "x"] {
            assert!(!shapes.admit(w.as_bytes(), Span::new(0, w.len())), "{w}");
        }
        // Read in a text, a short word's bytes past its end do not count.
        let text = b"of said at claims x";
        for (start, end) in [(0, 2), (8, 10), (18, 19), (19, 19)] {
            assert!(!shapes.admit(text, Span::new(start, end)), "{start}");
        }
        assert!(shapes.admit(text, Span::new(3, 7)));
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
            assert_eq!(
                t.any(Tags::PHRASE_START),
                CUE_PHRASES.contains_key(w),
                "{w}"
            );
            assert_eq!(t.any(Tags::PRONOUN), PRONOUNS.contains_key(w), "{w}");
            for (tag, words) in [
                (Tags::SPEECH_VERB, &SPEECH_VERBS),
                (Tags::ATTRIBUTION_VERB, &ATTRIBUTION_VERBS),
                (Tags::ADJUNCT_PREPOSITION, &ADJUNCT_PREPOSITIONS),
                (Tags::NATIONALITY, &NATIONALITIES),
                (Tags::DETERMINER, &DETERMINERS),
                (Tags::NOMINATIVE, &NOMINATIVE_PRONOUNS),
                (Tags::TELL_VERB, &TELL_VERBS),
                (Tags::OBJECT, &OBJECT_PRONOUNS),
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
