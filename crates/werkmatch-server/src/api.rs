//! The `/v1` handlers. Ranking runs on the state's ranking pool (rayon,
//! sized for the machine) and writing on tokio's blocking threads (a write
//! waits for its log sync), both off the async workers; every answer names
//! the data `version` it came from.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use werkmatch_core::rank::{Answer, Change, RankOptions, Snapshot};
use werkmatch_core::score::{explain, explain_employer};
use werkmatch_core::{Jobseeker, Vacancy};

use crate::error::{ApiError, ErrorBody};
use crate::records::{parse_changes, parse_id, parse_record};
use crate::state::AppState;

type Shared = State<Arc<AppState>>;
type ApiResult<T> = Result<Json<T>, ApiError>;

/// The most results one read returns.
pub const MAX_TOP: usize = 1000;

/// Query parameters of the ranking reads.
#[derive(Clone, Copy, Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReadParams {
    /// How many results, 1–1000 (default 10).
    pub top: Option<usize>,
    /// The lowest score kept, 0–1 (default 0).
    pub min_score: Option<f64>,
    /// Add each result's explanation (default false).
    pub explain: Option<bool>,
}

/// Query parameters of `GET /v1/pairs/{seeker}/{vacancy}`.
#[derive(Clone, Copy, Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PairParams {
    /// `nl` or `en` (default `nl`) for the text.
    pub lang: Option<Lang>,
}

/// A language for people-facing text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch.
    Nl,
    /// English.
    En,
}

fn query_pairs(raw: Option<String>, allowed: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.as_deref().unwrap_or(""))
        .map_err(|_| ApiError::bad_request("syntax", "the query string is not valid form encoding"))?;
    for (i, (k, _)) in pairs.iter().enumerate() {
        if !allowed.contains(&k.as_str()) {
            return Err(ApiError::bad_request(
                "unknown_field",
                format!("unknown query parameter; known: {}", allowed.join(", ")),
            )
            .with_field(k.clone()));
        }
        if pairs[..i].iter().any(|(p, _)| p == k) {
            return Err(ApiError::bad_request("invalid_value", "given more than once").with_field(k.clone()));
        }
    }
    Ok(pairs)
}

impl ReadParams {
    fn parse(raw: Option<String>) -> Result<ReadParams, ApiError> {
        let mut p = ReadParams { top: None, min_score: None, explain: None };
        for (k, v) in query_pairs(raw, &["top", "min_score", "explain"])? {
            let bad = |rule: &str| ApiError::bad_request("invalid_value", rule.to_string()).with_field(k.clone());
            match k.as_str() {
                "top" => match v.parse::<usize>() {
                    Ok(n) if (1..=MAX_TOP).contains(&n) => p.top = Some(n),
                    _ => return Err(bad("must be a whole number, 1 ≤ top ≤ 1000")),
                },
                "min_score" => match v.parse::<f64>() {
                    Ok(x) if (0.0..=1.0).contains(&x) => p.min_score = Some(x),
                    _ => return Err(bad("must be a number, 0 ≤ min_score ≤ 1")),
                },
                _ => match v.as_str() {
                    "true" => p.explain = Some(true),
                    "false" => p.explain = Some(false),
                    _ => return Err(bad("must be true or false")),
                },
            }
        }
        Ok(p)
    }

    fn options(&self) -> Result<RankOptions, ApiError> {
        RankOptions::top(self.top.unwrap_or(10))
            .with_min_score(self.min_score.unwrap_or(0.0))
            .map_err(|e| ApiError::from_core(&e))
    }
}

/// One ranked candidate.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchOut {
    /// The candidate's id.
    pub id: String,
    /// Its score in [0, 1] (shortest round-trip decimal of the f64).
    pub score: f64,
    /// The explanation (SCORING.md section 7), with `explain=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub explanation: Option<Value>,
}

/// A ranking answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankingOut {
    /// The data version the answer came from.
    pub version: u64,
    /// The subject's id (absent for `POST /v1/match`'s unstored seeker... it is the body's id).
    pub subject: String,
    /// Best first.
    pub matches: Vec<MatchOut>,
}

/// A write's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Written {
    /// The data version that holds the write.
    pub version: u64,
}

/// `GET /v1/version`.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionOut {
    /// Engine name and version.
    pub engine: String,
    /// `sha256:` of the scoring configuration.
    pub scoring_hash: String,
    /// The current data version.
    pub data_version: u64,
    /// Records in the current version.
    pub seekers: usize,
    /// Vacancies in the current version.
    pub vacancies: usize,
    /// Employers in the current version.
    pub employers: usize,
}

