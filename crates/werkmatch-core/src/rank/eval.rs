//! The kernel's pair evaluation.
//!
//! A pair is evaluated from two small views, [`SeekerSide`] and
//! [`VacancySide`], that either come from an index's columns or from a
//! prepared query. The evaluation computes exactly what
//! [`crate::score::evaluate`] computes, with the same functions of
//! [`crate::score::components`] and the same travel arithmetic, but in the
//! order that is cheapest: knock-out bit masks first, then the cheap
//! components and a score upper bound, and only then travel and skills.

use super::intern::{intersect_count, is_subset};
use crate::model::{HoursRange, IscoCode, ModeSet};
use crate::score::components::{self, Components};
use crate::score::ScoringConfig;
use crate::travel::{haversine_rad_cos, within_limit, TravelModel};

/// The sector index of a vacancy whose sector is unknown (v1.1): one past
/// the 21 NACE sections, so that its bit is in no seeker's sector mask.
pub(crate) const SECTOR_UNKNOWN: u8 = 21;

/// A latitude and longitude in radians with the cosine of the latitude.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Geo {
    pub lat: f64,
    pub lon: f64,
    pub cos_lat: f64,
}

impl Geo {
    pub(crate) fn of(p: crate::model::GeoPoint) -> Geo {
        let lat = p.lat().to_radians();
        Geo { lat, lon: p.lon().to_radians(), cos_lat: lat.cos() }
    }
}

/// The seeker's half of a pair.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeekerSide<'a> {
    pub geo: Geo,
    pub usable: ModeSet,
    pub max_minutes: f64,
    pub level: u8,
    pub hours: HoursRange,
    pub caps: u16,
    pub sec_pref: u32,
    pub sec_exp: u32,
    pub certs: &'a [u32],
    pub skills: &'a [u32],
    pub codes: &'a [IscoCode],
}

/// The vacancy's half of a pair.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VacancySide<'a> {
    pub geo: Geo,
    pub remote: bool,
    pub isco: IscoCode,
    pub level: u8,
    pub training: bool,
    pub hours: HoursRange,
    pub earliest: Option<u16>,
    pub reqs: u16,
    /// Some required certificate is unknown to the other side's vocabulary:
    /// nobody can hold it.
    pub certs_impossible: bool,
    pub certs: &'a [u32],
    pub sector: u8,
    pub ess: &'a [u32],
    pub n_ess: usize,
    pub opt: &'a [u32],
    pub n_opt: usize,
}

/// A vacancy's knock-out and component fields, packed: the one form in
/// which the kernel keeps a vacancy on its hot path (the vacancy index's
/// columns, the transposed batch, a vacancy query, and the vacancy an
/// employer stands for). Its id lists live in a flat array of the holder:
/// the known essential skills at `ids[at..][..known_ess]`, then the known
/// optional ones, then the certificates.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VacRow {
    pub isco: IscoCode,
    pub hours: HoursRange,
    /// [`NO_START`]: no earliest start.
    pub earliest: u16,
    pub reqs: u16,
    pub level: u8,
    pub sector: u8,
    pub remote: bool,
    pub training: bool,
    pub at: u32,
    pub known_ess: u32,
    pub known_opt: u32,
    pub n_cert: u32,
    /// `|E|` and `|O|` (SCORING.md 2.3), skills unknown to the other side's
    /// vocabulary included: they count in the denominator but nobody has them.
    pub n_ess: u32,
    pub n_opt: u32,
}

/// [`VacRow::earliest`] of a vacancy without an earliest start.
pub(crate) const NO_START: u16 = u16::MAX;

impl VacRow {
    /// The group key of the vacancy: code, level and requirement mask.
    #[inline]
    pub(crate) fn key(&self) -> (IscoCode, u8, u16) {
        (self.isco, self.level, self.reqs)
    }

    /// Where the row's ids sit in the holder's flat array.
    #[inline]
    pub(crate) fn list(&self) -> std::ops::Range<usize> {
        let at = self.at as usize;
        at..at + (self.known_ess + self.known_opt + self.n_cert) as usize
    }

    /// The pair view of this vacancy at `geo`, its ids in `ids` (the
    /// holder's flat array).
    #[inline]
    pub(crate) fn side<'a>(&self, geo: Geo, ids: &'a [u32]) -> VacancySide<'a> {
        let list = &ids[self.list()];
        let (skills, certs) = list.split_at((self.known_ess + self.known_opt) as usize);
        let (ess, opt) = skills.split_at(self.known_ess as usize);
        VacancySide {
            geo,
            remote: self.remote,
            isco: self.isco,
            level: self.level,
            training: self.training,
            hours: self.hours,
            earliest: (self.earliest != NO_START).then_some(self.earliest),
            reqs: self.reqs,
            certs_impossible: false,
            certs,
            sector: self.sector,
            ess,
            n_ess: self.n_ess as usize,
            opt,
            n_opt: self.n_opt as usize,
        }
    }
}

