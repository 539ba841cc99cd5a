//! Shanghai: 《关于新时期强化投资促进加快建设现代化产业体系的政策措施》 (seed 004), 2023-04-20 – 2028-04-19.
mod common;
use common::*;
use serde_json::json;

fn sh(field: &str, amount: &str) -> subsidy_calc::Outcome<'static> {
    run("shanghai", json!({"other": {"shanghai": {field: amount}}}))
}

#[test]
fn rate_clauses_and_their_caps() {
    // 17: 50,000,000 × 30% = 15,000,000; 100,000,000 × 30% = 30,000,000 → 20,000,000.
    assert_eq!(
        fig(
            &sh("ai_key_tech_investment", "50000000"),
            "shanghai.ai_key_tech"
        ),
        up_to("15000000.00")
    );
    assert_eq!(
        fig(
            &sh("ai_key_tech_investment", "100000000"),
            "shanghai.ai_key_tech"
        ),
        up_to("20000000.00")
    );
    // 20: 50,000,000 × 20% = 10,000,000 → 8,000,000; 40,000,000 × 20% = 8,000,000 exactly.
    assert_eq!(
        fig(
            &sh("digital_economy_investment", "50000000"),
            "shanghai.digital_economy"
        ),
        up_to("8000000.00")
    );
    assert_eq!(
        fig(
            &sh("digital_economy_investment", "40000000"),
            "shanghai.digital_economy"
        ),
        up_to("8000000.00")
    );
    // 21: 10,000,000 × 30% = 3,000,000.
    assert_eq!(
        fig(
            &sh("metaverse_investment", "10000000"),
            "shanghai.metaverse"
        ),
        up_to("3000000.00")
    );
    // 8: sales contract 10,000,000 × 30% = 3,000,000.
    assert_eq!(
        fig(
            &sh("first_version_sales_contract", "10000000"),
            "shanghai.first_version_software"
        ),
        up_to("3000000.00")
    );
    // 5: interest 50,000,000 × 50% = 25,000,000 → 20,000,000; leasing 100,000,000 × 5% = 5,000,000.
    assert_eq!(
        fig(
            &sh("expansion_loan_interest", "50000000"),
            "shanghai.expansion_loan"
        ),
        up_to("20000000.00")
    );
    assert_eq!(
        fig(
            &sh("leasing_equipment_investment", "100000000"),
            "shanghai.equipment_leasing"
        ),
        up_to("5000000.00")
    );
    // 1: strategic 500,000,000 × 30% = 150,000,000 → 100,000,000; other manufacturing × 10% = 50,000,000.
    assert_eq!(
        fig(
            &sh("strategic_project_investment", "500000000"),
            "shanghai.strategic_project"
        ),
        up_to("100000000.00")
    );
    assert_eq!(
        fig(
            &sh("manufacturing_project_investment", "500000000"),
            "shanghai.manufacturing_project"
        ),
        up_to("50000000.00")
    );
}

#[test]
fn service_project_tiers() {
    // 2: "3000万元以上 … 最高600万元": exactly 30,000,000 is in the upper tier → 6,000,000 (the lower tier
    // would give 20% × 30,000,000 = 6,000,000 → 3,000,000; the more favourable applies).
    assert_eq!(
        fig(
            &sh("service_project_investment", "30000000"),
            "shanghai.service_project"
        ),
        up_to("6000000.00")
    );
    // 20,000,000 × 20% = 4,000,000 → 3,000,000.
    assert_eq!(
        fig(
            &sh("service_project_investment", "20000000"),
            "shanghai.service_project"
        ),
        up_to("3000000.00")
    );
    // Exactly 10,000,000 ("1000万元以上" includes it) × 20% = 2,000,000.
    assert_eq!(
        fig(
            &sh("service_project_investment", "10000000"),
            "shanghai.service_project"
        ),
        up_to("2000000.00")
    );
    let o = sh("service_project_investment", "9999999.99");
    assert_eq!(
        fig(&o, "shanghai.service_project"),
        kind_only("not_eligible")
    );
    assert!(reason(&o, "shanghai.service_project").contains("1000万元"));
}

#[test]
fn validity_window() {
    let mut o = run(
        "shanghai",
        json!({"as_of": "2028-04-19", "other": {"shanghai": {"metaverse_investment": "100"}}}),
    );
    // 100 × 30% = 30 on the last day.
    assert_eq!(fig(&o, "shanghai.metaverse"), up_to("30.00"));
    o = run(
        "shanghai",
        json!({"as_of": "2028-04-20", "other": {"shanghai": {"metaverse_investment": "100"}}}),
    );
    assert_eq!(
        award(&o, "shanghai.metaverse").source.status.key(),
        "expired"
    );
    o = run(
        "shanghai",
        json!({"as_of": "2023-04-19", "other": {"shanghai": {"metaverse_investment": "100"}}}),
    );
    assert_eq!(
        award(&o, "shanghai.metaverse").source.status.key(),
        "not_yet"
    );
}

#[test]
fn shanghai_has_only_its_own_clauses_and_totals_add() {
    // 15,000,000 + 3,000,000 = 18,000,000 up to; nothing exact.
    let o = run(
        "shanghai",
        json!({"compute": {"domestic_fees": "1000000"}, "other": {"shanghai": {"ai_key_tech_investment": "50000000", "metaverse_investment": "10000000"}}}),
    );
    assert!(o.awards.iter().all(|a| a.id.starts_with("shanghai.")));
    assert_eq!(o.total.exact, "0.00");
    assert_eq!(o.total.up_to, "18000000.00");
}
