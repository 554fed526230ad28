//! `Extractor::analyze` on arbitrary text: it must never panic, and every
//! span it returns must slice the text to the snippet it claims.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::Extractor;

#[path = "../../tests/common/soundness.rs"]
mod soundness;

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
    soundness::assert_sound(text, &analysis);
}
