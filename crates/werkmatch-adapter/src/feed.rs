//! What the feed readers share: progress reports, the expected area of
//! locations, occupation references and the accept/reject bookkeeping
//! (duplicate ids, stop or collect).
//!
//! The CSV export reader ([`crate::csv_export`]), the JSON export reader
//! ([`crate::json_export`]), the jobhunter leads ([`crate::leads`]) and the
//! schema.org `JobPosting` reader ([`crate::jobposting`]) all take the
//! [`ReadOptions`](crate::ReadOptions) that the JSON Lines readers take and
//! return a [`Loaded`], so a caller handles every source the same way.

use std::collections::HashMap;
use std::path::Path;

use werkmatch_core::{GeoPoint, IscoCode};

use crate::error::{Error, ErrorKind, Loaded, OnError, Population, Position, Result};
use crate::resolve::{OccupationResolver, TitleNormaliser};

/// How far a reader has come: reported through [`ReadOptionsBuilder::progress`](crate::ReadOptionsBuilder::progress).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Records read so far (accepted and rejected).
    pub records: u64,
    /// Bytes of input consumed so far.
    pub bytes: u64,
}

/// Records between two progress reports (and one more report at the end).
pub const PROGRESS_EVERY: u64 = 8192;

/// Where the locations of a feed are expected to be: a box of latitudes and
/// longitudes. A location outside it is kept but reported as a warning (with
/// "latitude and longitude swapped?" when swapping them would put it inside).
///
/// The default is the Netherlands with a margin of about 50 km: latitudes
/// 50.3–54.0, longitudes 2.9–7.7 (the country spans 50.75–53.56 and
/// 3.36–7.23, the Wadden islands included).
///
/// ```
/// use werkmatch_adapter::feed::ExpectedArea;
/// use werkmatch_core::GeoPoint;
/// let nl = ExpectedArea::netherlands();
/// assert!(nl.contains(GeoPoint::new(53.22, 6.57).unwrap()));
/// assert!(!nl.contains(GeoPoint::new(6.57, 53.22).unwrap()));
/// assert!(ExpectedArea::anywhere().contains(GeoPoint::new(-33.9, 151.2).unwrap()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExpectedArea {
    lat: (f64, f64),
    lon: (f64, f64),
}

impl ExpectedArea {
    /// The Netherlands with a margin (the default).
    pub const fn netherlands() -> Self {
        ExpectedArea { lat: (50.3, 54.0), lon: (2.9, 7.7) }
    }

    /// Anywhere on earth: no location is implausible.
    pub const fn anywhere() -> Self {
        ExpectedArea { lat: (-90.0, 90.0), lon: (-180.0, 180.0) }
    }

    /// The box from `south` to `north` and `west` to `east` (degrees); `None` unless south ≤ north and west ≤ east, all finite.
    pub fn new(south: f64, north: f64, west: f64, east: f64) -> Option<Self> {
        let ok = [south, north, west, east].iter().all(|x| x.is_finite()) && south <= north && west <= east;
        ok.then_some(ExpectedArea { lat: (south, north), lon: (west, east) })
    }

    /// Whether `p` lies in the box.
    pub fn contains(&self, p: GeoPoint) -> bool {
        (self.lat.0..=self.lat.1).contains(&p.lat()) && (self.lon.0..=self.lon.1).contains(&p.lon())
    }

    /// A warning for a location outside the box (no position yet), `None` inside.
    pub(crate) fn check(&self, p: GeoPoint) -> Option<Error> {
        if self.contains(p) {
            return None;
        }
        let swapped = GeoPoint::new(p.lon(), p.lat()).is_ok_and(|q| self.contains(q));
        let reason = if swapped {
            "the location is outside the expected region; latitude and longitude swapped?"
        } else {
            "the location is outside the expected region (default: the Netherlands)"
        };
        Some(Error::new(ErrorKind::Implausible, reason).with_value(format!("{:.4}, {:.4}", p.lat(), p.lon())))
    }
}

impl Default for ExpectedArea {
    fn default() -> Self {
        Self::netherlands()
    }
}

/// Collects accepted and rejected records, checks ids (unique; a seeker's
/// pseudonymous), numbers the records and applies [`OnError`].
pub(crate) struct Collector<T> {
    loaded: Loaded<T>,
    seen: HashMap<Box<str>, u64>,
    on_error: OnError,
    population: Population,
    id_field: String,
}

impl<T> Collector<T> {
    /// `population` names the records in messages; `id_field` is the field a duplicate id is reported on.
    pub(crate) fn new(on_error: OnError, population: Population, id_field: impl Into<String>) -> Self {
        Collector { loaded: Loaded::default(), seen: HashMap::new(), on_error, population, id_field: id_field.into() }
    }

    /// Records read so far.
    pub(crate) fn read(&self) -> u64 {
        self.loaded.read
    }

