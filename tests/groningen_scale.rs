//! The kernel against the reference at Groningen scale (10,356 seekers,
//! 20,000 vacancies, 5,000 employers): every direction ranked by the kernel
//! in full, a sample of subjects of each checked against the reference, ids
//! and score bits. Ignored by default (seconds in a release build, minutes in
//! a debug one); run it with
//!
//! ```sh
//! cargo test --release --test groningen_scale -- --ignored
//! ```

use werkmatch::adapter::synthetic::{generate, GeneratorConfig};
use werkmatch::rank::{reference, Executor, Matcher, RankOptions, Ranking};
use werkmatch::score::ScoringConfig;

/// Every `step`-th ranking equals the reference's for its subject.
fn sample_equals(got: &[Ranking], step: usize, want: impl Fn(&Ranking) -> Vec<werkmatch::rank::Match>) -> usize {
    let mut checked = 0;
    for r in got.iter().step_by(step) {
        let w = want(r);
        let same = r.matches.len() == w.len()
            && r.matches.iter().zip(&w).all(|(a, b)| a.id == b.id && a.score.to_bits() == b.score.to_bits());
        assert!(same, "subject {}: kernel {:?}, reference {:?}", r.subject, r.matches, w);
        checked += 1;
    }
    checked
}

#[test]
#[ignore = "Groningen scale: seconds in release, minutes in debug"]
fn kernel_equals_reference_at_groningen_scale() {
    let pop = generate(&GeneratorConfig::groningen(2019));
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(10);
    let m = Matcher::builder()
        .config(cfg.clone())
        .seekers(&pop.seekers)
        .vacancies(&pop.vacancies)
        .employers(&pop.employers)
        .build()
        .unwrap();
    let exec = Executor::Global;
    let seeker = |id: &str| pop.seekers.iter().find(|s| s.id.as_str() == id).unwrap();
    let vacancy = |id: &str| pop.vacancies.iter().find(|v| v.id.as_str() == id).unwrap();
    let (sv, _) = m.seeker_to_vacancies(&pop.seekers, &opts, exec);
    let n =
        sample_equals(&sv, 97, |r| reference::vacancies_for(&cfg, seeker(r.subject.as_str()), &pop.vacancies, &opts));
    let (vs, _) = m.vacancy_to_seekers(&pop.vacancies, &opts, exec);
    let n =
        n + sample_equals(&vs, 191, |r| reference::seekers_for(&cfg, vacancy(r.subject.as_str()), &pop.seekers, &opts));
    let (se, _) = m.seeker_to_employers(&pop.seekers, &opts, exec);
    let n = n + sample_equals(&se, 97, |r| {
        reference::employers_for(&cfg, seeker(r.subject.as_str()), &pop.employers, &opts)
    });
    assert!(n > 300, "{n} subjects checked");
}
