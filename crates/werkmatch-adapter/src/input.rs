//! One entry point for every input format: pick the reader by file extension.
//!
//! Tools and services that accept "a file of seekers" should not care whether
//! it is FORMAT.md JSON Lines, the municipal CSV export or schema.org
//! JobPostings. [`Inputs`] holds what the readers may need (a column mapping,
//! a postcode table, a taxonomy and title normaliser) and reads by extension:
//!
//! | extension | reader |
//! |---|---|
//! | `.csv` | [`crate::csv_export`] through the column mapping (default: the Dutch export) |
//! | `.json` | [`crate::json_export`]: the vendor's JSON export, through the same column mapping |
//! | `.jsonld` | [`crate::jobposting`] (vacancies only) |
//! | anything else (`.jsonl`, `.jsonl.gz` …) | [`crate::jsonl`] (FORMAT.md JSON Lines) |
//!
//! `.json` is the vendor's export (flat objects with the export's own key
//! names), not FORMAT.md: FORMAT.md records are JSON Lines and go in `.jsonl`.

use std::path::Path;

use werkmatch_core::{Employer, Jobseeker, Nace, Vacancy};

use crate::csv_export::{read_csv_file, CsvRecord, Mapping};
use crate::error::{Loaded, OnError, Result};
use crate::feed::FeedOptions;
use crate::jobposting::read_jobpostings_file;
use crate::json_export::read_json_export_file;
use crate::jsonl::{read_records_file, ReadOptions, Record};
use crate::postcode::PostcodeTable;
use crate::resolve::{ConceptLabels, OccupationResolver, SkillPhraseNormaliser, TitleNormaliser};

/// What the readers may need, set up once.
#[derive(Default)]
pub struct Inputs<'a> {
    /// Stop at the first bad record, or collect them all.
    pub on_error: OnError,
    /// Column mapping for `.csv` and `.json` exports; `None`: the Dutch default export.
    pub mapping: Option<Mapping>,
    /// Postcode table for inputs that carry postcodes.
    pub postcodes: Option<&'a PostcodeTable>,
    /// Resolves ESCO occupation references.
    pub resolver: Option<&'a dyn OccupationResolver>,
    /// Turns free-text titles into occupations.
    pub normaliser: Option<&'a dyn TitleNormaliser>,
    /// Names of ESCO skills and occupations, for what tools print (JSON keeps the URIs).
    pub labels: Option<&'a dyn ConceptLabels>,
    /// Turns free-text skill phrases into skill ids (see `FeedOptions::skill_normaliser`).
    pub skill_normaliser: Option<&'a dyn SkillPhraseNormaliser>,
    /// Keep skill phrases without a confident match as written (they are still reported).
    pub keep_unmapped_skills: bool,
    /// Sector of a JobPosting without `industry`.
    pub default_sector: Option<Nace>,
}

impl<'a> Inputs<'a> {
    /// Stop at the first error; JSON Lines and the Dutch CSV export, no postcodes, no taxonomy.
    pub fn new() -> Self {
        Self::default()
    }

    fn feed(&self) -> FeedOptions<'a> {
        let mut o = FeedOptions::new().on_error(self.on_error);
        o.postcodes = self.postcodes;
        o.resolver = self.resolver;
        o.normaliser = self.normaliser;
        o.skill_normaliser = self.skill_normaliser;
        o.keep_unmapped_skills = self.keep_unmapped_skills;
        o.default_sector = self.default_sector;
        o
    }

    fn jsonl(&self) -> ReadOptions<'a> {
        ReadOptions { on_error: self.on_error, resolver: self.resolver, area: crate::feed::ExpectedArea::default() }
    }

    fn read<T: Record + CsvRecord>(&self, path: &Path) -> Result<Loaded<T>> {
        let mapping = || self.mapping.clone().unwrap_or_else(Mapping::dutch_default);
        match extension(path).as_str() {
            "csv" => read_csv_file::<T>(path, &mapping(), &mut self.feed()),
            "json" => read_json_export_file::<T>(path, &mapping(), &mut self.feed()),
            _ => read_records_file::<T>(path, &self.jsonl()),
        }
    }

    /// Reads jobseekers (`.csv` or `.json` export, or JSON Lines).
    pub fn seekers(&self, path: impl AsRef<Path>) -> Result<Loaded<Jobseeker>> {
        self.read(path.as_ref())
    }

    /// Reads vacancies (`.csv` or `.json` export, `.jsonld` JobPostings, or JSON Lines).
    pub fn vacancies(&self, path: impl AsRef<Path>) -> Result<Loaded<Vacancy>> {
        let path = path.as_ref();
        if extension(path) == "jsonld" {
            read_jobpostings_file(path, &mut self.feed())
        } else {
            self.read(path)
        }
    }

    /// Reads employers without a vacancy (`.csv` or `.json` export, or JSON Lines).
    pub fn employers(&self, path: impl AsRef<Path>) -> Result<Loaded<Employer>> {
        self.read(path.as_ref())
    }
}

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(p: &str) -> std::path::PathBuf {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures")).join(p)
    }

    #[test]
    fn reads_by_extension() {
        let inputs = Inputs::new();
        assert_eq!(inputs.seekers(fixture("cases/seekers.jsonl")).unwrap().accepted.len(), 6);
        let table = PostcodeTable::read_file(fixture("feeds/postcodes_groningen.txt")).unwrap();
        let inputs = Inputs { on_error: OnError::Collect, postcodes: Some(&table), ..Inputs::new() };
        let csv = inputs.seekers(fixture("feeds/seekers_nl.csv")).unwrap();
        assert_eq!((csv.accepted.len(), csv.rejected.len()), (5, 9));
        let json = inputs.seekers(fixture("feeds/seekers_nl.json")).unwrap();
        assert_eq!((json.accepted.len(), json.rejected.len()), (4, 8));
        let postings = inputs.vacancies(fixture("feeds/jobpostings.jsonld")).unwrap();
        assert!(!postings.accepted.is_empty());
        assert!(postings.rejected.iter().all(|e| e.position().line.is_some()));
    }
}
