//! [`AppState`]: the live index, the writer (group commit into the write
//! log, audit records, periodic snapshots), the ranking pool and what
//! `/v1/version` says.
//!
//! # Writes: group commit
//! A write batch joins a queue; whoever finds no writer at work becomes the
//! writer for everything queued at that moment (its own batch included):
//! it checks each batch (against the current data and the accepted batches
//! ahead of it), appends the accepted ones to the log with **one** sync,
//! appends their audit records (one sync), applies them to the live index
//! as consecutive versions in one publish, and hands every batch its answer.
//! Batches that arrive meanwhile wait for the next round. So a sync and a
//! publish serve every write that queued behind the previous one, and no
//! batch is acknowledged before it is on disk.
//!
//! # Snapshots
//! When the log has grown by `snapshot_log_bytes` since the last snapshot,
//! the writer starts one on a thread of its own: the current snapshot (an
//! immutable `Arc`) is written to a temporary file while writes go on, then,
//! briefly holding the writer's turn, renamed into place and the log cut to
//! the batches after it. `POST /v1/snapshot` and a graceful shutdown do the
//! same.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

use axum::http::StatusCode;
use sha2::{Digest, Sha256};
use werkmatch_audit::{Appender, Engine, InputRecord, OutputRecord, RunBody, RunKind};
use werkmatch_core::rank::{Change, LiveError, LiveIndex};
use werkmatch_core::score::ScoringConfig;

use crate::error::ApiError;
use crate::store::{write_snapshot_file, Store, LOG_FILE};

/// How the writer runs.
#[derive(Debug, Default)]
pub struct WriteSettings {
    /// One run record per acknowledged write batch (`--audit-log`).
    pub audit: Option<Appender>,
    /// Start a snapshot once the log has grown by this many bytes (0: only
    /// on request and at shutdown).
    pub snapshot_log_bytes: u64,
    /// Threads of the ranking pool (0: one per core).
    pub rank_threads: usize,
}

/// The writer's state, behind one mutex.
#[derive(Debug)]
struct Writer {
    /// Taken by the writer at work; `None` without a data directory or
    /// after a writer panicked (writes are then refused).
    store: Option<Store>,
    audit: Option<Appender>,
    /// An audit append failed: writes are refused from then on, since they
    /// could not be recorded.
    audit_broken: bool,
    /// Batches waiting for the next round, by ticket.
    queue: Vec<(u64, Vec<Change>)>,
    /// Answers not yet collected, by ticket.
    done: HashMap<u64, Result<u64, ApiError>>,
    /// A writer (or a snapshot's install) is at work.
    busy: bool,
    next_ticket: u64,
    /// A snapshot is being written.
    snapshotting: bool,
    /// The log's length right after the last snapshot.
    log_at_snapshot: u64,
    /// Where the writer's time went, for the log at shutdown.
    phases: Phases,
}

/// The writer's time by phase, summed over its rounds (no personal data:
/// counts and durations only).
#[derive(Clone, Copy, Debug, Default)]
pub struct Phases {
    /// Rounds of the group commit.
    pub rounds: u64,
    /// Batches acknowledged.
    pub batches: u64,
    /// Seconds checking batches.
    pub check_s: f64,
    /// Seconds appending and syncing the log.
    pub log_sync_s: f64,
    /// Seconds appending and syncing audit records.
    pub audit_s: f64,
    /// Seconds applying to the live index and publishing.
    pub apply_s: f64,
    /// Snapshots written, and their seconds (file and install).
    pub snapshots: u64,
    /// Seconds writing snapshots.
    pub snapshot_s: f64,
}

impl std::fmt::Display for Phases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per = |s: f64| if self.rounds == 0 { 0.0 } else { s * 1e3 / self.rounds as f64 };
        write!(
            f,
            "writes: {} batches in {} rounds; per round: check {:.3} ms, log sync {:.3} ms, audit {:.3} ms, apply and publish {:.3} ms; {} snapshots in {:.2} s",
            self.batches,
            self.rounds,
            per(self.check_s),
            per(self.log_sync_s),
            per(self.audit_s),
            per(self.apply_s),
            self.snapshots,
            self.snapshot_s
        )
    }
}

/// Shared by every request.
#[derive(Debug)]
pub struct AppState {
    live: LiveIndex,
    writer: Mutex<Writer>,
    turn: Condvar,
    /// Whether writes can be made durable at all.
    durable: bool,
    snapshot_log_bytes: u64,
    pool: rayon::ThreadPool,
    token: String,
    scoring_hash: String,
    /// The configuration as the audit records hold it.
    scoring: serde_json::Value,
}

