//! Deterministic randomness: one ChaCha8 stream per record, and the small
//! sampling helpers the generators share.
//!
//! Every record gets its own generator, keyed by the seed and the record kind
//! and positioned on the stream numbered by the record's index. A record thus
//! depends only on (seed, kind, index), never on the order in which threads
//! produce records, and ChaCha8's output is specified bit for bit, so the same
//! seed gives the same population on every platform. The helpers below use
//! only IEEE arithmetic (+, −, ×, ÷, sqrt), never the platform's `sin`/`cos`,
//! for the same reason.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The kinds of record; each has its own key so that the streams never overlap.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stream {
    Seeker = 1,
    Vacancy = 2,
    Employer = 3,
    /// The employers behind the vacancies (not written to `employers.jsonl`).
    VacancyEmployer = 4,
    Audit = 5,
}

/// The generator of record `index` of `kind` under `seed`.
pub(crate) fn record_rng(seed: u64, kind: Stream, index: usize) -> ChaCha8Rng {
    // Mixing the kind into the 64-bit seed (seed_from_u64 expands it with PCG32)
    // gives each kind an independent key; the index selects one of 2^64 streams.
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (kind as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    rng.set_stream(index as u64);
    rng
}

/// Picks indices with probability proportional to integer weights.
#[derive(Clone, Debug)]
pub(crate) struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    /// From weights; entries of weight 0 are never picked.
    pub(crate) fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0u64;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    /// Whether nothing can be picked (no entries, or all of weight 0).
    pub(crate) fn is_empty(&self) -> bool {
        self.cumulative.last().is_none_or(|&t| t == 0)
    }

    /// A random index, or 0 when empty (callers check [`Weighted::is_empty`] first).
    pub(crate) fn pick<R: Rng>(&self, rng: &mut R) -> usize {
        let Some(&total) = self.cumulative.last() else { return 0 };
        if total == 0 {
            return 0;
        }
        let x = rng.gen_range(0..total);
        self.cumulative.partition_point(|&c| c <= x)
    }
}

/// Picks from a small table of `(weight, value)` pairs.
pub(crate) fn pick_table<R: Rng, T: Copy>(rng: &mut R, table: &[(u32, T)]) -> Option<T> {
    let total: u32 = table.iter().map(|(w, _)| w).sum();
    if total == 0 {
        return None;
    }
    let mut x = rng.gen_range(0..total);
    for &(w, v) in table {
        if x < w {
            return Some(v);
        }
        x -= w;
    }
    None
}

/// `k` distinct items of `items` in random order (all of them when `k ≥ len`):
/// a partial Fisher–Yates shuffle over indices.
pub(crate) fn choose_distinct<'a, R: Rng, T>(rng: &mut R, items: &'a [T], k: usize) -> Vec<&'a T> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let k = k.min(items.len());
    for i in 0..k {
        let j = rng.gen_range(i..idx.len());
        idx.swap(i, j);
    }
    idx.iter().take(k).filter_map(|&i| items.get(i)).collect()
}

/// A random offset in km inside a disk of radius `radius_km`, denser near the
/// centre (the radius is uniform rather than the area), as towns are denser in
/// their centres. Returns `(east_km, north_km)`.
pub(crate) fn disk_offset_km<R: Rng>(rng: &mut R, radius_km: f64) -> (f64, f64) {
    // Rejection sampling gives a uniform point in the unit disk without trig;
    // scaling it by its own distance maps the radius r to r², which is uniform.
    for _ in 0..64 {
        let x = rng.gen::<f64>() * 2.0 - 1.0;
        let y = rng.gen::<f64>() * 2.0 - 1.0;
        let r2 = x * x + y * y;
        if r2 < 1.0 {
            let r = r2.sqrt();
            return (x * r * radius_km, y * r * radius_km);
        }
    }
    (0.0, 0.0) // unreachable in practice: each try succeeds with probability π/4
}

/// Kilometres per degree of latitude (mean, WGS84; good to 0.5% at Dutch latitudes).
pub(crate) const KM_PER_DEG_LAT: f64 = 111.2;

/// Kilometres per degree of longitude at `lat_deg`: `KM_PER_DEG_LAT · cos(lat)`,
/// with cos from its Taylor series (error below 1e-5 up to 60°), so the result is
/// the same on every platform.
pub(crate) fn km_per_deg_lon(lat_deg: f64) -> f64 {
    let x = lat_deg * std::f64::consts::PI / 180.0;
    let x2 = x * x;
    let cos = 1.0 - x2 / 2.0 + x2 * x2 / 24.0 - x2 * x2 * x2 / 720.0 + x2 * x2 * x2 * x2 / 40_320.0;
    KM_PER_DEG_LAT * cos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_by_kind_and_index_and_repeat_by_seed() {
        let a: u64 = record_rng(7, Stream::Seeker, 3).gen();
        assert_eq!(a, record_rng(7, Stream::Seeker, 3).gen::<u64>());
        assert_ne!(a, record_rng(7, Stream::Seeker, 4).gen::<u64>());
        assert_ne!(a, record_rng(7, Stream::Vacancy, 3).gen::<u64>());
        assert_ne!(a, record_rng(8, Stream::Seeker, 3).gen::<u64>());
    }

    #[test]
    fn weighted_pick_follows_weights_and_skips_zero() {
        let w = Weighted::new([0, 3, 1]);
        let mut rng = record_rng(1, Stream::Seeker, 0);
        let mut counts = [0usize; 3];
        for _ in 0..4000 {
            counts[w.pick(&mut rng)] += 1;
        }
        assert_eq!(counts[0], 0);
        assert!((2800..3200).contains(&counts[1]), "{counts:?}");
        assert!(Weighted::new([0, 0]).is_empty());
        assert!(Weighted::new([]).is_empty());
    }

    #[test]
    fn cos_series_is_close_to_cos() {
        for lat in [0.0f64, 30.0, 50.8, 53.5, 60.0] {
            let exact = KM_PER_DEG_LAT * lat.to_radians().cos();
            assert!((km_per_deg_lon(lat) - exact).abs() < 1e-3, "{lat}");
        }
    }

    #[test]
    fn disk_offsets_stay_inside() {
        let mut rng = record_rng(2, Stream::Employer, 9);
        for _ in 0..1000 {
            let (x, y) = disk_offset_km(&mut rng, 3.0);
            assert!(x * x + y * y <= 9.0);
        }
    }
}
