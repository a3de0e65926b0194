#![allow(clippy::print_stdout, clippy::print_stderr)]
//! The ESCO loader, taxonomy, enrichment and normaliser on the hand-made fixtures in `fixtures/esco/`.

use std::path::PathBuf;

use werkmatch_adapter::esco::{FileNaming, LoadOptions, OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch_adapter::{ErrorKind, OccupationResolver, OnError};
use werkmatch_core::IscoCode;

const O: &str = "http://data.europa.eu/esco/occupation/f0000000-0000-4000-8000-00000000000";
const S: &str = "http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-0000000000";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/esco")).join(name)
}

fn occ(n: u32) -> String {
    format!("{O}{n}")
}

fn skill(s: &str) -> String {
    format!("{S}{s}")
}

fn export() -> Taxonomy {
    Taxonomy::load(fixture("export")).expect("the fixture export loads")
}

#[test]
fn loads_occupations_in_two_languages_with_multiline_cells_and_mixed_line_endings() {
    let t = export();
    assert_eq!(t.occupations().len(), 4);
    assert_eq!(t.languages(), ["en".to_string(), "nl".to_string()]);
    let fork = t.occupation(&occ(1)).expect("forklift operator");
    assert_eq!(fork.isco, IscoCode::parse("8344").unwrap());
    assert_eq!(fork.code.as_deref(), Some("8344.1"));
    let en = &fork.labels["en"];
    assert_eq!(en.preferred, "forklift operator");
    assert_eq!(en.alt, ["forklift driver", "fork lift truck operator", "lift truck operator"]);
    assert_eq!(en.hidden, ["forklfit operator"]);
    assert_eq!(fork.labels["nl"].preferred, "heftruckchauffeur");
    // A CRLF inside a quoted list cell is a separator like LF, not part of a label.
    assert_eq!(t.occupation(&occ(4)).unwrap().labels["en"].alt, ["programmer", "software engineer"]);
    // Occupations are sorted by URI, so ids do not depend on file order.
    let uris: Vec<&str> = t.occupations().iter().map(|o| o.uri.as_str()).collect();
    let mut sorted = uris.clone();
    sorted.sort_unstable();
    assert_eq!(uris, sorted);
}

#[test]
fn version_is_derived_from_naming_and_modified_date_or_given() {
    let t = export();
    assert_eq!(t.version().naming, FileNaming::V1_1);
    assert_eq!(t.version().latest_modified.as_deref(), Some("2022-07-27"));
    assert_eq!(t.version().tag, "esco-v1.1+2022-07-27");
    let opts = LoadOptions { version: Some("v1.1.1".into()), ..LoadOptions::default() };
    assert_eq!(Taxonomy::load_with(fixture("export"), &opts).unwrap().taxonomy.version().tag, "v1.1.1");

    let v12 = Taxonomy::load(fixture("v1_2")).unwrap();
    assert_eq!(v12.version().naming, FileNaming::V1_2);
    assert_eq!(v12.version().tag, "esco-v1.2+2024-04-30");
    assert_eq!(v12.relation_count(), 2);
    // No skills file: the related skills exist as ids without labels.
    assert!(v12.skill_by_uri(&skill("a1")).is_some_and(|s| s.labels.is_empty()));
}

#[test]
fn isco_tree_has_groups_children_and_skill_levels() {
    let t = export();
    assert_eq!(t.isco_groups().len(), 20);
    let unit = t.isco_group("8344").unwrap();
    assert_eq!(unit.depth(), 4);
    assert_eq!(unit.parent_code(), Some("834"));
    assert_eq!(unit.unit(), IscoCode::parse("8344").ok());
    assert_eq!(unit.skill_level().map(|l| l.get()), Some(2));
    assert_eq!(t.isco_group("25").unwrap().skill_level().map(|l| l.get()), Some(4));
    assert_eq!(t.isco_group("9").unwrap().skill_level().map(|l| l.get()), Some(1));
    assert_eq!(t.isco_group("0").unwrap().skill_level(), None);
    assert_eq!(t.isco_group("0110").unwrap().labels["en"], "Commissioned armed forces officers");
    let kids: Vec<&str> = t.isco_children("83").map(|g| g.code.as_str()).collect();
    assert_eq!(kids, ["834"]);
    let in_unit = t.occupations_in(IscoCode::parse("9112").unwrap());
    assert_eq!(in_unit.len(), 1);
    assert_eq!(t.occupation_by_id(in_unit[0]).unwrap().uri, occ(2));
}

