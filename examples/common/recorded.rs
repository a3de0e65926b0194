//! Run records for the batch tools (AUDIT.md section 1), one representation
//! for `match`, `plan` and `scan`: the `--audit-log` flags, the inputs hashed
//! before they are read (with their record counts), the record's body, and
//! reading a record's options back for a replay. The replay itself is one
//! procedure for every kind (`werkmatch::audit::replay::replay`); each tool
//! only says how to run its kind again. Included with `#[path]` next to
//! `cli.rs` (it uses `super::cli`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use werkmatch::adapter::Loaded;
use werkmatch::audit::record::now_rfc3339;
use werkmatch::audit::{
    digest, AuditLog, Counts, Engine, InputRecord, OutputRecord, Retention, RunBody, RunKind, MIN_RETENTION_DAYS,
};
use werkmatch::score::ScoringConfig;
use werkmatch::text::Lang;

use super::cli::InputFlags;

/// `--audit-log FILE` and `--audit-retention-days N`, the same in every tool.
#[derive(clap::Args, Debug, Clone)]
pub struct AuditFlags {
    /// Append a run record (AUDIT.md section 1) to this JSON Lines audit log.
    #[arg(long)]
    pub audit_log: Option<PathBuf>,
    /// How long the deployer keeps the audit log, in days (at least 183: six months).
    #[arg(long, default_value_t = MIN_RETENTION_DAYS)]
    pub audit_retention_days: u32,
}

impl AuditFlags {
    /// The log to append to (`None` without `--audit-log`). A retention below
    /// 183 days is refused: a usage error, to be reported before any work.
    pub fn log(&self) -> Result<Option<AuditLog>, String> {
        let retention =
            Retention::days(self.audit_retention_days).map_err(|e| format!("--audit-retention-days: {e}"))?;
        Ok(self.audit_log.as_ref().map(|p| AuditLog::new(p, retention)))
    }
}

