//! The scoring configuration: every default of SCORING.md, settable, and
//! validated once when built so that scoring never has to check it.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::travel::TravelModel;

/// Weights of the six components (SCORING.md section 4).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Skills (default 0.30).
    pub skills: f64,
    /// Occupation (default 0.20).
    pub occupation: f64,
    /// ISCO skill level (default 0.15).
    pub level: f64,
    /// Mobility (default 0.15).
    pub mobility: f64,
    /// Sector (default 0.10).
    pub sector: f64,
    /// Hours (default 0.10).
    pub hours: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { skills: 0.30, occupation: 0.20, level: 0.15, mobility: 0.15, sector: 0.10, hours: 0.10 }
    }
}

impl Weights {
    /// The weights in component order: skills, occupation, level, mobility, sector, hours.
    pub fn as_array(&self) -> [f64; 6] {
        [self.skills, self.occupation, self.level, self.mobility, self.sector, self.hours]
    }

    /// Sum of the weights.
    pub fn sum(&self) -> f64 {
        self.as_array().iter().sum()
    }
}

/// The validated scoring configuration (SCORING.md v1 by default).
///
/// Build a custom one with [`ScoringConfig::builder`]; fields are private so
/// that an invalid configuration cannot exist.
///
/// ```
/// use werkmatch_core::score::{ScoringConfig, Weights};
/// let cfg = ScoringConfig::builder()
///     .weights(Weights { skills: 0.5, ..Weights::default() })
///     .build()
///     .unwrap();
/// assert_eq!(cfg.weights().skills, 0.5);
/// assert!(ScoringConfig::builder().over_qualified_penalty(-1.0).build().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawConfig")]
pub struct ScoringConfig {
    pub(crate) weights: Weights,
    pub(crate) weight_sum: f64,
    pub(crate) over_qualified_penalty: f64,
    pub(crate) gap1_with_training: f64,
    pub(crate) gap1_without_training: f64,
    pub(crate) proximity: [f64; 5],
    pub(crate) optional_skill_weight: f64,
    pub(crate) sector_preferred: f64,
    pub(crate) sector_experience: f64,
    pub(crate) sector_none_listed: f64,
    pub(crate) sector_other: f64,
    pub(crate) sector_unknown: f64,
    pub(crate) mobility_comfort_fraction: f64,
    pub(crate) mobility_max_penalty: f64,
    pub(crate) travel: TravelModel,
}

/// A [`ScoringConfig`] as written: every setting optional (its SCORING.md
/// default when absent), unknown ones rejected, the whole validated by
/// [`ScoringConfigBuilder::build`]. `weight_sum`, which a serialised
/// configuration carries for readers, is derived and ignored on reading.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    weights: Weights,
    #[allow(dead_code)]
    weight_sum: Option<f64>,
    over_qualified_penalty: f64,
    gap1_with_training: f64,
    gap1_without_training: f64,
    proximity: [f64; 5],
    optional_skill_weight: f64,
    sector_preferred: f64,
    sector_experience: f64,
    sector_none_listed: f64,
    sector_other: f64,
    sector_unknown: f64,
    mobility_comfort_fraction: f64,
    mobility_max_penalty: f64,
    travel: TravelModel,
}

impl Default for RawConfig {
    fn default() -> Self {
        let c = ScoringConfigBuilder::default().cfg;
        RawConfig {
            weights: c.weights,
            weight_sum: None,
            over_qualified_penalty: c.over_qualified_penalty,
            gap1_with_training: c.gap1_with_training,
            gap1_without_training: c.gap1_without_training,
            proximity: c.proximity,
            optional_skill_weight: c.optional_skill_weight,
            sector_preferred: c.sector_preferred,
            sector_experience: c.sector_experience,
            sector_none_listed: c.sector_none_listed,
            sector_other: c.sector_other,
            sector_unknown: c.sector_unknown,
            mobility_comfort_fraction: c.mobility_comfort_fraction,
            mobility_max_penalty: c.mobility_max_penalty,
            travel: c.travel,
        }
    }
}

impl TryFrom<RawConfig> for ScoringConfig {
    type Error = Error;
    fn try_from(r: RawConfig) -> Result<Self> {
        ScoringConfig::builder()
            .weights(r.weights)
            .over_qualified_penalty(r.over_qualified_penalty)
            .gap1_with_training(r.gap1_with_training)
            .gap1_without_training(r.gap1_without_training)
            .proximity(r.proximity)
            .optional_skill_weight(r.optional_skill_weight)
            .sector_preferred(r.sector_preferred)
            .sector_experience(r.sector_experience)
            .sector_none_listed(r.sector_none_listed)
            .sector_other(r.sector_other)
            .sector_unknown(r.sector_unknown)
            .mobility_comfort_fraction(r.mobility_comfort_fraction)
            .mobility_max_penalty(r.mobility_max_penalty)
            .travel(r.travel)
            .build()
    }
}

