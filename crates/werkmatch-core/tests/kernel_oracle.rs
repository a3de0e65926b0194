//! The kernel against the reference ranker (the oracle) on random
//! populations: same ids in the same order, bit-identical scores, in all
//! three directions, for batches and for single queries. Small populations
//! have every kind of record; large ones put many records in few groups, so
//! that grid cells, cell bounds and the transposed batch's cell path carry
//! the work.

mod kernel_support;

use kernel_support::{assert_same, population, populations, Population, LARGE, SMALL};
use proptest::prelude::*;
use werkmatch_core::rank::{reference, Executor, Matcher, RankOptions};
use werkmatch_core::score::ScoringConfig;

fn check(seed: u64, k: usize, min_score: f64) {
    check_with(&ScoringConfig::default(), &population(seed), k, min_score);
}

/// Every direction, batch and single queries, under `cfg`.
fn check_with(cfg: &ScoringConfig, p: &Population, k: usize, min_score: f64) {
    let opts = RankOptions::top(k).with_min_score(min_score).unwrap();
    let m = Matcher::builder()
        .config(cfg.clone())
        .vacancies(&p.vacancies)
        .seekers(&p.seekers)
        .employers(&p.employers)
        .build()
        .unwrap();

    let (sv, _) = m.seeker_to_vacancies(&p.seekers, &opts, Executor::CurrentThread);
    assert_same(&sv, &reference::seeker_to_vacancies(cfg, &p.seekers, &p.vacancies, &opts));
    let (vs, _) = m.vacancy_to_seekers(&p.vacancies, &opts, Executor::CurrentThread);
    assert_same(&vs, &reference::vacancy_to_seekers(cfg, &p.vacancies, &p.seekers, &opts));
    let (se, _) = m.seeker_to_employers(&p.seekers, &opts, Executor::CurrentThread);
    assert_same(&se, &reference::seeker_to_employers(cfg, &p.seekers, &p.employers, &opts));

    // Single queries agree with the batch.
    for r in &sv {
        let s = p.seekers.iter().find(|s| s.id == r.subject).unwrap();
        assert_eq!(m.top_vacancies_for(s, &opts), r.matches);
    }
    for r in &vs {
        let v = p.vacancies.iter().find(|v| v.id == r.subject).unwrap();
        assert_eq!(m.top_seekers_for(v, &opts), r.matches);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn kernel_equals_reference(p in populations(SMALL), k in 0usize..6, min in prop::sample::select(vec![0.0, 0.3, 0.55, 0.8])) {
        check_with(&ScoringConfig::default(), &p, k, min);
    }

    #[test]
    fn kernel_equals_reference_with_large_k(p in populations(SMALL)) {
        check_with(&ScoringConfig::default(), &p, 100, 0.0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn kernel_equals_reference_on_large_groups(p in populations(LARGE), k in 1usize..4) {
        check_with(&ScoringConfig::default(), &p, k, 0.0);
    }
}

#[test]
fn a_custom_configuration_is_honoured() {
    let p = population(7);
    let cfg = ScoringConfig::builder()
        .weights(werkmatch_core::score::Weights { mobility: 0.0, skills: 1.0, ..Default::default() })
        .build()
        .unwrap();
    let opts = RankOptions::top(3);
    let m = Matcher::builder().config(cfg.clone()).vacancies(&p.vacancies).build().unwrap();
    let (sv, _) = m.seeker_to_vacancies(&p.seekers, &opts, Executor::CurrentThread);
    assert_same(&sv, &reference::seeker_to_vacancies(&cfg, &p.seekers, &p.vacancies, &opts));
    // Not vacuous: the configuration changes the rankings.
    let default = reference::seeker_to_vacancies(&ScoringConfig::default(), &p.seekers, &p.vacancies, &opts);
    assert!(sv.iter().flat_map(|r| &r.matches).count() > 0);
    assert_ne!(sv, default, "the custom weights changed no score");
}

#[test]
fn any_k_is_valid_and_min_score_is_checked() {
    // k = usize::MAX asks for every eligible pair (it once overflowed `2 * k`).
    for seed in 0..8 {
        check(seed, usize::MAX, 0.0);
        check(seed, usize::MAX, 0.55);
    }
    for bad in [f64::NAN, -0.1, 1.5, f64::INFINITY] {
        let err = RankOptions::top(3).with_min_score(bad).unwrap_err();
        assert_eq!(err.field(), "min_score");
    }
    assert_eq!(RankOptions::top(3).with_min_score(1.0).unwrap().min_score(), 1.0);
    let read = |t: &str| serde_json::from_str::<RankOptions>(t);
    assert_eq!(read(r#"{"k":3,"min_score":0.5}"#).unwrap(), RankOptions::top(3).with_min_score(0.5).unwrap());
    assert!(read(r#"{"k":3,"min_score":2}"#).is_err());
    assert!(read(r#"{"k":3,"limit":2}"#).is_err());
}

/// A random valid configuration: weights (some zero), sector values in any
/// order, any optional-skill weight and level values. The kernel's group
/// bounds read every one of these, so they must hold for all of them.
fn random_config(seed: u64) -> ScoringConfig {
    let mut r = kernel_support::Rng::new(seed ^ 0x5eed);
    let mut unit = |zero: f64| {
        if r.chance(zero) {
            0.0
        } else {
            (r.next() >> 11) as f64 / (1u64 << 53) as f64
        }
    };
    let weights = werkmatch_core::score::Weights {
        skills: unit(0.15),
        occupation: unit(0.15),
        level: unit(0.15),
        mobility: unit(0.15),
        sector: unit(0.15),
        hours: unit(0.15) + 0.01,
    };
    ScoringConfig::builder()
        .weights(weights)
        .optional_skill_weight(unit(0.2))
        .sector_preferred(unit(0.0))
        .sector_experience(unit(0.0))
        .sector_none_listed(unit(0.0))
        .sector_other(unit(0.0))
        .gap1_with_training(unit(0.0))
        .gap1_without_training(unit(0.0))
        .over_qualified_penalty(unit(0.1))
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn kernel_equals_reference_under_random_configs(seed in any::<u64>(), k in 1usize..5) {
        check_with(&random_config(seed), &population(seed), k, 0.0);
    }
}
