// The validation below runs on the host (cargo test, the CLI); the browser build skips it.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]
//! The rule data: its types, and the loader that checks what a rule file says makes sense (known
//! facts, known operators, unique ids, groups naming real rules). The data itself is `rules/*.toml`,
//! turned into JSON by `build.rs` and embedded in the binary.
use crate::date::Date;
use crate::input::{FactRef, Ty};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::str::FromStr;
use std::sync::OnceLock;

pub const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));
pub const RULES_HASH: &str = env!("RULES_HASH");

/// An exact decimal, written as a string in the rule files.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct D(pub Decimal);

/// A condition's value, parsed once at load: the text (for choices), and as a number or a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    pub text: String,
    pub num: Option<Decimal>,
    pub date: Option<Date>,
}

/// A fact path resolved against the input table at load time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact(pub FactRef);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    ComputeVoucher,
    ModelFiling,
    Scenario,
    Listing,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Exact,
    UpTo,
    Range,
    Unspecified,
    CaseByCase,
    NotEligible,
}

/// What the rule file says a document is: a text in force, or a draft for comment.
impl Kind {
    /// Every kind (a test checks `key` against serde's names).
    pub const ALL: [Kind; 6] = [
        Kind::Exact,
        Kind::UpTo,
        Kind::Range,
        Kind::Unspecified,
        Kind::CaseByCase,
        Kind::NotEligible,
    ];

    /// The contract's name of the kind (`"up_to"`), as serde writes it, without serialising.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::UpTo => "up_to",
            Kind::Range => "range",
            Kind::Unspecified => "unspecified",
            Kind::CaseByCase => "case_by_case",
            Kind::NotEligible => "not_eligible",
        }
    }

    /// What the figure means, as the page, `explain` and a plan's changes say it.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Exact => "确定金额",
            Kind::UpTo => "最高可得",
            Kind::Range => "区间",
            Kind::Unspecified => "金额待定",
            Kind::CaseByCase => "一事一议",
            Kind::NotEligible => "不符合条件",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Kind::Exact => "exact amount",
            Kind::UpTo => "up to",
            Kind::Range => "range",
            Kind::Unspecified => "amount to be set",
            Kind::CaseByCase => "case by case",
            Kind::NotEligible => "not eligible",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    InForce,
    Draft,
}

/// A document's standing on the date of a calculation (`source.status`): the one status enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InForce,
    Draft,
    Expired,
    NotYet,
    /// The source gives no start or end date (Hongshan, Qiaokou): not shown as "in force".
    DatesNotGiven,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::InForce => "in_force",
            Status::Draft => "draft",
            Status::Expired => "expired",
            Status::NotYet => "not_yet",
            Status::DatesNotGiven => "dates_not_given",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Status::InForce => "现行有效",
            Status::Draft => "征求意见稿",
            Status::Expired => "已过期",
            Status::NotYet => "尚未施行",
            Status::DatesNotGiven => "日期未载明",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Status::InForce => "in force",
            Status::Draft => "DRAFT for comment",
            Status::Expired => "expired",
            Status::NotYet => "not yet in force",
            Status::DatesNotGiven => "dates not given",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Per {
    #[default]
    Enterprise,
    Scenario,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Gt,
    Gte,
    Lt,
    Lte,
    Eq,
    In,
    IsTrue,
    IsFalse,
    Contains,
    /// A set fact holds at least one of `values`.
    ContainsAny,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapScope {
    PerProject,
    PerEnterprisePerYear,
    PerYear,
    OneTime,
    OverThreeYears,
    PerModel,
    PerEvent,
    Band,
    InterestShare,
}

impl CapScope {
    pub fn en(self) -> &'static str {
        match self {
            CapScope::PerProject => "per project",
            CapScope::PerEnterprisePerYear => "per enterprise per year",
            CapScope::PerYear => "per year",
            CapScope::OneTime => "one-time",
            CapScope::OverThreeYears => "over three years",
            CapScope::PerModel => "per model",
            CapScope::PerEvent => "per event",
            CapScope::Band => "band maximum",
            CapScope::InterestShare => "share of interest paid",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            CapScope::PerProject => "单个项目上限",
            CapScope::PerEnterprisePerYear => "每家企业每年上限",
            CapScope::PerYear => "每年上限",
            CapScope::OneTime => "一次性上限",
            CapScope::OverThreeYears => "三年累计上限",
            CapScope::PerModel => "单个模型上限",
            CapScope::PerEvent => "单个活动上限",
            CapScope::Band => "所在档位上限",
            CapScope::InterestShare => "不超过所付利息的比例",
        }
    }
}

#[derive(Debug)]
pub struct RuleBook {
    pub version: String,
    pub regions: Vec<RegionDef>,
    pub groups: Vec<Group>,
    pub documents: Vec<Document>,
    /// Every rule id with its (document, rule) position, sorted, made on first use (batches only:
    /// the page never builds it, nor carries the code): [`RuleBook::rule`].
    by_id: std::sync::OnceLock<Vec<(String, usize, usize)>>,
}

