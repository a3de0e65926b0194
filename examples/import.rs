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
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/checks.rs"]
mod checks;

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use serde::Serialize;
use werkmatch::adapter::csv_export::{read_csv_file, CsvRecord, Mapping};
use werkmatch::adapter::esco::{OccupationNormalizer, Taxonomy};
use werkmatch::adapter::feed::{FeedOptions, Progress};
use werkmatch::adapter::jobposting::read_jobpostings_file;
use werkmatch::adapter::jsonl::write_jsonl;
use werkmatch::adapter::leads::read_leads_file;
use werkmatch::adapter::postcode::PostcodeTable;
use werkmatch::adapter::{ErrorKind, Loaded, OnError};
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
    /// Column mapping (TOML, or JSON when the name ends in .json); default: the Dutch mapping.
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// Postcode table in the GeoNames postal-code format (needed when the input has postcodes).
    #[arg(long)]
    postcodes: Option<PathBuf>,
    /// ESCO taxonomy directory (to resolve ESCO URIs and free-text titles).
    #[arg(long)]
    esco: Option<PathBuf>,
    /// Sector (NACE letter) for JobPostings without `industry`: an explicit
    /// choice; without it such a posting has no sector (scored as unknown).
    #[arg(long)]
    default_sector: Option<char>,
    /// Where to write the JSON Lines.
    #[arg(long)]
    out: PathBuf,
}

const GEONAMES_HINT: &str = "give --postcodes FILE: a postcode table in the GeoNames postal-code format, \
     e.g. ../shared/data/geo/geonames_postalcodes_NL.txt (download.geonames.org/export/zip/NL.zip)";

fn usage(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args = Args::parse();
    // Usage errors before any work: nothing is loaded or written.
    if let Err(msg) = checks::input(&args.input).and_then(|()| checks::output(&args.out, &[&args.input])) {
        return usage(msg);
    }
    // With an ESCO export, ESCO URIs resolve and free-text titles are normalised.
    let taxonomy = match &args.esco {
        Some(dir) => match Taxonomy::load(dir) {
            Ok(t) => Some(t),
            Err(e) => return usage(format!("ESCO export: {e}")),
        },
        None => None,
    };
    let normaliser = taxonomy.as_ref().map(OccupationNormalizer::new);
    let postcodes = match &args.postcodes {
        Some(p) => match PostcodeTable::read_file(p) {
            Ok(t) => Some(t),
            Err(e) => return usage(format!("postcode table: {e}")),
        },
        None => None,
    };
    let default_sector = match args.default_sector.map(Nace::from_letter) {
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => return usage("--default-sector must be a NACE letter A–U"),
        None => None,
    };
    let mapping = match (&args.mapping, args.kind) {
        (Some(p), _) => match Mapping::from_file(p) {
            Ok(m) => m,
            Err(e) => return usage(format!("mapping: {e}")),
        },
        (None, Kind::Leads) => Mapping::dutch_leads(),
        (None, _) => Mapping::dutch_default(),
    };
    let started = Instant::now();
    let mut last_report = Instant::now();
    let mut progress = |p: Progress| {
        if last_report.elapsed().as_secs() >= 2 {
            eprintln!("… {} records, {} MB", p.records, p.bytes / 1_000_000);
            last_report = Instant::now();
        }
    };
    let mut opts = FeedOptions::new().on_error(OnError::Collect).progress(&mut progress);
    if let Some(t) = &postcodes {
        opts = opts.postcodes(t);
    }
    if let Some(s) = default_sector {
        opts = opts.default_sector(s);
    }
    if let (Some(t), Some(n)) = (&taxonomy, &normaliser) {
        opts = opts.resolver(t).normaliser(n);
    }
    let input = args.input.as_path();
    let result = match args.kind {
        Kind::Seekers => csv::<Jobseeker>(input, &mapping, &mut opts, &args.out),
        Kind::Vacancies => csv::<Vacancy>(input, &mapping, &mut opts, &args.out),
        Kind::Employers => csv::<Employer>(input, &mapping, &mut opts, &args.out),
        Kind::Leads => finish(input, read_leads_file(input, &mapping, &mut opts), &args.out),
        Kind::Jobposting => finish(input, read_jobpostings_file(input, &mut opts), &args.out),
    };
    let seconds = started.elapsed().as_secs_f64();
    match result {
        Ok((summary, rejected)) => {
            println!("{}: {summary} in {seconds:.2} s; wrote {}", input.display(), args.out.display());
            if rejected > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(msg) => usage(msg),
    }
}

fn csv<T: CsvRecord + Serialize>(
    input: &Path,
    mapping: &Mapping,
    opts: &mut FeedOptions<'_>,
    out: &Path,
) -> Result<(String, usize), String> {
    finish(input, read_csv_file::<T>(input, mapping, opts), out)
}

/// Writes the accepted records, prints the rejected ones, the warnings and
/// what was derived from text (stderr); returns the summary and the count of
/// bad input (rejected records, or 1 for an input without records).
fn finish<T: Serialize>(
    input: &Path,
    loaded: werkmatch::adapter::Result<Loaded<T>>,
    out: &Path,
) -> Result<(String, usize), String> {
    let loaded = loaded.map_err(|e| {
        if e.kind() == ErrorKind::Config && e.reason().starts_with("this feed has postcodes") {
            format!("{e}\n{GEONAMES_HINT}")
        } else {
            e.to_string()
        }
    })?;
    let file = File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    write_jsonl(BufWriter::new(file), &loaded.accepted).map_err(|e| format!("{}: {e}", out.display()))?;
    for e in &loaded.rejected {
        eprintln!("rejected {} [{}]", e, e.kind().name());
    }
    let empty = checks::report_notes(input, &loaded);
    if loaded.rejected.iter().any(|e| e.kind() == ErrorKind::Config) {
        eprintln!("note: {GEONAMES_HINT}");
    }
    Ok((loaded.summary(), loaded.rejected.len() + usize::from(empty)))
}
