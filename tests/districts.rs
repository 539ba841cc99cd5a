//! Wuhan districts: Hongshan and Qiaokou (seed 000), each on top of the Wuhan city draft.
mod common;
use common::*;
use serde_json::json;

#[test]
fn hongshan_compute_subsidy_sme_only_three_years() {
    // 5: SMEs only. 1,000,000 × 20% = 200,000 = the cap exactly (not binding).
    let c =
        json!({"domestic_fees": "600000", "other_fees": "400000", "years_subsidized_before": 2});
    let o = run(
        "wuhan-hongshan",
        json!({"enterprise": {"sme": true}, "compute": c}),
    );
    assert_eq!(fig(&o, "hongshan.compute_subsidy"), up_to("200000.00"));
    assert!(award(&o, "hongshan.compute_subsidy").binding_cap.is_none());
    // Not an SME: the reason names it.
    let o = run("wuhan-hongshan", json!({"compute": c}));
    assert!(reason(&o, "hongshan.compute_subsidy").contains("中小企业"));
    // "补助期限不超过三年": three years already → not eligible.
    let o = run(
        "wuhan-hongshan",
        json!({"enterprise": {"sme": true}, "compute": {"domestic_fees": "100", "years_subsidized_before": 3}}),
    );
    assert!(reason(&o, "hongshan.compute_subsidy").contains("三年"));
    // 1,800,000 × 20% = 360,000 → 200,000.
    let o = run(
        "wuhan-hongshan",
        json!({"enterprise": {"sme": true}, "compute": {"maas_on_filed_model_fees": "1800000"}}),
    );
    assert_eq!(fig(&o, "hongshan.compute_subsidy"), up_to("200000.00"));
}

#[test]
fn hongshan_model_filing_per_model_capped() {
    // 6: 1 model → 1,000,000; 2 → 2,000,000 (cap reached exactly); 3 → 3,000,000 capped at 2,000,000.
    assert_eq!(
        fig(
            &run(
                "wuhan-hongshan",
                json!({"model_filing": {"models_filed": 1}})
            ),
            "hongshan.model_filing"
        ),
        exact("1000000.00")
    );
    let o = run(
        "wuhan-hongshan",
        json!({"model_filing": {"models_filed": 2}}),
    );
    assert_eq!(fig(&o, "hongshan.model_filing"), exact("2000000.00"));
    assert!(award(&o, "hongshan.model_filing").binding_cap.is_none());
    let o = run(
        "wuhan-hongshan",
        json!({"model_filing": {"models_filed": 3}}),
    );
    let a = award(&o, "hongshan.model_filing");
    assert_eq!(a.amount.as_deref(), Some("2000000.00"));
    assert_eq!(a.uncapped.as_deref(), Some("3000000.00"));
    assert_eq!(
        a.binding_cap.as_deref(),
        Some("per enterprise per year: 2000000")
    );
}

#[test]
fn hongshan_scenarios_capped_per_enterprise() {
    // 9: at most 300,000 a project, 600,000 an enterprise a year: 3 selected → 900,000 → 600,000.
    let p = |n: &str| json!({"name": n, "district_selected": true});
    let o = run(
        "wuhan-hongshan",
        json!({"scenarios": [p("a"), p("b"), p("c")]}),
    );
    let a = award(&o, "hongshan.scenario");
    assert_eq!(a.amount.as_deref(), Some("600000.00"));
    assert_eq!(a.uncapped.as_deref(), Some("900000.00"));
    let o = run("wuhan-hongshan", json!({"scenarios": [p("a")]}));
    assert_eq!(fig(&o, "hongshan.scenario"), up_to("300000.00"));
}

#[test]
fn hongshan_first_version_software_difference() {
    // 8: national 500,000; provincial 200,000; provincial first, then national: 500,000 − 200,000 = 300,000.
    let f = |l: &str, p: &str| {
        run(
            "wuhan-hongshan",
            json!({"other": {"first_version_software": {"level": l, "previous_level": p}}}),
        )
    };
    assert_eq!(
        fig(&f("national", "none"), "hongshan.first_version_software"),
        exact("500000.00")
    );
    assert_eq!(
        fig(&f("provincial", "none"), "hongshan.first_version_software"),
        exact("200000.00")
    );
    assert_eq!(
        fig(
            &f("national", "provincial"),
            "hongshan.first_version_software"
        ),
        exact("300000.00")
    );
    assert_eq!(
        fig(
            &f("provincial", "provincial"),
            "hongshan.first_version_software"
        ),
        kind_only("not_eligible")
    );
}

