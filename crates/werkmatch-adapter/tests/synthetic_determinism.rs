//! The generator is a pure function of its configuration.

use werkmatch_adapter::synthetic::{generate, generate_audit, GeneratorConfig, Region};

fn small(seed: u64) -> GeneratorConfig {
    GeneratorConfig::builder().seekers(800).vacancies(1200).employers(300).seed(seed).build().expect("valid config")
}

#[test]
fn same_seed_gives_the_same_population() {
    let a = generate(&small(11));
    let b = generate(&small(11));
    assert_eq!(a, b);
    // Byte for byte too, since the files are what people diff.
    assert_eq!(serde_json::to_string(&a.seekers).unwrap(), serde_json::to_string(&b.seekers).unwrap());
    assert_eq!(serde_json::to_string(&a.vacancies).unwrap(), serde_json::to_string(&b.vacancies).unwrap());
    assert_eq!(generate_audit(&small(11)), generate_audit(&small(11)));
}

#[test]
fn the_groningen_preset_is_reproducible() {
    let c = GeneratorConfig::groningen(2019);
    assert_eq!(generate(&c), generate(&c));
}

#[test]
fn different_seeds_give_different_populations() {
    let a = generate(&small(1));
    let b = generate(&small(2));
    let same_seekers = a.seekers.iter().zip(&b.seekers).filter(|(x, y)| x == y).count();
    let same_vacancies = a.vacancies.iter().zip(&b.vacancies).filter(|(x, y)| x == y).count();
    assert_eq!(same_seekers, 0);
    assert_eq!(same_vacancies, 0);
    assert_ne!(a.employers, b.employers);
}

#[test]
fn the_result_does_not_depend_on_the_thread_count() {
    let c = small(5);
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(|| generate(&c));
    let three = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap().install(|| generate(&c));
    assert_eq!(one, three);
}

#[test]
fn more_seekers_keep_the_earlier_ones() {
    // Records depend only on (seed, kind, index), so a larger population extends a smaller one.
    let small = generate(&GeneratorConfig::builder().seekers(100).vacancies(0).employers(0).seed(3).build().unwrap());
    let large = generate(&GeneratorConfig::builder().seekers(300).vacancies(0).employers(0).seed(3).build().unwrap());
    assert_eq!(small.seekers[..], large.seekers[..100]);
}

#[test]
fn regions_differ() {
    let base = small(9).to_builder();
    let gro = generate(&base.clone().region(Region::Groningen).build().unwrap());
    let nl = generate(&base.region(Region::Netherlands).build().unwrap());
    assert_ne!(gro.seekers, nl.seekers);
}
