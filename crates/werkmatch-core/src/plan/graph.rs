//! The candidate graph G (PLAN.md section 1): which seeker–vacancy pairs a
//! plan may use, with their scores and integer weights.
//!
//! G is built from the ranking kernel's lists in both directions (only its
//! public API: [`Matcher`], [`RankOptions`], [`Executor`]): an edge is a pair
//! that passes every knock-out, is not excluded, scores at least θ and is
//! within the seeker's first L vacancies or the vacancy's first L seekers.
//! [`CandidateGraph::from_pairs`] builds the same graph from scored pairs
//! given directly; it is the one place where the limit is applied to a full
//! list, and the plain reference ([`super::reference::graph`]) uses it.

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU16;
use std::ops::Range;

use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::error::{Error, Result};
use crate::model::{Id, Jobseeker, Vacancy};
use crate::rank::{Executor, Matcher, RankOptions, Ranking};
use crate::score::ScoringConfig;

/// How many candidates per seeker and per vacancy G keeps (PLAN.md: L).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Edges within the seeker's first `n` vacancies or the vacancy's first `n` seekers.
    Top(usize),
    /// Every pair that passes the knock-outs and θ.
    All,
}

impl Default for Limit {
    /// L = 50.
    fn default() -> Self {
        Limit::Top(50)
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Top(n) => write!(f, "{n}"),
            Limit::All => f.write_str("all"),
        }
    }
}

impl Serialize for Limit {
    /// A number, or the string `"all"`.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Limit::Top(n) => s.serialize_u64(*n as u64),
            Limit::All => s.serialize_str("all"),
        }
    }
}

/// Pairs that a person has excluded (AUDIT.md section 3): never an edge.
///
/// A hook rather than a concrete type so that the graph does not depend on
/// where overrides come from; any `Fn(&Id, &Id) -> bool + Sync` (seeker,
/// vacancy → excluded) is one.
pub trait Exclusions: Sync {
    /// Whether the pair (seeker, vacancy) is excluded.
    fn excludes(&self, seeker: &Id, vacancy: &Id) -> bool;
}

impl<F: Fn(&Id, &Id) -> bool + Sync> Exclusions for F {
    fn excludes(&self, seeker: &Id, vacancy: &Id) -> bool {
        self(seeker, vacancy)
    }
}

/// Human overrides (AUDIT.md section 3): an `exclude` in effect removes the
/// pair from G. (`include` adds no edge: PLAN.md names exclusions only.)
impl Exclusions for crate::overrides::Overrides {
    fn excludes(&self, seeker: &Id, vacancy: &Id) -> bool {
        self.excluded_vacancies_of(seeker).contains(vacancy)
    }
}

/// Excludes nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoExclusions;

impl Exclusions for NoExclusions {
    fn excludes(&self, _: &Id, _: &Id) -> bool {
        false
    }
}

/// The candidate graph: seekers and vacancies in ascending id order, and each
/// seeker's edges in its preference order (score descending, then vacancy
/// id), stored as one array (compressed rows). Each vacancy's edges are also
/// listed in its preference order (score descending, then seeker id).
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateGraph {
    limit: Limit,
    min_score: f64,
    seekers: Vec<Id>,
    vacancies: Vec<Id>,
    positions: Vec<u32>,
    /// Seeker `s`'s edges are `seeker_start[s]..seeker_start[s + 1]`.
    seeker_start: Vec<usize>,
    edge_seeker: Vec<u32>,
    edge_vacancy: Vec<u32>,
    edge_score: Vec<f64>,
    /// Vacancy `v`'s edges (indices) are `by_vacancy[vacancy_start[v]..vacancy_start[v + 1]]`.
    vacancy_start: Vec<usize>,
    by_vacancy: Vec<u32>,
}

/// The integer weight of a score: `round(score · 10⁶)` (half away from zero).
pub(crate) fn weight_of(score: f64) -> i64 {
    (score * 1e6).round() as i64
}

