//! Durability: the write log and the snapshot in the data directory.
//!
//! - `log.jsonl`: one line per acknowledged batch,
//!   `{"version":N,"changes":[change, ...]}` (changes as in
//!   [`records`](crate::records)). A batch is appended and `fsync`ed before
//!   it is applied and answered, so an acknowledged batch is never lost.
//! - `snapshot.jsonl`: the whole population at one version, first line
//!   `{"version":N}`, then one upsert change per record. Written to a
//!   temporary file, synced, renamed over the old one, the directory synced;
//!   only then is the log truncated. A crash between the two leaves log lines
//!   at or below the snapshot's version, which the replay skips.
//!
//! On start the snapshot (if any, else the data files at version 0) is
//! loaded and the log replayed. A last line without its newline is a torn
//! write (the batch was never acknowledged): it is reported, cut off and not
//! applied. Any other bad line, or a gap in the versions, is corruption: the
//! service refuses to start and names the line.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use werkmatch_core::rank::{Change, Snapshot};
use werkmatch_core::{Employer, Jobseeker, Vacancy};

use crate::records::{change_json, parse_change};

/// The log file's name in the data directory.
pub const LOG_FILE: &str = "log.jsonl";
/// The snapshot file's name in the data directory.
pub const SNAPSHOT_FILE: &str = "snapshot.jsonl";

/// The open write log.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    log: File,
    /// The log's length after the last whole batch.
    len: u64,
    /// Set when a failed append could not be undone: no more writes.
    broken: bool,
}

/// What the data directory held at start.
#[derive(Debug, Default)]
pub struct Recovered {
    /// The snapshot: its version and population.
    pub snapshot: Option<Population>,
    /// The log's batches after the snapshot, in order, with their versions.
    pub batches: Vec<(u64, Vec<Change>)>,
    /// A torn last line that was cut off: its 1-based line number and length in bytes.
    pub torn: Option<(u64, usize)>,
    /// Log lines skipped because the snapshot already holds them.
    pub skipped: u64,
}

/// A population at a version.
#[derive(Debug, Default)]
pub struct Population {
    /// Its version.
    pub version: u64,
    /// The seekers.
    pub seekers: Vec<Jobseeker>,
    /// The vacancies.
    pub vacancies: Vec<Vacancy>,
    /// The employers.
    pub employers: Vec<Employer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LogLine {
    version: u64,
    changes: Vec<Box<serde_json::value::RawValue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotHeader {
    version: u64,
}

fn bad(file: &Path, line: u64, reason: impl std::fmt::Display) -> String {
    format!("{}:{line}: {reason}", file.display())
}

impl Store {
    /// Opens (creating) the data directory, reads the snapshot and the log,
    /// cuts off a torn last line. `Err` names the file and line of corruption.
    pub fn open(dir: &Path) -> Result<(Store, Recovered), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut rec = Recovered { snapshot: read_snapshot(&dir.join(SNAPSHOT_FILE))?, ..Recovered::default() };
        let path = dir.join(LOG_FILE);
        let mut log = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let mut text = Vec::new();
        log.read_to_end(&mut text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut version = rec.snapshot.as_ref().map_or(0, |s| s.version);
        let mut good = 0usize;
        let mut line_no = 0u64;
        let mut rest = &text[..];
        while !rest.is_empty() {
            line_no += 1;
            let Some(end) = rest.iter().position(|&b| b == b'\n') else {
                rec.torn = Some((line_no, rest.len()));
                break;
            };
            let line = std::str::from_utf8(&rest[..end]).map_err(|_| bad(&path, line_no, "not UTF-8"))?;
            let parsed: LogLine = serde_json::from_str(line).map_err(|e| bad(&path, line_no, e))?;
            if parsed.version <= version && rec.batches.is_empty() {
                rec.skipped += 1;
            } else if parsed.version == version + 1 {
                let changes = parsed
                    .changes
                    .iter()
                    .map(|c| parse_change(c.get()))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| bad(&path, line_no, e))?;
                rec.batches.push((parsed.version, changes));
                version = parsed.version;
            } else {
                return Err(bad(&path, line_no, format!("version {} after {version}", parsed.version)));
            }
            good += end + 1;
            rest = &rest[end + 1..];
        }
        if rec.torn.is_some() {
            log.set_len(good as u64).map_err(|e| format!("{}: {e}", path.display()))?;
            log.sync_all().map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok((Store { dir: dir.to_path_buf(), log, len: good as u64, broken: false }, rec))
    }

    /// Appends a batch and syncs it to disk; on failure the log is cut back
    /// to its last whole batch (or, if that fails too, refuses all further
    /// writes), so a failed append never leaves half a line before the next.
    pub fn append(&mut self, version: u64, changes: &[Change]) -> std::io::Result<()> {
        if self.broken {
            return Err(std::io::Error::other("the write log failed earlier; restart the service"));
        }
        let changes: Vec<Value> = changes.iter().map(change_json).collect();
        let mut line = serde_json::to_vec(&serde_json::json!({"version": version, "changes": changes}))?;
        line.push(b'\n');
        let written = self.log.write_all(&line).and_then(|()| self.log.sync_data());
        match written {
            Ok(()) => {
                self.len += line.len() as u64;
                Ok(())
            }
            Err(e) => {
                if self.log.set_len(self.len).and_then(|()| self.log.sync_all()).is_err() {
                    self.broken = true;
                }
                Err(e)
            }
        }
    }

    /// Writes `snap` as the snapshot and empties the log.
    pub fn write_snapshot(&mut self, snap: &Snapshot) -> std::io::Result<()> {
        let tmp = self.dir.join(format!("{SNAPSHOT_FILE}.tmp"));
        {
            let mut out = std::io::BufWriter::new(File::create(&tmp)?);
            serde_json::to_writer(&mut out, &serde_json::json!({"version": snap.version()}))?;
            out.write_all(b"\n")?;
            let mut put = |c: Change| -> std::io::Result<()> {
                serde_json::to_writer(&mut out, &change_json(&c))?;
                out.write_all(b"\n")
            };
            for s in snap.seekers() {
                put(Change::UpsertSeeker(s.clone()))?;
            }
            for v in snap.vacancies() {
                put(Change::UpsertVacancy(v.clone()))?;
            }
            for e in snap.employers() {
                put(Change::UpsertEmployer(e.clone()))?;
            }
            out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        }
        std::fs::rename(&tmp, self.dir.join(SNAPSHOT_FILE))?;
        File::open(&self.dir)?.sync_all()?;
        self.log.set_len(0)?;
        self.log.sync_all()?;
        self.len = 0;
        Ok(())
    }
}

fn read_snapshot(path: &Path) -> Result<Option<Population>, String> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut pop = Population::default();
    for (i, line) in BufReader::with_capacity(1 << 16, file).lines().enumerate() {
        let n = i as u64 + 1;
        let line = line.map_err(|e| bad(path, n, e))?;
        if n == 1 {
            let h: SnapshotHeader = serde_json::from_str(&line).map_err(|e| bad(path, n, e))?;
            pop.version = h.version;
            continue;
        }
        match parse_change(&line).map_err(|e| bad(path, n, e))? {
            Change::UpsertSeeker(s) => pop.seekers.push(s),
            Change::UpsertVacancy(v) => pop.vacancies.push(v),
            Change::UpsertEmployer(e) => pop.employers.push(e),
            _ => return Err(bad(path, n, "a snapshot holds upserts only")),
        }
    }
    Ok(Some(pop))
}
