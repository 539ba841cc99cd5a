//! The rule data's types. The data itself is `rules/*.toml`, read with these serde derives by the
//! rule book's loader (`subsidy-rulebook`: the engine's `build.rs`, the command line's
//! `check-rules`, host tests), checked as a whole, and baked into the engine as packed bytes
//! ([`crate::packed`]): nothing is parsed or checked at start-up, the bytes are read once.
//!
//! Text and lists are [`Str`] and [`List`]: borrowed from the baked bytes, owned when read at run time.
use crate::date::Date;
use crate::fields::FactRef;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub use crate::data::{List, Str};

/// An exact decimal, written as a string in the rule files.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct D(pub Decimal);

/// A condition's value, parsed when the data is read (at build time): the text (for choices), and
/// as a number or a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    pub text: Str,
    pub num: Option<Decimal>,
    pub date: Option<Date>,
}

/// A fact path resolved against the input table when the data is read (at build time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact(pub FactRef);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    ComputeVoucher,
    ModelFiling,
    Scenario,
    Listing,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    #[default]
    Enterprise,
    Scenario,
    /// Each project of a list field (`projects`) on its own: "单个项目", "每个项目".
    Project,
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
    /// A set fact holds at least one of `values`.
    ContainsAny,
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

/// The whole rule data: regions, stacking groups and documents with their clauses.
#[derive(Debug)]
pub struct RuleBook {
    pub version: Str,
    /// The rule data's earlier versions, as results named them (`rules_version`): a verification
    /// code made under one of them is told by name (`rules/regions.toml`'s `previous_versions`).
    pub previous_versions: List<Str>,
    pub regions: List<RegionDef>,
    pub groups: List<Group>,
    pub documents: List<Document>,
    /// Every rule id with its (document, rule) position, sorted, made on first use (batches only:
    /// the page never builds it, nor carries the code): [`RuleBook::rule`]. Public only so that
    /// the packed book can be read back as a struct literal.
    #[doc(hidden)]
    pub by_id: OnceLock<Vec<(Str, usize, usize)>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionDef {
    pub key: Str,
    pub name_zh: Str,
    pub name_en: Str,
    #[serde(default)]
    pub documents: List<Str>,
    /// The input fields (positions in `FIELDS`) some clause or check of the region reads, sorted;
    /// made when the data is read (and baked with it). An application's other fields are said to
    /// be unused, not refused (officials reuse one sheet for several regions).
    #[serde(skip)]
    pub reads: List<u32>,
    /// The same for the fields of a scenario project (positions in `SCENARIO_FIELDS`).
    #[serde(skip)]
    pub scenario_reads: List<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupMode {
    Highest,
    Stack,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: Str,
    pub mode: GroupMode,
    #[serde(default)]
    pub members: List<Str>,
    pub zh: Str,
    pub en: Str,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub key: Str,
    pub name_zh: Str,
    pub name_en: Str,
    pub seed: Str,
    pub status: DocStatus,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub published: Option<Date>,
    /// From this date to `valid_to` the document may already have ended (a start date left blank).
    pub uncertain_from: Option<Date>,
    /// The term the text gives from its start ("有效期三年"): a reform that dates the start moves
    /// the end with it.
    pub term_years: Option<u16>,
    /// Texts for the date checks; `{as_of}` is replaced by the calculation date.
    pub not_yet_zh: Option<Str>,
    pub not_yet_en: Option<Str>,
    pub expired_zh: Option<Str>,
    pub expired_en: Option<Str>,
    pub uncertain_zh: Option<Str>,
    pub uncertain_en: Option<Str>,
    pub dates_quote: Option<Str>,
    pub dates_zh: Option<Str>,
    pub dates_en: Option<Str>,
    pub notes_quote: Option<Str>,
    #[serde(default)]
    pub notes_zh: List<Str>,
    #[serde(default)]
    pub notes_en: List<Str>,
    #[serde(default, rename = "rule")]
    pub rules: List<Rule>,
    #[serde(default, rename = "check")]
    pub checks: List<Check>,
    /// The label every award of a draft carries, made when the data is read (and baked with it).
    #[serde(skip)]
    pub draft_note: Option<(Str, Str)>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: Str,
    pub family: Family,
    pub clause: Str,
    pub kind: Kind,
    pub title_zh: Str,
    pub title_en: Str,
    pub quote: Str,
    #[serde(default)]
    pub per: Per,
    /// With `per = "project"`: the list field whose entries are the projects, each paid (and
    /// capped, and rounded) on its own.
    pub projects: Option<Fact>,
    #[serde(default)]
    pub notes_zh: List<Str>,
    #[serde(default)]
    pub notes_en: List<Str>,
    #[serde(default)]
    pub requires: List<Cond>,
    pub formula: Option<Formula>,
    #[serde(default, rename = "variant")]
    pub variants: List<Variant>,
    pub otherwise_zh: Option<Str>,
    pub otherwise_en: Option<Str>,
    #[serde(default, rename = "aggregate_cap")]
    pub aggregate_caps: List<Cap>,
    /// false: listed with its figure but not added to the totals (an equity investment, 拨改投).
    #[serde(default = "yes")]
    pub in_totals: bool,
    /// Paid once ("一次性", a first recognition, a total over stages): in a plan over years, a later
    /// year says it was already counted. `once_zh/en` say how, where the default would not.
    #[serde(default)]
    pub once: bool,
    /// With `once`: paid once for each value of this set fact (each first recognition on its own),
    /// not once for the rule.
    pub once_each: Option<Fact>,
    pub once_zh: Option<Str>,
    pub once_en: Option<Str>,
    /// The figure is one total shared by every year of a plan ("分阶段给予最高800万元"): each year
    /// shows it as the most left of that total, and a plan's totals count it once.
    #[serde(default)]
    pub shared_over_years: bool,
    /// What a plan over years carries to the next year when this clause pays.
    #[serde(default)]
    pub carry: List<Carry>,
    /// The budget pool the text sets for this clause (reported by `batch`, scaled by `--pool prorata`).
    pub pool: Option<Pool>,
    /// The most places the text gives a year ("不超过10个"): reported by `batch`, never cut.
    pub limit: Option<Limit>,
    pub not_in_totals_zh: Option<Str>,
    pub not_in_totals_en: Option<Str>,
    /// Switched off by a reform (never by the rule files): listed as not eligible, for this reason.
    #[serde(skip)]
    pub off: Option<(Str, Str)>,
}

/// A pool of money the text sets for a clause, per year.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    pub amount: D,
    /// "不低于" (a floor, reported only) rather than "不超过" (a ceiling, which prorata enforces).
    #[serde(rename = "bound", deserialize_with = "crate::de::bound")]
    pub at_least: bool,
    pub quote: Str,
    pub zh: Str,
    pub en: Str,
}

/// A count limit the text sets: places for applicants, or for projects (scenario items).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    #[serde(deserialize_with = "crate::de::count")]
    pub count: u32,
    #[serde(rename = "per", deserialize_with = "crate::de::per_project")]
    pub projects: bool,
    pub quote: Str,
    pub zh: Str,
    pub en: Str,
}

