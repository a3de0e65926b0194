//! The ESCO classification and ISCO-08, from the European Commission's CSV export.
//!
//! * [`Taxonomy::load`] / [`Taxonomy::load_with`] read an export directory
//!   (v1.1 and v1.2 naming, gzipped files, several languages; see [`load`]).
//! * [`Taxonomy`] answers look-ups by URI, ESCO code and ISCO code, interns
//!   skills to [`SkillId`]s and implements [`crate::OccupationResolver`].
//! * [`OccupationNormaliser`] and [`SkillNormaliser`] map free text to ranked
//!   ESCO concepts with a confidence in [0, 1].
//!
//! This service uses the ESCO classification of the European Commission.

mod ad_words;
pub mod eval;
mod index;
pub mod load;
mod memo;
mod normalise;
mod resolve;
mod skill_index;
mod table;
mod taxonomy;
pub mod text;
mod trigram;

pub use load::{EscoLoad, LoadOptions};
pub use normalise::{OccupationMatch, OccupationNormaliser, SkillMatch, SkillNormaliser};
pub use taxonomy::{
    EscoVersion, FileNaming, IscoGroup, LabelMap, Labels, Occupation, OccupationId, Skill, SkillGroup, SkillId,
    Taxonomy,
};
