//! The web form's model: tolerant amount entry, bad fields kept out but named, share links, the cap
//! charts and hints (through the engine), region comparison and CSV.
use subsidy_calc::Date;

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}
use rust_decimal::Decimal;
use std::str::FromStr;
use subsidy_calc::{engine, input};
use subsidy_calc_web::form::{self, Edit, Form, Lang, ScenarioKey, Unit, parse_amount};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn amounts_as_people_type_them() {
    // 全角 digits and point, in 万元: 1250.5万 = 12,505,000 yuan.
    assert_eq!(
        parse_amount("１２５０．５", Unit::Wan).unwrap(),
        Some(d("12505000"))
    );
    assert_eq!(
        parse_amount("1,250.5万", Unit::Yuan).unwrap(),
        Some(d("12505000"))
    );
    assert_eq!(
        parse_amount("1,250.5 万元", Unit::Yuan).unwrap(),
        Some(d("12505000"))
    );
    // A trailing 元 overrides the 万元 switch.
    assert_eq!(
        parse_amount("12,505,000元", Unit::Wan).unwrap(),
        Some(d("12505000"))
    );
    assert_eq!(parse_amount("100", Unit::Yuan).unwrap(), Some(d("100")));
    // 0.000001 万元 = 0.01 yuan: fine; one more decimal is below a fen.
    assert_eq!(
        parse_amount("0.000001", Unit::Wan).unwrap(),
        Some(d("0.01"))
    );
    assert!(parse_amount("0.0000001", Unit::Wan).is_err());
    assert!(parse_amount("1.234", Unit::Yuan).is_err());
    assert!(
        parse_amount("-5", Unit::Wan)
            .unwrap_err()
            .zh
            .contains("负数")
    );
    assert!(
        parse_amount("十万", Unit::Wan)
            .unwrap_err()
            .zh
            .contains("数字")
    );
    assert_eq!(parse_amount("  ", Unit::Wan).unwrap(), None);
}

fn hongshan_form() -> Form {
    let mut f = Form {
        region: "wuhan-hongshan".into(),
        as_of: Some("2026-11-24".into()),
        ..Form::default()
    };
    f.values.insert("enterprise.sme".into(), "true".into());
    f.values.insert("compute.domestic_fees".into(), "50".into()); // 50 万元
    f.values
        .insert("model_filing.models_filed".into(), "３".into());
    f
}

#[test]
fn a_bad_field_is_named_and_the_rest_still_evaluates() {
    let mut f = hongshan_form();
    f.values.insert("compute.other_fees".into(), "abc".into());
    f.add_scenario();
    f.scenarios[0].total_investment = "-1".into();
    let built = f.build(today());
    assert!(built.errors.contains_key("compute.other_fees"));
    assert!(built.errors.contains_key("scenarios[0].total_investment"));
    let o = subsidy_calc::evaluate_value(&built.application, today()).unwrap();
    // 3 filed models × 1,000,000 = 3,000,000 → 2,000,000; compute 500,000 × 20% = 100,000.
    assert_eq!(
        o.award("hongshan.model_filing")
            .unwrap()
            .amount
            .map(|y| y.to_string())
            .as_deref(),
        Some("2000000.00")
    );
    assert_eq!(
        o.award("hongshan.compute_subsidy")
            .unwrap()
            .amount
            .map(|y| y.to_string())
            .as_deref(),
        Some("100000.00")
    );
}

#[test]
fn engine_refusals_are_mapped_to_fields() {
    let mut f = hongshan_form();
    f.values
        .insert("compute.years_subsidized_before".into(), "1000".into());
    f.values.insert(
        "listing.proceeds_invested_locally_percent".into(),
        "120".into(),
    );
    let built = f.build(today());
    assert!(
        built.errors.contains_key("compute.years_subsidized_before"),
        "{:?}",
        built.errors
    );
    assert!(
        built
            .errors
            .contains_key("listing.proceeds_invested_locally_percent")
    );
    assert!(subsidy_calc::evaluate_value(&built.application, today()).is_ok());
}

#[test]
fn share_link_round_trip() {
    let mut f = hongshan_form();
    f.add_scenario();
    f.scenarios[0].name = "质检大模型 \"A\"".into();
    f.lang = Lang::En;
    let frag = f.to_fragment();
    assert!(
        frag.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    );
    assert_eq!(Form::from_fragment(&format!("#a={frag}")), Some(f.clone()));
    assert_eq!(Form::from_fragment("#a=not-valid!"), None);
    // The text the link and the browser's storage hold is serde_json's for the form's JSON, byte
    // for byte (written without serde_json's float printer: a form holds no fractions), so links
    // made before stay the same links.
    f.scenarios[0].name = "引号\" 反斜杠\\ 换行\n 制表\t \u{1}".into();
    f.as_of = Some("2026-12-04".into());
    assert_eq!(
        f.to_json_text(),
        serde_json::to_string(&f.to_json()).unwrap()
    );
    assert_eq!(
        Form::from_fragment(&format!("#a={}", f.to_fragment())),
        Some(f)
    );
}

