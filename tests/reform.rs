//! Reforms (the contract's "A reform", issue 24): each kind of change worked by hand from the
//! quoted clause on one application, the steps saying the reform's value beside the text's, every
//! class of bad reform named by its place, and figures-only agreeing with the full result.
mod common;
use common::*;
use serde_json::{Value, json};
use subsidy_calc::reform::Reformed;
use subsidy_calc::text::Lang;
use subsidy_calc::{Date, Detail, Outcome};

fn reformed(changes: Value) -> Reformed {
    let r = json!({ "reform": 1, "name": "测试方案", "changes": changes });
    Reformed::read(&r, subsidy_calc::rulebook::book())
        .unwrap_or_else(|e| panic!("reform refused: {e:?}"))
}

fn bad(changes: Value) -> Vec<(String, String)> {
    bad_reform(json!({ "reform": 1, "name": "测试方案", "changes": changes }))
}

fn bad_reform(r: Value) -> Vec<(String, String)> {
    match Reformed::read(&r, subsidy_calc::rulebook::book()) {
        Ok(_) => panic!("reform accepted: {r}"),
        Err(e) => e.into_iter().map(|e| (e.field, e.message)).collect(),
    }
}

/// The application of `body` in `region` (on 2026-11-24 unless it says), `detail` as asked.
fn app(region: &str, body: Value, detail: Detail) -> subsidy_calc::Application {
    let mut v = json!({ "schema": 2, "as_of": "2026-11-24", "region": region });
    for (k, x) in body.as_object().unwrap() {
        v[k] = x.clone();
    }
    let mut a = subsidy_calc::input::parse_value(&v, today()).unwrap();
    a.detail = detail;
    a
}

/// Today's figure and the reform's for one clause.
fn both(
    r: &Reformed,
    region: &str,
    body: Value,
    id: &str,
) -> ((String, Option<String>), (String, Option<String>)) {
    let a = app(region, body, Detail::Full);
    let today = subsidy_calc::engine::evaluate(&a, subsidy_calc::rulebook::book());
    let under = r.evaluate(&a);
    (fig(&today, id), fig(&under, id))
}

fn steps(o: &Outcome, id: &str) -> String {
    let a = award(o, id);
    format!(
        "{} / {}",
        a.steps_in(Lang::Zh).join(" / "),
        a.steps_in(Lang::En).join(" / ")
    )
}

#[test]
fn a_rate() {
    // 洪山 5: “按照购买算力服务费用给予最高不超过20%的补贴,每家每年最高不超过20万元”.
    // 400,000 × 20% = 80,000 (under the 200,000 cap); at 25%: 400,000 × 25% = 100,000.
    let r =
        reformed(json!([{ "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.25" }]));
    let body = json!({ "enterprise": { "sme": true }, "compute": { "domestic_fees": "400000" } });
    let (today, under) = both(
        &r,
        "wuhan-hongshan",
        body.clone(),
        "hongshan.compute_subsidy",
    );
    assert_eq!(today, up_to("80000.00"));
    assert_eq!(under, up_to("100000.00"));
    let o = r.evaluate(&app("wuhan-hongshan", body, Detail::Full));
    let s = steps(&o, "hongshan.compute_subsidy");
    assert!(s.contains("按测算方案“测试方案”25%(原文20%)"), "{s}");
    assert!(
        s.contains("under the reform \"测试方案\": 25% (the text: 20%)"),
        "{s}"
    );
    // The quote stays the text's.
    assert!(
        award(&o, "hongshan.compute_subsidy")
            .source
            .quote
            .contains("不超过20%")
    );
    // The result says first that it is a 测算方案.
    let notes = o.notes_in(Lang::Zh);
    assert!(
        notes[0].contains("测算方案“测试方案”") && notes[0].contains("不是现行政策"),
        "{notes:?}"
    );
}

