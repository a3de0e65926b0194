//! A bounded, self-stopping load on a werkmatch-server on this machine.
//!
//! ```text
//! cargo run --release --example loadtest -- --url http://127.0.0.1:8080 [--token T] \
//!     --clients N --duration SECONDS --write-ratio R [--rate REQ_PER_S] \
//!     (--demo | --seekers FILE --vacancies FILE [--employers FILE]) [--check N]
//! ```
//!
//! - **Loopback only**: any other host is refused (exit 2); at most 1024
//!   clients and 600 seconds.
//! - **Mix**: each request is a write with probability `R` (a PUT of a new
//!   vacancy, a copy of a loaded one under a fresh `LT…` id, or a DELETE of
//!   one this run added), else a read (9 in 10 `GET /v1/seekers/{id}/vacancies`,
//!   1 in 10 `GET /v1/vacancies/{id}/seekers`, top 10, on loaded records,
//!   which the run never changes).
//! - **Writes on their own tasks**: a client sends a write on a task of its
//!   own and goes on with its schedule, so that waiting for the server's log
//!   sync (milliseconds) does not delay the client's next reads: read
//!   latencies are the reads', write latencies (`write_p50_ms`,
//!   `write_p99_ms`, also from the intended send time) the writes'. A client
//!   deletes only vacancies whose PUT was acknowledged.
//! - **Coordinated omission**: with `--rate`, each client sends on a fixed
//!   schedule and latency counts from the *intended* send time (as wrk2
//!   does), so a stall shows in the tail instead of silently slowing the
//!   load; without it (closed loop) each latency is recorded with
//!   `hdrhistogram`'s `record_correct` at the client's mean interval.
//! - **Consistency**: the run loads the same data files the server started
//!   from (the mirror), notes the version each of its writes was
//!   acknowledged at, and keeps a sample of read answers with their
//!   `version`. After the clock stops it replays its writes onto the mirror
//!   in version order and re-ranks each sampled subject with
//!   `rank::reference` on the population of that answer's version: ids must
//!   be equal and scores equal to 1e-12 (JSON decimals). This needs nothing
//!   from the server beyond its answers, and holds only if this run is the
//!   only writer since the server's data files: if the versions it sees have
//!   gaps (someone else wrote), answers past the first gap are not checked
//!   (`consistency_unchecked`).
//!
//! Prints one JSON object on stdout.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use werkmatch::adapter::jsonl::{read_employers, read_seekers, read_vacancies, ReadOptions};
use werkmatch::rank::{reference, RankOptions};
use werkmatch::score::ScoringConfig;
use werkmatch::{Id, Jobseeker, Vacancy};

#[derive(Parser, Debug)]
#[command(about = "A bounded load on a werkmatch-server on loopback; one JSON object on stdout")]
struct Args {
    /// The server, e.g. http://127.0.0.1:8080 (loopback only).
    #[arg(long)]
    url: String,
    /// The bearer token (else WERKMATCH_TOKEN).
    #[arg(long)]
    token: Option<String>,
    /// Concurrent clients (1–1024).
    #[arg(long, default_value_t = 8)]
    clients: usize,
    /// Seconds of load (1–600).
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Share of requests that are writes, 0–1.
    #[arg(long, default_value_t = 0.02)]
    write_ratio: f64,
    /// Requests per second over all clients (open loop); 0: as fast as answered.
    #[arg(long, default_value_t = 0.0)]
    rate: f64,
    /// The server's data: the built-in fixtures.
    #[arg(long)]
    demo: bool,
    /// The server's seekers file.
    #[arg(long)]
    seekers: Option<PathBuf>,
    /// The server's vacancies file.
    #[arg(long)]
    vacancies: Option<PathBuf>,
    /// The server's employers file.
    #[arg(long)]
    employers: Option<PathBuf>,
    /// At most this many answers re-checked against the reference.
    #[arg(long, default_value_t = 200)]
    check: usize,
}

