//! Throughput of the feed readers: a Dutch CSV export of seekers through the
//! default mapping, and schema.org JobPostings in JSON-LD.
//!
//! Targets (one core, release): CSV ≥ 200 000 records/s, JSON-LD ≥ 20 000 postings/s.
//!
//! `feeds_esco` measures issue 12's target, JobPosting import with
//! normalisation and text extraction on, against the real ESCO taxonomy
//! (`../shared/data`; skipped with a message when it is absent): 100,000
//! generated postings in the published shapes (`examples/bench/postings.rs`)
//! whose titles are drawn from the JobBERT development titles (about 15,000
//! distinct) and skill phrases from the skill-span development files, on
//! rayon's pool (all threads) and on the calling thread alone. Each
//! iteration starts with fresh normalisers (empty memos; their build is not
//! timed). `cargo run --release --example bench -- --import --esco DIR`
//! gives the same figures as JSON.

// `criterion_group!` generates a public function without documentation.
#![allow(missing_docs)]

#[path = "../examples/bench/postings.rs"]
mod postings;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use werkmatch::adapter::csv_export::{read_seekers, read_vacancies, Mapping};
use werkmatch::adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch::adapter::jobposting::read_jobpostings;
use werkmatch::adapter::postcode::PostcodeTable;
use werkmatch::adapter::OnError;
use werkmatch::adapter::ReadOptions;
use werkmatch::rank::Executor;

const PC4: [u16; 8] = [9711, 9712, 9713, 9718, 9721, 9741, 9742, 9751];
const EDU: [&str; 6] = ["MBO 2", "VMBO", "HBO", "geen", "basisonderwijs", "MBO 4"];
const MODES: [&str; 4] = ["fiets, OV", "auto", "e-bike", "lopen"];

fn table() -> PostcodeTable {
    let rows: String = PC4
        .iter()
        .enumerate()
        .map(|(i, pc)| {
            format!("NL\t{pc}\tGroningen\tGroningen\t04\tGroningen\t0014\t\t\t{}\t6.56\t\n", 53.2 + i as f64 / 100.0)
        })
        .collect();
    PostcodeTable::read(rows.as_bytes(), None).unwrap_or_default()
}

fn seekers_csv(n: usize) -> String {
    let mut s = String::from("klantnummer;postcode;opleidingsniveau;werkervaring;gewenst_beroep;voorkeur_sector;uren;reistijd_max;vervoer;rijbewijs;taalniveau;naam\n");
    for i in 0..n {
        s.push_str(&format!(
            "K{i:07};{} AB;{};9112:3, 5223:1.5;9112;N;24-32;45;{};{};B1;x\n",
            PC4[i % PC4.len()],
            EDU[i % EDU.len()],
            MODES[i % MODES.len()],
            if i % 2 == 0 { "ja" } else { "nee" }
        ));
    }
    s
}

fn vacancies_csv(n: usize) -> String {
    let mut s = String::from(
        "vacaturenummer,werkgever_id,functie,beroep,sector,postcode,uren,begintijd,rijbewijs,aantal_plaatsen\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "V{i:07},E{},\"Medewerker, schoonmaak\",9112,4711,{},24-32,06:30,nee,1\n",
            i % 500,
            PC4[i % PC4.len()]
        ));
    }
    s
}

fn postings(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"@context":"https://schema.org","@type":"JobPosting","identifier":"J{i}","title":"Medewerker schoonmaak","description":"Wij zoeken een collega voor de schoonmaak van kantoren in Groningen. Je werkt in een team.","datePosted":"2024-05-01","occupationalCategory":{{"@type":"CategoryCode","codeValue":"9112"}},"skills":"schoonmaken, hygiëne","industry":"N","employmentType":"PART_TIME","educationRequirements":{{"@type":"EducationalOccupationalCredential","credentialCategory":"MBO 2"}},"hiringOrganization":{{"@type":"Organization","name":"Schoonmaak {}"}},"jobLocation":{{"@type":"Place","geo":{{"latitude":53.2,"longitude":6.56}}}}}}"#,
                i % 300
            )
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

