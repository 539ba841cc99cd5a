//! Reforms on the command line (the contract's "A reform", issue 24): `params`, `eval`, `explain`,
//! `plan`, `verify` and `batch` with `--reform`; every figure worked by hand from the quoted clause.
use calamine::{Data, Reader, open_workbook_auto};
use serde_json::{Value, json};
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Exit code, standard output, standard error.
fn bin(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_subsidy-calc"))
        .current_dir(ROOT)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("subsidy-reform-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
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

/// One reform of every kind but pools and caps: 洪山 5 at 25% and for five years, 洪山 6 at
/// 800,000 a model, 杭州 一(三) 算力券 switched off, the Wuhan draft to 2030-12-31.
const REFORM_A: &str = r#"{ "reform": 1, "name": "测算A", "changes": [
  { "rule": "hongshan.compute_subsidy", "set": "rate", "value": "0.25" },
  { "rule": "hongshan.model_filing", "set": "per_unit", "value": "800000" },
  { "rule": "hangzhou.compute_voucher", "set": "enabled", "value": false },
  { "rule": "hongshan.compute_subsidy", "set": "threshold.compute.years_subsidized_before", "value": "5" },
  { "document": "wuhan", "set": "valid_to", "value": "2030-12-31" } ] }"#;

/// The rows of [`REFORM_A`]'s batch, each worked by hand (today → the reform):
/// r1 洪山 SME, 400,000 domestic compute: 400,000 × 20% = 80,000 → × 25% = 100,000;
/// r2 洪山 SME, 2,000,000: 400,000 capped at 200,000 → 500,000 capped at 200,000 (unchanged);
/// r3 洪山, one filed model: 1,000,000 → 800,000;
/// r4 杭州, 1,000,000 domestic: 30% = 300,000 → switched off (not eligible);
/// r5 洪山 SME, 400,000, subsidised three years before: not eligible (“补助期限不超过三年”) → 100,000;
/// r6 武汉 on 2028-06-01, a first 小巨人: expired (to 2027-12-31) → 500,000.
const ROWS_A: &str = "id,region,as_of,enterprise.sme,compute.domestic_fees,compute.years_subsidized_before,model_filing.models_filed,enterprise.first_recognitions
r1,wuhan-hongshan,2026-11-24,是,400000,,,
r2,wuhan-hongshan,2026-11-24,是,2000000,,,
r3,wuhan-hongshan,2026-11-24,否,,,1,
r4,hangzhou,2026-11-24,,1000000,,,
r5,wuhan-hongshan,2026-11-24,是,400000,3,,
r6,wuhan,2028-06-01,,,,,little_giant
";

