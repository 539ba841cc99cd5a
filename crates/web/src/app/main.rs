//! The calculator web app: a thin Yew layer over the engine (`subsidy_calc`) and its view model
//! (`subsidy_calc_web::form`). Built for wasm32 by trunk; on the host this binary only says so.
// The page's modules, built for wasm32 only (their dependencies are wasm32-only).
#[cfg(target_arch = "wasm32")]
#[path = "."]
mod page {
    pub mod allocator;
    pub mod api;
    pub mod app;
    pub mod browser;
    pub mod chart;
    pub mod frame;
    pub mod inputs;
    pub mod results;
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
