//! `match --overrides` on the hand-made cases (fixtures/overrides/README.md):
//! exclusions gone from both lists, inclusions marked, expiry and replacement,
//! the run record, and strict errors.

mod support;
use support::{root, run};

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

fn dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("werkmatch-overrides-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn matched(out: &Path, overrides: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "--seekers",
        "fixtures/cases/seekers.jsonl",
        "--vacancies",
        "fixtures/cases/vacancies.jsonl",
        "--out",
        out.to_str().unwrap(),
        "--overrides",
        overrides,
        "--overrides-as-of",
        "2026-12-01",
    ];
    args.extend(extra);
    run("match", &args)
}

fn list<'a>(lines: &'a [Value], key: &str, id: &str) -> &'a Vec<Value> {
    lines.iter().find(|l| l[key] == id).unwrap()["matches"].as_array().unwrap()
}

fn ids(l: &[Value], key: &str) -> Vec<String> {
    l.iter().map(|m| m[key].as_str().unwrap().to_string()).collect()
}

#[test]
fn overrides_change_exactly_the_overridden_pairs() {
    let d = dir("fixture");
    let out = d.join("m.jsonl");
    let log = d.join("audit.jsonl");
    let o = matched(&out, "fixtures/overrides/overrides.jsonl", &["--audit-log", log.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // O1: S01 / V01 excluded in both directions; the rest of S01's list keeps its order.
    assert_eq!(ids(list(&lines, "seeker", "S01"), "vacancy"), ["V06", "V07"]);
    assert!(!ids(list(&lines, "vacancy", "V01"), "seeker").contains(&"S01".to_string()));
    // O2: S06 / V05 fails knock-outs: appended after the scored matches, with them.
    let s06 = list(&lines, "seeker", "S06");
    assert_eq!(ids(s06, "vacancy"), ["V06", "V07", "V05"]);
    assert_eq!(s06[2]["included"], true);
    assert!(!s06[2]["knockouts"].as_array().unwrap().is_empty());
    let v05 = list(&lines, "vacancy", "V05");
    assert_eq!(ids(v05, "seeker"), ["S04", "S06"]);
    // O3 expired: S03 / V06 is ranked as before. O5 replaced O4: S04 / V03 is included, only marked.
    assert_eq!(ids(list(&lines, "seeker", "S03"), "vacancy")[0], "V06");
    let s04 = list(&lines, "seeker", "S04");
    let v03 = s04.iter().find(|m| m["vacancy"] == "V03").unwrap();
    assert_eq!(v03["included"], true);
    assert!(v03.get("knockouts").is_none());
    // Everything else is as without overrides.
    let plain = d.join("plain.jsonl");
    let o = run(
        "match",
        &[
            "--seekers",
            "fixtures/cases/seekers.jsonl",
            "--vacancies",
            "fixtures/cases/vacancies.jsonl",
            "--out",
            plain.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let plain: Vec<Value> =
        std::fs::read_to_string(&plain).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(list(&plain, "seeker", "S02"), list(&lines, "seeker", "S02"));
    assert_eq!(list(&plain, "vacancy", "V08"), list(&lines, "vacancy", "V08"));

    // The run record names the overrides file and how many took effect; replay reproduces it.
    let record: Value = serde_json::from_str(std::fs::read_to_string(&log).unwrap().trim()).unwrap();
    assert_eq!(record["overrides_in_effect"], 3);
    assert_eq!(record["options"]["overrides_as_of"], "2026-12-01");
    assert!(record["inputs"].as_array().unwrap().iter().any(|i| i["role"] == "overrides"));
    let o = run("audit", &["replay", log.to_str().unwrap(), "--seq", "0"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "identical");
}

#[test]
fn an_empty_override_file_gives_todays_output_byte_for_byte() {
    let d = dir("empty");
    let (a, b) = (d.join("a.jsonl"), d.join("b.jsonl"));
    let empty = d.join("none.jsonl");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(matched(&a, empty.to_str().unwrap(), &["--explain"]).status.code(), Some(0));
    let o = run(
        "match",
        &[
            "--seekers",
            "fixtures/cases/seekers.jsonl",
            "--vacancies",
            "fixtures/cases/vacancies.jsonl",
            "--explain",
            "--out",
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn a_bad_override_line_is_reported_with_file_line_and_field() {
    let d = dir("bad");
    let bad = d.join("bad.jsonl");
    let text = std::fs::read_to_string(root().join("fixtures/overrides/overrides.jsonl")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[1] = lines[1].replace("\"S06\"", "\"S99\"");
    std::fs::write(&bad, lines.join("\n")).unwrap();
    let o = matched(&d.join("m.jsonl"), bad.to_str().unwrap(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:2") && err.contains("seeker"), "{err}");
    let o = matched(&d.join("m.jsonl"), "fixtures/overrides/overrides.jsonl", &["--overrides-as-of", "2026-13-01"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn jobhunt_and_vacancy_honour_the_overrides() {
    let ov =
        ["--overrides", "fixtures/overrides/overrides.jsonl", "--overrides-as-of", "2026-12-01", "--format", "json"];
    let json = |o: Output| -> Value {
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let base = ["--seekers", "fixtures/cases/seekers.jsonl", "--vacancies", "fixtures/cases/vacancies.jsonl"];
    // S01's best vacancy V01 is excluded: neither listed nor a near miss.
    let r = json(run("jobhunt", &[&base[..], &["--id", "S01"], &ov[..]].concat()));
    let all: Vec<&Value> =
        r["vacancies"].as_array().unwrap().iter().chain(r["near_misses"].as_array().unwrap()).collect();
    assert!(all.iter().all(|i| i["id"] != "V01"), "{r}");
    // S06 / V05 is included although knocked out: listed last, marked, with what would lift it.
    let r = json(run("jobhunt", &[&base[..], &["--id", "S06"], &ov[..]].concat()));
    let last = r["vacancies"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["id"].as_str(), last["included"].as_bool()), (Some("V05"), Some(true)));
    assert!(!last["hints"].as_array().unwrap().is_empty());
    assert_eq!(last["explanation"]["override_reason"], "employer_asked");
    // And in the vacancy's list.
    let r = json(run("vacancy", &[&base[..], &["--id", "V05"], &ov[..]].concat()));
    let ids: Vec<&str> = r["candidates"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["S04", "S06"]);
    let r = json(run("vacancy", &[&base[..], &["--id", "V01"], &ov[..]].concat()));
    assert!(r["candidates"].as_array().unwrap().iter().all(|c| c["id"] != "S01"));
}
