//! The reference ranker: every pair, sequentially, as plainly as possible.
//!
//! It scores each pair with [`crate::score::evaluate`], keeps the eligible
//! ones, sorts them fully and truncates to k. It is slow on purpose (no index,
//! no pruning, no parallelism) so that it is obviously right; it stays in the
//! project as the oracle that the fast kernel is tested against.

use super::{rank_order, Match, RankOptions, Ranking};
use crate::model::{Employer, Jobseeker, Vacancy};
use crate::score::{evaluate, evaluate_employer, ScoringConfig};

fn top_k(mut all: Vec<Match>, opts: &RankOptions) -> Vec<Match> {
    all.retain(|m| opts.admits(m.score));
    all.sort_by(|a, b| rank_order(a.score, a.id.as_str(), b.score, b.id.as_str()));
    all.truncate(opts.k());
    all
}

fn by_subject_id(mut r: Vec<Ranking>) -> Vec<Ranking> {
    r.sort_by(|a, b| a.subject.cmp(&b.subject));
    r
}

/// The top-k vacancies for one seeker.
pub fn vacancies_for(cfg: &ScoringConfig, seeker: &Jobseeker, vacancies: &[Vacancy], opts: &RankOptions) -> Vec<Match> {
    let all = vacancies
        .iter()
        .filter_map(|v| evaluate(cfg, seeker, v).score().map(|score| Match { id: v.id.clone(), score }))
        .collect();
    top_k(all, opts)
}

/// The top-k seekers for one vacancy.
pub fn seekers_for(cfg: &ScoringConfig, vacancy: &Vacancy, seekers: &[Jobseeker], opts: &RankOptions) -> Vec<Match> {
    let all = seekers
        .iter()
        .filter_map(|s| evaluate(cfg, s, vacancy).score().map(|score| Match { id: s.id.clone(), score }))
        .collect();
    top_k(all, opts)
}

/// The top-k employers without a vacancy for one seeker.
pub fn employers_for(
    cfg: &ScoringConfig,
    seeker: &Jobseeker,
    employers: &[Employer],
    opts: &RankOptions,
) -> Vec<Match> {
    let all = employers
        .iter()
        .filter_map(|e| {
            let score = evaluate_employer(cfg, seeker, e)?.score()?;
            Some(Match { id: e.id.clone(), score })
        })
        .collect();
    top_k(all, opts)
}

/// Top-k vacancies for every seeker, subjects in ascending id order.
pub fn seeker_to_vacancies(
    cfg: &ScoringConfig,
    seekers: &[Jobseeker],
    vacancies: &[Vacancy],
    opts: &RankOptions,
) -> Vec<Ranking> {
    by_subject_id(
        seekers
            .iter()
            .map(|s| Ranking { subject: s.id.clone(), matches: vacancies_for(cfg, s, vacancies, opts) })
            .collect(),
    )
}

/// Top-k seekers for every vacancy, subjects in ascending id order.
pub fn vacancy_to_seekers(
    cfg: &ScoringConfig,
    vacancies: &[Vacancy],
    seekers: &[Jobseeker],
    opts: &RankOptions,
) -> Vec<Ranking> {
    by_subject_id(
        vacancies
            .iter()
            .map(|v| Ranking { subject: v.id.clone(), matches: seekers_for(cfg, v, seekers, opts) })
            .collect(),
    )
}

/// Top-k employers for every seeker, subjects in ascending id order.
pub fn seeker_to_employers(
    cfg: &ScoringConfig,
    seekers: &[Jobseeker],
    employers: &[Employer],
    opts: &RankOptions,
) -> Vec<Ranking> {
    by_subject_id(
        seekers
            .iter()
            .map(|s| Ranking { subject: s.id.clone(), matches: employers_for(cfg, s, employers, opts) })
            .collect(),
    )
}
