//! Alternative occupations (SCAN.md section 3), stated plainly.
//!
//! Coverage is asymmetric: what of the target's essential skills the seeker
//! already has, through the best origin occupation (Nesta's *Mapping Career
//! Causeways*: the origin's essential and optional skills against the
//! destination's essential skills).
//!
//! Two steps, so that the fast scan only gathers the demand it needs: the
//! candidates depend on the seeker and the catalogue alone; their demand,
//! route and the order of the missing skills come from the seeker's
//! [`Reach`]. The reference fills the reach from the pair scorer; the fast
//! scan counts the same demand on interned ids in its pass (`tally::ReachIx`)
//! and ranks with [`rank_with`].

use std::collections::{BTreeMap, BTreeSet};

use super::catalogue::{Occupation, OccupationCatalogue};
use super::result::{Alternative, Route};
use super::ScanConfig;
use crate::isco::IscoCode;
use crate::model::{Employer, Jobseeker, Vacancy};

/// The vacancies and employers that pass the travel knock-out for the seeker
/// as they are now, by ISCO code (and vacancies by ESCO occupation).
#[derive(Default)]
pub(crate) struct Reach<'a> {
    by_isco: BTreeMap<IscoCode, Vec<&'a Vacancy>>,
    by_esco: BTreeMap<&'a str, Vec<&'a Vacancy>>,
    employers: BTreeMap<IscoCode, u64>,
}

impl<'a> Reach<'a> {
    /// Adds a reachable vacancy.
    pub fn vacancy(&mut self, v: &'a Vacancy) {
        self.by_isco.entry(v.isco).or_default().push(v);
        if let Some(o) = v.esco_occupation.as_deref() {
            self.by_esco.entry(o).or_default().push(v);
        }
    }

    /// Adds a reachable employer (once per ISCO code it lists).
    pub fn employer(&mut self, e: &'a Employer) {
        let codes: BTreeSet<IscoCode> = e.occupations.iter().copied().collect();
        for c in codes {
            *self.employers.entry(c).or_default() += 1;
        }
    }
}

/// A target that passed the level, code and coverage filters.
pub(crate) struct Candidate<'c> {
    target: usize,
    coverage: f64,
    /// `Ess(t) \ P(best origin)`.
    missing: BTreeSet<&'c str>,
}

/// The candidates of `s`, and the codes and occupation ids their demand needs.
pub(crate) struct Candidates<'c> {
    list: Vec<Candidate<'c>>,
    /// ISCO codes of the candidates (a vacancy or employer counts only for these).
    pub iscos: BTreeSet<IscoCode>,
    /// Catalogue ids of the candidates (vacancies naming them count too).
    pub ids: BTreeSet<&'c str>,
}

/// Every target t with non-empty `Ess(t)`, an ISCO unit group that is none
/// of the seeker's experience or desired codes, `level(t) ≤ Ls + 1` and
/// `W(s → t) ≥ w_min`.
pub(crate) fn candidates<'c>(
    scfg: &ScanConfig,
    s: &'c Jobseeker,
    ls: u8,
    catalogue: &'c OccupationCatalogue,
) -> Candidates<'c> {
    let occupations = catalogue.occupations();
    let own: BTreeSet<&str> = s.skills.iter().map(String::as_str).collect();
    let mut origins: BTreeSet<usize> = BTreeSet::new();
    for e in &s.experience {
        origins.extend(catalogue.in_isco(e.isco()).iter().copied());
    }
    // P(o) per origin, in ascending occupation id (the catalogue's order), or P = skills(s).
    let profiles: Vec<BTreeSet<&str>> = if origins.is_empty() {
        vec![own.clone()]
    } else {
        origins
            .iter()
            .map(|&o| {
                let occ = &occupations[o];
                let mut p = own.clone();
                p.extend(occ.essential.iter().map(String::as_str));
                p.extend(occ.optional.iter().map(String::as_str));
                p
            })
            .collect()
    };
    let codes: BTreeSet<IscoCode> = crate::score::seeker_codes(s).collect();
    let mut out = Candidates { list: Vec::new(), iscos: BTreeSet::new(), ids: BTreeSet::new() };
    for (i, t) in occupations.iter().enumerate() {
        if t.essential.is_empty() || codes.contains(&t.isco) || t.isco.skill_level().get() > ls + 1 {
            continue;
        }
        // The best origin: the highest W; ties go to the first in id order.
        let mut best: Option<(f64, &BTreeSet<&str>)> = None;
        for p in &profiles {
            let hit = t.essential.iter().filter(|x| p.contains(x.as_str())).count();
            let w = hit as f64 / t.essential.len() as f64;
            if best.is_none_or(|(b, _)| w > b) {
                best = Some((w, p));
            }
        }
        let Some((w, p)) = best else { continue };
        if w < scfg.coverage_min() {
            continue;
        }
        let missing = t.essential.iter().map(String::as_str).filter(|x| !p.contains(x)).collect();
        out.list.push(Candidate { target: i, coverage: w, missing });
        out.iscos.insert(t.isco);
        out.ids.insert(&t.id);
    }
    out
}

