//! Plans over years (issue 12; the contract's "A plan over years"): each year evaluated on its own
//! date, the state carried by the engine. Worked by hand from the quoted clauses.
mod common;
use common::today;
use serde_json::{Value, json};
use subsidy_calc::FieldError;
use subsidy_calc::plan::{PlanOutcome, plan_value};
use subsidy_calc::text::Lang;

fn plan(v: Value) -> PlanOutcome<'static> {
    plan_value(&v, subsidy_calc::rulebook::book(), today()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn plan_err(v: Value) -> Vec<FieldError> {
    plan_value(&v, subsidy_calc::rulebook::book(), today()).unwrap_err()
}

/// (kind, amount) of an award in year `i`.
fn fig(p: &PlanOutcome, i: usize, id: &str) -> (String, Option<String>) {
    let a = p.years[i].award(id).unwrap();
    (
        serde_json::to_value(a.kind)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string(),
        a.amount.map(|y| y.to_string()),
    )
}

fn reason(p: &PlanOutcome, i: usize, id: &str) -> String {
    reason_in(p, i, id, Lang::Zh)
}

fn reason_in(p: &PlanOutcome, i: usize, id: &str, lang: Lang) -> String {
    p.years[i]
        .award(id)
        .unwrap()
        .reason_in(lang)
        .clone()
        .unwrap_or_default()
}

fn up_to(a: &str) -> (String, Option<String>) {
    ("up_to".into(), Some(a.into()))
}

fn not_eligible() -> (String, Option<String>) {
    ("not_eligible".into(), None)
}

#[test]
fn hongshan_compute_subsidy_stops_in_year_four() {
    // 洪山 5: an SME buying 1,000,000 of compute a year: 20% = 200,000 = "每家每年最高不超过20万元",
    // "补助期限不超过三年": years 1–3 pay 200,000, year 4 nothing. Over the plan: 600,000.
    let year = |d: &str| json!({"as_of": d, "compute": {"domestic_fees": "1000000"}});
    let mut years = vec![
        year("2025-12-31"),
        year("2026-12-31"),
        year("2027-06-30"),
        year("2028-06-30"),
    ];
    years[0]["enterprise"] = json!({"sme": true}); // carried to the later years
    let p = plan(json!({"schema": 2, "region": "wuhan-hongshan", "years": years}));
    for i in 0..3 {
        assert_eq!(
            fig(&p, i, "hongshan.compute_subsidy"),
            up_to("200000.00"),
            "year {i}"
        );
    }
    assert_eq!(fig(&p, 3, "hongshan.compute_subsidy"), not_eligible());
    assert!(reason(&p, 3, "hongshan.compute_subsidy").contains("补助期限不超过三年"));
    // Year 4's change says why.
    assert!(
        p.years[3]
            .changes_zh
            .iter()
            .flatten()
            .any(|c| c.contains("中小企业算力补贴")
                && c.contains("200,000元 → 不符合条件")
                && c.contains("三年")),
        "{:?}",
        p.years[3].changes_zh
    );
    assert_eq!(p.total.up_to, "600000.00");
}

#[test]
fn wuhan_three_year_compute_limit_is_reached_across_years() {
    // 武汉 三: "对使用本地算力服务费的50%给予三年最高500万元补助". Local compute 6,000,000 a year:
    // year 1: 3,000,000; year 2: 3,000,000 but only 5,000,000 − 3,000,000 = 2,000,000 left;
    // year 3: nothing left. Over the plan 5,000,000 (all from the draft).
    let vm = json!({"selected": true, "local_compute_fees": "6000000"});
    let years: Vec<Value> = ["2024-12-31", "2025-12-31", "2026-12-31"]
        .iter()
        .map(|d| json!({"as_of": d, "models": {"vertical_model": vm}}))
        .collect();
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": years}));
    assert_eq!(
        fig(&p, 0, "wuhan.vertical_model_compute"),
        up_to("3000000.00")
    );
    assert_eq!(
        fig(&p, 1, "wuhan.vertical_model_compute"),
        up_to("2000000.00")
    );
    assert_eq!(fig(&p, 2, "wuhan.vertical_model_compute"), not_eligible());
    assert!(reason(&p, 2, "wuhan.vertical_model_compute").contains("已无可得金额"));
    assert_eq!(p.total.up_to, "5000000.00");
    assert_eq!(p.total.draft_up_to, "5000000.00");
    // The carried amount was the engine's: year 2 shows the cap less what the year before counted,
    // and says that figure is taken as paid in full (a plan has no input for what was paid: an
    // independent audit asked that it be said).
    let a = p.years[1].award("wuhan.vertical_model_compute").unwrap();
    assert_eq!(
        a.binding_cap_in(Lang::En).as_deref(),
        Some(
            "over three years: 5000000 less 3000000 counted in the years before (taken as paid in full) = 2000000"
        )
    );
    assert_eq!(
        a.binding_cap_in(Lang::Zh).as_deref(),
        Some(
            "三年累计上限 5,000,000元,扣除此前各年计入(按各年金额全额拨付计)3,000,000元后剩余2,000,000元"
        )
    );
    // A fourth year with spending left under the cap is not paid either: "三年". 1,000,000 × 50% =
    // 500,000 a year for three years (1,500,000 < 5,000,000), then nothing.
    let small = json!({"selected": true, "local_compute_fees": "1000000"});
    let years: Vec<Value> = ["2024-12-31", "2025-12-31", "2026-12-31", "2027-06-30"]
        .iter()
        .map(|d| json!({"as_of": d, "models": {"vertical_model": small}}))
        .collect();
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": years}));
    assert_eq!(
        fig(&p, 2, "wuhan.vertical_model_compute"),
        up_to("500000.00")
    );
    assert_eq!(fig(&p, 3, "wuhan.vertical_model_compute"), not_eligible());
    assert!(reason(&p, 3, "wuhan.vertical_model_compute").contains("三年"));
}

#[test]
fn hangzhou_filing_award_is_paid_once() {
    // 杭州 二(四): "给予不超过50万元的一次性奖励": year 1 up to 500,000 (no cost entered); year 2 not again.
    let y = |d: &str| json!({"as_of": d, "model_filing": {"models_filed": 1}});
    let p = plan(
        json!({"schema": 2, "region": "hangzhou", "years": [y("2025-06-30"), y("2026-06-30")]}),
    );
    assert_eq!(fig(&p, 0, "hangzhou.model_filing"), up_to("500000.00"));
    assert_eq!(fig(&p, 1, "hangzhou.model_filing"), not_eligible());
    assert!(reason(&p, 1, "hangzhou.model_filing").contains("一次性奖励"));
    assert_eq!(p.total.up_to, "500000.00");
}

#[test]
fn a_first_recognition_with_no_figure_is_counted_once_too() {
    // 杭州 (十): "对首次认定的…“小巨人”企业…按有关政策给予奖励": eligible in the year of the recognition
    // (no figure); the recognition carries forward with the enterprise, but it is not "first" again.
    let p = plan(json!({"schema": 2, "region": "hangzhou", "years": [
        {"as_of": "2025-06-30", "enterprise": {"first_recognitions": ["little_giant"]}},
        {"as_of": "2026-06-30"}
    ]}));
    assert_eq!(
        fig(&p, 0, "hangzhou.champion_recognition"),
        ("unspecified".into(), None)
    );
    assert_eq!(fig(&p, 1, "hangzhou.champion_recognition"), not_eligible());
    assert!(reason(&p, 1, "hangzhou.champion_recognition").contains("首次认定奖励"));
}

#[test]
fn a_hangzhou_plan_crossing_the_end_of_2027() {
    // 杭州 一(三): 1,000,000 domestic compute × 30% = 300,000 in 2027; "有效期至2027年12月31日": nothing in 2028.
    let y = |d: &str| json!({"as_of": d, "compute": {"domestic_fees": "1000000"}});
    let p = plan(
        json!({"schema": 2, "region": "hangzhou", "years": [y("2027-12-31"), y("2028-01-01")]}),
    );
    assert_eq!(fig(&p, 0, "hangzhou.compute_voucher"), up_to("300000.00"));
    assert_eq!(fig(&p, 1, "hangzhou.compute_voucher"), not_eligible());
    assert_eq!(
        p.years[1]
            .award("hangzhou.compute_voucher")
            .unwrap()
            .source
            .status
            .key(),
        "expired"
    );
    assert!(
        p.years[1]
            .changes_zh
            .iter()
            .flatten()
            .any(|c| c.contains("2027-12-31") || c.contains("已过期"))
    );
    assert_eq!(p.total.up_to, "300000.00");
}

#[test]
fn a_listing_over_three_stages_never_pays_more_than_8_million() {
    // 武汉 十: "分阶段给予最高800万元": 报辅 → 报会 → 上市 over three years (reading of 2026-12-04). The
    // text gives no split, so no stage is given the whole 8,000,000 as if the others got nothing:
    // each stage year shows "up to what is left of 8,000,000" — 8,000,000 less what earlier stages
    // actually paid, unknown here, so up to 8,000,000 — and the plan's total counts it once.
    let y = |d: &str, stage: &str| json!({"as_of": d, "listing": {"venue": "sse", "stage": stage}});
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": [
        y("2024-06-30", "tutoring"), y("2025-06-30", "filed"), y("2026-06-30", "listed")
    ]}));
    for i in 0..3 {
        assert_eq!(fig(&p, i, "wuhan.listing_domestic"), up_to("8000000.00"));
    }
    let steps = |i: usize| {
        p.years[i]
            .award("wuhan.listing_domestic")
            .unwrap()
            .steps_in(Lang::Zh)
    };
    assert!(!steps(0).iter().any(|s| s.contains("此前")));
    assert!(
        steps(1)
            .iter()
            .any(|s| s.contains("各阶段合计的上限,此前2024-06-30已计入"))
    );
    assert!(
        steps(2)
            .iter()
            .any(|s| s.contains("此前2024-06-30、2025-06-30已计入"))
    );
    // The stage names are ours, and the result says so.
    let notes = p.years[0]
        .award("wuhan.listing_domestic")
        .unwrap()
        .notes_in(Lang::Zh);
    assert!(
        notes.iter().any(|n| n.contains("不是原文的用语")),
        "{notes:?}"
    );
    // Over the plan: 8,000,000 once, all of it from the draft; each year's own total has it.
    assert_eq!(p.total.up_to, "8000000.00");
    assert_eq!(p.total.draft_up_to, "8000000.00");
    assert_eq!(p.years[1].total.up_to, "8000000.00");
    // With another award beside it: a unicorn's 1,000,000 (exact, 六) in 2025 adds to the once-counted
    // 8,000,000: 9,000,000 up to, 1,000,000 exact.
    let mut years = vec![y("2024-06-30", "tutoring"), y("2025-06-30", "filed")];
    years[1]["enterprise"] = json!({"first_recognitions": ["unicorn"]});
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": years}));
    assert_eq!(p.total.up_to, "9000000.00");
    assert_eq!(p.total.exact, "1000000.00");
}

