//! The 多年规划 page's model (`subsidy_calc_web::plan_form`): a calculator form per year, in 万元, built
//! into the contract's plan and read back as the page's tables. Figures worked by hand from the
//! quoted clauses (the same ones as tests/plan.rs, entered as a user types them).
use subsidy_calc::Date;

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}
use rust_decimal::Decimal;
use subsidy_calc::RuleBook;
use subsidy_calc::rulebook::Family;
use subsidy_calc_web::form::{Lang, ScenarioKey, Unit};
use subsidy_calc_web::plan_form::{
    FAMILIES, PlanEdit, PlanForm, award_rows, compare_rows, csv, end_markers, family_stack,
};

fn book() -> &'static RuleBook {
    subsidy_calc::rulebook::book()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// An SME in Hongshan buying 100万 of domestic compute a year, for four years from 2025.
fn hongshan_four_years() -> PlanForm {
    let mut p = PlanForm::new(today());
    p.apply(PlanEdit::Region("wuhan-hongshan".into()));
    p.apply(PlanEdit::Start(2025));
    p.apply(PlanEdit::Years(4));
    p.apply(PlanEdit::Value(0, "enterprise.sme".into(), "true".into()));
    p.apply(PlanEdit::Value(
        0,
        "compute.domestic_fees".into(),
        "100".into(),
    ));
    p.apply(PlanEdit::CopyForward(0));
    p
}

#[test]
fn a_hongshan_plan_typed_in_wan_pays_three_years_then_stops() {
    // 洪山 5: 100万 = 1,000,000 × 20% = 200,000 = "每家每年最高不超过20万元", "补助期限不超过三年":
    // 2025–2027 pay 200,000 each, 2028 nothing; 600,000 over the plan.
    let p = hongshan_four_years();
    let (o, errors) = p.evaluate(book(), today());
    assert!(errors.0.is_empty(), "{errors:?}");
    let o = o.unwrap();
    assert_eq!(o.years.len(), 4);
    assert_eq!(o.years[0].as_of.to_string(), "2025-12-31");
    assert_eq!(o.years[3].as_of.to_string(), "2028-12-31");
    let rows = award_rows(&o.years);
    let row = rows
        .iter()
        .find(|r| r.id == "hongshan.compute_subsidy")
        .unwrap();
    for i in 0..3 {
        let c = row.cells[i].as_ref().unwrap();
        assert_eq!(c.value, Some(d("200000")), "year {i}");
        assert!(c.counted);
        assert_eq!(c.text.zh, "最高200,000元");
    }
    assert_eq!(row.cells[3], None, "not eligible in the fourth year");
    assert_eq!(row.sum, d("600000"));
    assert_eq!(row.family, Family::ComputeVoucher);
    // The chart's bars: the compute family carries the 200,000 each year, and each year's bars add
    // up to that year's up-to total (nothing is drawn that the totals do not count).
    let stack = family_stack(&o.years);
    let compute = FAMILIES
        .iter()
        .position(|f| *f == Family::ComputeVoucher)
        .unwrap();
    assert_eq!(stack[0][compute], d("200000"));
    assert_eq!(stack[3][compute], d("0"));
    for (y, s) in o.years.iter().zip(&stack) {
        assert_eq!(
            s.iter().copied().sum::<Decimal>(),
            d(&y.total.up_to.to_string()),
            "{}",
            y.as_of
        );
    }
}

#[test]
fn the_starting_state_is_read_in_the_first_year_only() {
    // Two years of Hongshan support already received (typed in 2025): one year left, 200,000 in
    // 2025; the same figure typed in 2026 is not the user's to give (the engine carries it) and is
    // left out of the plan rather than refused.
    let mut p = hongshan_four_years();
    p.apply(PlanEdit::Value(
        0,
        "compute.years_subsidized_before".into(),
        "2".into(),
    ));
    p.apply(PlanEdit::Value(
        1,
        "compute.years_subsidized_before".into(),
        "0".into(),
    ));
    let (plan, errors) = p.build(book(), today());
    assert!(errors.0.is_empty(), "{errors:?}");
    assert_eq!(
        plan["years"][0]["compute"]["years_subsidized_before"],
        serde_json::json!("2")
    );
    assert!(plan["years"][1]["compute"]["years_subsidized_before"].is_null());
    assert!(plan["years"][0].get("region").is_none());
    let (o, _) = p.evaluate(book(), today());
    let rows = award_rows(&o.unwrap().years);
    let row = rows
        .iter()
        .find(|r| r.id == "hongshan.compute_subsidy")
        .unwrap();
    assert_eq!(row.sum, d("200000"));
}

