//! The plan's inputs: the region, the first year, how many years, the unit; and the year-by-year
//! table (a row per field the region's clauses read, a column per year; on a phone one year at a
//! time). The starting state the engine carries (years already subsidised, amounts received) is
//! typed in the first year only.
use crate::control;
use crate::ctx::Ctx;
use subsidy_calc::input::{self, FIELDS, Ty};
use subsidy_calc::plan;
use subsidy_calc_web::form::{self as model, ScenarioKey, Unit};
use subsidy_calc_web::plan_form::{MAX_PAGE_YEARS, PlanEdit};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn select_cb(edit: &Callback<PlanEdit>, f: fn(String) -> Option<PlanEdit>) -> Callback<Event> {
    let edit = edit.clone();
    Callback::from(move |e: Event| {
        if let Some(x) = f(e.target_unchecked_into::<HtmlSelectElement>().value()) {
            edit.emit(x)
        }
    })
}

pub(crate) fn controls(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let p = &ctx.plan;
    let book = subsidy_calc::rulebook::book();
    let unit_cb = |u: Unit| {
        let edit = ctx.edit.clone();
        Callback::from(move |_| edit.emit(PlanEdit::Unit(u)))
    };
    let reset = {
        let edit = ctx.edit.clone();
        Callback::from(move |_| edit.emit(PlanEdit::Reset))
    };
    let this_year = i32::from(crate::browser::today().year);
    let first_years = (this_year - 3)..=(this_year + 3);
    html! {
        <section class="plan-controls no-print" aria-label={lang.t("规划设置", "Plan settings")}>
            <div class="field">
                <label for="plan-region">{ lang.t("企业注册地", "Where the company is registered") }</label>
                <select id="plan-region" onchange={select_cb(&ctx.edit, |v| Some(PlanEdit::Region(v)))}>
                    { for book.regions.iter().map(|r| html! {
                        <option value={r.key.to_string()} selected={p.region == r.key}>{ lang.t(&r.name_zh, &r.name_en).to_string() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="plan-start">{ lang.t("起始年份", "First year") }</label>
                <select id="plan-start" onchange={select_cb(&ctx.edit, |v| v.parse().ok().map(PlanEdit::Start))}>
                    { for first_years.chain(std::iter::once(p.start)).collect::<std::collections::BTreeSet<_>>().into_iter().map(|y| html! {
                        <option value={y.to_string()} selected={p.start == y}>{ y.to_string() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="plan-years">{ lang.t("规划年数", "Years") }</label>
                <select id="plan-years" onchange={select_cb(&ctx.edit, |v| v.parse().ok().map(PlanEdit::Years))}>
                    { for (1..=MAX_PAGE_YEARS).map(|n| html! {
                        <option value={n.to_string()} selected={p.years.len() == n}>{ n.to_string() }</option>
                    }) }
                </select>
            </div>
            <fieldset class="unit-switch">
                <legend>{ lang.t("金额单位", "Amounts in") }</legend>
                <label><input type="radio" name="unit" id="unit-wan" checked={p.unit == Unit::Wan} onchange={unit_cb(Unit::Wan)} />{ "万元" }</label>
                <label><input type="radio" name="unit" id="unit-yuan" checked={p.unit == Unit::Yuan} onchange={unit_cb(Unit::Yuan)} />{ lang.t("元", "yuan") }</label>
            </fieldset>
            <button type="button" class="secondary" id="plan-reset" onclick={reset}>{ lang.t("清空", "Clear") }</button>
        </section>
    }
}

/// The section a field belongs to in the table.
const SECTIONS: &[(&[&str], &str, &str)] = &[
    (&["enterprise."], "企业信息", "The enterprise"),
    (&["compute."], "算力", "Compute"),
    (&["model_filing.", "models."], "模型", "Models"),
    (&["listing."], "上市", "Listing"),
    (&["other."], "其他", "Other"),
];

pub(crate) fn year_table(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let p = &ctx.plan;
    let book = subsidy_calc::rulebook::book();
    let fields = model::region_fields(book, &p.region);
    let carried = plan::carried_fields(book);
    let n = p.years.len();
    let off = |i: usize| (i != p.shown).then_some("off");
    let show = |i: usize| {
        let edit = ctx.edit.clone();
        Callback::from(move |_| edit.emit(PlanEdit::Show(i)))
    };
    let rows = SECTIONS.iter().map(|(prefixes, zh, en)| {
        let paths: Vec<&'static str> = FIELDS
            .iter()
            .filter(|f| f.ty != Ty::Measure)
            .map(|f| f.path)
            .filter(|x| fields.contains(x) && prefixes.iter().any(|pre| x.starts_with(pre)))
            .collect();
        if paths.is_empty() {
            return html! {};
        }
        html! {
            <>
                <tr class="section-row"><th colspan={(n + 1).to_string()} scope="colgroup">{ lang.t(zh, en) }</th></tr>
                { for paths.into_iter().map(|path| field_row(ctx, path, carried.contains(&path))) }
            </>
        }
    });
    html! {
        <section class="plan-inputs" aria-label={lang.t("逐年计划", "The plan, year by year")}>
            <h2>{ lang.t("逐年计划投入", "What you plan, year by year") }</h2>
            <p class="hint">{ lang.t("每年填写当年的数字(不是累计);留空即为0。标“起始状态”的项目只在第一年填写,此后由引擎自动结转。",
                "Enter each year's own figures (not running totals); blank is zero. Rows marked \"starting state\" are entered in the first year only; the engine carries them after that.") }</p>
            <div class="year-tabs" role="tablist" aria-label={lang.t("选择年份", "Choose a year")}>
                { for (0..n).map(|i| html! {
                    <button type="button" role="tab" id={format!("year-tab-{i}")} aria-selected={(i == p.shown).to_string()}
                        class={classes!((i == p.shown).then_some("chosen"))} onclick={show(i)}>{ (p.start + i as i32).to_string() }</button>
                }) }
            </div>
            <div class="table-wrap">
                <table class="plan-table" id="plan-table">
                    <thead>
                        <tr>
                            <th scope="col">{ lang.t("项目", "Item") }</th>
                            { for (0..n).map(|i| {
                                let copy = {
                                    let edit = ctx.edit.clone();
                                    Callback::from(move |_| edit.emit(PlanEdit::CopyForward(i)))
                                };
                                html! {
                                    <th scope="col" class={classes!("year", off(i))}>
                                        { (p.start + i as i32).to_string() }
                                        if i + 1 < n {
                                            <button type="button" class="link copy-forward no-print" id={format!("copy-{i}")} onclick={copy}
                                                title={lang.t("把本年数字复制到以后各年", "Copy this year's figures to the later years")}>
                                                { lang.t("复制到以后各年 →", "copy to later years →") }
                                            </button>
                                        }
                                    </th>
                                }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows }
                        if model::region_has_scenarios(book, &p.region) {
                            { scenario_row(ctx, &fields) }
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn cell_id(i: usize, path: &str) -> String {
    format!("y{i}-{}", path.replace(['.', '[', ']'], "-"))
}

fn field_row(ctx: &Ctx, path: &'static str, carried: bool) -> Html {
    let Some(field) = input::field(path) else {
        return html! {};
    };
    let lang = ctx.lang();
    let p = &ctx.plan;
    let label = lang.t(field.zh, field.en).to_string();
    html! {
        <tr>
            <th scope="row">
                { label.clone() }
                if field.ty == Ty::Money { <span class="unit">{ format!("({})", p.unit.label(lang)) }</span> }
                if carried { <span class="badge badge-nodates">{ lang.t("起始状态", "starting state") }</span> }
            </th>
            { for (0..p.years.len()).map(|i| {
                let class = classes!("year", (i != p.shown).then_some("off"));
                if carried && i > 0 {
                    return html! { <td class={class}><span class="carried">{ lang.t("自动结转", "carried") }</span></td> };
                }
                html! { <td {class}>{ cell_input(ctx, i, field, &label) }</td> }
            }) }
        </tr>
    }
}

fn cell_input(ctx: &Ctx, i: usize, field: &'static input::Field, label: &str) -> Html {
    let lang = ctx.lang();
    let p = &ctx.plan;
    let id = cell_id(i, field.path);
    let year = p.start + i as i32;
    let aria = format!("{label} {year}");
    let value = p.years[i].value(field.path).to_string();
    let error = ctx.errors.get(&format!("years[{i}].{}", field.path));
    let emit = {
        let (edit, path) = (ctx.edit.clone(), field.path.to_string());
        move |text: String| edit.emit(PlanEdit::Value(i, path.clone(), text))
    };
    let err_id = format!("{id}-error");
    let err = error.map(|m| html! { <p class="error" id={err_id.clone()} role="alert">{ m.get(lang).to_string() }</p> });
    let described = error.is_some().then(|| err_id.clone());
    let invalid = error.is_some().then_some("true");
    match field.ty {
        Ty::Flag => {
            let onchange = Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                emit(if on { "true".into() } else { String::new() })
            });
            html! { <input type="checkbox" id={id} aria-label={aria} checked={value == "true"} {onchange} /> }
        }
        Ty::Choice(options) => {
            let onchange = Callback::from(move |e: Event| {
                emit(e.target_unchecked_into::<HtmlSelectElement>().value())
            });
            html! {
                <select id={id} aria-label={aria} {onchange}>{ control::choice_options(options, &value, lang) }</select>
            }
        }
        Ty::Set(options) => html! {
            <div class="set" role="group" aria-label={aria}>
                { control::set_boxes(&id, options, &value, lang, std::rc::Rc::new(emit)) }
            </div>
        },
        _ => {
            let (kind, mode, _) = control::text_kind(field.ty, p.unit, lang);
            let oninput = Callback::from(move |e: InputEvent| {
                emit(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! {
                <>
                    <input type={kind} id={id} inputmode={mode} autocomplete="off" aria-label={aria} value={value} {oninput}
                        aria-invalid={invalid} aria-describedby={described} />
                    { for err }
                </>
            }
        }
    }
}

/// Each year's scenario projects: a short list in the year's cell, and a button to add one.
fn scenario_row(ctx: &Ctx, fields: &[&'static str]) -> Html {
    let lang = ctx.lang();
    let p = &ctx.plan;
    let unit = p.unit.label(lang);
    let city = fields.contains(&"city_selected");
    let district = fields.contains(&"district_selected");
    html! {
        <>
            <tr class="section-row"><th colspan={(p.years.len() + 1).to_string()} scope="colgroup">{ lang.t("应用场景项目(当年新立项)", "Scenario projects (started that year)") }</th></tr>
            <tr>
                <th scope="row">{ lang.t("项目", "Projects") }</th>
                { for p.years.iter().enumerate().map(|(i, y)| {
                    let add = {
                        let edit = ctx.edit.clone();
                        Callback::from(move |_| edit.emit(PlanEdit::AddScenario(i)))
                    };
                    html! {
                        <td class={classes!("year", (i != p.shown).then_some("off"))}>
                            { for y.scenarios.iter().enumerate().map(|(k, s)| {
                                let sid = s.id;
                                let base = format!("y{i}-sc-{sid}");
                                let text = |key: ScenarioKey| {
                                    let edit = ctx.edit.clone();
                                    Callback::from(move |e: InputEvent| edit.emit(PlanEdit::Scenario(i, sid, key, e.target_unchecked_into::<HtmlInputElement>().value())))
                                };
                                let check = |key: ScenarioKey| {
                                    let edit = ctx.edit.clone();
                                    Callback::from(move |e: Event| {
                                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                                        edit.emit(PlanEdit::Scenario(i, sid, key, if on { "true".into() } else { String::new() }))
                                    })
                                };
                                let remove = {
                                    let edit = ctx.edit.clone();
                                    Callback::from(move |_| edit.emit(PlanEdit::RemoveScenario(i, sid)))
                                };
                                let err = |key: &str| ctx.errors.get(&format!("years[{i}].scenarios[{k}].{key}"))
                                    .map(|m| html! { <p class="error" role="alert">{ m.get(lang).to_string() }</p> });
                                html! {
                                    <div class="plan-scenario" key={sid}>
                                        <input type="text" id={format!("{base}-name")} aria-label={lang.t("项目名称", "Project name")}
                                            placeholder={lang.t("项目名称", "Project name")} value={s.name.clone()} oninput={text(ScenarioKey::Name)} />
                                        <label for={format!("{base}-total")}>{ format!("{}({unit})", lang.t("总投入", "Total investment")) }</label>
                                        <input type="text" inputmode="decimal" id={format!("{base}-total")} value={s.total_investment.clone()} oninput={text(ScenarioKey::TotalInvestment)} />
                                        { for err("total_investment") }
                                        <label for={format!("{base}-rd")}>{ format!("{}({unit})", lang.t("研发投入", "R&D investment")) }</label>
                                        <input type="text" inputmode="decimal" id={format!("{base}-rd")} value={s.rd_investment.clone()} oninput={text(ScenarioKey::RdInvestment)} />
                                        { for err("rd_investment") }
                                        if city {
                                            <label class="check"><input type="checkbox" id={format!("{base}-city")} checked={s.city_selected} onchange={check(ScenarioKey::CitySelected)} />
                                                { lang.t("市级遴选入选", "selected by the city") }</label>
                                        }
                                        if district {
                                            <label class="check"><input type="checkbox" id={format!("{base}-district")} checked={s.district_selected} onchange={check(ScenarioKey::DistrictSelected)} />
                                                { lang.t("区级遴选入选或支持", "selected or supported by the district") }</label>
                                        }
                                        <label class="check"><input type="checkbox" id={format!("{base}-mfa")} checked={s.manufacturing_first_application} onchange={check(ScenarioKey::ManufacturingFirstApplication)} />
                                            { lang.t("制造业细分领域首次应用", "first application in manufacturing") }</label>
                                        <button type="button" class="secondary remove" onclick={remove}>{ lang.t("删除", "Remove") }</button>
                                    </div>
                                }
                            }) }
                            <button type="button" class="secondary add-scenario" id={format!("add-scenario-{i}")} onclick={add}>{ lang.t("+ 项目", "+ Project") }</button>
                        </td>
                    }
                }) }
            </tr>
        </>
    }
}
