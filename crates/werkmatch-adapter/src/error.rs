//! Errors that say where: file, line, byte offset, record number, field, value and reason.
//!
//! Every reader in this crate reports a bad record as an [`Error`] whose
//! [`Error::position`] names the file and line, so a municipality can find and
//! fix the record. In collect mode a reader returns these next to the accepted
//! records instead of stopping (see [`Loaded::rejected`]); records that are
//! kept but look wrong come back as [`Loaded::warnings`].
//!
//! Messages never carry personal data: values are echoed only for typed
//! fields (see [`Error::with_value`]), never free text.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where in the input an error was found: the file, and as much of line,
/// byte offset and record number as the reader knows (like `csv::Position`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Position {
    /// The file (or a stream name such as `<stdin>`), when known.
    pub file: Option<PathBuf>,
    /// 1-based line (for CSV: 1-based record line in the file, the header being line 1), when known.
    pub line: Option<u64>,
    /// 0-based byte offset of the record (or of the error) in the input, when known.
    pub byte: Option<u64>,
    /// 1-based number of the record in the input (blank lines and skipped context nodes do not count), when known.
    pub record: Option<u64>,
}

impl Position {
    /// A position in `file` at `line`.
    pub fn new(file: Option<&Path>, line: u64) -> Self {
        Position { file: file.map(Path::to_path_buf), line: Some(line), byte: None, record: None }
    }

    /// A position in `file` with no line (errors about the whole file).
    pub fn file(file: Option<&Path>) -> Self {
        Position { file: file.map(Path::to_path_buf), ..Position::default() }
    }

    /// Sets the byte offset.
    pub fn with_byte(mut self, byte: u64) -> Self {
        self.byte = Some(byte);
        self
    }

    /// Sets the record number.
    pub fn with_record(mut self, record: u64) -> Self {
        self.record = Some(record);
        self
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
    /// An id that occurred before in the same input; [`Error::duplicate`] says
    /// which population and where the id was first used.
    DuplicateId,
    /// A reference (ESCO URI, postcode, label …) that could not be resolved.
    Unresolved,
    /// The caller's settings (mapping file, options) are wrong.
    Config,
    /// A value that is valid but unlikely (a location outside the expected
    /// region); used for warnings, the record is kept.
    Implausible,
    /// The input holds no records at all.
    Empty,
    /// A valid record that matching for Dutch seekers cannot use (a remote
    /// posting open only to applicants abroad).
    OutOfScope,
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
            ErrorKind::Implausible => "implausible",
            ErrorKind::Empty => "empty",
            ErrorKind::OutOfScope => "out_of_scope",
        }
    }
}

/// The kind of records a reader loads: named in duplicate-id errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Population {
    /// Jobseekers.
    Seekers,
    /// Vacancies (also schema.org JobPostings).
    Vacancies,
    /// Employers without a vacancy (also jobhunters' leads).
    Employers,
}

impl Population {
    /// The singular noun used in messages: `seeker`, `vacancy`, `employer`.
    pub fn singular(self) -> &'static str {
        match self {
            Population::Seekers => "seeker",
            Population::Vacancies => "vacancy",
            Population::Employers => "employer",
        }
    }
}

/// What a [`ErrorKind::DuplicateId`] error knows: the population whose ids
/// must be unique, and where the id was first used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DuplicateId {
    /// Whose ids collide.
    pub population: Population,
    /// Where the first record with this id is (file and line).
    pub first: Position,
}

/// An error with its position, field, value and reason.
///
/// Like `csv::Error`, it keeps what it knows: the [`Position`] (file, line,
/// byte offset, record number), the field, the value (typed values only,
/// see [`Error::with_value`]), and for I/O errors the underlying
/// `std::io::Error` as its [`source`](std::error::Error::source).
#[derive(Clone, Debug)]
pub struct Error(Box<Inner>);

/// The parts of an [`Error`], boxed so that a `Result` stays small on the happy path.
#[derive(Clone, Debug)]
struct Inner {
    kind: ErrorKind,
    position: Position,
    field: Option<String>,
    value: Option<String>,
    reason: String,
    duplicate: Option<DuplicateId>,
    // `Arc` so that the error stays `Clone` (an `io::Error` is not).
    source: Option<Arc<std::io::Error>>,
}

/// Two errors are equal when they say the same thing; an I/O source is compared by its kind.
impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind == other.0.kind
            && self.0.position == other.0.position
            && self.0.field == other.0.field
            && self.0.value == other.0.value
            && self.0.reason == other.0.reason
            && self.0.duplicate == other.0.duplicate
            && self.0.source.as_ref().map(|e| e.kind()) == other.0.source.as_ref().map(|e| e.kind())
    }
}

impl Eq for Error {}

/// Longest value echoed in a message: typed values are short; anything longer is cut.
const MAX_VALUE_CHARS: usize = 32;

