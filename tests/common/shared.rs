//! The acceptance article lives outside the repository, in `../shared`
//! beside the checkout (or `$SAYSO_SHARED`); its gold counts code points.

use std::path::PathBuf;

/// The directory holding `examples/belgorod.txt` and its gold, if present.
pub fn dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("SAYSO_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([manifest.join("../shared")])
        .find(|p| p.join("examples/belgorod.gold.json").is_file())
}

/// The byte offset of every code point offset of `text` (and of its end).
pub fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}
