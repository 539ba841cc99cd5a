//! The calculator page. State is the `Form` (what the user typed); every figure shown is computed
//! from it by the engine through `subsidy_calc_web::form`. Components only lay things out.
use crate::browser;
use crate::frame::{FooterProps, footer, header};
use crate::inputs::{region_picker, sections};
use crate::results::results;
use crate::view::{FormProps, Ui, View, ViewProps, amount};
use std::rc::Rc;
use subsidy_calc_web::form::{self, Edit, Form, Lang, Unit};
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
    // Computed again when the rule data's texts (English, quotes) arrive.
    let texts = crate::texts::use_texts();
    // The first render shows what a visitor sees first; the rest follows after that frame is painted.
    let settled = use_state(|| false);
    {
        let settled = settled.clone();
        use_effect_with((), move |_| browser::after_paint(move || settled.set(true)));
    }
    let view = use_memo((form.clone(), texts, *settled), |(form, _, settled)| {
        View::compute(form, *settled)
    });
    let embedded = embed.is_some();
    // The form is kept (storage, the address) as it changes; the first time once the first figures
    // are painted (the page's storage and history calls were ~8 ms of the first render at CPU ×4).
    let first = use_mut_ref(|| true);
    use_effect_with(form.clone(), move |form| {
        if !embedded {
            let form = form.clone();
            let keep = move || {
                browser::storage_set(STORAGE_KEY, &form.to_json_text());
                browser::set_fragment(&format!("a={}", form.to_fragment()));
                if let Some(html) = browser::document().and_then(|d| d.document_element()) {
                    let _ = html.set_attribute("lang", form.lang.t("zh-CN", "en"));
                }
            };
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::after_paint(keep);
            } else {
                keep();
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
        settled: *settled,
    });
    // A verification link (`…&v=CODE`): its code is checked while the form is the link's.
    let link = use_memo((), |_| {
        let fragment = browser::fragment();
        form::fragment_code(&fragment).zip(Form::from_fragment(&fragment))
    });
    let given_code: Option<Rc<str>> = link
        .as_ref()
        .as_ref()
        .filter(|(_, f)| embed.is_none() && *f == form)
        .map(|(c, _)| Rc::from(c.as_str()));
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
                    { sections(&ViewProps { form: form.clone(), view: view.clone(), edit: edit.clone(), ui: ui.clone(), given_code: None }) }
                </section>
                { results(&ViewProps { form: form.clone(), view: view.clone(), edit: edit.clone(), given_code: given_code.clone(), ui: ui.clone() }) }
            </main>
            if !embedded {
                { mobile_totals(&view, form.unit, lang) }
            }
            if ui.settled {
                { footer(&FooterProps { lang, embedded }) }
            }
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
