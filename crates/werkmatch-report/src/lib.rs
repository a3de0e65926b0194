//! Self-contained HTML reports for werkmatch: one file that opens offline,
//! prints legibly, and needs no script or outside resource (no fonts, images
//! or style sheets from anywhere). Charts are inline SVG, each with a `<title>`,
//! a `<desc>` and its numbers in a table beside it, so that a screen reader,
//! a printout and a search all see the same figures.
//!
//! Shared by the tools' reports (the fairness report in `werkmatch-audit`, the
//! scan's jobcoach and policy pages in [`scan`]): a report builds [`Section`]s
//! from [`bar_chart`], [`grouped_bar_chart`] and [`table`] and renders a [`Page`].
//!
//! ```
//! use werkmatch_report::{bar_chart, table, Bar, Page, Section};
//!
//! let chart = bar_chart("rates", "Match rate", "Share of seekers with a match, per group.",
//!     ["group", "rate", "95% interval"], &[Bar::new("a", 0.6).interval(0.49, 0.70), Bar::new("b", 0.42)], 1.0, |x| format!("{x:.4}"));
//! let t = table(&["group", "rate"], &[vec!["a".into(), "0.6000".into()]]);
//! let html = Page::new("nl", "Rapport").section(Section::new("Groepen").body(chart).body(t)).render();
//! assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg") && !html.contains("<script"));
//! ```

mod chart;
mod page;
pub mod scan;

pub use chart::{bar_chart, grouped_bar_chart, Bar};
pub use maud::{Markup, PreEscaped};
pub use page::{paragraph, subheading, table, Page, Section};
