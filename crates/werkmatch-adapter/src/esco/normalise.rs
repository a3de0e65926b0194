//! Free text → ranked ESCO occupations or skills.

use werkmatch_core::IscoCode;

use super::index::{LabelIndex, LabelKind};
use super::memo::Memo;
use super::skill_index::{SkillIndex, SkillPrior};
use super::taxonomy::{LabelMap, OccupationId, SkillId, Taxonomy};
use super::text::{fold, words};

/// One candidate occupation for a job title.
#[derive(Clone, Debug, PartialEq)]
pub struct OccupationMatch<'a> {
    /// The occupation's id in the taxonomy.
    pub occupation: OccupationId,
    /// Its concept URI.
    pub uri: &'a str,
    /// Its ISCO-08 unit group.
    pub isco: IscoCode,
    /// The label (any language) that matched best.
    pub label: &'a str,
    /// How well the title matches that label, 0 to 1 (1: same words).
    pub confidence: f64,
}

/// One candidate skill for a skill phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillMatch<'a> {
    /// The skill's interned id.
    pub skill: SkillId,
    /// Its concept URI.
    pub uri: &'a str,
    /// The label (any language) that matched best.
    pub label: &'a str,
    /// How well the phrase matches that label, 0 to 1.
    pub confidence: f64,
}

/// Which labels go into an index.
fn label_rows(maps: &[&LabelMap], languages: Option<&[&str]>) -> Vec<(u32, LabelKind, String)> {
    let mut rows = Vec::new();
    for (i, map) in maps.iter().enumerate() {
        let target = u32::try_from(i).unwrap_or(u32::MAX);
        for (lang, l) in map.iter() {
            if languages.is_some_and(|ls| !ls.contains(&lang.as_str())) {
                continue;
            }
            rows.push((target, LabelKind::Preferred, l.preferred.clone()));
            rows.extend(l.alt.iter().map(|a| (target, LabelKind::Alternative, a.clone())));
            rows.extend(l.hidden.iter().map(|h| (target, LabelKind::Hidden, h.clone())));
        }
    }
    rows
}

/// Normalises job titles to ESCO occupations using the preferred, alternative
/// and hidden labels of every loaded language (or of the chosen ones).
///
/// Matching ignores case, accents, punctuation and word order, forgives typos
/// and splits nothing by rule: compounds match through shared character
/// trigrams and shared word endings. Results are ordered by confidence, ties
/// by URI, so the output does not depend on load order or hashing.
pub struct OccupationNormaliser<'t> {
    taxonomy: &'t Taxonomy,
    index: LabelIndex,
    /// Answers given through [`crate::TitleNormaliser`] (feeds repeat their titles).
    pub(super) memo: Memo<Vec<crate::OccupationCandidate>>,
}

impl<'t> OccupationNormaliser<'t> {
    /// Below this confidence a title's best occupation is not used: the record gets
    /// no occupation (and is rejected if it needs one).
    ///
    /// Chosen on the JobBERT development titles (`examples/eval_titles.rs` prints the
    /// coverage and precision at this threshold and a curve around it).
    pub const MIN_CONFIDENCE: f64 = 0.65;

    /// An index over the labels of all loaded languages.
    pub fn new(taxonomy: &'t Taxonomy) -> Self {
        Self::build(taxonomy, None)
    }

    /// An index over the labels of the given languages only (e.g. `&["nl"]`).
    pub fn with_languages(taxonomy: &'t Taxonomy, languages: &[&str]) -> Self {
        Self::build(taxonomy, Some(languages))
    }

    fn build(taxonomy: &'t Taxonomy, languages: Option<&[&str]>) -> Self {
        let maps: Vec<&LabelMap> = taxonomy.occupations().iter().map(|o| &o.labels).collect();
        let keys = taxonomy.occupations().iter().map(|o| o.uri.clone()).collect();
        // The folded words of each skill's labels, once per skill (occupations share skills).
        let per_skill: Vec<Vec<String>> = taxonomy
            .skills()
            .iter()
            .map(|s| {
                let mut ws: Vec<String> = s
                    .labels
                    .values()
                    .flat_map(|l| std::iter::once(&l.preferred).chain(&l.alt))
                    .flat_map(|text| words(&fold(text)).map(str::to_owned).collect::<Vec<_>>())
                    .collect();
                ws.sort_unstable();
                ws.dedup();
                ws
            })
            .collect();
        let skill_words: Vec<Vec<&str>> = taxonomy
            .occupations()
            .iter()
            .map(|o| {
                o.essential
                    .iter()
                    .chain(&o.optional)
                    .filter_map(|id| per_skill.get(id.0 as usize))
                    .flatten()
                    .map(String::as_str)
                    .collect()
            })
            .collect();
        let major_groups = taxonomy.occupations().iter().map(|o| (o.isco.as_u16() / 1000) as u8).collect();
        OccupationNormaliser {
            taxonomy,
            index: LabelIndex::build(label_rows(&maps, languages), keys, major_groups, &skill_words),
            memo: Memo::new(),
        }
    }

