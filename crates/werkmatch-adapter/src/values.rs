//! Parsers for the values found in feeds: Dutch spellings of education,
//! booleans, travel modes, hour ranges, SBI and NACE codes.
//!
//! Shared by the CSV export ([`crate::csv_export`]), the vendor's JSON export
//! ([`crate::json_export`], through the CSV row code) and schema.org
//! JobPostings ([`crate::jobposting`]); crate-private, so that the public API
//! is the readers and their documented rules, not these helpers.
//!
//! Each parser returns an [`Error`] without field or value; the reader adds
//! the column name and (for typed fields) the cell text.

use std::collections::HashMap;

use werkmatch_core::{Cefr, Education, HoursRange, Nace, PhysicalLoad, TravelMode};

use crate::error::{Error, ErrorKind, Result};

fn invalid(reason: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidValue, reason)
}

/// The key under which a value is looked up: lower case, without spaces,
/// `-`, `_` and `.`, so that `MBO 2`, `mbo-2` and `MBO2` are one value.
pub(crate) fn value_key(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '\t')).flat_map(char::to_lowercase).collect()
}

/// Looks `raw` up in a synonym table (keys made with [`value_key`]), falling back to `builtin`.
pub(crate) fn lookup<T: Copy>(
    table: &HashMap<String, T>,
    raw: &str,
    builtin: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> Result<T> {
    let key = value_key(raw);
    table.get(&key).copied().or_else(|| builtin(&key)).ok_or_else(|| invalid(format!("expected {expected}")))
}

/// The FORMAT.md names of education levels (after [`value_key`]).
pub(crate) fn education_builtin(key: &str) -> Option<Education> {
    Education::ALL.into_iter().find(|e| education_name(*e) == key)
}

/// The FORMAT.md name of an education level.
pub(crate) fn education_name(e: Education) -> &'static str {
    match e {
        Education::None => "none",
        Education::Primary => "primary",
        Education::Vmbo => "vmbo",
        Education::Mbo1 => "mbo1",
        Education::Mbo2 => "mbo2",
        Education::Mbo3 => "mbo3",
        Education::Mbo4 => "mbo4",
        Education::Havo => "havo",
        Education::Vwo => "vwo",
        Education::Hbo => "hbo",
        Education::Wo => "wo",
        Education::Unknown => "unknown",
    }
}

/// The FORMAT.md names of travel modes.
pub(crate) fn mode_builtin(key: &str) -> Option<TravelMode> {
    TravelMode::ALL.into_iter().find(|m| m.name() == key)
}

/// `true`/`false`, `yes`/`no`, `1`/`0`, and the Dutch `ja`/`nee`, `j`/`n`.
pub(crate) fn bool_builtin(key: &str) -> Option<bool> {
    match key {
        "true" | "yes" | "y" | "1" | "ja" | "j" => Some(true),
        "false" | "no" | "n" | "0" | "nee" => Some(false),
        _ => None,
    }
}

/// `light`, `medium`, `heavy` and the Dutch `licht`, `middel`, `zwaar`.
pub(crate) fn load_builtin(key: &str) -> Option<PhysicalLoad> {
    match key {
        "light" | "licht" => Some(PhysicalLoad::Light),
        "medium" | "middel" | "gemiddeld" => Some(PhysicalLoad::Medium),
        "heavy" | "zwaar" => Some(PhysicalLoad::Heavy),
        _ => None,
    }
}

/// A CEFR level `A1`…`C2` (any case).
pub(crate) fn parse_cefr(raw: &str) -> Result<Cefr> {
    match value_key(raw).as_str() {
        "a1" => Ok(Cefr::A1),
        "a2" => Ok(Cefr::A2),
        "b1" => Ok(Cefr::B1),
        "b2" => Ok(Cefr::B2),
        "c1" => Ok(Cefr::C1),
        "c2" => Ok(Cefr::C2),
        _ => Err(invalid("expected a CEFR level A1, A2, B1, B2, C1 or C2")),
    }
}

/// Hours per week: `24-32`, `24 - 32`, `24 tot 32 uur`, or one number `32`
/// (read as exactly that many hours, `32-32`).
pub(crate) fn parse_hours(raw: &str) -> Result<HoursRange> {
    let mut numbers = raw.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty());
    let parse = |p: &str| p.parse::<u8>().map_err(|_| invalid("hours per week must be at most 60"));
    let (min, max) = match (numbers.next(), numbers.next(), numbers.next()) {
        (Some(a), None, None) => (parse(a)?, parse(a)?),
        (Some(a), Some(b), None) => (parse(a)?, parse(b)?),
        _ => return Err(invalid("expected hours per week as `24-32` or `32`")),
    };
    HoursRange::new(min, max).map_err(|e| invalid(e.reason()))
}

