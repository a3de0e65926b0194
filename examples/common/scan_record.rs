//! The run record of a scan (AUDIT.md section 1, kind `scan`): what it says
//! besides the inputs and the output, and how `audit replay` scans again
//! through `scan.rs`'s own code. A child module of `scan.rs` (included with
//! `#[path]`), so it reaches the tool's flags and its `scanned`.

use clap::Parser;
use werkmatch::audit::{Rerun, RunBody, RunKind};
use werkmatch::scan::ScanConfig;
use werkmatch::score::ScoringConfig;

use super::recorded::{self, Ran, Recorded, Recorder};
use super::{json_line, scanned, Args};

/// What the run record says about a scan besides its inputs and output.
pub(super) fn record<'a>(
    args: &Args,
    cfg: &'a ScoringConfig,
    scfg: &ScanConfig,
    taxonomy: Option<String>,
    overrides_in_effect: Option<u64>,
) -> Ran<'a> {
    // The date the overrides were resolved on, so that a replay resolves the same set.
    let overrides_as_of = args.overrides.overrides.as_ref().map(|_| {
        args.overrides.overrides_as_of.clone().unwrap_or_else(|| werkmatch::audit::record::now_rfc3339()[..10].into())
    });
    let options = serde_json::json!({
        "overrides_as_of": overrides_as_of,
        "one_seeker": args.id.is_some(),
        "strict": args.strict,
        "keep_unmapped_skills": args.input.keep_unmapped_skills,
        "lang": args.lang,
        "scan": scfg,
    });
    Ran { kind: RunKind::Scan, cfg, taxonomy, options, overrides_in_effect }
}

/// Scans a recorded scan again (`audit replay`, which includes this file, so
/// that the replay runs the code that wrote the record). A one-seeker scan's
/// id is taken from the recorded output, the only place it is kept.
#[allow(dead_code)] // the scan tool itself never replays
pub(crate) fn rerun(body: &RunBody) -> Result<Rerun, String> {
    let r = Recorded(body);
    let path = |role: &str| r.path(role).map(|p| p.display().to_string());
    let mut argv: Vec<String> = vec!["scan".into(), "--json".into(), body.output.path.clone()];
    for (flag, role) in [
        ("--seekers", "seekers"),
        ("--vacancies", "vacancies"),
        ("--employers", "employers"),
        ("--mapping", "mapping"),
        ("--postcodes", "postcodes"),
        ("--esco", "esco"),
        ("--overrides", "overrides"),
    ] {
        argv.extend(path(role).map(|p| [flag.to_string(), p]).into_iter().flatten());
    }
    argv.extend(["--lang".to_string(), r.lang().code().to_string()]);
    for (flag, name) in [("--strict", "strict"), ("--keep-unmapped-skills", "keep_unmapped_skills")] {
        argv.extend(r.flag(name).then(|| flag.to_string()));
    }
    argv.extend(r.str("overrides_as_of").map(|d| ["--overrides-as-of".to_string(), d]).into_iter().flatten());
    if r.flag("one_seeker") {
        argv.extend(["--id".to_string(), recorded_seeker(body)?]);
    }
    let args = Args::try_parse_from(&argv).map_err(|e| format!("the record's options do not make a scan: {e}"))?;
    let mut bad = 0;
    let s = scanned(&args, &mut bad, &mut Recorder::new(false))?;
    let mut output = Vec::new();
    s.scans.iter().try_for_each(|x| json_line(&mut output, x)).map_err(|e| format!("replaying: {e}"))?;
    Ok(Rerun { scoring_hash: recorded::scoring_hash(&s.cfg)?, output })
}

/// The seeker of a recorded one-seeker scan, from its output (if that is still the recorded one).
fn recorded_seeker(body: &RunBody) -> Result<String, String> {
    let gone = || {
        format!(
            "a one-seeker scan keeps the seeker's id only in its output {}, which is gone or changed",
            body.output.path
        )
    };
    let bytes = std::fs::read(&body.output.path).map_err(|_| gone())?;
    if werkmatch::audit::digest::sha256(&bytes) != body.output.hash {
        return Err(gone());
    }
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let line: serde_json::Value = serde_json::from_slice(first).map_err(|_| gone())?;
    line.get("seeker").and_then(serde_json::Value::as_str).map(str::to_string).ok_or_else(gone)
}
