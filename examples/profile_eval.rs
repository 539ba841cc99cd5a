//! Runs many evaluations of one busy application, for a profiler (callgrind / perf):
//! `cargo run --release --example profile_eval -- APP.json [N] [figures|written]`
//! (`written`: each result's words written out in both languages, as the contract has them).
use std::fmt::Write;
use subsidy_calc::text::{In, Lang};
use subsidy_calc::{Date, Detail, engine, input};

/// The command line's allocator, as in the benchmarks.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let today = Date::parse("2026-11-24").unwrap();
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("application file")).unwrap();
    let mut app = input::parse_text(&text, today).unwrap();
    let mode = std::env::args().nth(3).unwrap_or_default();
    if mode == "figures" {
        app.detail = Detail::Figures;
    }
    let book = subsidy_calc::rulebook::book();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mut k = 0;
    let mut out = String::new();
    for _ in 0..n {
        let o = engine::evaluate(&app, book);
        k += o.awards.len();
        if mode == "written" {
            out.clear();
            for lang in [Lang::Zh, Lang::En] {
                for a in &o.awards {
                    for l in a.steps.iter().chain(&a.reason).chain(&a.notes) {
                        let _ = write!(out, "{}", In(l, lang));
                    }
                }
            }
            k += out.len();
        }
    }
    println!("{k}");
}
