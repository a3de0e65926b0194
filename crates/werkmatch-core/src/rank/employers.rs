//! The prepared index of employers without a vacancy (SCORING.md section 5).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::batch::{run_batch, to_matches, KernelStats};
use super::bounds::{visit_cells, BoundTables, GroupSummary, SeekerTerms};
use super::eval::{evaluate_with, Geo, Outcome, VacRow, NO_START};
use super::exec::Executor;
use super::prepared::PreparedSeeker;
use super::slots::{unique, Slots};
use super::spatial::{DegWindow, Grid};
use super::topk::TopK;
use super::{Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{Employer, HoursRange, Id, IscoCode, Jobseeker, PhysicalLoad};
use crate::score::components::{self, Components};
use crate::score::ScoringConfig;

#[derive(Clone, Copy, Debug)]
struct EmpRow {
    sector: u8,
    training: bool,
    occ_start: u32,
    n_occ: u32,
}

/// An employer as the index takes it in: location (radians and degrees),
/// sector index, training, occupations.
type Record<'a> = (Geo, (f64, f64), u8, bool, &'a [IscoCode]);

/// Employers prepared for ranking, with [`add`](EmployerIndex::add),
/// [`upsert`](EmployerIndex::upsert), [`remove`](EmployerIndex::remove) and
/// [`compact`](EmployerIndex::compact), at the costs of the vacancy index's
/// (see [`VacancyIndex`](super::VacancyIndex)): removal `O(log n)` plus a
/// grid cell per occupation, a group laid out again once a quarter of it
/// changed, a compaction once more slots are dead than live.
#[derive(Clone, Debug)]
pub struct EmployerIndex {
    cfg: ScoringConfig,
    slots: Slots,
    geo: Vec<Geo>,
    rows: Vec<EmpRow>,
    occupations: Vec<IscoCode>,
    /// The group of each entry of `occupations`.
    occ_groups: Vec<u32>,
    /// The grid cell, in that group, of each entry of `occupations`.
    occ_cells: Vec<u32>,
    /// One group per ISCO code, holding every employer that lists it; an
    /// employer is scored only in the group of its best occupation.
    groups: Vec<EmpGroup>,
    group_of: BTreeMap<IscoCode, usize>,
    /// The configuration's part of the group bounds.
    tables: BoundTables,
}

#[derive(Clone, Debug)]
struct EmpGroup {
    code: IscoCode,
    grid: Grid,
    /// What the group's employers could at best offer, for its score bound.
    summary: GroupSummary,
    /// Live employers in the group.
    live: u32,
    /// Employers added or removed since the group was last laid out.
    changes: u32,
}

impl EmpGroup {
    fn new(code: IscoCode, grid: Grid) -> Self {
        EmpGroup { code, grid, summary: GroupSummary::default(), live: 0, changes: 0 }
    }

    fn stale(&self) -> bool {
        self.changes > self.live / 4 + 4
    }
}

impl EmployerIndex {
    /// Prepares `employers` for scoring with `cfg`. Fails on a duplicate id.
    pub fn build(cfg: &ScoringConfig, employers: &[Employer]) -> Result<Self> {
        let slots = Slots::of("employers", employers.iter().map(|e| e.id.clone()).collect(), Executor::CurrentThread)?;
        let records: Vec<Record<'_>> = employers
            .iter()
            .map(|e| {
                let deg = (e.location.lat(), e.location.lon());
                (Geo::of(e.location), deg, e.sector.index(), e.offers_training, &e.occupations[..])
            })
            .collect();
        Ok(Self::assemble(cfg, slots, &records))
    }

