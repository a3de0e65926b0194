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

use crate::model::Id;

mod bounds;
mod employers;
mod index;
mod intern;
mod kernel;
mod matcher;
mod open;
pub mod overridden;
mod prepared;
mod ranked;
pub mod reference;
mod reverse;
mod seekers;
mod slots;
mod spatial;
mod topk;
mod tops;

pub use employers::EmployerIndex;
pub use index::VacancyIndex;
pub use kernel::{Executor, KernelStats};
pub use matcher::{Matcher, MatcherBuilder};
pub use seekers::SeekerIndex;

/// Which way to rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// For each seeker, the best vacancies.
    SeekerToVacancies,
    /// For each vacancy, the best seekers.
    VacancyToSeekers,
    /// For each seeker, the best employers without a vacancy.
    SeekerToEmployers,
}

/// How many results and how good they must be.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankOptions {
    /// Results per subject (default 10).
    pub k: usize,
    /// Pairs scoring below this are dropped (default 0.0).
    pub min_score: f64,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions { k: 10, min_score: 0.0 }
    }
}

impl RankOptions {
    /// Top-`k` with the default `min_score`.
    pub fn top(k: usize) -> Self {
        RankOptions { k, ..RankOptions::default() }
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
