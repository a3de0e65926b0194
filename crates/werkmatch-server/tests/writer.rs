//! The writer: group commit under concurrent writers, audit records per
//! acknowledged batch, periodic snapshots, and the Dutch pair text.

mod support;

use std::sync::Arc;
use std::thread;

use axum::http::StatusCode;
use serde_json::Value;
use werkmatch_audit::{verify_chain, AuditLog, Retention};
use werkmatch_core::rank::Change;
use werkmatch_core::score::ScoringConfig;
use werkmatch_core::{GeoPoint, Id, Jobseeker};
use werkmatch_server::start::{load, Sources};
use werkmatch_server::state::WriteSettings;
use werkmatch_server::store::{LOG_FILE, SNAPSHOT_FILE};
use werkmatch_server::AppState;

use support::{call, temp_dir, TOKEN};

fn seeker(name: &str) -> Change {
    Change::UpsertSeeker(Jobseeker::new(Id::new(name).unwrap(), GeoPoint::new(53.2, 6.56).unwrap()))
}

fn demo(dir: &std::path::Path) -> Sources {
    Sources { demo: true, data_dir: Some(dir.to_path_buf()), ..Sources::default() }
}

fn state(dir: &std::path::Path, settings: WriteSettings) -> Arc<AppState> {
    let (live, store, _) = load(&demo(dir), ScoringConfig::default()).unwrap();
    AppState::with(live, store, TOKEN.to_string(), settings).unwrap()
}

/// The ids of the seekers a fresh start from `dir` holds, and its version.
fn restarted(dir: &std::path::Path) -> (u64, Vec<String>) {
    let (live, _, _) = load(&demo(dir), ScoringConfig::default()).unwrap();
    let snap = live.snapshot();
    (snap.version(), snap.seekers().map(|s| s.id.as_str().to_string()).collect())
}

#[test]
fn concurrent_writers_are_committed_in_groups_and_each_acknowledged_once() {
    let dir = temp_dir("group");
    let st = state(&dir, WriteSettings::default());
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let st = Arc::clone(&st);
            thread::spawn(move || {
                let mut got = Vec::new();
                for i in 0..25 {
                    got.push(st.write(vec![seeker(&format!("G{t}-{i:02}"))]).unwrap());
                }
                // A delete of an absent id is refused alone, never with the others.
                let refused = st.write(vec![Change::RemoveSeeker(Id::new(format!("ABSENT{t}")).unwrap())]);
                assert_eq!(refused.unwrap_err().status(), StatusCode::NOT_FOUND);
                got
            })
        })
        .collect();
    let mut versions: Vec<u64> = threads.into_iter().flat_map(|t| t.join().unwrap()).collect();
    versions.sort_unstable();
    // Every acknowledged batch has its own version, 1..=200, none skipped or repeated.
    assert_eq!(versions, (1..=200).collect::<Vec<u64>>());
    let phases = st.phases();
    assert_eq!(phases.batches, 200);
    assert!(phases.rounds <= 200 + 8, "{phases}");
    assert_eq!(st.live().version(), 200);
    let (version, ids) = restarted(&dir);
    assert_eq!(version, 200);
    for t in 0..8 {
        for i in 0..25 {
            assert!(ids.contains(&format!("G{t}-{i:02}")));
        }
    }
}

#[test]
fn the_audit_log_holds_one_record_per_acknowledged_batch_and_no_personal_data() {
    let dir = temp_dir("audit");
    let path = dir.join("audit.jsonl");
    let audit = Some(AuditLog::new(&path, Retention::default()).appender().unwrap());
    let st = state(&dir, WriteSettings { audit, ..WriteSettings::default() });
    assert_eq!(st.write(vec![seeker("AUDITED-1"), seeker("AUDITED-2")]).unwrap(), 1);
    assert!(st.write(vec![Change::RemoveSeeker(Id::new("AUDITED-9").unwrap())]).is_err());
    assert_eq!(st.write(vec![Change::RemoveSeeker(Id::new("AUDITED-1").unwrap())]).unwrap(), 2);
    let text = std::fs::read_to_string(&path).unwrap();
    let verified = verify_chain(&text).unwrap();
    let records: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 2, "{verified:?}");
    // Each record names its log line by hash: the refused batch has none.
    let log = std::fs::read_to_string(dir.join(LOG_FILE)).unwrap();
    for (record, line) in records.iter().zip(log.lines()) {
        assert_eq!(record["kind"], "serve");
        let want = werkmatch_audit::digest::sha256(format!("{line}\n").as_bytes());
        assert_eq!(record["inputs"][0]["hash"], want.as_str());
    }
    assert_eq!(records[0]["options"]["data_version"], 1);
    assert_eq!(records[0]["options"]["upserts"]["seeker"], 2);
    assert_eq!(records[1]["options"]["deletes"]["seeker"], 1);
    assert!(!text.contains("AUDITED"), "the audit log holds no record ids: {text}");
}

#[test]
fn a_periodic_snapshot_cuts_the_log_and_keeps_every_write() {
    let dir = temp_dir("periodic");
    let st = state(&dir, WriteSettings { snapshot_log_bytes: 1, ..WriteSettings::default() });
    for i in 0..20 {
        st.write(vec![seeker(&format!("P{i:02}"))]).unwrap();
    }
    // Waits for a snapshot still running, then writes one more.
    assert_eq!(st.snapshot().unwrap(), 20);
    assert!(st.phases().snapshots >= 2, "{}", st.phases());
    assert!(dir.join(SNAPSHOT_FILE).exists());
    assert_eq!(std::fs::read_to_string(dir.join(LOG_FILE)).unwrap(), "");
    st.write(vec![seeker("P20")]).unwrap();
    let (version, ids) = restarted(&dir);
    assert_eq!(version, 21);
    assert!((0..=20).all(|i| ids.contains(&format!("P{i:02}"))));
}

#[tokio::test]
async fn the_pair_text_is_dutch_by_default_and_english_on_request() {
    let (app, _) = support::app();
    let (status, nl) = call(&app, "GET", "/v1/pairs/S01/V01", "").await;
    assert_eq!(status, StatusCode::OK);
    let (_, en) = call(&app, "GET", "/v1/pairs/S01/V01?lang=en", "").await;
    assert_eq!((nl["lang"].as_str(), nl["text_lang"].as_str()), (Some("nl"), Some("nl")));
    assert_eq!((en["lang"].as_str(), en["text_lang"].as_str()), (Some("en"), Some("en")));
    let (nl, en) = (nl["text"].as_str().unwrap(), en["text"].as_str().unwrap());
    assert_ne!(nl, en);
    // The catalogue's words, not a copy of the English.
    assert!(nl.contains("Score") || nl.contains("score"), "{nl}");
    assert!(["vaardigheden", "reistijd", "beroep", "niveau"].iter().any(|w| nl.contains(w)), "{nl}");
}
