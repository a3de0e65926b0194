//! Plain-words reasons for a ranked pair, for people who do not read scores.
//!
//! Used by the jobhunter tools; services can use them too. The reasons follow
//! the components of the explanation, strongest first. They are data
//! ([`Reason`], serde with ids); [`crate::text`] renders them in Dutch or
//! English.

use serde::{Deserialize, Serialize};

use super::components::Component;
use super::explain::Explanation;
use crate::travel::Travel;

/// One reason a pair fits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[cfg_attr(test, derive(strum::EnumDiscriminants), strum_discriminants(derive(strum::EnumIter), allow(missing_docs)))]
#[non_exhaustive]
pub enum Reason {
    /// The same occupation as wanted or done before.
    SameOccupation,
    /// A closely related occupation.
    CloselyRelatedOccupation,
    /// A related occupation.
    RelatedOccupation,
    /// An occupation in the same broad field.
    SameBroadField,
    /// Has every skill the vacancy asks.
    AllSkills,
    /// Has this share of the skills asked.
    SkillsShare {
        /// Percent, 0–100.
        percent: u8,
    },
    /// The job is this many levels below the seeker's.
    OverQualified {
        /// Levels (≥ 1).
        levels: u8,
    },
    /// The level fits.
    LevelFits,
    /// One level above the seeker: learning on the job.
    OneLevelAbove,
    /// The seeker's preferred sector.
    PreferredSector,
    /// A sector the seeker worked in before.
    SectorBefore,
    /// Fewer hours than the seeker wants.
    FewerHours,
    /// How the seeker gets there.
    Trip {
        /// The trip.
        travel: Travel,
    },
}

/// Why a pair fits, strongest first (at most one reason per component).
pub fn fit_reasons(e: &Explanation) -> Vec<Reason> {
    let mut out: Vec<(f64, Reason)> = Vec::new();
    let occ = e.component(Component::Occupation);
    let occ_reason = match occ {
        x if x >= 1.0 => Some(Reason::SameOccupation),
        x if x >= 0.7 => Some(Reason::CloselyRelatedOccupation),
        x if x >= 0.4 => Some(Reason::RelatedOccupation),
        x if x > 0.0 => Some(Reason::SameBroadField),
        _ => None,
    };
    if let Some(r) = occ_reason {
        out.push((occ, r));
    }
    let skills = e.component(Component::Skills);
    if e.skills_asked == 0 {
        // No skills asked: the skills component repeats the occupation; say nothing twice.
    } else if e.missing_essential_skills.is_empty() && skills >= 1.0 {
        out.push((skills, Reason::AllSkills));
    } else if skills > 0.0 {
        // skills ∈ (0, 1], so the rounded percentage fits a u8.
        out.push((skills, Reason::SkillsShare { percent: (100.0 * skills).round().clamp(0.0, 100.0) as u8 }));
    }
    let level = match e.level_gap {
        g if g < 0 => Reason::OverQualified { levels: g.unsigned_abs() },
        0 => Reason::LevelFits,
        _ => Reason::OneLevelAbove,
    };
    out.push((e.component(Component::Level), level));
    match e.component(Component::Sector) {
        x if x >= 1.0 => out.push((x, Reason::PreferredSector)),
        x if x >= 0.8 => out.push((x, Reason::SectorBefore)),
        _ => {}
    }
    if e.component(Component::Hours) < 1.0 {
        out.push((e.component(Component::Hours), Reason::FewerHours));
    }
    out.push((e.component(Component::Mobility), Reason::Trip { travel: e.travel }));
    // Strongest first; stable on equal values so the order is the component order.
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|(_, r)| r).collect()
}
