//! The figures of the fairness report, per attribute and group.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::attributes::AuditAttributes;
use super::inputs::{Placements, Results};
use super::proxy::ProxyTable;
use super::wilson::{wilson, Z95};

/// Groups smaller than this get "insufficient n" instead of ratios (AUDIT.md: 30).
pub const DEFAULT_MIN_GROUP: u64 = 30;

/// A group is flagged when one of its impact ratios is below this (the four-fifths rule).
pub const FLAG_BELOW: f64 = 0.8;

/// The whole report; `--json` writes it as one object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FairnessReport {
    /// `n_min`: the smallest group that gets ratios and can be flagged.
    pub min_group: u64,
    /// Seekers counted (those with a vacancy list in the results).
    pub seekers: u64,
    /// Vacancy → seekers lists read.
    pub vacancy_lists: u64,
    /// Positions in vacancy lists held by seekers without a vacancy list (in no group).
    pub uncounted_positions: u64,
    /// Whether a placement plan was given.
    pub plan: bool,
    /// The z of the Wilson intervals.
    pub z: f64,
    /// Figures by attribute, then group (byte order).
    pub attributes: BTreeMap<String, BTreeMap<String, GroupFigures>>,
    /// Group means of the scored features, when the seekers file was given.
    pub proxies: Option<ProxyTable>,
}

/// The figures of one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupFigures {
    /// Seekers counted in the group.
    pub n: u64,
    /// Of them, with at least one vacancy match.
    pub matched: u64,
    /// `matched / n`.
    pub match_rate: f64,
    /// Wilson 95% interval of the match rate.
    pub match_rate_ci: [f64; 2],
    /// Mean of the best score over the group's seekers with a match; null without any.
    pub mean_best_score: Option<f64>,
    /// Σ 1/log2(1 + j) over the vacancy-list positions j held by the group, divided by n.
    pub exposure: f64,
    /// Seekers placed by the plan (null without a plan).
    pub placed: Option<u64>,
    /// `placed / n` (null without a plan).
    pub placement_rate: Option<f64>,
    /// Wilson 95% interval of the placement rate (null without a plan).
    pub placement_rate_ci: Option<[f64; 2]>,
    /// Match rate over the best match rate of the groups with `n ≥ min_group`.
    pub match_rate_ratio: Option<f64>,
    /// Exposure over the best exposure of the groups with `n ≥ min_group`.
    pub exposure_ratio: Option<f64>,
    /// Placement rate over the best of the groups with `n ≥ min_group`.
    pub placement_ratio: Option<f64>,
    /// `n ≥ min_group` and some ratio below 0.8.
    pub flagged: bool,
    /// `n < min_group`: no ratios, never flagged.
    pub insufficient_n: bool,
}

#[derive(Default)]
struct Sums {
    n: u64,
    matched: u64,
    best: f64,
    exposure: f64,
    placed: u64,
}

/// Computes the report. The attributes only group the seekers: nothing here
/// changes a score or a ranking.
pub fn fairness_report(
    results: &Results,
    attributes: &AuditAttributes,
    plan: Option<&Placements>,
    min_group: u64,
    proxies: Option<ProxyTable>,
) -> FairnessReport {
    let index: HashMap<&str, usize> = results.seekers.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i)).collect();
    let mut exposure = vec![0.0f64; results.seekers.len()];
    let mut uncounted = 0u64;
    for list in &results.vacancy_lists {
        for (j, id) in list.iter().enumerate() {
            match index.get(id.as_str()) {
                Some(&i) => exposure[i] += 1.0 / ((j + 2) as f64).log2(),
                None => uncounted += 1,
            }
        }
    }
    let mut attrs = BTreeMap::new();
    for name in attributes.names() {
        let mut groups: BTreeMap<String, Sums> = BTreeMap::new();
        for (i, (id, best)) in results.seekers.iter().enumerate() {
            let g = groups.entry(attributes.group(id, name).to_string()).or_default();
            g.n += 1;
            if let Some(b) = best {
                g.matched += 1;
                g.best += b;
            }
            g.exposure += exposure[i];
            if plan.is_some_and(|p| p.placed(id)) {
                g.placed += 1;
            }
        }
        attrs.insert(name.to_string(), figures(&groups, plan.is_some(), min_group));
    }
    FairnessReport {
        min_group,
        seekers: results.seekers.len() as u64,
        vacancy_lists: results.vacancy_lists.len() as u64,
        uncounted_positions: uncounted,
        plan: plan.is_some(),
        z: Z95,
        attributes: attrs,
        proxies,
    }
}

fn figures(groups: &BTreeMap<String, Sums>, plan: bool, min_group: u64) -> BTreeMap<String, GroupFigures> {
    let mut out: BTreeMap<String, GroupFigures> = groups
        .iter()
        .map(|(name, s)| {
            let n = s.n as f64;
            let fig = GroupFigures {
                n: s.n,
                matched: s.matched,
                match_rate: s.matched as f64 / n,
                match_rate_ci: wilson(s.matched, s.n, Z95),
                mean_best_score: (s.matched > 0).then(|| s.best / s.matched as f64),
                exposure: s.exposure / n,
                placed: plan.then_some(s.placed),
                placement_rate: plan.then(|| s.placed as f64 / n),
                placement_rate_ci: plan.then(|| wilson(s.placed, s.n, Z95)),
                match_rate_ratio: None,
                exposure_ratio: None,
                placement_ratio: None,
                flagged: false,
                insufficient_n: s.n < min_group,
            };
            (name.clone(), fig)
        })
        .collect();
    // The reference of each ratio: the best rate among the groups large enough to count.
    let best = |rate: &dyn Fn(&GroupFigures) -> Option<f64>| {
        out.values()
            .filter(|g| !g.insufficient_n)
            .filter_map(rate)
            .fold(None, |m: Option<f64>, r| Some(m.map_or(r, |m| m.max(r))))
    };
    let best_match = best(&|g| Some(g.match_rate));
    let best_exposure = best(&|g| Some(g.exposure));
    let best_placement = best(&|g| g.placement_rate);
    let ratio = |rate: Option<f64>, best: Option<f64>| match (rate, best) {
        (Some(r), Some(b)) if b > 0.0 => Some(r / b),
        _ => None,
    };
    for g in out.values_mut().filter(|g| !g.insufficient_n) {
        g.match_rate_ratio = ratio(Some(g.match_rate), best_match);
        g.exposure_ratio = ratio(Some(g.exposure), best_exposure);
        g.placement_ratio = ratio(g.placement_rate, best_placement);
        g.flagged = [g.match_rate_ratio, g.exposure_ratio, g.placement_ratio].iter().flatten().any(|r| *r < FLAG_BELOW);
    }
    out
}