impl CandidateGraph {
    /// A builder over the kernel (L = 50, θ = 0.5, no exclusions, scoring model v1).
    pub fn builder<'a>() -> GraphBuilder<'a> {
        GraphBuilder::default()
    }

    /// G from scored pairs given directly: `pairs` are (index into `seekers`,
    /// index into `vacancies`, score) for every pair that passes the
    /// knock-outs and is not excluded, in any order. Pairs below `min_score`
    /// are dropped and `limit` is applied here. Fails on a duplicate id, a
    /// duplicate pair, an index out of range or a score outside [0, 1].
    pub fn from_pairs(
        seekers: Vec<Id>,
        vacancies: Vec<(Id, NonZeroU16)>,
        pairs: Vec<(u32, u32, f64)>,
        limit: Limit,
        min_score: f64,
    ) -> Result<Self> {
        check_min_score(min_score)?;
        let (seekers, s_new) = canonical(seekers)?;
        let (vac_ids, v_new) = canonical(vacancies.iter().map(|(id, _)| id.clone()).collect())?;
        let mut positions = vec![0u32; vac_ids.len()];
        for (i, (_, p)) in vacancies.iter().enumerate() {
            positions[v_new[i] as usize] = u32::from(p.get());
        }
        let mut edges = Vec::with_capacity(pairs.len());
        for (s, v, score) in pairs {
            let (Some(&s), Some(&v)) = (s_new.get(s as usize), v_new.get(v as usize)) else {
                return Err(Error::out_of_range(
                    "pair",
                    format!("({s}, {v})"),
                    "indices into the seekers and vacancies",
                ));
            };
            if !(0.0..=1.0).contains(&score) {
                return Err(Error::out_of_range("score", score, "0 ≤ score ≤ 1"));
            }
            if score >= min_score {
                edges.push((s, v, score));
            }
        }
        edges.sort_unstable_by_key(|&(s, v, _)| (s, v));
        if let Some(w) = edges.windows(2).find(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1)) {
            let pair = format!("({}, {})", seekers[w[0].0 as usize], vac_ids[w[0].1 as usize]);
            return Err(Error::malformed("pair", pair, "one score per pair"));
        }
        if let Limit::Top(l) = limit {
            edges = keep_top(edges, seekers.len(), vac_ids.len(), l);
        }
        check_size(edges.len())?;
        Ok(assemble(false, limit, min_score, seekers, vac_ids, positions, edges))
    }

    /// The limit L the graph was built with.
    pub fn limit(&self) -> Limit {
        self.limit
    }

    /// θ: the least score of an edge.
    pub fn min_score(&self) -> f64 {
        self.min_score
    }

    /// Number of seekers (with or without edges).
    pub fn seeker_count(&self) -> usize {
        self.seekers.len()
    }

    /// Number of vacancies (with or without edges).
    pub fn vacancy_count(&self) -> usize {
        self.vacancies.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.edge_vacancy.len()
    }

    /// Seeker `s`'s id (seekers are in ascending id order).
    pub fn seeker_id(&self, s: usize) -> &Id {
        &self.seekers[s]
    }

    /// Vacancy `v`'s id (vacancies are in ascending id order).
    pub fn vacancy_id(&self, v: usize) -> &Id {
        &self.vacancies[v]
    }

    /// The index of the seeker with this id.
    pub fn seeker_index(&self, id: &str) -> Option<usize> {
        self.seekers.binary_search_by(|x| x.as_str().cmp(id)).ok()
    }

    /// The index of the vacancy with this id.
    pub fn vacancy_index(&self, id: &str) -> Option<usize> {
        self.vacancies.binary_search_by(|x| x.as_str().cmp(id)).ok()
    }

    /// Vacancy `v`'s positions.
    pub fn positions(&self, v: usize) -> u32 {
        self.positions[v]
    }

    /// Seeker `s`'s edges, best first (score descending, then vacancy id).
    pub fn edges_of(&self, s: usize) -> Range<usize> {
        self.seeker_start[s]..self.seeker_start[s + 1]
    }

    /// Vacancy `v`'s edges, best first (score descending, then seeker id).
    pub fn vacancy_edges(&self, v: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.by_vacancy[self.vacancy_start[v]..self.vacancy_start[v + 1]].iter().map(|&e| e as usize)
    }

    /// The seeker of edge `e`.
    pub fn edge_seeker(&self, e: usize) -> usize {
        self.edge_seeker[e] as usize
    }

    /// The vacancy of edge `e`.
    pub fn edge_vacancy(&self, e: usize) -> usize {
        self.edge_vacancy[e] as usize
    }

    /// The score of edge `e`.
    pub fn score(&self, e: usize) -> f64 {
        self.edge_score[e]
    }

    /// The integer weight of edge `e`: `round(score · 10⁶)`.
    pub fn weight(&self, e: usize) -> i64 {
        weight_of(self.edge_score[e])
    }

    /// The 1-based position of edge `e` in its seeker's list in G.
    pub fn rank(&self, e: usize) -> usize {
        e - self.seeker_start[self.edge_seeker(e)] + 1
    }

    /// The edge between seeker `s` and vacancy `v`, if any.
    pub fn find_edge(&self, s: usize, v: usize) -> Option<usize> {
        self.edges_of(s).find(|&e| self.edge_vacancy(e) == v)
    }
}

