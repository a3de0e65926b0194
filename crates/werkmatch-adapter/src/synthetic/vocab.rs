//! The occupation table prepared for sampling: parsed codes and the weighted
//! pickers that seekers, vacancies and employers draw from.

use rand::Rng;
use werkmatch_core::{IscoCode, Nace};

use super::occupations::{level_of, Occupation, OCCUPATIONS};
use super::rng::Weighted;

/// One occupation with its parsed code and sectors.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub occ: &'static Occupation,
    pub code: IscoCode,
    pub level: u8,
    pub sector: Nace,
    pub alt_sectors: Vec<Nace>,
}

/// The prepared vocabulary.
#[derive(Clone, Debug)]
pub(crate) struct Vocabulary {
    pub entries: Vec<Entry>,
    /// Vacancies: by demand.
    pub by_demand: Weighted,
    /// Seekers' experience and wishes, indexed by education level − 1 (levels 1–4).
    pub by_supply_for_level: [Weighted; 4],
}

impl Vocabulary {
    pub(crate) fn new() -> Self {
        // Entries whose code or sector would not parse are left out; the unit tests
        // of `occupations` check that there are none.
        let entries: Vec<Entry> = OCCUPATIONS
            .iter()
            .filter_map(|occ| {
                Some(Entry {
                    occ,
                    code: IscoCode::parse(occ.isco).ok()?,
                    level: level_of(occ.isco),
                    sector: Nace::from_letter(occ.sector).ok()?,
                    alt_sectors: occ.alt_sectors.chars().filter_map(|c| Nace::from_letter(c).ok()).collect(),
                })
            })
            .collect();
        let by_demand = Weighted::new(entries.iter().map(|e| u64::from(e.occ.demand)));
        let by_supply_for_level = [1u8, 2, 3, 4]
            .map(|edu| Weighted::new(entries.iter().map(|e| u64::from(e.occ.supply) * affinity(edu, e.level))));
        Vocabulary { entries, by_demand, by_supply_for_level }
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// An occupation for a seeker whose education gives `level` (1–4).
    pub(crate) fn for_seeker<R: Rng>(&self, rng: &mut R, level: u8) -> Option<&Entry> {
        let w = self.by_supply_for_level.get(usize::from(level.clamp(1, 4) - 1))?;
        self.get(w.pick(rng))
    }

    /// An occupation for a vacancy.
    pub(crate) fn for_vacancy<R: Rng>(&self, rng: &mut R) -> Option<&Entry> {
        self.get(self.by_demand.pick(rng))
    }

    /// The sector of one job in `e`: mostly its main section, for 30% one of the
    /// other sections where it occurs (assumption: e.g. administrative staff work
    /// in every sector).
    pub(crate) fn sector_of<R: Rng>(e: &Entry, rng: &mut R) -> Nace {
        if !e.alt_sectors.is_empty() && rng.gen_bool(0.3) {
            let i = rng.gen_range(0..e.alt_sectors.len());
            e.alt_sectors.get(i).copied().unwrap_or(e.sector)
        } else {
            e.sector
        }
    }

    /// Indices of the occupations that occur in `sector`.
    pub(crate) fn in_sector(&self, sector: Nace) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.entries.get(i).is_some_and(|e| e.sector == sector || e.alt_sectors.contains(&sector)))
            .collect()
    }
}

/// How likely a person educated at `edu` level has worked in or wants an
/// occupation of `occ` level (relative weights; assumption): mostly at their own
/// level, often below it (people on assistance often work under their level),
/// sometimes one above (learned on the job), never two above.
fn affinity(edu: u8, occ: u8) -> u64 {
    match i16::from(edu) - i16::from(occ) {
        0 => 8,
        1 => 4,
        2 => 2,
        3 => 1,
        -1 => 2,
        _ => 0,
    }
}
