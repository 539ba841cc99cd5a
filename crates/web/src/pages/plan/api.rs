//! `window.subsidyCalcPlan(plan)`: the engine's plan over years for scripts (the contract's "A plan
//! over years", the same as `subsidy-calc plan`). Scripts call it as `subsidyCalc.plan(plan)`, which
//! boot.js defines on every page: it loads this bundle on first use and returns a Promise.
use crate::js::{error, to_js, value_of};
use wasm_bindgen::prelude::*;

/// Evaluates a plan given as a JS object (or JSON text); throws `SubsidyCalcError` naming every
/// bad field.
pub fn plan(value: JsValue) -> Result<JsValue, JsValue> {
    let v = value_of(value)?;
    subsidy_calc::plan::plan_value(&v, subsidy_calc::rulebook::book(), crate::browser::today())
        .map(|o| to_js(&o))
        .map_err(|e| error(&e))
}

/// Puts `subsidyCalcPlan` on `window`, and a `subsidyCalc` with the rule-data version where the
/// page has none (the plan page; the calculator page keeps its own).
pub fn install() {
    let Some(w) = crate::browser::window() else {
        return;
    };
    if !js_sys::Reflect::get(&w, &"subsidyCalc".into()).is_ok_and(|v| v.is_object()) {
        let api = js_sys::Object::new();
        let version = subsidy_calc::rulebook::book().version();
        let _ = js_sys::Reflect::set(&api, &"version".into(), &version.into());
        let _ = js_sys::Reflect::set(&api, &"schema".into(), &2.into());
        let _ = js_sys::Reflect::set(&w, &"subsidyCalc".into(), &api);
    }
    let f = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(plan);
    let _ = js_sys::Reflect::set(&w, &"subsidyCalcPlan".into(), f.as_ref());
    f.forget();
}
