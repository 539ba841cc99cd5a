//! Wuhan city: 《武汉促进人工智能产业发展若干政策(征求意见稿)》 (seed 002) — a DRAFT; and the incubator
//! work plan (seed 003) checks. Figures worked by hand from the quoted clauses.
mod common;
use common::*;
use serde_json::json;

#[test]
fn every_city_figure_is_labelled_draft() {
    let o = run(
        "wuhan",
        json!({"enterprise": {"first_recognitions": ["unicorn"]}}),
    );
    for a in o.awards.iter().filter(|a| a.id.starts_with("wuhan.")) {
        assert_eq!(a.source.status, "draft", "{}", a.id);
        assert!(a.notes.iter().any(|n| n.contains("DRAFT")), "{}", a.id);
        assert!(
            a.notes_zh.iter().any(|n| n.contains("征求意见稿")),
            "{}",
            a.id
        );
    }
    assert!(o.notes.iter().any(|n| n.contains("DRAFT")));
    // 六: first recognition as a unicorn: 1,000,000, exact.
    assert_eq!(fig(&o, "wuhan.unicorn"), exact("1000000.00"));
    assert_eq!(o.total.exact, "1000000.00");
}

#[test]
fn little_giant_and_unicorn_add_up() {
    // 六: 500,000 + 1,000,000 = 1,500,000 exact.
    let o = run(
        "wuhan",
        json!({"enterprise": {"first_recognitions": ["little_giant", "unicorn"]}}),
    );
    assert_eq!(fig(&o, "wuhan.little_giant"), exact("500000.00"));
    assert_eq!(o.total.exact, "1500000.00");
    assert_eq!(o.total.up_to, "1500000.00");
}

#[test]
fn vertical_model_rd_and_compute_with_three_year_remainder() {
    // 三: R&D 10,000,000 × 30% = 3,000,000 (≤ 5,000,000). Local compute 12,000,000 × 50% = 6,000,000;
    // three-year cap 5,000,000 less 1,200,000 already received = 3,800,000.
    let vm = json!({"selected": true, "rd_cost": "10000000", "local_compute_fees": "12000000", "compute_award_received": "1200000"});
    let o = run("wuhan", json!({"models": {"vertical_model": vm}}));
    assert_eq!(fig(&o, "wuhan.vertical_model_rd"), up_to("3000000.00"));
    let a = award(&o, "wuhan.vertical_model_compute");
    assert_eq!(a.amount.as_deref(), Some("3800000.00"));
    assert_eq!(a.uncapped.as_deref(), Some("6000000.00"));
    assert!(
        a.binding_cap
            .as_deref()
            .unwrap()
            .contains("less 1200000 already received = 3800000")
    );
    // The whole 5,000,000 already received: nothing left, and the reason says so.
    let vm = json!({"selected": true, "local_compute_fees": "1000000", "compute_award_received": "5000000"});
    let o = run("wuhan", json!({"models": {"vertical_model": vm}}));
    assert_eq!(
        fig(&o, "wuhan.vertical_model_compute"),
        kind_only("not_eligible")
    );
    assert!(reason(&o, "wuhan.vertical_model_compute").contains("nothing left"));
    // Not selected: neither.
    let o = run(
        "wuhan",
        json!({"models": {"vertical_model": {"rd_cost": "100"}}}),
    );
    assert!(reason(&o, "wuhan.vertical_model_rd").contains("评选"));
}

#[test]
fn large_model_more_than_means_strictly_more() {
    // 三: "参数量超过千亿": exactly 100,000,000,000 is not more than; one more is.
    let o = run(
        "wuhan",
        json!({"models": {"large_model": {"kind": "general", "parameters": "100000000000"}}}),
    );
    assert_eq!(fig(&o, "wuhan.large_model"), kind_only("not_eligible"));
    let o = run(
        "wuhan",
        json!({"models": {"large_model": {"kind": "general", "parameters": "100000000001"}}}),
    );
    assert_eq!(fig(&o, "wuhan.large_model"), kind_only("case_by_case"));
    // Industry model: more than 10 billion.
    let o = run(
        "wuhan",
        json!({"models": {"large_model": {"kind": "industry", "parameters": "20000000000"}}}),
    );
    assert_eq!(fig(&o, "wuhan.large_model"), kind_only("case_by_case"));
    let o = run(
        "wuhan",
        json!({"models": {"large_model": {"kind": "industry", "parameters": "10000000000"}}}),
    );
    assert_eq!(fig(&o, "wuhan.large_model"), kind_only("not_eligible"));
}

