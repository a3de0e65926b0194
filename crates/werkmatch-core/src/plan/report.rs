//! What a plan says (PLAN.md section 4): one line per seeker, one per
//! vacancy, and the summary. Data (serde), not text; `words.rs` renders the
//! summary in Dutch or English.

use serde::Serialize;

use super::graph::{CandidateGraph, Limit};
use super::{Mode, Objective, Plan};
use crate::model::Id;

/// Why a seeker has no vacancy in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No edge in G.
    NoCandidates,
    /// Edges, but every such vacancy went to others.
    Outcompeted,
}

/// One seeker's outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeekerLine {
    /// The seeker.
    pub seeker: Id,
    /// The vacancy it is placed at.
    pub vacancy: Option<Id>,
    /// The pair's score.
    pub score: Option<f64>,
    /// The vacancy's 1-based position in the seeker's own list in G.
    pub rank: Option<usize>,
    /// Why it is not placed.
    pub reason: Option<Reason>,
    /// For [`Reason::Outcompeted`]: how many of its vacancies are full.
    pub contested: Option<usize>,
}

/// One vacancy's outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VacancyLine {
    /// The vacancy.
    pub vacancy: Id,
    /// Its seekers, by ascending id.
    pub seekers: Vec<Id>,
    /// Positions left open.
    pub open: u32,
}

/// The plan in numbers (PLAN.md section 4).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Which plan.
    pub mode: Mode,
    /// What the optimal plan maximised (`None` for the stable plan).
    pub objective: Option<Objective>,
    /// L.
    pub limit: Limit,
    /// θ.
    pub min_score: f64,
    /// Seekers in the cohort.
    pub seekers: usize,
    /// Vacancies.
    pub vacancies: usize,
    /// Their positions in total.
    pub positions: u64,
    /// Edges of G.
    pub edges: usize,
    /// Seekers placed.
    pub placements: usize,
    /// The sum of the placed edges' integer weights `round(score · 10⁶)`.
    pub total_weight: i64,
    /// Placed seekers whose vacancy is the first of their list.
    pub first_choice: usize,
    /// `first_choice / placements` (0 with no placements).
    pub share_first_choice: f64,
    /// The mean rank of the placed seekers' vacancies (`None` with no placements).
    pub mean_rank: Option<f64>,
    /// Seekers without any edge.
    pub seekers_without_candidates: usize,
    /// Vacancies without any edge.
    pub vacancies_without_candidates: usize,
    /// Seekers with edges who are not placed.
    pub outcompeted: usize,
    /// Positions left open.
    pub open_positions: u64,
    /// The naive count: seekers among the first `positions(v)` of more than one vacancy's list.
    pub naive_conflicts: usize,
}

/// Everything a plan says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanReport {
    /// One line per seeker, by ascending id.
    pub seekers: Vec<SeekerLine>,
    /// One line per vacancy, by ascending id.
    pub vacancies: Vec<VacancyLine>,
    /// The summary.
    pub summary: Summary,
}

/// The naive count of PLAN.md section 4: how many seekers are among the
/// first `positions(v)` seekers of more than one vacancy's list in G.
pub fn naive_conflicts(g: &CandidateGraph) -> usize {
    let mut times = vec![0u32; g.seeker_count()];
    for v in 0..g.vacancy_count() {
        for e in g.vacancy_edges(v).take(g.positions(v) as usize) {
            times[g.edge_seeker(e)] += 1;
        }
    }
    times.iter().filter(|&&n| n > 1).count()
}

impl Plan {
    /// The plan's report over `g`; `mode` and `objective` are recorded in
    /// the summary (`objective` is dropped for the stable plan).
    pub fn report(&self, g: &CandidateGraph, mode: Mode, objective: Objective) -> PlanReport {
        let load = self.load(g);
        let seekers: Vec<SeekerLine> = (0..g.seeker_count())
            .map(|s| {
                let id = g.seeker_id(s).clone();
                match self.edge_of(s) {
                    Some(e) => SeekerLine {
                        seeker: id,
                        vacancy: Some(g.vacancy_id(g.edge_vacancy(e)).clone()),
                        score: Some(g.score(e)),
                        rank: Some(g.rank(e)),
                        reason: None,
                        contested: None,
                    },
                    None if g.edges_of(s).is_empty() => SeekerLine {
                        seeker: id,
                        vacancy: None,
                        score: None,
                        rank: None,
                        reason: Some(Reason::NoCandidates),
                        contested: None,
                    },
                    None => {
                        let full = g
                            .edges_of(s)
                            .filter(|&e| load[g.edge_vacancy(e)] >= g.positions(g.edge_vacancy(e)))
                            .count();
                        SeekerLine {
                            seeker: id,
                            vacancy: None,
                            score: None,
                            rank: None,
                            reason: Some(Reason::Outcompeted),
                            contested: Some(full),
                        }
                    }
                }
            })
            .collect();
        let mut held: Vec<Vec<Id>> = vec![Vec::new(); g.vacancy_count()];
        // Seekers are visited in id order, so each list is by ascending id.
        for s in 0..g.seeker_count() {
            if let Some(e) = self.edge_of(s) {
                held[g.edge_vacancy(e)].push(g.seeker_id(s).clone());
            }
        }
        let vacancies: Vec<VacancyLine> = held
            .into_iter()
            .enumerate()
            .map(|(v, seekers)| VacancyLine {
                vacancy: g.vacancy_id(v).clone(),
                seekers,
                open: g.positions(v) - load[v],
            })
            .collect();

        let placed: Vec<usize> = seekers.iter().filter_map(|l| l.rank).collect();
        let placements = placed.len();
        let first_choice = placed.iter().filter(|&&r| r == 1).count();
        let count = |r: Reason| seekers.iter().filter(|l| l.reason == Some(r)).count();
        let summary = Summary {
            mode,
            objective: (mode == Mode::Optimal).then_some(objective),
            limit: g.limit(),
            min_score: g.min_score(),
            seekers: g.seeker_count(),
            vacancies: g.vacancy_count(),
            positions: (0..g.vacancy_count()).map(|v| u64::from(g.positions(v))).sum(),
            edges: g.edge_count(),
            placements,
            total_weight: self.total_weight(g),
            first_choice,
            share_first_choice: if placements == 0 { 0.0 } else { first_choice as f64 / placements as f64 },
            mean_rank: (placements > 0).then(|| placed.iter().sum::<usize>() as f64 / placements as f64),
            seekers_without_candidates: count(Reason::NoCandidates),
            vacancies_without_candidates: (0..g.vacancy_count()).filter(|&v| g.vacancy_edges(v).len() == 0).count(),
            outcompeted: count(Reason::Outcompeted),
            open_positions: vacancies.iter().map(|l| u64::from(l.open)).sum(),
            naive_conflicts: naive_conflicts(g),
        };
        PlanReport { seekers, vacancies, summary }
    }
}
