//! Replaying a recorded run: are the inputs still the recorded ones, and does
//! running again give the recorded output?
//!
//! The tool re-runs the record's kind with its options (the example `audit`
//! does this for `match`, `scan` and `plan`, each through the code that wrote
//! the record); [`replay`] is the one procedure for every kind: it checks the
//! inputs, then the scoring configuration, then the output, in that order,
//! and says what differs first.

use std::fmt;
use std::path::Path;

use serde_json::Value;

use crate::digest;
use crate::record::{RunBody, RunRecord};

/// The outcome of a replay.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Replay {
    /// The inputs hash as recorded and the run reproduces the output hash.
    Identical,
    /// An input is not the recorded one (or is gone).
    InputDiffers {
        /// Its role (`seekers`, `config` …).
        role: String,
        /// Its path as recorded.
        path: String,
        /// The recorded hash.
        recorded: String,
        /// Its hash now, or why it could not be read.
        now: String,
    },
    /// The scoring configuration in force now is not the recorded one (for example a
    /// changed default in another engine version).
    ScoringDiffers {
        /// The recorded `scoring_hash`.
        recorded: String,
        /// The hash of the configuration in force now.
        now: String,
    },
    /// The output differs, first at `line` (1-based); `None` where one output has fewer lines.
    OutputDiffers {
        /// 1-based line number.
        line: u64,
        /// That line of the recorded output.
        recorded: Option<String>,
        /// That line of the replayed output.
        replayed: Option<String>,
    },
    /// The output hash differs and the recorded output file is no longer there (or was
    /// changed) to compare lines with.
    OutputHashDiffers {
        /// The recorded hash.
        recorded: String,
        /// The replayed output's hash.
        replayed: String,
    },
}

impl Replay {
    /// Whether the replay reproduced the run.
    pub fn is_identical(&self) -> bool {
        matches!(self, Replay::Identical)
    }
}

fn short(line: &Option<String>) -> String {
    match line {
        None => "(no such line)".to_string(),
        Some(l) if l.chars().count() > 160 => format!("{}…", l.chars().take(160).collect::<String>()),
        Some(l) => l.clone(),
    }
}

impl fmt::Display for Replay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Replay::Identical => f.write_str("identical"),
            Replay::InputDiffers { role, path, recorded, now } => {
                write!(f, "input `{role}` ({path}) differs: recorded {recorded}, now {now}")
            }
            Replay::ScoringDiffers { recorded, now } => {
                write!(f, "the scoring configuration differs: recorded {recorded}, now {now}")
            }
            Replay::OutputDiffers { line, recorded, replayed } => write!(
                f,
                "output differs first at line {line}:\n  recorded: {}\n  replayed: {}",
                short(recorded),
                short(replayed)
            ),
            Replay::OutputHashDiffers { recorded, replayed } => write!(
                f,
                "output differs: recorded {recorded}, replayed {replayed} (the recorded output file is gone or changed, so no line can be shown)"
            ),
        }
    }
}

/// What re-running a recorded run gave: the hash of the scoring
/// configuration in force now, and the output's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rerun {
    /// `sha256:…` of the canonical JSON of the configuration the re-run used.
    pub scoring_hash: String,
    /// The output, exactly as the run would write it.
    pub output: Vec<u8>,
}

/// Replays a recorded run: first every input must hash as recorded (else the
/// first that does not is named), then `rerun` runs the record's kind again,
/// its configuration must hash as recorded, and its output must hash as
/// recorded (else the first differing line, as in [`compare_output`]).
/// `rerun` is called only when every input is the recorded one; its error
/// (a record that cannot be run again) is passed on.
pub fn replay<E>(body: &RunBody, rerun: impl FnOnce(&RunBody) -> Result<Rerun, E>) -> Result<Replay, E> {
    if let Some(diff) = check_inputs(body) {
        return Ok(diff);
    }
    let again = rerun(body)?;
    if let Some(diff) = check_scoring(body, &again.scoring_hash) {
        return Ok(diff);
    }
    Ok(compare_output(body, &again.output))
}

/// The record with `seq` in a log's text.
pub fn find(text: &str, seq: u64) -> Result<RunRecord, String> {
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("unreadable record: {e}"))?;
        if v.get("seq").and_then(Value::as_u64) == Some(seq) {
            return serde_json::from_value(v).map_err(|e| format!("record seq {seq}: {e}"));
        }
    }
    Err(format!("no record with seq {seq}"))
}

/// The first recorded input whose content is not the recorded one, if any.
pub fn check_inputs(body: &RunBody) -> Option<Replay> {
    body.inputs.iter().find_map(|input| {
        let now = match digest::path(Path::new(&input.path)) {
            Ok(d) if d.hash == input.hash => return None,
            Ok(d) => d.hash,
            Err(e) => format!("unreadable ({e})"),
        };
        Some(Replay::InputDiffers {
            role: input.role.clone(),
            path: input.path.clone(),
            recorded: input.hash.clone(),
            now,
        })
    })
}

/// Compares the scoring configuration's hash now with the recorded one.
pub fn check_scoring(body: &RunBody, now: &str) -> Option<Replay> {
    (body.scoring_hash != now)
        .then(|| Replay::ScoringDiffers { recorded: body.scoring_hash.clone(), now: now.to_string() })
}

/// Compares a replayed output with the recorded one: by hash, then line by
/// line against the recorded output file when it is still the recorded one.
pub fn compare_output(body: &RunBody, replayed: &[u8]) -> Replay {
    let replayed_hash = digest::sha256(replayed);
    if replayed_hash == body.output.hash {
        return Replay::Identical;
    }
    let recorded = match std::fs::read(&body.output.path) {
        Ok(bytes) if digest::sha256(&bytes) == body.output.hash => bytes,
        _ => return Replay::OutputHashDiffers { recorded: body.output.hash.clone(), replayed: replayed_hash },
    };
    first_difference(&recorded, replayed)
        .unwrap_or(Replay::OutputHashDiffers { recorded: body.output.hash.clone(), replayed: replayed_hash })
}

/// The first line where two outputs differ.
pub fn first_difference(recorded: &[u8], replayed: &[u8]) -> Option<Replay> {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let (a, b) = (text(recorded), text(replayed));
    let (mut la, mut lb) = (a.split_inclusive('\n'), b.split_inclusive('\n'));
    let mut line = 0u64;
    loop {
        line += 1;
        match (la.next(), lb.next()) {
            (None, None) => return None,
            (x, y) if x == y => continue,
            (x, y) => {
                let own = |l: Option<&str>| l.map(|s| s.trim_end_matches('\n').to_string());
                return Some(Replay::OutputDiffers { line, recorded: own(x), replayed: own(y) });
            }
        }
    }
}
