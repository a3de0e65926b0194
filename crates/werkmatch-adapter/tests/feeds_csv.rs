//! The CSV fixtures under fixtures/feeds/: every deliberate error is reported
//! with its line and column, and the good rows are read as written.

mod common;

use std::cell::RefCell;

use common::feeds::*;

use werkmatch_adapter::csv_export::{read_csv_file, Mapping};
use werkmatch_adapter::feed::Progress;
use werkmatch_adapter::leads::read_leads_file;
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, Loaded, OccupationCandidate, OccupationResolver, OnError, TitleNormaliser};
use werkmatch_core::{Education, Employer, IscoCode, Jobseeker, TravelMode, Vacancy};

#[test]
fn seekers_fixture_reports_each_error_at_its_line_and_column() {
    let table = table();
    let progress = RefCell::new(Vec::<Progress>::new());
    let cb = |p: Progress| progress.borrow_mut().push(p);
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).progress(&cb).build().unwrap();
    let loaded: Loaded<Jobseeker> = read_csv_file(fixture("seekers_nl.csv"), &Mapping::dutch_default(), &opts).unwrap();
    use ErrorKind::*;
    assert_eq!(
        errors(&loaded),
        vec![
            err(4, "postcode", Unresolved),
            err(5, "opleidingsniveau", InvalidValue),
            err(7, "klantnummer", DuplicateId),
            err(8, "uren", InvalidValue),
            err(9, "rijbewijs", InvalidValue),
            err(10, "postcode", InvalidValue),
            err(11, "vervoer", InvalidValue),
            err(13, "gewenst_beroep", InvalidValue),
            err(15, "postcode", MissingField),
        ]
    );
    assert_eq!(loaded.read, 14);
    assert_eq!(loaded.summary(), "read 14, accepted 5, rejected 9");
    let ids: Vec<&str> = loaded.accepted.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["K0001", "K0002", "K0005", "K0011", "K0014"]);
    let k1 = &loaded.accepted[0];
    assert_eq!(k1.education, Education::Mbo2);
    assert_eq!((k1.hours.min(), k1.hours.max()), (24, 32));
    assert_eq!(k1.experience.len(), 2);
    assert_eq!(k1.experience[1].years(), 1.5);
    assert_eq!(k1.location.lat(), 53.219);
    assert!(k1.mobility.modes().contains(TravelMode::Transit));
    let k5 = loaded.accepted.iter().find(|s| s.id.as_str() == "K0005").unwrap();
    assert!(k5.mobility.modes().contains(TravelMode::Ebike));
    assert!(k5.target_register);
    assert_eq!(k5.education, Education::Primary);
    let last = progress.borrow().last().copied().unwrap();
    assert_eq!(last.records, 14);
    assert_eq!(last.bytes, std::fs::metadata(fixture("seekers_nl.csv")).unwrap().len());
}

#[test]
fn vacancies_fixture_with_commas_quotes_and_a_multiline_cell() {
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded: Loaded<Vacancy> = read_csv_file(fixture("vacancies_nl.csv"), &Mapping::dutch_default(), &opts).unwrap();
    use ErrorKind::*;
    assert_eq!(
        errors(&loaded),
        vec![
            err(4, "begintijd", InvalidValue),
            err(5, "sector", InvalidValue),
            err(6, "beroep", MissingField),
            err(7, "aantal_plaatsen", InvalidValue),
            err(10, "postcode", Unresolved),
            err(11, "", Syntax),
        ]
    );
    let v2 = loaded.accepted.iter().find(|v| v.id.as_str() == "V002").unwrap();
    assert_eq!(v2.title.as_deref(), Some("Kassamedewerker, supermarkt"));
    assert_eq!(v2.sector.map(|s| s.letter()), Some('G'));
    assert_eq!(v2.skills_essential, ["kassa", "klantcontact"]);
    assert_eq!(v2.positions.get(), 3);
    assert!(v2.reserved_for_target_group);
    let v7 = loaded.accepted.iter().find(|v| v.id.as_str() == "V007").unwrap();
    assert_eq!(v7.title.as_deref(), Some("Chauffeur\nbestelbus"));
    assert!(v7.requires_licence);
    let v1 = &loaded.accepted[0];
    assert_eq!(v1.earliest_start.map(|t| t.minutes()), Some(390));
    assert!(v1.offers_training);
    assert_eq!(loaded.summary(), "read 10, accepted 4, rejected 6");
}

