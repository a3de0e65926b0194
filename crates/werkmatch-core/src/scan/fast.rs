//! [`Scanner`]: the fast scan. Same numbers as [`reference`](super::reference),
//! from one pass per seeker and counterfactuals that revisit only the pairs a
//! change can alter.
//!
//! Per seeker, one pass visits every vacancy and employer within the travel
//! band (the farthest any tried change could reach: by car, by e-bike, or 15
//! minutes longer), counts what the position and the changes to try need, and
//! keeps the pairs a later step reads again (matches, pairs some change could
//! alter, included ones) with their distance, six components, skill hits and
//! knock-outs. Pairs whose knock-outs no change lifts get no distance when they
//! are surely in reach, and employers no change can make a hidden job are not
//! scored (docs/SCAN.md). The occupation and sector components come
//! from per-seeker tables (one entry per distinct ISCO code and NACE section
//! of the vacancies), the distance from radians and cosines kept per site:
//! the same functions on the same numbers, so the same bits as the pair
//! scorer. A change is then one more seeker view (the changed seeker, built
//! with [`Change::apply`] exactly as the oracle builds it) evaluated on the
//! pairs it can touch, and only on those:
//!
//! | change | pairs revisited (knock-outs at the base) | recomputed |
//! |---|---|---|
//! | `licence` (no `car` listed) | exactly `{licence}` | knock-outs |
//! | `licence` (`car` listed), `car` | within `{travel, licence}` | travel, mobility, knock-outs |
//! | `ebike`, `travel_plus_15` | within `{travel}` | travel, mobility, knock-outs |
//! | `dutch_*` | exactly `{language}` | knock-outs |
//! | `certificate:X` | exactly `{certificates}` | knock-outs |
//! | `skill:X` | none, and the vacancy lists X | the skills component only (one more hit) |
//! | `level_up` | within `{level_gap}` | level, knock-outs |
//!
//! A pair outside its row cannot change: a change lifts only the knock-outs
//! of its row and alters only the components of its row, so such a pair keeps
//! its match, its score and hence its competitiveness. Pairs whose score under
//! any single change stays below θ (mobility 1, level one up, one more skill
//! of each kind) are skipped too. Employers are revisited only by the travel
//! and level changes (the only ones that touch an employer's pair), and only
//! those not matched at the base (`hidden_gained` counts new ones only).
//! Competitiveness compares the new score with the head of the vacancy's
//! seeker list, computed once by the kernel ([`Thresholds`]).
//!
//! Human overrides ([`Overrides`], AUDIT.md section 3): an excluded pair is
//! dropped from the pass (no match, no hidden job, not competitive, not
//! reachable, no near match); an included pair is a match (a hidden job) for
//! the seeker and every changed self whatever its knock-outs and score, is in
//! `best`, is evaluated in full under every change (its competitiveness may
//! move), and is left out of the near matches.

use std::collections::{BTreeMap, HashMap};

use super::alternatives::{candidates, rank_with, Candidates};
use super::change::{assemble, Change};
use super::prepared::{chord_limit, chord_within, sector_ix, Geo, PVac, Prepared, SECTORS};
use super::result::{Best, BestMatches, SeekerScan, Unlock};
use super::tally::Tally;
use super::threshold::Thresholds;
use super::{unique_ids, ScanConfig, ScanInput};
use crate::error::Result;
use crate::isco::IscoCode;
use crate::model::{Employer, HoursRange, Jobseeker, ModeSet, Nace, PhysicalLoad, TravelMode};
use crate::overrides::{self, Action, Overrides};
use crate::rank::exec::{join, par_map};
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

/// A human override in effect on a pair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ov {
    None,
    Excluded,
    Included,
}

/// One scored pair of the pass.
#[derive(Clone, Copy)]
struct Pair {
    idx: u32,
    d: f64,
    comps: Components,
    ko: KnockOuts,
    total: f64,
    /// Essential and optional skills of the vacancy the seeker has.
    e_hit: u16,
    o_hit: u16,
    matched: bool,
    competitive: bool,
    /// Without an override, with knock-outs some change can lift (or none)
    /// and a total that could reach θ under some change: revisited.
    live: bool,
    ov: Ov,
}

impl Pair {
    /// A pair in travel reach whose knock-outs no single change lifts: only its
    /// knock-outs `ko` are ever read, for the reach counts, so it has no
    /// distance and no components, and a total below every threshold.
    fn reach_only(idx: u32, ko: KnockOuts) -> Pair {
        Pair {
            idx,
            d: f64::NAN,
            comps: Components::default(),
            ko,
            total: f64::NEG_INFINITY,
            e_hit: 0,
            o_hit: 0,
            matched: false,
            competitive: false,
            live: false,
            ov: Ov::None,
        }
    }

    /// The total with mobility 1 and everything else as it is: what a
    /// travel change (which alters mobility alone, never downwards) can
    /// give at most.
    fn total_at_full_mobility(&self, cfg: &ScoringConfig) -> f64 {
        Components { mobility: 1.0, ..self.comps }.total(cfg)
    }
}

/// The components of a pair that only the seeker's occupations and sectors
/// decide: no change alters them.
#[derive(Clone, Copy)]
struct Fixed {
    occupation: f64,
    sector: f64,
}

impl Fixed {
    fn of(c: &Components) -> Fixed {
        Fixed { occupation: c.occupation, sector: c.sector }
    }
}

/// What of a pair follows from the seeker's view and the vacancy alone:
/// its knock-outs other than travel, and the level and hours components
/// (`None`: that knock-out).
#[derive(Clone, Copy)]
struct Fit {
    ko: KnockOuts,
    level: Option<f64>,
    hours: Option<f64>,
}

/// A pair evaluated.
struct Eval {
    ko: KnockOuts,
    comps: Components,
    e_hit: u16,
    o_hit: u16,
}

/// Whether a travel change could turn an employer into a hidden job: not
/// one yet, no override, no knock-out but travel, below mobility 1, and
/// reaching θ at mobility 1 (see [`Scanner::moves_by_travel`]).
fn emp_moves_by_travel(cfg: &ScoringConfig, scfg: &ScanConfig, p: &Pair) -> bool {
    p.ov == Ov::None
        && !p.matched
        && within(p.ko, &[KnockOut::Travel])
        && p.comps.mobility < 1.0
        && scfg.is_match(p.total_at_full_mobility(cfg) + 1e-9)
}

/// The higher level component of a gap `gap` as it is and one step up
/// (`level_up`), 0 when both are a knock-out: a bound for what any single
/// change gives the level.
fn level_now_or_up(cfg: &ScoringConfig, gap: i32, training: bool) -> f64 {
    [gap, gap - 1].iter().filter_map(|&g| components::level(cfg, g, training)).fold(0.0, f64::max)
}

/// Whether every knock-out of `ko` is one of `allowed`.
#[inline]
fn within(ko: KnockOuts, allowed: &[KnockOut]) -> bool {
    let mask = allowed.iter().fold(0u16, |m, &k| m | bit(k));
    ko.bits() & !mask == 0
}

/// A knock-out's bit in [`KnockOuts::bits`].
const fn bit(k: KnockOut) -> u16 {
    1 << k as u16
}

/// The knock-out sets some single change can turn into "none", or that are
/// none already: a pair with any other set (two knock-outs that no one change
/// lifts together, or hours, physical load, the target-group register, which
/// no change touches) is excluded under every change and never revisited.
/// Index: 0 none, 1 `{travel}`, 2 `{licence}`, 3 `{travel, licence}`,
/// 4 `{level_gap}`, 5 `{language}`, 6 `{certificates}`.
const BUCKETS: usize = 7;

