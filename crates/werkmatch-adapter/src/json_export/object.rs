//! One flat JSON object of the export as a CSV row: its mapped keys become
//! the header and its values the cells, so the CSV row code builds the record.

use std::fmt;

use csv::ByteRecord;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::csv_export::{Kind, Mapping};
use crate::error::{Error, ErrorKind, Result};

/// The members of one JSON object, in file order (duplicates kept, to be reported).
pub(crate) struct Members(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_map(MembersVisitor)
    }
}

struct MembersVisitor;

impl<'de> Visitor<'de> for MembersVisitor {
    type Value = Members;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a flat JSON object (one record of the export)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Members, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Value>()? {
            members.push(member);
        }
        Ok(Members(members))
    }
}

/// The header (mapped keys, trimmed) and the cells of one object.
pub(crate) fn to_row(members: Members, kind: Kind, mapping: &Mapping) -> Result<(Vec<String>, ByteRecord)> {
    let mut header: Vec<String> = Vec::new();
    let mut record = ByteRecord::new();
    for (key, value) in members.0 {
        let name = key.trim();
        if !mapping.columns(kind).iter().any(|(_, column)| column.eq_ignore_ascii_case(name)) {
            continue; // not a field werkmatch reads, like an unmapped CSV column
        }
        if header.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            return Err(Error::new(ErrorKind::InvalidValue, "the key occurs twice in the record").with_field(name));
        }
        let cell = match value {
            Value::Null => String::new(),
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            nested @ (Value::Array(_) | Value::Object(_)) => {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    "a nested value: the export's values are text, numbers, true/false or null",
                )
                .with_field(name)
                .with_value(nested.to_string()))
            }
        };
        header.push(name.to_string());
        record.push_field(cell.as_bytes());
    }
    Ok((header, record))
}