impl Error {
    /// A new error of `kind` with a reason; add position, field and value with the `with_` methods.
    pub fn new(kind: ErrorKind, reason: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            kind,
            position: Position::default(),
            field: None,
            value: None,
            reason: reason.into(),
            duplicate: None,
            source: None,
        }))
    }

    /// A duplicate id in `population`, first used at `first`.
    pub fn duplicate_id(population: Population, first: Position) -> Self {
        let reason = match first.line {
            Some(line) => format!("duplicate {} id: first used on line {line}", population.singular()),
            None => format!("duplicate {} id", population.singular()),
        };
        let mut e = Error::new(ErrorKind::DuplicateId, reason);
        e.0.duplicate = Some(DuplicateId { population, first });
        e
    }

    /// Sets the position.
    pub fn with_position(mut self, position: Position) -> Self {
        self.0.position = position;
        self
    }

    /// Sets the file and line (keeping a byte offset and record number already set).
    pub fn at(mut self, file: Option<&Path>, line: u64) -> Self {
        self.0.position.file = file.map(Path::to_path_buf);
        self.0.position.line = Some(line);
        self
    }

    /// Sets the byte offset of the position.
    pub fn at_byte(mut self, byte: u64) -> Self {
        self.0.position.byte = Some(byte);
        self
    }

    /// Sets the record number of the position.
    pub fn at_record(mut self, record: u64) -> Self {
        self.0.position.record = Some(record);
        self
    }

    /// Sets the field (a path like `experience[0].isco`).
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.0.field = Some(field.into());
        self
    }

    /// Sets the offending value. Only for **typed** values (numbers, codes,
    /// enums, times): messages never echo free text, which may describe a
    /// person. The value is cut to 32 characters, a Dutch six-position
    /// postcode is shown as its four digits (`9711 AB` → `9711`), and a
    /// 9-digit number that passes the BSN eleven-test is not shown at all.
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.0.value = crate::privacy::shown_value(&value.into(), MAX_VALUE_CHARS);
        self
    }

    /// Replaces the reason (keeping kind, position, field, value and source).
    pub(crate) fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.0.reason = reason.into();
        self
    }

    /// Removes the value (e.g. when a wrapped error carried one from a free-text field).
    pub fn without_value(mut self) -> Self {
        self.0.value = None;
        self
    }

    /// The kind.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where it happened.
    pub fn position(&self) -> &Position {
        &self.0.position
    }

    /// The field, when the error is about one.
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    /// The offending value, when there is one.
    pub fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }

    /// Why it is wrong.
    pub fn reason(&self) -> &str {
        &self.0.reason
    }

    /// For a [`ErrorKind::DuplicateId`] error: the population and the first use.
    pub fn duplicate(&self) -> Option<&DuplicateId> {
        self.0.duplicate.as_ref()
    }

    /// The underlying I/O error of an [`ErrorKind::Io`] error.
    pub fn io_error(&self) -> Option<&std::io::Error> {
        self.0.source.as_deref()
    }

    /// An I/O error on `file`; the `std::io::Error` is kept as the [`source`](std::error::Error::source).
    pub fn io(file: Option<&Path>, err: std::io::Error) -> Self {
        let mut e = Error::new(ErrorKind::Io, err.to_string()).with_position(Position::file(file));
        e.0.source = Some(Arc::new(err));
        e
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
        write!(f, "{}: ", self.0.position)?;
        if let Some(field) = &self.0.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.0.reason)?;
        if let Some(v) = &self.0.value {
            write!(f, " (value {v:?})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The adapter's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How a reader treats a bad record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OnError {
    /// Stop at the first bad record and return its error.
    #[default]
    Stop,
    /// Keep the good records and return every bad one in [`Loaded::rejected`].
    Collect,
}

/// A rejected record: its error (position, field, reason). The record's text
/// is not kept: it may hold personal data, and the position finds it.
pub type Rejected = Error;

/// A field a reader filled from free text rather than from a field made for
/// it (e.g. `earliest_start` from a JobPosting's `description`), and how often.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Derived {
    /// The FORMAT.md field that was filled, e.g. `earliest_start`.
    pub field: &'static str,
    /// Where the text came from, e.g. `workHours` or `description`.
    pub source: &'static str,
    /// Records in which it was filled this way.
    pub records: u64,
}

/// What a reader loaded: the accepted records and, in collect mode, every rejected one.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Loaded<T> {
    /// Records that passed every rule, in input order.
    pub accepted: Vec<T>,
    /// Records that broke a rule, in input order, each with position, field and reason.
    pub rejected: Vec<Rejected>,
    /// Records read (accepted + rejected; blank lines are not records).
    pub read: u64,
    /// Things that are worth a look but did not reject a record (a location
    /// outside the expected region, an empty input), each with its position.
    pub warnings: Vec<Error>,
    /// Fields filled from free text, counted by field and source (in first-seen order).
    pub derived: Vec<Derived>,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded { accepted: Vec::new(), rejected: Vec::new(), read: 0, warnings: Vec::new(), derived: Vec::new() }
    }
}

impl<T> Loaded<T> {
    /// A one-line summary: `read N, accepted A, rejected R` (and the warnings, when there are any).
    pub fn summary(&self) -> String {
        let mut s = format!("read {}, accepted {}, rejected {}", self.read, self.accepted.len(), self.rejected.len());
        if !self.warnings.is_empty() {
            s.push_str(&format!(", warnings {}", self.warnings.len()));
        }
        s
    }

    /// Counts one record whose `field` was filled from the text of `source`.
    pub(crate) fn count_derived(&mut self, field: &'static str, source: &'static str) {
        match self.derived.iter_mut().find(|d| d.field == field && d.source == source) {
            Some(d) => d.records += 1,
            None => self.derived.push(Derived { field, source, records: 1 }),
        }
    }
}
