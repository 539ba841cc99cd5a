//! Wuhan city: 《武汉促进人工智能产业发展若干政策(征求意见稿)》 (seed 002) — a DRAFT; and the incubator
//! work plan (seed 003) checks. The figures are cases as data (tests/cases/wuhan.toml); here what a
//! case cannot say: the draft label on every award, notes, per-project items, the date window, checks.
mod common;
use common::*;
use serde_json::json;
use subsidy_calc::text::Lang;

#[test]
fn every_city_figure_is_labelled_draft() {
    let o = run(
        "wuhan",
        json!({"enterprise": {"first_recognitions": ["unicorn"]}}),
    );
    for a in o.awards.iter().filter(|a| a.id.starts_with("wuhan.")) {
        assert_eq!(a.source.status.key(), "draft", "{}", a.id);
        assert!(
            a.notes_in(Lang::En).iter().any(|n| n.contains("DRAFT")),
            "{}",
            a.id
        );
        assert!(
            a.notes_in(Lang::Zh)
                .iter()
                .any(|n| n.contains("征求意见稿")),
            "{}",
            a.id
        );
    }
    assert!(o.notes_in(Lang::En).iter().any(|n| n.contains("DRAFT")));
    // 六: first recognition as a unicorn: 1,000,000, exact.
    assert_eq!(fig(&o, "wuhan.unicorn"), exact("1000000.00"));
    assert_eq!(o.total.exact, "1000000.00");
}

