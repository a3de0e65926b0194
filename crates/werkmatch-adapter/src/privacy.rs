//! What a message may show of a value: no personal data.
//!
//! Rejection reports go to logs and to people who are not the person the
//! record is about. So the readers echo a value only for **typed** fields
//! (numbers, codes, enums, times) and never free text (titles, names,
//! descriptions, skill phrases): the position (file, line, field) finds the
//! record without quoting it. [`crate::Error::with_value`] applies three more
//! rules to every value it is given:
//!
//! * it is cut to a few dozen characters (typed values are short);
//! * a six-position postcode (`9711 AB`) is shown as its PC4 (`9711`): the
//!   letters narrow an address down to a street;
//! * a 9-digit number that passes the BSN eleven-test is not shown at all.
//!
//! And a seeker id that passes the eleven-test is rejected outright
//! ([`check_pseudonymous`]): FORMAT.md wants pseudonymous ids, never a BSN.

use crate::error::{Error, ErrorKind, Result};

/// The message for JSON that parses but has the wrong shape (`expected`:
/// what belongs there, e.g. "a list"). serde_json's own text quotes the
/// value it found ("invalid type: string \"…\", expected a sequence"), which
/// may be free text about a person; this says where, not what.
pub(crate) fn json_shape_error(e: &serde_json::Error, expected: &str) -> Error {
    Error::new(
        ErrorKind::InvalidValue,
        format!(
            "JSON: expected {expected} here, found another kind of value (line {}, column {})",
            e.line(),
            e.column()
        ),
    )
}

/// The value as a message may show it (see the module docs); `None`: show nothing.
pub(crate) fn shown_value(value: &str, max_chars: usize) -> Option<String> {
    let v = value.trim();
    if is_bsn(v) {
        return None;
    }
    if let Some(pc4) = pc4_of_pc6(v) {
        return Some(pc4.to_string());
    }
    Some(if v.chars().count() > max_chars {
        v.chars().take(max_chars.saturating_sub(3)).chain("...".chars()).collect()
    } else {
        v.to_string()
    })
}

/// Whether `s` is 9 digits that pass the BSN eleven-test
/// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11, and not all zeros).
pub(crate) fn is_bsn(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || !b.iter().all(u8::is_ascii_digit) || b.iter().all(|d| *d == b'0') {
        return false;
    }
    let sum: i64 = b
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let digit = i64::from(d - b'0');
            if i == 8 {
                -digit
            } else {
                digit * (9 - i as i64)
            }
        })
        .sum();
    sum.rem_euclid(11) == 0
}

/// The PC4 of a Dutch six-position postcode (`9711 AB`, `9711AB`), else `None`.
fn pc4_of_pc6(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let digits = b.get(..4)?;
    let rest: Vec<u8> = b.get(4..)?.iter().copied().filter(|c| *c != b' ').collect();
    (digits.iter().all(u8::is_ascii_digit) && rest.len() == 2 && rest.iter().all(u8::is_ascii_alphabetic))
        .then(|| s.get(..4))
        .flatten()
}

/// Refuses a seeker id that could be a BSN.
pub(crate) fn check_pseudonymous(id: &str) -> Result<()> {
    if is_bsn(id) {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "ids must be pseudonymous: this one is 9 digits that pass the BSN eleven-test",
        ));
    }
    Ok(())
}

/// Whether an occupation reference as written is a code (ISCO, ESCO code or
/// URI) that a message may echo, rather than a free-text job title.
pub(crate) fn is_code(s: &str) -> bool {
    // A URI, or one short word with a digit in it (`9112`, `2654.1.7`, `91a2`, `9112:3`);
    // words without digits ("Bakker") may be titles and are not shown.
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 120
        && (s.starts_with("http://")
            || s.starts_with("https://")
            || (s.len() <= 16
                && s.bytes().any(|b| b.is_ascii_digit())
                && s.bytes().all(|b| b.is_ascii_alphanumeric() || b".:-/".contains(&b))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_eleven_test() {
        // 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6·11.
        assert!(is_bsn("111222333"));
        assert!(is_bsn("123456782"));
        assert!(!is_bsn("123456789"));
        assert!(!is_bsn("000000000"));
        assert!(!is_bsn("12345678"));
        assert!(!is_bsn("K00012345"));
    }

    #[test]
    fn values_shown() {
        assert_eq!(shown_value("9711 AB", 32).as_deref(), Some("9711"));
        assert_eq!(shown_value("9711ab", 32).as_deref(), Some("9711"));
        assert_eq!(shown_value("97111", 32).as_deref(), Some("97111"));
        assert_eq!(shown_value("111222333", 32), None);
        assert_eq!(shown_value(&"x".repeat(40), 32).unwrap().chars().count(), 32);
        assert!(check_pseudonymous("111222333").is_err());
        assert!(check_pseudonymous("S0001").is_ok());
    }
}
