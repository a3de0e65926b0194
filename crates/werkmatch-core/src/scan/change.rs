//! The changes a scan tries, one at a time (SCAN.md section 2), and which of
//! them apply to a seeker.
//!
//! Never tried, because they are not a person's to change or must not be
//! suggested: physical load, the target-group register, anything about
//! health, age, gender, nationality, origin or household. There is no
//! variant for them, so no caller can ask.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::model::{Cefr, Education, Jobseeker, Mobility, TravelMode, Vacancy};
use crate::score::seeker_level;

/// One change to a seeker.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Change {
    /// `licence = true` (modes unchanged).
    Licence,
    /// `licence = true` and `car` added to the modes.
    Car,
    /// `ebike` added to the modes.
    Ebike,
    /// `max_minutes = min(240, max_minutes + 15)`.
    TravelPlus15,
    /// `dutch_level = max(current, level)`: A2, B1 or B2.
    Dutch(Cefr),
    /// A certificate added.
    Certificate(String),
    /// A skill added.
    Skill(String),
    /// Seeker level `Ls + 1` (at most 4): a diploma one level up.
    LevelUp,
}

/// The Dutch levels tried.
pub(crate) const DUTCH_LEVELS: [Cefr; 3] = [Cefr::A2, Cefr::B1, Cefr::B2];

impl Change {
    /// The change id of SCAN.md: `licence`, `car`, `ebike`, `travel_plus_15`,
    /// `dutch_A2`/`dutch_B1`/`dutch_B2`, `certificate:X`, `skill:X`, `level_up`.
    pub fn id(&self) -> String {
        self.to_string()
    }

    /// The changed seeker, or `None` when the change would not change `s`.
    pub fn apply(&self, s: &Jobseeker) -> Option<Jobseeker> {
        let mut t = s.clone();
        let modes = s.mobility.modes();
        let max = s.mobility.max_minutes();
        match self {
            Change::Licence => {
                if s.licence {
                    return None;
                }
                t.licence = true;
            }
            Change::Car => {
                if s.licence && modes.contains(TravelMode::Car) {
                    return None;
                }
                t.licence = true;
                t.mobility = Mobility::new(max, modes.with(TravelMode::Car)).ok()?;
            }
            Change::Ebike => {
                if modes.contains(TravelMode::Ebike) {
                    return None;
                }
                t.mobility = Mobility::new(max, modes.with(TravelMode::Ebike)).ok()?;
            }
            Change::TravelPlus15 => {
                let to = (max + 15).min(240);
                if to == max {
                    return None;
                }
                t.mobility = Mobility::new(to, modes).ok()?;
            }
            Change::Dutch(level) => {
                if Cefr::rank_of(s.dutch_level) >= level.rank() {
                    return None;
                }
                t.dutch_level = Some(*level);
            }
            Change::Certificate(x) => {
                if s.certificates.contains(x) {
                    return None;
                }
                t.certificates.push(x.clone());
            }
            Change::Skill(x) => {
                if s.skills.contains(x) {
                    return None;
                }
                t.skills.push(x.clone());
            }
            Change::LevelUp => {
                let ls = seeker_level(s).get();
                t.education = match ls {
                    1 => Education::Mbo2,
                    2 => Education::Mbo4,
                    3 => Education::Hbo,
                    _ => return None,
                };
            }
        }
        Some(t)
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Licence => f.write_str("licence"),
            Change::Car => f.write_str("car"),
            Change::Ebike => f.write_str("ebike"),
            Change::TravelPlus15 => f.write_str("travel_plus_15"),
            Change::Dutch(l) => write!(f, "dutch_{l:?}"),
            Change::Certificate(x) => write!(f, "certificate:{x}"),
            Change::Skill(x) => write!(f, "skill:{x}"),
            Change::LevelUp => f.write_str("level_up"),
        }
    }
}

/// A change id that is none of SCAN.md's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseChangeError(String);

impl fmt::Display for ParseChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown change id {:?}", self.0)
    }
}

impl std::error::Error for ParseChangeError {}

/// The inverse of [`Change::id`]: a summary's change id back to its change
/// (the caseload summary keeps ids, a report shows them in words).
impl FromStr for Change {
    type Err = ParseChangeError;

    fn from_str(id: &str) -> std::result::Result<Self, Self::Err> {
        let fixed = match id {
            "licence" => Some(Change::Licence),
            "car" => Some(Change::Car),
            "ebike" => Some(Change::Ebike),
            "travel_plus_15" => Some(Change::TravelPlus15),
            "level_up" => Some(Change::LevelUp),
            _ => None,
        };
        if let Some(c) = fixed {
            return Ok(c);
        }
        if let Some(l) = id.strip_prefix("dutch_") {
            if let Some(&level) = DUTCH_LEVELS.iter().find(|c| format!("{c:?}") == l) {
                return Ok(Change::Dutch(level));
            }
        }
        match id.split_once(':') {
            Some(("certificate", x)) if !x.is_empty() => Ok(Change::Certificate(x.to_owned())),
            Some(("skill", x)) if !x.is_empty() => Ok(Change::Skill(x.to_owned())),
            _ => Err(ParseChangeError(id.to_owned())),
        }
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Every change SCAN.md tries for `s`, each one that changes `s`, given the
/// vacancies within travel reach of `s` as `s` is now: the fixed ones, then
/// `certificate:X` for every certificate a reachable vacancy requires and `s`
/// lacks (by id), then `skill:X` for the `max_skills` essential skills asked
/// by the most reachable vacancies that `s` lacks (ties by id), then
/// `level_up`.
pub fn changes_for<'v>(
    s: &Jobseeker,
    reachable: impl IntoIterator<Item = &'v Vacancy>,
    max_skills: usize,
) -> Vec<Change> {
    let mut certs: BTreeMap<&str, ()> = BTreeMap::new();
    let mut asked: BTreeMap<&str, usize> = BTreeMap::new();
    for v in reachable {
        for c in &v.certificates {
            if !s.certificates.contains(c) {
                certs.insert(c, ());
            }
        }
        let mut seen: Vec<&str> = v.skills_essential.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for x in seen {
            if !s.skills.iter().any(|k| k == x) {
                *asked.entry(x).or_default() += 1;
            }
        }
    }
    assemble(s, certs.into_keys().collect(), asked.into_iter().collect(), max_skills)
}

/// The change list of [`changes_for`] from what the reachable vacancies ask:
/// the certificates `s` lacks (ascending id) and, per essential skill `s`
/// lacks, how many reachable vacancies ask it.
pub(crate) fn assemble(
    s: &Jobseeker,
    certs: Vec<&str>,
    mut skills: Vec<(&str, usize)>,
    max_skills: usize,
) -> Vec<Change> {
    skills.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.as_bytes().cmp(b.0.as_bytes())));
    skills.truncate(max_skills);

    let mut out = vec![Change::Licence, Change::Car, Change::Ebike, Change::TravelPlus15];
    out.extend(DUTCH_LEVELS.iter().map(|&l| Change::Dutch(l)));
    out.extend(certs.into_iter().map(|c| Change::Certificate(c.to_owned())));
    out.extend(skills.into_iter().map(|(x, _)| Change::Skill(x.to_owned())));
    out.push(Change::LevelUp);
    out.retain(|c| c.apply(s).is_some());
    out
}
