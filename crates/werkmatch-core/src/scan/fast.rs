//! [`Scanner`]: the fast scan. Same numbers as [`reference`](super::reference),
//! from one pass per seeker and counterfactuals that revisit only the pairs a
//! change can alter.
//!
//! Per seeker, one pass scores every vacancy and employer within the travel
//! band (the farthest any tried change could reach: by car, by e-bike, or 15
//! minutes longer) and keeps, per pair, the distance, the six components and
//! the knock-outs. A change is then one more seeker view (the changed seeker,
//! built with [`Change::apply`] exactly as the oracle builds it) evaluated on
//! the pairs it can touch:
//!
//! | change | pairs revisited | recomputed |
//! |---|---|---|
//! | `licence` | those requiring a licence; all when the seeker lists `car` | knock-outs (and travel) |
//! | `car`, `ebike`, `travel_plus_15` | all in the band, and all employers | travel, mobility |
//! | `dutch_*` | those with a language knock-out | knock-outs |
//! | `certificate:X` | those with a certificate knock-out | knock-outs |
//! | `skill:X` | those listing X | skills |
//! | `level_up` | all in the band, and all employers | level |
//!
//! Every other pair's match, competitiveness and hidden status is the base's,
//! so it adds nothing to `gained`, `lost`, `competitive_gained` or
//! `hidden_gained`. The occupation, sector and hours components depend on
//! nothing a change alters and are reused. Competitiveness compares the new
//! score with the heads of the vacancy's seeker ranking, precomputed once by
//! the kernel ([`Thresholds`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::alternatives::{candidates, rank, Reach};
use super::catalogue::OccupationCatalogue;
use super::change::{assemble, Change};
use super::prepared::{PVac, Prepared};
use super::result::{by_level, Best, BestMatches, SeekerScan, Unlock};
use super::threshold::Thresholds;
use super::{unique_ids, ScanConfig};
use crate::error::Result;
use crate::isco::IscoCode;
use crate::model::{Employer, HoursRange, Jobseeker, ModeSet, Nace, PhysicalLoad, TravelMode, Vacancy};
use crate::rank::{rank_order, Executor};
use crate::score::components::{self, Components};
use crate::score::{self, KnockOut, KnockOuts, ScoringConfig};
use crate::travel::{within_limit, TravelModel};

/// A seeker as the pass compares it.
struct View {
    usable: ModeSet,
    max_min: f64,
    ls: u8,
    licence: bool,
    dutch: u8,
    carry: u8,
    /// Per interned certificate: held.
    certs: Vec<bool>,
    target: bool,
    /// Per interned skill: held.
    skills: Vec<bool>,
    hours: HoursRange,
    codes: Vec<IscoCode>,
    preferred: Vec<Nace>,
    experienced: Vec<Nace>,
}

impl View {
    fn of(s: &Jobseeker, prep: &Prepared) -> View {
        let mut certs = vec![false; prep.certs.len()];
        for c in &s.certificates {
            if let Some(i) = prep.certs.get(c) {
                certs[i as usize] = true;
            }
        }
        let mut skills = vec![false; prep.skills.len()];
        for x in &s.skills {
            if let Some(i) = prep.skills.get(x) {
                skills[i as usize] = true;
            }
        }
        View {
            usable: TravelModel::usable_modes(s.mobility.modes(), s.licence),
            max_min: f64::from(s.mobility.max_minutes()),
            ls: score::seeker_level(s).get(),
            licence: s.licence,
            dutch: crate::model::Cefr::rank_of(s.dutch_level),
            carry: s.max_physical_load.unwrap_or(PhysicalLoad::Heavy).rank(),
            certs,
            target: s.target_register,
            skills,
            hours: s.hours,
            codes: score::seeker_codes(s).collect(),
            preferred: s.sectors_preferred.clone(),
            experienced: s.sectors_experience.clone(),
        }
    }
}

