//! The one look of the tools' progress bars (indicatif), drawn only on a
//! terminal by the tools that show them.

// Each tool uses a subset of these.
#![allow(dead_code)]

use indicatif::ProgressStyle;

/// Counts of items, for a bar over records or seekers.
pub const ITEMS: &str = "{pos}/{len}";
/// Bytes read of the total, for a bar over a file.
pub const BYTES: &str = "{bytes}/{total_bytes}";

/// The bar's style: a message `msg_width` wide, the bar, `counter`
/// ([`ITEMS`] or [`BYTES`]), the time taken and the time left.
pub fn style(msg_width: usize, counter: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!(
        "{{msg:<{msg_width}}} [{{bar:30}}] {counter} {{elapsed_precise}} ETA {{eta}}"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}
