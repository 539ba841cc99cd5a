//! The parser of amounts as people type them (全角 digits, separators, 万 / 元 suffixes): never a
//! panic; an accepted amount is never negative, never above the limit, and at most to the fen.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use subsidy_calc_web::form::{Unit, parse_amount};

fuzz_target!(|data: (&str, bool)| {
    let (text, wan) = data;
    let unit = if wan { Unit::Wan } else { Unit::Yuan };
    if let Ok(Some(d)) = parse_amount(text, unit) {
        assert!(d >= Decimal::ZERO, "{text:?} → {d}");
        assert!(
            d <= Decimal::from(subsidy_calc::input::MAX_MONEY),
            "{text:?} → {d}"
        );
        assert!(
            d.normalize().scale() <= 2,
            "{text:?} → {d}: finer than the fen"
        );
    }
});
