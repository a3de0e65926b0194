//! The audit table: attributes that werkmatch must never score on, kept apart
//! from the scored records and keyed by seeker id, for fairness reports only
//! (POPULATION.md, last section).

use serde::Serialize;
use werkmatch_core::Id;

use super::rng::{pick_table, record_rng, Stream};
use super::{Context, GeneratorConfig};

/// Age band and time on assistance of one seeker. Never part of a [`werkmatch_core::Jobseeker`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AuditRecord {
    /// The seeker's id.
    pub id: Id,
    /// Age band, e.g. `"27-34"`.
    pub age_band: &'static str,
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

/// The audit table of the seekers of `config`, in seeker order. Drawn from its own
/// random streams, so asking for it does not change the population.
pub fn generate_audit(config: &GeneratorConfig) -> Vec<AuditRecord> {
    let ctx = Context::ids_only(config);
    (0..config.seekers())
        .map(|i| {
            let mut rng = record_rng(config.seed(), Stream::Audit, i);
            AuditRecord {
                id: ctx.id('S', ctx.seeker_width, i),
                age_band: pick_table(&mut rng, AGE).unwrap_or("unknown"),
                years_on_assistance: pick_table(&mut rng, YEARS).unwrap_or("unknown"),
            }
        })
        .collect()
}
