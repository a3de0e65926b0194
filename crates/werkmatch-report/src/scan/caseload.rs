//! The policy page: the caseload's distributions, the level mismatch, the
//! people each change unlocks and the skill gaps of near matches.

use werkmatch_core::scan::{Buckets, CaseloadSummary, Distribution};
use werkmatch_core::text::{Catalogue, Label, Lang, Message};
use werkmatch_core::Education;

use super::{change_id_words, count, level_name, name, whole, Names};
use crate::{bar_chart, grouped_bar_chart, paragraph, table, Bar, Page, Section};

/// Rows in the changes and skill-gap tables (the charts show fewer); the rest is in the JSON.
const TABLE_ROWS: usize = 25;
/// Bars in the changes and skill-gap charts.
const CHART_BARS: usize = 12;

/// The caseload summary as a self-contained HTML page in `lang`.
pub fn caseload_page(sum: &CaseloadSummary, names: Names<'_>, lang: Lang) -> String {
    let l = |x: Label| x.text(lang);
    let overview = table(
        &[&l(Label::ReportScanItem), &l(Label::ReportScanValue)],
        &[
            vec![l(Label::ReportScanSeekers), count(sum.seekers)],
            vec![l(Label::ReportScanVacancies), count(sum.vacancies)],
            vec![l(Label::ReportScanEmployers), count(sum.employers)],
            vec![l(Label::ReportScanWithoutMatch), count(sum.matches.all.none)],
        ],
    );
    Page::new(lang.code(), l(Label::ReportScanCaseloadTitle))
        .intro(paragraph(&l(Label::ReportScanCaseloadIntro)))
        .intro(overview)
        .section(mismatch(sum, lang))
        .section(changes(sum, names, lang))
        .section(gaps(sum, names, lang))
        .section(distribution(
            "matches",
            &sum.matches,
            Label::ReportScanDistribution,
            Label::ReportScanDistributionDesc,
            lang,
        ))
        .section(distribution(
            "competitive",
            &sum.competitive,
            Label::ReportScanCompetitiveDistribution,
            Label::ReportScanCompetitiveDistributionDesc,
            lang,
        ))
        .section(Section::new(l(Label::ReportScanHowToRead)).body(paragraph(&l(Label::ReportScanHowToReadCaseload))))
        .render()
}

fn mismatch(sum: &CaseloadSummary, lang: Lang) -> Section {
    let l = |x: Label| x.text(lang);
    let m = &sum.mismatch;
    let rows: Vec<(String, Vec<f64>)> = (1..=4u8)
        .map(|lv| {
            let get = |b: &werkmatch_core::scan::ByLevel| b.get(&lv).copied().unwrap_or(0) as f64;
            (level_name(lv, lang), vec![get(&m.seekers), get(&m.positions)])
        })
        .collect();
    let max = rows.iter().flat_map(|r| r.1.iter().copied()).fold(0.0, f64::max);
    let (seekers, positions) = (l(Label::ReportScanMismatchSeekers), l(Label::ReportScanMismatchPositions));
    Section::new(l(Label::ReportScanMismatch)).body(grouped_bar_chart(
        "mismatch",
        &l(Label::ReportScanMismatch),
        &l(Label::ReportScanMismatchDesc),
        &l(Label::ReportScanLevel),
        &[&seekers, &positions],
        &rows,
        max,
        whole,
    ))
}

