//! The plain scan: every pair scored with the pair scorer, every change
//! re-scored from scratch over all vacancies, employers and competing
//! seekers. Slow and obviously right; the oracle the fast [`Scanner`]
//! is tested against, like [`rank::reference`](crate::rank::reference).
//!
//! [`Scanner`]: super::Scanner

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use super::alternatives::{candidates, rank, Reach};
use super::catalogue::OccupationCatalogue;
use super::change::changes_for;
use super::result::{by_level, Best, BestMatches, SeekerScan, Unlock};
use super::{unique_ids, ScanConfig};
use crate::error::Result;
use crate::model::{Employer, Jobseeker, Vacancy};
use crate::rank::rank_order;
use crate::score::{self, evaluate_employer, KnockOut, ScoringConfig};

/// M(x), C(x) and H(x) of SCAN.md section 2, as vacancy and employer indexes.
struct Sets {
    matched: BTreeSet<usize>,
    competitive: BTreeSet<usize>,
    hidden: BTreeSet<usize>,
}

struct Oracle<'a> {
    cfg: &'a ScoringConfig,
    scfg: &'a ScanConfig,
    seekers: &'a [Jobseeker],
    vacancies: &'a [Vacancy],
    employers: &'a [Employer],
    /// `scores[x][v]`: the score of every seeker as given, `None` when excluded.
    scores: Vec<Vec<Option<f64>>>,
}

