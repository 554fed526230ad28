//! `sayso extract`: documents in, one JSON record per document out.
//!
//! Three parts run at once. The reader thread reads documents and hands
//! them to the rayon pool in small batches, each a job of its own with a
//! slot for its records, and passes the slots on in input order; the pool's
//! threads analyse the batches, each filling its slot; the main thread takes
//! the slots in order and writes the records once they are there. No thread
//! waits for the others to finish a round: a long document holds up the
//! writing of the ones after it, not their analysis. The reader waits while
//! a window of documents is in flight (read, not yet written), so memory is
//! bounded whatever the size of the input; and as records are written in
//! input order, the output is the same for any number of threads.

use std::io::{self, IoSlice, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};

use sayso::{Extractor, OffsetUnit};

use super::input::{self, Item, Mode, Source};
use super::progress::{Progress, Show};
use super::record::{Origin, Outcome, Settings, RESERVED};
use super::{Fatal, EXIT_INPUT_FAILED};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Output: one JSON object per line, in input order: {\"id\", \"entities\", \
\"claims\", \"quotes\"}, or {\"id\", \"line\", \"file\", \"error\"} for a \
document that could not be read. The exit status is 1 when any document \
failed, 2 on a usage or fatal error. See README.md for the full schema.")]
pub(crate) struct ExtractArgs {
    /// Input files; `-` is standard input, the default. Gzip-compressed
    /// input is recognised and decompressed.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Read JSON Lines: one object per line with an id and a text field.
    /// Without it, each file is one plain-text document whose id is its name.
    #[arg(long)]
    jsonl: bool,

    /// The unit of every start and end offset: bytes (UTF-8), chars
    /// (Unicode code points) or utf16 (UTF-16 code units).
    #[arg(long, value_name = "UNIT", default_value = "bytes", value_parser = parse_offsets)]
    offsets: OffsetUnit,

    /// The JSON Lines field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "jsonl")]
    text_field: String,

    /// The JSON Lines field holding the id, echoed as "id".
    #[arg(long, value_name = "NAME", default_value = "id", requires = "jsonl")]
    id_field: String,

    /// JSON Lines fields to copy into each output record, comma-separated.
    #[arg(
        long,
        value_name = "FIELD,...",
        value_delimiter = ',',
        requires = "jsonl"
    )]
    keep: Vec<String>,

    /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
    /// Offsets are then into the replaced text.
    #[arg(long)]
    lossy: bool,

    /// Stop at the first document that fails.
    #[arg(long)]
    fail_fast: bool,

    /// Threads analysing documents; 0 means one per core.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,

    /// A gazetteer TSV file to use besides the embedded ones; repeatable.
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,

    /// Print the summary line (documents, errors, time, MB/s) on stderr
    /// even when stderr is not a terminal.
    #[arg(long)]
    summary: bool,

    /// No progress bar and no summary; errors are still reported.
    #[arg(short, long, conflicts_with = "summary")]
    quiet: bool,
}

fn parse_offsets(s: &str) -> Result<OffsetUnit, String> {
    s.parse().map_err(|err: sayso::Error| err.to_string())
}

/// The window of documents in flight is full at whichever bound comes first.
/// Many documents let the threads analyse well past a long one before they
/// wait for it to be written; the byte bound keeps memory small when
/// documents are large.
const WINDOW_DOCUMENTS: usize = 4096;
const WINDOW_BYTES: usize = 8 << 20;

