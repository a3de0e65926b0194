//! Horizontal bar charts as inline SVG, with optional interval whiskers, or
//! grouped (several series side by side), and their numbers in a table.

use maud::{html, Markup};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    label: String,
    value: f64,
    interval: Option<(f64, f64)>,
    highlight: bool,
}

impl Bar {
    /// A bar for `label` of length `value`.
    pub fn new(label: impl Into<String>, value: f64) -> Self {
        Bar { label: label.into(), value, interval: None, highlight: false }
    }

    /// Adds an interval (drawn as a whisker and listed in the table).
    pub fn interval(mut self, low: f64, high: f64) -> Self {
        self.interval = Some((low, high));
        self
    }

    /// Draws the bar in the warning colour (e.g. a flagged group).
    pub fn highlight(mut self, on: bool) -> Self {
        self.highlight = on;
        self
    }
}

const WIDTH: f64 = 640.0;
/// The narrowest label column; wider for long labels, up to `LABEL_MAX`.
const LABEL_MIN: f64 = 150.0;
const LABEL_MAX: f64 = 330.0;
const ROW: f64 = 26.0;
/// About the width of a character of the 12-pixel labels (no font is loaded,
/// so this is an estimate that errs on the wide side).
const CHAR: f64 = 6.6;

/// The label column's width: room for the longest label, so none is cut off
/// at the left edge.
fn label_width<'a>(labels: impl Iterator<Item = &'a str>) -> f64 {
    let longest = labels.map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    (longest * CHAR + 12.0).clamp(LABEL_MIN, LABEL_MAX)
}

/// A bar chart scaled to `max`, as a `<figure>`: the SVG (role `img`, with
/// `<title>` and `<desc>`), a caption, and a table of the numbers as `fmt`
/// writes them, headed `headers` (label column, value column, interval column).
pub fn bar_chart(
    id: &str,
    title: &str,
    desc: &str,
    headers: [&str; 3],
    bars: &[Bar],
    max: f64,
    fmt: impl Fn(f64) -> String,
) -> Markup {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let left = label_width(bars.iter().map(|b| b.label.as_str()));
    let plot = WIDTH - left - 70.0;
    let x = |v: f64| left + plot * (v / max).clamp(0.0, 1.0);
    let height = ROW * bars.len() as f64 + 24.0;
    let with_interval = bars.iter().any(|b| b.interval.is_some());
    let marks = html! {
        line x1=(left) y1="4" x2=(left) y2=(height - 18.0) stroke="#333" {}
        text x=(left) y=(height - 4.0) font-size="11" text-anchor="middle" { "0" }
        text x=(left + plot) y=(height - 4.0) font-size="11" text-anchor="middle" { (fmt(max)) }
        @for (i, b) in bars.iter().enumerate() {
            @let y = 6.0 + ROW * i as f64;
            text x=(left - 6.0) y=(y + 14.0) font-size="12" text-anchor="end" { (b.label) }
            rect x=(left) y=(y) width=(x(b.value) - left) height=(ROW - 8.0)
                fill=(if b.highlight { "#b33a3a" } else { "#3a6ea5" }) {}
            @if let Some((lo, hi)) = b.interval {
                line x1=(x(lo)) y1=(y + 9.0) x2=(x(hi)) y2=(y + 9.0) stroke="#111" stroke-width="1.5" {}
                line x1=(x(lo)) y1=(y + 3.0) x2=(x(lo)) y2=(y + 15.0) stroke="#111" {}
                line x1=(x(hi)) y1=(y + 3.0) x2=(x(hi)) y2=(y + 15.0) stroke="#111" {}
            }
            text x=(x(b.value.max(b.interval.map_or(0.0, |i| i.1))) + 6.0) y=(y + 14.0) font-size="12" { (fmt(b.value)) }
        }
    };
    let numbers = html! {
    table {
        thead { tr { th scope="col" { (headers[0]) } th scope="col" { (headers[1]) } @if with_interval { th scope="col" { (headers[2]) } } } }
        tbody {
            @for b in bars {
                tr {
                    th scope="row" { (b.label) }
                    td { (fmt(b.value)) }
                    @if with_interval {
                        td { @if let Some((lo, hi)) = b.interval { "[" (fmt(lo)) ", " (fmt(hi)) "]" } }
                    }
                }
            }
        }
    }
    };
    figure(id, title, desc, height, marks, numbers)
}

/// The one shape of every chart: a `<figure>` holding the SVG (role `img`,
/// labelled by its `<title>` and `<desc>`, so screen readers announce it), a
/// caption, and the table of its numbers (the text alternative).
fn figure(id: &str, title: &str, desc: &str, height: f64, marks: Markup, numbers: Markup) -> Markup {
    let (tid, did) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        figure {
            svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby={(tid) " " (did)}
                viewBox={"0 0 " (WIDTH) " " (height)} width=(WIDTH) height=(height) {
                title id=(tid) { (title) }
                desc id=(did) { (desc) }
                (marks)
            }
            figcaption { strong { (title) } ". " (desc) }
            (numbers)
        }
    }
}

