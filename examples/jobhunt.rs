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
//! Dutch by default (`--lang en` for English): the report, the reasons, the
//! hints and the bad-input messages. With `--format json` the reasons and
//! hints are texts in that language too; the explanation stays data (ids).
//!
//! `--explain ID` explains one pair instead, for the person concerned
//! (AUDIT.md section 2): the candidate and vacancy (or employer) `ID`, ranked
//! or not, with the reasons and, when excluded, each knock-out and what would
//! lift it ("why is this vacancy not in my list?").
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
use werkmatch::adapter::overrides::KnownIds;
use werkmatch::adapter::OnError;
use werkmatch::overrides::{self, Target};
use werkmatch::rank::overridden;
use werkmatch::rank::{Executor, Matcher, RankOptions};
use werkmatch::score::{self, words, Explanation, Hint, ScoringConfig};
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};
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
    /// Language of the report and messages: nl (Nederlands) or en (English).
    #[arg(long, default_value_t = Lang::Nl)]
    lang: Lang,
    #[command(flatten)]
    input: cli::InputFlags,
    #[command(flatten)]
    overrides: cli::OverrideFlags,
    /// Explain only the pair of the candidate and this vacancy (or employer) id, ranked or not.
    #[arg(long, value_name = "ID")]
    explain: Option<String>,
}

#[derive(Serialize)]
struct Item {
    id: String,
    title: Option<String>,
    isco: String,
    score: Option<f64>,
    /// Listed because a staff member included the pair (an override).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    included: bool,
    reasons: Vec<String>,
    hints: Vec<String>,
    explanation: Explanation,
    /// The missing essential skills by name, for the text report (the JSON keeps the URIs).
    #[serde(skip)]
    missing_skills: String,
}

#[derive(Serialize)]
struct Report {
    /// The language of the texts below (the explanations are data, without language).
    lang: Lang,
    candidate: String,
    vacancies: Vec<Item>,
    hidden_jobs: Vec<Item>,
    near_misses: Vec<Item>,
}

fn profile(args: &Args) -> Result<Jobseeker, String> {
    let lang = args.lang;
    let (Some(lat), Some(lon)) = (args.lat, args.lon) else {
        return Err(Label::JobhuntGiveCandidate.text(lang));
    };
    let invalid = |e: werkmatch::Error| e.text(lang);
    let loc = GeoPoint::new(lat, lon).map_err(invalid)?;
    let mut s = Jobseeker::new(Id::new("profile").map_err(invalid)?, loc);
    s.education =
        serde_json::from_value::<Education>(serde_json::Value::String(args.education.clone())).map_err(|_| {
            let choices = Education::ALL
                .iter()
                .filter(|e| **e != Education::Unknown)
                .map(|e| e.name())
                .collect::<Vec<_>>()
                .join(", ");
            let value = format!("{:?}", args.education);
            Label::JobhuntUnknownEducation.text_with(lang, &[("value", &value), ("choices", &choices)])
        })?;
    for c in &args.occupation {
        s.desired_occupations.push(IscoCode::parse(c).map_err(invalid)?);
    }
    s.skills = args.skills.clone();
    let mut modes = ModeSet::EMPTY;
    for m in &args.modes {
        let mode: TravelMode = serde_json::from_value(serde_json::Value::String(m.clone())).map_err(|_| {
            let choices = TravelMode::ALL.iter().map(|m| m.name()).collect::<Vec<_>>().join(", ");
            let value = format!("{m:?}");
            Label::JobhuntUnknownMode.text_with(lang, &[("value", &value), ("choices", &choices)])
        })?;
        modes = modes.with(mode);
    }
    s.mobility = Mobility::new(s.mobility.max_minutes(), modes).map_err(invalid)?;
    s.licence = args.licence;
    Ok(s)
}

fn candidate(args: &Args, inputs: &Inputs<'_>, bad: &mut usize) -> Result<Jobseeker, String> {
    let mut s = match (&args.seekers, &args.id) {
        (Some(path), Some(id)) => accept(path, inputs.seekers(path), bad, args.lang)?
            .into_iter()
            .find(|s| s.id.as_str() == id)
            .ok_or_else(|| {
                let id = format!("{id:?}");
                Label::JobhuntNoSuchSeeker.text_with(args.lang, &[("id", &id), ("file", &Verbatim(path.display()))])
            })?,
        _ => profile(args)?,
    };
    if let Some(m) = args.max_minutes {
        s.mobility = Mobility::new(m, s.mobility.modes()).map_err(|e| e.text(args.lang))?;
    }
    Ok(s)
}

