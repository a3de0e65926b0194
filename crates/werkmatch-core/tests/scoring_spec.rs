//! SCORING.md, rule by rule, against hand-computed values.

mod common;

use common::*;
use werkmatch_core::score::{self, Component, KnockOut, ScoringConfig};
use werkmatch_core::*;

fn cfg() -> ScoringConfig {
    ScoringConfig::default()
}

fn knockouts(s: &Jobseeker, v: &Vacancy) -> Vec<KnockOut> {
    score::explain(&cfg(), s, v).knockouts
}

/// A seeker and a vacancy 2 km apart that pass every rule.
fn eligible_pair() -> (Jobseeker, Vacancy) {
    let mut s = seeker("S1", GRONINGEN);
    s.education = Education::Mbo2;
    let v = vacancy("V1", "9112", north_of(GRONINGEN, 2.0));
    (s, v)
}

#[test]
fn eligible_pair_has_no_knockouts() {
    let (s, v) = eligible_pair();
    assert!(knockouts(&s, &v).is_empty());
    assert!(score::score(&cfg(), &s, &v).is_some());
}

#[test]
fn knockout_travel() {
    let (mut s, mut v) = eligible_pair();
    v.workplace = Workplace::OnSite(at(north_of(GRONINGEN, 60.0)));
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Travel]);
    // A remote job is reachable from anywhere.
    v.workplace = v.workplace.remote();
    assert!(knockouts(&s, &v).is_empty());
    // max_minutes 0: only remote work, even at distance zero.
    v.workplace = Workplace::OnSite(s.location);
    s.mobility = Mobility::new(0, modes(&[TravelMode::Bike])).unwrap();
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Travel]);
    v.workplace = v.workplace.remote();
    assert!(knockouts(&s, &v).is_empty());
    // v1.1: a remote job without a location travels t = 0 as well.
    v.workplace = Workplace::Remote(None);
    let e = score::explain(&cfg(), &s, &v);
    assert!(e.knockouts.is_empty());
    assert_eq!((e.travel.mode, e.travel.minutes), (None, 0.0));
    assert_eq!(e.component(Component::Mobility), 1.0);
}

#[test]
fn knockout_level_gap() {
    let (mut s, mut v) = eligible_pair();
    s.education = Education::Vmbo; // Ls = 1
    v.isco = isco("3221"); // Lv = 3, g = 2
    assert_eq!(knockouts(&s, &v), vec![KnockOut::LevelGap]);
    v.isco = isco("5120"); // Lv = 2, g = 1: allowed
    assert!(knockouts(&s, &v).is_empty());
    v.level = Some(SkillLevel::new(4).unwrap()); // explicit level overrides isco
    assert_eq!(knockouts(&s, &v), vec![KnockOut::LevelGap]);
}

#[test]
fn knockout_hours() {
    let (mut s, mut v) = eligible_pair();
    s.hours = HoursRange::new(0, 24).unwrap();
    v.hours = HoursRange::new(32, 40).unwrap();
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Hours]);
    v.hours = HoursRange::new(24, 40).unwrap();
    assert!(knockouts(&s, &v).is_empty());
}

#[test]
fn knockout_licence() {
    let (mut s, mut v) = eligible_pair();
    v.requires_licence = true;
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Licence]);
    s.licence = true;
    assert!(knockouts(&s, &v).is_empty());
}

#[test]
fn knockout_language() {
    let (mut s, mut v) = eligible_pair();
    v.min_dutch_level = Some(Cefr::B1);
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Language], "a missing seeker level ranks 0");
    s.dutch_level = Some(Cefr::A2);
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Language]);
    s.dutch_level = Some(Cefr::B1);
    assert!(knockouts(&s, &v).is_empty());
    v.min_dutch_level = None;
    s.dutch_level = None;
    assert!(knockouts(&s, &v).is_empty(), "a missing requirement ranks 0");
}

#[test]
fn knockout_physical() {
    let (mut s, mut v) = eligible_pair();
    v.physical_load = Some(PhysicalLoad::Heavy);
    assert!(knockouts(&s, &v).is_empty(), "a missing seeker value means heavy");
    s.max_physical_load = Some(PhysicalLoad::Medium);
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Physical]);
    v.physical_load = None;
    s.max_physical_load = Some(PhysicalLoad::Light);
    assert!(knockouts(&s, &v).is_empty(), "a missing vacancy value means light");
}

