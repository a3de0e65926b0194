//! The JSON Lines reader as a whole: round trip with the writer, collect and stop modes,
//! blank lines, byte-order mark, line ends, streaming and I/O errors.

use std::io::{BufRead, BufReader, Read};
use std::num::NonZeroU16;

use werkmatch_adapter::jsonl::{read_employers, read_seekers, read_seekers_file, read_vacancies, write_jsonl, Reader};
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, OnError};
use werkmatch_core::{
    Cefr, Education, Employer, Experience, GeoPoint, HoursRange, Id, IscoCode, Jobseeker, Mobility, ModeSet, Nace,
    PhysicalLoad, TimeOfDay, TravelMode, Vacancy,
};

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn isco(s: &str) -> IscoCode {
    IscoCode::parse(s).unwrap()
}

fn seekers() -> Vec<Jobseeker> {
    let mut a = Jobseeker::new(id("S00001"), GeoPoint::new(53.219_383, 6.566_502).unwrap());
    a.education = Education::Mbo2;
    a.experience = vec![Experience::new(isco("9112"), 3.25).unwrap(), Experience::new(isco("0110"), 0.0).unwrap()];
    a.desired_occupations = vec![isco("5321")];
    a.skills = vec!["http://data.europa.eu/esco/skill/abc".into(), "schoonmaken".into()];
    a.sectors_preferred = vec![Nace::parse("Q").unwrap()];
    a.sectors_experience = vec![Nace::parse("G").unwrap(), Nace::parse("N").unwrap()];
    a.hours = HoursRange::new(16, 32).unwrap();
    a.mobility = Mobility::new(60, ModeSet::EMPTY.with(TravelMode::Ebike).with(TravelMode::Car)).unwrap();
    a.licence = true;
    a.dutch_level = Some(Cefr::B1);
    a.max_physical_load = Some(PhysicalLoad::Medium);
    a.certificates = vec!["VCA".into()];
    a.target_register = true;
    let b = Jobseeker::new(id("S00002 ünïcode \"quoted\""), GeoPoint::new(-90.0, 180.0).unwrap());
    vec![a, b]
}

fn vacancies() -> Vec<Vacancy> {
    let mut v = Vacancy::new(id("V1"), isco("9112"), Nace::parse("N").unwrap(), GeoPoint::new(53.2, 6.5).unwrap());
    v.employer = Some(id("E1"));
    v.title = Some("Schoonmaker (m/v)".into());
    v.esco_occupation = Some("http://data.europa.eu/esco/occupation/x".into());
    v.skills_essential = vec!["a".into()];
    v.skills_optional = vec!["b".into(), "c".into()];
    v.earliest_start = TimeOfDay::parse("06:30").ok();
    v.min_dutch_level = Some(Cefr::A2);
    v.physical_load = Some(PhysicalLoad::Heavy);
    v.positions = NonZeroU16::new(3).unwrap();
    v.workplace = v.workplace.remote();
    let w = Vacancy::new(id("V2"), isco("2512"), Nace::parse("J").unwrap(), GeoPoint::new(52.0, 5.0).unwrap());
    // v1.1: no sector (unknown) and remote without a location.
    let x = Vacancy::remote(id("V3"), isco("2512"), None);
    vec![v, w, x]
}

fn employers() -> Vec<Employer> {
    let mut e = Employer::new(
        id("E1"),
        GeoPoint::new(53.2, 6.5).unwrap(),
        Nace::parse("C").unwrap(),
        vec![isco("8189"), isco("9329")],
    )
    .unwrap();
    e.name = Some("Bakkerij De Korenschoof".into());
    e.offers_training = true;
    vec![e]
}

