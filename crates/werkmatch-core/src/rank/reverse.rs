//! Vacancy → seekers for a whole batch, enumerated from the seeker side.
//!
//! Asking each vacancy for its seekers visits every seeker within the
//! *largest* reach of anyone, which in a region where everybody lives near
//! the city is nearly every pair. Here the pairs are enumerated the other
//! way round, as seeker → vacancies does: each seeker visits only the
//! vacancies within its *own* reach, grouped by ISCO code so that the
//! occupation component (and with it a score bound) is computed once per
//! seeker and group. Each pair that passes goes into the top-k of its
//! vacancy.
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
use super::eval::{evaluate_with, Geo, Outcome, VacancySide};
use super::exec::{par_map, Executor};
use super::intern::IdBits;
use super::open::OpenSets;
use super::prepared::{PreparedSeeker, PreparedVacancy};
use super::ranked::Ranked;
use super::spatial::Grid;
use super::tops::Tops;
use super::RankOptions;
use crate::model::{HoursRange, IscoCode};
use crate::score::ScoringConfig;

/// Top-k entries above this many (all vacancies × k) make the
/// transposed ranking fall back to one vacancy at a time (huge k).
const MAX_ENTRIES: usize = 1 << 25;

/// The vacancies of one ISCO code, at positions `start..end` of the batch
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
    /// The pair-evaluation fields by position, one cache line each.
    rows: Vec<Row>,
    /// The rows' known essential and optional skills and certificates, flat.
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
                by_code.entry((v.isco, v.level, v.reqs)).or_default().push(i);
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
                .filter(|v| !v.remote)
                .map(|v| (v.lat_deg, v.lon_deg))
                .collect();
            let mut grid = Grid::covering(&pts, er);
            let cells = grid.len();
            let mut keyed: Vec<(u32, usize)> = members
                .iter()
                .filter_map(|&i| {
                    let v = slots[i].as_ref()?;
                    Some((if v.remote { u32::MAX } else { grid.cell_of(v.lat_deg, v.lon_deg) }, i))
                })
                .collect();
            keyed.sort_unstable();
            let start = rows.len();
            let mut cell_start = vec![0u32; cells + 1];
            let mut remote = None;
            for (cell, i) in keyed {
                let Some(v) = slots[i].take() else { continue };
                summary.add(cfg, v.hours, v.sector, v.training, v.n_ess, v.n_opt);
                if cell == u32::MAX {
                    remote.get_or_insert(rows.len());
                } else {
                    grid.note(cell, v.lat_deg, v.lon_deg);
                    if let Some(c) = cell_start.get_mut(cell as usize + 1) {
                        *c += 1;
                    }
                }
                loc.push((v.lat_deg, v.lon_deg));
                hours_min.push(v.hours.min());
                rows.push(Row::new(&v, &mut ids));
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
            .flat_map(|r| ids.get(r.ess_at as usize..r.cert_at as usize).unwrap_or(&[]))
            .max()
            .map_or(0, |&m| m as usize + 1);
        Batch { rows, ids, loc, hours_min, input, groups, n_skill_ids }
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    /// The vacancy at position `p` as the kernel's pair view.
    #[inline]
    fn side(&self, r: &Row) -> VacancySide<'_> {
        let ids = |a: u32, n: u32| self.ids.get(a as usize..a as usize + n as usize).unwrap_or(&[]);
        VacancySide {
            geo: r.geo,
            remote: r.remote,
            isco: r.isco,
            level: r.level,
            training: r.training,
            hours: r.hours,
            earliest: r.earliest,
            reqs: r.reqs,
            certs_impossible: false,
            certs: ids(r.cert_at, r.n_cert),
            sector: r.sector,
            ess: ids(r.ess_at, r.known_ess),
            n_ess: r.n_ess as usize,
            opt: ids(r.ess_at + r.known_ess, r.known_opt),
            n_opt: r.n_opt as usize,
        }
    }
}

/// A prepared vacancy without its heap lists (those live in `Batch::ids`).
#[derive(Clone, Copy, Debug)]
struct Row {
    geo: Geo,
    isco: IscoCode,
    hours: HoursRange,
    earliest: Option<u16>,
    reqs: u16,
    level: u8,
    sector: u8,
    remote: bool,
    training: bool,
    ess_at: u32,
    cert_at: u32,
    known_ess: u32,
    known_opt: u32,
    n_ess: u32,
    n_opt: u32,
    n_cert: u32,
}