#[test]
fn a_listing_stage_counts_once_and_in_order() {
    // 武汉 十 "对在沪深北交易所首次公开发行股票并上市的人工智能企业分阶段给予最高800万元奖励": the stages of one
    // first IPO. A year at the stage already counted (listed again the year after listing), or at
    // an earlier one (报辅 after listing), is no stage year: it was shown as up to 8,000,000 again
    // (an independent audit, 2026-12-04). The plan's total was and is 8,000,000 once.
    let y = |d: &str, stage: &str| json!({"as_of": d, "listing": {"venue": "sse", "stage": stage}});
    let p = plan(json!({"schema": 2, "region": "wuhan-qiaokou", "years": [
        y("2024-12-31", "tutoring"), y("2025-12-31", "listed"), y("2026-12-31", "listed"), y("2027-01-31", "filed")
    ]}));
    assert_eq!(fig(&p, 0, "wuhan.listing_domestic"), up_to("8000000.00"));
    assert_eq!(fig(&p, 1, "wuhan.listing_domestic"), up_to("8000000.00"));
    assert_eq!(fig(&p, 2, "wuhan.listing_domestic"), not_eligible());
    assert_eq!(fig(&p, 3, "wuhan.listing_domestic"), not_eligible());
    assert_eq!(
        reason(&p, 2, "wuhan.listing_domestic"),
        "阶段“成功上市”不晚于已在2025-12-31那一年计入的阶段“成功上市”:各阶段依次只计一次,本年不再计入"
    );
    assert_eq!(
        reason(&p, 3, "wuhan.listing_domestic"),
        "阶段“报会报审(申报受理)”不晚于已在2025-12-31那一年计入的阶段“成功上市”:各阶段依次只计一次,本年不再计入"
    );
    assert_eq!(p.years[2].total.up_to, "0.00");
    assert_eq!(p.total.up_to, "8000000.00");
    // Skipping a stage is no reason to stop: 报辅, then listed.
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": [
        y("2024-12-31", "tutoring"), y("2026-12-31", "listed")
    ]}));
    assert_eq!(fig(&p, 1, "wuhan.listing_domestic"), up_to("8000000.00"));
}

