//! The labour-market value scan (*arbeidsmarktwaardescan*, SCAN.md): where a
//! seeker stands on the regional labour market, which single change would
//! open the most work, and which other occupations are within reach; and the
//! same over a whole caseload.
//!
//! - [`Scanner`]: the fast scan (one pass per seeker, counterfactuals that
//!   revisit only the pairs a change can alter, competitors' rankings from
//!   the kernel).
//! - [`reference`](mod@reference): the plain oracle (all pairs, every change
//!   re-scored with the pair scorer). Both give equal [`SeekerScan`]s.
//! - [`summarise`]: the caseload summary from the seekers' scans.
//! - [`OccupationCatalogue`]: occupations and their skills, for alternatives.
//!
//! Every count comes from the pair scorer's functions ([`crate::score`]), so
//! a scan agrees with the rankers to the bit.
//!
//! Readings of SCAN.md (also in `docs/SCAN.md`):
//! - `best` holds matches only (knock-out free, `score ≥ θ`), top-k in the
//!   ranking order, for vacancies and for employers.
//! - An `experience` entry carries no ESCO occupation in the model, so the
//!   origins of a seeker are always every catalogue occupation of each
//!   experience entry's ISCO unit group (any years).
//! - `level(t)` is the skill level of t's ISCO code; the route's "demand
//!   vacancy offers training" looks at vacancies only, not employers.
//! - An employer counts once per alternative however many of its occupations
//!   match; a vacancy both of t's ISCO group and naming t counts once.
//! - `level_up` sets the education to the lowest one of level `Ls + 1`
//!   (`mbo2`, `mbo4`, `hbo`); nothing else about the seeker changes.
//! - The caseload's `changes` list every change id tried for at least one
//!   seeker; `matches_gained` sums `gained` over the seekers it was tried
//!   for. The distributions are by recorded education and by `Ls`.
//! - Skill gaps count each near-match pair once per distinct missing
//!   essential skill.
//! - Seeker and vacancy ids must be unique (competitors are "everyone else").

mod alternatives;
mod catalogue;
mod change;
mod config;
mod fast;
mod input;
mod prepared;
pub mod reference;
mod result;
mod summary;
mod tally;
mod threshold;

pub use catalogue::{Occupation, OccupationCatalogue};
pub use change::{changes_for, Change, ParseChangeError};
pub use config::{ScanConfig, ScanConfigBuilder};
pub use fast::Scanner;
pub use input::ScanInput;
pub use result::{
    Alternative, Best, BestMatches, Buckets, ByLevel, CaseloadSummary, ChangeSummary, Distribution, Mismatch, Route,
    SeekerScan, SkillGap, Unlock,
};
pub use summary::summarise;

use std::collections::HashSet;

use crate::error::{Error, Result};
use crate::model::Jobseeker;

/// Fails on the first repeated seeker id.
fn unique_ids(seekers: &[Jobseeker]) -> Result<()> {
    let mut seen = HashSet::with_capacity(seekers.len());
    for s in seekers {
        if !seen.insert(s.id.as_str()) {
            return Err(Error::out_of_range("seeker.id", s.id.as_str(), "unique among the seekers scanned"));
        }
    }
    Ok(())
}
