//! The benchmark of the hot matching path: prints one JSON object.
//!
//! ```sh
//! cargo run --release --example bench -- --scale groningen --json
//! cargo run --release --example bench -- --scale national --json
//! ```
//!
//! What is measured, all in one run on the same synthetic population (seed 2019):
//! - `kernel_s`: wall seconds of the exact kernel at all threads (rayon's global
//!   pool), top-k in every direction of the scale (Groningen: seeker→vacancies,
//!   vacancy→seekers, seeker→employers; national: the first two), index build
//!   included, the rankings freed after the clock stops; the fastest of
//!   `runs` runs (7 at Groningen scale, 1 nationally),
//!   so that a single disturbance on a shared 2-core machine does not decide;
//! - `kernel_s_1t`: the same on a one-thread pool, also the fastest of `runs`
//!   (runs at all threads and at one alternate);
//! - `reference_s`: the reference ranker on an evenly spaced sample of the
//!   subjects of each direction (`reference_sample` of them), scaled up to all
//!   subjects;
//! - `query_p50_ms`/`query_p99_ms`: one seeker against all vacancies
//!   (`top_vacancies_for`), over `queries` seekers, one thread;
//! - `peak_rss_mb`: the process's peak resident memory (VmHWM);
//! - `index_bytes_per_vacancy`: the vacancy index's bytes over its vacancies
//!   (`index_skill_entries` are the skill ids in it, 4 bytes each);
//! - `updated_vs_fresh_time`, `updated_vs_fresh_pairs`: the seeker→vacancies
//!   batch on an index updated one vacancy at a time (every 10th vacancy
//!   removed, as many new ones, from the generator with another seed, added)
//!   over the same batch on a fresh build of the same vacancies: the fastest
//!   of `runs` each, and the pairs considered (ratios ≤ 1.1 mean updates do
//!   not wear the pruning down); `update_s` is the time the updates took;
//! - `reference_checked`: the subjects of the reference sample, whose top-k
//!   the kernel must (and does, or the bench exits 1) reproduce exactly: the
//!   same ids in the same order with bit-identical scores.
//!
//! With `--plan`, the run measures the placement plans instead (and nothing
//! else, so that the peak memory is theirs): `plan_optimal_s` and
//! `plan_stable_s` are wall seconds of each plan with the candidate graph's
//! build included (L = `--limit`, default 50 at Groningen scale, 20
//! nationally; the fastest of `runs`), `plan_peak_rss_mb` the process's peak
//! memory; `--compare-limits 20,50,all` adds the optimum at other limits.
//! With `--live`, only the live index's reads and writes by phase are measured
//! (`bench/live.rs`).
//! With `--scan`, only the labour-market value scan is measured (`bench/scan.rs`:
//! `scan_caseload_s`, `scan_query_p99_ms`, `scan_peak_rss_mb`).
//!
//! With `--import [--esco DIR]`, only the JobPosting import with
//! normalisation and text extraction is measured (`bench/import.rs`:
//! `import_postings_per_s`, `import_distinct_titles`, `threads` …; what a
//! generated posting holds is in `bench/postings.rs`).
//!
//! Ratios (`speedup_vs_reference`, `parallel_speedup`) come from the same run,
//! so they do not depend on how busy the machine was across runs.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "bench/cpu.rs"]
mod cpu;
#[path = "bench/import.rs"]
mod import;
#[path = "bench/live.rs"]
mod live;
#[path = "bench/postings.rs"]
mod postings;
#[path = "bench/scan.rs"]
mod scan;

use std::time::Instant;

use clap::{Parser, ValueEnum};
use werkmatch::adapter::synthetic::{generate, GeneratorConfig, Population};
use werkmatch::plan::Limit;
use werkmatch::rank::{reference, Executor, KernelStats, Match, Matcher, RankOptions, Ranking};
use werkmatch::score::ScoringConfig;
use werkmatch::Id;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq)]
enum Scale {
    /// 10,356 seekers × 20,000 vacancies + 5,000 employers.
    Groningen,
    /// 400,000 seekers × 250,000 vacancies.
    National,
}

