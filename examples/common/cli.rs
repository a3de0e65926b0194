//! What the example tools share: input flags (formats and reference data),
//! rejected-record reporting, report formats, exit codes and near misses.
//! Included with `#[path]`, so each tool stays one file to run.

// Each tool uses a subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use clap::Args;
use werkmatch::adapter::csv_export::Mapping;
use werkmatch::adapter::esco::{OccupationNormaliser, SkillNormaliser, Taxonomy};
use werkmatch::adapter::input::Inputs;
use werkmatch::adapter::postcode::PostcodeTable;
use werkmatch::adapter::OnError;
use werkmatch::text::{Catalogue, Label, Lang, Message, Verbatim};

/// How to read the inputs.
#[derive(Args, Debug, Clone)]
pub struct InputFlags {
    /// Column mapping (TOML or JSON) for .csv inputs; default: the Dutch export.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Postcode table (GeoNames postal-code format) for inputs with postcodes.
    #[arg(long)]
    pub postcodes: Option<PathBuf>,
    /// ESCO export directory: resolves ESCO URIs and normalises free-text job titles and skills.
    #[arg(long)]
    pub esco: Option<PathBuf>,
    /// With --esco: keep skill phrases that match no ESCO skill confidently as written (they are still reported).
    #[arg(long, requires = "esco")]
    pub keep_unmapped_skills: bool,
}

impl InputFlags {
    /// Loads the reference data and returns the readers' settings.
    ///
    /// The data lives as long as the program (these are one-shot tools), so it is leaked
    /// deliberately rather than threaded through lifetimes.
    pub fn inputs(&self, on_error: OnError, lang: Lang) -> Result<Inputs<'static>, String> {
        self.inputs_and_taxonomy(on_error, lang).map(|(i, _)| i)
    }

    /// As [`InputFlags::inputs`], with the taxonomy's version tag when `--esco` is given.
    pub fn inputs_and_taxonomy(
        &self,
        on_error: OnError,
        lang: Lang,
    ) -> Result<(Inputs<'static>, Option<String>), String> {
        let failed = |label: Label, e: werkmatch::adapter::Error| label.text_with(lang, &[("error", &e)]);
        let mapping = match &self.mapping {
            Some(p) => Some(Mapping::from_file(p).map_err(|e| failed(Label::InputMapping, e))?),
            None => None,
        };
        let postcodes: Option<&'static PostcodeTable> = match &self.postcodes {
            Some(p) => Some(Box::leak(Box::new(
                PostcodeTable::read_file(p).map_err(|e| failed(Label::InputPostcodeTable, e))?,
            ))),
            None => None,
        };
        let mut inputs = Inputs { on_error, mapping, postcodes, ..Inputs::new() };
        let mut tag = None;
        if let Some(dir) = &self.esco {
            let t: &'static Taxonomy =
                Box::leak(Box::new(Taxonomy::load(dir).map_err(|e| failed(Label::InputEscoExport, e))?));
            let n: &'static OccupationNormaliser<'static> = Box::leak(Box::new(OccupationNormaliser::new(t)));
            let s: &'static SkillNormaliser<'static> = Box::leak(Box::new(SkillNormaliser::new(t)));
            inputs.resolver = Some(t);
            inputs.labels = Some(t);
            inputs.normaliser = Some(n);
            inputs.skill_normaliser = Some(s);
            inputs.keep_unmapped_skills = self.keep_unmapped_skills;
            tag = Some(format!("ESCO {}", t.version().tag));
        }
        Ok((inputs, tag))
    }
}

/// Keeps the accepted records of one input; lists every rejected record on
/// stderr (file:line, field, value, reason) and adds their number to `bad`.
pub fn accept<T>(
    path: &std::path::Path,
    loaded: werkmatch::adapter::Result<werkmatch::adapter::Loaded<T>>,
    bad: &mut usize,
    lang: Lang,
) -> Result<Vec<T>, String> {
    let loaded = loaded.map_err(|e| format!("{}\n{}", e.text(lang), Label::InputStrictHint.text(lang)))?;
    if !loaded.rejected.is_empty() {
        let summary = Label::InputRejectedSummary.text_with(
            lang,
            &[
                ("file", &Verbatim(path.display())),
                ("read", &loaded.read),
                ("accepted", &loaded.accepted.len()),
                ("rejected", &loaded.rejected.len()),
            ],
        );
        eprintln!("{summary}");
        for r in &loaded.rejected {
            eprintln!("  {}", Label::InputRejected.text_with(lang, &[("error", r)]));
        }
    }
    // Skill phrases without a confident ESCO skill (kind Unresolved), then any other warning.
    let (unmapped, other): (Vec<_>, Vec<_>) =
        loaded.warnings.iter().partition(|w| w.kind() == werkmatch::adapter::ErrorKind::Unresolved);
    if !unmapped.is_empty() {
        let summary = Label::InputUnmappedSummary
            .text_with(lang, &[("file", &Verbatim(path.display())), ("unmapped", &unmapped.len())]);
        eprintln!("{summary}");
        for w in &unmapped {
            eprintln!("  {}", Label::InputWarning.text_with(lang, &[("error", *w)]));
        }
    }
    for w in &other {
        eprintln!("{}", Label::InputWarning.text_with(lang, &[("error", *w)]));
    }
    *bad += loaded.rejected.len();
    Ok(loaded.accepted)
}

