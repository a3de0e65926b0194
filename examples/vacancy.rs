//! For one vacancy: the best candidates, explained, and the candidates that
//! just miss it with what would unlock them. The account manager's view.
//!
//! ```sh
//! cargo run --release --example vacancy -- --vacancies fixtures/cases/vacancies.jsonl --id V04 \
//!     --seekers fixtures/cases/seekers.jsonl
//! ```
//!
//! `--explain SEEKER` explains one pair instead, for the person concerned
//! (AUDIT.md section 2): the vacancy and that seeker, ranked or not, with the
//! reasons and, when excluded, each knock-out and what would lift it.
//!
//! Dutch by default (`--lang en` for English).
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
use werkmatch::adapter::overrides::KnownIds;
use werkmatch::adapter::OnError;
use werkmatch::overrides::{self, Target};
use werkmatch::rank::overridden;
use werkmatch::rank::{Executor, Matcher, RankOptions};
use werkmatch::score::{self, words, Explanation, ScoringConfig};
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};
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
    #[arg(long, default_value_t = 10, value_parser = checks::positive)]
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
    /// Explain only the pair of the vacancy and this seeker id, ranked or not.
    #[arg(long, value_name = "SEEKER")]
    explain: Option<String>,
}

#[derive(Serialize)]
struct Candidate {
    id: String,
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
    vacancy: String,
    candidates: Vec<Candidate>,
    near_misses: Vec<Candidate>,
}

/// What `vacancy` prints: the lists, or one pair (`--explain`).
#[derive(Serialize)]
#[serde(untagged)]
enum Out {
    Lists(Report),
    Pair(Box<cli::PairReport>),
}

fn run(args: &Args, bad: &mut usize) -> Result<Out, String> {
    let lang = args.lang;
    let inputs = args.input.inputs(if args.strict { OnError::Stop } else { OnError::Collect }, lang)?;
    let vacancies: Vec<Vacancy> = accept(&args.vacancies, inputs.vacancies(&args.vacancies), bad, lang)?;
    let seekers: Vec<Jobseeker> = accept(&args.seekers, inputs.seekers(&args.seekers), bad, lang)?;
    let v = vacancies.iter().find(|v| v.id.as_str() == args.id).ok_or_else(|| {
        let id = format!("{:?}", args.id);
        Label::VacancyNoSuchVacancy.text_with(lang, &[("id", &id), ("file", &Verbatim(args.vacancies.display()))])
    })?;
    let cfg = ScoringConfig::default();
    let known = KnownIds {
        seekers: Some(seekers.iter().map(|s| s.id.as_str()).collect()),
        vacancies: Some(vacancies.iter().map(|v| v.id.as_str()).collect()),
        employers: None,
    };
    let ov = args.overrides.load(&known)?;
    if let Some(id) = &args.explain {
        let s = seekers.iter().find(|s| s.id.as_str() == id).ok_or_else(|| {
            let id = format!("{id:?}");
            Label::JobhuntNoSuchSeeker.text_with(lang, &[("id", &id), ("file", &Verbatim(args.seekers.display()))])
        })?;
        return cli::pair_report(&cfg, &ov, s, cli::PairWith::Vacancy(v), lang).map(|p| Out::Pair(Box::new(p)));
    }
    let find_s = |id: &str| seekers.iter().find(|s| s.id.as_str() == id);
    let matcher = Matcher::builder().config(cfg.clone()).seekers(&seekers).build().map_err(|e| format!("{e}"))?;
    let listed = overridden::vacancy_to_seekers(
        &matcher,
        &cfg,
        &ov,
        std::slice::from_ref(v),
        &seekers,
        &RankOptions::top(args.top),
        Executor::CurrentThread,
    );
    let candidates = listed
        .into_iter()
        .flat_map(|r| r.matches)
        .filter_map(|m| Some((find_s(m.id.as_str())?, m.included)))
        .map(|(s, included)| {
            let e = overrides::explain(&cfg, &ov, s, v);
            Candidate {
                id: s.id.to_string(),
                score: e.score,
                included,
                reasons: words::fit_reasons(&e).iter().map(|r| r.text(lang)).collect(),
                hints: score::unlock_hints(&cfg, s, v).iter().map(|h| h.text(lang)).collect(),
                explanation: e,
                missing_skills: String::new(),
            }
        })
        .collect();
    // Near misses leave out the pairs a person has decided on (excluded, or already listed as included).
    let open: Vec<&Jobseeker> =
        seekers.iter().filter(|s| ov.get(&s.id, &Target::Vacancy(v.id.clone())).is_none()).collect();
    let near = cli::near_misses(&open, |s| &s.id, |s| score::evaluate(&cfg, s, v), args.near_misses);
    let near_misses = near
        .into_iter()
        .map(|s| Candidate {
            id: s.id.to_string(),
            score: None,
            included: false,
            reasons: Vec::new(),
            hints: score::unlock_hints(&cfg, s, v).iter().map(|h| h.text(lang)).collect(),
            explanation: score::explain(&cfg, s, v),
            missing_skills: String::new(),
        })
        .collect();
    let sector = v.sector.map_or_else(|| Label::CommonUnknown.text(lang), |n| n.to_string());
    let starts = match v.earliest_start {
        Some(t) => Label::VacancyStarts.text_with(lang, &[("time", &Verbatim(t))]),
        None => String::new(),
    };
    let mut report = Report {
        lang,
        vacancy: Label::VacancyHeader.text_with(
            lang,
            &[
                ("id", &Verbatim(&v.id)),
                ("title", &v.title.as_deref().unwrap_or("")),
                ("isco", &Verbatim(v.isco)),
                ("level", &v.skill_level().get()),
                ("sector", &sector),
                ("starts", &starts),
            ],
        ),
        candidates,
        near_misses,
    };
    for it in report.candidates.iter_mut().chain(&mut report.near_misses) {
        it.missing_skills = cli::concept_names(inputs.labels(), &it.explanation.missing_essential_skills, lang);
    }
    Ok(Out::Lists(report))
}