#[inline]
fn bucket(ko: KnockOuts) -> Option<usize> {
    use KnockOut::{Certificates, Language, LevelGap, Licence, Travel};
    const TRAVEL: u16 = bit(Travel);
    const LICENCE: u16 = bit(Licence);
    const BOTH: u16 = bit(Travel) | bit(Licence);
    const LEVEL: u16 = bit(LevelGap);
    const LANGUAGE: u16 = bit(Language);
    const CERTIFICATES: u16 = bit(Certificates);
    // Read per pair several times: one match on the bits.
    match ko.bits() {
        0 => Some(0),
        TRAVEL => Some(1),
        LICENCE => Some(2),
        BOTH => Some(3),
        LEVEL => Some(4),
        LANGUAGE => Some(5),
        CERTIFICATES => Some(6),
        _ => None,
    }
}

/// One seeker's pass: its counts, and the scored pairs a later step reads
/// again (the matches, the pairs some change could alter, the included ones).
struct Base<'a> {
    i: usize,
    pairs: Vec<Pair>,
    emps: Vec<(Pair, IscoCode)>,
    /// Indexes into `pairs` of those without an override that some change
    /// could turn into a match or re-score, by [`bucket`] of their knock-outs.
    /// The travel changes walk `moving` instead, so buckets 1 and 3 are only
    /// kept, never read.
    live: [Vec<u32>; BUCKETS],
    /// Indexes into `pairs` (of buckets 0–3, without an override) that a
    /// travel change could alter at all: see [`Scanner::moves_by_travel`].
    moving: Vec<u32>,
    /// Indexes into `pairs` (of `live[0]`) that a `skill:X` change could
    /// alter at all: see [`Scanner::moves_by_skill`].
    skilled: Vec<u32>,
    /// Indexes into `emps` of those without an override, not matched, that
    /// a travel change could turn into a match.
    emp_travel: Vec<u32>,
    /// The same for `level_up`.
    emp_level: Vec<u32>,
    /// Indexes into `pairs` of the included ones.
    included: Vec<u32>,
    /// Included employers (hidden jobs whatever their score).
    included_emps: u64,
    view: View,
    tally: Tally,
    cands: Candidates<'a>,
}

/// One seeker as the pass reads it: the view, where it is, how far its
/// changes reach, its per-seeker tables and its overrides.
struct Cx<'s> {
    i: u32,
    sid: &'s str,
    view: View,
    here: Geo,
    radius: f64,
    /// The farthest any tried change reaches (km), and its chord.
    band: Option<f64>,
    band_chord: f64,
    /// The chord of the seeker's own reach.
    reach_chord: f64,
    /// Chords within which the seeker surely arrives in time on its own:
    /// by some usable mode (for a vacancy without a start time), and by some
    /// usable mode other than transit (whose early-shift rule depends on the
    /// trip); see [`sure_km`].
    sure_chord: f64,
    sure_chord_no_transit: f64,
    /// The occupation component per vacancy ISCO code, the sector component per section.
    occ: Vec<f64>,
    sec: [f64; SECTORS],
    /// Per ISCO code and ESCO occupation of the vacancies: an alternative's.
    cand_isco: Vec<bool>,
    cand_esco: Vec<bool>,
    /// The seeker's vacancy overrides by index, ascending.
    vac_ov: Vec<(u32, Ov)>,
    emp_ov: &'s [(u32, Action)],
}

impl Cx<'_> {
    fn vacancy_ov(&self, j: u32) -> Ov {
        match self.vac_ov.binary_search_by_key(&j, |&(k, _)| k) {
            Ok(n) => self.vac_ov[n].1,
            Err(_) => Ov::None,
        }
    }

    fn employer_ov(&self, j: u32) -> Ov {
        match self.emp_ov.iter().find(|&&(k, _)| k == j) {
            Some(&(_, Action::Exclude)) => Ov::Excluded,
            Some(_) => Ov::Included,
            None => Ov::None,
        }
    }

    fn fixed(&self, v: &PVac) -> Fixed {
        Fixed { occupation: self.occ[usize::from(v.isco_ix)], sector: self.sec[usize::from(v.sector_ix)] }
    }
}

/// Where a vacancy is for the pass ([`Scanner::locate`]).
enum Place {
    Out,
    SurelyInReach,
    At(f64),
}

/// What a chunk of the pass gives: its kept pairs and its counts.
struct Chunk {
    pairs: Vec<Pair>,
    emps: Vec<(Pair, IscoCode)>,
    tally: Tally,
}

/// The overrides of one seeker, by vacancy and employer index.
#[derive(Debug, Default)]
struct SeekerOverrides {
    vacancies: Vec<(u32, Action)>,
    employers: Vec<(u32, Action)>,
}

/// Prepared populations for scanning seekers fast and exactly.
///
/// ```
/// use werkmatch_core::rank::Executor;
/// use werkmatch_core::scan::{reference, OccupationCatalogue, ScanConfig, ScanInput, Scanner};
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
/// let input = ScanInput::new(&seekers, &vacancies, &cat);
/// let scanner = Scanner::new(&cfg, &scfg, input, Executor::CurrentThread).unwrap();
/// let scan = scanner.scan(0);
/// assert_eq!(scan.matches, 0);
/// // Only the licence knock-out stands in the way: `car` and `licence` both lift it ("car" < "licence").
/// let listed: Vec<(String, u64)> = scan.unlocks.iter().map(|u| (u.change.id(), u.gained)).collect();
/// assert_eq!(listed, [("car".to_owned(), 1), ("licence".to_owned(), 1)]);
/// assert_eq!(vec![scan], reference::scan(&cfg, &scfg, input).unwrap());
/// ```
pub struct Scanner<'a> {
    cfg: &'a ScoringConfig,
    scfg: &'a ScanConfig,
    input: ScanInput<'a>,
    overrides: Overrides,
    /// Per seeker index with an override in effect: its overrides by index.
    by_seeker: HashMap<usize, SeekerOverrides>,
    prep: Prepared,
    thresholds: Thresholds,
    by_id: HashMap<&'a str, usize>,
    /// Seeker indexes in ascending id order.
    order: Vec<usize>,
    /// [`Scanner::scan_on`] splits a band of at least twice this many
    /// vacancies (or employers) into chunks of at least this many.
    min_chunk: usize,
}

impl std::fmt::Debug for Scanner<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner")
            .field("input", &self.input) // counts only
            .field("overrides", &self.overrides.len())
            .finish()
    }
}

impl<'a> Scanner<'a> {
    /// Prepares the populations; the competitors' rankings are computed with
    /// the kernel on `exec`. Fails on a repeated seeker or vacancy id.
    pub fn new(cfg: &'a ScoringConfig, scfg: &'a ScanConfig, input: ScanInput<'a>, exec: Executor<'_>) -> Result<Self> {
        Self::with_overrides(cfg, scfg, input, Overrides::none(), exec)
    }

