//! Random populations for the kernel's oracle tests that make ties, remote
//! jobs (with and without a location), unknown sectors, `max_minutes` 0,
//! empty skill lists, early shifts and many certificate names common.
//!
//! [`populations`] is a proptest strategy: each record comes from a seed of
//! its own, in vectors proptest can shrink, so a failure shrinks to a few
//! records (and simple seeds) rather than staying a population of 100.
//! [`population`] makes one from a single seed, for plain loops.

#![allow(dead_code)]

pub mod decisions;

use proptest::prelude::{any, Strategy};
use werkmatch_core::{
    Cefr, Education, Employer, Experience, GeoPoint, HoursRange, Id, IscoCode, Jobseeker, Mobility, ModeSet, Nace,
    PhysicalLoad, TimeOfDay, TravelMode, Vacancy, Workplace,
};

/// SplitMix64: tiny, seeded, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

const ISCO: [&str; 10] = ["9112", "9111", "9121", "5223", "2512", "4110", "1411", "0310", "7212", "3221"];
const SECTORS: [char; 5] = ['A', 'C', 'G', 'N', 'Q'];
/// More certificate names than the kernel's group masks have bits for (5),
/// so that the per-pair subset test runs too.
const CERTS: [&str; 8] = ["VCA", "BHV", "HACCP", "EHBO", "SVH", "NEN3140", "VOL-VCA", "HEFTRUCK"];

fn isco(r: &mut Rng, plain: bool) -> IscoCode {
    let codes = if plain { &ISCO[..2] } else { &ISCO[..] };
    IscoCode::parse(codes[r.below(codes.len())]).unwrap()
}

fn skills(r: &mut Rng, max: usize) -> Vec<String> {
    (0..r.below(max + 1)).map(|_| format!("s{}", r.below(10))).collect()
}

fn sectors(r: &mut Rng) -> Vec<Nace> {
    (0..r.below(3)).map(|_| Nace::from_letter(*r.pick(&SECTORS)).unwrap()).collect()
}

/// A location in a ~60 km box around Groningen; coarse (0.1°) when `coarse`,
/// so that many records share a spot and scores tie.
fn location(r: &mut Rng, coarse: bool) -> GeoPoint {
    let (a, b) = if coarse {
        (r.below(5) as f64 * 0.1, r.below(5) as f64 * 0.2)
    } else {
        (r.below(1_000_000) as f64 * 5e-7, r.below(1_000_000) as f64 * 9e-7)
    };
    GeoPoint::new(53.0 + a, 6.2 + b).unwrap()
}

fn hours(r: &mut Rng) -> HoursRange {
    let a = r.below(41) as u8;
    let b = a + r.below(61 - a as usize) as u8;
    HoursRange::new(a, b).unwrap()
}

/// Unique ids in a random order, with mixed case and lengths so that byte
/// order differs from numeric order.
fn ids(r: &mut Rng, prefix: &str, n: usize) -> Vec<Id> {
    let mut v: Vec<Id> = (0..n)
        .map(|i| {
            let p = if i % 3 == 0 { prefix.to_lowercase() } else { prefix.to_string() };
            Id::new(format!("{p}{i}")).unwrap()
        })
        .collect();
    r.shuffle(&mut v);
    v
}

pub fn seeker(r: &mut Rng, id: Id, coarse: bool, plain: bool) -> Jobseeker {
    let mut s = Jobseeker::new(id, location(r, coarse));
    s.education = *r.pick(&Education::ALL);
    s.experience = (0..r.below(3)).map(|_| Experience::new(isco(r, plain), r.below(4) as f64 * 0.5).unwrap()).collect();
    s.desired_occupations = (0..r.below(3)).map(|_| isco(r, plain)).collect();
    s.skills = skills(r, 6);
    s.sectors_preferred = sectors(r);
    s.sectors_experience = sectors(r);
    s.hours = hours(r);
    let modes: ModeSet = TravelMode::ALL.into_iter().filter(|_| r.chance(0.4)).collect();
    s.mobility = Mobility::new(*r.pick(&[0u16, 10, 30, 45, 45, 60, 90, 240]), modes).unwrap();
    s.licence = r.chance(0.5);
    s.dutch_level =
        if r.chance(0.8) { Some(*r.pick(&[Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2])) } else { None };
    s.max_physical_load = if r.chance(0.5) {
        Some(*r.pick(&[PhysicalLoad::Light, PhysicalLoad::Medium, PhysicalLoad::Heavy]))
    } else {
        None
    };
    s.certificates = CERTS.iter().filter(|_| r.chance(0.4)).map(|c| c.to_string()).collect();
    s.target_register = r.chance(0.2);
    s
}

