//! Vacancy → seekers for a whole batch, enumerated from the seeker side.
//!
//! Asking each vacancy for its seekers visits every seeker within the
//! *largest* reach of anyone, which in a region where everybody lives near
//! the city is nearly every pair. Here the pairs are enumerated the other
//! way round, as seeker → vacancies does: each seeker visits only the
//! vacancies within its *own* reach, grouped by ISCO code, level and requirements so that the
//! occupation component (and with it a score bound) is computed once per
//! seeker and group. Each pair that passes goes into the top-k of its
//! vacancy. [`rank_range`] runs one task in named steps: a seeker, a group,
//! its cells, a pair.
//!
//! Parallel tasks split the vacancies (contiguous runs of groups), not the
//! seekers: each task visits every seeker, in ascending id rank, for its own
//! vacancies, so every vacancy's top-k is complete in one task and the result
//! (and the work counted) does not depend on the split. As seekers come in
//! rank order, a newcomer loses every tie: a pair whose score bound does not
//! exceed the vacancy's k-th score can be skipped. Each seeker bounds each
//! group (see `bounds`), and bit sets of the vacancies still open below each
//! cut of the score scale (see `open`) let it skip a group's filled
//! vacancies without looking at them.

use std::collections::BTreeMap;

use super::batch::KernelStats;
use super::bounds::{cell_bound, BoundTables, GroupSummary, OccupationRun, SkillGroups};
use super::eval::{evaluate_with, Geo, Outcome, SeekerSide, VacRow, VacancySide};
use super::exec::{par_map, Executor};
use super::intern::IdBits;
use super::open::OpenSets;
use super::prepared::{PreparedSeeker, PreparedVacancy};
use super::ranked::{Ranked, RankedRow};
use super::spatial::{DegWindow, Grid};
use super::tops::Tops;
use super::RankOptions;
use crate::model::IscoCode;
use crate::score::components::Components;
use crate::score::ScoringConfig;

/// Top-k entries above this many (all vacancies × k) make the
/// transposed ranking fall back to one vacancy at a time (huge k).
pub(crate) const MAX_ENTRIES: usize = 1 << 25;

/// The vacancies of one group key (ISCO code, level, requirements), at positions `start..end` of the batch
/// layout: the located ones in grid-cell order, then the remote ones from
/// `remote`. `cell_start[c]..cell_start[c + 1]` are the positions in cell `c`.
struct Group {
    isco: IscoCode,
    /// The vacancies' skill level (SCORING.md 2.1), the same for the group.
    level: u8,
    /// The vacancies' requirement mask, the same for the group.
    reqs: u16,
    start: usize,
    end: usize,
    remote: usize,
    grid: Grid,
    cell_start: Vec<u32>,
    /// What the group's vacancies could at best offer, for its score bound.
    summary: GroupSummary,
}

/// The query vacancies laid out by group and grid cell.
struct Batch {
    /// The pair-evaluation fields by position, with the location beside
    /// them (one cache line each; the vacancy index keeps locations in a
    /// column of their own, as its queries read them for fewer records).
    rows: Vec<(Geo, VacRow)>,
    /// The rows' id lists (see [`VacRow`]).
    ids: Vec<u32>,
    /// Location (degrees) by position.
    loc: Vec<(f64, f64)>,
    /// The smallest hours by position, packed small so that the many pairs
    /// this knock-out excludes cost one cache-friendly load.
    hours_min: Vec<u8>,
    /// The input index of each position.
    input: Vec<u32>,
    groups: Vec<Group>,
    /// One more than the largest skill id a vacancy asks for.
    n_skill_ids: usize,
}

