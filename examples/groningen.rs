//! The Groningen report: a synthetic population at the scale of the city's
//! social-assistance caseload, ranked in all three directions, summarised the
//! way a work-and-income department looks at it.
//!
//! ```sh
//! cargo run --release --example groningen            # seed 2019
//! cargo run --release --example groningen -- --seed 7
//! cargo run --release --example groningen -- --lang en   # in English
//! ```
//!
//! Dutch by default: it is the department's report.
//!
//! No real people: the population comes from `werkmatch::adapter::synthetic`,
//! calibrated to the published Groningen figures (see POPULATION.md).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::time::Instant;

#[path = "common/scan_text.rs"]
mod scan_text;

use clap::Parser;
use rayon::prelude::*;
use scan_text::print_caseload;
use werkmatch::adapter::occupation_catalogue;
use werkmatch::adapter::synthetic::{generate, GeneratorConfig, Population};
use werkmatch::plan::{self, CandidateGraph, Mode, Objective};
use werkmatch::rank::{Executor, Matcher, RankOptions, Ranking};
use werkmatch::scan::{summarise, ScanConfig, ScanInput, Scanner};
use werkmatch::score::{self, KnockOut, KnockOuts, ScoringConfig};
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};
use werkmatch::{Jobseeker, Vacancy};

/// Rank a synthetic Groningen-scale population and print a report.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Seed of the synthetic population.
    #[arg(long, default_value_t = 2019)]
    seed: u64,
    /// Matches per seeker and per vacancy.
    #[arg(long, default_value_t = 10, value_parser = at_least_one)]
    top: usize,
    /// Every n-th seeker is used to count knock-out reasons over all vacancies.
    #[arg(long, default_value_t = 10)]
    knockout_sample_every: usize,
    /// Every n-th seeker gets the labour-market value scan (every change, against everyone).
    #[arg(long, default_value_t = 20)]
    scan_sample_every: usize,
    /// Language of the report: nl (Nederlands) or en (English).
    #[arg(long, default_value_t = Lang::Nl)]
    lang: Lang,
}

struct Ranked {
    seeker_to_vacancies: Vec<Ranking>,
    vacancy_to_seekers: Vec<Ranking>,
    seeker_to_employers: Vec<Ranking>,
    note: String,
}

fn rank(cfg: &ScoringConfig, pop: &Population, opts: &RankOptions, lang: Lang) -> Ranked {
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
        note: Label::GroningenKernelNote.text_with(
            lang,
            &[("threads", &rayon::current_num_threads()), ("considered", &considered), ("scored", &scored)],
        ),
    }
}

/// The changes that turn "no match" into "at least one match" for the most
/// people, and the top skill gaps, from the scan of every `step`-th seeker.
fn scan_section(cfg: &ScoringConfig, pop: &Population, step: usize, lang: Lang) {
    let scfg = ScanConfig::default();
    let catalogue = occupation_catalogue::synthetic();
    let scanner = Scanner::new(
        cfg,
        &scfg,
        ScanInput::new(&pop.seekers, &pop.vacancies, &catalogue).with_employers(&pop.employers),
        Executor::Global,
    )
    .unwrap_or_else(|e| panic!("the generator gives unique ids: {e}"));
    let sample: Vec<usize> = (0..pop.seekers.len()).step_by(step).collect();
    let scans: Vec<_> = sample.par_iter().map(|&i| scanner.scan(i)).collect();
    let summary = summarise(&scans, &pop.vacancies, pop.employers.len());
    println!();
    println!("{}", Label::GroningenScan.text_with(lang, &[("sample", &scans.len()), ("step", &step)]));
    print_caseload(&summary, lang, 5, None);
}

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

/// A fraction in the report's style: "12,3" in Dutch, "12.3" in English.
fn num(x: f64, places: usize, lang: Lang) -> String {
    Decimal::new(x, places).text(lang)
}

/// Pads `s` to `width` characters (not bytes: the Dutch texts have é).
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.chars().count())))
}