/// One scored pair of the pass.
#[derive(Clone, Copy)]
struct Pair {
    idx: u32,
    d: f64,
    comps: Components,
    ko: KnockOuts,
    total: f64,
    matched: bool,
    competitive: bool,
}

/// Whether a change asks the evaluation to recompute the skills component
/// (knock-outs, travel from the kept distance, mobility and level are always
/// recomputed; occupation, sector and hours never change).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Redo {
    Skills,
    Rest,
}

/// Knock-outs no tried change touches (hours, physical load, the
/// target-group register): a pair with one stays excluded under every
/// change, so the counterfactuals skip it.
fn fixed_out(ko: KnockOuts) -> bool {
    ko.contains(KnockOut::Hours) || ko.contains(KnockOut::Physical) || ko.contains(KnockOut::TargetGroup)
}

/// One seeker's pass: the scored pairs a change revisits.
struct Base {
    i: usize,
    pairs: Vec<Pair>,
    emps: Vec<(Pair, IscoCode)>,
    /// Per vacancy: its index in `pairs`, or `u32::MAX` when outside the band.
    slot: Vec<u32>,
    /// Indexes into `pairs` of those some change could turn into a match (see [`fixed_out`]).
    live: Vec<u32>,
    matches: u64,
    view: View,
}

/// Prepared populations for scanning seekers fast and exactly.
///
/// ```
/// use werkmatch_core::rank::Executor;
/// use werkmatch_core::scan::{reference, OccupationCatalogue, ScanConfig, Scanner};
/// use werkmatch_core::score::ScoringConfig;
/// use werkmatch_core::{GeoPoint, Id, IscoCode, Jobseeker, Nace, Vacancy};
///
/// let at = |lat, lon| GeoPoint::new(lat, lon).unwrap();
/// let cleaner = IscoCode::parse("9112").unwrap();
/// let mut s = Jobseeker::new(Id::new("S1").unwrap(), at(53.2194, 6.5665));
/// s.desired_occupations = vec![cleaner];
/// let seekers = vec![s];
/// let mut v = Vacancy::new(Id::new("V1").unwrap(), cleaner, Nace::parse("N").unwrap(), at(53.21, 6.56));
/// v.requires_licence = true;
/// let vacancies = vec![v];
/// let (cfg, scfg, cat) = (ScoringConfig::default(), ScanConfig::default(), OccupationCatalogue::default());
/// let scanner = Scanner::new(&cfg, &scfg, &seekers, &vacancies, &[], &cat, Executor::CurrentThread).unwrap();
/// let scan = scanner.scan(0);
/// assert_eq!(scan.matches, 0);
/// // Only the licence knock-out stands in the way: `car` and `licence` both lift it ("car" < "licence").
/// let listed: Vec<(String, u64)> = scan.unlocks.iter().map(|u| (u.change.id(), u.gained)).collect();
/// assert_eq!(listed, [("car".to_owned(), 1), ("licence".to_owned(), 1)]);
/// assert_eq!(vec![scan], reference::scan(&cfg, &scfg, &seekers, &vacancies, &[], &cat).unwrap());
/// ```
pub struct Scanner<'a> {
    cfg: &'a ScoringConfig,
    scfg: &'a ScanConfig,
    seekers: &'a [Jobseeker],
    vacancies: &'a [Vacancy],
    employers: &'a [Employer],
    catalogue: &'a OccupationCatalogue,
    prep: Prepared,
    thresholds: Thresholds,
    by_id: HashMap<&'a str, usize>,
    /// Seeker indexes in ascending id order.
    order: Vec<usize>,
}

impl std::fmt::Debug for Scanner<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner")
            .field("seekers", &self.seekers.len())
            .field("vacancies", &self.vacancies.len())
            .field("employers", &self.employers.len())
            .field("occupations", &self.catalogue.len())
            .finish()
    }
}

