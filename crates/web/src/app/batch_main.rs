//! The batch page for officials, batch.html: its own bundle (the spreadsheet formats and the
//! summary), loaded only there, so the calculator page's size budget does not grow. A thin Yew
//! layer over `subsidy_calc::sheet` and `subsidy_calc::batch`.
#[cfg(target_arch = "wasm32")]
mod allocator;
#[cfg(target_arch = "wasm32")]
mod batch_app;
#[cfg(target_arch = "wasm32")]
#[allow(dead_code)]
mod browser;

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::mount::<batch_app::BatchApp>("data-subsidy-batch");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("subsidy-calc-batch is the browser's batch page: build it with scripts/serve.sh.");
}
