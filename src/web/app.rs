//! The calculator page. State is the `Form` (what the user typed); every figure shown is computed
//! from it by the engine through `subsidy_calc::form`. Components only lay things out.
use crate::browser;
use crate::chart::cap_chart;
use std::rc::Rc;
use subsidy_calc::engine;
use subsidy_calc::form::{
    self, Curve, Edit, Errors, Form, Lang, Msg, RegionSummary, ScenarioKey, Unit,
};
use subsidy_calc::input::{self, FIELDS, Ty};
use subsidy_calc::money::{human, in_wan};
use subsidy_calc::result::{Award, Outcome};
use subsidy_calc::rulebook::{DocStatus, Kind, RuleBook, Status};
use web_sys::{HtmlInputElement, HtmlSelectElement};
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
struct Ui {
    embedded: bool,
    locked: bool,
    sections: Option<Vec<String>>,
}

impl Ui {
    /// Whether a family's inputs and awards are shown.
    fn shows(&self, family: &str) -> bool {
        self.sections
            .as_ref()
            .is_none_or(|s| s.iter().any(|x| x == family))
    }
}

fn family_key(f: subsidy_calc::rulebook::Family) -> &'static str {
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
                .and_then(|s| Form::from_json(&subsidy_calc::json::parse(&s).ok()?))
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
        let book = RuleBook::embedded().ok();
        let mut view = View {
            errors: built.errors,
            outcome: None,
            curves: Vec::new(),
            compare: Vec::new(),
            fields: Vec::new(),
            scenarios: false,
        };
        let Some(book) = book else { return view };
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

fn money(amount: &str, unit: Unit, lang: Lang) -> String {
    let Ok(d) = amount.parse::<rust_decimal::Decimal>() else {
        return String::new();
    };
    match unit {
        Unit::Wan => format!("{} 万元", in_wan(d)),
        Unit::Yuan => format!("{} {}", human(d), lang.t("元", "yuan")),
    }
}

fn kind_label(k: Kind, lang: Lang) -> &'static str {
    lang.t(k.zh(), k.en())
}

fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::Exact => "kind-exact",
        Kind::UpTo => "kind-up_to",
        Kind::Range => "kind-range",
        Kind::Unspecified => "kind-unspecified",
        Kind::CaseByCase => "kind-case_by_case",
        Kind::NotEligible => "kind-not_eligible",
    }
}

fn status_badge(status: Status, lang: Lang) -> Html {
    let class = match status {
        Status::Draft => "badge badge-draft",
        Status::Expired | Status::NotYet => "badge badge-expired",
        Status::DatesNotGiven => "badge badge-nodates",
        Status::InForce => "badge badge-inforce",
    };
    html! { <span class={class}>{ lang.t(status.zh(), status.en()) }</span> }
}

fn dom_id(path: &str) -> String {
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
            browser::storage_set(STORAGE_KEY, &form.to_json().to_string());
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
                browser::fire_result(&host, o);
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
            { footer(&FooterProps { lang }) }
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
            <span>{ lang.t("确定 ", "exact ") }<strong>{ money(&o.total.exact, unit, lang) }</strong></span>
            <span>{ lang.t("最高 ", "up to ") }<strong>{ money(&o.total.up_to, unit, lang) }</strong></span>
            <a href="#results-title">{ lang.t("明细 ↓", "details ↓") }</a>
        </nav>
    }
}

struct FormProps {
    form: Form,
    edit: Callback<Edit>,
}

