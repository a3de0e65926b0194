//! Small validated value types shared by seekers, vacancies and employers.
//!
//! Each type enforces the rule that FORMAT.md states for it when it is built
//! (through its constructor or through serde), so a value of the type is
//! always valid and the scoring code never re-checks it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::map_only::map_only_deserialize;
use crate::error::{Error, Result};

/// The id of a seeker, vacancy or employer: 1–64 characters, pseudonymous.
///
/// Ordered by the bytes of the string: the tie-break of SCORING.md section 6.
/// (FORMAT.md states the 1–64 rule for seekers; werkmatch applies it to every id.)
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(Box<str>);

impl Id {
    /// An id of 1–64 characters.
    pub fn new(s: impl Into<String>) -> Result<Self> {
        let s: String = s.into();
        let n = s.chars().count();
        if (1..=64).contains(&n) {
            Ok(Id(s.into_boxed_str()))
        } else {
            Err(Error::out_of_range("id", s, "1 to 64 characters"))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({:?})", &*self.0)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Id {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        Id::new(s)
    }
}

impl TryFrom<&str> for Id {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self> {
        Id::new(s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0.into_string()
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// A WGS84 position in degrees: latitude in [-90, 90], longitude in [-180, 180], both finite.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawGeoPoint", into = "RawGeoPoint")]
pub struct GeoPoint {
    lat: f64,
    lon: f64,
}

#[derive(Serialize)]
struct RawGeoPoint {
    lat: f64,
    lon: f64,
}

map_only_deserialize!(RawGeoPoint { lat: f64, lon: f64 });

impl GeoPoint {
    /// A point; fails when a coordinate is not finite or out of range.
    pub fn new(lat: f64, lon: f64) -> Result<Self> {
        if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
            return Err(Error::out_of_range("location.lat", lat, "finite, -90 ≤ lat ≤ 90"));
        }
        if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
            return Err(Error::out_of_range("location.lon", lon, "finite, -180 ≤ lon ≤ 180"));
        }
        Ok(GeoPoint { lat, lon })
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.lat
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.lon
    }
}

impl TryFrom<RawGeoPoint> for GeoPoint {
    type Error = Error;
    fn try_from(r: RawGeoPoint) -> Result<Self> {
        GeoPoint::new(r.lat, r.lon)
    }
}

impl From<GeoPoint> for RawGeoPoint {
    fn from(p: GeoPoint) -> Self {
        RawGeoPoint { lat: p.lat, lon: p.lon }
    }
}

/// A NACE Rev. 2 section, `A` to `U`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nace(u8);

impl Nace {
    /// A section from its letter `A`–`U` (upper case, as in NACE).
    pub fn from_letter(c: char) -> Result<Self> {
        if c.is_ascii_uppercase() && c <= 'U' {
            Ok(Nace(c as u8))
        } else {
            Err(Error::malformed("sector", c, "a NACE Rev. 2 section letter A–U"))
        }
    }

    /// Parses a one-letter string.
    pub fn parse(s: &str) -> Result<Self> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Nace::from_letter(c),
            _ => Err(Error::malformed("sector", s, "a NACE Rev. 2 section letter A–U")),
        }
    }

    /// The section letter.
    pub fn letter(self) -> char {
        self.0 as char
    }

    /// 0 for `A` … 20 for `U`: a dense index for bit sets and columns.
    pub fn index(self) -> u8 {
        self.0 - b'A'
    }

    /// All 21 sections in order.
    pub fn all() -> impl Iterator<Item = Nace> {
        (b'A'..=b'U').map(Nace)
    }
}

impl fmt::Display for Nace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

impl TryFrom<String> for Nace {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        Nace::parse(&s)
    }
}

impl From<Nace> for String {
    fn from(n: Nace) -> String {
        n.letter().to_string()
    }
}

/// A CEFR language level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Cefr {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl Cefr {
    /// The rank of SCORING.md section 1: A1 = 1 … C2 = 6.
    pub fn rank(self) -> u8 {
        self as u8 + 1
    }

    /// The rank of an optional level: a missing level ranks 0.
    pub fn rank_of(level: Option<Cefr>) -> u8 {
        level.map_or(0, Cefr::rank)
    }
}

/// Highest completed education, in the Dutch system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Education {
    None,
    Primary,
    Vmbo,
    Mbo1,
    Mbo2,
    Mbo3,
    Mbo4,
    Havo,
    Vwo,
    Hbo,
    Wo,
    #[default]
    Unknown,
}

