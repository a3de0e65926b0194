//! Starting the service: the token and address rules, loading the data
//! files or the data directory's snapshot, replaying the write log.

use std::io::Read;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use werkmatch_adapter::jsonl::{
    read_employers, read_employers_file, read_seekers, read_seekers_file, read_vacancies, read_vacancies_file,
};
use werkmatch_adapter::ReadOptions;
use werkmatch_core::rank::{Executor, LiveIndex};
use werkmatch_core::score::ScoringConfig;

use crate::store::Store;

/// Where the data comes from.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Seekers (JSON Lines).
    pub seekers: Option<PathBuf>,
    /// Vacancies (JSON Lines).
    pub vacancies: Option<PathBuf>,
    /// Employers without a vacancy (JSON Lines).
    pub employers: Option<PathBuf>,
    /// The built-in fixtures (`fixtures/cases`) instead of files.
    pub demo: bool,
    /// The data directory (write log and snapshot); without one, writes are refused.
    pub data_dir: Option<PathBuf>,
}

/// What was loaded, for the start-up log (counts only, no personal data).
#[derive(Debug, Default)]
pub struct Loaded {
    /// Lines for the log.
    pub notes: Vec<String>,
}

const DEMO_SEEKERS: &str = include_str!("../../../fixtures/cases/seekers.jsonl");
const DEMO_VACANCIES: &str = include_str!("../../../fixtures/cases/vacancies.jsonl");
const DEMO_EMPLOYERS: &str = include_str!("../../../fixtures/cases/employers.jsonl");

/// The token: `WERKMATCH_TOKEN` (given as `env`) or the first line of `file`.
pub fn token(env: Option<String>, file: Option<&Path>) -> Result<Option<String>, String> {
    let t = match (env, file) {
        (_, Some(path)) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("--token-file {}: {e}", path.display()))?;
            Some(text.lines().next().unwrap_or("").trim().to_string())
        }
        (Some(t), None) => Some(t.trim().to_string()),
        (None, None) => None,
    };
    match t {
        Some(t) if t.len() < 16 => Err("the token must be at least 16 characters".to_string()),
        t => Ok(t),
    }
}

/// Refuses a non-loopback address without a token.
pub fn check_bind(addr: SocketAddr, token: Option<&str>) -> Result<(), String> {
    if !addr.ip().is_loopback() && token.is_none() {
        return Err(format!(
            "refusing to listen on {addr} (not loopback) without a token: set WERKMATCH_TOKEN or --token-file"
        ));
    }
    Ok(())
}

/// A fresh random token (32 hex digits from the OS) for a loopback service
/// started without one.
pub fn random_token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("no token given and none could be made (/dev/urandom: {e})"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Loads the population (the snapshot in the data directory if there is
/// one, else the files or the fixtures), replays the log, opens it for writing.
pub fn load(src: &Sources, cfg: ScoringConfig) -> Result<(LiveIndex, Option<Store>, Loaded), String> {
    let mut loaded = Loaded::default();
    let (store, recovered) = match &src.data_dir {
        Some(dir) => {
            let (store, rec) = Store::open(dir)?;
            (Some(store), rec)
        }
        None => (None, Default::default()),
    };
    if let Some((line, bytes)) = recovered.torn {
        loaded
            .notes
            .push(format!("write log: torn last line {line} ({bytes} bytes, never acknowledged) cut off, not applied"));
    }
    let exec = Executor::Global;
    let live = match recovered.snapshot {
        Some(pop) => {
            loaded.notes.push(format!(
                "snapshot at version {}: {} seekers, {} vacancies, {} employers (the data files are not read)",
                pop.version,
                pop.seekers.len(),
                pop.vacancies.len(),
                pop.employers.len()
            ));
            LiveIndex::build_at(cfg, pop.seekers, pop.vacancies, pop.employers, pop.version, exec)
        }
        None => {
            let opts = ReadOptions::new();
            let err = |e: werkmatch_adapter::Error| e.to_string();
            let (seekers, vacancies, employers) = if src.demo {
                (
                    read_seekers(DEMO_SEEKERS.as_bytes(), Some(Path::new("fixtures/cases/seekers.jsonl")), &opts)
                        .map_err(err)?,
                    read_vacancies(DEMO_VACANCIES.as_bytes(), Some(Path::new("fixtures/cases/vacancies.jsonl")), &opts)
                        .map_err(err)?,
                    read_employers(DEMO_EMPLOYERS.as_bytes(), Some(Path::new("fixtures/cases/employers.jsonl")), &opts)
                        .map_err(err)?,
                )
            } else {
                let (Some(s), Some(v)) = (&src.seekers, &src.vacancies) else {
                    return Err("--seekers and --vacancies are required (or --demo)".to_string());
                };
                let e = match &src.employers {
                    Some(e) => read_employers_file(e, &opts).map_err(err)?,
                    None => Default::default(),
                };
                (read_seekers_file(s, &opts).map_err(err)?, read_vacancies_file(v, &opts).map_err(err)?, e)
            };
            loaded.notes.push(format!(
                "data files: {} seekers, {} vacancies, {} employers",
                seekers.accepted.len(),
                vacancies.accepted.len(),
                employers.accepted.len()
            ));
            LiveIndex::build(cfg, seekers.accepted, vacancies.accepted, employers.accepted, exec)
        }
    }
    .map_err(|e| format!("building the indexes: {e}"))?;
    let n = recovered.batches.len();
    for (version, changes) in recovered.batches {
        let got = live.apply(changes).map_err(|e| format!("write log, batch of version {version}: {e}"))?;
        if got != version {
            return Err(format!("write log: batch of version {version} applied as {got}"));
        }
    }
    if n > 0 || recovered.skipped > 0 {
        loaded.notes.push(format!(
            "write log: {n} batches replayed ({} already in the snapshot), now at version {}",
            recovered.skipped,
            live.version()
        ));
    }
    Ok((live, store, loaded))
}
