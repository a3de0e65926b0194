//! Bad requests on every route get 4xx with a JSON body naming the field
//! and the reason; never a 500; a refused write changes nothing.

mod support;

use axum::http::StatusCode;
use serde_json::json;
use support::{app, call, refused, send, BODY_LIMIT, TOKEN};

const SEEKER: &str = r#"{"id":"S99","location":{"lat":53.2,"lon":6.56}}"#;
const VACANCY: &str = r#"{"id":"V99","isco":"9112","sector":"N","location":{"lat":53.2,"lon":6.56}}"#;
const EMPLOYER: &str = r#"{"id":"E99","location":{"lat":53.2,"lon":6.56},"sector":"C","occupations":["7512"]}"#;

/// Every route but /healthz, with a method that reaches it.
const ROUTES: &[(&str, &str)] = &[
    ("GET", "/v1/seekers/S01/vacancies"),
    ("GET", "/v1/seekers/S01/employers"),
    ("GET", "/v1/vacancies/V01/seekers"),
    ("POST", "/v1/match"),
    ("GET", "/v1/pairs/S01/V01"),
    ("PUT", "/v1/seekers/S99"),
    ("DELETE", "/v1/seekers/S01"),
    ("PUT", "/v1/vacancies/V99"),
    ("DELETE", "/v1/vacancies/V01"),
    ("PUT", "/v1/employers/E99"),
    ("DELETE", "/v1/employers/E01"),
    ("POST", "/v1/batch"),
    ("POST", "/v1/snapshot"),
    ("GET", "/v1/version"),
    ("GET", "/openapi.json"),
];

#[tokio::test]
async fn every_route_but_healthz_needs_the_token() {
    let (app, state) = app();
    for &(method, uri) in ROUTES {
        refused(&send(&app, method, uri, None, SEEKER.into()).await, StatusCode::UNAUTHORIZED, None);
        refused(
            &send(&app, method, uri, Some("wrong-token-0123456789"), SEEKER.into()).await,
            StatusCode::UNAUTHORIZED,
            None,
        );
        let short = &TOKEN[..TOKEN.len() - 1];
        refused(&send(&app, method, uri, Some(short), SEEKER.into()).await, StatusCode::UNAUTHORIZED, None);
    }
    assert_eq!(state.live().version(), 0, "no refused request wrote");
    assert_eq!(send(&app, "GET", "/healthz", None, vec![]).await.0, StatusCode::OK);
}

#[tokio::test]
async fn reads_refuse_bad_queries_and_unknown_ids() {
    let (app, _) = app();
    for base in ["/v1/seekers/S01/vacancies", "/v1/seekers/S01/employers", "/v1/vacancies/V01/seekers"] {
        assert_eq!(call(&app, "GET", base, "").await.0, StatusCode::OK, "{base}");
        for (q, field) in [
            ("top=0", "top"),
            ("top=1001", "top"),
            ("top=abc", "top"),
            ("top=-1", "top"),
            ("top=1.5", "top"),
            ("min_score=1.5", "min_score"),
            ("min_score=-0.1", "min_score"),
            ("min_score=NaN", "min_score"),
            ("min_score=x", "min_score"),
            ("explain=maybe", "explain"),
            ("bogus=1", "bogus"),
            ("top=1&top=2", "top"),
        ] {
            refused(&call(&app, "GET", &format!("{base}?{q}"), "").await, StatusCode::BAD_REQUEST, Some(field));
        }
        let unknown = base.replace("S01", "S404").replace("V01", "V404");
        refused(&call(&app, "GET", &unknown, "").await, StatusCode::NOT_FOUND, None);
        let long = base.replace("S01", &"S".repeat(65)).replace("V01", &"V".repeat(65));
        refused(&call(&app, "GET", &long, "").await, StatusCode::BAD_REQUEST, Some("id"));
    }
    let ok = call(&app, "GET", "/v1/seekers/S01/vacancies?top=2&min_score=0.1&explain=true", "").await;
    assert_eq!(ok.0, StatusCode::OK);
    assert!(ok.1["matches"].as_array().unwrap().len() <= 2);
    assert!(ok.1["matches"][0]["explanation"]["components"].is_array(), "{}", ok.1);
}

