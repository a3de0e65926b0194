//! Score upper bounds for a whole group of vacancies and one seeker.
//!
//! A group (one ISCO code, level and requirement mask) is summarised by what
//! its vacancies could at best offer: the union of their sectors, their
//! widest hours, whether any offers training, and the smallest skills
//! denominator. With the seeker's skills counted against the group's skill
//! union ([`SkillGroups`]), this gives a bound on every component but
//! mobility, so a query skips a group whose vacancies all lie below its
//! current k-th score, without looking at any of them.
//!
//! Every bound is conservative: each component bound is at least the
//! component of every vacancy in the group, and [`Components::total`] is
//! monotone in each component (non-negative weights, correctly rounded
//! arithmetic). Removing a vacancy never loosens a bound into a wrong one: a
//! summary that still counts it only bounds from further above.

use super::eval::{SeekerSide, SECTOR_UNKNOWN};
use super::spatial::{CellBox, DegWindow, Grid};
use super::topk::TopK;
use super::RankOptions;
use crate::model::{HoursRange, IscoCode};
use crate::score::components::{self, Components};
use crate::score::ScoringConfig;
use crate::travel::within_limit;

/// Relative slack on the skills bound, far above the rounding error of the
/// few additions it sums (the skills component itself is exact for the
/// default optional weight of 0.5).
const SKILL_MARGIN: f64 = 1e-9;

/// What the vacancies of a group could at best offer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GroupSummary {
    /// Bit mask of the vacancies' NACE sections, with bit
    /// [`SECTOR_UNKNOWN`] for a vacancy whose sector is unknown.
    sectors: u32,
    /// The smallest minimum hours.
    hours_min: u8,
    /// The largest maximum hours.
    hours_max: u8,
    /// Bit 0: some vacancy offers no training; bit 1: some offers training.
    training: u8,
    /// Some vacancy asks no skills (its skills component is the occupation's).
    plain: bool,
    /// The smallest skills denominator; `+inf` when no vacancy asks skills.
    min_den: f64,
}

impl Default for GroupSummary {
    fn default() -> Self {
        GroupSummary { sectors: 0, hours_min: u8::MAX, hours_max: 0, training: 0, plain: false, min_den: f64::INFINITY }
    }
}

impl GroupSummary {
    /// Counts one more vacancy.
    pub(crate) fn add(
        &mut self,
        cfg: &ScoringConfig,
        hours: HoursRange,
        sector: u8,
        training: bool,
        ess: usize,
        opt: usize,
    ) {
        self.sectors |= 1u32 << sector;
        self.hours_min = self.hours_min.min(hours.min());
        self.hours_max = self.hours_max.max(hours.max());
        self.training |= if training { 2 } else { 1 };
        match components::skills_denominator(cfg, ess, opt) {
            Some(d) => self.min_den = self.min_den.min(d),
            None => self.plain = true,
        }
    }

    /// Upper bounds on each component of any vacancy of the group for a
    /// seeker, with mobility at its best (1), or `None` when every one of
    /// them is knocked out by level or hours. `level` is the group's skill
    /// level; `skill_sum` the seeker's share of the group's skill union
    /// ([`SkillGroups::accumulate`]). Their [`Components::total`] bounds the
    /// group's scores.
    #[inline]
    pub(crate) fn components(
        &self,
        tables: &BoundTables,
        seeker: &SeekerTerms,
        level: u8,
        occupation: f64,
        skill_sum: f64,
    ) -> Option<Components> {
        if self.hours_min > seeker.hours_max {
            return None;
        }
        let level = tables.level(i32::from(level) - i32::from(seeker.level), self.training)?;
        let hours = if self.hours_max >= seeker.hours_min {
            1.0
        } else {
            f64::from(self.hours_max) / f64::from(seeker.hours_min)
        };
        let mut skills: f64 = if self.plain { occupation } else { 0.0 };
        if self.min_den.is_finite() {
            skills = skills.max((skill_sum * (1.0 + SKILL_MARGIN) / self.min_den).min(1.0));
        }
        Some(Components {
            skills,
            occupation,
            level,
            mobility: 1.0,
            sector: tables.sector(seeker, self.sectors),
            hours,
        })
    }
}

