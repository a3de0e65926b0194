//! Decoding one record, and turning a serde failure into an [`Error`] that
//! names the field, the value and the reason.
//!
//! Decoding is two-speed on purpose. The fast path is plain `serde_json`,
//! which allocates nothing beyond the record itself. Only when it fails do we
//! decode the same text again through `serde_path_to_error` (which allocates a
//! string per key it passes, too slow for every line) to learn the exact field
//! path, and parse it once more into a `serde_json::Value` to quote the value
//! as the user wrote it. Decoding is deterministic, so the second pass fails at
//! the same place as the first.

use serde::de::DeserializeOwned;
use serde_json::error::Category;
use serde_json::Value;
use serde_path_to_error::Segment;

use crate::error::{Error, ErrorKind};

/// One step of a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Decodes a record from the text of one line (no position on the error yet).
pub(crate) fn decode_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    match serde_json::from_str::<T>(text) {
        Ok(record) => Ok(record),
        Err(first) => Err(diagnose_str::<T>(text, &first)),
    }
}

/// Decodes a record from a parsed (and possibly rewritten) JSON value, tracking the
/// field path: the slow path, for a value that failed to decode.
pub(crate) fn decode_value<T: DeserializeOwned>(doc: &Value) -> Result<T, Error> {
    serde_path_to_error::deserialize::<_, T>(doc).map_err(|e| {
        let steps = steps_of(e.path());
        describe(&steps, e.inner(), Some(doc))
    })
}

/// Maps a syntax error found while parsing a line into a `Value` (resolver path).
pub(crate) fn syntax_error(err: &serde_json::Error) -> Error {
    describe(&[], err, None)
}

fn diagnose_str<T: DeserializeOwned>(text: &str, first: &serde_json::Error) -> Error {
    let mut de = serde_json::Deserializer::from_str(text);
    let (steps, err) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => (steps_of(e.path()), e.into_inner()),
        Ok(_) => match de.end() {
            // Trailing characters after the object.
            Err(e) => (Vec::new(), e),
            Ok(()) => (Vec::new(), clone_error(first)),
        },
    };
    // Quote the offending value from the text itself; only data errors have one.
    let doc = if err.classify() == Category::Data { serde_json::from_str::<Value>(text).ok() } else { None };
    describe(&steps, &err, doc.as_ref())
}

fn clone_error(e: &serde_json::Error) -> serde_json::Error {
    <serde_json::Error as serde::de::Error>::custom(message_of(e))
}

fn steps_of(path: &serde_path_to_error::Path) -> Vec<Step> {
    let mut steps: Vec<Step> = path
        .iter()
        .map(|s| match s {
            Segment::Seq { index } => Step::Index(*index),
            Segment::Map { key } => Step::Key(key.clone()),
            Segment::Enum { variant } => Step::Key(variant.clone()),
            Segment::Unknown => Step::Key("?".to_string()),
        })
        .collect();
    // A syntax error inside an object leaves an unknown last step (the key it
    // could not read); the object around it is the useful answer.
    while steps.last() == Some(&Step::Key("?".to_string())) {
        steps.pop();
    }
    steps
}

/// `experience[1].isco`; `None` for the whole record.
fn render_path(steps: &[Step]) -> Option<String> {
    if steps.is_empty() {
        return None;
    }
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    Some(out)
}

