//! Running the `sayso` binary from a test: arguments and standard input in,
//! output, messages and exit status back.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
}

impl Run {
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    pub fn records(&self) -> Vec<Value> {
        self.lines()
            .iter()
            .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
            .collect()
    }
}

pub fn sayso<S: AsRef<OsStr>>(args: &[S], stdin: impl AsRef<[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.as_ref().to_vec();
    // Written from a thread so a large input cannot deadlock against a full
    // stdout pipe.
    let writer = std::thread::spawn(move || match input.write_all(&stdin) {
        // Runs that stop early (usage errors, --fail-fast) need not read
        // all their input.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
        result => result.unwrap(),
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).expect("output is UTF-8"),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code(),
    }
}
