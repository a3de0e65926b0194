//! The vacancy (FORMAT.md, `vacancies.jsonl`).

use std::borrow::Cow;
use std::num::NonZeroU16;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Cefr, GeoPoint, HoursRange, Id, IscoCode, Nace, PhysicalLoad, SkillLevel, TimeOfDay};
use crate::error::{Error, Result};

/// Where the work is done: FORMAT.md's `location` and `remote` as one value,
/// so that a vacancy without a location that is not remote cannot exist
/// (v1.1: `location` is required unless `remote` is true).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Workplace {
    /// At this location: travel counts (SCORING.md section 3).
    OnSite(GeoPoint),
    /// Fully remote: no travel (`t = 0`). The location, when the posting
    /// gives one, is kept for display only.
    Remote(Option<GeoPoint>),
}

impl Workplace {
    /// From FORMAT.md's two fields; fails when a vacancy that is not remote has no location.
    pub fn from_fields(location: Option<GeoPoint>, remote: bool) -> Result<Workplace> {
        match (location, remote) {
            (_, true) => Ok(Workplace::Remote(location)),
            (Some(p), false) => Ok(Workplace::OnSite(p)),
            (None, false) => Err(Error::missing("location", "required unless `remote` is true")),
        }
    }

    /// Whether the work is fully remote.
    pub fn is_remote(self) -> bool {
        matches!(self, Workplace::Remote(_))
    }

    /// The location, if any (also that of a remote job).
    pub fn location(self) -> Option<GeoPoint> {
        match self {
            Workplace::OnSite(p) => Some(p),
            Workplace::Remote(p) => p,
        }
    }

    /// Where a seeker travels to: the location of an on-site job; `None` when remote.
    pub fn site(self) -> Option<GeoPoint> {
        match self {
            Workplace::OnSite(p) => Some(p),
            Workplace::Remote(_) => None,
        }
    }

    /// The same place, worked remotely.
    pub fn remote(self) -> Workplace {
        Workplace::Remote(self.location())
    }
}

/// An open position at an employer.
///
/// Build one with [`Vacancy::new`] (on site) or [`Vacancy::remote`] and set
/// the public fields. Serialised as FORMAT.md's record: `workplace` is
/// written as `location` (when there is one) and `remote`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Vacancy {
    /// Unique id.
    pub id: Id,
    /// The employer's id, if known.
    pub employer: Option<Id>,
    /// Free-text title, for display and normalisation.
    pub title: Option<String>,
    /// ISCO-08 unit group.
    pub isco: IscoCode,
    /// ESCO occupation URI or code this vacancy was classified with (provenance only:
    /// adapters resolve it to `isco` and skills before the core sees it).
    pub esco_occupation: Option<String>,
    /// Overrides the skill level derived from `isco`.
    pub level: Option<SkillLevel>,
    /// NACE section of the job; `None`: unknown (v1.1: most published
    /// postings carry no industry), and the sector component is
    /// `sector_unknown` (0.5). Never a guessed one.
    pub sector: Option<Nace>,
    /// Where the work is done (FORMAT.md `location` and `remote`).
    pub workplace: Workplace,
    /// Essential skill ids.
    pub skills_essential: Vec<String>,
    /// Optional skill ids.
    pub skills_optional: Vec<String>,
    /// Hours per week offered.
    pub hours: HoursRange,
    /// Earliest shift start.
    pub earliest_start: Option<TimeOfDay>,
    /// Needs a driving licence B.
    pub requires_licence: bool,
    /// Minimum Dutch level (CEFR).
    pub min_dutch_level: Option<Cefr>,
    /// Physical load; `None` means light.
    pub physical_load: Option<PhysicalLoad>,
    /// Certificates required, e.g. `VCA`.
    pub certificates: Vec<String>,
    /// A recognised learning company (*praktijkleren*).
    pub offers_training: bool,
    /// Reserved for the target group (*banenafspraak*).
    pub reserved_for_target_group: bool,
    /// How many people it can take (≥ 1).
    pub positions: NonZeroU16,
}

fn one() -> NonZeroU16 {
    NonZeroU16::MIN
}

impl Vacancy {
    /// An on-site vacancy with the FORMAT.md defaults for every optional
    /// field; `sector` is a [`Nace`] or an `Option<Nace>` (`None`: unknown).
    pub fn new(id: Id, isco: IscoCode, sector: impl Into<Option<Nace>>, location: GeoPoint) -> Self {
        Self::at(id, isco, sector.into(), Workplace::OnSite(location))
    }

    /// A fully remote vacancy without a location, with the FORMAT.md defaults.
    pub fn remote(id: Id, isco: IscoCode, sector: impl Into<Option<Nace>>) -> Self {
        Self::at(id, isco, sector.into(), Workplace::Remote(None))
    }

