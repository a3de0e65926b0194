//! The prepared vacancy index: hot fields in columns, interned skills and
//! certificates, groups of vacancies with a spatial grid each, and updates
//! (add, upsert, remove, compact) that keep pruning as strong as a fresh
//! build's.
//!
//! # Updates and their costs
//! - [`remove`](VacancyIndex::remove): `O(log n)` to find the slot, plus the
//!   record's grid cell (about 16 slots); the slot stays in the columns,
//!   dead (a bit in the live set), until the next compaction.
//! - [`add`](VacancyIndex::add) of `m` vacancies: `O(m log m + n)` (the new
//!   ids are merged into the id order); each goes into its group's grid.
//! - A group is re-laid out (a grid over its live locations, its summary and
//!   its skill union recomputed, so that its bounds shrink again) once the
//!   records added to or removed from it since its last layout exceed a
//!   quarter of its size (plus 4): `O(group)` each time, `O(1)` amortised per
//!   update. A group created by `add` therefore soon gets a proper grid.
//! - [`compact`](VacancyIndex::compact) rebuilds the columns from the live
//!   records in group and cell order (as a build does, without re-reading
//!   any vacancy): `O(n log n)`. It runs by itself when a removal leaves
//!   more dead slots than live ones (`O(1)` amortised per removal); a
//!   service that removes in bulk can call it at a quiet moment.

use std::collections::BTreeMap;

use super::batch::{run_batch, to_matches, KernelStats};
use super::bounds::{visit_cells, BoundTables, GroupSummary, OccupationRun, SeekerTerms, SkillGroups};
use super::eval::{evaluate_with, Geo, Outcome, VacRow, VacancySide};
use super::exec::{join, par_map, Executor};
use super::intern::{IdBits, Interner};
use super::prepared::{skill_sets, vacancy_row, PreparedSeeker};
use super::slots::{unique, Slots};
use super::spatial::{DegWindow, Grid};
use super::topk::TopK;
use super::{Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{Id, IscoCode, Jobseeker, Vacancy};
use crate::score::components::Components;
use crate::score::ScoringConfig;

/// A vacancy's interned ids: essential skills, optional skills
/// (`skill_sets`) and certificates, each sorted, in one list.
struct VacIds {
    ids: Vec<u32>,
    n_ess: usize,
    n_opt: usize,
}

impl VacIds {
    fn new(ess: Vec<u32>, opt: Vec<u32>, certs: Vec<u32>) -> Self {
        VacIds { n_ess: ess.len(), n_opt: opt.len(), ids: [ess, opt, certs].concat() }
    }
}

/// One vacancy as the index stores it, before it has a slot: made from a
/// [`Vacancy`] when building or adding, and from the columns when compacting,
/// so that both lay records out the same way.
#[derive(Clone, Copy)]
struct Entry<'a> {
    /// Its row, `at` not yet placed.
    row: VacRow,
    /// Where a seeker travels to (degrees); `None` for a remote vacancy.
    site: Option<(f64, f64)>,
    geo: Geo,
    /// The row's ids: essential skills, optional skills, certificates.
    ids: &'a [u32],
}

impl<'a> Entry<'a> {
    fn of(v: &Vacancy, x: &'a VacIds) -> Self {
        let site = v.workplace.site();
        let (ess, opt) = x.ids.split_at(x.n_ess);
        let (opt, certs) = opt.split_at(x.n_opt);
        Entry {
            // Every skill of the index is in its vocabulary: known = asked.
            row: vacancy_row(v, [ess, opt, certs], ess.len(), opt.len(), 0),
            site: site.map(|p| (p.lat(), p.lon())),
            geo: site.map_or(Geo::default(), Geo::of),
            ids: &x.ids,
        }
    }
}

/// The groups of a layout (each grid covering its own locations), the index
/// of each key, and the records' order: `(group, cell, input index)` in
/// group and cell order, so that a cell's records are adjacent in every column.
type Layout = (Vec<VacGroup>, BTreeMap<GroupKey, usize>, Vec<(usize, u32, usize)>);