#[derive(Debug)]
pub struct RegionDef {
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub documents: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupMode {
    Highest,
    Stack,
}

#[derive(Debug)]
pub struct Group {
    pub id: String,
    pub mode: GroupMode,
    pub members: Vec<String>,
    pub zh: String,
    pub en: String,
}

#[derive(Debug)]
pub struct Document {
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub seed: String,
    pub status: DocStatus,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub published: Option<Date>,
    /// From this date to `valid_to` the document may already have ended (a start date left blank).
    pub uncertain_from: Option<Date>,
    /// Texts for the date checks; `{as_of}` is replaced by the calculation date.
    pub not_yet_zh: Option<String>,
    pub not_yet_en: Option<String>,
    pub expired_zh: Option<String>,
    pub expired_en: Option<String>,
    pub uncertain_zh: Option<String>,
    pub uncertain_en: Option<String>,
    pub dates_quote: Option<String>,
    pub dates_zh: Option<String>,
    pub dates_en: Option<String>,
    pub notes_quote: Option<String>,
    pub notes_zh: Vec<String>,
    pub notes_en: Vec<String>,
    pub rules: Vec<Rule>,
    pub checks: Vec<Check>,
    /// The label every award of a draft carries, made once at load.
    pub draft_note: Option<(String, String)>,
}

#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub family: Family,
    pub clause: String,
    pub kind: Kind,
    pub title_zh: String,
    pub title_en: String,
    pub quote: String,
    pub per: Per,
    pub notes_zh: Vec<String>,
    pub notes_en: Vec<String>,
    pub requires: Vec<Cond>,
    pub formula: Option<Formula>,
    pub variants: Vec<Variant>,
    pub otherwise_zh: Option<String>,
    pub otherwise_en: Option<String>,
    pub aggregate_caps: Vec<Cap>,
    /// false: listed with its figure but not added to the totals (an equity investment, 拨改投).
    pub in_totals: bool,
    /// Paid once ("一次性", a first recognition, a total over stages): in a plan over years, a later
    /// year says it was already counted. `once_zh/en` say how, where the default would not.
    pub once: bool,
    pub once_zh: Option<String>,
    pub once_en: Option<String>,
    /// What a plan over years carries to the next year when this clause pays.
    pub carry: Vec<Carry>,
    /// The budget pool the text sets for this clause (reported by `batch`, scaled by `--pool prorata`).
    pub pool: Option<Pool>,
    /// The most places the text gives a year ("不超过10个"): reported by `batch`, never cut.
    pub limit: Option<Limit>,
    pub not_in_totals_zh: Option<String>,
    pub not_in_totals_en: Option<String>,
}

/// A pool of money the text sets for a clause, per year.
#[derive(Debug)]
pub struct Pool {
    pub amount: D,
    /// "不低于" (a floor, reported only) rather than "不超过" (a ceiling, which prorata enforces).
    pub at_least: bool,
    pub quote: String,
    pub zh: String,
    pub en: String,
}

/// A count limit the text sets: places for applicants, or for projects (scenario items).
#[derive(Debug)]
pub struct Limit {
    pub count: u32,
    pub projects: bool,
    pub quote: String,
    pub zh: String,
    pub en: String,
}

/// How a plan carries a paying clause into the next year's input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CarryOp {
    /// The count field goes up by one (years already subsidised).
    CountYear,
    /// The money field goes up by the award (amounts already received).
    AddAmount,
    /// The flag becomes true (a one-time award received).
    SetTrue,
    /// The choice field takes the value of `from` (the level already awarded).
    SetFrom,
}

#[derive(Debug)]
pub struct Carry {
    pub fact: Fact,
    pub op: CarryOp,
    pub from: Option<Fact>,
}

#[derive(Debug)]
pub struct Cond {
    pub fact: Fact,
    pub op: Op,
    pub value: Option<Threshold>,
    pub values: Vec<String>,
    pub zh: Option<String>,
    pub en: Option<String>,
    pub unit: Option<String>,
    pub relaxed: Option<Relaxed>,
}

#[derive(Debug)]
pub struct Relaxed {
    pub value: Threshold,
    pub zh: String,
    pub en: String,
    pub when: Vec<Cond>,
}

#[derive(Debug)]
pub struct Variant {
    pub when: Vec<Cond>,
    pub kind: Option<Kind>,
    pub zh: String,
    pub en: String,
    pub formula: Option<Formula>,
}

#[derive(Debug, Default)]
pub struct Formula {
    pub terms: Vec<Term>,
    pub per_unit: Option<PerUnit>,
    pub fixed: Option<D>,
    pub range: Option<Range>,
    pub deduct: Vec<Deduct>,
    pub caps: Vec<Cap>,
    pub stage: Option<StageNote>,
    /// A step said whenever the formula applies (a reading the authority decides, say).
    pub note_zh: Option<String>,
    pub note_en: Option<String>,
}

#[derive(Debug)]
pub struct Term {
    pub fact: Fact,
    pub rate: D,
    /// "30%", made once at load.
    pub pct: String,
    pub zh: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug)]
pub struct PerUnit {
    pub fact: Fact,
    pub amount: D,
}

#[derive(Debug)]
pub struct Range {
    pub min: D,
    pub max: D,
}

#[derive(Debug)]
pub struct Deduct {
    pub fact: Fact,
    /// For a choice fact: the amount each value stands for.
    pub table: Vec<(String, D)>,
    pub zh: String,
    pub en: String,
}

