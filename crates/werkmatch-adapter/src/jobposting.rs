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
//! | `title` | `title` | |
//! | `occupationalCategory` | `isco`, `esco_occupation` | a string or a `CategoryCode` (`codeValue`), or a list (the first that resolves): an ISCO-08 code (`9112`, or text starting with the 4 digits), an ESCO URI/code (needs a resolver), or free text (needs a normaliser). Absent: the `title` through the [`TitleNormaliser`](crate::TitleNormaliser); without one the posting is rejected |
//! | `skills` | `skills_essential` | a comma-separated string, or a list of strings or `DefinedTerm`s (`@id`, else `url`, else `name`); with a resolver and no skills, the ESCO occupation's skills |
//! | `jobLocation` | `location` | the first `Place`: `geo` (`latitude`, `longitude`), else `address.postalCode` through the postcode table. Required, also for remote work (the model needs a location) |
//! | `jobLocationType` | `remote` | `TELECOMMUTE` → `true` |
//! | `workHours`, else `employmentType` | `hours` | `workHours` text with one or two numbers (`24-32 uur`); else `FULL_TIME` → 32–40, `PART_TIME` → 12–32, both → 12–40; other schema.org types leave the default |
//! | `educationRequirements` | `level` | text or `EducationalOccupationalCredential` (`credentialCategory`): `bachelor`/`master`/`postgraduate`/HBO/WO → 4, `associate`/MBO 4 → 3, `high school`/MBO 2–3/HAVO/VWO → 2, MBO 1/VMBO/basisonderwijs → 1 (the highest named) |
//! | `industry` | `sector` | a NACE letter or SBI/NACE code (or `codeValue`); absent: [`FeedOptions::default_sector`]; without one the posting is rejected |
//! | `hiringOrganization` | `employer` | its `identifier`, else `@id`, else `name` (a plain string is the name) |
//! | `totalJobOpenings` | `positions` | |
//!
//! Other properties (`description`, `datePosted`, `baseSalary` …) are not
//! used. A property that is present but cannot be mapped rejects the
//! posting with that property as the field; nothing is dropped silently.
//!
//! # Cost
//!
//! The input streams: a scanner cuts it into postings (the elements of a
//! top-level array or of an `@graph`, or whole documents one after
//! another) and only one posting's text is in memory at a time, so memory
//! grows with the accepted vacancies, not with the file. Errors carry the
//! line of the posting they concern. A syntax error cannot be
//! resynchronised: it is reported with its line and ends the read.

use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use werkmatch_core::{HoursRange, Id, Nace, SkillLevel, Vacancy};

use crate::csv_export::values::{parse_hours, parse_sector, value_key};
use crate::error::{Error, ErrorKind, Loaded, Result};
use crate::feed::{resolve_occupation, Collector, FeedOptions, Occupation, Progress, PROGRESS_EVERY};
use crate::json_export::scan::{Event, Piece, Scanner};

/// How deep arrays and `@graph`s may nest before the input is rejected (guards the stack).
const MAX_NESTING: usize = 8;

/// Reads the JobPostings of a JSON-LD document (see the module docs).
///
/// ```
/// use werkmatch_adapter::feed::FeedOptions;
/// use werkmatch_adapter::jobposting::read_jobpostings;
/// use werkmatch_adapter::OnError;
/// let doc = r#"{"@context": "https://schema.org", "@graph": [
///   {"@type": "Organization", "name": "Bakkerij"},
///   {"@type": "JobPosting", "identifier": "J1", "title": "Bakker", "occupationalCategory": "7512",
///    "industry": "C", "jobLocation": {"@type": "Place", "geo": {"latitude": 53.2, "longitude": 6.5}},
///    "employmentType": "PART_TIME"}]}"#;
/// let mut opts = FeedOptions::new().on_error(OnError::Collect);
/// let loaded = read_jobpostings(doc, None, &mut opts).unwrap();
/// assert_eq!(loaded.accepted[0].isco.as_str(), "7512");
/// assert_eq!(loaded.accepted[0].hours.max(), 32);
/// ```
pub fn read_jobpostings(text: &str, file: Option<&Path>, opts: &mut FeedOptions<'_>) -> Result<Loaded<Vacancy>> {
    read_jobpostings_from(text.as_bytes(), file, opts)
}

