//! The plain ranker with overrides: every pair scored, the excluded ones
//! dropped, sorted fully, truncated to k, then the included pairs added. The
//! oracle of [`super`].

use super::{finish, judged, ListedRanking};
use crate::model::{Employer, Jobseeker, Vacancy};
use crate::overrides::Overrides;
use crate::rank::{rank_order, Match, RankOptions};
use crate::score::{evaluate, evaluate_employer, ScoringConfig};

fn top_k(mut all: Vec<Match>, opts: &RankOptions) -> Vec<Match> {
    all.retain(|m| opts.admits(m.score));
    all.sort_by(|a, b| rank_order(a.score, a.id.as_str(), b.score, b.id.as_str()));
    all.truncate(opts.k);
    all
}

fn by_subject(mut r: Vec<ListedRanking>) -> Vec<ListedRanking> {
    r.sort_by(|a, b| a.subject.cmp(&b.subject));
    r
}

/// Top-k vacancies for every seeker, with the overrides applied.
pub fn seeker_to_vacancies(
    cfg: &ScoringConfig,
    overrides: &Overrides,
    seekers: &[Jobseeker],
    vacancies: &[Vacancy],
    opts: &RankOptions,
) -> Vec<ListedRanking> {
    by_subject(
        seekers
            .iter()
            .map(|s| {
                let excluded = overrides.excluded_vacancies_of(&s.id);
                let all = vacancies
                    .iter()
                    .filter(|v| !excluded.contains(&v.id))
                    .filter_map(|v| evaluate(cfg, s, v).score().map(|score| Match { id: v.id.clone(), score }))
                    .collect();
                finish(s.id.clone(), top_k(all, opts), overrides.included_vacancies_of(&s.id), |id| {
                    vacancies.iter().find(|v| &v.id == id).map(|v| judged(Some(evaluate(cfg, s, v))))
                })
            })
            .collect(),
    )
}

/// Top-k seekers for every vacancy, with the overrides applied.
pub fn vacancy_to_seekers(
    cfg: &ScoringConfig,
    overrides: &Overrides,
    vacancies: &[Vacancy],
    seekers: &[Jobseeker],
    opts: &RankOptions,
) -> Vec<ListedRanking> {
    by_subject(
        vacancies
            .iter()
            .map(|v| {
                let excluded = overrides.excluded_seekers_of(&v.id);
                let all = seekers
                    .iter()
                    .filter(|s| !excluded.contains(&s.id))
                    .filter_map(|s| evaluate(cfg, s, v).score().map(|score| Match { id: s.id.clone(), score }))
                    .collect();
                finish(v.id.clone(), top_k(all, opts), overrides.included_seekers_of(&v.id), |id| {
                    seekers.iter().find(|s| &s.id == id).map(|s| judged(Some(evaluate(cfg, s, v))))
                })
            })
            .collect(),
    )
}

/// Top-k employers for every seeker, with the overrides applied.
pub fn seeker_to_employers(
    cfg: &ScoringConfig,
    overrides: &Overrides,
    seekers: &[Jobseeker],
    employers: &[Employer],
    opts: &RankOptions,
) -> Vec<ListedRanking> {
    by_subject(
        seekers
            .iter()
            .map(|s| {
                let excluded = overrides.excluded_employers_of(&s.id);
                let all = employers
                    .iter()
                    .filter(|e| !excluded.contains(&e.id))
                    .filter_map(|e| {
                        let score = evaluate_employer(cfg, s, e)?.score()?;
                        Some(Match { id: e.id.clone(), score })
                    })
                    .collect();
                finish(s.id.clone(), top_k(all, opts), overrides.included_employers_of(&s.id), |id| {
                    employers.iter().find(|e| &e.id == id).map(|e| judged(evaluate_employer(cfg, s, e)))
                })
            })
            .collect(),
    )
}
