//! Travel time (SCORING.md section 3): great-circle distance, time by mode,
//! and the early shift that public transport cannot reach.
//!
//! The functions here are the single source of the travel arithmetic: the
//! reference ranker and the fast kernel both call them, so the two compute
//! bit-identical times and therefore identical rankings, ties included.

use serde::{Deserialize, Serialize};

use crate::model::{GeoPoint, ModeSet, TravelMode};

/// Speed, detour factor and fixed overhead of one travel mode.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModeParams {
    /// Average speed in km/h (> 0).
    pub speed_kmh: f64,
    /// Route length over straight-line distance (≥ 1 in practice).
    pub detour: f64,
    /// Fixed minutes per trip: parking, walking to the stop, waiting.
    pub overhead_min: f64,
}

impl ModeParams {
    /// Minutes for a straight-line distance of `d_km`: `overhead + 60·d·detour/speed`.
    #[inline]
    pub fn minutes(&self, d_km: f64) -> f64 {
        self.overhead_min + 60.0 * d_km * self.detour / self.speed_kmh
    }
}

/// The travel model: one [`ModeParams`] per mode, the first transit departure
/// and the Earth radius. Part of the scoring configuration.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TravelModel {
    /// Parameters per mode, indexed like [`TravelMode::ALL`].
    pub modes: [ModeParams; 5],
    /// Minutes after midnight of the first public-transport departure (06:00 = 360).
    pub transit_first: f64,
    /// Earth radius for the haversine formula, km.
    pub earth_radius_km: f64,
}

impl Default for TravelModel {
    /// The SCORING.md table: walk 5 km/h, bike 15, e-bike 20 (detour 1.3);
    /// car 60 (detour 1.25, 5 min); transit 40 (detour 1.25, 12 min).
    fn default() -> Self {
        let m = |speed_kmh, detour, overhead_min| ModeParams { speed_kmh, detour, overhead_min };
        TravelModel {
            modes: [m(5.0, 1.3, 0.0), m(15.0, 1.3, 0.0), m(20.0, 1.3, 0.0), m(60.0, 1.25, 5.0), m(40.0, 1.25, 12.0)],
            transit_first: 360.0,
            earth_radius_km: 6371.0088,
        }
    }
}

/// How a seeker gets to a job: the fastest usable mode and its minutes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Travel {
    /// The fastest usable mode; `None` for a remote job (no travel).
    pub mode: Option<TravelMode>,
    /// One-way minutes (0 for a remote job).
    pub minutes: f64,
    /// Transit was listed and would have been faster, but the shift starts
    /// before it can arrive (the early-shift obstacle).
    pub transit_too_early: bool,
}

impl TravelModel {
    /// The parameters of `mode`.
    #[inline]
    pub fn params(&self, mode: TravelMode) -> &ModeParams {
        &self.modes[mode as usize]
    }

    /// Great-circle distance in km between two points.
    #[inline]
    pub fn distance_km(&self, a: GeoPoint, b: GeoPoint) -> f64 {
        haversine_rad(a.lat().to_radians(), a.lon().to_radians(), b.lat().to_radians(), b.lon().to_radians())
            * self.earth_radius_km
    }

    /// The modes a seeker may use: `walk` always; `bike`, `ebike`, `transit`
    /// when listed; `car` when listed and the seeker holds a licence.
    #[inline]
    pub fn usable_modes(listed: ModeSet, licence: bool) -> ModeSet {
        let m = listed.with(TravelMode::Walk);
        if licence {
            m
        } else {
            m.without(TravelMode::Car)
        }
    }

    /// The fastest usable mode over `d_km`, honouring the early-shift rule:
    /// transit counts only when `earliest_start ≥ transit_first + t_transit`.
    pub fn fastest(&self, d_km: f64, usable: ModeSet, earliest_start: Option<u16>) -> Travel {
        let mut best = Travel { mode: None, minutes: f64::INFINITY, transit_too_early: false };
        for mode in usable.iter() {
            let t = self.params(mode).minutes(d_km);
            if mode == TravelMode::Transit {
                if let Some(start) = earliest_start {
                    if f64::from(start) < self.transit_first + t {
                        best.transit_too_early = true;
                        continue;
                    }
                }
            }
            // Strictly faster only: on equal minutes the earlier mode in
            // TravelMode::ALL (the simpler one) is named.
            if t < best.minutes {
                best.mode = Some(mode);
                best.minutes = t;
            }
        }
        // Only report the early-shift obstacle when transit would have won.
        if best.transit_too_early {
            let t_transit = self.params(TravelMode::Transit).minutes(d_km);
            best.transit_too_early = t_transit < best.minutes;
        }
        best
    }
}

/// Whether a trip of `minutes` is within a seeker's `max_minutes` (the
/// `travel` knock-out of SCORING.md section 1 is its negation): `T = 0`
/// means only remote work is reachable, even at distance 0, and a time that
/// is not at most `T` (NaN included) is too long. The scorer, the kernel's
/// pair test and its cell bounds all decide it here.
#[inline]
pub fn within_limit(minutes: f64, max_minutes: f64) -> bool {
    max_minutes > 0.0 && minutes <= max_minutes
}

impl TravelModel {
    /// The farthest great-circle distance (km) at which some mode of
    /// `usable` arrives within `max_minutes`, in exact arithmetic (callers
    /// that prune by it add a margin for rounding); `None` when no on-site
    /// job is reachable (`max_minutes` 0, or every overhead too long).
    ///
    /// Ignores the early-shift rule for transit: that rule only removes
    /// options, so the reach stays an upper bound.
    pub fn reach_km(&self, usable: ModeSet, max_minutes: f64) -> Option<f64> {
        if max_minutes <= 0.0 {
            return None;
        }
        let mut best: Option<f64> = None;
        for mode in usable.iter() {
            let p = self.params(mode);
            let slack = max_minutes - p.overhead_min;
            if slack >= 0.0 {
                let r = slack * p.speed_kmh / (60.0 * p.detour);
                best = Some(best.map_or(r, |b: f64| b.max(r)));
            }
        }
        best
    }
}

