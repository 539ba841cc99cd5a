//! The 多年规划 (multi-year plan) page, plan.html: its own bundle, loaded only there (and by
//! `subsidyCalc.plan` when a script on the calculator page first calls it), so the calculator page's
//! size budget does not grow. A thin Yew layer over `subsidy_calc_web::plan_form`.
// Its error and conversion helpers only: `evaluate` and `rules` are the calculator page's.
#[cfg(target_arch = "wasm32")]
mod allocator;
#[cfg(target_arch = "wasm32")]
#[allow(dead_code)]
mod api;
#[cfg(target_arch = "wasm32")]
#[allow(dead_code)]
mod browser;
#[cfg(target_arch = "wasm32")]
mod plan_api;
#[cfg(target_arch = "wasm32")]
mod plan_app;
#[cfg(target_arch = "wasm32")]
mod plan_inputs;
#[cfg(target_arch = "wasm32")]
mod plan_results;

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
