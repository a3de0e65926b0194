//! One test per bad-input case of FORMAT.md: each checks the kind, the line and the field of the error.

use serde_json::{json, Value};
use werkmatch_adapter::jsonl::{read_records, read_vacancies, Record};
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{Error, ErrorKind};
use werkmatch_core::{Employer, Jobseeker, Vacancy};

fn seeker() -> Value {
    json!({
        "id": "S1",
        "location": {"lat": 53.2, "lon": 6.56},
        "education": "mbo2",
        "experience": [{"isco": "9112", "years": 3.0}, {"isco": "5223", "years": 1.5}],
        "desired_occupations": ["5321", "9112"],
        "sectors_preferred": ["Q", "G"],
        "hours": {"min": 16, "max": 32},
        "mobility": {"max_minutes": 45, "modes": ["bike", "transit"]},
        "dutch_level": "B1",
        "max_physical_load": "medium"
    })
}

fn vacancy() -> Value {
    json!({
        "id": "V1",
        "isco": "9112",
        "sector": "N",
        "location": {"lat": 53.2, "lon": 6.56},
        "level": 1,
        "earliest_start": "06:30",
        "min_dutch_level": "A2",
        "positions": 2
    })
}

fn employer() -> Value {
    json!({
        "id": "E1",
        "location": {"lat": 53.2, "lon": 6.56},
        "sector": "C",
        "occupations": ["8189", "9329"]
    })
}

/// Reads a valid record on line 1 and `bad` on line 2 (stop mode); returns the error, which must be on line 2.
fn error_on_line_2<T: Record>(good: &Value, bad: &str) -> Error {
    let text = format!("{good}\n{bad}\n");
    let err = match read_records::<T>(text.as_bytes(), None, &ReadOptions::new()) {
        Ok(l) => panic!("accepted {} records, expected an error for {bad}", l.accepted.len()),
        Err(e) => e,
    };
    assert_eq!(err.position().line, Some(2), "{err}");
    err
}

fn mutated(base: Value, change: impl FnOnce(&mut Value)) -> String {
    let mut v = base;
    change(&mut v);
    v.to_string()
}

fn remove(v: &mut Value, key: &str) {
    v.as_object_mut().map(|o| o.remove(key));
}

fn check(err: &Error, kind: ErrorKind, field: Option<&str>) {
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.field(), field, "{err}");
    assert!(!err.reason().is_empty());
}

fn bad_seeker(change: impl FnOnce(&mut Value)) -> Error {
    error_on_line_2::<Jobseeker>(&seeker(), &mutated(seeker(), change))
}

fn bad_vacancy(change: impl FnOnce(&mut Value)) -> Error {
    error_on_line_2::<Vacancy>(&vacancy(), &mutated(vacancy(), change))
}

fn bad_employer(change: impl FnOnce(&mut Value)) -> Error {
    error_on_line_2::<Employer>(&employer(), &mutated(employer(), change))
}

#[test]
fn base_records_are_valid() {
    for (text, n) in [(seeker(), 0), (vacancy(), 1), (employer(), 2)] {
        let line = format!("{text}\n");
        let opts = ReadOptions::new();
        let ok = match n {
            0 => read_records::<Jobseeker>(line.as_bytes(), None, &opts).map(|l| l.accepted.len()),
            1 => read_records::<Vacancy>(line.as_bytes(), None, &opts).map(|l| l.accepted.len()),
            _ => read_records::<Employer>(line.as_bytes(), None, &opts).map(|l| l.accepted.len()),
        };
        assert_eq!(ok, Ok(1));
    }
}

// --- unknown fields ---------------------------------------------------------

#[test]
fn unknown_top_level_field() {
    let e = bad_seeker(|v| v["nmae"] = json!("x"));
    check(&e, ErrorKind::UnknownField, Some("nmae"));
    assert!(e.reason().contains("nmae"), "{e}");
}

#[test]
fn unknown_field_in_location() {
    let e = bad_vacancy(|v| v["location"]["alt"] = json!(3));
    check(&e, ErrorKind::UnknownField, Some("location.alt"));
}

#[test]
fn unknown_field_in_hours() {
    let e = bad_seeker(|v| v["hours"]["avg"] = json!(24));
    check(&e, ErrorKind::UnknownField, Some("hours.avg"));
}

#[test]
fn unknown_field_in_experience_entry() {
    let e = bad_seeker(|v| v["experience"][1]["months"] = json!(3));
    check(&e, ErrorKind::UnknownField, Some("experience[1].months"));
}

