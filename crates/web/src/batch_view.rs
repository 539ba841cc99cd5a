//! The batch page's view model, with no web dependencies: what the page shows of a finished batch
//! (`subsidy_batch`'s rows and summary) — the counts line, each clause's title, the bars of demand
//! against each pool (per year) and each count limit's places, the twenty largest applications, the
//! rows shown — in the page's language. Exact amounts throughout; the page only lays them out.
use rust_decimal::Decimal;
use subsidy_batch::{Done, Report};
use subsidy_calc::RuleBook;
use subsidy_calc::money::{Yuan, human};
use subsidy_calc::text::Lang;

/// Rows shown in the table (all are in the downloads).
pub const SHOWN: usize = 200;
/// Applications in the chart of the largest.
pub const LARGEST: usize = 20;

/// A clause's title in the page's language (its id where the book has no such clause).
pub fn title(book: &RuleBook, id: &str, lang: Lang) -> String {
    book.rule(id)
        .map(|(_, r)| lang.t(&r.title_zh, &r.title_en).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// An amount as the page shows it: "3,400,000元" (or "3,400,000" in English).
pub fn amount(y: Yuan, lang: Lang) -> String {
    format!("{}{}", human(y.rounded()), lang.t("元", ""))
}

/// The counts line: rows, evaluated, with errors, and how long reading and evaluating took.
pub fn counts(report: &Report, read_ms: f64, eval_ms: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "共{}行:{}行已计算,{}行有错误(读取 {read_ms:.0} 毫秒,计算 {eval_ms:.0} 毫秒)",
            report.rows, report.evaluated, report.failed
        ),
        Lang::En => format!(
            "{} rows: {} evaluated, {} with errors (read {read_ms:.0} ms, evaluated {eval_ms:.0} ms)",
            report.rows, report.evaluated, report.failed
        ),
    }
}

/// One bar of the pools chart: what is asked against what the text sets (money, or places).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub rule: String,
    pub label: String,
    pub asked: Decimal,
    pub bound: Decimal,
    pub over: bool,
}

/// Each pool's demand against the pool, then each count limit's seekers against its places, each
/// for its calendar year.
pub fn bars(report: &Report, book: &RuleBook, lang: Lang) -> Vec<Bar> {
    let year = |y: u16| match lang {
        Lang::Zh => format!("({y}年)"),
        Lang::En => format!(" ({y})"),
    };
    let pools = report.pools.iter().map(|p| Bar {
        rule: p.rule.clone(),
        label: format!("{}{}", title(book, &p.rule, lang), year(p.year)),
        asked: p.demand.value(),
        bound: p.pool.value(),
        over: p.over,
    });
    let limits = report.limits.iter().map(|c| Bar {
        rule: c.rule.clone(),
        label: format!(
            "{}{}{}",
            title(book, &c.rule, lang),
            lang.t("(名额)", " (places)"),
            year(c.year)
        ),
        asked: Decimal::from(c.seeking),
        bound: Decimal::from(c.places),
        over: c.over,
    });
    pools.chain(limits).collect()
}

/// A bar's length out of `width`, against the larger of its two figures.
pub fn scaled(value: Decimal, bar: &Bar, width: u32) -> Decimal {
    let scale = bar.asked.max(bar.bound).max(Decimal::ONE);
    (value * Decimal::from(width) / scale).round_dp(1)
}

/// The largest applications by their up-to total (rows with errors left out), largest first; on
/// a tie, the earlier row.
pub fn largest(rows: &[Done], n: usize) -> Vec<&Done> {
    let mut top: Vec<&Done> = rows.iter().filter(|d| d.errors.is_empty()).collect();
    top.sort_by_key(|d| std::cmp::Reverse(d.up_to()));
    top.truncate(n);
    top
}

/// Under the table, when it shows only the first rows.
pub fn more_rows(rows: usize, lang: Lang) -> Option<String> {
    (rows > SHOWN).then(|| match lang {
        Lang::Zh => format!("表中显示前{SHOWN}行;全部{rows}行在下载的文件中。"),
        Lang::En => format!("The first {SHOWN} rows are shown; all {rows} are in the downloads."),
    })
}

// ---- The 政策测算 panel (a reform over the whole list; the contract's "A reform") ----

