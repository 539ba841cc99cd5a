//! The result as text a person reads (`subsidy-calc explain`), in Chinese or English.
use crate::money::{Yuan, human};
use crate::result::{Award, Outcome};
use crate::rulebook::{Kind, Status};
use crate::text::{In, Lang};
use std::fmt::Write;

fn money(s: Option<Yuan>) -> String {
    s.map(|y| human(y.value())).unwrap_or_default()
}

fn kind_label(k: Kind, en: bool) -> &'static str {
    if en { k.en() } else { k.zh() }
}

fn status_label(s: Status, en: bool) -> &'static str {
    if en { s.en() } else { s.zh() }
}

fn figure(a: &Award, en: bool) -> String {
    let y = if en { "" } else { "元" };
    match a.kind {
        Kind::Exact | Kind::UpTo => format!("{}{y}", money(a.amount)),
        Kind::Range => format!("{}{y} – {}{y}", money(a.min), money(a.max)),
        _ => String::new(),
    }
}

/// Renders a result. Eligible awards come first, then the rest with their reasons.
pub fn explain(o: &Outcome, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut s = String::new();
    let eligible: Vec<&Award> = o
        .awards
        .iter()
        .filter(|a| a.kind != Kind::NotEligible)
        .collect();
    let other: Vec<&Award> = o
        .awards
        .iter()
        .filter(|a| a.kind == Kind::NotEligible)
        .collect();
    if en {
        let _ = writeln!(
            s,
            "Region: {} — as of {} — rules {}",
            o.region, o.as_of, o.rules_version
        );
        let _ = writeln!(
            s,
            "Total, exact amounts: {}   Total, up to: {}",
            money(Some(o.total.exact)),
            money(Some(o.total.up_to))
        );
        if !o.total.draft_up_to.is_zero() {
            let _ = writeln!(
                s,
                "  of which from DRAFT documents: exact {}, up to {}",
                money(Some(o.total.draft_exact)),
                money(Some(o.total.draft_up_to))
            );
        }
        s.push('\n');
    } else {
        let _ = writeln!(
            s,
            "地区:{} — 计算日期 {} — 规则版本 {}",
            o.region_name_zh, o.as_of, o.rules_version
        );
        let _ = writeln!(
            s,
            "确定金额合计:{}元   最高可得合计:{}元",
            money(Some(o.total.exact)),
            money(Some(o.total.up_to))
        );
        if !o.total.draft_up_to.is_zero() {
            let _ = writeln!(
                s,
                "  其中征求意见稿:确定金额{}元,最高可得{}元",
                money(Some(o.total.draft_exact)),
                money(Some(o.total.draft_up_to))
            );
        }
        s.push('\n');
    }
    for a in &eligible {
        let title = if en { &a.title_en } else { &a.title_zh };
        let _ = writeln!(
            s,
            "■ {title} [{}] {} {}{}",
            a.id,
            kind_label(a.kind, en),
            figure(a, en),
            match (a.in_totals, en) {
                (true, _) => "",
                (false, true) => " (not in the totals)",
                (false, false) => "(不计入合计)",
            }
        );
        if let (Some(u), Some(cap)) = (a.uncapped, a.binding_cap.as_ref().map(|c| In(c, lang))) {
            let _ = if en {
                writeln!(s, "  uncapped {}; binding cap: {cap}", money(Some(u)))
            } else {
                writeln!(s, "  未封顶金额 {}元;封顶:{cap}", money(Some(u)))
            };
        }
        for step in &a.steps {
            let _ = writeln!(s, "  · {}", In(step, lang));
        }
        for note in &a.notes {
            let _ = writeln!(s, "  ! {}", In(note, lang));
        }
        if let Some(st) = &a.stacking {
            let _ = writeln!(s, "  ⇄ {}", In(&st.note, lang));
        }
        let _ = if en {
            writeln!(
                s,
                "  Source: {}, clause {} ({})\n  \"{}\"\n",
                a.source.document_en,
                a.source.clause,
                status_label(a.source.status, en),
                a.source.quote
            )
        } else {
            writeln!(
                s,
                "  依据: {} 第{}条({})\n  “{}”\n",
                a.source.document,
                a.source.clause,
                status_label(a.source.status, en),
                a.source.quote
            )
        };
    }
    if !other.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            if en {
                "Not eligible:"
            } else {
                "不符合条件:"
            }
        );
        for a in other {
            let title = if en { &a.title_en } else { &a.title_zh };
            let status = status_label(a.source.status, en);
            let reason = a.reason.as_ref().map(|r| r.text(lang)).unwrap_or_default();
            let _ = if en {
                writeln!(s, "  □ {title} [{}] ({status}): {reason}", a.id)
            } else {
                writeln!(s, "  □ {title} [{}]({status}):{reason}", a.id)
            };
        }
        s.push('\n');
    }
    for c in &o.checks {
        let title = if en { &c.title_en } else { &c.title_zh };
        let verdict = match (c.passed, en) {
            (true, true) => "passed",
            (false, true) => "not met",
            (true, false) => "符合",
            (false, false) => "不符合",
        };
        let _ = writeln!(s, "◆ {title} [{}]: {verdict}", c.id);
        for f in &c.failing {
            let _ = writeln!(s, "  ✗ {}", In(f, lang));
        }
    }
    for n in &o.notes {
        let _ = writeln!(s, "{} {}", if en { "Note:" } else { "注" }, In(n, lang));
    }
    s
}

