//! The application (the contract's input): a validator that walks the JSON, names every bad field,
//! and yields typed values. The fields themselves are a table (`subsidy_model::fields`, shared with
//! the rule data's build-time checks); rules refer to them by path.
use crate::date::Date;
use crate::money::parse_plain;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value as Json;

/// The most a money figure may be: 1,000,000,000,000 yuan (一万亿元). Anything larger is a typo.
pub const MAX_MONEY: i64 = 1_000_000_000_000;
pub const MAX_SCENARIOS: usize = 200;

mod builder;
pub mod strict;
use Ty::*;
pub use builder::Builder;
use subsidy_model::fields::is_section;
pub use subsidy_model::fields::{
    CHOICE_LABELS, DERIVED, Derived, FIELDS, FactRef, Field, RECOGNITIONS, SCENARIO_FIELDS, Ty,
    choice_label, field, field_index, fields_markdown,
};

#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Num(Decimal),
    Flag(bool),
    Choice(&'static str),
    Set(Box<[&'static str]>),
    Date(Option<Date>),
    Text(Box<str>),
    /// An amount for each project (`Ty::Amounts`).
    List(Box<[Decimal]>),
}

impl Val {
    fn default_for(ty: Ty) -> Val {
        match ty {
            Money | Count(_) | Percent | Growth => Val::Num(Decimal::ZERO),
            Amounts => Val::List(Box::default()),
            Flag => Val::Flag(false),
            Choice(opts) => Val::Choice(opts[0]),
            Set(_) => Val::Set(Box::default()),
            Day => Val::Date(None),
            Text => Val::Text(Box::default()),
            Measure => Val::Num(Decimal::ZERO),
        }
    }

    /// A number's value; a list's sum (what a clause that does not pay each project reads).
    pub fn num(&self) -> Decimal {
        match self {
            Val::Num(d) => *d,
            Val::Flag(b) => Decimal::from(u8::from(*b)),
            Val::List(l) => l.iter().sum(),
            _ => Decimal::ZERO,
        }
    }

    /// Whether the value differs from its type's default (a choice's default is its first value).
    pub fn is_entered(&self, ty: Ty) -> bool {
        self.is_set() && *self != Val::default_for(ty)
    }

    /// Whether the user entered something that is not the default.
    pub fn is_set(&self) -> bool {
        match self {
            Val::Num(d) => !d.is_zero(),
            Val::Flag(b) => *b,
            Val::Choice(c) => *c != "none",
            Val::Set(s) => !s.is_empty(),
            Val::Date(d) => d.is_some(),
            Val::Text(t) => !t.is_empty(),
            Val::List(l) => l.iter().any(|d| !d.is_zero()),
        }
    }
}

/// Where a clause is evaluated: for the enterprise (None), for one scenario project, or for one
/// entry of a list field (a per-project clause: that field reads as the entry alone).
#[derive(Clone, Debug)]
pub enum At<'s> {
    Scenario(&'s Scenario),
    /// `FIELDS[.0]` read as the one amount `.1`.
    Entry(usize, Val),
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub values: Vec<Val>,
}

impl Scenario {
    pub fn name(&self) -> &str {
        match &self.values[0] {
            Val::Text(t) => t,
            _ => "",
        }
    }
}

/// A validated application.
#[derive(Clone, Debug)]
pub struct Application {
    /// A region key of the rule data (`rules/regions.toml`).
    pub region: String,
    pub as_of: Date,
    pub values: Vec<Val>,
    pub scenarios: Vec<Scenario>,
    derived: Vec<Val>,
    /// Set by a plan over years, never by the input: one-time clauses already counted (each value
    /// of a `once_each` fact on its own), with the date of the year that counted them.
    pub paid_once: Vec<PaidOnce>,
    /// Set by a plan over years: the stages of a staged award (`shared_over_years` with a stage
    /// fact) counted in earlier years, each with its year.
    pub stages_counted: Vec<PaidOnce>,
    /// Set by a plan over years: the fields whose values the engine carried from the years before
    /// (years already subsidised, amounts received), not entered for this year.
    pub carried: Vec<&'static str>,
    /// How much the engine writes: every step and reason in both languages (the contract's
    /// result), or the figures only (no text at all: batches, `{detail: 'figures'}`).
    pub detail: Detail,
}

/// A one-time clause counted in an earlier year of a plan: the clause, the thing it was paid for
/// (a first recognition, for a clause paid once per value of a set fact), and the year's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaidOnce {
    pub id: String,
    pub thing: Option<&'static str>,
    pub year: Date,
}

/// How much an evaluation writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Detail {
    /// Steps, reasons and notes in Chinese and English: the contract's full result.
    #[default]
    Full,
    /// Kinds, figures, caps and totals; no text is formatted.
    Figures,
}

