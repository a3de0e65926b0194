//! The service in process (tower's `oneshot`), over the fixtures, with a
//! fresh data directory.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use werkmatch_core::score::ScoringConfig;
use werkmatch_server::start::{load, Sources};
use werkmatch_server::{router, AppState, Limits};

pub const TOKEN: &str = "test-token-0123456789";
/// A small body limit, so that the oversized-body tests stay small.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A fresh, empty directory under the system's temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "werkmatch-server-test-{}-{name}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The demo service with its state.
pub fn app() -> (Router, Arc<AppState>) {
    let src = Sources { demo: true, data_dir: Some(temp_dir("app")), ..Sources::default() };
    let (live, store, _) = load(&src, ScoringConfig::default()).unwrap();
    let state = AppState::new(live, store, TOKEN.to_string());
    let limits = Limits { body_bytes: BODY_LIMIT, ..Limits::default() };
    (router(Arc::clone(&state), limits), state)
}

/// Sends one request; the status and the body as JSON (`Value::String` if it is not JSON).
pub async fn send(app: &Router, method: &str, uri: &str, token: Option<&str>, body: Vec<u8>) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let res = app.clone().oneshot(req.body(Body::from(body)).unwrap()).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let value =
        serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, value)
}

/// Sends with the right token.
pub async fn call(app: &Router, method: &str, uri: &str, body: &str) -> (StatusCode, Value) {
    send(app, method, uri, Some(TOKEN), body.as_bytes().to_vec()).await
}

/// Asserts a refusal: this status, a JSON error body with a kind and a reason, and this field if given.
pub fn refused(got: &(StatusCode, Value), status: StatusCode, field: Option<&str>) {
    assert_eq!(got.0, status, "body {}", got.1);
    let err = &got.1["error"];
    assert!(err["kind"].is_string() && err["reason"].is_string(), "not an error body: {}", got.1);
    if let Some(f) = field {
        assert_eq!(err["field"], f, "body {}", got.1);
    }
}
