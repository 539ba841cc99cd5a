//! The batch page's view model (`subsidy_calc_web::batch_view`), natively: what the page shows of
//! a finished batch — worked by hand from 洪山 5 "每年设立不超过300万元的算力补贴资金池…每家每年最高
//! 不超过20万元" and 9 "每年遴选不超过10个".
use rust_decimal::Decimal;
use subsidy_batch::{Batch, read_csv};
use subsidy_calc::Date;
use subsidy_calc_web::batch_view::{self as view, LARGEST};
use subsidy_calc_web::form::Lang;

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}

/// 17 Hongshan SMEs of 2025 with 1,000,000 of compute each (200,000 each: 3,400,000 asked of the
/// 3,000,000 pool), 3 of 2026 with 500,000 each (100,000 each), and a bad row.
fn batch(prorata: bool) -> Batch<'static> {
    let book = subsidy_calc::rulebook::book();
    let mut text = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for i in 1..=17 {
        text.push_str(&format!("a{i},wuhan-hongshan,2025-06-30,是,1000000\n"));
    }
    for i in 1..=3 {
        text.push_str(&format!("b{i},wuhan-hongshan,2026-06-30,是,500000\n"));
    }
    text.push_str("bad,moon,2026-06-30,是,1\n");
    let mut b = Batch::default();
    for row in read_csv(text.as_bytes()).unwrap() {
        b.add(book, row, today());
    }
    if prorata {
        b.scale(book);
    }
    b
}

#[test]
fn the_counts_and_each_pool_year_as_a_bar() {
    let book = subsidy_calc::rulebook::book();
    let b = batch(false);
    let report = b.summary.report(book);
    assert_eq!(
        view::counts(&report, 12.0, 34.4, Lang::Zh),
        "共21行:20行已计算,1行有错误(读取 12 毫秒,计算 34 毫秒)"
    );
    let bars = view::bars(&report, book, Lang::Zh);
    let pool: Vec<&view::Bar> = bars
        .iter()
        .filter(|b| b.rule == "hongshan.compute_subsidy")
        .collect();
    // 2025: 17 × 200,000 = 3,400,000 over 3,000,000; 2026: 3 × 100,000 = 300,000 under.
    assert_eq!(pool.len(), 2);
    assert_eq!(pool[0].label, "中小企业算力补贴(2025年)");
    assert_eq!(pool[0].asked, Decimal::from(3_400_000));
    assert_eq!(pool[0].bound, Decimal::from(3_000_000));
    assert!(pool[0].over);
    assert_eq!(pool[1].asked, Decimal::from(300_000));
    assert!(!pool[1].over);
    // The longer figure fills the width; the other in proportion: 3,000,000 / 3,400,000 × 400 =
    // 352.94… → 352.9.
    assert_eq!(
        view::scaled(pool[0].asked, pool[0], 400),
        Decimal::from(400)
    );
    assert_eq!(
        view::scaled(pool[0].bound, pool[0], 400),
        Decimal::new(3529, 1)
    );
    let en = view::bars(&report, book, Lang::En);
    assert!(
        en.iter()
            .any(|b| b.label == "Compute subsidy for SMEs (2025)")
    );
}

#[test]
fn the_largest_applications_and_the_rows_shown() {
    let b = batch(true);
    // After pro rata the 2025 rows hold 176,470.59 or .58; the 2026 rows 100,000: the largest are
    // the 2025 rows, the earlier first on a tie, and the bad row is not among them.
    let top = view::largest(&b.rows, LARGEST);
    assert_eq!(top.len(), LARGEST);
    assert_eq!(top[0].id, "a1");
    assert_eq!(
        view::amount(subsidy_calc::money::Yuan(top[0].up_to()), Lang::Zh),
        "176,470.59元"
    );
    assert!(top.iter().all(|d| d.id != "bad"));
    assert_eq!(top[LARGEST - 1].id, "b3");
    assert_eq!(view::more_rows(21, Lang::En), None);
    assert_eq!(
        view::more_rows(250, Lang::Zh).as_deref(),
        Some("表中显示前200行;全部250行在下载的文件中。")
    );
    assert_eq!(
        view::title(
            subsidy_calc::rulebook::book(),
            "hongshan.compute_subsidy",
            Lang::En
        ),
        "Compute subsidy for SMEs"
    );
}

