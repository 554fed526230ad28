//! The word lists the text stage reads, parsed once from `lexicons/`.

use crate::hash::{Map, Set};
use std::sync::LazyLock;

/// How an abbreviation's period bears on sentence ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Before a name ("Gov.", "Lt."): never ends a sentence.
    Title,
    /// May end a sentence ("Inc.", "Jan."); the next word decides.
    Any,
    /// An abbreviation only before a number ("No. 10").
    Number,
}

pub(super) struct Words {
    pub(super) abbreviations: Map<&'static str, Abbrev>,
    /// For each first byte, bit `n` is set when an abbreviation of `n` bytes
    /// (63 or more for bit 63) starts with it: nearly every word before a
    /// period is ruled out by this one load, without hashing.
    abbreviation_shapes: [u64; 256],
    pub(super) elisions: Set<&'static str>,
    pub(super) starters: Set<&'static str>,
}

impl Words {
    #[inline]
    pub(super) fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        if !self.may_be_abbreviation(word.as_bytes()) {
            return None;
        }
        self.abbreviations.get(word).copied()
    }

    /// Whether `word` has the first byte and length of an abbreviation: if
    /// not, [`Words::abbreviation`] has it not, and no hash says so.
    #[inline]
    pub(super) fn may_be_abbreviation(&self, word: &[u8]) -> bool {
        word.first().is_some_and(|&first| {
            self.abbreviation_shapes[usize::from(first)] & shape_bit(word) != 0
        })
    }
}

/// The bit of a word's length in [`Words::abbreviation_shapes`].
fn shape_bit(word: &[u8]) -> u64 {
    1 << word.len().min(63)
}

pub(super) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut abbreviations = Map::default();
    let mut elisions = Set::default();
    for line in include_str!("../../lexicons/abbreviations.txt").lines() {
        let line = line.split('#').next().unwrap_or("");
        let Some((class, words)) = line.split_once(':') else {
            continue;
        };
        // An unknown class is skipped rather than guessed at; the test below
        // checks that every class in the file is known.
        let class = match class.trim() {
            "title" => Some(Abbrev::Title),
            "any" => Some(Abbrev::Any),
            "number" => Some(Abbrev::Number),
            "elision" => None,
            _ => continue,
        };
        for word in words.split_whitespace() {
            match class {
                Some(class) => {
                    abbreviations.insert(word, class);
                }
                None => {
                    elisions.insert(word);
                }
            }
        }
    }
    let mut abbreviation_shapes = [0; 256];
    for word in abbreviations.keys() {
        if let Some(&first) = word.as_bytes().first() {
            abbreviation_shapes[usize::from(first)] |= shape_bit(word.as_bytes());
        }
    }
    Words {
        abbreviation_shapes,
        abbreviations,
        elisions,
        starters: crate::lexicon::parse_words(include_str!("../../lexicons/sentence_starters.txt"))
            .into_iter()
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_parse_into_their_classes() {
        let w = &*WORDS;
        assert_eq!(w.abbreviations.get("Gov"), Some(&Abbrev::Title));
        assert_eq!(w.abbreviations.get("Jan"), Some(&Abbrev::Any));
        assert_eq!(w.abbreviations.get("No"), Some(&Abbrev::Number));
        assert_eq!(w.abbreviations.get("gov"), None);
        assert!(w.elisions.contains("em") && w.elisions.contains("n"));
        assert!(!w.elisions.contains("Mr"));
        assert!(w.starters.contains("The") && !w.starters.contains("the"));
        for (word, &class) in &w.abbreviations {
            assert_eq!(w.abbreviation(word), Some(class), "{word}");
        }
        assert_eq!(w.abbreviation("Sunday"), None);
        assert_eq!(w.abbreviation("said"), None);
        assert_eq!(w.abbreviation(""), None);
        assert!(!w.may_be_abbreviation(b"said") && w.may_be_abbreviation(b"Gov"));
        for line in include_str!("../../lexicons/abbreviations.txt").lines() {
            if let Some((class, _)) = line.split('#').next().unwrap_or("").split_once(':') {
                let known = ["title", "any", "number", "elision"];
                assert!(known.contains(&class.trim()), "unknown class in {line:?}");
            }
        }
    }
}
