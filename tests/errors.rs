//! Every bad-input class of CONTRACT.md names its field; all bad fields are named at once.
mod common;
use common::*;
use serde_json::json;

fn fields(app: serde_json::Value) -> Vec<String> {
    errors(app).into_iter().map(|e| e.field).collect()
}

#[test]
fn negative_amount() {
    let e = errors(json!({"region": "hangzhou", "compute": {"domestic_fees": "-1"}}));
    assert_eq!(e[0].field, "compute.domestic_fees");
    assert!(e[0].message.contains("negative"));
    assert_eq!(
        fields(json!({"region": "hangzhou", "compute": {"other_fees": -5}})),
        ["compute.other_fees"]
    );
}

#[test]
fn not_a_number() {
    let e = errors(json!({"region": "hangzhou", "model_filing": {"evaluation_costs": "一百万"}}));
    assert_eq!(e[0].field, "model_filing.evaluation_costs");
    assert!(e[0].message.contains("not a number"));
    assert_eq!(
        fields(json!({"region": "hangzhou", "compute": {"domestic_fees": true}})),
        ["compute.domestic_fees"]
    );
    assert_eq!(
        fields(json!({"region": "hangzhou", "model_filing": {"models_filed": 1.5}})),
        ["model_filing.models_filed"]
    );
}

#[test]
fn more_than_two_decimals() {
    let e = errors(json!({"region": "wuhan", "compute": {"domestic_fees": "100.001"}}));
    assert_eq!(e[0].field, "compute.domestic_fees");
    assert!(e[0].message.contains("two decimal"));
    assert_eq!(
        fields(json!({"region": "wuhan", "compute": {"domestic_fees": 0.125}})),
        ["compute.domestic_fees"]
    );
}

#[test]
fn absurdly_large() {
    let e = errors(json!({"region": "wuhan", "compute": {"domestic_fees": "1000000000000.01"}}));
    assert!(e[0].message.contains("absurdly large"));
    assert_eq!(
        fields(json!({"region": "wuhan", "compute": {"domestic_fees": 1e300}})),
        ["compute.domestic_fees"]
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "compute": {"years_subsidized_before": 1000}})),
        ["compute.years_subsidized_before"]
    );
    assert_eq!(
        fields(
            json!({"region": "wuhan", "listing": {"proceeds_invested_locally_percent": "100.01"}})
        ),
        ["listing.proceeds_invested_locally_percent"]
    );
    // The largest allowed figure is fine.
    run(
        "wuhan",
        json!({"compute": {"domestic_fees": "1000000000000"}}),
    );
}

#[test]
fn unknown_region_and_enums() {
    assert_eq!(fields(json!({"region": "beijing"})), ["region"]);
    assert_eq!(fields(json!({})), ["region"]);
    assert_eq!(
        fields(json!({"region": "wuhan", "listing": {"venue": "nasdaq"}})),
        ["listing.venue"]
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "listing": {"stage": "ipo"}})),
        ["listing.stage"]
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "models": {"large_model": {"kind": "huge"}}})),
        ["models.large_model.kind"]
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "enterprise": {"first_recognitions": ["dragon"]}})),
        ["enterprise.first_recognitions"]
    );
}

#[test]
fn malformed_date_and_schema() {
    assert_eq!(
        fields(json!({"region": "wuhan", "as_of": "2026-02-30"})),
        ["as_of"]
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "as_of": "24/11/2026"})),
        ["as_of"]
    );
    assert_eq!(fields(json!({"region": "wuhan", "schema": 3})), ["schema"]);
}

#[test]
fn malformed_json_and_wrong_shapes() {
    let e = subsidy_calc::evaluate_json("{\"region\": \"wuhan\",", today()).unwrap_err();
    assert_eq!(e[0].field, "(json)");
    assert!(e[0].message.contains("malformed JSON"));
    assert_eq!(
        subsidy_calc::evaluate_json("[1,2]", today()).unwrap_err()[0].field,
        "(root)"
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "compute": 5})),
        ["compute"]
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "scenarios": {"a": 1}})),
        ["scenarios"]
    );
}

#[test]
fn unknown_fields_are_named_not_ignored() {
    assert_eq!(
        fields(json!({"region": "wuhan", "compute": {"domestic_fee": "1"}})),
        ["compute.domestic_fee"]
    );
    assert_eq!(
        fields(json!({"region": "wuhan", "colour": "red"})),
        ["colour"]
    );
}

#[test]
fn scenario_fields_are_named_with_their_index() {
    let f = fields(
        json!({"region": "wuhan", "scenarios": [{"name": "ok"}, {"total_investment": "-3", "city_selected": "yes"}]}),
    );
    // Errors come in key order (serde_json keeps object keys sorted).
    assert_eq!(
        f,
        [
            "scenarios[1].city_selected",
            "scenarios[1].total_investment"
        ]
    );
}

#[test]
fn every_bad_field_is_named_at_once() {
    let f = fields(
        json!({"region": "mars", "as_of": "soon", "compute": {"domestic_fees": "-1", "other_fees": "x"}, "listing": {"venue": "moon"}}),
    );
    for want in [
        "region",
        "as_of",
        "compute.domestic_fees",
        "compute.other_fees",
        "listing.venue",
    ] {
        assert!(f.iter().any(|x| x == want), "{want} missing from {f:?}");
    }
}

#[test]
fn null_means_absent_and_numbers_are_accepted() {
    // JSON numbers read exactly: 1250000.5 × 30% = 375,000.15.
    let o = run(
        "hangzhou",
        json!({"compute": {"domestic_fees": 1250000.5, "other_fees": null}, "scenarios": null}),
    );
    assert_eq!(fig(&o, "hangzhou.compute_voucher"), up_to("375000.15"));
}