    /// An index of `records`, the slots already made, each group's grid
    /// covering its own locations.
    fn assemble(cfg: &ScoringConfig, slots: Slots, records: &[Record<'_>]) -> Self {
        let mut pts: BTreeMap<IscoCode, Vec<(f64, f64)>> = BTreeMap::new();
        for (_, deg, _, _, occupations) in records {
            for &c in occupations.iter() {
                pts.entry(c).or_default().push(*deg);
            }
        }
        let mut ix = EmployerIndex {
            cfg: cfg.clone(),
            slots,
            geo: Vec::new(),
            rows: Vec::new(),
            occupations: Vec::new(),
            occ_groups: Vec::new(),
            occ_cells: Vec::new(),
            groups: Vec::new(),
            group_of: BTreeMap::new(),
            tables: BoundTables::new(cfg),
        };
        for (code, p) in pts {
            ix.group_of.insert(code, ix.groups.len());
            ix.groups.push(EmpGroup::new(code, Grid::covering(&p, cfg.travel().earth_radius_km)));
        }
        for &(geo, deg, sector, training, occupations) in records {
            ix.push(geo, deg, sector, training, occupations);
        }
        ix.groups.iter_mut().for_each(|g| g.changes = 0);
        ix
    }

    /// Adds employers without rebuilding. Fails, changing nothing, on a
    /// duplicate id.
    pub fn add(&mut self, employers: &[Employer]) -> Result<()> {
        self.slots.check_new(employers.iter().map(|e| &e.id))?;
        let mut touched = Vec::new();
        for e in employers {
            let deg = (e.location.lat(), e.location.lon());
            touched.extend(self.push(Geo::of(e.location), deg, e.sector.index(), e.offers_training, &e.occupations));
        }
        self.slots.append(employers.iter().map(|e| e.id.clone()));
        touched.sort_unstable();
        touched.dedup();
        for g in touched {
            if self.groups[g].stale() {
                self.relayout(g);
            }
        }
        Ok(())
    }

    /// Adds each employer, replacing a live one with the same id. Fails,
    /// changing nothing, when an id is repeated among `employers`.
    pub fn upsert(&mut self, employers: &[Employer]) -> Result<()> {
        unique("employers", employers.iter().map(|e| &e.id))?;
        for e in employers {
            self.remove(e.id.as_str());
        }
        self.add(employers)
    }

    /// Appends one employer to the columns and to the group of each of its
    /// codes; the groups it joined. The caller updates the slots.
    fn push(&mut self, geo: Geo, deg: (f64, f64), sector: u8, training: bool, occupations: &[IscoCode]) -> Vec<usize> {
        let slot = self.rows.len() as u32;
        self.rows.push(EmpRow {
            sector,
            training,
            occ_start: self.occupations.len() as u32,
            n_occ: occupations.len() as u32,
        });
        self.geo.push(geo);
        let (lat, lon) = deg;
        let mut joined = Vec::new();
        for &code in occupations {
            let g = match self.group_of.get(&code) {
                Some(&g) => g,
                None => {
                    // One cell for now: laid out again as the group grows.
                    let grid = Grid::covering(&[(lat, lon)], self.cfg.travel().earth_radius_km);
                    self.groups.push(EmpGroup::new(code, grid));
                    self.group_of.insert(code, self.groups.len() - 1);
                    self.groups.len() - 1
                }
            };
            let group = &mut self.groups[g];
            let c = group.grid.cell_of(lat, lon);
            // A code listed twice puts the employer in its group once.
            if !joined.contains(&g) {
                group.grid.insert(c, slot, lat, lon);
                // As the vacancy it stands for: no skills, hours 0–60.
                group.summary.add(&self.cfg, employer_hours(), sector, training, 0, 0);
                group.live += 1;
                group.changes += 1;
                joined.push(g);
            }
            self.occupations.push(code);
            self.occ_groups.push(g as u32);
            self.occ_cells.push(c);
        }
        joined
    }

    /// Removes the employer with this id; whether it was present. It leaves
    /// its groups at once; its slot stays, dead, until the next compaction.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.slots.remove(id) else { return false };
        let row = self.rows[slot as usize];
        let entries = row.occ_start as usize..(row.occ_start + row.n_occ) as usize;
        let mut left = Vec::new();
        for i in entries {
            let g = self.occ_groups[i] as usize;
            if self.groups[g].grid.remove(self.occ_cells[i], slot) {
                self.groups[g].live -= 1;
                self.groups[g].changes += 1;
                left.push(g);
            }
        }
        if self.slots.dead() > self.slots.live() {
            self.compact();
        } else {
            for g in left {
                if self.groups[g].stale() {
                    self.relayout(g);
                }
            }
        }
        true
    }

