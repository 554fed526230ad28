//! Hostile documents, generated here: huge, repetitive, unbalanced, control
//! characters, scripts other than Latin, punctuation only.
//!
//! `cargo test` runs every kind at a small size and checks the analysis is
//! sound. The measurements are `#[ignore]`d and meant for a release build:
//!
//! ```text
//! cargo test --release --test adversarial -- --ignored --nocapture
//! ```
//!
//! For each kind they time `analyze` on 1 MB and on 8 MB and require the
//! time per MB at 8 MB to be at most 3 times that at 1 MB (linear time, with
//! room for noise and caches), and the peak memory while analysing to stay
//! under 10 times the input. Memory is the growth of the process's peak
//! resident set (`VmHWM`, reset through `/proc/self/clear_refs`), so those
//! tests must run alone in their process, which `--ignored` ensures here.

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use sayso::{Analysis, Extractor};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

const MB: usize = 1 << 20;

/// Repeats `unit` until the text is at least `size` bytes long.
fn repeat(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len()))
}

/// The quotation marks of Unicode: the initial and final punctuation
/// classes, the ASCII and CJK marks, and the low-9 and angle marks.
const QUOTATION_MARKS: &[char] = &[
    '"', '\'', '«', '»', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '‹', '›', '⸂', '⸃', '⸄', '⸅', '⸉',
    '⸊', '⸌', '⸍', '⸜', '⸝', '⸠', '⸡', '「', '」', '『', '』', '〝', '〞', '〟', '＂', '＇', '｢',
    '｣', '❛', '❜', '❝', '❞', '❮', '❯', '〈', '〉', '《', '》', '`', '´',
];

struct Kind {
    name: &'static str,
    make: fn(usize) -> String,
}

const KINDS: &[Kind] = &[
    Kind {
        name: "news",
        make: |n| {
            repeat(
                "KYIV (AP) — “We had pumps running all night,” Mayor Tomasz Wójcik \
                 said on Sunday. The governor of the Belgorod region, Vyacheslav \
                 Gladkov, said that clashes had broken out again. ‘It is over,’ \
                 she added, according to Reuters.\n\n",
                n,
            )
        },
    },
    Kind {
        name: "straight double quotes",
        make: |n| "\"".repeat(n),
    },
    Kind {
        name: "curly quotes, unbalanced",
        make: |n| repeat("“ Gladkov “said ” ", n),
    },
    Kind {
        name: "one word without spaces",
        make: |n| repeat("Gladkovsaidthatitwasover", n),
    },
    Kind {
        name: "capitalised words",
        make: |n| repeat("Gladkov Kovac Wójcik Belgorod Said ", n),
    },
    Kind {
        name: "nested quotations",
        make: |n| {
            let depth = n / 16;
            let mut s = String::with_capacity(n + 32);
            s.push_str("Gladkov said ");
            for i in 0..depth {
                s.push_str(if i % 2 == 0 { "“a " } else { "‘b " });
            }
            for i in (0..depth).rev() {
                s.push_str(if i % 2 == 0 { "” " } else { "’ " });
            }
            s
        },
    },
    Kind {
        name: "every quotation mark",
        make: |n| {
            let unit: String = QUOTATION_MARKS
                .iter()
                .map(|q| format!("{q}Kovac said{q} it "))
                .collect();
            repeat(&unit, n)
        },
    },
    Kind {
        name: "control characters",
        make: |n| {
            let unit: String = (0u32..32)
                .chain(0x7f..0xa0)
                .map(|c| format!("{}Gladkov said", char::from_u32(c).unwrap()))
                .collect();
            repeat(&unit, n)
        },
    },
    Kind {
        name: "BOM, CRLF and lone CR",
        make: |n| {
            repeat(
                "\u{feff}“Gladkov said,”\r\nhe said.\r\r\n\rIt was over.\r",
                n,
            )
        },
    },
    Kind {
        name: "Arabic and Hebrew",
        make: |n| repeat("قال المحافظ «انتهى الأمر» يوم الأحد. אמר השר: ”זה נגמר“. ", n),
    },
    Kind {
        name: "CJK",
        make: |n| {
            repeat(
                "州长格拉德科夫说：「一切都结束了。」東京で『終わった』と述べた。",
                n,
            )
        },
    },
    Kind {
        name: "emoji with ZWJ and skin tones",
        make: |n| repeat("👩🏽‍🔬👨‍👩‍👧‍👦 “👍🏿” 🇺🇦 said 🏳️‍🌈 ", n),
    },
    Kind {
        name: "combining marks",
        make: |n| {
            let zalgo: String = std::iter::once('G')
                .chain((0..200).map(|i| char::from_u32(0x300 + i % 0x70).unwrap()))
                .collect();
            repeat(&format!("{zalgo}ladkov said e\u{301}\u{308} "), n)
        },
    },
    Kind {
        name: "punctuation only",
        make: |n| repeat(".,;:!?…—–-()[]{}/\\|@#$%^&*_+=~<>“”‘’«»\"'", n),
    },
];

