//! Where people live and work: hand-made tables of places with their
//! coordinates and sizes, and sampling of a jittered point around one.
//!
//! Coordinates are the town centres (WGS84, from general knowledge, rounded to
//! about 100 m). Resident counts are rounded figures for the town itself (not the
//! whole municipality) around 2020, from general knowledge; job counts in the
//! Groningen table are rough orders of magnitude (assumption). None of these need
//! to be exact: they only shape a synthetic population.

use rand::Rng;
use werkmatch_core::GeoPoint;

use super::config::Region;
use super::rng::{disk_offset_km, km_per_deg_lon, Weighted, KM_PER_DEG_LAT};

/// One place.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Place {
    pub name: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// Residents, thousands.
    pub residents_k: f64,
    /// Jobs, thousands (Groningen table); for the national table a factor on residents.
    pub jobs_k: f64,
    /// Radius of the built-up area in km: points are jittered within it.
    pub radius_km: f64,
    /// Part of the municipality of Groningen (since 2019 incl. Haren and Ten Boer).
    pub municipality: bool,
}

const fn p(name: &'static str, lat: f64, lon: f64, residents_k: f64, jobs_k: f64, radius_km: f64) -> Place {
    Place { name, lat, lon, residents_k, jobs_k, radius_km, municipality: false }
}

const fn m(name: &'static str, lat: f64, lon: f64, residents_k: f64, jobs_k: f64, radius_km: f64) -> Place {
    Place { name, lat, lon, residents_k, jobs_k, radius_km, municipality: true }
}

/// The labour-market region Groningen and Noord-Drenthe (POPULATION.md, geography):
/// the province of Groningen plus Assen, Tynaarlo, Noordenveld and Aa en Hunze.
/// Groningen–Assen is about 25 km, as in the documented mobility obstacle.
pub(crate) const GRONINGEN: &[Place] = &[
    // Municipality of Groningen (the city incl. Hoogkerk, plus Haren and Ten Boer since 2019).
    // The city is the regional centre (university, UMCG, offices): about 150k jobs.
    m("Groningen", 53.2194, 6.5665, 205.0, 150.0, 4.5),
    m("Haren", 53.1700, 6.6050, 19.0, 6.0, 2.0),
    m("Ten Boer", 53.2767, 6.6944, 7.5, 1.5, 1.2),
    // Drenthe: Assen is the provincial capital, a second job centre (about 45k jobs).
    p("Assen", 52.9925, 6.5649, 68.0, 45.0, 3.0),
    p("Zuidlaren", 53.0942, 6.6817, 10.5, 4.0, 1.5),
    p("Eelde-Paterswolde", 53.1350, 6.5733, 11.0, 4.0, 1.8),
    p("Vries", 53.0747, 6.5769, 4.0, 1.5, 1.0),
    p("Roden", 53.1378, 6.4264, 15.0, 6.0, 1.8),
    p("Peize", 53.1467, 6.4950, 4.0, 1.0, 1.0),
    p("Norg", 53.0672, 6.4586, 3.5, 1.0, 1.0),
    p("Gieten", 53.0067, 6.7633, 4.7, 2.0, 1.0),
    p("Rolde", 52.9842, 6.6475, 3.5, 1.0, 1.0),
    p("Annen", 53.0567, 6.7200, 3.8, 1.0, 1.0),
    // Midden-Groningen.
    p("Hoogezand-Sappemeer", 53.1617, 6.7617, 31.0, 12.0, 2.5),
    p("Slochteren-Siddeburen", 53.2100, 6.8300, 6.0, 1.5, 2.0),
    // Westerkwartier.
    p("Leek", 53.1628, 6.3761, 11.0, 5.0, 1.5),
    p("Zuidhorn", 53.2464, 6.4056, 8.0, 3.0, 1.3),
    p("Marum", 53.1450, 6.2619, 3.5, 1.5, 1.0),
    p("Grootegast", 53.2119, 6.2739, 2.5, 1.5, 1.0),
    p("Aduard", 53.2561, 6.4592, 2.5, 0.5, 0.8),
    // Het Hogeland.
    p("Bedum", 53.3008, 6.6025, 7.5, 2.5, 1.2),
    p("Winsum", 53.3300, 6.5167, 7.0, 2.5, 1.2),
    p("Uithuizen", 53.4075, 6.6700, 5.0, 2.0, 1.2),
    p("Warffum", 53.3925, 6.5600, 2.3, 0.6, 0.8),
    // Eemsdelta: chemistry park Delfzijl and the Eemshaven port (data centres, energy):
    // a workplace with almost no residents, far from where seekers live.
    p("Delfzijl", 53.3300, 6.9183, 24.0, 10.0, 2.2),
    p("Appingedam", 53.3217, 6.8583, 11.8, 6.0, 1.3),
    p("Loppersum", 53.3325, 6.7475, 2.5, 0.8, 0.8),
    p("Eemshaven", 53.4386, 6.8347, 0.0, 3.0, 1.5),
    // Oldambt, Veendam, Pekela, Stadskanaal, Westerwolde.
    p("Winschoten", 53.1442, 7.0347, 18.0, 10.0, 1.8),
    p("Scheemda", 53.1733, 6.9708, 2.5, 1.5, 0.8),
    p("Veendam", 53.1067, 6.8792, 21.0, 11.0, 2.0),
    p("Muntendam", 53.1333, 6.8700, 4.5, 1.0, 1.0),
    p("Pekela", 53.0800, 6.9600, 12.0, 3.0, 2.0),
    p("Stadskanaal", 52.9883, 6.9500, 19.0, 12.0, 2.2),
    p("Musselkanaal", 52.9333, 7.0167, 7.5, 3.0, 1.5),
    p("Ter Apel", 52.8767, 7.0600, 9.0, 3.0, 1.5),
];

