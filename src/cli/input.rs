//! Reading the inputs, on a thread of their own, as a stream of items.
//!
//! The reader thread opens each input in turn, undoes gzip compression when
//! the data starts with the gzip magic bytes, and hands lines (JSON Lines
//! mode) or whole files (plain-text mode), in batches, to the caller's
//! `deliver`, which may block: that is what keeps memory flat on inputs of
//! any size, as the reader can get no further ahead of the analysis than
//! `deliver` lets it.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

/// Big enough that a read syscall moves a useful amount of data, small
/// enough not to matter next to the documents in flight.
const READ_BUFFER: usize = 256 * 1024;

/// Items are handed on in batches, so that what handing on costs (a job, a
/// slot, waking a thread) is shared by many small documents. A batch is cut
/// at whichever bound comes first, and as soon as the next line is not
/// already read, so that a line typed on standard input is answered without
/// waiting for more.
const BATCH_ITEMS: usize = 64;
const BATCH_BYTES: usize = 64 * 1024;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// One input named on the command line.
#[derive(Clone, Debug)]
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub(crate) fn new(arg: PathBuf) -> Source {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(arg)
        }
    }

    /// The name as given on the command line: the document id in plain-text
    /// mode and the `file` of error records.
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The name for messages to a person.
    pub(crate) fn label(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The size on disk, when it is known before reading (regular files).
    pub(crate) fn size(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(path) => std::fs::metadata(path)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len()),
        }
    }
}

/// How the inputs are cut into documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// One document per line, as a JSON object.
    JsonLines,
    /// One document per file, as plain text.
    Plain,
}

/// What the reader sends: a piece of input, tagged with where it came from.
#[derive(Debug)]
pub(crate) struct Item {
    /// The index of the input in the list of sources.
    pub(crate) source: usize,
    pub(crate) kind: ItemKind,
}

#[derive(Debug)]
pub(crate) enum ItemKind {
    /// One line of JSON Lines input, without its `\n` or `\r\n`.
    Line {
        /// 1-based.
        number: u64,
        /// The byte offset of the line's start in the (decompressed) input.
        offset: u64,
        bytes: Vec<u8>,
    },
    /// The whole contents of a plain-text input.
    Document(Vec<u8>),
    /// The input could not be opened, or reading it broke off.
    Failed {
        /// The line that could not be read, in JSON Lines mode.
        line: Option<u64>,
        message: String,
    },
}

impl ItemKind {
    /// How many bytes of input the item holds, for bounding memory.
    pub(crate) fn len(&self) -> usize {
        match self {
            ItemKind::Line { bytes, .. } | ItemKind::Document(bytes) => bytes.len(),
            ItemKind::Failed { .. } => 0,
        }
    }
}

/// Starts the reader thread, which passes the items to `deliver` in input
/// order, in batches, and stops early when `deliver` returns false. `read`
/// counts the raw bytes taken from the inputs (compressed bytes for gzip),
/// for progress reporting.
pub(crate) fn spawn(
    sources: Vec<Source>,
    mode: Mode,
    read: Arc<AtomicU64>,
    mut deliver: impl FnMut(Vec<Item>) -> bool + Send + 'static,
) -> io::Result<()> {
    std::thread::Builder::new()
        .name("sayso-reader".to_string())
        .spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0;
            for (index, source) in sources.iter().enumerate() {
                // `more` says the next item is already at hand. The last
                // item of an input never is, so no batch is left over.
                let mut send = |kind: ItemKind, more: bool| {
                    bytes += kind.len();
                    batch.push(Item {
                        source: index,
                        kind,
                    });
                    if more && batch.len() < BATCH_ITEMS && bytes < BATCH_BYTES {
                        return true;
                    }
                    bytes = 0;
                    deliver(std::mem::take(&mut batch))
                };
                let reader = match open(source, Arc::clone(&read)) {
                    Ok(reader) => reader,
                    Err(err) => {
                        let message = format!("cannot read: {err}");
                        let failed = ItemKind::Failed {
                            line: None,
                            message,
                        };
                        if !send(failed, false) {
                            return;
                        }
                        continue;
                    }
                };
                let go_on = match mode {
                    Mode::JsonLines => read_lines(reader, &mut send),
                    Mode::Plain => read_whole(reader, &mut send),
                };
                // The run was stopped (--fail-fast, a closed output);
                // nothing is left to do.
                if !go_on {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Sends each line, and whether the next is already read; returns false once
/// `send` does. The `jsonl` fuzz target calls it directly.
pub(crate) fn read_lines(
    mut reader: Box<dyn Input>,
    send: &mut impl FnMut(ItemKind, bool) -> bool,
) -> bool {
    let mut number = 0;
    let mut offset = 0;
    loop {
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return true,
            Ok(n) => {
                number += 1;
                let mut start = offset;
                // Windows tools often begin a UTF-8 file with a byte order
                // mark, which RFC 8259 lets a JSON reader ignore.
                if number == 1 && bytes.starts_with(BOM) {
                    bytes.drain(..BOM.len());
                    start += BOM.len() as u64;
                }
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                    if bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                }
                let kind = ItemKind::Line {
                    number,
                    offset: start,
                    bytes,
                };
                if !send(kind, reader.at_hand()) {
                    return false;
                }
                offset += n as u64;
            }
            Err(err) => {
                let message = format!("cannot read: {err}");
                let line = Some(number + 1);
                return send(ItemKind::Failed { line, message }, false);
            }
        }
    }
}

fn read_whole(mut reader: Box<dyn Input>, send: &mut impl FnMut(ItemKind, bool) -> bool) -> bool {
    let mut bytes = Vec::new();
    let kind = match reader.read_to_end(&mut bytes) {
        Ok(_) => ItemKind::Document(bytes),
        Err(err) => ItemKind::Failed {
            line: None,
            message: format!("cannot read: {err}"),
        },
    };
    send(kind, false)
}

/// A buffered input that tells whether it holds data not yet consumed.
pub(crate) trait Input: BufRead {
    /// Whether more input is at hand, without a read that could block.
    fn at_hand(&self) -> bool;
}

impl<R: Read> Input for BufReader<R> {
    fn at_hand(&self) -> bool {
        !self.buffer().is_empty()
    }
}

/// Opens an input, decompressing it if it is gzip. Sniffing the magic bytes
/// rather than trusting a `.gz` name also handles compressed standard input,
/// and cannot misfire on text: 0x8B is never the second byte of valid UTF-8
/// text that starts with 0x1F.
fn open(source: &Source, read: Arc<AtomicU64>) -> io::Result<Box<dyn Input>> {
    let raw: Box<dyn Read> = match source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File(path) => Box::new(open_file(path)?),
    };
    let mut reader = BufReader::with_capacity(READ_BUFFER, Counting { inner: raw, read });
    if reader.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        let decoder = MultiGzDecoder::new(reader);
        Ok(Box::new(BufReader::with_capacity(READ_BUFFER, decoder)))
    } else {
        Ok(Box::new(reader))
    }
}

fn open_file(path: &Path) -> io::Result<File> {
    let file = File::open(path)?;
    // Opening a directory succeeds on Unix; say what is wrong up front
    // rather than with a read error later.
    if file.metadata()?.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    Ok(file)
}

/// Counts the bytes read through it.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
