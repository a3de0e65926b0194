//! AUDIT.md section 2: any (seeker, vacancy) pair explained for the person
//! concerned, ranked or not, in Dutch and English (`jobhunt --explain`,
//! `vacancy --explain`).

mod support;
use support::{run, run_ok, text};

use serde_json::Value;

const SEEKERS: &str = "fixtures/cases/seekers.jsonl";
const VACANCIES: &str = "fixtures/cases/vacancies.jsonl";
const EMPLOYERS: &str = "fixtures/cases/employers.jsonl";

fn json(tool: &str, args: &[&str]) -> Value {
    let o = run_ok(tool, &[args, &["--format", "json"]].concat());
    serde_json::from_slice(&o.stdout).unwrap()
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect()
}

#[test]
fn a_pair_neither_ranked_nor_a_near_miss_is_explained_in_both_languages() {
    let base = ["--seekers", SEEKERS, "--id", "S06", "--vacancies", VACANCIES, "--employers", EMPLOYERS];
    // S06 and V04: three knock-outs (expected.json), so in no list the tool shows.
    let lists = json("jobhunt", &[&base[..], &["--top", "10", "--near-misses", "10"]].concat());
    assert!(!ids(&lists["vacancies"]).contains(&"V04") && !ids(&lists["near_misses"]).contains(&"V04"), "{lists}");
    let mut texts = Vec::new();
    for lang in ["nl", "en"] {
        let v = json("jobhunt", &[&base[..], &["--explain", "V04", "--lang", lang]].concat());
        assert_eq!(
            (v["seeker"].as_str(), v["vacancy"].as_str(), &v["score"]),
            (Some("S06"), Some("V04"), &Value::Null)
        );
        let ks: Vec<&str> =
            v["knockouts"].as_array().unwrap().iter().map(|k| k["knockout"].as_str().unwrap()).collect();
        assert_eq!(ks, ["travel", "hours", "licence"], "{v}");
        assert_eq!(v["explanation"]["knockouts"], serde_json::json!(ks));
        // Every knock-out says what would lift it; the travel one names the mode that would.
        for k in v["knockouts"].as_array().unwrap() {
            assert!(!k["lift"].as_str().unwrap().is_empty());
        }
        assert!(v["knockouts"][0]["lift"].as_str().unwrap().contains("e-bike"), "{v}");
        assert!(!v["reasons"].as_array().unwrap().is_empty());
        // The components and weights recombine to the would-be score the text states.
        let comps = v["explanation"]["components"].as_array().unwrap();
        let num: f64 = comps.iter().map(|c| c["weight"].as_f64().unwrap() * c["value"].as_f64().unwrap()).sum();
        let den: f64 = comps.iter().map(|c| c["weight"].as_f64().unwrap()).sum();
        let would = format!("{:.2}", num / den);
        let would = if lang == "nl" { would.replace('.', ",") } else { would };
        assert!(v["text"].as_str().unwrap().contains(&would), "{would} in {}", v["text"]);
        texts.push(v["text"].as_str().unwrap().to_string());
        // The table prints the heading and the same text.
        let o = run_ok("jobhunt", &[&base[..], &["--explain", "V04", "--lang", lang]].concat());
        assert!(text(&o.stdout).ends_with(&texts[texts.len() - 1]), "{}", text(&o.stdout));
    }
    assert!(texts[0].contains("rijbewijs") && texts[0].contains("Wat elke uitsluiting"), "{}", texts[0]);
    assert!(texts[1].contains("driving licence") && texts[1].contains("What would lift"), "{}", texts[1]);
}

#[test]
fn a_ranked_pair_and_an_employer_are_explained_too() {
    let base = ["--seekers", SEEKERS, "--id", "S01", "--vacancies", VACANCIES, "--employers", EMPLOYERS];
    let v = json("jobhunt", &[&base[..], &["--explain", "V01", "--lang", "en"]].concat());
    let score = v["score"].as_f64().unwrap();
    let comps = v["explanation"]["components"].as_array().unwrap();
    let num: f64 = comps.iter().map(|c| c["weight"].as_f64().unwrap() * c["value"].as_f64().unwrap()).sum();
    let den: f64 = comps.iter().map(|c| c["weight"].as_f64().unwrap()).sum();
    assert!((num / den - score).abs() < 1e-9, "{v}");
    assert_eq!(v["knockouts"], serde_json::json!([]));
    let e = json("jobhunt", &[&base[..], &["--explain", "E01"]].concat());
    assert_eq!(e["employer"], "E01");
    assert!(e["pair"].as_str().unwrap().contains("werkgever E01"), "{e}");
}

#[test]
fn an_excluded_pair_lists_the_override_with_its_reason_for_the_vacancy_too() {
    let dir = std::env::temp_dir().join(format!("werkmatch-pair-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ov = dir.join("overrides.jsonl");
    std::fs::write(
        &ov,
        r#"{"id": "O1", "seeker": "S01", "vacancy": "V01", "action": "exclude", "reason_code": "already_applied", "by": "staff-17", "at": "2026-11-30T10:00:00Z"}"#,
    )
    .unwrap();
    let ov = ov.to_str().unwrap();
    let base = ["--vacancies", VACANCIES, "--id", "V01", "--seekers", SEEKERS, "--overrides", ov];
    for (lang, staff) in [("nl", "medewerker"), ("en", "staff member")] {
        let v = json("vacancy", &[&base[..], &["--explain", "S01", "--lang", lang]].concat());
        assert_eq!(v["score"], Value::Null);
        assert_eq!(v["knockouts"][0]["knockout"], "override");
        assert!(v["knockouts"][0]["lift"].as_str().unwrap().contains(staff), "{v}");
        assert_eq!(v["explanation"]["override_reason"], "already_applied");
        assert!(v["text"].as_str().unwrap().contains("(already_applied)"), "{v}");
    }
    let o = run("vacancy", &[&base[..], &["--explain", "S99"]].concat());
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("S99"), "{}", text(&o.stderr));
    let o = run("jobhunt", &["--seekers", SEEKERS, "--id", "S01", "--vacancies", VACANCIES, "--explain", "V99"]);
    assert_eq!(o.status.code(), Some(1));
}
