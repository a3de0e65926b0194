#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Measures title normalisation on a labelled CSV (`,vacancyTitle,conceptUri`).
//!
//! `cargo run --release --example eval_titles -- --esco DIR --titles CSV [--lang en] [--split even|odd|all] [--passes N] [--misses]`
//!
//! Prints one JSON object: `n`, `top1`, `top5`, `mrr` (reciprocal rank within
//! the top 10, 0 beyond) and `titles_per_sec` (one thread, search only; with
//! `--passes N` the median of N timed passes over the same titles).
//! `at_min_confidence` gives the share of titles whose first candidate reaches
//! [`OccupationNormaliser::MIN_CONFIDENCE`] (`coverage`: these titles get an
//! occupation), the top-1 accuracy among them (`precision`) and the share whose
//! first candidate is in the right ISCO-08 unit group (`isco_precision`, what the
//! matching score uses); `curve` the same
//! at thresholds 0.20, 0.25, …, 0.95.
//! Titles whose concept is not in the taxonomy count as misses and are also
//! reported as `unknown_concepts`.
//!
//! `--misses` lists on stderr every title whose concept is not ranked first: its
//! rank within the first 100 (`-` beyond), the first three candidates and their
//! confidences.
//!
//! `--split even` keeps the rows with an even 0-based data-row index, `odd`
//! the others. Tuning decisions are made on `even` only; `odd` is held out to
//! check that they generalise.
//!
//! Numbers on the JobBERT dev set (`titles.csv`, 15,463 titles, ESCO v1.1.1,
//! one thread on a shared 2-core machine, median of 3 passes; speed varies
//! with machine load):
//!
//! | labels | split | top-1 | top-5 | MRR | titles/s |
//! |---|---|---|---|---|---|
//! | en + nl (default) | even (tuned on) | 0.317 | 0.526 | 0.406 | ~4,600–5,300 |
//! | en + nl (default) | odd (held out) | 0.311 | 0.521 | 0.399 | ~4,600–5,300 |
//! | en + nl (default) | all | 0.314 | 0.524 | 0.402 | ~5,000 |
//!
//! (Before label compounds needed their modifier in the title, prepositional
//! qualifiers and qualifier weight 0.3: 0.403 / 0.396; before ad-word rewriting, level words, the teacher/armed-forces/common-word rules
//! and 250 rerank candidates: 0.389 / 0.383; before the manager rule, skill words and
//! ad noise words: 0.370 / 0.368; before Snowball stems and 100 rerank candidates:
//! 0.361 / 0.360; see docs/NORMALISATION.md.)
//!
//! For reference, a plain TF-IDF character n-gram cosine over the English
//! labels reaches MRR 0.32, top-5 0.42 on this data.

use std::process::ExitCode;
use std::time::Instant;

use werkmatch::adapter::esco::{OccupationNormaliser, Taxonomy};

const USAGE: &str =
    "usage: eval_titles --esco DIR --titles CSV [--lang LANG] [--split even|odd|all] [--passes N] [--misses]";

#[derive(Clone, Copy)]
enum Split {
    All,
    Even,
    Odd,
}

impl Split {
    fn keeps(self, row: usize) -> bool {
        match self {
            Split::All => true,
            Split::Even => row % 2 == 0,
            Split::Odd => row % 2 == 1,
        }
    }
}

