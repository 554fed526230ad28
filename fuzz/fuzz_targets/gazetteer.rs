//! Gazetteer TSV from arbitrary bytes: building it must return `Ok` or
//! `Err`, never panic, and an extractor built from an accepted one must
//! analyse text without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::{Extractor, Gazetteer};

/// A short news-like text in the shapes the entity and claim stages look at.
const TEXT: &str = "“We will rebuild,” Mayor Anna Kovac said in Kyiv on Monday. \
    Acme Corp denied it. The governor, Gladkov, said that a b c was over.\n\n\
    'Nothing,' she added.";

fuzz_target!(|data: &[u8]| {
    let tsv = String::from_utf8_lossy(data).into_owned();
    if Gazetteer::builder()
        .add_tsv("fuzz", tsv.clone())
        .build()
        .is_err()
    {
        return;
    }
    let extractor = Extractor::builder()
        .default_gazetteer(false)
        .add_gazetteer_tsv("fuzz", tsv)
        .build()
        .expect("the extractor accepts every gazetteer the gazetteer builder accepts");
    // The fixed text, then the first entries' own names in a speech frame,
    // so that odd names (punctuation, marks, one letter) reach the matcher
    // and the stages after it.
    let mut text = TEXT.to_string();
    for entry in extractor.gazetteer().entries().take(4) {
        for name in entry.names().take(2) {
            text.push_str(&format!("\n“{name} said it,” {name} said. "));
        }
    }
    let analysis = extractor.analyze(&text);
    for mention in analysis.entities.iter().flat_map(|e| &e.mentions) {
        assert_eq!(&text[mention.span], mention.text);
    }
});
