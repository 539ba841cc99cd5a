//! The calculator form's model, with no web dependencies: what the user typed (as text, so a bad
//! entry is kept and marked, never lost), turned into a contract application; the share-link
//! encoding; the cap charts and hints, sampled through the engine itself (no formula is repeated
//! here); the region comparison; and CSV export. The Yew app only renders what this module gives.
use crate::date::Date;
use crate::engine;
use crate::input::{self, Application, DERIVED, FIELDS, Ty};
use crate::money::{in_wan, parse_plain};
use crate::result::{Award, Outcome};
use crate::rulebook::{Cond, Formula, Kind, Per, Rule, RuleBook, Status};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Wan,
    Yuan,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the text of this language.
    pub fn t<'x>(self, zh: &'x str, en: &'x str) -> &'x str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub zh: String,
    pub en: String,
}

impl Msg {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            zh: zh.into(),
            en: en.into(),
        }
    }
    /// The same text in both languages (an engine message that has only one).
    pub fn same(text: impl Into<String>) -> Msg {
        let t = text.into();
        Msg {
            zh: t.clone(),
            en: t,
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        lang.t(&self.zh, &self.en)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ScenarioForm {
    /// A stable key for the list (not part of the application).
    pub id: u32,
    pub name: String,
    /// Selected by the CITY (Wuhan 七, Hangzhou 三(八)); false until the user says so.
    pub city_selected: bool,
    /// Selected or supported by the DISTRICT (Hongshan 9, Qiaokou 9); false until the user says so.
    pub district_selected: bool,
    pub total_investment: String,
    pub rd_investment: String,
    pub manufacturing_first_application: bool,
}

/// Everything the user set: the whole state a share link or localStorage keeps. Stored as compact
/// JSON (`to_json` / `from_json`, written by hand: serde's derived code for it cost ~10 KB of wasm):
/// `{"r": region, "u": "wan"|"yuan", "l": "zh"|"en", "v": {path: text}, "s": [{"i","n","c","k","t","d","m"}], "d": as_of}`
/// (`c` city selected, `k` district selected; an old link's single `s` flag is dropped, see `notice`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub region: String,
    pub unit: Unit,
    pub lang: Lang,
    /// Field path → the text as typed ("true" for a ticked box, the value for a choice,
    /// comma-separated values for a set).
    pub values: BTreeMap<String, String>,
    pub scenarios: Vec<ScenarioForm>,
    pub as_of: Option<String>,
    /// Something the page must tell the user about how this form was opened (not stored).
    pub notice: Option<Msg>,
}

/// What an old (schema-1) link's project flag turns into: both facts off, and the user is told.
pub fn old_selected_notice() -> Msg {
    Msg::new(
        "此链接来自旧版本:其中的“已入选”同时代表市级和区级遴选,现已拆分为“市级遴选”和“区级遴选”两项。为避免多算,两项均已设为未勾选,请按实际情况重新勾选。",
        "This link is from an earlier version: its single \"selected\" box stood for both the city's and the district's selection, now two separate facts. To avoid overstating awards both are now unticked: tick whichever is true.",
    )
}

/// Field errors by path (a short list: a Vec is smaller in the bundle than another map type).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Errors(pub Vec<(String, Msg)>);

impl Errors {
    pub fn get(&self, path: &str) -> Option<&Msg> {
        self.0.iter().find(|(p, _)| p == path).map(|(_, m)| m)
    }
    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }
    /// Keeps the first message for a path.
    pub fn insert(&mut self, path: String, msg: Msg) {
        if !self.contains_key(&path) {
            self.0.push((path, msg));
        }
    }
}

impl Default for Form {
    fn default() -> Self {
        Form {
            region: "wuhan-hongshan".into(),
            unit: Unit::Wan,
            lang: Lang::Zh,
            values: BTreeMap::new(),
            scenarios: Vec::new(),
            as_of: None,
            notice: None,
        }
    }
}

