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

/// Display names of the synthetic vocabulary: an occupation's (Dutch) job
/// title for `synthetic:<code>`, and a skill's id read as words
/// (`skill:kassa_bedienen` → "kassa bedienen"), in every language, as the
/// vocabulary has nothing else. The ids stay what the data and the JSON hold.
#[derive(Clone, Copy, Debug, Default)]
pub struct SyntheticLabels;

impl crate::ConceptLabels for SyntheticLabels {
    fn label(&self, uri: &str, _lang: &str) -> Option<&str> {
        if let Some(code) = uri.strip_prefix(SYNTHETIC_PREFIX) {
            return OCCUPATIONS.iter().find(|o| o.isco == code).map(|o| o.title).filter(|t| !t.is_empty());
        }
        skill_words(uri)
    }
}

/// `skill:kassa_bedienen` → "kassa bedienen" for the vocabulary's skills (computed once).
fn skill_words(id: &str) -> Option<&'static str> {
    use std::collections::BTreeMap;
    use std::sync::OnceLock;
    static WORDS: OnceLock<BTreeMap<&'static str, String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        OCCUPATIONS
            .iter()
            .flat_map(|o| o.skills.iter())
            .filter_map(|s| Some((*s, s.strip_prefix("skill:")?.replace('_', " "))))
            .collect()
    });
    words.get(id).map(String::as_str)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_synthetic_occupation_has_its_title_as_label() {
        use crate::ConceptLabels;
        assert_eq!(super::SyntheticLabels.label("synthetic:1324", "nl"), Some("Logistiek manager"));
        assert_eq!(super::SyntheticLabels.label("synthetic:0000", "en"), None);
        assert_eq!(super::SyntheticLabels.label("skill:kassa_bedienen", "nl"), Some("kassa bedienen"));
        assert_eq!(super::SyntheticLabels.label("skill:nobody_has_this", "nl"), None);
    }

    #[test]
    fn the_synthetic_catalogue_has_every_occupation_of_the_vocabulary() {
        let c = super::synthetic();
        assert_eq!(c.len(), super::OCCUPATIONS.len());
        assert!(c.occupations().iter().all(|o| o.id.starts_with("synthetic:") && !o.essential.is_empty()));
    }
}
