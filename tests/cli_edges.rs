//! The command-line tool on broken input: every bad document is answered
//! in its place by an error record naming what is wrong, the rest is
//! processed, and the exit status says that something failed.

#[path = "common/run.rs"]
mod run;
use run::{sayso, Run};

const GOOD: &[u8] =
    b"{\"id\": \"good\", \"text\": \"\xe2\x80\x9cIt is over,\xe2\x80\x9d Gladkov said.\"}";

/// `bad` lines, each between good ones; returns the records of the bad
/// lines after checking that every good line was analysed.
fn between_good_lines(bad: &[Vec<u8>]) -> Run {
    let mut input = GOOD.to_vec();
    for line in bad {
        input.push(b'\n');
        input.extend_from_slice(line);
        input.push(b'\n');
        input.extend_from_slice(GOOD);
    }
    let run = sayso(&["extract", "--jsonl", "-q"], input);
    assert_eq!(run.records().len(), 2 * bad.len() + 1, "{}", run.stderr);
    for (i, record) in run.records().iter().enumerate() {
        if i % 2 == 0 {
            assert_eq!(record["id"], "good");
            assert!(record.get("entities").is_some(), "{record}");
        } else {
            assert_eq!(record["line"], i as u64 + 1, "{record}");
            assert!(record["error"].is_string(), "{record}");
            assert!(record.get("entities").is_none(), "{record}");
        }
    }
    run
}

fn error_of(run: &Run, bad_index: usize) -> String {
    run.records()[2 * bad_index + 1]["error"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn invalid_utf8_anywhere_in_a_line() {
    let bad: Vec<Vec<u8>> = vec![
        b"{\"id\": \"\xff\", \"text\": \"a\"}".to_vec(),
        b"{\"\xc3\": 1, \"text\": \"a\"}".to_vec(),
        b"{\"id\": 1, \"text\": \"\xed\xa0\x80\"}".to_vec(),
        b"\xef\xbb\xbf{\"id\": 1, \"text\": \"a\"}".to_vec(),
        b"\xf4\x90\x80\x80".to_vec(),
        b"{\"id\": 1, \"text\": \"ends in the middle of a char \xe2\x80".to_vec(),
    ];
    let run = between_good_lines(&bad);
    assert_eq!(run.code, Some(1));
    assert!(error_of(&run, 0).starts_with("invalid UTF-8 at byte 8 of the line"));
    assert!(error_of(&run, 1).starts_with("invalid UTF-8 at byte 2 of the line"));
    // An encoded surrogate is not UTF-8 either.
    assert!(error_of(&run, 2).starts_with("invalid UTF-8 at byte 19 of the line"));
    // A byte order mark is only skipped before the first line.
    assert!(
        error_of(&run, 3).starts_with("invalid JSON"),
        "{}",
        error_of(&run, 3)
    );
    assert!(error_of(&run, 4).starts_with("invalid UTF-8 at byte 0 of the line"));
    assert!(error_of(&run, 5).starts_with("invalid UTF-8 at byte 48 of the line"));
}

#[test]
fn truncated_json_at_every_byte() {
    let full = GOOD;
    // Every proper prefix of a good line is broken JSON (or, cut before the
    // object starts, an empty line), never a crash and never a document.
    let bad: Vec<Vec<u8>> = (0..full.len())
        .filter(|&n| std::str::from_utf8(&full[..n]).is_ok())
        .map(|n| full[..n].to_vec())
        .collect();
    let run = between_good_lines(&bad);
    assert_eq!(run.code, Some(1));
    for (i, line) in bad.iter().enumerate() {
        let error = error_of(&run, i);
        if line.is_empty() {
            assert_eq!(error, "empty line");
        } else {
            assert!(
                error.starts_with("invalid JSON: EOF while parsing"),
                "{error}"
            );
        }
    }
}

#[test]
fn a_text_that_is_not_a_string() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"id": 1, "text": {"body": "a"}}"#,
            "field \"text\" is an object, not a string",
        ),
        (
            r#"{"id": 1, "text": true}"#,
            "field \"text\" is a boolean, not a string",
        ),
        (
            r#"{"id": 1, "text": -1.5e3}"#,
            "field \"text\" is a number, not a string",
        ),
        (
            r#"{"id": 1, "text": "\ud800"}"#,
            "field \"text\" is not a valid JSON string",
        ),
        (
            r#"{"id": 1, "text": "a\qb"}"#,
            "invalid JSON: invalid escape",
        ),
        (
            r#"{"id": 1, "text": "tab	inside"}"#,
            "invalid JSON: control character",
        ),
        (
            r#""just a string""#,
            "expected a JSON object, found a string",
        ),
        ("null", "expected a JSON object, found null"),
        ("12", "expected a JSON object, found a number"),
        (
            r#"{"id": 1, "text": "a"}{"id": 2, "text": "b"}"#,
            "invalid JSON: trailing characters",
        ),
    ];
    let bad: Vec<Vec<u8>> = cases.iter().map(|(l, _)| l.as_bytes().to_vec()).collect();
    let run = between_good_lines(&bad);
    assert_eq!(run.code, Some(1));
    for (i, (line, message)) in cases.iter().enumerate() {
        let error = error_of(&run, i);
        assert!(error.starts_with(message), "{line}: {error}");
    }
    // The id is echoed when the line was an object that could be read.
    assert_eq!(run.records()[1]["id"], 1);
}

