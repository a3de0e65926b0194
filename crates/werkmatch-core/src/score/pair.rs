//! Scoring one seeker against one vacancy: knock-outs and components together.
//!
//! This is the plain, readable statement of SCORING.md that the reference
//! ranker uses and that the explanations are built from. The kernel computes
//! the same numbers from prepared columns with the functions in
//! [`super::components`].

use std::collections::BTreeSet;

use super::components::{self, Components};
use super::knockout::{KnockOut, KnockOuts};
use super::ScoringConfig;
use crate::model::{Cefr, IscoCode, Jobseeker, PhysicalLoad, SkillLevel, Vacancy};
use crate::travel::{within_limit, Travel, TravelModel};

/// Everything SCORING.md computes for one pair.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Evaluation {
    /// Component values. For an excluded pair, a component whose own rule
    /// knocked it out (level, hours, mobility) is 0.
    pub components: Components,
    /// Every knock-out that applies (empty: the pair may be ranked).
    pub knockouts: KnockOuts,
    /// Fastest usable travel (for a travel knock-out: the fastest, too slow one).
    pub travel: Travel,
    /// `Ls`.
    pub seeker_level: SkillLevel,
    /// `Lv`.
    pub vacancy_level: SkillLevel,
    /// The total, whether or not the pair is excluded.
    pub total: f64,
}

impl Evaluation {
    /// `g = Lv − Ls`.
    pub fn level_gap(&self) -> i8 {
        self.vacancy_level.get() as i8 - self.seeker_level.get() as i8
    }

    /// The score, or `None` when the pair is excluded.
    pub fn score(&self) -> Option<f64> {
        self.knockouts.is_empty().then_some(self.total)
    }
}

/// `Ls`: the highest of the education level and the level of every
/// experience entry of at least one year.
pub fn seeker_level(seeker: &Jobseeker) -> SkillLevel {
    seeker
        .experience
        .iter()
        .filter(|e| e.years() >= 1.0)
        .map(|e| e.isco().skill_level())
        .fold(seeker.education.skill_level(), SkillLevel::max)
}

/// The seeker's ISCO codes for the occupation component: every experience
/// entry (any years) and every desired occupation.
pub fn seeker_codes(seeker: &Jobseeker) -> impl Iterator<Item = IscoCode> + '_ {
    seeker.experience.iter().map(|e| e.isco()).chain(seeker.desired_occupations.iter().copied())
}

