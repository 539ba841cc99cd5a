//! The batch page's 政策测算 panel (the contract's "A reform"): a region's clauses, each parameter in
//! a small form with today's value and the quoted text it comes from; what differs from today is the
//! reform. Applied, the whole list is evaluated under it and under today's rules. The reform can be
//! downloaded as a file, opened again, and shared as a link that holds the reform alone (the
//! applications never leave the machine). What the form lists and how it becomes a reform is the
//! view model's (`batch_view::{region_params, reform_of, form_of}`, tested natively).
use crate::browser;
use std::collections::HashMap;
use std::rc::Rc;
use subsidy_calc::reform::{Reformed, Unit};
use subsidy_calc_web::batch_view::{self as view, ParamGroup};
use subsidy_calc_web::form::Lang;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// A reform read and checked (Some), or today's rules again (None).
    pub on_apply: Callback<Option<Rc<Reformed>>>,
    /// The name of the reform the results are under, if any.
    pub applied: Option<String>,
}

/// The reform in a share link: `batch.html#reform=<the reform's JSON, URI-encoded>`.
const SHARE: &str = "reform=";

/// Every document's groups (a reform may change clauses of several regions).
fn all_groups(lang: Lang) -> Vec<ParamGroup> {
    let book = subsidy_calc::rulebook::book();
    let mut out: Vec<ParamGroup> = Vec::new();
    for r in book.regions.iter() {
        for g in view::region_params(book, &r.key, lang) {
            if !out.iter().any(|o| o.id == g.id) {
                out.push(g);
            }
        }
    }
    out
}

/// Where a change of the reform is in the form, in words: "〔5〕中小企业算力补贴 · 比例:…".
fn place(reform: &serde_json::Value, field: &str, groups: &[ParamGroup], l: Lang) -> String {
    let Some(i) = field
        .strip_prefix("changes[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return field.to_string();
    };
    let c = &reform["changes"][i];
    let whose = c["rule"].as_str().or(c["document"].as_str()).unwrap_or("");
    let set = c["set"].as_str().unwrap_or("");
    groups
        .iter()
        .find(|g| g.id == whose)
        .map(|g| {
            let label = g
                .params
                .iter()
                .find(|p| p.name == set)
                .map_or(set, |p| p.label.as_str());
            match subsidy_calc::rulebook::book().document(&g.id) {
                Some(d) => format!("{} · {label}", l.t(&d.name_zh, &d.name_en)),
                None => format!("{} · {label}", g.title),
            }
        })
        .unwrap_or_else(|| field.to_string())
}