/// Reads the JobPostings of a JSON-LD stream, one posting in memory at a time
/// (see the module docs); `file` names the input in errors.
pub fn read_jobpostings_from(
    input: impl BufRead,
    file: Option<&Path>,
    opts: &mut FeedOptions<'_>,
) -> Result<Loaded<Vacancy>> {
    let mut reader = PostingReader {
        file,
        collector: Collector::new(opts.on_error, "posting", "identifier"),
        bytes: 0,
        stopped: false,
    };
    let mut scanner = Scanner::new(input, file);
    scanner.run(true, &mut |event| match event {
        Event::Value(piece) => reader.piece(&piece, opts),
        Event::Syntax(e) => reader.syntax(e, opts),
    })?;
    opts.report(Progress { records: reader.collector.read(), bytes: scanner.bytes() });
    Ok(reader.collector.finish())
}

/// Reads the JobPostings of the JSON-LD file at `path`, streaming.
pub fn read_jobpostings_file(path: impl AsRef<Path>, opts: &mut FeedOptions<'_>) -> Result<Loaded<Vacancy>> {
    let path = path.as_ref();
    let f = std::fs::File::open(path).map_err(|e| Error::io(Some(path), &e))?;
    read_jobpostings_from(BufReader::with_capacity(1 << 16, f), Some(path), opts)
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

struct PostingReader<'f> {
    file: Option<&'f Path>,
    collector: Collector<Vacancy>,
    /// Input consumed up to the current piece (for progress reports).
    bytes: u64,
    /// Set after a syntax error: the text cannot be resynchronised, so the rest is not read.
    stopped: bool,
}

#[derive(Deserialize)]
struct GraphProbe<'a> {
    #[serde(rename = "@graph", borrow, default)]
    graph: Option<Vec<&'a RawValue>>,
}

impl PostingReader<'_> {
    /// Decodes one piece cut by the scanner.
    fn piece(&mut self, piece: &Piece<'_>, opts: &mut FeedOptions<'_>) -> Result<()> {
        if self.stopped {
            return Ok(());
        }
        self.bytes = piece.end;
        let text = match std::str::from_utf8(piece.bytes) {
            Ok(t) => t,
            Err(e) => {
                let before = piece.bytes.get(..e.valid_up_to()).unwrap_or(&[]);
                let line = piece.line + before.iter().filter(|b| **b == b'\n').count() as u64;
                return self.syntax(Error::new(ErrorKind::Syntax, "invalid UTF-8").at(self.file, line), opts);
            }
        };
        let raw: &RawValue = match serde_json::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let line = piece.line + (e.line() as u64).saturating_sub(1);
                return self.syntax(Error::new(ErrorKind::Syntax, format!("JSON: {e}")).at(self.file, line), opts);
            }
        };
        let mut doc = Doc { text, lines: LineCounter { pos: 0, line: piece.line.saturating_sub(1) } };
        self.value(&mut doc, raw, piece.in_graph, piece.depth, opts)
    }

    /// A syntax error: reported, and the end of the read.
    fn syntax(&mut self, e: Error, opts: &mut FeedOptions<'_>) -> Result<()> {
        if self.stopped {
            return Ok(());
        }
        self.stopped = true;
        let line = e.position().line.unwrap_or(0);
        self.push(Err(e), line, opts)
    }
    fn value<'t>(
        &mut self,
        doc: &mut Doc<'t>,
        raw: &'t RawValue,
        in_graph: bool,
        depth: usize,
        opts: &mut FeedOptions<'_>,
    ) -> Result<()> {
        let json = raw.get();
        let offset = (json.as_ptr() as usize).saturating_sub(doc.text.as_ptr() as usize);
        let line = doc.lines.line_of(doc.text, offset);
        let file = self.file;
        let nested = |kind| -> Result<Vec<&'t RawValue>> {
            if depth >= MAX_NESTING {
                return Err(Error::new(ErrorKind::Syntax, format!("{kind} nested more than {MAX_NESTING} deep")));
            }
            match kind {
                "array" => serde_json::from_str::<Vec<&RawValue>>(json),
                _ => serde_json::from_str::<GraphProbe<'_>>(json).map(|g| g.graph.unwrap_or_default()),
            }
            .map_err(|e| Error::new(ErrorKind::Syntax, format!("JSON: {e}")))
        };
        if json.starts_with('[') {
            match nested("array") {
                Ok(items) => items.into_iter().try_for_each(|item| self.value(doc, item, in_graph, depth + 1, opts)),
                Err(e) => self.push(Err(e.at(file, line)), line, opts),
            }
        } else if json.starts_with('{') && json.contains("\"@graph\"") {
            match nested("@graph") {
                Ok(items) if !items.is_empty() => {
                    items.into_iter().try_for_each(|item| self.value(doc, item, true, depth + 1, opts))
                }
                Ok(_) => self.posting(json, in_graph, line, opts),
                Err(e) => self.push(Err(e.at(file, line)), line, opts),
            }
        } else {
            self.posting(json, in_graph, line, opts)
        }
    }

    fn posting(&mut self, json: &str, in_graph: bool, line: u64, opts: &mut FeedOptions<'_>) -> Result<()> {
        let node: Value = match serde_json::from_str(json) {
            Ok(v) => v,
            Err(e) => {
                return self.push(
                    Err(Error::new(ErrorKind::Syntax, format!("JSON: {e}")).at(self.file, line)),
                    line,
                    opts,
                )
            }
        };
        let Value::Object(node) = node else {
            let e = Error::new(ErrorKind::InvalidValue, "expected a JobPosting object").with_value(json);
            return self.push(Err(e.at(self.file, line)), line, opts);
        };
        if !is_job_posting(node.get("@type")) {
            if in_graph {
                return Ok(()); // context nodes of a graph (Organization, WebPage …) are not records
            }
            let e = match node.get("@type") {
                Some(t) => invalid("@type", t, "not a JobPosting"),
                None => Error::new(ErrorKind::MissingField, "not a JobPosting (no @type)").with_field("@type"),
            };
            return self.push(Err(e.at(self.file, line)), line, opts);
        }
        let outcome = to_vacancy(&node, opts).map_err(|e| e.at(self.file, line));
        self.push(outcome, line, opts)
    }

    fn push(&mut self, outcome: Result<Vacancy>, line: u64, opts: &mut FeedOptions<'_>) -> Result<()> {
        self.collector.push(outcome, |v| v.id.as_str(), self.file, line)?;
        if self.collector.read() % PROGRESS_EVERY == 0 {
            opts.report(Progress { records: self.collector.read(), bytes: self.bytes });
        }
        Ok(())
    }
}