/// The value at `steps` in `doc`, as text: strings bare, everything else as compact JSON.
/// The value at `steps`, when a message may show it: a scalar of a typed
/// field. Free-text fields, and objects or lists (which may hold text), are
/// not shown (no personal data in messages, see `privacy.rs`).
fn value_at(doc: Option<&Value>, steps: &[Step]) -> Option<String> {
    const FREE_TEXT: [&str; 7] =
        ["title", "name", "skills", "skills_essential", "skills_optional", "certificates", "employer"];
    const OCCUPATIONS: [&str; 5] = ["isco", "esco", "esco_occupation", "desired_occupations", "occupations"];
    let mut v = doc?;
    for s in steps {
        if let Step::Key(k) = s {
            if FREE_TEXT.contains(&k.as_str()) {
                return None;
            }
        }
        v = match (s, v) {
            (Step::Key(k), Value::Object(m)) => m.get(k)?,
            (Step::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    let occupation = steps.iter().any(|s| matches!(s, Step::Key(k) if OCCUPATIONS.contains(&k.as_str())));
    match v {
        Value::String(s) if occupation && !crate::privacy::is_code(s) => None,
        Value::String(s) => Some(s.clone()),
        // A list or object of numbers (`{"min": 40, "max": 20}`) is typed; one holding text is not shown.
        Value::Array(_) | Value::Object(_) if holds_text(v) => None,
        other => Some(other.to_string()),
    }
}

fn holds_text(v: &Value) -> bool {
    match v {
        Value::String(_) => true,
        Value::Array(a) => a.iter().any(holds_text),
        Value::Object(o) => o.values().any(holds_text),
        _ => false,
    }
}

/// Whether the document has a value at `steps`.
fn exists_at(doc: Option<&Value>, steps: &[Step]) -> bool {
    let Some(mut v) = doc else { return false };
    for s in steps {
        v = match (s, v) {
            (Step::Key(k), Value::Object(m)) => match m.get(k) {
                Some(x) => x,
                None => return false,
            },
            (Step::Index(i), Value::Array(a)) => match a.get(*i) {
                Some(x) => x,
                None => return false,
            },
            _ => return false,
        };
    }
    true
}

/// The message of a serde_json error without its ` at line L column C` suffix.
fn message_of(err: &serde_json::Error) -> String {
    let full = err.to_string();
    if err.line() == 0 {
        return full;
    }
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    match full.strip_suffix(&suffix) {
        Some(m) => m.to_string(),
        None => full,
    }
}

/// The text between `prefix` and the next backtick, when `msg` starts with `prefix`.
fn quoted_after<'m>(msg: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = msg.strip_prefix(prefix)?;
    rest.split_once('`').map(|(name, _)| name)
}

/// Splits a core validation message `field: reason (value "...")` into field and reason.
///
/// The core's errors reach us only as text (serde's `try_from` keeps the
/// Display form), so this reads back the format of `werkmatch_core::Error`'s
/// Display. A message that does not have that shape is used whole.
fn split_core_message(msg: &str) -> Option<(&str, &str)> {
    let (field, rest) = msg.split_once(": ")?;
    let is_field = !field.is_empty() && field.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.');
    if !is_field {
        return None;
    }
    let reason = match rest.rfind(" (value ") {
        Some(i) if rest.ends_with(')') => &rest[..i],
        _ => rest,
    };
    Some((field, reason))
}

fn with_key(steps: &[Step], key: &str) -> Vec<Step> {
    let mut v = steps.to_vec();
    v.push(Step::Key(key.to_string()));
    v
}

/// Whether `steps` is `experience[i].esco`.
fn is_experience_esco(steps: &[Step]) -> bool {
    matches!(steps, [Step::Key(a), Step::Index(_), Step::Key(b)] if a == "experience" && b == "esco")
}

/// Whether `steps` is an entry of an occupation list (`desired_occupations[i]`, `occupations[i]`).
fn is_occupation_entry(steps: &[Step]) -> bool {
    matches!(steps, [Step::Key(a), Step::Index(_)] if a == "desired_occupations" || a == "occupations")
}

/// Builds the error for a failure at `steps` (the path tracked by serde).
fn describe(steps: &[Step], err: &serde_json::Error, doc: Option<&Value>) -> Error {
    let msg = message_of(err);
    match err.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            let kind = if msg == "number out of range" { ErrorKind::InvalidValue } else { ErrorKind::Syntax };
            let reason = if err.column() > 0 {
                format!("invalid JSON: {msg} at column {}", err.column())
            } else {
                format!("invalid JSON: {msg}")
            };
            let mut e = Error::new(kind, reason);
            if let Some(f) = render_path(steps) {
                e = e.with_field(f);
            }
            e
        }
        Category::Data => describe_data(steps, &msg, doc),
    }
}

