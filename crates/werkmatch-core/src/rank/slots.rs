//! Record slots of an index: ids, which slots are live (a bit set), and each
//! slot's rank in ascending id order, so that ties compare integers.
//!
//! A removed record's slot stays (dead) until the index compacts, so that
//! removing is a binary search and a bit, `O(log n)`, and no other slot's
//! rank moves. Ranks count dead slots too: among the live ones they still
//! ascend with the id, which is all a tie-break needs.

use rayon::slice::ParallelSliceMut;

use super::exec::Executor;
use crate::error::{Error, Result};
use crate::model::Id;

/// One bit per slot: set while the record is live.
#[derive(Clone, Debug, Default)]
pub(crate) struct LiveSet(Vec<u64>);

impl LiveSet {
    fn push(&mut self, slot: u32, live: bool) {
        let w = (slot / 64) as usize;
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= u64::from(live) << (slot % 64);
    }

    #[inline]
    pub(crate) fn contains(&self, slot: u32) -> bool {
        self.0.get((slot / 64) as usize).is_some_and(|w| w >> (slot % 64) & 1 != 0)
    }

    fn clear(&mut self, slot: u32) {
        if let Some(w) = self.0.get_mut((slot / 64) as usize) {
            *w &= !(1 << (slot % 64));
        }
    }
}

/// Ids and id ranks of the records of one index.
#[derive(Clone, Debug)]
pub(crate) struct Slots {
    /// What the records are (`vacancies`, ...), for errors.
    population: &'static str,
    ids: Vec<Id>,
    live: LiveSet,
    n_live: usize,
    /// Rank of each slot: ascending with its place in `order`, spaced out
    /// so that a new id usually fits between its neighbours.
    pub rank: Vec<u32>,
    /// Every slot, dead ones included, sorted by id (equal ids by slot).
    order: Vec<u32>,
}

/// The space between ranks after a re-rank: room for about 16 ids inserted
/// one by one between two neighbours (each takes half the space left).
const GAP: u32 = 1 << 16;

fn duplicate(population: &'static str, id: &Id) -> Error {
    Error::duplicate(population, id)
}

/// `ids` of `population` sorted; fails on a repeated one.
pub(crate) fn unique<'a>(population: &'static str, ids: impl Iterator<Item = &'a Id>) -> Result<Vec<&'a Id>> {
    let mut v: Vec<&Id> = ids.collect();
    v.sort_unstable();
    match v.windows(2).find(|w| w[0] == w[1]) {
        Some(w) => Err(duplicate(population, w[0])),
        None => Ok(v),
    }
}

impl Slots {
    /// No records of `population` yet.
    pub(crate) fn empty(population: &'static str) -> Slots {
        Slots { population, ids: Vec::new(), live: LiveSet::default(), n_live: 0, rank: Vec::new(), order: Vec::new() }
    }

    /// Number of live records.
    pub(crate) fn live(&self) -> usize {
        self.n_live
    }

    /// Number of dead slots (removed records not yet compacted away).
    pub(crate) fn dead(&self) -> usize {
        self.ids.len() - self.n_live
    }

    /// Whether `slot` holds a live record.
    #[inline]
    pub(crate) fn is_live(&self, slot: u32) -> bool {
        self.live.contains(slot)
    }

    /// Live slots in ascending id order.
    pub(crate) fn live_by_rank(&self) -> Vec<u32> {
        self.order.iter().copied().filter(|&s| self.is_live(s)).collect()
    }

