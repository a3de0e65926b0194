#![allow(clippy::print_stdout, clippy::print_stderr)]
//! The Groningen preset is neither all knock-outs nor all matches: most seekers,
//! but not all, have at least one vacancy that passes every knock-out of
//! SCORING.md section 1.

use werkmatch_adapter::synthetic::{generate, GeneratorConfig};
use werkmatch_core::score::{knockouts, ScoringConfig};
use werkmatch_core::{Jobseeker, Vacancy};

/// Whether a knock-out applies: the scorer's own statement of SCORING.md
/// section 1 (the generator does not depend on the scorer; this test may,
/// and a second copy of the rules would only drift from the first).
fn excluded(cfg: &ScoringConfig, s: &Jobseeker, v: &Vacancy) -> bool {
    !knockouts(cfg, s, v).is_empty()
}

#[test]
fn most_but_not_all_seekers_have_a_possible_match() {
    let p = generate(&GeneratorConfig::groningen(2019));
    // Every 10th seeker against every vacancy keeps the test quick in debug builds.
    let sample: Vec<&Jobseeker> = p.seekers.iter().step_by(10).collect();
    let cfg = ScoringConfig::default();
    let matched = sample.iter().filter(|s| p.vacancies.iter().any(|v| !excluded(&cfg, s, v))).count();
    let rate = matched as f64 / sample.len() as f64;
    eprintln!(
        "{matched} of {} sampled seekers have at least one vacancy without a knock-out ({rate:.3})",
        sample.len()
    );
    assert!((0.60..=0.90).contains(&rate), "{rate}");
}