impl Oracle<'_> {
    /// The sets of `x` standing in for seeker `i`, everyone else as given.
    fn sets(&self, i: usize, x: &Jobseeker) -> Sets {
        let mut sets = Sets { matched: BTreeSet::new(), competitive: BTreeSet::new(), hidden: BTreeSet::new() };
        for (j, v) in self.vacancies.iter().enumerate() {
            let Some(sc) = score::score(self.cfg, x, v) else { continue };
            if !self.scfg.is_match(sc) {
                continue;
            }
            sets.matched.insert(j);
            let ahead = self
                .seekers
                .iter()
                .enumerate()
                .filter(|&(k, y)| {
                    k != i
                        && self.scores[k][j]
                            .is_some_and(|t| rank_order(t, y.id.as_str(), sc, x.id.as_str()) == Ordering::Less)
                })
                .count();
            if ahead < self.scfg.competitive_places(v.positions.get()) {
                sets.competitive.insert(j);
            }
        }
        for (j, e) in self.employers.iter().enumerate() {
            if evaluate_employer(self.cfg, x, e).and_then(|ev| ev.score()).is_some_and(|sc| self.scfg.is_match(sc)) {
                sets.hidden.insert(j);
            }
        }
        sets
    }

    fn scan(&self, i: usize, catalogue: &OccupationCatalogue) -> SeekerScan {
        let s = &self.seekers[i];
        let ls = score::seeker_level(s).get();
        let base = self.sets(i, s);

        let mut by_lv = by_level();
        let mut by_sector: BTreeMap<String, u64> = BTreeMap::new();
        let mut positions = 0u64;
        for &j in &base.matched {
            let v = &self.vacancies[j];
            *by_lv.entry(v.skill_level().get()).or_default() += 1;
            *by_sector.entry(v.sector.map_or_else(|| "unknown".to_owned(), |n| n.letter().to_string())).or_default() +=
                1;
            positions += u64::from(v.positions.get());
        }

        // Best: the top-k matched vacancies and employers in ranking order.
        let mut best_v: Vec<(f64, usize)> =
            base.matched.iter().map(|&j| (self.scores[i][j].unwrap_or_default(), j)).collect();
        best_v.sort_by(|a, b| rank_order(a.0, self.vacancies[a.1].id.as_str(), b.0, self.vacancies[b.1].id.as_str()));
        best_v.truncate(self.scfg.best_k());
        let mut best_e: Vec<(f64, usize)> = base
            .hidden
            .iter()
            .filter_map(|&j| evaluate_employer(self.cfg, s, &self.employers[j])?.score().map(|sc| (sc, j)))
            .collect();
        best_e.sort_by(|a, b| rank_order(a.0, self.employers[a.1].id.as_str(), b.0, self.employers[b.1].id.as_str()));
        best_e.truncate(self.scfg.best_k());
        let best = BestMatches {
            vacancies: best_v
                .into_iter()
                .map(|(sc, j)| Best {
                    id: self.vacancies[j].id.clone(),
                    score: sc,
                    explanation: score::explain(self.cfg, s, &self.vacancies[j]),
                })
                .collect(),
            employers: best_e
                .into_iter()
                .filter_map(|(sc, j)| {
                    Some(Best {
                        id: self.employers[j].id.clone(),
                        score: sc,
                        explanation: score::explain_employer(self.cfg, s, &self.employers[j])?,
                    })
                })
                .collect(),
        };

        // Reach, near-match gaps.
        let mut reach = Reach::default();
        let mut reachable = Vec::new();
        let mut near_gaps: BTreeMap<String, u64> = BTreeMap::new();
        for v in self.vacancies {
            let ev = score::evaluate(self.cfg, s, v);
            if !ev.knockouts.contains(KnockOut::Travel) {
                reach.vacancy(v);
                reachable.push(v);
            }
            if ev.score().is_some_and(|sc| self.scfg.is_near(sc)) {
                for x in score::missing_essential_skills(s, v) {
                    *near_gaps.entry(x).or_default() += 1;
                }
            }
        }
        for e in self.employers {
            if evaluate_employer(self.cfg, s, e).is_some_and(|ev| !ev.knockouts.contains(KnockOut::Travel)) {
                reach.employer(e);
            }
        }

        // Each change alone.
        let mut tried = Vec::new();
        for change in changes_for(s, reachable, self.scfg.max_skill_changes()) {
            let Some(t) = change.apply(s) else { continue };
            let after = self.sets(i, &t);
            let minus = |a: &BTreeSet<usize>, b: &BTreeSet<usize>| a.difference(b).count() as u64;
            tried.push(Unlock {
                gained: minus(&after.matched, &base.matched),
                lost: minus(&base.matched, &after.matched),
                competitive_gained: minus(&after.competitive, &base.competitive),
                hidden_gained: minus(&after.hidden, &base.hidden),
                matches_after: after.matched.len() as u64,
                change,
            });
        }
        let mut unlocks: Vec<Unlock> = tried.iter().filter(|u| u.is_listed()).cloned().collect();
        unlocks.sort_by(|a, b| b.gained.cmp(&a.gained).then_with(|| a.change.id().cmp(&b.change.id())));

        SeekerScan {
            seeker: s.id.clone(),
            level: ls,
            education: s.education,
            matches: base.matched.len() as u64,
            positions,
            hidden: base.hidden.len() as u64,
            competitive: base.competitive.len() as u64,
            by_level: by_lv,
            by_sector,
            demand_share: if self.vacancies.is_empty() {
                0.0
            } else {
                base.matched.len() as f64 / self.vacancies.len() as f64
            },
            unlocks,
            alternatives: rank(self.scfg, ls, catalogue, candidates(self.scfg, s, ls, catalogue), &reach),
            best,
            tried,
            near_gaps,
        }
    }
}

/// Scans every seeker, in ascending seeker id order. Fails on a repeated
/// seeker id (a seeker's competitors are "everyone else", which needs ids).
pub fn scan(
    cfg: &ScoringConfig,
    scfg: &ScanConfig,
    seekers: &[Jobseeker],
    vacancies: &[Vacancy],
    employers: &[Employer],
    catalogue: &OccupationCatalogue,
) -> Result<Vec<SeekerScan>> {
    unique_ids(seekers)?;
    let scores = seekers.iter().map(|x| vacancies.iter().map(|v| score::score(cfg, x, v)).collect()).collect();
    let oracle = Oracle { cfg, scfg, seekers, vacancies, employers, scores };
    let mut order: Vec<usize> = (0..seekers.len()).collect();
    order.sort_by(|&a, &b| seekers[a].id.cmp(&seekers[b].id));
    Ok(order.into_iter().map(|i| oracle.scan(i, catalogue)).collect())
}
