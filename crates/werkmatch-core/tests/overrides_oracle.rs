//! Human overrides on random populations: the kernel layer equals the plain
//! reference with overrides, excluded pairs never appear, included pairs always
//! do, other pairs keep their relative order, and no override gives exactly
//! today's rankings.

mod kernel_support;

use kernel_support::decisions::{decisions, TODAY};
use kernel_support::population;
use proptest::prelude::*;
use werkmatch_core::overrides::{Action, Date, Override, Overrides, Target};
use werkmatch_core::rank::overridden::{self, ListedRanking};
use werkmatch_core::rank::{rank_order, Executor, Matcher, RankOptions, Ranking};
use werkmatch_core::score::ScoringConfig;
use werkmatch_core::Id;

fn same(got: &[ListedRanking], want: &[ListedRanking]) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g.subject, w.subject);
        let key =
            |r: &ListedRanking| r.matches.iter().map(|m| (m.id.clone(), m.included, m.knockouts)).collect::<Vec<_>>();
        assert_eq!(key(g), key(w), "subject {}", g.subject);
        for (a, b) in g.matches.iter().zip(&w.matches) {
            assert!((a.score - b.score).abs() <= 1e-9);
        }
    }
}

/// The listed pairs as (seeker, target) in one direction.
fn check_properties(lists: &[ListedRanking], set: &Overrides, pair: impl Fn(&Id, &Id) -> (Id, Target)) {
    for r in lists {
        let mut plain: Vec<(f64, &str)> = Vec::new();
        for m in &r.matches {
            let (s, t) = pair(&r.subject, &m.id);
            assert!(!set.is_excluded(&s, &t), "excluded pair {} / {} listed", r.subject, m.id);
            assert_eq!(m.included, set.is_included(&s, &t));
            if set.get(&s, &t).is_none() {
                plain.push((m.score, m.id.as_str()));
            }
        }
        // Pairs without an override keep the ranking order.
        assert!(plain.windows(2).all(|w| rank_order(w[0].0, w[0].1, w[1].0, w[1].1).is_lt()), "{}", r.subject);
    }
}

fn check(seed: u64, k: usize, min_score: f64, n: usize) {
    let p = population(seed);
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(k).with_min_score(min_score).unwrap();
    let set = Overrides::new(decisions(&p, seed, n), Date::parse(TODAY).unwrap());
    let m = Matcher::builder()
        .config(cfg.clone())
        .vacancies(&p.vacancies)
        .seekers(&p.seekers)
        .employers(&p.employers)
        .build()
        .unwrap();
    let ex = Executor::CurrentThread;
    let sv = overridden::seeker_to_vacancies(&m, &cfg, &set, &p.seekers, &p.vacancies, &opts, ex);
    same(&sv, &overridden::reference::seeker_to_vacancies(&cfg, &set, &p.seekers, &p.vacancies, &opts));
    let vs = overridden::vacancy_to_seekers(&m, &cfg, &set, &p.vacancies, &p.seekers, &opts, ex);
    same(&vs, &overridden::reference::vacancy_to_seekers(&cfg, &set, &p.vacancies, &p.seekers, &opts));
    let se = overridden::seeker_to_employers(&m, &cfg, &set, &p.seekers, &p.employers, &opts, ex);
    same(&se, &overridden::reference::seeker_to_employers(&cfg, &set, &p.seekers, &p.employers, &opts));

    check_properties(&sv, &set, |s, v| (s.clone(), Target::Vacancy(v.clone())));
    check_properties(&vs, &set, |v, s| (s.clone(), Target::Vacancy(v.clone())));
    check_properties(&se, &set, |s, e| (s.clone(), Target::Employer(e.clone())));

    // Every included pair is in the seeker's list and in the vacancy's list.
    let listed = |lists: &[ListedRanking], subject: &Id, id: &Id| {
        lists.iter().any(|r| &r.subject == subject && r.matches.iter().any(|m| &m.id == id))
    };
    for s in &p.seekers {
        for v in set.included_vacancies_of(&s.id) {
            assert!(listed(&sv, &s.id, v) && listed(&vs, v, &s.id), "included {} / {v} missing", s.id);
        }
        for e in set.included_employers_of(&s.id) {
            assert!(listed(&se, &s.id, e), "included {} / {e} missing", s.id);
        }
    }

    // Without any override: exactly today's rankings.
    let none = Overrides::none();
    let plain = |l: Vec<ListedRanking>| -> Vec<Ranking> {
        assert!(l.iter().all(|r| r.matches.iter().all(|m| !m.included && m.knockouts.is_empty())));
        l.iter().map(ListedRanking::to_ranking).collect()
    };
    assert_eq!(
        plain(overridden::seeker_to_vacancies(&m, &cfg, &none, &p.seekers, &p.vacancies, &opts, ex)),
        m.seeker_to_vacancies(&p.seekers, &opts, ex).0
    );
    assert_eq!(
        plain(overridden::vacancy_to_seekers(&m, &cfg, &none, &p.vacancies, &p.seekers, &opts, ex)),
        m.vacancy_to_seekers(&p.vacancies, &opts, ex).0
    );
    assert_eq!(
        plain(overridden::seeker_to_employers(&m, &cfg, &none, &p.seekers, &p.employers, &opts, ex)),
        m.seeker_to_employers(&p.seekers, &opts, ex).0
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn overrides_hold_and_the_kernel_equals_the_reference(
        seed in any::<u64>(),
        k in 0usize..6,
        min in prop::sample::select(vec![0.0, 0.3, 0.55]),
        n in 0usize..60,
    ) {
        check(seed, k, min, n);
    }
}

#[test]
fn an_excluded_pair_explains_the_override() {
    let p = population(11);
    let (Some(s), Some(v)) = (p.seekers.first(), p.vacancies.first()) else { return };
    let d = Override {
        id: "O1".into(),
        seeker: s.id.clone(),
        target: Target::Vacancy(v.id.clone()),
        action: Action::Exclude,
        reason_code: "already_applied".into(),
        by: "staff-17".into(),
        at_millis: 0,
        valid_until: None,
    };
    let set = Overrides::new(vec![d], Date::parse(TODAY).unwrap());
    let e = werkmatch_core::overrides::explain(&ScoringConfig::default(), &set, s, v);
    assert_eq!(e.score, None);
    assert_eq!(e.knockouts.last(), Some(&werkmatch_core::score::KnockOut::Override));
    assert_eq!(e.override_reason.as_deref(), Some("already_applied"));
}
