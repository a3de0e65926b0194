//! [`ScanConfig`]: the defaults of SCAN.md, validated when built.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The scan's settings (SCAN.md): the match threshold θ, the competitiveness
/// rule `N_v = max(k_c, c · positions)`, the near-match band, and the limits
/// of the alternatives. Build one with [`ScanConfig::builder`]; the default is
/// SCAN.md v1.
///
/// ```
/// use werkmatch_core::scan::ScanConfig;
/// let cfg = ScanConfig::builder().min_score(0.6).build().unwrap();
/// assert_eq!(cfg.min_score(), 0.6);
/// assert!(ScanConfig::builder().min_score(1.5).build().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScanConfig {
    min_score: f64,
    competitive_min: u32,
    competitive_per_position: u32,
    best_k: usize,
    near_band: f64,
    coverage_min: f64,
    kansrijk_demand: usize,
    max_alternatives: usize,
    max_missing: usize,
    max_skill_changes: usize,
}

impl Default for ScanConfig {
    fn default() -> Self {
        ScanConfig {
            min_score: 0.5,
            competitive_min: 10,
            competitive_per_position: 3,
            best_k: 10,
            near_band: 0.1,
            coverage_min: 0.25,
            kansrijk_demand: 5,
            max_alternatives: 20,
            max_missing: 10,
            max_skill_changes: 20,
        }
    }
}

impl ScanConfig {
    /// A builder starting from the SCAN.md defaults.
    pub fn builder() -> ScanConfigBuilder {
        ScanConfigBuilder { cfg: ScanConfig::default() }
    }

    /// θ: a match scores at least this (default 0.5).
    pub fn min_score(&self) -> f64 {
        self.min_score
    }

    /// `k_c` (default 10).
    pub fn competitive_min(&self) -> u32 {
        self.competitive_min
    }

    /// `c` (default 3).
    pub fn competitive_per_position(&self) -> u32 {
        self.competitive_per_position
    }

    /// `N_v = max(k_c, c · positions(v))`.
    pub fn competitive_places(&self, positions: u16) -> usize {
        (self.competitive_min as usize).max(self.competitive_per_position as usize * positions as usize)
    }

    /// Top-k of `best` (default 10).
    pub fn best_k(&self) -> usize {
        self.best_k
    }

    /// Width of the near-match band below θ (default 0.1).
    pub fn near_band(&self) -> f64 {
        self.near_band
    }

    /// `w_min` for alternatives (default 0.25).
    pub fn coverage_min(&self) -> f64 {
        self.coverage_min
    }

    /// `kansrijk` when demand is at least this (default 5).
    pub fn kansrijk_demand(&self) -> usize {
        self.kansrijk_demand
    }

    /// At most this many alternatives (default 20).
    pub fn max_alternatives(&self) -> usize {
        self.max_alternatives
    }

    /// At most this many missing skills per alternative (default 10).
    pub fn max_missing(&self) -> usize {
        self.max_missing
    }

    /// At most this many `skill:X` changes tried per seeker (default 20).
    pub fn max_skill_changes(&self) -> usize {
        self.max_skill_changes
    }

    /// Whether a (knock-out-free) score is a match.
    #[inline]
    pub fn is_match(&self, score: f64) -> bool {
        score >= self.min_score
    }

    /// Whether a (knock-out-free) score is a near match: `θ − band ≤ score < θ`.
    #[inline]
    pub fn is_near(&self, score: f64) -> bool {
        score < self.min_score && score >= self.min_score - self.near_band
    }
}

/// Builds a [`ScanConfig`]; [`build`](Self::build) checks it.
#[derive(Clone, Debug)]
pub struct ScanConfigBuilder {
    cfg: ScanConfig,
}

impl ScanConfigBuilder {
    /// θ, in [0, 1].
    pub fn min_score(mut self, v: f64) -> Self {
        self.cfg.min_score = v;
        self
    }

    /// `k_c` and `c` of `N_v = max(k_c, c · positions)`.
    pub fn competitive(mut self, k_c: u32, c: u32) -> Self {
        self.cfg.competitive_min = k_c;
        self.cfg.competitive_per_position = c;
        self
    }

    /// Top-k of `best`.
    pub fn best_k(mut self, k: usize) -> Self {
        self.cfg.best_k = k;
        self
    }

    /// Near-match band, in [0, 1].
    pub fn near_band(mut self, v: f64) -> Self {
        self.cfg.near_band = v;
        self
    }

    /// `w_min`, in [0, 1].
    pub fn coverage_min(mut self, v: f64) -> Self {
        self.cfg.coverage_min = v;
        self
    }

    /// Demand from which an alternative is `kansrijk`.
    pub fn kansrijk_demand(mut self, n: usize) -> Self {
        self.cfg.kansrijk_demand = n;
        self
    }

    /// Limits: alternatives, missing skills per alternative, skill changes per seeker.
    pub fn limits(mut self, alternatives: usize, missing: usize, skill_changes: usize) -> Self {
        self.cfg.max_alternatives = alternatives;
        self.cfg.max_missing = missing;
        self.cfg.max_skill_changes = skill_changes;
        self
    }

    /// The configuration, or the first setting out of range.
    pub fn build(self) -> Result<ScanConfig> {
        let c = self.cfg;
        let unit = |name: &'static str, v: f64| {
            if (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                Err(Error::out_of_range(name, v, "a number, 0 ≤ x ≤ 1"))
            }
        };
        unit("scan.min_score", c.min_score)?;
        unit("scan.near_band", c.near_band)?;
        unit("scan.coverage_min", c.coverage_min)?;
        Ok(c)
    }
}
