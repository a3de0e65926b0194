//! How every reader behaves: one set of options for every reader (see [`ReadOptions`]).

use std::fmt;

use werkmatch_core::rank::Executor;
use werkmatch_core::Nace;

use crate::error::{Error, ErrorKind, OnError, Result};
use crate::feed::{ExpectedArea, Progress};
use crate::postcode::PostcodeTable;
use crate::resolve::{OccupationResolver, SkillPhraseNormaliser, TitleNormaliser};

/// The options of every reader: the JSON Lines, CSV export, JSON export,
/// JobPosting and leads readers (and [`crate::input::Inputs`], which picks
/// among them by extension).
///
/// The options are set on a [`ReadOptionsBuilder`] and checked once, by
/// [`ReadOptionsBuilder::build`]; a [`ReadOptions`] is then valid and cannot be
/// changed (its fields are private), so a reader never meets a combination
/// that means nothing. Not every reader uses every option: a format that
/// carries no postcodes needs no postcode table, and so on.
///
/// | option | JSON Lines | CSV / JSON export | JobPosting | leads |
/// |---|---|---|---|---|
/// | [`on_error`](ReadOptionsBuilder::on_error) | ✓ | ✓ | ✓ | ✓ |
/// | [`area`](ReadOptionsBuilder::area) | ✓ | ✓ | ✓ | ✓ |
/// | [`progress`](ReadOptionsBuilder::progress) | ✓ | ✓ | ✓ | ✓ |
/// | [`resolver`](ReadOptionsBuilder::resolver) (ESCO references) | ✓ | ✓ | ✓ | ✓ |
/// | [`postcodes`](ReadOptionsBuilder::postcodes) | – (FORMAT.md has coordinates) | ✓ | ✓ | ✓ |
/// | [`normaliser`](ReadOptionsBuilder::normaliser) (free-text titles) | – (FORMAT.md has codes) | ✓ | ✓ | ✓ |
/// | [`skill_normaliser`](ReadOptionsBuilder::skill_normaliser), [`keep_unmapped_skills`](ReadOptionsBuilder::keep_unmapped_skills) | – (FORMAT.md has skill ids) | ✓ | ✓ | ✓ |
/// | [`default_sector`](ReadOptionsBuilder::default_sector) | – (v1.1: an absent sector is unknown) | – | ✓ (`industry` absent) | – |
/// | [`executor`](ReadOptionsBuilder::executor) (records converted in parallel) | – | – | ✓ | – |
///
/// ```
/// use werkmatch_adapter::{OnError, ReadOptions};
/// let opts = ReadOptions::builder().on_error(OnError::Collect).build().unwrap();
/// assert_eq!(opts.on_error(), OnError::Collect);
/// assert!(opts.resolver().is_none());
/// assert_eq!(ReadOptions::new().on_error(), OnError::Stop);
/// // Keeping unmatched skill phrases means nothing without a skill normaliser.
/// assert!(ReadOptions::builder().keep_unmapped_skills(true).build().is_err());
/// ```
///
/// Made by [`ReadOptions::builder`], or [`ReadOptions::new`] for the
/// defaults. Cheap to copy (it holds references to the reference data, not
/// the data).
#[derive(Clone, Copy, Default)]
#[non_exhaustive]
pub struct ReadOptions<'a> {
    pub(crate) on_error: OnError,
    /// What converting one record reads (shareable between threads).
    pub(crate) record: RecordOptions<'a>,
    pub(crate) progress: Option<&'a dyn Fn(Progress)>,
    pub(crate) executor: Executor<'a>,
}

/// The options that converting one record needs: all but how errors are
/// treated, the progress callback (a `Fn` that need not be `Sync`) and the
/// executor, so that records can be converted on several threads.
#[derive(Clone, Copy, Default)]
pub(crate) struct RecordOptions<'a> {
    pub postcodes: Option<&'a PostcodeTable>,
    pub resolver: Option<&'a dyn OccupationResolver>,
    pub normaliser: Option<&'a dyn TitleNormaliser>,
    pub skill_normaliser: Option<&'a dyn SkillPhraseNormaliser>,
    pub keep_unmapped_skills: bool,
    pub default_sector: Option<Nace>,
    pub area: ExpectedArea,
}

