//! `window.subsidyCalc`: the engine for scripts on the page — the same contract as
//! `subsidy-calc eval` (docs/CONTRACT.md).
//!
//!   subsidyCalc.evaluate(application[, {detail: 'figures'}]) → result (or its figures only);
//!     throws {name: "SubsidyCalcError", message, errors}
//!   subsidyCalc.rules()               → the rule catalogue
//!
//! `subsidyCalc.plan` is boot.js's: it loads the 多年规划 bundle on first use (plan_api.rs).
//!   subsidyCalc.version               → the rule-data version
//!
//! Values cross the boundary as JSON text (JSON.stringify / JSON.parse): the same bytes as
//! `subsidy-calc eval`, and one serializer in the bundle instead of two (serde-wasm-bindgen
//! would add a second copy of every result type's serializer, ~20 KB of wasm).
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub(crate) fn to_js<T: Serialize>(v: &T) -> JsValue {
    serde_json::to_string(v)
        .ok()
        .and_then(|t| js_sys::JSON::parse(&t).ok())
        .unwrap_or(JsValue::NULL)
}

pub(crate) fn error(errors: &[subsidy_calc::FieldError]) -> JsValue {
    let obj = js_sys::Object::new();
    let message = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ");
    let _ = js_sys::Reflect::set(&obj, &"name".into(), &"SubsidyCalcError".into());
    let _ = js_sys::Reflect::set(&obj, &"message".into(), &message.into());
    let _ = js_sys::Reflect::set(&obj, &"errors".into(), &to_js(&errors));
    obj.into()
}

/// A JS object (or a JSON string) as JSON text: the same text path as the command line (its size
/// limit, duplicate-key and exact-number checks).
pub(crate) fn text_of(value: &JsValue) -> Result<String, JsValue> {
    match value.as_string() {
        Some(text) => Ok(text),
        None => js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                error(&[subsidy_calc::FieldError {
                    field: "(root)".into(),
                    message: "not a JSON-like object".into(),
                }])
            }),
    }
}

/// Evaluates a contract application given as a JS object (or a JSON string). Options:
/// `{detail: 'figures'}` gives the figures only (ids, kinds, amounts, caps, in_totals, totals) and
/// writes no text; `{detail: 'full'}` (the default) the contract's whole result.
pub fn evaluate(application: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    // No options (undefined) is the common call: not asked of Reflect, which would throw.
    let detail = match options
        .is_object()
        .then(|| js_sys::Reflect::get(&options, &"detail".into()).ok())
        .flatten()
        .and_then(|d| d.as_string())
    {
        None => subsidy_calc::Detail::Full,
        Some(d) => subsidy_calc::Detail::parse(&d).ok_or_else(|| {
            error(&[subsidy_calc::FieldError::new(
                "(options).detail",
                "must be \"full\" or \"figures\"",
            )])
        })?,
    };
    let o =
        subsidy_calc::evaluate_json_with(&text_of(&application)?, crate::browser::today(), detail)
            .map_err(|e| error(&e))?;
    Ok(match detail {
        subsidy_calc::Detail::Full => to_js(&o),
        subsidy_calc::Detail::Figures => to_js(&o.figures()),
    })
}

pub fn rules() -> Result<JsValue, JsValue> {
    Ok(to_js(&subsidy_calc::catalogue()))
}

/// Puts `subsidyCalc` on `window` (kept if a page already has one from another copy).
pub fn install() {
    let Some(w) = crate::browser::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let eval = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(evaluate);
    let rules = Closure::<dyn Fn() -> Result<JsValue, JsValue>>::new(rules);
    let _ = js_sys::Reflect::set(&api, &"evaluate".into(), eval.as_ref());
    let _ = js_sys::Reflect::set(&api, &"rules".into(), rules.as_ref());
    let version = subsidy_calc::rulebook::book().version();
    let _ = js_sys::Reflect::set(&api, &"version".into(), &version.into());
    let _ = js_sys::Reflect::set(&api, &"schema".into(), &2.into());
    eval.forget();
    rules.forget();
    let _ = js_sys::Reflect::set(&w, &"subsidyCalc".into(), &api);
}
