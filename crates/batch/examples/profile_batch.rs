//! The batch page's loop run natively, for a profiler (callgrind / perf): the CSV's rows read,
//! each made an application, evaluated for its figures, added to the summary and kept as a table
//! row (`subsidy_batch::Batch`, as the batch page does in the browser).
//! `cargo run --release -p subsidy-batch --example profile_batch -- FILE.csv` (e.g. from `scripts/gen-batch.py`).
use subsidy_batch::{Batch, read_csv};
use subsidy_calc::Date;

fn main() {
    let path = std::env::args().nth(1).expect("a CSV file");
    let bytes = std::fs::read(&path).expect("readable");
    let today = Date::parse("2026-11-24").expect("a date");
    let book = subsidy_calc::rulebook::book();
    let rows = read_csv(&bytes).expect("a batch CSV");
    let mut batch = Batch::default();
    for row in rows {
        batch.add(book, row, today);
    }
    let report = batch.summary.report(book);
    println!(
        "{} rows, {} clauses summarised",
        batch.rows.len(),
        report.clauses.len()
    );
}