#[test]
fn knockout_certificates() {
    let (mut s, mut v) = eligible_pair();
    v.certificates = strings(&["VCA", "BHV"]);
    s.certificates = strings(&["VCA"]);
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Certificates]);
    s.certificates.push("BHV".into());
    assert!(knockouts(&s, &v).is_empty());
}

#[test]
fn knockout_target_group() {
    let (mut s, mut v) = eligible_pair();
    v.reserved_for_target_group = true;
    assert_eq!(knockouts(&s, &v), vec![KnockOut::TargetGroup]);
    s.target_register = true;
    assert!(knockouts(&s, &v).is_empty());
}

#[test]
fn every_applicable_knockout_is_listed() {
    let (mut s, mut v) = eligible_pair();
    s.education = Education::None;
    s.hours = HoursRange::new(0, 16).unwrap();
    s.max_physical_load = Some(PhysicalLoad::Light);
    v.workplace = Workplace::OnSite(at(north_of(GRONINGEN, 80.0)));
    v.isco = isco("2512");
    v.hours = HoursRange::new(36, 40).unwrap();
    v.requires_licence = true;
    v.min_dutch_level = Some(Cefr::C1);
    v.physical_load = Some(PhysicalLoad::Heavy);
    v.certificates = strings(&["VCA"]);
    v.reserved_for_target_group = true;
    assert_eq!(knockouts(&s, &v), KnockOut::SCORED.to_vec());
    let e = score::explain(&cfg(), &s, &v);
    assert_eq!(e.score, None);
    assert!(e.is_excluded());
}

#[test]
fn seeker_level_counts_experience_of_a_year_or_more() {
    let mut s = seeker("S", GRONINGEN);
    s.education = Education::Primary; // 1
    s.experience = vec![Experience::new(isco("3221"), 0.5).unwrap()];
    assert_eq!(score::seeker_level(&s).get(), 1, "half a year does not count");
    s.experience.push(Experience::new(isco("7212"), 1.0).unwrap());
    assert_eq!(score::seeker_level(&s).get(), 2);
    s.education = Education::Hbo;
    assert_eq!(score::seeker_level(&s).get(), 4, "max of education and experience");
}

/// A full pair with every component worked out by hand.
///
/// Seeker: MBO-3 (Ls 2), 4 years as 9112 (cleaner, level 1 → Ls stays 2),
/// desires 5120 (cook), skills {a, b, x}, prefers sector I, hours 24–32,
/// bike and transit, 45 min.
/// Vacancy: 5120 cook (Lv 2), sector I, 5 km north, essential {a, b, c},
/// optional {b, d} (b is essential so O = {d}), hours 16–20, start 07:00.
/// - level: g = 0 → 1.0
/// - occupation: 5120 vs 5120 → 1.0
/// - skills: (2 + 0.5·0) / (3 + 0.5·1) = 2 / 3.5 = 0.571428…
/// - sector: preferred → 1.0
/// - hours: 20 < 24 → 20/24 = 0.8333…
/// - travel: d = 5 km; bike 26 min; transit 12 + 60·5·1.25/40 = 21.375 min, 360 + 21.375 ≤ 420 so usable.
///   t = 21.375 ≤ 22.5 → mobility 1.0
/// - total = 0.30·0.571428 + 0.20 + 0.15 + 0.15 + 0.10 + 0.10·0.8333 = 0.854762
#[test]
fn a_pair_worked_out_by_hand() {
    let mut s = seeker("S1", GRONINGEN);
    s.education = Education::Mbo3;
    s.experience = vec![Experience::new(isco("9112"), 4.0).unwrap()];
    s.desired_occupations = vec![isco("5120")];
    s.skills = strings(&["a", "b", "x"]);
    s.sectors_preferred = vec![Nace::parse("I").unwrap()];
    s.hours = HoursRange::new(24, 32).unwrap();
    let mut v = vacancy("V1", "5120", north_of(GRONINGEN, 5.0));
    v.sector = Some(Nace::parse("I").unwrap());
    v.skills_essential = strings(&["a", "b", "c"]);
    v.skills_optional = strings(&["b", "d"]);
    v.hours = HoursRange::new(16, 20).unwrap();
    v.earliest_start = Some(TimeOfDay::parse("07:00").unwrap());

    let e = score::explain(&cfg(), &s, &v);
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(e.component(Component::Level), 1.0));
    assert!(close(e.component(Component::Occupation), 1.0));
    assert!(close(e.component(Component::Skills), 2.0 / 3.5));
    assert!(close(e.component(Component::Sector), 1.0));
    assert!(close(e.component(Component::Hours), 20.0 / 24.0));
    assert!(close(e.component(Component::Mobility), 1.0));
    assert_eq!(e.travel.mode, Some(TravelMode::Transit));
    assert!(close(e.travel.minutes, 21.375), "{}", e.travel.minutes);
    assert_eq!(e.missing_essential_skills, strings(&["c"]));
    assert_eq!((e.seeker_level, e.vacancy_level, e.level_gap), (2, 2, 0));
    let want = 0.30 * (2.0 / 3.5) + 0.20 + 0.15 + 0.15 + 0.10 + 0.10 * (20.0 / 24.0);
    assert!(close(e.score.unwrap(), want), "{:?} vs {want}", e.score);
    assert!((want - 0.854762).abs() < 1e-6);
}

