//! Spreadsheet rows ↔ applications in memory (`subsidy_batch`): what the browser's batch page
//! reads and writes. The templates must read back as what they say, in CSV and in .xlsx.
use subsidy_batch::sheet::{read_csv, read_xlsx, template, write_csv, write_xlsx};
use subsidy_calc::{Date, Detail};

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}

#[test]
fn both_templates_read_back_and_evaluate_as_worked() {
    for zh in [true, false] {
        let t = template(zh);
        for rows in [
            read_csv(&write_csv(t.clone())).unwrap(),
            read_xlsx(&write_xlsx(t.clone()).unwrap()).unwrap(),
        ] {
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].id, "企业A");
            let mut app = rows[0].application(today()).unwrap();
            app.detail = Detail::Figures;
            let o = subsidy_calc::engine::evaluate(&app, subsidy_calc::rulebook::book());
            let amount = |id: &str| o.award(id).and_then(|a| a.amount).map(|y| y.to_string());
            // 洪山 5: an SME's 1,000,000 of domestic compute × 20% = 200,000 (the yearly cap).
            assert_eq!(
                amount("hongshan.compute_subsidy").as_deref(),
                Some("200000.00")
            );
            // 洪山 6: 3 models × 1,000,000, capped at 2,000,000 a year.
            assert_eq!(
                amount("hongshan.model_filing").as_deref(),
                Some("2000000.00")
            );
        }
    }
    // The Chinese template's heads are the Chinese labels.
    let zh = template(true);
    assert!(zh[0].contains(&"编号".to_string()));
    assert!(zh[0].iter().any(|h| h.starts_with("项目1·")));
}

#[test]
fn a_bad_cell_is_named_with_its_row_and_an_unknown_column_is_refused() {
    let text = "id,compute.domestic_fees,enterprise.sme,region\nA,100,是,wuhan-hongshan\nB,一百,否,wuhan-hongshan\n";
    let rows = read_csv(text.as_bytes()).unwrap();
    assert!(rows[0].application(today()).is_ok());
    // The cell is checked by the contract's validator, which names the field.
    let e = rows[1].application(today()).unwrap_err();
    assert_eq!(e[0].field, "compute.domestic_fees");
    // A project's bad cells are named by the sheet's own column, even with the project before it
    // left empty (the application numbers only the projects given: this one is its first).
    let text = "id,region,scenarios[0].name,scenarios[1].name,scenarios[1].total_investment,scenarios[1].city_selected\n\
                C,wuhan-hongshan,,p2,-5,maybe\n\
                D,wuhan-hongshan,,p2,5000000,是\n";
    let rows = read_csv(text.as_bytes()).unwrap();
    let e = rows[0].application(today()).unwrap_err();
    let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "scenarios[1].total_investment",
            "scenarios[1].city_selected"
        ]
    );
    assert_eq!(e[0].message, "must not be negative");
    let app = rows[1].application(today()).unwrap();
    assert_eq!(app.scenarios.len(), 1);
    let bad = read_csv(b"id,compute.nothing\nA,1\n").unwrap_err();
    assert!(
        bad.en.contains("unknown column(s): compute.nothing"),
        "{bad:?}"
    );
    assert!(bad.zh.contains("不认识的列:compute.nothing"), "{bad:?}");
    // No page or message sends a reader to a file of the repository.
    assert!(
        !bad.en.contains("docs/") && !bad.zh.contains("docs/"),
        "{bad:?}"
    );
    // An empty file (no header row) says so, in both languages.
    for empty in [&b""[..], b"\n", b"\xEF\xBB\xBF"] {
        let e = read_csv(empty).unwrap_err();
        assert!(
            e.zh.starts_with("文件是空的") && e.en.starts_with("the file is empty"),
            "{e:?}"
        );
    }
    // A header and no rows is a sheet of no applications, not an error.
    assert!(read_csv(b"id,region\n").unwrap().is_empty());
    // Not a spreadsheet at all: an error, never a panic.
    assert!(read_xlsx(b"not a zip").is_err());
}

