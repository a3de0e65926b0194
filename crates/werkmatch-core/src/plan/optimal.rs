//! The optimal plan (PLAN.md section 2): an exact maximum-weight b-matching
//! on G, by successive shortest paths with node potentials.
//!
//! # Why this algorithm, written here
//!
//! The plan is a bipartite b-matching LP, whose optimum is integral. Rather
//! than pulling in an LP solver and its native build (HiGHS needs cmake and
//! libclang), this is the classic min-cost-flow method with a proof behind
//! it (Edmonds–Karp/Tomizawa potentials; the sparse form of the
//! Jonker–Volgenant augmentation): seekers are added one at a time, and each
//! is given its shortest augmenting path in the residual graph under reduced
//! costs, found by Dijkstra, which stops as soon as the path can end (at a
//! vacancy with a free position, or by leaving some seeker unplaced). After
//! each step the current plan is optimal for the seekers added so far
//! (the successive-shortest-path invariant), so the last plan is optimal.
//! All arithmetic is on i64 integers: no rounding can make it inexact.
//!
//! # The network
//!
//! Each seeker has one unit, sent either along an edge to a vacancy (gain
//! `W(e)`) and on to the sink (up to `positions(v)` units), or straight to
//! the sink ("unplaced", gain 0). With [`Objective::Score`], `W(e) = w(e)`.
//! With [`Objective::Placements`], `W(e) = BIG + w(e)` where `BIG = 1 +
//! Σ_s max_e w(e)` exceeds the total weight of any plan: one more placement
//! then always outweighs any difference in weight, so the maximum of `Σ W` is
//! the most placements, and among those the largest total weight.
//!
//! # The certificate
//!
//! The solver also returns a price `p_v ≥ 0` per vacancy. With `u_s =
//! max(0, max_e W(e) − p_v)`, the pair (u, p) is feasible for the LP dual
//! (min Σ u_s + Σ positions(v)·p_v subject to u_s + p_v ≥ W(e)), and
//! complementary slackness (placed edges tight, unplaced seekers `u_s = 0`,
//! vacancies with an open position `p_v = 0`) proves that no plan does
//! better. [`certify`] checks exactly that, independently of the solver.
//!
//! # Ties
//!
//! Seekers are added in ascending id order; a seeker without edges is
//! skipped. Dijkstra pops the smallest (distance, vacancy index); when the
//! path's end ties with a vacancy still queued, it ends at the end found
//! first. The result is therefore a function of G alone.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;

use super::graph::CandidateGraph;
use super::{Objective, Plan};

const NONE: u32 = u32::MAX;
const INF: i64 = i64::MAX;

/// The LP dual prices of an optimal plan: its proof of optimality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    /// The objective the prices prove.
    pub objective: Objective,
    /// The constant added to every edge's weight ([`Objective::Placements`]), else 0.
    pub big: i64,
    /// `prices[v] ≥ 0`: the dual price of one position at vacancy `v`.
    pub prices: Vec<i64>,
}

/// Why a certificate does not prove a plan optimal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateError(String);

impl fmt::Display for CertificateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CertificateError {}

/// `BIG` for `objective`: 1 + the largest total weight any plan could have.
pub(crate) fn big(g: &CandidateGraph, objective: Objective) -> i64 {
    match objective {
        Objective::Score => 0,
        Objective::Placements => {
            1 + (0..g.seeker_count()).map(|s| g.edges_of(s).map(|e| g.weight(e)).max().unwrap_or(0)).sum::<i64>()
        }
    }
}

/// The optimal plan of `g` for `objective`, with its certificate.
pub fn optimal(g: &CandidateGraph, objective: Objective) -> (Plan, Certificate) {
    let mut solver = Solver::new(g, big(g, objective));
    for s in 0..g.seeker_count() {
        if !g.edges_of(s).is_empty() {
            solver.add(s);
        }
    }
    let prices = solver.vs.iter().map(|x| -x.pi).collect();
    let plan = Plan { edge: solver.seeker_edge.iter().map(|&e| (e != NONE).then_some(e)).collect() };
    (plan, Certificate { objective, big: solver.big, prices })
}

/// Where the shortest path ends.
#[derive(Clone, Copy)]
enum End {
    /// At a vacancy with an open position.
    Open(u32),
    /// By leaving this seeker unplaced.
    Unplaced(u32),
}

#[derive(Clone, Copy)]
struct VacancyState {
    /// The potential π_v (≤ 0; the price is −π_v).
    pi: i64,
    /// Dijkstra's label in the current search (`INF`: not reached).
    dist: i64,
    /// The edge that reached it (valid while `dist < INF`).
    pred: u32,
    /// Settled in the current search.
    done: bool,
}

