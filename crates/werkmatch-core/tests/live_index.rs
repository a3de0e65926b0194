//! The live index: readers querying snapshots while a writer applies batches
//! see whole batches only, versions that never go backwards, and answers
//! equal to the reference on their version's population.

mod kernel_support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use kernel_support::{employer, population, seeker, vacancy, Rng};
use werkmatch_core::rank::{reference, Change, Executor, LiveError, LiveIndex, RankOptions, RecordKind, Snapshot};
use werkmatch_core::score::ScoringConfig;
use werkmatch_core::{Employer, Id, Jobseeker, Vacancy};

/// A plain model of the population: what each version must hold.
#[derive(Clone, Debug, Default, PartialEq)]
struct Model {
    seekers: BTreeMap<Id, Jobseeker>,
    vacancies: BTreeMap<Id, Vacancy>,
    employers: BTreeMap<Id, Employer>,
}

impl Model {
    fn of(s: &Snapshot) -> Model {
        Model {
            seekers: s.seekers().map(|x| (x.id.clone(), x.clone())).collect(),
            vacancies: s.vacancies().map(|x| (x.id.clone(), x.clone())).collect(),
            employers: s.employers().map(|x| (x.id.clone(), x.clone())).collect(),
        }
    }

    fn apply(&mut self, changes: &[Change]) {
        for c in changes {
            match c {
                Change::UpsertSeeker(s) => _ = self.seekers.insert(s.id.clone(), s.clone()),
                Change::UpsertVacancy(v) => _ = self.vacancies.insert(v.id.clone(), v.clone()),
                Change::UpsertEmployer(e) => _ = self.employers.insert(e.id.clone(), e.clone()),
                Change::RemoveSeeker(id) => assert!(self.seekers.remove(id).is_some()),
                Change::RemoveVacancy(id) => assert!(self.vacancies.remove(id).is_some()),
                Change::RemoveEmployer(id) => assert!(self.employers.remove(id).is_some()),
                _ => unreachable!("a change the test does not make"),
            }
        }
    }
}

fn id(prefix: &str, n: usize) -> Id {
    Id::new(format!("{prefix}{n:03}")).unwrap()
}

/// A random batch of valid changes against `model` (which it updates): upserts
/// of new and existing ids and removals of present ones, of every kind.
fn batch(r: &mut Rng, model: &mut Model) -> Vec<Change> {
    let mut changes = Vec::new();
    for _ in 0..1 + r.below(6) {
        let n = r.below(80);
        let change = match r.below(6) {
            0 => Change::UpsertSeeker(seeker(r, id("S", n), false, false)),
            1 => Change::UpsertVacancy(vacancy(r, id("V", n), false, false)),
            2 => Change::UpsertEmployer(employer(r, id("E", n), false, false)),
            3 => match model.seekers.keys().nth(r.below(model.seekers.len())) {
                Some(k) => Change::RemoveSeeker(k.clone()),
                None => continue,
            },
            4 => match model.vacancies.keys().nth(r.below(model.vacancies.len())) {
                Some(k) => Change::RemoveVacancy(k.clone()),
                None => continue,
            },
            _ => match model.employers.keys().nth(r.below(model.employers.len())) {
                Some(k) => Change::RemoveEmployer(k.clone()),
                None => continue,
            },
        };
        model.apply(std::slice::from_ref(&change));
        changes.push(change);
    }
    changes
}

/// Every query of `snap` equals the reference on `snap`'s own population.
fn check_against_reference(snap: &Snapshot, opts: &RankOptions) {
    let cfg = snap.config();
    let vacancies: Vec<Vacancy> = snap.vacancies().cloned().collect();
    let seekers: Vec<Jobseeker> = snap.seekers().cloned().collect();
    let employers: Vec<Employer> = snap.employers().cloned().collect();
    for s in &seekers {
        let got = snap.top_vacancies(s.id.as_str(), opts).unwrap();
        assert_eq!(got.version, snap.version());
        assert_eq!(got.matches, reference::vacancies_for(cfg, s, &vacancies, opts), "seeker {}", s.id);
        let got = snap.top_employers(s.id.as_str(), opts).unwrap();
        assert_eq!(got.matches, reference::employers_for(cfg, s, &employers, opts), "seeker {}", s.id);
    }
    for v in &vacancies {
        let got = snap.top_seekers(v.id.as_str(), opts).unwrap();
        assert_eq!(got.matches, reference::seekers_for(cfg, v, &seekers, opts), "vacancy {}", v.id);
    }
}

fn start(seed: u64) -> (LiveIndex, Model) {
    let p = population(seed);
    // Readers here hold a snapshot for a whole reference check: a short wait
    // makes the writer take the copy path often, which is tested too.
    let live = LiveIndex::build(ScoringConfig::default(), p.seekers, p.vacancies, p.employers, Executor::CurrentThread)
        .unwrap()
        .with_spare_wait(std::time::Duration::from_millis(1));
    let model = Model::of(&live.snapshot());
    (live, model)
}