    /// Records accepted so far.
    pub(crate) fn accepted(&self) -> usize {
        self.loaded.accepted.len()
    }

    /// Takes the outcome of one record read at `line`. Returns `Err` only in stop mode.
    pub(crate) fn push(
        &mut self,
        outcome: Result<T>,
        id_of: impl Fn(&T) -> &str,
        file: Option<&Path>,
        line: u64,
    ) -> Result<()> {
        self.loaded.read += 1;
        let record = self.loaded.read;
        let outcome = outcome.and_then(|r| {
            let id = id_of(&r);
            let bad = |e: Error| e.with_field(self.id_field.clone()).at(file, line);
            if self.population == Population::Seekers {
                crate::privacy::check_pseudonymous(id).map_err(bad)?;
            }
            if let Some(first) = self.seen.get(id) {
                return Err(bad(Error::duplicate_id(self.population, Position::new(file, *first)).with_value(id)));
            }
            self.seen.insert(id.into(), line);
            Ok(r)
        });
        match outcome {
            Ok(r) => self.loaded.accepted.push(r),
            Err(e) if self.on_error == OnError::Stop || e.kind() == ErrorKind::Io => return Err(e.at_record(record)),
            Err(e) => self.loaded.rejected.push(e.at_record(record)),
        }
        Ok(())
    }

    /// Keeps a warning about the record just pushed (or about the input).
    pub(crate) fn warn(&mut self, warning: Error) {
        self.loaded.warnings.push(warning);
    }

    /// Counts one record whose `field` was filled from the text of `source`.
    pub(crate) fn derived(&mut self, field: &'static str, source: &'static str) {
        self.loaded.count_derived(field, source);
    }

    /// The outcome; an input without a single record gets an [`ErrorKind::Empty`] warning.
    pub(crate) fn finish(mut self, file: Option<&Path>, bytes: u64) -> Loaded<T> {
        if self.loaded.read == 0 {
            let reason = if bytes == 0 { "the input is empty (0 bytes)" } else { "the input holds no records" };
            self.loaded.warnings.push(Error::new(ErrorKind::Empty, reason).with_position(Position::file(file)));
        }
        self.loaded
    }
}

/// An occupation reference resolved to ISCO, with the ESCO reference it came from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Occupation {
    pub isco: IscoCode,
    pub esco: Option<String>,
}

/// Whether `s` looks like an ESCO occupation reference: a concept URI or an
/// ESCO code (an ISCO code followed by dotted digits, e.g. `2654.1.7`).
pub(crate) fn is_esco_reference(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || {
        let b = s.as_bytes();
        b.len() > 5
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'.'
            && b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
    }
}

/// The error for a title without a confident occupation: the threshold and the best
/// candidates (never the title itself, which may be free text about a person).
pub(crate) fn unmapped_title(u: &crate::resolve::Unmapped) -> Error {
    let mut msg = format!("no occupation for this job title with confidence ≥ {:.2}", u.min_confidence);
    if !u.candidates.is_empty() {
        msg.push_str("; best candidates: ");
        let best: Vec<String> =
            u.candidates.iter().map(|c| format!("{:?} {:.2} <{}>", c.label, c.confidence, c.uri)).collect();
        msg.push_str(&best.join(", "));
    }
    Error::new(ErrorKind::Unresolved, msg)
}

/// Resolves one occupation as written in a feed: a 4-digit ISCO-08 code; an
/// ESCO URI or code (needs `resolver`); or, when `normaliser` is given, a
/// free-text job title (its best candidate, when confident enough: see
/// [`crate::normalise_title`]).
pub(crate) fn resolve_occupation(
    raw: &str,
    resolver: Option<&dyn OccupationResolver>,
    normaliser: Option<&dyn TitleNormaliser>,
) -> Result<Occupation> {
    let s = raw.trim();
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let isco = IscoCode::parse(s).map_err(|e| Error::from_core(&e))?;
        return Ok(Occupation { isco, esco: None });
    }
    if is_esco_reference(s) {
        let Some(resolver) = resolver else {
            return Err(Error::new(
                ErrorKind::Unresolved,
                "an ESCO occupation reference needs a taxonomy (none was given)",
            ));
        };
        let isco = resolver.isco_of(s).ok_or_else(|| Error::new(ErrorKind::Unresolved, "unknown ESCO occupation"))?;
        return Ok(Occupation { isco, esco: Some(s.to_string()) });
    }
    let Some(normaliser) = normaliser else {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "expected an ISCO-08 code of 4 digits or an ESCO occupation URI (free-text titles need a title normaliser)",
        ));
    };
    match crate::resolve::normalise_title(normaliser, s, "") {
        Ok(c) => Ok(Occupation { isco: c.isco, esco: Some(c.uri) }),
        Err(u) => Err(unmapped_title(&u)),
    }
}
