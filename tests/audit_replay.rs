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

/// Copies fixture files into `d` (so they can be changed); returns their paths there, as text.
fn copies(d: &Path, files: &[&str]) -> Vec<String> {
    files
        .iter()
        .map(|f| {
            let to = d.join(Path::new(f).file_name().unwrap());
            std::fs::copy(root().join(f), &to).unwrap();
            to.to_str().unwrap().to_string()
        })
        .collect()
}

/// Runs `tool` with `args` and asserts that it exited 0.
fn ok(tool: &str, args: &[&str]) {
    let o = run(tool, args);
    assert_eq!(o.status.code(), Some(0), "{tool}: {}", text(&o.stderr));
}

/// Changes one byte of `path` (the first `S` becomes a `T`).
fn change_one_byte(path: &str) {
    let mut bytes = std::fs::read(path).unwrap();
    let at = bytes.iter().position(|b| *b == b'S').unwrap();
    bytes[at] = b'T';
    std::fs::write(path, bytes).unwrap();
}

fn records(log: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(log).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A plan run, recorded with its overrides file.
fn recorded_plan(d: &Path) -> (PathBuf, Vec<String>) {
    let f =
        copies(d, &["fixtures/plan/seekers.jsonl", "fixtures/plan/vacancies.jsonl", "fixtures/plan/overrides.jsonl"]);
    let log = d.join("audit.jsonl");
    let out = d.join("plan.jsonl");
    #[rustfmt::skip]
    ok("plan", &[
        "--seekers", &f[0], "--vacancies", &f[1], "--overrides", &f[2], "--overrides-as-of", "2026-12-01",
        "--mode", "stable", "--limit", "all", "--min-score", "0.4",
        "--out", out.to_str().unwrap(), "--audit-log", log.to_str().unwrap(),
    ]);
    (log, f)
}

#[test]
fn a_plan_run_is_recorded_and_replays_identically() {
    let d = dir("plan");
    let (log, _) = recorded_plan(&d);
    let r = &records(&log)[0];
    assert_eq!(r["kind"], "plan");
    let roles: Vec<&str> = r["inputs"].as_array().unwrap().iter().map(|i| i["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["overrides", "seekers", "vacancies"]);
    assert_eq!(r["inputs"][1]["counts"], serde_json::json!({"read": 4, "accepted": 4, "rejected": 0}));
    let o = &r["options"];
    assert_eq!((&o["mode"], &o["limit"], &o["min_score"]), (&"stable".into(), &"all".into(), &0.4.into()));
    assert_eq!((&o["objective"], &o["overrides_as_of"]), (&"placements".into(), &"2026-12-01".into()));
    assert_eq!(r["overrides_in_effect"], 1);
    assert_eq!(r["output"]["hash"], werkmatch::audit::digest::sha256(&std::fs::read(d.join("plan.jsonl")).unwrap()));
    // No seeker id: they live in the plan the record points to.
    assert!(!r.to_string().contains("\"S1\""), "{r}");
    let (code, out) = audit(&["replay", log.to_str().unwrap(), "--seq", "0"]);
    assert_eq!((code, out.trim()), (Some(0), "identical"));
}

#[test]
fn a_changed_byte_of_a_plan_input_or_of_its_overrides_is_named() {
    let d = dir("plan-input");
    let (log, f) = recorded_plan(&d);
    let log = log.to_str().unwrap();
    let original = std::fs::read(&f[1]).unwrap();
    change_one_byte(&f[1]);
    let (code, out) = audit(&["replay", log, "--seq", "0"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("input `vacancies`"), "{out}");
    std::fs::write(&f[1], original).unwrap();
    change_one_byte(&f[2]);
    let (code, out) = audit(&["replay", log, "--seq", "0"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("input `overrides`"), "{out}");
}

/// A caseload scan and a one-seeker scan, recorded in one log (seq 0 and 1).
fn recorded_scans(d: &Path) -> (PathBuf, Vec<String>) {
    let f =
        copies(d, &["fixtures/scan/seekers.jsonl", "fixtures/scan/vacancies.jsonl", "fixtures/scan/employers.jsonl"]);
    let log = d.join("audit.jsonl");
    let (all, one) = (d.join("scan.jsonl"), d.join("scan-one.jsonl"));
    let common = ["--seekers", &f[0], "--vacancies", &f[1], "--audit-log", log.to_str().unwrap()];
    ok("scan", &[&common[..], &["--employers", &f[2], "--json", all.to_str().unwrap()]].concat());
    ok("scan", &[&common[..], &["--id", "S-CERT", "--json", one.to_str().unwrap(), "--lang", "en"]].concat());
    (log, f)
}

#[test]
fn scan_runs_are_recorded_and_replay_identically() {
    let d = dir("scan");
    let (log, _) = recorded_scans(&d);
    let rs = records(&log);
    assert_eq!(rs.len(), 2);
    for (r, one) in rs.iter().zip([false, true]) {
        assert_eq!(r["kind"], "scan");
        assert_eq!(r["options"]["one_seeker"], one);
        assert_eq!(r["inputs"][0]["role"], "seekers");
        assert_eq!(r["inputs"][0]["counts"]["accepted"], 3);
        assert!(r["scoring_hash"].as_str().unwrap().starts_with("sha256:"));
        // Not even the one seeker scanned is named: the id is in the output only.
        assert!(!r.to_string().contains("S-"), "{r}");
    }
    assert!(std::fs::read_to_string(d.join("scan-one.jsonl")).unwrap().contains("\"S-CERT\""));
    let log = log.to_str().unwrap();
    for seq in ["0", "1"] {
        // stdout only: the replay's reading notes (an empty employers file) go to stderr.
        let o = run("audit", &["replay", log, "--seq", seq]);
        assert_eq!((o.status.code(), text(&o.stdout).trim()), (Some(0), "identical"), "seq {seq}");
    }
    let (code, out) = audit(&["verify", log]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_changed_byte_of_a_scan_input_is_named() {
    let d = dir("scan-input");
    let (log, f) = recorded_scans(&d);
    change_one_byte(&f[1]);
    let (code, out) = audit(&["replay", log.to_str().unwrap(), "--seq", "1"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("input `vacancies`"), "{out}");
}

#[test]
fn a_one_seeker_scan_whose_output_is_gone_cannot_be_replayed() {
    let d = dir("scan-gone");
    let (log, _) = recorded_scans(&d);
    std::fs::remove_file(d.join("scan-one.jsonl")).unwrap();
    let (code, out) = audit(&["replay", log.to_str().unwrap(), "--seq", "1"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("keeps the seeker's id only in its output"), "{out}");
}

#[test]
fn tampering_with_a_plan_or_scan_record_is_reported_with_its_seq() {
    let d = dir("tamper-kinds");
    let (log, _) = recorded_scans(&d);
    let (log2, _) = recorded_plan(&d);
    assert_eq!(log, log2);
    let lines: Vec<String> = std::fs::read_to_string(&log).unwrap().lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3);
    let write = |ls: &[&str]| std::fs::write(&log, ls.join("\n") + "\n").unwrap();
    let changed = lines[2].replace("\"mode\":\"stable\"", "\"mode\":\"optimal\"");
    assert_ne!(changed, lines[2]);
    write(&[&lines[0], &lines[1], &changed]);
    let (code, out) = audit(&["verify", log.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("seq 2: the record was changed"), "{out}");
    // A replay trusts no record of a broken chain.
    let (code, out) = audit(&["replay", log.to_str().unwrap(), "--seq", "0"]);
    assert_eq!(code, Some(1), "{out}");
    write(&[&lines[0], &lines[2]]);
    let (code, out) = audit(&["verify", log.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("seq 1"), "{out}");
}

#[test]
fn plan_and_scan_refuse_a_short_retention_and_a_scan_record_needs_its_output() {
    let plan = ["--seekers", "fixtures/plan/seekers.jsonl", "--vacancies", "fixtures/plan/vacancies.jsonl"];
    let o = run(
        "plan",
        &[&plan[..], &["--out", "/dev/null", "--audit-log", "/dev/null", "--audit-retention-days", "182"]].concat(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("refused"), "{}", text(&o.stderr));
    let scan = ["--seekers", "fixtures/scan/seekers.jsonl", "--vacancies", "fixtures/scan/vacancies.jsonl"];
    let o = run(
        "scan",
        &[&scan[..], &["--json", "/dev/null", "--audit-log", "/dev/null", "--audit-retention-days", "30"]].concat(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("refused"), "{}", text(&o.stderr));
    let o = run("scan", &[&scan[..], &["--audit-log", "/dev/null"]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--json"), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty(), "a usage error does no work");
}