/// Full-width digits and punctuation to ASCII; separators and spaces removed.
fn normalize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '－' | '—' => Some('-'),
            '％' => Some('%'),
            ',' | '，' | '、' | '\'' | ' ' | '\u{3000}' | '\u{a0}' | '_' => None,
            c => Some(c),
        })
        .collect()
}

/// Reads an amount typed by a person: "1,250.5", "１２５０．５", "1250.5万", "12,505,000元". Without a
/// suffix the unit switch decides. `Ok(None)` for an empty box.
pub fn parse_amount(text: &str, unit: Unit) -> Result<Option<Decimal>, Msg> {
    let t = normalize(text);
    if t.is_empty() {
        return Ok(None);
    }
    let (num, wan) = if let Some(n) = t.strip_suffix("万元").or_else(|| t.strip_suffix('万')) {
        (n, true)
    } else if let Some(n) = t.strip_suffix('元') {
        (n, false)
    } else {
        (t.as_str(), unit == Unit::Wan)
    };
    let d = parse_plain(num, if wan { 6 } else { 2 }).map_err(|e| amount_error(e, wan))?;
    let yuan = if wan { d * Decimal::from(10_000) } else { d };
    if yuan > Decimal::from(input::MAX_MONEY) {
        return Err(Msg::new(
            "金额过大:最多10000亿元",
            "too large: at most 1,000,000,000,000 yuan",
        ));
    }
    Ok(Some(yuan.normalize()))
}

fn amount_error(e: &str, wan: bool) -> Msg {
    match e {
        "must not be negative" => Msg::new("金额不能为负数", "an amount cannot be negative"),
        "more than two decimal places" | "must be a whole number" => {
            if wan {
                Msg::new(
                    "万元最多6位小数(精确到分)",
                    "at most 6 decimals in 万元 (to the fen)",
                )
            } else {
                Msg::new(
                    "元最多2位小数(精确到分)",
                    "at most 2 decimals in yuan (to the fen)",
                )
            }
        }
        "absurdly large" => Msg::new("金额过大", "too large"),
        _ => Msg::new(
            "请输入数字,例如 1250.5 或 1,250.5万",
            "enter a number, e.g. 1250.5 or 1,250.5万",
        ),
    }
}

/// A count or percentage typed by a person (full-width digits and separators allowed).
fn parse_number(text: &str, ty: Ty) -> Result<Option<Value>, Msg> {
    let t = normalize(text);
    let t = t.trim_end_matches('%');
    if t.is_empty() {
        return Ok(None);
    }
    let decimals = if ty == Ty::Percent { 2 } else { 0 };
    match parse_plain(t, decimals) {
        Ok(d) => Ok(Some(json!(d.to_string()))),
        Err("must not be negative") => Err(Msg::new("不能为负数", "cannot be negative")),
        Err(_) if ty == Ty::Percent => Err(Msg::new(
            "请输入0–100的百分比,最多2位小数",
            "enter a percentage 0–100, at most 2 decimals",
        )),
        Err(_) => Err(Msg::new("请输入整数", "enter a whole number")),
    }
}

/// The contract application a form stands for, with the bad fields left out and named.
#[derive(Clone, Debug)]
pub struct Built {
    pub application: Value,
    pub errors: Errors,
}

fn remove(root: &mut Map<String, Value>, path: &str) {
    if let Some((i, rest)) = path
        .strip_prefix("scenarios[")
        .and_then(|p| p.split_once("]."))
    {
        if let (Ok(i), Some(Value::Array(list))) = (i.parse::<usize>(), root.get_mut("scenarios"))
            && let Some(Value::Object(item)) = list.get_mut(i)
        {
            item.remove(rest);
        }
        return;
    }
    let parts: Vec<&str> = path.split('.').collect();
    let mut cur = root;
    for p in &parts[..parts.len() - 1] {
        match cur.get_mut(*p) {
            Some(Value::Object(m)) => cur = m,
            _ => return,
        }
    }
    cur.remove(parts[parts.len() - 1]);
}

impl Form {
    pub fn value(&self, path: &str) -> &str {
        self.values.get(path).map_or("", String::as_str)
    }

