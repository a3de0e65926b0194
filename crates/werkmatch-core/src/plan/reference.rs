//! Plain reference implementations, kept for good as the oracles the fast
//! paths are tested against (like [`crate::rank::reference`]):
//!
//! - [`graph`]: G from every pair, scored one by one with the pair scorer;
//! - [`exhaustive`]: the optimum by trying every plan (tiny instances only);
//! - [`deferred_acceptance`]: textbook deferred acceptance in rounds;
//! - [`blocking_pairs`]: the stability condition of PLAN.md section 3, as written;
//! - [`greedy`]: the plain greedy assignment (best pair first), for contrast.

use std::num::NonZeroU16;

use super::graph::{CandidateGraph, Exclusions, Limit};
use super::{Objective, Plan};
use crate::error::Result;
use crate::model::{Jobseeker, Vacancy};
use crate::score::{self, ScoringConfig};

/// G from all pairs: every pair that passes the knock-outs and is not
/// excluded, scored with [`score::score`], then θ and the limit applied by
/// [`CandidateGraph::from_pairs`].
pub fn graph(
    cfg: &ScoringConfig,
    seekers: &[Jobseeker],
    vacancies: &[Vacancy],
    limit: Limit,
    min_score: f64,
    exclusions: &dyn Exclusions,
) -> Result<CandidateGraph> {
    let mut pairs = Vec::new();
    for (i, s) in seekers.iter().enumerate() {
        for (j, v) in vacancies.iter().enumerate() {
            if exclusions.excludes(&s.id, &v.id) {
                continue;
            }
            if let Some(x) = score::score(cfg, s, v) {
                pairs.push((i as u32, j as u32, x));
            }
        }
    }
    CandidateGraph::from_pairs(
        seekers.iter().map(|s| s.id.clone()).collect(),
        vacancies.iter().map(|v| (v.id.clone(), v.positions)).collect::<Vec<(_, NonZeroU16)>>(),
        pairs,
        limit,
        min_score,
    )
}

/// The optimum (placements, total weight) over every feasible plan of `g`:
/// lexicographic for [`Objective::Placements`], the total weight alone for
/// [`Objective::Score`] (then the placements of the first plan found with it).
/// Exponential: for tests on a handful of seekers.
pub fn exhaustive(g: &CandidateGraph, objective: Objective) -> (usize, i64) {
    assert!(g.seeker_count() <= 12, "exhaustive search is for tiny instances");
    let mut load = vec![0u32; g.vacancy_count()];
    let mut best = (0usize, 0i64);
    fn go(g: &CandidateGraph, o: Objective, s: usize, load: &mut [u32], cur: (usize, i64), best: &mut (usize, i64)) {
        if s == g.seeker_count() {
            let better = match o {
                Objective::Placements => cur > *best,
                Objective::Score => cur.1 > best.1,
            };
            if better {
                *best = cur;
            }
            return;
        }
        go(g, o, s + 1, load, cur, best);
        for e in g.edges_of(s) {
            let v = g.edge_vacancy(e);
            if load[v] < g.positions(v) {
                load[v] += 1;
                go(g, o, s + 1, load, (cur.0 + 1, cur.1 + g.weight(e)), best);
                load[v] -= 1;
            }
        }
    }
    go(g, objective, 0, &mut load, (0, 0), &mut best);
    best
}

/// Whether vacancy `v` prefers edge `a`'s seeker to edge `b`'s (score descending, then seeker id).
fn vacancy_prefers(g: &CandidateGraph, a: usize, b: usize) -> bool {
    let (x, y) = (g.score(a), g.score(b));
    x > y || (x == y && g.seeker_id(g.edge_seeker(a)) < g.seeker_id(g.edge_seeker(b)))
}

/// Whether a seeker prefers edge `a` to edge `b` (score descending, then vacancy id).
fn seeker_prefers(g: &CandidateGraph, a: usize, b: usize) -> bool {
    let (x, y) = (g.score(a), g.score(b));
    x > y || (x == y && g.vacancy_id(g.edge_vacancy(a)) < g.vacancy_id(g.edge_vacancy(b)))
}

