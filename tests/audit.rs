//! The 2026-11-25 audit against the policy texts (issue 8): each defect it found, worked by hand from
//! the quoted clause. Every test here failed on the engine as it was before the fix (said in each).
mod common;
use common::*;
use serde_json::json;
use subsidy_calc::text::Lang;

// ---- 2. City and district selection are two facts -------------------------------------------

#[test]
fn a_project_only_the_district_selected_gets_no_city_award() {
    // Hongshan 9 ("每年遴选不超过10个…单个项目给予项目建设方最高30万元支持") is the DISTRICT's
    // selection; Wuhan 七 ("每年遴选一批人工智能示范应用场景项目,按项目总投入资金30%比例给予最高100万元")
    // the CITY's. A project of 2,000,000 only the district picked: district up to 300,000; the city's
    // 30% (600,000) is not credited. (Before: one `selected` flag credited both → 900,000 up to.)
    let o = run(
        "wuhan-hongshan",
        json!({"scenarios": [{"name": "区级场景", "district_selected": true, "total_investment": "2000000"}]}),
    );
    assert_eq!(fig(&o, "hongshan.scenario"), up_to("300000.00"));
    assert_eq!(fig(&o, "wuhan.scenario"), kind_only("not_eligible"));
    assert!(reason(&o, "wuhan.scenario").contains("市级遴选"));
    assert_eq!(o.total.up_to, "300000.00");
    // Only the city picked it: 2,000,000 × 30% = 600,000 (≤ 1,000,000); no district award.
    let o = run(
        "wuhan-hongshan",
        json!({"scenarios": [{"name": "市级场景", "city_selected": true, "total_investment": "2000000"}]}),
    );
    assert_eq!(fig(&o, "wuhan.scenario"), up_to("600000.00"));
    assert_eq!(fig(&o, "hongshan.scenario"), kind_only("not_eligible"));
    // An empty project (as the form now creates it: both boxes off) is worth nothing: no 30万.
    let o = run("wuhan-hongshan", json!({"scenarios": [{"name": "新项目"}]}));
    assert_eq!(fig(&o, "hongshan.scenario"), kind_only("not_eligible"));
    assert!(reason(&o, "hongshan.scenario").contains("区级遴选"));
    assert_eq!(o.total.up_to, "0.00");
}

#[test]
fn qiaokou_9_reads_the_districts_selection() {
    // Qiaokou 9 "突出应用场景项目…按项目实际研发投入的30%…单个项目最高支持100万元": a project the district
    // supports. R&D 2,000,000 × 30% = 600,000. Without the district's selection: not eligible.
    let o = run(
        "wuhan-qiaokou",
        json!({"scenarios": [{"name": "a", "district_selected": true, "rd_investment": "2000000"}]}),
    );
    assert_eq!(fig(&o, "qiaokou.scenario"), up_to("600000.00"));
    let o = run(
        "wuhan-qiaokou",
        json!({"scenarios": [{"name": "a", "city_selected": true, "rd_investment": "2000000"}]}),
    );
    assert_eq!(fig(&o, "qiaokou.scenario"), kind_only("not_eligible"));
}

#[test]
fn the_schema_1_selected_flag_is_refused_with_what_replaced_it() {
    let e = errors(
        json!({"schema": 1, "region": "wuhan", "scenarios": [{"name": "a", "selected": true}]}),
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field, "scenarios[0].selected");
    assert!(e[0].message.contains("city_selected") && e[0].message.contains("district_selected"));
    // A schema-1 application without it is read as before, and gives the same figures:
    // Hongshan 6, 3 models × 1,000,000 = 3,000,000 → 2,000,000 a year.
    let o = run(
        "wuhan-hongshan",
        json!({"schema": 1, "model_filing": {"models_filed": 3}}),
    );
    assert_eq!(fig(&o, "hongshan.model_filing"), exact("2000000.00"));
    assert_eq!(o.schema, 2);
}

// ---- 5. The loan-interest clause asks for the interest paid -----------------------------------