#[test]
fn region_fields_follow_the_rules() {
    let book = subsidy_calc::rulebook::book();
    let hz = form::region_fields(book, "hangzhou");
    assert!(
        hz.contains(&"compute.domestic_fees")
            && hz.contains(&"enterprise.foundation_model_developer")
    );
    assert!(!hz.iter().any(|p| p.starts_with("other.shanghai.")));
    let hs = form::region_fields(book, "wuhan-hongshan");
    assert!(
        hs.contains(&"compute.maas_on_filed_model_fees")
            && hs.contains(&"other.incubator.site_area_m2")
    );
    assert!(
        !hs.contains(&"compute.model_purchase_fees"),
        "model vouchers are Qiaokou's"
    );
    assert!(!form::region_has_scenarios(book, "shanghai"));
    // The selection boxes a project shows: Hangzhou and Wuhan city read the city's selection only;
    // Hongshan and Qiaokou read both (the city's clause 七 and their own).
    assert!(hz.contains(&"city_selected") && !hz.contains(&"district_selected"));
    let wh = form::region_fields(book, "wuhan");
    assert!(wh.contains(&"city_selected") && !wh.contains(&"district_selected"));
    assert!(hs.contains(&"city_selected") && hs.contains(&"district_selected"));
    let qk = form::region_fields(book, "wuhan-qiaokou");
    assert!(qk.contains(&"district_selected"));
}

#[test]
fn new_projects_start_unselected_and_old_links_say_what_changed() {
    let mut form = Form::default();
    form.apply(Edit::AddScenario);
    assert!(!form.scenarios[0].city_selected && !form.scenarios[0].district_selected);
    let built = form.build(today());
    assert_eq!(built.application["schema"], 2);
    assert_eq!(built.application["scenarios"][0]["city_selected"], false);
    assert_eq!(
        built.application["scenarios"][0]["district_selected"],
        false
    );
    // A schema-1 link: one "s" flag per project. It opens with both facts off, and a notice.
    let old = serde_json::json!({"r": "wuhan-hongshan", "u": "wan", "l": "zh", "v": {},
        "s": [{"i": 1, "n": "旧项目", "s": true, "t": "200", "d": "", "m": false}]});
    let f = Form::from_json(&old).unwrap();
    assert!(!f.scenarios[0].city_selected && !f.scenarios[0].district_selected);
    assert!(f.notice.as_ref().unwrap().zh.contains("旧版本"));
    // The new link keeps both flags, and carries no notice.
    let mut g = f.clone();
    g.apply(Edit::Scenario(
        1,
        ScenarioKey::DistrictSelected,
        "true".into(),
    ));
    assert!(g.notice.is_none());
    let back = Form::from_fragment(&g.to_fragment()).unwrap();
    assert!(back.scenarios[0].district_selected && !back.scenarios[0].city_selected);
    assert!(back.notice.is_none());
}

#[test]
fn cap_chart_and_hint_through_the_engine() {
    let book = subsidy_calc::rulebook::book();
    let built = hongshan_form().build(today());
    let app = input::parse_value(&built.application, today()).unwrap();
    let o = engine::evaluate(&app, book);
    // Hongshan compute: 500,000 × 20% = 100,000; the 200,000 cap binds at 1,000,000 of fees:
    // 500,000 (50 万元) more spending adds 100,000 (10 万元).
    let c = form::curve(&app, book, o.award("hongshan.compute_subsidy").unwrap()).unwrap();
    assert_eq!(c.fact, "compute.domestic_fees");
    assert_eq!(c.current, (d("500000"), d("100000")));
    // The award is rounded to the fen, so the cap is reached a little before 1,000,000:
    // 999,999.98 × 20% = 199,999.996 → 200,000.00, while 999,999.97 × 20% = 199,999.994 → 199,999.99.
    assert_eq!(c.cap_at, Some(d("999999.98")));
    assert_eq!(c.max, Some(d("200000")));
    assert!(
        c.hint.zh.contains("再增加 50 万元") && c.hint.zh.contains("补贴可增加 10 万元"),
        "{}",
        c.hint.zh
    );
    assert!(
        c.points
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1)
    );
    // Filing is per model, not rate-based: no chart.
    assert!(form::curve(&app, book, o.award("hongshan.model_filing").unwrap()).is_none());
}

