//! The HTML fairness report opened in headless Chromium: it renders offline,
//! shows the expected headings and the numbers of the JSON report, and loads
//! nothing from outside. Skips with a message where Chromium is absent
//! (`.ci/run` installs Debian's `chromium`).

mod support;
use support::{assert_loads_nothing, assert_self_contained, chromium, render, run_ok};

use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_fairness_report_renders_offline_with_its_numbers() {
    let d = std::env::temp_dir().join(format!("werkmatch-fairness-html-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let audit = d.join("audit.jsonl");
    run_ok(
        "generate",
        &[
            "--seekers",
            "400",
            "--vacancies",
            "600",
            "--employers",
            "0",
            "--seed",
            "3",
            "--out",
            s(&d),
            "--audit",
            s(&audit),
        ],
    );
    let matches = d.join("matches.jsonl");
    run_ok(
        "match",
        &["--seekers", s(&d.join("seekers.jsonl")), "--vacancies", s(&d.join("vacancies.jsonl")), "--out", s(&matches)],
    );
    let (json, html) = (d.join("fairness.json"), d.join("fairness.html"));
    run_ok(
        "fairness",
        &[
            "--matches",
            s(&matches),
            "--attributes",
            s(&audit),
            "--seekers",
            s(&d.join("seekers.jsonl")),
            "--json",
            s(&json),
            "--html",
            s(&html),
        ],
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert_self_contained(&page);

    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed (apt-get install -y chromium); the static checks above ran");
        return;
    };
    let dom = render(&browser, &html, &d.join("fairness.png"), 2000);
    assert_loads_nothing(&dom);
    assert!(dom.contains("<h1>Eerlijkheidsrapport</h1>"), "Dutch by default");
    for attr in ["age_band", "gender", "migration_background", "years_on_assistance"] {
        assert!(dom.contains(&format!("<h2>Kenmerk: {attr}</h2>")), "no section for {attr}");
    }
    assert!(dom.contains("<h2>Controle op plaatsvervangende kenmerken</h2>"));
    assert!(
        dom.contains("<svg")
            && dom.contains("<title id=\"match-0-title\">")
            && dom.contains("<desc id=\"match-0-desc\">")
    );
    // Every group's figures, as the JSON states them, are on the rendered page.
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let mut checked = 0;
    for groups in report["attributes"].as_object().unwrap().values() {
        for g in groups.as_object().unwrap().values() {
            for key in ["match_rate", "exposure", "mean_best_score", "match_rate_ratio", "exposure_ratio"] {
                if let Some(x) = g[key].as_f64() {
                    // Dutch by default: a decimal comma.
                    let shown = format!("{x:.4}").replace('.', ",");
                    assert!(dom.contains(&format!(">{shown}<")), "{key} {shown} is not on the page");
                    checked += 1;
                }
            }
            let ci = &g["match_rate_ci"];
            let (lo, hi) = (ci[0].as_f64().unwrap(), ci[1].as_f64().unwrap());
            let interval = format!("[{lo:.4}; {hi:.4}]").replace('.', ",");
            assert!(dom.contains(&interval), "interval {interval} is not on the page");
        }
    }
    assert!(checked > 40, "only {checked} figures checked");
    let n_flagged = report["attributes"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|g| g.as_object().unwrap().values())
        .filter(|g| g["flagged"] == true)
        .count();
    assert!(dom.contains(&format!("<td>{n_flagged}</td>")));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn the_report_speaks_english_when_asked() {
    let d = std::env::temp_dir().join(format!("werkmatch-fairness-en-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let html = d.join("f.html");
    let matches = d.join("m.jsonl");
    run_ok(
        "match",
        &[
            "--seekers",
            "fixtures/cases/seekers.jsonl",
            "--vacancies",
            "fixtures/cases/vacancies.jsonl",
            "--out",
            s(&matches),
        ],
    );
    let table = run_ok(
        "fairness",
        &[
            "--matches",
            s(&matches),
            "--attributes",
            "fixtures/audit/attributes.jsonl",
            "--html",
            s(&html),
            "--lang",
            "en",
            "--min-group",
            "2",
        ],
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"en\">") && page.contains("<h1>Fairness report</h1>"), "{page}");
    assert!(page.contains("<h2>Attribute: age_band</h2>") && page.contains("insufficient n"));
    // The printed table speaks the report's language too: English when asked, Dutch by default.
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("Fairness report") && table.contains("Attribute: age_band"), "{table}");
    let dutch = run_ok("fairness", &["--matches", s(&matches), "--attributes", "fixtures/audit/attributes.jsonl"]);
    let dutch = String::from_utf8(dutch.stdout).unwrap();
    assert!(dutch.starts_with("Eerlijkheidsrapport") && dutch.contains("Kenmerk: age_band"), "{dutch}");
    assert!(dutch.contains("onvoldoende n"), "{dutch}");
    std::fs::remove_dir_all(&d).unwrap();
}
