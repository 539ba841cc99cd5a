//! The batch page's loop run natively, for a profiler (callgrind / perf): the CSV's rows read,
//! each made an application, evaluated for its figures, added to the summary and kept as a table
//! row, as `crates/web/src/app/batch_app.rs` does in the browser.
//! `cargo run --release --example profile_batch -- FILE.csv` (e.g. from `scripts/gen-batch.py`).
use subsidy_calc::batch::Summary;
use subsidy_calc::sheet::{Done, read_csv};
use subsidy_calc::{Date, Detail};

fn main() {
    let path = std::env::args().nth(1).expect("a CSV file");
    let bytes = std::fs::read(&path).expect("readable");
    let today = Date::parse("2026-11-24").expect("a date");
    let book = subsidy_calc::rulebook::book();
    let rows = read_csv(&bytes).expect("a batch CSV");
    let mut summary = Summary::default();
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
        done.push(Done::of(
            book,
            &row.id,
            done.len() + 1,
            result.as_ref().map_err(|e| e.as_slice()),
        ));
    }
    println!(
        "{} rows, {} clauses summarised",
        done.len(),
        summary.report(book).clauses.len()
    );
}