/// Edges are numbered with `u32`: a larger graph is refused (use a smaller L).
fn check_size(edges: usize) -> Result<()> {
    match edges < u32::MAX as usize {
        true => Ok(()),
        false => Err(Error::out_of_range("limit", edges, "fewer than 2^32 candidate pairs (choose a smaller L)")),
    }
}

/// The kernel's options: top-`k` at θ (checked before by [`check_min_score`]).
fn rank_options(k: usize, min_score: f64) -> RankOptions {
    let top = RankOptions::top(k);
    // θ was checked to lie in [0, 1], which is all the kernel asks.
    top.with_min_score(min_score).unwrap_or(top)
}

fn check_min_score(min_score: f64) -> Result<()> {
    if (0.0..=1.0).contains(&min_score) {
        Ok(())
    } else {
        Err(Error::out_of_range("min_score", min_score, "0 ≤ min_score ≤ 1"))
    }
}

/// The ids sorted (byte order) and, for each input position, its new index.
fn canonical(ids: Vec<Id>) -> Result<(Vec<Id>, Vec<u32>)> {
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
    if let Some(w) = order.windows(2).find(|w| ids[w[0] as usize] == ids[w[1] as usize]) {
        return Err(Error::malformed("id", &ids[w[0] as usize], "a unique id (ids must be unique)"));
    }
    let mut new = vec![0u32; ids.len()];
    for (i, &o) in order.iter().enumerate() {
        new[o as usize] = i as u32;
    }
    let mut slots: Vec<Option<Id>> = ids.into_iter().map(Some).collect();
    let sorted = order.iter().map(|&o| slots[o as usize].take().unwrap_or_else(|| unreachable!())).collect();
    Ok((sorted, new))
}

/// Preference order of a seeker's edges: score descending, then vacancy (index = id order).
fn seeker_pref(a: &(u32, u32, f64), b: &(u32, u32, f64)) -> std::cmp::Ordering {
    b.2.total_cmp(&a.2).then(a.1.cmp(&b.1))
}

