//! The batch page for officials (batch.html): a CSV or .xlsx file of applications in, every row's
//! awards, the summary per clause, each pool's demand against the pool and each count limit, and
//! the results out as .xlsx or CSV. The file never leaves the browser. Rows are evaluated a slice at
//! a time (figures only), yielding to the browser between slices so the page stays responsive and
//! shows its progress. Rows, summary and pools are `subsidy_batch`'s — the same code as
//! `subsidy-calc batch` — and what the page shows of them is its view model
//! (`subsidy_calc_web::batch_view`, tested natively).
use crate::browser;
use js_sys::Uint8Array;
use std::cell::RefCell;
use std::rc::Rc;
use subsidy_batch::{
    Batch, Compare, Done, Report, SheetError, read_csv, read_xlsx, reform_cell, table_header,
    template, write_csv, write_xlsx,
};
use subsidy_calc::reform::Reformed;
use subsidy_calc_web::batch_view::{self as view, Bar, LARGEST, SHOWN};
use subsidy_calc_web::form::Lang;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Rows evaluated between two looks at the browser (a slice takes a few milliseconds).
const SLICE: usize = 2000;

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Running { done: usize, total: usize },
    Done,
    Failed(SheetError),
}

/// What a finished batch keeps.
#[derive(Default)]
struct Results {
    file: String,
    rows: Vec<Done>,
    /// The file gave verification codes to check (the table says 核验 per row).
    checks: bool,
    report: Option<Report>,
    /// Milliseconds: reading the file into applications, and evaluating them.
    read_ms: f64,
    eval_ms: f64,
    /// Under a reform: the reform, and each row under today's rules (in the same order).
    reform: Option<Rc<Reformed>>,
    baseline: Vec<Done>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Lets the browser paint and handle input before the next slice.
async fn yield_to_browser() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = browser::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(p).await;
}

async fn run(
    file: web_sys::File,
    prorata: bool,
    reform: Option<Rc<Reformed>>,
    phase: UseStateSetter<Phase>,
    results: Rc<RefCell<Results>>,
) {
    phase.set(Phase::Running { done: 0, total: 0 });
    let name = file.name();
    let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
        phase.set(Phase::Failed(
            SheetError {
                zh: "浏览器无法读取此文件".into(),
                en: "the browser cannot read this file".into(),
            }
            .at(&name),
        ));
        return;
    };
    let bytes = Uint8Array::new(&buffer).to_vec();
    let t0 = now();
    let rows = if name.to_ascii_lowercase().ends_with(".xlsx") {
        read_xlsx(&bytes)
    } else {
        read_csv(&bytes)
    };
    let rows = match rows {
        Ok(r) => r,
        Err(e) => {
            phase.set(Phase::Failed(e.at(&name)));
            return;
        }
    };
    let read_ms = now() - t0;
    let base_book = subsidy_calc::rulebook::book();
    // The figures shown are the reform's where there is one; today's go beside them.
    let book = reform.as_deref().map_or(base_book, |r| &r.book);
    let today = browser::today();
    let total = rows.len();
    let mut batch = Batch::default();
    let mut baseline = Batch::default();
    batch.rows.reserve(total);
    if reform.is_some() {
        baseline.rows.reserve(total);
    }
    let mut eval_ms = 0.0;
    // Each row is taken as it is evaluated (its id moves into the table, its cells are freed).
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let t = now();
        for row in rows.by_ref().take(SLICE) {
            match reform.as_deref() {
                Some(r) => batch.add_reformed(&mut baseline, r, row, today),
                None => batch.add(book, row, today),
            }
        }
        eval_ms += now() - t;
        phase.set(Phase::Running {
            done: batch.rows.len(),
            total,
        });
        yield_to_browser().await;
    }
    // The pools' demand as asked; with pro-rata the rows, and the clauses' figures, are scaled
    // (both ways under a reform).
    let t = now();
    if prorata {
        batch.scale(book);
        if reform.is_some() {
            baseline.scale(base_book);
        }
    }
    let mut report = batch.summary.report(book);
    if prorata {
        report.mark_scaled();
    }
    if let Some(r) = &reform {
        let mut compare = Compare::default();
        for (b, d) in baseline.rows.iter().zip(&batch.rows) {
            compare.add_done(base_book, b, d);
        }
        let mut base_report = baseline.summary.report(base_book);
        if prorata {
            base_report.mark_scaled();
        }
        report.reform = Some(compare.report(base_book, &r.reform.name, base_report.pools));
    }
    eval_ms += now() - t;
    *results.borrow_mut() = Results {
        file: name,
        report: Some(report),
        checks: batch.checks,
        rows: batch.rows,
        read_ms,
        eval_ms,
        reform,
        baseline: baseline.rows,
    };
    phase.set(Phase::Done);
}

