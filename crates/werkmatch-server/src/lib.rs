//! # werkmatch-server
//!
//! The reference service over [`LiveIndex`](werkmatch_core::rank::LiveIndex):
//! a JSON API under `/v1` (axum on tokio; ranking and writes run off the
//! async workers), durable writes (a synced log, replayed on start;
//! snapshots), a bearer token, request limits and a log without personal data.
//!
//! - [`http`]: the router and its layers; [`http::ApiDoc`] is `/openapi.json`.
//! - [`api`]: the handlers.
//! - [`records`]: records and changes as JSON, validated like the files.
//! - [`store`]: the write log and snapshots.
//! - [`state`]: what every request shares.
//! - [`error`]: every refusal as status + JSON.
//! - [`start`]: loading data, replaying the log, the address and token rules.

pub mod api;
pub mod error;
pub mod http;
pub mod records;
pub mod start;
pub mod state;
pub mod store;

pub use error::ApiError;
pub use http::{router, Limits};
pub use state::AppState;
