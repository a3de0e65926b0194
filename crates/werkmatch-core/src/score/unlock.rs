//! What would unlock an excluded pair: one hint per knock-out, in plain data.
//!
//! Jobhunters look at near misses: a job that fits but for one thing. For each
//! knock-out this says what the thing is and, for travel, which mode would
//! make it ("shift starts before the first bus; reachable by e-bike in 48
//! min"). Hints describe; they never change a score.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::knockout::KnockOut;
use super::pair::{evaluate, seeker_level};
use super::ScoringConfig;
use crate::model::{Cefr, Jobseeker, ModeSet, PhysicalLoad, TravelMode, Vacancy};
use crate::text::{Lang, Message};
use crate::travel::{within_limit, TravelModel};

/// What would lift one knock-out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "hint", rename_all = "snake_case")]
#[cfg_attr(test, derive(strum::EnumDiscriminants), strum_discriminants(derive(strum::EnumIter), allow(missing_docs)))]
#[non_exhaustive]
pub enum Hint {
    /// Too far for the usable modes. `alternatives` lists modes the seeker
    /// does not (or cannot) use now that would arrive within `max_minutes`.
    Travel {
        /// Fastest usable time now, minutes.
        minutes: f64,
        /// The seeker's limit.
        max_minutes: u16,
        /// Public transport would be fast enough but cannot arrive before the shift starts.
        transit_too_early: bool,
        /// Other modes within the limit: (mode, minutes), fastest first, a car
        /// without a licence last.
        alternatives: Vec<(TravelMode, f64)>,
    },
    /// The job is two or more skill levels above the seeker.
    LevelGap {
        /// The seeker's level.
        seeker: u8,
        /// The job's level.
        job: u8,
    },
    /// The job needs more hours than the seeker can work.
    Hours {
        /// The job's minimum hours per week.
        job_min: u8,
        /// The seeker's maximum.
        seeker_max: u8,
    },
    /// A driving licence B is required.
    Licence,
    /// A higher Dutch level is required.
    Language {
        /// Required level.
        required: Option<Cefr>,
        /// The seeker's level.
        seeker: Option<Cefr>,
    },
    /// The job is physically heavier than the seeker can take.
    Physical {
        /// The job's load.
        job: PhysicalLoad,
        /// The most the seeker can take.
        seeker: PhysicalLoad,
    },
    /// Certificates are missing.
    Certificates {
        /// The missing ones.
        missing: Vec<String>,
    },
    /// The job is reserved for people in the target-group register.
    TargetGroup,
    /// A staff member excluded the pair; only a staff member can lift it.
    Override,
}

/// The English text (for logs and tests). People read it in their language
/// through [`Message`]: `hint.text(Lang::Nl)`.
impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(Lang::En, f)
    }
}

/// One hint for every knock-out of the pair (none for an eligible pair), in table order.
pub fn unlock_hints(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy) -> Vec<Hint> {
    let ev = evaluate(cfg, seeker, vacancy);
    ev.knockouts
        .iter()
        .map(|k| match k {
            KnockOut::Travel => travel_hint(cfg, seeker, vacancy, ev.travel.minutes, ev.travel.transit_too_early),
            KnockOut::LevelGap => {
                Hint::LevelGap { seeker: seeker_level(seeker).get(), job: vacancy.skill_level().get() }
            }
            KnockOut::Hours => Hint::Hours { job_min: vacancy.hours.min(), seeker_max: seeker.hours.max() },
            KnockOut::Licence => Hint::Licence,
            KnockOut::Language => Hint::Language { required: vacancy.min_dutch_level, seeker: seeker.dutch_level },
            KnockOut::Physical => Hint::Physical {
                job: vacancy.physical_load.unwrap_or(PhysicalLoad::Light),
                seeker: seeker.max_physical_load.unwrap_or(PhysicalLoad::Heavy),
            },
            KnockOut::Certificates => Hint::Certificates {
                missing: vacancy.certificates.iter().filter(|c| !seeker.certificates.contains(c)).cloned().collect(),
            },
            KnockOut::TargetGroup => Hint::TargetGroup,
            // Never set by scoring (overrides are applied above it), kept for completeness.
            KnockOut::Override => Hint::Override,
        })
        .collect()
}

