//! The text stage through the public API: tokens, sentences, paragraphs.

use sayso::{Analysis, Extractor, Spacing, TokenKind};

fn analyze(text: &str) -> Analysis {
    Extractor::builder()
        .default_gazetteer(false)
        .build()
        .unwrap()
        .analyze(text)
}

fn sentences(text: &str) -> Vec<&str> {
    analyze(text)
        .sentences
        .iter()
        .map(|s| &text[s.span])
        .collect()
}

/// The acceptance article, when `../shared` is there: prints its sentences
/// for reading (`cargo test --test text -- --ignored --nocapture`).
#[test]
#[ignore]
fn belgorod_sentences() {
    let Ok(text) = std::fs::read_to_string("../../shared/examples/belgorod.txt")
        .or_else(|_| std::fs::read_to_string("../shared/examples/belgorod.txt"))
    else {
        return;
    };
    let a = analyze(&text);
    for p in &a.paragraphs {
        println!("--- paragraph{}", if p.is_title { " (title)" } else { "" });
        for s in &a.sentences[p.sentences.clone()] {
            println!("  [{}]", &text[s.span.range()]);
        }
    }
}
