//! Writing JSON Lines.

use std::io::Write;

use serde::Serialize;

/// Writes serialisable records one per line.
#[derive(Debug)]
pub struct JsonlWriter<W: Write> {
    out: W,
    written: u64,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer over `out` (wrap files in a `BufWriter`).
    pub fn new(out: W) -> Self {
        JsonlWriter { out, written: 0 }
    }

    /// Writes one record and a newline.
    pub fn write<T: Serialize + ?Sized>(&mut self, record: &T) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    /// Records written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Flushes and returns the inner writer.
    pub fn into_inner(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes every record of `records` to `out`, one per line, and flushes.
pub fn write_jsonl<'a, T, W, I>(out: W, records: I) -> std::io::Result<u64>
where
    T: Serialize + 'a,
    W: Write,
    I: IntoIterator<Item = &'a T>,
{
    let mut w = JsonlWriter::new(out);
    for r in records {
        w.write(r)?;
    }
    let n = w.written();
    w.into_inner()?;
    Ok(n)
}
