//! The rule data: its types, and the loader that checks what a rule file says makes sense (known
//! facts, known operators, unique ids, groups naming real rules). The data itself is `rules/*.toml`,
//! turned into JSON by `build.rs` and embedded in the binary.
use crate::date::Date;
use crate::input::{FactRef, Ty};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;
use std::sync::OnceLock;

pub const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));
pub const RULES_HASH: &str = env!("RULES_HASH");

/// An exact decimal written as a string in the rule files.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct D(pub Decimal);

impl<'de> Deserialize<'de> for D {
    fn deserialize<De: Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        let s = String::deserialize(d)?;
        Decimal::from_str(&s)
            .map(D)
            .map_err(|_| serde::de::Error::custom(format!("not a decimal: {s}")))
    }
}

/// A condition's value, parsed once at load: the text (for choices), and as a number or a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    pub text: String,
    pub num: Option<Decimal>,
    pub date: Option<Date>,
}

impl<'de> Deserialize<'de> for Threshold {
    fn deserialize<De: Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        let text = String::deserialize(d)?;
        Ok(Threshold {
            num: Decimal::from_str(&text).ok(),
            date: Date::parse(&text),
            text,
        })
    }
}

/// A fact path resolved against the input table at load time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact(pub FactRef);

impl<'de> Deserialize<'de> for Fact {
    fn deserialize<De: Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        let s = String::deserialize(d)?;
        FactRef::resolve(&s)
            .map(Fact)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown fact `{s}`")))
    }
}

fn date<'de, De: Deserializer<'de>>(d: De) -> Result<Option<Date>, De::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    match s {
        None => Ok(None),
        Some(s) => Date::parse(&s)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("bad date {s}"))),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    ComputeVoucher,
    ModelFiling,
    Scenario,
    Listing,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Exact,
    UpTo,
    Range,
    Unspecified,
    CaseByCase,
    NotEligible,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    InForce,
    Draft,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    #[default]
    Enterprise,
    Scenario,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    pub version: String,
    pub regions: Vec<RegionDef>,
    pub groups: Vec<Group>,
    pub documents: Vec<Document>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionDef {
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub documents: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupMode {
    Highest,
    Stack,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub mode: GroupMode,
    pub members: Vec<String>,
    #[serde(default)]
    pub quote_rule: Option<String>,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub seed: String,
    pub status: DocStatus,
    #[serde(default, deserialize_with = "date")]
    pub valid_from: Option<Date>,
    #[serde(default, deserialize_with = "date")]
    pub valid_to: Option<Date>,
    #[serde(default, deserialize_with = "date")]
    pub published: Option<Date>,
    #[serde(default)]
    pub dates_quote: Option<String>,
    #[serde(default)]
    pub dates_zh: Option<String>,
    #[serde(default)]
    pub dates_en: Option<String>,
    #[serde(default)]
    pub notes_quote: Option<String>,
    #[serde(default)]
    pub notes_zh: Vec<String>,
    #[serde(default)]
    pub notes_en: Vec<String>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<Rule>,
    #[serde(default, rename = "check")]
    pub checks: Vec<Check>,
    /// The label every award of a draft carries, made once at load.
    #[serde(skip)]
    pub draft_note: Option<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub family: Family,
    pub clause: String,
    pub kind: Kind,
    pub title_zh: String,
    pub title_en: String,
    pub quote: String,
    #[serde(default)]
    pub per: Per,
    #[serde(default)]
    pub notes_zh: Vec<String>,
    #[serde(default)]
    pub notes_en: Vec<String>,
    #[serde(default)]
    pub requires: Vec<Cond>,
    #[serde(default)]
    pub formula: Option<Formula>,
    #[serde(default, rename = "variant")]
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub otherwise_zh: Option<String>,
    #[serde(default)]
    pub otherwise_en: Option<String>,
    #[serde(default, rename = "aggregate_cap")]
    pub aggregate_caps: Vec<Cap>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cond {
    pub fact: Fact,
    pub op: Op,
    #[serde(default)]
    pub value: Option<Threshold>,
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default)]
    pub zh: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub relaxed: Option<Relaxed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relaxed {
    pub value: Threshold,
    pub zh: String,
    pub en: String,
    pub when: Vec<Cond>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub when: Vec<Cond>,
    #[serde(default)]
    pub kind: Option<Kind>,
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub formula: Option<Formula>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formula {
    #[serde(default)]
    pub terms: Vec<Term>,
    #[serde(default)]
    pub per_unit: Option<PerUnit>,
    #[serde(default)]
    pub fixed: Option<D>,
    #[serde(default)]
    pub range: Option<Range>,
    #[serde(default)]
    pub deduct: Vec<Deduct>,
    #[serde(default)]
    pub caps: Vec<Cap>,
    #[serde(default)]
    pub stage: Option<StageNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub fact: Fact,
    pub rate: D,
    /// "30%", made once at load.
    #[serde(skip)]
    pub pct: String,
    #[serde(default)]
    pub zh: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    pub fact: Fact,
    pub amount: D,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: D,
    pub max: D,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deduct {
    pub fact: Fact,
    #[serde(default)]
    pub table: BTreeMap<String, D>,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    #[serde(default)]
    pub amount: Option<D>,
    #[serde(default)]
    pub rate: Option<D>,
    #[serde(default)]
    pub fact: Option<Fact>,
    #[serde(default)]
    pub less: Option<Fact>,
    pub scope: CapScope,
    #[serde(default)]
    pub waived_if: Option<Fact>,
    #[serde(default)]
    pub waived_zh: Option<String>,
    #[serde(default)]
    pub waived_en: Option<String>,
    /// For a fixed amount: its label (zh, en), made once at load.
    #[serde(skip)]
    pub label: Option<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageNote {
    pub fact: Fact,
    pub zh: BTreeMap<String, String>,
    pub en: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub clause: String,
    pub title_zh: String,
    pub title_en: String,
    pub quote: String,
    #[serde(default)]
    pub quote2: Option<String>,
    pub entered: Vec<Fact>,
    pub requires: Vec<Cond>,
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

impl RuleBook {
    /// Parses and checks rule data. Errors name the rule and what is wrong.
    pub fn from_json(text: &str) -> Result<RuleBook, String> {
        let mut book: RuleBook =
            serde_json::from_str(text).map_err(|e| format!("rule data: {e}"))?;
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
        Ty::Money | Ty::Count(_) | Ty::Percent => Ok(()),
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
            Ty::Money | Ty::Count(_) | Ty::Percent => {
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