#[test]
fn unknown_field_in_employer() {
    let e = bad_employer(|v| v["size"] = json!(12));
    check(&e, ErrorKind::UnknownField, Some("size"));
}

// --- missing required fields ------------------------------------------------

#[test]
fn missing_seeker_id() {
    check(&bad_seeker(|v| remove(v, "id")), ErrorKind::MissingField, Some("id"));
}

#[test]
fn missing_seeker_location() {
    check(&bad_seeker(|v| remove(v, "location")), ErrorKind::MissingField, Some("location"));
}

#[test]
fn missing_longitude() {
    check(&bad_seeker(|v| remove(&mut v["location"], "lon")), ErrorKind::MissingField, Some("location.lon"));
}

#[test]
fn missing_experience_isco() {
    let e = bad_seeker(|v| remove(&mut v["experience"][0], "isco"));
    check(&e, ErrorKind::MissingField, Some("experience[0].isco"));
}

#[test]
fn missing_vacancy_isco() {
    check(&bad_vacancy(|v| remove(v, "isco")), ErrorKind::MissingField, Some("isco"));
}

#[test]
fn a_vacancy_may_omit_its_sector_and_a_remote_one_its_location() {
    // SCORING.md v1.1: sector absent = unknown; location required unless remote.
    let text = format!("{}\n", mutated(vacancy(), |v| remove(v, "sector")));
    let loaded = read_vacancies(text.as_bytes(), None, &ReadOptions::new()).unwrap();
    assert_eq!(loaded.accepted[0].sector, None);
    let remote = mutated(vacancy(), |v| {
        remove(v, "location");
        v["remote"] = json!(true);
    });
    let loaded = read_vacancies(format!("{remote}\n").as_bytes(), None, &ReadOptions::new()).unwrap();
    assert_eq!(loaded.accepted[0].workplace.location(), None);
}

#[test]
fn missing_vacancy_location_when_not_remote() {
    let e = bad_vacancy(|v| remove(v, "location"));
    check(&e, ErrorKind::MissingField, Some("location"));
    assert!(e.to_string().contains("unless `remote` is true"), "{e}");
}

#[test]
fn missing_employer_sector() {
    check(&bad_employer(|v| remove(v, "sector")), ErrorKind::MissingField, Some("sector"));
}

#[test]
fn missing_employer_occupations() {
    check(&bad_employer(|v| remove(v, "occupations")), ErrorKind::MissingField, Some("occupations"));
}

// --- out-of-range values ----------------------------------------------------

#[test]
fn latitude_91() {
    let e = bad_seeker(|v| v["location"]["lat"] = json!(91));
    check(&e, ErrorKind::InvalidValue, Some("location.lat"));
    assert_eq!(e.value(), Some("91"));
}

#[test]
fn longitude_minus_181() {
    let e = bad_vacancy(|v| v["location"]["lon"] = json!(-181.0));
    check(&e, ErrorKind::InvalidValue, Some("location.lon"));
    assert_eq!(e.value(), Some("-181.0"));
}

#[test]
fn huge_latitude_beyond_f64() {
    // JSON has no NaN; the nearest thing is a number that does not fit an f64.
    let line = seeker().to_string().replace("53.2", "1e400");
    let e = error_on_line_2::<Jobseeker>(&seeker(), &line);
    check(&e, ErrorKind::InvalidValue, Some("location.lat"));
}

#[test]
fn large_finite_latitude() {
    let e = bad_seeker(|v| v["location"]["lat"] = json!(1e300));
    check(&e, ErrorKind::InvalidValue, Some("location.lat"));
}

#[test]
fn hours_min_above_max() {
    let e = bad_seeker(|v| v["hours"] = json!({"min": 40, "max": 20}));
    check(&e, ErrorKind::InvalidValue, Some("hours"));
    assert!(e.value().is_some_and(|v| v.contains("40")), "{e}");
}

#[test]
fn hours_max_61() {
    check(&bad_vacancy(|v| v["hours"] = json!({"min": 0, "max": 61})), ErrorKind::InvalidValue, Some("hours"));
}

#[test]
fn hours_beyond_u8() {
    let e = bad_seeker(|v| v["hours"]["max"] = json!(300));
    check(&e, ErrorKind::InvalidValue, Some("hours.max"));
    assert_eq!(e.value(), Some("300"));
}

#[test]
fn max_minutes_241() {
    let e = bad_seeker(|v| v["mobility"]["max_minutes"] = json!(241));
    check(&e, ErrorKind::InvalidValue, Some("mobility.max_minutes"));
    assert_eq!(e.value(), Some("241"));
}

