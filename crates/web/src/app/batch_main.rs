//! The batch page for officials, batch.html: its own bundle (the spreadsheet formats and the
//! summary), loaded only there, so the calculator page's size budget does not grow. A thin Yew
//! layer over `subsidy_calc::sheet` and `subsidy_calc::batch`.
// The page's modules, built for wasm32 only (their dependencies are wasm32-only).
#[cfg(target_arch = "wasm32")]
#[path = "."]
mod page {
    pub mod allocator;
    pub mod batch_app;
    #[allow(dead_code)]
    pub mod browser;
}
#[cfg(target_arch = "wasm32")]
use page::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::mount::<batch_app::BatchApp>("data-subsidy-batch");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("subsidy-calc-batch is the browser's batch page: build it with scripts/serve.sh.");
}
