//! The reference ranker: order, tie-break, k, min_score, input-order independence.

mod common;
mod strategies;

use common::*;
use proptest::prelude::*;
use werkmatch_core::rank::{reference, RankOptions, Ranking};
use werkmatch_core::score::ScoringConfig;
use werkmatch_core::*;

#[test]
fn equal_scores_are_ordered_by_id_bytes() {
    let s = seeker("S1", GRONINGEN);
    // Identical vacancies at the same place: identical scores.
    let vs: Vec<Vacancy> = ["V10", "V2", "V1", "v0"].iter().map(|n| vacancy(n, "9112", GRONINGEN)).collect();
    let got = reference::vacancies_for(&ScoringConfig::default(), &s, &vs, &RankOptions::default());
    let ids: Vec<&str> = got.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["V1", "V10", "V2", "v0"], "byte order: 'V' < 'v', \"V10\" < \"V2\"");
    assert!(got.windows(2).all(|w| w[0].score == w[1].score));
}

#[test]
fn higher_scores_come_first_and_excluded_pairs_never_appear() {
    let mut s = seeker("S1", GRONINGEN);
    s.desired_occupations = vec![isco("9112")];
    let near_fit = vacancy("V3", "9112", north_of(GRONINGEN, 1.0));
    let near_other = vacancy("V1", "5120", north_of(GRONINGEN, 1.0));
    let mut licence = vacancy("V2", "9112", GRONINGEN);
    licence.requires_licence = true;
    let got = reference::vacancies_for(
        &ScoringConfig::default(),
        &s,
        &[near_other, licence, near_fit],
        &RankOptions::default(),
    );
    let ids: Vec<&str> = got.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["V3", "V1"]);
    assert!(got[0].score > got[1].score);
}

#[test]
fn k_and_min_score_limit_the_list() {
    let s = seeker("S1", GRONINGEN);
    let vs: Vec<Vacancy> =
        (0..20).map(|i| vacancy(&format!("V{i:02}"), "9112", north_of(GRONINGEN, i as f64))).collect();
    let cfg = ScoringConfig::default();
    let all = reference::vacancies_for(&cfg, &s, &vs, &RankOptions::top(100));
    assert!(all.len() > 3);
    assert_eq!(reference::vacancies_for(&cfg, &s, &vs, &RankOptions::top(3)).len(), 3);
    assert!(reference::vacancies_for(&cfg, &s, &vs, &RankOptions::top(0)).is_empty());
    let cut = all[2].score;
    let opts = RankOptions::top(100).with_min_score(cut).unwrap();
    let above = reference::vacancies_for(&cfg, &s, &vs, &opts);
    assert!(above.iter().all(|m| m.score >= cut));
    assert_eq!(above.len(), all.iter().filter(|m| m.score >= cut).count());
}

fn named<T>(items: Vec<T>, prefix: &str, set: impl Fn(&mut T, Id)) -> Vec<T> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, mut x)| {
            set(&mut x, Id::new(format!("{prefix}{i:03}")).unwrap());
            x
        })
        .collect()
}

fn all_directions(s: &[Jobseeker], v: &[Vacancy]) -> (Vec<Ranking>, Vec<Ranking>) {
    let cfg = ScoringConfig::default();
    let o = RankOptions::top(3);
    (reference::seeker_to_vacancies(&cfg, s, v, &o), reference::vacancy_to_seekers(&cfg, v, s, &o))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Shuffling the input never changes the output.
    #[test]
    fn input_order_does_not_matter(
        s in proptest::collection::vec(strategies::seeker(), 0..12),
        v in proptest::collection::vec(strategies::vacancy(), 0..16),
        seed in any::<u64>(),
    ) {
        let s = named(s, "S", |x, id| x.id = id);
        let v = named(v, "V", |x, id| x.id = id);
        let before = all_directions(&s, &v);
        let (mut s2, mut v2) = (s.clone(), v.clone());
        // A deterministic permutation from the seed.
        let perm = |n: usize, salt: u64| {
            let mut idx: Vec<usize> = (0..n).collect();
            idx.sort_by_key(|i| (*i as u64 + 1).wrapping_mul(seed ^ salt).rotate_left(17));
            idx
        };
        s2 = perm(s2.len(), 1).into_iter().map(|i| s2[i].clone()).collect();
        v2 = perm(v2.len(), 2).into_iter().map(|i| v2[i].clone()).collect();
        prop_assert_eq!(before, all_directions(&s2, &v2));
    }
}
