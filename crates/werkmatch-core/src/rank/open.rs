//! Which vacancies a seeker can still enter, by score bound: one bit set per
//! cut of the score scale, kept exact as thresholds rise.
//!
//! In the transposed batch (`reverse`) every vacancy has its own top-k, and a
//! seeker whose score bound for a group is `b` need only look at the group's
//! vacancies whose k-th score is below `b`. Bit `p` of set `j` says that
//! position `p`'s threshold is below `cut[j]`; a seeker with bound `b` reads
//! the set of the smallest cut at or above `b`, a superset of what it needs.
//! A threshold only ever rises, so each rise clears the bits of the cuts it
//! passes, once: the sets never go stale and are never rebuilt.

use ndarray::Array2;

/// Cuts of the score scale: `CUTS` evenly spaced up to 1, then `+inf` (a
/// bound may exceed 1 by rounding).
const CUTS: usize = 128;

/// The per-cut bit sets of one task's positions.
pub(crate) struct OpenSets {
    /// Row `j`: the positions whose threshold is below cut `j`, 64 per word.
    bits: Array2<u64>,
}

/// The cut value of set `j`.
#[inline]
fn cut(j: usize) -> f64 {
    if j < CUTS {
        (j + 1) as f64 / CUTS as f64
    } else {
        f64::INFINITY
    }
}

impl OpenSets {
    /// Every one of `n` positions open (no threshold yet) in every set.
    pub(crate) fn new(n: usize) -> OpenSets {
        let words = n.div_ceil(64);
        let mut row = vec![u64::MAX; words];
        if n % 64 != 0 {
            if let Some(last) = row.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        let bits = Array2::from_shape_fn((CUTS + 1, words), |(_, w)| row.get(w).copied().unwrap_or(0));
        OpenSets { bits }
    }

    /// The set to read for a bound: the smallest cut at or above it.
    #[inline]
    pub(crate) fn set_for(bound: f64) -> usize {
        if bound.is_nan() {
            return CUTS;
        }
        // A first guess from the even spacing, then corrected for rounding.
        let mut j = ((bound * CUTS as f64).ceil() as isize - 1).clamp(0, CUTS as isize) as usize;
        while j < CUTS && cut(j) < bound {
            j += 1;
        }
        while j > 0 && cut(j - 1) >= bound {
            j -= 1;
        }
        j
    }

    /// Position `p`'s threshold rose from `old` to `new`: it leaves every
    /// set whose cut it reached.
    #[inline]
    pub(crate) fn raise(&mut self, p: usize, old: f64, new: f64) {
        let (w, bit) = (p / 64, 1u64 << (p % 64));
        // Sets whose cut was above `old` and is now at or below `new`.
        let mut j = if old.is_finite() { Self::set_for(old) } else { 0 };
        while j <= CUTS && cut(j) <= new {
            if cut(j) > old {
                if let Some(x) = self.bits.get_mut((j, w)) {
                    *x &= !bit;
                }
            }
            j += 1;
        }
    }

    /// Calls `f` with every open position of set `j` in `from..to`, ascending.
    #[inline]
    pub(crate) fn for_each(&self, j: usize, from: usize, to: usize, mut f: impl FnMut(usize)) {
        if from >= to {
            return;
        }
        let (w0, w1) = (from / 64, (to - 1) / 64);
        for w in w0..=w1 {
            let Some(&word) = self.bits.get((j, w)) else { return };
            let mut m = word;
            if w == w0 {
                m &= u64::MAX << (from % 64);
            }
            if w == w1 && to % 64 != 0 {
                m &= (1u64 << (to % 64)) - 1;
            }
            while m != 0 {
                f(w * 64 + m.trailing_zeros() as usize);
                m &= m - 1;
            }
        }
    }

    /// Whether set `j` has no open position in `from..to`.
    #[inline]
    pub(crate) fn none_in(&self, j: usize, from: usize, to: usize) -> bool {
        let mut any = false;
        // Short ranges (a group) span a few words: scanning them is cheap.
        self.for_each(j, from, to, |_| any = true);
        !any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_follow_rising_thresholds() {
        let n = 150;
        let mut o = OpenSets::new(n);
        let mut thr = vec![f64::NEG_INFINITY; n];
        let mut rises = 0u64;
        for step in 0..2000u64 {
            let p = (step * 37 % n as u64) as usize;
            let new = thr[p].max((step * 7919 % 1000) as f64 / 997.0);
            if new > thr[p] {
                o.raise(p, thr[p], new);
                thr[p] = new;
                rises += 1;
            }
        }
        assert!(rises > 100);
        for bound in [0.0, 0.1, 0.33, 0.5, 0.777, 0.999, 1.0, 1.0000001] {
            let j = OpenSets::set_for(bound);
            assert!(cut(j) >= bound && (j == 0 || cut(j - 1) < bound));
            let mut seen = Vec::new();
            o.for_each(j, 3, 141, |p| seen.push(p));
            let want: Vec<usize> = (3..141).filter(|&p| thr[p] < cut(j)).collect();
            assert_eq!(seen, want);
            assert_eq!(o.none_in(j, 3, 141), want.is_empty());
        }
    }
}