type Node = serde_json::Map<String, Value>;

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

fn field_error(kind: ErrorKind, field: &str, value: &Value, reason: impl Into<String>) -> Error {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Error::new(kind, reason).with_field(field).with_value(text)
}

fn invalid(field: &str, value: &Value, reason: impl Into<String>) -> Error {
    field_error(ErrorKind::InvalidValue, field, value, reason)
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
            let text = text_of(v).filter(|t| !t.is_empty()).ok_or_else(|| invalid(field, v, "expected a text id"))?;
            return Id::new(text).map_err(|e| invalid(field, v, e.reason()));
        }
    }
    Err(Error::new(ErrorKind::MissingField, "a posting needs an `identifier`, `@id` or `url`").with_field("identifier"))
}

fn occupation(node: &Node, opts: &FeedOptions<'_>) -> Result<Occupation> {
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
                    first_error.get_or_insert(e.with_field("occupationalCategory").with_value(text));
                }
            }
        }
        return Err(
            first_error.unwrap_or_else(|| invalid("occupationalCategory", cat, "expected an ISCO-08 code or ESCO URI"))
        );
    }
    match (node.get("title").and_then(Value::as_str), opts.normaliser) {
        (Some(title), Some(normaliser)) => match normaliser.occupations_for_title(title, 1).into_iter().next() {
            Some(c) => Ok(Occupation { isco: c.isco, esco: Some(c.uri) }),
            None => Err(Error::new(ErrorKind::Unresolved, "no occupation found for the title")
                .with_field("title")
                .with_value(title)),
        },
        _ => Err(Error::new(
            ErrorKind::MissingField,
            "a posting needs an occupationalCategory (ISCO-08 or ESCO), or a title and a title normaliser",
        )
        .with_field("occupationalCategory")),
    }
}

