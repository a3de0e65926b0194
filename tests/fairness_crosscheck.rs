//! The fairness report's figures on a generated population agree with an
//! independent implementation of AUDIT.md section 4 (`tools/fairness_crosscheck.py`,
//! Python standard library only), with and without a placement plan. Skips
//! with a message when `python3` is not installed.

mod support;
use support::{python3_or_skip, root, run_ok, text};

use std::path::Path;
use std::process::Command;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_report_agrees_with_the_python_crosscheck_on_a_generated_population() {
    if !python3_or_skip() {
        return;
    }
    let d = std::env::temp_dir().join(format!("werkmatch-fairness-crosscheck-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let (audit, matches, plan) = (d.join("audit.jsonl"), d.join("matches.jsonl"), d.join("plan.jsonl"));
    #[rustfmt::skip]
    run_ok("generate", &[
        "--seekers", "500", "--vacancies", "700", "--employers", "0", "--seed", "7", "--out", s(&d), "--audit", s(&audit),
    ]);
    let (seekers, vacancies) = (d.join("seekers.jsonl"), d.join("vacancies.jsonl"));
    let inputs = ["--seekers", s(&seekers), "--vacancies", s(&vacancies)];
    run_ok("match", &[&inputs[..], &["--out", s(&matches)]].concat());
    run_ok("plan", &[&inputs[..], &["--out", s(&plan)]].concat());
    for (with_plan, min_group) in [(false, "30"), (true, "30"), (true, "80")] {
        let report = d.join(format!("fairness-{with_plan}-{min_group}.json"));
        let mut args = vec!["--matches", s(&matches), "--attributes", s(&audit), "--min-group", min_group];
        if with_plan {
            args.extend(["--plan", s(&plan)]);
        }
        run_ok("fairness", &[&args[..], &["--json", s(&report)]].concat());
        let o = Command::new("python3")
            .arg(root().join("tools/fairness_crosscheck.py"))
            .args(&args)
            .args(["--report", s(&report)])
            .output()
            .unwrap();
        let out = text(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "plan {with_plan}, min {min_group}: {out}{}", text(&o.stderr));
        assert!(out.starts_with("agree: 4 attributes"), "{out}");
        // The population is big enough for both kinds of group, so both rules are exercised.
        let r: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        let groups: Vec<&serde_json::Value> =
            r["attributes"].as_object().unwrap().values().flat_map(|g| g.as_object().unwrap().values()).collect();
        assert!(
            groups.iter().any(|g| g["insufficient_n"] == true) && groups.iter().any(|g| g["insufficient_n"] == false)
        );
        assert_eq!(groups.iter().all(|g| g["placement_rate"].is_null()), !with_plan);
    }
    std::fs::remove_dir_all(&d).unwrap();
}
