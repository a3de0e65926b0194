//! Properties of scoring model v1 that must hold for every input.

mod common;
mod strategies;

use proptest::prelude::*;
use strategies::{seeker, skill, vacancy};
use werkmatch_core::score::{self, Component, ScoringConfig};
use werkmatch_core::GeoPoint;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_score_and_component_is_in_unit_interval(s in seeker(), v in vacancy()) {
        let e = score::explain(&ScoringConfig::default(), &s, &v);
        if let Some(x) = e.score {
            prop_assert!((0.0..=1.0).contains(&x), "score {x}");
        }
        for c in &e.components {
            prop_assert!((0.0..=1.0).contains(&c.value), "{:?}", c);
        }
    }

    #[test]
    fn explanation_recombines_to_the_total(s in seeker(), v in vacancy()) {
        let e = score::explain(&ScoringConfig::default(), &s, &v);
        if let Some(x) = e.score {
            prop_assert!((e.recombined_total() - x).abs() < 1e-12);
        }
        prop_assert_eq!(e.score.is_none(), e.is_excluded());
    }

    #[test]
    fn an_asked_skill_never_lowers_the_score(s in seeker(), v in vacancy(), pick in 0usize..8, extra in skill()) {
        let cfg = ScoringConfig::default();
        let asked: Vec<String> = v.skills_essential.iter().chain(&v.skills_optional).cloned().collect();
        let new_skill = if asked.is_empty() { extra } else { asked[pick % asked.len()].clone() };
        let before = score::explain(&cfg, &s, &v);
        let mut s2 = s.clone();
        s2.skills.push(new_skill);
        let after = score::explain(&cfg, &s2, &v);
        prop_assert_eq!(&before.knockouts, &after.knockouts);
        if let (Some(b), Some(a)) = (before.score, after.score) {
            prop_assert!(a >= b - 1e-12, "{b} -> {a}");
        }
        prop_assert!(after.component(Component::Skills) >= before.component(Component::Skills) - 1e-12);
    }

    #[test]
    fn moving_closer_never_lowers_mobility(s in seeker(), v in vacancy(), f in 0.0f64..1.0) {
        let cfg = ScoringConfig::default();
        let tm = cfg.travel();
        // A remote job has no travel to shorten.
        let Some(b) = v.workplace.site() else { return Ok(()) };
        let a = s.location;
        let closer = GeoPoint::new(a.lat() + f * (b.lat() - a.lat()), a.lon() + f * (b.lon() - a.lon())).unwrap();
        prop_assume!(tm.distance_km(closer, b) <= tm.distance_km(a, b));
        let mut s2 = s.clone();
        s2.location = closer;
        let before = score::explain(&cfg, &s, &v);
        let after = score::explain(&cfg, &s2, &v);
        prop_assert!(after.component(Component::Mobility) >= before.component(Component::Mobility) - 1e-12);
        prop_assert!(after.travel.minutes <= before.travel.minutes + 1e-9);
        if !before.knockouts.contains(&score::KnockOut::Travel) {
            prop_assert!(!after.knockouts.contains(&score::KnockOut::Travel));
        }
    }

    #[test]
    fn cheap_knockouts_equal_the_full_evaluation(s in seeker(), v in vacancy()) {
        let cfg = ScoringConfig::default();
        prop_assert_eq!(score::knockouts(&cfg, &s, &v), score::evaluate(&cfg, &s, &v).knockouts);
    }
}
