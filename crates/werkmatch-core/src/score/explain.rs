//! Explanations (SCORING.md section 7): why a pair scored what it scored, or
//! why it was excluded, as serialisable data.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::components::Component;
use super::employer::employer_as_vacancy;
use super::knockout::KnockOut;
use super::pair::{evaluate, missing_essential_skills, Evaluation};
use super::ScoringConfig;
use crate::model::{Employer, IscoCode, Jobseeker, Nace, Vacancy};
use crate::text::{Lang, Message};
use crate::travel::Travel;

/// One component's value and weight.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentScore {
    /// Which component.
    pub component: Component,
    /// Its value in [0, 1].
    pub value: f64,
    /// Its weight in the configuration.
    pub weight: f64,
}

/// The explanation of one pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The total score; `None` when the pair is excluded.
    pub score: Option<f64>,
    /// The six components with their weights, in a fixed order.
    pub components: Vec<ComponentScore>,
    /// The fastest usable travel mode and minutes (mode `None`: remote job).
    pub travel: Travel,
    /// The seeker's `max_minutes`.
    pub max_minutes: u16,
    /// `Ls`.
    pub seeker_level: u8,
    /// `Lv`.
    pub vacancy_level: u8,
    /// `g = Lv − Ls`.
    pub level_gap: i8,
    /// The ISCO code scored (for an employer: the occupation chosen for this seeker).
    pub isco: IscoCode,
    /// The vacancy's NACE section; `None`: the sector is unknown (v1.1), and
    /// the sector component is the configuration's `sector_unknown`.
    pub sector: Option<Nace>,
    /// How many distinct skills the vacancy asks (essential and optional);
    /// 0 means the skills component stands in for the occupation component.
    pub skills_asked: usize,
    /// Essential skills of the vacancy that the seeker lacks.
    pub missing_essential_skills: Vec<String>,
    /// Every knock-out that applies (empty when the pair is ranked).
    pub knockouts: Vec<KnockOut>,
    /// The reason code of a human override of this pair (AUDIT.md section 3), when one is in effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

impl Explanation {
    fn from_evaluation(ev: &Evaluation, cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> Self {
        let values = ev.components.as_array();
        let weights = cfg.weights().as_array();
        Explanation {
            score: ev.score(),
            components: Component::ALL
                .iter()
                .zip(values.iter().zip(weights))
                .map(|(&component, (&value, weight))| ComponentScore { component, value, weight })
                .collect(),
            travel: ev.travel,
            max_minutes: seeker.mobility.max_minutes(),
            seeker_level: ev.seeker_level.get(),
            vacancy_level: ev.vacancy_level.get(),
            level_gap: ev.level_gap(),
            isco: vacancy.isco,
            sector: vacancy.sector,
            skills_asked: vacancy
                .skills_essential
                .iter()
                .chain(&vacancy.skills_optional)
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            missing_essential_skills: missing_essential_skills(seeker, vacancy),
            knockouts: ev.knockouts.iter().collect(),
            override_reason: None,
        }
    }

    /// Whether the pair is excluded by a knock-out.
    pub fn is_excluded(&self) -> bool {
        !self.knockouts.is_empty()
    }

    /// `Σ w·x / Σ w` recomputed from the listed components: equals `score` for a ranked pair.
    pub fn recombined_total(&self) -> f64 {
        let num: f64 = self.components.iter().map(|c| c.weight * c.value).sum();
        let den: f64 = self.components.iter().map(|c| c.weight).sum();
        num / den
    }

    /// The value of one component.
    pub fn component(&self, which: Component) -> f64 {
        self.components.iter().find(|c| c.component == which).map_or(0.0, |c| c.value)
    }
}

/// The English text rendering, one fact per line (for logs and tests). People
/// read it in their language through [`Message`]: `e.text(Lang::Nl)`.
impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(Lang::En, f)
    }
}

/// Explains a seeker–vacancy pair.
pub fn explain(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> Explanation {
    Explanation::from_evaluation(&evaluate(cfg, seeker, vacancy), cfg, seeker, vacancy)
}

/// Explains a seeker–employer pair (the employer scored as a vacancy, SCORING.md section 5).
pub fn explain_employer(cfg: &ScoringConfig, seeker: &Jobseeker, employer: &Employer) -> Option<Explanation> {
    let v = employer_as_vacancy(cfg, seeker, employer)?;
    Some(Explanation::from_evaluation(&evaluate(cfg, seeker, &v), cfg, seeker, &v))
}
