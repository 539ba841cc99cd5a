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
fn batch(prorata: bool) -> Batch {
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