/// The larger Dutch places, for the national scale: about two thirds of the
/// population lives in or near them. `jobs_k` is here a factor on residents:
/// 1.3 for the big job centres (assumption: commuting into the G4, Utrecht,
/// Eindhoven, Groningen), 1.0 elsewhere. The radius grows with the square root of
/// the population (assumption) so that the big cities spread over their suburbs.
pub(crate) const NETHERLANDS: &[Place] = &[
    p("Amsterdam", 52.3728, 4.8936, 920.0, 1.3, 0.0),
    p("Rotterdam", 51.9225, 4.4792, 665.0, 1.3, 0.0),
    p("Den Haag", 52.0799, 4.3113, 560.0, 1.3, 0.0),
    p("Utrecht", 52.0907, 5.1214, 370.0, 1.3, 0.0),
    p("Eindhoven", 51.4416, 5.4697, 240.0, 1.3, 0.0),
    p("Groningen", 53.2194, 6.5665, 240.0, 1.3, 0.0),
    p("Tilburg", 51.5555, 5.0913, 225.0, 1.0, 0.0),
    p("Almere", 52.3508, 5.2647, 220.0, 1.0, 0.0),
    p("Breda", 51.5719, 4.7683, 185.0, 1.0, 0.0),
    p("Nijmegen", 51.8126, 5.8372, 180.0, 1.0, 0.0),
    p("Apeldoorn", 52.2112, 5.9699, 167.0, 1.0, 0.0),
    p("Arnhem", 51.9851, 5.8987, 165.0, 1.0, 0.0),
    p("Haarlem", 52.3874, 4.6462, 163.0, 1.0, 0.0),
    p("Hoofddorp", 52.3061, 4.6907, 160.0, 1.0, 0.0),
    p("Amersfoort", 52.1561, 5.3878, 160.0, 1.0, 0.0),
    p("Enschede", 52.2215, 6.8937, 160.0, 1.0, 0.0),
    p("Zaandam", 52.4420, 4.8292, 157.0, 1.0, 0.0),
    p("'s-Hertogenbosch", 51.6978, 5.3037, 157.0, 1.0, 0.0),
    p("Zwolle", 52.5168, 6.0830, 130.0, 1.0, 0.0),
    p("Leiden", 52.1601, 4.4970, 127.0, 1.0, 0.0),
    p("Zoetermeer", 52.0575, 4.4931, 126.0, 1.0, 0.0),
    p("Leeuwarden", 53.2012, 5.7999, 125.0, 1.0, 0.0),
    p("Maastricht", 50.8514, 5.6910, 121.0, 1.0, 0.0),
    p("Dordrecht", 51.8133, 4.6901, 120.0, 1.0, 0.0),
    p("Ede", 52.0402, 5.6649, 120.0, 1.0, 0.0),
    p("Alphen aan den Rijn", 52.1287, 4.6574, 113.0, 1.0, 0.0),
    p("Naaldwijk", 51.9942, 4.2097, 112.0, 1.0, 0.0),
    p("Alkmaar", 52.6324, 4.7534, 110.0, 1.0, 0.0),
    p("Emmen", 52.7792, 6.9069, 107.0, 1.0, 0.0),
    p("Delft", 52.0116, 4.3571, 105.0, 1.0, 0.0),
    p("Venlo", 51.3704, 6.1724, 102.0, 1.0, 0.0),
    p("Deventer", 52.2550, 6.1639, 101.0, 1.0, 0.0),
    p("Helmond", 51.4793, 5.6570, 93.0, 1.0, 0.0),
    p("Oss", 51.7650, 5.5180, 93.0, 1.0, 0.0),
    p("Purmerend", 52.5050, 4.9597, 93.0, 1.0, 0.0),
    p("Amstelveen", 52.3114, 4.8701, 92.0, 1.0, 0.0),
    p("Hilversum", 52.2292, 5.1669, 92.0, 1.0, 0.0),
    p("Sittard-Geleen", 50.9983, 5.8697, 91.0, 1.0, 0.0),
    p("Sneek", 53.0325, 5.6589, 90.0, 1.0, 0.0),
    p("Heerlen", 50.8882, 5.9795, 87.0, 1.0, 0.0),
    p("Spijkenisse", 51.8450, 4.3292, 85.0, 1.0, 0.0),
    p("Hengelo", 52.2658, 6.7931, 81.0, 1.0, 0.0),
    p("Schiedam", 51.9192, 4.3989, 80.0, 1.0, 0.0),
    p("Lelystad", 52.5185, 5.4714, 80.0, 1.0, 0.0),
    p("Roosendaal", 51.5308, 4.4653, 77.0, 1.0, 0.0),
    p("Leidschendam-Voorburg", 52.0833, 4.3889, 77.0, 1.0, 0.0),
    p("Vlaardingen", 51.9122, 4.3419, 75.0, 1.0, 0.0),
    p("Gouda", 52.0115, 4.7105, 74.0, 1.0, 0.0),
    p("Hoorn", 52.6425, 5.0597, 74.0, 1.0, 0.0),
    p("Almelo", 52.3567, 6.6625, 73.0, 1.0, 0.0),
    p("Assen", 52.9925, 6.5649, 69.0, 1.0, 0.0),
    p("Bergen op Zoom", 51.4949, 4.2911, 68.0, 1.0, 0.0),
    p("Veenendaal", 52.0287, 5.5589, 68.0, 1.0, 0.0),
    p("Capelle aan den IJssel", 51.9292, 4.5778, 67.0, 1.0, 0.0),
    p("Katwijk", 52.2000, 4.4167, 66.0, 1.0, 0.0),
    p("Zeist", 52.0906, 5.2333, 66.0, 1.0, 0.0),
    p("Nieuwegein", 52.0292, 5.0806, 64.0, 1.0, 0.0),
    p("Roermond", 51.1942, 5.9875, 59.0, 1.0, 0.0),
    p("Doetinchem", 51.9650, 6.2886, 58.0, 1.0, 0.0),
    p("Oosterhout", 51.6450, 4.8597, 57.0, 1.0, 0.0),
    p("Den Helder", 52.9563, 4.7600, 56.0, 1.0, 0.0),
    p("Drachten", 53.1033, 6.0986, 56.0, 1.0, 0.0),
    p("Kampen", 52.5550, 5.9111, 54.0, 1.0, 0.0),
    p("Terneuzen", 51.3358, 3.8278, 54.0, 1.0, 0.0),
    p("Heerenveen", 52.9600, 5.9200, 51.0, 1.0, 0.0),
    p("Middelburg", 51.4988, 3.6136, 49.0, 1.0, 0.0),
    p("Harderwijk", 52.3417, 5.6208, 48.0, 1.0, 0.0),
    p("Vlissingen", 51.4425, 3.5736, 45.0, 1.0, 0.0),
];