/// A vacancy; `plain` ones (two codes, no requirements) fall into few, large
/// groups, so that the grids' cells and the transposed batch's cell path
/// are exercised.
pub fn vacancy(r: &mut Rng, id: Id, coarse: bool, plain: bool) -> Vacancy {
    let mut v = Vacancy::new(id, isco(r, plain), Nace::from_letter(*r.pick(&SECTORS)).unwrap(), location(r, coarse));
    if r.chance(0.2) {
        v.level = Some(werkmatch_core::SkillLevel::new(1 + r.below(4) as u8).unwrap());
    }
    // v1.1: remote jobs half of the time without a location, and unknown sectors.
    if r.chance(0.15) {
        v.workplace = if r.chance(0.5) { Workplace::Remote(None) } else { v.workplace.remote() };
    }
    if r.chance(0.15) {
        v.sector = None;
    }
    v.skills_essential = skills(r, 4);
    v.skills_optional = skills(r, 4);
    v.hours = hours(r);
    if r.chance(0.3) {
        v.earliest_start = Some(TimeOfDay::from_minutes(300 + r.below(300) as u16).unwrap());
    }
    v.requires_licence = r.chance(0.15);
    if r.chance(0.4) {
        v.min_dutch_level = Some(*r.pick(&[Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2]));
    }
    if r.chance(0.5) {
        v.physical_load = Some(*r.pick(&[PhysicalLoad::Light, PhysicalLoad::Medium, PhysicalLoad::Heavy]));
    }
    if r.chance(0.3) {
        v.certificates = (0..1 + r.below(2)).map(|_| r.pick(&CERTS).to_string()).collect();
        if r.chance(0.1) {
            v.certificates.push("UNKNOWN-CERT".to_string());
        }
    }
    v.offers_training = r.chance(0.4);
    v.reserved_for_target_group = r.chance(0.1);
    if plain {
        v.level = None;
        v.requires_licence = false;
        v.min_dutch_level = None;
        v.physical_load = None;
        v.certificates.clear();
        v.reserved_for_target_group = false;
    }
    v
}

pub fn employer(r: &mut Rng, id: Id, coarse: bool, plain: bool) -> Employer {
    let occ = (0..1 + r.below(3)).map(|_| isco(r, plain)).collect();
    let mut e = Employer::new(id, location(r, coarse), Nace::from_letter(*r.pick(&SECTORS)).unwrap(), occ).unwrap();
    e.offers_training = r.chance(0.4);
    e
}

/// A population of seekers, vacancies and employers.
#[derive(Clone, Debug)]
pub struct Population {
    pub seekers: Vec<Jobseeker>,
    pub vacancies: Vec<Vacancy>,
    pub employers: Vec<Employer>,
}

/// The most records of each kind, and whether vacancies are `plain`.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub seekers: usize,
    pub vacancies: usize,
    pub employers: usize,
    pub plain: bool,
}

/// Up to 40 seekers, 60 vacancies, 20 employers, every kind of vacancy.
pub const SMALL: Shape = Shape { seekers: 40, vacancies: 60, employers: 20, plain: false };

/// Up to 300 seekers, 500 vacancies and 100 employers in few large groups:
/// many records per grid cell and per group.
pub const LARGE: Shape = Shape { seekers: 300, vacancies: 500, employers: 100, plain: true };

/// A population from one seed per record (ids in a shuffled order from `order`).
pub fn build(shape: Shape, coarse: bool, seeds: [&[u64]; 3], order: u64) -> Population {
    let mut r = Rng::new(order);
    let [s, v, e] = seeds;
    let (ss, vs, es) = (ids(&mut r, "S", s.len()), ids(&mut r, "V", v.len()), ids(&mut r, "E", e.len()));
    let plain = shape.plain;
    Population {
        seekers: ss.into_iter().zip(s).map(|(id, &x)| seeker(&mut Rng::new(x), id, coarse, plain)).collect(),
        vacancies: vs.into_iter().zip(v).map(|(id, &x)| vacancy(&mut Rng::new(x), id, coarse, plain)).collect(),
        employers: es.into_iter().zip(e).map(|(id, &x)| employer(&mut Rng::new(x), id, coarse, plain)).collect(),
    }
}

/// Populations of `shape` as a proptest strategy that shrinks to few records.
pub fn populations(shape: Shape) -> impl Strategy<Value = Population> {
    use proptest::collection::vec;
    (
        any::<bool>(),
        vec(any::<u64>(), 0..=shape.seekers),
        vec(any::<u64>(), 0..=shape.vacancies),
        vec(any::<u64>(), 0..=shape.employers),
        any::<u64>(),
    )
        .prop_map(move |(coarse, s, v, e, order)| build(shape, coarse, [&s, &v, &e], order))
}

/// A [`SMALL`] population from one seed.
pub fn population(seed: u64) -> Population {
    let mut r = Rng::new(seed);
    let coarse = r.chance(0.5);
    let mut seeds = |max: usize| -> Vec<u64> { (0..r.below(max + 1)).map(|_| r.next()).collect() };
    let (s, v, e) = (seeds(SMALL.seekers), seeds(SMALL.vacancies), seeds(SMALL.employers));
    build(SMALL, coarse, [&s, &v, &e], seed.rotate_left(7))
}

/// Same subjects, same ids in the same order, bit-identical scores (the
/// README's promise within the project).
pub fn assert_same(got: &[werkmatch_core::rank::Ranking], want: &[werkmatch_core::rank::Ranking]) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g.subject, w.subject);
        let gi: Vec<&str> = g.matches.iter().map(|m| m.id.as_str()).collect();
        let wi: Vec<&str> = w.matches.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(gi, wi, "subject {}", g.subject);
        for (a, b) in g.matches.iter().zip(&w.matches) {
            assert_eq!(a.score.to_bits(), b.score.to_bits(), "{} {} vs {}", a.id, a.score, b.score);
        }
    }
}