/// The colours of the series of a grouped chart (blue, orange, green, grey):
/// distinguishable in grey print too, as they differ in lightness.
const SERIES: [&str; 4] = ["#3a6ea5", "#e0912f", "#4f8a3c", "#777777"];

/// A grouped bar chart: per row one bar for each series, side by side, scaled
/// to `max`, with a legend; as a `<figure>` with the SVG (role `img`, with
/// `<title>` and `<desc>`), a caption, and a table with a column per series.
/// `rows` are (label, one value per series).
#[allow(clippy::too_many_arguments)]
pub fn grouped_bar_chart(
    id: &str,
    title: &str,
    desc: &str,
    label_header: &str,
    series: &[&str],
    rows: &[(String, Vec<f64>)],
    max: f64,
    fmt: impl Fn(f64) -> String,
) -> Markup {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let left = label_width(rows.iter().map(|r| r.0.as_str()));
    let plot = WIDTH - left - 70.0;
    let x = |v: f64| left + plot * (v / max).clamp(0.0, 1.0);
    // The legend's entries one after the other, each as wide as its name,
    // on a new line where the next would pass the right edge.
    let mut legend_at: Vec<(f64, f64)> = Vec::with_capacity(series.len());
    let (mut lx, mut ly) = (8.0, 4.0);
    for name in series {
        let w = 16.0 + name.chars().count() as f64 * CHAR + 20.0;
        if lx > 8.0 && lx + w > WIDTH {
            (lx, ly) = (8.0, ly + 18.0);
        }
        legend_at.push((lx, ly));
        lx += w;
    }
    let bar = 14.0;
    let group = bar * series.len() as f64 + 10.0;
    let legend = legend_at.last().map_or(0.0, |p| p.1) + 18.0;
    let height = legend + group * rows.len() as f64 + 24.0;
    let marks = html! {
        @for (k, name) in series.iter().enumerate() {
            @let (lx, ly) = legend_at[k];
            rect x=(lx) y=(ly) width="12" height="12" fill=(SERIES[k % SERIES.len()]) {}
            text x=(lx + 16.0) y=(ly + 10.0) font-size="12" { (name) }
        }
        line x1=(left) y1=(legend) x2=(left) y2=(height - 18.0) stroke="#333" {}
        text x=(left) y=(height - 4.0) font-size="11" text-anchor="middle" { "0" }
        text x=(left + plot) y=(height - 4.0) font-size="11" text-anchor="middle" { (fmt(max)) }
        @for (i, (label, values)) in rows.iter().enumerate() {
            @let y0 = legend + 4.0 + group * i as f64;
            text x=(left - 6.0) y=(y0 + group / 2.0) font-size="12" text-anchor="end" { (label) }
            @for (k, v) in values.iter().enumerate() {
                @let y = y0 + bar * k as f64;
                rect x=(left) y=(y) width=(x(*v) - left) height=(bar - 3.0) fill=(SERIES[k % SERIES.len()]) {}
                text x=(x(*v) + 6.0) y=(y + bar - 4.0) font-size="11" { (fmt(*v)) }
            }
        }
    };
    let numbers = html! {
    table {
        thead { tr { th scope="col" { (label_header) } @for name in series { th scope="col" { (name) } } } }
        tbody {
            @for (label, values) in rows {
                tr { th scope="row" { (label) } @for v in values { td { (fmt(*v)) } } }
            }
        }
    }
    };
    figure(id, title, desc, height, marks, numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grouped_chart_draws_a_bar_per_series_and_lists_them_in_columns() {
        let rows = vec![("level 1".to_owned(), vec![135.0, 91.0]), ("level 2".to_owned(), vec![110.0, 381.0])];
        let html =
            grouped_bar_chart("m", "T", "D", "Level", &["seekers", "positions"], &rows, 381.0, |x| format!("{x:.0}"))
                .into_string();
        assert!(html.contains("role=\"img\" aria-labelledby=\"m-title m-desc\""));
        assert!(html.contains("<title id=\"m-title\">T</title>") && html.contains("<desc id=\"m-desc\">D</desc>"));
        assert_eq!(html.matches("<rect").count(), 2 + 4, "two legend keys and four bars");
        assert!(html.contains("<th scope=\"col\">seekers</th><th scope=\"col\">positions</th>"));
        assert!(html.contains("<th scope=\"row\">level 2</th><td>110</td><td>381</td>"));
    }

    #[test]
    fn long_labels_widen_the_label_column_and_a_long_legend_wraps() {
        assert_eq!(label_width(["a", "bb"].into_iter()), LABEL_MIN);
        let long = "een diploma één niveau hoger";
        assert!(label_width([long].into_iter()) > long.chars().count() as f64 * 6.0);
        let names = ["Passende vacatures erbij", "Vacatures eraf", "Meer kansrijk", "Werkgevers erbij", "nog een"];
        let html =
            grouped_bar_chart("u", "T", "D", "x", &names, &[("a".to_owned(), vec![1.0; 5])], 1.0, |x| format!("{x}"))
                .into_string();
        assert!(html.contains("y=\"22\""), "a second legend line: {html}");
    }
}
