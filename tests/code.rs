//! The verification code (the contract's "A result anyone can check"): the same application however
//! it is written gives the same code; any other input figure, date, region, rule or figure another.
mod common;
use common::today;
use serde_json::json;

fn code_of(text: &str) -> String {
    subsidy_calc::evaluate_json(text, today())
        .unwrap_or_else(|e| panic!("{e:?}"))
        .code
        .unwrap()
}

const HONGSHAN: &str = r#"{"schema": 2, "region": "wuhan-hongshan", "as_of": "2026-11-24",
  "enterprise": {"sme": true}, "compute": {"domestic_fees": "1000000.00"},
  "model_filing": {"models_filed": 3},
  "scenarios": [{"name": "质检", "district_selected": true, "total_investment": "500000"}]}"#;

#[test]
fn the_same_application_written_otherwise_gives_the_same_code() {
    let code = code_of(HONGSHAN);
    // 16 characters of Crockford's base32 in groups of four.
    assert_eq!(code.len(), 19);
    assert!(subsidy_calc::code::normalize(&code).as_deref() == Some(code.as_str()));
    // Keys in another order, other whitespace, numbers as JSON numbers or with other zeros, a
    // field given at its default, the schema left out: the same application, the same code.
    for other in [
        r#"{"scenarios":[{"total_investment":500000,"district_selected":true,"name":"质检"}],"model_filing":{"models_filed":"3"},"compute":{"domestic_fees":1000000},"enterprise":{"sme":true},"as_of":"2026-11-24","region":"wuhan-hongshan"}"#,
        r#"{"region":"wuhan-hongshan","as_of":"2026-11-24","enterprise":{"sme":true,"foundation_model_developer":false},"compute":{"domestic_fees":1e6,"other_fees":"0"},"model_filing":{"models_filed":3.0e0},"scenarios":[{"name":"质检","district_selected":true,"city_selected":false,"total_investment":"500000.0"}]}"#,
    ] {
        assert_eq!(code_of(other), code, "{other}");
    }
    // The code is the same however much text the evaluation wrote.
    let figures =
        subsidy_calc::evaluate_json_with(HONGSHAN, today(), subsidy_calc::Detail::Figures).unwrap();
    assert_eq!(figures.code.unwrap(), code);
}

#[test]
fn any_other_input_date_region_or_rule_gives_another_code() {
    let code = code_of(HONGSHAN);
    let mut v: serde_json::Value = serde_json::from_str(HONGSHAN).unwrap();
    let changed = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut w = v.clone();
        f(&mut w);
        code_of(&w.to_string())
    };
    let others = [
        // A figure that changes no award (already capped) still changes the application.
        changed(&|w| w["compute"]["domestic_fees"] = json!("1000000.01")),
        changed(&|w| w["model_filing"]["models_filed"] = json!(4)),
        changed(&|w| w["as_of"] = json!("2026-11-25")),
        changed(&|w| w["region"] = json!("wuhan-qiaokou")),
        changed(&|w| w["scenarios"][0]["name"] = json!("质检2")),
        changed(&|w| w["enterprise"]["sme"] = json!(false)),
    ];
    for (i, o) in others.iter().enumerate() {
        assert_ne!(*o, code, "change {i}");
    }
    // Another rule: Hongshan 6 paying 900,000 a model. One model: 900,000 instead of 1,000,000 —
    // another figure, so another code even under the same version's name; and changed rule data
    // is another version (its digest), so another code whatever the figures.
    v["model_filing"]["models_filed"] = json!(1);
    let app = subsidy_calc::input::parse_value(&v, today()).unwrap();
    let baked =
        subsidy_calc::engine::evaluate(&app, subsidy_calc::rulebook::book()).with_code(&app);
    let data = subsidy_calc::rulebook::RULES_JSON.replace(
        r#""amount":"1000000","fact":"model_filing.models_filed""#,
        r#""amount":"900000","fact":"model_filing.models_filed""#,
    );
    assert_ne!(
        data,
        subsidy_calc::rulebook::RULES_JSON,
        "the rule was found"
    );
    let mut book = subsidy_rulebook::from_json(&data).unwrap();
    let other_version = subsidy_calc::engine::evaluate(&app, &book).with_code(&app);
    assert_ne!(other_version.code, baked.code);
    book.version = subsidy_calc::rulebook::book().version.clone();
    let same_version = subsidy_calc::engine::evaluate(&app, &book).with_code(&app);
    assert_eq!(
        same_version
            .award("hongshan.model_filing")
            .unwrap()
            .amount
            .unwrap(),
        "900000.00"
    );
    assert_ne!(same_version.code, baked.code);
    // The baked version ends with the digest of the rule data: changed data, another version.
    use subsidy_rulebook::load::content_hash;
    let baked_hash = content_hash(subsidy_calc::rulebook::RULES_JSON);
    assert!(
        subsidy_calc::rulebook::book()
            .version()
            .ends_with(&baked_hash)
    );
    assert_ne!(content_hash(&data), baked_hash);
}

#[test]
fn a_check_says_same_other_version_or_other_figures() {
    use subsidy_calc::code::{Check, check, version_mark};
    let book = subsidy_calc::rulebook::book();
    let code = code_of(HONGSHAN);
    assert_eq!(check(&code, &code, book.version()), Check::Same);
    // Typed loosely: lower case, spaces, no dashes, O for 0 and I or L for 1.
    let loose = code.replace('-', " ").to_lowercase().replace('0', "o");
    assert_eq!(check(&loose, &code, book.version()), Check::Same);
    // Every code under these rules starts with this version's mark.
    assert!(code.starts_with(&version_mark(book.version())));
    let mut other = code.clone();
    other.replace_range(18..19, if code.ends_with('0') { "1" } else { "0" });
    assert_eq!(check(&other, &code, book.version()), Check::OtherFigures);
    let elsewhere = format!("ZZ{}", &code[2..]);
    if !code.starts_with("ZZ") {
        assert_eq!(
            check(&elsewhere, &code, book.version()),
            Check::OtherVersion { mark: "ZZ".into() }
        );
    }
    assert_eq!(check("1234", &code, book.version()), Check::Malformed);
}