    /// The live ids in ascending order.
    pub(crate) fn live_ids(&self) -> impl Iterator<Item = &Id> + '_ {
        self.order.iter().filter(|&&s| self.is_live(s)).map(|&s| &self.ids[s as usize])
    }

    /// The slot of a live id: `O(log n)` (dead slots with the same id sit
    /// beside it in `order`).
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        let key = id.as_bytes();
        let from = self.order.partition_point(|&s| self.ids[s as usize].as_str().as_bytes() < key);
        self.order[from..]
            .iter()
            .take_while(|&&s| self.ids[s as usize].as_str().as_bytes() == key)
            .copied()
            .find(|&s| self.is_live(s))
    }

    /// The slots of `ids`, in that order, ranked by id (a parallel sort on
    /// `exec`); fails on a repeated id.
    pub(crate) fn of(population: &'static str, ids: Vec<Id>, exec: Executor<'_>) -> Result<Slots> {
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        let by_id = |a: &u32, b: &u32| ids[*a as usize].cmp(&ids[*b as usize]).then(a.cmp(b));
        exec.run(|par| if par { order.par_sort_unstable_by(by_id) } else { order.sort_unstable_by(by_id) });
        if let Some(w) = order.windows(2).find(|w| ids[w[0] as usize] == ids[w[1] as usize]) {
            return Err(duplicate(population, &ids[w[0] as usize]));
        }
        let mut live = LiveSet::default();
        for s in 0..ids.len() as u32 {
            live.push(s, true);
        }
        let mut slots = Slots { population, n_live: ids.len(), live, rank: vec![0; ids.len()], ids, order };
        slots.respace();
        Ok(slots)
    }

    /// Checks that `new` ids are unique among themselves and the live ones,
    /// before anything is changed.
    pub(crate) fn check_new<'a>(&self, new: impl Iterator<Item = &'a Id>) -> Result<()> {
        let v = unique(self.population, new)?;
        match v.into_iter().find(|id| self.find(id.as_str()).is_some()) {
            Some(id) => Err(duplicate(self.population, id)),
            None => Ok(()),
        }
    }

    /// Appends live records (ids already checked) and ranks them among the
    /// others. A few new ids are each put in their place in the id order
    /// (`O(log n)` to find it, a move of `order` to make room) with a rank
    /// between their neighbours' (ranks are spaced out for this); many, or a
    /// place with no rank left between its neighbours, re-rank everything by
    /// a merge, `O(n + m log m)`.
    pub(crate) fn append(&mut self, ids: impl Iterator<Item = Id>) {
        let first = self.ids.len() as u32;
        self.ids.extend(ids);
        let n = self.ids.len() as u32;
        for s in first..n {
            self.live.push(s, true);
        }
        self.n_live += (n - first) as usize;
        self.rank.resize(n as usize, 0);
        let fresh = (n - first) as usize;
        if fresh * 16 > self.order.len() || !(first..n).all(|s| self.insert_one(s)) {
            self.merge_from(first);
        }
    }

    /// Puts `slot` (already in `ids`, not yet in `order`) in its place,
    /// after any equal id; false when no rank is left between its neighbours.
    fn insert_one(&mut self, slot: u32) -> bool {
        let key = self.ids[slot as usize].as_str().as_bytes();
        let at = self.order.partition_point(|&s| self.ids[s as usize].as_str().as_bytes() <= key);
        let below = at.checked_sub(1).map_or(0, |i| u64::from(self.rank[self.order[i] as usize]));
        let above = self.order.get(at).map_or(u64::from(u32::MAX), |&s| u64::from(self.rank[s as usize]));
        if above <= below + 1 {
            return false;
        }
        // Close above the lower neighbour when appending at the end, so that
        // ids that arrive in ascending order leave room for many more.
        let r =
            if at == self.order.len() { below + (above - below).min(u64::from(GAP)) / 2 } else { (below + above) / 2 };
        self.rank[slot as usize] = r as u32;
        self.order.insert(at, slot);
        true
    }

    /// Merges the slots from `first` on into the order (they may not be in
    /// it yet; any that are, are taken out first) and re-ranks every slot,
    /// spaced out.
    fn merge_from(&mut self, first: u32) {
        let ids = &self.ids;
        let mut old = std::mem::take(&mut self.order);
        old.retain(|&s| s < first);
        let mut fresh: Vec<u32> = (first..ids.len() as u32).collect();
        fresh.sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]).then(a.cmp(&b)));
        let mut merged = Vec::with_capacity(old.len() + fresh.len());
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < fresh.len() {
            // On equal ids (a dead slot and its new record) the older slot first.
            let take_old = j >= fresh.len() || (i < old.len() && ids[old[i] as usize] <= ids[fresh[j] as usize]);
            if take_old {
                merged.push(old[i]);
                i += 1;
            } else {
                merged.push(fresh[j]);
                j += 1;
            }
        }
        self.order = merged;
        self.respace();
    }

    /// Ranks every slot by its place in `order`, `GAP` apart (closer when
    /// there are too many for that), leaving room above the last.
    fn respace(&mut self) {
        let gap = (u32::MAX / 2 / (self.order.len() as u32 + 1)).clamp(1, GAP);
        for (r, &s) in self.order.iter().enumerate() {
            self.rank[s as usize] = (r as u32 + 1) * gap;
        }
    }

    /// Marks the live record with this id dead: `O(log n)`; its slot, or
    /// `None` when absent. No rank moves.
    pub(crate) fn remove(&mut self, id: &str) -> Option<u32> {
        let slot = self.find(id)?;
        self.live.clear(slot);
        self.n_live -= 1;
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
            + self.live.0.capacity() * 8
            + self.rank.capacity() * 4
            + self.order.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    #[test]
    fn removed_ids_can_come_back_and_ranks_follow_ids() {
        let mut s = Slots::of("tests", vec![id("b"), id("a"), id("c")], Executor::CurrentThread).unwrap();
        assert_eq!(s.remove("b"), Some(0));
        assert_eq!((s.remove("b"), s.live(), s.dead()), (None, 2, 1));
        s.check_new([id("b"), id("d")].iter()).unwrap();
        assert!(s.check_new([id("a")].iter()).is_err());
        s.append([id("b"), id("d")].into_iter());
        assert_eq!(s.find("b"), Some(3));
        let live: Vec<&str> = s.live_ids().map(Id::as_str).collect();
        assert_eq!(live, ["a", "b", "c", "d"]);
        let ranks: Vec<u32> = s.live_by_rank().iter().map(|&x| s.rank[x as usize]).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    }

    #[test]
    fn ranks_stay_in_id_order_when_one_gap_is_used_up() {
        let mut s = Slots::of("tests", vec![id("a"), id("b"), id("c")], Executor::CurrentThread).unwrap();
        // Each new id lands right after "a": the gap there halves until none is left.
        for i in (0..40).rev() {
            s.append(std::iter::once(id(&format!("a{i:02}"))));
            s.append(std::iter::once(id(&format!("z{i:02}"))));
        }
        let order = s.live_by_rank();
        let ids: Vec<&str> = order.iter().map(|&x| s.id(x).as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        assert!(order.windows(2).all(|w| s.rank[w[0] as usize] < s.rank[w[1] as usize]));
        assert_eq!(s.find("a07").map(|x| s.id(x).as_str()), Some("a07"));
    }
}
