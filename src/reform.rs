//! A reform (the contract's "A reform", 2026-12-04): what a change to the rules would do. A reform
//! is data — `{ "reform": 1, "name", "changes": [ { "rule" | "document", "set", "value" } … ] }` —
//! read and checked completely against the rule book before anything is evaluated (every bad
//! change named with its place), then laid over a copy of the book: the rule files are never
//! edited. Each figure a change touches says so in its steps, with the text's own value beside the
//! reform's; the quotes stay the text's.
//!
//! What a change can set, per rule ([`params`]): `rate` (every rate term) and `rate.<fact>`;
//! `cap` (the only amount cap) and `cap.<scope>`; `per_unit`, `fixed`, `min`, `max`; `pool`;
//! `threshold.<fact>` (the value a condition compares the fact with); `enabled`. Per document:
//! `valid_from`, `valid_to`.
use crate::date::Date;
use crate::input::{FieldError, Ty};
use crate::money::{human, parse_json_number, parse_plain, percent};
use crate::rulebook::{Cap, Cond, Document, Formula, Op, Rule, RuleBook, Str};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// The most changes a reform holds (every parameter of every rule is about 300).
pub const MAX_CHANGES: usize = 1000;

/// A checked reform.
#[derive(Clone, Debug, Serialize)]
pub struct Reform {
    pub name: String,
    pub changes: Vec<Change>,
    /// What every result under the reform says first: it is a 测算方案, not the policy.
    #[serde(skip)]
    pub note_zh: String,
    #[serde(skip)]
    pub note_en: String,
}

/// One checked change: the rule (or document) it sets, the name it sets, and the value.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    pub set: String,
    pub value: Value,
    #[serde(skip)]
    setting: Setting,
}

/// What a value is, as read.
#[derive(Clone, Debug, PartialEq)]
enum Setting {
    Number(Decimal),
    Date(Date),
    Flag(bool),
}

/// What a parameter measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A fraction (0.25 is 25%).
    Rate,
    Yuan,
    /// A count, a percentage or another number a condition compares.
    Number,
    Date,
    Flag,
}

/// A parameter a reform can set: its name, today's value, what it measures and the quoted text it
/// comes from (`subsidy-calc params`).
#[derive(Clone, Debug, Serialize)]
pub struct Param {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    pub name: String,
    pub value: String,
    pub unit: Unit,
    pub label_zh: String,
    pub label_en: String,
    pub quote: String,
}

fn param(rule: &Rule, name: String, value: String, unit: Unit, zh: String, en: String) -> Param {
    Param {
        rule: Some(rule.id.to_string()),
        document: None,
        name,
        value,
        unit,
        label_zh: zh,
        label_en: en,
        quote: rule.quote.to_string(),
    }
}

/// Each formula of a rule: its own and its variants'.
fn formulas(rule: &Rule) -> impl Iterator<Item = &Formula> {
    rule.formula
        .iter()
        .chain(rule.variants.iter().filter_map(|v| v.formula.as_ref()))
}

/// The same, to change (the variants copied out of the baked book first).
fn formulas_mut(rule: &mut Rule) -> impl Iterator<Item = &mut Formula> {
    rule.formula.iter_mut().chain(
        rule.variants
            .to_mut()
            .iter_mut()
            .filter_map(|x| x.formula.as_mut()),
    )
}

