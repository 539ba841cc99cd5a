//! The few browser services the app uses, each failing soft (a private window without storage, an
//! old browser): nothing here may panic, since a panic would stop the whole page.
use subsidy_calc::Date;
use wasm_bindgen::JsCast;

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// Renders a page's app into `#app` when that element carries the page's `marker` attribute: a
/// host page that loads the widget may well have an unrelated `id="app"`.
pub fn mount<C>(marker: &str)
where
    C: yew::BaseComponent,
    C::Properties: Default,
{
    if let Some(root) = document()
        .and_then(|d| d.get_element_by_id("app"))
        .filter(|e| e.has_attribute(marker))
    {
        yew::Renderer::<C>::with_root(root).render();
    }
}

/// Runs `f` after the browser has painted the frame being built (the next animation frame, then a
/// task): what a page shows first is on screen before the rest is laid out.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(w) = window() else { return f() };
    let run = Closure::once_into_js(f);
    let soon = {
        let run = run.clone();
        Closure::once_into_js(move || {
            if let Some(w) = window() {
                let _ = w.set_timeout_with_callback(run.unchecked_ref());
            }
        })
    };
    if w.request_animation_frame(soon.unchecked_ref()).is_err() {
        let _ = w.set_timeout_with_callback(run.unchecked_ref());
    }
}

/// Today in China (UTC+8): the default date of a calculation.
pub fn today() -> Date {
    let ms = js_sys::Date::now();
    let days = ((ms / 1000.0 + 8.0 * 3600.0) / 86_400.0).floor() as i64;
    Date::from_days_since_epoch(days)
}

pub fn storage_get(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.local_storage()) {
        let _ = s.set_item(key, value);
    }
}

/// The URL fragment without '#'.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Replaces the fragment without adding a history entry (typing should not fill the back button).
pub fn set_fragment(fragment: &str) {
    let Some(w) = window() else { return };
    let url = format!("#{fragment}");
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's address without its fragment.
pub fn base_href() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Offers text as a file download (no server involved: a blob URL).
pub fn download(filename: &str, mime: &str, text: &str) {
    offer(filename, mime, &wasm_bindgen::JsValue::from_str(text));
}

/// Offers bytes (a spreadsheet) as a file download. (The batch page's: the calculator's bundle
/// does not use it.)
#[allow(dead_code)]
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) {
    offer(filename, mime, &js_sys::Uint8Array::from(bytes).into());
}

fn offer(filename: &str, mime: &str, part: &wasm_bindgen::JsValue) {
    let Some(doc) = document() else { return };
    let parts = js_sys::Array::of1(part);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Prints the report with its verification QR code: `subsidyCalcPrint` (boot.js: the QR module is
/// loaded on first print, so the page's first load does not carry it), else the browser's print.
pub fn print_report() {
    let Some(w) = window() else { return };
    let f = js_sys::Reflect::get(&w, &"subsidyCalcPrint".into()).ok();
    match f.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(f) => {
            let _ = f.call0(&w);
        }
        None => print(),
    }
}
