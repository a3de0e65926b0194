//! What the person concerned is told about one (seeker, vacancy) pair, ranked
//! or not (AUDIT.md section 2): the explanation (SCORING.md section 7), the
//! plain-words reasons, and for an excluded pair each knock-out with what
//! would lift it. "Why is vacancy V9 not in my list?" has an answer here even
//! when V9 is neither ranked nor a near miss.
//!
//! ```
//! use werkmatch_core::score::{self, KnockOut, ScoringConfig};
//! use werkmatch_core::text::{Lang, Message};
//! use werkmatch_core::{GeoPoint, Id, IscoCode, Jobseeker, Nace, Vacancy};
//! let seeker = Jobseeker::new(Id::new("S1").unwrap(), GeoPoint::new(53.2194, 6.5665).unwrap());
//! let mut job =
//!     Vacancy::new(Id::new("V9").unwrap(), IscoCode::parse("8322").unwrap(), Nace::parse("H").unwrap(),
//!         GeoPoint::new(53.2100, 6.5600).unwrap());
//! job.requires_licence = true;
//! let a = score::account(&ScoringConfig::default(), &seeker, &job);
//! assert_eq!(a.lifts[0].knockout, KnockOut::Licence);
//! assert!(a.text(Lang::En).contains("needs a driving licence"));
//! assert!(a.text(Lang::Nl).contains("rijbewijs"));
//! ```

use serde::{Deserialize, Serialize};

use super::explain::{explain, explain_employer, Explanation};
use super::knockout::KnockOut;
use super::unlock::{unlock_hints, Hint};
use super::words::{fit_reasons, Reason};
use super::{employer_as_vacancy, ScoringConfig};
use crate::model::{Employer, Jobseeker, Vacancy};

/// One knock-out of a pair and what would lift it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lift {
    /// The knock-out.
    pub knockout: KnockOut,
    /// What would lift it (for `override`: only a staff member can).
    pub hint: Hint,
}

/// Everything a person is told about one pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Account {
    /// The explanation: score (or none), components and weights, travel, levels, knock-outs.
    pub explanation: Explanation,
    /// Why the pair fits, or would fit but for its knock-outs, strongest first.
    pub reasons: Vec<Reason>,
    /// Each knock-out with what would lift it, in the order of `explanation.knockouts`
    /// (empty for a ranked pair).
    pub lifts: Vec<Lift>,
}

impl Account {
    /// The account of a pair from its explanation and its hints
    /// ([`unlock_hints`]: one per scoring knock-out, in the same order). A
    /// knock-out `override` (added by [`crate::overrides::explain`]) is lifted
    /// only by a staff member.
    pub fn new(explanation: Explanation, hints: Vec<Hint>) -> Self {
        let mut hints = hints.into_iter();
        let lifts = explanation
            .knockouts
            .iter()
            .map(|&knockout| {
                let hint = match knockout {
                    KnockOut::Override => Hint::Override,
                    // unlock_hints gives one hint per scoring knock-out, in table order.
                    _ => hints.next().unwrap_or(Hint::Override),
                };
                Lift { knockout, hint }
            })
            .collect();
        debug_assert!(hints.next().is_none(), "a hint without a knock-out");
        Account { reasons: fit_reasons(&explanation), explanation, lifts }
    }

    /// Whether the pair is excluded (by scoring or by a person).
    pub fn is_excluded(&self) -> bool {
        self.explanation.is_excluded()
    }
}

/// The account of a (seeker, vacancy) pair without overrides
/// ([`crate::overrides::account`] applies them).
pub fn account(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> Account {
    Account::new(explain(cfg, seeker, vacancy), unlock_hints(cfg, seeker, vacancy))
}

/// The account of a (seeker, employer without a vacancy) pair; `None` when the
/// employer has no occupation to score (as [`explain_employer`]).
pub fn account_employer(cfg: &ScoringConfig, seeker: &Jobseeker, employer: &Employer) -> Option<Account> {
    let as_vacancy = employer_as_vacancy(cfg, seeker, employer)?;
    Some(Account::new(explain_employer(cfg, seeker, employer)?, unlock_hints(cfg, seeker, &as_vacancy)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cefr, GeoPoint, Id, IscoCode, Nace};
    use crate::text::{Lang, Message};

    fn pair() -> (Jobseeker, Vacancy) {
        let s = Jobseeker::new(Id::new("S1").unwrap(), GeoPoint::new(53.2194, 6.5665).unwrap());
        let v = Vacancy::new(
            Id::new("V9").unwrap(),
            IscoCode::parse("9112").unwrap(),
            Nace::parse("N").unwrap(),
            GeoPoint::new(53.2100, 6.5600).unwrap(),
        );
        (s, v)
    }

    #[test]
    fn a_ranked_pair_has_reasons_and_no_lifts_and_recombines() {
        let (s, v) = pair();
        let a = account(&ScoringConfig::default(), &s, &v);
        assert!(!a.is_excluded() && a.lifts.is_empty() && !a.reasons.is_empty());
        assert!((a.explanation.recombined_total() - a.explanation.score.unwrap()).abs() < 1e-9);
    }

    #[test]
    fn every_knockout_of_an_excluded_pair_has_its_lift_in_both_languages() {
        let (s, mut v) = pair();
        v.requires_licence = true;
        v.min_dutch_level = Some(Cefr::C1);
        let a = account(&ScoringConfig::default(), &s, &v);
        let ks: Vec<KnockOut> = a.lifts.iter().map(|l| l.knockout).collect();
        assert_eq!(ks, a.explanation.knockouts);
        assert_eq!(ks, [KnockOut::Licence, KnockOut::Language]);
        assert_eq!(a.lifts[0].hint, Hint::Licence);
        // Excluded, yet the components still recombine to what it would score.
        let e = &a.explanation;
        let num: f64 = e.components.iter().map(|c| c.weight * c.value).sum();
        let den: f64 = e.components.iter().map(|c| c.weight).sum();
        assert!((num / den - e.recombined_total()).abs() < 1e-9);
        for lang in Lang::ALL {
            let t = a.text(lang);
            for l in &a.lifts {
                assert!(t.contains(&l.knockout.text(lang)), "{t}");
                assert!(t.contains(&l.hint.text(lang)), "{t}");
            }
        }
        assert_ne!(a.text(Lang::Nl), a.text(Lang::En));
    }
}
