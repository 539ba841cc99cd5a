//! The result side of the page: totals, notes and export, one card per award (figure, cap, chart,
//! steps and the quoted clause), the qualification checks, and the comparison across regions.
use crate::browser;
use crate::chart::cap_chart;
use crate::view::{ViewProps, amount, family_key, kind_class, kind_label, status_badge};
use subsidy_calc::result::Award;
use subsidy_calc::rulebook::Kind;
use subsidy_calc_web::form::{self, Curve, Edit, Lang, RegionSummary, Unit};
use yew::prelude::*;

/// The results: totals (with the draft share), notes, export, the award cards, the checks, the
/// clauses not yet qualified for, and the comparison across regions.
pub(crate) fn results(props: &ViewProps) -> Html {
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
    let notes = o.notes_in(lang);
    // The exports are written when asked for, not on every render (a keystroke re-renders).
    let export_json = {
        let view = props.view.clone();
        Callback::from(move |_| {
            let Some(o) = &view.outcome else { return };
            // The same object `subsidyCalc.evaluate` returns, as the browser writes JSON.
            let text = js_sys::JSON::stringify(&crate::js::to_js(o))
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            browser::download("subsidy-result.json", "application/json", &text)
        })
    };
    let export_csv = {
        let view = props.view.clone();
        Callback::from(move |_| {
            let Some(o) = &view.outcome else { return };
            let text = form::csv(o, lang);
            browser::download("subsidy-result.csv", "text/csv;charset=utf-8", &text)
        })
    };
    // Printing adds the verification link's QR code (boot.js makes it, loaded on first print).
    let print = Callback::from(|_| browser::print_report());
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
                    <strong>{ amount(o.total.exact, unit, lang) }</strong>
                </div>
                <div class="total" id="total-up-to">
                    <span class="label">{ lang.t("最高可得合计", "Total, up to") }</span>
                    <strong>{ amount(o.total.up_to, unit, lang) }</strong>
                </div>
            </div>
            if !o.total.draft_up_to.is_zero() {
                <p class="draft-share" id="total-draft">
                    <span class="badge badge-draft">{ lang.t("征求意见稿", "DRAFT") }</span>
                    { format!(" {}{},{}{}", lang.t("其中征求意见稿:确定金额 ", "of which from draft texts: exact "), amount(o.total.draft_exact, unit, lang),
                        lang.t("最高可得 ", "up to "), amount(o.total.draft_up_to, unit, lang)) }
                </p>
            }
            { verification(props, o, lang) }
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
                            <ul>{ for c.failing.iter().map(|f| html! { <li>{ f.text(lang) }</li> }) }</ul>
                            <p class="source">{ format!("{} {}", lang.t(c.source.document, c.source.document_en), c.source.clause) }</p>
                        </article>
                    }) }
                </section>
            }
            <details class="not-eligible">
                <summary>{ format!("{} ({})", lang.t("暂不符合条件的条款", "Clauses you do not qualify for yet"), other.len()) }</summary>
                <ul>
                    { for other.iter().filter(|_| ui.settled).map(|a| html! {
                        <li id={format!("ne-{}", a.id.replace('.', "-"))}>
                            <strong>{ lang.t(a.title_zh, a.title_en) }</strong>{ " " }{ status_badge(a.source.status, lang) }
                            <br />
                            <span class="reason">{ a.reason_in(lang).unwrap_or_default() }</span>
                            <span class="source">{ format!(" — {} {}", lang.t(a.source.document, a.source.document_en), a.source.clause) }</span>
                        </li>
                    }) }
                </ul>
            </details>
            if !ui.locked && ui.settled {
                { compare(&props.view.compare, &props.form.region, lang, unit, &props.edit) }
            }
        </section>
    }
}

fn award_card(a: &Award, curve: Option<&Curve>, lang: Lang, unit: Unit) -> Html {
    let figure = match a.kind {
        Kind::Exact | Kind::UpTo => a.amount.map(|x| amount(x, unit, lang)).unwrap_or_default(),
        Kind::Range => format!(
            "{} – {}",
            a.min.map(|x| amount(x, unit, lang)).unwrap_or_default(),
            a.max.map(|x| amount(x, unit, lang)).unwrap_or_default()
        ),
        _ => String::new(),
    };
    // The cap as a reader sees it (separators in English too; the contract's field keeps plain
    // figures).
    let cap = a.binding_cap.as_ref().map(|c| c.shown(lang));
    let (steps, notes) = (a.steps_in(lang), a.notes_in(lang));
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
            if let (Some(cap), Some(u)) = (cap, a.uncapped) {
                <p class="cap">{ format!("{}{cap}{}{} {}{}", lang.t("封顶:", "capped: "), lang.t("(", " ("), lang.t("未封顶金额", "uncapped"), amount(u, unit, lang), lang.t(")", ")")) }</p>
            }
            if let Some(s) = &a.stacking {
                <p class="stacking">{ s.note.text(lang) }</p>
            }
            if let Some(c) = curve {
                { cap_chart(c, lang) }
                <p class="hint">{ c.hint.get(lang).to_string() }</p>
            }
            if !a.items.is_empty() {
                <ul class="items">
                    { for a.items.iter().map(|i| html! {
                        <li>{ format!("{}: {}", if i.name.is_empty() { format!("#{}", i.scenario.or(i.project).unwrap_or(0) + 1) } else { i.name.clone() }, amount(i.amount, unit, lang)) }</li>
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
                                    <td class="num">{ amount(r.exact, unit, lang) }</td>
                                    <td class="num">{ amount(r.up_to, unit, lang) }</td>
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

/// The result's verification code and rule version, with what the code is, the link that reopens
/// exactly these inputs with it (the print shows its QR code), and — opened from such a link — whether
/// the code matches (核验一致), or why not.
fn verification(props: &ViewProps, o: &subsidy_calc::Outcome, lang: Lang) -> Html {
    let Some(code) = o.code.as_deref() else {
        return html! {};
    };
    let book = subsidy_calc::rulebook::book();
    let link = props.form.verify_link(&browser::base_href(), o.as_of, code);
    let checked = props.given_code.as_deref().map(|given| {
        let check = subsidy_calc::code::check(given, code, book.version());
        let ok = check == subsidy_calc::code::Check::Same;
        let said = subsidy_calc::code::explain(&check, given, code, book, lang == Lang::Zh);
        html! {
            <p id="verify-result" class={classes!("verify", if ok { "ok" } else { "bad" })} role="status">
                <strong>{ if ok { lang.t("核验一致", "Verified") } else { lang.t("核验不一致", "Not verified") } }</strong>
                { " " }{ said }
            </p>
        }
    });
    html! {
        <div class="verification">
            { for checked }
            <p id="verify-code">
                { lang.t("核验码 ", "Verification code ") }<strong class="code">{ code.to_string() }</strong>
                { format!(" · {}{}", lang.t("规则版本 ", "rules "), o.rules_version) }
            </p>
            <p class="hint">{ lang.t(
                "同样的输入,按同一规则版本,总会得出同样的金额和同样的核验码:任何人可用下面的链接或命令行 subsidy-calc verify 重算核对。核验码不是签名,不证明由谁计算。",
                "The same inputs under the same rule version always give the same figures and the same code: anyone can recompute and compare with the link below or subsidy-calc verify. The code is not a signature and proves nothing about who computed it.") }</p>
            <p class="verify-link"><a id="verify-link" href={link.clone()}>{ link }</a></p>
            <figure id="verify-qr" class="print-only" aria-hidden="true"></figure>
        </div>
    }
}
