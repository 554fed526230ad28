//! `sayso extract`: documents in, one JSON record per document out.
//!
//! The run is a loop over chunks: gather up to a few thousand documents (or
//! a few MB) from the reader thread, analyse them in parallel on a local
//! rayon pool keeping their order, write their records, repeat. Memory holds
//! a chunk and the reader's small lead, whatever the size of the input, and
//! the output is the same for any number of threads.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use rayon::prelude::*;

use sayso::{Extractor, OffsetUnit};

use super::input::{self, Item, Mode, Source};
use super::progress::{Progress, Show};
use super::record::{Origin, Settings, RESERVED};
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

/// A chunk is cut at whichever comes first. Thousands of documents keep
/// every thread busy between two writes; the byte cap bounds memory when
/// documents are large.
const CHUNK_DOCUMENTS: usize = 4096;
const CHUNK_BYTES: usize = 8 << 20;
/// How far the reader may run ahead, in items.
const READ_AHEAD: usize = 1024;
/// How long to wait for more input before analysing a part-filled chunk,
/// so that slow interactive input is answered promptly.
const LINGER: Duration = Duration::from_millis(20);

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
    let rx = input::spawn(sources, mode, READ_AHEAD, read)
        .map_err(|err| Fatal::Message(format!("cannot start the reader: {err}")))?;
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());

    let mut chunk = Vec::with_capacity(CHUNK_DOCUMENTS);
    'run: while next_chunk(&rx, &mut chunk) {
        let outcomes: Vec<_> = pool.install(|| {
            chunk
                .par_iter()
                .map(|item| {
                    let (name, label) = &names[item.source];
                    settings.process(Origin { name, label }, &item.kind)
                })
                .collect()
        });
        for outcome in outcomes {
            out.write_all(&outcome.output)?;
            if !outcome.output.is_empty() {
                progress.document();
            }
            if let Some(message) = outcome.error {
                progress.error(&message);
                if args.fail_fast {
                    break 'run;
                }
            }
        }
        // Flushing per chunk lets a consumer see records as they are made,
        // at the cost of one write per few thousand documents.
        out.flush()?;
        progress.update();
    }
    out.flush()?;
    let failed = progress.errors() > 0;
    progress.finish();
    Ok(if failed {
        ExitCode::from(EXIT_INPUT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
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

/// Fills `chunk` (emptied first) with the next items; false when the input
/// is exhausted.
fn next_chunk(rx: &Receiver<Item>, chunk: &mut Vec<Item>) -> bool {
    chunk.clear();
    let Ok(first) = rx.recv() else {
        return false;
    };
    let mut bytes = first.kind.len();
    chunk.push(first);
    while chunk.len() < CHUNK_DOCUMENTS && bytes < CHUNK_BYTES {
        match rx.recv_timeout(LINGER) {
            Ok(item) => {
                bytes += item.kind.len();
                chunk.push(item);
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    true
}
