//! The plain scan: every pair scored with the pair scorer, every change
//! re-scored from scratch over all vacancies, employers and competing
//! seekers. Slow and obviously right; the oracle the fast [`Scanner`]
//! is tested against, like [`rank::reference`](crate::rank::reference).
//!
//! With human overrides (AUDIT.md section 3, [`scan_with_overrides`]): an
//! excluded pair is no match, no hidden job, no competitor, not reachable and
//! no near match; an included pair is a match (a hidden job) for the seeker
//! and every changed self, is placed in the vacancy's list as the overridden
//! ranking places it (by score when it passes the knock-outs, after every
//! seeker that passes when not), is listed in `best` as the overridden ranking
//! lists it, and is no near match.
//!
//! [`Scanner`]: super::Scanner

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use super::alternatives::{candidates, rank, Reach};
use super::catalogue::OccupationCatalogue;
use super::change::changes_for;
use super::result::{by_level, Best, BestMatches, SeekerScan, Unlock};
use super::{unique_ids, ScanConfig, ScanInput};
use crate::error::Result;
use crate::model::{Employer, Jobseeker, Vacancy};
use crate::overrides::{self, Overrides, Target};
use crate::rank::{overridden, rank_order, Match};
use crate::score::{self, evaluate_employer, KnockOut, KnockOuts, ScoringConfig};

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
    overrides: &'a Overrides,
    /// `scores[x][v]`: the score of every seeker as given, `None` when excluded.
    scores: Vec<Vec<Option<f64>>>,
}

