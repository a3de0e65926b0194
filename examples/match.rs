//! Batch matching: writes `matches.jsonl` (FORMAT.md) for every direction for
//! which input is given, with a progress bar and a closing summary.
//!
//! ```sh
//! cargo run --release --example match -- --seekers fixtures/cases/seekers.jsonl \
//!     --vacancies fixtures/cases/vacancies.jsonl --employers fixtures/cases/employers.jsonl \
//!     --top 10 --out /tmp/matches.jsonl
//! ```
//!
//! Inputs are FORMAT.md JSON Lines, or the feeds' formats by file extension:
//! `.csv` and `.json` are the municipal system's exports read through a column
//! mapping (`--mapping`, default: the Dutch export; postcodes need
//! `--postcodes`), `.jsonld` holds schema.org JobPostings (vacancies only).
//! `--esco DIR` resolves ESCO URIs and free-text titles.
//!
//! `--audit-log FILE` appends one run record (AUDIT.md section 1: inputs with
//! their hashes and counts, options, the scoring configuration and its hash,
//! the output's hash, times, threads; no personal data) after the output is
//! written; `cargo run --example audit -- verify|replay` checks it.
//! `--config FILE` sets the scoring configuration (TOML). `--overrides FILE`
//! applies staff decisions (AUDIT.md section 3): excluded pairs are left out
//! of every list, included ones are listed and marked `"included": true`.
//!
//! Exit code 0 on success; 1 on bad input: the rejected records are listed
//! (file:line, field, value, reason) and the accepted ones are still matched
//! and written, unless `--strict` stops at the first; 2 on a usage error.
//!
//! The summary and the messages are English by default: this is the batch
//! tool that application managers run and log; `--lang nl` gives Dutch.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/batch.rs"]
mod batch;
#[path = "common/checks.rs"]
mod checks;
#[path = "common/cli.rs"]
mod cli;
#[path = "common/progress.rs"]
mod progress;
#[path = "common/recorded.rs"]
mod recorded;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use rayon::prelude::*;
use werkmatch::audit::record::now_rfc3339;
use werkmatch::audit::AuditLog;
use werkmatch::rank::{Direction, RankOptions};
use werkmatch::score::{self, KnockOut, ScoringConfig};
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};
use werkmatch::{Jobseeker, Vacancy};

use batch::{rank_batch, record_body, setup, write_batch, Batch, BatchSpec, Setup};
use cli::InputFlags;

/// Match jobseekers with vacancies (and employers without a vacancy) and write matches.jsonl.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Args {
    /// Jobseekers: JSON Lines, or a .csv/.json export.
    #[arg(long)]
    seekers: PathBuf,
    /// Vacancies: JSON Lines, a .csv/.json export, or .jsonld JobPostings.
    #[arg(long)]
    vacancies: Option<PathBuf>,
    /// Employers without a vacancy: JSON Lines, or a .csv/.json export.
    #[arg(long)]
    employers: Option<PathBuf>,
    /// Matches per seeker / per vacancy (at least 1).
    #[arg(long, default_value_t = 10, value_parser = checks::positive)]
    top: usize,
    /// Sector (NACE letter) for JobPostings without `industry`: an explicit
    /// choice; without it such a posting has no sector (scored as unknown).
    #[arg(long)]
    default_sector: Option<char>,
    /// Drop matches scoring below this.
    #[arg(long, default_value_t = 0.0, value_parser = min_score)]
    min_score: f64,
    /// Add an explanation object to every match.
    #[arg(long)]
    explain: bool,
    /// Stop at the first bad record instead of listing them all and matching the rest.
    #[arg(long)]
    strict: bool,
    /// Where to write matches.jsonl.
    #[arg(long)]
    out: PathBuf,
    /// Scoring configuration (TOML, see `werkmatch_adapter::scoring_config`); default: SCORING.md v1.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Human overrides (JSON Lines, AUDIT.md section 3): exclude or include (seeker, vacancy/employer) pairs.
    #[arg(long)]
    overrides: Option<PathBuf>,
    /// The date the overrides' `valid_until` is checked against (YYYY-MM-DD); default: today (UTC).
    #[arg(long, requires = "overrides")]
    overrides_as_of: Option<String>,
    #[command(flatten)]
    audit: recorded::AuditFlags,
    /// Language of the summary and messages: en (English) or nl (Nederlands).
    #[arg(long, default_value_t = Lang::En)]
    lang: Lang,
    #[command(flatten)]
    input: InputFlags,
}

