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
//! `--audit-log FILE` appends one run record (AUDIT.md section 1, kind
//! `plan`: inputs with their hashes and counts, the overrides file, mode,
//! objective, L and θ, the output's hash; no personal data) after the plan is
//! written; `cargo run --example audit -- replay LOG --seq N` makes the plan
//! again through this file's code and compares.
//!
//! Inputs are FORMAT.md JSON Lines (or the feeds' formats by extension, as in
//! `match`). A plan over part of a cohort would give places to others than
//! the seekers left out, so every rejected record is listed (file:line,
//! field, value, reason) and no plan is made: exit code 1. Exit code 2 on a
//! usage error, before any work.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/cli.rs"]
mod cli;
#[path = "common/recorded.rs"]
mod recorded;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use indicatif::ProgressBar;
use serde_json::{json, Value};
use werkmatch::adapter::jsonl::JsonlWriter;
use werkmatch::adapter::overrides::KnownIds;
use werkmatch::adapter::OnError;
use werkmatch::audit::{AuditLog, Rerun, RunBody, RunKind};
use werkmatch::plan::{self, CandidateGraph, Limit, Mode, Objective, PlanReport};
use werkmatch::score::ScoringConfig;
use werkmatch::text::Lang;
use werkmatch::{Jobseeker, Vacancy};

use cli::{InputFlags, OverrideFlags};
use recorded::{AuditFlags, Ran, Recorded, Recorder};

#[derive(Clone, Copy, Debug, PartialEq, ValueEnum)]
enum ModeArg {
    /// The most placements (or the highest total score), exactly.
    Optimal,
    /// Seeker-proposing deferred acceptance: nobody would rather swap.
    Stable,
}

#[derive(Clone, Copy, Debug, PartialEq, ValueEnum)]
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
    #[command(flatten)]
    audit: AuditFlags,
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

/// A plan made, with what its run record needs.
struct Planned {
    report: PlanReport,
    /// The date the overrides were resolved on, when an overrides file was given.
    overrides_as_of: Option<String>,
    /// How many overrides took effect, when an overrides file was given.
    overrides_in_effect: Option<u64>,
}

/// Reads the inputs and makes the plan: the code that a run and its replay share.
fn make(args: &Args, rec: &mut Recorder) -> Result<Planned, String> {
    let lang = args.lang;
    rec.input("overrides", args.overrides.overrides.as_deref())?;
    rec.reference(&args.input)?;
    let inputs = args.input.inputs(OnError::Collect, lang)?;
    let mut rejected = 0;
    let seekers: Vec<Jobseeker> = rec.read("seekers", &args.seekers, |p| inputs.seekers(p), &mut rejected, lang)?;
    let vacancies: Vec<Vacancy> =
        rec.read("vacancies", &args.vacancies, |p| inputs.vacancies(p), &mut rejected, lang)?;
    if rejected > 0 {
        return Err(format!("{rejected} bad input record(s) (listed above); no plan is made over part of a cohort"));
    }

    // Overrides name the run's ids, so they are read after the records.
    let known = KnownIds {
        seekers: Some(seekers.iter().map(|s| s.id.as_str()).collect()),
        vacancies: Some(vacancies.iter().map(|v| v.id.as_str()).collect()),
        employers: None,
    };
    let (overrides, overrides_as_of) = args.overrides.load_as_of(&known)?;

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
    let overrides_in_effect = overrides_as_of.as_ref().map(|_| overrides.len() as u64);
    Ok(Planned { report: plan.report(&g, mode, objective), overrides_as_of, overrides_in_effect })
}

/// The `--out` lines: the seekers', then the vacancies'.
fn write_plan(report: &PlanReport, w: impl Write) -> std::io::Result<()> {
    let mut out = JsonlWriter::new(w);
    for line in &report.seekers {
        out.write(line)?;
    }
    for line in &report.vacancies {
        out.write(line)?;
    }
    out.into_inner().map(drop)
}

/// The record's options: with the inputs, enough to make the plan again.
fn options(args: &Args, planned: &Planned) -> Value {
    let name = |v: Option<clap::builder::PossibleValue>| v.map(|p| p.get_name().to_string());
    json!({
        "mode": name(args.mode.to_possible_value()),
        "objective": name(args.objective.to_possible_value()),
        "limit": args.limit,
        "min_score": args.min_score,
        "keep_unmapped_skills": args.input.keep_unmapped_skills,
        "overrides_as_of": planned.overrides_as_of,
        "lang": args.lang,
    })
}

fn run(args: &Args, log: Option<&AuditLog>) -> Result<(), String> {
    let mut rec = Recorder::new(log.is_some());
    let planned = make(args, &mut rec)?;
    write_plan(&planned.report, create(&args.out)?).map_err(write_err(&args.out))?;
    if let Some(path) = &args.summary {
        let mut w = create(path)?;
        serde_json::to_writer_pretty(&mut w, &planned.report.summary)
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
        writeln!(w).and_then(|_| w.flush()).map_err(write_err(path))?;
    }
    if let Some(log) = log {
        let ran = Ran {
            kind: RunKind::Plan,
            cfg: &ScoringConfig::default(),
            taxonomy: None,
            options: options(args, &planned),
            overrides_in_effect: planned.overrides_in_effect,
        };
        recorded::append(log, rec.finish(ran, &args.out)?)?;
    }
    print!("{}", plan::summary_text(&planned.report.summary, args.lang));
    Ok(())
}

/// Makes a recorded plan again (`audit replay`, which includes this file, so
/// that the replay runs the code that wrote the record).
#[allow(dead_code)] // the plan tool itself never replays
pub(crate) fn rerun(body: &RunBody) -> Result<Rerun, String> {
    let r = Recorded(body);
    let choice = |name: &str| r.str(name).ok_or_else(|| format!("the record's options have no `{name}`"));
    let limit = match r.option("limit") {
        Some(Value::String(s)) => parse_limit(s)?,
        Some(Value::Number(n)) => parse_limit(&n.to_string())?,
        _ => return Err("the record's options have no `limit`".to_string()),
    };
    let args = Args {
        seekers: r.required("seekers")?,
        vacancies: r.required("vacancies")?,
        mode: ModeArg::from_str(&choice("mode")?, false)?,
        objective: ObjectiveArg::from_str(&choice("objective")?, false)?,
        limit,
        min_score: r.f64("min_score")?,
        out: PathBuf::from(&body.output.path),
        summary: None,
        lang: r.lang(),
        overrides: OverrideFlags { overrides: r.path("overrides"), overrides_as_of: r.str("overrides_as_of") },
        input: r.input_flags(),
        audit: AuditFlags { audit_log: None, audit_retention_days: werkmatch::audit::MIN_RETENTION_DAYS },
    };
    let planned = make(&args, &mut Recorder::new(false))?;
    let mut output = Vec::new();
    write_plan(&planned.report, &mut output).map_err(|e| format!("replaying: {e}"))?;
    Ok(Rerun { scoring_hash: recorded::scoring_hash(&ScoringConfig::default())?, output })
}

fn main() -> ExitCode {
    cli::main(
        |_: &Args| Lang::En,
        |args| {
            // Usage errors before any work.
            let log = match args.audit.log() {
                Ok(log) => log,
                Err(msg) => {
                    eprintln!("{}", cli::error_line(&msg, Lang::En));
                    return Ok(ExitCode::from(2));
                }
            };
            run(args, log.as_ref()).map(|()| ExitCode::SUCCESS)
        },
    )
}
