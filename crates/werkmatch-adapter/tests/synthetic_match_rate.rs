#![allow(clippy::print_stdout, clippy::print_stderr)]
//! The Groningen preset is neither all knock-outs nor all matches: most seekers,
//! but not all, have at least one vacancy that passes every knock-out of
//! SCORING.md section 1. The knock-outs are re-implemented here from the
//! contract (the generator must not depend on the scorer it feeds).

use werkmatch_adapter::synthetic::{generate, GeneratorConfig};
use werkmatch_core::{Cefr, GeoPoint, Jobseeker, PhysicalLoad, TravelMode, Vacancy};

fn km(a: GeoPoint, b: GeoPoint) -> f64 {
    let (p1, p2) = (a.lat().to_radians(), b.lat().to_radians());
    let dl = (b.lon() - a.lon()).to_radians();
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

/// SCORING.md 3: the minutes of the fastest usable mode (walking is always usable).
fn travel_minutes(s: &Jobseeker, v: &Vacancy) -> f64 {
    let Some(site) = v.workplace.site() else {
        return 0.0;
    };
    let d = km(s.location, site);
    let modes = s.mobility.modes();
    let mut best = d * 1.3 * 60.0 / 5.0; // walking is always usable
    for (mode, speed, detour, overhead) in [
        (TravelMode::Bike, 15.0, 1.3, 0.0),
        (TravelMode::Ebike, 20.0, 1.3, 0.0),
        (TravelMode::Car, 60.0, 1.25, 5.0),
        (TravelMode::Transit, 40.0, 1.25, 12.0),
    ] {
        if !modes.contains(mode) || (mode == TravelMode::Car && !s.licence) {
            continue;
        }
        let t = overhead + 60.0 * d * detour / speed;
        if mode == TravelMode::Transit && v.earliest_start.is_some_and(|st| f64::from(st.minutes()) < 360.0 + t) {
            continue;
        }
        best = best.min(t);
    }
    best
}

fn excluded(s: &Jobseeker, v: &Vacancy) -> bool {
    let ls = s
        .experience
        .iter()
        .filter(|e| e.years() >= 1.0)
        .map(|e| e.isco().skill_level().get())
        .fold(s.education.skill_level().get(), u8::max);
    let load_rank = |l: Option<PhysicalLoad>, default: u8| l.map_or(default, PhysicalLoad::rank);
    i16::from(v.skill_level().get()) - i16::from(ls) >= 2
        || v.hours.min() > s.hours.max()
        || (v.requires_licence && !s.licence)
        || Cefr::rank_of(s.dutch_level) < Cefr::rank_of(v.min_dutch_level)
        || load_rank(v.physical_load, 1) > load_rank(s.max_physical_load, 3)
        || v.certificates.iter().any(|c| !s.certificates.contains(c))
        || (v.reserved_for_target_group && !s.target_register)
        || travel_minutes(s, v) > f64::from(s.mobility.max_minutes())
}

#[test]
fn most_but_not_all_seekers_have_a_possible_match() {
    let p = generate(&GeneratorConfig::groningen(2019));
    // Every 10th seeker against every vacancy keeps the test quick in debug builds.
    let sample: Vec<&Jobseeker> = p.seekers.iter().step_by(10).collect();
    let matched = sample.iter().filter(|s| p.vacancies.iter().any(|v| !excluded(s, v))).count();
    let rate = matched as f64 / sample.len() as f64;
    eprintln!(
        "{matched} of {} sampled seekers have at least one vacancy without a knock-out ({rate:.3})",
        sample.len()
    );
    assert!((0.60..=0.90).contains(&rate), "{rate}");
}