fn unavailable(kind: &str, reason: &str) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, kind, reason)
}

impl AppState {
    /// State over `live`, writing to `store`, requiring `token`; no audit
    /// log, snapshots on request only, a ranking pool of one thread per core.
    pub fn new(live: LiveIndex, store: Option<Store>, token: String) -> Arc<AppState> {
        Self::with(live, store, token, WriteSettings::default())
            .unwrap_or_else(|e| panic!("a default ranking pool always builds: {e}"))
    }

    /// State with these write settings; fails when the ranking pool cannot start.
    pub fn with(
        live: LiveIndex,
        store: Option<Store>,
        token: String,
        settings: WriteSettings,
    ) -> Result<Arc<AppState>, String> {
        let scoring_hash = scoring_hash(live.snapshot().config());
        let scoring = serde_json::to_value(live.snapshot().config()).unwrap_or(serde_json::Value::Null);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(settings.rank_threads)
            .thread_name(|i| format!("rank-{i}"))
            .build()
            .map_err(|e| format!("starting the ranking pool: {e}"))?;
        let log_at_snapshot = store.as_ref().map_or(0, Store::log_len);
        Ok(Arc::new(AppState {
            live,
            durable: store.is_some(),
            writer: Mutex::new(Writer {
                store,
                audit: settings.audit,
                audit_broken: false,
                queue: Vec::new(),
                done: HashMap::new(),
                busy: false,
                next_ticket: 0,
                snapshotting: false,
                log_at_snapshot,
                phases: Phases::default(),
            }),
            turn: Condvar::new(),
            snapshot_log_bytes: settings.snapshot_log_bytes,
            pool,
            token,
            scoring_hash,
            scoring,
        }))
    }

    /// The live index.
    pub fn live(&self) -> &LiveIndex {
        &self.live
    }

    /// The pool the ranking reads run on (sized for the machine, apart from
    /// the async workers and the writers).
    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    /// The bearer token every route but `/healthz` requires.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// `sha256:` of the scoring configuration's JSON (keys sorted).
    pub fn scoring_hash(&self) -> &str {
        &self.scoring_hash
    }

