//! The labour-market value scan (*arbeidsmarktwaardescan*, SCAN.md): where a
//! seeker stands, which single change opens the most work, and which other
//! occupations are within reach; or the same over a whole caseload.
//!
//! ```sh
//! # one seeker, as text (Dutch by default), and as JSON
//! cargo run --release --example scan -- --seekers fixtures/scan/seekers.jsonl \
//!     --vacancies fixtures/scan/vacancies.jsonl --employers fixtures/scan/employers.jsonl --id S-EARLY
//! # the caseload: one JSON line per seeker, and the summary
//! cargo run --release --example scan -- --seekers S.jsonl --vacancies V.jsonl --employers E.jsonl \
//!     --json scan.jsonl --summary summary.json
//! # the report as HTML: the jobcoach page with --id, the policy page without
//! cargo run --release --example scan -- --seekers S.jsonl --vacancies V.jsonl --html scan.html
//! ```
//!
//! Alternatives come from the ESCO taxonomy with `--esco DIR` (occupation ids
//! are ESCO URIs), else from the synthetic generator's vocabulary (ids
//! `synthetic:<ISCO>`).
//!
//! `--overrides FILE` (AUDIT.md section 3, read by the shared loader; ids are
//! checked against the records read): an excluded pair is never a match, a
//! hidden job, a competitor or a near match; an included pair is a match
//! (hidden job) for the seeker and every changed self and is listed in `best`
//! (`"included": true`). `--overrides-as-of DAY` sets the date `valid_until`
//! is checked against (default today, UTC). Readings in docs/SCAN.md.
//!
//! `--audit-log FILE` (with `--json`) appends one run record (AUDIT.md
//! section 1, kind `scan`: inputs with their hashes and counts, options, the
//! `--json` output's hash; no personal data, so a one-seeker scan records
//! that it was one, not whose: the id is in the output the record points to);
//! `cargo run --example audit -- replay LOG --seq N` scans again through this
//! file's code and compares.
//!
//! Exit code 0 on success, 1 on bad input, 2 on a usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/cli.rs"]
mod cli;
#[path = "common/progress.rs"]
mod progress;
#[path = "common/recorded.rs"]
mod recorded;
#[path = "common/scan_record.rs"]
mod scan_record;
#[path = "common/scan_text.rs"]
mod scan_text;

use scan_text::{change_text, print_caseload};

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget};
use werkmatch::adapter::overrides::KnownIds;
use werkmatch::adapter::{occupation_catalogue, ConceptLabels, OnError};
use werkmatch::rank::Executor;
use werkmatch::report;
use werkmatch::scan::{summarise, OccupationCatalogue, Route, ScanConfig, ScanInput, Scanner, SeekerScan};
use werkmatch::score::ScoringConfig;
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};
use werkmatch::{Employer, Jobseeker, Vacancy};

use recorded::Recorder;
use scan_record::record;
#[allow(unused_imports)] // for `audit replay`, which includes this file
pub(crate) use scan_record::rerun;
use werkmatch::audit::AuditLog;

/// Scan one seeker or a caseload against the vacancies and employers.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Jobseekers (FORMAT.md JSON Lines, or a municipal .csv export).
    #[arg(long)]
    seekers: PathBuf,
    /// Vacancies (FORMAT.md JSON Lines, JobPosting JSON-LD, or .csv).
    #[arg(long)]
    vacancies: PathBuf,
    /// Employers without a vacancy (FORMAT.md JSON Lines).
    #[arg(long)]
    employers: Option<PathBuf>,
    /// Scan only this seeker (printed as text).
    #[arg(long)]
    id: Option<String>,
    /// Write the scans as JSON Lines, one object per seeker.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Write the caseload summary as one JSON object.
    #[arg(long)]
    summary: Option<PathBuf>,
    /// Write the report as HTML (jobcoach view with --id, policy view without).
    #[arg(long)]
    html: Option<PathBuf>,
    /// Stop at the first bad input record instead of skipping bad records.
    #[arg(long)]
    strict: bool,
    /// Language of the text, the report and the messages: nl (Nederlands) or en (English).
    #[arg(long, default_value_t = Lang::Nl)]
    lang: Lang,
    #[command(flatten)]
    overrides: cli::OverrideFlags,
    #[command(flatten)]
    input: cli::InputFlags,
    #[command(flatten)]
    audit: recorded::AuditFlags,
}

