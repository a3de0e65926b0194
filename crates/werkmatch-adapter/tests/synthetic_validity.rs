//! Every generated record is a valid FORMAT.md record and carries no protected attribute.

use std::collections::BTreeSet;

use werkmatch_adapter::synthetic::{generate, generate_audit, GeneratorConfig, Region, MAX_RECORDS};
use werkmatch_adapter::ErrorKind;
use werkmatch_core::{Employer, Jobseeker, Vacancy};

fn config() -> GeneratorConfig {
    GeneratorConfig::builder().seekers(2000).vacancies(3000).employers(700).seed(77).build().unwrap()
}

#[test]
fn counts_are_as_configured() {
    let p = generate(&config());
    assert_eq!((p.seekers.len(), p.vacancies.len(), p.employers.len()), (2000, 3000, 700));
    let empty = generate(&GeneratorConfig::builder().seekers(0).vacancies(0).employers(0).build().unwrap());
    assert!(empty.seekers.is_empty() && empty.vacancies.is_empty() && empty.employers.is_empty());
    let g = GeneratorConfig::groningen(1);
    assert_eq!((g.seekers(), g.vacancies(), g.employers(), g.region()), (10_356, 20_000, 5_000, Region::Groningen));
    let n = GeneratorConfig::national(1);
    assert_eq!(
        (n.seekers(), n.vacancies(), n.employers(), n.region()),
        (400_000, 250_000, 60_000, Region::Netherlands)
    );
}

#[test]
fn every_record_round_trips_through_the_interchange_format() {
    let p = generate(&config());
    for s in &p.seekers {
        let line = serde_json::to_string(s).unwrap();
        let back: Jobseeker = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(&back, s);
    }
    for v in &p.vacancies {
        let line = serde_json::to_string(v).unwrap();
        let back: Vacancy = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(&back, v);
        assert!((3..=6).contains(&v.skills_essential.len()), "{line}");
        assert!((2..=6).contains(&v.skills_optional.len()), "{line}");
    }
    for e in &p.employers {
        let line = serde_json::to_string(e).unwrap();
        let back: Employer = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(&back, e);
        assert!((1..=4).contains(&e.occupations.len()), "{line}");
    }
}

#[test]
fn ids_are_unique_padded_and_in_byte_order() {
    let p = generate(&config());
    let seekers: Vec<&str> = p.seekers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(seekers[17], "S000017");
    assert!(seekers.windows(2).all(|w| w[0] < w[1]));
    let vacancies: Vec<&str> = p.vacancies.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(vacancies[412], "V000412");
    assert!(vacancies.windows(2).all(|w| w[0] < w[1]));
    let employers: Vec<&str> = p.employers.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(employers[42], "E00042");
    assert!(employers.windows(2).all(|w| w[0] < w[1]));
    // Vacancies belong to employers that have vacancies, so none of them is an
    // employer *without* a vacancy; their ids continue the numbering.
    let without: BTreeSet<&str> = employers.iter().copied().collect();
    let with: BTreeSet<&str> = p.vacancies.iter().filter_map(|v| v.employer.as_ref()).map(|id| id.as_str()).collect();
    assert!(!with.is_empty());
    assert!(with.is_disjoint(&without));
    assert!(with.iter().all(|id| id.len() == 6 && id.starts_with('E')), "{with:?}");
}

#[test]
fn no_protected_attribute_appears_in_a_seeker() {
    let p = generate(&config());
    let allowed: BTreeSet<&str> = [
        "id",
        "location",
        "education",
        "experience",
        "desired_occupations",
        "skills",
        "sectors_preferred",
        "sectors_experience",
        "hours",
        "mobility",
        "licence",
        "dutch_level",
        "max_physical_load",
        "certificates",
        "target_register",
    ]
    .into();
    for s in &p.seekers {
        let value = serde_json::to_value(s).unwrap();
        let obj = value.as_object().unwrap();
        for forbidden in [
            "age",
            "age_band",
            "gender",
            "sex",
            "nationality",
            "migration_background",
            "diagnosis",
            "household",
            "years_on_assistance",
        ] {
            assert!(!obj.contains_key(forbidden), "{forbidden} in {value}");
        }
        for k in obj.keys() {
            assert!(allowed.contains(k.as_str()), "unexpected key {k}");
        }
    }
    // The audit table is separate and keyed by the same ids.
    let audit = generate_audit(&config());
    assert_eq!(audit.len(), p.seekers.len());
    assert!(audit.iter().zip(&p.seekers).all(|(a, s)| a.id == s.id));
}

#[test]
fn oversized_counts_are_rejected_with_the_field() {
    let err = GeneratorConfig::builder().vacancies(MAX_RECORDS + 1).build().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert_eq!(err.field(), Some("vacancies"));
    assert!(Region::parse("mars").is_err());
    assert_eq!(Region::parse("national").unwrap(), Region::Netherlands);
}
