//! The calculator page. State is the `Form` (what the user typed); every figure shown is computed
//! from it by the engine through `subsidy_calc_web::form`. Components only lay things out.
use crate::browser;
use crate::frame::{FooterProps, footer, header};
use crate::inputs::{region_picker, sections};
use crate::results::results;
use std::rc::Rc;
use subsidy_calc::engine;
use subsidy_calc::input;
use subsidy_calc::money::{human, in_wan};
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{Kind, Status};
use subsidy_calc_web::form::{self, Curve, Edit, Errors, Form, Lang, RegionSummary, Unit};
use yew::prelude::*;

const STORAGE_KEY: &str = "subsidy-calc.form.v1";

/// How an embedded calculator was configured by its host: the `<subsidy-calculator>` attributes, or
/// the iframe page's parameters. An embedded calculator keeps its state to itself (it never writes
/// the host's URL or storage) and reports each result on its host element.
#[derive(Clone, PartialEq, Default)]
pub struct Embed {
    pub region: Option<String>,
    /// Hides the region picker and the comparison (a district's own site).
    pub locked: bool,
    pub lang: Option<Lang>,
    /// The families to show: "compute", "model", "scenario", "listing", "other"; None shows all.
    pub sections: Option<Vec<String>>,
    /// Where `subsidy-result` events are fired.
    pub host: Option<web_sys::HtmlElement>,
}

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embed: Option<Embed>,
}

/// What the views need to know about the mode.
#[derive(Clone, PartialEq, Default)]
pub(crate) struct Ui {
    pub embedded: bool,
    pub locked: bool,
    pub sections: Option<Vec<String>>,
}

impl Ui {
    /// Whether a family's inputs and awards are shown.
    pub fn shows(&self, family: &str) -> bool {
        self.sections
            .as_ref()
            .is_none_or(|s| s.iter().any(|x| x == family))
    }
}

pub(crate) fn family_key(f: subsidy_calc::rulebook::Family) -> &'static str {
    use subsidy_calc::rulebook::Family;
    match f {
        Family::ComputeVoucher => "compute",
        Family::ModelFiling => "model",
        Family::Scenario => "scenario",
        Family::Listing => "listing",
        Family::Other => "other",
    }
}

/// The reducer state: the form, as in yew's function_todomvc.
#[derive(Clone)]
pub struct State {
    pub form: Form,
}

impl Reducible for State {
    type Action = Edit;
    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        let mut form = self.form.clone();
        form.apply(action);
        Rc::new(State { form })
    }
}

/// A link's fragment wins, then the last input kept in this browser, then an empty form.
fn initial_form() -> Form {
    Form::from_fragment(&browser::fragment())
        .or_else(|| {
            browser::storage_get(STORAGE_KEY)
                .and_then(|s| Form::from_json(&subsidy_calc::input::strict::parse(&s).ok()?))
        })
        .unwrap_or_default()
}

/// Everything the page shows, computed from the form.
pub struct View {
    pub errors: Errors,
    pub outcome: Option<Outcome<'static>>,
    pub curves: Vec<(&'static str, Curve)>,
    pub compare: Vec<RegionSummary>,
    pub fields: Vec<&'static str>,
    pub scenarios: bool,
}

impl View {
    fn compute(form: &Form) -> View {
        let today = browser::today();
        let built = form.build(today);
        let book = subsidy_calc::rulebook::book();
        let mut view = View {
            errors: built.errors,
            outcome: None,
            curves: Vec::new(),
            compare: Vec::new(),
            fields: Vec::new(),
            scenarios: false,
        };
        view.fields = form::region_fields(book, &form.region);
        view.scenarios = form::region_has_scenarios(book, &form.region);
        if let Ok(app) = input::parse_value(&built.application, today) {
            let outcome = engine::evaluate(&app, book);
            for a in &outcome.awards {
                if let Some(c) = form::curve(&app, book, a) {
                    view.curves.push((a.id, c));
                }
            }
            view.outcome = Some(outcome);
            view.compare = form::compare(&built.application, book, today);
        }
        view
    }
}

/// An amount of the result, in the unit chosen (万元 or 元).
pub(crate) fn amount(y: subsidy_calc::money::Yuan, unit: Unit, lang: Lang) -> String {
    money_of(y.rounded(), unit, lang)
}

fn money_of(d: rust_decimal::Decimal, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Wan => format!("{} 万元", in_wan(d)),
        Unit::Yuan => format!("{} {}", human(d), lang.t("元", "yuan")),
    }
}

pub(crate) fn kind_label(k: Kind, lang: Lang) -> &'static str {
    lang.t(k.zh(), k.en())
}

pub(crate) fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::Exact => "kind-exact",
        Kind::UpTo => "kind-up_to",
        Kind::Range => "kind-range",
        Kind::Unspecified => "kind-unspecified",
        Kind::CaseByCase => "kind-case_by_case",
        Kind::NotEligible => "kind-not_eligible",
    }
}

