//! The override file (AUDIT.md section 3): JSON Lines, one staff decision per line,
//! read strictly: a malformed line, an unknown field, action or id, a
//! repeated decision id stops the read with file, line, field and reason.
//!
//! ```json
//! {"id": "O1", "seeker": "S1", "vacancy": "V9", "action": "exclude", "reason_code": "already_applied",
//!  "by": "staff-17", "at": "2026-11-30T10:00:00Z", "valid_until": "2027-01-31"}
//! ```
//!
//! `employer` replaces `vacancy` for an employer without a vacancy. `at` is
//! RFC 3339 in UTC (`Z`); `valid_until` is a date (inclusive) and may be absent
//! or null. `reason_code` is a code (`a-z`, `0-9`, `_`) and `by` a staff id
//! (letters, digits, `_ - .`), so that no free text about a person gets in.

use std::collections::HashSet;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde_json::{Map, Value};
use werkmatch_core::overrides::{Action, Date, Override, Target};
use werkmatch_core::Id;

use crate::error::{Error, ErrorKind, Result};

/// The ids an override may name: those of the run's inputs. A side that is
/// `None` is not checked (a tool for one candidate does not read every seeker;
/// decisions about other seekers then simply do not apply to it).
#[derive(Clone, Debug, Default)]
pub struct KnownIds<'a> {
    /// Seeker ids.
    pub seekers: Option<HashSet<&'a str>>,
    /// Vacancy ids.
    pub vacancies: Option<HashSet<&'a str>>,
    /// Employer ids.
    pub employers: Option<HashSet<&'a str>>,
}

const FIELDS: [&str; 9] = ["id", "seeker", "vacancy", "employer", "action", "reason_code", "by", "at", "valid_until"];

/// Reads an override file against the run's ids.
pub fn read_overrides_file(path: &Path, known: &KnownIds<'_>) -> Result<Vec<Override>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    overrides_from_str(&text, Some(path), known)
}

/// Parses override lines; `file` is named in errors.
pub fn overrides_from_str(text: &str, file: Option<&Path>, known: &KnownIds<'_>) -> Result<Vec<Override>> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i as u64 + 1;
        let o = parse_line(line, known).map_err(|e| e.at(file, n))?;
        if !ids.insert(o.id.clone()) {
            return Err(Error::new(ErrorKind::DuplicateId, "an override id occurs twice")
                .with_field("id")
                .with_value(o.id)
                .at(file, n));
        }
        out.push(o);
    }
    Ok(out)
}

fn string<'a>(m: &'a Map<String, Value>, field: &str) -> Result<&'a str> {
    match m.get(field) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s),
        Some(_) => Err(Error::new(ErrorKind::InvalidValue, "must be a non-empty string").with_field(field)),
        None => Err(Error::new(ErrorKind::MissingField, "required").with_field(field)),
    }
}

fn known_id(value: &str, field: &str, set: &Option<HashSet<&str>>) -> Result<Id> {
    let id = Id::new(value).map_err(|e| Error::from_core(&e).with_field(field))?;
    if set.as_ref().is_some_and(|s| !s.contains(value)) {
        return Err(Error::new(ErrorKind::Unresolved, format!("no {field} with this id in the run's input"))
            .with_field(field)
            .with_value(value));
    }
    Ok(id)
}

fn code(value: &str, field: &str, extra: &[char]) -> Result<String> {
    let ok = value.len() <= 64
        && value.chars().all(|c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '_'
                || extra.contains(&c)
                || (!extra.is_empty() && c.is_ascii_uppercase())
        });
    if !ok {
        return Err(Error::new(ErrorKind::InvalidValue, "must be a code (letters, digits, _), at most 64 characters")
            .with_field(field));
    }
    Ok(value.to_string())
}

