//! Generated schema.org JobPostings in the shapes vacancy sites publish, for
//! the import benchmarks (`bench --import`, `benches/feeds.rs`).
//!
//! One posting (about 1.3 KB of JSON) has:
//! - a `title` from the vocabulary (no `occupationalCategory`: the title
//!   goes through the title normaliser, the expensive part);
//! - `skills`: two free-text phrases from the vocabulary, as a
//!   comma-separated string or a list (both shapes are published);
//! - an HTML `description` (entities, lists) that states hours and, in most,
//!   a start time ("vanaf 06:00", "early shift from 5.30 am" …);
//! - `workHours` text in half of them ("05:30-14:00", "24 tot 32 uur" …);
//! - `industry` in 40% only (the usual case: most postings name none);
//! - `jobLocationType: TELECOMMUTE` without `jobLocation` in 10%
//!   (with `applicantLocationRequirements` in half of those), else a
//!   `jobLocation` with `geo` or an `address.postalCode` (Groningen);
//! - `employmentType`, `hiringOrganization`, `datePosted`, `baseSalary`.
//!
//! Every choice is a pure function of (seed, index), so the document is the
//! same on every machine.
#![allow(dead_code)] // each includer uses a part

use std::path::Path;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use werkmatch::adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch::adapter::postcode::PostcodeTable;
use werkmatch::adapter::{OnError, ReadOptions};
use werkmatch::rank::Executor;

/// The Groningen postcodes the generated postings use (with their centres).
pub const PC4: [(u16, f64, f64); 8] = [
    (9711, 53.219, 6.568),
    (9712, 53.216, 6.560),
    (9713, 53.231, 6.557),
    (9718, 53.212, 6.555),
    (9721, 53.196, 6.580),
    (9741, 53.240, 6.530),
    (9742, 53.236, 6.544),
    (9751, 53.183, 6.604),
];

/// A GeoNames-format postcode table for [`PC4`].
pub fn postcode_rows() -> String {
    PC4.iter()
        .map(|(pc, lat, lon)| format!("NL\t{pc}\tGroningen\tGroningen\t04\tGroningen\t0014\t\t\t{lat}\t{lon}\t\n"))
        .collect()
}

/// The options both import benchmarks read the document with: as `import --kind
/// jobposting --esco … --postcodes …` does (errors collected, titles and skill
/// phrases normalised), on `exec`.
pub fn import_options<'a>(
    table: &'a PostcodeTable,
    taxonomy: &'a Taxonomy,
    titles: &'a OccupationNormaliser<'a>,
    skills: &'a SkillNormaliser<'a>,
    exec: Executor<'a>,
) -> ReadOptions<'a> {
    ReadOptions::builder()
        .on_error(OnError::Collect)
        .postcodes(table)
        .resolver(taxonomy)
        .normaliser(titles)
        .skill_normaliser(skills)
        .executor(exec)
        .build()
        .unwrap_or_else(|e| panic!("the import options are valid: {e}"))
}

const WORK_HOURS: [&str; 8] = [
    "05:30-14:00",
    "van 6.00 tot 14.30 uur",
    "24 tot 32 uur per week",
    "32-40 hours per week",
    "ma-vr 07:00 - 15:30",
    "24-32",
    "Vroege dienst vanaf 06:00, 36 uur",
    "shifts begin at 6 am, 40 hours",
];

const STARTS: [&str; 6] = [
    "De vroege dienst begint vanaf 06:00.",
    "Op zaterdag start om 5 uur 's ochtends.",
    "Early shift from 5.30 am, late shift until 22:00.",
    "Shifts begin at 7 in the morning.",
    "Je werkt in dagdiensten.",
    "Werktijden in overleg.",
];

const HOURS: [&str; 5] = [
    "Je werkt 24 tot 32 uur per week.",
    "32-40 hours per week.",
    "Fulltime (38 uur).",
    "16 tot 24 uur",
    "Parttime of fulltime.",
];

const INDUSTRY: [&str; 6] = ["C", "G", "H", "I", "N", "Q"];

/// An HTML description of about 900 bytes that states hours and a start.
fn description(rng: &mut ChaCha8Rng) -> String {
    let start = STARTS[rng.gen_range(0..STARTS.len())];
    let hours = HOURS[rng.gen_range(0..HOURS.len())];
    let salary = rng.gen_range(1400..2200) as f64 / 100.0;
    format!(
        "<p>Voor onze vestiging in Groningen zoeken wij een enthousiaste collega die van aanpakken weet.</p>\
         <h3>Wat ga je doen?</h3><ul><li>Je werkt mee in een hecht team en zorgt dat alles op tijd klaar is</li>\
         <li>Werken volgens de hygi&euml;ne- en veiligheidsvoorschriften</li><li>Contact met collega&#39;s en klanten</li></ul>\
         <h3>Wat bieden wij?</h3><ul><li>Salaris &euro; {salary:.2} per uur</li><li>{hours}</li><li>{start}</li>\
         <li>Reiskostenvergoeding en 25 vakantiedagen</li></ul>\
         <p>Heb je vragen? Bel ons tussen 9.00 en 17.00 uur. We reageren binnen 24 uur &amp; nodigen je snel uit.</p>"
    )
}

