//! What a scan returns: plain, serialisable data (SCAN.md section 5).

use std::collections::BTreeMap;

use serde::Serialize;

use super::change::Change;
use crate::isco::IscoCode;
use crate::model::{Education, Id};
use crate::score::Explanation;

/// Counts by level 1–4; serialised as an object `"1".."4"` → count.
pub type ByLevel = BTreeMap<u8, u64>;

/// An empty [`ByLevel`] with all four keys.
pub(crate) fn by_level() -> ByLevel {
    (1..=4).map(|l| (l, 0)).collect()
}

/// One of the best vacancies or employers, with its explanation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Best {
    /// Vacancy or employer id.
    pub id: Id,
    /// Its score (for an included pair that fails a knock-out: the would-be score).
    pub score: f64,
    /// Listed because a person included it (AUDIT.md section 3); left out of the JSON when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub included: bool,
    /// Why (SCORING.md section 7).
    pub explanation: Explanation,
}

/// The best matches of a seeker (SCAN.md section 1, `best`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BestMatches {
    /// Top-k matched vacancies.
    pub vacancies: Vec<Best>,
    /// Top-k matched employers without a vacancy.
    pub employers: Vec<Best>,
}

/// The outcome of one change tried (SCAN.md section 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unlock {
    /// The change id.
    pub change: Change,
    /// `|M(s′) \ M(s)|`.
    pub gained: u64,
    /// `|M(s) \ M(s′)|`.
    pub lost: u64,
    /// `|C(s′) \ C(s)|`.
    pub competitive_gained: u64,
    /// `|H(s′) \ H(s)|`.
    pub hidden_gained: u64,
    /// `|M(s′)|`, for the caseload's `people_unlocked`.
    pub matches_after: u64,
}

impl Unlock {
    /// Whether SCAN.md lists it: `gained`, `competitive_gained` or `hidden_gained` above 0.
    pub fn is_listed(&self) -> bool {
        self.gained > 0 || self.competitive_gained > 0 || self.hidden_gained > 0
    }
}

/// `direct`, or through learning on the job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Route {
    /// Straight in.
    Direct,
    /// *Praktijkleren*: one level up, or a demand vacancy offers training.
    Praktijkleren,
}

/// One alternative occupation (SCAN.md section 3).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alternative {
    /// Catalogue id.
    pub occupation: String,
    /// Its ISCO unit group.
    pub isco: IscoCode,
    /// `W(s → t)`.
    pub coverage: f64,
    /// Vacancies and employers in reach.
    pub demand: u64,
    /// `demand ≥ 5`.
    pub kansrijk: bool,
    /// How to get there.
    pub route: Route,
    /// Essential skills still missing, most asked first (at most 10).
    pub missing: Vec<String>,
}

/// The scan of one seeker. Serialises with the keys of issue 13 at the top level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeekerScan {
    /// The seeker's id.
    pub seeker: Id,
    /// `Ls`.
    pub level: u8,
    /// The education recorded.
    pub education: Education,
    /// Matched vacancies.
    pub matches: u64,
    /// Σ positions over them.
    pub positions: u64,
    /// Matched employers without a vacancy.
    pub hidden: u64,
    /// Matched vacancies where the seeker is within the first `N_v`.
    pub competitive: u64,
    /// `matches` by vacancy level.
    pub by_level: ByLevel,
    /// `matches` by vacancy sector letter (`unknown` when absent).
    pub by_sector: BTreeMap<String, u64>,
    /// `matches / |V|`.
    pub demand_share: f64,
    /// The changes listed (SCAN.md order: `gained` descending, then id).
    pub unlocks: Vec<Unlock>,
    /// Alternative occupations, best first.
    pub alternatives: Vec<Alternative>,
    /// The best matches with explanations.
    pub best: BestMatches,
    /// Every change tried, listed or not, in [`changes_for`](super::changes_for) order.
    #[serde(skip)]
    pub tried: Vec<Unlock>,
    /// Near matches (`θ − 0.1 ≤ score < θ`, no knock-out) by missing essential skill.
    #[serde(skip)]
    pub near_gaps: BTreeMap<String, u64>,
}

/// Seekers by number of matches: 0, 1–4, 5–19, 20+.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Buckets {
    /// None.
    #[serde(rename = "0")]
    pub none: u64,
    /// 1–4.
    #[serde(rename = "1-4")]
    pub few: u64,
    /// 5–19.
    #[serde(rename = "5-19")]
    pub some: u64,
    /// 20 or more.
    #[serde(rename = "20+")]
    pub many: u64,
}

impl Buckets {
    pub(crate) fn add(&mut self, n: u64) {
        match n {
            0 => self.none += 1,
            1..=4 => self.few += 1,
            5..=19 => self.some += 1,
            _ => self.many += 1,
        }
    }
}

/// A distribution over all seekers and by education.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Distribution {
    /// All seekers.
    pub all: Buckets,
    /// By the seeker's recorded education (`none`, `primary`, … `unknown`).
    pub by_education: BTreeMap<&'static str, Buckets>,
    /// By the seeker level `Ls` (`"1".."4"`).
    pub by_level: BTreeMap<u8, Buckets>,
}

impl Distribution {
    pub(crate) fn add(&mut self, education: Education, level: u8, n: u64) {
        self.all.add(n);
        self.by_education.entry(education.name()).or_default().add(n);
        self.by_level.entry(level).or_default().add(n);
    }
}

/// One change over the caseload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeSummary {
    /// The change id.
    pub change: String,
    /// Seekers with no match who get at least one.
    pub people_unlocked: u64,
    /// Seekers with `gained > 0`.
    pub people_helped: u64,
    /// Σ `gained`.
    pub matches_gained: u64,
    /// Seekers it was tried for.
    pub people_tried: u64,
}

/// Near matches missing one essential skill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkillGap {
    /// Skill id.
    pub skill: String,
    /// Near-match pairs that miss it.
    pub near_matches: u64,
}

/// Supply against demand by level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// Seekers by `Ls`.
    pub seekers: ByLevel,
    /// Vacancy positions by `Lv`.
    pub positions: ByLevel,
}

/// The caseload scan (SCAN.md section 4).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseloadSummary {
    /// Seekers scanned.
    pub seekers: u64,
    /// Vacancies.
    pub vacancies: u64,
    /// Employers without a vacancy.
    pub employers: u64,
    /// Seekers by `matches`.
    pub matches: Distribution,
    /// Seekers by `competitive`.
    pub competitive: Distribution,
    /// Changes by `people_unlocked`, then `people_helped`, then id.
    pub changes: Vec<ChangeSummary>,
    /// Skills by near matches missing them, then id.
    pub skill_gaps: Vec<SkillGap>,
    /// Seekers against positions by level.
    pub mismatch: Mismatch,
}
