//! The lexicons the sieves ask about a word, as bits: near a cue they ask
//! several about each word, and one lookup per word answers them all.

use std::sync::LazyLock;

use crate::hash::Map;
use crate::lexicon::{
    ADJUNCT_PREPOSITIONS, ATTRIBUTION_VERBS, CUE_MODIFIERS, CUE_PHRASES, NATIONALITIES, NOUN_VERBS,
    PRONOUNS, QUOTE_ONLY_VERBS, SPEAKER_NOUNS, SPEECH_ADJUNCTS, SPEECH_VERBS, SUBJECT_BOUNDS,
    TIME_ADJUNCTS, TITLE_MODIFIERS,
};

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "this", "that", "these", "those", "his", "her", "their", "its",
    "our", "my", "your", "some", "one", "two", "several", "many",
];

const AUXILIARIES: &[&str] = &[
    "have", "has", "had", "are", "were", "is", "was", "will", "would", "can", "could", "may",
    "might", "must", "should",
];

/// Pronouns that are a subject by themselves.
const NOMINATIVE: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

const TELL_VERBS: &[&str] = &[
    "tell", "tells", "told", "telling", "assure", "assured", "assures", "inform", "informed",
    "informs", "remind", "reminded", "reminds",
];

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
    /// A verb that cues a claim.
    pub(super) const CUE_VERB: Tags = Tags(Self::SPEECH_VERB.0 | Self::ATTRIBUTION_VERB.0);
    /// A word a cue may start with.
    pub(super) const CUE_START: Tags = Tags(Self::CUE_VERB.0 | Self::PHRASE_START.0);

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

/// The lexicons' words of up to sixteen bytes, nearly all of them, in
/// tables keyed by their bytes as integers: asked once for every word of a
/// text, a lookup there is a multiply, a load and an integer compare,
/// where a hash map hashes the string and compares it byte by byte. The
/// keys are fixed, so no text can lengthen a probe: a word missing from the
/// table stops at the first empty slot after its own, and the load factor
/// keeps those runs short.
pub(super) struct Table {
    /// The words of up to eight bytes, most words of running text, keyed
    /// by one integer: the keys take 16 KB, half what pairs would, and stay
    /// in the nearest cache.
    short: Slots<u64>,
    /// The words of nine to sixteen bytes.
    middle: Slots<(u64, u64)>,
    /// The longer words.
    long: Map<&'static str, Tags>,
}

/// The longest word [`Table`] packs.
const PACKED: usize = 16;

impl Table {
    /// The table, built on first use.
    pub(super) fn get() -> &'static Table {
        &TABLE
    }

    fn new() -> Table {
        // Over three times as many slots as the words of each length.
        let mut table = Table {
            short: Slots::new(11),
            middle: Slots::new(10),
            long: Map::default(),
        };
        for (&word, &tags) in TAGS.iter() {
            match word.len() {
                0 => {}
                1..=8 => {
                    let (key, _) = pack(word.as_bytes());
                    table.short.insert(key, mix(key, 0), tags);
                }
                9..=PACKED => {
                    let (low, high) = pack(word.as_bytes());
                    table.middle.insert((low, high), mix(low, high), tags);
                }
                _ => {
                    table.long.insert(word, tags);
                }
            }
        }
        table
    }

    /// The lexicons listing `lower`, a word in lower case.
    #[inline(always)]
    pub(super) fn tags(&self, lower: &str) -> Tags {
        match lower.len() {
            0 => Tags::default(),
            1..=8 => {
                let (key, _) = pack(lower.as_bytes());
                self.short.get(key, mix(key, 0))
            }
            9..=PACKED => {
                let (low, high) = pack(lower.as_bytes());
                self.middle.get((low, high), mix(low, high))
            }
            _ => self.long.get(lower).copied().unwrap_or_default(),
        }
    }
}

/// An open-addressing table of packed words; the zero key, which no word
/// packs to, marks an empty slot.
struct Slots<K> {
    keys: Box<[K]>,
    tags: Box<[Tags]>,
    /// log2 of the number of slots.
    bits: u32,
}

