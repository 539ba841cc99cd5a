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
    r.to_string()
}

/// For the steps a person reads: thousands separators, and no ".00" on whole amounts.
pub fn human(d: Decimal) -> String {
    let r = round_yuan(d).normalize();
    let s = r.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f:0<2}")),
        None => (s.clone(), String::new()),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let sign = if r.is_sign_negative() && !r.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{out}{frac}")
}

/// A rate as a percentage: 0.3 → "30%", 0.015 → "1.5%".
pub fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// Amounts in 万元 for Chinese text: 8000000 → "800万元", 12345 → "1.2345万元".
pub fn wan(d: Decimal) -> String {
    format!(
        "{}万元",
        (round_yuan(d) / Decimal::from(10_000)).normalize()
    )
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
    }

    #[test]
    fn human_and_percent() {
        assert_eq!(human(d("3000000")), "3,000,000");
        assert_eq!(human(d("1234.5")), "1,234.50");
        assert_eq!(human(d("100.005")), "100.01");
        assert_eq!(percent(d("0.015")), "1.5%");
        assert_eq!(percent(d("0.30")), "30%");
        assert_eq!(wan(d("8000000")), "800万元");
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
