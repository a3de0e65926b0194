//! Dutch postcodes to locations, through a table in the GeoNames
//! postal-code format.
//!
//! The table is tab-separated, without a header, 12 fields per row:
//! country code, postal code, place name, province, province code,
//! municipality, municipality code, admin3 name, admin3 code, latitude,
//! longitude, accuracy (GeoNames `export/zip`, e.g. `NL.txt`). Only the
//! postal code (a PC4 such as `9711`), latitude and longitude are used.
//!
//! Some PC4s appear on several rows (one per place that shares the code).
//! The table keeps the **first** row of each PC4: GeoNames lists the main
//! place first, and the first row is stable when rows are appended; an
//! average of places could fall between two villages.
//!
//! A record's postcode may be written `9711 AB`, `9711AB`, `9711ab` or
//! `9711`; a PC6 is reduced to its PC4. An unknown postcode is an error
//! ([`ErrorKind::Unresolved`]); it never becomes a default location.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use werkmatch_core::GeoPoint;

use crate::error::{Error, ErrorKind, Result};

/// PC4 → location, from a GeoNames postal-code file.
#[derive(Clone, Debug, Default)]
pub struct PostcodeTable {
    points: HashMap<u16, GeoPoint>,
    rows: u64,
}

impl PostcodeTable {
    /// Reads a table in the GeoNames format from `input`; `file` names it in errors.
    ///
    /// A malformed row (wrong field count, a postal code that is not a PC4,
    /// a coordinate that is not a number in range) is an error with its line:
    /// the table is configuration, and a half-read table would turn valid
    /// postcodes into rejections.
    ///
    /// ```
    /// use werkmatch_adapter::postcode::PostcodeTable;
    /// let row = "NL\t9711\tGroningen\tGroningen\t04\tGroningen\t0014\t\t\t53.2194\t6.5665\t\n";
    /// let table = PostcodeTable::read(row.as_bytes(), None).unwrap();
    /// assert_eq!(table.lookup("9711 AB").unwrap().lat(), 53.2194);
    /// assert!(table.lookup("9999").is_err());
    /// ```
    pub fn read(mut input: impl BufRead, file: Option<&Path>) -> Result<Self> {
        let mut table = PostcodeTable::default();
        let mut buf = Vec::with_capacity(256);
        let mut line = 0u64;
        loop {
            buf.clear();
            let n = input.read_until(b'\n', &mut buf).map_err(|e| Error::io(file, e).at(file, line + 1))?;
            if n == 0 {
                break;
            }
            line += 1;
            let text = std::str::from_utf8(&buf)
                .map_err(|_| Error::new(ErrorKind::Syntax, "invalid UTF-8").at(file, line))?
                .trim_end_matches(['\n', '\r']);
            let text = if line == 1 { text.trim_start_matches('\u{feff}') } else { text };
            if text.trim().is_empty() {
                continue;
            }
            let (pc4, point) = parse_row(text).map_err(|e| e.at(file, line))?;
            table.rows += 1;
            table.points.entry(pc4).or_insert(point);
        }
        Ok(table)
    }

    /// Reads the table at `path`.
    pub fn read_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        Self::read(crate::files::open(path)?, Some(path))
    }

    /// Distinct PC4s in the table.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Rows read (including repeated PC4s).
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The location of a PC4 number.
    pub fn get(&self, pc4: u16) -> Option<GeoPoint> {
        self.points.get(&pc4).copied()
    }

    /// The location of a written postcode (PC4 or PC6, see the module docs).
    ///
    /// The error has field `postcode`; its kind is [`ErrorKind::InvalidValue`]
    /// for a malformed postcode and [`ErrorKind::Unresolved`] for one the table lacks.
    pub fn lookup(&self, postcode: &str) -> Result<GeoPoint> {
        let pc4 = parse_postcode(postcode)?;
        self.get(pc4).ok_or_else(|| {
            Error::new(ErrorKind::Unresolved, format!("postcode {pc4} is not in the postcode table"))
                .with_field("postcode")
                .with_value(postcode)
        })
    }
}

/// Parses a Dutch postcode (`9711 AB`, `9711AB`, `9711`) to its PC4 number.
///
/// ```
/// use werkmatch_adapter::postcode::parse_postcode;
/// assert_eq!(parse_postcode(" 9711 ab ").unwrap(), 9711);
/// assert!(parse_postcode("0711AB").is_err()); // Dutch postcodes start at 1000
/// assert!(parse_postcode("9711 A").is_err());
/// ```
pub fn parse_postcode(s: &str) -> Result<u16> {
    let bad = || {
        Error::new(ErrorKind::InvalidValue, "a Dutch postcode: 4 digits (1000–9999), optionally a space and 2 letters")
            .with_field("postcode")
            .with_value(s)
    };
    let t = s.trim().as_bytes();
    if t.len() < 4 || !t[..4].iter().all(u8::is_ascii_digit) || t[0] == b'0' {
        return Err(bad());
    }
    let rest = &t[4..];
    let letters = rest.strip_prefix(b" ").unwrap_or(rest);
    if !(letters.is_empty() || (letters.len() == 2 && letters.iter().all(u8::is_ascii_alphabetic))) {
        return Err(bad());
    }
    Ok(t[..4].iter().fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0')))
}

fn parse_row(text: &str) -> Result<(u16, GeoPoint)> {
    let fields: Vec<&str> = text.split('\t').collect();
    if fields.len() != 12 {
        return Err(Error::new(
            ErrorKind::Syntax,
            format!("a GeoNames postal-code row has 12 tab-separated fields, this one has {}", fields.len()),
        ));
    }
    let field = |i: usize| fields.get(i).copied().unwrap_or("");
    let pc4 = parse_postcode(field(1)).map_err(|e| e.with_field("postal_code"))?;
    let coord = |i: usize, name: &str| -> Result<f64> {
        field(i).trim().parse::<f64>().map_err(|_| {
            Error::new(ErrorKind::InvalidValue, "a decimal number").with_field(name.to_string()).with_value(field(i))
        })
    };
    let (lat, lon) = (coord(9, "latitude")?, coord(10, "longitude")?);
    let point = GeoPoint::new(lat, lon).map_err(|e| Error::from_core(&e))?;
    Ok((pc4, point))
}