/// Places where assistance is more common than average get more seekers per
/// resident at the national scale (assumption from CBS regional figures as
/// remembered: the big cities and a few old industrial towns about 1.6×).
const HIGH_ASSISTANCE: &[&str] =
    &["Amsterdam", "Rotterdam", "Den Haag", "Groningen", "Heerlen", "Enschede", "Leeuwarden", "Schiedam", "Emmen"];

/// Share of Groningen-preset seekers who live in the municipality of Groningen.
/// Assumption: the 10,356 of POPULATION.md are the municipality's caseload; a
/// fifth is placed in the surrounding region so that region-wide travel (e.g. the
/// Groningen–Assen early shift) is exercised from both sides.
const MUNICIPALITY_SHARE_PERMILLE: u64 = 800;

/// Samplers for home and work locations in a region.
#[derive(Clone, Debug)]
pub(crate) struct Geography {
    places: &'static [Place],
    homes: Weighted,
    work: Weighted,
}

impl Geography {
    pub(crate) fn new(region: Region) -> Self {
        // Weights in integer units (tens of residents / jobs) so sampling stays in integers.
        let units = |x: f64| (x * 100.0).round().max(0.0) as u64;
        match region {
            Region::Groningen => {
                let total = |muni: bool| -> f64 {
                    GRONINGEN.iter().filter(|p| p.municipality == muni).map(|p| p.residents_k).sum()
                };
                let (in_muni, outside) = (total(true), total(false));
                let share = MUNICIPALITY_SHARE_PERMILLE as f64 / 1000.0;
                let homes = Weighted::new(GRONINGEN.iter().map(|p| {
                    let part = if p.municipality { share / in_muni } else { (1.0 - share) / outside };
                    units(p.residents_k * part * 1000.0)
                }));
                let work = Weighted::new(GRONINGEN.iter().map(|p| units(p.jobs_k)));
                Geography { places: GRONINGEN, homes, work }
            }
            Region::Netherlands => {
                let factor = |p: &Place| if HIGH_ASSISTANCE.contains(&p.name) { 1.6 } else { 1.0 };
                let homes = Weighted::new(NETHERLANDS.iter().map(|p| units(p.residents_k * factor(p))));
                let work = Weighted::new(NETHERLANDS.iter().map(|p| units(p.residents_k * p.jobs_k)));
                Geography { places: NETHERLANDS, homes, work }
            }
        }
    }

