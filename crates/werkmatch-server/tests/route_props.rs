//! A property test over the routes (instead of schemathesis): random
//! methods, paths, queries, tokens and bodies (valid records mutated at
//! random) never get a 5xx, every refusal is a JSON error body, and a
//! refused request never changes the data version.

mod support;

use axum::http::StatusCode;
use proptest::prelude::*;
use serde_json::{json, Value};
use support::{app, send, TOKEN};

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("S01".to_string()),
        Just("V01".to_string()),
        Just("E01".to_string()),
        "[A-Za-z0-9_.~-]{1,8}",
        "%[0-9A-F]{2}[a-z]{0,3}",
        Just("x".repeat(70)),
    ]
}

fn query() -> impl Strategy<Value = String> {
    let key = prop_oneof![Just("top"), Just("min_score"), Just("explain"), Just("lang"), Just("zz")];
    let value = prop_oneof![
        Just("1".to_string()),
        Just("10".to_string()),
        Just("0.5".to_string()),
        Just("true".to_string()),
        Just("en".to_string()),
        Just("nl".to_string()),
        "[-0-9a-z.%+]{0,6}",
    ];
    prop::collection::vec((key, value), 0..3)
        .prop_map(|kv| kv.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e3f64..1e3).prop_map(|x| json!(x)),
        "[a-z0-9 ]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,6}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const VALID: &[&str] = &[
    r#"{"id":"S99","location":{"lat":53.2,"lon":6.56},"hours":{"min":10,"max":20},"skills":["a"]}"#,
    r#"{"id":"V99","isco":"9112","sector":"N","location":{"lat":53.2,"lon":6.56}}"#,
    r#"{"id":"E99","location":{"lat":53.2,"lon":6.56},"sector":"C","occupations":["7512"]}"#,
];

/// A valid record with one field replaced, removed or added at random.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let mutated = || {
        (
            0..VALID.len(),
            prop::sample::select(vec!["id", "location", "hours", "isco", "sector", "skills", "extra"]),
            prop::option::of(json_value()),
        )
            .prop_map(|(i, field, value)| {
                let mut v: Value = serde_json::from_str(VALID[i]).unwrap();
                let obj = v.as_object_mut().unwrap();
                match value {
                    Some(x) => _ = obj.insert(field.to_string(), x),
                    None => _ = obj.remove(field),
                }
                v
            })
    };
    prop_oneof![
        mutated().prop_map(|v| v.to_string().into_bytes()),
        mutated().prop_map(|v| json!({"op": "upsert", "kind": "seeker", "record": v}).to_string().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..40),
        Just(VALID[0].as_bytes().to_vec()),
    ]
}

fn request() -> impl Strategy<Value = (String, String, bool, Vec<u8>)> {
    let method = prop::sample::select(vec!["GET", "PUT", "POST", "DELETE", "PATCH"]);
    let path = (0..9usize, id(), id()).prop_map(|(t, a, b)| match t {
        0 => format!("/v1/seekers/{a}/vacancies"),
        1 => format!("/v1/seekers/{a}/employers"),
        2 => format!("/v1/vacancies/{a}/seekers"),
        3 => format!("/v1/pairs/{a}/{b}"),
        4 => format!("/v1/seekers/{a}"),
        5 => format!("/v1/vacancies/{a}"),
        6 => format!("/v1/employers/{a}"),
        7 => "/v1/match".to_string(),
        _ => "/v1/batch".to_string(),
    });
    (method, path, query(), any::<bool>(), body()).prop_map(|(m, p, q, tok, b)| {
        let uri = if q.is_empty() { p } else { format!("{p}?{q}") };
        (m.to_string(), uri, tok, b)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_request_gets_a_server_error(reqs in prop::collection::vec(request(), 1..8)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let (app, state) = app();
            for (method, uri, with_token, body) in reqs {
                if uri.parse::<axum::http::Uri>().is_err() {
                    continue;
                }
                let before = state.live().version();
                let token = with_token.then_some(TOKEN);
                let (status, value) = send(&app, &method, &uri, token, body).await;
                prop_assert!(!status.is_server_error(), "{method} {uri}: {status} {value}");
                if status != StatusCode::OK {
                    prop_assert!(value["error"]["kind"].is_string(), "{method} {uri}: {status} {value}");
                    prop_assert_eq!(state.live().version(), before, "a refused request wrote");
                }
            }
            Ok(())
        })?;
    }
}
