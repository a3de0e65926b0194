//! Ranking: top-k in three directions (SCORING.md section 6).
//!
//! - seeker → vacancies, vacancy → seekers, seeker → employers without a vacancy;
//! - highest score first, equal scores by ascending id (byte order);
//! - excluded pairs never appear; pairs below `min_score` are dropped;
//! - subjects are returned in ascending id order, so the result does not
//!   depend on input order.
//!
//! [`reference`](mod@reference) is the plain all-pairs ranker, kept for good as the oracle
//! that faster rankers are tested against. The ranking kernel ([`Matcher`],
//! [`VacancyIndex`], [`SeekerIndex`], [`EmployerIndex`]) gives the same
//! results from prepared indexes: columns of the hot fields, interned skills,
//! knock-out bit masks, records grouped by ISCO code, level and requirements,
//! a spatial grid per group, and score upper bounds per group (from the
//! group's skills, sectors, hours and training) and per grid cell (from the
//! least travel time to it) against the current top-k threshold; rayon over
//! subjects, or over runs of vacancies for vacancy → seekers batches.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Id;

mod batch;
mod bounds;
mod employers;
mod eval;
pub(crate) mod exec;
mod index;
mod intern;
pub mod live;
mod matcher;
mod open;
pub mod overridden;
mod prepared;
mod ranked;
mod records;
pub mod reference;
mod reverse;
mod seekers;
mod slots;
mod spatial;
mod topk;
mod tops;

pub use batch::KernelStats;
pub use employers::EmployerIndex;
pub use exec::Executor;
pub use index::VacancyIndex;
pub use live::{Answer, Change, LiveError, LiveIndex, RecordKind, Snapshot};
pub use matcher::{Matcher, MatcherBuilder};
pub use records::Records;
pub use seekers::SeekerIndex;

/// Which way to rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// For each seeker, the best vacancies.
    SeekerToVacancies,
    /// For each vacancy, the best seekers.
    VacancyToSeekers,
    /// For each seeker, the best employers without a vacancy.
    SeekerToEmployers,
}

impl Direction {
    /// What the subjects of this direction are, singular: `seeker` or `vacancy`.
    pub fn subject(self) -> &'static str {
        match self {
            Direction::SeekerToVacancies | Direction::SeekerToEmployers => "seeker",
            Direction::VacancyToSeekers => "vacancy",
        }
    }

    /// What the ranked candidates are, singular: `vacancy`, `seeker` or `employer`.
    pub fn candidate(self) -> &'static str {
        match self {
            Direction::SeekerToVacancies => "vacancy",
            Direction::VacancyToSeekers => "seeker",
            Direction::SeekerToEmployers => "employer",
        }
    }
}

/// How many results and how good they must be: the best `k` (any `k`,
/// including `usize::MAX` for all) with a score of at least `min_score`.
///
/// Built valid: `min_score` must be a number in [0, 1]
/// ([`with_min_score`](Self::with_min_score) and deserialising check it), so
/// no ranking has to.
///
/// ```
/// use werkmatch_core::rank::RankOptions;
/// let opts = RankOptions::top(5).with_min_score(0.6).unwrap();
/// assert_eq!((opts.k(), opts.min_score()), (5, 0.6));
/// assert!(RankOptions::top(5).with_min_score(f64::NAN).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawRankOptions", into = "RawRankOptions")]
#[non_exhaustive]
pub struct RankOptions {
    k: usize,
    min_score: f64,
}

/// [`RankOptions`] as written (serde), before validation.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRankOptions {
    k: usize,
    #[serde(default)]
    min_score: f64,
}

impl TryFrom<RawRankOptions> for RankOptions {
    type Error = Error;
    fn try_from(r: RawRankOptions) -> Result<Self> {
        RankOptions::top(r.k).with_min_score(r.min_score)
    }
}

impl From<RankOptions> for RawRankOptions {
    fn from(o: RankOptions) -> Self {
        RawRankOptions { k: o.k, min_score: o.min_score }
    }
}

impl Default for RankOptions {
    /// Top 10, every eligible score.
    fn default() -> Self {
        RankOptions { k: 10, min_score: 0.0 }
    }
}

impl RankOptions {
    /// Top-`k` with the default `min_score` (0: every eligible pair).
    pub fn top(k: usize) -> Self {
        RankOptions { k, ..RankOptions::default() }
    }

    /// These options keeping only pairs scoring at least `min_score`; fails
    /// unless `min_score` is a number in [0, 1].
    pub fn with_min_score(self, min_score: f64) -> Result<Self> {
        if (0.0..=1.0).contains(&min_score) {
            Ok(RankOptions { min_score, ..self })
        } else {
            Err(Error::out_of_range("min_score", min_score, "a number, 0 ≤ min_score ≤ 1"))
        }
    }

    /// Results per subject.
    pub fn k(&self) -> usize {
        self.k
    }

    /// The lowest score kept.
    pub fn min_score(&self) -> f64 {
        self.min_score
    }

    /// Whether a score is admitted by `min_score`.
    #[inline]
    pub fn admits(&self, score: f64) -> bool {
        score >= self.min_score
    }
}

/// One ranked candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The candidate's id (a vacancy, seeker or employer, by direction).
    pub id: Id,
    /// Its score in [0, 1].
    pub score: f64,
}

/// The top-k of one subject.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// The subject's id (a seeker, or a vacancy for [`Direction::VacancyToSeekers`]).
    pub subject: Id,
    /// Best first.
    pub matches: Vec<Match>,
}

/// The ranking order: higher score first, then ascending id.
#[inline]
pub fn rank_order(a_score: f64, a_id: &str, b_score: f64, b_id: &str) -> Ordering {
    b_score.total_cmp(&a_score).then_with(|| a_id.as_bytes().cmp(b_id.as_bytes()))
}