#[test]
fn empty_and_blank_lines() {
    let bad: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"   \t ".to_vec(),
        b"\r".to_vec(),
        b" \r".to_vec(),
    ];
    let run = between_good_lines(&bad);
    assert_eq!(run.code, Some(1));
    for i in 0..bad.len() {
        assert_eq!(error_of(&run, i), "empty line");
    }
    // Trailing blank lines are lines too, each answered.
    let mut input = GOOD.to_vec();
    input.extend_from_slice(b"\n\n\n");
    let run = sayso(&["extract", "--jsonl", "-q"], input);
    assert_eq!(run.records().len(), 3);
    assert_eq!(run.records()[2]["line"], 3);
    assert_eq!(run.code, Some(1));
}

#[test]
fn nul_and_control_characters_in_the_text() {
    let line = br#"{"id": 7, "text": "\u0000Gladkov\u0007 said \"no\u0000\".\r\u001b[0m"}"#;
    let run = sayso(&["extract", "--jsonl", "-q"], line);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.records().len(), 1);
    assert!(run.records()[0].get("entities").is_some());
}

#[test]
fn invalid_utf8_plain_file_fails_alone() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_edges");
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.txt");
    let bad = dir.join("bad.txt");
    std::fs::write(&good, "Gladkov said it was over.").unwrap();
    std::fs::write(&bad, b"Gladkov said \xc0\xaf over.").unwrap();
    let (good, bad) = (good.to_str().unwrap(), bad.to_str().unwrap());
    let run = sayso(&["extract", "-q", good, bad, good], Vec::new());
    assert_eq!(run.code, Some(1));
    assert_eq!(run.records().len(), 3);
    assert!(run.records()[0].get("entities").is_some());
    assert_eq!(run.records()[1]["id"], bad);
    assert_eq!(
        run.records()[1]["error"],
        "invalid UTF-8 at byte 13 (use --lossy to replace invalid bytes)"
    );
    assert!(run.records()[2].get("entities").is_some());
    assert!(
        run.stderr.contains(&format!("{bad}: invalid UTF-8")),
        "{}",
        run.stderr
    );
}

/// A 100 MB JSON value.
fn huge_string(fill: u8) -> Vec<u8> {
    let mut s = Vec::with_capacity(100 << 20);
    s.push(b'"');
    s.resize(100 << 20, fill);
    s.push(b'"');
    s
}

#[test]
fn a_100_mb_line_that_is_broken_or_skipped() {
    // A field nobody asked for is skipped without being built; a line cut
    // off in its text is an error; the lines around both are analysed.
    let mut skipped = br#"{"id": "big", "padding": "#.to_vec();
    skipped.extend_from_slice(&huge_string(b'x'));
    skipped.extend_from_slice(br#", "text": "Fine."}"#);
    let mut cut = br#"{"id": "cut", "text": "#.to_vec();
    cut.extend_from_slice(&huge_string(b'y'));
    cut.pop();
    let mut input = GOOD.to_vec();
    input.push(b'\n');
    input.extend_from_slice(&skipped);
    input.push(b'\n');
    input.extend_from_slice(&cut);
    input.push(b'\n');
    input.extend_from_slice(GOOD);
    let run = sayso(&["extract", "--jsonl", "-q"], input);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.records().len(), 4);
    assert_eq!(run.records()[1]["id"], "big");
    assert!(run.records()[1].get("entities").is_some());
    assert_eq!(run.records()[2]["line"], 3);
    let error = run.records()[2]["error"].as_str().unwrap().to_string();
    assert!(
        error.starts_with("invalid JSON: EOF while parsing a string"),
        "{error}"
    );
    assert_eq!(run.records()[3]["id"], "good");
}

/// Analysing 100 MB of text takes minutes in a debug build:
/// `cargo test --release --test cli_edges -- --ignored`.
#[test]
#[ignore]
fn a_100_mb_line_of_text_is_analysed() {
    let sentence = b"\\u201cWe will rebuild,\\u201d Mayor Anna Kovac said in Kyiv. ";
    let mut line = br#"{"id": "huge", "text": ""#.to_vec();
    while line.len() < 100 << 20 {
        line.extend_from_slice(sentence);
    }
    line.extend_from_slice(b"\"}\n");
    line.extend_from_slice(GOOD);
    let run = sayso(&["extract", "--jsonl", "-q"], line);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.records().len(), 2);
    assert_eq!(run.records()[0]["id"], "huge");
    assert!(!run.records()[0]["entities"].as_array().unwrap().is_empty());
    assert_eq!(run.records()[1]["id"], "good");
}
