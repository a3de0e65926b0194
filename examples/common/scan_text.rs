//! The scan's words shared by `scan` and `groningen`: changes in words and
//! the caseload in a few lines. Included with `#[path]`.

// Each tool uses a subset of these helpers.
#![allow(dead_code)]

use werkmatch::adapter::ConceptLabels;
use werkmatch::scan::{CaseloadSummary, Change};
use werkmatch::text::{Catalogue, Label, Lang, Message};

/// A skill or occupation id as people read it: its label where `labels` knows it.
pub fn name<'a>(labels: Option<&'a dyn ConceptLabels>, id: &'a str, lang: Lang) -> &'a str {
    labels.map_or(id, |l| l.name(id, lang.code()))
}

/// A change in words (the core's text of a [`Change`]; a skill by name where `labels` knows it).
pub fn change_text(c: &Change, lang: Lang, labels: Option<&dyn ConceptLabels>) -> String {
    match c {
        Change::Skill(x) => Label::ScanChangeSkill.text_with(lang, &[("name", &name(labels, x, lang))]),
        _ => c.text(lang),
    }
}

/// A change id of the summary in words (an id that is no change as it is).
pub fn change_id_text(id: &str, lang: Lang, labels: Option<&dyn ConceptLabels>) -> String {
    id.parse::<Change>().map_or_else(|_| id.to_owned(), |c| change_text(&c, lang, labels))
}

/// The caseload in a few lines: seekers without a match, the changes that
/// unlock the most people, the top skill gaps. Shared with `groningen`.
pub fn print_caseload(sum: &CaseloadSummary, lang: Lang, top: usize, labels: Option<&dyn ConceptLabels>) {
    println!("  {}", Label::ScanWithoutMatch.text_with(lang, &[("n", &sum.matches.all.none), ("total", &sum.seekers)]));
    println!();
    println!("{}", Label::ScanChanges.text(lang));
    for c in sum.changes.iter().take(top) {
        let what = change_id_text(&c.change, lang, labels);
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
        println!(
            "  {}",
            Label::ScanSkillGap.text_with(lang, &[("skill", &name(labels, &g.skill, lang)), ("n", &g.near_matches)])
        );
    }
}
