//! The vacancy (FORMAT.md, `vacancies.jsonl`).

use std::num::NonZeroU16;

use serde::{Deserialize, Serialize};

use super::{Cefr, GeoPoint, HoursRange, Id, IscoCode, Nace, PhysicalLoad, SkillLevel, TimeOfDay};

/// An open position at an employer.
///
/// Build one with [`Vacancy::new`] and set the public fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Vacancy {
    /// Unique id.
    pub id: Id,
    /// The employer's id, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<Id>,
    /// Free-text title, for display and normalisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// ISCO-08 unit group.
    pub isco: IscoCode,
    /// ESCO occupation URI or code this vacancy was classified with (provenance only:
    /// adapters resolve it to `isco` and skills before the core sees it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esco_occupation: Option<String>,
    /// Overrides the skill level derived from `isco`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<SkillLevel>,
    /// NACE section of the job.
    pub sector: Nace,
    /// Work location.
    pub location: GeoPoint,
    /// Fully remote: no travel.
    #[serde(default)]
    pub remote: bool,
    /// Essential skill ids.
    #[serde(default)]
    pub skills_essential: Vec<String>,
    /// Optional skill ids.
    #[serde(default)]
    pub skills_optional: Vec<String>,
    /// Hours per week offered.
    #[serde(default)]
    pub hours: HoursRange,
    /// Earliest shift start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_start: Option<TimeOfDay>,
    /// Needs a driving licence B.
    #[serde(default)]
    pub requires_licence: bool,
    /// Minimum Dutch level (CEFR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_dutch_level: Option<Cefr>,
    /// Physical load; `None` means light.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_load: Option<PhysicalLoad>,
    /// Certificates required, e.g. `VCA`.
    #[serde(default)]
    pub certificates: Vec<String>,
    /// A recognised learning company (*praktijkleren*).
    #[serde(default)]
    pub offers_training: bool,
    /// Reserved for the target group (*banenafspraak*).
    #[serde(default)]
    pub reserved_for_target_group: bool,
    /// How many people it can take (≥ 1).
    #[serde(default = "one")]
    pub positions: NonZeroU16,
}

fn one() -> NonZeroU16 {
    NonZeroU16::MIN
}

impl Vacancy {
    /// A vacancy with the FORMAT.md defaults for every optional field.
    pub fn new(id: Id, isco: IscoCode, sector: Nace, location: GeoPoint) -> Self {
        Vacancy {
            id,
            employer: None,
            title: None,
            isco,
            esco_occupation: None,
            level: None,
            sector,
            location,
            remote: false,
            skills_essential: Vec::new(),
            skills_optional: Vec::new(),
            hours: HoursRange::default(),
            earliest_start: None,
            requires_licence: false,
            min_dutch_level: None,
            physical_load: None,
            certificates: Vec::new(),
            offers_training: false,
            reserved_for_target_group: false,
            positions: one(),
        }
    }

    /// `Lv`: the explicit `level`, else the level of `isco`.
    pub fn skill_level(&self) -> SkillLevel {
        self.level.unwrap_or_else(|| self.isco.skill_level())
    }
}