#[test]
fn one_rate_term_only() {
    // 杭州 一(三) 算力券: 30% on domestic compute, 20% on other compute, at most 8,000,000.
    // Other compute at 25%: 1,000,000 × 30% + 1,000,000 × 25% = 550,000 (today 300,000 + 200,000).
    let r = reformed(
        json!([{ "rule": "hangzhou.compute_voucher", "set": "rate.compute.other_fees", "value": "0.25" }]),
    );
    let body = json!({ "compute": { "domestic_fees": "1000000", "other_fees": "1000000" } });
    let (today, under) = both(&r, "hangzhou", body, "hangzhou.compute_voucher");
    assert_eq!(today, up_to("500000.00"));
    assert_eq!(under, up_to("550000.00"));
}

#[test]
fn a_cap() {
    // 洪山 5: 2,000,000 × 20% = 400,000, capped at 200,000 today; with the cap 300,000: 300,000.
    let r = reformed(
        json!([{ "rule": "hongshan.compute_subsidy", "set": "cap.per_enterprise_per_year", "value": "300000" }]),
    );
    let body = json!({ "enterprise": { "sme": true }, "compute": { "domestic_fees": "2000000" } });
    let (today, under) = both(
        &r,
        "wuhan-hongshan",
        body.clone(),
        "hongshan.compute_subsidy",
    );
    assert_eq!(today, up_to("200000.00"));
    assert_eq!(under, up_to("300000.00"));
    let o = r.evaluate(&app("wuhan-hongshan", body, Detail::Full));
    let s = steps(&o, "hongshan.compute_subsidy");
    assert!(
        s.contains("300,000元(测算方案“测试方案”,原文200,000元)"),
        "{s}"
    );
    // `cap` names the only cap the same way.
    let r2 =
        reformed(json!([{ "rule": "hongshan.compute_subsidy", "set": "cap", "value": "300000" }]));
    let body = json!({ "enterprise": { "sme": true }, "compute": { "domestic_fees": "2000000" } });
    assert_eq!(
        both(&r2, "wuhan-hongshan", body, "hongshan.compute_subsidy").1,
        up_to("300000.00")
    );
}

#[test]
fn a_per_unit_amount() {
    // 洪山 6: “按每个模型100万元给予企业支持,同一企业每年最高不超过200万元”. One model: 1,000,000;
    // at 800,000 a model: 800,000; three models: 3 × 800,000 = 2,400,000, capped at 2,000,000.
    let r = reformed(
        json!([{ "rule": "hongshan.model_filing", "set": "per_unit", "value": "800000" }]),
    );
    let one = json!({ "model_filing": { "models_filed": 1 } });
    let (today, under) = both(&r, "wuhan-hongshan", one, "hongshan.model_filing");
    assert_eq!(today, exact("1000000.00"));
    assert_eq!(under, exact("800000.00"));
    let three = json!({ "model_filing": { "models_filed": 3 } });
    assert_eq!(
        both(&r, "wuhan-hongshan", three, "hongshan.model_filing").1,
        exact("2000000.00")
    );
}

#[test]
fn a_threshold() {
    // 洪山 5: “补助期限不超过三年”: subsidised in 3 years before, not eligible today; with the
    // threshold 5: eligible, 400,000 × 20% = 80,000.
    let r = reformed(
        json!([{ "rule": "hongshan.compute_subsidy", "set": "threshold.compute.years_subsidized_before", "value": "5" }]),
    );
    let body = json!({ "enterprise": { "sme": true },
        "compute": { "domestic_fees": "400000", "years_subsidized_before": 3 } });
    let (today, under) = both(
        &r,
        "wuhan-hongshan",
        body.clone(),
        "hongshan.compute_subsidy",
    );
    assert_eq!(today, kind_only("not_eligible"));
    assert_eq!(under, up_to("80000.00"));
    // The figure exists only because of the reform: its steps say the condition's value beside the
    // text's (an independent audit found them silent when a threshold was loosened).
    let a = app("wuhan-hongshan", body.clone(), Detail::Full);
    let s = steps(&r.evaluate(&a), "hongshan.compute_subsidy");
    assert!(s.contains("按测算方案“测试方案”条件“"), "{s}");
    assert!(s.contains("为5(原文3)"), "{s}");
    assert!(s.contains("(the text: 3)"), "{s}");
    // In its fifth year the reform's threshold is reached too: 5 < 5 is false.
    let mut five = body;
    five["compute"]["years_subsidized_before"] = json!(5);
    assert_eq!(
        both(&r, "wuhan-hongshan", five, "hongshan.compute_subsidy").1,
        kind_only("not_eligible")
    );
}

