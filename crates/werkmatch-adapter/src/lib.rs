//! # werkmatch-adapter
//!
//! Feeds the werkmatch core from the outside world. One module per source; each
//! turns outside data into the core model and reports bad input with its
//! position (file, line, field, value, reason). Nothing is dropped silently:
//! every reader either stops at the first bad record or returns it in a list
//! of rejected records ([`OnError`]).

pub mod csv_export;
pub mod error;
mod error_text;
pub mod esco;
pub mod feed;
mod files;
mod free_text;
pub mod input;
pub mod jobposting;
pub mod json_export;
pub mod jsonl;
pub mod leads;
pub mod occupation_catalogue;
pub mod overrides;
pub mod postcode;
mod posting_text;
mod privacy;
mod read_options;
pub mod resolve;
pub mod scoring_config;
pub mod synthetic;
mod values;

pub use error::{Derived, DuplicateId, Error, ErrorKind, Loaded, OnError, Population, Position, Rejected, Result};
pub use read_options::{ReadOptions, ReadOptionsBuilder};
pub use resolve::{
    normalise_skills, normalise_title, Candidate, ConceptLabels, OccupationCandidate, OccupationResolver,
    SkillCandidate, SkillPhraseNormaliser, TitleNormaliser, Unmapped,
};
