//! Rewriting ESCO references into ISCO codes (and skills) before decoding,
//! when the caller loaded a taxonomy (FORMAT.md: "when a taxonomy is loaded").
//!
//! The core model holds only ISCO codes, so the references are resolved on the
//! parsed JSON object and the result is then decoded by the same serde code as
//! a plain line. Values of the wrong JSON type are left alone: the decoder
//! reports them with its usual message.

use serde_json::{Map, Value};
use werkmatch_core::IscoCode;

use crate::error::{Error, ErrorKind};
use crate::resolve::OccupationResolver;

type Object = Map<String, Value>;

/// Seeker: `experience[i].esco` → `isco`; ESCO entries of `desired_occupations` → ISCO.
pub(crate) fn seeker(obj: &mut Object, resolver: &dyn OccupationResolver) -> Result<(), Error> {
    if let Some(Value::Array(items)) = obj.get_mut("experience") {
        for (i, item) in items.iter_mut().enumerate() {
            let Value::Object(entry) = item else { continue };
            let Some(esco) = entry.remove("esco") else { continue };
            let field = format!("experience[{i}].esco");
            let code = isco_of(&esco, &field, resolver)?;
            match entry.get("isco") {
                None => {
                    entry.insert("isco".to_string(), Value::String(code.to_string()));
                }
                // Both given: `esco` is dropped from the record, so it must agree
                // rather than be ignored silently.
                Some(given) if given.as_str() == Some(code.as_str()) => {}
                Some(given) => {
                    let shown = given.as_str().map_or_else(|| given.to_string(), str::to_string);
                    return Err(Error::new(
                        ErrorKind::InvalidValue,
                        format!("`isco` contradicts `esco`, which the taxonomy places in {code}"),
                    )
                    .with_field(format!("experience[{i}].isco"))
                    .with_value(shown));
                }
            }
        }
    }
    occupation_list(obj, "desired_occupations", resolver)
}

/// Employer: ESCO entries of `occupations` → ISCO.
pub(crate) fn employer(obj: &mut Object, resolver: &dyn OccupationResolver) -> Result<(), Error> {
    occupation_list(obj, "occupations", resolver)
}

/// Vacancy: `esco_occupation` supplies `isco` when absent, and the skills when both lists are empty.
///
/// With a taxonomy loaded the reference must resolve even when `isco` and the
/// skills are given: an unknown URI is most likely a typo worth reporting.
pub(crate) fn vacancy(obj: &mut Object, resolver: &dyn OccupationResolver) -> Result<(), Error> {
    let Some(Value::String(esco)) = obj.get("esco_occupation") else { return Ok(()) };
    let esco = esco.clone();
    let unresolved = |reason: &str| {
        Error::new(ErrorKind::Unresolved, reason.to_string()).with_field("esco_occupation").with_value(esco.as_str())
    };
    let code = resolver.isco_of(&esco).ok_or_else(|| unresolved("unknown ESCO occupation"))?;
    if !obj.contains_key("isco") {
        obj.insert("isco".to_string(), Value::String(code.to_string()));
    }
    let is_empty = |key: &str| match obj.get(key) {
        None => true,
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    };
    if is_empty("skills_essential") && is_empty("skills_optional") {
        let (essential, optional) =
            resolver.skills_of(&esco).ok_or_else(|| unresolved("the taxonomy knows no skills for this occupation"))?;
        let to_array = |v: Vec<String>| Value::Array(v.into_iter().map(Value::String).collect());
        obj.insert("skills_essential".to_string(), to_array(essential));
        obj.insert("skills_optional".to_string(), to_array(optional));
    }
    Ok(())
}

fn isco_of(value: &Value, field: &str, resolver: &dyn OccupationResolver) -> Result<IscoCode, Error> {
    let Some(s) = value.as_str() else {
        return Err(Error::new(ErrorKind::InvalidValue, "expected an ESCO occupation URI or code (a string)")
            .with_field(field)
            .with_value(value.to_string()));
    };
    resolver
        .isco_of(s)
        .ok_or_else(|| Error::new(ErrorKind::Unresolved, "unknown ESCO occupation").with_field(field).with_value(s))
}

/// Replaces each string entry of `obj[key]` that is not an ISCO code by the ISCO code of the ESCO occupation it names.
fn occupation_list(obj: &mut Object, key: &str, resolver: &dyn OccupationResolver) -> Result<(), Error> {
    let Some(Value::Array(items)) = obj.get_mut(key) else { return Ok(()) };
    for (i, item) in items.iter_mut().enumerate() {
        let Value::String(s) = item else { continue };
        if IscoCode::parse(s).is_ok() {
            continue;
        }
        let code = resolver.isco_of(s).ok_or_else(|| {
            Error::new(
                ErrorKind::Unresolved,
                "neither an ISCO-08 unit group (4 digits) nor an ESCO occupation the taxonomy knows",
            )
            .with_field(format!("{key}[{i}]"))
            .with_value(s.as_str())
        })?;
        *item = Value::String(code.to_string());
    }
    Ok(())
}
