//! Runs many evaluations of one busy application, for a profiler (callgrind / perf):
//! `cargo run --release --example profile_eval -- APP.json [N] [figures]`.
use subsidy_calc::{Date, Detail, engine, input};
fn main() {
    let today = Date::parse("2026-11-24").unwrap();
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("application file")).unwrap();
    let mut app = input::parse_text(&text, today).unwrap();
    // A third argument `figures`: the figures-only evaluation.
    if std::env::args().nth(3).as_deref() == Some("figures") {
        app.detail = Detail::Figures;
    }
    let book = subsidy_calc::rulebook::book();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mut k = 0;
    for _ in 0..n {
        k += engine::evaluate(&app, book).awards.len();
    }
    println!("{k}");
}
