//! The reader never panics, whatever the bytes: random input and mutated valid lines.

use proptest::prelude::*;
use werkmatch_adapter::jsonl::{read_records, Record};
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, OccupationResolver, OnError};
use werkmatch_core::{Employer, IscoCode, Jobseeker, Vacancy};

const VALID: [&str; 3] = [
    r#"{"id":"S1","location":{"lat":53.2,"lon":6.56},"education":"mbo2","experience":[{"isco":"9112","years":3}],"hours":{"min":16,"max":32},"mobility":{"max_minutes":45,"modes":["bike"]},"dutch_level":"B1","earliest_start":"06:30"}"#,
    r#"{"id":"V1","isco":"9112","esco_occupation":"esco:x","sector":"N","location":{"lat":53.2,"lon":6.56},"level":1,"positions":2,"earliest_start":"06:30"}"#,
    r#"{"id":"E1","location":{"lat":53.2,"lon":6.56},"sector":"C","occupations":["8189","esco:x"]}"#,
];

struct AnyResolver;

impl OccupationResolver for AnyResolver {
    fn isco_of(&self, occupation: &str) -> Option<IscoCode> {
        occupation.starts_with("esco:").then(|| IscoCode::parse("9112").ok()).flatten()
    }
    fn skills_of(&self, occupation: &str) -> Option<(Vec<String>, Vec<String>)> {
        occupation.starts_with("esco:").then(|| (vec!["a".into()], vec![]))
    }
}

/// Reads `bytes` as every record type, with and without a resolver, and checks the bookkeeping.
fn read_all_ways(bytes: &[u8]) {
    fn one<T: Record>(bytes: &[u8], opts: &ReadOptions<'_>) {
        let loaded = read_records::<T>(bytes, None, opts).unwrap();
        assert_eq!(loaded.read, (loaded.accepted.len() + loaded.rejected.len()) as u64);
        for e in &loaded.rejected {
            assert!(e.position().line.is_some_and(|l| l >= 1), "{e}");
            assert_ne!(e.kind(), ErrorKind::Io);
        }
        let stop = read_records::<T>(bytes, None, &opts.to_builder().on_error(OnError::Stop).build().unwrap());
        assert_eq!(stop.is_ok(), loaded.rejected.is_empty());
    }
    let plain = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let resolving = plain.to_builder().resolver(&AnyResolver).build().unwrap();
    for opts in [plain, resolving] {
        one::<Jobseeker>(bytes, &opts);
        one::<Vacancy>(bytes, &opts);
        one::<Employer>(bytes, &opts);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        read_all_ways(&bytes);
    }

    #[test]
    fn mutated_valid_lines_never_panic(
        which in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut bytes = VALID[which].as_bytes().to_vec();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len() + 1);
            match op {
                0 => bytes.insert(i, byte),
                1 if i < bytes.len() => { bytes.remove(i); }
                _ if i < bytes.len() => bytes[i] = byte,
                _ => bytes.push(byte),
            }
        }
        bytes.push(b'\n');
        bytes.extend_from_slice(VALID[which].as_bytes());
        read_all_ways(&bytes);
    }

    #[test]
    fn mutated_values_never_panic(which in 0usize..3, value in "[ -~]{0,12}", key_pick in any::<prop::sample::Index>()) {
        // Replace the value of one key by arbitrary (printable) JSON-ish text.
        let mut doc: serde_json::Value = serde_json::from_str(VALID[which]).unwrap();
        let keys: Vec<String> = doc.as_object().unwrap().keys().cloned().collect();
        let key = &keys[key_pick.index(keys.len())];
        let replacement = serde_json::from_str(&value).unwrap_or(serde_json::Value::String(value.clone()));
        doc[key.as_str()] = replacement;
        read_all_ways(doc.to_string().as_bytes());
    }
}
