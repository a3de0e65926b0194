//! The fast scan against the plain oracle (`scan::reference`) on random small
//! populations: every count of SCAN.md, the unlocks, alternatives, best
//! matches and the caseload summary are equal. Also: the result does not
//! depend on the thread count or the input order, and a change that lifts no
//! knock-out and raises no score gains nothing. With random human overrides
//! (AUDIT.md section 3) the fast scan still equals the oracle, excluded pairs
//! are never matches and included pairs always are.

mod kernel_support;

use kernel_support::decisions::{decisions, TODAY};
use kernel_support::{population, Population, Rng};
use proptest::prelude::*;
use werkmatch_core::overrides::{Date, Override, Overrides, Target};
use werkmatch_core::rank::Executor;
use werkmatch_core::scan::{
    reference, summarise, Change, Occupation, OccupationCatalogue, ScanConfig, ScanInput, Scanner,
};
use werkmatch_core::score::ScoringConfig;
use werkmatch_core::IscoCode;

const ISCO: [&str; 10] = ["9112", "9111", "9121", "5223", "2512", "4110", "1411", "0310", "7212", "3221"];

/// A random catalogue over the populations' codes and skill ids `s0`..`s9`.
fn catalogue(seed: u64) -> OccupationCatalogue {
    let mut r = Rng::new(seed ^ 0x5ca9);
    let skills = |r: &mut Rng, n: usize| (0..r.below(n + 1)).map(|_| format!("s{}", r.below(10))).collect::<Vec<_>>();
    let occ = (0..r.below(16))
        .map(|i| {
            let isco = IscoCode::parse(ISCO[r.below(ISCO.len())]).unwrap();
            Occupation::new(format!("occ{i:02}"), isco, skills(&mut r, 5), skills(&mut r, 3))
        })
        .collect();
    OccupationCatalogue::new(occ).unwrap()
}

/// The kernel's random population, with some vacancies naming a catalogue
/// occupation (`esco_occupation`), which counts for that alternative's
/// demand whatever the vacancy's ISCO code.
fn scan_population(seed: u64) -> Population {
    let mut p = population(seed);
    let mut r = Rng::new(seed ^ 0xe5c0);
    for v in &mut p.vacancies {
        if r.chance(0.3) {
            v.esco_occupation = Some(format!("occ{:02}", r.below(16)));
        }
    }
    p
}

/// The fast scanner over population `p` (one spelling for the tests' many).
fn scanner<'a>(
    cfg: &'a ScoringConfig,
    scfg: &'a ScanConfig,
    p: &'a Population,
    cat: &'a OccupationCatalogue,
    set: Overrides,
    exec: Executor<'_>,
) -> Scanner<'a> {
    Scanner::with_overrides(cfg, scfg, input(p, cat), set, exec).unwrap()
}

/// Population `p` and catalogue `cat` as one scan's input.
fn input<'a>(p: &'a Population, cat: &'a OccupationCatalogue) -> ScanInput<'a> {
    ScanInput::new(&p.seekers, &p.vacancies, cat).with_employers(&p.employers)
}

fn scan_config(r: &mut Rng) -> ScanConfig {
    ScanConfig::builder()
        .min_score(*r.pick(&[0.5, 0.3, 0.6, 0.45]))
        .competitive(*r.pick(&[10, 1, 2, 0]), *r.pick(&[3, 1, 0]))
        .coverage_min(*r.pick(&[0.25, 0.0, 0.5]))
        .kansrijk_demand(*r.pick(&[5, 1]))
        .limits(*r.pick(&[20, 3]), *r.pick(&[10, 1]), *r.pick(&[20, 2]))
        .best_k(*r.pick(&[10, 2]))
        .build()
        .unwrap()
}

fn check(seed: u64) {
    let p = scan_population(seed);
    let cat = catalogue(seed);
    let cfg = ScoringConfig::default();
    let scfg = scan_config(&mut Rng::new(seed ^ 77));
    let want = reference::scan(&cfg, &scfg, input(&p, &cat)).unwrap();
    let scanner = scanner(&cfg, &scfg, &p, &cat, Overrides::none(), Executor::CurrentThread);
    let got = scanner.scan_all(Executor::CurrentThread, &|| {});
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "seeker {}", w.seeker);
        assert_eq!(g.tried, w.tried, "seeker {}", w.seeker);
        assert_eq!(g.near_gaps, w.near_gaps, "seeker {}", w.seeker);
    }
    assert_eq!(summarise(&got, &p.vacancies, p.employers.len()), summarise(&want, &p.vacancies, p.employers.len()));
}