#[derive(Debug)]
pub struct Cap {
    pub amount: Option<D>,
    pub rate: Option<D>,
    pub fact: Option<Fact>,
    pub less: Option<Fact>,
    pub scope: CapScope,
    /// "可以放宽": for these applicants the authority may relax the cap. The cap still binds the
    /// figure shown (no amount above a stated cap); the steps say it may be relaxed.
    pub relaxable_if: Option<Fact>,
    pub relaxed_zh: Option<String>,
    pub relaxed_en: Option<String>,
    /// For a fixed amount: its label (zh, en), made once at load.
    pub label: Option<(String, String)>,
}

#[derive(Debug)]
pub struct StageNote {
    pub fact: Fact,
    pub zh: Vec<(String, String)>,
    pub en: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Check {
    pub id: String,
    pub clause: String,
    pub title_zh: String,
    pub title_en: String,
    pub quote: String,
    pub quote2: Option<String>,
    pub entered: Vec<Fact>,
    pub requires: Vec<Cond>,
}

/// The value a table of pairs gives a key.
pub fn lookup<'t, T>(table: &'t [(String, T)], key: &str) -> Option<&'t T> {
    table.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

// ---- Loading: the embedded JSON is walked by hand rather than through serde's derived
// deserializers (~75 KB of the web app's WebAssembly). Accessors never fail: they note each problem
// (with its path) and return a placeholder, and `from_json` refuses the book if any was noted —
// the same messages, without an early exit (and its drop code) after every field.

use std::cell::RefCell;

/// One table of the rule data, with where it sits (for messages) and the list of problems found.
struct O<'a> {
    m: &'a Map<String, Value>,
    at: String,
    errs: &'a RefCell<Vec<String>>,
}

impl<'a> O<'a> {
    fn new(v: &'a Value, at: String, errs: &'a RefCell<Vec<String>>) -> Option<O<'a>> {
        match v.as_object() {
            Some(m) => Some(O { m, at, errs }),
            None => {
                errs.borrow_mut().push(format!("{at}: expected a table"));
                None
            }
        }
    }
    fn note(&self, k: &str, msg: &str) {
        self.errs
            .borrow_mut()
            .push(format!("{}.{k}: {msg}", self.at));
    }
    fn keys(&self, allowed: &[&str]) {
        if let Some(k) = self.m.keys().find(|k| !allowed.contains(&k.as_str())) {
            self.errs
                .borrow_mut()
                .push(format!("{}: unknown key `{k}`", self.at));
        }
    }
    fn get(&self, k: &str) -> Option<&'a Value> {
        self.m.get(k).filter(|v| !v.is_null())
    }
    fn os(&self, k: &str) -> Option<String> {
        match self.get(k) {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.note(k, "expected text");
                None
            }
        }
    }
    fn s(&self, k: &str) -> String {
        self.os(k).unwrap_or_else(|| {
            if self.get(k).is_none() {
                self.note(k, "missing");
            }
            String::new()
        })
    }
    fn strs(&self, k: &str) -> Vec<String> {
        match self.get(k) {
            None => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| {
                    let s = v.as_str().map(String::from);
                    if s.is_none() {
                        self.note(k, "expected a list of text");
                    }
                    s
                })
                .collect(),
            Some(_) => {
                self.note(k, "expected a list");
                Vec::new()
            }
        }
    }
    fn od(&self, k: &str) -> Option<D> {
        let t = self.os(k)?;
        let d = Decimal::from_str(&t).ok().map(D);
        if d.is_none() {
            self.note(k, &format!("not a decimal: {t}"));
        }
        d
    }
    fn d(&self, k: &str) -> D {
        self.od(k).unwrap_or_else(|| {
            if self.get(k).is_none() {
                self.note(k, "missing");
            }
            D(Decimal::ZERO)
        })
    }
    fn odate(&self, k: &str) -> Option<Date> {
        let t = self.os(k)?;
        let d = Date::parse(&t);
        if d.is_none() {
            self.note(k, &format!("bad date {t}"));
        }
        d
    }
    fn resolve(&self, k: &str, path: &str) -> Fact {
        match FactRef::resolve(path) {
            Some(f) => Fact(f),
            None => {
                self.note(k, &format!("unknown fact `{path}`"));
                Fact(FactRef::Field(0))
            }
        }
    }
    fn ofact(&self, k: &str) -> Option<Fact> {
        self.os(k).map(|t| self.resolve(k, &t))
    }
    fn fact(&self, k: &str) -> Fact {
        let t = self.s(k);
        self.resolve(k, &t)
    }
    fn othreshold(&self, k: &str) -> Option<Threshold> {
        self.os(k).map(|text| Threshold {
            num: Decimal::from_str(&text).ok(),
            date: Date::parse(&text),
            text,
        })
    }
    fn list(&self, k: &str) -> Vec<O<'a>> {
        match self.get(k) {
            None => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(i, v)| O::new(v, format!("{}.{k}[{i}]", self.at), self.errs))
                .collect(),
            Some(_) => {
                self.note(k, "expected a list");
                Vec::new()
            }
        }
    }
    fn obj(&self, k: &str) -> Option<O<'a>> {
        self.get(k)
            .and_then(|v| O::new(v, format!("{}.{k}", self.at), self.errs))
    }
    fn opick<T: Copy>(&self, k: &str, table: &[(&str, T)]) -> Option<T> {
        let t = self.os(k)?;
        let v = table.iter().find(|(n, _)| *n == t).map(|(_, v)| *v);
        if v.is_none() {
            self.note(k, &format!("unknown value `{t}`"));
        }
        v
    }
    fn pick<T: Copy>(&self, k: &str, table: &[(&str, T)]) -> T {
        self.opick(k, table).unwrap_or_else(|| {
            if self.get(k).is_none() {
                self.note(k, "missing");
            }
            table[0].1
        })
    }
    /// A table of text values (a TOML inline table), in key order.
    fn text_table(&self, k: &str) -> Vec<(String, String)> {
        self.obj(k)
            .map(|o| o.m.keys().map(|key| (key.clone(), o.s(key))).collect())
            .unwrap_or_default()
    }
    /// The same table, naming messages after `id` (so they point at the rule).
    fn named(self, id: &str) -> O<'a> {
        O {
            m: self.m,
            at: id.to_string(),
            errs: self.errs,
        }
    }
}

