//! Where the kernel runs: the [`Executor`] and the few parallel primitives
//! every part of the kernel builds on (map, join, sort by subject). The one
//! place that maps an executor to rayon.

use rayon::prelude::*;
use rayon::ThreadPool;

use super::Ranking;

/// Where a batch runs. The library never builds a thread pool itself.
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub enum Executor<'a> {
    /// On the calling thread only.
    CurrentThread,
    /// On rayon's current pool (the global one unless called inside `install`).
    #[default]
    Global,
    /// On the caller's pool.
    Pool(&'a ThreadPool),
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