#[component]
pub fn ReformPanel(props: &Props) -> Html {
    let l = props.lang;
    let book = subsidy_calc::rulebook::book();
    let region = use_state(|| "wuhan-hongshan".to_string());
    let name = use_state(String::new);
    let values = use_state(HashMap::<String, String>::new);
    let errors = use_state(Vec::<String>::new);
    let share = use_state(|| None::<String>);
    // The quotes and English labels are the rule data's lazy texts: made again once they arrive.
    let texts = crate::texts::use_texts();
    let groups = use_memo((l, texts), |(l, _)| all_groups(*l));
    // A share link opens with its reform in the form.
    {
        let (name, values, region) = (name.clone(), values.clone(), region.clone());
        use_effect_with((), move |_| {
            let fragment = browser::fragment();
            if let Some(text) = fragment.strip_prefix(SHARE) {
                let text = js_sys::decode_uri_component(text)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                    load(&v, &name, &values, &region);
                }
            }
        });
    }
    let set_value = {
        let values = values.clone();
        Callback::from(move |(key, v): (String, String)| {
            let mut m = (*values).clone();
            m.insert(key, v);
            values.set(m);
        })
    };
    let reform_json = {
        let (groups, values, name) = (groups.clone(), values.clone(), name.clone());
        move || view::reform_of(&name, &groups, &|k| values.get(k).cloned())
    };
    let apply = {
        let (reform_json, errors, on_apply, groups, share) = (
            reform_json.clone(),
            errors.clone(),
            props.on_apply.clone(),
            groups.clone(),
            share.clone(),
        );
        Callback::from(move |_| {
            let Some(v) = reform_json() else {
                errors.set(vec![
                    l.t(
                        "没有调整任何参数:请先修改至少一项。",
                        "Nothing is changed: change at least one parameter first.",
                    )
                    .to_string(),
                ]);
                return;
            };
            match Reformed::read(&v, subsidy_calc::rulebook::book()) {
                Ok(r) => {
                    errors.set(Vec::new());
                    let text = v.to_string();
                    let link = format!(
                        "{}#{SHARE}{}",
                        browser::base_href(),
                        String::from(js_sys::encode_uri_component(&text))
                    );
                    share.set(Some(link));
                    on_apply.emit(Some(Rc::new(r)));
                }
                Err(e) => errors.set(
                    e.iter()
                        .map(|e| format!("{}:{}", place(&v, &e.field, &groups, l), e.message_in(l)))
                        .collect(),
                ),
            }
        })
    };
    let clear = {
        let (values, errors, on_apply, share) = (
            values.clone(),
            errors.clone(),
            props.on_apply.clone(),
            share.clone(),
        );
        Callback::from(move |_| {
            values.set(HashMap::new());
            errors.set(Vec::new());
            share.set(None);
            on_apply.emit(None);
        })
    };
    let download = {
        let (reform_json, errors) = (reform_json.clone(), errors.clone());
        Callback::from(move |_| match reform_json() {
            Some(v) => {
                let name = v["name"].as_str().unwrap_or("reform").to_string();
                let text = serde_json::to_string_pretty(&v).unwrap_or_default();
                browser::download(&format!("测算方案-{name}.json"), "application/json", &text);
            }
            None => errors.set(vec![
                l.t(
                    "没有调整任何参数,无可下载。",
                    "Nothing is changed: there is nothing to download.",
                )
                .to_string(),
            ]),
        })
    };
    let open = {
        let (name, values, region, errors) =
            (name.clone(), values.clone(), region.clone(), errors.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (name, values, region, errors) =
                (name.clone(), values.clone(), region.clone(), errors.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default();
                match subsidy_calc::input::strict::parse(text.trim_start_matches('\u{feff}')) {
                    Ok(v) if v.get("changes").is_some() => {
                        errors.set(Vec::new());
                        load(&v, &name, &values, &region);
                    }
                    _ => errors.set(vec![format!(
                        "{}{}",
                        file.name(),
                        l.t(
                            ":不是测算方案文件(JSON,含 reform、name、changes)",
                            ": not a reform file (JSON with reform, name and changes)"
                        )
                    )]),
                }
            });
        })
    };
    let on_region = {
        let region = region.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            region.set(s.value());
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            name.set(i.value());
        })
    };
    let docs: Vec<String> = book
        .region(&region)
        .map(|r| r.documents.iter().map(|d| d.to_string()).collect())
        .unwrap_or_default();
    let shown: Vec<&ParamGroup> = groups
        .iter()
        .filter(|g| {
            docs.contains(&g.id)
                || book
                    .rule(&g.id)
                    .is_some_and(|(d, _)| docs.iter().any(|k| *k == d.key.as_str()))
        })
        .collect();
    let changed = view::reform_of(&name, &groups, &|k| values.get(k).cloned())
        .map_or(0, |v| v["changes"].as_array().map_or(0, Vec::len));
    html! {
        <section class="reform-panel" id="reform-panel" aria-labelledby="reform-title">
            <h2 id="reform-title">{ l.t("政策测算(测算方案)", "Policy costing (a reform)") }</h2>
            <p class="hint">{ l.t(
                "供起草或修订政策的部门使用:修改比例、上限、每个单位金额、资金池、条件门槛或有效期,查看整份名单在测算方案下的预算、增减户数和变化最大的申请。测算方案不是现行政策,不修改规则文件;名单数据不离开本机。",
                "For those drafting or revising a policy: change a rate, a cap, an amount per unit, a pool, a condition's threshold or the dates, and see the whole list's budget under the reform, who gains and who loses, and the largest changes. A reform is not the policy and never edits the rule files; the list never leaves this machine.") }</p>
            <div class="reform-head">
                <label for="reform-region">{ l.t("地区", "Region") }</label>
                <select id="reform-region" onchange={on_region}>
                    { for book.regions.iter().map(|r| html! {
                        <option value={r.key.to_string()} selected={*region == r.key.as_str()}>{ l.t(&r.name_zh, &r.name_en).to_string() }</option>
                    }) }
                </select>
                <label for="reform-name">{ l.t("方案名称", "Name") }</label>
                <input id="reform-name" type="text" maxlength="100" value={(*name).clone()} oninput={on_name}
                    placeholder={l.t("例如:洪山算力补贴提标", "e.g. Hongshan compute subsidy raised")} />
            </div>
            <div class="reform-rules" id="reform-rules">
                { for shown.iter().map(|g| match book.document(&g.id) {
                    // A document's own dates open its clauses, under its name.
                    Some(doc) => html! {
                        <>
                            <h3 class="reform-doc">{ l.t(&doc.name_zh, &doc.name_en).to_string() }</h3>
                            { group(g, &values, &set_value, l) }
                        </>
                    },
                    None => group(g, &values, &set_value, l),
                }) }
            </div>
            <p class="reform-count" id="reform-count">{ match l {
                Lang::Zh => format!("已调整{changed}项参数"),
                Lang::En => format!("{changed} parameter(s) changed"),
            } }</p>
            if !errors.is_empty() {
                <ul class="error" role="alert" id="reform-errors">
                    { for errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                </ul>
            }
            <div class="toolbar">
                <button type="button" id="reform-apply" onclick={apply}>{ l.t("按测算方案计算", "Evaluate under the reform") }</button>
                <button type="button" id="reform-clear" class="secondary" onclick={clear}>{ l.t("恢复现行政策", "Back to today's rules") }</button>
                <button type="button" id="reform-download" class="secondary" onclick={download}>{ l.t("下载测算方案文件", "Download the reform") }</button>
                <label class="secondary button" for="reform-open">{ l.t("打开测算方案文件", "Open a reform file") }</label>
                <input type="file" id="reform-open" class="visually-hidden" accept=".json,application/json" onchange={open} />
            </div>
            if let (Some(link), Some(applied)) = (&*share, &props.applied) {
                <p class="hint" id="reform-share">
                    { format!("{}“{applied}”{}", l.t("分享测算方案", "Share the reform "), l.t("(链接只含测算方案,不含名单):", " (the link holds the reform only, not the list): ")) }
                    <a href={link.clone()} id="reform-link">{ l.t("测算方案链接", "reform link") }</a>
                </p>
            }
        </section>
    }
}

