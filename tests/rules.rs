//! The rule data itself: it loads, every catalogue id is there with the catalogue's kind, every quote
//! occurs word for word in its seed text, and the "highest" stacking mode works on real data.
mod common;
use common::*;
use serde_json::{Value, json};
use std::path::PathBuf;
use subsidy_calc::RuleBook;
use subsidy_calc::rulebook::RULES_JSON;
use subsidy_calc::text::Lang;

/// `../shared` beside the repository (as in CI), or `$SHARED_DIR`.
fn shared() -> PathBuf {
    std::env::var_os("SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn read_shared(rel: &str) -> String {
    let p = shared().join(rel);
    std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("{}: {e} (set SHARED_DIR to the shared folder)", p.display()))
}

#[test]
fn embedded_rules_load() {
    let book = subsidy_calc::rulebook::book();
    // The catalogue has 74 money clauses since 2026-11-25: the first 55, less wuhan.key_tech, plus
    // its four replacements (wuhan.major_project, key_rd, national_project_lead, high_tech),
    // hongshan.key_tech, and the 15 of "Added on 2026-11-25" (coverage is checked id by id below).
    assert_eq!(book.rules().count(), 74);
}

#[test]
fn every_quote_occurs_in_its_seed() {
    let book = subsidy_calc::rulebook::book();
    let mut checked = 0;
    for doc in &book.documents {
        let seed = read_shared(&format!("seeds/{}", doc.seed));
        let mut quotes: Vec<(String, &str)> = Vec::new();
        for r in &doc.rules {
            quotes.push((r.id.to_string(), &r.quote));
            if let Some(p) = &r.pool {
                quotes.push((format!("{}.pool", r.id), &p.quote));
            }
            if let Some(l) = &r.limit {
                quotes.push((format!("{}.limit", r.id), &l.quote));
            }
        }
        for c in &doc.checks {
            quotes.push((c.id.to_string(), &c.quote));
            if let Some(q) = &c.quote2 {
                quotes.push((format!("{}#2", c.id), q));
            }
        }
        for (what, q) in [("dates", &doc.dates_quote), ("notes", &doc.notes_quote)] {
            if let Some(q) = q {
                quotes.push((format!("{}.{what}", doc.key), q));
            }
        }
        for (id, q) in quotes {
            assert!(
                q.chars().count() >= 8,
                "{id}: quote too short to mean anything"
            );
            assert!(
                seed.contains(q),
                "{id}: quote not found verbatim in seeds/{}:\n{q}",
                doc.seed
            );
            checked += 1;
        }
    }
    // 55 rules + 4 checks (+2 second quotes) + 8 document-level quotes.
    assert!(checked >= 55 + 4, "{checked}");
}

/// The ids and kinds of the catalogue's money tables, read from `shared/spec/CATALOGUE.md`.
fn catalogue_rows() -> Vec<(String, String)> {
    let text = read_shared("spec/CATALOGUE.md");
    let mut rows = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 5
            || !cells[1].contains('.')
            || cells[1].contains(' ') && !cells[1].contains(" / ")
        {
            continue;
        }
        let ids: Vec<&str> = cells[1].split(" / ").collect();
        let kinds: Vec<&str> = cells[cells.len() - 2].split(" / ").collect();
        if !ids.iter().all(|id| {
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
        }) {
            continue;
        }
        for (i, id) in ids.iter().enumerate() {
            let kind = if kinds.len() == ids.len() {
                kinds[i]
            } else {
                kinds[0]
            };
            rows.push((id.to_string(), kind.to_string()));
        }
    }
    rows
}

