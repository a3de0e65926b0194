//! [`LiveIndex`]: a [`Matcher`] that many readers query while one writer
//! applies batches of changes.
//!
//! # Model
//! - Readers take a [`Snapshot`] ([`LiveIndex::snapshot`]): an
//!   `Arc`, `Send + Sync`, as cheap to clone as a pointer. A snapshot never
//!   changes; every answer it gives carries its [`version`](Snapshot::version).
//! - The writer applies a batch of [`Change`]s ([`LiveIndex::apply`]); the
//!   batch is checked whole first (a removal of an id that is not there, a
//!   record the kernel refuses), so it is applied entirely or not at all, and
//!   it becomes visible to readers in one atomic pointer swap (`arc-swap`, as
//!   tantivy swaps its searcher). Versions grow by one per batch and never go
//!   backwards. Writers are serialised by a mutex; readers never wait.
//!
//! # Costs: two copies, each updated in place
//! The kernel's indexes are updated in place (`add`, `remove`, `upsert`; see
//! [`VacancyIndex`](super::VacancyIndex) for their costs: about the record's
//! group, plus a move of the id order), but a published snapshot must not
//! change. So the live index keeps two snapshots, the published one and the
//! one before it (the *spare*, copied once at build time), and updates the
//! spare in place: it replays the batch the spare missed, then the new
//! batch, and publishes it; the snapshot it replaces becomes the next spare.
//! A change is therefore applied twice, each time at the kernel's cost —
//! never a rebuild (nationally, 400,000 seekers and 250,000 vacancies: a
//! vacancy upsert 0.03 ms at the median, a seeker upsert 0.05 ms, a removal
//! 0.002 ms; `bench --live`). [`LiveIndex::apply_all`] publishes several
//! batches at once (a service's group commit), so the replay is paid once
//! per publish, not once per batch.
//!
//! Before it updates the spare the writer waits (sleeping, at most
//! [`SPARE_WAIT`]) for the readers still holding it to let go; readers hold a
//! snapshot for one query. If one holds on longer, the spare is copied
//! (`Arc::make_mut`: copy-on-write of the whole snapshot, `O(n)`) and the
//! holder keeps its own. Memory: two indexes and two id maps; the records
//! themselves are shared (`Arc`) between the copies.
//!
//! # Compaction
//! The kernel compacts an index by itself when a removal leaves more dead
//! slots than live ones (`O(n log n)`, `O(1)` amortised per removal), so the
//! writer's cost stays bounded without help. [`LiveIndex::compact`] compacts
//! both copies at a quiet moment (a service that removes in bulk); it does not
//! change the population, so it keeps the version.
//!
//! Every query gives exactly what [`reference`](super::reference) gives on the
//! population of its snapshot ([`Snapshot::seekers`], ...).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;

use super::exec::Executor;
use super::matcher::Matcher;
use super::{Match, RankOptions};
use crate::error::Error;
use crate::model::{Employer, Id, Jobseeker, Vacancy};
use crate::score::ScoringConfig;

/// How long the writer waits by default for readers to let go of the spare
/// snapshot before it copies it instead ([`LiveIndex::with_spare_wait`]).
pub const SPARE_WAIT: Duration = Duration::from_secs(2);

/// One change in a batch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Change {
    /// Adds the seeker, or replaces the one with its id.
    UpsertSeeker(Jobseeker),
    /// Removes the seeker with this id (which must be there).
    RemoveSeeker(Id),
    /// Adds the vacancy, or replaces the one with its id.
    UpsertVacancy(Vacancy),
    /// Removes the vacancy with this id (which must be there).
    RemoveVacancy(Id),
    /// Adds the employer, or replaces the one with its id.
    UpsertEmployer(Employer),
    /// Removes the employer with this id (which must be there).
    RemoveEmployer(Id),
}

/// The three kinds of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RecordKind {
    /// A jobseeker.
    Seeker,
    /// A vacancy.
    Vacancy,
    /// An employer without a vacancy.
    Employer,
}

impl RecordKind {
    /// Its name in messages: `seeker`, `vacancy`, `employer`.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Seeker => "seeker",
            RecordKind::Vacancy => "vacancy",
            RecordKind::Employer => "employer",
        }
    }
}