fn each<'a, T>(list: Vec<O<'a>>, f: fn(O<'a>) -> T) -> Vec<T> {
    list.into_iter().map(f).collect()
}

const FAMILIES: &[(&str, Family)] = &[
    ("compute_voucher", Family::ComputeVoucher),
    ("model_filing", Family::ModelFiling),
    ("scenario", Family::Scenario),
    ("listing", Family::Listing),
    ("other", Family::Other),
];
const KINDS: &[(&str, Kind)] = &[
    ("exact", Kind::Exact),
    ("up_to", Kind::UpTo),
    ("range", Kind::Range),
    ("unspecified", Kind::Unspecified),
    ("case_by_case", Kind::CaseByCase),
    ("not_eligible", Kind::NotEligible),
];
const OPS: &[(&str, Op)] = &[
    ("gt", Op::Gt),
    ("gte", Op::Gte),
    ("lt", Op::Lt),
    ("lte", Op::Lte),
    ("eq", Op::Eq),
    ("in", Op::In),
    ("is_true", Op::IsTrue),
    ("is_false", Op::IsFalse),
    ("contains", Op::Contains),
    ("contains_any", Op::ContainsAny),
];
const SCOPES: &[(&str, CapScope)] = &[
    ("per_project", CapScope::PerProject),
    ("per_enterprise_per_year", CapScope::PerEnterprisePerYear),
    ("per_year", CapScope::PerYear),
    ("one_time", CapScope::OneTime),
    ("over_three_years", CapScope::OverThreeYears),
    ("per_model", CapScope::PerModel),
    ("per_event", CapScope::PerEvent),
    ("band", CapScope::Band),
    ("interest_share", CapScope::InterestShare),
];

/// Reads the whole book; the first problem found, if any, refuses it.
fn load_book(v: &Value) -> Result<RuleBook, String> {
    let errs = RefCell::new(Vec::new());
    let Some(o) = O::new(v, "rules".into(), &errs) else {
        return Err("rules: expected a table".into());
    };
    o.keys(&["version", "regions", "groups", "documents"]);
    let book = RuleBook {
        version: o.s("version"),
        regions: each(o.list("regions"), load_region),
        groups: each(o.list("groups"), load_group),
        documents: each(o.list("documents"), load_document),
        by_id: std::sync::OnceLock::new(),
    };
    match errs.into_inner().into_iter().next() {
        Some(e) => Err(e),
        None => Ok(book),
    }
}

fn load_region(o: O) -> RegionDef {
    o.keys(&["key", "name_zh", "name_en", "documents"]);
    RegionDef {
        key: o.s("key"),
        name_zh: o.s("name_zh"),
        name_en: o.s("name_en"),
        documents: o.strs("documents"),
    }
}

fn load_group(o: O) -> Group {
    o.keys(&["id", "mode", "members", "zh", "en"]);
    Group {
        id: o.s("id"),
        mode: o.pick(
            "mode",
            &[("highest", GroupMode::Highest), ("stack", GroupMode::Stack)],
        ),
        members: o.strs("members"),
        zh: o.s("zh"),
        en: o.s("en"),
    }
}

