//! The 多年规划 (multi-year plan) page, plan.html: its own bundle, loaded only there (and by
//! `subsidyCalc.plan` when a script on the calculator page first calls it), so the calculator page's
//! size budget does not grow. A thin Yew layer over `subsidy_calc_web::plan_form`.
// The page's modules, built for wasm32 only (their dependencies are wasm32-only).
#[cfg(target_arch = "wasm32")]
#[path = "."]
mod page {
    #[path = "../shared/allocator.rs"]
    pub mod allocator;
    #[allow(dead_code)]
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
    pub mod ctx;
    pub mod inputs;
    pub mod results;
}
#[cfg(target_arch = "wasm32")]
use page::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    // The plan function that boot.js's `subsidyCalc.plan` calls (and, on this page, a
    // `subsidyCalc` with the rule-data version; `evaluate` is the calculator page's).
    api::install();
    browser::mount::<app::PlanApp>("data-subsidy-plan");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("subsidy-calc-plan is the browser's plan page: build it with scripts/serve.sh.");
}
