//! `bench --import [--esco DIR]`: JobPosting import with normalisation and
//! text extraction on (issue 12: ≥ 20,000 postings/s), alone in the process.
//!
//! The input is generated (`bench/postings.rs`: published shapes, no
//! `occupationalCategory`, so every title goes through the title
//! normaliser, two free-text skill phrases through the skill normaliser,
//! hours and start times from `workHours` and HTML descriptions). Its
//! vocabulary decides the number, since the readers remember every answer:
//!
//! - with `--esco DIR`: the real taxonomy; titles drawn from the 15,463
//!   JobBERT development titles (`<testsets>/jobbert_titles/titles.csv`,
//!   about 15,000 distinct in 100,000 postings) and skill phrases from the
//!   skill-span development files (`<testsets>/skill_spans/*.csv`);
//!   `--testsets` defaults to `DIR/../../testsets` (the layout of
//!   `../shared/data`);
//! - without: a taxonomy written from the synthetic generator's vocabulary
//!   (73 occupations, their skills) into a temporary directory and loaded
//!   like an export, titles made from its job titles (a dozen variants
//!   each, and some that name no occupation), skill phrases from its
//!   skills. Runs everywhere; its title search is far cheaper than ESCO's,
//!   so it measures the reader, not the real search.
//!
//! Keys: `import_postings_per_s` (wall, all threads: the target),
//! `import_postings_per_s_1t` (the plain one-posting-at-a-time path on the
//! calling thread), their wall and process CPU seconds, `threads`,
//! `import_distinct_titles`, `import_distinct_skills`, what was accepted,
//! rejected, warned about and derived from text, and `import_identical`: the
//! two paths gave the same records, rejections, warnings and counts (or the
//! bench exits 1). Each read starts with fresh normalisers (empty memos);
//! building them is `import_setup_s`, not in the read's time. The fastest of
//! `runs` counts for each path (the paths alternate, so both see the same
//! spells of a busy machine).

use std::path::{Path, PathBuf};
use std::time::Instant;

use werkmatch::adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch::adapter::jobposting::read_jobpostings;
use werkmatch::adapter::occupation_catalogue::{synthetic, SyntheticLabels};
use werkmatch::adapter::postcode::PostcodeTable;
use werkmatch::adapter::{ConceptLabels, Loaded};
use werkmatch::rank::Executor;
use werkmatch::Vacancy;

use super::postings::{document, esco_vocabulary, import_options, postcode_rows, Generated, Vocabulary};
use crate::cpu::process_cpu_s;

/// What `bench --import` was asked for.
pub struct ImportArgs {
    /// The ESCO export directory (else the synthetic taxonomy).
    pub esco: Option<PathBuf>,
    /// Where the JobBERT titles and skill spans are (default: `esco/../../testsets`).
    pub testsets: Option<PathBuf>,
    /// Postings to generate.
    pub postings: usize,
    /// Seed of the generated postings.
    pub seed: u64,
    /// Reads per path; the fastest counts.
    pub runs: usize,
    /// Also write the generated document here (for `import --kind jobposting`, or perf).
    pub write_postings: Option<PathBuf>,
}

/// Writes the synthetic vocabulary as an ESCO-format export (Dutch labels) into `dir`.
fn write_synthetic_export(dir: &Path) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{}: {e}", dir.display());
    let csv_err = |e: csv::Error| format!("{}: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(io)?;
    let catalogue = synthetic();
    let mut occ = csv::Writer::from_path(dir.join("occupations_nl.csv")).map_err(csv_err)?;
    let mut rel = csv::Writer::from_path(dir.join("occupationSkillRelations.csv")).map_err(csv_err)?;
    let mut skills = csv::Writer::from_path(dir.join("skills_nl.csv")).map_err(csv_err)?;
    occ.write_record(["conceptUri", "iscoGroup", "preferredLabel"]).map_err(csv_err)?;
    rel.write_record(["occupationUri", "relationType", "skillType", "skillUri"]).map_err(csv_err)?;
    skills.write_record(["conceptUri", "preferredLabel"]).map_err(csv_err)?;
    let mut seen = std::collections::BTreeSet::new();
    for o in catalogue.occupations() {
        let title = SyntheticLabels.label(&o.id, "nl").unwrap_or(&o.id);
        occ.write_record([o.id.as_str(), o.isco.as_str(), title]).map_err(csv_err)?;
        for s in &o.essential {
            rel.write_record([o.id.as_str(), "essential", "skill/competence", s.as_str()]).map_err(csv_err)?;
            if seen.insert(s.clone()) {
                skills.write_record([s.as_str(), SyntheticLabels.label(s, "nl").unwrap_or(s)]).map_err(csv_err)?;
            }
        }
    }
    for w in [&mut occ, &mut rel, &mut skills] {
        w.flush().map_err(io)?;
    }
    Ok(())
}

/// Titles and skill phrases made from the synthetic vocabulary.
fn synthetic_vocabulary() -> Vocabulary {
    let catalogue = synthetic();
    let mut titles = Vec::new();
    let mut skills = Vec::new();
    for o in catalogue.occupations() {
        let t = SyntheticLabels.label(&o.id, "nl").unwrap_or(&o.id);
        let l = t.to_lowercase();
        titles.extend([
            t.to_string(),
            format!("{t} (m/v)"),
            format!("{t} m/v/x"),
            format!("Ervaren {l}"),
            format!("Junior {l}"),
            format!("Allround {l}"),
            format!("{t} 24-32 uur"),
            format!("{t} regio Groningen"),
            format!("{t} &amp; meer"),
            format!("Vacature: {t}"),
            format!("{t} fulltime"),
            format!("Enthousiaste {l} gezocht"),
        ]);
        for s in &o.essential {
            let words = SyntheticLabels.label(s, "nl").unwrap_or(s);
            skills.extend([words.to_string(), format!("ervaring met {words}")]);
        }
    }
    // Published titles that name no occupation.
    titles.extend(
        ["Collega gezocht!", "Word jij onze nieuwe held?", "Vakantiewerk", "Bijbaan", "Open sollicitatie"]
            .map(String::from),
    );
    skills.sort();
    skills.dedup();
    Vocabulary { titles, skills }
}

