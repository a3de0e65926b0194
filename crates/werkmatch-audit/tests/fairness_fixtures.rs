//! The fairness figures on hand-computed fixtures (AUDIT.md section 4).

use werkmatch_audit::fairness::{
    fairness_report, plan_from_str, wilson, AuditAttributes, FairnessReport, Results, Z95,
};

/// `n` seekers of `group` with ids `prefix0…`, the first `matched` of them with one match.
fn seekers(prefix: &str, group: &str, n: usize, matched: usize, results: &mut String, attrs: &mut String) {
    for i in 0..n {
        let id = format!("{prefix}{i:03}");
        let list =
            if i < matched { format!("[{{\"vacancy\":\"V1\",\"score\":0.{}}}]", 5 + i % 4) } else { "[]".into() };
        results.push_str(&format!("{{\"seeker\":\"{id}\",\"matches\":{list}}}\n"));
        attrs.push_str(&format!("{{\"seeker\":\"{id}\",\"g\":\"{group}\"}}\n"));
    }
}

fn report(results: &str, attrs: &str, plan: Option<&str>, min_group: u64) -> FairnessReport {
    let r: Results = werkmatch_audit::fairness::matches_from_str(results, None).unwrap();
    let a = AuditAttributes::from_str(attrs, None).unwrap();
    let p = plan.map(|p| plan_from_str(p, None).unwrap());
    fairness_report(&r, &a, p.as_ref(), min_group, None)
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn the_worked_check_impact_ratio_is_0_70_and_flagged() {
    let (mut r, mut a) = (String::new(), String::new());
    seekers("A", "a", 80, 48, &mut r, &mut a);
    seekers("B", "b", 50, 21, &mut r, &mut a);
    let rep = report(&r, &a, None, 30);
    let g = &rep.attributes["g"];
    assert_eq!((g["a"].n, g["a"].matched, g["b"].n, g["b"].matched), (80, 48, 50, 21));
    assert!(close(g["a"].match_rate, 0.6, 1e-12) && close(g["b"].match_rate, 0.42, 1e-12));
    assert!(close(g["b"].match_rate_ratio.unwrap(), 0.70, 1e-12), "{:?}", g["b"].match_rate_ratio);
    assert!(close(g["a"].match_rate_ratio.unwrap(), 1.0, 1e-12));
    assert!(g["b"].flagged && !g["a"].flagged);
    assert!(!g["a"].insufficient_n && !g["b"].insufficient_n);
    // Without a plan the placement figures are null.
    assert_eq!((g["a"].placement_rate, g["a"].placement_ratio), (None, None));
    let json = serde_json::to_value(&rep).unwrap();
    assert!(json["attributes"]["g"]["a"]["placement_rate"].is_null());
    assert_eq!(json["attributes"]["g"]["b"]["flagged"], true);
    assert_eq!(json["min_group"], 30);
}

#[test]
fn the_worked_check_exposure_is_0_7500_and_0_5308() {
    let results = "\
{\"seeker\":\"A1\",\"matches\":[{\"vacancy\":\"V1\",\"score\":0.9}]}
{\"seeker\":\"B1\",\"matches\":[{\"vacancy\":\"V1\",\"score\":0.8}]}
{\"seeker\":\"A2\",\"matches\":[{\"vacancy\":\"V1\",\"score\":0.7}]}
{\"seeker\":\"B2\",\"matches\":[{\"vacancy\":\"V1\",\"score\":0.6}]}
{\"vacancy\":\"V1\",\"matches\":[{\"seeker\":\"A1\",\"score\":0.9},{\"seeker\":\"B1\",\"score\":0.8},{\"seeker\":\"A2\",\"score\":0.7},{\"seeker\":\"B2\",\"score\":0.6}]}
";
    let attrs = "{\"seeker\":\"A1\",\"g\":\"A\"}\n{\"seeker\":\"A2\",\"g\":\"A\"}\n{\"seeker\":\"B1\",\"g\":\"B\"}\n{\"seeker\":\"B2\",\"g\":\"B\"}\n";
    let rep = report(results, attrs, None, 2);
    let g = &rep.attributes["g"];
    assert!(close(g["A"].exposure, 0.7500, 1e-12), "{}", g["A"].exposure);
    assert!(close(g["B"].exposure, 0.5308, 5e-5), "{}", g["B"].exposure);
    // (1/log2 3 + 1/log2 5) / 2, worked out independently.
    assert!(close(g["B"].exposure, 0.5308031558224253, 1e-12));
    assert!(close(g["B"].exposure_ratio.unwrap(), 0.5308031558224253 / 0.75, 1e-12));
    assert!(g["B"].flagged, "exposure ratio 0.708 < 0.8");
    assert!(close(g["A"].mean_best_score.unwrap(), 0.8, 1e-12));
    assert_eq!(rep.uncounted_positions, 0);
}

#[test]
fn wilson_intervals_match_hand_computed_values() {
    let cases = [
        (48, 80, [0.49045464919112447, 0.7003817247638305]),
        (21, 50, [0.2937500326623289, 0.5576655833662493]),
        (0, 10, [0.0, 0.2775328030260577]),
        (10, 10, [0.7224671969739421, 1.0]),
    ];
    for (k, n, [lo, hi]) in cases {
        let [l, h] = wilson(k, n, Z95);
        assert!(close(l, lo, 1e-12) && close(h, hi, 1e-12), "{k}/{n}: [{l}, {h}]");
    }
    assert_eq!(Z95, 1.959964);
    let (mut r, mut a) = (String::new(), String::new());
    seekers("A", "a", 80, 48, &mut r, &mut a);
    let rep = report(&r, &a, None, 30);
    assert_eq!(rep.attributes["g"]["a"].match_rate_ci, wilson(48, 80, Z95));
}

#[test]
fn small_groups_say_insufficient_n_and_are_never_flagged() {
    let (mut r, mut a) = (String::new(), String::new());
    seekers("A", "a", 40, 40, &mut r, &mut a);
    seekers("C", "c", 29, 0, &mut r, &mut a); // matches nobody, but n = 29 < 30
    let rep = report(&r, &a, None, 30);
    let c = &rep.attributes["g"]["c"];
    assert!(c.insufficient_n && !c.flagged);
    assert_eq!((c.match_rate_ratio, c.exposure_ratio, c.placement_ratio), (None, None, None));
    assert_eq!(c.match_rate, 0.0);
    // With a lower threshold the same group is flagged.
    let rep = report(&r, &a, None, 29);
    assert!(rep.attributes["g"]["c"].flagged);
}

#[test]
fn placement_rates_come_from_the_plan_and_unknown_groups_from_missing_attributes() {
    let results =
        "{\"seeker\":\"S1\",\"matches\":[]}\n{\"seeker\":\"S2\",\"matches\":[]}\n{\"seeker\":\"S3\",\"matches\":[]}\n";
    let attrs = "{\"seeker\":\"S1\",\"g\":\"x\",\"h\":\"y\"}\n{\"seeker\":\"S2\",\"g\":\"x\"}\n";
    let plan = "\
{\"seeker\":\"S1\",\"vacancy\":\"V1\",\"score\":0.7,\"rank\":1,\"reason\":\"best\",\"contested\":false}
{\"seeker\":\"S2\",\"vacancy\":null,\"score\":null,\"rank\":null,\"reason\":\"none\",\"contested\":false}
{\"vacancy\":\"V1\",\"seekers\":[\"S1\"],\"open\":0}
";
    let rep = report(results, attrs, Some(plan), 1);
    let g = &rep.attributes["g"];
    assert_eq!((g["x"].n, g["unknown"].n), (2, 1));
    assert_eq!(g["x"].placement_rate, Some(0.5));
    assert_eq!(g["unknown"].placement_rate, Some(0.0));
    assert_eq!(g["unknown"].placement_ratio, Some(0.0));
    assert_eq!(rep.attributes["h"]["unknown"].n, 2, "S2 has no `h`, S3 no record at all");
}

#[test]
fn bad_attribute_lines_say_where_and_why() {
    let e =
        AuditAttributes::from_str("{\"seeker\":\"S1\",\"g\":\"x\"}\n{\"seeker\":\"S2\",\"g\":3}\n", None).unwrap_err();
    assert_eq!((e.position().line, e.field()), (Some(2), Some("g")));
    let e = AuditAttributes::from_str("{\"seeker\":\"S1\"}\n{\"seeker\":\"S1\"}\n", None).unwrap_err();
    assert_eq!(e.position().line, Some(2));
    let e = AuditAttributes::from_str("{\"g\":\"x\"}\n", None).unwrap_err();
    assert_eq!(e.field(), Some("seeker"));
}

#[test]
fn the_proxy_table_shows_group_means_of_the_scored_features() {
    use werkmatch_audit::fairness::proxy_table;
    use werkmatch_core::{Cefr, GeoPoint, HoursRange, Id, Jobseeker};
    let seeker = |id: &str, dutch: Option<Cefr>, licence: bool, hours: (u8, u8)| {
        let mut s = Jobseeker::new(Id::new(id).unwrap(), GeoPoint::new(53.2, 6.5).unwrap());
        s.dutch_level = dutch;
        s.licence = licence;
        s.hours = HoursRange::new(hours.0, hours.1).unwrap();
        s
    };
    let seekers = vec![
        seeker("A1", Some(Cefr::C1), true, (0, 40)),
        seeker("A2", Some(Cefr::B2), true, (0, 32)),
        seeker("B1", Some(Cefr::A2), false, (0, 24)),
        seeker("B2", None, true, (0, 20)),
    ];
    let results = werkmatch_audit::fairness::matches_from_str(
        "{\"seeker\":\"A1\",\"matches\":[]}\n{\"seeker\":\"A2\",\"matches\":[]}\n{\"seeker\":\"B1\",\"matches\":[]}\n{\"seeker\":\"B2\",\"matches\":[]}\n",
        None,
    )
    .unwrap();
    let attrs = AuditAttributes::from_str(
        "{\"seeker\":\"A1\",\"g\":\"a\"}\n{\"seeker\":\"A2\",\"g\":\"a\"}\n{\"seeker\":\"B1\",\"g\":\"b\"}\n{\"seeker\":\"B2\",\"g\":\"b\"}\n",
        None,
    )
    .unwrap();
    let t = proxy_table(&results, &attrs, &seekers, 2);
    let dutch = &t["g"]["dutch_level"];
    // C1 = 5, B2 = 4 → 4.5; A2 = 2, none = 0 → 1.0; overall 11 / 4.
    assert_eq!((dutch.groups["a"], dutch.groups["b"], dutch.overall), (Some(4.5), Some(1.0), Some(2.75)));
    assert_eq!(dutch.max_difference, Some(3.5));
    assert_eq!(t["g"]["licence"].groups["b"], Some(0.5));
    assert_eq!(t["g"]["hours"].max_difference, Some(14.0)); // (40 + 32) / 2 − (24 + 20) / 2
                                                            // With groups below the minimum there is no difference to report.
    assert_eq!(proxy_table(&results, &attrs, &seekers, 3)["g"]["dutch_level"].max_difference, None);
    let rep = fairness_report(&results, &attrs, None, 2, Some(t));
    assert!(serde_json::to_value(&rep).unwrap()["proxies"]["g"]["travel_minutes"]["groups"]["a"].is_number());
}