fn travel_hint(cfg: &ScoringConfig, seeker: &Jobseeker, vacancy: &Vacancy, minutes: f64, too_early: bool) -> Hint {
    let max_minutes = seeker.mobility.max_minutes();
    let tm = cfg.travel();
    // A remote job is never too far; no site, no alternatives.
    let d = vacancy.workplace.site().map_or(f64::INFINITY, |site| tm.distance_km(seeker.location, site));
    let usable = TravelModel::usable_modes(seeker.mobility.modes(), seeker.licence);
    let start = vacancy.earliest_start.map(|t| t.minutes());
    // Modes the seeker does not use now, each tried on its own (car as if with a licence).
    let mut alternatives: Vec<(TravelMode, f64)> = TravelMode::ALL
        .into_iter()
        .filter(|m| !usable.contains(*m))
        .map(|m| (m, tm.fastest(d, ModeSet::EMPTY.with(m), start)))
        .filter(|(m, t)| t.mode == Some(*m) && within_limit(t.minutes, f64::from(max_minutes)))
        .map(|(m, t)| (m, t.minutes))
        .collect();
    // A mode that needs a licence the seeker lacks is the harder change: list it last.
    let hard = |m: TravelMode| m == TravelMode::Car && !seeker.licence;
    alternatives.sort_by(|a, b| hard(a.0).cmp(&hard(b.0)).then(a.1.total_cmp(&b.1)).then(a.0.cmp(&b.0)));
    let minutes = if max_minutes == 0 && !vacancy.is_remote() { f64::INFINITY } else { minutes };
    Hint::Travel { minutes, max_minutes, transit_too_early: too_early, alternatives }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn at(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    #[test]
    fn early_shift_in_assen_suggests_the_car_and_names_the_bus() {
        let cfg = ScoringConfig::default();
        let mut s = Jobseeker::new(Id::new("S").unwrap(), at(53.2194, 6.5665));
        s.mobility = Mobility::new(60, [TravelMode::Bike, TravelMode::Transit].into_iter().collect()).unwrap();
        let mut v = Vacancy::new(
            Id::new("V").unwrap(),
            IscoCode::parse("9329").unwrap(),
            Nace::parse("C").unwrap(),
            at(52.9925, 6.5649),
        );
        v.earliest_start = Some(TimeOfDay::parse("06:30").unwrap());
        v.requires_licence = true;
        let hints = unlock_hints(&cfg, &s, &v);
        assert_eq!(hints.len(), 2);
        match &hints[0] {
            Hint::Travel { transit_too_early, alternatives, .. } => {
                assert!(*transit_too_early);
                assert_eq!(alternatives.first().map(|a| a.0), Some(TravelMode::Car));
            }
            h => panic!("{h:?}"),
        }
        assert_eq!(hints[1], Hint::Licence);
        let text = hints[0].to_string();
        assert!(text.starts_with("shift starts before public transport can arrive; reachable by car"), "{text}");
        assert_eq!(hints[1].to_string(), "needs a driving licence");
        let tekst = hints[0].text(Lang::Nl);
        assert!(
            tekst.starts_with("de dienst begint voordat het OV er kan zijn; met de auto (met rijbewijs B)"),
            "{tekst}"
        );
        assert_eq!(hints[1].text(Lang::Nl), "rijbewijs B nodig");
    }

    #[test]
    fn an_e_bike_can_unlock_an_early_shift() {
        let cfg = ScoringConfig::default();
        let mut s = Jobseeker::new(Id::new("S").unwrap(), at(53.2194, 6.5665));
        s.mobility = Mobility::new(45, [TravelMode::Bike, TravelMode::Transit].into_iter().collect()).unwrap();
        // 11 km north: bike 57 min (too slow), transit 32.6 min but the shift starts 06:15,
        // e-bike 42.9 min, car 18.75 min (no licence, so listed last).
        let mut v = Vacancy::new(
            Id::new("V").unwrap(),
            IscoCode::parse("9329").unwrap(),
            Nace::parse("C").unwrap(),
            at(53.2194 + 11.0 / 111.195, 6.5665),
        );
        v.earliest_start = Some(TimeOfDay::parse("06:15").unwrap());
        let hints = unlock_hints(&cfg, &s, &v);
        match &hints[..] {
            [Hint::Travel { alternatives, transit_too_early: true, .. }] => {
                assert_eq!(alternatives.iter().map(|a| a.0).collect::<Vec<_>>(), [TravelMode::Ebike, TravelMode::Car]);
                assert!((alternatives[0].1 - 42.9).abs() < 0.1, "{alternatives:?}");
            }
            h => panic!("{h:?}"),
        }
        assert_eq!(
            hints[0].to_string(),
            "shift starts before public transport can arrive; reachable by e-bike in 43 min"
        );
        assert_eq!(
            hints[0].text(Lang::Nl),
            "de dienst begint voordat het OV er kan zijn; met de e-bike bereikbaar in 43 min"
        );
    }

    #[test]
    fn eligible_pairs_have_no_hints() {
        let cfg = ScoringConfig::default();
        let s = Jobseeker::new(Id::new("S").unwrap(), at(53.2194, 6.5665));
        let v = Vacancy::new(
            Id::new("V").unwrap(),
            IscoCode::parse("9112").unwrap(),
            Nace::parse("N").unwrap(),
            at(53.22, 6.57),
        );
        assert!(unlock_hints(&cfg, &s, &v).is_empty());
    }
}