/// Hashes an input before it is read, so that the record states what was read.
pub fn hashed(role: &str, path: &Path) -> Result<InputRecord, String> {
    InputRecord::hash_path(role, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The record counts of a read input file.
pub fn counts<T>(loaded: &Loaded<T>) -> Counts {
    Counts { read: loaded.read, accepted: loaded.accepted.len() as u64, rejected: loaded.rejected.len() as u64 }
}

/// `sha256:…` of the canonical JSON of a configuration (the record's `scoring_hash`).
pub fn scoring_hash(cfg: &ScoringConfig) -> Result<String, String> {
    digest::json_hash(cfg).map_err(|e| format!("hashing the configuration: {e}"))
}

/// What a run read, collected while it runs; off (nothing hashed) when no
/// record is written, since hashing gigabytes costs seconds.
#[derive(Debug)]
pub struct Recorder {
    on: bool,
    started: String,
    inputs: Vec<InputRecord>,
}

impl Recorder {
    /// A recorder that hashes when `on` (when the run writes a record).
    pub fn new(on: bool) -> Self {
        Recorder { on, started: now_rfc3339(), inputs: Vec::new() }
    }

    /// Hashes an input that is not a record file (configuration, overrides, reference data).
    pub fn input(&mut self, role: &str, path: Option<&Path>) -> Result<(), String> {
        if let (true, Some(p)) = (self.on, path) {
            self.inputs.push(hashed(role, p)?);
        }
        Ok(())
    }

    /// Hashes the reference data of the input flags (`mapping`, `postcodes`, `esco`).
    pub fn reference(&mut self, flags: &InputFlags) -> Result<(), String> {
        self.input("mapping", flags.mapping.as_deref())?;
        self.input("postcodes", flags.postcodes.as_deref())?;
        self.input("esco", flags.esco.as_deref())
    }

    /// Hashes a record file, reads it with `read`, records its counts and
    /// keeps the accepted records as [`super::cli::accept`] does.
    pub fn read<T>(
        &mut self,
        role: &str,
        path: &Path,
        read: impl FnOnce(&Path) -> werkmatch::adapter::Result<Loaded<T>>,
        bad: &mut usize,
        lang: Lang,
    ) -> Result<Vec<T>, String> {
        let mut rec = if self.on { Some(hashed(role, path)?) } else { None };
        let loaded = read(path);
        if let (Some(r), Ok(l)) = (&mut rec, &loaded) {
            r.counts = Some(counts(l));
        }
        let accepted = super::cli::accept(path, loaded, bad, lang)?;
        self.inputs.extend(rec);
        Ok(accepted)
    }

    /// The inputs hashed so far, in the order they were read.
    pub fn inputs(&self) -> &[InputRecord] {
        &self.inputs
    }

    /// The record's body for a finished run that wrote `out` (see [`body`]).
    pub fn finish(self, what: Ran<'_>, out: &Path) -> Result<RunBody, String> {
        body(what, self.inputs, out, self.started, now_rfc3339())
    }
}

/// What ran, besides its inputs and output.
pub struct Ran<'a> {
    /// The kind of run.
    pub kind: RunKind,
    /// The scoring configuration in force.
    pub cfg: &'a ScoringConfig,
    /// The taxonomy's version tag, if one was used.
    pub taxonomy: Option<String>,
    /// The run's options: enough, with the inputs, to run it again.
    pub options: Value,
    /// How many overrides took effect, when an overrides file was given.
    pub overrides_in_effect: Option<u64>,
}

/// The record's body: the output written to `out` is hashed now (after it was flushed).
pub fn body(
    what: Ran<'_>,
    inputs: Vec<InputRecord>,
    out: &Path,
    started: String,
    finished: String,
) -> Result<RunBody, String> {
    let d = digest::file(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let scoring = serde_json::to_value(what.cfg).map_err(|e| format!("recording the configuration: {e}"))?;
    Ok(RunBody {
        kind: what.kind,
        engine: Engine::this(),
        scoring_hash: scoring_hash(what.cfg)?,
        scoring,
        taxonomy: what.taxonomy,
        options: what.options,
        inputs,
        overrides_in_effect: what.overrides_in_effect,
        output: OutputRecord { path: out.display().to_string(), size: d.size, hash: d.hash },
        started,
        finished,
        threads: rayon::current_num_threads(),
    })
}

/// Appends a record to the log and says so on stderr.
pub fn append(log: &AuditLog, body: RunBody) -> Result<(), String> {
    let rec = log.append(body).map_err(|e| format!("audit log: {e}"))?;
    eprintln!("audit log: record seq {} appended to {}", rec.seq, log.path().display());
    Ok(())
}

/// A record read back, for running it again: its inputs by role and its options by name.
pub struct Recorded<'a>(pub &'a RunBody);

impl Recorded<'_> {
    /// The path of the input with `role`, if recorded.
    pub fn path(&self, role: &str) -> Option<PathBuf> {
        self.0.input(role).map(|i| PathBuf::from(&i.path))
    }

    /// The path of the input with `role`, which the kind needs.
    pub fn required(&self, role: &str) -> Result<PathBuf, String> {
        self.path(role).ok_or_else(|| format!("the record has no `{role}` input"))
    }

    /// Option `name`, if recorded and not null.
    pub fn option(&self, name: &str) -> Option<&Value> {
        self.0.options.get(name).filter(|v| !v.is_null())
    }

    /// A string option.
    pub fn str(&self, name: &str) -> Option<String> {
        self.option(name).and_then(Value::as_str).map(str::to_string)
    }

    /// A number option the kind needs.
    pub fn f64(&self, name: &str) -> Result<f64, String> {
        self.option(name).and_then(Value::as_f64).ok_or_else(|| format!("the record's options have no `{name}`"))
    }

    /// A flag (false when not recorded).
    pub fn flag(&self, name: &str) -> bool {
        self.option(name).and_then(Value::as_bool).unwrap_or(false)
    }

    /// The language recorded (`lang`), or English: it shapes messages only, never an output.
    pub fn lang(&self) -> Lang {
        self.str("lang").and_then(|l| l.parse().ok()).unwrap_or(Lang::En)
    }

    /// The input flags (reference data) the run was given.
    pub fn input_flags(&self) -> InputFlags {
        InputFlags {
            mapping: self.path("mapping"),
            postcodes: self.path("postcodes"),
            esco: self.path("esco"),
            keep_unmapped_skills: self.flag("keep_unmapped_skills"),
        }
    }
}
