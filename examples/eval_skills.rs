#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Measures skill-phrase normalisation on a labelled CSV (columns `span` and `label`).
//!
//! `cargo run --release --example eval_skills -- --esco DIR --spans FILE [--passes N] [--misses]`
//!
//! `label` is an ESCO skill preferred label; rows labelled `LABEL NOT PRESENT`
//! or `UNDERSPECIFIED` are left out. Prints one JSON line: `n`, `top1`,
//! `top5`, `mrr` (reciprocal rank within the first 10, 0 beyond) and
//! `phrases_per_sec` (one thread, search only; with `--passes N` the median of
//! N timed passes). Also `at_min_confidence`: the share of phrases whose first
//! candidate reaches [`SkillNormaliser::MIN_CONFIDENCE`] (`coverage`: these are
//! mapped, the others reported as unmapped) and its top-1 accuracy among them
//! (`precision`); `curve`: the same at 0.20, 0.25, …, 0.95. `--misses` lists on stderr every phrase whose skill is not
//! ranked first (for looking at the development data only).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use werkmatch::adapter::esco::eval::{read_labelled, RankMetrics};
use werkmatch::adapter::esco::{SkillNormaliser, Taxonomy};

const USAGE: &str = "usage: eval_skills --esco DIR --spans CSV [--passes N] [--misses]";

fn main() -> ExitCode {
    let mut dir = None;
    let mut spans = None;
    let mut passes = 1usize;
    let mut misses = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--esco" => dir = args.next(),
            "--spans" => spans = args.next(),
            "--passes" => match args.next().and_then(|v| v.parse::<usize>().ok()).filter(|&p| p > 0) {
                Some(p) => passes = p,
                None => {
                    eprintln!("--passes wants a positive number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--misses" => misses = true,
            "-h" | "--help" => {
                println!("Measures how well skill phrases are normalised to ESCO skills.\n{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => {
                eprintln!("unknown argument {a:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(dir), Some(spans)) = (dir, spans) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(Path::new(&dir), Path::new(&spans), passes, misses) {
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

fn run(dir: &Path, spans: &Path, passes: usize, misses: bool) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let taxonomy = Taxonomy::load(dir)?;
    let normaliser = SkillNormaliser::new(&taxonomy);
    let cases = read_labelled(spans, "span", "label")?;
    if cases.is_empty() {
        return Err(format!("{}: no labelled spans", spans.display()).into());
    }
    let mut ranks = Vec::with_capacity(cases.len());
    // (confidence of the first candidate, whether it is right), for the coverage/precision curve.
    let mut firsts: Vec<(f64, bool)> = Vec::with_capacity(cases.len());
    let mut unknown = 0usize;
    let mut speeds = Vec::with_capacity(passes);
    for pass in 0..passes {
        let t = Instant::now();
        for c in &cases {
            let hits = normaliser.search(&c.phrase, 10);
            if pass > 0 {
                continue;
            }
            let want = taxonomy.skills_with_preferred_label(&c.answer);
            if want.is_empty() {
                unknown += 1;
            }
            let rank = hits.iter().position(|m| want.contains(&m.skill));
            if misses && rank != Some(0) {
                let got: Vec<String> =
                    hits.iter().take(3).map(|m| format!("{:?} {:.2}", m.label, m.confidence)).collect();
                eprintln!("{:?}\trank {rank:?}\twant {:?}\tgot {}", c.phrase, c.answer, got.join(" | "));
            }
            ranks.push(rank);
            firsts.push((hits.first().map_or(0.0, |m| m.confidence), rank == Some(0)));
        }
        speeds.push(cases.len() as f64 / t.elapsed().as_secs_f64().max(1e-9));
    }
    speeds.sort_by(f64::total_cmp);
    let m = RankMetrics::from_ranks(&ranks);
    let at = |t: f64| {
        let kept: Vec<bool> = firsts.iter().filter(|f| f.0 >= t).map(|f| f.1).collect();
        serde_json::json!({
            "threshold": t,
            "coverage": kept.len() as f64 / firsts.len().max(1) as f64,
            "precision": kept.iter().filter(|&&ok| ok).count() as f64 / kept.len().max(1) as f64,
        })
    };
    let curve: Vec<serde_json::Value> = (4..=19).map(|i| at(f64::from(i * 5) / 100.0)).collect();
    Ok(serde_json::json!({
        "n": m.n,
        "top1": m.top1,
        "top5": m.top5,
        "mrr": m.mrr,
        "phrases_per_sec": speeds.get(speeds.len() / 2).copied().unwrap_or(0.0),
        "unknown_labels": unknown,
        "at_min_confidence": at(SkillNormaliser::MIN_CONFIDENCE),
        "curve": curve,
    }))
}
