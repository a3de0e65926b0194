//! Audit attributes never reach scoring: generating, shuffling or removing
//! them leaves every score and ranking byte-identical, the scoring model has
//! no field for them, and the scoring crates cannot depend on the audit crate.

mod support;
use support::{root, run_ok};

use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn shuffling_or_removing_the_attributes_changes_no_score_or_ranking() {
    let d = std::env::temp_dir().join(format!("werkmatch-isolation-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let (with, without) = (d.join("with"), d.join("without"));
    let audit = d.join("audit.jsonl");
    let gen = ["--seekers", "300", "--vacancies", "400", "--employers", "50", "--seed", "5", "--out"];
    run_ok("generate", &[&gen[..], &[s(&with), "--audit", s(&audit)]].concat());
    run_ok("generate", &[&gen[..], &[s(&without)]].concat());
    for f in ["seekers.jsonl", "vacancies.jsonl", "employers.jsonl"] {
        assert_eq!(std::fs::read(with.join(f)).unwrap(), std::fs::read(without.join(f)).unwrap(), "{f}");
    }
    let matches = |dir: &Path, out: &Path| {
        run_ok(
            "match",
            &[
                "--seekers",
                s(&dir.join("seekers.jsonl")),
                "--vacancies",
                s(&dir.join("vacancies.jsonl")),
                "--employers",
                s(&dir.join("employers.jsonl")),
                "--explain",
                "--out",
                s(out),
            ],
        );
        std::fs::read(out).unwrap()
    };
    let m1 = matches(&with, &d.join("m1.jsonl"));
    assert_eq!(m1, matches(&without, &d.join("m2.jsonl")), "the attributes changed a score or ranking");

    // The fairness report depends on the attributes, not on their order.
    let text = std::fs::read_to_string(&audit).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 300);
    lines.reverse();
    lines.rotate_left(117);
    let shuffled = d.join("shuffled.jsonl");
    std::fs::write(&shuffled, lines.join("\n") + "\n").unwrap();
    let empty = d.join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let report = |attrs: &Path, name: &str| {
        let out = d.join(name);
        let m = d.join("m1.jsonl");
        run_ok("fairness", &["--matches", s(&m), "--attributes", s(attrs), "--json", s(&out)]);
        serde_json::from_slice::<serde_json::Value>(&std::fs::read(out).unwrap()).unwrap()
    };
    let original = report(&audit, "f1.json");
    assert_eq!(original, report(&shuffled, "f2.json"));
    assert_eq!(original["attributes"].as_object().unwrap().len(), 4);
    assert!(report(&empty, "f3.json")["attributes"].as_object().unwrap().is_empty());
    // And the matches were not touched by any of it.
    assert_eq!(m1, std::fs::read(d.join("m1.jsonl")).unwrap());
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn the_scoring_model_has_no_field_for_an_audit_attribute() {
    let line = std::fs::read_to_string(root().join("fixtures/cases/seekers.jsonl")).unwrap();
    let first = line.lines().next().unwrap();
    for attr in ["age_band", "gender", "migration_background", "years_on_assistance"] {
        let mut record: serde_json::Value = serde_json::from_str(first).unwrap();
        record[attr] = "x".into();
        let with = record.to_string();
        let loaded = werkmatch::adapter::jsonl::read_records::<werkmatch::Jobseeker>(
            with.as_bytes(),
            None,
            &werkmatch::adapter::ReadOptions::default(),
        );
        let err = loaded.expect_err("a seeker record with an audit attribute must be rejected");
        assert_eq!(err.field(), Some(attr), "{err}");
    }
}

#[test]
fn the_scoring_crates_cannot_depend_on_the_audit_crate() {
    for krate in ["werkmatch-core", "werkmatch-adapter"] {
        let manifest = std::fs::read_to_string(root().join("crates").join(krate).join("Cargo.toml")).unwrap();
        for line in manifest.lines().map(str::trim) {
            let dep = line.split(['=', '.', ' ']).next().unwrap_or("");
            assert!(dep != "werkmatch-audit" && dep != "werkmatch", "{krate} must not depend on `{dep}`: {line}");
        }
    }
}
