//! The example programs, run as a user would run them on the fixtures: output
//! and exit codes. `cargo test` builds the examples before running this.

mod support;
use support::{root, run, text};

use std::path::PathBuf;

/// The hand-made case set and the municipal export fixtures.
const SEEKERS: &str = "fixtures/cases/seekers.jsonl";
const VACANCIES: &str = "fixtures/cases/vacancies.jsonl";
const EMPLOYERS: &str = "fixtures/cases/employers.jsonl";
const CSV_SEEKERS: &str = "fixtures/feeds/seekers_nl.csv";
const POSTCODES: &str = "fixtures/feeds/postcodes_groningen.txt";

fn tmp(name: &str) -> PathBuf {
    support::tmp("examples", name)
}

#[test]
fn match_writes_all_three_directions() {
    let out = tmp("matches.jsonl");
    let o = run(
        "match",
        &[
            "--seekers",
            SEEKERS,
            "--vacancies",
            VACANCIES,
            "--employers",
            EMPLOYERS,
            "--top",
            "10",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // 6 seekers → vacancies, 8 vacancies → seekers, 6 seekers → employers.
    assert_eq!(lines.len(), 20);
    let s02 = lines.iter().find(|l| l["seeker"] == "S02" && l.get("matches").is_some()).unwrap();
    assert_eq!(s02["matches"][0]["vacancy"], "V08");
    assert_eq!(s02["matches"][1]["vacancy"], "V02", "the early shift in Assen, by car");
    let v06 = lines.iter().find(|l| l["vacancy"] == "V06").unwrap();
    assert_eq!(v06["matches"][0]["seeker"], "S03");
}

#[test]
fn match_with_explanations() {
    let out = tmp("explained.jsonl");
    let o =
        run("match", &["--seekers", SEEKERS, "--vacancies", VACANCIES, "--explain", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let first: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&out).unwrap().lines().next().unwrap()).unwrap();
    let e = &first["matches"][0]["explanation"];
    assert_eq!(e["components"].as_array().unwrap().len(), 6);
    assert_eq!(e["knockouts"].as_array().unwrap().len(), 0);
}

#[test]
fn match_reports_bad_input_with_exit_1() {
    let out = tmp("bad.jsonl");
    let o = run(
        "match",
        &["--seekers", "fixtures/bad/seekers_mixed.jsonl", "--vacancies", VACANCIES, "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("seekers_mixed.jsonl:3: field `location.alt`"), "{err}");
}

#[test]
fn match_reads_the_feeds_and_still_matches_the_good_records() {
    let out = tmp("feeds.jsonl");
    let o = run(
        "match",
        &["--seekers", CSV_SEEKERS, "--postcodes", POSTCODES, "--vacancies", VACANCIES, "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "some records are bad");
    let err = text(&o.stderr);
    assert!(err.contains("seekers_nl.csv:4: field `postcode`"), "{err}");
    assert!(err.contains("9 bad input record(s) were left out"), "{err}");
    assert!(err.contains("exclusions by reason"), "{err}");
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines.lines().filter(|l| l.starts_with("{\"seeker\"")).count(), 5, "the 5 good seekers are matched");
    // --strict stops at the first bad record.
    let o = run(
        "match",
        &[
            "--seekers",
            CSV_SEEKERS,
            "--postcodes",
            POSTCODES,
            "--vacancies",
            VACANCIES,
            "--strict",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("seekers_nl.csv:4"), "{}", text(&o.stderr));
}

#[test]
fn match_usage_error_is_exit_2() {
    let o = run("match", &["--seekers", SEEKERS]);
    assert_eq!(o.status.code(), Some(2));
    let o = run("match", &["--seekers", "x", "--out", "y"]);
    assert_eq!(o.status.code(), Some(2), "no vacancies and no employers");
}

#[test]
fn jobhunt_explains_matches_hidden_jobs_and_near_misses_in_dutch_by_default() {
    let o = run("jobhunt", &["--seekers", SEEKERS, "--id", "S05", "--vacancies", VACANCIES, "--employers", EMPLOYERS]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.starts_with(
            "Werkzoekende S05: mbo 2 (beroepsniveau 2, startkwalificatie), reist maximaal 45 min (lopen, fiets, OV)\n"
        ),
        "{out}"
    );
    assert!(out.contains("Beste vacatures\n  1. V01 Schoonmaker kantoren (ISCO 9112), score 0,43\n"), "{out}");
    assert!(out.contains("     waarom: 22 min met het OV; overgekwalificeerd: 1 niveau boven de baan\n"), "{out}");
    assert!(out.contains("Verborgen banen (werkgevers zonder vacature)\n  1. E01"), "{out}");
    assert!(
        out.contains("Bijna passend (op één punt uitgesloten)\n  1. V04 Bezorger (ISCO 8322), uitgesloten\n"),
        "{out}"
    );
    assert!(out.contains("     zou 0,95 scoren; 7 min met de fiets\n     drempel: rijbewijs B nodig\n"), "{out}");
    assert!(out.contains("drempel: Nederlands op taalniveau B1 nodig"), "{out}");
}

#[test]
fn jobhunt_in_english() {
    let o = run(
        "jobhunt",
        &["--seekers", SEEKERS, "--id", "S05", "--vacancies", VACANCIES, "--employers", EMPLOYERS, "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("Candidate S05: education mbo2 (skill level 2"), "{out}");
    assert!(out.contains("Best vacancies\n  1. V01 Schoonmaker kantoren (ISCO 9112), score 0.43\n"), "{out}");
    assert!(out.contains("     why: 22 min by public transport; over-qualified by 1 level\n"), "{out}");
    assert!(out.contains("Hidden jobs (employers without a vacancy)\n  1. E01"), "{out}");
    assert!(out.contains("Near misses (excluded by one thing)\n  1. V04 Bezorger (ISCO 8322), excluded\n"), "{out}");
    assert!(
        out.contains("     would score 0.95; travel 7 min by bike\n     to unlock: needs a driving licence\n"),
        "{out}"
    );
}

#[test]
fn jobhunt_names_the_e_bike_that_would_reach_a_job_too_far_on_foot() {
    for (lang, phrase) in [
        ("nl", "drempel: 57 min reistijd, meer dan de maximale 20 min; met de e-bike bereikbaar in 14 min"),
        ("en", "to unlock: 57 min away, more than 20 min; reachable by e-bike in 14 min"),
    ] {
        let o = run("jobhunt", &["--seekers", SEEKERS, "--id", "S06", "--vacancies", VACANCIES, "--lang", lang]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        assert!(text(&o.stdout).contains(phrase), "{lang}: {}", text(&o.stdout));
    }
}

#[test]
fn jobhunt_profile_and_json() {
    let o = run(
        "jobhunt",
        &[
            "--lat",
            "53.2194",
            "--lon",
            "6.5665",
            "--education",
            "mbo2",
            "--occupation",
            "9112",
            "--vacancies",
            VACANCIES,
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["vacancies"][0]["id"], "V01");
    assert_eq!(v["lang"], "nl");
    // The report's texts follow --lang (Dutch by default); the explanation's data keeps its ids.
    let near = v["near_misses"].as_array().unwrap();
    assert!(near.iter().any(|m| m["hints"][0] == "rijbewijs B nodig"), "{v}");
    assert!(near.iter().any(|m| m["explanation"]["knockouts"][0] == "licence"), "{v}");
    let o = run(
        "jobhunt",
        &["--lat", "53.2194", "--lon", "6.5665", "--vacancies", VACANCIES, "--format", "json", "--lang", "en"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["near_misses"].as_array().unwrap().iter().any(|m| m["hints"][0] == "needs a driving licence"), "{v}");
}

#[test]
fn jobhunt_errors() {
    let o = run("jobhunt", &["--vacancies", VACANCIES]);
    assert_eq!(o.status.code(), Some(2), "no candidate given");
    let o = run("jobhunt", &["--seekers", SEEKERS, "--id", "NOPE", "--vacancies", VACANCIES]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("fout: geen werkzoekende met id \"NOPE\""), "{}", text(&o.stderr));
    let o = run("jobhunt", &["--seekers", SEEKERS, "--id", "NOPE", "--vacancies", VACANCIES, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("error: no seeker with id \"NOPE\""), "{}", text(&o.stderr));
    let o = run("jobhunt", &["--vacancies", VACANCIES, "--lat", "53", "--lon", "6", "--modes", "boot"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("onbekend vervoermiddel \"boot\": kies uit walk, bike"), "{}", text(&o.stderr));
    let o = run("jobhunt", &["--vacancies", VACANCIES, "--lang", "de"]);
    assert_eq!(o.status.code(), Some(2), "an unknown language is a usage error");
}

#[test]
fn vacancy_lists_candidates_and_near_misses_in_dutch_by_default() {
    let o = run("vacancy", &["--vacancies", VACANCIES, "--id", "V04", "--seekers", SEEKERS]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("Vacature V04 Bezorger (ISCO 8322, beroepsniveau 2, sector H)\n"), "{out}");
    assert!(out.contains("Beste kandidaten\n  1. S02 score 0,40\n     waarom: 10 min met de auto"), "{out}");
    assert!(out.contains("     ontbrekende vaardigheden: drive_van\n"), "{out}");
    assert!(out.contains("  1. S05 zou 0,95 scoren; 7 min met de fiets\n     drempel: rijbewijs B nodig\n"), "{out}");
    let o = run("vacancy", &["--vacancies", VACANCIES, "--id", "V02", "--seekers", SEEKERS]);
    assert!(
        text(&o.stdout).starts_with(
            "Vacature V02 Elektricien vroege dienst (ISCO 7411, beroepsniveau 2, sector F), begint om 06:30\n"
        ),
        "{}",
        text(&o.stdout)
    );
    let o = run("vacancy", &["--vacancies", VACANCIES, "--id", "V99", "--seekers", SEEKERS]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("fout: geen vacature met id \"V99\" in fixtures/cases/vacancies.jsonl"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn vacancy_in_english() {
    let o = run("vacancy", &["--vacancies", VACANCIES, "--id", "V04", "--seekers", SEEKERS, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("Vacancy V04 Bezorger (ISCO 8322, skill level 2, sector H)\n"), "{out}");
    assert!(out.contains("Best candidates\n  1. S02 score 0.40\n     why: 10 min by car"), "{out}");
    assert!(
        out.contains("  1. S05 would score 0.95; travel 7 min by bike\n     to unlock: needs a driving licence\n"),
        "{out}"
    );
    let o = run("vacancy", &["--vacancies", VACANCIES, "--id", "V02", "--seekers", SEEKERS, "--lang", "en"]);
    assert!(text(&o.stdout).contains(", starts 06:30\n"), "{}", text(&o.stdout));
}

#[test]
fn jobhunt_reads_the_municipal_csv_export() {
    let o = run(
        "jobhunt",
        &["--seekers", CSV_SEEKERS, "--id", "K0001", "--postcodes", POSTCODES, "--vacancies", VACANCIES],
    );
    // The export has deliberate errors: they are listed, the candidate is still served, exit code 1.
    // In Dutch; file, line, field and value stay as they are.
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("seekers_nl.csv: 14 gelezen, 5 goedgekeurd, 9 afgekeurd"), "{err}");
    assert!(
        err.contains("  afgekeurd fixtures/feeds/seekers_nl.csv:4: veld `postcode`: onbekende verwijzing: \"9999\""),
        "{err}"
    );
    assert!(err.contains("seekers_nl.csv:7: veld `klantnummer`: dubbel id: \"K0002\""), "{err}");
    assert!(err.contains("let op: 9 foute invoerrecord(s) weggelaten"), "{err}");
    assert!(text(&o.stdout).starts_with("Werkzoekende K0001"), "{}", text(&o.stdout));
    let o = run(
        "jobhunt",
        &[
            "--seekers",
            CSV_SEEKERS,
            "--id",
            "K0001",
            "--postcodes",
            POSTCODES,
            "--vacancies",
            VACANCIES,
            "--lang",
            "en",
        ],
    );
    let err = text(&o.stderr);
    assert!(err.contains("  rejected fixtures/feeds/seekers_nl.csv:4: field `postcode`: postcode 9999"), "{err}");
    assert!(text(&o.stdout).starts_with("Candidate K0001"), "{}", text(&o.stdout));
}

#[test]
fn match_and_import_summaries_in_dutch_on_request() {
    let out = tmp("dutch.jsonl");
    let o = run(
        "match",
        &[
            "--seekers",
            CSV_SEEKERS,
            "--postcodes",
            POSTCODES,
            "--vacancies",
            VACANCIES,
            "--lang",
            "nl",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("seekers_nl.csv:4: veld `postcode`"), "{err}");
    assert!(err.contains("werkzoekenden zonder vacature: 0 van 5"), "{err}");
    assert!(err.contains("uitsluitingen per reden ("), "{err}");
    assert!(err.contains("let op: 9 foute invoerrecord(s) weggelaten (zie hierboven); exitcode 1"), "{err}");
    let o = run(
        "import",
        &[
            "--kind",
            "seekers",
            "--input",
            CSV_SEEKERS,
            "--postcodes",
            POSTCODES,
            "--lang",
            "nl",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    // Rejected records are diagnostics: stderr.
    let stdout = text(&o.stderr);
    assert!(
        stdout.contains(
            "afgekeurd fixtures/feeds/seekers_nl.csv:5: veld `opleidingsniveau`: ongeldige waarde: \"MBO 5\""
        ),
        "{stdout}"
    );
    let summary = text(&o.stdout);
    assert!(summary.contains("fixtures/feeds/seekers_nl.csv: 14 gelezen, 5 goedgekeurd, 9 afgekeurd in "), "{summary}");
    let o = run(
        "import",
        &["--kind", "seekers", "--input", CSV_SEEKERS, "--postcodes", POSTCODES, "--out", out.to_str().unwrap()],
    );
    assert!(text(&o.stdout).contains("seekers_nl.csv: read 14, accepted 5, rejected 9 in "), "{}", text(&o.stdout));
}

#[test]
fn jobhunt_shows_esco_skills_by_name_and_keeps_uris_in_json() {
    // A made-up vacancy needing two skills of the fixture taxonomy (fixtures/esco/export):
    // one with a Dutch label, one with only an English one.
    let a1 = "http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-0000000000a1";
    let a5 = "http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-0000000000a5";
    let vacancies = tmp("esco_vacancies.jsonl");
    let line = format!(
        r#"{{"id":"VE1","title":"Heftruckchauffeur","isco":"8344","sector":"H","location":{{"lat":53.2194,"lon":6.5665}},"skills_essential":["{a1}","{a5}"],"hours":{{"min":24,"max":32}}}}"#
    );
    std::fs::write(&vacancies, format!("{line}\n")).unwrap();
    let args = |format: &'static str| {
        vec![
            "--lat".to_string(),
            "53.2194".into(),
            "--lon".into(),
            "6.5665".into(),
            "--occupation".into(),
            "8344".into(),
            "--vacancies".into(),
            vacancies.to_str().unwrap().into(),
            "--esco".into(),
            "fixtures/esco/export".into(),
            "--format".into(),
            format.into(),
        ]
    };
    let table = args("table");
    let o = run("jobhunt", &table.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("operate forklift, samenwerken in een team"), "{out}");
    assert!(!out.contains("http://data.europa.eu/esco/skill/"), "{out}");
    let json = args("json");
    let o = run("jobhunt", &json.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["vacancies"][0]["explanation"]["missing_essential_skills"], serde_json::json!([a1, a5]));
}

#[test]
fn normalize_maps_skill_phrases_with_confidence_or_reports_them_unmapped() {
    let o = run(
        "normalize",
        &["--esco", "fixtures/esco/export", "--skills", "--json", "-k", "2", "operate a forklift", "aaaa"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lines: Vec<serde_json::Value> = text(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["mapped"], "http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-0000000000a1");
    assert!(lines[0]["candidates"][0]["confidence"].as_f64().unwrap() >= lines[0]["min_confidence"].as_f64().unwrap());
    assert!(lines[1]["mapped"].is_null());
    // Usage errors exit 2 before any work.
    assert_eq!(run("normalize", &["--skills", "x"]).status.code(), Some(2));
    assert_eq!(run("normalize", &["--esco", "fixtures/esco/export"]).status.code(), Some(2));
    assert_eq!(run("normalize", &["--esco", "fixtures/esco/export", "-k", "0", "x"]).status.code(), Some(2));
}

#[test]
fn texts_lists_every_text_in_dutch_and_english() {
    let o = run("texts", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("key\tnl\ten\n"), "{out}");
    assert!(out.contains("\nknockout.licence\trijbewijs B nodig\tneeds a driving licence\n"), "{out}");
    assert!(out.contains("\ntrip.bike\t12 min met de fiets\t12 min by bike\n"), "{out}");
    assert!(out.contains("\njobhunt.best_vacancies\tBeste vacatures\tBest vacancies\n"), "{out}");
    // Every row has a Dutch and an English cell.
    for line in out.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(cells.len() == 3 && cells.iter().all(|c| !c.is_empty()), "{line}");
    }
}

// ---- Usage errors and real-shaped inputs (fixtures/feeds/postings) ----

const PUBLISHED: &str = "fixtures/feeds/postings/published.jsonld";

/// A fresh path in the temp directory that does not exist yet.
fn fresh(name: &str) -> PathBuf {
    let p = tmp(name);
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn usage_errors_exit_2_before_writing_anything() {
    let out = fresh("never-written.jsonl");
    let o = out.to_str().unwrap();
    let dir = fresh("never-created-dir");
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("match", vec!["--seekers", SEEKERS, "--vacancies", VACANCIES, "--top", "0", "--out", o]),
        ("match", vec!["--seekers", SEEKERS, "--vacancies", VACANCIES, "--min-score", "NaN", "--out", o]),
        ("match", vec!["--seekers", SEEKERS, "--vacancies", VACANCIES, "--min-score", "2", "--out", o]),
        ("match", vec!["--seekers", SEEKERS, "--vacancies", VACANCIES, "--out", SEEKERS]),
        ("match", vec!["--seekers", "fixtures/cases", "--vacancies", VACANCIES, "--out", o]),
        ("match", vec!["--seekers", SEEKERS, "--vacancies", VACANCIES, "--out", ""]),
        ("match", vec!["--seekers", SEEKERS, "--vacancies", VACANCIES, "--out", "/nonexistent-dir/m.jsonl"]),
        ("import", vec!["--kind", "jobposting", "--input", PUBLISHED, "--out", PUBLISHED]),
        ("import", vec!["--kind", "jobposting", "--input", "fixtures/feeds/postings", "--out", o]),
        ("import", vec!["--kind", "jobposting", "--input", "fixtures/feeds/postings/none.jsonld", "--out", o]),
        ("jobhunt", vec!["--seekers", SEEKERS, "--id", "S05", "--vacancies", VACANCIES, "--top", "0"]),
        ("vacancy", vec!["--vacancies", VACANCIES, "--id", "V04", "--seekers", SEEKERS, "--top", "0"]),
        ("generate", vec!["--seekers", "10", "--vacancies", "10", "--employers", "1", "--out", ""]),
    ];
    for (tool, args) in &cases {
        let o = run(tool, args);
        assert_eq!(o.status.code(), Some(2), "{tool} {args:?}: {}", text(&o.stderr));
        assert!(o.stdout.is_empty(), "{tool} {args:?} printed a result: {}", text(&o.stdout));
        assert!(!text(&o.stderr).is_empty(), "{tool} {args:?} said nothing");
        assert!(!out.exists() && !dir.exists(), "{tool} {args:?} wrote before failing");
    }
    let seekers = std::fs::read_to_string(root().join(SEEKERS)).unwrap();
    assert!(seekers.lines().count() >= 6, "the input is untouched");
    let o = run("import", &["--kind", "jobposting", "--input", "fixtures/feeds/postings", "--out", "x"]);
    assert!(text(&o.stderr).contains("is a directory, not a file"), "{}", text(&o.stderr));
}

#[test]
fn import_reads_published_postings_with_the_defaults() {
    let out = fresh("published.jsonl");
    let o = run(
        "import",
        &["--kind", "jobposting", "--input", PUBLISHED, "--postcodes", POSTCODES, "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "two postings are rejected: {}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.contains("read 10, accepted 8, rejected 2"), "{stdout}");
    let err = text(&o.stderr);
    assert!(err.contains("published.jsonld:47: field `jobLocation.geo`"), "{err}");
    assert!(err.contains("latitude and longitude swapped?"), "{err}");
    assert!(err.contains("derived from text: hours from description in 3"), "{err}");
    assert!(!stdout.contains("rejected fixtures"), "diagnostics stay on stderr");
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let p1 = lines.iter().find(|l| l["id"] == "PUB-01").unwrap();
    assert_eq!((p1.get("sector"), &p1["earliest_start"]), (None, &serde_json::json!("05:30")));
    let p2 = lines.iter().find(|l| l["id"] == "PUB-02").unwrap();
    assert_eq!((p2.get("location"), &p2["remote"]), (None, &serde_json::json!(true)));
}

#[test]
fn an_empty_input_is_bad_input() {
    let out = fresh("empty.jsonl");
    let o = run(
        "import",
        &["--kind", "jobposting", "--input", "fixtures/feeds/postings/empty.jsonld", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("the input is empty (0 bytes)"), "{}", text(&o.stderr));
}

#[test]
fn match_takes_published_postings_and_an_explicit_default_sector() {
    let out = fresh("published-matches.jsonl");
    let o = run(
        "match",
        &[
            "--seekers",
            SEEKERS,
            "--vacancies",
            PUBLISHED,
            "--postcodes",
            POSTCODES,
            "--default-sector",
            "C",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "two postings are rejected: {}", text(&o.stderr));
    assert!(text(&o.stderr).contains("warning: "), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().filter(|l| l.starts_with("{\"vacancy\"")).count(), 8);
}

#[test]
fn every_tool_says_what_it_does() {
    for tool in ["match", "import", "jobhunt", "vacancy", "generate", "groningen", "normalize", "eval_titles", "plan"] {
        let o = run(tool, &["--help"]);
        assert_eq!(o.status.code(), Some(0), "{tool}: {}", text(&o.stderr));
        let help = text(&o.stdout);
        assert!(help.lines().next().is_some_and(|l| l.split_whitespace().count() >= 3), "{tool}: {help}");
    }
}

const PLAN_SEEKERS: &str = "fixtures/plan/seekers.jsonl";
const PLAN_VACANCIES: &str = "fixtures/plan/vacancies.jsonl";

#[test]
fn plan_writes_the_worked_out_plan() {
    let (out, summary) = (tmp("plan.jsonl"), tmp("plan_summary.json"));
    let o = run(
        "plan",
        &[
            "--seekers",
            PLAN_SEEKERS,
            "--vacancies",
            PLAN_VACANCIES,
            "--out",
            out.to_str().unwrap(),
            "--summary",
            summary.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("placed: 3 of 4 seekers"), "{}", text(&o.stdout));
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 8, "4 seekers, then 4 vacancies");
    assert_eq!(
        lines[0],
        serde_json::json!({"seeker": "S1", "vacancy": "V3", "score": 0.85, "rank": 3, "reason": null, "contested": null})
    );
    assert_eq!(lines[3]["reason"], "no_candidates");
    assert_eq!(lines[4], serde_json::json!({"vacancy": "V1", "seekers": ["S2"], "open": 0}));
    assert_eq!(lines[7], serde_json::json!({"vacancy": "V4", "seekers": [], "open": 1}));
    let s: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(
        (s["placements"].as_u64(), s["total_weight"].as_i64(), s["naive_conflicts"].as_u64()),
        (Some(3), Some(2_550_000), Some(1))
    );

    // The stable plan, in Dutch: S2 loses V1 to S1.
    let o = run(
        "plan",
        &["--seekers", PLAN_SEEKERS, "--vacancies", PLAN_VACANCIES, "--mode", "stable", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("geplaatst: 2 van de 4 werkzoekenden"), "{}", text(&o.stdout));
    let s2: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&out).unwrap().lines().nth(1).unwrap()).unwrap();
    assert_eq!((s2["reason"].as_str(), s2["contested"].as_u64()), (Some("outcompeted"), Some(1)));
}

#[test]
fn plan_usage_errors_and_bad_input() {
    let out = tmp("plan_bad.jsonl");
    let base = ["--seekers", PLAN_SEEKERS, "--vacancies", PLAN_VACANCIES, "--out", out.to_str().unwrap()];
    for extra in [["--limit", "many"], ["--limit", "0"], ["--min-score", "1.5"], ["--mode", "fair"]] {
        let args: Vec<&str> = base.iter().copied().chain(extra).collect();
        assert_eq!(run("plan", &args).status.code(), Some(2), "{extra:?} is a usage error");
    }
    let o = run(
        "plan",
        &[
            "--seekers",
            "fixtures/bad/seekers_mixed.jsonl",
            "--vacancies",
            PLAN_VACANCIES,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("seekers_mixed.jsonl:") && err.contains("no plan is made"), "{err}");
}

#[test]
fn plan_honours_overrides() {
    let out = tmp("plan_overridden.jsonl");
    let args = [
        "--seekers",
        PLAN_SEEKERS,
        "--vacancies",
        PLAN_VACANCIES,
        "--overrides",
        "fixtures/plan/overrides.jsonl",
        "--overrides-as-of",
        "2026-12-01",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ];
    let o = run("plan", &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("placed: 2 of 4 seekers (50.0%); total weight 1850000"), "{}", text(&o.stdout));
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!((lines[0]["vacancy"].as_str(), lines[0]["rank"].as_u64()), (Some("V1"), Some(1)));
    assert_eq!(lines[1]["reason"], "no_candidates", "S2's only pair is excluded");
}