#[test]
fn a_bad_figure_is_named_with_its_year_and_the_rest_still_counts() {
    let mut p = hongshan_four_years();
    p.apply(PlanEdit::Value(
        2,
        "compute.domestic_fees".into(),
        "一百".into(),
    ));
    let (o, errors) = p.evaluate(book(), today());
    assert!(
        errors.get("years[2].compute.domestic_fees").is_some(),
        "{errors:?}"
    );
    // 2027 has no figure, so nothing is paid in it and it does not count towards "补助期限不超过三年"
    // (the engine counts the years subsidised): 2025, 2026 and 2028 pay 200,000 each, 600,000.
    let rows = award_rows(&o.unwrap().years);
    let row = rows
        .iter()
        .find(|r| r.id == "hongshan.compute_subsidy")
        .unwrap();
    assert_eq!(row.cells[2], None);
    assert!(row.cells[3].as_ref().is_some_and(|c| c.counted));
    assert_eq!(row.sum, d("600000"));
}

#[test]
fn policy_ends_within_the_plan_are_marked() {
    // Hangzhou: "有效期至2027年12月31日"; the Wuhan draft: "有效期三年" from a date left blank in 2024,
    // so at the latest 2027-12-31 and possibly from 2027-03-27 (the catalogue's window).
    let m = end_markers(book(), "hangzhou", 2026, 3);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].date.to_string(), "2027-12-31");
    assert!(
        m[0].text.zh.contains("有效期至2027-12-31"),
        "{:?}",
        m[0].text
    );
    let m = end_markers(book(), "wuhan-hongshan", 2026, 3);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].uncertain_from.unwrap().to_string(), "2027-03-27");
    assert!(m[0].text.zh.contains("征求意见稿"));
    // A plan after every end: nothing to mark; in 2024 the Hangzhou call closed ("本批项目企业申报截止
    // 时间为2024年5月30日"). Shanghai ends 2028-04-19.
    assert!(end_markers(book(), "hangzhou", 2028, 2).is_empty());
    let call = &end_markers(book(), "hangzhou", 2024, 1)[0];
    assert_eq!(call.date.to_string(), "2024-05-30");
    // A call closes for applications; it is not said to be "valid to" that day.
    assert!(
        call.text.zh.contains("企业申报截止2024年5月30日"),
        "{:?}",
        call.text
    );
    assert!(!call.text.zh.contains("有效期至"));
    assert_eq!(
        end_markers(book(), "shanghai", 2026, 3)[0].date.to_string(),
        "2028-04-19"
    );
}

#[test]
fn the_comparison_ranks_regions_and_says_why() {
    // 100万 a year for an SME over 2025–2026 (tests/plan.rs): Hangzhou 30% = 300,000 a year
    // (600,000), Hongshan 20% = 200,000 a year (400,000), Shanghai nothing.
    let mut p = hongshan_four_years();
    p.apply(PlanEdit::Years(2));
    let (o, _) = p.evaluate(book(), today());
    let o = o.unwrap();
    let rows = compare_rows(&o, book(), 2025);
    assert_eq!(rows.len(), book().regions.len());
    assert_eq!(rows[0].region, "hangzhou");
    assert_eq!(rows[0].up_to, "600000.00");
    assert_eq!(rows[0].per_year, vec![d("300000"), d("300000")]);
    assert!(rows[0].why[0].zh.contains("600,000元"), "{:?}", rows[0].why);
    let hongshan = rows.iter().find(|r| r.region == "wuhan-hongshan").unwrap();
    assert_eq!(hongshan.up_to, "400000.00");
    let shanghai = rows.iter().find(|r| r.region == "shanghai").unwrap();
    assert_eq!(shanghai.up_to, "0.00");
    assert!(shanghai.why[0].zh.contains("没有可计金额"));
}

