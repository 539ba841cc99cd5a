//! The `subsidy-calc` binary: eval, explain, rules, and bad input.
use std::io::Write;
use std::process::{Command, Stdio};

/// The repository (the command line runs from there: the examples and docs are read by path).
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run(args: &[&str], stdin: &str) -> (i32, String) {
    let (code, out, _) = run_all(args, stdin);
    (code, out)
}

/// The exit code, standard output and standard error.
fn run_all(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_subsidy-calc"))
        .current_dir(ROOT)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary may stop reading an oversized input early: a broken pipe here is expected.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// One award of a result printed as JSON, by its id.
fn award<'v>(v: &'v serde_json::Value, id: &str) -> &'v serde_json::Value {
    v["awards"]
        .as_array()
        .and_then(|l| l.iter().find(|a| a["id"] == id))
        .unwrap_or_else(|| panic!("no award {id}"))
}

const APP: &str = r#"{"schema":1,"as_of":"2026-11-24","region":"wuhan-hongshan","model_filing":{"models_filed":3}}"#;

#[test]
fn eval_prints_the_result_json() {
    let (code, out) = run(&["eval", "-"], APP);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a = award(&v, "hongshan.model_filing");
    // 3 models × 1,000,000 = 3,000,000, capped at 2,000,000 per enterprise per year.
    assert_eq!(a["amount"], "2000000.00");
    assert_eq!(a["uncapped"], "3000000.00");
    assert_eq!(a["binding_cap"], "per enterprise per year: 2000000");
    assert_eq!(a["source"]["clause"], "6");
    // Hongshan's text gives no dates: "dates_not_given", never "in_force" (2026-11-25).
    assert_eq!(a["source"]["status"], "dates_not_given");
    assert_eq!(a["in_totals"], true);
    // A schema-1 application is still read; the result is schema 2 with the draft share.
    assert_eq!(v["schema"], 2);
    assert_eq!(v["total"]["exact"], "2000000.00");
    assert_eq!(v["total"]["draft_exact"], "0.00");
}

#[test]
fn eval_figures_only_has_the_figures_and_no_text() {
    let (code, out) = run(&["eval", "-", "--detail", "figures"], APP);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["detail"], "figures");
    let a = award(&v, "hongshan.model_filing");
    // The same figures as the full result: 3 × 1,000,000 = 3,000,000 capped at 2,000,000.
    assert_eq!(a["amount"], "2000000.00");
    assert_eq!(a["uncapped"], "3000000.00");
    assert_eq!(a["kind"], "exact");
    assert_eq!(v["total"]["exact"], "2000000.00");
    for key in ["steps", "source", "title_zh", "reason", "notes", "checks"] {
        assert!(!out.contains(&format!("\"{key}\"")), "{key} in {out}");
    }
    // Only full or figures, and only for eval.
    assert_eq!(run(&["eval", "-", "--detail", "some"], APP).0, 64);
    assert_eq!(run(&["explain", "-", "--detail", "figures"], APP).0, 64);
}

#[test]
fn eval_writes_the_words_in_the_language_asked_for() {
    let (_, both) = run(&["eval", "-"], APP);
    let (code, zh) = run(&["eval", "-", "--lang", "zh"], APP);
    assert_eq!(code, 0, "{zh}");
    let (both, zh): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&both).unwrap(),
        serde_json::from_str(&zh).unwrap(),
    );
    let (b, z) = (
        award(&both, "hongshan.model_filing"),
        award(&zh, "hongshan.model_filing"),
    );
    // 3 × 1,000,000 capped at 2,000,000: the same figure, the Chinese words only.
    assert_eq!(z["amount"], "2000000.00");
    assert_eq!(z["steps_zh"], b["steps_zh"]);
    assert_eq!(z["binding_cap_zh"], b["binding_cap_zh"]);
    assert!(z.get("steps").is_none() && z.get("binding_cap").is_none());
    assert!(zh.get("notes").is_none() && zh["notes_zh"] == both["notes_zh"]);
    assert_eq!(run(&["eval", "-", "--lang", "fr"], APP).0, 64);
    // `explain` writes one language: "both" is refused.
    assert_eq!(run(&["explain", "-", "--lang", "both"], APP).0, 64);
}

