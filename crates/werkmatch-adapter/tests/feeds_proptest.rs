//! No panics on any bytes: random and mutated inputs for every feed parser
//! (CSV with mapping, postcode table, JobPosting JSON-LD, the JSON export,
//! leads), and every
//! record either accepted or rejected with a line.

use proptest::prelude::*;
use werkmatch_adapter::csv_export::{read_employers, read_seekers, read_vacancies, Mapping};
use werkmatch_adapter::jobposting::{read_jobpostings, read_jobpostings_from};
use werkmatch_adapter::json_export::read_json_export;
use werkmatch_adapter::jsonl::{read_seekers as read_jsonl_seekers, write_jsonl};
use werkmatch_adapter::leads::read_leads;
use werkmatch_adapter::postcode::PostcodeTable;
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{Loaded, OnError};

const POSTCODES: &[u8] = include_bytes!("../../../fixtures/feeds/postcodes_groningen.txt");
const SEEKERS: &[u8] = include_bytes!("../../../fixtures/feeds/seekers_nl.csv");
const VACANCIES: &[u8] = include_bytes!("../../../fixtures/feeds/vacancies_nl.csv");
const EMPLOYERS: &[u8] = include_bytes!("../../../fixtures/feeds/employers_nl.csv");
const LEADS: &[u8] = include_bytes!("../../../fixtures/feeds/leads_nl.csv");
const POSTINGS: &[u8] = include_bytes!("../../../fixtures/feeds/jobpostings.jsonld");
const GRAPH: &[u8] = include_bytes!("../../../fixtures/feeds/jobpostings_graph.jsonld");
const SEEKERS_JSON: &[u8] = include_bytes!("../../../fixtures/feeds/seekers_nl.json");

/// Random bytes built from JSON's structural characters, so the scanner meets
/// brackets, quotes and escapes in every order.
fn jsonish() -> impl Strategy<Value = Vec<u8>> {
    let alphabet: &[u8] = b"[]{}\",:\\ \n\"@graph\"1a-";
    proptest::collection::vec(proptest::sample::select(alphabet.to_vec()), 0..120)
}

fn table() -> PostcodeTable {
    PostcodeTable::read(POSTCODES, None).unwrap()
}

/// A fixture with a few bytes overwritten, inserted or deleted.
fn mutated(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec((0..base.len().max(1), any::<u8>(), 0u8..3), 1..12).prop_map(move |edits| {
        let mut v = base.to_vec();
        for (pos, byte, op) in edits {
            let pos = pos.min(v.len());
            match op {
                0 if pos < v.len() => v[pos] = byte,
                1 => v.insert(pos, byte),
                _ if pos < v.len() => {
                    v.remove(pos);
                }
                _ => v.push(byte),
            }
        }
        v
    })
}

/// Every read record is accounted for, and every rejection has a line.
fn accounted<T>(loaded: &Loaded<T>) -> bool {
    loaded.read == (loaded.accepted.len() + loaded.rejected.len()) as u64
        && loaded.rejected.iter().all(|e| e.position().line.is_some())
}

fn csv_all(bytes: &[u8], table: &PostcodeTable) {
    let mapping = Mapping::dutch_default();
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(table).build().unwrap();
    if let Ok(l) = read_seekers(bytes, None, &mapping, &opts) {
        assert!(accounted(&l));
        // What is accepted is valid FORMAT.md: it round-trips through the strict reader.
        let mut out = Vec::new();
        write_jsonl(&mut out, &l.accepted).unwrap();
        let back = read_jsonl_seekers(out.as_slice(), None, &ReadOptions::new()).unwrap();
        assert_eq!(back.accepted, l.accepted);
    }
    if let Ok(l) = read_vacancies(bytes, None, &mapping, &opts) {
        assert!(accounted(&l));
    }
    if let Ok(l) = read_employers(bytes, None, &mapping, &opts) {
        assert!(accounted(&l));
    }
    let _ = read_vacancies(bytes, None, &mapping, &ReadOptions::builder().postcodes(table).build().unwrap());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn csv_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        csv_all(&bytes, &table());
    }

    #[test]
    fn csv_mutated_seekers(bytes in mutated(SEEKERS)) {
        csv_all(&bytes, &table());
    }

    #[test]
    fn csv_mutated_vacancies_and_employers(v in mutated(VACANCIES), e in mutated(EMPLOYERS)) {
        let t = table();
        csv_all(&v, &t);
        csv_all(&e, &t);
    }

    #[test]
    fn leads_mutated(bytes in mutated(LEADS)) {
        let t = table();
        let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&t).build().unwrap();
        if let Ok(l) = read_leads(bytes.as_slice(), None, &Mapping::dutch_leads(), &opts) {
            prop_assert!(accounted(&l));
        }
    }

    #[test]
    fn postcode_table_random_and_mutated(random in proptest::collection::vec(any::<u8>(), 0..300), m in mutated(POSTCODES)) {
        for bytes in [random, m] {
            if let Ok(t) = PostcodeTable::read(bytes.as_slice(), None) {
                prop_assert!(t.len() as u64 <= t.rows());
            }
        }
    }

    #[test]
    fn postcode_strings(s in "\\PC{0,12}") {
        let t = table();
        if let Ok(p) = t.lookup(&s) {
            prop_assert!(p.lat().is_finite());
        }
    }

    #[test]
    fn jsonld_random_and_mutated(random in "\\PC{0,200}", a in mutated(POSTINGS), g in mutated(GRAPH)) {
        let t = table();
        for bytes in [random.into_bytes(), a, g] {
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&t).build().unwrap();
            let l = read_jobpostings(text, None, &opts).unwrap();
            prop_assert!(accounted(&l));
            let _ = read_jobpostings(text, None, &ReadOptions::new());
        }
    }

    #[test]
    fn jsonld_deep_nesting(depth in 1usize..200) {
        let text = format!("{}{{\"@type\":\"JobPosting\"}}{}", "[".repeat(depth), "]".repeat(depth));
        let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
        let l = read_jobpostings(&text, None, &opts).unwrap();
        prop_assert!(accounted(&l));
        prop_assert_eq!(l.accepted.len(), 0);
    }

    #[test]
    fn streamed_jsonld_and_json_export_on_any_bytes(
        random in proptest::collection::vec(any::<u8>(), 0..300),
        shaped in jsonish(),
        a in mutated(POSTINGS),
        g in mutated(GRAPH),
        s in mutated(SEEKERS_JSON),
    ) {
        let t = table();
        let mapping = Mapping::dutch_default();
        for bytes in [random, shaped, a, g, s] {
            // A tiny buffer, so that values cross buffer boundaries.
            let input = || std::io::BufReader::with_capacity(7, bytes.as_slice());
            let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&t).build().unwrap();
            let l = read_jobpostings_from(input(), None, &opts).unwrap();
            prop_assert!(accounted(&l));
            let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&t).build().unwrap();
            let l = read_json_export::<werkmatch_core::Jobseeker>(input(), None, &mapping, &opts).unwrap();
            prop_assert!(accounted(&l));
            let _ = read_json_export::<werkmatch_core::Vacancy>(input(), None, &mapping, &ReadOptions::new());
            // Streaming in pieces reads exactly what the whole text reads.
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&t).build().unwrap();
                let whole = read_jobpostings(text, None, &opts).unwrap();
                let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&t).build().unwrap();
                let pieces = read_jobpostings_from(input(), None, &opts).unwrap();
                prop_assert_eq!(whole.rejected, pieces.rejected);
                prop_assert_eq!(whole.accepted, pieces.accepted);
            }
        }
    }
}
