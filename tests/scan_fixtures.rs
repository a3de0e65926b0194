//! The hand-made scan cases of `fixtures/scan/` (worked out in its README):
//! an early shift that public transport cannot reach in time, unlocked by
//! `car` and, where the distance allows, by `ebike`, but not by `licence`
//! alone; a certificate unlock; a `level_up` that gains one match and loses
//! one through over-qualification. Fast scan and oracle agree on each.

use serde::de::DeserializeOwned;
use werkmatch::adapter::occupation_catalogue;
use werkmatch::rank::Executor;
use werkmatch::scan::{reference, Change, ScanConfig, ScanInput, Scanner};
use werkmatch::score::ScoringConfig;
use werkmatch::{Jobseeker, Vacancy};

fn read<T: DeserializeOwned>(name: &str) -> Vec<T> {
    let path = format!("{}/fixtures/scan/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// `(change, gained, lost)` of the listed unlocks of one seeker.
type Listed = Vec<(String, u64, u64)>;

#[test]
fn the_worked_out_cases() {
    let seekers: Vec<Jobseeker> = read("seekers.jsonl");
    let vacancies: Vec<Vacancy> = read("vacancies.jsonl");
    let (cfg, scfg, cat) = (ScoringConfig::default(), ScanConfig::default(), occupation_catalogue::synthetic());
    let input = ScanInput::new(&seekers, &vacancies, &cat);
    let scanner = Scanner::new(&cfg, &scfg, input, Executor::CurrentThread).unwrap();
    let scans = scanner.scan_all(Executor::CurrentThread, &|| {});
    assert_eq!(scans, reference::scan(&cfg, &scfg, input).unwrap());
    let listed = |id: &str| -> (u64, Listed) {
        let s = scans.iter().find(|s| s.seeker.as_str() == id).unwrap();
        (s.matches, s.unlocks.iter().map(|u| (u.change.id(), u.gained, u.lost)).collect())
    };
    let l = |c: &str, g, lost| (c.to_owned(), g, lost);

    // Both early shifts: transit too early; car reaches both, the e-bike only the near one.
    assert_eq!(listed("S-EARLY"), (0, vec![l("car", 2, 0), l("ebike", 1, 0)]));
    let i = scanner.position("S-EARLY").unwrap();
    let licence = scanner.what_if(i, &Change::Licence).unwrap();
    assert_eq!((licence.gained, licence.lost), (0, 0), "a licence without a car changes no trip");
    assert_eq!(scanner.what_if(i, &Change::TravelPlus15).unwrap().gained, 0, "the bus still comes too late");

    assert_eq!(listed("S-CERT"), (0, vec![l("certificate:VCA", 1, 0)]));

    // Level 2 → 3: the level-4 job with training comes within one level; the
    // level-1 cleaning job (0.5075) drops to 0.4850 through over-qualification.
    assert_eq!(listed("S-LEVEL"), (1, vec![l("level_up", 1, 1)]));
}
