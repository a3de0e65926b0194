//! The vendor's JSON export of jobseekers, vacancies and employers, read
//! through the same column mapping as its CSV export.

pub(crate) mod scan;
