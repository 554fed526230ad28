//! Compiles the names of the embedded gazetteers into the matcher's
//! transducer, so that the default extractor loads it ready-made: compiling
//! a quarter of a million entries' names took most of a second at every
//! start.
//!
//! Writes to `OUT_DIR`:
//! - `names.trie`, `names.lists` and `names.follows`: see
//!   `src/gazetteer/compile.rs`;
//! - `entries.offsets`: where each entry's line starts, as a little-endian
//!   `u32` offset into the embedded files read one after another, so that an
//!   entry is parsed only when it is first asked for;
//! - `entries.profiles`: each entry's profile byte, see
//!   `src/gazetteer/profile.rs`.
//!
//! Only the columns the matcher needs are read here; a test checks that the
//! output equals what the library compiles from the fully parsed entries.

use std::collections::HashSet;
use std::path::Path;

#[path = "src/gazetteer/compile.rs"]
mod compile;
#[path = "src/gazetteer/fold.rs"]
mod fold;
#[path = "src/gazetteer/profile.rs"]
mod profile;

/// In the order `src/gazetteer/mod.rs` embeds them.
const GAZETTEERS: [&str; 3] = [
    "gazetteers/people.tsv",
    "gazetteers/groups.tsv",
    "gazetteers/places.tsv",
];

const COMMON_WORDS: &str = "lexicons/common_words.txt";

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&root);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    for path in GAZETTEERS.iter().chain([&COMMON_WORDS]) {
        println!("cargo::rerun-if-changed={path}");
    }
    println!("cargo::rerun-if-changed=src/gazetteer/compile.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/fold.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/profile.rs");

    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let common = read(COMMON_WORDS);
    let common: HashSet<&str> = common_words(&common);

    let mut traits = Vec::new();
    let mut names = Vec::new();
    let mut offsets = Vec::new();
    let mut profiles = Vec::new();
    let mut base = 0;
    for path in GAZETTEERS {
        let text = read(path);
        let mut start = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let at = start;
            start += line.len();
            let line = line.strip_suffix('\n').unwrap_or(line);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let (at, line) = match line.strip_prefix('\u{feff}') {
                Some(rest) if i == 0 => (at + '\u{feff}'.len_utf8(), rest),
                _ => (at, line),
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 9, "{path}:{}: expected 9 columns", i + 1);
            let id = u32::try_from(traits.len()).expect("fewer than 2^31 entries");
            let entry_names = std::iter::once(fields[1].trim()).chain(
                fields[4]
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty()),
            );
            let nocase = fields[8].split(',').any(|f| f.trim() == "nocase");
            names.extend(
                compile::forms(entry_names, nocase)
                    .into_iter()
                    .map(|n| (n, id)),
            );
            let prominence = match fields[6].trim() {
                "" => 0,
                n => n
                    .parse()
                    .unwrap_or_else(|_| panic!("{path}:{}: bad prominence", i + 1)),
            };
            traits.push(compile::Traits {
                curated: fields[0].trim().starts_with("curated:"),
                place: fields[2] == "place",
                prominence,
            });
            let profile =
                profile::Profile::new(fields[2], fields[3].trim(), prominence, fields[7].trim());
            profiles.push(profile.0);
            let offset = u32::try_from(base + at).expect("the gazetteers are under 4 GiB");
            offsets.extend(offset.to_le_bytes());
        }
        base += text.len();
    }

    let compiled = compile::compile(
        &names,
        0,
        |_| None,
        |id| traits[id as usize],
        |word| common.contains(word),
    )
    .expect("the embedded gazetteers fit");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    write("names.trie", &compiled.trie);
    write("names.lists", &compiled.lists);
    write("names.follows", &compiled.follows);
    write("entries.offsets", &offsets);
    write("entries.profiles", &profiles);
}

/// As `lexicon::parse_words` reads a lexicon.
fn common_words(src: &str) -> HashSet<&str> {
    src.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(|line| line.split(|c: char| c == ':' || c.is_whitespace()))
        .filter(|w| !w.is_empty())
        .collect()
}
