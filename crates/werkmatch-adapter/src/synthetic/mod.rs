//! A seeded, deterministic generator of synthetic populations: jobseekers,
//! vacancies and employers without a vacancy that look like the real ones
//! (POPULATION.md), for tests, examples and benchmarks. No real personal data
//! is used or needed.
//!
//! ```
//! use werkmatch_adapter::synthetic::{generate, GeneratorConfig, Region};
//!
//! let config = GeneratorConfig::builder()
//!     .seekers(100)
//!     .vacancies(200)
//!     .employers(50)
//!     .seed(42)
//!     .region(Region::Groningen)
//!     .build()?;
//! let population = generate(&config);
//! assert_eq!(population.seekers.len(), 100);
//! assert_eq!(population.seekers[17].id.as_str(), "S000017");
//! assert_eq!(population, generate(&config)); // same seed, same population
//! # Ok::<(), werkmatch_adapter::Error>(())
//! ```
//!
//! **Determinism.** Each record is drawn from its own ChaCha8 stream selected by
//! (seed, kind, index), so a population depends only on the configuration — not
//! on the number of threads (records are generated in parallel) nor on the
//! platform (ChaCha8 is specified bit for bit and the geometry uses only IEEE
//! arithmetic). Growing a count keeps the earlier records of that kind, except
//! that vacancies may move to other employers because the employer pool grows
//! with the vacancy count.
//!
//! **Calibration.** Every figure is documented next to the table that uses it,
//! with its source (POPULATION.md) or marked as an assumption: places and
//! weights in `places`, occupations and skills in `occupations`, seekers in
//! `seekers`, vacancies in `vacancies`, employers in `employers`.
//!
//! **Ids** are zero-padded (`S000017`, `V000412`, `E00042`) so that byte order is
//! numeric order. Vacancies name their employer; those employers have vacancies
//! and are therefore not among the employers *without* a vacancy, whose ids they
//! continue.
//!
//! **Protected attributes** (age, gender, migration background, time on assistance) are only in the separate
//! audit table of [`generate_audit`], never in a scored record.

mod audit;
mod config;
mod employers;
mod occupations;
mod places;
mod rng;
mod seekers;
mod vacancies;
mod vocab;

use rayon::prelude::*;
use werkmatch_core::{Employer, Id, Jobseeker, Vacancy};

pub use audit::{generate_audit, AuditRecord};
pub use config::{GeneratorConfig, GeneratorConfigBuilder, Region, MAX_RECORDS};

use employers::{Pool, VACANCIES_PER_EMPLOYER};
use places::Geography;
use vocab::Vocabulary;

/// A generated population.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Population {
    /// Jobseekers, in id order.
    pub seekers: Vec<Jobseeker>,
    /// Vacancies, in id order.
    pub vacancies: Vec<Vacancy>,
    /// Employers without a vacancy, in id order.
    pub employers: Vec<Employer>,
}

/// Generates the population of `config`: the same configuration always gives the same population.
pub fn generate(config: &GeneratorConfig) -> Population {
    let mut ctx = Context::ids_only(config);
    let pool_size = config.vacancies().div_ceil(VACANCIES_PER_EMPLOYER);
    ctx.pool = Pool::new(&ctx, pool_size, config.employers());
    let ctx = &ctx;
    // Collecting an indexed parallel iterator keeps index order, whatever the thread count.
    let seekers = (0..config.seekers()).into_par_iter().map(|i| seekers::seeker(ctx, i)).collect();
    // The generators below return `None` only if the static tables were empty,
    // which the unit tests rule out; `flatten` then keeps the rest in order.
    let vacancies: Vec<Vacancy> =
        (0..config.vacancies()).into_par_iter().map(|i| vacancies::vacancy(ctx, i)).flatten().collect();
    let employers: Vec<Employer> =
        (0..config.employers()).into_par_iter().map(|i| employers::employer(ctx, i)).flatten().collect();
    Population { seekers, vacancies, employers }
}

/// What every record generator shares.
#[derive(Debug)]
pub(crate) struct Context {
    seed: u64,
    geo: Geography,
    vocab: Vocabulary,
    pool: Pool,
    seeker_width: usize,
    vacancy_width: usize,
    employer_width: usize,
}

impl Context {
    /// Everything except the employer pool.
    fn ids_only(config: &GeneratorConfig) -> Self {
        let employer_ids = config.employers() + config.vacancies().div_ceil(VACANCIES_PER_EMPLOYER);
        Context {
            seed: config.seed(),
            geo: Geography::new(config.region()),
            vocab: Vocabulary::new(),
            pool: Pool::default(),
            seeker_width: width(config.seekers(), 6),
            vacancy_width: width(config.vacancies(), 6),
            employer_width: width(employer_ids, 5),
        }
    }

    /// `prefix` and `n` zero-padded to `width` digits: byte order is numeric order.
    fn id(&self, prefix: char, width: usize, n: usize) -> Id {
        // At most 1 + 8 ASCII characters (counts are capped by MAX_RECORDS): always a valid id.
        Id::new(format!("{prefix}{n:0width$}")).unwrap_or_else(|_| unreachable!("ids are 2 to 9 characters"))
    }
}

/// Digits needed for numbers below `count`, at least `min`.
fn width(count: usize, min: usize) -> usize {
    let mut digits = 1;
    let mut limit = 10usize;
    while count > limit {
        digits += 1;
        limit = limit.saturating_mul(10);
    }
    digits.max(min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_cover_the_largest_index() {
        assert_eq!(width(10, 1), 1); // 0..=9
        assert_eq!(width(11, 1), 2);
        assert_eq!(width(1_000_000, 6), 6);
        assert_eq!(width(1_000_001, 6), 7);
        assert_eq!(width(MAX_RECORDS, 6), 7);
    }
}
