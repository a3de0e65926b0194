//! The fairness report (AUDIT.md section 4): match rate, mean best score,
//! exposure and placement rate per group of each audit attribute, impact
//! ratios against the best-served group, Wilson intervals, flags, and the
//! proxy table.
//!
//! The audit attributes are read here only ([`AuditAttributes`]); the core and
//! the adapter cannot name the type, and nothing here feeds back into scoring:
//! the report reads the results a run wrote.
//!
//! Readings of the contract (also in `docs/AUDIT.md`):
//! - The seekers counted are those with a seeker → vacancies list in the
//!   results; a seeker with no audit record is in group `unknown` for every
//!   attribute, and an audit record for a seeker not in the results is not counted.
//! - Exposure counts the positions, in every vacancy → seekers list, held by
//!   counted seekers; positions held by other seekers are reported as
//!   `uncounted_positions` and attributed to no group.
//! - Impact ratios are computed for match rate, exposure and placement rate
//!   (the rates); the mean best score has none. A ratio whose best rate is 0 is
//!   null. A group with `n < min_group` has null ratios and `insufficient_n`; it
//!   is never flagged.
//! - The placement rate is the share of the group's counted seekers whose plan
//!   line names a vacancy (seekers absent from the plan are not placed).
//! - Proxy table (needs the seekers file): per attribute and feature, each
//!   group's mean, and the largest difference between the means of the groups
//!   with `n >= min_group`. Features: ISCO skill level (1–4, as scored), sector
//!   (share who list any sector, experience or preference), travel minutes
//!   (`max_minutes`), hours (the most hours per week wanted), licence (share
//!   with one), Dutch level (A1 = 1 … C2 = 6, none recorded = 0).

mod attributes;
mod compute;
mod html;
mod inputs;
mod proxy;
mod text;
mod wilson;

pub use attributes::{AuditAttributes, UNKNOWN};
pub use compute::{fairness_report, FairnessReport, GroupFigures, DEFAULT_MIN_GROUP, FLAG_BELOW};
pub use html::render_html;
pub use inputs::{matches_from_str, plan_from_str, read_matches, read_plan, Placements, Results};
pub use proxy::{proxy_table, FeatureRow, ProxyTable, FEATURES};
pub use text::render_text;
pub use wilson::{wilson, Z95};
