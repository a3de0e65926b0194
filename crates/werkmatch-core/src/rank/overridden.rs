//! Rankings with human overrides (AUDIT.md section 3), exact on top of the
//! kernel's public API.
//!
//! - Exclusions: for a subject with `e` excluded candidates the kernel is asked
//!   for its top-(k + e) and the excluded ones are dropped. At most `e` of those
//!   are excluded, so the first `k` left are exactly the top-k of the pairs that
//!   are not excluded; subjects without exclusions keep the batch result as is.
//! - Inclusions: an included pair that passes the knock-outs is merged into the
//!   list in score order (even below `min_score` or beyond `k`: it always
//!   appears); one that does not is appended after the scored matches, best
//!   would-be score first, with its knock-outs. Both are marked `included`.
//!
//! [`reference`](mod@reference) ranks every pair plainly with the overrides
//! applied and is the oracle this layer is tested against. With no override
//! in effect both give exactly the rankings without overrides.

pub mod reference;

use std::collections::HashMap;

use serde::Serialize;

use super::{rank_order, Executor, Match, Matcher, RankOptions, Ranking};
use crate::model::{Employer, Id, Jobseeker, Vacancy};
use crate::overrides::Overrides;
use crate::score::{evaluate, evaluate_employer, Evaluation, KnockOuts, ScoringConfig};

/// One listed candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Listed {
    /// The candidate's id.
    pub id: Id,
    /// Its score; for an included pair that fails a knock-out, the would-be score.
    pub score: f64,
    /// Listed because a person included it.
    pub included: bool,
    /// The knock-outs of an included pair that fails them (empty otherwise).
    pub knockouts: KnockOuts,
}

/// The list of one subject, with overrides applied.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListedRanking {
    /// The subject's id.
    pub subject: Id,
    /// Scored matches (and included pairs that pass the knock-outs) best first,
    /// then included pairs that fail them.
    pub matches: Vec<Listed>,
}

impl ListedRanking {
    /// The plain ranking (scores only), for writers of `matches.jsonl`.
    pub fn to_ranking(&self) -> Ranking {
        Ranking {
            subject: self.subject.clone(),
            matches: self.matches.iter().map(|m| Match { id: m.id.clone(), score: m.score }).collect(),
        }
    }
}

/// The would-be score and knock-outs of a pair (`None`: an employer that cannot be scored).
fn judged(ev: Option<Evaluation>) -> (f64, KnockOuts) {
    ev.map_or((0.0, KnockOuts::NONE), |e| (e.total, e.knockouts))
}

/// Adds the included candidates to a top-k list (already without exclusions).
pub(crate) fn finish(
    subject: Id,
    scored: Vec<Match>,
    included: &[Id],
    mut judge: impl FnMut(&Id) -> Option<(f64, KnockOuts)>,
) -> ListedRanking {
    let mut listed: Vec<Listed> = scored
        .into_iter()
        .map(|m| Listed { included: included.contains(&m.id), id: m.id, score: m.score, knockouts: KnockOuts::NONE })
        .collect();
    let mut failing = Vec::new();
    let mut added = false;
    for id in included {
        if listed.iter().any(|m| &m.id == id) {
            continue;
        }
        // An id that is not among the candidates (not in this run) cannot be listed.
        let Some((score, knockouts)) = judge(id) else { continue };
        let m = Listed { id: id.clone(), score, included: true, knockouts };
        if knockouts.is_empty() {
            listed.push(m);
            added = true;
        } else {
            failing.push(m);
        }
    }
    if added {
        listed.sort_by(|a, b| rank_order(a.score, a.id.as_str(), b.score, b.id.as_str()));
    }
    failing.sort_by(|a, b| rank_order(a.score, a.id.as_str(), b.score, b.id.as_str()));
    listed.extend(failing);
    ListedRanking { subject, matches: listed }
}

