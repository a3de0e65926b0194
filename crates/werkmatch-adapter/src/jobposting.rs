//! schema.org `JobPosting` in JSON-LD (as published by vacancy sites) to vacancies.
//!
//! The input is one JSON-LD document: a posting object, an array of them,
//! an object with an `@graph`, or several of these one after another (e.g.
//! one per line). Inside an `@graph`, nodes of another `@type` (the
//! `Organization`, `WebPage` … that sites put next to the posting) are
//! context and are skipped; at the top level or in an array, an object that
//! is not a `JobPosting` is rejected.
//!
//! # Field by field
//!
//! | JobPosting | vacancy | rule |
//! |---|---|---|
//! | `identifier`, else `@id`, else `url` | `id` | a string or number, or a `PropertyValue` with `value`; 1–64 characters; unique |
//! | `title` | `title` | HTML entities and tags read as text |
//! | `occupationalCategory` | `isco`, `esco_occupation` | a string or a `CategoryCode` (`codeValue`), or a list (the first that resolves): an ISCO-08 code (`9112`, or text starting with the 4 digits), an ESCO URI/code (needs a resolver), or free text (needs a normaliser). Absent: the `title` through the [`TitleNormaliser`](crate::TitleNormaliser); without one the posting is rejected |
//! | `skills` | `skills_essential` | a comma-separated string, or a list of strings or `DefinedTerm`s (`@id`, else `url`, else `name`); with a resolver and no skills, the ESCO occupation's skills |
//! | `jobLocation` | `location` | the first `Place`: `geo` (`latitude`, `longitude`), else `address.postalCode` through the postcode table. Required unless the posting is remote (v1.1). A point outside [`ReadOptionsBuilder::area`](crate::ReadOptionsBuilder::area) (default: the Netherlands with a margin) is a warning, "latitude and longitude swapped?" when swapping puts it inside |
//! | `jobLocationType` | `remote` | `TELECOMMUTE` → remote (travel 0); without `jobLocation` the vacancy has no location |
//! | `applicantLocationRequirements` | – (checked) | see below |
//! | `workHours`, `description`, else `employmentType` | `hours` | hours per week stated in `workHours` ("24 tot 32 uur", "32-40 hours per week", or bare numbers "24-32"), else in the `description`; else `FULL_TIME` → 32–40, `PART_TIME` → 12–32, both → 12–40; other schema.org types leave the default |
//! | `workHours`, `description` | `earliest_start` | the earliest start stated: time ranges ("05:30-14:00", "van 6.00 tot 14.30 uur") and start phrases ("vanaf 06:00", "start om 6 uur 's ochtends", "early shift from 5.30 am", "shifts begin at 6") — the rules are in `posting_text.rs`. HTML is read as text |
//! | `educationRequirements` | `level` | text or `EducationalOccupationalCredential` (`credentialCategory`): `bachelor`/`master`/`postgraduate`/HBO/WO → 4, `associate`/MBO 4 → 3, `high school`/MBO 2–3/HAVO/VWO → 2, MBO 1/VMBO/basisonderwijs → 1 (the highest named; "MBO niveau 2" too). Text that names no level leaves the level to the ISCO code, with a warning |
//! | `industry` | `sector` | a NACE letter or SBI/NACE code (or `codeValue`); absent: [`ReadOptionsBuilder::default_sector`](crate::ReadOptionsBuilder::default_sector) when the caller chose one, else **no sector** (v1.1: unknown, scored 0.5; never a guess). An industry in words ("Horeca") is no code: no sector, with a warning |
//! | `hiringOrganization` | `employer` | its `identifier`, else `@id`, else `name` (a plain string is the name) |
//! | `totalJobOpenings` | `positions` | |
//!
//! Other properties (`datePosted`, `baseSalary` …) are not used. A property
//! that is present but cannot be mapped rejects the posting with that
//! property as the field; nothing is dropped silently. A `workHours` in
//! which no hours or start time can be found is not used and is reported as
//! a warning. The fields filled from text are counted in
//! [`Loaded::derived`](crate::Loaded::derived) by field and source, so the
//! import report can say what came from text.
//!
//! # `applicantLocationRequirements`
//!
//! schema.org's way for a remote posting to say where applicants must live:
//! a `Country`, `State`, `AdministrativeArea` or `City` (by `name`,
//! `identifier` or `address.addressCountry`), a plain string, or a list of
//! these (any of them will do). The posting is matched with seekers who live
//! in the Netherlands, so the requirement is checked against that:
//!
//! * an area that takes in the Netherlands (`NL`, `NLD`, `Nederland`,
//!   `Netherlands`, a Dutch province, `EU`, `Europe`, `EEA`, `Benelux`,
//!   `worldwide`) keeps the posting;
//! * when every area is a country (by `@type` or an ISO code) other than the
//!   Netherlands, the posting is rejected ([`ErrorKind::OutOfScope`]): it is
//!   not open to these seekers;
//! * otherwise (a region or city that cannot be placed) the posting is kept
//!   with a warning on the field.
//!
//! The model has no field for the requirement, so nothing finer (a province
//! only) is enforced in matching.
//!
//! Messages never quote free text (titles, descriptions, organisation names,
//! skill phrases): a rejected posting is found by its line and field.
//!
//! # Cost
//!
//! The input streams: a scanner cuts it into postings (the elements of a
//! top-level array or of an `@graph`, or whole documents one after
//! another) and only one chunk of postings' text (at most 4096 postings or
//! 8 MB) is in memory at a time, so memory grows with the accepted
//! vacancies, not with the file. Errors carry the line of the posting they
//! concern.
//!
//! Converting a posting (JSON, text extraction, the title and skill
//! normalisers) is pure, so the postings of a chunk are converted on the
//! [`ReadOptionsBuilder::executor`](crate::ReadOptionsBuilder::executor)
//! (rayon's current pool by default) and then taken one by one in input
//! order: duplicate ids, stop-or-collect, warnings and progress reports
//! happen in that order, so the outcome is the same for any number of
//! threads. With [`Executor::CurrentThread`] the postings are converted and
//! taken one at a time as the input streams (the plain path, which the
//! chunked one is tested against).
//!
//! A syntax error costs only the posting it is in: it is reported with its
//! line and byte offset, and reading goes on at the next element (see the
//! scanner's resynchronisation rules in `json_export/scan.rs`: a line break
//! ends a broken string, a missing comma is skipped, a posting whose closing
//! bracket is missing is searched for the postings it swallowed). Where no
//! next element can be found, the error says where reading stopped and how
//! many bytes were not read.