#[test]
fn a_rule_switched_off() {
    // 杭州 一(三): 1,000,000 domestic × 30% = 300,000 today; switched off: not eligible, and the
    // reason names the reform.
    let r =
        reformed(json!([{ "rule": "hangzhou.compute_voucher", "set": "enabled", "value": false }]));
    let body = json!({ "compute": { "domestic_fees": "1000000" } });
    let (today, under) = both(&r, "hangzhou", body.clone(), "hangzhou.compute_voucher");
    assert_eq!(today, up_to("300000.00"));
    assert_eq!(under, kind_only("not_eligible"));
    let o = r.evaluate(&app("hangzhou", body, Detail::Full));
    assert!(reason(&o, "hangzhou.compute_voucher").contains("测算方案“测试方案”停用本条款"));
    // Still listed.
    assert!(o.award("hangzhou.compute_voucher").is_some());
}

#[test]
fn a_documents_end_date() {
    // The Wuhan draft: “有效期三年”, to 2027-12-31 at the latest. On 2028-06-01 the 小巨人 award
    // (“对首次认定的国家专精特新“小巨人”企业…给予50万元”) has expired; extended to 2030-12-31 it
    // is 500,000 again (still a draft).
    let r = reformed(json!([{ "document": "wuhan", "set": "valid_to", "value": "2030-12-31" }]));
    let body =
        json!({ "as_of": "2028-06-01", "enterprise": { "first_recognitions": ["little_giant"] } });
    let (today, under) = both(&r, "wuhan", body.clone(), "wuhan.little_giant");
    assert_eq!(today, kind_only("not_eligible"));
    assert_eq!(under, exact("500000.00"));
    let a = app("wuhan", body, Detail::Full);
    let o = r.evaluate(&a);
    let notes = o.notes_in(Lang::Zh).join(" / ");
    // The text dates no end: 2027-12-31 is this calculator's latest reading, not the text's date
    // (it said "原文:2027-12-31": an independent audit).
    assert!(
        notes.contains("到期日期按2030-12-31计(原文未载明确切日期,本计算器原按最迟2027-12-31计)"),
        "{notes}"
    );
    // …and on the award the new end brings in (it said only "定额奖励": an independent audit).
    let award = o
        .awards
        .iter()
        .find(|a| a.id == "wuhan.little_giant")
        .unwrap();
    let award_notes = award.notes_in(Lang::Zh).join(" / ");
    assert!(
        award_notes.contains("本文件到期日期按2030-12-31计(原文未载明确切日期,本计算器原按最迟2027-12-31计,测算方案“测试方案”)"),
        "{award_notes}"
    );
    // A text that dates its end says that date: Hangzhou "至2027年12月31日".
    let hz =
        reformed(json!([{ "document": "hangzhou", "set": "valid_to", "value": "2030-12-31" }]));
    let o = hz.evaluate(&app("hangzhou", json!({}), Detail::Full));
    let notes = o.notes_in(Lang::Zh).join(" / ");
    assert!(
        notes.contains("到期日期按2030-12-31计(原文:2027-12-31)"),
        "{notes}"
    );
    // After the reform's end date it has expired again, and the reason says the reform's dates.
    let later = app(
        "wuhan",
        json!({ "as_of": "2031-01-05", "enterprise": { "first_recognitions": ["little_giant"] } }),
        Detail::Full,
    );
    let o = r.evaluate(&later);
    assert_eq!(fig(&o, "wuhan.little_giant"), kind_only("not_eligible"));
    assert!(
        reason(&o, "wuhan.little_giant").contains("测算方案“测试方案”"),
        "{}",
        reason(&o, "wuhan.little_giant")
    );
}

