//! The 多年规划 (multi-year plan) page's model, with no web dependencies. What the user typed is a
//! calculator [`Form`] per year (same fields, same 万元/元 units, same checks); from it this module
//! builds the contract's plan (`{schema, region, compare, years}`), has the engine evaluate it
//! ([`subsidy_calc::plan::plan_value`], which carries the state from year to year), and turns the result
//! into what the page shows: the year-by-year table of awards, the figures per family for the
//! stacked chart, the policy end dates that fall within the plan, the comparison of regions with
//! what makes them differ, the share link and CSV. The Yew view only lays these out.
use crate::form::{
    Edit, Errors, Form, Lang, Msg, ScenarioKey, Unit, base64url, csv_cell, unbase64url,
};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use subsidy_calc::date::Date;
use subsidy_calc::money::{fixed2, human};
use subsidy_calc::plan::{self, PlanOutcome};
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{Family, Kind, RuleBook, Status};

mod views;
pub use views::{
    AwardRow, Cell, Marker, RegionRow, award_rows, compare_rows, csv, end_markers, family_stack,
};

/// The page offers plans of one to six years (the engine takes up to ten).
pub const MAX_PAGE_YEARS: usize = 6;

/// Every family, in the order the chart stacks them.
pub const FAMILIES: [Family; 5] = [
    Family::ComputeVoucher,
    Family::ModelFiling,
    Family::Scenario,
    Family::Listing,
    Family::Other,
];

/// The family's label on the chart and in the CSV.
pub fn family_label(f: Family) -> Msg {
    let (zh, en) = match f {
        Family::ComputeVoucher => ("算力", "Compute"),
        Family::ModelFiling => ("模型", "Models"),
        Family::Scenario => ("应用场景", "Scenarios"),
        Family::Listing => ("上市", "Listing"),
        Family::Other => ("其他", "Other"),
    };
    Msg {
        zh: zh.into(),
        en: en.into(),
    }
}

/// What the user set on the plan page: the whole state a share link keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanForm {
    pub region: String,
    pub unit: Unit,
    pub lang: Lang,
    /// The first calendar year; each year is evaluated on its 31 December.
    pub start: i32,
    /// Each year's figures (their own region, unit and date are set from the plan when built).
    pub years: Vec<Form>,
    /// The year a phone shows (one at a time); not part of the plan.
    pub shown: usize,
}

/// Everything the user can do on the plan page: the reducer's actions.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanEdit {
    Region(String),
    Unit(Unit),
    Lang(Lang),
    Start(i32),
    /// How many years (1 to [`MAX_PAGE_YEARS`]); new years start empty.
    Years(usize),
    /// A field's text in one year ("" clears it).
    Value(usize, String, String),
    AddScenario(usize),
    RemoveScenario(usize, u32),
    Scenario(usize, u32, ScenarioKey, String),
    /// Copies a year's figures (not the carried starting state) into every later year.
    CopyForward(usize),
    Show(usize),
    Replace(Box<PlanForm>),
    Reset,
}

impl PlanForm {
    /// An empty three-year plan starting this year.
    pub fn new(today: Date) -> PlanForm {
        PlanForm {
            region: Form::default().region,
            unit: Unit::Wan,
            lang: Lang::Zh,
            start: i32::from(today.year),
            years: vec![Form::default(); 3],
            shown: 0,
        }
    }

    /// The date a year is evaluated on.
    pub fn as_of(&self, i: usize) -> String {
        format!("{}-12-31", self.start + i as i32)
    }

    pub fn apply(&mut self, edit: PlanEdit) {
        let n = self.years.len();
        match edit {
            PlanEdit::Region(r) if subsidy_calc::input::regions().contains(&r.as_str()) => {
                self.region = r
            }
            PlanEdit::Unit(u) => {
                // Each year converts the amounts already typed, as the calculator does.
                for y in &mut self.years {
                    y.apply(Edit::Unit(u));
                }
                self.unit = u;
            }
            PlanEdit::Lang(l) => self.lang = l,
            PlanEdit::Start(y) if (2000..=2100).contains(&y) => self.start = y,
            PlanEdit::Start(_) => {}
            PlanEdit::Years(k) => {
                let k = k.clamp(1, MAX_PAGE_YEARS);
                let blank = Form {
                    unit: self.unit,
                    ..Form::default()
                };
                self.years.resize(k, blank);
                self.shown = self.shown.min(k - 1);
            }
            PlanEdit::Value(i, path, text) if i < n => self.years[i].apply(Edit::Value(path, text)),
            PlanEdit::AddScenario(i) if i < n => self.years[i].apply(Edit::AddScenario),
            PlanEdit::RemoveScenario(i, id) if i < n => {
                self.years[i].apply(Edit::RemoveScenario(id))
            }
            PlanEdit::Scenario(i, id, key, text) if i < n => {
                self.years[i].apply(Edit::Scenario(id, key, text))
            }
            PlanEdit::CopyForward(i) if i < n => {
                let carried = plan::carried_fields(subsidy_calc::rulebook::book());
                let mut from = self.years[i].clone();
                from.values.retain(|k| !carried.contains(&k));
                for y in &mut self.years[i + 1..] {
                    y.values = from.values.clone();
                    y.scenarios = from.scenarios.clone();
                }
            }
            PlanEdit::Show(i) => self.shown = i.min(n - 1),
            PlanEdit::Replace(p) => *self = *p,
            PlanEdit::Reset => {
                let start = self.start;
                *self = PlanForm {
                    region: self.region.clone(),
                    unit: self.unit,
                    lang: self.lang,
                    start,
                    years: vec![
                        Form {
                            unit: self.unit,
                            ..Form::default()
                        };
                        3
                    ],
                    shown: 0,
                };
            }
            _ => {}
        }
    }