#[test]
fn two_entries_in_one_calendar_year_are_refused() {
    // "同一企业每年最高不超过200万元" (洪山 6), "每家每年最高不超过20万元…补助期限不超过三年" (洪山 5):
    // yearly caps and subsidy years count calendar years (catalogue, 2026-12-04). Two entries dated
    // 2026-03-31 and 2026-10-31 with two models each would pay 2,000,000 + 2,000,000 against one
    // year's 2,000,000 and spend two of the three compute years: refused, naming the entry.
    let y = |d: &str| json!({"as_of": d, "enterprise": {"sme": true}, "model_filing": {"models_filed": 2}, "compute": {"domestic_fees": "1000000"}});
    let e = plan_err(
        json!({"schema": 2, "region": "wuhan-hongshan", "years": [y("2026-03-31"), y("2026-10-31")]}),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].field, "years[1].as_of");
    assert!(
        e[0].message
            .contains("same calendar year as years[0] (2026-03-31)")
    );
    // The same in Hangzhou (8,000,000 a year of vouchers), with a third entry in another year: only
    // the entry sharing a year is named.
    let h = |d: &str| json!({"as_of": d, "compute": {"domestic_fees": "30000000"}});
    let e = plan_err(
        json!({"schema": 2, "region": "hangzhou", "years": [h("2025-12-31"), h("2026-01-01"), h("2026-12-31")]}),
    );
    let fields: Vec<&str> = e.iter().map(|x| x.field.as_str()).collect();
    assert_eq!(fields, ["years[2].as_of"]);
    // Two entries with no date are both "today": the same year.
    let e = plan_err(json!({"schema": 2, "region": "hangzhou", "years": [{}, {}]}));
    assert_eq!(e[0].field, "years[1].as_of");
}