impl Row {
    fn new(v: &PreparedVacancy, ids: &mut Vec<u32>) -> Row {
        let ess_at = ids.len() as u32;
        ids.extend_from_slice(&v.ess);
        ids.extend_from_slice(&v.opt);
        let cert_at = ids.len() as u32;
        ids.extend_from_slice(&v.certs);
        Row {
            geo: v.geo,
            isco: v.isco,
            hours: v.hours,
            earliest: v.earliest,
            reqs: v.reqs,
            level: v.level,
            sector: v.sector,
            remote: v.remote,
            training: v.training,
            ess_at,
            cert_at,
            known_ess: v.ess.len() as u32,
            known_opt: v.opt.len() as u32,
            n_ess: v.n_ess as u32,
            n_opt: v.n_opt as u32,
            n_cert: v.certs.len() as u32,
        }
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
    let cfg = view.cfg;
    let groups = batch.groups.get(range).unwrap_or(&[]);
    let base = groups.first().map_or(0, |g| g.start);
    let n = groups.last().map_or(0, |g| g.end) - base;
    let mut tops = Tops::new(n, k);
    let mut open = OpenSets::new(n);
    let tables = BoundTables::new(cfg);
    let mut stats = KernelStats::default();
    // The skills each of this task's groups asks for, by local group index.
    let mut skill_groups = SkillGroups::default();
    for (gi, g) in groups.iter().enumerate() {
        for r in batch.rows.get(g.start..g.end).unwrap_or(&[]) {
            let v = batch.side(r);
            for (set, how) in [(v.ess, 1), (v.opt, 2)] {
                for &id in set {
                    skill_groups.add(id, gi as u32, how);
                }
            }
        }
    }
    // The current seeker's skills as a bit set over the ids the vacancies
    // ask for: a skill test is one load instead of a sorted merge.
    let mut bits = IdBits::new(batch.n_skill_ids);
    let mut sums = vec![0.0; groups.len()];
    // Thresholds that rose while a group's sets were being read, applied after.
    let mut raised: Vec<(usize, f64)> = Vec::new();
    for i in 0..seekers.len() {
        let Some((s, row)) = seekers.get(i) else { continue };
        let (window, terms, rank) = (&row.window, &row.terms, row.rank);
        bits.set(s.skills, true);
        sums.fill(0.0);
        skill_groups.accumulate(cfg, s.skills, &mut sums);
        // Groups come by code: the occupation is computed once per code.
        let mut occ = OccupationRun::default();
        for (gi, g) in groups.iter().enumerate() {
            // Every vacancy of a group has the group's requirements.
            if g.reqs & !s.caps != 0 {
                continue;
            }
            let occupation = occ.get(cfg, g.isco, s.codes);
            let Some(comps) =
                g.summary.components(&tables, terms, g.level, occupation, sums.get(gi).copied().unwrap_or(0.0))
            else {
                continue;
            };
            let bound = comps.total(cfg);
            if !opts.admits(bound) {
                continue;
            }
            let j = OpenSets::set_for(bound);
            let (g0, g1) = (g.start - base, g.end - base);
            if open.none_in(j, g0, g1) {
                continue;
            }
            let mut visit = |p: usize, bound: f64| {
                // As seekers come in rank order, a bound equal to the k-th score loses the tie.
                stats.pairs_considered += 1;
                if tops.cannot_enter(p, bound) {
                    return;
                }
                let (Some(row), Some(&hours_min)) = (batch.rows.get(base + p), batch.hours_min.get(base + p)) else {
                    return;
                };
                // The hours knock-out `evaluate_with` tests, from a packed
                // column (the requirements were tested for the whole group).
                if hours_min > s.hours.max() {
                    return;
                }
                let v = batch.side(row);
                let hits = |set: &[u32]| bits.count(set);
                let out =
                    evaluate_with(cfg, &s, &v, || occupation, hits, |b| !opts.admits(b) || tops.cannot_enter(p, b));
                if let Outcome::Scored(score) = out {
                    stats.pairs_scored += 1;
                    if opts.admits(score) {
                        let old = tops.threshold(p);
                        tops.push(p, score, rank);
                        let new = tops.threshold(p);
                        if new != old {
                            raised.push((p, old));
                        }
                    }
                }
            };
            // The remote vacancies come last in the group.
            let gr = g.remote - base;
            open.for_each(j, gr, g1, |p| visit(p, bound));
            if let Some(w) = &window {
                if gr - g0 <= 16 {
                    open.for_each(j, g0, gr, |p| {
                        if batch.loc.get(base + p).is_some_and(|&(la, lo)| w.contains(la, lo)) {
                            visit(p, bound);
                        }
                    });
                } else {
                    // Each cell bounded again with the best mobility anything
                    // in it can have (the least travel time to its box), which
                    // also picks a tighter open set.
                    let (rows, cols) = g.grid.cells_of(w);
                    let nl = g.grid.row_len();
                    for r in rows {
                        for c in cols.clone() {
                            let cell = r * nl + c;
                            let (Some(&a), Some(&b), Some(bx)) =
                                (g.cell_start.get(cell), g.cell_start.get(cell + 1), g.grid.cell_box(cell))
                            else {
                                continue;
                            };
                            // Only a cell with an open vacancy is worth the distance bound.
                            if open.none_in(j, a as usize - base, b as usize - base) {
                                continue;
                            }
                            let Some(cb) = cell_bound(cfg, &comps, bx, &s) else { continue };
                            if !opts.admits(cb) {
                                continue;
                            }
                            let jc = OpenSets::set_for(cb);
                            open.for_each(jc, a as usize - base, b as usize - base, |p| visit(p, cb));
                        }
                    }
                }
            }
            for (p, old) in raised.drain(..) {
                open.raise(p, old, tops.threshold(p));
            }
        }
        bits.set(s.skills, false);
    }
    (tops, stats)
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
) -> Option<(Vec<SlotMatches>, KernelStats)> {
    let n_seekers = view.by_rank.len();
    let n_input = vacancies.len();
    let k = opts.k().min(n_seekers);
    if k == 0 {
        return Some((vec![Vec::new(); n_input], KernelStats::default()));
    }
    if n_input.checked_mul(k)? > MAX_ENTRIES {
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
