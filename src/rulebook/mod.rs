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

mod book;
mod load;
mod validate;
use load::load_book;
use validate::{validate_cond, validate_rule};

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
