//! Run records written by `match --audit-log` and checked by `audit`:
//! verification, replay, and what a changed input or configuration says.

mod support;
use support::{root, run, text};

use std::path::{Path, PathBuf};

const SEEKERS: &str = "fixtures/cases/seekers.jsonl";
const VACANCIES: &str = "fixtures/cases/vacancies.jsonl";
const EMPLOYERS: &str = "fixtures/cases/employers.jsonl";

/// A fresh directory per test.
fn dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("werkmatch-audit-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Copies the fixtures into `d` (so they can be changed) and runs `match` on them with a log.
fn recorded_run(d: &Path, config: Option<&str>) -> (PathBuf, PathBuf) {
    for f in [SEEKERS, VACANCIES, EMPLOYERS] {
        std::fs::copy(root().join(f), d.join(Path::new(f).file_name().unwrap())).unwrap();
    }
    let log = d.join("audit.jsonl");
    let p = |name: &str| d.join(name).to_str().unwrap().to_string();
    let mut args = vec![
        "--seekers".to_string(),
        p("seekers.jsonl"),
        "--vacancies".into(),
        p("vacancies.jsonl"),
        "--employers".into(),
        p("employers.jsonl"),
        "--explain".into(),
        "--out".into(),
        p("matches.jsonl"),
        "--audit-log".into(),
        p("audit.jsonl"),
    ];
    if let Some(c) = config {
        std::fs::write(d.join("scoring.toml"), c).unwrap();
        args.extend(["--config".into(), p("scoring.toml")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run("match", &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    (log, d.join("matches.jsonl"))
}

fn audit(args: &[&str]) -> (Option<i32>, String) {
    let o = run("audit", args);
    (o.status.code(), text(&o.stdout) + &text(&o.stderr))
}

#[test]
fn a_recorded_run_verifies_and_replays_identically() {
    let d = dir("identical");
    let (log, _) = recorded_run(&d, None);
    let log = log.to_str().unwrap();
    let record: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(log).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(record["kind"], "match");
    assert_eq!(record["inputs"][0]["role"], "seekers");
    assert_eq!(record["inputs"][0]["counts"]["accepted"], 6);
    assert!(record["scoring_hash"].as_str().unwrap().starts_with("sha256:"));
    // No seeker id in the record: ids live only in the output it points to.
    assert!(!record.to_string().contains("\"S0"), "{record}");
    let (code, out) = audit(&["verify", log]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("1 records, chain intact"), "{out}");
    let (code, out) = audit(&["replay", log, "--seq", "0"]);
    assert_eq!((code, out.trim()), (Some(0), "identical"));
}

#[test]
fn one_changed_byte_of_an_input_is_named() {
    let d = dir("input");
    let (log, _) = recorded_run(&d, None);
    let path = d.join("vacancies.jsonl");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.iter().position(|b| *b == b'0').unwrap();
    bytes[at] = b'1';
    std::fs::write(&path, bytes).unwrap();
    let (code, out) = audit(&["replay", log.to_str().unwrap(), "--seq", "0"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("input `vacancies`"), "{out}");
}

#[test]
fn one_changed_byte_of_the_configuration_is_named() {
    let d = dir("config");
    let (log, _) = recorded_run(&d, Some("over_qualified_penalty = 0.15\n"));
    let record = std::fs::read_to_string(&log).unwrap();
    assert!(record.contains("\"role\":\"config\""), "{record}");
    std::fs::write(d.join("scoring.toml"), "over_qualified_penalty = 0.16\n").unwrap();
    let (code, out) = audit(&["replay", log.to_str().unwrap(), "--seq", "0"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("input `config`"), "{out}");
}

#[test]
fn a_changed_output_is_reported_at_its_first_differing_line() {
    let d = dir("output");
    let (log, out_path) = recorded_run(&d, None);
    // Rewrite the record so it points at a tampered copy whose hash it states: the
    // replay then compares lines with it and names the first one that differs.
    let original = std::fs::read_to_string(&out_path).unwrap();
    let mut lines: Vec<String> = original.lines().map(str::to_string).collect();
    lines[2] = lines[2].replacen("0.", "0.9", 1);
    let tampered = lines.join("\n") + "\n";
    let copy = d.join("tampered.jsonl");
    std::fs::write(&copy, &tampered).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(std::fs::read_to_string(&log).unwrap().trim()).unwrap();
    v["output"]["path"] = copy.to_str().unwrap().into();
    v["output"]["hash"] = werkmatch::audit::digest::sha256(tampered.as_bytes()).into();
    v["hash"] = werkmatch::audit::record::record_hash(&v).unwrap().into();
    std::fs::write(&log, format!("{v}\n")).unwrap();
    let (code, out) = audit(&["replay", log.to_str().unwrap(), "--seq", "0"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("output differs first at line 3"), "{out}");
}

#[test]
fn tampering_is_reported_by_verify_with_its_seq() {
    let d = dir("tamper");
    let (log, _) = recorded_run(&d, None);
    let (log2, _) = recorded_run(&d, None); // the same log: a second record
    assert_eq!(log, log2);
    let lines: Vec<String> = std::fs::read_to_string(&log).unwrap().lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2);
    std::fs::write(&log, format!("{}\n{}\n", lines[0], lines[1].replace("\"k\":10", "\"k\":11"))).unwrap();
    let (code, out) = audit(&["verify", log.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("seq 1: the record was changed"), "{out}");
    std::fs::write(&log, format!("{}\n{}\n", lines[1], lines[0])).unwrap();
    let (code, out) = audit(&["verify", log.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("seq 0: record seq 0 is missing or moved"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(audit(&["replay", "x.jsonl"]).0, Some(2));
    assert_eq!(audit(&["frobnicate"]).0, Some(2));
    let o = run(
        "match",
        &["--seekers", SEEKERS, "--vacancies", VACANCIES, "--out", "/dev/null", "--audit-retention-days", "100"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("refused"));
}
