//! Horizontal bar charts as inline SVG, with optional interval whiskers and a
//! reference line, and their numbers in a table.

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
const LABEL: f64 = 150.0;
const ROW: f64 = 26.0;

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
    let plot = WIDTH - LABEL - 70.0;
    let x = |v: f64| LABEL + plot * (v / max).clamp(0.0, 1.0);
    let height = ROW * bars.len() as f64 + 24.0;
    let (tid, did) = (format!("{id}-title"), format!("{id}-desc"));
    let with_interval = bars.iter().any(|b| b.interval.is_some());
    html! {
        figure {
            svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby={(tid) " " (did)}
                viewBox={"0 0 " (WIDTH) " " (height)} width=(WIDTH) height=(height) {
                title id=(tid) { (title) }
                desc id=(did) { (desc) }
                line x1=(LABEL) y1="4" x2=(LABEL) y2=(height - 18.0) stroke="#333" {}
                text x=(LABEL) y=(height - 4.0) font-size="11" text-anchor="middle" { "0" }
                text x=(LABEL + plot) y=(height - 4.0) font-size="11" text-anchor="middle" { (fmt(max)) }
                @for (i, b) in bars.iter().enumerate() {
                    @let y = 6.0 + ROW * i as f64;
                    text x=(LABEL - 6.0) y=(y + 14.0) font-size="12" text-anchor="end" { (b.label) }
                    rect x=(LABEL) y=(y) width=(x(b.value) - LABEL) height=(ROW - 8.0)
                        fill=(if b.highlight { "#b33a3a" } else { "#3a6ea5" }) {}
                    @if let Some((lo, hi)) = b.interval {
                        line x1=(x(lo)) y1=(y + 9.0) x2=(x(hi)) y2=(y + 9.0) stroke="#111" stroke-width="1.5" {}
                        line x1=(x(lo)) y1=(y + 3.0) x2=(x(lo)) y2=(y + 15.0) stroke="#111" {}
                        line x1=(x(hi)) y1=(y + 3.0) x2=(x(hi)) y2=(y + 15.0) stroke="#111" {}
                    }
                    text x=(x(b.value.max(b.interval.map_or(0.0, |i| i.1))) + 6.0) y=(y + 14.0) font-size="12" { (fmt(b.value)) }
                }
            }
            figcaption { strong { (title) } ". " (desc) }
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
        }
    }
}
