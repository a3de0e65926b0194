//! The six components of SCORING.md section 2, as small pure functions.
//!
//! They take primitive inputs (gaps, counts, flags) rather than records, so the
//! reference scorer and the fast kernel share one implementation of every
//! formula: the same arithmetic in the same order gives bit-identical scores,
//! which keeps the two rankers' tie-breaks identical too.

use serde::{Deserialize, Serialize};

use super::ScoringConfig;
use crate::model::{HoursRange, IscoCode};

/// The six component values of one pair, each in [0, 1].
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Components {
    /// Skills (2.3).
    pub skills: f64,
    /// Occupation (2.2).
    pub occupation: f64,
    /// ISCO skill level (2.1).
    pub level: f64,
    /// Mobility (2.6).
    pub mobility: f64,
    /// Sector (2.4).
    pub sector: f64,
    /// Hours (2.5).
    pub hours: f64,
}

/// A component's name, for explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Component {
    Skills,
    Occupation,
    Level,
    Mobility,
    Sector,
    Hours,
}

impl Component {
    /// All components, in the order of [`Components::as_array`] and [`super::Weights::as_array`].
    pub const ALL: [Component; 6] = [
        Component::Skills,
        Component::Occupation,
        Component::Level,
        Component::Mobility,
        Component::Sector,
        Component::Hours,
    ];

    /// Lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Component::Skills => "skills",
            Component::Occupation => "occupation",
            Component::Level => "level",
            Component::Mobility => "mobility",
            Component::Sector => "sector",
            Component::Hours => "hours",
        }
    }
}

impl Components {
    /// Values in the order skills, occupation, level, mobility, sector, hours.
    pub fn as_array(&self) -> [f64; 6] {
        [self.skills, self.occupation, self.level, self.mobility, self.sector, self.hours]
    }

    /// The total `Σ w·x / Σ w` (section 4), summed in component order.
    #[inline]
    pub fn total(&self, cfg: &ScoringConfig) -> f64 {
        let w = &cfg.weights;
        (w.skills * self.skills
            + w.occupation * self.occupation
            + w.level * self.level
            + w.mobility * self.mobility
            + w.sector * self.sector
            + w.hours * self.hours)
            / cfg.weight_sum
    }
}

/// Level component for a gap `g = Lv − Ls`; `None` when `g ≥ 2` (knock-out).
#[inline]
pub fn level(cfg: &ScoringConfig, gap: i32, offers_training: bool) -> Option<f64> {
    match gap {
        g if g <= 0 => Some((1.0 - cfg.over_qualified_penalty * f64::from(-g)).max(0.0)),
        1 if offers_training => Some(cfg.gap1_with_training),
        1 => Some(cfg.gap1_without_training),
        _ => None,
    }
}

/// Proximity of two ISCO codes by their common prefix.
#[inline]
pub fn proximity(cfg: &ScoringConfig, a: IscoCode, b: IscoCode) -> f64 {
    cfg.proximity[a.common_prefix(&b)]
}

/// Occupation component: the best proximity between the vacancy's code and
/// any of the seeker's codes; 0 when the seeker lists none.
#[inline]
pub fn occupation(cfg: &ScoringConfig, vacancy: IscoCode, seeker_codes: impl IntoIterator<Item = IscoCode>) -> f64 {
    seeker_codes.into_iter().map(|c| proximity(cfg, vacancy, c)).fold(0.0, f64::max)
}

/// Skills component from set sizes: `E` essential, `O` optional minus `E`,
/// with the number of each the seeker has. Equals `occupation` when both
/// sets are empty.
#[inline]
pub fn skills(
    cfg: &ScoringConfig,
    essential_hit: usize,
    essential: usize,
    optional_hit: usize,
    optional: usize,
    occupation: f64,
) -> f64 {
    match skills_denominator(cfg, essential, optional) {
        Some(denom) => (essential_hit as f64 + cfg.optional_skill_weight * optional_hit as f64) / denom,
        None => occupation,
    }
}

/// The denominator `|E| + w·|O|` of the skills component; `None` when
/// nothing is asked (no skills, or only optional ones with a weight of 0),
/// and the component is the occupation's.
#[inline]
pub fn skills_denominator(cfg: &ScoringConfig, essential: usize, optional: usize) -> Option<f64> {
    if essential == 0 && optional == 0 {
        return None;
    }
    let denom = essential as f64 + cfg.optional_skill_weight * optional as f64;
    (denom > 0.0).then_some(denom)
}

/// Sector component from whether the vacancy's sector is known (v1.1), is
/// among the seeker's preferred sectors, among the experienced ones, and
/// whether both lists are empty.
#[inline]
pub fn sector(cfg: &ScoringConfig, known: bool, preferred: bool, experienced: bool, none_listed: bool) -> f64 {
    if !known {
        cfg.sector_unknown
    } else if preferred {
        cfg.sector_preferred
    } else if experienced {
        cfg.sector_experience
    } else if none_listed {
        cfg.sector_none_listed
    } else {
        cfg.sector_other
    }
}

