//! The seam between readers and a taxonomy.
//!
//! FORMAT.md lets records name ESCO occupations instead of ISCO codes "when a
//! taxonomy is loaded". Readers take an optional `&dyn OccupationResolver`
//! so that they do not depend on how the taxonomy is stored; the ESCO
//! `Taxonomy` implements it.

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
}