#[test]
fn a_reform_result_carries_its_baseline_and_its_own_code() {
    let r =
        reformed(json!([{ "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.25" }]));
    let a = app(
        "wuhan-hongshan",
        json!({ "enterprise": { "sme": true }, "compute": { "domestic_fees": "400000" } }),
        Detail::Full,
    );
    let base = subsidy_calc::engine::evaluate(&a, subsidy_calc::rulebook::book()).with_code(&a);
    let o = r.evaluate(&a);
    let v = r.json(serde_json::to_value(&o).unwrap(), &base);
    assert_eq!(v["reform"]["name"], "测试方案");
    assert_eq!(v["reform"]["changes"][0]["set"], "rate");
    assert_eq!(
        v["baseline"]["awards"]["hongshan.compute_subsidy"]["amount"],
        "80000.00"
    );
    assert_eq!(
        v["baseline"]["awards"]["hongshan.compute_subsidy"]["kind"],
        "up_to"
    );
    assert_eq!(v["baseline"]["total"]["up_to"], "80000.00");
    assert_eq!(v["total"]["up_to"], "100000.00");
    // The reform's code is not today's, and its rule version says it is a reform.
    assert_ne!(o.code, base.code);
    assert!(v["rules_version"].as_str().unwrap().contains("+reform."));
    assert_eq!(v["baseline"]["code"], json!(base.code));
}

#[test]
fn figures_only_agrees_with_the_full_result_under_a_reform() {
    let r = reformed(json!([
        { "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.25" },
        { "rule": "hongshan.model_filing", "set": "per_unit", "value": "800000" },
        { "rule": "wuhan.scenario", "set": "cap", "value": "1500000" },
        { "document": "wuhan", "set": "valid_to", "value": "2030-12-31" }
    ]));
    for body in [
        json!({ "enterprise": { "sme": true }, "compute": { "domestic_fees": "1500000", "other_fees": "300000" },
                "model_filing": { "models_filed": 2 },
                "scenarios": [{ "name": "A", "city_selected": true, "total_investment": "6000000" }] }),
        json!({ "as_of": "2029-03-01", "enterprise": { "first_recognitions": ["little_giant"] } }),
    ] {
        let full = r.evaluate(&app("wuhan-hongshan", body.clone(), Detail::Full));
        let figs = r.evaluate(&app("wuhan-hongshan", body, Detail::Figures));
        let a = serde_json::to_value(full.figures()).unwrap();
        let b = serde_json::to_value(figs.figures()).unwrap();
        assert_eq!(a, b);
    }
}

#[test]
fn a_scenario_cap_per_project() {
    // 武汉 七: “按项目总投入资金30%比例给予最高100万元资金支持”: 6,000,000 × 30% = 1,800,000,
    // capped at 1,000,000 today; at 1,500,000 a project: 1,500,000.
    let r = reformed(json!([{ "rule": "wuhan.scenario", "set": "cap", "value": "1500000" }]));
    let body = json!({ "scenarios": [{ "name": "A", "city_selected": true, "total_investment": "6000000" }] });
    let (today, under) = both(&r, "wuhan", body, "wuhan.scenario");
    assert_eq!(today, up_to("1000000.00"));
    assert_eq!(under, up_to("1500000.00"));
}

#[test]
fn every_bad_change_is_named_by_its_place() {
    let e = bad(json!([
        { "rule": "hongshan.nothing", "set": "rate", "value": "0.25" },
        { "document": "nowhere", "set": "valid_to", "value": "2030-12-31" },
        { "rule": "hongshan.model_filing", "set": "rate", "value": "0.25" },
        { "rule": "hongshan.compute_subsidy", "set": "rate", "value": true },
        { "rule": "hongshan.compute_subsidy", "set": "cap", "value": "-1" },
        { "rule": "hongshan.model_filing", "set": "per_unit", "value": "800000.001" },
        { "document": "wuhan", "set": "valid_to", "value": "2030-02-30" },
        { "rule": "hongshan.compute_subsidy", "set": "pool", "value": "5000000" },
        { "rule": "hongshan.compute_subsidy", "set": "pool", "value": "6000000" },
        { "rule": "hongshan.compute_subsidy", "set": "rate.compute.domestic_fees", "value": "-0.1" },
        { "rule": "hongshan.compute_subsidy", "set": "rate.compute.other_fees", "value": "1.5" }
    ]));
    let has = |field: &str, words: &str| {
        assert!(
            e.iter().any(|(f, m)| f == field && m.contains(words)),
            "no error at {field} saying {words:?}: {e:#?}"
        )
    };
    has("changes[0].rule", "unknown rule hongshan.nothing");
    has("changes[1].document", "unknown document nowhere");
    has(
        "changes[2].set",
        "hongshan.model_filing has no rate; it has cap, cap.per_enterprise_per_year, per_unit",
    );
    has("changes[3].value", "not a number");
    has("changes[4].value", "negative");
    has("changes[5].value", "decimal");
    has("changes[6].value", "malformed date");
    has("changes[8].set", "pool is set twice: also by changes[7]");
    has("changes[9].value", "negative");
    has("changes[10].value", "a rate is a fraction from 0 to 1");
    assert_eq!(e.len(), 10, "{e:#?}");
}