impl<'a> Scanner<'a> {
    /// Prepares the populations; the competitors' rankings are computed with
    /// the kernel on `exec`. Fails on a repeated seeker or vacancy id.
    pub fn new(
        cfg: &'a ScoringConfig,
        scfg: &'a ScanConfig,
        seekers: &'a [Jobseeker],
        vacancies: &'a [Vacancy],
        employers: &'a [Employer],
        catalogue: &'a OccupationCatalogue,
        exec: Executor<'_>,
    ) -> Result<Self> {
        unique_ids(seekers)?;
        let thresholds = Thresholds::new(cfg, scfg, seekers, vacancies, exec)?;
        let prep = Prepared::new(vacancies, employers);
        let by_id = seekers.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let mut order: Vec<usize> = (0..seekers.len()).collect();
        order.sort_by(|&a, &b| seekers[a].id.cmp(&seekers[b].id));
        Ok(Scanner { cfg, scfg, seekers, vacancies, employers, catalogue, prep, thresholds, by_id, order })
    }

    /// The index of a seeker by id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Scans every seeker on `exec`, in ascending seeker id order, calling
    /// `done` after each one (for a progress bar).
    pub fn scan_all(&self, exec: Executor<'_>, done: &(dyn Fn() + Sync)) -> Vec<SeekerScan> {
        let one = |&i: &usize| {
            let r = self.scan(i);
            done();
            r
        };
        match exec {
            Executor::CurrentThread => self.order.iter().map(one).collect(),
            Executor::Global => self.order.par_iter().map(one).collect(),
            Executor::Pool(pool) => pool.install(|| self.order.par_iter().map(one).collect()),
        }
    }

    fn travel(&self, view: &View, v: &PVac, d: f64) -> (f64, bool) {
        match v.site {
            None => (0.0, true),
            Some(_) => {
                let t = self.cfg.travel.fastest(d, view.usable, v.start).minutes;
                (t, within_limit(t, view.max_min))
            }
        }
    }

    /// SCORING.md for one vacancy, reusing `prior`'s components where the
    /// view cannot have changed them.
    fn eval(&self, view: &View, v: &PVac, d: f64, prior: Option<&Components>, redo: Redo) -> (KnockOuts, Components) {
        let cfg = self.cfg;
        // Travel is recomputed from the kept distance: a few multiplications.
        let (t, reach) = self.travel(view, v, d);
        let gap = i32::from(v.lv) - i32::from(view.ls);
        let level = components::level(cfg, gap, v.training);
        let hours = components::hours(view.hours, v.hours);
        let mut ko = KnockOuts::NONE;
        ko.insert_if(!reach, KnockOut::Travel);
        ko.insert_if(level.is_none(), KnockOut::LevelGap);
        ko.insert_if(hours.is_none(), KnockOut::Hours);
        ko.insert_if(v.licence && !view.licence, KnockOut::Licence);
        ko.insert_if(view.dutch < v.dutch, KnockOut::Language);
        ko.insert_if(v.load > view.carry, KnockOut::Physical);
        ko.insert_if(v.certs.iter().any(|&c| !view.certs[c as usize]), KnockOut::Certificates);
        ko.insert_if(v.target && !view.target, KnockOut::TargetGroup);
        let mobility = if reach { components::mobility(cfg, t, view.max_min) } else { 0.0 };
        let skills_of = |occupation: f64| {
            let e_hit = v.ess.iter().filter(|&&x| view.skills[x as usize]).count();
            let o_hit = v.opt.iter().filter(|&&x| view.skills[x as usize]).count();
            components::skills(cfg, e_hit, v.ess.len(), o_hit, v.opt.len(), occupation)
        };
        let (occupation, sector, hours_c, skills) = match prior {
            Some(p) => {
                (p.occupation, p.sector, p.hours, if redo == Redo::Skills { skills_of(p.occupation) } else { p.skills })
            }
            None => {
                let occupation = components::occupation(cfg, v.isco, view.codes.iter().copied());
                let sector = components::sector(
                    cfg,
                    v.sector.is_some(),
                    v.sector.is_some_and(|n| view.preferred.contains(&n)),
                    v.sector.is_some_and(|n| view.experienced.contains(&n)),
                    view.preferred.is_empty() && view.experienced.is_empty(),
                );
                (occupation, sector, hours.unwrap_or(0.0), skills_of(occupation))
            }
        };
        let comps = Components { skills, occupation, level: level.unwrap_or(0.0), mobility, sector, hours: hours_c };
        (ko, comps)
    }

