//! The seekers of a transposed batch in id-rank order, laid out flat.
//!
//! Every task of the transposed batch (`reverse`) walks all seekers in rank
//! order. Read through the prepared seekers, each step chases pointers to a
//! randomly placed record and its heap lists, once per task; here the fields
//! a task reads, the seeker's search window and its group-bound terms are
//! worked out once and stored in rank order, so that every task streams
//! through the same few arrays.

use super::bounds::SeekerTerms;
use super::eval::{Geo, SeekerSide};
use super::exec::{par_map, Executor};
use super::prepared::PreparedSeeker;
use super::spatial::DegWindow;
use crate::model::{HoursRange, IscoCode, ModeSet};
use crate::score::ScoringConfig;

/// One seeker's fixed-size fields; its lists live in [`Ranked`]'s arrays.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RankedRow {
    geo: Geo,
    usable: ModeSet,
    max_minutes: f64,
    level: u8,
    hours: HoursRange,
    caps: u16,
    sec_pref: u32,
    sec_exp: u32,
    /// Skills at `ids[at..][..n_skill]`, then certificates (`n_cert`).
    at: u32,
    n_skill: u32,
    n_cert: u32,
    code_at: u32,
    n_code: u32,
    /// The seeker's id rank.
    pub rank: u32,
    /// The window of everything within reach (`None`: remote work only).
    pub window: Option<DegWindow>,
    /// The seeker's side of the group bounds.
    pub terms: SeekerTerms,
}

/// Seekers by id rank.
pub(crate) struct Ranked {
    rows: Vec<RankedRow>,
    ids: Vec<u32>,
    codes: Vec<IscoCode>,
}

impl Ranked {
    /// Lays out the seekers `prepared[by_rank[r]]` for `r` ascending.
    pub(crate) fn new(cfg: &ScoringConfig, prepared: &[PreparedSeeker], by_rank: &[u32], exec: Executor<'_>) -> Self {
        let er = cfg.travel().earth_radius_km;
        // The trigonometry and tables in parallel; the copying after is cheap.
        let extra = par_map(
            by_rank,
            64,
            |&slot| {
                let s = prepared.get(slot as usize)?;
                let window = s.reach_km.map(|r| DegWindow::around(s.lat_deg, s.lon_deg, r, er));
                Some((window, SeekerTerms::new(s.hours, s.sec_pref, s.sec_exp, s.level)))
            },
            exec,
        );
        let mut out = Ranked { rows: Vec::with_capacity(by_rank.len()), ids: Vec::new(), codes: Vec::new() };
        for (rank, (&slot, extra)) in by_rank.iter().zip(extra).enumerate() {
            let (Some(s), Some((window, terms))) = (prepared.get(slot as usize), extra) else { continue };
            let at = out.ids.len() as u32;
            out.ids.extend_from_slice(&s.skills);
            out.ids.extend_from_slice(&s.certs);
            let code_at = out.codes.len() as u32;
            out.codes.extend_from_slice(&s.codes);
            out.rows.push(RankedRow {
                geo: s.geo,
                usable: s.usable,
                max_minutes: s.max_minutes,
                level: s.level,
                hours: s.hours,
                caps: s.caps,
                sec_pref: s.sec_pref,
                sec_exp: s.sec_exp,
                at,
                n_skill: s.skills.len() as u32,
                n_cert: s.certs.len() as u32,
                code_at,
                n_code: s.codes.len() as u32,
                rank: rank as u32,
                window,
                terms,
            });
        }
        out
    }

    /// Number of seekers.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The `r`-th seeker (in rank order) as the kernel's pair view, with its row.
    #[inline]
    pub(crate) fn get(&self, r: usize) -> (SeekerSide<'_>, &RankedRow) {
        let row = &self.rows[r];
        let at = row.at as usize;
        let (skills, certs) = self.ids[at..at + (row.n_skill + row.n_cert) as usize].split_at(row.n_skill as usize);
        let codes = &self.codes[row.code_at as usize..(row.code_at + row.n_code) as usize];
        let side = SeekerSide {
            geo: row.geo,
            usable: row.usable,
            max_minutes: row.max_minutes,
            level: row.level,
            hours: row.hours,
            caps: row.caps,
            sec_pref: row.sec_pref,
            sec_exp: row.sec_exp,
            certs,
            skills,
            codes,
        };
        (side, row)
    }
}
