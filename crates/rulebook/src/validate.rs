//! The rule data's checks: facts that exist, operators that fit their types, formula shapes that
//! make sense for the rule's kind, ids unique and under their document's key. Every problem is
//! found, each named by its file and rule.
use crate::load::Problem;
use rust_decimal::Decimal;
use std::collections::HashSet;
use subsidy_model::fields::{FactRef, Ty};
use subsidy_model::*;

/// Checks the book as a whole: regions name real documents, ids are unique and start with their
/// document's key, groups name real rules, and every rule and check makes sense on its own. Every
/// problem, each with the file `file_of` gives its document.
pub fn problems(book: &RuleBook, file_of: &dyn Fn(&str) -> String) -> Vec<Problem> {
    let mut out = Vec::new();
    let regions = file_of("regions");
    let mut ids = HashSet::new();
    for r in book.regions.iter() {
        for d in r.documents.iter() {
            if book.document(d).is_none() {
                out.push(Problem::new(
                    &regions,
                    None,
                    format!("region {}: unknown document {d}", r.key),
                ));
            }
        }
    }
    for doc in book.documents.iter() {
        let file = file_of(&doc.key);
        let doc_problem =
            |m: &str| Problem::new(&file, None, format!("[document] {}: {m}", doc.key));
        if doc.status == DocStatus::InForce && doc.dates_zh.is_none() && doc.valid_from.is_none() {
            out.push(doc_problem("give validity dates or say why there are none"));
        }
        if doc.uncertain_from.is_some()
            && (doc.uncertain_zh.is_none() || doc.uncertain_en.is_none())
        {
            out.push(doc_problem(
                "uncertain_from needs uncertain_zh / uncertain_en",
            ));
        }
        // Notes are said in pairs (a Chinese line and its English): a line without its other
        // half would be dropped from one language's result.
        if doc.notes_zh.len() != doc.notes_en.len() {
            out.push(doc_problem(
                "notes_zh and notes_en need the same number of lines",
            ));
        }
        for rule in doc.rules.iter() {
            let mut rule_problem = |m: String| out.push(Problem::new(&file, Some(&rule.id), m));
            if rule.notes_zh.len() != rule.notes_en.len() {
                rule_problem("notes_zh and notes_en need the same number of lines".into());
            }
            if !ids.insert(rule.id.clone()) {
                rule_problem("duplicate id".into());
            }
            if !rule.id.starts_with(&format!("{}.", doc.key)) {
                rule_problem(format!("ids start with their document key {}", doc.key));
            }
            for e in validate_rule(rule) {
                rule_problem(e);
            }
        }
        for check in doc.checks.iter() {
            if !ids.insert(check.id.clone()) {
                out.push(Problem::new(&file, Some(&check.id), "duplicate id"));
            }
            for c in check.requires.iter() {
                if let Err(e) = validate_cond(c, false) {
                    out.push(Problem::new(&file, Some(&check.id), e));
                }
            }
        }
    }
    for g in book.groups.iter() {
        for m in g.members.iter() {
            if !book.rules().any(|(_, r)| &r.id == m) {
                out.push(Problem::new(
                    &regions,
                    None,
                    format!("group {}: unknown member {m}", g.id),
                ));
            }
        }
    }
    out
}

