//! The spatial index of the kernel: a uniform latitude/longitude grid whose
//! cells are a few km wide, and the conservative reach bounds that decide
//! which cells a query must visit.
//!
//! Every bound here errs on the side of visiting too much: the exact travel
//! test runs on every candidate anyway, so a loose bound only costs time,
//! while a tight one that is wrong would silently drop a pair.

use std::f64::consts::PI;
use std::ops::RangeInclusive;

/// Relative and absolute slack added to every distance bound, far above the
/// rounding error of the travel arithmetic (~1e-15 relative).
const REL_MARGIN: f64 = 1e-6;
const ABS_MARGIN_KM: f64 = 1e-3;

/// Cells are never more than this many, whatever the data's extent.
const MAX_CELLS: usize = 1 << 20;

/// A reach (km, [`TravelModel::reach_km`](crate::travel::TravelModel::reach_km)) widened by this module's safety
/// margins, so that rounding in the travel arithmetic can never put a
/// reachable point outside a search window.
pub(crate) fn widen_reach(r_km: f64) -> f64 {
    r_km * (1.0 + REL_MARGIN) + ABS_MARGIN_KM
}

/// Half-height in degrees of latitude of a window of radius `r_km`.
fn lat_halfwidth_deg(r_km: f64, earth_radius_km: f64) -> f64 {
    (r_km / earth_radius_km).to_degrees() * (1.0 + 1e-9) + 1e-9
}

/// Half-width in degrees of longitude of a window of radius `r_km` for two
/// points whose latitudes are both within `phi_max_deg` of the equator;
/// `None` when the window covers every longitude.
///
/// By the haversine formula `hav(θ) ≥ cos φ1 · cos φ2 · hav(Δλ) ≥ cos²φmax ·
/// hav(Δλ)`, so `d ≤ r` implies `sin(Δλ/2) ≤ sin(r/2R) / cos φmax`.
fn lon_halfwidth_deg(r_km: f64, earth_radius_km: f64, phi_max_deg: f64) -> Option<f64> {
    let theta = r_km / earth_radius_km;
    if theta >= PI || phi_max_deg >= 89.999 {
        return None;
    }
    let s = (theta * 0.5).sin() / phi_max_deg.to_radians().cos();
    if s.is_nan() || s >= 1.0 {
        return None;
    }
    Some((2.0 * s.asin()).to_degrees() * (1.0 + 1e-9) + 1e-9)
}

/// The latitude/longitude box (degrees) that holds every point within a
/// radius of a centre; it does not depend on the grid, so a query against
/// many grids computes its trigonometry once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DegWindow {
    lat_lo: f64,
    lat_hi: f64,
    /// `None`: every longitude.
    lon: Option<(f64, f64)>,
}

impl DegWindow {
    /// The window of radius `r_km` around (`lat`, `lon`) degrees.
    pub(crate) fn around(lat: f64, lon: f64, r_km: f64, earth_r: f64) -> DegWindow {
        let dl = lat_halfwidth_deg(r_km, earth_r);
        let phi = (lat - dl).abs().max((lat + dl).abs());
        let lon = match lon_halfwidth_deg(r_km, earth_r, phi) {
            Some(w) if lon - w >= -180.0 && lon + w <= 180.0 => Some((lon - w, lon + w)),
            _ => None,
        };
        DegWindow { lat_lo: lat - dl, lat_hi: lat + dl, lon }
    }

    /// Whether a point (degrees) lies in the window.
    #[inline]
    pub(crate) fn contains(&self, lat: f64, lon: f64) -> bool {
        lat >= self.lat_lo && lat <= self.lat_hi && self.lon.is_none_or(|(lo, hi)| lon >= lo && lon <= hi)
    }
}

/// The bounding box (radians) of the points a grid cell has held, for a
/// lower bound on the distance from a query to anything in the cell.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CellBox {
    lat_lo: f64,
    lat_hi: f64,
    lon_lo: f64,
    lon_hi: f64,
    /// The smallest cosine of a latitude in the box.
    cos_min: f64,
}