#[test]
fn scenario_30_percent_capped_per_project() {
    // 七: 3,333,333.33 × 30% = 999,999.999 → rounds to 1,000,000.00 (under the 1,000,000 cap);
    // 5,000,000 × 30% = 1,500,000 → 1,000,000; an unselected project does not count. Sum 2,000,000.
    let o = run(
        "wuhan",
        json!({"scenarios": [
            {"name": "A", "selected": true, "total_investment": "3333333.33"},
            {"name": "B", "selected": true, "total_investment": "5000000"},
            {"name": "C", "selected": false, "total_investment": "5000000"}
        ]}),
    );
    let a = award(&o, "wuhan.scenario");
    assert_eq!(a.amount.as_deref(), Some("2000000.00"));
    assert_eq!(a.items.len(), 2);
    assert_eq!(a.items[0].amount, "1000000.00");
    assert_eq!(a.items[1].uncapped.as_deref(), Some("1500000.00"));
    assert!(
        a.steps
            .iter()
            .any(|s| s.contains("not counted: project #3"))
    );
    // No projects at all: not eligible, saying what would qualify.
    let o = run("wuhan", json!({}));
    assert!(reason(&o, "wuhan.scenario").contains("no scenario project entered"));
}

#[test]
fn listing_domestic_is_staged_with_no_invented_split() {
    // 十: "分阶段给予最高800万元": up to 8,000,000 at any stage, with the stage named and no split.
    for stage in ["tutoring", "filed", "listed"] {
        let o = run(
            "wuhan",
            json!({"listing": {"venue": "szse", "stage": stage}}),
        );
        assert_eq!(fig(&o, "wuhan.listing_domestic"), up_to("8000000.00"));
        let a = award(&o, "wuhan.listing_domestic");
        assert!(
            a.notes.iter().any(|n| n.contains("no split")),
            "{:?}",
            a.notes
        );
    }
    let o = run(
        "wuhan",
        json!({"listing": {"venue": "bse", "stage": "none"}}),
    );
    assert_eq!(fig(&o, "wuhan.listing_domestic"), kind_only("not_eligible"));
    let o = run(
        "wuhan",
        json!({"listing": {"venue": "overseas_mou", "stage": "listed"}}),
    );
    assert_eq!(fig(&o, "wuhan.listing_domestic"), kind_only("not_eligible"));
}

#[test]
fn listing_overseas_needs_80_percent() {
    // 十: "募集资金80%以上比例投放我市": exactly 80% qualifies (以上 includes the number): 6,000,000.
    let o = run(
        "wuhan",
        json!({"listing": {"venue": "overseas_mou", "stage": "listed", "proceeds_invested_locally_percent": "80"}}),
    );
    assert_eq!(fig(&o, "wuhan.listing_overseas"), exact("6000000.00"));
    let o = run(
        "wuhan",
        json!({"listing": {"venue": "overseas_mou", "stage": "listed", "proceeds_invested_locally_percent": "79.99"}}),
    );
    assert_eq!(fig(&o, "wuhan.listing_overseas"), kind_only("not_eligible"));
    let r = reason(&o, "wuhan.listing_overseas");
    assert!(r.contains("80%") && r.contains("79.99%"), "{r}");
}

#[test]
fn supercomputing_match_one_to_one() {
    // 二: provincial subsidy 3,000,000 → 1:1 match 3,000,000 (city and district 50% each).
    let o = run(
        "wuhan",
        json!({"other": {"supercomputing_center": {"provincial_subsidy": "3000000"}}}),
    );
    assert_eq!(fig(&o, "wuhan.supercomputing_match"), exact("3000000.00"));
}

#[test]
fn compute_voucher_has_no_rate() {
    // 二: "每年设立总额不低于1000万元算力“服务补贴券”" — no rate, no per-enterprise cap: unspecified.
    let o = run("wuhan", json!({"compute": {"domestic_fees": "1000000"}}));
    assert_eq!(fig(&o, "wuhan.compute_voucher"), kind_only("unspecified"));
    assert_eq!(o.total.up_to, "0.00");
}

#[test]
fn events_half_the_cost_up_to_2m() {
    // 十一: 5,000,000 × 50% = 2,500,000 → 2,000,000; 1,000,000 × 50% = 500,000.
    let ev = json!({"national_or_international": true, "registered": true, "cost": "5000000"});
    let o = run("wuhan", json!({"other": {"event": ev}}));
    assert_eq!(fig(&o, "wuhan.events"), up_to("2000000.00"));
    let ev = json!({"national_or_international": true, "registered": true, "cost": "1000000"});
    assert_eq!(
        fig(
            &run("wuhan", json!({"other": {"event": ev}})),
            "wuhan.events"
        ),
        up_to("500000.00")
    );
    // Not registered in advance ("经事前认定备案"): not eligible.
    let ev = json!({"national_or_international": true, "cost": "1000000"});
    assert!(
        reason(
            &run("wuhan", json!({"other": {"event": ev}})),
            "wuhan.events"
        )
        .contains("事前认定备案")
    );
}