#[test]
fn capped_and_uncapped_hints() {
    let book = subsidy_calc::rulebook::book();
    // Hangzhou voucher, 30,000,000 domestic: 9,000,000 → capped at 8,000,000 ("已达封顶").
    let app = input::parse_value(&serde_json::json!({"region": "hangzhou", "as_of": "2026-11-24", "compute": {"domestic_fees": "30000000"}}), today()).unwrap();
    let o = engine::evaluate(&app, book);
    let c = form::curve(&app, book, o.award("hangzhou.compute_voucher").unwrap()).unwrap();
    assert!(c.hint.zh.contains("已达封顶"));
    // 8,000,000 / 30% = 26,666,666.666…; with rounding to the fen the award first shows 8,000,000.00
    // at 26,666,666.65 (× 30% = 7,999,999.995 → 8,000,000.00; 26,666,666.64 gives 7,999,999.99).
    assert_eq!(c.cap_at, Some(d("26666666.65")));
    // A foundation-model enterprise: the stated cap still binds the figure (可以放宽 is the
    // authority's call), so the chart draws the same cap.
    let app = input::parse_value(&serde_json::json!({"region": "hangzhou", "as_of": "2026-11-24", "enterprise": {"foundation_model_developer": true}, "compute": {"domestic_fees": "30000000"}}), today()).unwrap();
    let o = engine::evaluate(&app, book);
    let c = form::curve(&app, book, o.award("hangzhou.compute_voucher").unwrap()).unwrap();
    assert_eq!(c.cap_at, Some(d("26666666.65")));
    // Shanghai 4, agricultural projects: "最高不超过项目投资的50%", no amount cap: no cap drawn;
    // 1 万元 more adds 0.5 万元.
    let app = input::parse_value(&serde_json::json!({"region": "shanghai", "as_of": "2026-11-24", "other": {"shanghai": {"agriculture_project_investment": "1000000"}}}), today()).unwrap();
    let o = engine::evaluate(&app, book);
    let c = form::curve(&app, book, o.award("shanghai.agriculture").unwrap()).unwrap();
    assert_eq!(c.cap_at, None);
    assert_eq!(c.max, None);
    assert!(c.hint.zh.contains("约增加 0.50 万元"), "{}", c.hint.zh);
}

#[test]
fn an_uncapped_low_rate_draws_no_cap() {
    // The chart used to call a clause capped when its figure at 1万亿 of spending was below 1,000亿,
    // so any uncapped rate under 10% drew a false cap. Now the engine says whether a cap binds.
    // Fixture: Shanghai 4 at 5% instead of 50% (still no amount cap): 1万亿 × 5% = 500亿 < 1,000亿.
    let mut data: serde_json::Value =
        serde_json::from_str(subsidy_calc::rulebook::RULES_JSON).unwrap();
    for doc in data["documents"].as_array_mut().unwrap() {
        for rule in doc["rule"].as_array_mut().into_iter().flatten() {
            if rule["id"] == "shanghai.agriculture" {
                rule["formula"]["terms"][0]["rate"] = serde_json::json!("0.05");
            }
        }
    }
    let book = subsidy_rulebook::from_json(&data.to_string()).unwrap();
    let app = input::parse_value(&serde_json::json!({"region": "shanghai", "as_of": "2026-11-24", "other": {"shanghai": {"agriculture_project_investment": "1000000"}}}), today()).unwrap();
    let o = engine::evaluate(&app, &book);
    let a = o.award("shanghai.agriculture").unwrap();
    assert_eq!(a.amount.map(|y| y.to_string()).as_deref(), Some("50000.00")); // 1,000,000 × 5%
    let c = form::curve(&app, &book, a).unwrap();
    assert_eq!(c.cap_at, None, "no cap in the text, none drawn");
    assert!(c.hint.zh.contains("条款未设金额上限"));
}