#[test]
fn pools_scaled_in_memory_match_the_command_lines_prorata() {
    // 洪山 5 "每年设立不超过300万元的算力补贴资金池": 17 SMEs × 200,000 = 3,400,000 asked. Each
    // 200,000 × 3,000,000 / 3,400,000 = 176,470.588… → 17,647,058 cents floored (299,999,986 in
    // all); the 14 cents left go one each to the first 14 rows (equal remainders: earlier rows).
    use subsidy_batch::{Batch, scale_rows};
    let book = subsidy_calc::rulebook::book();
    let mut text = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for i in 1..=17 {
        text.push_str(&format!("企业{i},wuhan-hongshan,2026-11-24,是,1000000\n"));
    }
    // As the batch page does: each row evaluated for its figures, summarised, kept as a table row.
    let mut batch = Batch::default();
    for row in read_csv(text.as_bytes()).unwrap() {
        batch.add(book, row, today());
    }
    assert_eq!(batch.summary.report(book).evaluated, 17);
    let mut done = batch.rows;
    // A row keeps only its awards' figures, not the memory of the result's whole award list (a
    // batch in the browser keeps 100,000 rows: collecting in place kept 22 KB in each).
    for d in &done {
        assert!(
            d.awards.capacity() <= book.rules().count(),
            "{}",
            d.awards.capacity()
        );
    }
    scale_rows(book, &mut done);
    let pos = book.rule_position("hongshan.compute_subsidy").unwrap();
    let amounts: Vec<String> = done
        .iter()
        .map(|d| {
            d.awards
                .iter()
                .find(|a| a.pos == pos)
                .unwrap()
                .amount
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        amounts[..14].iter().all(|a| a == "176470.59"),
        "{amounts:?}"
    );
    assert!(
        amounts[14..].iter().all(|a| a == "176470.58"),
        "{amounts:?}"
    );
    // Each row's up-to total follows its award (nothing else pays here).
    assert_eq!(done[0].total[1], "176470.59");
    assert_eq!(done[16].total[1], "176470.58");
}

#[test]
fn the_batch_page_scales_each_years_pool_and_sums_what_it_shows() {
    // As `each_calendar_year_has_its_own_pool` (CLI): 17 Hongshan rows of 2025 (3,400,000 of the
    // 3,000,000 pool: scaled) and 3 of 2026 (600,000: not). After pro rata the summary's clause sum
    // is what the rows hold: 3,000,000.00 + 600,000.00 = 3,600,000.00; the pools say what was asked.
    use subsidy_batch::Batch;
    let book = subsidy_calc::rulebook::book();
    let mut text = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for (date, n) in [("2025-06-30", 17), ("2026-06-30", 3)] {
        for i in 1..=n {
            text.push_str(&format!("{date}-{i},wuhan-hongshan,{date},是,1000000\n"));
        }
    }
    let mut batch = Batch::default();
    for row in read_csv(text.as_bytes()).unwrap() {
        batch.add(book, row, today());
    }
    batch.scale(book);
    let pos = book.rule_position("hongshan.compute_subsidy").unwrap();
    let amount = |d: &subsidy_batch::Done| {
        d.awards
            .iter()
            .find(|a| a.pos == pos)
            .unwrap()
            .amount
            .unwrap()
            .to_string()
    };
    assert_eq!(amount(&batch.rows[0]), "176470.59");
    assert_eq!(amount(&batch.rows[16]), "176470.58");
    assert!(batch.rows[17..].iter().all(|d| amount(d) == "200000.00"));
    let report = batch.summary.report(book);
    let clause = report
        .clauses
        .iter()
        .find(|c| c.id == "hongshan.compute_subsidy")
        .unwrap();
    assert_eq!(clause.sum, "3600000.00");
    assert_eq!(
        clause.largest.map(|y| y.to_string()).as_deref(),
        Some("200000.00")
    );
    let pools: Vec<(u16, String, bool)> = report
        .pools
        .iter()
        .filter(|p| p.rule == "hongshan.compute_subsidy")
        .map(|p| (p.year, p.demand.to_string(), p.over))
        .collect();
    assert_eq!(
        pools,
        [
            (2025, "3400000.00".into(), true),
            (2026, "600000.00".into(), false)
        ]
    );
}

#[test]
fn a_row_reads_as_the_same_json_application_would() {
    // A row's cells go straight into the application (no JSON tree); the JSON contract's
    // validator is the same code. The same figures, as cells and as JSON, must give the same
    // application — and the same errors, named the same way.
    let text = "id,region,as_of,中小企业,国产算力合同费用,model_filing.models_filed,项目1·项目名称,项目1·经区级遴选入选或获区级支持,项目1·项目总投入,项目2·项目名称\n\
                A,wuhan-hongshan,2026-11-24,是,1000000,3,质检,是,2000000,\n\
                B,wuhan-hongshan,2026-11-24,否,一百,-1,,,,\n";
    let rows = read_csv(text.as_bytes()).unwrap();
    let json = serde_json::json!({
        "region": "wuhan-hongshan", "as_of": "2026-11-24",
        "enterprise": {"sme": true}, "compute": {"domestic_fees": "1000000"},
        "model_filing": {"models_filed": "3"},
        // The second project has no cell filled: it is no project.
        "scenarios": [{"name": "质检", "district_selected": true, "total_investment": "2000000"}]
    });
    let from_cells = rows[0].application(today()).unwrap();
    let from_json = subsidy_calc::input::parse_value(&json, today()).unwrap();
    assert_eq!(format!("{from_cells:?}"), format!("{from_json:?}"));
    let book = subsidy_calc::rulebook::book();
    let (a, b) = (
        subsidy_calc::engine::evaluate(&from_cells, book),
        subsidy_calc::engine::evaluate(&from_json, book),
    );
    assert_eq!(
        serde_json::to_value(&a).unwrap(),
        serde_json::to_value(&b).unwrap()
    );
    // 洪山 5: an SME's 1,000,000 of domestic compute × 20% = 200,000.
    assert_eq!(
        a.award("hongshan.compute_subsidy")
            .unwrap()
            .amount
            .map(|y| y.to_string())
            .as_deref(),
        Some("200000.00")
    );
    // Row B: every bad cell named, as the JSON validator names them.
    let errors = rows[1].application(today()).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    let json_errors = subsidy_calc::input::parse_value(
        &serde_json::json!({"region": "wuhan-hongshan", "as_of": "2026-11-24",
            "enterprise": {"sme": false}, "compute": {"domestic_fees": "一百"},
            "model_filing": {"models_filed": "-1"}}),
        today(),
    )
    .unwrap_err();
    let mut want: Vec<&str> = json_errors.iter().map(|e| e.field.as_str()).collect();
    let mut got = fields.clone();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(got, ["compute.domestic_fees", "model_filing.models_filed"]);
}

#[test]
fn a_cell_holds_one_amount_per_project() {
    // 上海 17 per project: a cell "50000000;50000000" is two projects: 15,000,000 each = 30,000,000
    // (`tests/cases/shanghai.toml` works the same figures from JSON).
    let book = subsidy_calc::rulebook::book();
    let text = "id,region,as_of,other.shanghai.ai_key_tech_investment\n\
                a,shanghai,2026-11-24,50000000;50000000\n\
                b,shanghai,2026-11-24,100000000\n\
                c,shanghai,2026-11-24,5000000；-1\n";
    let rows = read_csv(text.as_bytes()).unwrap();
    let apps: Vec<_> = rows.iter().map(|r| r.application(today())).collect();
    let figure = |i: usize| {
        let app = apps[i].as_ref().unwrap();
        subsidy_calc::engine::evaluate(app, book)
            .award("shanghai.ai_key_tech")
            .unwrap()
            .amount
            .unwrap()
            .to_string()
    };
    assert_eq!(figure(0), "30000000.00");
    assert_eq!(figure(1), "20000000.00");
    // A bad project is named with its place in the list.
    let e = apps[2].as_ref().unwrap_err();
    assert_eq!(e[0].field, "other.shanghai.ai_key_tech_investment");
    assert!(
        e[0].message.starts_with("[1]: must not be negative"),
        "{e:?}"
    );
}

#[test]
fn the_field_list_names_every_column_a_sheet_may_have() {
    // The batch page offers it instead of pointing at a file of the repository.
    let list = subsidy_batch::sheet::field_list();
    assert_eq!(list[0], ["中文表头", "字段路径", "填写", "meaning"]);
    for f in subsidy_calc::input::FIELDS {
        assert!(
            list.iter().any(|r| r[1] == f.path && r[0] == f.zh),
            "{}",
            f.path
        );
    }
    let row = |path: &str| list.iter().find(|r| r[1] == path).unwrap().clone();
    assert_eq!(row("compute.domestic_fees")[0], "国产算力合同费用");
    assert_eq!(row("enterprise.sme")[2], "是 / 否");
    assert!(row("region")[2].contains("wuhan-hongshan(武汉·洪山区)"));
    // Every head of the templates is in it.
    for zh in [true, false] {
        for head in &subsidy_batch::template(zh)[0] {
            assert!(
                list.iter().any(|r| r[0] == *head || r[1] == *head),
                "{head}"
            );
        }
    }
}
