//! Helpers shared by the integration tests.
#![allow(dead_code)]
use serde_json::{Value, json};
use subsidy_calc::result::{Award, Outcome};
use subsidy_calc::text::Lang;
use subsidy_calc::{Date, FieldError};

pub fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}

/// Evaluates `body` for a region on 2026-11-24 (unless `body` sets its own `as_of`).
pub fn run(region: &str, body: Value) -> Outcome<'static> {
    let mut app = json!({ "schema": 2, "as_of": "2026-11-24", "region": region });
    merge(&mut app, body);
    subsidy_calc::evaluate_value(&app, today())
        .unwrap_or_else(|e| panic!("unexpected errors: {e:?}"))
}

pub fn errors(app: Value) -> Vec<FieldError> {
    match subsidy_calc::evaluate_value(&app, today()) {
        Ok(_) => panic!("expected errors for {app}"),
        Err(e) => e,
    }
}

fn merge(a: &mut Value, b: Value) {
    if let (Value::Object(a), Value::Object(b)) = (a, b) {
        for (k, v) in b {
            a.insert(k, v);
        }
    }
}

pub fn award<'a, 'b>(o: &'a Outcome<'b>, id: &str) -> &'a Award<'b> {
    o.award(id)
        .unwrap_or_else(|| panic!("no award {id} in {}", o.region))
}

/// The kind and amount of an award, as the contract prints them.
pub fn fig(o: &Outcome, id: &str) -> (String, Option<String>) {
    let a = award(o, id);
    let kind = serde_json::to_value(a.kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    (kind, a.amount.map(|y| y.to_string()))
}

pub fn up_to(amount: &str) -> (String, Option<String>) {
    ("up_to".into(), Some(amount.into()))
}

pub fn exact(amount: &str) -> (String, Option<String>) {
    ("exact".into(), Some(amount.into()))
}

pub fn kind_only(kind: &str) -> (String, Option<String>) {
    (kind.into(), None)
}

/// The reason and the steps of an award, both languages, as one text to search.
pub fn reason_steps(o: &Outcome, id: &str) -> String {
    let a = award(o, id);
    format!(
        "{} | {} | {} | {}",
        reason(o, id),
        a.steps_in(Lang::En).join(" / "),
        a.steps_in(Lang::Zh).join(" / "),
        a.notes_in(Lang::Zh).join(" / ")
    )
}

pub fn reason(o: &Outcome, id: &str) -> String {
    let a = award(o, id);
    format!(
        "{} | {}",
        a.reason_in(Lang::En).unwrap_or_default(),
        a.reason_in(Lang::Zh).unwrap_or_default()
    )
}