#[test]
fn comparison_across_regions() {
    let book = subsidy_calc::rulebook::book();
    let built = hongshan_form().build(today());
    let rows = form::compare(built.app.as_ref().unwrap(), book);
    // Every region of the rule data.
    assert_eq!(rows.len(), book.regions.len());
    let get = |r: &str| rows.iter().find(|x| x.region == r).unwrap().clone();
    // Hongshan: filing 2,000,000 exact; compute 100,000 up to → up to 2,100,000.
    assert_eq!(get("wuhan-hongshan").exact, "2000000.00");
    assert_eq!(get("wuhan-hongshan").up_to, "2100000.00");
    // Hangzhou: voucher 500,000 × 30% = 150,000; filing without costs: at most 500,000 → 650,000.
    assert_eq!(get("hangzhou").up_to, "650000.00");
    // Wuhan city alone: only the unspecified compute voucher → 0, and it is a draft.
    assert_eq!(get("wuhan").up_to, "0.00");
    assert!(get("wuhan").draft);
}

#[test]
fn csv_export() {
    let built = hongshan_form().build(today());
    let o = subsidy_calc::evaluate_value(&built.application, today()).unwrap();
    let csv = form::csv(&o, Lang::Zh);
    assert!(csv.starts_with("\u{feff}编号,名称,类型,金额(元)"));
    assert!(csv.contains("hongshan.model_filing,生成式人工智能模型备案奖励,exact,2000000.00,,,3000000.00,\"每家企业每年上限 2,000,000元\""), "{csv}");
    let en = form::csv(&o, Lang::En);
    assert!(
        en.contains("\"per enterprise per year: 2000000\"")
            || en.contains("per enterprise per year: 2000000")
    );
    // The export carries the result's verification code and its rule version.
    let code = o.code.as_deref().unwrap();
    assert!(
        csv.contains(&format!("核验码,{code},{}", o.rules_version)),
        "{csv}"
    );
    assert!(en.contains(&format!("verification code,{code},")));
}

#[test]
fn a_verification_link_reopens_the_inputs_on_their_date_with_the_code() {
    // The link carries the form (with the date the figures are for) and the code; opened, the form
    // is the same, and the code is read back.
    let form = hongshan_form();
    let day = subsidy_calc::Date::parse("2026-11-24").unwrap();
    let link = form.verify_link("https://calc.example/", day, "AS4G-FT7X-TCCP-VSD2");
    let fragment = link.split_once('#').unwrap().1;
    assert!(fragment.ends_with("&v=AS4G-FT7X-TCCP-VSD2"));
    assert_eq!(
        form::fragment_code(fragment).as_deref(),
        Some("AS4G-FT7X-TCCP-VSD2")
    );
    let opened = Form::from_fragment(fragment).unwrap();
    assert_eq!(opened.as_of.as_deref(), Some("2026-11-24"));
    let mut same = form.clone();
    same.as_of = Some("2026-11-24".into());
    assert_eq!(opened, same);
    assert_eq!(form::fragment_code("a=xyz"), None);
}

#[test]
fn reducer_edits() {
    use subsidy_calc_web::form::{Edit, ScenarioKey};
    let mut f = Form::default();
    f.apply(Edit::Region("shanghai".into()));
    assert_eq!(f.region, "shanghai");
    f.apply(Edit::Region("mars".into()));
    assert_eq!(f.region, "shanghai", "unknown regions are ignored");
    f.apply(Edit::Value(
        "compute.domestic_fees".into(),
        "1,250.5".into(),
    ));
    f.apply(Edit::AddScenario);
    f.apply(Edit::AddScenario);
    let (a, b) = (f.scenarios[0].id, f.scenarios[1].id);
    assert_ne!(a, b);
    f.apply(Edit::Scenario(b, ScenarioKey::TotalInvestment, "30".into()));
    f.apply(Edit::Scenario(b, ScenarioKey::Name, "客服".into()));
    f.apply(Edit::RemoveScenario(a));
    assert_eq!(f.scenarios.len(), 1);
    assert_eq!(f.scenarios[0].name, "客服");
    // 万元 → 元 converts what was typed: 1,250.5 万元 = 12,505,000 元; 30 万元 = 300,000 元.
    f.apply(Edit::Unit(Unit::Yuan));
    assert_eq!(f.value("compute.domestic_fees"), "12505000");
    assert_eq!(f.scenarios[0].total_investment, "300000");
    // A bad entry is kept as typed, so the user can fix it.
    f.apply(Edit::Value("compute.other_fees".into(), "12x".into()));
    f.apply(Edit::Unit(Unit::Wan));
    assert_eq!(f.value("compute.other_fees"), "12x");
    assert_eq!(f.value("compute.domestic_fees"), "1250.5");
    f.apply(Edit::Value("compute.other_fees".into(), String::new()));
    assert!(!f.values.contains_key("compute.other_fees"));
    f.apply(Edit::Reset);
    assert!(f.values.is_empty() && f.scenarios.is_empty());
    assert_eq!(f.region, "shanghai");
}