impl Detail {
    /// `"full"` (the default) or `"figures"`, as the JS API's option and the CLI's `--detail` say.
    pub fn parse(text: &str) -> Option<Detail> {
        match text {
            "full" => Some(Detail::Full),
            "figures" => Some(Detail::Figures),
            _ => None,
        }
    }
}

impl Application {
    /// Reads one value in each cache line of the application's fields (derived facts and projects
    /// too) before the rules do. The rules read the fields in the rule data's order, each read
    /// deciding a branch: with an application not in cache (a list of stored applications, as the
    /// 100,000-application benchmark keeps), each read waited for memory in turn (perf, 2026-11-26:
    /// `conditions::holds` a third of the time, a seventh of the instructions). These reads do not
    /// depend on each other, so the memory system fetches the lines together. Returns a count only
    /// so that the reads are kept.
    pub fn prefetch(&self) -> usize {
        let step = (64 / std::mem::size_of::<Val>()).max(1);
        let lists = [&self.values, &self.derived]
            .into_iter()
            .chain(self.scenarios.iter().map(|s| &s.values));
        lists
            .flat_map(|l| l.iter().step_by(step))
            .filter(|v| matches!(v, Val::Num(_)))
            .count()
    }

    pub fn value<'s>(&'s self, fact: FactRef, at: Option<&'s At<'s>>) -> &'s Val {
        match (fact, at) {
            (FactRef::Field(i), Some(At::Entry(j, v))) if i == *j => v,
            (FactRef::Field(i), _) => &self.values[i],
            (FactRef::Derived(i), _) => &self.derived[i],
            (FactRef::Scenario(i), Some(At::Scenario(s))) => &s.values[i],
            (FactRef::Scenario(i), _) => &scenario_defaults()[i],
        }
    }

    /// A copy with one numeric field set (derived facts follow), or None for an unknown field. A
    /// list field becomes a list of that one amount.
    pub fn with_number(&self, path: &str, value: Decimal) -> Option<Application> {
        let i = FIELDS.iter().position(|f| f.path == path)?;
        let mut app = self.clone();
        app.values[i] = match FIELDS[i].ty {
            Amounts => Val::List(Box::new([value])),
            _ => Val::Num(value),
        };
        app.derive();
        Some(app)
    }

    pub fn get(&self, path: &str) -> Option<&Val> {
        FactRef::resolve(path).map(|r| self.value(r, None))
    }

    /// Works out the derived facts, each by its own entry of `DERIVED` (exact: conditions compare
    /// unrounded values).
    fn derive(&mut self) {
        let mut args = Vec::new();
        self.derived = DERIVED
            .iter()
            .zip(derived_sources())
            .map(|(d, from)| {
                args.clear();
                args.extend(
                    from.iter()
                        .map(|i| i.map(|i| self.values[i].num()).unwrap_or_default()),
                );
                Val::Num((d.compute)(&args))
            })
            .collect();
    }
}

/// What a scenario field reads outside a project (never asked by valid rule data): its type's
/// default, made once.
fn scenario_defaults() -> &'static [Val] {
    static DEFAULTS: std::sync::OnceLock<Vec<Val>> = std::sync::OnceLock::new();
    DEFAULTS.get_or_init(|| {
        SCENARIO_FIELDS
            .iter()
            .map(|f| Val::default_for(f.ty))
            .collect()
    })
}

/// Where each derived fact's sources sit in `FIELDS`, looked up once (not by path for every
/// application); a path that is no field reads as zero, as it always has (`tests/rules.rs` checks
/// there is none).
fn derived_sources() -> &'static [Vec<Option<usize>>] {
    static AT: std::sync::OnceLock<Vec<Vec<Option<usize>>>> = std::sync::OnceLock::new();
    AT.get_or_init(|| {
        DERIVED
            .iter()
            .map(|d| {
                d.from
                    .iter()
                    .map(|p| FIELDS.iter().position(|f| f.path == *p))
                    .collect()
            })
            .collect()
    })
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// The message in Chinese where its maker says it (a reform's errors: their words are not in
    /// the engine's table, so the calculator page does not carry them); otherwise the table's.
    #[serde(skip)]
    pub message_zh: Option<String>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
            message_zh: None,
        }
    }
}