/// The parts of the group bounds that depend on the configuration only,
/// worked out once per index or batch so that bounding each of hundreds of
/// groups for a seeker is a few table look-ups.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BoundTables {
    /// The best level component by gap `+ 3` (−3 to 3) and training flags
    /// (bit 0 without, bit 1 with; see [`GroupSummary`]); NaN: knocked out.
    levels: [[f64; 4]; 7],
    /// The sector cases (see [`SeekerTerms`]) with their values, best first:
    /// `[0]` for a seeker who lists sectors, `[1]` for one who lists none.
    sectors: [[(f64, u8); 5]; 2],
}

/// The five sector cases in the order of [`SeekerTerms::masks`]: a known
/// sector, `Some((preferred, experienced))`, or an unknown one, `None` (v1.1).
const SECTOR_CASES: [Option<(bool, bool)>; 5] =
    [Some((true, true)), Some((true, false)), Some((false, true)), Some((false, false)), None];

/// The bits of the 21 NACE sections (`A`–`U`) in a sector mask.
const SECTIONS: u32 = (1 << SECTOR_UNKNOWN) - 1;

impl BoundTables {
    /// The tables of a configuration.
    pub(crate) fn new(cfg: &ScoringConfig) -> Self {
        let mut levels = [[f64::NAN; 4]; 7];
        for (i, row) in levels.iter_mut().enumerate() {
            let gap = i as i32 - 3;
            for (flags, x) in row.iter_mut().enumerate() {
                let with = if flags & 2 != 0 { components::level(cfg, gap, true) } else { None };
                let without = if flags & 1 != 0 { components::level(cfg, gap, false) } else { None };
                *x = match (with, without) {
                    (Some(a), Some(b)) => a.max(b),
                    (a, b) => a.or(b).unwrap_or(f64::NAN),
                };
            }
        }
        // The configured values need not be ordered: sort the four cases.
        let sectors = [false, true].map(|none| {
            let mut cases = [0u8, 1, 2, 3, 4].map(|c| {
                let value = match SECTOR_CASES[c as usize] {
                    Some((p, e)) => components::sector(cfg, true, p, e, none),
                    None => components::sector(cfg, false, false, false, none),
                };
                (value, c)
            });
            cases.sort_by(|a, b| b.0.total_cmp(&a.0));
            cases
        });
        BoundTables { levels, sectors }
    }

    /// The best level component for a gap with these training flags.
    #[inline]
    fn level(&self, gap: i32, training: u8) -> Option<f64> {
        let x = self.levels.get(usize::try_from(gap + 3).ok()?)?.get(training as usize).copied()?;
        (!x.is_nan()).then_some(x)
    }

    /// The seeker's best sector component over the sections in `mask`.
    #[inline]
    fn sector(&self, seeker: &SeekerTerms, mask: u32) -> f64 {
        let cases = &self.sectors[usize::from(seeker.none)];
        for &(value, c) in cases {
            if seeker.masks.get(c as usize).is_some_and(|m| m & mask != 0) {
                return value;
            }
        }
        // An empty mask: no vacancy, nothing to bound; the largest value is safe.
        cases[0].0
    }
}

/// A group bound `comps` (mobility at 1) tightened for the records of one
/// grid cell: mobility at its best for the least travel time from the
/// seeker to the cell's box. `None` when no usable mode reaches the box in
/// time, so that nothing in the cell can be ranked.
#[inline]
pub(crate) fn cell_bound(cfg: &ScoringConfig, comps: &Components, cell: &CellBox, s: &SeekerSide<'_>) -> Option<f64> {
    let tm = cfg.travel();
    let d = cell.min_km(s.geo.lat, s.geo.cos_lat, s.geo.lon, tm.earth_radius_km);
    // The early-shift rule only removes transit, so ignoring it keeps this a lower bound.
    let t = tm.fastest(d, s.usable, None).minutes;
    if !within_limit(t, s.max_minutes) {
        return None;
    }
    Some(Components { mobility: components::mobility(cfg, t, s.max_minutes), ..*comps }.total(cfg))
}

/// The seeker-side walk of one group's grid (vacancies, employers): every
/// non-empty cell in the window whose bound (`comps` with the best mobility
/// for the least travel time to the cell, [`cell_bound`]) can still enter
/// `top` above `min_score`, its slots passed to `visit` one by one.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) fn visit_cells(
    cfg: &ScoringConfig,
    grid: &Grid,
    window: &DegWindow,
    comps: &Components,
    s: &SeekerSide<'_>,
    opts: &RankOptions,
    top: &mut TopK,
    mut visit: impl FnMut(u32, &mut TopK),
) {
    grid.for_each_cell(window, |c, bx| {
        let slots = grid.cell(c);
        if slots.is_empty() {
            return;
        }
        let Some(b) = cell_bound(cfg, comps, bx, s) else { return };
        // Rank 0 is the best possible id: skip only when nothing in the cell can enter.
        if !opts.admits(b) || top.cannot_enter(b, 0) {
            return;
        }
        for &slot in slots {
            visit(slot, top);
        }
    });
}

