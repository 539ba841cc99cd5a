//! The plan page. State is the `PlanForm` (what the user typed, year by year); everything shown is
//! computed from it by the engine through `subsidy_calc_web::plan_form`. As in yew's function_todomvc:
//! a reducer over the model's own edits, and small view functions.
use crate::browser;
use crate::ctx::Ctx;
use crate::inputs::{controls, year_table};
use crate::results::results;
use std::rc::Rc;
use subsidy_calc_web::form::Lang;
use subsidy_calc_web::plan_form::{PlanEdit, PlanForm};
use yew::prelude::*;

const STORAGE_KEY: &str = "subsidy-calc.plan.v1";

#[derive(Clone, PartialEq)]
pub struct State {
    pub plan: PlanForm,
}

impl Reducible for State {
    type Action = PlanEdit;
    fn reduce(self: Rc<Self>, action: PlanEdit) -> Rc<Self> {
        let mut plan = self.plan.clone();
        plan.apply(action);
        Rc::new(State { plan })
    }
}

/// A link's fragment wins, then the last plan kept in this browser, then an empty plan.
fn initial() -> PlanForm {
    PlanForm::from_fragment(&browser::fragment())
        .or_else(|| browser::storage_get(STORAGE_KEY).and_then(|s| PlanForm::from_fragment(&s)))
        .unwrap_or_else(|| PlanForm::new(browser::today()))
}

#[component]
pub fn PlanApp() -> Html {
    let state = use_reducer(|| State { plan: initial() });
    let edit = {
        let state = state.clone();
        Callback::from(move |e: PlanEdit| state.dispatch(e))
    };
    // The share link and this browser keep the plan as it is typed.
    use_effect_with(state.plan.clone(), |plan| {
        let fragment = plan.to_fragment();
        browser::set_fragment(&fragment);
        browser::storage_set(STORAGE_KEY, &fragment);
    });
    // Computed again when the rule data's texts (English, quotes) arrive.
    let texts = crate::texts::use_texts();
    let computed = use_memo((state.plan.clone(), texts), |(plan, _)| {
        let (o, errors) = plan.evaluate(subsidy_calc::rulebook::book(), browser::today());
        (o.map(Rc::new), errors)
    });
    let ctx = Ctx {
        plan: state.plan.clone(),
        errors: computed.1.clone(),
        outcome: computed.0.clone(),
        edit,
    };
    let lang = ctx.lang();
    let to_lang = {
        let edit = ctx.edit.clone();
        let next = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_| edit.emit(PlanEdit::Lang(next)))
    };
    html! {
        <div class="page plan-page" lang={lang.t("zh-CN", "en")}>
            <header class="top">
                <div class="title">
                    <h1>{ lang.t("多年规划 · 人工智能产业政策计算器", "Multi-year plan · AI Industry Subsidy Calculator") }</h1>
                    <p class="subtitle">{ lang.t(
                        "逐年填写计划投入,引擎逐年测算并自动结转已补助年数、已获金额和一次性奖励;全部在您的浏览器中计算,不上传任何数据。",
                        "Enter what you plan to spend each year; the engine evaluates each year and carries forward the years subsidised, amounts received and one-time awards. Computed in your browser; nothing is uploaded.") }</p>
                    <p class="no-print"><a href="./" id="to-calculator">{ lang.t("← 单年计算器", "← One-year calculator") }</a></p>
                </div>
                <div class="controls">
                    <button type="button" id="lang-switch" class="secondary" onclick={to_lang} lang={lang.t("en", "zh-CN")}>
                        { lang.t("English", "中文") }
                    </button>
                </div>
            </header>
            <main>
                { controls(&ctx) }
                { year_table(&ctx) }
                { results(&ctx) }
            </main>
            <footer class="bottom">
                <p class="disclaimer"><strong>{ lang.t("免责声明:", "Disclaimer: ") }</strong>
                    { lang.t("本页金额是依据公开政策文本的逐年测算,不是官方认定;实际金额以主管部门审核为准。每年按当年12月31日测算;标为“征求意见稿”的金额来自尚未正式施行的文本。",
                        "the figures are year-by-year estimates from the published texts, not an official determination; the authorities decide the actual amounts. Each year is evaluated on its 31 December; figures marked \"draft for comment\" come from texts not yet in force.") }
                </p>
                <p>{ format!("{} {}", lang.t("规则数据版本", "Rule data version"),
                    subsidy_calc::rulebook::book().version()) }</p>
            </footer>
        </div>
    }
}
