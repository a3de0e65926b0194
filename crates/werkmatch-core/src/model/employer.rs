//! The employer without a vacancy (FORMAT.md, `employers.jsonl`): the
//! jobhunters' hidden jobs.

use serde::{Deserialize, Serialize};

use super::{GeoPoint, Id, IscoCode, Nace};
use crate::error::{Error, Result};

/// An employer with no open vacancy, that has people in some occupations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Employer {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Location.
    pub location: GeoPoint,
    /// NACE section.
    pub sector: Nace,
    /// ISCO unit groups the employer has people in (never empty).
    #[serde(deserialize_with = "non_empty")]
    pub occupations: Vec<IscoCode>,
    /// A recognised learning company.
    #[serde(default)]
    pub offers_training: bool,
    /// Open to people from the target-group register (display only; not scored).
    #[serde(default)]
    pub open_to_target_group: bool,
}

fn non_empty<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<IscoCode>, D::Error> {
    let v = Vec::<IscoCode>::deserialize(d)?;
    if v.is_empty() {
        return Err(serde::de::Error::custom("occupations must not be empty"));
    }
    Ok(v)
}

impl Employer {
    /// An employer; fails when `occupations` is empty.
    pub fn new(id: Id, location: GeoPoint, sector: Nace, occupations: Vec<IscoCode>) -> Result<Self> {
        if occupations.is_empty() {
            return Err(Error::malformed("occupations", "[]", "at least one ISCO code"));
        }
        Ok(Employer {
            id,
            name: None,
            location,
            sector,
            occupations,
            offers_training: false,
            open_to_target_group: false,
        })
    }
}
