//! The scan's words shared by `scan` and `groningen`: changes in words and
//! the caseload in a few lines. Included with `#[path]`.

// Each tool uses a subset of these helpers.
#![allow(dead_code)]

use werkmatch::scan::{CaseloadSummary, Change};
use werkmatch::text::{Catalogue, Label, Lang, Message};

/// A change in words (the core's text of a [`Change`]).
pub fn change_text(c: &Change, lang: Lang) -> String {
    c.text(lang)
}

/// A change id of the summary in words (an id that is no change as it is).
pub fn change_id_text(id: &str, lang: Lang) -> String {
    id.parse::<Change>().map_or_else(|_| id.to_owned(), |c| c.text(lang))
}

/// The caseload in a few lines: seekers without a match, the changes that
/// unlock the most people, the top skill gaps. Shared with `groningen`.
pub fn print_caseload(sum: &CaseloadSummary, lang: Lang, top: usize) {
    println!("  {}", Label::ScanWithoutMatch.text_with(lang, &[("n", &sum.matches.all.none), ("total", &sum.seekers)]));
    println!();
    println!("{}", Label::ScanChanges.text(lang));
    for c in sum.changes.iter().take(top) {
        let what = change_id_text(&c.change, lang);
        println!(
            "  {}",
            Label::ScanChange.text_with(
                lang,
                &[
                    ("change", &what.as_str()),
                    ("unlocked", &c.people_unlocked),
                    ("helped", &c.people_helped),
                    ("gained", &c.matches_gained),
                ]
            )
        );
    }
    println!();
    println!("{}", Label::ScanSkillGaps.text(lang));
    if sum.skill_gaps.is_empty() {
        println!("  {}", Label::CommonNone.text(lang));
    }
    for g in sum.skill_gaps.iter().take(top) {
        println!("  {}", Label::ScanSkillGap.text_with(lang, &[("skill", &g.skill.as_str()), ("n", &g.near_matches)]));
    }
}
