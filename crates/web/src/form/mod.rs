//! The calculator form's model, with no web dependencies: what the user typed (as text, so a bad
//! entry is kept and marked, never lost), turned into a contract application; the share-link
//! encoding; the cap charts and hints, sampled through the engine itself (no formula is repeated
//! here); the region comparison; and CSV export. The Yew app only renders what this module gives.
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use subsidy_calc::date::Date;
use subsidy_calc::engine;
use subsidy_calc::input::{self, Application, DERIVED, FIELDS, Ty};
use subsidy_calc::money::in_wan;
use subsidy_calc::result::{Award, Outcome};
use subsidy_calc::rulebook::{Cond, Formula, Kind, Per, Rule, RuleBook, Status};

mod results;
mod share;
mod typed;
pub(crate) use results::csv_cell;
pub use results::{Curve, RegionSummary, compare, csv, curve, region_fields, region_has_scenarios};
pub use share::{base64url, fragment_code, unbase64url};
pub use typed::parse_amount;
use typed::{parse_amounts, parse_number};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Wan,
    Yuan,
}

impl Unit {
    /// How amounts in this unit are labelled beside a box.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Unit::Wan => "万元",
            Unit::Yuan => lang.t("元", "yuan"),
        }
    }
}

/// The page's language: the engine's, which writes a result's words in it.
pub use subsidy_calc::text::Lang;

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
/// The text typed in each field, by its dotted path, in path order. Held in serde_json's map, which
/// the page carries anyway: a second map type (`BTreeMap<String, String>`) cost ~8 KB of wasm.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Texts(Map<String, Value>);

// Every value is a string, and strings compare reflexively.
impl Eq for Texts {}

impl Texts {
    pub fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).and_then(Value::as_str)
    }
    pub fn insert(&mut self, path: String, text: String) {
        self.0.insert(path, Value::String(text));
    }
    pub fn remove(&mut self, path: &str) {
        self.0.remove(path);
    }
    pub fn contains_key(&self, path: &str) -> bool {
        self.0.contains_key(path)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Each path with its text, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &str)> {
        self.0.iter().filter_map(|(k, v)| Some((k, v.as_str()?)))
    }
    /// Each path with its text to change.
    pub fn for_each_mut(&mut self, mut f: impl FnMut(&str, &mut String)) {
        for (k, v) in self.0.iter_mut() {
            if let Value::String(s) = v {
                f(k, s);
            }
        }
    }
    /// Keeps the fields whose path `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|k, _| keep(k));
    }
    /// As the JSON object the share link and the stored form hold.
    pub fn to_json(&self) -> Value {
        Value::Object(self.0.clone())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub region: String,
    pub unit: Unit,
    pub lang: Lang,
    /// Field path → the text as typed ("true" for a ticked box, the value for a choice,
    /// comma-separated values for a set).
    pub values: Texts,
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
            values: Texts::default(),
            scenarios: Vec::new(),
            as_of: None,
            notice: None,
        }
    }
}

/// The contract application a form stands for, with the bad fields left out and named, and the
/// application the engine read from it (once: the page evaluates it, and the comparison evaluates
/// it for every region, without reading it again).
#[derive(Clone, Debug)]
pub struct Built {
    pub application: Value,
    pub app: Option<Application>,
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
        self.values.get(path).unwrap_or("")
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
        for (path, text) in self.values.iter() {
            let Some(f) = input::field(path) else {
                continue;
            };
            let v = match f.ty {
                Ty::Money => parse_amount(text, self.unit).map(|d| d.map(|d| json!(d.to_string()))),
                Ty::Amounts => parse_amounts(text, self.unit),
                Ty::Count(_) | Ty::Percent | Ty::Growth => parse_number(text, f.ty),
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
                Ok(Some(v)) => subsidy_calc::input::set_path(&mut root, path, v),
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
        // One lenient read: whatever the engine still refuses (a date, a count too large…) is
        // named and left out, and the application of the rest is the one evaluated.
        let mut application = Value::Object(root);
        let (app, errs) = input::parse_lenient(&application, today);
        if let Value::Object(root) = &mut application {
            for e in errs {
                remove(root, &e.field);
                let zh = subsidy_calc::text::errors::zh(&e.message);
                errors.insert(e.field.clone(), Msg::new(zh, e.message));
            }
        }
        Built {
            application,
            app,
            errors,
        }
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
                self.values.for_each_mut(|path, text| {
                    if input::field(path).is_some_and(|f| f.ty == Ty::Money) {
                        convert(text, from);
                    }
                });
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
