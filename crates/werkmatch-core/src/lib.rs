//! # werkmatch-core
//!
//! The scoring core of werkmatch: the domain model, scoring model v1
//! (SCORING.md), explanations, and exact top-k ranking in both directions.
//! It knows no file formats; `werkmatch-adapter` feeds it.
//!
//! Data flows one way: **model → prepare → rank → explain**.

pub mod error;
pub mod isco;
pub mod model;

pub use error::{Error, ErrorKind, Result};
pub use model::*;
