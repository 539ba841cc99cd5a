//! Hangzhou: 《支持人工智能全产业链高质量发展的若干措施》 (seed 001), in force 2024-08-19 – 2027-12-31.
//! Every figure below is worked by hand from the quoted clause; all Hangzhou figures are maxima (up_to).
mod common;
use common::*;
use serde_json::json;

#[test]
fn compute_voucher_adds_the_three_rates() {
    // 一(三): MaaS on a filed model 1,000,000 × 30% = 300,000; domestic 2,000,000 × 30% = 600,000;
    // other 500,000 × 20% = 100,000; total 1,000,000, below the 8,000,000 cap.
    let o = run(
        "hangzhou",
        json!({"compute": {"maas_on_filed_model_fees": "1000000", "domestic_fees": "2000000", "other_fees": "500000"}}),
    );
    assert_eq!(fig(&o, "hangzhou.compute_voucher"), up_to("1000000.00"));
    assert!(award(&o, "hangzhou.compute_voucher").binding_cap.is_none());
}

#[test]
fn compute_voucher_cap_exactly_reached_does_not_bind() {
    // 20,000,000 × 30% + 10,000,000 × 20% = 6,000,000 + 2,000,000 = 8,000,000 = the cap ("不超过800万元").
    let o = run(
        "hangzhou",
        json!({"compute": {"domestic_fees": "20000000", "other_fees": "10000000"}}),
    );
    assert_eq!(fig(&o, "hangzhou.compute_voucher"), up_to("8000000.00"));
    assert!(award(&o, "hangzhou.compute_voucher").binding_cap.is_none());
}

#[test]
fn compute_voucher_capped_at_8m_with_uncapped_figure() {
    // 30,000,000 × 30% = 9,000,000 > 8,000,000 per enterprise per year.
    let o = run(
        "hangzhou",
        json!({"compute": {"domestic_fees": "30000000"}}),
    );
    let a = award(&o, "hangzhou.compute_voucher");
    assert_eq!(a.amount.as_deref(), Some("8000000.00"));
    assert_eq!(a.uncapped.as_deref(), Some("9000000.00"));
    assert_eq!(
        a.binding_cap.as_deref(),
        Some("per enterprise per year: 8000000")
    );
}

#[test]
fn foundation_model_enterprise_stays_at_the_stated_cap() {
    // "单家企业每年“算力券”申领不超过800万元,生成式多模态基础大模型企业可以放宽":
    // 30,000,000 × 30% = 9,000,000. The text states the 8,000,000 cap; "可以放宽" is the authority's
    // call, so the award is 8,000,000 (never above a stated cap), `uncapped` carries 9,000,000 and
    // the steps say the cap may be relaxed. (Before 2026-11-25 this showed 9,000,000.)
    let o = run(
        "hangzhou",
        json!({"enterprise": {"foundation_model_developer": true}, "compute": {"domestic_fees": "30000000"}}),
    );
    let a = award(&o, "hangzhou.compute_voucher");
    assert_eq!(a.amount.as_deref(), Some("8000000.00"));
    assert_eq!(a.uncapped.as_deref(), Some("9000000.00"));
    assert!(
        a.binding_cap.as_deref().unwrap().contains("may be relaxed"),
        "{:?}",
        a.binding_cap
    );
    assert!(a.steps.iter().any(|s| s.contains("may be relaxed")));
    assert!(
        a.steps_zh
            .iter()
            .any(|s| s.contains("可以放宽") && s.contains("9,000,000"))
    );
    assert_eq!(o.total.up_to, "8000000.00");
    // Not a foundation-model enterprise: the same cap, and no word of relaxing it.
    let o = run(
        "hangzhou",
        json!({"compute": {"domestic_fees": "30000000"}}),
    );
    let a = award(&o, "hangzhou.compute_voucher");
    assert_eq!(a.amount.as_deref(), Some("8000000.00"));
    assert!(!a.steps_zh.iter().any(|s| s.contains("放宽")));
}

