#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Normalises a job title to ESCO occupations.
//!
//! `cargo run --release --example normalize -- --esco DIR [--lang nl] [-k 5] "heftruckchauffeur"`

use std::process::ExitCode;

use werkmatch::adapter::esco::{OccupationNormalizer, Taxonomy};

fn main() -> ExitCode {
    let mut dir = None;
    let mut lang: Option<String> = None;
    let mut k = 5usize;
    let mut titles = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--esco" => dir = args.next(),
            "--lang" => lang = args.next(),
            "-k" => k = args.next().and_then(|v| v.parse().ok()).unwrap_or(5),
            "-h" | "--help" => {
                println!("usage: normalize --esco DIR [--lang LANG] [-k N] TITLE...");
                return ExitCode::SUCCESS;
            }
            _ => titles.push(a),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: normalize --esco DIR [--lang LANG] [-k N] TITLE...");
        return ExitCode::from(2);
    };
    let taxonomy = match Taxonomy::load(&dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let normalizer = match &lang {
        Some(l) => OccupationNormalizer::with_languages(&taxonomy, &[l.as_str()]),
        None => OccupationNormalizer::new(&taxonomy),
    };
    for title in &titles {
        println!("{title}");
        for (rank, m) in normalizer.search(title, k).iter().enumerate() {
            let name = taxonomy
                .occupation_by_id(m.occupation)
                .and_then(|o| o.labels.get("en").or_else(|| o.labels.values().next()))
                .map_or("", |l| l.preferred.as_str());
            println!("  {}. {} {:.3}  {} (matched {:?})  {}", rank + 1, m.isco, m.confidence, name, m.label, m.uri);
        }
    }
    ExitCode::SUCCESS
}
