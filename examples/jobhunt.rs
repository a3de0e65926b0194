//! For one candidate: the best vacancies, the best employers without a
//! vacancy (hidden jobs), and the near misses with what would unlock them.
//!
//! ```sh
//! # a candidate from a seekers file
//! cargo run --release --example jobhunt -- --seekers fixtures/cases/seekers.jsonl --id S02 \
//!     --vacancies fixtures/cases/vacancies.jsonl --employers fixtures/cases/employers.jsonl
//! # a profile given by flags
//! cargo run --release --example jobhunt -- --lat 53.2194 --lon 6.5665 --education mbo2 \
//!     --occupation 9112 --modes bike,transit --vacancies fixtures/cases/vacancies.jsonl
//! ```
//!
//! Exit code 0 on success, 1 on bad input, 2 on a usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/checks.rs"]
mod checks;
#[path = "common/cli.rs"]
mod cli;

use cli::{accept, Format};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use werkmatch::adapter::input::Inputs;
use werkmatch::adapter::OnError;
use werkmatch::rank::{Matcher, RankOptions};
use werkmatch::score::{self, words, Explanation, Hint, ScoringConfig};
use werkmatch::{Education, Employer, GeoPoint, Id, IscoCode, Jobseeker, Mobility, ModeSet, TravelMode, Vacancy};

/// Find jobs and hidden jobs for one candidate, explained in plain words.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "Give the candidate either by --seekers FILE --id ID, or as a profile with --lat/--lon and the other profile flags."
)]
struct Args {
    /// Vacancies (FORMAT.md JSON Lines).
    #[arg(long)]
    vacancies: PathBuf,
    /// Employers without a vacancy (FORMAT.md JSON Lines): adds hidden jobs.
    #[arg(long)]
    employers: Option<PathBuf>,
    /// Seekers file to take the candidate from (with --id).
    #[arg(long, requires = "id")]
    seekers: Option<PathBuf>,
    /// The candidate's id in --seekers.
    #[arg(long, requires = "seekers")]
    id: Option<String>,
    /// Profile: home latitude (WGS84).
    #[arg(long, conflicts_with = "seekers", requires = "lon")]
    lat: Option<f64>,
    /// Profile: home longitude (WGS84).
    #[arg(long, requires = "lat")]
    lon: Option<f64>,
    /// Profile: education (none, primary, vmbo, mbo1 … mbo4, havo, vwo, hbo, wo).
    #[arg(long, default_value = "unknown")]
    education: String,
    /// Profile: wanted or past occupations, ISCO-08 codes, comma-separated.
    #[arg(long, value_delimiter = ',')]
    occupation: Vec<String>,
    /// Profile: skill ids, comma-separated.
    #[arg(long, value_delimiter = ',')]
    skills: Vec<String>,
    /// Profile: travel modes (walk, bike, ebike, car, transit), comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "bike,transit")]
    modes: Vec<String>,
    /// Profile: holds a driving licence.
    #[arg(long)]
    licence: bool,
    /// Override the candidate's longest trip, in minutes (what if they travelled further?).
    #[arg(long)]
    max_minutes: Option<u16>,
    /// How many vacancies and hidden jobs to show.
    #[arg(long, default_value_t = 5, value_parser = checks::positive)]
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
struct Item {
    id: String,
    title: Option<String>,
    isco: String,
    score: Option<f64>,
    reasons: Vec<String>,
    hints: Vec<String>,
    explanation: Explanation,
}

#[derive(Serialize)]
struct Report {
    candidate: String,
    vacancies: Vec<Item>,
    hidden_jobs: Vec<Item>,
    near_misses: Vec<Item>,
}

fn profile(args: &Args) -> Result<Jobseeker, String> {
    let (Some(lat), Some(lon)) = (args.lat, args.lon) else {
        return Err("give the candidate: --seekers FILE --id ID, or a profile with --lat and --lon".into());
    };
    let loc = GeoPoint::new(lat, lon).map_err(|e| e.to_string())?;
    let mut s = Jobseeker::new(Id::new("profile").map_err(|e| e.to_string())?, loc);
    s.education =
        serde_json::from_value::<Education>(serde_json::Value::String(args.education.clone())).map_err(|_| {
            format!(
                "unknown education {:?}: use none, primary, vmbo, mbo1, mbo2, mbo3, mbo4, havo, vwo, hbo, wo",
                args.education
            )
        })?;
    for c in &args.occupation {
        s.desired_occupations.push(IscoCode::parse(c).map_err(|e| e.to_string())?);
    }
    s.skills = args.skills.clone();
    let mut modes = ModeSet::EMPTY;
    for m in &args.modes {
        let mode: TravelMode = serde_json::from_value(serde_json::Value::String(m.clone()))
            .map_err(|_| format!("unknown travel mode {m:?}: use walk, bike, ebike, car, transit"))?;
        modes = modes.with(mode);
    }
    s.mobility = Mobility::new(s.mobility.max_minutes(), modes).map_err(|e| e.to_string())?;
    s.licence = args.licence;
    Ok(s)
}

fn candidate(args: &Args, inputs: &Inputs<'_>, bad: &mut usize) -> Result<Jobseeker, String> {
    let mut s = match (&args.seekers, &args.id) {
        (Some(path), Some(id)) => accept(path, inputs.seekers(path), bad)?
            .into_iter()
            .find(|s| s.id.as_str() == id)
            .ok_or_else(|| format!("no seeker with id {id:?} in {}", path.display()))?,
        _ => profile(args)?,
    };
    if let Some(m) = args.max_minutes {
        s.mobility = Mobility::new(m, s.mobility.modes()).map_err(|e| e.to_string())?;
    }
    Ok(s)
}

fn item(id: &str, title: Option<&str>, e: Explanation, hints: Vec<Hint>) -> Item {
    Item {
        id: id.to_string(),
        title: title.map(str::to_string),
        isco: e.isco.to_string(),
        score: e.score,
        reasons: if e.is_excluded() { Vec::new() } else { words::fit_reasons(&e) },
        hints: hints.iter().map(Hint::to_string).collect(),
        explanation: e,
    }
}

fn run(args: &Args, bad: &mut usize) -> Result<Report, String> {
    let inputs = args.input.inputs(if args.strict { OnError::Stop } else { OnError::Collect })?;
    let s = candidate(args, &inputs, bad)?;
    let vacancies: Vec<Vacancy> = accept(&args.vacancies, inputs.vacancies(&args.vacancies), bad)?;
    let employers: Vec<Employer> = match &args.employers {
        Some(p) => accept(p, inputs.employers(p), bad)?,
        None => Vec::new(),
    };
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(args.top);
    let find_v = |id: &str| vacancies.iter().find(|v| v.id.as_str() == id);

    // The exact kernel (prepared indexes); the near misses below need every pair, so they scan.
    let matcher = Matcher::builder()
        .config(cfg.clone())
        .vacancies(&vacancies)
        .employers(&employers)
        .build()
        .map_err(|e| format!("{e}"))?;
    let best = matcher
        .top_vacancies_for(&s, &opts)
        .into_iter()
        .filter_map(|m| find_v(m.id.as_str()))
        .map(|v| item(v.id.as_str(), v.title.as_deref(), score::explain(&cfg, &s, v), Vec::new()))
        .collect();
    let hidden = matcher
        .top_employers_for(&s, &opts)
        .into_iter()
        .filter_map(|m| employers.iter().find(|e| e.id == m.id))
        .filter_map(|e| Some(item(e.id.as_str(), e.name.as_deref(), score::explain_employer(&cfg, &s, e)?, Vec::new())))
        .collect();

    // Near misses: excluded by exactly one thing, best would-be score first.
    let near = cli::near_misses(&vacancies, |v| &v.id, |v| score::evaluate(&cfg, &s, v), args.near_misses);
    let near_misses = near
        .into_iter()
        .map(|v| item(v.id.as_str(), v.title.as_deref(), score::explain(&cfg, &s, v), score::unlock_hints(&cfg, &s, v)))
        .collect();
    let modes: Vec<&str> = TravelModelNames::of(s.mobility.modes(), s.licence);
    Ok(Report {
        candidate: format!(
            "{}: education {} (skill level {}), travels up to {} min by {}",
            s.id,
            s.education.name(),
            score::seeker_level(&s),
            s.mobility.max_minutes(),
            modes.join(", ")
        ),
        vacancies: best,
        hidden_jobs: hidden,
        near_misses,
    })
}

/// Names of the modes a candidate can use.
struct TravelModelNames;
impl TravelModelNames {
    fn of(listed: ModeSet, licence: bool) -> Vec<&'static str> {
        werkmatch::travel::TravelModel::usable_modes(listed, licence).iter().map(|m| m.name()).collect()
    }
}

