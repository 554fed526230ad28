//! Invariants of the whole pipeline over arbitrary and news-like text.
//!
//! For every input, `Extractor::analyze`:
//!
//! - does not panic;
//! - returns spans on char boundaries inside the text, each slicing the text
//!   to the snippet it carries. No span is empty: mentions, speakers and
//!   cues always hold a char, and a quotation or claim content holds at
//!   least one char between its marks (`“”` is not a quotation); the text
//!   stage's own properties are in `text_props.rs`;
//! - gives mentions that never overlap, across all entities;
//! - gives claims whose `speaker_entity` is an index into `entities`;
//! - is deterministic, and `analyze_batch` gives the same results on one
//!   thread and on several.

use std::sync::LazyLock;

use proptest::prelude::*;
use sayso::{Analysis, Extractor, Span};

/// Built once per test process: the default gazetteers take a second or two.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start < span.end, "empty or reversed {what} {span:?}");
    prop_assert!(span.end <= text.len(), "{what} {span:?} past the end");
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} off a char boundary"
    );
    Ok(())
}

fn check_snippet(text: &str, span: Span, snippet: &str, what: &str) -> Result<(), TestCaseError> {
    check_span(text, span, what)?;
    prop_assert_eq!(&text[span.range()], snippet, "{} {:?}", what, span);
    Ok(())
}

fn check_analysis(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    for q in &a.quotes {
        check_snippet(text, q.span, &q.text, "quote")?;
    }
    let mut mentions = Vec::new();
    for (i, e) in a.entities.iter().enumerate() {
        prop_assert_eq!(e.id.index(), i);
        prop_assert!(!e.mentions.is_empty(), "entity {} without mentions", i);
        for m in &e.mentions {
            check_snippet(text, m.span, &m.text, "mention")?;
            mentions.push(m.span);
        }
    }
    mentions.sort_by_key(|s| (s.start, s.end));
    for pair in mentions.windows(2) {
        prop_assert!(
            pair[0].end <= pair[1].start,
            "mentions {:?} and {:?} overlap",
            pair[0],
            pair[1]
        );
    }
    for c in &a.claims {
        check_snippet(text, c.content.span, &c.content.text, "claim content")?;
        if let Some(s) = &c.speaker {
            check_snippet(text, s.span, &s.text, "speaker")?;
        }
        if let Some(cue) = &c.cue {
            check_snippet(text, cue.span, &cue.text, "cue")?;
        }
        if let Some(id) = c.speaker_entity {
            prop_assert!(
                id.index() < a.entities.len(),
                "speaker_entity {:?} of {} entities",
                id,
                a.entities.len()
            );
        }
        prop_assert!((0.0..=1.0).contains(&c.confidence), "{}", c.confidence);
    }
    Ok(())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let a = EXTRACTOR.analyze(text);
    check_analysis(text, &a)?;
    prop_assert_eq!(&a, &EXTRACTOR.analyze(text), "not deterministic");
    Ok(())
}

/// Runs `analyze_batch` on a pool of its own with `threads` threads.
fn batch(texts: &[String], threads: usize) -> Vec<Analysis> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(|| EXTRACTOR.analyze_batch(texts))
}

/// Pieces of news text: names, titles, cues, every style of quotation mark
/// (so unbalanced ones come up often), apostrophes, abbreviations, line
/// breaks and non-ASCII.
fn news() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Vyacheslav Gladkov",
        "Gladkov",
        "Gladkow",
        "Anna Kovač",
        "Tomasz Wójcik",
        "Mr. Smith",
        "Dr. Jane O’Neil",
        "Mayor",
        "Gov.",
        "President",
        "the governor",
        "Ukraine",
        "Kyiv",
        "Belgorod",
        "the Freedom of Russia Legion",
        "NATO",
        "U.S.",
        "he",
        "she",
        "they",
        "said",
        "told reporters",
        "added",
        "according to",
        "denied",
        "said that",
        "warned",
        "on Sunday",
        "the",
        "was",
        "over",
        "10",
        "3.5",
        "p.m.",
        "(AP)",
        "KYIV —",
        " ",
        " ",
        " ",
        " ",
        ", ",
        ". ",
        ".",
        "?",
        "!",
        "…",
        ":",
        "—",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "‚",
        "‹",
        "›",
        "「",
        "」",
        "``",
        "''",
        "don't",
        "Russia’s",
        "’90s",
        "\n",
        "\n\n",
        "\r\n",
        "\u{A0}",
        "\u{FEFF}",
        "\u{200D}",
        "\0",
        "Київ",
        "قال",
        "北京",
        "👩🏽‍🔬",
        "e\u{301}",
        // Chars the gazetteer view folds, some to strings of their own
        // length ("æ" to "ae") or whose case changes length ("İ", "ẞ").
        "Læ",
        "Æsir",
        "Straße",
        "ŒUVRE",
        "ﬁ",
        "İstanbul",
        "KØBENHAVN",
        "ǅ",
        "ı",
        "\u{AD}",
        "Łódź",
        "ẞ",
        "MILITANTS ATTACK BORDER REGION",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn news_like_strings(text in news()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_bytes_made_lossy(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }
}

proptest! {
    // Texts past 64 KB, analysed in windows; each case is long, so few.
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn texts_longer_than_one_window(pieces in prop::collection::vec(news(), 1..8), size in 65_000usize..140_000) {
        let unit = pieces.concat();
        prop_assume!(!unit.is_empty());
        let text = unit.repeat(size / unit.len() + 1);
        check(&text)?;
    }
}

proptest! {
    // Each case builds two thread pools; fewer cases keep it quick.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn batches_agree_across_thread_counts(texts in prop::collection::vec(news(), 0..12)) {
        let one = batch(&texts, 1);
        prop_assert_eq!(one.len(), texts.len());
        for (text, a) in texts.iter().zip(&one) {
            prop_assert_eq!(a, &EXTRACTOR.analyze(text));
        }
        prop_assert_eq!(&one, &batch(&texts, 4));
    }
}
