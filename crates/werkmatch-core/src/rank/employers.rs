//! The prepared index of employers without a vacancy (SCORING.md section 5).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::batch::{run_batch, to_matches, KernelStats};
use super::bounds::{BoundTables, GroupSummary, SeekerTerms};
use super::eval::{evaluate_with, Geo, Outcome, VacancySide};
use super::exec::Executor;
use super::prepared::PreparedSeeker;
use super::slots::Slots;
use super::spatial::{DegWindow, Grid};
use super::topk::TopK;
use super::{Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{Employer, HoursRange, IscoCode, Jobseeker, PhysicalLoad};
use crate::score::components;
use crate::score::ScoringConfig;

#[derive(Clone, Copy, Debug)]
struct EmpRow {
    sector: u8,
    training: bool,
    occ_start: u32,
    n_occ: u32,
}

/// Employers prepared for ranking, with incremental [`add`](EmployerIndex::add)
/// and [`remove`](EmployerIndex::remove).
#[derive(Clone, Debug)]
pub struct EmployerIndex {
    cfg: ScoringConfig,
    slots: Slots,
    geo: Vec<Geo>,
    rows: Vec<EmpRow>,
    occupations: Vec<IscoCode>,
    /// The group of each entry of `occupations`.
    occ_groups: Vec<u32>,
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
}

impl EmployerIndex {
    /// Prepares `employers` for scoring with `cfg`. Fails on a duplicate id.
    pub fn build(cfg: &ScoringConfig, employers: &[Employer]) -> Result<Self> {
        let mut pts: BTreeMap<IscoCode, Vec<(f64, f64)>> = BTreeMap::new();
        for e in employers {
            for &c in &e.occupations {
                pts.entry(c).or_default().push((e.location.lat(), e.location.lon()));
            }
        }
        let mut ix = EmployerIndex {
            cfg: cfg.clone(),
            slots: Slots::default(),
            geo: Vec::new(),
            rows: Vec::new(),
            occupations: Vec::new(),
            occ_groups: Vec::new(),
            groups: Vec::new(),
            group_of: BTreeMap::new(),
            tables: BoundTables::new(cfg),
        };
        for (code, p) in pts {
            ix.group_of.insert(code, ix.groups.len());
            ix.groups.push(EmpGroup {
                code,
                grid: Grid::covering(&p, cfg.travel().earth_radius_km),
                summary: GroupSummary::default(),
            });
        }
        ix.add(employers)?;
        Ok(ix)
    }

    /// Adds employers without rebuilding. Fails, changing nothing, on a
    /// duplicate id.
    pub fn add(&mut self, employers: &[Employer]) -> Result<()> {
        self.slots.check_new(employers.iter().map(|e| &e.id))?;
        for e in employers {
            let slot = self.rows.len() as u32;
            self.rows.push(EmpRow {
                sector: e.sector.index(),
                training: e.offers_training,
                occ_start: self.occupations.len() as u32,
                n_occ: e.occupations.len() as u32,
            });
            self.occupations.extend_from_slice(&e.occupations);
            self.geo.push(Geo::of(e.location));
            let (lat, lon) = (e.location.lat(), e.location.lon());
            let mut codes = e.occupations.clone();
            codes.sort_unstable();
            codes.dedup();
            for code in codes {
                let g = match self.group_of.get(&code) {
                    Some(&g) => g,
                    None => {
                        let grid = Grid::covering(&[(lat, lon)], self.cfg.travel().earth_radius_km);
                        self.groups.push(EmpGroup { code, grid, summary: GroupSummary::default() });
                        self.group_of.insert(code, self.groups.len() - 1);
                        self.groups.len() - 1
                    }
                };
                if let Some(g) = self.groups.get_mut(g) {
                    let c = g.grid.cell_of(lat, lon);
                    g.grid.insert(c, slot, lat, lon);
                    // As the vacancy it stands for: no skills, hours 0–60.
                    g.summary.add(&self.cfg, employer_hours(), e.sector.index(), e.offers_training, 0, 0);
                }
            }
            for code in &e.occupations {
                self.occ_groups.push(self.group_of.get(code).map_or(u32::MAX, |&g| g as u32));
            }
        }
        self.slots.append(employers.iter().map(|e| e.id.clone()));
        Ok(())
    }

    /// Removes the employer with this id; whether it was present.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.slots.remove(id) else { return false };
        let Some(row) = self.rows.get(slot as usize).copied() else { return true };
        let start = row.occ_start as usize;
        let codes: Vec<IscoCode> =
            self.occupations.get(start..start + row.n_occ as usize).map(<[IscoCode]>::to_vec).unwrap_or_default();
        let Some(geo) = self.geo.get(slot as usize).copied() else { return true };
        let (lat, lon) = (geo.lat.to_degrees(), geo.lon.to_degrees());
        for code in codes {
            if let Some(g) = self.group_of.get(&code).and_then(|&g| self.groups.get_mut(g)) {
                // The cell is recomputed from the stored location; search its
                // neighbours too, in case the degree round trip moved it.
                let c = g.grid.cell_of(lat, lon);
                if !g.grid.remove_found(c, slot) {
                    g.grid.remove_anywhere(slot);
                }
            }
        }
        true
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
        // The vacancy an employer stands for: hours 0–60, light work, no
        // skills, start time or other requirement (score::employer_as_vacancy).
        let hours = employer_hours();
        let reqs = super::prepared::bits::load(PhysicalLoad::Light.rank());
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
            let v = VacancySide {
                geo: self.geo[slot as usize],
                remote: false,
                isco,
                level: isco.skill_level().get(),
                training: row.training,
                hours,
                earliest: None,
                reqs,
                certs_impossible: false,
                certs: &[],
                sector: row.sector,
                ess: &[],
                n_ess: 0,
                opt: &[],
                n_opt: 0,
            };
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
        let mut order: Vec<(f64, usize)> = Vec::with_capacity(self.groups.len());
        for (i, (g, &o)) in self.groups.iter().zip(&occ).enumerate() {
            if let Some(bound) = g.summary.bound(&self.cfg, &self.tables, &terms, g.code.skill_level().get(), o, 0.0) {
                order.push((bound, i));
            }
        }
        order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let window = DegWindow::around(q.lat_deg, q.lon_deg, reach, self.cfg.travel().earth_radius_km);
        for (bound, gi) in order {
            if !opts.admits(bound) || top.cannot_enter(bound, 0) {
                break;
            }
            let (Some(g), Some(&o)) = (self.groups.get(gi), occ.get(gi)) else { continue };
            g.grid.for_each_in(&window, |slot| visit(slot, gi as u32, o, &mut top));
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