use std::io::BufRead;
use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use werkmatch_core::rank::Executor;
use werkmatch_core::{GeoPoint, HoursRange, Id, Nace, SkillLevel, Vacancy, Workplace};

use crate::error::{Error, ErrorKind, Loaded, Population, Result};
use crate::feed::{resolve_occupation, Collector, Occupation, Progress, PROGRESS_EVERY};
use crate::free_text::normalise_record;
use crate::json_export::scan::{broken, resync_in, Event, Piece, Scanner};
use crate::posting_text::{extract, plain_text, Source};
use crate::privacy::json_shape_error;
use crate::read_options::{ReadOptions, RecordOptions};
use crate::values::{parse_hours, parse_sector, value_key};

/// How deep arrays and `@graph`s may nest before the input is rejected (guards the stack).
const MAX_NESTING: usize = 8;

/// Reads the JobPostings of a JSON-LD document (see the module docs).
///
/// ```
/// use werkmatch_adapter::ReadOptions;
/// use werkmatch_adapter::jobposting::read_jobpostings;
/// use werkmatch_adapter::OnError;
/// let doc = r#"{"@context": "https://schema.org", "@graph": [
///   {"@type": "Organization", "name": "Bakkerij"},
///   {"@type": "JobPosting", "identifier": "J1", "title": "Bakker", "occupationalCategory": "7512",
///    "industry": "C", "jobLocation": {"@type": "Place", "geo": {"latitude": 53.2, "longitude": 6.5}},
///    "employmentType": "PART_TIME"}]}"#;
/// let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
/// let loaded = read_jobpostings(doc, None, &opts).unwrap();
/// assert_eq!(loaded.accepted[0].isco.as_str(), "7512");
/// assert_eq!(loaded.accepted[0].hours.max(), 32);
/// ```
pub fn read_jobpostings(text: &str, file: Option<&Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Vacancy>> {
    read_jobpostings_from(text.as_bytes(), file, opts)
}

/// Reads the JobPostings of a JSON-LD stream, one posting in memory at a time
/// (see the module docs); `file` names the input in errors.
pub fn read_jobpostings_from(
    input: impl BufRead,
    file: Option<&Path>,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<Vacancy>> {
    read_chunked(input, file, opts, CHUNK_POSTINGS)
}

/// Postings converted together on the executor (when it is not the calling thread alone), at first.
///
/// A chunk is a barrier: the pool waits for its slowest posting, and on a
/// busy machine for a worker that was descheduled. So chunks grow (up to
/// [`CHUNK_MAX`]) while converting one takes less than [`CHUNK_TIME`]
/// (postings with an ESCO title search take ~50 µs each, without one ~10 µs).
/// Small chunks keep their text in the cache between cutting and converting.
/// Only the time depends on the chunking, never the outcome.
const CHUNK_POSTINGS: usize = 256;
/// The most postings a chunk grows to.
const CHUNK_MAX: usize = 4096;
/// … or fewer, when their text reaches this many bytes.
const CHUNK_BYTES: usize = 8 << 20;
/// A chunk that converted faster than this is followed by one twice as large.
const CHUNK_TIME: std::time::Duration = std::time::Duration::from_millis(50);

/// [`read_jobpostings_from`] with chunks of at most `chunk` postings (tests use small ones).
pub(crate) fn read_chunked(
    input: impl BufRead,
    file: Option<&Path>,
    opts: &ReadOptions<'_>,
    chunk: usize,
) -> Result<Loaded<Vacancy>> {
    let chunked = !matches!(opts.executor, Executor::CurrentThread);
    let mut reader = PostingReader {
        file,
        collector: Collector::new(opts.on_error, Population::Vacancies, "identifier"),
        bytes: 0,
        pending: chunked.then(|| Pending::with_limit(chunk.max(1))),
    };
    let mut scanner = Scanner::new(input, file);
    let scanned = scanner.run(true, &mut |event| reader.event(event, opts));
    // What was cut before an I/O error still counts, and comes first (as in the plain path).
    reader.flush(opts)?;
    scanned?;
    opts.report(Progress { records: reader.collector.read(), bytes: scanner.bytes() });
    Ok(reader.collector.finish(file, scanner.bytes()))
}

/// Reads the JobPostings of the JSON-LD file at `path`, streaming.
pub fn read_jobpostings_file(path: impl AsRef<Path>, opts: &ReadOptions<'_>) -> Result<Loaded<Vacancy>> {
    let path = path.as_ref();
    read_jobpostings_from(crate::files::open(path)?, Some(path), opts)
}

/// Line numbers for increasing offsets into one piece of the input.
struct LineCounter {
    pos: usize,
    /// Lines before `pos`, counted from the start of the input.
    line: u64,
}

impl LineCounter {
    fn line_of(&mut self, text: &str, offset: usize) -> u64 {
        if offset >= self.pos {
            let gap = text.as_bytes().get(self.pos..offset).unwrap_or(&[]);
            self.line += gap.iter().filter(|b| **b == b'\n').count() as u64;
            self.pos = offset;
        }
        self.line + 1
    }
}

/// One piece of the input (a posting, or a value holding postings) and its lines.
struct Doc<'t> {
    text: &'t str,
    lines: LineCounter,
}

/// The pieces cut but not yet converted (chunked reading): their bytes one
/// after another in one buffer, and where each one is.
struct Pending {
    bytes: Vec<u8>,
    pieces: Vec<PieceAt>,
    limit: usize,
}

/// A [`Piece`] whose bytes are `Pending::bytes[range]`.
struct PieceAt {
    range: std::ops::Range<usize>,
    line: u64,
    start: u64,
    truncated: bool,
    in_graph: bool,
    depth: usize,
    end: u64,
}

impl Pending {
    fn with_limit(limit: usize) -> Self {
        Pending { bytes: Vec::new(), pieces: Vec::new(), limit }
    }

    /// Keeps a copy of `piece`; whether the chunk is full.
    fn keep(&mut self, piece: &Piece<'_>) -> bool {
        let at = self.bytes.len();
        self.bytes.extend_from_slice(piece.bytes);
        self.pieces.push(PieceAt {
            range: at..self.bytes.len(),
            line: piece.line,
            start: piece.start,
            truncated: piece.truncated,
            in_graph: piece.in_graph,
            depth: piece.depth,
            end: piece.end,
        });
        self.pieces.len() >= self.limit || self.bytes.len() >= CHUNK_BYTES
    }

    fn piece(&self, p: &PieceAt) -> Piece<'_> {
        Piece {
            bytes: self.bytes.get(p.range.clone()).unwrap_or(&[]),
            line: p.line,
            start: p.start,
            truncated: p.truncated,
            in_graph: p.in_graph,
            depth: p.depth,
            end: p.end,
        }
    }
}