/// Groups and lays out records with these keys and sites.
fn layout(cfg: &ScoringConfig, records: &[(GroupKey, Option<(f64, f64)>)]) -> Layout {
    let mut pts: BTreeMap<GroupKey, Vec<(f64, f64)>> = BTreeMap::new();
    for &(key, site) in records {
        pts.entry(key).or_default().extend(site);
    }
    let (mut groups, mut group_of) = (Vec::with_capacity(pts.len()), BTreeMap::new());
    for (key, p) in pts {
        group_of.insert(key, groups.len());
        groups.push(VacGroup::new(key, Grid::covering(&p, cfg.travel().earth_radius_km)));
    }
    let mut by_cell: Vec<(usize, u32, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, (key, site))| {
            // Every key was entered above.
            let g = group_of[key];
            let c = site.map_or(u32::MAX, |(lat, lon)| groups[g].grid.cell_of(lat, lon));
            (g, c, i)
        })
        .collect();
    by_cell.sort_unstable();
    (groups, group_of, by_cell)
}

/// Vacancies prepared for ranking: build once with [`VacancyIndex::build`],
/// query many times, update with [`add`](VacancyIndex::add),
/// [`upsert`](VacancyIndex::upsert) and [`remove`](VacancyIndex::remove)
/// (see the module documentation for their costs).
#[derive(Clone, Debug)]
pub struct VacancyIndex {
    cfg: ScoringConfig,
    pub(crate) slots: Slots,
    /// Column: location in radians with the cosine of the latitude.
    geo: Vec<Geo>,
    /// Column: the packed knock-out and component fields.
    rows: Vec<VacRow>,
    /// Column: the grid cell of each slot (`u32::MAX` for remote vacancies).
    cell: Vec<u32>,
    /// The rows' id lists (see [`VacRow`]).
    ids: Vec<u32>,
    pub(crate) skill_vocab: Interner,
    pub(crate) cert_vocab: Interner,
    /// One group per key: the occupation component is the same for a whole
    /// group, so a query visits groups best bound first and stops when the
    /// next group cannot enter its top-k.
    groups: Vec<VacGroup>,
    group_of: BTreeMap<GroupKey, usize>,
    /// The groups that ask for each skill: a query's skills bound per group.
    skill_groups: SkillGroups,
    /// The configuration's part of the group bounds.
    tables: BoundTables,
}

/// What a group's vacancies share: the ISCO code, the skill level and the
/// requirement mask. A query skips a whole group whose requirements the
/// seeker lacks or whose level gap knocks out, and bounds the rest with the
/// exact occupation and best level component.
type GroupKey = (IscoCode, u8, u16);

/// The live vacancies with one key: a grid of the located ones and a list
/// of the remote ones.
#[derive(Clone, Debug)]
struct VacGroup {
    isco: IscoCode,
    level: u8,
    reqs: u16,
    grid: Grid,
    remote: Vec<u32>,
    /// What the group's vacancies could at best offer, for its score bound.
    summary: GroupSummary,
    /// The group's skill union, `(skill, how)` by skill (see [`SkillGroups`]),
    /// so that a new layout can take the group out of the skills it no
    /// longer asks for.
    skills: Vec<(u32, u8)>,
    /// Live records.
    live: u32,
    /// Records added or removed since the group was last laid out.
    changes: u32,
}

impl VacGroup {
    fn new(key: GroupKey, grid: Grid) -> Self {
        VacGroup {
            isco: key.0,
            level: key.1,
            reqs: key.2,
            grid,
            remote: Vec::new(),
            summary: GroupSummary::default(),
            skills: Vec::new(),
            live: 0,
            changes: 0,
        }
    }

    /// Counts `row` (whose ids are in `ids`) in the group's summary and
    /// skill union, and the group (index `g`) in `skill_groups`.
    fn note(&mut self, cfg: &ScoringConfig, skill_groups: &mut SkillGroups, g: usize, row: &VacRow, ids: &[u32]) {
        let (ess, opt) = (row.known_ess as usize, row.known_opt as usize);
        self.summary.add(cfg, row.hours, row.sector, row.training, row.n_ess as usize, row.n_opt as usize);
        for (i, &id) in ids[row.list()][..ess + opt].iter().enumerate() {
            let how = if i < ess { 1 } else { 2 };
            skill_groups.add(id, g as u32, how);
            note_skill(&mut self.skills, id, how);
        }
    }

