//! Content hashes: sha256 over files, directories and canonical JSON (RFC 8785).
//!
//! Every hash is written with its algorithm, `sha256:` followed by 64 lower-case
//! hex digits, so that a later change of algorithm can never be mistaken for a
//! changed input.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The size and the content hash of one input or output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDigest {
    /// Size in bytes (for a directory: the sum over its files).
    pub size: u64,
    /// `sha256:…`.
    pub hash: String,
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(7 + 2 * bytes.len());
    s.push_str("sha256:");
    for b in bytes {
        // Writing to a String cannot fail.
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// `sha256:…` of `bytes`.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn update_from(hasher: &mut Sha256, mut r: impl Read) -> io::Result<u64> {
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            return Ok(size);
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
}

/// Size and hash of a file, read in blocks (inputs can be gigabytes).
pub fn file(path: &Path) -> io::Result<FileDigest> {
    let mut h = Sha256::new();
    let size = update_from(&mut h, File::open(path)?)?;
    Ok(FileDigest { size, hash: hex(&h.finalize()) })
}

/// Size and hash of a directory (such as the ESCO export): its regular files
/// in byte order of their relative paths, each hashed as its path, a NUL, its
/// length as 8 little-endian bytes and its content, so that a renamed, moved,
/// added, removed or changed file changes the hash.
pub fn directory(path: &Path) -> io::Result<FileDigest> {
    let mut files = Vec::new();
    collect(path, path, &mut files)?;
    files.sort();
    let mut h = Sha256::new();
    let mut size = 0u64;
    for rel in files {
        let full = path.join(&rel);
        let len = std::fs::metadata(&full)?.len();
        h.update(rel.as_bytes());
        h.update([0u8]);
        h.update(len.to_le_bytes());
        size += update_from(&mut h, File::open(&full)?)?;
    }
    Ok(FileDigest { size, hash: hex(&h.finalize()) })
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let p = entry.path();
        let ty = entry.file_type()?;
        if ty.is_dir() {
            collect(root, &p, out)?;
        } else if ty.is_file() {
            let rel = p.strip_prefix(root).unwrap_or(&p);
            // Separators normalised so the hash is the same on every platform.
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// Size and hash of a path: a file, or a directory as in [`directory`].
pub fn path(path: &Path) -> io::Result<FileDigest> {
    if std::fs::metadata(path)?.is_dir() {
        directory(path)
    } else {
        file(path)
    }
}

/// The RFC 8785 canonical JSON of a value (sorted keys, ES6 numbers, no spaces).
pub fn canonical_json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    serde_json_canonicalizer::to_vec(value)
}

/// `sha256:…` of the canonical JSON of a value.
pub fn json_hash<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    Ok(sha256(&canonical_json(value)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_sha256() {
        assert_eq!(sha256(b"abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn canonical_json_sorts_keys_and_writes_es6_numbers() {
        let v = serde_json::json!({"b": 1.0, "a": [1e21, 0.1, "é"], "c": null});
        assert_eq!(String::from_utf8(canonical_json(&v).unwrap()).unwrap(), r#"{"a":[1e+21,0.1,"é"],"b":1,"c":null}"#);
    }
}
