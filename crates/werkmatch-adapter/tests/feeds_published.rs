//! Postings in the shapes vacancy sites publish, and exports with the usual
//! mistakes (fixtures/feeds/postings/README.md lists every case).

mod common;

use common::feeds::*;

use werkmatch_adapter::csv_export::{read_csv_file, Mapping};
use werkmatch_adapter::jobposting::read_jobpostings_file;
use werkmatch_adapter::json_export::read_json_export_file;
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, Loaded, OnError};
use werkmatch_core::{Jobseeker, Vacancy};

fn postings(name: &str) -> Loaded<Vacancy> {
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    read_jobpostings_file(fixture(&format!("postings/{name}")), &opts).unwrap()
}

fn by_id<'a>(loaded: &'a Loaded<Vacancy>, id: &str) -> &'a Vacancy {
    loaded.accepted.iter().find(|v| v.id.as_str() == id).unwrap_or_else(|| panic!("{id} not accepted"))
}

fn start(v: &Vacancy) -> Option<String> {
    v.earliest_start.map(|t| t.to_string())
}

fn hours(v: &Vacancy) -> (u8, u8) {
    (v.hours.min(), v.hours.max())
}

#[test]
fn published_postings_get_the_right_sector_workplace_start_and_hours() {
    let loaded = postings("published.jsonld");
    use ErrorKind::*;
    assert_eq!(
        errors(&loaded),
        vec![err(21, "applicantLocationRequirements", OutOfScope), err(54, "occupationalCategory", InvalidValue)]
    );
    assert_eq!(loaded.accepted.len(), 8);

    let p1 = by_id(&loaded, "PUB-01");
    assert_eq!(p1.sector, None, "no industry: no sector, never a guess");
    assert!(!p1.is_remote());
    assert_eq!(p1.workplace.location().map(|l| (l.lat(), l.lon())), Some((53.2194, 6.5665)));
    assert_eq!(start(p1).as_deref(), Some("05:30"), "the earliest start stated (workHours before the description)");
    assert_eq!(hours(p1), (24, 32), "from the HTML description");

    let p2 = by_id(&loaded, "PUB-02");
    assert!(p2.is_remote());
    assert_eq!(p2.workplace.location(), None, "TELECOMMUTE without jobLocation: remote, no location");
    assert_eq!((p2.sector, hours(p2), start(p2)), (None, (12, 32), None));

    let p4 = by_id(&loaded, "PUB-04");
    assert_eq!((start(p4).as_deref(), hours(p4)), (Some("05:30"), (32, 40)));
    assert_eq!(p4.sector.map(|s| s.letter()), Some('H'));
    assert!(p4.workplace.location().is_some(), "PC6 postcode through the table");

    let p5 = by_id(&loaded, "PUB-05");
    assert_eq!((start(p5).as_deref(), hours(p5)), (Some("06:00"), (24, 32)));
    assert_eq!(p5.title.as_deref(), Some("Schoonmaker & gastvrouw"));
    assert_eq!(p5.workplace.location().map(|l| l.lat()), Some(53.247));

    let p8 = by_id(&loaded, "PUB-08");
    assert_eq!(start(p8).as_deref(), Some("04:45"));

    // Kept, with a warning that names line and field.
    let warnings: Vec<(u64, &str, ErrorKind, bool)> = loaded
        .warnings
        .iter()
        .map(|w| (w.position().line.unwrap(), w.field().unwrap(), w.kind(), w.reason().contains("swapped?")))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (47, "jobLocation.geo", Implausible, true),
            (69, "jobLocation.geo", Implausible, false),
            (76, "industry", InvalidValue, false)
        ]
    );
    // An industry in words is no code: no sector; "MBO niveau 2" is level 2.
    let p10 = by_id(&loaded, "PUB-10");
    assert_eq!((p10.sector, p10.level.map(|l| l.get())), (None, Some(2)));
    assert!(by_id(&loaded, "PUB-06").workplace.location().is_some());

    // What came from text is counted by field and source.
    let derived: Vec<(&str, &str, u64)> = loaded.derived.iter().map(|d| (d.field, d.source, d.records)).collect();
    assert_eq!(
        derived,
        vec![("hours", "description", 3), ("earliest_start", "workHours", 2), ("earliest_start", "description", 2),]
    );
}

#[test]
fn a_default_sector_is_an_explicit_choice() {
    let table = table();
    let sector = werkmatch_core::Nace::from_letter('G').unwrap();
    let opts =
        ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).default_sector(sector).build().unwrap();
    let loaded = read_jobpostings_file(fixture("postings/published.jsonld"), &opts).unwrap();
    assert_eq!(by_id(&loaded, "PUB-01").sector, Some(sector));
    assert_eq!(by_id(&loaded, "PUB-04").sector.map(|s| s.letter()), Some('H'), "a stated industry wins");
}

