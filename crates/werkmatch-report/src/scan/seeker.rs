//! The jobcoach page: one seeker's position, unlocks and alternatives.

use werkmatch_core::scan::{Route, SeekerScan};
use werkmatch_core::text::{Catalogue, Decimal, Label, Lang, Message};

use super::{change_words, count, level_name, name, percent, whole, Names};
use crate::{bar_chart, grouped_bar_chart, paragraph, table, Bar, Page, Section};

/// The scan of one seeker as a self-contained HTML page in `lang`.
pub fn seeker_page(s: &SeekerScan, names: Names<'_>, lang: Lang) -> String {
    let l = |x: Label| x.text(lang);
    let title = Label::ReportScanSeekerTitle.text_with(lang, &[("id", &s.seeker.as_str())]);
    let position = table(
        &[&l(Label::ReportScanItem), &l(Label::ReportScanValue)],
        &[
            vec![l(Label::ReportScanLevel), s.level.to_string()],
            vec![l(Label::ReportScanEducation), s.education.text(lang)],
            vec![l(Label::ReportScanMatches), count(s.matches)],
            vec![l(Label::ReportScanPositions), count(s.positions)],
            vec![l(Label::ReportScanCompetitive), count(s.competitive)],
            vec![l(Label::ReportScanHidden), count(s.hidden)],
            vec![l(Label::ReportScanDemandShare), percent(s.demand_share, 2, lang)],
        ],
    );
    let level_bars: Vec<Bar> = s.by_level.iter().map(|(&lv, &n)| Bar::new(level_name(lv, lang), n as f64)).collect();
    let sector_bars: Vec<Bar> = s
        .by_sector
        .iter()
        .map(|(k, &n)| {
            let k = if k == "unknown" { l(Label::ReportScanUnknownSector) } else { k.clone() };
            Bar::new(k, n as f64)
        })
        .collect();
    let max_level = s.by_level.values().copied().max().unwrap_or(0) as f64;
    let max_sector = s.by_sector.values().copied().max().unwrap_or(0) as f64;
    let mut pos = Section::new(l(Label::ReportScanPosition)).body(position).body(bar_chart(
        "by-level",
        &l(Label::ReportScanByLevelTitle),
        &l(Label::ReportScanByLevelDesc),
        [&l(Label::ReportScanLevel), &l(Label::ReportScanCount), ""],
        &level_bars,
        max_level,
        whole,
    ));
    if !sector_bars.is_empty() {
        pos = pos.body(bar_chart(
            "by-sector",
            &l(Label::ReportScanBySectorTitle),
            &l(Label::ReportScanBySectorDesc),
            [&l(Label::ReportScanSector), &l(Label::ReportScanCount), ""],
            &sector_bars,
            max_sector,
            whole,
        ));
    }

    let mut unlocks = Section::new(l(Label::ScanUnlocks));
    if s.unlocks.is_empty() {
        unlocks = unlocks.body(paragraph(&l(Label::ReportScanNoUnlocks)));
    } else {
        // One chart whose table is the full list: every change with its four counts.
        let rows: Vec<(String, Vec<f64>)> = s
            .unlocks
            .iter()
            .map(|u| {
                let counts = [u.gained, u.lost, u.competitive_gained, u.hidden_gained];
                (change_words(&u.change, names, lang), counts.map(|n| n as f64).to_vec())
            })
            .collect();
        let max = rows.iter().flat_map(|r| r.1.iter().copied()).fold(0.0, f64::max);
        let series = [
            l(Label::ReportScanGained),
            l(Label::ReportScanLost),
            l(Label::ReportScanCompetitiveGained),
            l(Label::ReportScanHiddenGained),
        ];
        let series: Vec<&str> = series.iter().map(String::as_str).collect();
        unlocks = unlocks.body(grouped_bar_chart(
            "unlocks",
            &l(Label::ReportScanUnlocksTitle),
            &l(Label::ReportScanUnlocksDesc),
            &l(Label::ReportScanChange),
            &series,
            &rows,
            max,
            whole,
        ));
    }

    let mut alternatives = Section::new(l(Label::ScanAlternatives));
    if s.alternatives.is_empty() {
        alternatives = alternatives.body(paragraph(&l(Label::ReportScanNoAlternatives)));
    } else {
        let rows: Vec<Vec<String>> = s
            .alternatives
            .iter()
            .map(|a| {
                let route = match a.route {
                    Route::Direct => l(Label::ScanRouteDirect),
                    Route::Praktijkleren => l(Label::ScanRoutePraktijkleren),
                };
                let missing: Vec<String> = a.missing.iter().map(|x| name(names, x)).collect();
                vec![
                    name(names, &a.occupation),
                    a.isco.to_string(),
                    percent(a.coverage, 0, lang),
                    count(a.demand),
                    l(if a.kansrijk { Label::ReportScanYes } else { Label::ReportScanNo }),
                    route,
                    missing.join(", "),
                ]
            })
            .collect();
        alternatives = alternatives.body(table(
            &[
                &l(Label::ReportScanOccupation),
                &l(Label::ReportScanIsco),
                &l(Label::ReportScanCoverage),
                &l(Label::ReportScanDemand),
                &l(Label::ReportScanKansrijk),
                &l(Label::ReportScanRoute),
                &l(Label::ReportScanMissing),
            ],
            &rows,
        ));
    }

    let mut page = Page::new(lang.code(), title)
        .intro(paragraph(&l(Label::ReportScanSeekerIntro)))
        .section(pos)
        .section(unlocks)
        .section(alternatives);
    if !s.best.vacancies.is_empty() {
        let rows: Vec<Vec<String>> =
            s.best.vacancies.iter().map(|b| vec![b.id.to_string(), Decimal::new(b.score, 4).text(lang)]).collect();
        page = page.section(
            Section::new(l(Label::ReportScanBest))
                .body(table(&[&l(Label::ReportScanVacancy), &l(Label::ReportScanScore)], &rows)),
        );
    }
    page.section(Section::new(l(Label::ReportScanHowToRead)).body(paragraph(&l(Label::ReportScanHowToReadSeeker))))
        .render()
}