#[test]
fn eval_reads_a_file() {
    let path = std::env::temp_dir().join(format!("subsidy-calc-test-{}.json", std::process::id()));
    std::fs::write(&path, APP).unwrap();
    let (code, out) = run(&["eval", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(code, 0);
    assert!(out.contains("\"hongshan.model_filing\""));
}

#[test]
fn explain_in_chinese_and_english() {
    let (code, out) = run(&["explain", "-"], APP);
    assert_eq!(code, 0);
    assert!(
        out.contains("生成式人工智能模型备案奖励") && out.contains("2,000,000元"),
        "{out}"
    );
    assert!(out.contains("按每个模型100万元给予企业支持"));
    let (code, out) = run(&["explain", "-", "--lang", "en"], APP);
    assert_eq!(code, 0);
    assert!(
        out.contains("Award per filed generative-AI model")
            && out.contains("capped (per enterprise per year: 2,000,000)"),
        "{out}"
    );
}

#[test]
fn rules_lists_the_catalogue() {
    let (code, out) = run(&["rules"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "wuhan.listing_overseas")
        .unwrap();
    assert_eq!(r["kind"], "exact");
    assert_eq!(r["status"], "draft");
    assert_eq!(r["clause"], "十");
    assert_eq!(r["family"], "listing");
}

#[test]
fn bad_input_exits_non_zero_with_the_fields() {
    let (code, out) = run(
        &["eval", "-"],
        r#"{"region":"wuhan","compute":{"domestic_fees":"-5"},"listing":{"venue":"x"}}"#,
    );
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["compute.domestic_fees", "listing.venue"]);
    let (code, out) = run(&["eval", "-"], "not json");
    assert_eq!(code, 2);
    assert!(out.contains("(json)"));
    let (code, _) = run(&["eval", "/no/such/file.json"], "");
    assert_eq!(code, 2);
    let (code, _) = run(&["frobnicate"], "");
    assert_eq!(code, 64);
}

#[test]
fn input_field_docs_are_current() {
    // docs/INPUT_FIELDS.md is `subsidy-calc fields` plus a header; regenerate it when fields change.
    let (code, out) = run(&["fields"], "");
    assert_eq!(code, 0);
    let doc = std::fs::read_to_string(format!("{ROOT}/docs/INPUT_FIELDS.md")).unwrap();
    assert!(
        doc.ends_with(&out),
        "docs/INPUT_FIELDS.md is stale: run `subsidy-calc fields`"
    );
}

#[test]
fn example_applications_evaluate() {
    for f in ["hangzhou", "wuhan-hongshan"] {
        let path = format!("{}/examples/applications/{f}.json", ROOT);
        let (code, out) = run(&["eval", &path], "");
        assert_eq!(code, 0, "{f}: {out}");
    }
    // hangzhou.json: voucher 300,000 + 600,000 + 100,000 = 1,000,000; filing 320,000.50;
    // manufacturing demo up to 5,000,000 → up to 6,320,000.50 in all.
    let (_, out) = run(
        &[
            "eval",
            &format!("{ROOT}/examples/applications/hangzhou.json"),
        ],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"]["up_to"], "6320000.50");
}

/// The hostile inputs the 2026-11-25 audit found (fuzzing and a table of inputs through `eval`):
/// each gives exit 2 and names the field, or is read correctly; never a silent wrong figure.
#[test]
fn hostile_inputs_are_named_never_silently_misread() {
    let field_of = |input: &str| -> (i32, Vec<(String, String)>) {
        let (code, out) = run(&["eval", "-"], input);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        let errs = v["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        (
                            e["field"].as_str().unwrap_or("").to_string(),
                            e["message"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        (code, errs)
    };
    let one = |input: &str, field: &str, says: &str| {
        let (code, errs) = field_of(input);
        assert_eq!(code, 2, "{input}");
        assert_eq!(errs.len(), 1, "{input}: {errs:?}");
        assert_eq!(errs[0].0, field, "{input}");
        assert!(errs[0].1.contains(says), "{input}: {}", errs[0].1);
    };
    // A 19-digit mantissa with a huge exponent was read as 0 (not eligible, exit 0) in release and
    // panicked in debug; ~0 with a huge negative exponent was "out of range".
    one(
        r#"{"region":"hangzhou","compute":{"domestic_fees":1234567890123456789e9223372036854775807}}"#,
        "compute.domestic_fees",
        "absurdly large",
    );
    one(
        r#"{"region":"hangzhou","compute":{"domestic_fees":1.5e-9223372036854775808}}"#,
        "compute.domestic_fees",
        "two decimal",
    );
    // More than two decimals in a JSON number was accepted (read through a float as 1000000).
    one(
        r#"{"region":"hangzhou","compute":{"domestic_fees":1000000.00000000001}}"#,
        "compute.domestic_fees",
        "two decimal",
    );
    // A key given twice: refused, naming the key (the last used to win).
    one(
        r#"{"region":"hangzhou","region":"shanghai"}"#,
        "region",
        "twice",
    );
    one(
        r#"{"region":"hangzhou","compute":{"domestic_fees":"1","domestic_fees":"2"}}"#,
        "compute.domestic_fees",
        "twice",
    );
    // A dotted top-level key was an alias of the nested field, and won over it.
    one(
        r#"{"region":"shanghai","other":{"shanghai":{"ai_key_tech_investment":"1"}},"other.shanghai.ai_key_tech_investment":"100000000"}"#,
        "other.shanghai.ai_key_tech_investment",
        "one level",
    );
    // Minus signs: a negative amount is refused in every spelling; `-0` is zero in every spelling
    // (catalogue, 2026-12-04), read as no amount at all.
    for v in ["-1", "-0.01", "\"-1\"", "\"-0.5\""] {
        one(
            &format!(r#"{{"region":"wuhan","compute":{{"domestic_fees":{v}}}}}"#),
            "compute.domestic_fees",
            "negative",
        );
    }
    for v in ["-0", "-0.0", "\"-0\"", "\"-0.00\"", "-0e5"] {
        let (code, out) = run(
            &["eval", "-", "--detail", "figures"],
            &format!(r#"{{"region":"wuhan","compute":{{"domestic_fees":{v}}}}}"#),
        );
        assert_eq!(code, 0, "{v}: {out}");
        assert!(out.contains("\"up_to\": \"0.00\""), "{v}: {out}");
    }
    // A byte-order mark (what Windows tools write) is skipped: 1 model in Hongshan = 1,000,000.
    let (code, out) = run(
        &["eval", "-"],
        "\u{feff}{\"region\":\"wuhan-hongshan\",\"model_filing\":{\"models_filed\":1}}",
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"1000000.00\""));
    // 1,000,000 unknown keys (12 MB): refused at once by size, naming the limit.
    let mut big = String::from("{\"region\":\"wuhan\"");
    for i in 0..1_000_000 {
        big.push_str(&format!(",\"k{i}\":1"));
    }
    big.push('}');
    let started = std::time::Instant::now();
    let (code, errs) = field_of(&big);
    assert_eq!(code, 2);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].0, "(input)");
    assert!(errs[0].1.contains("1 MiB"), "{}", errs[0].1);
    assert!(
        started.elapsed().as_secs() < 10,
        "a refusal, not a long parse"
    );
    // 5,000 unknown keys within the limit: the first 100 are listed and the rest counted.
    let mut many = String::from("{\"region\":\"wuhan\"");
    for i in 0..5_000 {
        many.push_str(&format!(",\"k{i:05}\":1"));
    }
    many.push('}');
    let (code, errs) = field_of(&many);
    assert_eq!(code, 2);
    assert_eq!(errs.len(), 101);
    assert_eq!(errs[100].0, "(more)");
    assert!(errs[100].1.starts_with("4900 more errors"));
}

#[test]
fn explain_in_english_is_english() {
    // Document names and choice values in the language asked for (before: Chinese document names
    // and "上市地:overseas_mou").
    let app = r#"{"region":"wuhan","as_of":"2026-11-24","enterprise":{"first_recognitions":["unicorn"]},
        "listing":{"venue":"overseas_mou","stage":"listed","proceeds_invested_locally_percent":"50"}}"#;
    let (code, out) = run(&["explain", "-", "--lang", "en"], app);
    assert_eq!(code, 0);
    assert!(!out.contains("overseas_mou"), "{out}");
    assert!(!out.contains("上市地"), "{out}");
    for line in out
        .lines()
        .filter(|l| l.trim_start().starts_with("Source:"))
    {
        assert!(!line.contains('《'), "{line}");
    }
    assert!(out.contains("Wuhan: Policies to Promote the AI Industry (draft for comment)"));
    // The draft's share of the totals: the unicorn's 1,000,000 (六) is all from the draft.
    assert!(out.contains("of which from DRAFT documents: exact 1,000,000, up to 1,000,000"));
    let (_, zh) = run(&["explain", "-"], app);
    assert!(zh.contains("其中征求意见稿:确定金额1,000,000元,最高可得1,000,000元"));
}

#[test]
fn plan_and_its_table() {
    // examples/plans/hongshan-vs-hangzhou.json: an SME in Hongshan, 2025–2028. 洪山 5: 20% of
    // 1,500,000 = 300,000 → 200,000 a year for three years, nothing in 2028 ("补助期限不超过三年");
    // 洪山 6: 1 model (1,000,000) then 2 (2,000,000); 武汉 六: a first little giant 500,000 once; 武汉 十:
    // 8,000,000 over all stages, counted once. Up to: 9,700,000 + 2,200,000 + 200,000 = 12,100,000.
    let (code, out) = run(&["plan", "examples/plans/hongshan-vs-hangzhou.json"], "");
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"]["up_to"], "12100000.00");
    assert_eq!(v["total"]["exact"], "3500000.00");
    assert_eq!(v["years"].as_array().unwrap().len(), 4);
    // Hangzhou over the same plan: 30% of 1,500,000 + 2 × 30% of 2,000,000 (2028 is past the end) =
    // 1,650,000, plus the one-time filing award (at most 500,000) = 2,150,000.
    assert_eq!(v["regions"]["hangzhou"]["total"]["up_to"], "2150000.00");
    let (code, table) = run(&["explain", "examples/plans/hongshan-vs-hangzhou.json"], "");
    assert_eq!(code, 0);
    assert!(
        table.contains("全期合计:确定金额 3,500,000元   最高可得 12,100,000元"),
        "{table}"
    );
    assert!(table.contains("补助期限不超过三年"));
    let (_, en) = run(
        &[
            "explain",
            "examples/plans/hongshan-vs-hangzhou.json",
            "--lang",
            "en",
        ],
        "",
    );
    assert!(
        en.contains("Over the plan: exact 3,500,000   up to 12,100,000"),
        "{en}"
    );
    // A carried field in a later year is an error naming it.
    let bad = r#"{"schema":2,"region":"hangzhou","years":[{"as_of":"2025-01-01"},{"model_filing":{"awarded_before":true}}]}"#;
    let (code, out) = run(&["plan", "-"], bad);
    assert_eq!(code, 2);
    assert!(out.contains("years[1].model_filing.awarded_before"));
}

/// The inputs the second audit (2026-12-04) found misread; each worked from the catalogue's
/// "Changed on 2026-12-04".
#[test]
fn inputs_of_the_second_audit() {
    // An unknown or misspelt option is a usage error naming it (it was silently ignored).
    let (code, _) = run(&["eval", "-", "--detial", "figures"], APP);
    assert_eq!(code, 64);
    let (code, _, stderr) = run_all(
        &[
            "explain",
            "examples/applications/hangzhou.json",
            "--lnag",
            "en",
        ],
        "",
    );
    assert_eq!(code, 64);
    assert!(
        stderr.contains("--lnag") && stderr.contains("--lang"),
        "{stderr}"
    );
    // Said in Chinese first (the command line's default language), then clap's own words.
    assert!(
        stderr.starts_with("用法错误:未知的选项 --lnag,是否要用 --lang?"),
        "{stderr}"
    );
    // An amount already received above the cap it counts against (武汉 三 "三年最高500万元") is an
    // error naming the field, not "nothing left".
    let (code, out) = run(
        &["eval", "-"],
        r#"{"region":"wuhan","models":{"vertical_model":{"selected":true,"local_compute_fees":"1000000","compute_award_received":"5000000.01"}}}"#,
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("\"models.vertical_model.compute_award_received\""),
        "{out}"
    );
    assert!(out.contains("more than the cap it counts against"), "{out}");
    // In Chinese by the clause's title and the cap's kind (it gave the rule id and dropped 三年).
    assert!(
        out.contains("已获金额超过其所抵扣的上限:已获5,000,000.01元,而“垂直行业模型本地算力服务费补助”三年累计上限为5,000,000元"),
        "{out}"
    );
    // Exactly the cap received is possible: nothing left, said as such (500万 − 500万 = 0).
    let (code, out) = run(
        &["eval", "-"],
        r#"{"region":"wuhan","as_of":"2026-01-01","models":{"vertical_model":{"selected":true,"local_compute_fees":"1000000","compute_award_received":"5000000"}}}"#,
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        award(&v, "wuhan.vertical_model_compute")["kind"],
        "not_eligible"
    );
    // Every real date is a date: 9999-12-31 (every document expired) and 0001-01-01 (none yet).
    for (date, status) in [("9999-12-31", "expired"), ("0001-01-01", "not_yet")] {
        let (code, out) = run(
            &["eval", "-"],
            &format!(r#"{{"region":"shanghai","as_of":"{date}"}}"#),
        );
        assert_eq!(code, 0, "{date}: {out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(award(&v, "shanghai.metaverse")["source"]["status"], status);
    }
    // Revenue growth of 150% and of −10% are growths (杭州 2024 call: "营收增速超过20%"): the first
    // passes that condition, the second fails it; a share above 100% is still refused.
    for (growth, passes) in [("150", true), ("-10", false)] {
        let (code, out) = run(
            &["eval", "-", "--lang", "en"],
            &format!(
                r#"{{"region":"hangzhou","as_of":"2024-05-20","other":{{"hangzhou_call":{{"revenue_2023":"300000000","revenue_growth_percent":"{growth}","rd_share_percent":"25"}}}}}}"#
            ),
        );
        assert_eq!(code, 0, "{growth}: {out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let check = v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "hangzhou.software_rd")
            .unwrap();
        assert_eq!(check["passed"], passes, "{growth}: {check}");
    }
    let (code, out) = run(
        &["eval", "-"],
        r#"{"region":"hangzhou","other":{"hangzhou_call":{"rd_share_percent":"101"}}}"#,
    );
    assert_eq!(code, 2);
    assert!(out.contains("other.hangzhou_call.rd_share_percent"));
    // Fields no clause of the region reads are named in a note, not refused (one sheet for many
    // regions): Hongshan's SME flag in a Shanghai application.
    let (code, out) = run(
        &["eval", "-", "--lang", "zh"],
        r#"{"region":"shanghai","enterprise":{"sme":true},"other":{"shanghai":{"metaverse_investment":"1000000"}}}"#,
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("以下所填字段不适用于本地区的任何条款,未参与计算:中小企业"),
        "{out}"
    );
}

/// `explain` of a plan in Chinese and in English (each must succeed).
fn explain_both(plan: &str) -> (String, String) {
    let (code, zh) = run(&["explain", "-"], plan);
    assert_eq!(code, 0, "{zh}");
    let (code, en) = run(&["explain", "-", "--lang", "en"], plan);
    assert_eq!(code, 0, "{en}");
    (zh, en)
}

#[test]
fn a_plan_table_says_the_drafts_uncertain_end_in_both_languages() {
    // 武汉 六 first little giant (500,000) in 2026; in the year dated 2027-06-30 the draft (its end
    // between 2027-03-27 and 2027-12-31) may already have expired: the table says so under that year.
    let plan = r#"{"schema":2,"region":"wuhan","years":[
        {"as_of":"2026-06-30","enterprise":{"first_recognitions":["little_giant"]}},
        {"as_of":"2027-06-30","other":{"public_platform":true}}]}"#;
    let (zh, en) = explain_both(plan);
    let year = zh.split("2027-06-30 变化:").nth(1).unwrap_or_default();
    assert!(year.contains("可能已过期"), "{zh}");
    assert!(
        !zh.split("2027-06-30 变化:")
            .next()
            .unwrap()
            .contains("可能已过期")
    );
    assert!(
        en.split("2027-06-30 changes:")
            .nth(1)
            .unwrap_or_default()
            .contains("may already have expired"),
        "{en}"
    );
    // Each of the draft's rows says it is a draft, not only the totals.
    assert!(zh.contains("(征求意见稿) [wuhan.little_giant]"), "{zh}");
    assert!(zh.contains("(征求意见稿) [wuhan.public_platform]"), "{zh}");
    assert!(
        en.contains("(DRAFT for comment) [wuhan.public_platform]"),
        "{en}"
    );
    // The region by its name (it was the key), and the totals row in 元 as every other row.
    assert!(
        zh.starts_with("多年规划,地区 武汉(其他区) [wuhan]\n"),
        "{zh}"
    );
    assert!(
        en.starts_with("Plan, region Wuhan (other districts) [wuhan]\n"),
        "{en}"
    );
    let totals = zh.lines().find(|l| l.starts_with("最高可得合计")).unwrap();
    assert!(totals.trim_end().ends_with("元"), "{totals}");
}

#[test]
fn a_plan_table_shows_awards_whose_amount_is_left_to_the_authority() {
    // 杭州 (十) "对首次认定的制造业“单项冠军”企业、国家专精特新“小巨人”企业、省“隐形冠军”企业,按有关政策给予
    // 奖励": eligible in 2025 (小巨人) and in 2026 (单项冠军, a new first recognition), no figure in the
    // text. The table has the row with 金额待定 each year instead of leaving the award out.
    let plan = r#"{"schema":2,"region":"hangzhou","years":[
        {"as_of":"2025-06-30","enterprise":{"first_recognitions":["little_giant"]}},
        {"as_of":"2026-06-30","enterprise":{"first_recognitions":["little_giant","single_champion"]}}]}"#;
    let (zh, en) = explain_both(plan);
    let row = |table: &str| {
        let line = table
            .lines()
            .find(|l| l.contains("[hangzhou.champion_recognition]"));
        line.unwrap_or_default().to_string()
    };
    assert_eq!(row(&zh).matches("金额待定").count(), 2, "{zh}");
    assert_eq!(row(&en).matches("amount to be set").count(), 2, "{en}");
}

#[test]
fn english_is_english() {
    // `explain --lang en` on every example: no Chinese counter word after a number, no "注", no
    // full-width bracket or colon outside the quoted law text, and the bare Chinese terms glossed.
    for f in [
        "examples/applications/hangzhou.json",
        "examples/applications/wuhan-hongshan.json",
    ] {
        let (code, en) = run(&["explain", f, "--lang", "en"], "");
        assert_eq!(code, 0, "{en}");
        for line in en.lines() {
            // The quotes are the texts' own words, and stay Chinese.
            let own = line.split('"').step_by(2).collect::<String>();
            let own = own.split('“').next().unwrap_or("");
            for bad in [
                "注 ", "\u{ff08}", "\u{ff09}", "\u{ff1a}", "「", "」", "\u{ff1b}",
            ] {
                assert!(!own.contains(bad), "{f}: {bad:?} in {line}");
            }
            for term in ["揭榜挂帅", "专精特新", "拨改投"] {
                if let Some(at) = own.find(term) {
                    // Glossed: an English word comes before the term within the same brackets.
                    assert!(own[..at].ends_with(" ("), "{f}: bare {term} in {line}");
                }
            }
        }
    }
    // A count's Chinese unit ("12家") is not written in English.
    let inc = r#"{"region":"wuhan","other":{"incubator":{"site_area_m2":"8000","enterprises":12,"datasets":2}}}"#;
    let (_, en) = run(&["explain", "-", "--lang", "en"], inc);
    assert!(en.contains("incubated enterprises: 12)"), "{en}");
    assert!(!en.contains("12家") && !en.contains("2个"), "{en}");
    let (_, zh) = run(&["explain", "-"], inc);
    assert!(zh.contains("12家"), "{zh}");
}

#[test]
fn the_readmes_verify_example_is_consistent() {
    // README's `verify examples/applications/hangzhou.json CODE` must say 一致 with the rules this
    // binary carries: any change of the rule data makes another version, and the README's code
    // with it (the example went stale once when the rule data changed).
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.contains("-- verify examples/applications/hangzhou.json "))
        .expect("README has a verify example");
    let code = line
        .split_whitespace()
        .skip_while(|w| *w != "examples/applications/hangzhou.json")
        .nth(1)
        .expect("the example's code");
    let (status, out) = run(&["verify", "examples/applications/hangzhou.json", code], "");
    assert_eq!(status, 0, "README's code {code} is stale: {out}");
    assert!(
        readme.contains(&format!("e.g. `{code}`")),
        "README's prose names another code"
    );
}

#[test]
fn verify_says_consistent_or_why_not() {
    // eval gives the code; verify with it: exit 0 "一致"; another figure: exit 1 naming it; another
    // version's mark: exit 1 naming both versions; not a code: exit 2.
    let app = "examples/applications/wuhan-hongshan.json";
    let (code, out) = run(&["eval", app], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = v["code"].as_str().unwrap().to_string();
    let (code, out) = run(&["verify", app, &c], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("一致:按规则版本 2026.12.04+"), "{out}");
    let (code, out) = run(
        &[
            "verify",
            app,
            &c.to_lowercase().replace('-', ""),
            "--lang",
            "en",
        ],
        "",
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("consistent"), "{out}");
    // The same application with one figure changed.
    let text = std::fs::read_to_string(format!("{ROOT}/{app}")).unwrap();
    let changed = text.replacen(
        "\"domestic_fees\":\"1500000\"",
        "\"domestic_fees\":\"1500001\"",
        1,
    );
    assert_ne!(changed, text, "the figure was found");
    let (code, out) = run(&["verify", "-", &c], &changed);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("不一致") && out.contains("输入、计算日期或金额"),
        "{out}"
    );
    // A code made under another version (another mark).
    let other = format!("{}{}", if c.starts_with('Z') { "Y" } else { "Z" }, &c[1..]);
    let (code, out) = run(&["verify", app, &other], "");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("另一规则版本") && out.contains("本计算器的规则版本为 2026.12.04+"),
        "{out}"
    );
    let (code, _) = run(&["verify", app, "not-a-code"], "");
    assert_eq!(code, 2);
    // A plan's code: the whole plan.
    let plan = "examples/plans/hongshan-vs-hangzhou.json";
    let (_, out) = run(&["plan", plan], "");
    let p: serde_json::Value = serde_json::from_str(&out).unwrap();
    let pc = p["code"].as_str().unwrap();
    assert_ne!(pc, p["years"][0]["code"].as_str().unwrap());
    let (code, out) = run(&["verify", plan, pc], "");
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_missing_file_is_said_in_words() {
    // "No such file or directory (os error 2)" was the operating system's English in both languages.
    let (code, out) = run(&["eval", "no-such-file.json"], "");
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("cannot read no-such-file.json: no such file"),
        "{out}"
    );
    assert!(
        out.contains("无法读取 no-such-file.json:文件不存在"),
        "{out}"
    );
    let (code, _, err) = run_all(&["batch", "no-such-file.csv", "-o", "/dev/null"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("no-such-file.csv:无法读取文件:文件不存在"),
        "{err}"
    );
}

#[test]
fn explain_says_bad_input_as_text() {
    // explain is for reading: its errors are lines in its language (they were eval's JSON).
    let bad = r#"{"region":"wuhan","compute":{"domestic_fees":"-1"}}"#;
    let (code, out) = run(&["explain", "-"], bad);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "输入有误,未计算:\n  · compute.domestic_fees:不能为负数\n"
    );
    let (code, out) = run(&["explain", "-", "--lang", "en"], bad);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "The input has errors; nothing was computed:\n  · compute.domestic_fees: must not be negative\n"
    );
    // A file it cannot read, and a bad reform, the same way (both were JSON: an independent audit).
    let (code, out) = run(&["explain", "no-such-file.json"], "");
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "输入有误,未计算:\n  · (input):无法读取 no-such-file.json:文件不存在\n"
    );
    let reform = std::env::temp_dir().join(format!("explain-reform-{}.json", std::process::id()));
    std::fs::write(
        &reform,
        r#"{"reform":1,"name":"x","changes":[{"rule":"hangzhou.nothing","set":"rate","value":"0.25"}]}"#,
    )
    .unwrap();
    let (code, out) = run(
        &[
            "explain",
            "examples/applications/hangzhou.json",
            "--reform",
            reform.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        out.starts_with("输入有误,未计算:\n  · changes[0].rule:"),
        "{out}"
    );
}
