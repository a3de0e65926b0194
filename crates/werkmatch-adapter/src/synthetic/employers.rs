//! Employers: those without a vacancy (`employers.jsonl`, the jobhunters'
//! hidden jobs) and the pool of employers that the vacancies belong to.

use rand::Rng;
use werkmatch_core::{Employer, GeoPoint, Id, Nace};

use super::rng::{record_rng, Stream, Weighted};
use super::vocab::Vocabulary;
use super::Context;

/// Generates employer-without-vacancy `index`: a sector drawn like a vacancy's,
/// 1–4 occupations that occur in that sector, a workplace.
pub(crate) fn employer(ctx: &Context, index: usize) -> Option<Employer> {
    let mut rng = record_rng(ctx.seed, Stream::Employer, index);
    let first = ctx.vocab.for_vacancy(&mut rng)?;
    let sector = Vocabulary::sector_of(first, &mut rng);
    let candidates = ctx.vocab.in_sector(sector);
    let weights = Weighted::new(candidates.iter().map(|&i| ctx.vocab.get(i).map_or(0, |e| u64::from(e.occ.demand))));
    let mut occupations = vec![first.code];
    let mut training = first.occ.training;
    let n = rng.gen_range(1..=4usize);
    for _ in 1..n {
        if weights.is_empty() {
            break;
        }
        let Some(e) = candidates.get(weights.pick(&mut rng)).and_then(|&i| ctx.vocab.get(i)) else { break };
        if !occupations.contains(&e.code) {
            occupations.push(e.code);
            training |= e.occ.training;
        }
    }
    occupations.sort_unstable();
    let location = ctx.geo.workplace(&mut rng);
    let mut emp = Employer::new(ctx.id('E', ctx.employer_width, index), location, sector, occupations).ok()?;
    // A recognised learning company: 25% where there are praktijkleren jobs, 8% elsewhere;
    // open to the target group: 15% (assumptions).
    emp.offers_training = rng.gen_bool(if training { 0.25 } else { 0.08 });
    emp.open_to_target_group = rng.gen_bool(0.15);
    Some(emp)
}

/// An employer behind the vacancies: an id and a site.
#[derive(Clone, Debug)]
pub(crate) struct Site {
    pub id: Id,
    pub location: GeoPoint,
}

/// The employers that have the vacancies, grouped by sector.
///
/// They are not written to `employers.jsonl`, which holds employers *without* a
/// vacancy (FORMAT.md); their ids continue the numbering after those, so every
/// employer id is unique across both. About four vacancies per employer
/// (assumption), so vacancies cluster at shared sites as in reality.
#[derive(Clone, Debug, Default)]
pub(crate) struct Pool {
    by_sector: Vec<Vec<Site>>,
}

/// Vacancies per employer with vacancies (assumption).
pub(crate) const VACANCIES_PER_EMPLOYER: usize = 4;

impl Pool {
    /// Builds `n` sites; site `k` gets id number `first_number + k`.
    pub(crate) fn new(ctx: &Context, n: usize, first_number: usize) -> Pool {
        let mut by_sector: Vec<Vec<Site>> = vec![Vec::new(); Nace::all().count()];
        for k in 0..n {
            let mut rng = record_rng(ctx.seed, Stream::VacancyEmployer, k);
            let Some(entry) = ctx.vocab.for_vacancy(&mut rng) else { continue };
            let sector = Vocabulary::sector_of(entry, &mut rng);
            let site =
                Site { id: ctx.id('E', ctx.employer_width, first_number + k), location: ctx.geo.workplace(&mut rng) };
            if let Some(list) = by_sector.get_mut(usize::from(sector.index())) {
                list.push(site);
            }
        }
        Pool { by_sector }
    }

    /// A random employer of `sector`, if the pool has one.
    pub(crate) fn pick<R: Rng>(&self, rng: &mut R, sector: Nace) -> Option<&Site> {
        let list = self.by_sector.get(usize::from(sector.index()))?;
        if list.is_empty() {
            return None;
        }
        list.get(rng.gen_range(0..list.len()))
    }
}
