//! Converts a feed to FORMAT.md JSON Lines: a municipal CSV export (seekers,
//! vacancies, employers) through a column mapping, a jobhunter's employer
//! list (leads), or schema.org JobPostings in JSON-LD.
//!
//! ```sh
//! cargo run --release --example import -- --kind seekers --input fixtures/feeds/seekers_nl.csv \
//!     --postcodes fixtures/feeds/postcodes_groningen.txt --out /tmp/seekers.jsonl
//! cargo run --release --example import -- --kind jobposting --input fixtures/feeds/jobpostings.jsonld \
//!     --postcodes ../shared/data/geo/geonames_postalcodes_NL.txt --default-sector N --out /tmp/vacancies.jsonl
//! ```
//!
//! Prints the summary on stdout; every rejected record (file:line, field,
//! value, reason), every warning (a location outside the Netherlands …) and
//! the fields derived from text (a start time read from a posting's
//! description …) on stderr. Exit code 0 when every record was accepted, 1
//! when some were rejected or the input holds no records (the accepted ones
//! are still written), 2 on a usage error (found before anything is read).
//!
//! With `--esco`, free-text titles and skill phrases are normalised (a
//! phrase without a confident skill is a warning and left out, unless
//! `--keep-unmapped-skills`). JobPostings are converted on `--threads`
//! threads (default: one per core), with the same output for any number.
//! A progress bar shows on a terminal once the import has taken two
//! seconds; in a pipe nothing is drawn.
//!
//! English by default, like `match` (a batch tool whose output goes to logs);
//! `--lang nl` gives the summary and the bad-input messages in Dutch.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/checks.rs"]
mod checks;
#[path = "common/cli.rs"]
mod cli;
#[path = "common/progress.rs"]
mod progress;

use std::fs::File;
use std::io::{BufWriter, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget};
use serde::Serialize;
use werkmatch::adapter::csv_export::{read_csv_file, CsvRecord, Mapping};
use werkmatch::adapter::feed::Progress;
use werkmatch::adapter::jobposting::read_jobpostings_file;
use werkmatch::adapter::jsonl::write_jsonl;
use werkmatch::adapter::leads::read_leads_file;
use werkmatch::adapter::ReadOptions;
use werkmatch::adapter::{ErrorKind, Loaded, OnError};
use werkmatch::rank::Executor;
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};
use werkmatch::{Employer, Jobseeker, Nace, Vacancy};

/// What the input holds.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Kind {
    /// Jobseekers, CSV export.
    Seekers,
    /// Vacancies, CSV export.
    Vacancies,
    /// Employers without a vacancy, CSV export.
    Employers,
    /// A jobhunter's employer list (KvK, SBI), CSV.
    Leads,
    /// schema.org JobPosting, JSON-LD.
    Jobposting,
}

/// Convert a feed into FORMAT.md JSON Lines.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Args {
    /// What the input holds.
    #[arg(long, value_enum)]
    kind: Kind,
    /// The input file.
    #[arg(long)]
    input: PathBuf,
    #[command(flatten)]
    reference: cli::InputFlags,
    /// Threads that convert JobPostings (default: one per core); the output is the same for any number.
    #[arg(long, value_parser = checks::positive)]
    threads: Option<usize>,
    /// Sector (NACE letter) for JobPostings without `industry`: an explicit
    /// choice; without it such a posting has no sector (scored as unknown).
    #[arg(long)]
    default_sector: Option<char>,
    /// Where to write the JSON Lines.
    #[arg(long)]
    out: PathBuf,
    /// Language of the summary and messages: en (English) or nl (Nederlands).
    #[arg(long, default_value_t = Lang::En)]
    lang: Lang,
}