    /// An employer scored as SCORING.md section 5's vacancy; `prior` as in [`Self::eval`].
    fn eval_employer(
        &self,
        view: &View,
        e: &Employer,
        isco: IscoCode,
        d: f64,
        prior: Option<&Components>,
    ) -> (KnockOuts, Components) {
        let cfg = self.cfg;
        let t = self.cfg.travel.fastest(d, view.usable, None).minutes;
        let reach = within_limit(t, view.max_min);
        let gap = i32::from(isco.skill_level().get()) - i32::from(view.ls);
        let level = components::level(cfg, gap, e.offers_training);
        let hours = components::hours(view.hours, HoursRange::new(0, 60).unwrap_or_default());
        let mut ko = KnockOuts::NONE;
        ko.insert_if(!reach, KnockOut::Travel);
        ko.insert_if(level.is_none(), KnockOut::LevelGap);
        ko.insert_if(hours.is_none(), KnockOut::Hours);
        let mobility = if reach { components::mobility(cfg, t, view.max_min) } else { 0.0 };
        let (occupation, sector, hours_c, skills) = match prior {
            Some(p) => (p.occupation, p.sector, p.hours, p.skills),
            None => {
                let occupation = components::occupation(cfg, isco, view.codes.iter().copied());
                let sector = components::sector(
                    cfg,
                    true,
                    view.preferred.contains(&e.sector),
                    view.experienced.contains(&e.sector),
                    view.preferred.is_empty() && view.experienced.is_empty(),
                );
                (occupation, sector, hours.unwrap_or(0.0), components::skills(cfg, 0, 0, 0, 0, occupation))
            }
        };
        let comps = Components { skills, occupation, level: level.unwrap_or(0.0), mobility, sector, hours: hours_c };
        (ko, comps)
    }

    /// The farthest (km) any view of `s` a tried change could give reaches on site, with a margin.
    fn band_km(&self, s: &Jobseeker) -> Option<f64> {
        let tm = &self.cfg.travel;
        let modes = s.mobility.modes();
        let t = f64::from(s.mobility.max_minutes());
        let views = [
            (TravelModel::usable_modes(modes, s.licence), t),
            (TravelModel::usable_modes(modes.with(TravelMode::Car), true), t),
            (TravelModel::usable_modes(modes.with(TravelMode::Ebike), s.licence), t),
            (TravelModel::usable_modes(modes, s.licence), (t + 15.0).min(240.0)),
        ];
        views.iter().filter_map(|&(u, t)| tm.reach_km(u, t)).reduce(f64::max).map(|r| r * (1.0 + 1e-9) + 1e-9)
    }

    /// One change to seeker `i`, alone: `None` when it would not change the
    /// seeker. Any change may be asked, tried by the scan or not.
    pub fn what_if(&self, i: usize, change: &Change) -> Option<Unlock> {
        let base = self.base(i);
        self.outcome(&base, change.clone())
    }