    /// Whether enough changed since the last layout for a new one.
    fn stale(&self) -> bool {
        self.changes > self.live / 4 + 4
    }
}

/// Adds `how` for `skill` to a group's skill union (sorted by skill).
fn note_skill(skills: &mut Vec<(u32, u8)>, skill: u32, how: u8) {
    match skills.binary_search_by_key(&skill, |e| e.0) {
        Ok(i) => skills[i].1 |= how,
        Err(i) => skills.insert(i, (skill, how)),
    }
}

impl VacancyIndex {
    /// Prepares `vacancies` for scoring with `cfg`. Fails on a duplicate id.
    /// Part of the work runs on rayon's current pool; see
    /// [`build_with`](Self::build_with) to choose.
    pub fn build(cfg: &ScoringConfig, vacancies: &[Vacancy]) -> Result<Self> {
        Self::build_with(cfg, vacancies, Executor::Global)
    }

    /// [`build`](Self::build) on `exec`. The vocabularies are the distinct
    /// skills and certificates in byte order, so ids do not depend on input
    /// order; collecting them and turning each vacancy's strings into ids
    /// runs in parallel.
    pub fn build_with(cfg: &ScoringConfig, vacancies: &[Vacancy], exec: Executor<'_>) -> Result<Self> {
        // Certificates first: they are part of the group key.
        let cert_vocab = Interner::sorted(vacancies, |v| v.certificates.iter().map(String::as_str), exec);
        let certs = par_map(vacancies, 64, |v| cert_vocab.lookup_set(&v.certificates).0, exec);
        let sets = par_map(vacancies, 64, |v| skill_sets(v), exec);
        let skill_vocab = Interner::sorted(&sets, |(e, o)| e.iter().chain(o).copied(), exec);
        let ids: Vec<VacIds> =
            par_map(&sets, 64, |(e, o)| (skill_vocab.lookup_set(e).0, skill_vocab.lookup_set(o).0), exec)
                .into_iter()
                .zip(certs)
                .map(|((ess, opt), certs)| VacIds::new(ess, opt, certs))
                .collect();
        let entries: Vec<Entry<'_>> = vacancies.iter().zip(&ids).map(|(v, x)| Entry::of(v, x)).collect();
        Self::assemble(cfg, skill_vocab, cert_vocab, &entries, |i| vacancies[i].id.clone(), exec)
    }

