//! The Wilson score interval of a proportion.

/// z for a two-sided 95% interval, as AUDIT.md fixes it.
pub const Z95: f64 = 1.959964;

/// The Wilson interval `[low, high]` for `successes` out of `n` at `z`;
/// `[0, 1]` for `n = 0` (nothing is known).
pub fn wilson(successes: u64, n: u64, z: f64) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let n = n as f64;
    let p = successes as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    [(centre - half).max(0.0), (centre + half).min(1.0)]
}