impl Education {
    /// The ISCO skill level this education gives (SCORING.md 2.1).
    pub fn skill_level(self) -> crate::SkillLevel {
        use Education::*;
        let l = match self {
            None | Primary | Vmbo | Mbo1 | Unknown => 1,
            Mbo2 | Mbo3 | Havo | Vwo => 2,
            Mbo4 => 3,
            Hbo | Wo => 4,
        };
        crate::SkillLevel::new(l).unwrap_or_else(|_| unreachable!())
    }

    /// The lowercase name used in FORMAT.md, e.g. `"mbo2"`.
    pub fn name(self) -> &'static str {
        use Education::*;
        match self {
            None => "none",
            Primary => "primary",
            Vmbo => "vmbo",
            Mbo1 => "mbo1",
            Mbo2 => "mbo2",
            Mbo3 => "mbo3",
            Mbo4 => "mbo4",
            Havo => "havo",
            Vwo => "vwo",
            Hbo => "hbo",
            Wo => "wo",
            Unknown => "unknown",
        }
    }

    /// Whether this is a *startkwalificatie* (MBO-2 or higher, or HAVO/VWO).
    pub fn is_startkwalificatie(self) -> bool {
        self.skill_level().get() >= 2
    }

    /// All values, in the order of FORMAT.md.
    pub const ALL: [Education; 12] = [
        Education::None,
        Education::Primary,
        Education::Vmbo,
        Education::Mbo1,
        Education::Mbo2,
        Education::Mbo3,
        Education::Mbo4,
        Education::Havo,
        Education::Vwo,
        Education::Hbo,
        Education::Wo,
        Education::Unknown,
    ];
}

/// Physical load of a job, or the most a seeker can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum PhysicalLoad {
    Light,
    Medium,
    Heavy,
}

impl PhysicalLoad {
    /// light = 1, medium = 2, heavy = 3.
    pub fn rank(self) -> u8 {
        self as u8 + 1
    }
}

/// A way of getting to work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum TravelMode {
    Walk,
    Bike,
    Ebike,
    Car,
    Transit,
}

impl TravelMode {
    /// All modes, in a fixed order (also the order of [`ModeSet`] bits).
    pub const ALL: [TravelMode; 5] =
        [TravelMode::Walk, TravelMode::Bike, TravelMode::Ebike, TravelMode::Car, TravelMode::Transit];

    /// The lowercase name used in FORMAT.md.
    pub fn name(self) -> &'static str {
        match self {
            TravelMode::Walk => "walk",
            TravelMode::Bike => "bike",
            TravelMode::Ebike => "ebike",
            TravelMode::Car => "car",
            TravelMode::Transit => "transit",
        }
    }
}

impl fmt::Display for TravelMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of travel modes (a bit set; serialised as a list in the fixed order of [`TravelMode::ALL`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "Vec<TravelMode>", into = "Vec<TravelMode>")]
pub struct ModeSet(u8);

impl ModeSet {
    /// The empty set.
    pub const EMPTY: ModeSet = ModeSet(0);

    /// Whether the set holds `mode`.
    pub fn contains(self, mode: TravelMode) -> bool {
        self.0 & (1 << mode as u8) != 0
    }

    /// The set with `mode` added.
    pub fn with(self, mode: TravelMode) -> ModeSet {
        ModeSet(self.0 | (1 << mode as u8))
    }

    /// The set with `mode` removed.
    pub fn without(self, mode: TravelMode) -> ModeSet {
        ModeSet(self.0 & !(1 << mode as u8))
    }

    /// The modes in the set, in the order of [`TravelMode::ALL`].
    pub fn iter(self) -> impl Iterator<Item = TravelMode> {
        TravelMode::ALL.into_iter().filter(move |m| self.contains(*m))
    }

    /// The raw bits (bit `i` is `TravelMode::ALL[i]`).
    pub fn bits(self) -> u8 {
        self.0
    }
}

impl FromIterator<TravelMode> for ModeSet {
    fn from_iter<I: IntoIterator<Item = TravelMode>>(iter: I) -> Self {
        iter.into_iter().fold(ModeSet::EMPTY, ModeSet::with)
    }
}

impl From<Vec<TravelMode>> for ModeSet {
    fn from(v: Vec<TravelMode>) -> Self {
        v.into_iter().collect()
    }
}

impl From<ModeSet> for Vec<TravelMode> {
    fn from(s: ModeSet) -> Self {
        s.iter().collect()
    }
}

