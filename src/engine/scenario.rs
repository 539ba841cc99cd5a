//! Clauses evaluated per project — each scenario project, or each entry of a list field ("单个项目",
//! "每个项目") — each on its own: its conditions, its figure, its caps and its rounding; the
//! projects that do not pay said; then the clause's caps over all of them.
use super::*;

/// The projects a per-project clause is evaluated for: the scenario projects, or the entries of
/// its list field (each read as that field alone).
fn units<'s>(app: &'s Application, rule: &Rule) -> Vec<(At<'s>, &'s str)> {
    match (rule.per, rule.projects) {
        (Per::Project, Some(list)) => match app.value(list.0, None) {
            Val::List(l) => {
                let FactRef::Field(i) = list.0 else {
                    return Vec::new();
                };
                l.iter().map(|d| (At::Entry(i, Val::Num(*d)), "")).collect()
            }
            _ => Vec::new(),
        },
        _ => app
            .scenarios
            .iter()
            .map(|s| (At::Scenario(s), s.name()))
            .collect(),
    }
}

pub(super) fn evaluate_per_scenario<'a>(app: &Application, rule: &'a Rule, award: &mut Award<'a>) {
    let full = app.detail == Detail::Full;
    let mut failures = Vec::new();
    let mut total = Decimal::ZERO;
    let mut steps = Vec::new();
    let units = units(app, rule);
    let entries = rule.per == Per::Project;
    // The cap that bound the (last) paying project, and its figure before the cap.
    let mut bound = None;
    // A list of one amount reads as the clause's one figure: its lines need no project number.
    let alone = entries && units.len() == 1;
    for (i, (at, name)) in units.iter().enumerate() {
        let at = Some(at);
        let project = |line: Line<'a>| match alone {
            true => line,
            false => Line::Project {
                index: i,
                name: if full {
                    name.to_string()
                } else {
                    String::new()
                },
                line: Box::new(line),
            },
        };
        if rule.requires.iter().any(|c| !holds(app, c, at).0) {
            if full {
                let failing = rule
                    .requires
                    .iter()
                    .filter_map(|c| failing_reason(app, c, at))
                    .collect();
                failures.push(project(join(failing)));
            }
            continue;
        }
        match calc_rule(app, rule, at) {
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
                bound = calc.binding.map(|b| (b, calc.uncapped));
                award.items.push(Item {
                    scenario: (!entries).then_some(i),
                    project: entries.then_some(i),
                    // Words: not written in a figures-only evaluation (the figures carry no items).
                    name: if full {
                        name.to_string()
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
        let reason = full.then(|| match (units.is_empty(), entries) {
            // No amount entered: what the clause needs, as for a clause with one figure.
            (true, true) => {
                let failing: Vec<Line> = rule
                    .requires
                    .iter()
                    .filter_map(|c| failing_reason(app, c, None))
                    .collect();
                match failing.is_empty() {
                    true => Line::Said {
                        zh: rule.otherwise_zh.as_deref().unwrap_or(""),
                        en: rule.otherwise_en.as_deref().unwrap_or(""),
                    },
                    false => join(failing),
                }
            }
            (true, false) => Line::NoProject(rule.requires.iter().map(requirement).collect()),
            (false, _) => join(failures),
        });
        return not_eligible(award, reason);
    }
    let count = award.items.len();
    if full && count > 1 {
        steps.push(Line::Projects { count, total });
    }
    let (amount, binding) = apply_caps(app, &rule.aggregate_caps, total, None, &mut steps);
    steps.extend(failures.into_iter().map(|f| Line::NotCounted(Box::new(f))));
    // One paying project whose own cap binds: that cap is the award's (as for a clause with one
    // figure); with several, each project's cap stays with its item.
    let (binding, uncapped) = match (binding, bound) {
        (Some(b), _) => (Some(b), total),
        (None, Some((b, u))) if count == 1 => (Some(b), u),
        _ => (None, total),
    };
    let calc = Calc {
        kind: rule.kind,
        amount: Some(round_yuan(amount)),
        range: None,
        uncapped,
        binding,
        steps,
        zero_why: None,
    };
    finish(award, calc, full);
}
