//! The rule data's checks: facts that exist, operators that fit their types, formula shapes that
//! make sense for the rule's kind; a bad rule is named.
use crate::fields::{FactRef, Ty};
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// Checks the book as a whole: regions name real documents, ids are unique and start with their
/// document's key, groups name real rules, and every rule and check makes sense on its own.
pub fn validate(book: &RuleBook) -> Result<(), String> {
    book.validate_all()
}

impl RuleBook {
    fn validate_all(&self) -> Result<(), String> {
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
            // Notes are said in pairs (a Chinese line and its English): a line without its other
            // half would be dropped from one language's result.
            if doc.notes_zh.len() != doc.notes_en.len() {
                return Err(format!(
                    "document {}: notes_zh and notes_en need the same number of lines",
                    doc.key
                ));
            }
            for rule in &doc.rules {
                if rule.notes_zh.len() != rule.notes_en.len() {
                    return Err(format!(
                        "{}: notes_zh and notes_en need the same number of lines",
                        rule.id
                    ));
                }
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
                matches!(ty, Ty::Choice(_) | Ty::Count(_))
                    && c.from.is_some_and(|f| f.0.field().ty == ty)
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
    if !rule.aggregate_caps.is_empty() && rule.per == Per::Enterprise {
        return Err("aggregate caps are for per-scenario or per-project rules".into());
    }
    match (rule.per, rule.projects) {
        (Per::Project, Some(f)) if f.0.field().ty == Ty::Amounts => {}
        (Per::Project, _) => {
            return Err("per = \"project\" needs projects = a list-of-amounts field".into());
        }
        (_, Some(_)) => return Err("projects goes with per = \"project\"".into()),
        _ => {}
    }
    if let Some(f) = rule.once_each
        && (!rule.once || !matches!(f.0.field().ty, Ty::Set(_)))
    {
        return Err("once_each needs once = true and a set fact".into());
    }
    if rule.shared_over_years && rule.once {
        return Err("a figure shared over years is not also paid once".into());
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