struct PostingReader<'f> {
    file: Option<&'f Path>,
    collector: Collector<Vacancy>,
    /// Input consumed up to the current piece (for progress reports).
    bytes: u64,
    /// Chunked reading: the pieces waiting to be converted together.
    pending: Option<Pending>,
}

#[derive(Deserialize)]
struct GraphProbe<'a> {
    #[serde(rename = "@graph", borrow, default)]
    graph: Option<Vec<&'a RawValue>>,
}

/// A record as converting one posting (or one value that is not a posting)
/// gave it, before the collector takes it: read at `line`, the vacancy or
/// why not, the warnings about its skill phrases (kept whether or not the
/// id turns out to be unique), and what else converting it noticed (kept
/// when it is accepted). Converting is pure, so postings can be converted on
/// several threads and then taken in input order.
struct Converted {
    outcome: Result<Vacancy>,
    line: u64,
    skill_warnings: Vec<Error>,
    notes: Notes,
}

impl Converted {
    fn error(e: Error, file: Option<&Path>, line: u64) -> Self {
        Converted { outcome: Err(e.at(file, line)), line, skill_warnings: Vec::new(), notes: Notes::default() }
    }
}

/// Converts one piece that is valid UTF-8 and JSON; `None` when it is not
/// (the plain path reports it and resynchronises).
fn convert_piece(piece: &Piece<'_>, file: Option<&Path>, opts: &RecordOptions<'_>) -> Option<Vec<Converted>> {
    let text = std::str::from_utf8(piece.bytes).ok()?;
    let raw: &RawValue = serde_json::from_str(text).ok()?;
    let mut doc = Doc { text, lines: LineCounter { pos: 0, line: piece.line.saturating_sub(1) } };
    let mut out = Vec::new();
    walk(&mut doc, raw, piece.in_graph, piece.depth, file, opts, &mut out);
    Some(out)
}

