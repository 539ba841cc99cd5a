//! A plan over years (`subsidy-calc plan`, `subsidyCalc.plan`; the contract's "A plan over years"):
//! each year is an application evaluated on its own date, and the engine carries the state forward
//! itself — years already subsidised, amounts already received, one-time awards already counted,
//! levels already awarded — as each rule's `carry` and `once` say. A pure function over
//! [`engine::evaluate`]; nothing here knows a policy.
use crate::date::Date;
use crate::engine;
use crate::input::{self, FieldError, PaidOnce};
use crate::money::{Yuan, human, parse_json_number, plain_decimal};
use crate::result::{Outcome, Total};
use crate::rulebook::{CarryOp, Kind, RuleBook, Status};
use crate::text::Lang;
use crate::text::Line;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// At most this many years in a plan (the policies in the sources run five years at most).
pub const MAX_YEARS: usize = 10;

#[derive(Debug, Serialize)]
pub struct PlanOutcome<'a> {
    pub schema: u32,
    pub region: String,
    pub years: Vec<Year<'a>>,
    pub total: Total,
    /// The whole plan's verification code: its region, each year's code and the totals.
    pub code: String,
    /// With `"compare": true`: the same plan in every region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regions: Option<BTreeMap<String, RegionPlan<'a>>>,
}

#[derive(Debug, Serialize)]
pub struct RegionPlan<'a> {
    pub years: Vec<Year<'a>>,
    pub total: Total,
}

/// One year: the result of `eval` for that year, with `changes` / `changes_zh` set (why its figures
/// differ from the year before; empty in the first year).
pub type Year<'a> = Outcome<'a>;

fn err(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError::new(field, message)
}

/// The fields the engine carries from year to year: given in the first year they are the starting
/// state; in a later year they are an error.
pub fn carried_fields(book: &RuleBook) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = book
        .rules()
        .flat_map(|(_, r)| r.carry.iter().map(|c| c.fact.0.field().path))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn get<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(root, |v, p| v.get(p))
}

/// Sets a dotted path (see [`crate::input::set_path`]): a year's `"compute": 5` is left as it is,
/// for the validator to name.
fn set(root: &mut Value, path: &str, v: Value) {
    if let Some(obj) = root.as_object_mut() {
        crate::input::set_path(obj, path, v);
    }
}

/// A value to carry forward: a plain number ("1250000.50"), or a JSON number as written ("1e6");
/// anything else counts as 0 (the validator names it).
fn num(v: Option<&Value>) -> Decimal {
    let text: std::borrow::Cow<str> = match v {
        Some(Value::String(s)) => s.into(),
        Some(Value::Number(n)) => n.to_string().into(),
        _ => return Decimal::ZERO,
    };
    plain_decimal(&text)
        .or_else(|| parse_json_number(&text, 28).ok())
        .unwrap_or_default()
}

/// Parses and evaluates a plan given as JSON text.
pub fn plan_json(text: &str, today: Date) -> Result<PlanOutcome<'static>, Vec<FieldError>> {
    let v = input::json_text(text)?;
    plan_value(&v, crate::rulebook::book(), today)
}

/// Evaluates a plan: `{schema, region, compare, years: [application…]}`.
pub fn plan_value<'a>(
    v: &Value,
    book: &'a RuleBook,
    today: Date,
) -> Result<PlanOutcome<'a>, Vec<FieldError>> {
    let Some(root) = v.as_object() else {
        return Err(vec![err("(root)", "a plan must be a JSON object")]);
    };
    let mut errors = Vec::new();
    for k in root.keys() {
        if !["schema", "region", "compare", "years"].contains(&k.as_str()) {
            errors.push(err(
                k.clone(),
                "unknown field: a plan has schema, region, compare and years",
            ));
        }
    }
    if root.get("schema").is_some_and(|s| s.as_u64() != Some(2)) {
        errors.push(err("schema", "a plan is schema 2"));
    }
    let keys: Vec<&str> = book.regions.iter().map(|r| r.key.as_str()).collect();
    let region = root.get("region").and_then(Value::as_str).unwrap_or("");
    if !keys.contains(&region) {
        // As `eval` says it: missing, or a region the rule data does not have.
        let said = if region.is_empty() {
            "required: one of"
        } else {
            "unknown region: use one of"
        };
        errors.push(err("region", format!("{said} {}", keys.join(", "))));
    }
    let compare = match root.get("compare") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            errors.push(err("compare", "must be true or false"));
            false
        }
    };
    let years: &[Value] = match root.get("years") {
        Some(Value::Array(a)) if !a.is_empty() && a.len() <= MAX_YEARS => a,
        _ => {
            errors.push(err(
                "years",
                format!("required: a list of 1 to {MAX_YEARS} applications, one a year"),
            ));
            &[]
        }
    };
    errors.extend(dates_in_order(years, today));
    if !errors.is_empty() {
        return Err(errors);
    }
    let (main, total) = run(years, region, book, today)?;
    let regions = if compare {
        let mut all = BTreeMap::new();
        for r in &keys {
            let (years, total) = run(years, r, book, today)?;
            all.insert(r.to_string(), RegionPlan { years, total });
        }
        Some(all)
    } else {
        None
    };
    let years: Vec<&str> = main.iter().filter_map(|y| y.code.as_deref()).collect();
    let code = crate::code::of_plan(region, book.version(), &years, &total);
    Ok(PlanOutcome {
        schema: 2,
        region: region.to_string(),
        years: main,
        total,
        code,
        regions,
    })
}

