//! An input error's message in Chinese. The engine names every bad field with a short English
//! message (the contract's `message`); this table gives the same message in Chinese for the page,
//! `explain` and `--lang zh`. A message the table does not know is shown as it is (a test checks
//! that every message the engine makes is known).
use super::Lang;
use crate::input::FieldError;

/// (English message or its start, Chinese). Where a message goes on after a colon with values (the
/// choices, a limit), the values are kept after the Chinese; `{}` stands for them in place.
const TABLE: &[(&str, &str)] = &[
    ("must not be negative", "不能为负数"),
    ("more than two decimal places", "最多两位小数(精确到分)"),
    ("must be a whole number", "须为整数"),
    (
        "absurdly large: at most 1,000,000,000,000 yuan",
        "金额过大:最多1,000,000,000,000元(一万亿元)",
    ),
    ("absurdly large: at most ", "数值过大:最多"),
    ("absurdly large", "数值过大"),
    (
        "a percentage must be between 0 and 100",
        "百分比须在0到100之间",
    ),
    (
        "a change in percent must be between -100 and 100000",
        "变化百分比须在-100到100000之间",
    ),
    (
        "a derived figure is worked out, not entered",
        "该数值由计算得出,无需填写",
    ),
    ("empty: give a number", "空白:请填写数字,例如 1250000.50"),
    ("not a number", "不是数字:请填写数字,例如 1250000.50"),
    (
        "malformed date",
        "日期格式有误:请按 YYYY-MM-DD 填写,例如 2026-11-24",
    ),
    (
        "key given twice",
        "同一对象中该键出现了两次(不会取其中任何一个)",
    ),
    ("must be a list of projects", "须为项目列表"),
    ("must be a list", "须为列表"),
    (
        "must be an application object",
        "每一年须为一份申请(JSON 对象)",
    ),
    ("must be an object", "须为对象"),
    ("must be text", "须为文字"),
    ("must be true or false", "须为 true 或 false(是 / 否)"),
    (
        "the application must be a JSON object",
        "申请须为 JSON 对象",
    ),
    ("a plan must be a JSON object", "规划须为 JSON 对象"),
    ("a plan is schema 2", "规划的 schema 须为 2"),
    (
        "carried by the engine from the years before",
        "由计算器从以前年度自动结转:只在第一年填写",
    ),
    (
        "given once for the whole plan",
        "整个规划只填一次,不按年填写",
    ),
    (
        "required: a list of 1 to 10 applications, one a year",
        "必填:各年申请的列表,每年一份,1至10项",
    ),
    ("required: one of ", "必填,可选:"),
    ("too long: at most 200 characters", "过长:最多200个字符"),
    (
        "unknown field: a key is one level",
        "未知字段:键只能有一层,请嵌套书写(如 {\"other\": {\"shanghai\": …}})",
    ),
    (
        "unknown field: a plan has schema, region, compare and years",
        "未知字段:规划只有 schema、region、compare 和 years",
    ),
    (
        "unknown field: an application has no years or compare",
        "未知字段:单份申请没有 years 或 compare(多年规划请用 subsidy-calc plan 或 subsidyCalc.plan)",
    ),
    ("unknown field", "未知字段"),
    ("unknown region: use one of ", "未知地区,可选:"),
    ("unknown value: use one of ", "未知取值,可选:"),
    (
        "unsupported schema",
        "不支持的 schema:本计算器读取 schema 2(及 schema 1)",
    ),
    (
        "replaced in schema 2",
        "schema 2 已将其拆分为两项:city_selected(经市级遴选:武汉七、杭州三(八))和 district_selected(经区级遴选或支持:洪山9、硚口9),请填写其中为真的一项",
    ),
    ("each line must be a JSON object", "每行须为 JSON 对象"),
    ("the input is not UTF-8 text", "输入不是 UTF-8 文本"),
];

/// A message in the language asked for.
pub fn message(m: &str, lang: Lang) -> String {
    match lang {
        Lang::En => m.to_string(),
        Lang::Zh => zh(m),
    }
}

