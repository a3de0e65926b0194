//! The run record (AUDIT.md section 1): one JSON object per run, chained by
//! `prev` and `hash`.
//!
//! A tool fills in a [`RunBody`] (what ran, on what, with which settings);
//! [`crate::AuditLog::append`] adds `seq`, `prev`, `retention_days` and `hash`. The
//! record holds no personal data: paths, sizes, hashes, counts and settings
//! only; seeker ids appear only in the outputs the record points to.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::digest;

/// What kind of run a record describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RunKind {
    /// A batch match (`matches.jsonl`).
    Match,
    /// A scan.
    Scan,
    /// A placement plan.
    Plan,
    /// A service's update or query batch.
    Serve,
}

impl RunKind {
    /// The name used in the record.
    pub fn name(self) -> &'static str {
        match self {
            RunKind::Match => "match",
            RunKind::Scan => "scan",
            RunKind::Plan => "plan",
            RunKind::Serve => "serve",
        }
    }
}

/// The engine that ran.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Engine {
    /// Package name, `werkmatch`.
    pub name: String,
    /// Package version.
    pub version: String,
}

impl Engine {
    /// This build of werkmatch.
    pub fn this() -> Self {
        Engine { name: "werkmatch".to_string(), version: env!("CARGO_PKG_VERSION").to_string() }
    }
}

/// Records read, accepted and rejected from one input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Records read (accepted + rejected).
    pub read: u64,
    /// Records that passed every rule.
    pub accepted: u64,
    /// Records rejected as bad input.
    pub rejected: u64,
}

/// One input: role, path as given, size, content hash, and record counts
/// (absent for inputs that are not record files, such as a column mapping).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputRecord {
    /// `seekers`, `vacancies`, `employers`, `config`, `overrides`, `mapping`, `postcodes`, `esco` …
    pub role: String,
    /// The path as given on the command line.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// `sha256:…`.
    pub hash: String,
    /// Record counts, for record files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
}

impl InputRecord {
    /// Hashes the input at `path` (a file or a directory) for the record.
    pub fn hash_path(role: &str, path: &std::path::Path) -> std::io::Result<Self> {
        let d = digest::path(path)?;
        Ok(InputRecord {
            role: role.to_string(),
            path: path.display().to_string(),
            size: d.size,
            hash: d.hash,
            counts: None,
        })
    }
}

/// The output a run wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputRecord {
    /// The path as given.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// `sha256:…`.
    pub hash: String,
}

/// Everything a tool records about its run; the log adds the chain fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunBody {
    /// What ran.
    pub kind: RunKind,
    /// Name and version of the engine.
    pub engine: Engine,
    /// The whole scoring configuration in force, as serialised by the core.
    pub scoring: Value,
    /// `sha256:…` of the canonical JSON of `scoring`.
    pub scoring_hash: String,
    /// Version tag of the taxonomy used, or null.
    pub taxonomy: Option<String>,
    /// The run's options (k, `min_score`, directions …): enough to run it again.
    pub options: Value,
    /// Every input, including the configuration and the overrides file when given.
    pub inputs: Vec<InputRecord>,
    /// How many overrides took effect, when an overrides file was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides_in_effect: Option<u64>,
    /// The output.
    pub output: OutputRecord,
    /// Start, UTC, RFC 3339.
    pub started: String,
    /// End, UTC, RFC 3339.
    pub finished: String,
    /// Worker threads (informational: results never depend on it).
    pub threads: usize,
}

impl RunBody {
    /// The input with `role`, if recorded.
    pub fn input(&self, role: &str) -> Option<&InputRecord> {
        self.inputs.iter().find(|i| i.role == role)
    }
}

/// A record as it stands in the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// 0, 1, … in log order.
    pub seq: u64,
    /// `hash` of the previous record; null for the first.
    pub prev: Option<String>,
    /// `sha256:…` of this record's canonical JSON without `hash`.
    pub hash: String,
    /// The retention setting in force when the record was written (at least 183 days).
    pub retention_days: u32,
    /// What ran.
    #[serde(flatten)]
    pub body: RunBody,
}

/// The hash of a record given as a JSON object: sha256 over the canonical
/// JSON (RFC 8785) of every member except `hash`. Verification works on the
/// parsed JSON, not on [`RunRecord`], so members added by later versions are
/// covered too.
pub fn record_hash(record: &Value) -> Result<String, serde_json::Error> {
    match record {
        Value::Object(map) => {
            let mut m = map.clone();
            m.remove("hash");
            digest::json_hash(&m)
        }
        other => digest::json_hash(other),
    }
}

/// UTC now as RFC 3339 with milliseconds, e.g. `2026-12-01T09:48:02.123Z`.
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}