/// A sector as a NACE section letter (`Q`, any case) or an SBI/NACE code
/// whose first two digits are the division (`4711`, `47.11`, `47`).
pub(crate) fn parse_sector(raw: &str) -> Result<Nace> {
    let t = raw.trim();
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_alphabetic() {
            return Nace::from_letter(c.to_ascii_uppercase()).map_err(|e| invalid(e.reason()));
        }
    }
    let b = t.as_bytes();
    if b.len() >= 2
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
    {
        let division = (b[0] - b'0') * 10 + (b[1] - b'0');
        return nace_of_division(division)
            .ok_or_else(|| invalid(format!("SBI/NACE division {division:02} does not exist")));
    }
    Err(invalid("expected a NACE section letter A–U or an SBI code of at least two digits"))
}

/// The NACE Rev. 2 section of an SBI (or NACE) division `01`–`99`.
///
/// SBI divisions are the NACE divisions, so the table is NACE's:
/// 01-03 A, 05-09 B, 10-33 C, 35 D, 36-39 E, 41-43 F, 45-47 G, 49-53 H,
/// 55-56 I, 58-63 J, 64-66 K, 68 L, 69-75 M, 77-82 N, 84 O, 85 P, 86-88 Q,
/// 90-93 R, 94-96 S, 97-98 T, 99 U. Unused numbers (04, 34, 40 …) give `None`.
pub(crate) fn nace_of_division(division: u8) -> Option<Nace> {
    let letter = match division {
        1..=3 => 'A',
        5..=9 => 'B',
        10..=33 => 'C',
        35 => 'D',
        36..=39 => 'E',
        41..=43 => 'F',
        45..=47 => 'G',
        49..=53 => 'H',
        55..=56 => 'I',
        58..=63 => 'J',
        64..=66 => 'K',
        68 => 'L',
        69..=75 => 'M',
        77..=82 => 'N',
        84 => 'O',
        85 => 'P',
        86..=88 => 'Q',
        90..=93 => 'R',
        94..=96 => 'S',
        97..=98 => 'T',
        99 => 'U',
        _ => return None,
    };
    Nace::from_letter(letter).ok()
}

/// The items of a list cell, trimmed, empty items skipped.
pub(crate) fn split_list(raw: &str, separator: char) -> impl Iterator<Item = &str> {
    raw.split(separator).map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sbi_divisions_follow_nace_sections() {
        let cases = [(1, 'A'), (3, 'A'), (5, 'B'), (33, 'C'), (35, 'D'), (39, 'E'), (43, 'F'), (47, 'G')];
        for (d, l) in cases {
            assert_eq!(nace_of_division(d).map(Nace::letter), Some(l), "{d}");
        }
        let cases2 = [(53, 'H'), (56, 'I'), (63, 'J'), (66, 'K'), (68, 'L'), (75, 'M'), (82, 'N'), (84, 'O')];
        for (d, l) in cases2 {
            assert_eq!(nace_of_division(d).map(Nace::letter), Some(l), "{d}");
        }
        let cases3 = [(85, 'P'), (88, 'Q'), (93, 'R'), (96, 'S'), (98, 'T'), (99, 'U')];
        for (d, l) in cases3 {
            assert_eq!(nace_of_division(d).map(Nace::letter), Some(l), "{d}");
        }
        for unused in [0, 4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89, 100] {
            assert_eq!(nace_of_division(unused), None, "{unused}");
        }
    }

    #[test]
    fn hours_and_sectors() {
        assert_eq!(parse_hours("24-32").unwrap().max(), 32);
        assert_eq!(parse_hours("32 uur").unwrap().min(), 32);
        assert!(parse_hours("32-24").is_err());
        assert!(parse_hours("veel").is_err());
        assert_eq!(parse_sector("q").unwrap().letter(), 'Q');
        assert_eq!(parse_sector("47.11").unwrap().letter(), 'G');
        assert!(parse_sector("04").is_err(), "no such division");
    }

    #[test]
    fn value_keys_ignore_case_spaces_and_dashes() {
        assert_eq!(value_key("MBO 2"), "mbo2");
        assert_eq!(value_key("e-bike"), "ebike");
        assert_eq!(education_builtin(&value_key("HBO")), Some(Education::Hbo));
        assert_eq!(bool_builtin(&value_key("Ja")), Some(true));
    }
}