#[test]
fn negative_years() {
    let e = bad_seeker(|v| v["experience"][1]["years"] = json!(-1));
    check(&e, ErrorKind::InvalidValue, Some("experience[1].years"));
    assert_eq!(e.value(), Some("-1"));
}

#[test]
fn level_5() {
    let e = bad_vacancy(|v| v["level"] = json!(5));
    check(&e, ErrorKind::InvalidValue, Some("level"));
    assert_eq!(e.value(), Some("5"));
}

#[test]
fn zero_positions() {
    let e = bad_vacancy(|v| v["positions"] = json!(0));
    check(&e, ErrorKind::InvalidValue, Some("positions"));
    assert_eq!(e.value(), Some("0"));
}

// --- malformed ISCO codes -----------------------------------------------------

#[test]
fn isco_of_three_digits() {
    let e = bad_seeker(|v| v["experience"][1]["isco"] = json!("911"));
    check(&e, ErrorKind::InvalidValue, Some("experience[1].isco"));
    assert_eq!(e.value(), Some("911"));
}

#[test]
fn isco_of_five_digits() {
    let e = bad_vacancy(|v| v["isco"] = json!("91120"));
    check(&e, ErrorKind::InvalidValue, Some("isco"));
    assert_eq!(e.value(), Some("91120"));
}

#[test]
fn isco_as_a_number() {
    let e = bad_seeker(|v| v["desired_occupations"][1] = json!(9112));
    check(&e, ErrorKind::InvalidValue, Some("desired_occupations[1]"));
    assert_eq!(e.value(), Some("9112"));
}

#[test]
fn isco_with_a_letter() {
    let e = bad_employer(|v| v["occupations"][1] = json!("91a2"));
    check(&e, ErrorKind::InvalidValue, Some("occupations[1]"));
    assert_eq!(e.value(), Some("91a2"));
}

#[test]
fn esco_uri_in_occupations_without_taxonomy() {
    let e = bad_seeker(|v| v["desired_occupations"][0] = json!("http://data.europa.eu/esco/occupation/x"));
    check(&e, ErrorKind::Unresolved, Some("desired_occupations[0]"));
    assert!(e.reason().contains("taxonomy"), "{e}");
}

// --- enums and small value types --------------------------------------------

#[test]
fn nace_v_is_not_a_section() {
    let e = bad_vacancy(|v| v["sector"] = json!("V"));
    check(&e, ErrorKind::InvalidValue, Some("sector"));
    assert_eq!(e.value(), Some("V"));
}

#[test]
fn nace_lower_case() {
    let e = bad_seeker(|v| v["sectors_preferred"][1] = json!("q"));
    check(&e, ErrorKind::InvalidValue, Some("sectors_preferred[1]"));
    assert_eq!(e.value(), Some("q"));
}

#[test]
fn bad_cefr_level() {
    let e = bad_seeker(|v| v["dutch_level"] = json!("D1"));
    check(&e, ErrorKind::InvalidValue, Some("dutch_level"));
    assert_eq!(e.value(), Some("D1"));
    let e = bad_vacancy(|v| v["min_dutch_level"] = json!("b1"));
    check(&e, ErrorKind::InvalidValue, Some("min_dutch_level"));
}

#[test]
fn bad_education() {
    let e = bad_seeker(|v| v["education"] = json!("master"));
    check(&e, ErrorKind::InvalidValue, Some("education"));
    assert_eq!(e.value(), Some("master"));
}

#[test]
fn bad_travel_mode() {
    let e = bad_seeker(|v| v["mobility"]["modes"][1] = json!("boat"));
    check(&e, ErrorKind::InvalidValue, Some("mobility.modes[1]"));
    assert_eq!(e.value(), Some("boat"));
}

#[test]
fn bad_physical_load() {
    let e = bad_seeker(|v| v["max_physical_load"] = json!("extreme"));
    check(&e, ErrorKind::InvalidValue, Some("max_physical_load"));
}

#[test]
fn time_24_00() {
    let e = bad_vacancy(|v| v["earliest_start"] = json!("24:00"));
    check(&e, ErrorKind::InvalidValue, Some("earliest_start"));
    assert_eq!(e.value(), Some("24:00"));
}

#[test]
fn time_with_a_dot() {
    let e = bad_vacancy(|v| v["earliest_start"] = json!("6.30"));
    check(&e, ErrorKind::InvalidValue, Some("earliest_start"));
    assert_eq!(e.value(), Some("6.30"));
}

