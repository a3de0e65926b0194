//! Placement plans (PLAN.md): one consistent assignment of a cohort of
//! seekers to vacancies with a limited number of positions.
//!
//! Per-seeker top-k lists propose the same good vacancy to many people; a plan
//! gives each seeker at most one vacancy and each vacancy at most
//! `positions` seekers.
//!
//! - [`CandidateGraph`] (`graph.rs`): the edges a plan may use, from the
//!   ranking kernel's lists in both directions (limit L, score ≥ θ,
//!   knock-outs and excluded pairs left out), each with its integer weight
//!   `round(score · 10⁶)`.
//! - [`optimal()`] (`optimal.rs`): the most placements, then the largest total
//!   weight ([`Objective::Placements`]), or the largest total only
//!   ([`Objective::Score`]); exact, with an LP dual certificate
//!   ([`certify`]).
//! - [`stable()`] (`stable.rs`): seeker-proposing deferred acceptance with
//!   capacities and strict preferences.
//! - [`Plan::report`] (`report.rs`): per seeker, per vacancy and the summary
//!   of PLAN.md section 4.
//! - [`summary_text`] (`words.rs`): the summary in words, through the
//!   project's catalogue ([`crate::text`], keys `plan.…`).
//! - [`reference`](mod@reference) (`reference.rs`): the plain oracles the fast paths are
//!   tested against: the candidate graph from all pairs, exhaustive search
//!   and textbook deferred acceptance.
//!
//! # Determinism and ties
//!
//! Every step is a function of the input *in id order*: the graph sorts
//! seekers and vacancies by id (byte order) and each seeker's edges by score
//! descending, then vacancy id, so neither the thread count nor the input
//! order can change it. The solvers then run sequentially over that order.
//! The stable plan is unique by itself (strict preferences). Optimal plans
//! can tie (same placements and total weight); the returned one is fixed by
//! the solver's order: seekers are added in ascending id order, and each
//! shortest augmenting path is chosen by the smallest reduced distance, then
//! the vacancy with the lowest id (see `optimal.rs`). The optimum *values*
//! are unique, and that is what an independent solver can compare.
//!
//! # Readings of PLAN.md
//!
//! - **Limit L and exclusions.** "s's first L vacancies" are counted among
//!   the pairs that are edges otherwise (not excluded, score ≥ θ): an
//!   excluded pair does not use up one of the L places.
//! - **Rank.** A seeker's rank of its vacancy is the 1-based position in the
//!   seeker's own list *in G* (score descending, then vacancy id); for the
//!   first L this is the position in the kernel's top-L list; an edge that is
//!   in G only through the vacancy's list comes after them.
//! - **Naive conflicts.** A vacancy's "first `positions(v)` seekers" are the
//!   first of its own list in G (score descending, then seeker id).
//! - **`contested`** counts the seeker's vacancies in G that are full; it is
//!   given for `outcompeted` seekers only.

mod graph;
mod optimal;
pub mod reference;
mod report;
mod stable;
mod words;

pub use graph::{CandidateGraph, Exclusions, GraphBuilder, Limit, NoExclusions};
pub use optimal::{certify, optimal, Certificate, CertificateError};
pub use report::{naive_conflicts, PlanReport, Reason, SeekerLine, Summary, VacancyLine};
pub use stable::stable;
pub use words::summary_text;

use serde::{Deserialize, Serialize};

/// What the optimal plan maximises (PLAN.md section 2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// The most placements, then the largest total weight (the default).
    #[default]
    Placements,
    /// The largest total weight only.
    Score,
}

/// Which plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The optimal plan (PLAN.md section 2).
    #[default]
    Optimal,
    /// The seeker-optimal stable plan (PLAN.md section 3).
    Stable,
}

/// A placement plan over a [`CandidateGraph`]: for each seeker (in the
/// graph's id order) the edge it is placed on, or none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// `edge[s]`: the index of seeker `s`'s edge in the graph, if placed.
    edge: Vec<Option<u32>>,
}

impl Plan {
    /// A plan from one optional edge per seeker. Checks that it fits `g`: each
    /// edge belongs to its seeker and no vacancy gets more than its positions.
    pub fn from_edges(g: &CandidateGraph, edge: Vec<Option<u32>>) -> std::result::Result<Self, String> {
        let plan = Plan { edge };
        plan.check_feasible(g)?;
        Ok(plan)
    }

    /// The edge of seeker `s` (graph index), if placed.
    pub fn edge_of(&self, s: usize) -> Option<usize> {
        self.edge.get(s).copied().flatten().map(|e| e as usize)
    }

    /// Seekers placed.
    pub fn placements(&self) -> usize {
        self.edge.iter().filter(|e| e.is_some()).count()
    }

    /// The sum of the placed edges' integer weights.
    pub fn total_weight(&self, g: &CandidateGraph) -> i64 {
        self.edge.iter().flatten().map(|&e| g.weight(e as usize)).sum()
    }

    /// How many seekers each vacancy got.
    pub fn load(&self, g: &CandidateGraph) -> Vec<u32> {
        let mut load = vec![0u32; g.vacancy_count()];
        for &e in self.edge.iter().flatten() {
            load[g.edge_vacancy(e as usize)] += 1;
        }
        load
    }

    /// Whether the plan is feasible for `g` (PLAN.md section 2): one entry per
    /// seeker, every edge one of that seeker's in G, no vacancy over its
    /// positions. The error says what is wrong.
    pub fn check_feasible(&self, g: &CandidateGraph) -> std::result::Result<(), String> {
        if self.edge.len() != g.seeker_count() {
            return Err(format!("{} entries for {} seekers", self.edge.len(), g.seeker_count()));
        }
        for (s, e) in self.edge.iter().enumerate() {
            if let Some(e) = e {
                if !g.edges_of(s).contains(&(*e as usize)) {
                    return Err(format!(
                        "seeker {} is placed on edge {e}, which is not one of its edges",
                        g.seeker_id(s)
                    ));
                }
            }
        }
        let load = self.load(g);
        for (v, &n) in load.iter().enumerate() {
            if n > g.positions(v) {
                return Err(format!("vacancy {} has {n} seekers for {} positions", g.vacancy_id(v), g.positions(v)));
            }
        }
        Ok(())
    }
}
