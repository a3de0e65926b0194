//! Running the example programs from an integration test, shared by every
//! test file that does so (each `tests/*.rs` is its own crate, so not every
//! helper is used by every file).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The facade package's root: examples run there, so fixture paths are relative to it.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The built example `name`: `cargo test` builds the examples before the tests, and
/// target/<profile>/deps/<test>-<hash> → target/<profile>/examples/<name>.
pub fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap().join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "{} is missing: run `cargo test --workspace`, which builds the examples", path.display());
    path
}

/// Runs example `name` with `args` in the package root, whatever its exit code.
pub fn run(name: &str, args: &[&str]) -> Output {
    Command::new(example(name)).args(args).current_dir(root()).output().unwrap()
}

/// Runs example `name` and asserts that it succeeded (exit code 0).
pub fn run_ok(name: &str, args: &[&str]) -> Output {
    let o = run(name, args);
    assert_eq!(o.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&o.stderr));
    o
}

/// Program output as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
