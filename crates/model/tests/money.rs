//! Money: parsing, rounding and the texts of amounts, through `money`'s public functions (these
//! tests were the module's own, in crates/rules/src/money.rs).
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;
use subsidy_model::money::*;

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
fn rounding_from_the_mantissa_agrees_with_decimal_rounding() {
    // fixed2 and human round from the mantissa in u64; rust_decimal's own rounding is the
    // reference, over many mantissas (a simple LCG) at every scale from 0 to 28, both signs,
    // and the halves exactly (…5 at the third decimal).
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..20_000u32 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let m = (x >> (i % 40)) as i64 * if i % 2 == 0 { 1 } else { -1 };
        let m = if i % 7 == 0 { m / 10 * 10 + 5 } else { m };
        let d = Decimal::new(m, i % 29);
        let r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let want = format!("{:.2}", r);
        let want = if want == "-0.00" {
            "0.00".to_string()
        } else {
            want
        };
        assert_eq!(fixed2(d), want, "{d}");
        // fen_of is the same figure as a whole number of fen (a batch sums these), wherever
        // the fen fit an i64 (beyond, 0: no application's figure).
        let fits = i64::try_from(r * Decimal::ONE_HUNDRED).is_ok();
        assert_eq!(
            fits,
            fen_of(d) != 0 || r.is_zero(),
            "fen_of({d}) = {}",
            fen_of(d)
        );
        assert!(
            !fits || Decimal::new(fen_of(d), 2) == r,
            "fen_of({d}) = {}",
            fen_of(d)
        );
        let h = human(d).replace(',', "");
        assert!(
            r.is_zero() || h.starts_with('-') == r.is_sign_negative(),
            "{d}"
        );
        assert_eq!(
            h.parse::<Decimal>().unwrap(),
            r,
            "human({d}) = {}",
            human(d)
        );
    }
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
fn json_numbers_are_read_exactly() {
    assert_eq!(parse_json_number("1250000.5", 2), Ok(d("1250000.5")));
    assert_eq!(parse_json_number("1.25e6", 2), Ok(d("1250000")));
    assert_eq!(parse_json_number("125E-2", 2), Ok(d("1.25")));
    assert_eq!(parse_json_number("0e-999999999999999999", 2), Ok(d("0")));
    assert_eq!(parse_json_number("0.000", 2), Ok(d("0")));
    // The fuzzer's finds: a huge exponent is refused, never read as 0 (nor a panic).
    assert_eq!(
        parse_json_number("1234567890123456789e9223372036854775807", 2),
        Err("absurdly large")
    );
    assert_eq!(
        parse_json_number("1.5e-9223372036854775808", 2),
        Err("more than two decimal places")
    );
    assert_eq!(
        parse_json_number("1000000.00000000001", 2),
        Err("more than two decimal places")
    );
    assert_eq!(parse_json_number("1.5", 0), Err("must be a whole number"));
    assert_eq!(parse_json_number("15e-1", 0), Err("must be a whole number"));
    assert_eq!(parse_json_number("1e15", 2), Ok(d("1000000000000000")));
    assert_eq!(parse_json_number("1e+16", 2), Err("absurdly large"));
}

#[test]
fn measures_are_cut_not_rounded() {
    assert_eq!(truncated(d("299.996"), 4), ("299.996".into(), false));
    assert_eq!(truncated(d("1000") / d("3"), 4), ("333.3333".into(), true));
    assert_eq!(truncated(d("3000"), 4), ("3,000".into(), false));
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
    // The reasons, as a person reads them next to the field's name.
    let nan = Err(NOT_A_NUMBER);
    for (text, max, want) in [
        ("", 2, Err("empty: give a number such as \"1250000.50\"")),
        ("   ", 2, Err("empty: give a number such as \"1250000.50\"")),
        ("-1", 2, Err("must not be negative")),
        (".5", 2, nan),
        ("5.", 2, nan),
        ("1.2.3", 2, nan),
        ("1.234x", 2, nan),
        ("+5", 2, nan),
        ("１２", 2, nan),
        ("1.234", 2, Err("more than two decimal places")),
        (
            "12345678901234567.123",
            2,
            Err("more than two decimal places"),
        ),
        ("1.5", 0, Err("must be a whole number")),
        ("12345678901234567", 2, Err("absurdly large")),
        ("00000000000000000001", 2, Ok(d("1"))),
        ("\u{3000}12\u{3000}", 2, Ok(d("12"))),
        (" 7.05 ", 2, Ok(d("7.05"))),
    ] {
        assert_eq!(parse_plain(text, max), want, "{text:?}");
    }
}