/// Re-queries with room for the exclusions and drops them.
fn without(excluded: &[Id], opts: &RankOptions, query: impl Fn(&RankOptions) -> Vec<Match>) -> Vec<Match> {
    let wider = RankOptions { k: opts.k.saturating_add(excluded.len()), ..*opts };
    let mut m = query(&wider);
    m.retain(|x| !excluded.contains(&x.id));
    m.truncate(opts.k);
    m
}

fn index<T>(items: &[T], id: impl Fn(&T) -> &Id) -> HashMap<&Id, &T> {
    items.iter().map(|x| (id(x), x)).collect()
}

/// Top-k vacancies for each seeker, with the overrides applied; by ascending seeker id.
pub fn seeker_to_vacancies(
    matcher: &Matcher,
    cfg: &ScoringConfig,
    overrides: &Overrides,
    seekers: &[Jobseeker],
    vacancies: &[Vacancy],
    opts: &RankOptions,
    exec: Executor<'_>,
) -> Vec<ListedRanking> {
    let (base, _) = matcher.seeker_to_vacancies(seekers, opts, exec);
    let s_by = index(seekers, |s| &s.id);
    let v_by = index(vacancies, |v| &v.id);
    base.into_iter()
        .map(|r| {
            let Some(s) = s_by.get(&r.subject) else { return finish(r.subject, r.matches, &[], |_| None) };
            let excluded = overrides.excluded_vacancies_of(&s.id);
            let scored = if excluded.is_empty() {
                r.matches
            } else {
                without(excluded, opts, |o| matcher.top_vacancies_for(s, o))
            };
            finish(r.subject, scored, overrides.included_vacancies_of(&s.id), |v| {
                v_by.get(v).map(|v| judged(Some(evaluate(cfg, s, v))))
            })
        })
        .collect()
}

/// Top-k seekers for each vacancy, with the overrides applied; by ascending vacancy id.
pub fn vacancy_to_seekers(
    matcher: &Matcher,
    cfg: &ScoringConfig,
    overrides: &Overrides,
    vacancies: &[Vacancy],
    seekers: &[Jobseeker],
    opts: &RankOptions,
    exec: Executor<'_>,
) -> Vec<ListedRanking> {
    let (base, _) = matcher.vacancy_to_seekers(vacancies, opts, exec);
    let s_by = index(seekers, |s| &s.id);
    let v_by = index(vacancies, |v| &v.id);
    base.into_iter()
        .map(|r| {
            let Some(v) = v_by.get(&r.subject) else { return finish(r.subject, r.matches, &[], |_| None) };
            let excluded = overrides.excluded_seekers_of(&v.id);
            let scored = if excluded.is_empty() {
                r.matches
            } else {
                without(excluded, opts, |o| matcher.top_seekers_for(v, o))
            };
            finish(r.subject, scored, overrides.included_seekers_of(&v.id), |s| {
                s_by.get(s).map(|s| judged(Some(evaluate(cfg, s, v))))
            })
        })
        .collect()
}

/// Top-k employers without a vacancy for each seeker, with the overrides applied.
pub fn seeker_to_employers(
    matcher: &Matcher,
    cfg: &ScoringConfig,
    overrides: &Overrides,
    seekers: &[Jobseeker],
    employers: &[Employer],
    opts: &RankOptions,
    exec: Executor<'_>,
) -> Vec<ListedRanking> {
    let (base, _) = matcher.seeker_to_employers(seekers, opts, exec);
    let s_by = index(seekers, |s| &s.id);
    let e_by = index(employers, |e| &e.id);
    base.into_iter()
        .map(|r| {
            let Some(s) = s_by.get(&r.subject) else { return finish(r.subject, r.matches, &[], |_| None) };
            let excluded = overrides.excluded_employers_of(&s.id);
            let scored = if excluded.is_empty() {
                r.matches
            } else {
                without(excluded, opts, |o| matcher.top_employers_for(s, o))
            };
            finish(r.subject, scored, overrides.included_employers_of(&s.id), |e| {
                e_by.get(e).map(|e| judged(evaluate_employer(cfg, s, e)))
            })
        })
        .collect()
}