#[component]
pub fn BatchApp() -> Html {
    let lang = use_state(|| Lang::Zh);
    // Shown again when the rule data's texts (the clauses' English titles) arrive.
    let _texts = crate::texts::use_texts();
    let phase = use_state(|| Phase::Idle);
    let results = use_mut_ref(Results::default);
    let prorata = use_state(|| false);
    let reform = use_state(|| None::<Rc<Reformed>>);
    // The file last chosen: evaluated again when a reform is applied or cleared.
    let file = use_mut_ref(|| None::<web_sys::File>);
    let l = *lang;
    let start = {
        let (phase, results, prorata, reform, file) = (
            phase.setter(),
            results.clone(),
            *prorata,
            (*reform).clone(),
            file.clone(),
        );
        Callback::from(move |f: web_sys::File| {
            *file.borrow_mut() = Some(f.clone());
            wasm_bindgen_futures::spawn_local(run(
                f,
                prorata,
                reform.clone(),
                phase.clone(),
                results.clone(),
            ))
        })
    };
    let on_reform = {
        let (phase, results, prorata, reform, file) = (
            phase.setter(),
            results.clone(),
            *prorata,
            reform.clone(),
            file.clone(),
        );
        Callback::from(move |r: Option<Rc<Reformed>>| {
            reform.set(r.clone());
            if let Some(f) = file.borrow().clone() {
                wasm_bindgen_futures::spawn_local(run(
                    f,
                    prorata,
                    r,
                    phase.clone(),
                    results.clone(),
                ));
            }
        })
    };
    let applied = (*reform).as_ref().map(|r| r.reform.name.clone());
    let mode = |on: bool| {
        let prorata = prorata.clone();
        Callback::from(move |_| prorata.set(on))
    };
    let on_input = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|f| f.get(0)) {
                start.emit(f);
            }
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(f) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            start.emit(f);
        }
    });
    let on_drag = Callback::from(|e: DragEvent| e.prevent_default());
    let to_lang = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(if l == Lang::Zh { Lang::En } else { Lang::Zh }))
    };
    let template_cb = |zh: bool| {
        Callback::from(move |_| {
            let name = if zh {
                "批量测算模板.csv"
            } else {
                "batch-template.csv"
            };
            browser::download_bytes(name, "text/csv;charset=utf-8", &write_csv(template(zh)));
        })
    };
    let field_list = Callback::from(move |_| {
        browser::download_bytes(
            "批量测算字段清单.csv",
            "text/csv;charset=utf-8",
            &write_csv(subsidy_batch::sheet::field_list()),
        );
    });
    let busy = matches!(*phase, Phase::Running { .. });
    html! {
        <div class="page batch-page" lang={l.t("zh-CN", "en")}>
            <header class="top">
                <div class="title">
                    <h1>{ l.t("批量测算 · 人工智能产业政策计算器", "Many applications · AI Industry Subsidy Calculator") }</h1>
                    <p class="subtitle">{ l.t(
                        "上传多家企业的申报数据(CSV 或 Excel .xlsx),逐行测算奖励,汇总各条款、资金池和名额;文件只在您的浏览器中处理,不上传。",
                        "Upload many companies' figures (CSV or Excel .xlsx): every row's awards, a summary per clause, each budget pool and count limit. The file is read in your browser only; nothing is uploaded.") }</p>
                    <p class="no-print"><a href="./" id="to-calculator">{ l.t("← 单家企业计算器", "← One company") }</a></p>
                </div>
                <div class="controls">
                    <button type="button" id="lang-switch" class="secondary" onclick={to_lang} lang={l.t("en", "zh-CN")}>{ l.t("English", "中文") }</button>
                </div>
            </header>
            <main>
                <section class="batch-input" ondrop={on_drop} ondragover={on_drag.clone()} ondragenter={on_drag}>
                    <fieldset class="unit-switch" id="batch-pool-mode">
                        <legend>{ l.t("资金池超额时", "When a pool is over-subscribed") }</legend>
                        <label><input type="radio" name="pool" id="pool-none" checked={!*prorata} onchange={mode(false)} />
                            { l.t("仅报告需求", "report the demand only") }</label>
                        <label><input type="radio" name="pool" id="pool-prorata" checked={*prorata} onchange={mode(true)} />
                            { l.t("按比例调减到资金池(精确到分)", "scale pro rata to the pool (to the cent)") }</label>
                    </fieldset>
                    <label for="batch-file" class="drop">
                        { l.t("选择或拖入 CSV / .xlsx 文件", "Choose or drop a CSV / .xlsx file") }
                    </label>
                    <input type="file" id="batch-file" accept=".csv,.xlsx,text/csv" disabled={busy} onchange={on_input} />
                    <p class="hint">{ l.t(
                        "表头用字段的中文名称或字段路径(项目用“项目1·…”),另可有 编号、地区、计算日期 列;每一列可填什么见字段清单。先下载模板:",
                        "Column heads are the fields' Chinese labels or paths (projects as scenarios[0].…), plus id, region and as_of; what each column takes is in the field list. Start from a template:") }
                        { " " }
                        <button type="button" class="link" id="field-list" onclick={field_list}>{ l.t("字段清单", "field list") }</button>
                        { " · " }
                        <button type="button" class="link" id="template-zh" onclick={template_cb(true)}>{ l.t("模板(中文表头)", "template (Chinese heads)") }</button>
                        { " · " }
                        <button type="button" class="link" id="template-en" onclick={template_cb(false)}>{ l.t("模板(英文表头)", "template (English heads)") }</button>
                    </p>
                    // Progress and a refused file are said beside the file chosen (on a phone the
                    // reform panel below would hide them).
                    { status(&phase, l) }
                </section>
                <crate::reform::ReformPanel lang={l} on_apply={on_reform} applied={applied} />
                if *phase == Phase::Done {
                    { finished(&results.borrow(), l) }
                }
            </main>
        </div>
    }
}

