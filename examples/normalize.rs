#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Normalises job titles to ESCO occupations, or skill phrases to ESCO skills, with confidence.
//!
//! ```text
//! normalize --esco DIR [--lang nl] [-k 5] [--json] TITLE...
//! normalize --esco DIR --skills [-k 5] [--json] PHRASE...
//! ```
//!
//! For each text: the `k` best candidates with their confidence, and whether
//! the best one is used (`mapped`) or not (`unmapped`: below the documented
//! threshold, `OccupationNormaliser::MIN_CONFIDENCE` or
//! `SkillNormaliser::MIN_CONFIDENCE`). `--json` prints one JSON object per
//! text instead: `{"text", "mapped": URI or null, "min_confidence", "candidates": [{"uri", "label", "name", "confidence"}]}`
//! (`label`: the label that matched; `name`: the concept's preferred label, Dutch where ESCO has one).

use std::process::ExitCode;

use werkmatch::adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};

const USAGE: &str = "usage: normalize --esco DIR [--skills] [--lang LANG] [-k N] [--json] TEXT...\n\
    Maps job titles (or, with --skills, skill phrases) to ESCO concepts with a confidence.";

struct Row {
    uri: String,
    label: String,
    extra: String,
    confidence: f64,
}

fn main() -> ExitCode {
    let mut dir = None;
    let mut lang: Option<String> = None;
    let mut k = 5usize;
    let mut skills = false;
    let mut json = false;
    let mut texts = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--esco" => dir = args.next(),
            "--lang" => lang = args.next(),
            "--skills" => skills = true,
            "--json" => json = true,
            "-k" => match args.next().and_then(|v| v.parse::<usize>().ok()).filter(|&k| k > 0) {
                Some(v) => k = v,
                None => {
                    eprintln!("-k wants a positive number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("unknown option {s:?}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => texts.push(a),
        }
    }
    let Some(dir) = dir else {
        eprintln!("--esco DIR is required\n{USAGE}");
        return ExitCode::from(2);
    };
    if texts.is_empty() {
        eprintln!("no text to normalise\n{USAGE}");
        return ExitCode::from(2);
    }
    if skills && lang.is_some() {
        eprintln!("--lang applies to titles only\n{USAGE}");
        return ExitCode::from(2);
    }
    let taxonomy = match Taxonomy::load(&dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let name = |uri: &str| taxonomy.label_of(uri, "nl").unwrap_or("").to_string();
    let (min, results): (f64, Vec<Vec<Row>>) = if skills {
        let n = SkillNormaliser::new(&taxonomy);
        let rows = texts
            .iter()
            .map(|t| {
                n.search(t, k)
                    .into_iter()
                    .map(|m| Row {
                        uri: m.uri.to_string(),
                        label: m.label.to_string(),
                        extra: String::new(),
                        confidence: m.confidence,
                    })
                    .collect()
            })
            .collect();
        (SkillNormaliser::MIN_CONFIDENCE, rows)
    } else {
        let n = match &lang {
            Some(l) => OccupationNormaliser::with_languages(&taxonomy, &[l.as_str()]),
            None => OccupationNormaliser::new(&taxonomy),
        };
        let rows = texts
            .iter()
            .map(|t| {
                n.search(t, k)
                    .into_iter()
                    .map(|m| Row {
                        uri: m.uri.to_string(),
                        label: m.label.to_string(),
                        extra: m.isco.to_string(),
                        confidence: m.confidence,
                    })
                    .collect()
            })
            .collect();
        (OccupationNormaliser::MIN_CONFIDENCE, rows)
    };
    for (text, rows) in texts.iter().zip(&results) {
        let mapped = rows.first().filter(|r| r.confidence >= min).map(|r| r.uri.clone());
        if json {
            let candidates: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    serde_json::json!({"uri": r.uri, "label": r.label, "name": name(&r.uri), "confidence": r.confidence})
                })
                .collect();
            let v =
                serde_json::json!({"text": text, "mapped": mapped, "min_confidence": min, "candidates": candidates});
            println!("{v}");
            continue;
        }
        match &mapped {
            Some(_) => println!("{text}: mapped"),
            None => println!("{text}: unmapped (no candidate with confidence ≥ {min:.2})"),
        }
        for (rank, r) in rows.iter().enumerate() {
            let extra = if r.extra.is_empty() { String::new() } else { format!("{} ", r.extra) };
            println!("  {}. {extra}{:.3}  {} (matched {:?})  {}", rank + 1, r.confidence, name(&r.uri), r.label, r.uri);
        }
    }
    ExitCode::SUCCESS
}
