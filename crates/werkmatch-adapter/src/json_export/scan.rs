//! A byte-level scanner that cuts a JSON stream into its records without
//! parsing them, so that big files are read one record at a time.
//!
//! It knows only strings (with escapes) and bracket depth: enough to find
//! where a value ends. Each record's bytes go to the caller in one reused
//! buffer, with the line it starts on; the caller decodes them with
//! `serde_json`, which reports whatever the scanner let through (mismatched
//! brackets, bad literals) relative to that line. Memory is one record, not
//! the file.
//!
//! Shapes cut into records: a top-level array (its elements), an object with
//! an `@graph` array (its elements, when asked for; the object's other keys
//! are kept, without the graph's elements), and any other value (whole),
//! several of these one after another (JSON Lines, concatenated documents).
//!
//! # Resynchronisation
//!
//! A syntax error must not cost the records after it. Three rules keep the
//! cut on track:
//!
//! * a line break inside a string ends the string (JSON strings cannot hold
//!   one, so the quote is missing); the element is then broken, but the
//!   bracket count, and so the next element, stays right;
//! * between the elements of an array, anything but `,` or `]` (a missing
//!   comma, a stray bracket) is reported and skipped up to the next line that
//!   starts with `{`, where reading goes on;
//! * a value that the input ends inside is still handed over (marked
//!   `truncated`), so that the reader can report it and look inside it for
//!   records that a missing `}` swallowed ([`resync_point`], [`Scanner::elements`]).
//!
//! Where none of this helps (a broken top-level object around an `@graph`),
//! the syntax error says where reading stopped and how many bytes were left.

use std::io::BufRead;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// One value cut from the stream.
#[derive(Debug)]
pub(crate) struct Piece<'b> {
    /// Its bytes (one element, or one whole top-level value).
    pub bytes: &'b [u8],
    /// The line its first byte is on (1-based).
    pub line: u64,
    /// The byte offset of its first byte in the input.
    pub start: u64,
    /// The input ends inside this value (a closing bracket or quote is missing).
    pub truncated: bool,
    /// Whether it is an element of an `@graph`.
    pub in_graph: bool,
    /// 1 for an element of a top-level array or graph, 0 for a whole top-level value.
    pub depth: usize,
    /// Bytes of input consumed up to its end (for progress reports).
    pub end: u64,
}

/// What the scanner hands its caller.
#[derive(Debug)]
pub(crate) enum Event<'b> {
    /// A value to decode.
    Value(Piece<'b>),
    /// The text is not JSON here; the scan stops after this.
    Syntax(Error),
}

/// Reads a JSON stream byte by byte, counting lines.
pub(crate) struct Scanner<'f, R> {
    input: R,
    file: Option<&'f Path>,
    line: u64,
    bytes: u64,
    /// The brackets open in the value being cut (reused).
    open: Vec<u8>,
}

/// How a value's cut ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cut {
    /// At its closing bracket or quote (or, for a number or literal, its end).
    Complete,
    /// After a line break inside a string: the closing quote is missing.
    LineBreakInString,
    /// The input ended inside it.
    EndOfInput,
    /// At a `]` that closed an object: the object missed its `}`, and the
    /// enclosing array ends here.
    ClosedOuterArray,
}

impl Cut {
    /// Whether the value (as far as brackets and quotes go) is whole.
    fn whole(self) -> bool {
        self == Cut::Complete
    }
}

/// `Err` of a scan step: a syntax error (reported as an event), or an I/O
/// error or the caller's own error (either ends the read).
enum Halt {
    Syntax(Error),
    Stop(Error),
}

type Step<T = ()> = std::result::Result<T, Halt>;

impl<'f, R: BufRead> Scanner<'f, R> {
    /// A scanner at line 1 of `input`.
    pub fn new(input: R, file: Option<&'f Path>) -> Self {
        Scanner { input, file, line: 1, bytes: 0, open: Vec::new() }
    }

    /// A scanner over a part of an input that starts at `line` and byte offset `bytes`.
    pub fn at(input: R, file: Option<&'f Path>, line: u64, bytes: u64) -> Self {
        Scanner { input, file, line, bytes, open: Vec::new() }
    }

