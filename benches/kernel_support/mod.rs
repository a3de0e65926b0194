//! A small, seeded, self-contained population generator for the kernel
//! benchmarks: seekers, vacancies and employers clustered around Dutch towns,
//! with ISCO codes, skills from a vocabulary of 3,000, and realistic mobility.
//! (The project's real synthetic generator lives in the adapter; this one only
//! needs to be plausible and reproducible.)

#![allow(dead_code)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use werkmatch::{
    Cefr, Education, Employer, Experience, GeoPoint, HoursRange, Id, IscoCode, Jobseeker, Mobility, ModeSet, Nace,
    TimeOfDay, TravelMode, Vacancy,
};

/// Town centres (lat, lon, weight) used for the national scale.
const TOWNS: [(f64, f64, f64); 16] = [
    (52.370, 4.895, 9.0), // Amsterdam
    (51.924, 4.478, 6.5), // Rotterdam
    (52.078, 4.288, 5.5), // Den Haag
    (52.091, 5.122, 3.6), // Utrecht
    (51.441, 5.469, 2.3), // Eindhoven
    (53.219, 6.566, 2.3), // Groningen
    (51.560, 5.091, 2.2), // Tilburg
    (52.387, 4.646, 1.6), // Haarlem
    (51.842, 5.852, 1.8), // Nijmegen
    (52.221, 6.893, 1.6), // Enschede
    (52.156, 5.387, 1.6), // Amersfoort
    (51.589, 4.776, 1.8), // Breda
    (50.851, 5.691, 1.2), // Maastricht
    (52.212, 5.969, 1.6), // Apeldoorn
    (52.517, 6.083, 1.3), // Zwolle
    (53.201, 5.799, 1.0), // Leeuwarden
];

const ISCO: [&str; 40] = [
    "9112", "9111", "9121", "9211", "9311", "9321", "9329", "9411", "9412", "9621", "5223", "5230", "5120", "5131",
    "5321", "5322", "5414", "4110", "4120", "4311", "4321", "4222", "7112", "7115", "7126", "7411", "7231", "8322",
    "8332", "8344", "8160", "3221", "3313", "3341", "2221", "2512", "2411", "1411", "1420", "2341",
];

fn id(prefix: &str, i: usize) -> Id {
    Id::new(format!("{prefix}{i:07}")).expect("valid id")
}

fn around(r: &mut ChaCha8Rng, lat: f64, lon: f64, km: f64) -> GeoPoint {
    // A rough normal by summing uniforms; 1 km ≈ 0.009° latitude, 0.015° longitude here.
    let n = |r: &mut ChaCha8Rng| (0..4).map(|_| r.gen::<f64>() - 0.5).sum::<f64>();
    let lat = (lat + n(r) * km * 0.009).clamp(50.75, 53.55);
    let lon = (lon + n(r) * km * 0.015).clamp(3.3, 7.2);
    GeoPoint::new(lat, lon).expect("valid point")
}

fn isco(r: &mut ChaCha8Rng) -> IscoCode {
    // Elementary and service occupations are the most common in this population.
    let i = if r.gen_bool(0.6) { r.gen_range(0..17) } else { r.gen_range(0..ISCO.len()) };
    IscoCode::parse(ISCO[i]).expect("valid code")
}

fn skill(r: &mut ChaCha8Rng, code: IscoCode) -> String {
    // Skills cluster by occupation: most come from the code's own 60, some from anywhere.
    if r.gen_bool(0.8) {
        format!("skill-{}-{}", code.as_u16(), r.gen_range(0..60))
    } else {
        format!("skill-any-{}", r.gen_range(0..600))
    }
}

fn sector(r: &mut ChaCha8Rng) -> Nace {
    Nace::from_letter(*b"CFGHINQRS".get(r.gen_range(0..9)).unwrap_or(&b'N') as char).expect("valid letter")
}

