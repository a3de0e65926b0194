//! FORMAT.md JSON Lines: one JSON object per line, UTF-8.

mod matches;
mod write;

pub use matches::{format_score, write_rankings};
pub use write::{write_jsonl, JsonlWriter};