pub(crate) fn run(args: ExtractArgs) -> Result<ExitCode, Fatal> {
    if let Some(name) = args.keep.iter().find(|k| RESERVED.contains(&k.as_str())) {
        return Err(Fatal::Message(format!(
            "--keep {name:?}: the output already has a field of that name"
        )));
    }
    let extractor = extractor(&args.gazetteer)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .thread_name(|i| format!("sayso-{i}"))
        .build()
        .map_err(|err| Fatal::Message(format!("cannot start threads: {err}")))?;

    let mut sources: Vec<Source> = args.files.into_iter().map(Source::new).collect();
    if sources.is_empty() {
        sources.push(Source::Stdin);
    }
    let names: Vec<(String, String)> = sources.iter().map(|s| (s.name(), s.label())).collect();
    let total = sources.iter().map(Source::size).sum::<Option<u64>>();
    let mode = if args.jsonl {
        Mode::JsonLines
    } else {
        Mode::Plain
    };
    let settings = Settings {
        extractor,
        mode,
        offsets: args.offsets,
        text_field: args.text_field,
        id_field: args.id_field,
        keep: args.keep,
        lossy: args.lossy,
    };

    let read = Arc::new(AtomicU64::new(0));
    let show = Show {
        summary: args.summary,
        quiet: args.quiet,
    };
    let mut progress = Progress::new(total, show, Arc::clone(&read));
    let work = Arc::new(Work { settings, names });
    let window = Arc::new(Window::default());
    // Slots in input order, one per document. Unbounded, as the window
    // already bounds what is in flight.
    let (slots_tx, slots) = mpsc::channel();
    let deliver = {
        let window = Arc::clone(&window);
        move |batch: Vec<Item>| {
            let load = Load::of(&batch);
            window.enter(load);
            let (tx, rx) = mpsc::sync_channel(1);
            let work = Arc::clone(&work);
            // The writer may be gone (--fail-fast, a closed output), and
            // the records with it. The pool, owned by the reader, outlives
            // it until its last job has run.
            pool.spawn(move || {
                let outcomes: Vec<Outcome> = batch.iter().map(|item| work.process(item)).collect();
                drop(tx.send(outcomes));
            });
            slots_tx.send((rx, load)).is_ok()
        }
    };
    input::spawn(sources, mode, read, deliver)
        .map_err(|err| Fatal::Message(format!("cannot start the reader: {err}")))?;

    let mut out = io::stdout().lock();
    'run: for (slot, load) in slots {
        // Rayon aborts the process when a job panics, so every job sends.
        let outcomes = slot.recv().expect("every job sends its outcomes");
        // With --fail-fast, nothing after the first failure is written.
        let written = match outcomes.iter().position(|o| o.error.is_some()) {
            Some(failed) if args.fail_fast => failed + 1,
            _ => outcomes.len(),
        };
        write_all(&mut out, &outcomes[..written])?;
        for outcome in &outcomes[..written] {
            if !outcome.output.is_empty() {
                progress.document();
            }
            if let Some(message) = &outcome.error {
                progress.error(message);
                if args.fail_fast {
                    break 'run;
                }
            }
        }
        window.leave(load);
        progress.update();
    }
    let failed = progress.errors() > 0;
    progress.finish();
    Ok(if failed {
        ExitCode::from(EXIT_INPUT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes the records of a batch with as few system calls as the output
/// takes, and without copying them into a buffer first: news comes out at
/// nearly three times its length, and that copy was most of the main
/// thread's work. Each batch is written as soon as it is there, so a record
/// is seen as soon as it is ready.
fn write_all(out: &mut impl Write, outcomes: &[Outcome]) -> io::Result<()> {
    let mut slices: Vec<IoSlice<'_>> = outcomes
        .iter()
        .map(|outcome| IoSlice::new(&outcome.output))
        .collect();
    let mut rest = &mut slices[..];
    // Skips the empty outputs at the start, which would be written as zero
    // bytes, the sign of an output that takes no more.
    IoSlice::advance_slices(&mut rest, 0);
    while !rest.is_empty() {
        match out.write_vectored(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

/// What a job needs, shared by all of them.
struct Work {
    settings: Settings,
    /// The name and label of each input.
    names: Vec<(String, String)>,
}

impl Work {
    fn process(&self, item: &Item) -> Outcome {
        let (name, label) = &self.names[item.source];
        self.settings.process(Origin { name, label }, &item.kind)
    }
}

/// The documents in flight: read, and not yet written.
#[derive(Default)]
struct Window {
    state: Mutex<State>,
    room: Condvar,
}

#[derive(Default)]
struct State {
    load: Load,
    /// The reader is waiting for room.
    waiting: bool,
}

/// Documents and their bytes of input.
#[derive(Clone, Copy, Default)]
struct Load {
    documents: usize,
    bytes: usize,
}

impl Load {
    fn of(batch: &[Item]) -> Load {
        Load {
            documents: batch.len(),
            bytes: batch.iter().map(|item| item.kind.len()).sum(),
        }
    }
}

impl Window {
    /// Waits until `load` fits, then counts it in.
    fn enter(&self, load: Load) {
        let mut state = self.state.lock().unwrap();
        // A batch larger than the whole window goes in alone.
        while state.load.documents > 0
            && (state.load.documents + load.documents > WINDOW_DOCUMENTS
                || state.load.bytes + load.bytes > WINDOW_BYTES)
        {
            state.waiting = true;
            state = self.room.wait(state).unwrap();
        }
        state.load.documents += load.documents;
        state.load.bytes += load.bytes;
    }

    /// Counts written documents out.
    fn leave(&self, load: Load) {
        let mut state = self.state.lock().unwrap();
        state.load.documents -= load.documents;
        state.load.bytes -= load.bytes;
        // The reader is woken only once the window is half empty, to refill
        // it in a run rather than with a system call on each side per
        // batch. An empty window is always under half.
        if state.waiting
            && state.load.documents <= WINDOW_DOCUMENTS / 2
            && state.load.bytes <= WINDOW_BYTES / 2
        {
            state.waiting = false;
            self.room.notify_one();
        }
    }
}

fn extractor(gazetteers: &[PathBuf]) -> Result<Extractor, Fatal> {
    if gazetteers.is_empty() {
        return Ok(Extractor::new());
    }
    gazetteers
        .iter()
        .fold(Extractor::builder(), |b, path| b.add_gazetteer_file(path))
        .build()
        .map_err(|err| Fatal::Message(err.to_string()))
}
