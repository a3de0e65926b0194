//! The audit log's chain: every kind of tampering is found, with its seq.

use serde_json::{json, Value};
use werkmatch_audit::{
    verify_chain, AuditError, AuditLog, Engine, InputRecord, OutputRecord, Problem, Retention, RunBody, RunKind,
};

fn body(n: u64) -> RunBody {
    RunBody {
        kind: RunKind::Match,
        engine: Engine::this(),
        scoring: json!({"weights": {"skills": 0.3}}),
        scoring_hash: "sha256:00".into(),
        taxonomy: None,
        options: json!({"k": n, "min_score": 0.0}),
        inputs: vec![InputRecord {
            role: "seekers".into(),
            path: format!("in{n}.jsonl"),
            size: n,
            hash: "sha256:11".into(),
            counts: None,
        }],
        overrides_in_effect: None,
        output: OutputRecord { path: "out.jsonl".into(), size: 1, hash: "sha256:22".into() },
        started: "2026-12-01T10:00:00.000Z".into(),
        finished: "2026-12-01T10:00:01.000Z".into(),
        threads: 2,
    }
}

/// A log of five records, as lines.
fn log(name: &str) -> Vec<String> {
    let path = std::env::temp_dir().join(format!("werkmatch-audit-chain-{}-{name}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let log = AuditLog::new(&path, Retention::default());
    for n in 0..5 {
        let r = log.append(body(n)).unwrap();
        assert_eq!(r.seq, n);
    }
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    text.lines().map(str::to_string).collect()
}

fn check(lines: &[String]) -> Result<u64, (u64, Problem)> {
    verify_chain(&(lines.join("\n") + "\n")).map(|v| v.records).map_err(|b| (b.seq, b.problem))
}

#[test]
fn an_untouched_log_verifies() {
    let lines = log("untouched");
    assert_eq!(check(&lines), Ok(5));
    let first: Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(first["prev"], Value::Null);
    let second: Value = serde_json::from_str(&lines[1]).unwrap();
    assert_eq!(second["prev"], first["hash"]);
    assert!(first["hash"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(first["retention_days"], 183);
}

#[test]
fn a_changed_record_is_found_with_its_seq() {
    let mut lines = log("changed");
    lines[2] = lines[2].replace("in2.jsonl", "in9.jsonl");
    assert!(matches!(check(&lines), Err((2, Problem::Hash { .. }))));
}

#[test]
fn a_changed_record_with_a_recomputed_hash_breaks_the_next_link() {
    let mut lines = log("rehashed");
    let mut v: Value = serde_json::from_str(&lines[2]).unwrap();
    v["options"]["k"] = json!(99);
    v["hash"] = json!(werkmatch_audit::record::record_hash(&v).unwrap());
    lines[2] = v.to_string();
    assert_eq!(check(&lines), Err((3, Problem::Prev)));
}

#[test]
fn a_removed_record_is_found_with_its_seq() {
    let mut lines = log("removed");
    lines.remove(1);
    assert_eq!(check(&lines), Err((1, Problem::Seq { found: 2 })));
}

#[test]
fn an_inserted_record_is_found() {
    let mut lines = log("inserted");
    let copy = lines[1].clone();
    lines.insert(2, copy);
    assert_eq!(check(&lines), Err((2, Problem::Seq { found: 1 })));
    // A forged record that claims the next seq and chains correctly still breaks the one after it.
    let mut lines = log("forged");
    let mut v: Value = serde_json::from_str(&lines[2]).unwrap();
    v["options"]["k"] = json!(42);
    v["hash"] = json!(werkmatch_audit::record::record_hash(&v).unwrap());
    lines.insert(2, v.to_string());
    assert_eq!(check(&lines), Err((3, Problem::Seq { found: 2 })));
}

#[test]
fn reordered_records_are_found_with_the_first_seq_out_of_place() {
    let mut lines = log("reordered");
    lines.swap(3, 4);
    assert_eq!(check(&lines), Err((3, Problem::Seq { found: 4 })));
}

#[test]
fn an_unreadable_line_is_reported() {
    let mut lines = log("unreadable");
    lines[4].truncate(20);
    assert!(matches!(check(&lines), Err((4, Problem::Unreadable(_)))));
}

#[test]
fn retention_below_six_months_is_refused() {
    assert!(matches!(Retention::days(182), Err(AuditError::Retention { days: 182 })));
    assert_eq!(Retention::days(183).unwrap().get(), 183);
    assert_eq!(Retention::days(3650).unwrap().get(), 3650);
}

#[test]
fn nothing_is_chained_to_an_unreadable_last_record() {
    let path = std::env::temp_dir().join(format!("werkmatch-audit-chain-{}-broken.jsonl", std::process::id()));
    std::fs::write(&path, "{\"seq\":0,\"hash\":\"sha256:00\",\"prev\":null}\n{not json\n").unwrap();
    let e = AuditLog::new(&path, Retention::default()).append(body(0)).unwrap_err();
    assert!(matches!(e, AuditError::Unchainable { line: 2, .. }), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 2, "nothing appended");
    std::fs::remove_file(&path).unwrap();
}
