//! Employers without a vacancy (SCORING.md section 5): scored as a vacancy
//! built from the employer, for the jobhunters' hidden jobs.

use super::components;
use super::pair::{evaluate, seeker_codes, Evaluation};
use super::ScoringConfig;
use crate::model::{Employer, HoursRange, IscoCode, Jobseeker, Vacancy};

/// The employer's occupation that fits the seeker best: highest proximity to
/// the seeker's codes; ties by lower skill level, then lower code.
pub fn best_occupation(cfg: &ScoringConfig, seeker: &Jobseeker, employer: &Employer) -> Option<IscoCode> {
    employer
        .occupations
        .iter()
        .map(|&code| (components::occupation(cfg, code, seeker_codes(seeker)), code))
        .min_by(|(pa, a), (pb, b)| pb.total_cmp(pa).then(a.skill_level().cmp(&b.skill_level())).then(a.cmp(b)))
        .map(|(_, code)| code)
}

/// The vacancy an employer stands for when scored against `seeker`: `isco`
/// from [`best_occupation`]; sector, location and training from the employer;
/// no skills (so skills = occupation); hours 0–60, which scores 1.0 and can
/// never knock out; no start time, licence, language, physical, certificate
/// or target-group requirement.
pub fn employer_as_vacancy(cfg: &ScoringConfig, seeker: &Jobseeker, employer: &Employer) -> Option<Vacancy> {
    let isco = best_occupation(cfg, seeker, employer)?;
    let mut v = Vacancy::new(employer.id.clone(), isco, Some(employer.sector), employer.location);
    v.employer = Some(employer.id.clone());
    v.title = employer.name.clone();
    v.offers_training = employer.offers_training;
    v.hours = HoursRange::new(0, 60).unwrap_or_default();
    Some(v)
}

/// Evaluates a seeker against an employer without a vacancy.
///
/// `None` only for an employer with no occupations, which the model's
/// constructor and deserialiser never produce.
pub fn evaluate_employer(cfg: &ScoringConfig, seeker: &Jobseeker, employer: &Employer) -> Option<Evaluation> {
    employer_as_vacancy(cfg, seeker, employer).map(|v| evaluate(cfg, seeker, &v))
}
