//! Batch matching of JSON Lines files: writes `matches.jsonl` (FORMAT.md).
//!
//! ```sh
//! cargo run --release --example match -- --seekers fixtures/cases/seekers.jsonl \
//!     --vacancies fixtures/cases/vacancies.jsonl --employers fixtures/cases/employers.jsonl \
//!     --top 10 --out /tmp/matches.jsonl
//! ```
//!
//! Writes every direction for which input is given: seeker → vacancies and
//! vacancy → seekers when both files are given, seeker → employers when an
//! employers file is given. Exit code 0 on success, 1 on bad input (with the
//! rejected records listed), 2 on a usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use werkmatch::adapter::jsonl::{self, ReadOptions};
use werkmatch::adapter::{Loaded, OnError};
use werkmatch::rank::{Direction, RankOptions, Ranking};
use werkmatch::score::{self, ScoringConfig};
use werkmatch::{Employer, Jobseeker, Vacancy};

/// Match jobseekers with vacancies (and employers without a vacancy) and write matches.jsonl.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Args {
    /// Jobseekers, FORMAT.md JSON Lines.
    #[arg(long)]
    seekers: PathBuf,
    /// Vacancies, FORMAT.md JSON Lines.
    #[arg(long)]
    vacancies: Option<PathBuf>,
    /// Employers without a vacancy, FORMAT.md JSON Lines.
    #[arg(long)]
    employers: Option<PathBuf>,
    /// Matches per seeker / per vacancy.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Drop matches scoring below this.
    #[arg(long, default_value_t = 0.0)]
    min_score: f64,
    /// Add an explanation object to every match.
    #[arg(long)]
    explain: bool,
    /// Where to write matches.jsonl.
    #[arg(long)]
    out: PathBuf,
}

fn load<T>(
    path: &Path,
    read: fn(&Path, &ReadOptions<'_>) -> werkmatch::adapter::Result<Loaded<T>>,
) -> Result<Vec<T>, String> {
    let loaded = read(path, &ReadOptions::new().on_error(OnError::Collect)).map_err(|e| e.to_string())?;
    eprintln!("{}: {}", path.display(), loaded.summary());
    if loaded.rejected.is_empty() {
        return Ok(loaded.accepted);
    }
    let mut report = String::new();
    for r in &loaded.rejected {
        report.push_str(&format!("  rejected {r}\n"));
    }
    Err(format!("{} bad record(s) in {}:\n{report}", loaded.rejected.len(), path.display()))
}

fn run(args: &Args) -> Result<(), String> {
    let t0 = Instant::now();
    let seekers: Vec<Jobseeker> = load(&args.seekers, |p, o| jsonl::read_seekers_file(p, o))?;
    let vacancies: Vec<Vacancy> = match &args.vacancies {
        Some(p) => load(p, |p, o| jsonl::read_vacancies_file(p, o))?,
        None => Vec::new(),
    };
    let employers: Vec<Employer> = match &args.employers {
        Some(p) => load(p, |p, o| jsonl::read_employers_file(p, o))?,
        None => Vec::new(),
    };
    let cfg = ScoringConfig::default();
    let opts = RankOptions { k: args.top, min_score: args.min_score };
    let mut runs: Vec<(Direction, Vec<Ranking>)> = Vec::new();
    if args.vacancies.is_some() {
        runs.push((
            Direction::SeekerToVacancies,
            werkmatch::rank::reference::seeker_to_vacancies(&cfg, &seekers, &vacancies, &opts),
        ));
        runs.push((
            Direction::VacancyToSeekers,
            werkmatch::rank::reference::vacancy_to_seekers(&cfg, &vacancies, &seekers, &opts),
        ));
    }
    if args.employers.is_some() {
        runs.push((
            Direction::SeekerToEmployers,
            werkmatch::rank::reference::seeker_to_employers(&cfg, &seekers, &employers, &opts),
        ));
    }
    let t_rank = t0.elapsed();

    let file = File::create(&args.out).map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let mut out = BufWriter::new(file);
    // Explanations look records up by id; index them once.
    let s_by_id: HashMap<&str, &Jobseeker> = seekers.iter().map(|s| (s.id.as_str(), s)).collect();
    let v_by_id: HashMap<&str, &Vacancy> = vacancies.iter().map(|v| (v.id.as_str(), v)).collect();
    let e_by_id: HashMap<&str, &Employer> = employers.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut lines = 0;
    for (direction, rankings) in &runs {
        let explain = args.explain.then_some(|subject: &str, candidate: &str| {
            let s_of = |id: &str| s_by_id.get(id).copied();
            let v_of = |id: &str| v_by_id.get(id).copied();
            match direction {
                Direction::SeekerToVacancies => Some(score::explain(&cfg, s_of(subject)?, v_of(candidate)?)),
                Direction::VacancyToSeekers => Some(score::explain(&cfg, s_of(candidate)?, v_of(subject)?)),
                Direction::SeekerToEmployers => score::explain_employer(&cfg, s_of(subject)?, e_by_id.get(candidate)?),
            }
        });
        lines += jsonl::write_rankings(&mut out, *direction, rankings, explain)
            .map_err(|e| format!("writing {}: {e}", args.out.display()))?;
    }
    out.flush().map_err(|e| format!("writing {}: {e}", args.out.display()))?;
    eprintln!("wrote {lines} lines to {} (ranking {:.2?}, total {:.2?})", args.out.display(), t_rank, t0.elapsed());
    Ok(())
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if args.vacancies.is_none() && args.employers.is_none() {
        eprintln!("error: give --vacancies, --employers or both (see --help)");
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(1)
        }
    }
}