    /// As [`Scanner::new`], honouring human overrides (AUDIT.md section 3;
    /// the reading is in docs/SCAN.md, reading 17). Decisions about
    /// ids that are not in the populations have no effect (the adapter
    /// reports them).
    pub fn with_overrides(
        cfg: &'a ScoringConfig,
        scfg: &'a ScanConfig,
        input: ScanInput<'a>,
        overrides: Overrides,
        exec: Executor<'_>,
    ) -> Result<Self> {
        let ScanInput { seekers, vacancies, employers, .. } = input;
        unique_ids(seekers)?;
        let thresholds = Thresholds::new(cfg, scfg, &overrides, seekers, vacancies, exec)?;
        let prep = Prepared::new(vacancies, employers);
        let by_id: HashMap<&str, usize> = seekers.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let mut by_seeker: HashMap<usize, SeekerOverrides> = HashMap::new();
        if !overrides.is_empty() {
            let v_at: HashMap<&str, u32> =
                vacancies.iter().enumerate().map(|(j, v)| (v.id.as_str(), j as u32)).collect();
            let e_at: HashMap<&str, u32> =
                employers.iter().enumerate().map(|(j, e)| (e.id.as_str(), j as u32)).collect();
            for (i, s) in seekers.iter().enumerate() {
                let mut mine = SeekerOverrides::default();
                for (list, action) in [
                    (overrides.excluded_vacancies_of(&s.id), Action::Exclude),
                    (overrides.included_vacancies_of(&s.id), Action::Include),
                ] {
                    mine.vacancies.extend(list.iter().filter_map(|v| Some((*v_at.get(v.as_str())?, action))));
                }
                for (list, action) in [
                    (overrides.excluded_employers_of(&s.id), Action::Exclude),
                    (overrides.included_employers_of(&s.id), Action::Include),
                ] {
                    mine.employers.extend(list.iter().filter_map(|e| Some((*e_at.get(e.as_str())?, action))));
                }
                if !mine.vacancies.is_empty() || !mine.employers.is_empty() {
                    by_seeker.insert(i, mine);
                }
            }
        }
        let mut order: Vec<usize> = (0..seekers.len()).collect();
        order.sort_by(|&a, &b| seekers[a].id.cmp(&seekers[b].id));
        Ok(Scanner { cfg, scfg, input, overrides, by_seeker, prep, thresholds, by_id, order, min_chunk: 4096 })
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
        par_map(&self.order, 1, one, exec)
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

    /// SCORING.md for one vacancy: knock-outs, travel (from the kept
    /// distance), mobility, level and hours from `view`; occupation and
    /// sector from `fixed`; skills from `skills` (component and hits) when
    /// given, else counted from `view`.
    ///
    /// With `lazy`, a pair whose knock-outs no single change can lift (no
    /// [`bucket`]) gets its knock-outs only: it is never a match, and the
    /// scan reads no component of it.
    fn eval(&self, view: &View, v: &PVac, d: f64, fixed: Fixed, skills: Option<(f64, u16, u16)>, lazy: bool) -> Eval {
        self.eval_with(view, v, d, fixed, self.fit(view, v), skills, None, lazy)
    }

    /// As [`Self::eval`], with the knock-outs other than travel and the level
    /// and hours components known (`fit`, as [`Self::fit`] gives them), and with
    /// `kept` (whether in travel reach, and the mobility component) when a
    /// pair is re-evaluated for a change that alters neither the usable
    /// modes nor the time limit: the travel time is then the same (it
    /// depends on the distance, the modes and the start time alone), so
    /// what the pass computed from it is reused, bit for bit.
    #[allow(clippy::too_many_arguments)]
    fn eval_with(
        &self,
        view: &View,
        v: &PVac,
        d: f64,
        fixed: Fixed,
        fit: Fit,
        skills: Option<(f64, u16, u16)>,
        kept: Option<(bool, f64)>,
        lazy: bool,
    ) -> Eval {
        let cfg = self.cfg;
        let (reach, mobility) = kept.unwrap_or_else(|| {
            let (t, reach) = self.travel(view, v, d);
            (reach, if reach { components::mobility(cfg, t, view.max_min) } else { 0.0 })
        });
        let mut ko = fit.ko;
        ko.insert_if(!reach, KnockOut::Travel);
        if lazy && bucket(ko).is_none() {
            return Eval { ko, comps: Components::default(), e_hit: 0, o_hit: 0 };
        }
        let (skills, e_hit, o_hit) = skills.unwrap_or_else(|| {
            let (ess, opt) = (v.ess(&self.prep.lists), v.opt(&self.prep.lists));
            let e_hit = ess.iter().filter(|&&x| view.skills[x as usize]).count();
            let o_hit = opt.iter().filter(|&&x| view.skills[x as usize]).count();
            let c = components::skills(cfg, e_hit, ess.len(), o_hit, opt.len(), fixed.occupation);
            (c, e_hit as u16, o_hit as u16)
        });
        let comps = Components {
            skills,
            occupation: fixed.occupation,
            level: fit.level.unwrap_or(0.0),
            mobility,
            sector: fixed.sector,
            hours: fit.hours.unwrap_or(0.0),
        };
        Eval { ko, comps, e_hit, o_hit }
    }

    /// The pair's knock-outs other than travel, with the level and hours
    /// components they come from (computed once per pair and view).
    fn fit(&self, view: &View, v: &PVac) -> Fit {
        let gap = i32::from(v.lv) - i32::from(view.ls);
        let level = components::level(self.cfg, gap, v.training);
        let hours = components::hours(view.hours, v.hours);
        let mut ko = KnockOuts::NONE;
        ko.insert_if(level.is_none(), KnockOut::LevelGap);
        ko.insert_if(hours.is_none(), KnockOut::Hours);
        ko.insert_if(v.licence && !view.licence, KnockOut::Licence);
        ko.insert_if(view.dutch < v.dutch, KnockOut::Language);
        ko.insert_if(v.load > view.carry, KnockOut::Physical);
        ko.insert_if(v.certs(&self.prep.lists).iter().any(|&c| !view.certs[c as usize]), KnockOut::Certificates);
        ko.insert_if(v.target && !view.target, KnockOut::TargetGroup);
        Fit { ko, level, hours }
    }

    /// An employer scored as SCORING.md section 5's vacancy (skills =
    /// occupation, hours 0–60).
    fn eval_employer(&self, view: &View, e: &Employer, isco: IscoCode, d: f64, fixed: Fixed) -> Eval {
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
        let comps = Components {
            skills: components::skills(cfg, 0, 0, 0, 0, fixed.occupation),
            occupation: fixed.occupation,
            level: level.unwrap_or(0.0),
            mobility,
            sector: fixed.sector,
            hours: hours.unwrap_or(0.0),
        };
        Eval { ko, comps, e_hit: 0, o_hit: 0 }
    }

    /// [`score::best_occupation`] from the seeker's occupation table (the
    /// same values and the same order of preference), with its proximity.
    ///
    /// The codes are kept in that order of preference for equal proximity
    /// ([`Prepared::emp_codes`]), so the first of the highest is the one.
    fn best_occupation(&self, occ: &[f64], e: usize) -> Option<(IscoCode, f64)> {
        let mut best: Option<(u16, f64)> = None;
        for &ix in self.prep.emp_codes[e].iter() {
            let p = occ[usize::from(ix)];
            if best.is_none_or(|(_, b)| p.total_cmp(&b).is_gt()) {
                best = Some((ix, p));
            }
        }
        best.map(|(ix, p)| (self.prep.iscos[usize::from(ix)], p))
    }

    /// The sector component for a sector table index, as `eval` of the pair scorer computes it.
    fn sector_of(&self, view: &View, n: Option<Nace>) -> f64 {
        components::sector(
            self.cfg,
            n.is_some(),
            n.is_some_and(|n| view.preferred.contains(&n)),
            n.is_some_and(|n| view.experienced.contains(&n)),
            view.preferred.is_empty() && view.experienced.is_empty(),
        )
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
        let base = self.base(i, Executor::CurrentThread);
        self.outcome(&base, change.clone())
    }

    /// Adds one revisited pair's change (knock-outs `ko`, score `total`
    /// under the change) to `u`.
    fn tally(&self, i: u32, sid: &str, u: &mut Unlock, p: &Pair, ko: KnockOuts, total: f64) {
        let m = p.ov == Ov::Included || (ko.is_empty() && self.scfg.is_match(total));
        let c = m
            && if p.matched && ko == p.ko && total.to_bits() == p.total.to_bits() {
                p.competitive
            } else {
                self.thresholds.competitive(self.input.seekers, p.idx as usize, i, sid, total, ko.is_empty())
            };
        u.gained += u64::from(m && !p.matched);
        u.lost += u64::from(p.matched && !m);
        u.competitive_gained += u64::from(c && !p.competitive);
    }

    /// Every `skill:X` change of `changes` at once (the others are left to
    /// [`Self::outcome`]), in one walk over the knock-out-free pairs: a pair
    /// is revisited for each tried X its vacancy lists, with one more hit.
    /// The same pairs and the same arithmetic as `outcome` for one X.
    fn skill_outcomes(&self, base: &Base, changes: &[Change]) -> Vec<Option<Unlock>> {
        let (cfg, prep) = (self.cfg, &self.prep);
        let s = &self.input.seekers[base.i];
        let (i, sid) = (base.i as u32, s.id.as_str());
        let mut out: Vec<Option<Unlock>> = changes
            .iter()
            .map(|c| {
                c.apply(s)?;
                Some(Unlock {
                    gained: 0,
                    lost: 0,
                    competitive_gained: 0,
                    hidden_gained: 0,
                    matches_after: 0,
                    change: c.clone(),
                })
            })
            .collect();
        // Per interned skill: the index of its change, or u8::MAX.
        let mut which = vec![u8::MAX; prep.skills.len()];
        for (n, c) in changes.iter().enumerate() {
            if let (Change::Skill(x), Some(_)) = (c, &out[n]) {
                if let Some(x) = prep.skills.get(x) {
                    which[x as usize] = u8::try_from(n).unwrap_or_else(|_| unreachable!("at most 255 skill changes"));
                }
            }
        }
        for &k in &base.skilled {
            let p = &base.pairs[k as usize];
            let pv = &prep.vac[p.idx as usize];
            let (e, o) = (usize::from(p.e_hit), usize::from(p.o_hit));
            let (ess, opt) = (pv.ess(&prep.lists), pv.opt(&prep.lists));
            let (ne, no) = (ess.len(), opt.len());
            for (&x, essential) in ess.iter().map(|x| (x, true)).chain(opt.iter().map(|x| (x, false))) {
                let n = which[x as usize];
                if n == u8::MAX {
                    continue;
                }
                let Some(u) = out[usize::from(n)].as_mut() else { continue };
                let (e, o) = if essential { (e + 1, o) } else { (e, o + 1) };
                let skills = components::skills(cfg, e, ne, o, no, p.comps.occupation);
                self.tally(i, sid, u, p, p.ko, Components { skills, ..p.comps }.total(cfg));
            }
        }
        for (n, c) in changes.iter().enumerate() {
            let Some(u) = out[n].as_mut() else { continue };
            if !base.included.is_empty() {
                let tv = View::of(&c.apply(s).unwrap_or_else(|| unreachable!("applied above")), prep);
                for &k in &base.included {
                    let p = &base.pairs[k as usize];
                    let ev = self.eval(&tv, &prep.vac[p.idx as usize], p.d, Fixed::of(&p.comps), None, false);
                    self.tally(i, sid, u, p, ev.ko, ev.comps.total(cfg));
                }
            }
            u.matches_after = base.tally.matches + u.gained - u.lost;
        }
        out
    }

    fn outcome(&self, base: &Base, change: Change) -> Option<Unlock> {
        let (cfg, scfg, prep) = (self.cfg, self.scfg, &self.prep);
        let (i, pairs) = (base.i, &base.pairs);
        let s = &self.input.seekers[i];
        let sid = s.id.as_str();
        let t = change.apply(s)?;
        let tv = View::of(&t, prep);
        let kind = change.clone();
        let mut u = Unlock { gained: 0, lost: 0, competitive_gained: 0, hidden_gained: 0, matches_after: 0, change };
        let mut tally = |p: &Pair, ko: KnockOuts, total: f64| self.tally(i as u32, sid, &mut u, p, ko, total);
        // `level_up`, `dutch_*`, `certificate:X` (and `licence` without a
        // car) leave the travel time as it is (see [`Self::eval_with`]).
        let same_travel = tv.usable == base.view.usable && tv.max_min.to_bits() == base.view.max_min.to_bits();
        let full = |p: &Pair, recount: bool| {
            let prior = (!recount).then_some((p.comps.skills, p.e_hit, p.o_hit));
            let kept = same_travel.then(|| (!p.ko.contains(KnockOut::Travel), p.comps.mobility));
            let v = &prep.vac[p.idx as usize];
            let ev = self.eval_with(&tv, v, p.d, Fixed::of(&p.comps), self.fit(&tv, v), prior, kept, false);
            (ev.ko, ev.comps.total(cfg))
        };
        let car_listed = s.mobility.modes().contains(TravelMode::Car);
        // Which buckets of knock-outs the change can alter (see [`bucket`]);
        // the travel changes revisit only the pairs they can move at all.
        let (revisit, travel_buckets, employers): (&[usize], usize, &[u32]) = match &kind {
            Change::Licence if !car_listed => (&[2], 0, &[]),
            Change::Licence | Change::Car => (&[], 4, &base.emp_travel),
            Change::Ebike | Change::TravelPlus15 => (&[], 2, &base.emp_travel),
            Change::LevelUp => (&[0, 4], 0, &base.emp_level),
            Change::Dutch(_) => (&[5], 0, &[]),
            Change::Certificate(_) => (&[6], 0, &[]),
            Change::Skill(_) => (&[], 0, &[]),
        };
        for &b in revisit {
            for &k in &base.live[b] {
                let p = &pairs[k as usize];
                let (ko, total) = full(p, false);
                tally(p, ko, total);
            }
        }
        for &k in &base.moving {
            let p = &pairs[k as usize];
            if bucket(p.ko).is_some_and(|b| b < travel_buckets) {
                let (ko, total) = full(p, false);
                tally(p, ko, total);
            }
        }
        if let Change::Skill(x) = &kind {
            // One more hit, essential or optional, on the knock-out-free
            // pairs of the vacancies listing X; nothing else changes. The
            // others of bucket 0 are below θ even with one more hit of each
            // kind (not live), and so no match before or after.
            if let Some(x) = prep.skills.get(x) {
                for &k in &base.live[0] {
                    let p = &pairs[k as usize];
                    let pv = &prep.vac[p.idx as usize];
                    let (mut e, mut o) = (usize::from(p.e_hit), usize::from(p.o_hit));
                    if pv.ess(&prep.lists).binary_search(&x).is_ok() {
                        e += 1;
                    } else if pv.opt(&prep.lists).binary_search(&x).is_ok() {
                        o += 1;
                    } else {
                        continue;
                    }
                    let (ne, no) = pv.counts();
                    let skills = components::skills(cfg, e, ne, o, no, p.comps.occupation);
                    tally(p, p.ko, Components { skills, ..p.comps }.total(cfg));
                }
            }
        }
        // Included pairs: in M whatever happens, but their place in the
        // vacancy's list may move under any change.
        for &k in &base.included {
            let p = &pairs[k as usize];
            let (ko, total) = full(p, true);
            tally(p, ko, total);
        }
        for &k in employers {
            let (p, isco) = &base.emps[k as usize];
            let e = &self.input.employers[p.idx as usize];
            let ev = self.eval_employer(&tv, e, *isco, p.d, Fixed::of(&p.comps));
            u.hidden_gained += u64::from(ev.ko.is_empty() && scfg.is_match(ev.comps.total(cfg)));
        }
        u.matches_after = base.tally.matches + u.gained - u.lost;
        Some(u)
    }

    /// A bound on the pair's total under any single change: mobility 1, the
    /// level one step up, one more essential and one more optional skill.
    /// A pair below θ by it can match under no change and is not revisited.
    /// (`comps` and the hits are the pair's; its level and mobility are not read.)
    fn upper_bound(&self, v: &PVac, view: &View, comps: &Components, e_hit: u16, o_hit: u16) -> f64 {
        let cfg = self.cfg;
        let gap = i32::from(v.lv) - i32::from(view.ls);
        let level = level_now_or_up(cfg, gap, v.training);
        let (ne, no) = v.counts();
        let (e_hit, o_hit) = (usize::from(e_hit), usize::from(o_hit));
        let skills = components::skills(cfg, (e_hit + 1).min(ne), ne, (o_hit + 1).min(no), no, comps.occupation);
        Components { skills, level, mobility: 1.0, ..*comps }.total(cfg)
    }

    /// Whether some travel change (`car`, `licence`, `ebike`,
    /// `travel_plus_15`) could alter what pair `p` adds to a count. Such a
    /// change lowers the travel time or raises the limit, so it only lifts
    /// the travel (and, with a licence, the licence) knock-out and raises
    /// mobility, nothing else; the total is monotone in mobility (weights
    /// are not negative, and rounding is monotone). Hence a match that is
    /// already competitive stays both, a pair at mobility 1 without
    /// knock-outs stays as it is, and a pair below θ even at mobility 1
    /// stays below it.
    fn moves_by_travel(&self, p: &Pair) -> bool {
        if p.ov != Ov::None || bucket(p.ko).is_none_or(|b| b > 3) {
            return false;
        }
        if p.ko.is_empty() && p.comps.mobility >= 1.0 {
            return false;
        }
        if p.matched {
            return !p.competitive;
        }
        self.scfg.is_match(p.total_at_full_mobility(self.cfg) + 1e-9)
    }

    /// Whether some `skill:X` change could alter what a knock-out-free pair
    /// `p` adds to a count (the batch of [`Self::skill_outcomes`]; `what_if`
    /// walks all of `live[0]`, so the oracle test compares the two). One
    /// more skill only raises the skills component, and the total is
    /// monotone in it: a competitive match stays both, and a pair below θ
    /// even with one more hit of each kind stays below it.
    fn moves_by_skill(&self, p: &Pair) -> bool {
        if p.matched {
            return !p.competitive;
        }
        let v = &self.prep.vac[p.idx as usize];
        let (ne, no) = v.counts();
        let (e, o) = (usize::from(p.e_hit), usize::from(p.o_hit));
        let skills = components::skills(self.cfg, (e + 1).min(ne), ne, (o + 1).min(no), no, p.comps.occupation);
        self.scfg.is_match(Components { skills, ..p.comps }.total(self.cfg) + 1e-9)
    }

    /// A bound on an employer pair's total under `level_up` (which alters
    /// the level alone): the level now or one step up, whichever is more.
    fn level_bound_employer(&self, isco: IscoCode, training: bool, view: &View, p: &Pair) -> f64 {
        let cfg = self.cfg;
        let gap = i32::from(isco.skill_level().get()) - i32::from(view.ls);
        let level = level_now_or_up(cfg, gap, training);
        Components { level, ..p.comps }.total(cfg)
    }

    /// The pass of seeker `i`: every vacancy and employer in its travel band
    /// (and every overridden one), scored and counted; with `split`, a large
    /// band in chunks on that executor's threads, merged in index order (so
    /// the same pairs in the same order, and the same counts).
    fn base(&self, i: usize, split: Executor<'_>) -> Base<'a> {
        let prep = &self.prep;
        let s = &self.input.seekers[i];
        let view = View::of(s, prep);
        let cands = candidates(self.scfg, s, view.ls, self.input.catalogue);
        let cx = self.context(i, view, &cands);

        let lat_deg = |km: f64| km / (cx.radius * std::f64::consts::PI / 180.0) * (1.0 + 1e-9);
        let mut near: Vec<u32> = Vec::new();
        match cx.band {
            Some(r) => prep.vac_band.around(s.location.lat(), lat_deg(r), &mut near),
            None => near.extend(&prep.vac_band.siteless),
        }
        if !cx.vac_ov.is_empty() {
            // Overridden vacancies are visited wherever they are.
            near.extend(cx.vac_ov.iter().map(|&(j, _)| j));
            near.sort_unstable();
            near.dedup();
        }
        // In index order (as `around` gives them; `siteless` is ascending).
        debug_assert!(near.windows(2).all(|w| w[0] < w[1]));
        let mut near_e: Vec<u32> = Vec::new();
        if let Some(r) = cx.band {
            prep.emp_band.around(s.location.lat(), lat_deg(r), &mut near_e);
        }

        let vac_chunks = self.chunked(split, &near, |js| self.pass_vacancies(&cx, js));
        let emp_chunks = self.chunked(split, &near_e, |js| self.pass_employers(&cx, js));
        let mut chunks = vac_chunks.into_iter().chain(emp_chunks);
        let mut all = chunks.next().unwrap_or_else(|| unreachable!("one chunk at least"));
        for c in chunks {
            all.pairs.extend(c.pairs);
            all.emps.extend(c.emps);
            all.tally.append(c.tally);
        }
        let Chunk { pairs, emps, tally } = all;
        let view = cx.view;

        let mut live: [Vec<u32>; BUCKETS] = Default::default();
        let mut included = Vec::new();
        for (k, p) in pairs.iter().enumerate() {
            if p.ov == Ov::Included {
                included.push(k as u32);
            }
            if let Some(b) = bucket(p.ko).filter(|_| p.live) {
                live[b].push(k as u32);
            }
        }
        let moving = (0..pairs.len() as u32).filter(|&k| self.moves_by_travel(&pairs[k as usize])).collect();
        let skilled = live[0].iter().copied().filter(|&k| self.moves_by_skill(&pairs[k as usize])).collect();
        let emp_travel =
            (0..emps.len() as u32).filter(|&k| emp_moves_by_travel(self.cfg, self.scfg, &emps[k as usize].0)).collect();
        let emp_level = (0..emps.len() as u32).filter(|&k| self.emp_moves_by_level(&view, &emps[k as usize])).collect();
        // Included employers are hidden jobs wherever they are (counted apart, never gained).
        let included_emps = cx.emp_ov.iter().filter(|&&(_, a)| a == Action::Include).count() as u64;
        Base {
            i,
            pairs,
            emps,
            live,
            moving,
            skilled,
            emp_travel,
            emp_level,
            included,
            included_emps,
            view,
            tally,
            cands,
        }
    }

    /// The seeker's context for the pass.
    fn context<'s>(&'s self, i: usize, view: View, cands: &Candidates<'_>) -> Cx<'s> {
        let (cfg, prep) = (self.cfg, &self.prep);
        let s = &self.input.seekers[i];
        let band = self.band_km(s);
        let radius = cfg.travel.earth_radius_km;
        let own_reach = cfg.travel.reach_km(view.usable, view.max_min).map(|r| r * (1.0 + 1e-9) + 1e-9);
        let occ = prep.iscos.iter().map(|&c| components::occupation(cfg, c, view.codes.iter().copied())).collect();
        let mut sec = [0.0; SECTORS];
        for (ix, slot) in sec.iter_mut().enumerate() {
            *slot = self.sector_of(&view, nace_at(ix));
        }
        let mut cand_esco = vec![false; prep.escos.len()];
        for id in &cands.ids {
            if let Some(k) = prep.escos.get(id) {
                cand_esco[k as usize] = true;
            }
        }
        let mine = self.by_seeker.get(&i);
        let mut vac_ov: Vec<(u32, Ov)> = mine
            .map_or(&[][..], |m| &m.vacancies[..])
            .iter()
            .map(|&(j, a)| (j, if a == Action::Exclude { Ov::Excluded } else { Ov::Included }))
            .collect();
        vac_ov.sort_unstable_by_key(|&(j, _)| j);
        Cx {
            i: i as u32,
            sid: s.id.as_str(),
            here: Geo::of(s.location),
            radius,
            band,
            band_chord: band.map_or(-1.0, |r| chord_limit(r, radius)),
            reach_chord: own_reach.map_or(-1.0, |r| chord_limit(r, radius)),
            sure_chord: sure_km(&cfg.travel, view.usable, view.max_min, true).map_or(-1.0, |r| chord_within(r, radius)),
            sure_chord_no_transit: sure_km(&cfg.travel, view.usable, view.max_min, false)
                .map_or(-1.0, |r| chord_within(r, radius)),
            occ,
            sec,
            cand_isco: prep.iscos.iter().map(|c| cands.iscos.contains(c)).collect(),
            cand_esco,
            vac_ov,
            emp_ov: mine.map_or(&[][..], |m| &m.employers[..]),
            view,
        }
    }

    /// `f` on `items` whole, or with `split` on chunks of them in parallel
    /// (results in the chunks' order) when there are enough to share.
    fn chunked<R: Send>(&self, exec: Executor<'_>, items: &[u32], f: impl Fn(&[u32]) -> R + Sync) -> Vec<R> {
        if exec.threads() <= 1 || items.len() < 2 * self.min_chunk {
            return vec![f(items)];
        }
        let size = items.len().div_ceil(2 * exec.threads()).max(self.min_chunk.max(1));
        let chunks: Vec<&[u32]> = items.chunks(size).collect();
        par_map(&chunks, 1, |c| f(c), exec)
    }

    /// The pass over some vacancies (ascending indexes): each in reach of
    /// some change scored, counted, and kept when a later step reads it.
    fn pass_vacancies(&self, cx: &Cx<'_>, js: &[u32]) -> Chunk {
        let prep = &self.prep;
        // About a third of the band is kept (docs/SCAN.md).
        let pairs = Vec::with_capacity(js.len() / 3);
        let mut out = Chunk { pairs, emps: Vec::new(), tally: Tally::new(prep.certs.len(), prep.skills.len()) };
        for &j in js {
            let ov = cx.vacancy_ov(j);
            if ov == Ov::Excluded {
                continue; // in no count of the scan (docs/SCAN.md, reading 17)
            }
            let v = &prep.vac[j as usize];
            if ov == Ov::None && v.site.is_some() && cx.here.clearly_beyond(v.geo, cx.band_chord) {
                continue; // out of reach of every view (first: the cheapest test)
            }
            let (fit, fixed) = (self.fit(&cx.view, v), cx.fixed(v));
            let fixed_ko = fit.ko;
            // No single change lifts its knock-outs (travel aside): the scan
            // only reads whether it is in travel reach. (Also taking the
            // pairs below the near band by `upper_bound` without the distance
            // cost more in skill counts than it saved in distances.)
            let reach_only = ov == Ov::None && bucket(fixed_ko).is_none();
            let d = match v.site {
                None => 0.0,
                Some(_) if ov == Ov::Included => cx.here.km(v.geo, cx.radius),
                Some(_) => match self.locate(cx, v, fixed_ko, reach_only) {
                    Place::Out => continue,
                    Place::SurelyInReach => {
                        self.count_vacancy(cx, &Pair::reach_only(j, fixed_ko), &mut out.tally);
                        continue;
                    }
                    Place::At(d) => d,
                },
            };
            let p = self.score_pair(cx, j, d, fixed, fit, ov);
            self.count_vacancy(cx, &p, &mut out.tally);
            if p.matched || p.live || p.ov == Ov::Included {
                out.pairs.push(p);
            }
        }
        out
    }

    /// Where a vacancy with a site is for the pass, its knock-outs other
    /// than travel being `fixed_ko`:
    /// - out: beyond every change's reach (the chord test is the pass's own,
    ///   before the knock-outs), or beyond the seeker's own reach
    ///   with a knock-out besides travel that no single change lifts together
    ///   with it (all but `licence`): no match under any change, not
    ///   reachable, so nothing of the scan reads it;
    /// - surely in reach: only its reach is read (`reach_only`: no single
    ///   change lifts its knock-outs, travel aside), and it is surely within
    ///   the reach of a usable mode (transit only when the vacancy has no start time): no
    ///   distance;
    /// - else at its distance.
    #[inline]
    fn locate(&self, cx: &Cx<'_>, v: &PVac, fixed_ko: KnockOuts, reach_only: bool) -> Place {
        if cx.here.clearly_beyond(v.geo, cx.reach_chord) && !within(fixed_ko, &[KnockOut::Licence]) {
            return Place::Out;
        }
        if reach_only {
            let sure = if v.start.is_none() { cx.sure_chord } else { cx.sure_chord_no_transit };
            if cx.here.clearly_within(v.geo, sure) {
                return Place::SurelyInReach;
            }
        }
        let d = cx.here.km(v.geo, cx.radius);
        match cx.band {
            Some(r) if d <= r => Place::At(d),
            _ => Place::Out,
        }
    }

    /// Vacancy `j` at distance `d`, scored for the seeker as it is.
    /// Overridden pairs are scored in full (an included one is a match
    /// whatever it scores); the others lazily (see [`Self::eval`]).
    #[inline]
    fn score_pair(&self, cx: &Cx<'_>, j: u32, d: f64, fixed: Fixed, fit: Fit, ov: Ov) -> Pair {
        let (cfg, scfg) = (self.cfg, self.scfg);
        let v = &self.prep.vac[j as usize];
        let ev = self.eval_with(&cx.view, v, d, fixed, fit, None, None, ov == Ov::None);
        let total = ev.comps.total(cfg);
        let matched = ov == Ov::Included || (ov == Ov::None && ev.ko.is_empty() && scfg.is_match(total));
        let competitive = matched
            && self.thresholds.competitive(self.input.seekers, j as usize, cx.i, cx.sid, total, ev.ko.is_empty());
        let mut p = Pair {
            idx: j,
            d,
            comps: ev.comps,
            ko: ev.ko,
            total,
            e_hit: ev.e_hit,
            o_hit: ev.o_hit,
            matched,
            competitive,
            live: false,
            ov,
        };
        p.live = ov == Ov::None
            && bucket(p.ko).is_some()
            && scfg.is_match(self.upper_bound(v, &cx.view, &p.comps, p.e_hit, p.o_hit) + 1e-9);
        p
    }

    /// Adds a vacancy (not excluded; scored, or [`Pair::reach_only`]) to the position, the near-match
    /// gaps, and, when it is in travel reach, the certificates and skills
    /// to try and the alternatives' demand.
    #[inline]
    fn count_vacancy(&self, cx: &Cx<'_>, p: &Pair, t: &mut Tally) {
        let (v, pv) = (&self.input.vacancies[p.idx as usize], &self.prep.vac[p.idx as usize]);
        let view = &cx.view;
        if p.matched {
            t.matches += 1;
            t.competitive += u64::from(p.competitive);
            t.positions += u64::from(v.positions.get());
            *t.by_lv.entry(pv.lv).or_default() += 1;
            t.by_sec[usize::from(pv.sector_ix)] += 1;
        }
        // Overridden pairs are no near matches.
        if p.ov == Ov::None && p.ko.is_empty() && self.scfg.is_near(p.total) {
            for &x in pv.ess(&self.prep.lists).iter().filter(|&&x| !view.skills[x as usize]) {
                t.near_gaps[x as usize] += 1;
            }
        }
        if !p.ko.contains(KnockOut::Travel) {
            for &c in pv.certs(&self.prep.lists) {
                t.certs[c as usize] |= !view.certs[c as usize];
            }
            for &x in pv.ess(&self.prep.lists).iter().filter(|&&x| !view.skills[x as usize]) {
                t.asked[x as usize] += 1;
            }
            if cx.cand_isco[usize::from(pv.isco_ix)] || pv.esco.is_some_and(|k| cx.cand_esco[k as usize]) {
                t.reach.vacancy(p.idx, pv);
            }
        }
    }

    /// The pass over some employers (ascending indexes) in the band:
    /// scored, counted, kept when matched or some change could match them.
    fn pass_employers(&self, cx: &Cx<'_>, js: &[u32]) -> Chunk {
        let (cfg, scfg, prep) = (self.cfg, self.scfg, &self.prep);
        let mut out = Chunk { pairs: Vec::new(), emps: Vec::new(), tally: Tally::new(0, 0) };
        for &j in js {
            let e = &self.input.employers[j as usize];
            let geo = prep.emp_geo[j as usize];
            if cx.here.clearly_beyond(geo, cx.band_chord) {
                continue;
            }
            let ov = cx.employer_ov(j);
            let Some((isco, occupation)) = self.best_occupation(&cx.occ, j as usize) else { continue };
            let fixed = Fixed { occupation, sector: cx.sec[usize::from(sector_ix(Some(e.sector)))] };
            if ov == Ov::None && !scfg.is_match(self.employer_bound(&cx.view, e, isco, fixed) + 1e-9) {
                // A hidden job under no change: only its reach is read.
                let codes = &prep.emp_codes[j as usize];
                if codes.iter().any(|&ix| cx.cand_isco[usize::from(ix)]) && self.employer_in_reach(cx, geo) {
                    out.tally.reach.employer(codes);
                }
                continue;
            }
            let d = cx.here.km(geo, cx.radius);
            if cx.band.is_none_or(|r| d > r) {
                continue;
            }
            let ev = self.eval_employer(&cx.view, e, isco, d, fixed);
            let total = ev.comps.total(cfg);
            let matched = ov == Ov::None && ev.ko.is_empty() && scfg.is_match(total);
            out.tally.hidden += u64::from(matched);
            let codes = &prep.emp_codes[j as usize];
            if ov != Ov::Excluded
                && !ev.ko.contains(KnockOut::Travel)
                && codes.iter().any(|&ix| cx.cand_isco[usize::from(ix)])
            {
                out.tally.reach.employer(codes);
            }
            let p = Pair {
                idx: j,
                d,
                comps: ev.comps,
                ko: ev.ko,
                total,
                e_hit: 0,
                o_hit: 0,
                matched,
                competitive: false,
                live: false,
                ov,
            };
            if matched || emp_moves_by_travel(cfg, scfg, &p) || self.emp_moves_by_level(&cx.view, &(p, isco)) {
                out.emps.push((p, isco));
            }
        }
        out
    }

    /// A bound on an employer pair's total under the seeker and every
    /// change, without its distance: mobility 1 (the travel changes alter
    /// mobility alone) and the level now or one step up (`level_up`), the
    /// rest as [`Self::eval_employer`] computes it.
    fn employer_bound(&self, view: &View, e: &Employer, isco: IscoCode, fixed: Fixed) -> f64 {
        let cfg = self.cfg;
        let gap = i32::from(isco.skill_level().get()) - i32::from(view.ls);
        let level = level_now_or_up(cfg, gap, e.offers_training);
        let hours = components::hours(view.hours, HoursRange::new(0, 60).unwrap_or_default());
        Components {
            skills: components::skills(cfg, 0, 0, 0, 0, fixed.occupation),
            occupation: fixed.occupation,
            level,
            mobility: 1.0,
            sector: fixed.sector,
            hours: hours.unwrap_or(0.0),
        }
        .total(cfg)
    }

    /// Whether an employer at `geo` passes the travel knock-out for the
    /// seeker as it is (as [`Self::eval_employer`] decides it), its
    /// distance computed only when the chords leave it open.
    fn employer_in_reach(&self, cx: &Cx<'_>, geo: Geo) -> bool {
        if cx.here.clearly_within(geo, cx.sure_chord) {
            return true;
        }
        if cx.here.clearly_beyond(geo, cx.reach_chord) {
            return false;
        }
        let t = self.cfg.travel.fastest(cx.here.km(geo, cx.radius), cx.view.usable, None).minutes;
        within_limit(t, cx.view.max_min)
    }

    /// Whether `level_up` could turn an employer into a hidden job: not one
    /// yet, no override, no knock-out but the level gap, and a bound on the
    /// total under it (which alters the level alone) reaching θ.
    fn emp_moves_by_level(&self, view: &View, (p, isco): &(Pair, IscoCode)) -> bool {
        let training = self.input.employers[p.idx as usize].offers_training;
        p.ov == Ov::None
            && !p.matched
            && within(p.ko, &[KnockOut::LevelGap])
            && self.scfg.is_match(self.level_bound_employer(*isco, training, view, p) + 1e-9)
    }

    /// The scan of seeker `i` (an index into the seekers given), on the
    /// calling thread.
    pub fn scan(&self, i: usize) -> SeekerScan {
        self.scan_split(i, Executor::CurrentThread)
    }

    /// The scan of seeker `i`, its pass split over `exec`'s threads when its
    /// band is large (a seeker who may travel far, in a large population),
    /// and its changes evaluated in parallel: for one seeker's scan on
    /// demand. The same result as [`Scanner::scan`], whatever the threads.
    /// [`Scanner::scan_all`] does not split (it is parallel over seekers).
    pub fn scan_on(&self, i: usize, exec: Executor<'_>) -> SeekerScan {
        self.scan_split(i, exec)
    }

    /// As it is, with chunks of at least `n` vacancies or employers for
    /// [`Scanner::scan_on`] (4,096 by default; 1 splits every band).
    pub fn with_min_chunk(mut self, n: usize) -> Self {
        self.min_chunk = n.max(1);
        self
    }

    fn scan_split(&self, i: usize, split: Executor<'_>) -> SeekerScan {
        let (scfg, prep) = (self.scfg, &self.prep);
        let s = &self.input.seekers[i];
        let base = self.base(i, split);
        let t = &base.tally;
        let matches = base.tally.matches;
        let mut by_sector: BTreeMap<String, u64> = BTreeMap::new();
        for (ix, &n) in t.by_sec.iter().enumerate().filter(|(_, &n)| n > 0) {
            let name = nace_at(ix).map_or_else(|| "unknown".to_owned(), |n| n.letter().to_string());
            by_sector.insert(name, n);
        }
        let hidden = t.hidden + base.included_emps;
        let best = self.best(s, &base);

        // Changes.
        let skills_asked: Vec<(&str, usize)> =
            t.asked.iter().enumerate().filter(|(_, &n)| n > 0).map(|(x, &n)| (prep.skills.name(x as u32), n)).collect();
        let mut certs: Vec<&str> =
            t.certs.iter().enumerate().filter(|(_, &c)| c).map(|(c, _)| prep.certs.name(c as u32)).collect();
        certs.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        let changes = assemble(s, certs, skills_asked, scfg.max_skill_changes());
        let (skill_changes, others): (Vec<Change>, Vec<Change>) =
            changes.iter().cloned().partition(|c| matches!(c, Change::Skill(_)));
        let (by_skill, by_other) = join(
            split,
            || self.skill_outcomes(&base, &skill_changes),
            || par_map(&others, 1, |c| self.outcome(&base, c.clone()), split),
        );
        let (mut by_skill, mut by_other) = (by_skill.into_iter(), by_other.into_iter());
        // Back in the order of `changes`.
        let tried: Vec<Unlock> = changes
            .iter()
            .filter_map(|c| if matches!(c, Change::Skill(_)) { by_skill.next() } else { by_other.next() }.flatten())
            .collect();
        let mut unlocks: Vec<Unlock> = tried.iter().filter(|u| u.is_listed()).cloned().collect();
        unlocks.sort_by(|a, b| b.gained.cmp(&a.gained).then_with(|| a.change.id().cmp(&b.change.id())));

        let Base { tally, cands, view, .. } = base;
        SeekerScan {
            seeker: s.id.clone(),
            level: view.ls,
            education: s.education,
            matches,
            positions: tally.positions,
            hidden,
            competitive: tally.competitive,
            by_level: tally.by_lv,
            by_sector,
            demand_share: if self.input.vacancies.is_empty() {
                0.0
            } else {
                matches as f64 / self.input.vacancies.len() as f64
            },
            unlocks,
            alternatives: rank_with(scfg, view.ls, self.input.catalogue, cands, |t, missing| {
                tally.reach.demand(prep, t, missing)
            }),
            best,
            tried,
            near_gaps: (tally.near_gaps.iter().enumerate())
                .filter(|&(_, &n)| n > 0)
                .map(|(x, &n)| (prep.skills.name(x as u32).to_owned(), n))
                .collect(),
        }
    }

    /// `best`: the top-k matches in ranking order, with the included pairs
    /// listed as the overridden rankings list them (merged by score when they
    /// pass the knock-outs, even beyond k; after the rest otherwise).
    fn best(&self, s: &Jobseeker, base: &Base) -> BestMatches {
        let (cfg, scfg) = (self.cfg, self.scfg);
        let vac_items: Vec<Listing> = base
            .pairs
            .iter()
            .filter(|p| p.matched)
            .map(|p| Listing { idx: p.idx, score: p.total, included: p.ov == Ov::Included, ko: p.ko })
            .collect();
        let mut emp_items: Vec<Listing> = base
            .emps
            .iter()
            .filter(|(p, _)| p.matched)
            .map(|(p, _)| Listing { idx: p.idx, score: p.total, included: false, ko: p.ko })
            .collect();
        // Included employers, in the band or not, as the pair scorer scores them.
        for &(j, action) in self.by_seeker.get(&base.i).map_or(&[][..], |m| &m.employers[..]) {
            if action == Action::Include {
                let ev = score::evaluate_employer(cfg, s, &self.input.employers[j as usize]);
                let (score, ko) = ev.map_or((0.0, KnockOuts::NONE), |ev| (ev.total, ev.knockouts));
                emp_items.push(Listing { idx: j, score, included: true, ko });
            }
        }
        let vid = |j: u32| self.input.vacancies[j as usize].id.as_str();
        let eid = |j: u32| self.input.employers[j as usize].id.as_str();
        BestMatches {
            vacancies: listed(vac_items, scfg, vid)
                .into_iter()
                .map(|m| {
                    let v = &self.input.vacancies[m.idx as usize];
                    Best {
                        id: v.id.clone(),
                        score: m.score,
                        included: m.included,
                        explanation: overrides::explain(cfg, &self.overrides, s, v),
                    }
                })
                .collect(),
            employers: listed(emp_items, scfg, eid)
                .into_iter()
                .filter_map(|m| {
                    let e = &self.input.employers[m.idx as usize];
                    Some(Best {
                        id: e.id.clone(),
                        score: m.score,
                        included: m.included,
                        explanation: overrides::explain_employer(cfg, &self.overrides, s, e)?,
                    })
                })
                .collect(),
        }
    }
}

/// A matched (or included) vacancy or employer, for `best`.
#[derive(Clone, Copy)]
struct Listing {
    idx: u32,
    score: f64,
    included: bool,
    ko: KnockOuts,
}

/// The seeker's list as the overridden rankings give it: the top-k of the
/// pairs that pass the knock-outs with `score ≥ θ`, then every included pair
/// not among them, merged by score when it passes the knock-outs and after
/// the rest (best would-be score first) when it does not.
fn listed<'i>(items: Vec<Listing>, scfg: &ScanConfig, id: impl Fn(u32) -> &'i str) -> Vec<Listing> {
    let order = |a: &Listing, b: &Listing| rank_order(a.score, id(a.idx), b.score, id(b.idx));
    let (mut top, mut rest): (Vec<Listing>, Vec<Listing>) =
        items.into_iter().partition(|m| m.ko.is_empty() && scfg.is_match(m.score));
    if top.len() > scfg.best_k() {
        // Only the first k need sorting: `order` is total (ids are unique),
        // so selecting them first gives the same k as a full sort, without
        // sorting every match (hundreds per seeker; score ties compare ids).
        top.select_nth_unstable_by(scfg.best_k(), order);
        rest.extend(top.drain(scfg.best_k()..).filter(|m| m.included));
    }
    top.sort_by(order);
    rest.retain(|m| m.included);
    let (passing, mut failing): (Vec<Listing>, Vec<Listing>) = rest.into_iter().partition(|m| m.ko.is_empty());
    if !passing.is_empty() {
        top.extend(passing);
        top.sort_by(order);
    }
    failing.sort_by(order);
    top.extend(failing);
    top
}

/// A distance within which some usable mode (`transit` included or not)
/// surely arrives within `max_min`: each mode's exact reach
/// `(T − overhead)·speed / (60·detour)` less a relative 1e-6, far more than
/// the rounding of [`ModeParams::minutes`](crate::travel::ModeParams::minutes);
/// modes with less than a minute to spare are left out.
fn sure_km(tm: &TravelModel, usable: ModeSet, max_min: f64, transit: bool) -> Option<f64> {
    if max_min <= 0.0 {
        return None;
    }
    usable
        .iter()
        .filter(|&m| transit || m != TravelMode::Transit)
        .filter_map(|m| {
            let p = tm.params(m);
            let slack = max_min - p.overhead_min;
            (slack >= 1.0).then(|| slack * p.speed_kmh / (60.0 * p.detour) * (1.0 - 1e-6))
        })
        .reduce(f64::max)
}

/// The NACE section of a sector table index (`None`: the "no sector" entry).
fn nace_at(ix: usize) -> Option<Nace> {
    u8::try_from(ix)
        .ok()
        .filter(|&i| usize::from(i) + 1 < SECTORS)
        .and_then(|i| Nace::from_letter(char::from(b'A' + i)).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GeoPoint;
    use proptest::prelude::*;

    /// The point at `km` from `(lat, lon)` (degrees) in direction `bearing` (radians).
    fn at_distance(lat: f64, lon: f64, bearing: f64, km: f64, radius: f64) -> Option<GeoPoint> {
        let (p1, l1, delta) = (lat.to_radians(), lon.to_radians(), km / radius);
        let p2 = (p1.sin() * delta.cos() + p1.cos() * delta.sin() * bearing.cos()).asin();
        let l2 = l1 + (bearing.sin() * delta.sin() * p1.cos()).atan2(delta.cos() - p1.sin() * p2.sin());
        GeoPoint::new(p2.to_degrees(), l2.to_degrees()).ok()
    }

    proptest! {
        /// A vacancy the pass takes for surely in reach (no distance
        /// computed) is in reach by the scorer's own arithmetic: points on
        /// and around each mode's exact reach and the sure distance itself,
        /// with and without a start time, for every mode set and limit.
        #[test]
        fn surely_in_reach_is_in_reach(
            lat in 50.5f64..53.5, lon in 3.5f64..7.0, bearing in 0.0f64..std::f64::consts::TAU,
            mask in 0u8..32, licence in any::<bool>(), max in 0u16..=240,
            mode in 0usize..5, on_sure in any::<bool>(), step in -4i32..=4,
            start in prop::option::of(0u16..1440),
        ) {
            let tm = TravelModel::default();
            let listed = TravelMode::ALL
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .fold(ModeSet::EMPTY, |m, (_, &t)| m.with(t));
            let usable = TravelModel::usable_modes(listed, licence);
            let max_min = f64::from(max);
            let here = GeoPoint::new(lat, lon).unwrap();
            let transit = start.is_none();
            let Some(sure) = sure_km(&tm, usable, max_min, transit) else { return Ok(()) };
            let p = tm.params(TravelMode::ALL[mode]);
            let exact = (max_min - p.overhead_min) * p.speed_kmh / (60.0 * p.detour);
            let base = if on_sure || exact <= 0.0 { sure } else { exact };
            let km = base * (1.0 + f64::from(step) * 1e-7);
            let Some(to) = at_distance(lat, lon, bearing, km, tm.earth_radius_km) else { return Ok(()) };
            let (g, h) = (Geo::of(here), Geo::of(to));
            if g.clearly_within(h, chord_within(sure, tm.earth_radius_km)) {
                let d = g.km(h, tm.earth_radius_km);
                prop_assert_eq!(d.to_bits(), tm.distance_km(here, to).to_bits());
                let t = tm.fastest(d, usable, start).minutes;
                prop_assert!(within_limit(t, max_min), "{d} km, {t} min > {max_min}");
            }
        }
    }
}
