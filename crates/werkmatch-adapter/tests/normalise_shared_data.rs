#![allow(clippy::print_stdout, clippy::print_stderr)]
//! The normalisers on the real development data in `../shared/data` (skipped when it is absent).
//!
//! What this checks: the ranking quality targets of issue #12 on the full
//! development skill spans (MRR@10 ≥ 0.56 HOUSE, ≥ 0.62 TECH) and a regression
//! floor for titles on every 8th development title; that the confidence
//! thresholds keep random strings and "Allround medewerker" unmapped. Speed is
//! not checked here (tests run in debug mode; `examples/eval_skills.rs` measures it).

use std::path::{Path, PathBuf};

use werkmatch_adapter::esco::eval::{read_labelled, RankMetrics};
use werkmatch_adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch_adapter::{normalise_skills, normalise_title};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    if dir.join("esco/v1.1.1").is_dir() && dir.join("testsets").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn skill_mrr(t: &Taxonomy, n: &SkillNormaliser<'_>, spans: &Path) -> RankMetrics {
    let cases = read_labelled(spans, "span", "label").unwrap();
    let ranks: Vec<Option<usize>> = cases
        .iter()
        .map(|c| {
            let want = t.skills_with_preferred_label(&c.answer);
            assert!(!want.is_empty(), "label {:?} is not an ESCO skill", c.answer);
            n.search(&c.phrase, 10).iter().position(|m| want.contains(&m.skill))
        })
        .collect();
    RankMetrics::from_ranks(&ranks)
}

#[test]
fn shared_data_skill_spans_reach_the_targets() {
    let Some(data) = shared() else { return };
    let t = Taxonomy::load(data.join("esco/v1.1.1")).unwrap();
    let n = SkillNormaliser::new(&t);
    let spans = data.join("testsets/skill_spans");
    let house = skill_mrr(&t, &n, &spans.join("house_validation_annotations.csv"));
    let tech = skill_mrr(&t, &n, &spans.join("tech_validation_annotations.csv"));
    eprintln!("HOUSE {house:?}\nTECH {tech:?}");
    assert_eq!((house.n, tech.n), (136, 153));
    assert!(house.mrr >= 0.56, "HOUSE MRR {}", house.mrr);
    assert!(tech.mrr >= 0.62, "TECH MRR {}", tech.mrr);
}

#[test]
fn shared_data_titles_and_thresholds() {
    let Some(data) = shared() else { return };
    let t = Taxonomy::load(data.join("esco/v1.1.1")).unwrap();
    let on = OccupationNormaliser::new(&t);
    let cases = read_labelled(&data.join("testsets/jobbert_titles/titles.csv"), "vacancyTitle", "conceptUri").unwrap();
    let sample: Vec<_> = cases.iter().step_by(8).collect();
    let ranks: Vec<Option<usize>> =
        sample.iter().map(|c| on.search(&c.phrase, 10).iter().position(|m| m.uri == c.answer)).collect();
    let m = RankMetrics::from_ranks(&ranks);
    eprintln!("titles (every 8th) {m:?}");
    // The #12 target (0.40) as a floor on this sample (0.408 here; all development
    // titles 0.402 by `eval_titles`, which is where the target is measured).
    assert!(m.mrr >= 0.40, "title MRR {}", m.mrr);

    let sn = SkillNormaliser::new(&t);
    for q in ["aaaa", "xyz 123", "qwerty", "asdf jkl", "Allround medewerker"] {
        assert!(normalise_title(&on, q, "title").is_err(), "{q:?} got an occupation");
    }
    for q in ["aaaa", "xyz 123", "qwerty", "asdf jkl"] {
        let (ids, _) = normalise_skills(Some(&sn), &[q.to_string()], "skills", false);
        assert!(ids.is_empty(), "{q:?} became {ids:?}");
    }
    // And real ones still map.
    assert_eq!(normalise_title(&on, "heftruckchauffeur", "title").map(|c| c.isco.to_string()), Ok("8344".into()));
    let (ids, unmapped) = normalise_skills(Some(&sn), &["operate a forklift".to_string()], "skills", false);
    assert_eq!((ids.len(), unmapped.len()), (1, 0));
}
