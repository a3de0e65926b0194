//! The scan's HTML report (`scan --html`): every number in its tables is the
//! number of the JSON the same run writes (`--json`, `--summary`), and the
//! pages render offline in headless Chromium with the expected headings and
//! numbers, loading nothing from outside. The browser part skips with a
//! message where Chromium is absent (`.ci/run` installs Debian's `chromium`).

mod support;
use support::{assert_loads_nothing, assert_self_contained, chromium, render, run_ok};

use std::path::{Path, PathBuf};

use serde_json::Value;
use werkmatch::adapter::occupation_catalogue::SyntheticLabels;
use werkmatch::adapter::ConceptLabels;
use werkmatch::scan::Change;
use werkmatch::text::{Catalogue, Decimal, Label, Lang, Message};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A fresh directory under the target's tmp dir (screenshots stay there to
/// look at; the next run replaces them).
fn workdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// One HTML table: its header cells and its rows of cells, as text.
#[derive(Debug)]
struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Text between `open…>` and `close`, from `at`; with the end of the close tag.
fn between<'a>(html: &'a str, at: usize, open: &str, close: &str) -> Option<(&'a str, usize)> {
    let start = at + html[at..].find(open)?;
    let body = start + html[start..].find('>')? + 1;
    let end = body + html[body..].find(close)?;
    Some((&html[body..end], end + close.len()))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The cells (`<th>` and `<td>`) of one row, in order.
fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = row[at..].find(['<']) {
        let i = at + i;
        let tag = &row[i..];
        let close = if tag.starts_with("<th") {
            "</th>"
        } else if tag.starts_with("<td") {
            "</td>"
        } else {
            at = i + 1;
            continue;
        };
        let (text, next) = between(row, i, &tag[..3], close).unwrap();
        out.push(unescape(text));
        at = next;
    }
    out
}

/// Every table of a page, in order.
fn tables(html: &str) -> Vec<Table> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((t, next)) = between(html, at, "<table", "</table>") {
        let (head, _) = between(t, 0, "<thead", "</thead>").unwrap();
        let (body, _) = between(t, 0, "<tbody", "</tbody>").unwrap();
        let mut rows = Vec::new();
        let mut r = 0;
        while let Some((row, n)) = between(body, r, "<tr", "</tr>") {
            rows.push(cells(row));
            r = n;
        }
        out.push(Table { headers: cells(head), rows });
        at = next;
    }
    out
}

/// The table whose header row is `headers` (exactly one).
fn table<'a>(all: &'a [Table], headers: &[String]) -> &'a Table {
    let found: Vec<&Table> = all.iter().filter(|t| t.headers == headers).collect();
    assert_eq!(found.len(), 1, "tables headed {headers:?}: {}", found.len());
    found[0]
}

fn l(x: Label, lang: Lang) -> String {
    x.text(lang)
}

fn heads(xs: &[Label], lang: Lang) -> Vec<String> {
    xs.iter().map(|&x| l(x, lang)).collect()
}

fn n(v: &Value) -> String {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}")).to_string()
}

/// The names the tool shows without `--esco`: the synthetic vocabulary's, else the id.
fn name(id: &str) -> String {
    SyntheticLabels.label(id, "nl").unwrap_or(id).to_owned()
}

fn change_words(id: &str, lang: Lang) -> String {
    match id.parse::<Change>().unwrap() {
        Change::Skill(x) => Change::Skill(name(&x)).text(lang),
        c => c.text(lang),
    }
}

struct Run {
    dir: PathBuf,
    seeker: String,
    line: Value,
    summary: Value,
}

/// A small generated population, scanned as a caseload with JSON, summary and
/// the policy page (in `lang`); then one seeker with unlocks and alternatives
/// with the jobcoach page.
fn scan_population(name: &str, lang: Lang) -> Run {
    let d = workdir(name);
    run_ok("generate", &["--seekers", "300", "--vacancies", "400", "--employers", "80", "--seed", "5", "--out", s(&d)]);
    let input = |f: &str| d.join(f).to_str().unwrap().to_owned();
    let (seekers, vacancies, employers) = (input("seekers.jsonl"), input("vacancies.jsonl"), input("employers.jsonl"));
    let base = ["--seekers", &seekers, "--vacancies", &vacancies, "--employers", &employers, "--lang", lang.code()];
    let (json, summary, caseload) = (input("scan.jsonl"), input("summary.json"), input("caseload.html"));
    run_ok("scan", &[&base[..], &["--json", &json, "--summary", &summary, "--html", &caseload]].concat());
    let lines: Vec<Value> =
        std::fs::read_to_string(&json).unwrap().lines().map(|x| serde_json::from_str(x).unwrap()).collect();
    let line = lines
        .iter()
        .find(|x| {
            x["matches"].as_u64() > Some(0)
                && x["unlocks"].as_array().unwrap().len() >= 3
                && !x["alternatives"].as_array().unwrap().is_empty()
        })
        .expect("a seeker with matches, unlocks and alternatives")
        .clone();
    let seeker = line["seeker"].as_str().unwrap().to_owned();
    let (one, page) = (input("seeker.jsonl"), input("seeker.html"));
    run_ok("scan", &[&base[..], &["--id", &seeker, "--json", &one, "--html", &page]].concat());
    let alone: Value = serde_json::from_str(std::fs::read_to_string(&one).unwrap().trim()).unwrap();
    assert_eq!(alone, line, "the seeker's scan alone equals its line of the caseload");
    let summary: Value = serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
    Run { dir: d, seeker, line, summary }
}

