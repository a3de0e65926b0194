//! Accountability for werkmatch (the contract is AUDIT.md; EU AI Act Art. 10,
//! 12, 13, 14, 19, 26(6)): run records that can be verified and replayed, the
//! fairness report and the model card.
//!
//! This crate sits above the scoring crates: it depends on `werkmatch-core` and
//! `werkmatch-adapter`, and neither of them depends on it. The audit
//! attributes ([`fairness::AuditAttributes`]) are therefore a type that no
//! code that scores can name, let alone read.
//!
//! ```
//! use werkmatch_audit::{verify_chain, AuditLog, Retention};
//!
//! assert!(Retention::days(90).is_err()); // below six months: refused
//! let empty = verify_chain("").unwrap();
//! assert_eq!(empty.records, 0);
//! # let _ = AuditLog::new("/tmp/never-written.jsonl", Retention::default());
//! ```

pub mod catalogue;
pub mod digest;
pub mod fairness;
pub mod log;
pub mod model_card;
pub mod record;
pub mod replay;
pub mod verify;

pub use log::{Appender, AuditError, AuditLog, Retention, MIN_RETENTION_DAYS};
pub use record::{Counts, Engine, InputRecord, OutputRecord, RunBody, RunKind, RunRecord};
pub use replay::{Replay, Rerun};
pub use verify::{verify_chain, Broken, Problem, Verified};
