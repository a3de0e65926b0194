//! One synthetic jobseeker.

use rand::Rng;
use werkmatch_core::{
    Cefr, Education, Experience, HoursRange, IscoCode, Jobseeker, Mobility, ModeSet, Nace, PhysicalLoad, TravelMode,
};

use super::occupations::GENERIC_SKILLS;
use super::rng::{choose_distinct, pick_table, record_rng, Stream};
use super::vocab::Entry;
use super::Context;

/// Highest education, from the 2018 inflow (n = 1,985, POPULATION.md): none 54,
/// primary 126, LBO/MAVO/MBO-1 403, MBO-2/3/4 or HAVO/VWO 601, HBO 204, WO 122,
/// unknown 475. The splits inside the combined groups are assumptions
/// (VMBO 280 / MBO-1 123; MBO-2 200, MBO-3 130, MBO-4 121, HAVO 100, VWO 50).
/// Counting `unknown` as no *startkwalificatie* (it scores as level 1) gives 53%
/// without one, matching the stock ("more than half"); HBO + WO is 16%, as in the
/// long-term group.
const EDUCATION: &[(u32, Education)] = &[
    (54, Education::None),
    (126, Education::Primary),
    (280, Education::Vmbo),
    (123, Education::Mbo1),
    (200, Education::Mbo2),
    (130, Education::Mbo3),
    (121, Education::Mbo4),
    (100, Education::Havo),
    (50, Education::Vwo),
    (204, Education::Hbo),
    (122, Education::Wo),
    (475, Education::Unknown),
];

/// Number of past occupations (assumption: most long-term recipients have some
/// work history, a quarter none).
const EXPERIENCE_COUNT: &[(u32, usize)] = &[(25, 0), (45, 1), (25, 2), (5, 3)];

/// Hours per week wanted (assumption: many single parents and people with health
/// limits look for part-time work; a fifth states no preference).
const HOURS: &[(u32, (u8, u8))] =
    &[(20, (0, 40)), (15, (32, 40)), (10, (36, 40)), (20, (24, 32)), (15, (16, 24)), (10, (12, 20)), (10, (20, 32))];

/// Seekers who can currently work only a few hours a week (assumption: a fifth of
/// the stock, e.g. through health limits or care duties; such people are usually in
/// participation trajectories rather than job search). No regular vacancy offers
/// so few hours (see `vacancies`), so these seekers get no vacancy — only employers
/// without a vacancy, which SCORING.md 5 scores without the hours knock-out.
const FEW_HOURS: f64 = 0.20;
const HOURS_FEW: &[(u32, (u8, u8))] = &[(50, (0, 8)), (30, (4, 10)), (20, (0, 10))];

/// Longest acceptable one-way trip in minutes (assumption: 30–60 for most).
const MAX_MINUTES: &[(u32, u16)] = &[(10, 20), (25, 30), (40, 45), (20, 60), (5, 90)];

/// Recorded Dutch level (assumption). Low literacy is 8–11% in the municipality
/// and higher among recipients (POPULATION.md): A1–A2 here is 17% of those with a
/// recorded level; 12% have none recorded (which scores below A1).
const DUTCH: &[(u32, Cefr)] =
    &[(5, Cefr::A1), (12, Cefr::A2), (28, Cefr::B1), (33, Cefr::B2), (17, Cefr::C1), (5, Cefr::C2)];
const DUTCH_RECORDED: f64 = 0.88;

/// 43% of the inflow has health problems (POPULATION.md); the generator records
/// only the resulting load limit, never a diagnosis: 45% of them light work only,
/// 55% up to medium (assumption).
const HEALTH_LIMITED: f64 = 0.43;
const LIGHT_GIVEN_LIMITED: f64 = 0.45;

/// Driving licence B (assumption: about 40%; far below the Dutch adult average
/// because of cost and the large share without a car).
const LICENCE: f64 = 0.40;

/// Registered for the *banenafspraak* (assumption: 5–10%).
const TARGET_REGISTER: f64 = 0.07;

