//! Durability: the write log and the snapshot in the data directory.
//!
//! - `log.jsonl`: one line per acknowledged batch,
//!   `{"version":N,"changes":[change, ...]}` (changes as in
//!   [`records`](crate::records)). A batch is appended and `fsync`ed before
//!   it is applied and answered, so an acknowledged batch is never lost;
//!   the batches of one group commit share one sync ([`Store::append_all`]).
//! - `snapshot.jsonl`: the whole population at one version, first line
//!   `{"version":N}`, then one upsert change per record. Written to a
//!   temporary file and synced (while writes go on), renamed over the old
//!   one, the directory synced; only then is the log cut to the batches after
//!   the snapshot (rewritten to a temporary file, synced, renamed). A crash
//!   between the two leaves log lines at or below the snapshot's version,
//!   which the replay skips.
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
        self.append_all(&[(version, changes)]).map(drop)
    }

    /// Appends batches (versions ascending) with one sync for all of them:
    /// the group commit. Returns each batch's line as written (for its
    /// audit record). On failure, as [`append`](Self::append): none of them
    /// is in the log.
    pub fn append_all(&mut self, batches: &[(u64, &[Change])]) -> std::io::Result<Vec<Vec<u8>>> {
        if self.broken {
            return Err(std::io::Error::other("the write log failed earlier; restart the service"));
        }
        let mut lines = Vec::with_capacity(batches.len());
        for &(version, changes) in batches {
            let changes: Vec<Value> = changes.iter().map(change_json).collect();
            let mut line = serde_json::to_vec(&serde_json::json!({"version": version, "changes": changes}))?;
            line.push(b'\n');
            lines.push(line);
        }
        let all = lines.concat();
        let written = self.log.write_all(&all).and_then(|()| self.log.sync_data());
        match written {
            Ok(()) => {
                self.len += all.len() as u64;
                Ok(lines)
            }
            Err(e) => {
                if self.log.set_len(self.len).and_then(|()| self.log.sync_all()).is_err() {
                    self.broken = true;
                }
                Err(e)
            }
        }
    }

    /// The log's length in bytes (whole batches only).
    pub fn log_len(&self) -> u64 {
        self.len
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `snap` as the snapshot and empties the log (nothing may be
    /// appended meanwhile: `snap` must be the last logged version).
    pub fn write_snapshot(&mut self, snap: &Snapshot) -> std::io::Result<()> {
        let tmp = write_snapshot_file(&self.dir, snap)?;
        let len = self.len;
        self.install_snapshot(&tmp, len)
    }

    /// Puts the snapshot file `tmp` (see [`write_snapshot_file`]) in place
    /// and cuts the log's first `logged` bytes (every batch the snapshot
    /// holds; batches appended since stay). Each step is atomic (a rename
    /// after a sync): a crash leaves the old snapshot and log, or the new
    /// snapshot with log lines it already holds (skipped on start), or both new.
    pub fn install_snapshot(&mut self, tmp: &Path, logged: u64) -> std::io::Result<()> {
        std::fs::rename(tmp, self.dir.join(SNAPSHOT_FILE))?;
        File::open(&self.dir)?.sync_all()?;
        let path = self.dir.join(LOG_FILE);
        let tail = {
            let mut all = Vec::new();
            File::open(&path)?.read_to_end(&mut all)?;
            let to = usize::try_from(self.len).unwrap_or(usize::MAX).min(all.len());
            let from = usize::try_from(logged).unwrap_or(usize::MAX).min(to);
            all[from..to].to_vec()
        };
        let tmp_log = self.dir.join(format!("{LOG_FILE}.tmp"));
        {
            let mut f = File::create(&tmp_log)?;
            f.write_all(&tail)?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp_log, &path)?;
        File::open(&self.dir)?.sync_all()?;
        self.log = OpenOptions::new().read(true).append(true).open(&path)?;
        self.len = tail.len() as u64;
        Ok(())
    }
}

/// Writes `snap` to a temporary file in `dir`, synced; its path. Needs no
/// lock: a snapshot never changes, so writes go on meanwhile.
pub fn write_snapshot_file(dir: &Path, snap: &Snapshot) -> std::io::Result<PathBuf> {
    let tmp = dir.join(format!("{SNAPSHOT_FILE}.tmp"));
    let mut out = std::io::BufWriter::with_capacity(1 << 16, File::create(&tmp)?);
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
    Ok(tmp)
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
