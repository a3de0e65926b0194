//! # werkmatch-core
//!
//! The scoring core of werkmatch: the domain model, scoring model v1
//! (SCORING.md, v1.1), explanations, and exact top-k ranking in every direction.
//! It knows no file formats; `werkmatch-adapter` feeds it.
//!
//! Data flows one way: **model → score → rank**, with explanations beside
//! ranking (both build on scoring); no stage knows the stages after it.
//!
//! - [`model`]: [`Jobseeker`], [`Vacancy`], [`Employer`] and their validated values.
//! - [`score`]: the [`ScoringConfig`](score::ScoringConfig), knock-outs, components, explanations.
//! - [`rank`]: top-k in three directions; [`rank::reference`] is the plain oracle.
//! - [`text`]: Dutch and English for everything people read ([`text::Lang`]).
//!
//! Nothing here scores on age, gender, nationality, migration background,
//! health diagnoses or household: the model has no fields for them.

pub mod error;
pub mod isco;
pub mod model;
pub mod overrides;
pub mod rank;
pub mod score;
pub mod text;
pub mod travel;

pub use error::{Error, ErrorKind, Result};
pub use model::*;
