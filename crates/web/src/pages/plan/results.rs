//! The plan's results: the totals over the plan (with the draft share), the stacked chart of awards
//! per year per family with the policies' end dates marked, the year-by-year table of clauses with
//! why each figure changed, the comparison of regions, and share link / CSV / print.
use crate::browser;
use crate::ctx::Ctx;
use rust_decimal::Decimal;
use subsidy_calc::RuleBook;
use subsidy_calc::date::Date;
use subsidy_calc::money::{Yuan, human, in_wan};
use subsidy_calc::plan::PlanOutcome;
use subsidy_calc::rulebook::Family;
use subsidy_calc_web::form::Lang;
use subsidy_calc_web::plan_form::{
    FAMILIES, Marker, PlanEdit, award_rows, compare_rows, csv, end_markers, family_label,
    family_stack,
};
use yew::prelude::*;

/// An amount of the result, as [`yuan_of`] shows it.
fn amount(y: Yuan, lang: Lang) -> String {
    yuan_of(y.rounded(), lang)
}

fn yuan_of(d: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}元", human(d)),
        Lang::En => format!("¥{}", human(d)),
    }
}

fn family_class(f: Family) -> &'static str {
    match f {
        Family::ComputeVoucher => "fam-compute",
        Family::ModelFiling => "fam-model",
        Family::Scenario => "fam-scenario",
        Family::Listing => "fam-listing",
        Family::Other => "fam-other",
    }
}

pub(crate) fn results(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let Some(o) = ctx.outcome.as_deref() else {
        return html! {
            <section class="plan-results">
                <p class="error" role="alert" id="plan-errors">
                    { lang.t("无法测算:", "Cannot evaluate: ") }
                    { ctx.errors.0.iter().map(|(f, m)| format!("{f}: {}", m.get(lang))).collect::<Vec<_>>().join("; ") }
                </p>
            </section>
        };
    };
    let book = subsidy_calc::rulebook::book();
    let p = &ctx.plan;
    let markers = end_markers(book, &p.region, p.start, o.years.len());
    let draft = o.total.draft_up_to.rounded() > Decimal::ZERO;
    let csv_cb = {
        let text = csv(o, book, p.start, lang);
        Callback::from(move |_| {
            browser::download("subsidy-plan.csv", "text/csv;charset=utf-8", &text)
        })
    };
    let print = Callback::from(|_| browser::print());
    let share = format!("{}#{}", browser::base_href(), p.to_fragment());
    html! {
        <section class="plan-results" aria-live="polite">
            <h2>{ lang.t("规划期测算结果", "Over the plan") }</h2>
            <div class="totals">
                <p class="total"><span>{ lang.t("确定金额合计", "Total, exact") }</span>
                    <strong id="plan-total-exact">{ amount(o.total.exact, lang) }</strong></p>
                <p class="total"><span>{ lang.t("最高可得合计", "Total, up to") }</span>
                    <strong id="plan-total-up-to">{ amount(o.total.up_to, lang) }</strong></p>
                if draft {
                    <p class="draft-share" id="plan-total-draft">
                        { format!("{}{}{}", lang.t("其中来自征求意见稿(尚未正式施行):最高", "of which from drafts for comment (not in force): up to "),
                            amount(o.total.draft_up_to, lang), lang.t("", "")) }
                    </p>
                }
            </div>
            // The whole plan's verification code (each year's is in the result and the CSV).
            <p id="plan-code">{ lang.t("全期核验码 ", "Plan verification code ") }<strong class="code">{ o.code.clone() }</strong>
                { format!(" · {}{}", lang.t("规则版本 ", "rules "), book.version()) }</p>
            { chart(o, &markers, p.start, lang) }
            { year_awards(o, p.start, lang) }
            { compare(ctx, o, book) }
            <div class="toolbar no-print">
                <button type="button" id="plan-csv" onclick={csv_cb}>{ lang.t("导出 CSV", "Export CSV") }</button>
                <button type="button" id="plan-print" class="secondary" onclick={print}>{ lang.t("打印", "Print") }</button>
                <div class="share">
                    <label for="plan-share-link">{ lang.t("分享链接(数据只在链接里,不经过服务器)", "Share link (the data is in the link only, no server)") }</label>
                    <input type="text" id="plan-share-link" readonly=true value={share} />
                </div>
            </div>
        </section>
    }
}

/// Where in the plan's years a date falls, as a fraction of the plan (0 = 1 January of the first
/// year).
fn position(d: Date, start: i32, years: usize) -> f64 {
    let day = f64::from(d.month - 1) * 30.44 + f64::from(d.day);
    ((f64::from(d.year) - f64::from(start)) + (day / 365.25).min(1.0)) / years as f64
}