#[test]
fn scenario_30_percent_capped_per_project() {
    // 七: 3,333,333.33 × 30% = 999,999.999 → rounds to 1,000,000.00 (under the 1,000,000 cap);
    // 5,000,000 × 30% = 1,500,000 → 1,000,000; an unselected project does not count. Sum 2,000,000.
    let o = run(
        "wuhan",
        json!({"scenarios": [
            {"name": "A", "city_selected": true, "total_investment": "3333333.33"},
            {"name": "B", "city_selected": true, "total_investment": "5000000"},
            {"name": "C", "city_selected": false, "district_selected": true, "total_investment": "5000000"}
        ]}),
    );
    let a = award(&o, "wuhan.scenario");
    assert_eq!(
        a.amount.map(|y| y.to_string()).as_deref(),
        Some("2000000.00")
    );
    assert_eq!(a.items.len(), 2);
    assert_eq!(a.items[0].amount, "1000000.00");
    assert_eq!(
        a.items[1].uncapped.map(|y| y.to_string()).as_deref(),
        Some("1500000.00")
    );
    assert!(
        a.steps_in(Lang::En)
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
            a.notes_in(Lang::En).iter().any(|n| n.contains("no split")),
            "{:?}",
            a.notes_in(Lang::En)
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
fn key_tech_is_two_programmes() {
    // 一: "科技重大专项…单个项目…一般不超过2000万元" and "市重点研发计划…单个项目支持额度50万元至100万元"
    // are two programmes, two clauses. Key R&D plan alone: the range 500,000–1,000,000.
    let o = run(
        "wuhan",
        json!({"other": {"key_tech": {"key_rd_plan_project": true}}}),
    );
    let a = award(&o, "wuhan.key_rd");
    assert_eq!(fig(&o, "wuhan.key_rd"), kind_only("range"));
    assert_eq!(
        (
            a.min.map(|y| y.to_string()).as_deref(),
            a.max.map(|y| y.to_string()).as_deref()
        ),
        (Some("500000.00"), Some("1000000.00"))
    );
    assert_eq!(fig(&o, "wuhan.major_project"), kind_only("not_eligible"));
    // Both: both clauses show — the range is no longer dropped — and no "boundary" is claimed.
    let o = run(
        "wuhan",
        json!({"other": {"key_tech": {"major_project": true, "key_rd_plan_project": true}}}),
    );
    assert_eq!(fig(&o, "wuhan.major_project"), up_to("20000000.00"));
    assert!(reason_steps(&o, "wuhan.major_project").contains("一般不超过2000万元"));
    assert_eq!(fig(&o, "wuhan.key_rd"), kind_only("range"));
    for a in &o.awards {
        assert!(
            !a.steps_in(Lang::Zh).iter().any(|s| s.contains("边界")),
            "{}",
            a.id
        );
    }
    // Up to: 20,000,000 (the range is not in the totals, and is counted as open).
    assert_eq!(o.total.up_to, "20000000.00");
    // 一 (third sentence): leading a national project is supported under other rules: no figure.
    let o = run(
        "wuhan",
        json!({"other": {"key_tech": {"national_project_lead": true}}}),
    );
    assert_eq!(
        fig(&o, "wuhan.national_project_lead"),
        kind_only("unspecified")
    );
    // 六: a first high-tech recognition: "按照高新技术企业培育相关政策给予奖励", no figure.
    let o = run(
        "wuhan",
        json!({"enterprise": {"first_recognitions": ["high_tech"]}}),
    );
    assert_eq!(fig(&o, "wuhan.high_tech"), kind_only("unspecified"));
    assert_eq!(o.total.up_to, "0.00");
}

#[test]
fn the_draft_is_not_yet_before_publication_and_expires_after_2027() {
    // "本政策自2024年 X 月 X 日起执行,有效期三年", published for comment on 2024-03-27: the start is in
    // 2024 but not before publication, so the end lies between 2027-03-27 and 2027-12-31.
    let first = |as_of: &str| {
        run(
            "wuhan",
            json!({"as_of": as_of, "enterprise": {"first_recognitions": ["little_giant", "unicorn"]}}),
        )
    };
    // 2030-01-01: expired (before 2026-11-25 this still gave 500,000 确定金额).
    let o = first("2030-01-01");
    assert_eq!(fig(&o, "wuhan.little_giant"), kind_only("not_eligible"));
    assert_eq!(
        award(&o, "wuhan.little_giant").source.status.key(),
        "expired"
    );
    assert!(reason(&o, "wuhan.little_giant").contains("2027-12-31"));
    assert!(reason(&o, "wuhan.little_giant").contains("2027年12月31日"));
    assert_eq!(o.total.exact, "0.00");
    // 2020-01-01: not yet (before 2026-11-25 this gave the unicorn's 1,000,000).
    let o = first("2020-01-01");
    assert_eq!(fig(&o, "wuhan.unicorn"), kind_only("not_eligible"));
    assert_eq!(award(&o, "wuhan.unicorn").source.status.key(), "not_yet");
    assert!(reason(&o, "wuhan.unicorn").contains("2024-03-27"));
    // 2024-03-26 not yet; 2024-03-27 the figure shows (a draft).
    assert_eq!(
        fig(&first("2024-03-26"), "wuhan.unicorn"),
        kind_only("not_eligible")
    );
    let o = first("2024-03-27");
    assert_eq!(fig(&o, "wuhan.unicorn"), exact("1000000.00"));
    assert_eq!(award(&o, "wuhan.unicorn").source.status.key(), "draft");
    // 2027-03-26: plainly within three years of any 2024 start: no warning.
    let o = first("2027-03-26");
    assert!(!reason_steps(&o, "wuhan.unicorn").contains("可能已过期"));
    // 2027-03-27 and 2027-12-31: 500,000 + 1,000,000 = 1,500,000 still stands, but each award and the
    // result say it may already have expired, and why.
    for day in ["2027-03-27", "2027-12-31"] {
        let o = first(day);
        assert_eq!(fig(&o, "wuhan.little_giant"), exact("500000.00"), "{day}");
        assert_eq!(o.total.exact, "1500000.00");
        let a = award(&o, "wuhan.unicorn");
        assert!(
            a.notes_in(Lang::Zh)
                .iter()
                .any(|n| n.contains("可能已过期")),
            "{day}"
        );
        assert!(
            a.notes_in(Lang::En)
                .iter()
                .any(|n| n.contains("may already have expired"))
        );
        assert!(
            o.notes_in(Lang::Zh)
                .iter()
                .any(|n| n.contains("2027年3月27日至12月31日"))
        );
    }
    // 2028-01-01: expired.
    assert_eq!(
        fig(&first("2028-01-01"), "wuhan.unicorn"),
        kind_only("not_eligible")
    );
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
        city.failing_in(Lang::Zh)[0].contains("孵化场地面积不少于1万平方米")
            && city.failing_in(Lang::Zh)[0].contains("8,000m²"),
        "{:?}",
        city.failing_in(Lang::Zh)
    );
    // The English line is English throughout.
    assert_eq!(
        city.failing[0].text(Lang::En),
        "site of at least 10,000 m² (entered: incubator site area (m²): 8,000 m²)"
    );
    // 10,000 m², 40 enterprises: 250 m² each < 300 → fails on the average only.
    let inc = json!({"site_area_m2": 10000, "enterprises": 40, "linked_compute_pflops": 500, "datasets": 5});
    let o = run("wuhan", json!({"other": {"incubator": inc}}));
    let city = o.checks.iter().find(|c| c.id == "incubator.city").unwrap();
    assert_eq!(city.failing.len(), 1);
    assert!(city.failing_in(Lang::Zh)[0].contains("户均面积"));
    // "户均面积不少于300平方米" compares the exact average: 299,996 m² / 1,000 = 299.996 < 300 fails
    // (it used to be rounded to 300.00 first and passed), and is shown as 299.996, never as "300".
    let inc = json!({"site_area_m2": 299996, "enterprises": 1000, "linked_compute_pflops": 500, "datasets": 5});
    let o = run("wuhan", json!({"other": {"incubator": inc}}));
    let city = o.checks.iter().find(|c| c.id == "incubator.city").unwrap();
    assert!(!city.passed);
    assert_eq!(
        city.failing_in(Lang::Zh),
        ["户均面积不少于300平方米(已填:户均面积(平方米):299.996m²)"]
    );
    // 300,000 / 1,000 = 300 exactly: "不少于" includes it.
    let inc = json!({"site_area_m2": 300000, "enterprises": 1000, "linked_compute_pflops": 500, "datasets": 5});
    let o = run("wuhan", json!({"other": {"incubator": inc}}));
    assert!(
        o.checks
            .iter()
            .find(|c| c.id == "incubator.city")
            .unwrap()
            .passed
    );
    // 10,000 / 34 = 294.1176…: shown cut to four decimals and marked as approximate.
    let inc = json!({"site_area_m2": 10000, "enterprises": 34, "linked_compute_pflops": 500, "datasets": 5});
    let o = run("wuhan", json!({"other": {"incubator": inc}}));
    let city = o.checks.iter().find(|c| c.id == "incubator.city").unwrap();
    assert!(
        city.failing_in(Lang::Zh)[0].contains("约294.1176m²"),
        "{:?}",
        city.failing_in(Lang::Zh)
    );
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
