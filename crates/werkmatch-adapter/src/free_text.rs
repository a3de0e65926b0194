//! Free-text skills in records → skill ids, with confidence, for every feed reader.
//!
//! Vendor exports, leads and `JobPosting`s give skills as text ("deeg kneden",
//! "operate a forklift") as often as ids. With a [`SkillPhraseNormaliser`](crate::SkillPhraseNormaliser) in
//! the [`ReadOptions`], every such entry goes through
//! [`normalise_skills`] when the record is accepted:
//! a known skill id stays, a phrase becomes the id of its best candidate when
//! that is confident enough, and anything else is left out (kept as written
//! only with [`ReadOptionsBuilder::keep_unmapped_skills`](crate::ReadOptionsBuilder::keep_unmapped_skills)) and reported as a warning
//! in [`Loaded::warnings`](crate::Loaded::warnings): kind
//! [`ErrorKind::Unresolved`], file, line, the field (`skills[2]`,
//! `skills_essential[0]`: the FORMAT.md field and the entry's index) and the
//! best candidates, never the phrase itself (it may be free text about a person).
//!
//! Without a skill normaliser records are kept as read.

use std::path::Path;

use werkmatch_core::{Employer, Jobseeker, Vacancy};

use crate::error::{Error, ErrorKind, Result};
use crate::feed::Collector;
use crate::read_options::{ReadOptions, RecordOptions};
use crate::resolve::{normalise_skills, Unmapped};

/// A record's lists of skill ids, by FORMAT.md field name.
///
/// Public in a private module (like a sealed trait): the export readers' record
/// trait requires it, and nobody outside the crate can name or implement it.
pub trait SkillLists {
    /// The lists, each with its field name.
    fn skill_lists(&mut self) -> Vec<(&'static str, &mut Vec<String>)>;
}

impl SkillLists for Vacancy {
    fn skill_lists(&mut self) -> Vec<(&'static str, &mut Vec<String>)> {
        vec![("skills_essential", &mut self.skills_essential), ("skills_optional", &mut self.skills_optional)]
    }
}

impl SkillLists for Jobseeker {
    fn skill_lists(&mut self) -> Vec<(&'static str, &mut Vec<String>)> {
        vec![("skills", &mut self.skills)]
    }
}

impl SkillLists for Employer {
    fn skill_lists(&mut self) -> Vec<(&'static str, &mut Vec<String>)> {
        Vec::new()
    }
}

/// The warning for a phrase without a confident skill, at `file:line`.
pub(crate) fn unmapped_warning(u: &Unmapped, file: Option<&Path>, line: u64) -> Error {
    let text = u.to_string();
    // `Unmapped`'s text starts with the field; the error carries the field on its own.
    let reason = text.strip_prefix(&format!("{}: ", u.field)).unwrap_or(&text).to_string();
    Error::new(ErrorKind::Unresolved, format!("skill phrase not mapped to ESCO: {reason}"))
        .with_field(u.field.clone())
        .at(file, line)
}

/// Normalises the skills of `record` in place; the warnings for what stayed unmapped.
pub(crate) fn normalise_record<T: SkillLists>(
    record: &mut T,
    opts: &RecordOptions<'_>,
    file: Option<&Path>,
    line: u64,
) -> Vec<Error> {
    let Some(normaliser) = opts.skill_normaliser else { return Vec::new() };
    let mut warnings = Vec::new();
    for (field, list) in record.skill_lists() {
        let (ids, unmapped) = normalise_skills(Some(normaliser), list, field, opts.keep_unmapped_skills);
        *list = ids;
        warnings.extend(unmapped.iter().map(|u| unmapped_warning(u, file, line)));
    }
    warnings
}

impl<T: SkillLists> Collector<T> {
    /// [`Collector::push`] after normalising the record's free-text skills
    /// (see the module docs); their warnings follow the record.
    pub(crate) fn push_normalised(
        &mut self,
        outcome: Result<T>,
        opts: &ReadOptions<'_>,
        id_of: impl Fn(&T) -> &str,
        file: Option<&Path>,
        line: u64,
    ) -> Result<()> {
        let mut warnings = Vec::new();
        let outcome = outcome.map(|mut r| {
            warnings = normalise_record(&mut r, &opts.record_options(), file, line);
            r
        });
        self.push(outcome, id_of, file, line)?;
        for w in warnings {
            self.warn(w);
        }
        Ok(())
    }
}
