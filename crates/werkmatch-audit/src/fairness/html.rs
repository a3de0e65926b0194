//! The fairness report as a self-contained HTML page (Dutch by default). Every
//! number on the page is a number of the [`FairnessReport`] that `--json`
//! writes, formatted to four decimals in the language's number style.

use werkmatch_report::{bar_chart, paragraph, subheading, table, Bar, Page, Section};

use super::compute::FairnessReport;
use crate::catalogue::fairness as txt;
use crate::catalogue::{t, Lang};
use werkmatch_core::text::{Decimal, Message};

/// A figure as the page shows it: four decimals in the language's style
/// ("0,8024" in Dutch, "0.8024" in English), `–` for none.
pub fn figure(x: Option<f64>, lang: Lang) -> String {
    x.map_or("–".to_string(), |v| f4(v, lang))
}

fn f4(x: f64, lang: Lang) -> String {
    Decimal::new(x, 4).text(lang)
}

/// A 95% interval: "[0,4200; 0,5000]" in Dutch (the comma is the decimal
/// sign there), "[0.4200, 0.5000]" in English.
pub fn interval(low: f64, high: f64, lang: Lang) -> String {
    let sep = if lang == Lang::Nl { ";" } else { "," };
    format!("[{}{sep} {}]", f4(low, lang), f4(high, lang))
}

/// Whether a ratio is below the flag threshold (a chart marks the bar of that rate).
fn low(ratio: Option<f64>) -> bool {
    ratio.is_some_and(|r| r < super::FLAG_BELOW)
}

/// Renders the report in `lang`.
pub fn render_html(r: &FairnessReport, lang: Lang) -> String {
    let l = |p| t(lang, p);
    let flagged: usize = r.attributes.values().flat_map(|g| g.values()).filter(|g| g.flagged).count();
    let summary = table(
        &[l(txt::ITEM), l(txt::VALUE)],
        &[
            vec![l(txt::SEEKERS).to_string(), r.seekers.to_string()],
            vec![l(txt::VACANCY_LISTS).to_string(), r.vacancy_lists.to_string()],
            vec![l(txt::MIN_GROUP).to_string(), r.min_group.to_string()],
            vec![l(txt::FLAGGED_COUNT).to_string(), flagged.to_string()],
        ],
    );
    let mut page = Page::new(lang.code(), l(txt::TITLE)).intro(paragraph(l(txt::INTRO))).intro(summary);
    for (i, (attr, groups)) in r.attributes.iter().enumerate() {
        let status = |g: &super::GroupFigures| {
            if g.insufficient_n {
                l(txt::INSUFFICIENT)
            } else if g.flagged {
                l(txt::FLAGGED)
            } else {
                l(txt::OK)
            }
        };
        let rows: Vec<Vec<String>> = groups
            .iter()
            .map(|(name, g)| {
                vec![
                    name.clone(),
                    g.n.to_string(),
                    f4(g.match_rate, lang),
                    interval(g.match_rate_ci[0], g.match_rate_ci[1], lang),
                    figure(g.mean_best_score, lang),
                    f4(g.exposure, lang),
                    figure(g.placement_rate, lang),
                    figure(g.match_rate_ratio, lang),
                    figure(g.exposure_ratio, lang),
                    figure(g.placement_ratio, lang),
                    status(g).to_string(),
                ]
            })
            .collect();
        let headers = [
            l(txt::GROUP),
            l(txt::N),
            l(txt::MATCH_RATE),
            l(txt::INTERVAL),
            l(txt::BEST),
            l(txt::EXPOSURE),
            l(txt::PLACEMENT),
            l(txt::IR_MATCH),
            l(txt::IR_EXPOSURE),
            l(txt::IR_PLACEMENT),
            l(txt::STATUS),
        ];
        let match_bars: Vec<Bar> = groups
            .iter()
            .map(|(n, g)| {
                Bar::new(n, g.match_rate)
                    .interval(g.match_rate_ci[0], g.match_rate_ci[1])
                    .highlight(low(g.match_rate_ratio))
            })
            .collect();
        let exposure_bars: Vec<Bar> =
            groups.iter().map(|(n, g)| Bar::new(n, g.exposure).highlight(low(g.exposure_ratio))).collect();
        let max_exposure = groups.values().map(|g| g.exposure).fold(0.0, f64::max);
        let heading = format!("{}: {attr}", l(txt::ATTRIBUTE));
        let chart_headers = [l(txt::GROUP), l(txt::MATCH_RATE), l(txt::INTERVAL)];
        let section = Section::new(heading)
            .body(table(&headers, &rows))
            .body(bar_chart(
                &format!("match-{i}"),
                &format!("{} — {attr}", l(txt::MATCH_RATE)),
                l(txt::MATCH_DESC),
                chart_headers,
                &match_bars,
                1.0,
                |x| f4(x, lang),
            ))
            .body(bar_chart(
                &format!("exposure-{i}"),
                &format!("{} — {attr}", l(txt::EXPOSURE)),
                l(txt::EXPOSURE_DESC),
                [l(txt::GROUP), l(txt::EXPOSURE), l(txt::INTERVAL)],
                &exposure_bars,
                max_exposure,
                |x| f4(x, lang),
            ));
        page = page.section(section);
    }
    page = page.section(proxy_section(r, lang));
    page = page.section(Section::new(l(txt::HOW_TO_READ)).body(paragraph(l(txt::HOW_TO_READ_TEXT))));
    page.render()
}

fn proxy_section(r: &FairnessReport, lang: Lang) -> Section {
    let l = |p| t(lang, p);
    let mut s = Section::new(l(txt::PROXY));
    let Some(p) = &r.proxies else {
        return s.body(paragraph(l(txt::PROXY_NONE)));
    };
    s = s.body(paragraph(l(txt::PROXY_INTRO)));
    for (attr, rows) in p {
        let groups: Vec<&String> = rows.values().next().map(|r| r.groups.keys().collect()).unwrap_or_default();
        let mut headers: Vec<&str> = vec![l(txt::FEATURE), l(txt::OVERALL)];
        headers.extend(groups.iter().map(|g| g.as_str()));
        headers.push(l(txt::MAX_DIFF));
        let body: Vec<Vec<String>> = txt::FEATURES
            .iter()
            .filter_map(|(key, name)| {
                let row = rows.get(*key)?;
                let mut cells = vec![t(lang, *name).to_string(), figure(row.overall, lang)];
                cells.extend(groups.iter().map(|g| figure(row.groups.get(*g).copied().flatten(), lang)));
                cells.push(figure(row.max_difference, lang));
                Some(cells)
            })
            .collect();
        s = s.body(subheading(&format!("{}: {attr}", l(txt::ATTRIBUTE)))).body(table(&headers, &body));
    }
    s
}