#[tokio::test]
async fn pairs_refuse_bad_languages_and_unknown_ids() {
    let (app, _) = app();
    assert_eq!(call(&app, "GET", "/v1/pairs/S01/V01?lang=nl", "").await.0, StatusCode::OK);
    refused(&call(&app, "GET", "/v1/pairs/S01/V01?lang=de", "").await, StatusCode::BAD_REQUEST, Some("lang"));
    refused(&call(&app, "GET", "/v1/pairs/S01/V01?language=en", "").await, StatusCode::BAD_REQUEST, Some("language"));
    refused(&call(&app, "GET", "/v1/pairs/S404/V01", "").await, StatusCode::NOT_FOUND, Some("seeker"));
    refused(&call(&app, "GET", "/v1/pairs/S01/V404", "").await, StatusCode::NOT_FOUND, Some("vacancy"));
}

/// Bodies every record route must refuse with 400, and the field named.
fn bad_bodies(valid: &str) -> Vec<(String, Option<&'static str>)> {
    let mut v: serde_json::Value = serde_json::from_str(valid).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut x = v.clone();
        f(&mut x);
        x.to_string()
    };
    let bodies = vec![
        ("{".to_string(), None),
        ("not json".to_string(), None),
        ("".to_string(), None),
        ("[1,2]".to_string(), None),
        ("{} {}".to_string(), None),
        ("\u{0}".to_string(), None),
        (with(&|x| x["bogus"] = json!(1)), Some("bogus")),
        (with(&|x| x["location"]["lat"] = json!(91)), Some("location.lat")),
        (with(&|x| x["location"]["lat"] = json!("north")), Some("location.lat")),
        (with(&|x| x["location"] = json!([1, 2])), Some("location")),
        (with(&|x| x["id"] = json!(7)), Some("id")),
        (with(&|x| x["id"] = json!("")), Some("id")),
        (with(&|x| _ = x.as_object_mut().unwrap().remove("location")), Some("location")),
    ];
    v["id"] = json!("other");
    bodies
}

#[tokio::test]
async fn record_writes_and_match_refuse_bad_bodies_and_apply_nothing() {
    let (app, state) = app();
    for (uri, method, valid) in [
        ("/v1/seekers/S99", "PUT", SEEKER),
        ("/v1/vacancies/V99", "PUT", VACANCY),
        ("/v1/employers/E99", "PUT", EMPLOYER),
        ("/v1/match", "POST", SEEKER),
    ] {
        for (body, field) in bad_bodies(valid) {
            let got = call(&app, method, uri, &body).await;
            refused(&got, StatusCode::BAD_REQUEST, None);
            if let Some(f) = field {
                assert_eq!(got.1["error"]["field"], f, "{uri} {body}: {}", got.1);
            }
        }
        let big = format!("{{\"id\":\"{}\"}}", "x".repeat(BODY_LIMIT));
        refused(&call(&app, method, uri, &big).await, StatusCode::PAYLOAD_TOO_LARGE, None);
    }
    assert_eq!(state.live().version(), 0, "no refused write was applied");
    // The id in the body must be the path's.
    refused(&call(&app, "PUT", "/v1/seekers/S98", SEEKER).await, StatusCode::BAD_REQUEST, Some("id"));
    // Well-formed ones go through, each a version.
    assert_eq!(call(&app, "PUT", "/v1/seekers/S99", SEEKER).await.1["version"], 1);
    assert_eq!(call(&app, "PUT", "/v1/vacancies/V99", VACANCY).await.1["version"], 2);
    assert_eq!(call(&app, "PUT", "/v1/employers/E99", EMPLOYER).await.1["version"], 3);
    // A pretty-printed body is one record too.
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(SEEKER).unwrap()).unwrap();
    assert_eq!(call(&app, "POST", "/v1/match", &pretty).await.0, StatusCode::OK);
}

