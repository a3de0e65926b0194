//! [`Matcher`]: the three prepared indexes behind one handle.

use super::batch::KernelStats;
use super::employers::EmployerIndex;
use super::exec::{join, Executor};
use super::index::VacancyIndex;
use super::records::Records;
use super::seekers::SeekerIndex;
use super::{Direction, Match, RankOptions, Ranking};
use crate::error::Result;
use crate::model::{Employer, Jobseeker, Vacancy};
use crate::score::{Explanation, ScoringConfig};

/// Prepared vacancies, seekers and employers for exact, parallel top-k in
/// all three directions. Each query gives exactly what
/// [`reference`](super::reference) gives: the same ids in the same order with
/// bit-identical scores.
///
/// ```
/// use werkmatch_core::rank::{reference, Executor, Matcher, RankOptions};
/// use werkmatch_core::score::ScoringConfig;
/// use werkmatch_core::{GeoPoint, Id, IscoCode, Jobseeker, Nace, Vacancy};
///
/// let at = |lat, lon| GeoPoint::new(lat, lon).unwrap();
/// let seekers = vec![Jobseeker::new(Id::new("S1").unwrap(), at(53.2194, 6.5665))];
/// let mut job = |id: &str, lat| {
///     Vacancy::new(Id::new(id).unwrap(), IscoCode::parse("9112").unwrap(), Nace::parse("N").unwrap(), at(lat, 6.56))
/// };
/// let vacancies = vec![job("V1", 53.21), job("V2", 53.25), job("V3", 54.5)];
/// let cfg = ScoringConfig::default();
///
/// let matcher = Matcher::builder().config(cfg.clone()).vacancies(&vacancies).seekers(&seekers).build().unwrap();
/// let opts = RankOptions::top(10);
/// let (ranked, stats) = matcher.seeker_to_vacancies(&seekers, &opts, Executor::CurrentThread);
/// assert_eq!(ranked, reference::seeker_to_vacancies(&cfg, &seekers, &vacancies, &opts));
/// assert_eq!(ranked[0].matches.len(), 2); // V3 is 140 km away
/// assert!(stats.pairs_considered <= 3);
/// assert_eq!(matcher.top_vacancies_for(&seekers[0], &opts), ranked[0].matches);
/// ```
#[derive(Clone, Debug)]
pub struct Matcher {
    vacancies: VacancyIndex,
    seekers: SeekerIndex,
    employers: EmployerIndex,
}

/// Builds a [`Matcher`]; every population defaults to empty and the
/// configuration to SCORING.md v1.
#[derive(Clone, Debug, Default)]
pub struct MatcherBuilder<'a> {
    cfg: Option<ScoringConfig>,
    vacancies: &'a [Vacancy],
    seekers: &'a [Jobseeker],
    employers: &'a [Employer],
    exec: Executor<'a>,
}

impl<'a> MatcherBuilder<'a> {
    /// Where the three indexes are built (in parallel unless
    /// [`Executor::CurrentThread`]); rayon's current pool by default.
    pub fn executor(mut self, exec: Executor<'a>) -> Self {
        self.exec = exec;
        self
    }

    /// The scoring configuration.
    pub fn config(mut self, cfg: ScoringConfig) -> Self {
        self.cfg = Some(cfg);
        self
    }

    /// The vacancies to rank (for seekers) and to rank seekers for.
    pub fn vacancies(mut self, v: &'a [Vacancy]) -> Self {
        self.vacancies = v;
        self
    }

    /// The seekers to rank for vacancies.
    pub fn seekers(mut self, s: &'a [Jobseeker]) -> Self {
        self.seekers = s;
        self
    }

    /// The employers without a vacancy.
    pub fn employers(mut self, e: &'a [Employer]) -> Self {
        self.employers = e;
        self
    }

