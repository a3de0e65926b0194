#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Measures title normalisation on a labelled CSV (`,vacancyTitle,conceptUri`).
//!
//! `cargo run --release --example eval_titles -- --esco DIR --titles CSV [--lang en]`
//!
//! Prints one JSON object: `n`, `top1`, `top5`, `mrr` (reciprocal rank within
//! the top 10, 0 beyond) and `titles_per_sec` (one thread, search only).
//! Titles whose concept is not in the taxonomy count as misses and are also
//! reported as `unknown_concepts`.

use std::process::ExitCode;
use std::time::Instant;

use werkmatch::adapter::esco::{OccupationNormalizer, Taxonomy};

fn main() -> ExitCode {
    let mut dir = None;
    let mut titles_path = None;
    let mut lang: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--esco" => dir = args.next(),
            "--titles" => titles_path = args.next(),
            "--lang" => lang = args.next(),
            _ => {
                eprintln!("unknown argument {a:?}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(dir), Some(titles_path)) = (dir, titles_path) else {
        eprintln!("usage: eval_titles --esco DIR --titles CSV [--lang LANG]");
        return ExitCode::from(2);
    };
    match run(&dir, &titles_path, lang.as_deref()) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &str, titles_path: &str, lang: Option<&str>) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let t0 = Instant::now();
    let taxonomy = Taxonomy::load(dir)?;
    let load_s = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let normalizer = match lang {
        Some(l) => OccupationNormalizer::with_languages(&taxonomy, &[l]),
        None => OccupationNormalizer::new(&taxonomy),
    };
    let index_s = t1.elapsed().as_secs_f64();

    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(titles_path)?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name).ok_or(format!("no column {name:?}"));
    let (ti, ci) = (col("vacancyTitle")?, col("conceptUri")?);
    let mut cases = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        cases.push((rec.get(ti).unwrap_or("").to_string(), rec.get(ci).unwrap_or("").to_string()));
    }

    let (mut top1, mut top5, mut rr, mut unknown) = (0u64, 0u64, 0.0f64, 0u64);
    let t2 = Instant::now();
    for (title, uri) in &cases {
        if taxonomy.occupation(uri).is_none() {
            unknown += 1;
        }
        let hits = normalizer.search(title, 10);
        if let Some(rank) = hits.iter().position(|m| m.uri == uri) {
            top1 += u64::from(rank == 0);
            top5 += u64::from(rank < 5);
            rr += 1.0 / (rank as f64 + 1.0);
        }
    }
    let search_s = t2.elapsed().as_secs_f64();
    let n = cases.len().max(1) as f64;
    Ok(serde_json::json!({
        "n": cases.len(),
        "top1": top1 as f64 / n,
        "top5": top5 as f64 / n,
        "mrr": rr / n,
        "titles_per_sec": cases.len() as f64 / search_s.max(1e-9),
        "unknown_concepts": unknown,
        "load_seconds": load_s,
        "index_seconds": index_s,
        "esco_version": taxonomy.version().tag,
    }))
}
