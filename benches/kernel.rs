//! Criterion benchmarks of the ranking kernel.
//!
//! What's measured: wall time of one full batch run (every subject, top-10)
//! of the kernel, from prepared indexes (index building is measured
//! separately), at several population sizes (`BenchmarkId` = number of
//! seekers × vacancies), sequentially (`Executor::CurrentThread`) and on a
//! 2-thread pool; the reference ranker on the smallest size for comparison;
//! and one seeker's query against 50,000 vacancies. Populations come from a
//! seeded generator (`kernel_support`), so runs are comparable.

#![allow(missing_docs)]

mod kernel_support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rayon::ThreadPoolBuilder;
use werkmatch::rank::{reference, Executor, Matcher, RankOptions, VacancyIndex};
use werkmatch::score::ScoringConfig;

fn batches(c: &mut Criterion) {
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(10);
    let Ok(pool) = ThreadPoolBuilder::new().num_threads(2).build() else { return };
    let mut g = c.benchmark_group("kernel_seeker_to_vacancies");
    g.sample_size(10);
    for (ns, nv) in [(1_000usize, 2_000usize), (5_000, 10_000), (10_356, 20_000)] {
        let p = kernel_support::groningen(42, ns, nv, 0);
        let Ok(m) = Matcher::builder().config(cfg.clone()).vacancies(&p.vacancies).seekers(&p.seekers).build() else {
            return;
        };
        let size = format!("{ns}x{nv}");
        g.bench_with_input(BenchmarkId::new("sequential", &size), &p, |b, p| {
            b.iter(|| m.seeker_to_vacancies(&p.seekers, &opts, Executor::CurrentThread))
        });
        g.bench_with_input(BenchmarkId::new("parallel_2", &size), &p, |b, p| {
            b.iter(|| m.seeker_to_vacancies(&p.seekers, &opts, Executor::Pool(&pool)))
        });
        g.bench_with_input(BenchmarkId::new("reverse_sequential", &size), &p, |b, p| {
            b.iter(|| m.vacancy_to_seekers(&p.vacancies, &opts, Executor::CurrentThread))
        });
        g.bench_with_input(BenchmarkId::new("reverse_parallel_2", &size), &p, |b, p| {
            b.iter(|| m.vacancy_to_seekers(&p.vacancies, &opts, Executor::Pool(&pool)))
        });
        if ns == 1_000 {
            g.bench_with_input(BenchmarkId::new("reference", &size), &p, |b, p| {
                b.iter(|| reference::seeker_to_vacancies(&cfg, &p.seekers, &p.vacancies, &opts))
            });
        }
    }
    g.finish();
}

fn building_and_queries(c: &mut Criterion) {
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(10);
    let p = kernel_support::national(7, 1_000, 50_000, 0);
    let mut g = c.benchmark_group("kernel_index");
    g.sample_size(10);
    g.bench_function(BenchmarkId::new("build_vacancy_index", 50_000), |b| {
        b.iter(|| VacancyIndex::build(&cfg, &p.vacancies))
    });
    g.finish();
    let Ok(ix) = VacancyIndex::build(&cfg, &p.vacancies) else { return };
    let mut i = 0;
    c.bench_function("kernel_query_one_seeker_50000_vacancies", |b| {
        b.iter(|| {
            i = (i + 1) % p.seekers.len();
            ix.top_for(&p.seekers[i], &opts)
        })
    });
}

criterion_group!(benches, batches, building_and_queries);
criterion_main!(benches);
