//! From a mapped row to a seeker, vacancy or employer.

use std::num::NonZeroU16;

use werkmatch_core::{
    Employer, Experience, GeoPoint, Id, Jobseeker, Mobility, ModeSet, SkillLevel, TimeOfDay, Vacancy, Workplace,
};

use super::mapping::Kind;
use super::row::Row;
use crate::error::{Error, ErrorKind, Result};
use crate::feed::{resolve_occupation, Occupation};
use crate::values::{education_builtin, load_builtin, lookup, mode_builtin, parse_cefr, parse_hours, parse_sector};

/// A record type that can be read from a mapped CSV export.
pub trait CsvRecord: Sized + sealed::Sealed + crate::free_text::SkillLists {
    /// The section of the mapping that describes it.
    const KIND: Kind;
    /// Builds one record from a row.
    #[doc(hidden)]
    fn build(row: &Row<'_>) -> Result<Self>;
    /// Its id, for the duplicate check.
    fn record_id(&self) -> &str;
    /// Its location, for the plausibility check (`None`: a remote vacancy without one).
    #[doc(hidden)]
    fn record_location(&self) -> Option<GeoPoint>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for werkmatch_core::Jobseeker {}
    impl Sealed for werkmatch_core::Vacancy {}
    impl Sealed for werkmatch_core::Employer {}
}

fn core(e: werkmatch_core::Error) -> Error {
    Error::from_core(&e)
}

fn invalid(reason: &str) -> Error {
    Error::new(ErrorKind::InvalidValue, reason)
}

fn occupation(row: &Row<'_>, s: &str) -> Result<Occupation> {
    resolve_occupation(s, row.ctx.resolver, row.ctx.normaliser)
}

/// `ISCO:years` (or `ESCO-reference:years`): the last `:` splits, since URIs hold colons too.
fn experience(row: &Row<'_>, item: &str) -> Result<Experience> {
    let (occ, years) = item.rsplit_once(':').ok_or_else(|| invalid("expected `ISCO:years`, e.g. `9112:3`"))?;
    let years: f64 = years.trim().replace(',', ".").parse().map_err(|_| invalid("years must be a number"))?;
    Experience::new(occupation(row, occ)?.isco, years).map_err(core)
}

impl CsvRecord for Jobseeker {
    const KIND: Kind = Kind::Seekers;

    fn build(row: &Row<'_>) -> Result<Self> {
        let m = row.ctx.mapping;
        let id = row.required("id", |s| Id::new(s).map_err(core))?;
        let mut s = Jobseeker::new(id, row.location()?);
        if let Some(e) = row.parse("education", |v| lookup(&m.education, v, education_builtin, "an education level"))? {
            s.education = e;
        }
        s.experience = row.list("experience", |item| experience(row, item))?;
        s.desired_occupations = row.list("desired_occupations", |item| Ok(occupation(row, item)?.isco))?;
        s.skills = row.strings("skills")?;
        s.sectors_preferred = row.list("sectors_preferred", parse_sector)?;
        s.sectors_experience = row.list("sectors_experience", parse_sector)?;
        if let Some(h) = row.parse("hours", parse_hours)? {
            s.hours = h;
        }
        let minutes = row.parse("max_minutes", |v| v.parse::<u16>().map_err(|_| invalid("whole minutes")))?;
        let modes = if row.get("modes")?.is_some() {
            Some(
                row.list("modes", |v| lookup(&m.modes, v, mode_builtin, "a travel mode"))?
                    .into_iter()
                    .collect::<ModeSet>(),
            )
        } else {
            None
        };
        if minutes.is_some() || modes.is_some() {
            let default = Mobility::default();
            let max = minutes.unwrap_or(default.max_minutes());
            s.mobility = Mobility::new(max, modes.unwrap_or(default.modes()))
                .map_err(|e| core(e).with_field(row_column(row, "max_minutes")).with_value(max.to_string()))?;
        }
        s.licence = row.flag("licence")?;
        s.dutch_level = row.parse("dutch_level", parse_cefr)?;
        s.max_physical_load =
            row.parse("max_physical_load", |v| lookup(&m.physical_load, v, load_builtin, "light, medium or heavy"))?;
        s.certificates = row.strings("certificates")?;
        s.target_register = row.flag("target_register")?;
        Ok(s)
    }

    fn record_id(&self) -> &str {
        self.id.as_str()
    }

    fn record_location(&self) -> Option<GeoPoint> {
        Some(self.location)
    }
}

fn row_column(row: &Row<'_>, field: &str) -> String {
    row.columns
        .kind
        .fields()
        .iter()
        .position(|f| *f == field)
        .and_then(|i| row.columns.slots.get(i))
        .and_then(|s| s.as_ref())
        .map_or_else(|| field.to_string(), |(_, c)| c.clone())
}

impl CsvRecord for Vacancy {
    const KIND: Kind = Kind::Vacancies;

