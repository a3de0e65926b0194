//! One entry point for every input format: pick the reader by file extension.
//!
//! Tools and services that accept "a file of seekers" should not care whether
//! it is FORMAT.md JSON Lines, the municipal CSV export or schema.org
//! JobPostings. [`Inputs`] holds what the readers may need (the
//! [`ReadOptions`] every reader takes, with the postcode table, taxonomy and
//! normalisers, and a column mapping) and reads by extension:
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

use werkmatch_core::{Employer, Jobseeker, Vacancy};

use crate::csv_export::{read_csv_file, CsvRecord, Mapping};
use crate::error::{Loaded, Result};
use crate::jobposting::read_jobpostings_file;
use crate::json_export::read_json_export_file;
use crate::jsonl::{read_records_file, Record};
use crate::read_options::ReadOptions;
use crate::resolve::ConceptLabels;

/// What the readers may need, set up once: the [`ReadOptions`] every reader
/// takes, the column mapping of the exports, and the concept names tools print.
///
/// ```
/// use werkmatch_adapter::input::Inputs;
/// use werkmatch_adapter::{OnError, ReadOptions};
/// let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
/// let inputs = Inputs::new(opts);
/// assert_eq!(inputs.options().on_error(), OnError::Collect);
/// assert!(inputs.mapping().is_none() && inputs.labels().is_none());
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct Inputs<'a> {
    options: ReadOptions<'a>,
    mapping: Option<Mapping>,
    labels: Option<&'a dyn ConceptLabels>,
}

impl<'a> Inputs<'a> {
    /// Reads with `options`: JSON Lines, and the exports through the Dutch default mapping.
    pub fn new(options: ReadOptions<'a>) -> Self {
        Inputs { options, mapping: None, labels: None }
    }

    /// Reads `.csv` and `.json` exports through `mapping` instead of the Dutch default.
    pub fn with_mapping(mut self, mapping: Mapping) -> Self {
        self.mapping = Some(mapping);
        self
    }

    /// Names ESCO skills and occupations through `labels`, for what tools print (JSON keeps the URIs).
    pub fn with_labels(mut self, labels: &'a dyn ConceptLabels) -> Self {
        self.labels = Some(labels);
        self
    }

    /// The options every reader gets.
    pub fn options(&self) -> &ReadOptions<'a> {
        &self.options
    }

    /// The column mapping of the exports, when not the Dutch default.
    pub fn mapping(&self) -> Option<&Mapping> {
        self.mapping.as_ref()
    }

    /// The names of ESCO concepts, if any.
    pub fn labels(&self) -> Option<&'a dyn ConceptLabels> {
        self.labels
    }

    fn read<T: Record + CsvRecord>(&self, path: &Path) -> Result<Loaded<T>> {
        let mapping = || self.mapping.clone().unwrap_or_else(Mapping::dutch_default);
        match extension(path).as_str() {
            "csv" => read_csv_file::<T>(path, &mapping(), &self.options),
            "json" => read_json_export_file::<T>(path, &mapping(), &self.options),
            _ => read_records_file::<T>(path, &self.options),
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
            read_jobpostings_file(path, &self.options)
        } else {
            self.read(path)
        }
    }

    /// Reads employers without a vacancy (`.csv` or `.json` export, or JSON Lines).
    pub fn employers(&self, path: impl AsRef<Path>) -> Result<Loaded<Employer>> {
        self.read(path.as_ref())
    }
}

impl std::fmt::Debug for Inputs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("options", &self.options)
            .field("mapping", &self.mapping.is_some())
            .field("labels", &self.labels.is_some())
            .finish()
    }
}

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postcode::PostcodeTable;
    use crate::OnError;

    fn fixture(p: &str) -> std::path::PathBuf {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures")).join(p)
    }

    #[test]
    fn reads_by_extension() {
        let inputs = Inputs::default();
        assert_eq!(inputs.seekers(fixture("cases/seekers.jsonl")).unwrap().accepted.len(), 6);
        let table = PostcodeTable::read_file(fixture("feeds/postcodes_groningen.txt")).unwrap();
        let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
        let inputs = Inputs::new(opts);
        let csv = inputs.seekers(fixture("feeds/seekers_nl.csv")).unwrap();
        assert_eq!((csv.accepted.len(), csv.rejected.len()), (5, 9));
        let json = inputs.seekers(fixture("feeds/seekers_nl.json")).unwrap();
        assert_eq!((json.accepted.len(), json.rejected.len()), (4, 8));
        let postings = inputs.vacancies(fixture("feeds/jobpostings.jsonld")).unwrap();
        assert!(!postings.accepted.is_empty());
        assert!(postings.rejected.iter().all(|e| e.position().line.is_some()));
    }
}
