//! `scan --overrides`: human overrides (AUDIT.md section 3) in the scan of
//! the hand-made fixtures (`fixtures/scan/overrides.jsonl`): S-LEVEL's only
//! match is excluded, S-CERT's certificate-blocked job is included.

mod support;

use serde_json::Value;
use support::{run, run_ok, text};

fn scans(extra: &[&str]) -> Vec<Value> {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out = std::env::temp_dir().join(format!("werkmatch-scan-overrides-{}-{n}.jsonl", std::process::id()));
    let out_s = out.to_str().unwrap().to_owned();
    let mut args = vec![
        "--seekers",
        "fixtures/scan/seekers.jsonl",
        "--vacancies",
        "fixtures/scan/vacancies.jsonl",
        "--json",
        out_s.as_str(),
    ];
    args.extend(extra);
    run_ok("scan", &args);
    let lines = std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let _ = std::fs::remove_file(&out);
    lines
}

fn seeker<'a>(all: &'a [Value], id: &str) -> &'a Value {
    all.iter().find(|s| s["seeker"] == id).unwrap()
}

fn changes(s: &Value) -> Vec<String> {
    s["unlocks"].as_array().unwrap().iter().map(|u| u["change"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn an_excluded_match_is_gone_and_an_included_pair_is_a_match() {
    let plain = scans(&[]);
    let with = scans(&["--overrides", "fixtures/scan/overrides.jsonl", "--overrides-as-of", "2026-12-01"]);

    // S-LEVEL: its one match (V-L1) is excluded, so level_up loses nothing.
    let (p, w) = (seeker(&plain, "S-LEVEL"), seeker(&with, "S-LEVEL"));
    assert_eq!((p["matches"].as_u64(), w["matches"].as_u64()), (Some(1), Some(0)));
    let lost = |s: &Value| s["unlocks"].as_array().unwrap().iter().map(|u| u["lost"].as_u64().unwrap()).sum::<u64>();
    assert_eq!((lost(p), lost(w)), (1, 0));
    assert!(w["best"]["vacancies"].as_array().unwrap().is_empty());

    // S-CERT: V-VCA (knocked out by the VCA certificate) is included: a match,
    // listed in `best` as included with its knock-out, and the certificate
    // unlocks nothing more.
    let (p, w) = (seeker(&plain, "S-CERT"), seeker(&with, "S-CERT"));
    assert_eq!((p["matches"].as_u64(), w["matches"].as_u64()), (Some(0), Some(1)));
    assert_eq!(changes(p), ["certificate:VCA"]);
    assert!(changes(w).is_empty(), "{:?}", changes(w));
    let best = &w["best"]["vacancies"][0];
    assert_eq!((best["id"].as_str(), best["included"].as_bool()), (Some("V-VCA"), Some(true)));
    assert_eq!(best["explanation"]["override_reason"], "employer_trains_vca");
    // Without overrides the JSON has no `included` key at all.
    assert!(plain.iter().all(|s| s["best"]["vacancies"]
        .as_array()
        .unwrap()
        .iter()
        .all(|b| b.get("included").is_none())));

    // Everyone else is as without overrides.
    assert_eq!(seeker(&plain, "S-EARLY"), seeker(&with, "S-EARLY"));
}

#[test]
fn expired_overrides_change_nothing_and_a_bad_date_is_a_usage_error() {
    let plain = scans(&[]);
    let later = scans(&["--overrides", "fixtures/scan/overrides.jsonl", "--overrides-as-of", "2027-02-01"]);
    // O1 has expired; O2 (no end) still includes V-VCA for S-CERT.
    assert_eq!(seeker(&plain, "S-LEVEL"), seeker(&later, "S-LEVEL"));
    assert_eq!(seeker(&later, "S-CERT")["matches"].as_u64(), Some(1));

    let o = run(
        "scan",
        &[
            "--seekers",
            "fixtures/scan/seekers.jsonl",
            "--vacancies",
            "fixtures/scan/vacancies.jsonl",
            "--overrides",
            "fixtures/scan/overrides.jsonl",
            "--overrides-as-of",
            "2027-13-01",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("--overrides-as-of"));
}
