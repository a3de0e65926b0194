//! The column mapping: which column holds which field and how values
//! translate, read from TOML or JSON so that a municipality can feed its own
//! export without writing code.
//!
//! See `mappings/nl_default.toml` (the default for a Dutch export, embedded
//! as [`Mapping::dutch_default`]) for a commented example.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;
use werkmatch_core::{Education, PhysicalLoad, TravelMode};

use crate::error::{Error, ErrorKind, Result};
use crate::values::value_key;

/// The default mapping for a Dutch export (`mappings/nl_default.toml`).
pub const DUTCH_DEFAULT_TOML: &str = include_str!("../../mappings/nl_default.toml");

/// The default mapping for a jobhunter's employer list (`mappings/nl_leads.toml`).
pub const DUTCH_LEADS_TOML: &str = include_str!("../../mappings/nl_leads.toml");

/// Which kind of record a CSV file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// Jobseekers.
    Seekers,
    /// Vacancies.
    Vacancies,
    /// Employers without a vacancy.
    Employers,
}

impl Kind {
    /// The fields a mapping may name for this kind (FORMAT.md names; `postcode`,
    /// `lat`, `lon`, `max_minutes` and `modes` are the columns behind `location` and `mobility`).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Seekers => &[
                "id",
                "postcode",
                "lat",
                "lon",
                "education",
                "experience",
                "desired_occupations",
                "skills",
                "sectors_preferred",
                "sectors_experience",
                "hours",
                "max_minutes",
                "modes",
                "licence",
                "dutch_level",
                "max_physical_load",
                "certificates",
                "target_register",
            ],
            Kind::Vacancies => &[
                "id",
                "employer",
                "title",
                "isco",
                "esco_occupation",
                "level",
                "sector",
                "postcode",
                "lat",
                "lon",
                "remote",
                "skills_essential",
                "skills_optional",
                "hours",
                "earliest_start",
                "requires_licence",
                "min_dutch_level",
                "physical_load",
                "certificates",
                "offers_training",
                "reserved_for_target_group",
                "positions",
            ],
            Kind::Employers => &[
                "id",
                "name",
                "postcode",
                "lat",
                "lon",
                "sector",
                "occupations",
                "offers_training",
                "open_to_target_group",
            ],
        }
    }

    /// The section of the mapping file for this kind.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Seekers => "seekers",
            Kind::Vacancies => "vacancies",
            Kind::Employers => "employers",
        }
    }

    /// Whose records these are (named in duplicate-id errors).
    pub fn population(self) -> crate::error::Population {
        match self {
            Kind::Seekers => crate::error::Population::Seekers,
            Kind::Vacancies => crate::error::Population::Vacancies,
            Kind::Employers => crate::error::Population::Employers,
        }
    }

    /// The singular name used in messages.
    pub fn singular(self) -> &'static str {
        match self {
            Kind::Seekers => "seeker",
            Kind::Vacancies => "vacancy",
            Kind::Employers => "employer",
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    #[serde(default)]
    delimiter: Option<String>,
    #[serde(default)]
    list_separator: Option<char>,
    #[serde(default)]
    seekers: BTreeMap<String, String>,
    #[serde(default)]
    vacancies: BTreeMap<String, String>,
    #[serde(default)]
    employers: BTreeMap<String, String>,
    #[serde(default)]
    values: RawValues,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawValues {
    #[serde(default)]
    education: BTreeMap<String, Education>,
    #[serde(default)]
    modes: BTreeMap<String, TravelMode>,
    #[serde(default)]
    boolean: BTreeMap<String, bool>,
    #[serde(default)]
    physical_load: BTreeMap<String, PhysicalLoad>,
}

/// A validated column mapping.
#[derive(Clone, Debug)]
pub struct Mapping {
    /// The field delimiter, or `None` to detect it from the header line.
    pub delimiter: Option<u8>,
    /// The separator of items in a list cell.
    pub list_separator: char,
    columns: HashMap<Kind, Vec<(&'static str, String)>>,
    pub(crate) education: HashMap<String, Education>,
    pub(crate) modes: HashMap<String, TravelMode>,
    pub(crate) boolean: HashMap<String, bool>,
    pub(crate) physical_load: HashMap<String, PhysicalLoad>,
}

impl Mapping {
    /// The default mapping for a Dutch export (`mappings/nl_default.toml`).
    pub fn dutch_default() -> Self {
        // The embedded file is checked by a test; should it ever fail, an empty mapping
        // would make every read fail with "no column for `id`", not panic.
        Self::from_toml_str(DUTCH_DEFAULT_TOML).unwrap_or_else(|_| Self::empty())
    }

    /// The default mapping for a jobhunter's employer list (`mappings/nl_leads.toml`).
    pub fn dutch_leads() -> Self {
        Self::from_toml_str(DUTCH_LEADS_TOML).unwrap_or_else(|_| Self::empty())
    }

    fn empty() -> Self {
        Mapping {
            delimiter: None,
            list_separator: ',',
            columns: HashMap::new(),
            education: HashMap::new(),
            modes: HashMap::new(),
            boolean: HashMap::new(),
            physical_load: HashMap::new(),
        }
    }

    /// Reads a mapping written in TOML.
    pub fn from_toml_str(text: &str) -> Result<Self> {
        let raw: RawMapping = toml::from_str(text)
            .map_err(|e| Error::new(ErrorKind::Config, format!("mapping (TOML): {}", e.message())))?;
        Self::from_raw(raw)
    }

    /// Reads a mapping written in JSON (same structure as the TOML).
    pub fn from_json_str(text: &str) -> Result<Self> {
        let raw: RawMapping =
            serde_json::from_str(text).map_err(|e| Error::new(ErrorKind::Config, format!("mapping (JSON): {e}")))?;
        Self::from_raw(raw)
    }

    /// Reads a mapping file: JSON when the name ends in `.json`, TOML otherwise.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
        let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let mapping = if is_json { Self::from_json_str(&text) } else { Self::from_toml_str(&text) };
        mapping.map_err(|e| e.with_position(crate::error::Position::file(Some(path))))
    }

    fn from_raw(raw: RawMapping) -> Result<Self> {
        let config = |reason: String| Error::new(ErrorKind::Config, reason);
        let delimiter = match raw.delimiter.as_deref() {
            None | Some("auto") => None,
            Some("\\t") | Some("tab") | Some("\t") => Some(b'\t'),
            Some(d) if d.len() == 1 && d.is_ascii() && d != "\"" => d.bytes().next(),
            Some(d) => return Err(config(format!("delimiter {d:?}: expected \"auto\", \";\", \",\" or \"tab\""))),
        };
        let list_separator = raw.list_separator.unwrap_or(',');
        let mut columns = HashMap::new();
        for (kind, table) in
            [(Kind::Seekers, raw.seekers), (Kind::Vacancies, raw.vacancies), (Kind::Employers, raw.employers)]
        {
            let mut cols = Vec::new();
            for (field, column) in table {
                let Some(known) = kind.fields().iter().find(|f| **f == field) else {
                    return Err(config(format!(
                        "[{}] has no field `{field}`; the fields are: {}",
                        kind.section(),
                        kind.fields().join(", ")
                    )));
                };
                cols.push((*known, column.trim().to_string()));
            }
            columns.insert(kind, cols);
        }
        let v = raw.values;
        Ok(Mapping {
            delimiter,
            list_separator,
            columns,
            education: keyed(v.education),
            modes: keyed(v.modes),
            boolean: keyed(v.boolean),
            physical_load: keyed(v.physical_load),
        })
    }

    /// The `(field, column)` pairs of `kind`, in field-name order.
    pub fn columns(&self, kind: Kind) -> &[(&'static str, String)] {
        self.columns.get(&kind).map_or(&[], Vec::as_slice)
    }
}

/// Re-keys a synonym table with `value_key` (lower case, no spaces, dashes, dots).
fn keyed<T>(m: BTreeMap<String, T>) -> HashMap<String, T> {
    m.into_iter().map(|(k, v)| (value_key(&k), v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_mappings_parse() {
        let m = Mapping::from_toml_str(DUTCH_DEFAULT_TOML).unwrap();
        assert_eq!(m.columns(Kind::Seekers).len(), 16);
        assert_eq!(m.education.get("mbo2"), Some(&Education::Mbo2));
        assert_eq!(m.modes.get("ebike"), Some(&TravelMode::Ebike));
        Mapping::from_toml_str(DUTCH_LEADS_TOML).unwrap();
    }

    #[test]
    fn unknown_fields_are_config_errors() {
        let e = Mapping::from_toml_str("[seekers]\nnaam = \"naam\"\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
        assert!(e.reason().contains("no field `naam`"));
        assert!(Mapping::from_toml_str("delimiter = \"||\"").is_err());
        assert!(Mapping::from_json_str(r#"{"seekers": {"id": "nr"}, "extra": 1}"#).is_err());
    }
}