fn load_document(o: O) -> Document {
    o.keys(&[
        "key",
        "name_zh",
        "name_en",
        "seed",
        "status",
        "valid_from",
        "valid_to",
        "published",
        "uncertain_from",
        "not_yet_zh",
        "not_yet_en",
        "expired_zh",
        "expired_en",
        "uncertain_zh",
        "uncertain_en",
        "dates_quote",
        "dates_zh",
        "dates_en",
        "notes_quote",
        "notes_zh",
        "notes_en",
        "rule",
        "check",
    ]);
    Document {
        key: o.s("key"),
        name_zh: o.s("name_zh"),
        name_en: o.s("name_en"),
        seed: o.s("seed"),
        status: o.pick(
            "status",
            &[
                ("in_force", DocStatus::InForce),
                ("draft", DocStatus::Draft),
            ],
        ),
        valid_from: o.odate("valid_from"),
        valid_to: o.odate("valid_to"),
        published: o.odate("published"),
        uncertain_from: o.odate("uncertain_from"),
        not_yet_zh: o.os("not_yet_zh"),
        not_yet_en: o.os("not_yet_en"),
        expired_zh: o.os("expired_zh"),
        expired_en: o.os("expired_en"),
        uncertain_zh: o.os("uncertain_zh"),
        uncertain_en: o.os("uncertain_en"),
        dates_quote: o.os("dates_quote"),
        dates_zh: o.os("dates_zh"),
        dates_en: o.os("dates_en"),
        notes_quote: o.os("notes_quote"),
        notes_zh: o.strs("notes_zh"),
        notes_en: o.strs("notes_en"),
        rules: each(o.list("rule"), load_rule),
        checks: each(o.list("check"), load_check),
        draft_note: None,
    }
}

fn load_rule(o: O) -> Rule {
    o.keys(&[
        "id",
        "family",
        "clause",
        "kind",
        "title_zh",
        "title_en",
        "quote",
        "per",
        "notes_zh",
        "notes_en",
        "requires",
        "formula",
        "variant",
        "otherwise_zh",
        "otherwise_en",
        "aggregate_cap",
        "in_totals",
        "not_in_totals_zh",
        "not_in_totals_en",
        "once",
        "once_zh",
        "once_en",
        "carry",
        "pool",
        "limit",
    ]);
    // Name the rule in every message below it.
    let id = o.s("id");
    let o = o.named(&id);
    Rule {
        family: o.pick("family", FAMILIES),
        clause: o.s("clause"),
        kind: o.pick("kind", KINDS),
        title_zh: o.s("title_zh"),
        title_en: o.s("title_en"),
        quote: o.s("quote"),
        per: o
            .opick(
                "per",
                &[("enterprise", Per::Enterprise), ("scenario", Per::Scenario)],
            )
            .unwrap_or_default(),
        notes_zh: o.strs("notes_zh"),
        notes_en: o.strs("notes_en"),
        requires: conds(&o, "requires"),
        formula: o.obj("formula").map(load_formula),
        variants: each(o.list("variant"), load_variant),
        otherwise_zh: o.os("otherwise_zh"),
        otherwise_en: o.os("otherwise_en"),
        aggregate_caps: each(o.list("aggregate_cap"), load_cap),
        in_totals: o
            .get("in_totals")
            .is_none_or(|v| v.as_bool() != Some(false)),
        not_in_totals_zh: o.os("not_in_totals_zh"),
        not_in_totals_en: o.os("not_in_totals_en"),
        once: o.get("once").is_some_and(|v| v.as_bool() == Some(true)),
        once_zh: o.os("once_zh"),
        once_en: o.os("once_en"),
        carry: each(o.list("carry"), load_carry),
        pool: o.obj("pool").map(|p| {
            p.keys(&["amount", "bound", "quote", "zh", "en"]);
            Pool {
                amount: p.d("amount"),
                at_least: p.pick("bound", &[("at_most", false), ("at_least", true)]),
                quote: p.s("quote"),
                zh: p.s("zh"),
                en: p.s("en"),
            }
        }),
        limit: o.obj("limit").map(|l| {
            l.keys(&["count", "per", "quote", "zh", "en"]);
            Limit {
                count: l.d("count").0.try_into().unwrap_or(0),
                projects: l.pick("per", &[("applicant", false), ("project", true)]),
                quote: l.s("quote"),
                zh: l.s("zh"),
                en: l.s("en"),
            }
        }),
        id,
    }
}

fn conds(o: &O, k: &str) -> Vec<Cond> {
    each(o.list(k), load_cond)
}

fn load_cond(o: O) -> Cond {
    o.keys(&[
        "fact", "op", "value", "values", "zh", "en", "unit", "relaxed",
    ]);
    Cond {
        fact: o.fact("fact"),
        op: o.pick("op", OPS),
        value: o.othreshold("value"),
        values: o.strs("values"),
        zh: o.os("zh"),
        en: o.os("en"),
        unit: o.os("unit"),
        relaxed: o.obj("relaxed").map(|r| {
            r.keys(&["value", "zh", "en", "when"]);
            Relaxed {
                value: r.othreshold("value").unwrap_or_else(|| {
                    r.note("value", "missing");
                    Threshold {
                        text: String::new(),
                        num: None,
                        date: None,
                    }
                }),
                zh: r.s("zh"),
                en: r.s("en"),
                when: conds(&r, "when"),
            }
        }),
    }
}

fn load_variant(o: O) -> Variant {
    o.keys(&["when", "kind", "zh", "en", "formula"]);
    Variant {
        when: conds(&o, "when"),
        kind: o.opick("kind", KINDS),
        zh: o.s("zh"),
        en: o.s("en"),
        formula: o.obj("formula").map(load_formula),
    }
}

