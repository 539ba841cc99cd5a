//! The calculator page (index.html, and the widget and iframe that embed it): a thin Yew layer over
//! the engine (`subsidy_calc`) and its view model (`subsidy_calc_web::form`). Built for wasm32 by
//! trunk; on the host this binary only says so. Its own views are in this folder, what every page
//! shares in `../shared/`.
// The page's modules, built for wasm32 only (their dependencies are wasm32-only).
#[cfg(target_arch = "wasm32")]
#[path = "."]
mod page {
    #[path = "../shared/allocator.rs"]
    pub mod allocator;
    #[path = "../shared/browser.rs"]
    pub mod browser;
    #[path = "../shared/control.rs"]
    pub mod control;
    #[path = "../shared/js.rs"]
    pub mod js;
    #[path = "../shared/texts.rs"]
    pub mod texts;

    pub mod api;
    pub mod app;
    pub mod chart;
    pub mod frame;
    pub mod inputs;
    pub mod results;
    pub mod view;
    pub mod widget;
}
#[cfg(target_arch = "wasm32")]
use page::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    api::install();
    browser::mount::<app::App>("data-subsidy-calc");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "subsidy-calc-web is the browser app: build it with scripts/serve.sh (trunk, wasm32)."
    );
}