/// The postings in `raw` (an array, a graph or one posting), converted, in order.
fn walk<'t>(
    doc: &mut Doc<'t>,
    raw: &'t RawValue,
    in_graph: bool,
    depth: usize,
    file: Option<&Path>,
    opts: &RecordOptions<'_>,
    out: &mut Vec<Converted>,
) {
    let json = raw.get();
    let offset = (json.as_ptr() as usize).saturating_sub(doc.text.as_ptr() as usize);
    let line = doc.lines.line_of(doc.text, offset);
    let nested = |kind| -> Result<Vec<&'t RawValue>> {
        if depth >= MAX_NESTING {
            return Err(Error::new(ErrorKind::Syntax, format!("{kind} nested more than {MAX_NESTING} deep")));
        }
        match kind {
            "array" => serde_json::from_str::<Vec<&RawValue>>(json),
            _ => serde_json::from_str::<GraphProbe<'_>>(json).map(|g| g.graph.unwrap_or_default()),
        }
        .map_err(|e| match e.classify() {
            // e.g. a string as "@graph": its text is not echoed.
            serde_json::error::Category::Data => json_shape_error(&e, "a list"),
            _ => Error::new(ErrorKind::Syntax, format!("JSON: {e}")),
        })
    };
    if json.starts_with('[') {
        match nested("array") {
            Ok(items) => items.into_iter().for_each(|item| walk(doc, item, in_graph, depth + 1, file, opts, out)),
            Err(e) => out.push(Converted::error(e, file, line)),
        }
    } else if json.starts_with('{') && json.contains("\"@graph\"") {
        match nested("@graph") {
            Ok(items) if !items.is_empty() => {
                items.into_iter().for_each(|item| walk(doc, item, true, depth + 1, file, opts, out))
            }
            Ok(_) => out.extend(posting(json, in_graph, line, file, opts)),
            Err(e) => out.push(Converted::error(e, file, line)),
        }
    } else {
        out.extend(posting(json, in_graph, line, file, opts));
    }
}

/// One posting's JSON converted (its skill phrases normalised too); `None`
/// for a context node of a graph (Organization, WebPage …), which is no record.
fn posting(json: &str, in_graph: bool, line: u64, file: Option<&Path>, opts: &RecordOptions<'_>) -> Option<Converted> {
    let node: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return Some(Converted::error(Error::new(ErrorKind::Syntax, format!("JSON: {e}")), file, line)),
    };
    let Value::Object(node) = node else {
        let e = Error::new(ErrorKind::InvalidValue, "expected a JobPosting object");
        return Some(Converted::error(e, file, line));
    };
    if !is_job_posting(node.get("@type")) {
        if in_graph {
            return None;
        }
        let e = match node.get("@type") {
            Some(t) => invalid_typed("@type", t, "not a JobPosting"),
            None => Error::new(ErrorKind::MissingField, "not a JobPosting (no @type)").with_field("@type"),
        };
        return Some(Converted::error(e, file, line));
    }
    Some(match to_vacancy(&node, opts) {
        Ok((mut v, notes)) => {
            let skill_warnings = normalise_record(&mut v, opts, file, line);
            Converted { outcome: Ok(v), line, skill_warnings, notes }
        }
        Err(e) => Converted::error(e, file, line),
    })
}

impl PostingReader<'_> {
    /// An event of the scanner: kept for the chunk (chunked reading) or taken now.
    fn event(&mut self, event: Event<'_>, opts: &ReadOptions<'_>) -> Result<()> {
        match (&mut self.pending, event) {
            (Some(pending), Event::Value(piece)) => {
                if pending.keep(&piece) {
                    self.flush(opts)?;
                }
                Ok(())
            }
            (_, event) => {
                self.flush(opts)?;
                self.event_now(event, opts)
            }
        }
    }

    /// The plain path: one event taken at once.
    fn event_now(&mut self, event: Event<'_>, opts: &ReadOptions<'_>) -> Result<()> {
        match event {
            Event::Value(piece) => self.piece(&piece, opts),
            Event::Syntax(e) => self.syntax(e, opts),
        }
    }

    /// Converts the pending pieces on the executor and takes their outcomes in input order.
    fn flush(&mut self, opts: &ReadOptions<'_>) -> Result<()> {
        let Some(mut pending) = self.pending.take() else { return Ok(()) };
        let (file, record_opts) = (self.file, opts.record_options());
        let convert = |p: &PieceAt| convert_piece(&pending.piece(p), file, &record_opts);
        let started = std::time::Instant::now();
        let converted: Vec<Option<Vec<Converted>>> = match opts.executor {
            Executor::Pool(pool) => pool.install(|| pending.pieces.par_iter().map(convert).collect()),
            Executor::CurrentThread => pending.pieces.iter().map(convert).collect(),
            _ => pending.pieces.par_iter().map(convert).collect(),
        };
        if started.elapsed() < CHUNK_TIME && pending.pieces.len() >= pending.limit {
            pending.limit = (pending.limit * 2).min(CHUNK_MAX).max(pending.limit);
        }
        let mut result = Ok(());
        for (p, items) in pending.pieces.iter().zip(converted) {
            result = match items {
                Some(items) => {
                    self.bytes = p.end;
                    items.into_iter().try_for_each(|c| self.take(c, opts))
                }
                // Not UTF-8 or not JSON: reported and resynchronised by the plain path.
                None => self.piece(&pending.piece(p), opts),
            };
            if result.is_err() {
                break;
            }
        }
        pending.bytes.clear();
        pending.pieces.clear();
        self.pending = Some(pending);
        result
    }

    /// Decodes one piece cut by the scanner; a piece that is not JSON is
    /// reported, and the records a missing bracket made it swallow are read.
    fn piece(&mut self, piece: &Piece<'_>, opts: &ReadOptions<'_>) -> Result<()> {
        self.bytes = piece.end;
        let text = match std::str::from_utf8(piece.bytes) {
            Ok(t) => t,
            Err(e) => {
                let before = piece.bytes.get(..e.valid_up_to()).unwrap_or(&[]);
                let line = piece.line + before.iter().filter(|b| **b == b'\n').count() as u64;
                let err = Error::new(ErrorKind::Syntax, format!("invalid UTF-8 at byte {}", e.valid_up_to() + 1))
                    .at(self.file, line)
                    .at_byte(piece.start + e.valid_up_to() as u64);
                return self.syntax(err, opts);
            }
        };
        let raw: &RawValue = match serde_json::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let (err, resync) = broken(piece, self.file, &e);
                self.syntax(err, opts)?;
                return match resync {
                    Some(k) => resync_in(piece, k, self.file, &mut |ev| self.event_now(ev, opts)),
                    None => Ok(()),
                };
            }
        };
        let mut doc = Doc { text, lines: LineCounter { pos: 0, line: piece.line.saturating_sub(1) } };
        let mut out = Vec::new();
        walk(&mut doc, raw, piece.in_graph, piece.depth, self.file, &opts.record_options(), &mut out);
        out.into_iter().try_for_each(|c| self.take(c, opts))
    }

    /// A syntax error: reported as a rejected record; reading goes on.
    fn syntax(&mut self, e: Error, opts: &ReadOptions<'_>) -> Result<()> {
        let line = e.position().line.unwrap_or(0);
        self.push(Err(e), line, opts)
    }

    /// Takes one converted posting: the collector checks its id and keeps it
    /// or its rejection, then its warnings and what it derived from text.
    fn take(&mut self, converted: Converted, opts: &ReadOptions<'_>) -> Result<()> {
        let Converted { outcome, line, skill_warnings, notes } = converted;
        let before = self.collector.accepted();
        self.collector.push(outcome, |v| v.id.as_str(), self.file, line)?;
        for w in skill_warnings {
            self.collector.warn(w);
        }
        self.progress(opts);
        if self.collector.accepted() > before {
            for (field, source) in notes.derived {
                self.collector.derived(field, source);
            }
            for w in notes.warnings {
                self.collector.warn(w.at(self.file, line));
            }
        }
        Ok(())
    }

    /// A record that was never converted (a syntax error).
    fn push(&mut self, outcome: Result<Vacancy>, line: u64, opts: &ReadOptions<'_>) -> Result<()> {
        self.collector.push(outcome, |v| v.id.as_str(), self.file, line)?;
        self.progress(opts);
        Ok(())
    }

    fn progress(&self, opts: &ReadOptions<'_>) {
        if self.collector.read() % PROGRESS_EVERY == 0 {
            opts.report(Progress { records: self.collector.read(), bytes: self.bytes });
        }
    }
}

