//! Spreadsheet rows ↔ applications in memory (`subsidy_calc::sheet`): what the browser's batch page
//! reads and writes. The templates must read back as what they say, in CSV and in .xlsx.
use subsidy_calc::sheet::{read_csv, read_xlsx, template, write_csv, write_xlsx};
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
            let amount = |id: &str| o.award(id).and_then(|a| a.amount.clone());
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
    let bad = read_csv(b"id,compute.nothing\nA,1\n").unwrap_err();
    assert!(bad.contains("compute.nothing"), "{bad}");
    // Not a spreadsheet at all: an error, never a panic.
    assert!(read_xlsx(b"not a zip").is_err());
}

#[test]
fn pools_scaled_in_memory_match_the_command_lines_prorata() {
    // 洪山 5 "每年设立不超过300万元的算力补贴资金池": 17 SMEs × 200,000 = 3,400,000 asked. Each
    // 200,000 × 3,000,000 / 3,400,000 = 176,470.588… → 17,647,058 cents floored (299,999,986 in
    // all); the 14 cents left go one each to the first 14 rows (equal remainders: earlier rows).
    use subsidy_calc::sheet::{Done, scale_pools};
    let book = subsidy_calc::rulebook::book();
    let mut text = String::from("id,region,as_of,中小企业,国产算力合同费用\n");
    for i in 1..=17 {
        text.push_str(&format!("企业{i},wuhan-hongshan,2026-11-24,是,1000000\n"));
    }
    let mut done: Vec<Done> = read_csv(text.as_bytes())
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let o = r.application(today()).map(|mut app| {
                app.detail = Detail::Figures;
                subsidy_calc::engine::evaluate(&app, book)
            });
            Done::of(book, &r.id, i + 1, o.as_ref().map_err(|e| e.as_slice()))
        })
        .collect();
    scale_pools(book, &mut done);
    let pos = book.rule_position("hongshan.compute_subsidy").unwrap();
    let amounts: Vec<String> = done
        .iter()
        .map(|d| {
            d.awards
                .iter()
                .find(|a| a.pos == pos)
                .unwrap()
                .amount
                .clone()
                .unwrap()
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
