//! What every page's JavaScript API shares: a result as a JS value, the error a call throws
//! (`SubsidyCalcError`, each field named, in English and Chinese), and a JS argument read as the
//! engine's JSON.
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub(crate) fn to_js<T: Serialize>(v: &T) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
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
    // Each error also in Chinese (`message_zh`), as the command line gives both.
    let list: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| {
            serde_json::json!({
                "field": e.field, "message": e.message,
                "message_zh": e.message_in(subsidy_calc::text::Lang::Zh)
            })
        })
        .collect();
    let _ = js_sys::Reflect::set(&obj, &"errors".into(), &to_js(&list));
    obj.into()
}

/// A JS object (or a JSON string) as the engine's JSON value, read as the command line reads it
/// (its size limit, duplicate-key and exact-number checks). An object goes through the browser's
/// `JSON.stringify`: measured 2026-11-25, reading it with serde-wasm-bindgen instead cost 10 KB of
/// the page and ~10 µs more a call (a JS call per key and value).
pub(crate) fn value_of(value: JsValue) -> Result<serde_json::Value, JsValue> {
    let text = match value.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                error(&[subsidy_calc::FieldError::new(
                    "(root)",
                    "not a JSON-like object",
                )])
            })?,
    };
    subsidy_calc::input::json_text(&text).map_err(|e| error(&e))
}

/// One string option (`detail`, `lang`): None when not given (or no options, undefined: the common
/// call, not asked of Reflect, which would throw); Err when given but not a string.
#[allow(dead_code)]
pub(crate) fn option(options: &JsValue, key: &str) -> Result<Option<String>, ()> {
    if !options.is_object() {
        return Ok(None);
    }
    let v = js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or(())
}

/// The `detail` and `lang` options of `evaluate`: `{detail: 'figures'}` gives the figures only;
/// `{lang: 'zh'}` / `{lang: 'en'}` writes the words in that language only.
#[allow(dead_code)]
pub(crate) fn detail_and_langs(
    options: &JsValue,
) -> Result<(subsidy_calc::Detail, subsidy_calc::text::Langs), JsValue> {
    let bad = |field: &str, message: &str| error(&[subsidy_calc::FieldError::new(field, message)]);
    let detail = match option(options, "detail") {
        Ok(None) => Some(subsidy_calc::Detail::Full),
        Ok(Some(d)) => subsidy_calc::Detail::parse(&d),
        Err(()) => None,
    }
    .ok_or_else(|| bad("(options).detail", "must be \"full\" or \"figures\""))?;
    let langs = match option(options, "lang") {
        Ok(None) => Some(subsidy_calc::text::Langs::Both),
        Ok(Some(l)) => subsidy_calc::text::Langs::parse(&l),
        Err(()) => None,
    }
    .ok_or_else(|| bad("(options).lang", "must be \"both\", \"zh\" or \"en\""))?;
    Ok((detail, langs))
}
