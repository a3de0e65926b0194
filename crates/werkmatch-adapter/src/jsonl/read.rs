//! Reading JSON Lines: a streaming [`Reader`] and the `read_*` functions built on it.

use std::collections::HashMap;
use std::io::BufRead;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde_json::Value;
use werkmatch_core::{Employer, Jobseeker, Vacancy};

use super::diagnose::{decode_str, decode_value, syntax_error};
use super::record::Record;
use crate::error::{Error, ErrorKind, Loaded, OnError, Population, Position, Result};
use crate::feed::{Progress, PROGRESS_EVERY};
use crate::read_options::ReadOptions;
use crate::resolve::OccupationResolver;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A streaming reader of one kind of record: yields each record, or the error
/// that rejected it, line by line.
///
/// Holds one line buffer (reused) and the ids accepted so far (for the
/// duplicate check), so memory does not grow with rejected or blank lines.
/// Blank and whitespace-only lines are skipped; a UTF-8 byte-order mark on the
/// first line is ignored. After an I/O error the reader yields that error
/// (kind [`ErrorKind::Io`]) and then ends.
///
/// A record whose id was accepted before is rejected with
/// [`ErrorKind::DuplicateId`]; the first one stays accepted. Ids of rejected
/// records are not remembered, so a later record with the same id is judged on
/// its own.
///
/// ```
/// use werkmatch_adapter::jsonl::Reader;
/// use werkmatch_core::Jobseeker;
/// let text = "{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.56}}\n\n{\"id\":\"S1\",\"location\":{\"lat\":0,\"lon\":0}}\n";
/// let mut reader = Reader::<Jobseeker, _>::new(text.as_bytes(), None, None);
/// assert_eq!(reader.next().unwrap().unwrap().id.as_str(), "S1");
/// let dup = reader.next().unwrap().unwrap_err();
/// assert_eq!(dup.position().line, Some(3));
/// assert!(reader.next().is_none());
/// ```
pub struct Reader<'a, T, R> {
    input: R,
    file: Option<PathBuf>,
    resolver: Option<&'a dyn OccupationResolver>,
    buf: Vec<u8>,
    line: u64,
    read: u64,
    bytes: u64,
    seen: HashMap<Box<str>, u64>,
    finished: bool,
    record: PhantomData<fn() -> T>,
}

impl<'a, T: Record, R: BufRead> Reader<'a, T, R> {
    /// A reader over `input`; `file` names it in errors; `resolver` resolves ESCO references.
    pub fn new(input: R, file: Option<&Path>, resolver: Option<&'a dyn OccupationResolver>) -> Self {
        Reader {
            input,
            file: file.map(Path::to_path_buf),
            resolver,
            buf: Vec::with_capacity(1024),
            line: 0,
            read: 0,
            bytes: 0,
            seen: HashMap::new(),
            finished: false,
            record: PhantomData,
        }
    }

    /// Records read so far (accepted and rejected; blank lines are not records).
    pub fn records_read(&self) -> u64 {
        self.read
    }

    /// The number of the last line read (1-based; 0 before the first).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Bytes of input consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    fn record_at(&mut self, line: u64) -> Result<T> {
        let file = self.file.as_deref();
        let record = decode_line::<T>(&self.buf, line == 1, self.resolver).map_err(|e| e.at(file, line))?;
        let id = record.record_id();
        if T::POPULATION == Population::Seekers {
            crate::privacy::check_pseudonymous(id).map_err(|e| e.with_field("id").at(file, line))?;
        }
        if let Some(first) = self.seen.get(id) {
            return Err(Error::duplicate_id(T::POPULATION, Position::new(file, *first))
                .with_field("id")
                .with_value(id)
                .at(file, line));
        }
        self.seen.insert(id.into(), line);
        Ok(record)
    }
}

impl<T: Record, R: BufRead> Iterator for Reader<'_, T, R> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        while !self.finished {
            self.buf.clear();
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.finished = true,
                Ok(n) => {
                    self.bytes += n as u64;
                    self.line += 1;
                    if is_blank(content(&self.buf, self.line == 1)) {
                        continue;
                    }
                    self.read += 1;
                    return Some(self.record_at(self.line));
                }
                Err(e) => {
                    self.finished = true;
                    return Some(Err(Error::io(self.file.as_deref(), e).at(self.file.as_deref(), self.line + 1)));
                }
            }
        }
        None
    }
}

impl<T, R> std::fmt::Debug for Reader<'_, T, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("file", &self.file)
            .field("line", &self.line)
            .field("read", &self.read)
            .field("resolver", &self.resolver.is_some())
            .finish()
    }
}