/// Benchmark the ranking kernel against the reference ranker.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Population size and spread.
    #[arg(long, value_enum, default_value_t = Scale::Groningen)]
    scale: Scale,
    /// Print one JSON object (the default output; kept for the documented command line).
    #[arg(long)]
    json: bool,
    /// Seed of the synthetic population.
    #[arg(long, default_value_t = 2019)]
    seed: u64,
    /// Results per subject.
    #[arg(long, default_value_t = 10, value_parser = at_least_one)]
    top: usize,
    /// Subjects per direction timed with the reference ranker.
    #[arg(long)]
    reference_sample: Option<usize>,
    /// Seekers timed one by one for the query latency.
    #[arg(long, default_value_t = 1000)]
    queries: usize,
    /// Skip the one-thread run (it takes twice as long as the rest).
    #[arg(long)]
    skip_single_thread: bool,
    /// Benchmark only the labour-market value scan (see `bench/scan.rs`).
    #[arg(long)]
    scan: bool,
    /// With --scan: scan only every n-th seeker of the caseload (about N of them), to iterate quickly;
    /// the JSON then gives `scan_caseload_s` as null and the sample's time and a linear extrapolation.
    #[arg(long)]
    scan_sample: Option<usize>,
    /// Kernel runs per thread count; the fastest counts (default: 7 at Groningen scale, 1 nationally).
    #[arg(long)]
    runs: Option<usize>,
    /// Measure the placement plans instead of the kernel.
    #[arg(long)]
    plan: bool,
    /// Measure only the live index's reads and writes by phase (see `bench/live.rs`).
    #[arg(long)]
    live: bool,
    /// Measure only the JobPosting import with normalisation on (see `bench/import.rs`).
    #[arg(long)]
    import: bool,
    /// With --import: the ESCO export directory (default: a taxonomy made from the synthetic vocabulary).
    #[arg(long)]
    esco: Option<std::path::PathBuf>,
    /// With --import --esco: the directory with `jobbert_titles/` and `skill_spans/` (default: ESCO/../../testsets).
    #[arg(long)]
    testsets: Option<std::path::PathBuf>,
    /// With --import: postings to generate.
    #[arg(long, default_value_t = 100_000, value_parser = at_least_one)]
    import_postings: usize,
    /// With --import: also write the generated postings to this file (JSON-LD).
    #[arg(long)]
    write_postings: Option<std::path::PathBuf>,
    /// The plans' candidate limit L: a number or `all` (default: 50 at Groningen scale, 20 nationally).
    #[arg(long, value_parser = parse_limit)]
    limit: Option<Limit>,
    /// With --plan: also the optimum at these limits, e.g. `20,50,all`.
    #[arg(long, value_delimiter = ',', value_parser = parse_limit)]
    compare_limits: Vec<Limit>,
}

fn parse_limit(s: &str) -> Result<Limit, String> {
    match s {
        "all" => Ok(Limit::All),
        n => n.parse().map(Limit::Top).map_err(|_| format!("expected a number or `all`, got `{n}`")),
    }
}

#[path = "common/plan_bench.rs"]
mod plan_bench;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Seconds per stage of one kernel run: index build, then each direction.
#[derive(serde::Serialize, Default)]
struct Stages {
    build: f64,
    seeker_to_vacancies: f64,
    vacancy_to_seekers: f64,
    seeker_to_employers: Option<f64>,
}

/// Pairs considered per direction of one kernel run.
#[derive(serde::Serialize, Default)]
struct StagePairs {
    seeker_to_vacancies: u64,
    vacancy_to_seekers: u64,
    seeker_to_employers: Option<u64>,
}