/// `--min-score`: a number in [0, 1], checked before any work (a usage error).
fn min_score(text: &str) -> Result<f64, String> {
    let x: f64 = text.parse().map_err(|_| format!("not a number: {text:?}"))?;
    RankOptions::top(1).with_min_score(x).map(|o| o.min_score()).map_err(|e| e.to_string())
}

/// Knock-out reasons over an evenly spaced sample of seekers against all vacancies (at most ~2M pairs).
fn knockout_sample(
    cfg: &ScoringConfig,
    seekers: &[Jobseeker],
    vacancies: &[Vacancy],
) -> (u64, [u64; KnockOut::ALL.len()]) {
    if vacancies.is_empty() || seekers.is_empty() {
        return (0, [0; KnockOut::ALL.len()]);
    }
    let want = (2_000_000 / vacancies.len()).clamp(1, seekers.len());
    let step = seekers.len().div_ceil(want);
    let sample: Vec<&Jobseeker> = seekers.iter().step_by(step).collect();
    let counts = sample
        .par_iter()
        .map(|s| {
            let mut c = [0u64; KnockOut::ALL.len()];
            for v in vacancies {
                for k in score::knockouts(cfg, s, v).iter() {
                    c[k as usize] += 1;
                }
            }
            c
        })
        .reduce(
            || [0; KnockOut::ALL.len()],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        );
    ((sample.len() * vacancies.len()) as u64, counts)
}

fn secs(d: Duration, lang: Lang) -> String {
    Label::CommonSeconds.text_with(lang, &[("seconds", &Decimal::new(d.as_secs_f64(), 2))])
}

fn spec(args: &Args) -> BatchSpec {
    BatchSpec {
        seekers: args.seekers.clone(),
        vacancies: args.vacancies.clone(),
        employers: args.employers.clone(),
        top: args.top,
        min_score: args.min_score,
        explain: args.explain,
        strict: args.strict,
        config: args.config.clone(),
        overrides: args.overrides.clone(),
        overrides_as_of: args.overrides_as_of.clone(),
        input: args.input.clone(),
        default_sector: args.default_sector,
        lang: args.lang,
    }
}

