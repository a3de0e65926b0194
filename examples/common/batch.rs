//! The batch match run, shared by `match` (which runs it) and `audit replay`
//! (which runs it again from a run record). One implementation, so a replay
//! runs exactly the code that produced the recorded output.
//! Included with `#[path]` next to `cli.rs`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use serde_json::{json, Value};
use werkmatch::adapter::input::Inputs;
use werkmatch::adapter::overrides::{read_overrides_file, KnownIds};
use werkmatch::adapter::scoring_config::read_scoring_config;
use werkmatch::adapter::{jsonl, Loaded, OnError};
use werkmatch::audit::record::now_rfc3339;
use werkmatch::audit::{InputRecord, Rerun, RunBody, RunKind};
use werkmatch::overrides::{self, Date, Overrides};
use werkmatch::rank::overridden::{self, ListedRanking};
use werkmatch::rank::{Direction, Executor, KernelStats, Matcher, RankOptions, Ranking};
use werkmatch::score::{self, ScoringConfig};
use werkmatch::text::{Catalogue, Label, Lang, Message};
use werkmatch::{Employer, Jobseeker, Vacancy};

use super::checks::noted;
use super::cli::InputFlags;
use super::recorded::{body, counts, hashed, Ran, Recorded};

pub use super::recorded::scoring_hash;

/// What to run: everything a run record must hold to run it again.
#[derive(Clone, Debug)]
pub struct BatchSpec {
    pub seekers: PathBuf,
    pub vacancies: Option<PathBuf>,
    pub employers: Option<PathBuf>,
    pub top: usize,
    pub min_score: f64,
    pub explain: bool,
    pub strict: bool,
    /// Scoring configuration file (TOML); `None`: the SCORING.md defaults.
    pub config: Option<PathBuf>,
    /// Human overrides (JSON Lines, AUDIT.md section 3).
    pub overrides: Option<PathBuf>,
    /// The date the overrides' `valid_until` is checked against (`YYYY-MM-DD`); `None`: today (UTC).
    pub overrides_as_of: Option<String>,
    pub input: InputFlags,
    /// Sector (NACE letter) stamped on JobPostings without `industry`: an
    /// explicit choice of the user (`--default-sector`), recorded for replay.
    pub default_sector: Option<char>,
    /// Language of the messages.
    pub lang: Lang,
}

/// A ranked batch, ready to write.
pub struct Batch {
    pub cfg: ScoringConfig,
    pub seekers: Vec<Jobseeker>,
    pub vacancies: Vec<Vacancy>,
    pub employers: Vec<Employer>,
    pub runs: Vec<(Direction, Vec<Ranking>)>,
    /// With an overrides file: the same rankings with the overrides applied (what is written).
    pub listed: Option<Vec<(Direction, Vec<ListedRanking>)>>,
    pub overrides: Overrides,
    /// The date the overrides were resolved on.
    pub overrides_as_of: Option<String>,
    pub stats: KernelStats,
    /// Every input as it was before reading (role, path, size, hash, counts).
    pub inputs: Vec<InputRecord>,
    pub taxonomy: Option<String>,
    /// Rejected records over all inputs.
    pub rejected: usize,
    pub t_read: Duration,
    pub t_rank: Duration,
}

/// The scoring configuration of a spec: its file, or the defaults.
pub fn scoring(spec: &BatchSpec) -> Result<ScoringConfig, String> {
    match &spec.config {
        Some(p) => read_scoring_config(p).map_err(|e| format!("scoring configuration: {e}")),
        None => Ok(ScoringConfig::default()),
    }
}

fn bar(len: u64, msg: String, progress: bool) -> ProgressBar {
    if !progress {
        return ProgressBar::hidden();
    }
    // indicatif draws only on a terminal, so logs and tests stay clean.
    let pb = ProgressBar::new(len);
    pb.set_style(crate::progress::style(24, crate::progress::ITEMS));
    pb.set_message(msg);
    pb
}