impl CellBox {
    /// The box of no point: every distance bound to it is infinite.
    const EMPTY: CellBox = CellBox {
        lat_lo: f64::INFINITY,
        lat_hi: f64::NEG_INFINITY,
        lon_lo: f64::INFINITY,
        lon_hi: f64::NEG_INFINITY,
        cos_min: 1.0,
    };

    /// Grows the box to hold a point (degrees). A point removed later stays
    /// in the box: the bound only gets looser, never wrong.
    fn extend(&mut self, lat_deg: f64, lon_deg: f64) {
        let (lat, lon) = (lat_deg.to_radians(), lon_deg.to_radians());
        self.lat_lo = self.lat_lo.min(lat);
        self.lat_hi = self.lat_hi.max(lat);
        self.lon_lo = self.lon_lo.min(lon);
        self.lon_hi = self.lon_hi.max(lon);
        self.cos_min = self.cos_min.min(lat.cos());
    }

    /// A lower bound (km, with the safety margins of this module) on the
    /// great-circle distance from the point at `lat`, `lon` (radians, with
    /// the cosine of the latitude) to any point of the box; `+inf` for an
    /// empty box.
    ///
    /// By the haversine formula `hav θ = hav Δφ + cos φ1 cos φ2 hav Δλ`, and
    /// every term is at least its value at the smallest latitude and
    /// longitude gaps to the box, with `cos φ2 ≥ cos_min`. Without
    /// trigonometry: `sin x ≥ x − x³/6` and `asin y ≥ y` keep it a lower bound.
    /// Whether no point was ever put in the box.
    #[inline]
    fn is_empty(&self) -> bool {
        self.lat_lo > self.lat_hi
    }

    #[inline]
    pub(crate) fn min_km(&self, lat: f64, cos_lat: f64, lon: f64, earth_r: f64) -> f64 {
        if self.is_empty() {
            return f64::INFINITY;
        }
        let dlat = (self.lat_lo - lat).max(lat - self.lat_hi).max(0.0);
        let dlon = if lon >= self.lon_lo && lon <= self.lon_hi {
            0.0
        } else {
            // The shorter way round to either edge.
            let tau = 2.0 * PI;
            (self.lon_lo - lon).rem_euclid(tau).min((lon - self.lon_hi).rem_euclid(tau))
        };
        let half_sin = |x: f64| {
            let h = (0.5 * x).min(PI * 0.5);
            (h - h * h * h / 6.0).max(0.0)
        };
        let (a, b) = (half_sin(dlat), half_sin(dlon));
        let hav = a * a + cos_lat.max(0.0) * self.cos_min.max(0.0) * b * b;
        let d = 2.0 * hav.sqrt() * earth_r;
        (d * (1.0 - REL_MARGIN) - ABS_MARGIN_KM).max(0.0)
    }
}

/// A uniform grid over a latitude/longitude box. Points outside the box (added
/// later) go to the nearest border cell: cell indices are a clamped, monotone
/// function of the coordinate, so a window query stays conservative for them.
#[derive(Clone, Debug)]
pub(crate) struct Grid {
    lat0: f64,
    lon0: f64,
    dlat: f64,
    dlon: f64,
    nlat: usize,
    nlon: usize,
    cells: Vec<Vec<u32>>,
    /// The bounding box of the points each cell has held.
    boxes: Vec<CellBox>,
}

