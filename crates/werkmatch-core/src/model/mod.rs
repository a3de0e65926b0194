//! The domain model: jobseekers, vacancies, employers without a vacancy, and
//! their validated value types (FORMAT.md).
//!
//! Every type validates itself when built, through its constructor or through
//! serde, so downstream code can trust it. The serde derives follow FORMAT.md
//! field for field (unknown fields are rejected), which lets adapters decode
//! the interchange format without a second set of types.

mod employer;
mod map_only;
mod seeker;
mod vacancy;
mod values;

pub use crate::isco::{IscoCode, SkillLevel};
pub use employer::Employer;
pub use seeker::{Experience, Jobseeker};
pub use vacancy::{Vacancy, Workplace};
pub use values::{
    Cefr, Education, GeoPoint, HoursRange, Id, Mobility, ModeSet, Nace, PhysicalLoad, TimeOfDay, TravelMode,
};
