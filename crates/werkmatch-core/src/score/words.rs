//! Plain-words reasons for a ranked pair, for people who do not read scores.
//!
//! Used by the jobhunter tools; services can use them too. The words follow
//! the components of the explanation, strongest first.

use super::components::Component;
use super::explain::Explanation;
use crate::model::TravelMode;

/// Why a pair fits, in short plain phrases, strongest first (at most one per component).
pub fn fit_reasons(e: &Explanation) -> Vec<String> {
    let mut out: Vec<(f64, String)> = Vec::new();
    let occ = e.component(Component::Occupation);
    let occ_text = match occ {
        x if x >= 1.0 => Some("same occupation as wanted or done before"),
        x if x >= 0.7 => Some("closely related occupation"),
        x if x >= 0.4 => Some("related occupation"),
        x if x > 0.0 => Some("occupation in the same broad field"),
        _ => None,
    };
    if let Some(t) = occ_text {
        out.push((occ, t.to_string()));
    }
    let skills = e.component(Component::Skills);
    if e.skills_asked == 0 {
        // No skills asked: the skills component repeats the occupation; say nothing twice.
    } else if e.missing_essential_skills.is_empty() && skills >= 1.0 {
        out.push((skills, "has every skill asked".to_string()));
    } else if skills > 0.0 {
        out.push((skills, format!("has {:.0}% of the skills asked", 100.0 * skills)));
    }
    let level = match e.level_gap {
        g if g < 0 => format!("over-qualified by {} level{}", -g, if g < -1 { "s" } else { "" }),
        0 => "level fits".to_string(),
        _ => "one level above the candidate: learning on the job".to_string(),
    };
    out.push((e.component(Component::Level), level));
    match e.component(Component::Sector) {
        x if x >= 1.0 => out.push((x, "preferred sector".to_string())),
        x if x >= 0.8 => out.push((x, "sector worked in before".to_string())),
        _ => {}
    }
    if e.component(Component::Hours) < 1.0 {
        out.push((e.component(Component::Hours), "fewer hours than wanted".to_string()));
    }
    out.push((e.component(Component::Mobility), travel_words(e)));
    // Strongest first; stable on equal values so the order is the component order.
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|(_, t)| t).collect()
}

/// The trip in words: "12 min by bike", "remote job".
pub fn travel_words(e: &Explanation) -> String {
    match e.travel.mode {
        None => "remote job".to_string(),
        Some(m) => format!("{:.0} min by {}", e.travel.minutes, mode_name(m)),
    }
}

fn mode_name(m: TravelMode) -> &'static str {
    match m {
        TravelMode::Walk => "walking",
        TravelMode::Bike => "bike",
        TravelMode::Ebike => "e-bike",
        TravelMode::Car => "car",
        TravelMode::Transit => "public transport",
    }
}