    /// The `k` best occupations for a job title, best first.
    pub fn search(&self, title: &str, k: usize) -> Vec<OccupationMatch<'t>> {
        self.index
            .search(title, k)
            .into_iter()
            .filter_map(|h| {
                let occupation = OccupationId(h.target);
                let o = self.taxonomy.occupation_by_id(occupation)?;
                Some(OccupationMatch {
                    occupation,
                    uri: o.uri.as_str(),
                    isco: o.isco,
                    label: find_label(&o.labels, self.index.original(h.original)),
                    confidence: f64::from(h.score),
                })
            })
            .collect()
    }
}

/// Normalises skill phrases to ESCO skills (labels of all loaded languages).
///
/// See the module docs of `skill_index` for how: stemmed content words
/// (English and Dutch Snowball), forgiving typos, abbreviations and compounds,
/// an F-measure of query and label coverage blended with a character-trigram
/// cosine, and a prior from ESCO's own usage of the skill.
pub struct SkillNormaliser<'t> {
    taxonomy: &'t Taxonomy,
    index: SkillIndex,
    /// Answers given through [`crate::SkillPhraseNormaliser`] (feeds repeat their phrases).
    pub(super) memo: Memo<Vec<crate::SkillCandidate>>,
}

impl<'t> SkillNormaliser<'t> {
    /// Below this confidence a phrase's best skill is not used: the phrase is
    /// reported as unmapped, with its best candidates.
    ///
    /// Chosen on the development skill spans (`examples/eval_skills.rs` prints the
    /// coverage and precision at this threshold and a curve around it).
    pub const MIN_CONFIDENCE: f64 = 0.6;

    /// An index over the skill labels of all loaded languages.
    pub fn new(taxonomy: &'t Taxonomy) -> Self {
        let mut rows = Vec::new();
        for (i, s) in taxonomy.skills().iter().enumerate() {
            let target = u32::try_from(i).unwrap_or(u32::MAX);
            for (lang, l) in &s.labels {
                rows.push((target, LabelKind::Preferred, lang.clone(), l.preferred.clone()));
                rows.extend(l.alt.iter().map(|a| (target, LabelKind::Alternative, lang.clone(), a.clone())));
                rows.extend(l.hidden.iter().map(|h| (target, LabelKind::Hidden, lang.clone(), h.clone())));
            }
        }
        let keys = taxonomy.skills().iter().map(|s| s.uri.clone()).collect();
        let mut priors = vec![SkillPrior::default(); taxonomy.skills().len()];
        for o in taxonomy.occupations() {
            for id in o.essential.iter().chain(&o.optional) {
                if let Some(p) = priors.get_mut(id.0 as usize) {
                    p.occupations += 1;
                }
            }
        }
        for (p, s) in priors.iter_mut().zip(taxonomy.skills()) {
            p.reuse = match s.reuse_level.as_deref() {
                Some("transversal") => 3,
                Some("cross-sector") => 2,
                Some("sector-specific") => 1,
                _ => 0,
            };
        }
        SkillNormaliser { taxonomy, index: SkillIndex::build(rows, keys, &priors), memo: Memo::new() }
    }

    /// The taxonomy the index was built from.
    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// The `k` best skills for a phrase, best first.
    pub fn search(&self, phrase: &str, k: usize) -> Vec<SkillMatch<'t>> {
        self.index
            .search(phrase, k)
            .into_iter()
            .filter_map(|h| {
                let skill = SkillId(h.target);
                let s = self.taxonomy.skill(skill)?;
                let label = find_label(&s.labels, self.index.original(h.original));
                Some(SkillMatch { skill, uri: s.uri.as_str(), label, confidence: f64::from(h.score) })
            })
            .collect()
    }
}

/// The taxonomy's own copy of a label text, so that a match can borrow it for `'t`.
fn find_label<'t>(labels: &'t LabelMap, text: &str) -> &'t str {
    labels
        .values()
        .flat_map(|l| std::iter::once(&l.preferred).chain(&l.alt).chain(&l.hidden))
        .find(|x| x.as_str() == text)
        .map_or("", String::as_str)
}