/// `GET /v1/pairs/{seeker}/{vacancy}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PairOut {
    /// The data version.
    pub version: u64,
    /// The seeker.
    pub seeker: String,
    /// The vacancy.
    pub vacancy: String,
    /// The language asked for.
    pub lang: Lang,
    /// The language `text` is in: always `lang` (kept for clients of the first version).
    pub text_lang: Lang,
    /// The explanation (also for an excluded pair: its knock-outs).
    #[schema(value_type = Object)]
    pub explanation: Value,
    /// The explanation in words, one fact per line.
    pub text: String,
}

/// Runs a read on the ranking pool and waits for it without holding an
/// async worker. A panic is caught (rayon would abort the process) and
/// answered as a `500`.
async fn ranked<T: Send + 'static>(
    st: &Arc<AppState>,
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    st.pool().spawn(move || {
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        let _ = tx.send(out);
    });
    match rx.await {
        Ok(Ok(out)) => out,
        _ => Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "the request failed")),
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, ApiError> + Send + 'static) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|_| Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "the request failed")))
}

/// The path's segments, or a JSON refusal (e.g. percent-encoding that is not UTF-8).
fn path<T>(p: Result<Path<T>, PathRejection>) -> Result<T, ApiError> {
    p.map(|Path(x)| x).map_err(|_| {
        ApiError::bad_request("invalid_value", "the path's ids must be percent-encoded UTF-8").with_field("id")
    })
}

fn body(b: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    b.map_err(|r| {
        let status = r.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(status, "too_large", "the body is over the limit")
        } else {
            ApiError::new(status, "bad_body", "the body could not be read")
        }
    })
}

/// Explains one candidate (by id) for the subject of a ranking.
type Explainer<'a> = &'a dyn Fn(&str) -> Option<Value>;

fn out(answer: Answer, subject: &str, explain_with: Option<Explainer<'_>>) -> RankingOut {
    RankingOut {
        version: answer.version,
        subject: subject.to_string(),
        matches: answer
            .matches
            .into_iter()
            .map(|m| MatchOut {
                explanation: explain_with.and_then(|f| f(m.id.as_str())),
                id: m.id.as_str().to_string(),
                score: m.score,
            })
            .collect(),
    }
}

fn to_json<T: Serialize>(x: &T) -> Option<Value> {
    serde_json::to_value(x).ok()
}

/// One read of a stored record by its id: the query and the id are checked on
/// the async worker (a bad request never reaches the pool), the ranking `f` runs
/// on the ranking pool against one snapshot, so the whole answer comes from
/// one version.
async fn stored_read(
    st: Arc<AppState>,
    id: Result<Path<String>, PathRejection>,
    q: Option<String>,
    f: impl FnOnce(&Snapshot, &str, ReadParams) -> Result<RankingOut, ApiError> + Send + 'static,
) -> ApiResult<RankingOut> {
    let p = ReadParams::parse(q)?;
    let id = parse_id(&path(id)?, "id")?;
    let pool = Arc::clone(&st);
    ranked(&pool, move || f(&st.live().snapshot(), id.as_str(), p)).await.map(Json)
}