fn load_formula(o: O) -> Formula {
    o.keys(&[
        "terms", "per_unit", "fixed", "range", "deduct", "caps", "stage", "note_zh", "note_en",
    ]);
    Formula {
        terms: each(o.list("terms"), load_term),
        per_unit: o.obj("per_unit").map(|p| {
            p.keys(&["fact", "amount"]);
            PerUnit {
                fact: p.fact("fact"),
                amount: p.d("amount"),
            }
        }),
        fixed: o.od("fixed"),
        range: o.obj("range").map(|r| {
            r.keys(&["min", "max"]);
            Range {
                min: r.d("min"),
                max: r.d("max"),
            }
        }),
        deduct: each(o.list("deduct"), load_deduct),
        caps: each(o.list("caps"), load_cap),
        stage: o.obj("stage").map(|s| {
            s.keys(&["fact", "zh", "en"]);
            StageNote {
                fact: s.fact("fact"),
                zh: s.text_table("zh"),
                en: s.text_table("en"),
            }
        }),
        note_zh: o.os("note_zh"),
        note_en: o.os("note_en"),
    }
}

fn load_term(t: O) -> Term {
    t.keys(&["fact", "rate", "zh", "en"]);
    Term {
        fact: t.fact("fact"),
        rate: t.d("rate"),
        pct: String::new(),
        zh: t.os("zh"),
        en: t.os("en"),
    }
}

fn load_deduct(d: O) -> Deduct {
    d.keys(&["fact", "table", "zh", "en"]);
    let table = d
        .obj("table")
        .map(|t| t.m.keys().map(|k| (k.clone(), t.d(k))).collect())
        .unwrap_or_default();
    Deduct {
        fact: d.fact("fact"),
        table,
        zh: d.s("zh"),
        en: d.s("en"),
    }
}

fn load_cap(o: O) -> Cap {
    o.keys(&[
        "amount",
        "rate",
        "fact",
        "less",
        "scope",
        "relaxable_if",
        "relaxed_zh",
        "relaxed_en",
    ]);
    Cap {
        amount: o.od("amount"),
        rate: o.od("rate"),
        fact: o.ofact("fact"),
        less: o.ofact("less"),
        scope: o.pick("scope", SCOPES),
        relaxable_if: o.ofact("relaxable_if"),
        relaxed_zh: o.os("relaxed_zh"),
        relaxed_en: o.os("relaxed_en"),
        label: None,
    }
}

fn load_carry(o: O) -> Carry {
    o.keys(&["fact", "op", "from"]);
    Carry {
        fact: o.fact("fact"),
        op: o.pick(
            "op",
            &[
                ("count_year", CarryOp::CountYear),
                ("add_amount", CarryOp::AddAmount),
                ("set_true", CarryOp::SetTrue),
                ("set_from", CarryOp::SetFrom),
            ],
        ),
        from: o.ofact("from"),
    }
}

fn load_check(o: O) -> Check {
    o.keys(&[
        "id", "clause", "title_zh", "title_en", "quote", "quote2", "entered", "requires",
    ]);
    let id = o.s("id");
    let o = o.named(&id);
    let entered = o
        .strs("entered")
        .iter()
        .map(|p| o.resolve("entered", p))
        .collect();
    Check {
        clause: o.s("clause"),
        title_zh: o.s("title_zh"),
        title_en: o.s("title_en"),
        quote: o.s("quote"),
        quote2: o.os("quote2"),
        entered,
        requires: conds(&o, "requires"),
        id,
    }
}

impl Cap {
    fn prepare(&mut self) {
        if let Some(a) = self.amount {
            self.label = Some((
                format!("{} {}元", self.scope.zh(), crate::money::human(a.0)),
                format!("{}: {}", self.scope.en(), a.0.normalize()),
            ));
        }
    }
}

impl Document {
    /// What the document's own dates say, whatever the day: a draft, dates not given, or in force.
    pub fn standing(&self) -> Status {
        match (self.status, self.valid_from, self.valid_to) {
            (DocStatus::Draft, ..) => Status::Draft,
            (DocStatus::InForce, None, None) => Status::DatesNotGiven,
            _ => Status::InForce,
        }
    }
}

impl RuleBook {
    /// Parses and checks rule data. Errors name the rule and what is wrong.
    pub fn from_json(text: &str) -> Result<RuleBook, String> {
        let json: Value = crate::json::parse(text).map_err(|e| format!("rule data: {e}"))?;
        let mut book = load_book(&json)?;
        // The embedded data is validated by `cargo test` on the host (the same bytes); the browser
        // build skips the check to keep the bundle small.
        #[cfg(not(target_arch = "wasm32"))]
        book.validate()?;
        for doc in &mut book.documents {
            for rule in &mut doc.rules {
                let formulas = rule
                    .formula
                    .iter_mut()
                    .chain(rule.variants.iter_mut().filter_map(|v| v.formula.as_mut()));
                for f in formulas {
                    for t in &mut f.terms {
                        t.pct = crate::money::percent(t.rate.0);
                    }
                    f.caps.iter_mut().for_each(Cap::prepare);
                }
                rule.aggregate_caps.iter_mut().for_each(Cap::prepare);
            }
            if doc.status == DocStatus::Draft {
                doc.draft_note = Some((
                    format!("征求意见稿:{}尚未正式施行,金额可能变化", doc.name_zh),
                    format!(
                        "DRAFT for comment: {} is not in force; the figure may change",
                        doc.name_en
                    ),
                ));
            }
        }
        Ok(book)
    }