impl<'a> ReadOptions<'a> {
    /// The defaults: stop at the first bad record; no postcode table, taxonomy
    /// or normaliser; locations expected in the Netherlands; no progress reports.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder starting from the defaults.
    pub fn builder() -> ReadOptionsBuilder<'a> {
        ReadOptionsBuilder::new()
    }

    /// A builder starting from these options (to derive options that differ in one setting).
    pub fn to_builder(&self) -> ReadOptionsBuilder<'a> {
        ReadOptionsBuilder { opts: *self }
    }

    /// How bad records are treated.
    pub fn on_error(&self) -> OnError {
        self.on_error
    }

    /// The postcode table, if any.
    pub fn postcodes(&self) -> Option<&'a PostcodeTable> {
        self.record.postcodes
    }

    /// The resolver of ESCO references, if any.
    pub fn resolver(&self) -> Option<&'a dyn OccupationResolver> {
        self.record.resolver
    }

    /// The normaliser of free-text job titles, if any.
    pub fn normaliser(&self) -> Option<&'a dyn TitleNormaliser> {
        self.record.normaliser
    }

    /// The normaliser of free-text skill phrases, if any.
    pub fn skill_normaliser(&self) -> Option<&'a dyn SkillPhraseNormaliser> {
        self.record.skill_normaliser
    }

    /// Whether skill phrases without a confident match are kept as written.
    pub fn keep_unmapped_skills(&self) -> bool {
        self.record.keep_unmapped_skills
    }

    /// The sector of a JobPosting without `industry`, when the caller chose one.
    pub fn default_sector(&self) -> Option<Nace> {
        self.record.default_sector
    }

    /// Where locations are expected.
    pub fn area(&self) -> ExpectedArea {
        self.record.area
    }

    /// Where a reader converts its records (see [`ReadOptionsBuilder::executor`]).
    pub fn executor(&self) -> Executor<'a> {
        self.executor
    }

    /// The part of the options one record's conversion needs (shareable between threads).
    pub(crate) fn record_options(&self) -> RecordOptions<'a> {
        self.record
    }

    /// Tells the progress callback, if any, how far a reader has come.
    pub(crate) fn report(&self, progress: Progress) {
        if let Some(cb) = self.progress {
            cb(progress);
        }
    }
}

impl fmt::Debug for ReadOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadOptions")
            .field("on_error", &self.on_error)
            .field("postcodes", &self.record.postcodes.map(PostcodeTable::len))
            .field("resolver", &self.record.resolver.is_some())
            .field("normaliser", &self.record.normaliser.is_some())
            .field("skill_normaliser", &self.record.skill_normaliser.is_some())
            .field("keep_unmapped_skills", &self.record.keep_unmapped_skills)
            .field("default_sector", &self.record.default_sector)
            .field("area", &self.record.area)
            .field("progress", &self.progress.is_some())
            .field("executor", &self.executor)
            .finish()
    }
}

/// Sets the [`ReadOptions`]; [`build`](ReadOptionsBuilder::build) checks them.
///
/// The setters take and return `&mut Self`, so a builder can be set in one
/// chain or step by step (`if let Some(t) = table { b.postcodes(t); }`).
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptionsBuilder<'a> {
    opts: ReadOptions<'a>,
}

impl<'a> ReadOptionsBuilder<'a> {
    /// The defaults (see [`ReadOptions::new`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// Stop at the first bad record (the default) or collect every bad record.
    pub fn on_error(&mut self, on_error: OnError) -> &mut Self {
        self.opts.on_error = on_error;
        self
    }

