//! Human overrides (AUDIT.md section 3, EU AI Act Art. 14): staff decisions
//! that exclude a (seeker, vacancy or employer) pair from every list, or
//! include it in the seeker's and the vacancy's lists whatever its score.
//!
//! An [`Overrides`] set is resolved once from the decisions and a date: for
//! each pair the latest decision (by `at`, then `id`) replaces the earlier
//! ones, and it has no effect once its `valid_until` date has passed (reading:
//! an expired latest decision does not revive an earlier one; the pair is then
//! as if never overridden). Scoring never looks at overrides; the rankers in
//! [`crate::rank::overridden`] apply them on top of the exact rankings.
//!
//! ```
//! use werkmatch_core::overrides::{Action, Date, Override, Overrides, Target};
//! use werkmatch_core::Id;
//!
//! let o = Override {
//!     id: "O1".into(),
//!     seeker: Id::new("S1")?,
//!     target: Target::Vacancy(Id::new("V9")?),
//!     action: Action::Exclude,
//!     reason_code: "already_applied".into(),
//!     by: "staff-17".into(),
//!     at_millis: 0,
//!     valid_until: Some(Date::parse("2027-01-31")?),
//! };
//! let set = Overrides::new(vec![o.clone()], Date::parse("2026-12-01")?);
//! assert!(set.is_excluded(&o.seeker, &o.target));
//! assert!(Overrides::new(vec![o.clone()], Date::parse("2027-02-01")?).is_empty()); // expired
//! # Ok::<(), werkmatch_core::Error>(())
//! ```

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::model::{Employer, Id, Jobseeker, Vacancy};
use crate::score::{self, Explanation, KnockOut, ScoringConfig};

/// A calendar date (UTC), as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The date of `year-month-day` (proleptic Gregorian), if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Self> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) || day == 0 || day > days_in[month as usize - 1] {
            return Err(Error::config("date", "no such calendar date"));
        }
        // Days from civil (H. Hinnant's algorithm).
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Ok(Date(era * 146_097 + doe - 719_468))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self> {
        let bad = || Error::config("date", "must be a date as YYYY-MM-DD");
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<u32>().ok()).ok_or_else(bad);
        let year = i32::try_from(num(0..4)?).map_err(|_| bad())?;
        Date::from_ymd(year, num(5..7)?, num(8..10)?)
    }

    /// The date of a Unix time in milliseconds.
    pub fn from_unix_millis(ms: i64) -> Self {
        Date(i32::try_from(ms.div_euclid(86_400_000)).unwrap_or(if ms < 0 { i32::MIN } else { i32::MAX }))
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i32 {
        self.0
    }
}

/// What a staff member decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// Never rank, scan or plan the pair.
    Exclude,
    /// Always list the pair, marked as included by a person.
    Include,
}

/// The other side of an overridden pair.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A vacancy.
    Vacancy(Id),
    /// An employer without a vacancy (a hidden job).
    Employer(Id),
}

/// One decision, as the override file states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// The decision's id (`O1`).
    pub id: String,
    /// The seeker.
    pub seeker: Id,
    /// The vacancy or employer.
    pub target: Target,
    /// Exclude or include.
    pub action: Action,
    /// Why, as a code (`already_applied`): never free text about a person.
    pub reason_code: String,
    /// Who (a pseudonymous staff id).
    pub by: String,
    /// When, Unix time in milliseconds (UTC).
    pub at_millis: i64,
    /// The last day it has effect (inclusive); `None`: no end.
    pub valid_until: Option<Date>,
}

/// The overrides in effect on a date, indexed by pair and by subject.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    by_pair: HashMap<(Id, Target), Override>,
    excluded_vacancies: HashMap<Id, Vec<Id>>,
    included_vacancies: HashMap<Id, Vec<Id>>,
    excluded_seekers: HashMap<Id, Vec<Id>>,
    included_seekers: HashMap<Id, Vec<Id>>,
    excluded_employers: HashMap<Id, Vec<Id>>,
    included_employers: HashMap<Id, Vec<Id>>,
}

impl Overrides {
    /// No overrides.
    pub fn none() -> Self {
        Self::default()
    }