/// The years a clause was counted in before this one (none the first time), and this one recorded.
fn years_before<'a>(list: &mut Vec<(&'a str, Vec<Date>)>, id: &'a str, year: Date) -> Vec<Date> {
    match list.iter_mut().find(|(i, _)| *i == id) {
        Some((_, earlier)) => {
            let before = earlier.clone();
            earlier.push(year);
            before
        }
        None => {
            list.push((id, vec![year]));
            Vec::new()
        }
    }
}

/// The years' dates: each entry its own calendar year, in date order. "每年最高", "每年…资金池" and
/// "补助期限不超过三年" count calendar years, so two entries in one calendar year would pay a yearly
/// cap twice and spend two subsidy years; an earlier date after a later one would carry the state
/// backwards. A date that does not read is left for the application's own check to name.
fn dates_in_order(years: &[Value], today: Date) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut prev: Option<(usize, Date, bool)> = None;
    for (i, y) in years.iter().enumerate() {
        let (date, given) = match y.get("as_of") {
            None | Some(Value::Null) => (today, false),
            Some(v) => match v.as_str().and_then(Date::parse) {
                Some(d) => (d, true),
                None => continue,
            },
        };
        if let Some((j, before, before_given)) = prev {
            if date.year == before.year && !(given && before_given) {
                // A date not given: say so, not "2026-12-05 is in the same year" of a date nobody
                // wrote.
                let (k, other) = if given { (j, i) } else { (i, j) };
                errors.push(err(
                    format!("years[{k}].as_of"),
                    format!(
                        "not given: each year of a plan needs its own date (today, {today}, is in \
                         the same calendar year as years[{other}])"
                    ),
                ));
            } else if date.year == before.year {
                errors.push(err(
                    format!("years[{i}].as_of"),
                    format!(
                        "{date} is in the same calendar year as years[{j}] ({before}): a plan has one \
                         entry a calendar year (yearly caps, pools and subsidy years count calendar \
                         years); put that year's figures in one entry"
                    ),
                ));
            } else if date < before {
                errors.push(err(
                    format!("years[{i}].as_of"),
                    format!(
                        "{date} comes before years[{j}] ({before}): give the years in date order"
                    ),
                ));
            }
        }
        prev = Some((i, date, given));
    }
    errors
}