/// Central angle (radians) between two points given in radians, by the haversine formula.
/// Multiply by the Earth radius for km.
#[inline]
pub fn haversine_rad(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let dlat = lat2 - lat1;
    let dlon = lon2 - lon1;
    let s1 = (dlat * 0.5).sin();
    let s2 = (dlon * 0.5).sin();
    let a = s1 * s1 + lat1.cos() * lat2.cos() * s2 * s2;
    2.0 * a.sqrt().min(1.0).asin()
}

/// [`haversine_rad`] with the cosines of both latitudes supplied by the caller.
///
/// The ranking kernel keeps `lat.cos()` per record so that a pair costs two
/// sines and one arcsine instead of also two cosines. The expression is
/// written exactly like [`haversine_rad`] (same operations, same order), so
/// when `cos_lat1 == lat1.cos()` and `cos_lat2 == lat2.cos()` the result is
/// bit-identical.
#[inline]
pub fn haversine_rad_cos(lat1: f64, cos_lat1: f64, lon1: f64, lat2: f64, cos_lat2: f64, lon2: f64) -> f64 {
    let dlat = lat2 - lat1;
    let dlon = lon2 - lon1;
    let s1 = (dlat * 0.5).sin();
    let s2 = (dlon * 0.5).sin();
    let a = s1 * s1 + cos_lat1 * cos_lat2 * s2 * s2;
    2.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    #[test]
    fn groningen_to_assen_is_about_25_km() {
        let d = TravelModel::default().distance_km(p(53.2194, 6.5665), p(52.9925, 6.5649));
        assert!((d - 25.23).abs() < 0.05, "{d}");
    }

    #[test]
    fn one_degree_of_latitude() {
        let d = TravelModel::default().distance_km(p(52.0, 5.0), p(53.0, 5.0));
        // 6371.0088 · π/180
        assert!((d - 111.195_08).abs() < 1e-3, "{d}");
    }

    #[test]
    fn mode_minutes_follow_the_table() {
        let tm = TravelModel::default();
        // 10 km: walk 156, bike 52, ebike 39, car 5 + 12.5 = 17.5, transit 12 + 18.75 = 30.75
        let want = [156.0, 52.0, 39.0, 17.5, 30.75];
        for (mode, w) in TravelMode::ALL.iter().zip(want) {
            assert!((tm.params(*mode).minutes(10.0) - w).abs() < 1e-9, "{mode}");
        }
    }

    #[test]
    fn car_needs_a_licence_and_walk_is_always_usable() {
        let listed = ModeSet::EMPTY.with(TravelMode::Car);
        assert!(!TravelModel::usable_modes(listed, false).contains(TravelMode::Car));
        assert!(TravelModel::usable_modes(listed, true).contains(TravelMode::Car));
        assert!(TravelModel::usable_modes(ModeSet::EMPTY, false).contains(TravelMode::Walk));
    }

    #[test]
    fn haversine_with_cosines_is_bit_identical() {
        let pts: [(f64, f64); 6] =
            [(53.2194, 6.5665), (52.9925, 6.5649), (51.0, 3.3), (-33.9, 151.2), (0.0, 0.0), (89.9, -179.9)];
        for (a, b) in pts {
            for (c, d) in pts {
                let (la, lo, lc, ld) = (a.to_radians(), b.to_radians(), c.to_radians(), d.to_radians());
                let x = haversine_rad(la, lo, lc, ld);
                let y = haversine_rad_cos(la, la.cos(), lo, lc, lc.cos(), ld);
                assert_eq!(x.to_bits(), y.to_bits());
            }
        }
    }

    #[test]
    fn reach_covers_the_fastest_mode() {
        let tm = TravelModel::default();
        let bike = ModeSet::EMPTY.with(TravelMode::Walk).with(TravelMode::Bike);
        let r = tm.reach_km(bike, 45.0).unwrap();
        assert!((r - 45.0 * 15.0 / 60.0 / 1.3).abs() < 1e-12, "{r}");
        assert!(within_limit(tm.params(TravelMode::Bike).minutes(r), 45.0 + 1e-9));
        assert_eq!(tm.reach_km(bike, 0.0), None);
        // Transit alone with less time than its overhead reaches nothing; walking still does.
        let transit = TravelModel::usable_modes(ModeSet::EMPTY.with(TravelMode::Transit), false);
        assert!(tm.reach_km(transit, 10.0).unwrap() < 0.9);
    }

    #[test]
    fn the_limit_is_inclusive_and_zero_means_remote_only() {
        assert!(within_limit(45.0, 45.0));
        assert!(!within_limit(45.000001, 45.0));
        assert!(!within_limit(0.0, 0.0));
        assert!(!within_limit(f64::NAN, 45.0));
    }

    #[test]
    fn early_shift_blocks_transit() {
        let tm = TravelModel::default();
        let usable = ModeSet::EMPTY.with(TravelMode::Walk).with(TravelMode::Transit).with(TravelMode::Bike);
        // 25 km: transit 12 + 46.875 = 58.875 min; bike 130 min.
        let late = tm.fastest(25.0, usable, Some(8 * 60));
        assert_eq!(late.mode, Some(TravelMode::Transit));
        let early = tm.fastest(25.0, usable, Some(6 * 60 + 30));
        assert_eq!(early.mode, Some(TravelMode::Bike));
        assert!(early.transit_too_early);
        assert!((early.minutes - 130.0).abs() < 1e-9);
    }
}
