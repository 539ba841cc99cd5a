//! The calculator web app: a thin Yew layer over the engine (`subsidy_calc`) and its view model
//! (`subsidy_calc_web::form`). Built for wasm32 by trunk; on the host this binary only says so.
#[cfg(target_arch = "wasm32")]
mod allocator;
#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod chart;
#[cfg(target_arch = "wasm32")]
mod frame;
#[cfg(target_arch = "wasm32")]
mod inputs;
#[cfg(target_arch = "wasm32")]
mod results;
#[cfg(target_arch = "wasm32")]
mod widget;

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