fn print_seeker(s: &SeekerScan, lang: Lang, labels: Option<&dyn ConceptLabels>) {
    println!(
        "{}",
        Label::ScanTitle
            .text_with(lang, &[("id", &Verbatim(&s.seeker)), ("level", &s.level), ("education", &s.education.name())])
    );
    println!(
        "  {}",
        Label::ScanPosition.text_with(
            lang,
            &[
                ("matches", &s.matches),
                ("positions", &s.positions),
                ("share", &Decimal::new(100.0 * s.demand_share, 1)),
                ("competitive", &s.competitive),
                ("hidden", &s.hidden),
            ]
        )
    );
    let levels: Vec<String> = s.by_level.iter().map(|(l, n)| format!("{l}: {n}")).collect();
    println!("  {}", Label::ScanByLevel.text_with(lang, &[("levels", &levels.join(", "))]));
    println!();
    println!("{}", Label::ScanUnlocks.text(lang));
    if s.unlocks.is_empty() {
        println!("  {}", Label::CommonNone.text(lang));
    }
    for u in &s.unlocks {
        let what = change_text(&u.change, lang, labels);
        println!(
            "  {}",
            Label::ScanUnlock.text_with(
                lang,
                &[
                    ("change", &what.as_str()),
                    ("gained", &u.gained),
                    ("lost", &u.lost),
                    ("competitive", &u.competitive_gained),
                    ("hidden", &u.hidden_gained),
                ]
            )
        );
    }
    println!();
    println!("{}", Label::ScanAlternatives.text(lang));
    if s.alternatives.is_empty() {
        println!("  {}", Label::CommonNone.text(lang));
    }
    for a in &s.alternatives {
        let promising = if a.kansrijk { Label::ScanPromising.text(lang) } else { String::new() };
        let route = match a.route {
            Route::Direct => Label::ScanRouteDirect.text(lang),
            Route::Praktijkleren => Label::ScanRoutePraktijkleren.text(lang),
        };
        println!(
            "  {}",
            Label::ScanAlternative.text_with(
                lang,
                &[
                    ("occupation", &scan_text::name(labels, &a.occupation, lang)),
                    ("isco", &Verbatim(a.isco)),
                    ("coverage", &Decimal::new(100.0 * a.coverage, 0)),
                    ("demand", &a.demand),
                    ("promising", &promising.as_str()),
                    ("route", &route.as_str()),
                ]
            )
        );
        if !a.missing.is_empty() {
            println!(
                "    {}",
                Label::ScanMissing.text_with(lang, &[("skills", &cli::concept_names(labels, &a.missing, lang))])
            );
        }
    }
}

fn write_file(
    path: &Path,
    lang: Lang,
    f: impl FnOnce(&mut BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| {
        Label::MatchCannotCreate.text_with(lang, &[("file", &Verbatim(path.display())), ("error", &Verbatim(&e))])
    })?;
    let mut w = BufWriter::new(file);
    f(&mut w).and_then(|_| w.flush()).map_err(|e| {
        Label::MatchWriting.text_with(lang, &[("file", &Verbatim(path.display())), ("error", &Verbatim(&e))])
    })
}

fn json_line<T: serde::Serialize>(w: &mut impl Write, x: &T) -> std::io::Result<()> {
    serde_json::to_writer(&mut *w, x).map_err(std::io::Error::other)?;
    writeln!(w)
}

/// What a scan computed; [`scanned`] is the code that a run and its replay share.
struct Scanned {
    lang: Lang,
    cfg: ScoringConfig,
    scfg: ScanConfig,
    taxonomy: Option<String>,
    scans: Vec<SeekerScan>,
    summary: werkmatch::scan::CaseloadSummary,
    seconds: f64,
    /// Labels of skills and occupations for the report (ids stay in the JSON).
    labels: &'static dyn ConceptLabels,
    /// How many overrides took effect (with `--overrides`).
    overrides_in_effect: Option<u64>,
}

