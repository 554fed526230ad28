//! Word lists the stages share, parsed from the files in `lexicons/`.

use std::collections::HashSet;
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