#[test]
fn every_catalogue_id_is_encoded_with_its_kind() {
    let rows = catalogue_rows();
    assert!(
        rows.len() >= 74,
        "parsed only {} catalogue rows",
        rows.len()
    );
    let cat = serde_json::to_value(subsidy_calc::catalogue()).unwrap();
    let rules = cat["rules"].as_array().unwrap();
    for (id, kind) in &rows {
        let rule = rules
            .iter()
            .find(|r| r["id"] == json!(id))
            .unwrap_or_else(|| panic!("catalogue id {id} is not encoded"));
        assert_eq!(rule["kind"], json!(kind), "{id}");
    }
    // And nothing beyond the catalogue.
    assert_eq!(
        rules.len(),
        rows.len(),
        "rules not in the catalogue: {:?}",
        rules
            .iter()
            .map(|r| r["id"].clone())
            .filter(|id| !rows.iter().any(|(c, _)| json!(c) == *id))
            .collect::<Vec<_>>()
    );
    let checks: Vec<&str> = cat["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for id in [
        "incubator.city",
        "incubator.benchmark",
        "hangzhou.tech_renovation",
        "hangzhou.software_rd",
    ] {
        assert!(checks.contains(&id), "{id}");
    }
}

#[test]
fn catalogue_lists_regions_status_and_validity() {
    let cat = serde_json::to_value(subsidy_calc::catalogue()).unwrap();
    let rules = cat["rules"].as_array().unwrap();
    let get = |id: &str| rules.iter().find(|r| r["id"] == json!(id)).unwrap().clone();
    let r = get("wuhan.scenario");
    assert_eq!(r["status"], "draft");
    assert_eq!(
        r["region"],
        json!(["wuhan", "wuhan-hongshan", "wuhan-qiaokou"])
    );
    let r = get("hangzhou.compute_voucher");
    assert_eq!(
        (r["valid_from"].as_str(), r["valid_to"].as_str()),
        (Some("2024-08-19"), Some("2027-12-31"))
    );
    assert_eq!(get("shanghai.metaverse")["valid_to"], "2028-04-19");
    // The Hangzhou 2024 call: "本批项目企业申报截止时间为2024年5月30日": its checks show that end,
    // and its title, given in the seed only as far as "…工信领", says it was completed by us.
    let checks = cat["checks"].as_array().unwrap();
    let call = checks
        .iter()
        .find(|c| c["id"] == "hangzhou.tech_renovation")
        .unwrap();
    assert_eq!(call["valid_to"], "2024-05-30");
    assert!(call["validity"].as_str().unwrap().contains("2024-05-30"));
    // Completed from the body's own words ("决定开展2024年第一批杭州市工信领域项目申报工作"), not
    // invented ("产业政策" is not in the seed).
    let title = call["document"].as_str().unwrap();
    assert!(title.contains("工信领〔域项目申报工作的通知〕"), "{title}");
    assert!(title.contains("本计算器按正文"), "{title}");
    assert!(!title.contains("产业政策"), "{title}");
    assert!(
        call["document_en"]
            .as_str()
            .unwrap()
            .contains("completed by us")
    );
    let seed = read_shared("seeds/001_a4c7ab84a34270e3.txt");
    let given = call["document"]
        .as_str()
        .unwrap()
        .split('〔')
        .next()
        .unwrap();
    assert!(seed.contains(given.trim_start_matches('《')), "{given}");
}

