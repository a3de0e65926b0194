//! The plan's summary in words, Dutch (the default) and English, side by
//! side in this one file so that a translation is checked against its
//! original at a glance. Returns text; the caller prints it.

use super::report::Summary;
use super::{Mode, Objective};

/// The language of people-facing text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Dutch (the default).
    #[default]
    Nl,
    /// English.
    En,
}

/// `x` with one decimal, a decimal comma in Dutch.
fn dec(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

fn pct(n: usize, of: usize, lang: Lang) -> String {
    dec(if of == 0 { 0.0 } else { 100.0 * n as f64 / of as f64 }, lang)
}

/// The summary as a few lines of plain text.
pub fn summary_text(s: &Summary, lang: Lang) -> String {
    let what = match (lang, s.mode, s.objective) {
        (Lang::Nl, Mode::Stable, _) => "stabiel plan (werkzoekenden kiezen, vacatures houden de besten)",
        (Lang::Nl, _, Some(Objective::Score)) => "optimaal plan: de hoogste totale score",
        (Lang::Nl, _, _) => "optimaal plan: zoveel mogelijk plaatsingen, dan de hoogste totale score",
        (Lang::En, Mode::Stable, _) => "stable plan (seekers propose, vacancies keep the best)",
        (Lang::En, _, Some(Objective::Score)) => "optimal plan: the highest total score",
        (Lang::En, _, _) => "optimal plan: the most placements, then the highest total score",
    };
    let theta = match lang {
        Lang::Nl => format!("{}", s.min_score).replace('.', ","),
        Lang::En => format!("{}", s.min_score),
    };
    let mean = s.mean_rank.map(|m| dec(m, lang)).unwrap_or_else(|| "-".into());
    let first = pct(s.first_choice, s.placements, lang);
    let placed = pct(s.placements, s.seekers, lang);
    match lang {
        Lang::Nl => format!(
            "Plaatsingsplan ({what}; L = {}, θ = {theta})\n\
             \x20 {} werkzoekenden, {} vacatures met {} plaatsen; {} kandidaatparen\n\
             \x20 geplaatst: {} van de {} werkzoekenden ({placed}%); totaal gewicht {}\n\
             \x20 eerste keus: {first}% van de geplaatsten; gemiddelde plek in de eigen lijst {mean}\n\
             \x20 zonder kandidaten: {} werkzoekenden, {} vacatures; niet geplaatst omdat anderen de plek kregen: {}\n\
             \x20 open plaatsen: {}\n\
             \x20 naïeve toplijsten: {} werkzoekenden staan bij meer dan één vacature bovenaan (de dubbele voorstellen die het plan oplost)\n",
            s.limit,
            s.seekers,
            s.vacancies,
            s.positions,
            s.edges,
            s.placements,
            s.seekers,
            s.total_weight,
            s.seekers_without_candidates,
            s.vacancies_without_candidates,
            s.outcompeted,
            s.open_positions,
            s.naive_conflicts,
        ),
        Lang::En => format!(
            "Placement plan ({what}; L = {}, θ = {theta})\n\
             \x20 {} seekers, {} vacancies with {} positions; {} candidate pairs\n\
             \x20 placed: {} of {} seekers ({placed}%); total weight {}\n\
             \x20 first choice: {first}% of those placed; mean position in their own list {mean}\n\
             \x20 without candidates: {} seekers, {} vacancies; not placed because others got the place: {}\n\
             \x20 open positions: {}\n\
             \x20 naive top lists: {} seekers are at the top of more than one vacancy's list (the double proposals the plan resolves)\n",
            s.limit,
            s.seekers,
            s.vacancies,
            s.positions,
            s.edges,
            s.placements,
            s.seekers,
            s.total_weight,
            s.seekers_without_candidates,
            s.vacancies_without_candidates,
            s.outcompeted,
            s.open_positions,
            s.naive_conflicts,
        ),
    }
}
