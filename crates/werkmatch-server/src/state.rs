//! [`AppState`]: the live index, the write log and what `/v1/version` says.

use std::sync::{Arc, Mutex, MutexGuard};

use sha2::{Digest, Sha256};
use werkmatch_core::rank::{Change, LiveError, LiveIndex};
use werkmatch_core::score::ScoringConfig;

use crate::error::ApiError;
use crate::store::Store;

/// Shared by every request.
#[derive(Debug)]
pub struct AppState {
    live: LiveIndex,
    /// `None`: no data directory, writes are refused (they could not be made durable).
    store: Mutex<Option<Store>>,
    token: String,
    scoring_hash: String,
}

impl AppState {
    /// State over `live`, writing to `store`, requiring `token`.
    pub fn new(live: LiveIndex, store: Option<Store>, token: String) -> Arc<AppState> {
        let scoring_hash = scoring_hash(live.snapshot().config());
        Arc::new(AppState { live, store: Mutex::new(store), token, scoring_hash })
    }

    /// The live index.
    pub fn live(&self) -> &LiveIndex {
        &self.live
    }

    /// The bearer token every route but `/healthz` requires.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// `sha256:` of the scoring configuration's JSON (keys sorted).
    pub fn scoring_hash(&self) -> &str {
        &self.scoring_hash
    }

    fn store(&self) -> MutexGuard<'_, Option<Store>> {
        // A panic while holding the lock cannot leave a half-written batch
        // acknowledged: the store cuts back a failed append itself.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Checks, logs (synced) and applies one batch; its version. Blocking:
    /// call it off the async workers.
    pub fn write(&self, changes: Vec<Change>) -> Result<u64, ApiError> {
        let mut store = self.store();
        let Some(store) = store.as_mut() else {
            return Err(ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "read_only",
                "this service has no --data-dir: writes could not be made durable, so they are refused",
            ));
        };
        self.live.check(&changes).map_err(live_error)?;
        let version = self.live.version() + 1;
        store.append(version, &changes).map_err(|_| {
            ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "log_failed",
                "the write log could not be written",
            )
        })?;
        // Checked above while this is the only writer, so this cannot fail on the changes.
        self.live.apply(changes).map_err(live_error)
    }

    /// Writes a snapshot and truncates the log; the snapshot's version.
    pub fn snapshot(&self) -> Result<u64, ApiError> {
        let mut store = self.store();
        let Some(store) = store.as_mut() else {
            return Err(ApiError::new(axum::http::StatusCode::SERVICE_UNAVAILABLE, "read_only", "no --data-dir"));
        };
        let snap = self.live.snapshot();
        store.write_snapshot(&snap).map_err(|_| {
            ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "snapshot_failed",
                "the snapshot could not be written",
            )
        })?;
        Ok(snap.version())
    }
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
