//! Measuring a normaliser on labelled phrases: top-1, top-5 and MRR@10.
//!
//! Used by `examples/eval_skills.rs` and `examples/eval_titles.rs` and by the
//! `*shared_data*` tests, so that the numbers the docs quote and the numbers
//! the tests assert come from one implementation.

use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// Labels in the skill-span test sets that name no ESCO skill; such rows are left out.
pub const NO_LABEL: [&str; 2] = ["LABEL NOT PRESENT", "UNDERSPECIFIED"];

/// One labelled phrase: the text and the preferred label of the right concept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelledPhrase {
    /// The phrase as written in the ad.
    pub phrase: String,
    /// The right answer: an ESCO preferred label (skill spans) or a concept URI (titles).
    pub answer: String,
}

/// Reads a CSV with a header naming `phrase_col` and `answer_col` (other columns ignored).
///
/// Rows whose answer is empty or one of [`NO_LABEL`] are left out.
///
/// # Errors
/// [`ErrorKind::Io`] when the file cannot be read, [`ErrorKind::MissingField`] when a column is
/// absent, [`ErrorKind::Syntax`] for a malformed row (with its line).
pub fn read_labelled(path: &Path, phrase_col: &str, answer_col: &str) -> Result<Vec<LabelledPhrase>> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(path).map_err(|e| csv_error(path, &e))?;
    let headers = rdr.headers().map_err(|e| csv_error(path, &e))?.clone();
    let col = |name: &str| {
        headers.iter().position(|h| h.trim_start_matches('\u{feff}') == name).ok_or_else(|| {
            Error::new(ErrorKind::MissingField, "the header lacks this column").at(Some(path), 1).with_field(name)
        })
    };
    let (pi, ai) = (col(phrase_col)?, col(answer_col)?);
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(path, &e))?;
        let answer = rec.get(ai).unwrap_or("").trim();
        if answer.is_empty() || NO_LABEL.contains(&answer) {
            continue;
        }
        out.push(LabelledPhrase { phrase: rec.get(pi).unwrap_or("").to_string(), answer: answer.to_string() });
    }
    Ok(out)
}

fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    let kind = if matches!(e.kind(), csv::ErrorKind::Io(_)) { ErrorKind::Io } else { ErrorKind::Syntax };
    let err = Error::new(kind, e.to_string());
    match line {
        Some(l) => err.at(Some(path), l),
        None => err.with_position(crate::error::Position::file(Some(path))),
    }
}

/// Ranking quality over a set of phrases.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RankMetrics {
    /// Number of phrases.
    pub n: usize,
    /// Share with the right answer first.
    pub top1: f64,
    /// Share with the right answer among the first five.
    pub top5: f64,
    /// Mean reciprocal rank of the right answer within the first ten (0 beyond).
    pub mrr: f64,
}

impl RankMetrics {
    /// Metrics from the 0-based rank of the right answer per phrase (`None`: not in the first ten).
    pub fn from_ranks(ranks: &[Option<usize>]) -> Self {
        let n = ranks.len();
        let d = n.max(1) as f64;
        let within = |k: usize| ranks.iter().filter(|r| r.is_some_and(|r| r < k)).count() as f64 / d;
        let mrr = ranks.iter().filter_map(|r| r.filter(|&r| r < 10)).map(|r| 1.0 / (r as f64 + 1.0)).sum::<f64>() / d;
        RankMetrics { n, top1: within(1), top5: within(5), mrr }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_from_ranks() {
        let m = RankMetrics::from_ranks(&[Some(0), Some(1), None, Some(12)]);
        assert_eq!(m.n, 4);
        assert!((m.top1 - 0.25).abs() < 1e-12);
        assert!((m.top5 - 0.5).abs() < 1e-12);
        assert!((m.mrr - 1.5 / 4.0).abs() < 1e-12);
        assert_eq!(RankMetrics::from_ranks(&[]).mrr, 0.0);
    }
}
