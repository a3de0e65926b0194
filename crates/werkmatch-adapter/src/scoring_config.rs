//! The scoring configuration file: a TOML file that sets any of the
//! [`ScoringConfigBuilder`] settings; everything not set keeps the SCORING.md
//! default, and the whole is validated by `build()`.
//!
//! ```toml
//! over_qualified_penalty = 0.1
//! proximity = [0.0, 0.2, 0.4, 0.7, 1.0]
//!
//! [weights]
//! skills = 0.35
//! occupation = 0.20
//! level = 0.15
//! mobility = 0.10
//! sector = 0.10
//! hours = 0.10
//! ```
//!
//! `weights` and `travel` are set as a whole (every member), since a partial
//! weight set would silently mix two models. Unknown keys are bad input, with
//! the line.

use std::path::Path;

use serde::Deserialize;
use werkmatch_core::score::{ScoringConfig, ScoringConfigBuilder, Weights};
use werkmatch_core::travel::TravelModel;

use crate::error::{Error, ErrorKind, Position, Result};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    weights: Option<Weights>,
    over_qualified_penalty: Option<f64>,
    gap1_with_training: Option<f64>,
    gap1_without_training: Option<f64>,
    proximity: Option<[f64; 5]>,
    optional_skill_weight: Option<f64>,
    sector_preferred: Option<f64>,
    sector_experience: Option<f64>,
    sector_none_listed: Option<f64>,
    sector_other: Option<f64>,
    mobility_comfort_fraction: Option<f64>,
    mobility_max_penalty: Option<f64>,
    travel: Option<TravelModel>,
}

/// Reads a scoring configuration file (TOML).
pub fn read_scoring_config(path: &Path) -> Result<ScoringConfig> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    scoring_config_from_str(&text, Some(path))
}

/// Parses a scoring configuration (TOML); `file` is named in errors.
pub fn scoring_config_from_str(text: &str, file: Option<&Path>) -> Result<ScoringConfig> {
    let raw: ConfigFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() as u64 + 1);
        Error::new(ErrorKind::Config, e.message().to_string()).with_position(Position { line, ..Position::file(file) })
    })?;
    let mut b: ScoringConfigBuilder = ScoringConfig::builder();
    macro_rules! set {
        ($($name:ident),*) => { $( if let Some(v) = raw.$name { b = b.$name(v); } )* };
    }
    set!(
        weights,
        over_qualified_penalty,
        gap1_with_training,
        gap1_without_training,
        proximity,
        optional_skill_weight,
        sector_preferred,
        sector_experience,
        sector_none_listed,
        sector_other,
        mobility_comfort_fraction,
        mobility_max_penalty,
        travel
    );
    b.build().map_err(|e| Error::from_core(&e).with_position(Position::file(file)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_keys_keep_the_defaults() {
        let c = scoring_config_from_str("over_qualified_penalty = 0.1\n", None).unwrap();
        assert_eq!(c, ScoringConfig::builder().over_qualified_penalty(0.1).build().unwrap());
        assert_eq!(scoring_config_from_str("", None).unwrap(), ScoringConfig::default());
    }

    #[test]
    fn bad_files_say_where_and_why() {
        let e = scoring_config_from_str("sector_other = 0.2\nbogus = 1\n", Some(Path::new("c.toml"))).unwrap_err();
        assert_eq!(e.position().line, Some(2));
        assert!(e.reason().contains("bogus"), "{e}");
        let e = scoring_config_from_str("sector_other = 1.5\n", None).unwrap_err();
        assert_eq!(e.field(), Some("sector_other"));
    }
}
