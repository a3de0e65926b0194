//! [`ApiError`]: every refusal as a status and a JSON body naming the field
//! and the reason. Bodies never hold the offending value (it may be about a
//! person), only where it was and why it was refused.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// A refused request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
}

/// The JSON body of every error response: `{"error": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong, machine-readable: `invalid_value`, `syntax`, `unknown_field`,
    /// `not_found`, `too_large`, `unauthorized`, ...
    pub kind: String,
    /// The field (a path such as `location.lat`, or a query parameter), when one was wrong.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The 1-based line of a JSON Lines body, when the error is on one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Why, in words.
    pub reason: String,
}

#[derive(Serialize)]
struct Envelope<'a> {
    error: &'a ErrorBody,
}

impl ApiError {
    /// An error with this status, kind and reason.
    pub fn new(status: StatusCode, kind: impl Into<String>, reason: impl Into<String>) -> Self {
        ApiError { status, body: ErrorBody { kind: kind.into(), field: None, line: None, reason: reason.into() } }
    }

    /// A `400 Bad Request`.
    pub fn bad_request(kind: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, kind, reason)
    }

    /// A `404 Not Found` for a record of this kind.
    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", format!("no {what} with this id"))
    }

    /// This error, naming the field.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.body.field = Some(field.into());
        self
    }

    /// This error, on this line of the body.
    pub fn with_line(mut self, line: u64) -> Self {
        self.body.line = Some(line);
        self
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The body.
    pub fn body(&self) -> &ErrorBody {
        &self.body
    }

    /// An adapter (file reader) error: the same validation as the files.
    pub fn from_adapter(e: &werkmatch_adapter::Error) -> Self {
        let mut err = Self::bad_request(e.kind().name(), e.reason());
        err.body.field = e.field().map(str::to_string);
        err
    }

    /// A core validation error (a value out of range, ...).
    pub fn from_core(e: &werkmatch_core::Error) -> Self {
        Self::bad_request("invalid_value", e.reason()).with_field(e.field())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, Json(Envelope { error: &self.body })).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert("www-authenticate", axum::http::HeaderValue::from_static("Bearer"));
        }
        res
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.body.kind)?;
        if let Some(line) = self.body.line {
            write!(f, " line {line}")?;
        }
        if let Some(field) = &self.body.field {
            write!(f, " field {field}")?;
        }
        write!(f, ": {}", self.body.reason)
    }
}

impl std::error::Error for ApiError {}