fn item(lang: Lang, id: &str, title: Option<&str>, e: Explanation, hints: Vec<Hint>) -> Item {
    let reasons = if e.is_excluded() { Vec::new() } else { words::fit_reasons(&e) };
    Item {
        id: id.to_string(),
        title: title.map(str::to_string),
        isco: e.isco.to_string(),
        score: e.score,
        included: false,
        reasons: reasons.iter().map(|r| r.text(lang)).collect(),
        hints: hints.iter().map(|h| h.text(lang)).collect(),
        explanation: e,
        missing_skills: String::new(),
    }
}

/// The candidate, the vacancies and employers, and the overrides in effect.
struct Loaded {
    inputs: Inputs<'static>,
    s: Jobseeker,
    vacancies: Vec<Vacancy>,
    employers: Vec<Employer>,
    ov: overrides::Overrides,
}

fn load(args: &Args, bad: &mut usize) -> Result<Loaded, String> {
    let lang = args.lang;
    let inputs = args.input.inputs(if args.strict { OnError::Stop } else { OnError::Collect }, lang)?;
    let s = candidate(args, &inputs, bad)?;
    let vacancies: Vec<Vacancy> = accept(&args.vacancies, inputs.vacancies(&args.vacancies), bad, lang)?;
    let employers: Vec<Employer> = match &args.employers {
        Some(p) => accept(p, inputs.employers(p), bad, lang)?,
        None => Vec::new(),
    };
    let known = KnownIds {
        seekers: None,
        vacancies: Some(vacancies.iter().map(|v| v.id.as_str()).collect()),
        employers: args.employers.as_ref().map(|_| employers.iter().map(|e| e.id.as_str()).collect()),
    };
    let ov = args.overrides.load(&known)?;
    Ok(Loaded { inputs, s, vacancies, employers, ov })
}

/// `--explain ID`: the one pair, whether it is ranked, a near miss, or neither.
fn explain_pair(args: &Args, id: &str, bad: &mut usize) -> Result<cli::PairReport, String> {
    let Loaded { s, vacancies, employers, ov, .. } = load(args, bad)?;
    let cfg = ScoringConfig::default();
    let with = match (vacancies.iter().find(|v| v.id.as_str() == id), employers.iter().find(|e| e.id.as_str() == id)) {
        (Some(v), _) => cli::PairWith::Vacancy(v),
        (None, Some(e)) => cli::PairWith::Employer(e),
        (None, None) => return Err(Label::CommonNoSuchCandidate.text_with(args.lang, &[("id", &format!("{id:?}"))])),
    };
    cli::pair_report(&cfg, &ov, &s, with, args.lang)
}