/// Why a batch was refused (nothing of it was applied).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LiveError {
    /// Change number `change` (0-based) removes a record that is not there
    /// (at that point of the batch).
    UnknownId {
        /// The change's position in the batch.
        change: usize,
        /// The kind of record.
        kind: RecordKind,
        /// The id.
        id: Id,
    },
    /// The kernel refused the batch.
    Kernel(Error),
}

impl fmt::Display for LiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LiveError::UnknownId { change, kind, id } => {
                write!(f, "change {}: no {} with id {:?}", change + 1, kind.name(), id.as_str())
            }
            LiveError::Kernel(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LiveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LiveError::Kernel(e) => Some(e),
            LiveError::UnknownId { .. } => None,
        }
    }
}

/// A ranked answer and the version of the data it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The snapshot's version.
    pub version: u64,
    /// Best first.
    pub matches: Vec<Match>,
}

/// One immutable state of the data: the population and its indexes.
#[derive(Clone, Debug)]
pub struct Snapshot {
    version: u64,
    matcher: Matcher,
    seekers: BTreeMap<Id, Arc<Jobseeker>>,
    vacancies: BTreeMap<Id, Arc<Vacancy>>,
    employers: BTreeMap<Id, Arc<Employer>>,
}

impl Snapshot {
    /// The data version: the number of batches applied since the start.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The scoring configuration.
    pub fn config(&self) -> &ScoringConfig {
        self.matcher.config()
    }

    /// The indexes, for batch queries.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The seeker with this id.
    pub fn seeker(&self, id: &str) -> Option<&Jobseeker> {
        self.seekers.get(id).map(|s| &**s)
    }

    /// The vacancy with this id.
    pub fn vacancy(&self, id: &str) -> Option<&Vacancy> {
        self.vacancies.get(id).map(|v| &**v)
    }

    /// The employer with this id.
    pub fn employer(&self, id: &str) -> Option<&Employer> {
        self.employers.get(id).map(|e| &**e)
    }

    /// Every seeker, by ascending id.
    pub fn seekers(&self) -> impl ExactSizeIterator<Item = &Jobseeker> + '_ {
        self.seekers.values().map(|s| &**s)
    }

    /// Every vacancy, by ascending id.
    pub fn vacancies(&self) -> impl ExactSizeIterator<Item = &Vacancy> + '_ {
        self.vacancies.values().map(|v| &**v)
    }

    /// Every employer, by ascending id.
    pub fn employers(&self) -> impl ExactSizeIterator<Item = &Employer> + '_ {
        self.employers.values().map(|e| &**e)
    }

    fn answer(&self, matches: Vec<Match>) -> Answer {
        Answer { version: self.version, matches }
    }

    /// Top-k vacancies for a seeker that need not be stored.
    pub fn top_vacancies_for(&self, seeker: &Jobseeker, opts: &RankOptions) -> Answer {
        self.answer(self.matcher.top_vacancies_for(seeker, opts))
    }

    /// Top-k employers for a seeker that need not be stored.
    pub fn top_employers_for(&self, seeker: &Jobseeker, opts: &RankOptions) -> Answer {
        self.answer(self.matcher.top_employers_for(seeker, opts))
    }

    /// Top-k seekers for a vacancy that need not be stored.
    pub fn top_seekers_for(&self, vacancy: &Vacancy, opts: &RankOptions) -> Answer {
        self.answer(self.matcher.top_seekers_for(vacancy, opts))
    }

    /// Top-k vacancies for the stored seeker `id`; `None` if there is none.
    pub fn top_vacancies(&self, id: &str, opts: &RankOptions) -> Option<Answer> {
        self.seeker(id).map(|s| self.top_vacancies_for(s, opts))
    }

    /// Top-k employers for the stored seeker `id`; `None` if there is none.
    pub fn top_employers(&self, id: &str, opts: &RankOptions) -> Option<Answer> {
        self.seeker(id).map(|s| self.top_employers_for(s, opts))
    }

    /// Top-k seekers for the stored vacancy `id`; `None` if there is none.
    pub fn top_seekers(&self, id: &str, opts: &RankOptions) -> Option<Answer> {
        self.vacancy(id).map(|v| self.top_seekers_for(v, opts))
    }

    /// Applies a checked batch in place. Fails only on a kernel refusal the
    /// check did not foresee; the snapshot is then unusable.
    fn apply(&mut self, net: &Net, version: u64) -> Result<(), Error> {
        let m = &mut self.matcher;
        for id in &net.seekers.remove {
            m.seeker_index_mut().remove(id.as_str());
            self.seekers.remove(id);
        }
        for id in &net.vacancies.remove {
            m.vacancy_index_mut().remove(id.as_str());
            self.vacancies.remove(id);
        }
        for id in &net.employers.remove {
            m.employer_index_mut().remove(id.as_str());
            self.employers.remove(id);
        }
        let seekers: Vec<Jobseeker> = net.seekers.upsert.iter().map(|s| (**s).clone()).collect();
        let vacancies: Vec<Vacancy> = net.vacancies.upsert.iter().map(|v| (**v).clone()).collect();
        let employers: Vec<Employer> = net.employers.upsert.iter().map(|e| (**e).clone()).collect();
        m.seeker_index_mut().upsert(&seekers)?;
        m.vacancy_index_mut().upsert(&vacancies)?;
        m.employer_index_mut().upsert(&employers)?;
        for s in &net.seekers.upsert {
            self.seekers.insert(s.id.clone(), Arc::clone(s));
        }
        for v in &net.vacancies.upsert {
            self.vacancies.insert(v.id.clone(), Arc::clone(v));
        }
        for e in &net.employers.upsert {
            self.employers.insert(e.id.clone(), Arc::clone(e));
        }
        self.version = version;
        Ok(())
    }

    fn contains(&self, kind: RecordKind, id: &Id) -> bool {
        match kind {
            RecordKind::Seeker => self.seekers.contains_key(id),
            RecordKind::Vacancy => self.vacancies.contains_key(id),
            RecordKind::Employer => self.employers.contains_key(id),
        }
    }
}

