//! The top-k lists of every vacancy of one task of the transposed batch:
//! scores and seeker ranks as `n × k` tables (ndarray), one row per vacancy.
//!
//! Seekers arrive in ascending id rank, so a newcomer ranks after everyone
//! already held: it enters a full list only with a strictly higher score,
//! and equal scores stay in arrival order, which is the tie-break by id.

use ndarray::Array2;

/// `n` top-k lists of `(score, seeker rank)`, best first.
pub(crate) struct Tops {
    k: usize,
    scores: Array2<f64>,
    ranks: Array2<u32>,
    len: Vec<u32>,
    /// The k-th score of each list once full; `-inf` before.
    thr: Vec<f64>,
}

impl Tops {
    /// `n` empty lists of capacity `k` (at least 1).
    pub(crate) fn new(n: usize, k: usize) -> Tops {
        let k = k.max(1);
        Tops {
            k,
            scores: Array2::zeros((n, k)),
            ranks: Array2::zeros((n, k)),
            len: vec![0; n],
            thr: vec![f64::NEG_INFINITY; n],
        }
    }

    /// Number of lists.
    pub(crate) fn len(&self) -> usize {
        self.len.len()
    }

    /// List `p`'s k-th score once full; `-inf` before (or for no list).
    #[inline]
    pub(crate) fn threshold(&self, p: usize) -> f64 {
        self.thr.get(p).copied().unwrap_or(f64::NEG_INFINITY)
    }

    /// Whether a seeker ranked after every one already held, scoring at most
    /// `bound`, can no longer enter list `p`.
    #[inline]
    pub(crate) fn cannot_enter(&self, p: usize, bound: f64) -> bool {
        self.thr.get(p).is_none_or(|t| bound.total_cmp(t).is_le())
    }

    /// Adds a seeker ranked after every one already held.
    #[inline]
    pub(crate) fn push(&mut self, p: usize, score: f64, rank: u32) {
        let k = self.k;
        let Some(len) = self.len.get(p).map(|&l| l as usize) else { return };
        let (Some(sc), Some(rk)) = (self.scores.row_mut(p).into_slice(), self.ranks.row_mut(p).into_slice()) else {
            return;
        };
        // Ties stay behind the earlier (lower-ranked) seekers.
        let at = sc[..len].iter().position(|s| s.total_cmp(&score).is_lt()).unwrap_or(len);
        if at >= k {
            return;
        }
        let last = len.min(k - 1);
        sc.copy_within(at..last, at + 1);
        rk.copy_within(at..last, at + 1);
        sc[at] = score;
        rk[at] = rank;
        let len = (len + 1).min(k);
        self.len[p] = len as u32;
        if len == k {
            self.thr[p] = sc[k - 1];
        }
    }

    /// List `p`, best first.
    pub(crate) fn entries(&self, p: usize) -> Vec<(f64, u32)> {
        let Some(&len) = self.len.get(p) else { return Vec::new() };
        let row = self.scores.row(p).into_iter().zip(self.ranks.row(p));
        row.take(len as usize).map(|(&s, &r)| (s, r)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_best_k_in_arrival_order_on_ties() {
        let mut t = Tops::new(2, 3);
        for (rank, score) in [0.5, 0.7, 0.5, 0.9, 0.7, 0.1].into_iter().enumerate() {
            t.push(1, score, rank as u32);
        }
        let got = t.entries(1);
        assert_eq!(got, vec![(0.9, 3), (0.7, 1), (0.7, 4)]);
        assert_eq!(t.threshold(1), 0.7);
        assert!(t.cannot_enter(1, 0.7) && !t.cannot_enter(1, 0.71));
        assert!(t.entries(0).is_empty());
        assert!(!t.cannot_enter(0, 0.0));
    }
}
