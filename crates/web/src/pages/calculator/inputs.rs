//! The input side of the page: the region picker, the sections of fields (only those the region's
//! clauses read), one field by its type, and the scenario projects with their two selection boxes.
use crate::control;
use crate::view::{FormProps, ViewProps, dom_id};
use std::rc::Rc;
use subsidy_calc::input::{self, FIELDS, Ty};
use subsidy_calc_web::form::Form;
use subsidy_calc_web::form::Lang;
use subsidy_calc_web::form::{Edit, Msg, ScenarioKey};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub(crate) fn region_picker(props: &FormProps) -> Html {
    let lang = props.form.lang;
    let book = subsidy_calc::rulebook::book();
    html! {
        <fieldset class="regions">
            <legend>{ lang.t("企业注册地", "Where the company is registered") }</legend>
            { for book.regions.iter().map(|r| {
                let key = r.key.to_string();
                let edit = props.edit.clone();
                let id = format!("region-{}", r.key);
                html! {
                    <label for={id.clone()} class={classes!("region", (props.form.region == r.key).then_some("chosen"))}>
                        <input type="radio" name="region" id={id} value={r.key.to_string()}
                            checked={props.form.region == r.key}
                            onchange={Callback::from(move |_| edit.emit(Edit::Region(key.clone())))} />
                        { lang.t(&r.name_zh, &r.name_en) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// The input sections, each showing only the fields the region's clauses read.
pub(crate) fn sections(props: &ViewProps) -> Html {
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
            // Below the first screen (a phone's and a 1280 × 800 desktop's): one frame later, with the
            // rest of the page ([`Ui::settled`]); nothing above them moves when they come.
            if ui.settled {
                { section("sec-models", lang.t("模型备案 · 模型研发", "Model filing and development"), when("model", shown(&["model_filing.", "models."]))) }
                if props.view.scenarios && ui.shows("scenario") {
                    { scenario_list(props) }
                }
                { section("sec-listing", lang.t("上市", "Listing"), when("listing", shown(&["listing."]))) }
            }
            if !other.is_empty() && ui.settled {
                <details class="section other" id="sec-other">
                    <summary>{ lang.t("其他奖励(数据集、活动、平台、园区、投资项目等)", "Other awards (datasets, events, platforms, parks, investment projects…)") }</summary>
                    { for other.into_iter().map(|p| html! {
                        { field_input(&FieldProps { path: p, form: props.form.clone(), error: props.view.errors.get(p).cloned(), edit: props.edit.clone() }) }
                    }) }
                </details>
            }
            if ui.settled {
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
            }
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
    let mut label = lang.t(field.zh, field.en).to_string();
    if field.ty == Ty::Amounts {
        // Each project is capped on its own: several amounts in one box.
        label.push_str(lang.t(
            "(多个项目用“;”隔开)",
            " (several projects: separate with ;)",
        ));
    }
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
            html! {
                <div class="field">
                    <label for={id.clone()}>{ label }</label>
                    <select id={id} {onchange}>{ control::choice_options(options, &value, lang) }</select>
                    { for error }
                </div>
            }
        }
        Ty::Set(options) => {
            let (edit, path) = (props.edit.clone(), path.clone());
            let emit = Rc::new(move |text: String| edit.emit(Edit::Value(path.clone(), text)));
            html! {
                <fieldset class="field set">
                    <legend>{ label }</legend>
                    { control::set_boxes(&id, options, &value, lang, emit) }
                </fieldset>
            }
        }
        Ty::Day => html! {
            <div class="field">
                <label for={id.clone()}>{ label }</label>
                <input type="date" id={id} value={value} oninput={on_text} aria-invalid={invalid} aria-describedby={described} />
                { for error }
            </div>
        },
        // Derived figures are worked out, never typed.
        Ty::Measure => html! {},
        Ty::Money | Ty::Amounts | Ty::Count(_) | Ty::Percent | Ty::Growth | Ty::Text => {
            let (_, mode, unit) = control::text_kind(field.ty, props.form.unit, lang);
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
    let unit = props.form.unit.label(lang);
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
