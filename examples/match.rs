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
//! Exit code 0 on success; 1 on bad input: the rejected records are listed
//! (file:line, field, value, reason) and the accepted ones are still matched
//! and written, unless `--strict` stops at the first; 2 on a usage error.
//!
//! The summary and the messages are English by default: this is the batch
//! tool that application managers run and log; `--lang nl` gives Dutch.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/cli.rs"]
mod cli;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use werkmatch::adapter::input::Inputs;
use werkmatch::adapter::jsonl;
use werkmatch::adapter::OnError;
use werkmatch::rank::{Direction, Executor, KernelStats, Matcher, RankOptions, Ranking, Records};
use werkmatch::score::{self, KnockOut, ScoringConfig};
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};
use werkmatch::{Employer, Jobseeker, Vacancy};

use cli::{accept, InputFlags};

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
    /// Matches per seeker / per vacancy.
    #[arg(long, default_value_t = 10)]
    top: usize,
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

fn bar(len: u64, msg: String) -> ProgressBar {
    // indicatif draws only on a terminal, so logs and tests stay clean.
    let pb = ProgressBar::new(len);
    pb.set_style(
        ProgressStyle::with_template("{msg:<24} [{bar:30}] {pos}/{len} {elapsed_precise} ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    pb.set_message(msg);
    pb
}

/// Ranks subjects in chunks (ascending id, so the output order is kept) to drive the progress bar.
fn chunked<T: Sync>(
    subjects: &[T],
    msg: String,
    rank: impl Fn(&[T]) -> (Vec<Ranking>, KernelStats),
) -> (Vec<Ranking>, KernelStats) {
    let pb = bar(subjects.len() as u64, msg);
    let mut all = Vec::with_capacity(subjects.len());
    let mut stats = KernelStats::default();
    for chunk in subjects.chunks(2048) {
        let (r, s) = rank(chunk);
        all.extend(r);
        stats += s;
        pb.inc(chunk.len() as u64);
    }
    pb.finish_and_clear();
    (all, stats)
}

/// Knock-out reasons over an evenly spaced sample of seekers against all vacancies (at most ~2M pairs).
fn knockout_sample(cfg: &ScoringConfig, seekers: &[Jobseeker], vacancies: &[Vacancy]) -> (u64, [u64; 8]) {
    if vacancies.is_empty() || seekers.is_empty() {
        return (0, [0; 8]);
    }
    let want = (2_000_000 / vacancies.len()).clamp(1, seekers.len());
    let step = seekers.len().div_ceil(want);
    let sample: Vec<&Jobseeker> = seekers.iter().step_by(step).collect();
    let counts = sample
        .par_iter()
        .map(|s| {
            let mut c = [0u64; 8];
            for v in vacancies {
                for k in score::knockouts(cfg, s, v).iter() {
                    c[k as usize] += 1;
                }
            }
            c
        })
        .reduce(
            || [0; 8],
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

fn run(args: &Args, inputs: &Inputs<'_>) -> Result<usize, String> {
    let lang = args.lang;
    let t0 = Instant::now();
    let mut rejected = 0;
    let mut seekers: Vec<Jobseeker> = accept(&args.seekers, inputs.seekers(&args.seekers), &mut rejected, lang)?;
    let mut vacancies: Vec<Vacancy> = match &args.vacancies {
        Some(p) => accept(p, inputs.vacancies(p), &mut rejected, lang)?,
        None => Vec::new(),
    };
    let mut employers: Vec<Employer> = match &args.employers {
        Some(p) => accept(p, inputs.employers(p), &mut rejected, lang)?,
        None => Vec::new(),
    };
    // Subjects in ascending id: chunks then come out in output order.
    seekers.sort_by(|a, b| a.id.cmp(&b.id));
    vacancies.sort_by(|a, b| a.id.cmp(&b.id));
    employers.sort_by(|a, b| a.id.cmp(&b.id));
    let t_read = t0.elapsed();

    let t1 = Instant::now();
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(args.top).with_min_score(args.min_score).map_err(|e| e.to_string())?;
    let matcher = Matcher::builder()
        .config(cfg.clone())
        .seekers(&seekers)
        .vacancies(&vacancies)
        .employers(&employers)
        .build()
        .map_err(|e| Label::MatchPreparing.text_with(lang, &[("error", &e)]))?;
    let exec = Executor::Global;
    let mut stats = KernelStats::default();
    let mut runs: Vec<(Direction, Vec<Ranking>)> = Vec::new();
    if args.vacancies.is_some() {
        let msg = Label::MatchProgressSeekersVacancies.text(lang);
        let (r, s) = chunked(&seekers, msg, |c| matcher.seeker_to_vacancies(c, &opts, exec));
        stats += s;
        runs.push((Direction::SeekerToVacancies, r));
        // One batch: the vacancy → seekers kernel works over all seekers at once.
        let pb = bar(1, Label::MatchProgressVacanciesSeekers.text(lang));
        let (r, s) = matcher.vacancy_to_seekers(&vacancies, &opts, exec);
        pb.finish_and_clear();
        stats += s;
        runs.push((Direction::VacancyToSeekers, r));
    }
    if args.employers.is_some() {
        let msg = Label::MatchProgressSeekersEmployers.text(lang);
        let (r, s) = chunked(&seekers, msg, |c| matcher.seeker_to_employers(c, &opts, exec));
        stats += s;
        runs.push((Direction::SeekerToEmployers, r));
    }
    let t_rank = t1.elapsed();

    let t2 = Instant::now();
    let out_file = Verbatim(args.out.display());
    let io_error =
        |label: Label, e: std::io::Error| label.text_with(lang, &[("file", &out_file), ("error", &Verbatim(e))]);
    let file = File::create(&args.out).map_err(|e| io_error(Label::MatchCannotCreate, e))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    // Explanations look records up by id; index them once.
    let records = Records::new(&seekers, &vacancies, &employers);
    let mut lines = 0;
    for (direction, rankings) in &runs {
        let explain = args
            .explain
            .then_some(|subject: &str, candidate: &str| matcher.explain(&records, *direction, subject, candidate));
        lines += jsonl::write_rankings(&mut out, *direction, rankings, explain)
            .map_err(|e| io_error(Label::MatchWriting, e))?;
    }
    out.flush().map_err(|e| io_error(Label::MatchWriting, e))?;
    let t_write = t2.elapsed();

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
    let inputs = match args.input.inputs(if args.strict { OnError::Stop } else { OnError::Collect }, lang) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("{}", cli::error_line(&msg, lang));
            return ExitCode::from(2);
        }
    };
    match run(&args, &inputs) {
        Ok(bad) => cli::finish(bad, lang),
        Err(msg) => {
            eprintln!("{}", cli::error_line(&msg, lang));
            ExitCode::from(1)
        }
    }
}