/// Skill (or occupation) URIs as people read them: each concept's label in `lang`
/// where the taxonomy has one, else in English; the id itself when there is no
/// taxonomy or it does not know the concept. Comma-separated.
pub fn concept_names(labels: Option<&dyn werkmatch::adapter::ConceptLabels>, ids: &[String], lang: Lang) -> String {
    ids.iter().map(|id| labels.map_or(id.as_str(), |l| l.name(id, lang.code()))).collect::<Vec<_>>().join(", ")
}

/// How a tool prints its report.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// Readable text.
    Table,
    /// One JSON object.
    Json,
}

/// The `main` of a tool: parses the flags (`--help`/`--version` exit 0, a usage
/// error 2, both before any work), does `work`, and turns its error into one
/// [`error_line`] in `lang(&args)` on stderr and exit code 1. The exit-code
/// convention of every tool (0 ok, 1 bad input or check failed, 2 usage) so
/// lives in one place.
pub fn main<A: clap::Parser>(
    lang: impl FnOnce(&A) -> Lang,
    work: impl FnOnce(&A) -> Result<std::process::ExitCode, String>,
) -> std::process::ExitCode {
    let args: A = match parse() {
        Ok(a) => a,
        Err(code) => return code,
    };
    work(&args).unwrap_or_else(|msg| {
        eprintln!("{}", error_line(&msg, lang(&args)));
        std::process::ExitCode::from(1)
    })
}

/// Parses the flags; on `--help`/`--version` or a usage error, the exit code to return (0 or 2).
pub fn parse<T: clap::Parser>() -> Result<T, std::process::ExitCode> {
    T::try_parse().map_err(|e| {
        let _ = e.print();
        std::process::ExitCode::from(if e.use_stderr() { 2 } else { 0 })
    })
}

/// Prints `report` as pretty JSON; exit code 1 if it cannot be serialised.
pub fn print_json<T: serde::Serialize>(report: &T) -> Result<(), std::process::ExitCode> {
    match serde_json::to_string_pretty(report) {
        Ok(s) => {
            println!("{s}");
            Ok(())
        }
        Err(e) => {
            eprintln!("error: {e}");
            Err(std::process::ExitCode::from(1))
        }
    }
}

/// `error: …` in the chosen language, for stderr.
pub fn error_line(message: &str, lang: Lang) -> String {
    Label::CommonError.text_with(lang, &[("message", &message)])
}

/// The exit code after a run that skipped `bad` input records: 0, or 1 with a note.
pub fn finish(bad: usize, lang: Lang) -> std::process::ExitCode {
    if bad > 0 {
        let note = Label::InputBadRecordsNote.text_with(lang, &[("bad", &bad)]);
        eprintln!("{}", Label::CommonNote.text_with(lang, &[("message", &note)]));
        return std::process::ExitCode::from(1);
    }
    std::process::ExitCode::SUCCESS
}

/// The near misses: items whose pair is excluded by exactly one knock-out,
/// best would-be score first, ties by id.
pub fn near_misses<T>(
    items: &[T],
    id: impl Fn(&T) -> &werkmatch::Id,
    evaluate: impl Fn(&T) -> werkmatch::score::Evaluation,
    n: usize,
) -> Vec<&T> {
    let mut near: Vec<(f64, &T)> = items
        .iter()
        .filter_map(|x| {
            let ev = evaluate(x);
            (ev.knockouts.len() == 1).then_some((ev.total, x))
        })
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| id(a.1).cmp(id(b.1))));
    near.into_iter().take(n).map(|(_, x)| x).collect()
}

/// Prints a tool's report (or its error) and returns the exit code: 1 on an
/// error or when bad input records were skipped, else 0.
pub fn emit<R: serde::Serialize>(
    format: Format,
    report: Result<R, String>,
    bad: usize,
    lang: Lang,
    table: impl FnOnce(&R),
) -> std::process::ExitCode {
    let report = match report {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("{}", error_line(&msg, lang));
            return std::process::ExitCode::from(1);
        }
    };
    match format {
        Format::Json => {
            if let Err(code) = print_json(&report) {
                return code;
            }
        }
        Format::Table => table(&report),
    }
    finish(bad, lang)
}