/// Textbook deferred acceptance (Gale–Shapley, with capacities), in rounds:
/// every free seeker with a vacancy left to try proposes to its best untried
/// one; every vacancy keeps its best `positions` among those it holds and the
/// new proposals, and rejects the rest; until nobody proposes.
pub fn deferred_acceptance(g: &CandidateGraph) -> Plan {
    let ns = g.seeker_count();
    let mut tried: Vec<Vec<usize>> = vec![Vec::new(); ns];
    let mut holding: Vec<Option<usize>> = vec![None; ns];
    loop {
        let mut proposals: Vec<Vec<usize>> = vec![Vec::new(); g.vacancy_count()];
        let mut any = false;
        for s in 0..ns {
            if holding[s].is_none() {
                // The seeker's best untried vacancy, found by comparing (not by the list order).
                let e =
                    g.edges_of(s)
                        .filter(|e| !tried[s].contains(e))
                        .reduce(|a, b| if seeker_prefers(g, b, a) { b } else { a });
                if let Some(e) = e {
                    tried[s].push(e);
                    proposals[g.edge_vacancy(e)].push(e);
                    any = true;
                }
            }
        }
        if !any {
            break;
        }
        for (v, mut new) in proposals.into_iter().enumerate() {
            if new.is_empty() {
                continue;
            }
            new.extend((0..ns).filter_map(|s| holding[s].filter(|&e| g.edge_vacancy(e) == v)));
            new.sort_by(|&a, &b| match (vacancy_prefers(g, a, b), vacancy_prefers(g, b, a)) {
                (true, _) => std::cmp::Ordering::Less,
                (_, true) => std::cmp::Ordering::Greater,
                _ => std::cmp::Ordering::Equal,
            });
            for (i, &e) in new.iter().enumerate() {
                holding[g.edge_seeker(e)] = (i < g.positions(v) as usize).then_some(e);
            }
        }
    }
    Plan { edge: holding.into_iter().map(|e| e.map(|e| e as u32)).collect() }
}

/// The blocking pairs of `plan` (PLAN.md section 3): edges (s, v) of G where s
/// is unplaced or prefers v to its vacancy, and v has an open position or
/// prefers s to one of its seekers. Returned as edge indices.
pub fn blocking_pairs(g: &CandidateGraph, plan: &Plan) -> Vec<usize> {
    let load = plan.load(g);
    let mut out = Vec::new();
    for s in 0..g.seeker_count() {
        for e in g.edges_of(s) {
            let v = g.edge_vacancy(e);
            let seeker_wants = match plan.edge_of(s) {
                None => true,
                Some(mine) => mine != e && seeker_prefers(g, e, mine),
            };
            if !seeker_wants {
                continue;
            }
            let vacancy_wants = load[v] < g.positions(v)
                || (0..g.seeker_count())
                    .filter_map(|t| plan.edge_of(t))
                    .any(|held| g.edge_vacancy(held) == v && vacancy_prefers(g, e, held));
            if vacancy_wants {
                out.push(e);
            }
        }
    }
    out
}

/// Greedy assignment: pairs best score first (ties by seeker id, then
/// vacancy id), each taken when its seeker is still free and its vacancy has
/// an open position. What a team gets by working down the score list; the
/// optimal plan can place more people.
pub fn greedy(g: &CandidateGraph) -> Plan {
    let mut order: Vec<usize> = (0..g.edge_count()).collect();
    order.sort_by(|&a, &b| {
        g.score(b)
            .total_cmp(&g.score(a))
            .then(g.edge_seeker(a).cmp(&g.edge_seeker(b)))
            .then(g.edge_vacancy(a).cmp(&g.edge_vacancy(b)))
    });
    let mut edge = vec![None; g.seeker_count()];
    let mut load = vec![0u32; g.vacancy_count()];
    for e in order {
        let (s, v) = (g.edge_seeker(e), g.edge_vacancy(e));
        if edge[s].is_none() && load[v] < g.positions(v) {
            edge[s] = Some(e as u32);
            load[v] += 1;
        }
    }
    Plan { edge }
}
