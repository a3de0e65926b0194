//! Records and changes as JSON: one parser for request bodies, batch lines,
//! the write log and snapshots, built on the file readers' validation
//! (`werkmatch_adapter::jsonl`), so a record the files refuse is refused here
//! with the same field and reason.
//!
//! A change (one line of `POST /v1/batch`, of the log, of a snapshot) is one
//! JSON object:
//! - `{"op":"upsert","kind":"seeker"|"vacancy"|"employer","record":{...}}`
//!   (the record as in FORMAT.md);
//! - `{"op":"delete","kind":"seeker"|"vacancy"|"employer","id":"..."}`.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};
use werkmatch_adapter::jsonl::{read_records, Record};
use werkmatch_adapter::ReadOptions;
use werkmatch_core::rank::{Change, RecordKind};
use werkmatch_core::{Employer, Id, Jobseeker, Vacancy};

use crate::error::ApiError;

/// Parses one record from a JSON body (one object; it may span lines),
/// checked exactly as a line of a FORMAT.md file.
pub fn parse_record<T: Record>(body: &[u8]) -> Result<T, ApiError> {
    let text = std::str::from_utf8(body).map_err(|e| {
        ApiError::bad_request("syntax", format!("the body is not UTF-8 (byte {})", e.valid_up_to() + 1))
    })?;
    // The file reader takes one line; a pretty-printed body is first made one.
    let line = if text.trim_end().contains('\n') {
        let v: Value = serde_json::from_str(text).map_err(|e| syntax(&e))?;
        v.to_string()
    } else {
        text.trim_end().to_string()
    };
    if line.trim().is_empty() {
        return Err(ApiError::bad_request("syntax", "the body is empty: a JSON object is expected"));
    }
    let mut loaded =
        read_records::<T>(line.as_bytes(), None, &ReadOptions::new()).map_err(|e| ApiError::from_adapter(&e))?;
    match loaded.accepted.pop() {
        Some(record) if loaded.accepted.is_empty() => Ok(record),
        _ => Err(ApiError::bad_request("syntax", "the body must hold exactly one JSON object")),
    }
}

fn syntax(e: &serde_json::Error) -> ApiError {
    ApiError::bad_request("syntax", format!("malformed JSON at line {} column {}", e.line(), e.column()))
}

/// A path segment as an id (1–64 characters, FORMAT.md).
pub fn parse_id(raw: &str, field: &str) -> Result<Id, ApiError> {
    Id::new(raw).map_err(|e| ApiError::from_core(&e).with_field(field))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange<'a> {
    op: String,
    kind: String,
    #[serde(borrow, default)]
    record: Option<&'a RawValue>,
    #[serde(default)]
    id: Option<String>,
}

fn kind_of(name: &str) -> Result<RecordKind, ApiError> {
    match name {
        "seeker" => Ok(RecordKind::Seeker),
        "vacancy" => Ok(RecordKind::Vacancy),
        "employer" => Ok(RecordKind::Employer),
        _ => Err(ApiError::bad_request("invalid_value", "must be one of seeker, vacancy, employer").with_field("kind")),
    }
}

/// Parses one change line (without position; the caller adds the line).
pub fn parse_change(line: &str) -> Result<Change, ApiError> {
    let raw: RawChange<'_> = serde_json::from_str(line).map_err(|e| describe_change_error(line, &e))?;
    let kind = kind_of(&raw.kind)?;
    match raw.op.as_str() {
        "upsert" => {
            if raw.id.is_some() {
                return Err(
                    ApiError::bad_request("unknown_field", "an upsert names its id in the record").with_field("id")
                );
            }
            let Some(record) = raw.record else {
                return Err(ApiError::bad_request("missing_field", "an upsert needs `record`").with_field("record"));
            };
            let bytes = record.get().as_bytes();
            let prefixed = |e: ApiError| {
                let field = e.body().field.as_ref().map_or("record".to_string(), |f| format!("record.{f}"));
                e.with_field(field)
            };
            Ok(match kind {
                RecordKind::Seeker => Change::UpsertSeeker(parse_record::<Jobseeker>(bytes).map_err(prefixed)?),
                RecordKind::Vacancy => Change::UpsertVacancy(parse_record::<Vacancy>(bytes).map_err(prefixed)?),
                _ => Change::UpsertEmployer(parse_record::<Employer>(bytes).map_err(prefixed)?),
            })
        }
        "delete" => {
            if raw.record.is_some() {
                return Err(ApiError::bad_request("unknown_field", "a delete names only the id").with_field("record"));
            }
            let Some(id) = raw.id else {
                return Err(ApiError::bad_request("missing_field", "a delete needs `id`").with_field("id"));
            };
            let id = parse_id(&id, "id")?;
            Ok(match kind {
                RecordKind::Seeker => Change::RemoveSeeker(id),
                RecordKind::Vacancy => Change::RemoveVacancy(id),
                _ => Change::RemoveEmployer(id),
            })
        }
        _ => Err(ApiError::bad_request("invalid_value", "must be upsert or delete").with_field("op")),
    }
}

fn describe_change_error(line: &str, e: &serde_json::Error) -> ApiError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => syntax(e),
        Category::Data => {
            // Name the field: serde's message holds it in backticks.
            let msg = e.to_string();
            let field = msg.split('`').nth(1).map(str::to_string);
            let kind = if msg.starts_with("unknown field") {
                "unknown_field"
            } else if msg.starts_with("missing field") {
                "missing_field"
            } else {
                "invalid_value"
            };
            let reason = msg.split(" at line").next().unwrap_or(&msg).to_string();
            let err = ApiError::bad_request(kind, reason);
            match field {
                Some(f) if !line.is_empty() => err.with_field(f),
                _ => err,
            }
        }
    }
}

/// Parses a JSON Lines body of changes (blank lines skipped); errors carry the line.
pub fn parse_changes(body: &[u8]) -> Result<Vec<Change>, ApiError> {
    let text = std::str::from_utf8(body).map_err(|e| {
        ApiError::bad_request("syntax", format!("the body is not UTF-8 (byte {})", e.valid_up_to() + 1))
    })?;
    let mut changes = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        changes.push(parse_change(line).map_err(|e| e.with_line(i as u64 + 1))?);
    }
    Ok(changes)
}

/// A validated record as a JSON tree: its FORMAT.md form (the adapter's
/// writers serialise the same way); serialising a record cannot fail.
fn value<T: serde::Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

/// A change as one JSON object (the form `parse_change` reads).
pub fn change_json(change: &Change) -> Value {
    let upsert = |kind: &str, record: Value| json!({"op": "upsert", "kind": kind, "record": record});
    let delete = |kind: &str, id: &Id| json!({"op": "delete", "kind": kind, "id": id.as_str()});
    match change {
        Change::UpsertSeeker(s) => upsert("seeker", value(s)),
        Change::UpsertVacancy(v) => upsert("vacancy", value(v)),
        Change::UpsertEmployer(e) => upsert("employer", value(e)),
        Change::RemoveSeeker(id) => delete("seeker", id),
        Change::RemoveVacancy(id) => delete("vacancy", id),
        Change::RemoveEmployer(id) => delete("employer", id),
        _ => json!({"op": "unsupported"}),
    }
}