fn main() -> ExitCode {
    let mut dir = None;
    let mut titles_path = None;
    let mut lang: Option<String> = None;
    let mut split = Split::All;
    let mut passes = 1usize;
    let mut misses = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--esco" => dir = args.next(),
            "--titles" => titles_path = args.next(),
            "--lang" => lang = args.next(),
            "--split" => {
                split = match args.next().as_deref() {
                    Some("all") => Split::All,
                    Some("even") => Split::Even,
                    Some("odd") => Split::Odd,
                    other => {
                        eprintln!("--split wants even, odd or all, not {other:?}\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--passes" => match args.next().and_then(|v| v.parse::<usize>().ok()).filter(|&p| p > 0) {
                Some(p) => passes = p,
                None => {
                    eprintln!("--passes wants a positive number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--misses" => misses = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => {
                eprintln!("unknown argument {a:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(dir), Some(titles_path)) = (dir, titles_path) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(&dir, &titles_path, lang.as_deref(), split, passes, misses) {
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

fn run(
    dir: &str,
    titles_path: &str,
    lang: Option<&str>,
    split: Split,
    passes: usize,
    misses: bool,
) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let t0 = Instant::now();
    let taxonomy = Taxonomy::load(dir)?;
    let load_s = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let normaliser = match lang {
        Some(l) => OccupationNormaliser::with_languages(&taxonomy, &[l]),
        None => OccupationNormaliser::new(&taxonomy),
    };
    let index_s = t1.elapsed().as_secs_f64();

    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(titles_path)?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name).ok_or(format!("no column {name:?}"));
    let (ti, ci) = (col("vacancyTitle")?, col("conceptUri")?);
    let mut cases = Vec::new();
    for (row, rec) in rdr.records().enumerate() {
        let rec = rec?;
        if split.keeps(row) {
            cases.push((rec.get(ti).unwrap_or("").to_string(), rec.get(ci).unwrap_or("").to_string()));
        }
    }

    let (mut top1, mut top5, mut rr, mut unknown) = (0u64, 0u64, 0.0f64, 0u64);
    // (confidence of the first candidate, whether it is right, whether its ISCO group is), for the coverage/precision curve.
    let mut firsts: Vec<(f64, bool, bool)> = Vec::with_capacity(cases.len());
    let mut speeds = Vec::with_capacity(passes);
    for pass in 0..passes {
        let t2 = Instant::now();
        for (title, uri) in &cases {
            let hits = normaliser.search(title, if misses { 100 } else { 10 });
            if pass > 0 {
                continue;
            }
            if taxonomy.occupation(uri).is_none() {
                unknown += 1;
            }
            let found = hits.iter().position(|m| m.uri == uri);
            let want_isco = taxonomy.occupation(uri).map(|o| o.isco);
            let first = hits.first();
            firsts.push((
                first.map_or(0.0, |m| m.confidence),
                found == Some(0),
                first.is_some_and(|m| Some(m.isco) == want_isco),
            ));
            if misses && found != Some(0) {
                let name = |u: &str| {
                    let o = taxonomy.occupation(u);
                    o.and_then(|o| o.labels.get("en")).map_or(String::new(), |l| l.preferred.clone())
                };
                let got: Vec<String> = hits
                    .iter()
                    .take(3)
                    .map(|m| format!("{} ({:?} {:.2})", name(m.uri), m.label, m.confidence))
                    .collect();
                let want = found.and_then(|r| hits.get(r)).map_or(String::new(), |m| format!(" {:.2}", m.confidence));
                let rank = found.map_or("-".to_string(), |r| (r + 1).to_string());
                eprintln!("{title:?}\trank {rank}\twant {:?}{want}\tgot {}", name(uri), got.join(" | "));
            }
            let found = found.filter(|&r| r < 10);
            if let Some(rank) = found {
                top1 += u64::from(rank == 0);
                top5 += u64::from(rank < 5);
                rr += 1.0 / (rank as f64 + 1.0);
            }
        }
        speeds.push(cases.len() as f64 / t2.elapsed().as_secs_f64().max(1e-9));
    }
    speeds.sort_by(f64::total_cmp);
    let n = cases.len().max(1) as f64;
    let at = |t: f64| {
        let kept: Vec<&(f64, bool, bool)> = firsts.iter().filter(|f| f.0 >= t).collect();
        let share = |ok: fn(&(f64, bool, bool)) -> bool| {
            kept.iter().filter(|f| ok(f)).count() as f64 / kept.len().max(1) as f64
        };
        serde_json::json!({
            "threshold": t,
            "coverage": kept.len() as f64 / n,
            "precision": share(|f| f.1),
            "isco_precision": share(|f| f.2),
        })
    };
    let curve: Vec<serde_json::Value> = (4..=19).map(|i| at(f64::from(i * 5) / 100.0)).collect();
    Ok(serde_json::json!({
        "n": cases.len(),
        "at_min_confidence": at(OccupationNormaliser::MIN_CONFIDENCE),
        "curve": curve,
        "top1": top1 as f64 / n,
        "top5": top5 as f64 / n,
        "mrr": rr / n,
        "titles_per_sec": speeds.get(speeds.len() / 2).copied().unwrap_or(0.0),
        "unknown_concepts": unknown,
        "load_seconds": load_s,
        "index_seconds": index_s,
        "esco_version": taxonomy.version().tag,
    }))
}
