//! The candidate graph from the kernel against the plain one from all pairs
//! (`plan::reference::graph`) on random populations: same edges, scores and
//! order, for several limits, with and without excluded pairs, on one thread
//! and on a pool, whatever the input order.

mod kernel_support;

use kernel_support::population;
use proptest::prelude::*;
use werkmatch_core::plan::{reference, CandidateGraph, Limit, NoExclusions};
use werkmatch_core::rank::Executor;
use werkmatch_core::score::ScoringConfig;
use werkmatch_core::Id;

/// A pseudo-random third of the pairs, by a hash of both ids.
fn some_pairs(seed: u64) -> impl Fn(&Id, &Id) -> bool + Sync {
    move |s: &Id, v: &Id| {
        let mut h = seed ^ 0x9e37_79b9_7f4a_7c15;
        for b in s.as_str().bytes().chain([0]).chain(v.as_str().bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        h % 3 == 0
    }
}

fn assert_same_graph(got: &CandidateGraph, want: &CandidateGraph) {
    assert_eq!(got.seeker_count(), want.seeker_count());
    assert_eq!(got.vacancy_count(), want.vacancy_count());
    for s in 0..want.seeker_count() {
        let list = |g: &CandidateGraph| {
            g.edges_of(s).map(|e| (g.vacancy_id(g.edge_vacancy(e)).clone(), g.score(e))).collect::<Vec<_>>()
        };
        let (a, b) = (list(got), list(want));
        assert_eq!(a.len(), b.len(), "seeker {}: {a:?} against {b:?}", want.seeker_id(s));
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.0, y.0, "seeker {}", want.seeker_id(s));
            assert!((x.1 - y.1).abs() < 1e-9);
        }
    }
    for v in 0..want.vacancy_count() {
        assert_eq!(got.positions(v), want.positions(v));
        let list =
            |g: &CandidateGraph| g.vacancy_edges(v).map(|e| g.seeker_id(g.edge_seeker(e)).clone()).collect::<Vec<_>>();
        assert_eq!(list(got), list(want), "vacancy {}", want.vacancy_id(v));
    }
}

fn check(seed: u64, limit: Limit, min_score: f64, excluded: bool) {
    let p = population(seed);
    let cfg = ScoringConfig::default();
    let hook = some_pairs(seed);
    let ex: &dyn werkmatch_core::plan::Exclusions = if excluded { &hook } else { &NoExclusions };
    let want = reference::graph(&cfg, &p.seekers, &p.vacancies, limit, min_score, ex).unwrap();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
    for exec in [Executor::CurrentThread, Executor::Pool(&pool)] {
        let got = CandidateGraph::builder()
            .limit(limit)
            .min_score(min_score)
            .exclusions(ex)
            .executor(exec)
            .build(&p.seekers, &p.vacancies)
            .unwrap();
        assert_same_graph(&got, &want);
    }
    // Another input order gives the same graph.
    let (mut s, mut v) = (p.seekers.clone(), p.vacancies.clone());
    s.reverse();
    let half = v.len() / 2;
    v.rotate_left(half);
    let got = CandidateGraph::builder().limit(limit).min_score(min_score).exclusions(ex).build(&s, &v).unwrap();
    assert_same_graph(&got, &want);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn kernel_graph_equals_the_plain_graph(
        seed in any::<u64>(),
        limit in prop_oneof![Just(Limit::All), (0usize..6).prop_map(Limit::Top)],
        min_score in prop::sample::select(vec![0.0, 0.3, 0.5]),
        excluded in any::<bool>(),
    ) {
        check(seed, limit, min_score, excluded);
    }
}

#[test]
fn an_invalid_min_score_is_refused() {
    let err = CandidateGraph::builder().min_score(1.5).build(&[], &[]).unwrap_err();
    assert_eq!(err.field(), "min_score");
}

#[test]
fn the_random_populations_have_edges_and_the_limit_trims_them() {
    let cfg = ScoringConfig::default();
    let count = |limit| -> usize {
        (0..20)
            .map(|seed| {
                let p = population(seed);
                reference::graph(&cfg, &p.seekers, &p.vacancies, limit, 0.0, &NoExclusions).unwrap().edge_count()
            })
            .sum()
    };
    let (one, all) = (count(Limit::Top(1)), count(Limit::All));
    assert!(0 < one && one < all, "L = 1: {one} edges, L = all: {all}");
}
