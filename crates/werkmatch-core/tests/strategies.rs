//! proptest strategies for random seekers and vacancies around Groningen.
#![allow(dead_code, missing_docs)]

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use werkmatch_core::*;

const CODES: [&str; 10] = ["9112", "9121", "5120", "5131", "8189", "7212", "3221", "2512", "4110", "0310"];
const SKILLS: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "h"];

pub fn code() -> impl Strategy<Value = IscoCode> {
    prop::sample::select(CODES.to_vec()).prop_map(|c| IscoCode::parse(c).unwrap())
}

pub fn skill() -> impl Strategy<Value = String> {
    prop::sample::select(SKILLS.to_vec()).prop_map(String::from)
}

pub fn nace() -> impl Strategy<Value = Nace> {
    prop::sample::select(vec!['C', 'F', 'G', 'I', 'N', 'Q']).prop_map(|c| Nace::from_letter(c).unwrap())
}

pub fn point() -> impl Strategy<Value = GeoPoint> {
    (52.9f64..53.5, 6.2f64..7.0).prop_map(|(a, b)| GeoPoint::new(a, b).unwrap())
}

pub fn hours() -> impl Strategy<Value = HoursRange> {
    (0u8..=60, 0u8..=60).prop_map(|(a, b)| HoursRange::new(a.min(b), a.max(b)).unwrap())
}

pub fn cefr() -> impl Strategy<Value = Option<Cefr>> {
    option::of(prop::sample::select(vec![Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2]))
}

pub fn load() -> impl Strategy<Value = Option<PhysicalLoad>> {
    option::of(prop::sample::select(vec![PhysicalLoad::Light, PhysicalLoad::Medium, PhysicalLoad::Heavy]))
}

pub fn seeker() -> impl Strategy<Value = Jobseeker> {
    (
        (point(), prop::sample::select(Education::ALL.to_vec()), vec((code(), 0.0f64..5.0), 0..3), vec(code(), 0..3)),
        (vec(skill(), 0..6), vec(nace(), 0..2), vec(nace(), 0..2), hours()),
        (0u16..=120, vec(prop::sample::select(TravelMode::ALL.to_vec()), 0..4), any::<bool>(), cefr(), load()),
        (vec(prop::sample::select(vec!["VCA", "BHV"]), 0..2), any::<bool>()),
    )
        .prop_map(|((loc, edu, exp, desired), (skills, pref, sexp, h), (mm, modes, lic, nl, pl), (certs, tr))| {
            let mut s = Jobseeker::new(Id::new("S").unwrap(), loc);
            s.education = edu;
            s.experience = exp.into_iter().map(|(c, y)| Experience::new(c, y).unwrap()).collect();
            s.desired_occupations = desired;
            s.skills = skills;
            s.sectors_preferred = pref;
            s.sectors_experience = sexp;
            s.hours = h;
            s.mobility = Mobility::new(mm, modes.into_iter().collect()).unwrap();
            s.licence = lic;
            s.dutch_level = nl;
            s.max_physical_load = pl;
            s.certificates = certs.into_iter().map(String::from).collect();
            s.target_register = tr;
            s
        })
}

pub fn vacancy() -> impl Strategy<Value = Vacancy> {
    (
        (code(), option::of(1u8..=4), option::weighted(0.85, nace()), point(), 0u8..20),
        (vec(skill(), 0..5), vec(skill(), 0..4), hours(), option::of(240u16..600)),
        (prop::bool::weighted(0.2), cefr(), load(), vec(prop::sample::select(vec!["VCA", "BHV"]), 0..2)),
        (any::<bool>(), prop::bool::weighted(0.1)),
    )
        .prop_map(|((isco, level, sector, loc, remote), (ess, opt, h, start), (lic, nl, pl, certs), (tr, tg))| {
            let mut v = Vacancy::new(Id::new("V").unwrap(), isco, sector, loc);
            v.level = level.map(|l| SkillLevel::new(l).unwrap());
            // v1.1: 1 in 10 remote, half of those without a location.
            match remote {
                0 => v.workplace = v.workplace.remote(),
                1 => v.workplace = Workplace::Remote(None),
                _ => {}
            }
            v.skills_essential = ess;
            v.skills_optional = opt;
            v.hours = h;
            v.earliest_start = start.map(|m| TimeOfDay::from_minutes(m).unwrap());
            v.requires_licence = lic;
            v.min_dutch_level = nl;
            v.physical_load = pl;
            v.certificates = certs.into_iter().map(String::from).collect();
            v.offers_training = tr;
            v.reserved_for_target_group = tg;
            v
        })
}
