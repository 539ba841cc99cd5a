//! `window.subsidyCalc`: the engine for scripts on the page — the same contract as
//! `subsidy-calc eval` (docs/CONTRACT.md).
//!
//!   subsidyCalc.evaluate(application[, {detail: 'figures', lang: 'zh'}]) → result (or its figures
//!     only; its words in both languages, or one);
//!     throws {name: "SubsidyCalcError", message, errors}
//!   subsidyCalc.rules()               → the rule catalogue
//!
//! `subsidyCalc.plan` is boot.js's: it loads the 多年规划 bundle on first use (plan/api.rs), and so
//! is `evaluate(application, {reform})`, which that bundle answers too (a Promise): the reform code
//! is not in this page's bundle.
//!   subsidyCalc.version               → the rule-data version
//!
//! Results cross the boundary as JavaScript values made by serde-wasm-bindgen (no JSON text in
//! between); they are what `subsidy-calc eval` prints (maps as plain objects).
use crate::js::{error, to_js, value_of};
use wasm_bindgen::prelude::*;

/// Evaluates a contract application given as a JS object (or a JSON string). Options:
/// `{detail: 'figures'}` gives the figures only (ids, kinds, amounts, caps, in_totals, totals) and
/// writes no text; `{detail: 'full'}` (the default) the contract's whole result.
/// `{lang: 'zh'}` or `{lang: 'en'}` writes the result's words in that language only (`steps_zh`, or
/// `steps`, …); `'both'` (the default) in both, as the contract has them.
pub fn evaluate(application: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (detail, langs) = crate::js::detail_and_langs(&options)?;
    let o =
        subsidy_calc::evaluate_value_with(&value_of(application)?, crate::browser::today(), detail)
            .map_err(|e| error(&e))?;
    Ok(match detail {
        subsidy_calc::Detail::Full => to_js(&o.in_langs(langs)),
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

/// Fires `subsidy-result` on an embedding element, with the result (the contract's JSON) as detail.
/// It bubbles and crosses shadow roots, so a host can listen on the element or above it.
pub fn fire_result(host: &web_sys::HtmlElement, outcome: &subsidy_calc::Outcome) {
    let detail = to_js(outcome);
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("subsidy-result", &init) {
        let _ = host.dispatch_event(&event);
    }
}
