//! # werkmatch
//!
//! Facade over [`werkmatch_core`] (model, scoring, ranking) and
//! [`werkmatch_adapter`] (formats and feeds). See the README.

pub use werkmatch_adapter as adapter;
pub use werkmatch_core::*;