/// Builds the indexes and ranks every direction of the scale; returns seconds, stages and counters.
fn run_kernel(
    cfg: &ScoringConfig,
    pop: &Population,
    opts: &RankOptions,
    exec: Executor<'_>,
    employers: bool,
) -> (f64, Stages, StagePairs, KernelStats) {
    let t = Instant::now();
    let mut stages = Stages::default();
    let mut b = Matcher::builder().config(cfg.clone()).executor(exec).vacancies(&pop.vacancies).seekers(&pop.seekers);
    if employers {
        b = b.employers(&pop.employers);
    }
    let m = b.build().unwrap_or_else(|e| panic!("generated ids are unique: {e}"));
    stages.build = t.elapsed().as_secs_f64();
    // Each direction's rankings are kept until the clock has stopped:
    // freeing them is the caller's work, not the kernel's.
    let timed = |rank: &dyn Fn() -> (Vec<Ranking>, KernelStats)| {
        let lap = Instant::now();
        let (rankings, st) = rank();
        (lap.elapsed().as_secs_f64(), rankings, st)
    };
    let (s, sv, st) = timed(&|| m.seeker_to_vacancies(&pop.seekers, opts, exec));
    stages.seeker_to_vacancies = s;
    let mut pairs = StagePairs { seeker_to_vacancies: st.pairs_considered, ..StagePairs::default() };
    let mut stats = st;
    let (s, vs, st) = timed(&|| m.vacancy_to_seekers(&pop.vacancies, opts, exec));
    (stages.vacancy_to_seekers, pairs.vacancy_to_seekers) = (s, st.pairs_considered);
    stats += st;
    let mut se = Vec::new();
    if employers {
        let (s, rankings, st) = timed(&|| m.seeker_to_employers(&pop.seekers, opts, exec));
        (stages.seeker_to_employers, pairs.seeker_to_employers, se) = (Some(s), Some(st.pairs_considered), rankings);
        stats += st;
    }
    let kernel_s = t.elapsed().as_secs_f64();
    drop((sv, vs, se, m));
    (kernel_s, stages, pairs, stats)
}

/// The update-decay measurement: (time ratio, pairs ratio, update seconds).
fn update_decay(
    cfg: &ScoringConfig,
    pop: &Population,
    gen: &GeneratorConfig,
    opts: &RankOptions,
    runs: usize,
) -> (f64, f64, f64) {
    let n = pop.vacancies.len() / 10;
    let other = GeneratorConfig::builder()
        .region(gen.region())
        .seed(gen.seed() ^ 0x5eed)
        .seekers(1)
        .vacancies(n)
        .employers(0)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let new: Vec<_> = generate(&other)
        .vacancies
        .into_iter()
        .map(|mut v| {
            v.id = Id::new(format!("new-{}", v.id)).unwrap_or_else(|e| panic!("{e}"));
            v
        })
        .collect();
    let removed: Vec<&Id> = pop.vacancies.iter().step_by(10).map(|v| &v.id).collect();
    let build = |vacancies: &[werkmatch::Vacancy]| {
        Matcher::builder()
            .config(cfg.clone())
            .vacancies(vacancies)
            .build()
            .unwrap_or_else(|e| panic!("generated ids are unique: {e}"))
    };
    let mut updated = build(&pop.vacancies);
    let t = Instant::now();
    for id in &removed {
        assert!(updated.vacancy_index_mut().remove(id.as_str()));
    }
    for v in &new {
        updated.vacancy_index_mut().add(std::slice::from_ref(v)).unwrap_or_else(|e| panic!("{e}"));
    }
    let update_s = t.elapsed().as_secs_f64();
    let mut kept: Vec<_> =
        pop.vacancies.iter().filter(|v| updated.vacancy_index().contains(v.id.as_str())).cloned().collect();
    kept.extend(new);
    let fresh = build(&kept);
    let time = |m: &Matcher| {
        let mut best = (f64::INFINITY, KernelStats::default(), Vec::new());
        for _ in 0..runs {
            let t = Instant::now();
            let (r, st) = m.seeker_to_vacancies(&pop.seekers, opts, Executor::Global);
            let s = t.elapsed().as_secs_f64();
            if s < best.0 {
                best = (s, st, r);
            }
        }
        best
    };
    let (t_fresh, st_fresh, r_fresh) = time(&fresh);
    let (t_upd, st_upd, r_upd) = time(&updated);
    if r_fresh != r_upd {
        eprintln!("bench: the updated index ranks differently from a fresh build");
        std::process::exit(1);
    }
    (t_upd / t_fresh, st_upd.pairs_considered as f64 / st_fresh.pairs_considered as f64, update_s)
}

/// Whether two top-k lists are the same ids in the same order with bit-identical scores.
fn same(a: &[Match], b: &[Match]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.id == y.id && x.score.to_bits() == y.score.to_bits())
}

fn every<T>(items: &[T], n: usize) -> Vec<&T> {
    let step = (items.len() / n.max(1)).max(1);
    items.iter().step_by(step).take(n).collect()
}

