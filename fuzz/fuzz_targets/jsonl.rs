//! The CLI's JSON Lines reader on arbitrary bytes: cutting the input into
//! lines and turning each into an analysis record or an error record must
//! never panic, and every line must be answered by exactly one JSON record.
//!
//! The reader lives in the binary, not the library, so its two modules are
//! compiled into this target with `#[path]`. That runs them in-process at
//! thousands of inputs a second with coverage feedback, where piping each
//! input through a `sayso extract --jsonl -` child process would manage a
//! few dozen (each start-up also rebuilds the default extractor) and would
//! hide the reader's branches from libFuzzer.

#![no_main]

use std::io::{BufReader, Cursor};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sayso::{Extractor, OffsetUnit};

// Only part of each module is exercised here (no files, threads or stdin).
#[allow(dead_code)]
#[path = "../../src/cli"]
mod cli {
    pub(crate) mod input;
    pub(crate) mod record;
}

use cli::input::{read_lines, ItemKind, Mode};
use cli::record::{Origin, Settings};

fn settings(lossy: bool, offsets: OffsetUnit, keep: &[&str]) -> Settings {
    Settings {
        extractor: Extractor::new(),
        mode: Mode::JsonLines,
        offsets,
        text_field: "text".to_string(),
        id_field: "id".to_string(),
        keep: keep.iter().map(|k| k.to_string()).collect(),
        lossy,
    }
}

// A record whose text is not kept is decoded in one pass, one that keeps it
// raw in two: each setting takes one of the paths.
static STRICT: LazyLock<Settings> =
    LazyLock::new(|| settings(false, OffsetUnit::Bytes, &["source"]));
static LOSSY: LazyLock<Settings> =
    LazyLock::new(|| settings(true, OffsetUnit::Utf16, &["source", "text"]));

fuzz_target!(
    // Building the default extractor takes seconds under the sanitizer; done
    // here, it is not charged to the first input as a timeout.
    init: {
        LazyLock::force(&STRICT);
        LazyLock::force(&LOSSY);
        Extractor::new().analyze("");
    },
    |data: &[u8]| {
    // The first byte picks the settings, so both decoding paths and two
    // offset units are covered by one corpus.
    let Some((&first, data)) = data.split_first() else {
        return;
    };
    let settings: &Settings = if first & 1 == 0 { &STRICT } else { &LOSSY };
    let origin = Origin {
        name: "fuzz",
        label: "fuzz",
    };
    let mut lines: u64 = 0;
    read_lines(Box::new(BufReader::new(Cursor::new(data.to_vec()))), &mut |item, _| {
        let ItemKind::Line { number, .. } = item else {
            panic!("reading from memory cannot fail: {item:?}");
        };
        lines += 1;
        assert_eq!(number, lines);
        let outcome = settings.process(origin, &item);
        let record = outcome.output.strip_suffix(b"\n").expect("a record line");
        assert!(!record.contains(&b'\n'));
        let value: serde_json::Value = serde_json::from_slice(record).expect("valid JSON");
        assert!(value.is_object());
        assert_eq!(outcome.error.is_some(), value.get("error").is_some());
        true
    });
    // A final line without `\n` is a line; the `\n` ending the last line
    // does not start another.
    let newlines = data.iter().filter(|&&b| b == b'\n').count();
    let unterminated = usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    assert_eq!(lines, (newlines + unterminated) as u64);
}
);
