//! The hand-made case set in `fixtures/cases/`: both rankers (the reference
//! and the kernel) must reproduce the rankings worked out in `expected.json`
//! by an independent implementation (ids in order, scores within 1e-4), and
//! agree with each other bit for bit.

use std::path::Path;

use serde_json::Value;
use werkmatch::rank::{reference, Executor, Matcher, RankOptions, Ranking};
use werkmatch::score::ScoringConfig;
use werkmatch::{Employer, Jobseeker, Vacancy};

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/cases"))
}

fn load<T: serde::de::DeserializeOwned>(name: &str) -> Vec<T> {
    let text = std::fs::read_to_string(dir().join(name)).unwrap();
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap()).unwrap()
}

fn check(direction: &str, got: &[Ranking], want: &Value) {
    let want = want[direction].as_object().unwrap();
    assert_eq!(got.len(), want.len(), "{direction}: number of subjects");
    for r in got {
        let w = want[r.subject.as_str()].as_array().unwrap();
        let got_ids: Vec<&str> = r.matches.iter().map(|m| m.id.as_str()).collect();
        let want_ids: Vec<&str> = w.iter().map(|m| m["id"].as_str().unwrap()).collect();
        assert_eq!(got_ids, want_ids, "{direction} {}", r.subject);
        for (m, x) in r.matches.iter().zip(w) {
            let ws = x["score"].as_f64().unwrap();
            assert!((m.score - ws).abs() < 1e-4, "{direction} {} {}: {} vs {ws}", r.subject, m.id, m.score);
        }
    }
}

#[test]
fn reference_ranker_reproduces_the_worked_cases() {
    let seekers: Vec<Jobseeker> = load("seekers.jsonl");
    let vacancies: Vec<Vacancy> = load("vacancies.jsonl");
    let employers: Vec<Employer> = load("employers.jsonl");
    let cfg = ScoringConfig::default();
    let want = expected();
    let opts = RankOptions::top(want["k"].as_u64().unwrap() as usize);
    check("seeker_to_vacancies", &reference::seeker_to_vacancies(&cfg, &seekers, &vacancies, &opts), &want);
    check("vacancy_to_seekers", &reference::vacancy_to_seekers(&cfg, &vacancies, &seekers, &opts), &want);
    check("seeker_to_employers", &reference::seeker_to_employers(&cfg, &seekers, &employers, &opts), &want);
}

#[test]
fn kernel_reproduces_the_worked_cases() {
    let seekers: Vec<Jobseeker> = load("seekers.jsonl");
    let vacancies: Vec<Vacancy> = load("vacancies.jsonl");
    let employers: Vec<Employer> = load("employers.jsonl");
    let cfg = ScoringConfig::default();
    let want = expected();
    let opts = RankOptions::top(want["k"].as_u64().unwrap() as usize);
    let m = Matcher::builder()
        .config(cfg.clone())
        .seekers(&seekers)
        .vacancies(&vacancies)
        .employers(&employers)
        .build()
        .unwrap();
    let one = Executor::CurrentThread;
    let sv = m.seeker_to_vacancies(&seekers, &opts, one).0;
    let vs = m.vacancy_to_seekers(&vacancies, &opts, one).0;
    let se = m.seeker_to_employers(&seekers, &opts, one).0;
    check("seeker_to_vacancies", &sv, &want);
    check("vacancy_to_seekers", &vs, &want);
    check("seeker_to_employers", &se, &want);
    assert_eq!(sv, reference::seeker_to_vacancies(&cfg, &seekers, &vacancies, &opts));
    assert_eq!(vs, reference::vacancy_to_seekers(&cfg, &vacancies, &seekers, &opts));
    assert_eq!(se, reference::seeker_to_employers(&cfg, &seekers, &employers, &opts));
}

#[test]
fn knockouts_of_the_worked_cases() {
    let seekers: Vec<Jobseeker> = load("seekers.jsonl");
    let vacancies: Vec<Vacancy> = load("vacancies.jsonl");
    let employers: Vec<Employer> = load("employers.jsonl");
    let cfg = ScoringConfig::default();
    let want = expected();
    for p in want["pairs"].as_array().unwrap() {
        let s = seekers.iter().find(|s| s.id.as_str() == p["seeker"].as_str().unwrap()).unwrap();
        let e = if let Some(v) = p["vacancy"].as_str() {
            werkmatch::score::explain(&cfg, s, vacancies.iter().find(|x| x.id.as_str() == v).unwrap())
        } else {
            let id = p["employer"].as_str().unwrap();
            werkmatch::score::explain_employer(&cfg, s, employers.iter().find(|x| x.id.as_str() == id).unwrap())
                .unwrap()
        };
        let got: Vec<&str> = e.knockouts.iter().map(|k| k.name()).collect();
        let want_ko: Vec<&str> = p["knockouts"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
        assert_eq!(got, want_ko, "{p}");
    }
}
