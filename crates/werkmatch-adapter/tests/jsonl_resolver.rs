//! ESCO references resolved through an `OccupationResolver` while reading.

use werkmatch_adapter::jsonl::{read_employers, read_seekers, read_vacancies};
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, OccupationResolver, OnError};
use werkmatch_core::IscoCode;

const CLEANER: &str = "http://data.europa.eu/esco/occupation/cleaner";
const BAKER: &str = "http://data.europa.eu/esco/occupation/baker";
const BAKER_CODE: &str = "7512.1";

/// A two-occupation taxonomy.
struct TinyTaxonomy;

impl OccupationResolver for TinyTaxonomy {
    fn isco_of(&self, occupation: &str) -> Option<IscoCode> {
        match occupation {
            CLEANER => IscoCode::parse("9112").ok(),
            BAKER | BAKER_CODE => IscoCode::parse("7512").ok(),
            _ => None,
        }
    }

    fn skills_of(&self, occupation: &str) -> Option<(Vec<String>, Vec<String>)> {
        match occupation {
            CLEANER => Some((vec!["skill/clean-floors".into()], vec!["skill/use-machines".into()])),
            BAKER | BAKER_CODE => Some((vec!["skill/bake".into()], vec![])),
            _ => None,
        }
    }
}

static TAXONOMY: TinyTaxonomy = TinyTaxonomy;

fn with_taxonomy() -> ReadOptions<'static> {
    ReadOptions::builder().resolver(&TAXONOMY).on_error(OnError::Collect).build().unwrap()
}

#[test]
fn seeker_experience_and_desired_occupations_resolve_to_isco() {
    let line = format!(
        r#"{{"id":"S1","location":{{"lat":53.2,"lon":6.5}},"experience":[{{"esco":"{CLEANER}","years":2}},{{"isco":"5223","years":1}}],"desired_occupations":["{BAKER_CODE}","5321"]}}"#
    );
    let loaded = read_seekers(line.as_bytes(), None, &with_taxonomy()).unwrap();
    assert!(loaded.rejected.is_empty(), "{:?}", loaded.rejected);
    let s = &loaded.accepted[0];
    let exp: Vec<(String, f64)> = s.experience.iter().map(|e| (e.isco().to_string(), e.years())).collect();
    assert_eq!(exp, [("9112".to_string(), 2.0), ("5223".to_string(), 1.0)]);
    let desired: Vec<&str> = s.desired_occupations.iter().map(IscoCode::as_str).collect();
    assert_eq!(desired, ["7512", "5321"]);
}

#[test]
fn unknown_esco_references_are_unresolved_errors() {
    let text = concat!(
        r#"{"id":"S1","location":{"lat":53.2,"lon":6.5},"experience":[{"isco":"5223","years":1},{"esco":"http://x/unknown","years":2}]}"#,
        "\n",
        r#"{"id":"S2","location":{"lat":53.2,"lon":6.5},"desired_occupations":["5321","pilot"]}"#,
        "\n",
    );
    let loaded = read_seekers(text.as_bytes(), None, &with_taxonomy()).unwrap();
    let got: Vec<_> = loaded.rejected.iter().map(|e| (e.position().line, e.kind(), e.field(), e.value())).collect();
    assert_eq!(
        got,
        [
            (Some(1), ErrorKind::Unresolved, Some("experience[1].esco"), Some("http://x/unknown")),
            (Some(2), ErrorKind::Unresolved, Some("desired_occupations[1]"), Some("pilot")),
        ]
    );
}

#[test]
fn experience_with_both_codes_must_agree() {
    let agree = format!(
        r#"{{"id":"S1","location":{{"lat":1,"lon":1}},"experience":[{{"esco":"{CLEANER}","isco":"9112","years":1}}]}}"#
    );
    let clash = format!(
        r#"{{"id":"S2","location":{{"lat":1,"lon":1}},"experience":[{{"esco":"{CLEANER}","isco":"7512","years":1}}]}}"#
    );
    let loaded = read_seekers(format!("{agree}\n{clash}\n").as_bytes(), None, &with_taxonomy()).unwrap();
    assert_eq!(loaded.accepted.len(), 1);
    let e = &loaded.rejected[0];
    assert_eq!(
        (e.position().line, e.kind(), e.field()),
        (Some(2), ErrorKind::InvalidValue, Some("experience[0].isco"))
    );
}

