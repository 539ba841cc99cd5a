//! The page's frame: the header (title, regions, unit and language switches) and the footer
//! (disclaimer, rule-data version, the sources with their status).
use crate::browser;
use crate::view::{FormProps, status_badge};
use subsidy_calc::engine;
use subsidy_calc::rulebook::DocStatus;
use subsidy_calc_web::form::{Edit, Lang, Unit};
use yew::prelude::*;

/// The title, the unit switch and the language switch.
pub(crate) fn header(props: &FormProps) -> Html {
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
    let regions = subsidy_calc::rulebook::book()
        .regions
        .iter()
        .map(|r| lang.t(&r.name_zh, &r.name_en))
        .collect::<Vec<_>>()
        .join(" · ");
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

pub(crate) struct FooterProps {
    pub lang: Lang,
    /// In a host's page the plan link would point into the host's site: left out.
    pub embedded: bool,
}

/// The disclaimer, the rule-data version and every source document with its status today.
pub(crate) fn footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    let book = subsidy_calc::rulebook::book();
    // Which texts are drafts is the rule data's to say, not this page's.
    let drafts: String = book
        .documents
        .iter()
        .filter(|d| d.status == DocStatus::Draft)
        .map(|d| match lang {
            Lang::Zh => format!("{}尚未正式施行。", d.name_zh),
            Lang::En => format!(" {} is not in force.", d.name_en),
        })
        .collect();
    html! {
        <footer class="bottom">
            <p class="disclaimer" id="disclaimer"><strong>{ lang.t("免责声明:", "Disclaimer: ") }</strong>
                { lang.t("本页金额是依据公开政策文本的测算,不是官方认定;实际金额以主管部门审核为准。",
                    "the figures are estimates from the published texts, not an official determination; the authorities decide the actual amounts.") }
                { drafts }
            </p>
            if !props.embedded {
                <p class="no-print"><a href="plan.html" id="to-plan">{ lang.t("多年规划:逐年测算、到期日和各地对比 →", "Multi-year plan: year by year, end dates, each place compared →") }</a>
                    { " · " }
                    <a href="batch.html" id="to-batch">{ lang.t("批量测算(主管部门:多家申请、资金池)→", "Many applications (for officials: budget pools) →") }</a></p>
            }
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
