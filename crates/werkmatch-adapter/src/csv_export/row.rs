//! One CSV row seen through the mapping: cells by field name, with the
//! column name and cell text attached to every error.

use csv::ByteRecord;
use werkmatch_core::GeoPoint;

use super::mapping::{Kind, Mapping};
use crate::error::{Error, ErrorKind, Result};
use crate::postcode::PostcodeTable;
use crate::resolve::{OccupationResolver, TitleNormaliser};
use crate::values::{bool_builtin, lookup, split_list};

/// The FORMAT.md fields that hold free text: a message never quotes them.
const FREE_TEXT: [&str; 6] = ["title", "name", "skills", "skills_essential", "skills_optional", "certificates"];

/// The FORMAT.md fields that hold an occupation: a code may be quoted, a free-text title not.
const OCCUPATIONS: [&str; 5] = ["isco", "esco_occupation", "experience", "desired_occupations", "occupations"];

/// Adds the cell to `e` when `field` is typed (no personal data in messages, see `privacy.rs`).
fn shown(e: Error, field: &str, text: &str) -> Error {
    if FREE_TEXT.contains(&field) || (OCCUPATIONS.contains(&field) && !crate::privacy::is_code(text)) {
        e.without_value()
    } else {
        e.with_value(text)
    }
}

/// Where each mapped field is in the file: the header resolved against the mapping.
#[derive(Debug)]
pub struct Columns {
    pub kind: Kind,
    /// Per field of `kind.fields()`: the column index and the column name.
    pub slots: Vec<Option<(usize, String)>>,
}

impl Columns {
    /// Matches the mapping's column names against the header (trimmed, any case).
    pub fn resolve(kind: Kind, mapping: &Mapping, header: &[String]) -> Columns {
        let slots = kind
            .fields()
            .iter()
            .map(|field| {
                let (_, column) = mapping.columns(kind).iter().find(|(f, _)| f == field)?;
                let idx = header.iter().position(|h| h.trim().eq_ignore_ascii_case(column))?;
                Some((idx, column.clone()))
            })
            .collect();
        Columns { kind, slots }
    }

    pub fn has(&self, field: &str) -> bool {
        self.slot(field).is_some()
    }

    /// The column that location warnings name: `lat` when the file has it, else `postcode`.
    pub fn location_column(&self) -> String {
        let field = if self.has("lat") { "lat" } else { "postcode" };
        self.slot(field).map_or_else(|| field.to_string(), |(_, c)| c.clone())
    }

    fn slot(&self, field: &str) -> Option<&(usize, String)> {
        let i = self.kind.fields().iter().position(|f| *f == field)?;
        self.slots.get(i)?.as_ref()
    }
}

/// What a row needs besides its cells.
pub struct Context<'a> {
    pub mapping: &'a Mapping,
    pub postcodes: Option<&'a PostcodeTable>,
    pub resolver: Option<&'a dyn OccupationResolver>,
    pub normaliser: Option<&'a dyn TitleNormaliser>,
}

/// A row and the columns of its file.
pub struct Row<'a> {
    pub record: &'a ByteRecord,
    pub columns: &'a Columns,
    pub ctx: &'a Context<'a>,
}

impl<'a> Row<'a> {
    /// The trimmed cell of `field`, `None` when the column is absent or the cell empty.
    pub fn get(&self, field: &str) -> Result<Option<&'a str>> {
        let Some((idx, column)) = self.columns.slot(field) else { return Ok(None) };
        let Some(bytes) = self.record.get(*idx) else { return Ok(None) };
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(ErrorKind::Syntax, format!("invalid UTF-8 at byte {} of the cell", e.valid_up_to() + 1))
                .with_field(column.clone())
        })?;
        let text = text.trim();
        Ok(if text.is_empty() { None } else { Some(text) })
    }

    fn column(&self, field: &str) -> String {
        self.columns.slot(field).map_or_else(|| field.to_string(), |(_, c)| c.clone())
    }

    /// Parses the cell of `field` with `f`; errors name the column and, for typed fields, the cell.
    pub fn parse<T>(&self, field: &str, f: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
        match self.get(field)? {
            None => Ok(None),
            Some(text) => f(text).map(Some).map_err(|e| shown(e.with_field(self.column(field)), field, text)),
        }
    }

    /// Like [`Row::parse`], but an empty or absent cell is a [`ErrorKind::MissingField`].
    pub fn required<T>(&self, field: &str, f: impl FnOnce(&str) -> Result<T>) -> Result<T> {
        self.parse(field, f)?.ok_or_else(|| {
            Error::new(ErrorKind::MissingField, format!("`{field}` is required")).with_field(self.column(field))
        })
    }

    /// Parses each item of a list cell with `f`; an error names the column and the item.
    pub fn list<T>(&self, field: &str, mut f: impl FnMut(&str) -> Result<T>) -> Result<Vec<T>> {
        let Some(text) = self.get(field)? else { return Ok(Vec::new()) };
        split_list(text, self.ctx.mapping.list_separator)
            .map(|item| f(item).map_err(|e| shown(e.with_field(self.column(field)), field, item)))
            .collect()
    }

    /// A list of plain strings.
    pub fn strings(&self, field: &str) -> Result<Vec<String>> {
        self.list(field, |s| Ok(s.to_string()))
    }

    /// A yes/no cell (`ja`/`nee` …), `false` when empty.
    pub fn flag(&self, field: &str) -> Result<bool> {
        let table = &self.ctx.mapping.boolean;
        Ok(self
            .parse(field, |s| lookup(table, s, bool_builtin, "yes or no (ja/nee, true/false, 1/0)"))?
            .unwrap_or(false))
    }

    /// The location, or `None` when every location cell of the row is empty.
    pub fn location_if_given(&self) -> Result<Option<GeoPoint>> {
        for field in ["postcode", "lat", "lon"] {
            if self.get(field)?.is_some() {
                return self.location().map(Some);
            }
        }
        Ok(None)
    }

    /// The location from `postcode`, or from `lat` and `lon`.
    pub fn location(&self) -> Result<GeoPoint> {
        if self.columns.has("postcode") {
            let Some(table) = self.ctx.postcodes else {
                return Err(Error::new(ErrorKind::Config, "this feed has postcodes: give a postcode table"));
            };
            return self.required("postcode", |s| table.lookup(s));
        }
        let coord = |s: &str| {
            s.replace(',', ".").parse::<f64>().map_err(|_| Error::new(ErrorKind::InvalidValue, "a decimal number"))
        };
        let lat = self.required("lat", coord)?;
        let lon = self.required("lon", coord)?;
        GeoPoint::new(lat, lon).map_err(|e| {
            let field = if e.field().ends_with("lat") { "lat" } else { "lon" };
            Error::from_core(&e).with_field(self.column(field))
        })
    }
}