impl Default for ScoringConfig {
    fn default() -> Self {
        ScoringConfigBuilder::default().build().unwrap_or_else(|_| unreachable!("the defaults are valid"))
    }
}

impl ScoringConfig {
    /// A builder starting from the SCORING.md defaults.
    pub fn builder() -> ScoringConfigBuilder {
        ScoringConfigBuilder::default()
    }

    /// A builder starting from this configuration.
    pub fn to_builder(&self) -> ScoringConfigBuilder {
        ScoringConfigBuilder { cfg: self.clone() }
    }

    /// Component weights.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The travel model.
    pub fn travel(&self) -> &TravelModel {
        &self.travel
    }

    /// Proximity by common-prefix length 0–4 of two ISCO codes.
    pub fn proximity(&self) -> &[f64; 5] {
        &self.proximity
    }
}

/// Builds a [`ScoringConfig`]; every setter has the SCORING.md default, and
/// [`build`](ScoringConfigBuilder::build) validates the whole.
#[derive(Clone, Debug)]
pub struct ScoringConfigBuilder {
    cfg: ScoringConfig,
}

impl Default for ScoringConfigBuilder {
    fn default() -> Self {
        let weights = Weights::default();
        ScoringConfigBuilder {
            cfg: ScoringConfig {
                weights,
                weight_sum: weights.sum(),
                over_qualified_penalty: 0.15,
                gap1_with_training: 0.6,
                gap1_without_training: 0.4,
                proximity: [0.0, 0.2, 0.4, 0.7, 1.0],
                optional_skill_weight: 0.5,
                sector_preferred: 1.0,
                sector_experience: 0.8,
                sector_none_listed: 0.5,
                sector_other: 0.2,
                sector_unknown: 0.5,
                mobility_comfort_fraction: 0.5,
                mobility_max_penalty: 0.8,
                travel: TravelModel::default(),
            },
        }
    }
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident: $ty:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: $ty) -> Self {
            self.cfg.$name = value;
            self
        }
    };
}

impl ScoringConfigBuilder {
    setter!(
        /// Component weights (finite, non-negative, positive sum).
        weights: Weights
    );
    setter!(
        /// Level score lost per level of over-qualification (default 0.15; in [0, 1]).
        over_qualified_penalty: f64
    );
    setter!(
        /// Level score one level short with on-the-job training (default 0.6).
        gap1_with_training: f64
    );
    setter!(
        /// Level score one level short without training (default 0.4).
        gap1_without_training: f64
    );
    setter!(
        /// Occupation proximity for a common ISCO prefix of 0, 1, 2, 3, 4 digits
        /// (default `[0.0, 0.2, 0.4, 0.7, 1.0]`; each in [0, 1]).
        proximity: [f64; 5]
    );
    setter!(
        /// Weight of an optional skill relative to an essential one (default 0.5).
        optional_skill_weight: f64
    );
    setter!(
        /// Sector score when the vacancy's sector is preferred (default 1.0).
        sector_preferred: f64
    );
    setter!(
        /// Sector score when the seeker has experience in it (default 0.8).
        sector_experience: f64
    );
    setter!(
        /// Sector score when the seeker lists no sectors (default 0.5).
        sector_none_listed: f64
    );
    setter!(
        /// Sector score otherwise (default 0.2).
        sector_other: f64
    );
    setter!(
        /// Sector score when the vacancy's sector is unknown (default 0.5; v1.1).
        sector_unknown: f64
    );
    setter!(
        /// Share of `max_minutes` that is travelled without penalty (default 0.5; in [0, 1)).
        mobility_comfort_fraction: f64
    );
    setter!(
        /// Mobility score lost at exactly `max_minutes` (default 0.8; in [0, 1]).
        mobility_max_penalty: f64
    );
    setter!(
        /// Travel speeds, detours, overheads, first transit departure, Earth radius.
        travel: crate::travel::TravelModel
    );

