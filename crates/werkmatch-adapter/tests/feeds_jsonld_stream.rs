//! JSON-LD JobPostings read as a stream: one posting in memory at a time.
#![allow(clippy::print_stderr)]

use std::cell::{Cell, RefCell};
use std::io::{BufReader, Read};

use werkmatch_adapter::feed::{Progress, PROGRESS_EVERY};
use werkmatch_adapter::jobposting::{read_jobpostings, read_jobpostings_from};
use werkmatch_adapter::ReadOptions;
use werkmatch_adapter::{ErrorKind, OnError};

/// Generates a top-level array (or an `@graph`) of postings lazily, so the document never exists in memory.
/// Every 10th posting has an unknown employment type; each carries `pad` bytes of description.
struct Postings {
    next: usize,
    total: usize,
    pad: usize,
    graph: bool,
    pending: Vec<u8>,
    done: bool,
}

impl Postings {
    fn new(total: usize, pad: usize, graph: bool) -> Self {
        Postings { next: 0, total, pad, graph, pending: Vec::new(), done: false }
    }

    fn posting(&self, i: usize) -> String {
        let hours = if i % 10 == 0 { "SOMETIMES" } else { "PART_TIME" };
        format!(
            "{{\"@type\": \"JobPosting\", \"identifier\": \"P{i}\", \"occupationalCategory\": \"9112\",\n \
             \"industry\": \"N\", \"employmentType\": \"{hours}\", \"description\": \"{}\",\n \
             \"jobLocation\": {{\"geo\": {{\"latitude\": 53.2, \"longitude\": 6.5}}}}}}",
            "x".repeat(self.pad)
        )
    }
}

impl Read for Postings {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pending.is_empty() && !self.done {
            self.pending = if self.next == 0 {
                let open = if self.graph { "{\"@context\": \"https://schema.org\", \"@graph\": [\n" } else { "[\n" };
                format!("{open}{}", self.posting(1)).into_bytes()
            } else if self.next < self.total {
                format!(",\n{}", self.posting(self.next + 1)).into_bytes()
            } else {
                self.done = true;
                (if self.graph { "\n]}\n" } else { "\n]\n" }).as_bytes().to_vec()
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
fn a_generated_array_and_graph_stream_with_lines_and_progress() {
    for graph in [false, true] {
        let total = 30_000;
        let reports = RefCell::new(Vec::<Progress>::new());
        let cb = |p: Progress| reports.borrow_mut().push(p);
        let opts = ReadOptions::builder().on_error(OnError::Collect).progress(&cb).build().unwrap();
        let input = BufReader::with_capacity(100, Postings::new(total, 10, graph));
        let loaded = read_jobpostings_from(input, None, &opts).unwrap();
        assert_eq!(loaded.read, total as u64);
        assert_eq!(loaded.rejected.len(), total / 10);
        // Posting i starts on line 3i - 1 (3 lines each, after the opening line).
        let first = &loaded.rejected[0];
        assert_eq!((first.position().line, first.field()), (Some(29), Some("employmentType")));
        let last = loaded.rejected.last().unwrap();
        assert_eq!(last.position().line, Some(3 * total as u64 - 1));
        assert_eq!(reports.borrow().len(), total / PROGRESS_EVERY as usize + 1);
        assert!(reports.borrow().windows(2).all(|w| w[0].records < w[1].records && w[0].bytes <= w[1].bytes));
    }
}

#[test]
fn a_syntax_error_mid_array_costs_one_posting_and_names_its_line() {
    let text = "[\n{\"@type\": \"JobPosting\", \"identifier\": \"A\", \"occupationalCategory\": \"9112\", \"industry\": \"N\", \
                \"jobLocation\": {\"geo\": {\"latitude\": 53.2, \"longitude\": 6.5}}},\n\
                {\"@type\": \"JobPosting\",\n \"identifier\": nope},\n{\"@type\": \"JobPosting\"}\n]";
    let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
    let loaded = read_jobpostings(text, None, &opts).unwrap();
    assert_eq!(loaded.accepted.len(), 1);
    assert_eq!(loaded.rejected.len(), 2, "the posting after the broken one is read too");
    let e = &loaded.rejected[0];
    assert_eq!((e.kind(), e.position().line), (ErrorKind::Syntax, Some(4)));
    let e = &loaded.rejected[1];
    assert_eq!((e.kind(), e.position().line, e.field()), (ErrorKind::MissingField, Some(5), Some("identifier")));
    let e = read_jobpostings("\n[ }", None, &ReadOptions::new()).unwrap_err();
    assert_eq!((e.kind(), e.position().line), (ErrorKind::Syntax, Some(2)));
}

/// Peak resident memory of this process, in KiB (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Streams `total` generated postings with `pad` bytes of description each; returns (input bytes, read).
fn stream(total: usize, pad: usize) -> (u64, u64) {
    let bytes = Cell::new(0);
    let cb = |p: Progress| bytes.set(p.bytes);
    let opts = ReadOptions::builder().on_error(OnError::Collect).progress(&cb).build().unwrap();
    let input = BufReader::with_capacity(1 << 16, Postings::new(total, pad, false));
    let loaded = read_jobpostings_from(input, None, &opts).unwrap();
    (bytes.get(), loaded.read)
}

/// About 200 MB of postings with 2 KB descriptions, streamed: peak memory
/// stays far below the input size, and about what the same postings take
/// with 10-byte descriptions (a 21 MB input): memory follows the records,
/// not the file. Run with
/// `cargo test --release -p werkmatch-adapter --test feeds_jsonld_stream -- --ignored --nocapture`.
#[test]
#[ignore = "reads 200 MB; a measurement, run by hand"]
fn memory_of_a_200_mb_array_stays_small() {
    let Some(start) = peak_rss_kib() else {
        eprintln!("no /proc/self/status: skipped");
        return;
    };
    let total = 95_000;
    let (small_bytes, small_read) = stream(total, 10);
    let small_peak = peak_rss_kib().unwrap_or(0);
    let (big_bytes, big_read) = stream(total, 2_000);
    let big_peak = peak_rss_kib().unwrap_or(0);
    let mb = |kib: u64| kib as f64 / 1024.0;
    eprintln!(
        "{total} postings (85,500 accepted): peak RSS {:.1} MB at start, {:.1} MB after a {:.1} MB input, \
         {:.1} MB after a {:.1} MB input",
        mb(start),
        mb(small_peak),
        small_bytes as f64 / 1e6,
        mb(big_peak),
        big_bytes as f64 / 1e6
    );
    assert_eq!((small_read, big_read), (total as u64, total as u64));
    assert!(big_bytes > 190_000_000);
    assert!(big_peak < 100 * 1024, "peak RSS {big_peak} KiB for a {big_bytes}-byte input");
}
