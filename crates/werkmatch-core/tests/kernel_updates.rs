//! Updates: adding, upserting and removing vacancies, seekers and employers
//! on prepared indexes (with the group re-layouts and compactions they set
//! off) gives exactly what the reference gives on the records that remain,
//! and what a fresh build gives.

mod kernel_support;

use kernel_support::{assert_same, population, Rng};
use proptest::prelude::*;
use werkmatch_core::rank::{reference, EmployerIndex, Executor, RankOptions, SeekerIndex, VacancyIndex};
use werkmatch_core::score::ScoringConfig;
use werkmatch_core::{HoursRange, Id};

const ONE: Executor<'static> = Executor::CurrentThread;

/// Keeps each record with probability `1 - p`, calling `remove` on the others.
fn drop_some<T: Clone>(all: &[T], p: f64, r: &mut Rng, mut remove: impl FnMut(&T) -> bool) -> Vec<T> {
    all.iter()
        .filter(|x| {
            let drop = r.chance(p);
            if drop {
                assert!(remove(x));
            }
            !drop
        })
        .cloned()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn vacancy_and_employer_updates_equal_rebuild(seed in any::<u64>(), k in 1usize..6) {
        let p = population(seed);
        let cfg = ScoringConfig::default();
        let opts = RankOptions::top(k);
        let mut r = Rng::new(seed.rotate_left(17));

        // Start from a random part, add the rest in a batch and one by one, then remove some.
        let split = |n: usize, r: &mut Rng| (r.below(n + 1), r.below(n + 1));
        let (a, b) = split(p.vacancies.len(), &mut r);
        let (a, b) = (a.min(b), a.max(b));
        let mut vi = VacancyIndex::build(&cfg, &p.vacancies[..a]).unwrap();
        vi.add(&p.vacancies[a..b]).unwrap();
        for v in &p.vacancies[b..] {
            vi.add(std::slice::from_ref(v)).unwrap();
        }
        let mut kept_v = drop_some(&p.vacancies, 0.3, &mut r, |v| vi.remove(v.id.as_str()));
        prop_assert!(!vi.remove("no-such-id"));
        prop_assert_eq!(vi.len(), kept_v.len());
        // An upsert replaces a live vacancy (here: with other hours).
        if let Some(v) = kept_v.first_mut() {
            v.hours = HoursRange::new(0, 12).unwrap();
            vi.upsert(std::slice::from_ref(v)).unwrap();
        }
        prop_assert_eq!(vi.len(), kept_v.len());
        let mut ids: Vec<&str> = kept_v.iter().map(|v| v.id.as_str()).collect();
        ids.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        prop_assert_eq!(vi.ids().map(Id::as_str).collect::<Vec<_>>(), ids);
        prop_assert!(kept_v.iter().all(|v| vi.contains(v.id.as_str())));

        let (e1, _) = split(p.employers.len(), &mut r);
        let mut ei = EmployerIndex::build(&cfg, &p.employers[..e1]).unwrap();
        for e in &p.employers[e1..] {
            ei.add(std::slice::from_ref(e)).unwrap();
        }
        let kept_e = drop_some(&p.employers, 0.3, &mut r, |e| ei.remove(e.id.as_str()));

        let rebuilt_v = VacancyIndex::build(&cfg, &kept_v).unwrap();
        let rebuilt_e = EmployerIndex::build(&cfg, &kept_e).unwrap();
        let got_v = vi.rank_seekers(&p.seekers, &opts, ONE).0;
        prop_assert_eq!(&got_v, &rebuilt_v.rank_seekers(&p.seekers, &opts, ONE).0);
        assert_same(&got_v, &reference::seeker_to_vacancies(&cfg, &p.seekers, &kept_v, &opts));
        let got_e = ei.rank_seekers(&p.seekers, &opts, ONE).0;
        prop_assert_eq!(&got_e, &rebuilt_e.rank_seekers(&p.seekers, &opts, ONE).0);
        assert_same(&got_e, &reference::seeker_to_employers(&cfg, &p.seekers, &kept_e, &opts));

        // Removed ids can come back; compacting changes no result.
        let back: Vec<_> = p.vacancies.iter().filter(|v| !vi.contains(v.id.as_str())).cloned().collect();
        vi.add(&back).unwrap();
        kept_v.extend(back);
        let want = reference::seeker_to_vacancies(&cfg, &p.seekers, &kept_v, &opts);
        assert_same(&vi.rank_seekers(&p.seekers, &opts, ONE).0, &want);
        vi.compact();
        ei.compact();
        prop_assert_eq!(vi.len(), kept_v.len());
        assert_same(&vi.rank_seekers(&p.seekers, &opts, ONE).0, &want);
        prop_assert_eq!(&ei.rank_seekers(&p.seekers, &opts, ONE).0, &got_e);
    }

    #[test]
    fn seeker_updates_equal_rebuild(seed in any::<u64>(), k in 1usize..6) {
        let p = population(seed);
        let cfg = ScoringConfig::default();
        let opts = RankOptions::top(k);
        let mut r = Rng::new(seed.rotate_left(29));
        let a = r.below(p.seekers.len() + 1);
        let mut si = SeekerIndex::build(&cfg, &p.seekers[..a]).unwrap();
        for s in &p.seekers[a..] {
            si.add(std::slice::from_ref(s)).unwrap();
        }
        let mut kept = drop_some(&p.seekers, 0.3, &mut r, |s| si.remove(s.id.as_str()));
        if let Some(s) = kept.last_mut() {
            s.hours = HoursRange::new(30, 40).unwrap();
            si.upsert(std::slice::from_ref(s)).unwrap();
        }
        prop_assert_eq!(si.len(), kept.len());
        let want = reference::vacancy_to_seekers(&cfg, &p.vacancies, &kept, &opts);
        let got = si.rank_vacancies(&p.vacancies, &opts, ONE).0;
        assert_same(&got, &want);
        prop_assert_eq!(&got, &SeekerIndex::build(&cfg, &kept).unwrap().rank_vacancies(&p.vacancies, &opts, ONE).0);
        for (v, ranking) in p.vacancies.iter().zip(&want) {
            let single = si.top_for(p.vacancies.iter().find(|x| x.id == ranking.subject).unwrap_or(v), &opts);
            prop_assert_eq!(&single, &ranking.matches);
        }
        si.compact();
        prop_assert_eq!(&si.rank_vacancies(&p.vacancies, &opts, ONE).0, &got);
    }
}