/// Hours per week: `min ≤ max ≤ 60`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawHours", into = "RawHours")]
pub struct HoursRange {
    min: u8,
    max: u8,
}

#[derive(Serialize)]
struct RawHours {
    min: u8,
    max: u8,
}

map_only_deserialize!(RawHours { min: u8, max: u8 });

impl HoursRange {
    /// A range with `min ≤ max ≤ 60`.
    pub fn new(min: u8, max: u8) -> Result<Self> {
        if min <= max && max <= 60 {
            Ok(HoursRange { min, max })
        } else {
            Err(Error::out_of_range("hours", format!("{min}-{max}"), "min ≤ max ≤ 60"))
        }
    }

    /// Fewest hours per week.
    pub fn min(&self) -> u8 {
        self.min
    }

    /// Most hours per week.
    pub fn max(&self) -> u8 {
        self.max
    }
}

impl Default for HoursRange {
    /// 0 to 40 hours, the FORMAT.md default.
    fn default() -> Self {
        HoursRange { min: 0, max: 40 }
    }
}

impl TryFrom<RawHours> for HoursRange {
    type Error = Error;
    fn try_from(r: RawHours) -> Result<Self> {
        HoursRange::new(r.min, r.max)
    }
}

impl From<HoursRange> for RawHours {
    fn from(h: HoursRange) -> Self {
        RawHours { min: h.min, max: h.max }
    }
}

/// How far and how a seeker can travel: at most `max_minutes` (≤ 240) one way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawMobility", into = "RawMobility")]
pub struct Mobility {
    max_minutes: u16,
    modes: ModeSet,
}

#[derive(Serialize)]
struct RawMobility {
    max_minutes: u16,
    modes: ModeSet,
}

map_only_deserialize!(RawMobility { max_minutes: u16, modes: ModeSet });

impl Mobility {
    /// Mobility with `max_minutes ≤ 240`. `walk` is always usable, listed or not.
    pub fn new(max_minutes: u16, modes: ModeSet) -> Result<Self> {
        if max_minutes <= 240 {
            Ok(Mobility { max_minutes, modes })
        } else {
            Err(Error::out_of_range("mobility.max_minutes", max_minutes, "max_minutes ≤ 240"))
        }
    }

    /// The longest acceptable one-way trip in minutes.
    pub fn max_minutes(&self) -> u16 {
        self.max_minutes
    }

    /// The listed modes.
    pub fn modes(&self) -> ModeSet {
        self.modes
    }
}

impl Default for Mobility {
    /// 45 minutes by bike or transit, the FORMAT.md default.
    fn default() -> Self {
        Mobility { max_minutes: 45, modes: ModeSet::EMPTY.with(TravelMode::Bike).with(TravelMode::Transit) }
    }
}

impl TryFrom<RawMobility> for Mobility {
    type Error = Error;
    fn try_from(r: RawMobility) -> Result<Self> {
        Mobility::new(r.max_minutes, r.modes)
    }
}

impl From<Mobility> for RawMobility {
    fn from(m: Mobility) -> Self {
        RawMobility { max_minutes: m.max_minutes, modes: m.modes }
    }
}

/// A time of day, `"HH:MM"` from 00:00 to 23:59, kept as minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// From minutes after midnight (< 1440).
    pub fn from_minutes(m: u16) -> Result<Self> {
        if m < 24 * 60 {
            Ok(TimeOfDay(m))
        } else {
            Err(Error::out_of_range("earliest_start", m, "minutes after midnight < 1440"))
        }
    }

    /// Parses `"HH:MM"` (two digits each; `"6:30"` is also accepted).
    pub fn parse(s: &str) -> Result<Self> {
        let bad = || Error::malformed("earliest_start", s, "a time \"HH:MM\" from 00:00 to 23:59");
        let (h, m) = s.split_once(':').ok_or_else(bad)?;
        let digits = |p: &str, max_len| !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
            return Err(bad());
        }
        let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if h > 23 || m > 59 {
            return Err(bad());
        }
        Ok(TimeOfDay(h * 60 + m))
    }

    /// Minutes after midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl TryFrom<String> for TimeOfDay {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        TimeOfDay::parse(&s)
    }
}

