//! Throughput of the seeker reader on a generated file (ignored by default; run in release):
//!
//! `cargo test --release -p werkmatch-adapter --test jsonl_throughput -- --ignored --nocapture`
#![allow(clippy::print_stderr)]

use std::time::Instant;

use werkmatch_adapter::jsonl::{read_seekers, write_jsonl};
use werkmatch_adapter::OccupationResolver;
use werkmatch_adapter::ReadOptions;
use werkmatch_core::{
    Cefr, Education, Experience, GeoPoint, HoursRange, Id, IscoCode, Jobseeker, Mobility, ModeSet, Nace, TravelMode,
};

const N: usize = 100_000;

/// A deterministic generator (SplitMix64): enough variety for realistic line lengths.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn isco(&mut self) -> IscoCode {
        // Any of the 436 unit groups (four arbitrary digits are not an ISCO code).
        let n = IscoCode::all().len() as u64;
        IscoCode::all().nth(self.below(n) as usize).unwrap()
    }
}

fn generate(n: usize) -> Vec<u8> {
    let mut g = Gen(42);
    let seekers: Vec<Jobseeker> = (0..n)
        .map(|i| {
            let loc = GeoPoint::new(53.0 + g.unit() * 0.5, 6.3 + g.unit() * 0.6).unwrap();
            let mut s = Jobseeker::new(Id::new(format!("S{i:07}")).unwrap(), loc);
            s.education = Education::ALL[g.below(12) as usize];
            s.experience =
                (0..g.below(4)).map(|_| Experience::new(g.isco(), (g.below(40) as f64) / 4.0).unwrap()).collect();
            s.desired_occupations = (0..1 + g.below(3)).map(|_| g.isco()).collect();
            s.skills = (0..g.below(8))
                .map(|k| format!("http://data.europa.eu/esco/skill/{:08x}", (g.next() ^ k) as u32))
                .collect();
            s.sectors_preferred = (0..g.below(3)).map(|_| Nace::all().nth(g.below(21) as usize).unwrap()).collect();
            let min = g.below(24) as u8;
            s.hours = HoursRange::new(min, min + g.below(17) as u8).unwrap();
            s.mobility =
                Mobility::new(15 + g.below(60) as u16, ModeSet::EMPTY.with(TravelMode::Bike).with(TravelMode::Transit))
                    .unwrap();
            s.licence = g.below(2) == 0;
            s.dutch_level = [None, Some(Cefr::A2), Some(Cefr::B1), Some(Cefr::C1)][g.below(4) as usize];
            s
        })
        .collect();
    let mut buf = Vec::new();
    write_jsonl(&mut buf, &seekers).unwrap();
    buf
}

/// Knows every ISCO code as an "ESCO" reference, so the resolver path does real work but rewrites nothing.
struct NoOpResolver;

impl OccupationResolver for NoOpResolver {
    fn isco_of(&self, occupation: &str) -> Option<IscoCode> {
        IscoCode::parse(occupation).ok()
    }
    fn skills_of(&self, _: &str) -> Option<(Vec<String>, Vec<String>)> {
        None
    }
}

fn rate(label: &str, bytes: usize, f: impl Fn() -> usize) {
    // Best of three, after one warm-up, to damp noise on a shared machine.
    f();
    let best = (0..3)
        .map(|_| {
            let t = Instant::now();
            assert_eq!(f(), N);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    eprintln!(
        "{label:<34} {:>9.0} records/s  {:>6.1} MB/s  ({N} records, {:.1} ms)",
        N as f64 / best,
        bytes as f64 / best / 1e6,
        best * 1e3
    );
}

#[test]
#[ignore = "a measurement; run in release with --ignored --nocapture"]
fn seeker_read_throughput() {
    let data = generate(N);
    eprintln!(
        "generated {N} seekers, {:.1} MB, {:.0} bytes/line",
        data.len() as f64 / 1e6,
        data.len() as f64 / N as f64
    );

    rate("read_seekers (no resolver)", data.len(), || {
        read_seekers(&data[..], None, &ReadOptions::new()).unwrap().accepted.len()
    });
    rate("read_seekers (with resolver)", data.len(), || {
        read_seekers(&data[..], None, &ReadOptions::builder().resolver(&NoOpResolver).build().unwrap())
            .unwrap()
            .accepted
            .len()
    });
    // For comparison, both keeping the records as the reader does: plain serde (the floor)
    // and path tracking on every line (what the reader does only for a failed line).
    rate("bare serde_json::from_slice", data.len(), || {
        let v: Vec<Jobseeker> = lines(&data).map(|l| serde_json::from_slice(l).unwrap()).collect();
        v.len()
    });
    rate("serde_path_to_error on every line", data.len(), || {
        let v: Vec<Jobseeker> = lines(&data)
            .map(|l| serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(l)).unwrap())
            .collect();
        v.len()
    });
}

fn lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    data.split(|b| *b == b'\n').filter(|l| !l.is_empty())
}