fn check_overrides(seed: u64, n: usize) {
    let p = scan_population(seed);
    let cat = catalogue(seed);
    let cfg = ScoringConfig::default();
    let scfg = scan_config(&mut Rng::new(seed ^ 78));
    let set = Overrides::new(decisions(&p, seed, n), Date::parse(TODAY).unwrap());
    let want = reference::scan_with_overrides(&cfg, &scfg, input(&p, &cat), &set).unwrap();
    let scanner = scanner(&cfg, &scfg, &p, &cat, set.clone(), Executor::CurrentThread);
    let got = scanner.scan_all(Executor::CurrentThread, &|| {});
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "seeker {}", w.seeker);
        assert_eq!(g.tried, w.tried, "seeker {}", w.seeker);
        assert_eq!(g.near_gaps, w.near_gaps, "seeker {}", w.seeker);
        // Included vacancies are listed in `best`, excluded ones never.
        for b in &g.best.vacancies {
            let t = Target::Vacancy(b.id.clone());
            assert!(!set.is_excluded(&g.seeker, &t), "excluded {} listed for {}", b.id, g.seeker);
            assert_eq!(b.included, set.is_included(&g.seeker, &t));
        }
        for v in set.included_vacancies_of(&g.seeker) {
            assert!(g.best.vacancies.iter().any(|b| &b.id == v), "included {v} missing for {}", g.seeker);
        }
        // An included pair is a match under every change: never lost through it.
        let included = set.included_vacancies_of(&g.seeker).len() as u64;
        assert!(g.matches >= included && g.tried.iter().all(|u| u.matches_after >= included));
    }
    assert_eq!(summarise(&got, &p.vacancies, p.employers.len()), summarise(&want, &p.vacancies, p.employers.len()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn fast_scan_equals_the_oracle_with_overrides(seed in any::<u64>(), n in 0usize..40) {
        check_overrides(seed, n);
    }

    /// `what_if` (one change at a time; `skill:X` through every knock-out-free
    /// live pair) equals the scan's batch of every change tried (all `skill:X`
    /// in one walk), with and without overrides.
    #[test]
    fn what_if_equals_the_scans_batch(seed in any::<u64>(), n in 0usize..20) {
        let p = scan_population(seed);
        let cat = catalogue(seed);
        let cfg = ScoringConfig::default();
        let scfg = scan_config(&mut Rng::new(seed ^ 79));
        let set = Overrides::new(decisions(&p, seed, n), Date::parse(TODAY).unwrap());
        let scanner = scanner(&cfg, &scfg, &p, &cat, set, Executor::CurrentThread);
        for i in 0..p.seekers.len() {
            for u in scanner.scan(i).tried {
                prop_assert_eq!(scanner.what_if(i, &u.change), Some(u));
            }
        }
    }

    #[test]
    fn no_overrides_scan_as_without(seed in any::<u64>()) {
        let p = scan_population(seed);
        let cat = catalogue(seed);
        let (cfg, scfg) = (ScoringConfig::default(), ScanConfig::default());
        let plain = scanner(&cfg, &scfg, &p, &cat, Overrides::none(), Executor::CurrentThread)
            .scan_all(Executor::CurrentThread, &|| {});
        // Decisions that all expired: no effect at all.
        let expired: Vec<Override> = decisions(&p, seed, 20)
            .into_iter()
            .map(|d| Override { valid_until: Some(Date::parse("2026-11-30").unwrap()), ..d })
            .collect();
        let set = Overrides::new(expired, Date::parse(TODAY).unwrap());
        prop_assert!(set.is_empty());
        let with = scanner(&cfg, &scfg, &p, &cat, set, Executor::CurrentThread)
            .scan_all(Executor::CurrentThread, &|| {});
        prop_assert_eq!(plain, with);
    }

    #[test]
    fn fast_scan_equals_the_oracle(seed in any::<u64>()) {
        check(seed);
    }

    #[test]
    fn threads_and_input_order_do_not_matter(seed in any::<u64>()) {
        let mut p = scan_population(seed);
        let cat = catalogue(seed);
        let cfg = ScoringConfig::default();
        let scfg = ScanConfig::default();
        let one = scanner(&cfg, &scfg, &p, &cat, Overrides::none(), Executor::CurrentThread)
            .scan_all(Executor::CurrentThread, &|| {});
        let mut r = Rng::new(seed ^ 1);
        r.shuffle(&mut p.seekers);
        r.shuffle(&mut p.vacancies);
        r.shuffle(&mut p.employers);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
        let many = scanner(&cfg, &scfg, &p, &cat, Overrides::none(), Executor::Pool(&pool))
            .scan_all(Executor::Pool(&pool), &|| {});
        prop_assert_eq!(&one, &many);
        for (a, b) in one.iter().zip(&many) {
            prop_assert_eq!(&a.tried, &b.tried);
        }
    }

    /// One seeker's scan with its pass split into chunks of every size
    /// (from one vacancy on, so that the split points fall everywhere:
    /// between matches, live pairs, overridden ones) on several threads
    /// equals the oracle's, with and without overrides.
    #[test]
    fn a_split_pass_equals_the_oracle(seed in any::<u64>(), chunk in 1usize..7, overrides in any::<bool>()) {
        let p = scan_population(seed);
        let cat = catalogue(seed);
        let cfg = ScoringConfig::default();
        let scfg = scan_config(&mut Rng::new(seed ^ 79));
        let set = if overrides {
            Overrides::new(decisions(&p, seed, 30), Date::parse(TODAY).unwrap())
        } else {
            Overrides::none()
        };
        let want = reference::scan_with_overrides(&cfg, &scfg, input(&p, &cat), &set).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
        let scanner = scanner(&cfg, &scfg, &p, &cat, set, Executor::Pool(&pool))
            .with_min_chunk(chunk);
        for w in &want {
            let i = scanner.position(w.seeker.as_str()).unwrap();
            let got = scanner.scan_on(i, Executor::Pool(&pool));
            prop_assert_eq!(&got, w);
            prop_assert_eq!(&got.tried, &w.tried);
            prop_assert_eq!(&got.near_gaps, &w.near_gaps);
        }
    }

    #[test]
    fn a_change_that_lifts_nothing_gains_nothing(seed in any::<u64>()) {
        let p = scan_population(seed);
        let cat = catalogue(seed);
        let cfg = ScoringConfig::default();
        let scfg = ScanConfig::default();
        let scanner = scanner(&cfg, &scfg, &p, &cat, Overrides::none(), Executor::CurrentThread);
        for i in 0..p.seekers.len() {
            // Nobody asks for these: no knock-out lifted, no score raised.
            for c in [Change::Skill("nobody-asks".into()), Change::Certificate("nobody-requires".into())] {
                let u = scanner.what_if(i, &c).expect("the seeker lacks it");
                prop_assert_eq!((u.gained, u.lost, u.competitive_gained, u.hidden_gained), (0, 0, 0, 0));
            }
        }
    }
}

/// The random populations exercise what the oracle test compares: matches,
/// competitive matches, hidden jobs, unlocks of every kind, losses,
/// alternatives and near-match gaps all occur.
#[test]
fn the_random_populations_exercise_every_count() {
    let (mut m, mut c, mut h, mut gained, mut lost, mut cg, mut hg, mut alt, mut gaps) = (0, 0, 0, 0, 0, 0, 0, 0, 0);
    let mut kinds = std::collections::BTreeSet::new();
    for seed in 0..24 {
        let p = scan_population(seed);
        let cat = catalogue(seed);
        let (cfg, scfg) = (ScoringConfig::default(), ScanConfig::default());
        let scanner = scanner(&cfg, &scfg, &p, &cat, Overrides::none(), Executor::CurrentThread);
        for s in scanner.scan_all(Executor::CurrentThread, &|| {}) {
            (m, c, h, alt) = (m + s.matches, c + s.competitive, h + s.hidden, alt + s.alternatives.len());
            gaps += s.near_gaps.len();
            for u in &s.unlocks {
                (gained, lost, cg, hg) =
                    (gained + u.gained, lost + u.lost, cg + u.competitive_gained, hg + u.hidden_gained);
                let id = u.change.id();
                kinds.insert(id.split(':').next().unwrap().to_owned());
            }
        }
    }
    for (name, n) in [("matches", m), ("competitive", c), ("hidden", h), ("gained", gained), ("lost", lost)]
        .into_iter()
        .chain([("competitive_gained", cg), ("hidden_gained", hg), ("alternatives", alt as u64), ("gaps", gaps as u64)])
    {
        assert!(n > 0, "no {name} in the random populations");
    }
    for k in ["licence", "car", "ebike", "travel_plus_15", "dutch_B1", "certificate", "skill", "level_up"] {
        assert!(kinds.contains(k), "no {k} unlock in the random populations: {kinds:?}");
    }
}

/// The random overrides exercise what the override test compares: included
/// pairs that fail a knock-out (listed after the scored ones), included pairs
/// that are competitive, and excluded pairs that would have been matches.
#[test]
fn the_random_overrides_exercise_every_case() {
    let (mut failing_listed, mut excluded_matches, mut competitive_included) = (0, 0, 0);
    for seed in 0..24 {
        let p = scan_population(seed);
        let cat = catalogue(seed);
        let (cfg, scfg) = (ScoringConfig::default(), ScanConfig::default());
        let set = Overrides::new(decisions(&p, seed, 30), Date::parse(TODAY).unwrap());
        let plain = scanner(&cfg, &scfg, &p, &cat, Overrides::none(), Executor::CurrentThread)
            .scan_all(Executor::CurrentThread, &|| {});
        let with = scanner(&cfg, &scfg, &p, &cat, set.clone(), Executor::CurrentThread)
            .scan_all(Executor::CurrentThread, &|| {});
        for (a, b) in plain.iter().zip(&with) {
            failing_listed +=
                b.best.vacancies.iter().filter(|x| x.included && !x.explanation.knockouts.is_empty()).count();
            excluded_matches +=
                a.best.vacancies.iter().filter(|x| set.is_excluded(&a.seeker, &Target::Vacancy(x.id.clone()))).count();
            competitive_included += usize::from(b.competitive > a.competitive);
        }
    }
    assert!(failing_listed > 0 && excluded_matches > 0 && competitive_included > 0,
        "failing included {failing_listed}, excluded matches {excluded_matches}, more competitive {competitive_included}");
}