    /// Lays group `g` out again from its live employers: a grid over their
    /// locations and a fresh summary.
    fn relayout(&mut self, g: usize) {
        let group = &mut self.groups[g];
        let members = group.grid.slots();
        let pts: Vec<(f64, f64)> = members.iter().map(|&s| degrees(self.geo[s as usize])).collect();
        group.grid = Grid::covering(&pts, self.cfg.travel().earth_radius_km);
        group.summary = GroupSummary::default();
        for (&slot, &(lat, lon)) in members.iter().zip(&pts) {
            let c = group.grid.cell_of(lat, lon);
            group.grid.insert(c, slot, lat, lon);
            let row = self.rows[slot as usize];
            group.summary.add(&self.cfg, employer_hours(), row.sector, row.training, 0, 0);
            let entries = row.occ_start as usize..(row.occ_start + row.n_occ) as usize;
            for i in entries.filter(|&i| self.occ_groups[i] as usize == g) {
                self.occ_cells[i] = c;
            }
        }
        group.live = members.len() as u32;
        group.changes = 0;
    }

    /// Rebuilds the index from the live employers alone: `O(n log n)`; the
    /// dead slots are gone and every group's bounds are fresh. Runs by itself
    /// when removals leave more dead slots than live ones.
    pub fn compact(&mut self) {
        let live = self.slots.live_by_rank();
        let records: Vec<Record<'_>> = live
            .iter()
            .map(|&s| {
                let r = self.rows[s as usize];
                let occ = &self.occupations[r.occ_start as usize..(r.occ_start + r.n_occ) as usize];
                let geo = self.geo[s as usize];
                (geo, degrees(geo), r.sector, r.training, occ)
            })
            .collect();
        let ids = live.iter().map(|&s| self.slots.id(s).clone()).collect();
        // The live ids are unique, so ranking them cannot fail.
        if let Ok(slots) = Slots::of("employers", ids, Executor::CurrentThread) {
            *self = Self::assemble(&self.cfg, slots, &records);
        }
    }

