//! Scoring model v1 (SCORING.md): configuration, knock-outs, the six
//! components, employers without a vacancy, and explanations.
//!
//! ```
//! use werkmatch_core::{score, GeoPoint, Id, IscoCode, Jobseeker, Nace, Vacancy};
//! let cfg = score::ScoringConfig::default();
//! let seeker = Jobseeker::new(Id::new("S1").unwrap(), GeoPoint::new(53.2194, 6.5665).unwrap());
//! let job = Vacancy::new(
//!     Id::new("V1").unwrap(),
//!     IscoCode::parse("9112").unwrap(),
//!     Nace::parse("N").unwrap(),
//!     GeoPoint::new(53.2100, 6.5600).unwrap(),
//! );
//! let e = score::explain(&cfg, &seeker, &job);
//! assert!(!e.is_excluded());
//! assert!((e.recombined_total() - e.score.unwrap()).abs() < 1e-12);
//! ```

// The component formulas take primitive inputs so that the scorer and the
// kernel share them; they are not an API of their own (a caller scores pairs
// with `evaluate`, `explain` or a ranker).
mod account;
pub(crate) mod components;
mod config;
mod employer;
mod explain;
mod knockout;
mod pair;
mod unlock;
pub mod words;

pub use account::{account, account_employer, Account, Lift};
pub use components::{Component, Components};
pub use config::{ScoringConfig, ScoringConfigBuilder, Weights};
pub use employer::{best_occupation, employer_as_vacancy, evaluate_employer};
pub use explain::{explain, explain_employer, ComponentScore, Explanation};
pub use knockout::{KnockOut, KnockOuts};
pub use pair::{evaluate, knockouts, missing_essential_skills, score, seeker_codes, seeker_level, travel, Evaluation};
#[cfg(test)]
pub(crate) use unlock::HintDiscriminants;
pub use unlock::{unlock_hints, Hint};
