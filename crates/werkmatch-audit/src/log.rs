//! Appending run records to the audit log, with the retention setting.

use std::fmt;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::record::{record_hash, RunBody, RunRecord};

/// The shortest retention a deployer may set: six months (EU AI Act Art. 26(6)), as 183 days.
pub const MIN_RETENTION_DAYS: u32 = 183;

/// How long the deployer keeps the log; never below [`MIN_RETENTION_DAYS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention(u32);

impl Retention {
    /// A retention of `days`; below 183 days it is refused.
    pub fn days(days: u32) -> Result<Self, AuditError> {
        if days < MIN_RETENTION_DAYS {
            return Err(AuditError::Retention { days });
        }
        Ok(Retention(days))
    }

    /// The number of days.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for Retention {
    fn default() -> Self {
        Retention(MIN_RETENTION_DAYS)
    }
}

/// What can go wrong writing or reading the log.
#[derive(Debug)]
#[non_exhaustive]
pub enum AuditError {
    /// A retention below six months.
    Retention {
        /// The days asked for.
        days: u32,
    },
    /// The file could not be read or written.
    Io {
        /// The log file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The last record of an existing log cannot be read, so nothing can be chained to it.
    Unchainable {
        /// The log file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// Why.
        reason: String,
    },
}

impl fmt::Display for AuditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditError::Retention { days } => write!(
                f,
                "a retention of {days} days is refused: the audit log must be kept at least {MIN_RETENTION_DAYS} days (six months, EU AI Act Art. 26(6))"
            ),
            AuditError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            AuditError::Unchainable { path, line, reason } => write!(
                f,
                "{}:{line}: the last record cannot be read ({reason}); nothing is appended (check the log with `audit verify`)",
                path.display()
            ),
        }
    }
}

impl std::error::Error for AuditError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AuditError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// An append-only JSON Lines audit log.
///
/// One writer at a time: runs that share a log must not append concurrently
/// (the record chain would fork, which `verify` then reports).
#[derive(Clone, Debug)]
pub struct AuditLog {
    path: PathBuf,
    retention: Retention,
}

impl AuditLog {
    /// The log at `path` (created on the first append) kept for `retention`.
    pub fn new(path: impl Into<PathBuf>, retention: Retention) -> Self {
        AuditLog { path: path.into(), retention }
    }

    /// The log's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `body` as the next record (seq, prev, hash) and returns it.
    pub fn append(&self, body: RunBody) -> Result<RunRecord, AuditError> {
        let mut w = self.appender()?;
        Ok(w.append_all(vec![body])?.remove(0))
    }

    /// Opens the log for a long-running writer (a service): the chain's last
    /// record is read once here, not on every append.
    pub fn appender(&self) -> Result<Appender, AuditError> {
        let io = |source| AuditError::Io { path: self.path.clone(), source };
        let (seq, prev) = match std::fs::read_to_string(&self.path) {
            Ok(text) => self.last(&text)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (0, None),
            Err(e) => return Err(io(e)),
        };
        let file = OpenOptions::new().create(true).append(true).open(&self.path).map_err(io)?;
        Ok(Appender { log: self.clone(), file, seq, prev })
    }

    /// The next seq and the hash to chain to, from the last record in `text`.
    fn last(&self, text: &str) -> Result<(u64, Option<String>), AuditError> {
        let Some((i, line)) = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).last() else {
            return Ok((0, None));
        };
        let bad = |reason: String| AuditError::Unchainable { path: self.path.clone(), line: i as u64 + 1, reason };
        let v: Value = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let seq = v.get("seq").and_then(Value::as_u64).ok_or_else(|| bad("no `seq`".into()))?;
        let hash = v.get("hash").and_then(Value::as_str).ok_or_else(|| bad("no `hash`".into()))?;
        Ok((seq + 1, Some(hash.to_string())))
    }
}

/// The log held open by its one writer ([`AuditLog::appender`]), which knows
/// the chain's head. Another process appending to the same file meanwhile
/// forks the chain (`verify` reports it), as with [`AuditLog::append`].
#[derive(Debug)]
pub struct Appender {
    log: AuditLog,
    file: std::fs::File,
    seq: u64,
    prev: Option<String>,
}

impl Appender {
    /// Appends `bodies` as the next records, chained, with one sync for all;
    /// the records. On an error the chain's head stays where it was on
    /// disk as far as is known (a partly written line is reported by `verify`).
    pub fn append_all(&mut self, bodies: Vec<RunBody>) -> Result<Vec<RunRecord>, AuditError> {
        let io = |source| AuditError::Io { path: self.log.path.clone(), source };
        let (mut seq, mut prev) = (self.seq, self.prev.clone());
        let mut lines = Vec::new();
        let mut records = Vec::with_capacity(bodies.len());
        for body in bodies {
            let mut record = RunRecord {
                seq,
                prev: prev.take(),
                hash: String::new(),
                retention_days: self.log.retention.get(),
                body,
            };
            let mut value = serde_json::to_value(&record).map_err(|e| io(e.into()))?;
            record.hash = record_hash(&value).map_err(|e| io(e.into()))?;
            if let Value::Object(m) = &mut value {
                m.insert("hash".to_string(), Value::String(record.hash.clone()));
            }
            serde_json::to_writer(&mut lines, &value).map_err(|e| io(e.into()))?;
            lines.push(b'\n');
            prev = Some(record.hash.clone());
            seq += 1;
            records.push(record);
        }
        self.file.write_all(&lines).map_err(io)?;
        // A record that is not on disk is not a record.
        self.file.sync_data().map_err(io)?;
        (self.seq, self.prev) = (seq, prev);
        Ok(records)
    }
}