#[test]
fn wrong_json_type() {
    let e = bad_seeker(|v| v["licence"] = json!("yes"));
    check(&e, ErrorKind::InvalidValue, Some("licence"));
    assert_eq!(e.value(), Some("yes"));
}

// --- ids ----------------------------------------------------------------------

#[test]
fn empty_id() {
    let e = bad_seeker(|v| v["id"] = json!(""));
    check(&e, ErrorKind::InvalidValue, Some("id"));
}

#[test]
fn id_of_65_chars() {
    let long = "x".repeat(65);
    let e = bad_employer(|v| v["id"] = json!(long));
    check(&e, ErrorKind::InvalidValue, Some("id"));
    assert!(e.value().is_some_and(|v| v.starts_with("xxxx")), "{e}");
}

#[test]
fn duplicate_id() {
    let text = format!("{}\n{}\n{}\n", seeker(), mutated(seeker(), |v| v["id"] = json!("S2")), seeker());
    let err = read_records::<Jobseeker>(text.as_bytes(), None, &ReadOptions::new()).unwrap_err();
    check(&err, ErrorKind::DuplicateId, Some("id"));
    assert_eq!(err.position().line, Some(3));
    assert_eq!(err.value(), Some("S1"));
    assert!(err.reason().contains("line 1"), "{err}");
}

#[test]
fn empty_employer_occupations() {
    check(&bad_employer(|v| v["occupations"] = json!([])), ErrorKind::InvalidValue, Some("occupations"));
}

// --- syntax and encoding --------------------------------------------------------

#[test]
fn invalid_json_syntax() {
    let e = error_on_line_2::<Jobseeker>(&seeker(), r#"{"id": "S2", "location": {"lat": 53.2 "lon": 6.5}}"#);
    check(&e, ErrorKind::Syntax, Some("location"));
}

#[test]
fn truncated_line() {
    let e = error_on_line_2::<Vacancy>(&vacancy(), r#"{"id": "V2", "isco": "9112""#);
    assert_eq!(e.kind(), ErrorKind::Syntax, "{e}");
}

#[test]
fn two_objects_on_one_line() {
    let e = error_on_line_2::<Employer>(&employer(), &format!("{} {}", employer(), employer()));
    assert_eq!(e.kind(), ErrorKind::Syntax, "{e}");
}

#[test]
fn a_line_that_is_not_an_object() {
    let e = error_on_line_2::<Jobseeker>(&seeker(), "[1, 2]");
    check(&e, ErrorKind::InvalidValue, None);
}

#[test]
fn invalid_utf8() {
    let mut text = format!("{}\n", seeker()).into_bytes();
    text.extend_from_slice(b"{\"id\": \"S\xff\xfe2\"}\n");
    let err = read_records::<Jobseeker>(&text[..], None, &ReadOptions::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax, "{err}");
    assert_eq!(err.position().line, Some(2));
    assert!(err.reason().contains("UTF-8"), "{err}");
}

// --- ESCO references without a taxonomy ---------------------------------------

#[test]
fn esco_in_experience_without_taxonomy() {
    let e = bad_seeker(|v| {
        remove(&mut v["experience"][0], "isco");
        v["experience"][0]["esco"] = json!("http://data.europa.eu/esco/occupation/abc");
    });
    check(&e, ErrorKind::Unresolved, Some("experience[0].esco"));
    assert!(e.reason().contains("taxonomy"), "{e}");
}

#[test]
fn vacancy_with_only_esco_occupation_without_taxonomy() {
    let e = bad_vacancy(|v| {
        remove(v, "isco");
        v["esco_occupation"] = json!("http://data.europa.eu/esco/occupation/abc");
    });
    check(&e, ErrorKind::MissingField, Some("isco"));
    assert!(e.reason().contains("taxonomy"), "{e}");
}

/// GeoJSON-style arrays must never be read as objects (`[lon, lat]` would swap the coordinates).
#[test]
fn arrays_in_place_of_objects() {
    let cases: [(&str, Value); 4] = [
        ("location", json!([6.56, 53.2])),
        ("hours", json!([0, 40])),
        ("mobility", json!([30, ["bike"]])),
        ("experience[0]", json!(["9112", 3])),
    ];
    for (field, value) in cases {
        let bad = mutated(seeker(), |v| {
            if field == "experience[0]" {
                v["experience"] = json!([value]);
            } else {
                v[field] = value;
            }
        });
        let err = error_on_line_2::<Jobseeker>(&seeker(), &bad);
        assert_eq!(err.kind(), ErrorKind::InvalidValue, "{err}");
        assert_eq!(err.field(), Some(field), "{err}");
    }
}
