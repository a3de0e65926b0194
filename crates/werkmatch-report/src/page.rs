//! The page: head with inline styles (screen and print), headings, sections, tables.

use maud::{html, Markup, PreEscaped, DOCTYPE};

/// Inline styles: readable on screen and on paper, no outside fonts.
const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;margin:2rem auto;max-width:78rem;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #bbb}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.85rem}.wide{overflow-x:auto}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#eee}
.flag{color:#a00;font-weight:bold}.muted{color:#555}
figure{margin:1rem 0}figcaption{font-size:.9rem;color:#333}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}figure,table{break-inside:avoid}th{background:#ddd !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";

/// One section: a heading and its blocks.
#[derive(Clone, Debug)]
pub struct Section {
    heading: String,
    body: Vec<Markup>,
}

impl Section {
    /// A section headed `heading` (an `<h2>`).
    pub fn new(heading: impl Into<String>) -> Self {
        Section { heading: heading.into(), body: Vec::new() }
    }

    /// Adds a block (a paragraph, chart, table …).
    pub fn body(mut self, block: Markup) -> Self {
        self.body.push(block);
        self
    }
}

/// A whole report page.
#[derive(Clone, Debug)]
pub struct Page {
    lang: String,
    title: String,
    intro: Vec<Markup>,
    sections: Vec<Section>,
}

impl Page {
    /// A page in language `lang` (`nl`, `en`) with `title` as its `<title>` and `<h1>`.
    pub fn new(lang: impl Into<String>, title: impl Into<String>) -> Self {
        Page { lang: lang.into(), title: title.into(), intro: Vec::new(), sections: Vec::new() }
    }

    /// Adds a block under the title.
    pub fn intro(mut self, block: Markup) -> Self {
        self.intro.push(block);
        self
    }

    /// Adds a section.
    pub fn section(mut self, section: Section) -> Self {
        self.sections.push(section);
        self
    }

    /// The HTML document.
    pub fn render(&self) -> String {
        let doc = html! {
            (DOCTYPE)
            html lang=(self.lang) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    // Nothing may be loaded from anywhere: the policy forbids it outright.
                    meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                    title { (self.title) }
                    style { (PreEscaped(STYLE)) }
                }
                body {
                    main {
                        h1 { (self.title) }
                        @for b in &self.intro { (b) }
                        @for s in &self.sections {
                            section {
                                h2 { (s.heading) }
                                @for b in &s.body { (b) }
                            }
                        }
                    }
                }
            }
        };
        doc.into_string()
    }
}

/// A paragraph of plain text.
pub fn paragraph(text: &str) -> Markup {
    html! { p { (text) } }
}

/// A table with a header row; cells are plain text. Wide tables scroll on a
/// narrow screen instead of spilling over the page.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> Markup {
    html! {
        div.wide { table {
            thead { tr { @for h in headers { th scope="col" { (h) } } } }
            tbody {
                @for r in rows {
                    tr { @for (i, c) in r.iter().enumerate() {
                        @if i == 0 { th scope="row" { (c) } } @else { td { (c) } }
                    } }
                }
            }
        } }
    }
}

/// A sub-heading (`<h3>`) inside a section.
pub fn subheading(text: &str) -> Markup {
    html! { h3 { (text) } }
}
