//! Checks an audit log (AUDIT.md section 1): the record chain, and a replay
//! of one recorded run.
//!
//! ```sh
//! cargo run --release --example audit -- verify /tmp/audit.jsonl
//! cargo run --release --example audit -- verify /tmp/audit.jsonl --head sha256:…
//! cargo run --release --example audit -- replay /tmp/audit.jsonl --seq 3
//! ```
//!
//! `verify` checks every record from the first on and reports the first bad
//! `seq` (changed, removed, inserted or reordered records); on success it
//! prints the number of records and the head hash, which a deployer keeps
//! elsewhere and passes back with `--head` to catch records cut off the end.
//! `replay` re-runs a recorded `match`, `plan` or `scan` run with its options
//! and prints `identical`, or the input whose hash differs, or the first
//! differing output line. Exit code 0 when everything holds, 1 when not, 2 on
//! a usage error.
//!
//! A replay must run the code that wrote the record, so this tool includes
//! the batch runner of `match` (`common/batch.rs`) and the `plan` and `scan`
//! tools' own files as modules; each gives a `rerun` for its kind, and
//! `werkmatch::audit::replay::replay` is the one procedure around them.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/batch.rs"]
mod batch;
#[path = "common/checks.rs"]
mod checks;
#[path = "common/cli.rs"]
mod cli;
#[path = "common/progress.rs"]
mod progress;
// The tools' files, for their `rerun`; their `main` is not used here. Each
// brings its own copy of `cli.rs` and `recorded.rs` (a tool is one file to
// run), hence the allowed duplicates.
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "plan.rs"]
mod plan_tool;
#[path = "common/recorded.rs"]
mod recorded;
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "scan.rs"]
mod scan_tool;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use werkmatch::audit::replay;
use werkmatch::audit::{verify_chain, Engine, RunKind};
use werkmatch::text::Lang;

/// Verify an audit log's record chain, or replay a recorded run.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check the chain (seq, prev, hash) from the first record on.
    Verify {
        /// The audit log (JSON Lines).
        log: PathBuf,
        /// The head hash kept elsewhere: the log's last record must have it.
        #[arg(long)]
        head: Option<String>,
    },
    /// Re-run a recorded run and compare inputs and output.
    Replay {
        /// The audit log (JSON Lines).
        log: PathBuf,
        /// The record to replay.
        #[arg(long)]
        seq: u64,
    },
}

fn read(log: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(log).map_err(|e| format!("{}: {e}", log.display()))
}

fn verify(log: &PathBuf, head: Option<&str>) -> Result<bool, String> {
    let text = read(log)?;
    match verify_chain(&text) {
        Ok(v) => {
            let got = v.head.as_deref().unwrap_or("none");
            if let Some(want) = head {
                if want != got {
                    println!(
                        "{}: {} records, but the head is {got}, not {want}: records were cut off or rewritten",
                        log.display(),
                        v.records
                    );
                    return Ok(false);
                }
            }
            println!("{}: {} records, chain intact; head {got}", log.display(), v.records);
            Ok(true)
        }
        Err(b) => {
            println!("{}: {b}", log.display());
            Ok(false)
        }
    }
}

fn replay(log: &PathBuf, seq: u64) -> Result<bool, String> {
    let text = read(log)?;
    if let Err(b) = verify_chain(&text) {
        println!("{}: the chain is broken, so no record can be trusted: {b}", log.display());
        return Ok(false);
    }
    let record = replay::find(&text, seq)?;
    let body = &record.body;
    let rerun = match body.kind {
        RunKind::Match => batch::rerun,
        RunKind::Plan => plan_tool::rerun,
        RunKind::Scan => scan_tool::rerun,
        other => {
            println!("record seq {seq} is a `{}` run; this tool replays `match`, `plan` and `scan` runs", other.name());
            return Ok(false);
        }
    };
    if body.engine != Engine::this() {
        eprintln!(
            "note: recorded with {} {}, replaying with {} {}",
            body.engine.name,
            body.engine.version,
            Engine::this().name,
            Engine::this().version
        );
    }
    let result = replay::replay(body, rerun)?;
    println!("{result}");
    Ok(result.is_identical())
}

fn main() -> ExitCode {
    cli::main(
        |_: &Args| Lang::En,
        |args| {
            let holds = match &args.command {
                Command::Verify { log, head } => verify(log, head.as_deref())?,
                Command::Replay { log, seq } => replay(log, *seq)?,
            };
            Ok(if holds { ExitCode::SUCCESS } else { ExitCode::from(1) })
        },
    )
}
