//! [`OccupationCatalogue`]: occupations with their essential and optional
//! skills, for the alternative occupations of SCAN.md section 3.
//!
//! The core knows no taxonomy format: the adapter builds a catalogue from the
//! ESCO taxonomy, or from the synthetic generator's own vocabulary.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::isco::IscoCode;

/// One occupation of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Occupation {
    /// Catalogue id (an ESCO occupation URI, or the synthetic vocabulary's id).
    pub id: String,
    /// ISCO-08 unit group.
    pub isco: IscoCode,
    /// `Ess(o)`: sorted, without duplicates.
    pub essential: Vec<String>,
    /// `Opt(o)`: sorted, without duplicates (may overlap `essential`).
    pub optional: Vec<String>,
}

impl Occupation {
    /// An occupation; the skill lists are sorted and deduplicated.
    pub fn new(id: impl Into<String>, isco: IscoCode, essential: Vec<String>, optional: Vec<String>) -> Self {
        let tidy = |mut v: Vec<String>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        Occupation { id: id.into(), isco, essential: tidy(essential), optional: tidy(optional) }
    }
}

/// Occupations by id, with an index by ISCO unit group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OccupationCatalogue {
    /// Sorted by id.
    occupations: Vec<Occupation>,
    by_isco: BTreeMap<IscoCode, Vec<usize>>,
}

impl OccupationCatalogue {
    /// A catalogue; fails on an empty or repeated id.
    pub fn new(mut occupations: Vec<Occupation>) -> Result<Self> {
        occupations.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
        if occupations.iter().any(|o| o.id.is_empty()) {
            return Err(Error::missing("occupation.id", "a non-empty id"));
        }
        if let Some(w) = occupations.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(Error::out_of_range("occupation.id", &w[0].id, "unique within the catalogue"));
        }
        let mut by_isco: BTreeMap<IscoCode, Vec<usize>> = BTreeMap::new();
        for (i, o) in occupations.iter().enumerate() {
            by_isco.entry(o.isco).or_default().push(i);
        }
        Ok(OccupationCatalogue { occupations, by_isco })
    }

    /// Every occupation, by id.
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }

    /// Indexes (into [`occupations`](Self::occupations)) of the occupations in one ISCO unit group.
    pub fn in_isco(&self, isco: IscoCode) -> &[usize] {
        self.by_isco.get(&isco).map_or(&[], Vec::as_slice)
    }

    /// The index of an occupation by id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.occupations.binary_search_by(|o| o.id.as_bytes().cmp(id.as_bytes())).ok()
    }

    /// Number of occupations.
    pub fn len(&self) -> usize {
        self.occupations.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.occupations.is_empty()
    }
}
