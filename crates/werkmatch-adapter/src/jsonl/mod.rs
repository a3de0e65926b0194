//! FORMAT.md JSON Lines: one JSON object per line, UTF-8.

mod write;

pub use write::{write_jsonl, JsonlWriter};
