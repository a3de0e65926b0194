//! Record slots of an index: ids, liveness (tombstones) and each live
//! record's rank in ascending id order, so that ties compare integers.

use rayon::slice::ParallelSliceMut;

use super::exec::Executor;
use crate::error::{Error, Result};
use crate::model::Id;

/// Ids and id ranks of the records of one index.
#[derive(Clone, Debug, Default)]
pub(crate) struct Slots {
    pub ids: Vec<Id>,
    pub alive: Vec<bool>,
    /// Rank of each live slot among live ids (stale for dead slots).
    pub rank: Vec<u32>,
    /// Live slots sorted by id.
    order: Vec<u32>,
}

fn duplicate(id: &Id) -> Error {
    Error::malformed("id", id, "an id not already in the index (ids must be unique)")
}

impl Slots {
    /// Number of live records.
    pub(crate) fn live(&self) -> usize {
        self.order.len()
    }

    /// Live slots in ascending id order (the slot of each rank).
    pub(crate) fn by_rank(&self) -> &[u32] {
        &self.order
    }

    /// The slot of a live id.
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        self.order
            .binary_search_by(|&s| self.ids[s as usize].as_str().as_bytes().cmp(id.as_bytes()))
            .ok()
            .map(|i| self.order[i])
    }

    /// The slots of `ids`, in that order, ranked by id (a parallel sort on
    /// `exec`); fails on a repeated id.
    pub(crate) fn of(ids: Vec<Id>, exec: Executor<'_>) -> Result<Slots> {
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        let by_id = |a: &u32, b: &u32| ids[*a as usize].cmp(&ids[*b as usize]).then(a.cmp(b));
        exec.run(|par| if par { order.par_sort_unstable_by(by_id) } else { order.sort_unstable_by(by_id) });
        if let Some(w) = order.windows(2).find(|w| ids[w[0] as usize] == ids[w[1] as usize]) {
            return Err(duplicate(&ids[w[0] as usize]));
        }
        let mut rank = vec![0; ids.len()];
        for (r, &s) in order.iter().enumerate() {
            rank[s as usize] = r as u32;
        }
        Ok(Slots { alive: vec![true; ids.len()], ids, rank, order })
    }

    /// Checks that `new` ids are unique among themselves and the live ones,
    /// before anything is changed.
    pub(crate) fn check_new<'a>(&self, new: impl Iterator<Item = &'a Id>) -> Result<()> {
        let mut v: Vec<&Id> = new.collect();
        v.sort_unstable();
        if let Some(w) = v.windows(2).find(|w| w[0] == w[1]) {
            return Err(duplicate(w[0]));
        }
        match v.into_iter().find(|id| self.find(id.as_str()).is_some()) {
            Some(id) => Err(duplicate(id)),
            None => Ok(()),
        }
    }

    /// Appends records (ids already checked) and re-ranks by merging the new
    /// ids into the sorted order: `O(n + m log m)`, no full re-sort.
    pub(crate) fn append(&mut self, ids: impl Iterator<Item = Id>) {
        let first = self.ids.len() as u32;
        self.ids.extend(ids);
        let n = self.ids.len() as u32;
        self.alive.resize(n as usize, true);
        self.rank.resize(n as usize, 0);
        let mut fresh: Vec<u32> = (first..n).collect();
        let ids = &self.ids;
        fresh.sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
        let old = std::mem::take(&mut self.order);
        let mut merged = Vec::with_capacity(old.len() + fresh.len());
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < fresh.len() {
            let take_old = j >= fresh.len() || (i < old.len() && ids[old[i] as usize] < ids[fresh[j] as usize]);
            if take_old {
                merged.push(old[i]);
                i += 1;
            } else {
                merged.push(fresh[j]);
                j += 1;
            }
        }
        for (r, &s) in merged.iter().enumerate() {
            self.rank[s as usize] = r as u32;
        }
        self.order = merged;
    }

    /// Tombstones the record with this id; its slot, or `None` when absent.
    /// The relative order of the others is unchanged, so ranks stay valid.
    pub(crate) fn remove(&mut self, id: &str) -> Option<u32> {
        let pos = self.order.binary_search_by(|&s| self.ids[s as usize].as_str().as_bytes().cmp(id.as_bytes())).ok()?;
        let slot = self.order.remove(pos);
        self.alive[slot as usize] = false;
        Some(slot)
    }

    /// The id of a slot.
    pub(crate) fn id(&self, slot: u32) -> &Id {
        &self.ids[slot as usize]
    }

    /// Heap bytes (ids counted with their text).
    pub(crate) fn memory_bytes(&self) -> usize {
        self.ids.capacity() * std::mem::size_of::<Id>()
            + self.ids.iter().map(|i| i.as_str().len()).sum::<usize>()
            + self.alive.capacity()
            + self.rank.capacity() * 4
            + self.order.capacity() * 4
    }
}
