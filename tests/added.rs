//! The clauses the catalogue added on 2026-11-25 that promise support with no figure. (The added
//! Shanghai clauses with figures are cases as data: tests/cases/shanghai.toml.)
mod common;
use common::*;
use serde_json::json;
use subsidy_calc::text::Lang;

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
    assert!(
        o.notes_in(Lang::En)
            .iter()
            .any(|n| n.starts_with("3 further awards have no fixed figure"))
    );
    // One open award is said in the singular ("1 further award(s) have" read as broken English).
    let o = run(
        "hangzhou",
        json!({"enterprise": {"first_recognitions": ["unicorn", "little_giant"]}}),
    );
    assert_eq!(
        o.notes_in(Lang::En)
            .iter()
            .filter(|n| n.contains("further award"))
            .collect::<Vec<_>>(),
        [
            "1 further award has no fixed figure (a range, an amount to be set, or case by case) and is not in the totals."
        ]
    );
}
