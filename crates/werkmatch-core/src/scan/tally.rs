//! What the fast scan's pass counts for the position, the changes to try and
//! the alternatives, pair by pair as it goes: the pass keeps only the pairs
//! a later step reads again (matches, pairs some change could alter,
//! included ones), so these counts cannot wait for a second loop over all.
//! A band split into chunks gives one [`Tally`] per chunk, merged in index
//! order.

use std::collections::BTreeMap;

use super::alternatives::Reach;
use super::prepared::SECTORS;
use super::result::{by_level, ByLevel};

/// The counts of one seeker's pass (or of a chunk of it).
pub(crate) struct Tally<'a> {
    pub matches: u64,
    pub positions: u64,
    pub competitive: u64,
    pub by_lv: ByLevel,
    pub by_sec: [u64; SECTORS],
    /// Hidden jobs among the employers scored (the included ones apart).
    pub hidden: u64,
    /// Per interned skill: near matches missing it.
    pub near_gaps: BTreeMap<u32, u64>,
    /// Per interned certificate: required by a vacancy in reach, not held.
    pub certs: Vec<bool>,
    /// Per interned skill: vacancies in reach asking it as essential, not held.
    pub asked: Vec<usize>,
    pub reach: Reach<'a>,
}

impl<'a> Tally<'a> {
    pub fn new(certs: usize, skills: usize) -> Tally<'a> {
        Tally {
            matches: 0,
            positions: 0,
            competitive: 0,
            by_lv: by_level(),
            by_sec: [0; SECTORS],
            hidden: 0,
            near_gaps: BTreeMap::new(),
            certs: vec![false; certs],
            asked: vec![0; skills],
            reach: Reach::default(),
        }
    }

    /// Adds the counts of the chunk that follows this one.
    pub fn append(&mut self, next: Tally<'a>) {
        self.matches += next.matches;
        self.positions += next.positions;
        self.competitive += next.competitive;
        for (l, n) in next.by_lv {
            *self.by_lv.entry(l).or_default() += n;
        }
        for (a, b) in self.by_sec.iter_mut().zip(next.by_sec) {
            *a += b;
        }
        self.hidden += next.hidden;
        for (x, n) in next.near_gaps {
            *self.near_gaps.entry(x).or_default() += n;
        }
        for (a, b) in self.certs.iter_mut().zip(next.certs) {
            *a |= b;
        }
        for (a, b) in self.asked.iter_mut().zip(next.asked) {
            *a += b;
        }
        self.reach.append(next.reach);
    }
}