fn seeker(r: &mut ChaCha8Rng, i: usize, (lat, lon, km): (f64, f64, f64)) -> Jobseeker {
    let mut s = Jobseeker::new(id("S", i), around(r, lat, lon, km));
    s.education = Education::ALL[r.gen_range(0..Education::ALL.len())];
    let code = isco(r);
    s.experience =
        (0..r.gen_range(0..3)).map(|_| Experience::new(isco(r), r.gen_range(0.0..8.0)).expect("ok")).collect();
    s.desired_occupations = vec![code];
    s.skills = (0..r.gen_range(3..14)).map(|_| skill(r, code)).collect();
    s.sectors_preferred = (0..r.gen_range(0..2)).map(|_| sector(r)).collect();
    s.sectors_experience = (0..r.gen_range(0..3)).map(|_| sector(r)).collect();
    let min = *[0u8, 12, 16, 24, 32].get(r.gen_range(0..5)).unwrap_or(&0);
    s.hours = HoursRange::new(min, min.max(40)).expect("ok");
    let (minutes, modes) = match r.gen_range(0..10) {
        0 => (30, ModeSet::EMPTY),
        1..=5 => (45, ModeSet::EMPTY.with(TravelMode::Bike).with(TravelMode::Transit)),
        6..=7 => (60, ModeSet::EMPTY.with(TravelMode::Ebike).with(TravelMode::Transit)),
        _ => (60, ModeSet::EMPTY.with(TravelMode::Car).with(TravelMode::Bike)),
    };
    s.mobility = Mobility::new(minutes, modes).expect("ok");
    s.licence = r.gen_bool(0.45);
    s.dutch_level = [None, Some(Cefr::A2), Some(Cefr::B1), Some(Cefr::B2), Some(Cefr::C1)][r.gen_range(0..5)];
    if r.gen_bool(0.15) {
        s.certificates = vec!["VCA".into()];
    }
    s.target_register = r.gen_bool(0.1);
    s
}

fn vacancy(r: &mut ChaCha8Rng, i: usize, (lat, lon, km): (f64, f64, f64)) -> Vacancy {
    let code = isco(r);
    let mut v = Vacancy::new(id("V", i), code, sector(r), around(r, lat, lon, km));
    if r.gen_bool(0.03) {
        v.workplace = v.workplace.remote();
    }
    v.skills_essential = (0..r.gen_range(0..7)).map(|_| skill(r, code)).collect();
    v.skills_optional = (0..r.gen_range(0..5)).map(|_| skill(r, code)).collect();
    let min = *[0u8, 8, 16, 24, 32].get(r.gen_range(0..5)).unwrap_or(&0);
    v.hours = HoursRange::new(min, (min + 8).max(24)).expect("ok");
    if r.gen_bool(0.15) {
        v.earliest_start = TimeOfDay::from_minutes(r.gen_range(300..540)).ok();
    }
    v.requires_licence = r.gen_bool(0.1);
    v.min_dutch_level = [None, None, Some(Cefr::A2), Some(Cefr::B1)][r.gen_range(0..4)];
    if r.gen_bool(0.1) {
        v.certificates = vec!["VCA".into()];
    }
    v.offers_training = r.gen_bool(0.3);
    v.reserved_for_target_group = r.gen_bool(0.03);
    v
}

fn employer(r: &mut ChaCha8Rng, i: usize, (lat, lon, km): (f64, f64, f64)) -> Employer {
    let occ = (0..r.gen_range(1..5)).map(|_| isco(r)).collect();
    let mut e = Employer::new(id("E", i), around(r, lat, lon, km), sector(r), occ).expect("ok");
    e.offers_training = r.gen_bool(0.3);
    e
}

/// A generated population.
pub struct Population {
    /// Seekers.
    pub seekers: Vec<Jobseeker>,
    /// Vacancies.
    pub vacancies: Vec<Vacancy>,
    /// Employers without a vacancy.
    pub employers: Vec<Employer>,
}

/// Groningen scale: seekers in the city (~6 km spread), vacancies and
/// employers in the region (~25 km spread).
pub fn groningen(seed: u64, seekers: usize, vacancies: usize, employers: usize) -> Population {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    let (lat, lon) = (53.219, 6.566);
    Population {
        seekers: (0..seekers).map(|i| seeker(&mut r, i, (lat, lon, 6.0))).collect(),
        vacancies: (0..vacancies).map(|i| vacancy(&mut r, i, (lat, lon, 25.0))).collect(),
        employers: (0..employers).map(|i| employer(&mut r, i, (lat, lon, 25.0))).collect(),
    }
}

fn town(r: &mut ChaCha8Rng, spread_km: f64) -> (f64, f64, f64) {
    let total: f64 = TOWNS.iter().map(|t| t.2).sum();
    let mut x = r.gen::<f64>() * total;
    for &(lat, lon, w) in &TOWNS {
        if x < w {
            return (lat, lon, spread_km);
        }
        x -= w;
    }
    (TOWNS[0].0, TOWNS[0].1, spread_km)
}

/// National scale: everyone clustered around 16 towns.
pub fn national(seed: u64, seekers: usize, vacancies: usize, employers: usize) -> Population {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    let seekers = (0..seekers).map(|i| {
        let t = town(&mut r, 12.0);
        seeker(&mut r, i, t)
    });
    let seekers = seekers.collect();
    let vacancies = (0..vacancies)
        .map(|i| {
            let t = town(&mut r, 20.0);
            vacancy(&mut r, i, t)
        })
        .collect();
    let employers = (0..employers)
        .map(|i| {
            let t = town(&mut r, 20.0);
            employer(&mut r, i, t)
        })
        .collect();
    Population { seekers, vacancies, employers }
}
