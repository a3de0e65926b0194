//! What the fairness report reads from a run: `matches.jsonl` (FORMAT.md
//! results) and the placement plan (JSON Lines).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use werkmatch_adapter::{Error, ErrorKind, Result};

/// The parts of `matches.jsonl` the report needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Every seeker with a vacancy list, in file order, with its best score (None: empty list).
    pub seekers: Vec<(String, Option<f64>)>,
    /// Every vacancy's ranked seeker list, in file order.
    pub vacancy_lists: Vec<Vec<String>>,
}

fn lines(text: &str) -> impl Iterator<Item = (u64, &str)> {
    text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (i as u64 + 1, l))
}

fn object(line: &str, file: Option<&Path>, n: u64) -> Result<serde_json::Map<String, Value>> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(Error::new(ErrorKind::Syntax, "each line must be a JSON object").at(file, n)),
        Err(e) => Err(Error::new(ErrorKind::Syntax, e.to_string()).at(file, n)),
    }
}

fn list<'a>(m: &'a serde_json::Map<String, Value>, key: &str, file: Option<&Path>, n: u64) -> Result<&'a [Value]> {
    m.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .ok_or_else(|| Error::new(ErrorKind::InvalidValue, "must be a list").with_field(key).at(file, n))
}

fn string<'a>(v: &'a Value, field: &str, file: Option<&Path>, n: u64) -> Result<&'a str> {
    v.as_str().ok_or_else(|| Error::new(ErrorKind::InvalidValue, "must be a string id").with_field(field).at(file, n))
}

/// Reads `matches.jsonl`: seeker → vacancies lines (`{"seeker", "matches"}`)
/// and vacancy → seekers lines (`{"vacancy", "matches"}`); seeker → employer
/// lines are read and not needed. Anything else is bad input.
pub fn read_matches(path: &Path) -> Result<Results> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    matches_from_str(&text, Some(path))
}

/// Parses `matches.jsonl` text; `file` is named in errors.
pub fn matches_from_str(text: &str, file: Option<&Path>) -> Result<Results> {
    let mut r = Results::default();
    for (n, line) in lines(text) {
        let m = object(line, file, n)?;
        if let Some(seeker) = m.get("seeker") {
            let seeker = string(seeker, "seeker", file, n)?;
            if m.contains_key("employers") {
                list(&m, "employers", file, n)?;
                continue;
            }
            let mut best: Option<f64> = None;
            for (j, x) in list(&m, "matches", file, n)?.iter().enumerate() {
                let s = x.get("score").and_then(Value::as_f64).ok_or_else(|| {
                    Error::new(ErrorKind::InvalidValue, "must be a number")
                        .with_field(format!("matches[{j}].score"))
                        .at(file, n)
                })?;
                best = Some(best.map_or(s, |b| b.max(s)));
            }
            r.seekers.push((seeker.to_string(), best));
        } else if let Some(v) = m.get("vacancy") {
            string(v, "vacancy", file, n)?;
            let mut ids = Vec::new();
            for (j, x) in list(&m, "matches", file, n)?.iter().enumerate() {
                let field = format!("matches[{j}].seeker");
                let id = x.get("seeker").unwrap_or(&Value::Null);
                ids.push(string(id, &field, file, n)?.to_string());
            }
            r.vacancy_lists.push(ids);
        } else {
            return Err(Error::new(ErrorKind::MissingField, "a results line has `seeker` or `vacancy`").at(file, n));
        }
    }
    let mut seen = std::collections::HashSet::new();
    if let Some((id, _)) = r.seekers.iter().find(|(id, _)| !seen.insert(id.as_str())) {
        return Err(Error::new(ErrorKind::DuplicateId, "a seeker has two vacancy lists")
            .with_field("seeker")
            .with_value(id.clone())
            .with_position(werkmatch_adapter::Position::file(file)));
    }
    Ok(r)
}

/// Whether each seeker in a plan was placed (its line names a vacancy).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Placements {
    placed: HashMap<String, bool>,
}

impl Placements {
    /// Whether `seeker` was placed; seekers absent from the plan were not.
    pub fn placed(&self, seeker: &str) -> bool {
        self.placed.get(seeker).copied().unwrap_or(false)
    }
}

/// Reads a placement plan (issue 14): JSON Lines, first one line per seeker
/// `{"seeker", "vacancy" (id or null), "score", "rank", "reason", "contested"}`,
/// then one per vacancy `{"vacancy", "seekers", "open"}`. Only `seeker` and
/// `vacancy` of the seeker lines are used; the vacancy lines are checked for shape.
pub fn read_plan(path: &Path) -> Result<Placements> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    plan_from_str(&text, Some(path))
}

/// Parses plan text; `file` is named in errors.
pub fn plan_from_str(text: &str, file: Option<&Path>) -> Result<Placements> {
    let mut p = Placements::default();
    for (n, line) in lines(text) {
        let m = object(line, file, n)?;
        if let Some(seeker) = m.get("seeker") {
            let seeker = string(seeker, "seeker", file, n)?;
            let placed = match m.get("vacancy") {
                Some(Value::Null) => false,
                Some(Value::String(_)) => true,
                Some(_) => {
                    return Err(Error::new(ErrorKind::InvalidValue, "must be a vacancy id or null")
                        .with_field("vacancy")
                        .at(file, n))
                }
                None => {
                    return Err(Error::new(ErrorKind::MissingField, "a seeker line names its vacancy or null")
                        .with_field("vacancy")
                        .at(file, n))
                }
            };
            if p.placed.insert(seeker.to_string(), placed).is_some() {
                return Err(Error::new(ErrorKind::DuplicateId, "a seeker occurs twice in the plan")
                    .with_field("seeker")
                    .at(file, n));
            }
        } else if let Some(v) = m.get("vacancy") {
            string(v, "vacancy", file, n)?;
            list(&m, "seekers", file, n)?;
        } else {
            return Err(Error::new(ErrorKind::MissingField, "a plan line has `seeker` or `vacancy`").at(file, n));
        }
    }
    Ok(p)
}
