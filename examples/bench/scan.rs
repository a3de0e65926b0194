//! `bench --scan`: the labour-market value scan (issue 13) on the generated
//! population, alone in the process so that its peak memory is its own.
//!
//! - `scan_caseload_s`: prepare the scanner (competitors' rankings from the
//!   kernel) and scan every seeker with every change and the alternatives
//!   from the synthetic catalogue, on rayon's pool;
//! - `scan_query_p99_ms`/`scan_query_p50_ms`: one seeker's scan against all
//!   vacancies with the scanner prepared, over `queries` seekers, one at a
//!   time on rayon's pool (`Scanner::scan_on`: a large band is split over
//!   the threads, the changes run in parallel);
//! - `scan_peak_rss_mb`: the process's peak resident memory (VmHWM).
//!
//! `--scan-sample N` scans only about N seekers of the caseload (every n-th),
//! for iterating on the scan's speed: `scan_sample` gives their wall and CPU
//! time and a linear extrapolation to the caseload; `scan_caseload_s` is then
//! null (an extrapolation is not a measurement).

use std::time::Instant;

use werkmatch::adapter::occupation_catalogue;
use werkmatch::adapter::synthetic::Population;
use werkmatch::rank::Executor;
use werkmatch::scan::{summarise, ScanConfig, ScanInput, Scanner};
use werkmatch::score::ScoringConfig;

use crate::cpu::process_cpu_s;
use rayon::prelude::*;

/// The scan's numbers as one JSON object.
pub fn run(
    pop: &Population,
    employers: bool,
    queries: usize,
    sample: Option<usize>,
    peak_rss_mb: fn() -> Option<f64>,
) -> serde_json::Value {
    let cfg = ScoringConfig::default();
    let scfg = ScanConfig::default();
    let cat = occupation_catalogue::synthetic();
    let emps = if employers { &pop.employers[..] } else { &[] };
    let t = Instant::now();
    let scanner = Scanner::new(
        &cfg,
        &scfg,
        ScanInput::new(&pop.seekers, &pop.vacancies, &cat).with_employers(emps),
        Executor::Global,
    )
    .unwrap_or_else(|e| panic!("generated ids are unique: {e}"));
    let prepare_s = t.elapsed().as_secs_f64();
    let sampled = sample.map(|n| {
        let step = (pop.seekers.len() / n.max(1)).max(1);
        let picked: Vec<usize> = (0..pop.seekers.len()).step_by(step).collect();
        let t = Instant::now();
        let cpu = process_cpu_s();
        let _scans: Vec<_> = picked.par_iter().map(|&i| scanner.scan(i)).collect();
        let (wall, cpu) = (t.elapsed().as_secs_f64(), process_cpu_s().zip(cpu).map(|(b, a)| b - a));
        let scale = pop.seekers.len() as f64 / picked.len() as f64;
        serde_json::json!({
            "seekers": picked.len(),
            "scan_s": wall,
            "scan_cpu_s": cpu,
            "extrapolated_caseload_s": prepare_s + wall * scale,
            "extrapolated_caseload_cpu_s": cpu.map(|c| c * scale),
        })
    });
    let caseload = (sample.is_none() && pop.seekers.len() <= 20_000).then(|| {
        let scans = scanner.scan_all(Executor::Global, &|| {});
        let summary = summarise(&scans, &pop.vacancies, emps.len());
        (t.elapsed().as_secs_f64(), summary.matches.all.none, summary.changes.len())
    });
    let step = (pop.seekers.len() / queries.max(1)).max(1);
    let mut lat: Vec<f64> = (0..pop.seekers.len())
        .step_by(step)
        .map(|i| {
            let t = Instant::now();
            std::hint::black_box(scanner.scan_on(i, Executor::Global));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| lat.get(((lat.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0);
    serde_json::json!({
        "seekers": pop.seekers.len(),
        "vacancies": pop.vacancies.len(),
        "employers": emps.len(),
        "threads": rayon::current_num_threads(),
        "scan_prepare_s": prepare_s,
        "scan_caseload_s": caseload.map(|c| c.0),
        "scan_sample": sampled,
        "scan_seekers_without_match": caseload.map(|c| c.1),
        "scan_changes": caseload.map(|c| c.2),
        "scan_queries": lat.len(),
        "scan_query_p50_ms": pct(0.50),
        "scan_query_p99_ms": pct(0.99),
        "scan_peak_rss_mb": peak_rss_mb(),
    })
}