impl Batch {
    fn new(cfg: &ScoringConfig, prepared: Vec<PreparedVacancy>) -> Batch {
        let er = cfg.travel().earth_radius_km;
        // Requirements in the key let a seeker skip every vacancy whose
        // language, physical-load, licence or target-group demand it fails
        // with one test per group.
        let mut by_code: BTreeMap<(IscoCode, u8, u16), Vec<usize>> = BTreeMap::new();
        for (i, v) in prepared.iter().enumerate() {
            // Nobody holds an unknown required certificate: such a vacancy stays empty.
            if !v.certs_impossible {
                by_code.entry(v.row.key()).or_default().push(i);
            }
        }
        let mut slots: Vec<Option<PreparedVacancy>> = prepared.into_iter().map(Some).collect();
        let (mut rows, mut ids, mut loc, mut hours_min, mut input) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut groups = Vec::with_capacity(by_code.len());
        for ((isco, level, reqs), members) in by_code {
            let mut summary = GroupSummary::default();
            let pts: Vec<(f64, f64)> = members
                .iter()
                .filter_map(|&i| slots[i].as_ref())
                .filter(|v| !v.row.remote)
                .map(|v| (v.lat_deg, v.lon_deg))
                .collect();
            let mut grid = Grid::covering(&pts, er);
            let cells = grid.len();
            let mut keyed: Vec<(u32, usize)> = members
                .iter()
                .filter_map(|&i| {
                    let v = slots[i].as_ref()?;
                    Some((if v.row.remote { u32::MAX } else { grid.cell_of(v.lat_deg, v.lon_deg) }, i))
                })
                .collect();
            keyed.sort_unstable();
            let start = rows.len();
            let mut cell_start = vec![0u32; cells + 1];
            let mut remote = None;
            for (cell, i) in keyed {
                let Some(v) = slots[i].take() else { continue };
                let r = v.row;
                summary.add(cfg, r.hours, r.sector, r.training, r.n_ess as usize, r.n_opt as usize);
                if cell == u32::MAX {
                    remote.get_or_insert(rows.len());
                } else {
                    grid.note(cell, v.lat_deg, v.lon_deg);
                    if let Some(c) = cell_start.get_mut(cell as usize + 1) {
                        *c += 1;
                    }
                }
                loc.push((v.lat_deg, v.lon_deg));
                hours_min.push(r.hours.min());
                rows.push((v.geo, VacRow { at: ids.len() as u32, ..r }));
                ids.extend_from_slice(&v.ids);
                input.push(i as u32);
            }
            // Counts to absolute starts.
            let mut at = start as u32;
            for c in cell_start.iter_mut() {
                at += *c;
                *c = at;
            }
            let end = rows.len();
            groups.push(Group {
                isco,
                level,
                reqs,
                start,
                end,
                remote: remote.unwrap_or(end),
                grid,
                cell_start,
                summary,
            });
        }
        let n_skill_ids = rows
            .iter()
            .flat_map(|(_, r)| &ids[r.list()][..(r.known_ess + r.known_opt) as usize])
            .max()
            .map_or(0, |&m| m as usize + 1);
        Batch { rows, ids, loc, hours_min, input, groups, n_skill_ids }
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    /// A row of the batch as the kernel's pair view.
    #[inline]
    fn side(&self, (geo, row): &(Geo, VacRow)) -> VacancySide<'_> {
        row.side(*geo, &self.ids)
    }
}

/// The seekers' side of the batch.
pub(crate) struct SeekerView<'a> {
    pub cfg: &'a ScoringConfig,
    pub prepared: &'a [PreparedSeeker],
    /// The seeker slot of each id rank.
    pub by_rank: &'a [u32],
}

/// Ranks every seeker (in id rank order) for the vacancies of a range of
/// groups, into top-k lists indexed by position minus the range's first.
fn rank_range(
    view: &SeekerView<'_>,
    seekers: &Ranked,
    batch: &Batch,
    range: std::ops::Range<usize>,
    k: usize,
    opts: &RankOptions,
) -> (Tops, KernelStats) {
    let mut task = Task::new(view.cfg, batch, &batch.groups[range], k, opts);
    for i in 0..seekers.len() {
        let (s, row) = seekers.get(i);
        task.seeker(&s, row);
    }
    (task.found.tops, task.found.stats)
}

/// One task of the transposed batch: what it reads ([`Ctx`]), what it found
/// so far ([`Found`]), and the per-seeker scratch space.
struct Task<'a> {
    ctx: Ctx<'a>,
    tables: BoundTables,
    /// The skills each of the task's groups asks for, by local group index.
    skill_groups: SkillGroups,
    /// Which vacancies a bound can still enter, per cut of the score scale.
    open: OpenSets,
    found: Found,
    /// The current seeker's share of each group's skill union.
    sums: Vec<f64>,
}

/// What a task reads while it visits pairs.
struct Ctx<'a> {
    cfg: &'a ScoringConfig,
    opts: &'a RankOptions,
    batch: &'a Batch,
    groups: &'a [Group],
    /// The batch position of the task's first vacancy: positions below are
    /// local (`p` is the vacancy at `base + p`).
    base: usize,
    /// The current seeker's skills as a bit set over the ids the vacancies
    /// ask for: a skill test is one load instead of a sorted merge.
    bits: IdBits,
}

/// What a task has found: the top-k lists, the work counted, and the lists
/// whose threshold rose while a group's open sets were being read (applied
/// to the sets after the group).
struct Found {
    tops: Tops,
    stats: KernelStats,
    raised: Vec<(usize, f64)>,
}