#[test]
fn hongshan_other_clauses() {
    let o = run(
        "wuhan-hongshan",
        json!({"other": {
            "innovation_platform": true, "bogaitou_team": true, "developer_platform": true,
            "incubator": {"builder": true},
            "core_park": {"city_core_park": true, "first_selected": true, "operator": true, "years_awarded_before": 0},
            "dataset": {"completed_projects": 2},
            "event": {"registered": true, "count": 2}
        }}),
    );
    assert_eq!(fig(&o, "hongshan.platform"), up_to("1500000.00")); // 2: 最高150万元
    assert_eq!(fig(&o, "hongshan.bogaitou"), up_to("3000000.00")); // 3: 最高300万元
    assert_eq!(fig(&o, "hongshan.incubator"), up_to("1000000.00")); // 4: 最高100万元
    assert_eq!(fig(&o, "hongshan.core_park"), up_to("1000000.00")); // 4: 最高100万元
    assert_eq!(fig(&o, "hongshan.dataset"), up_to("1000000.00")); // 7: 2 × 500,000
    assert_eq!(fig(&o, "hongshan.events"), up_to("600000.00")); // 12: 2 × 300,000
    assert_eq!(fig(&o, "hongshan.developer_platform"), up_to("3000000.00")); // 12: 最高300万元
    // The city's core-park clause applies too (八: 最高1000万元 a year).
    assert_eq!(fig(&o, "wuhan.core_park"), up_to("10000000.00"));
    // Hongshan has no Qiaokou clauses.
    assert!(o.awards.iter().all(|a| !a.id.starts_with("qiaokou.")));
}

#[test]
fn qiaokou_model_voucher() {
    // 5: 500,000 × 30% = 150,000; 1,000,000 × 30% = 300,000 → 200,000.
    let o = run(
        "wuhan-qiaokou",
        json!({"compute": {"model_purchase_fees": "500000"}}),
    );
    assert_eq!(fig(&o, "qiaokou.model_voucher"), up_to("150000.00"));
    let o = run(
        "wuhan-qiaokou",
        json!({"compute": {"model_purchase_fees": "1000000"}}),
    );
    assert_eq!(fig(&o, "qiaokou.model_voucher"), up_to("200000.00"));
}

#[test]
fn qiaokou_vertical_model_stacks_on_the_city() {
    // 6 "在市级支持基础上": city 2,000,000 × 30% = 600,000 and district 600,000, both counted: 1,200,000.
    let o = run(
        "wuhan-qiaokou",
        json!({"models": {"vertical_model": {"selected": true, "rd_cost": "2000000"}}}),
    );
    assert_eq!(fig(&o, "wuhan.vertical_model_rd"), up_to("600000.00"));
    assert_eq!(fig(&o, "qiaokou.vertical_model_rd"), up_to("600000.00"));
    assert_eq!(o.total.up_to, "1200000.00");
    let st = award(&o, "qiaokou.vertical_model_rd")
        .stacking
        .as_ref()
        .unwrap();
    assert!(st.counted && st.mode == "stack");
    // 10,000,000 × 30% = 3,000,000: city ≤ 5,000,000 → 3,000,000; district ≤ 1,000,000 → 1,000,000.
    let o = run(
        "wuhan-qiaokou",
        json!({"models": {"vertical_model": {"selected": true, "rd_cost": "10000000"}}}),
    );
    assert_eq!(fig(&o, "wuhan.vertical_model_rd"), up_to("3000000.00"));
    assert_eq!(fig(&o, "qiaokou.vertical_model_rd"), up_to("1000000.00"));
    // Not selected by the city: the district clause names no selection of its own (the catalogue
    // reads "在市级支持基础上" as stacking), so 2,000,000 × 30% = 600,000 from Qiaokou alone.
    let o = run(
        "wuhan-qiaokou",
        json!({"models": {"vertical_model": {"rd_cost": "2000000"}}}),
    );
    assert_eq!(fig(&o, "qiaokou.vertical_model_rd"), up_to("600000.00"));
    assert_eq!(
        fig(&o, "wuhan.vertical_model_rd"),
        kind_only("not_eligible")
    );
    assert_eq!(o.total.up_to, "600000.00");
}

