//! Competitiveness against the other seekers (SCAN.md section 1): for each
//! vacancy, its best `N_v + 1` seekers among all that pass the knock-outs
//! (no `min_score` cut), from the ranking kernel. One more than `N_v`, so
//! that when the seeker under scan is among them, the first `N_v` of the
//! *others* are still known.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use super::ScanConfig;
use crate::error::Result;
use crate::model::{Jobseeker, Vacancy};
use crate::rank::{rank_order, Executor, Matcher, RankOptions};
use crate::score::ScoringConfig;

/// The head of each vacancy's seeker ranking.
#[derive(Debug)]
pub(crate) struct Thresholds {
    /// `N_v`.
    places: Vec<usize>,
    /// `(score, seeker index)`, best first, at most `N_v + 1`.
    heads: Vec<Vec<(f64, u32)>>,
}

impl Thresholds {
    pub fn new(
        cfg: &ScoringConfig,
        scfg: &ScanConfig,
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
        let mut heads = vec![Vec::new(); vacancies.len()];
        for (n, members) in groups {
            let batch: Vec<Vacancy> = members.iter().map(|&j| vacancies[j].clone()).collect();
            let at: HashMap<&str, usize> = members.iter().map(|&j| (vacancies[j].id.as_str(), j)).collect();
            let (ranked, _) = matcher.vacancy_to_seekers(&batch, &RankOptions::top(n.saturating_add(1)), exec);
            for r in ranked {
                let j = at[r.subject.as_str()];
                heads[j] = r.matches.iter().map(|m| (m.score, seeker_at[m.id.as_str()])).collect();
            }
        }
        Ok(Thresholds { places, heads })
    }

    /// Whether seeker `i` (id `id`), scoring `score` on vacancy `v` with
    /// everyone else as given, is within the first `N_v` of its ranking:
    /// fewer than `N_v` other seekers rank ahead of it.
    pub fn competitive(&self, seekers: &[Jobseeker], v: usize, i: u32, id: &str, score: f64) -> bool {
        let n = self.places[v];
        if n == 0 {
            return false;
        }
        let mut ahead = 0;
        for &(t, k) in &self.heads[v] {
            if k == i {
                continue;
            }
            if rank_order(t, seekers[k as usize].id.as_str(), score, id) != Ordering::Less {
                break;
            }
            ahead += 1;
            if ahead >= n {
                return false;
            }
        }
        true
    }
}