/// The early shift in Assen: 25.23 km from Groningen city centre.
/// transit: 12 + 60·25.23·1.25/40 = 59.3 min; 06:00 + 59.3 > 06:30, so transit is out.
/// bike: 60·25.23·1.3/15 = 131 min > 60. car (with licence): 5 + 31.5 = 36.5 min.
#[test]
fn the_early_shift_to_assen() {
    let mut s = seeker("S1", GRONINGEN);
    s.mobility = Mobility::new(60, modes(&[TravelMode::Bike, TravelMode::Transit, TravelMode::Car])).unwrap();
    let mut v = vacancy("V1", "9329", ASSEN);
    v.earliest_start = Some(TimeOfDay::parse("06:30").unwrap());
    let e = score::explain(&cfg(), &s, &v);
    assert_eq!(e.knockouts, vec![KnockOut::Travel], "no licence: car unusable, transit too early");
    assert!(e.travel.transit_too_early);
    s.licence = true;
    let e = score::explain(&cfg(), &s, &v);
    assert!(e.knockouts.is_empty());
    assert_eq!(e.travel.mode, Some(TravelMode::Car));
    // c = 30, T = 60: 1 − 0.8·(36.53 − 30)/30
    let t = e.travel.minutes;
    assert!((t - 36.535).abs() < 0.01, "{t}");
    assert!((e.component(Component::Mobility) - (1.0 - 0.8 * (t - 30.0) / 30.0)).abs() < 1e-12);
    // A later shift: transit is usable and the licence no longer matters.
    s.licence = false;
    v.earliest_start = Some(TimeOfDay::parse("07:30").unwrap());
    let e = score::explain(&cfg(), &s, &v);
    assert_eq!(e.travel.mode, Some(TravelMode::Transit));
    assert!(e.knockouts.is_empty());
}

#[test]
fn level_component_over_qualified_and_short_by_one() {
    let (mut s, mut v) = eligible_pair();
    let level = |s: &Jobseeker, v: &Vacancy| score::explain(&cfg(), s, v).component(Component::Level);
    s.education = Education::Wo; // Ls 4, Lv 1: g = −3
    assert!((level(&s, &v) - 0.55).abs() < 1e-12);
    s.education = Education::Vmbo; // Ls 1
    v.isco = isco("7212"); // Lv 2, g = 1
    assert!((level(&s, &v) - 0.4).abs() < 1e-12);
    v.offers_training = true;
    assert!((level(&s, &v) - 0.6).abs() < 1e-12);
}