#[test]
fn loan_interest_without_the_interest_paid_asks_for_it() {
    // 一(二): "贴息金额不超过项目建设单位支付给合作银行利息的50%": without the interest paid there is no
    // figure to cap; the reason names the missing figure (before: "nothing left to award").
    let infra = json!({"in_government_layout": true, "total_investment": "60000000", "loan_amount": "100000000"});
    let o = run("hangzhou", json!({"other": {"compute_infra": infra}}));
    assert_eq!(
        fig(&o, "hangzhou.compute_loan_interest"),
        kind_only("not_eligible")
    );
    let r = reason(&o, "hangzhou.compute_loan_interest");
    assert!(
        r.contains("interest paid") && r.contains("支付给合作银行的利息"),
        "{r}"
    );
    assert!(!r.contains("nothing left"));
    // With 2,000,000 paid: 100,000,000 × 1.5% = 1,500,000; at most 50% of 2,000,000 = 1,000,000.
    let infra = json!({"in_government_layout": true, "total_investment": "60000000", "loan_amount": "100000000", "interest_paid": "2000000"});
    let o = run("hangzhou", json!({"other": {"compute_infra": infra}}));
    assert_eq!(
        fig(&o, "hangzhou.compute_loan_interest"),
        up_to("1000000.00")
    );
}

// ---- 8. Every reason and note true of the case, in the language asked for ----------------------

#[test]
fn notes_say_only_what_the_text_says() {
    // Hongshan 5 sets a pool "每年设立不超过300万元的算力补贴资金池"; it never says "用完即止".
    let o = run(
        "wuhan-hongshan",
        json!({"enterprise": {"sme": true}, "compute": {"domestic_fees": "100000"}}),
    );
    let notes = reason_steps(&o, "hongshan.compute_subsidy");
    assert!(!notes.contains("用完即止"), "{notes}");
    assert!(notes.contains("不超过300万元"));
    // Wuhan 二: compute use sets the POOL ("根据算力使用情况每年设立总额不低于1000万元"), not each firm's amount.
    let notes = reason_steps(&o, "wuhan.compute_voucher");
    assert!(!notes.contains("按算力使用情况确定"), "{notes}");
    assert!(notes.contains("不低于1000万元"));
}

#[test]
fn several_bands_are_said_without_claiming_a_boundary() {
    // Shanghai 2: 40,000,000 meets both "3000万元以上" (600万) and "1000万元以上" (20%, 300万); the better,
    // 6,000,000, applies. 40,000,000 is no boundary, and the steps no longer say it is.
    let o = run(
        "shanghai",
        json!({"other": {"shanghai": {"service_project_investment": "40000000"}}}),
    );
    assert_eq!(fig(&o, "shanghai.service_project"), up_to("6000000.00"));
    let s = reason_steps(&o, "shanghai.service_project");
    assert!(!s.contains("边界") && !s.contains("at this figure"), "{s}");
    assert!(s.contains("同时符合多个档位"));
    // Qiaokou 7 at exactly 1,700,000: both bands; 30% = 510,000; the upper band's cap (1,000,000)
    // is the more favourable → 510,000.
    let o = run(
        "wuhan-qiaokou",
        json!({"other": {"embodied": {"first_unit_rd_investment": "1700000"}}}),
    );
    assert_eq!(fig(&o, "qiaokou.embodied_first_unit"), up_to("510000.00"));
}

#[test]
fn a_difference_award_already_paid_says_so() {
    // Hongshan 8: national 500,000, provincial 200,000, "逐级认定的给予差额奖励". Provincial entry after
    // the national award: 200,000 − 500,000 → nothing; the reason says the national award was
    // already received (before: "计算金额为0").
    let o = run(
        "wuhan-hongshan",
        json!({"other": {"first_version_software": {"level": "provincial", "previous_level": "national"}}}),
    );
    assert_eq!(
        fig(&o, "hongshan.first_version_software"),
        kind_only("not_eligible")
    );
    let a = award(&o, "hongshan.first_version_software");
    let zh = a.reason_in(Lang::Zh).unwrap();
    assert!(zh.contains("此前已获国家级奖励500,000元"), "{zh}");
    assert!(!zh.contains("计算金额为0"));
    assert!(
        a.reason_in(Lang::En)
            .as_deref()
            .unwrap()
            .contains("national award of 500,000 was already received")
    );
}

