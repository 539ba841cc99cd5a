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

/// `window.subsidyCalcReform(application, options)`: an application under a reform (the contract's
/// "A reform"), with `reform` and `baseline` as `subsidy-calc eval --reform` gives them. Scripts
/// call it as `subsidyCalc.evaluate(application, { reform, detail, lang })`, which boot.js routes
/// here (loading this bundle on first use) and which then returns a Promise.
pub fn reform(application: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    use subsidy_calc::Detail;
    let (detail, langs) = crate::js::detail_and_langs(&options)?;
    let given = js_sys::Reflect::get(&options, &"reform".into()).unwrap_or(JsValue::UNDEFINED);
    let book = subsidy_calc::rulebook::book();
    let reformed =
        subsidy_calc::reform::Reformed::read(&value_of(given)?, book).map_err(|e| error(&e))?;
    let mut app =
        subsidy_calc::input::parse_value(&value_of(application)?, crate::browser::today())
            .map_err(|e| error(&e))?;
    app.detail = detail;
    let baseline = subsidy_calc::engine::evaluate(&app, book).with_code(&app);
    let o = reformed.evaluate(&app);
    // The result as the page's API writes it, then `reform` and `baseline` set on it (not through
    // serde_json::Value: a second serializer of every result type cost ~10 KB of this bundle).
    let out = match detail {
        Detail::Full => to_js(&o.in_langs(langs)),
        Detail::Figures => to_js(&o.figures()),
    };
    let _ = js_sys::Reflect::set(&out, &"reform".into(), &to_js(&reformed.reform));
    let _ = js_sys::Reflect::set(
        &out,
        &"baseline".into(),
        &to_js(&subsidy_calc::reform::Baseline::of(&baseline)),
    );
    Ok(out)
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
    let r = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(reform);
    let _ = js_sys::Reflect::set(&w, &"subsidyCalcReform".into(), r.as_ref());
    r.forget();
}
