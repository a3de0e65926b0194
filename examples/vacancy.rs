//! For one vacancy: the best candidates, explained, and the candidates that
//! just miss it with what would unlock them. The account manager's view.
//!
//! ```sh
//! cargo run --release --example vacancy -- --vacancies fixtures/cases/vacancies.jsonl --id V04 \
//!     --seekers fixtures/cases/seekers.jsonl
//! ```
//!
//! Exit code 0 on success, 1 on bad input, 2 on a usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/cli.rs"]
mod cli;

use cli::{accept, Format};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use werkmatch::adapter::OnError;
use werkmatch::rank::{Matcher, RankOptions};
use werkmatch::score::{self, words, Explanation, ScoringConfig};
use werkmatch::{Jobseeker, Vacancy};

/// Find and explain the best candidates for one vacancy.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Vacancies (FORMAT.md JSON Lines).
    #[arg(long)]
    vacancies: PathBuf,
    /// The vacancy's id.
    #[arg(long)]
    id: String,
    /// Jobseekers (FORMAT.md JSON Lines).
    #[arg(long)]
    seekers: PathBuf,
    /// How many candidates to show.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// How many near misses to show.
    #[arg(long, default_value_t = 5)]
    near_misses: usize,
    /// Output as a readable table or as JSON.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Stop at the first bad input record instead of skipping bad records.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    input: cli::InputFlags,
}

#[derive(Serialize)]
struct Candidate {
    id: String,
    score: Option<f64>,
    reasons: Vec<String>,
    hints: Vec<String>,
    explanation: Explanation,
}

#[derive(Serialize)]
struct Report {
    vacancy: String,
    candidates: Vec<Candidate>,
    near_misses: Vec<Candidate>,
}

fn run(args: &Args, bad: &mut usize) -> Result<Report, String> {
    let inputs = args.input.inputs(if args.strict { OnError::Stop } else { OnError::Collect })?;
    let vacancies: Vec<Vacancy> = accept(&args.vacancies, inputs.vacancies(&args.vacancies), bad)?;
    let seekers: Vec<Jobseeker> = accept(&args.seekers, inputs.seekers(&args.seekers), bad)?;
    let v = vacancies
        .iter()
        .find(|v| v.id.as_str() == args.id)
        .ok_or_else(|| format!("no vacancy with id {:?} in {}", args.id, args.vacancies.display()))?;
    let cfg = ScoringConfig::default();
    let find_s = |id: &str| seekers.iter().find(|s| s.id.as_str() == id);
    let matcher = Matcher::builder().config(cfg.clone()).seekers(&seekers).build().map_err(|e| format!("{e}"))?;
    let candidates = matcher
        .top_seekers_for(v, &RankOptions::top(args.top))
        .into_iter()
        .filter_map(|m| find_s(m.id.as_str()))
        .map(|s| {
            let e = score::explain(&cfg, s, v);
            Candidate {
                id: s.id.to_string(),
                score: e.score,
                reasons: words::fit_reasons(&e),
                hints: Vec::new(),
                explanation: e,
            }
        })
        .collect();
    let near = cli::near_misses(&seekers, |s| &s.id, |s| score::evaluate(&cfg, s, v), args.near_misses);
    let near_misses = near
        .into_iter()
        .map(|s| Candidate {
            id: s.id.to_string(),
            score: None,
            reasons: Vec::new(),
            hints: score::unlock_hints(&cfg, s, v).iter().map(ToString::to_string).collect(),
            explanation: score::explain(&cfg, s, v),
        })
        .collect();
    Ok(Report {
        vacancy: format!(
            "{} {} (ISCO {}, skill level {}, sector {}){}",
            v.id,
            v.title.as_deref().unwrap_or(""),
            v.isco,
            v.skill_level(),
            v.sector.map_or_else(|| "unknown".to_string(), |n| n.to_string()),
            v.earliest_start.map(|t| format!(", starts {t}")).unwrap_or_default()
        ),
        candidates,
        near_misses,
    })
}

fn print(title: &str, list: &[Candidate], empty: &str) {
    println!();
    println!("{title}");
    if list.is_empty() {
        println!("  {empty}");
    }
    for (i, c) in list.iter().enumerate() {
        match c.score {
            Some(s) => println!("  {}. {} score {s:.2}", i + 1, c.id),
            None => println!(
                "  {}. {} would score {:.2}; travel {}",
                i + 1,
                c.id,
                c.explanation.recombined_total(),
                words::travel_words(&c.explanation)
            ),
        }
        if !c.reasons.is_empty() {
            println!("     why: {}", c.reasons.join("; "));
        }
        if c.score.is_some() && !c.explanation.missing_essential_skills.is_empty() {
            println!("     missing skills: {}", c.explanation.missing_essential_skills.join(", "));
        }
        for h in &c.hints {
            println!("     to unlock: {h}");
        }
    }
}

fn main() -> ExitCode {
    let args: Args = match cli::parse() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let mut bad = 0;
    let report = run(&args, &mut bad);
    cli::emit(args.format, report, bad, |report| {
        println!("Vacancy {}", report.vacancy);
        print("Best candidates", &report.candidates, "none: see the near misses below");
        print("Near misses (excluded by one thing)", &report.near_misses, "none");
    })
}