#[test]
fn qiaokou_embodied_first_unit_bands() {
    let f = |rd: &str| {
        run(
            "wuhan-qiaokou",
            json!({"other": {"embodied": {"first_unit_rd_investment": rd}}}),
        )
    };
    // Below 1,000,000: not covered.
    assert_eq!(
        fig(&f("999999.99"), "qiaokou.embodied_first_unit"),
        kind_only("not_eligible")
    );
    // 1,000,000 × 30% = 300,000 (band ≤ 500,000).
    assert_eq!(
        fig(&f("1000000"), "qiaokou.embodied_first_unit"),
        up_to("300000.00")
    );
    // 1,600,000 × 30% = 480,000.
    assert_eq!(
        fig(&f("1600000"), "qiaokou.embodied_first_unit"),
        up_to("480000.00")
    );
    // Exactly 1,700,000: both bands read as inclusive. Lower band: 510,000 → 500,000; upper band:
    // 510,000 ≤ 1,000,000 → 510,000. The more favourable, 510,000, and the result says so.
    let o = f("1700000");
    assert_eq!(fig(&o, "qiaokou.embodied_first_unit"), up_to("510000.00"));
    assert!(
        award(&o, "qiaokou.embodied_first_unit")
            .steps
            .iter()
            .any(|s| s.contains("more favourable"))
    );
    // 1,699,999.99 × 30% = 509,999.997 → capped at 500,000 (lower band).
    assert_eq!(
        fig(&f("1699999.99"), "qiaokou.embodied_first_unit"),
        up_to("500000.00")
    );
    // 4,000,000 × 30% = 1,200,000 → 1,000,000.
    assert_eq!(
        fig(&f("4000000"), "qiaokou.embodied_first_unit"),
        up_to("1000000.00")
    );
}

#[test]
fn qiaokou_embodied_os_needs_three_users() {
    // 7: 5,000,000 × 30% = 1,500,000 → 1,000,000, with 3 enterprises using it ("3家以上" includes 3).
    let o = run(
        "wuhan-qiaokou",
        json!({"other": {"embodied": {"os_investment": "5000000", "os_user_enterprises": 3}}}),
    );
    assert_eq!(fig(&o, "qiaokou.embodied_os"), up_to("1000000.00"));
    let o = run(
        "wuhan-qiaokou",
        json!({"other": {"embodied": {"os_investment": "5000000", "os_user_enterprises": 2}}}),
    );
    assert!(reason(&o, "qiaokou.embodied_os").contains("3家以上"));
}

#[test]
fn qiaokou_scenario_by_rd_investment() {
    // 9 (projects the district supports): 2,000,000 × 30% = 600,000; 4,000,000 × 30% = 1,200,000
    // → 1,000,000. Sum 1,600,000. Project c is not supported by the district: not counted.
    let o = run(
        "wuhan-qiaokou",
        json!({"scenarios": [
            {"name": "a", "rd_investment": "2000000", "district_selected": true},
            {"name": "b", "rd_investment": "4000000", "district_selected": true, "city_selected": true},
            {"name": "c", "rd_investment": "9000000"}
        ]}),
    );
    assert_eq!(fig(&o, "qiaokou.scenario"), up_to("1600000.00"));
    assert!(reason_steps(&o, "qiaokou.scenario").contains("项目#3「c」"));
    // The city clause counts only the city-selected one: 0 total investment entered → not eligible.
    assert_eq!(fig(&o, "wuhan.scenario"), kind_only("not_eligible"));
}

#[test]
fn qiaokou_datasets_events_park_vouchers() {
    let o = run(
        "wuhan-qiaokou",
        json!({
            "compute": {"other_fees": "1"},
            "other": {"dataset": {"level": "provincial"}, "data_fees": "10",
                      "event": {"enterprises_introduced": 3, "all_three_conditions": true, "cost": "4000000"},
                      "core_park": {"district_core_park_or_building": true}}
        }),
    );
    assert_eq!(fig(&o, "qiaokou.dataset"), up_to("300000.00")); // 3: 省级认定最高30万元
    assert_eq!(fig(&o, "qiaokou.event_referral"), exact("150000.00")); // 12: 3 × 50,000
    assert_eq!(fig(&o, "qiaokou.event_cost"), up_to("1000000.00")); // 12: 4,000,000 × 30% = 1,200,000 → 1,000,000
    assert_eq!(fig(&o, "qiaokou.park"), up_to("2000000.00")); // 10: 最高200万元
    assert_eq!(fig(&o, "qiaokou.compute_voucher"), kind_only("unspecified"));
    assert_eq!(fig(&o, "qiaokou.data_voucher"), kind_only("unspecified"));
    let o = run(
        "wuhan-qiaokou",
        json!({"other": {"dataset": {"level": "national"}}}),
    );
    assert_eq!(fig(&o, "qiaokou.dataset"), up_to("500000.00"));
    let o = run(
        "wuhan-qiaokou",
        json!({"other": {"dataset": {"level": "city"}}}),
    );
    assert_eq!(fig(&o, "qiaokou.dataset"), up_to("200000.00"));
}