/// A JSON syntax error on `(json)`; a key given twice on that key.
impl From<strict::JsonError> for FieldError {
    fn from(e: strict::JsonError) -> FieldError {
        match e.path {
            Some(path) => FieldError::new(path, e.message),
            None => FieldError::new("(json)", format!("malformed JSON: {}", e.message)),
        }
    }
}

fn err(field: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(field, message)
}

/// Sets a dotted path (`other.shanghai.x`) in a JSON object, creating the objects on the way. Where
/// the way holds something that is not an object, nothing is set (a validator then names it).
pub fn set_path(root: &mut serde_json::Map<String, Json>, path: &str, v: Json) {
    let mut cur = root;
    let mut parts = path.split('.').peekable();
    while let Some(p) = parts.next() {
        if parts.peek().is_none() {
            cur.insert(p.to_string(), v);
            return;
        }
        let next = cur
            .entry(p.to_string())
            .or_insert_with(|| Json::Object(serde_json::Map::new()));
        let Json::Object(m) = next else { return };
        cur = m;
    }
}

/// The largest application text read (1 MiB). The largest real application — 200 scenario
/// projects with long names — is under 100 KB; anything bigger is a mistake or an attack.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// At most this many field errors are listed; a last entry counts the rest.
pub const MAX_ERRORS: usize = 100;

/// Reads JSON text as the command line and the page receive it: at most 1 MiB, a UTF-8
/// byte-order mark (what Windows tools write) skipped, a syntax error reported on `(json)` and a
/// key given twice on that key.
pub fn json_text(text: &str) -> Result<Json, Vec<FieldError>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(vec![err(
            "(input)",
            format!(
                "too large: {} bytes; the input is at most {MAX_INPUT_BYTES} bytes (1 MiB)",
                text.len()
            ),
        )]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    strict::parse(text).map_err(|e| vec![e.into()])
}

/// Parses contract JSON text (see [`json_text`]).
pub fn parse_text(text: &str, today: Date) -> Result<Application, Vec<FieldError>> {
    parse_value(&json_text(text)?, today)
}

/// The schema-1 scenario flag, split in schema 2: saying what replaced it.
const SELECTED_REPLACED: &str = "replaced in schema 2 by two facts: city_selected (selected by the \
CITY: Wuhan 七, Hangzhou 三(八)) and district_selected (selected or supported by the DISTRICT: \
Hongshan 9, Qiaokou 9); give whichever is true";

/// The regions of the embedded rule data: the one list of regions (`rules/regions.toml`), made
/// once (a batch validates every row against it).
pub fn regions() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let book = crate::rulebook::book();
        book.regions.iter().map(|r| r.key.as_str()).collect()
    })
}

/// Validates a JSON application against the embedded rule data's regions; `today` is the default
/// for `as_of`.
pub fn parse_value(json: &Json, today: Date) -> Result<Application, Vec<FieldError>> {
    parse_value_in(json, today, regions())
}

/// Validates a JSON application against the given regions (a rule set's own: a new district is
/// a region of its data, nothing else).
pub fn parse_value_in(
    json: &Json,
    today: Date,
    regions: &[&str],
) -> Result<Application, Vec<FieldError>> {
    read(json, today, regions)?.finish()
}

/// Reads an application leniently, as the page does on every keystroke: every bad field named,
/// and the application made of the others (each bad field left at its default), so that every
/// other figure still shows. None only where there is no region to evaluate for (or no object).
/// One read: the page validates nothing twice.
pub fn parse_lenient(json: &Json, today: Date) -> (Option<Application>, Vec<FieldError>) {
    match read(json, today, regions()) {
        Ok(b) => b.finish_lenient(),
        Err(e) => (None, e),
    }
}