#[test]
fn years_out_of_date_order_are_refused() {
    // The state is carried forward from year to year: an earlier date after a later one would carry
    // it backwards ("already counted in the year of 2026-…" said of 2025).
    let y = |d: &str| json!({"as_of": d, "model_filing": {"models_filed": 1}});
    let e = plan_err(
        json!({"schema": 2, "region": "hangzhou", "years": [y("2026-06-30"), y("2025-06-30")]}),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].field, "years[1].as_of");
    assert!(e[0].message.contains("date order"));
}

#[test]
fn three_first_recognitions_each_pay_in_their_own_year() {
    // 杭州 (十) "对首次认定的制造业“单项冠军”企业、国家专精特新“小巨人”企业、省“隐形冠军”企业,按有关政策给予
    // 奖励": three first recognitions. 小巨人 in 2025 pays (no figure); in 2026 the enterprise is also
    // first recognised a 单项冠军: that pays too; in 2027 nothing new: counted before.
    let p = plan(json!({"schema": 2, "region": "hangzhou", "years": [
        {"as_of": "2025-06-30", "enterprise": {"first_recognitions": ["little_giant"]}},
        {"as_of": "2026-06-30", "enterprise": {"first_recognitions": ["little_giant", "single_champion"]}},
        {"as_of": "2027-06-30"}
    ]}));
    let unspecified = ("unspecified".to_string(), None);
    assert_eq!(fig(&p, 0, "hangzhou.champion_recognition"), unspecified);
    assert_eq!(fig(&p, 1, "hangzhou.champion_recognition"), unspecified);
    assert_eq!(fig(&p, 2, "hangzhou.champion_recognition"), not_eligible());
    assert!(reason(&p, 2, "hangzhou.champion_recognition").contains("首次认定奖励"));
    assert!(reason(&p, 2, "hangzhou.champion_recognition").contains("2025-06-30"));
    // Each year says which recognition it pays for, and which were counted before and when; the
    // last year names both earlier years (it named only the first).
    let steps = |y: usize| {
        p.years[y]
            .award("hangzhou.champion_recognition")
            .unwrap()
            .steps_in(Lang::Zh)
    };
    assert_eq!(
        steps(0)[0],
        "首次认定奖励(每项认定一次):本次计入国家专精特新“小巨人”"
    );
    assert_eq!(
        steps(1)[0],
        "首次认定奖励(每项认定一次):本次计入制造业“单项冠军”企业;此前已计入国家专精特新“小巨人”(2025-06-30)"
    );
    assert_eq!(
        reason(&p, 2, "hangzhou.champion_recognition"),
        "首次认定奖励(每项认定一次):国家专精特新“小巨人”已在2025-06-30那一年计入,制造业“单项冠军”企业已在2026-06-30那一年计入,不再重复计算"
    );
    let en = p.years[1]
        .award("hangzhou.champion_recognition")
        .unwrap()
        .steps_in(Lang::En);
    assert_eq!(
        en[0],
        "an award for a first recognition (once for each recognition): counted now for manufacturing single champion (单项冠军); counted before: national little giant (专精特新: specialised, refined, distinctive and innovative) (2025-06-30)"
    );
    assert_eq!(
        reason_in(&p, 2, "hangzhou.champion_recognition", Lang::En),
        "an award for a first recognition (once for each recognition): national little giant (专精特新: specialised, refined, distinctive and innovative) already counted in the year of 2025-06-30, manufacturing single champion (单项冠军) already counted in the year of 2026-06-30; not again"
    );
}