/// The amount caps of a rule (its formulas' and its caps over all projects), as (scope key, amount).
/// Each scope with every amount its caps have (a band's caps share a scope: Qiaokou 7's 500,000
/// and 1,000,000 are both `cap.band`, and a change sets both).
fn amount_caps(rule: &Rule) -> Vec<(&'static str, &'static str, &'static str, Vec<Decimal>)> {
    let mut out: Vec<(&'static str, &'static str, &'static str, Vec<Decimal>)> = Vec::new();
    let caps = formulas(rule)
        .flat_map(|f| f.caps.iter())
        .chain(rule.aggregate_caps.iter());
    for c in caps {
        let Some(a) = c.amount else { continue };
        match out.iter_mut().find(|(k, ..)| *k == c.scope.key()) {
            Some((.., amounts)) => amounts.push(a.0),
            None => out.push((c.scope.key(), c.scope.zh(), c.scope.en(), vec![a.0])),
        }
    }
    out
}

/// The one value every occurrence of a parameter has, or the several values it has.
fn values(list: &[Decimal]) -> String {
    let mut v: Vec<Decimal> = list.to_vec();
    v.sort();
    v.dedup();
    v.iter()
        .map(|d| d.normalize().to_string())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Every name a reform can set on a rule, with today's value.
pub fn params(rule: &Rule) -> Vec<Param> {
    let mut out = Vec::new();
    let terms: Vec<(&str, Decimal)> = formulas(rule)
        .flat_map(|f| f.terms.iter())
        .map(|t| (t.fact.0.field().path, t.rate.0))
        .collect();
    if !terms.is_empty() {
        let rates: Vec<Decimal> = terms.iter().map(|t| t.1).collect();
        out.push(param(
            rule,
            "rate".into(),
            values(&rates),
            Unit::Rate,
            "比例(每一项)".into(),
            "rate (every term)".into(),
        ));
        let mut seen: Vec<&str> = Vec::new();
        for (fact, _) in &terms {
            if seen.contains(fact) {
                continue;
            }
            seen.push(fact);
            let rates: Vec<Decimal> = terms.iter().filter(|t| t.0 == *fact).map(|t| t.1).collect();
            let field = crate::input::FactRef::resolve(fact).map(|f| f.field());
            out.push(param(
                rule,
                format!("rate.{fact}"),
                values(&rates),
                Unit::Rate,
                format!("比例:{}", field.map_or(*fact, |f| f.zh)),
                format!("rate on {}", field.map_or(*fact, |f| f.en)),
            ));
        }
    }
    let caps = amount_caps(rule);
    if caps.len() == 1 {
        out.push(param(
            rule,
            "cap".into(),
            values(&caps[0].3),
            Unit::Yuan,
            format!("上限:{}", caps[0].1),
            format!("cap: {}", caps[0].2),
        ));
    }
    for (scope, zh, en, amounts) in &caps {
        out.push(param(
            rule,
            format!("cap.{scope}"),
            values(amounts),
            Unit::Yuan,
            format!("上限:{zh}"),
            format!("cap: {en}"),
        ));
    }
    let mut amounts = |name: &str, zh: &str, en: &str, of: &dyn Fn(&Formula) -> Option<Decimal>| {
        let list: Vec<Decimal> = formulas(rule).filter_map(of).collect();
        if !list.is_empty() {
            out.push(param(
                rule,
                name.into(),
                values(&list),
                Unit::Yuan,
                zh.into(),
                en.into(),
            ));
        }
    };
    amounts("per_unit", "每个单位金额", "amount per unit", &|f| {
        f.per_unit.as_ref().map(|p| p.amount.0)
    });
    // A fixed amount that is the clause's cap moves with the cap (`fixed_is_cap`): not its own.
    // "最高给予100万元" (an up-to clause's fixed amount) is the most paid, not a set sum.
    let (fixed_zh, fixed_en) = if rule.kind == crate::rulebook::Kind::UpTo {
        ("最高金额", "the most paid")
    } else {
        ("固定金额", "fixed amount")
    };
    amounts("fixed", fixed_zh, fixed_en, &|f| {
        f.fixed.filter(|_| f.fixed_is_cap.is_none()).map(|d| d.0)
    });
    amounts("min", "区间下限", "range minimum", &|f| {
        f.range.as_ref().map(|r| r.min.0)
    });
    amounts("max", "区间上限", "range maximum", &|f| {
        f.range.as_ref().map(|r| r.max.0)
    });
    if let Some(p) = &rule.pool {
        out.push(Param {
            quote: p.quote.to_string(),
            ..param(
                rule,
                "pool".into(),
                p.amount.0.normalize().to_string(),
                Unit::Yuan,
                format!("资金池:{}", p.zh),
                format!("pool: {}", p.en),
            )
        });
    }
    let mut facts: Vec<(&str, String, Unit)> = Vec::new();
    for c in rule.requires.iter() {
        let Some(t) = &c.value else { continue };
        if !matches!(c.op, Op::Gt | Op::Gte | Op::Lt | Op::Lte) {
            continue;
        }
        let field = c.fact.0.field();
        let unit = if field.ty == Ty::Day {
            Unit::Date
        } else {
            Unit::Number
        };
        if !facts.iter().any(|f| f.0 == field.path) {
            facts.push((field.path, t.text.to_string(), unit));
        }
    }
    for (fact, value, unit) in facts {
        let field = crate::input::FactRef::resolve(fact).map(|f| f.field());
        out.push(param(
            rule,
            format!("threshold.{fact}"),
            value,
            unit,
            format!("条件门槛:{}", field.map_or(fact, |f| f.zh)),
            format!("threshold on {}", field.map_or(fact, |f| f.en)),
        ));
    }
    out.push(param(
        rule,
        "enabled".into(),
        "true".into(),
        Unit::Flag,
        "是否适用本条款".into(),
        "whether the clause applies".into(),
    ));
    out
}

/// The names a reform can set on a document: its dates.
pub fn document_params(doc: &Document) -> Vec<Param> {
    [
        ("valid_from", doc.valid_from, "施行日期", "start"),
        ("valid_to", doc.valid_to, "到期日期", "end"),
    ]
    .into_iter()
    .map(|(name, d, zh, en)| Param {
        rule: None,
        document: Some(doc.key.to_string()),
        name: name.into(),
        value: d.map(|d| d.to_string()).unwrap_or_default(),
        unit: Unit::Date,
        label_zh: zh.into(),
        label_en: en.into(),
        quote: doc.dates_quote.as_deref().unwrap_or("").to_string(),
    })
    .collect()
}

/// A reform's error, with its Chinese (these words are a reform's own: the engine's table, which
/// the calculator page carries, does not have them).
fn err(field: String, message: impl Into<String>) -> FieldError {
    let mut e = FieldError::new(field, message);
    e.message_zh = Some(zh(&e.message));
    e
}

/// The Chinese of a reform's messages (those it shares with the input's — "must not be negative",
/// "malformed date"… — from the engine's table).
const TABLE: &[(&str, &str)] = &[
    ("a reform is an object", "测算方案须为 JSON 对象"),
    (
        "unknown field: a reform has reform, name and changes",
        "未知字段:测算方案只有 reform、name 和 changes",
    ),
    (
        "unknown field: a change has rule or document, set and value",
        "未知字段:调整项只有 rule 或 document、set 和 value",
    ),
    (
        "must be 1 (the reform format's version)",
        "须为 1(测算方案格式的版本)",
    ),
    (
        "required: the reform's name (text, at most 100 characters)",
        "必填:测算方案名称(文字,最多100字)",
    ),
    ("a change is an object", "调整项须为对象"),
    (
        "required: the name to set (see subsidy-calc params)",
        "必填:要调整的参数名(见 subsidy-calc params)",
    ),
    (
        "give either rule (a rule id) or document (a document key)",
        "须填写 rule(条款编号)或 document(文件键)二者之一",
    ),
    (
        "a rate is a fraction from 0 to 1 (0.25 is 25%)",
        "比例须为0到1之间的小数(0.25即25%)",
    ),
];

pub fn zh(m: &str) -> String {
    // A reform's changes (the contract's "A reform").
    if let Some(n) = m.strip_prefix("required: a list of 1 to ")
        && let Some(n) = n.strip_suffix(" changes")
    {
        return format!("必填:调整项列表,1至{n}项");
    }
    if let Some((set, other)) = m.split_once(" is set twice: also by ") {
        return format!("{set}重复调整:{other}也调整了它");
    }
    if let Some((a, b)) = m
        .strip_suffix(" set the same parameter")
        .and_then(|r| r.split_once(" and "))
    {
        return format!("{a}与{b}调整的是同一参数");
    }
    if let Some((whose, names)) = m.split_once(" has several caps: name one (") {
        return format!(
            "{whose}有多个上限,请指明其一:{}",
            names.trim_end_matches(')')
        );
    }
    if let Some((whose, rest)) = m.split_once(" has no ")
        && let Some((set, names)) = rest.split_once("; it has ")
    {
        return format!("{whose}没有可调整的 {set};可调整的有:{names}");
    }
    if let Some(rule) = m.strip_prefix("unknown rule or document ") {
        let rule = rule.split(':').next().unwrap_or(rule);
        return format!("未知条款或文件 {rule}:subsidy-calc params 列出全部");
    }
    if let Some(rule) = m.strip_prefix("unknown rule ") {
        return format!("未知条款 {rule}");
    }
    if let Some(rest) = m.strip_prefix("unknown document ")
        && let Some((d, keys)) = rest.split_once(": use one of ")
    {
        return format!("未知文件 {d},可选:{keys}");
    }
    for (en, zh) in TABLE {
        if m == *en {
            return zh.to_string();
        }
    }
    crate::text::errors::zh(m)
}

/// Reads and checks a reform (JSON, or TOML made JSON) against the book: every bad change named
/// with its place; a reform with any is refused whole.
pub fn parse(v: &Value, book: &RuleBook) -> Result<Reform, Vec<FieldError>> {
    let mut errors = Vec::new();
    let Some(root) = v.as_object() else {
        return Err(vec![err("(reform)".into(), "a reform is an object")]);
    };
    for k in root.keys() {
        if !["reform", "name", "changes"].contains(&k.as_str()) {
            errors.push(err(
                k.clone(),
                "unknown field: a reform has reform, name and changes",
            ));
        }
    }
    if root.get("reform").and_then(Value::as_u64) != Some(1) {
        errors.push(err(
            "reform".into(),
            "must be 1 (the reform format's version)",
        ));
    }
    let name = match root.get("name") {
        Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= 100 => s.clone(),
        _ => {
            errors.push(err(
                "name".into(),
                "required: the reform's name (text, at most 100 characters)",
            ));
            String::new()
        }
    };
    let list = match root.get("changes") {
        Some(Value::Array(a)) if !a.is_empty() && a.len() <= MAX_CHANGES => a.as_slice(),
        _ => {
            errors.push(err(
                "changes".into(),
                format!("required: a list of 1 to {MAX_CHANGES} changes"),
            ));
            &[]
        }
    };
    let mut changes: Vec<Change> = Vec::new();
    // Each accepted change's place in the list.
    let mut places: Vec<usize> = Vec::new();
    for (i, c) in list.iter().enumerate() {
        match change(i, c, book) {
            Ok(c) => {
                if let Some(j) = changes
                    .iter()
                    .position(|d| d.rule == c.rule && d.document == c.document && d.set == c.set)
                    .map(|k| places[k])
                {
                    errors.push(err(
                        format!("changes[{i}].set"),
                        format!("{} is set twice: also by changes[{j}]", c.set),
                    ));
                }
                changes.push(c);
                places.push(i);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    // The same parameter named two ways (rate and rate.<fact>) is set twice too.
    for (k, c) in changes.iter().enumerate() {
        if let Some(prefix) = ["rate", "cap"].iter().find(|p| c.set == **p)
            && let Some(j) = changes
                .iter()
                .position(|d| d.rule == c.rule && d.set.starts_with(&format!("{prefix}.")))
        {
            errors.push(err(
                format!("changes[{}].set", places[k]),
                format!("{} and {} set the same parameter", c.set, changes[j].set),
            ));
        }
    }
    // A document's window as the reform leaves it: its start not after its end.
    for (k, c) in changes.iter().enumerate() {
        let (Some(key), Setting::Date(d)) = (&c.document, &c.setting) else {
            continue;
        };
        let Some(doc) = book.document(key) else {
            continue;
        };
        let set = |name: &str| {
            changes
                .iter()
                .find(|o| o.document.as_ref() == Some(key) && o.set == name)
                .and_then(|o| match o.setting {
                    Setting::Date(d) => Some(d),
                    _ => None,
                })
        };
        let (from, to) = match c.set.as_str() {
            "valid_from" => (Some(*d), set("valid_to").or(doc.valid_to)),
            _ => (set("valid_from").or(doc.valid_from), Some(*d)),
        };
        // Said once, at the later change of the two (or the one change).
        let other = if c.set == "valid_from" {
            "valid_to"
        } else {
            "valid_from"
        };
        let later = changes
            .iter()
            .skip(k + 1)
            .any(|o| o.document.as_ref() == Some(key) && o.set == other);
        if let (Some(from), Some(to), false) = (from, to, later)
            && from > to
        {
            let mut e = FieldError::new(
                format!("changes[{}].value", places[k]),
                format!(
                    "{key} would start on {from} and end on {to}: the start must not be after the end"
                ),
            );
            e.message_zh = Some(format!(
                "{}({key})将自{from}起施行、于{to}到期:施行日期不能晚于到期日期",
                doc.name_zh
            ));
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Reform {
        note_zh: format!(
            "测算方案“{name}”:这些金额按假设的政策调整计算,不是现行政策;引用的原文仍是原文。"
        ),
        note_en: format!(
            "Reform \"{name}\": these figures are computed under an assumed change of the rules, not the policy in force; the quotes are still the texts'."
        ),
        name,
        changes,
    })
}

fn change(i: usize, c: &Value, book: &RuleBook) -> Result<Change, Vec<FieldError>> {
    let at = |k: &str| format!("changes[{i}].{k}");
    let Some(m) = c.as_object() else {
        return Err(vec![err(format!("changes[{i}]"), "a change is an object")]);
    };
    let mut errors = Vec::new();
    for k in m.keys() {
        if !["rule", "document", "set", "value"].contains(&k.as_str()) {
            errors.push(err(
                at(k),
                "unknown field: a change has rule or document, set and value",
            ));
        }
    }
    let set = match m.get("set").and_then(Value::as_str) {
        Some(s) => s.to_string(),
        None => {
            errors.push(err(
                at("set"),
                "required: the name to set (see subsidy-calc params)",
            ));
            String::new()
        }
    };
    let value = m.get("value").cloned().unwrap_or(Value::Null);
    let (rule, document, params) = match (m.get("rule"), m.get("document")) {
        (Some(Value::String(r)), None) => match book.rule(r) {
            Some((_, rule)) => (Some(r.clone()), None, params(rule)),
            None => {
                errors.push(err(at("rule"), format!("unknown rule {r}")));
                return Err(errors);
            }
        },
        (None, Some(Value::String(d))) => match book.document(d) {
            Some(doc) => (None, Some(d.clone()), document_params(doc)),
            None => {
                let keys: Vec<&str> = book.documents.iter().map(|d| d.key.as_str()).collect();
                errors.push(err(
                    at("document"),
                    format!("unknown document {d}: use one of {}", keys.join(", ")),
                ));
                return Err(errors);
            }
        },
        _ => {
            errors.push(err(
                format!("changes[{i}]"),
                "give either rule (a rule id) or document (a document key)",
            ));
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let whose = rule.as_deref().or(document.as_deref()).unwrap_or("");
    let Some(p) = params.iter().find(|p| p.name == set) else {
        let names: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
        let several = set == "cap" && names.iter().filter(|n| n.starts_with("cap.")).count() > 1;
        return Err(vec![err(
            at("set"),
            match several {
                true => format!(
                    "{whose} has several caps: name one ({})",
                    names
                        .iter()
                        .filter(|n| n.starts_with("cap."))
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                false => format!("{whose} has no {set}; it has {}", names.join(", ")),
            },
        )]);
    };
    let setting = setting(p.unit, &value).map_err(|m| vec![err(at("value"), m)])?;
    Ok(Change {
        rule,
        document,
        set,
        value,
        setting,
    })
}

/// A value read as the parameter's unit takes it.
fn setting(unit: Unit, v: &Value) -> Result<Setting, String> {
    let number = |decimals: u32| -> Result<Decimal, String> {
        let d = match v {
            Value::String(s) => parse_plain(s, decimals).map_err(str::to_string),
            Value::Number(n) => {
                let t = n.to_string();
                if t.starts_with('-') {
                    return Err("must not be negative".into());
                }
                parse_json_number(&t, decimals).map_err(str::to_string)
            }
            _ => Err("not a number: give a decimal string such as \"0.25\" or \"300000\"".into()),
        }?;
        Ok(d)
    };
    match unit {
        Unit::Rate => {
            let d = number(6)?;
            if d > Decimal::ONE {
                return Err("a rate is a fraction from 0 to 1 (0.25 is 25%)".into());
            }
            Ok(Setting::Number(d))
        }
        Unit::Yuan => {
            let d = number(2)?;
            if d > Decimal::from(crate::input::MAX_MONEY) {
                return Err("absurdly large: at most 1,000,000,000,000 yuan".into());
            }
            Ok(Setting::Number(d))
        }
        Unit::Number => number(2).map(Setting::Number),
        Unit::Date => v
            .as_str()
            .and_then(Date::parse)
            .map(Setting::Date)
            .ok_or_else(|| "malformed date: use YYYY-MM-DD".into()),
        Unit::Flag => v
            .as_bool()
            .map(Setting::Flag)
            .ok_or_else(|| "must be true or false".into()),
    }
}

/// A text of the book with the reform's words after it.
fn noted(s: &Str, more: &str) -> Str {
    format!("{s}{more}").into()
}

/// Words of the rule data that cite a figure, marked as the text's.
fn text_figures(s: &Str, mark: &str) -> Str {
    if s.chars().any(|c| c.is_ascii_digit()) {
        noted(s, mark)
    } else {
        s.clone()
    }
}

/// A rule's bands' words and its formulas' remarks, where they cite figures, marked as the text's.
fn mark_text_figures(rule: &mut Rule) {
    if !rule.variants.is_empty() {
        for x in rule.variants.to_mut() {
            x.zh = text_figures(&x.zh, "(原文数额)");
            x.en = text_figures(&x.en, " (the text's figures)");
        }
    }
    for f in formulas_mut(rule) {
        if let (Some(zh), Some(en)) = (&f.note_zh, &f.note_en) {
            f.note_zh = Some(text_figures(zh, "(原文数额)"));
            f.note_en = Some(text_figures(en, " (the text's figures)"));
        }
        // A stage's words ("800万元为各阶段合计上限").
        if let Some(stage) = &mut f.stage {
            for (l, mark) in [
                (&mut stage.zh, "(原文数额)"),
                (&mut stage.en, " (the text's figures)"),
            ] {
                if !l.is_empty() {
                    for (_, s) in l.to_mut() {
                        *s = text_figures(s, mark);
                    }
                }
            }
        }
    }
}

/// The formula's remark with the reform's words added (said in the steps whenever it applies).
fn note_formula(f: &mut Formula, zh: &str, en: &str) {
    let join = |old: &Option<Str>, new: &str, sep: &str| -> Option<Str> {
        Some(match old {
            Some(o) => format!("{o}{sep}{new}").into(),
            None => new.to_string().into(),
        })
    };
    f.note_zh = join(&f.note_zh, zh, ";");
    f.note_en = join(&f.note_en, en, "; ");
}

/// A figure as the reform's words show it: a rate as a percentage, an amount with separators.
fn shown(unit: Unit, d: Decimal) -> (String, String) {
    match unit {
        Unit::Rate => (percent(d), percent(d)),
        _ => (format!("{}元", human(d)), human(d)),
    }
}

impl Reform {
    /// A copy of the book with the reform laid over it.
    pub fn apply(&self, book: &RuleBook) -> RuleBook {
        let mut out = book.clone_book();
        let mut documents = out.documents.to_vec();
        // A clause whose figures a change sets: its own words that cite figures (a band's "最高300万
        // 元", a remark's) are the text's, and said so once, before the reform's words are added.
        for doc in documents.iter_mut() {
            if doc.rules.is_empty() {
                continue;
            }
            for rule in doc.rules.to_mut() {
                let figures_set = self.changes.iter().any(|c| {
                    c.rule.as_deref() == Some(rule.id.as_str())
                        && matches!(c.setting, Setting::Number(_))
                        && c.set != "pool"
                });
                if figures_set {
                    mark_text_figures(rule);
                }
            }
        }
        for c in &self.changes {
            if let Some(key) = &c.document {
                if let Some(doc) = documents.iter_mut().find(|d| d.key == key.as_str()) {
                    self.apply_document(doc, c);
                }
                continue;
            }
            let Some(id) = &c.rule else { continue };
            for doc in documents.iter_mut() {
                if let Some(rule) = doc.rules.to_mut().iter_mut().find(|r| r.id == id.as_str()) {
                    self.apply_rule(rule, c);
                }
            }
        }
        out.documents = documents.into();
        out
    }

    fn apply_document(&self, doc: &mut Document, c: &Change) {
        let Setting::Date(d) = c.setting else { return };
        // An end the text does not date (Wuhan: "有效期三年" from an undated start) is the
        // calculator's latest reading, not the text's date; likewise a start the text leaves
        // blank, read from the day it was published.
        let undated = doc.uncertain_from.is_some();
        let (old, what_zh, what_en) = match c.set.as_str() {
            "valid_from" => (doc.valid_from.replace(d), "施行日期", "start"),
            _ => {
                // A definite end: the window of an uncertain end no longer applies.
                doc.uncertain_from = None;
                (doc.valid_to.replace(d), "到期日期", "end")
            }
        };
        let (was, was_en) = match (old, c.set.as_str()) {
            (Some(o), "valid_from") if undated => (
                format!("原文施行日期留空,本计算器原按发布日{o}起算"),
                format!("the text leaves the start blank; read from its publication, {o}"),
            ),
            (Some(o), _) if undated => (
                format!("原文未载明确切日期,本计算器原按最迟{o}计"),
                format!("the text gives no exact date; read as {o} at the latest"),
            ),
            (Some(o), _) => (format!("原文:{o}"), format!("the text: {o}")),
            (None, _) => (
                "原文未载明".to_string(),
                "not given in the text".to_string(),
            ),
        };
        // A term from the start ("有效期三年"): a dated start moves the end, unless the reform
        // sets the end too.
        let mut term_note = None;
        if c.set == "valid_from"
            && let Some(years) = doc.term_years
            && !self
                .changes
                .iter()
                .any(|o| o.document.as_deref() == Some(doc.key.as_str()) && o.set == "valid_to")
        {
            let end = d.term_end(years);
            doc.valid_to = Some(end);
            doc.uncertain_from = None;
            term_note = Some((
                format!(
                    "测算方案“{}”:到期日期随之按{end}计(原文有效期{years}年)。",
                    self.name
                ),
                format!(
                    "reform \"{}\": the end follows, {end} (the text: valid {years} years).",
                    self.name
                ),
            ));
        }
        let doc_end_follows = term_note.as_ref().and(doc.valid_to);
        // The document's own words about its dates no longer hold: say the reform's.
        let (from, to) = (doc.valid_from, doc.valid_to);
        let (span_zh, span_en) = match (from, to) {
            (Some(f), Some(t)) => (format!("{f}—{t}"), format!("{f} to {t}")),
            (Some(f), None) => (format!("自{f}起"), format!("from {f}")),
            (None, Some(t)) => (format!("至{t}"), format!("until {t}")),
            (None, None) => ("未载明".to_string(), "without dates".to_string()),
        };
        doc.not_yet_zh = Some(
            format!(
                "测算方案“{}”:{}有效期{span_zh},计算日期{{as_of}}尚未施行",
                self.name, doc.name_zh
            )
            .into(),
        );
        doc.not_yet_en = Some(
            format!(
                "reform \"{}\": {} applies {span_en}; not yet on {{as_of}}",
                self.name, doc.name_en
            )
            .into(),
        );
        doc.expired_zh = Some(
            format!(
                "测算方案“{}”:{}有效期{span_zh},计算日期{{as_of}}已过期",
                self.name, doc.name_zh
            )
            .into(),
        );
        doc.expired_en = Some(
            format!(
                "reform \"{}\": {} applies {span_en}; expired on {{as_of}}",
                self.name, doc.name_en
            )
            .into(),
        );
        let mut zh = doc.notes_zh.to_vec();
        let mut en = doc.notes_en.to_vec();
        let line_zh = format!("测算方案“{}”:{what_zh}按{d}计({was})。", self.name);
        let line_en = format!(
            "reform \"{}\": the {what_en} is taken as {d} ({was_en}).",
            self.name
        );
        // Said on each of the document's awards too: a figure the new dates bring in (or take out)
        // says why, where it is read.
        if !doc.rules.is_empty() {
            let follows = doc_end_follows
                .map(|end| format!(",到期日期随之按{end}计"))
                .unwrap_or_default();
            let follows_en = doc_end_follows
                .map(|end| format!(", the end follows: {end}"))
                .unwrap_or_default();
            for rule in doc.rules.to_mut() {
                let (mut z, mut e) = (rule.notes_zh.to_vec(), rule.notes_en.to_vec());
                z.push(
                    format!(
                        "本文件{what_zh}按{d}计({was}{follows},测算方案“{}”)",
                        self.name
                    )
                    .into(),
                );
                e.push(
                    format!(
                        "this document's {what_en} is taken as {d} ({was_en}{follows_en}; reform \"{}\")",
                        self.name
                    )
                    .into(),
                );
                rule.notes_zh = z.into();
                rule.notes_en = e.into();
            }
        }
        zh.push(line_zh.into());
        en.push(line_en.into());
        if let Some((z, e)) = term_note {
            zh.push(z.into());
            en.push(e.into());
        }
        doc.notes_zh = zh.into();
        doc.notes_en = en.into();
    }

    fn apply_rule(&self, rule: &mut Rule, c: &Change) {
        let name = &self.name;
        match (c.set.as_str(), &c.setting) {
            ("enabled", Setting::Flag(false)) => {
                rule.off = Some((
                    format!("测算方案“{name}”停用本条款(原文照常适用)").into(),
                    format!("switched off by the reform \"{name}\" (the text still applies)")
                        .into(),
                ));
            }
            ("enabled", _) => {}
            ("pool", Setting::Number(v)) => {
                if let Some(p) = &mut rule.pool {
                    let old = p.amount.0;
                    p.amount.0 = *v;
                    p.zh = noted(
                        &p.zh,
                        &format!("(测算方案:{}元,原文{}元)", human(*v), human(old)),
                    );
                    p.en = noted(
                        &p.en,
                        &format!(" (reform: {}, the text: {})", human(*v), human(old)),
                    );
                }
            }
            (set, Setting::Number(v)) if set.starts_with("threshold.") => {
                let fact = &set["threshold.".len()..];
                self.set_threshold(rule, fact, |t| {
                    let old = t.num;
                    t.num = Some(*v);
                    t.text = v.normalize().to_string().into();
                    old.map(|o| o.normalize().to_string())
                });
            }
            (set, Setting::Date(d)) if set.starts_with("threshold.") => {
                let fact = &set["threshold.".len()..];
                self.set_threshold(rule, fact, |t| {
                    let old = t.date;
                    t.date = Some(*d);
                    t.text = d.to_string().into();
                    old.map(|o| o.to_string())
                });
            }
            (set, Setting::Number(v)) => {
                let v = *v;
                for f in formulas_mut(rule) {
                    self.set_in_formula(f, set, v);
                }
                if let Some(scope) = set.strip_prefix("cap.").or((set == "cap").then_some("")) {
                    for cap in rule.aggregate_caps.to_mut() {
                        self.set_cap(cap, scope, v);
                    }
                }
            }
            _ => {}
        }
    }

    /// One formula's parameter.
    fn set_in_formula(&self, f: &mut Formula, set: &str, v: Decimal) {
        let name = &self.name;
        let mut said = Vec::new();
        if set == "rate" || set.starts_with("rate.") {
            let fact = set.strip_prefix("rate.");
            for t in f.terms.to_mut() {
                if fact.is_some_and(|p| p != t.fact.0.field().path) {
                    continue;
                }
                said.push((percent(v), percent(t.rate.0)));
                t.rate.0 = v;
                t.pct = percent(v).into();
            }
        } else if let Some(scope) = set.strip_prefix("cap.").or((set == "cap").then_some("")) {
            if !f.caps.is_empty() {
                for cap in f.caps.to_mut() {
                    self.set_cap(cap, scope, v);
                }
            }
            // The text's one figure, paid where no cost is entered: it is the cap, so it moves.
            if let (Some(of), Some(fixed)) = (f.fixed_is_cap, f.fixed.as_mut())
                && (scope.is_empty() || of.key() == scope)
            {
                let (new, old) = (shown(Unit::Yuan, v), shown(Unit::Yuan, fixed.0));
                said.push((format!("最高标准{}", new.0), old.0));
                fixed.0 = v;
                f.fixed_by_reform = true;
            }
        } else {
            let slot = match set {
                "per_unit" => f.per_unit.as_mut().map(|p| &mut p.amount.0),
                "fixed" => f.fixed.as_mut().map(|d| &mut d.0),
                "min" => f.range.as_mut().map(|r| &mut r.min.0),
                "max" => f.range.as_mut().map(|r| &mut r.max.0),
                _ => None,
            };
            if let Some(slot) = slot {
                let (new, old) = (shown(Unit::Yuan, v), shown(Unit::Yuan, *slot));
                said.push((new.0, old.0));
                *slot = v;
                f.fixed_by_reform |= set == "fixed";
            }
        }
        said.dedup();
        for (new, old) in said {
            note_formula(
                f,
                &format!("按测算方案“{name}”{new}(原文{old})"),
                &format!("under the reform \"{name}\": {new} (the text: {old})"),
            );
        }
    }

    /// An amount cap of the scope (any, for `cap`): its amount and its label, which the steps and
    /// `binding_cap` show, with the text's value beside the reform's.
    fn set_cap(&self, cap: &mut Cap, scope: &str, v: Decimal) {
        let Some(old) = cap.amount else { return };
        if !scope.is_empty() && cap.scope.key() != scope {
            return;
        }
        let name = &self.name;
        cap.amount = Some(crate::rulebook::D(v));
        // The words on relaxing the cap cite the text's amount: say the reform's beside them.
        if let (Some(zh), Some(en)) = (&cap.relaxed_zh, &cap.relaxed_en) {
            cap.relaxed_zh = Some(noted(
                zh,
                &format!("(测算方案“{name}”下按{}元计)", human(v)),
            ));
            cap.relaxed_en = Some(noted(
                en,
                &format!(" (under the reform \"{name}\": {})", human(v)),
            ));
        }
        cap.label = Some((
            format!(
                "{} {}元(测算方案“{name}”,原文{}元)",
                cap.scope.zh(),
                human(v),
                human(old.0)
            )
            .into(),
            format!(
                "{}: {} (reform \"{name}\"; the text: {})",
                cap.scope.en(),
                v.normalize(),
                old.0.normalize()
            )
            .into(),
        ));
    }

    /// The threshold of each of the rule's conditions on the fact; the condition's words say the
    /// reform's value and the text's.
    fn set_threshold(
        &self,
        rule: &mut Rule,
        fact: &str,
        mut set: impl FnMut(&mut crate::rulebook::Threshold) -> Option<String>,
    ) {
        let name = &self.name;
        let conds: &mut Vec<Cond> = rule.requires.to_mut();
        let mut said = Vec::new();
        for c in conds.iter_mut() {
            if c.fact.0.field().path != fact {
                continue;
            }
            let Some(t) = &mut c.value else { continue };
            let old = set(t).unwrap_or_default();
            let new = t.text.to_string();
            c.zh =
                c.zh.as_ref()
                    .map(|z| noted(z, &format!("(测算方案“{name}”:{new},原文{old})")));
            c.en =
                c.en.as_ref()
                    .map(|e| noted(e, &format!(" (reform \"{name}\": {new}; the text: {old})")));
            let field = c.fact.0.field();
            said.push((
                format!("按测算方案“{name}”条件“{}”的门槛为{new}(原文{old})", field.zh),
                format!(
                    "under the reform \"{name}\": the threshold of the condition on {} is {new} (the text: {old})",
                    field.en
                ),
            ));
        }
        // A condition the reform loosened lets a figure be paid that the text would not: its steps
        // say so too (the condition's words show only where it is not met).
        said.dedup();
        for f in formulas_mut(rule) {
            for (zh, en) in &said {
                note_formula(f, zh, en);
            }
        }
    }
}

/// What a result under a reform carries of today's rules for the same application (the contract's
/// `baseline`): the totals, each award's kind and amount (by rule id), and today's code.
#[derive(Debug, Serialize)]
pub struct Baseline<'a> {
    pub total: &'a crate::result::Total,
    pub awards: std::collections::BTreeMap<&'a str, BaseAward>,
    /// Today's verification code for the same application (`verify` checks it without the reform).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'a str>,
}

/// One award of the baseline: its kind, and its amount where the kind gives one.
#[derive(Debug, Serialize)]
pub struct BaseAward {
    pub kind: crate::rulebook::Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<crate::money::Yuan>,
}

impl<'a> Baseline<'a> {
    pub fn of(o: &'a crate::Outcome<'_>) -> Baseline<'a> {
        Baseline {
            total: &o.total,
            awards: o
                .awards
                .iter()
                .map(|a| {
                    (
                        a.id,
                        BaseAward {
                            kind: a.kind,
                            amount: a.amount,
                        },
                    )
                })
                .collect(),
            code: o.code.as_deref(),
        }
    }
}

/// A reform with the rule book it makes: what `eval --reform`, `batch --reform`, `plan --reform`
/// and `subsidyCalc.evaluate(app, { reform })` evaluate with.
pub struct Reformed {
    pub reform: Reform,
    /// The base book with the reform laid over it. Its version is the base's with the reform's
    /// mark (`2026.12.04+reform.1a2b3c4d`): a verification code made under a reform is never
    /// taken for one of the policy as published.
    pub book: RuleBook,
}

impl Reformed {
    /// Reads and checks a reform (every bad change named), then lays it over `base`.
    pub fn read(v: &Value, base: &RuleBook) -> Result<Reformed, Vec<FieldError>> {
        let reform = parse(v, base)?;
        let mut book = reform.apply(base);
        book.version = format!("{}+reform.{}", base.version(), reform.mark()).into();
        Ok(Reformed { reform, book })
    }

    /// The application evaluated under the reform: the result's first note says it is a 测算方案,
    /// not the policy; its code is the reform's.
    pub fn evaluate<'a>(&'a self, app: &crate::Application) -> crate::Outcome<'a> {
        self.evaluate_in(app, Vec::new())
    }

    /// [`Reformed::evaluate`] into an earlier result's award list (a batch's rows).
    pub fn evaluate_in<'a>(
        &'a self,
        app: &crate::Application,
        spare: Vec<crate::result::Award<'a>>,
    ) -> crate::Outcome<'a> {
        let mut o = crate::engine::evaluate_in(app, &self.book, spare);
        if app.detail == crate::Detail::Full {
            o.notes.insert(
                0,
                crate::text::Line::Said {
                    zh: &self.reform.note_zh,
                    en: &self.reform.note_en,
                },
            );
        }
        o.with_code(app)
    }

    /// A plan evaluated under the reform, year by year: each year's first note says it is a
    /// 测算方案.
    pub fn plan<'a>(
        &'a self,
        v: &Value,
        today: crate::Date,
    ) -> Result<crate::plan::PlanOutcome<'a>, Vec<FieldError>> {
        let mut p = crate::plan::plan_value(v, &self.book, today)?;
        let note = || crate::text::Line::Said {
            zh: &self.reform.note_zh,
            en: &self.reform.note_en,
        };
        for y in p.years.iter_mut() {
            y.notes.insert(0, note());
        }
        for r in p.regions.iter_mut().flat_map(|m| m.values_mut()) {
            for y in r.years.iter_mut() {
                y.notes.insert(0, note());
            }
        }
        Ok(p)
    }

    /// A plan under the reform as JSON: the plan, `reform`, and `baseline` (today's totals, the
    /// whole plan's and each year's, and today's code).
    pub fn plan_json(
        &self,
        plan: &crate::plan::PlanOutcome,
        baseline: &crate::plan::PlanOutcome,
    ) -> Value {
        let mut v = serde_json::to_value(plan).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.insert(
                "reform".into(),
                serde_json::to_value(&self.reform).unwrap_or(Value::Null),
            );
            let years: Vec<Value> = baseline
                .years
                .iter()
                .map(|y| serde_json::json!({ "as_of": y.as_of, "total": y.total, "code": y.code }))
                .collect();
            m.insert(
                "baseline".into(),
                serde_json::json!({ "total": baseline.total, "years": years, "code": baseline.code }),
            );
        }
        v
    }

    /// A result under the reform as the contract writes it: the result, `reform` (its name and
    /// changes) and `baseline` (today's figures for the same application).
    pub fn json(&self, result: Value, baseline: &crate::Outcome) -> Value {
        let mut v = result;
        if let Value::Object(m) = &mut v {
            m.insert(
                "reform".into(),
                serde_json::to_value(&self.reform).unwrap_or(Value::Null),
            );
            m.insert(
                "baseline".into(),
                serde_json::to_value(Baseline::of(baseline)).unwrap_or(Value::Null),
            );
        }
        v
    }
}

impl Reform {
    /// Eight hex digits of SHA-256 over the changes as read (the reform's mark in a version).
    pub fn mark(&self) -> String {
        use sha2::{Digest, Sha256};
        let text = serde_json::to_string(&self.changes).unwrap_or_default();
        let d = Sha256::digest(text.as_bytes());
        d[..4].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// What a reform's words say first, in a language.
    pub fn note(&self, zh: bool) -> &str {
        if zh { &self.note_zh } else { &self.note_en }
    }
}

/// Every parameter of the book (`subsidy-calc params`): each rule's, then each document's dates.
pub fn all_params(book: &RuleBook) -> Vec<Param> {
    let mut out: Vec<Param> = book.rules().flat_map(|(_, r)| params(r)).collect();
    out.extend(book.documents.iter().flat_map(document_params));
    out
}