#[test]
fn heavy_churn_compacts_by_itself_and_stays_exact() {
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(3);
    let p = (0..).map(population).find(|p| p.vacancies.len() > 40 && p.seekers.len() > 20).unwrap();
    let mut vi = VacancyIndex::build(&cfg, &p.vacancies).unwrap();
    let mut si = SeekerIndex::build(&cfg, &p.seekers).unwrap();
    let before = vi.memory_bytes();
    // Remove four in five, one by one: the dead outnumber the live halfway, and the index compacts.
    let (gone, kept_v): (Vec<_>, Vec<_>) = p.vacancies.iter().cloned().enumerate().partition(|(i, _)| i % 5 != 0);
    for (_, v) in &gone {
        assert!(vi.remove(v.id.as_str()));
    }
    let kept_v: Vec<_> = kept_v.into_iter().map(|(_, v)| v).collect();
    assert!(vi.memory_bytes() < before, "compaction frees the dead slots");
    let kept_s: Vec<_> = p.seekers.iter().filter(|s| si.contains(s.id.as_str())).step_by(2).cloned().collect();
    for s in &p.seekers {
        if !kept_s.contains(s) {
            si.remove(s.id.as_str());
        }
    }
    assert_same(
        &vi.rank_seekers(&p.seekers, &opts, ONE).0,
        &reference::seeker_to_vacancies(&cfg, &p.seekers, &kept_v, &opts),
    );
    assert_same(
        &si.rank_vacancies(&p.vacancies, &opts, ONE).0,
        &reference::vacancy_to_seekers(&cfg, &p.vacancies, &kept_s, &opts),
    );
}

#[test]
fn duplicate_ids_are_rejected_without_changing_the_index() {
    let p = (0..).map(population).find(|p| !p.vacancies.is_empty() && !p.seekers.is_empty()).unwrap();
    let cfg = ScoringConfig::default();
    let mut vi = VacancyIndex::build(&cfg, &p.vacancies).unwrap();
    let before = vi.len();
    let v = &p.vacancies[0];
    let err = vi.add(std::slice::from_ref(v)).unwrap_err();
    assert_eq!(err.field(), "id");
    assert_eq!(vi.len(), before);
    let twice = vec![v.clone(), v.clone()];
    assert!(VacancyIndex::build(&cfg, &twice).is_err());
    assert!(vi.upsert(&twice).is_err());
    assert_eq!(vi.len(), before);
    let mut si = SeekerIndex::build(&cfg, &p.seekers).unwrap();
    assert!(si.add(&p.seekers[..1]).is_err());
    assert_eq!(si.len(), p.seekers.len());
}
