//! Many applications at once (issue 11; the contract's "Many applications"): pools and count limits
//! from the rule data, pro-rata to the cent, bad rows, Chinese headers, .xlsx in and out (read back
//! with a second reader), JSON Lines. Figures worked by hand from the quoted clauses.
use calamine::{Data, Reader, open_workbook_auto};
use serde_json::Value;
use std::process::Command;
use subsidy_batch::prorata;

/// The repository (the command line runs from there: the examples and docs are read by path).
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn bin(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_subsidy-calc"))
        .current_dir(ROOT)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Whole cents of an amount the output wrote ("1250000.50" → 125000050); 0 for anything else.
fn cents(amount: &str) -> i64 {
    use std::str::FromStr;
    rust_decimal::Decimal::from_str(amount)
        .ok()
        .and_then(|d| {
            (d * rust_decimal::Decimal::ONE_HUNDRED)
                .round()
                .try_into()
                .ok()
        })
        .unwrap_or(0)
}

fn tmp(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("subsidy-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

/// A file of `text` in the test's folder: its path.
fn file(name: &str, text: &str) -> String {
    let path = tmp(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The first worksheet of an .xlsx output, read back with calamine (not the writer).
fn sheet(path: &str) -> calamine::Range<Data> {
    open_workbook_auto(path)
        .unwrap()
        .worksheet_range_at(0)
        .unwrap()
        .unwrap()
}

/// The rows of a JSON Lines output, or of a JSON file's one value.
fn jsonl(path: &str) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The entry of a JSON list whose `key` is `value` (an award by id, a pool or limit by rule).
fn entry<'a>(list: &'a Value, key: &str, value: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|e| e[key] == value)
        .unwrap_or_else(|| panic!("no {key} {value} in {list}"))
}

#[test]
fn prorata_under_at_and_over_the_pool_to_the_cent() {
    // Under or exactly at the pool: unchanged.
    assert_eq!(
        prorata(&[(1, 10_000_000), (2, 5_000_000)], 30_000_000),
        [10_000_000, 5_000_000]
    );
    assert_eq!(
        prorata(&[(1, 20_000_000), (2, 10_000_000)], 30_000_000),
        [20_000_000, 10_000_000]
    );
    // Over, different remainders: 1.00, 2.00, 4.00 into 3.00. 100 × 300 / 700 = 42 r 600;
    // 200 × 300 / 700 = 85 r 500; 400 × 300 / 700 = 171 r 300. Floors 298: the 2 cents left go to
    // the largest remainders (rows 1 and 2): 43 + 86 + 171 = 300.
    assert_eq!(prorata(&[(1, 100), (2, 200), (3, 400)], 300), [43, 86, 171]);
    // Over, equal remainders: three 100.00 into 200.00: 6666 each (r 20000), 2 cents left → the
    // earlier rows: 66.67 + 66.67 + 66.66 = 200.00.
    assert_eq!(
        prorata(&[(1, 10_000), (2, 10_000), (3, 10_000)], 20_000),
        [6_667, 6_667, 6_666]
    );
}

/// `n` SMEs in Hongshan each buying `fees` of compute (洪山 5: 20%, at most 200,000 each).
fn hongshan_csv(n: usize, fees: &str) -> String {
    let mut s = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for i in 1..=n {
        s.push_str(&format!("企业{i},wuhan-hongshan,2026-11-24,是,{fees}\n"));
    }
    s
}

fn read_csv(path: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            h.iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn an_over_subscribed_pool_is_reported_and_scaled_to_the_cent() {
    // 洪山 5 "每年设立不超过300万元的算力补贴资金池": 17 SMEs × 200,000 = 3,400,000 asked of 3,000,000.
    let input = tmp("pool.csv");
    std::fs::write(&input, hongshan_csv(17, "1000000")).unwrap();
    // --pool none: reported, not cut.
    let out = tmp("pool-none.csv");
    let (code, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("17家申请,申请额合计3,400,000元,资金池不超过3,000,000元,超出资金池"),
        "{err}"
    );
    assert!(
        read_csv(&out)
            .iter()
            .all(|r| r["hongshan.compute_subsidy.amount"] == "200000.00")
    );
    // --pool prorata: each 200,000 × 3,000,000 / 3,400,000 = 176,470.588…: 17,647,058 cents each
    // floored (299,999,986 in all), the 14 cents left to the first 14 rows (equal remainders):
    // 14 × 176,470.59 + 3 × 176,470.58 = 3,000,000.00 exactly.
    let out = tmp("pool-prorata.csv");
    let summary = tmp("pool-summary.json");
    let (code, err) = bin(&[
        "batch",
        &input,
        "-o",
        &out,
        "--pool",
        "prorata",
        "--summary",
        &summary,
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = read_csv(&out);
    let amounts: Vec<&str> = rows
        .iter()
        .map(|r| r["hongshan.compute_subsidy.amount"].as_str())
        .collect();
    assert_eq!(amounts[..14], ["176470.59"; 14]);
    assert_eq!(amounts[14..], ["176470.58"; 3]);
    let sum: i64 = amounts.iter().map(|a| cents(a)).sum();
    assert_eq!(sum, 300_000_000);
    // Each row's total follows its scaled award.
    assert_eq!(rows[0]["total.up_to"], "176470.59");
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let pool = entry(&s["pools"], "rule", "hongshan.compute_subsidy");
    assert_eq!(pool["demand"], "3400000.00");
    assert_eq!(pool["over"], true);
    // 15 × 200,000 = 3,000,000: exactly at the pool, not over, nothing scaled.
    std::fs::write(&input, hongshan_csv(15, "1000000")).unwrap();
    let (code, err) = bin(&["batch", &input, "-o", &out, "--pool", "prorata"]);
    assert_eq!(code, 0);
    assert!(!err.contains("超出资金池"), "{err}");
    assert!(
        read_csv(&out)
            .iter()
            .all(|r| r["hongshan.compute_subsidy.amount"] == "200000.00")
    );
}

/// Hongshan SMEs with 1,000,000 of domestic compute each (200,000 each, "每家每年最高不超过20万元"),
/// `n` rows for each (date, n).
fn hongshan_rows(rows: &[(&str, usize)]) -> String {
    let mut s = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for (date, n) in rows {
        for i in 1..=*n {
            s.push_str(&format!("{date}-{i},wuhan-hongshan,{date},是,1000000\n"));
        }
    }
    s
}

#[test]
fn each_calendar_year_has_its_own_pool() {
    // 洪山 5 "每年设立不超过300万元的算力补贴资金池": 10 rows of 2025 and 10 of 2026, 200,000 each:
    // 2,000,000 a year against 3,000,000 a year: neither year is over, nothing is scaled (one pool
    // for both years would have been 4,000,000 over 3,000,000, each cut to 150,000).
    let input = tmp("years.csv");
    std::fs::write(
        &input,
        hongshan_rows(&[("2025-06-30", 10), ("2026-06-30", 10)]),
    )
    .unwrap();
    let (out, summary) = (tmp("years.csv.out.csv"), tmp("years-summary.json"));
    let (code, err) = bin(&[
        "batch",
        &input,
        "-o",
        &out,
        "--pool",
        "prorata",
        "--summary",
        &summary,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        read_csv(&out)
            .iter()
            .all(|r| r["hongshan.compute_subsidy.amount"] == "200000.00")
    );
    assert!(
        err.contains("2025年:10家申请,申请额合计2,000,000元,资金池不超过3,000,000元"),
        "{err}"
    );
    assert!(
        err.contains("2026年:10家申请,申请额合计2,000,000元"),
        "{err}"
    );
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let pools: Vec<(u64, &str, bool)> = s["pools"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["rule"] == "hongshan.compute_subsidy")
        .map(|p| {
            (
                p["year"].as_u64().unwrap(),
                p["demand"].as_str().unwrap(),
                p["over"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pools,
        [(2025, "2000000.00", false), (2026, "2000000.00", false)]
    );
    // 17 rows of 2025 (3,400,000: over) and 3 of 2026 (600,000): only 2025 is scaled, 200,000 ×
    // 3,000,000 / 3,400,000 = 176,470.588… (14 rows .59, 3 rows .58: 3,000,000.00); 2026 keeps 200,000.
    std::fs::write(
        &input,
        hongshan_rows(&[("2025-06-30", 17), ("2026-06-30", 3)]),
    )
    .unwrap();
    let (code, err) = bin(&["batch", &input, "-o", &out, "--pool", "prorata"]);
    assert_eq!(code, 0, "{err}");
    let rows = read_csv(&out);
    let cents = |r: &[std::collections::HashMap<String, String>]| -> i64 {
        r.iter()
            .map(|r| cents(&r["hongshan.compute_subsidy.amount"]))
            .sum()
    };
    assert_eq!(cents(&rows[..17]), 300_000_000);
    assert!(
        rows[17..]
            .iter()
            .all(|r| r["hongshan.compute_subsidy.amount"] == "200000.00")
    );
    assert!(
        err.contains(
            "2025年:17家申请,申请额合计3,400,000元,资金池不超过3,000,000元,超出资金池;已按比例调减"
        ),
        "{err}"
    );
    assert!(
        !err.contains("2026年:3家申请,申请额合计600,000元,资金池不超过3,000,000元,超出"),
        "{err}"
    );
}

#[test]
fn after_prorata_the_summary_is_of_what_was_written() {
    // 17 Hongshan SMEs asking 200,000 each (3,400,000) of the 3,000,000 pool, scaled: the rows
    // written add up to 3,000,000.00 (14 × 176,470.59 + 3 × 176,470.58), so the clause's sum is
    // 3000000.00, its smallest 176470.58, its median (the 9th of 17) and largest 176470.59; the
    // pool still says what was asked: 3,400,000.
    let input = tmp("written.csv");
    std::fs::write(&input, hongshan_csv(17, "1000000")).unwrap();
    let (out, summary) = (tmp("written.out.csv"), tmp("written-summary.json"));
    let (code, err) = bin(&[
        "batch",
        &input,
        "-o",
        &out,
        "--pool",
        "prorata",
        "--summary",
        &summary,
    ]);
    assert_eq!(code, 0, "{err}");
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let clause = entry(&s["clauses"], "id", "hongshan.compute_subsidy");
    assert_eq!(clause["sum"], "3000000.00");
    assert_eq!(clause["smallest"], "176470.58");
    assert_eq!(clause["median"], "176470.59");
    assert_eq!(clause["largest"], "176470.59");
    let pool = entry(&s["pools"], "rule", "hongshan.compute_subsidy");
    assert_eq!(pool["demand"], "3400000.00");
    assert_eq!(pool["scaled_to"], "3000000.00");
    // The text summary says the same sum.
    assert!(err.contains("算力补贴(5) [hongshan.compute_subsidy]:17家,合计 3,000,000元,最小 / 中位数 / 最大 176,470.58 / 176,470.59 / 176,470.59元"), "{err}");
}

#[test]
fn a_scaled_award_says_its_figures_as_every_step_does() {
    // 洪山 5 pool 3,000,000 for 17 SMEs asking 200,000 each (1,000,000 × 20%): 176,470.59 for the
    // first 14 (see prorata_under_at_and_over_the_pool_to_the_cent). The note has separators, as
    // every amount in the steps (it said 176470.59元(原200000.00元): an independent audit).
    let mut s = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for i in 1..=17 {
        s.push_str(&format!("企业{i},wuhan-hongshan,2026-11-24,是,1000000\n"));
    }
    let input = file("scaled.csv", &s);
    let out = tmp("scaled.jsonl");
    let (code, err) = bin(&["batch", &input, "-o", &out, "--pool", "prorata"]);
    assert_eq!(code, 0, "{err}");
    let first: Value = jsonl(&out).swap_remove(0);
    let award = entry(&first["awards"], "id", "hongshan.compute_subsidy");
    assert_eq!(award["amount"], "176470.59");
    let notes = award["notes_zh"].to_string();
    assert!(
        notes.contains("资金池不足,按比例调减:176,470.59元(原200,000元)"),
        "{notes}"
    );
    let notes = award["notes"].to_string();
    assert!(
        notes.contains("scaled pro rata to fit the pool: 176,470.59 of 200,000"),
        "{notes}"
    );
}

#[test]
fn a_sheet_says_each_qualification_check() {
    // 《武汉市人工智能产业孵化器建设工作方案》: 市级 "场地面积…不少于1万平方米,入孵企业不少于10家,户均
    // 面积不少于300平方米…算力资源不少于500P、高质量数据集不少于5个"; 标杆 also "建于市级人工智能核心
    // 产业园区内…不少于2万平方米,入孵企业不少于20家,成功孵化3家以上种子独角兽企业".
    // a: 10,000 m², 10 enterprises (1,000 m² each), 500P, 5 datasets → 市级 passed, 标杆 not met.
    // b: 74,999 m² for 250 (299.996 m² each) → both not met.
    // c: 20,000 m², 20 (1,000 each), in a core park, 3 seed unicorns, 500P, 5 → both passed.
    // d: no incubator figures → no check, blank cells. A sheet showed none of this (an audit).
    let input = file(
        "checks.jsonl",
        concat!(
            r#"{"id":"a","region":"wuhan","as_of":"2026-06-30","other":{"incubator":{"site_area_m2":10000,"enterprises":10,"linked_compute_pflops":500,"datasets":5}}}"#,
            "\n",
            r#"{"id":"b","region":"wuhan","as_of":"2026-06-30","other":{"incubator":{"site_area_m2":74999,"enterprises":250,"linked_compute_pflops":600,"datasets":6}}}"#,
            "\n",
            r#"{"id":"c","region":"wuhan","as_of":"2026-06-30","other":{"incubator":{"site_area_m2":20000,"enterprises":20,"in_city_core_park":true,"seed_unicorns":3,"linked_compute_pflops":500,"datasets":5}}}"#,
            "\n",
            r#"{"id":"d","region":"wuhan","as_of":"2026-06-30"}"#,
            "\n",
        ),
    );
    for out in [tmp("checks.csv"), tmp("checks.xlsx")] {
        let (code, err) = bin(&["batch", &input, "-o", &out]);
        assert_eq!(code, 0, "{err}");
        let rows: Vec<std::collections::HashMap<String, String>> = if out.ends_with(".csv") {
            read_csv(&out)
        } else {
            let range = sheet(&out);
            let mut it = range.rows();
            let head: Vec<String> = it.next().unwrap().iter().map(|d| d.to_string()).collect();
            it.map(|r| {
                head.iter()
                    .cloned()
                    .zip(r.iter().map(|d| d.to_string()))
                    .collect()
            })
            .collect()
        };
        let checks: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r["check.incubator.city"].as_str(),
                    r["check.incubator.benchmark"].as_str(),
                )
            })
            .collect();
        assert_eq!(
            checks,
            [
                ("passed", "not_met"),
                ("not_met", "not_met"),
                ("passed", "passed"),
                ("", "")
            ],
            "{out}"
        );
    }
}

#[test]
fn the_city_selects_two_or_three_core_parks() {
    // Wuhan 八 "全市遴选2-3个人工智能核心产业园区…每年给予最高1000万元": seven parks ask in 2026,
    // each up to 10,000,000 (7 × 10,000,000 = 70,000,000 asked); at most 3 places, so 4 over. Each
    // keeps its figure (a limit is reported, never cut), and the text says the clause by its title,
    // as a draft.
    let mut s = String::new();
    for i in 1..=7 {
        s.push_str(&format!(
            "{{\"id\":\"park{i}\",\"region\":\"wuhan\",\"as_of\":\"2026-04-01\",\"other\":{{\"core_park\":{{\"city_core_park\":true}}}}}}\n"
        ));
    }
    let input = file("parks.jsonl", &s);
    let (out, summary) = (tmp("parks-out.jsonl"), tmp("parks-summary.json"));
    let (code, err) = bin(&["batch", &input, "-o", &out, "--summary", &summary]);
    assert_eq!(code, 0, "{err}");
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let limit = s["limits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rule"] == "wuhan.core_park" && l["year"] == 2026)
        .unwrap();
    assert_eq!(limit["places"], 3);
    assert_eq!(limit["seeking"], 7);
    assert_eq!(limit["over"], true);
    assert!(
        err.contains(
            "人工智能核心产业园区奖励(八,征求意见稿) [wuhan.core_park]:7家,合计 70,000,000元"
        ),
        "{err}"
    );
    assert!(
        err.contains("2026年:7家申请,名额不超过3家,超出名额4家"),
        "{err}"
    );
    let (_, err_en) = bin(&["batch", &input, "-o", &out, "--lang", "en"]);
    assert!(
        err_en.contains("2026: 7 applicants for at most 3 places: 4 over"),
        "{err_en}"
    );
}

#[test]
fn eligible_rows_without_a_figure_are_said_in_the_summary() {
    // 武汉 二 算力“服务补贴券” sets no amount per company (金额待定): two Wuhan companies with compute
    // fees are eligible and in no sum; the text summary says so instead of leaving the clause out.
    let input = file(
        "open.csv",
        "id,region,as_of,compute.domestic_fees\na,wuhan,2026-06-30,1000000\nb,wuhan,2026-06-30,2000000\n",
    );
    let out = tmp("open-out.csv");
    let (code, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("[wuhan.compute_voucher]:2家符合条件但无确定金额(金额待定2家),未计入合计"),
        "{err}"
    );
    let (_, en) = bin(&["batch", &input, "-o", &out, "--lang", "en"]);
    assert!(
        en.contains("[wuhan.compute_voucher]: 2 eligible applicants without a fixed figure (amount to be set 2), in no sum"),
        "{en}"
    );
}

#[test]
fn count_limits_are_reported_never_cut() {
    // 洪山 9 "每年遴选不超过10个": 11 district-selected projects (one per applicant), each up to
    // 300,000: all 11 keep their figure; the summary says 11 projects for at most 10 places.
    let mut s = String::from("id,region,项目1·项目名称,项目1·经区级遴选入选或获区级支持\n");
    for i in 1..=11 {
        s.push_str(&format!("p{i},wuhan-hongshan,场景{i},是\n"));
    }
    let input = file("limits.csv", &s);
    let out = tmp("limits.jsonl");
    let (code, err) = bin(&["batch", &input, "-o", &out, "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("11 projects for at most 10 places"), "{err}");
    let lines: Vec<Value> = jsonl(&out);
    assert_eq!(lines.len(), 11);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["row"], i + 1);
        assert_eq!(l["id"], format!("p{}", i + 1));
        let a = entry(&l["awards"], "id", "hongshan.scenario");
        assert_eq!(a["amount"], "300000.00");
    }
}

#[test]
fn bad_rows_are_named_and_never_stop_the_batch() {
    let input = tmp("bad.jsonl");
    std::fs::write(
        &input,
        concat!(
            "{\"id\": \"a\", \"region\": \"wuhan-hongshan\", \"model_filing\": {\"models_filed\": 3}}\n",
            "{\"id\": \"b\", \"region\": \"moon\"}\n",
            "not json\n",
            "{\"id\": \"d\", \"region\": \"hangzhou\", \"compute\": {\"domestic_fees\": \"1.234\"}}\n",
            "{\"id\": \"e\", \"region\": \"shanghai\", \"other\": {\"shanghai\": {\"metaverse_investment\": \"10000000\"}}}\n",
        ),
    )
    .unwrap();
    let out = tmp("bad-out.csv");
    let (code, err) = bin(&["batch", &input, "-o", &out, "--lang", "en"]);
    assert_eq!(code, 3, "some rows failed");
    assert!(err.contains("row 2 (id b): region"), "{err}");
    assert!(err.contains("row 3 (id 3): (json)"), "{err}");
    assert!(
        err.contains("row 4 (id d): compute.domestic_fees: more than two decimal places"),
        "{err}"
    );
    // The errors follow --lang: Chinese by default.
    let (code, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(code, 3);
    assert!(
        err.contains("第2行(编号 b):region:未知地区,可选:hangzhou"),
        "{err}"
    );
    assert!(
        err.contains("第4行(编号 d):compute.domestic_fees:最多两位小数(精确到分)"),
        "{err}"
    );
    let rows = read_csv(&out);
    assert_eq!(rows.len(), 5, "every row written, in input order");
    // 洪山 6: 3 × 1,000,000 capped at 2,000,000; 上海 21: 10,000,000 × 30% = 3,000,000.
    assert_eq!(rows[0]["hongshan.model_filing.amount"], "2000000.00");
    assert_eq!(rows[4]["shanghai.metaverse.amount"], "3000000.00");
    assert!(rows[1]["errors"].contains("region"));
    // …and in Chinese beside them, for officials reading the sheet.
    assert!(
        rows[1]["errors_zh"].starts_with("region:未知地区,可选:hangzhou"),
        "{}",
        rows[1]["errors_zh"]
    );
    assert_eq!(
        rows[3]["errors_zh"],
        "compute.domestic_fees:最多两位小数(精确到分)"
    );
    assert_eq!(rows[0]["errors_zh"], "");
    assert_eq!(rows[3]["row"], "4");
    // As JSON Lines, a bad row's errors carry both languages, as `eval` gives them.
    let lines = tmp("bad-out.jsonl");
    let (code, _) = bin(&["batch", &input, "-o", &lines]);
    assert_eq!(code, 3);
    let line: Value = jsonl(&lines).swap_remove(3);
    assert_eq!(line["id"], "d");
    assert_eq!(line["errors"][0]["field"], "compute.domestic_fees");
    assert_eq!(line["errors"][0]["message"], "more than two decimal places");
    assert_eq!(line["errors"][0]["message_zh"], "最多两位小数(精确到分)");
}

#[test]
fn a_spreadsheet_in_and_a_spreadsheet_out() {
    // Chinese headers, a flag as 是, a number cell, a choice by its Chinese label.
    let input = tmp("in.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "编号",
        "地区",
        "计算日期",
        "中小企业",
        "国产算力合同费用",
        "上市地",
        "上市阶段",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "甲").unwrap();
    ws.write_string(1, 1, "wuhan-hongshan").unwrap();
    ws.write_string(1, 2, "2026-11-24").unwrap();
    ws.write_string(1, 3, "是").unwrap();
    ws.write_number(1, 4, 500000.0).unwrap();
    ws.write_string(1, 5, "上海证券交易所").unwrap();
    ws.write_string(1, 6, "tutoring").unwrap();
    wb.save(&input).unwrap();
    let out = tmp("out.xlsx");
    let (code, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(code, 0, "{err}");
    // Read back with calamine, not the writer.
    let range = sheet(&out);
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    o => o.to_string(),
                })
                .collect()
        })
        .collect();
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][col("id")], "甲");
    // 洪山 5: 500,000 × 20% = 100,000; 武汉 十: a listing stage → up to 8,000,000 over all stages.
    // Amounts are numbers in the sheet (an official's SUM adds them up), other cells text.
    let cell = |name: &str| range.get((1, col(name))).cloned().unwrap();
    assert_eq!(
        cell("hongshan.compute_subsidy.amount"),
        Data::Float(100000.0)
    );
    assert_eq!(
        cell("wuhan.listing_domestic.amount"),
        Data::Float(8000000.0)
    );
    assert_eq!(cell("total.draft_up_to"), Data::Float(8000000.0));
    assert_eq!(
        cell("hongshan.compute_subsidy.kind"),
        Data::String("up_to".into())
    );
    assert_eq!(cell("id"), Data::String("甲".into()));
}

#[test]
fn an_xlsx_amount_column_sums_to_the_cent() {
    // 洪山 5 "最高不超过20%": three SMEs with 333,333.33 / 100,000.05 / 0.05 of compute,
    // 20% each: 66,666.666 → 66,666.67; 20,000.01; 0.01. As numbers, their sum in the sheet is
    // 86,666.69 to the cent (66,666.67 + 20,000.01 + 0.01).
    let input = file(
        "sum.csv",
        "id,region,as_of,enterprise.sme,compute.domestic_fees\na,wuhan-hongshan,2026-06-30,是,333333.33\nb,wuhan-hongshan,2026-06-30,是,100000.05\nc,wuhan-hongshan,2026-06-30,是,0.05\n",
    );
    let out = tmp("sum.xlsx");
    let (code, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(code, 0, "{err}");
    let range = sheet(&out);
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    let col = head
        .iter()
        .position(|h| h == "hongshan.compute_subsidy.amount")
        .unwrap();
    let values: Vec<f64> = (1..=3)
        .map(|r| match range.get((r, col)) {
            Some(Data::Float(f)) => *f,
            other => panic!("row {r}: {other:?}"),
        })
        .collect();
    assert_eq!(values, [66666.67, 20000.01, 0.01]);
    let cents: i64 = values.iter().map(|v| (v * 100.0).round() as i64).sum();
    assert_eq!(cents, 8_666_669);
}

/// A sheet refused whole (`name` holding `text`): exit 2 with its Chinese words by default and its
/// English with `--lang en`, and no output written. Returns the Chinese message.
fn refused_whole(name: &str, text: &str, zh: &str, en: &str) -> String {
    let input = tmp(name);
    std::fs::write(&input, text).unwrap();
    let out = tmp(&format!("{name}-out.csv"));
    let _ = std::fs::remove_file(&out);
    let (code, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(code, 2);
    assert!(err.contains(zh), "{err}");
    // Nothing written: no table of a sheet read wrongly.
    assert!(!std::path::Path::new(&out).exists());
    let (code, en_err) = bin(&["batch", &input, "-o", &out, "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(en_err.contains(en), "{en_err}");
    err
}

#[test]
fn an_unknown_column_is_refused_before_any_row() {
    let err = refused_whole(
        "cols.csv",
        "region,colour\nwuhan,red\n",
        "cols.csv:不认识的列:colour",
        "cols.csv: unknown column(s): colour",
    );
    assert!(err.contains("subsidy-calc fields"), "{err}");
}

#[test]
fn an_empty_sheet_says_it_is_empty() {
    // No header row: nothing says what the columns are. Refused naming the file, in the asked
    // language, and no output left behind; a header with no rows is a sheet of no applications.
    refused_whole(
        "empty.csv",
        "",
        "empty.csv:文件是空的",
        "empty.csv: the file is empty",
    );
    let head_only = file("head-only.csv", "id,region,as_of\n");
    let (code, _) = bin(&["batch", &head_only, "-o", &tmp("head-only-out.csv")]);
    assert_eq!(code, 0);
}

#[test]
fn options_take_only_their_words() {
    // A language or pool mode the command does not know is a usage error naming the option, not
    // quietly Chinese or no pool.
    let input = file(
        "opts.csv",
        "region,compute.domestic_fees\nwuhan-hongshan,100\n",
    );
    let out = tmp("opts-out.csv");
    for (opt, word) in [("--lang", "fr"), ("--pool", "all")] {
        let (code, err) = bin(&["batch", &input, "-o", &out, opt, word]);
        assert_eq!(code, 64, "{opt} {word}");
        assert!(
            err.contains(&format!("invalid value '{word}' for '{opt}")),
            "{err}"
        );
        assert!(
            err.contains(&format!("用法错误:选项 {opt} "))
                && err.contains(&format!("的值“{word}”无效,可选:")),
            "{err}"
        );
    }
    // With --lang en, clap's English alone.
    let (code, err) = bin(&["batch", &input, "-o", &out, "--pool", "all", "--lang", "en"]);
    assert_eq!(code, 64);
    assert!(
        !err.contains("用法错误") && err.contains("invalid value 'all'"),
        "{err}"
    );
    let (code, err) = bin(&["batch", &input, "-o", &out, "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("rows"), "the summary in English: {err}");
}

#[test]
fn a_spreadsheet_number_is_checked_as_the_same_text_given_in_json() {
    use subsidy_batch::sheet::{application_of, columns_of};
    // A number cell is read straight from its text (no JSON string made for it): every accepted
    // value and every message must be what the JSON contract gives for the same text as a string.
    let heads = [
        "region",
        "compute.domestic_fees",
        "model_filing.models_filed",
        "listing.proceeds_invested_locally_percent",
    ]
    .map(String::from);
    let cols = columns_of(&heads).unwrap();
    let today = subsidy_calc::Date::parse("2026-11-24").unwrap();
    let texts = [
        "1e5",
        " 12 ",
        "1,000",
        "0012.50",
        "1.",
        ".5",
        "１２",
        "1000000000001",
        "-1",
        "1.5",
        "101",
        "100.001",
        "abc",
        "3",
        "50",
        "0",
        "99.99",
        "1000",
    ];
    for t in texts {
        let sheet = application_of(&cols, ["wuhan", t, t, t], today);
        let json = serde_json::json!({
            "region": "wuhan",
            "compute": { "domestic_fees": t },
            "model_filing": { "models_filed": t },
            "listing": { "proceeds_invested_locally_percent": t },
        });
        let contract = subsidy_calc::input::parse_value(&json, today);
        match (sheet, contract) {
            (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{t:?}"),
            // (The JSON object's fields are walked in key order, the sheet's in column order.)
            (Err(mut a), Err(mut b)) => {
                a.sort_by(|x, y| x.field.cmp(&y.field));
                b.sort_by(|x, y| x.field.cmp(&y.field));
                assert_eq!(a, b, "{t:?}")
            }
            (a, b) => panic!("{t:?}: spreadsheet {a:?}, JSON {b:?}"),
        }
    }
    // By hand: "3" models and 50 % are taken; 101 % is refused by its field's range.
    let ok = application_of(&cols, ["wuhan", "3", "3", "50"], today);
    assert!(ok.is_ok());
    let refused = application_of(&cols, ["wuhan", "3", "3", "101"], today).unwrap_err();
    assert_eq!(
        refused[0].field,
        "listing.proceeds_invested_locally_percent"
    );
    assert_eq!(refused[0].message, "a percentage must be between 0 and 100");
}

#[test]
fn a_refused_json_line_keeps_its_own_id() {
    // A key given twice is refused (never "the last one wins"), and the row is still found by its
    // own id in the output and on stderr, not by its line number.
    let input = file(
        "dup.jsonl",
        "{\"id\": \"甲公司\", \"region\": \"wuhan-hongshan\", \"region\": \"hangzhou\"}\n{\"id\": \"乙公司\", \"region\": \"hangzhou\"}\n",
    );
    let out = tmp("dup-out.jsonl");
    let (code, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("第1行(编号 甲公司):region"), "{err}");
    let first: Value = jsonl(&out).swap_remove(0);
    assert_eq!(first["id"], "甲公司");
    assert_eq!(first["row"], 1);
}

#[test]
fn each_row_has_its_code_and_a_given_code_is_checked() {
    // The code of a row is the code `eval` gives the same application; a `code` column (or 核验码)
    // is checked row by row in a 核验 column.
    let app = r#"{"region":"wuhan-hongshan","as_of":"2026-06-30","enterprise":{"sme":true},"compute":{"domestic_fees":"1000000"}}"#;
    let eval = Command::new(env!("CARGO_BIN_EXE_subsidy-calc"))
        .args(["eval", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(app.as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    let v: Value = serde_json::from_slice(&eval.stdout).unwrap();
    let code = v["code"].as_str().unwrap().to_string();
    let input = tmp("codes.csv");
    std::fs::write(
        &input,
        format!(
            "id,region,as_of,中小企业,国产算力合同费用,核验码\n\
             a,wuhan-hongshan,2026-06-30,是,1000000,{code}\n\
             b,wuhan-hongshan,2026-06-30,是,1000001,{code}\n\
             c,wuhan-hongshan,2026-06-30,是,1000000,\n"
        ),
    )
    .unwrap();
    let out = tmp("codes-out.csv");
    let (status, err) = bin(&["batch", &input, "-o", &out]);
    assert_eq!(status, 0, "{err}");
    let rows = read_csv(&out);
    assert_eq!(rows[0]["code"], code);
    assert_eq!(rows[0]["核验"], "一致");
    assert!(rows[1]["核验"].starts_with("不一致"), "{:?}", rows[1]);
    assert_ne!(rows[1]["code"], code);
    assert_eq!(rows[2]["核验"], "");
    // Pro rata scales what is written, not the code (it is eval's): 17 rows over the pool keep
    // the code of their application.
    let input = tmp("codes-pool.csv");
    std::fs::write(&input, hongshan_csv(17, "1000000")).unwrap();
    let (status, _) = bin(&["batch", &input, "-o", &out, "--pool", "prorata"]);
    assert_eq!(status, 0);
    let rows = read_csv(&out);
    assert!(
        !rows[0].contains_key("核验"),
        "no code column given, no 核验 column"
    );
    let first = Command::new(env!("CARGO_BIN_EXE_subsidy-calc"))
        .args(["eval", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(
                br#"{"region":"wuhan-hongshan","as_of":"2026-11-24","enterprise":{"sme":true},"compute":{"domestic_fees":"1000000"}}"#,
            )?;
            c.wait_with_output()
        })
        .unwrap();
    let v: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(rows[0]["hongshan.compute_subsidy.amount"], "176470.59");
    assert_eq!(rows[0]["code"], v["code"].as_str().unwrap());
}