/// Ranks subjects in chunks (ascending id, so the output order is kept) to drive the progress bar.
fn chunked<T: Sync>(
    subjects: &[T],
    msg: String,
    progress: bool,
    rank: impl Fn(&[T]) -> (Vec<Ranking>, KernelStats),
) -> (Vec<Ranking>, KernelStats) {
    let pb = bar(subjects.len() as u64, msg, progress);
    let mut all = Vec::with_capacity(subjects.len());
    let mut stats = KernelStats::default();
    for chunk in subjects.chunks(2048) {
        let (r, s) = rank(chunk);
        all.extend(r);
        stats += s;
        pb.inc(chunk.len() as u64);
    }
    pb.finish_and_clear();
    (all, stats)
}

/// Keeps the accepted records, lists the rejected ones on stderr, and fills in the input's counts.
fn accept<T>(
    path: &Path,
    loaded: werkmatch::adapter::Result<Loaded<T>>,
    bad: &mut usize,
    record: &mut InputRecord,
    lang: Lang,
) -> Result<Vec<T>, String> {
    let loaded = loaded.map_err(|e| format!("{}\n{}", e.text(lang), Label::InputStrictHint.text(lang)))?;
    record.counts = Some(counts(&loaded));
    super::cli::accept(path, Ok(loaded), bad, lang)
}

/// The settings read before any record: configuration and reference data.
pub struct Setup {
    pub cfg: ScoringConfig,
    pub readers: Inputs<'static>,
    pub taxonomy: Option<String>,
    /// The configuration and reference-data inputs, hashed before they were read.
    pub inputs: Vec<InputRecord>,
}

/// Reads the configuration and the reference data; a failure here is a usage
/// error (exit 2), found before any record is read.
pub fn setup(spec: &BatchSpec) -> Result<Setup, String> {
    let mut inputs = Vec::new();
    // Reference data and configuration first: they shape how the records read.
    for (role, path) in [
        ("config", &spec.config),
        ("overrides", &spec.overrides),
        ("mapping", &spec.input.mapping),
        ("postcodes", &spec.input.postcodes),
        ("esco", &spec.input.esco),
    ] {
        if let Some(p) = path {
            inputs.push(hashed(role, p)?);
        }
    }
    let cfg = scoring(spec)?;
    let mut readers = spec.input.readers(if spec.strict { OnError::Stop } else { OnError::Collect }, spec.lang)?;
    match spec.default_sector.map(werkmatch::Nace::from_letter) {
        Some(Ok(n)) => {
            readers.options.default_sector(n);
        }
        Some(Err(_)) => return Err("--default-sector must be a NACE letter A–U".to_string()),
        None => {}
    }
    Ok(Setup { cfg, taxonomy: readers.taxonomy_tag(), readers: readers.build()?, inputs })
}