fn status(phase: &Phase, l: Lang) -> Html {
    match phase {
        Phase::Idle => html! {},
        Phase::Running { done, total } => html! {
            <section class="batch-status" aria-live="polite">
                <p id="batch-progress-text">{ format!("{} {done} / {total}", l.t("正在测算", "Evaluating")) }</p>
                <progress id="batch-progress" max={total.max(&1).to_string()} value={done.to_string()}></progress>
            </section>
        },
        // The results follow the reform panel: a link to them beside the file chosen.
        Phase::Done => html! {
            <p class="batch-done" role="status"><a href="#batch-results">{ l.t("已测算完毕,结果见下方 ↓", "Done: the results are below ↓") }</a></p>
        },
        Phase::Failed(e) => html! {
            <p class="error" role="alert" id="batch-error">{ format!("{}{}", l.t("无法测算:", "Not evaluated: "), e.text(l == Lang::En)) }</p>
        },
    }
}

fn finished(r: &Results, l: Lang) -> Html {
    let book = subsidy_calc::rulebook::book();
    let Some(report) = &r.report else {
        return html! {};
    };
    let title = |id: &str| view::title(book, id, l);
    let amount = |y| view::amount(y, l);
    let rows = Rc::new(r.rows.clone());
    let baseline = Rc::new(r.baseline.clone());
    let checks = r.checks;
    let reform = r.reform.clone();
    let download = |xlsx: bool| {
        let (rows, baseline, reform) = (rows.clone(), baseline.clone(), reform.clone());
        Callback::from(move |_| {
            let book = subsidy_calc::rulebook::book();
            let name = reform.as_ref().map(|r| r.reform.name.as_str());
            let said = name.map(reform_cell).unwrap_or_default();
            let head: Vec<std::borrow::Cow<str>> = table_header(book, checks, name)
                .into_iter()
                .map(Into::into)
                .collect();
            let cells = rows.iter().enumerate().map(|(i, d)| match baseline.get(i) {
                Some(b) if name.is_some() => d.cells_with(book, b, &said),
                _ => d.cells(book),
            });
            let all = std::iter::once(head).chain(cells);
            if xlsx {
                if let Ok(bytes) = write_xlsx(all) {
                    browser::download_bytes(
                        "subsidy-batch.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    );
                }
            } else {
                browser::download_bytes(
                    "subsidy-batch.csv",
                    "text/csv;charset=utf-8",
                    &write_csv(all),
                );
            }
        })
    };
    let note = |rule: &str, zh: &str, en: &str, quote: &str, over: bool| {
        html! {
            <li class={classes!(over.then_some("over"))} data-rule={rule.to_string()}>
                <strong>{ title(rule) }</strong>{ ":" }{ l.t(zh, en).to_string() }
                <blockquote>{ quote.to_string() }</blockquote>
            </li>
        }
    };
    let under = r.reform.as_ref().map(|x| x.reform.name.clone());
    let base_total = |i: usize| r.baseline.get(i).map(|b| b.total[1]);
    html! {
        <section class="batch-results" id="batch-results">
            <h2>{ format!("{} · {}", l.t("测算结果", "Results"), r.file) }</h2>
            if let Some(name) = &under {
                <p class="reform-banner" id="reform-banner" role="note">{ match l {
                    Lang::Zh => format!("测算方案“{name}”:这些金额按假设的政策调整计算,不是现行政策;引用的原文仍是原文。"),
                    Lang::En => format!("Reform \"{name}\": these figures are computed under an assumed change of the rules, not the policy in force; the quotes are still the texts'."),
                } }</p>
            }
            <p id="batch-counts">{ view::counts(report, r.read_ms, r.eval_ms, l) }</p>
            <div class="toolbar no-print">
                <button type="button" id="batch-xlsx" onclick={download(true)}>{ l.t("下载结果 .xlsx", "Download .xlsx") }</button>
                <button type="button" id="batch-csv" class="secondary" onclick={download(false)}>{ l.t("下载结果 CSV", "Download CSV") }</button>
            </div>
            if let Some(rr) = &report.reform {
                { compare_view(rr, l) }
            }
            if !report.pools.is_empty() || !report.limits.is_empty() {
                <h3>{ l.t("资金池与名额", "Budget pools and places") }</h3>
                { pool_chart(&view::bars(report, book, l), l) }
                <ul class="batch-limits" id="batch-pools">
                    { for report.pools.iter().map(|p| note(&p.rule, &p.note_zh, &p.note_en, &p.quote, p.over)) }
                    { for report.limits.iter().map(|c| note(&c.rule, &c.note_zh, &c.note_en, &c.quote, c.over)) }
                </ul>
            }
            <h3>{ l.t("各条款汇总", "Per clause") }</h3>
            <div class="table-wrap">
                <table id="batch-clauses">
                    <thead><tr>
                        <th scope="col">{ l.t("条款", "Clause") }</th>
                        <th scope="col">{ l.t("有金额的申请", "Applicants with a figure") }</th>
                        <th scope="col">{ l.t("合计", "Sum") }</th>
                        <th scope="col">{ l.t("最小", "Smallest") }</th>
                        <th scope="col">{ l.t("中位数", "Median") }</th>
                        <th scope="col">{ l.t("最大", "Largest") }</th>
                    </tr></thead>
                    <tbody>
                        { for report.clauses.iter().filter(|c| c.eligible > 0).map(|c| html! {
                            <tr data-rule={c.id.clone()}>
                                <th scope="row">{ title(&c.id) }</th>
                                <td>{ c.eligible.to_string() }</td>
                                <td>{ amount(c.sum) }</td>
                                <td>{ c.smallest.map(amount).unwrap_or_default() }</td>
                                <td>{ c.median.map(amount).unwrap_or_default() }</td>
                                <td>{ c.largest.map(amount).unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>{ l.t("每家申请", "Each application") }</h3>
            { applicant_chart(&view::largest(&r.rows, LARGEST), l) }
            <div class="table-wrap">
                <table id="batch-rows">
                    <thead><tr>
                        <th scope="col">{ l.t("编号", "id") }</th>
                        <th scope="col">{ l.t("行", "row") }</th>
                        <th scope="col">{ l.t("地区", "region") }</th>
                        <th scope="col">{ l.t("确定金额合计", "total exact") }</th>
                        <th scope="col">{ l.t("最高可得合计", "total up to") }</th>
                        if under.is_some() {
                            <th scope="col">{ l.t("现行政策最高可得", "today's rules, up to") }</th>
                            <th scope="col">{ l.t("差额", "difference") }</th>
                        }
                        <th scope="col">{ l.t("有金额的条款", "clauses with a figure") }</th>
                        <th scope="col">{ l.t("错误", "errors") }</th>
                    </tr></thead>
                    <tbody>
                        { for r.rows.iter().take(SHOWN).enumerate().map(|(i, d)| html! {
                            <tr data-id={d.id.clone()} class={classes!((!d.errors.is_empty()).then_some("failed"))}>
                                <th scope="row">{ d.id.clone() }</th>
                                <td>{ d.row.to_string() }</td>
                                <td>{ book.region(&d.region).map(|g| l.t(&g.name_zh, &g.name_en).to_string()).unwrap_or_default() }</td>
                                <td class="exact">{ if d.errors.is_empty() { amount(d.total[0]) } else { String::new() } }</td>
                                <td class="up-to">{ if d.errors.is_empty() { amount(d.total[1]) } else { String::new() } }</td>
                                if under.is_some() {
                                    <td class="baseline">{ match base_total(i) { Some(b) if d.errors.is_empty() => amount(b), _ => String::new() } }</td>
                                    <td class="delta">{ match base_total(i) {
                                        Some(b) if d.errors.is_empty() => view::signed(d.total[1].value() - b.value(), l),
                                        _ => String::new(),
                                    } }</td>
                                }
                                <td>{ d.awards.iter().filter(|a| a.amount.is_some()).count().to_string() }</td>
                                <td class="errors">{ l.t(&d.errors_zh, &d.errors).to_string() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if let Some(more) = view::more_rows(r.rows.len(), l) {
                <p class="hint">{ more }</p>
            }
        </section>
    }
}

/// The reform against today's rules: the totals, each clause's budget both ways (a chart and a
/// table), and the rows whose totals change most.
fn compare_view(rr: &subsidy_batch::ReformReport, l: Lang) -> Html {
    let book = subsidy_calc::rulebook::book();
    let bars = view::reform_bars(rr, book, l);
    let max = bars
        .iter()
        .map(|b| b.baseline.max(b.reform))
        .max()
        .unwrap_or_default()
        .max(rust_decimal::Decimal::ONE);
    let percent =
        |v: rust_decimal::Decimal| (v * rust_decimal::Decimal::ONE_HUNDRED / max).round_dp(1);
    let amount = |d: rust_decimal::Decimal| view::amount(subsidy_calc::money::Yuan(d), l);
    html! {
        <section class="reform-compare" id="reform-compare">
            <h3>{ l.t("测算方案与现行政策对比", "The reform against today's rules") }</h3>
            <p id="reform-totals" class="reform-totals">{ view::reform_totals(rr, l) }</p>
            if !bars.is_empty() {
                // The words as HTML, not in an SVG: they stay the page's size on a phone.
                <figure class="reform-chart" id="reform-chart" aria-label={l.t("各条款预算:现行政策(灰)与测算方案(蓝)", "Each clause's budget: today's rules (grey) and the reform (blue)")}>
                    { for bars.iter().map(|b| html! {
                        <div class="reform-bar" data-rule={b.rule.clone()}>
                            <div class="label">{ b.label.clone() }<span class="delta">{ view::signed(b.delta, l) }</span></div>
                            // Each bar a stretched SVG (a width attribute, not an inline style: the
                            // page's Content-Security-Policy has no 'unsafe-inline').
                            <svg class="track" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="baseline" height="8" width={percent(b.baseline).to_string()} />
                            </svg>
                            <svg class="track" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="reform" height="8" width={percent(b.reform).to_string()} />
                            </svg>
                            <div class="figures">{ format!("{} {} · {} {}", l.t("现行", "today"), amount(b.baseline), l.t("测算", "reform"), amount(b.reform)) }</div>
                        </div>
                    }) }
                    <figcaption class="hint">{ l.t("灰色为现行政策下的合计,蓝色为测算方案下的合计(资金池按所选方式处理)。", "Grey is the sum under today's rules, blue under the reform (pools as chosen).") }</figcaption>
                </figure>
                <div class="table-wrap">
                    <table id="reform-clauses">
                        <thead><tr>
                            <th scope="col">{ l.t("条款", "Clause") }</th>
                            <th scope="col">{ l.t("现行政策", "Today") }</th>
                            <th scope="col">{ l.t("测算方案", "Reform") }</th>
                            <th scope="col">{ l.t("差额", "Difference") }</th>
                            <th scope="col">{ l.t("增加 / 减少(家)", "Gain / lose") }</th>
                        </tr></thead>
                        <tbody>
                            { for bars.iter().map(|b| html! {
                                <tr data-rule={b.rule.clone()}>
                                    <th scope="row">{ b.label.clone() }</th>
                                    <td class="baseline">{ amount(b.baseline) }</td>
                                    <td class="reform">{ amount(b.reform) }</td>
                                    <td class="delta">{ view::signed(b.delta, l) }</td>
                                    <td>{ format!("{} / {}", b.gainers, b.losers) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !rr.largest.is_empty() {
                <h4>{ l.t("变化最大的申请", "The largest changes") }</h4>
                <div class="table-wrap">
                    <table id="reform-largest">
                        <thead><tr>
                            <th scope="col">{ l.t("编号", "id") }</th>
                            <th scope="col">{ l.t("行", "row") }</th>
                            <th scope="col">{ l.t("现行政策", "Today") }</th>
                            <th scope="col">{ l.t("测算方案", "Reform") }</th>
                            <th scope="col">{ l.t("差额", "Difference") }</th>
                        </tr></thead>
                        <tbody>
                            { for rr.largest.iter().map(|c| html! {
                                <tr data-id={c.id.clone()}>
                                    <th scope="row">{ c.id.clone() }</th>
                                    <td>{ c.row.to_string() }</td>
                                    <td>{ amount(c.baseline.value()) }</td>
                                    <td>{ amount(c.reform.value()) }</td>
                                    <td class="delta">{ view::signed(c.delta.value(), l) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// Each pool's demand against the pool, and each count limit's applicants against its places.
fn pool_chart(bars: &[Bar], l: Lang) -> Html {
    // Words in HTML, bars in a stretched track (as the reform chart): in one scaled SVG the labels
    // shrank to a few pixels on a phone.
    html! {
        <figure class="batch-chart" id="batch-pool-chart" aria-label={l.t("需求与资金池(或名额)对比", "Demand against each pool (or places)")}>
            { for bars.iter().map(|b| {
                let at = view::scaled(b.bound, b, 400);
                html! {
                    <div class="chart-bar">
                        <div class="label">{ b.label.clone() }</div>
                        <svg class="track" viewBox="0 0 402 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect class={classes!("demand", b.over.then_some("over"))} y="1" height="8" width={view::scaled(b.asked, b, 400).to_string()} />
                            <line class="pool-line" vector-effect="non-scaling-stroke" x1={at.to_string()} x2={at.to_string()} y1="0" y2="10" />
                        </svg>
                    </div>
                }
            }) }
            <figcaption class="hint">{ l.t("色条为申请需求,竖线为资金池总额或名额;红色为超出。", "Bars are the demand; the line is the pool or the number of places; red is over.") }</figcaption>
        </figure>
    }
}

/// The largest applications by their up-to total.
fn applicant_chart(top: &[&Done], l: Lang) -> Html {
    let Some(max) = top.first().map(|d| d.up_to()).filter(|m| !m.is_zero()) else {
        return html! {};
    };
    html! {
        <figure class="batch-chart" id="batch-applicant-chart" aria-label={l.t("最高可得合计最多的申请", "The largest applications by their up-to total")}>
            { for top.iter().map(|d| {
                let w = (d.up_to() * rust_decimal::Decimal::from(400) / max).round_dp(1);
                html! {
                    <div class="chart-bar">
                        <div class="label">{ d.id.clone() }<span class="figure">{ view::amount(subsidy_calc::money::Yuan(d.up_to()), l) }</span></div>
                        <svg class="track" viewBox="0 0 400 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect class="applicant" y="1" height="8" width={w.to_string()} />
                        </svg>
                    </div>
                }
            }) }
            <figcaption class="hint">{ l.t("最高可得合计最多的20家申请。", "The twenty largest applications by their up-to total.") }</figcaption>
        </figure>
    }
}