#[test]
fn stop_mode_returns_the_first_error() {
    let table = table();
    let opts = ReadOptions::builder().postcodes(&table).build().unwrap();
    let e = read_csv_file::<Vacancy>(fixture("vacancies_nl.csv"), &Mapping::dutch_default(), &opts).unwrap_err();
    assert_eq!((e.position().line, e.field()), (Some(4), Some("begintijd")));
    assert_eq!(e.value(), Some("25:00"));
}

#[test]
fn employers_fixture() {
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded: Loaded<Employer> =
        read_csv_file(fixture("employers_nl.csv"), &Mapping::dutch_default(), &opts).unwrap();
    assert_eq!(
        errors(&loaded),
        vec![err(3, "beroepen", ErrorKind::MissingField), err(4, "sector", ErrorKind::InvalidValue)]
    );
    assert_eq!(loaded.accepted[0].occupations.len(), 2);
    assert_eq!(loaded.accepted[1].sector.letter(), 'Q');
}

#[test]
fn postcodes_without_a_table_fail_the_whole_read() {
    let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let e = read_csv_file::<Employer>(fixture("employers_nl.csv"), &Mapping::dutch_default(), &opts).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Config);
    assert!(e.reason().contains("postcode table"), "{e}");
}

struct Stub;

impl OccupationResolver for Stub {
    fn isco_of(&self, occupation: &str) -> Option<IscoCode> {
        occupation.ends_with("fictief-verkoper").then(|| IscoCode::parse("5223").unwrap())
    }
    fn skills_of(&self, _: &str) -> Option<(Vec<String>, Vec<String>)> {
        None
    }
}

impl TitleNormaliser for Stub {
    fn occupations_for_title(&self, title: &str, _k: usize) -> Vec<OccupationCandidate> {
        let isco = match title {
            "magazijnmedewerker" => "9321",
            "heftruckchauffeur" => "8344",
            _ => return Vec::new(),
        };
        vec![OccupationCandidate::new(format!("stub:{title}"), IscoCode::parse(isco).unwrap(), title.to_string(), 0.9)]
    }
}

#[test]
fn leads_fixture_with_and_without_a_taxonomy() {
    let table = table();
    let mapping = Mapping::dutch_leads();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let bare = read_leads_file(fixture("leads_nl.csv"), &mapping, &opts).unwrap();
    use ErrorKind::*;
    assert_eq!(
        errors(&bare),
        vec![
            err(3, "beroepen", InvalidValue),
            err(4, "kvk", InvalidValue),
            err(5, "beroepen", Unresolved),
            err(6, "sbi", InvalidValue),
            err(7, "postcode", Unresolved),
        ]
    );
    let opts = ReadOptions::builder()
        .on_error(OnError::Collect)
        .postcodes(&table)
        .resolver(&Stub)
        .normaliser(&Stub)
        .build()
        .unwrap();
    let full = read_leads_file(fixture("leads_nl.csv"), &mapping, &opts).unwrap();
    assert_eq!(errors(&full).len(), 3);
    let ids: Vec<&str> = full.accepted.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["12345678", "23456789", "45678901"]);
    let transport = &full.accepted[1];
    assert_eq!(transport.sector.letter(), 'H');
    let codes: Vec<&str> = transport.occupations.iter().map(|o| o.as_str()).collect();
    assert_eq!(codes, ["9321", "8344"]);
    assert_eq!(full.accepted[2].occupations[0].as_str(), "5223");
}

#[test]
fn a_json_mapping_with_lat_lon_columns_and_a_configured_delimiter() {
    let mapping = Mapping::from_json_str(
        r#"{"delimiter": "|", "list_separator": "/",
            "seekers": {"id": "nr", "lat": "breedte", "lon": "lengte", "education": "opl", "modes": "vervoer"},
            "values": {"education": {"middelbaar 2": "mbo2"}, "modes": {"scooter": "ebike"}}}"#,
    )
    .unwrap();
    let csv = "nr|breedte|lengte|opl|vervoer\nA|53,2|6,5|Middelbaar-2|scooter/bike\nB|91|6|mbo2|\n";
    let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let loaded: Loaded<Jobseeker> =
        werkmatch_adapter::csv_export::read_csv(csv.as_bytes(), None, &mapping, &opts).unwrap();
    assert_eq!(loaded.accepted.len(), 1);
    assert_eq!(loaded.accepted[0].education, Education::Mbo2);
    assert_eq!(loaded.accepted[0].location.lat(), 53.2);
    assert!(loaded.accepted[0].mobility.modes().contains(TravelMode::Ebike));
    assert_eq!(errors(&loaded), vec![err(3, "breedte", ErrorKind::InvalidValue)]);
}