/// Keeps the edges within each seeker's first `l` or each vacancy's first `l`.
fn keep_top(edges: Vec<(u32, u32, f64)>, ns: usize, nv: usize, l: usize) -> Vec<(u32, u32, f64)> {
    let mut keep = vec![false; edges.len()];
    let mut by_seeker: Vec<Vec<u32>> = vec![Vec::new(); ns];
    let mut by_vacancy: Vec<Vec<u32>> = vec![Vec::new(); nv];
    for (i, &(s, v, _)) in edges.iter().enumerate() {
        by_seeker[s as usize].push(i as u32);
        by_vacancy[v as usize].push(i as u32);
    }
    for list in &mut by_seeker {
        list.sort_by(|&a, &b| seeker_pref(&edges[a as usize], &edges[b as usize]));
        list.iter().take(l).for_each(|&i| keep[i as usize] = true);
    }
    for list in &mut by_vacancy {
        list.sort_by(|&a, &b| {
            let (x, y) = (&edges[a as usize], &edges[b as usize]);
            y.2.total_cmp(&x.2).then(x.0.cmp(&y.0))
        });
        list.iter().take(l).for_each(|&i| keep[i as usize] = true);
    }
    edges.into_iter().zip(keep).filter(|(_, k)| *k).map(|(e, _)| e).collect()
}

/// Lays out the graph from deduplicated edges `(seeker, vacancy, score)` in
/// canonical indices, sorted by (seeker, vacancy); `par`: free to use rayon.
fn assemble(
    par: bool,
    limit: Limit,
    min_score: f64,
    seekers: Vec<Id>,
    vacancies: Vec<Id>,
    positions: Vec<u32>,
    mut edges: Vec<(u32, u32, f64)>,
) -> CandidateGraph {
    debug_assert!(edges.len() < u32::MAX as usize, "checked by check_size");
    let mut seeker_start = vec![0usize; seekers.len() + 1];
    for &(s, _, _) in &edges {
        seeker_start[s as usize + 1] += 1;
    }
    for i in 0..seekers.len() {
        seeker_start[i + 1] += seeker_start[i];
    }
    // Each seeker's run into preference order; the runs are independent.
    let mut runs: Vec<&mut [(u32, u32, f64)]> = Vec::with_capacity(seekers.len());
    let mut rest = edges.as_mut_slice();
    for s in 0..seekers.len() {
        let (run, tail) = rest.split_at_mut(seeker_start[s + 1] - seeker_start[s]);
        runs.push(run);
        rest = tail;
    }
    match par {
        true => runs.par_iter_mut().with_min_len(1024).for_each(|run| run.sort_unstable_by(seeker_pref)),
        false => runs.iter_mut().for_each(|run| run.sort_unstable_by(seeker_pref)),
    }

    let mut vacancy_start = vec![0usize; vacancies.len() + 1];
    for &(_, v, _) in &edges {
        vacancy_start[v as usize + 1] += 1;
    }
    for i in 0..vacancies.len() {
        vacancy_start[i + 1] += vacancy_start[i];
    }
    let mut fill = vacancy_start.clone();
    let mut by_vacancy = vec![0u32; edges.len()];
    for (e, &(_, v, _)) in edges.iter().enumerate() {
        by_vacancy[fill[v as usize]] = e as u32;
        fill[v as usize] += 1;
    }
    // Edges were visited by seeker, so within a vacancy they are by seeker
    // index already; a stable sort by score descending keeps that as the tie-break.
    let mut vruns: Vec<&mut [u32]> = Vec::with_capacity(vacancies.len());
    let mut rest = by_vacancy.as_mut_slice();
    for v in 0..vacancies.len() {
        let (run, tail) = rest.split_at_mut(vacancy_start[v + 1] - vacancy_start[v]);
        vruns.push(run);
        rest = tail;
    }
    let by_score = |run: &mut &mut [u32]| run.sort_by(|&a, &b| edges[b as usize].2.total_cmp(&edges[a as usize].2));
    match par {
        true => vruns.par_iter_mut().with_min_len(1024).for_each(by_score),
        false => vruns.iter_mut().for_each(by_score),
    }

    let edge_seeker = edges.iter().map(|e| e.0).collect();
    let edge_vacancy = edges.iter().map(|e| e.1).collect();
    let edge_score = edges.iter().map(|e| e.2).collect();
    CandidateGraph {
        limit,
        min_score,
        seekers,
        vacancies,
        positions,
        seeker_start,
        edge_seeker,
        edge_vacancy,
        edge_score,
        vacancy_start,
        by_vacancy,
    }
}