/// How a plan carries a paying clause into the next year's input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
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

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carry {
    pub fact: Fact,
    pub op: CarryOp,
    pub from: Option<Fact>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cond {
    pub fact: Fact,
    pub op: Op,
    pub value: Option<Threshold>,
    #[serde(default)]
    pub values: List<Str>,
    pub zh: Option<Str>,
    pub en: Option<Str>,
    pub unit: Option<Str>,
    pub relaxed: Option<Relaxed>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relaxed {
    pub value: Threshold,
    pub zh: Str,
    pub en: Str,
    #[serde(default)]
    pub when: List<Cond>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    #[serde(default)]
    pub when: List<Cond>,
    pub kind: Option<Kind>,
    pub zh: Str,
    pub en: Str,
    pub formula: Option<Formula>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formula {
    #[serde(default)]
    pub terms: List<Term>,
    pub per_unit: Option<PerUnit>,
    pub fixed: Option<D>,
    pub range: Option<Range>,
    #[serde(default)]
    pub deduct: List<Deduct>,
    #[serde(default)]
    pub caps: List<Cap>,
    pub stage: Option<StageNote>,
    /// A step said whenever the formula applies (a reading the authority decides, say).
    pub note_zh: Option<Str>,
    pub note_en: Option<Str>,
    /// The `fixed` amount is the clause's cap of this scope, paid where no cost is entered
    /// ("按最高标准"): the text has one figure, so a reform of that cap moves it too, and `params`
    /// lists the cap alone.
    pub fixed_is_cap: Option<CapScope>,
    /// A reform set this formula's fixed amount: the steps say the figure is the reform's, not
    /// "条款规定" (set by a reform, never in the rule files).
    #[serde(skip)]
    pub fixed_by_reform: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub fact: Fact,
    pub rate: D,
    /// "30%", made when the data is read (and baked with it).
    #[serde(skip)]
    pub pct: Str,
    pub zh: Option<Str>,
    pub en: Option<Str>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    pub fact: Fact,
    pub amount: D,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: D,
    pub max: D,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deduct {
    pub fact: Fact,
    /// For a choice fact: the amount each value stands for.
    #[serde(default, deserialize_with = "crate::de::pairs")]
    pub table: List<(Str, D)>,
    pub zh: Str,
    pub en: Str,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    pub amount: Option<D>,
    pub rate: Option<D>,
    pub fact: Option<Fact>,
    pub less: Option<Fact>,
    pub scope: CapScope,
    /// "可以放宽": for these applicants the authority may relax the cap. The cap still binds the
    /// figure shown (no amount above a stated cap); the steps say it may be relaxed.
    pub relaxable_if: Option<Fact>,
    pub relaxed_zh: Option<Str>,
    pub relaxed_en: Option<Str>,
    /// For a fixed amount: its label (zh, en), made when the data is read (and baked with it).
    #[serde(skip)]
    pub label: Option<(Str, Str)>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageNote {
    pub fact: Fact,
    #[serde(deserialize_with = "crate::de::pairs")]
    pub zh: List<(Str, Str)>,
    #[serde(deserialize_with = "crate::de::pairs")]
    pub en: List<(Str, Str)>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: Str,
    pub clause: Str,
    pub title_zh: Str,
    pub title_en: Str,
    pub quote: Str,
    pub quote2: Option<Str>,
    #[serde(default)]
    pub entered: List<Fact>,
    #[serde(default)]
    pub requires: List<Cond>,
}

impl Cond {
    /// The facts the condition reads (its relaxed threshold's conditions too).
    fn facts(&self, out: &mut Vec<FactRef>) {
        out.push(self.fact.0);
        if let Some(r) = &self.relaxed {
            r.when.iter().for_each(|c| c.facts(out));
        }
    }
}

impl Formula {
    fn facts(&self, out: &mut Vec<FactRef>) {
        out.extend(self.terms.iter().map(|t| t.fact.0));
        out.extend(self.per_unit.iter().map(|p| p.fact.0));
        out.extend(self.deduct.iter().map(|d| d.fact.0));
        out.extend(self.stage.iter().map(|s| s.fact.0));
        self.caps.iter().for_each(|c| c.facts(out));
    }
}

impl Cap {
    fn facts(&self, out: &mut Vec<FactRef>) {
        out.extend(
            [self.fact, self.less, self.relaxable_if]
                .into_iter()
                .flatten()
                .map(|f| f.0),
        );
    }
}

impl Rule {
    /// Every fact the rule reads: its conditions, formulas, caps, projects and carried state.
    pub fn facts(&self) -> Vec<FactRef> {
        let mut out = Vec::new();
        self.requires.iter().for_each(|c| c.facts(&mut out));
        for v in self.variants.iter() {
            v.when.iter().for_each(|c| c.facts(&mut out));
            v.formula.iter().for_each(|f| f.facts(&mut out));
        }
        self.formula.iter().for_each(|f| f.facts(&mut out));
        self.aggregate_caps.iter().for_each(|c| c.facts(&mut out));
        out.extend(self.projects.iter().map(|f| f.0));
        out.extend(self.once_each.iter().map(|f| f.0));
        for c in self.carry.iter() {
            out.push(c.fact.0);
            out.extend(c.from.iter().map(|f| f.0));
        }
        out
    }
}

impl Check {
    /// Every fact the check reads.
    pub fn facts(&self) -> Vec<FactRef> {
        let mut out: Vec<FactRef> = self.entered.iter().map(|f| f.0).collect();
        self.requires.iter().for_each(|c| c.facts(&mut out));
        out
    }
}

impl RuleBook {
    /// Each region's fields read ([`RegionDef::reads`]), worked out from its documents' clauses.
    pub fn prepare_reads(&mut self) {
        use crate::fields::{DERIVED, FIELDS};
        let mut regions: Vec<RegionDef> = self.regions.to_vec();
        for r in &mut regions {
            let mut facts = Vec::new();
            for d in r.documents.iter().filter_map(|k| self.document(k)) {
                d.rules.iter().for_each(|x| facts.extend(x.facts()));
                d.checks.iter().for_each(|x| facts.extend(x.facts()));
            }
            let (mut fields, mut scenario) = (Vec::new(), Vec::new());
            for f in facts {
                match f {
                    FactRef::Field(i) => fields.push(i as u32),
                    FactRef::Scenario(i) => scenario.push(i as u32),
                    // A derived fact reads the fields it is made from.
                    FactRef::Derived(i) => fields.extend(
                        DERIVED[i]
                            .from
                            .iter()
                            .filter_map(|p| FIELDS.iter().position(|x| x.path == *p))
                            .map(|i| i as u32),
                    ),
                }
            }
            for l in [&mut fields, &mut scenario] {
                l.sort_unstable();
                l.dedup();
            }
            r.reads = List::from(fields);
            r.scenario_reads = List::from(scenario);
        }
        self.regions = List::from(regions);
    }
}

/// The value a table of pairs gives a key.
pub fn lookup<'t, T>(table: &'t [(Str, T)], key: &str) -> Option<&'t T> {
    table.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

impl Cap {
    /// The label of a fixed cap, made once when the data is read (and baked with it).
    pub fn prepare(&mut self) {
        if let Some(a) = self.amount {
            self.label = Some((
                format!("{} {}元", self.scope.zh(), crate::money::human(a.0)).into(),
                format!("{}: {}", self.scope.en(), a.0.normalize()).into(),
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

fn yes() -> bool {
    true
}