#[test]
fn the_qiaokou_grant_needs_the_city_selection_and_stacks_on_it() {
    // Qiaokou 6 "在市级支持基础上,对牵头单位按研发成本的30%最高给予100万元" (reading changed
    // 2026-12-04): the district grant presupposes the city's support, so a model the city has not
    // selected gets nothing here, and the reason says the city's selection comes first.
    let o = run(
        "wuhan-qiaokou",
        json!({"models": {"vertical_model": {"rd_cost": "2000000"}}}),
    );
    assert_eq!(
        fig(&o, "qiaokou.vertical_model_rd"),
        kind_only("not_eligible")
    );
    assert!(reason(&o, "qiaokou.vertical_model_rd").contains("须先经市级评选入选"));
    assert!(award(&o, "qiaokou.vertical_model_rd").stacking.is_none());
    assert!(!o.notes_in(Lang::Zh).iter().any(|n| n.contains("叠加")));
    // Selected by the city too: city 30% (600,000, ≤ 5,000,000) + district 600,000, stacked and said.
    let o = run(
        "wuhan-qiaokou",
        json!({"models": {"vertical_model": {"selected": true, "rd_cost": "2000000"}}}),
    );
    assert_eq!(fig(&o, "wuhan.vertical_model_rd"), up_to("600000.00"));
    assert!(award(&o, "qiaokou.vertical_model_rd").stacking.is_some());
    assert!(o.notes_in(Lang::Zh).iter().any(|n| n.contains("叠加")));
    assert_eq!(o.total.up_to, "1200000.00");
}

#[test]
fn an_award_whose_projects_round_to_nothing_says_why() {
    // Wuhan 七: 0.01 × 30% = 0.003 → 0.00 at the fen. The award is not eligible and its reason is
    // not empty (before: an empty reason).
    let o = run(
        "wuhan",
        json!({"scenarios": [{"name": "a", "city_selected": true, "total_investment": "0.01"}]}),
    );
    assert_eq!(fig(&o, "wuhan.scenario"), kind_only("not_eligible"));
    let r = reason(&o, "wuhan.scenario");
    assert!(r.contains("0.003") && r.contains("四舍五入"), "{r}");
}

#[test]
fn english_reasons_are_english() {
    // Wuhan 十: an overseas listing entered against the domestic clause: the reason names the venue
    // by its English label, never the key "overseas_mou", and with no Chinese field name.
    let o = run(
        "wuhan",
        json!({"listing": {"venue": "overseas_mou", "stage": "listed", "proceeds_invested_locally_percent": "50"}}),
    );
    let en = award(&o, "wuhan.listing_domestic")
        .reason_in(Lang::En)
        .unwrap();
    assert!(
        !en.contains("overseas_mou") && !en.contains("上市地"),
        "{en}"
    );
    assert!(en.contains("abroad (CSRC memorandum exchange)"), "{en}");
    let zh = award(&o, "wuhan.listing_domestic")
        .reason_in(Lang::Zh)
        .clone()
        .unwrap();
    assert!(zh.contains("境外(与证监会签署备忘录的国家或地区)"), "{zh}");
    // 600万 overseas needs 80%: 50% fails, said in English.
    let en = award(&o, "wuhan.listing_overseas")
        .reason_in(Lang::En)
        .unwrap();
    assert!(
        en.contains("at least 80% of the proceeds invested in Wuhan") && en.contains("50%"),
        "{en}"
    );
}

// ---- 10. Latent: groups, derived facts ------------------------------------------------------------