/// A batch's net effect on one kind: the ids to remove (all present) and the
/// records to upsert (ids unique), by ascending id, so that the kernel's
/// bulk operations apply it and the result does not depend on change order
/// beyond "the last change of an id wins".
#[derive(Debug)]
struct NetKind<T> {
    remove: Vec<Id>,
    upsert: Vec<Arc<T>>,
}

impl<T> Default for NetKind<T> {
    fn default() -> Self {
        NetKind { remove: Vec::new(), upsert: Vec::new() }
    }
}

#[derive(Debug, Default)]
struct Net {
    seekers: NetKind<Jobseeker>,
    vacancies: NetKind<Vacancy>,
    employers: NetKind<Employer>,
    /// Compact the indexes after the changes.
    compact: bool,
}

/// The last change of each id, in id order: `Some(record)` or `None` (removed).
type Last<T> = BTreeMap<Id, Option<Arc<T>>>;

impl Net {
    /// Checks `changes` against `base` and reduces them to their net effect.
    fn of(base: &Snapshot, changes: Vec<Change>) -> Result<Net, LiveError> {
        let mut seekers: Last<Jobseeker> = BTreeMap::new();
        let mut vacancies: Last<Vacancy> = BTreeMap::new();
        let mut employers: Last<Employer> = BTreeMap::new();
        for (i, change) in changes.into_iter().enumerate() {
            match change {
                Change::UpsertSeeker(s) => _ = seekers.insert(s.id.clone(), Some(Arc::new(s))),
                Change::UpsertVacancy(v) => _ = vacancies.insert(v.id.clone(), Some(Arc::new(v))),
                Change::UpsertEmployer(e) => _ = employers.insert(e.id.clone(), Some(Arc::new(e))),
                Change::RemoveSeeker(id) => remove(base, &mut seekers, RecordKind::Seeker, id, i)?,
                Change::RemoveVacancy(id) => remove(base, &mut vacancies, RecordKind::Vacancy, id, i)?,
                Change::RemoveEmployer(id) => remove(base, &mut employers, RecordKind::Employer, id, i)?,
            }
        }
        Ok(Net {
            seekers: net_kind(seekers),
            vacancies: net_kind(vacancies),
            employers: net_kind(employers),
            compact: false,
        })
    }
}

