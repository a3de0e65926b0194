//! Enrichment: ESCO references in records → ISCO codes and skill URIs.

use werkmatch_core::{Experience, IscoCode};

use super::normalise::SkillNormaliser;
use super::taxonomy::Taxonomy;
use crate::error::{Error, ErrorKind, Result};
use crate::resolve::OccupationResolver;

impl OccupationResolver for Taxonomy {
    fn isco_of(&self, occupation: &str) -> Option<IscoCode> {
        self.occupation(occupation).map(|o| o.isco)
    }

    fn skills_of(&self, occupation: &str) -> Option<(Vec<String>, Vec<String>)> {
        let o = self.occupation(occupation)?;
        let uris =
            |ids: &[super::SkillId]| ids.iter().filter_map(|&id| self.skill(id)).map(|s| s.uri.clone()).collect();
        Some((uris(&o.essential), uris(&o.optional)))
    }
}

impl Taxonomy {
    /// Experience given as ESCO occupations (URI or code) and years → [`Experience`] in ISCO unit groups.
    ///
    /// # Errors
    /// [`ErrorKind::Unresolved`] for an unknown occupation, with the field `experience[i].esco`;
    /// [`ErrorKind::InvalidValue`] for negative or non-finite years.
    pub fn experience_from_esco(&self, items: &[(&str, f64)]) -> Result<Vec<Experience>> {
        items
            .iter()
            .enumerate()
            .map(|(i, &(occ, years))| {
                let isco = self.isco_of(occ).ok_or_else(|| {
                    Error::new(ErrorKind::Unresolved, "no ESCO occupation with this URI or code")
                        .with_field(format!("experience[{i}].esco"))
                        .with_value(occ)
                })?;
                Experience::new(isco, years).map_err(|e| Error::from_core(&e))
            })
            .collect()
    }

    /// Skills given as URIs or labels (any loaded language) → skill URIs, in input order.
    ///
    /// A known URI is kept; otherwise the text goes through the skill normaliser
    /// and the best match is taken when its confidence is at least `min_confidence`.
    ///
    /// # Errors
    /// [`ErrorKind::Unresolved`] naming the field `skills[i]` when nothing matches well enough.
    pub fn skills_from_labels(
        &self,
        normaliser: &SkillNormaliser<'_>,
        items: &[&str],
        min_confidence: f64,
    ) -> Result<Vec<String>> {
        items
            .iter()
            .enumerate()
            .map(|(i, &text)| {
                if let Some(s) = self.skill_by_uri(text) {
                    return Ok(s.uri.clone());
                }
                normaliser
                    .search(text, 1)
                    .into_iter()
                    .find(|m| m.confidence >= min_confidence)
                    .and_then(|m| self.skill(m.skill))
                    .map(|s| s.uri.clone())
                    .ok_or_else(|| {
                        Error::new(ErrorKind::Unresolved, "no ESCO skill with this URI or a label close enough")
                            .with_field(format!("skills[{i}]"))
                            .with_value(text)
                    })
            })
            .collect()
    }
}

impl crate::TitleNormaliser for super::OccupationNormaliser<'_> {
    fn occupations_for_title(&self, title: &str, k: usize) -> Vec<crate::OccupationCandidate> {
        self.memo.get_or(title, k, || self.candidates(title, k))
    }

    fn min_confidence(&self) -> f64 {
        super::OccupationNormaliser::MIN_CONFIDENCE
    }
}

impl super::OccupationNormaliser<'_> {
    fn candidates(&self, title: &str, k: usize) -> Vec<crate::OccupationCandidate> {
        self.search(title, k)
            .into_iter()
            .map(|m| crate::OccupationCandidate {
                uri: m.uri.to_string(),
                isco: m.isco,
                label: m.label.to_string(),
                confidence: m.confidence,
            })
            .collect()
    }
}

impl crate::SkillPhraseNormaliser for SkillNormaliser<'_> {
    fn skills_for_phrase(&self, phrase: &str, k: usize) -> Vec<crate::SkillCandidate> {
        self.memo.get_or(phrase, k, || {
            self.search(phrase, k)
                .into_iter()
                .map(|m| crate::SkillCandidate {
                    uri: m.uri.to_string(),
                    label: m.label.to_string(),
                    confidence: m.confidence,
                })
                .collect()
        })
    }

    fn is_skill(&self, id: &str) -> bool {
        self.taxonomy().skill_id(id).is_some()
    }

    fn min_confidence(&self) -> f64 {
        SkillNormaliser::MIN_CONFIDENCE
    }
}

impl crate::ConceptLabels for Taxonomy {
    fn label(&self, uri: &str, lang: &str) -> Option<&str> {
        self.label_of(uri, lang)
    }
}

impl Taxonomy {
    /// The preferred label of a skill or occupation (URI, or ESCO code for occupations) in
    /// `lang` when ESCO has one, else in English, else in any loaded language.
    ///
    /// `None` for an unknown concept or one without labels (a skill known only from relations).
    pub fn label_of(&self, uri: &str, lang: &str) -> Option<&str> {
        let labels = match self.skill_by_uri(uri) {
            Some(s) => &s.labels,
            None => &self.occupation(uri)?.labels,
        };
        labels
            .get(lang)
            .or_else(|| labels.get("en"))
            .or_else(|| labels.values().next())
            .map(|l| l.preferred.as_str())
            .filter(|l| !l.is_empty())
    }
}
