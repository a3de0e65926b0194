//! The model card (AUDIT.md section 5): a Markdown document with the fields of
//! the Dutch algorithm register (Algoritmeregister), generated from the
//! scoring configuration in force and from measured figures.
//!
//! Nothing in the card is invented: the weights and settings are read from the
//! [`ScoringConfig`], and the accuracy figures from a measurements file
//! ([`Measurements`], `docs/measurements.json` in the repository) that states for
//! each figure its data set, date and the command that produced it.

use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;
use werkmatch_core::score::{KnockOut, ScoringConfig};
use werkmatch_core::text::Message;
use werkmatch_core::TravelMode;

use crate::catalogue::model_card as txt;
use crate::catalogue::{t, Lang};
use crate::digest;

/// Measured figures, as committed in `docs/measurements.json`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurements {
    /// What the file is (free text for people reading it).
    #[serde(default)]
    pub about: String,
    /// Each measurement.
    pub measurements: Vec<Measurement>,
}

/// One measurement.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// What was measured, e.g. "job-title normaliser" (English).
    pub what: String,
    /// `what` in Dutch, for the Dutch card (which shows `what` without it).
    #[serde(default)]
    pub what_nl: Option<String>,
    /// The data set and split (English).
    pub dataset: String,
    /// `dataset` in Dutch, for the Dutch card (which shows `dataset` without it).
    #[serde(default)]
    pub dataset_nl: Option<String>,
    /// The taxonomy used, when it matters.
    #[serde(default)]
    pub taxonomy: Option<String>,
    /// Items measured.
    pub n: u64,
    /// The figures by name (`top1`, `top5`, `mrr` …), as printed by the command.
    pub figures: std::collections::BTreeMap<String, f64>,
    /// When (UTC date, `YYYY-MM-DD`).
    pub date: String,
    /// The command that printed the figures.
    pub command: String,
}

impl Measurements {
    /// Reads a measurements file (JSON), strictly.
    pub fn read_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}:{}: {e}", path.display(), e.line()))
    }
}

fn setting_rows(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                setting_rows(&key, x, out);
            }
        }
        Value::Array(a) if a.iter().all(|x| !x.is_object()) => {
            let items: Vec<String> = a.iter().map(Value::to_string).collect();
            out.push((prefix.to_string(), format!("[{}]", items.join(", "))));
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                setting_rows(&format!("{prefix}[{i}]"), x, out);
            }
        }
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// The model card in `lang`, as Markdown.
pub fn model_card(cfg: &ScoringConfig, measurements: &Measurements, lang: Lang) -> Result<String, String> {
    let l = |p| t(lang, p);
    let mut md = String::new();
    let hash = digest::json_hash(cfg).map_err(|e| e.to_string())?;
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(md, "# {}\n", l(txt::TITLE));
    let _ = writeln!(md, "{}\n", l(txt::GENERATED));
    let _ = writeln!(md, "- {}: werkmatch {}", l(txt::VERSION), env!("CARGO_PKG_VERSION"));
    let _ = writeln!(md, "- {}: `{hash}`\n", l(txt::CONFIG_HASH));
    for (heading, body) in txt::PROSE_BEFORE {
        let _ = writeln!(md, "## {}\n\n{}\n", l(heading), l(body));
    }

    let _ = writeln!(md, "## {}\n\n{}\n", l(txt::DATA), l(txt::DATA_TEXT));
    let _ = writeln!(md, "## {}\n\n{}\n", l(txt::TECHNICAL), l(txt::TECHNICAL_TEXT));
    let w = cfg.weights();
    let _ = writeln!(md, "| {} | {} |\n|---|---|", l(txt::COMPONENT), l(txt::WEIGHT));
    for (name, weight) in [
        (txt::SKILLS, w.skills),
        (txt::OCCUPATION, w.occupation),
        (txt::LEVEL, w.level),
        (txt::MOBILITY, w.mobility),
        (txt::SECTOR, w.sector),
        (txt::HOURS, w.hours),
    ] {
        let _ = writeln!(md, "| {} | {weight} |", l(name));
    }
    let names: Vec<String> = KnockOut::ALL.iter().map(|k| format!("`{}` ({})", k.name(), k.text(lang))).collect();
    let _ = writeln!(md, "\n{} {}.\n", l(txt::KNOCKOUTS), names.join(", "));
    let _ = writeln!(md, "{}\n", l(txt::ALL_SETTINGS));
    let mut rows = Vec::new();
    setting_rows("", &serde_json::to_value(cfg).map_err(|e| e.to_string())?, &mut rows);
    let _ = writeln!(md, "| {} | {} |\n|---|---|", l(txt::SETTING), l(txt::VALUE));
    // The travel parameters are an array indexed like TravelMode::ALL: name the modes.
    for (i, mode) in TravelMode::ALL.iter().enumerate() {
        let name = serde_json::to_value(mode).ok().and_then(|v| v.as_str().map(str::to_string));
        if let Some(name) = name {
            for (k, _) in rows.iter_mut() {
                *k = k.replace(&format!("travel.modes[{i}]"), &format!("travel.modes.{name}"));
            }
        }
    }
    for (k, v) in rows {
        let _ = writeln!(md, "| `{k}` | {v} |");
    }

    let _ = writeln!(md, "\n## {}\n", l(txt::ACCURACY));
    if measurements.measurements.is_empty() {
        let _ = writeln!(md, "{}\n", l(txt::NO_MEASUREMENTS));
    }
    for m in &measurements.measurements {
        let figures: Vec<String> = m.figures.iter().map(|(k, v)| format!("{k} {v:.3}")).collect();
        let taxonomy = m.taxonomy.as_deref().map(|x| format!(", {x}")).unwrap_or_default();
        let _ = writeln!(
            md,
            "- **{}** — {} (n = {}{taxonomy}): {}. {} {}; {}: `{}`",
            m.what_nl.as_ref().filter(|_| lang == Lang::Nl).unwrap_or(&m.what),
            m.dataset_nl.as_ref().filter(|_| lang == Lang::Nl).unwrap_or(&m.dataset),
            m.n,
            figures.join(", "),
            l(txt::MEASURED_ON),
            m.date,
            l(txt::COMMAND),
            m.command
        );
    }
    let _ = writeln!(md, "\n{}\n", l(txt::ACCURACY_NOTE));
    for (heading, body) in txt::PROSE_AFTER {
        let _ = writeln!(md, "## {}\n\n{}\n", l(heading), l(body));
    }
    Ok(md)
}
