//! What the fast scan's pass counts for the position, the changes to try and
//! the alternatives, pair by pair as it goes: the pass keeps only the pairs
//! a later step reads again (matches, pairs some change could alter,
//! included ones), so these counts cannot wait for a second loop over all.
//! A band split into chunks gives one [`Tally`] per chunk, merged in index
//! order.

use std::collections::BTreeMap;

use super::alternatives::Demand;
use super::catalogue::Occupation;
use super::prepared::{PVac, Prepared, SECTORS};
use super::result::{by_level, ByLevel};

/// The counts of one seeker's pass (or of a chunk of it).
pub(crate) struct Tally {
    pub matches: u64,
    pub positions: u64,
    pub competitive: u64,
    pub by_lv: ByLevel,
    pub by_sec: [u64; SECTORS],
    /// Hidden jobs among the employers scored (the included ones apart).
    pub hidden: u64,
    /// Per interned skill: near matches missing it.
    pub near_gaps: Vec<u64>,
    /// Per interned certificate: required by a vacancy in reach, not held.
    pub certs: Vec<bool>,
    /// Per interned skill: vacancies in reach asking it as essential, not held.
    pub asked: Vec<usize>,
    pub reach: ReachIx,
}

impl Tally {
    pub fn new(certs: usize, skills: usize) -> Tally {
        Tally {
            matches: 0,
            positions: 0,
            competitive: 0,
            by_lv: by_level(),
            by_sec: [0; SECTORS],
            hidden: 0,
            near_gaps: vec![0; skills],
            certs: vec![false; certs],
            asked: vec![0; skills],
            reach: ReachIx::default(),
        }
    }

    /// Adds the counts of the chunk that follows this one (an employers'
    /// chunk has empty per-skill and per-certificate tables: none to add).
    pub fn append(&mut self, next: Tally) {
        self.matches += next.matches;
        self.positions += next.positions;
        self.competitive += next.competitive;
        for (l, n) in next.by_lv {
            *self.by_lv.entry(l).or_default() += n;
        }
        for (a, b) in self.by_sec.iter_mut().zip(next.by_sec) {
            *a += b;
        }
        self.hidden += next.hidden;
        for (a, b) in self.near_gaps.iter_mut().zip(next.near_gaps) {
            *a += b;
        }
        for (a, b) in self.certs.iter_mut().zip(next.certs) {
            *a |= b;
        }
        for (a, b) in self.asked.iter_mut().zip(next.asked) {
            *a += b;
        }
        self.reach.append(next.reach);
    }
}

/// The vacancies and employers in travel reach that the alternatives'
/// demand reads (those of a candidate's ISCO code or naming a candidate), on
/// interned ids: the same demand as [`Reach`](super::alternatives::Reach)
/// gives, without comparing skill strings per vacancy.
#[derive(Default)]
pub(crate) struct ReachIx {
    /// Vacancy indexes by [`Prepared::iscos`] index, ascending.
    by_isco: BTreeMap<u16, Vec<u32>>,
    /// Vacancy indexes by [`Prepared::escos`] id, ascending.
    by_esco: BTreeMap<u32, Vec<u32>>,
    /// Employers by [`Prepared::iscos`] index.
    employers: BTreeMap<u16, u64>,
}

impl ReachIx {
    /// Adds reachable vacancy `j`.
    pub fn vacancy(&mut self, j: u32, v: &PVac) {
        self.by_isco.entry(v.isco_ix).or_default().push(j);
        if let Some(o) = v.esco {
            self.by_esco.entry(o).or_default().push(j);
        }
    }

    /// Adds a reachable employer, by its distinct codes ([`Prepared::emp_codes`]).
    pub fn employer(&mut self, codes: &[u16]) {
        for &c in codes {
            *self.employers.entry(c).or_default() += 1;
        }
    }

    /// Adds the reach of the chunk that follows (later indexes).
    pub fn append(&mut self, next: ReachIx) {
        for (c, vs) in next.by_isco {
            self.by_isco.entry(c).or_default().extend(vs);
        }
        for (o, vs) in next.by_esco {
            self.by_esco.entry(o).or_default().extend(vs);
        }
        for (c, n) in next.employers {
            *self.employers.entry(c).or_default() += n;
        }
    }

    /// The demand for occupation `t` with `missing` skills: the vacancies
    /// of its ISCO group and those naming it (each once), and the employers.
    pub fn demand(&self, prep: &Prepared, t: &Occupation, missing: &[&str]) -> Demand {
        let ix = prep.isco_ix(t.isco);
        let mut demand_v: Vec<u32> = ix.and_then(|ix| self.by_isco.get(&ix)).cloned().unwrap_or_default();
        if let Some(more) = prep.escos.get(&t.id).and_then(|o| self.by_esco.get(&o)) {
            demand_v.extend(more.iter().copied().filter(|&j| Some(prep.vac[j as usize].isco_ix) != ix));
        }
        // A skill no vacancy lists has no interned id: asked by none.
        let ids: Vec<Option<u32>> = missing.iter().map(|x| prep.skills.get(x)).collect();
        let mut asked = vec![0; missing.len()];
        for &j in &demand_v {
            let v = &prep.vac[j as usize];
            for (n, x) in asked.iter_mut().zip(&ids) {
                *n += u64::from(x.is_some_and(|x| v.ess.binary_search(&x).is_ok() || v.opt.binary_search(&x).is_ok()));
            }
        }
        Demand {
            count: demand_v.len() as u64 + ix.and_then(|ix| self.employers.get(&ix)).copied().unwrap_or(0),
            training: demand_v.iter().any(|&j| prep.vac[j as usize].training),
            asked,
        }
    }
}
