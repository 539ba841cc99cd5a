//! Wuhan districts: Hongshan and Qiaokou (seed 000), each on top of the Wuhan city draft. The figures
//! are cases as data (tests/cases/wuhan-hongshan.toml, wuhan-qiaokou.toml); here per-project steps.
mod common;
use common::*;
use serde_json::json;

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
