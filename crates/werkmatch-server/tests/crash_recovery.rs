//! The server binary killed with SIGKILL during a write load and started
//! again on the same data directory: every acknowledged write is there; of
//! the writes in flight at the kill, each is there whole or not at all;
//! nothing else is. A torn last log line is reported and not applied.

mod support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::{temp_dir, TOKEN};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(dir: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_werkmatch-server"))
        .args(["--demo", "--bind", &format!("127.0.0.1:{port}"), "--log-requests", "false"])
        .arg("--data-dir")
        .arg(dir)
        .env("WERKMATCH_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// One HTTP/1.1 request; the status and body, or `None` if the connection failed.
fn http(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {TOKEN}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status = out.split(' ').nth(1)?.parse().ok()?;
    Some((status, out.split("\r\n\r\n").nth(1).unwrap_or("").to_string()))
}

fn wait_ready(port: u16) {
    let start = Instant::now();
    while http(port, "GET", "/healthz", "").is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "the server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn seeker(n: usize) -> String {
    format!(r#"{{"id":"K{n:05}","location":{{"lat":53.2,"lon":6.56}}}}"#)
}

fn present(port: u16, n: usize) -> bool {
    match http(port, "GET", &format!("/v1/seekers/K{n:05}/vacancies"), "") {
        Some((200, _)) => true,
        Some((404, _)) => false,
        other => panic!("unexpected answer {other:?}"),
    }
}

fn seekers(port: u16) -> u64 {
    let (_, body) = http(port, "GET", "/v1/version", "").unwrap();
    serde_json::from_str::<serde_json::Value>(&body).unwrap()["seekers"].as_u64().unwrap()
}

#[test]
fn acknowledged_writes_survive_sigkill() {
    let dir = temp_dir("crash");
    let port = free_port();
    let mut server = start(&dir, port);
    wait_ready(port);
    let base = seekers(port);
    // Writers: each id is sent once; acknowledged or in flight when the kill came.
    let acked = Arc::new(Mutex::new(Vec::new()));
    let in_flight = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (acked, in_flight, stop) = (Arc::clone(&acked), Arc::clone(&in_flight), Arc::clone(&stop));
            std::thread::spawn(move || {
                let mut n = w;
                while !stop.load(Ordering::Relaxed) {
                    match http(port, "PUT", &format!("/v1/seekers/K{n:05}"), &seeker(n)) {
                        Some((200, _)) => acked.lock().unwrap().push(n),
                        Some((status, body)) => panic!("write refused: {status} {body}"),
                        None => {
                            in_flight.lock().unwrap().push(n);
                            break;
                        }
                    }
                    n += 4;
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().unwrap();
    }
    let (acked, in_flight) = (acked.lock().unwrap().clone(), in_flight.lock().unwrap().clone());
    assert!(acked.len() > 10, "too few writes before the kill: {}", acked.len());

    let mut server = start(&dir, port);
    wait_ready(port);
    for &n in &acked {
        assert!(present(port, n), "acknowledged write K{n:05} lost");
    }
    let came_back = in_flight.iter().filter(|&&n| present(port, n)).count() as u64;
    // Nothing else: exactly the fixtures, the acknowledged and some of the in-flight writes.
    assert_eq!(seekers(port), base + acked.len() as u64 + came_back);
    let max = acked.iter().chain(&in_flight).max().copied().unwrap_or(0);
    for n in max + 1..max + 9 {
        assert!(!present(port, n), "K{n:05} was never sent");
    }
    server.kill().unwrap();
    server.wait().unwrap();

    // A torn last line (a batch cut off mid-write, never acknowledged) is reported and not applied.
    let log = dir.join(werkmatch_server::store::LOG_FILE);
    let mut f = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    f.write_all(br#"{"version":999999,"changes":[{"op":"upsert","kind":"seeker","record":{"id":"TORN""#).unwrap();
    drop(f);
    let mut server = start(&dir, port);
    wait_ready(port);
    assert!(!matches!(http(port, "GET", "/v1/seekers/TORN/vacancies", ""), Some((200, _))));
    assert_eq!(seekers(port), base + acked.len() as u64 + came_back);
    server.kill().unwrap();
    server.wait().unwrap();
    let mut stderr = String::new();
    server.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(stderr.contains("torn last line"), "torn line not reported: {stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_graceful_shutdown_keeps_everything_and_snapshots() {
    let dir = temp_dir("term");
    let port = free_port();
    let mut server = start(&dir, port);
    wait_ready(port);
    for n in 0..5 {
        assert_eq!(http(port, "PUT", &format!("/v1/seekers/K{n:05}"), &seeker(n)).unwrap().0, 200);
    }
    assert_eq!(http(port, "DELETE", "/v1/seekers/K00002", "").unwrap().0, 200);
    let status = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    assert!(status.success());
    assert!(server.wait().unwrap().success());
    assert!(dir.join(werkmatch_server::store::SNAPSHOT_FILE).exists());
    assert_eq!(std::fs::metadata(dir.join(werkmatch_server::store::LOG_FILE)).unwrap().len(), 0);
    let mut server = start(&dir, port);
    wait_ready(port);
    for n in 0..5 {
        assert_eq!(present(port, n), n != 2, "K{n:05}");
    }
    let (_, body) = http(port, "GET", "/v1/version", "").unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&body).unwrap()["data_version"], 6);
    server.kill().unwrap();
    server.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
