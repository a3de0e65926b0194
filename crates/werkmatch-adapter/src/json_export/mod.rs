//! The vendor's JSON export of jobseekers, vacancies and employers, read
//! through the same column mapping as its CSV export.
//!
//! The municipality's matching system exports "as CSV or JSON". The JSON
//! form is a top-level array of flat objects, or flat objects one after
//! another (JSON Lines). A [`Mapping`](crate::csv_export::Mapping) column
//! name is a JSON key (matched like a CSV header: any case, surrounding
//! spaces ignored), and each value goes through the same translation as a
//! CSV cell ([`crate::csv_export`]'s rules), so one mapping serves both forms.
//!
//! ```
//! use werkmatch_adapter::csv_export::Mapping;
//! use werkmatch_adapter::ReadOptions;
//! use werkmatch_adapter::json_export::read_json_export;
//! use werkmatch_adapter::postcode::PostcodeTable;
//! use werkmatch_adapter::{ErrorKind, OnError};
//! use werkmatch_core::Jobseeker;
//!
//! let table = PostcodeTable::read(
//!     "NL\t9711\tGroningen\tGroningen\t04\tGroningen\t0014\t\t\t53.2194\t6.5665\t\n".as_bytes(), None).unwrap();
//! let json = r#"[
//!   {"klantnummer": "K001", "postcode": "9711 AB", "opleidingsniveau": "MBO 2", "rijbewijs": true, "naam": {"x": 1}},
//!   {"klantnummer": "K002", "postcode": "9711 AB", "uren": {"min": 24}}
//! ]"#;
//! let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
//! let loaded = read_json_export::<Jobseeker>(json.as_bytes(), None, &Mapping::dutch_default(), &opts).unwrap();
//! assert!(loaded.accepted[0].licence);
//! let e = &loaded.rejected[0];
//! assert_eq!((e.position().line, e.field(), e.kind()), (Some(3), Some("uren"), ErrorKind::InvalidValue));
//! ```
//!
//! # Rules
//!
//! * Values are text, numbers (`45`, `53.21`), `true`/`false` or `null`;
//!   `null`, `""` and a missing key mean "not given" (an empty cell). An
//!   array or object as the value of a mapped key rejects the record with
//!   that key as the field. Keys the mapping does not name are ignored, as
//!   unmapped CSV columns are (exports carry names and addresses).
//! * A key given twice in one object (in any case) rejects the record.
//! * Each record has its own keys, so a required field missing from one
//!   object rejects that object, not the file. A location comes from the
//!   postcode key when the object has one, else from the `lat` and `lon`
//!   keys (when the mapping names them).
//! * An error's line is the line the object starts on; its field is the key.
//! * A syntax error rejects the object it is in, with its line and byte
//!   offset; reading goes on at the next object (a missing comma, a line
//!   break inside a string and a missing closing bracket are resynchronised,
//!   see `scan.rs`). Where no next object can be found, the error says where
//!   reading stopped and how many bytes were not read.
//!
//! # Cost
//!
//! The input streams through a scanner that cuts it into objects; one object
//! is in memory at a time, so memory grows with the accepted records only.

mod object;
mod read;
pub(crate) mod scan;

pub use read::{read_json_export, read_json_export_file};