/// Every key of a JSON application into a [`Builder`] (each value checked and stored, or named).
fn read<'r>(
    json: &Json,
    today: Date,
    regions: &'r [&'r str],
) -> Result<Builder<'r>, Vec<FieldError>> {
    let Some(root) = json.as_object() else {
        return Err(vec![err("(root)", "the application must be a JSON object")]);
    };
    let mut b = Builder::new(today, regions);
    for (key, v) in root {
        match key.as_str() {
            "schema" | "as_of" | "region" => b.top(key, v),
            "scenarios" => match v {
                Json::Array(items) if items.len() <= MAX_SCENARIOS => {
                    for item in items {
                        let s = b.scenario();
                        let Some(map) = item.as_object() else {
                            b.errors
                                .push(err(&format!("scenarios[{s}]"), "must be an object"));
                            continue;
                        };
                        for (k, v) in map {
                            match SCENARIO_FIELDS.iter().position(|f| f.path == k) {
                                Some(i) => b.scenario_field(s, i, v),
                                None => b.errors.push(err(
                                    &format!("scenarios[{s}].{k}"),
                                    if k == "selected" {
                                        SELECTED_REPLACED
                                    } else {
                                        "unknown field"
                                    },
                                )),
                            }
                        }
                    }
                }
                Json::Array(_) => b.errors.push(err(
                    "scenarios",
                    format!("too many projects: at most {MAX_SCENARIOS}"),
                )),
                Json::Null => {}
                _ => b
                    .errors
                    .push(err("scenarios", "must be a list of projects")),
            },
            _ => walk(key, &mut key.clone(), v, &mut b),
        }
    }
    Ok(b)
}

/// One key of the application: `key` is this level's own key, `path` the dotted path to it (one
/// buffer for the whole walk: a batch validates every key of every row). A key is one level:
/// `"other.shanghai.x"` written as one key is refused (it would be a second spelling of the nested
/// field).
fn walk(key: &str, path: &mut String, v: &Json, b: &mut Builder) {
    if key.contains('.') {
        b.errors.push(err(
            path,
            "unknown field: a key is one level (nest it as {\"other\": {\"shanghai\": …}}), \
             never a dotted path",
        ));
        return;
    }
    if let Some(i) = field_index(path) {
        b.field(i, v);
        return;
    }
    let n = path.len();
    if path == "years" || path == "compare" {
        // A plan given where an application is read.
        b.errors.push(err(
            path,
            "unknown field: an application has no years or compare (a plan over years: subsidy-calc plan, subsidyCalc.plan)",
        ));
        return;
    }
    if !is_section(path) {
        b.errors.push(err(path, "unknown field"));
        return;
    }
    match v {
        Json::Object(map) => {
            for (k, inner) in map {
                path.push('.');
                path.push_str(k);
                walk(k, path, inner, b);
                path.truncate(n);
            }
        }
        Json::Null => {}
        _ => b.errors.push(err(path, "must be an object")),
    }
}

/// The decimals a number field takes.
fn decimals(ty: Ty) -> u32 {
    if matches!(ty, Count(_)) { 0 } else { 2 }
}

/// The most projects a list field holds (as many as scenario projects).
pub const MAX_ENTRIES: usize = MAX_SCENARIOS;

/// Growth in percent: a fall of at most 100% (nothing left), a rise of at most 100,000%.
const MAX_GROWTH: i64 = 100_000;

/// A number field's value, within its type's range.
fn ranged(ty: Ty, d: Decimal) -> Result<Val, String> {
    // No larger than its mantissa (the scale only divides): a mantissa within the limit is within
    // it, with no decimal comparison (a batch checks several numbers per row).
    let within = |limit: i128| d.mantissa() <= limit;
    match ty {
        Money if within(i128::from(MAX_MONEY)) => Ok(Val::Num(d)),
        Percent if within(100) => Ok(Val::Num(d)),
        Growth if d >= -Decimal::ONE_HUNDRED && d <= Decimal::from(MAX_GROWTH) => Ok(Val::Num(d)),
        Growth => Err(format!(
            "a change in percent must be between -100 and {MAX_GROWTH}"
        )),
        Count(max) if within(i128::from(max)) => Ok(Val::Num(d)),
        Money if d > Decimal::from(MAX_MONEY) => {
            Err("absurdly large: at most 1,000,000,000,000 yuan".into())
        }
        Percent if d > Decimal::ONE_HUNDRED => Err("a percentage must be between 0 and 100".into()),
        Count(max) if d > Decimal::from(max) => Err(format!("absurdly large: at most {max}")),
        _ => Ok(Val::Num(d)),
    }
}

/// A number field's value from a spreadsheet cell's text, exactly as [`parse_field`] takes the
/// same text given as a JSON string (None: not a number field). A batch reads several per row, and
/// this skips making each a JSON string first.
pub fn number_text(ty: Ty, text: &str) -> Option<Result<Val, String>> {
    match ty {
        Money | Percent | Count(_) => Some(
            parse_plain(text, decimals(ty))
                .map_err(str::to_string)
                .and_then(|d| ranged(ty, d)),
        ),
        Growth => Some(signed(text).and_then(|d| ranged(ty, d))),
        _ => None,
    }
}

