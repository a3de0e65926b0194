//! The audit table: attributes that werkmatch must never score on, kept apart
//! from the scored records and keyed by seeker id, for fairness reports only
//! (POPULATION.md, last section).
//!
//! **Testing assumptions, not measured facts.** The shares below are set so
//! that a fairness report has something to find; in particular migration
//! background is drawn *depending on the seeker's recorded Dutch level* (a
//! scored feature), so that the proxy table shows a proxy. Nothing here is a
//! measurement of any real population, and no real person is described.

use serde::Serialize;
use werkmatch_core::Id;

use werkmatch_core::Cefr;

use super::rng::{pick_table, record_rng, Stream};
use super::{seekers, Context, GeneratorConfig};

/// The audit attributes of one seeker (AUDIT.md section 4: `{"seeker", …}`).
/// Never part of a [`werkmatch_core::Jobseeker`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AuditRecord {
    /// The seeker's id (written as `seeker`).
    #[serde(rename = "seeker")]
    pub id: Id,
    /// Age band, e.g. `"27-34"`.
    pub age_band: &'static str,
    /// Gender as registered: `"f"`, `"m"` or `"x"`.
    pub gender: &'static str,
    /// Migration background: `"none"`, `"western"` or `"non_western"` (the CBS grouping).
    pub migration_background: &'static str,
    /// Years on assistance, as a band, e.g. `"3-5"`.
    pub years_on_assistance: &'static str,
}

/// Age of the stock (assumption): the 2018 inflow bands (18–22: 366, 23–26: 347,
/// 27–34: 549, 35–44: 307, 45–54: 268, 55–64: 138, 65+: 10) shifted older, since
/// just under 1,000 of the 10,356 are younger than 27 (POPULATION.md): about 9.5%.
const AGE: &[(u32, &str)] =
    &[(40, "18-22"), (55, "23-26"), (170, "27-34"), (220, "35-44"), (260, "45-54"), (240, "55-64"), (15, "65+")];

/// Years on assistance (assumption): more than two thirds over 3 years (POPULATION.md).
const YEARS: &[(u32, &str)] = &[(12, "0-1"), (20, "1-3"), (18, "3-5"), (28, "5-10"), (22, "10+")];

/// Gender (assumption): slightly more women than men among recipients, a few `x`.
const GENDER: &[(u32, &str)] = &[(52, "f"), (47, "m"), (1, "x")];

/// Migration background by recorded Dutch level (TESTING ASSUMPTION, not a
/// measured fact): a non-western background is made more likely the lower the
/// recorded Dutch level, so that the report's proxy table has a proxy to show.
const MIGRATION_LOW_DUTCH: &[(u32, &str)] = &[(20, "none"), (10, "western"), (70, "non_western")];
const MIGRATION_MID_DUTCH: &[(u32, &str)] = &[(55, "none"), (10, "western"), (35, "non_western")];
const MIGRATION_HIGH_DUTCH: &[(u32, &str)] = &[(82, "none"), (8, "western"), (10, "non_western")];

fn migration_table(dutch: Option<Cefr>) -> &'static [(u32, &'static str)] {
    match dutch {
        None | Some(Cefr::A1 | Cefr::A2) => MIGRATION_LOW_DUTCH,
        Some(Cefr::B1 | Cefr::B2) => MIGRATION_MID_DUTCH,
        Some(_) => MIGRATION_HIGH_DUTCH,
    }
}

/// The audit table of the seekers of `config`, in seeker order. Drawn from its own
/// random streams, so asking for it does not change the population; it reads the
/// seekers' Dutch level (see the module docs) but never writes to a seeker.
pub fn generate_audit(config: &GeneratorConfig) -> Vec<AuditRecord> {
    let ctx = Context::ids_only(config);
    (0..config.seekers())
        .map(|i| {
            let mut rng = record_rng(config.seed(), Stream::Audit, i);
            let age_band = pick_table(&mut rng, AGE).unwrap_or("unknown");
            let years_on_assistance = pick_table(&mut rng, YEARS).unwrap_or("unknown");
            let gender = pick_table(&mut rng, GENDER).unwrap_or("unknown");
            let dutch = seekers::seeker(&ctx, i).dutch_level;
            let migration_background = pick_table(&mut rng, migration_table(dutch)).unwrap_or("unknown");
            AuditRecord {
                id: ctx.id('S', ctx.seeker_width, i),
                age_band,
                gender,
                migration_background,
                years_on_assistance,
            }
        })
        .collect()
}