    /// Validates and returns the configuration.
    pub fn build(self) -> Result<ScoringConfig> {
        let mut c = self.cfg;
        let w = c.weights.as_array();
        if w.iter().any(|x| !x.is_finite() || *x < 0.0) {
            return Err(Error::config("weights", "every weight must be finite and non-negative"));
        }
        c.weight_sum = c.weights.sum();
        if c.weight_sum <= 0.0 {
            return Err(Error::config("weights", "the weights must have a positive sum"));
        }
        let fractions: [(&'static str, f64); 12] = [
            ("over_qualified_penalty", c.over_qualified_penalty),
            ("gap1_with_training", c.gap1_with_training),
            ("gap1_without_training", c.gap1_without_training),
            ("optional_skill_weight", c.optional_skill_weight),
            ("sector_preferred", c.sector_preferred),
            ("sector_experience", c.sector_experience),
            ("sector_none_listed", c.sector_none_listed),
            ("sector_other", c.sector_other),
            ("sector_unknown", c.sector_unknown),
            ("mobility_max_penalty", c.mobility_max_penalty),
            ("mobility_comfort_fraction", c.mobility_comfort_fraction),
            ("proximity", c.proximity.iter().copied().fold(0.0, f64::max)),
        ];
        for (name, v) in fractions {
            if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
                return Err(Error::config(name, "must be a fraction in [0, 1]"));
            }
        }
        if c.proximity.iter().any(|p| !(p.is_finite() && (0.0..=1.0).contains(p))) {
            return Err(Error::config("proximity", "every proximity must be in [0, 1]"));
        }
        if c.mobility_comfort_fraction >= 1.0 {
            return Err(Error::config("mobility_comfort_fraction", "must be below 1"));
        }
        for p in &c.travel.modes {
            if !(p.speed_kmh.is_finite() && p.speed_kmh > 0.0) {
                return Err(Error::config("travel.speed_kmh", "every speed must be finite and positive"));
            }
            if !(p.detour.is_finite() && p.detour > 0.0) {
                return Err(Error::config("travel.detour", "every detour must be finite and positive"));
            }
            if !(p.overhead_min.is_finite() && p.overhead_min >= 0.0) {
                return Err(Error::config("travel.overhead_min", "every overhead must be finite and non-negative"));
            }
        }
        if !(c.travel.transit_first.is_finite() && (0.0..1440.0).contains(&c.travel.transit_first)) {
            return Err(Error::config("travel.transit_first", "must be minutes after midnight in [0, 1440)"));
        }
        if !(c.travel.earth_radius_km.is_finite() && c.travel.earth_radius_km > 0.0) {
            return Err(Error::config("travel.earth_radius_km", "must be finite and positive"));
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_spec() {
        let c = ScoringConfig::default();
        assert_eq!(c.weights().as_array(), [0.30, 0.20, 0.15, 0.15, 0.10, 0.10]);
        assert!((c.weight_sum - 1.0).abs() < 1e-12);
        assert_eq!(c.travel().transit_first, 360.0);
    }

    #[test]
    fn invalid_configurations_are_rejected() {
        let zero = Weights { skills: 0.0, occupation: 0.0, level: 0.0, mobility: 0.0, sector: 0.0, hours: 0.0 };
        assert_eq!(ScoringConfig::builder().weights(zero).build().unwrap_err().field(), "weights");
        let neg = Weights { hours: -0.1, ..Weights::default() };
        assert!(ScoringConfig::builder().weights(neg).build().is_err());
        let nan = Weights { sector: f64::NAN, ..Weights::default() };
        assert!(ScoringConfig::builder().weights(nan).build().is_err());
        assert!(ScoringConfig::builder().sector_other(1.5).build().is_err());
        assert!(ScoringConfig::builder().mobility_comfort_fraction(1.0).build().is_err());
        assert!(ScoringConfig::builder().proximity([0.0, 0.2, 0.4, 0.7, 1.1]).build().is_err());
        let mut travel = TravelModel::default();
        travel.modes[1].speed_kmh = 0.0;
        assert_eq!(ScoringConfig::builder().travel(travel).build().unwrap_err().field(), "travel.speed_kmh");
    }

    #[test]
    fn configurations_read_back_validated() {
        let c = ScoringConfig::builder().sector_unknown(0.4).build().unwrap();
        let text = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<ScoringConfig>(&text).unwrap(), c);
        let partial: ScoringConfig = serde_json::from_str(r#"{"sector_other": 0.1}"#).unwrap();
        assert_eq!(partial, ScoringConfig::builder().sector_other(0.1).build().unwrap());
        let err = serde_json::from_str::<ScoringConfig>(r#"{"sector_other": 1.1}"#).unwrap_err();
        assert!(err.to_string().contains("sector_other"), "{err}");
        assert!(serde_json::from_str::<ScoringConfig>(r#"{"colour": 1}"#).is_err());
    }

    #[test]
    fn a_valid_custom_configuration_builds() {
        let c = ScoringConfig::builder().weights(Weights { skills: 2.0, ..Weights::default() }).build().unwrap();
        assert!((c.weight_sum - 2.7).abs() < 1e-12);
    }
}