#[test]
fn a_batch_under_a_reform_has_both_figures_and_the_differences() {
    let reform = tmp("a.json", REFORM_A);
    let input = tmp("a.csv", ROWS_A);
    let out = tmp("a-out.csv", "");
    let summary = tmp("a-summary.json", "");
    let (code, _, err) = bin(&[
        "batch",
        &input,
        "-o",
        &out,
        "--reform",
        &reform,
        "--summary",
        &summary,
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = read_csv(&out);
    let cell = |i: usize, c: &str| rows[i][c].as_str();
    let (amount, base) = (
        "hongshan.compute_subsidy.amount",
        "hongshan.compute_subsidy.baseline_amount",
    );
    assert_eq!((cell(0, amount), cell(0, base)), ("100000.00", "80000.00"));
    assert_eq!((cell(1, amount), cell(1, base)), ("200000.00", "200000.00"));
    assert_eq!(
        (
            cell(2, "hongshan.model_filing.amount"),
            cell(2, "hongshan.model_filing.baseline_amount")
        ),
        ("800000.00", "1000000.00")
    );
    assert_eq!(cell(3, "hangzhou.compute_voucher.kind"), "not_eligible");
    assert_eq!(cell(3, "hangzhou.compute_voucher.amount"), "");
    assert_eq!(
        cell(3, "hangzhou.compute_voucher.baseline_amount"),
        "300000.00"
    );
    assert_eq!((cell(4, amount), cell(4, base)), ("100000.00", ""));
    assert_eq!(cell(5, "wuhan.little_giant.amount"), "500000.00");
    assert_eq!(cell(5, "wuhan.little_giant.baseline_amount"), "");
    // Totals: 80,000 → 100,000; 200,000 → 200,000; 1,000,000 → 800,000; 300,000 → 0; 0 → 100,000;
    // 0 → 500,000.
    let totals: Vec<(&str, &str)> = (0..6)
        .map(|i| (cell(i, "total.up_to"), cell(i, "total.baseline_up_to")))
        .collect();
    assert_eq!(
        totals,
        [
            ("100000.00", "80000.00"),
            ("200000.00", "200000.00"),
            ("800000.00", "1000000.00"),
            ("0.00", "300000.00"),
            ("100000.00", "0.00"),
            ("500000.00", "0.00")
        ]
    );
    assert!(
        rows.iter()
            .all(|r| r["测算方案"] == "测算方案“测算A”,非现行政策")
    );
    // The summary: per clause both sums, the difference and the rows each way (a row counts for
    // every clause its region lists: r1, r2, r3, r5 are 洪山's; r6 is Wuhan's, whose clauses 洪山
    // rows list too).
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let r = &s["reform"];
    assert_eq!(r["name"], "测算A");
    let rule = |id: &str| &r["rules"][id];
    // 洪山 5: 80,000 + 200,000 = 280,000 → 100,000 + 200,000 + 100,000 = 400,000; r1, r5 gain;
    // r2, r3 unchanged.
    assert_eq!(
        rule("hongshan.compute_subsidy"),
        &json!({ "baseline": "280000.00", "reform": "400000.00", "delta": "120000.00",
                 "gainers": 2, "losers": 0, "unchanged": 2 })
    );
    assert_eq!(
        rule("hongshan.model_filing"),
        &json!({ "baseline": "1000000.00", "reform": "800000.00", "delta": "-200000.00",
                 "gainers": 0, "losers": 1, "unchanged": 3 })
    );
    assert_eq!(
        rule("hangzhou.compute_voucher"),
        &json!({ "baseline": "300000.00", "reform": "0.00", "delta": "-300000.00",
                 "gainers": 0, "losers": 1, "unchanged": 0 })
    );
    assert_eq!(
        rule("wuhan.little_giant"),
        &json!({ "baseline": "0.00", "reform": "500000.00", "delta": "500000.00",
                 "gainers": 1, "losers": 0, "unchanged": 4 })
    );
    // Totals: 1,580,000 → 1,700,000; r1, r5, r6 gain, r3, r4 lose, r2 unchanged.
    assert_eq!(
        r["total"],
        json!({ "baseline": "1580000.00", "reform": "1700000.00", "delta": "120000.00",
                "gainers": 3, "losers": 2, "unchanged": 1 })
    );
    assert_eq!(r["largest"][0]["id"], "r6");
    assert_eq!(r["largest"][0]["delta"], "500000.00");
    // The text says the same, each clause by its title (a draft's marked), amounts in 元.
    assert!(
        err.contains(
            "中小企业算力补贴 [hongshan.compute_subsidy]:280,000元 → 400,000元,+120,000元;2 / 0 / 2"
        ),
        "{err}"
    );
    assert!(
        err.contains("(征求意见稿) [wuhan.little_giant]:0元 → 500,000元,+500,000元;1 / 0 / 4"),
        "{err}"
    );
    assert!(
        err.contains("合计(最高可得):1,580,000元 → 1,700,000元,+120,000元;3 / 2 / 1"),
        "{err}"
    );
}

#[test]
fn a_pool_with_prorata_is_scaled_on_both_sides_to_the_cent() {
    // 洪山 5: 17 SMEs, 2,000,000 of domestic compute each.
    // Today: 2,000,000 × 20% = 400,000, capped at 200,000; 17 × 200,000 = 3,400,000 of a
    // 3,000,000 pool: 3,000,000 / 17 = 176,470.588…: 17,647,058 fen each floored (299,999,986),
    // the 14 fen left to the first 14 rows (equal remainders): 14 × 176,470.59 + 3 × 176,470.58.
    // The reform: the cap 300,000, the pool 1,000,000: 17 × 300,000 = 5,100,000 asked;
    // 1,000,000 / 17 = 58,823.529…: 5,882,352 fen each (99,999,984), the 16 fen left to the first
    // 16 rows: 16 × 58,823.53 + 58,823.52 = 1,000,000.00.
    let reform = tmp(
        "pool.json",
        r#"{ "reform": 1, "name": "压缩资金池", "changes": [
          { "rule": "hongshan.compute_subsidy", "set": "cap", "value": "300000" },
          { "rule": "hongshan.compute_subsidy", "set": "pool", "value": "1000000" } ] }"#,
    );
    let mut csv = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for i in 1..=17 {
        csv.push_str(&format!("企业{i},wuhan-hongshan,2026-11-24,是,2000000\n"));
    }
    let input = tmp("pool.csv", &csv);
    let out = tmp("pool-out.csv", "");
    let summary = tmp("pool-summary.json", "");
    let (code, _, err) = bin(&[
        "batch",
        &input,
        "-o",
        &out,
        "--reform",
        &reform,
        "--pool",
        "prorata",
        "--summary",
        &summary,
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = read_csv(&out);
    let col = |c: &str| rows.iter().map(|r| r[c].clone()).collect::<Vec<_>>();
    let reform_side = col("hongshan.compute_subsidy.amount");
    let base_side = col("hongshan.compute_subsidy.baseline_amount");
    assert_eq!(reform_side[..16], vec!["58823.53".to_string(); 16][..]);
    assert_eq!(reform_side[16], "58823.52");
    assert_eq!(base_side[..14], vec!["176470.59".to_string(); 14][..]);
    assert_eq!(base_side[14..], vec!["176470.58".to_string(); 3][..]);
    assert_eq!(rows[0]["total.baseline_up_to"], "176470.59");
    assert_eq!(rows[16]["total.up_to"], "58823.52");
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(
        s["reform"]["rules"]["hongshan.compute_subsidy"],
        json!({ "baseline": "3000000.00", "reform": "1000000.00", "delta": "-2000000.00",
                "gainers": 0, "losers": 17, "unchanged": 0 })
    );
    // The pools both ways: the reform's asked 5,100,000 of 1,000,000; today's 3,400,000 of 3,000,000.
    let pool = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|p| p["rule"] == "hongshan.compute_subsidy")
            .cloned()
            .unwrap()
    };
    let (now, then) = (pool(&s["pools"]), pool(&s["reform"]["baseline_pools"]));
    assert_eq!(
        (now["pool"].as_str(), now["demand"].as_str()),
        (Some("1000000.00"), Some("5100000.00"))
    );
    assert_eq!(
        (then["pool"].as_str(), then["demand"].as_str()),
        (Some("3000000.00"), Some("3400000.00"))
    );
    assert!(
        now["note_zh"]
            .as_str()
            .unwrap()
            .contains("测算方案:1,000,000元,原文3,000,000元")
    );
}