/// Every problem of one rule.
fn validate_rule(rule: &Rule) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |r: Result<(), String>| {
        if let Err(e) = r {
            out.push(e);
        }
    };
    let scenario_ok = rule.per == Per::Scenario;
    for c in rule.requires.iter() {
        check(validate_cond(c, scenario_ok));
        if c.zh.is_none() || c.en.is_none() {
            check(Err(
                "every requirement needs zh and en text for its reason".into()
            ));
        }
    }
    let money = matches!(rule.kind, Kind::Exact | Kind::UpTo | Kind::Range);
    check(match (&rule.formula, rule.variants.is_empty()) {
        (Some(_), false) => Err("give either a formula or variants, not both".into()),
        (None, true) if money => Err("a money rule needs a formula or variants".into()),
        (Some(_), true) if !money => {
            Err("an unspecified / case-by-case rule has no formula".into())
        }
        _ => Ok(()),
    });
    if !rule.variants.is_empty() && (rule.otherwise_zh.is_none() || rule.otherwise_en.is_none()) {
        check(Err(
            "rules with variants say why none applies (otherwise_zh / otherwise_en)".into(),
        ));
    }
    if let Some(f) = &rule.formula {
        check(validate_formula(f, rule.kind));
    }
    // A fixed amount that is the clause's cap: the rule has that cap, of that amount.
    for f in rule
        .formula
        .iter()
        .chain(rule.variants.iter().filter_map(|v| v.formula.as_ref()))
    {
        if let Some(scope) = f.fixed_is_cap {
            let caps = rule
                .formula
                .iter()
                .chain(rule.variants.iter().filter_map(|v| v.formula.as_ref()))
                .flat_map(|g| g.caps.iter())
                .chain(rule.aggregate_caps.iter());
            let mut same = caps
                .filter(|c| c.scope == scope)
                .map(|c| c.amount.map(|a| a.0));
            check(match (f.fixed, same.next()) {
                (Some(x), Some(Some(a))) if x.0 == a && same.all(|b| b == Some(a)) => Ok(()),
                _ => Err(format!(
                    "fixed_is_cap = \"{}\" needs a fixed amount equal to the rule's {} cap",
                    scope.key(),
                    scope.key()
                )),
            });
        }
    }
    for v in rule.variants.iter() {
        for c in v.when.iter() {
            check(validate_cond(c, scenario_ok));
        }
        let kind = v.kind.unwrap_or(rule.kind);
        check(
            match (
                &v.formula,
                matches!(kind, Kind::Exact | Kind::UpTo | Kind::Range),
            ) {
                (Some(f), true) => validate_formula(f, kind),
                (None, false) => Ok(()),
                _ => Err("a variant's formula must match its kind".into()),
            },
        );
    }
    if rule.kind == Kind::NotEligible {
        check(Err("not_eligible is an outcome, not a rule kind".into()));
    }
    for c in rule.carry.iter() {
        let ty = c.fact.0.field().ty;
        let ok = match c.op {
            CarryOp::CountYear => matches!(ty, Ty::Count(_)),
            CarryOp::AddAmount => ty == Ty::Money,
            CarryOp::SetTrue => ty == Ty::Flag,
            CarryOp::SetFrom => {
                matches!(ty, Ty::Choice(_) | Ty::Count(_))
                    && c.from.is_some_and(|f| f.0.field().ty == ty)
            }
        };
        if !ok || matches!(c.fact.0, FactRef::Scenario(_) | FactRef::Derived(_)) {
            check(Err(format!(
                "carry {:?} does not fit fact {}",
                c.op,
                c.fact.0.field().path
            )));
        }
    }
    if !rule.in_totals && (rule.not_in_totals_zh.is_none() || rule.not_in_totals_en.is_none()) {
        check(Err(
            "in_totals = false needs not_in_totals_zh / not_in_totals_en (why)".into(),
        ));
    }
    if !rule.aggregate_caps.is_empty() && rule.per == Per::Enterprise {
        check(Err(
            "aggregate caps are for per-scenario or per-project rules".into(),
        ));
    }
    check(match (rule.per, rule.projects) {
        (Per::Project, Some(f)) if f.0.field().ty == Ty::Amounts => Ok(()),
        (Per::Project, _) => {
            Err("per = \"project\" needs projects = a list-of-amounts field".into())
        }
        (_, Some(_)) => Err("projects goes with per = \"project\"".into()),
        _ => Ok(()),
    });
    if let Some(f) = rule.once_each
        && (!rule.once || !matches!(f.0.field().ty, Ty::Set(_)))
    {
        check(Err("once_each needs once = true and a set fact".into()));
    }
    if rule.shared_over_years && rule.once {
        check(Err(
            "a figure shared over years is not also paid once".into()
        ));
    }
    out
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
        Ty::Money | Ty::Count(_) | Ty::Percent | Ty::Growth | Ty::Measure | Ty::Amounts => Ok(()),
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
            Ty::Money | Ty::Count(_) | Ty::Percent | Ty::Growth | Ty::Measure | Ty::Amounts => {
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
