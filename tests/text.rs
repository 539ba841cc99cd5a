//! The words of a result are data until shown: the evaluation records each step with its figures,
//! and a step is written in Chinese or English when it is shown or serialised.
mod common;
use common::{award, run};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use subsidy_calc::text::{Lang, Langs, Limit, Line};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn a_step_holds_its_figures_and_is_written_in_each_language() {
    // 一(三) “单家企业每年“算力券”申领不超过800万元”: 30,000,000 × 30% = 9,000,000 > 8,000,000.
    let o = run(
        "hangzhou",
        json!({"compute": {"domestic_fees": "30000000"}}),
    );
    let a = award(&o, "hangzhou.compute_voucher");
    let Line::Term {
        value, pct, part, ..
    } = &a.steps[0]
    else {
        panic!("the first step is the term: {:?}", a.steps);
    };
    assert_eq!((*value, *pct, *part), (d("30000000"), "30%", d("9000000")));
    let Line::Capped(cap) = &a.steps[1] else {
        panic!("then the cap: {:?}", a.steps);
    };
    // The cap's label is the rule data's, made when the data is read; nothing taken off it, and
    // not relaxable for this applicant.
    assert!(matches!(cap.limit, Limit::Said { .. }));
    assert!(cap.less.is_none() && !cap.relaxable);
    assert_eq!(
        a.steps_in(Lang::Zh),
        [
            "国产算力合同费用 30,000,000元 × 30% = 9,000,000元",
            "封顶:每家企业每年上限 8,000,000元"
        ]
    );
    assert_eq!(
        a.steps_in(Lang::En),
        [
            "domestic (国产) compute fees 30,000,000 × 30% = 9,000,000",
            "capped (per enterprise per year: 8,000,000)"
        ]
    );
    // The binding cap is the same data, written for `binding_cap` / `binding_cap_zh`.
    assert_eq!(
        a.binding_cap_in(Lang::En).as_deref(),
        Some("per enterprise per year: 8000000")
    );
    assert_eq!(
        a.binding_cap_in(Lang::Zh).as_deref(),
        Some("每家企业每年上限 8,000,000元")
    );
    // “生成式多模态基础大模型企业可以放宽”: the same cap binds, marked relaxable; the figure stays
    // 8,000,000 and the step says what the rate gives (9,000,000).
    let o = run(
        "hangzhou",
        json!({"enterprise": {"foundation_model_developer": true}, "compute": {"domestic_fees": "30000000"}}),
    );
    let a = award(&o, "hangzhou.compute_voucher");
    assert!(a.binding_cap.as_ref().unwrap().relaxable);
    assert!(
        matches!(a.steps[2], Line::Relaxed { figure, .. } if figure == d("30000000") * d("0.3"))
    );
    assert_eq!(
        a.binding_cap_in(Lang::En).as_deref(),
        Some("per enterprise per year: 8000000 (may be relaxed)")
    );
    assert_eq!(
        a.amount.map(|y| y.to_string()).as_deref(),
        Some("8000000.00")
    );
}

#[test]
fn a_failed_condition_records_what_was_entered() {
    // 二(一) city tier: “孵化场地面积不少于1万平方米”; 8,000 m² entered.
    let inc = json!({"site_area_m2": 8000, "enterprises": 12, "linked_compute_pflops": 600, "datasets": 5});
    let o = run("wuhan", json!({"other": {"incubator": inc}}));
    let c = o.checks.iter().find(|c| c.id == "incubator.city").unwrap();
    let Line::Missed { fact, .. } = &c.failing[0] else {
        panic!("{:?}", c.failing);
    };
    assert_eq!(fact.field().path, "other.incubator.site_area_m2");
    assert_eq!(
        c.failing[0].text(Lang::En),
        "site of at least 10,000 m² (entered: incubator site area (m²): 8,000 m²)"
    );
}