fn changes(sum: &CaseloadSummary, names: Names<'_>, lang: Lang) -> Section {
    let l = |x: Label| x.text(lang);
    let words: Vec<String> = sum.changes.iter().map(|c| change_id_words(&c.change, names, lang)).collect();
    let bars: Vec<Bar> =
        sum.changes.iter().zip(&words).take(CHART_BARS).map(|(c, w)| Bar::new(w, c.people_unlocked as f64)).collect();
    let max = sum.changes.iter().map(|c| c.people_unlocked).max().unwrap_or(0) as f64;
    let rows: Vec<Vec<String>> = sum
        .changes
        .iter()
        .zip(&words)
        .take(TABLE_ROWS)
        .map(|(c, w)| {
            vec![
                w.clone(),
                count(c.people_unlocked),
                count(c.people_helped),
                count(c.matches_gained),
                count(c.people_tried),
            ]
        })
        .collect();
    let mut s = Section::new(l(Label::ScanChanges)).body(bar_chart(
        "unlocked",
        &l(Label::ReportScanUnlockedTitle),
        &l(Label::ReportScanUnlockedDesc),
        [&l(Label::ReportScanChange), &l(Label::ReportScanPeopleUnlocked), ""],
        &bars,
        max,
        whole,
    ));
    s = s.body(table(
        &[
            &l(Label::ReportScanChange),
            &l(Label::ReportScanPeopleUnlocked),
            &l(Label::ReportScanPeopleHelped),
            &l(Label::ReportScanMatchesGained),
            &l(Label::ReportScanPeopleTried),
        ],
        &rows,
    ));
    shown_note(s, rows.len(), sum.changes.len(), lang)
}

fn gaps(sum: &CaseloadSummary, names: Names<'_>, lang: Lang) -> Section {
    let l = |x: Label| x.text(lang);
    let mut s = Section::new(l(Label::ScanSkillGaps));
    if sum.skill_gaps.is_empty() {
        return s.body(paragraph(&l(Label::ReportScanNoGaps)));
    }
    // One chart of the first rows, whose table is the list.
    let bars: Vec<Bar> = sum
        .skill_gaps
        .iter()
        .take(TABLE_ROWS)
        .map(|g| Bar::new(name(names, &g.skill), g.near_matches as f64))
        .collect();
    let max = sum.skill_gaps.first().map_or(0, |g| g.near_matches) as f64;
    s = s.body(bar_chart(
        "gaps",
        &l(Label::ReportScanGapsTitle),
        &l(Label::ReportScanGapsDesc),
        [&l(Label::ReportScanSkill), &l(Label::ReportScanNearMatches), ""],
        &bars,
        max,
        whole,
    ));
    shown_note(s, bars.len(), sum.skill_gaps.len(), lang)
}

/// Says that a table shows only the first rows of a longer list.
fn shown_note(s: Section, shown: usize, total: usize, lang: Lang) -> Section {
    if shown < total {
        s.body(paragraph(&Label::ReportScanShown.text_with(lang, &[("shown", &shown), ("total", &total)])))
    } else {
        s
    }
}

fn distribution(id: &str, d: &Distribution, heading: Label, desc: Label, lang: Lang) -> Section {
    let l = |x: Label| x.text(lang);
    let cells = |b: &Buckets| [b.none, b.few, b.some, b.many].map(count).to_vec();
    let bucket_names = ["0", "1–4", "5–19", "20+"];
    let a = &d.all;
    let bars: Vec<Bar> =
        bucket_names.iter().zip([a.none, a.few, a.some, a.many]).map(|(n, v)| Bar::new(*n, v as f64)).collect();
    let max = [a.none, a.few, a.some, a.many].into_iter().max().unwrap_or(0) as f64;
    let mut rows = vec![[vec![l(Label::ReportScanAll)], cells(a)].concat()];
    rows.extend(d.by_level.iter().map(|(&lv, b)| [vec![level_name(lv, lang)], cells(b)].concat()));
    rows.extend(d.by_education.iter().map(|(e, b)| {
        let e = Education::ALL.iter().find(|x| x.name() == *e).map_or_else(|| (*e).to_owned(), |x| x.text(lang));
        [vec![e], cells(b)].concat()
    }));
    let group = l(Label::ReportScanGroup);
    let headers: Vec<&str> = std::iter::once(group.as_str()).chain(bucket_names).collect();
    Section::new(l(heading))
        .body(bar_chart(
            &format!("{id}-distribution"),
            &l(heading),
            &l(desc),
            [&l(Label::ReportScanMatchesBucket), &l(Label::ReportScanSeekers), ""],
            &bars,
            max,
            whole,
        ))
        .body(table(&headers, &rows))
}