/// A plan over years as a table: one row per award that pays in some year, one column per year,
/// the totals, then what changed each year and why.
pub fn explain_plan(p: &crate::plan::PlanOutcome, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut s = String::new();
    let years = &p.years;
    // Each row's title; a draft's rows say so on the row (the Wuhan city text is a draft for
    // comment wherever its figures appear), not only in the totals.
    let mut ids: Vec<(&str, String)> = Vec::new();
    for y in years {
        for a in &y.awards {
            // Every award the enterprise qualifies for in some year: with a figure, or eligible
            // with the amount left to the authority (金额待定, 一事一议) — a plan that left those
            // out would read as if nothing were due.
            let eligible = a.kind != Kind::NotEligible;
            if eligible && !ids.iter().any(|(id, _)| *id == a.id) {
                let title = if en { a.title_en } else { a.title_zh };
                let title = match (a.source.status, en) {
                    (Status::Draft, false) => {
                        format!("{title}({})", status_label(Status::Draft, en))
                    }
                    (Status::Draft, true) => {
                        format!("{title} ({})", status_label(Status::Draft, en))
                    }
                    _ => title.to_string(),
                };
                ids.push((a.id, title));
            }
        }
    }
    let head: Vec<String> = years.iter().map(|y| y.as_of.to_string()).collect();
    // The region by its name in the reader's language (its key in brackets), as a single
    // result's heading has it.
    let name = crate::rulebook::book()
        .region(&p.region)
        .map(|r| {
            if en {
                r.name_en.to_string()
            } else {
                r.name_zh.to_string()
            }
        })
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "{} {name} [{}]",
        if en {
            "Plan, region"
        } else {
            "多年规划,地区"
        },
        p.region
    );
    let _ = writeln!(s, "{:<44} | {}", "", head.join(" | "));
    for (id, title) in &ids {
        let cells: Vec<String> = years
            .iter()
            .map(|y| match y.award(id) {
                Some(a) if matches!(a.kind, Kind::Exact | Kind::UpTo | Kind::Range) => {
                    format!("{:>10}", figure(a, en))
                }
                Some(a) if matches!(a.kind, Kind::Unspecified | Kind::CaseByCase) => {
                    format!("{:>10}", if en { a.kind.en() } else { a.kind.zh() })
                }
                _ => format!("{:>10}", "—"),
            })
            .collect();
        let _ = writeln!(
            s,
            "{:<44} | {}",
            format!("{title} [{id}]"),
            cells.join(" | ")
        );
    }
    let totals: Vec<String> = years
        .iter()
        .map(|y| {
            let v = money(Some(y.total.up_to));
            format!("{:>10}", if en { v } else { format!("{v}元") })
        })
        .collect();
    let _ = writeln!(
        s,
        "{:<44} | {}",
        if en {
            "Total, up to"
        } else {
            "最高可得合计"
        },
        totals.join(" | ")
    );
    let _ = writeln!(
        s,
        "{} {}{}   {} {}{}",
        if en {
            "Over the plan: exact"
        } else {
            "全期合计:确定金额"
        },
        money(Some(p.total.exact)),
        if en { "" } else { "元" },
        if en { "up to" } else { "最高可得" },
        money(Some(p.total.up_to)),
        if en { "" } else { "元" },
    );
    if !p.total.draft_up_to.is_zero() {
        let _ = writeln!(
            s,
            "{} {}{}",
            if en {
                "  of which from DRAFT documents, up to"
            } else {
                "  其中征求意见稿,最高可得"
            },
            money(Some(p.total.draft_up_to)),
            if en { "" } else { "元" },
        );
    }
    // A total shared over the years shows in each year it applies, and counts once.
    let book = crate::rulebook::book();
    for (id, title) in &ids {
        let shared = book.rule(id).is_some_and(|(_, r)| r.shared_over_years);
        let most = years
            .iter()
            .filter_map(|y| y.award(id)?.value())
            .max()
            .filter(|_| years.iter().filter(|y| figure_of(y, id)).count() > 1);
        if let (true, Some(most)) = (shared, most) {
            let _ = if en {
                writeln!(
                    s,
                    "  * {title}: each year shows the most left of one total over all stages; the plan counts it once ({})",
                    human(most)
                )
            } else {
                writeln!(
                    s,
                    "  * {title}:各年所列均为同一总额在各阶段的剩余上限,全期合计只计一次({}元)",
                    human(most)
                )
            };
        }
    }
    for y in years {
        // What a year newly says of its documents: the draft may already have expired.
        let warnings: Vec<&crate::text::Line> = y
            .notes
            .iter()
            .filter(|n| matches!(n, crate::text::Line::Uncertain { .. }))
            .collect();
        let changes = if en { &y.changes } else { &y.changes_zh };
        let changes = changes.as_deref().unwrap_or_default();
        if warnings.is_empty() && changes.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{} {}:", y.as_of, if en { "changes" } else { "变化" });
        for w in warnings {
            let _ = writeln!(s, "  ! {}", In(w, lang));
        }
        for c in changes {
            let _ = writeln!(s, "  · {c}");
        }
    }
    s
}