    /// An index of `entries` (ids given by `id(i)`) with these vocabularies,
    /// laid out in group and cell order. Fails on a repeated id.
    fn assemble(
        cfg: &ScoringConfig,
        skill_vocab: Interner,
        cert_vocab: Interner,
        entries: &[Entry<'_>],
        id: impl Fn(usize) -> Id + Sync,
        exec: Executor<'_>,
    ) -> Result<Self> {
        let keyed: Vec<(GroupKey, Option<(f64, f64)>)> = entries.iter().map(|e| (e.row.key(), e.site)).collect();
        let (groups, group_of, by_cell) = layout(cfg, &keyed);
        let mut ix = VacancyIndex {
            cfg: cfg.clone(),
            slots: Slots::empty("vacancies"),
            geo: Vec::with_capacity(entries.len()),
            rows: Vec::with_capacity(entries.len()),
            cell: Vec::with_capacity(entries.len()),
            ids: Vec::new(),
            skill_vocab,
            cert_vocab,
            groups,
            group_of,
            skill_groups: SkillGroups::default(),
            tables: BoundTables::new(cfg),
        };
        // Slots follow the layout (a repeated id fails the build); ranking
        // the ids and filling the columns run side by side.
        let (slots, ()) = join(
            exec,
            || Slots::of("vacancies", by_cell.iter().map(|&(_, _, i)| id(i)).collect(), exec),
            || {
                for &(_, _, i) in &by_cell {
                    ix.push(&entries[i]);
                }
                // A build's groups start laid out.
                ix.groups.iter_mut().for_each(|g| g.changes = 0);
            },
        );
        ix.slots = slots?;
        Ok(ix)
    }

    /// The scoring configuration the index ranks with.
    pub fn config(&self) -> &ScoringConfig {
        &self.cfg
    }

    /// Adds vacancies without rebuilding. Fails, changing nothing, when an id
    /// is already present or repeated.
    pub fn add(&mut self, vacancies: &[Vacancy]) -> Result<()> {
        self.slots.check_new(vacancies.iter().map(|v| &v.id))?;
        let ids: Vec<VacIds> = vacancies
            .iter()
            .map(|v| {
                let (e, o) = skill_sets(v);
                let (ess, opt) = (self.skill_vocab.intern_set(&e), self.skill_vocab.intern_set(&o));
                VacIds::new(ess, opt, self.cert_vocab.intern_set(&v.certificates))
            })
            .collect();
        let mut touched = Vec::with_capacity(vacancies.len());
        for (v, x) in vacancies.iter().zip(&ids) {
            touched.push(self.push(&Entry::of(v, x)));
        }
        self.slots.append(vacancies.iter().map(|v| v.id.clone()));
        touched.sort_unstable();
        touched.dedup();
        for g in touched {
            if self.groups[g].stale() {
                self.relayout(g);
            }
        }
        Ok(())
    }

    /// Adds each vacancy, replacing a live one with the same id. Fails,
    /// changing nothing, when an id is repeated among `vacancies`.
    pub fn upsert(&mut self, vacancies: &[Vacancy]) -> Result<()> {
        unique("vacancies", vacancies.iter().map(|v| &v.id))?;
        for v in vacancies {
            self.remove(v.id.as_str());
        }
        self.add(vacancies)
    }

    /// Appends one record to the columns and its group (creating the group
    /// when new); its group. The caller updates the slots.
    fn push(&mut self, e: &Entry<'_>) -> usize {
        let slot = self.rows.len() as u32;
        let row = VacRow { at: self.ids.len() as u32, ..e.row };
        self.ids.extend_from_slice(e.ids);
        self.rows.push(row);
        self.geo.push(e.geo);
        let key = row.key();
        let g = match self.group_of.get(&key) {
            Some(&g) => g,
            None => {
                // A grid around the one location for now: the group is laid
                // out again as it grows (see `relayout`).
                let grid = Grid::covering(&Vec::from_iter(e.site), self.cfg.travel().earth_radius_km);
                self.groups.push(VacGroup::new(key, grid));
                self.group_of.insert(key, self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[g];
        group.note(&self.cfg, &mut self.skill_groups, g, &row, &self.ids);
        let cell = match e.site {
            None => {
                group.remote.push(slot);
                u32::MAX
            }
            Some((lat, lon)) => {
                let c = group.grid.cell_of(lat, lon);
                group.grid.insert(c, slot, lat, lon);
                c
            }
        };
        self.cell.push(cell);
        group.live += 1;
        group.changes += 1;
        g
    }

    /// Removes the vacancy with this id; whether it was present. It leaves
    /// its group at once; its slot stays in the columns, dead, until the
    /// next compaction.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.slots.remove(id) else { return false };
        let g = self.group_of[&self.rows[slot as usize].key()];
        let group = &mut self.groups[g];
        match self.cell[slot as usize] {
            u32::MAX => group.remote.retain(|&s| s != slot),
            c => {
                let found = group.grid.remove(c, slot);
                debug_assert!(found, "a live slot is in its group's cell");
            }
        }
        group.live -= 1;
        group.changes += 1;
        if self.slots.dead() > self.slots.live() {
            self.compact();
        } else if self.groups[g].stale() {
            self.relayout(g);
        }
        true
    }

    /// Lays group `g` out again from its live records: a grid over their
    /// locations, its summary and skill union recomputed, so that its bounds
    /// are as tight as a fresh build's.
    fn relayout(&mut self, g: usize) {
        let er = self.cfg.travel().earth_radius_km;
        let group = &mut self.groups[g];
        let located = group.grid.slots();
        let deg = |slot: u32| {
            let p = self.geo[slot as usize];
            (p.lat.to_degrees(), p.lon.to_degrees())
        };
        let pts: Vec<(f64, f64)> = located.iter().map(|&s| deg(s)).collect();
        group.grid = Grid::covering(&pts, er);
        group.summary = GroupSummary::default();
        for &(skill, _) in &group.skills {
            self.skill_groups.remove(skill, g as u32);
        }
        group.skills.clear();
        for (&slot, &(lat, lon)) in located.iter().zip(&pts) {
            let c = group.grid.cell_of(lat, lon);
            group.grid.insert(c, slot, lat, lon);
            self.cell[slot as usize] = c;
        }
        let remote = std::mem::take(&mut group.remote);
        for &slot in located.iter().chain(&remote) {
            group.note(&self.cfg, &mut self.skill_groups, g, &self.rows[slot as usize], &self.ids);
        }
        group.live = (located.len() + remote.len()) as u32;
        group.remote = remote;
        group.changes = 0;
    }

    /// Rebuilds the columns from the live records alone, in group and cell
    /// order, as a build would lay them out: `O(n log n)`; the dead slots are
    /// gone and every group's bounds are fresh. The vocabularies are kept.
    /// Runs by itself when removals leave more dead slots than live ones.
    pub fn compact(&mut self) {
        let live = self.slots.live_by_rank();
        let entries: Vec<Entry<'_>> = live
            .iter()
            .map(|&slot| {
                let (r, geo) = (self.rows[slot as usize], self.geo[slot as usize]);
                let site = (!r.remote).then(|| (geo.lat.to_degrees(), geo.lon.to_degrees()));
                Entry { row: r, site, geo, ids: &self.ids[r.list()] }
            })
            .collect();
        let vocab = (self.skill_vocab.clone(), self.cert_vocab.clone());
        let id = |i: usize| self.slots.id(live[i]).clone();
        let fresh = Self::assemble(&self.cfg, vocab.0, vocab.1, &entries, id, Executor::CurrentThread);
        // The live ids are unique, so assembling them cannot fail.
        if let Ok(fresh) = fresh {
            *self = fresh;
        }
    }

    /// Whether a live vacancy has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.slots.find(id).is_some()
    }

    /// The ids of the live vacancies, ascending.
    pub fn ids(&self) -> impl Iterator<Item = &Id> + '_ {
        self.slots.live_ids()
    }

    /// Number of (live) vacancies.
    pub fn len(&self) -> usize {
        self.slots.live()
    }

    /// Whether the index holds no vacancy.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Heap bytes held by the index (columns, grid, ids, vocabularies).
    pub fn memory_bytes(&self) -> usize {
        std::mem::size_of::<Self>()
            + self.slots.memory_bytes()
            + self.geo.capacity() * std::mem::size_of::<Geo>()
            + self.rows.capacity() * std::mem::size_of::<VacRow>()
            + self.cell.capacity() * 4
            + self.ids.capacity() * 4
            + self.skill_vocab.memory_bytes()
            + self.cert_vocab.memory_bytes()
            + self.groups.iter().map(|g| g.grid.memory_bytes() + g.remote.capacity() * 4).sum::<usize>()
            + self.groups.capacity() * std::mem::size_of::<VacGroup>()
            + self.group_of.len() * 32
            + self.skill_groups.memory_bytes()
    }

    /// Number of skill entries stored (essential plus optional, deduplicated per vacancy).
    pub fn skill_entries(&self) -> usize {
        self.rows.iter().map(|r| (r.known_ess + r.known_opt) as usize).sum()
    }

    #[inline]
    fn side(&self, slot: u32) -> VacancySide<'_> {
        self.rows[slot as usize].side(self.geo[slot as usize], &self.ids)
    }