impl<K: Copy + Default + Eq> Slots<K> {
    fn new(bits: u32) -> Slots<K> {
        Slots {
            keys: vec![K::default(); 1 << bits].into_boxed_slice(),
            tags: vec![Tags::default(); 1 << bits].into_boxed_slice(),
            bits,
        }
    }

    fn insert(&mut self, key: K, mixed: u64, tags: Tags) {
        let mut i = self.slot(mixed);
        while self.keys[i] != K::default() {
            i = (i + 1) & (self.keys.len() - 1);
        }
        self.keys[i] = key;
        self.tags[i] = tags;
    }

    #[inline(always)]
    fn get(&self, key: K, mixed: u64) -> Tags {
        let mut i = self.slot(mixed);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.tags[i];
            }
            if k == K::default() {
                return Tags::default();
            }
            i = (i + 1) & (self.keys.len() - 1);
        }
    }

    #[inline(always)]
    fn slot(&self, mixed: u64) -> usize {
        (mixed >> (64 - self.bits)) as usize
    }
}

/// A word of up to sixteen bytes as two integers, its bytes in order, zero
/// after its end. Loads that overlap, rather than a copy into a buffer,
/// which the load of the whole buffer would wait on.
#[inline]
fn pack(word: &[u8]) -> (u64, u64) {
    let n = word.len();
    match n {
        0 => (0, 0),
        1..=3 => (
            u64::from(word[0])
                | u64::from(word[n / 2]) << (8 * (n / 2))
                | u64::from(word[n - 1]) << (8 * (n - 1)),
            0,
        ),
        4..=7 => {
            let (first, last) = (le32(&word[..4]), le32(&word[n - 4..]));
            (first | last << (8 * (n - 4)), 0)
        }
        8 => (le64(&word[..8]), 0),
        _ => (le64(&word[..8]), le64(&word[n - 8..]) >> (8 * (PACKED - n))),
    }
}

/// The integer of four bytes, first byte lowest.
#[inline]
fn le32(bytes: &[u8]) -> u64 {
    let mut b = [0; 4];
    b.copy_from_slice(bytes);
    u64::from(u32::from_le_bytes(b))
}

/// The integer of eight bytes, first byte lowest.
#[inline]
fn le64(bytes: &[u8]) -> u64 {
    let mut b = [0; 8];
    b.copy_from_slice(bytes);
    u64::from_le_bytes(b)
}

/// A packed word's bits spread over the high bits, which pick its slot.
#[inline(always)]
fn mix(low: u64, high: u64) -> u64 {
    (low ^ high.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::new);

static TAGS: LazyLock<Map<&'static str, Tags>> = LazyLock::new(|| {
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
    tag(&mut NOMINATIVE.iter().copied(), Tags::NOMINATIVE);
    tag(&mut TELL_VERBS.iter().copied(), Tags::TELL_VERB);
    tag(&mut ["according"].into_iter(), Tags::ACCORDING);
    map
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_holds_every_word() {
        for (w, &tags) in TAGS.iter() {
            assert_eq!(Table::get().tags(w), tags, "{w}");
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
        ] {
            let t = Table::get().tags(w);
            assert_eq!(t, TAGS.get(w).copied().unwrap_or_default(), "{w}");
            if w.len() <= PACKED {
                let mut bytes = [0; 16];
                bytes[..w.len()].copy_from_slice(w.as_bytes());
                let low = u64::from_le_bytes(bytes[..8].try_into().unwrap());
                let high = u64::from_le_bytes(bytes[8..].try_into().unwrap());
                assert_eq!(pack(w.as_bytes()), (low, high), "{w}");
            }
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
            assert_eq!(t.any(Tags::DETERMINER), DETERMINERS.contains(&w), "{w}");
            assert_eq!(t.any(Tags::NOMINATIVE), NOMINATIVE.contains(&w), "{w}");
            assert_eq!(t.any(Tags::TELL_VERB), TELL_VERBS.contains(&w), "{w}");
        }
    }
}