impl Grid {
    /// A grid over the bounding box of `points` (degrees) with cells about
    /// `cell_km` wide; `cell_km` is chosen from the density when `None`.
    pub(crate) fn covering(points: &[(f64, f64)], earth_r: f64) -> Grid {
        let (mut la0, mut la1, mut lo0, mut lo1) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(la, lo) in points {
            la0 = la0.min(la);
            la1 = la1.max(la);
            lo0 = lo0.min(lo);
            lo1 = lo1.max(lo);
        }
        if points.is_empty() {
            (la0, la1, lo0, lo1) = (0.0, 0.0, 0.0, 0.0);
        }
        let km_per_deg = earth_r * PI / 180.0;
        let mid = ((la0 + la1) * 0.5).to_radians().cos().max(0.05);
        let h_km = (la1 - la0) * km_per_deg;
        let w_km = (lo1 - lo0) * km_per_deg * mid;
        // About 16 records per cell, never finer than 2 km: finer cells cost
        // more cell visits than they save in pair tests.
        let area = (h_km.max(1.0)) * (w_km.max(1.0));
        let mut cell_km = (area * 16.0 / points.len().max(1) as f64).sqrt().max(2.0);
        loop {
            let dlat = cell_km / km_per_deg;
            let dlon = dlat / mid;
            let nlat = ((la1 - la0) / dlat).floor() as usize + 1;
            let nlon = ((lo1 - lo0) / dlon).floor() as usize + 1;
            if nlat.saturating_mul(nlon) <= MAX_CELLS {
                let n = nlat * nlon;
                return Grid {
                    lat0: la0,
                    lon0: lo0,
                    dlat,
                    dlon,
                    nlat,
                    nlon,
                    cells: vec![Vec::new(); n],
                    boxes: vec![CellBox::EMPTY; n],
                };
            }
            cell_km *= 2.0;
        }
    }

    fn row(&self, lat: f64) -> usize {
        let r = ((lat - self.lat0) / self.dlat).floor();
        if r <= 0.0 {
            0
        } else {
            (r as usize).min(self.nlat - 1)
        }
    }

    fn col(&self, lon: f64) -> usize {
        let c = ((lon - self.lon0) / self.dlon).floor();
        if c <= 0.0 {
            0
        } else {
            (c as usize).min(self.nlon - 1)
        }
    }

    /// The cell of a point (degrees).
    pub(crate) fn cell_of(&self, lat: f64, lon: f64) -> u32 {
        (self.row(lat) * self.nlon + self.col(lon)) as u32
    }

    /// Adds `slot`, at `lat`, `lon` (degrees), to `cell`.
    pub(crate) fn insert(&mut self, cell: u32, slot: u32, lat: f64, lon: f64) {
        if let Some(c) = self.cells.get_mut(cell as usize) {
            c.push(slot);
        }
        self.note(cell, lat, lon);
    }

    /// Grows `cell`'s box to hold a point (degrees), for grids whose slots
    /// are kept elsewhere.
    pub(crate) fn note(&mut self, cell: u32, lat: f64, lon: f64) {
        if let Some(b) = self.boxes.get_mut(cell as usize) {
            b.extend(lat, lon);
        }
    }

    /// Removes `slot` from `cell` (order within a cell does not matter);
    /// whether it was there. The cell's box keeps its extent (a looser bound,
    /// never a wrong one) until the grid is laid out again.
    pub(crate) fn remove(&mut self, cell: u32, slot: u32) -> bool {
        let Some(c) = self.cells.get_mut(cell as usize) else { return false };
        match c.iter().position(|&s| s == slot) {
            Some(i) => {
                c.swap_remove(i);
                true
            }
            None => false,
        }
    }

    /// Every slot in the grid, cell by cell.
    pub(crate) fn slots(&self) -> Vec<u32> {
        self.cells.iter().flatten().copied().collect()
    }

    /// Number of cells.
    pub(crate) fn len(&self) -> usize {
        self.cells.len()
    }

    /// The slots of one cell.
    pub(crate) fn cell(&self, cell: usize) -> &[u32] {
        self.cells.get(cell).map_or(&[], Vec::as_slice)
    }

    /// Row and column ranges of the cells that meet a window.
    fn cells_of(&self, w: &DegWindow) -> (RangeInclusive<usize>, RangeInclusive<usize>) {
        let rows = self.row(w.lat_lo)..=self.row(w.lat_hi);
        let cols = match w.lon {
            Some((lo, hi)) => self.col(lo)..=self.col(hi),
            None => 0..=self.nlon - 1,
        };
        (rows, cols)
    }

