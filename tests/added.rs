//! The money clauses the catalogue added on 2026-11-25 ("Added on 2026-11-25", and the clauses that
//! promise support with no figure), each worked by hand from its quoted text.
mod common;
use common::*;
use serde_json::json;

fn sh(other: serde_json::Value) -> subsidy_calc::result::Outcome<'static> {
    run("shanghai", json!({"other": {"shanghai": other}}))
}

#[test]
fn shanghai_3_headquarters_office_space() {
    // 3: "鼓励各区对首次购置总部自用办公用房最高给予1000万元补助,对租用办公用房最高给予500万元补助".
    let o = sh(json!({"hq_first_purchase": true, "hq_rent": true}));
    assert_eq!(
        fig(&o, "shanghai.headquarters_purchase"),
        up_to("10000000.00")
    );
    assert_eq!(fig(&o, "shanghai.headquarters_rent"), up_to("5000000.00"));
    // The district decides ("鼓励各区"): the steps say so.
    assert!(reason_steps(&o, "shanghai.headquarters_rent").contains("由所在区决定"));
    assert_eq!(o.total.up_to, "15000000.00");
}

#[test]
fn shanghai_4_agriculture_has_a_rate_and_no_amount_cap() {
    // 4: "最高不超过项目投资的50%": 3,000,000 × 50% = 1,500,000, no amount cap in the text.
    let o = sh(json!({"agriculture_project_investment": "3000000"}));
    assert_eq!(fig(&o, "shanghai.agriculture"), up_to("1500000.00"));
    assert!(award(&o, "shanghai.agriculture").binding_cap.is_none());
    // 333.35 × 50% = 166.675 → 166.68 (rounded once, half away from zero).
    let o = sh(json!({"agriculture_project_investment": "333.35"}));
    assert_eq!(fig(&o, "shanghai.agriculture"), up_to("166.68"));
}

#[test]
fn shanghai_8_tech_transfer_per_project_per_year() {
    // 8: "经认定的高新技术成果转化项目,有效期内单个项目年度给予最高500万元": 2 projects → 10,000,000.
    let o = sh(json!({"tech_transfer_projects": 2}));
    assert_eq!(fig(&o, "shanghai.tech_transfer"), up_to("10000000.00"));
    let o = sh(json!({"tech_transfer_projects": 0}));
    assert_eq!(fig(&o, "shanghai.tech_transfer"), kind_only("not_eligible"));
}

#[test]
fn shanghai_15_integrated_circuits() {
    // 15: "不超过项目投资的30%、最高1亿元": 400,000,000 × 30% = 120,000,000 → 100,000,000;
    // 100,000,000 × 30% = 30,000,000 (within).
    let o = sh(json!({"ic_project_investment": "400000000"}));
    let a = award(&o, "shanghai.integrated_circuit");
    assert_eq!(a.amount.as_deref(), Some("100000000.00"));
    assert_eq!(a.uncapped.as_deref(), Some("120000000.00"));
    let o = sh(json!({"ic_project_investment": "100000000"}));
    assert_eq!(fig(&o, "shanghai.integrated_circuit"), up_to("30000000.00"));
}

#[test]
fn shanghai_16_biomedicine() {
    // 16: innovative drug / device R&D "最高给予3000万元"; core technology, platform or
    // industrialisation "最高给予1500万元": 1 × 30,000,000 and 2 × 15,000,000 = 30,000,000.
    let o = sh(json!({"biomed_rd_projects": 1, "biomed_platform_projects": 2}));
    assert_eq!(fig(&o, "shanghai.biomed_innovation"), up_to("30000000.00"));
    assert_eq!(fig(&o, "shanghai.biomed_platform"), up_to("30000000.00"));
    assert_eq!(o.total.up_to, "60000000.00");
}