/// The Chinese of an engine message: its own entry, with the values after its colon kept.
pub fn zh(m: &str) -> String {
    // A list entry's message: "[1]: must not be negative" → "第2项:不能为负数".
    if let Some(rest) = m.strip_prefix('[')
        && let Some((n, tail)) = rest.split_once("]: ")
        && let Ok(i) = n.parse::<usize>()
    {
        return format!("第{}项:{}", i + 1, zh(tail));
    }
    if let Some(rest) = m.strip_prefix("not given: each year of a plan needs its own date (today, ")
        && let Some((date, other)) = rest.split_once(", is in the same calendar year as ")
    {
        let other = other.trim_end_matches(')');
        return format!(
            "未填写:规划的每一年都要填写自己的日期(未填时按今天{date}计,与{other}在同一日历年)"
        );
    }
    if let Some((date, rest)) = m.split_once(" is in the same calendar year as ") {
        let other = rest.split(':').next().unwrap_or("");
        return format!(
            "{date}与{other}在同一日历年:规划每个日历年只能有一项(每年上限、资金池和补助年限都按日历年计),请把该年的数字合并为一项"
        );
    }
    if let Some((date, rest)) = m.split_once(" comes before ") {
        let other = rest.split(':').next().unwrap_or("");
        return format!("{date}早于{other}:请按日期先后排列各年");
    }
    if let Some((n, _)) = m.split_once(" more errors not listed") {
        return format!("另有{n}处错误未列出(以上为前100处)");
    }
    if let Some(rest) = m.strip_prefix("unknown value \"")
        && let Some((value, choices)) = rest.split_once("\": ")
    {
        let choices = choices
            .trim_start_matches("use one of ")
            .trim_start_matches("use any of ");
        return format!("未知取值“{value}”,可选:{choices}");
    }
    if let Some(rest) = m.strip_prefix("more than the cap it counts against: ")
        && let Some((got, rest)) = rest.split_once(" received, while ")
        && let Some((rule, rest)) = rest.split_once(" allows at most ")
    {
        let cap = rest.split(" (").next().unwrap_or(rest);
        return format!("已获金额超过其所抵扣的上限:已获{got}元,而{rule}最多{cap}元");
    }
    if let Some(rest) = m.strip_prefix("key given twice at line ")
        && let Some((line, rest)) = rest.split_once(" column ")
    {
        let column = rest.split(';').next().unwrap_or(rest);
        return format!(
            "同一对象中该键出现了两次(第{line}行第{column}列;不会取其中任何一个),每个键只写一次"
        );
    }
    if let Some(rest) = m.strip_prefix("malformed JSON: ") {
        // serde_json's own words say what it expected; the place is what a reader needs.
        let place = rest.rsplit_once(" at line ").and_then(|(_, at)| {
            let (line, column) = at.split_once(" column ")?;
            Some(format!("(第{line}行第{column}列)"))
        });
        return format!("JSON 格式有误{}", place.unwrap_or_default());
    }
    if let Some(rest) = m.strip_prefix("too large: ") {
        let n = rest.split(' ').next().unwrap_or("");
        return format!("输入过大:{n}字节,最多1 MiB(1,048,576字节)");
    }
    if let Some(n) = m.strip_prefix("too many projects: at most ") {
        return format!("项目过多:最多{n}个");
    }
    if let Some(rest) = m.strip_prefix("cannot read ") {
        for (en, zh) in [
            (": no such file", ":文件不存在"),
            (": permission denied", ":没有读取权限"),
            (": a folder, not a file", ":这是文件夹,不是文件"),
        ] {
            if let Some(path) = rest.strip_suffix(en) {
                return format!("无法读取 {path}{zh}");
            }
        }
        return format!("无法读取:{rest}");
    }
    if let Some(value) = m
        .strip_prefix('"')
        .and_then(|r| r.split_once("\": give true or false"))
    {
        return format!("“{}”:请填写 是 或 否(true / false)", value.0);
    }
    for (en, zh) in TABLE {
        if let Some(tail) = m.strip_prefix(en) {
            // The values after a message that ends where they begin (choices, a limit) are kept;
            // the English words of a whole message are not.
            let values = if en.ends_with(' ') { tail } else { "" };
            let values = values
                .trim_start_matches("use one of ")
                .trim_start_matches("use any of ");
            return format!("{zh}{values}");
        }
    }
    m.to_string()
}

impl FieldError {
    /// The message in one language.
    pub fn message_in(&self, lang: Lang) -> String {
        match (lang, &self.message_zh) {
            (Lang::Zh, Some(zh)) => zh.clone(),
            _ => message(&self.message, lang),
        }
    }
}