fn print_items(title: &str, items: &[Item], empty: &str) {
    println!();
    println!("{title}");
    if items.is_empty() {
        println!("  {empty}");
    }
    for (i, it) in items.iter().enumerate() {
        let score = it.score.map_or("excluded".to_string(), |s| format!("score {s:.2}"));
        println!("  {}. {} {} (ISCO {}), {}", i + 1, it.id, it.title.as_deref().unwrap_or(""), it.isco, score);
        if !it.reasons.is_empty() {
            println!("     why: {}", it.reasons.join("; "));
        }
        if it.score.is_some() {
            if !it.explanation.missing_essential_skills.is_empty() {
                println!("     missing skills: {}", it.explanation.missing_essential_skills.join(", "));
            }
        } else {
            println!(
                "     would score {:.2}; travel {}",
                it.explanation.recombined_total(),
                words::travel_words(&it.explanation)
            );
        }
        for h in &it.hints {
            println!("     to unlock: {h}");
        }
    }
}

fn main() -> ExitCode {
    let args: Args = match cli::parse() {
        Ok(a) => a,
        Err(code) => return code,
    };
    if args.seekers.is_none() && args.lat.is_none() {
        eprintln!("error: give the candidate: --seekers FILE --id ID, or a profile with --lat and --lon (see --help)");
        return ExitCode::from(2);
    }
    let mut bad = 0;
    let report = run(&args, &mut bad);
    cli::emit(args.format, report, bad, |report| {
        println!("Candidate {}", report.candidate);
        print_items("Best vacancies", &report.vacancies, "none within reach: see the near misses below");
        print_items(
            "Hidden jobs (employers without a vacancy)",
            &report.hidden_jobs,
            "none (give --employers FILE to search employers)",
        );
        print_items("Near misses (excluded by one thing)", &report.near_misses, "none");
    })
}
