//! The labour-market value scan's report (SCAN.md section 5): the jobcoach
//! page for one seeker ([`seeker_page`]) and the policy page for a caseload
//! ([`caseload_page`]). Both render the very structs the scan tool writes as
//! JSON (`--json` and `--summary`), so every number on a page is a number of
//! the JSON: counts as they are, shares in the language's number style.
//!
//! Skills and occupations are shown by their label where the caller's
//! [`Names`] knows one (the ESCO taxonomy, the synthetic vocabulary's titles),
//! else by id; the ids stay in the JSON.
//!
//! ```
//! use werkmatch_core::scan::summarise;
//! use werkmatch_core::text::Lang;
//!
//! let empty = summarise(&[], &[], 0); // no seekers: every count 0
//! let html = werkmatch_report::scan::caseload_page(&empty, &|_: &str| None, Lang::Nl);
//! assert!(html.contains("<h1>Arbeidsmarktwaardescan van het bestand</h1>"));
//! assert!(html.contains("<svg") && !html.contains("<script"));
//! ```

mod caseload;
mod seeker;

pub use caseload::caseload_page;
pub use seeker::seeker_page;

use werkmatch_core::scan::Change;
use werkmatch_core::text::{Catalogue, Decimal, Label, Lang, Message};

/// The display name of a skill or occupation id, `None` when unknown (the id is shown).
pub type Names<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A concept by its label, else its id.
fn name(names: Names<'_>, id: &str) -> String {
    names(id).unwrap_or_else(|| id.to_owned())
}

/// A change in words, with a skill shown by its label.
fn change_words(c: &Change, names: Names<'_>, lang: Lang) -> String {
    match c {
        Change::Skill(x) => Change::Skill(name(names, x)).text(lang),
        other => other.text(lang),
    }
}

/// A change id of the summary in words (an id that is no change is shown as it is).
fn change_id_words(id: &str, names: Names<'_>, lang: Lang) -> String {
    id.parse::<Change>().map_or_else(|_| id.to_owned(), |c| change_words(&c, names, lang))
}

/// A count as the pages show it (no grouping, as in the JSON).
fn count(n: u64) -> String {
    n.to_string()
}

/// A fraction in 0..=1 as a percentage with `places` decimals: "1,25" in Dutch.
fn percent(x: f64, places: usize, lang: Lang) -> String {
    Decimal::new(100.0 * x, places).text(lang)
}

/// "niveau 3" / "level 3".
fn level_name(level: u8, lang: Lang) -> String {
    Label::ReportScanLevelN.text_with(lang, &[("level", &level)])
}

/// `fmt` for charts of whole counts.
fn whole(x: f64) -> String {
    format!("{x:.0}")
}