/// `http://host:port` with a loopback host, or why not.
fn loopback(url: &str) -> Result<String, String> {
    let rest = url.strip_prefix("http://").ok_or("--url must start with http://")?;
    let authority = rest.trim_end_matches('/');
    if authority.contains('/') {
        return Err("--url must be http://HOST:PORT without a path".into());
    }
    let host = match authority.rsplit_once(':') {
        Some((h, p)) if p.parse::<u16>().is_ok() => h,
        _ => return Err("--url needs a port".into()),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let ok = host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if ok {
        Ok(format!("http://{authority}"))
    } else {
        Err(format!("refusing {host}: the load test runs against loopback only"))
    }
}

/// A small deterministic generator per client (splitmix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Read {
    SeekerVacancies,
    VacancySeekers,
}

struct Sample {
    version: u64,
    kind: Read,
    subject: usize,
    matches: Vec<(String, f64)>,
}

enum Write {
    Put(Vacancy),
    Delete(Id),
}

#[derive(Default)]
struct Tally {
    reads: u64,
    writes: u64,
    errors: u64,
    samples: Vec<Sample>,
    /// (acknowledged version, write)
    written: Vec<(u64, Write)>,
}

type HttpClient = Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>;

async fn send(client: &HttpClient, method: &str, uri: &str, token: &str, body: Option<String>) -> Option<(u16, Value)> {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {token}"))
        .body(Full::new(Bytes::from(body.unwrap_or_default())))
        .ok()?;
    let res = client.request(req).await.ok()?;
    let status = res.status().as_u16();
    let bytes = res.into_body().collect().await.ok()?.to_bytes();
    Some((status, serde_json::from_slice(&bytes).unwrap_or(Value::Null)))
}

struct Shared {
    base: String,
    token: String,
    seekers: Vec<Jobseeker>,
    vacancies: Vec<Vacancy>,
    write_ratio: f64,
    interval: Option<Duration>,
    end: Instant,
    sample_every: u64,
    samples_per_client: usize,
}

/// Latency histograms (microseconds): every read, each read route, the writes.
#[derive(Clone)]
struct Hists {
    reads: Histogram<u64>,
    seeker_vacancies: Histogram<u64>,
    vacancy_seekers: Histogram<u64>,
    writes: Histogram<u64>,
}

impl Hists {
    fn new() -> Hists {
        let h = || Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).expect("valid histogram bounds");
        Hists { reads: h(), seeker_vacancies: h(), vacancy_seekers: h(), writes: h() }
    }

    fn add(&mut self, o: &Hists) {
        let _ = self.reads.add(&o.reads);
        let _ = self.seeker_vacancies.add(&o.seeker_vacancies);
        let _ = self.vacancy_seekers.add(&o.vacancy_seekers);
        let _ = self.writes.add(&o.writes);
    }
}

/// One write, sent on a task of its own so that the client's reads keep
/// their schedule while it waits for the log sync: its answer's version and
/// latency (from the intended send time), or `None` on an error.
#[allow(clippy::too_many_arguments)]
async fn write_task(
    sh: Arc<Shared>,
    client: HttpClient,
    intended: Instant,
    method: &'static str,
    uri: String,
    body: Option<String>,
    write: Write,
    acked: Arc<Mutex<Vec<Id>>>,
) -> Option<(u64, Write, u64)> {
    match send(&client, method, &uri, &sh.token, body).await {
        Some((200, ans)) => {
            let micros = intended.elapsed().as_micros().max(1) as u64;
            if let (Write::Put(v), Ok(mut a)) = (&write, acked.lock()) {
                a.push(v.id.clone());
            }
            Some((ans["version"].as_u64().unwrap_or(0), write, micros))
        }
        _ => None,
    }
}

