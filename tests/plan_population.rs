//! Plans over a generated population: the dual certificate proves both
//! optima on an instance far beyond exhaustive search, the stable plan has
//! no blocking pair, and neither the thread count nor the input order changes
//! any plan.

use werkmatch::adapter::synthetic::{generate, GeneratorConfig, Population};
use werkmatch::plan::{certify, optimal, reference, stable, CandidateGraph, Limit, Mode, Objective, PlanReport};
use werkmatch::rank::Executor;

fn population() -> Population {
    generate(&GeneratorConfig::builder().seekers(1500).vacancies(2500).employers(0).seed(14).build().unwrap())
}

fn reports(seekers: &[werkmatch::Jobseeker], vacancies: &[werkmatch::Vacancy], exec: Executor<'_>) -> Vec<PlanReport> {
    let g = CandidateGraph::builder().limit(Limit::Top(10)).executor(exec).build(seekers, vacancies).unwrap();
    let mut out = Vec::new();
    for objective in [Objective::Placements, Objective::Score] {
        out.push(optimal(&g, objective).0.report(&g, Mode::Optimal, objective));
    }
    out.push(stable(&g).report(&g, Mode::Stable, Objective::Placements));
    out
}

#[test]
fn certificates_prove_both_optima() {
    let pop = population();
    let g = CandidateGraph::builder().limit(Limit::Top(10)).build(&pop.seekers, &pop.vacancies).unwrap();
    assert!(g.edge_count() > 10_000, "a real instance: {} edges", g.edge_count());
    let (p, cert) = optimal(&g, Objective::Placements);
    let (placements, weight) = certify(&g, &p, &cert).unwrap();
    let (q, cert_q) = optimal(&g, Objective::Score);
    let (_, best_weight) = certify(&g, &q, &cert_q).unwrap();
    assert!(best_weight >= weight);
    // No heuristic plan beats the proven optimum; the stable plan is stable.
    let st = stable(&g);
    assert!(reference::blocking_pairs(&g, &st).is_empty());
    for other in [st, reference::greedy(&g)] {
        assert!((other.placements(), other.total_weight(&g)) <= (placements, weight));
        assert!(other.total_weight(&g) <= best_weight);
    }
    // A plan with one placement dropped fails the certificate.
    let report = p.report(&g, Mode::Optimal, Objective::Placements);
    let s = report.seekers.iter().position(|l| l.vacancy.is_some()).unwrap();
    let mut edges: Vec<Option<u32>> = (0..g.seeker_count()).map(|i| p.edge_of(i).map(|e| e as u32)).collect();
    edges[s] = None;
    let worse = werkmatch::plan::Plan::from_edges(&g, edges).unwrap();
    assert!(certify(&g, &worse, &cert).is_err());
}

#[test]
fn plans_do_not_depend_on_threads_or_input_order() {
    let pop = population();
    let want = reports(&pop.seekers, &pop.vacancies, Executor::CurrentThread);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
    assert_eq!(reports(&pop.seekers, &pop.vacancies, Executor::Pool(&pool)), want);
    let (mut s, mut v) = (pop.seekers.clone(), pop.vacancies.clone());
    s.reverse();
    v.reverse();
    v.rotate_left(777);
    assert_eq!(reports(&s, &v, Executor::Global), want);
}