fn check_caseload_tables(html: &str, sum: &Value, lang: Lang) -> usize {
    let all = tables(html);
    let mut checked = 0;
    let overview = table(&all, &heads(&[Label::ReportScanItem, Label::ReportScanValue], lang));
    let want = [&sum["seekers"], &sum["vacancies"], &sum["employers"], &sum["matches"]["all"]["0"]];
    assert_eq!(overview.rows.len(), want.len());
    for (row, w) in overview.rows.iter().zip(want) {
        assert_eq!(row[1], n(w), "{row:?}");
        checked += 1;
    }

    let mismatch = table(
        &all,
        &heads(&[Label::ReportScanLevel, Label::ReportScanMismatchSeekers, Label::ReportScanMismatchPositions], lang),
    );
    for (i, row) in mismatch.rows.iter().enumerate() {
        let lv = (i + 1).to_string();
        assert_eq!(row[0], Label::ReportScanLevelN.text_with(lang, &[("level", &(i + 1))]));
        assert_eq!(row[1], n(&sum["mismatch"]["seekers"][&lv]));
        assert_eq!(row[2], n(&sum["mismatch"]["positions"][&lv]));
        checked += 2;
    }
    assert_eq!(mismatch.rows.len(), 4);

    let changes = sum["changes"].as_array().unwrap();
    let full = table(
        &all,
        &heads(
            &[
                Label::ReportScanChange,
                Label::ReportScanPeopleUnlocked,
                Label::ReportScanPeopleHelped,
                Label::ReportScanMatchesGained,
                Label::ReportScanPeopleTried,
            ],
            lang,
        ),
    );
    assert_eq!(full.rows.len(), changes.len().min(25));
    for (row, c) in full.rows.iter().zip(changes) {
        assert_eq!(row[0], change_words(c["change"].as_str().unwrap(), lang));
        for (cell, key) in row[1..].iter().zip(["people_unlocked", "people_helped", "matches_gained", "people_tried"]) {
            assert_eq!(*cell, n(&c[key]), "{key} of {}", c["change"]);
            checked += 1;
        }
    }
    let chart = table(&all, &heads(&[Label::ReportScanChange, Label::ReportScanPeopleUnlocked], lang));
    for (row, c) in chart.rows.iter().zip(changes) {
        assert_eq!(row[1], n(&c["people_unlocked"]));
    }

    let gaps = sum["skill_gaps"].as_array().unwrap();
    let g = table(&all, &heads(&[Label::ReportScanSkill, Label::ReportScanNearMatches], lang));
    assert_eq!(g.rows.len(), gaps.len().min(25));
    for (row, x) in g.rows.iter().zip(gaps) {
        assert_eq!(row[0], name(x["skill"].as_str().unwrap()));
        assert_eq!(row[1], n(&x["near_matches"]));
        checked += 1;
    }

    let buckets = ["0", "1-4", "5-19", "20+"];
    let dist_head: Vec<String> =
        std::iter::once(l(Label::ReportScanGroup, lang)).chain(["0", "1–4", "5–19", "20+"].map(String::from)).collect();
    let dists: Vec<&Table> = all.iter().filter(|t| t.headers == dist_head).collect();
    assert_eq!(dists.len(), 2, "the matches and the competitive distribution");
    for (t, key) in dists.iter().zip(["matches", "competitive"]) {
        let d = &sum[key];
        let mut want: Vec<(String, &Value)> = vec![(l(Label::ReportScanAll, lang), &d["all"])];
        for (lv, b) in d["by_level"].as_object().unwrap() {
            want.push((Label::ReportScanLevelN.text_with(lang, &[("level", &lv.as_str())]), b));
        }
        for (e, b) in d["by_education"].as_object().unwrap() {
            let e = werkmatch::Education::ALL.iter().find(|x| x.name() == e).unwrap();
            want.push((e.text(lang), b));
        }
        assert_eq!(t.rows.len(), want.len());
        for (row, (label, b)) in t.rows.iter().zip(&want) {
            assert_eq!(&row[0], label);
            for (cell, k) in row[1..].iter().zip(buckets) {
                assert_eq!(*cell, n(&b[k]), "{key} {label} {k}");
                checked += 1;
            }
        }
    }
    checked
}