/// The vocabulary postings draw their free text from.
pub struct Vocabulary {
    /// Job titles (each posting takes one at random).
    pub titles: Vec<String>,
    /// Skill phrases (each posting takes two at random).
    pub skills: Vec<String>,
}

/// One column of a CSV file, in file order.
fn column(path: &Path, name: &str) -> Result<Vec<String>, String> {
    let mut r = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = r.headers().map_err(|e| format!("{}: {e}", path.display()))?.clone();
    let i = headers.iter().position(|h| h == name).ok_or_else(|| format!("{}: no column {name:?}", path.display()))?;
    let mut out = Vec::new();
    for row in r.records() {
        let row = row.map_err(|e| format!("{}: {e}", path.display()))?;
        if let Some(v) = row.get(i).map(str::trim).filter(|v| !v.is_empty()) {
            out.push(v.to_string());
        }
    }
    Ok(out)
}

/// The real vocabulary: the JobBERT development titles and the skill-span development
/// phrases (`testsets` is `../shared/data/testsets`).
pub fn esco_vocabulary(testsets: &Path) -> Result<Vocabulary, String> {
    let titles = column(&testsets.join("jobbert_titles/titles.csv"), "vacancyTitle")?;
    let mut skills = Vec::new();
    for split in ["house", "tech"] {
        skills.extend(column(&testsets.join(format!("skill_spans/{split}_validation_annotations.csv")), "span")?);
    }
    Ok(Vocabulary { titles, skills })
}

/// One posting as a JSON object (one line), and the vocabulary entries it took.
fn posting(vocab: &Vocabulary, seed: u64, i: usize) -> (serde_json::Value, [usize; 3]) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(i as u64);
    let picks = [
        rng.gen_range(0..vocab.titles.len()),
        rng.gen_range(0..vocab.skills.len()),
        rng.gen_range(0..vocab.skills.len()),
    ];
    let (title, s1, s2) = (&vocab.titles[picks[0]], &vocab.skills[picks[1]], &vocab.skills[picks[2]]);
    let skills = if rng.gen_bool(0.5) { serde_json::json!(format!("{s1}, {s2}")) } else { serde_json::json!([s1, s2]) };
    let mut p = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "identifier": format!("P{i:07}"),
        "title": title,
        "description": description(&mut rng),
        "datePosted": "2024-05-01",
        "skills": skills,
        "employmentType": if rng.gen_bool(0.6) { "PART_TIME" } else { "FULL_TIME" },
        "hiringOrganization": {"@type": "Organization", "name": format!("Werkgever {}", rng.gen_range(0..2000))},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": 14.5, "maxValue": 18.0, "unitText": "HOUR"}},
    });
    if rng.gen_bool(0.5) {
        p["workHours"] = WORK_HOURS[rng.gen_range(0..WORK_HOURS.len())].into();
    }
    if rng.gen_bool(0.4) {
        p["industry"] = INDUSTRY[rng.gen_range(0..INDUSTRY.len())].into();
    }
    if rng.gen_bool(0.1) {
        p["jobLocationType"] = "TELECOMMUTE".into();
        if rng.gen_bool(0.5) {
            p["applicantLocationRequirements"] = serde_json::json!({"@type": "Country", "name": "Netherlands"});
        }
    } else {
        let (pc, lat, lon) = PC4[rng.gen_range(0..PC4.len())];
        p["jobLocation"] = if rng.gen_bool(0.7) {
            let jitter = |x: f64, r: &mut ChaCha8Rng| x + r.gen_range(-200..200) as f64 / 10_000.0;
            serde_json::json!({"@type": "Place", "geo": {"@type": "GeoCoordinates",
                "latitude": jitter(lat, &mut rng), "longitude": jitter(lon, &mut rng)}})
        } else {
            serde_json::json!({"@type": "Place", "address": {"@type": "PostalAddress",
                "postalCode": format!("{pc} AB"), "addressLocality": "Groningen", "addressCountry": "NL"}})
        };
    }
    (p, picks)
}

/// A generated document and what decides its import speed.
pub struct Generated {
    /// One JSON-LD array, one posting per line.
    pub text: String,
    /// Postings in it.
    pub postings: usize,
    /// Distinct titles among them (each is one title search).
    pub distinct_titles: usize,
    /// Distinct skill phrases among them (each is one skill search).
    pub distinct_skills: usize,
}

/// `n` postings as one JSON-LD array, one posting per line.
pub fn document(vocab: &Vocabulary, n: usize, seed: u64) -> Generated {
    let mut text = String::with_capacity(n * 1400 + 4);
    let (mut titles, mut skills) = (std::collections::HashSet::new(), std::collections::HashSet::new());
    text.push_str("[\n");
    for i in 0..n {
        if i > 0 {
            text.push_str(",\n");
        }
        let (p, [t, s1, s2]) = posting(vocab, seed, i);
        text.push_str(&p.to_string());
        // Entries of the vocabulary may repeat: count the texts.
        titles.insert(vocab.titles[t].as_str());
        skills.extend([vocab.skills[s1].as_str(), vocab.skills[s2].as_str()]);
    }
    text.push_str("\n]\n");
    Generated { text, postings: n, distinct_titles: titles.len(), distinct_skills: skills.len() }
}