/// Records the removal of `id`, which must be there at this point of the batch.
fn remove<T>(base: &Snapshot, last: &mut Last<T>, kind: RecordKind, id: Id, change: usize) -> Result<(), LiveError> {
    let present = match last.get(&id) {
        Some(state) => state.is_some(),
        None => base.contains(kind, &id),
    };
    if !present {
        return Err(LiveError::UnknownId { change, kind, id });
    }
    // A record added by this batch and removed again need not exist in the base:
    // removing it there is then a no-op, which is the net effect.
    last.insert(id, None);
    Ok(())
}

fn net_kind<T>(last: Last<T>) -> NetKind<T> {
    let mut net = NetKind::default();
    for (id, state) in last {
        match state {
            Some(record) => net.upsert.push(record),
            None => net.remove.push(id),
        }
    }
    net
}

/// The writer's side: the spare snapshot and the batch it has not seen.
struct Writer {
    spare: Option<Arc<Snapshot>>,
    missed: Option<Arc<Net>>,
}

struct Shared {
    current: ArcSwap<Snapshot>,
    writer: Mutex<Writer>,
    /// Nanoseconds the writer waits for readers of the spare.
    spare_wait_ns: std::sync::atomic::AtomicU64,
}

/// A [`Matcher`] with its population that readers query by snapshot while a
/// writer applies batches (module docs: [`live`](self)). Cloning gives
/// another handle to the same index.
///
/// ```
/// use werkmatch_core::rank::{reference, Change, Executor, LiveIndex, RankOptions};
/// use werkmatch_core::score::ScoringConfig;
/// use werkmatch_core::{GeoPoint, Id, IscoCode, Jobseeker, Nace, Vacancy};
///
/// let at = |lat, lon| GeoPoint::new(lat, lon).unwrap();
/// let seeker = Jobseeker::new(Id::new("S1").unwrap(), at(53.2194, 6.5665));
/// let job = |id: &str| Vacancy::new(Id::new(id).unwrap(), IscoCode::parse("9112").unwrap(), Nace::parse("N").unwrap(), at(53.21, 6.56));
/// let live = LiveIndex::build(ScoringConfig::default(), vec![seeker], vec![job("V1")], vec![], Executor::CurrentThread).unwrap();
///
/// let before = live.snapshot();
/// let v = live.apply(vec![Change::UpsertVacancy(job("V2")), Change::RemoveVacancy(Id::new("V1").unwrap())]).unwrap();
/// assert_eq!(v, 1);
/// let opts = RankOptions::top(10);
/// let old = before.top_vacancies("S1", &opts).unwrap();
/// let new = live.snapshot().top_vacancies("S1", &opts).unwrap();
/// assert_eq!((old.version, old.matches[0].id.as_str()), (0, "V1"));
/// assert_eq!((new.version, new.matches[0].id.as_str()), (1, "V2"));
/// // Exactly the reference on that version's population.
/// let snap = live.snapshot();
/// let pop: Vec<Vacancy> = snap.vacancies().cloned().collect();
/// assert_eq!(new.matches, reference::vacancies_for(snap.config(), snap.seeker("S1").unwrap(), &pop, &opts));
/// ```
#[derive(Clone)]
pub struct LiveIndex {
    shared: Arc<Shared>,
}

impl fmt::Debug for LiveIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LiveIndex").field("version", &self.version()).finish_non_exhaustive()
    }
}

impl LiveIndex {
    /// Builds the indexes over these populations at version 0; fails on a
    /// duplicate id within a population.
    pub fn build(
        cfg: ScoringConfig,
        seekers: Vec<Jobseeker>,
        vacancies: Vec<Vacancy>,
        employers: Vec<Employer>,
        exec: Executor<'_>,
    ) -> Result<LiveIndex, Error> {
        Self::build_at(cfg, seekers, vacancies, employers, 0, exec)
    }

