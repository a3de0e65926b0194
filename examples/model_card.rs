//! Writes the model card (AUDIT.md section 5) in Markdown: the fields of the
//! Dutch algorithm register, generated from the scoring configuration in force
//! and from the measured figures in `docs/measurements.json`.
//!
//! ```sh
//! cargo run --release --example model_card -- --out /tmp/modelkaart.md
//! cargo run --release --example model_card -- --config scoring.toml --lang en --out /tmp/model_card.md
//! ```
//!
//! `--config FILE` is the scoring configuration (TOML, as `match --config`);
//! without it the SCORING.md defaults are in force. `--measurements FILE`
//! replaces `docs/measurements.json`. Exit code 0 on success, 1 on bad input,
//! 2 on a usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "common/cli.rs"]
mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use werkmatch::adapter::scoring_config::read_scoring_config;
use werkmatch::audit::model_card::{model_card, Measurements};
use werkmatch::score::ScoringConfig;
use werkmatch::text::Lang;

/// Generate the model card (Algoritmeregister fields) as Markdown.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Args {
    /// Scoring configuration (TOML); default: SCORING.md v1.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Measured figures (JSON); default: docs/measurements.json of this checkout.
    #[arg(long)]
    measurements: Option<PathBuf>,
    /// Language: nl (default) or en.
    #[arg(long, default_value_t = Lang::Nl)]
    lang: Lang,
    /// Where to write the Markdown.
    #[arg(long)]
    out: PathBuf,
}

fn run(args: &Args) -> Result<(), String> {
    let cfg = match &args.config {
        Some(p) => read_scoring_config(p).map_err(|e| format!("scoring configuration: {e}"))?,
        None => ScoringConfig::default(),
    };
    let path = args
        .measurements
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/measurements.json"));
    let measurements = Measurements::read_file(&path)?;
    let lang = args.lang;
    let md = model_card(&cfg, &measurements, lang)?;
    std::fs::write(&args.out, md).map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    eprintln!("wrote {}", args.out.display());
    Ok(())
}

fn main() -> ExitCode {
    cli::main(|_: &Args| Lang::En, |args| run(args).map(|()| ExitCode::SUCCESS))
}