/// The plan in one region: each year built from its own figures and the carried state, evaluated,
/// and compared with the year before.
fn run<'a>(
    years: &[Value],
    region: &str,
    book: &'a RuleBook,
    today: Date,
) -> Result<(Vec<Year<'a>>, Total), Vec<FieldError>> {
    let carried = carried_fields(book);
    let mut state = json!({});
    let mut enterprise = Map::new();
    let mut paid_once: Vec<PaidOnce> = Vec::new();
    // The stages of a staged award counted so far (a later year pays only at a later stage).
    let mut stages: Vec<PaidOnce> = Vec::new();
    // Figures one total shares over the years (a staged award): (rule, the years that counted it).
    let mut shared: Vec<(&'a str, Vec<Date>)> = Vec::new();
    // The years each clause with counted years paid (a later year after a gap says so).
    let mut counted: Vec<(&'a str, Vec<Date>)> = Vec::new();
    let mut out: Vec<Year<'a>> = Vec::new();
    let mut sums = [Decimal::ZERO; 4];
    let mut errors = Vec::new();
    for (i, y) in years.iter().enumerate() {
        let Some(obj) = y.as_object() else {
            errors.push(err(format!("years[{i}]"), "must be an application object"));
            continue;
        };
        let mut app = Value::Object(obj.clone());
        for k in ["schema", "region"] {
            if obj.contains_key(k) {
                errors.push(err(
                    format!("years[{i}].{k}"),
                    "given once for the whole plan, not per year",
                ));
            }
        }
        if i == 0 {
            for path in &carried {
                if let Some(v) = get(&app, path) {
                    set(&mut state, path, v.clone());
                }
            }
        } else {
            for path in &carried {
                if get(&app, path).is_some() {
                    errors.push(err(
                        format!("years[{i}].{path}"),
                        "carried by the engine from the years before: give it in the first year only",
                    ));
                }
            }
        }
        // Enterprise facts carry forward unless this year restates them.
        if let Some(Value::Object(e)) = obj.get("enterprise") {
            for (k, v) in e {
                enterprise.insert(k.clone(), v.clone());
            }
        }
        app["enterprise"] = Value::Object(enterprise.clone());
        for path in &carried {
            if let Some(v) = get(&state, path) {
                set(&mut app, path, v.clone());
            }
        }
        app["schema"] = json!(2);
        app["region"] = json!(region);
        let keys: Vec<&str> = book.regions.iter().map(|r| r.key.as_str()).collect();
        let parsed = match input::parse_value_in(&app, today, &keys) {
            Ok(mut a) => {
                a.paid_once = paid_once.clone();
                a.stages_counted = stages.clone();
                if i > 0 {
                    a.carried = carried
                        .iter()
                        .copied()
                        .filter(|p| get(&state, p).is_some())
                        .collect();
                }
                a
            }
            Err(es) => {
                errors.extend(
                    es.into_iter()
                        .map(|e| err(format!("years[{i}].{}", e.field), e.message)),
                );
                continue;
            }
        };
        let mut result = engine::evaluate(&parsed, book).with_code(&parsed);
        // Carry what paid this year into the next.
        for a in result.awards.iter_mut() {
            if a.kind == Kind::NotEligible {
                continue;
            }
            let Some((_, rule)) = book.rules().find(|(_, r)| r.id == a.id) else {
                continue;
            };
            // A one-time award counts once even when its amount is left open (a first
            // recognition "按有关政策给予奖励"); a clause paid once per value, once per value.
            if rule.once {
                let things: Vec<Option<&'static str>> = match rule.once_each {
                    Some(f) => match parsed.value(f.0, None) {
                        input::Val::Set(s) => s.iter().map(|v| Some(*v)).collect(),
                        _ => Vec::new(),
                    },
                    None => vec![None],
                };
                for thing in things {
                    if !paid_once.iter().any(|p| p.id == a.id && p.thing == thing) {
                        paid_once.push(PaidOnce {
                            id: a.id.to_string(),
                            thing,
                            year: result.as_of,
                        });
                    }
                }
            }
            let full = parsed.detail == input::Detail::Full;
            if rule.shared_over_years && a.amount.is_some() {
                if let Some(note) = rule.formula.as_ref().and_then(|f| f.stage.as_ref())
                    && let input::Val::Choice(stage) = parsed.value(note.fact.0, None)
                {
                    stages.push(PaidOnce {
                        id: a.id.to_string(),
                        thing: Some(stage),
                        year: result.as_of,
                    });
                }
                let earlier = years_before(&mut shared, a.id, result.as_of);
                if full && !earlier.is_empty() {
                    a.steps.push(Line::SharedOverYears { earlier });
                }
            }
            let Some(v) = a.value() else { continue };
            // A clause whose years are counted ("补助期限不超过三年", "连续奖励3年") paying again after a
            // year without it: the text's term may or may not run across that gap — said, not decided.
            // One entry a calendar year, in order: a gap is more calendar years than years counted.
            if rule.carry.iter().any(|c| c.op == CarryOp::CountYear) {
                let earlier = years_before(&mut counted, a.id, result.as_of);
                let gap = earlier.first().is_some_and(|first| {
                    usize::from(result.as_of.year.saturating_sub(first.year)) > earlier.len()
                });
                if full && gap {
                    a.notes.push(Line::YearsWithGap { earlier });
                }
            }
            for c in &rule.carry {
                let path = c.fact.0.field().path;
                let next = match c.op {
                    CarryOp::CountYear => {
                        json!((num(get(&state, path)) + Decimal::ONE).to_string())
                    }
                    CarryOp::AddAmount => json!((num(get(&state, path)) + v).to_string()),
                    CarryOp::SetTrue => json!(true),
                    CarryOp::SetFrom => c
                        .from
                        .and_then(|f| get(&app, f.0.field().path).cloned())
                        .unwrap_or(Value::Null),
                };
                set(&mut state, path, next);
            }
        }
        for (s, t) in sums.iter_mut().zip([
            &result.total.exact,
            &result.total.up_to,
            &result.total.draft_exact,
            &result.total.draft_up_to,
        ]) {
            *s += t.rounded();
        }
        let (en, zh) = match out.last() {
            Some(prev) => changes(prev, &result),
            None => (Vec::new(), Vec::new()),
        };
        result.changes = Some(en);
        result.changes_zh = Some(zh);
        out.push(result);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // A total shared over the years counts once over the plan: its largest year, not their sum.
    for (id, _) in &shared {
        let counted: Vec<(Kind, Decimal, bool)> = out
            .iter()
            .filter_map(|y| y.award(id))
            .filter(|a| a.in_totals)
            .filter_map(|a| Some((a.kind, a.value()?, a.source.status == Status::Draft)))
            .collect();
        let Some(most) = counted.iter().map(|c| c.1).max() else {
            continue;
        };
        let over = counted.iter().map(|c| c.1).sum::<Decimal>() - most;
        let (exact, draft) = (counted[0].0 == Kind::Exact, counted[0].2);
        sums[1] -= over;
        if exact {
            sums[0] -= over;
        }
        if draft {
            sums[3] -= over;
            if exact {
                sums[2] -= over;
            }
        }
    }
    let [exact, up_to, draft_exact, draft_up_to] = sums.map(Yuan);
    Ok((
        out,
        Total {
            exact,
            up_to,
            draft_exact,
            draft_up_to,
        },
    ))
}

/// The figure an award shows, for comparing years.
fn figure(o: &Outcome, id: &str) -> Option<(Kind, Option<Decimal>)> {
    o.award(id)
        .filter(|a| a.kind != Kind::NotEligible)
        .map(|a| (a.kind, a.value()))
}

/// Why each award's figure differs from the year before: the engine's own reason where it stopped
/// (a cap reached, a term used up, a policy expired, a one-time award already counted).
fn changes(prev: &Outcome, now: &Outcome) -> (Vec<String>, Vec<String>) {
    let (mut en, mut zh) = (Vec::new(), Vec::new());
    for a in &now.awards {
        let before = figure(prev, a.id);
        let after = figure(now, a.id);
        if before == after {
            continue;
        }
        let show = |f: Option<(Kind, Option<Decimal>)>| match f {
            Some((_, Some(v))) => (format!("{}元", human(v)), human(v)),
            Some((k, None)) => (k.zh().to_string(), k.en().to_string()),
            None => {
                let k = Kind::NotEligible;
                (k.zh().to_string(), k.en().to_string())
            }
        };
        let (b, n) = (show(before), show(after));
        let earlier = prev.award(a.id).and_then(|p| p.reason.as_ref());
        let (why_zh, why_en) = match (&a.reason, &a.binding_cap, earlier) {
            (Some(r), _, _) => (r.text(Lang::Zh), r.text(Lang::En)),
            (None, Some(c), _) => (
                format!("封顶:{}", c.text(Lang::Zh)),
                format!("capped at {}", c.text(Lang::En)),
            ),
            // Not paid the year before, for a reason that no longer holds (a text not yet in force,
            // a condition then unmet): that reason, not a guess.
            (None, None, Some(r)) if before.is_none() => (
                format!("上一年:{}", r.text(Lang::Zh)),
                format!("the year before: {}", r.text(Lang::En)),
            ),
            _ => (
                "所填数字不同".to_string(),
                "the figures entered differ".to_string(),
            ),
        };
        // A draft's figure says so wherever it appears (either year's).
        let draft = a.source.status == Status::Draft
            || prev
                .award(a.id)
                .is_some_and(|p| p.source.status == Status::Draft);
        let (dz, de) = if draft {
            ("(征求意见稿)", " (DRAFT for comment)")
        } else {
            ("", "")
        };
        zh.push(format!("{}{dz}:{} → {}({why_zh})", a.title_zh, b.0, n.0));
        en.push(format!("{}{de}: {} → {} ({why_en})", a.title_en, b.1, n.1));
    }
    (en, zh)
}
