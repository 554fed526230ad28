//! Word lists the stages share, parsed from the files in `lexicons/`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Parses a lexicon: `#` comments, blank lines skipped; a line
/// `lemma: form form ...` contributes the lemma and every form, any other
/// line contributes its words.
pub(crate) fn parse_words(src: &'static str) -> HashSet<&'static str> {
    src.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(|line| line.split(|c: char| c == ':' || c.is_whitespace()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every form of every speech verb.
pub(crate) static SPEECH_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/speech_verbs.txt")));

/// Parses a lexicon of classes: each line `class: word word ...` maps every
/// word to its class.
pub(crate) fn parse_classes(src: &'static str) -> HashMap<&'static str, &'static str> {
    let mut map = HashMap::new();
    for line in src.lines() {
        let line = line.split('#').next().unwrap_or("");
        if let Some((class, words)) = line.split_once(':') {
            for word in words.split_whitespace() {
                map.insert(word, class.trim());
            }
        }
    }
    map
}

/// Pronouns by class: male, female, neuter, plural, first, second.
pub(crate) static PRONOUNS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| parse_classes(include_str!("../lexicons/pronouns.txt")));

/// Nouns and titles that make a description a person.
pub(crate) static SPEAKER_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/speaker_nouns.txt")));

/// Speech cues of several words, one phrase a line.
pub(crate) static CUE_PHRASES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../lexicons/cue_phrases.txt")
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .collect()
});

/// Speech verbs that attribute quotations but report no clause.
pub(crate) static QUOTE_ONLY_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/quote_only_verbs.txt")));

/// Words a subject does not reach back over.
pub(crate) static SUBJECT_BOUNDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/subject_bounds.txt")));

/// Auxiliaries and adverbs between a speaker and its speech verb.
pub(crate) static CUE_MODIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/cue_modifiers.txt")));

/// Words that close an adjunct after a speech verb.
pub(crate) static SPEECH_ADJUNCTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/speech_adjuncts.txt")));

/// Prepositions that open an adjunct after a speech verb.
pub(crate) static ADJUNCT_PREPOSITIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/adjunct_prepositions.txt")));

/// Verbs of belief, intention and finding that cue claims as speech verbs
/// do.
pub(crate) static ATTRIBUTION_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/attribution_verbs.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_have_all_forms() {
        for w in ["say", "said", "says", "claimed", "denies", "told"] {
            assert!(SPEECH_VERBS.contains(w), "{w}");
        }
        assert!(!SPEECH_VERBS.contains("say:"));
        assert!(!SPEECH_VERBS.contains("Speech"));
    }
}
