//! The strict reader (serde_json's parser through the key-checking visitor that builds the value)
//! against serde_json's own `Value`: the same value for every document serde_json accepts, and an
//! error for every one it refuses (generated documents, and mutations of them).
use proptest::prelude::*;
use serde_json::Value;

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            // Floats: both parsers are exact on the fast path (≤ 15 digits, exponent within ±22, checked
            // exactly in `fast_path_numbers_are_exact`); beyond it both are best effort, so allow a few
            // units in the last place. Integers must match exactly.
            (Some(p), Some(q)) if x.is_f64() || y.is_f64() => {
                p == q || (p - q).abs() <= p.abs().max(q.abs()) * 1e-14
            }
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let ours = subsidy_calc::input::strict::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{text:?}: {a} vs {b}"),
        (Err(_), Err(_)) => {}
        _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    Ok(())
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<u64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        ".*".prop_map(Value::String),
        "[\\u{0}-\\u{7f}\\u{4e00}-\\u{4e10}\\u{1F600}]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn agrees_on_generated_documents(v in arb_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        check(&text)?;
    }

    #[test]
    fn agrees_on_mutated_documents(v in arb_value(), at in any::<prop::sample::Index>(), with in "[\\[\\]{}\",:0-9eE.+\\-\\\\a-z \\n]{0,3}", cut in any::<bool>()) {
        let text = serde_json::to_string(&v).unwrap();
        let mut i = at.index(text.len() + 1);
        while !text.is_char_boundary(i) { i -= 1; }
        let mutated = if cut { format!("{}{}", &text[..i], with) } else { format!("{}{}{}", &text[..i], with, &text[i..]) };
        check(&mutated)?;
    }

    #[test]
    fn agrees_on_numbers(n in "-?(0|[1-9][0-9]{0,22})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?") {
        check(&n)?;
    }

    #[test]
    fn agrees_on_escapes(s in "(\\\\[\"\\\\/bfnrtu]|\\\\u[0-9a-fA-F]{4}|\\\\u[dD][89abAB][0-9a-f]{2}\\\\u[dD][c-fC-F][0-9a-f]{2}|[a-z]){0,6}") {
        check(&format!("\"{s}\""))?;
    }
}

proptest! {
    /// Every number a person types: up to 15 significant digits, small exponents — exactly equal to
    /// Rust's correctly-rounded parse.
    #[test]
    fn fast_path_numbers_are_exact(n in "-?(0|[1-9][0-9]{0,9})(\\.[0-9]{1,5})?([eE][+-]?[0-9]{1})?") {
        let ours = subsidy_calc::input::strict::parse(&n).unwrap();
        let exact: f64 = n.parse().unwrap();
        match ours.as_f64() {
            Some(f) => prop_assert_eq!(f, exact, "{}", n),
            None => prop_assert!(false),
        }
    }
}

#[test]
fn money_numbers_read_exactly() {
    for (t, want) in [
        ("0.1", 0.1),
        ("1250000.5", 1_250_000.5),
        ("333.35", 333.35),
        ("99999999999.99", 99_999_999_999.99),
    ] {
        assert_eq!(
            subsidy_calc::input::strict::parse(t).unwrap().as_f64(),
            Some(want),
            "{t}"
        );
    }
}

#[test]
fn agrees_on_edge_cases() {
    for t in [
        "-0",
        "0",
        "-0.0",
        "1E400",
        "-1e400",
        "1e-400",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "[]",
        "{}",
        " [ ] ",
        "\"\\u0000\"",
        "\"\u{7f}\"",
        "[1,2",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1,}",
        "[1,]",
        "nul",
        "tru",
        "\"\\x\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\u{feff}{}",
        "{\"a\":1}\n",
        "{\"a\":1} {}",
        "2.",
        ".5",
        "+1",
        "0x10",
        "1e",
        "1e+",
    ] {
        check(t).unwrap_or_else(|e| panic!("{t:?}: {e}"));
    }
}
