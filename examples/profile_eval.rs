//! Runs many evaluations of one busy Qiaokou application, for a profiler (callgrind / perf).
use subsidy_calc::{Date, RuleBook, engine, input};
fn main() {
    let today = Date::parse("2026-11-24").unwrap();
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("application file")).unwrap();
    let app = input::parse_text(&text, today).unwrap();
    let book = RuleBook::embedded().unwrap();
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
