//! Shared test helpers.
#![allow(dead_code, missing_docs)]

pub mod feeds;
