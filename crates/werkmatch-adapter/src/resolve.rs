//! The seam between readers and a taxonomy.
//!
//! FORMAT.md lets records name ESCO occupations instead of ISCO codes "when a
//! taxonomy is loaded". Readers take an optional `&dyn OccupationResolver`
//! so that they do not depend on how the taxonomy is stored; the ESCO
//! `Taxonomy` implements it.
//!
//! Free text (job titles, skill phrases) goes through a [`TitleNormaliser`] or
//! a [`SkillPhraseNormaliser`], and always with a confidence: readers call
//! [`normalise_title`] and [`normalise_skills`], which use a candidate only when
//! it reaches the normaliser's [`TitleNormaliser::min_confidence`] or
//! [`SkillPhraseNormaliser::min_confidence`], and otherwise say so with the best
//! candidates ([`Unmapped`]). The phrase itself is never copied into a report:
//! it may be free text about a person; the field name says which one it was.

use werkmatch_core::IscoCode;

/// Resolves ESCO occupation references (a concept URI or an ESCO code such as `2654.1.7`).
pub trait OccupationResolver: Sync {
    /// The ISCO-08 unit group of the occupation, or `None` when unknown.
    fn isco_of(&self, occupation: &str) -> Option<IscoCode>;

    /// The essential and optional skill ids of the occupation, or `None` when unknown.
    fn skills_of(&self, occupation: &str) -> Option<(Vec<String>, Vec<String>)>;
}

/// One candidate occupation for a free-text title.
#[derive(Clone, Debug, PartialEq)]
pub struct OccupationCandidate {
    /// ESCO occupation concept URI.
    pub uri: String,
    /// Its ISCO-08 unit group.
    pub isco: IscoCode,
    /// Its preferred label (in the language that matched).
    pub label: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
}

/// Maps free-text job titles to occupations (implemented by the ESCO normaliser).
pub trait TitleNormaliser: Sync {
    /// The best `k` occupations for `title`, best first (ties by URI).
    fn occupations_for_title(&self, title: &str, k: usize) -> Vec<OccupationCandidate>;

    /// Below this confidence the best candidate is not used (see [`normalise_title`]).
    ///
    /// The default, 0, uses any candidate; the ESCO normaliser has a threshold
    /// chosen on development data.
    fn min_confidence(&self) -> f64 {
        0.0
    }
}

/// One candidate skill for a free-text skill phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillCandidate {
    /// Skill concept URI.
    pub uri: String,
    /// The label that matched.
    pub label: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
}

/// Maps free-text skill phrases to skills (implemented by the ESCO skill normaliser).
pub trait SkillPhraseNormaliser: Sync {
    /// The best `k` skills for `phrase`, best first (ties by URI).
    fn skills_for_phrase(&self, phrase: &str, k: usize) -> Vec<SkillCandidate>;

    /// Whether `id` is a skill id of the taxonomy (kept as it is).
    fn is_skill(&self, id: &str) -> bool;

    /// Below this confidence the best candidate is not used (see [`normalise_skills`]).
    fn min_confidence(&self) -> f64;
}

/// How many candidates an [`Unmapped`] report lists.
pub const REPORTED_CANDIDATES: usize = 3;

/// A candidate as an [`Unmapped`] report shows it: URI, label and confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Concept URI.
    pub uri: String,
    /// Its label.
    pub label: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
}

/// A free-text phrase that no candidate matched confidently enough.
///
/// Holds the field (e.g. `skills[2]`, `title`) and the best candidates, never
/// the phrase: it may be free text about a person. Readers add file and line.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmapped {
    /// The field the phrase came from.
    pub field: String,
    /// The best candidates, best first (at most [`REPORTED_CANDIDATES`]); empty when nothing matched at all.
    pub candidates: Vec<Candidate>,
    /// The threshold they missed.
    pub min_confidence: f64,
}

