//! The batch page for officials, batch.html: its own bundle (the spreadsheet formats and the
//! summary), loaded only there, so the calculator page's size budget does not grow. A thin Yew
//! layer over `subsidy_batch` and its view model (`subsidy_calc_web::batch_view`).
// The page's modules, built for wasm32 only (their dependencies are wasm32-only).
#[cfg(target_arch = "wasm32")]
#[path = "."]
mod page {
    #[path = "../shared/allocator.rs"]
    pub mod allocator;
    #[allow(dead_code)]
    #[path = "../shared/browser.rs"]
    pub mod browser;
    #[path = "../shared/texts.rs"]
    pub mod texts;

    pub mod app;
    pub mod reform;
}
#[cfg(target_arch = "wasm32")]
use page::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::mount::<app::BatchApp>("data-subsidy-batch");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("subsidy-calc-batch is the browser's batch page: build it with scripts/serve.sh.");
}