    /// The top-k vacancies for one seeker, exactly as
    /// [`reference::vacancies_for`](super::reference::vacancies_for).
    pub fn top_for(&self, seeker: &Jobseeker, opts: &RankOptions) -> Vec<Match> {
        self.top_for_with_stats(seeker, opts, &mut KernelStats::default())
    }

    /// [`top_for`](Self::top_for), adding the work done to `stats`.
    pub fn top_for_with_stats(&self, seeker: &Jobseeker, opts: &RankOptions, stats: &mut KernelStats) -> Vec<Match> {
        if opts.k() == 0 || self.is_empty() {
            return Vec::new();
        }
        let q = PreparedSeeker::new(&self.cfg, seeker, Some(&self.skill_vocab), Some(&self.cert_vocab));
        // The seeker's skills as bits: a vacancy's hits are counted without a merge.
        let mut bits = IdBits::new(self.skill_vocab.len());
        bits.set(&q.skills, true);
        let s = q.side();
        let mut top = TopK::new(opts.k());
        // The occupation component is the group's: computed once per group.
        let mut visit = |slot: u32, occupation: f64, top: &mut TopK| {
            let rank = self.slots.rank[slot as usize];
            debug_assert!(self.slots.is_live(slot), "only live slots are in the groups");
            stats.pairs_considered += 1;
            let v = self.side(slot);
            let out = evaluate_with(
                &self.cfg,
                &s,
                &v,
                || occupation,
                |set| bits.count(set),
                |bound| !opts.admits(bound) || top.cannot_enter(bound, rank),
            );
            match out {
                Outcome::Scored(score) => {
                    stats.pairs_scored += 1;
                    if opts.admits(score) {
                        top.push(score, rank, slot);
                    }
                }
                Outcome::Pruned | Outcome::Excluded => {}
            }
        };
        // Groups the seeker can qualify for, by their bound, best first (ties
        // by index, for a fixed order). Groups are in code order at build, so
        // the occupation component is computed once per run of one code.
        let mut sums = vec![0.0; self.groups.len()];
        self.skill_groups.accumulate(&self.cfg, &q.skills, &mut sums);
        let terms = SeekerTerms::new(q.hours, q.sec_pref, q.sec_exp, q.level);
        let mut order: Vec<(f64, usize, Components)> = Vec::with_capacity(self.groups.len());
        let mut occ = OccupationRun::default();
        for (i, (g, &sum)) in self.groups.iter().zip(&sums).enumerate() {
            if g.live == 0 || g.reqs & !q.caps != 0 || (g.remote.is_empty() && q.reach_km.is_none()) {
                continue;
            }
            let o = occ.get(&self.cfg, g.isco, &q.codes);
            let Some(comps) = g.summary.components(&self.tables, &terms, g.level, o, sum) else { continue };
            order.push((comps.total(&self.cfg), i, comps));
        }
        order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let window = q.reach_km.map(|r| DegWindow::around(q.lat_deg, q.lon_deg, r, self.cfg.travel().earth_radius_km));
        for (bound, g, comps) in order {
            // Rank 0 is the best possible id: skip only when nothing in the group can enter.
            if !opts.admits(bound) || top.cannot_enter(bound, 0) {
                break;
            }
            let Some(group) = self.groups.get(g) else { continue };
            let o = comps.occupation;
            for &slot in &group.remote {
                visit(slot, o, &mut top);
            }
            let Some(w) = &window else { continue };
            visit_cells(&self.cfg, &group.grid, w, &comps, &s, opts, &mut top, |slot, top| visit(slot, o, top));
        }
        to_matches(top, &self.slots)
    }

    /// Top-k vacancies for every seeker, subjects in ascending id order, like
    /// [`reference::seeker_to_vacancies`](super::reference::seeker_to_vacancies).
    pub fn rank_seekers(
        &self,
        seekers: &[Jobseeker],
        opts: &RankOptions,
        exec: Executor<'_>,
    ) -> (Vec<Ranking>, KernelStats) {
        run_batch(seekers, |s| &s.id, |s, st| self.top_for_with_stats(s, opts, st), exec)
    }
}
