//! Competitiveness against the other seekers (SCAN.md section 1): for each
//! vacancy, its best `N_v + 1` seekers among all that pass the knock-outs
//! (no `min_score` cut), from the ranking kernel. One more than `N_v`, so
//! that when the seeker under scan is among them, the first `N_v` of the
//! *others* are still known.
//!
//! With human overrides the vacancy's list is the overridden one
//! ([`rank::overridden`](crate::rank::overridden)): excluded seekers are not
//! in it; included seekers that pass the knock-outs are merged by score;
//! included seekers that fail them follow every seeker that passes, best
//! would-be score first. Every vacancy's list is computed once; a changed
//! seeker is then placed into it by comparing its score with the head.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use super::ScanConfig;
use crate::error::Result;
use crate::model::{Jobseeker, Vacancy};
use crate::overrides::Overrides;
use crate::rank::{overridden, rank_order, Executor, Matcher, RankOptions};
use crate::score::ScoringConfig;

/// The head of one vacancy's seeker list.
#[derive(Debug, Default, Clone)]
struct Head {
    /// `(score, seeker index)` of those that pass the knock-outs, best first:
    /// the first `N_v + 1` (and every included one, wherever it falls).
    passing: Vec<(f64, u32)>,
    /// `(would-be score, seeker index)` of the included ones that fail a
    /// knock-out, best first.
    failing: Vec<(f64, u32)>,
}

/// What [`Thresholds::competitive`] reads first for a vacancy, in one small
/// record per vacancy: the pass looks it up for every match, in vacancy
/// order, and reaching the scores through [`Head`]'s own allocation was two
/// dependent cache misses per lookup (most of the function's time). Only
/// ties with these scores walk the head.
#[derive(Debug, Default, Clone, Copy)]
struct Cut {
    /// `N_v`.
    places: usize,
    /// `head.passing.len()`.
    passing: usize,
    /// The `N_v`-th passing score (when there are `N_v`).
    nth: f64,
    /// The `(N_v + 1)`-th passing score (when there are `N_v + 1`).
    next: f64,
}

/// The head of each vacancy's seeker ranking.
#[derive(Debug)]
pub(crate) struct Thresholds {
    cuts: Vec<Cut>,
    heads: Vec<Head>,
}

impl Thresholds {
    pub fn new(
        cfg: &ScoringConfig,
        scfg: &ScanConfig,
        overrides: &Overrides,
        seekers: &[Jobseeker],
        vacancies: &[Vacancy],
        exec: Executor<'_>,
    ) -> Result<Thresholds> {
        let matcher = Matcher::builder().config(cfg.clone()).seekers(seekers).executor(exec).build()?;
        let seeker_at: HashMap<&str, u32> =
            seekers.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u32)).collect();
        let places: Vec<usize> = vacancies.iter().map(|v| scfg.competitive_places(v.positions.get())).collect();
        // One kernel batch per N_v (few distinct values: positions are small numbers).
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (j, &n) in places.iter().enumerate() {
            groups.entry(n).or_default().push(j);
        }
        let mut heads = vec![Head::default(); vacancies.len()];
        for (n, members) in groups {
            let batch: Vec<Vacancy> = members.iter().map(|&j| vacancies[j].clone()).collect();
            let at: HashMap<&str, usize> = members.iter().map(|&j| (vacancies[j].id.as_str(), j)).collect();
            let opts = RankOptions::top(n.saturating_add(1));
            let ranked = overridden::vacancy_to_seekers(&matcher, cfg, overrides, &batch, seekers, &opts, exec);
            for r in ranked {
                let head = &mut heads[at[r.subject.as_str()]];
                for m in r.matches {
                    let entry = (m.score, seeker_at[m.id.as_str()]);
                    if m.knockouts.is_empty() {
                        head.passing.push(entry);
                    } else {
                        head.failing.push(entry);
                    }
                }
            }
        }
        let cuts = heads
            .iter()
            .zip(&places)
            .map(|(h, &n)| {
                let p = &h.passing;
                Cut {
                    places: n,
                    passing: p.len(),
                    nth: n.checked_sub(1).and_then(|k| p.get(k)).map_or(0.0, |e| e.0),
                    next: p.get(n).map_or(0.0, |e| e.0),
                }
            })
            .collect();
        Ok(Thresholds { cuts, heads })
    }

    /// Whether seeker `i` (id `id`), scoring `score` on vacancy `v` with
    /// everyone else as given, is within the first `N_v` of its list: fewer
    /// than `N_v` other seekers rank ahead of it. `passes`: whether the pair
    /// passes the knock-outs (one that does not is in the list only when
    /// included, after every seeker that passes).
    pub fn competitive(&self, seekers: &[Jobseeker], v: usize, i: u32, id: &str, score: f64, passes: bool) -> bool {
        let cut = self.cuts[v];
        let n = cut.places;
        if n == 0 {
            return false;
        }
        let ahead_in = |list: &[(f64, u32)], limit: usize| {
            let mut ahead = 0;
            for &(t, k) in list {
                if k == i {
                    continue;
                }
                if rank_order(t, seekers[k as usize].id.as_str(), score, id) != Ordering::Less {
                    break;
                }
                ahead += 1;
                if ahead >= limit {
                    break;
                }
            }
            ahead
        };
        let len = cut.passing;
        if passes {
            // Decided by the scores at places n and n + 1 alone, mostly: above
            // the n-th, at most n − 1 rank ahead; below the (n + 1)-th, all
            // n + 1 do, and at most one of them is the seeker itself.
            if len < n || score > cut.nth {
                return true;
            }
            if len > n && score < cut.next {
                return false;
            }
            return ahead_in(&self.heads[v].passing, n) < n;
        }
        // Behind every other seeker that passes. A full head (N_v + 1 of
        // them) holds at least N_v others; otherwise it is every one of them.
        if len > n {
            return false;
        }
        let head = &self.heads[v];
        let passing_others = head.passing.iter().filter(|&&(_, k)| k != i).count();
        passing_others < n && passing_others + ahead_in(&head.failing, n - passing_others) < n
    }
}
