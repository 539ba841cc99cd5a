//! Evaluation from structurally valid applications: every real field name (`input::FIELDS` and the
//! scenario fields), each given an edge value of its type — or of a wrong type — so the fuzzer spends
//! its time in the validator and the engine rather than in JSON syntax. Checks the result's promises:
//! never negative, never above a binding cap, totals equal to the sum of the counted awards, a reason
//! for every not_eligible.
#![no_main]
use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use std::str::FromStr;
use subsidy_calc::input::{FIELDS, SCENARIO_FIELDS, Ty};
use subsidy_calc::rulebook::Kind;
use subsidy_calc::text::{In, Lang};

const DATES: [&str; 9] = [
    "2020-01-01",
    "2024-03-26",
    "2024-03-27",
    "2024-05-30",
    "2024-05-31",
    "2027-03-27",
    "2027-12-31",
    "2028-01-01",
    "2026-02-30",
];
const MONEY: [&str; 14] = [
    "0",
    "0.01",
    "0.005",
    "1",
    "333.35",
    "999999.99",
    "1000000",
    "1700000",
    "26666666.65",
    "1000000000000",
    "1000000000000.01",
    "-0",
    "1e3",
    "",
];

fn number(u: &mut Unstructured) -> arbitrary::Result<Value> {
    Ok(match u.int_in_range(0..=5)? {
        0 => json!(*u.choose(&MONEY)?),
        1 => json!(u.int_in_range(0u64..=2_000_000_000)?),
        2 => Value::Number(
            serde_json::Number::from_str(u.choose(&[
                "1234567890123456789e9223372036854775807",
                "1.5e-9223372036854775808",
                "1000000.00000000001",
                "-0.0",
                "1E2",
                "0e-99",
                "12.5",
                "-3",
            ])?)
            .unwrap(),
        ),
        3 => json!(format!(
            "{}.{:02}",
            u.int_in_range(0u64..=99_999_999)?,
            u.int_in_range(0u8..=99)?
        )),
        4 => json!(String::arbitrary(u)?),
        _ => json!(bool::arbitrary(u)?),
    })
}

fn value(ty: Ty, u: &mut Unstructured) -> arbitrary::Result<Value> {
    if u.ratio(1, 12)? {
        return number(u); // a wrong type now and then
    }
    Ok(match ty {
        Ty::Money | Ty::Count(_) | Ty::Percent | Ty::Growth | Ty::Measure => number(u)?,
        // One amount, or a list of them (one per project), some of them odd.
        Ty::Amounts => {
            if u.ratio(1, 2)? {
                number(u)?
            } else {
                let n = u.int_in_range(0..=4)?;
                let mut v = Vec::new();
                for _ in 0..n {
                    v.push(number(u)?);
                }
                json!(v)
            }
        }
        Ty::Flag => json!(bool::arbitrary(u)?),
        Ty::Choice(opts) => json!(if u.ratio(1, 10)? {
            "unknown"
        } else {
            *u.choose(opts)?
        }),
        Ty::Set(opts) => {
            let n = u.int_in_range(0..=opts.len() + 1)?;
            let mut v = Vec::new();
            for _ in 0..n {
                v.push(json!(*u.choose(opts)?));
            }
            json!(v)
        }
        Ty::Day => json!(*u.choose(&DATES)?),
        Ty::Text => json!(String::arbitrary(u)?),
    })
}

fn insert(root: &mut Map<String, Value>, path: &str, v: Value) {
    let mut cur = root;
    let parts: Vec<&str> = path.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        let next = cur.entry(p.to_string()).or_insert_with(|| json!({}));
        let Value::Object(m) = next else { return };
        cur = m;
    }
    cur.insert(parts[parts.len() - 1].to_string(), v);
}

fn application(u: &mut Unstructured) -> arbitrary::Result<Value> {
    let mut root = Map::new();
    root.insert("schema".into(), json!(*u.choose(&[1, 2, 2, 2, 3])?));
    // The rule data's regions, and one that is none of them.
    let regions = subsidy_calc::input::regions();
    let region = match u.int_in_range(0..=regions.len())? {
        i if i < regions.len() => regions[i],
        _ => "moon",
    };
    root.insert("region".into(), json!(region));
    root.insert("as_of".into(), json!(*u.choose(&DATES)?));
    for f in FIELDS {
        if u.ratio(1, 3)? {
            insert(&mut root, f.path, value(f.ty, u)?);
        }
    }
    let mut list = Vec::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let mut sc = Map::new();
        for f in SCENARIO_FIELDS {
            if u.ratio(1, 2)? {
                sc.insert(f.path.to_string(), value(f.ty, u)?);
            }
        }
        list.push(Value::Object(sc));
    }
    root.insert("scenarios".into(), Value::Array(list));
    Ok(Value::Object(root))
}

/// A figure read from its text (an amount as the contract writes it).
fn d(s: impl ToString) -> Decimal {
    Decimal::from_str(&s.to_string()).unwrap()
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(app) = application(&mut u) else { return };
    let today = subsidy_calc::Date::parse("2026-11-25").unwrap();
    let Ok(o) = subsidy_calc::evaluate_value(&app, today) else {
        return;
    };
    let (mut exact, mut up_to) = (Decimal::ZERO, Decimal::ZERO);
    for a in &o.awards {
        if let Some(v) = a.amount {
            let v = d(v);
            assert!(v > Decimal::ZERO, "{}", a.id);
            if let (Some(b), Some(unc)) = (&a.binding_cap, a.uncapped) {
                assert!(d(unc) > v, "{}: {}", a.id, In(b, Lang::En));
            }
            if a.in_totals && a.kind == Kind::Exact {
                exact += v;
            }
            if a.in_totals && matches!(a.kind, Kind::Exact | Kind::UpTo) {
                up_to += v;
            }
        }
        if a.kind == Kind::NotEligible {
            assert!(
                a.reason
                    .as_ref()
                    .is_some_and(|r| !r.text(Lang::En).is_empty()),
                "{} without a reason",
                a.id
            );
            assert!(
                a.reason
                    .as_ref()
                    .is_some_and(|r| !r.text(Lang::Zh).is_empty()),
                "{} without a reason in Chinese",
                a.id
            );
        }
    }
    assert_eq!(d(o.total.exact), exact);
    assert_eq!(d(o.total.up_to), up_to);
    assert!(d(o.total.draft_up_to) <= up_to);
});
