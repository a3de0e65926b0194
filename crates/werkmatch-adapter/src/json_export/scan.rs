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
        Scanner { input, file, line: 1, bytes: 0 }
    }

    /// Bytes consumed so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    fn syntax(&self, reason: impl Into<String>) -> Halt {
        Halt::Syntax(Error::new(ErrorKind::Syntax, reason).at(self.file, self.line))
    }

    fn peek(&mut self) -> Step<Option<u8>> {
        match self.input.fill_buf() {
            Ok(buf) => Ok(buf.first().copied()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => self.peek(),
            Err(e) => Err(Halt::Stop(Error::io(self.file, &e).at(self.file, self.line))),
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
    /// delimiter. Works a buffer chunk at a time: this is the hot loop.
    fn value(&mut self, out: &mut Vec<u8>) -> Step {
        let Some(first) = self.peek()? else { return Err(self.syntax("JSON: expected a value, found the end")) };
        let scalar = !matches!(first, b'{' | b'[' | b'"');
        if scalar && matches!(first, b',' | b':' | b']' | b'}') {
            return Err(self.syntax(format!("JSON: expected a value, found `{}`", char::from(first))));
        }
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Halt::Stop(Error::io(self.file, &e).at(self.file, self.line))),
            };
            if chunk.is_empty() {
                return if scalar {
                    Ok(())
                } else {
                    Err(self.syntax(if in_string {
                        "JSON: the input ends inside a string"
                    } else {
                        "JSON: the input ends inside an object or array"
                    }))
                };
            }
            let mut end = None;
            for (i, &b) in chunk.iter().enumerate() {
                if scalar {
                    if matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b',' | b':' | b']' | b'}' | b'[' | b'{' | b'"') {
                        end = Some(i);
                        break;
                    }
                    continue;
                }
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                        if depth == 0 {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
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
                return Ok(());
            }
        }
    }

    /// Skips a UTF-8 byte-order mark at the start.
    fn skip_bom(&mut self) -> Step {
        let has_bom = match self.input.fill_buf() {
            Ok(buf) => buf.starts_with(b"\xef\xbb\xbf"),
            Err(e) => return Err(Halt::Stop(Error::io(self.file, &e).at(self.file, self.line))),
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
                _ => {
                    let line = self.line;
                    buf.clear();
                    self.value(buf)?;
                    each(Event::Value(Piece { bytes: buf, line, in_graph: false, depth: 0, end: self.bytes }))
                        .map_err(Halt::Stop)?;
                }
            }
        }
        Ok(())
    }

    /// The elements of the array that starts here; returns how many there were.
    fn array(&mut self, in_graph: bool, buf: &mut Vec<u8>, each: &mut dyn FnMut(Event<'_>) -> Result<()>) -> Step<u64> {
        self.bump(b'[');
        let mut count = 0u64;
        loop {
            match self.skip_ws()? {
                None => return Err(self.syntax("JSON: the input ends inside an array")),
                Some(b']') if count == 0 => {
                    self.bump(b']');
                    return Ok(0);
                }
                Some(_) => {}
            }
            let line = self.line;
            buf.clear();
            self.value(buf)?;
            count += 1;
            each(Event::Value(Piece { bytes: buf, line, in_graph, depth: 1, end: self.bytes })).map_err(Halt::Stop)?;
            match self.skip_ws()? {
                Some(b',') => self.bump(b','),
                Some(b']') => {
                    self.bump(b']');
                    return Ok(count);
                }
                Some(b) => {
                    return Err(self.syntax(format!(
                        "JSON: expected `,` or `]` after an array element, found `{}`",
                        char::from(b)
                    )))
                }
                None => return Err(self.syntax("JSON: the input ends inside an array")),
            }
        }
    }

    /// A top-level object: its `@graph` array's elements are streamed; the
    /// rest is kept (with an empty `@graph`) and handed over whole when the
    /// graph had no elements, so such an object is read as before.
    fn object(&mut self, buf: &mut Vec<u8>, each: &mut dyn FnMut(Event<'_>) -> Result<()>) -> Step {
        let line = self.line;
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
            self.value(&mut key)?;
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
            } else {
                self.value(&mut obj)?;
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
            each(Event::Value(Piece { bytes: &obj, line, in_graph: false, depth: 0, end: self.bytes }))
                .map_err(Halt::Stop)?;
        } else if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(&obj) {
            // The graph was read; the object's other members must still be JSON.
            return Err(Halt::Syntax(Error::new(ErrorKind::Syntax, format!("JSON: {e}")).at(self.file, line)));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, in_graph, depth, text) of a piece.
    type Cut = (u64, bool, usize, String);

    /// The pieces of `input`, and the syntax error's line.
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
                    Event::Syntax(e) => syntax = e.position().line,
                }
                Ok(())
            })
            .unwrap();
        (pieces, syntax)
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
            ("[{\"a\": \"open\n", 2),
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
    fn deep_nesting_needs_no_stack() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let (pieces, err) = cut(&deep, true);
        assert_eq!((pieces.len(), err), (1, None));
    }
}