    /// As [`build`](Self::build), starting at `version` (a service that
    /// loads a snapshot written at that version).
    pub fn build_at(
        cfg: ScoringConfig,
        seekers: Vec<Jobseeker>,
        vacancies: Vec<Vacancy>,
        employers: Vec<Employer>,
        version: u64,
        exec: Executor<'_>,
    ) -> Result<LiveIndex, Error> {
        let matcher = Matcher::builder()
            .config(cfg)
            .seekers(&seekers)
            .vacancies(&vacancies)
            .employers(&employers)
            .executor(exec)
            .build()?;
        let snapshot = Snapshot {
            version,
            matcher,
            seekers: by_id(seekers, |s: &Jobseeker| s.id.clone()),
            vacancies: by_id(vacancies, |v: &Vacancy| v.id.clone()),
            employers: by_id(employers, |e: &Employer| e.id.clone()),
        };
        // The spare is copied now, at build time, so that the first batch
        // does not pay for the copy while readers wait for it.
        let spare = Arc::new(snapshot.clone());
        Ok(LiveIndex {
            shared: Arc::new(Shared {
                current: ArcSwap::from_pointee(snapshot),
                writer: Mutex::new(Writer { spare: Some(spare), missed: None }),
                spare_wait_ns: std::sync::atomic::AtomicU64::new(SPARE_WAIT.as_nanos() as u64),
            }),
        })
    }

    /// Sets how long the writer waits for readers of the spare snapshot
    /// before copying it (default [`SPARE_WAIT`]): shorter trades memory
    /// traffic for write latency when readers hold snapshots long.
    pub fn with_spare_wait(self, wait: Duration) -> Self {
        let ns = u64::try_from(wait.as_nanos()).unwrap_or(u64::MAX);
        self.shared.spare_wait_ns.store(ns, std::sync::atomic::Ordering::Relaxed);
        self
    }