impl std::fmt::Display for Unmapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: no match with confidence ≥ {:.2}", self.field, self.min_confidence)?;
        if self.candidates.is_empty() {
            return f.write_str(" (no candidates)");
        }
        f.write_str("; best candidates: ")?;
        for (i, c) in self.candidates.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{:?} {:.2} <{}>", c.label, c.confidence, c.uri)?;
        }
        Ok(())
    }
}

/// The occupation for a free-text title when its best candidate is confident
/// enough; otherwise the report of the best candidates (field `field`).
///
/// # Errors
/// [`Unmapped`] when there is no candidate at or above [`TitleNormaliser::min_confidence`].
pub fn normalise_title(
    normaliser: &dyn TitleNormaliser,
    title: &str,
    field: &str,
) -> Result<OccupationCandidate, Unmapped> {
    let min = normaliser.min_confidence();
    let mut hits = normaliser.occupations_for_title(title, REPORTED_CANDIDATES);
    match hits.first() {
        Some(best) if best.confidence >= min => Ok(hits.swap_remove(0)),
        _ => Err(Unmapped {
            field: field.to_string(),
            candidates: hits
                .into_iter()
                .map(|c| Candidate { uri: c.uri, label: c.label, confidence: c.confidence })
                .collect(),
            min_confidence: min,
        }),
    }
}

/// Skill ids for a list of skill entries as a record gives them (field `field[i]`).
///
/// Each entry that is a skill id of the taxonomy, or looks like an IRI from elsewhere
/// (contains `://`), is kept as it is; any other text goes through `normaliser` and
/// becomes the best candidate's URI when that reaches
/// [`SkillPhraseNormaliser::min_confidence`]. The rest is reported in the second
/// list and left out, unless `keep_unmapped` (then it is kept as written, the old
/// behaviour, and still reported). The ids come back in input order without
/// duplicates. Without a normaliser every entry is kept as written.
pub fn normalise_skills(
    normaliser: Option<&dyn SkillPhraseNormaliser>,
    items: &[String],
    field: &str,
    keep_unmapped: bool,
) -> (Vec<String>, Vec<Unmapped>) {
    let mut ids: Vec<String> = Vec::with_capacity(items.len());
    let mut unmapped = Vec::new();
    let push = |ids: &mut Vec<String>, id: String| {
        if !ids.contains(&id) {
            ids.push(id);
        }
    };
    for (i, item) in items.iter().enumerate() {
        let text = item.trim();
        if text.is_empty() {
            continue;
        }
        let Some(n) = normaliser else {
            push(&mut ids, text.to_string());
            continue;
        };
        if n.is_skill(text) || text.contains("://") {
            push(&mut ids, text.to_string());
            continue;
        }
        let min = n.min_confidence();
        let mut hits = n.skills_for_phrase(text, REPORTED_CANDIDATES);
        match hits.first() {
            Some(best) if best.confidence >= min => push(&mut ids, hits.swap_remove(0).uri),
            _ => {
                if keep_unmapped {
                    push(&mut ids, text.to_string());
                }
                unmapped.push(Unmapped {
                    field: format!("{field}[{i}]"),
                    candidates: hits
                        .into_iter()
                        .map(|c| Candidate { uri: c.uri, label: c.label, confidence: c.confidence })
                        .collect(),
                    min_confidence: min,
                });
            }
        }
    }
    (ids, unmapped)
}

/// Display names of concepts: what tools print instead of URIs.
pub trait ConceptLabels: Sync {
    /// The label of a skill or occupation URI in `lang` when the taxonomy has it, else
    /// in English, else in any language; `None` for an unknown URI.
    fn label(&self, uri: &str, lang: &str) -> Option<&str>;

    /// What a tool prints for a concept: its [`label`](Self::label), or the id itself
    /// when the taxonomy does not know it (a synthetic id, a concept of another taxonomy).
    fn name<'a>(&'a self, id: &'a str, lang: &str) -> &'a str {
        self.label(id, lang).unwrap_or(id)
    }
}