fn run(args: &Args, bad: &mut usize) -> Result<Report, String> {
    let lang = args.lang;
    let Loaded { inputs, s, vacancies, employers, ov } = load(args, bad)?;
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(args.top);
    let find_v = |id: &str| vacancies.iter().find(|v| v.id.as_str() == id);
    let included = |mut it: Item, yes: bool| {
        it.included = yes;
        it
    };

    // The exact kernel (prepared indexes); the near misses below need every pair, so they scan.
    let matcher = Matcher::builder()
        .config(cfg.clone())
        .vacancies(&vacancies)
        .employers(&employers)
        .build()
        .map_err(|e| format!("{e}"))?;
    let one = std::slice::from_ref(&s);
    let ex = Executor::CurrentThread;
    let best = overridden::seeker_to_vacancies(&matcher, &cfg, &ov, one, &vacancies, &opts, ex)
        .into_iter()
        .flat_map(|r| r.matches)
        .filter_map(|m| Some((find_v(m.id.as_str())?, m.included)))
        .map(|(v, yes)| {
            let hints = if yes { score::unlock_hints(&cfg, &s, v) } else { Vec::new() };
            included(item(lang, v.id.as_str(), v.title.as_deref(), overrides::explain(&cfg, &ov, &s, v), hints), yes)
        })
        .collect();
    let hidden = overridden::seeker_to_employers(&matcher, &cfg, &ov, one, &employers, &opts, ex)
        .into_iter()
        .flat_map(|r| r.matches)
        .filter_map(|m| Some((employers.iter().find(|e| e.id == m.id)?, m.included)))
        .filter_map(|(e, yes)| {
            let explanation = overrides::explain_employer(&cfg, &ov, &s, e)?;
            Some(included(item(lang, e.id.as_str(), e.name.as_deref(), explanation, Vec::new()), yes))
        })
        .collect();

    // Near misses: excluded by exactly one thing, best would-be score first; pairs a
    // person has decided on (excluded, or listed as included) are not near misses.
    let open: Vec<&Vacancy> =
        vacancies.iter().filter(|v| ov.get(&s.id, &Target::Vacancy(v.id.clone())).is_none()).collect();
    let near = cli::near_misses(&open, |v| &v.id, |v| score::evaluate(&cfg, &s, v), args.near_misses);
    let near_misses = near
        .into_iter()
        .map(|v| {
            let hints = score::unlock_hints(&cfg, &s, v);
            item(lang, v.id.as_str(), v.title.as_deref(), score::explain(&cfg, &s, v), hints)
        })
        .collect();
    let modes: Vec<String> = werkmatch::travel::TravelModel::usable_modes(s.mobility.modes(), s.licence)
        .iter()
        .map(|m| m.text(lang))
        .collect();
    let startkwalificatie =
        if s.education.is_startkwalificatie() { Label::JobhuntStartkwalificatie.text(lang) } else { String::new() };
    let mut report = Report {
        lang,
        candidate: Label::JobhuntCandidate.text_with(
            lang,
            &[
                ("id", &Verbatim(&s.id)),
                ("education", &s.education),
                ("level", &score::seeker_level(&s).get()),
                ("startkwalificatie", &startkwalificatie),
                ("minutes", &s.mobility.max_minutes()),
                ("modes", &modes.join(", ")),
            ],
        ),
        vacancies: best,
        hidden_jobs: hidden,
        near_misses,
    };
    for it in report.vacancies.iter_mut().chain(&mut report.hidden_jobs).chain(&mut report.near_misses) {
        it.missing_skills = cli::concept_names(inputs.labels(), &it.explanation.missing_essential_skills, lang);
    }
    Ok(report)
}

fn print_items(lang: Lang, title: Label, items: &[Item], empty: Label) {
    println!();
    println!("{}", title.text(lang));
    if items.is_empty() {
        println!("  {}", empty.text(lang));
    }
    for (i, it) in items.iter().enumerate() {
        let score = match it.score {
            Some(s) => Label::CommonScore.text_with(lang, &[("score", &Decimal::new(s, 2))]),
            None => Label::CommonExcluded.text(lang),
        };
        println!("  {}. {} {} (ISCO {}), {}", i + 1, it.id, it.title.as_deref().unwrap_or(""), it.isco, score);
        if it.included {
            let reason = it.explanation.override_reason.clone().unwrap_or_default();
            println!("     {}", Label::CommonIncluded.text_with(lang, &[("reason", &Verbatim(reason))]));
        }
        if !it.reasons.is_empty() {
            println!("     {}", Label::CommonWhy.text_with(lang, &[("reasons", &it.reasons.join("; "))]));
        }
        if it.score.is_some() {
            if !it.explanation.missing_essential_skills.is_empty() {
                let skills = it.missing_skills.as_str();
                println!("     {}", Label::CommonMissingSkills.text_with(lang, &[("skills", &skills)]));
            }
        } else {
            let would = Decimal::new(it.explanation.recombined_total(), 2);
            let trip = &it.explanation.travel;
            println!("     {}", Label::CommonWouldScore.text_with(lang, &[("score", &would), ("trip", trip)]));
        }
        for h in &it.hints {
            println!("     {}", Label::CommonToUnlock.text_with(lang, &[("hint", h)]));
        }
    }
}

fn main() -> ExitCode {
    let args: Args = match cli::parse() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let lang = args.lang;
    if args.seekers.is_none() && args.lat.is_none() {
        eprintln!("{} (--help)", cli::error_line(&Label::JobhuntGiveCandidate.text(lang), lang));
        return ExitCode::from(2);
    }
    let mut bad = 0;
    if let Some(id) = &args.explain {
        return cli::emit(args.format, explain_pair(&args, id, &mut bad), bad, lang, cli::print_pair);
    }
    let report = run(&args, &mut bad);
    cli::emit(args.format, report, bad, lang, |report| {
        println!("{}", report.candidate);
        print_items(lang, Label::JobhuntBestVacancies, &report.vacancies, Label::JobhuntNoVacancies);
        print_items(lang, Label::JobhuntHiddenJobs, &report.hidden_jobs, Label::JobhuntNoHiddenJobs);
        print_items(lang, Label::CommonNearMisses, &report.near_misses, Label::CommonNone);
    })
}