/// The stacked bars: one per year, a segment per family (counted figures, exact and up to), each
/// year's bar the year's up-to total; the policies' end dates as dashed lines, an uncertain end as
/// a shaded band, each numbered and said in words below.
fn chart(o: &PlanOutcome, markers: &[Marker], start: i32, lang: Lang) -> Html {
    let stack = family_stack(&o.years);
    let n = stack.len().max(1);
    let sums: Vec<Decimal> = stack.iter().map(|s| s.iter().copied().sum()).collect();
    let max = sums.iter().copied().max().unwrap_or_default();
    let (w, h, left, top, bottom) = (640.0, 260.0, 16.0, 24.0, 36.0);
    let plot_w = w - 2.0 * left;
    let plot_h = h - top - bottom;
    let band = plot_w / n as f64;
    let scale = |v: Decimal| -> f64 {
        if max.is_zero() {
            0.0
        } else {
            (v / max).to_string().parse::<f64>().unwrap_or(0.0) * plot_h
        }
    };
    let bars = stack.iter().enumerate().map(|(i, s)| {
        let x = left + band * i as f64 + band * 0.2;
        let mut y = top + plot_h;
        let segs = FAMILIES.iter().zip(s.iter()).filter(|(_, v)| !v.is_zero()).map(|(f, v)| {
            let hgt = scale(*v);
            y -= hgt;
            html! {
                <rect class={family_class(*f)} x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{:.1}", band * 0.6)} height={format!("{hgt:.1}")}>
                    <title>{ format!("{} {}: {}", start + i as i32, family_label(*f).get(lang), yuan_of(*v, lang)) }</title>
                </rect>
            }
        }).collect::<Html>();
        let label_y = top + plot_h - scale(sums[i]) - 4.0;
        html! {
            <g>
                { segs }
                <text class="bar-label" x={format!("{:.1}", x + band * 0.3)} y={format!("{label_y:.1}")} text-anchor="middle">
                    { format!("{}{}", in_wan(sums[i]), lang.t("万", "0k").trim_end_matches("0k")) }
                </text>
                <text class="axis-label" x={format!("{:.1}", x + band * 0.3)} y={format!("{:.1}", h - 12.0)} text-anchor="middle">{ (start + i as i32).to_string() }</text>
            </g>
        }
    });
    // The shaded bands go under the bars, the dashed lines over them.
    let shades = markers.iter().filter_map(|m| {
        let x = left + plot_w * position(m.date, start, n);
        let xu = left + plot_w * position(m.uncertain_from?, start, n).max(0.0);
        Some(html! { <rect class="uncertain" x={format!("{xu:.1}")} y={format!("{top:.1}")} width={format!("{:.1}", (x - xu).max(0.0))} height={format!("{plot_h:.1}")} /> })
    });
    let marks = markers.iter().enumerate().map(|(k, m)| {
        let x = left + plot_w * position(m.date, start, n);
        html! {
            <g class="end-marker">
                <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{:.1}", top - 8.0)} y2={format!("{:.1}", top + plot_h)} />
                <text x={format!("{x:.1}")} y={format!("{:.1}", top - 10.0)} text-anchor="middle">{ format!("{}", k + 1) }</text>
            </g>
        }
    });
    html! {
        <figure class="plan-chart" id="plan-chart">
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={lang.t("每年可得金额(按类别堆叠)", "Awards a year, stacked by family")}>
                <line class="axis" x1={left.to_string()} x2={(w - left).to_string()} y1={(top + plot_h).to_string()} y2={(top + plot_h).to_string()} />
                <g class="end-marker">{ for shades }</g>
                { for bars }
                { for marks }
            </svg>
            <figcaption>
                <ul class="legend">
                    { for FAMILIES.iter().map(|f| html! { <li><span class={classes!("swatch", family_class(*f))}></span>{ family_label(*f).get(lang).to_string() }</li> }) }
                </ul>
                if !markers.is_empty() {
                    <ol class="end-dates" id="plan-end-dates">
                        { for markers.iter().map(|m| html! { <li>{ m.text.get(lang).to_string() }</li> }) }
                    </ol>
                }
                <p class="hint">{ lang.t("柱高为当年计入合计的金额(确定金额与“最高”金额);虚线为政策到期日,阴影为可能已过期的时段。",
                    "Each bar is the year's counted figures (exact and up to); dashed lines are policy end dates, a shaded band a period in which the policy may already have ended.") }</p>
            </figcaption>
        </figure>
    }
}