#[test]
fn a_new_lease_in_a_later_year_is_paid_again() {
    // 上海 5 "对符合条件的融资租赁项目,给予不超过融资租赁合同设备投资额5%、最高2000万元的一次性补贴": once per
    // lease project. 2025: a lease of 10,000,000 × 5% = 500,000; 2026: a new lease of 20,000,000 × 5% =
    // 1,000,000. Over the plan 1,500,000.
    let p = plan(json!({"schema": 2, "region": "shanghai", "years": [
        {"as_of": "2025-12-31", "other": {"shanghai": {"leasing_equipment_investment": "10000000"}}},
        {"as_of": "2026-12-31", "other": {"shanghai": {"leasing_equipment_investment": "20000000"}}}
    ]}));
    assert_eq!(fig(&p, 0, "shanghai.equipment_leasing"), up_to("500000.00"));
    assert_eq!(
        fig(&p, 1, "shanghai.equipment_leasing"),
        up_to("1000000.00")
    );
    assert_eq!(p.total.up_to, "1500000.00");
}

#[test]
fn each_years_filed_models_are_paid_in_that_year() {
    // 洪山 6 "对通过备案的企业,按每个模型100万元给予企业支持,同一企业每年最高不超过200万元"; each year of
    // a plan gives that year's own figures (CONTRACT.md), and the catalogue (2026-12-04): "Hongshan 6
    // counts models filed in that year". 1 model in 2025: 1,000,000; 2 in 2026: 2,000,000; 5 in 2027:
    // 5,000,000, capped at 2,000,000 that year; none in 2028: nothing. 5,000,000 in all. (Until
    // 2026-12-04 the figure was read as the models filed so far and earlier years' subtracted: this
    // plan then paid 1,000,000 / 1,000,000 / 2,000,000 / nothing — an independent audit found it.)
    let y = |d: &str, n: u32| json!({"as_of": d, "model_filing": {"models_filed": n}});
    let p = plan(json!({"schema": 2, "region": "wuhan-hongshan", "years": [
        y("2025-12-31", 1), y("2026-12-31", 2), y("2027-12-31", 5), json!({"as_of": "2028-12-31"})
    ]}));
    let exact = |a: &str| ("exact".to_string(), Some(a.to_string()));
    assert_eq!(fig(&p, 0, "hongshan.model_filing"), exact("1000000.00"));
    assert_eq!(fig(&p, 1, "hongshan.model_filing"), exact("2000000.00"));
    assert_eq!(fig(&p, 2, "hongshan.model_filing"), exact("2000000.00"));
    assert_eq!(fig(&p, 3, "hongshan.model_filing"), not_eligible());
    assert!(reason(&p, 3, "hongshan.model_filing").contains("当年通过"));
    assert_eq!(p.total.exact, "5000000.00");
    // Fewer models in a later year is simply that year's count: 3 in 2025 (capped 2,000,000), 1 in
    // 2026 (1,000,000).
    let p = plan(json!({"schema": 2, "region": "wuhan-hongshan", "years": [
        y("2025-12-31", 3), y("2026-12-31", 1)
    ]}));
    assert_eq!(fig(&p, 0, "hongshan.model_filing"), exact("2000000.00"));
    assert_eq!(fig(&p, 1, "hongshan.model_filing"), exact("1000000.00"));
}

