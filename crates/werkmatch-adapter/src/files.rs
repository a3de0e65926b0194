//! Opening input files, with plain messages for the usual mistakes.
//!
//! `File::open` on a directory succeeds on Unix and the first read then fails
//! with "Is a directory (os error 21)"; a user who typed a folder deserves
//! "is a directory, not a file" before anything is read.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use crate::error::{Error, ErrorKind, Position, Result};

/// Opens `path` for reading, buffered; a directory or a missing file is a plain [`ErrorKind::Io`] error.
pub(crate) fn open(path: &Path) -> Result<BufReader<File>> {
    if path.is_dir() {
        return Err(Error::new(ErrorKind::Io, "is a directory, not a file").with_position(Position::file(Some(path))));
    }
    let f = File::open(path).map_err(|e| {
        let plain = match e.kind() {
            std::io::ErrorKind::NotFound => Some("no such file"),
            std::io::ErrorKind::PermissionDenied => Some("no permission to read this file"),
            _ => None,
        };
        let reason = plain.map(str::to_string);
        let err = Error::io(Some(path), e);
        match reason {
            Some(r) => err.with_reason(r),
            None => err,
        }
    })?;
    Ok(BufReader::with_capacity(1 << 16, f))
}