fn check_seeker_tables(html: &str, x: &Value, lang: Lang) -> usize {
    let all = tables(html);
    let mut checked = 0;
    let pos = table(&all, &heads(&[Label::ReportScanItem, Label::ReportScanValue], lang));
    let share = Decimal::new(100.0 * x["demand_share"].as_f64().unwrap(), 2).text(lang);
    let edu = werkmatch::Education::ALL.iter().find(|e| e.name() == x["education"].as_str().unwrap()).unwrap();
    let want = [
        n(&x["level"]),
        edu.text(lang),
        n(&x["matches"]),
        n(&x["positions"]),
        n(&x["competitive"]),
        n(&x["hidden"]),
        share,
    ];
    let got: Vec<&String> = pos.rows.iter().map(|r| &r[1]).collect();
    assert_eq!(got, want.iter().collect::<Vec<_>>());
    checked += want.len();

    let by_level = table(&all, &heads(&[Label::ReportScanLevel, Label::ReportScanCount], lang));
    for (i, row) in by_level.rows.iter().enumerate() {
        assert_eq!(row[1], n(&x["by_level"][(i + 1).to_string()]));
        checked += 1;
    }
    let by_sector = table(&all, &heads(&[Label::ReportScanSector, Label::ReportScanCount], lang));
    let sectors = x["by_sector"].as_object().unwrap();
    assert_eq!(by_sector.rows.len(), sectors.len());
    for (row, (k, v)) in by_sector.rows.iter().zip(sectors) {
        let k = if k == "unknown" { l(Label::ReportScanUnknownSector, lang) } else { k.clone() };
        assert_eq!((&row[0], &row[1]), (&k, &n(v)));
        checked += 1;
    }

    let unlocks = x["unlocks"].as_array().unwrap();
    let u = table(
        &all,
        &heads(
            &[
                Label::ReportScanChange,
                Label::ReportScanGained,
                Label::ReportScanLost,
                Label::ReportScanCompetitiveGained,
                Label::ReportScanHiddenGained,
            ],
            lang,
        ),
    );
    assert_eq!(u.rows.len(), unlocks.len());
    for (row, c) in u.rows.iter().zip(unlocks) {
        assert_eq!(row[0], change_words(c["change"].as_str().unwrap(), lang));
        for (cell, key) in row[1..].iter().zip(["gained", "lost", "competitive_gained", "hidden_gained"]) {
            assert_eq!(*cell, n(&c[key]), "{key} of {}", c["change"]);
            checked += 1;
        }
    }

    let alts = x["alternatives"].as_array().unwrap();
    let a = table(
        &all,
        &heads(
            &[
                Label::ReportScanOccupation,
                Label::ReportScanIsco,
                Label::ReportScanCoverage,
                Label::ReportScanDemand,
                Label::ReportScanKansrijk,
                Label::ReportScanRoute,
                Label::ReportScanMissing,
            ],
            lang,
        ),
    );
    assert_eq!(a.rows.len(), alts.len());
    for (row, alt) in a.rows.iter().zip(alts) {
        let coverage = Decimal::new(100.0 * alt["coverage"].as_f64().unwrap(), 0).text(lang);
        let kansrijk = l(if alt["kansrijk"] == true { Label::ReportScanYes } else { Label::ReportScanNo }, lang);
        let route =
            l(if alt["route"] == "direct" { Label::ScanRouteDirect } else { Label::ScanRoutePraktijkleren }, lang);
        let missing: Vec<String> =
            alt["missing"].as_array().unwrap().iter().map(|m| name(m.as_str().unwrap())).collect();
        let want = [
            name(alt["occupation"].as_str().unwrap()),
            alt["isco"].as_str().unwrap().to_owned(),
            coverage,
            n(&alt["demand"]),
            kansrijk,
            route,
            missing.join(", "),
        ];
        assert_eq!(row, &want);
        checked += 3;
    }

    let best = x["best"]["vacancies"].as_array().unwrap();
    let b = table(&all, &heads(&[Label::ReportScanVacancy, Label::ReportScanScore], lang));
    assert_eq!(b.rows.len(), best.len());
    for (row, v) in b.rows.iter().zip(best) {
        assert_eq!(row[0], v["id"].as_str().unwrap());
        assert_eq!(row[1], Decimal::new(v["score"].as_f64().unwrap(), 4).text(lang));
        checked += 1;
    }
    checked
}

