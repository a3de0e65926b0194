//! The parts of the ranking kernel shared by every direction: where to run
//! (the [`Executor`]), the work counters ([`KernelStats`]) and the batch
//! driver that ranks many subjects in parallel and returns them by id.

use rayon::prelude::*;
use rayon::ThreadPool;

use super::slots::Slots;
use super::topk::TopK;
use super::{Match, Ranking};
use crate::model::Id;

/// Where a batch runs. The library never builds a thread pool itself.
#[derive(Clone, Copy, Debug, Default)]
pub enum Executor<'a> {
    /// On the calling thread only.
    CurrentThread,
    /// On rayon's current pool (the global one unless called inside `install`).
    #[default]
    Global,
    /// On the caller's pool.
    Pool(&'a ThreadPool),
}

/// How much work a ranking did: the pairs the spatial index let through
/// (`pairs_considered`) and those that survived the knock-outs and the score
/// bound and were fully scored (`pairs_scored`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KernelStats {
    /// Pairs visited after the spatial index.
    pub pairs_considered: u64,
    /// Pairs whose travel time and skills were computed.
    pub pairs_scored: u64,
}

impl std::ops::AddAssign for KernelStats {
    fn add_assign(&mut self, o: KernelStats) {
        self.pairs_considered += o.pairs_considered;
        self.pairs_scored += o.pairs_scored;
    }
}

impl Executor<'_> {
    /// Runs `f` where this executor says: `f(false)` on the calling thread,
    /// or `f(true)`, free to use rayon, on rayon's current pool or inside the
    /// caller's. The one place that maps an executor to a pool.
    pub(crate) fn run<R: Send>(self, f: impl FnOnce(bool) -> R + Send) -> R {
        match self {
            Executor::CurrentThread => f(false),
            Executor::Global => f(true),
            Executor::Pool(pool) => pool.install(|| f(true)),
        }
    }

    /// How many threads work for this executor.
    pub(crate) fn threads(self) -> usize {
        match self {
            Executor::CurrentThread => 1,
            Executor::Global => rayon::current_num_threads(),
            Executor::Pool(pool) => pool.current_num_threads(),
        }
    }
}

/// Maps `items` with `f` on `exec`, keeping their order, at least `grain`
/// items per task (many for cheap items, 1 for chunks of work): the
/// preparation and assembly around a batch are per-item work too, and left
/// sequential they would cap the parallel speed-up.
pub(crate) fn par_map<'a, T: Sync, U: Send>(
    items: &'a [T],
    grain: usize,
    f: impl Fn(&'a T) -> U + Sync,
    exec: Executor<'_>,
) -> Vec<U> {
    exec.run(|par| match par {
        true => items.par_iter().with_min_len(grain.max(1)).map(&f).collect(),
        false => items.iter().map(&f).collect(),
    })
}

/// Runs `a` and `b` on `exec`, in parallel unless it is the current thread.
pub(crate) fn join<A: Send, B: Send>(
    exec: Executor<'_>,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    exec.run(|par| if par { rayon::join(a, b) } else { (a(), b()) })
}

/// Orders rankings by subject id on `exec`; stable, so equal ids keep input
/// order, as in the reference.
pub(crate) fn sort_by_subject(rankings: &mut [Ranking], exec: Executor<'_>) {
    let by_id = |a: &Ranking, b: &Ranking| a.subject.cmp(&b.subject);
    exec.run(|par| if par { rankings.par_sort_by(by_id) } else { rankings.sort_by(by_id) })
}

/// Turns collected `(score, rank)` pairs into matches with ids, best first.
pub(crate) fn to_matches(top: TopK, slots: &Slots) -> Vec<Match> {
    top.into_sorted().into_iter().map(|(score, _, slot)| Match { id: slots.id(slot).clone(), score }).collect()
}

/// Ranks every subject with `one` on `exec`, then orders the rankings by
/// subject id (stable, so equal ids keep input order, as in the reference).
pub(crate) fn run_batch<T: Sync>(
    subjects: &[T],
    id: impl Fn(&T) -> &Id + Sync,
    one: impl Fn(&T, &mut KernelStats) -> Vec<Match> + Sync,
    exec: Executor<'_>,
) -> (Vec<Ranking>, KernelStats) {
    let each = |s: &T| {
        let mut st = KernelStats::default();
        let matches = one(s, &mut st);
        (Ranking { subject: id(s).clone(), matches }, st)
    };
    // Chunks of subjects per task keep rayon's overhead small for cheap subjects.
    let out = par_map(subjects, 16, each, exec);
    let mut stats = KernelStats::default();
    let mut rankings = Vec::with_capacity(out.len());
    for (r, st) in out {
        stats += st;
        rankings.push(r);
    }
    sort_by_subject(&mut rankings, exec);
    (rankings, stats)
}