#[test]
fn key_tech_variants() {
    // 一: key R&D plan project: a band of 500,000–1,000,000; major project: generally at most 20,000,000.
    let o = run(
        "wuhan",
        json!({"other": {"key_tech": {"key_rd_plan_project": true}}}),
    );
    let a = award(&o, "wuhan.key_tech");
    assert_eq!(fig(&o, "wuhan.key_tech"), kind_only("range"));
    assert_eq!(
        (a.min.as_deref(), a.max.as_deref()),
        (Some("500000.00"), Some("1000000.00"))
    );
    let o = run(
        "wuhan",
        json!({"other": {"key_tech": {"major_project": true}}}),
    );
    assert_eq!(fig(&o, "wuhan.key_tech"), up_to("20000000.00"));
}

#[test]
fn platforms_parks_cluster_jiebang() {
    let o = run(
        "wuhan",
        json!({"other": {"public_platform": true, "pilot_platform": true, "cluster_final_winner": true,
        "jiebang_winner_landed": true, "core_park": {"city_core_park": true, "years_awarded_before": 2}}}),
    );
    assert_eq!(fig(&o, "wuhan.public_platform"), up_to("2000000.00")); // 四: 最高200万元
    assert_eq!(fig(&o, "wuhan.pilot_platform"), up_to("10000000.00")); // 四: 最高1000万元
    assert_eq!(fig(&o, "wuhan.cluster"), exact("5000000.00")); // 八: 一次性500万元
    assert_eq!(fig(&o, "wuhan.jiebang"), exact("1000000.00")); // 七: 100万元
    assert_eq!(fig(&o, "wuhan.core_park"), up_to("10000000.00")); // 八: 每年最高1000万元, third year
    // exact 5,000,000 + 1,000,000 = 6,000,000; up to adds 2,000,000 + 10,000,000 + 10,000,000 = 28,000,000.
    assert_eq!(o.total.exact, "6000000.00");
    assert_eq!(o.total.up_to, "28000000.00");
    // "连续奖励3年": a fourth year is not eligible.
    let o = run(
        "wuhan",
        json!({"other": {"core_park": {"city_core_park": true, "years_awarded_before": 3}}}),
    );
    assert_eq!(fig(&o, "wuhan.core_park"), kind_only("not_eligible"));
}

#[test]
fn draft_has_no_dates_to_expire() {
    // The draft's start date is blank: no date makes it expire; it stays a draft.
    let o = run(
        "wuhan",
        json!({"as_of": "2030-01-01", "enterprise": {"first_recognitions": ["unicorn"]}}),
    );
    assert_eq!(fig(&o, "wuhan.unicorn"), exact("1000000.00"));
    assert_eq!(award(&o, "wuhan.unicorn").source.status, "draft");
}

#[test]
fn incubator_checks_name_every_failing_condition() {
    // 二(一): 8,000 m² < 10,000 m²; 12 enterprises ≥ 10; 8,000 / 12 = 666.67 m² ≥ 300; compute 600P ≥ 500;
    // 5 datasets ≥ 5 → only the area fails for the city tier.
    let inc = json!({"site_area_m2": 8000, "enterprises": 12, "linked_compute_pflops": 600, "datasets": 5});
    let o = run("wuhan-hongshan", json!({"other": {"incubator": inc}}));
    let city = o.checks.iter().find(|c| c.id == "incubator.city").unwrap();
    assert!(!city.passed);
    assert_eq!(city.failing.len(), 1);
    assert!(
        city.failing[0].contains("孵化场地面积不少于1万平方米")
            && city.failing[0].contains("8,000 m² entered"),
        "{:?}",
        city.failing
    );
    // 10,000 m², 40 enterprises: 250 m² each < 300 → fails on the average only.
    let inc = json!({"site_area_m2": 10000, "enterprises": 40, "linked_compute_pflops": 500, "datasets": 5});
    let o = run("wuhan", json!({"other": {"incubator": inc}}));
    let city = o.checks.iter().find(|c| c.id == "incubator.city").unwrap();
    assert_eq!(city.failing.len(), 1);
    assert!(city.failing[0].contains("户均面积"));
    // Benchmark: in a core park, 20,000 m², 20 enterprises, 3 seed unicorns, 500P, 5 datasets → passes.
    let inc = json!({"in_city_core_park": true, "site_area_m2": 20000, "enterprises": 20, "seed_unicorns": 3, "linked_compute_pflops": 500, "datasets": 5});
    let o = run("wuhan-qiaokou", json!({"other": {"incubator": inc}}));
    assert!(o.checks.iter().all(|c| c.passed), "{:?}", o.checks);
    // Not a Wuhan region: no incubator checks.
    assert!(
        run(
            "shanghai",
            json!({"other": {"incubator": {"site_area_m2": 8000}}})
        )
        .checks
        .is_empty()
    );
}
