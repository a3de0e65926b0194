//! The prepared seeker index, for the reverse direction (vacancy → seekers).
//!
//! A batch of vacancies is ranked from the seeker side (see `reverse`); the
//! grid here serves single-vacancy queries.
//!
//! Seekers differ in how far they can travel, so the grid keeps, per cell, the
//! largest reach of its seekers and the bounding box of their locations: a
//! vacancy visits the cells within the largest reach of all, and skips a cell
//! when it lies beyond that cell's own largest reach.

use super::batch::{run_batch, to_matches, KernelStats};
use super::eval::{evaluate, Outcome, SeekerSide};
use super::exec::{par_map, sort_by_subject, Executor};
use super::intern::Interner;
use super::prepared::{PreparedSeeker, PreparedVacancy};
use super::reverse::{rank_batch, SeekerView, SlotMatches};
use super::slots::Slots;
use super::spatial::{may_reach_box, Grid};
use super::topk::TopK;
use super::{Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{IscoCode, Jobseeker, Vacancy};
use crate::score::ScoringConfig;

/// The largest reach of a cell's seekers and their bounding box
/// (`[lat_lo, lat_hi, lon_lo, lon_hi]`, degrees).
#[derive(Clone, Copy, Debug)]
struct CellReach {
    reach_km: f64,
    bbox: [f64; 4],
}

/// Seekers prepared for ranking against vacancies.
#[derive(Clone, Debug)]
pub struct SeekerIndex {
    cfg: ScoringConfig,
    slots: Slots,
    prepared: Vec<PreparedSeeker>,
    skill_vocab: Interner,
    cert_vocab: Interner,
    grid: Grid,
    cells: Vec<Option<CellReach>>,
    max_reach_km: Option<f64>,
}

impl SeekerIndex {
    /// Prepares `seekers` for scoring with `cfg`. Fails on a duplicate id.
    pub fn build(cfg: &ScoringConfig, seekers: &[Jobseeker]) -> Result<Self> {
        Self::build_with(cfg, seekers, Executor::Global)
    }

    /// [`build`](Self::build) on `exec`: vocabularies in byte order, seekers
    /// prepared and ids sorted in parallel.
    pub fn build_with(cfg: &ScoringConfig, seekers: &[Jobseeker], exec: Executor<'_>) -> Result<Self> {
        let slots = Slots::of(seekers.iter().map(|s| s.id.clone()).collect(), exec)?;
        let skill_vocab = Interner::sorted(seekers, |s| s.skills.iter().map(String::as_str), exec);
        let cert_vocab = Interner::sorted(seekers, |s| s.certificates.iter().map(String::as_str), exec);
        let prepared =
            par_map(seekers, 64, |s| PreparedSeeker::new(cfg, s, Some(&skill_vocab), Some(&cert_vocab)), exec);
        let pts: Vec<(f64, f64)> = prepared.iter().map(|p| (p.lat_deg, p.lon_deg)).collect();
        let mut grid = Grid::covering(&pts, cfg.travel().earth_radius_km);
        let mut cells: Vec<Option<CellReach>> = vec![None; grid.len()];
        let mut max_reach_km: Option<f64> = None;
        for (slot, p) in prepared.iter().enumerate() {
            // Seekers who reach nothing but remote work stay out of the grid.
            let Some(r) = p.reach_km else { continue };
            let c = grid.cell_of(p.lat_deg, p.lon_deg);
            grid.insert(c, slot as u32, p.lat_deg, p.lon_deg);
            max_reach_km = Some(max_reach_km.map_or(r, |m| m.max(r)));
            if let Some(cr) = cells.get_mut(c as usize) {
                let e = cr.get_or_insert(CellReach { reach_km: r, bbox: [p.lat_deg, p.lat_deg, p.lon_deg, p.lon_deg] });
                e.reach_km = e.reach_km.max(r);
                e.bbox = [
                    e.bbox[0].min(p.lat_deg),
                    e.bbox[1].max(p.lat_deg),
                    e.bbox[2].min(p.lon_deg),
                    e.bbox[3].max(p.lon_deg),
                ];
            }
        }
        Ok(SeekerIndex { cfg: cfg.clone(), slots, prepared, skill_vocab, cert_vocab, grid, cells, max_reach_km })
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
            + self.grid.memory_bytes()
            + self.cells.capacity() * std::mem::size_of::<Option<CellReach>>()
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
        if opts.k() == 0 || self.is_empty() {
            return Vec::new();
        }
        let q = PreparedVacancy::new(vacancy, &self.skill_vocab, &self.cert_vocab);
        if q.certs_impossible {
            return Vec::new();
        }
        let v = q.side();
        let mut top = TopK::new(opts.k());
        let mut visit = |slot: u32| {
            let rank = self.slots.rank[slot as usize];
            stats.pairs_considered += 1;
            let s = self.side(slot);
            let out = evaluate(&self.cfg, &s, &v, |bound| !opts.admits(bound) || top.cannot_enter(bound, rank));
            if let Outcome::Scored(score) = out {
                stats.pairs_scored += 1;
                if opts.admits(score) {
                    top.push(score, rank, slot);
                }
            }
        };
        if q.remote {
            // No travel: every seeker is a candidate.
            (0..self.prepared.len() as u32).for_each(&mut visit);
        } else if let Some(r) = self.max_reach_km {
            let er = self.cfg.travel().earth_radius_km;
            self.grid.for_each_cell_in_window(q.lat_deg, q.lon_deg, r, er, |c| {
                let Some(Some(cr)) = self.cells.get(c) else { return };
                if may_reach_box(q.lat_deg, q.lon_deg, cr.reach_km, er, &cr.bbox) {
                    self.grid.cell(c).iter().copied().for_each(&mut visit);
                }
            });
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
        let prepared = par_map(vacancies, 64, |v| PreparedVacancy::new(v, &self.skill_vocab, &self.cert_vocab), exec);
        let view = SeekerView { cfg: &self.cfg, prepared: &self.prepared, by_rank: self.slots.by_rank() };
        let Some((tops, stats)) = rank_batch(&view, prepared, opts, exec) else {
            return run_batch(vacancies, |v| &v.id, |v, st| self.top_for_with_stats(v, opts, st), exec);
        };
        let pairs: Vec<(&Vacancy, SlotMatches)> = vacancies.iter().zip(tops).collect();
        let mut rankings = par_map(
            &pairs,
            64,
            |(v, top)| Ranking {
                subject: v.id.clone(),
                matches: top.iter().map(|&(score, slot)| Match { id: self.slots.id(slot).clone(), score }).collect(),
            },
            exec,
        );
        sort_by_subject(&mut rankings, exec);
        (rankings, stats)
    }
}
