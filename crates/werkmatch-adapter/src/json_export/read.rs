//! Streaming the vendor's JSON export through a mapping into records.

use std::io::BufRead;
use std::path::Path;

use serde_json::error::Category;

use super::object::{to_row, Members};
use super::scan::{broken, resync_in, Event, Piece, Scanner};
use crate::csv_export::{Columns, Context, CsvRecord, Mapping, Row};
use crate::error::{Error, ErrorKind, Loaded, Result};
use crate::feed::{Collector, Progress, PROGRESS_EVERY};
use crate::privacy::json_shape_error;
use crate::read_options::ReadOptions;

/// Reads every record of a JSON export in `input` through `mapping` (see the module docs).
///
/// A record that breaks a rule is rejected with the line its object starts
/// on, the key as field, the value and the reason. With
/// [`OnError::Stop`](crate::OnError::Stop) the first rejected record ends the
/// read with its error. I/O errors, and postcodes without a postcode table,
/// end the read with `Err` in either mode.
pub fn read_json_export<T: CsvRecord>(
    input: impl BufRead,
    file: Option<&Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<T>> {
    let ctx = Context {
        mapping,
        postcodes: opts.record.postcodes,
        resolver: opts.record.resolver,
        normaliser: opts.record.normaliser,
    };
    let id_column = mapping.columns(T::KIND).iter().find(|(f, _)| *f == "id").map_or("id", |(_, c)| c.as_str());
    let collector = Collector::<T>::new(opts.on_error, T::KIND.population(), id_column);
    let mut scanner = Scanner::new(input, file);
    let mut reader = ExportReader { file, ctx: &ctx, collector };
    scanner.run(false, &mut |event| reader.event(event, opts))?;
    let collector = reader.collector;
    opts.report(Progress { records: collector.read(), bytes: scanner.bytes() });
    Ok(collector.finish(file, scanner.bytes()))
}

struct ExportReader<'a, 'f, T> {
    file: Option<&'f Path>,
    ctx: &'a Context<'a>,
    collector: Collector<T>,
}

impl<T: CsvRecord> ExportReader<'_, '_, T> {
    fn event(&mut self, event: Event<'_>, opts: &ReadOptions<'_>) -> Result<()> {
        let file = self.file;
        let (outcome, line, end) = match event {
            Event::Syntax(e) => {
                let line = e.position().line.unwrap_or(0);
                (Err(e), line, None)
            }
            Event::Value(piece) => match record::<T>(&piece, self.ctx) {
                Err(Failure::Config(e)) => return Err(e.at(file, piece.line)),
                Err(Failure::Syntax(e)) => {
                    let (err, resync) = broken(&piece, file, &e);
                    let line = err.position().line.unwrap_or(piece.line);
                    self.push(Err(err), line, Some(piece.end), opts)?;
                    return match resync {
                        Some(k) => resync_in(&piece, k, file, &mut |ev| self.event(ev, opts)),
                        None => Ok(()),
                    };
                }
                Err(Failure::Record(e)) => (Err(e.at(file, piece.line)), piece.line, Some(piece.end)),
                Ok((r, location_column)) => {
                    let warning = r.record_location().and_then(|p| opts.record.area.check(p));
                    let before = self.collector.accepted();
                    self.push(Ok(r), piece.line, Some(piece.end), opts)?;
                    if let Some(w) = warning.filter(|_| self.collector.accepted() > before) {
                        self.collector.warn(w.with_field(location_column).at(file, piece.line));
                    }
                    return Ok(());
                }
            },
        };
        self.push(outcome, line, end, opts)
    }

    fn push(&mut self, outcome: Result<T>, line: u64, end: Option<u64>, opts: &ReadOptions<'_>) -> Result<()> {
        self.collector.push_normalised(outcome, opts, T::record_id, self.file, line)?;
        if let Some(end) = end.filter(|_| self.collector.read() % PROGRESS_EVERY == 0) {
            opts.report(Progress { records: self.collector.read(), bytes: end });
        }
        Ok(())
    }
}

/// Reads a JSON export file at `path` (see [`read_json_export`]).
pub fn read_json_export_file<T: CsvRecord>(
    path: impl AsRef<Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<T>> {
    let path = path.as_ref();
    read_json_export(crate::files::open(path)?, Some(path), mapping, opts)
}

/// Why one piece gave no record.
enum Failure {
    /// The record breaks a rule: rejected, the read goes on.
    Record(Error),
    /// The text is not JSON: reported, and reading goes on after it.
    Syntax(serde_json::Error),
    /// The caller's settings are wrong: the read fails.
    Config(Error),
}

/// The record of one piece, and the key that location warnings name.
fn record<T: CsvRecord>(piece: &Piece<'_>, ctx: &Context<'_>) -> std::result::Result<(T, String), Failure> {
    let members: Members = serde_json::from_slice(piece.bytes).map_err(|e| match e.classify() {
        Category::Data => Failure::Record(json_shape_error(&e, "an object")),
        _ => Failure::Syntax(e),
    })?;
    let (header, cells) = to_row(members, T::KIND, ctx.mapping).map_err(Failure::Record)?;
    let columns = Columns::resolve(T::KIND, ctx.mapping, &header);
    let record = T::build(&Row { record: &cells, columns: &columns, ctx }).map_err(|e| match e.kind() {
        ErrorKind::Config => Failure::Config(e),
        _ => Failure::Record(e),
    })?;
    Ok((record, columns.location_column()))
}
