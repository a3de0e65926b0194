//! The hand-made plan fixture (fixtures/plan/README.md works it out): the
//! naive lists collide, greedy assignment and the stable plan place two, the
//! optimal plan three.

use werkmatch::adapter::jsonl::{read_seekers_file, read_vacancies_file};
use werkmatch::adapter::ReadOptions;
use werkmatch::plan::{certify, optimal, reference, stable, CandidateGraph, Mode, Objective, Reason};

fn graph() -> CandidateGraph {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/plan");
    let seekers = read_seekers_file(dir.join("seekers.jsonl"), &ReadOptions::new()).unwrap().accepted;
    let vacancies = read_vacancies_file(dir.join("vacancies.jsonl"), &ReadOptions::new()).unwrap().accepted;
    CandidateGraph::builder().build(&seekers, &vacancies).unwrap()
}

#[test]
fn the_scores_are_as_worked_out() {
    let g = graph();
    let pairs: Vec<(String, String, i64)> = (0..g.edge_count())
        .map(|e| (g.seeker_id(g.edge_seeker(e)).to_string(), g.vacancy_id(g.edge_vacancy(e)).to_string(), g.weight(e)))
        .collect();
    let want = [
        ("S1", "V1", 1_000_000),
        ("S1", "V2", 1_000_000),
        ("S1", "V3", 850_000),
        ("S2", "V1", 850_000),
        ("S3", "V2", 850_000),
    ];
    assert_eq!(pairs, want.map(|(s, v, w)| (s.to_string(), v.to_string(), w)));
}

#[test]
fn optimal_places_more_than_greedy_and_stable() {
    let g = graph();
    let greedy = reference::greedy(&g);
    assert_eq!((greedy.placements(), greedy.total_weight(&g)), (2, 1_850_000));
    let st = stable(&g);
    assert_eq!((st.placements(), st.total_weight(&g)), (2, 1_850_000));
    for objective in [Objective::Placements, Objective::Score] {
        let (p, cert) = optimal(&g, objective);
        assert_eq!(certify(&g, &p, &cert), Ok((3, 2_550_000)));
        let r = p.report(&g, Mode::Optimal, objective);
        let placed: Vec<_> = r.seekers.iter().map(|l| l.vacancy.as_ref().map(|v| v.to_string())).collect();
        assert_eq!(placed, [Some("V3".into()), Some("V1".into()), Some("V2".into()), None]);
        assert_eq!(r.seekers[0].rank, Some(3));
        assert_eq!(r.seekers[3].reason, Some(Reason::NoCandidates));
        let s = &r.summary;
        assert_eq!((s.naive_conflicts, s.first_choice, s.open_positions), (1, 2, 1));
        assert_eq!((s.seekers_without_candidates, s.vacancies_without_candidates), (1, 1));
        assert!((s.mean_rank.unwrap() - 5.0 / 3.0).abs() < 1e-12);
    }
    let r = st.report(&g, Mode::Stable, Objective::Placements);
    assert_eq!(r.seekers[1].reason, Some(Reason::Outcompeted));
    assert_eq!(r.seekers[1].contested, Some(1));
}