#[test]
fn the_wuhan_drafts_uncertain_end_is_said_in_the_year_it_falls() {
    // "本政策自2024年 X 月 X 日起执行,有效期三年": a first little giant in 2026 (500,000, 六); in the
    // year dated 2027-06-30 the draft may already have ended: said in that year's notes, not in 2026's.
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": [
        {"as_of": "2026-06-30", "enterprise": {"first_recognitions": ["little_giant"]}},
        {"as_of": "2027-06-30", "other": {"public_platform": true}}
    ]}));
    assert_eq!(
        fig(&p, 0, "wuhan.little_giant"),
        ("exact".into(), Some("500000.00".into()))
    );
    assert!(
        !p.years[0]
            .notes_in(Lang::Zh)
            .iter()
            .any(|n| n.contains("可能已过期"))
    );
    assert!(
        p.years[1]
            .notes_in(Lang::Zh)
            .iter()
            .any(|n| n.contains("可能已过期"))
    );
    // The recognition carried forward (enterprise facts do) but is a first recognition: paid once.
    assert_eq!(fig(&p, 1, "wuhan.little_giant"), not_eligible());
    assert!(reason(&p, 1, "wuhan.little_giant").contains("首次认定奖励"));
    // 四: public platform up to 2,000,000 in 2027.
    assert_eq!(fig(&p, 1, "wuhan.public_platform"), up_to("2000000.00"));
    assert_eq!(p.total.exact, "500000.00");
    assert_eq!(p.total.up_to, "2500000.00");
}

#[test]
fn compare_runs_the_same_plan_in_every_region() {
    // 1,000,000 domestic compute a year for an SME, 2025 and 2026: Hangzhou 30% = 300,000 a year
    // (600,000); Hongshan 20% = 200,000 a year (400,000); Shanghai has no compute clause (0).
    let y = |d: &str| json!({"as_of": d, "enterprise": {"sme": true}, "compute": {"domestic_fees": "1000000"}});
    let p = plan(
        json!({"schema": 2, "region": "hangzhou", "compare": true, "years": [y("2025-12-31"), y("2026-12-31")]}),
    );
    let r = p.regions.as_ref().unwrap();
    // Every region of the rule data, each once.
    assert_eq!(r.len(), subsidy_calc::input::regions().len());
    assert_eq!(r["hangzhou"].total.up_to, "600000.00");
    assert_eq!(r["wuhan-hongshan"].total.up_to, "400000.00");
    assert_eq!(r["shanghai"].total.up_to, "0.00");
    assert_eq!(p.total.up_to, "600000.00");
}

#[test]
fn carried_fields_are_the_engines_after_the_first_year() {
    let e = plan_err(json!({"schema": 2, "region": "wuhan-hongshan", "years": [
        {"as_of": "2025-12-31", "compute": {"years_subsidized_before": 1}},
        {"as_of": "2026-12-31", "compute": {"years_subsidized_before": 2}}
    ]}));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field, "years[1].compute.years_subsidized_before");
    assert!(e[0].message.contains("first year only"));
    // A year's own bad field is named with its year; the region and years are required.
    let e = plan_err(
        json!({"schema": 2, "region": "wuhan", "years": [{"compute": {"domestic_fees": "-1"}}]}),
    );
    assert_eq!(e[0].field, "years[0].compute.domestic_fees");
    // A year whose section is not an object is named, even where the engine carries a field into it.
    let e = plan_err(json!({"schema": 2, "region": "wuhan-hongshan", "years": [
        {"as_of": "2025-12-31", "enterprise": {"sme": true}, "compute": {"domestic_fees": "1000000"}},
        {"as_of": "2026-12-31", "compute": 5}
    ]}));
    assert_eq!(e[0].field, "years[1].compute");
    let e = plan_err(json!({"schema": 2, "years": []}));
    let fields: Vec<&str> = e.iter().map(|x| x.field.as_str()).collect();
    assert_eq!(fields, ["region", "years"]);
    // Given in the first year, a carried field is the starting state: two years of Hongshan support
    // already received leave one: 200,000 in 2025, then "补助期限不超过三年" in 2026.
    let p = plan(json!({"schema": 2, "region": "wuhan-hongshan", "years": [
        {"as_of": "2025-12-31", "enterprise": {"sme": true}, "compute": {"domestic_fees": "1000000", "years_subsidized_before": 2}},
        {"as_of": "2026-12-31", "compute": {"domestic_fees": "1000000"}}
    ]}));
    assert_eq!(fig(&p, 0, "hongshan.compute_subsidy"), up_to("200000.00"));
    assert_eq!(fig(&p, 1, "hongshan.compute_subsidy"), not_eligible());
    // The 3 was carried by the engine, not entered for 2026: the reason says so (it said 已填).
    assert_eq!(
        reason(&p, 1, "hongshan.compute_subsidy"),
        "补助期限不超过三年(此前各年结转:已享受算力补贴年数:3)"
    );
    assert_eq!(
        reason_in(&p, 1, "hongshan.compute_subsidy", Lang::En),
        "subsidised for at most three years (carried from the years before: years already subsidised: 3)"
    );
}