/// A change in percent as text: an optional minus (ASCII or the typographic −), then a plain
/// decimal with at most two decimals.
fn signed(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    match t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
        Some(rest) => parse_plain(rest, 2).map(|d| -d).map_err(str::to_string),
        None => parse_plain(t, 2).map_err(str::to_string),
    }
}

/// A list field's entries: one amount, or a list of amounts (each checked as an amount, named by
/// its place in the error).
fn amounts(v: &Json) -> Result<Val, String> {
    let one = |v: &Json| ranged(Money, number(v, 2)?).map(|x| x.num());
    match v {
        Json::Array(items) if items.len() > MAX_ENTRIES => {
            Err(format!("too many projects: at most {MAX_ENTRIES}"))
        }
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| one(x).map_err(|m| format!("[{i}]: {m}")))
            .collect::<Result<Vec<_>, _>>()
            .map(|l| Val::List(l.into_boxed_slice())),
        other => one(other).map(|d| Val::List(Box::new([d]))),
    }
}

/// A text field's value: at most 200 characters.
pub fn text_value(s: &str) -> Result<Val, String> {
    if s.chars().count() > 200 {
        return Err("too long: at most 200 characters".into());
    }
    Ok(Val::Text(s.into()))
}

/// One value by its type; `Ok(None)` for JSON null (= absent).
pub fn parse_field(ty: Ty, v: &Json) -> Result<Option<Val>, String> {
    if v.is_null() {
        return Ok(None);
    }
    let val = match ty {
        Money | Percent | Count(_) => ranged(ty, number(v, decimals(ty))?)?,
        Growth => match v {
            Json::String(t) => ranged(ty, signed(t)?)?,
            Json::Number(n) => ranged(ty, signed(&n.to_string())?)?,
            _ => return Err("not a number: give a percentage such as \"-10\" or \"150\"".into()),
        },
        Amounts => amounts(v)?,
        Flag => Val::Flag(v.as_bool().ok_or("must be true or false")?),
        Choice(opts) => {
            let s = v
                .as_str()
                .ok_or_else(|| format!("unknown value: use one of {}", opts.join(", ")))?;
            Val::Choice(
                opts.iter().find(|o| **o == s).ok_or_else(|| {
                    format!("unknown value \"{s}\": use one of {}", opts.join(", "))
                })?,
            )
        }
        Set(opts) => {
            let items = v.as_array().ok_or("must be a list")?;
            let mut out: Vec<&'static str> = Vec::new();
            for item in items {
                let s = item.as_str().unwrap_or("");
                let found = opts.iter().find(|o| **o == s).ok_or_else(|| {
                    format!("unknown value \"{s}\": use any of {}", opts.join(", "))
                })?;
                if !out.contains(found) {
                    out.push(found);
                }
            }
            Val::Set(out.into_boxed_slice())
        }
        Day => Val::Date(Some(
            v.as_str()
                .and_then(crate::date::Date::parse)
                .ok_or("malformed date: use YYYY-MM-DD")?,
        )),
        Measure => return Err("a derived figure is worked out, not entered".into()),
        Text => text_value(v.as_str().ok_or("must be text")?)?,
    };
    Ok(Some(val))
}

/// A number given as a decimal string or a JSON number. A JSON number is read from its exact
/// text (serde_json's `arbitrary_precision`): never through a float, so `1000000.00000000001` is
/// refused for its decimals rather than read as 1000000, and a huge exponent is refused rather
/// than read as 0. A minus sign is refused (`-1`, `"-0.5"`), except on zero: `-0`, `-0.0` and
/// `"-0"` are zero.
fn number(v: &Json, decimals: u32) -> Result<Decimal, String> {
    let text = match v {
        Json::String(s) => s,
        Json::Number(n) => {
            let t = n.to_string();
            if let Some(rest) = t.strip_prefix('-') {
                return match crate::money::parse_json_number(rest, decimals) {
                    Ok(d) if d.is_zero() => Ok(Decimal::ZERO),
                    Ok(_) => Err("must not be negative".into()),
                    Err(e) => Err(e.to_string()),
                };
            }
            return crate::money::parse_json_number(&t, decimals).map_err(str::to_string);
        }
        _ => return Err("not a number: give a decimal string such as \"1250000.50\"".into()),
    };
    parse_plain(text, decimals).map_err(str::to_string)
}
