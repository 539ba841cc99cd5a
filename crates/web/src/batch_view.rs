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