/// The occupation component for groups visited in code order: worked out
/// once per run of groups with the same code.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct OccupationRun(Option<(IscoCode, f64)>);

impl OccupationRun {
    /// The occupation component of `code` for a seeker with `codes`.
    #[inline]
    pub(crate) fn get(&mut self, cfg: &ScoringConfig, code: IscoCode, codes: &[IscoCode]) -> f64 {
        match self.0 {
            Some((c, o)) if c == code => o,
            _ => {
                let o = components::occupation(cfg, code, codes.iter().copied());
                self.0 = Some((code, o));
                o
            }
        }
    }
}

/// The seeker's side of the group bounds: small, since a batch keeps one per
/// seeker and every task reads them all.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeekerTerms {
    hours_min: u8,
    hours_max: u8,
    level: u8,
    /// The seeker lists no sector at all.
    none: bool,
    /// The sector bits of each case of [`SECTOR_CASES`].
    masks: [u32; 5],
}

impl SeekerTerms {
    /// The terms of a seeker with these hours, preferred and experienced
    /// sections (bit masks) and skill level.
    pub(crate) fn new(hours: HoursRange, sec_pref: u32, sec_exp: u32, level: u8) -> Self {
        let masks = SECTOR_CASES.map(|case| match case {
            Some((p, e)) => (if p { sec_pref } else { !sec_pref }) & (if e { sec_exp } else { !sec_exp }) & SECTIONS,
            None => 1 << SECTOR_UNKNOWN,
        });
        SeekerTerms {
            hours_min: hours.min(),
            hours_max: hours.max(),
            level,
            none: sec_pref == 0 && sec_exp == 0,
            masks,
        }
    }
}

/// For each skill id, the groups whose vacancies ask for it, and how: bit 0
/// essential in some vacancy, bit 1 optional in some vacancy.
#[derive(Clone, Debug, Default)]
pub(crate) struct SkillGroups {
    /// `lists[skill]`: `(group, how)`, ascending by group.
    lists: Vec<Vec<(u32, u8)>>,
}

impl SkillGroups {
    /// Records that `group` asks for `skill`, essential (`how` 1) or
    /// optional (2).
    pub(crate) fn add(&mut self, skill: u32, group: u32, how: u8) {
        let s = skill as usize;
        if self.lists.len() <= s {
            self.lists.resize_with(s + 1, Vec::new);
        }
        let list = &mut self.lists[s];
        // A build adds groups in ascending order: at or past the end of the list.
        match list.last_mut() {
            Some(last) if last.0 == group => {
                last.1 |= how;
                return;
            }
            Some(last) if last.0 > group => {}
            _ => {
                list.push((group, how));
                return;
            }
        }
        match list.binary_search_by_key(&group, |e| e.0) {
            Ok(i) => list[i].1 |= how,
            Err(i) => list.insert(i, (group, how)),
        }
    }

    /// Takes `group` out of `skill`'s list (a group laid out again).
    pub(crate) fn remove(&mut self, skill: u32, group: u32) {
        if let Some(list) = self.lists.get_mut(skill as usize) {
            if let Ok(i) = list.binary_search_by_key(&group, |e| e.0) {
                list.remove(i);
            }
        }
    }

    /// Adds, for each group, the most the seeker's `skills` can add to the
    /// skills numerator `|E ∩ S| + w·|O ∩ S|` of any of its vacancies: 1 for
    /// a skill essential somewhere in the group, else `w`. `sums` is indexed
    /// by group.
    #[inline]
    pub(crate) fn accumulate(&self, cfg: &ScoringConfig, skills: &[u32], sums: &mut [f64]) {
        let w = cfg.optional_skill_weight;
        for &s in skills {
            for &(g, how) in self.lists.get(s as usize).map_or(&[][..], Vec::as_slice) {
                if let Some(x) = sums.get_mut(g as usize) {
                    *x += if how & 1 != 0 { 1.0 } else { w };
                }
            }
        }
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.lists.capacity() * std::mem::size_of::<Vec<(u32, u8)>>()
            + self.lists.iter().map(|l| l.capacity() * std::mem::size_of::<(u32, u8)>()).sum::<usize>()
    }
}
