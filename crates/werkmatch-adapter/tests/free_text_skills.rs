//! Free-text skills and titles from postings and exports go through the ESCO
//! normalisers (fixture taxonomy in `fixtures/esco/export`): mapped with
//! confidence, or left out and reported with line, field and candidates.

use std::path::PathBuf;

use werkmatch_adapter::csv_export::{read_csv, Mapping};
use werkmatch_adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch_adapter::feed::FeedOptions;
use werkmatch_adapter::jobposting::read_jobpostings;
use werkmatch_adapter::postcode::PostcodeTable;
use werkmatch_adapter::{ErrorKind, OnError};
use werkmatch_core::Jobseeker;

const S: &str = "http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-0000000000";

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn skill(s: &str) -> String {
    format!("{S}{s}")
}

const POSTINGS: &str = r#"[
{"@type":"JobPosting","identifier":"P1","occupationalCategory":"8344","industry":"H",
 "skills":"operate a forklift, teamwerk, underwater basket weaving",
 "jobLocation":{"geo":{"latitude":53.2,"longitude":6.5}}},
{"@type":"JobPosting","identifier":"P2","occupationalCategory":"5120","industry":"I",
 "skills":["Cook meals", {"@type":"DefinedTerm","@id":"http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-0000000000a2"}],
 "jobLocation":{"geo":{"latitude":53.2,"longitude":6.5}}},
{"@type":"JobPosting","identifier":"P3","title":"Heftruckchauffeur","industry":"H",
 "jobLocation":{"geo":{"latitude":53.2,"longitude":6.5}}},
{"@type":"JobPosting","identifier":"P4","title":"aaaa","industry":"H",
 "jobLocation":{"geo":{"latitude":53.2,"longitude":6.5}}}
]"#;

#[test]
fn posting_skills_become_esco_uris_or_are_reported() {
    let t = Taxonomy::load(root().join("fixtures/esco/export")).unwrap();
    let titles = OccupationNormaliser::new(&t);
    let skills = SkillNormaliser::new(&t);
    let mut opts =
        FeedOptions::new().on_error(OnError::Collect).resolver(&t).normaliser(&titles).skill_normaliser(&skills);
    let loaded = read_jobpostings(POSTINGS, None, &mut opts).unwrap();
    let ids: Vec<&str> = loaded.accepted.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["P1", "P2", "P3"]);
    assert_eq!(loaded.accepted[0].skills_essential, [skill("a1"), skill("a5")]);
    assert_eq!(loaded.accepted[1].skills_essential, [skill("a3"), skill("a2")]);
    // The title is confident enough: forklift operator.
    assert_eq!(loaded.accepted[2].isco.as_str(), "8344");
    // "aaaa" gets no occupation, and a posting needs one.
    assert_eq!(loaded.rejected.len(), 1);
    let r = &loaded.rejected[0];
    assert_eq!((r.kind(), r.field(), r.position().line), (ErrorKind::Unresolved, Some("title"), Some(10)));
    assert!(r.to_string().contains("confidence"), "{r}");
    // The unmapped phrase: line and field, not the phrase.
    let unmapped: Vec<_> = loaded.warnings.iter().filter(|w| w.kind() == ErrorKind::Unresolved).collect();
    assert_eq!(unmapped.len(), 1, "{unmapped:?}");
    assert_eq!((unmapped[0].field(), unmapped[0].position().line), (Some("skills_essential[2]"), Some(2)));
    assert!(!unmapped[0].to_string().contains("basket"), "{}", unmapped[0]);

    // --keep-unmapped-skills keeps the phrase as written, still reported.
    let mut opts = FeedOptions::new()
        .on_error(OnError::Collect)
        .resolver(&t)
        .normaliser(&titles)
        .skill_normaliser(&skills)
        .keep_unmapped_skills(true);
    let loaded = read_jobpostings(POSTINGS, None, &mut opts).unwrap();
    assert_eq!(loaded.accepted[0].skills_essential, [skill("a1"), skill("a5"), "underwater basket weaving".into()]);
    assert_eq!(loaded.warnings.iter().filter(|w| w.kind() == ErrorKind::Unresolved).count(), 1);
}

#[test]
fn seeker_export_skills_are_normalised_too() {
    let t = Taxonomy::load(root().join("fixtures/esco/export")).unwrap();
    let skills = SkillNormaliser::new(&t);
    let table = PostcodeTable::read_file(root().join("fixtures/feeds/postcodes_groningen.txt")).unwrap();
    let csv = "klantnummer;postcode;opleidingsniveau;werkervaring;gewenst_beroep;vaardigheden;voorkeur_sector;ervaring_sector;uren;reistijd_max;vervoer;rijbewijs;taalniveau;belastbaarheid;certificaten;doelgroepregister;opmerking\n\
K0001;9711 AB;MBO 2;8344:3;8344;heftruck rijden, teamwerk, qwerty;H;H;24-32;45;fiets;nee;B1;zwaar;;nee;\n";
    let mut opts = FeedOptions::new().on_error(OnError::Collect).postcodes(&table).skill_normaliser(&skills);
    let loaded = read_csv::<Jobseeker>(csv.as_bytes(), None, &Mapping::dutch_default(), &mut opts).unwrap();
    assert_eq!(loaded.rejected.len(), 0, "{:?}", loaded.rejected);
    let s = &loaded.accepted[0];
    assert!(s.skills.contains(&skill("a5")), "{:?}", s.skills);
    assert!(s.skills.iter().all(|x| x.starts_with(S)), "raw text kept: {:?}", s.skills);
    let unmapped: Vec<_> = loaded.warnings.iter().filter(|w| w.kind() == ErrorKind::Unresolved).collect();
    assert!(unmapped
        .iter()
        .all(|w| w.position().line == Some(2) && w.field().is_some_and(|f| f.starts_with("skills["))));
    assert!(unmapped.iter().any(|w| w.field() == Some("skills[2]")), "{unmapped:?}");
}
