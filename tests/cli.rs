//! End-to-end tests of the `sayso` binary: arguments in, records out.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

#[path = "common/run.rs"]
mod run;
use run::sayso;

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, contents: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn jsonl(texts: &[&str]) -> String {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .collect()
}

/// Checks every `{start, end, text}` in `value` against `text` sliced in
/// `unit`, and returns how many it checked.
fn check_snippets(value: &Value, text: &str, unit: &str) -> usize {
    match value {
        Value::Object(map) => {
            let mut n = 0;
            if let (Some(start), Some(end), Some(Value::String(surface))) =
                (map.get("start"), map.get("end"), map.get("text"))
            {
                let (start, end) = (start.as_u64().unwrap(), end.as_u64().unwrap());
                assert_eq!(&slice(text, unit, start as usize, end as usize), surface);
                n += 1;
            }
            n + map
                .values()
                .map(|v| check_snippets(v, text, unit))
                .sum::<usize>()
        }
        Value::Array(items) => items.iter().map(|v| check_snippets(v, text, unit)).sum(),
        _ => 0,
    }
}

fn slice(text: &str, unit: &str, start: usize, end: usize) -> String {
    match unit {
        "bytes" => text[start..end].to_string(),
        "chars" => text.chars().skip(start).take(end - start).collect(),
        "utf16" => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).unwrap()
        }
        _ => unreachable!("no such unit {unit}"),
    }
}