/// Hours component; `None` when the vacancy's minimum exceeds the seeker's maximum (knock-out).
#[inline]
pub fn hours(seeker: HoursRange, vacancy: HoursRange) -> Option<f64> {
    if vacancy.min() > seeker.max() {
        None
    } else if vacancy.max() >= seeker.min() {
        Some(1.0)
    } else {
        Some(f64::from(vacancy.max()) / f64::from(seeker.min()))
    }
}

/// Mobility component for travel time `t` within `max_minutes` `T` (`t ≤ T`).
#[inline]
pub fn mobility(cfg: &ScoringConfig, t: f64, max_minutes: f64) -> f64 {
    let c = cfg.mobility_comfort_fraction * max_minutes;
    if t <= c {
        1.0
    } else {
        (1.0 - cfg.mobility_max_penalty * (t - c) / (max_minutes - c)).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> ScoringConfig {
        ScoringConfig::default()
    }

    fn isco(s: &str) -> IscoCode {
        IscoCode::parse(s).unwrap()
    }

    #[test]
    fn level_by_gap() {
        let c = cfg();
        assert_eq!(level(&c, 0, false), Some(1.0));
        assert!((level(&c, -1, false).unwrap() - 0.85).abs() < 1e-12);
        assert!((level(&c, -3, true).unwrap() - 0.55).abs() < 1e-12);
        assert_eq!(level(&c, 1, true), Some(0.6));
        assert_eq!(level(&c, 1, false), Some(0.4));
        assert_eq!(level(&c, 2, true), None);
        assert_eq!(level(&c, 3, false), None);
    }

    #[test]
    fn occupation_takes_the_best_prefix() {
        let c = cfg();
        let v = isco("9112");
        assert_eq!(occupation(&c, v, []), 0.0);
        assert_eq!(occupation(&c, v, [isco("8112")]), 0.0);
        assert_eq!(occupation(&c, v, [isco("9212")]), 0.2);
        assert_eq!(occupation(&c, v, [isco("9122"), isco("9212")]), 0.4);
        assert_eq!(occupation(&c, v, [isco("9111"), isco("9122")]), 0.7);
        assert_eq!(occupation(&c, v, [isco("9112"), isco("1111")]), 1.0);
    }

    #[test]
    fn skills_formula() {
        let c = cfg();
        // E = 4, O = 2; has 3 essential and 1 optional: (3 + 0.5) / (4 + 1) = 0.7
        assert!((skills(&c, 3, 4, 1, 2, 0.0) - 0.7).abs() < 1e-12);
        // Nothing asked: equals occupation.
        assert_eq!(skills(&c, 0, 0, 0, 0, 0.4), 0.4);
        // Only optional skills: 1 of 2 → 0.5.
        assert!((skills(&c, 0, 0, 1, 2, 0.0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn sector_values() {
        let c = cfg();
        assert_eq!(sector(&c, true, true, true, false), 1.0);
        assert_eq!(sector(&c, true, false, true, false), 0.8);
        assert_eq!(sector(&c, true, false, false, true), 0.5);
        assert_eq!(sector(&c, true, false, false, false), 0.2);
        // v1.1: an unknown sector is 0.5, whatever the seeker lists.
        assert_eq!(sector(&c, false, false, false, false), 0.5);
        assert_eq!(sector(&c, false, false, false, true), 0.5);
    }

    #[test]
    fn hours_values() {
        let h = |a, b| HoursRange::new(a, b).unwrap();
        assert_eq!(hours(h(24, 32), h(36, 40)), None);
        assert_eq!(hours(h(24, 32), h(32, 40)), Some(1.0));
        assert_eq!(hours(h(24, 32), h(12, 24)), Some(1.0));
        assert!((hours(h(32, 40), h(12, 16)).unwrap() - 0.5).abs() < 1e-12);
        assert_eq!(hours(h(0, 40), h(0, 0)), Some(1.0));
    }

    #[test]
    fn mobility_values() {
        let c = cfg();
        assert_eq!(mobility(&c, 0.0, 45.0), 1.0);
        assert_eq!(mobility(&c, 22.5, 45.0), 1.0);
        // t = 33.75 is halfway between c = 22.5 and T = 45: 1 − 0.8·0.5 = 0.6
        assert!((mobility(&c, 33.75, 45.0) - 0.6).abs() < 1e-12);
        assert!((mobility(&c, 45.0, 45.0) - 0.2).abs() < 1e-12);
        // T = 0 and a remote job (t = 0): no division by zero.
        assert_eq!(mobility(&c, 0.0, 0.0), 1.0);
    }

    #[test]
    fn total_is_the_weighted_mean() {
        let c = cfg();
        let x = Components { skills: 1.0, occupation: 0.5, level: 0.4, mobility: 0.6, sector: 0.2, hours: 1.0 };
        let want = 0.30 + 0.20 * 0.5 + 0.15 * 0.4 + 0.15 * 0.6 + 0.10 * 0.2 + 0.10;
        assert!((x.total(&c) - want).abs() < 1e-12);
    }
}
