//! Builders shared by the core's integration tests.
#![allow(dead_code, missing_docs)]

use werkmatch_core::*;

pub const GRONINGEN: (f64, f64) = (53.2194, 6.5665);
pub const ASSEN: (f64, f64) = (52.9925, 6.5649);

pub fn at((lat, lon): (f64, f64)) -> GeoPoint {
    GeoPoint::new(lat, lon).unwrap()
}

pub fn isco(s: &str) -> IscoCode {
    IscoCode::parse(s).unwrap()
}

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

pub fn seeker(name: &str, loc: (f64, f64)) -> Jobseeker {
    Jobseeker::new(id(name), at(loc))
}

pub fn vacancy(name: &str, code: &str, loc: (f64, f64)) -> Vacancy {
    Vacancy::new(id(name), isco(code), Nace::parse("N").unwrap(), at(loc))
}

pub fn modes(list: &[TravelMode]) -> ModeSet {
    list.iter().copied().collect()
}

pub fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// A point `km` kilometres due north of `from` (on the meridian, exact for haversine).
pub fn north_of((lat, lon): (f64, f64), km: f64) -> (f64, f64) {
    (lat + km / (6371.0088 * std::f64::consts::PI / 180.0), lon)
}