#[test]
fn relations_hierarchy_and_dangling_rows() {
    let load = Taxonomy::load_with(fixture("export"), &LoadOptions::default()).unwrap();
    let t = &load.taxonomy;
    assert!(load.rejected.is_empty());
    // The gzipped relations name one occupation that no occupations file has: skipped, with its line.
    assert_eq!(load.dangling.len(), 1);
    let d = &load.dangling[0];
    assert_eq!(d.kind(), ErrorKind::Unresolved);
    assert_eq!(d.position().line, Some(10));
    assert!(d.position().file.as_ref().unwrap().ends_with("occupationSkillRelations.csv.gz"));
    assert_eq!(t.relation_count(), 8);
    let fork = t.occupation(&occ(1)).unwrap();
    let uri = |id| t.skill(id).unwrap().uri.clone();
    assert_eq!(fork.essential.iter().map(|&i| uri(i)).collect::<Vec<_>>(), [skill("a1")]);
    assert_eq!(fork.optional.iter().map(|&i| uri(i)).collect::<Vec<_>>(), [skill("a5")]);
    assert!(fork.broader.contains(&"http://data.europa.eu/esco/isco/C8344".to_string()));
    let op = t.skill_by_uri(&skill("a1")).unwrap();
    assert_eq!(op.skill_type.as_deref(), Some("skill/competence"));
    assert_eq!(op.related, [(t.skill_id(&skill("a5")).unwrap(), "optional".to_string())]);
    // The Dutch collection supplies Dutch labels where there is no skills_nl.csv.
    assert_eq!(t.skill_by_uri(&skill("a5")).unwrap().labels["nl"].alt, ["teamwerk", "in teamverband werken"]);
    // Skill ids are interned in URI order.
    let ids: Vec<u32> = t.skills().iter().map(|s| t.skill_id(&s.uri).unwrap().0).collect();
    assert_eq!(ids, (0..t.skills().len() as u32).collect::<Vec<_>>());
    // The hierarchy rows leave out trailing cells; the groups and parents are still read.
    let g1 = &t.skill_groups()["http://data.europa.eu/esco/skill/g1"];
    assert_eq!(
        (g1.level, g1.parent.as_deref(), g1.code.as_deref()),
        (1, Some("http://data.europa.eu/esco/skill/g0"), Some("S6"))
    );
}

#[test]
fn lookups_by_uri_code_and_resolver() {
    let t = export();
    assert_eq!(t.occupation("8344.1").map(|o| o.uri.clone()), Some(occ(1)));
    assert_eq!(t.isco_of(&occ(3)), IscoCode::parse("5120").ok());
    assert_eq!(t.isco_of("5120.1"), IscoCode::parse("5120").ok());
    assert_eq!(t.isco_of("http://data.europa.eu/esco/occupation/unknown"), None);
    let (ess, opt) = t.skills_of("5120.1").unwrap();
    assert_eq!(ess, [skill("a3")]);
    assert_eq!(opt, [skill("a2")]);
    assert!(t.skills_of("9999.9").is_none());
}

#[test]
fn experience_and_skill_labels_are_enriched() {
    let t = export();
    let exp = t.experience_from_esco(&[(&occ(1), 2.0), ("2512.4", 0.5)]).unwrap();
    assert_eq!(exp.iter().map(|e| e.isco().to_string()).collect::<Vec<_>>(), ["8344", "2512"]);
    let err = t.experience_from_esco(&[(&occ(1), 2.0), ("nope", 1.0)]).unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Unresolved, Some("experience[1].esco")));
    let err = t.experience_from_esco(&[(&occ(1), -1.0)]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);

    let sn = SkillNormaliser::new(&t);
    let a5 = skill("a5");
    let got = t.skills_from_labels(&sn, &["Teamwerk", "operate a forklift", a5.as_str()], 0.6).unwrap();
    assert_eq!(got, [skill("a5"), skill("a1"), skill("a5")]);
    let err = t.skills_from_labels(&sn, &["underwater basket weaving"], 0.6).unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Unresolved, Some("skills[0]")));
}

