//! `Extractor::analyze` on arbitrary text: it must never panic, and every
//! span it returns must slice the text to the snippet it claims.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::{Analysis, Extractor};

fuzz_target!(
    // The default extractor builds its embedded gazetteers once per process
    // (seconds, under the sanitizer); doing it here keeps that out of the
    // first input's time, which libFuzzer would report as a timeout.
    init: {
        Extractor::new().analyze("");
    },
    |data: &[u8]| {
    // Valid UTF-8 reaches the pipeline as is; invalid input still gets a
    // run, after the replacement a lossy reader would make.
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    } else {
        check(&String::from_utf8_lossy(data));
    }
}
);

fn check(text: &str) {
    // `Extractor::new` clones the one shared default extractor.
    let analysis = Extractor::new().analyze(text);
    assert_spans(text, &analysis);
}

fn assert_spans(text: &str, a: &Analysis) {
    let snippets =
        a.entities
            .iter()
            .flat_map(|e| e.mentions.iter())
            .chain(a.claims.iter().flat_map(|c| {
                std::iter::once(&c.content)
                    .chain(c.speaker.as_ref())
                    .chain(c.cue.as_ref())
            }));
    for s in snippets {
        assert_eq!(text.get(s.span.range()), Some(s.text.as_str()), "{s:?}");
    }
    for q in &a.quotes {
        assert_eq!(text.get(q.span.range()), Some(q.text.as_str()), "{q:?}");
    }
    let layout = a
        .tokens
        .iter()
        .map(|t| t.span)
        .chain(a.sentences.iter().map(|s| s.span))
        .chain(a.paragraphs.iter().map(|p| p.span));
    for span in layout {
        assert!(span.start < span.end, "{span:?}");
        assert!(text.get(span.range()).is_some(), "{span:?}");
    }
    for claim in &a.claims {
        if let Some(id) = claim.speaker_entity {
            assert!(id.index() < a.entities.len(), "{claim:?}");
        }
    }
}