/// Reads the records and ranks every direction for which input is given.
pub fn rank_batch(spec: &BatchSpec, setup: Setup, progress: bool) -> Result<Batch, String> {
    let t0 = Instant::now();
    let Setup { cfg, readers, taxonomy, mut inputs } = setup;
    let lang = spec.lang;
    let mut rejected = 0;
    let mut rec = hashed("seekers", &spec.seekers)?;
    let mut seekers: Vec<Jobseeker> = accept(
        &spec.seekers,
        noted(&spec.seekers, readers.seekers(&spec.seekers), &mut rejected),
        &mut rejected,
        &mut rec,
        lang,
    )?;
    inputs.push(rec);
    let mut vacancies: Vec<Vacancy> = Vec::new();
    if let Some(p) = &spec.vacancies {
        let mut rec = hashed("vacancies", p)?;
        vacancies = accept(p, noted(p, readers.vacancies(p), &mut rejected), &mut rejected, &mut rec, lang)?;
        inputs.push(rec);
    }
    let mut employers: Vec<Employer> = Vec::new();
    if let Some(p) = &spec.employers {
        let mut rec = hashed("employers", p)?;
        employers = accept(p, noted(p, readers.employers(p), &mut rejected), &mut rejected, &mut rec, lang)?;
        inputs.push(rec);
    }
    // Subjects in ascending id: chunks then come out in output order.
    seekers.sort_by(|a, b| a.id.cmp(&b.id));
    vacancies.sort_by(|a, b| a.id.cmp(&b.id));
    employers.sort_by(|a, b| a.id.cmp(&b.id));
    let t_read = t0.elapsed();

    let t1 = Instant::now();
    let opts = RankOptions::top(spec.top).with_min_score(spec.min_score).map_err(|e| e.to_string())?;
    let matcher = Matcher::builder()
        .config(cfg.clone())
        .seekers(&seekers)
        .vacancies(&vacancies)
        .employers(&employers)
        .build()
        .map_err(|e| Label::MatchPreparing.text_with(lang, &[("error", &e)]))?;
    let exec = Executor::Global;
    let mut stats = KernelStats::default();
    let mut runs: Vec<(Direction, Vec<Ranking>)> = Vec::new();
    if spec.vacancies.is_some() {
        let (r, s) = chunked(&seekers, Label::MatchProgressSeekersVacancies.text(lang), progress, |c| {
            matcher.seeker_to_vacancies(c, &opts, exec)
        });
        stats += s;
        runs.push((Direction::SeekerToVacancies, r));
        // One batch: the vacancy → seekers kernel works over all seekers at once.
        let pb = bar(1, Label::MatchProgressVacanciesSeekers.text(lang), progress);
        let (r, s) = matcher.vacancy_to_seekers(&vacancies, &opts, exec);
        pb.finish_and_clear();
        stats += s;
        runs.push((Direction::VacancyToSeekers, r));
    }
    if spec.employers.is_some() {
        let (r, s) = chunked(&seekers, Label::MatchProgressSeekersEmployers.text(lang), progress, |c| {
            matcher.seeker_to_employers(c, &opts, exec)
        });
        stats += s;
        runs.push((Direction::SeekerToEmployers, r));
    }
    // Overrides name the run's ids, so they are read after the records.
    let (mut overrides, mut listed, mut as_of) = (Overrides::none(), None, None);
    if let Some(path) = &spec.overrides {
        let day = spec.overrides_as_of.clone().unwrap_or_else(|| now_rfc3339()[..10].to_string());
        let today = Date::parse(&day).map_err(|e| format!("--overrides-as-of {day}: {}", e.reason()))?;
        let known = KnownIds {
            seekers: Some(seekers.iter().map(|s| s.id.as_str()).collect()),
            vacancies: Some(vacancies.iter().map(|v| v.id.as_str()).collect()),
            employers: Some(employers.iter().map(|e| e.id.as_str()).collect()),
        };
        let decisions = read_overrides_file(path, &known).map_err(|e| e.to_string())?;
        overrides = Overrides::new(decisions, today);
        let mut l = Vec::new();
        for (direction, _) in &runs {
            let r = match direction {
                Direction::SeekerToVacancies => {
                    overridden::seeker_to_vacancies(&matcher, &cfg, &overrides, &seekers, &vacancies, &opts, exec)
                }
                Direction::VacancyToSeekers => {
                    overridden::vacancy_to_seekers(&matcher, &cfg, &overrides, &vacancies, &seekers, &opts, exec)
                }
                Direction::SeekerToEmployers => {
                    overridden::seeker_to_employers(&matcher, &cfg, &overrides, &seekers, &employers, &opts, exec)
                }
                // Only the three directions above are ranked here.
                _ => continue,
            };
            l.push((*direction, r));
        }
        runs = l.iter().map(|(d, r)| (*d, r.iter().map(ListedRanking::to_ranking).collect())).collect();
        listed = Some(l);
        as_of = Some(day);
    }
    drop(matcher);
    let t_rank = t1.elapsed();
    Ok(Batch {
        cfg,
        seekers,
        vacancies,
        employers,
        runs,
        listed,
        overrides,
        overrides_as_of: as_of,
        stats,
        inputs,
        taxonomy,
        rejected,
        t_read,
        t_rank,
    })
}