/// One parameter as the panel's form shows it: rates in percent, amounts in yuan, dates, a switch.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The form's key for it: `rule|name` or `document|name`.
    pub key: String,
    pub rule: Option<String>,
    pub document: Option<String>,
    pub name: String,
    pub unit: subsidy_calc::reform::Unit,
    pub label: String,
    /// Today's value as the form shows it (a rate as a percentage: "20").
    pub today: String,
}

/// A rule's (or a document's) parameters, with its title and the quoted text they come from.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamGroup {
    pub id: String,
    pub title: String,
    pub quote: String,
    pub params: Vec<Param>,
}

/// A value as the form shows it: a rate (0.25) as a percentage (25); others as they are.
pub fn shown(unit: subsidy_calc::reform::Unit, value: &str) -> String {
    use subsidy_calc::reform::Unit;
    match unit {
        Unit::Rate => value
            .split(" / ")
            .map(|v| {
                v.parse::<Decimal>()
                    .map(|d| (d * Decimal::ONE_HUNDRED).normalize().to_string())
                    .unwrap_or_else(|_| v.to_string())
            })
            .collect::<Vec<_>>()
            .join(" / "),
        _ => value.to_string(),
    }
}

/// The parameters of every clause of a region (and its documents' dates), as the form lists
/// them: each rate term on its own, each cap by its scope (the rule-wide `rate` and `cap` names are
/// the same numbers, and are left to reform files).
pub fn region_params(book: &RuleBook, region: &str, lang: Lang) -> Vec<ParamGroup> {
    use subsidy_calc::reform::{document_params, params};
    let Some(r) = book.region(region) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let make = |p: subsidy_calc::reform::Param| Param {
        key: format!(
            "{}|{}",
            p.rule.as_deref().or(p.document.as_deref()).unwrap_or(""),
            p.name
        ),
        today: shown(p.unit, &p.value),
        label: lang.t(&p.label_zh, &p.label_en).to_string(),
        rule: p.rule,
        document: p.document,
        name: p.name,
        unit: p.unit,
    };
    for key in r.documents.iter() {
        let Some(doc) = book.document(key) else {
            continue;
        };
        out.push(ParamGroup {
            id: doc.key.to_string(),
            title: lang.t("施行与到期日期", "Start and end dates").to_string(),
            quote: doc.dates_quote.as_deref().unwrap_or("").to_string(),
            params: document_params(doc).into_iter().map(make).collect(),
        });
        for rule in doc.rules.iter() {
            let params: Vec<Param> = params(rule)
                .into_iter()
                .filter(|p| p.name != "rate" && p.name != "cap")
                .map(make)
                .collect();
            out.push(ParamGroup {
                id: rule.id.to_string(),
                title: match lang {
                    Lang::Zh => format!("〔{}〕{}", rule.clause, rule.title_zh),
                    Lang::En => format!("[{}] {}", rule.clause, rule.title_en),
                },
                quote: rule.quote.to_string(),
                params,
            });
        }
    }
    out
}

/// The reform the form says: a change for each value that differs from today's (rates given in
/// percent, switches as "true"/"false"). None when nothing differs.
pub fn reform_of(
    name: &str,
    groups: &[ParamGroup],
    value: &dyn Fn(&str) -> Option<String>,
) -> Option<serde_json::Value> {
    use serde_json::json;
    use subsidy_calc::reform::Unit;
    let mut changes = Vec::new();
    for p in groups.iter().flat_map(|g| &g.params) {
        let Some(v) = value(&p.key).map(|v| v.trim().to_string()) else {
            continue;
        };
        if v == p.today || v.is_empty() {
            continue;
        }
        let value = match p.unit {
            Unit::Flag => json!(v == "true"),
            Unit::Rate => match v.parse::<Decimal>() {
                Ok(d) => json!((d / Decimal::ONE_HUNDRED).normalize().to_string()),
                Err(_) => json!(v),
            },
            _ => json!(v),
        };
        let mut c = serde_json::Map::new();
        match (&p.rule, &p.document) {
            (Some(r), _) => c.insert("rule".into(), json!(r)),
            (_, Some(d)) => c.insert("document".into(), json!(d)),
            _ => None,
        };
        c.insert("set".into(), json!(p.name));
        c.insert("value".into(), value);
        changes.push(serde_json::Value::Object(c));
    }
    if changes.is_empty() {
        return None;
    }
    let name = if name.trim().is_empty() {
        "测算方案"
    } else {
        name.trim()
    };
    Some(json!({ "reform": 1, "name": name, "changes": changes }))
}