#[test]
fn a_change_says_the_draft_and_the_reason_it_replaces() {
    // 武汉 六 "首次认定的独角兽企业…给予100万元奖励", in the draft for comment (published 2024-03-27). In
    // 2023 the draft was not yet out; in 2024 it pays 1,000,000. The change line says the figure is
    // the draft's, and why it did not pay the year before (it said "the figures entered differ").
    let u = json!({"first_recognitions": ["unicorn"]});
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": [
        {"as_of": "2023-12-31", "enterprise": u}, {"as_of": "2024-12-31", "enterprise": u}
    ]}));
    let zh = p.years[1].changes_zh.clone().unwrap_or_default();
    let line = zh
        .iter()
        .find(|l| l.starts_with("首次认定独角兽企业奖励"))
        .unwrap();
    assert!(
        line.starts_with("首次认定独角兽企业奖励(征求意见稿):不符合条件 → 1,000,000元(上一年:"),
        "{line}"
    );
    assert!(line.contains("尚未施行"), "{line}");
    let en = p.years[1].changes.clone().unwrap_or_default();
    assert!(
        en.iter().any(|l| l.starts_with(
            "First recognition as a unicorn (DRAFT for comment): not eligible → 1,000,000 (the year before: "
        )),
        "{en:?}"
    );
}

#[test]
fn a_plan_names_an_unknown_region_as_unknown() {
    // "WUHAN" is given but not a region key: "unknown region", as `eval` says (it said "required").
    let e = plan_err(json!({"schema": 2, "region": "WUHAN", "years": [{"as_of": "2025-12-31"}]}));
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].field, "region");
    assert!(
        e[0].message
            .starts_with("unknown region: use one of hangzhou"),
        "{e:?}"
    );
    let e = plan_err(json!({"schema": 2, "years": [{"as_of": "2025-12-31"}]}));
    assert!(
        e[0].message.starts_with("required: one of hangzhou"),
        "{e:?}"
    );
}

#[test]
fn a_plan_read_as_one_application_says_to_use_plan() {
    let e = subsidy_calc::evaluate_value(
        &json!({"schema": 2, "region": "wuhan", "years": [{"as_of": "2025-12-31"}]}),
        today(),
    )
    .unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].field, "years");
    assert!(e[0].message.contains("subsidy-calc plan"), "{e:?}");
    assert!(
        e[0].message_in(Lang::Zh)
            .contains("多年规划请用 subsidy-calc plan"),
        "{e:?}"
    );
}

#[test]
fn a_plan_year_without_a_date_is_named_as_not_given() {
    // A year with no as_of is today; beside another date of this year it was "2026-… is in the same
    // calendar year as years[0] (…)" — a date nobody wrote. It names the entry whose date is missing.
    let this_year = format!("{}-01-31", today().year);
    let e = plan_err(json!({"schema": 2, "region": "wuhan", "years": [
        {"as_of": this_year}, {"compute": {"domestic_fees": "1"}}
    ]}));
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].field, "years[1].as_of");
    assert!(
        e[0].message
            .starts_with("not given: each year of a plan needs its own date"),
        "{e:?}"
    );
    assert!(
        e[0].message_in(Lang::Zh)
            .starts_with("未填写:规划的每一年都要填写自己的日期"),
        "{e:?}"
    );
    let e = plan_err(json!({"schema": 2, "region": "wuhan", "years": [
        {"compute": {"domestic_fees": "1"}}, {"as_of": this_year}
    ]}));
    assert_eq!(e[0].field, "years[0].as_of", "{e:?}");
}

