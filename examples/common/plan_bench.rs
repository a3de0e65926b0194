//! The placement-plan section of the bench example (`--plan`): the optimal
//! and the stable plan over the synthetic population, each timed with the
//! candidate graph's build included, in a process that does nothing else so
//! that `plan_peak_rss_mb` is the plan's own (taken before the comparison at
//! other limits, whose peak is `plan_peak_rss_mb_with_comparisons`).
//! `plan_*_cpu_s` are the CPU seconds (all threads) of the same runs: on a
//! shared machine the wall times depend on the other load, the CPU time less.

use std::time::Instant;

use werkmatch::adapter::synthetic::Population;
use werkmatch::plan::{certify, optimal, stable, CandidateGraph, Limit, Objective};
use werkmatch::score::ScoringConfig;

use crate::cpu::process_cpu_s;

/// CPU seconds of this process so far (see [`process_cpu_s`]; 0 where unknown),
/// to read wall times taken on a busy machine.
fn cpu_s() -> f64 {
    process_cpu_s().unwrap_or(0.0)
}

fn graph(pop: &Population, limit: Limit) -> CandidateGraph {
    CandidateGraph::builder()
        .config(ScoringConfig::default())
        .limit(limit)
        .build(&pop.seekers, &pop.vacancies)
        .unwrap_or_else(|e| panic!("generated ids are unique: {e}"))
}

/// Times both plans at `limit` (the fastest of `runs`) and, when asked, the
/// optimum at other limits; returns the JSON fields.
pub fn run(
    pop: &Population,
    limit: Limit,
    runs: usize,
    compare: &[Limit],
    peak_rss_mb: fn() -> Option<f64>,
) -> serde_json::Value {
    let (mut optimal_s, mut stable_s, mut graph_s) = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
    let (mut optimal_cpu, mut stable_cpu) = (f64::INFINITY, f64::INFINITY);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let (t, c) = (Instant::now(), cpu_s());
        let g = graph(pop, limit);
        graph_s = graph_s.min(t.elapsed().as_secs_f64());
        let (plan, cert) = optimal(&g, Objective::Placements);
        optimal_s = optimal_s.min(t.elapsed().as_secs_f64());
        optimal_cpu = optimal_cpu.min(cpu_s() - c);
        last = Some((g, plan, cert));
        let (t, c) = (Instant::now(), cpu_s());
        let g = graph(pop, limit);
        let st = stable(&g);
        stable_s = stable_s.min(t.elapsed().as_secs_f64());
        stable_cpu = stable_cpu.min(cpu_s() - c);
        std::hint::black_box(st);
    }
    let Some((g, plan, cert)) = last else { unreachable!("runs is at least 1") };
    let peak = peak_rss_mb();
    let t = Instant::now();
    let proven = certify(&g, &plan, &cert).map_err(|e| e.to_string());
    let certify_s = t.elapsed().as_secs_f64();
    let st = stable(&g);
    let by_limit: Vec<serde_json::Value> = compare
        .iter()
        .map(|&l| {
            let g = graph(pop, l);
            let (p, c) = optimal(&g, Objective::Placements);
            serde_json::json!({
                "limit": l,
                "edges": g.edge_count(),
                "placements": p.placements(),
                "total_weight": p.total_weight(&g),
                "certified": certify(&g, &p, &c).is_ok(),
            })
        })
        .collect();
    serde_json::json!({
        "plan_limit": limit,
        "plan_edges": g.edge_count(),
        "plan_graph_s": graph_s,
        "plan_optimal_s": optimal_s,
        "plan_stable_s": stable_s,
        "plan_certify_s": certify_s,
        "plan_optimal_placements": plan.placements(),
        "plan_optimal_total_weight": plan.total_weight(&g),
        "plan_optimal_certified": proven.is_ok(),
        "plan_stable_placements": st.placements(),
        "plan_stable_total_weight": st.total_weight(&g),
        "plan_by_limit": by_limit,
        "plan_optimal_cpu_s": optimal_cpu,
        "plan_stable_cpu_s": stable_cpu,
        "plan_peak_rss_mb": peak,
        "plan_peak_rss_mb_with_comparisons": peak_rss_mb(),
    })
}
