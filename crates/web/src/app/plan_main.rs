//! The 多年规划 (multi-year plan) page, plan.html: its own bundle, loaded only there (and by
//! `subsidyCalc.plan` when a script on the calculator page first calls it), so the calculator page's
//! size budget does not grow. A thin Yew layer over `subsidy_calc_web::plan_form`.
// The page's modules, built for wasm32 only (their dependencies are wasm32-only).
#[cfg(target_arch = "wasm32")]
#[path = "."]
mod page {
    pub mod allocator;
    // Its error and conversion helpers only: `evaluate` and `rules` are the calculator page's.
    #[allow(dead_code)]
    pub mod api;
    #[allow(dead_code)]
    pub mod browser;
    pub mod plan_api;
    pub mod plan_app;
    pub mod plan_inputs;
    pub mod plan_results;
}
#[cfg(target_arch = "wasm32")]
use page::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    // The plan function that boot.js's `subsidyCalc.plan` calls (and, on this page, a
    // `subsidyCalc` with the rule-data version; `evaluate` is the calculator page's).
    plan_api::install();
    browser::mount::<plan_app::PlanApp>("data-subsidy-plan");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("subsidy-calc-plan is the browser's plan page: build it with scripts/serve.sh.");
}
