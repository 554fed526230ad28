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
    /// The longest abbreviation, in bytes: longer words need no lookup.
    pub(super) abbreviation_len: usize,
    pub(super) elisions: Set<&'static str>,
    pub(super) starters: Set<&'static str>,
}

impl Words {
    pub(super) fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        if word.len() > self.abbreviation_len {
            return None;
        }
        self.abbreviations.get(word).copied()
    }
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
    Words {
        abbreviation_len: abbreviations.keys().map(|w| w.len()).max().unwrap_or(0),
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
        for line in include_str!("../../lexicons/abbreviations.txt").lines() {
            if let Some((class, _)) = line.split('#').next().unwrap_or("").split_once(':') {
                let known = ["title", "any", "number", "elision"];
                assert!(known.contains(&class.trim()), "unknown class in {line:?}");
            }
        }
    }
}
