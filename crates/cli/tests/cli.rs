//! The `subsidy-calc` binary: eval, explain, rules, and bad input.
use std::io::Write;
use std::process::{Command, Stdio};

/// The repository (the command line runs from there: the examples and docs are read by path).
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run(args: &[&str], stdin: &str) -> (i32, String) {
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
            && out.contains("capped at per enterprise per year: 2000000"),
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
