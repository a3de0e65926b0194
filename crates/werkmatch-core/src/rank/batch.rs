//! The batch driver shared by the directions that rank one subject at a
//! time (seeker → vacancies, seeker → employers, and vacancy → seekers when
//! the transposed batch does not apply), and the work counters
//! ([`KernelStats`]) every direction reports.

use super::exec::{par_map, sort_by_subject, Executor};
use super::slots::Slots;
use super::topk::TopK;
use super::{Match, Ranking};
use crate::model::Id;

/// How much work a ranking did: the pairs the spatial index let through
/// (`pairs_considered`) and those that survived the knock-outs and the score
/// bound and were fully scored (`pairs_scored`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
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
