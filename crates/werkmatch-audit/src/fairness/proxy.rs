//! The proxy table: for each scored feature, the group means, so that a
//! feature that stands in for a protected attribute becomes visible.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use werkmatch_core::score::seeker_level;
use werkmatch_core::Jobseeker;

use super::attributes::AuditAttributes;
use super::inputs::Results;

/// The features, in report order, with how each is measured.
pub const FEATURES: [&str; 6] = ["level", "sector", "travel_minutes", "hours", "licence", "dutch_level"];

fn feature(s: &Jobseeker, name: &str) -> f64 {
    match name {
        "level" => f64::from(seeker_level(s).get()),
        "sector" => f64::from(u8::from(!(s.sectors_experience.is_empty() && s.sectors_preferred.is_empty()))),
        "travel_minutes" => f64::from(s.mobility.max_minutes()),
        "hours" => f64::from(s.hours.max()),
        "licence" => f64::from(u8::from(s.licence)),
        _ => f64::from(s.dutch_level.map_or(0, |c| c.rank())),
    }
}

/// Feature rows by attribute, then feature.
pub type ProxyTable = BTreeMap<String, BTreeMap<String, FeatureRow>>;

/// One feature for one attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeatureRow {
    /// Mean over every counted seeker found in the seekers file.
    pub overall: Option<f64>,
    /// Mean by group (null for a group with no seeker in the seekers file).
    pub groups: BTreeMap<String, Option<f64>>,
    /// Largest difference between the means of groups with `n ≥ min_group`; null with fewer than two.
    pub max_difference: Option<f64>,
}

/// Builds the proxy table from the counted seekers found in `seekers`.
pub fn proxy_table(
    results: &Results,
    attributes: &AuditAttributes,
    seekers: &[Jobseeker],
    min_group: u64,
) -> ProxyTable {
    let by_id: HashMap<&str, &Jobseeker> = seekers.iter().map(|s| (s.id.as_str(), s)).collect();
    let counted: Vec<(&str, Option<&&Jobseeker>)> =
        results.seekers.iter().map(|(id, _)| (id.as_str(), by_id.get(id.as_str()))).collect();
    let mut table = ProxyTable::new();
    for attr in attributes.names() {
        let mut rows = BTreeMap::new();
        for f in FEATURES {
            // Per group: (seekers counted, seekers found, sum of the feature).
            let mut groups: BTreeMap<&str, (u64, u64, f64)> = BTreeMap::new();
            let (mut found, mut sum) = (0u64, 0.0f64);
            for (id, s) in &counted {
                let g = groups.entry(attributes.group(id, attr)).or_default();
                g.0 += 1;
                if let Some(s) = s {
                    let x = feature(s, f);
                    g.1 += 1;
                    g.2 += x;
                    found += 1;
                    sum += x;
                }
            }
            let mean = |k: u64, s: f64| (k > 0).then(|| s / k as f64);
            let large: Vec<f64> = groups.values().filter(|g| g.0 >= min_group).filter_map(|g| mean(g.1, g.2)).collect();
            let max_difference = (large.len() >= 2).then(|| {
                let hi = large.iter().copied().fold(f64::MIN, f64::max);
                let lo = large.iter().copied().fold(f64::MAX, f64::min);
                hi - lo
            });
            rows.insert(
                f.to_string(),
                FeatureRow {
                    overall: mean(found, sum),
                    groups: groups.iter().map(|(g, v)| (g.to_string(), mean(v.1, v.2))).collect(),
                    max_difference,
                },
            );
        }
        table.insert(attr.to_string(), rows);
    }
    table
}
