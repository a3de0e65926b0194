//! The model card states the configuration in force and the recorded measurements.

use std::collections::BTreeMap;

use werkmatch_audit::catalogue::Lang;
use werkmatch_audit::model_card::{model_card, Measurement, Measurements};
use werkmatch_core::score::{ScoringConfig, Weights};

fn measurements() -> Measurements {
    Measurements {
        about: String::new(),
        measurements: vec![Measurement {
            what: "title normaliser".into(),
            what_nl: Some("titelnormalisatie".into()),
            dataset: "test titles".into(),
            dataset_nl: None,
            taxonomy: Some("ESCO v1.1.1".into()),
            n: 123,
            figures: BTreeMap::from([("top1".to_string(), 0.25), ("mrr".to_string(), 0.5)]),
            date: "2026-01-02".into(),
            command: "cargo run --example eval_titles -- --split odd".into(),
        }],
    }
}

#[test]
fn the_card_has_every_register_field_in_both_languages() {
    let nl = model_card(&ScoringConfig::default(), &measurements(), Lang::Nl).unwrap();
    for h in [
        "## Naam",
        "## Korte omschrijving",
        "## Doel en impact",
        "## Afwegingen",
        "## Menselijke tussenkomst",
        "## Risicobeheer",
        "## Wettelijke grondslag",
        "## Gebruikte data",
        "## Technische werking",
        "## Gemeten nauwkeurigheid van de normalisatie",
        "## Bekende beperkingen",
        "## Het eerlijkheidsrapport lezen",
    ] {
        assert!(nl.contains(h), "missing {h}");
    }
    let en = model_card(&ScoringConfig::default(), &measurements(), Lang::En).unwrap();
    assert!(en.contains("## Human intervention") && en.contains("## Legal basis") && en.contains("**Never used**"));
    // The measurement and the knock-outs in the card's language; a text without a Dutch version stays as given.
    assert!(nl.contains("**titelnormalisatie** — test titles") && en.contains("**title normaliser** — test titles"));
    assert!(nl.contains("`licence` (rijbewijs B nodig)") && en.contains("`licence` (needs a driving licence)"), "{nl}");
}

#[test]
fn the_card_states_the_configuration_in_force_and_the_measurements() {
    let cfg = ScoringConfig::builder().weights(Weights { skills: 0.45, ..Weights::default() }).build().unwrap();
    let card = model_card(&cfg, &measurements(), Lang::En).unwrap();
    assert!(card.contains("| skills | 0.45 |"), "{card}");
    assert!(card.contains("| `weights.skills` | 0.45 |"));
    assert!(card.contains("| `travel.modes.transit.overhead_min` | 12.0 |"), "{card}");
    assert!(card.contains(&werkmatch_audit::digest::json_hash(&cfg).unwrap()));
    assert!(card.contains("top1 0.250") && card.contains("mrr 0.500") && card.contains("n = 123"));
    assert!(card.contains("2026-01-02") && card.contains("`cargo run --example eval_titles -- --split odd`"));
    let default = model_card(&ScoringConfig::default(), &measurements(), Lang::En).unwrap();
    assert!(default.contains("| skills | 0.3 |"));
}

#[test]
fn the_committed_measurements_file_reads() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/measurements.json");
    let m = Measurements::read_file(&path).unwrap();
    assert!(!m.measurements.is_empty());
    assert!(m.measurements.iter().all(|x| x.date.len() == 10 && x.command.starts_with("cargo run")));
}