fn print(lang: Lang, title: Label, list: &[Candidate], empty: Label) {
    println!();
    println!("{}", title.text(lang));
    if list.is_empty() {
        println!("  {}", empty.text(lang));
    }
    for (i, c) in list.iter().enumerate() {
        let what = match c.score {
            Some(s) => Label::CommonScore.text_with(lang, &[("score", &Decimal::new(s, 2))]),
            None => {
                let would = Decimal::new(c.explanation.recombined_total(), 2);
                Label::CommonWouldScore.text_with(lang, &[("score", &would), ("trip", &c.explanation.travel)])
            }
        };
        println!("  {}. {} {what}", i + 1, c.id);
        if c.included {
            let reason = c.explanation.override_reason.clone().unwrap_or_default();
            println!("     {}", Label::CommonIncluded.text_with(lang, &[("reason", &Verbatim(reason))]));
        }
        if !c.reasons.is_empty() {
            println!("     {}", Label::CommonWhy.text_with(lang, &[("reasons", &c.reasons.join("; "))]));
        }
        if c.score.is_some() && !c.explanation.missing_essential_skills.is_empty() {
            let skills = c.missing_skills.as_str();
            println!("     {}", Label::CommonMissingSkills.text_with(lang, &[("skills", &skills)]));
        }
        for h in &c.hints {
            println!("     {}", Label::CommonToUnlock.text_with(lang, &[("hint", h)]));
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
    let lang = args.lang;
    cli::emit(args.format, report, bad, lang, |out| match out {
        Out::Pair(pair) => cli::print_pair(pair),
        Out::Lists(report) => {
            println!("{}", report.vacancy);
            print(lang, Label::VacancyBestCandidates, &report.candidates, Label::VacancyNoCandidates);
            print(lang, Label::CommonNearMisses, &report.near_misses, Label::CommonNone);
        }
    })
}