    /// Whether a live employer has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.slots.find(id).is_some()
    }

    /// The ids of the live employers, ascending.
    pub fn ids(&self) -> impl Iterator<Item = &Id> + '_ {
        self.slots.live_ids()
    }

    /// Number of (live) employers.
    pub fn len(&self) -> usize {
        self.slots.live()
    }

    /// Whether the index holds no employer.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Heap bytes held by the index.
    pub fn memory_bytes(&self) -> usize {
        std::mem::size_of::<Self>()
            + self.slots.memory_bytes()
            + self.geo.capacity() * std::mem::size_of::<Geo>()
            + self.rows.capacity() * std::mem::size_of::<EmpRow>()
            + self.occupations.capacity() * 4
            + self.occ_groups.capacity() * 4
            + self.occ_cells.capacity() * 4
            + self.groups.iter().map(|g| g.grid.memory_bytes()).sum::<usize>()
            + self.groups.capacity() * std::mem::size_of::<EmpGroup>()
    }

    /// The group of the employer's best occupation for the seeker, as
    /// [`crate::score::best_occupation`]: highest proximity, then lower
    /// level, then lower code; the first of equals. `occ` holds the
    /// occupation component of every group's code for this seeker.
    fn best_group(&self, row: &EmpRow, occ: &[f64]) -> Option<u32> {
        let (start, end) = (row.occ_start as usize, (row.occ_start + row.n_occ) as usize);
        let codes = self.occupations.get(start..end)?;
        let groups = self.occ_groups.get(start..end)?;
        let mut best: Option<(f64, IscoCode, u32)> = None;
        for (&code, &g) in codes.iter().zip(groups) {
            let p = occ.get(g as usize).copied()?;
            let better = match best {
                None => true,
                Some((bp, bc, _)) => {
                    bp.total_cmp(&p).then(code.skill_level().cmp(&bc.skill_level())).then(code.cmp(&bc))
                        == Ordering::Less
                }
            };
            if better {
                best = Some((p, code, g));
            }
        }
        best.map(|(_, _, g)| g)
    }

    /// The top-k employers for one seeker, exactly as
    /// [`reference::employers_for`](super::reference::employers_for).
    pub fn top_for(&self, seeker: &Jobseeker, opts: &RankOptions) -> Vec<Match> {
        self.top_for_with_stats(seeker, opts, &mut KernelStats::default())
    }

    /// [`top_for`](Self::top_for), adding the work done to `stats`.
    pub fn top_for_with_stats(&self, seeker: &Jobseeker, opts: &RankOptions, stats: &mut KernelStats) -> Vec<Match> {
        if opts.k() == 0 || self.is_empty() {
            return Vec::new();
        }
        let q = PreparedSeeker::new(&self.cfg, seeker, None, None);
        let Some(reach) = q.reach_km else { return Vec::new() };
        let s = q.side();
        // The vacancy an employer stands for (score::employer_as_vacancy):
        // a row made per pair, since its code is the best one for the seeker
        // (the group's); hours 0–60, light work, no skills, start time or
        // other requirement.
        let light = super::prepared::bits::load(PhysicalLoad::Light.rank());
        let as_vacancy = |row: &EmpRow, isco: IscoCode| VacRow {
            isco,
            hours: employer_hours(),
            earliest: NO_START,
            reqs: light,
            level: isco.skill_level().get(),
            sector: row.sector,
            remote: false,
            training: row.training,
            at: 0,
            known_ess: 0,
            known_opt: 0,
            n_cert: 0,
            n_ess: 0,
            n_opt: 0,
        };
        let mut top = TopK::new(opts.k());
        // Each group's code gives the occupation component (also the skills
        // component: employers ask no skills); computed once per group.
        let occ: Vec<f64> =
            self.groups.iter().map(|g| components::occupation(&self.cfg, g.code, q.codes.iter().copied())).collect();
        let mut visit = |slot: u32, gi: u32, occupation: f64, top: &mut TopK| {
            let row = &self.rows[slot as usize];
            // An employer listed under several codes is scored in its best one's group only.
            if self.best_group(row, &occ) != Some(gi) {
                return;
            }
            let Some(isco) = self.groups.get(gi as usize).map(|g| g.code) else { return };
            let rank = self.slots.rank[slot as usize];
            stats.pairs_considered += 1;
            let v = as_vacancy(row, isco).side(self.geo[slot as usize], &[]);
            let out = evaluate_with(
                &self.cfg,
                &s,
                &v,
                || occupation,
                |_| 0,
                |bound| !opts.admits(bound) || top.cannot_enter(bound, rank),
            );
            if let Outcome::Scored(score) = out {
                stats.pairs_scored += 1;
                if opts.admits(score) {
                    top.push(score, rank, slot);
                }
            }
        };
        // Groups by their bound: the code's occupation, level and sectors.
        let terms = SeekerTerms::new(q.hours, q.sec_pref, q.sec_exp, q.level);
        let mut order: Vec<(f64, usize, Components)> = Vec::with_capacity(self.groups.len());
        for (i, (g, &o)) in self.groups.iter().zip(&occ).enumerate() {
            if g.live == 0 {
                continue;
            }
            if let Some(c) = g.summary.components(&self.tables, &terms, g.code.skill_level().get(), o, 0.0) {
                order.push((c.total(&self.cfg), i, c));
            }
        }
        order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let window = DegWindow::around(q.lat_deg, q.lon_deg, reach, self.cfg.travel().earth_radius_km);
        for (bound, gi, comps) in order {
            if !opts.admits(bound) || top.cannot_enter(bound, 0) {
                break;
            }
            let o = occ[gi];
            let g = &self.groups[gi];
            visit_cells(&self.cfg, &g.grid, &window, &comps, &s, opts, &mut top, |slot, top| {
                visit(slot, gi as u32, o, top)
            });
        }
        to_matches(top, &self.slots)
    }

    /// Top-k employers for every seeker, subjects in ascending id order.
    pub fn rank_seekers(
        &self,
        seekers: &[Jobseeker],
        opts: &RankOptions,
        exec: Executor<'_>,
    ) -> (Vec<Ranking>, KernelStats) {
        run_batch(seekers, |s| &s.id, |s, st| self.top_for_with_stats(s, opts, st), exec)
    }
}

/// The hours of the vacancy an employer stands for (SCORING.md section 5:
/// hours score 1.0 and no hours knock-out).
fn employer_hours() -> HoursRange {
    HoursRange::new(0, 60).unwrap_or_default()
}

/// A location in degrees, back from the radians the columns keep (the grid
/// works in degrees; its margins cover the round trip's last bit).
fn degrees(geo: Geo) -> (f64, f64) {
    (geo.lat.to_degrees(), geo.lon.to_degrees())
}