    /// The contract's plan (`compare: true`), and the errors of each year's fields by
    /// `years[i].<path>`; a bad field is left out (and named) so every other figure still shows.
    /// A carried field (years already subsidised, amounts received) is read in the first year only:
    /// later years' are the engine's to carry.
    pub fn build(&self, book: &RuleBook, today: Date) -> (Value, Errors) {
        let carried = plan::carried_fields(book);
        let mut errors = Errors::default();
        let mut years = Vec::new();
        for (i, y) in self.years.iter().enumerate() {
            let mut f = y.clone();
            f.region = self.region.clone();
            f.unit = self.unit;
            f.as_of = Some(self.as_of(i));
            if i > 0 {
                f.values.retain(|k| !carried.contains(&k));
            }
            let built = f.build(today);
            for (p, m) in built.errors.0 {
                errors.insert(format!("years[{i}].{p}"), m);
            }
            let mut app = built.application;
            if let Some(o) = app.as_object_mut() {
                o.remove("schema");
                o.remove("region");
            }
            years.push(app);
        }
        let plan = json!({"schema": 2, "region": self.region, "compare": true, "years": years});
        (plan, errors)
    }

    /// The plan evaluated by the engine, or the errors it named.
    pub fn evaluate(
        &self,
        book: &'static RuleBook,
        today: Date,
    ) -> (Option<PlanOutcome<'static>>, Errors) {
        let (plan, mut errors) = self.build(book, today);
        match plan::plan_value(&plan, book, today) {
            Ok(o) => (Some(o), errors),
            Err(es) => {
                for e in es {
                    let zh = subsidy_calc::text::errors::zh(&e.message);
                    errors.insert(e.field.clone(), Msg { zh, en: e.message });
                }
                (None, errors)
            }
        }
    }

    /// The share-link fragment (`#p=`…): the plan form as compact JSON, base64url.
    pub fn to_fragment(&self) -> String {
        let years: Vec<Value> = self
            .years
            .iter()
            .map(|y| {
                let mut v = y.to_json();
                if let Some(o) = v.as_object_mut() {
                    for k in ["r", "u", "l", "d"] {
                        o.remove(k);
                    }
                }
                v
            })
            .collect();
        let mut first = Form {
            region: self.region.clone(),
            unit: self.unit,
            lang: self.lang,
            ..Form::default()
        }
        .to_json();
        if let Some(o) = first.as_object_mut() {
            o.remove("v");
            o.remove("s");
            o.insert("y".into(), json!(self.start));
            o.insert("n".into(), Value::Array(years));
        }
        format!("p={}", base64url(first.to_string().as_bytes()))
    }

    /// Reads a share link's fragment; None if it is not a plan link, never a panic.
    pub fn from_fragment(text: &str) -> Option<PlanForm> {
        let text = text.trim_start_matches('#').strip_prefix("p=")?;
        let bytes = unbase64url(text)?;
        let v = subsidy_calc::input::strict::parse(std::str::from_utf8(&bytes).ok()?).ok()?;
        let head = Form::from_json(&v)?;
        let start = v.get("y").and_then(Value::as_i64)?;
        let list = v.get("n").and_then(Value::as_array)?;
        if list.is_empty() || list.len() > MAX_PAGE_YEARS || !(2000..=2100).contains(&start) {
            return None;
        }
        let mut years = Vec::new();
        for y in list {
            let mut m: Map<String, Value> = y.as_object()?.clone();
            m.insert("r".into(), json!(head.region));
            let mut f = Form::from_json(&Value::Object(m))?;
            f.unit = head.unit;
            years.push(f);
        }
        Some(PlanForm {
            region: head.region,
            unit: head.unit,
            lang: head.lang,
            start: start as i32,
            years,
            shown: 0,
        })
    }
}