#[test]
fn rounding_happens_once_half_away_from_zero() {
    // 333.35 × 30% = 100.005 and 0.05 × 20% = 0.01: exact sum 100.015 → 100.02 (rounded once at the end;
    // rounding each term first would give 100.01 + 0.01 = 100.02 too, so also check a lone term):
    let o = run(
        "hangzhou",
        json!({"compute": {"domestic_fees": "333.35", "other_fees": "0.05"}}),
    );
    assert_eq!(fig(&o, "hangzhou.compute_voucher"), up_to("100.02"));
    // 333.35 × 30% = 100.005 → 100.01.
    let o = run("hangzhou", json!({"compute": {"domestic_fees": "333.35"}}));
    assert_eq!(fig(&o, "hangzhou.compute_voucher"), up_to("100.01"));
    // Once, not per term: 0.05 × 30% = 0.015 and 0.05 × 30% = 0.015; exact 0.03, per-term rounding 0.04.
    let o = run(
        "hangzhou",
        json!({"compute": {"maas_on_filed_model_fees": "0.05", "domestic_fees": "0.05"}}),
    );
    assert_eq!(fig(&o, "hangzhou.compute_voucher"), up_to("0.03"));
}

#[test]
fn model_filing_by_evaluation_costs() {
    // 二(四): "依据其模型评测等相关费用,给予不超过50万元": costs 320,000.50 → 320,000.50.
    let o = run(
        "hangzhou",
        json!({"model_filing": {"models_filed": 1, "evaluation_costs": "320000.50"}}),
    );
    assert_eq!(fig(&o, "hangzhou.model_filing"), up_to("320000.50"));
    // costs 800,000 → capped at 500,000.
    let o = run(
        "hangzhou",
        json!({"model_filing": {"models_filed": 2, "evaluation_costs": "800000"}}),
    );
    assert_eq!(fig(&o, "hangzhou.model_filing"), up_to("500000.00"));
    // no cost figure: the most is 500,000.
    let o = run("hangzhou", json!({"model_filing": {"models_filed": 1}}));
    assert_eq!(fig(&o, "hangzhou.model_filing"), up_to("500000.00"));
    // one-time: already awarded → not eligible.
    let o = run(
        "hangzhou",
        json!({"model_filing": {"models_filed": 1, "awarded_before": true}}),
    );
    assert_eq!(fig(&o, "hangzhou.model_filing"), kind_only("not_eligible"));
    assert!(reason(&o, "hangzhou.model_filing").contains("一次性"));
    // nothing filed → not eligible, the reason says what would qualify.
    let o = run("hangzhou", json!({}));
    assert!(reason(&o, "hangzhou.model_filing").contains("备案"));
}

#[test]
fn open_source_is_a_range() {
    // 二(五): "每家20万元—100万元分档奖励".
    let o = run("hangzhou", json!({"other": {"open_source_top10": true}}));
    let a = award(&o, "hangzhou.open_source");
    assert_eq!(fig(&o, "hangzhou.open_source"), kind_only("range"));
    assert_eq!(
        (a.min.as_deref(), a.max.as_deref()),
        (Some("200000.00"), Some("1000000.00"))
    );
    assert_eq!(o.total.up_to, "0.00", "a range is not added to the totals");
}

#[test]
fn national_project_match() {
    // 一(一): 10,000,000 × 25% = 2,500,000; 30,000,000 × 25% = 7,500,000 → 5,000,000.
    let o = run(
        "hangzhou",
        json!({"other": {"national_project_funding_received": "10000000"}}),
    );
    assert_eq!(
        fig(&o, "hangzhou.national_project_match"),
        up_to("2500000.00")
    );
    let o = run(
        "hangzhou",
        json!({"other": {"national_project_funding_received": "30000000"}}),
    );
    assert_eq!(
        fig(&o, "hangzhou.national_project_match"),
        up_to("5000000.00")
    );
}