#[test]
fn sector_component_cases() {
    let (mut s, v) = eligible_pair(); // vacancy sector N
    let sector = |s: &Jobseeker| score::explain(&cfg(), s, &v).component(Component::Sector);
    assert_eq!(sector(&s), 0.5);
    s.sectors_experience = vec![Nace::parse("C").unwrap()];
    assert_eq!(sector(&s), 0.2);
    s.sectors_experience.push(Nace::parse("N").unwrap());
    assert_eq!(sector(&s), 0.8);
    s.sectors_preferred = vec![Nace::parse("N").unwrap()];
    assert_eq!(sector(&s), 1.0);
    // v1.1: an unknown sector is 0.5 whatever the seeker lists, and the explanation says so.
    let mut unknown = v.clone();
    unknown.sector = None;
    let e = score::explain(&cfg(), &s, &unknown);
    assert_eq!((e.component(Component::Sector), e.sector), (0.5, None));
    assert_eq!(score::explain(&cfg(), &s, &v).sector, Some(Nace::parse("N").unwrap()));
    s.sectors_preferred.clear();
    s.sectors_experience.clear();
    assert_eq!(score::explain(&cfg(), &s, &unknown).component(Component::Sector), 0.5);
}

#[test]
fn skills_equal_occupation_when_the_vacancy_lists_none() {
    let (mut s, v) = eligible_pair(); // 9112
    s.desired_occupations = vec![isco("9121")]; // prefix 2 → 0.4
    let e = score::explain(&cfg(), &s, &v);
    assert_eq!(e.component(Component::Occupation), 0.4);
    assert_eq!(e.component(Component::Skills), 0.4);
}

#[test]
fn mobility_component_beyond_comfort() {
    let (mut s, mut v) = eligible_pair();
    s.mobility = Mobility::new(40, modes(&[TravelMode::Bike])).unwrap();
    // 8 km by bike: 41.6 min > 40 → knocked out; 6 km: 31.2 min → 1 − 0.8·(31.2 − 20)/20 = 0.552
    v.workplace = Workplace::OnSite(at(north_of(GRONINGEN, 8.0)));
    assert_eq!(knockouts(&s, &v), vec![KnockOut::Travel]);
    v.workplace = Workplace::OnSite(at(north_of(GRONINGEN, 6.0)));
    let e = score::explain(&cfg(), &s, &v);
    assert_eq!(e.travel.mode, Some(TravelMode::Bike));
    assert!((e.component(Component::Mobility) - 0.552).abs() < 1e-9);
}

/// Employers without a vacancy (section 5): the best-fitting occupation is scored.
#[test]
fn employer_is_scored_as_a_vacancy() {
    let mut s = seeker("S1", GRONINGEN);
    s.education = Education::Mbo2;
    s.experience = vec![Experience::new(isco("8189"), 2.0).unwrap()];
    s.hours = HoursRange::new(60, 60).unwrap(); // would knock out most vacancies' hours
    let mut e = Employer::new(
        id("E1"),
        at(north_of(GRONINGEN, 3.0)),
        Nace::parse("C").unwrap(),
        vec![isco("9329"), isco("8182"), isco("8189")],
    )
    .unwrap();
    e.offers_training = true;
    let c = cfg();
    assert_eq!(score::best_occupation(&c, &s, &e), Some(isco("8189")));
    let x = score::explain_employer(&c, &s, &e).unwrap();
    assert!(x.knockouts.is_empty());
    assert_eq!(x.isco, isco("8189"));
    assert_eq!(x.component(Component::Hours), 1.0);
    assert_eq!(x.component(Component::Skills), x.component(Component::Occupation));
    assert_eq!(x.component(Component::Occupation), 1.0);
    // No codes in common: ties broken by lower level (9329 → 1), then lower code.
    s.experience.clear();
    assert_eq!(score::best_occupation(&c, &s, &e), Some(isco("9329")));
}

#[test]
fn employer_ties_by_level_then_code() {
    let s = seeker("S1", GRONINGEN);
    let e =
        Employer::new(id("E1"), at(GRONINGEN), Nace::parse("C").unwrap(), vec![isco("8189"), isco("8182")]).unwrap();
    assert_eq!(score::best_occupation(&cfg(), &s, &e), Some(isco("8182")));
}

#[test]
fn weights_change_the_total() {
    let (s, v) = eligible_pair();
    let custom = ScoringConfig::builder()
        .weights(score::Weights { skills: 0.0, occupation: 0.0, level: 1.0, mobility: 0.0, sector: 0.0, hours: 0.0 })
        .build()
        .unwrap();
    let e = score::explain(&custom, &s, &v);
    assert!((e.score.unwrap() - e.component(Component::Level)).abs() < 1e-12);
}
