//! Input flags shared by the example tools: the formats and reference data a
//! reader may need. Included with `#[path]`, so each tool stays one file to run.

use std::path::PathBuf;

use clap::Args;
use werkmatch::adapter::csv_export::Mapping;
use werkmatch::adapter::esco::{OccupationNormalizer, Taxonomy};
use werkmatch::adapter::input::Inputs;
use werkmatch::adapter::postcode::PostcodeTable;
use werkmatch::adapter::OnError;

/// How to read the inputs.
#[derive(Args, Debug, Clone)]
pub struct InputFlags {
    /// Column mapping (TOML or JSON) for .csv inputs; default: the Dutch export.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Postcode table (GeoNames postal-code format) for inputs with postcodes.
    #[arg(long)]
    pub postcodes: Option<PathBuf>,
    /// ESCO export directory: resolves ESCO URIs and free-text job titles.
    #[arg(long)]
    pub esco: Option<PathBuf>,
}

impl InputFlags {
    /// Loads the reference data and returns the readers' settings.
    ///
    /// The data lives as long as the program (these are one-shot tools), so it is leaked
    /// deliberately rather than threaded through lifetimes.
    pub fn inputs(&self, on_error: OnError) -> Result<Inputs<'static>, String> {
        let mapping = match &self.mapping {
            Some(p) => Some(Mapping::from_file(p).map_err(|e| format!("mapping: {e}"))?),
            None => None,
        };
        let postcodes: Option<&'static PostcodeTable> = match &self.postcodes {
            Some(p) => {
                Some(Box::leak(Box::new(PostcodeTable::read_file(p).map_err(|e| format!("postcode table: {e}"))?)))
            }
            None => None,
        };
        let mut inputs = Inputs { on_error, mapping, postcodes, ..Inputs::new() };
        if let Some(dir) = &self.esco {
            let t: &'static Taxonomy =
                Box::leak(Box::new(Taxonomy::load(dir).map_err(|e| format!("ESCO export: {e}"))?));
            let n: &'static OccupationNormalizer<'static> = Box::leak(Box::new(OccupationNormalizer::new(t)));
            inputs.resolver = Some(t);
            inputs.normaliser = Some(n);
        }
        Ok(inputs)
    }
}

/// Keeps the accepted records of one input; lists every rejected record on
/// stderr (file:line, field, value, reason) and adds their number to `bad`.
pub fn accept<T>(
    path: &std::path::Path,
    loaded: werkmatch::adapter::Result<werkmatch::adapter::Loaded<T>>,
    bad: &mut usize,
) -> Result<Vec<T>, String> {
    let loaded = loaded.map_err(|e| format!("{e}\n(fix the record, or drop --strict to skip bad records)"))?;
    if !loaded.rejected.is_empty() {
        eprintln!("{}: {} (the rejected records are left out):", path.display(), loaded.summary());
        for r in &loaded.rejected {
            eprintln!("  rejected {r}");
        }
    }
    *bad += loaded.rejected.len();
    Ok(loaded.accepted)
}
