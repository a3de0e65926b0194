//! The files of `fixtures/bad/`, read in collect mode, against a table of the expected errors.

use std::path::PathBuf;

use werkmatch_adapter::jsonl::{read_records_file, Record};
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, OnError};
use werkmatch_core::{Employer, Jobseeker, Vacancy};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/bad")).join(name)
}

/// Reads `name` in collect mode and checks the accepted ids and every (line, field, kind) of the rejected records.
fn check_fixture<T: Record>(name: &str, accepted: &[&str], expected: &[(u64, Option<&str>, ErrorKind)]) {
    let path = fixture(name);
    let loaded =
        read_records_file::<T>(&path, &ReadOptions::builder().on_error(OnError::Collect).build().unwrap()).unwrap();
    let ids: Vec<&str> = loaded.accepted.iter().map(Record::record_id).collect();
    assert_eq!(ids, accepted, "{name}");
    let got: Vec<(u64, Option<&str>, ErrorKind)> =
        loaded.rejected.iter().map(|e| (e.position().line.unwrap_or(0), e.field(), e.kind())).collect();
    assert_eq!(got, expected, "{name}: {:#?}", loaded.rejected);
    for e in &loaded.rejected {
        assert_eq!(e.position().file.as_deref(), Some(path.as_path()), "{e}");
        assert!(!e.reason().is_empty(), "{e}");
    }
    assert_eq!(loaded.read, (accepted.len() + expected.len()) as u64, "{name}");

    // Stop mode gives exactly the first error of the table.
    let first = read_records_file::<T>(&path, &ReadOptions::new()).unwrap_err();
    assert_eq!(Some((first.position().line.unwrap_or(0), first.field(), first.kind())), got.first().copied());
}

#[test]
fn seekers_mixed() {
    use ErrorKind::*;
    check_fixture::<Jobseeker>(
        "seekers_mixed.jsonl",
        &["S1", "S3", "S6"],
        &[
            (3, Some("location.alt"), UnknownField),
            (5, Some("id"), DuplicateId),
            (6, Some("experience[0].years"), InvalidValue),
            (8, None, Syntax),
            (10, Some("mobility.modes[0]"), InvalidValue),
            (11, Some("dutch_level"), InvalidValue),
            (12, Some("location"), MissingField),
        ],
    );
}

#[test]
fn vacancies_mixed() {
    use ErrorKind::*;
    check_fixture::<Vacancy>(
        "vacancies_mixed.jsonl",
        &["V1", "V9"],
        &[
            (2, Some("isco"), InvalidValue),
            (3, Some("sector"), InvalidValue),
            (4, Some("earliest_start"), InvalidValue),
            (5, Some("positions"), InvalidValue),
            (6, Some("level"), InvalidValue),
            (7, Some("location.lon"), InvalidValue),
            (8, Some("hours"), InvalidValue),
            (10, Some("id"), InvalidValue),
        ],
    );
}

#[test]
fn employers_mixed() {
    use ErrorKind::*;
    check_fixture::<Employer>(
        "employers_mixed.jsonl",
        &["E1", "E7"],
        &[
            (2, Some("occupations"), InvalidValue),
            (3, Some("occupations"), MissingField),
            (4, Some("sector"), InvalidValue),
            (5, Some("occupations[0]"), InvalidValue),
            (6, Some("website"), UnknownField),
            (7, Some("id"), DuplicateId),
        ],
    );
}

#[test]
fn bom_crlf_blank_lines_and_invalid_utf8() {
    check_fixture::<Jobseeker>("seekers_bom_crlf_utf8.jsonl", &["S1", "S2", "S3"], &[(4, None, ErrorKind::Syntax)]);
}