fn header(props: &FormProps) -> Html {
    let lang = props.form.lang;
    let to_lang = {
        let edit = props.edit.clone();
        let next = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_| edit.emit(Edit::Lang(next)))
    };
    let unit_cb = |u: Unit| {
        let edit = props.edit.clone();
        Callback::from(move |_| edit.emit(Edit::Unit(u)))
    };
    // The regions as the rule data names them: a new district appears here by itself.
    let regions = RuleBook::embedded()
        .map(|b| {
            b.regions
                .iter()
                .map(|r| lang.t(&r.name_zh, &r.name_en))
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .unwrap_or_default();
    html! {
        <header class="top">
            <div class="title">
                <h1>{ lang.t("人工智能产业政策计算器", "AI Industry Subsidy Calculator") }</h1>
                <p class="subtitle">{ format!("{}{}", regions, lang.t(" —— 全部在您的浏览器中计算,不上传任何数据",
                    " — computed in your browser; nothing is uploaded")) }</p>
            </div>
            <div class="controls">
                <fieldset class="unit-switch">
                    <legend>{ lang.t("金额单位", "Amounts in") }</legend>
                    <label><input type="radio" name="unit" id="unit-wan" checked={props.form.unit == Unit::Wan} onchange={unit_cb(Unit::Wan)} />{ "万元" }</label>
                    <label><input type="radio" name="unit" id="unit-yuan" checked={props.form.unit == Unit::Yuan} onchange={unit_cb(Unit::Yuan)} />{ lang.t("元", "yuan") }</label>
                </fieldset>
                <button type="button" id="lang-switch" class="secondary" onclick={to_lang} lang={lang.t("en", "zh-CN")}>
                    { lang.t("English", "中文") }
                </button>
            </div>
        </header>
    }
}

fn region_picker(props: &FormProps) -> Html {
    let lang = props.form.lang;
    let Ok(book) = RuleBook::embedded() else {
        return html! {};
    };
    html! {
        <fieldset class="regions">
            <legend>{ lang.t("企业注册地", "Where the company is registered") }</legend>
            { for book.regions.iter().map(|r| {
                let key = r.key.clone();
                let edit = props.edit.clone();
                let id = format!("region-{}", r.key);
                html! {
                    <label for={id.clone()} class={classes!("region", (props.form.region == r.key).then_some("chosen"))}>
                        <input type="radio" name="region" id={id} value={r.key.clone()}
                            checked={props.form.region == r.key}
                            onchange={Callback::from(move |_| edit.emit(Edit::Region(key.clone())))} />
                        { lang.t(&r.name_zh, &r.name_en) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

struct ViewProps {
    form: Form,
    view: Rc<View>,
    edit: Callback<Edit>,
    ui: Rc<Ui>,
}

/// The input sections, each showing only the fields the region's clauses read.
fn sections(props: &ViewProps) -> Html {
    let lang = props.form.lang;
    let shown = |prefixes: &[&str]| -> Vec<&'static str> {
        FIELDS
            .iter()
            .map(|f| f.path)
            .filter(|p| props.view.fields.contains(p) && prefixes.iter().any(|x| p.starts_with(x)))
            .collect()
    };
    let section = |id: &str, title: &str, paths: Vec<&'static str>| -> Html {
        if paths.is_empty() {
            return html! {};
        }
        html! {
            <fieldset class="section" id={id.to_string()}>
                <legend>{ title.to_string() }</legend>
                { for paths.into_iter().map(|p| html! {
                    { field_input(&FieldProps { path: p, form: props.form.clone(), error: props.view.errors.get(p).cloned(), edit: props.edit.clone() }) }
                }) }
            </fieldset>
        }
    };
    // A host may show only some families (the `sections` attribute).
    let ui = &props.ui;
    let when =
        |family: &str, paths: Vec<&'static str>| if ui.shows(family) { paths } else { Vec::new() };
    let other = when("other", shown(&["other."]));
    html! {
        <>
            { section("sec-enterprise", lang.t("企业信息", "The enterprise"), shown(&["enterprise."])) }
            { section("sec-compute", lang.t("算力券 · 算力补贴", "Compute vouchers and subsidies"), when("compute", shown(&["compute."]))) }
            { section("sec-models", lang.t("模型备案 · 模型研发", "Model filing and development"), when("model", shown(&["model_filing.", "models."]))) }
            if props.view.scenarios && ui.shows("scenario") {
                { scenario_list(props) }
            }
            { section("sec-listing", lang.t("上市", "Listing"), when("listing", shown(&["listing."]))) }
            if !other.is_empty() {
                <details class="section other" id="sec-other">
                    <summary>{ lang.t("其他奖励(数据集、活动、平台、园区、投资项目等)", "Other awards (datasets, events, platforms, parks, investment projects…)") }</summary>
                    { for other.into_iter().map(|p| html! {
                        { field_input(&FieldProps { path: p, form: props.form.clone(), error: props.view.errors.get(p).cloned(), edit: props.edit.clone() }) }
                    }) }
                </details>
            }
            <div class="section as-of">
                <label for="f-as_of">{ lang.t("计算日期(默认今天)", "Date of the calculation (default today)") }</label>
                <input type="date" id="f-as_of" value={props.form.as_of.clone().unwrap_or_default()}
                    onchange={{
                        let edit = props.edit.clone();
                        Callback::from(move |e: Event| edit.emit(Edit::AsOf(Some(e.target_unchecked_into::<HtmlInputElement>().value()))))
                    }} />
                if let Some(e) = props.view.errors.get("as_of") {
                    <p class="error" role="alert">{ e.get(lang).to_string() }</p>
                }
            </div>
        </>
    }
}

struct FieldProps {
    path: &'static str,
    form: Form,
    error: Option<Msg>,
    edit: Callback<Edit>,
}

fn field_input(props: &FieldProps) -> Html {
    let Some(field) = input::field(props.path) else {
        return html! {};
    };
    let lang = props.form.lang;
    let id = dom_id(field.path);
    let err_id = format!("{id}-error");
    let label = lang.t(field.zh, field.en).to_string();
    let value = props.form.value(field.path).to_string();
    let path = field.path.to_string();
    let on_text = {
        let (edit, path) = (props.edit.clone(), path.clone());
        Callback::from(move |e: InputEvent| {
            edit.emit(Edit::Value(
                path.clone(),
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let error = props.error.as_ref().map(|m| {
        html! {
            <p class="error" id={err_id.clone()} role="alert">{ m.get(lang).to_string() }</p>
        }
    });
    let invalid = props.error.is_some().then_some("true");
    let described = props.error.is_some().then(|| err_id.clone());
    match field.ty {
        Ty::Flag => {
            let (edit, path) = (props.edit.clone(), path.clone());
            let onchange = Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                edit.emit(Edit::Value(
                    path.clone(),
                    if on { "true".into() } else { String::new() },
                ))
            });
            html! {
                <div class="field check">
                    <input type="checkbox" id={id.clone()} checked={value == "true"} {onchange} />
                    <label for={id}>{ label }</label>
                    { for error }
                </div>
            }
        }
        Ty::Choice(options) => {
            let (edit, path) = (props.edit.clone(), path.clone());
            let onchange = Callback::from(move |e: Event| {
                edit.emit(Edit::Value(
                    path.clone(),
                    e.target_unchecked_into::<HtmlSelectElement>().value(),
                ))
            });
            let current = if value.is_empty() {
                options[0].to_string()
            } else {
                value
            };
            html! {
                <div class="field">
                    <label for={id.clone()}>{ label }</label>
                    <select id={id} {onchange}>
                        { for options.iter().map(|o| {
                            let (zh, en) = input::choice_label(o);
                            html! { <option value={o.to_string()} selected={current == *o}>{ lang.t(zh, en).to_string() }</option> }
                        }) }
                    </select>
                    { for error }
                </div>
            }
        }
        Ty::Set(options) => html! {
            <fieldset class="field set">
                <legend>{ label }</legend>
                { for options.iter().map(|o| {
                    let (zh, en) = input::choice_label(o);
                    let oid = format!("{id}-{o}");
                    let chosen: Vec<String> = value.split(',').filter(|s| !s.is_empty()).map(String::from).collect();
                    let on = chosen.iter().any(|c| c == o);
                    let (edit, path, o2) = (props.edit.clone(), path.clone(), o.to_string());
                    let onchange = Callback::from(move |_| {
                        let mut next: Vec<String> = chosen.iter().filter(|c| **c != o2).cloned().collect();
                        if !on {
                            next.push(o2.clone());
                        }
                        edit.emit(Edit::Value(path.clone(), next.join(",")))
                    });
                    html! {
                        <div class="check">
                            <input type="checkbox" id={oid.clone()} checked={on} {onchange} />
                            <label for={oid}>{ lang.t(zh, en).to_string() }</label>
                        </div>
                    }
                }) }
            </fieldset>
        },
        Ty::Day => html! {
            <div class="field">
                <label for={id.clone()}>{ label }</label>
                <input type="date" id={id} value={value} oninput={on_text} aria-invalid={invalid} aria-describedby={described} />
                { for error }
            </div>
        },
        // Derived figures are worked out, never typed.
        Ty::Measure => html! {},
        Ty::Money | Ty::Count(_) | Ty::Percent | Ty::Text => {
            let (unit, mode) = match field.ty {
                Ty::Money => (money_unit(props.form.unit, lang), "decimal"),
                Ty::Percent => ("%", "decimal"),
                _ => ("", "numeric"),
            };
            text_box(
                id,
                label,
                value,
                unit,
                mode,
                on_text,
                props.error.as_ref(),
                lang,
            )
        }
    }
}

fn money_unit(unit: Unit, lang: Lang) -> &'static str {
    match unit {
        Unit::Wan => "万元",
        Unit::Yuan => lang.t("元", "yuan"),
    }
}

/// A labelled text box with its unit and, when the entry is bad, the message (tied to the box by
/// aria-describedby). Used for amounts, counts and percentages, and for the scenario rows.
#[allow(clippy::too_many_arguments)]
fn text_box(
    id: String,
    label: String,
    value: String,
    unit: &str,
    mode: &'static str,
    oninput: Callback<InputEvent>,
    error: Option<&Msg>,
    lang: Lang,
) -> Html {
    let err_id = format!("{id}-error");
    html! {
        <div class={classes!("field", (mode == "decimal").then_some("money"))}>
            <label for={id.clone()}>{ label }</label>
            <div class="with-unit">
                <input type="text" id={id} inputmode={mode} autocomplete="off" value={value} {oninput}
                    aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then(|| err_id.clone())} />
                if !unit.is_empty() { <span class="unit" aria-hidden="true">{ unit.to_string() }</span> }
            </div>
            if let Some(m) = error { <p class="error" id={err_id} role="alert">{ m.get(lang).to_string() }</p> }
        </div>
    }
}

fn scenario_list(props: &ViewProps) -> Html {
    let lang = props.form.lang;
    let add = {
        let edit = props.edit.clone();
        Callback::from(move |_| edit.emit(Edit::AddScenario))
    };
    let unit = money_unit(props.form.unit, lang);
    // Scenario facts are listed by their name within a project.
    let city_flag = props.view.fields.contains(&"city_selected");
    let district_flag = props.view.fields.contains(&"district_selected");
    html! {
        <fieldset class="section" id="sec-scenarios">
            <legend>{ lang.t("应用场景项目", "Application scenario projects") }</legend>
            if props.form.scenarios.is_empty() {
                <p class="hint">{ lang.t("尚未添加项目。", "No project yet.") }</p>
            }
            <ol class="scenarios">
                { for props.form.scenarios.iter().enumerate().map(|(i, s)| {
                    let id = s.id;
                    let text = |key: ScenarioKey| {
                        let edit = props.edit.clone();
                        Callback::from(move |e: InputEvent| edit.emit(Edit::Scenario(id, key, e.target_unchecked_into::<HtmlInputElement>().value())))
                    };
                    let check = |key: ScenarioKey| {
                        let edit = props.edit.clone();
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            edit.emit(Edit::Scenario(id, key, if on { "true".into() } else { String::new() }))
                        })
                    };
                    let remove = {
                        let edit = props.edit.clone();
                        Callback::from(move |_| edit.emit(Edit::RemoveScenario(id)))
                    };
                    let base = format!("sc-{id}");
                    let err = |k: &str| props.view.errors.get(&format!("scenarios[{i}].{k}"));
                    let name = if s.name.is_empty() { format!("{} {}", lang.t("项目", "Project"), i + 1) } else { s.name.clone() };
                    html! {
                        <li key={id} class="scenario">
                            { text_box(format!("{base}-name"), lang.t("项目名称", "Project name").into(), s.name.clone(), "", "text", text(ScenarioKey::Name), None, lang) }
                            // Two facts, each the one authority's: shown where the region's clauses read it.
                            if city_flag {
                                <div class="field check">
                                    <input type="checkbox" id={format!("{base}-city")} checked={s.city_selected} onchange={check(ScenarioKey::CitySelected)} />
                                    <label for={format!("{base}-city")}>{ lang.t("已经市级遴选入选(由市级主管部门遴选)", "selected by the CITY (the city authority selects)") }</label>
                                </div>
                            }
                            if district_flag {
                                <div class="field check">
                                    <input type="checkbox" id={format!("{base}-district")} checked={s.district_selected} onchange={check(ScenarioKey::DistrictSelected)} />
                                    <label for={format!("{base}-district")}>{ lang.t("已经区级遴选入选或获区级支持(由区级主管部门遴选)", "selected or supported by the DISTRICT (the district authority selects)") }</label>
                                </div>
                            }
                            { text_box(format!("{base}-total"), lang.t("项目总投入", "Total investment").into(), s.total_investment.clone(), unit, "decimal", text(ScenarioKey::TotalInvestment), err("total_investment"), lang) }
                            { text_box(format!("{base}-rd"), lang.t("项目研发投入", "R&D investment").into(), s.rd_investment.clone(), unit, "decimal", text(ScenarioKey::RdInvestment), err("rd_investment"), lang) }
                            <div class="field check">
                                <input type="checkbox" id={format!("{base}-mfa")} checked={s.manufacturing_first_application} onchange={check(ScenarioKey::ManufacturingFirstApplication)} />
                                <label for={format!("{base}-mfa")}>{ lang.t("制造业细分领域首次应用", "first application in manufacturing") }</label>
                            </div>
                            <button type="button" class="secondary remove" onclick={remove}
                                aria-label={format!("{} {name}", lang.t("删除项目", "Remove project"))}>
                                { lang.t("删除", "Remove") }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" id="add-scenario" onclick={add}>{ lang.t("+ 添加项目", "+ Add a project") }</button>
        </fieldset>
    }
}

fn results(props: &ViewProps) -> Html {
    let lang = props.form.lang;
    let unit = props.form.unit;
    let Some(o) = &props.view.outcome else {
        return html! { <section class="results"><p class="error">{ lang.t("无法计算:规则数据有误。", "Cannot calculate: the rule data is invalid.") }</p></section> };
    };
    // A host may show only some families (the `sections` attribute).
    let ui = &props.ui;
    let shown = |a: &&Award| ui.shows(family_key(a.family));
    let eligible: Vec<&Award> = o
        .awards
        .iter()
        .filter(|a| a.kind != Kind::NotEligible)
        .filter(shown)
        .collect();
    let other: Vec<&Award> = o
        .awards
        .iter()
        .filter(|a| a.kind == Kind::NotEligible)
        .filter(shown)
        .collect();
    let notes = match lang {
        Lang::Zh => o.notes_zh.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
        Lang::En => o.notes.iter().map(|n| n.to_string()).collect(),
    };
    let export_json = {
        let text = serde_json::to_string(o).unwrap_or_default();
        Callback::from(move |_| browser::download("subsidy-result.json", "application/json", &text))
    };
    let export_csv = {
        let text = form::csv(o, lang);
        Callback::from(move |_| {
            browser::download("subsidy-result.csv", "text/csv;charset=utf-8", &text)
        })
    };
    let print = Callback::from(|_| browser::print());
    let reset = {
        let edit = props.edit.clone();
        Callback::from(move |_| edit.emit(Edit::Reset))
    };
    // Built from the form itself: the fragment in the address bar is only updated after this render.
    let share = format!("{}#a={}", browser::base_href(), props.form.to_fragment());
    html! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{ lang.t("可获得的奖励", "Awards you can get") }
                <span class="as-of-date">{ format!(" · {} {}", lang.t("计算日期", "as of"), o.as_of) }</span></h2>
            <div class="totals" aria-live="polite">
                <div class="total" id="total-exact">
                    <span class="label">{ lang.t("确定金额合计", "Total, exact amounts") }</span>
                    <strong>{ money(&o.total.exact, unit, lang) }</strong>
                </div>
                <div class="total" id="total-up-to">
                    <span class="label">{ lang.t("最高可得合计", "Total, up to") }</span>
                    <strong>{ money(&o.total.up_to, unit, lang) }</strong>
                </div>
            </div>
            if o.total.draft_up_to != "0.00" {
                <p class="draft-share" id="total-draft">
                    <span class="badge badge-draft">{ lang.t("征求意见稿", "DRAFT") }</span>
                    { format!(" {}{},{}{}", lang.t("其中征求意见稿:确定金额 ", "of which from draft texts: exact "), money(&o.total.draft_exact, unit, lang),
                        lang.t("最高可得 ", "up to "), money(&o.total.draft_up_to, unit, lang)) }
                </p>
            }
            <ul class="notes">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <div class="toolbar no-print">
                <button type="button" id="export-json" class="secondary" onclick={export_json}>{ lang.t("导出 JSON", "Export JSON") }</button>
                <button type="button" id="export-csv" class="secondary" onclick={export_csv}>{ lang.t("导出 CSV", "Export CSV") }</button>
                <button type="button" id="print" class="secondary" onclick={print}>{ lang.t("打印报告", "Print report") }</button>
                <button type="button" id="reset" class="secondary" onclick={reset}>{ lang.t("清空输入", "Clear inputs") }</button>
                if !ui.embedded {
                    <div class="share">
                        <label for="share-link">{ lang.t("分享链接(数据只在链接里,不经过服务器)", "Share link (the data is in the link only, no server)") }</label>
                        <input type="text" id="share-link" readonly=true value={share} />
                    </div>
                }
            </div>
            if eligible.is_empty() {
                <p class="empty">{ lang.t("请在左侧填写企业情况;符合条件的奖励会在这里即时显示。", "Enter your figures; the awards you qualify for appear here as you type.") }</p>
            }
            <div class="awards">
                { for eligible.iter().map(|a| html! {
                    { award_card(a, props.view.curves.iter().find(|(id, _)| *id == a.id).map(|(_, c)| c), lang, unit) }
                }) }
            </div>
            if !o.checks.is_empty() {
                <section class="checks" aria-labelledby="checks-title">
                    <h3 id="checks-title">{ lang.t("资格条件检查", "Qualification checks") }</h3>
                    { for o.checks.iter().map(|c| html! {
                        <article class={classes!("check-result", if c.passed { "passed" } else { "failed" })} id={format!("check-{}", c.id.replace('.', "-"))}>
                            <h4>{ lang.t(c.title_zh, c.title_en) }{ " — " }<strong>{ if c.passed { lang.t("符合", "met") } else { lang.t("不符合", "not met") } }</strong></h4>
                            <ul>{ for (match lang { Lang::Zh => &c.failing_zh, Lang::En => &c.failing }).iter().map(|f| html! { <li>{ f.clone() }</li> }) }</ul>
                            <p class="source">{ format!("{} {}", lang.t(c.source.document, c.source.document_en), c.source.clause) }</p>
                        </article>
                    }) }
                </section>
            }
            <details class="not-eligible">
                <summary>{ format!("{} ({})", lang.t("暂不符合条件的条款", "Clauses you do not qualify for yet"), other.len()) }</summary>
                <ul>
                    { for other.iter().map(|a| html! {
                        <li id={format!("ne-{}", a.id.replace('.', "-"))}>
                            <strong>{ lang.t(a.title_zh, a.title_en) }</strong>{ " " }{ status_badge(a.source.status, lang) }
                            <br />
                            <span class="reason">{ match lang { Lang::Zh => a.reason_zh.clone(), Lang::En => a.reason.clone() }.unwrap_or_default() }</span>
                            <span class="source">{ format!(" — {} {}", lang.t(a.source.document, a.source.document_en), a.source.clause) }</span>
                        </li>
                    }) }
                </ul>
            </details>
            if !ui.locked {
                { compare(&props.view.compare, &props.form.region, lang, unit, &props.edit) }
            }
        </section>
    }
}

fn award_card(a: &Award, curve: Option<&Curve>, lang: Lang, unit: Unit) -> Html {
    let figure = match a.kind {
        Kind::Exact | Kind::UpTo => a
            .amount
            .as_deref()
            .map(|x| money(x, unit, lang))
            .unwrap_or_default(),
        Kind::Range => format!(
            "{} – {}",
            a.min
                .as_deref()
                .map(|x| money(x, unit, lang))
                .unwrap_or_default(),
            a.max
                .as_deref()
                .map(|x| money(x, unit, lang))
                .unwrap_or_default()
        ),
        _ => String::new(),
    };
    let (steps, notes, cap) = match lang {
        Lang::Zh => (&a.steps_zh, &a.notes_zh, a.binding_cap_zh.clone()),
        Lang::En => (&a.steps, &a.notes, a.binding_cap.clone()),
    };
    let not_counted = !a.in_totals;
    html! {
        <article class={classes!("award", kind_class(a.kind), not_counted.then_some("not-counted"))} id={format!("award-{}", a.id.replace('.', "-"))}>
            <header>
                <h3>{ lang.t(a.title_zh, a.title_en) }</h3>
                { status_badge(a.source.status, lang) }
            </header>
            <p class="figure">
                <span class="kind">{ kind_label(a.kind, lang) }</span>
                if !figure.is_empty() { <strong class="amount">{ figure }</strong> }
                if not_counted { <span class="badge badge-excluded">{ lang.t("不计入合计", "not in the totals") }</span> }
            </p>
            if let (Some(cap), Some(u)) = (cap, a.uncapped.as_deref()) {
                <p class="cap">{ format!("{}{cap}({} {})", lang.t("封顶:", "capped: "), lang.t("未封顶金额", "uncapped"), money(u, unit, lang)) }</p>
            }
            if let Some(s) = &a.stacking {
                <p class="stacking">{ lang.t(&s.note_zh, &s.note).to_string() }</p>
            }
            if let Some(c) = curve {
                { cap_chart(c, lang) }
                <p class="hint">{ c.hint.get(lang).to_string() }</p>
            }
            if !a.items.is_empty() {
                <ul class="items">
                    { for a.items.iter().map(|i| html! {
                        <li>{ format!("{}: {}", if i.name.is_empty() { format!("#{}", i.scenario + 1) } else { i.name.clone() }, money(&i.amount, unit, lang)) }</li>
                    }) }
                </ul>
            }
            { for notes.iter().map(|n| html! { <p class="note">{ n.to_string() }</p> }) }
            <p class="source">
                { format!("{} {} · {}", lang.t("依据:", "Source:"), lang.t(a.source.document, a.source.document_en),
                    match lang { Lang::Zh => format!("第{}条", a.source.clause), Lang::En => format!("clause {}", a.source.clause) }) }
            </p>
            <details class="steps">
                <summary>{ lang.t("计算过程与原文", "How it is worked out, and the clause") }</summary>
                <ol>{ for steps.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
                <blockquote lang="zh-CN">{ format!("“{}”", a.source.quote) }</blockquote>
            </details>
        </article>
    }
}

fn compare(
    rows: &[RegionSummary],
    current_region: &str,
    lang: Lang,
    unit: Unit,
    edit: &Callback<Edit>,
) -> Html {
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h3 id="compare-title">{ lang.t("各地区比较(同一组输入)", "Compare regions (same inputs)") }</h3>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ lang.t("地区", "Region") }</th>
                            <th scope="col">{ lang.t("确定金额", "Exact") }</th>
                            <th scope="col">{ lang.t("最高可得", "Up to") }</th>
                            <th scope="col">{ lang.t("可申请条款", "Clauses") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let edit = edit.clone();
                            let key = r.region.to_string();
                            let current = current_region == r.region;
                            html! {
                                <tr class={classes!(current.then_some("current"))} id={format!("compare-{}", r.region)}>
                                    <th scope="row">
                                        <button type="button" class="link" aria-pressed={if current { "true" } else { "false" }}
                                            onclick={Callback::from(move |_| edit.emit(Edit::Region(key.clone())))}>
                                            { r.name.get(lang).to_string() }
                                        </button>
                                        if r.draft { { " " }<span class="badge badge-draft">{ lang.t("含征求意见稿", "incl. draft") }</span> }
                                    </th>
                                    <td class="num">{ money(&r.exact, unit, lang) }</td>
                                    <td class="num">{ money(&r.up_to, unit, lang) }</td>
                                    <td class="num">{ if r.open > 0 { format!("{} (+{} {})", r.eligible - r.open, r.open, lang.t("项待定", "open")) } else { r.eligible.to_string() } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

struct FooterProps {
    lang: Lang,
}

fn footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    let Ok(book) = RuleBook::embedded() else {
        return html! {};
    };
    html! {
        <footer class="bottom">
            <p class="disclaimer"><strong>{ lang.t("免责声明:", "Disclaimer: ") }</strong>
                { lang.t("本页金额是依据公开政策文本的测算,不是官方认定;实际金额以主管部门审核为准。武汉市级政策为征求意见稿,尚未正式施行。",
                    "the figures are estimates from the published texts, not an official determination; the authorities decide the actual amounts. The Wuhan city policy is a draft for comment, not in force.") }
            </p>
            <p>{ format!("{} {}", lang.t("规则数据版本", "Rule data version"), book.version()) }</p>
            <ul class="documents">
                { for book.documents.iter().map(|d| {
                    let dates = match (d.valid_from, d.valid_to, d.status) {
                        (Some(f), Some(t), DocStatus::InForce) => format!("{f} – {t}"),
                        _ => lang.t(d.dates_zh.as_deref().unwrap_or(""), d.dates_en.as_deref().unwrap_or("")).to_string(),
                    };
                    let status = engine::status_on(d, browser::today());
                    html! { <li>{ lang.t(&d.name_zh, &d.name_en).to_string() }{ " " }{ status_badge(status, lang) }{ format!(" {dates}") }</li> }
                }) }
            </ul>
        </footer>
    }
}