type Node = serde_json::Map<String, Value>;

/// What converting one posting noticed besides the vacancy: fields filled
/// from text, and warnings (position added by the caller).
#[derive(Default)]
struct Notes {
    derived: Vec<(&'static str, &'static str)>,
    warnings: Vec<Error>,
}

fn is_job_posting(ty: Option<&Value>) -> bool {
    let is = |v: &Value| {
        v.as_str().is_some_and(|s| s == "JobPosting" || s.ends_with("/JobPosting") || s.ends_with(":JobPosting"))
    };
    match ty {
        Some(Value::Array(items)) => items.iter().any(is),
        Some(v) => is(v),
        None => false,
    }
}

/// A property that cannot be mapped; its value is not shown (it may be free text).
fn invalid(field: &str, reason: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidValue, reason).with_field(field)
}

/// A typed property (code, number, enum) that cannot be mapped; its value is shown.
fn invalid_typed(field: &str, value: &Value, reason: impl Into<String>) -> Error {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    invalid(field, reason).with_value(text)
}

/// A plain text value: a string, a number, or an object's `value`/`@value`/`codeValue`.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["value", "@value", "codeValue"].iter().find_map(|k| o.get(*k).and_then(text_of)),
        _ => None,
    }
}

/// The items of a value that may be one thing or a list.
fn items(v: &Value) -> &[Value] {
    match v {
        Value::Array(a) => a,
        other => std::slice::from_ref(other),
    }
}

fn posting_id(node: &Node) -> Result<Id> {
    for field in ["identifier", "@id", "url"] {
        if let Some(v) = node.get(field) {
            let text =
                text_of(v).filter(|t| !t.is_empty()).ok_or_else(|| invalid_typed(field, v, "expected a text id"))?;
            return Id::new(text).map_err(|e| invalid_typed(field, v, e.reason()));
        }
    }
    Err(Error::new(ErrorKind::MissingField, "a posting needs an `identifier`, `@id` or `url`").with_field("identifier"))
}

