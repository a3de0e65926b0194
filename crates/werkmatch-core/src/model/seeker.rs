//! The jobseeker (FORMAT.md, `seekers.jsonl`).

use serde::{Deserialize, Serialize};

use super::map_only::map_only_deserialize;
use super::{Cefr, Education, GeoPoint, HoursRange, Id, IscoCode, Mobility, Nace, PhysicalLoad};
use crate::error::{Error, Result};

/// A person looking for work.
///
/// Holds only what the scoring model uses. There is deliberately no field for
/// age, gender, nationality, migration background, health diagnosis or
/// household: werkmatch never scores on them (POPULATION.md). A physical limit
/// is recorded as the load a person can carry, never as a diagnosis.
///
/// Build one with [`Jobseeker::new`] and set the public fields; the struct is
/// `#[non_exhaustive]` so that new fields are not a breaking change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Jobseeker {
    /// Pseudonymous id (never a name or BSN).
    pub id: Id,
    /// Home location.
    pub location: GeoPoint,
    /// Highest completed education.
    #[serde(default)]
    pub education: Education,
    /// Work experience by ISCO unit group.
    #[serde(default)]
    pub experience: Vec<Experience>,
    /// Occupations the person wants (ISCO unit groups).
    #[serde(default)]
    pub desired_occupations: Vec<IscoCode>,
    /// Skill ids (ESCO skill URIs, or the ids of the taxonomy in use).
    #[serde(default)]
    pub skills: Vec<String>,
    /// Sectors the person prefers.
    #[serde(default)]
    pub sectors_preferred: Vec<Nace>,
    /// Sectors the person has worked in.
    #[serde(default)]
    pub sectors_experience: Vec<Nace>,
    /// Hours per week the person can work.
    #[serde(default)]
    pub hours: HoursRange,
    /// How far and how the person can travel.
    #[serde(default)]
    pub mobility: Mobility,
    /// Holds a driving licence B.
    #[serde(default)]
    pub licence: bool,
    /// Dutch language level (CEFR); `None` ranks below A1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dutch_level: Option<Cefr>,
    /// The heaviest physical load the person can take; `None` means heavy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_physical_load: Option<PhysicalLoad>,
    /// Certificates held, e.g. `VCA`.
    #[serde(default)]
    pub certificates: Vec<String>,
    /// Registered in the target-group register (*banenafspraak*).
    #[serde(default)]
    pub target_register: bool,
}

impl Jobseeker {
    /// A seeker with the FORMAT.md defaults for every optional field.
    pub fn new(id: Id, location: GeoPoint) -> Self {
        Jobseeker {
            id,
            location,
            education: Education::Unknown,
            experience: Vec::new(),
            desired_occupations: Vec::new(),
            skills: Vec::new(),
            sectors_preferred: Vec::new(),
            sectors_experience: Vec::new(),
            hours: HoursRange::default(),
            mobility: Mobility::default(),
            licence: false,
            dutch_level: None,
            max_physical_load: None,
            certificates: Vec::new(),
            target_register: false,
        }
    }
}

/// Years of experience in one ISCO unit group.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawExperience", into = "RawExperience")]
pub struct Experience {
    isco: IscoCode,
    years: f64,
}

#[derive(Serialize)]
struct RawExperience {
    isco: IscoCode,
    years: f64,
}

map_only_deserialize!(RawExperience { isco: IscoCode, years: f64 });

impl Experience {
    /// Experience of `years ≥ 0` (finite) in `isco`.
    pub fn new(isco: IscoCode, years: f64) -> Result<Self> {
        if years.is_finite() && years >= 0.0 {
            Ok(Experience { isco, years })
        } else {
            Err(Error::out_of_range("experience.years", years, "finite, years ≥ 0"))
        }
    }

    /// The ISCO unit group.
    pub fn isco(&self) -> IscoCode {
        self.isco
    }

    /// Years of experience.
    pub fn years(&self) -> f64 {
        self.years
    }
}

impl TryFrom<RawExperience> for Experience {
    type Error = Error;
    fn try_from(r: RawExperience) -> Result<Self> {
        Experience::new(r.isco, r.years)
    }
}

impl From<Experience> for RawExperience {
    fn from(e: Experience) -> Self {
        RawExperience { isco: e.isco, years: e.years }
    }
}