    /// Turns postcodes into locations; a feed that carries postcodes needs one.
    pub fn postcodes(&mut self, table: &'a PostcodeTable) -> &mut Self {
        self.opts.record.postcodes = Some(table);
        self
    }

    /// Resolves ESCO occupation URIs and codes to ISCO (and skills); without
    /// one, an ESCO reference is an error.
    pub fn resolver(&mut self, resolver: &'a dyn OccupationResolver) -> &mut Self {
        self.opts.record.resolver = Some(resolver);
        self
    }

    /// Turns a free-text job title into an occupation when no code is given.
    pub fn normaliser(&mut self, normaliser: &'a dyn TitleNormaliser) -> &mut Self {
        self.opts.record.normaliser = Some(normaliser);
        self
    }

    /// Turns free-text skill phrases into skill ids when a record is accepted
    /// (see [`crate::normalise_skills`]); unmapped ones become warnings with
    /// line, field and candidates.
    pub fn skill_normaliser(&mut self, normaliser: &'a dyn SkillPhraseNormaliser) -> &mut Self {
        self.opts.record.skill_normaliser = Some(normaliser);
        self
    }

    /// Keeps a skill phrase without a confident match as written (it is still
    /// reported). Needs a [`skill_normaliser`](Self::skill_normaliser).
    pub fn keep_unmapped_skills(&mut self, keep: bool) -> &mut Self {
        self.opts.record.keep_unmapped_skills = keep;
        self
    }

    /// The sector of a JobPosting without `industry`. Without one such a
    /// vacancy has no sector (FORMAT.md v1.1: unknown, scored 0.5), never a guess.
    pub fn default_sector(&mut self, sector: Nace) -> &mut Self {
        self.opts.record.default_sector = Some(sector);
        self
    }

    /// Where locations are expected (see [`ExpectedArea`]); one outside is a
    /// warning. Default: the Netherlands.
    pub fn area(&mut self, area: ExpectedArea) -> &mut Self {
        self.opts.record.area = area;
        self
    }

    /// Calls `callback` every [`PROGRESS_EVERY`](crate::feed::PROGRESS_EVERY)
    /// records and once at the end. A `Fn`, so the options stay shareable; a
    /// callback that keeps state keeps it in a `Cell` (or a progress bar, whose
    /// methods take `&self`).
    pub fn progress(&mut self, callback: &'a dyn Fn(Progress)) -> &mut Self {
        self.opts.progress = Some(callback);
        self
    }

    /// Where the JobPosting reader converts its postings.
    ///
    /// [`Executor::Global`] (the default, as everywhere in werkmatch) or
    /// [`Executor::Pool`]: the reader cuts the input into chunks of
    /// postings, converts the postings of a chunk (JSON, text extraction,
    /// title and skill normalisation) on rayon's current pool or the
    /// caller's, and then takes their outcomes in input order.
    /// [`Executor::CurrentThread`]: one posting at a time on the calling
    /// thread, as the input streams (the plain path the chunked one is
    /// checked against). The outcome (records, rejections, warnings,
    /// counts, progress reports) is the same either way and for any number
    /// of threads, as long as the normalisers answer a text the same whenever
    /// asked (werkmatch's own do; their memos only cache); only the time differs, and a chunk's text is in memory at
    /// once instead of one posting's.
    pub fn executor(&mut self, executor: Executor<'a>) -> &mut Self {
        self.opts.executor = executor;
        self
    }

    /// The options, or an [`ErrorKind::Config`] error naming the setting that
    /// means nothing as set.
    pub fn build(&self) -> Result<ReadOptions<'a>> {
        let o = self.opts;
        if o.record.keep_unmapped_skills && o.record.skill_normaliser.is_none() {
            return Err(Error::new(
                ErrorKind::Config,
                "keep_unmapped_skills needs a skill normaliser: without one no skill phrase is matched, so none is kept or dropped",
            ));
        }
        Ok(o)
    }
}
