//! Line numbers of CSV records.
//!
//! The `csv` crate's record positions are not line numbers we can report: it
//! skips blank lines without counting them, and with CRLF endings its line
//! count lags. Its byte position of a record is where parsing of the record
//! began, which is at or before the record's first byte (leading line
//! endings are skipped) and after the previous record. So this reader
//! notes, for every line that does not begin with a line ending, where it
//! starts; a record's line is the first noted line that starts at or after
//! the record's byte position. Entries before the current record are
//! dropped as the reader advances, so memory is bounded by the read-ahead.

use std::collections::VecDeque;
use std::io::{self, Read};

/// A `Read` wrapper that notes where non-empty lines start.
#[derive(Debug)]
pub(crate) struct LineTracker<R> {
    inner: R,
    offset: u64,
    line: u64,
    at_line_start: bool,
    starts: VecDeque<(u64, u64)>,
}

impl<R: Read> LineTracker<R> {
    pub fn new(inner: R) -> Self {
        LineTracker { inner, offset: 0, line: 1, at_line_start: true, starts: VecDeque::new() }
    }

    /// The line of the record whose parse began at byte `pos`; drops earlier entries.
    pub fn line_at(&mut self, pos: u64) -> u64 {
        while self.starts.front().is_some_and(|(off, _)| *off < pos) {
            self.starts.pop_front();
        }
        // Nothing noted at or after `pos`: the record is what remains of the last line.
        self.starts.front().map_or(self.line, |(_, line)| *line)
    }

    /// Bytes read from the input so far.
    pub fn bytes(&self) -> u64 {
        self.offset
    }
}

impl<R: Read> Read for LineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, b) in buf.get(..n).unwrap_or(&[]).iter().enumerate() {
            if self.at_line_start && *b != b'\n' && *b != b'\r' {
                self.starts.push_back((self.offset + i as u64, self.line));
            }
            if *b == b'\n' {
                self.line += 1;
                self.at_line_start = true;
            } else {
                self.at_line_start = self.at_line_start && *b == b'\r';
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}