#[test]
fn titles_normalise_across_case_accents_order_typos_and_compounds() {
    let t = export();
    let n = OccupationNormaliser::new(&t);
    let top = |q: &str| n.search(q, 5).first().map(|m| m.uri.to_string());
    for q in ["Heftruckchauffeur", "chauffeur heftruck", "heftruck bestuurder", "forklfit operater", "FORK-LIFT driver"]
    {
        assert_eq!(top(q), Some(occ(1)), "{q}");
    }
    for q in ["kokkin", "Chef-kok", "line cook"] {
        assert_eq!(top(q), Some(occ(3)), "{q}");
    }
    assert_eq!(top("schoonmaakster"), Some(occ(2)));
    assert_eq!(top("programmeur"), Some(occ(4)));
    let hits = n.search("heftruckchauffeur", 5);
    assert_eq!(hits[0].isco, IscoCode::parse("8344").unwrap());
    assert_eq!(hits[0].label, "heftruckchauffeur");
    assert!((hits[0].confidence - 1.0).abs() < 1e-6);
    assert!(n.search("", 5).is_empty());
    assert!(n.search("heftruckchauffeur", 0).is_empty());
}

#[test]
fn results_are_ordered_bounded_and_deterministic() {
    let t = export();
    let a = OccupationNormaliser::new(&t);
    let b = OccupationNormaliser::new(&t);
    for q in ["operator", "chef software", "schoonmaker kok", "x"] {
        let ha = a.search(q, 10);
        assert_eq!(ha, b.search(q, 10), "{q}");
        for w in ha.windows(2) {
            assert!(w[0].confidence > w[1].confidence || (w[0].confidence == w[1].confidence && w[0].uri < w[1].uri));
        }
        assert!(ha.iter().all(|m| (0.0..=1.0).contains(&m.confidence)));
    }
    // Restricting the languages changes which labels can match.
    let en = OccupationNormaliser::with_languages(&t, &["en"]);
    assert!(en.search("heftruckchauffeur", 5).first().is_none_or(|m| m.confidence < 0.9));
}

#[test]
fn malformed_rows_are_reported_with_file_and_line() {
    let err = Taxonomy::load(fixture("bad")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    assert_eq!(err.position().line, Some(4));
    assert!(err.position().file.as_ref().unwrap().ends_with("bad/occupations_en.csv"));
    assert_eq!((err.field(), err.value()), (Some("iscoGroup"), Some("91X2")));

    let opts = LoadOptions { on_error: OnError::Collect, ..LoadOptions::default() };
    let load = Taxonomy::load_with(fixture("bad"), &opts).unwrap();
    assert_eq!(load.taxonomy.occupations().len(), 2);
    let lines: Vec<Option<u64>> = load.rejected.iter().map(|e| e.position().line).collect();
    assert_eq!(lines, [Some(4), Some(5)]);
    assert_eq!(load.rejected[1].kind(), ErrorKind::Syntax);
}

#[test]
fn a_directory_without_occupations_is_a_config_error() {
    let err = Taxonomy::load(fixture("does-not-exist")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    let opts = LoadOptions { languages: vec!["de".into()], ..LoadOptions::default() };
    assert_eq!(Taxonomy::load_with(fixture("export"), &opts).unwrap_err().kind(), ErrorKind::Config);
    let en_only = LoadOptions { languages: vec!["en".into()], ..LoadOptions::default() };
    let t = Taxonomy::load_with(fixture("export"), &en_only).unwrap().taxonomy;
    assert!(t.occupations().iter().all(|o| !o.labels.contains_key("nl")));
}