impl Oracle<'_> {
    fn excluded(&self, x: &Jobseeker, v: &Vacancy) -> bool {
        self.overrides.is_excluded(&x.id, &Target::Vacancy(v.id.clone()))
    }

    fn included(&self, x: &Jobseeker, v: &Vacancy) -> bool {
        self.overrides.is_included(&x.id, &Target::Vacancy(v.id.clone()))
    }

    /// Whether `x` (standing in for seeker `i`) with `score` on vacancy `j`
    /// is within the first `N_v` of the vacancy's list: every other seeker
    /// not excluded that passes the knock-outs by score, then the included
    /// ones that fail them by would-be score. `passes`: whether x passes them.
    fn competitive(&self, i: usize, x: &Jobseeker, j: usize, sc: f64, passes: bool) -> bool {
        let v = &self.vacancies[j];
        let mut ahead = 0;
        for (k, y) in self.seekers.iter().enumerate() {
            if k == i || self.excluded(y, v) {
                continue;
            }
            let before = match self.scores[k][j] {
                Some(t) => !passes || rank_order(t, y.id.as_str(), sc, x.id.as_str()) == Ordering::Less,
                None if self.included(y, v) => {
                    let t = score::evaluate(self.cfg, y, v).total;
                    !passes && rank_order(t, y.id.as_str(), sc, x.id.as_str()) == Ordering::Less
                }
                None => false,
            };
            ahead += usize::from(before);
        }
        ahead < self.scfg.competitive_places(v.positions.get())
    }

    /// The sets of `x` standing in for seeker `i`, everyone else as given.
    fn sets(&self, i: usize, x: &Jobseeker) -> Sets {
        let mut sets = Sets { matched: BTreeSet::new(), competitive: BTreeSet::new(), hidden: BTreeSet::new() };
        for (j, v) in self.vacancies.iter().enumerate() {
            if self.excluded(x, v) {
                continue;
            }
            let ev = score::evaluate(self.cfg, x, v);
            let passes = ev.knockouts.is_empty();
            if !(self.included(x, v) || (passes && self.scfg.is_match(ev.total))) {
                continue;
            }
            sets.matched.insert(j);
            if self.competitive(i, x, j, ev.total, passes) {
                sets.competitive.insert(j);
            }
        }
        for (j, e) in self.employers.iter().enumerate() {
            let target = Target::Employer(e.id.clone());
            if self.overrides.is_excluded(&x.id, &target) {
                continue;
            }
            if self.overrides.is_included(&x.id, &target)
                || evaluate_employer(self.cfg, x, e).and_then(|ev| ev.score()).is_some_and(|sc| self.scfg.is_match(sc))
            {
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

        // Best: the top-k matches in ranking order, with the included pairs
        // as the overridden rankings list them.
        let judged = |ev: Option<score::Evaluation>| ev.map_or((0.0, KnockOuts::NONE), |e| (e.total, e.knockouts));
        let mut top_v: Vec<Match> = base
            .matched
            .iter()
            .filter_map(|&j| {
                let sc = self.scores[i][j].filter(|&sc| self.scfg.is_match(sc))?;
                Some(Match { id: self.vacancies[j].id.clone(), score: sc })
            })
            .collect();
        top_v.sort_by(|a, b| rank_order(a.score, a.id.as_str(), b.score, b.id.as_str()));
        top_v.truncate(self.scfg.best_k());
        let find_v = |id: &crate::model::Id| self.vacancies.iter().find(|v| &v.id == id);
        let listed_v = overridden::finish(s.id.clone(), top_v, self.overrides.included_vacancies_of(&s.id), |id| {
            find_v(id).map(|v| judged(Some(score::evaluate(self.cfg, s, v))))
        });
        let mut top_e: Vec<Match> = base
            .hidden
            .iter()
            .filter_map(|&j| {
                let e = &self.employers[j];
                let sc = evaluate_employer(self.cfg, s, e)?.score().filter(|&sc| self.scfg.is_match(sc))?;
                Some(Match { id: e.id.clone(), score: sc })
            })
            .collect();
        top_e.sort_by(|a, b| rank_order(a.score, a.id.as_str(), b.score, b.id.as_str()));
        top_e.truncate(self.scfg.best_k());
        let find_e = |id: &crate::model::Id| self.employers.iter().find(|e| &e.id == id);
        let listed_e = overridden::finish(s.id.clone(), top_e, self.overrides.included_employers_of(&s.id), |id| {
            find_e(id).map(|e| judged(evaluate_employer(self.cfg, s, e)))
        });
        let best = BestMatches {
            vacancies: listed_v
                .matches
                .into_iter()
                .filter_map(|m| {
                    let v = find_v(&m.id)?;
                    Some(Best {
                        explanation: overrides::explain(self.cfg, self.overrides, s, v),
                        id: m.id,
                        score: m.score,
                        included: m.included,
                    })
                })
                .collect(),
            employers: listed_e
                .matches
                .into_iter()
                .filter_map(|m| {
                    let e = find_e(&m.id)?;
                    Some(Best {
                        explanation: overrides::explain_employer(self.cfg, self.overrides, s, e)?,
                        id: m.id,
                        score: m.score,
                        included: m.included,
                    })
                })
                .collect(),
        };

        // Reach, near-match gaps.
        let mut reach = Reach::default();
        let mut reachable = Vec::new();
        let mut near_gaps: BTreeMap<String, u64> = BTreeMap::new();
        for v in self.vacancies {
            if self.excluded(s, v) {
                continue;
            }
            let ev = score::evaluate(self.cfg, s, v);
            if !ev.knockouts.contains(KnockOut::Travel) {
                reach.vacancy(v);
                reachable.push(v);
            }
            if !self.included(s, v) && ev.score().is_some_and(|sc| self.scfg.is_near(sc)) {
                for x in score::missing_essential_skills(s, v) {
                    *near_gaps.entry(x).or_default() += 1;
                }
            }
        }
        for e in self.employers {
            if self.overrides.is_excluded(&s.id, &Target::Employer(e.id.clone())) {
                continue;
            }
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
pub fn scan(cfg: &ScoringConfig, scfg: &ScanConfig, input: ScanInput<'_>) -> Result<Vec<SeekerScan>> {
    scan_with_overrides(cfg, scfg, input, &Overrides::none())
}

/// As [`scan`], honouring human overrides (see the module documentation).
pub fn scan_with_overrides(
    cfg: &ScoringConfig,
    scfg: &ScanConfig,
    input: ScanInput<'_>,
    overrides: &Overrides,
) -> Result<Vec<SeekerScan>> {
    let ScanInput { seekers, vacancies, employers, catalogue } = input;
    unique_ids(seekers)?;
    let scores = seekers.iter().map(|x| vacancies.iter().map(|v| score::score(cfg, x, v)).collect()).collect();
    let oracle = Oracle { cfg, scfg, seekers, vacancies, employers, overrides, scores };
    let mut order: Vec<usize> = (0..seekers.len()).collect();
    order.sort_by(|&a, &b| seekers[a].id.cmp(&seekers[b].id));
    Ok(order.into_iter().map(|i| oracle.scan(i, catalogue)).collect())
}