struct Solver<'g> {
    g: &'g CandidateGraph,
    big: i64,
    /// `W(e) = big + w(e)`, computed once (the hot loop reads it for every edge it relaxes).
    cost: Vec<i64>,
    /// Potentials; the sink's is 0. Reduced costs: `π_s − π_v − W` forward,
    /// `W + π_v − π_s` back along a placed edge, `π_v` from a vacancy with an
    /// open position to the sink, `π_s` from a seeker to the sink.
    pi_s: Vec<i64>,
    /// Per vacancy: its potential and Dijkstra's label, side by side so that
    /// relaxing an edge touches one cache line.
    vs: Vec<VacancyState>,
    seeker_edge: Vec<u32>,
    /// Vacancy `v`'s seekers are `members[first[v]..first[v] + load[v]]`.
    first: Vec<usize>,
    load: Vec<u32>,
    members: Vec<u32>,
    // Dijkstra's state, reset after each seeker through the touched lists.
    dist_s: Vec<i64>,
    touched_v: Vec<u32>,
    touched_s: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

impl<'g> Solver<'g> {
    fn new(g: &'g CandidateGraph, big: i64) -> Self {
        let (ns, nv) = (g.seeker_count(), g.vacancy_count());
        let mut first = Vec::with_capacity(nv);
        let mut total = 0usize;
        for v in 0..nv {
            first.push(total);
            total += g.positions(v) as usize;
        }
        Solver {
            g,
            big,
            cost: (0..g.edge_count()).map(|e| big + g.weight(e)).collect(),
            pi_s: vec![0; ns],
            vs: vec![VacancyState { pi: 0, dist: INF, pred: NONE, done: false }; nv],
            seeker_edge: vec![NONE; ns],
            first,
            load: vec![0; nv],
            members: vec![NONE; total],
            dist_s: vec![INF; ns],
            touched_v: Vec::new(),
            touched_s: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    #[inline]
    fn w(&self, e: usize) -> i64 {
        self.cost[e]
    }

    /// Relaxes seeker `s`'s edges at distance `d`; returns its end by staying unplaced.
    fn scan(&mut self, s: usize, d: i64, best: &mut (i64, End)) {
        let pi_s = self.pi_s[s];
        debug_assert!(pi_s >= 0, "reduced cost to the sink is non-negative");
        if d + pi_s < best.0 {
            *best = (d + pi_s, End::Unplaced(s as u32));
        }
        let own = self.seeker_edge[s];
        for e in self.g.edges_of(s) {
            if e as u32 == own {
                continue;
            }
            let v = self.g.edge_vacancy(e);
            if self.vs[v].done {
                continue;
            }
            let rc = pi_s - self.vs[v].pi - self.w(e);
            debug_assert!(rc >= 0, "reduced costs stay non-negative");
            let nd = d + rc;
            if nd < self.vs[v].dist && nd < best.0 {
                if self.vs[v].dist == INF {
                    self.touched_v.push(v as u32);
                }
                self.vs[v].dist = nd;
                self.vs[v].pred = e as u32;
                self.heap.push(Reverse((nd, v as u32)));
            }
        }
    }

    fn add(&mut self, s0: usize) {
        let g = self.g;
        // A potential that makes every edge of the new seeker non-negative.
        self.pi_s[s0] = g.edges_of(s0).map(|e| self.w(e) + self.vs[g.edge_vacancy(e)].pi).max().unwrap_or(0).max(0);
        self.dist_s[s0] = 0;
        self.touched_s.push(s0 as u32);
        let mut best = (INF, End::Unplaced(s0 as u32));
        self.scan(s0, 0, &mut best);
        while let Some(Reverse((d, v))) = self.heap.pop() {
            let v = v as usize;
            if d >= best.0 {
                break;
            }
            if self.vs[v].done || d != self.vs[v].dist {
                continue;
            }
            self.vs[v].done = true;
            if self.load[v] < g.positions(v) && d + self.vs[v].pi < best.0 {
                best = (d + self.vs[v].pi, End::Open(v as u32));
            }
            for i in self.first[v]..self.first[v] + self.load[v] as usize {
                let s = self.members[i] as usize;
                let e = self.seeker_edge[s] as usize;
                let ds = d + self.w(e) + self.vs[v].pi - self.pi_s[s];
                debug_assert!(ds >= d, "reduced costs stay non-negative");
                if ds < best.0 {
                    self.dist_s[s] = ds;
                    self.touched_s.push(s as u32);
                    self.scan(s, ds, &mut best);
                }
            }
        }
        let dt = best.0;
        // New potentials: π += min(d, dt) − dt keeps every reduced cost
        // non-negative and makes the path's edges tight.
        for &v in &self.touched_v {
            let v = v as usize;
            if self.vs[v].done {
                self.vs[v].pi += self.vs[v].dist - dt;
            }
            self.vs[v].dist = INF;
            self.vs[v].done = false;
        }
        for &s in &self.touched_s {
            let s = s as usize;
            self.pi_s[s] += self.dist_s[s].min(dt) - dt;
            self.dist_s[s] = INF;
        }
        self.heap.clear();
        self.augment(s0, best.1);
        self.touched_v.clear();
        self.touched_s.clear();
    }

    /// Shifts every seeker on the path one edge forward.
    fn augment(&mut self, s0: usize, end: End) {
        let g = self.g;
        let mut v = match end {
            End::Open(v) => {
                self.load[v as usize] += 1;
                v as usize
            }
            End::Unplaced(s) => {
                let s = s as usize;
                if s == s0 {
                    return;
                }
                let v = g.edge_vacancy(self.seeker_edge[s] as usize);
                self.seeker_edge[s] = NONE;
                self.remove(v, s);
                v
            }
        };
        // `v` has one free slot here; fill it from its predecessor, whose old slot becomes free.
        loop {
            let e = self.vs[v].pred as usize;
            let s = g.edge_seeker(e);
            let old = self.seeker_edge[s];
            self.seeker_edge[s] = e as u32;
            self.insert(v, s);
            if s == s0 {
                debug_assert_eq!(old, NONE);
                return;
            }
            v = g.edge_vacancy(old as usize);
            self.remove(v, s);
        }
    }

    /// Puts `s` into a slot of `v` counted in `load[v]` but not yet filled.
    fn insert(&mut self, v: usize, s: usize) {
        // The slot: the first unfilled one among the counted ones.
        let range = self.first[v]..self.first[v] + self.load[v] as usize;
        let slot = range.clone().find(|&i| self.members[i] == NONE);
        match slot {
            Some(i) => self.members[i] = s as u32,
            None => unreachable!("a slot was freed or counted before every insert"),
        }
    }

    /// Takes `s` out of `v`, leaving its slot counted and empty.
    fn remove(&mut self, v: usize, s: usize) {
        let range = self.first[v]..self.first[v] + self.load[v] as usize;
        if let Some(i) = range.clone().find(|&i| self.members[i] == s as u32) {
            self.members[i] = NONE;
        }
    }
}

/// Checks that `cert` proves `plan` optimal for its objective on `g`:
/// the plan is feasible, the prices are non-negative, and complementary
/// slackness holds (see the module docs). Returns the proven optimum as
/// (placements, total weight).
pub fn certify(g: &CandidateGraph, plan: &Plan, cert: &Certificate) -> Result<(usize, i64), CertificateError> {
    let err = |m: String| Err(CertificateError(m));
    plan.check_feasible(g).map_err(CertificateError)?;
    if cert.big != big(g, cert.objective) {
        return err(format!("BIG is {}, expected {}", cert.big, big(g, cert.objective)));
    }
    if cert.prices.len() != g.vacancy_count() {
        return err(format!("{} prices for {} vacancies", cert.prices.len(), g.vacancy_count()));
    }
    let load = plan.load(g);
    for (v, (&p, &n)) in cert.prices.iter().zip(&load).enumerate() {
        if p < 0 {
            return err(format!("vacancy {} has a negative price", g.vacancy_id(v)));
        }
        if p > 0 && n < g.positions(v) {
            return err(format!("vacancy {} has an open position and a price {p} > 0", g.vacancy_id(v)));
        }
    }
    for s in 0..g.seeker_count() {
        let u =
            g.edges_of(s).map(|e| cert.big + g.weight(e) - cert.prices[g.edge_vacancy(e)]).max().unwrap_or(0).max(0);
        match plan.edge_of(s) {
            None if u > 0 => {
                return err(format!("seeker {} is unplaced but could gain {u} (an improving edge)", g.seeker_id(s)))
            }
            Some(e) if u != cert.big + g.weight(e) - cert.prices[g.edge_vacancy(e)] => {
                return err(format!("seeker {}'s edge is not tight (a better edge exists)", g.seeker_id(s)))
            }
            _ => {}
        }
    }
    Ok((plan.placements(), plan.total_weight(g)))
}