#[test]
fn a_group_says_nothing_about_a_member_with_no_figure() {
    // Fixture: Wuhan 七 and Hongshan 9 as a "highest" group. Only the city selected the project:
    // only the city pays, so neither member gets a "…pays more, not counted" note, and both count.
    let mut data: serde_json::Value =
        serde_json::from_str(subsidy_calc::rulebook::RULES_JSON).unwrap();
    data["groups"].as_array_mut().unwrap().push(json!({
        "id": "test.scenarios", "mode": "highest",
        "members": ["wuhan.scenario", "hongshan.scenario"],
        "zh": "同一项目市区场景支持从优", "en": "city and district scenario support: the best one"
    }));
    let book = subsidy_rulebook::from_json(&data.to_string()).unwrap();
    let app = subsidy_calc::input::parse_value(
        &json!({"region": "wuhan-hongshan", "as_of": "2026-11-24",
                "scenarios": [{"name": "A", "city_selected": true, "total_investment": "2000000"}]}),
        today(),
    )
    .unwrap();
    let o = subsidy_calc::engine::evaluate(&app, &book);
    let district = o.award("hongshan.scenario").unwrap();
    assert!(district.stacking.is_none(), "{:?}", district.stacking);
    assert!(district.in_totals);
    assert_eq!(o.total.up_to, "600000.00"); // 2,000,000 × 30%
}

#[test]
fn derived_facts_are_worked_out_by_name() {
    // compute.contract_fees = the three kinds of fees; area per enterprise = site / enterprises,
    // exact. Each derived fact carries its own function and inputs (no filling by position).
    let app = subsidy_calc::input::parse_value(
        &json!({"region": "wuhan", "compute": {"maas_on_filed_model_fees": "1", "domestic_fees": "20", "other_fees": "300"},
                "other": {"incubator": {"site_area_m2": 1000, "enterprises": 3}}}),
        today(),
    )
    .unwrap();
    let num = |p: &str| app.get(p).unwrap().num();
    assert_eq!(num("compute.contract_fees").to_string(), "321");
    assert_eq!(
        num("other.incubator.area_per_enterprise_m2")
            .round_dp(6)
            .to_string(),
        "333.333333"
    );
    for d in subsidy_calc::input::DERIVED {
        for p in d.from {
            assert!(
                subsidy_calc::input::field(p).is_some(),
                "{}: unknown input {p}",
                d.field.path
            );
        }
    }
}

// ---- Readings made explicit -----------------------------------------------------------------------

#[test]
fn bogaitou_is_an_investment_listed_but_not_totalled() {
    // Hongshan 3: "参与区级科技专项资金“拨改投”,最高给予300万元支持": an equity investment, not a grant.
    let o = run("wuhan-hongshan", json!({"other": {"bogaitou_team": true}}));
    let a = award(&o, "hongshan.bogaitou");
    assert_eq!(
        a.amount.map(|y| y.to_string()).as_deref(),
        Some("3000000.00")
    );
    assert!(!a.in_totals);
    assert!(a.notes_in(Lang::Zh).iter().any(|n| n.contains("股权投资")));
    assert_eq!(o.total.up_to, "0.00");
}

#[test]
fn totals_carry_the_draft_share() {
    // Hongshan 6: 2 models × 1,000,000 = 2,000,000 (in force); Wuhan 六 (draft): first little giant
    // 500,000. Exact total 2,500,000, of which 500,000 from the draft.
    let o = run(
        "wuhan-hongshan",
        json!({"as_of": "2026-11-24", "model_filing": {"models_filed": 2}, "enterprise": {"first_recognitions": ["little_giant"]}}),
    );
    assert_eq!(o.total.exact, "2500000.00");
    assert_eq!(o.total.draft_exact, "500000.00");
    assert_eq!(o.total.up_to, "2500000.00");
    assert_eq!(o.total.draft_up_to, "500000.00");
}

#[test]
fn districts_without_dates_are_not_called_in_force() {
    // Hongshan and Qiaokou give no dates: "日期未载明", not "现行有效".
    let o = run("wuhan-qiaokou", json!({"other": {"data_fees": "10"}}));
    assert_eq!(
        award(&o, "qiaokou.data_voucher").source.status.key(),
        "dates_not_given"
    );
    let o = run("wuhan-hongshan", json!({}));
    assert_eq!(
        award(&o, "hongshan.platform").source.status.key(),
        "dates_not_given"
    );
    // Hangzhou and Shanghai state their dates: in force on 2026-11-24.
    let o = run("shanghai", json!({}));
    assert_eq!(
        award(&o, "shanghai.metaverse").source.status.key(),
        "in_force"
    );
}