/// The seeker a task is at, with what is fixed for the group being visited.
struct At<'s, 'a> {
    s: &'s SeekerSide<'a>,
    rank: u32,
    occupation: f64,
}

impl<'a> Task<'a> {
    fn new(cfg: &'a ScoringConfig, batch: &'a Batch, groups: &'a [Group], k: usize, opts: &'a RankOptions) -> Self {
        let base = groups.first().map_or(0, |g| g.start);
        let n = groups.last().map_or(0, |g| g.end) - base;
        let mut skill_groups = SkillGroups::default();
        for (gi, g) in groups.iter().enumerate() {
            for r in &batch.rows[g.start..g.end] {
                let v = batch.side(r);
                for (set, how) in [(v.ess, 1), (v.opt, 2)] {
                    for &id in set {
                        skill_groups.add(id, gi as u32, how);
                    }
                }
            }
        }
        Task {
            ctx: Ctx { cfg, opts, batch, groups, base, bits: IdBits::new(batch.n_skill_ids) },
            tables: BoundTables::new(cfg),
            skill_groups,
            open: OpenSets::new(n),
            found: Found { tops: Tops::new(n, k), stats: KernelStats::default(), raised: Vec::new() },
            sums: vec![0.0; groups.len()],
        }
    }

    /// Step 1: one seeker against every group of the task.
    fn seeker(&mut self, s: &SeekerSide<'_>, row: &RankedRow) {
        self.ctx.bits.set(s.skills, true);
        self.sums.fill(0.0);
        self.skill_groups.accumulate(self.ctx.cfg, s.skills, &mut self.sums);
        // Groups come by code: the occupation is computed once per code.
        let mut occ = OccupationRun::default();
        for gi in 0..self.ctx.groups.len() {
            let g = &self.ctx.groups[gi];
            // Every vacancy of a group has the group's requirements.
            if g.reqs & !s.caps != 0 {
                continue;
            }
            let at = At { s, rank: row.rank, occupation: occ.get(self.ctx.cfg, g.isco, s.codes) };
            self.group(gi, &at, row);
        }
        self.ctx.bits.set(s.skills, false);
    }

    /// Step 2: the seeker against one group: its bound, then the remote
    /// vacancies, then the located ones, by cell unless they are few.
    fn group(&mut self, gi: usize, at: &At<'_, '_>, row: &RankedRow) {
        let (ctx, open, found) = (&self.ctx, &self.open, &mut self.found);
        let g = &ctx.groups[gi];
        let Some(comps) = g.summary.components(&self.tables, &row.terms, g.level, at.occupation, self.sums[gi]) else {
            return;
        };
        let bound = comps.total(ctx.cfg);
        if !ctx.opts.admits(bound) {
            return;
        }
        let j = OpenSets::set_for(bound);
        let (g0, g1, gr) = (g.start - ctx.base, g.end - ctx.base, g.remote - ctx.base);
        if open.none_in(j, g0, g1) {
            return;
        }
        // The remote vacancies come last in the group.
        open.for_each(j, gr, g1, |p| found.visit(ctx, p, bound, at));
        if let Some(w) = &row.window {
            if gr - g0 <= 16 {
                // Too few for the grid to pay: each against the window.
                open.for_each(j, g0, gr, |p| {
                    let (la, lo) = ctx.batch.loc[ctx.base + p];
                    if w.contains(la, lo) {
                        found.visit(ctx, p, bound, at);
                    }
                });
            } else {
                cells(ctx, open, found, g, w, &comps, j, at);
            }
        }
        for (p, old) in found.raised.drain(..) {
            self.open.raise(p, old, found.tops.threshold(p));
        }
    }
}

/// Step 3: the located vacancies of a group by grid cell, each cell bounded
/// again with the best mobility anything in it can have (the least travel
/// time to its box), which also picks a tighter open set.
#[allow(clippy::too_many_arguments)]
fn cells(
    ctx: &Ctx<'_>,
    open: &OpenSets,
    found: &mut Found,
    g: &Group,
    w: &DegWindow,
    comps: &Components,
    j: usize,
    at: &At<'_, '_>,
) {
    g.grid.for_each_cell(w, |cell, bx| {
        let (a, b) = (g.cell_start[cell] as usize - ctx.base, g.cell_start[cell + 1] as usize - ctx.base);
        // Only a cell with an open vacancy is worth the distance bound.
        if open.none_in(j, a, b) {
            return;
        }
        let Some(cb) = cell_bound(ctx.cfg, comps, bx, at.s) else { return };
        if !ctx.opts.admits(cb) {
            return;
        }
        open.for_each(OpenSets::set_for(cb), a, b, |p| found.visit(ctx, p, cb, at));
    });
}

