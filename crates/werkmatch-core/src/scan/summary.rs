//! The caseload summary (SCAN.md section 4), aggregated from the seekers' scans.

use std::collections::BTreeMap;

use super::result::{by_level, CaseloadSummary, ChangeSummary, Distribution, Mismatch, SeekerScan, SkillGap};
use crate::model::Vacancy;

/// Sums the seekers' scans into the caseload summary. Order-free: every list
/// is sorted by its SCAN.md key, so the seekers may come in any order.
pub fn summarise(scans: &[SeekerScan], vacancies: &[Vacancy], employers: usize) -> CaseloadSummary {
    let mut matches = Distribution::default();
    let mut competitive = Distribution::default();
    let mut changes: BTreeMap<String, ChangeSummary> = BTreeMap::new();
    let mut gaps: BTreeMap<&str, u64> = BTreeMap::new();
    let mut seekers_by_level = by_level();
    for s in scans {
        matches.add(s.education, s.level, s.matches);
        competitive.add(s.education, s.level, s.competitive);
        *seekers_by_level.entry(s.level).or_default() += 1;
        for u in &s.tried {
            let id = u.change.id();
            let c = changes.entry(id.clone()).or_insert_with(|| ChangeSummary {
                change: id,
                people_unlocked: 0,
                people_helped: 0,
                matches_gained: 0,
                people_tried: 0,
            });
            c.people_tried += 1;
            c.people_unlocked += u64::from(s.matches == 0 && u.matches_after > 0);
            c.people_helped += u64::from(u.gained > 0);
            c.matches_gained += u.gained;
        }
        for (x, n) in &s.near_gaps {
            *gaps.entry(x).or_default() += n;
        }
    }
    let mut changes: Vec<ChangeSummary> = changes.into_values().collect();
    changes.sort_by(|a, b| {
        b.people_unlocked
            .cmp(&a.people_unlocked)
            .then(b.people_helped.cmp(&a.people_helped))
            .then_with(|| a.change.as_bytes().cmp(b.change.as_bytes()))
    });
    let mut skill_gaps: Vec<SkillGap> =
        gaps.into_iter().map(|(x, n)| SkillGap { skill: x.to_owned(), near_matches: n }).collect();
    skill_gaps
        .sort_by(|a, b| b.near_matches.cmp(&a.near_matches).then_with(|| a.skill.as_bytes().cmp(b.skill.as_bytes())));
    let mut positions = by_level();
    for v in vacancies {
        *positions.entry(v.skill_level().get()).or_default() += u64::from(v.positions.get());
    }
    CaseloadSummary {
        seekers: scans.len() as u64,
        vacancies: vacancies.len() as u64,
        employers: employers as u64,
        matches,
        competitive,
        changes,
        skill_gaps,
        mismatch: Mismatch { seekers: seekers_by_level, positions },
    }
}