impl From<TimeOfDay> for String {
    fn from(t: TimeOfDay) -> String {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_one_to_sixty_four_chars() {
        assert!(Id::new("").is_err());
        assert!(Id::new("a".repeat(65)).is_err());
        assert!(Id::new("é".repeat(64)).is_ok());
        assert!(Id::new("S00017").unwrap() < Id::new("S00018").unwrap());
    }

    #[test]
    fn geo_points_reject_out_of_range_and_nan() {
        assert!(GeoPoint::new(53.2, 6.56).is_ok());
        assert!(GeoPoint::new(90.5, 0.0).is_err());
        assert!(GeoPoint::new(0.0, -180.5).is_err());
        assert!(GeoPoint::new(f64::NAN, 0.0).is_err());
        assert!(serde_json::from_str::<GeoPoint>(r#"{"lat":1,"lon":2,"alt":3}"#).is_err());
    }

    #[test]
    fn nace_letters_a_to_u() {
        assert_eq!(Nace::parse("Q").unwrap().index(), 16);
        for bad in ["", "V", "q", "AB", "1"] {
            assert!(Nace::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Nace::all().count(), 21);
    }

    #[test]
    fn hours_and_mobility_ranges() {
        assert!(HoursRange::new(24, 32).is_ok());
        assert!(HoursRange::new(33, 32).is_err());
        assert!(HoursRange::new(0, 61).is_err());
        assert!(Mobility::new(240, ModeSet::EMPTY).is_ok());
        assert!(Mobility::new(241, ModeSet::EMPTY).is_err());
        let h: std::result::Result<HoursRange, _> = serde_json::from_str(r#"{"min":40,"max":20}"#);
        assert!(h.is_err());
    }

    #[test]
    fn times_of_day() {
        assert_eq!(TimeOfDay::parse("06:30").unwrap().minutes(), 390);
        assert_eq!(TimeOfDay::parse("6:30").unwrap().minutes(), 390);
        assert_eq!(TimeOfDay::parse("23:59").unwrap().to_string(), "23:59");
        for bad in ["24:00", "12:60", "1230", "12:5", "-1:00", "ab:cd", "", "12:30:00"] {
            assert!(TimeOfDay::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mode_sets_serialise_as_ordered_lists() {
        let s: ModeSet = serde_json::from_str(r#"["transit","bike","bike"]"#).unwrap();
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"["bike","transit"]"#);
        assert!(serde_json::from_str::<ModeSet>(r#"["boat"]"#).is_err());
    }

    #[test]
    fn cefr_and_load_ranks() {
        assert_eq!(Cefr::A1.rank(), 1);
        assert_eq!(Cefr::C2.rank(), 6);
        assert_eq!(Cefr::rank_of(None), 0);
        assert_eq!(PhysicalLoad::Heavy.rank(), 3);
        assert_eq!(Education::Mbo4.skill_level().get(), 3);
        assert!(!Education::Mbo1.is_startkwalificatie());
        assert!(Education::Havo.is_startkwalificatie());
    }
}

#[cfg(test)]
mod map_only_tests {
    use super::*;

    #[test]
    fn nested_values_must_be_objects() {
        // GeoJSON order [lon, lat] must never be read as lat/lon.
        assert!(serde_json::from_str::<GeoPoint>("[6.56, 53.2]").is_err());
        assert!(serde_json::from_str::<HoursRange>("[0, 40]").is_err());
        assert!(serde_json::from_str::<Mobility>(r#"[30, ["bike"]]"#).is_err());
        assert!(serde_json::from_str::<crate::Experience>(r#"["9112", 3]"#).is_err());
        let p: GeoPoint = serde_json::from_str(r#"{"lon": 6.56, "lat": 53.2}"#).unwrap();
        assert_eq!((p.lat(), p.lon()), (53.2, 6.56));
        let dup = serde_json::from_str::<GeoPoint>(r#"{"lat": 1, "lat": 2, "lon": 3}"#).unwrap_err();
        assert!(dup.to_string().contains("duplicate field `lat`"), "{dup}");
        let missing = serde_json::from_str::<GeoPoint>(r#"{"lat": 1}"#).unwrap_err();
        assert!(missing.to_string().contains("missing field `lon`"), "{missing}");
        let unknown = serde_json::from_str::<GeoPoint>(r#"{"lat": 1, "lon": 2, "alt": 3}"#).unwrap_err();
        assert!(unknown.to_string().contains("unknown field `alt`"), "{unknown}");
    }
}

#[cfg(test)]
mod education_name_tests {
    use super::Education;

    #[test]
    fn names_match_serde() {
        for e in Education::ALL {
            assert_eq!(serde_json::to_value(e).unwrap(), serde_json::Value::String(e.name().to_string()));
        }
    }
}