fn scanned(args: &Args, bad: &mut usize, rec: &mut Recorder) -> Result<Scanned, String> {
    let lang = args.lang;
    rec.reference(&args.input)?;
    // The shared readers load the taxonomy once, with the title and skill normalisers, so the
    // scan reads free text exactly as `match` does; the catalogue comes from the same taxonomy.
    let readers = args.input.readers(if args.strict { OnError::Stop } else { OnError::Collect }, lang)?;
    let (catalogue, labels, taxonomy): (OccupationCatalogue, &'static dyn ConceptLabels, _) = match readers.taxonomy {
        Some(t) => (occupation_catalogue::from_esco(t), t, Some(format!("ESCO {}", t.version().tag))),
        None => (occupation_catalogue::synthetic(), &occupation_catalogue::SyntheticLabels, None),
    };
    let inputs = readers.build()?;
    let seekers: Vec<Jobseeker> = rec.read("seekers", &args.seekers, |p| inputs.seekers(p), bad, lang)?;
    let vacancies: Vec<Vacancy> = rec.read("vacancies", &args.vacancies, |p| inputs.vacancies(p), bad, lang)?;
    let employers: Vec<Employer> = match &args.employers {
        Some(p) => rec.read("employers", p, |p| inputs.employers(p), bad, lang)?,
        None => Vec::new(),
    };
    // Overrides name the run's ids, so they are read after the records.
    let known = KnownIds {
        seekers: Some(seekers.iter().map(|s| s.id.as_str()).collect()),
        vacancies: Some(vacancies.iter().map(|v| v.id.as_str()).collect()),
        employers: Some(employers.iter().map(|e| e.id.as_str()).collect()),
    };
    rec.input("overrides", args.overrides.overrides.as_deref())?;
    let overrides = args.overrides.load(&known)?;
    let overrides_in_effect = args.overrides.overrides.as_ref().map(|_| overrides.len() as u64);
    let cfg = ScoringConfig::default();
    let scfg = ScanConfig::default();
    let started = Instant::now();
    let scanner = Scanner::with_overrides(
        &cfg,
        &scfg,
        ScanInput::new(&seekers, &vacancies, &catalogue).with_employers(&employers),
        overrides,
        Executor::Global,
    )
    .map_err(|e| Label::ScanPreparing.text_with(lang, &[("error", &Verbatim(&e))]))?;

    let scans: Vec<SeekerScan> = match &args.id {
        Some(id) => {
            let i = scanner.position(id).ok_or_else(|| {
                let id = format!("{id:?}");
                Label::ScanNoSuchSeeker.text_with(lang, &[("id", &id), ("file", &Verbatim(args.seekers.display()))])
            })?;
            vec![scanner.scan_on(i, Executor::Global)]
        }
        None => {
            let pb = ProgressBar::with_draw_target(Some(seekers.len() as u64), ProgressDrawTarget::stderr());
            if !std::io::stderr().is_terminal() {
                pb.set_draw_target(ProgressDrawTarget::hidden());
            }
            pb.set_style(progress::style(24, progress::ITEMS));
            pb.set_message(Label::ScanProgress.text(lang));
            let all = scanner.scan_all(Executor::Global, &|| pb.inc(1));
            pb.finish_and_clear();
            all
        }
    };
    let summary = summarise(&scans, &vacancies, employers.len());
    let seconds = started.elapsed().as_secs_f64();
    drop(scanner);
    Ok(Scanned { lang, cfg, scfg, taxonomy, scans, summary, seconds, labels, overrides_in_effect })
}

fn run(args: &Args, bad: &mut usize, log: Option<&AuditLog>) -> Result<(), String> {
    let mut rec = Recorder::new(log.is_some());
    let Scanned { lang, scans, summary, seconds, cfg, scfg, taxonomy, labels, overrides_in_effect } =
        scanned(args, bad, &mut rec)?;

    match &args.id {
        Some(_) => print_seeker(&scans[0], lang, Some(labels)),
        None => {
            println!(
                "{}",
                Label::ScanCaseload.text_with(
                    lang,
                    &[
                        ("seekers", &summary.seekers),
                        ("vacancies", &summary.vacancies),
                        ("employers", &summary.employers),
                        ("seconds", &Decimal::new(seconds, 1)),
                    ]
                )
            );
            print_caseload(&summary, lang, 10, Some(labels));
        }
    }
    if let Some(path) = &args.json {
        write_file(path, lang, |w| scans.iter().try_for_each(|s| json_line(w, s)))?;
        if let Some(log) = log {
            recorded::append(log, rec.finish(record(args, &cfg, &scfg, taxonomy, overrides_in_effect), path)?)?;
        }
    }
    if let Some(path) = &args.summary {
        write_file(path, lang, |w| json_line(w, &summary))?;
    }
    if let Some(path) = &args.html {
        // The same structs as the JSON above, so the page and the JSON agree.
        let names = |id: &str| labels.label(id, lang.code()).map(str::to_owned);
        let page = match &args.id {
            Some(_) => report::scan::seeker_page(&scans[0], &names, lang),
            None => report::scan::caseload_page(&summary, &names, lang),
        };
        write_file(path, lang, |w| w.write_all(page.as_bytes()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    cli::main(
        |args: &Args| args.lang,
        |args| {
            // Usage errors before any work.
            if let Some(day) = &args.overrides.overrides_as_of {
                if let Err(e) = werkmatch::overrides::Date::parse(day) {
                    eprintln!("{}", cli::error_line(&format!("--overrides-as-of {day}: {}", e.reason()), args.lang));
                    return Ok(ExitCode::from(2));
                }
            }
            let log = match (args.audit.log(), &args.json) {
                (Ok(Some(_)), None) => Err("--audit-log records the --json output: give --json FILE too".to_string()),
                (log, _) => log,
            };
            let log = match log {
                Ok(log) => log,
                Err(msg) => {
                    eprintln!("{}", cli::error_line(&msg, args.lang));
                    return Ok(ExitCode::from(2));
                }
            };
            let mut bad = 0;
            run(args, &mut bad, log.as_ref()).map(|()| cli::finish(bad, args.lang))
        },
    )
}
