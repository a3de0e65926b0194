//! The plan's summary in words, through the project's catalogue
//! ([`crate::text`]: the Dutch in `text/nl.rs`, the English in `text/en.rs`,
//! keys `plan.…`). Returns text; the caller prints it.

use super::report::Summary;
use super::{Mode, Objective};
use crate::text::{Catalogue, Decimal, Label, Lang, Message, Verbatim};

fn pct(n: usize, of: usize) -> Decimal {
    Decimal::new(if of == 0 { 0.0 } else { 100.0 * n as f64 / of as f64 }, 1)
}

/// θ as written on the command line, in the language's decimal style.
struct Theta(f64);

impl Message for Theta {
    fn write_to(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.0.to_string();
        match lang {
            Lang::Nl => f.write_str(&s.replace('.', ",")),
            Lang::En => f.write_str(&s),
        }
    }
}

/// The summary as a few lines of plain text, one per line of the catalogue.
pub fn summary_text(s: &Summary, lang: Lang) -> String {
    let what = match (s.mode, s.objective) {
        (Mode::Stable, _) => Label::PlanStable,
        (_, Some(Objective::Score)) => Label::PlanOptimalScore,
        _ => Label::PlanOptimalPlacements,
    };
    let mean = s.mean_rank.map(|m| Decimal::new(m, 1).text(lang)).unwrap_or_else(|| "-".into());
    let lines = [
        Label::PlanTitle.text_with(
            lang,
            &[("what", &what.text(lang)), ("limit", &Verbatim(s.limit)), ("theta", &Theta(s.min_score))],
        ),
        Label::PlanCohort.text_with(
            lang,
            &[("seekers", &s.seekers), ("vacancies", &s.vacancies), ("positions", &s.positions), ("edges", &s.edges)],
        ),
        Label::PlanPlaced.text_with(
            lang,
            &[
                ("placed", &s.placements),
                ("seekers", &s.seekers),
                ("share", &pct(s.placements, s.seekers)),
                ("weight", &s.total_weight),
            ],
        ),
        Label::PlanFirstChoice.text_with(lang, &[("share", &pct(s.first_choice, s.placements)), ("mean", &mean)]),
        Label::PlanWithout.text_with(
            lang,
            &[
                ("seekers", &s.seekers_without_candidates),
                ("vacancies", &s.vacancies_without_candidates),
                ("outcompeted", &s.outcompeted),
            ],
        ),
        Label::PlanOpen.text_with(lang, &[("open", &s.open_positions)]),
        Label::PlanNaive.text_with(lang, &[("n", &s.naive_conflicts)]),
    ];
    let mut out = lines[0].clone();
    out.push('\n');
    for l in &lines[1..] {
        out.push_str("  ");
        out.push_str(l);
        out.push('\n');
    }
    out
}
