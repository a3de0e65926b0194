//! Helpers shared by the feed tests: fixture paths and error tables.
#![allow(dead_code, missing_docs)]

use std::path::PathBuf;

use werkmatch_adapter::postcode::PostcodeTable;
use werkmatch_adapter::{ErrorKind, Loaded};

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/feeds")).join(name)
}

/// The hand-made Groningen postcode table of the fixtures.
pub fn table() -> PostcodeTable {
    PostcodeTable::read_file(fixture("postcodes_groningen.txt")).unwrap()
}

/// (line, field, kind) of every rejected record.
pub fn errors<T>(loaded: &Loaded<T>) -> Vec<(u64, String, ErrorKind)> {
    loaded
        .rejected
        .iter()
        .map(|e| (e.position().line.unwrap_or(0), e.field().unwrap_or("").to_string(), e.kind()))
        .collect()
}

pub fn err(line: u64, field: &str, kind: ErrorKind) -> (u64, String, ErrorKind) {
    (line, field.to_string(), kind)
}
