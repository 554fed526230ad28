use std::fmt;
use std::path::{Path, PathBuf};

/// An error from building an extractor or loading its resources.
///
/// Analysing text never fails; only configuration can. The error names the
/// place it was found (file and line) where there is one.
///
/// # Example
///
/// ```
/// use sayso::{ErrorKind, Gazetteer};
///
/// let err = Gazetteer::builder()
///     .add_tsv("mine.tsv", "only\ttwo\n")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Gazetteer);
/// assert!(err.to_string().starts_with("mine.tsv:1:"));
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    line: Option<u64>,
}

/// What kind of [`Error`] happened.
///
/// # Example
///
/// ```
/// use sayso::ErrorKind;
/// assert_ne!(ErrorKind::Io, ErrorKind::Gazetteer);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// A gazetteer entry is malformed.
    Gazetteer,
    /// A lexicon (speech verbs, titles, pronouns) is malformed.
    Lexicon,
    /// An argument or input value is not valid.
    InvalidInput,
}

impl Error {
    /// What kind of error this is.
    ///
    /// # Example
    ///
    /// ```
    /// let err = "furlongs".parse::<sayso::OffsetUnit>().unwrap_err();
    /// assert_eq!(err.kind(), sayso::ErrorKind::InvalidInput);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error was found in, if it came from one.
    ///
    /// # Example
    ///
    /// ```
    /// let err = sayso::Gazetteer::builder().add_tsv("g.tsv", "x\n").build().unwrap_err();
    /// assert_eq!(err.path().unwrap(), std::path::Path::new("g.tsv"));
    /// ```
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line the error was found on, if it came from a file.
    ///
    /// # Example
    ///
    /// ```
    /// let err = sayso::Gazetteer::builder().add_tsv("g.tsv", "x\n").build().unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// ```
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            path: None,
            line: None,
        }
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message)
    }

    pub(crate) fn io(path: &Path, err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, err.to_string()).at(path, None)
    }

    pub(crate) fn at(mut self, path: impl Into<PathBuf>, line: Option<u64>) -> Error {
        self.path = Some(path.into());
        self.line = line;
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{}: {}", path.display(), line, self.message),
            (Some(path), None) => write!(f, "{}: {}", path.display(), self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