    /// Bytes consumed so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    fn syntax(&self, reason: impl Into<String>) -> Halt {
        Halt::Syntax(self.syntax_error(reason))
    }

    fn syntax_error(&self, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::Syntax, reason).at(self.file, self.line).at_byte(self.bytes)
    }

    fn peek(&mut self) -> Step<Option<u8>> {
        match self.input.fill_buf() {
            Ok(buf) => Ok(buf.first().copied()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => self.peek(),
            Err(e) => Err(Halt::Stop(Error::io(self.file, e).at(self.file, self.line))),
        }
    }

    fn bump(&mut self, b: u8) {
        self.input.consume(1);
        self.bytes += 1;
        if b == b'\n' {
            self.line += 1;
        }
    }

    /// The next byte that is not JSON whitespace, not consumed.
    fn skip_ws(&mut self) -> Step<Option<u8>> {
        while let Some(b) = self.peek()? {
            if !matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
                return Ok(Some(b));
            }
            self.bump(b);
        }
        Ok(None)
    }

    /// [`Self::skip_ws`], keeping the whitespace in `out` (so lines in a kept object stay right).
    fn skip_ws_into(&mut self, out: &mut Vec<u8>) -> Step<Option<u8>> {
        while let Some(b) = self.peek()? {
            if !matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
                return Ok(Some(b));
            }
            self.take(b, out);
        }
        Ok(None)
    }

    /// Consumes `b`, appending it to `out`.
    fn take(&mut self, b: u8, out: &mut Vec<u8>) {
        self.bump(b);
        out.push(b);
    }

    /// Appends the bytes of the value that starts here to `out`.
    ///
    /// A string ends at its closing quote, an object or array when the
    /// bracket depth is back at zero (the kind of bracket is left to the
    /// decoder), anything else (numbers, literals) before the next
    /// delimiter; a line break ends a string (see the module docs). Returns
    /// `false` when the input ends inside an object, array or string, or a
    /// line break ends a string (the value is then cut after that line break).
    /// Works a buffer chunk at a time: this is the hot loop.
    fn value(&mut self, out: &mut Vec<u8>) -> Step<Cut> {
        let Some(first) = self.peek()? else { return Err(self.syntax("JSON: expected a value, found the end")) };
        let scalar = !matches!(first, b'{' | b'[' | b'"');
        if scalar && matches!(first, b',' | b':' | b']' | b'}') {
            return Err(self.syntax(format!("JSON: expected a value, found `{}`", char::from(first))));
        }
        let (mut in_string, mut escaped) = (false, false);
        let mut cut = Cut::Complete;
        self.open.clear();
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Halt::Stop(Error::io(self.file, e).at(self.file, self.line))),
            };
            if chunk.is_empty() {
                return Ok(if scalar { Cut::Complete } else { Cut::EndOfInput });
            }
            let mut end = None;
            let mut i = 0;
            while let Some(&b) = chunk.get(i) {
                i += 1;
                if in_string && !escaped && !matches!(b, b'"' | b'\\' | b'\n') {
                    // Inside a string only a quote, a backslash or a line break changes
                    // anything: skip to the next one (descriptions are long strings).
                    let rest = chunk.get(i..).unwrap_or(&[]);
                    i += rest.iter().position(|c| matches!(c, b'"' | b'\\' | b'\n')).unwrap_or(rest.len());
                    continue;
                }
                let i = i - 1;
                if scalar {
                    if matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b',' | b':' | b']' | b'}' | b'[' | b'{' | b'"') {
                        end = Some(i);
                        break;
                    }
                    continue;
                }
                if in_string {
                    if b == b'\n' {
                        // No JSON string holds a line break: its closing quote is missing, and
                        // the value is broken. Cut it here, so the next one is found.
                        cut = Cut::LineBreakInString;
                        end = Some(i + 1);
                        break;
                    } else if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                        if self.open.is_empty() {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => self.open.push(b),
                    b'}' | b']' => {
                        let opened = self.open.pop();
                        let mismatched = opened != Some(if b == b'}' { b'{' } else { b'[' });
                        if self.open.is_empty() {
                            // `]` closing a `{`: an object missed its `}`, and this is the array's end.
                            if mismatched && b == b']' {
                                cut = Cut::ClosedOuterArray;
                            }
                            end = Some(i + 1);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let n = end.unwrap_or(chunk.len());
            let taken = chunk.get(..n).unwrap_or(&[]);
            out.extend_from_slice(taken);
            self.line += taken.iter().filter(|b| **b == b'\n').count() as u64;
            self.bytes += n as u64;
            self.input.consume(n);
            if end.is_some() {
                return Ok(cut);
            }
        }
    }

    /// Consumes bytes up to the next line that starts with `{` or `]` (not
    /// consumed) or the end; returns how many were skipped.
    fn skip_to_line_start_brace(&mut self, at_line_start: bool) -> Step<u64> {
        let mut skipped = 0;
        let mut line_start = at_line_start;
        while let Some(b) = self.peek()? {
            if line_start && matches!(b, b'{' | b']') {
                break;
            }
            line_start = b == b'\n' || (line_start && matches!(b, b' ' | b'\t' | b'\r'));
            self.bump(b);
            skipped += 1;
        }
        Ok(skipped)
    }

    /// Consumes the rest of the input; returns how many bytes that was.
    fn drain(&mut self) -> u64 {
        let mut n = 0u64;
        loop {
            let len = match self.input.fill_buf() {
                Ok([]) => return n,
                Ok(buf) => buf.len(),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return n,
            };
            self.input.consume(len);
            n += len as u64;
        }
    }

    /// Skips a UTF-8 byte-order mark at the start.
    fn skip_bom(&mut self) -> Step {
        let has_bom = match self.input.fill_buf() {
            Ok(buf) => buf.starts_with(b"\xef\xbb\xbf"),
            Err(e) => return Err(Halt::Stop(Error::io(self.file, e).at(self.file, self.line))),
        };
        if has_bom {
            self.input.consume(3);
            self.bytes += 3;
        }
        Ok(())
    }

    /// Cuts the whole stream into pieces, calling `each` on every one in
    /// order. `graphs`: stream the elements of a top-level object's `@graph`.
    ///
    /// A syntax error is handed to `each` as the last event; an I/O error,
    /// or an error returned by `each`, ends the scan with `Err`.
    pub fn run(&mut self, graphs: bool, each: &mut dyn FnMut(Event<'_>) -> Result<()>) -> Result<()> {
        let mut buf = Vec::new();
        match self.documents(graphs, &mut buf, each) {
            Ok(()) => Ok(()),
            Err(Halt::Stop(e)) => Err(e),
            Err(Halt::Syntax(e)) => {
                let left = self.drain();
                let reason = format!("{}; reading stopped here, {left} bytes were not read", e.reason());
                each(Event::Syntax(e.with_reason(reason)))
            }
        }
    }

    /// Reads the rest of the input leniently as the elements of an array
    /// (commas and stray closing brackets skipped), calling `each` on every
    /// one: the records found inside a value whose closing bracket is missing.
    pub fn elements(
        &mut self,
        in_graph: bool,
        depth: usize,
        each: &mut dyn FnMut(Event<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut buf = Vec::new();
        let step = (|| -> Step {
            while let Some(b) = self.skip_ws()? {
                if matches!(b, b',' | b']' | b'}' | b':') {
                    self.bump(b);
                    continue;
                }
                let (line, start) = (self.line, self.bytes);
                buf.clear();
                let cut = self.value(&mut buf)?;
                let truncated = cut == Cut::EndOfInput;
                let piece = Piece { bytes: &buf, line, start, in_graph, depth, end: self.bytes, truncated };
                each(Event::Value(piece)).map_err(Halt::Stop)?;
                if cut == Cut::LineBreakInString {
                    self.skip_to_line_start_brace(true)?;
                }
            }
            Ok(())
        })();
        match step {
            Ok(()) => Ok(()),
            Err(Halt::Stop(e)) => Err(e),
            Err(Halt::Syntax(e)) => each(Event::Syntax(e)),
        }
    }

    fn documents(&mut self, graphs: bool, buf: &mut Vec<u8>, each: &mut dyn FnMut(Event<'_>) -> Result<()>) -> Step {
        self.skip_bom()?;
        while let Some(b) = self.skip_ws()? {
            match b {
                b'[' => {
                    self.array(false, buf, each)?;
                }
                b'{' if graphs => self.object(buf, each)?,
                b']' | b'}' | b',' | b':' => {
                    // A stray delimiter between documents: report it, skip to the next record.
                    let e = self.syntax_error(format!("JSON: `{}` where a value should start", char::from(b)));
                    self.bump(b);
                    let skipped = self.skip_to_line_start_brace(false)?;
                    each(Event::Syntax(skipped_note(e, skipped, self.line))).map_err(Halt::Stop)?;
                }
                _ => {
                    let (line, start) = (self.line, self.bytes);
                    buf.clear();
                    let cut = self.value(buf)?;
                    let piece = Piece {
                        bytes: buf,
                        line,
                        start,
                        in_graph: false,
                        depth: 0,
                        end: self.bytes,
                        truncated: cut == Cut::EndOfInput,
                    };
                    each(Event::Value(piece)).map_err(Halt::Stop)?;
                    if cut == Cut::LineBreakInString {
                        self.skip_to_line_start_brace(true)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The elements of the array that starts here; returns how many there were.
    ///
    /// Between elements, anything but `,` or `]` is a syntax error that is
    /// reported and skipped to the next line starting with `{` (a missing
    /// comma loses nothing); the array then goes on.
    fn array(&mut self, in_graph: bool, buf: &mut Vec<u8>, each: &mut dyn FnMut(Event<'_>) -> Result<()>) -> Step<u64> {
        self.bump(b'[');
        let mut count = 0u64;
        loop {
            match self.skip_ws()? {
                None => return Err(self.syntax("JSON: the input ends inside an array (no closing `]`)")),
                Some(b']') if count == 0 => {
                    self.bump(b']');
                    return Ok(0);
                }
                Some(b @ (b',' | b']' | b'}' | b':')) => {
                    let e = self.syntax_error(format!("JSON: `{}` where an array element should start", char::from(b)));
                    self.bump(b);
                    let skipped = self.skip_to_line_start_brace(false)?;
                    each(Event::Syntax(skipped_note(e, skipped, self.line))).map_err(Halt::Stop)?;
                    continue;
                }
                Some(_) => {}
            }
            let (line, start) = (self.line, self.bytes);
            buf.clear();
            let cut = self.value(buf)?;
            count += 1;
            let piece = Piece {
                bytes: buf,
                line,
                start,
                in_graph,
                depth: 1,
                end: self.bytes,
                truncated: cut == Cut::EndOfInput,
            };
            each(Event::Value(piece)).map_err(Halt::Stop)?;
            match cut {
                Cut::Complete => {}
                Cut::LineBreakInString => {
                    // The decoder reports the broken element; what is left of it is skipped.
                    self.skip_to_line_start_brace(true)?;
                    continue;
                }
                // The decoder reports it (and reads what it swallowed); the array is over.
                Cut::EndOfInput | Cut::ClosedOuterArray => return Ok(count),
            }
            match self.skip_ws()? {
                Some(b',') => self.bump(b','),
                Some(b']') => {
                    self.bump(b']');
                    return Ok(count);
                }
                Some(b) => {
                    let e = self.syntax_error(format!(
                        "JSON: expected `,` or `]` after an array element, found `{}`",
                        char::from(b)
                    ));
                    let skipped = if b == b'{' { 0 } else { self.skip_to_line_start_brace(false)? };
                    each(Event::Syntax(skipped_note(e, skipped, self.line))).map_err(Halt::Stop)?;
                }
                None => return Err(self.syntax("JSON: the input ends inside an array (no closing `]`)")),
            }
        }
    }

    /// A top-level object: its `@graph` array's elements are streamed; the
    /// rest is kept (with an empty `@graph`) and handed over whole when the
    /// graph had no elements, so such an object is read as before.
    fn object(&mut self, buf: &mut Vec<u8>, each: &mut dyn FnMut(Event<'_>) -> Result<()>) -> Step {
        let (line, start) = (self.line, self.bytes);
        let mut obj = Vec::new();
        let mut key = Vec::new();
        let mut streamed = 0u64;
        let mut graph_seen = false;
        self.take(b'{', &mut obj);
        loop {
            match self.skip_ws_into(&mut obj)? {
                Some(b'}') => {
                    self.take(b'}', &mut obj);
                    break;
                }
                Some(b'"') => {}
                Some(b) => {
                    return Err(self.syntax(format!("JSON: expected a key in quotes, found `{}`", char::from(b))))
                }
                None => return Err(self.syntax("JSON: the input ends inside an object")),
            }
            key.clear();
            if !self.value(&mut key)?.whole() {
                return Err(self.syntax("JSON: the input ends inside a key"));
            }
            obj.extend_from_slice(&key);
            match self.skip_ws_into(&mut obj)? {
                Some(b':') => self.take(b':', &mut obj),
                _ => return Err(self.syntax("JSON: expected `:` after a key")),
            }
            let next = self.skip_ws_into(&mut obj)?;
            if key == b"\"@graph\"" {
                if graph_seen {
                    // A second graph would be dropped by the decoder: say so.
                    return Err(self.syntax("JSON: `@graph` occurs twice in one object"));
                }
                graph_seen = true;
            }
            if key == b"\"@graph\"" && next == Some(b'[') {
                let first_line = self.line;
                streamed = self.array(true, buf, each)?;
                // The elements are gone; their line breaks stay, so what follows keeps its line.
                obj.extend_from_slice(b"[]");
                obj.resize(obj.len() + (self.line - first_line) as usize, b'\n');
            } else if !self.value(&mut obj)?.whole() {
                return Err(self.syntax("JSON: the input ends inside an object"));
            }
            match self.skip_ws_into(&mut obj)? {
                Some(b',') => self.take(b',', &mut obj),
                Some(b'}') => {
                    self.take(b'}', &mut obj);
                    break;
                }
                Some(b) => {
                    return Err(self.syntax(format!(
                        "JSON: expected `,` or `}}` after an object member, found `{}`",
                        char::from(b)
                    )))
                }
                None => return Err(self.syntax("JSON: the input ends inside an object")),
            }
        }
        if streamed == 0 {
            let piece =
                Piece { bytes: &obj, line, start, in_graph: false, depth: 0, end: self.bytes, truncated: false };
            each(Event::Value(piece)).map_err(Halt::Stop)?;
        } else if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(&obj) {
            // The graph was read; the object's other members must still be JSON.
            return Err(Halt::Syntax(Error::new(ErrorKind::Syntax, format!("JSON: {e}")).at(self.file, line)));
        }
        Ok(())
    }
}

/// Adds to a syntax error how much was skipped to get back on track.
fn skipped_note(e: Error, skipped: u64, line: u64) -> Error {
    if skipped == 0 {
        return e;
    }
    let reason = format!("{}; {skipped} bytes skipped, reading goes on at line {line}", e.reason());
    e.with_reason(reason)
}

/// Where to look for more records inside a value that failed to decode at
/// byte `from`: the next `{` from there on that starts a line, or that follows `},`.
/// `None` when there is none (the broken value is then one record).
pub(crate) fn resync_point(bytes: &[u8], from: usize) -> Option<usize> {
    let mut line_start = false;
    let mut last = [0u8; 2]; // the last two bytes that were not white space
    for (i, &b) in bytes.iter().enumerate() {
        // Never 0: what is read from here must be shorter than the piece.
        if b == b'{' && i > 0 && i >= from && (line_start || (last[1] == b',' && last[0] == b'}')) {
            return Some(i);
        }
        if b == b'\n' {
            line_start = true;
        } else if !matches!(b, b' ' | b'\t' | b'\r') {
            line_start = false;
            last = [last[1], b];
        }
    }
    None
}

/// A piece that did not decode: its syntax error (line and byte of the
/// error, and whether reading goes on inside it), and the offset in the
/// piece where more records may start.
pub(crate) fn broken(piece: &Piece<'_>, file: Option<&Path>, e: &serde_json::Error) -> (Error, Option<usize>) {
    let off = offset_of(piece.bytes, e.line(), e.column());
    let line = piece.line + (e.line() as u64).saturating_sub(1);
    let resync = resync_point(piece.bytes, off);
    // serde's own "at line L column C" counts inside the piece; the error's position says where in the file.
    let text = e.to_string();
    let mut reason = format!("JSON: {}", text.split(" at line ").next().unwrap_or(&text));
    if piece.truncated {
        reason.push_str("; the input ends inside this value (a closing bracket or quote is missing)");
    }
    match resync {
        Some(k) => {
            let at = piece.line + piece.bytes.get(..k).unwrap_or(&[]).iter().filter(|b| **b == b'\n').count() as u64;
            reason.push_str(&format!("; reading goes on at line {at}"));
        }
        None if piece.truncated => {
            let left = piece.bytes.len().saturating_sub(off);
            reason.push_str(&format!("; reading stopped here, {left} bytes were not read"));
        }
        None => {}
    }
    (Error::new(ErrorKind::Syntax, reason).at(file, line).at_byte(piece.start + off as u64), resync)
}

/// Reads the part of `piece` from byte `k` on as array elements (see [`Scanner::elements`]).
pub(crate) fn resync_in(
    piece: &Piece<'_>,
    k: usize,
    file: Option<&Path>,
    each: &mut dyn FnMut(Event<'_>) -> Result<()>,
) -> Result<()> {
    let rest = piece.bytes.get(k..).unwrap_or(&[]);
    let line = piece.line + piece.bytes.get(..k).unwrap_or(&[]).iter().filter(|b| **b == b'\n').count() as u64;
    Scanner::at(rest, file, line, piece.start + k as u64).elements(piece.in_graph, piece.depth, each)
}

/// The byte offset in `bytes` of a 1-based line and column (as `serde_json` reports them).
pub(crate) fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut at = 0;
    for _ in 1..line {
        match bytes.get(at..).and_then(|rest| rest.iter().position(|b| *b == b'\n')) {
            Some(nl) => at += nl + 1,
            None => return bytes.len(),
        }
    }
    (at + column.saturating_sub(1)).min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, in_graph, depth, text) of a piece.
    type Cut = (u64, bool, usize, String);

    /// The pieces of `input`, and the syntax error's line.
    /// The pieces of `input`, and the first syntax error's line.
    fn cut(input: &str, graphs: bool) -> (Vec<Cut>, Option<u64>) {
        let mut pieces = Vec::new();
        let mut syntax = None;
        // A tiny buffer so that values cross chunk boundaries.
        let reader = std::io::BufReader::with_capacity(3, input.as_bytes());
        Scanner::new(reader, None)
            .run(graphs, &mut |ev| {
                match ev {
                    Event::Value(p) => {
                        pieces.push((p.line, p.in_graph, p.depth, String::from_utf8_lossy(p.bytes).into_owned()))
                    }
                    Event::Syntax(e) => {
                        syntax.get_or_insert(e.position().line.unwrap_or(0));
                    }
                }
                Ok(())
            })
            .unwrap();
        (pieces, syntax)
    }

    /// Every event of a scan of `input` read through a buffer of `capacity` bytes, as text.
    fn events(input: &[u8], capacity: usize) -> Vec<String> {
        let mut out = Vec::new();
        let reader = std::io::BufReader::with_capacity(capacity, input);
        let mut scanner = Scanner::new(reader, None);
        let end = scanner.run(true, &mut |ev| {
            out.push(match ev {
                Event::Value(p) => {
                    format!("{} {} {} {} {} {:?}", p.line, p.start, p.end, p.in_graph, p.truncated, p.bytes)
                }
                Event::Syntax(e) => format!("syntax {e} {:?}", e.position()),
            });
            Ok(())
        });
        out.push(format!("{:?} {}", end.map_err(|e| e.to_string()), scanner.bytes()));
        out
    }

    proptest::proptest! {
        /// The skip over a string's plain bytes (the fast path) against the byte-by-byte
        /// scan: with a one-byte buffer there is never anything to skip.
        #[test]
        fn skipping_inside_strings_cuts_as_byte_by_byte(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "[", "]", "{", "}", ",", ":", "\"", "\\", "\n", " ", "\"@graph\"", "1", "null",
                "\"a long plain string of text\"", "plain words", "é",
            ]), 0..60)
        ) {
            let input = parts.concat();
            proptest::prop_assert_eq!(events(input.as_bytes(), 1), events(input.as_bytes(), 1 << 16));
        }
    }

    fn p(line: u64, in_graph: bool, depth: usize, text: &str) -> Cut {
        (line, in_graph, depth, text.to_string())
    }

    #[test]
    fn array_elements_with_their_lines() {
        let (pieces, err) = cut("\u{feff}[\n {\"a\": \"]}\\\"\"},\n [1, [2]] ,\n\"x\\\"y\", 12.5e3, null\n]\n", true);
        assert_eq!(err, None);
        assert_eq!(
            pieces,
            vec![
                p(2, false, 1, "{\"a\": \"]}\\\"\"}"),
                p(3, false, 1, "[1, [2]]"),
                p(4, false, 1, "\"x\\\"y\""),
                p(4, false, 1, "12.5e3"),
                p(4, false, 1, "null")
            ]
        );
    }

    #[test]
    fn json_lines_and_concatenated_documents() {
        let (pieces, err) = cut("{\"a\":1}\n\n{\"b\":\n2}{\"c\":3} 7\n", false);
        assert_eq!(err, None);
        assert_eq!(
            pieces,
            vec![
                p(1, false, 0, "{\"a\":1}"),
                p(3, false, 0, "{\"b\":\n2}"),
                p(4, false, 0, "{\"c\":3}"),
                p(4, false, 0, "7")
            ]
        );
    }

    #[test]
    fn graph_elements_stream_and_the_rest_is_checked() {
        let doc = "{\"@context\": {\"x\": [1]},\n \"@graph\": [\n {\"n\": 1},\n {\"n\": 2}\n], \"z\": \"@graph\"}";
        let (pieces, err) = cut(doc, true);
        assert_eq!(err, None);
        assert_eq!(pieces, vec![p(3, true, 1, "{\"n\": 1}"), p(4, true, 1, "{\"n\": 2}")]);
        // Without graph streaming, or with an empty graph, the object is one piece.
        assert_eq!(cut(doc, false).0, vec![p(1, false, 0, doc)]);
        assert_eq!(cut("{\"@graph\": [\n ], \"a\": 1}", true).0, vec![p(1, false, 0, "{\"@graph\": []\n, \"a\": 1}")]);
        // A broken member after a streamed graph is a syntax error on the object's line.
        let (pieces, err) = cut("\n{\"@graph\": [{}], \"a\": tru}", true);
        assert_eq!((pieces.len(), err), (1, Some(2)));
    }

    #[test]
    fn syntax_errors_name_their_line() {
        for (input, line) in [
            ("[{\"a\": 1}\n{\"b\": 2}]", 2),
            ("[1,\n", 2),
            ("{\"@graph\": [{}] \n\"b\": 1}", 2),
            ("\n\n{ 5: 1 }", 3),
            ("[,]", 1),
            ("[1 2]", 1),
            ("{\"@graph\": [{}],\n\"@graph\": [{}]}", 2),
        ] {
            assert_eq!(cut(input, true).1, Some(line), "{input:?}");
        }
    }

    #[test]
    fn a_missing_comma_or_stray_bracket_costs_no_element() {
        let (pieces, err) = cut("[\n{\"a\": 1}\n{\"b\": 2},\n}}\n{\"c\": 3}\n]", true);
        assert_eq!(err, Some(3), "the missing comma is reported (and the stray brackets after it)");
        assert_eq!(
            pieces,
            vec![p(2, false, 1, "{\"a\": 1}"), p(3, false, 1, "{\"b\": 2}"), p(5, false, 1, "{\"c\": 3}")]
        );
    }

    #[test]
    fn a_line_break_ends_a_broken_string_and_the_input_end_is_marked() {
        let input = "[\n{\"a\": \"open},\n  \"c\": 1},\n{\"b\": 2}\n]";
        let (pieces, err) = cut(input, true);
        assert_eq!(err, None);
        assert_eq!(pieces, vec![p(2, false, 1, "{\"a\": \"open},\n"), p(4, false, 1, "{\"b\": 2}")]);
        // A missing `}`: the next element is found inside the piece.
        let bytes = b"{\"a\": {\"x\": 1,\n{\"b\": 2}";
        let e = serde_json::from_slice::<serde::de::IgnoredAny>(bytes).unwrap_err();
        let k = resync_point(bytes, offset_of(bytes, e.line(), e.column())).unwrap();
        assert_eq!(&bytes[k..], b"{\"b\": 2}");
        let mut truncated = Vec::new();
        Scanner::new("[{\"a\": [1,\n".as_bytes(), None)
            .run(true, &mut |ev| {
                if let Event::Value(p) = ev {
                    truncated.push((p.line, p.start, p.truncated));
                }
                Ok(())
            })
            .unwrap();
        assert_eq!(truncated, vec![(1, 1, true)]);
    }

    #[test]
    fn resync_points() {
        assert_eq!(resync_point(b"{\"a\": 1,\n  {\"b\": 1}", 3), Some(11));
        assert_eq!(resync_point(b"{\"a\": 1,\n  {\"b\": 1}", 11), Some(11));
        assert_eq!(resync_point(b"{\"a\": {}},{\"b\": 1}", 2), Some(10));
        assert_eq!(resync_point(b"{\"a\": tru}", 7), None);
        assert_eq!(offset_of(b"ab\ncd", 2, 2), 4);
        assert_eq!(offset_of(b"ab", 5, 1), 2);
    }

    #[test]
    fn deep_nesting_needs_no_stack() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let (pieces, err) = cut(&deep, true);
        assert_eq!((pieces.len(), err), (1, None));
    }
}