#[test]
fn a_cap_that_is_also_the_most_paid_without_costs() {
    // 杭州 二(四) "依据其模型评测等相关费用,给予不超过50万元的一次性奖励": costs capped at 500,000, and
    // without costs entered the most, 500,000 — one figure of the text. With the cap 600,000:
    // no costs → 600,000 (it stayed 500,000: an independent audit); 550,000 of costs → 550,000;
    // 700,000 → 600,000.
    let r = reformed(json!([{ "rule": "hangzhou.model_filing", "set": "cap", "value": "600000" }]));
    let filed = |costs: Option<&str>| {
        let mut m = json!({ "models_filed": 1 });
        if let Some(c) = costs {
            m["evaluation_costs"] = json!(c);
        }
        both(
            &r,
            "hangzhou",
            json!({ "model_filing": m }),
            "hangzhou.model_filing",
        )
    };
    assert_eq!(filed(None), (up_to("500000.00"), up_to("600000.00")));
    assert_eq!(
        filed(Some("550000")),
        (up_to("500000.00"), up_to("550000.00"))
    );
    assert_eq!(
        filed(Some("700000")),
        (up_to("500000.00"), up_to("600000.00"))
    );
    let o = r.evaluate(&app(
        "hangzhou",
        json!({ "model_filing": { "models_filed": 1 } }),
        Detail::Full,
    ));
    let s = steps(&o, "hangzhou.model_filing");
    assert!(s.contains("最高标准600,000元(原文500,000元)"), "{s}");
    // The figure is the reform's, not the clause's (it said 条款规定最高 600,000元).
    assert!(s.contains("测算方案最高 600,000元"), "{s}");
    assert!(!s.contains("条款规定最高"), "{s}");
    // `params` lists the text's one figure once, as the cap.
    let rule = subsidy_calc::rulebook::book()
        .rules()
        .find(|(_, r)| r.id == "hangzhou.model_filing")
        .unwrap()
        .1;
    let names: Vec<String> = subsidy_calc::reform::params(rule)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(names.contains(&"cap".to_string()), "{names:?}");
    assert!(!names.contains(&"fixed".to_string()), "{names:?}");
}