#[test]
fn a_spreadsheet_and_json_lines_under_a_reform() {
    let reform = tmp("x.json", REFORM_A);
    let input = tmp("x.csv", ROWS_A);
    let out = std::env::temp_dir()
        .join(format!("subsidy-reform-{}", std::process::id()))
        .join("x-out.xlsx");
    let out = out.to_string_lossy().into_owned();
    let (code, _, err) = bin(&["batch", &input, "-o", &out, "--reform", &reform]);
    assert_eq!(code, 0, "{err}");
    let mut wb = open_workbook_auto(&out).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    // Amounts are numbers in the sheet (two decimals at most).
                    Data::Float(f) => format!("{f:.2}"),
                    x => x.to_string(),
                })
                .collect()
        })
        .collect();
    let at = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert!(matches!(
        sheet.get((1, at("hongshan.compute_subsidy.baseline_amount"))),
        Some(Data::Float(_))
    ));
    assert_eq!(rows[1][at("hongshan.compute_subsidy.amount")], "100000.00");
    assert_eq!(
        rows[1][at("hongshan.compute_subsidy.baseline_amount")],
        "80000.00"
    );
    assert_eq!(
        rows[4][at("hangzhou.compute_voucher.baseline_amount")],
        "300000.00"
    );
    assert_eq!(rows[6][at("total.baseline_up_to")], "0.00");
    assert_eq!(rows[6][at("测算方案")], "测算方案“测算A”,非现行政策");
    // JSON Lines: each row the result under the reform, with `reform` and `baseline`.
    let out = tmp("x-out.jsonl", "");
    let (code, _, err) = bin(&["batch", &input, "-o", &out, "--reform", &reform]);
    assert_eq!(code, 0, "{err}");
    let first: Value = serde_json::from_str(
        std::fs::read_to_string(&out)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["id"], "r1");
    assert_eq!(first["reform"]["name"], "测算A");
    assert_eq!(
        first["baseline"]["awards"]["hongshan.compute_subsidy"]["amount"],
        "80000.00"
    );
    assert!(
        first["notes_zh"][0]
            .as_str()
            .unwrap()
            .contains("不是现行政策")
    );
}

