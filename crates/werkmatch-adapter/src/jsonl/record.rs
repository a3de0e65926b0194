//! The record types a JSON Lines reader can load.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use werkmatch_core::{Employer, GeoPoint, Jobseeker, Vacancy};

use super::rewrite;
use crate::error::{Error, Population};
use crate::resolve::OccupationResolver;

mod sealed {
    pub trait Sealed {}
    impl Sealed for werkmatch_core::Jobseeker {}
    impl Sealed for werkmatch_core::Vacancy {}
    impl Sealed for werkmatch_core::Employer {}
}

/// A record of FORMAT.md that [`read_records`](super::read_records) can load:
/// [`Jobseeker`], [`Vacancy`] or [`Employer`]. Sealed: the rules live in FORMAT.md.
pub trait Record: DeserializeOwned + std::fmt::Debug + sealed::Sealed {
    /// What one record is called in messages, e.g. `"seeker"`.
    const NAME: &'static str;
    /// Whose ids these are (named in duplicate-id errors).
    const POPULATION: Population;

    /// The record's id (unique within one input).
    fn record_id(&self) -> &str;

    /// The record's location, for the plausibility check (`None`: a remote vacancy without one).
    #[doc(hidden)]
    fn record_location(&self) -> Option<GeoPoint>;

    /// Rewrites ESCO references in the parsed line into what the model holds (ISCO codes, skills).
    #[doc(hidden)]
    fn resolve_references(obj: &mut Map<String, Value>, resolver: &dyn OccupationResolver) -> Result<(), Error>;
}

impl Record for Jobseeker {
    const NAME: &'static str = "seeker";
    const POPULATION: Population = Population::Seekers;

    fn record_id(&self) -> &str {
        self.id.as_str()
    }

    fn record_location(&self) -> Option<GeoPoint> {
        Some(self.location)
    }

    fn resolve_references(obj: &mut Map<String, Value>, resolver: &dyn OccupationResolver) -> Result<(), Error> {
        rewrite::seeker(obj, resolver)
    }
}

impl Record for Vacancy {
    const NAME: &'static str = "vacancy";
    const POPULATION: Population = Population::Vacancies;

    fn record_id(&self) -> &str {
        self.id.as_str()
    }

    fn record_location(&self) -> Option<GeoPoint> {
        self.workplace.location()
    }

    fn resolve_references(obj: &mut Map<String, Value>, resolver: &dyn OccupationResolver) -> Result<(), Error> {
        rewrite::vacancy(obj, resolver)
    }
}

impl Record for Employer {
    const NAME: &'static str = "employer";
    const POPULATION: Population = Population::Employers;

    fn record_id(&self) -> &str {
        self.id.as_str()
    }

    fn record_location(&self) -> Option<GeoPoint> {
        Some(self.location)
    }

    fn resolve_references(obj: &mut Map<String, Value>, resolver: &dyn OccupationResolver) -> Result<(), Error> {
        rewrite::employer(obj, resolver)
    }
}
