//! The placement plan (PLAN.md): one consistent assignment of a cohort of
//! seekers to vacancies with a limited number of positions.
//!
//! ```sh
//! cargo run --release --example plan -- --seekers fixtures/plan/seekers.jsonl \
//!     --vacancies fixtures/plan/vacancies.jsonl --out /tmp/plan.jsonl --summary /tmp/plan_summary.json
//! ```
//!
//! `--out` gets JSON Lines: first one line per seeker in id order,
//! `{"seeker", "vacancy", "score", "rank", "reason", "contested"}`, then one
//! line per vacancy in id order, `{"vacancy", "seekers", "open"}`.
//! `--summary` gets the summary as one JSON object; the summary is printed in
//! words on stdout too (Dutch unless `--lang en`).
//!
//! `--overrides FILE` (AUDIT.md section 3): a pair excluded by a person is
//! never planned; `--overrides-as-of DAY` sets the date `valid_until` is
//! checked against (default today, UTC).
//!
//! Inputs are FORMAT.md JSON Lines (or the feeds' formats by extension, as in
//! `match`). A plan over part of a cohort would give places to others than
//! the seekers left out, so every rejected record is listed (file:line,
//! field, value, reason) and no plan is made: exit code 1. Exit code 2 on a
//! usage error, before any work.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/cli.rs"]
mod cli;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use indicatif::ProgressBar;
use werkmatch::adapter::jsonl::JsonlWriter;
use werkmatch::adapter::overrides::KnownIds;
use werkmatch::adapter::OnError;
use werkmatch::plan::{self, CandidateGraph, Limit, Mode, Objective};
use werkmatch::score::ScoringConfig;
use werkmatch::text::Lang;
use werkmatch::{Jobseeker, Vacancy};

use cli::{accept, InputFlags, OverrideFlags};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ModeArg {
    /// The most placements (or the highest total score), exactly.
    Optimal,
    /// Seeker-proposing deferred acceptance: nobody would rather swap.
    Stable,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ObjectiveArg {
    /// The most placements, then the highest total weight.
    Placements,
    /// The highest total weight only.
    Score,
}

/// Make a placement plan: each seeker at most one vacancy, each vacancy at most its positions.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Args {
    /// Jobseekers: JSON Lines, or a .csv/.json export.
    #[arg(long)]
    seekers: PathBuf,
    /// Vacancies: JSON Lines, a .csv/.json export, or .jsonld JobPostings.
    #[arg(long)]
    vacancies: PathBuf,
    /// Which plan.
    #[arg(long, value_enum, default_value_t = ModeArg::Optimal)]
    mode: ModeArg,
    /// What the optimal plan maximises.
    #[arg(long, value_enum, default_value_t = ObjectiveArg::Placements)]
    objective: ObjectiveArg,
    /// Candidates per seeker and per vacancy (L): a number, or `all`.
    #[arg(long, default_value = "50", value_parser = parse_limit)]
    limit: Limit,
    /// The least score of a candidate pair (θ), 0 to 1.
    #[arg(long, default_value_t = 0.5, value_parser = parse_min_score)]
    min_score: f64,
    /// Where to write the plan (JSON Lines).
    #[arg(long)]
    out: PathBuf,
    /// Where to write the summary (one JSON object).
    #[arg(long)]
    summary: Option<PathBuf>,
    /// Language of the printed summary and of the messages: nl or en.
    #[arg(long, default_value_t = Lang::Nl)]
    lang: Lang,
    #[command(flatten)]
    overrides: OverrideFlags,
    #[command(flatten)]
    input: InputFlags,
}

fn parse_limit(s: &str) -> Result<Limit, String> {
    match s {
        "all" => Ok(Limit::All),
        n => match n.parse::<usize>() {
            Ok(0) => Err("the limit must be at least 1 (or `all`)".to_string()),
            Ok(l) => Ok(Limit::Top(l)),
            Err(_) => Err(format!("expected a number or `all`, got `{n}`")),
        },
    }
}

fn parse_min_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("expected a number from 0 to 1, got `{s}`")),
    }
}

/// A spinner on a terminal (indicatif draws nothing in a pipe).
fn stage(msg: &'static str) -> ProgressBar {
    let pb = ProgressBar::new_spinner();
    pb.set_message(msg);
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

fn create(path: &Path) -> Result<BufWriter<File>, String> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|e| format!("cannot create {}: {e}", path.display()))
}

fn write_err(p: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("writing {}: {e}", p.display())
}

fn run(args: &Args) -> Result<(), String> {
    let lang = args.lang;
    let inputs = args.input.inputs(OnError::Collect, lang)?;
    let mut rejected = 0;
    let seekers: Vec<Jobseeker> = accept(&args.seekers, inputs.seekers(&args.seekers), &mut rejected, lang)?;
    let vacancies: Vec<Vacancy> = accept(&args.vacancies, inputs.vacancies(&args.vacancies), &mut rejected, lang)?;
    if rejected > 0 {
        return Err(format!("{rejected} bad input record(s) (listed above); no plan is made over part of a cohort"));
    }

    // Overrides name the run's ids, so they are read after the records.
    let known = KnownIds {
        seekers: Some(seekers.iter().map(|s| s.id.as_str()).collect()),
        vacancies: Some(vacancies.iter().map(|v| v.id.as_str()).collect()),
        employers: None,
    };
    let overrides = args.overrides.load(&known)?;

    let pb = stage("candidate graph");
    let g = CandidateGraph::builder()
        .config(ScoringConfig::default())
        .exclusions(&overrides)
        .limit(args.limit)
        .min_score(args.min_score)
        .build(&seekers, &vacancies)
        .map_err(|e| format!("bad input: {e}"))?;
    pb.finish_and_clear();
    let objective = match args.objective {
        ObjectiveArg::Placements => Objective::Placements,
        ObjectiveArg::Score => Objective::Score,
    };
    let (mode, plan) = match args.mode {
        ModeArg::Optimal => {
            let pb = stage("optimal plan");
            let (p, cert) = plan::optimal(&g, objective);
            pb.finish_and_clear();
            // The solver's own proof; a failure would be a bug, never the input's fault.
            if let Err(e) = plan::certify(&g, &p, &cert) {
                return Err(format!("internal error: the optimal plan failed its certificate: {e}"));
            }
            (Mode::Optimal, p)
        }
        ModeArg::Stable => (Mode::Stable, plan::stable(&g)),
    };
    let report = plan.report(&g, mode, objective);

    let mut out = JsonlWriter::new(create(&args.out)?);
    for line in &report.seekers {
        out.write(line).map_err(write_err(&args.out))?;
    }
    for line in &report.vacancies {
        out.write(line).map_err(write_err(&args.out))?;
    }
    out.into_inner().map_err(write_err(&args.out))?;
    if let Some(path) = &args.summary {
        let mut w = create(path)?;
        serde_json::to_writer_pretty(&mut w, &report.summary)
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
        writeln!(w).and_then(|_| w.flush()).map_err(write_err(path))?;
    }
    print!("{}", plan::summary_text(&report.summary, args.lang));
    Ok(())
}

fn main() -> ExitCode {
    cli::main(|_: &Args| Lang::En, |args| run(args).map(|()| ExitCode::SUCCESS))
}