fn occupation(node: &Node, opts: &RecordOptions<'_>) -> Result<Occupation> {
    if let Some(cat) = node.get("occupationalCategory") {
        let mut first_error = None;
        for item in items(cat) {
            let Some(text) = text_of(item) else { continue };
            // "2512 Software developers": an ISCO code followed by its label.
            let code = match text.get(..4) {
                Some(head)
                    if head.bytes().all(|b| b.is_ascii_digit())
                        && !text[4..].starts_with(|c: char| c.is_ascii_digit() || c == '.') =>
                {
                    head
                }
                _ => text.as_str(),
            };
            match resolve_occupation(code, opts.resolver, opts.normaliser) {
                Ok(o) => return Ok(o),
                Err(e) => {
                    let e = e.with_field("occupationalCategory");
                    // A code may be shown; a free-text category is not echoed.
                    let e = if crate::privacy::is_code(code) { e.with_value(code) } else { e };
                    first_error.get_or_insert(e);
                }
            }
        }
        return Err(
            first_error.unwrap_or_else(|| invalid("occupationalCategory", "expected an ISCO-08 code or ESCO URI"))
        );
    }
    match (node.get("title").and_then(Value::as_str), opts.normaliser) {
        (Some(title), Some(normaliser)) => match crate::normalise_title(normaliser, &plain_text(title), "title") {
            Ok(c) => Ok(Occupation { isco: c.isco, esco: Some(c.uri) }),
            Err(u) => Err(crate::feed::unmapped_title(&u).with_field("title")),
        },
        _ => Err(Error::new(
            ErrorKind::MissingField,
            "a posting needs an occupationalCategory (ISCO-08 or ESCO), or a title and a title normaliser",
        )
        .with_field("occupationalCategory")),
    }
}

/// The first `jobLocation`'s point; `None` when the posting has no `jobLocation`.
fn location(node: &Node, opts: &RecordOptions<'_>, notes: &mut Notes) -> Result<Option<GeoPoint>> {
    let Some(loc) = node.get("jobLocation") else { return Ok(None) };
    let place = items(loc).first().ok_or_else(|| invalid("jobLocation", "an empty list"))?;
    if let Some(geo) = place.get("geo") {
        let coord = |name: &str| -> Result<f64> {
            let field = format!("jobLocation.geo.{name}");
            let v = geo.get(name).ok_or_else(|| {
                Error::new(ErrorKind::MissingField, "geo needs latitude and longitude").with_field(field.clone())
            })?;
            match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().replace(',', ".").parse().ok(),
                _ => None,
            }
            .ok_or_else(|| invalid_typed(&field, v, "a number"))
        };
        let (lat, lon) = (coord("latitude")?, coord("longitude")?);
        let point = GeoPoint::new(lat, lon).map_err(|e| {
            Error::from_core(&e).with_field(format!(
                "jobLocation.geo.{}",
                if e.field().ends_with("lat") { "latitude" } else { "longitude" }
            ))
        })?;
        if let Some(w) = opts.area.check(point) {
            notes.warnings.push(w.with_field("jobLocation.geo"));
        }
        return Ok(Some(point));
    }
    let field = "jobLocation.address.postalCode";
    let Some(pc) = place.get("address").and_then(|a| a.get("postalCode")) else {
        return Err(
            Error::new(ErrorKind::MissingField, "jobLocation needs geo or address.postalCode").with_field(field)
        );
    };
    let text = text_of(pc).ok_or_else(|| invalid_typed(field, pc, "a postcode"))?;
    let Some(table) = opts.postcodes else {
        return Err(Error::new(ErrorKind::Config, "this posting has a postcode: give a postcode table")
            .with_field(field)
            .with_value(text));
    };
    table.lookup(&text).map(Some).map_err(|e| e.with_field(field))
}

/// Whether `jobLocationType` says the work is remote (`TELECOMMUTE`).
fn telecommute(node: &Node) -> Result<bool> {
    let Some(t) = node.get("jobLocationType") else { return Ok(false) };
    let mut remote = false;
    for item in items(t) {
        match item.as_str().map(|s| s.trim().rsplit(['/', ':']).next().unwrap_or("").to_ascii_uppercase()) {
            Some(s) if s == "TELECOMMUTE" => remote = true,
            _ => return Err(invalid_typed("jobLocationType", item, "TELECOMMUTE (the only schema.org value)")),
        }
    }
    Ok(remote)
}

/// Whether an area named in `applicantLocationRequirements` takes in the Netherlands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Admits {
    Yes,
    No,
    Unknown,
}

/// Names that take in the Netherlands: the country, its provinces, and the areas around it.
const NL_AREAS: [&str; 33] = [
    "nl",
    "nld",
    "netherlands",
    "the netherlands",
    "nederland",
    "holland",
    "kingdom of the netherlands",
    "koninkrijk der nederlanden",
    "eu",
    "european union",
    "europese unie",
    "europe",
    "europa",
    "eea",
    "eer",
    "benelux",
    "worldwide",
    "wereldwijd",
    "anywhere",
    "groningen",
    "friesland",
    "fryslân",
    "drenthe",
    "overijssel",
    "flevoland",
    "gelderland",
    "utrecht",
    "noord-holland",
    "zuid-holland",
    "zeeland",
    "noord-brabant",
    "limburg",
    "randstad",
];

fn admits_nl(item: &Value) -> Admits {
    let (ty, name) = match item {
        Value::String(s) => (None, Some(s.clone())),
        Value::Object(o) => {
            let country = o.get("addressCountry").or_else(|| o.get("address").and_then(|a| a.get("addressCountry")));
            let name = ["name", "identifier", "alternateName"]
                .iter()
                .find_map(|k| o.get(*k).and_then(text_of))
                .or_else(|| country.and_then(|c| text_of(c).or_else(|| c.get("name").and_then(text_of))));
            (o.get("@type").and_then(Value::as_str), name)
        }
        _ => (None, None),
    };
    let Some(name) = name else { return Admits::Unknown };
    let key = name.trim().to_lowercase();
    if NL_AREAS.contains(&key.as_str()) || key.contains("nederland") || key.contains("netherlands") {
        return Admits::Yes;
    }
    // A country (by type, or written as an ISO code) that is not the Netherlands.
    let iso = (2..=3).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphabetic());
    if ty == Some("Country") || iso {
        Admits::No
    } else {
        Admits::Unknown
    }
}

