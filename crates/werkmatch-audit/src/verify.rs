//! Checking the chain of an audit log from its first record on.
//!
//! Each line must be a JSON object whose `seq` is its position (0, 1, …),
//! whose `prev` is the previous record's `hash` (null for the first) and whose
//! `hash` is the sha256 of its canonical JSON without `hash`. The first line
//! where one of these fails is reported with the `seq` expected there:
//!
//! - a changed record: its own `hash` no longer matches (or, if the hash was
//!   recomputed, the next record's `prev` no longer does);
//! - a removed record: the next one has a `seq` too high;
//! - an inserted or repeated record: a record with a `seq` too low follows it;
//! - reordered records: the first one out of place has the wrong `seq`.
//!
//! A hash chain cannot show that records were cut off at the end, or that
//! everything after some point was rewritten consistently: for that a deployer
//! keeps the head hash (printed by `audit verify`) somewhere else and checks it
//! with `--head`.

use std::fmt;

use serde_json::Value;

use crate::record::record_hash;

/// A log whose chain holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Number of records.
    pub records: u64,
    /// The last record's hash (null for an empty log).
    pub head: Option<String>,
}

/// Where and why the chain breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The `seq` the chain expected at the first bad line.
    pub seq: u64,
    /// 1-based line in the log.
    pub line: u64,
    /// What is wrong there.
    pub problem: Problem,
}

/// What is wrong with a record.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Not a JSON object with `seq`, `prev` and `hash`.
    Unreadable(String),
    /// The record has another `seq`: a record was removed (higher), inserted (lower) or moved.
    Seq {
        /// The seq it has.
        found: u64,
    },
    /// `prev` is not the previous record's hash: this or the previous record was changed.
    Prev,
    /// The recorded `hash` is not the hash of the record: the record was changed.
    Hash {
        /// The hash it states.
        recorded: String,
        /// The hash of its content.
        computed: String,
    },
}

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seq = self.seq;
        write!(f, "line {}: seq {seq}: ", self.line)?;
        match &self.problem {
            Problem::Unreadable(why) => write!(f, "unreadable record ({why})"),
            Problem::Seq { found } if *found > seq => {
                write!(f, "record seq {seq} is missing or moved (found seq {found}): removed or reordered")
            }
            Problem::Seq { found } => {
                write!(f, "found seq {found} again: a record was inserted, repeated or moved before this line")
            }
            Problem::Prev => write!(
                f,
                "`prev` is not the hash of record {}: that record or this one was changed",
                seq.saturating_sub(1)
            ),
            Problem::Hash { recorded, computed } => {
                write!(f, "the record was changed (its hash is {computed}, it states {recorded})")
            }
        }
    }
}

/// Verifies the chain of a log's text. Blank lines are not records.
pub fn verify_chain(text: &str) -> Result<Verified, Broken> {
    let mut prev: Option<String> = None;
    let mut seq = 0u64;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let broken = |problem| Broken { seq, line: i as u64 + 1, problem };
        let v: Value = serde_json::from_str(line).map_err(|e| broken(Problem::Unreadable(e.to_string())))?;
        if !v.is_object() {
            return Err(broken(Problem::Unreadable("not a JSON object".into())));
        }
        let found =
            v.get("seq").and_then(Value::as_u64).ok_or_else(|| broken(Problem::Unreadable("no `seq`".into())))?;
        if found != seq {
            return Err(broken(Problem::Seq { found }));
        }
        let stated_prev = match v.get("prev") {
            Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            _ => return Err(broken(Problem::Unreadable("`prev` must be a string or null".into()))),
        };
        if stated_prev != prev {
            return Err(broken(Problem::Prev));
        }
        let recorded =
            v.get("hash").and_then(Value::as_str).ok_or_else(|| broken(Problem::Unreadable("no `hash`".into())))?;
        let computed = record_hash(&v).map_err(|e| broken(Problem::Unreadable(e.to_string())))?;
        if recorded != computed {
            return Err(broken(Problem::Hash { recorded: recorded.to_string(), computed }));
        }
        prev = Some(computed);
        seq += 1;
    }
    Ok(Verified { records: seq, head: prev })
}