#[test]
fn ids_of_every_json_type_are_echoed_verbatim() {
    let cases = [
        ("7", "7"),
        ("-2.50", "-2.50"),
        (
            "123456789012345678901234567890",
            "123456789012345678901234567890",
        ),
        (r#""doc-7""#, r#""doc-7""#),
        (r#""\u00e9\"""#, r#""\u00e9\"""#),
        ("null", "null"),
        ("true", "true"),
        (
            r#"{"src": "ap", "n": [1, 2]}"#,
            r#"{"src": "ap", "n": [1, 2]}"#,
        ),
        ("[1,2]", "[1,2]"),
    ];
    let input: String = cases
        .iter()
        .map(|(id, _)| format!("{{\"id\": {id}, \"text\": \"Moscow said so.\"}}\n"))
        .chain(["{\"text\": \"no id at all\"}\n".to_string()])
        .collect();
    let run = sayso(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines.len(), cases.len() + 1);
    for ((id, expected), line) in cases.iter().zip(&lines) {
        assert!(
            line.starts_with(&format!("{{\"id\":{expected},")),
            "id {id}: {line}"
        );
    }
    assert!(lines[cases.len()].starts_with("{\"id\":null,"));
}

#[test]
fn records_follow_the_schema() {
    let text = "“We will not give up,” said Vyacheslav Gladkov, the governor of Belgorod.";
    let run = sayso(&["extract", "--jsonl"], jsonl(&[text]).as_bytes());
    assert_eq!(run.code, Some(0));
    let records = run.records();
    let record = records[0].as_object().unwrap();
    let mut keys: Vec<&str> = record.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["claims", "entities", "id", "quotes"]);
    assert!(run.stdout.starts_with("{\"id\":0,\"entities\":["));
    for key in ["entities", "claims", "quotes"] {
        assert!(record[key].is_array(), "{key}");
    }
    for entity in record["entities"].as_array().unwrap() {
        assert!(["person", "group", "place"].contains(&entity["type"].as_str().unwrap()));
        assert!(entity["gazetteer_id"].is_null() || entity["gazetteer_id"].is_string());
    }
    for claim in record["claims"].as_array().unwrap() {
        assert!(["direct", "partial", "indirect"].contains(&claim["kind"].as_str().unwrap()));
        let confidence = claim["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        assert!(claim["sieve"].is_string());
    }
    for quote in record["quotes"].as_array().unwrap() {
        assert!(["claim", "scare", "title", "name"].contains(&quote["role"].as_str().unwrap()));
    }
}

#[test]
fn order_is_kept_and_thread_count_changes_nothing() {
    // More lines than one chunk holds, with failures sprinkled in, so chunk
    // boundaries and error records are both exercised.
    let mut input = String::new();
    for i in 0..10_000 {
        if i % 997 == 0 {
            input.push_str("{broken\n");
        } else {
            let text = format!("“Line {i},” Олена said on day {i} 😀. Kyiv replied.");
            input.push_str(&format!("{}\n", serde_json::json!({"id": i, "text": text})));
        }
    }
    let one = sayso(&["extract", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = sayso(&["extract", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(one.code, Some(1));
    assert_eq!(two.code, Some(1));
    assert!(
        one.stdout == two.stdout,
        "output differs between 1 and 2 threads"
    );
    let records = one.records();
    assert_eq!(records.len(), 10_000);
    for (i, record) in records.iter().enumerate() {
        if i % 997 == 0 {
            assert_eq!(record["line"], i as u64 + 1);
            assert!(record["error"].is_string());
        } else {
            assert_eq!(record["id"], i as u64);
        }
    }
}

#[test]
fn bad_lines_are_answered_in_place() {
    let cases: &[(&[u8], &str)] = &[
        (b"{\"id\": 1, \"text\": ", "invalid JSON"),
        (b"{\"id\": 2}", "no \"text\" field"),
        (
            b"{\"id\": 3, \"text\": 42}",
            "field \"text\" is a number, not a string",
        ),
        (
            b"{\"id\": 4, \"text\": null}",
            "field \"text\" is null, not a string",
        ),
        (
            b"{\"id\": 5, \"text\": [\"a\"]}",
            "field \"text\" is an array, not a string",
        ),
        (
            b"[\"not\", \"an object\"]",
            "expected a JSON object, found an array",
        ),
        (b"", "empty line"),
        (b"   ", "empty line"),
        (
            b"{\"id\": 8, \"text\": \"caf\xe9\"}",
            "invalid UTF-8 at byte 22 of the line",
        ),
        (b"{\"id\": 9, \"text\": \"a\"} trailing", "invalid JSON"),
    ];
    let mut input = Vec::new();
    for (line, _) in cases {
        input.extend_from_slice(b"{\"id\": \"good\", \"text\": \"Fine.\"}\n");
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    input.extend_from_slice(b"{\"id\": \"last\", \"text\": \"Fine.\"}");
    let run = sayso(&["extract", "--jsonl"], &input);
    assert_eq!(run.code, Some(1));
    let records = run.records();
    assert_eq!(records.len(), 2 * cases.len() + 1);
    for (i, (line, message)) in cases.iter().enumerate() {
        let good = &records[2 * i];
        assert_eq!(good["id"], "good");
        assert!(good.get("error").is_none());
        let bad = &records[2 * i + 1];
        let number = 2 * i as u64 + 2;
        let what = String::from_utf8_lossy(line);
        assert_eq!(bad["line"], number, "{what}");
        assert_eq!(bad["file"], "-", "{what}");
        let error = bad["error"].as_str().unwrap();
        assert!(error.contains(message), "{what}: {error}");
        assert!(bad.get("entities").is_none());
        assert!(
            run.stderr.contains(&format!("<stdin>:{number}: ")),
            "{}",
            run.stderr
        );
    }
    // An id is echoed whenever the line was a readable object.
    assert_eq!(records[3]["id"], 2);
    assert_eq!(records[1]["id"], Value::Null);
    assert_eq!(records[2 * cases.len()]["id"], "last");
}

#[test]
fn invalid_utf8_error_names_the_byte_of_the_input() {
    let input = b"{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"text\": \"ab\xff\"}\n";
    let run = sayso(&["extract", "--jsonl"], input);
    let records = run.records();
    // The line starts at byte 24 of the input; the bad byte is its 21st.
    assert_eq!(
        records[1]["error"],
        "invalid UTF-8 at byte 21 of the line (byte 45 of the input; \
         use --lossy to replace invalid bytes)"
    );
    let lossy = sayso(&["extract", "--jsonl", "--lossy"], input);
    assert_eq!(lossy.code, Some(0));
    assert_eq!(lossy.records()[1]["id"], 2);
}

#[test]
fn offsets_slice_the_input_in_every_unit() {
    let texts = [
        "Губернатор Вячеслав Гладков заявил: «Мы не сдадимся». 😀 “Fine,” said Gladkov.",
        "“Ça va” 👍🏽, a dit Zoë — “We hold,” Zelensky said in Київ.",
        "Plain ASCII: \"We will win,\" said Volodymyr Zelensky.",
    ];
    let input = jsonl(&texts);
    let mut outputs = Vec::new();
    for unit in ["bytes", "chars", "utf16"] {
        let run = sayso(&["extract", "--jsonl", "--offsets", unit], input.as_bytes());
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        for (record, text) in run.records().iter().zip(texts) {
            for key in ["entities", "claims", "quotes"] {
                assert!(record[key].is_array());
            }
            check_snippets(record, text, unit);
        }
        outputs.push(run.stdout);
    }
    // Units change numbers only: the ASCII-only record is the same in all.
    let last = |s: &String| s.lines().last().unwrap().to_string();
    assert_eq!(last(&outputs[0]), last(&outputs[1]));
    assert_eq!(last(&outputs[0]), last(&outputs[2]));
    let bad = sayso(&["extract", "--offsets", "furlongs"], b"");
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("furlongs"));
}

#[test]
fn plain_files_are_one_document_each() {
    let dir = scratch("plain");
    let good = write(
        &dir,
        "good.txt",
        "“We hold,” said Gladkov in Бéлгород.\n".as_bytes(),
    );
    let bad = write(&dir, "bad.txt", b"Kyiv caf\xc3\xa9 caf\xe9 more");
    let missing = dir.join("missing.txt");
    let run = sayso(
        &[
            OsStr::new("extract"),
            good.as_os_str(),
            bad.as_os_str(),
            missing.as_os_str(),
            good.as_os_str(),
        ],
        b"",
    );
    assert_eq!(run.code, Some(1));
    let records = run.records();
    assert_eq!(records.len(), 4);
    let name = |p: &Path| p.display().to_string();
    assert_eq!(records[0]["id"], name(&good));
    assert!(records[0]["entities"].is_array());
    assert_eq!(records[1]["id"], name(&bad));
    assert_eq!(
        records[1]["error"],
        "invalid UTF-8 at byte 14 (use --lossy to replace invalid bytes)"
    );
    assert!(run
        .stderr
        .contains(&format!("{}: invalid UTF-8 at byte 14", name(&bad))));
    assert_eq!(records[2]["id"], name(&missing));
    assert!(records[2]["error"]
        .as_str()
        .unwrap()
        .starts_with("cannot read"));
    assert_eq!(records[3], records[0]);

    let lossy = sayso(
        &[
            OsStr::new("extract"),
            OsStr::new("--lossy"),
            bad.as_os_str(),
        ],
        b"",
    );
    assert_eq!(lossy.code, Some(0));
    let replaced = String::from_utf8_lossy(b"Kyiv caf\xc3\xa9 caf\xe9 more");
    check_snippets(&lossy.records()[0], &replaced, "bytes");

    let stdin = sayso(&["extract", "-"], "Moscow — Москва.".as_bytes());
    assert_eq!(stdin.code, Some(0));
    assert_eq!(stdin.records()[0]["id"], "-");
    let default = sayso(&["extract"], "Moscow — Москва.".as_bytes());
    assert_eq!(default.stdout, stdin.stdout);
}

#[test]
fn gzip_input_is_decompressed() {
    use flate2::{write::GzEncoder, Compression};

    let dir = scratch("gzip");
    let input = jsonl(&["“Yes,” said Gladkov.", "Kyiv — Київ.", "Third."]);
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(input.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let plain_path = write(&dir, "docs.jsonl", input.as_bytes());
    let gz_path = write(&dir, "docs.jsonl.gz", &gz);

    let plain = sayso(
        &[
            OsStr::new("extract"),
            OsStr::new("--jsonl"),
            plain_path.as_os_str(),
        ],
        b"",
    );
    let from_file = sayso(
        &[
            OsStr::new("extract"),
            OsStr::new("--jsonl"),
            gz_path.as_os_str(),
        ],
        b"",
    );
    let from_stdin = sayso(&["extract", "--jsonl"], &gz);
    assert_eq!(plain.code, Some(0));
    assert_eq!(plain.lines().len(), 3);
    assert_eq!(from_file.stdout, plain.stdout);
    assert_eq!(from_stdin.stdout, plain.stdout);

    // A plain-text document compressed is the same document.
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all("Kyiv — Київ.".as_bytes()).unwrap();
    let text = sayso(&["extract"], "Kyiv — Київ.".as_bytes());
    let compressed = sayso(&["extract"], gz.finish().unwrap());
    assert_eq!(compressed.stdout, text.stdout);

    // A truncated stream is a read error, reported, with what came before kept.
    let truncated = write(&dir, "cut.jsonl.gz", &from_file_bytes(&gz_path)[..20]);
    let run = sayso(
        &[
            OsStr::new("extract"),
            OsStr::new("--jsonl"),
            truncated.as_os_str(),
        ],
        b"",
    );
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("cut.jsonl.gz"), "{}", run.stderr);
}

fn from_file_bytes(path: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

#[test]
fn fields_can_be_renamed_and_kept() {
    let input = concat!(
        r#"{"doc": "a1", "body": "Moscow said so.", "source": "AP", "n": 1.50, "text": 5}"#,
        "\n",
        r#"{"doc": "a2", "body": "Kyiv denied it.", "n": {"x": [1]}}"#,
        "\n",
        r#"{"doc": "a3", "source": "Reuters"}"#,
        "\n",
    );
    let args = [
        "extract",
        "--jsonl",
        "--text-field",
        "body",
        "--id-field",
        "doc",
        "--keep",
        "source,n",
    ];
    let run = sayso(&args, input.as_bytes());
    assert_eq!(run.code, Some(1));
    let lines = run.lines();
    assert!(
        lines[0].starts_with(r#"{"id":"a1","source":"AP","n":1.50,"entities":["#),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(r#"{"id":"a2","n":{"x": [1]},"entities":["#),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        r#"{"id":"a3","line":3,"file":"-","error":"no \"body\" field","source":"Reuters"}"#
    );

    // Field options belong to JSON Lines; a kept field may not shadow an
    // output field.
    assert_eq!(
        sayso(&["extract", "--text-field", "body"], b"x").code,
        Some(2)
    );
    let clash = sayso(&["extract", "--jsonl", "--keep", "quotes"], b"");
    assert_eq!(clash.code, Some(2));
    assert!(
        clash.stderr.contains("--keep \"quotes\""),
        "{}",
        clash.stderr
    );
}

#[test]
fn fail_fast_stops_at_the_first_bad_line() {
    let mut input = jsonl(&["One.", "Two."]);
    input.push_str("oops\n");
    input.push_str(&jsonl(&["Four."]));
    let run = sayso(&["extract", "--jsonl", "--fail-fast"], input.as_bytes());
    assert_eq!(run.code, Some(1));
    let records = run.records();
    assert_eq!(records.len(), 3);
    assert_eq!(records[2]["line"], 3);
    let go_on = sayso(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(go_on.records().len(), 4);
}

#[test]
fn line_ends_and_files_are_counted_per_input() {
    let dir = scratch("lines");
    let a = write(
        &dir,
        "a.jsonl",
        b"{\"id\":1,\"text\":\"A.\"}\r\n\r\n{\"id\":3,\"text\":\"C.\"}",
    );
    let b = write(&dir, "b.jsonl", b"bad\n");
    let run = sayso(
        &[
            OsStr::new("extract"),
            OsStr::new("--jsonl"),
            a.as_os_str(),
            b.as_os_str(),
        ],
        b"",
    );
    let records = run.records();
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["id"], 1);
    assert_eq!(records[1]["line"], 2);
    assert_eq!(records[1]["error"], "empty line");
    assert_eq!(records[2]["id"], 3);
    assert_eq!(records[3]["line"], 1);
    assert_eq!(records[3]["file"], b.display().to_string());

    // An input that cannot be opened has no lines to answer: stderr only.
    let missing = dir.join("missing.jsonl");
    let run = sayso(
        &[
            OsStr::new("extract"),
            OsStr::new("--jsonl"),
            missing.as_os_str(),
            a.as_os_str(),
        ],
        b"",
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.lines().len(), 3);
    assert!(
        run.stderr.contains("missing.jsonl: cannot read"),
        "{}",
        run.stderr
    );

    // A byte order mark before the first line is not part of the JSON.
    let bom = sayso(
        &["extract", "--jsonl"],
        "\u{feff}{\"id\":1,\"text\":\"A.\"}\n".as_bytes(),
    );
    assert_eq!(bom.code, Some(0), "{}", bom.stderr);
    let bad = sayso(
        &["extract", "--jsonl"],
        b"\xef\xbb\xbf{\"text\":\"\xff\"}\n",
    );
    assert!(
        bad.stdout
            .contains("byte 9 of the line (byte 12 of the input"),
        "{}",
        bad.stdout
    );

    let empty = sayso(&["extract", "--jsonl"], b"");
    assert_eq!((empty.code, empty.stdout.as_str()), (Some(0), ""));
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    let input = jsonl(&["Moscow said so."; 20_000]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The run may stop reading once its output is gone.
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn summary_is_printed_on_request_only() {
    let input = jsonl(&["One.", "Two."]);
    let quiet = sayso(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(quiet.stderr, "");
    let run = sayso(&["extract", "--jsonl", "--summary"], input.as_bytes());
    assert!(
        run.stderr.starts_with("sayso: 2 documents, 0 errors,"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, quiet.stdout);
}

#[test]
fn gazetteer_files_are_loaded_and_bad_ones_stop_the_run() {
    let dir = scratch("gazetteer");
    let good = write(
        &dir,
        "good.tsv",
        b"my:1\tShebekino\tplace\ttown\t\tRU\t\t\t\n",
    );
    let bad = write(
        &dir,
        "bad.tsv",
        b"my:1\tShebekino\tplace\ttown\t\tRU\t\t\t\nonly\ttwo\n",
    );
    let arg = |p: &Path| format!("--gazetteer={}", p.display());
    let run = sayso(
        &["extract".to_string(), arg(&good)],
        b"Shebekino was shelled.",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.records().len(), 1);
    let run = sayso(
        &["extract".to_string(), arg(&bad)],
        b"Shebekino was shelled.",
    );
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("bad.tsv:2:"), "{}", run.stderr);
}

#[test]
fn bench_times_every_stage_and_the_spread_of_its_passes() {
    let dir = scratch("bench");
    let text = "“We will respond,” Governor Vyacheslav Gladkov said in Belgorod.\n";
    // `sayso bench`, the options, then the file.
    let bench = |options: &[&str], file: &Path| {
        let mut args: Vec<&OsStr> = vec![OsStr::new("bench")];
        args.extend(options.iter().map(OsStr::new));
        args.push(file.as_os_str());
        sayso(&args, "")
    };
    let plain = write(&dir, "one.txt", text.as_bytes());
    let run = bench(&["--seconds", "0"], &plain);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines = run.lines();
    assert!(
        lines[0].ends_with("1 documents, 0.00 MB, 1 passes on one thread"),
        "{}",
        lines[0]
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("whole pipeline: ") && l.ends_with(" docs/s")));
    let spread = lines
        .iter()
        .find(|l| l.starts_with("per pass: median "))
        .expect("a spread line");
    assert!(
        spread.contains(" MB/s, slowest ") && spread.contains(", fastest "),
        "{spread}"
    );
    for stage in ["text", "gazetteer", "entities", "quotes", "claims"] {
        assert!(
            lines
                .iter()
                .any(|l| l.split_whitespace().next() == Some(stage)),
            "{stage}"
        );
    }

    let docs = write(&dir, "docs.jsonl", jsonl(&[text, text]).as_bytes());
    let run = bench(&["--jsonl", "--seconds", "0"], &docs);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.lines()[0].contains(": 2 documents,"), "{}", run.stdout);

    let bad = write(
        &dir,
        "bad.jsonl",
        format!("{}{{\"text\": 3}}\n", jsonl(&[text])).as_bytes(),
    );
    let run = bench(&["--jsonl"], &bad);
    assert_ne!(run.code, Some(0));
    assert!(
        run.stderr.contains("bad.jsonl:2: no string field \"text\""),
        "{}",
        run.stderr
    );

    let empty = write(&dir, "empty.txt", b"");
    let run = bench(&[], &empty);
    assert_ne!(run.code, Some(0));
    assert!(
        run.stderr.contains("empty.txt: no text to time"),
        "{}",
        run.stderr
    );
}
