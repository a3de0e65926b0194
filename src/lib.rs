#![doc = include_str!("../README.md")]
//!
//! ---
//!
//! This facade re-exports [`werkmatch_core`] (model, scoring, ranking) at the
//! top level, [`werkmatch_adapter`] as [`adapter`] and [`werkmatch_audit`] as
//! [`audit`] (run records, fairness report, model card), and
//! [`werkmatch_report`] as [`report`] (the HTML pages). The facade sees them
//! all; the core and the adapter never see the audit crate.

pub use werkmatch_adapter as adapter;
pub use werkmatch_audit as audit;
pub use werkmatch_core::*;
pub use werkmatch_report as report;
