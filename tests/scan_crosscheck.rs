//! The scan's counts (`scan --json` and `--summary`) agree with an independent
//! implementation of SCAN.md (`tools/scan_crosscheck.py`, Python standard
//! library only, pairs scored by `fixtures/cases/work_out.py`): on the
//! hand-made fixtures and on a small generated population. Skips with a
//! message when `python3` is not installed.

mod support;
use support::{python3_or_skip, root, run_ok, text};

use std::path::Path;
use std::process::Command;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Scans the population in `dir` and runs the cross-check on the output; its summary line.
fn crosscheck(dir: &Path, out: &Path) -> serde_json::Value {
    let (json, summary) = (out.join("scan.jsonl"), out.join("summary.json"));
    let file = |f: &str| dir.join(f).to_str().unwrap().to_owned();
    let (seekers, vacancies, employers) = (file("seekers.jsonl"), file("vacancies.jsonl"), file("employers.jsonl"));
    #[rustfmt::skip]
    run_ok("scan", &[
        "--seekers", &seekers, "--vacancies", &vacancies, "--employers", &employers,
        "--json", s(&json), "--summary", s(&summary),
    ]);
    let o = Command::new("python3")
        .arg(root().join("tools/scan_crosscheck.py"))
        .args(["--dir", s(dir), "--json", s(&json), "--summary", s(&summary)])
        .output()
        .unwrap();
    let line = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}: {line}{}", dir.display(), text(&o.stderr));
    serde_json::from_str(&line).unwrap()
}

#[test]
fn the_scan_agrees_with_the_python_statement_of_scan_md() {
    if !python3_or_skip() {
        return;
    }
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scan-crosscheck-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();

    let fx = crosscheck(&root().join("fixtures/scan"), &d);
    assert_eq!((fx["seekers"].as_u64(), fx["differences"].as_u64()), (Some(3), Some(0)), "{fx}");

    let pop = d.join("population");
    #[rustfmt::skip]
    run_ok("generate", &[
        "--seekers", "120", "--vacancies", "160", "--employers", "40", "--seed", "11", "--out", s(&pop),
    ]);
    let r = crosscheck(&pop, &d);
    assert_eq!(r["differences"].as_u64(), Some(0), "{r}");
    // Enough was compared for the agreement to mean something.
    for (key, at_least) in [("unlocks_checked", 1000), ("alternatives_checked", 50), ("changes_checked", 20)] {
        assert!(r[key].as_u64().unwrap() >= at_least, "{key}: {r}");
    }
    std::fs::remove_dir_all(&d).unwrap();
}
