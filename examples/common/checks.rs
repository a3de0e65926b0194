//! Usage checks every tool makes before any work, and the report of what a
//! reader noticed besides rejected records. Included with `#[path]`.
//!
//! One rule for every tool: results on stdout, diagnostics on stderr; exit
//! code 0 success, 1 bad input, 2 a usage error. A usage error is found
//! before anything is read or written: a `--top` of 0, an output path that
//! is empty, whose directory does not exist, or that is one of the inputs,
//! an input that is missing or a directory.

// Each tool uses a subset of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `--top N` and the like: a whole number of at least 1 (clap value parser).
pub fn positive(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1 (0 would list nothing)".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("not a whole number: {text:?}")),
    }
}

/// An input file: it must exist and be a file, not a directory.
pub fn input(path: &Path) -> Result<(), String> {
    if path.as_os_str().is_empty() {
        return Err("an input path is empty".to_string());
    }
    if path.is_dir() {
        return Err(format!("{}: is a directory, not a file", path.display()));
    }
    if !path.exists() {
        return Err(format!("{}: no such file", path.display()));
    }
    Ok(())
}

/// An output file: not empty, its directory exists, and it is none of `inputs`
/// (writing it would destroy the input before it is read).
pub fn output(out: &Path, inputs: &[&Path]) -> Result<(), String> {
    if out.as_os_str().is_empty() {
        return Err("the output path is empty".to_string());
    }
    if out.is_dir() {
        return Err(format!("{}: is a directory; give a file name to write", out.display()));
    }
    let dir = out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(format!("{}: the directory {} does not exist", out.display(), dir.display()));
    }
    let same = |a: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(out)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == out,
    };
    if let Some(clash) = inputs.iter().find(|i| same(i)) {
        return Err(format!(
            "the output {} is also an input ({}): it would be overwritten",
            out.display(),
            clash.display()
        ));
    }
    Ok(())
}

/// An output directory: not empty (an empty path would write into the current directory).
pub fn output_dir(dir: &Path) -> Result<PathBuf, String> {
    if dir.as_os_str().is_empty() {
        return Err("the output directory is empty (give --out DIR)".to_string());
    }
    if dir.exists() && !dir.is_dir() {
        return Err(format!("{}: exists and is not a directory", dir.display()));
    }
    Ok(dir.to_path_buf())
}

/// Prints on stderr what a reader noticed besides rejected records: warnings
/// (with file, line and field), the fields derived from text, an empty input.
/// Returns `true` when the input held no records (bad input: exit code 1).
pub fn report_notes<T>(path: &Path, loaded: &werkmatch::adapter::Loaded<T>) -> bool {
    use std::io::Write;
    use werkmatch::adapter::ErrorKind;
    // One buffered, locked writer: a feed can have 100,000 warnings, and a
    // write per line would cost as much as reading the feed.
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    let mut empty = false;
    for w in &loaded.warnings {
        if w.kind() == ErrorKind::Empty {
            empty = true;
            let _ = writeln!(err, "error: {}: {}", path.display(), w.reason());
        } else {
            let _ = writeln!(err, "warning: {w} [{}]", w.kind().name());
        }
    }
    if !loaded.derived.is_empty() {
        let parts: Vec<String> =
            loaded.derived.iter().map(|d| format!("{} from {} in {}", d.field, d.source, d.records)).collect();
        let _ = writeln!(err, "{}: derived from text: {}", path.display(), parts.join(", "));
    }
    let _ = err.flush();
    empty
}

/// Reports a reader's notes ([`report_notes`]) and passes its result on; an
/// input without records adds one to `bad`.
pub fn noted<T>(
    path: &Path,
    loaded: werkmatch::adapter::Result<werkmatch::adapter::Loaded<T>>,
    bad: &mut usize,
) -> werkmatch::adapter::Result<werkmatch::adapter::Loaded<T>> {
    if let Ok(l) = &loaded {
        if report_notes(path, l) {
            *bad += 1;
        }
    }
    loaded
}
