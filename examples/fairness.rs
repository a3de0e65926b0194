//! The fairness report (AUDIT.md section 4) of a run's results, per group of
//! each audit attribute.
//!
//! ```sh
//! cargo run --release --example generate -- --seekers 2000 --vacancies 3000 --employers 0 --seed 1 \
//!     --out /tmp/pop --audit /tmp/pop/audit.jsonl
//! cargo run --release --example match -- --seekers /tmp/pop/seekers.jsonl \
//!     --vacancies /tmp/pop/vacancies.jsonl --out /tmp/pop/matches.jsonl
//! cargo run --release --example fairness -- --matches /tmp/pop/matches.jsonl \
//!     --attributes /tmp/pop/audit.jsonl --seekers /tmp/pop/seekers.jsonl \
//!     --json /tmp/pop/fairness.json --html /tmp/pop/fairness.html
//! ```
//!
//! `--seekers FILE` (optional) adds the proxy table (group means of the scored
//! features); `--plan FILE` adds placement rates. The table goes to stdout
//! and `--html` writes a self-contained page, both in the `--lang` language
//! (Dutch by default); `--json` writes the report as one object. The
//! attributes are read by this report
//! only; nothing of them reaches scoring. Exit code 0 on success (also when
//! groups are flagged: the report says so), 1 on bad input, 2 on a usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/cli.rs"]
mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use werkmatch::adapter::input::Inputs;
use werkmatch::audit::fairness::{
    fairness_report, proxy_table, read_matches, read_plan, render_html, render_text, AuditAttributes, FairnessReport,
    DEFAULT_MIN_GROUP,
};
use werkmatch::text::Lang;

/// Fairness report: match rate, exposure and placement rate per group, with impact ratios.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Args {
    /// The run's matches.jsonl.
    #[arg(long)]
    matches: PathBuf,
    /// Audit attributes: JSON Lines, {"seeker": id, attribute: value, ...}.
    #[arg(long)]
    attributes: PathBuf,
    /// The placement plan (JSON Lines), for placement rates.
    #[arg(long)]
    plan: Option<PathBuf>,
    /// The seekers (as given to the run), for the proxy table.
    #[arg(long)]
    seekers: Option<PathBuf>,
    /// Write the report as one JSON object to FILE.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Write a self-contained HTML report to FILE.
    #[arg(long)]
    html: Option<PathBuf>,
    /// Language of the report (the HTML page and the printed table): nl (default) or en.
    #[arg(long, default_value_t = Lang::Nl)]
    lang: Lang,
    /// Groups smaller than this get "insufficient n" instead of ratios.
    #[arg(long, default_value_t = DEFAULT_MIN_GROUP, value_parser = clap::value_parser!(u64).range(1..))]
    min_group: u64,
}

fn run(args: &Args) -> Result<FairnessReport, String> {
    let results = read_matches(&args.matches).map_err(|e| e.to_string())?;
    let attributes = AuditAttributes::read_file(&args.attributes).map_err(|e| e.to_string())?;
    let plan = match &args.plan {
        Some(p) => Some(read_plan(p).map_err(|e| e.to_string())?),
        None => None,
    };
    let proxies = match &args.seekers {
        Some(p) => {
            let loaded = Inputs::default().seekers(p).map_err(|e| e.to_string())?;
            Some(proxy_table(&results, &attributes, &loaded.accepted, args.min_group))
        }
        None => None,
    };
    Ok(fairness_report(&results, &attributes, plan.as_ref(), args.min_group, proxies))
}

fn main() -> ExitCode {
    cli::main(
        |_: &Args| Lang::En,
        |args| {
            let report = run(args)?;
            let write = |p: &std::path::Path, text: String| {
                std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
            };
            if let Some(p) = &args.json {
                write(
                    p,
                    serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
                        + "
",
                )?;
            }
            if let Some(p) = &args.html {
                write(p, render_html(&report, args.lang))?;
            }
            print!("{}", render_text(&report, args.lang));
            Ok(ExitCode::SUCCESS)
        },
    )
}