#[test]
fn the_csv_has_a_column_a_year_and_the_comparison() {
    let p = hongshan_four_years();
    let (o, _) = p.evaluate(book(), today());
    let text = csv(&o.unwrap(), book(), 2025, Lang::Zh);
    assert!(text.starts_with('\u{feff}'));
    assert!(
        text.contains("2025年(元),2026年(元),2027年(元),2028年(元),合计(元)"),
        "{text}"
    );
    // 200,000 × 3, blank in 2028, 600,000 in all.
    let line = text
        .lines()
        .find(|l| l.starts_with("hongshan.compute_subsidy,"))
        .unwrap();
    assert!(
        line.contains(",200000.00,200000.00,200000.00,,600000.00,"),
        "{line}"
    );
    assert!(text.contains("杭州"), "the comparison lists every region");
}

#[test]
fn a_share_link_restores_the_whole_plan() {
    let mut p = hongshan_four_years();
    p.apply(PlanEdit::AddScenario(1));
    let id = p.years[1].scenarios[0].id;
    p.apply(PlanEdit::Scenario(
        1,
        id,
        ScenarioKey::Name,
        "质检,大模型".into(),
    ));
    p.apply(PlanEdit::Scenario(
        1,
        id,
        ScenarioKey::DistrictSelected,
        "true".into(),
    ));
    p.apply(PlanEdit::Lang(Lang::En));
    let back = PlanForm::from_fragment(&format!("#{}", p.to_fragment())).unwrap();
    assert_eq!(back, p);
    // Not a plan link (a calculator link, garbage): None, never a panic.
    assert!(PlanForm::from_fragment("#a=eyJyIjoiaGFuZ3pob3UifQ").is_none());
    assert!(PlanForm::from_fragment("#p=!!!").is_none());
    assert!(PlanForm::from_fragment("").is_none());
}

#[test]
fn switching_to_yuan_converts_every_year() {
    let mut p = hongshan_four_years();
    p.apply(PlanEdit::Unit(Unit::Yuan));
    for y in &p.years {
        assert_eq!(y.value("compute.domestic_fees"), "1000000");
    }
    let (o, _) = p.evaluate(book(), today());
    assert_eq!(o.unwrap().years[0].total.up_to, "200000.00");
    // More years than the page offers are refused quietly (the engine takes ten; the page six).
    p.apply(PlanEdit::Years(40));
    assert_eq!(p.years.len(), 6);
    p.apply(PlanEdit::Years(0));
    assert_eq!(p.years.len(), 1);
}

#[test]
fn a_staged_listing_is_counted_once_in_its_row_and_the_comparison() {
    // 武汉 十 "分阶段给予最高800万元": 报辅 in 2024, listed in 2025 — each stage year shows up to
    // 8,000,000, and the plan counts it once. The page's row total and the comparison's "what makes
    // the figure" added the years: 16,000,000 (seen on the page, 2026-12-04).
    let mut p = PlanForm::new(today());
    p.apply(PlanEdit::Region("wuhan-qiaokou".into()));
    p.apply(PlanEdit::Start(2024));
    p.apply(PlanEdit::Years(2));
    for (i, stage) in [(0, "tutoring"), (1, "listed")] {
        p.apply(PlanEdit::Value(i, "listing.venue".into(), "sse".into()));
        p.apply(PlanEdit::Value(i, "listing.stage".into(), stage.into()));
    }
    let (o, errors) = p.evaluate(book(), today());
    assert!(errors.0.is_empty(), "{errors:?}");
    let o = o.unwrap();
    assert_eq!(o.total.up_to, "8000000.00");
    let rows = award_rows(&o.years);
    let row = rows
        .iter()
        .find(|r| r.id == "wuhan.listing_domestic")
        .unwrap();
    assert!(row.once);
    assert_eq!(row.cells[0].as_ref().unwrap().value, Some(d("8000000")));
    assert_eq!(row.cells[1].as_ref().unwrap().value, Some(d("8000000")));
    assert_eq!(row.sum, d("8000000"));
    let cmp = compare_rows(&o, book(), 2024);
    let qiaokou = cmp.iter().find(|r| r.region == "wuhan-qiaokou").unwrap();
    assert_eq!(qiaokou.up_to, "8000000.00");
    assert!(
        qiaokou.why[0]
            .zh
            .contains("沪深北交易所首发上市分阶段奖励 8,000,000元"),
        "{:?}",
        qiaokou.why
    );
    let text = csv(&o, book(), 2024, Lang::Zh);
    let line = text
        .lines()
        .find(|l| l.starts_with("wuhan.listing_domestic"))
        .unwrap();
    assert!(line.contains("8000000.00,8000000.00,8000000.00,"), "{line}");
    assert!(line.contains("各年为同一总额,全期只计一次"), "{line}");
}
