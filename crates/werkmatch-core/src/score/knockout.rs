//! Knock-outs (SCORING.md section 1): hard requirements that exclude a pair.

use serde::{Deserialize, Serialize};

/// One reason a pair is excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KnockOut {
    /// No usable mode reaches the job within `max_minutes`.
    Travel,
    /// The vacancy's level is 2 or more above the seeker's.
    LevelGap,
    /// The vacancy's minimum hours exceed the seeker's maximum.
    Hours,
    /// A driving licence is required and missing.
    Licence,
    /// The seeker's Dutch level is below the requirement.
    Language,
    /// The job is physically heavier than the seeker can take.
    Physical,
    /// A required certificate is missing.
    Certificates,
    /// The job is reserved for the target group and the seeker is not registered.
    TargetGroup,
    /// A staff member excluded the pair (a human override, AUDIT.md section 3); the
    /// explanation carries the override's reason code. Scoring never sets it.
    Override,
}

impl KnockOut {
    /// All reasons: SCORING.md's table, then the human override.
    pub const ALL: [KnockOut; 9] = [
        KnockOut::Travel,
        KnockOut::LevelGap,
        KnockOut::Hours,
        KnockOut::Licence,
        KnockOut::Language,
        KnockOut::Physical,
        KnockOut::Certificates,
        KnockOut::TargetGroup,
        KnockOut::Override,
    ];

    /// The reasons scoring can give: SCORING.md's table, without [`KnockOut::Override`],
    /// which only a person sets.
    pub const SCORED: [KnockOut; 8] = [
        KnockOut::Travel,
        KnockOut::LevelGap,
        KnockOut::Hours,
        KnockOut::Licence,
        KnockOut::Language,
        KnockOut::Physical,
        KnockOut::Certificates,
        KnockOut::TargetGroup,
    ];

    /// The snake_case name used in explanations.
    pub fn name(self) -> &'static str {
        match self {
            KnockOut::Travel => "travel",
            KnockOut::LevelGap => "level_gap",
            KnockOut::Hours => "hours",
            KnockOut::Licence => "licence",
            KnockOut::Language => "language",
            KnockOut::Physical => "physical",
            KnockOut::Certificates => "certificates",
            KnockOut::TargetGroup => "target_group",
            KnockOut::Override => "override",
        }
    }
}

impl std::fmt::Display for KnockOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of knock-out reasons (a bit set; serialised as a list in table order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "Vec<KnockOut>", into = "Vec<KnockOut>")]
pub struct KnockOuts(u16);

impl KnockOuts {
    /// No reason: the pair is eligible.
    pub const NONE: KnockOuts = KnockOuts(0);

    /// Adds a reason.
    #[inline]
    pub fn insert(&mut self, k: KnockOut) {
        self.0 |= 1 << k as u16;
    }

    /// Adds `k` when `cond` holds.
    #[inline]
    pub fn insert_if(&mut self, cond: bool, k: KnockOut) {
        self.0 |= u16::from(cond) << k as u16;
    }

    /// Whether `k` is in the set.
    pub fn contains(self, k: KnockOut) -> bool {
        self.0 & (1 << k as u16) != 0
    }

    /// Whether the set is empty (the pair may be ranked).
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The reasons, in table order.
    pub fn iter(self) -> impl Iterator<Item = KnockOut> {
        KnockOut::ALL.into_iter().filter(move |k| self.contains(*k))
    }

    /// How many reasons.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The set as bits, `1 << k as u16` for each reason `k` (for the fast
    /// scan's per-pair set tests).
    #[inline]
    pub(crate) const fn bits(self) -> u16 {
        self.0
    }
}

impl From<Vec<KnockOut>> for KnockOuts {
    fn from(v: Vec<KnockOut>) -> Self {
        let mut s = KnockOuts::NONE;
        v.into_iter().for_each(|k| s.insert(k));
        s
    }
}

impl From<KnockOuts> for Vec<KnockOut> {
    fn from(s: KnockOuts) -> Self {
        s.iter().collect()
    }
}