    pub fn flag(&self, path: &str) -> bool {
        self.value(path) == "true"
    }

    /// Builds the application, checking it with the engine's own validator so the messages at the
    /// fields are the engine's; a bad field is left out so every other figure still shows.
    pub fn build(&self, today: Date) -> Built {
        let mut errors = Errors::default();
        let mut root = Map::new();
        root.insert("schema".into(), json!(2));
        root.insert("region".into(), json!(self.region));
        if let Some(d) = &self.as_of {
            root.insert("as_of".into(), json!(d));
        }
        for (path, text) in &self.values {
            let Some(f) = input::field(path) else {
                continue;
            };
            let v = match f.ty {
                Ty::Money => parse_amount(text, self.unit).map(|d| d.map(|d| json!(d.to_string()))),
                Ty::Count(_) | Ty::Percent => parse_number(text, f.ty),
                Ty::Flag => Ok(Some(json!(text == "true"))),
                Ty::Choice(_) => Ok((!text.is_empty()).then(|| json!(text))),
                Ty::Set(_) => Ok(Some(json!(
                    text.split(',')
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                ))),
                Ty::Day => Ok((!text.trim().is_empty()).then(|| json!(text.trim()))),
                Ty::Text => Ok(Some(json!(text))),
                Ty::Measure => Ok(None),
            };
            match v {
                Ok(Some(v)) => crate::json::set_path(&mut root, path, v),
                Ok(None) => {}
                Err(m) => {
                    errors.insert(path.clone(), m);
                }
            }
        }
        let mut list = Vec::new();
        for (i, s) in self.scenarios.iter().enumerate() {
            let mut item = Map::new();
            item.insert("name".into(), json!(s.name));
            item.insert("city_selected".into(), json!(s.city_selected));
            item.insert("district_selected".into(), json!(s.district_selected));
            item.insert(
                "manufacturing_first_application".into(),
                json!(s.manufacturing_first_application),
            );
            for (key, text) in [
                ("total_investment", &s.total_investment),
                ("rd_investment", &s.rd_investment),
            ] {
                match parse_amount(text, self.unit) {
                    Ok(Some(d)) => {
                        item.insert(key.into(), json!(d.to_string()));
                    }
                    Ok(None) => {}
                    Err(m) => {
                        errors.insert(format!("scenarios[{i}].{key}"), m);
                    }
                }
            }
            list.push(Value::Object(item));
        }
        root.insert("scenarios".into(), Value::Array(list));
        // Whatever the engine still refuses (a date, a count too large…) is named and left out too.
        for _ in 0..3 {
            match input::parse_value(&Value::Object(root.clone()), today) {
                Ok(_) => break,
                Err(errs) => {
                    for e in errs {
                        remove(&mut root, &e.field);
                        if e.field == "region" {
                            root.insert("region".into(), json!("wuhan-hongshan"));
                        }
                        errors.insert(e.field.clone(), Msg::new(e.message.clone(), e.message));
                    }
                }
            }
        }
        Built {
            application: Value::Object(root),
            errors,
        }
    }

    /// The share-link fragment: the form as JSON, base64url.
    pub fn to_fragment(&self) -> String {
        base64url(self.to_json().to_string().as_bytes())
    }

