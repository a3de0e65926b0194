//! Incremental updates: adding and removing vacancies and employers on a
//! prepared index gives exactly what rebuilding it would.

mod kernel_support;

use kernel_support::{assert_same, population, Rng};
use proptest::prelude::*;
use werkmatch_core::rank::{reference, EmployerIndex, Executor, RankOptions, VacancyIndex};
use werkmatch_core::score::ScoringConfig;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn add_and_remove_equal_rebuild(seed in any::<u64>(), k in 1usize..6) {
        let p = population(seed);
        let cfg = ScoringConfig::default();
        let opts = RankOptions::top(k);
        let mut r = Rng::new(seed.rotate_left(17));

        // Start from a random part, add the rest in two batches, then remove some.
        let split = |n: usize, r: &mut Rng| (r.below(n + 1), r.below(n + 1));
        let (a, b) = split(p.vacancies.len(), &mut r);
        let (a, b) = (a.min(b), a.max(b));
        let mut vi = VacancyIndex::build(&cfg, &p.vacancies[..a]).unwrap();
        vi.add(&p.vacancies[a..b]).unwrap();
        vi.add(&p.vacancies[b..]).unwrap();
        let mut kept_v = p.vacancies.clone();
        kept_v.retain(|v| {
            let drop = r.chance(0.3);
            if drop {
                assert!(vi.remove(v.id.as_str()));
            }
            !drop
        });
        prop_assert!(!vi.remove("no-such-id"));
        prop_assert_eq!(vi.len(), kept_v.len());

        let (e1, _) = split(p.employers.len(), &mut r);
        let mut ei = EmployerIndex::build(&cfg, &p.employers[..e1]).unwrap();
        ei.add(&p.employers[e1..]).unwrap();
        let mut kept_e = p.employers.clone();
        kept_e.retain(|e| {
            let drop = r.chance(0.3);
            if drop {
                assert!(ei.remove(e.id.as_str()));
            }
            !drop
        });

        let rebuilt_v = VacancyIndex::build(&cfg, &kept_v).unwrap();
        let rebuilt_e = EmployerIndex::build(&cfg, &kept_e).unwrap();
        let got_v = vi.rank_seekers(&p.seekers, &opts, Executor::CurrentThread).0;
        prop_assert_eq!(&got_v, &rebuilt_v.rank_seekers(&p.seekers, &opts, Executor::CurrentThread).0);
        assert_same(&got_v, &reference::seeker_to_vacancies(&cfg, &p.seekers, &kept_v, &opts));
        let got_e = ei.rank_seekers(&p.seekers, &opts, Executor::CurrentThread).0;
        prop_assert_eq!(&got_e, &rebuilt_e.rank_seekers(&p.seekers, &opts, Executor::CurrentThread).0);
        assert_same(&got_e, &reference::seeker_to_employers(&cfg, &p.seekers, &kept_e, &opts));

        // Removed ids can come back.
        let back: Vec<_> = p.vacancies.iter().filter(|v| !kept_v.contains(v)).cloned().collect();
        vi.add(&back).unwrap();
        assert_same(
            &vi.rank_seekers(&p.seekers, &opts, Executor::CurrentThread).0,
            &reference::seeker_to_vacancies(&cfg, &p.seekers, &p.vacancies, &opts),
        );
    }
}

#[test]
fn duplicate_ids_are_rejected_without_changing_the_index() {
    let p = (0..).map(population).find(|p| !p.vacancies.is_empty()).unwrap();
    let cfg = ScoringConfig::default();
    let mut vi = VacancyIndex::build(&cfg, &p.vacancies).unwrap();
    let before = vi.len();
    let v = &p.vacancies[0];
    let err = vi.add(std::slice::from_ref(v)).unwrap_err();
    assert_eq!(err.field(), "id");
    assert_eq!(vi.len(), before);
    let twice = vec![v.clone(), v.clone()];
    assert!(VacancyIndex::build(&cfg, &twice).is_err());
}