    /// Builds the indexes; fails on a duplicate id within a population.
    pub fn build(self) -> Result<Matcher> {
        let cfg = self.cfg.unwrap_or_default();
        let (vacancies, (seekers, employers)) = join(
            self.exec,
            || VacancyIndex::build_with(&cfg, self.vacancies, self.exec),
            || {
                join(
                    self.exec,
                    || SeekerIndex::build_with(&cfg, self.seekers, self.exec),
                    || EmployerIndex::build(&cfg, self.employers),
                )
            },
        );
        // Errors in a fixed order (vacancies, seekers, employers), as when built one by one.
        Ok(Matcher { vacancies: vacancies?, seekers: seekers?, employers: employers? })
    }
}

impl Matcher {
    /// A builder.
    pub fn builder<'a>() -> MatcherBuilder<'a> {
        MatcherBuilder::default()
    }

    /// The vacancy index (for incremental updates, sizes).
    pub fn vacancy_index(&self) -> &VacancyIndex {
        &self.vacancies
    }

    /// The vacancy index, to add or remove vacancies.
    pub fn vacancy_index_mut(&mut self) -> &mut VacancyIndex {
        &mut self.vacancies
    }

    /// The seeker index.
    pub fn seeker_index(&self) -> &SeekerIndex {
        &self.seekers
    }

    /// The seeker index, to add or remove seekers.
    pub fn seeker_index_mut(&mut self) -> &mut SeekerIndex {
        &mut self.seekers
    }

    /// The scoring configuration every index ranks with.
    pub fn config(&self) -> &ScoringConfig {
        self.vacancies.config()
    }

    /// The employer index.
    pub fn employer_index(&self) -> &EmployerIndex {
        &self.employers
    }

    /// The employer index, to add or remove employers.
    pub fn employer_index_mut(&mut self) -> &mut EmployerIndex {
        &mut self.employers
    }

    /// The explanation of a ranked pair by its ids (see [`Records::explain`]),
    /// under the configuration the matcher ranks with.
    pub fn explain(
        &self,
        records: &Records<'_>,
        direction: Direction,
        subject: &str,
        candidate: &str,
    ) -> Option<Explanation> {
        records.explain(self.config(), direction, subject, candidate)
    }

    /// Top-k vacancies for one seeker.
    pub fn top_vacancies_for(&self, seeker: &Jobseeker, opts: &RankOptions) -> Vec<Match> {
        self.vacancies.top_for(seeker, opts)
    }

    /// Top-k seekers for one vacancy.
    pub fn top_seekers_for(&self, vacancy: &Vacancy, opts: &RankOptions) -> Vec<Match> {
        self.seekers.top_for(vacancy, opts)
    }

    /// Top-k employers for one seeker.
    pub fn top_employers_for(&self, seeker: &Jobseeker, opts: &RankOptions) -> Vec<Match> {
        self.employers.top_for(seeker, opts)
    }

    /// Top-k vacancies for each of `seekers`, by ascending seeker id.
    pub fn seeker_to_vacancies(
        &self,
        seekers: &[Jobseeker],
        opts: &RankOptions,
        exec: Executor<'_>,
    ) -> (Vec<Ranking>, KernelStats) {
        self.vacancies.rank_seekers(seekers, opts, exec)
    }

    /// Top-k seekers for each of `vacancies`, by ascending vacancy id.
    pub fn vacancy_to_seekers(
        &self,
        vacancies: &[Vacancy],
        opts: &RankOptions,
        exec: Executor<'_>,
    ) -> (Vec<Ranking>, KernelStats) {
        self.seekers.rank_vacancies(vacancies, opts, exec)
    }

    /// Top-k employers for each of `seekers`, by ascending seeker id.
    pub fn seeker_to_employers(
        &self,
        seekers: &[Jobseeker],
        opts: &RankOptions,
        exec: Executor<'_>,
    ) -> (Vec<Ranking>, KernelStats) {
        self.employers.rank_seekers(seekers, opts, exec)
    }
}
