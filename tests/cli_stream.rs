//! `sayso extract` on an input that stays open: a producer that waits for
//! each answer before it writes the next line (or a person typing) must get
//! its answer, and `--fail-fast` must stop without waiting for the input to
//! end.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// Far beyond any analysis of the short lines below: running into it means
/// the run is waiting for input it does not need.
const PATIENCE: Duration = Duration::from_secs(60);

/// Starts `sayso extract --jsonl` with `args`, and a thread that passes on
/// its output lines, so that the test can wait for them with a limit.
fn start(args: &[&str]) -> (Child, ChildStdin, Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["extract", "--jsonl"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in stdout.lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    (child, stdin, rx)
}

fn send(stdin: &mut ChildStdin, line: &str) {
    stdin.write_all(line.as_bytes()).unwrap();
    stdin.write_all(b"\n").unwrap();
    stdin.flush().unwrap();
}

fn answer(rx: &Receiver<String>) -> Value {
    let line = rx
        .recv_timeout(PATIENCE)
        .expect("no answer while the input is open");
    serde_json::from_str(&line).unwrap()
}

#[test]
fn each_line_is_answered_while_the_input_stays_open() {
    for threads in ["1", "2"] {
        let (mut child, mut stdin, rx) = start(&["-j", threads]);
        for (id, text) in [(1, "Moscow said so."), (2, "\"No,\" Gladkov said.")] {
            let line = serde_json::json!({"id": id, "text": text}).to_string();
            send(&mut stdin, &line);
            assert_eq!(answer(&rx)["id"], id);
        }
        drop(stdin);
        assert!(rx.recv().is_err(), "nothing more after the end");
        assert_eq!(child.wait().unwrap().code(), Some(0));
    }
}

#[test]
fn fail_fast_stops_while_the_input_stays_open() {
    let (mut child, mut stdin, rx) = start(&["--fail-fast"]);
    send(&mut stdin, r#"{"id": 1, "text": "Kyiv."}"#);
    send(&mut stdin, "oops");
    assert_eq!(answer(&rx)["id"], 1);
    assert_eq!(answer(&rx)["line"], 2);
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after --fail-fast");
        thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(1));
    drop(stdin);
}