    /// Resolves `decisions` as of `today`: per pair the latest (by `at`, then
    /// `id`) wins; it has effect only while `today ≤ valid_until`.
    pub fn new(decisions: Vec<Override>, today: Date) -> Self {
        let mut latest: HashMap<(Id, Target), Override> = HashMap::new();
        for d in decisions {
            let key = (d.seeker.clone(), d.target.clone());
            match latest.get(&key) {
                Some(prev) if (prev.at_millis, prev.id.as_str()) >= (d.at_millis, d.id.as_str()) => {}
                _ => {
                    latest.insert(key, d);
                }
            }
        }
        latest.retain(|_, d| d.valid_until.is_none_or(|until| today <= until));
        let mut set = Overrides::default();
        for ((seeker, target), d) in &latest {
            let (by_subject, by_target) = match (target, d.action) {
                (Target::Vacancy(v), Action::Exclude) => {
                    set.excluded_seekers.entry(v.clone()).or_default().push(seeker.clone());
                    (&mut set.excluded_vacancies, v)
                }
                (Target::Vacancy(v), Action::Include) => {
                    set.included_seekers.entry(v.clone()).or_default().push(seeker.clone());
                    (&mut set.included_vacancies, v)
                }
                (Target::Employer(e), Action::Exclude) => (&mut set.excluded_employers, e),
                (Target::Employer(e), Action::Include) => (&mut set.included_employers, e),
            };
            by_subject.entry(seeker.clone()).or_default().push(by_target.clone());
        }
        // Sorted lists: the order of the decisions in the file never shows.
        for m in [
            &mut set.excluded_vacancies,
            &mut set.included_vacancies,
            &mut set.excluded_seekers,
            &mut set.included_seekers,
            &mut set.excluded_employers,
            &mut set.included_employers,
        ] {
            m.values_mut().for_each(|v| v.sort());
        }
        set.by_pair = latest;
        set
    }

    /// How many pairs have an override in effect.
    pub fn len(&self) -> usize {
        self.by_pair.len()
    }

    /// Whether no override is in effect.
    pub fn is_empty(&self) -> bool {
        self.by_pair.is_empty()
    }

    /// The decision in effect for a pair.
    pub fn get(&self, seeker: &Id, target: &Target) -> Option<&Override> {
        self.by_pair.get(&(seeker.clone(), target.clone()))
    }

    /// Whether the pair is excluded.
    pub fn is_excluded(&self, seeker: &Id, target: &Target) -> bool {
        self.get(seeker, target).is_some_and(|d| d.action == Action::Exclude)
    }

    /// Whether the pair is included.
    pub fn is_included(&self, seeker: &Id, target: &Target) -> bool {
        self.get(seeker, target).is_some_and(|d| d.action == Action::Include)
    }

    fn list<'a>(map: &'a HashMap<Id, Vec<Id>>, id: &Id) -> &'a [Id] {
        map.get(id).map_or(&[], Vec::as_slice)
    }

    /// Vacancies excluded for a seeker, in id order.
    pub fn excluded_vacancies_of(&self, seeker: &Id) -> &[Id] {
        Self::list(&self.excluded_vacancies, seeker)
    }

    /// Vacancies included for a seeker, in id order.
    pub fn included_vacancies_of(&self, seeker: &Id) -> &[Id] {
        Self::list(&self.included_vacancies, seeker)
    }

    /// Seekers excluded for a vacancy, in id order.
    pub fn excluded_seekers_of(&self, vacancy: &Id) -> &[Id] {
        Self::list(&self.excluded_seekers, vacancy)
    }

    /// Seekers included for a vacancy, in id order.
    pub fn included_seekers_of(&self, vacancy: &Id) -> &[Id] {
        Self::list(&self.included_seekers, vacancy)
    }

    /// Employers excluded for a seeker, in id order.
    pub fn excluded_employers_of(&self, seeker: &Id) -> &[Id] {
        Self::list(&self.excluded_employers, seeker)
    }

    /// Employers included for a seeker, in id order.
    pub fn included_employers_of(&self, seeker: &Id) -> &[Id] {
        Self::list(&self.included_employers, seeker)
    }
}

