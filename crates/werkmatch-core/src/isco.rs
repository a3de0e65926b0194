//! ISCO-08 unit-group codes: parsing, skill level (SCORING.md 2.1) and
//! proximity of two codes (SCORING.md 2.2).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

mod units;

/// An ISCO-08 unit group: one of the 436 four-digit codes of the
/// classification, leading zeros kept (`"0110"` is commissioned armed forces
/// officers). Four arbitrary digits are not a code: `0000` or `9999` would
/// score as an occupation nobody can hold, so they are refused where they
/// enter.
///
/// Stored as four bytes so that it is `Copy` and cheap to compare in the kernel.
/// Ordering is the ordering of the code string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IscoCode([u8; 4]);

impl IscoCode {
    /// Parses an ISCO-08 unit-group code: exactly four ASCII digits that name
    /// one of the 436 unit groups.
    ///
    /// ```
    /// use werkmatch_core::IscoCode;
    /// assert_eq!(IscoCode::parse("0110").unwrap().as_str(), "0110");
    /// assert!(IscoCode::parse("911").is_err());
    /// assert!(IscoCode::parse("91120").is_err());
    /// assert!(IscoCode::parse("0000").is_err()); // four digits, but no unit group
    /// ```
    pub fn parse(s: &str) -> Result<Self> {
        let b = s.as_bytes();
        if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) {
            return Err(Error::malformed("isco", s, "an ISCO-08 unit group of exactly 4 digits"));
        }
        let code = IscoCode([b[0], b[1], b[2], b[3]]);
        if !is_unit_group(code.as_u16()) {
            return Err(Error::malformed("isco", s, "an ISCO-08 unit group (this 4-digit code is not one of the 436)"));
        }
        Ok(code)
    }

    /// Every ISCO-08 unit group, ascending.
    ///
    /// ```
    /// use werkmatch_core::IscoCode;
    /// assert_eq!(IscoCode::all().count(), 436);
    /// assert_eq!(IscoCode::all().next().unwrap().as_str(), "0110");
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = IscoCode> {
        units::UNIT_GROUPS.iter().map(|n| IscoCode::digits(*n))
    }

    fn digits(n: u16) -> Self {
        let d = |k: u16| b'0' + ((n / k) % 10) as u8;
        IscoCode([d(1000), d(100), d(10), d(1)])
    }

    /// The code as a string slice, e.g. `"9112"`.
    pub fn as_str(&self) -> &str {
        // The bytes are ASCII digits by construction.
        std::str::from_utf8(&self.0).unwrap_or("????")
    }

    /// The code as a number (`"0110"` → 110), handy for compact columns.
    pub fn as_u16(&self) -> u16 {
        self.0.iter().fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'))
    }

    /// Rebuilds a code from [`IscoCode::as_u16`]; `None` when `n` is not a unit group.
    pub fn from_u16(n: u16) -> Option<Self> {
        is_unit_group(n).then(|| IscoCode::digits(n))
    }

    /// The ISCO-08 skill level (1–4) of this code, from its first digits:
    /// major 1 → 4 (but sub-major 14 → 3); 2 → 4; 3 → 3; 4–8 → 2; 9 → 1;
    /// armed forces 01 → 4, 02 → 2, 03 → 1.
    pub fn skill_level(&self) -> SkillLevel {
        let level = match (self.0[0], self.0[1]) {
            (b'1', b'4') => 3,
            (b'1', _) | (b'2', _) => 4,
            (b'3', _) => 3,
            (b'4'..=b'8', _) => 2,
            (b'9', _) => 1,
            (b'0', b'1') => 4,
            (b'0', b'3') => 1,
            // 0210 is the only other code under major group 0 (parse admits unit groups only).
            _ => 2,
        };
        SkillLevel(level)
    }

    /// Length (0–4) of the common prefix of two codes.
    pub fn common_prefix(&self, other: &IscoCode) -> usize {
        self.0.iter().zip(other.0.iter()).take_while(|(a, b)| a == b).count()
    }
}

impl fmt::Debug for IscoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IscoCode({})", self.as_str())
    }
}

impl fmt::Display for IscoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for IscoCode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        IscoCode::parse(s)
    }
}

impl TryFrom<String> for IscoCode {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        IscoCode::parse(&s)
    }
}