#[test]
fn eval_explain_and_verify_under_a_reform() {
    let reform = tmp("e.json", REFORM_A);
    let app = tmp(
        "e-app.json",
        r#"{"schema":2,"as_of":"2026-11-24","region":"wuhan-hongshan","enterprise":{"sme":true},"compute":{"domestic_fees":"400000"}}"#,
    );
    let (code, out, err) = bin(&["eval", &app, "--reform", &reform]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let award = v["awards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "hongshan.compute_subsidy")
        .unwrap();
    assert_eq!(award["amount"], "100000.00");
    assert!(award["steps_zh"].as_array().unwrap().iter().any(|s| {
        s.as_str()
            .unwrap()
            .contains("按测算方案“测算A”25%(原文20%)")
    }));
    assert_eq!(
        v["baseline"]["awards"]["hongshan.compute_subsidy"]["amount"],
        "80000.00"
    );
    assert_eq!(v["reform"]["changes"].as_array().unwrap().len(), 5);
    // Figures only, too.
    let (code, out, _) = bin(&["eval", &app, "--reform", &reform, "--detail", "figures"]);
    assert_eq!(code, 0);
    let f: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(f["total"], v["total"]);
    assert_eq!(f["baseline"]["total"], v["baseline"]["total"]);
    // explain says it is a 测算方案 first, and what changes.
    let (code, out, _) = bin(&["explain", &app, "--reform", &reform]);
    assert_eq!(code, 0);
    assert!(out.starts_with("====="), "{out}");
    assert!(
        out.contains("测算方案(非现行政策):“测算A”,共5项调整"),
        "{out}"
    );
    assert!(
        out.contains("中小企业算力补贴: 80,000元 → 100,000元 (+20,000元)"),
        "{out}"
    );
    let (_, en, _) = bin(&["explain", &app, "--reform", &reform, "--lang", "en"]);
    assert!(en.contains("REFORM (not the policy): \"测算A\""), "{en}");
    // Its code checks with the reform, and not without it.
    let code_now = v["code"].as_str().unwrap();
    let (c, out, _) = bin(&["verify", &app, code_now, "--reform", &reform]);
    assert_eq!(c, 0, "{out}");
    let (c, out, _) = bin(&["verify", &app, code_now]);
    assert_eq!(c, 1);
    // …and says how it might check (a reform's code is no version this calculator lists).
    assert!(
        out.contains("若该核验码是在测算方案下生成的,请用 --reform 指定同一测算方案核验。"),
        "{out}"
    );
    let base_code = v["baseline"]["code"].as_str().unwrap();
    let (c, _, _) = bin(&["verify", &app, base_code]);
    assert_eq!(c, 0);
    // Today's code checked with a reform: said as the published rules' code, not another version
    // (it said "本计算器未收录该版本" of today's version: an independent audit).
    let (c, out, _) = bin(&["verify", &app, base_code, "--reform", &reform]);
    assert_eq!(c, 1);
    assert!(out.contains("是按现行规则 2026."), "{out}");
    assert!(
        out.contains("生成的,未采用测算方案;请不带 --reform 核验。"),
        "{out}"
    );
}

#[test]
fn a_reform_in_toml_and_a_plan_under_it() {
    // The same keys in TOML.
    let reform = tmp(
        "t.toml",
        "reform = 1\nname = \"TOML方案\"\n[[changes]]\nrule = \"hongshan.compute_subsidy\"\nset = \"rate\"\nvalue = \"0.25\"\n",
    );
    // Two years of 400,000 domestic compute in 洪山: 80,000 a year today → 100,000 a year.
    let plan = tmp(
        "t-plan.json",
        r#"{"schema":2,"region":"wuhan-hongshan","years":[
          {"as_of":"2026-03-01","enterprise":{"sme":true},"compute":{"domestic_fees":"400000"}},
          {"as_of":"2027-03-01","compute":{"domestic_fees":"400000"}}]}"#,
    );
    let (code, out, err) = bin(&["plan", &plan, "--reform", &reform]);
    assert_eq!(code, 0, "{err}{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"]["up_to"], "200000.00");
    assert_eq!(v["baseline"]["total"]["up_to"], "160000.00");
    assert_eq!(v["baseline"]["years"][1]["total"]["up_to"], "80000.00");
    assert_eq!(v["reform"]["name"], "TOML方案");
    assert!(
        v["years"][1]["notes_zh"][0]
            .as_str()
            .unwrap()
            .contains("测算方案“TOML方案”")
    );
    // explain says the reform's changes and compares each year and the plan with today's rules
    // (it said neither: an independent audit).
    let (code, out, err) = bin(&["explain", &plan, "--reform", &reform]);
    assert_eq!(code, 0, "{err}{out}");
    assert!(
        out.contains("测算方案(非现行政策):“TOML方案”,共1项调整"),
        "{out}"
    );
    assert!(
        out.contains("· hongshan.compute_subsidy rate = 0.25"),
        "{out}"
    );
    assert!(out.contains("测算方案与现行政策对比(最高可得):"), "{out}");
    assert!(
        out.contains("2026-03-01: 80,000元 → 100,000元 (+20,000元)"),
        "{out}"
    );
    assert!(
        out.contains("2027-03-01: 80,000元 → 100,000元 (+20,000元)"),
        "{out}"
    );
    assert!(
        out.contains("规划合计: 160,000元 → 200,000元 (+40,000元)"),
        "{out}"
    );
    let (_, en, _) = bin(&["explain", &plan, "--reform", &reform, "--lang", "en"]);
    assert!(
        en.contains("The plan, in all: 160,000 → 200,000 (+40,000)"),
        "{en}"
    );
}