#[test]
fn a_counted_term_paid_again_after_a_gap_year_says_so() {
    // 武汉 八 "根据园区建设每年给予最高1000万元资金奖励,连续奖励3年": paid 2024, not 2025 (not a core park
    // that year), paid 2026 and 2027. Whether 连续 ends the term at the gap is the authority's to
    // decide (docs/READINGS.md): each year after the gap pays up to 10,000,000 and says so; the years
    // before the gap say nothing.
    let y = |d: &str, on: bool| json!({"as_of": d, "other": {"core_park": {"city_core_park": on}}});
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": [
        y("2024-12-31", true), y("2025-12-31", false), y("2026-12-31", true), y("2027-01-31", true)
    ]}));
    let gap = |i: usize| -> Vec<String> {
        p.years[i]
            .award("wuhan.core_park")
            .unwrap()
            .notes_in(Lang::Zh)
            .into_iter()
            .filter(|n| n.contains("并不连续"))
            .collect()
    };
    assert_eq!(fig(&p, 2, "wuhan.core_park"), up_to("10000000.00"));
    assert!(gap(0).is_empty());
    assert_eq!(
        gap(2),
        [
            "此前计入的年份为2024-12-31,连同本年并不连续(其间有未获该项奖励的年份);原文的年限(“连续”或“期限”)是否因此中断,以主管部门认定为准"
        ]
    );
    assert!(
        gap(3)[0].starts_with("此前计入的年份为2024-12-31、2026-12-31,"),
        "{:?}",
        gap(3)
    );
    // Years in a row say nothing of gaps.
    let p = plan(json!({"schema": 2, "region": "wuhan", "years": [
        y("2024-12-31", true), y("2025-12-31", true)
    ]}));
    assert!(
        !p.years[1]
            .award("wuhan.core_park")
            .unwrap()
            .notes_in(Lang::Zh)
            .iter()
            .any(|n| n.contains("并不连续"))
    );
}

#[test]
fn a_difference_award_says_what_was_received_before_truly() {
    // 洪山 8 "分别给予50万元、20万元一次性奖励(逐级认定的给予差额奖励)": national (500,000) in 2024, then
    // provincial in 2025 — nothing left; its step said "200,000 − 500,000 = 0", and the national
    // variant's words named the earlier award "省级" whatever its level.
    let y = |d: &str, level: &str| json!({"as_of": d, "other": {"first_version_software": {"level": level}}});
    let p = plan(json!({"schema": 2, "region": "wuhan-hongshan", "years": [
        y("2024-12-31", "national"), y("2025-12-31", "provincial")
    ]}));
    assert_eq!(
        fig(&p, 1, "hongshan.first_version_software"),
        not_eligible()
    );
    let a = p.years[1].award("hongshan.first_version_software").unwrap();
    assert!(
        a.steps_in(Lang::Zh).contains(
            &"扣除此前已获奖励:此前已获500,000元,不低于本项200,000元,差额为0元".to_string()
        ),
        "{:?}",
        a.steps_in(Lang::Zh)
    );
    assert!(
        a.steps_in(Lang::En).contains(
            &"less the award already received: 500,000 already received is not below this award's 200,000: 0 left".to_string()
        ),
        "{:?}",
        a.steps_in(Lang::En)
    );
    // Provincial then national: the difference, 500,000 − 200,000 = 300,000, in level-neutral words.
    let p = plan(json!({"schema": 2, "region": "wuhan-hongshan", "years": [
        y("2024-12-31", "provincial"), y("2025-12-31", "national")
    ]}));
    assert_eq!(
        fig(&p, 1, "hongshan.first_version_software"),
        ("exact".to_string(), Some("300000.00".to_string()))
    );
    assert!(
        p.years[1]
            .award("hongshan.first_version_software")
            .unwrap()
            .steps_in(Lang::Zh)
            .contains(
                &"逐级认定,扣除此前已获奖励(差额奖励):500,000元 − 200,000元 = 300,000元"
                    .to_string()
            )
    );
}
