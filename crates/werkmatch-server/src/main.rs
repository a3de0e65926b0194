//! `werkmatch-server`: serves the JSON API over a live index.
//!
//! ```text
//! cargo run --release -p werkmatch-server -- --seekers FILE --vacancies FILE [--employers FILE]
//!     [--data-dir DIR] [--bind 127.0.0.1:8080] [--token-file FILE] [--audit-log FILE]
//!     [--snapshot-log-bytes N] [--rank-threads N] [--io-threads N]
//! cargo run --release -p werkmatch-server -- --demo
//! ```
//! Exit codes: 0 after a graceful shutdown, 1 bad data or start failure, 2 usage error.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use werkmatch_core::score::ScoringConfig;
use werkmatch_server::start::{check_bind, load, random_token, token, Sources};
use werkmatch_server::state::WriteSettings;
use werkmatch_server::{router, AppState, Limits};

/// Serves werkmatch's JSON API (`/v1`) over a live index.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Seekers, JSON Lines (FORMAT.md).
    #[arg(long, required_unless_present = "demo")]
    seekers: Option<PathBuf>,
    /// Vacancies, JSON Lines.
    #[arg(long, required_unless_present = "demo")]
    vacancies: Option<PathBuf>,
    /// Employers without a vacancy, JSON Lines.
    #[arg(long)]
    employers: Option<PathBuf>,
    /// Serve the built-in fixtures (fixtures/cases).
    #[arg(long, conflicts_with_all = ["seekers", "vacancies", "employers"])]
    demo: bool,
    /// Write log and snapshots; without it writes are refused (with --demo: a fresh temporary one).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// A file whose first line is the bearer token (else WERKMATCH_TOKEN; on loopback, a random one is made).
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// Largest request body, bytes.
    #[arg(long, default_value_t = 16 << 20)]
    body_limit: usize,
    /// Request timeout, seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Requests served at once.
    #[arg(long, default_value_t = 256)]
    concurrency: usize,
    /// Append one run record (AUDIT.md section 1, kind `serve`) per acknowledged write batch to this
    /// JSON Lines audit log: the batch's log-line hash, size, version and counts, never its records.
    #[arg(long)]
    audit_log: Option<PathBuf>,
    /// How long the deployer keeps the audit log, in days (at least 183: six months).
    #[arg(long, default_value_t = werkmatch_audit::MIN_RETENTION_DAYS)]
    audit_retention_days: u32,
    /// Write a snapshot (and cut the log) each time the write log has grown by this many bytes; 0: only
    /// on POST /v1/snapshot and at shutdown.
    #[arg(long, default_value_t = 64 << 20)]
    snapshot_log_bytes: u64,
    /// Threads ranking the reads (0: one per core).
    #[arg(long, default_value_t = 0)]
    rank_threads: usize,
    /// Async worker threads for the HTTP side (0: one per core).
    #[arg(long, default_value_t = 0)]
    io_threads: usize,
    /// Log every request (method, route template, status, latency); off: failures only.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    log_requests: bool,
}

#[allow(clippy::print_stderr)] // a tool: diagnostics on stderr
fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::INFO)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let given = match token(std::env::var("WERKMATCH_TOKEN").ok(), args.token_file.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = check_bind(args.bind, given.as_deref()) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let token = match given {
        Some(t) => t,
        None => match random_token() {
            Ok(t) => {
                eprintln!("no token given: this run's bearer token is {t}");
                t
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let audit = match werkmatch_audit::Retention::days(args.audit_retention_days) {
        Ok(retention) => args.audit_log.as_ref().map(|p| werkmatch_audit::AuditLog::new(p, retention)),
        Err(e) => {
            eprintln!("error: --audit-retention-days: {e}");
            return ExitCode::from(2);
        }
    };
    if audit.is_some() && args.data_dir.is_none() && !args.demo {
        eprintln!("error: --audit-log records write batches, which need --data-dir");
        return ExitCode::from(2);
    }
    let data_dir = match (&args.data_dir, args.demo) {
        (Some(d), _) => Some(d.clone()),
        (None, true) => Some(std::env::temp_dir().join(format!("werkmatch-demo-{}", std::process::id()))),
        (None, false) => None,
    };
    let src = Sources {
        seekers: args.seekers.clone(),
        vacancies: args.vacancies.clone(),
        employers: args.employers.clone(),
        demo: args.demo,
        data_dir,
    };
    let started = Instant::now();
    let (live, store, loaded) = match load(&src, ScoringConfig::default()) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    for note in &loaded.notes {
        tracing::info!("{note}");
    }
    if store.is_none() {
        tracing::warn!("no --data-dir: writes are refused");
    }
    tracing::info!("loaded and indexed in {:.2} s", started.elapsed().as_secs_f64());
    let audit = match audit.map(|a| a.appender()).transpose() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: audit log: {e}");
            return ExitCode::from(1);
        }
    };
    let settings =
        WriteSettings { audit, snapshot_log_bytes: args.snapshot_log_bytes, rank_threads: args.rank_threads };
    let state = match AppState::with(live, store, token, settings) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let limits = Limits {
        body_bytes: args.body_limit,
        timeout: Duration::from_secs(args.timeout),
        concurrency: args.concurrency.max(1),
        log_requests: args.log_requests,
    };
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    if args.io_threads > 0 {
        rt.worker_threads(args.io_threads);
    }
    let rt = match rt.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: starting the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let served = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind).await.map_err(|e| format!("{}: {e}", args.bind))?;
        tracing::info!("listening on http://{}", args.bind);
        axum::serve(listener, router(state.clone(), limits))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| e.to_string())
    });
    if let Err(e) = served {
        eprintln!("error: {e}");
        return ExitCode::from(1);
    }
    tracing::info!("{}", state.phases());
    // Every acknowledged write is in the log already; a snapshot only makes the next start shorter.
    match state.snapshot() {
        Ok(v) => tracing::info!("shut down; snapshot at version {v}"),
        Err(e) => tracing::info!("shut down ({e})"),
    }
    ExitCode::SUCCESS
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}