fn main() {
    let args = Args::parse();
    if args.import {
        let import_args = import::ImportArgs {
            esco: args.esco.clone(),
            testsets: args.testsets.clone(),
            postings: args.import_postings,
            seed: args.seed,
            runs: args.runs.unwrap_or(1),
            write_postings: args.write_postings.clone(),
        };
        match import::run(&import_args, peak_rss_mb) {
            Ok(out) => {
                let identical = out["import_identical"] == true;
                println!("{out}");
                if !identical {
                    eprintln!("bench: the parallel import differs from the one-posting-at-a-time import");
                    std::process::exit(1);
                }
            }
            Err(e) => {
                eprintln!("bench: {e}");
                std::process::exit(2);
            }
        }
        return;
    }
    let (gen, employers, default_sample) = match args.scale {
        Scale::Groningen => (GeneratorConfig::groningen(args.seed), true, 200),
        Scale::National => (GeneratorConfig::national(args.seed), false, 20),
    };
    let sample = args.reference_sample.unwrap_or(default_sample);
    let pop = generate(&gen);
    if args.plan {
        let limit = args.limit.unwrap_or(Limit::Top(if args.scale == Scale::Groningen { 50 } else { 20 }));
        let runs = args.runs.unwrap_or(if args.scale == Scale::Groningen { 3 } else { 1 });
        let mut out = plan_bench::run(&pop, limit, runs, &args.compare_limits, peak_rss_mb);
        out["scale"] = format!("{:?}", args.scale).to_lowercase().into();
        out["seekers"] = pop.seekers.len().into();
        out["vacancies"] = pop.vacancies.len().into();
        out["positions"] = pop.vacancies.iter().map(|v| u64::from(v.positions.get())).sum::<u64>().into();
        out["threads"] = rayon::current_num_threads().into();
        out["runs"] = runs.into();
        println!("{out}");
        return;
    }
    if args.live {
        let mut out = live::run(&pop, args.queries, peak_rss_mb);
        out["scale"] = format!("{:?}", args.scale).to_lowercase().into();
        out["seekers"] = pop.seekers.len().into();
        out["vacancies"] = pop.vacancies.len().into();
        println!("{out}");
        return;
    }
    if args.scan {
        let mut out = scan::run(&pop, employers, args.queries.min(200), args.scan_sample, peak_rss_mb);
        out["scale"] = format!("{:?}", args.scale).to_lowercase().into();
        println!("{out}");
        return;
    }
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(args.top);
    let threads = rayon::current_num_threads();

    let runs = args.runs.unwrap_or(if args.scale == Scale::Groningen { 7 } else { 1 }).max(1);
    // Runs at all threads and at one alternate, so that both see the same
    // spells of a busy machine; the fastest of each counts.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap_or_else(|e| panic!("{e}"));
    type Run = (f64, Stages, StagePairs, KernelStats);
    let keep = |best: Option<Run>, run: Run| match best {
        Some(b) if b.0 <= run.0 => Some(b),
        _ => Some(run),
    };
    let (mut all, mut single): (Option<Run>, Option<Run>) = (None, None);
    for _ in 0..runs {
        all = keep(all, run_kernel(&cfg, &pop, &opts, Executor::Global, employers));
        if !args.skip_single_thread {
            single = keep(single, run_kernel(&cfg, &pop, &opts, Executor::Pool(&pool), employers));
        }
    }
    let Some((kernel_s, stages, stage_pairs, stats)) = all else { unreachable!("runs is at least 1") };

    let kernel_s_1t = single.as_ref().map(|r| r.0);
    let stages_1t = single.map(|r| r.1);

    // The reference on a sample of each direction, scaled up to all
    // subjects; the kernel must give exactly the same top-k for each.
    let full = Matcher::builder()
        .config(cfg.clone())
        .vacancies(&pop.vacancies)
        .seekers(&pop.seekers)
        .employers(if employers { &pop.employers[..] } else { &[] })
        .build()
        .unwrap_or_else(|e| panic!("generated ids are unique: {e}"));
    let mut differ = 0usize;
    let mut checked = 0usize;
    let mut check = |kernel: Vec<Match>, want: &[Match]| {
        checked += 1;
        differ += usize::from(!same(&kernel, want));
    };
    let mut reference_s = 0.0;
    let seekers = every(&pop.seekers, sample);
    let t = Instant::now();
    let want: Vec<Vec<Match>> =
        seekers.iter().map(|s| reference::vacancies_for(&cfg, s, &pop.vacancies, &opts)).collect();
    reference_s += t.elapsed().as_secs_f64() * pop.seekers.len() as f64 / seekers.len().max(1) as f64;
    seekers.iter().zip(&want).for_each(|(s, w)| check(full.top_vacancies_for(s, &opts), w));
    let vacancies = every(&pop.vacancies, sample);
    let t = Instant::now();
    let want: Vec<Vec<Match>> =
        vacancies.iter().map(|v| reference::seekers_for(&cfg, v, &pop.seekers, &opts)).collect();
    reference_s += t.elapsed().as_secs_f64() * pop.vacancies.len() as f64 / vacancies.len().max(1) as f64;
    vacancies.iter().zip(&want).for_each(|(v, w)| check(full.top_seekers_for(v, &opts), w));
    if employers {
        let t = Instant::now();
        let want: Vec<Vec<Match>> =
            seekers.iter().map(|s| reference::employers_for(&cfg, s, &pop.employers, &opts)).collect();
        reference_s += t.elapsed().as_secs_f64() * pop.seekers.len() as f64 / seekers.len().max(1) as f64;
        seekers.iter().zip(&want).for_each(|(s, w)| check(full.top_employers_for(s, &opts), w));
    }
    drop(full);
    if differ > 0 {
        eprintln!("bench: the kernel differs from the reference for {differ} of {checked} sampled subjects");
        std::process::exit(1);
    }

    let (updated_vs_fresh_time, updated_vs_fresh_pairs, update_s) =
        update_decay(&cfg, &pop, &gen, &opts, if args.scale == Scale::Groningen { runs } else { 1 });

    // Single-query latency and the index size.
    let matcher = Matcher::builder()
        .config(cfg.clone())
        .vacancies(&pop.vacancies)
        .build()
        .unwrap_or_else(|e| panic!("generated ids are unique: {e}"));
    let mut lat: Vec<f64> = every(&pop.seekers, args.queries)
        .into_iter()
        .map(|s| {
            let t = Instant::now();
            std::hint::black_box(matcher.top_vacancies_for(s, &opts));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| lat.get(((lat.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0);
    let skill_entries: usize = pop
        .vacancies
        .iter()
        .map(|v| v.skills_essential.iter().chain(&v.skills_optional).collect::<std::collections::BTreeSet<_>>().len())
        .sum();
    let index_bytes = matcher.vacancy_index().memory_bytes();

    let out = serde_json::json!({
        "scale": format!("{:?}", args.scale).to_lowercase(),
        "seekers": pop.seekers.len(),
        "vacancies": pop.vacancies.len(),
        "employers": if employers { pop.employers.len() } else { 0 },
        "directions": if employers { 3 } else { 2 },
        "k": args.top,
        "runs": runs,
        "threads": threads,
        "pairs_considered": stats.pairs_considered,
        "pairs_scored": stats.pairs_scored,
        "kernel_s": kernel_s,
        "kernel_s_1t": kernel_s_1t,
        "kernel_stages_s": stages,
        "kernel_stages_pairs_considered": stage_pairs,
        "kernel_stages_s_1t": stages_1t,
        "reference_s": reference_s,
        "reference_sample": sample,
        "speedup_vs_reference": reference_s / kernel_s,
        "parallel_speedup": kernel_s_1t.map(|t1| t1 / kernel_s),
        "peak_rss_mb": peak_rss_mb(),
        "index_bytes_per_vacancy": index_bytes as f64 / pop.vacancies.len().max(1) as f64,
        "index_skill_entries": skill_entries,
        "index_bytes_per_vacancy_without_skills": (index_bytes as f64 - 4.0 * skill_entries as f64) / pop.vacancies.len().max(1) as f64,
        "queries": lat.len(),
        "query_p50_ms": pct(0.50),
        "query_p99_ms": pct(0.99),
        "reference_checked": checked,
        "updated_vs_fresh_time": updated_vs_fresh_time,
        "updated_vs_fresh_pairs": updated_vs_fresh_pairs,
        "update_s": update_s,
    });
    println!("{out}");
}

/// `--top`: a whole number of at least 1, checked before any work (a usage error).
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1 (0 would list nothing)".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("not a whole number: {text:?}")),
    }
}