    /// The rules embedded at build time, loaded once. The data is checked by `cargo test`; should a
    /// build that skipped the tests carry bad data, callers get this error, never a panic.
    pub fn embedded() -> Result<&'static RuleBook, &'static str> {
        static BOOK: OnceLock<Result<RuleBook, String>> = OnceLock::new();
        BOOK.get_or_init(|| RuleBook::from_json(RULES_JSON))
            .as_ref()
            .map_err(String::as_str)
    }

    pub fn version(&self) -> String {
        format!("{}+{}", self.version, RULES_HASH)
    }

    /// A rule by its id, with its document (a lookup, not a scan: batches ask for every award).
    pub fn rule(&self, id: &str) -> Option<(&Document, &Rule)> {
        let by_id = self.by_id.get_or_init(|| {
            let mut v: Vec<(String, usize, usize)> = self
                .documents
                .iter()
                .enumerate()
                .flat_map(|(d, doc)| {
                    doc.rules
                        .iter()
                        .enumerate()
                        .map(move |(r, rule)| (rule.id.clone(), d, r))
                })
                .collect();
            v.sort_unstable();
            v
        });
        let k = by_id.binary_search_by(|(x, ..)| x.as_str().cmp(id)).ok()?;
        let (_, d, r) = &by_id[k];
        let doc = &self.documents[*d];
        Some((doc, &doc.rules[*r]))
    }

    /// The position of a rule among [`RuleBook::rules`] (the batch table's column order).
    pub fn rule_position(&self, id: &str) -> Option<usize> {
        let (doc, rule) = self.rule(id)?;
        let before: usize = self
            .documents
            .iter()
            .take_while(|d| !std::ptr::eq(*d, doc))
            .map(|d| d.rules.len())
            .sum();
        Some(before + doc.rules.iter().position(|r| std::ptr::eq(r, rule))?)
    }

    pub fn document(&self, key: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.key == key)
    }

    pub fn region(&self, key: &str) -> Option<&RegionDef> {
        self.regions.iter().find(|r| r.key == key)
    }

    pub fn rules(&self) -> impl Iterator<Item = (&Document, &Rule)> {
        self.documents
            .iter()
            .flat_map(|d| d.rules.iter().map(move |r| (d, r)))
    }

    /// The regions whose enterprises a document applies to.
    pub fn regions_of(&self, doc: &str) -> Vec<&str> {
        self.regions
            .iter()
            .filter(|r| r.documents.iter().any(|d| d == doc))
            .map(|r| r.key.as_str())
            .collect()
    }

    fn validate(&self) -> Result<(), String> {
        let mut ids = HashSet::new();
        for r in &self.regions {
            for d in &r.documents {
                self.document(d)
                    .ok_or(format!("region {}: unknown document {d}", r.key))?;
            }
        }
        for doc in &self.documents {
            if doc.status == DocStatus::InForce
                && doc.dates_zh.is_none()
                && doc.valid_from.is_none()
            {
                return Err(format!(
                    "document {}: give validity dates or say why there are none",
                    doc.key
                ));
            }
            if doc.uncertain_from.is_some()
                && (doc.uncertain_zh.is_none() || doc.uncertain_en.is_none())
            {
                return Err(format!(
                    "document {}: uncertain_from needs uncertain_zh / uncertain_en",
                    doc.key
                ));
            }
            for rule in &doc.rules {
                if !ids.insert(rule.id.clone()) {
                    return Err(format!("duplicate id {}", rule.id));
                }
                if !rule.id.starts_with(&format!("{}.", doc.key)) {
                    return Err(format!(
                        "{}: ids start with their document key {}",
                        rule.id, doc.key
                    ));
                }
                validate_rule(rule).map_err(|e| format!("{}: {e}", rule.id))?;
            }
            for check in &doc.checks {
                if !ids.insert(check.id.clone()) {
                    return Err(format!("duplicate id {}", check.id));
                }
                for c in &check.requires {
                    validate_cond(c, false).map_err(|e| format!("{}: {e}", check.id))?;
                }
            }
        }
        for g in &self.groups {
            for m in &g.members {
                if !self.rules().any(|(_, r)| &r.id == m) {
                    return Err(format!("group {}: unknown member {m}", g.id));
                }
            }
        }
        Ok(())
    }
}