/// The 政策测算 panel's form: 洪山's clauses with today's values (rates in percent), what differs
/// from today becomes the reform, and a reform file reads back into the same form.
#[test]
fn the_reform_form_lists_todays_values_and_makes_the_reform() {
    let book = subsidy_calc::rulebook::book();
    let groups = view::region_params(book, "wuhan-hongshan", Lang::Zh);
    let g = groups
        .iter()
        .find(|g| g.id == "hongshan.compute_subsidy")
        .unwrap();
    assert_eq!(g.title, "〔5〕中小企业算力补贴");
    assert!(g.quote.contains("最高不超过20%的补贴"));
    let p = |name: &str| g.params.iter().find(|p| p.name == name).unwrap();
    // 20% shown as 20; the cap 200,000 yuan; the rule-wide `rate` and `cap` are left to files.
    assert_eq!(p("rate.compute.domestic_fees").today, "20");
    assert_eq!(p("cap.per_enterprise_per_year").today, "200000");
    assert_eq!(p("pool").today, "3000000");
    assert!(g.params.iter().all(|p| p.name != "rate" && p.name != "cap"));
    // The Wuhan draft's dates are listed as its own group.
    let wuhan = groups.iter().find(|g| g.id == "wuhan").unwrap();
    assert_eq!(wuhan.params[1].today, "2027-12-31");
    // Nothing changed: no reform. 25% on domestic compute and the pool 5,000,000: two changes, the
    // rate as a fraction.
    assert_eq!(view::reform_of("x", &groups, &|_| None), None);
    let typed = |k: &str| match k {
        "hongshan.compute_subsidy|rate.compute.domestic_fees" => Some("25".to_string()),
        "hongshan.compute_subsidy|pool" => Some("5000000".to_string()),
        "hongshan.compute_subsidy|cap.per_enterprise_per_year" => Some("200000".to_string()),
        "hangzhou.compute_voucher|enabled" => Some("false".to_string()),
        _ => None,
    };
    let all: Vec<_> = book
        .regions
        .iter()
        .flat_map(|r| view::region_params(book, &r.key, Lang::Zh))
        .collect();
    let r = view::reform_of("提标", &all, &typed).unwrap();
    let changes = r["changes"].as_array().unwrap();
    assert!(changes.contains(&serde_json::json!({ "rule": "hongshan.compute_subsidy", "set": "rate.compute.domestic_fees", "value": "0.25" })));
    assert!(changes.contains(&serde_json::json!({ "rule": "hongshan.compute_subsidy", "set": "pool", "value": "5000000" })));
    assert!(changes.contains(
        &serde_json::json!({ "rule": "hangzhou.compute_voucher", "set": "enabled", "value": false })
    ));
    // The cap typed as it is today is no change.
    assert_eq!(changes.len(), 3, "{r}");
    assert_eq!(r["name"], "提标");
    // It is a reform the engine accepts, and it reads back into the same form.
    assert!(subsidy_calc::reform::Reformed::read(&r, book).is_ok());
    let (name, values) = view::form_of(&r);
    assert_eq!(name, "提标");
    assert!(values.contains(&(
        "hongshan.compute_subsidy|rate.compute.domestic_fees".to_string(),
        "25".to_string()
    )));
    assert!(values.contains(&(
        "hangzhou.compute_voucher|enabled".to_string(),
        "false".to_string()
    )));
    // A file's rule-wide rate fills each term.
    let (_, values) = view::form_of(&serde_json::json!({ "reform": 1, "name": "x", "changes": [
        { "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.25" } ] }));
    assert_eq!(values.len(), 3, "{values:?}");
}

/// The page's batch under a reform (the same `Batch` and `Compare` as the command line): 17 洪山
/// SMEs of 2025 with 1,000,000 each — today 200,000 each, 3,400,000 of the 3,000,000 pool; at 25%
/// 250,000 each. With pro rata, today 176,470.59 (14 rows) / .58 (3 rows); the reform's pool
/// 5,000,000 holds 17 × 250,000 = 4,250,000 unscaled.
#[test]
fn the_page_batch_under_a_reform() {
    let book = subsidy_calc::rulebook::book();
    let reform = subsidy_calc::reform::Reformed::read(
        &serde_json::json!({ "reform": 1, "name": "提标", "changes": [
            { "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.25" },
            { "rule": "hongshan.compute_subsidy", "set": "cap", "value": "300000" },
            { "rule": "hongshan.compute_subsidy", "set": "pool", "value": "5000000" } ] }),
        book,
    )
    .unwrap();
    let mut text = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for i in 1..=17 {
        text.push_str(&format!("a{i},wuhan-hongshan,2025-06-30,是,1000000\n"));
    }
    let mut b = Batch::default();
    let mut base = Batch::default();
    for row in read_csv(text.as_bytes()).unwrap() {
        b.add_reformed(&mut base, &reform, row, today());
    }
    b.scale(&reform.book);
    base.scale(book);
    assert_eq!(b.rows[0].total[1].to_string(), "250000.00");
    assert_eq!(base.rows[0].total[1].to_string(), "176470.59");
    assert_eq!(base.rows[16].total[1].to_string(), "176470.58");
    let mut c = subsidy_batch::Compare::default();
    for (x, y) in base.rows.iter().zip(&b.rows) {
        c.add_done(book, x, y);
    }
    let rr = c.report(book, "提标", Vec::new());
    // 17 × 250,000 = 4,250,000 against exactly 3,000,000 today: +1,250,000, all 17 gain.
    assert_eq!(
        view::reform_totals(&rr, Lang::Zh),
        "现行政策合计3,000,000元,测算方案合计4,250,000元,差额+1,250,000元;17家增加,0家减少,0家不变"
    );
    let bars = view::reform_bars(&rr, book, Lang::Zh);
    assert_eq!(bars[0].rule, "hongshan.compute_subsidy");
    assert_eq!(bars[0].delta, Decimal::from(1_250_000));
    assert_eq!(
        view::signed(Decimal::from(-200_000), Lang::Zh),
        "−200,000元"
    );
    // The table's row under the reform: its own columns, then today's.
    let header = subsidy_batch::table_header(book, false, Some("提标"));
    let said = subsidy_batch::reform_cell("提标");
    let cells = b.rows[0].cells_with(book, &base.rows[0], &said);
    assert_eq!(header.len(), cells.len());
    let at = |h: &str| header.iter().position(|x| x == h).unwrap();
    assert_eq!(cells[at("hongshan.compute_subsidy.amount")], "250000.00");
    assert_eq!(
        cells[at("hongshan.compute_subsidy.baseline_amount")],
        "176470.59"
    );
    assert_eq!(cells[at("total.baseline_up_to")], "176470.59");
    assert_eq!(cells[at("测算方案")], "测算方案“提标”,非现行政策");
}
