//! Running the example programs from an integration test, and opening their
//! HTML reports in headless Chromium, shared by every test file that does so
//! (each `tests/*.rs` is its own crate, so not every helper is used by every
//! file).
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

/// A path `name` in this test run's own temporary directory for `group`
/// (per process, so parallel test binaries and runs do not share files).
pub fn tmp(group: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("werkmatch-{group}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Program output as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Whether `python3` runs here (the cross-checks are Python scripts); says
/// on stderr that the test is skipped when it does not.
pub fn python3_or_skip() -> bool {
    let there = std::process::Command::new("python3").arg("--version").output().is_ok();
    if !there {
        eprintln!("skipped: python3 is not installed (the cross-check is a Python script)");
    }
    there
}

/// Debian's headless-capable Chromium (`apt-get install -y chromium`; `.ci/run` installs it), if present.
pub fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].iter().map(PathBuf::from).find(|p| p.exists())
}

/// Runs headless Chromium with a fresh profile (`profile`, created by Chromium)
/// and no network chatter of its own.
pub fn headless(browser: &Path, profile: &Path, args: &[&str]) -> Output {
    Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        .args(["--disable-component-update", "--no-first-run"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap()
}

/// Takes a screenshot of `page` as `png` (window 1200 × `height`) and checks
/// that it is a PNG and not blank; then returns the rendered DOM (`--dump-dom`).
pub fn render(browser: &Path, page: &Path, png: &Path, height: u32) -> String {
    let url = format!("file://{}", page.display());
    let stem = png.with_extension("");
    let o = headless(
        browser,
        &stem.with_extension("profile-shot"),
        &[&format!("--window-size=1200,{height}"), &format!("--screenshot={}", png.display()), &url],
    );
    assert!(png.exists(), "no screenshot: {}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert!(bytes.len() > 20_000, "a screenshot of {} bytes is blank", bytes.len());
    let o = headless(browser, &stem.with_extension("profile-dom"), &["--dump-dom", &url]);
    let dom = text(&o.stdout);
    assert!(dom.contains("</html>"), "no DOM: {}", text(&o.stderr));
    dom
}

/// A report page as written: no script, no link, no source or reference to anywhere.
pub fn assert_self_contained(page: &str) {
    for bad in ["<script", "<link", " src=", "href=", "url(", "@import"] {
        assert!(!page.contains(bad), "the report contains `{bad}`");
    }
    let rest = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!rest.contains("http:") && !rest.contains("https:") && !rest.contains("//"), "an outside address");
}

/// A rendered DOM that loads nothing: no script, no style sheet or other link, no
/// image, frame or object, and no `src`/`href` anywhere.
pub fn assert_loads_nothing(dom: &str) {
    let lower = dom.to_lowercase();
    for bad in ["<script", "<link", "<img", "<iframe", "<object", "<embed", " src=", " href=", "url("] {
        assert!(!lower.contains(bad), "the rendered page has `{bad}`");
    }
}
