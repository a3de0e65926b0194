//! The batch ranking (`match`) agrees with the independent Python statement
//! of SCORING.md (`tools/crosscheck.py` over `fixtures/cases/work_out.py`,
//! standard library only) on a generated population turned into v1.1 records
//! (`tools/v11_population.py`: a fifth of the vacancies without a sector, half
//! of the remote ones without a location, which the generator never writes):
//! every score within the contract's 1e-4. Skips with a message when `python3`
//! is not installed.

mod support;
use support::{python3_or_skip, root, run_ok, text};

use std::path::Path;
use std::process::Command;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn python(script: &str, args: &[&str]) -> serde_json::Value {
    let o = Command::new("python3").arg(root().join(script)).args(args).output().unwrap();
    let line = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{script}: {line}{}", text(&o.stderr));
    serde_json::from_str(&line).unwrap()
}

#[test]
fn match_agrees_with_the_python_statement_of_scoring_md_on_v1_1_records() {
    if !python3_or_skip() {
        return;
    }
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("match-crosscheck-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let (gen, v11) = (d.join("gen"), d.join("v11"));
    #[rustfmt::skip]
    run_ok("generate", &[
        "--seekers", "800", "--vacancies", "1200", "--employers", "200", "--seed", "7", "--out", s(&gen),
    ]);
    let made = python("tools/v11_population.py", &["--dir", s(&gen), "--out", s(&v11)]);
    assert!(made["without_sector"].as_u64() >= Some(200), "{made}");
    assert!(made["remote_without_location"].as_u64() >= Some(1), "{made}");
    let file = |f: &str| v11.join(f).to_str().unwrap().to_owned();
    let matches = file("matches.jsonl");
    #[rustfmt::skip]
    run_ok("match", &[
        "--seekers", &file("seekers.jsonl"), "--vacancies", &file("vacancies.jsonl"),
        "--employers", &file("employers.jsonl"), "--out", &matches,
    ]);
    let r = python("tools/crosscheck.py", &["--dir", s(&v11), "--matches", &matches, "--sample", "40"]);
    assert_eq!(r["disagreements"].as_u64(), Some(0), "{r}");
    assert!(r["max_abs_diff"].as_f64().is_some_and(|x| x <= 1e-4), "{r}");
    // Enough was compared for the agreement to mean something.
    assert!(r["pairs_compared"].as_u64() >= Some(500), "{r}");
    std::fs::remove_dir_all(&d).unwrap();
}