#[test]
fn a_clauses_own_words_that_cite_figures_are_said_as_the_texts() {
    // 上海 专业服务: the 10,000,000-and-over band "不超过项目投资的20%、最高300万元" with its cap set
    // to 4,000,000: 25,000,000 × 20% = 5,000,000, capped at 4,000,000. The band's words still cite
    // 300万元, so they say they are the text's figures; the cap's step says the reform's and the
    // text's. (They cited 300万元 with nothing said: an independent audit.)
    let r =
        reformed(json!([{ "rule": "shanghai.service_project", "set": "cap", "value": "4000000" }]));
    let body = json!({ "other": { "shanghai": { "service_project_investment": ["25000000"] } } });
    let (today, under) = both(&r, "shanghai", body.clone(), "shanghai.service_project");
    assert_eq!(today, up_to("3000000.00"));
    assert_eq!(under, up_to("4000000.00"));
    let o = r.evaluate(&app("shanghai", body, Detail::Full));
    let s = steps(&o, "shanghai.service_project");
    assert!(
        s.contains("不超过项目投资的20%、最高300万元(原文数额)"),
        "{s}"
    );
    assert!(
        s.contains("4,000,000元(测算方案“测试方案”,原文3,000,000元)"),
        "{s}"
    );
    // Once, however many changes touch the clause; the reform's own words are not marked.
    let r = reformed(json!([
        { "rule": "shanghai.service_project", "set": "cap", "value": "4000000" },
        { "rule": "shanghai.service_project", "set": "fixed", "value": "7000000" }
    ]));
    let o = r.evaluate(&app(
        "shanghai",
        json!({ "other": { "shanghai": { "service_project_investment": ["35000000"] } } }),
        Detail::Full,
    ));
    let s = steps(&o, "shanghai.service_project");
    assert!(!s.contains("(原文数额)(原文数额)"), "{s}");
    assert!(
        s.contains("按测算方案“测试方案”7,000,000元(原文6,000,000元)"),
        "{s}"
    );
    assert!(!s.contains("(原文6,000,000元)(原文数额)"), "{s}");
    // 武汉 十 "分阶段给予最高800万元" set to 6,000,000: the stage words cite 800万元 as the text's.
    let r =
        reformed(json!([{ "rule": "wuhan.listing_domestic", "set": "fixed", "value": "6000000" }]));
    let o = r.evaluate(&app(
        "wuhan",
        json!({ "listing": { "venue": "sse", "stage": "listed" } }),
        Detail::Full,
    ));
    let s = steps(&o, "wuhan.listing_domestic");
    assert!(s.contains("测算方案最高 6,000,000元"), "{s}");
    assert!(s.contains("800万元为各阶段合计上限(原文数额)"), "{s}");
    // 杭州 一(三): the cap "可以放宽" words cite 800万元; under a cap of 9,000,000 they say it.
    let r =
        reformed(json!([{ "rule": "hangzhou.compute_voucher", "set": "cap", "value": "9000000" }]));
    let o = r.evaluate(&app(
        "hangzhou",
        json!({ "enterprise": { "foundation_model_developer": true }, "compute": { "domestic_fees": "40000000" } }),
        Detail::Full,
    ));
    let s = steps(&o, "hangzhou.compute_voucher");
    assert!(
        s.contains("本计算器按原文上限800万元计(测算方案“测试方案”下按9,000,000元计)"),
        "{s}"
    );
}

#[test]
fn params_say_every_value_a_name_sets() {
    // 硚口 7 "研发投入100-170万元最高补贴50万元,研发投入170万元以上最高补贴100万元": both bands' caps
    // are `cap.band`, and a change sets both: listed as "500000 / 1000000" (it listed 500000 alone:
    // an independent audit).
    let param = |id: &str, name: &str| {
        let rule = subsidy_calc::rulebook::book()
            .rules()
            .find(|(_, r)| r.id == id)
            .unwrap()
            .1;
        subsidy_calc::reform::params(rule)
            .into_iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{id} has no {name}"))
    };
    assert_eq!(
        param("qiaokou.embodied_first_unit", "cap.band").value,
        "500000 / 1000000"
    );
    assert_eq!(
        param("qiaokou.embodied_first_unit", "cap").value,
        "500000 / 1000000"
    );
    // 洪山 4 "最高给予100万元": the fixed amount of an up-to clause is the most paid.
    let p = param("hongshan.incubator", "fixed");
    assert_eq!(
        (p.value.as_str(), p.label_zh.as_str()),
        ("1000000", "最高金额")
    );
}

