//! Clauses evaluated per scenario project: each project on its own, the projects that do not pay
//! said, then the clause's caps over all of them.
use super::*;

pub(super) fn evaluate_per_scenario<'a>(app: &Application, rule: &'a Rule, award: &mut Award<'a>) {
    let full = app.detail == Detail::Full;
    let mut failures = Vec::new();
    let mut total = Decimal::ZERO;
    let mut steps = Vec::new();
    for (i, sc) in app.scenarios.iter().enumerate() {
        let project = |line: Line<'a>| Line::Project {
            index: i,
            name: sc.name().to_string(),
            line: Box::new(line),
        };
        if rule.requires.iter().any(|c| !holds(app, c, Some(sc)).0) {
            if full {
                let failing = rule
                    .requires
                    .iter()
                    .filter_map(|c| failing_reason(app, c, Some(sc)))
                    .collect();
                failures.push(project(join(failing)));
            }
            continue;
        }
        match calc_rule(app, rule, Some(sc)) {
            Ok(calc) => {
                let v = calc.amount.unwrap_or_default();
                steps.extend(calc.steps.into_iter().map(&project));
                if v.is_zero() {
                    // Named, so an award with no paying project never has an empty reason.
                    if full {
                        failures.push(project(calc.zero_why.unwrap_or(Line::ProjectZero)));
                    }
                    continue;
                }
                total += v;
                award.items.push(Item {
                    scenario: i,
                    // Words: not written in a figures-only evaluation (the figures carry no items).
                    name: if full {
                        sc.name().to_string()
                    } else {
                        String::new()
                    },
                    amount: Yuan(v),
                    uncapped: calc.binding.as_ref().map(|_| Yuan(calc.uncapped)),
                    binding_cap: calc.binding.filter(|_| full),
                });
            }
            Err(reason) => failures.extend(reason.map(&project)),
        }
    }
    if award.items.is_empty() {
        let reason = full.then(|| {
            if app.scenarios.is_empty() {
                Line::NoProject(rule.requires.iter().map(requirement).collect())
            } else {
                join(failures)
            }
        });
        return not_eligible(award, reason);
    }
    let count = award.items.len();
    if full && count > 1 {
        steps.push(Line::Projects { count, total });
    }
    let (amount, binding) = apply_caps(app, &rule.aggregate_caps, total, None, &mut steps);
    steps.extend(failures.into_iter().map(|f| Line::NotCounted(Box::new(f))));
    let calc = Calc {
        kind: rule.kind,
        amount: Some(round_yuan(amount)),
        range: None,
        uncapped: total,
        binding,
        steps,
        zero_why: None,
    };
    finish(award, calc, full);
}