    pub fn from_fragment(text: &str) -> Option<Form> {
        let bytes = unbase64url(text.trim_start_matches('#').trim_start_matches("a="))?;
        Form::from_json(&crate::json::parse(std::str::from_utf8(&bytes).ok()?).ok()?)
    }

    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("r".into(), json!(self.region));
        m.insert(
            "u".into(),
            json!(if self.unit == Unit::Yuan {
                "yuan"
            } else {
                "wan"
            }),
        );
        m.insert(
            "l".into(),
            json!(if self.lang == Lang::En { "en" } else { "zh" }),
        );
        m.insert(
            "v".into(),
            Value::Object(
                self.values
                    .iter()
                    .map(|(k, v)| (k.clone(), json!(v)))
                    .collect(),
            ),
        );
        let s: Vec<Value> = self
            .scenarios
            .iter()
            .map(|s| json!({"i": s.id, "n": s.name, "c": s.city_selected, "k": s.district_selected, "t": s.total_investment, "d": s.rd_investment, "m": s.manufacturing_first_application}))
            .collect();
        m.insert("s".into(), Value::Array(s));
        if let Some(d) = &self.as_of {
            m.insert("d".into(), json!(d));
        }
        Value::Object(m)
    }

    /// Reads a stored form; None if it is not one (an old or foreign link), never a panic.
    pub fn from_json(v: &Value) -> Option<Form> {
        let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let region = text(v, "r");
        if !input::regions().contains(&region.as_str()) {
            return None;
        }
        let values = v
            .get("v")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        let flag = |s: &Value, k: &str| s.get(k).and_then(Value::as_bool).unwrap_or(false);
        // A schema-1 link's one flag ("s") meant both selections: it is dropped, and said so.
        let mut old_flag = false;
        let scenarios = v
            .get("s")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|s| ScenarioForm {
                        id: s.get("i").and_then(Value::as_u64).unwrap_or(0) as u32,
                        name: text(s, "n"),
                        city_selected: flag(s, "c"),
                        district_selected: flag(s, "k"),
                        total_investment: text(s, "t"),
                        rd_investment: text(s, "d"),
                        manufacturing_first_application: {
                            old_flag |= flag(s, "s");
                            flag(s, "m")
                        },
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Form {
            region,
            unit: if text(v, "u") == "yuan" {
                Unit::Yuan
            } else {
                Unit::Wan
            },
            lang: if text(v, "l") == "en" {
                Lang::En
            } else {
                Lang::Zh
            },
            values,
            scenarios,
            as_of: v.get("d").and_then(Value::as_str).map(String::from),
            notice: old_flag.then(old_selected_notice),
        })
    }

    /// Adds an empty scenario project with a fresh key.
    pub fn add_scenario(&mut self) {
        let id = self
            .scenarios
            .iter()
            .map(|s| s.id)
            .max()
            .map_or(1, |m| m + 1);
        // Both selections start unticked: an empty project is worth nothing until the user says
        // which authority selected it.
        self.scenarios.push(ScenarioForm {
            id,
            ..ScenarioForm::default()
        });
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as URL-safe base64 without padding (the share link's encoding).
pub fn base64url(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 4 / 3 + 4);
    for chunk in data.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buf = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = B64.iter().position(|b| *b == c)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The input fields that matter for a region: those its clauses and checks read (a scenario
/// project's own fields by their name within the project, e.g. `city_selected`).
pub fn region_fields(book: &RuleBook, region: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let Some(r) = book.region(region) else {
        return out;
    };
    let mut add = |f: &crate::rulebook::Fact| {
        let path = f.0.field().path;
        match DERIVED.iter().find(|d| d.field.path == path) {
            Some(d) => out.extend(d.from.iter().copied()),
            None => out.push(path),
        }
    };
    fn conds<'c>(list: &'c [Cond], out: &mut Vec<&'c crate::rulebook::Fact>) {
        for c in list {
            out.push(&c.fact);
            if let Some(r) = &c.relaxed {
                conds(&r.when, out);
            }
        }
    }
    fn formula<'c>(f: &'c Formula, out: &mut Vec<&'c crate::rulebook::Fact>) {
        out.extend(f.terms.iter().map(|t| &t.fact));
        out.extend(f.per_unit.iter().map(|p| &p.fact));
        out.extend(f.deduct.iter().map(|d| &d.fact));
        out.extend(f.stage.iter().map(|s| &s.fact));
        for c in &f.caps {
            out.extend(c.fact.iter().chain(&c.less).chain(&c.relaxable_if));
        }
    }
    let mut facts = Vec::new();
    for doc in r.documents.iter().filter_map(|k| book.document(k)) {
        for rule in &doc.rules {
            conds(&rule.requires, &mut facts);
            if let Some(f) = &rule.formula {
                formula(f, &mut facts);
            }
            for v in &rule.variants {
                conds(&v.when, &mut facts);
                if let Some(f) = &v.formula {
                    formula(f, &mut facts);
                }
            }
        }
        for c in &doc.checks {
            conds(&c.requires, &mut facts);
            facts.extend(c.entered.iter());
        }
    }
    for f in facts {
        add(f);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether any clause of the region is evaluated per scenario project.
pub fn region_has_scenarios(book: &RuleBook, region: &str) -> bool {
    book.region(region).is_some_and(|r| {
        r.documents
            .iter()
            .filter_map(|k| book.document(k))
            .any(|d| d.rules.iter().any(|r| r.per == Per::Scenario))
    })
}

/// How one award moves with one spending figure, sampled through the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub rule_id: String,
    pub fact: &'static str,
    pub label: Msg,
    pub points: Vec<(Decimal, Decimal)>,
    pub current: (Decimal, Decimal),
    /// The spending at which the cap starts to bind, if the clause has a cap.
    pub cap_at: Option<Decimal>,
    pub max: Option<Decimal>,
    pub hint: Msg,
}

fn rule_formulas(rule: &Rule) -> Vec<&Formula> {
    rule.formula
        .iter()
        .chain(rule.variants.iter().filter_map(|v| v.formula.as_ref()))
        .collect()
}

/// The chart for a rate-based award: the award against its largest spending input.
pub fn curve(app: &Application, book: &RuleBook, award: &Award) -> Option<Curve> {
    if !matches!(award.kind, Kind::Exact | Kind::UpTo) || award.value.is_none() {
        return None;
    }
    let rule = book.rules().map(|(_, r)| r).find(|r| r.id == award.id)?;
    if rule.per == Per::Scenario {
        return None;
    }
    let fact = rule_formulas(rule)
        .into_iter()
        .flat_map(|f| f.terms.iter())
        .map(|t| t.fact.0.field())
        .filter(|f| FIELDS.iter().any(|x| x.path == f.path))
        .max_by_key(|f| app.get(f.path).map(|v| v.num()).unwrap_or_default())?;
    let at_award = |x: Decimal| {
        app.with_number(fact.path, x)
            .and_then(|a| engine::evaluate_one(&a, book, &rule.id))
    };
    let at = |x: Decimal| -> Decimal { at_award(x).and_then(|a| a.value).unwrap_or_default() };
    let x0 = app.get(fact.path)?.num();
    let y0 = award.value?;
    let huge = Decimal::from(input::MAX_MONEY);
    // Capped when the engine itself says a cap binds at the largest spending it accepts (not
    // guessed from the figure's size: a small uncapped rate would look like a cap).
    let top_award = at_award(huge);
    let capped = top_award.as_ref().is_some_and(|a| a.binding_cap.is_some());
    let top = top_award.and_then(|a| a.value).unwrap_or_default();
    let cap_at = if capped {
        // The smallest spending that reaches the top figure (the award never falls as spending rises).
        let (mut lo, mut hi) = (Decimal::ZERO, huge);
        for _ in 0..48 {
            let mid = ((lo + hi) / Decimal::TWO).round_dp(2);
            if at(mid) >= top {
                hi = mid;
            } else {
                lo = mid;
            }
            if hi - lo <= Decimal::new(1, 2) {
                break;
            }
        }
        Some(hi)
    } else {
        None
    };
    let span = match cap_at {
        Some(c) => (c * Decimal::new(15, 1)).max(x0 * Decimal::new(12, 1)),
        None => (x0 * Decimal::TWO).max(Decimal::from(1_000_000)),
    }
    .max(Decimal::from(10_000));
    let n = 24;
    let mut points: Vec<(Decimal, Decimal)> = (0..=n)
        .map(|i| {
            let x = (span * Decimal::from(i) / Decimal::from(n)).round_dp(2);
            (x, at(x))
        })
        .collect();
    if let Some(c) = cap_at {
        points.push((c, top));
        points.sort_by_key(|a| a.0);
    }
    let (zh, en) = (fact.zh, fact.en);
    let hint = match cap_at {
        Some(c) if x0 >= c => Msg::new(
            "已达封顶:再增加投入,补贴不再增加",
            "the cap is reached: more spending adds nothing",
        ),
        Some(c) => {
            let (more, gain) = (c - x0, top - y0);
            Msg::new(
                format!(
                    "再增加 {} 万元{zh},补贴可增加 {} 万元(达到封顶 {} 万元)",
                    in_wan(more),
                    in_wan(gain),
                    in_wan(top)
                ),
                format!(
                    "{} 万元 more {en} would add {} 万元 to the award (up to the cap of {} 万元)",
                    in_wan(more),
                    in_wan(gain),
                    in_wan(top)
                ),
            )
        }
        None => {
            let step = Decimal::from(10_000);
            let r = at(x0 + step) - y0;
            Msg::new(
                format!(
                    "条款未设金额上限:每增加 1 万元{zh},补贴约增加 {} 万元",
                    in_wan(r)
                ),
                format!(
                    "the clause sets no cap: each 1 万元 more {en} adds about {} 万元",
                    in_wan(r)
                ),
            )
        }
    };
    Some(Curve {
        rule_id: rule.id.clone(),
        fact: fact.path,
        label: Msg::new(zh, en),
        points,
        current: (x0, y0),
        cap_at,
        max: capped.then_some(top),
        hint,
    })
}

/// One region's totals for the side-by-side comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSummary {
    pub region: String,
    pub name: Msg,
    pub exact: String,
    pub up_to: String,
    pub eligible: usize,
    pub open: usize,
    pub draft: bool,
}

/// The same application evaluated for every region.
pub fn compare(application: &Value, book: &RuleBook, today: Date) -> Vec<RegionSummary> {
    let keys: Vec<&str> = book.regions.iter().map(|r| r.key.as_str()).collect();
    book.regions
        .iter()
        .filter_map(|def| {
            let region = def.key.as_str();
            let mut app = application.clone();
            app["region"] = json!(region);
            let parsed = input::parse_value_in(&app, today, &keys).ok()?;
            let o = engine::evaluate(&parsed, book);
            let eligible = o
                .awards
                .iter()
                .filter(|a| a.kind != Kind::NotEligible)
                .count();
            let open = o
                .awards
                .iter()
                .filter(|a| matches!(a.kind, Kind::Range | Kind::Unspecified | Kind::CaseByCase))
                .count();
            let draft = o
                .awards
                .iter()
                .any(|a| a.kind != Kind::NotEligible && a.source.status == Status::Draft);
            Some(RegionSummary {
                region: region.to_string(),
                name: Msg::new(def.name_zh.clone(), def.name_en.clone()),
                exact: o.total.exact.clone(),
                up_to: o.total.up_to.clone(),
                eligible,
                open,
                draft,
            })
        })
        .collect()
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The result as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese).
pub fn csv(o: &Outcome, lang: Lang) -> String {
    let head = [
        ("编号", "id"),
        ("名称", "title"),
        ("类型", "kind"),
        ("金额(元)", "amount (yuan)"),
        ("最低(元)", "min (yuan)"),
        ("最高(元)", "max (yuan)"),
        ("未封顶(元)", "uncapped (yuan)"),
        ("封顶", "binding cap"),
        ("计入合计", "counted in totals"),
        ("文件", "document"),
        ("条款", "clause"),
        ("状态", "status"),
        ("原因", "reason"),
    ];
    let mut s = String::from("\u{feff}");
    s.push_str(
        &head
            .iter()
            .map(|h| lang.t(h.0, h.1))
            .collect::<Vec<_>>()
            .join(","),
    );
    s.push('\n');
    for a in &o.awards {
        let kind = serde_json::to_value(a.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let counted = a.stacking.as_ref().is_none_or(|s| s.counted)
            && matches!(a.kind, Kind::Exact | Kind::UpTo);
        let row = [
            a.id.to_string(),
            lang.t(a.title_zh, a.title_en).to_string(),
            kind,
            a.amount.clone().unwrap_or_default(),
            a.min.clone().unwrap_or_default(),
            a.max.clone().unwrap_or_default(),
            a.uncapped.clone().unwrap_or_default(),
            match lang {
                Lang::Zh => a.binding_cap_zh.clone(),
                Lang::En => a.binding_cap.clone(),
            }
            .unwrap_or_default(),
            if counted { "1" } else { "0" }.to_string(),
            lang.t(a.source.document, a.source.document_en).to_string(),
            a.source.clause.to_string(),
            a.source.status.key().to_string(),
            match lang {
                Lang::Zh => a.reason_zh.clone(),
                Lang::En => a.reason.clone(),
            }
            .unwrap_or_default(),
        ];
        s.push_str(
            &row.iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        s.push('\n');
    }
    s.push_str(&format!(
        "{},{},{}\n",
        lang.t("确定金额合计", "total exact"),
        o.total.exact,
        ""
    ));
    s.push_str(&format!(
        "{},{},{}\n",
        lang.t("最高可得合计", "total up to"),
        o.total.up_to,
        ""
    ));
    s
}

/// Which text or box of a scenario row changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioKey {
    Name,
    CitySelected,
    DistrictSelected,
    TotalInvestment,
    RdInvestment,
    ManufacturingFirstApplication,
}

/// Everything the user can do to the form: the app's reducer actions.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Region(String),
    /// A field's text ("" clears it).
    Value(String, String),
    Unit(Unit),
    Lang(Lang),
    AsOf(Option<String>),
    AddScenario,
    RemoveScenario(u32),
    Scenario(u32, ScenarioKey, String),
    Replace(Box<Form>),
    Reset,
}

impl Form {
    /// Applies one edit. Switching 万元/元 converts the amounts already typed, so no figure changes
    /// its meaning behind the user's back.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Region(r) => {
                if input::regions().contains(&r.as_str()) {
                    self.region = r;
                }
            }
            Edit::Value(path, text) => {
                if text.is_empty() {
                    self.values.remove(&path);
                } else {
                    self.values.insert(path, text);
                }
            }
            Edit::Unit(u) if u != self.unit => {
                let convert = |text: &mut String, from: Unit| {
                    if let Ok(Some(y)) = parse_amount(text, from) {
                        let v = if u == Unit::Wan {
                            y / Decimal::from(10_000)
                        } else {
                            y
                        };
                        *text = v.normalize().to_string();
                    }
                };
                let from = self.unit;
                for (path, text) in self.values.iter_mut() {
                    if input::field(path).is_some_and(|f| f.ty == Ty::Money) {
                        convert(text, from);
                    }
                }
                for s in &mut self.scenarios {
                    convert(&mut s.total_investment, from);
                    convert(&mut s.rd_investment, from);
                }
                self.unit = u;
            }
            Edit::Unit(_) => {}
            Edit::Lang(l) => self.lang = l,
            Edit::AsOf(d) => self.as_of = d.filter(|d| !d.is_empty()),
            Edit::AddScenario => self.add_scenario(),
            Edit::RemoveScenario(id) => self.scenarios.retain(|s| s.id != id),
            Edit::Scenario(id, key, text) => {
                if matches!(
                    key,
                    ScenarioKey::CitySelected | ScenarioKey::DistrictSelected
                ) {
                    self.notice = None;
                }
                if let Some(s) = self.scenarios.iter_mut().find(|s| s.id == id) {
                    match key {
                        ScenarioKey::Name => s.name = text,
                        ScenarioKey::CitySelected => s.city_selected = text == "true",
                        ScenarioKey::DistrictSelected => s.district_selected = text == "true",
                        ScenarioKey::TotalInvestment => s.total_investment = text,
                        ScenarioKey::RdInvestment => s.rd_investment = text,
                        ScenarioKey::ManufacturingFirstApplication => {
                            s.manufacturing_first_application = text == "true"
                        }
                    }
                }
            }
            Edit::Replace(f) => *self = *f,
            Edit::Reset => {
                *self = Form {
                    region: self.region.clone(),
                    unit: self.unit,
                    lang: self.lang,
                    ..Form::default()
                };
            }
        }
    }
}