#[test]
fn shanghai_18_smart_terminals_and_fuel_cells() {
    // 18: smart terminal "不超过项目投资的30%、最高2000万元": 50,000,000 × 30% = 15,000,000;
    // 80,000,000 × 30% = 24,000,000 → 20,000,000. Fuel cells "单个企业同类关键零部件产品最高给予3000万元":
    // two kinds of component → 60,000,000.
    let o = sh(json!({"smart_terminal_investment": "50000000", "fuel_cell_component_kinds": 2}));
    assert_eq!(fig(&o, "shanghai.smart_terminal"), up_to("15000000.00"));
    assert_eq!(fig(&o, "shanghai.fuel_cell"), up_to("60000000.00"));
    let o = sh(json!({"smart_terminal_investment": "80000000"}));
    assert_eq!(fig(&o, "shanghai.smart_terminal"), up_to("20000000.00"));
}

#[test]
fn shanghai_19_green_and_offshore_wind() {
    // 19: green "单个项目最高给予1000万元": 3 → 30,000,000; offshore wind "单个项目年度最高给予5000万元":
    // 1 → 50,000,000.
    let o = sh(json!({"green_projects": 3, "offshore_wind_projects": 1}));
    assert_eq!(fig(&o, "shanghai.green"), up_to("30000000.00"));
    assert_eq!(fig(&o, "shanghai.offshore_wind"), up_to("50000000.00"));
    assert_eq!(o.total.up_to, "80000000.00");
}

#[test]
fn clauses_that_promise_support_with_no_figure() {
    // Hangzhou (十): "对首次认定的制造业“单项冠军”企业、国家专精特新“小巨人”企业、省“隐形冠军”企业,按有关政策给予奖励".
    for r in ["single_champion", "little_giant", "hidden_champion"] {
        let o = run(
            "hangzhou",
            json!({"enterprise": {"first_recognitions": [r]}}),
        );
        assert_eq!(
            fig(&o, "hangzhou.champion_recognition"),
            kind_only("unspecified"),
            "{r}"
        );
        assert_eq!(o.total.up_to, "0.00");
    }
    let o = run(
        "hangzhou",
        json!({"enterprise": {"first_recognitions": ["unicorn"]}}),
    );
    assert_eq!(
        fig(&o, "hangzhou.champion_recognition"),
        kind_only("not_eligible")
    );
    // Hongshan 1: S&T plan project leads and 揭榜挂帅 "给予奖励" / "给予资金支持", no figure.
    for flag in [
        json!({"key_tech": {"plan_project_lead": true}}),
        json!({"jiebang": {"joint": true}}),
        json!({"jiebang": {"national_winner_lead": true}}),
    ] {
        let o = run("wuhan-hongshan", json!({"other": flag}));
        assert_eq!(fig(&o, "hongshan.key_tech"), kind_only("unspecified"));
    }
    let o = run("wuhan-hongshan", json!({}));
    assert!(reason(&o, "hongshan.key_tech").contains("揭榜挂帅"));
    // Two of its cases at once: both are named, and nothing is called "more favourable" where
    // there is no figure to compare.
    let o = run(
        "wuhan-hongshan",
        json!({"other": {"key_tech": {"plan_project_lead": true}, "jiebang": {"joint": true}}}),
    );
    let s = reason_steps(&o, "hongshan.key_tech");
    assert!(s.contains("所填情况符合:") && s.contains("揭榜挂帅"), "{s}");
    assert!(!s.contains("更有利") && !s.contains("档位"), "{s}");
    // Qiaokou 4 / 8 / 11: "参照国家、省、市级政策执行" / "参照市级政策执行" / "按上级政策支持".
    let o = run(
        "wuhan-qiaokou",
        json!({"other": {"data_labeling_business": true, "innovation_platform_city_recognized": true, "tech_loan_approved": true}}),
    );
    for id in [
        "qiaokou.data_labeling",
        "qiaokou.platform_match",
        "qiaokou.tech_loan",
    ] {
        assert_eq!(fig(&o, id), kind_only("unspecified"), "{id}");
    }
    // None of them adds to a total; each is counted as open.
    assert_eq!(o.total.up_to, "0.00");
    assert!(o.notes.iter().any(|n| n.starts_with("3 further award")));
}