    fn build(row: &Row<'_>) -> Result<Self> {
        let m = row.ctx.mapping;
        let id = row.required("id", |s| Id::new(s).map_err(core))?;
        // The occupation: `isco` (an ISCO code or ESCO reference), else `esco_occupation`,
        // else the title through the normaliser.
        let title = row.get("title")?.map(str::to_string);
        let occ =
            match (row.parse("isco", |v| occupation(row, v))?, row.parse("esco_occupation", |v| occupation(row, v))?) {
                (Some(o), _) | (None, Some(o)) => o,
                (None, None) => match (&title, row.ctx.normaliser) {
                    (Some(_), Some(_)) => row.required("title", |v| occupation(row, v))?,
                    _ => {
                        return Err(Error::new(ErrorKind::MissingField, "a vacancy needs an occupation (ISCO or ESCO)")
                            .with_field(row_column(row, "isco")))
                    }
                },
            };
        // v1.1: no sector is an unknown sector; a remote vacancy may have no location.
        let sector = row.parse("sector", parse_sector)?;
        let remote = row.flag("remote")?;
        let location = if remote { row.location_if_given()? } else { Some(row.location()?) };
        let workplace = Workplace::from_fields(location, remote).map_err(core)?;
        let mut v = Vacancy::remote(id, occ.isco, sector);
        v.workplace = workplace;
        v.title = title;
        v.employer = row.parse("employer", |s| Id::new(s).map_err(core))?;
        v.level = row.parse("level", |s| {
            let n: u8 = s.parse().map_err(|_| invalid("a skill level 1–4"))?;
            SkillLevel::new(n).map_err(core)
        })?;
        v.skills_essential = row.strings("skills_essential")?;
        v.skills_optional = row.strings("skills_optional")?;
        if let (Some(esco), Some(resolver)) = (&occ.esco, row.ctx.resolver) {
            // FORMAT.md: with a taxonomy, an ESCO occupation supplies the skills when the lists are empty.
            if v.skills_essential.is_empty() && v.skills_optional.is_empty() {
                if let Some((essential, optional)) = resolver.skills_of(esco) {
                    v.skills_essential = essential;
                    v.skills_optional = optional;
                }
            }
        }
        v.esco_occupation = occ.esco;
        if let Some(h) = row.parse("hours", parse_hours)? {
            v.hours = h;
        }
        v.earliest_start = row.parse("earliest_start", |s| TimeOfDay::parse(s).map_err(core))?;
        v.requires_licence = row.flag("requires_licence")?;
        v.min_dutch_level = row.parse("min_dutch_level", parse_cefr)?;
        v.physical_load =
            row.parse("physical_load", |s| lookup(&m.physical_load, s, load_builtin, "light, medium or heavy"))?;
        v.certificates = row.strings("certificates")?;
        v.offers_training = row.flag("offers_training")?;
        v.reserved_for_target_group = row.flag("reserved_for_target_group")?;
        if let Some(p) = row.parse("positions", |s| {
            s.parse::<u16>().ok().and_then(NonZeroU16::new).ok_or_else(|| invalid("a whole number 1–65535"))
        })? {
            v.positions = p;
        }
        Ok(v)
    }

    fn record_id(&self) -> &str {
        self.id.as_str()
    }

    fn record_location(&self) -> Option<GeoPoint> {
        self.workplace.location()
    }
}

impl CsvRecord for Employer {
    const KIND: Kind = Kind::Employers;

    fn build(row: &Row<'_>) -> Result<Self> {
        let id = row.required("id", |s| Id::new(s).map_err(core))?;
        let location = row.location()?;
        let sector = row.required("sector", parse_sector)?;
        let mut occupations = row.list("occupations", |item| Ok(occupation(row, item)?.isco))?;
        // Several titles can normalise to one ISCO group; keep each once, in first-seen order.
        let mut seen = std::collections::HashSet::new();
        occupations.retain(|o| seen.insert(*o));
        if occupations.is_empty() {
            return Err(Error::new(ErrorKind::MissingField, "an employer needs at least one occupation")
                .with_field(row_column(row, "occupations")));
        }
        let mut e = Employer::new(id, location, sector, occupations).map_err(core)?;
        e.name = row.get("name")?.map(str::to_string);
        e.offers_training = row.flag("offers_training")?;
        e.open_to_target_group = row.flag("open_to_target_group")?;
        Ok(e)
    }

    fn record_id(&self) -> &str {
        self.id.as_str()
    }

    fn record_location(&self) -> Option<GeoPoint> {
        Some(self.location)
    }
}
