//! Writing `matches.jsonl` (FORMAT.md "Results"): one line per subject, in
//! ascending subject id, each with its ranked matches and optionally their
//! explanations.

use std::io::{self, Write};

use werkmatch_core::rank::overridden::{Listed, ListedRanking};
use werkmatch_core::rank::{Direction, Match, Ranking};
use werkmatch_core::score::Explanation;

/// The JSON keys of one direction: subject key, list key, match key.
fn keys(direction: Direction) -> (&'static str, &'static str, &'static str) {
    // FORMAT.md lists employers under `employers`, every other candidate under `matches`.
    let list = if direction == Direction::SeekerToEmployers { "employers" } else { "matches" };
    (direction.subject(), list, direction.candidate())
}

/// Formats a score with at least 6 significant digits and no loss: the
/// shortest text that reads back as the same `f64`, padded with zeros when it
/// has fewer than 6 digits (`0.9575` → `0.957500`, `1` → `1.00000`).
pub fn format_score(x: f64) -> String {
    if !x.is_finite() {
        // Scores are always finite; never write invalid JSON if one is not.
        return "null".to_string();
    }
    if x == 0.0 {
        return "0.000000".to_string();
    }
    let mut s = format!("{x}");
    if s.contains('e') {
        return s;
    }
    let digits = s.trim_start_matches(['-', '0', '.']).chars().filter(char::is_ascii_digit).count();
    if digits < 6 {
        if !s.contains('.') {
            s.push('.');
        }
        // Leading zeros ("0.05") are not significant, so they are not counted.
        s.extend(std::iter::repeat_n('0', 6 - digits));
    }
    s
}

/// Writes rankings as FORMAT.md result lines.
///
/// `explain` is called for each ranked pair `(subject, candidate)` when
/// explanations are wanted; pass `None::<fn(&str, &str) -> Option<Explanation>>`
/// for none. Rankings are written in the order given (the rankers return them
/// in ascending subject id).
pub fn write_rankings<W, F>(
    out: &mut W,
    direction: Direction,
    rankings: &[Ranking],
    explain: Option<F>,
) -> io::Result<u64>
where
    W: Write,
    F: FnMut(&str, &str) -> Option<Explanation>,
{
    write_lines(out, direction, rankings.iter().map(|r| (r.subject.as_str(), r.matches.as_slice())), explain)
}

/// Writes rankings with human overrides applied (AUDIT.md section 3) as
/// FORMAT.md result lines: as [`write_rankings`], plus `"included": true` on a
/// pair a person included and, when it fails knock-outs, `"knockouts": [...]`.
/// Without any included pair the lines are byte for byte those of [`write_rankings`].
pub fn write_listed_rankings<W, F>(
    out: &mut W,
    direction: Direction,
    rankings: &[ListedRanking],
    explain: Option<F>,
) -> io::Result<u64>
where
    W: Write,
    F: FnMut(&str, &str) -> Option<Explanation>,
{
    write_lines(out, direction, rankings.iter().map(|r| (r.subject.as_str(), r.matches.as_slice())), explain)
}

/// A listed candidate as a result line shows it: id, score, and the marks a
/// person's override adds (none for a plain [`Match`]).
trait LineItem {
    fn id(&self) -> &str;
    fn score(&self) -> f64;
    fn write_marks(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

impl LineItem for Match {
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn score(&self) -> f64 {
        self.score
    }
}

impl LineItem for Listed {
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn score(&self) -> f64 {
        self.score
    }
    fn write_marks(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.included {
            out.write_all(b",\"included\":true")?;
        }
        if !self.knockouts.is_empty() {
            out.write_all(b",\"knockouts\":")?;
            serde_json::to_writer(&mut *out, &self.knockouts)?;
        }
        Ok(())
    }
}

/// The one writer of result lines, for plain and for overridden rankings.
fn write_lines<'a, W, T, F>(
    out: &mut W,
    direction: Direction,
    rankings: impl Iterator<Item = (&'a str, &'a [T])>,
    mut explain: Option<F>,
) -> io::Result<u64>
where
    W: Write,
    T: LineItem + 'a,
    F: FnMut(&str, &str) -> Option<Explanation>,
{
    let (subject_key, list_key, match_key) = keys(direction);
    let mut lines = 0;
    for (subject, matches) in rankings {
        write!(out, "{{\"{subject_key}\":")?;
        serde_json::to_writer(&mut *out, subject)?;
        write!(out, ",\"{list_key}\":[")?;
        for (i, m) in matches.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            write!(out, "{{\"{match_key}\":")?;
            serde_json::to_writer(&mut *out, m.id())?;
            write!(out, ",\"score\":{}", format_score(m.score()))?;
            m.write_marks(out)?;
            if let Some(f) = explain.as_mut() {
                if let Some(e) = f(subject, m.id()) {
                    out.write_all(b",\"explanation\":")?;
                    serde_json::to_writer(&mut *out, &e)?;
                }
            }
            out.write_all(b"}")?;
        }
        out.write_all(b"]}\n")?;
        lines += 1;
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use werkmatch_core::rank::Match;
    use werkmatch_core::Id;

    #[test]
    fn scores_keep_at_least_six_significant_digits() {
        assert_eq!(format_score(0.9575), "0.957500");
        assert_eq!(format_score(1.0), "1.00000");
        assert_eq!(format_score(0.0), "0.000000");
        assert_eq!(format_score(0.05), "0.0500000");
        assert_eq!(format_score(0.8488491752589189), "0.8488491752589189");
        for x in [0.9575, 1.0, 0.05, 0.123456789, 0.3, 2.0 / 3.0] {
            assert_eq!(format_score(x).parse::<f64>().unwrap(), x);
        }
    }

    #[test]
    fn lines_follow_format_md() {
        let r = vec![Ranking {
            subject: Id::new("S00017").unwrap(),
            matches: vec![Match { id: Id::new("V\"1").unwrap(), score: 0.8125 }],
        }];
        let mut out = Vec::new();
        write_rankings(&mut out, Direction::SeekerToEmployers, &r, None::<fn(&str, &str) -> Option<Explanation>>)
            .unwrap();
        let line = String::from_utf8(out).unwrap();
        assert_eq!(line, "{\"seeker\":\"S00017\",\"employers\":[{\"employer\":\"V\\\"1\",\"score\":0.812500}]}\n");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["employers"][0]["score"].as_f64(), Some(0.8125));
    }
}