fn main() {
    let args = Args::parse();
    let cfg = ScoringConfig::default();
    let opts = RankOptions::top(args.top);

    let t = Instant::now();
    let pop = generate(&GeneratorConfig::groningen(args.seed));
    let t_gen = t.elapsed();
    let t = Instant::now();
    let lang = args.lang;
    let ranked = rank(&cfg, &pop, &opts, lang);
    let t_rank = t.elapsed();
    let secs = |d: std::time::Duration| {
        Label::CommonSeconds.text_with(lang, &[("seconds", &Decimal::new(d.as_secs_f64(), 2))])
    };

    let title = Label::GroningenTitle.text_with(lang, &[("seed", &args.seed)]);
    println!("{title}");
    println!("{}", "=".repeat(title.chars().count()));
    let summary = Label::GroningenSummary.text_with(
        lang,
        &[
            ("seekers", &pop.seekers.len()),
            ("vacancies", &pop.vacancies.len()),
            ("employers", &pop.employers.len()),
            ("generated", &secs(t_gen)),
            ("k", &args.top),
            ("ranked", &secs(t_rank)),
            ("note", &ranked.note),
        ],
    );
    println!("{summary}");

    // Reach: seekers with at least one match.
    let s2v = &ranked.seeker_to_vacancies;
    let s2e = &ranked.seeker_to_employers;
    let with_vacancy = s2v.iter().filter(|r| !r.matches.is_empty()).count();
    let with_employer = s2e.iter().filter(|r| !r.matches.is_empty()).count();
    let with_either = s2v.iter().zip(s2e).filter(|(a, b)| !a.matches.is_empty() || !b.matches.is_empty()).count();
    let vac_with_candidate = ranked.vacancy_to_seekers.iter().filter(|r| !r.matches.is_empty()).count();
    println!();
    println!("{}", Label::GroningenReach.text(lang));
    let rows = [
        (Label::GroningenWithVacancy, with_vacancy, s2v.len()),
        (Label::GroningenWithHiddenJob, with_employer, s2e.len()),
        (Label::GroningenWithEither, with_either, s2v.len()),
        (Label::GroningenVacancyWithCandidate, vac_with_candidate, ranked.vacancy_to_seekers.len()),
    ];
    let width = rows.iter().map(|r| r.0.text(lang).chars().count()).max().unwrap_or(0) + 2;
    for (label, n, total) in rows {
        let of = Label::CommonOf.text_with(lang, &[("n", &format!("{n:>6}")), ("total", &format!("{total:>6}"))]);
        println!("  {}{of} ({}%)", pad(&label.text(lang), width), num(pct(n, total), 1, lang));
    }

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
    println!("{}", Label::GroningenLevels.text(lang));
    let cols = [Label::GroningenColLevel, Label::GroningenColSeekers, Label::GroningenColPositions];
    let w: Vec<usize> = [8, 17, 17].iter().zip(cols).map(|(w, c)| (*w).max(c.text(lang).chars().count() + 2)).collect();
    println!(
        "  {}{}{}{}",
        pad(&cols[0].text(lang), w[0]),
        pad(&cols[1].text(lang), w[1]),
        pad(&cols[2].text(lang), w[2]),
        Label::GroningenColPerSeeker.text(lang)
    );
    for l in 1..=4 {
        let (s, v) = (seekers_by_level[l], vacancies_by_level[l]);
        let seekers = format!("{s:>6} ({:>4}%)", num(pct(s, pop.seekers.len()), 1, lang));
        let positions = format!("{v:>6} ({:>4}%)", num(pct(v, vacancies_by_level.iter().sum()), 1, lang));
        let per = num(if s == 0 { 0.0 } else { v as f64 / s as f64 }, 2, lang);
        println!("  {}{}{}{per:>6}", pad(&l.to_string(), w[0]), pad(&seekers, w[1]), pad(&positions, w[2]));
    }

    // Knock-out reasons over all vacancies for a sample of seekers.
    let sample: Vec<&Jobseeker> = pop.seekers.iter().step_by(args.knockout_sample_every.max(1)).collect();
    let counts = sample
        .par_iter()
        .map(|s| {
            let mut all = [0u64; KnockOut::ALL.len()];
            let mut only = [0u64; KnockOut::ALL.len()];
            let mut in_reach_any = [0u64; KnockOut::ALL.len()];
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
            || ([0u64; KnockOut::ALL.len()], [0u64; KnockOut::ALL.len()], [0u64; KnockOut::ALL.len()]),
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
    let heading = Label::GroningenKnockouts.text_with(
        lang,
        &[
            ("sample", &sample.len()),
            ("step", &args.knockout_sample_every),
            ("vacancies", &pop.vacancies.len()),
            ("pairs", &pairs),
        ],
    );
    println!("{heading}");
    let mut order: Vec<KnockOut> = KnockOut::ALL.to_vec();
    order.sort_by_key(|k| std::cmp::Reverse(counts.0[*k as usize]));
    let reason_w = order.iter().map(|k| k.text(lang).chars().count()).chain([13]).max().unwrap_or(13) + 2;
    let all_w = Label::GroningenColAllPairs.text(lang).chars().count().max(9) + 3;
    let reach_w = Label::GroningenColWithinReach.text(lang).chars().count().max(9) + 3;
    println!(
        "  {}{}{}{}",
        pad(&Label::GroningenColReason.text(lang), reason_w),
        pad(&Label::GroningenColAllPairs.text(lang), all_w),
        pad(&Label::GroningenColWithinReach.text(lang), reach_w),
        Label::GroningenColOnlyReason.text(lang)
    );
    for k in order {
        let i = k as usize;
        let share = |n: u64| format!("{:>6}%", num(100.0 * n as f64 / pairs.max(1) as f64, 1, lang));
        println!(
            "  {}{}{}{:>9}",
            pad(&k.text(lang), reason_w),
            pad(&share(counts.0[i]), all_w),
            pad(&share(counts.1[i]), reach_w),
            counts.2[i]
        );
    }

    plan_paragraph(&cfg, &pop, lang);
    // The labour-market value scan of a sample (competitors: everyone).
    scan_section(&cfg, &pop, args.scan_sample_every.max(1), lang);

    // One sample seeker, explained.
    let by_id: BTreeMap<&str, &Vacancy> = pop.vacancies.iter().map(|v| (v.id.as_str(), v)).collect();
    if let Some(r) = s2v.iter().find(|r| r.matches.len() >= 3) {
        if let Some(s) = pop.seekers.iter().find(|s| s.id == r.subject) {
            println!();
            let modes = s.mobility.modes().iter().map(|m| m.text(lang)).collect::<Vec<_>>().join("/");
            let line = Label::GroningenSampleSeeker.text_with(
                lang,
                &[
                    ("id", &Verbatim(&s.id)),
                    ("education", &s.education),
                    ("level", &score::seeker_level(s).get()),
                    ("minutes", &s.mobility.max_minutes()),
                    ("modes", &modes),
                ],
            );
            println!("{line}");
            for m in r.matches.iter().take(3) {
                if let Some(v) = by_id.get(m.id.as_str()) {
                    println!();
                    let sector = v.sector.map_or_else(|| Label::CommonSectorUnknown.text(lang), |n| n.to_string());
                    println!("  {} {} (ISCO {}, {sector})", m.id, v.title.as_deref().unwrap_or(""), v.isco);
                    for line in score::explain(&cfg, s, v).text(lang).lines() {
                        println!("    {line}");
                    }
                }
            }
        }
    }
}

/// The placement plan against the naive top lists (PLAN.md, the plan example).
fn plan_paragraph(cfg: &ScoringConfig, pop: &Population, lang: Lang) {
    let t = Instant::now();
    let g = CandidateGraph::builder()
        .config(cfg.clone())
        .build(&pop.seekers, &pop.vacancies)
        .unwrap_or_else(|e| panic!("the generator gives unique ids: {e}"));
    let (p, _) = plan::optimal(&g, Objective::Placements);
    let s = p.report(&g, Mode::Optimal, Objective::Placements).summary;
    let seconds = Label::CommonSeconds.text_with(lang, &[("seconds", &Decimal::new(t.elapsed().as_secs_f64(), 2))]);
    let heading = &[
        ("limit", &Verbatim(s.limit) as &dyn Message),
        ("theta", &Decimal::new(s.min_score, 1)),
        ("seconds", &seconds),
    ];
    println!();
    println!("{}", Label::GroningenPlanHeading.text_with(lang, heading));
    println!("  {}", Label::GroningenPlanNaive.text_with(lang, &[("n", &s.naive_conflicts)]));
    let share = Decimal::new(pct(s.placements, s.seekers), 1);
    let first = Decimal::new(100.0 * s.share_first_choice, 1);
    let placed = &[
        ("placed", &s.placements as &dyn Message),
        ("seekers", &s.seekers),
        ("share", &share),
        ("first", &first),
        ("open", &s.open_positions),
    ];
    println!("  {}", Label::GroningenPlanPlaced.text_with(lang, placed));
}

/// `--top`: a whole number of at least 1, checked before any work (a usage error).
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1 (0 would list nothing)".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("not a whole number: {text:?}")),
    }
}