fn check(text: &str, a: &Analysis) {
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
        assert_eq!(&text[s.span], s.text);
    }
    for q in &a.quotes {
        assert_eq!(&text[q.span], q.text);
    }
    for span in a.tokens.iter().map(|t| t.span) {
        assert!(span.start < span.end && text.get(span.range()).is_some());
    }
    for c in &a.claims {
        if let Some(id) = c.speaker_entity {
            assert!(id.index() < a.entities.len());
        }
    }
}

#[test]
fn every_kind_at_a_small_size() {
    for kind in KINDS {
        let text = (kind.make)(32 * 1024);
        check(&text, &EXTRACTOR.analyze(&text));
    }
}

/// A value in kB from `/proc/self/status`.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap();
    line[field.len()..]
        .trim()
        .trim_end_matches(" kB")
        .trim()
        .parse()
        .unwrap()
}

/// Analyses `text`, returning the time taken and the growth of peak memory
/// in bytes.
fn measure(text: &str) -> (Duration, u64, Analysis) {
    // Writing 5 resets VmHWM to the current resident set (Linux >= 4.0).
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
    let before = status_kb("VmRSS:");
    let start = Instant::now();
    let analysis = EXTRACTOR.analyze(text);
    let elapsed = start.elapsed();
    let peak = status_kb("VmHWM:");
    (elapsed, peak.saturating_sub(before) * 1024, analysis)
}

fn per_mb(time: Duration, bytes: usize) -> f64 {
    time.as_secs_f64() / (bytes as f64 / MB as f64)
}

/// Measures one kind at 1 MB and at `size`: the row for the table, and
/// whether it keeps within the bounds.
fn linear(kind: &Kind, size: usize) -> (String, bool) {
    let small = (kind.make)(MB);
    let big = (kind.make)(size);
    let (t1, m1, a1) = measure(&small);
    check(&small, &a1);
    drop(a1);
    let (tn, mn, an) = measure(&big);
    check(&big, &an);
    let (r1, rn) = (per_mb(t1, small.len()), per_mb(tn, big.len()));
    let row = format!(
        "| {} | {:.1} | {:.3} | {:.1} | {:.3} | {:.2} | {:.1} | {:.1} |",
        kind.name,
        small.len() as f64 / MB as f64,
        r1,
        big.len() as f64 / MB as f64,
        rn,
        rn / r1,
        m1 as f64 / small.len() as f64,
        mn as f64 / big.len() as f64,
    );
    let ok = rn <= 3.0 * r1 && m1 <= 10 * small.len() as u64 && mn <= 10 * big.len() as u64;
    (row, ok)
}

#[test]
#[ignore]
fn time_is_linear_and_memory_bounded() {
    LazyLock::force(&EXTRACTOR);
    println!("| kind | MB | s/MB | MB | s/MB | ratio | peak/input at 1 MB | peak/input at N MB |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut failed = Vec::new();
    // Every kind at 8 MB, and the news-like one at 50 MB as well.
    let runs = KINDS
        .iter()
        .map(|k| (k, 8 * MB))
        .chain([(&KINDS[0], 50 * MB)]);
    for (kind, size) in runs {
        let (row, ok) = linear(kind, size);
        println!("{row}");
        if !ok {
            failed.push(row);
        }
    }
    assert!(failed.is_empty(), "out of bounds:\n{}", failed.join("\n"));
}

#[test]
fn exact_counts_from_the_issue() {
    // 1,000,000 quotation marks and 100,000 capitalised words in a row.
    let quotes = "\"".repeat(1_000_000);
    check(&quotes, &EXTRACTOR.analyze(&quotes));
    let caps = "Kovac ".repeat(100_000);
    check(&caps, &EXTRACTOR.analyze(&caps));
}