    fn outcome(&self, base: &Base, change: Change) -> Option<Unlock> {
        let (cfg, scfg, prep) = (self.cfg, self.scfg, &self.prep);
        let (i, pairs, emps, slot, live) = (base.i, &base.pairs, &base.emps, &base.slot, &base.live);
        let s = &self.seekers[i];
        let sid = s.id.as_str();
        let t = change.apply(s)?;
        let tv = View::of(&t, prep);
        let mut u = Unlock { gained: 0, lost: 0, competitive_gained: 0, hidden_gained: 0, matches_after: 0, change };
        let mut visit = |p: &Pair, redo: Redo| {
            let pv = &prep.vac[p.idx as usize];
            let (ko, comps) = self.eval(&tv, pv, p.d, Some(&p.comps), redo);
            let total = comps.total(cfg);
            let m = ko.is_empty() && scfg.is_match(total);
            let c = m
                && if p.matched && total.to_bits() == p.total.to_bits() {
                    p.competitive
                } else {
                    self.thresholds.competitive(self.seekers, p.idx as usize, i as u32, sid, total)
                };
            u.gained += u64::from(m && !p.matched);
            u.lost += u64::from(p.matched && !m);
            u.competitive_gained += u64::from(c && !p.competitive);
        };
        let everyone = match &u.change {
            Change::Licence if s.mobility.modes().contains(TravelMode::Car) => Some(Redo::Rest),
            Change::Car | Change::Ebike | Change::TravelPlus15 => Some(Redo::Rest),
            Change::LevelUp => Some(Redo::Rest),
            _ => None,
        };
        match (&u.change, everyone) {
            (_, Some(redo)) => live.iter().map(|&k| &pairs[k as usize]).for_each(|p| visit(p, redo)),
            (Change::Licence, None) => live
                .iter()
                .map(|&k| &pairs[k as usize])
                .filter(|p| prep.vac[p.idx as usize].licence)
                .for_each(|p| visit(p, Redo::Rest)),
            (Change::Dutch(_), _) => live
                .iter()
                .map(|&k| &pairs[k as usize])
                .filter(|p| p.ko.contains(KnockOut::Language))
                .for_each(|p| visit(p, Redo::Rest)),
            (Change::Certificate(_), _) => live
                .iter()
                .map(|&k| &pairs[k as usize])
                .filter(|p| p.ko.contains(KnockOut::Certificates))
                .for_each(|p| visit(p, Redo::Rest)),
            (Change::Skill(x), _) => {
                if let Some(id) = prep.skills.get(x) {
                    for &j in &prep.postings[id as usize] {
                        let k = slot[j as usize];
                        if k != u32::MAX {
                            visit(&pairs[k as usize], Redo::Skills);
                        }
                    }
                }
            }
            _ => live.iter().map(|&k| &pairs[k as usize]).for_each(|p| visit(p, Redo::Rest)),
        }
        if everyone.is_some() {
            for (p, isco) in emps {
                let e = &self.employers[p.idx as usize];
                let (ko, comps) = self.eval_employer(&tv, e, *isco, p.d, Some(&p.comps));
                let h = ko.is_empty() && scfg.is_match(comps.total(cfg));
                u.hidden_gained += u64::from(h && !p.matched);
            }
        }
        u.matches_after = base.matches + u.gained - u.lost;
        Some(u)
    }

    /// A bound on the pair's total under any single change: mobility 1, the
    /// level one step up, one more essential and one more optional skill.
    /// A pair below θ by it can match under no change and is not revisited.
    fn upper_bound(&self, view: &View, v: &PVac, p: &Pair) -> f64 {
        let cfg = self.cfg;
        let gap = i32::from(v.lv) - i32::from(view.ls);
        let level = [gap, gap - 1].iter().filter_map(|&g| components::level(cfg, g, v.training)).fold(0.0, f64::max);
        let e_hit = v.ess.iter().filter(|&&x| view.skills[x as usize]).count();
        let o_hit = v.opt.iter().filter(|&&x| view.skills[x as usize]).count();
        let (ne, no) = (v.ess.len(), v.opt.len());
        let skills = components::skills(cfg, (e_hit + 1).min(ne), ne, (o_hit + 1).min(no), no, p.comps.occupation);
        let c = &p.comps;
        Components { skills, occupation: c.occupation, level, mobility: 1.0, sector: c.sector, hours: c.hours }
            .total(cfg)
    }