#[test]
fn resynchronisation_keeps_the_records_after_a_broken_one() {
    let loaded = postings("broken.jsonld");
    let ids: Vec<&str> = loaded.accepted.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["BR-01", "BR-02", "BR-05", "BR-07"]);
    let lines: Vec<(u64, ErrorKind)> = loaded.rejected.iter().map(|e| (e.position().line.unwrap(), e.kind())).collect();
    assert_eq!(
        lines,
        vec![(4, ErrorKind::Syntax), (6, ErrorKind::Syntax), (10, ErrorKind::Syntax), (12, ErrorKind::Syntax)]
    );
    assert!(loaded.rejected.iter().all(|e| e.position().byte.is_some() && e.position().record.is_some()));
    assert!(loaded.rejected[2].reason().contains("reading goes on at line 10"), "{}", loaded.rejected[2]);
}

#[test]
fn a_truncated_file_says_where_reading_stopped() {
    let loaded = postings("truncated.jsonld");
    assert_eq!(loaded.accepted.len(), 1);
    let e = &loaded.rejected[0];
    // Where the input ended, inside TR-02 (which starts on line 4).
    assert_eq!((e.kind(), e.position().line, loaded.rejected.len()), (ErrorKind::Syntax, Some(6), 1));
    assert!(e.reason().contains("reading stopped here") && e.reason().contains("bytes were not read"), "{e}");
}

#[test]
fn the_vendor_json_export_resynchronises_too() {
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded: Loaded<Jobseeker> =
        read_json_export_file(fixture("postings/broken_export.json"), &Mapping::dutch_default(), &opts).unwrap();
    let ids: Vec<&str> = loaded.accepted.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["K1", "K2", "K4", "K6"]);
    assert!(loaded.rejected.iter().all(|e| e.kind() == ErrorKind::Syntax));
    assert_eq!(loaded.rejected.last().unwrap().position().line, Some(6));
}

#[test]
fn an_empty_input_is_reported_as_such() {
    let loaded = postings("empty.jsonld");
    assert_eq!(loaded.read, 0);
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].kind(), ErrorKind::Empty);
    assert!(loaded.warnings[0].reason().contains("empty"));
}

#[test]
fn a_directory_as_input_gets_a_plain_message() {
    let opts = ReadOptions::new();
    let e = read_jobpostings_file(fixture("postings"), &opts).unwrap_err();
    assert_eq!((e.kind(), e.reason()), (ErrorKind::Io, "is a directory, not a file"));
    let e = read_jobpostings_file(fixture("postings/none.jsonld"), &opts).unwrap_err();
    assert_eq!(e.reason(), "no such file");
    assert!(std::error::Error::source(&e).is_some(), "the io::Error is kept as the source");
}

#[test]
fn a_header_that_does_not_fit_names_the_delimiter_and_what_was_found() {
    let table = table();
    let opts = ReadOptions::builder().postcodes(&table).build().unwrap();
    let e = read_csv_file::<Jobseeker>(fixture("postings/seekers_pipes.csv"), &Mapping::dutch_default(), &opts)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Config);
    assert!(e.reason().contains("delimiter `,`"), "{e}");
    assert!(e.reason().contains("1 column: `klantnummer|postcode|opleidingsniveau`"), "{e}");
}

#[test]
fn messages_carry_no_personal_data() {
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded: Loaded<Jobseeker> =
        read_csv_file(fixture("postings/seekers_privacy.csv"), &Mapping::dutch_default(), &opts).unwrap();
    assert_eq!(loaded.accepted.len(), 1);
    let shown: Vec<(u64, String, Option<&str>)> = loaded
        .rejected
        .iter()
        .map(|e| (e.position().line.unwrap(), e.field().unwrap().to_string(), e.value()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (3, "klantnummer".to_string(), None),
            (4, "gewenst_beroep".to_string(), None),
            (5, "postcode".to_string(), Some("9999")),
        ]
    );
    assert!(loaded.rejected[0].reason().contains("ids must be pseudonymous"));
    let all: String = loaded.rejected.iter().map(|e| e.to_string()).collect();
    for secret in ["111222333", "Allround", "9999 AB"] {
        assert!(!all.contains(secret), "{secret} in {all}");
    }
}

#[test]
fn csv_vacancies_may_be_remote_without_location_and_lack_a_sector() {
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let loaded: Loaded<Vacancy> =
        read_csv_file(fixture("postings/vacancies_remote.csv"), &Mapping::dutch_default(), &opts).unwrap();
    let ids: Vec<&str> = loaded.accepted.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["V1", "V2"]);
    let v1 = &loaded.accepted[0];
    assert!(v1.is_remote());
    assert_eq!((v1.workplace.location(), v1.sector), (None, None));
    assert_eq!(errors(&loaded), vec![err(4, "postcode", ErrorKind::MissingField)]);
}

