//! Streaming and the real GeoNames table.
#![allow(clippy::print_stderr)]

use std::cell::RefCell;
use std::io::{BufReader, Read};
use std::path::PathBuf;

use werkmatch_adapter::csv_export::{read_seekers, Mapping};
use werkmatch_adapter::feed::{Progress, PROGRESS_EVERY};
use werkmatch_adapter::postcode::PostcodeTable;
use werkmatch_adapter::OnError;
use werkmatch_adapter::ReadOptions;

/// Generates a seekers CSV row by row, so the whole file never exists in memory.
struct Rows {
    next: usize,
    total: usize,
    pending: Vec<u8>,
}

impl Read for Rows {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pending.is_empty() && self.next <= self.total {
            self.pending = if self.next == 0 {
                b"klantnummer;postcode;opleidingsniveau\n".to_vec()
            } else if self.next % 10 == 0 {
                format!("K{};1234 AB;MBO 2\n", self.next).into_bytes() // not in the table: rejected
            } else {
                format!("K{};9711 AB;MBO 2\n", self.next).into_bytes()
            };
            self.next += 1;
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

#[test]
fn a_generated_stream_reports_progress_and_accounts_for_every_row() {
    let table = PostcodeTable::read(
        "NL\t9711\tGroningen\tGroningen\t04\tGroningen\t0014\t\t\t53.2194\t6.5665\t\n".as_bytes(),
        None,
    )
    .unwrap();
    let total = 50_000;
    let reports = RefCell::new(Vec::<Progress>::new());
    let cb = |p: Progress| reports.borrow_mut().push(p);
    let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).progress(&cb).build().unwrap();
    let rows = Rows { next: 0, total, pending: Vec::new() };
    let loaded = read_seekers(BufReader::new(rows), None, &Mapping::dutch_default(), &opts).unwrap();
    assert_eq!(loaded.read, total as u64);
    assert_eq!(loaded.rejected.len(), total / 10);
    assert_eq!(loaded.rejected[0].position().line, Some(11));
    assert_eq!(reports.borrow().len(), total / PROGRESS_EVERY as usize + 1);
    assert!(reports.borrow().windows(2).all(|w| w[0].records < w[1].records && w[0].bytes <= w[1].bytes));
    assert_eq!(reports.borrow().last().map(|p| p.records), Some(total as u64));
}

#[test]
fn shared_data_geonames_postcode_table() {
    let path =
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/geo/geonames_postalcodes_NL.txt"));
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let table = PostcodeTable::read_file(&path).unwrap();
    // SOURCES.md: 4334 rows, 4086 distinct PC4.
    assert_eq!((table.rows(), table.len()), (4334, 4086));
    let groningen = table.lookup("9711 AB").unwrap();
    assert!((53.0..53.4).contains(&groningen.lat()) && (6.4..6.7).contains(&groningen.lon()));
}