impl From<IscoCode> for String {
    fn from(c: IscoCode) -> String {
        c.as_str().to_string()
    }
}

/// Whether `n` (a code read as a number) is an ISCO-08 unit group.
fn is_unit_group(n: u16) -> bool {
    units::UNIT_GROUPS.binary_search(&n).is_ok()
}

/// An ISCO-08 skill level, 1 (elementary) to 4 (professional).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct SkillLevel(u8);

impl SkillLevel {
    /// A level from 1 to 4.
    pub fn new(level: u8) -> Result<Self> {
        if (1..=4).contains(&level) {
            Ok(SkillLevel(level))
        } else {
            Err(Error::out_of_range("level", level, "1 ≤ level ≤ 4"))
        }
    }

    /// The level as a number 1–4.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for SkillLevel {
    type Error = Error;
    fn try_from(v: u8) -> Result<Self> {
        SkillLevel::new(v)
    }
}

impl From<SkillLevel> for u8 {
    fn from(l: SkillLevel) -> u8 {
        l.0
    }
}

impl fmt::Display for SkillLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(s: &str) -> u8 {
        IscoCode::parse(s).unwrap().skill_level().get()
    }

    #[test]
    fn skill_levels_follow_the_major_groups() {
        assert_eq!(level("1120"), 4);
        assert_eq!(level("1411"), 3);
        assert_eq!(level("2512"), 4);
        assert_eq!(level("3221"), 3);
        for c in ["4110", "5120", "6111", "7212", "8322"] {
            assert_eq!(level(c), 2, "{c}");
        }
        assert_eq!(level("9112"), 1);
        assert_eq!(level("0110"), 4);
        assert_eq!(level("0210"), 2);
        assert_eq!(level("0310"), 1);
    }

    #[test]
    fn parse_keeps_leading_zeros_and_rejects_bad_shapes() {
        assert_eq!(IscoCode::parse("0110").unwrap().to_string(), "0110");
        for bad in ["", "911", "91120", "91a2", " 9112", "９１１２", "0000", "9999", "9110", "0100", "1000"] {
            assert!(IscoCode::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn u16_round_trip() {
        for c in IscoCode::all() {
            assert_eq!(IscoCode::from_u16(c.as_u16()), Some(c));
            assert_eq!(IscoCode::parse(c.as_str()), Ok(c));
        }
        for n in [0, 9999, 10000, 9110] {
            assert_eq!(IscoCode::from_u16(n), None, "{n}");
        }
    }

    #[test]
    fn the_table_is_isco_08() {
        let all: Vec<u16> = IscoCode::all().map(|c| c.as_u16()).collect();
        assert_eq!(all.len(), 436);
        assert!(all.windows(2).all(|w| w[0] < w[1]), "ascending, no duplicates");
        // Ten major groups, 43 sub-major groups, 130 minor groups (ISCO-08 structure).
        let distinct = |digits: u32| {
            let mut v: Vec<u16> = all.iter().map(|n| n / 10u16.pow(4 - digits)).collect();
            v.dedup();
            v.len()
        };
        assert_eq!((distinct(1), distinct(2), distinct(3)), (10, 43, 130));
        for c in ["0110", "0210", "0310", "1111", "5321", "9112", "9629"] {
            assert!(IscoCode::parse(c).is_ok(), "{c}");
        }
    }

    #[test]
    fn common_prefix_counts_leading_equal_digits() {
        let a = IscoCode::parse("9112").unwrap();
        assert_eq!(a.common_prefix(&a), 4);
        assert_eq!(a.common_prefix(&IscoCode::parse("9111").unwrap()), 3);
        assert_eq!(a.common_prefix(&IscoCode::parse("9122").unwrap()), 2);
        assert_eq!(a.common_prefix(&IscoCode::parse("9212").unwrap()), 1);
        assert_eq!(a.common_prefix(&IscoCode::parse("8112").unwrap()), 0);
    }

    #[test]
    fn serde_is_a_string() {
        let c: IscoCode = serde_json::from_str("\"0310\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"0310\"");
        assert!(serde_json::from_str::<IscoCode>("\"310\"").is_err());
        assert!(serde_json::from_str::<IscoCode>("310").is_err());
    }
}
