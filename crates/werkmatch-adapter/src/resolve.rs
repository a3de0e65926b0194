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