/// Travel from the seeker to the vacancy; `None` for the mode of a remote job.
pub fn travel(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> Travel {
    let Some(site) = vacancy.workplace.site() else {
        return Travel { mode: None, minutes: 0.0, transit_too_early: false };
    };
    let tm = &cfg.travel;
    let d = tm.distance_km(seeker.location, site);
    let usable = TravelModel::usable_modes(seeker.mobility.modes(), seeker.licence);
    tm.fastest(d, usable, vacancy.earliest_start.map(|t| t.minutes()))
}

/// Every knock-out of a pair (SCORING.md section 1), without computing the
/// components: cheap, allocation-free, for counting exclusion reasons.
pub fn knockouts(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> KnockOuts {
    let travel = travel(cfg, seeker, vacancy);
    let gap = i32::from(vacancy.skill_level().get()) - i32::from(seeker_level(seeker).get());
    hard_requirements(cfg, seeker, vacancy, &travel, gap)
}

/// Whether the job can be reached (see [`within_limit`]).
fn reachable(seeker: &Jobseeker, vacancy: &Vacancy, travel: &Travel) -> bool {
    vacancy.is_remote() || within_limit(travel.minutes, f64::from(seeker.mobility.max_minutes()))
}

fn hard_requirements(
    cfg: &ScoringConfig,
    seeker: &Jobseeker,
    vacancy: &Vacancy,
    travel: &Travel,
    gap: i32,
) -> KnockOuts {
    let mut ko = KnockOuts::NONE;
    ko.insert_if(!reachable(seeker, vacancy, travel), KnockOut::Travel);
    ko.insert_if(components::level(cfg, gap, vacancy.offers_training).is_none(), KnockOut::LevelGap);
    ko.insert_if(components::hours(seeker.hours, vacancy.hours).is_none(), KnockOut::Hours);
    ko.insert_if(vacancy.requires_licence && !seeker.licence, KnockOut::Licence);
    ko.insert_if(Cefr::rank_of(seeker.dutch_level) < Cefr::rank_of(vacancy.min_dutch_level), KnockOut::Language);
    let can_carry = seeker.max_physical_load.unwrap_or(PhysicalLoad::Heavy).rank();
    let load = vacancy.physical_load.unwrap_or(PhysicalLoad::Light).rank();
    ko.insert_if(load > can_carry, KnockOut::Physical);
    ko.insert_if(vacancy.certificates.iter().any(|c| !seeker.certificates.contains(c)), KnockOut::Certificates);
    ko.insert_if(vacancy.reserved_for_target_group && !seeker.target_register, KnockOut::TargetGroup);
    ko
}

/// Evaluates a pair: every knock-out and all six components.
pub fn evaluate(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> Evaluation {
    let travel = travel(cfg, seeker, vacancy);
    let ls = seeker_level(seeker);
    let lv = vacancy.skill_level();
    let gap = i32::from(lv.get()) - i32::from(ls.get());
    let knockouts = hard_requirements(cfg, seeker, vacancy, &travel, gap);

    // Level (2.1), hours (2.5) and mobility (2.6): 0 where their own rule knocked the pair out.
    let level = components::level(cfg, gap, vacancy.offers_training).unwrap_or(0.0);
    let hours = components::hours(seeker.hours, vacancy.hours).unwrap_or(0.0);
    let mobility = if knockouts.contains(KnockOut::Travel) {
        0.0
    } else {
        components::mobility(cfg, travel.minutes, f64::from(seeker.mobility.max_minutes()))
    };

    // Occupation (2.2) and skills (2.3).
    let occupation = components::occupation(cfg, vacancy.isco, seeker_codes(seeker));
    let s: BTreeSet<&str> = seeker.skills.iter().map(String::as_str).collect();
    let e: BTreeSet<&str> = vacancy.skills_essential.iter().map(String::as_str).collect();
    let o: BTreeSet<&str> = vacancy.skills_optional.iter().map(String::as_str).filter(|x| !e.contains(x)).collect();
    let e_hit = e.iter().filter(|x| s.contains(*x)).count();
    let o_hit = o.iter().filter(|x| s.contains(*x)).count();
    let skills = components::skills(cfg, e_hit, e.len(), o_hit, o.len(), occupation);

    // Sector (2.4); an unknown sector (v1.1) is in neither list.
    let sector = components::sector(
        cfg,
        vacancy.sector.is_some(),
        vacancy.sector.is_some_and(|n| seeker.sectors_preferred.contains(&n)),
        vacancy.sector.is_some_and(|n| seeker.sectors_experience.contains(&n)),
        seeker.sectors_preferred.is_empty() && seeker.sectors_experience.is_empty(),
    );

    let components = Components { skills, occupation, level, mobility, sector, hours };
    Evaluation { total: components.total(cfg), components, knockouts, travel, seeker_level: ls, vacancy_level: lv }
}

/// The score of a pair, or `None` when it is excluded.
pub fn score(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> Option<f64> {
    evaluate(cfg, seeker, vacancy).score()
}

/// The vacancy's essential skills the seeker lacks, deduplicated, in the vacancy's order.
pub fn missing_essential_skills(seeker: &Jobseeker, vacancy: &Vacancy) -> Vec<String> {
    let s: BTreeSet<&str> = seeker.skills.iter().map(String::as_str).collect();
    let mut seen = BTreeSet::new();
    vacancy.skills_essential.iter().filter(|x| !s.contains(x.as_str()) && seen.insert(x.as_str())).cloned().collect()
}