#[test]
fn vacancy_esco_occupation_supplies_isco_and_skills() {
    let text = format!(
        "{}\n{}\n{}\n",
        format_args!(r#"{{"id":"V1","esco_occupation":"{CLEANER}","sector":"N","location":{{"lat":53.2,"lon":6.5}}}}"#),
        // Skills given: kept as they are; isco given: kept (an explicit code wins).
        format_args!(
            r#"{{"id":"V2","isco":"9121","esco_occupation":"{CLEANER}","skills_optional":["own"],"sector":"N","location":{{"lat":53.2,"lon":6.5}}}}"#
        ),
        r#"{"id":"V3","esco_occupation":"http://x/unknown","sector":"N","location":{"lat":53.2,"lon":6.5}}"#,
    );
    let loaded = read_vacancies(text.as_bytes(), None, &with_taxonomy()).unwrap();
    let v1 = &loaded.accepted[0];
    assert_eq!(v1.isco.as_str(), "9112");
    assert_eq!(v1.skills_essential, ["skill/clean-floors"]);
    assert_eq!(v1.skills_optional, ["skill/use-machines"]);
    assert_eq!(v1.esco_occupation.as_deref(), Some(CLEANER));
    let v2 = &loaded.accepted[1];
    assert_eq!(v2.isco.as_str(), "9121");
    assert!(v2.skills_essential.is_empty());
    assert_eq!(v2.skills_optional, ["own"]);
    let e = &loaded.rejected[0];
    assert_eq!((e.position().line, e.kind(), e.field()), (Some(3), ErrorKind::Unresolved, Some("esco_occupation")));
    assert_eq!(e.value(), Some("http://x/unknown"));
}

#[test]
fn employer_occupations_resolve_and_keep_order() {
    let text = format!(
        r#"{{"id":"E1","location":{{"lat":53.2,"lon":6.5}},"sector":"C","occupations":["{BAKER}","8189"]}}
{{"id":"E2","location":{{"lat":53.2,"lon":6.5}},"sector":"C","occupations":["911"]}}
"#
    );
    let loaded = read_employers(text.as_bytes(), None, &with_taxonomy()).unwrap();
    let occ: Vec<&str> = loaded.accepted[0].occupations.iter().map(IscoCode::as_str).collect();
    assert_eq!(occ, ["7512", "8189"]);
    let e = &loaded.rejected[0];
    assert_eq!((e.position().line, e.kind(), e.field()), (Some(2), ErrorKind::Unresolved, Some("occupations[0]")));
}

#[test]
fn the_resolver_path_reports_the_same_fields_as_the_fast_path() {
    let lines = [
        r#"{"id":"S1","location":{"lat":91,"lon":6.5}}"#,
        r#"{"id":"S1","location":{"lat":53,"lon":6.5,"alt":1}}"#,
        r#"{"id":"S1","location":{"lat":53,"lon":6.5},"experience":[{"isco":"9112","years":-1}]}"#,
        r#"{"id":"S1","location":{"lat":53,"lon":6.5},"hours":{"min":30,"max":20}}"#,
        r#"{"id":"S1","location":{"lat":53,"lon":6.5},"mobility":{"max_minutes":241,"modes":[]}}"#,
        r#"{"location":{"lat":53,"lon":6.5}}"#,
        r#"{"id":"S1","location":{"lat":53,"lon":6.5}"#,
        r#"[1]"#,
    ];
    for line in lines {
        let plain = read_seekers(line.as_bytes(), None, &ReadOptions::new()).unwrap_err();
        let resolved =
            read_seekers(line.as_bytes(), None, &ReadOptions::builder().resolver(&TinyTaxonomy).build().unwrap())
                .unwrap_err();
        assert_eq!((plain.kind(), plain.field()), (resolved.kind(), resolved.field()), "{line}");
        assert_eq!(plain.value(), resolved.value(), "{line}");
    }
}
