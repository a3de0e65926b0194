//! `bench --live`: the live index's reads and writes by phase (issue 16), on
//! the generated population, one thread, no HTTP.
//!
//! - `live_build_s`: [`LiveIndex::build`] of the whole population;
//! - `read_vacancies_*_ms`: one stored seeker's top 10 vacancies
//!   (`Snapshot::top_vacancies`), over `queries` seekers;
//! - `read_seekers_*_ms`, `read_seekers_pairs_mean`: one stored vacancy's top
//!   10 seekers and the pairs the seeker index considered for it;
//! - `write_put_vacancy_*_ms`, `write_delete_vacancy_*_ms`,
//!   `write_put_seeker_*_ms`: one batch of one change through
//!   [`LiveIndex::apply`] (check, apply once, publish), readers idle;
//! - `kernel_upsert_vacancy_*_ms`: the kernel's `upsert` of one vacancy on
//!   its own, for comparison with the live write;
//! - `compact_both_copies_ms`: [`LiveIndex::compact`] (every index of both copies);
//! - `live_peak_rss_mb`: the process's peak resident memory (VmHWM).

use std::time::Instant;

use werkmatch::adapter::synthetic::Population;
use werkmatch::rank::{Change, Executor, KernelStats, LiveIndex, RankOptions};
use werkmatch::score::ScoringConfig;
use werkmatch::Id;

/// `p50`, `p99` and `max` of milliseconds, as JSON fields under `name`.
fn spread(out: &mut serde_json::Value, name: &str, mut ms: Vec<f64>) {
    if ms.is_empty() {
        return;
    }
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    out[format!("{name}_p50_ms")] = at(0.5).into();
    out[format!("{name}_p99_ms")] = at(0.99).into();
    out[format!("{name}_max_ms")] = at(1.0).into();
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// The live index's numbers as one JSON object.
pub fn run(pop: &Population, queries: usize, peak_rss_mb: fn() -> Option<f64>) -> serde_json::Value {
    let cfg = ScoringConfig::default();
    let mut out = serde_json::json!({});
    let t = Instant::now();
    let live =
        LiveIndex::build(cfg, pop.seekers.clone(), pop.vacancies.clone(), pop.employers.clone(), Executor::Global)
            .unwrap_or_else(|e| panic!("generated ids are unique: {e}"));
    out["live_build_s"] = t.elapsed().as_secs_f64().into();
    let opts = RankOptions::top(10);
    let snap = live.snapshot();

    let step = (pop.seekers.len() / queries.max(1)).max(1);
    let lat = (0..pop.seekers.len())
        .step_by(step)
        .map(|i| {
            let t = Instant::now();
            std::hint::black_box(snap.top_vacancies(pop.seekers[i].id.as_str(), &opts));
            ms(t)
        })
        .collect();
    spread(&mut out, "read_vacancies", lat);

    let step = (pop.vacancies.len() / queries.max(1)).max(1);
    let mut pairs = Vec::new();
    let lat = (0..pop.vacancies.len())
        .step_by(step)
        .map(|i| {
            let v = &pop.vacancies[i];
            let mut st = KernelStats::default();
            let t = Instant::now();
            std::hint::black_box(snap.matcher().seeker_index().top_for_with_stats(v, &opts, &mut st));
            let took = ms(t);
            pairs.push(st.pairs_considered as f64);
            took
        })
        .collect();
    spread(&mut out, "read_seekers", lat);
    out["read_seekers_pairs_mean"] = (pairs.iter().sum::<f64>() / pairs.len().max(1) as f64).into();
    drop(snap);

    let writes = queries.min(200);
    let fresh = |i: usize| Id::new(format!("LIVEBENCH{i:06}")).unwrap_or_else(|e| panic!("{e}"));
    let mut put = Vec::new();
    for i in 0..writes {
        let mut v = pop.vacancies[i * 7 % pop.vacancies.len()].clone();
        v.id = fresh(i);
        let t = Instant::now();
        live.apply(vec![Change::UpsertVacancy(v)]).unwrap_or_else(|e| panic!("{e}"));
        put.push(ms(t));
    }
    spread(&mut out, "write_put_vacancy", put);
    let mut del = Vec::new();
    for i in 0..writes {
        let t = Instant::now();
        live.apply(vec![Change::RemoveVacancy(fresh(i))]).unwrap_or_else(|e| panic!("{e}"));
        del.push(ms(t));
    }
    spread(&mut out, "write_delete_vacancy", del);
    let mut seek = Vec::new();
    for i in 0..writes {
        let mut s = pop.seekers[i * 13 % pop.seekers.len()].clone();
        s.hours = werkmatch::HoursRange::new(0, 40).unwrap_or(s.hours);
        let t = Instant::now();
        live.apply(vec![Change::UpsertSeeker(s)]).unwrap_or_else(|e| panic!("{e}"));
        seek.push(ms(t));
    }
    spread(&mut out, "write_put_seeker", seek);

    let mut matcher = live.snapshot().matcher().clone();
    let mut kernel = Vec::new();
    for i in 0..writes {
        let mut v = pop.vacancies[i * 11 % pop.vacancies.len()].clone();
        v.id = fresh(100_000 + i);
        let t = Instant::now();
        matcher.vacancy_index_mut().upsert(&[v]).unwrap_or_else(|e| panic!("{e}"));
        kernel.push(ms(t));
    }
    spread(&mut out, "kernel_upsert_vacancy", kernel);
    let t = Instant::now();
    live.compact();
    out["compact_both_copies_ms"] = ms(t).into();
    out["live_version"] = live.version().into();
    out["live_peak_rss_mb"] = peak_rss_mb().into();
    out
}
