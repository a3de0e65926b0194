//! [`ScanInput`]: the populations and the catalogue one scan reads.

use crate::model::{Employer, Jobseeker, Vacancy};

use super::catalogue::OccupationCatalogue;

/// What a scan reads: the seekers scanned (each one's competitors are the
/// others), the vacancies, the employers without a vacancy (hidden jobs) and
/// the occupation catalogue the alternatives come from. One value for the fast
/// [`Scanner`](super::Scanner) and the plain [`reference`](super::reference)
/// scan, so that a test hands both the same input.
///
/// ```
/// use werkmatch_core::scan::{OccupationCatalogue, ScanInput};
///
/// let cat = OccupationCatalogue::default();
/// let input = ScanInput::new(&[], &[], &cat);
/// assert!(input.seekers.is_empty() && input.employers.is_empty());
/// ```
#[derive(Clone, Copy)]
pub struct ScanInput<'a> {
    /// The seekers scanned.
    pub seekers: &'a [Jobseeker],
    /// The vacancies.
    pub vacancies: &'a [Vacancy],
    /// Employers without a vacancy, for hidden jobs (empty: none).
    pub employers: &'a [Employer],
    /// Occupations for the alternatives (SCAN.md section 4).
    pub catalogue: &'a OccupationCatalogue,
}

impl<'a> ScanInput<'a> {
    /// Seekers and vacancies, no employers.
    pub fn new(seekers: &'a [Jobseeker], vacancies: &'a [Vacancy], catalogue: &'a OccupationCatalogue) -> Self {
        ScanInput { seekers, vacancies, employers: &[], catalogue }
    }

    /// The same input with `employers` for hidden jobs.
    pub fn with_employers(self, employers: &'a [Employer]) -> Self {
        ScanInput { employers, ..self }
    }
}

impl std::fmt::Debug for ScanInput<'_> {
    // Counts only: the records hold people's data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScanInput")
            .field("seekers", &self.seekers.len())
            .field("vacancies", &self.vacancies.len())
            .field("employers", &self.employers.len())
            .field("occupations", &self.catalogue.len())
            .finish()
    }
}
