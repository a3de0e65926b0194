//! Random human overrides (AUDIT.md section 3) over a population's pairs, for
//! the oracle tests of the overridden rankings and of the scan.

use super::{Population, Rng};
use werkmatch_core::overrides::{Action, Date, Override, Target};

/// The day the overrides are read on: decisions ending the day before have
/// expired, those ending on it are still in effect.
pub const TODAY: &str = "2026-12-01";

/// `n` random decisions over existing pairs: vacancies and employers, both
/// actions, some expired (the day before [`TODAY`]), some ending on it, some
/// later or open-ended, and repeated pairs (superseded by the later `at`).
pub fn decisions(p: &Population, seed: u64, n: usize) -> Vec<Override> {
    let mut r = Rng::new(seed ^ 0x0be2);
    let mut out = Vec::new();
    if p.seekers.is_empty() || (p.vacancies.is_empty() && p.employers.is_empty()) {
        return out;
    }
    for i in 0..n {
        let seeker = r.pick(&p.seekers).id.clone();
        let target = if p.employers.is_empty() || (!p.vacancies.is_empty() && r.chance(0.7)) {
            Target::Vacancy(r.pick(&p.vacancies).id.clone())
        } else {
            Target::Employer(r.pick(&p.employers).id.clone())
        };
        let until = [Some("2026-11-30"), Some(TODAY), Some("2027-06-30"), None][r.below(4)];
        out.push(Override {
            id: format!("O{i}"),
            seeker,
            target,
            action: if r.chance(0.5) { Action::Exclude } else { Action::Include },
            reason_code: "test".into(),
            by: "staff-1".into(),
            at_millis: r.below(5) as i64,
            valid_until: until.map(|d| Date::parse(d).unwrap()),
        });
    }
    out
}
