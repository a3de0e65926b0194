//! Records prepared for the kernel: the knock-out bit masks, the sector
//! index, skill sets, and a seeker or vacancy prepared as a query against an
//! index's vocabularies (with its pair view, see [`super::eval`]).

use super::eval::{Geo, SeekerSide, VacRow, VacancySide, NO_START, SECTOR_UNKNOWN};
use super::intern::Interner;
use super::spatial::widen_reach;
use crate::model::{Cefr, HoursRange, IscoCode, Jobseeker, ModeSet, PhysicalLoad, Vacancy};
use crate::score::{seeker_codes, seeker_level, ScoringConfig};
use crate::travel::TravelModel;

/// Bits of the knock-out masks: a seeker's capabilities and a vacancy's
/// requirements; a pair is knocked out when `requires & !has != 0`.
pub(crate) mod bits {
    /// Driving licence B.
    pub const LICENCE: u16 = 1 << 0;
    /// Target-group register.
    pub const TARGET: u16 = 1 << 1;
    /// Dutch at CEFR rank r (1–6) is bit 1 + r.
    pub const fn dutch(rank: u8) -> u16 {
        1 << (1 + rank)
    }
    /// Physical load of rank l (1–3) is bit 7 + l.
    pub const fn load(rank: u8) -> u16 {
        1 << (7 + rank)
    }
    /// Certificates with interned ids below this have a bit of their own.
    pub const CERTS: u32 = 5;
    /// The certificate with interned id `id < CERTS` is bit 11 + id.
    pub const fn cert(id: u32) -> u16 {
        1 << (11 + id)
    }
}

/// The mask bits of a set of interned certificate ids: the first few
/// certificates of a vocabulary (in practice the common ones, such as VCA)
/// have a bit, so that requiring them splits the kernel's groups and is
/// tested for a whole group at once. The rest are tested per pair, as all are.
pub(crate) fn cert_bits(ids: &[u32]) -> u16 {
    ids.iter().filter(|&&id| id < bits::CERTS).fold(0, |m, &id| m | bits::cert(id))
}

/// The capability mask of a seeker.
pub(crate) fn seeker_caps(s: &Jobseeker) -> u16 {
    let mut caps = 0;
    if s.licence {
        caps |= bits::LICENCE;
    }
    if s.target_register {
        caps |= bits::TARGET;
    }
    for r in 1..=Cefr::rank_of(s.dutch_level) {
        caps |= bits::dutch(r);
    }
    for l in 1..=s.max_physical_load.unwrap_or(PhysicalLoad::Heavy).rank() {
        caps |= bits::load(l);
    }
    caps
}

/// The requirement mask of a vacancy (certificates apart).
pub(crate) fn vacancy_reqs(v: &Vacancy) -> u16 {
    let mut req = bits::load(v.physical_load.unwrap_or(PhysicalLoad::Light).rank());
    if v.requires_licence {
        req |= bits::LICENCE;
    }
    if v.reserved_for_target_group {
        req |= bits::TARGET;
    }
    let d = Cefr::rank_of(v.min_dutch_level);
    if d > 0 {
        req |= bits::dutch(d);
    }
    req
}

/// Bit mask of NACE sections.
pub(crate) fn sector_mask(list: &[crate::model::Nace]) -> u32 {
    list.iter().fold(0, |m, n| m | 1 << n.index())
}

/// A vacancy's sector as a dense index: 0–20 for `A`–`U`, [`SECTOR_UNKNOWN`].
pub(crate) fn sector_index(sector: Option<crate::model::Nace>) -> u8 {
    sector.map_or(SECTOR_UNKNOWN, |n| n.index())
}

/// A seeker prepared as a query against an index whose vocabularies are given.
#[derive(Clone, Debug)]
pub(crate) struct PreparedSeeker {
    pub geo: Geo,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub usable: ModeSet,
    pub max_minutes: f64,
    /// `None`: only remote jobs are reachable.
    pub reach_km: Option<f64>,
    pub level: u8,
    pub hours: HoursRange,
    pub caps: u16,
    pub sec_pref: u32,
    pub sec_exp: u32,
    pub certs: Vec<u32>,
    pub skills: Vec<u32>,
    pub codes: Vec<IscoCode>,
}