impl Found {
    /// Step 4: one pair, the vacancy at local position `p` whose score is at
    /// most `bound`.
    #[inline]
    fn visit(&mut self, ctx: &Ctx<'_>, p: usize, bound: f64, at: &At<'_, '_>) {
        // As seekers come in rank order, a bound equal to the k-th score loses the tie.
        self.stats.pairs_considered += 1;
        if self.tops.cannot_enter(p, bound) {
            return;
        }
        let (batch, s) = (ctx.batch, at.s);
        // The hours knock-out `evaluate_with` tests, from a packed column
        // (the requirements were tested for the whole group).
        if batch.hours_min[ctx.base + p] > s.hours.max() {
            return;
        }
        let v = batch.side(&batch.rows[ctx.base + p]);
        let (opts, tops) = (ctx.opts, &self.tops);
        let hits = |set: &[u32]| ctx.bits.count(set);
        let skip = |b: f64| !opts.admits(b) || tops.cannot_enter(p, b);
        if let Outcome::Scored(score) = evaluate_with(ctx.cfg, s, &v, || at.occupation, hits, skip) {
            self.stats.pairs_scored += 1;
            if opts.admits(score) {
                let old = self.tops.threshold(p);
                self.tops.push(p, score, at.rank);
                if self.tops.threshold(p) != old {
                    self.raised.push((p, old));
                }
            }
        }
    }
}

/// One vacancy's top-k as `(score, seeker slot)`, best first.
pub(crate) type SlotMatches = Vec<(f64, u32)>;

/// Top-k seekers (as `(score, seeker slot)`, best first) for each of
/// `vacancies` in input order, or `None` when the per-vacancy lists would be
/// too large (the caller then ranks one vacancy at a time).
pub(crate) fn rank_batch(
    view: &SeekerView<'_>,
    vacancies: Vec<PreparedVacancy>,
    opts: &RankOptions,
    exec: Executor<'_>,
    max_entries: usize,
) -> Option<(Vec<SlotMatches>, KernelStats)> {
    let n_seekers = view.by_rank.len();
    let n_input = vacancies.len();
    let k = opts.k().min(n_seekers);
    if k == 0 {
        return Some((vec![Vec::new(); n_input], KernelStats::default()));
    }
    if n_input.checked_mul(k)? > max_entries {
        return None;
    }
    let batch = Batch::new(view.cfg, vacancies);
    // Every task visits every seeker: they are laid out once, in rank order.
    let seekers = Ranked::new(view.cfg, view.prepared, view.by_rank, exec);
    // Tasks split the vacancies, not the seekers: every vacancy's top-k is
    // complete in one task, so nothing is merged and pruning is as strong
    // as on one thread. Contiguous runs of groups of about equal size, many
    // per thread: that evens out the load, and a task's top-k lists and open
    // sets stay in cache (so even one thread runs faster with 32 tasks than
    // with one, although each task walks every seeker).
    let n_tasks = 16 * exec.threads().max(2);
    let target = batch.len().div_ceil(n_tasks).max(1);
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut from = 0;
    for (gi, g) in batch.groups.iter().enumerate() {
        let first = batch.groups.get(from).map_or(0, |f| f.start);
        if g.end - first >= target || gi + 1 == batch.groups.len() {
            ranges.push(from..gi + 1);
            from = gi + 1;
        }
    }
    // Each task also turns its top-k lists into seeker slots by input index,
    // so that only moving the lists into place is left for after.
    let run = |r: &std::ops::Range<usize>| {
        let base = batch.groups.get(r.start).map_or(0, |g| g.start);
        let (tops, st) = rank_range(view, &seekers, &batch, r.clone(), k, opts);
        let lists: Vec<(u32, SlotMatches)> = (0..tops.len())
            .filter_map(|local| {
                let &input = batch.input.get(base + local)?;
                // Seekers came in rank order, so ties are already by rank.
                let list = tops
                    .entries(local)
                    .into_iter()
                    .filter_map(|(score, rank)| view.by_rank.get(rank as usize).map(|&slot| (score, slot)))
                    .collect();
                Some((input, list))
            })
            .collect();
        (lists, st)
    };
    let parts = par_map(&ranges, 1, run, exec);
    let mut stats = KernelStats::default();
    let mut out = vec![Vec::new(); n_input];
    for (lists, st) in parts {
        stats += st;
        for (input, list) in lists {
            if let Some(o) = out.get_mut(input as usize) {
                *o = list;
            }
        }
    }
    Some((out, stats))
}