fn usage(msg: impl AsRef<str>, lang: Lang) -> ExitCode {
    eprintln!("{}", Label::CommonError.text_with(lang, &[("message", &msg.as_ref())]));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang;
    // Usage errors before any work: nothing is loaded or written.
    if let Err(msg) = checks::input(&args.input).and_then(|()| checks::output(&args.out, &[&args.input])) {
        return usage(msg, lang);
    }
    let default_sector = match args.default_sector.map(Nace::from_letter) {
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => return usage(Label::ImportDefaultSector.text(lang), lang),
        None => None,
    };
    // The mapping, the postcode table and, with an ESCO export, the resolver
    // of ESCO URIs and the normalisers of free-text titles and skill phrases.
    let readers = match args.reference.readers(OnError::Collect, lang) {
        Ok(r) => r,
        Err(msg) => return usage(msg, lang),
    };
    let mapping = match (&readers.mapping, args.kind) {
        (Some(m), _) => m.clone(),
        (None, Kind::Leads) => Mapping::dutch_leads(),
        (None, _) => Mapping::dutch_default(),
    };
    let pool = match args.threads {
        Some(n) if n > 1 => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(p) => Some(p),
            Err(e) => return usage(format!("--threads {n}: {e}"), lang),
        },
        _ => None,
    };
    let executor = match (&pool, args.threads) {
        (Some(p), _) => Executor::Pool(p),
        (None, Some(1)) => Executor::CurrentThread,
        (None, _) => Executor::Global,
    };
    let started = Instant::now();
    let bar = progress_bar(&args.input, lang);
    let progress = |p: Progress| {
        // Drawn only on a terminal, and only once the import takes a while.
        if started.elapsed().as_secs() >= 2 && std::io::stderr().is_terminal() && bar.is_hidden() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.set_message(
            Label::ImportProgress.text_with(lang, &[("records", &p.records), ("mb", &(p.bytes / 1_000_000))]),
        );
        bar.set_position(p.bytes);
    };
    let mut builder = readers.options;
    builder.progress(&progress).executor(executor);
    if let Some(s) = default_sector {
        builder.default_sector(s);
    }
    let opts = match builder.build() {
        Ok(o) => o,
        Err(e) => return usage(e.text(lang), lang),
    };
    let input = args.input.as_path();
    let result = match args.kind {
        Kind::Seekers => csv::<Jobseeker>(input, &mapping, &opts, &args.out, lang),
        Kind::Vacancies => csv::<Vacancy>(input, &mapping, &opts, &args.out, lang),
        Kind::Employers => csv::<Employer>(input, &mapping, &opts, &args.out, lang),
        Kind::Leads => finish(input, read_leads_file(input, &mapping, &opts), &args.out, lang),
        Kind::Jobposting => finish(input, read_jobpostings_file(input, &opts), &args.out, lang),
    };
    bar.finish_and_clear();
    let seconds = Decimal::new(started.elapsed().as_secs_f64(), 2);
    match result {
        Ok(counts) => {
            let summary = Label::ImportSummary.text_with(
                lang,
                &[
                    ("file", &Verbatim(input.display())),
                    ("read", &counts.read),
                    ("accepted", &counts.accepted),
                    ("rejected", &counts.rejected),
                    ("seconds", &seconds),
                    ("out", &Verbatim(args.out.display())),
                ],
            );
            println!("{summary}");
            if counts.rejected > 0 || counts.empty {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(msg) => usage(msg, lang),
    }
}

/// A bar over the input's bytes, hidden until the progress callback shows it.
fn progress_bar(input: &Path, lang: Lang) -> ProgressBar {
    let len = std::fs::metadata(input).map(|m| m.len()).unwrap_or(0);
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    bar.set_style(progress::style(32, progress::BYTES));
    bar.set_message(Label::ImportProgress.text_with(lang, &[("records", &0), ("mb", &0)]));
    bar
}

/// What a conversion read, accepted and rejected, and whether the input held no records.
struct Counts {
    read: u64,
    accepted: usize,
    rejected: usize,
    empty: bool,
}

fn csv<T: CsvRecord + Serialize>(
    input: &Path,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
    out: &Path,
    lang: Lang,
) -> Result<Counts, String> {
    finish(input, read_csv_file::<T>(input, mapping, opts), out, lang)
}

/// Writes the accepted records, prints the rejected ones, the warnings and
/// what was derived from text (stderr); returns the counts.
fn finish<T: Serialize>(
    input: &Path,
    loaded: werkmatch::adapter::Result<Loaded<T>>,
    out: &Path,
    lang: Lang,
) -> Result<Counts, String> {
    let loaded = loaded.map_err(|e| {
        if e.kind() == ErrorKind::Config && e.reason().starts_with("this feed has postcodes") {
            format!("{}\n{}", e.text(lang), Label::ImportGeonamesHint.text(lang))
        } else {
            e.text(lang)
        }
    })?;
    let cannot_write = |e: std::io::Error| format!("{}: {e}", out.display());
    let file = File::create(out).map_err(cannot_write)?;
    write_jsonl(BufWriter::new(file), &loaded.accepted).map_err(cannot_write)?;
    {
        use std::io::Write;
        // Buffered: an import can reject tens of thousands of records.
        let mut err = BufWriter::new(std::io::stderr().lock());
        for e in &loaded.rejected {
            let _ = writeln!(err, "{} [{}]", Label::InputRejected.text_with(lang, &[("error", e)]), e.kind().name());
        }
        let _ = err.flush();
    }
    let empty = checks::report_notes(input, &loaded);
    if loaded.rejected.iter().any(|e| e.kind() == ErrorKind::Config) {
        let hint = Label::ImportGeonamesHint.text(lang);
        eprintln!("{}", Label::CommonNote.text_with(lang, &[("message", &hint)]));
    }
    Ok(Counts { read: loaded.read, accepted: loaded.accepted.len(), rejected: loaded.rejected.len(), empty })
}