fn location(node: &Node, opts: &FeedOptions<'_>) -> Result<werkmatch_core::GeoPoint> {
    let Some(loc) = node.get("jobLocation") else {
        return Err(Error::new(ErrorKind::MissingField, "a posting needs a jobLocation (also when remote)")
            .with_field("jobLocation"));
    };
    let place = items(loc).first().ok_or_else(|| invalid("jobLocation", loc, "an empty list"))?;
    if let Some(geo) = place.get("geo") {
        let coord = |name: &str| -> Result<f64> {
            let field = format!("jobLocation.geo.{name}");
            let v = geo.get(name).ok_or_else(|| {
                Error::new(ErrorKind::MissingField, "geo needs latitude and longitude").with_field(field.clone())
            })?;
            match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            }
            .ok_or_else(|| invalid(&field, v, "a number"))
        };
        let (lat, lon) = (coord("latitude")?, coord("longitude")?);
        return werkmatch_core::GeoPoint::new(lat, lon).map_err(|e| {
            Error::from_core(&e).with_field(format!(
                "jobLocation.geo.{}",
                if e.field().ends_with("lat") { "latitude" } else { "longitude" }
            ))
        });
    }
    let field = "jobLocation.address.postalCode";
    let Some(pc) = place.get("address").and_then(|a| a.get("postalCode")) else {
        return Err(
            Error::new(ErrorKind::MissingField, "jobLocation needs geo or address.postalCode").with_field(field)
        );
    };
    let text = text_of(pc).ok_or_else(|| invalid(field, pc, "a postcode"))?;
    let Some(table) = opts.postcodes else {
        return Err(Error::new(ErrorKind::Config, "this posting has a postcode: give a postcode table")
            .with_field(field)
            .with_value(text));
    };
    table.lookup(&text).map_err(|e| e.with_field(field))
}

fn skills(v: &Value) -> Result<Vec<String>> {
    if let Value::String(s) = v {
        return Ok(s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect());
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
            .ok_or_else(|| invalid("skills", item, "a skill name or a DefinedTerm with @id, url or name"))
        })
        .collect()
}

fn hours(node: &Node) -> Result<Option<HoursRange>> {
    if let Some(v) = node.get("workHours") {
        let text = text_of(v).ok_or_else(|| invalid("workHours", v, "text such as `24-32 uur`"))?;
        return parse_hours(&text).map(Some).map_err(|e| e.with_field("workHours").with_value(text));
    }
    let Some(v) = node.get("employmentType") else { return Ok(None) };
    let (mut full, mut part) = (false, false);
    for item in items(v) {
        match item.as_str().map(value_key).as_deref() {
            Some("fulltime") => full = true,
            Some("parttime") => part = true,
            Some("contractor" | "temporary" | "intern" | "volunteer" | "perdiem" | "other") => {}
            _ => return Err(invalid("employmentType", item, "a schema.org employment type (FULL_TIME, PART_TIME, …)")),
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
            // "MBO 4" is two words, "mbo4" one.
            let next = words.get(i + 1).copied().unwrap_or("");
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
            v,
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
        .ok_or_else(|| invalid("hiringOrganization", v, "an Organization with identifier, @id or name"))?;
    Id::new(text).map_err(|e| invalid("hiringOrganization", v, e.reason()))
}

fn sector(node: &Node, opts: &FeedOptions<'_>) -> Result<Nace> {
    match node.get("industry") {
        Some(v) => {
            let text = items(v)
                .first()
                .and_then(text_of)
                .ok_or_else(|| invalid("industry", v, "a NACE letter or SBI code"))?;
            parse_sector(&text).map_err(|e| e.with_field("industry").with_value(text))
        }
        None => opts.default_sector.ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField,
                "a posting needs an industry (NACE letter or SBI code) or a default sector",
            )
            .with_field("industry")
        }),
    }
}

fn to_vacancy(node: &Node, opts: &FeedOptions<'_>) -> Result<Vacancy> {
    let id = posting_id(node)?;
    let occ = occupation(node, opts)?;
    let sector = sector(node, opts)?;
    let mut v = Vacancy::new(id, occ.isco, sector, location(node, opts)?);
    if let Some(t) = node.get("title") {
        v.title = Some(t.as_str().ok_or_else(|| invalid("title", t, "text"))?.trim().to_string());
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
    if let Some(h) = hours(node)? {
        v.hours = h;
    }
    if let Some(e) = node.get("educationRequirements") {
        v.level = Some(education_level(e)?);
    }
    if let Some(o) = node.get("hiringOrganization") {
        v.employer = Some(employer(o)?);
    }
    if let Some(t) = node.get("jobLocationType") {
        for item in items(t) {
            match item.as_str() {
                Some("TELECOMMUTE") => v.workplace = v.workplace.remote(),
                _ => return Err(invalid("jobLocationType", item, "TELECOMMUTE (the only schema.org value)")),
            }
        }
    }
    if let Some(n) = node.get("totalJobOpenings") {
        let p = text_of(n).and_then(|t| t.parse::<u16>().ok()).and_then(std::num::NonZeroU16::new);
        v.positions = p.ok_or_else(|| invalid("totalJobOpenings", n, "a whole number 1–65535"))?;
    }
    Ok(v)
}
