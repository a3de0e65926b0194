//! The kernel's output does not depend on the number of threads or on the
//! order of the input records.

mod kernel_support;

use std::sync::OnceLock;

use kernel_support::{assert_same, population, Rng};
use proptest::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use werkmatch_core::rank::{reference, Executor, Matcher, RankOptions, Ranking};
use werkmatch_core::score::ScoringConfig;

fn pools() -> &'static [ThreadPool] {
    static POOLS: OnceLock<Vec<ThreadPool>> = OnceLock::new();
    POOLS.get_or_init(|| [1, 2, 8].iter().map(|&n| ThreadPoolBuilder::new().num_threads(n).build().unwrap()).collect())
}

fn all(m: &Matcher, p: &kernel_support::Population, opts: &RankOptions, exec: Executor<'_>) -> [Vec<Ranking>; 3] {
    [
        m.seeker_to_vacancies(&p.seekers, opts, exec).0,
        m.vacancy_to_seekers(&p.vacancies, opts, exec).0,
        m.seeker_to_employers(&p.seekers, opts, exec).0,
    ]
}

fn matcher(p: &kernel_support::Population) -> Matcher {
    Matcher::builder().vacancies(&p.vacancies).seekers(&p.seekers).employers(&p.employers).build().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn same_result_on_1_2_and_8_threads(seed in any::<u64>(), k in 1usize..5) {
        let p = population(seed);
        let opts = RankOptions::top(k);
        let m = matcher(&p);
        let want = all(&m, &p, &opts, Executor::CurrentThread);
        for pool in pools() {
            let got = all(&m, &p, &opts, Executor::Pool(pool));
            prop_assert_eq!(&got, &want);
        }
        prop_assert_eq!(&all(&m, &p, &opts, Executor::Global), &want);
        let cfg = ScoringConfig::default();
        assert_same(&want[0], &reference::seeker_to_vacancies(&cfg, &p.seekers, &p.vacancies, &opts));
    }

    #[test]
    fn shuffled_input_gives_identical_output(seed in any::<u64>(), k in 1usize..5) {
        let p = population(seed);
        let opts = RankOptions::top(k);
        let want = all(&matcher(&p), &p, &opts, Executor::CurrentThread);
        let mut q = population(seed);
        let mut r = Rng::new(seed ^ 0xABCD);
        r.shuffle(&mut q.seekers);
        r.shuffle(&mut q.vacancies);
        r.shuffle(&mut q.employers);
        let got = all(&matcher(&q), &q, &opts, Executor::Pool(&pools()[1]));
        prop_assert_eq!(got, want);
    }
}
