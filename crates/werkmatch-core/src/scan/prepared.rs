//! The vacancy and employer columns the fast scan reads: interned skill and
//! certificate ids, the requirement fields, and a latitude order for the
//! travel band.

use std::collections::HashMap;

use crate::isco::IscoCode;
use crate::model::{Cefr, Employer, GeoPoint, HoursRange, Nace, PhysicalLoad, Vacancy};
use crate::travel::haversine_rad_cos;

/// Strings to dense ids.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Vocab {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.ids.insert(s.to_owned(), i);
        self.names.push(s.to_owned());
        i
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    pub fn name(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Sorted, deduplicated ids of `items`.
    fn set<'s>(&mut self, items: impl IntoIterator<Item = &'s String>) -> Box<[u32]> {
        let mut v: Vec<u32> = items.into_iter().map(|s| self.intern(s)).collect();
        v.sort_unstable();
        v.dedup();
        v.into()
    }
}

/// One vacancy's fields in the form the pass compares them.
#[derive(Debug)]
pub(crate) struct PVac {
    pub site: Option<GeoPoint>,
    /// The site in radians with the cosine of its latitude (see [`Geo`]).
    pub geo: Geo,
    /// Index of `isco` in [`Prepared::iscos`]: the occupation component is
    /// looked up per seeker instead of recomputed per pair.
    pub isco_ix: u16,
    /// [`sector_ix`] of `sector`.
    pub sector_ix: u8,
    pub lv: u8,
    pub training: bool,
    pub hours: HoursRange,
    pub start: Option<u16>,
    pub licence: bool,
    pub dutch: u8,
    pub load: u8,
    pub target: bool,
    /// `esco_occupation` as its id in [`Prepared::escos`]: the scan checks
    /// it for every pair in reach, and reading it from the `Vacancy` itself
    /// was a cache miss per pair.
    pub esco: Option<u32>,
    /// Where its lists are in [`Prepared::lists`]: `E` (essential skills,
    /// sorted, unique) from `lists[0]` to `lists[1]`, `O` (optional skills
    /// minus `E`, sorted, unique) to `lists[2]`, the certificates (sorted,
    /// unique) to `lists[3]`. One flat array for all vacancies instead of
    /// three boxed slices each: the pass reads them for nearly every pair,
    /// and in index order, so they are read in memory order (no pointer
    /// chase per list), and the vacancy itself is 32 bytes smaller.
    lists: [u32; 4],
}

impl PVac {
    /// `E` in `arena` ([`Prepared::lists`]).
    #[inline]
    pub fn ess<'a>(&self, arena: &'a [u32]) -> &'a [u32] {
        &arena[self.lists[0] as usize..self.lists[1] as usize]
    }

    /// `O` in `arena`.
    #[inline]
    pub fn opt<'a>(&self, arena: &'a [u32]) -> &'a [u32] {
        &arena[self.lists[1] as usize..self.lists[2] as usize]
    }

    /// The certificates in `arena`.
    #[inline]
    pub fn certs<'a>(&self, arena: &'a [u32]) -> &'a [u32] {
        &arena[self.lists[2] as usize..self.lists[3] as usize]
    }

    /// `|E|` and `|O|`.
    #[inline]
    pub fn counts(&self) -> (usize, usize) {
        ((self.lists[1] - self.lists[0]) as usize, (self.lists[2] - self.lists[1]) as usize)
    }
}

/// A point as [`haversine_rad_cos`] takes it: latitude and longitude in
/// radians and the latitude's cosine, computed once. The distance it gives is
/// bit-identical to [`TravelModel::distance_km`](crate::travel::TravelModel::distance_km)'s.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Geo {
    lat: f64,
    cos_lat: f64,
    lon: f64,
    /// The point on the unit sphere, for [`Geo::clearly_beyond`].
    xyz: [f64; 3],
}

impl Geo {
    pub fn of(p: GeoPoint) -> Geo {
        let lat = p.lat().to_radians();
        let lon = p.lon().to_radians();
        let cos_lat = lat.cos();
        Geo { lat, cos_lat, lon, xyz: [cos_lat * lon.cos(), cos_lat * lon.sin(), lat.sin()] }
    }

    /// Whether `to` is certainly farther than the chord `limit` gives (see
    /// [`chord_limit`]): a few multiplications instead of the haversine's
    /// sines, with a margin far above both computations' rounding, so that a
    /// pair near the limit is always left to the exact distance.
    #[inline]
    pub fn clearly_beyond(self, to: Geo, limit: f64) -> bool {
        self.chord2(to) > limit
    }