fn parse_line(line: &str, known: &KnownIds<'_>) -> Result<Override> {
    let v: Value = serde_json::from_str(line).map_err(|e| Error::new(ErrorKind::Syntax, e.to_string()))?;
    let Value::Object(m) = v else {
        return Err(Error::new(ErrorKind::Syntax, "each line must be a JSON object"));
    };
    if let Some(k) = m.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(Error::new(
            ErrorKind::UnknownField,
            format!("unknown field; expected one of {}", FIELDS.join(", ")),
        )
        .with_field(k.clone()));
    }
    let id = code(string(&m, "id")?, "id", &['-', '.'])?;
    let seeker = known_id(string(&m, "seeker")?, "seeker", &known.seekers)?;
    let target = match (m.contains_key("vacancy"), m.contains_key("employer")) {
        (true, false) => Target::Vacancy(known_id(string(&m, "vacancy")?, "vacancy", &known.vacancies)?),
        (false, true) => Target::Employer(known_id(string(&m, "employer")?, "employer", &known.employers)?),
        (true, true) => {
            return Err(
                Error::new(ErrorKind::InvalidValue, "give `vacancy` or `employer`, not both").with_field("employer")
            )
        }
        (false, false) => {
            return Err(Error::new(ErrorKind::MissingField, "`vacancy` or `employer` is required").with_field("vacancy"))
        }
    };
    let action = match string(&m, "action")? {
        "exclude" => Action::Exclude,
        "include" => Action::Include,
        other => {
            return Err(Error::new(ErrorKind::InvalidValue, "must be `exclude` or `include`")
                .with_field("action")
                .with_value(other))
        }
    };
    let reason_code = code(string(&m, "reason_code")?, "reason_code", &[])?;
    let by = code(string(&m, "by")?, "by", &['-', '.'])?;
    let at_text = string(&m, "at")?;
    let at = humantime::parse_rfc3339(at_text).map_err(|e| {
        Error::new(ErrorKind::InvalidValue, format!("must be an RFC 3339 UTC time such as 2026-11-30T10:00:00Z ({e})"))
            .with_field("at")
            .with_value(at_text)
    })?;
    let at_millis = at
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_millis()).ok())
        .ok_or_else(|| Error::new(ErrorKind::InvalidValue, "must be after 1970").with_field("at"))?;
    let valid_until = match m.get("valid_until") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(Date::parse(s).map_err(|e| {
            Error::new(ErrorKind::InvalidValue, e.reason()).with_field("valid_until").with_value(s.clone())
        })?),
        Some(_) => {
            return Err(
                Error::new(ErrorKind::InvalidValue, "must be a date YYYY-MM-DD or null").with_field("valid_until")
            )
        }
    };
    Ok(Override { id, seeker, target, action, reason_code, by, at_millis, valid_until })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownIds<'static> {
        KnownIds {
            seekers: Some(["S1", "S2"].into_iter().collect()),
            vacancies: Some(["V9"].into_iter().collect()),
            employers: Some(["E1"].into_iter().collect()),
        }
    }

    const GOOD: &str = r#"{"id": "O1", "seeker": "S1", "vacancy": "V9", "action": "exclude", "reason_code": "already_applied", "by": "staff-17", "at": "2026-11-30T10:00:00Z", "valid_until": "2027-01-31"}"#;

    #[test]
    fn the_contract_example_reads() {
        let o = overrides_from_str(GOOD, None, &known()).unwrap();
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].target, Target::Vacancy(Id::new("V9").unwrap()));
        assert_eq!(o[0].action, Action::Exclude);
        assert_eq!(o[0].valid_until, Some(Date::parse("2027-01-31").unwrap()));
        assert_eq!(o[0].at_millis, 1_796_032_800_000);
        let e = GOOD.replace("\"vacancy\": \"V9\"", "\"employer\": \"E1\"").replace("exclude", "include");
        assert_eq!(overrides_from_str(&e, None, &known()).unwrap()[0].action, Action::Include);
    }

    #[test]
    fn bad_lines_say_line_field_and_reason() {
        let file = Some(Path::new("o.jsonl"));
        let cases = [
            (GOOD.replace("S1", "S7"), "seeker", ErrorKind::Unresolved),
            (GOOD.replace("exclude", "hide"), "action", ErrorKind::InvalidValue),
            (GOOD.replace("\"by\"", "\"note\""), "note", ErrorKind::UnknownField),
            (GOOD.replace("2026-11-30T10:00:00Z", "yesterday"), "at", ErrorKind::InvalidValue),
            (GOOD.replace("2027-01-31", "2027-02-30"), "valid_until", ErrorKind::InvalidValue),
            (GOOD.replace("already_applied", "Ms X said no"), "reason_code", ErrorKind::InvalidValue),
            (GOOD.replace("\"vacancy\": \"V9\", ", ""), "vacancy", ErrorKind::MissingField),
        ];
        for (line, field, kind) in cases {
            let text = format!("{GOOD}\n\n{}\n", line.replace("O1", "O2"));
            let e = overrides_from_str(&text, file, &known()).unwrap_err();
            assert_eq!((e.position().line, e.field(), e.kind()), (Some(3), Some(field), kind), "{e}");
            assert!(e.to_string().starts_with("o.jsonl:3"), "{e}");
        }
        let e = overrides_from_str(&format!("{GOOD}\n{GOOD}\n"), file, &known()).unwrap_err();
        assert_eq!((e.position().line, e.kind()), (Some(2), ErrorKind::DuplicateId));
        let e = overrides_from_str("{not json\n", file, &known()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
    }
}