#[test]
fn a_bad_reform_evaluates_nothing_and_names_each_change() {
    let reform = tmp(
        "bad.json",
        r#"{ "reform": 1, "name": "坏方案", "changes": [
          { "rule": "hongshan.model_filing", "set": "rate", "value": "0.25" },
          { "rule": "hongshan.compute_subsidy", "set": "pool", "value": "-5" } ] }"#,
    );
    let app = tmp("bad-app.json", r#"{"schema":2,"region":"wuhan-hongshan"}"#);
    let (code, out, _) = bin(&["eval", &app, "--reform", &reform]);
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&out).unwrap();
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{out}");
    assert_eq!(errors[0]["field"], "changes[0].set");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("hongshan.model_filing has no rate; it has cap")
    );
    assert!(
        errors[0]["message_zh"]
            .as_str()
            .unwrap()
            .contains("没有可调整的 rate")
    );
    assert_eq!(errors[1]["field"], "changes[1].value");
    // A batch with a bad reform writes nothing.
    let input = tmp("bad.csv", ROWS_A);
    let out_path = std::env::temp_dir()
        .join(format!("subsidy-reform-{}", std::process::id()))
        .join("never.csv");
    let (code, _, _) = bin(&[
        "batch",
        &input,
        "-o",
        &out_path.to_string_lossy(),
        "--reform",
        &reform,
    ]);
    assert_eq!(code, 2);
    assert!(!out_path.exists());
    // A reform that is not JSON at all.
    let broken = tmp("broken.json", "{ \"reform\": 1, ");
    let (code, out, _) = bin(&["eval", &app, "--reform", &broken]);
    assert_eq!(code, 2);
    assert!(out.contains("(reform)"), "{out}");
}

#[test]
fn params_lists_every_name_with_its_value_and_quote() {
    let (code, out, _) = bin(&["params", "hongshan.compute_subsidy"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("《洪山区支持人工智能产业高质量发展若干措施》〔5〕中小企业算力补贴"),
        "{out}"
    );
    assert!(out.contains("最高不超过20%的补贴"), "{out}");
    for line in [
        "rate  ",
        "= 0.2",
        "cap.per_enterprise_per_year",
        "= 200000",
        "pool",
        "= 3000000",
        "threshold.compute.years_subsidized_before",
        "enabled",
    ] {
        assert!(out.contains(line), "{line}: {out}");
    }
    let (code, out, _) = bin(&["params", "wuhan", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[1]["name"], "valid_to");
    assert_eq!(v[1]["value"], "2027-12-31");
    let (code, out, _) = bin(&["params", "hongshan.nope"]);
    assert_eq!(code, 2);
    assert!(out.contains("unknown rule or document hongshan.nope"));
    // All of them.
    let (code, out, _) = bin(&["params", "--format", "json"]);
    assert_eq!(code, 0);
    let all: Value = serde_json::from_str(&out).unwrap();
    // 74 clauses, each at least `enabled`, and 7 documents × 2 dates: 298 today.
    assert!(all.as_array().unwrap().len() > 250);
}

#[test]
fn the_readmes_worked_example() {
    // README "Costing a policy change": 1,500,000 + 300,000 of compute × 20% = 360,000, capped at
    // 200,000 today; × 25% = 450,000, capped at 300,000 under the reform.
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let start = readme
        .find("{ \"reform\": 1, \"name\": \"洪山算力补贴提标\"")
        .unwrap();
    let end = start + readme[start..].find("```").unwrap();
    let reform = tmp("readme.json", &readme[start..end]);
    let app = tmp(
        "readme-app.json",
        r#"{"schema":2,"as_of":"2026-11-24","region":"wuhan-hongshan","enterprise":{"sme":true},"compute":{"domestic_fees":"1500000","other_fees":"300000"}}"#,
    );
    let (code, out, err) = bin(&["explain", &app, "--reform", &reform]);
    assert_eq!(code, 0, "{err}");
    let said = "中小企业算力补贴: 200,000元 → 300,000元 (+100,000元)";
    assert!(out.contains(said) && readme.contains(said), "{out}");
}