/// What one read produced, as text: identical texts mean identical outcomes.
fn fingerprint(loaded: &Loaded<Vacancy>) -> Vec<String> {
    let mut out = vec![format!("read {}", loaded.read)];
    out.extend(loaded.accepted.iter().map(|v| serde_json::to_string(v).unwrap_or_default()));
    out.extend(loaded.rejected.iter().map(|e| format!("rejected {e}")));
    out.extend(loaded.warnings.iter().map(|e| format!("warning {e}")));
    out.extend(loaded.derived.iter().map(|d| format!("derived {d:?}")));
    out
}

/// The best (wall, cpu) of a path and its last outcome.
struct Path1 {
    wall: f64,
    cpu: Option<f64>,
    outcome: Option<Vec<String>>,
}

/// Runs the import benchmark; `Err` is a usage or data problem (exit 2).
pub fn run(args: &ImportArgs, peak_rss_mb: fn() -> Option<f64>) -> Result<serde_json::Value, String> {
    let t = Instant::now();
    let (taxonomy, vocab, source) = match &args.esco {
        Some(dir) => {
            let testsets = match &args.testsets {
                Some(t) => t.clone(),
                None => dir.join("../../testsets"),
            };
            let vocab = esco_vocabulary(&testsets).map_err(|e| format!("{e} (give --testsets DIR)"))?;
            let t = Taxonomy::load(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let tag = t.version().tag.clone();
            (t, vocab, tag)
        }
        None => {
            let dir = std::env::temp_dir().join(format!("werkmatch-bench-import-{}", std::process::id()));
            write_synthetic_export(&dir)?;
            let t = Taxonomy::load(&dir).map_err(|e| format!("{}: {e}", dir.display()));
            let _ = std::fs::remove_dir_all(&dir);
            (t?, synthetic_vocabulary(), "synthetic".to_string())
        }
    };
    let load_s = t.elapsed().as_secs_f64();
    let generated: Generated = document(&vocab, args.postings, args.seed);
    if let Some(path) = &args.write_postings {
        std::fs::write(path, &generated.text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let table = PostcodeTable::read(postcode_rows().as_bytes(), None).map_err(|e| e.to_string())?;
    let mut setup_s: f64 = 0.0;
    let mut read = |exec: Executor<'_>| {
        let t = Instant::now();
        let titles = OccupationNormaliser::new(&taxonomy);
        let skills = SkillNormaliser::new(&taxonomy);
        setup_s = setup_s.max(t.elapsed().as_secs_f64());
        let opts = import_options(&table, &taxonomy, &titles, &skills, exec);
        let cpu = process_cpu_s();
        let t = Instant::now();
        let loaded = read_jobpostings(&generated.text, None, &opts).unwrap_or_else(|e| panic!("collect mode: {e}"));
        let wall = t.elapsed().as_secs_f64();
        (wall, process_cpu_s().zip(cpu).map(|(b, a)| b - a), loaded)
    };
    let mut plain = Path1 { wall: f64::INFINITY, cpu: None, outcome: None };
    let mut parallel = Path1 { wall: f64::INFINITY, cpu: None, outcome: None };
    let mut counts = serde_json::Value::Null;
    for _ in 0..args.runs.max(1) {
        for (path, exec) in [(&mut plain, Executor::CurrentThread), (&mut parallel, Executor::Global)] {
            let (wall, cpu, loaded) = read(exec);
            if wall < path.wall {
                (path.wall, path.cpu) = (wall, cpu);
            }
            counts = serde_json::json!({
                "accepted": loaded.accepted.len(),
                "rejected": loaded.rejected.len(),
                "warnings": loaded.warnings.len(),
                "derived": loaded.derived.iter().map(|d| (format!("{}<-{}", d.field, d.source), d.records)).collect::<std::collections::BTreeMap<_, _>>(),
            });
            path.outcome = Some(fingerprint(&loaded));
        }
    }
    let identical = plain.outcome == parallel.outcome;
    let n = generated.postings as f64;
    Ok(serde_json::json!({
        "import_taxonomy": source,
        "import_occupations": taxonomy.occupations().len(),
        "import_postings": generated.postings,
        "import_bytes": generated.text.len(),
        "import_distinct_titles": generated.distinct_titles,
        "import_distinct_skills": generated.distinct_skills,
        "threads": rayon::current_num_threads(),
        "import_runs": args.runs.max(1),
        "import_load_s": load_s,
        "import_setup_s": setup_s,
        "import_s": parallel.wall,
        "import_cpu_s": parallel.cpu,
        "import_postings_per_s": n / parallel.wall,
        "import_s_1t": plain.wall,
        "import_cpu_s_1t": plain.cpu,
        "import_postings_per_s_1t": n / plain.wall,
        "import_parallel_speedup": plain.wall / parallel.wall,
        "import_outcome": counts,
        "import_identical": identical,
        "import_peak_rss_mb": peak_rss_mb(),
    }))
}
