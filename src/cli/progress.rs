//! What a run tells a person on stderr: a progress bar and a summary when
//! stderr is a terminal, and the first errors.
//!
//! Standard output carries only records, so none of this can disturb a
//! pipeline; and nothing is drawn when stderr is a file or pipe, so logs and
//! tests see only error messages (and the summary, when asked for).

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Past this many, errors are only counted: each one already has its error
/// record in the output, and a million lines of them on a terminal help
/// nobody.
const ERRORS_SHOWN: u64 = 20;

/// Often enough to look live; the bar's spinner ticks on its own between.
const REDRAW: Duration = Duration::from_millis(100);

#[derive(Debug)]
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    summary: bool,
    start: Instant,
    /// When the bar was last redrawn.
    drawn: Instant,
    /// Raw bytes read from the inputs, counted by the reader thread.
    read: Arc<AtomicU64>,
    documents: u64,
    errors: u64,
}

/// When to speak.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Show {
    /// Force the summary line even when stderr is not a terminal.
    pub(crate) summary: bool,
    /// No progress bar and no summary (errors are still reported).
    pub(crate) quiet: bool,
}

impl Progress {
    /// `total` is the size of the inputs in bytes, when known up front.
    pub(crate) fn new(total: Option<u64>, show: Show, read: Arc<AtomicU64>) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = (terminal && !show.quiet).then(|| bar(total));
        let start = Instant::now();
        let progress = Progress {
            bar,
            summary: !show.quiet && (show.summary || terminal),
            start,
            drawn: start,
            read,
            documents: 0,
            errors: 0,
        };
        progress.draw();
        progress
    }

    /// Counts a finished document.
    pub(crate) fn document(&mut self) {
        self.documents += 1;
    }

    /// Reports a failed document or input.
    pub(crate) fn error(&mut self, message: &str) {
        self.errors += 1;
        if self.errors <= ERRORS_SHOWN {
            self.say(&format!("sayso: {message}"));
        }
        if self.errors == ERRORS_SHOWN + 1 {
            self.say("sayso: more errors: not shown here, but each has its error record");
        }
    }

    pub(crate) fn errors(&self) -> u64 {
        self.errors
    }

    /// Redraws the bar, at most every [`REDRAW`], as it is called after
    /// every document.
    pub(crate) fn update(&mut self) {
        if self.bar.is_some() && self.drawn.elapsed() >= REDRAW {
            self.drawn = Instant::now();
            self.draw();
        }
    }

    fn draw(&self) {
        if let Some(bar) = &self.bar {
            let read = self.read.load(Ordering::Relaxed);
            bar.set_position(read);
            let seconds = self.start.elapsed().as_secs_f64().max(1e-9);
            let megabytes = read as f64 / 1e6;
            let total = match bar.length() {
                Some(total) => format!("/{:.0}", total as f64 / 1e6),
                None => String::new(),
            };
            bar.set_message(format!(
                "{} docs, {megabytes:.0}{total} MB, {:.0} docs/s, {:.1} MB/s",
                self.documents,
                self.documents as f64 / seconds,
                megabytes / seconds,
            ));
        }
    }

    /// Clears the bar and prints the summary line, if wanted.
    pub(crate) fn finish(mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if !self.summary {
            return;
        }
        let seconds = self.start.elapsed().as_secs_f64();
        let megabytes = self.read.load(Ordering::Relaxed) as f64 / 1e6;
        let per_second = |n: f64| n / seconds.max(1e-9);
        self.say(&format!(
            "sayso: {}, {}, {megabytes:.1} MB in {seconds:.2} s ({:.0} docs/s, {:.1} MB/s)",
            count(self.documents, "document"),
            count(self.errors, "error"),
            per_second(self.documents as f64),
            per_second(megabytes),
        ));
    }

    fn say(&self, line: &str) {
        // A closed stderr must not stop the run or panic as eprintln! would.
        let write = || {
            let _ = writeln!(std::io::stderr(), "{line}");
        };
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }
}

/// A run that ends early (a closed pipe, a fatal error) must not leave a
/// half-drawn bar on the terminal.
impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

fn count(n: u64, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

fn bar(total: Option<u64>) -> ProgressBar {
    // Kept under 80 columns for typical numbers: a wrapped bar redraws as a
    // smear of lines.
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{spinner} [{bar:16}] {msg}, ETA {eta}",
        ),
        None => (ProgressBar::no_length(), "{spinner} {msg}"),
    };
    let style = ProgressStyle::with_template(template)
        .expect("the templates above are valid")
        .progress_chars("=> ");
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
