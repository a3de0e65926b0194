//! The chunked JobPosting reader (postings converted in parallel, taken in
//! input order) against the plain one (one posting at a time on the calling
//! thread): the same records, rejections, warnings, counts and progress
//! reports, in collect and stop mode, for any chunk size and thread count,
//! on generated documents with the real normalisers (fixture taxonomy),
//! duplicate ids, graphs, non-postings and broken bytes.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use werkmatch_core::rank::Executor;

use super::read_chunked;
use crate::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use crate::feed::Progress;
use crate::postcode::PostcodeTable;
use crate::{Loaded, OnError, ReadOptions};
use werkmatch_core::Vacancy;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const TITLES: [&str; 8] = [
    "Forklift driver (m/v)",
    "office cleaner",
    "Cook &amp; kitchen help",
    "software developer",
    "aaaa",
    "Heftruckchauffeur",
    "chef kok",
    "xyz 123",
];
const SKILLS: [&str; 6] =
    ["operate forklift", "clean surfaces", "teamwork", "prepare meals", "qwerty", "computer programming"];
const HOURS: [&str; 5] = ["05:30-14:00", "van 6.00 tot 14.30 uur", "24 tot 32 uur", "flexibel", "32-40 hours per week"];

/// A generated posting: id, title, two skills, hours text (or none),
/// industry?, remote?, an ISCO code besides the title?
#[derive(Clone, Debug)]
struct Spec {
    id: u8,
    title: usize,
    skills: (usize, usize),
    hours: Option<usize>,
    industry: bool,
    remote: bool,
    code: bool,
}

/// One element of a generated document.
#[derive(Clone, Debug)]
enum Item {
    /// A posting.
    Posting(Spec),
    /// An object that is not a posting.
    Other,
    /// A graph with a context node and two postings.
    Graph(u8),
    /// A nested array with one posting.
    Nested(u8),
}

fn posting_json(spec: &Spec) -> String {
    let Spec { id, title, skills, hours, industry, remote, code } = *spec;
    let mut p = serde_json::json!({
        "@type": "JobPosting",
        "identifier": format!("J{id}"),
        "title": TITLES[title % TITLES.len()],
        "description": "<p>Vroege dienst vanaf 06:00, <b>24 tot 32 uur</b> per week. Bel ons tussen 9.00 en 17.00 uur.</p>",
        "skills": format!("{}, {}", SKILLS[skills.0 % SKILLS.len()], SKILLS[skills.1 % SKILLS.len()]),
        "employmentType": "PART_TIME",
        "hiringOrganization": {"@type": "Organization", "name": "Werkgever"},
    });
    if code {
        p["occupationalCategory"] = "9112".into();
    }
    if let Some(h) = hours {
        p["workHours"] = HOURS[h % HOURS.len()].into();
    }
    if industry {
        p["industry"] = "N".into();
    }
    if remote {
        p["jobLocationType"] = "TELECOMMUTE".into();
    } else {
        p["jobLocation"] = serde_json::json!({"@type": "Place", "address": {"postalCode": "9711 AB"}});
    }
    p.to_string()
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        8 => (0u8..30, 0usize..8, (0usize..6, 0usize..6), proptest::option::of(0usize..5), any::<bool>(), proptest::bool::weighted(0.2), proptest::bool::weighted(0.2))
            .prop_map(|(id, title, skills, hours, industry, remote, code)| Item::Posting(Spec { id, title, skills, hours, industry, remote, code })),
        1 => Just(Item::Other),
        1 => (0u8..30).prop_map(Item::Graph),
        1 => (0u8..30).prop_map(Item::Nested),
    ]
}

fn render(items: &[Item]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|it| match it {
            Item::Posting(spec) => posting_json(spec),
            Item::Other => r#"{"@type": "Organization", "name": "X"}"#.to_string(),
            Item::Graph(id) => format!(
                r#"{{"@graph": [{{"@type": "WebPage"}}, {}, {}]}}"#,
                posting_json(&Spec {
                    id: *id,
                    title: 1,
                    skills: (1, 2),
                    hours: Some(0),
                    industry: false,
                    remote: false,
                    code: false
                }),
                posting_json(&Spec {
                    id: id.wrapping_add(100),
                    title: 0,
                    skills: (0, 4),
                    hours: None,
                    industry: true,
                    remote: false,
                    code: false
                })
            ),
            Item::Nested(id) => format!(
                "[{}]",
                posting_json(&Spec {
                    id: *id,
                    title: 3,
                    skills: (5, 2),
                    hours: Some(2),
                    industry: false,
                    remote: true,
                    code: false
                })
            ),
        })
        .collect();
    format!("[\n{}\n]\n", parts.join(",\n"))
}

/// A document and a few bytes edited in it (deleted, replaced or inserted).
fn document() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec(item(), 0..25),
        proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>(), 0u8..4), 0..3),
    )
        .prop_map(|(items, edits)| {
            let mut bytes = render(&items).into_bytes();
            for (at, byte, op) in edits {
                let pos = at.index(bytes.len().max(1)).min(bytes.len());
                match op {
                    0 if pos < bytes.len() => {
                        bytes.remove(pos);
                    }
                    1 if pos < bytes.len() => bytes[pos] = byte,
                    2 => bytes.insert(pos, byte),
                    _ => {}
                }
            }
            bytes
        })
}

