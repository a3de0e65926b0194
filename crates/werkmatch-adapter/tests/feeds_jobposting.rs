//! schema.org JobPosting fixtures: mapping of each property, and each
//! deliberate error reported with its line and property.

mod common;

use common::feeds::*;

use werkmatch_adapter::jobposting::{read_jobpostings, read_jobpostings_file};
use werkmatch_adapter::postcode::PostcodeTable;
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, OccupationCandidate, OnError, TitleNormaliser};
use werkmatch_core::{IscoCode, Nace};

struct Titles;

impl TitleNormaliser for Titles {
    fn occupations_for_title(&self, title: &str, _k: usize) -> Vec<OccupationCandidate> {
        if title.to_lowercase().contains("magazijn") {
            vec![OccupationCandidate::new("stub:magazijn", IscoCode::parse("9321").unwrap(), "magazijnmedewerker", 0.8)]
        } else {
            Vec::new()
        }
    }
}

#[test]
fn array_fixture_reports_each_error_at_the_line_where_its_posting_starts() {
    let table = PostcodeTable::read_file(fixture("postcodes_groningen.txt")).unwrap();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded = read_jobpostings_file(fixture("jobpostings.jsonld"), &opts).unwrap();
    use ErrorKind::*;
    assert_eq!(
        errors(&loaded),
        vec![
            err(24, "occupationalCategory", MissingField),
            err(31, "jobLocation.address.postalCode", Unresolved),
            err(41, "employmentType", InvalidValue),
            err(50, "@type", InvalidValue),
            err(54, "identifier", DuplicateId),
        ]
    );
    assert_eq!(loaded.summary(), "read 8, accepted 3, rejected 5");
    // No industry: no sector (v1.1), never a guessed one.
    let v8 = &loaded.accepted[2];
    assert_eq!((v8.id.as_str(), v8.sector), ("VN-1008", None));
    let dup = loaded.rejected[4].duplicate().unwrap();
    assert_eq!((dup.population, dup.first.line), (werkmatch_adapter::Population::Vacancies, Some(2)));
    let v1 = &loaded.accepted[0];
    assert_eq!(v1.id.as_str(), "VN-1001");
    assert_eq!(v1.isco.as_str(), "9112");
    assert_eq!(v1.skills_essential, ["schoonmaken", "hygiëne"]);
    assert_eq!((v1.hours.min(), v1.hours.max()), (12, 32));
    assert_eq!(v1.level.map(|l| l.get()), Some(2));
    assert_eq!(v1.employer.as_ref().map(|e| e.as_str()), Some("Schoonmaakbedrijf Noorderlicht (fictief)"));
    let v2 = &loaded.accepted[1];
    assert_eq!(v2.id.as_str(), "https://vacatures.example/vn-1002");
    assert_eq!((v2.isco.as_str(), v2.sector.unwrap().letter()), ("5230", 'G'));
    assert_eq!((v2.hours.min(), v2.hours.max()), (12, 24));
    assert_eq!(v2.workplace.location().unwrap().lat(), 53.217);
}

#[test]
fn a_normaliser_and_a_default_sector_rescue_postings_without_them() {
    let table = PostcodeTable::read_file(fixture("postcodes_groningen.txt")).unwrap();
    let opts = ReadOptions::builder()
        .on_error(OnError::Collect)
        .postcodes(&table)
        .normaliser(&Titles)
        .default_sector(Nace::from_letter('Q').unwrap())
        .build()
        .unwrap();
    let loaded = read_jobpostings_file(fixture("jobpostings.jsonld"), &opts).unwrap();
    let ids: Vec<&str> = loaded.accepted.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["VN-1001", "https://vacatures.example/vn-1002", "VN-1003", "VN-1008"]);
    assert_eq!(loaded.accepted[2].isco.as_str(), "9321");
    assert_eq!(loaded.accepted[2].esco_occupation.as_deref(), Some("stub:magazijn"));
    assert_eq!(loaded.accepted[3].sector.unwrap().letter(), 'Q');
}

#[test]
fn graph_fixture_skips_context_nodes() {
    let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let loaded = read_jobpostings_file(fixture("jobpostings_graph.jsonld"), &opts).unwrap();
    assert_eq!(errors(&loaded), vec![err(9, "jobLocation.geo.latitude", ErrorKind::InvalidValue)]);
    assert_eq!(loaded.read, 2);
    let v = &loaded.accepted[0];
    assert_eq!(v.id.as_str(), "https://werkenbij.example/v/77");
    assert_eq!((v.isco.as_str(), v.sector.unwrap().letter()), ("5322", 'Q'));
    assert_eq!(v.employer.as_ref().map(|e| e.as_str()), Some("https://werkenbij.example/#org"));
    assert_eq!(v.level.map(|l| l.get()), Some(2));
    assert_eq!(v.positions.get(), 2);
    assert_eq!(v.workplace.location().unwrap().lon(), 6.6);
}

#[test]
fn one_posting_per_line_and_remote_work() {
    let text = concat!(
        r#"{"@type":"JobPosting","identifier":"A","occupationalCategory":"4222","industry":"N","jobLocationType":"TELECOMMUTE","employmentType":"FULL_TIME","jobLocation":{"geo":{"latitude":53.2,"longitude":6.5}}}"#,
        "\n",
        r#"{"@type":"JobPosting","identifier":"B","occupationalCategory":"http://data.europa.eu/esco/occupation/x","industry":"N","jobLocation":{"geo":{"latitude":53.2,"longitude":6.5}}}"#,
        "\n{\"@type\": \"JobPosting\", \"identifier\": \n",
    );
    let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let loaded = read_jobpostings(text, None, &opts).unwrap();
    assert!(loaded.accepted[0].is_remote());
    assert_eq!((loaded.accepted[0].hours.min(), loaded.accepted[0].hours.max()), (32, 40));
    assert_eq!(
        errors(&loaded),
        vec![err(2, "occupationalCategory", ErrorKind::Unresolved), err(4, "", ErrorKind::Syntax)]
    );
    let stop = ReadOptions::new();
    let e = read_jobpostings(text, None, &stop).unwrap_err();
    assert_eq!(e.position().line, Some(2));
}
