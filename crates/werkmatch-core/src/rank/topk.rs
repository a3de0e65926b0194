//! The top-k collector of the kernel (tantivy style): a buffer of up to 2k
//! candidates that is cut back to the best k with `select_nth_unstable_by`
//! whenever it fills, which also yields a threshold that later candidates (and
//! their score upper bounds) must beat.
//!
//! Candidates are `(score, rank, slot)` where `rank` orders the candidate's
//! id among the live ids, so ties compare integers and the order is exactly
//! [`super::rank_order`]; `slot` is carried along to find the record again.

use std::cmp::Ordering;

/// `Less` when `a` ranks before `b`: higher score first, then lower id rank.
#[inline]
pub(crate) fn order(a: &(f64, u32, u32), b: &(f64, u32, u32)) -> Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Collects the best k `(score, rank)` pairs.
#[derive(Clone, Debug)]
pub(crate) struct TopK {
    k: usize,
    buf: Vec<(f64, u32, u32)>,
    /// The k-th best seen so far, once the buffer has been cut at least once.
    threshold: Option<(f64, u32, u32)>,
}

impl TopK {
    pub(crate) fn new(k: usize) -> Self {
        TopK { k, buf: Vec::with_capacity(2 * k.min(1 << 16)), threshold: None }
    }

    /// Whether a candidate of rank `rank` whose score is at most `bound` can
    /// no longer enter the top k. Exact: a score equal to the threshold still
    /// enters when its id ranks before the threshold's.
    #[inline]
    pub(crate) fn cannot_enter(&self, bound: f64, rank: u32) -> bool {
        if self.k == 0 {
            return true;
        }
        match &self.threshold {
            Some(t) => order(&(bound, rank, 0), t) != Ordering::Less,
            None => false,
        }
    }

    /// Offers a candidate.
    #[inline]
    pub(crate) fn push(&mut self, score: f64, rank: u32, slot: u32) {
        if self.cannot_enter(score, rank) {
            return;
        }
        self.buf.push((score, rank, slot));
        // Saturating: any k is valid (usize::MAX asks for everything).
        if self.buf.len() >= self.k.saturating_mul(2) {
            self.cut();
        }
    }

    fn cut(&mut self) {
        let k = self.k;
        if k == 0 || self.buf.len() <= k {
            return;
        }
        self.buf.select_nth_unstable_by(k - 1, order);
        self.buf.truncate(k);
        // After the selection, element k−1 is the k-th best.
        self.threshold = self.buf.iter().copied().max_by(order);
    }

    /// The best k, best first.
    pub(crate) fn into_sorted(mut self) -> Vec<(f64, u32, u32)> {
        self.buf.sort_unstable_by(order);
        self.buf.truncate(self.k);
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_best_k_with_ties_by_rank() {
        for k in [0usize, 1, 3, 7] {
            let mut t = TopK::new(k);
            let mut all = Vec::new();
            for i in 0..100u32 {
                let s = f64::from((i * 37) % 11) / 10.0;
                t.push(s, i, i);
                all.push((s, i, i));
            }
            all.sort_by(order);
            all.truncate(k);
            assert_eq!(t.into_sorted(), all);
        }
    }

    #[test]
    fn bound_equal_to_threshold_only_skips_losing_ids() {
        let mut t = TopK::new(1);
        t.push(0.5, 10, 0);
        t.push(0.4, 11, 1);
        assert!(t.cannot_enter(0.5, 12));
        assert!(!t.cannot_enter(0.5, 9));
        assert!(!t.cannot_enter(0.6, 99));
        assert!(t.cannot_enter(0.3, 0));
    }
}
