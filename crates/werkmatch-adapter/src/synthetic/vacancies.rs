//! One synthetic vacancy, placed at one of the employers behind the vacancies.

use std::num::NonZeroU16;

use rand::Rng;
use werkmatch_core::{Cefr, HoursRange, PhysicalLoad, TimeOfDay, Vacancy};

use super::occupations::{Load, GENERIC_SKILLS};
use super::rng::{choose_distinct, pick_table, record_rng, Stream};
use super::vocab::Vocabulary;
use super::Context;

/// Hours offered in mostly part-time occupations (care, retail, hospitality,
/// cleaning) and in the others (assumption; `12–40` is a flexible contract with a
/// minimum of 12 hours). Regular vacancies offer at least 12 hours a week (assumption).
const HOURS_PART_TIME: &[(u32, (u8, u8))] =
    &[(25, (12, 24)), (25, (16, 32)), (25, (24, 32)), (15, (20, 36)), (10, (32, 40))];
const HOURS_FULL_TIME: &[(u32, (u8, u8))] =
    &[(40, (32, 40)), (25, (36, 40)), (15, (38, 40)), (10, (24, 40)), (10, (12, 40))];

/// Early shifts: a third of the vacancies in shift occupations (production,
/// logistics, cleaning, care, bakery, construction) start between 05:00 and 07:00,
/// which is about 15% of all vacancies (assumption; the documented obstacle is an
/// early start in Assen before public transport runs). A quarter of the other
/// vacancies state an ordinary start between 07:30 and 09:00.
const EARLY_SHARE: f64 = 0.33;
const EARLY_STARTS: &[(u32, u16)] = &[(15, 300), (20, 330), (25, 360), (25, 390), (15, 420)];
const NORMAL_STARTS: &[(u32, u16)] = &[(30, 450), (40, 480), (20, 510), (10, 540)];

/// Generates vacancy `index`.
pub(crate) fn vacancy(ctx: &Context, index: usize) -> Option<Vacancy> {
    let mut rng = record_rng(ctx.seed, Stream::Vacancy, index);
    let entry = ctx.vocab.for_vacancy(&mut rng)?;
    let occ = entry.occ;
    let sector = Vocabulary::sector_of(entry, &mut rng);

    // At an employer of the same sector when there is one, at its site; otherwise
    // at a workplace of its own.
    let employer = ctx.pool.pick(&mut rng, sector);
    let location = match employer {
        Some(e) => e.location,
        None => ctx.geo.workplace(&mut rng),
    };
    let mut v = Vacancy::new(ctx.id('V', ctx.vacancy_width, index), entry.code, sector, location);
    v.employer = employer.map(|e| e.id.clone());
    v.title = Some(occ.title.to_owned());

    // Remote: 15% of the ICT and administrative vacancies that can be remote (assumption).
    if occ.remote && rng.gen_bool(0.15) {
        v.workplace = v.workplace.remote();
    }

    // 3–6 essential and 2–5 optional skills from the occupation, sometimes a generic one.
    let n_ess = rng.gen_range(3..=6usize);
    let picked = choose_distinct(&mut rng, occ.skills, occ.skills.len());
    let (ess, rest) = picked.split_at(n_ess.min(picked.len()));
    v.skills_essential = ess.iter().map(|s| (**s).to_owned()).collect();
    let n_opt = rng.gen_range(2..=5usize);
    v.skills_optional = rest.iter().take(n_opt).map(|s| (**s).to_owned()).collect();
    // Top up with generic skills when the occupation has few left, and sometimes anyway.
    let n_generic = n_opt.saturating_sub(v.skills_optional.len()).min(2) + usize::from(rng.gen_bool(0.3));
    for g in choose_distinct(&mut rng, GENERIC_SKILLS, n_generic) {
        v.skills_optional.push((*g).to_owned());
    }
    v.skills_essential.sort_unstable();
    v.skills_optional.sort_unstable();
    v.skills_optional.dedup();

    let table = if occ.part_time { HOURS_PART_TIME } else { HOURS_FULL_TIME };
    let (min, max) = pick_table(&mut rng, table).unwrap_or((0, 40));
    v.hours = HoursRange::new(min, max).unwrap_or_default();

    let start = if occ.early && rng.gen_bool(EARLY_SHARE) {
        pick_table(&mut rng, EARLY_STARTS)
    } else if rng.gen_bool(0.25) {
        pick_table(&mut rng, NORMAL_STARTS)
    } else {
        None
    };
    v.earliest_start = start.and_then(|m| TimeOfDay::from_minutes(m).ok());

    // Licence: driving jobs always, service technicians often (per occupation), 3% of others.
    v.requires_licence = rng.gen_range(0..100u8) < occ.licence_pct || rng.gen_bool(0.03);

    // Dutch: the occupation's level for customer-contact, care and education jobs;
    // a quarter of the others ask for basic Dutch (A2), e.g. for safety instructions (assumption).
    v.min_dutch_level = occ.dutch.or_else(|| rng.gen_bool(0.25).then_some(Cefr::A2));

    // Physical load: the occupation's, one step lighter for a fifth (assumption).
    let lighter = rng.gen_bool(0.2);
    v.physical_load = match (occ.load, lighter) {
        (Load::Heavy, false) => Some(PhysicalLoad::Heavy),
        (Load::Heavy, true) | (Load::Medium, false) => Some(PhysicalLoad::Medium),
        _ => None, // light is the FORMAT.md default
    };

    // VCA for 70% of site work; a forklift certificate for 40% of jobs that need the skill.
    if occ.vca && rng.gen_bool(0.7) {
        v.certificates.push("VCA".to_owned());
    }
    if v.skills_essential.iter().any(|s| s == "skill:heftruck_rijden") && rng.gen_bool(0.4) {
        v.certificates.push("heftruck".to_owned());
    }

    // Learning on the job: 40% of the praktijkleren occupations, 4% of others (assumption).
    v.offers_training = rng.gen_bool(if occ.training { 0.40 } else { 0.04 });
    // Reserved for the target group (banenafspraak): 3% (assumption).
    v.reserved_for_target_group = rng.gen_bool(0.03);

    // Positions: mostly one; some multi-position jobs in production and logistics.
    let positions: u16 = match rng.gen_range(0..100u8) {
        0..=84 => 1,
        85..=94 => rng.gen_range(2..=3),
        _ => rng.gen_range(4..=10),
    };
    v.positions = NonZeroU16::new(positions).unwrap_or(NonZeroU16::MIN);
    Some(v)
}
