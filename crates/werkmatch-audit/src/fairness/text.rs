//! The fairness report as plain text for a terminal, in the language asked
//! (Dutch by default, as the HTML page): the same figures, words and number
//! style as [`super::render_html`], in aligned columns.

use std::fmt::Write;

use super::compute::{FairnessReport, GroupFigures};
use super::html::{figure, interval};
use crate::catalogue::fairness as txt;
use crate::catalogue::{t, Lang};

/// Right-aligns every column but the first; widths by the widest cell (in characters).
fn columns(rows: &[Vec<String>]) -> String {
    let width = |s: &str| s.chars().count();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..cols).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| width(s)).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(" ");
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - width(cell));
            if c == 0 {
                let _ = write!(line, " {cell}{pad}");
            } else {
                let _ = write!(line, "  {pad}{cell}");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn status(g: &GroupFigures, lang: Lang) -> &'static str {
    if g.insufficient_n {
        t(lang, txt::INSUFFICIENT)
    } else if g.flagged {
        t(lang, txt::FLAGGED)
    } else {
        t(lang, txt::OK)
    }
}

/// Renders the report as text in `lang`.
pub fn render_text(r: &FairnessReport, lang: Lang) -> String {
    let l = |p| t(lang, p);
    let flagged = r.attributes.values().flat_map(|g| g.values()).filter(|g| g.flagged).count();
    let mut out = format!("{}\n", l(txt::TITLE));
    out += &columns(&[
        vec![l(txt::SEEKERS).to_string(), r.seekers.to_string()],
        vec![l(txt::VACANCY_LISTS).to_string(), r.vacancy_lists.to_string()],
        vec![l(txt::MIN_GROUP).to_string(), r.min_group.to_string()],
        vec![l(txt::FLAGGED_COUNT).to_string(), flagged.to_string()],
    ]);
    for (attr, groups) in &r.attributes {
        let _ = writeln!(out, "\n{}: {attr}", l(txt::ATTRIBUTE));
        let mut rows = vec![[
            txt::GROUP,
            txt::N,
            txt::MATCH_RATE,
            txt::INTERVAL,
            txt::BEST,
            txt::EXPOSURE,
            txt::PLACEMENT,
            txt::IR_MATCH,
            txt::IR_EXPOSURE,
            txt::IR_PLACEMENT,
            txt::STATUS,
        ]
        .map(|p| l(p).to_string())
        .to_vec()];
        rows.extend(groups.iter().map(|(name, g)| {
            vec![
                name.clone(),
                g.n.to_string(),
                figure(Some(g.match_rate), lang),
                interval(g.match_rate_ci[0], g.match_rate_ci[1], lang),
                figure(g.mean_best_score, lang),
                figure(Some(g.exposure), lang),
                figure(g.placement_rate, lang),
                figure(g.match_rate_ratio, lang),
                figure(g.exposure_ratio, lang),
                figure(g.placement_ratio, lang),
                status(g, lang).to_string(),
            ]
        }));
        out += &columns(&rows);
    }
    let _ = writeln!(out, "\n{}", l(txt::PROXY));
    match &r.proxies {
        None => {
            let _ = writeln!(out, "  {}", l(txt::PROXY_NONE));
        }
        Some(p) => {
            for (attr, features) in p {
                let parts: Vec<String> = txt::FEATURES
                    .iter()
                    .filter_map(|(key, name)| {
                        let row = features.get(*key)?;
                        Some(format!("{} {}", t(lang, *name), figure(row.max_difference, lang)))
                    })
                    .collect();
                let _ = writeln!(out, "  {attr} ({}): {}", l(txt::MAX_DIFF).to_lowercase(), parts.join("; "));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fairness::{fairness_report, matches_from_str, AuditAttributes};

    #[test]
    fn the_text_says_insufficient_n_and_flags_in_the_language_asked() {
        // Two groups of one seeker each: both below a minimum of 2.
        let results = matches_from_str(
            "{\"seeker\":\"S1\",\"matches\":[{\"id\":\"V1\",\"score\":0.5}]}\n{\"seeker\":\"S2\",\"matches\":[]}\n",
            None,
        )
        .unwrap();
        let attrs = AuditAttributes::from_str(
            "{\"seeker\":\"S1\",\"gender\":\"f\"}\n{\"seeker\":\"S2\",\"gender\":\"m\"}\n",
            None,
        )
        .unwrap();
        let few = fairness_report(&results, &attrs, None, 2, None);
        let nl = render_text(&few, Lang::Nl);
        assert!(nl.contains("onvoldoende n") && nl.contains("Eerlijkheidsrapport") && nl.contains("0,5000"), "{nl}");
        let en = render_text(&few, Lang::En);
        assert!(en.contains("insufficient n") && en.contains("Match rate") && en.contains("0.5000"), "{en}");
        let flagged = fairness_report(&results, &attrs, None, 1, None);
        assert!(render_text(&flagged, Lang::Nl).contains("gemarkeerd"));
        assert!(render_text(&flagged, Lang::En).contains("flagged"));
    }
}
