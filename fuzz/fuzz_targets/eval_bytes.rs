//! Evaluation from arbitrary bytes: whatever arrives on `subsidy-calc eval`'s standard input (read as
//! the command line reads it) never panics, and a result always obeys the contract's arithmetic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use subsidy_calc::Date;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let today = Date::parse("2026-11-25").unwrap();
    if let Ok(o) = subsidy_calc::evaluate_json(&text, today) {
        let (up_to, exact) = (o.total.up_to.to_string(), o.total.exact.to_string());
        assert!(up_to.parse::<f64>().unwrap() >= exact.parse::<f64>().unwrap());
        assert!(!exact.starts_with('-'));
    }
});