#[test]
fn compute_loan_interest_threshold_and_caps() {
    // 一(二): total investment exactly 50,000,000 ("不低于" includes it). Loan 100,000,000 × 1.5% =
    // 1,500,000; but at most 50% of interest paid: 2,000,000 × 50% = 1,000,000 → 1,000,000.
    let infra = json!({"in_government_layout": true, "total_investment": "50000000", "loan_amount": "100000000", "interest_paid": "2000000"});
    let o = run("hangzhou", json!({"other": {"compute_infra": infra}}));
    let a = award(&o, "hangzhou.compute_loan_interest");
    assert_eq!(a.amount.as_deref(), Some("1000000.00"));
    assert_eq!(a.uncapped.as_deref(), Some("1500000.00"));
    // Loan 1,000,000,000 × 1.5% = 15,000,000; 50% of 40,000,000 interest = 20,000,000; cap 10,000,000/yr.
    let o = run(
        "hangzhou",
        json!({"other": {"compute_infra": {"in_government_layout": true, "total_investment": "2000000000", "loan_amount": "1000000000", "interest_paid": "40000000"}}}),
    );
    assert_eq!(
        fig(&o, "hangzhou.compute_loan_interest"),
        up_to("10000000.00")
    );
    // 49,999,999.99 is below "不低于5000万元".
    let o = run(
        "hangzhou",
        json!({"other": {"compute_infra": {"in_government_layout": true, "total_investment": "49999999.99", "loan_amount": "100000000", "interest_paid": "2000000"}}}),
    );
    assert_eq!(
        fig(&o, "hangzhou.compute_loan_interest"),
        kind_only("not_eligible")
    );
    assert!(reason(&o, "hangzhou.compute_loan_interest").contains("5000万元"));
}

#[test]
fn innovation_center_three_years() {
    // 三(七): investment exactly 10,000,000 ("不少于") × 50% = 5,000,000 = the yearly cap.
    let c = json!({"recognized": true, "core_team": true, "investment": "10000000", "years_supported_before": 2});
    let o = run("hangzhou", json!({"other": {"innovation_center": c}}));
    assert_eq!(fig(&o, "hangzhou.innovation_center"), up_to("5000000.00"));
    // "政策有效期内资助不超过3年": a fourth year is not eligible.
    let c = json!({"recognized": true, "core_team": true, "investment": "10000000", "years_supported_before": 3});
    let o = run("hangzhou", json!({"other": {"innovation_center": c}}));
    assert_eq!(
        fig(&o, "hangzhou.innovation_center"),
        kind_only("not_eligible")
    );
}

#[test]
fn manufacturing_demo_per_first_application_project() {
    // 三(八): a selected first-application solution: at most 5,000,000 each; the other project is not one.
    let o = run(
        "hangzhou",
        json!({"scenarios": [
            {"name": "质检", "city_selected": true, "manufacturing_first_application": true},
            {"name": "客服", "city_selected": true, "total_investment": "100"}
        ]}),
    );
    let a = award(&o, "hangzhou.manufacturing_demo");
    assert_eq!(fig(&o, "hangzhou.manufacturing_demo"), up_to("5000000.00"));
    assert_eq!(a.items.len(), 1);
    assert_eq!(a.items[0].name, "质检");
}

#[test]
fn validity_dates_are_checked() {
    let fees = json!({"compute": {"domestic_fees": "1000000"}});
    let mut body = fees.clone();
    body["as_of"] = json!("2024-08-18");
    let o = run("hangzhou", body);
    assert_eq!(
        fig(&o, "hangzhou.compute_voucher"),
        kind_only("not_eligible")
    );
    assert_eq!(
        award(&o, "hangzhou.compute_voucher").source.status.key(),
        "not_yet"
    );
    assert!(reason(&o, "hangzhou.compute_voucher").contains("2024-08-19"));
    let mut body = fees.clone();
    body["as_of"] = json!("2024-08-19");
    // 1,000,000 × 30% = 300,000 on the first day.
    assert_eq!(
        fig(&run("hangzhou", body), "hangzhou.compute_voucher"),
        up_to("300000.00")
    );
    let mut body = fees.clone();
    body["as_of"] = json!("2027-12-31");
    assert_eq!(
        fig(&run("hangzhou", body), "hangzhou.compute_voucher"),
        up_to("300000.00")
    );
    let mut body = fees;
    body["as_of"] = json!("2028-01-01");
    let o = run("hangzhou", body);
    assert_eq!(
        award(&o, "hangzhou.compute_voucher").source.status.key(),
        "expired"
    );
    assert!(reason(&o, "hangzhou.compute_voucher").contains("2027-12-31"));
    assert_eq!(o.total.up_to, "0.00");
}

