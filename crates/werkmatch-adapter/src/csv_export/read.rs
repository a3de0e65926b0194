//! Streaming a CSV export through a mapping into records.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use csv::ByteRecord;
use werkmatch_core::{Employer, Jobseeker, Vacancy};

use super::build::CsvRecord;
use super::lines::LineTracker;
use super::mapping::{Kind, Mapping};
use super::row::{Columns, Context, Row};
use crate::error::{Error, ErrorKind, Loaded, Result};
use crate::feed::{Collector, Progress, PROGRESS_EVERY};
use crate::read_options::ReadOptions;

/// Reads every record of a CSV export in `input` through `mapping`.
///
/// The first line is the header. A row that breaks a rule is rejected with
/// its line (the header is line 1; a quoted cell may span lines, and the row
/// then has the line it starts on), the column name as field, the cell and
/// the reason. With [`OnError::Stop`](crate::OnError::Stop) the first rejected
/// row ends the read with its error.
///
/// Errors that concern the whole file end the read with `Err` in either mode:
/// I/O, an unreadable header, a mapping that names no column for a required
/// field, or postcodes without a postcode table.
///
/// Memory grows with the accepted records (and their ids), not with the file.
pub fn read_csv<T: CsvRecord>(
    input: impl BufRead,
    file: Option<&Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<T>> {
    read_csv_checked(input, file, mapping, opts, &|_| Ok(()))
}

/// [`read_csv`] with one more rule per record (e.g. the KvK number of a lead);
/// `check` gets the record and the mapped column names, its error gets the row's position.
pub(crate) fn read_csv_checked<T: CsvRecord>(
    mut input: impl BufRead,
    file: Option<&Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
    check: &dyn Fn(&T) -> Result<()>,
) -> Result<Loaded<T>> {
    let delimiter = match mapping.delimiter {
        Some(d) => d,
        None => detect_delimiter(input.fill_buf().map_err(|e| Error::io(file, e).at(file, 1))?),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(LineTracker::new(input));
    let header: Vec<String> = reader
        .byte_headers()
        .map_err(|e| csv_error(&e, file, 1))?
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = String::from_utf8_lossy(h);
            let h = if i == 0 { h.trim_start_matches('\u{feff}') } else { &h };
            h.trim().to_string()
        })
        .collect();
    let columns = Columns::resolve(T::KIND, mapping, &header);
    check_columns(&columns, mapping, opts, file).map_err(|e| {
        let reason = format!("{}; {}", e.reason(), header_note(delimiter, &header));
        e.with_reason(reason)
    })?;
    let ctx = Context {
        mapping,
        postcodes: opts.record.postcodes,
        resolver: opts.record.resolver,
        normaliser: opts.record.normaliser,
    };
    let id_column = mapping.columns(T::KIND).iter().find(|(f, _)| *f == "id").map_or("id", |(_, c)| c.as_str());
    let mut collector = Collector::<T>::new(opts.on_error, T::KIND.population(), id_column);
    let mut record = ByteRecord::new();
    let mut last_line = 1;
    loop {
        let outcome = match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                last_line = record.position().map_or(last_line + 1, |p| reader.get_mut().line_at(p.byte()));
                if record.len() == 1 && record.get(0).is_some_and(|c| c.iter().all(u8::is_ascii_whitespace)) {
                    continue; // a blank line is not a record
                }
                if record.len() != header.len() {
                    Err(Error::new(
                        ErrorKind::Syntax,
                        format!("the row has {} fields, the header has {}", record.len(), header.len()),
                    ))
                } else {
                    T::build(&Row { record: &record, columns: &columns, ctx: &ctx }).and_then(|r| check(&r).map(|()| r))
                }
            }
            Err(e) => {
                let line = match e.position() {
                    Some(p) => reader.get_mut().line_at(p.byte()),
                    None => last_line + 1,
                };
                let err = csv_error(&e, file, line);
                if err.kind() == ErrorKind::Io {
                    return Err(err);
                }
                last_line = line;
                Err(err)
            }
        };
        let warning = outcome.as_ref().ok().and_then(T::record_location).and_then(|p| opts.record.area.check(p));
        let before = collector.accepted();
        collector.push_normalised(outcome.map_err(|e| e.at(file, last_line)), opts, T::record_id, file, last_line)?;
        if let Some(w) = warning.filter(|_| collector.accepted() > before) {
            collector.warn(w.with_field(columns.location_column()).at(file, last_line));
        }
        if collector.read() % PROGRESS_EVERY == 0 {
            opts.report(Progress { records: collector.read(), bytes: reader.position().byte() });
        }
    }
    let bytes = reader.get_ref().bytes();
    opts.report(Progress { records: collector.read(), bytes });
    Ok(collector.finish(file, bytes))
}