/// Everything a read gives, as text, with the progress reports.
fn outcome(loaded: &crate::Result<Loaded<Vacancy>>, progress: &[Progress]) -> Vec<String> {
    let mut out: Vec<String> = progress.iter().map(|p| format!("progress {p:?}")).collect();
    match loaded {
        Err(e) => out.push(format!("error {e} {:?}", e.position())),
        Ok(l) => {
            out.push(format!("read {}", l.read));
            out.extend(l.accepted.iter().map(|v| serde_json::to_string(v).unwrap_or_default()));
            out.extend(l.rejected.iter().map(|e| format!("rejected {e} {:?}", e.kind())));
            out.extend(l.warnings.iter().map(|e| format!("warning {e} {:?}", e.kind())));
            out.extend(l.derived.iter().map(|d| format!("derived {d:?}")));
        }
    }
    out
}

struct Setup {
    taxonomy: Taxonomy,
    table: PostcodeTable,
    pool1: rayon::ThreadPool,
    pool3: rayon::ThreadPool,
}

fn setup() -> Setup {
    let taxonomy = Taxonomy::load(root().join("fixtures/esco/export")).unwrap_or_else(|e| panic!("{e}"));
    let table = PostcodeTable::read(
        &std::fs::read(root().join("fixtures/feeds/postcodes_groningen.txt")).unwrap_or_default()[..],
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let pool = |n| rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap_or_else(|e| panic!("{e}"));
    Setup { taxonomy, table, pool1: pool(1), pool3: pool(3) }
}

/// One read of `bytes` on `exec` with chunks of `chunk` postings, with fresh normalisers.
fn read(s: &Setup, bytes: &[u8], on_error: OnError, exec: Executor<'_>, chunk: usize) -> Vec<String> {
    let titles = OccupationNormaliser::new(&s.taxonomy);
    let skills = SkillNormaliser::new(&s.taxonomy);
    let reports = RefCell::new(Vec::new());
    let progress = |p: Progress| reports.borrow_mut().push(p);
    let opts = ReadOptions::builder()
        .on_error(on_error)
        .postcodes(&s.table)
        .resolver(&s.taxonomy)
        .normaliser(&titles)
        .skill_normaliser(&skills)
        .progress(&progress)
        .executor(exec)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let loaded = read_chunked(bytes, Some(Path::new("p.jsonld")), &opts, chunk);
    let reports = reports.borrow().clone();
    outcome(&loaded, &reports)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn chunked_reading_gives_what_the_plain_path_gives(bytes in document(), chunk in 1usize..6, stop in any::<bool>()) {
        let s = setup();
        let on_error = if stop { OnError::Stop } else { OnError::Collect };
        let plain = read(&s, &bytes, on_error, Executor::CurrentThread, chunk);
        prop_assert_eq!(&plain, &read(&s, &bytes, on_error, Executor::Pool(&s.pool1), chunk));
        prop_assert_eq!(&plain, &read(&s, &bytes, on_error, Executor::Pool(&s.pool3), chunk));
        prop_assert_eq!(&plain, &read(&s, &bytes, on_error, Executor::Pool(&s.pool3), super::CHUNK_POSTINGS));
    }
}

/// The generated documents hold what the equivalence is about: accepted
/// postings with normalised titles and skills and text-derived fields,
/// unmapped phrases, duplicates and syntax errors.
#[test]
fn the_generated_documents_exercise_every_path() {
    let s = setup();
    let items: Vec<Item> = (0u8..40)
        .map(|i| match i % 7 {
            5 => Item::Graph(i),
            6 => Item::Nested(i % 10),
            _ => Item::Posting(Spec {
                id: i % 25,
                title: usize::from(i),
                skills: (usize::from(i), usize::from(i) + 2),
                hours: Some(usize::from(i)),
                industry: i % 2 == 0,
                remote: i % 5 == 0,
                code: i % 9 == 0,
            }),
        })
        .collect();
    // One posting loses the colon after its title: a syntax error mid-document.
    let text = render(&items);
    let cut = text[text.len() / 2..].find("\"title\":").map_or(0, |i| i + text.len() / 2 + 7);
    let bytes = [&text.as_bytes()[..cut], &text.as_bytes()[cut + 1..]].concat();
    let plain = read(&s, &bytes, OnError::Collect, Executor::CurrentThread, 3);
    assert_eq!(plain, read(&s, &bytes, OnError::Collect, Executor::Pool(&s.pool3), 3));
    let has = |prefix: &str, needle: &str| plain.iter().any(|l| l.starts_with(prefix) && l.contains(needle));
    assert!(has("{", "\"esco_occupation\":\"http://data.europa.eu/esco/occupation/"), "{plain:#?}");
    assert!(has("{", "http://data.europa.eu/esco/skill/"), "a skill phrase mapped");
    assert!(has("warning", "skill phrase not mapped"), "an unmapped skill phrase");
    assert!(has("rejected", "Duplicate"), "a duplicate id");
    assert!(has("rejected", "Unresolved"), "a title without a confident occupation");
    assert!(has("rejected", "Syntax"), "a syntax error");
    assert!(has("derived", "earliest_start"), "a start time from text");
}
