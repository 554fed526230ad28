//! Properties of the text stage over arbitrary and news-like strings.
//!
//! The whitespace rule: a char is whitespace for the text stage when
//! `char::is_whitespace` says so, or it is the byte order mark (U+FEFF) or
//! the zero-width space (U+200B). Every other char lies inside exactly one
//! token, and no token holds a whitespace char.

use proptest::prelude::*;
use sayso::{Layout, Spacing};

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let a = Layout::new(text);
    let tokens = &a.tokens;

    // Tokens: valid, ordered, non-overlapping, whitespace-free, covering.
    let mut covered = vec![false; text.len()];
    let mut prev_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        let s = t.span;
        prop_assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert!(prev_end <= s.start, "overlap at {s:?}");
        prop_assert!(!text[s.range()].chars().any(is_space), "space in {s:?}");
        let next = tokens.get(i + 1).map_or(text.len(), |t| t.span.start);
        let gap = &text[s.end..next];
        let expected = if gap.contains([
            '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
        ]) {
            Spacing::LineBreak
        } else if gap.chars().any(|c| c != '\u{FEFF}' && c != '\u{200B}') {
            Spacing::Space
        } else {
            Spacing::None
        };
        prop_assert_eq!(t.space_after, expected, "after {:?}", s);
        covered[s.range()].iter_mut().for_each(|c| *c = true);
        prev_end = s.end;
    }
    for (i, c) in text.char_indices() {
        prop_assert!(
            is_space(c) || covered[i],
            "{c:?} at {i} outside every token"
        );
    }

    // Sentences: they partition the tokens, in order, spans matching.
    let mut next_token = 0;
    for s in &a.sentences {
        prop_assert_eq!(s.tokens.start, next_token);
        prop_assert!(s.tokens.start < s.tokens.end && s.tokens.end <= tokens.len());
        prop_assert_eq!(s.span.start, tokens[s.tokens.start].span.start);
        prop_assert_eq!(s.span.end, tokens[s.tokens.end - 1].span.end);
        next_token = s.tokens.end;
    }
    prop_assert_eq!(next_token, tokens.len());

    // Paragraphs: they partition the sentences, in order, spans matching.
    let mut next_sentence = 0;
    for p in &a.paragraphs {
        prop_assert_eq!(p.sentences.start, next_sentence);
        prop_assert!(p.sentences.start < p.sentences.end && p.sentences.end <= a.sentences.len());
        let first = &a.sentences[p.sentences.start];
        let last = &a.sentences[p.sentences.end - 1];
        prop_assert_eq!(p.span.start, first.span.start);
        prop_assert_eq!(p.span.end, last.span.end);
        next_sentence = p.sentences.end;
    }
    prop_assert_eq!(next_sentence, a.sentences.len());

    // Deterministic.
    let b = Layout::new(text);
    prop_assert_eq!(&a.tokens, &b.tokens);
    prop_assert_eq!(&a.sentences, &b.sentences);
    prop_assert_eq!(&a.paragraphs, &b.paragraphs);
    Ok(())
}

/// Pieces of news text and of the characters that trip tokenizers up.
fn news() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Gladkov",
        "said",
        "the",
        "U.S.",
        "p.m.",
        "Gov.",
        "No.",
        "10",
        "3.5",
        "1,000",
        "Russia’s",
        "they’re",
        "don't",
        "soldiers’",
        "’90s",
        "’n’",
        "'",
        "’",
        "‘",
        "“",
        "”",
        "\"",
        "``",
        "''",
        "«",
        "»",
        ".",
        "...",
        "…",
        "?",
        "!",
        ",",
        ";",
        ":",
        "–",
        "—",
        "-",
        "(",
        ")",
        "[",
        "]",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u{A0}",
        "\u{FEFF}",
        "\u{200B}",
        "\u{200D}",
        "\u{200C}",
        "\u{2060}",
        "\u{AD}",
        "\0",
        "\u{2029}",
        "👍🏽",
        "🇺🇦",
        "Київ",
        "قال",
        "é",
        "\u{301}",
        "KYIV",
        "(AP)",
        "Mr.",
        "J.",
        "a.m.",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn news_like_strings(text in news()) {
        check(&text)?;
    }

    #[test]
    fn ascii_strings(text in "[ -~\n\r\t]{0,200}") {
        check(&text)?;
    }
}

#[test]
fn long_inputs_are_handled() {
    for piece in [
        "a", "ж", ".", "’", "\"", "1,", "a.", "\u{200D}", "👍🏽", "A.\n", "“",
    ] {
        let text = piece.repeat((1 << 20) / piece.len());
        check(&text).unwrap();
    }
}