    fn lock(&self) -> MutexGuard<'_, Writer> {
        // The writer's state is consistent between statements that change it;
        // a panic inside a round is caught (see `round`).
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits for the writer's turn; returns the guard with `busy` set.
    fn take_turn(&self) -> MutexGuard<'_, Writer> {
        let mut w = self.lock();
        while w.busy {
            w = self.turn.wait(w).unwrap_or_else(|p| p.into_inner());
        }
        w.busy = true;
        w
    }

    fn end_turn(&self, mut w: MutexGuard<'_, Writer>) {
        w.busy = false;
        drop(w);
        self.turn.notify_all();
    }

    /// Checks, logs (synced), records and applies one batch; its version.
    /// Blocking: call it off the async workers. Batches that arrive while
    /// another round is at work are committed together in the next one.
    pub fn write(self: &Arc<Self>, changes: Vec<Change>) -> Result<u64, ApiError> {
        if !self.durable {
            return Err(unavailable(
                "read_only",
                "this service has no --data-dir: writes could not be made durable, so they are refused",
            ));
        }
        let mut w = self.lock();
        let me = w.next_ticket;
        w.next_ticket += 1;
        w.queue.push((me, changes));
        loop {
            if let Some(answer) = w.done.remove(&me) {
                return answer;
            }
            if !w.busy && !w.queue.is_empty() {
                w.busy = true;
                let queued = std::mem::take(&mut w.queue);
                let (store, audit) = (w.store.take(), w.audit.take());
                let audit_broken = w.audit_broken;
                drop(w);
                let tickets: Vec<u64> = queued.iter().map(|(t, _)| *t).collect();
                let ran = catch_unwind(AssertUnwindSafe(|| self.round(store, audit, audit_broken, queued)));
                w = self.lock();
                match ran {
                    Ok(r) => {
                        (w.store, w.audit, w.audit_broken) = (r.store, r.audit, r.audit_broken);
                        let p = &mut w.phases;
                        p.rounds += 1;
                        p.batches += r.answers.iter().filter(|(_, a)| a.is_ok()).count() as u64;
                        p.check_s += r.times[0];
                        p.log_sync_s += r.times[1];
                        p.audit_s += r.times[2];
                        p.apply_s += r.times[3];
                        w.done.extend(r.answers);
                    }
                    Err(_) => {
                        // The store is gone with the panic: refuse writes from now on.
                        tracing::error!("a write round failed; writes are refused until a restart");
                        for t in tickets {
                            w.done.insert(t, Err(unavailable("log_failed", "the write could not be completed")));
                        }
                    }
                }
                let start_snapshot = self.snapshot_log_bytes > 0
                    && !w.snapshotting
                    && w.store.as_ref().is_some_and(|s| s.log_len() >= w.log_at_snapshot + self.snapshot_log_bytes);
                if start_snapshot {
                    w.snapshotting = true;
                    let me = Arc::clone(self);
                    std::thread::spawn(move || {
                        if let Err(e) = me.snapshot_now() {
                            tracing::warn!("periodic snapshot failed: {e}");
                        }
                    });
                }
                w.busy = false;
                self.turn.notify_all();
                continue;
            }
            w = self.turn.wait(w).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// One round of the group commit (module docs).
    fn round(
        &self,
        store: Option<Store>,
        mut audit: Option<Appender>,
        mut audit_broken: bool,
        queued: Vec<(u64, Vec<Change>)>,
    ) -> Round {
        let mut answers = Vec::with_capacity(queued.len());
        let mut times = [0.0; 4];
        let Some(mut store) = store else {
            let e = unavailable("log_failed", "the write log failed earlier; restart the service");
            answers.extend(queued.into_iter().map(|(t, _)| (t, Err(e.clone()))));
            return Round { store: None, audit, audit_broken, answers, times };
        };
        if audit_broken {
            let e = unavailable("audit_failed", "the audit log failed earlier; writes are refused until a restart");
            answers.extend(queued.into_iter().map(|(t, _)| (t, Err(e.clone()))));
            return Round { store: Some(store), audit, audit_broken, answers, times };
        }
        let mut clock = Instant::now();
        let mut lap = |i: usize| {
            times[i] = clock.elapsed().as_secs_f64();
            clock = Instant::now();
        };
        let checks = self.live.check_each(&queued.iter().map(|(_, c)| c.as_slice()).collect::<Vec<_>>());
        let mut accepted: Vec<(u64, Vec<Change>)> = Vec::with_capacity(queued.len());
        for ((ticket, changes), check) in queued.into_iter().zip(checks) {
            match check {
                Ok(()) => accepted.push((ticket, changes)),
                Err(e) => answers.push((ticket, Err(live_error(e)))),
            }
        }
        lap(0);
        if accepted.is_empty() {
            return Round { store: Some(store), audit, audit_broken, answers, times };
        }
        let first = self.live.version() + 1;
        let logged: Vec<(u64, &[Change])> =
            accepted.iter().enumerate().map(|(i, (_, c))| (first + i as u64, c.as_slice())).collect();
        let lines = match store.append_all(&logged) {
            Ok(lines) => lines,
            Err(_) => {
                let e = unavailable("log_failed", "the write log could not be written");
                answers.extend(accepted.into_iter().map(|(t, _)| (t, Err(e.clone()))));
                return Round { store: Some(store), audit, audit_broken, answers, times };
            }
        };
        lap(1);
        if let Some(a) = audit.as_mut() {
            let bodies: Vec<RunBody> = lines
                .iter()
                .zip(&logged)
                .map(|(line, &(version, changes))| self.audit_body(&store, version, changes, line))
                .collect();
            if let Err(e) = a.append_all(bodies) {
                // The batches are durable and are applied and acknowledged;
                // their records are missing, which is reported, and no
                // further write is taken.
                tracing::error!("audit log: {e}; the batches of versions {first}.. are applied without a record, further writes are refused");
                audit_broken = true;
            }
        }
        lap(2);
        let tickets: Vec<u64> = accepted.iter().map(|(t, _)| *t).collect();
        let n = tickets.len() as u64;
        // Checked above while this is the only writer, so this cannot fail on the changes.
        match self.live.apply_all(accepted.into_iter().map(|(_, c)| c).collect()) {
            Ok(last) => {
                debug_assert_eq!(last, first + n - 1);
                answers.extend(tickets.into_iter().enumerate().map(|(i, t)| (t, Ok(first + i as u64))));
            }
            Err(e) => {
                let e = live_error(e);
                answers.extend(tickets.into_iter().map(|t| (t, Err(e.clone()))));
            }
        }
        lap(3);
        Round { store: Some(store), audit, audit_broken, answers, times }
    }

    /// The run record of one logged batch: no personal data, only the
    /// hash and size of its log line, its version and its counts.
    fn audit_body(&self, store: &Store, version: u64, changes: &[Change], line: &[u8]) -> RunBody {
        let now = werkmatch_audit::record::now_rfc3339();
        let count = |f: fn(&Change) -> bool| changes.iter().filter(|c| f(c)).count();
        let options = serde_json::json!({
            "route": "write_batch",
            "data_version": version,
            "changes": changes.len(),
            "upserts": {
                "seeker": count(|c| matches!(c, Change::UpsertSeeker(_))),
                "vacancy": count(|c| matches!(c, Change::UpsertVacancy(_))),
                "employer": count(|c| matches!(c, Change::UpsertEmployer(_))),
            },
            "deletes": {
                "seeker": count(|c| matches!(c, Change::RemoveSeeker(_))),
                "vacancy": count(|c| matches!(c, Change::RemoveVacancy(_))),
                "employer": count(|c| matches!(c, Change::RemoveEmployer(_))),
            },
        });
        let log = store.dir().join(LOG_FILE).display().to_string();
        let hash = werkmatch_audit::digest::sha256(line);
        RunBody {
            kind: RunKind::Serve,
            engine: Engine::this(),
            scoring: self.scoring.clone(),
            scoring_hash: self.scoring_hash.clone(),
            taxonomy: None,
            options,
            inputs: vec![InputRecord {
                role: "write_batch".to_string(),
                path: format!("{log}#version={version}"),
                size: line.len() as u64,
                hash: hash.clone(),
                counts: None,
            }],
            overrides_in_effect: None,
            output: OutputRecord { path: format!("data version {version}"), size: line.len() as u64, hash },
            started: now.clone(),
            finished: now,
            threads: self.pool.current_num_threads(),
        }
    }

    /// Where the writer's time went so far.
    pub fn phases(&self) -> Phases {
        self.lock().phases
    }

    /// Writes a snapshot and truncates the log; the snapshot's version.
    /// Writes go on while the file is written (see the module docs).
    pub fn snapshot(&self) -> Result<u64, ApiError> {
        if !self.durable {
            return Err(unavailable("read_only", "no --data-dir"));
        }
        {
            let mut w = self.lock();
            while w.snapshotting {
                w = self.turn.wait(w).unwrap_or_else(|p| p.into_inner());
            }
            w.snapshotting = true;
        }
        self.snapshot_now()
    }

    /// The snapshot itself; the caller has set `snapshotting`, which this clears.
    fn snapshot_now(&self) -> Result<u64, ApiError> {
        let began = Instant::now();
        let failed = || unavailable("snapshot_failed", "the snapshot could not be written");
        let done = |w: &mut Writer| w.snapshotting = false;
        // Every published version is in the log already (synced before it was
        // applied), and no round is at work during our turn: the snapshot's
        // version ends exactly at the log's current length.
        let (snap, logged, dir) = {
            let mut w = self.take_turn();
            let Some(store) = w.store.as_ref() else {
                done(&mut w);
                self.end_turn(w);
                return Err(failed());
            };
            let out = (self.live.snapshot(), store.log_len(), store.dir().to_path_buf());
            self.end_turn(w);
            out
        };
        let tmp = write_snapshot_file(&dir, &snap);
        let mut w = self.take_turn();
        let installed = match (tmp, w.store.as_mut()) {
            (Ok(tmp), Some(store)) => store.install_snapshot(&tmp, logged).map(|()| store.log_len()),
            _ => Err(std::io::Error::other("no store")),
        };
        done(&mut w);
        let result = match installed {
            Ok(len) => {
                w.log_at_snapshot = len;
                w.phases.snapshots += 1;
                w.phases.snapshot_s += began.elapsed().as_secs_f64();
                Ok(snap.version())
            }
            Err(_) => Err(failed()),
        };
        self.end_turn(w);
        result
    }
}

/// What a round hands back: the store and audit log, and one answer per batch.
struct Round {
    store: Option<Store>,
    audit: Option<Appender>,
    audit_broken: bool,
    answers: Vec<(u64, Result<u64, ApiError>)>,
    /// Seconds: check, log and sync, audit, apply and publish.
    times: [f64; 4],
}

fn live_error(e: LiveError) -> ApiError {
    match e {
        LiveError::UnknownId { change, kind, .. } => {
            ApiError::not_found(kind.name()).with_line(change as u64 + 1).with_field("id")
        }
        other => ApiError::bad_request("invalid_value", other.to_string()),
    }
}

/// `sha256:<hex>` of the configuration's JSON with sorted keys.
pub fn scoring_hash(cfg: &ScoringConfig) -> String {
    // serde_json's Value sorts object keys (no preserve_order), a canonical enough form.
    let text = serde_json::to_value(cfg).map(|v| v.to_string()).unwrap_or_default();
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}
