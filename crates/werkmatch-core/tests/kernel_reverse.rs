//! Vacancy → seekers batches, ranked from the seeker side in tasks that
//! split the vacancies, against the reference and against one-vacancy
//! queries: with several tasks, repeated query vacancies, `k` beyond the
//! number of seekers and a `min_score`.

mod kernel_support;

use std::sync::OnceLock;

use kernel_support::{assert_same, population};
use proptest::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use werkmatch_core::rank::{reference, Executor, Matcher, RankOptions};
use werkmatch_core::score::ScoringConfig;

fn pool() -> &'static ThreadPool {
    static POOL: OnceLock<ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| ThreadPoolBuilder::new().num_threads(3).build().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn batch_equals_reference_and_single_queries(seed in any::<u64>(), k in prop::sample::select(vec![1usize, 2, 4, 1000]), min_score in prop::sample::select(vec![0.0, 0.5])) {
        let p = population(seed);
        let cfg = ScoringConfig::default();
        let opts = RankOptions::top(k).with_min_score(min_score).unwrap();
        let m = Matcher::builder().config(cfg.clone()).seekers(&p.seekers).build().unwrap();
        // Repeated query vacancies are ranked each time, in input order among equal ids.
        let mut query = p.vacancies.clone();
        query.extend(p.vacancies.iter().step_by(3).cloned());
        let (got, _) = m.vacancy_to_seekers(&query, &opts, Executor::Pool(pool()));
        assert_same(&got, &reference::vacancy_to_seekers(&cfg, &query, &p.seekers, &opts));
        prop_assert_eq!(got.len(), query.len());
        for r in &got {
            let v = query.iter().find(|v| v.id == r.subject).unwrap();
            // Bit-identical to the one-vacancy path.
            prop_assert_eq!(&m.top_seekers_for(v, &opts), &r.matches);
        }
    }
}
