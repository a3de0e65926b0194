#![allow(clippy::print_stdout, clippy::print_stderr)]
//! The Groningen preset is calibrated to POPULATION.md (tolerances allow for sampling noise).

use std::sync::OnceLock;

use werkmatch_adapter::synthetic::{generate, GeneratorConfig, Population};
use werkmatch_core::{GeoPoint, Jobseeker, PhysicalLoad};

fn groningen() -> &'static Population {
    static POP: OnceLock<Population> = OnceLock::new();
    POP.get_or_init(|| generate(&GeneratorConfig::groningen(2019)))
}

fn share<T>(items: &[T], pred: impl Fn(&T) -> bool) -> f64 {
    items.iter().filter(|x| pred(x)).count() as f64 / items.len() as f64
}

/// Haversine distance in km (SCORING.md 3).
fn km(a: GeoPoint, b: GeoPoint) -> f64 {
    let (p1, p2) = (a.lat().to_radians(), b.lat().to_radians());
    let dp = p2 - p1;
    let dl = (b.lon() - a.lon()).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

/// `Ls` of SCORING.md 2.1.
fn seeker_level(s: &Jobseeker) -> u8 {
    s.experience
        .iter()
        .filter(|e| e.years() >= 1.0)
        .map(|e| e.isco().skill_level().get())
        .fold(s.education.skill_level().get(), u8::max)
}

#[test]
fn more_than_half_lack_a_startkwalificatie() {
    let p = groningen();
    let without = share(&p.seekers, |s| !s.education.is_startkwalificatie());
    assert!((0.50..0.57).contains(&without), "{without}");
    let higher = share(&p.seekers, |s| s.education.skill_level().get() == 4);
    assert!((0.13..0.20).contains(&higher), "HBO/WO share {higher}");
}

#[test]
fn level_two_vacancies_are_the_largest_group_and_level_one_is_scarce() {
    let p = groningen();
    let mut vac = [0f64; 5];
    for v in &p.vacancies {
        vac[usize::from(v.skill_level().get())] += f64::from(v.positions.get());
    }
    let mut seek = [0f64; 5];
    for s in &p.seekers {
        seek[usize::from(seeker_level(s))] += 1.0;
    }
    eprintln!("vacancy positions by level {vac:?}, seekers by level {seek:?}");
    assert!(vac[2] > vac[1] && vac[2] > vac[3] && vac[2] > vac[4], "{vac:?}");
    let ratio1 = vac[1] / seek[1];
    let ratio2 = vac[2] / seek[2];
    assert!(ratio1 < ratio2 / 2.0, "level 1 {ratio1} vs level 2 {ratio2}");
}

#[test]
fn seekers_live_in_the_region_and_mostly_in_the_city() {
    let p = groningen();
    // The labour-market region Groningen and Noord-Drenthe fits in this box.
    let in_box = |g: GeoPoint| (52.80..53.50).contains(&g.lat()) && (6.15..7.25).contains(&g.lon());
    assert!(share(&p.seekers, |s| in_box(s.location)) > 0.99);
    assert!(share(&p.vacancies, |v| in_box(v.workplace.location().unwrap())) > 0.99);
    let city = GeoPoint::new(53.2194, 6.5665).unwrap();
    let near_city = share(&p.seekers, |s| km(s.location, city) < 8.0);
    assert!((0.65..0.90).contains(&near_city), "{near_city}");
    let vac_near_city = share(&p.vacancies, |v| km(v.workplace.location().unwrap(), city) < 8.0);
    assert!(vac_near_city < near_city, "vacancies are more spread than seekers");
}

#[test]
fn assen_is_a_job_centre_about_25_km_from_groningen() {
    let p = groningen();
    let city = GeoPoint::new(53.2194, 6.5665).unwrap();
    let assen = GeoPoint::new(52.9925, 6.5649).unwrap();
    assert!((24.0..27.0).contains(&km(city, assen)));
    let in_assen: Vec<_> = p.vacancies.iter().filter(|v| km(v.workplace.location().unwrap(), assen) < 4.0).collect();
    let s = in_assen.len() as f64 / p.vacancies.len() as f64;
    assert!((0.05..0.25).contains(&s), "{s}");
    assert!(in_assen.iter().all(|v| (20.0..31.0).contains(&km(v.workplace.location().unwrap(), city))));
}

#[test]
fn seeker_attributes_follow_the_documented_shares() {
    let p = groningen();
    let limited = share(&p.seekers, |s| s.max_physical_load.is_some());
    assert!((0.40..0.46).contains(&limited), "{limited}");
    assert!(p.seekers.iter().all(|s| s.max_physical_load != Some(PhysicalLoad::Heavy)));
    let licence = share(&p.seekers, |s| s.licence);
    assert!((0.37..0.43).contains(&licence), "{licence}");
    let register = share(&p.seekers, |s| s.target_register);
    assert!((0.05..0.10).contains(&register), "{register}");
    let long_trips = share(&p.seekers, |s| (30..=60).contains(&s.mobility.max_minutes()));
    assert!(long_trips > 0.8, "{long_trips}");
    assert!(share(&p.seekers, |s| !s.skills.is_empty()) > 0.99);
}

#[test]
fn vacancy_attributes_follow_the_documented_shares() {
    let p = groningen();
    let early = share(&p.vacancies, |v| v.earliest_start.is_some_and(|t| t.minutes() <= 420));
    assert!((0.10..0.20).contains(&early), "early starts {early}");
    let reserved = share(&p.vacancies, |v| v.reserved_for_target_group);
    assert!((0.01..0.05).contains(&reserved), "{reserved}");
    let remote = share(&p.vacancies, |v| v.is_remote());
    assert!((0.005..0.05).contains(&remote), "{remote}");
    // Construction work asks for VCA; driving jobs for a licence.
    let construction: Vec<_> = p.vacancies.iter().filter(|v| v.sector.is_some_and(|s| s.letter() == 'F')).collect();
    let vca = construction.iter().filter(|v| v.certificates.iter().any(|c| c == "VCA")).count() as f64;
    assert!(vca / construction.len() as f64 > 0.5);
    assert!(p.vacancies.iter().filter(|v| v.isco.as_str() == "8332").all(|v| v.requires_licence));
    // Learning on the job mostly in the praktijkleren occupations (levels 1-2).
    let training_low = share(&p.vacancies, |v| v.offers_training && v.skill_level().get() <= 2);
    let training_high = share(&p.vacancies, |v| v.offers_training && v.skill_level().get() > 2);
    assert!(training_low > 3.0 * training_high, "{training_low} vs {training_high}");
}