#[test]
fn plain_decimal_reads_what_from_str_reads() {
    // Same mantissa and scale as rust_decimal's FromStr on every plain form; None where it is
    // not plain (FromStr would read some of these, e.g. "1e5": no figure is written so).
    for t in [
        "0",
        "-0",
        "0.00",
        "-1234567.50",
        "007.5",
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
        "12345678901234567890.12345678",
    ] {
        let (ours, theirs) = (plain_decimal(t).unwrap(), t.parse::<Decimal>().unwrap());
        assert_eq!(
            (ours.mantissa(), ours.scale()),
            (theirs.mantissa(), theirs.scale()),
            "{t}"
        );
    }
    for t in [
        "",
        "-",
        ".5",
        "1.",
        "1e5",
        "1,000",
        "+1",
        " 1",
        "1.2.3",
        "79228162514264337593543950336",
    ] {
        assert_eq!(plain_decimal(t), None, "{t}");
    }
}

#[test]
fn parse_makes_what_rust_decimal_makes() {
    // The same mantissa and scale (so the same text when written back) for every accepted form:
    // leading zeros, no decimals, one, two, the largest 16 digits.
    let mut texts: Vec<String> = [
        "0",
        "0.0",
        "0.00",
        "007.5",
        "1250000.50",
        "9999999999999999.99",
        "0000000000000000000001.5",
        " 42 ",
        "3000000",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut seed: u64 = 11;
    for _ in 0..20_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let v = (seed >> 11) % 10_000_000_000_000_000;
        texts.push(match (seed >> 3) % 3 {
            0 => format!("{v}"),
            1 => format!("{}.{}", v / 10, v % 10),
            _ => format!("{}.{:02}", v / 100, v % 100),
        });
    }
    for t in &texts {
        let ours = parse_plain(t, 2).unwrap();
        let theirs: Decimal = t.trim().parse().unwrap();
        assert_eq!(
            (ours.mantissa(), ours.scale()),
            (theirs.mantissa(), theirs.scale()),
            "{t}"
        );
    }
    assert_eq!(parse_plain("1.50", 2).unwrap().to_string(), "1.50");
}

#[test]
fn a_figure_before_rounding_shows_every_decimal_it_has() {
    use subsidy_model::money::Precise;
    let p = |s: &str| Precise(s.parse().unwrap()).to_string();
    // Two decimals or fewer: as every amount is shown ("1,234.50", "3,000,000").
    assert_eq!(p("3000000.00"), "3,000,000");
    assert_eq!(p("1234.5"), "1,234.50");
    // More: every decimal, trailing zeros dropped, separators in the whole part.
    assert_eq!(p("300000.0150"), "300,000.015");
    assert_eq!(p("0.006"), "0.006");
    assert_eq!(p("66666.6666"), "66,666.6666");
    assert_eq!(p("1234567.0001"), "1,234,567.0001");
    assert_eq!(p("-0.005"), "-0.005");
    assert_eq!(p("-1234.5678"), "-1,234.5678");
    // The most decimals a Decimal has, and the most digits.
    assert_eq!(
        p("0.0000000000000000000000000001"),
        "0.0000000000000000000000000001"
    );
    assert_eq!(
        p("7922816251426433759354395.0335"),
        "7,922,816,251,426,433,759,354,395.0335"
    );
}