/// Whether an award pays (a figure or a band) in a year.
fn figure_of(y: &Outcome, id: &str) -> bool {
    y.award(id)
        .is_some_and(|a| matches!(a.kind, Kind::Exact | Kind::UpTo | Kind::Range))
}

/// A result under a reform: first that it is a 测算方案 and what it changes, then the result as
/// [`explain`] writes it, then each clause whose figure differs from today's rules, and the totals
/// both ways.
pub fn explain_reform(
    o: &Outcome,
    baseline: &Outcome,
    reform: &crate::reform::Reform,
    lang: Lang,
) -> String {
    let en = lang == Lang::En;
    let mut s = reform_heading(reform, lang);
    s.push_str(&explain(o, lang));
    let amount = |a: Option<&Award>| a.and_then(|a| a.amount).map(|y| y.value());
    let mut lines = Vec::new();
    for a in &o.awards {
        let before = amount(baseline.award(a.id));
        let after = amount(Some(a));
        if before == after {
            continue;
        }
        let zero = rust_decimal::Decimal::ZERO;
        let (b, r) = (before.unwrap_or(zero), after.unwrap_or(zero));
        let title = if en { a.title_en } else { a.title_zh };
        lines.push(change_line(title, b, r, en));
    }
    let _ = writeln!(
        s,
        "\n{}",
        if en {
            "Under the reform vs today's rules:"
        } else {
            "测算方案与现行政策对比:"
        }
    );
    if lines.is_empty() {
        let _ = writeln!(
            s,
            "  {}",
            if en {
                "no figure of this application changes"
            } else {
                "本申请的金额均无变化"
            }
        );
    }
    lines.iter().for_each(|l| s.push_str(l));
    let total = if en {
        "Total, up to"
    } else {
        "最高可得合计"
    };
    s.push_str(&change_line(
        total,
        baseline.total.up_to.value(),
        o.total.up_to.value(),
        en,
    ));
    s
}

/// A reform's heading: that it is a 测算方案, its name, and each change.
fn reform_heading(reform: &crate::reform::Reform, lang: Lang) -> String {
    let mut s = String::new();
    let rule_line = "=".repeat(60);
    let _ = writeln!(s, "{rule_line}");
    if lang == Lang::En {
        let _ = writeln!(
            s,
            "REFORM (not the policy): \"{}\" — {} change(s) to the rules",
            reform.name,
            reform.changes.len()
        );
    } else {
        let _ = writeln!(
            s,
            "测算方案(非现行政策):“{}”,共{}项调整",
            reform.name,
            reform.changes.len()
        );
    }
    for c in &reform.changes {
        let whose = c.rule.as_deref().or(c.document.as_deref()).unwrap_or("");
        let value = match &c.value {
            serde_json::Value::String(t) => t.clone(),
            v => v.to_string(),
        };
        let _ = writeln!(s, "  · {whose} {} = {value}", c.set);
    }
    let _ = writeln!(s, "{rule_line}\n");
    s
}

/// "  label: 80,000元 → 100,000元 (+20,000元)".
fn change_line(
    label: &str,
    before: rust_decimal::Decimal,
    after: rust_decimal::Decimal,
    en: bool,
) -> String {
    let unit = if en { "" } else { "元" };
    format!(
        "  {label}: {}{unit} → {}{unit} ({}{}{unit})\n",
        human(before),
        human(after),
        if after >= before { "+" } else { "-" },
        human((after - before).abs())
    )
}

/// A plan under a reform: the reform's heading, the plan's table under it, then each year's and
/// the plan's up-to total against today's rules (`baseline`, the same plan without the reform).
pub fn explain_plan_reform(
    p: &crate::plan::PlanOutcome,
    baseline: &crate::plan::PlanOutcome,
    reform: &crate::reform::Reform,
    lang: Lang,
) -> String {
    let en = lang == Lang::En;
    let mut s = reform_heading(reform, lang);
    s.push_str(&explain_plan(p, lang));
    let _ = writeln!(
        s,
        "\n{}",
        if en {
            "Under the reform vs today's rules (up to):"
        } else {
            "测算方案与现行政策对比(最高可得):"
        }
    );
    for (y, b) in p.years.iter().zip(&baseline.years) {
        let label = y.as_of.to_string();
        s.push_str(&change_line(
            &label,
            b.total.up_to.value(),
            y.total.up_to.value(),
            en,
        ));
    }
    let total = if en {
        "The plan, in all"
    } else {
        "规划合计"
    };
    s.push_str(&change_line(
        total,
        baseline.total.up_to.value(),
        p.total.up_to.value(),
        en,
    ));
    s
}
