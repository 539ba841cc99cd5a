//! Exact money: parsing, rounding once per clause, and display.
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to 0.01 yuan, half away from zero (四舍五入).
pub fn round_yuan(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// "1234567.5" → "1234567.50": the contract's amount format.
pub fn fixed2(d: Decimal) -> String {
    let mut r = round_yuan(d);
    r.rescale(2);
    let m = r.mantissa();
    let (int, cents) = (m.unsigned_abs() / 100, m.unsigned_abs() % 100);
    let mut out = String::with_capacity(24);
    if m < 0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    out.push('.');
    out.push((b'0' + (cents / 10) as u8) as char);
    out.push((b'0' + (cents % 10) as u8) as char);
    out
}

/// For the steps a person reads: thousands separators, and no ".00" on whole amounts
/// ("1,234.50", "3,000,000"). Works on the mantissa directly: this runs for every figure of every
/// step, and `Decimal`'s own Display plus regrouping was a third of an evaluation's time.
pub fn human(d: Decimal) -> String {
    let r = round_yuan(d);
    let mut m = r.mantissa().unsigned_abs();
    let mut scale = r.scale();
    while scale > 0 && m.is_multiple_of(10) {
        m /= 10;
        scale -= 1;
    }
    let pow = 10u128.pow(scale);
    let (int, frac) = (m / pow, m % pow);
    let mut digits = [0u8; 40];
    let mut n = 0;
    let mut x = int;
    loop {
        digits[n] = b'0' + (x % 10) as u8;
        n += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(n + n / 3 + 5);
    if r.is_sign_negative() && m != 0 {
        out.push('-');
    }
    for i in (0..n).rev() {
        out.push(digits[i] as char);
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
    if scale > 0 {
        // At most two decimals after rounding; "1234.5" shows as "1,234.50".
        let cents = if scale == 1 { frac * 10 } else { frac };
        out.push('.');
        out.push((b'0' + (cents / 10) as u8) as char);
        out.push((b'0' + (cents % 10) as u8) as char);
    }
    out
}

/// A rate as a percentage: 0.3 → "30%", 0.015 → "1.5%".
pub fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// Yuan shown in 万元, as `human` shows yuan: 8000000 → "800", 16666666.7 → "1,666.67".
pub fn in_wan(d: Decimal) -> String {
    human(d / Decimal::from(10_000))
}

/// Parses a plain decimal: digits, an optional point and at most two decimals, no sign or exponent.
/// The error is a short English reason; the caller names the field.
pub fn parse_plain(s: &str, max_decimals: u32) -> Result<Decimal, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Err("empty: give a number such as \"1250000.50\"");
    }
    if t.starts_with('-') {
        return Err("must not be negative");
    }
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits_ok = !int.is_empty()
        && int.bytes().all(|c| c.is_ascii_digit())
        && frac.bytes().all(|c| c.is_ascii_digit())
        && !(t.contains('.') && frac.is_empty());
    if !digits_ok {
        return Err("not a number: use digits with an optional decimal point, e.g. \"1250000.50\"");
    }
    if frac.len() as u32 > max_decimals {
        return Err(if max_decimals == 2 {
            "more than two decimal places"
        } else {
            "must be a whole number"
        });
    }
    if int.trim_start_matches('0').len() > 16 {
        return Err("absurdly large");
    }
    t.parse::<Decimal>().map_err(|_| "not a number")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero_once() {
        // 30% of 333.35 = 100.005 → 100.01
        assert_eq!(fixed2(d("333.35") * d("0.30")), "100.01");
        assert_eq!(fixed2(d("0.004")), "0.00");
        assert_eq!(fixed2(d("2000000")), "2000000.00");
        assert_eq!(fixed2(d("0.5")), "0.50");
        assert_eq!(fixed2(d("-12.345")), "-12.35");
    }

    #[test]
    fn human_and_percent() {
        assert_eq!(human(d("3000000")), "3,000,000");
        assert_eq!(human(d("1234.5")), "1,234.50");
        assert_eq!(human(d("100.005")), "100.01");
        assert_eq!(human(d("0")), "0");
        assert_eq!(human(d("0.05")), "0.05");
        assert_eq!(human(d("999")), "999");
        assert_eq!(human(d("1000")), "1,000");
        assert_eq!(human(d("100000.00")), "100,000");
        assert_eq!(human(d("-1234567.8")), "-1,234,567.80");
        assert_eq!(human(d("1000000000000")), "1,000,000,000,000");
        assert_eq!(percent(d("0.015")), "1.5%");
        assert_eq!(percent(d("0.30")), "30%");
        assert_eq!(in_wan(d("8000000")), "800");
        assert_eq!(in_wan(d("16666666.7")), "1,666.67");
    }

    #[test]
    fn parse_rejects_bad_forms() {
        assert_eq!(parse_plain("1250000.50", 2), Ok(d("1250000.50")));
        assert!(parse_plain("-1", 2).is_err());
        assert!(parse_plain("1.234", 2).is_err());
        assert!(parse_plain("1e5", 2).is_err());
        assert!(parse_plain("1,000", 2).is_err());
        assert!(parse_plain("12.", 2).is_err());
        assert!(parse_plain("99999999999999999999", 2).is_err());
        assert!(parse_plain("1.5", 0).is_err());
    }
}