#[test]
fn concurrent_readers_see_whole_batches_in_order() {
    for readers in [1, 8] {
        let (live, mut model) = start(7);
        // What each version must hold, filled in by the writer before it publishes.
        let expected = Arc::new(Mutex::new(vec![model.clone()]));
        let done = Arc::new(AtomicBool::new(false));
        let handles: Vec<_> = (0..readers)
            .map(|t| {
                let (live, expected, done) = (live.clone(), Arc::clone(&expected), Arc::clone(&done));
                std::thread::spawn(move || {
                    let opts = RankOptions::top(1 + t % 4);
                    let (mut last, mut seen) = (0, 0);
                    while !done.load(Ordering::Acquire) || seen == 0 {
                        let snap = live.snapshot();
                        assert!(snap.version() >= last, "version went back from {last} to {}", snap.version());
                        last = snap.version();
                        let want = expected.lock().unwrap()[snap.version() as usize].clone();
                        assert_eq!(Model::of(&snap), want, "version {} is not the whole of its batches", last);
                        check_against_reference(&snap, &opts);
                        seen += 1;
                    }
                    seen
                })
            })
            .collect();
        let mut r = Rng::new(99);
        for _ in 0..150 {
            let changes = batch(&mut r, &mut model);
            expected.lock().unwrap().push(model.clone());
            let v = live.apply(changes).unwrap();
            assert_eq!(v as usize + 1, expected.lock().unwrap().len());
        }
        done.store(true, Ordering::Release);
        for h in handles {
            assert!(h.join().unwrap() > 0);
        }
        assert_eq!(Model::of(&live.snapshot()), model);
        check_against_reference(&live.snapshot(), &RankOptions::top(usize::MAX));
    }
}

#[test]
fn add_update_remove_and_readd_of_every_kind() {
    let (live, _) = start(3);
    let mut r = Rng::new(5);
    let opts = RankOptions::top(usize::MAX);
    let kinds = [RecordKind::Seeker, RecordKind::Vacancy, RecordKind::Employer];
    for kind in kinds {
        let new_id = id("X", 1);
        let make = |r: &mut Rng| match kind {
            RecordKind::Seeker => Change::UpsertSeeker(seeker(r, new_id.clone(), false, false)),
            RecordKind::Vacancy => Change::UpsertVacancy(vacancy(r, new_id.clone(), false, false)),
            _ => Change::UpsertEmployer(employer(r, new_id.clone(), false, false)),
        };
        let remove = match kind {
            RecordKind::Seeker => Change::RemoveSeeker(new_id.clone()),
            RecordKind::Vacancy => Change::RemoveVacancy(new_id.clone()),
            _ => Change::RemoveEmployer(new_id.clone()),
        };
        let present = |s: &Snapshot| match kind {
            RecordKind::Seeker => s.seeker("X001").cloned().map(Change::UpsertSeeker),
            RecordKind::Vacancy => s.vacancy("X001").cloned().map(Change::UpsertVacancy),
            _ => s.employer("X001").cloned().map(Change::UpsertEmployer),
        };
        // add
        let added = make(&mut r);
        live.apply(vec![added.clone()]).unwrap();
        assert_eq!(present(&live.snapshot()), Some(added));
        check_against_reference(&live.snapshot(), &opts);
        // update
        let updated = make(&mut r);
        live.apply(vec![updated.clone()]).unwrap();
        assert_eq!(present(&live.snapshot()), Some(updated));
        check_against_reference(&live.snapshot(), &opts);
        // remove, then removing again is refused and changes nothing
        live.apply(vec![remove.clone()]).unwrap();
        assert_eq!(present(&live.snapshot()), None);
        check_against_reference(&live.snapshot(), &opts);
        let before = live.version();
        let err = live.apply(vec![remove.clone()]).unwrap_err();
        assert_eq!(err, LiveError::UnknownId { change: 0, kind, id: new_id.clone() });
        assert_eq!(live.version(), before);
        // re-add
        let readded = make(&mut r);
        live.apply(vec![readded.clone()]).unwrap();
        assert_eq!(present(&live.snapshot()), Some(readded));
        check_against_reference(&live.snapshot(), &opts);
        // compaction keeps the population, the answers and the version
        let v = live.version();
        assert_eq!(live.compact(), v);
        check_against_reference(&live.snapshot(), &opts);
    }
}

#[test]
fn a_refused_batch_applies_nothing() {
    let (live, model) = start(11);
    let mut r = Rng::new(1);
    let good = Change::UpsertVacancy(vacancy(&mut r, id("V", 500), false, false));
    let bad = Change::RemoveSeeker(id("S", 999));
    let err = live.apply(vec![good, bad]).unwrap_err();
    assert!(matches!(err, LiveError::UnknownId { change: 1, kind: RecordKind::Seeker, .. }), "{err}");
    assert_eq!(live.version(), 0);
    assert_eq!(Model::of(&live.snapshot()), model);
    // Within one batch: add then remove is fine, the net effect is nothing.
    let add = Change::UpsertSeeker(seeker(&mut r, id("S", 999), false, false));
    live.apply(vec![add, Change::RemoveSeeker(id("S", 999))]).unwrap();
    assert_eq!(Model::of(&live.snapshot()), model);
    assert_eq!(live.version(), 1);
}