/// An alternative's demand in the seeker's reach.
pub(crate) struct Demand {
    /// Vacancies (of t's ISCO group or naming t, each once) and employers.
    pub count: u64,
    /// Whether one of those vacancies offers training.
    pub training: bool,
    /// Per missing skill (in the order given): how many of those vacancies
    /// list it, essential or optional.
    pub asked: Vec<u64>,
}

impl Reach<'_> {
    /// The demand for occupation `t` with `missing` skills, plainly: the
    /// vacancies of its group and those naming it, each skill set compared.
    fn demand(&self, t: &Occupation, missing: &[&str]) -> Demand {
        let mut demand_v: Vec<&Vacancy> = self.by_isco.get(&t.isco).cloned().unwrap_or_default();
        if let Some(more) = self.by_esco.get(t.id.as_str()) {
            demand_v.extend(more.iter().copied().filter(|v| v.isco != t.isco));
        }
        let mut asked = vec![0; missing.len()];
        for v in &demand_v {
            let listed: BTreeSet<&str> =
                v.skills_essential.iter().chain(&v.skills_optional).map(String::as_str).collect();
            for (n, x) in asked.iter_mut().zip(missing) {
                *n += u64::from(listed.contains(x));
            }
        }
        Demand {
            count: demand_v.len() as u64 + self.employers.get(&t.isco).copied().unwrap_or(0),
            training: demand_v.iter().any(|v| v.offers_training),
            asked,
        }
    }
}

/// The alternatives, best first (`W` descending, `demand` descending, id),
/// at most `max_alternatives`, with their demand from `reach`.
pub(crate) fn rank(
    scfg: &ScanConfig,
    ls: u8,
    catalogue: &OccupationCatalogue,
    candidates: Candidates<'_>,
    reach: &Reach<'_>,
) -> Vec<Alternative> {
    rank_with(scfg, ls, catalogue, candidates, |t, missing| reach.demand(t, missing))
}

/// As [`rank`], with the demand from `demand(t, missing)` (the fast scan
/// counts it on interned ids).
pub(crate) fn rank_with(
    scfg: &ScanConfig,
    ls: u8,
    catalogue: &OccupationCatalogue,
    candidates: Candidates<'_>,
    demand: impl Fn(&Occupation, &[&str]) -> Demand,
) -> Vec<Alternative> {
    let occupations = catalogue.occupations();
    let mut out: Vec<Alternative> = Vec::with_capacity(candidates.list.len());
    for c in candidates.list {
        let t = &occupations[c.target];
        let missing: Vec<&str> = c.missing.iter().copied().collect();
        let d = demand(t, &missing);
        let route =
            if t.isco.skill_level().get() == ls + 1 || d.training { Route::Praktijkleren } else { Route::Direct };
        // Missing skills by how many demand vacancies list them (essential or optional), then id.
        let mut missing: Vec<(&str, u64)> = missing.into_iter().zip(d.asked).collect();
        missing.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.as_bytes().cmp(b.0.as_bytes())));
        missing.truncate(scfg.max_missing());
        out.push(Alternative {
            occupation: t.id.clone(),
            isco: t.isco,
            coverage: c.coverage,
            demand: d.count,
            kansrijk: d.count >= scfg.kansrijk_demand() as u64,
            route,
            missing: missing.into_iter().map(|(x, _)| x.to_owned()).collect(),
        });
    }
    out.sort_by(|a, b| {
        b.coverage
            .total_cmp(&a.coverage)
            .then(b.demand.cmp(&a.demand))
            .then_with(|| a.occupation.as_bytes().cmp(b.occupation.as_bytes()))
    });
    out.truncate(scfg.max_alternatives());
    out
}
