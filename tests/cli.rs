//! The `subsidy-calc` binary: eval, explain, rules, and bad input.
use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_subsidy-calc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

const APP: &str = r#"{"schema":1,"as_of":"2026-11-24","region":"wuhan-hongshan","model_filing":{"models_filed":3}}"#;

#[test]
fn eval_prints_the_result_json() {
    let (code, out) = run(&["eval", "-"], APP);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a = v["awards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "hongshan.model_filing")
        .unwrap();
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
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/INPUT_FIELDS.md"))
        .unwrap();
    assert!(
        doc.ends_with(&out),
        "docs/INPUT_FIELDS.md is stale: run `subsidy-calc fields`"
    );
}

#[test]
fn example_applications_evaluate() {
    for f in ["hangzhou", "wuhan-hongshan"] {
        let path = format!(
            "{}/examples/applications/{f}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let (code, out) = run(&["eval", &path], "");
        assert_eq!(code, 0, "{f}: {out}");
    }
    // hangzhou.json: voucher 300,000 + 600,000 + 100,000 = 1,000,000; filing 320,000.50;
    // manufacturing demo up to 5,000,000 → up to 6,320,000.50 in all.
    let (_, out) = run(
        &[
            "eval",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/applications/hangzhou.json"
            ),
        ],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"]["up_to"], "6320000.50");
}
