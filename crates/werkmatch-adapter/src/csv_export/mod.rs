//! CSV exports of a municipal matching system, read through a column mapping.
//!
//! A vendor's matching system exports jobseekers, vacancies and employers as
//! CSV with its own column names and its own spellings of values. A
//! [`Mapping`] (TOML or JSON) says which column is which FORMAT.md field and
//! how values translate, so a municipality can feed its export without code.
//! [`Mapping::dutch_default`] is the mapping for a Dutch export
//! (`mappings/nl_default.toml`: `klantnummer`, `opleidingsniveau` = `MBO 2`,
//! `rijbewijs` = `ja`, `vervoer` = `fiets, OV`, `uren` = `24-32`, `postcode` =
//! `9711 AB` …).
//!
//! ```
//! use werkmatch_adapter::csv_export::{read_seekers, Mapping};
//! use werkmatch_adapter::ReadOptions;
//! use werkmatch_adapter::postcode::PostcodeTable;
//! use werkmatch_adapter::{ErrorKind, OnError};
//!
//! let table = PostcodeTable::read(
//!     "NL\t9711\tGroningen\tGroningen\t04\tGroningen\t0014\t\t\t53.2194\t6.5665\t\n".as_bytes(), None).unwrap();
//! let csv = "klantnummer;postcode;opleidingsniveau;vervoer;uren\n\
//!            K001;9711 AB;MBO 2;fiets, OV;24-32\n\
//!            K002;9999 ZZ;HBO;auto;32\n";
//! let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
//! let loaded = read_seekers(csv.as_bytes(), None, &Mapping::dutch_default(), &opts).unwrap();
//! assert_eq!(loaded.accepted.len(), 1);
//! let e = &loaded.rejected[0];
//! assert_eq!((e.position().line, e.field(), e.kind()), (Some(3), Some("postcode"), ErrorKind::Unresolved));
//! ```
//!
//! # Rules
//!
//! * The delimiter is `;`, `,` or a tab, configured or detected from the
//!   header line; cells may be quoted; UTF-8 with or without a byte-order mark.
//! * Header names match the mapping without regard to case or surrounding
//!   spaces. Unmapped columns are ignored (exports carry names and
//!   addresses, which werkmatch never reads). A mapped column that the header
//!   lacks leaves its field at the FORMAT.md default, except the required
//!   fields, whose absence fails the whole read.
//! * An empty cell means "not given". In a rejected record's error the field
//!   is the **column name** as in the file, so the municipality can find it.
//! * Locations come from `postcode` through a [`PostcodeTable`](crate::postcode::PostcodeTable)
//!   (required when the file has postcodes) or from `lat` and `lon` columns.
//! * Occupations are 4-digit ISCO-08 codes, ESCO references (with a
//!   taxonomy) or, with a title normaliser, free-text titles; a vacancy
//!   without one is normalised from its `title` when a normaliser is given.
//! * Sectors are NACE letters or SBI/NACE codes whose first two digits are
//!   the division: 01-03 A, 05-09 B, 10-33 C, 35 D, 36-39 E, 41-43 F, 45-47 G,
//!   49-53 H, 55-56 I, 58-63 J, 64-66 K, 68 L, 69-75 M, 77-82 N, 84 O, 85 P,
//!   86-88 Q, 90-93 R, 94-96 S, 97-98 T, 99 U; unused numbers (04, 34 …) are errors.
//!
//! # Cost
//!
//! Rows stream through one reused `csv::ByteRecord`; memory grows with the
//! accepted records only. See `benches/feeds.rs` for throughput.

mod build;
mod lines;
mod mapping;
mod read;
mod row;

pub use build::CsvRecord;
pub use mapping::{Kind, Mapping, DUTCH_DEFAULT_TOML, DUTCH_LEADS_TOML};
pub(crate) use read::read_csv_checked;
pub use read::{read_csv, read_csv_file, read_employers, read_seekers, read_vacancies};
pub(crate) use row::{Columns, Context, Row};