    /// The current snapshot: what every query until the next batch sees.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.shared.current.load_full()
    }

    /// The current version.
    pub fn version(&self) -> u64 {
        self.shared.current.load().version
    }

    fn writer(&self) -> MutexGuard<'_, Writer> {
        // A writer that panicked left at worst a spare being updated; `publish`
        // discards a spare it cannot trust, so the state is still usable.
        self.shared.writer.lock().unwrap_or_else(|poison| {
            let mut w = poison.into_inner();
            w.spare = None;
            w.missed = None;
            w
        })
    }

    /// Applies `changes` as one batch: checked whole, then visible to readers
    /// all at once; returns the new version. On an error nothing is applied
    /// and the version stays. An empty batch is a batch too (a new version).
    pub fn apply(&self, changes: Vec<Change>) -> Result<u64, LiveError> {
        self.apply_all(vec![changes])
    }

    /// Applies `batches` as consecutive versions, published together (a
    /// service's group commit: every batch that waited behind one log sync);
    /// returns the last version. Readers see the state before the first or
    /// after the last, never one in between, so each batch is still whole.
    /// Checked as one: on an error nothing is applied (the error's `change`
    /// counts from the first batch's first change). Applying them together
    /// costs one publish, not one per batch. No batches: nothing happens.
    pub fn apply_all(&self, batches: Vec<Vec<Change>>) -> Result<u64, LiveError> {
        let mut w = self.writer();
        let base = self.shared.current.load_full();
        if batches.is_empty() {
            return Ok(base.version);
        }
        let n = batches.len() as u64;
        let net = Net::of(&base, batches.into_iter().flatten().collect())?;
        self.publish(&mut w, &base, Arc::new(net), base.version + n)
    }

    /// Checks `changes` against the current snapshot as [`apply`](Self::apply)
    /// would, applying nothing: a service checks a batch, makes it durable,
    /// then applies it (which cannot then fail on these changes while it is
    /// the only writer).
    pub fn check(&self, changes: &[Change]) -> Result<(), LiveError> {
        self.check_each(&[changes]).remove(0)
    }

    /// Checks each of `batches` as if the ones before it that pass were
    /// applied first (a refused batch is left out, as a service that refuses
    /// it would); applies nothing. One result per batch.
    pub fn check_each(&self, batches: &[&[Change]]) -> Vec<Result<(), LiveError>> {
        let base = self.shared.current.load();
        // Presence after the batches accepted so far.
        let mut present: BTreeMap<(RecordKind, &Id), bool> = BTreeMap::new();
        batches
            .iter()
            .map(|changes| {
                let mut mine: BTreeMap<(RecordKind, &Id), bool> = BTreeMap::new();
                for (i, change) in changes.iter().enumerate() {
                    let (kind, id, upsert) = match change {
                        Change::UpsertSeeker(s) => (RecordKind::Seeker, &s.id, true),
                        Change::UpsertVacancy(v) => (RecordKind::Vacancy, &v.id, true),
                        Change::UpsertEmployer(e) => (RecordKind::Employer, &e.id, true),
                        Change::RemoveSeeker(id) => (RecordKind::Seeker, id, false),
                        Change::RemoveVacancy(id) => (RecordKind::Vacancy, id, false),
                        Change::RemoveEmployer(id) => (RecordKind::Employer, id, false),
                    };
                    let there = mine
                        .get(&(kind, id))
                        .or_else(|| present.get(&(kind, id)))
                        .copied()
                        .unwrap_or_else(|| base.contains(kind, id));
                    if !upsert && !there {
                        return Err(LiveError::UnknownId { change: i, kind, id: id.clone() });
                    }
                    mine.insert((kind, id), upsert);
                }
                present.extend(mine);
                Ok(())
            })
            .collect()
    }

    /// Compacts the indexes of both copies (see the module docs); the
    /// version stays.
    pub fn compact(&self) -> u64 {
        let mut w = self.writer();
        let base = self.shared.current.load_full();
        let net = Net { compact: true, ..Net::default() };
        // An empty net never fails in the kernel; if it did, the published
        // snapshot stays, which is still correct.
        self.publish(&mut w, &base, Arc::new(net), base.version).unwrap_or(base.version)
    }

    /// Brings the spare up to `base` plus `net`, publishes it and keeps the
    /// replaced snapshot as the next spare.
    fn publish(&self, w: &mut Writer, base: &Arc<Snapshot>, net: Arc<Net>, version: u64) -> Result<u64, LiveError> {
        let (mut next, missed) = match (w.spare.take(), w.missed.take()) {
            (Some(spare), missed) => (spare, missed),
            // No spare: start from the published snapshot (copied below).
            (None, _) => (Arc::clone(base), None),
        };
        if !Arc::ptr_eq(&next, base) {
            let ns = self.shared.spare_wait_ns.load(std::sync::atomic::Ordering::Relaxed);
            wait_for_readers(&next, Duration::from_nanos(ns));
        }
        let spare = Arc::make_mut(&mut next);
        let mut update = || -> Result<(), Error> {
            if let Some(missed) = &missed {
                spare.apply(missed, base.version)?;
                if missed.compact {
                    spare.matcher.vacancy_index_mut().compact();
                    spare.matcher.seeker_index_mut().compact();
                    spare.matcher.employer_index_mut().compact();
                }
            }
            debug_assert_eq!(spare.version, base.version, "the spare caught up with the published snapshot");
            spare.apply(&net, version)?;
            if net.compact {
                spare.matcher.vacancy_index_mut().compact();
                spare.matcher.seeker_index_mut().compact();
                spare.matcher.employer_index_mut().compact();
            }
            Ok(())
        };
        // On a failure the spare is half-updated: drop it (the next batch
        // copies the published snapshot); readers never saw it.
        update().map_err(LiveError::Kernel)?;
        let old = self.shared.current.swap(next);
        w.spare = Some(old);
        w.missed = Some(net);
        Ok(version)
    }
}

/// Records by id, shared.
fn by_id<T>(records: Vec<T>, id: fn(&T) -> Id) -> BTreeMap<Id, Arc<T>> {
    records.into_iter().map(|x| (id(&x), Arc::new(x))).collect()
}

/// Waits until only the writer holds `spare`, for at most `limit`;
/// after that `Arc::make_mut` copies it. Sleeps (from 20 µs, doubling to
/// 1 ms) rather than spins: on a busy machine a spinning writer would take
/// the cores the readers need to finish. Copying a national index costs
/// about a gigabyte and a second, so waiting for a query to end is cheaper.
fn wait_for_readers(spare: &Arc<Snapshot>, limit: Duration) {
    let start = Instant::now();
    let mut pause = Duration::from_micros(20);
    while Arc::strong_count(spare) > 1 && start.elapsed() < limit {
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(1));
    }
}
