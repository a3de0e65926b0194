//! The Groningen report: a synthetic population at the scale of the city's
//! social-assistance caseload, ranked in all three directions, summarised the
//! way a work-and-income department looks at it.
//!
//! ```sh
//! cargo run --release --example groningen            # seed 2019
//! cargo run --release --example groningen -- --seed 7
//! ```
//!
//! No real people: the population comes from `werkmatch::adapter::synthetic`,
//! calibrated to the published Groningen figures (see POPULATION.md).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;
use werkmatch::adapter::synthetic::{generate, GeneratorConfig, Population};
use werkmatch::plan::{self, CandidateGraph, Mode, Objective};
use werkmatch::rank::{Executor, Matcher, RankOptions, Ranking};
use werkmatch::score::{self, KnockOut, KnockOuts, ScoringConfig};
use werkmatch::{Jobseeker, Vacancy};

/// Rank a synthetic Groningen-scale population and print a report.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Seed of the synthetic population.
    #[arg(long, default_value_t = 2019)]
    seed: u64,
    /// Matches per seeker and per vacancy.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Every n-th seeker is used to count knock-out reasons over all vacancies.
    #[arg(long, default_value_t = 10)]
    knockout_sample_every: usize,
}

struct Ranked {
    seeker_to_vacancies: Vec<Ranking>,
    vacancy_to_seekers: Vec<Ranking>,
    seeker_to_employers: Vec<Ranking>,
    note: String,
}

fn rank(cfg: &ScoringConfig, pop: &Population, opts: &RankOptions) -> Ranked {
    // The exact kernel over the whole population, on rayon's global pool.
    let matcher = Matcher::builder()
        .config(cfg.clone())
        .vacancies(&pop.vacancies)
        .seekers(&pop.seekers)
        .employers(&pop.employers)
        .build()
        .unwrap_or_else(|e| panic!("the generator gives unique ids: {e}"));
    let (s2v, a) = matcher.seeker_to_vacancies(&pop.seekers, opts, Executor::Global);
    let (v2s, b) = matcher.vacancy_to_seekers(&pop.vacancies, opts, Executor::Global);
    let (s2e, c) = matcher.seeker_to_employers(&pop.seekers, opts, Executor::Global);
    let considered = a.pairs_considered + b.pairs_considered + c.pairs_considered;
    let scored = a.pairs_scored + b.pairs_scored + c.pairs_scored;
    Ranked {
        seeker_to_vacancies: s2v,
        vacancy_to_seekers: v2s,
        seeker_to_employers: s2e,
        note: format!(
            "exact kernel, {} threads; {considered} pairs past the spatial index, {scored} fully scored",
            rayon::current_num_threads()
        ),
    }
}

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

