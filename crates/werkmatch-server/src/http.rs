//! The router and its layers: bearer token, body limit, timeout,
//! concurrency limit, request log, and the OpenAPI document.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use tower::limit::ConcurrencyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api;
use crate::error::ApiError;
use crate::state::AppState;

/// Limits on requests.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The largest request body in bytes (`413` above it).
    pub body_bytes: usize,
    /// How long a request may take (`503` after it).
    pub timeout: Duration,
    /// How many requests are served at once (the others wait).
    pub concurrency: usize,
    /// Log every request (method, route template, status, latency); failures are logged always.
    pub log_requests: bool,
}

impl Default for Limits {
    /// 16 MiB, 30 s, 256 at once, every request logged.
    fn default() -> Self {
        Limits { body_bytes: 16 << 20, timeout: Duration::from_secs(30), concurrency: 256, log_requests: true }
    }
}

/// The OpenAPI document, generated from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(title = "werkmatch", description = "Explainable job matching: ranking reads and durable writes over a live index."),
    paths(
        api::seeker_to_vacancies, api::seeker_to_employers, api::vacancy_to_seekers, api::match_profile, api::pair,
        api::put_seeker, api::delete_seeker, api::put_vacancy, api::delete_vacancy, api::put_employer,
        api::delete_employer, api::batch, api::snapshot, api::version, api::healthz
    ),
    modifiers(&Bearer)
)]
pub struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let scheme = SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build());
        doc.components.get_or_insert_with(Default::default).add_security_scheme("bearer", scheme);
    }
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The whole service.
pub fn router(state: Arc<AppState>, limits: Limits) -> Router {
    let v1 = Router::new()
        .route("/v1/seekers/{id}/vacancies", get(api::seeker_to_vacancies))
        .route("/v1/seekers/{id}/employers", get(api::seeker_to_employers))
        .route("/v1/vacancies/{id}/seekers", get(api::vacancy_to_seekers))
        .route("/v1/match", post(api::match_profile))
        .route("/v1/pairs/{seeker}/{vacancy}", get(api::pair))
        .route("/v1/seekers/{id}", put(api::put_seeker).delete(api::delete_seeker))
        .route("/v1/vacancies/{id}", put(api::put_vacancy).delete(api::delete_vacancy))
        .route("/v1/employers/{id}", put(api::put_employer).delete(api::delete_employer))
        .route("/v1/batch", post(api::batch))
        .route("/v1/snapshot", post(api::snapshot))
        .route("/v1/version", get(api::version))
        .route("/openapi.json", get(openapi))
        .route_layer(middleware::from_fn_with_state(Arc::clone(&state), require_token));
    Router::new()
        .route("/healthz", get(api::healthz))
        .merge(v1)
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no_route", "no such route") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this route does not take this method")
        })
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .layer(ConcurrencyLimitLayer::new(limits.concurrency))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, limits.timeout))
        .layer(middleware::from_fn_with_state(limits.log_requests, log_request))
        .with_state(state)
}

/// Constant-time comparison, so the token cannot be guessed byte by byte from timings.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn require_token(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let given =
        req.headers().get("authorization").and_then(|h| h.to_str().ok()).and_then(|h| h.strip_prefix("Bearer "));
    match given {
        Some(t) if same(t.as_bytes(), st.token().as_bytes()) => next.run(req).await,
        Some(_) => ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "wrong bearer token").into_response(),
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a bearer token is required (Authorization: Bearer ...)",
        )
        .into_response(),
    }
}

/// Logs method, route template (never the path's ids), status and latency;
/// never a body or a query.
async fn log_request(State(all): State<bool>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let route = req.extensions().get::<MatchedPath>().map_or("<no route>".to_string(), |p| p.as_str().to_string());
    let res = next.run(req).await;
    let ms = start.elapsed().as_secs_f64() * 1e3;
    let status = res.status().as_u16();
    if status >= 500 {
        tracing::warn!(%method, route, status, latency_ms = ms, "request");
    } else if all {
        tracing::info!(%method, route, status, latency_ms = ms, "request");
    }
    res
}
