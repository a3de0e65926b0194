//! The scan's [`OccupationCatalogue`] from a taxonomy: the ESCO export, or the
//! synthetic generator's own vocabulary (so that the scan of a generated
//! population needs no reference data).

use werkmatch_core::scan::{Occupation, OccupationCatalogue};
use werkmatch_core::IscoCode;

use crate::esco::Taxonomy;
use crate::synthetic::occupations::OCCUPATIONS;

/// The id prefix of the synthetic vocabulary's occupations: `synthetic:<ISCO code>`.
pub const SYNTHETIC_PREFIX: &str = "synthetic:";

/// Every ESCO occupation: id = its concept URI, its ISCO unit group, and its
/// essential and optional skills as skill URIs.
pub fn from_esco(taxonomy: &Taxonomy) -> OccupationCatalogue {
    let uris = |ids: &[crate::esco::SkillId]| -> Vec<String> {
        ids.iter().filter_map(|&id| taxonomy.skill(id)).map(|s| s.uri.clone()).collect()
    };
    let occupations = taxonomy
        .occupations()
        .iter()
        .map(|o| Occupation::new(o.uri.clone(), o.isco, uris(&o.essential), uris(&o.optional)))
        .collect();
    // URIs are unique in a loaded taxonomy.
    OccupationCatalogue::new(occupations).unwrap_or_default()
}

/// The synthetic generator's vocabulary: one occupation per ISCO unit group,
/// id `synthetic:<code>`, its own skill ids as the essential skills (the
/// generator draws every vacancy's essential skills from them) and no
/// optional skills (the generic skills are nobody's occupation).
pub fn synthetic() -> OccupationCatalogue {
    let occupations = OCCUPATIONS
        .iter()
        .filter_map(|o| {
            let isco = IscoCode::parse(o.isco).ok()?;
            Some(Occupation::new(
                format!("{SYNTHETIC_PREFIX}{}", o.isco),
                isco,
                o.skills.iter().map(|s| (*s).to_owned()).collect(),
                Vec::new(),
            ))
        })
        .collect();
    OccupationCatalogue::new(occupations).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_synthetic_catalogue_has_every_occupation_of_the_vocabulary() {
        let c = super::synthetic();
        assert_eq!(c.len(), super::OCCUPATIONS.len());
        assert!(c.occupations().iter().all(|o| o.id.starts_with("synthetic:") && !o.essential.is_empty()));
    }
}
