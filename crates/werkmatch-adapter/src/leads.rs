//! Jobhunters' leads: employers that have no vacancy open, kept in a CSV list.
//!
//! A jobhunter's list has one employer per row: KvK number, name, postcode,
//! SBI code and the occupations the employer has people in. It is read as a
//! CSV export of employers ([`crate::csv_export`]) through
//! [`Mapping::dutch_leads`] (`mappings/nl_leads.toml`: columns `kvk`, `naam`,
//! `postcode`, `sbi`, `beroepen`, `leerbedrijf`, `banenafspraak`) or any
//! mapping with an `[employers]` section, with one more rule: the id is a
//! KvK number of exactly 8 digits.
//!
//! * The KvK number is the employer's id (unique in the file).
//! * The SBI code gives the NACE section through its division (the table in
//!   [`crate::csv_export`]'s rules); a NACE letter is accepted too.
//! * Each occupation is a 4-digit ISCO-08 code, an ESCO occupation URI or
//!   code (through the [`OccupationResolver`](crate::OccupationResolver) in the
//!   options), or a free-text title (through the
//!   [`TitleNormaliser`](crate::TitleNormaliser): its best candidate). Two
//!   entries that land on one ISCO group count once.
//! * The postcode gives the location through the postcode table.

use std::io::BufRead;
use std::path::Path;

use werkmatch_core::Employer;

use crate::csv_export::{read_csv_checked, Kind, Mapping};
use crate::error::{Error, ErrorKind, Loaded, Result};
use crate::read_options::ReadOptions;

/// Reads a jobhunter's employer list through `mapping` (usually [`Mapping::dutch_leads`]).
///
/// ```
/// use werkmatch_adapter::ReadOptions;
/// use werkmatch_adapter::leads::read_leads;
/// use werkmatch_adapter::csv_export::Mapping;
/// use werkmatch_adapter::postcode::PostcodeTable;
/// use werkmatch_adapter::OnError;
///
/// let table = PostcodeTable::read(
///     "NL\t9711\tGroningen\tGroningen\t04\tGroningen\t0014\t\t\t53.2194\t6.5665\t\n".as_bytes(), None).unwrap();
/// let csv = "kvk,naam,postcode,sbi,beroepen\n12345678,Bakkerij,9711 AB,1071,\"7512, 9412\"\n1234,Garage,9711,4520,7231\n";
/// let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
/// let loaded = read_leads(csv.as_bytes(), None, &Mapping::dutch_leads(), &opts).unwrap();
/// assert_eq!(loaded.accepted[0].sector.letter(), 'C');
/// assert_eq!(loaded.rejected[0].field(), Some("kvk"));
/// ```
pub fn read_leads(
    input: impl BufRead,
    file: Option<&Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<Employer>> {
    let id_column = mapping
        .columns(Kind::Employers)
        .iter()
        .find(|(f, _)| *f == "id")
        .map_or_else(|| "id".to_string(), |(_, c)| c.clone());
    let check = move |e: &Employer| check_kvk(e.id.as_str()).map_err(|err| err.with_field(id_column.clone()));
    read_csv_checked(input, file, mapping, opts, &check)
}

/// Reads a jobhunter's employer list from the file at `path`.
pub fn read_leads_file(path: impl AsRef<Path>, mapping: &Mapping, opts: &ReadOptions<'_>) -> Result<Loaded<Employer>> {
    let path = path.as_ref();
    read_leads(crate::files::open(path)?, Some(path), mapping, opts)
}

/// A KvK (Chamber of Commerce) number: exactly 8 digits.
pub fn check_kvk(s: &str) -> Result<()> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::InvalidValue, "a KvK number of exactly 8 digits").with_value(s))
    }
}
