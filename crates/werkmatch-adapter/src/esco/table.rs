//! Reading one ESCO CSV file (plain or gzipped) by column name.
//!
//! The official export quotes cells RFC-4180 style, puts newline-separated
//! lists inside quoted cells and mixes CRLF and LF line endings, so we use
//! the `csv` crate, never line splitting. Columns are found by header name
//! because the column order differs between files and releases.

use std::cell::RefCell;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use flate2::read::MultiGzDecoder;

use crate::error::{Error, ErrorKind, OnError, Result};

/// One record of a table: its cells by requested column and its line in the file.
pub(crate) struct Row<'a> {
    record: &'a csv::StringRecord,
    cols: &'a [Option<usize>],
    /// 1-based line where the record starts (the header is line 1).
    pub line: u64,
}

impl Row<'_> {
    /// The trimmed cell of the `i`-th requested column; `""` when the column is absent.
    pub fn get(&self, i: usize) -> &str {
        self.cols.get(i).copied().flatten().and_then(|c| self.record.get(c)).map_or("", str::trim)
    }
}

/// Where rejected rows go and whether to stop at the first one.
pub(crate) struct Sink {
    /// Stop or collect.
    pub on_error: OnError,
    /// The collected errors, in reading order.
    pub rejected: Vec<Error>,
}

impl Sink {
    /// Records `err`; in stop mode it comes back as `Err`.
    pub fn reject(&mut self, err: Error) -> Result<()> {
        match self.on_error {
            OnError::Stop => Err(err),
            OnError::Collect => {
                self.rejected.push(err);
                Ok(())
            }
        }
    }
}

fn open(path: &Path) -> Result<Box<dyn Read>> {
    let file = File::open(path).map_err(|e| Error::io(Some(path), e))?;
    let reader = BufReader::with_capacity(1 << 16, file);
    let gz = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    Ok(if gz { Box::new(MultiGzDecoder::new(reader)) } else { Box::new(reader) })
}

/// Remembers the byte offset of every `\n` that passes through, so that a
/// record's byte offset gives its line. The `csv` crate's own line counter
/// drifts after CRLF line ends, which the official files mix with LF.
struct LineIndex<R> {
    inner: R,
    offset: u64,
    newlines: Rc<RefCell<Vec<u64>>>,
}

impl<R: Read> Read for LineIndex<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut nl = self.newlines.borrow_mut();
        for (i, &b) in buf.get(..n).unwrap_or(&[]).iter().enumerate() {
            if b == b'\n' {
                nl.push(self.offset + i as u64);
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// The 1-based line of a record starting at `byte`; after CRLF the `csv` crate starts
/// the next record at the `\n`, which therefore belongs to the line before.
fn line_of(newlines: &RefCell<Vec<u64>>, byte: u64) -> u64 {
    newlines.borrow().partition_point(|&o| o <= byte) as u64 + 1
}

/// Reads `path`, giving `f` each record with the `required` columns first and
/// the `optional` ones after them (in that order for [`Row::get`]).
///
/// A missing required column is a [`ErrorKind::MissingField`] error at line 1.
/// Missing trailing cells read as empty. A record with more cells than the header, bad UTF-8, or an
/// error returned by `f` is handed to `sink` with the file and line; an I/O or
/// gzip error ends the file because nothing after it can be trusted.
pub(crate) fn read_table(
    path: &Path,
    required: &[&str],
    optional: &[&str],
    sink: &mut Sink,
    mut f: impl FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    let newlines = Rc::new(RefCell::new(Vec::new()));
    let input = LineIndex { inner: open(path)?, offset: 0, newlines: Rc::clone(&newlines) };
    let mut rdr = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(input);
    let file = Some(path);
    let headers = rdr.headers().map_err(|e| csv_error(path, &e, 1))?.clone();
    let find = |name: &str| headers.iter().position(|h| h.trim().trim_start_matches('\u{feff}') == name);
    let mut cols = Vec::with_capacity(required.len() + optional.len());
    for name in required {
        match find(name) {
            Some(c) => cols.push(Some(c)),
            None => {
                return Err(Error::new(ErrorKind::MissingField, "the header lacks a required column")
                    .at(file, 1)
                    .with_field(*name))
            }
        }
    }
    cols.extend(optional.iter().map(|n| find(n)));
    let width = headers.len();
    let mut record = csv::StringRecord::new();
    loop {
        let line_before = line_of(&newlines, rdr.position().byte());
        match rdr.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = record.position().map_or(line_before, |p| line_of(&newlines, p.byte()));
                // A lone empty cell is what a blank line yields; it is not a record.
                if record.len() == 1 && record.get(0).is_some_and(str::is_empty) {
                    continue;
                }
                // The official skillsHierarchy files leave out empty trailing cells, so a short
                // row is read with those cells empty; a row with extra cells is malformed.
                if record.len() > width {
                    let err = Error::new(
                        ErrorKind::Syntax,
                        format!("expected at most {width} cells as in the header, found {}", record.len()),
                    )
                    .at(file, line);
                    sink.reject(err)?;
                    continue;
                }
                let row = Row { record: &record, cols: &cols, line };
                if let Err(e) = f(&row) {
                    let e = if e.position().file.is_none() { e.at(file, line) } else { e };
                    sink.reject(e)?;
                }
            }
            Err(e) => {
                let line = e.position().map_or(line_before, |p| line_of(&newlines, p.byte()));
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                let err = csv_error(path, &e, line);
                if fatal {
                    return Err(err);
                }
                sink.reject(err)?;
            }
        }
    }
}

fn csv_error(path: &Path, e: &csv::Error, line: u64) -> Error {
    let kind = if matches!(e.kind(), csv::ErrorKind::Io(_)) { ErrorKind::Io } else { ErrorKind::Syntax };
    Error::new(kind, e.to_string()).at(Some(path), line)
}

/// Splits a newline-separated list cell (altLabels, hiddenLabels) into trimmed, non-empty items.
pub(crate) fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(['\n', '\r']).map(str::trim).filter(|s| !s.is_empty())
}

/// The first existing file among `names` in `dir`, each tried as given and with `.gz` appended.
pub(crate) fn find_file(dir: &Path, names: &[String]) -> Option<PathBuf> {
    names.iter().flat_map(|n| [dir.join(n), dir.join(format!("{n}.gz"))]).find(|p| p.is_file())
}