    /// The walk over a grid: calls `f` with the index and box of every cell
    /// that meets a window and has held a point. Callers bound each cell by
    /// its box before they look at what it holds.
    #[inline]
    pub(crate) fn for_each_cell(&self, w: &DegWindow, mut f: impl FnMut(usize, &CellBox)) {
        let (rows, cols) = self.cells_of(w);
        for r in rows {
            let base = r * self.nlon;
            for c in cols.clone() {
                let b = &self.boxes[base + c];
                if !b.is_empty() {
                    f(base + c, b);
                }
            }
        }
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.boxes.capacity() * std::mem::size_of::<CellBox>()
            + self.cells.capacity() * std::mem::size_of::<Vec<u32>>()
            + self.cells.iter().map(|c| c.capacity() * 4).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::travel::TravelModel;

    #[test]
    fn cell_box_distance_is_a_lower_bound() {
        let tm = TravelModel::default();
        let er = tm.earth_radius_km;
        let mut rng = 12345u64;
        let mut next = || {
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (rng >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut tight = 0;
        for _ in 0..2000 {
            // Boxes anywhere, including across the equator and near the antimeridian.
            let (la, lo) = (next() * 170.0 - 85.0, next() * 358.0 - 179.0);
            let pts: Vec<(f64, f64)> = (0..4)
                .map(|_| ((la + next() * 2.0).min(89.0), (lo + next() * 2.0 - 1.0).clamp(-180.0, 180.0)))
                .collect();
            let mut b = CellBox::EMPTY;
            for &(a, o) in &pts {
                b.extend(a, o);
            }
            let q = if next() < 0.5 {
                (la + next() * 4.0 - 2.0, lo + next() * 4.0 - 2.0)
            } else {
                (next() * 170.0 - 85.0, next() * 360.0 - 180.0)
            };
            let q = (q.0.clamp(-89.0, 89.0), q.1.clamp(-180.0, 180.0));
            let bound = b.min_km(q.0.to_radians(), q.0.to_radians().cos(), q.1.to_radians(), er);
            let qp = crate::GeoPoint::new(q.0, q.1).unwrap();
            let nearest = pts
                .iter()
                .map(|&(a, o)| tm.distance_km(qp, crate::GeoPoint::new(a, o).unwrap()))
                .fold(f64::INFINITY, f64::min);
            assert!(bound <= nearest, "bound {bound} above a point at {nearest} km");
            if bound > 0.5 * nearest {
                tight += 1;
            }
        }
        // Not vacuous: the bound is usually close.
        assert!(tight > 1000, "{tight}");
        assert_eq!(CellBox::EMPTY.min_km(0.9, 0.6, 0.1, er), f64::INFINITY);
    }

    #[test]
    fn window_contains_every_point_within_reach() {
        let tm = TravelModel::default();
        let pts: Vec<(f64, f64)> =
            (0..400).map(|i| (52.0 + (i % 20) as f64 * 0.05, 5.0 + (i / 20) as f64 * 0.08)).collect();
        let mut g = Grid::covering(&pts, tm.earth_radius_km);
        for (i, &(la, lo)) in pts.iter().enumerate() {
            g.insert(g.cell_of(la, lo), i as u32, la, lo);
        }
        for &(la, lo) in pts.iter().step_by(7) {
            let r = 12.0;
            let mut seen = vec![false; pts.len()];
            g.for_each_cell(&DegWindow::around(la, lo, r, tm.earth_radius_km), |c, _| {
                g.cell(c).iter().for_each(|&s| seen[s as usize] = true)
            });
            for (j, &(lb, lob)) in pts.iter().enumerate() {
                let d = tm.distance_km(crate::GeoPoint::new(la, lo).unwrap(), crate::GeoPoint::new(lb, lob).unwrap());
                if d <= r {
                    assert!(seen[j], "missed a point at {d} km");
                }
            }
        }
    }
}
