//! The records behind a ranking, by id: what it takes to explain a ranked
//! pair from the ids a ranking gives (the indexes keep only what ranking
//! needs, not the records themselves).

use std::collections::HashMap;

use super::Direction;
use crate::model::{Employer, Jobseeker, Vacancy};
use crate::score::{explain, explain_employer, Explanation, ScoringConfig};

/// Seekers, vacancies and employers looked up by id.
///
/// ```
/// use werkmatch_core::rank::{Direction, Records};
/// use werkmatch_core::score::ScoringConfig;
/// use werkmatch_core::{GeoPoint, Id, IscoCode, Jobseeker, Nace, Vacancy};
/// let at = GeoPoint::new(53.2194, 6.5665).unwrap();
/// let seekers = [Jobseeker::new(Id::new("S1").unwrap(), at)];
/// let jobs = [Vacancy::new(Id::new("V1").unwrap(), IscoCode::parse("9112").unwrap(), Nace::parse("N").ok(), at)];
/// let records = Records::new(&seekers, &jobs, &[]);
/// let e = records.explain(&ScoringConfig::default(), Direction::VacancyToSeekers, "V1", "S1").unwrap();
/// assert!(!e.is_excluded());
/// assert!(records.explain(&ScoringConfig::default(), Direction::SeekerToVacancies, "V1", "S1").is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Records<'a> {
    seekers: HashMap<&'a str, &'a Jobseeker>,
    vacancies: HashMap<&'a str, &'a Vacancy>,
    employers: HashMap<&'a str, &'a Employer>,
}

impl<'a> Records<'a> {
    /// Indexes the records by id (with a repeated id, the last one wins;
    /// the rankers reject repeated ids).
    pub fn new(seekers: &'a [Jobseeker], vacancies: &'a [Vacancy], employers: &'a [Employer]) -> Self {
        Records {
            seekers: seekers.iter().map(|s| (s.id.as_str(), s)).collect(),
            vacancies: vacancies.iter().map(|v| (v.id.as_str(), v)).collect(),
            employers: employers.iter().map(|e| (e.id.as_str(), e)).collect(),
        }
    }

    /// The explanation of the pair `(subject, candidate)` of a ranking in
    /// `direction` (subject and candidate as [`Direction::subject`] and
    /// [`Direction::candidate`] say); `None` when an id is unknown.
    pub fn explain(
        &self,
        cfg: &ScoringConfig,
        direction: Direction,
        subject: &str,
        candidate: &str,
    ) -> Option<Explanation> {
        match direction {
            Direction::SeekerToVacancies => {
                Some(explain(cfg, self.seekers.get(subject)?, self.vacancies.get(candidate)?))
            }
            Direction::VacancyToSeekers => {
                Some(explain(cfg, self.seekers.get(candidate)?, self.vacancies.get(subject)?))
            }
            Direction::SeekerToEmployers => {
                explain_employer(cfg, self.seekers.get(subject)?, self.employers.get(candidate)?)
            }
        }
    }
}