#[test]
fn a_snapshot_held_long_stays_as_it_was() {
    let (live, mut model) = start(13);
    let held = live.snapshot();
    let at_start = model.clone();
    let mut r = Rng::new(2);
    // The writer cannot reuse the held snapshot as its spare: it copies it.
    for _ in 0..6 {
        let changes = batch(&mut r, &mut model);
        live.apply(changes).unwrap();
        assert_eq!(Model::of(&live.snapshot()), model);
        check_against_reference(&live.snapshot(), &RankOptions::top(3));
    }
    assert_eq!(held.version(), 0);
    assert_eq!(Model::of(&held), at_start);
    check_against_reference(&held, &RankOptions::top(3));
}

#[test]
fn one_and_eight_threads_agree() {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(8).build().unwrap();
    let p = population(21);
    let build = |exec| {
        LiveIndex::build(ScoringConfig::default(), p.seekers.clone(), p.vacancies.clone(), p.employers.clone(), exec)
            .unwrap()
    };
    let (one, eight) = (build(Executor::CurrentThread), build(Executor::Pool(&pool)));
    let (mut r, mut model) = (Rng::new(4), Model::of(&one.snapshot()));
    let opts = RankOptions::top(5);
    for _ in 0..20 {
        let changes = batch(&mut r, &mut model);
        assert_eq!(one.apply(changes.clone()).unwrap(), eight.apply(changes).unwrap());
        let (a, b) = (one.snapshot(), eight.snapshot());
        let seekers: Vec<Jobseeker> = a.seekers().cloned().collect();
        let vacancies: Vec<Vacancy> = a.vacancies().cloned().collect();
        let m = (a.matcher(), b.matcher());
        assert_eq!(
            m.0.seeker_to_vacancies(&seekers, &opts, Executor::CurrentThread).0,
            m.1.seeker_to_vacancies(&seekers, &opts, Executor::Pool(&pool)).0
        );
        assert_eq!(
            m.0.vacancy_to_seekers(&vacancies, &opts, Executor::CurrentThread).0,
            m.1.vacancy_to_seekers(&vacancies, &opts, Executor::Pool(&pool)).0
        );
        assert_eq!(
            m.0.seeker_to_employers(&seekers, &opts, Executor::CurrentThread).0,
            m.1.seeker_to_employers(&seekers, &opts, Executor::Pool(&pool)).0
        );
    }
}

#[test]
fn batches_applied_together_are_consecutive_versions_published_at_once() {
    let (live, mut model) = start(13);
    let mut r = Rng::new(5);
    let before = live.snapshot();
    let batches: Vec<Vec<Change>> = (0..4).map(|_| batch(&mut r, &mut model)).collect();
    let refs: Vec<&[Change]> = batches.iter().map(Vec::as_slice).collect();
    assert!(live.check_each(&refs).iter().all(Result::is_ok));
    assert_eq!(live.apply_all(batches).unwrap(), 4);
    let after = live.snapshot();
    assert_eq!(after.version(), 4);
    assert_eq!(Model::of(&after), model);
    // The snapshot taken before is untouched, and both answer as the reference.
    assert_eq!(before.version(), 0);
    let opts = RankOptions::top(3);
    check_against_reference(&before, &opts);
    check_against_reference(&after, &opts);
    // No batches: nothing happens.
    assert_eq!(live.apply_all(Vec::new()).unwrap(), 4);
}

#[test]
fn each_batch_is_checked_after_the_accepted_ones_before_it() {
    let (live, _) = start(17);
    let mut r = Rng::new(9);
    let new = id("S", 900);
    let add = vec![Change::UpsertSeeker(seeker(&mut r, new.clone(), false, false))];
    let remove = vec![Change::RemoveSeeker(new.clone())];
    let absent =
        vec![Change::RemoveSeeker(id("S", 901)), Change::UpsertSeeker(seeker(&mut r, id("S", 901), false, false))];
    // Batch 2 removes what batch 1 adds; batch 3 removes an id nobody has (refused, and
    // its upsert does not count for batch 4); batch 4 then removes `new` again: refused.
    let got = live.check_each(&[&add, &remove, &absent, &remove]);
    assert!(got[0].is_ok() && got[1].is_ok());
    assert!(matches!(&got[2], Err(LiveError::UnknownId { change: 0, kind: RecordKind::Seeker, .. })), "{got:?}");
    assert!(matches!(&got[3], Err(LiveError::UnknownId { change: 0, .. })), "{got:?}");
    assert_eq!(live.version(), 0, "checking applies nothing");
}