    /// The pass of seeker `i`: every vacancy and employer in its travel band, scored.
    fn base(&self, i: usize) -> Base {
        let (cfg, scfg, prep) = (self.cfg, self.scfg, &self.prep);
        let s = &self.seekers[i];
        let sid = s.id.as_str();
        let view = View::of(s, prep);
        let band = self.band_km(s);
        let lat_deg = |km: f64| km / (cfg.travel.earth_radius_km * std::f64::consts::PI / 180.0) * (1.0 + 1e-9);

        // The pass over the vacancies in the band.
        let mut near: Vec<u32> = Vec::new();
        match band {
            Some(r) => prep.vac_band.around(s.location.lat(), lat_deg(r), &mut near),
            None => near.extend(&prep.vac_band.siteless),
        }
        near.sort_unstable();
        let mut pairs: Vec<Pair> = Vec::with_capacity(near.len());
        for &j in &near {
            let v = &prep.vac[j as usize];
            let d = v.site.map_or(0.0, |p| cfg.travel.distance_km(s.location, p));
            if v.site.is_some() && band.is_none_or(|r| d > r) {
                continue; // out of reach of every view
            }
            let (ko, comps) = self.eval(&view, v, d, None, Redo::Rest);
            let total = comps.total(cfg);
            let matched = ko.is_empty() && scfg.is_match(total);
            let competitive = matched && self.thresholds.competitive(self.seekers, j as usize, i as u32, sid, total);
            pairs.push(Pair { idx: j, d, comps, ko, total, matched, competitive });
        }
        let mut slot = vec![u32::MAX; self.vacancies.len()];
        for (k, p) in pairs.iter().enumerate() {
            slot[p.idx as usize] = k as u32;
        }

        // Employers in the band.
        let mut near_e: Vec<u32> = Vec::new();
        if let Some(r) = band {
            prep.emp_band.around(s.location.lat(), lat_deg(r), &mut near_e);
        }
        near_e.sort_unstable();
        let mut emps: Vec<(Pair, IscoCode)> = Vec::with_capacity(near_e.len());
        for &j in &near_e {
            let e = &self.employers[j as usize];
            let d = cfg.travel.distance_km(s.location, e.location);
            if band.is_none_or(|r| d > r) {
                continue;
            }
            let Some(isco) = score::best_occupation(cfg, s, e) else { continue };
            let (ko, comps) = self.eval_employer(&view, e, isco, d, None);
            let total = comps.total(cfg);
            let matched = ko.is_empty() && scfg.is_match(total);
            emps.push((Pair { idx: j, d, comps, ko, total, matched, competitive: false }, isco));
        }

        let matches = pairs.iter().filter(|p| p.matched).count() as u64;
        let live = (0..pairs.len() as u32)
            .filter(|&k| {
                let p = &pairs[k as usize];
                !fixed_out(p.ko) && scfg.is_match(self.upper_bound(&view, &prep.vac[p.idx as usize], p) + 1e-9)
            })
            .collect();
        Base { i, pairs, emps, slot, live, matches, view }
    }