#[tokio::test]
async fn deletes_refuse_unknown_and_bad_ids() {
    let (app, state) = app();
    for base in ["/v1/seekers", "/v1/vacancies", "/v1/employers"] {
        refused(&call(&app, "DELETE", &format!("{base}/X404"), "").await, StatusCode::NOT_FOUND, None);
        refused(
            &call(&app, "DELETE", &format!("{base}/{}", "x".repeat(65)), "").await,
            StatusCode::BAD_REQUEST,
            Some("id"),
        );
    }
    assert_eq!(state.live().version(), 0);
    assert_eq!(call(&app, "DELETE", "/v1/seekers/S01", "").await.1["version"], 1);
    refused(&call(&app, "DELETE", "/v1/seekers/S01", "").await, StatusCode::NOT_FOUND, None);
}

#[tokio::test]
async fn batches_are_all_or_nothing() {
    let (app, state) = app();
    let up = |kind: &str, rec: &str| format!(r#"{{"op":"upsert","kind":"{kind}","record":{rec}}}"#);
    let good = up("seeker", SEEKER);
    for (body, line, field, status) in [
        (format!("{good}\n{{"), 2, None, StatusCode::BAD_REQUEST),
        (
            format!("{good}\n{}", up("vacancy", &VACANCY.replace("9112", "91"))),
            2,
            Some("record.isco"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("{good}\n{}", up("employer", &EMPLOYER.replace("\"C\"", "5"))),
            2,
            Some("record.sector"),
            StatusCode::BAD_REQUEST,
        ),
        (format!("{good}\n{}", up("robot", SEEKER)), 2, Some("kind"), StatusCode::BAD_REQUEST),
        (
            format!("{good}\n{{\"op\":\"merge\",\"kind\":\"seeker\",\"id\":\"S01\"}}"),
            2,
            Some("op"),
            StatusCode::BAD_REQUEST,
        ),
        (format!("{good}\n{{\"op\":\"delete\",\"kind\":\"seeker\"}}"), 2, Some("id"), StatusCode::BAD_REQUEST),
        (
            format!("{good}\n{{\"op\":\"delete\",\"kind\":\"seeker\",\"id\":\"S01\",\"x\":1}}"),
            2,
            Some("x"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("\n{good}\n{{\"op\":\"delete\",\"kind\":\"seeker\",\"id\":\"S404\"}}"),
            2,
            Some("id"),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let got = call(&app, "POST", "/v1/batch", &body).await;
        refused(&got, status, field);
        assert_eq!(got.1["error"]["line"], line, "{body}: {}", got.1);
    }
    refused(&call(&app, "POST", "/v1/batch", "\n\n").await, StatusCode::BAD_REQUEST, None);
    assert_eq!(state.live().version(), 0, "nothing half-applied");
    assert!(state.live().snapshot().seeker("S99").is_none());
    let ok = format!("{good}\n{}\n{{\"op\":\"delete\",\"kind\":\"seeker\",\"id\":\"S01\"}}\n", up("vacancy", VACANCY));
    assert_eq!(call(&app, "POST", "/v1/batch", &ok).await.1["version"], 1);
    let snap = state.live().snapshot();
    assert!(snap.seeker("S99").is_some() && snap.vacancy("V99").is_some() && snap.seeker("S01").is_none());
}

#[tokio::test]
async fn unknown_routes_and_methods_are_json_refusals() {
    let (app, _) = app();
    refused(&call(&app, "GET", "/v1/nothing", "").await, StatusCode::NOT_FOUND, None);
    refused(&call(&app, "PATCH", "/v1/seekers/S01", "").await, StatusCode::METHOD_NOT_ALLOWED, None);
    let doc = call(&app, "GET", "/openapi.json", "").await;
    assert_eq!(doc.0, StatusCode::OK);
    for path in ["/v1/seekers/{id}/vacancies", "/v1/batch", "/v1/pairs/{seeker}/{vacancy}", "/healthz"] {
        assert!(doc.1["paths"][path].is_object(), "{path} missing from /openapi.json");
    }
}