fn describe_data(steps: &[Step], msg: &str, doc: Option<&Value>) -> Error {
    let field_error = |kind: ErrorKind, steps: &[Step], reason: String, quote: bool| {
        let mut e = Error::new(kind, reason);
        if let Some(f) = render_path(steps) {
            e = e.with_field(f);
        }
        if quote {
            if let Some(v) = value_at(doc, steps) {
                e = e.with_value(v);
            }
        }
        e
    };

    if let Some(name) = quoted_after(msg, "unknown field `") {
        // serde_path_to_error records the rejected key itself as the last step.
        let steps = match steps.last() {
            Some(Step::Key(k)) if k == name => steps.to_vec(),
            _ => with_key(steps, name),
        };
        if is_experience_esco(&steps) {
            let reason = "an ESCO occupation (`esco`) needs a taxonomy, and none is loaded; give `isco` instead";
            return field_error(ErrorKind::Unresolved, &steps, reason.to_string(), true);
        }
        return field_error(ErrorKind::UnknownField, &steps, msg.to_string(), false);
    }
    if let Some(name) = quoted_after(msg, "missing field `") {
        let full = with_key(steps, name);
        let mut reason = msg.to_string();
        let parent_has_esco =
            exists_at(doc, steps) && name == "isco" && exists_at(doc, &with_key(steps, "esco_occupation"));
        if parent_has_esco {
            reason.push_str(" (`esco_occupation` supplies it only when a taxonomy is loaded)");
        }
        return field_error(ErrorKind::MissingField, &full, reason, false);
    }
    if let Some(name) = quoted_after(msg, "duplicate field `") {
        return field_error(ErrorKind::InvalidValue, &with_key(steps, name), msg.to_string(), false);
    }
    if msg.starts_with("invalid type")
        || msg.starts_with("invalid value")
        || msg.starts_with("invalid length")
        || msg.starts_with("unknown variant")
    {
        let reason =
            if steps.is_empty() { format!("a line must hold one JSON object: {msg}") } else { msg.to_string() };
        return field_error(ErrorKind::InvalidValue, steps, reason, true);
    }

    // A validation error from a core value type (or a custom message).
    let (steps, reason) = match split_core_message(msg) {
        Some((core_field, reason)) => {
            // The core names the field it checks (`location.lat`, `experience.years`);
            // serde knows where the value sits (`location`, `experience[1]`). Add the
            // core's leaf to serde's path when serde stopped one level above it.
            let leaf = core_field.rsplit('.').next().unwrap_or(core_field);
            let refined = match steps.last() {
                // A rule over the whole record (e.g. a vacancy's `location`,
                // required unless `remote`): serde's path is empty, the core's
                // field is the whole path.
                None => core_field.split('.').map(|k| Step::Key(k.to_string())).collect(),
                _ if !core_field.contains('.') => steps.to_vec(),
                Some(Step::Key(k)) if k == leaf => steps.to_vec(),
                _ => with_key(steps, leaf),
            };
            (refined, reason.to_string())
        }
        None => (steps.to_vec(), msg.to_string()),
    };
    // The core's `missing:` errors are absent fields, required in that case.
    let kind = if reason.starts_with("missing: ") { ErrorKind::MissingField } else { ErrorKind::InvalidValue };
    let mut e = field_error(kind, &steps, reason, true);
    if is_occupation_entry(&steps) {
        let looks_esco = e.value().is_some_and(|v| v.contains(['/', ':', '.']));
        if looks_esco {
            let reason = format!("{} (ESCO occupations need a taxonomy, and none is loaded)", e.reason());
            let mut hinted = Error::new(ErrorKind::Unresolved, reason);
            if let Some(f) = e.field() {
                hinted = hinted.with_field(f);
            }
            if let Some(v) = e.value() {
                hinted = hinted.with_value(v);
            }
            e = hinted;
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_messages_split_into_field_and_reason() {
        let (f, r) = split_core_message("location.lat: out of range: must satisfy x (value \"91\")").unwrap();
        assert_eq!((f, r), ("location.lat", "out of range: must satisfy x"));
        assert!(split_core_message("occupations must not be empty").is_none());
    }

    #[test]
    fn paths_render_like_field_references() {
        let steps = vec![Step::Key("experience".into()), Step::Index(1), Step::Key("isco".into())];
        assert_eq!(render_path(&steps).as_deref(), Some("experience[1].isco"));
        assert_eq!(render_path(&[]), None);
    }
}
