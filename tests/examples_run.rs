//! The example programs, run as a user would run them on the fixtures: output
//! and exit codes. `cargo test` builds the examples before running this.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The hand-made case set and the municipal export fixtures.
const SEEKERS: &str = "fixtures/cases/seekers.jsonl";
const VACANCIES: &str = "fixtures/cases/vacancies.jsonl";
const EMPLOYERS: &str = "fixtures/cases/employers.jsonl";
const CSV_SEEKERS: &str = "fixtures/feeds/seekers_nl.csv";
const POSTCODES: &str = "fixtures/feeds/postcodes_groningen.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> PathBuf {
    // target/<profile>/deps/examples_run-<hash> → target/<profile>/examples/<name>
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap().join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "{} is missing: run `cargo test --workspace`, which builds the examples", path.display());
    path
}

fn run(name: &str, args: &[&str]) -> Output {
    Command::new(example(name)).args(args).current_dir(root()).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("werkmatch-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
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
        err.contains("  afgekeurd fixtures/feeds/seekers_nl.csv:4: veld `postcode`: onbekende verwijzing: \"9999 AB\""),
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
    let stdout = text(&o.stdout);
    assert!(
        stdout.contains(
            "afgekeurd fixtures/feeds/seekers_nl.csv:5: veld `opleidingsniveau`: ongeldige waarde: \"MBO 5\""
        ),
        "{stdout}"
    );
    assert!(stdout.contains("fixtures/feeds/seekers_nl.csv: 14 gelezen, 5 goedgekeurd, 9 afgekeurd in "), "{stdout}");
    let o = run(
        "import",
        &["--kind", "seekers", "--input", CSV_SEEKERS, "--postcodes", POSTCODES, "--out", out.to_str().unwrap()],
    );
    assert!(text(&o.stdout).contains("seekers_nl.csv: read 14, accepted 5, rejected 9 in "), "{}", text(&o.stdout));
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