/// Human overrides (AUDIT.md section 3) for the tools that list matches.
#[derive(Args, Debug, Clone, Default)]
pub struct OverrideFlags {
    /// Human overrides (JSON Lines): excluded pairs are never listed, included ones always are.
    #[arg(long)]
    pub overrides: Option<PathBuf>,
    /// The date the overrides' `valid_until` is checked against (YYYY-MM-DD); default: today (UTC).
    #[arg(long, requires = "overrides")]
    pub overrides_as_of: Option<String>,
}

impl OverrideFlags {
    /// The overrides in effect (none without `--overrides`), checked against the run's ids.
    pub fn load(
        &self,
        known: &werkmatch::adapter::overrides::KnownIds<'_>,
    ) -> Result<werkmatch::overrides::Overrides, String> {
        self.load_as_of(known).map(|(o, _)| o)
    }

    /// As [`OverrideFlags::load`], with the date they were resolved on (for a
    /// run record, so that a replay resolves the same set); `None` without `--overrides`.
    pub fn load_as_of(
        &self,
        known: &werkmatch::adapter::overrides::KnownIds<'_>,
    ) -> Result<(werkmatch::overrides::Overrides, Option<String>), String> {
        let Some(path) = &self.overrides else { return Ok((werkmatch::overrides::Overrides::none(), None)) };
        let day = self.overrides_as_of.clone().unwrap_or_else(|| werkmatch::audit::record::now_rfc3339()[..10].into());
        let today =
            werkmatch::overrides::Date::parse(&day).map_err(|e| format!("--overrides-as-of {day}: {}", e.reason()))?;
        let decisions = werkmatch::adapter::overrides::read_overrides_file(path, known).map_err(|e| e.to_string())?;
        Ok((werkmatch::overrides::Overrides::new(decisions, today), Some(day)))
    }
}

/// One pair explained for the person concerned (AUDIT.md section 2), as
/// `jobhunt --explain` and `vacancy --explain` print it: the texts in the
/// chosen language, the explanation as data (ids).
#[derive(serde::Serialize)]
pub struct PairReport {
    /// The language of the texts below.
    pub lang: Lang,
    /// The heading: which seeker and which vacancy or employer.
    pub pair: String,
    pub seeker: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vacancy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// The score; null when the pair is excluded.
    pub score: Option<f64>,
    /// Why it fits (or would fit but for the knock-outs).
    pub reasons: Vec<String>,
    /// Each knock-out (its id) with what would lift it (a text).
    pub knockouts: Vec<KnockOutLift>,
    /// The account in words, one fact per line (what the table shows).
    pub text: String,
    /// The explanation (SCORING.md section 7), data with ids.
    pub explanation: werkmatch::score::Explanation,
}

/// A knock-out and what would lift it.
#[derive(serde::Serialize)]
pub struct KnockOutLift {
    pub knockout: &'static str,
    pub lift: String,
}

/// What a pair's candidate is: a vacancy or an employer without one.
pub enum PairWith<'a> {
    Vacancy(&'a werkmatch::Vacancy),
    Employer(&'a werkmatch::Employer),
}

/// The account of one pair, with overrides, for the person concerned; `Err` for an
/// employer that cannot be scored.
pub fn pair_report(
    cfg: &werkmatch::score::ScoringConfig,
    ov: &werkmatch::overrides::Overrides,
    seeker: &werkmatch::Jobseeker,
    with: PairWith<'_>,
    lang: Lang,
) -> Result<PairReport, String> {
    use werkmatch::overrides;
    let (account, heading, vacancy, employer) = match with {
        PairWith::Vacancy(v) => {
            let heading = Label::CommonPairVacancy
                .text_with(lang, &[("seeker", &Verbatim(&seeker.id)), ("vacancy", &Verbatim(&v.id))]);
            (overrides::account(cfg, ov, seeker, v), heading, Some(v.id.to_string()), None)
        }
        PairWith::Employer(e) => {
            let account = overrides::account_employer(cfg, ov, seeker, e)
                .ok_or_else(|| Label::CommonEmployerUnscorable.text_with(lang, &[("id", &Verbatim(&e.id))]))?;
            let heading = Label::CommonPairEmployer
                .text_with(lang, &[("seeker", &Verbatim(&seeker.id)), ("employer", &Verbatim(&e.id))]);
            (account, heading, None, Some(e.id.to_string()))
        }
    };
    Ok(PairReport {
        lang,
        pair: heading,
        seeker: seeker.id.to_string(),
        vacancy,
        employer,
        score: account.explanation.score,
        reasons: account.reasons.iter().map(|r| r.text(lang)).collect(),
        knockouts: account
            .lifts
            .iter()
            .map(|l| KnockOutLift { knockout: l.knockout.name(), lift: l.hint.text(lang) })
            .collect(),
        text: account.text(lang),
        explanation: account.explanation,
    })
}

/// Prints a [`PairReport`] as a table: the heading, then the account in words.
pub fn print_pair(report: &PairReport) {
    println!("{}", report.pair);
    print!("{}", report.text);
}