/// Writes `matches.jsonl`; returns the number of lines.
pub fn write_batch(batch: &Batch, explain: bool, out: &mut impl Write) -> io::Result<u64> {
    let cfg = &batch.cfg;
    // Explanations look records up by id; index them once.
    let s_by_id: HashMap<&str, &Jobseeker> = batch.seekers.iter().map(|s| (s.id.as_str(), s)).collect();
    let v_by_id: HashMap<&str, &Vacancy> = batch.vacancies.iter().map(|v| (v.id.as_str(), v)).collect();
    let e_by_id: HashMap<&str, &Employer> = batch.employers.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut lines = 0;
    if let Some(listed) = &batch.listed {
        let ov = &batch.overrides;
        for (direction, rankings) in listed {
            let explain = explain.then_some(|subject: &str, candidate: &str| match direction {
                Direction::SeekerToVacancies => {
                    Some(overrides::explain(cfg, ov, s_by_id.get(subject)?, v_by_id.get(candidate)?))
                }
                Direction::VacancyToSeekers => {
                    Some(overrides::explain(cfg, ov, s_by_id.get(candidate)?, v_by_id.get(subject)?))
                }
                Direction::SeekerToEmployers => {
                    overrides::explain_employer(cfg, ov, s_by_id.get(subject)?, e_by_id.get(candidate)?)
                }
                _ => None,
            });
            lines += jsonl::write_listed_rankings(out, *direction, rankings, explain)?;
        }
        return Ok(lines);
    }
    for (direction, rankings) in &batch.runs {
        let explain = explain.then_some(|subject: &str, candidate: &str| match direction {
            Direction::SeekerToVacancies => Some(score::explain(cfg, s_by_id.get(subject)?, v_by_id.get(candidate)?)),
            Direction::VacancyToSeekers => Some(score::explain(cfg, s_by_id.get(candidate)?, v_by_id.get(subject)?)),
            Direction::SeekerToEmployers => {
                score::explain_employer(cfg, s_by_id.get(subject)?, e_by_id.get(candidate)?)
            }
            _ => None,
        });
        lines += jsonl::write_rankings(out, *direction, rankings, explain)?;
    }
    Ok(lines)
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::SeekerToVacancies => "seeker_to_vacancies",
        Direction::VacancyToSeekers => "vacancy_to_seekers",
        Direction::SeekerToEmployers => "seeker_to_employers",
        _ => "other",
    }
}

/// The run record's body for a finished batch written to `out`.
pub fn record_body(
    spec: &BatchSpec,
    batch: &Batch,
    out: &Path,
    started: String,
    finished: String,
) -> Result<RunBody, String> {
    let directions: Vec<&str> = batch.runs.iter().map(|(d, _)| direction_name(*d)).collect();
    let ran = Ran {
        kind: RunKind::Match,
        cfg: &batch.cfg,
        taxonomy: batch.taxonomy.clone(),
        options: json!({
            "k": spec.top,
            "min_score": spec.min_score,
            "directions": directions,
            "explain": spec.explain,
            "strict": spec.strict,
            "default_sector": spec.default_sector.map(String::from),
            "keep_unmapped_skills": spec.input.keep_unmapped_skills,
            "overrides_as_of": batch.overrides_as_of,
        }),
        overrides_in_effect: spec.overrides.as_ref().map(|_| batch.overrides.len() as u64),
    };
    body(ran, batch.inputs.clone(), out, started, finished)
}

/// The spec that ran a recorded `match` run.
pub fn spec_from_record(body: &RunBody) -> Result<BatchSpec, String> {
    let r = Recorded(body);
    let k = r.option("k").and_then(Value::as_u64).ok_or("the record's options have no `k`")?;
    Ok(BatchSpec {
        seekers: r.required("seekers")?,
        vacancies: r.path("vacancies"),
        employers: r.path("employers"),
        top: usize::try_from(k).map_err(|_| "`k` is too large")?,
        min_score: r.f64("min_score")?,
        explain: r.flag("explain"),
        strict: r.flag("strict"),
        config: r.path("config"),
        overrides: r.path("overrides"),
        overrides_as_of: r.str("overrides_as_of"),
        input: r.input_flags(),
        default_sector: r.str("default_sector").and_then(|s| s.chars().next()),
        lang: Lang::En,
    })
}

/// Runs a recorded `match` run again (for `werkmatch::audit::replay::replay`).
pub fn rerun(body: &RunBody) -> Result<Rerun, String> {
    let spec = spec_from_record(body)?;
    let setup = setup(&spec)?;
    let scoring_hash = scoring_hash(&setup.cfg)?;
    let ranked = rank_batch(&spec, setup, true)?;
    let mut output = Vec::new();
    write_batch(&ranked, spec.explain, &mut output).map_err(|e| format!("replaying: {e}"))?;
    Ok(Rerun { scoring_hash, output })
}