/// What became of one pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Outcome {
    /// A knock-out applies.
    Excluded,
    /// The score's upper bound could not enter the top-k.
    Pruned,
    /// The exact score.
    Scored(f64),
}

/// Evaluates a pair; `skip(bound)` says whether a score of at most `bound`
/// is useless (below `min_score` or unable to enter the top-k).
#[inline]
pub(crate) fn evaluate(
    cfg: &ScoringConfig,
    s: &SeekerSide<'_>,
    v: &VacancySide<'_>,
    skip: impl Fn(f64) -> bool,
) -> Outcome {
    evaluate_with(
        cfg,
        s,
        v,
        || components::occupation(cfg, v.isco, s.codes.iter().copied()),
        |set| intersect_count(set, s.skills),
        skip,
    )
}

/// [`evaluate`] with the occupation component given by `occupation` (called
/// at most once, after the cheap knock-outs), for callers that already know
/// it for a whole group of vacancies with the same code, and the number of
/// the seeker's skills in a sorted set of the vacancy's given by `hits`, for
/// callers that hold the seeker's skills in a faster structure.
#[inline]
pub(crate) fn evaluate_with(
    cfg: &ScoringConfig,
    s: &SeekerSide<'_>,
    v: &VacancySide<'_>,
    occupation: impl FnOnce() -> f64,
    hits: impl Fn(&[u32]) -> usize,
    skip: impl Fn(f64) -> bool,
) -> Outcome {
    if v.reqs & !s.caps != 0 || v.certs_impossible {
        return Outcome::Excluded;
    }
    let gap = i32::from(v.level) - i32::from(s.level);
    let Some(level) = components::level(cfg, gap, v.training) else {
        return Outcome::Excluded;
    };
    let Some(hours) = components::hours(s.hours, v.hours) else {
        return Outcome::Excluded;
    };
    if !is_subset(v.certs, s.certs) {
        return Outcome::Excluded;
    }
    let occupation = occupation();
    let bit = 1u32 << v.sector;
    let sector = components::sector(
        cfg,
        v.sector != SECTOR_UNKNOWN,
        s.sec_pref & bit != 0,
        s.sec_exp & bit != 0,
        s.sec_pref == 0 && s.sec_exp == 0,
    );
    let no_skills = v.n_ess == 0 && v.n_opt == 0;
    // Every component is monotone in the rounded arithmetic of `total`, so
    // the best possible mobility (1) and skills (1, or the occupation when no
    // skills are asked) give a true upper bound.
    let best = Components {
        skills: if no_skills { occupation } else { 1.0 },
        occupation,
        level,
        mobility: 1.0,
        sector,
        hours,
    };
    if skip(best.total(cfg)) {
        return Outcome::Pruned;
    }

    let skills = if no_skills {
        components::skills(cfg, 0, 0, 0, 0, occupation)
    } else {
        let e_hit = hits(v.ess);
        let o_hit = hits(v.opt);
        components::skills(cfg, e_hit, v.n_ess, o_hit, v.n_opt, occupation)
    };
    // Skills are a sorted merge, far cheaper than the trigonometry of travel:
    // bound again with the exact skills before paying for it.
    if !no_skills && skip(Components { skills, occupation, level, mobility: 1.0, sector, hours }.total(cfg)) {
        return Outcome::Pruned;
    }

    let max_minutes = s.max_minutes;
    let minutes = if v.remote {
        0.0
    } else {
        if max_minutes <= 0.0 {
            return Outcome::Excluded;
        }
        let tm: &TravelModel = cfg.travel();
        let d = haversine_rad_cos(s.geo.lat, s.geo.cos_lat, s.geo.lon, v.geo.lat, v.geo.cos_lat, v.geo.lon)
            * tm.earth_radius_km;
        let t = tm.fastest(d, s.usable, v.earliest).minutes;
        if !within_limit(t, max_minutes) {
            return Outcome::Excluded;
        }
        t
    };
    let mobility = components::mobility(cfg, minutes, max_minutes);
    Outcome::Scored(Components { skills, occupation, level, mobility, sector, hours }.total(cfg))
}
