//! The benchmark corpus: PolNeAR's news text when `../shared/data/polnear` is
//! there (never committed: it is licensed for research only), else a news-like
//! corpus generated here, deterministically, with known counts.

use std::path::PathBuf;

pub struct Corpus {
    pub name: &'static str,
    pub docs: Vec<String>,
    /// For the generated corpus: how many sentences and quotations it holds.
    pub known: Option<Known>,
}

#[derive(Clone, Copy, Debug)]
pub struct Known {
    pub sentences: usize,
    pub quotes: usize,
}

impl Corpus {
    pub fn bytes(&self) -> usize {
        self.docs.iter().map(String::len).sum()
    }

    pub fn joined(&self) -> String {
        self.docs.join("\n\n")
    }
}

fn shared_dir() -> PathBuf {
    std::env::var_os("SAYSO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// PolNeAR's training and development articles, if present, else the
/// generated corpus of about `generated_bytes`.
pub fn news(generated_bytes: usize) -> Corpus {
    let polnear = shared_dir().join("data/polnear");
    let mut paths = Vec::new();
    for split in ["train", "dev"] {
        if let Ok(dir) = std::fs::read_dir(polnear.join(split).join("text")) {
            paths.extend(dir.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    paths.sort();
    let docs: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if docs.is_empty() {
        generated(generated_bytes)
    } else {
        Corpus {
            name: "polnear",
            docs,
            known: None,
        }
    }
}

const PEOPLE: &[&str] = &[
    "Vyacheslav Gladkov",
    "Maria Ostrova",
    "Jean-Luc Moreau",
    "Aisha Bello",
    "Tomasz Nowak",
    "Erdoğan",
    "Olena Kovalenko",
    "Sergei Ivanov",
];
const PLACES: &[&str] = &["Belgorod", "Kyiv", "Moscow", "Lagos", "Kraków", "São Paulo"];
const GROUPS: &[&str] = &[
    "the Russian Volunteer Corps",
    "the Ministry of Defence",
    "the Green Party",
    "Reuters",
];
const VERBS: &[&str] = &["said", "told reporters", "claimed", "warned", "added"];
const CLAUSES: &[&str] = &[
    "the talks would resume on Monday",
    "shelling had damaged two schools near the border",
    "the budget was approved by 5 to 3",
    "prices rose 3.5 per cent in January",
    "nobody had been arrested",
];

/// Deterministic news-like text: paragraphs of indirect speech, quotations
/// and plain report sentences, each sentence counted as it is written.
pub fn generated(bytes: usize) -> Corpus {
    let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
    let mut docs = Vec::new();
    let mut total = 0;
    let (mut sentences, mut quotes) = (0, 0);
    while total < bytes {
        let mut doc = String::new();
        for p in 0..6 {
            if p > 0 {
                doc.push_str("\n\n");
            }
            let person = PEOPLE[next(PEOPLE.len())];
            let place = PLACES[next(PLACES.len())];
            let group = GROUPS[next(GROUPS.len())];
            let verb = VERBS[next(VERBS.len())];
            let clause = CLAUSES[next(CLAUSES.len())];
            match next(3) {
                0 => {
                    doc.push_str(&format!(
                        "{person} {verb} on Sunday that {clause}. Officials in {place} did not comment."
                    ));
                    sentences += 2;
                }
                1 => {
                    let mut quoted = clause.to_string();
                    quoted[..1].make_ascii_uppercase();
                    doc.push_str(&format!(
                        "“We will not leave {place},” said {person}. “{quoted}.”"
                    ));
                    sentences += 2;
                    quotes += 2;
                }
                _ => {
                    doc.push_str(&format!(
                        "According to {group}, {clause}. The U.S. embassy in {place} opened at 9 a.m. on Jan. 5."
                    ));
                    sentences += 2;
                }
            }
        }
        total += doc.len();
        docs.push(doc);
    }
    Corpus {
        name: "generated",
        docs,
        known: Some(Known { sentences, quotes }),
    }
}

/// A gazetteer of `entries` made-up place names in the TSV format: one to
/// three capitalised words from a syllable table, so names share prefixes the
/// way real ones do, plus the names of the generated corpus.
pub fn synthetic_gazetteer(entries: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "ro", "mi", "ta", "ne", "vo", "li", "sa", "du", "be", "go", "ra", "ki", "po", "zel",
        "mar", "ost", "ban", "dor", "lev",
    ];
    let mut next = xorshift(0x2545_F491_4F6C_DD1D);
    let mut tsv = String::new();
    for (names, kind) in [(PEOPLE, "person"), (PLACES, "place")] {
        for name in names {
            tsv.push_str(&format!("bench:{name}\t{name}\t{kind}\t\t\t\t\t\t\n"));
        }
    }
    for i in 0..entries {
        let mut name = String::new();
        for w in 0..1 + next(3) {
            if w > 0 {
                name.push(' ');
            }
            let mut word = String::new();
            for _ in 0..2 + next(2) {
                word.push_str(SYLLABLES[next(SYLLABLES.len())]);
            }
            let mut chars = word.chars();
            let first = chars.next().unwrap().to_ascii_uppercase();
            name.push(first);
            name.extend(chars);
        }
        tsv.push_str(&format!(
            "syn:{i}\t{name}\tplace\ttown\t\tXX\t{}\t\t\n",
            10_000 + next(90_000)
        ));
    }
    tsv
}

/// A seeded xorshift generator of numbers below `n`: the corpora must be the
/// same on every machine and run.
fn xorshift(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}
