//! Interned strings (skills, certificates) as dense `u32` ids, so that set
//! tests in the kernel are merges of short sorted integer lists.

use std::collections::{HashMap, HashSet};

use super::exec::{par_map, Executor};

/// Maps strings to dense ids in first-seen order.
///
/// The ids only ever meet in equality tests, so their values (which depend on
/// input order) never reach a score.
#[derive(Clone, Debug, Default)]
pub(crate) struct Interner {
    map: HashMap<Box<str>, u32>,
}

impl Interner {
    /// The id of `s`, adding it when new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.map.get(s) {
            return id;
        }
        let id = self.map.len() as u32;
        self.map.insert(s.into(), id);
        id
    }

    /// The distinct strings of `items` (each giving several), with ids in
    /// byte order, so that they do not depend on the order of the items;
    /// collected per chunk in parallel on `exec`, then merged.
    pub(crate) fn sorted<'a, T: Sync, I: Iterator<Item = &'a str>>(
        items: &'a [T],
        strings: impl Fn(&'a T) -> I + Sync,
        exec: Executor<'_>,
    ) -> Interner {
        let chunks: Vec<&'a [T]> = items.chunks(2048).collect();
        let parts = par_map(&chunks, 1, |c| c.iter().flat_map(&strings).collect::<HashSet<&'a str>>(), exec);
        let mut all: Vec<&'a str> = parts.into_iter().flatten().collect::<HashSet<&str>>().into_iter().collect();
        all.sort_unstable();
        let mut out = Interner::default();
        for s in all {
            out.intern(s);
        }
        out
    }

    /// The id of `s`, if known.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.map.get(s).copied()
    }

    /// Sorted, deduplicated ids of `items`, adding new ones.
    pub(crate) fn intern_set<S: AsRef<str>>(&mut self, items: &[S]) -> Vec<u32> {
        let mut v: Vec<u32> = items.iter().map(|s| self.intern(s.as_ref())).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Sorted, deduplicated ids of the known strings among `items`, and
    /// whether some string was unknown.
    pub(crate) fn lookup_set<S: AsRef<str>>(&self, items: &[S]) -> (Vec<u32>, bool) {
        let mut unknown = false;
        let mut v: Vec<u32> = items
            .iter()
            .filter_map(|s| {
                let id = self.get(s.as_ref());
                unknown |= id.is_none();
                id
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        (v, unknown)
    }

    /// Number of ids handed out.
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// Approximate heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.map.capacity() * (std::mem::size_of::<(Box<str>, u32)>() + 1)
            + self.map.keys().map(|k| k.len()).sum::<usize>()
    }
}

/// A set of ids below some bound as bits: a membership test is one load, so
/// counting how many of a short list are members has no data-dependent
/// branches, unlike a merge of two sorted lists.
#[derive(Clone, Debug)]
pub(crate) struct IdBits(Vec<u64>);

impl IdBits {
    /// The empty set of ids below `n`.
    pub(crate) fn new(n: usize) -> IdBits {
        IdBits(vec![0; n.div_ceil(64)])
    }

    /// Adds (`on`) or removes the `ids`; ids at or above the bound are ignored.
    pub(crate) fn set(&mut self, ids: &[u32], on: bool) {
        for &id in ids {
            if let Some(w) = self.0.get_mut((id >> 6) as usize) {
                if on {
                    *w |= 1 << (id & 63);
                } else {
                    *w &= !(1 << (id & 63));
                }
            }
        }
    }

    /// How many of `ids` are in the set.
    #[inline]
    pub(crate) fn count(&self, ids: &[u32]) -> usize {
        ids.iter().map(|&id| self.0.get((id >> 6) as usize).map_or(0, |w| (w >> (id & 63) & 1) as usize)).sum()
    }
}

/// Number of common elements of two sorted, deduplicated lists.
#[inline]
pub(crate) fn intersect_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether every element of sorted `need` is in sorted `have`.
#[inline]
pub(crate) fn is_subset(need: &[u32], have: &[u32]) -> bool {
    need.is_empty() || intersect_count(need, have) == need.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_merge_counts() {
        assert_eq!(intersect_count(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(intersect_count(&[], &[1]), 0);
        assert!(is_subset(&[], &[]));
        assert!(is_subset(&[3, 7], &[1, 3, 7]));
        assert!(!is_subset(&[3, 8], &[1, 3, 7]));
    }

    #[test]
    fn interned_sets_are_sorted_and_deduplicated() {
        let mut i = Interner::default();
        let a = i.intern_set(&["b", "a", "b"]);
        assert_eq!(a.len(), 2);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        let (k, unknown) = i.lookup_set(&["a", "zz"]);
        assert_eq!(k.len(), 1);
        assert!(unknown);
    }
}
