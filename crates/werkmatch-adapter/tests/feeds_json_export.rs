//! The vendor's JSON export, read through the CSV column mapping: every
//! deliberate error of fixtures/feeds/seekers_nl.json is reported with its
//! line and key, and the good records are read as the CSV ones are.

mod common;

use common::feeds::*;

use werkmatch_adapter::csv_export::{read_csv_file, Mapping};
use werkmatch_adapter::json_export::{read_json_export, read_json_export_file};
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, Loaded, OnError};
use werkmatch_core::{Employer, Jobseeker, Vacancy};

#[test]
fn seekers_fixture_reports_each_error_at_its_line_and_key() {
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded: Loaded<Jobseeker> =
        read_json_export_file(fixture("seekers_nl.json"), &Mapping::dutch_default(), &opts).unwrap();
    use ErrorKind::*;
    assert_eq!(
        errors(&loaded),
        vec![
            err(4, "postcode", Unresolved),
            err(5, "opleidingsniveau", InvalidValue),
            err(15, "klantnummer", DuplicateId),
            err(16, "uren", InvalidValue),
            err(17, "vervoer", InvalidValue),
            err(18, "gewenst_beroep", InvalidValue),
            err(19, "postcode", MissingField),
            err(20, "Uren", InvalidValue),
        ]
    );
    assert_eq!(loaded.summary(), "read 12, accepted 4, rejected 8");
    let rejected = |line| loaded.rejected.iter().find(|e| e.position().line == Some(line)).unwrap();
    assert_eq!(rejected(17).value(), Some(r#"["fiets","OV"]"#));
    assert_eq!(rejected(18).value(), Some("911"));
    assert!(rejected(4).position().file.as_ref().is_some_and(|f| f.ends_with("seekers_nl.json")));
    let ids: Vec<&str> = loaded.accepted.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["K0001", "K0002", "K0005", "K0015"]);
}

#[test]
fn json_and_csv_of_the_same_people_give_the_same_seekers() {
    let table = table();
    let mapping = Mapping::dutch_default();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let json: Loaded<Jobseeker> = read_json_export_file(fixture("seekers_nl.json"), &mapping, &opts).unwrap();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let csv: Loaded<Jobseeker> = read_csv_file(fixture("seekers_nl.csv"), &mapping, &opts).unwrap();
    // K0001 and K0002 are written alike in both files (numbers and true/false in the JSON).
    for id in ["K0001", "K0002"] {
        let from_json = json.accepted.iter().find(|s| s.id.as_str() == id).unwrap();
        let from_csv = csv.accepted.iter().find(|s| s.id.as_str() == id).unwrap();
        assert_eq!(from_json, from_csv, "{id}");
    }
}

#[test]
fn json_lines_vacancies_and_employers_with_lat_lon() {
    let mapping = Mapping::from_toml_str(
        "[vacancies]\nid = \"nr\"\nisco = \"beroep\"\nsector = \"sector\"\nlat = \"lat\"\nlon = \"lon\"\n\
         positions = \"plaatsen\"\nrequires_licence = \"rijbewijs\"\n\
         [employers]\nid = \"nr\"\nsector = \"sector\"\noccupations = \"beroepen\"\nlat = \"lat\"\nlon = \"lon\"\n",
    )
    .unwrap();
    let vacancies = concat!(
        "{\"nr\": \"V1\", \"beroep\": \"9112\", \"sector\": 4711, \"lat\": 53.2, \"lon\": 6.5, \"plaatsen\": 2, \"rijbewijs\": true}\n",
        "\n",
        "{\"nr\": \"V2\", \"beroep\": \"9112\", \"sector\": \"N\", \"lat\": 95, \"lon\": 6.5}\n",
        "{\"nr\": \"V3\", \"beroep\": \"9112\", \"lat\": 53.2, \"lon\": 6.5}\n",
        "\"not an object\"\n",
        "{\"nr\": \"V5\", \"beroep\": \"9112\", \"sector\": \"N\", \"lat\": 53.2, \"lon\": 6.5, \"nr\": \"V6\"}\n",
    );
    let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let loaded: Loaded<Vacancy> = read_json_export(vacancies.as_bytes(), None, &mapping, &opts).unwrap();
    use ErrorKind::*;
    assert_eq!(
        errors(&loaded),
        vec![err(3, "lat", InvalidValue), err(5, "", InvalidValue), err(6, "nr", InvalidValue)]
    );
    let v = &loaded.accepted[0];
    assert_eq!((v.sector.map(|s| s.letter()), v.positions.get(), v.requires_licence), (Some('G'), 2, true));
    // v1.1: a vacancy without a sector has an unknown sector.
    assert_eq!((loaded.accepted[1].id.as_str(), loaded.accepted[1].sector), ("V3", None));

    let employers =
        "[{\"nr\": \"E1\", \"sector\": \"C\", \"beroepen\": \"7512, 9329\", \"lat\": 53.2, \"lon\": 6.5},\n\
                     {\"nr\": \"E2\", \"sector\": \"C\", \"beroepen\": null, \"lat\": 53.2, \"lon\": 6.5}]";
    let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let loaded: Loaded<Employer> = read_json_export(employers.as_bytes(), None, &mapping, &opts).unwrap();
    assert_eq!(errors(&loaded), vec![err(2, "beroepen", MissingField)]);
    assert_eq!(loaded.accepted[0].occupations.len(), 2);
}

#[test]
fn a_syntax_error_costs_one_record_and_stop_mode_stops_at_the_first_error() {
    let mapping = Mapping::dutch_default();
    let table = table();
    let text = "[\n{\"klantnummer\": \"K1\", \"postcode\": \"9711 AB\"},\n{\"klantnummer\": \"K2\",\n \"postcode\": 9711 AB}\n,{}]";
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded: Loaded<Jobseeker> = read_json_export(text.as_bytes(), None, &mapping, &opts).unwrap();
    assert_eq!(loaded.accepted.len(), 1);
    // The broken record is reported; the one after it is still read (and lacks its id).
    assert_eq!(errors(&loaded), vec![err(4, "", ErrorKind::Syntax), err(5, "id", ErrorKind::MissingField)]);

    let opts = ReadOptions::builder().postcodes(&table).build().unwrap();
    let e = read_json_export_file::<Jobseeker>(fixture("seekers_nl.json"), &mapping, &opts).unwrap_err();
    assert_eq!((e.position().line, e.field()), (Some(4), Some("postcode")));

    // Postcodes without a table: the caller's mistake, the whole read fails.
    let e = read_json_export_file::<Jobseeker>(fixture("seekers_nl.json"), &mapping, &ReadOptions::new()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Config);
}
