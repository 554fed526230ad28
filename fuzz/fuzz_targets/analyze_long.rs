//! `Extractor::analyze` on arbitrary text repeated past 64 KB, so that it is
//! analysed in windows and the windows' analyses are joined: the same checks
//! as `analyze`, on the cuts and the join.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::Extractor;

#[path = "../../tests/common/soundness.rs"]
mod soundness;

/// Past the longest text analysed whole (64 KB), by a margin that varies
/// with the input's length so cuts land anywhere in it.
const LONG: usize = 70 * 1024;

fuzz_target!(
    init: {
        Extractor::new().analyze("");
    },
    |data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if text.is_empty() {
        return;
    }
    let long = text.repeat(LONG / text.len() + 1);
    let analysis = Extractor::new().analyze(&long);
    soundness::assert_sound(&long, &analysis);
}
);
