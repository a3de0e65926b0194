//! Errors that say where: file, line, field, value and reason.
//!
//! Every reader in this crate reports a bad record as an [`Error`] whose
//! [`Error::position`] names the file and line, so a municipality can find and
//! fix the record. In collect mode a reader returns these next to the accepted
//! records instead of stopping (see [`Rejected`]).

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in the input an error was found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// The file (or a stream name such as `<stdin>`), when known.
    pub file: Option<PathBuf>,
    /// 1-based line (for CSV: 1-based record line in the file, the header being line 1), when known.
    pub line: Option<u64>,
}

impl Position {
    /// A position in `file` at `line`.
    pub fn new(file: Option<&Path>, line: u64) -> Self {
        Position { file: file.map(Path::to_path_buf), line: Some(line) }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}", p.display(), l),
            (Some(p), None) => write!(f, "{}", p.display()),
            (None, Some(l)) => write!(f, "line {l}"),
            (None, None) => f.write_str("<input>"),
        }
    }
}

/// What kind of problem it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading the file failed.
    Io,
    /// The text is not well-formed (JSON, CSV, gzip …).
    Syntax,
    /// A field that the format does not know.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field has a value of the wrong type, shape or range.
    InvalidValue,
    /// An id that occurred before in the same input.
    DuplicateId,
    /// A reference (ESCO URI, postcode, label …) that could not be resolved.
    Unresolved,
    /// The caller's settings (mapping file, options) are wrong.
    Config,
}

impl ErrorKind {
    /// A short stable name, e.g. `"unknown_field"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Syntax => "syntax",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::Unresolved => "unresolved",
            ErrorKind::Config => "config",
        }
    }
}

/// An error with its position, field, value and reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    position: Position,
    field: Option<String>,
    value: Option<String>,
    reason: String,
}

impl Error {
    /// A new error of `kind` with a reason; add position, field and value with the `with_` methods.
    pub fn new(kind: ErrorKind, reason: impl Into<String>) -> Self {
        Error { kind, position: Position::default(), field: None, value: None, reason: reason.into() }
    }

    /// Sets the position.
    pub fn with_position(mut self, position: Position) -> Self {
        self.position = position;
        self
    }

    /// Sets the file and line.
    pub fn at(self, file: Option<&Path>, line: u64) -> Self {
        self.with_position(Position::new(file, line))
    }

    /// Sets the field (a path like `experience[0].isco`).
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Sets the offending value (shortened to 80 characters).
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        let v: String = value.into();
        self.value = Some(if v.chars().count() > 80 { v.chars().take(77).chain("...".chars()).collect() } else { v });
        self
    }

    /// The kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where it happened.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// The field, when the error is about one.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The offending value, when there is one.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// Why it is wrong.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// An I/O error on `file`.
    pub fn io(file: Option<&Path>, err: &std::io::Error) -> Self {
        Error::new(ErrorKind::Io, err.to_string())
            .with_position(Position { file: file.map(Path::to_path_buf), line: None })
    }

    /// Wraps a core validation error, keeping its field and value.
    pub fn from_core(err: &werkmatch_core::Error) -> Self {
        let mut e = Error::new(ErrorKind::InvalidValue, err.reason()).with_field(err.field());
        if let Some(v) = err.value() {
            e = e.with_value(v);
        }
        e
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.position)?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.reason)?;
        if let Some(v) = &self.value {
            write!(f, " (value {v:?})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// The adapter's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How a reader treats a bad record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnError {
    /// Stop at the first bad record and return its error.
    #[default]
    Stop,
    /// Keep the good records and return every bad one in [`Loaded::rejected`].
    Collect,
}

/// A rejected record: the error and the raw text of the record (for the report).
pub type Rejected = Error;

/// What a reader loaded: the accepted records and, in collect mode, every rejected one.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    /// Records that passed every rule, in input order.
    pub accepted: Vec<T>,
    /// Records that broke a rule, in input order, each with position, field and reason.
    pub rejected: Vec<Rejected>,
    /// Records read (accepted + rejected; blank lines are not records).
    pub read: u64,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded { accepted: Vec::new(), rejected: Vec::new(), read: 0 }
    }
}

impl<T> Loaded<T> {
    /// A one-line summary: `read N, accepted A, rejected R`.
    pub fn summary(&self) -> String {
        format!("read {}, accepted {}, rejected {}", self.read, self.accepted.len(), self.rejected.len())
    }
}