#[test]
fn other_regions_clauses_are_absent() {
    let o = run("hangzhou", json!({"compute": {"domestic_fees": "1"}}));
    assert!(o.awards.iter().all(|a| a.id.starts_with("hangzhou.")));
    assert!(o.notes.iter().any(|n| n.contains("从优、就高、不重复")));
}

#[test]
fn project_call_checks() {
    // Tech renovation: 9,000,000 is below 10,000,000 but a little giant's project started
    // 2024-03-01 (after 2024-01-27) needs only 5,000,000 → passes.
    // Checked as of 2024-05-20, while the call was open ("企业申报截止时间为2024年5月30日").
    let open = "2024-05-20";
    let call = json!({"manufacturer": true, "little_giant_or_specialized": true, "project_start": "2024-03-01", "tech_renovation_investment": "9000000"});
    let o = run(
        "hangzhou",
        json!({"as_of": open, "other": {"hangzhou_call": call}}),
    );
    let c = o
        .checks
        .iter()
        .find(|c| c.id == "hangzhou.tech_renovation")
        .unwrap();
    assert!(c.passed, "{:?}", c.failing);
    // The same project checked on 2024-05-30 (the last day) still passes; on 2024-05-31 the call
    // has closed and the check says so, naming the deadline.
    let o = run(
        "hangzhou",
        json!({"as_of": "2024-05-30", "other": {"hangzhou_call": call}}),
    );
    assert!(o.checks.iter().all(|c| c.passed));
    let o = run(
        "hangzhou",
        json!({"as_of": "2024-05-31", "other": {"hangzhou_call": call}}),
    );
    let c = &o.checks[0];
    assert!(!c.passed);
    assert!(c.failing_zh[0].contains("已截止申报") && c.failing_zh[0].contains("2024年5月30日"));
    assert!(c.failing[0].contains("closed"));
    assert_eq!(c.source.status.key(), "expired");
    // Started 2024-01-26: the relaxed threshold does not apply; 9,000,000 < 10,000,000 fails.
    let call = json!({"manufacturer": true, "little_giant_or_specialized": true, "project_start": "2024-01-26", "tech_renovation_investment": "9000000"});
    let o = run(
        "hangzhou",
        json!({"as_of": open, "other": {"hangzhou_call": call}}),
    );
    let c = o
        .checks
        .iter()
        .find(|c| c.id == "hangzhou.tech_renovation")
        .unwrap();
    assert!(!c.passed);
    assert_eq!(c.failing.len(), 1);
    assert!(c.failing_zh[0].contains("1000万元"), "{:?}", c.failing_zh);
    assert!(c.failing[0].contains("10,000,000"), "{:?}", c.failing);
    // Software R&D: revenue exactly 200,000,000 ("(含)以上" passes); growth exactly 20% fails ("超过").
    let call = json!({"revenue_2023": "200000000", "revenue_growth_percent": "20", "rd_share_percent": "20.01"});
    let o = run(
        "hangzhou",
        json!({"as_of": open, "other": {"hangzhou_call": call}}),
    );
    let c = o
        .checks
        .iter()
        .find(|c| c.id == "hangzhou.software_rd")
        .unwrap();
    assert!(!c.passed);
    assert_eq!(c.failing.len(), 1);
    assert!(c.failing_zh[0].contains("营收增速超过20%"));
    assert!(c.failing[0].starts_with("revenue growth above 20%"));
    // Checks whose facts were not entered are not listed.
    assert!(run("hangzhou", json!({})).checks.is_empty());
}