fn run(args: &Args, spec: &BatchSpec, setup: Setup, log: Option<&AuditLog>) -> Result<usize, String> {
    let lang = args.lang;
    let t0 = Instant::now();
    let started = now_rfc3339();
    let batch = rank_batch(spec, setup, true)?;
    let (t_read, t_rank) = (batch.t_read, batch.t_rank);

    let t2 = Instant::now();
    let out_file = Verbatim(args.out.display());
    let io_error =
        |label: Label, e: std::io::Error| label.text_with(lang, &[("file", &out_file), ("error", &Verbatim(e))]);
    let file = File::create(&args.out).map_err(|e| io_error(Label::MatchCannotCreate, e))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let lines = write_batch(&batch, args.explain, &mut out).map_err(|e| io_error(Label::MatchWriting, e))?;
    out.flush().map_err(|e| io_error(Label::MatchWriting, e))?;
    drop(out);
    let t_write = t2.elapsed();
    if let Some(log) = log {
        recorded::append(log, record_body(spec, &batch, &args.out, started, now_rfc3339())?)?;
    }
    let Batch { cfg, seekers, vacancies, runs, stats, rejected, .. } = batch;

    // The closing summary.
    eprintln!();
    eprintln!("{}", Label::MatchWrote.text_with(lang, &[("lines", &lines), ("file", &out_file)]));
    let time = Label::MatchTime.text_with(
        lang,
        &[
            ("read", &secs(t_read, lang)),
            ("rank", &secs(t_rank, lang)),
            ("write", &secs(t_write, lang)),
            ("total", &secs(t0.elapsed(), lang)),
        ],
    );
    eprintln!("{time}");
    let pairs = [("considered", &stats.pairs_considered as &dyn Message), ("scored", &stats.pairs_scored)];
    eprintln!("{}", Label::MatchPairs.text_with(lang, &pairs));
    for (direction, rankings) in &runs {
        let empty = rankings.iter().filter(|r| r.matches.is_empty()).count();
        let what = match direction {
            Direction::SeekerToVacancies => Label::MatchSeekersWithoutVacancy,
            Direction::VacancyToSeekers => Label::MatchVacanciesWithoutCandidate,
            Direction::SeekerToEmployers => Label::MatchSeekersWithoutHiddenJob,
            _ => Label::MatchSubjectsWithoutMatch,
        };
        let of = Label::CommonOf.text_with(lang, &[("n", &empty), ("total", &rankings.len())]);
        eprintln!("{}", what.text_with(lang, &[("n", &of)]));
    }
    let (pairs, counts) = knockout_sample(&cfg, &seekers, &vacancies);
    if pairs > 0 {
        let mut order: Vec<KnockOut> = KnockOut::ALL.to_vec();
        order.sort_by_key(|k| std::cmp::Reverse(counts[*k as usize]));
        let parts: Vec<String> = order
            .iter()
            .filter(|k| counts[**k as usize] > 0)
            .map(|k| {
                let share = Decimal::new(100.0 * counts[*k as usize] as f64 / pairs as f64, 1);
                format!("{} {}%", k.text(lang), share.text(lang))
            })
            .collect();
        let parts = if parts.is_empty() { Label::CommonNone.text(lang) } else { parts.join(", ") };
        eprintln!("{}", Label::MatchExclusions.text_with(lang, &[("pairs", &pairs), ("reasons", &parts)]));
    }
    Ok(rejected)
}

fn main() -> ExitCode {
    let args: Args = match cli::parse() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let lang = args.lang;
    if args.vacancies.is_none() && args.employers.is_none() {
        eprintln!("{}", cli::error_line(&Label::MatchGiveInput.text(lang), lang));
        return ExitCode::from(2);
    }
    // Usage errors before any work: nothing is loaded or written.
    let paths: Vec<&std::path::Path> = [Some(&args.seekers), args.vacancies.as_ref(), args.employers.as_ref()]
        .into_iter()
        .flatten()
        .map(|p| p.as_path())
        .collect();
    match args.default_sector.map(werkmatch::Nace::from_letter) {
        Some(Ok(_)) | None => {}
        Some(Err(_)) => {
            eprintln!("{}", cli::error_line("--default-sector must be a NACE letter A–U", lang));
            return ExitCode::from(2);
        }
    }
    if let Err(msg) = paths.iter().try_for_each(|p| checks::input(p)).and_then(|()| checks::output(&args.out, &paths)) {
        eprintln!("{}", cli::error_line(&msg, lang));
        return ExitCode::from(2);
    }
    let log = match args.audit.log() {
        Ok(log) => log,
        Err(msg) => {
            eprintln!("{}", cli::error_line(&msg, lang));
            return ExitCode::from(2);
        }
    };
    if let Some(day) = &args.overrides_as_of {
        if let Err(e) = werkmatch::overrides::Date::parse(day) {
            eprintln!("{}", cli::error_line(&format!("--overrides-as-of {day}: {}", e.reason()), lang));
            return ExitCode::from(2);
        }
    }
    let spec = spec(&args);
    let setup = match setup(&spec) {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("{}", cli::error_line(&msg, lang));
            return ExitCode::from(2);
        }
    };
    match run(&args, &spec, setup, log.as_ref()) {
        Ok(bad) => cli::finish(bad, lang),
        Err(msg) => {
            eprintln!("{}", cli::error_line(&msg, lang));
            ExitCode::from(1)
        }
    }
}