/// The clauses year by year, then what changed from the year before and what each year newly says.
fn year_awards(o: &PlanOutcome, start: i32, lang: Lang) -> Html {
    let rows = award_rows(&o.years);
    let n = o.years.len();
    html! {
        <section class="plan-years">
            <h3>{ lang.t("逐年明细", "Year by year") }</h3>
            <div class="table-wrap">
                <table class="plan-awards" id="plan-awards">
                    <thead><tr>
                        <th scope="col">{ lang.t("条款", "Clause") }</th>
                        { for (0..n).map(|i| html! { <th scope="col">{ (start + i as i32).to_string() }</th> }) }
                        <th scope="col">{ lang.t("合计", "Total") }</th>
                    </tr></thead>
                    <tbody>
                        if rows.is_empty() {
                            <tr><td colspan={(n + 2).to_string()}>{ lang.t("所填情况在任何一年都没有符合条件的条款。", "No clause applies in any year for what was entered.") }</td></tr>
                        }
                        { for rows.iter().map(|r| html! {
                            <tr id={format!("row-{}", r.id.replace('.', "-"))} data-id={r.id.clone()}>
                                <th scope="row">{ r.title.get(lang).to_string() }
                                    if r.draft { <span class="badge badge-draft">{ lang.t("征求意见稿", "draft for comment") }</span> }
                                </th>
                                { for r.cells.iter().map(|c| match c {
                                    Some(c) => html! { <td class={classes!(c.counted.then_some("counted"), (!c.counted).then_some("muted"))}>{ c.text.get(lang).to_string() }</td> },
                                    None => html! { <td class="muted">{ "—" }</td> },
                                }) }
                                <td class="sum">{ yuan_of(r.sum, lang) }
                                    if r.once { <br /><small>{ lang.t("各年为同一总额,全期只计一次", "one total over the years, counted once") }</small> }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{ lang.t("每年合计(含最高可得)", "Each year (incl. up to)") }</th>
                        { for o.years.iter().map(|y| html! { <td>{ amount(y.total.up_to, lang) }</td> }) }
                        <td class="sum">{ amount(o.total.up_to, lang) }</td>
                    </tr></tfoot>
                </table>
            </div>
            <ol class="plan-changes" id="plan-changes">
                { for o.years.iter().enumerate().map(|(i, y)| {
                    let changes = match lang { Lang::Zh => y.changes_zh.clone(), Lang::En => y.changes.clone() }.unwrap_or_default();
                    // What this year newly says (an uncertain end, a policy now expired…).
                    let notes = y.notes_in(lang);
                    let before = (i > 0).then(|| o.years[i - 1].notes_in(lang));
                    let fresh: Vec<String> = notes.into_iter().filter(|n| before.as_ref().is_none_or(|b| !b.contains(n))).collect();
                    html! {
                        <li id={format!("year-{i}-changes")}>
                            <strong>{ (start + i as i32).to_string() }</strong>
                            if i > 0 && changes.is_empty() && fresh.is_empty() {
                                { lang.t(":与上一年相同。", ": as the year before.") }
                            }
                            <ul>
                                { for changes.iter().map(|c| html! { <li class="change">{ c.clone() }</li> }) }
                                { for fresh.iter().map(|c| html! { <li class="note">{ c.clone() }</li> }) }
                            </ul>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// The same plan in every region, highest first, with what makes each figure.
fn compare(ctx: &Ctx, o: &PlanOutcome, book: &RuleBook) -> Html {
    let lang = ctx.lang();
    let p = &ctx.plan;
    let rows = compare_rows(o, book, p.start);
    html! {
        <section class="plan-compare">
            <h3>{ lang.t("各地对比(同一规划)", "The same plan in each place") }</h3>
            <div class="table-wrap">
                <table id="plan-compare">
                    <thead><tr>
                        <th scope="col">{ lang.t("地区", "Region") }</th>
                        { for (0..o.years.len()).map(|i| html! { <th scope="col">{ (p.start + i as i32).to_string() }</th> }) }
                        <th scope="col">{ lang.t("确定合计", "Exact") }</th>
                        <th scope="col">{ lang.t("最高可得", "Up to") }</th>
                        <th scope="col">{ lang.t("构成与到期", "What makes it") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let pick = {
                                let (edit, key) = (ctx.edit.clone(), r.region.clone());
                                Callback::from(move |_| edit.emit(PlanEdit::Region(key.clone())))
                            };
                            let chosen = r.region == p.region;
                            let draft = r.draft_up_to.rounded() > Decimal::ZERO;
                            html! {
                                <tr class={classes!(chosen.then_some("chosen"))} data-region={r.region.clone()}>
                                    <th scope="row">
                                        { r.name.get(lang).to_string() }
                                        if !chosen {
                                            <button type="button" class="link no-print" onclick={pick}>{ lang.t("按此地区规划", "plan here") }</button>
                                        }
                                    </th>
                                    { for r.per_year.iter().map(|v| html! { <td>{ yuan_of(*v, lang) }</td> }) }
                                    <td>{ amount(r.exact, lang) }</td>
                                    <td class="sum">{ amount(r.up_to, lang) }
                                        if draft { <span class="badge badge-draft">{ format!("{} {}", lang.t("含征求意见稿", "incl. draft"), amount(r.draft_up_to, lang)) }</span> }
                                    </td>
                                    <td><ul class="why">{ for r.why.iter().map(|w| html! { <li>{ w.get(lang).to_string() }</li> }) }</ul></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