/// Builds a [`CandidateGraph`] with the ranking kernel.
pub struct GraphBuilder<'a> {
    cfg: Option<ScoringConfig>,
    limit: Limit,
    min_score: f64,
    exclusions: &'a dyn Exclusions,
    exec: Executor<'a>,
}

impl Default for GraphBuilder<'_> {
    fn default() -> Self {
        GraphBuilder {
            cfg: None,
            limit: Limit::default(),
            min_score: 0.5,
            exclusions: &NoExclusions,
            exec: Executor::Global,
        }
    }
}

impl fmt::Debug for GraphBuilder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GraphBuilder")
            .field("limit", &self.limit)
            .field("min_score", &self.min_score)
            .finish_non_exhaustive()
    }
}

impl<'a> GraphBuilder<'a> {
    /// The scoring configuration (default: SCORING.md v1).
    pub fn config(mut self, cfg: ScoringConfig) -> Self {
        self.cfg = Some(cfg);
        self
    }

    /// The limit L (default 50).
    pub fn limit(mut self, limit: Limit) -> Self {
        self.limit = limit;
        self
    }

    /// θ (default 0.5); checked on build to lie in [0, 1].
    pub fn min_score(mut self, min_score: f64) -> Self {
        self.min_score = min_score;
        self
    }

    /// Pairs a person excluded (default: none).
    pub fn exclusions(mut self, exclusions: &'a dyn Exclusions) -> Self {
        self.exclusions = exclusions;
        self
    }

    /// Where the kernel and the graph's assembly run (default: rayon's current pool).
    pub fn executor(mut self, exec: Executor<'a>) -> Self {
        self.exec = exec;
        self
    }

    /// Ranks both directions with the kernel and builds G. Fails on an
    /// invalid θ or a duplicate id.
    pub fn build(self, seekers: &[Jobseeker], vacancies: &[Vacancy]) -> Result<CandidateGraph> {
        check_min_score(self.min_score)?;
        let cfg = self.cfg.clone().unwrap_or_default();
        let matcher =
            Matcher::builder().config(cfg).executor(self.exec).seekers(seekers).vacancies(vacancies).build()?;
        let (seeker_ids, _) = canonical(seekers.iter().map(|s| s.id.clone()).collect())?;
        let (vac_ids, v_new) = canonical(vacancies.iter().map(|v| v.id.clone()).collect())?;
        let mut positions = vec![0u32; vac_ids.len()];
        for (i, v) in vacancies.iter().enumerate() {
            positions[v_new[i] as usize] = u32::from(v.positions.get());
        }
        let s_index: HashMap<&str, u32> =
            seeker_ids.iter().enumerate().map(|(i, id)| (id.as_str(), i as u32)).collect();
        let v_index: HashMap<&str, u32> = vac_ids.iter().enumerate().map(|(i, id)| (id.as_str(), i as u32)).collect();

        let mut edges: Vec<(u32, u32, f64)> = Vec::new();
        // Seeker → vacancies, in chunks so that only one chunk's rankings (ids as strings) are held at a time.
        let k = match self.limit {
            Limit::Top(l) => l,
            Limit::All => vacancies.len(),
        };
        for chunk in seekers.chunks(16_384) {
            let rankings = self.ranked(
                chunk,
                k,
                |c, o| matcher.seeker_to_vacancies(c, o, self.exec).0,
                |s, o| matcher.top_vacancies_for(s, o),
                |s: &Jobseeker| &s.id,
                true,
            );
            let (s_index, v_index) = (&s_index, &v_index);
            let pairs = |r: &Ranking| {
                let s = s_index[r.subject.as_str()];
                r.matches.iter().map(move |m| (s, v_index[m.id.as_str()], m.score)).collect::<Vec<_>>()
            };
            let part: Vec<_> = self.on_exec(|par| match par {
                true => rankings.par_iter().flat_map_iter(pairs).collect(),
                false => rankings.iter().flat_map(pairs).collect(),
            });
            edges.extend(part);
        }
        // Vacancy → seekers: one batch (the reverse kernel walks all seekers at once).
        // With L = all the seeker side has every edge already.
        if let Limit::Top(l) = self.limit {
            let rankings = self.ranked(
                vacancies,
                l,
                |c, o| matcher.vacancy_to_seekers(c, o, self.exec).0,
                |v, o| matcher.top_seekers_for(v, o),
                |v: &Vacancy| &v.id,
                false,
            );
            let (s_index, v_index) = (&s_index, &v_index);
            let pairs = |r: &Ranking| {
                let v = v_index[r.subject.as_str()];
                r.matches.iter().map(move |m| (s_index[m.id.as_str()], v, m.score)).collect::<Vec<_>>()
            };
            let part: Vec<_> = self.on_exec(|par| match par {
                true => rankings.par_iter().flat_map_iter(pairs).collect(),
                false => rankings.iter().flat_map(pairs).collect(),
            });
            edges.extend(part);
        }
        drop(matcher);
        self.on_exec(|par| match par {
            true => edges.par_sort_unstable_by_key(|&(s, v, _)| (s, v)),
            false => edges.sort_unstable_by_key(|&(s, v, _)| (s, v)),
        });
        // A pair in both directions has the same (bit-identical) score: keep one.
        edges.dedup_by(|b, a| {
            let same = (a.0, a.1) == (b.0, b.1);
            debug_assert!(!same || a.2 == b.2, "the kernel scores a pair the same in both directions");
            same
        });
        check_size(edges.len())?;
        Ok(self.on_exec(|par| assemble(par, self.limit, self.min_score, seeker_ids, vac_ids, positions, edges)))
    }