    /// Whether `to` is certainly nearer than the chord `limit` gives (see
    /// [`chord_within`]), with the same margin the other way.
    #[inline]
    pub fn clearly_within(self, to: Geo, limit: f64) -> bool {
        self.chord2(to) < limit
    }

    /// The squared chord between the two points on the unit sphere.
    #[inline]
    fn chord2(self, to: Geo) -> f64 {
        let [a, b, c] = self.xyz;
        let [x, y, z] = to.xyz;
        (a - x) * (a - x) + (b - y) * (b - y) + (c - z) * (c - z)
    }

    /// The great-circle distance in km, as `TravelModel::distance_km`.
    #[inline]
    pub fn km(self, to: Geo, earth_radius_km: f64) -> f64 {
        haversine_rad_cos(self.lat, self.cos_lat, self.lon, to.lat, to.cos_lat, to.lon) * earth_radius_km
    }
}

/// The squared chord of a great-circle distance of `km`, widened by a margin,
/// for [`Geo::clearly_beyond`]; infinite when nothing is beyond it.
pub(crate) fn chord_limit(km: f64, earth_radius_km: f64) -> f64 {
    let half = km / (2.0 * earth_radius_km);
    if !half.is_finite() || half >= std::f64::consts::FRAC_PI_2 {
        return f64::INFINITY;
    }
    let c = 2.0 * half.sin();
    c * c * (1.0 + 1e-6) + 1e-12
}

/// The squared chord of a great-circle distance of `km`, narrowed by a
/// margin, for [`Geo::clearly_within`]: a point that passes is nearer than
/// `km` by the haversine too. Negative (nothing passes) for 0 km.
pub(crate) fn chord_within(km: f64, earth_radius_km: f64) -> f64 {
    let half = (km / (2.0 * earth_radius_km)).min(std::f64::consts::FRAC_PI_2);
    let c = 2.0 * half.sin();
    c * c * (1.0 - 1e-6) - 1e-12
}

/// Sector table index: the NACE section's index (0–20), or 21 for no sector.
pub(crate) const SECTORS: usize = 22;

/// The index of a sector in a per-seeker sector table.
pub(crate) fn sector_ix(n: Option<Nace>) -> u8 {
    n.map_or(SECTORS as u8 - 1, Nace::index)
}

/// Points sorted by latitude, and the ones without a site (remote jobs).
#[derive(Debug, Default)]
pub(crate) struct Band {
    by_lat: Vec<(f64, u32)>,
    pub siteless: Vec<u32>,
    /// How many points (with a site or not).
    points: usize,
}

impl Band {
    fn new(points: impl Iterator<Item = Option<GeoPoint>>) -> Band {
        let mut b = Band::default();
        for (i, p) in points.enumerate() {
            b.points = i + 1;
            match p {
                Some(p) => b.by_lat.push((p.lat(), i as u32)),
                None => b.siteless.push(i as u32),
            }
        }
        b.by_lat.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        b
    }

    /// Every point whose latitude is within `dlat` degrees of `lat`, then the
    /// siteless ones. A great-circle distance is at least the arc of the
    /// latitude difference, so nothing within the reach is left out.
    ///
    /// In ascending index order (the pass then reads the columns front to
    /// back): the band's indexes are marked in a bit set and read back,
    /// linear in the points instead of a sort of the band (which was 4 % of
    /// the scan).
    pub fn around(&self, lat: f64, dlat: f64, out: &mut Vec<u32>) {
        let lo = self.by_lat.partition_point(|p| p.0 < lat - dlat);
        let hi = self.by_lat.partition_point(|p| p.0 <= lat + dlat);
        let mut bits = vec![0u64; self.points.div_ceil(64)];
        for &(_, i) in self.by_lat[lo..hi].iter() {
            bits[i as usize / 64] |= 1 << (i % 64);
        }
        for &i in &self.siteless {
            bits[i as usize / 64] |= 1 << (i % 64);
        }
        for (w, &word) in bits.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push(w as u32 * 64 + word.trailing_zeros());
                word &= word - 1;
            }
        }
    }
}

/// Everything the pass needs from the vacancies and employers.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub vac: Vec<PVac>,
    /// The vacancies' skill and certificate lists, one after the other (see
    /// [`PVac::ess`]).
    pub lists: Vec<u32>,
    pub skills: Vocab,
    pub certs: Vocab,
    /// The vacancies' `esco_occupation` ids.
    pub escos: Vocab,
    pub vac_band: Band,
    pub emp_band: Band,
    /// The distinct ISCO codes of the vacancies and employers, in first-seen order.
    pub iscos: Vec<IscoCode>,
    /// The index of each code in `iscos`.
    isco_at: HashMap<IscoCode, u16>,
    /// Per employer: the indexes in `iscos` of its distinct occupations, by
    /// skill level, then code (the order in which `best_occupation` prefers
    /// codes of equal proximity, so the first best one is its choice).
    pub emp_codes: Vec<Box<[u16]>>,
    /// Per employer: its location as [`Geo`].
    pub emp_geo: Vec<Geo>,
}

