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

/// Every message the engine gives an input is also said in Chinese (`--lang zh`, the page): none
/// is left in English for a Chinese reader. Each input below makes a different message.
#[test]
fn every_message_has_its_chinese() {
    use subsidy_calc::plan::plan_value;
    use subsidy_calc::text::errors::zh;
    let apps = [
        json!({"region": "hangzhou", "compute": {"domestic_fees": "-1"}}),
        json!({"region": "hangzhou", "compute": {"domestic_fees": "1.001"}}),
        json!({"region": "hangzhou", "model_filing": {"models_filed": 1.5}}),
        json!({"region": "hangzhou", "compute": {"domestic_fees": "9999999999999999"}}),
        json!({"region": "hangzhou", "model_filing": {"models_filed": 100000}}),
        json!({"region": "hangzhou", "other": {"hangzhou_call": {"rd_share_percent": "101"}}}),
        json!({"region": "hangzhou", "other": {"hangzhou_call": {"revenue_growth_percent": "-101"}}}),
        json!({"region": "hangzhou", "compute": {"domestic_fees": ""}}),
        json!({"region": "hangzhou", "compute": {"domestic_fees": "abc"}}),
        json!({"region": "hangzhou", "compute": {"domestic_fees": true}}),
        json!({"region": "hangzhou", "as_of": "2026-02-30"}),
        json!({"region": "hangzhou", "scenarios": 5}),
        json!({"region": "hangzhou", "enterprise": {"first_recognitions": "x"}}),
        json!({"region": "hangzhou", "compute": 5}),
        json!({"region": "hangzhou", "scenarios": [{"name": 5}]}),
        json!({"region": "hangzhou", "enterprise": {"sme": "yes"}}),
        json!({"region": "hangzhou", "scenarios": [{"name": "x".repeat(201)}]}),
        json!({"region": "shanghai", "other": {"shanghai": {"metaverse_investment": vec!["1"; 201]}}}),
        json!({"region": "shanghai", "other": {"shanghai": {"metaverse_investment": ["1", "-1"]}}}),
        json!({"region": "hangzhou", "other.x": 1}),
        json!({"region": "hangzhou", "compute": {"nope": 1}}),
        json!({"region": "moon"}),
        json!({}),
        json!({"region": "hangzhou", "listing": {"venue": "nyse"}}),
        json!({"region": "hangzhou", "enterprise": {"first_recognitions": ["x"]}}),
        json!({"region": "hangzhou", "schema": 3}),
        json!({"region": "hangzhou", "scenarios": [{"selected": true}]}),
        json!({"region": "wuhan", "models": {"vertical_model": {"compute_award_received": "6000000"}}}),
        json!({"region": "hangzhou", "other": {"incubator": {"area_per_enterprise_m2": "1"}}}),
        json!(5),
    ];
    let mut messages: Vec<String> = apps
        .iter()
        .flat_map(|a| {
            subsidy_calc::evaluate_value(a, today())
                .err()
                .unwrap_or_else(|| panic!("no error for {a}"))
        })
        .map(|e| e.message)
        .collect();
    let book = subsidy_calc::rulebook::book();
    for plan in [
        json!(5),
        json!({"schema": 3, "region": "hangzhou", "years": [{}], "x": 1}),
        json!({"schema": 2, "region": "hangzhou", "years": []}),
        json!({"schema": 2, "region": "hangzhou", "years": [5]}),
        json!({"schema": 2, "region": "hangzhou", "years": [{"region": "hangzhou"}]}),
        json!({"schema": 2, "region": "hangzhou", "years": [{"as_of": "2025-01-01"}, {"as_of": "2025-06-01"}]}),
        json!({"schema": 2, "region": "hangzhou", "years": [{"as_of": "2026-01-01"}, {"as_of": "2025-06-01"}]}),
        json!({"schema": 2, "region": "hangzhou", "years": [{"as_of": "2025-01-01"}, {"as_of": "2026-01-01", "model_filing": {"awarded_before": true}}]}),
    ] {
        messages.extend(
            plan_value(&plan, book, today())
                .unwrap_err()
                .into_iter()
                .map(|e| e.message),
        );
    }
    for text in [
        "{\"a\": 1, \"a\": 2}",
        "{",
        &"x".repeat(subsidy_calc::input::MAX_INPUT_BYTES + 1),
    ] {
        messages.extend(
            subsidy_calc::evaluate_json(text, today())
                .unwrap_err()
                .into_iter()
                .map(|e| e.message),
        );
    }
    // A reform's own messages (the contract's "A reform"): their Chinese comes with them.
    let mut reform_messages: Vec<(String, String)> = Vec::new();
    for reform in [
        json!(5),
        json!({"reform": 2, "x": 1}),
        json!({"reform": 1, "name": "x", "changes": [
            5,
            {"set": "rate", "value": "0.2"},
            {"rule": "nope", "set": "rate", "value": "0.2"},
            {"document": "nope", "set": "valid_to", "value": "2030-01-01"},
            {"rule": "hongshan.model_filing", "set": "rate", "value": "0.2", "x": 1},
            {"rule": "hongshan.model_filing", "value": "0.2"},
            {"rule": "hongshan.compute_subsidy", "set": "rate", "value": "1.2"},
            {"rule": "hongshan.compute_subsidy", "set": "rate.compute.other_fees", "value": "0.2"},
            {"rule": "hongshan.compute_subsidy", "set": "pool", "value": "1"},
            {"rule": "hongshan.compute_subsidy", "set": "pool", "value": "2"},
            {"rule": "hangzhou.compute_voucher", "set": "enabled", "value": "no"},
            {"document": "wuhan", "set": "valid_to", "value": "2030-13-01"}
        ]}),
    ] {
        reform_messages.extend(
            subsidy_calc::reform::Reformed::read(&reform, book)
                .err()
                .unwrap_or_else(|| panic!("no error for {reform}"))
                .into_iter()
                .map(|e| (e.message_in(subsidy_calc::text::Lang::Zh), e.message)),
        );
    }
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let pairs = messages
        .iter()
        .map(|m| (zh(m), m.clone()))
        .chain(reform_messages);
    for (z, m) in pairs {
        let m = &m;
        assert!(z != *m && han(&z), "no Chinese for {m:?}: {z:?}");
        // No English sentence left behind (values — field names, choices, numbers — may stay).
        for word in [" must ", " give ", " use ", "at most", " the "] {
            assert!(!z.contains(word), "{m:?} → {z:?}");
        }
    }
    assert!(messages.len() >= 35, "{}", messages.len());
    // The calculator page's table does not carry a reform's words.
    assert_eq!(zh("a reform is an object"), "a reform is an object");
}

#[test]
fn a_key_given_twice_says_where_in_chinese_too() {
    // The English named the line and column; the Chinese did not (an independent audit).
    let e = subsidy_calc::evaluate_json("{\"region\":\"wuhan\",\n\"region\":\"wuhan\"}", today())
        .unwrap_err();
    assert_eq!(
        e[0].message,
        "key given twice at line 2 column 8; give each key once"
    );
    assert_eq!(
        e[0].message_in(subsidy_calc::text::Lang::Zh),
        "同一对象中该键出现了两次(第2行第8列;不会取其中任何一个),每个键只写一次"
    );
}
