#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Writes a synthetic population as FORMAT.md JSON Lines.
//!
//! ```text
//! cargo run --release --example generate -- --scale groningen --seed 1 --out /tmp/pop
//! cargo run --release --example generate -- --seekers 1000 --vacancies 2000 --employers 500 --seed 7 --out /tmp/small
//! ```

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use werkmatch::adapter::jsonl::write_jsonl;
use werkmatch::adapter::synthetic::{generate, generate_audit, GeneratorConfig, Region, MAX_RECORDS};

const HELP: &str = "\
generate: write a synthetic population (seekers, vacancies, employers) as JSON Lines

USAGE:
    cargo run --release --example generate -- [OPTIONS] --out DIR

OPTIONS:
    --out DIR          directory to write seekers.jsonl, vacancies.jsonl, employers.jsonl (created if absent)
    --scale NAME       preset: `groningen` (10,356 seekers, 20,000 vacancies, 5,000 employers in the
                       Groningen labour-market region; the default) or `national` (400,000 / 250,000 /
                       60,000 over the Netherlands)
    --seekers N        number of jobseekers (overrides the preset)
    --vacancies N      number of vacancies (overrides the preset)
    --employers N      number of employers without a vacancy (overrides the preset)
    --seed S           seed (a u64, default 0); the same seed and counts give the same files
    --audit FILE       also write the audit attributes to FILE (JSON Lines, by seeker id: age band,
                       gender, migration background, years on assistance; for the fairness report
                       only, never scored; the shares are testing assumptions, not measured facts)
    -h, --help         show this help

Exit status: 0 on success, 1 when writing fails, 2 on a usage error.";

struct Args {
    out: PathBuf,
    config: GeneratorConfig,
    audit: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1).collect()) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("error: {msg}\nRun with --help for usage.");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(1)
        }
    }
}

fn parse(argv: Vec<String>) -> Result<Option<Args>, String> {
    let mut out = None;
    let mut region = Region::Groningen;
    let (mut seekers, mut vacancies, mut employers) = (None, None, None);
    let mut seed = 0u64;
    let mut audit = None;
    let mut it = argv.into_iter();
    while let Some(flag) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--scale" => {
                let v = value("--scale")?;
                region =
                    Region::parse(&v).map_err(|_| format!("--scale must be `groningen` or `national`, not `{v}`"))?;
            }
            "--seekers" => seekers = Some(count("--seekers", &value("--seekers")?)?),
            "--vacancies" => vacancies = Some(count("--vacancies", &value("--vacancies")?)?),
            "--employers" => employers = Some(count("--employers", &value("--employers")?)?),
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed must be a whole number from 0 to {}, not `{v}`", u64::MAX))?;
            }
            "--audit" => audit = Some(PathBuf::from(value("--audit")?)),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("--out DIR is required (the directory to write the files to)")?;
    if out.as_os_str().is_empty() {
        return Err("--out is empty: give the directory to write the files to".to_string());
    }
    if out.exists() && !out.is_dir() {
        return Err(format!("--out {}: exists and is not a directory", out.display()));
    }
    let preset = match region {
        Region::Netherlands => GeneratorConfig::national(seed),
        _ => GeneratorConfig::groningen(seed),
    };
    let mut b = preset.to_builder();
    if let Some(n) = seekers {
        b = b.seekers(n);
    }
    if let Some(n) = vacancies {
        b = b.vacancies(n);
    }
    if let Some(n) = employers {
        b = b.employers(n);
    }
    let config = b.build().map_err(|e| e.to_string())?;
    Ok(Some(Args { out, config, audit }))
}

fn count(flag: &str, v: &str) -> Result<usize, String> {
    match v.parse::<usize>() {
        Ok(n) if n <= MAX_RECORDS => Ok(n),
        _ => Err(format!("{flag} must be a whole number from 0 to {MAX_RECORDS}, not `{v}`")),
    }
}

fn run(args: &Args) -> Result<(), String> {
    let c = &args.config;
    std::fs::create_dir_all(&args.out).map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let t = Instant::now();
    let pop = generate(c);
    let generated = t.elapsed();
    let t = Instant::now();
    write(&args.out.join("seekers.jsonl"), &pop.seekers)?;
    write(&args.out.join("vacancies.jsonl"), &pop.vacancies)?;
    write(&args.out.join("employers.jsonl"), &pop.employers)?;
    if let Some(path) = &args.audit {
        write(path, &generate_audit(c))?;
    }
    eprintln!(
        "{} region, seed {}: {} seekers, {} vacancies, {} employers generated in {:.2?}, written to {} in {:.2?}",
        c.region().name(),
        c.seed(),
        pop.seekers.len(),
        pop.vacancies.len(),
        pop.employers.len(),
        generated,
        args.out.display(),
        t.elapsed()
    );
    Ok(())
}

fn write<T: serde::Serialize>(path: &Path, records: &[T]) -> Result<(), String> {
    let file = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    write_jsonl(BufWriter::new(file), records).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}