    fn at(id: Id, isco: IscoCode, sector: Option<Nace>, workplace: Workplace) -> Self {
        Vacancy {
            id,
            employer: None,
            title: None,
            isco,
            esco_occupation: None,
            level: None,
            sector,
            workplace,
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

    /// Whether the work is fully remote.
    pub fn is_remote(&self) -> bool {
        self.workplace.is_remote()
    }
}

/// The record as FORMAT.md writes it, field for field (unknown fields are
/// rejected). The lists borrow when writing and own when reading, so that
/// neither direction copies them.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Vacancy")]
struct Wire<'a> {
    id: Cow<'a, Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    employer: Option<Cow<'a, Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<Cow<'a, str>>,
    isco: IscoCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    esco_occupation: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<SkillLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sector: Option<Nace>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<GeoPoint>,
    #[serde(default)]
    remote: bool,
    #[serde(default)]
    skills_essential: Cow<'a, [String]>,
    #[serde(default)]
    skills_optional: Cow<'a, [String]>,
    #[serde(default)]
    hours: HoursRange,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    earliest_start: Option<TimeOfDay>,
    #[serde(default)]
    requires_licence: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min_dutch_level: Option<Cefr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    physical_load: Option<PhysicalLoad>,
    #[serde(default)]
    certificates: Cow<'a, [String]>,
    #[serde(default)]
    offers_training: bool,
    #[serde(default)]
    reserved_for_target_group: bool,
    #[serde(default = "one")]
    positions: NonZeroU16,
}

impl Serialize for Vacancy {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Wire {
            id: Cow::Borrowed(&self.id),
            employer: self.employer.as_ref().map(Cow::Borrowed),
            title: self.title.as_deref().map(Cow::Borrowed),
            isco: self.isco,
            esco_occupation: self.esco_occupation.as_deref().map(Cow::Borrowed),
            level: self.level,
            sector: self.sector,
            location: self.workplace.location(),
            remote: self.workplace.is_remote(),
            skills_essential: Cow::Borrowed(&self.skills_essential),
            skills_optional: Cow::Borrowed(&self.skills_optional),
            hours: self.hours,
            earliest_start: self.earliest_start,
            requires_licence: self.requires_licence,
            min_dutch_level: self.min_dutch_level,
            physical_load: self.physical_load,
            certificates: Cow::Borrowed(&self.certificates),
            offers_training: self.offers_training,
            reserved_for_target_group: self.reserved_for_target_group,
            positions: self.positions,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Vacancy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let w = Wire::deserialize(d)?;
        let workplace = Workplace::from_fields(w.location, w.remote).map_err(serde::de::Error::custom)?;
        Ok(Vacancy {
            id: w.id.into_owned(),
            employer: w.employer.map(Cow::into_owned),
            title: w.title.map(Cow::into_owned),
            isco: w.isco,
            esco_occupation: w.esco_occupation.map(Cow::into_owned),
            level: w.level,
            sector: w.sector,
            workplace,
            skills_essential: w.skills_essential.into_owned(),
            skills_optional: w.skills_optional.into_owned(),
            hours: w.hours,
            earliest_start: w.earliest_start,
            requires_licence: w.requires_licence,
            min_dutch_level: w.min_dutch_level,
            physical_load: w.physical_load,
            certificates: w.certificates.into_owned(),
            offers_training: w.offers_training,
            reserved_for_target_group: w.reserved_for_target_group,
            positions: w.positions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> std::result::Result<Vacancy, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn v1_records_read_and_write_unchanged() {
        let text = r#"{"id":"V1","isco":"9112","sector":"N","location":{"lat":53.2,"lon":6.56},"remote":false,"skills_essential":["a"],"skills_optional":[],"hours":{"min":0,"max":40},"requires_licence":false,"certificates":[],"offers_training":false,"reserved_for_target_group":false,"positions":1}"#;
        let v = read(text).unwrap();
        assert_eq!(v.sector, Some(Nace::parse("N").unwrap()));
        assert!(!v.is_remote());
        assert_eq!(serde_json::to_string(&v).unwrap(), text);
    }

    #[test]
    fn sector_may_be_absent_and_location_only_when_remote() {
        let v = read(r#"{"id":"V1","isco":"9112","remote":true}"#).unwrap();
        assert_eq!((v.sector, v.workplace), (None, Workplace::Remote(None)));
        let back: Vacancy = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(back, v);
        let err = read(r#"{"id":"V1","isco":"9112"}"#).unwrap_err();
        assert!(err.starts_with("location: missing: required unless `remote` is true"), "{err}");
        let kept = read(r#"{"id":"V1","isco":"9112","remote":true,"location":{"lat":53.2,"lon":6.56}}"#).unwrap();
        assert_eq!(kept.workplace.site(), None);
        assert!(kept.workplace.location().is_some());
        assert!(read(r#"{"id":"V1","isco":"9112","remote":true,"colour":"red"}"#).is_err());
    }
}
