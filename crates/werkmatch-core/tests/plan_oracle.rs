//! The plans against their plain oracles (`plan::reference`) on random
//! graphs: the optimal plan reaches the exhaustive optimum (both objectives)
//! and carries a valid dual certificate; the stable plan equals textbook
//! deferred acceptance and has no blocking pair; every plan is feasible; and
//! nothing depends on the input order.

use std::num::NonZeroU16;

use proptest::prelude::*;
use werkmatch_core::plan::{certify, optimal, reference, stable, CandidateGraph, Limit, Mode, Objective, Plan};
use werkmatch_core::Id;

/// A random bipartite instance: seekers, vacancies with positions, scored pairs.
#[derive(Clone, Debug)]
struct Instance {
    seekers: Vec<Id>,
    vacancies: Vec<(Id, NonZeroU16)>,
    pairs: Vec<(u32, u32, f64)>,
}

impl Instance {
    fn graph(&self, limit: Limit, min_score: f64) -> CandidateGraph {
        CandidateGraph::from_pairs(self.seekers.clone(), self.vacancies.clone(), self.pairs.clone(), limit, min_score)
            .unwrap()
    }

    /// The same instance with records and pairs in another order.
    fn permuted(&self, seed: u64) -> Instance {
        let mut r = seed | 1;
        let mut next = move |n: usize| {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            (r % n.max(1) as u64) as usize
        };
        let perm = |n: usize, next: &mut dyn FnMut(usize) -> usize| {
            let mut p: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                p.swap(i, next(i + 1));
            }
            p
        };
        let ps = perm(self.seekers.len(), &mut next);
        let pv = perm(self.vacancies.len(), &mut next);
        let mut inv_s = vec![0; ps.len()];
        ps.iter().enumerate().for_each(|(i, &o)| inv_s[o] = i as u32);
        let mut inv_v = vec![0; pv.len()];
        pv.iter().enumerate().for_each(|(i, &o)| inv_v[o] = i as u32);
        let mut pairs: Vec<_> = self.pairs.iter().map(|&(s, v, x)| (inv_s[s as usize], inv_v[v as usize], x)).collect();
        let pp = perm(pairs.len(), &mut next);
        pairs = pp.iter().map(|&i| pairs[i]).collect();
        Instance {
            seekers: ps.iter().map(|&i| self.seekers[i].clone()).collect(),
            vacancies: pv.iter().map(|&i| self.vacancies[i].clone()).collect(),
            pairs,
        }
    }
}

/// Scores from a small set (so that ties are common) or anywhere in [0, 1].
fn score() -> impl Strategy<Value = f64> {
    prop_oneof![prop::sample::select(vec![0.5, 0.6, 0.75, 0.9, 1.0]), 0.0f64..=1.0]
}

fn instance(max_s: usize, max_v: usize, max_pos: u16) -> impl Strategy<Value = Instance> {
    (0..=max_s, 1..=max_v).prop_flat_map(move |(ns, nv)| {
        (prop::collection::vec(1..=max_pos, nv), prop::collection::vec(prop::option::weighted(0.5, score()), ns * nv))
            .prop_map(move |(pos, cells)| {
                // Ids whose byte order differs from the index order.
                let seekers = (0..ns).map(|i| Id::new(format!("S{}", (i * 7) % 11 + 10 * i)).unwrap()).collect();
                let vacancies = pos
                    .iter()
                    .enumerate()
                    .map(|(j, &p)| (Id::new(format!("V{}", 100 - j)).unwrap(), NonZeroU16::new(p).unwrap()))
                    .collect();
                let pairs = cells
                    .iter()
                    .enumerate()
                    .filter_map(|(c, x)| x.map(|x| ((c / nv) as u32, (c % nv) as u32, x)))
                    .collect();
                Instance { seekers, vacancies, pairs }
            })
    })
}

