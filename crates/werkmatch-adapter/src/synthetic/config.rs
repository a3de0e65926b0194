//! What to generate: counts, seed and region, validated when built.

use crate::error::{Error, ErrorKind, Result};

/// The most records of one kind a configuration accepts.
///
/// A guard against a typo such as `--seekers 40000000000` eating the memory
/// of a shared machine; ten million is 25 times the national caseload.
pub const MAX_RECORDS: usize = 10_000_000;

/// Where the generated people and workplaces are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// The labour-market region Groningen and Noord-Drenthe, with most seekers in
    /// the municipality of Groningen (POPULATION.md, geography).
    #[default]
    Groningen,
    /// The Netherlands, in proportion to where people live.
    Netherlands,
}

impl Region {
    /// The lowercase name used on command lines (`groningen`, `national`).
    pub fn name(self) -> &'static str {
        match self {
            Region::Groningen => "groningen",
            Region::Netherlands => "national",
        }
    }

    /// Parses `groningen` or `national` (also `netherlands`, `nl`).
    pub fn parse(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "groningen" => Ok(Region::Groningen),
            "national" | "netherlands" | "nl" => Ok(Region::Netherlands),
            _ => Err(Error::new(ErrorKind::Config, "expected `groningen` or `national`")
                .with_field("region")
                .with_value(s)),
        }
    }
}

/// A validated generator configuration. Build one with [`GeneratorConfig::builder`]
/// or start from a preset ([`GeneratorConfig::groningen`], [`GeneratorConfig::national`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratorConfig {
    seekers: usize,
    vacancies: usize,
    employers: usize,
    seed: u64,
    region: Region,
}

impl GeneratorConfig {
    /// A builder with the Groningen preset's counts and seed 0.
    pub fn builder() -> GeneratorConfigBuilder {
        GeneratorConfigBuilder::from_config(&GeneratorConfig::groningen(0))
    }

    /// The municipality of Groningen in its labour-market region: 10,356 seekers
    /// (people on assistance on 1 October 2019, POPULATION.md), 20,000 vacancies
    /// and 5,000 employers without a vacancy (both assumptions: the region reports
    /// "tens of thousands" of open vacancies; the employer count is a planning size).
    pub fn groningen(seed: u64) -> Self {
        GeneratorConfig { seekers: 10_356, vacancies: 20_000, employers: 5_000, seed, region: Region::Groningen }
    }

    /// The Netherlands: 400,000 seekers (about the national caseload, POPULATION.md),
    /// 250,000 vacancies ("several hundred thousand open vacancies") and 60,000
    /// employers without a vacancy (assumption, a planning size).
    pub fn national(seed: u64) -> Self {
        GeneratorConfig { seekers: 400_000, vacancies: 250_000, employers: 60_000, seed, region: Region::Netherlands }
    }

    /// A builder that starts from this configuration.
    pub fn to_builder(&self) -> GeneratorConfigBuilder {
        GeneratorConfigBuilder::from_config(self)
    }

    /// Number of jobseekers.
    pub fn seekers(&self) -> usize {
        self.seekers
    }

    /// Number of vacancies.
    pub fn vacancies(&self) -> usize {
        self.vacancies
    }

    /// Number of employers without a vacancy.
    pub fn employers(&self) -> usize {
        self.employers
    }

    /// The seed: the same seed and counts give the same population on every platform.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The region.
    pub fn region(&self) -> Region {
        self.region
    }
}

/// Builds a [`GeneratorConfig`]; [`GeneratorConfigBuilder::build`] validates it.
#[derive(Clone, Debug)]
pub struct GeneratorConfigBuilder {
    seekers: usize,
    vacancies: usize,
    employers: usize,
    seed: u64,
    region: Region,
}

impl GeneratorConfigBuilder {
    fn from_config(c: &GeneratorConfig) -> Self {
        GeneratorConfigBuilder {
            seekers: c.seekers,
            vacancies: c.vacancies,
            employers: c.employers,
            seed: c.seed,
            region: c.region,
        }
    }

    /// Number of jobseekers (0 to [`MAX_RECORDS`]).
    pub fn seekers(mut self, n: usize) -> Self {
        self.seekers = n;
        self
    }

    /// Number of vacancies (0 to [`MAX_RECORDS`]).
    pub fn vacancies(mut self, n: usize) -> Self {
        self.vacancies = n;
        self
    }

    /// Number of employers without a vacancy (0 to [`MAX_RECORDS`]).
    pub fn employers(mut self, n: usize) -> Self {
        self.employers = n;
        self
    }

    /// The seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The region.
    pub fn region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// Validates the counts and returns the configuration.
    pub fn build(self) -> Result<GeneratorConfig> {
        for (field, n) in [("seekers", self.seekers), ("vacancies", self.vacancies), ("employers", self.employers)] {
            if n > MAX_RECORDS {
                return Err(Error::new(ErrorKind::Config, format!("at most {MAX_RECORDS} records of one kind"))
                    .with_field(field)
                    .with_value(n.to_string()));
            }
        }
        Ok(GeneratorConfig {
            seekers: self.seekers,
            vacancies: self.vacancies,
            employers: self.employers,
            seed: self.seed,
            region: self.region,
        })
    }
}
