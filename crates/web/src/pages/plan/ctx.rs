//! What the plan page's views get (the page computes it; the views import it, not the page).
use std::rc::Rc;
use subsidy_calc::plan::PlanOutcome;
use subsidy_calc_web::form::{Errors, Lang};
use subsidy_calc_web::plan_form::{PlanEdit, PlanForm};
use yew::prelude::*;

/// What the views get: the plan as typed, its errors, the engine's result, and the way to change it.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub plan: PlanForm,
    pub errors: Errors,
    pub outcome: Option<Rc<PlanOutcome<'static>>>,
    pub edit: Callback<PlanEdit>,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.plan.lang
    }
}