fn with_override(mut e: Explanation, d: Option<&Override>) -> Explanation {
    if let Some(d) = d {
        e.override_reason = Some(d.reason_code.clone());
        if d.action == Action::Exclude {
            e.knockouts.push(KnockOut::Override);
            e.score = None;
        }
    }
    e
}

/// The explanation of a pair with its override: an excluded pair lists the
/// knock-out `override` (and has no score); an included one keeps its
/// knock-outs; both carry the reason code.
pub fn explain(cfg: &ScoringConfig, overrides: &Overrides, seeker: &Jobseeker, vacancy: &Vacancy) -> Explanation {
    let d = overrides.get(&seeker.id, &Target::Vacancy(vacancy.id.clone()));
    with_override(score::explain(cfg, seeker, vacancy), d)
}

/// As [`explain`], for an employer without a vacancy (`None` as [`score::explain_employer`]).
pub fn explain_employer(
    cfg: &ScoringConfig,
    overrides: &Overrides,
    seeker: &Jobseeker,
    employer: &Employer,
) -> Option<Explanation> {
    let d = overrides.get(&seeker.id, &Target::Employer(employer.id.clone()));
    Some(with_override(score::explain_employer(cfg, seeker, employer)?, d))
}

/// The account of a pair for the person concerned (AUDIT.md section 2) with
/// its override: as [`score::account`], on the explanation of [`explain`], so
/// an excluded pair lists the knock-out `override` (only a staff member lifts it).
pub fn account(cfg: &ScoringConfig, overrides: &Overrides, seeker: &Jobseeker, vacancy: &Vacancy) -> score::Account {
    score::Account::new(explain(cfg, overrides, seeker, vacancy), score::unlock_hints(cfg, seeker, vacancy))
}

/// As [`account`], for an employer without a vacancy (`None` as [`score::account_employer`]).
pub fn account_employer(
    cfg: &ScoringConfig,
    overrides: &Overrides,
    seeker: &Jobseeker,
    employer: &Employer,
) -> Option<score::Account> {
    let as_vacancy = score::employer_as_vacancy(cfg, seeker, employer)?;
    let e = explain_employer(cfg, overrides, seeker, employer)?;
    Some(score::Account::new(e, score::unlock_hints(cfg, seeker, &as_vacancy)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_since_1970() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        assert_eq!(Date::parse("2026-12-01").unwrap(), Date::from_unix_millis(1_796_083_200_000));
        assert!(Date::parse("2027-02-29").is_err() && Date::parse("2027-1-01").is_err());
        assert!(Date::parse("2028-02-29").is_ok());
    }

    fn decision(id: &str, action: Action, at: i64, until: Option<&str>) -> Override {
        Override {
            id: id.into(),
            seeker: Id::new("S1").unwrap(),
            target: Target::Vacancy(Id::new("V1").unwrap()),
            action,
            reason_code: "r".into(),
            by: "staff".into(),
            at_millis: at,
            valid_until: until.map(|d| Date::parse(d).unwrap()),
        }
    }

    #[test]
    fn the_latest_decision_wins_then_expiry_applies() {
        let today = Date::parse("2026-12-01").unwrap();
        let (s, t) = (Id::new("S1").unwrap(), Target::Vacancy(Id::new("V1").unwrap()));
        let set = Overrides::new(
            vec![decision("O2", Action::Include, 5, None), decision("O1", Action::Exclude, 1, None)],
            today,
        );
        assert!(set.is_included(&s, &t));
        // Same `at`: the greater id wins.
        let set = Overrides::new(
            vec![decision("O9", Action::Exclude, 5, None), decision("O10", Action::Include, 5, None)],
            today,
        );
        assert!(set.is_excluded(&s, &t));
        // An expired latest decision does not revive the earlier one.
        let set = Overrides::new(
            vec![decision("O1", Action::Exclude, 1, None), decision("O2", Action::Include, 5, Some("2026-11-30"))],
            today,
        );
        assert!(set.is_empty());
        // valid_until is inclusive.
        assert_eq!(Overrides::new(vec![decision("O1", Action::Exclude, 1, Some("2026-12-01"))], today).len(), 1);
    }
}
