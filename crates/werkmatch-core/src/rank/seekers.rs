//! The prepared seeker index, for the reverse direction (vacancy → seekers).
//!
//! Seekers differ in how far they can travel, so the grid keeps, per cell, the
//! largest reach of its seekers and the bounding box of their locations: a
//! vacancy visits the cells within the largest reach of all, and skips a cell
//! when it lies beyond that cell's own largest reach.

use std::collections::BTreeMap;

use super::intern::Interner;
use super::kernel::{run_batch, to_matches, Executor, KernelStats};
use super::prepared::{evaluate, group_bound, Outcome, PreparedSeeker, PreparedVacancy, SeekerSide};
use super::slots::Slots;
use super::spatial::{may_reach_box, Grid};
use super::topk::TopK;
use super::{Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{IscoCode, Jobseeker, Vacancy};
use crate::score::{components, ScoringConfig};

/// The largest reach of a cell's seekers and their bounding box
/// (`[lat_lo, lat_hi, lon_lo, lon_hi]`, degrees).
#[derive(Clone, Copy, Debug)]
struct CellReach {
    reach_km: f64,
    bbox: [f64; 4],
}

/// The seekers who list one ISCO code (or, for `code: None`, none at all),
/// with a grid of those who can reach any located job.
#[derive(Clone, Debug)]
struct SeekerGroup {
    code: Option<IscoCode>,
    members: Vec<u32>,
    grid: Grid,
    cells: Vec<Option<CellReach>>,
    max_reach_km: Option<f64>,
}

impl SeekerGroup {
    fn new(code: Option<IscoCode>, members: Vec<u32>, prepared: &[PreparedSeeker], earth_r: f64) -> Self {
        let located: Vec<(u32, f64)> =
            members.iter().filter_map(|&m| prepared.get(m as usize).and_then(|p| p.reach_km.map(|r| (m, r)))).collect();
        let pts: Vec<(f64, f64)> =
            located.iter().filter_map(|&(m, _)| prepared.get(m as usize).map(|p| (p.lat_deg, p.lon_deg))).collect();
        let mut grid = Grid::covering(&pts, earth_r);
        let mut cells: Vec<Option<CellReach>> = vec![None; grid.len()];
        let mut max_reach_km: Option<f64> = None;
        for (&(slot, r), &(lat, lon)) in located.iter().zip(&pts) {
            let c = grid.cell_of(lat, lon);
            grid.insert(c, slot);
            max_reach_km = Some(max_reach_km.map_or(r, |m| m.max(r)));
            if let Some(cr) = cells.get_mut(c as usize) {
                let e = cr.get_or_insert(CellReach { reach_km: r, bbox: [lat, lat, lon, lon] });
                e.reach_km = e.reach_km.max(r);
                e.bbox = [e.bbox[0].min(lat), e.bbox[1].max(lat), e.bbox[2].min(lon), e.bbox[3].max(lon)];
            }
        }
        SeekerGroup { code, members, grid, cells, max_reach_km }
    }
}

/// Seekers prepared for ranking against vacancies.
///
/// A seeker is filed under each of its ISCO codes. A vacancy visits the
/// groups best occupation bound first and handles each seeker only in the
/// group of the first of its codes that gives its occupation component, so
/// every pair is scored once.
#[derive(Clone, Debug)]
pub struct SeekerIndex {
    cfg: ScoringConfig,
    slots: Slots,
    prepared: Vec<PreparedSeeker>,
    skill_vocab: Interner,
    cert_vocab: Interner,
    groups: Vec<SeekerGroup>,
}

impl SeekerIndex {
    /// Prepares `seekers` for scoring with `cfg`. Fails on a duplicate id.
    pub fn build(cfg: &ScoringConfig, seekers: &[Jobseeker]) -> Result<Self> {
        let mut slots = Slots::default();
        slots.check_new(seekers.iter().map(|s| &s.id))?;
        let mut skill_vocab = Interner::default();
        let mut cert_vocab = Interner::default();
        for s in seekers {
            for x in &s.skills {
                skill_vocab.intern(x);
            }
            for x in &s.certificates {
                cert_vocab.intern(x);
            }
        }
        let prepared: Vec<PreparedSeeker> =
            seekers.iter().map(|s| PreparedSeeker::new(cfg, s, Some(&skill_vocab), Some(&cert_vocab))).collect();
        let mut by_code: BTreeMap<Option<IscoCode>, Vec<u32>> = BTreeMap::new();
        for (slot, p) in prepared.iter().enumerate() {
            if p.codes.is_empty() {
                by_code.entry(None).or_default().push(slot as u32);
            }
            let mut codes = p.codes.clone();
            codes.sort_unstable();
            codes.dedup();
            for c in codes {
                by_code.entry(Some(c)).or_default().push(slot as u32);
            }
        }
        let er = cfg.travel().earth_radius_km;
        let groups =
            by_code.into_iter().map(|(code, members)| SeekerGroup::new(code, members, &prepared, er)).collect();
        slots.append(seekers.iter().map(|s| s.id.clone()));
        Ok(SeekerIndex { cfg: cfg.clone(), slots, prepared, skill_vocab, cert_vocab, groups })
    }

    /// Number of seekers.
    pub fn len(&self) -> usize {
        self.slots.live()
    }

    /// Whether the index holds no seeker.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Heap bytes held by the index.
    pub fn memory_bytes(&self) -> usize {
        let per: usize = self
            .prepared
            .iter()
            .map(|p| {
                (p.certs.capacity() + p.skills.capacity()) * 4 + p.codes.capacity() * std::mem::size_of::<IscoCode>()
            })
            .sum();
        std::mem::size_of::<Self>()
            + self.slots.memory_bytes()
            + self.prepared.capacity() * std::mem::size_of::<PreparedSeeker>()
            + per
            + self.skill_vocab.memory_bytes()
            + self.cert_vocab.memory_bytes()
            + self
                .groups
                .iter()
                .map(|g| {
                    g.grid.memory_bytes()
                        + g.members.capacity() * 4
                        + g.cells.capacity() * std::mem::size_of::<Option<CellReach>>()
                })
                .sum::<usize>()
    }

    fn side(&self, slot: u32) -> SeekerSide<'_> {
        self.prepared[slot as usize].side()
    }

    /// The top-k seekers for one vacancy, exactly as
    /// [`reference::seekers_for`](super::reference::seekers_for).
    pub fn top_for(&self, vacancy: &Vacancy, opts: &RankOptions) -> Vec<Match> {
        self.top_for_with_stats(vacancy, opts, &mut KernelStats::default())
    }

    /// [`top_for`](Self::top_for), adding the work done to `stats`.
    pub fn top_for_with_stats(&self, vacancy: &Vacancy, opts: &RankOptions, stats: &mut KernelStats) -> Vec<Match> {
        if opts.k == 0 || self.is_empty() {
            return Vec::new();
        }
        let q = PreparedVacancy::new(vacancy, &self.skill_vocab, &self.cert_vocab);
        if q.certs_impossible {
            return Vec::new();
        }
        let v = q.side();
        let cfg = &self.cfg;
        let mut top = TopK::new(opts.k);
        // Handles a seeker met in the group of `code` (with proximity `prox`):
        // only when that is the first of its codes giving its occupation value.
        let mut visit = |slot: u32, code: Option<IscoCode>, prox: f64, top: &mut TopK| {
            let s = self.side(slot);
            if let Some(code) = code {
                let first = s.codes.iter().copied().find(|&c| components::proximity(cfg, v.isco, c) == prox);
                if first != Some(code) || components::occupation(cfg, v.isco, s.codes.iter().copied()) != prox {
                    return;
                }
            }
            let rank = self.slots.rank[slot as usize];
            stats.pairs_considered += 1;
            let out = evaluate(cfg, &s, &v, |bound| !opts.admits(bound) || top.cannot_enter(bound, rank));
            if let Outcome::Scored(score) = out {
                stats.pairs_scored += 1;
                if opts.admits(score) {
                    top.push(score, rank, slot);
                }
            }
        };
        let mut order: Vec<(f64, f64, usize)> = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let prox = g.code.map_or(0.0, |c| components::proximity(cfg, v.isco, c));
                (group_bound(cfg, prox), prox, i)
            })
            .collect();
        order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        let er = cfg.travel().earth_radius_km;
        for (bound, prox, gi) in order {
            if !opts.admits(bound) || top.cannot_enter(bound, 0) {
                break;
            }
            let Some(g) = self.groups.get(gi) else { continue };
            if q.remote {
                // No travel: every member is a candidate.
                for &m in &g.members {
                    visit(m, g.code, prox, &mut top);
                }
            } else if let Some(r) = g.max_reach_km {
                g.grid.for_each_cell_in_window(q.lat_deg, q.lon_deg, r, er, |c| {
                    let Some(Some(cr)) = g.cells.get(c) else { return };
                    if may_reach_box(q.lat_deg, q.lon_deg, cr.reach_km, er, &cr.bbox) {
                        for &m in g.grid.cell(c) {
                            visit(m, g.code, prox, &mut top);
                        }
                    }
                });
            }
        }
        to_matches(top, &self.slots)
    }

    /// Top-k seekers for every vacancy, subjects in ascending id order, like
    /// [`reference::vacancy_to_seekers`](super::reference::vacancy_to_seekers).
    pub fn rank_vacancies(
        &self,
        vacancies: &[Vacancy],
        opts: &RankOptions,
        exec: Executor<'_>,
    ) -> (Vec<Ranking>, KernelStats) {
        run_batch(vacancies, |v| &v.id, |v, st| self.top_for_with_stats(v, opts, st), exec)
    }
}
