//! The batch page's loop run natively, for a profiler (callgrind / perf): the CSV's rows read,
//! each made an application, evaluated for its figures, added to the summary and kept as a table
//! row, as `crates/web/src/app/batch_app.rs` does in the browser.
//! `cargo run --release --example profile_batch -- FILE.csv` (e.g. from `scripts/gen-batch.py`).
use subsidy_calc::batch::{Positions, Summary};
use subsidy_calc::sheet::{Done, read_csv};
use subsidy_calc::{Date, Detail};

fn main() {
    let path = std::env::args().nth(1).expect("a CSV file");
    let bytes = std::fs::read(&path).expect("readable");
    let today = Date::parse("2026-11-24").expect("a date");
    let book = subsidy_calc::rulebook::book();
    let rows = read_csv(&bytes).expect("a batch CSV");
    let mut summary = Summary::default();
    let mut positions = Positions::default();
    let mut done = Vec::with_capacity(rows.len());
    for row in &rows {
        let result = row.application(today).map(|mut app| {
            app.detail = Detail::Figures;
            subsidy_calc::engine::evaluate(&app, book)
        });
        match &result {
            Ok(o) => summary.add(o, book),
            Err(_) => summary.failed_row(),
        }
        let n = done.len() + 1;
        done.push(match result {
            Ok(o) => Done::of(book, &mut positions, &row.id, n, Ok(o)),
            Err(e) => Done::of(book, &mut positions, &row.id, n, Err(&e)),
        });
    }
    println!(
        "{} rows, {} clauses summarised",
        done.len(),
        summary.report(book).clauses.len()
    );
}