impl Prepared {
    /// The index of `code` in [`Prepared::iscos`], when a vacancy or employer has it.
    pub fn isco_ix(&self, code: IscoCode) -> Option<u16> {
        self.isco_at.get(&code).copied()
    }

    pub fn new(vacancies: &[Vacancy], employers: &[Employer]) -> Prepared {
        let mut skills = Vocab::default();
        let mut certs = Vocab::default();
        let mut escos = Vocab::default();
        let mut iscos: Vec<IscoCode> = Vec::new();
        let mut isco_at: HashMap<IscoCode, u16> = HashMap::new();
        let mut lists: Vec<u32> = Vec::new();
        let end = |lists: &[u32]| {
            u32::try_from(lists.len()).unwrap_or_else(|_| unreachable!("fewer than 2^32 list entries fit in memory"))
        };
        let vac: Vec<PVac> = vacancies
            .iter()
            .map(|v| {
                let isco_ix = *isco_at.entry(v.isco).or_insert_with(|| {
                    iscos.push(v.isco);
                    u16::try_from(iscos.len() - 1)
                        .unwrap_or_else(|_| unreachable!("ISCO-08 has fewer than 65,536 codes"))
                });
                let start = end(&lists);
                let ess = skills.set(&v.skills_essential);
                lists.extend_from_slice(&ess);
                let ess_end = end(&lists);
                lists.extend(skills.set(&v.skills_optional).iter().copied().filter(|x| ess.binary_search(x).is_err()));
                let opt_end = end(&lists);
                lists.extend_from_slice(&certs.set(&v.certificates));
                let at = [start, ess_end, opt_end, end(&lists)];
                PVac {
                    site: v.workplace.site(),
                    geo: v.workplace.site().map(Geo::of).unwrap_or_default(),
                    isco_ix,
                    sector_ix: sector_ix(v.sector),
                    lv: v.skill_level().get(),
                    training: v.offers_training,
                    hours: v.hours,
                    start: v.earliest_start.map(|t| t.minutes()),
                    licence: v.requires_licence,
                    dutch: Cefr::rank_of(v.min_dutch_level),
                    load: v.physical_load.unwrap_or(PhysicalLoad::Light).rank(),
                    target: v.reserved_for_target_group,
                    esco: v.esco_occupation.as_deref().map(|o| escos.intern(o)),
                    lists: at,
                }
            })
            .collect();
        let emp_codes = employers
            .iter()
            .map(|e| {
                let mut codes = e.occupations.clone();
                codes.sort_unstable_by_key(|c| (c.skill_level(), *c));
                codes.dedup();
                codes
                    .iter()
                    .map(|&c| {
                        *isco_at.entry(c).or_insert_with(|| {
                            iscos.push(c);
                            u16::try_from(iscos.len() - 1)
                                .unwrap_or_else(|_| unreachable!("ISCO-08 has fewer than 65,536 codes"))
                        })
                    })
                    .collect()
            })
            .collect();
        Prepared {
            vac_band: Band::new(vac.iter().map(|v| v.site)),
            emp_band: Band::new(employers.iter().map(|e| Some(e.location))),
            vac,
            lists,
            skills,
            certs,
            escos,
            iscos,
            isco_at,
            emp_codes,
            emp_geo: employers.iter().map(|e| Geo::of(e.location)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// `around` is the plain filter (latitude within `dlat`, borders
        /// included, then the siteless points) in ascending index order.
        #[test]
        fn band_is_the_latitude_filter_in_index_order(
            pts in prop::collection::vec(prop::option::weighted(0.9, -3i32..=3), 0..300),
            lat in -3i32..=3,
            dlat in 0i32..=3,
        ) {
            // Whole-degree latitudes: many points exactly on the band's borders.
            let points: Vec<Option<GeoPoint>> =
                pts.iter().map(|p| p.map(|la| GeoPoint::new(52.0 + f64::from(la), 6.0).unwrap())).collect();
            let band = Band::new(points.iter().copied());
            let (lat, dlat) = (52.0 + f64::from(lat), f64::from(dlat));
            let mut got = Vec::new();
            band.around(lat, dlat, &mut got);
            let want: Vec<u32> = (0..points.len() as u32)
                .filter(|&i| points[i as usize].is_none_or(|p| p.lat() >= lat - dlat && p.lat() <= lat + dlat))
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}