/// Generates seeker `index`.
pub(crate) fn seeker(ctx: &Context, index: usize) -> Jobseeker {
    let mut rng = record_rng(ctx.seed, Stream::Seeker, index);
    let mut s = Jobseeker::new(ctx.id('S', ctx.seeker_width, index), ctx.geo.home(&mut rng));

    s.education = pick_table(&mut rng, EDUCATION).unwrap_or_default();
    let edu_level = s.education.skill_level().get();

    // Work history: occupations near the education level, with years skewed short.
    let n_exp = pick_table(&mut rng, EXPERIENCE_COUNT).unwrap_or(0);
    let mut past: Vec<&Entry> = Vec::new();
    for _ in 0..n_exp {
        if let Some(e) = ctx.vocab.for_seeker(&mut rng, edu_level) {
            if !past.iter().any(|p| p.code == e.code) {
                past.push(e);
            }
        }
    }
    for e in &past {
        // 0.5 to 8 years, most short (u² skews towards 0), in half years.
        let u: f64 = rng.gen();
        let years = ((0.5 + 7.5 * u * u) * 2.0).round() / 2.0;
        if let Ok(x) = Experience::new(e.code, years) {
            s.experience.push(x);
        }
    }

    // Wishes: often a past occupation, plus one or two others near the education level.
    let n_desired = rng.gen_range(1..=3usize);
    let mut desired: Vec<&Entry> = Vec::new();
    if !past.is_empty() && rng.gen_bool(0.6) {
        desired.extend(past.get(rng.gen_range(0..past.len())));
    }
    while desired.len() < n_desired {
        let Some(e) = ctx.vocab.for_seeker(&mut rng, edu_level) else { break };
        if !desired.iter().any(|d| d.code == e.code) {
            desired.push(e);
        } else if rng.gen_bool(0.5) {
            break; // avoid long loops for people whose level has few occupations
        }
    }
    s.desired_occupations = desired.iter().map(|e| e.code).collect::<Vec<IscoCode>>();

    // Skills: most of those of past occupations, some of wished ones, a few generic ones.
    let mut skills: Vec<&str> = Vec::new();
    for e in &past {
        skills.extend(e.occ.skills.iter().copied().filter(|_| rng.gen_bool(0.6)));
    }
    for e in desired.iter().filter(|d| !past.iter().any(|p| p.code == d.code)) {
        skills.extend(e.occ.skills.iter().copied().filter(|_| rng.gen_bool(0.3)));
    }
    let n_generic = rng.gen_range(1..=3);
    skills.extend(choose_distinct(&mut rng, GENERIC_SKILLS, n_generic).into_iter().copied());
    skills.sort_unstable();
    skills.dedup();
    s.skills = skills.into_iter().map(str::to_owned).collect();

    s.sectors_experience = sorted_sectors(past.iter().map(|e| e.sector));
    if rng.gen_bool(0.5) {
        s.sectors_preferred = sorted_sectors(desired.iter().map(|e| e.sector));
    }

    let hours_table = if rng.gen_bool(FEW_HOURS) { HOURS_FEW } else { HOURS };
    let (min, max) = pick_table(&mut rng, hours_table).unwrap_or((0, 40));
    s.hours = HoursRange::new(min, max).unwrap_or_default();

    s.licence = rng.gen_bool(LICENCE);
    s.mobility = mobility(&mut rng, s.licence);

    if rng.gen_bool(DUTCH_RECORDED) {
        s.dutch_level = pick_table(&mut rng, DUTCH);
    }
    if rng.gen_bool(HEALTH_LIMITED) {
        s.max_physical_load =
            Some(if rng.gen_bool(LIGHT_GIVEN_LIMITED) { PhysicalLoad::Light } else { PhysicalLoad::Medium });
    }

    // VCA: half of those who worked on sites, a few others (e.g. from a reintegration
    // course) — assumption. A forklift certificate for half of those with the skill.
    let site_work = past.iter().any(|e| e.occ.vca);
    if rng.gen_bool(if site_work { 0.55 } else { 0.05 }) {
        s.certificates.push("VCA".to_owned());
    }
    if s.skills.iter().any(|k| k == "skill:heftruck_rijden") && rng.gen_bool(0.5) {
        s.certificates.push("heftruck".to_owned());
    }
    s.target_register = rng.gen_bool(TARGET_REGISTER);
    s
}

/// Modes and reach (assumptions): the bike is the Dutch default (85%), transit
/// common (70%), an e-bike for some (12%), the car for three quarters of licence
/// holders. Walking is always usable (SCORING.md 3) and is listed when nothing else is.
fn mobility<R: Rng>(rng: &mut R, licence: bool) -> Mobility {
    let mut modes = ModeSet::EMPTY;
    for (p, mode) in [(0.85, TravelMode::Bike), (0.70, TravelMode::Transit), (0.12, TravelMode::Ebike)] {
        if rng.gen_bool(p) {
            modes = modes.with(mode);
        }
    }
    if licence && rng.gen_bool(0.75) {
        modes = modes.with(TravelMode::Car);
    }
    if modes == ModeSet::EMPTY {
        modes = modes.with(TravelMode::Walk);
    }
    let minutes = pick_table(rng, MAX_MINUTES).unwrap_or(45);
    Mobility::new(minutes, modes).unwrap_or_default()
}

fn sorted_sectors(it: impl Iterator<Item = Nace>) -> Vec<Nace> {
    let mut v: Vec<Nace> = it.collect();
    v.sort_unstable();
    v.dedup();
    v
}
