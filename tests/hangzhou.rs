//! Hangzhou: 《支持人工智能全产业链高质量发展的若干措施》 (seed 001), in force 2024-08-19 – 2027-12-31.
//! The figures are cases as data (tests/cases/hangzhou.toml); here what a case cannot say: a step
//! that must be absent, per-project items, the project-call checks, the region's own clauses.
mod common;
use common::*;
use serde_json::json;
use subsidy_calc::text::Lang;

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
    assert_eq!(
        a.amount.map(|y| y.to_string()).as_deref(),
        Some("8000000.00")
    );
    assert_eq!(
        a.uncapped.map(|y| y.to_string()).as_deref(),
        Some("9000000.00")
    );
    assert!(
        a.binding_cap_in(Lang::En)
            .as_deref()
            .unwrap()
            .contains("may be relaxed"),
        "{:?}",
        a.binding_cap_in(Lang::En)
    );
    assert!(
        a.steps_in(Lang::En)
            .iter()
            .any(|s| s.contains("may be relaxed"))
    );
    assert!(
        a.steps_in(Lang::Zh)
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
    assert_eq!(
        a.amount.map(|y| y.to_string()).as_deref(),
        Some("8000000.00")
    );
    assert!(!a.steps_in(Lang::Zh).iter().any(|s| s.contains("放宽")));
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
fn other_regions_clauses_are_absent() {
    let o = run("hangzhou", json!({"compute": {"domestic_fees": "1"}}));
    assert!(o.awards.iter().all(|a| a.id.starts_with("hangzhou.")));
    assert!(
        o.notes_in(Lang::En)
            .iter()
            .any(|n| n.contains("从优、就高、不重复"))
    );
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
    assert!(c.passed, "{:?}", c.failing_in(Lang::En));
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
    assert!(
        c.failing_in(Lang::Zh)[0].contains("已截止申报")
            && c.failing_in(Lang::Zh)[0].contains("2024年5月30日")
    );
    assert!(c.failing_in(Lang::En)[0].contains("closed"));
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
    assert_eq!(c.failing_in(Lang::En).len(), 1);
    assert!(
        c.failing_in(Lang::Zh)[0].contains("1000万元"),
        "{:?}",
        c.failing_in(Lang::Zh)
    );
    assert!(
        c.failing_in(Lang::En)[0].contains("10,000,000"),
        "{:?}",
        c.failing_in(Lang::En)
    );
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
    assert_eq!(c.failing_in(Lang::En).len(), 1);
    assert!(c.failing_in(Lang::Zh)[0].contains("营收增速超过20%"));
    assert!(c.failing_in(Lang::En)[0].starts_with("revenue growth above 20%"));
    // Checks whose facts were not entered are not listed.
    assert!(run("hangzhou", json!({})).checks.is_empty());
}