    /// Runs `f(parallel)` where the builder's executor says: `f(false)` on
    /// the calling thread, `f(true)` on rayon's current pool or the caller's.
    fn on_exec<R: Send>(&self, f: impl FnOnce(bool) -> R + Send) -> R {
        match self.exec {
            Executor::CurrentThread => f(false),
            Executor::Pool(p) => p.install(|| f(true)),
            _ => f(true),
        }
    }

    /// Top-`k` lists of `subjects` with the excluded pairs removed; a list
    /// that lost entries and may have more is asked again, longer, so that it
    /// still holds the first `k` pairs that are not excluded.
    fn ranked<T>(
        &self,
        subjects: &[T],
        k: usize,
        batch: impl Fn(&[T], &RankOptions) -> Vec<Ranking>,
        one: impl Fn(&T, &RankOptions) -> Vec<crate::rank::Match>,
        id: impl Fn(&T) -> &Id,
        seeker_side: bool,
    ) -> Vec<Ranking> {
        let opts = rank_options(k, self.min_score);
        let mut rankings = batch(subjects, &opts);
        let excluded = |subject: &Id, other: &Id| match seeker_side {
            true => self.exclusions.excludes(subject, other),
            false => self.exclusions.excludes(other, subject),
        };
        for r in &mut rankings {
            let before = r.matches.len();
            r.matches.retain(|m| !excluded(&r.subject, &m.id));
            let mut asked = k;
            let mut got = before;
            while r.matches.len() < k && got == asked && asked > 0 {
                // The list was full and lost entries: ask for more.
                let Some(subject) = subjects.iter().find(|x| id(x) == &r.subject) else { break };
                asked = asked.saturating_mul(2);
                let mut longer = one(subject, &rank_options(asked, self.min_score));
                got = longer.len();
                longer.retain(|m| !excluded(&r.subject, &m.id));
                longer.truncate(k);
                r.matches = longer;
            }
        }
        rankings
    }
}