/// A reform read into the form (from a file or a share link): its name, each change's value, and
/// the region of its first change.
fn load(
    v: &serde_json::Value,
    name: &UseStateHandle<String>,
    values: &UseStateHandle<HashMap<String, String>>,
    region: &UseStateHandle<String>,
) {
    let (n, list) = view::form_of(v);
    name.set(n);
    values.set(list.into_iter().collect());
    let book = subsidy_calc::rulebook::book();
    let first = &v["changes"][0];
    let doc = first["rule"]
        .as_str()
        .and_then(|r| book.rule(r).map(|(d, _)| d.key.to_string()))
        .or_else(|| first["document"].as_str().map(String::from));
    if let Some(r) = doc.and_then(|d| book.regions_of(&d).first().map(|r| r.to_string())) {
        region.set(r);
    }
}

/// One clause's parameters: its title (with how many are changed), its quote, and a field each.
fn group(
    g: &ParamGroup,
    values: &HashMap<String, String>,
    set: &Callback<(String, String)>,
    l: Lang,
) -> Html {
    let changed = g
        .params
        .iter()
        .filter(|p| {
            values
                .get(&p.key)
                .is_some_and(|v| v.trim() != p.today && !v.trim().is_empty())
        })
        .count();
    html! {
        <details class={classes!("reform-rule", (changed > 0).then_some("changed"))} data-rule={g.id.clone()} open={changed > 0}>
            <summary>
                { g.title.clone() }
                if changed > 0 {
                    <span class="badge">{ match l { Lang::Zh => format!("已调整{changed}项"), Lang::En => format!("{changed} changed") } }</span>
                }
            </summary>
            if !g.quote.is_empty() {
                <blockquote>{ g.quote.clone() }</blockquote>
            }
            <div class="reform-params">
                { for g.params.iter().map(|p| {
                    let id = format!("rp-{}", p.key.replace(['|', '.'], "-"));
                    let value = values.get(&p.key).cloned().unwrap_or_else(|| p.today.clone());
                    let key = p.key.clone();
                    let set = set.clone();
                    let unit = match (p.unit, l) {
                        (Unit::Rate, _) => "%",
                        (Unit::Yuan, Lang::Zh) => "元",
                        (Unit::Yuan, Lang::En) => "yuan",
                        _ => "",
                    };
                    let differs = value.trim() != p.today;
                    let text = match (p.unit, p.today.as_str()) {
                        (_, "") => l.t("未载明", "not given").to_string(),
                        (Unit::Flag, _) => l.t("适用", "applies").to_string(),
                        (Unit::Yuan, t) => t
                            .parse::<rust_decimal::Decimal>()
                            .map_or(t.to_string(), subsidy_calc::money::human),
                        (_, t) => t.to_string(),
                    };
                    let today = match l {
                        Lang::Zh => format!("原文:{text}{unit}"),
                        Lang::En => format!("the text: {text} {unit}"),
                    };
                    let field = match p.unit {
                        Unit::Flag => {
                            let onchange = Callback::from(move |e: Event| {
                                let s: HtmlSelectElement = e.target_unchecked_into();
                                set.emit((key.clone(), s.value()));
                            });
                            html! {
                                <select id={id.clone()} data-key={p.key.clone()} onchange={onchange}>
                                    <option value="true" selected={value == "true"}>{ l.t("适用", "applies") }</option>
                                    <option value="false" selected={value == "false"}>{ l.t("停用", "switched off") }</option>
                                </select>
                            }
                        }
                        _ => {
                            let oninput = Callback::from(move |e: InputEvent| {
                                let i: HtmlInputElement = e.target_unchecked_into();
                                set.emit((key.clone(), i.value()));
                            });
                            let kind = if p.unit == Unit::Date { "date" } else { "text" };
                            let mode = if p.unit == Unit::Date { "" } else { "decimal" };
                            html! {
                                <input id={id.clone()} data-key={p.key.clone()} type={kind} inputmode={mode} value={value} oninput={oninput} />
                            }
                        }
                    };
                    html! {
                        <div class={classes!("reform-param", differs.then_some("changed"))} data-param={p.name.clone()}>
                            <label for={id}>{ p.label.clone() }</label>
                            { field }
                            <span class="unit">{ unit }</span>
                            <span class="today">{ today }</span>
                        </div>
                    }
                }) }
            </div>
        </details>
    }
}
