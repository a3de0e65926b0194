//! The prepared vacancy index: hot fields in columns, interned skills and
//! certificates, a spatial grid, and incremental add/remove.

use std::collections::BTreeMap;

use super::batch::{run_batch, to_matches, KernelStats};
use super::bounds::{cell_bound, BoundTables, GroupSummary, OccupationRun, SeekerTerms, SkillGroups};
use super::eval::{evaluate_with, Geo, Outcome, VacancySide};
use super::exec::{join, par_map, Executor};
use super::intern::{IdBits, Interner};
use super::prepared::{cert_bits, sector_index, skill_sets, vacancy_reqs, PreparedSeeker};
use super::slots::Slots;
use super::spatial::{DegWindow, Grid};
use super::topk::TopK;
use super::{Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{GeoPoint, HoursRange, IscoCode, Jobseeker, Vacancy};
use crate::score::components::Components;
use crate::score::ScoringConfig;

/// A vacancy's interned ids: essential and optional skills (`skill_sets`)
/// and certificates, each sorted.
struct VacIds {
    ess: Vec<u32>,
    opt: Vec<u32>,
    certs: Vec<u32>,
}

impl VacIds {
    /// The group key of the vacancy these are the ids of.
    fn key(&self, v: &Vacancy) -> GroupKey {
        key_of(v, &self.certs)
    }
}

/// The group key of a vacancy with these (interned) certificates.
fn key_of(v: &Vacancy, certs: &[u32]) -> GroupKey {
    (v.isco, v.skill_level().get(), vacancy_reqs(v) | cert_bits(certs))
}

/// The groups of a build (each grid covering its own locations), the index
/// of each key, and the records' layout: `(group, cell, input index)` in
/// group and cell order, so that a cell's records are adjacent in every column.
type Layout = (Vec<VacGroup>, BTreeMap<GroupKey, usize>, Vec<(usize, u32, usize)>);

/// Groups and lays out `vacancies`, whose keys are `keys`.
fn layout(cfg: &ScoringConfig, vacancies: &[Vacancy], keys: &[GroupKey]) -> Layout {
    let mut pts: BTreeMap<GroupKey, Vec<(f64, f64)>> = BTreeMap::new();
    for (v, &key) in vacancies.iter().zip(keys) {
        let e = pts.entry(key).or_default();
        if let Some(p) = v.workplace.site() {
            e.push((p.lat(), p.lon()));
        }
    }
    let (mut groups, mut group_of) = (Vec::with_capacity(pts.len()), BTreeMap::new());
    for (key, p) in pts {
        group_of.insert(key, groups.len());
        groups.push(VacGroup {
            isco: key.0,
            level: key.1,
            reqs: key.2,
            grid: Grid::covering(&p, cfg.travel().earth_radius_km),
            remote: Vec::new(),
            summary: GroupSummary::default(),
        });
    }
    let mut by_cell: Vec<(usize, u32, usize)> = vacancies
        .iter()
        .zip(keys)
        .enumerate()
        .map(|(i, (v, key))| {
            // Every key was entered above.
            let g = group_of[key];
            let c = match (v.workplace.site(), groups.get(g)) {
                (Some(p), Some(gr)) => gr.grid.cell_of(p.lat(), p.lon()),
                _ => u32::MAX,
            };
            (g, c, i)
        })
        .collect();
    by_cell.sort_unstable();
    (groups, group_of, by_cell)
}

/// The knock-out and component fields of one vacancy, packed (40 bytes).
#[derive(Clone, Copy, Debug)]
pub(crate) struct VacRow {
    pub isco: IscoCode,
    pub hours: HoursRange,
    /// `u16::MAX`: no earliest start.
    pub earliest: u16,
    pub reqs: u16,
    pub level: u8,
    pub sector: u8,
    pub remote: bool,
    pub training: bool,
    /// Essential skills at `skills[sk_start..][..n_ess]`, then the optional ones.
    pub sk_start: u32,
    pub n_ess: u32,
    pub n_opt: u32,
    pub cert_start: u32,
    pub n_cert: u32,
}

/// Vacancies prepared for ranking: build once with [`VacancyIndex::build`],
/// query many times, update with [`add`](VacancyIndex::add) and
/// [`remove`](VacancyIndex::remove).
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
    skills: Vec<u32>,
    certs: Vec<u32>,
    pub(crate) skill_vocab: Interner,
    pub(crate) cert_vocab: Interner,
    /// One group per ISCO code: the occupation component is the same for a
    /// whole group, so a query visits groups best bound first and stops when
    /// the next group cannot enter its top-k.
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

/// The vacancies with one ISCO code: a grid of the located ones and a list of
/// the remote ones.
#[derive(Clone, Debug)]
struct VacGroup {
    isco: IscoCode,
    level: u8,
    reqs: u16,
    grid: Grid,
    remote: Vec<u32>,
    /// What the group's vacancies could at best offer, for its score bound.
    summary: GroupSummary,
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
        let mut ix = VacancyIndex {
            cfg: cfg.clone(),
            slots: Slots::default(),
            geo: Vec::new(),
            rows: Vec::new(),
            cell: Vec::new(),
            skills: Vec::new(),
            certs: Vec::new(),
            skill_vocab: Interner::default(),
            cert_vocab: Interner::default(),
            groups: Vec::new(),
            group_of: BTreeMap::new(),
            skill_groups: SkillGroups::default(),
            tables: BoundTables::new(cfg),
        };
        // Certificates first: they are part of the group key.
        ix.cert_vocab = Interner::sorted(vacancies, |v| v.certificates.iter().map(String::as_str), exec);
        let certs = par_map(vacancies, 64, |v| ix.cert_vocab.lookup_set(&v.certificates).0, exec);
        let keys: Vec<GroupKey> = vacancies.iter().zip(&certs).map(|(v, c)| key_of(v, c)).collect();
        // The layout (sequential) and the skills (parallel) do not depend on
        // each other: they run side by side.
        let ((groups, group_of, by_cell), (skill_vocab, skills)) = join(
            exec,
            || layout(cfg, vacancies, &keys),
            || {
                let sets = par_map(vacancies, 64, |v| skill_sets(v), exec);
                let vocab = Interner::sorted(&sets, |(e, o)| e.iter().chain(o).copied(), exec);
                let ids = par_map(&sets, 64, |(e, o)| (vocab.lookup_set(e).0, vocab.lookup_set(o).0), exec);
                (vocab, ids)
            },
        );
        (ix.skill_vocab, ix.groups, ix.group_of) = (skill_vocab, groups, group_of);
        let ids: Vec<VacIds> =
            skills.into_iter().zip(certs).map(|((ess, opt), certs)| VacIds { ess, opt, certs }).collect();
        let items: Vec<(&Vacancy, &VacIds)> =
            by_cell.iter().filter_map(|&(_, _, i)| Some((vacancies.get(i)?, ids.get(i)?))).collect();
        // Slots follow the layout (a repeated id fails the build); ranking
        // the ids and filling the columns run side by side.
        let (slots, ()) = join(
            exec,
            || Slots::of(items.iter().map(|(v, _)| v.id.clone()).collect(), exec),
            || ix.add_prepared(&items),
        );
        ix.slots = slots?;
        Ok(ix)
    }

    fn group_for(&mut self, key: GroupKey, site: Option<GeoPoint>) -> usize {
        if let Some(&g) = self.group_of.get(&key) {
            return g;
        }
        let g = self.groups.len();
        let pts: Vec<(f64, f64)> = site.iter().map(|p| (p.lat(), p.lon())).collect();
        let grid = Grid::covering(&pts, self.cfg.travel().earth_radius_km);
        self.groups.push(VacGroup {
            isco: key.0,
            level: key.1,
            reqs: key.2,
            grid,
            remote: Vec::new(),
            summary: GroupSummary::default(),
        });
        self.group_of.insert(key, g);
        g
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
                VacIds { ess, opt, certs: self.cert_vocab.intern_set(&v.certificates) }
            })
            .collect();
        let items: Vec<(&Vacancy, &VacIds)> = vacancies.iter().zip(&ids).collect();
        self.add_prepared(&items);
        self.slots.append(vacancies.iter().map(|v| v.id.clone()));
        Ok(())
    }

    /// Appends vacancies with their interned ids, in order; the caller
    /// updates the slots (ids already checked).
    fn add_prepared(&mut self, items: &[(&Vacancy, &VacIds)]) {
        let first = self.rows.len() as u32;
        for (i, (v, x)) in items.iter().enumerate() {
            let slot = first + i as u32;
            let sk_start = self.skills.len() as u32;
            self.skills.extend_from_slice(&x.ess);
            self.skills.extend_from_slice(&x.opt);
            let cert_start = self.certs.len() as u32;
            self.certs.extend_from_slice(&x.certs);
            let key = x.key(v);
            self.rows.push(VacRow {
                isco: v.isco,
                hours: v.hours,
                earliest: v.earliest_start.map_or(u16::MAX, |t| t.minutes()),
                reqs: key.2,
                level: key.1,
                sector: sector_index(v.sector),
                remote: v.is_remote(),
                training: v.offers_training,
                sk_start,
                n_ess: x.ess.len() as u32,
                n_opt: x.opt.len() as u32,
                cert_start,
                n_cert: x.certs.len() as u32,
            });
            let site = v.workplace.site();
            self.geo.push(site.map_or(Geo::default(), Geo::of));
            let g = self.group_for(key, site);
            for (set, essential) in [(&x.ess, true), (&x.opt, false)] {
                for &id in set.iter() {
                    self.skill_groups.add(id, g as u32, essential);
                }
            }
            let group = &mut self.groups[g];
            group.summary.add(&self.cfg, v.hours, sector_index(v.sector), v.offers_training, x.ess.len(), x.opt.len());
            let cell = match site {
                None => {
                    group.remote.push(slot);
                    u32::MAX
                }
                Some(p) => {
                    let c = group.grid.cell_of(p.lat(), p.lon());
                    group.grid.insert(c, slot, p.lat(), p.lon());
                    c
                }
            };
            self.cell.push(cell);
        }
    }

    /// Removes the vacancy with this id; whether it was present. Its slot is
    /// tombstoned (the columns keep it) and it leaves the grid.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.slots.remove(id) else { return false };
        let group = self.rows.get(slot as usize).and_then(|r| self.group_of.get(&(r.isco, r.level, r.reqs))).copied();
        if let (Some(g), Some(&c)) = (group.and_then(|g| self.groups.get_mut(g)), self.cell.get(slot as usize)) {
            if c == u32::MAX {
                g.remote.retain(|&s| s != slot);
            } else {
                g.grid.remove(c, slot);
            }
        }
        true
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
            + (self.skills.capacity() + self.certs.capacity()) * 4
            + self.skill_vocab.memory_bytes()
            + self.cert_vocab.memory_bytes()
            + self.groups.iter().map(|g| g.grid.memory_bytes() + g.remote.capacity() * 4).sum::<usize>()
            + self.groups.capacity() * std::mem::size_of::<VacGroup>()
            + self.group_of.len() * 32
            + self.skill_groups.memory_bytes()
    }

    /// Number of skill entries stored (essential plus optional, deduplicated per vacancy).
    pub fn skill_entries(&self) -> usize {
        self.skills.len()
    }

    fn side(&self, slot: u32) -> VacancySide<'_> {
        let i = slot as usize;
        let r = &self.rows[i];
        let sk = r.sk_start as usize;
        let ce = r.cert_start as usize;
        let ess = self.skills.get(sk..sk + r.n_ess as usize).unwrap_or(&[]);
        let opt = self.skills.get(sk + r.n_ess as usize..sk + (r.n_ess + r.n_opt) as usize).unwrap_or(&[]);
        VacancySide {
            geo: self.geo[i],
            remote: r.remote,
            isco: r.isco,
            level: r.level,
            training: r.training,
            hours: r.hours,
            earliest: (r.earliest != u16::MAX).then_some(r.earliest),
            reqs: r.reqs,
            certs_impossible: false,
            certs: self.certs.get(ce..ce + r.n_cert as usize).unwrap_or(&[]),
            sector: r.sector,
            ess,
            n_ess: ess.len(),
            opt,
            n_opt: opt.len(),
        }
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
            if g.reqs & !q.caps != 0 || (g.remote.is_empty() && q.reach_km.is_none()) {
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
            // Each cell bounded again with the best mobility anything in it can have.
            group.grid.for_each_cell_in(w, |slots, cell| {
                let Some(b) = cell_bound(&self.cfg, &comps, cell, &s) else { return };
                if !opts.admits(b) || top.cannot_enter(b, 0) {
                    return;
                }
                for &slot in slots {
                    visit(slot, o, &mut top);
                }
            });
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