/// The line without its line ending (and without a byte-order mark on the first line).
fn content(buf: &[u8], first_line: bool) -> &[u8] {
    let mut b = buf;
    if let Some(rest) = b.strip_suffix(b"\n") {
        b = rest;
    }
    if let Some(rest) = b.strip_suffix(b"\r") {
        b = rest;
    }
    if first_line {
        if let Some(rest) = b.strip_prefix(BOM) {
            b = rest;
        }
    }
    b
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Decodes one non-blank line (without position on the error).
fn decode_line<T: Record>(buf: &[u8], first_line: bool, resolver: Option<&dyn OccupationResolver>) -> Result<T> {
    let bytes = content(buf, first_line);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::Syntax, format!("invalid UTF-8 at byte {} of the line", e.valid_up_to() + 1))
    })?;
    // serde would also take a JSON array for a struct (field by position);
    // FORMAT.md records are objects, and a positional record is unreadable.
    if text.trim_start().as_bytes().first() != Some(&b'{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(e) => syntax_error(&e),
            Ok(_) => Error::new(ErrorKind::InvalidValue, "a line must hold one JSON object `{...}`"),
        });
    }
    let Some(resolver) = resolver else {
        // The fast path: straight from text into the record, no intermediate tree.
        return decode_str::<T>(text);
    };
    let parse_and_resolve = || -> Result<Value> {
        let mut doc: Value = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
        if let Value::Object(obj) = &mut doc {
            T::resolve_references(obj, resolver)?;
        }
        Ok(doc)
    };
    // Decoding the owned tree moves its strings into the record instead of copying them.
    match T::deserialize(parse_and_resolve()?) {
        Ok(record) => Ok(record),
        // That consumed the tree; rebuild it (same text, same result) to find the field.
        Err(_) => decode_value::<T>(&parse_and_resolve()?),
    }
}

/// Reads every record of `input` (one JSON object per line).
///
/// With [`OnError::Stop`] the first bad record ends the read with its error;
/// with [`OnError::Collect`] every bad record is returned in
/// [`Loaded::rejected`] and the good ones in [`Loaded::accepted`]. An I/O error
/// always ends the read with `Err`, whatever the mode. The options' progress
/// callback hears every [`PROGRESS_EVERY`] records and once at the end; the
/// options for other formats (postcodes, normalisers, a default sector) do not
/// apply to FORMAT.md records, which carry coordinates, codes and skill ids.
pub fn read_records<T: Record>(input: impl BufRead, file: Option<&Path>, opts: &ReadOptions<'_>) -> Result<Loaded<T>> {
    let mut reader = Reader::<T, _>::new(input, file, opts.record.resolver);
    let mut loaded = Loaded::default();
    while let Some(item) = reader.next() {
        match item {
            Ok(record) => {
                if let Some(w) = record.record_location().and_then(|p| opts.record.area.check(p)) {
                    loaded.warnings.push(w.with_field("location").at(file, reader.line()));
                }
                loaded.accepted.push(record);
            }
            Err(e) => {
                let e = e.at_record(reader.records_read());
                if e.kind() == ErrorKind::Io || opts.on_error == OnError::Stop {
                    return Err(e);
                }
                loaded.rejected.push(e);
            }
        }
        if reader.records_read() % PROGRESS_EVERY == 0 {
            opts.report(Progress { records: reader.records_read(), bytes: reader.bytes_read() });
        }
    }
    loaded.read = reader.records_read();
    opts.report(Progress { records: loaded.read, bytes: reader.bytes_read() });
    if loaded.read == 0 {
        let reason = if reader.line() == 0 { "the input is empty (0 bytes)" } else { "the input holds no records" };
        loaded.warnings.push(Error::new(ErrorKind::Empty, reason).with_position(Position::file(file)));
    }
    Ok(loaded)
}

/// Reads every record of the file at `path` (see [`read_records`]).
pub fn read_records_file<T: Record>(path: impl AsRef<Path>, opts: &ReadOptions<'_>) -> Result<Loaded<T>> {
    let path = path.as_ref();
    read_records(crate::files::open(path)?, Some(path), opts)
}

/// Reads jobseekers (`seekers.jsonl`) from `input`; `file` names it in errors.
pub fn read_seekers(input: impl BufRead, file: Option<&Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Jobseeker>> {
    read_records(input, file, opts)
}

/// Reads vacancies (`vacancies.jsonl`) from `input`; `file` names it in errors.
pub fn read_vacancies(input: impl BufRead, file: Option<&Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Vacancy>> {
    read_records(input, file, opts)
}

/// Reads employers without a vacancy (`employers.jsonl`) from `input`; `file` names it in errors.
pub fn read_employers(input: impl BufRead, file: Option<&Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Employer>> {
    read_records(input, file, opts)
}

/// Reads jobseekers from the file at `path`.
pub fn read_seekers_file(path: impl AsRef<Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Jobseeker>> {
    read_records_file(path, opts)
}

/// Reads vacancies from the file at `path`.
pub fn read_vacancies_file(path: impl AsRef<Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Vacancy>> {
    read_records_file(path, opts)
}

/// Reads employers without a vacancy from the file at `path`.
pub fn read_employers_file(path: impl AsRef<Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Employer>> {
    read_records_file(path, opts)
}