    /// A home location: a place by residents, jittered within its area.
    pub(crate) fn home<R: Rng>(&self, rng: &mut R) -> GeoPoint {
        let i = self.homes.pick(rng);
        self.jitter(rng, i)
    }

    /// A workplace: a place by jobs, jittered within its area.
    pub(crate) fn workplace<R: Rng>(&self, rng: &mut R) -> GeoPoint {
        let i = self.work.pick(rng);
        self.jitter(rng, i)
    }

    fn jitter<R: Rng>(&self, rng: &mut R, i: usize) -> GeoPoint {
        let Some(place) = self.places.get(i) else { return fallback() };
        let radius = if place.radius_km > 0.0 {
            place.radius_km
        } else {
            // National table: 2 km plus 0.3 km per sqrt(thousand residents):
            // Amsterdam about 11 km, a town of 50k about 4 km (assumption).
            2.0 + 0.3 * place.residents_k.sqrt()
        };
        let (east, north) = disk_offset_km(rng, radius);
        let lat = place.lat + north / KM_PER_DEG_LAT;
        let lon = place.lon + east / km_per_deg_lon(place.lat);
        // Five decimals (about 1 m) are plenty and keep the files small.
        let round5 = |x: f64| (x * 1e5).round() / 1e5;
        GeoPoint::new(round5(lat).clamp(-90.0, 90.0), round5(lon).clamp(-180.0, 180.0)).unwrap_or_else(|_| fallback())
    }
}

/// Groningen's centre; only reached if a table entry were broken (a unit test checks they are not).
fn fallback() -> GeoPoint {
    GeoPoint::new(53.2194, 6.5665).unwrap_or_else(|_| unreachable!("a constant valid point"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_valid_dutch_coordinates() {
        for p in GRONINGEN.iter().chain(NETHERLANDS) {
            assert!((50.7..53.6).contains(&p.lat) && (3.3..7.3).contains(&p.lon), "{}", p.name);
            assert!(p.residents_k >= 0.0 && p.jobs_k > 0.0, "{}", p.name);
        }
        assert!(NETHERLANDS.len() >= 60);
        for name in HIGH_ASSISTANCE {
            assert!(NETHERLANDS.iter().any(|p| p.name == *name), "{name}");
        }
    }
}