fn main() {
    let args = Args::parse();
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(args.top);

    let t = Instant::now();
    let pop = generate(&GeneratorConfig::groningen(args.seed));
    let t_gen = t.elapsed();
    let t = Instant::now();
    let ranked = rank(&cfg, &pop, &opts);
    let t_rank = t.elapsed();

    println!("werkmatch: Groningen report (synthetic population, seed {})", args.seed);
    println!("==========================================================");
    println!(
        "{} jobseekers, {} vacancies, {} employers without a vacancy; generated in {:.2?}, ranked top-{} in all three directions in {:.2?} ({})",
        pop.seekers.len(),
        pop.vacancies.len(),
        pop.employers.len(),
        t_gen,
        args.top,
        t_rank,
        ranked.note
    );

    // Reach: seekers with at least one match.
    let s2v = &ranked.seeker_to_vacancies;
    let s2e = &ranked.seeker_to_employers;
    let with_vacancy = s2v.iter().filter(|r| !r.matches.is_empty()).count();
    let with_employer = s2e.iter().filter(|r| !r.matches.is_empty()).count();
    let with_either = s2v.iter().zip(s2e).filter(|(a, b)| !a.matches.is_empty() || !b.matches.is_empty()).count();
    let vac_with_candidate = ranked.vacancy_to_seekers.iter().filter(|r| !r.matches.is_empty()).count();
    println!();
    println!("Reach");
    println!(
        "  seekers with at least one vacancy        {:>6} of {:>6} ({:.1}%)",
        with_vacancy,
        s2v.len(),
        pct(with_vacancy, s2v.len())
    );
    println!(
        "  seekers with at least one hidden job     {:>6} of {:>6} ({:.1}%)",
        with_employer,
        s2e.len(),
        pct(with_employer, s2e.len())
    );
    println!(
        "  seekers with either                      {:>6} of {:>6} ({:.1}%)",
        with_either,
        s2v.len(),
        pct(with_either, s2v.len())
    );
    println!(
        "  vacancies with at least one candidate    {:>6} of {:>6} ({:.1}%)",
        vac_with_candidate,
        ranked.vacancy_to_seekers.len(),
        pct(vac_with_candidate, ranked.vacancy_to_seekers.len())
    );

    // The level mismatch.
    let mut seekers_by_level = [0usize; 5];
    for s in &pop.seekers {
        seekers_by_level[score::seeker_level(s).get() as usize] += 1;
    }
    let mut vacancies_by_level = [0usize; 5];
    for v in &pop.vacancies {
        vacancies_by_level[v.skill_level().get() as usize] += usize::from(v.positions.get());
    }
    println!();
    println!("Skill level (ISCO 1-4): seekers against open positions");
    println!("  level   seekers          positions        positions per seeker");
    for l in 1..=4 {
        let (s, v) = (seekers_by_level[l], vacancies_by_level[l]);
        println!(
            "  {l}       {s:>6} ({:>4.1}%)   {v:>6} ({:>4.1}%)   {:>6.2}",
            pct(s, pop.seekers.len()),
            pct(v, vacancies_by_level.iter().sum()),
            if s == 0 { 0.0 } else { v as f64 / s as f64 }
        );
    }

    // Knock-out reasons over all vacancies for a sample of seekers.
    let sample: Vec<&Jobseeker> = pop.seekers.iter().step_by(args.knockout_sample_every.max(1)).collect();
    let counts = sample
        .par_iter()
        .map(|s| {
            let mut all = [0u64; 8];
            let mut only = [0u64; 8];
            let mut in_reach_any = [0u64; 8];
            for v in &pop.vacancies {
                let ko: KnockOuts = score::knockouts(&cfg, s, v);
                for k in ko.iter() {
                    all[k as usize] += 1;
                    if !ko.contains(KnockOut::Travel) {
                        in_reach_any[k as usize] += 1;
                    }
                }
                if ko.len() == 1 {
                    only[ko.iter().next().map_or(0, |k| k as usize)] += 1;
                }
            }
            (all, in_reach_any, only)
        })
        .reduce(
            || ([0u64; 8], [0u64; 8], [0u64; 8]),
            |mut a, b| {
                for i in 0..8 {
                    a.0[i] += b.0[i];
                    a.1[i] += b.1[i];
                    a.2[i] += b.2[i];
                }
                a
            },
        );
    let pairs = (sample.len() * pop.vacancies.len()) as u64;
    println!();
    println!(
        "Knock-out reasons ({} seekers, every {}th, against all {} vacancies: {} pairs)",
        sample.len(),
        args.knockout_sample_every,
        pop.vacancies.len(),
        pairs
    );
    println!("  reason         all pairs   pairs within reach   the only reason (near misses)");
    let mut order: Vec<KnockOut> = KnockOut::ALL.to_vec();
    order.sort_by_key(|k| std::cmp::Reverse(counts.0[*k as usize]));
    for k in order {
        let i = k as usize;
        println!(
            "  {:<13} {:>6.1}%      {:>6.1}%              {:>9}",
            k.name(),
            100.0 * counts.0[i] as f64 / pairs.max(1) as f64,
            100.0 * counts.1[i] as f64 / pairs.max(1) as f64,
            counts.2[i]
        );
    }

    plan_paragraph(&cfg, &pop);

    // One sample seeker, explained.
    let by_id: BTreeMap<&str, &Vacancy> = pop.vacancies.iter().map(|v| (v.id.as_str(), v)).collect();
    if let Some(r) = s2v.iter().find(|r| r.matches.len() >= 3) {
        if let Some(s) = pop.seekers.iter().find(|s| s.id == r.subject) {
            println!();
            println!(
                "Sample seeker {}: education {}, level {}, {} min by {}",
                s.id,
                s.education.name(),
                score::seeker_level(s),
                s.mobility.max_minutes(),
                s.mobility.modes().iter().map(|m| m.name()).collect::<Vec<_>>().join("/")
            );
            for m in r.matches.iter().take(3) {
                if let Some(v) = by_id.get(m.id.as_str()) {
                    println!();
                    println!("  {} {} (ISCO {}, {})", m.id, v.title.as_deref().unwrap_or(""), v.isco, v.sector);
                    for line in score::explain(&cfg, s, v).to_string().lines() {
                        println!("    {line}");
                    }
                }
            }
        }
    }
}

/// The placement plan against the naive top lists (PLAN.md, the plan example).
fn plan_paragraph(cfg: &ScoringConfig, pop: &Population) {
    let t = Instant::now();
    let g = CandidateGraph::builder()
        .config(cfg.clone())
        .build(&pop.seekers, &pop.vacancies)
        .unwrap_or_else(|e| panic!("the generator gives unique ids: {e}"));
    let (p, _) = plan::optimal(&g, Objective::Placements);
    let s = p.report(&g, Mode::Optimal, Objective::Placements).summary;
    println!();
    println!("Placement plan (optimal, L = {}, score at least {}; {:.2?})", s.limit, s.min_score, t.elapsed());
    println!(
        "  the naive lists propose {} seekers to more than one vacancy (among its first `positions`);\n  one consistent plan places {} of {} seekers ({:.1}%), {:.1}% in their first choice, {} positions stay open",
        s.naive_conflicts,
        s.placements,
        s.seekers,
        pct(s.placements, s.seekers),
        100.0 * s.share_first_choice,
        s.open_positions
    );
}