/// A reform read back into the form: its name, and each change as the form's key and shown value.
pub fn form_of(reform: &serde_json::Value) -> (String, Vec<(String, String)>) {
    use subsidy_calc::reform::Unit;
    let name = reform["name"].as_str().unwrap_or("").to_string();
    let book = subsidy_calc::rulebook::book();
    let mut values = Vec::new();
    for c in reform["changes"].as_array().into_iter().flatten() {
        let set = c["set"].as_str().unwrap_or("");
        let whose = c["rule"].as_str().or(c["document"].as_str()).unwrap_or("");
        let unit = match book.rule(whose) {
            Some((_, r)) => subsidy_calc::reform::params(r)
                .into_iter()
                .find(|p| p.name == set)
                .map(|p| p.unit),
            None => Some(Unit::Date),
        };
        let raw = match &c["value"] {
            serde_json::Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let text = unit.map_or(raw.clone(), |u| shown(u, &raw));
        // The rule-wide names fill each of their own.
        let keys: Vec<String> = match (set, book.rule(whose)) {
            ("rate", Some((_, r))) | ("cap", Some((_, r))) => subsidy_calc::reform::params(r)
                .into_iter()
                .filter(|p| p.name.starts_with(&format!("{set}.")))
                .map(|p| format!("{whose}|{}", p.name))
                .collect(),
            _ => vec![format!("{whose}|{set}")],
        };
        for k in keys {
            values.push((k, text.clone()));
        }
    }
    (name, values)
}

/// One clause's budget both ways, for the panel's chart and table.
#[derive(Clone, Debug, PartialEq)]
pub struct ReformBar {
    pub rule: String,
    pub label: String,
    pub baseline: Decimal,
    pub reform: Decimal,
    pub delta: Decimal,
    pub gainers: u64,
    pub losers: u64,
}

/// Each clause a reform or today's rules give a figure for, the largest budget first.
pub fn reform_bars(r: &subsidy_batch::ReformReport, book: &RuleBook, lang: Lang) -> Vec<ReformBar> {
    let mut bars: Vec<ReformBar> = r
        .rules
        .iter()
        .map(|(id, b)| ReformBar {
            rule: id.clone(),
            label: title(book, id, lang),
            baseline: b.baseline.value(),
            reform: b.reform.value(),
            delta: b.delta.value(),
            gainers: b.gainers,
            losers: b.losers,
        })
        .collect();
    bars.sort_by_key(|b| std::cmp::Reverse(b.baseline.max(b.reform)));
    bars
}

/// The totals line: today's budget, the reform's, the difference, who gains and who loses.
pub fn reform_totals(r: &subsidy_batch::ReformReport, lang: Lang) -> String {
    let t = &r.total;
    let sign = if t.delta.value() >= Decimal::ZERO {
        "+"
    } else {
        "−"
    };
    let delta = human(t.delta.value().abs());
    match lang {
        Lang::Zh => format!(
            "现行政策合计{}元,测算方案合计{}元,差额{sign}{delta}元;{}家增加,{}家减少,{}家不变",
            human(t.baseline.rounded()),
            human(t.reform.rounded()),
            t.gainers,
            t.losers,
            t.unchanged
        ),
        Lang::En => format!(
            "Today's rules {} in all, the reform {}: {sign}{delta}; {} gain, {} lose, {} unchanged",
            human(t.baseline.rounded()),
            human(t.reform.rounded()),
            t.gainers,
            t.losers,
            t.unchanged
        ),
    }
}

/// A difference as the page shows it: "+120,000元", "−200,000元", "0元".
pub fn signed(d: Decimal, lang: Lang) -> String {
    let sign = if d > Decimal::ZERO {
        "+"
    } else if d < Decimal::ZERO {
        "−"
    } else {
        ""
    };
    format!("{sign}{}{}", human(d.abs()), lang.t("元", ""))
}
