//! The prepared seeker index, for the reverse direction (vacancy → seekers).
//!
//! A batch of vacancies is ranked from the seeker side (see `reverse`); the
//! lists and the grid here serve single-vacancy queries (a service's
//! `GET /v1/vacancies/{id}/seekers`).
//!
//! A single vacancy first visits the seekers its score bounds favour: the
//! code lists (seekers by ISCO code) and skill lists (seekers by skill) give
//! each seeker with a code within two digits of the vacancy's or one of its
//! skills an exact skills component and a bound on its occupation, and they
//! are visited by falling bound until the next cannot enter the top k
//! (nationally about 1,900 of 400,000 seekers, against 53,000 for the grid
//! walk alone). Only when the bound of everyone else (no skill of the
//! vacancy, no code within two digits) can still enter are they walked too.
//!
//! Seekers differ in how far they can travel, so the grid keeps, per cell, the
//! largest reach of its seekers (and, as every grid, the box of their
//! locations): a vacancy visits the cells within the largest reach of all,
//! and skips a cell whose box lies beyond that cell's own largest reach.

use std::collections::BTreeMap;

use super::batch::{run_batch, to_matches, KernelStats};
use super::eval::{evaluate, Outcome, VacancySide};
use super::exec::{par_map, sort_by_subject, Executor};
use super::intern::Interner;
use super::prepared::{PreparedSeeker, PreparedVacancy};
use super::reverse::{rank_batch, SeekerView, SlotMatches, MAX_ENTRIES};
use super::slots::{unique, Slots};
use super::spatial::{DegWindow, Grid};
use super::topk::TopK;
use super::{Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{Id, IscoCode, Jobseeker, Vacancy};
use crate::score::components::{self, Components};
use crate::score::ScoringConfig;

/// Bound buckets of the single-vacancy walk (see `top_by_bounds`).
const BUCKETS: usize = 512;

/// What the single-vacancy walk knows of one seeker before it visits it.
#[derive(Clone, Copy, Debug, Default)]
struct Mark {
    touched: bool,
    /// The longest common prefix (2–4) of one of the seeker's codes with the
    /// vacancy's, or less (then at most 1).
    prefix: u8,
    /// How many of the vacancy's essential and optional skills the seeker
    /// has (saturating: four bytes a seeker keep the marks in cache; a
    /// vacancy with more than 255 of either is bounded without the counts).
    ess: u8,
    opt: u8,
}

/// Per-thread scratch space of the single-vacancy walk, kept between
/// queries so that a query touches only the seekers it marks.
#[derive(Debug, Default)]
struct Scratch {
    marks: Vec<Mark>,
    touched: Vec<u32>,
    buckets: Vec<(f64, Vec<u32>)>,
}

impl Scratch {
    fn prepare(&mut self, slots: usize) {
        if self.marks.len() < slots {
            self.marks.resize(slots, Mark::default());
        }
        if self.buckets.len() != BUCKETS {
            self.buckets = vec![(0.0, Vec::new()); BUCKETS];
        }
    }

    /// Back to all clear, touching only what the query marked.
    fn clear(&mut self) {
        for &slot in &self.touched {
            self.marks[slot as usize] = Mark::default();
        }
        self.touched.clear();
        for b in &mut self.buckets {
            *b = (0.0, std::mem::take(&mut b.1));
            b.1.clear();
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Seekers prepared for ranking against vacancies, with
/// [`add`](SeekerIndex::add), [`upsert`](SeekerIndex::upsert),
/// [`remove`](SeekerIndex::remove) and [`compact`](SeekerIndex::compact):
/// removal is `O(log n)` plus a grid cell; the grid is laid out again once a
/// quarter of the seekers changed (`O(n)`, `O(1)` amortised per update), and
/// the index compacts once more slots are dead than live.
#[derive(Clone, Debug)]
pub struct SeekerIndex {
    cfg: ScoringConfig,
    slots: Slots,
    prepared: Vec<PreparedSeeker>,
    skill_vocab: Interner,
    cert_vocab: Interner,
    grid: Grid,
    /// The largest reach (km) of each cell's seekers; the grid keeps their box.
    reach: Vec<f64>,
    max_reach_km: Option<f64>,
    /// Seekers added or removed since the grid was laid out.
    changes: usize,
    /// The slots (dead ones too, until compaction) of the seekers who list
    /// each code (experience or desired), each seeker once per code: a
    /// vacancy visits the seekers closest to its occupation first.
    by_code: BTreeMap<IscoCode, Vec<u32>>,
    /// The slots (dead ones too) of the seekers with each skill id.
    by_skill: Vec<Vec<u32>>,
}

impl SeekerIndex {
    /// Prepares `seekers` for scoring with `cfg`. Fails on a duplicate id.
    pub fn build(cfg: &ScoringConfig, seekers: &[Jobseeker]) -> Result<Self> {
        Self::build_with(cfg, seekers, Executor::Global)
    }

    /// [`build`](Self::build) on `exec`: vocabularies in byte order, seekers
    /// prepared and ids sorted in parallel.
    pub fn build_with(cfg: &ScoringConfig, seekers: &[Jobseeker], exec: Executor<'_>) -> Result<Self> {
        let slots = Slots::of("seekers", seekers.iter().map(|s| s.id.clone()).collect(), exec)?;
        let skill_vocab = Interner::sorted(seekers, |s| s.skills.iter().map(String::as_str), exec);
        let cert_vocab = Interner::sorted(seekers, |s| s.certificates.iter().map(String::as_str), exec);
        let prepared =
            par_map(seekers, 64, |s| PreparedSeeker::new(cfg, s, Some(&skill_vocab), Some(&cert_vocab)), exec);
        let mut ix = SeekerIndex {
            cfg: cfg.clone(),
            slots,
            prepared,
            skill_vocab,
            cert_vocab,
            grid: Grid::covering(&[], cfg.travel().earth_radius_km),
            reach: Vec::new(),
            max_reach_km: None,
            changes: 0,
            by_code: BTreeMap::new(),
            by_skill: Vec::new(),
        };
        for slot in 0..ix.prepared.len() as u32 {
            ix.list(slot);
        }
        ix.relayout();
        Ok(ix)
    }

    /// Lays the grid out again over the live seekers, with each cell's
    /// largest reach and box: as tight as a fresh build's.
    fn relayout(&mut self) {
        let live: Vec<u32> = (0..self.prepared.len() as u32).filter(|&s| self.slots.is_live(s)).collect();
        let pts: Vec<(f64, f64)> = live
            .iter()
            .map(|&s| &self.prepared[s as usize])
            .filter(|p| p.reach_km.is_some())
            .map(|p| (p.lat_deg, p.lon_deg))
            .collect();
        self.grid = Grid::covering(&pts, self.cfg.travel().earth_radius_km);
        self.reach = vec![0.0; self.grid.len()];
        self.max_reach_km = None;
        for slot in live {
            self.place(slot);
        }
        self.changes = 0;
    }

    /// Enters a seeker into the code and skill lists.
    fn list(&mut self, slot: u32) {
        let p = &self.prepared[slot as usize];
        for (i, &code) in p.codes.iter().enumerate() {
            if !p.codes[..i].contains(&code) {
                self.by_code.entry(code).or_default().push(slot);
            }
        }
        for &skill in &p.skills {
            let s = skill as usize;
            if self.by_skill.len() <= s {
                self.by_skill.resize_with(s + 1, Vec::new);
            }
            self.by_skill[s].push(slot);
        }
    }

    /// Puts a live seeker into the grid (seekers who reach nothing but remote
    /// work stay out of it).
    fn place(&mut self, slot: u32) {
        let p = &self.prepared[slot as usize];
        let Some(r) = p.reach_km else { return };
        let c = self.grid.cell_of(p.lat_deg, p.lon_deg);
        self.grid.insert(c, slot, p.lat_deg, p.lon_deg);
        self.max_reach_km = Some(self.max_reach_km.map_or(r, |m| m.max(r)));
        let cell = &mut self.reach[c as usize];
        *cell = cell.max(r);
    }

    /// Adds seekers without rebuilding. Fails, changing nothing, when an id
    /// is already present or repeated.
    pub fn add(&mut self, seekers: &[Jobseeker]) -> Result<()> {
        self.slots.check_new(seekers.iter().map(|s| &s.id))?;
        for s in seekers {
            // New skills and certificates join the vocabularies (ids only
            // ever meet in equality tests).
            self.skill_vocab.intern_set(&s.skills);
            self.cert_vocab.intern_set(&s.certificates);
            let slot = self.prepared.len() as u32;
            self.prepared.push(PreparedSeeker::new(&self.cfg, s, Some(&self.skill_vocab), Some(&self.cert_vocab)));
            self.place(slot);
            self.list(slot);
        }
        self.slots.append(seekers.iter().map(|s| s.id.clone()));
        self.changes += seekers.len();
        if self.stale() {
            self.relayout();
        }
        Ok(())
    }

    /// Adds each seeker, replacing a live one with the same id. Fails,
    /// changing nothing, when an id is repeated among `seekers`.
    pub fn upsert(&mut self, seekers: &[Jobseeker]) -> Result<()> {
        unique("seekers", seekers.iter().map(|s| &s.id))?;
        for s in seekers {
            self.remove(s.id.as_str());
        }
        self.add(seekers)
    }

    /// Removes the seeker with this id; whether it was present. It leaves the
    /// grid at once; its slot stays, dead, until the next compaction.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.slots.remove(id) else { return false };
        let p = &self.prepared[slot as usize];
        if p.reach_km.is_some() {
            let found = self.grid.remove(self.grid.cell_of(p.lat_deg, p.lon_deg), slot);
            debug_assert!(found, "a live seeker with a reach is in its cell");
        }
        self.changes += 1;
        if self.slots.dead() > self.slots.live() {
            self.compact();
        } else if self.stale() {
            self.relayout();
        }
        true
    }

    fn stale(&self) -> bool {
        self.changes > self.slots.live() / 4 + 4
    }

    /// Drops the dead slots and lays the grid out again: `O(n log n)`. The
    /// vocabularies are kept. Runs by itself when removals leave more dead
    /// slots than live ones.
    pub fn compact(&mut self) {
        let live: Vec<u32> = (0..self.prepared.len() as u32).filter(|&s| self.slots.is_live(s)).collect();
        let ids = live.iter().map(|&s| self.slots.id(s).clone()).collect();
        // The live ids are unique, so ranking them cannot fail.
        let Ok(slots) = Slots::of("seekers", ids, Executor::CurrentThread) else { return };
        let old = std::mem::replace(&mut self.slots, slots);
        let prepared = std::mem::take(&mut self.prepared).into_iter().enumerate();
        self.prepared = prepared.filter(|(s, _)| old.is_live(*s as u32)).map(|(_, p)| p).collect();
        self.by_code.clear();
        self.by_skill.iter_mut().for_each(Vec::clear);
        for slot in 0..self.prepared.len() as u32 {
            self.list(slot);
        }
        self.relayout();
    }

    /// Whether a live seeker has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.slots.find(id).is_some()
    }

    /// The ids of the live seekers, ascending.
    pub fn ids(&self) -> impl Iterator<Item = &Id> + '_ {
        self.slots.live_ids()
    }

    /// Number of (live) seekers.
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
            + self.reach.capacity() * 8
            + self.by_code.values().map(|l| l.capacity() * 4 + 48).sum::<usize>()
            + self.by_skill.iter().map(|l| l.capacity() * 4 + 24).sum::<usize>()
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
        let cfg = &self.cfg;
        let er = cfg.travel().earth_radius_km;
        // Nobody reaches a located vacancy from outside the largest reach of all.
        let window = match (q.row.remote, self.max_reach_km) {
            (true, _) => None,
            (false, Some(r)) => Some(DegWindow::around(q.lat_deg, q.lon_deg, r, er)),
            (false, None) => return Vec::new(),
        };
        SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            let top = self.top_by_bounds(&q, &v, window.as_ref(), opts, stats, &mut scratch);
            to_matches(top, &self.slots)
        })
    }

    /// The single-vacancy walk in the order of score bounds. The seekers who
    /// list a code close to the vacancy's (a common prefix of 2 to 4 digits,
    /// from the code lists) or have one of its skills (from the skill lists,
    /// counting how many of its essential and optional skills each has) are
    /// the candidates; each gets a bound from its exact skills component and
    /// the best occupation its closest code allows (every other component at
    /// its best, 1), and they are visited by falling bound, in buckets, until
    /// a bucket's bound cannot enter the top k. Everyone else has no skill
    /// of the vacancy and no code within two digits of it: one bound for all
    /// of them, and only if it can still enter are they walked (the grid).
    fn top_by_bounds(
        &self,
        q: &PreparedVacancy,
        v: &VacancySide<'_>,
        window: Option<&DegWindow>,
        opts: &RankOptions,
        stats: &mut KernelStats,
        scratch: &mut Scratch,
    ) -> TopK {
        let cfg = &self.cfg;
        let er = cfg.travel().earth_radius_km;
        let mut top = TopK::new(opts.k());
        scratch.prepare(self.prepared.len());
        let Scratch { marks, touched, buckets } = scratch;
        // Closest codes: the longest common prefix of 2 to 4 digits.
        let isco = q.row.isco;
        for (code, list) in &self.by_code {
            let n = code.common_prefix(&isco) as u8;
            if n < 2 {
                continue;
            }
            for &slot in list {
                let m = &mut marks[slot as usize];
                if !m.touched {
                    m.touched = true;
                    touched.push(slot);
                }
                m.prefix = m.prefix.max(n);
            }
        }
        for (ids, essential) in [(v.ess, true), (v.opt, false)] {
            for &id in ids {
                for &slot in self.by_skill.get(id as usize).map_or(&[][..], Vec::as_slice) {
                    let m = &mut marks[slot as usize];
                    if !m.touched {
                        m.touched = true;
                        touched.push(slot);
                    }
                    if essential {
                        m.ess = m.ess.saturating_add(1);
                    } else {
                        m.opt = m.opt.saturating_add(1);
                    }
                }
            }
        }
        let prox = cfg.proximity();
        // The best occupation of a seeker whose codes share at most `n` digits.
        let occupation_up_to = |n: usize| prox[..=n].iter().copied().fold(0.0, f64::max);
        let no_skills = v.n_ess == 0 && v.n_opt == 0;
        let counted = v.ess.len() < usize::from(u8::MAX) && v.opt.len() < usize::from(u8::MAX);
        let bound = |m: &Mark| {
            // Without a code in the lists the seeker's closest code shares at most 1 digit.
            let occupation = occupation_up_to(usize::from(m.prefix.max(1)));
            let skills = if no_skills {
                occupation
            } else if !counted {
                1.0
            } else {
                components::skills(cfg, usize::from(m.ess), v.n_ess, usize::from(m.opt), v.n_opt, occupation)
            };
            Components { skills, occupation, level: 1.0, mobility: 1.0, sector: 1.0, hours: 1.0 }.total(cfg)
        };
        // Buckets of candidates by bound, with each bucket's largest bound.
        // A bound depends only on (prefix, essential hits, optional hits):
        // for the usual vacancy (a few dozen skills) a table of them saves
        // working it out for each of the many seekers its skills touch.
        let (ne, no) = (v.ess.len() + 1, v.opt.len() + 1);
        let table: Option<Vec<f64>> = (counted && 5 * ne * no <= 1 << 16).then(|| {
            let mut t = Vec::with_capacity(5 * ne * no);
            for prefix in 0..5u8 {
                for ess in 0..ne {
                    for opt in 0..no {
                        // Both counts are below 255 here (`counted`).
                        let m = Mark { touched: true, prefix, ess: ess as u8, opt: opt as u8 };
                        t.push(bound(&m));
                    }
                }
            }
            t
        });
        for &slot in touched.iter() {
            let m = &marks[slot as usize];
            let b = match &table {
                Some(t) => t[(usize::from(m.prefix) * ne + usize::from(m.ess)) * no + usize::from(m.opt)],
                None => bound(m),
            };
            let i = ((b * BUCKETS as f64) as usize).min(BUCKETS - 1);
            let bucket = &mut buckets[i];
            bucket.0 = bucket.0.max(b);
            bucket.1.push(slot);
        }
        let rest = bound(&Mark::default());
        let open = |b: f64, top: &TopK| opts.admits(b) && !top.cannot_enter(b, 0);
        let mut visit = |slot: u32, top: &mut TopK| {
            if !self.slots.is_live(slot) {
                return;
            }
            let p = &self.prepared[slot as usize];
            // A located vacancy is beyond the reach of a seeker outside the
            // window, or of one who reaches remote work only: excluded.
            if let Some(w) = window {
                if p.reach_km.is_none() || !w.contains(p.lat_deg, p.lon_deg) {
                    return;
                }
            }
            let rank = self.slots.rank[slot as usize];
            stats.pairs_considered += 1;
            let out = evaluate(cfg, &p.side(), v, |bound| !opts.admits(bound) || top.cannot_enter(bound, rank));
            if let Outcome::Scored(score) = out {
                stats.pairs_scored += 1;
                if opts.admits(score) {
                    top.push(score, rank, slot);
                }
            }
        };
        let mut ended = false;
        for (max, slots) in buckets.iter().rev() {
            if slots.is_empty() {
                continue;
            }
            if !open(*max, &top) {
                ended = true;
                break;
            }
            slots.iter().for_each(|&slot| visit(slot, &mut top));
        }
        if !ended && open(rest, &top) {
            let fresh = |slot: u32| !marks[slot as usize].touched;
            match window {
                // No travel: every seeker is a candidate.
                None => (0..self.prepared.len() as u32).filter(|&s| fresh(s)).for_each(|s| visit(s, &mut top)),
                Some(w) => {
                    // The grid walk: a cell is skipped when the least distance
                    // to its box exceeds the largest reach of its seekers (a
                    // score bound would need each seeker's own terms).
                    self.grid.for_each_cell(w, |c, bx| {
                        if bx.min_km(q.geo.lat, q.geo.cos_lat, q.geo.lon, er) <= self.reach[c] {
                            self.grid.cell(c).iter().filter(|&&s| fresh(s)).for_each(|&s| visit(s, &mut top));
                        }
                    });
                }
            }
        }
        scratch.clear();
        top
    }

    /// Top-k seekers for every vacancy, subjects in ascending id order, like
    /// [`reference::vacancy_to_seekers`](super::reference::vacancy_to_seekers).
    pub fn rank_vacancies(
        &self,
        vacancies: &[Vacancy],
        opts: &RankOptions,
        exec: Executor<'_>,
    ) -> (Vec<Ranking>, KernelStats) {
        self.rank_vacancies_within(vacancies, opts, exec, MAX_ENTRIES)
    }

    /// [`rank_vacancies`](Self::rank_vacancies), transposed unless the
    /// batch's top-k lists would hold more than `max_entries` entries.
    fn rank_vacancies_within(
        &self,
        vacancies: &[Vacancy],
        opts: &RankOptions,
        exec: Executor<'_>,
        max_entries: usize,
    ) -> (Vec<Ranking>, KernelStats) {
        let prepared = par_map(vacancies, 64, |v| PreparedVacancy::new(v, &self.skill_vocab, &self.cert_vocab), exec);
        let by_rank = self.slots.live_by_rank();
        let view = SeekerView { cfg: &self.cfg, prepared: &self.prepared, by_rank: &by_rank };
        let Some((tops, stats)) = rank_batch(&view, prepared, opts, exec, max_entries) else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GeoPoint, HoursRange, IscoCode, Nace};
    use crate::rank::reference;

    /// Past its switch point the transposed batch falls back to one vacancy
    /// at a time; both give the reference's rankings, bit for bit.
    #[test]
    fn the_per_vacancy_fallback_equals_the_batch_and_the_reference() {
        let at = |i: usize| GeoPoint::new(53.2 + (i % 7) as f64 * 0.01, 6.5 + (i % 5) as f64 * 0.02).unwrap();
        let id = |p: &str, i: usize| Id::new(format!("{p}{i}")).unwrap();
        let seekers: Vec<Jobseeker> = (0..30)
            .map(|i| {
                let mut s = Jobseeker::new(id("S", i), at(i));
                s.desired_occupations = vec![IscoCode::parse(["9112", "9111", "5223"][i % 3]).unwrap()];
                s.hours = HoursRange::new(0, 20 + (i % 4) as u8 * 5).unwrap();
                s
            })
            .collect();
        let vacancies: Vec<Vacancy> = (0..25)
            .map(|i| {
                let code = IscoCode::parse(["9112", "5223"][i % 2]).unwrap();
                let mut v = Vacancy::new(id("V", i), code, Nace::parse("N").ok(), at(i * 3));
                v.hours = HoursRange::new((i % 3) as u8 * 8, 40).unwrap();
                v
            })
            .collect();
        let cfg = ScoringConfig::default();
        let ix = SeekerIndex::build(&cfg, &seekers).unwrap();
        let opts = RankOptions::top(4);
        let want = reference::vacancy_to_seekers(&cfg, &vacancies, &seekers, &opts);
        let one = Executor::CurrentThread;
        let batch = ix.rank_vacancies_within(&vacancies, &opts, one, MAX_ENTRIES).0;
        let fallback = ix.rank_vacancies_within(&vacancies, &opts, one, 0).0;
        assert_eq!(batch, want);
        assert_eq!(fallback, want);
        assert!(want.iter().any(|r| r.matches.len() == 4));
    }
}