fn validate_rule(rule: &Rule) -> Result<(), String> {
    let scenario_ok = rule.per == Per::Scenario;
    for c in &rule.requires {
        validate_cond(c, scenario_ok)?;
        if c.zh.is_none() || c.en.is_none() {
            return Err("every requirement needs zh and en text for its reason".into());
        }
    }
    let money = matches!(rule.kind, Kind::Exact | Kind::UpTo | Kind::Range);
    match (&rule.formula, rule.variants.is_empty()) {
        (Some(_), false) => return Err("give either a formula or variants, not both".into()),
        (None, true) if money => return Err("a money rule needs a formula or variants".into()),
        (Some(_), true) if !money => {
            return Err("an unspecified / case-by-case rule has no formula".into());
        }
        _ => {}
    }
    if !rule.variants.is_empty() && (rule.otherwise_zh.is_none() || rule.otherwise_en.is_none()) {
        return Err(
            "rules with variants say why none applies (otherwise_zh / otherwise_en)".into(),
        );
    }
    if let Some(f) = &rule.formula {
        validate_formula(f, rule.kind)?;
    }
    for v in &rule.variants {
        for c in &v.when {
            validate_cond(c, scenario_ok)?;
        }
        let kind = v.kind.unwrap_or(rule.kind);
        match (
            &v.formula,
            matches!(kind, Kind::Exact | Kind::UpTo | Kind::Range),
        ) {
            (Some(f), true) => validate_formula(f, kind)?,
            (None, false) => {}
            _ => return Err("a variant's formula must match its kind".into()),
        }
    }
    if rule.kind == Kind::NotEligible {
        return Err("not_eligible is an outcome, not a rule kind".into());
    }
    for c in &rule.carry {
        let ty = c.fact.0.field().ty;
        let ok = match c.op {
            CarryOp::CountYear => matches!(ty, Ty::Count(_)),
            CarryOp::AddAmount => ty == Ty::Money,
            CarryOp::SetTrue => ty == Ty::Flag,
            CarryOp::SetFrom => {
                matches!(ty, Ty::Choice(_)) && c.from.is_some_and(|f| f.0.field().ty == ty)
            }
        };
        if !ok || matches!(c.fact.0, FactRef::Scenario(_) | FactRef::Derived(_)) {
            return Err(format!(
                "carry {:?} does not fit fact {}",
                c.op,
                c.fact.0.field().path
            ));
        }
    }
    if !rule.in_totals && (rule.not_in_totals_zh.is_none() || rule.not_in_totals_en.is_none()) {
        return Err("in_totals = false needs not_in_totals_zh / not_in_totals_en (why)".into());
    }
    if !rule.aggregate_caps.is_empty() && rule.per != Per::Scenario {
        return Err("aggregate caps are for per-scenario rules".into());
    }
    Ok(())
}

fn validate_formula(f: &Formula, kind: Kind) -> Result<(), String> {
    let bases = usize::from(!f.terms.is_empty())
        + usize::from(f.per_unit.is_some())
        + usize::from(f.fixed.is_some())
        + usize::from(f.range.is_some());
    if bases != 1 {
        return Err("a formula has exactly one base: terms, per_unit, fixed or range".into());
    }
    if (kind == Kind::Range) != f.range.is_some() {
        return Err("a range base goes with kind range".into());
    }
    for t in &f.terms {
        if t.rate.0 <= Decimal::ZERO || t.rate.0 > Decimal::ONE {
            return Err("rates are fractions in (0, 1]".into());
        }
        expect_num(t.fact)?;
    }
    for c in &f.caps {
        if c.relaxable_if.is_some() && (c.relaxed_zh.is_none() || c.relaxed_en.is_none()) {
            return Err("a relaxable cap says how (relaxed_zh / relaxed_en)".into());
        }
        match (c.amount, c.rate, c.fact) {
            (Some(_), None, None) => {}
            (None, Some(_), Some(fact)) => expect_num(fact)?,
            _ => return Err("a cap is an amount, or a rate of a fact".into()),
        }
    }
    if let Some(r) = &f.range
        && r.min.0 > r.max.0
    {
        return Err("range min above max".into());
    }
    Ok(())
}

fn expect_num(f: Fact) -> Result<(), String> {
    match f.0.field().ty {
        Ty::Money | Ty::Count(_) | Ty::Percent | Ty::Measure => Ok(()),
        _ => Err(format!("{} is not a number", f.0.field().path)),
    }
}

fn validate_cond(c: &Cond, scenario_ok: bool) -> Result<(), String> {
    if matches!(c.fact.0, FactRef::Scenario(_)) && !scenario_ok {
        return Err("scenario facts only in per-scenario rules".into());
    }
    let ty = c.fact.0.field().ty;
    let path = c.fact.0.field().path;
    let ok = match c.op {
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => match ty {
            Ty::Money | Ty::Count(_) | Ty::Percent | Ty::Measure => {
                c.value.as_ref().is_some_and(|v| v.num.is_some())
            }
            Ty::Day => c.value.as_ref().is_some_and(|v| v.date.is_some()),
            _ => false,
        },
        Op::IsTrue | Op::IsFalse => ty == Ty::Flag,
        Op::Eq => {
            matches!(ty, Ty::Choice(o) if c.value.as_ref().is_some_and(|v| o.contains(&v.text.as_str())))
        }
        Op::In => {
            matches!(ty, Ty::Choice(o) if !c.values.is_empty() && c.values.iter().all(|v| o.contains(&v.as_str())))
        }
        Op::Contains => {
            matches!(ty, Ty::Set(o) if c.value.as_ref().is_some_and(|v| o.contains(&v.text.as_str())))
        }
        Op::ContainsAny => {
            matches!(ty, Ty::Set(o) if !c.values.is_empty() && c.values.iter().all(|v| o.contains(&v.as_str())))
        }
    };
    if !ok {
        return Err(format!("condition {:?} does not fit fact {path}", c.op));
    }
    if let Some(r) = &c.relaxed {
        for w in &r.when {
            validate_cond(w, scenario_ok)?;
        }
    }
    Ok(())
}