#[test]
fn json_lines_locations_outside_the_region_are_warnings() {
    use werkmatch_adapter::jsonl::read_records;
    use werkmatch_adapter::ReadOptions;
    let text = "{\"id\": \"S1\", \"location\": {\"lat\": 53.2, \"lon\": 6.5}}\n\n{\"id\": \"S2\", \"location\": {\"lat\": 6.5, \"lon\": 53.2}}\n";
    let loaded = read_records::<Jobseeker>(text.as_bytes(), None, &ReadOptions::new()).unwrap();
    assert_eq!(loaded.accepted.len(), 2, "kept");
    let w = &loaded.warnings[..];
    assert_eq!(w.len(), 1);
    assert_eq!((w[0].position().line, w[0].field(), w[0].kind()), (Some(3), Some("location"), ErrorKind::Implausible));
    assert!(w[0].reason().contains("swapped?"));
    let anywhere = ReadOptions::builder().area(werkmatch_adapter::feed::ExpectedArea::anywhere()).build().unwrap();
    assert!(read_records::<Jobseeker>(text.as_bytes(), None, &anywhere).unwrap().warnings.is_empty());
}

/// Eight postings, one per line, in an array (line i + 2 holds posting i).
fn eight_postings() -> Vec<String> {
    (0..8)
        .map(|i| {
            format!(
                "{{\"@type\": \"JobPosting\", \"identifier\": \"P{i}\", \"occupationalCategory\": \"9112\", \
                 \"jobLocation\": {{\"geo\": {{\"latitude\": 53.2, \"longitude\": 6.5}}}}}}"
            )
        })
        .collect()
}

proptest::proptest! {
    /// One byte deleted or replaced anywhere in one posting costs at most that
    /// posting: every other posting is still accepted, and nothing panics.
    #[test]
    fn one_broken_posting_costs_no_other(
        victim in 0usize..8,
        at in 0usize..120,
        with in proptest::sample::select(vec![None, Some(b'"'), Some(b'{'), Some(b'}'), Some(b'['), Some(b','), Some(b'x')]),
    ) {
        let mut lines = eight_postings();
        let line = &mut lines[victim];
        let at = at.min(line.len() - 1);
        let mut bytes = line.clone().into_bytes();
        match with {
            None => { bytes.remove(at); }
            Some(b) => bytes[at] = b,
        }
        *line = String::from_utf8(bytes).unwrap();
        let doc = format!("[\n{}\n]\n", lines.join(",\n"));
        let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
        let loaded = werkmatch_adapter::jobposting::read_jobpostings(&doc, None, &opts).unwrap();
        for i in (0..8).filter(|i| *i != victim) {
            let id = format!("P{i}");
            proptest::prop_assert!(
                loaded.accepted.iter().any(|v| v.id.as_str() == id),
                "{id} lost when posting {victim} was broken at {at} ({with:?}):\n{doc}\n{:?}",
                loaded.rejected.iter().map(|e| e.to_string()).collect::<Vec<_>>()
            );
        }
        proptest::prop_assert!(loaded.rejected.iter().all(|e| e.position().line.is_some()));
    }
}

/// JSON of the wrong shape (a string where a list or an object belongs) is
/// rejected with its position, without quoting the string: it may be free
/// text about a person.
#[test]
fn a_misshapen_value_is_rejected_without_echoing_it() {
    let secret = "Jan de Vries, Hoofdstraat 1";
    let table = table();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
    let graph = format!("{{\"@graph\": \"{secret}\"}}\n");
    let loaded = werkmatch_adapter::jobposting::read_jobpostings(&graph, None, &opts).unwrap();
    assert_eq!(loaded.rejected.len(), 1);
    let e = &loaded.rejected[0];
    assert_eq!((e.position().line, e.kind()), (Some(1), ErrorKind::InvalidValue));
    assert!(e.to_string().contains("expected a list"), "{e}");
    assert!(!e.to_string().contains("Jan"), "{e}");

    let export = format!("[\n\"{secret}\"\n]\n");
    let loaded = werkmatch_adapter::json_export::read_json_export::<Jobseeker>(
        export.as_bytes(),
        None,
        &Mapping::dutch_default(),
        &opts,
    )
    .unwrap();
    assert_eq!(loaded.rejected.len(), 1);
    let e = &loaded.rejected[0];
    assert_eq!((e.position().line, e.kind()), (Some(2), ErrorKind::InvalidValue));
    assert!(e.to_string().contains("expected an object"), "{e}");
    assert!(!e.to_string().contains("Jan"), "{e}");
}
