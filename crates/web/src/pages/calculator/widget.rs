//! The embeddable calculator: `widget.js` defines `<subsidy-calculator>` and calls `mount_widget`
//! with a mount point inside the element's shadow root; attribute changes call `refresh`.
//!
//! Attributes: `region` (pre-selects the region), `locked` (hides the region picker and the
//! comparison), `lang` (`zh` | `en`), `sections` (comma-separated families to show: compute, model,
//! scenario, listing, other).
use crate::app::{App, AppProps, Embed};
use subsidy_calc_web::form::Lang;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

/// Reads the element's attributes into the app's configuration.
fn config(host: &web_sys::HtmlElement) -> AppProps {
    let attr = |name: &str| {
        host.get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let lang = attr("lang").map(|l| {
        if l.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    });
    let sections = attr("sections").map(|s| {
        s.split([',', ' '])
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    });
    AppProps {
        embed: Some(Embed {
            region: attr("region"),
            locked: host.has_attribute("locked")
                && host.get_attribute("locked").as_deref() != Some("false"),
            lang,
            sections,
            host: Some(host.clone()),
        }),
    }
}

/// One mounted calculator.
#[wasm_bindgen]
pub struct Widget {
    handle: AppHandle<App>,
    host: web_sys::HtmlElement,
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the host element's attributes (after one changed).
    pub fn refresh(&mut self) {
        self.handle.update(config(&self.host));
    }
}

/// Mounts a calculator at `mount` (inside `host`'s shadow root), configured by `host`'s attributes.
#[wasm_bindgen]
pub fn mount_widget(mount: web_sys::Element, host: web_sys::HtmlElement) -> Widget {
    let handle = yew::Renderer::<App>::with_root_and_props(mount, config(&host)).render();
    Widget { handle, host }
}
