//! The stable plan (PLAN.md section 3): seeker-proposing deferred
//! acceptance with capacities and strict preferences.
//!
//! A seeker ranks its vacancies in G by score descending, then vacancy id
//! (the order of [`CandidateGraph::edges_of`]); a vacancy ranks seekers by
//! score descending, then seeker id. Free seekers propose down their lists;
//! a full vacancy keeps the proposal only if it prefers it to the worst seeker
//! it holds, who is then free again. The result is the seeker-optimal stable
//! plan, which is unique for strict preferences, so the order in which free
//! seekers propose (here: a stack, lowest id first) cannot change it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::graph::CandidateGraph;
use super::Plan;

const NONE: u32 = u32::MAX;

/// A vacancy's view of a held seeker; the max-heap's top is the one it likes
/// least (lowest score, then highest seeker index). Scores are non-negative,
/// so their bit patterns order like the numbers.
type Held = (Reverse<u64>, u32);

fn held(g: &CandidateGraph, e: usize) -> Held {
    (Reverse(g.score(e).to_bits()), g.edge_seeker(e) as u32)
}

/// The seeker-optimal stable plan of `g`.
pub fn stable(g: &CandidateGraph) -> Plan {
    let ns = g.seeker_count();
    let mut next: Vec<usize> = (0..ns).map(|s| g.edges_of(s).start).collect();
    let mut edge = vec![NONE; ns];
    let mut holds: Vec<BinaryHeap<Held>> = vec![BinaryHeap::new(); g.vacancy_count()];
    let mut free: Vec<u32> = (0..ns as u32).rev().collect();
    while let Some(s) = free.pop() {
        let s = s as usize;
        let end = g.edges_of(s).end;
        while next[s] < end {
            let e = next[s];
            next[s] += 1;
            let v = g.edge_vacancy(e);
            let me = held(g, e);
            let h = &mut holds[v];
            if h.len() < g.positions(v) as usize {
                h.push(me);
                edge[s] = e as u32;
                break;
            }
            // Full: `me < worst` in heap order means the vacancy prefers `s`.
            if let Some(&worst) = h.peek() {
                if me < worst {
                    h.pop();
                    h.push(me);
                    edge[s] = e as u32;
                    let out = worst.1 as usize;
                    edge[out] = NONE;
                    free.push(out as u32);
                    break;
                }
            }
        }
    }
    Plan { edge: edge.into_iter().map(|e| (e != NONE).then_some(e)).collect() }
}