#[test]
fn every_number_in_the_scan_report_is_the_number_of_the_json() {
    for lang in Lang::ALL {
        let r = scan_population(&format!("scan-html-numbers-{lang}"), lang);
        let caseload = std::fs::read_to_string(r.dir.join("caseload.html")).unwrap();
        let seeker = std::fs::read_to_string(r.dir.join("seeker.html")).unwrap();
        assert_self_contained(&caseload);
        assert_self_contained(&seeker);
        let a = check_caseload_tables(&caseload, &r.summary, lang);
        let b = check_seeker_tables(&seeker, &r.line, lang);
        assert!(a > 60 && b > 20, "only {a} caseload and {b} seeker figures checked");
        assert!(seeker.contains(&format!(
            "<h1>{}</h1>",
            Label::ReportScanSeekerTitle.text_with(lang, &[("id", &r.seeker.as_str())])
        )));
        std::fs::remove_dir_all(&r.dir).unwrap();
    }
}

/// The headings and a few numbers a reader must find on each rendered page.
fn check_rendered(dom: &str, h1: &str, h2: &[Label], numbers: &[String], lang: Lang) {
    assert!(dom.contains(&format!("<html lang=\"{}\">", lang.code())), "language {lang}");
    assert!(dom.contains(&format!("<h1>{h1}</h1>")), "no heading {h1}");
    for h in h2 {
        let h = h.text(lang).replace('"', "&quot;");
        assert!(
            dom.contains(&format!("<h2>{h}</h2>")) || dom.contains(&format!("<h2>{}</h2>", h.replace("&quot;", "\""))),
            "no section {h}"
        );
    }
    for x in numbers {
        assert!(dom.contains(&format!("<td>{x}</td>")), "{x} is not on the page");
    }
    // Every chart is an image with a text alternative.
    let charts = dom.matches("<svg").count();
    assert!(charts >= 3, "{charts} charts");
    assert_eq!(dom.matches("role=\"img\"").count(), charts);
    assert_eq!(dom.matches("<title id=").count(), charts);
    assert_eq!(dom.matches("<desc id=").count(), charts);
    assert_loads_nothing(dom);
}

#[test]
fn the_scan_report_renders_offline_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed (apt-get install -y chromium); the table checks run without it");
        return;
    };
    for lang in Lang::ALL {
        let r = scan_population(&format!("scan-html-chromium-{lang}"), lang);
        let sum = &r.summary;
        let first = &sum["changes"][0];
        let caseload = render(&browser, &r.dir.join("caseload.html"), &r.dir.join("caseload.png"), 3200);
        check_rendered(
            &caseload,
            &Label::ReportScanCaseloadTitle.text(lang),
            &[
                Label::ReportScanMismatch,
                Label::ScanChanges,
                Label::ScanSkillGaps,
                Label::ReportScanDistribution,
                Label::ReportScanHowToRead,
            ],
            &[
                n(&sum["seekers"]),
                n(&sum["matches"]["all"]["0"]),
                n(&sum["mismatch"]["positions"]["2"]),
                n(&first["people_unlocked"]),
                n(&first["matches_gained"]),
                n(&sum["skill_gaps"][0]["near_matches"]),
            ],
            lang,
        );
        assert!(caseload.contains(&change_words(first["change"].as_str().unwrap(), lang)));

        let x = &r.line;
        let seeker = render(&browser, &r.dir.join("seeker.html"), &r.dir.join("seeker.png"), 2400);
        let share = Decimal::new(100.0 * x["demand_share"].as_f64().unwrap(), 2).text(lang);
        let u = &x["unlocks"][0];
        check_rendered(
            &seeker,
            &Label::ReportScanSeekerTitle.text_with(lang, &[("id", &r.seeker.as_str())]),
            &[Label::ReportScanPosition, Label::ScanUnlocks, Label::ScanAlternatives, Label::ReportScanBest],
            &[n(&x["matches"]), n(&x["positions"]), share, n(&u["gained"]), n(&x["alternatives"][0]["demand"])],
            lang,
        );
        assert!(seeker.contains(&name(x["alternatives"][0]["occupation"].as_str().unwrap())));
        // The screenshots stay in the target's tmp dir, to look at.
        eprintln!("screenshots: {}", r.dir.display());
    }
}
