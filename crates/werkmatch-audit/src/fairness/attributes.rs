//! The audit attributes: a separate JSON Lines file keyed by seeker id, read
//! by the fairness report only.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;
use werkmatch_adapter::{Error, ErrorKind, Result};

/// The group of a seeker without a value for an attribute.
pub const UNKNOWN: &str = "unknown";

/// Attribute values by seeker id (`{"seeker": "S1", "age_band": "27-34", …}`:
/// any attribute names, string values).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditAttributes {
    by_seeker: HashMap<String, BTreeMap<String, String>>,
    names: BTreeSet<String>,
}

impl AuditAttributes {
    /// Reads the file strictly: a line that is not an object with a string
    /// `seeker` and string values, or a repeated seeker, is bad input (file, line, field, reason).
    pub fn read_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
        Self::from_str(&text, Some(path))
    }

    /// Parses the JSON Lines text; `file` is named in errors.
    pub fn from_str(text: &str, file: Option<&Path>) -> Result<Self> {
        let mut out = AuditAttributes::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = |e: Error| e.at(file, i as u64 + 1);
            let v: Value = serde_json::from_str(line).map_err(|e| at(Error::new(ErrorKind::Syntax, e.to_string())))?;
            let Value::Object(map) = v else {
                return Err(at(Error::new(ErrorKind::Syntax, "each line must be a JSON object")));
            };
            let seeker = match map.get("seeker") {
                Some(Value::String(s)) if !s.is_empty() => s.clone(),
                Some(_) => {
                    return Err(at(
                        Error::new(ErrorKind::InvalidValue, "must be a non-empty string").with_field("seeker")
                    ))
                }
                None => {
                    return Err(at(
                        Error::new(ErrorKind::MissingField, "every line names its seeker").with_field("seeker")
                    ))
                }
            };
            let mut attrs = BTreeMap::new();
            for (k, v) in map {
                if k == "seeker" {
                    continue;
                }
                let Value::String(s) = v else {
                    return Err(at(Error::new(ErrorKind::InvalidValue, "attribute values are strings").with_field(k)));
                };
                out.names.insert(k.clone());
                attrs.insert(k, s);
            }
            if out.by_seeker.insert(seeker.clone(), attrs).is_some() {
                return Err(at(Error::new(ErrorKind::DuplicateId, "a seeker occurs twice").with_field("seeker")));
            }
        }
        Ok(out)
    }

    /// The attribute names found, in byte order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// The seeker's group for `attribute`: its value, or [`UNKNOWN`].
    pub fn group(&self, seeker: &str, attribute: &str) -> &str {
        self.by_seeker.get(seeker).and_then(|a| a.get(attribute)).map_or(UNKNOWN, String::as_str)
    }

    /// Seekers with a record.
    pub fn len(&self) -> usize {
        self.by_seeker.len()
    }

    /// Whether the file had no records.
    pub fn is_empty(&self) -> bool {
        self.by_seeker.is_empty()
    }
}