fn value(g: &CandidateGraph, p: &Plan) -> (usize, i64) {
    (p.placements(), p.total_weight(g))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn optimal_equals_exhaustive_search(inst in instance(7, 4, 3), min_score in prop::sample::select(vec![0.0, 0.5, 0.7])) {
        let g = inst.graph(Limit::All, min_score);
        for objective in [Objective::Placements, Objective::Score] {
            let (plan, cert) = optimal(&g, objective);
            prop_assert!(plan.check_feasible(&g).is_ok());
            let want = reference::exhaustive(&g, objective);
            match objective {
                Objective::Placements => prop_assert_eq!(value(&g, &plan), want),
                Objective::Score => prop_assert_eq!(plan.total_weight(&g), want.1),
            }
            prop_assert_eq!(certify(&g, &plan, &cert), Ok(value(&g, &plan)));
        }
    }

    #[test]
    fn limited_graphs_too(inst in instance(7, 4, 2), l in 1usize..3) {
        let g = inst.graph(Limit::Top(l), 0.0);
        for objective in [Objective::Placements, Objective::Score] {
            let (plan, cert) = optimal(&g, objective);
            let want = reference::exhaustive(&g, objective);
            prop_assert_eq!(plan.total_weight(&g), want.1);
            prop_assert!(certify(&g, &plan, &cert).is_ok());
        }
    }

    #[test]
    fn stable_equals_textbook_deferred_acceptance(inst in instance(12, 6, 3)) {
        let g = inst.graph(Limit::All, 0.0);
        let plan = stable(&g);
        prop_assert!(plan.check_feasible(&g).is_ok());
        prop_assert_eq!(reference::blocking_pairs(&g, &plan), Vec::<usize>::new());
        prop_assert_eq!(&plan, &reference::deferred_acceptance(&g));
    }

    #[test]
    fn plans_do_not_depend_on_input_order(inst in instance(12, 6, 3), seed in any::<u64>()) {
        let (a, b) = (inst.graph(Limit::Top(2), 0.0), inst.permuted(seed).graph(Limit::Top(2), 0.0));
        prop_assert_eq!(&a, &b);
        for objective in [Objective::Placements, Objective::Score] {
            let (pa, pb) = (optimal(&a, objective).0, optimal(&b, objective).0);
            prop_assert_eq!(pa.report(&a, Mode::Optimal, objective), pb.report(&b, Mode::Optimal, objective));
        }
        prop_assert_eq!(stable(&a).report(&a, Mode::Stable, Objective::Placements), stable(&b).report(&b, Mode::Stable, Objective::Placements));
    }

    /// Larger instances, beyond exhaustive search: the certificate proves the
    /// optimum, and no other plan (stable, greedy) beats it.
    #[test]
    fn certificates_on_larger_instances(inst in instance(60, 25, 4)) {
        let g = inst.graph(Limit::Top(5), 0.5);
        let (p, cert) = optimal(&g, Objective::Placements);
        prop_assert_eq!(certify(&g, &p, &cert), Ok(value(&g, &p)));
        for other in [stable(&g), reference::greedy(&g)] {
            prop_assert!(other.check_feasible(&g).is_ok());
            prop_assert!(value(&g, &other) <= value(&g, &p));
        }
        let (q, cert) = optimal(&g, Objective::Score);
        prop_assert_eq!(certify(&g, &q, &cert), Ok(value(&g, &q)));
        prop_assert!(q.total_weight(&g) >= p.total_weight(&g));
        prop_assert!(q.placements() <= p.placements());
    }
}

#[test]
fn a_certificate_rejects_a_plan_that_is_not_optimal() {
    // S1 has one choice (V1), S2 two (V1 best, V2): greedy gives V1 to S2 and strands S1.
    let ids = |xs: &[&str]| xs.iter().map(|x| Id::new(*x).unwrap()).collect::<Vec<_>>();
    let one = NonZeroU16::MIN;
    let vacancies = ids(&["V1", "V2"]).into_iter().map(|v| (v, one)).collect();
    let pairs = vec![(0, 0, 0.6), (1, 0, 0.9), (1, 1, 0.8)];
    let g = CandidateGraph::from_pairs(ids(&["S1", "S2"]), vacancies, pairs, Limit::All, 0.5).unwrap();
    let greedy = reference::greedy(&g);
    assert_eq!(greedy.placements(), 1);
    let (best, cert) = optimal(&g, Objective::Placements);
    assert_eq!(certify(&g, &best, &cert), Ok((2, 1_400_000)));
    assert!(certify(&g, &greedy, &cert).is_err());
}
