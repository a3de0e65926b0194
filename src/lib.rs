#![doc = include_str!("../README.md")]
//!
//! ---
//!
//! This facade re-exports [`werkmatch_core`] (model, scoring, ranking) at the
//! top level and [`werkmatch_adapter`] as [`adapter`].

pub use werkmatch_adapter as adapter;
pub use werkmatch_core::*;