impl PreparedSeeker {
    /// Prepares `s`; skills and certificates unknown to the vocabularies are
    /// dropped, since no candidate of the index can ask for them.
    pub(crate) fn new(
        cfg: &ScoringConfig,
        s: &Jobseeker,
        skill_vocab: Option<&Interner>,
        cert_vocab: Option<&Interner>,
    ) -> Self {
        let usable = TravelModel::usable_modes(s.mobility.modes(), s.licence);
        let max_minutes = f64::from(s.mobility.max_minutes());
        let certs = cert_vocab.map(|v| v.lookup_set(&s.certificates).0).unwrap_or_default();
        PreparedSeeker {
            geo: Geo::of(s.location),
            lat_deg: s.location.lat(),
            lon_deg: s.location.lon(),
            usable,
            max_minutes,
            reach_km: cfg.travel().reach_km(usable, max_minutes).map(widen_reach),
            level: seeker_level(s).get(),
            hours: s.hours,
            caps: seeker_caps(s) | cert_bits(&certs),
            sec_pref: sector_mask(&s.sectors_preferred),
            sec_exp: sector_mask(&s.sectors_experience),
            certs,
            skills: skill_vocab.map(|v| v.lookup_set(&s.skills).0).unwrap_or_default(),
            codes: seeker_codes(s).collect(),
        }
    }

    pub(crate) fn side(&self) -> SeekerSide<'_> {
        SeekerSide {
            geo: self.geo,
            usable: self.usable,
            max_minutes: self.max_minutes,
            level: self.level,
            hours: self.hours,
            caps: self.caps,
            sec_pref: self.sec_pref,
            sec_exp: self.sec_exp,
            certs: &self.certs,
            skills: &self.skills,
            codes: &self.codes,
        }
    }
}

/// A vacancy's essential and optional skills (see [`skill_sets`]).
pub(crate) type SkillSets<'a> = (Vec<&'a str>, Vec<&'a str>);

/// The deduplicated essential skills and the optional skills minus the
/// essential ones, as strings (SCORING.md 2.3: `E` and `O`).
pub(crate) fn skill_sets(v: &Vacancy) -> SkillSets<'_> {
    let mut e: Vec<&str> = v.skills_essential.iter().map(String::as_str).collect();
    e.sort_unstable();
    e.dedup();
    let mut o: Vec<&str> =
        v.skills_optional.iter().map(String::as_str).filter(|x| e.binary_search(x).is_err()).collect();
    o.sort_unstable();
    o.dedup();
    (e, o)
}

/// The row of `v` (see [`VacRow`]) whose ids are `known_ess`, `known_opt`
/// and `certs` (each sorted, the first two the known part of `|E|` = `n_ess`
/// and `|O|` = `n_opt` skills), at `at` in its holder's flat array.
pub(crate) fn vacancy_row(v: &Vacancy, lists: [&[u32]; 3], n_ess: usize, n_opt: usize, at: u32) -> VacRow {
    let [known_ess, known_opt, certs] = lists;
    VacRow {
        isco: v.isco,
        hours: v.hours,
        earliest: v.earliest_start.map_or(NO_START, |t| t.minutes()),
        reqs: vacancy_reqs(v) | cert_bits(certs),
        level: v.skill_level().get(),
        sector: sector_index(v.sector),
        remote: v.is_remote(),
        training: v.offers_training,
        at,
        known_ess: known_ess.len() as u32,
        known_opt: known_opt.len() as u32,
        n_cert: certs.len() as u32,
        n_ess: n_ess as u32,
        n_opt: n_opt as u32,
    }
}

/// A vacancy prepared as a query against a seeker index: its row, with its
/// own id list.
#[derive(Clone, Debug)]
pub(crate) struct PreparedVacancy {
    pub row: VacRow,
    pub ids: Vec<u32>,
    pub geo: Geo,
    pub lat_deg: f64,
    pub lon_deg: f64,
    /// Some required certificate is unknown to the seekers' vocabulary:
    /// nobody can hold it.
    pub certs_impossible: bool,
}

impl PreparedVacancy {
    /// Prepares `v` against the seekers' vocabularies: unknown skills still
    /// count in `|E|` and `|O|` but can never be hit; an unknown required
    /// certificate makes the vacancy impossible for everyone.
    pub(crate) fn new(v: &Vacancy, skill_vocab: &Interner, cert_vocab: &Interner) -> Self {
        let (e, o) = skill_sets(v);
        let (ess, opt) = (skill_vocab.lookup_set(&e).0, skill_vocab.lookup_set(&o).0);
        let (certs, certs_impossible) = cert_vocab.lookup_set(&v.certificates);
        // A remote vacancy's location (if any) never meets the arithmetic.
        let site = v.workplace.site();
        PreparedVacancy {
            row: vacancy_row(v, [&ess, &opt, &certs], e.len(), o.len(), 0),
            ids: [ess, opt, certs].concat(),
            geo: site.map_or(Geo::default(), Geo::of),
            lat_deg: site.map_or(0.0, |p| p.lat()),
            lon_deg: site.map_or(0.0, |p| p.lon()),
            certs_impossible,
        }
    }

    pub(crate) fn side(&self) -> VacancySide<'_> {
        VacancySide { certs_impossible: self.certs_impossible, ..self.row.side(self.geo, &self.ids) }
    }
}