/// Checks `applicantLocationRequirements` (see the module docs).
fn check_applicant_location(node: &Node, notes: &mut Notes) -> Result<()> {
    let Some(req) = node.get("applicantLocationRequirements") else { return Ok(()) };
    let field = "applicantLocationRequirements";
    let verdicts: Vec<Admits> = items(req).iter().map(admits_nl).collect();
    if verdicts.is_empty() {
        return Err(invalid(field, "an empty list: name the country or area applicants must live in"));
    }
    if verdicts.contains(&Admits::Yes) {
        return Ok(());
    }
    if verdicts.iter().all(|v| *v == Admits::No) {
        return Err(Error::new(
            ErrorKind::OutOfScope,
            "applicants must live outside the Netherlands: the posting is not open to the seekers matched here",
        )
        .with_field(field));
    }
    notes.warnings.push(
        Error::new(
            ErrorKind::Implausible,
            "cannot tell whether the required applicant location includes the Netherlands; kept",
        )
        .with_field(field),
    );
    Ok(())
}

fn skills(v: &Value) -> Result<Vec<String>> {
    if let Value::String(s) = v {
        return Ok(plain_text(s).split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect());
    }
    items(v)
        .iter()
        .map(|item| {
            match item {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Object(o) => ["@id", "url", "name"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(Value::as_str))
                    .map(|s| s.trim().to_string()),
                _ => None,
            }
            .filter(|s| !s.is_empty())
            .ok_or_else(|| invalid("skills", "a skill name or a DefinedTerm with @id, url or name"))
        })
        .collect()
}

/// Hours per week from `employmentType` (schema.org's types); `None` when it gives none.
fn employment_hours(node: &Node) -> Result<Option<HoursRange>> {
    let Some(v) = node.get("employmentType") else { return Ok(None) };
    let (mut full, mut part) = (false, false);
    for item in items(v) {
        match item.as_str().map(value_key).as_deref() {
            Some("fulltime") => full = true,
            Some("parttime") => part = true,
            Some("contractor" | "temporary" | "intern" | "volunteer" | "perdiem" | "other") => {}
            _ => {
                return Err(invalid_typed(
                    "employmentType",
                    item,
                    "a schema.org employment type (FULL_TIME, PART_TIME, …)",
                ))
            }
        }
    }
    let range = match (full, part) {
        (true, true) => HoursRange::new(12, 40),
        (true, false) => HoursRange::new(32, 40),
        (false, true) => HoursRange::new(12, 32),
        (false, false) => return Ok(None),
    };
    range.map(Some).map_err(|e| Error::from_core(&e))
}

/// The text of a free-text property: a string, or a list of strings joined by lines.
fn prose(node: &Node, field: &str) -> Result<Option<String>> {
    match node.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| x.as_str().ok_or_else(|| invalid(field, "text, or a list of texts")))
            .collect::<Result<Vec<_>>>()
            .map(|parts| Some(parts.join("\n"))),
        Some(v) => text_of(v).map(Some).ok_or_else(|| invalid(field, "text")),
    }
}

/// Hours and the earliest start: from `workHours`, the `description` and
/// `employmentType` (see the module docs), noting what came from text.
fn hours_and_start(node: &Node, v: &mut Vacancy, notes: &mut Notes) -> Result<()> {
    let work_hours = prose(node, "workHours")?;
    let from_wh = work_hours.as_deref().map(|t| extract(t, Source::WorkHours)).unwrap_or_default();
    let description = prose(node, "description")?;
    let from_desc = description.as_deref().map(|t| extract(t, Source::Description)).unwrap_or_default();
    // A bare "24-32" or "32" in workHours: the numbers are the hours.
    let wh_plain = match (&work_hours, from_wh.hours) {
        (Some(t), None) => parse_hours(&plain_text(t)).ok(),
        _ => None,
    };
    if let Some(h) = from_wh.hours.or(wh_plain) {
        v.hours = h;
        notes.derived.push(("hours", "workHours"));
    } else if let Some(h) = from_desc.hours {
        v.hours = h;
        notes.derived.push(("hours", "description"));
    } else if let Some(h) = employment_hours(node)? {
        v.hours = h;
    }
    // Check employmentType even when text gave the hours: a bad value is still reported.
    if from_wh.hours.or(wh_plain).or(from_desc.hours).is_some() {
        employment_hours(node)?;
    }
    let start = match (from_wh.start, from_desc.start) {
        (Some(a), Some(b)) if b < a => Some((b, "description")),
        (Some(a), _) => Some((a, "workHours")),
        (None, Some(b)) => Some((b, "description")),
        (None, None) => None,
    };
    if let Some((t, source)) = start {
        v.earliest_start = Some(t);
        notes.derived.push(("earliest_start", source));
    }
    if work_hours.is_some() && from_wh.hours.is_none() && wh_plain.is_none() && from_wh.start.is_none() {
        notes.warnings.push(
            Error::new(ErrorKind::InvalidValue, "no hours per week or start time found in the text; not used")
                .with_field("workHours"),
        );
    }
    Ok(())
}