#[test]
fn a_dated_start_moves_the_end_of_a_term() {
    // The Wuhan draft: "本政策自2024年 X 月 X 日起执行,有效期三年". Dated from 2026-06-01 by a
    // reform, it runs to 2029-05-31 (it kept the reading's 2027-12-31: an independent audit).
    // 小巨人 "给予50万元": on 2029-03-01 today expired, under the reform 500,000; on 2029-06-01
    // expired under both.
    let r = reformed(json!([{ "document": "wuhan", "set": "valid_from", "value": "2026-06-01" }]));
    let on = |day: &str| json!({ "as_of": day, "enterprise": { "first_recognitions": ["little_giant"] } });
    let (today, under) = both(&r, "wuhan", on("2029-03-01"), "wuhan.little_giant");
    assert_eq!(today, kind_only("not_eligible"));
    assert_eq!(under, exact("500000.00"));
    let (_, under) = both(&r, "wuhan", on("2029-06-01"), "wuhan.little_giant");
    assert_eq!(under, kind_only("not_eligible"));
    let o = r.evaluate(&app("wuhan", on("2029-06-01"), Detail::Full));
    let reason = reason_steps(&o, "wuhan.little_giant");
    assert!(
        reason.contains("有效期2026-06-01—2029-05-31,计算日期2029-06-01已过期"),
        "{reason}"
    );
    let notes = r
        .evaluate(&app("wuhan", on("2029-03-01"), Detail::Full))
        .notes_in(Lang::Zh)
        .join(" / ");
    assert!(
        notes.contains("施行日期按2026-06-01计(原文施行日期留空,本计算器原按发布日2024-03-27起算)"),
        "{notes}"
    );
    assert!(
        notes.contains("到期日期随之按2029-05-31计(原文有效期3年)"),
        "{notes}"
    );
    // With the end set too, the reform's end holds.
    let r = reformed(json!([
        { "document": "wuhan", "set": "valid_from", "value": "2026-06-01" },
        { "document": "wuhan", "set": "valid_to", "value": "2028-12-31" }
    ]));
    let (_, under) = both(&r, "wuhan", on("2029-03-01"), "wuhan.little_giant");
    assert_eq!(under, kind_only("not_eligible"));
}

#[test]
fn a_documents_start_is_never_after_its_end() {
    // Hangzhou's text: 2024-08-19 to 2027-12-31 (catalogue). A start of 2028-01-01 on its own, or
    // an end of 2024-01-01 on its own, leaves no day in force: refused at that change, in both
    // languages. Both dates moved together are judged together, at the later change.
    let r = |changes: Value| {
        let r = json!({ "reform": 1, "name": "测试方案", "changes": changes });
        match Reformed::read(&r, subsidy_calc::rulebook::book()) {
            Ok(_) => panic!("reform accepted: {r}"),
            Err(e) => e,
        }
    };
    let e = r(json!([{ "document": "hangzhou", "set": "valid_from", "value": "2028-01-01" }]));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].field, "changes[0].value");
    assert_eq!(
        e[0].message,
        "hangzhou would start on 2028-01-01 and end on 2027-12-31: the start must not be after the end"
    );
    assert_eq!(
        e[0].message_in(Lang::Zh),
        "杭州市人民政府办公厅《支持人工智能全产业链高质量发展的若干措施》(hangzhou)将自2028-01-01起施行、于2027-12-31到期:施行日期不能晚于到期日期"
    );
    let e = bad(json!([{ "document": "hangzhou", "set": "valid_to", "value": "2024-01-01" }]));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].1.contains("start on 2024-08-19 and end on 2024-01-01"),
        "{e:#?}"
    );
    let e = bad(json!([
        { "document": "hangzhou", "set": "valid_to", "value": "2029-12-31" },
        { "document": "hangzhou", "set": "valid_from", "value": "2030-01-01" }
    ]));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].0, "changes[1].value");
    // Moved together the right way round: accepted (2028-01-01 to 2030-12-31).
    reformed(json!([
        { "document": "hangzhou", "set": "valid_from", "value": "2028-01-01" },
        { "document": "hangzhou", "set": "valid_to", "value": "2030-12-31" }
    ]));
}

#[test]
fn a_rule_with_several_caps_asks_which() {
    // No clause of the texts has two amount caps of different scopes today; a book where 洪山 5
    // also had a per-project cap must ask which `cap` means.
    let mut book = subsidy_calc::rulebook::book().clone_book();
    let mut docs = book.documents.to_vec();
    for d in docs.iter_mut() {
        for r in d
            .rules
            .to_mut()
            .iter_mut()
            .filter(|r| r.id == "hongshan.compute_subsidy")
        {
            let f = r.formula.as_mut().unwrap();
            let mut cap = f.caps[0].clone();
            cap.scope = subsidy_calc::rulebook::CapScope::PerProject;
            f.caps.to_mut().push(cap);
        }
    }
    book.documents = docs.into();
    let r = json!({ "reform": 1, "name": "x", "changes": [{ "rule": "hongshan.compute_subsidy", "set": "cap", "value": "1" }] });
    let e = match Reformed::read(&r, &book) {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    };
    assert!(
        e.iter().any(|e| e.field == "changes[0].set"
            && e.message
                .contains("several caps: name one (cap.per_enterprise_per_year, cap.per_project)")),
        "{e:?}"
    );
}