fn seeker_vacancies(snap: &Snapshot, seeker: &Jobseeker, p: ReadParams) -> Result<RankingOut, ApiError> {
    let answer = snap.top_vacancies_for(seeker, &p.options()?);
    let cfg = snap.config();
    let ex = |id: &str| snap.vacancy(id).and_then(|v| to_json(&explain(cfg, seeker, v)));
    Ok(out(answer, seeker.id.as_str(), p.explain.unwrap_or(false).then_some(&ex as Explainer<'_>)))
}

/// The best vacancies for a stored seeker.
#[utoipa::path(get, path = "/v1/seekers/{id}/vacancies", params(("id" = String, Path, description = "seeker id"), ReadParams),
    responses((status = 200, body = RankingOut), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub async fn seeker_to_vacancies(
    State(st): Shared,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> ApiResult<RankingOut> {
    stored_read(st, id, q, |snap, id, p| {
        let seeker = snap.seeker(id).ok_or_else(|| ApiError::not_found("seeker"))?;
        seeker_vacancies(snap, seeker, p)
    })
    .await
}

/// The best employers without a vacancy for a stored seeker.
#[utoipa::path(get, path = "/v1/seekers/{id}/employers", params(("id" = String, Path, description = "seeker id"), ReadParams),
    responses((status = 200, body = RankingOut), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub async fn seeker_to_employers(
    State(st): Shared,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> ApiResult<RankingOut> {
    stored_read(st, id, q, |snap, id, p| {
        let seeker = snap.seeker(id).ok_or_else(|| ApiError::not_found("seeker"))?;
        let answer = snap.top_employers_for(seeker, &p.options()?);
        let cfg = snap.config();
        let ex = |id: &str| snap.employer(id).and_then(|e| explain_employer(cfg, seeker, e)).and_then(|x| to_json(&x));
        Ok(out(answer, seeker.id.as_str(), p.explain.unwrap_or(false).then_some(&ex as Explainer<'_>)))
    })
    .await
}

/// The best seekers for a stored vacancy.
#[utoipa::path(get, path = "/v1/vacancies/{id}/seekers", params(("id" = String, Path, description = "vacancy id"), ReadParams),
    responses((status = 200, body = RankingOut), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub async fn vacancy_to_seekers(
    State(st): Shared,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> ApiResult<RankingOut> {
    stored_read(st, id, q, |snap, id, p| {
        let vacancy: &Vacancy = snap.vacancy(id).ok_or_else(|| ApiError::not_found("vacancy"))?;
        let answer = snap.top_seekers_for(vacancy, &p.options()?);
        let cfg = snap.config();
        let ex = |id: &str| snap.seeker(id).and_then(|s| to_json(&explain(cfg, s, vacancy)));
        Ok(out(answer, vacancy.id.as_str(), p.explain.unwrap_or(false).then_some(&ex as Explainer<'_>)))
    })
    .await
}

/// The best vacancies for a seeker profile in the body (FORMAT.md seeker), not stored.
#[utoipa::path(post, path = "/v1/match", params(ReadParams), request_body(content = Object, description = "a FORMAT.md seeker"),
    responses((status = 200, body = RankingOut), (status = 400, body = ErrorBody), (status = 413, body = ErrorBody)), security(("bearer" = [])))]
pub async fn match_profile(
    State(st): Shared,
    RawQuery(q): RawQuery,
    b: Result<Bytes, BytesRejection>,
) -> ApiResult<RankingOut> {
    let p = ReadParams::parse(q)?;
    let bytes = body(b)?;
    let pool = Arc::clone(&st);
    ranked(&pool, move || {
        let seeker: Jobseeker = parse_record(&bytes)?;
        let snap = st.live().snapshot();
        seeker_vacancies(&snap, &seeker, p)
    })
    .await
    .map(Json)
}

/// The explanation of one pair, ranked or excluded.
#[utoipa::path(get, path = "/v1/pairs/{seeker}/{vacancy}", params(("seeker" = String, Path), ("vacancy" = String, Path), PairParams),
    responses((status = 200, body = PairOut), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub async fn pair(
    State(st): Shared,
    ids: Result<Path<(String, String)>, PathRejection>,
    RawQuery(q): RawQuery,
) -> ApiResult<PairOut> {
    let mut lang = Lang::Nl;
    for (k, val) in query_pairs(q, &["lang"])? {
        lang = match val.as_str() {
            "nl" => Lang::Nl,
            "en" => Lang::En,
            _ => return Err(ApiError::bad_request("invalid_value", "must be nl or en").with_field(k)),
        };
    }
    let (s, v) = path(ids)?;
    let (s, v) = (parse_id(&s, "seeker")?, parse_id(&v, "vacancy")?);
    let pool = Arc::clone(&st);
    ranked(&pool, move || {
        let snap = st.live().snapshot();
        let seeker = snap.seeker(s.as_str()).ok_or_else(|| ApiError::not_found("seeker").with_field("seeker"))?;
        let vacancy = snap.vacancy(v.as_str()).ok_or_else(|| ApiError::not_found("vacancy").with_field("vacancy"))?;
        let ex = explain(snap.config(), seeker, vacancy);
        let in_lang = match lang {
            Lang::Nl => werkmatch_core::text::Lang::Nl,
            Lang::En => werkmatch_core::text::Lang::En,
        };
        Ok(PairOut {
            version: snap.version(),
            seeker: s.as_str().to_string(),
            vacancy: v.as_str().to_string(),
            lang,
            text_lang: lang,
            text: werkmatch_core::text::Message::text(&ex, in_lang),
            explanation: to_json(&ex).unwrap_or(Value::Null),
        })
    })
    .await
    .map(Json)
}

/// Engine, scoring configuration hash and data version.
#[utoipa::path(get, path = "/v1/version", responses((status = 200, body = VersionOut)), security(("bearer" = [])))]
pub async fn version(State(st): Shared) -> Json<VersionOut> {
    let snap = st.live().snapshot();
    let (seekers, vacancies, employers) = (snap.seekers().len(), snap.vacancies().len(), snap.employers().len());
    Json(VersionOut {
        engine: format!("werkmatch-server {}", env!("CARGO_PKG_VERSION")),
        scoring_hash: st.scoring_hash().to_string(),
        data_version: snap.version(),
        seekers,
        vacancies,
        employers,
    })
}

/// Liveness; needs no token.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "ok")))]
pub async fn healthz() -> &'static str {
    "ok\n"
}

async fn write(st: Arc<AppState>, changes: Vec<Change>) -> ApiResult<Written> {
    blocking(move || st.write(changes)).await.map(|version| Json(Written { version }))
}

fn same_id(record_id: &str, path_id: &str) -> Result<(), ApiError> {
    if record_id == path_id {
        Ok(())
    } else {
        Err(ApiError::bad_request("invalid_value", "the record's id differs from the id in the path").with_field("id"))
    }
}

fn single(e: ApiError, what: &str) -> ApiError {
    if e.status() == StatusCode::NOT_FOUND {
        ApiError::not_found(what)
    } else {
        e
    }
}

macro_rules! record_routes {
    ($put:ident, $del:ident, $ty:ty, $what:literal, $path:literal, $upsert:path, $remove:path) => {
        #[doc = concat!("Adds or replaces the ", $what, " (body: a FORMAT.md ", $what, " with this id).")]
        #[utoipa::path(put, path = $path, params(("id" = String, Path)), request_body(content = Object),
            responses((status = 200, body = Written), (status = 400, body = ErrorBody), (status = 413, body = ErrorBody)), security(("bearer" = [])))]
        pub async fn $put(State(st): Shared, id: Result<Path<String>, PathRejection>, b: Result<Bytes, BytesRejection>) -> ApiResult<Written> {
            let id = parse_id(&path(id)?, "id")?;
            let record: $ty = parse_record(&body(b)?)?;
            same_id(record.id.as_str(), id.as_str())?;
            write(st, vec![$upsert(record)]).await
        }

        #[doc = concat!("Removes the ", $what, ".")]
        #[utoipa::path(delete, path = $path, params(("id" = String, Path)),
            responses((status = 200, body = Written), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
        pub async fn $del(State(st): Shared, id: Result<Path<String>, PathRejection>) -> ApiResult<Written> {
            let id = parse_id(&path(id)?, "id")?;
            write(st, vec![$remove(id)]).await.map_err(|e| single(e, $what))
        }
    };
}

record_routes!(
    put_seeker,
    delete_seeker,
    Jobseeker,
    "seeker",
    "/v1/seekers/{id}",
    Change::UpsertSeeker,
    Change::RemoveSeeker
);
record_routes!(
    put_vacancy,
    delete_vacancy,
    Vacancy,
    "vacancy",
    "/v1/vacancies/{id}",
    Change::UpsertVacancy,
    Change::RemoveVacancy
);
record_routes!(
    put_employer,
    delete_employer,
    werkmatch_core::Employer,
    "employer",
    "/v1/employers/{id}",
    Change::UpsertEmployer,
    Change::RemoveEmployer
);

/// Applies JSON Lines of changes (`{"op":"upsert","kind":...,"record":{...}}`,
/// `{"op":"delete","kind":...,"id":...}`) as one batch: all or nothing.
#[utoipa::path(post, path = "/v1/batch", request_body(content = String, content_type = "application/x-ndjson"),
    responses((status = 200, body = Written), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody)), security(("bearer" = [])))]
pub async fn batch(State(st): Shared, b: Result<Bytes, BytesRejection>) -> ApiResult<Written> {
    let bytes = body(b)?;
    let changes = blocking(move || parse_changes(&bytes)).await?;
    if changes.is_empty() {
        return Err(ApiError::bad_request("invalid_value", "a batch holds at least one change"));
    }
    write(st, changes).await
}

/// Writes a snapshot of the current version and truncates the write log.
#[utoipa::path(post, path = "/v1/snapshot", responses((status = 200, body = Written)), security(("bearer" = [])))]
pub async fn snapshot(State(st): Shared) -> ApiResult<Written> {
    blocking(move || st.snapshot()).await.map(|version| Json(Written { version }))
}