/// The highest skill level named in an education requirement.
fn education_level(v: &Value) -> Result<SkillLevel> {
    let mut best = 0u8;
    for item in items(v) {
        let text = match item {
            Value::Object(o) => o.get("credentialCategory").or_else(|| o.get("name")).and_then(text_of),
            other => text_of(other),
        }
        .unwrap_or_default()
        .to_lowercase();
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        for (i, w) in words.iter().enumerate() {
            // "MBO 4" is two words, "mbo4" one; "MBO niveau 2" / "MBO-niveau 2" three.
            let after = if words.get(i + 1) == Some(&"niveau") { i + 2 } else { i + 1 };
            let next = words.get(after).copied().unwrap_or("");
            let mbo = |n: &str| *w == format!("mbo{n}") || (*w == "mbo" && next == n);
            let level = match *w {
                "bachelor" | "master" | "postgraduate" | "hbo" | "wo" | "universiteit" => 4,
                "associate" => 3,
                _ if mbo("4") => 3,
                "high" if next == "school" => 2,
                "havo" | "vwo" => 2,
                _ if mbo("2") || mbo("3") => 2,
                "vmbo" | "basisonderwijs" => 1,
                _ if mbo("1") => 1,
                _ => 0,
            };
            best = best.max(level);
        }
    }
    SkillLevel::new(best).map_err(|_| {
        invalid(
            "educationRequirements",
            "no recognised education level (e.g. MBO 2, HBO, high school, bachelor degree)",
        )
    })
}

fn employer(v: &Value) -> Result<Id> {
    let candidate = match v {
        Value::Object(o) => ["identifier", "@id", "name"].iter().find_map(|k| o.get(*k).and_then(text_of)),
        other => text_of(other),
    };
    let text = candidate
        .filter(|t| !t.is_empty())
        .ok_or_else(|| invalid("hiringOrganization", "an Organization with identifier, @id or name"))?;
    Id::new(text).map_err(|e| invalid("hiringOrganization", e.reason()))
}

/// The sector from `industry`; absent: the caller's explicit default, else
/// unknown (never a guess). An `industry` in words ("Horeca", "Logistiek")
/// is no NACE code: the posting is kept without a sector, with a warning.
fn sector(node: &Node, opts: &RecordOptions<'_>, notes: &mut Notes) -> Result<Option<Nace>> {
    let Some(v) = node.get("industry") else { return Ok(opts.default_sector) };
    let text = items(v).first().and_then(text_of).unwrap_or_default();
    match parse_sector(&text) {
        Ok(n) => Ok(Some(n)),
        Err(e) => {
            let e = e.with_field("industry").with_reason(
                "not a NACE letter or SBI code: the vacancy gets no sector (the default sector, if given, is not \
                 used: the posting named one)",
            );
            let e = if crate::privacy::is_code(&text) { e.with_value(text) } else { e };
            notes.warnings.push(e);
            Ok(None)
        }
    }
}

fn to_vacancy(node: &Node, opts: &RecordOptions<'_>) -> Result<(Vacancy, Notes)> {
    let mut notes = Notes::default();
    let id = posting_id(node)?;
    let occ = occupation(node, opts)?;
    let sector = sector(node, opts, &mut notes)?;
    let remote = telecommute(node)?;
    let location = location(node, opts, &mut notes)?;
    let workplace = Workplace::from_fields(location, remote).map_err(|_| {
        Error::new(ErrorKind::MissingField, "a posting needs a jobLocation unless jobLocationType is TELECOMMUTE")
            .with_field("jobLocation")
    })?;
    check_applicant_location(node, &mut notes)?;
    let mut v = Vacancy::remote(id, occ.isco, sector);
    v.workplace = workplace;
    if let Some(t) = node.get("title") {
        let title = t.as_str().ok_or_else(|| invalid("title", "text"))?;
        v.title = Some(plain_text(title).trim().to_string());
    }
    if let Some(s) = node.get("skills") {
        v.skills_essential = skills(s)?;
    }
    if let (Some(esco), Some(resolver)) = (&occ.esco, opts.resolver) {
        if v.skills_essential.is_empty() {
            if let Some((essential, optional)) = resolver.skills_of(esco) {
                v.skills_essential = essential;
                v.skills_optional = optional;
            }
        }
    }
    v.esco_occupation = occ.esco;
    hours_and_start(node, &mut v, &mut notes)?;
    if let Some(e) = node.get("educationRequirements") {
        // Words that name no level ("geen diploma vereist") leave the level to the ISCO code.
        match education_level(e) {
            Ok(level) => v.level = Some(level),
            Err(w) => notes.warnings.push(w),
        }
    }
    if let Some(o) = node.get("hiringOrganization") {
        v.employer = Some(employer(o)?);
    }
    if let Some(n) = node.get("totalJobOpenings") {
        let p = text_of(n).and_then(|t| t.parse::<u16>().ok()).and_then(std::num::NonZeroU16::new);
        v.positions = p.ok_or_else(|| invalid_typed("totalJobOpenings", n, "a whole number 1–65535"))?;
    }
    Ok((v, notes))
}

#[cfg(test)]
#[path = "jobposting_chunked_tests.rs"]
mod chunked_tests;