#[test]
fn the_same_parameter_named_two_ways_is_set_twice() {
    let e = bad(json!([
        { "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.25" },
        { "rule": "hongshan.compute_subsidy", "set": "rate.compute.other_fees", "value": "0.3" }
    ]));
    assert!(
        e.iter()
            .any(|(f, m)| f == "changes[0].set" && m.contains("set the same parameter")),
        "{e:?}"
    );
}

#[test]
fn a_malformed_reform_is_refused_whole() {
    let e = bad_reform(json!({ "reform": 2, "changes": [], "extra": 1 }));
    let fields: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
    assert!(
        fields.contains(&"reform")
            && fields.contains(&"name")
            && fields.contains(&"changes")
            && fields.contains(&"extra"),
        "{e:?}"
    );
    let e = bad_reform(
        json!({ "reform": 1, "name": "x", "changes": [{ "set": "rate", "value": "0.2" }] }),
    );
    assert!(
        e.iter()
            .any(|(f, m)| f == "changes[0]" && m.contains("either rule")),
        "{e:?}"
    );
}

#[test]
fn the_rule_files_are_not_touched() {
    // A reform is laid over a copy: today's book gives today's figures after one is read.
    let _ =
        reformed(json!([{ "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.9" }]));
    let o = run(
        "wuhan-hongshan",
        json!({ "enterprise": { "sme": true }, "compute": { "domestic_fees": "400000" } }),
    );
    assert_eq!(fig(&o, "hongshan.compute_subsidy"), up_to("80000.00"));
}

#[test]
fn params_list_todays_values_and_quotes() {
    let book = subsidy_calc::rulebook::book();
    let (_, rule) = book.rule("hongshan.compute_subsidy").unwrap();
    let p = subsidy_calc::reform::params(rule);
    let get = |n: &str| {
        p.iter()
            .find(|p| p.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    assert_eq!(get("rate").value, "0.2");
    assert_eq!(get("cap.per_enterprise_per_year").value, "200000");
    assert_eq!(get("pool").value, "3000000");
    assert_eq!(get("pool").quote, "每年设立不超过300万元的算力补贴资金池");
    assert_eq!(get("threshold.compute.years_subsidized_before").value, "3");
    assert!(get("rate").quote.contains("最高不超过20%的补贴"));
    // Every parameter of every rule can be set back to its own value, and the reform changes no
    // figure of the example applications.
    let all = subsidy_calc::reform::all_params(book);
    let changes: Vec<Value> = all
        .iter()
        .filter(|p| {
            !p.value.is_empty() && !p.value.contains(" / ") && p.name != "cap" && p.name != "rate"
        })
        .map(|p| {
            let value = match p.unit {
                subsidy_calc::reform::Unit::Flag => json!(true),
                _ => json!(p.value),
            };
            match (&p.rule, &p.document) {
                (Some(r), _) => json!({ "rule": r, "set": p.name, "value": value }),
                (_, Some(d)) => json!({ "document": d, "set": p.name, "value": value }),
                _ => unreachable!(),
            }
        })
        .collect();
    assert!(changes.len() > 100, "{}", changes.len());
    let r = reformed(Value::Array(changes));
    for file in [
        "examples/applications/hangzhou.json",
        "examples/applications/wuhan-hongshan.json",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        let mut a = subsidy_calc::input::parse_value(&v, today()).unwrap();
        a.detail = Detail::Figures;
        let base = subsidy_calc::engine::evaluate(&a, book);
        let o = r.evaluate(&a);
        assert_eq!(
            serde_json::to_value(base.figures()).unwrap()["awards"],
            serde_json::to_value(o.figures()).unwrap()["awards"],
            "{file}"
        );
    }
    let _ = Date::parse("2026-01-01");
}
