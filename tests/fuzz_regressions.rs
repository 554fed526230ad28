//! Inputs the fuzzers (`fuzz/`) once crashed on, replayed by `cargo test`.
//!
//! Each file in `tests/fuzz_regressions/` is named `TARGET-what.EXT`, after
//! the fuzz target that found it; its bytes go through the same checks as
//! in that target.

use std::path::Path;

use sayso::Extractor;

#[path = "common/soundness.rs"]
mod soundness;
use soundness::assert_sound;

fn analyze(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    assert_sound(&text, &Extractor::new().analyze(&text));
}

/// Runs every stored input whose name starts with `target`.
fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap();
        if name.starts_with(&format!("{target}-")) {
            let data = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| run(&data));
            assert!(result.is_ok(), "{name} fails again");
            n += 1;
        }
    }
    assert!(n > 0, "no {target} inputs found");
}

/// Every input a fuzzer crashed `analyze` with, among them the span whose
/// start lay after its end in `attribution::cues::clause`.
#[test]
fn analyze_inputs() {
    replay("analyze", analyze);
}