async fn client_loop(sh: Arc<Shared>, me: usize, client: HttpClient, all: Arc<Mutex<Hists>>) -> Tally {
    let mut rng = Rng(0x5EED ^ (me as u64) << 20);
    let mut tally = Tally::default();
    // Ids this client put and the server acknowledged: only those are deleted.
    let acked: Arc<Mutex<Vec<Id>>> = Arc::default();
    let mut pending = Vec::new();
    let mut next_id = 0u64;
    let start = Instant::now();
    let (mut served, mut busy) = (0u64, Duration::ZERO);
    let mut hists = Hists::new();
    let mut k = 0u32;
    loop {
        // Open loop: the intended send time (clients staggered); closed loop: now.
        let intended = match sh.interval {
            Some(iv) => start + iv.mul_f64(k as f64 + me as f64 / 1024.0),
            None => Instant::now(),
        };
        k += 1;
        if intended >= sh.end {
            break;
        }
        tokio::time::sleep_until(intended.into()).await;
        if rng.unit() < sh.write_ratio {
            let delete = {
                let mut a = acked.lock().unwrap_or_else(|p| p.into_inner());
                (!a.is_empty() && rng.unit() < 0.5).then(|| {
                    let i = rng.below(a.len());
                    a.swap_remove(i)
                })
            };
            let (method, uri, body, write) = match delete {
                Some(id) => ("DELETE", format!("{}/v1/vacancies/{}", sh.base, id.as_str()), None, Write::Delete(id)),
                None => {
                    let mut v = sh.vacancies[rng.below(sh.vacancies.len())].clone();
                    v.id = Id::new(format!("LT{me:04}-{next_id:07}")).expect("a valid id");
                    next_id += 1;
                    let body = serde_json::to_string(&v).expect("a vacancy serialises");
                    ("PUT", format!("{}/v1/vacancies/{}", sh.base, v.id.as_str()), Some(body), Write::Put(v))
                }
            };
            let task =
                write_task(Arc::clone(&sh), client.clone(), intended, method, uri, body, write, Arc::clone(&acked));
            pending.push(tokio::spawn(task));
            continue;
        }
        let (kind, subject) = if rng.below(10) == 0 && !sh.vacancies.is_empty() {
            (Read::VacancySeekers, rng.below(sh.vacancies.len()))
        } else {
            (Read::SeekerVacancies, rng.below(sh.seekers.len()))
        };
        let uri = match kind {
            Read::SeekerVacancies => {
                format!("{}/v1/seekers/{}/vacancies?top=10", sh.base, sh.seekers[subject].id.as_str())
            }
            Read::VacancySeekers => {
                format!("{}/v1/vacancies/{}/seekers?top=10", sh.base, sh.vacancies[subject].id.as_str())
            }
        };
        let sent = Instant::now();
        let answer = send(&client, "GET", &uri, &sh.token, None).await;
        let done = Instant::now();
        match answer {
            Some((200, ans)) => {
                tally.reads += 1;
                served += 1;
                busy += done - sent;
                let micros = (done - intended).as_micros().clamp(1, 60_000_000) as u64;
                let route = match kind {
                    Read::SeekerVacancies => &mut hists.seeker_vacancies,
                    Read::VacancySeekers => &mut hists.vacancy_seekers,
                };
                match sh.interval {
                    Some(_) => {
                        let _ = hists.reads.record(micros);
                        let _ = route.record(micros);
                    }
                    None => {
                        let mean = (busy.as_micros() as u64 / served).max(1);
                        let _ = hists.reads.record_correct(micros, mean);
                        let _ = route.record_correct(micros, mean);
                    }
                }
                if tally.reads % sh.sample_every == 0 && tally.samples.len() < sh.samples_per_client {
                    let matches = ans["matches"]
                        .as_array()
                        .map(|ms| {
                            ms.iter()
                                .map(|m| {
                                    (
                                        m["id"].as_str().unwrap_or("").to_string(),
                                        m["score"].as_f64().unwrap_or(f64::NAN),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    tally.samples.push(Sample {
                        version: ans["version"].as_u64().unwrap_or(u64::MAX),
                        kind,
                        subject,
                        matches,
                    });
                }
            }
            _ => tally.errors += 1,
        }
    }
    for p in pending {
        match p.await.ok().flatten() {
            Some((version, write, micros)) => {
                tally.writes += 1;
                tally.written.push((version, write));
                let _ = hists.writes.record(micros.min(60_000_000));
            }
            None => tally.errors += 1,
        }
    }
    if let Ok(mut all) = all.lock() {
        all.add(&hists);
    }
    tally
}

/// The mirror: the loaded population, and the writes this run made, applied in version order.
fn check(
    cfg: &ScoringConfig,
    seekers: &[Jobseeker],
    mut vacancies: Vec<Vacancy>,
    start_version: u64,
    mut written: Vec<(u64, Write)>,
    mut samples: Vec<Sample>,
) -> (u64, u64, u64) {
    written.sort_by_key(|w| w.0);
    samples.sort_by_key(|s| s.version);
    // The versions this run can reconstruct: contiguous from the start.
    let mut known = start_version;
    for (v, _) in &written {
        if *v == known + 1 {
            known = *v;
        } else {
            break;
        }
    }
    // The loaded vacancies keep their ids (the run only adds and removes its own).
    let loaded: Vec<Id> = vacancies.iter().map(|v| v.id.clone()).collect();
    let mut index: HashMap<Id, usize> = vacancies.iter().enumerate().map(|(i, v)| (v.id.clone(), i)).collect();
    let opts = RankOptions::top(10);
    let (mut checked, mut failures, mut unchecked) = (0, 0, 0);
    let mut next = written.into_iter().peekable();
    for s in samples {
        if s.version > known || s.version < start_version {
            unchecked += 1;
            continue;
        }
        while next.peek().is_some_and(|(v, _)| *v <= s.version) {
            match next.next().map(|w| w.1) {
                Some(Write::Put(v)) => match index.get(&v.id) {
                    Some(&i) => vacancies[i] = v,
                    None => {
                        index.insert(v.id.clone(), vacancies.len());
                        vacancies.push(v);
                    }
                },
                Some(Write::Delete(id)) => {
                    if let Some(i) = index.remove(&id) {
                        vacancies.swap_remove(i);
                        if let Some(moved) = vacancies.get(i) {
                            index.insert(moved.id.clone(), i);
                        }
                    }
                }
                None => {}
            }
        }
        let want = match s.kind {
            Read::SeekerVacancies => reference::vacancies_for(cfg, &seekers[s.subject], &vacancies, &opts),
            Read::VacancySeekers => {
                // The subject is a loaded vacancy, never changed by this run.
                reference::seekers_for(cfg, &vacancies[index[&loaded[s.subject]]], seekers, &opts)
            }
        };
        checked += 1;
        let same = want.len() == s.matches.len()
            && want
                .iter()
                .zip(&s.matches)
                .all(|(w, (id, score))| w.id.as_str() == id && (w.score - score).abs() <= 1e-12);
        if !same {
            failures += 1;
        }
    }
    (checked, failures, unchecked)
}

const DEMO_SEEKERS: &str = include_str!("../fixtures/cases/seekers.jsonl");
const DEMO_VACANCIES: &str = include_str!("../fixtures/cases/vacancies.jsonl");
const DEMO_EMPLOYERS: &str = include_str!("../fixtures/cases/employers.jsonl");

#[allow(clippy::print_stderr, clippy::print_stdout)] // a tool: the result on stdout, diagnostics on stderr
fn main() -> ExitCode {
    let args = Args::parse();
    let usage = |msg: String| {
        eprintln!("error: {msg}");
        ExitCode::from(2)
    };
    let base = match loopback(&args.url) {
        Ok(b) => b,
        Err(e) => return usage(e),
    };
    if !(1..=1024).contains(&args.clients) || !(1..=600).contains(&args.duration) {
        return usage("--clients must be 1–1024 and --duration 1–600".into());
    }
    if !((0.0..=1.0).contains(&args.write_ratio) && (0.0..=1e6).contains(&args.rate)) {
        return usage("--write-ratio must be 0–1 and --rate 0–1000000".into());
    }
    let Some(token) = args.token.clone().or_else(|| std::env::var("WERKMATCH_TOKEN").ok()) else {
        return usage("--token or WERKMATCH_TOKEN is required".into());
    };
    let opts = ReadOptions::new();
    let loaded = if args.demo {
        read_seekers(DEMO_SEEKERS.as_bytes(), None, &opts).and_then(|s| {
            Ok((
                s,
                read_vacancies(DEMO_VACANCIES.as_bytes(), None, &opts)?,
                read_employers(DEMO_EMPLOYERS.as_bytes(), None, &opts)?,
            ))
        })
    } else {
        let (Some(s), Some(v)) = (&args.seekers, &args.vacancies) else {
            return usage("--demo or --seekers and --vacancies (the server's data) are required".into());
        };
        use werkmatch::adapter::jsonl::{read_employers_file, read_seekers_file, read_vacancies_file};
        read_seekers_file(s, &opts).and_then(|s| {
            let e = match &args.employers {
                Some(e) => read_employers_file(e, &opts)?,
                None => Default::default(),
            };
            Ok((s, read_vacancies_file(v, &opts)?, e))
        })
    };
    let (seekers, vacancies, _employers) = match loaded {
        Ok((s, v, e)) => (s.accepted, v.accepted, e.accepted),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    if seekers.is_empty() || vacancies.is_empty() {
        eprintln!("error: the load needs at least one seeker and one vacancy");
        return ExitCode::from(1);
    }
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let client: HttpClient = Client::builder(TokioExecutor::new()).pool_max_idle_per_host(args.clients).build_http();
    let version = rt.block_on(send(&client, "GET", &format!("{base}/v1/version"), &token, None));
    let Some((200, version)) = version else {
        eprintln!("error: {base}/v1/version did not answer 200 (server down or wrong token?)");
        return ExitCode::from(1);
    };
    let start_version = version["data_version"].as_u64().unwrap_or(0);
    let mirrored = version["seekers"].as_u64() == Some(seekers.len() as u64)
        && version["vacancies"].as_u64() == Some(vacancies.len() as u64);
    if !mirrored {
        eprintln!("note: the server's counts differ from the files given: answers are not re-checked");
    }
    let expected_reads =
        if args.rate > 0.0 { args.rate * args.duration as f64 } else { 5_000.0 * args.duration as f64 };
    let sh = Arc::new(Shared {
        base,
        token,
        seekers,
        vacancies,
        write_ratio: args.write_ratio,
        interval: (args.rate > 0.0).then(|| Duration::from_secs_f64(args.clients as f64 / args.rate)),
        end: Instant::now() + Duration::from_secs(args.duration),
        sample_every: ((expected_reads / args.check.max(1) as f64) as u64).max(1),
        samples_per_client: args.check.div_ceil(args.clients),
    });
    let hist = Arc::new(Mutex::new(Hists::new()));
    let began = Instant::now();
    let tallies: Vec<Tally> = rt.block_on(async {
        let tasks: Vec<_> = (0..args.clients)
            .map(|me| tokio::spawn(client_loop(Arc::clone(&sh), me, client.clone(), Arc::clone(&hist))))
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.unwrap_or_default());
        }
        out
    });
    let elapsed = began.elapsed().as_secs_f64();
    let mut total = Tally::default();
    for t in tallies {
        total.reads += t.reads;
        total.writes += t.writes;
        total.errors += t.errors;
        total.samples.extend(t.samples);
        total.written.extend(t.written);
    }
    let (checked, failures, unchecked) = if mirrored {
        check(&ScoringConfig::default(), &sh.seekers, sh.vacancies.clone(), start_version, total.written, total.samples)
    } else {
        (0, 0, total.samples.len() as u64)
    };
    let h = hist.lock().map(|h| h.clone()).unwrap_or_else(|p| p.into_inner().clone());
    let ms = |q: f64| h.reads.value_at_quantile(q) as f64 / 1e3;
    let at = |h: &Histogram<u64>, q: f64| h.value_at_quantile(q) as f64 / 1e3;
    let out = json!({
        "reads": total.reads,
        "writes": total.writes,
        "read_qps": (total.reads as f64 / elapsed).round(),
        "write_qps": (total.writes as f64 / elapsed * 10.0).round() / 10.0,
        "p50_ms": ms(0.5),
        "p99_ms": ms(0.99),
        "p999_ms": ms(0.999),
        "seeker_vacancies_p99_ms": at(&h.seeker_vacancies, 0.99),
        "vacancy_seekers_p50_ms": at(&h.vacancy_seekers, 0.5),
        "vacancy_seekers_p99_ms": at(&h.vacancy_seekers, 0.99),
        "write_p50_ms": at(&h.writes, 0.5),
        "write_p99_ms": at(&h.writes, 0.99),
        "errors": total.errors,
        "consistency_checked": checked,
        "consistency_failures": failures,
        "consistency_unchecked": unchecked,
        "clients": args.clients,
        "rate": args.rate,
        "duration_s": (elapsed * 100.0).round() / 100.0,
        "open_loop": args.rate > 0.0,
    });
    println!("{out}");
    if failures > 0 || total.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