    /// The scan of seeker `i` (an index into the seekers given).
    pub fn scan(&self, i: usize) -> SeekerScan {
        let (cfg, scfg, prep) = (self.cfg, self.scfg, &self.prep);
        let s = &self.seekers[i];
        let base = self.base(i);
        let (pairs, emps, view) = (&base.pairs, &base.emps, &base.view);

        // Position.
        let mut by_lv = by_level();
        let mut by_sector: BTreeMap<String, u64> = BTreeMap::new();
        let matches = base.matches;
        let (mut positions, mut competitive) = (0u64, 0u64);
        let mut near_gaps: BTreeMap<u32, u64> = BTreeMap::new();
        let mut certs: BTreeSet<&str> = BTreeSet::new();
        let mut asked = vec![0usize; prep.skills.len()];
        let cands = candidates(scfg, s, view.ls, self.catalogue);
        let mut reach = Reach::default();
        for p in pairs {
            let (v, pv) = (&self.vacancies[p.idx as usize], &prep.vac[p.idx as usize]);
            if p.matched {
                competitive += u64::from(p.competitive);
                positions += u64::from(v.positions.get());
                *by_lv.entry(pv.lv).or_default() += 1;
                *by_sector
                    .entry(v.sector.map_or_else(|| "unknown".to_owned(), |n| n.letter().to_string()))
                    .or_default() += 1;
            }
            if p.ko.is_empty() && scfg.is_near(p.total) {
                for &x in pv.ess.iter().filter(|&&x| !view.skills[x as usize]) {
                    *near_gaps.entry(x).or_default() += 1;
                }
            }
            if !p.ko.contains(KnockOut::Travel) {
                certs.extend(pv.certs.iter().filter(|&&c| !view.certs[c as usize]).map(|&c| prep.certs.name(c)));
                for &x in pv.ess.iter().filter(|&&x| !view.skills[x as usize]) {
                    asked[x as usize] += 1;
                }
                if cands.iscos.contains(&v.isco) || v.esco_occupation.as_deref().is_some_and(|o| cands.ids.contains(o))
                {
                    reach.vacancy(v);
                }
            }
        }
        for (p, _) in emps {
            let e = &self.employers[p.idx as usize];
            if !p.ko.contains(KnockOut::Travel) && e.occupations.iter().any(|c| cands.iscos.contains(c)) {
                reach.employer(e);
            }
        }
        let hidden = emps.iter().filter(|(p, _)| p.matched).count() as u64;

        // Best.
        let mut best_v: Vec<&Pair> = pairs.iter().filter(|p| p.matched).collect();
        let vid = |p: &Pair| self.vacancies[p.idx as usize].id.as_str();
        best_v.sort_by(|a, b| rank_order(a.total, vid(a), b.total, vid(b)));
        best_v.truncate(scfg.best_k());
        let mut best_e: Vec<&Pair> = emps.iter().map(|(p, _)| p).filter(|p| p.matched).collect();
        let eid = |p: &Pair| self.employers[p.idx as usize].id.as_str();
        best_e.sort_by(|a, b| rank_order(a.total, eid(a), b.total, eid(b)));
        best_e.truncate(scfg.best_k());
        let best = BestMatches {
            vacancies: best_v
                .into_iter()
                .map(|p| {
                    let v = &self.vacancies[p.idx as usize];
                    Best { id: v.id.clone(), score: p.total, explanation: score::explain(cfg, s, v) }
                })
                .collect(),
            employers: best_e
                .into_iter()
                .filter_map(|p| {
                    let e = &self.employers[p.idx as usize];
                    Some(Best { id: e.id.clone(), score: p.total, explanation: score::explain_employer(cfg, s, e)? })
                })
                .collect(),
        };

        // Changes.
        let skills_asked: Vec<(&str, usize)> =
            asked.iter().enumerate().filter(|(_, &n)| n > 0).map(|(x, &n)| (prep.skills.name(x as u32), n)).collect();
        let changes = assemble(s, certs.into_iter().collect(), skills_asked, scfg.max_skill_changes());
        let tried: Vec<Unlock> = changes.into_iter().filter_map(|c| self.outcome(&base, c)).collect();
        let mut unlocks: Vec<Unlock> = tried.iter().filter(|u| u.is_listed()).cloned().collect();
        unlocks.sort_by(|a, b| b.gained.cmp(&a.gained).then_with(|| a.change.id().cmp(&b.change.id())));

        SeekerScan {
            seeker: s.id.clone(),
            level: view.ls,
            education: s.education,
            matches,
            positions,
            hidden,
            competitive,
            by_level: by_lv,
            by_sector,
            demand_share: if self.vacancies.is_empty() { 0.0 } else { matches as f64 / self.vacancies.len() as f64 },
            unlocks,
            alternatives: rank(scfg, view.ls, self.catalogue, cands, &reach),
            best,
            tried,
            near_gaps: near_gaps.into_iter().map(|(x, n)| (prep.skills.name(x).to_owned(), n)).collect(),
        }
    }
}