/// A rule book read from JSON data (`rules.json` as the build keeps it, changed by a test), or
/// every problem, one a line.
fn book_of(text: &str) -> Result<RuleBook, String> {
    subsidy_rulebook::from_json(text).map_err(|ps| {
        ps.iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// A rule book equal to the embedded one plus one "highest" group, to show that a data change alone
/// makes overlapping clauses pay once (从优、就高、不重复).
#[test]
fn highest_group_pays_once_and_says_which() {
    let mut data: Value = serde_json::from_str(RULES_JSON).unwrap();
    data["groups"].as_array_mut().unwrap().push(json!({
        "id": "test.scenarios", "mode": "highest",
        "members": ["wuhan.scenario", "hongshan.scenario"],
        "zh": "同一项目市区场景支持从优", "en": "city and district scenario support: the best one"
    }));
    let book = book_of(&data.to_string()).expect("valid");
    let app = subsidy_calc::input::parse_value(
        &json!({"region": "wuhan-hongshan", "as_of": "2026-11-24",
                "scenarios": [{"name": "A", "city_selected": true, "district_selected": true, "total_investment": "2000000"}]}),
        today(),
    )
    .unwrap();
    let o = subsidy_calc::engine::evaluate(&app, &book);
    // City: 2,000,000 × 30% = 600,000; district: at most 300,000. Only the city's 600,000 counts.
    let city = o.award("wuhan.scenario").unwrap();
    let district = o.award("hongshan.scenario").unwrap();
    assert_eq!(
        city.amount.map(|y| y.to_string()).as_deref(),
        Some("600000.00")
    );
    assert!(city.stacking.as_ref().unwrap().counted);
    assert!(!district.stacking.as_ref().unwrap().counted);
    assert!(
        district
            .stacking
            .as_ref()
            .unwrap()
            .note
            .text(Lang::En)
            .contains("wuhan.scenario pays more")
    );
    assert_eq!(o.total.up_to, "600000.00");
    assert!(
        o.notes_in(Lang::En)
            .iter()
            .any(|n| n.contains("only wuhan.scenario is counted"))
    );
}

#[test]
fn bad_rule_data_is_refused_with_the_rule_named() {
    let mut data: Value = serde_json::from_str(RULES_JSON).unwrap();
    data["documents"][0]["rule"][0]["requires"][0]["fact"] = json!("compute.no_such_fee");
    let err = book_of(&data.to_string()).unwrap_err();
    assert!(err.contains("unknown fact `compute.no_such_fee`"), "{err}");
    let mut data: Value = serde_json::from_str(RULES_JSON).unwrap();
    data["documents"][0]["rule"][1]["id"] = data["documents"][0]["rule"][0]["id"].clone();
    assert!(
        book_of(&data.to_string())
            .unwrap_err()
            .contains("duplicate id")
    );
    let mut data: Value = serde_json::from_str(RULES_JSON).unwrap();
    data["groups"][0]["members"][0] = json!("wuhan.nothing");
    assert!(
        book_of(&data.to_string())
            .unwrap_err()
            .contains("unknown member")
    );
    // A note said in Chinese only would be missing from the English result: refused, named.
    let mut data: Value = serde_json::from_str(RULES_JSON).unwrap();
    let id = data["documents"][0]["rule"][0]["id"].clone();
    data["documents"][0]["rule"][0]["notes_zh"] = json!(["只有中文"]);
    data["documents"][0]["rule"][0]["notes_en"] = json!([]);
    let err = book_of(&data.to_string()).unwrap_err();
    assert!(
        err.contains(id.as_str().unwrap()) && err.contains("same number of lines"),
        "{err}"
    );
    // A fixed amount said to be the cap must be the cap's amount: 杭州 二(四) 500,000 both.
    let text = RULES_JSON.replace(
        r#""fixed":"500000","fixed_is_cap":"one_time""#,
        r#""fixed":"400000","fixed_is_cap":"one_time""#,
    );
    assert_ne!(text, RULES_JSON, "the rule was found");
    let err = book_of(&text).unwrap_err();
    assert!(
        err.contains("hangzhou.model_filing") && err.contains("fixed_is_cap"),
        "{err}"
    );
}

#[test]
fn every_derived_fact_reads_entered_fields() {
    // A derived fact's source that names no field would read as zero (input::derive looks the
    // paths up once); none may.
    use subsidy_calc::input::{DERIVED, FIELDS};
    for d in DERIVED {
        for p in d.from {
            assert!(
                FIELDS.iter().any(|f| f.path == *p),
                "{} reads {p}, which is no field",
                d.field.path
            );
        }
    }
}

#[test]
fn the_region_lists_agree_with_the_rule_data() {
    // The rule data is the one list of regions (the input reads it); the TypeScript `Region` union
    // must name the same, so adding a district to regions.toml without it fails here.
    let book = subsidy_calc::rulebook::book();
    let data: Vec<&str> = book.regions.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(subsidy_calc::input::regions(), data);
    let ts = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/static/subsidy-calc.d.ts"
    ))
    .unwrap();
    let line = ts
        .lines()
        .find(|l| l.starts_with("export type Region ="))
        .unwrap();
    let union: Vec<&str> = line
        .trim_start_matches("export type Region =")
        .trim_end_matches(';')
        .split('|')
        .map(|s| s.trim().trim_matches('\''))
        .collect();
    assert_eq!(union, data);
}

/// A copy of `rules/` in a fresh folder, for a test to add files to.
fn rules_copy(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("subsidy-rules-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for f in std::fs::read_dir(src).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    dir
}

const TOY: &str = r#"# A made-up district, to show that a new district is data only.
[document]
key = "toy"
name_zh = "《示例区人工智能措施》"
name_en = "Toy District: AI measures"
seed = "none.txt"
status = "in_force"
dates_zh = "原文未载明施行日期和有效期"
dates_en = "the source gives no start or end date"

[[rule]]
id = "toy.model_filing"
family = "model_filing"
clause = "1"
kind = "exact"
title_zh = "模型备案奖励"
title_en = "Model filing award"
quote = "对通过备案的企业,按每个模型50万元给予支持,每年最高不超过100万元。"
requires = [{ fact = "model_filing.models_filed", op = "gte", value = "1", zh = "需有通过备案的模型", en = "needs a filed model" }]
[rule.formula]
per_unit = { fact = "model_filing.models_filed", amount = "500000" }
caps = [{ amount = "1000000", scope = "per_enterprise_per_year" }]
"#;

const TOY_REGION: &str = r#"
[[region]]
key = "wuhan-toy"
name_zh = "武汉·示例区"
name_en = "Wuhan · Toy"
documents = ["wuhan", "toy", "incubator"]
"#;

#[test]
fn a_new_district_is_data_only() {
    // docs/ADDING_A_POLICY.md, proven: a toy district — one rule file, one region block — added to
    // a copy of rules/ as TOML files and read by the same loader the build uses (its document
    // merged, its region ordered), then evaluated end to end with no code changed. Its clause: "对通
    // 过备案的企业,按每个模型50万元给予支持,每年最高不超过100万元" (a made-up text): 3 models × 500,000 =
    // 1,500,000 → 1,000,000; with the Wuhan city draft beside it (六: a first unicorn, 1,000,000).
    let dir = rules_copy("toy");
    std::fs::write(dir.join("toy.toml"), TOY).unwrap();
    let regions = std::fs::read_to_string(dir.join("regions.toml")).unwrap();
    // The region goes before the stacking groups (a TOML array of tables is one block).
    let at = regions.find("\n[[group]]").unwrap_or(regions.len());
    std::fs::write(
        dir.join("regions.toml"),
        format!("{}{TOY_REGION}{}", &regions[..at], &regions[at..]),
    )
    .unwrap();
    let loaded = subsidy_rulebook::read_dir(&dir)
        .unwrap_or_else(|ps| panic!("the fixture is valid rule data: {ps:?}"));
    assert!(loaded.files.iter().any(|f| f.ends_with("toy.toml")));
    let book = loaded.book;
    let keys: Vec<&str> = book.regions.iter().map(|r| r.key.as_str()).collect();
    let app = subsidy_calc::input::parse_value_in(
        &json!({"region": "wuhan-toy", "as_of": "2026-11-24",
                "model_filing": {"models_filed": 3}, "enterprise": {"first_recognitions": ["unicorn"]}}),
        today(),
        &keys,
    )
    .expect("the new region is accepted");
    let o = subsidy_calc::engine::evaluate(&app, &book);
    let a = o.award("toy.model_filing").unwrap();
    assert_eq!(
        a.amount.map(|y| y.to_string()).as_deref(),
        Some("1000000.00")
    );
    assert_eq!(
        a.uncapped.map(|y| y.to_string()).as_deref(),
        Some("1500000.00")
    );
    assert_eq!(a.source.status.key(), "dates_not_given");
    assert_eq!(
        o.award("wuhan.unicorn")
            .unwrap()
            .amount
            .map(|y| y.to_string())
            .as_deref(),
        Some("1000000.00")
    );
    assert_eq!(o.total.exact, "2000000.00");
    assert_eq!(o.total.draft_exact, "1000000.00");
    // Every region of the data is listed for the page's comparison and for a plan (the web view
    // model evaluates each of `book.regions`): the toy region is one of them, and evaluates alone.
    assert!(keys.contains(&"wuhan-toy"));
    let alone = subsidy_calc::input::parse_value_in(
        &json!({"region": "wuhan-toy", "as_of": "2026-11-24", "model_filing": {"models_filed": 3}}),
        today(),
        &keys,
    )
    .unwrap();
    assert_eq!(
        subsidy_calc::engine::evaluate(&alone, &book).total.exact,
        "1000000.00"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_problem_of_bad_rule_files_is_named_by_file_and_rule() {
    // A toy file with three mistakes in two clauses, and one in another file: all four named at
    // once, each with its file and rule (not the first only).
    let dir = rules_copy("bad");
    let bad = TOY
        .replace(
            "model_filing.models_filed\", op",
            "model_filing.models_fild\", op",
        )
        .replace("kind = \"exact\"", "kind = \"exactly\"")
        + "\n[[rule]]\nid = \"other.clause\"\nfamily = \"other\"\nclause = \"2\"\nkind = \"unspecified\"\ntitle_zh = \"甲\"\ntitle_en = \"A\"\nquote = \"一二三四五六七八九\"\n";
    std::fs::write(dir.join("toy.toml"), bad).unwrap();
    let regions = std::fs::read_to_string(dir.join("regions.toml")).unwrap();
    let at = regions.find("\n[[group]]").unwrap_or(regions.len());
    std::fs::write(
        dir.join("regions.toml"),
        format!("{}{TOY_REGION}{}", &regions[..at], &regions[at..]),
    )
    .unwrap();
    let hongshan = std::fs::read_to_string(dir.join("hongshan.toml")).unwrap();
    std::fs::write(
        dir.join("hongshan.toml"),
        hongshan.replace("rate = \"0.20\" }", "rate = \"1.20\" }"),
    )
    .unwrap();
    let problems = match subsidy_rulebook::read_dir(&dir) {
        Ok(_) => panic!("bad rule files were read"),
        Err(ps) => ps,
    };
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let named = |file: &str, rule: &str, says: &str| {
        assert!(
            problems.iter().any(|p| p.file.ends_with(file)
                && p.rule.as_deref() == Some(rule)
                && p.message.contains(says)),
            "{file} {rule} {says}: {text:#?}"
        )
    };
    // The clause that does not read names its first problem (serde stops inside one clause); the
    // clauses and files that read are checked too.
    named("toy.toml", "toy.model_filing", "exactly");
    named(
        "toy.toml",
        "other.clause",
        "ids start with their document key toy",
    );
    named(
        "hongshan.toml",
        "hongshan.compute_subsidy",
        "rates are fractions",
    );
    assert!(
        !text.iter().any(|t| t.contains("unknown document")),
        "{text:#?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn kind_keys_are_serdes_names() {
    // The batch tables write `Kind::key()` without serialising: it must be the contract's name.
    for k in subsidy_calc::rulebook::Kind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), k.key());
    }
}

#[test]
fn the_baked_rule_data_is_exactly_the_data_read() {
    // build.rs reads rules/*.toml, checks it and packs it into bytes the engine reads once; reading the same
    // data again at run time (the loader the build used) must give the same book, field by field.
    let read = book_of(RULES_JSON).expect("the rule data is valid");
    let baked = subsidy_calc::rulebook::book();
    assert_eq!(
        format!("{:?}", baked.regions),
        format!("{:?}", read.regions)
    );
    assert_eq!(format!("{:?}", baked.groups), format!("{:?}", read.groups));
    assert_eq!(baked.documents.len(), read.documents.len());
    for (b, r) in baked.documents.iter().zip(read.documents.iter()) {
        assert_eq!(format!("{b:?}"), format!("{r:?}"), "document {}", r.key);
    }
    // The version names the data: its own version and the content hash.
    assert_eq!(
        baked.version(),
        format!("{}+{}", read.version, subsidy_calc::rulebook::RULES_HASH)
    );
}