fn keys(v: &Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn a_result_serialised_in_one_language_carries_only_its_words() {
    // Hongshan's 6: 3 models × 1,000,000 = 3,000,000, capped at 2,000,000 per enterprise per year.
    let o = run(
        "wuhan-hongshan",
        json!({"model_filing": {"models_filed": 3}}),
    );
    let both = serde_json::to_value(&o).unwrap();
    assert_eq!(both, serde_json::to_value(o.in_langs(Langs::Both)).unwrap());
    let zh = serde_json::to_value(o.in_langs(Langs::Zh)).unwrap();
    let en = serde_json::to_value(o.in_langs(Langs::En)).unwrap();
    let pick = |v: &Value| {
        v["awards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "hongshan.model_filing")
            .unwrap()
            .clone()
    };
    let (b, z, e) = (pick(&both), pick(&zh), pick(&en));
    assert_eq!(b["binding_cap"], "per enterprise per year: 2000000");
    assert_eq!(z["binding_cap_zh"], b["binding_cap_zh"]);
    assert_eq!(e["binding_cap"], b["binding_cap"]);
    assert_eq!(z["steps_zh"], b["steps_zh"]);
    assert_eq!(e["steps"], b["steps"]);
    for k in ["steps", "binding_cap", "reason", "notes"] {
        assert!(
            !keys(&z).contains(&k.to_string()),
            "{k} in the Chinese result"
        );
        assert!(
            !keys(&e).contains(&format!("{k}_zh")),
            "{k}_zh in the English result"
        );
    }
    assert!(zh.get("notes").is_none() && zh["notes_zh"] == both["notes_zh"]);
    assert!(en.get("notes_zh").is_none() && en["notes"] == both["notes"]);
    // The figures are the same whatever the language.
    assert_eq!(z["amount"], "2000000.00");
    assert_eq!(e["amount"], "2000000.00");
    // An award that does not pay keeps its reason key (null when none), in its language only.
    let not = |v: &Value| {
        v["awards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["kind"] == "not_eligible")
            .unwrap()
            .clone()
    };
    assert!(not(&zh)["reason_zh"].is_string() && not(&zh).get("reason").is_none());
    assert!(not(&en)["reason"].is_string() && not(&en).get("reason_zh").is_none());
}

#[test]
fn the_parts_shown_add_up_to_the_sum_shown() {
    // 一(三) 30% on MaaS and on domestic compute, 1,000,000.05 each: 300,000.015 + 300,000.015 =
    // 600,000.03, at the cent already. Shown at two decimals the parts said
    // "300,000.02 + 300,000.02 = 600,000.03" (an independent audit): now every decimal they have.
    let o = run(
        "hangzhou",
        json!({"compute": {"maas_on_filed_model_fees": "1000000.05", "domestic_fees": "1000000.05"}}),
    );
    let a = award(&o, "hangzhou.compute_voucher");
    assert_eq!(
        a.amount.map(|y| y.to_string()).as_deref(),
        Some("600000.03")
    );
    let zh = a.steps_in(Lang::Zh);
    assert!(
        zh.contains(&"国产算力合同费用 1,000,000.05元 × 30% = 300,000.015元".to_string()),
        "{zh:?}"
    );
    assert!(
        zh.contains(&"合计 300,000.015 + 300,000.015 = 600,000.03元".to_string()),
        "{zh:?}"
    );
    // 洪山 5 20% on three fees of 0.03: 0.006 × 3 = 0.018, rounded once for the clause to 0.02.
    let o = run(
        "wuhan-hongshan",
        json!({"enterprise": {"sme": true}, "compute": {"maas_on_filed_model_fees": "0.03", "domestic_fees": "0.03", "other_fees": "0.03"}}),
    );
    let a = award(&o, "hongshan.compute_subsidy");
    assert_eq!(a.amount.map(|y| y.to_string()).as_deref(), Some("0.02"));
    let zh = a.steps_in(Lang::Zh);
    assert!(
        zh.contains(&"合计 0.006 + 0.006 + 0.006 = 0.018元".to_string()),
        "{zh:?}"
    );
    assert_eq!(zh.last().map(String::as_str), Some("四舍五入到分:0.02元"));
    let en = a.steps_in(Lang::En);
    assert!(
        en.contains(&"sum 0.006 + 0.006 + 0.006 = 0.018".to_string()),
        "{en:?}"
    );
}

#[test]
fn a_cap_as_a_page_shows_it_has_separators_in_english_too() {
    // 一(三) 30,000,000 × 30% = 9,000,000, capped at 8,000,000: the contract's `binding_cap` keeps
    // plain figures ("per enterprise per year: 8000000"); a page shows "8,000,000".
    let o = run(
        "hangzhou",
        json!({"compute": {"domestic_fees": "30000000"}}),
    );
    let a = award(&o, "hangzhou.compute_voucher");
    let cap = a.binding_cap.as_ref().unwrap();
    assert_eq!(cap.text(Lang::En), "per enterprise per year: 8000000");
    assert_eq!(cap.shown(Lang::En), "per enterprise per year: 8,000,000");
    assert_eq!(cap.shown(Lang::Zh), cap.text(Lang::Zh));
    // 武汉 三 "三年最高500万元" with 1,000,000 received: 30,000,000 × 50% capped at 5,000,000 less
    // 1,000,000 = 4,000,000; every figure of the English cap with separators.
    let o = run(
        "wuhan",
        json!({"models": {"vertical_model": {"selected": true, "local_compute_fees": "30000000", "compute_award_received": "1000000"}}}),
    );
    let cap = award(&o, "wuhan.vertical_model_compute")
        .binding_cap
        .as_ref()
        .unwrap();
    assert_eq!(
        cap.text(Lang::En),
        "over three years: 5000000 less 1000000 already received = 4000000"
    );
    assert_eq!(
        cap.shown(Lang::En),
        "over three years: 5,000,000 less 1,000,000 already received = 4,000,000"
    );
    // A figure inside another (100000 in 1100000) is left whole: 1,200,000 received, 3,800,000 left;
    // 100,000 received, 4,900,000 left.
    for (got, said) in [
        (
            "1200000",
            "over three years: 5,000,000 less 1,200,000 already received = 3,800,000",
        ),
        (
            "100000",
            "over three years: 5,000,000 less 100,000 already received = 4,900,000",
        ),
    ] {
        let o = run(
            "wuhan",
            json!({"models": {"vertical_model": {"selected": true, "local_compute_fees": "30000000", "compute_award_received": got}}}),
        );
        let a = award(&o, "wuhan.vertical_model_compute");
        assert_eq!(a.binding_cap.as_ref().unwrap().shown(Lang::En), said);
    }
}