/// Fails when the header lacks a column for a required field, or the file has
/// postcodes and no table was given.
fn check_columns(columns: &Columns, mapping: &Mapping, opts: &ReadOptions<'_>, file: Option<&Path>) -> Result<()> {
    let kind = columns.kind;
    let column_of = |field: &str| {
        mapping.columns(kind).iter().find(|(f, _)| *f == field).map_or("(not mapped)", |(_, c)| c.as_str()).to_string()
    };
    let config =
        |reason: String| Err(Error::new(ErrorKind::Config, reason).with_position(crate::error::Position::new(file, 1)));
    let mut required = vec!["id"];
    match kind {
        // v1.1: a vacancy's sector may be unknown.
        Kind::Seekers | Kind::Vacancies => {}
        Kind::Employers => required.extend(["sector", "occupations"]),
    }
    for field in required {
        if !columns.has(field) {
            return config(format!("the header has no column `{}` for the required field `{field}`", column_of(field)));
        }
    }
    if kind == Kind::Vacancies && !["isco", "esco_occupation", "title"].iter().any(|f| columns.has(f)) {
        return config(format!("the header has no occupation column (`{}`)", column_of("isco")));
    }
    if columns.has("postcode") {
        if opts.record.postcodes.is_none() {
            return config(
                "this feed has postcodes: give a postcode table in the GeoNames format \
                 (e.g. shared/data/geo/geonames_postalcodes_NL.txt)"
                    .to_string(),
            );
        }
    } else {
        let has_lat_lon = columns.has("lat") && columns.has("lon");
        // v1.1: remote vacancies may have no location, so a remote column will do.
        let remote_only = kind == Kind::Vacancies && columns.has("remote");
        if !(has_lat_lon || remote_only) {
            return config(format!(
                "the header has no location: no column `{}` (postcode) and no `lat`/`lon` columns",
                column_of("postcode")
            ));
        }
    }
    Ok(())
}

/// What the reader saw in a header that does not fit: the delimiter it used and the columns it found.
fn header_note(delimiter: u8, header: &[String]) -> String {
    let name = match delimiter {
        b'\t' => "a tab".to_string(),
        d => format!("`{}`", char::from(d)),
    };
    let mut shown: Vec<String> =
        header.iter().take(8).map(|h| format!("`{}`", h.chars().take(40).collect::<String>())).collect();
    if header.len() > 8 {
        shown.push(format!("… ({} in all)", header.len()));
    }
    let columns = if header.len() == 1 { "1 column" } else { "columns" };
    format!("read with delimiter {name}, the header has {columns}: {}", shown.join(", "))
}

/// `;`, tab or `,`: whichever occurs most in the first line outside quotes (`,` on a tie).
fn detect_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let (mut semi, mut comma, mut tab, mut quoted) = (0usize, 0usize, 0usize, false);
    for b in line {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => semi += 1,
            b',' if !quoted => comma += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semi > comma && semi >= tab {
        b';'
    } else if tab > comma && tab > semi {
        b'\t'
    } else {
        b','
    }
}

fn csv_error(e: &csv::Error, file: Option<&Path>, line: u64) -> Error {
    match e.kind() {
        csv::ErrorKind::Io(io) => Error::io(file, std::io::Error::new(io.kind(), io.to_string())).at(file, line),
        _ => Error::new(ErrorKind::Syntax, format!("CSV: {e}")).at(file, line),
    }
}

fn open(path: &Path) -> Result<BufReader<File>> {
    crate::files::open(path)
}

/// Reads a CSV file at `path` (see [`read_csv`]).
pub fn read_csv_file<T: CsvRecord>(
    path: impl AsRef<Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<T>> {
    let path = path.as_ref();
    read_csv(open(path)?, Some(path), mapping, opts)
}

/// Reads jobseekers from a CSV export.
pub fn read_seekers(
    input: impl BufRead,
    file: Option<&Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<Jobseeker>> {
    read_csv(input, file, mapping, opts)
}

/// Reads vacancies from a CSV export.
pub fn read_vacancies(
    input: impl BufRead,
    file: Option<&Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<Vacancy>> {
    read_csv(input, file, mapping, opts)
}

/// Reads employers without a vacancy from a CSV export.
pub fn read_employers(
    input: impl BufRead,
    file: Option<&Path>,
    mapping: &Mapping,
    opts: &ReadOptions<'_>,
) -> Result<Loaded<Employer>> {
    read_csv(input, file, mapping, opts)
}

#[cfg(test)]
mod tests {
    use super::detect_delimiter;

    #[test]
    fn delimiter_detection() {
        assert_eq!(detect_delimiter(b"a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter(b"a,b,c"), b',');
        assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(b""), b',');
    }
}