/// Postings as vacancy sites publish them: no `industry`, an HTML
/// description of about 1.5 KB that states the start time and the hours,
/// `workHours` with a time range; every field derived from text is read.
fn postings_with_text(n: usize) -> String {
    let body = "<p>Voor onze bakkerij in Groningen zoeken wij een enthousiaste collega.</p>\
        <h3>Wat ga je doen?</h3><ul><li>Deeg kneden en brood bakken volgens recept</li>\
        <li>Werken volgens de hygi&euml;nevoorschriften (HACCP)</li><li>De winkel bevoorraden</li></ul>\
        <h3>Wat bieden wij?</h3><ul><li>Salaris &euro; 14.50 - &euro; 16.00 per uur</li>\
        <li>Je werkt 24 tot 32 uur per week</li><li>De vroege dienst begint vanaf 06:00, \
        op zaterdag start om 5 uur 's ochtends</li><li>Reiskostenvergoeding en 25 vakantiedagen</li></ul>\
        <p>Heb je vragen? Bel ons tussen 9.00 en 17.00 uur. We reageren binnen 24 uur.</p>";
    let body = body.repeat(2);
    let items: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"@context":"https://schema.org","@type":"JobPosting","identifier":"T{i}","title":"Medewerker bakkerij &amp; winkel","description":"{body}","workHours":"05:30-14:00","datePosted":"2024-05-01","occupationalCategory":"7512","skills":"deeg kneden, hygiënevoorschriften","employmentType":"PART_TIME","hiringOrganization":{{"@type":"Organization","name":"Bakkerij {}"}},"jobLocation":{{"@type":"Place","geo":{{"latitude":53.2,"longitude":6.56}}}}}}"#,
                i % 300
            )
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

fn bench(c: &mut Criterion) {
    let table = table();
    let mapping = Mapping::dutch_default();
    let mut group = c.benchmark_group("feeds");
    group.sample_size(10);
    let n = 100_000;
    let text = seekers_csv(n);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function(BenchmarkId::new("csv_seekers", n), |b| {
        b.iter(|| {
            let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
            let loaded = read_seekers(text.as_bytes(), None, &mapping, &opts);
            assert_eq!(loaded.map(|l| l.accepted.len()).ok(), Some(n));
        })
    });
    let text = vacancies_csv(n);
    group.bench_function(BenchmarkId::new("csv_vacancies", n), |b| {
        b.iter(|| {
            let opts = ReadOptions::builder().on_error(OnError::Collect).postcodes(&table).build().unwrap();
            let loaded = read_vacancies(text.as_bytes(), None, &mapping, &opts);
            assert_eq!(loaded.map(|l| l.accepted.len()).ok(), Some(n));
        })
    });
    let m = 20_000;
    let doc = postings(m);
    group.throughput(Throughput::Elements(m as u64));
    group.bench_function(BenchmarkId::new("jsonld_postings", m), |b| {
        b.iter(|| {
            let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
            let loaded = read_jobpostings(&doc, None, &opts);
            assert_eq!(loaded.map(|l| l.accepted.len()).ok(), Some(m));
        })
    });
    let doc = postings_with_text(m);
    group.bench_function(BenchmarkId::new("jsonld_postings_text", m), |b| {
        b.iter(|| {
            let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
            let loaded = read_jobpostings(&doc, None, &opts).expect("reads");
            assert_eq!(loaded.accepted.len(), m);
            // Start and hours really come from the text.
            assert_eq!(loaded.accepted[0].earliest_start.map(|t| t.to_string()).as_deref(), Some("05:00"));
            assert_eq!(loaded.accepted[0].hours.max(), 32);
        })
    });
    group.finish();
}

/// Issue 12's import target with the real taxonomy (see the module docs).
fn bench_esco(c: &mut Criterion) {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let (esco, testsets) = (shared.join("esco/v1.1.1"), shared.join("testsets"));
    if !esco.is_dir() || !testsets.is_dir() {
        eprintln!("feeds_esco: skipped, {} is absent (see SOURCES.md)", shared.display());
        return;
    }
    let taxonomy = Taxonomy::load(&esco).unwrap_or_else(|e| panic!("{e}"));
    let vocab = postings::esco_vocabulary(&testsets).unwrap_or_else(|e| panic!("{e}"));
    let n = 100_000;
    let doc = postings::document(&vocab, n, 2019);
    eprintln!(
        "feeds_esco: {n} postings, {} distinct titles, {} distinct skill phrases",
        doc.distinct_titles, doc.distinct_skills
    );
    let table = PostcodeTable::read(postings::postcode_rows().as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("feeds_esco");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    let threads = rayon::current_num_threads();
    for (name, exec) in [
        (format!("jobposting_normalised_{threads}t"), Executor::Global),
        ("jobposting_normalised_1t".to_string(), Executor::CurrentThread),
    ] {
        group.bench_function(BenchmarkId::new(name, n), |b| {
            b.iter_batched(
                || (OccupationNormaliser::new(&taxonomy), SkillNormaliser::new(&taxonomy)),
                |(titles, skills)| {
                    let opts = postings::import_options(&table, &taxonomy, &titles, &skills, exec);
                    let loaded = read_jobpostings(&doc.text, None, &opts).unwrap_or_else(|e| panic!("{e}"));
                    assert_eq!(loaded.read, n as u64);
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_esco);
criterion_main!(benches);
