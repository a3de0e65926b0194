//! Normalisers with confidence on the fixture taxonomy (`fixtures/esco/export`):
//! thresholds, random strings, confidence ordering, the reader seam and labels.

use std::path::PathBuf;

use proptest::prelude::*;
use werkmatch_adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch_adapter::{normalise_skills, normalise_title, ConceptLabels, SkillPhraseNormaliser, TitleNormaliser};

const S: &str = "http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-0000000000";
const O: &str = "http://data.europa.eu/esco/occupation/f0000000-0000-4000-8000-00000000000";

fn export() -> Taxonomy {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/esco/export"));
    Taxonomy::load(dir).expect("the fixture export loads")
}

fn skill(s: &str) -> String {
    format!("{S}{s}")
}

#[test]
fn skill_phrases_map_across_inflection_stop_words_and_languages() {
    let t = export();
    let n = SkillNormaliser::new(&t);
    let top = |q: &str| n.search(q, 3).first().map(|m| (m.uri.to_string(), m.confidence));
    for (q, want) in [
        ("operate a forklift", "a1"),
        ("Operating forklifts", "a1"),
        ("strong teamwork skills", "a5"),
        ("teamwerk", "a5"),
        ("in teamverband werken", "a5"),
        ("cleaning surfaces", "a2"),
        ("computer programing", "a4"),
    ] {
        let (uri, conf) = top(q).unwrap_or_default();
        assert_eq!(uri, skill(want), "{q}");
        assert!(conf >= SkillNormaliser::MIN_CONFIDENCE, "{q}: {conf}");
    }
    // The exact preferred label is a near-perfect match (only the usage prior, at most 12 %, lowers it).
    let (_, conf) = top("operate forklift").unwrap();
    assert!(conf >= 0.88, "{conf}");
}

#[test]
fn random_strings_get_no_skill_and_no_occupation() {
    let t = export();
    let sn = SkillNormaliser::new(&t);
    let on = OccupationNormaliser::new(&t);
    for q in ["aaaa", "xyz 123", "qwerty", "zzzz zzzz", "0000", "   ", "", "!!!", "ëëë"] {
        let (ids, unmapped) = normalise_skills(Some(&sn), &[q.to_string()], "skills", false);
        assert!(ids.is_empty(), "{q:?} became {ids:?}");
        assert_eq!(unmapped.len(), usize::from(!q.trim().is_empty()), "{q:?}");
        assert!(normalise_title(&on, q, "title").is_err(), "{q:?} got an occupation");
    }
}

#[test]
fn confidence_orders_the_candidates_and_stays_in_range() {
    let t = export();
    let sn = SkillNormaliser::new(&t);
    let on = OccupationNormaliser::new(&t);
    for q in ["forklift", "clean", "cook meals team", "programming software", "work", "x"] {
        let s = sn.search(q, 10);
        for w in s.windows(2) {
            assert!(w[0].confidence > w[1].confidence || (w[0].confidence == w[1].confidence && w[0].uri < w[1].uri));
        }
        assert!(s.iter().all(|m| (0.0..=1.0).contains(&m.confidence)), "{q}");
        let o = on.search(q, 10);
        assert!(o.iter().all(|m| (0.0..=1.0).contains(&m.confidence)), "{q}");
    }
    // A closer phrase gets a higher confidence than a looser one for the same skill.
    let conf = |q: &str| sn.search(q, 1).first().filter(|m| m.uri == skill("a1")).map_or(0.0, |m| m.confidence);
    assert!(conf("operate forklift") > conf("operate a forklift safely at night"));
}

#[test]
fn thresholds_decide_what_is_used() {
    let t = export();
    let sn = SkillNormaliser::new(&t);
    let on = OccupationNormaliser::new(&t);
    assert_eq!(TitleNormaliser::min_confidence(&on), OccupationNormaliser::MIN_CONFIDENCE);
    assert_eq!(SkillPhraseNormaliser::min_confidence(&sn), SkillNormaliser::MIN_CONFIDENCE);
    let c = normalise_title(&on, "Heftruckchauffeur", "title").unwrap();
    assert_eq!(c.uri, format!("{O}1"));
    // A title that matches only a loose qualifier is reported with its best candidates.
    let u = normalise_title(&on, "aaaa", "title").unwrap_err();
    assert_eq!(u.field, "title");
    assert!(u.candidates.iter().all(|c| c.confidence < u.min_confidence));
    assert!(!u.to_string().contains("aaaa"), "the report must not echo the phrase: {u}");

    let items: Vec<String> = ["operate a forklift", &skill("a3"), "underwater basket weaving", "teamwerk", "Teamwerk"]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let (ids, unmapped) = normalise_skills(Some(&sn), &items, "skills", false);
    assert_eq!(ids, [skill("a1"), skill("a3"), skill("a5")]);
    assert_eq!(unmapped.len(), 1);
    assert_eq!(unmapped[0].field, "skills[2]");
    assert!(!unmapped[0].to_string().contains("basket"));
    // --keep-unmapped-skills keeps the text as written (and still reports it).
    let (ids, unmapped) = normalise_skills(Some(&sn), &items, "skills", true);
    assert_eq!(ids, [skill("a1"), skill("a3"), "underwater basket weaving".to_string(), skill("a5")]);
    assert_eq!(unmapped.len(), 1);
    // Without a taxonomy nothing is normalised.
    let (ids, unmapped) = normalise_skills(None, &items[..1], "skills", false);
    assert_eq!((ids, unmapped.len()), (vec!["operate a forklift".to_string()], 0));
}

#[test]
fn labels_prefer_dutch_then_english() {
    let t = export();
    assert_eq!(t.label_of(&skill("a5"), "nl"), Some("samenwerken in een team"));
    assert_eq!(t.label_of(&skill("a5"), "en"), Some("work in a team"));
    // No Dutch label: English.
    assert_eq!(t.label_of(&skill("a1"), "nl"), Some("operate forklift"));
    assert_eq!(ConceptLabels::label(&t, &format!("{O}1"), "en"), Some("forklift operator"));
    assert!(t.label_of(&format!("{O}1"), "nl").is_some());
    assert_eq!(t.label_of("http://example.invalid/nothing", "nl"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The normalisers never panic on arbitrary text and keep their contract.
    #[test]
    fn normalisers_never_panic(text in "\\PC{0,60}", k in 0usize..12) {
        let t = export();
        let sn = SkillNormaliser::new(&t);
        let on = OccupationNormaliser::new(&t);
        let s = sn.search(&text, k);
        prop_assert!(s.len() <= k);
        prop_assert!(s.iter().all(|m| (0.0..=1.0).contains(&m.confidence)));
        let o = on.search(&text, k);
        prop_assert!(o.len() <= k);
        let (ids, unmapped) = normalise_skills(Some(&sn), std::slice::from_ref(&text), "skills", false);
        prop_assert!(ids.len() + unmapped.len() <= 1);
    }
}