#[test]
fn round_trip_with_the_writer() {
    let mut buf = Vec::new();
    write_jsonl(&mut buf, &seekers()).unwrap();
    assert_eq!(read_seekers(&buf[..], None, &ReadOptions::new()).unwrap().accepted, seekers());

    let mut buf = Vec::new();
    write_jsonl(&mut buf, &vacancies()).unwrap();
    assert_eq!(read_vacancies(&buf[..], None, &ReadOptions::new()).unwrap().accepted, vacancies());

    let mut buf = Vec::new();
    write_jsonl(&mut buf, &employers()).unwrap();
    assert_eq!(read_employers(&buf[..], None, &ReadOptions::new()).unwrap().accepted, employers());
}

#[test]
fn round_trip_through_a_file() {
    let path = std::env::temp_dir().join(format!("werkmatch-jsonl-read-{}.jsonl", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    write_jsonl(std::io::BufWriter::new(file), &seekers()).unwrap();
    let loaded = read_seekers_file(&path, &ReadOptions::new());
    std::fs::remove_file(&path).unwrap();
    assert_eq!(loaded.unwrap().accepted, seekers());
}

#[test]
fn missing_file_is_an_io_error_naming_the_file() {
    let path = std::path::Path::new("/nonexistent/werkmatch/seekers.jsonl");
    let err = read_seekers_file(path, &ReadOptions::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert_eq!(err.position().file.as_deref(), Some(path));
}

const MIXED: &str = concat!(
    "{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n",
    "{\"id\":\"S2\",\"location\":{\"lat\":95,\"lon\":6.5}}\n",
    "\n",
    "{\"id\":\"S3\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n",
    "{\"id\":\"S4\",\"location\":{\"lat\":53.2,\"lon\":6.5},\"hours\":{\"min\":9,\"max\":8}}\n",
    "{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n",
);

#[test]
fn collect_mode_returns_accepted_and_rejected_with_counts() {
    let loaded =
        read_seekers(MIXED.as_bytes(), None, &ReadOptions::builder().on_error(OnError::Collect).build().unwrap())
            .unwrap();
    let ids: Vec<&str> = loaded.accepted.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["S1", "S3"]);
    let lines: Vec<Option<u64>> = loaded.rejected.iter().map(|e| e.position().line).collect();
    assert_eq!(lines, [Some(2), Some(5), Some(6)]);
    assert_eq!(loaded.read, 5, "the blank line is not a record");
    assert_eq!(loaded.summary(), "read 5, accepted 2, rejected 3");
}

#[test]
fn stop_mode_returns_the_first_error() {
    let err = read_seekers(MIXED.as_bytes(), None, &ReadOptions::new()).unwrap_err();
    assert_eq!(err.position().line, Some(2));
    assert_eq!(err.field(), Some("location.lat"));
    assert_eq!(err.value(), Some("95"));
}

#[test]
fn the_first_of_duplicate_ids_is_kept() {
    let loaded =
        read_seekers(MIXED.as_bytes(), None, &ReadOptions::builder().on_error(OnError::Collect).build().unwrap())
            .unwrap();
    let dup = loaded.rejected.iter().find(|e| e.kind() == ErrorKind::DuplicateId).unwrap();
    assert_eq!(dup.position().line, Some(6));
    assert!(loaded.accepted.iter().any(|s| s.id.as_str() == "S1"));
}

#[test]
fn blank_and_whitespace_lines_are_skipped_but_counted_as_lines() {
    let text = "\n   \n\t\r\n{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n\n{\"id\":\"\",\"location\":{\"lat\":1,\"lon\":1}}";
    let loaded =
        read_seekers(text.as_bytes(), None, &ReadOptions::builder().on_error(OnError::Collect).build().unwrap())
            .unwrap();
    assert_eq!((loaded.accepted.len(), loaded.rejected.len(), loaded.read), (1, 1, 2));
    assert_eq!(loaded.rejected[0].position().line, Some(6));
}

#[test]
fn empty_input_reads_nothing() {
    let loaded = read_seekers(&b""[..], None, &ReadOptions::new()).unwrap();
    assert_eq!((loaded.accepted.len(), loaded.rejected.len(), loaded.read), (0, 0, 0));
}

#[test]
fn a_byte_order_mark_and_crlf_are_accepted() {
    let text = "\u{feff}{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\r\n{\"id\":\"S2\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\r\n";
    let loaded = read_seekers(text.as_bytes(), None, &ReadOptions::new()).unwrap();
    assert_eq!(loaded.accepted.len(), 2);
}

#[test]
fn a_byte_order_mark_after_the_first_line_is_an_error() {
    let text = "{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n\u{feff}{\"id\":\"S2\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n";
    let err = read_seekers(text.as_bytes(), None, &ReadOptions::new()).unwrap_err();
    assert_eq!((err.kind(), err.position().line), (ErrorKind::Syntax, Some(2)));
}

#[test]
fn not_json_at_all_is_a_syntax_error() {
    let err = read_seekers(&b"seeker S1 lives in Groningen\n"[..], None, &ReadOptions::new()).unwrap_err();
    assert_eq!((err.kind(), err.position().line), (ErrorKind::Syntax, Some(1)));
}

#[test]
fn a_positional_array_is_not_a_record() {
    // serde would map an array onto the struct fields by position; FORMAT.md records are objects.
    let err = read_seekers(&b"[\"S1\", {\"lat\": 1, \"lon\": 1}]\n"[..], None, &ReadOptions::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
}

#[test]
fn the_streaming_reader_yields_records_and_errors_in_order() {
    let mut reader = Reader::<Jobseeker, _>::new(MIXED.as_bytes(), Some("mixed.jsonl".as_ref()), None);
    let outcome: Vec<Result<String, u64>> =
        reader.by_ref().map(|r| r.map(|s| s.id.to_string()).map_err(|e| e.position().line.unwrap_or(0))).collect();
    assert_eq!(outcome, [Ok("S1".into()), Err(2), Ok("S3".into()), Err(5), Err(6)]);
    assert_eq!((reader.records_read(), reader.line()), (5, 6));
}

/// A reader that yields some bytes and then fails.
struct FailingReader {
    data: &'static [u8],
}

impl Read for FailingReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.data.is_empty() {
            return Err(std::io::Error::other("disk on fire"));
        }
        let n = self.data.len().min(out.len());
        out[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn an_io_error_ends_the_read_even_in_collect_mode() {
    let input: Box<dyn BufRead> = Box::new(BufReader::new(FailingReader {
        data: b"{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n{\"id\":",
    }));
    let err = read_seekers(
        input,
        Some("x.jsonl".as_ref()),
        &ReadOptions::builder().on_error(OnError::Collect).build().unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert_eq!(err.position().line, Some(2));
    assert!(err.reason().contains("disk on fire"));
}

#[test]
fn progress_is_reported_every_block_of_records_and_at_the_end_with_the_bytes_read() {
    use werkmatch_adapter::feed::{Progress, PROGRESS_EVERY};
    let line = "{\"id\":\"S1\",\"location\":{\"lat\":53.2,\"lon\":6.5}}\n";
    let total = 2 * PROGRESS_EVERY + 5;
    // Same id on every line: all but the first are duplicates, and still records read.
    let text = format!("\n{}", line.repeat(total as usize));
    let reports = std::cell::RefCell::new(Vec::new());
    let cb = |p: Progress| reports.borrow_mut().push(p);
    let opts = ReadOptions::builder().on_error(OnError::Collect).progress(&cb).build().unwrap();
    let loaded = read_seekers(text.as_bytes(), None, &opts).unwrap();
    assert_eq!((loaded.read, loaded.accepted.len()), (total, 1));
    let reports = reports.take();
    let records: Vec<u64> = reports.iter().map(|p| p.records).collect();
    assert_eq!(records, vec![PROGRESS_EVERY, 2 * PROGRESS_EVERY, total]);
    assert_eq!(reports[0].bytes, 1 + PROGRESS_EVERY * line.len() as u64);
    assert_eq!(reports[2].bytes, text.len() as u64);
}