pub(crate) fn status_badge(status: Status, lang: Lang) -> Html {
    let class = match status {
        Status::Draft => "badge badge-draft",
        Status::Expired | Status::NotYet => "badge badge-expired",
        Status::DatesNotGiven => "badge badge-nodates",
        Status::InForce => "badge badge-inforce",
    };
    html! { <span class={class}>{ lang.t(status.zh(), status.en()) }</span> }
}

pub(crate) fn dom_id(path: &str) -> String {
    format!("f-{}", path.replace(['.', '[', ']'], "-"))
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let embed = props.embed.clone();
    let state = use_reducer(|| State {
        form: match &props.embed {
            None => initial_form(),
            Some(e) => {
                let mut form = Form::default();
                if let Some(r) = e.region.clone() {
                    form.apply(Edit::Region(r));
                }
                form.lang = e.lang.unwrap_or_default();
                form
            }
        },
    });
    let form = state.form.clone();
    let view = use_memo(form.clone(), View::compute);
    let embedded = embed.is_some();
    use_effect_with(form.clone(), move |form| {
        if !embedded {
            browser::storage_set(
                STORAGE_KEY,
                &serde_json::to_string(&form.to_json()).unwrap_or_default(),
            );
            browser::set_fragment(&format!("a={}", form.to_fragment()));
            if let Some(html) = browser::document().and_then(|d| d.document_element()) {
                let _ = html.set_attribute("lang", form.lang.t("zh-CN", "en"));
            }
        }
    });
    // The host changed an attribute: follow it.
    {
        let state = state.clone();
        let wanted = embed.as_ref().map(|e| (e.region.clone(), e.lang));
        use_effect_with(wanted, move |wanted| {
            if let Some((region, lang)) = wanted {
                if let Some(r) = region {
                    state.dispatch(Edit::Region(r.clone()));
                }
                if let Some(l) = lang {
                    state.dispatch(Edit::Lang(*l));
                }
            }
        });
    }
    // Each new result is announced on the host element.
    {
        let host = embed.as_ref().and_then(|e| e.host.clone());
        let view = view.clone();
        use_effect_with(form.clone(), move |_| {
            if let (Some(host), Some(o)) = (host, &view.outcome) {
                crate::api::fire_result(&host, o);
            }
        });
    }
    let edit = {
        let state = state.clone();
        Callback::from(move |e: Edit| state.dispatch(e))
    };
    let ui = Rc::new(Ui {
        embedded,
        locked: embed.as_ref().is_some_and(|e| e.locked),
        sections: embed.as_ref().and_then(|e| e.sections.clone()),
    });
    let lang = form.lang;
    html! {
        <div class={classes!("page", embedded.then_some("embedded"))} lang={lang.t("zh-CN", "en")}>
            { header(&FormProps { form: form.clone(), edit: edit.clone() }) }
            <main class="layout">
                <section class="inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title" class="visually-hidden">{ lang.t("填写企业情况", "Your figures") }</h2>
                    if let Some(n) = &form.notice {
                        <p class="notice" id="form-notice" role="status">{ n.get(lang).to_string() }</p>
                    }
                    if !ui.locked {
                        { region_picker(&FormProps { form: form.clone(), edit: edit.clone() }) }
                    }
                    { sections(&ViewProps { form: form.clone(), view: view.clone(), edit: edit.clone(), ui: ui.clone() }) }
                </section>
                { results(&ViewProps { form: form.clone(), view: view.clone(), edit: edit.clone(), ui: ui.clone() }) }
            </main>
            if !embedded {
                { mobile_totals(&view, form.unit, lang) }
            }
            { footer(&FooterProps { lang, embedded }) }
        </div>
    }
}

/// On a phone the results sit below the inputs: this bar keeps the totals in sight while typing.
fn mobile_totals(view: &View, unit: Unit, lang: Lang) -> Html {
    let Some(o) = &view.outcome else {
        return html! {};
    };
    html! {
        <nav class="mobile-totals" aria-label={lang.t("合计", "Totals")}>
            <span>{ lang.t("确定 ", "exact ") }<strong>{ amount(o.total.exact, unit, lang) }</strong></span>
            <span>{ lang.t("最高 ", "up to ") }<strong>{ amount(o.total.up_to, unit, lang) }</strong></span>
            <a href="#results-title">{ lang.t("明细 ↓", "details ↓") }</a>
        </nav>
    }
}

pub(crate) struct FormProps {
    pub form: Form,
    pub edit: Callback<Edit>,
}

pub(crate) struct ViewProps {
    pub form: Form,
    pub view: Rc<View>,
    pub edit: Callback<Edit>,
    pub ui: Rc<Ui>,
}
