//! Clauses evaluated per scenario project: each project on its own, the projects that do not pay
//! said, then the clause's caps over all of them.
use super::*;

pub(super) fn evaluate_per_scenario(app: &Application, rule: &Rule, award: &mut Award<'_>) {
    let full = app.detail == Detail::Full;
    let mut failures = Vec::new();
    let mut total = Decimal::ZERO;
    let mut steps = Vec::new();
    for (i, sc) in app.scenarios.iter().enumerate() {
        let label = if !full {
            String::new()
        } else if sc.name().is_empty() {
            format!("#{}", i + 1)
        } else {
            format!("#{}「{}」", i + 1, sc.name())
        };
        let failing: Vec<Bi> = rule
            .requires
            .iter()
            .filter_map(|c| failing_reason(app, c, Some(sc)))
            .collect();
        if !failing.is_empty() {
            let j = join(&failing);
            add(
                &mut failures,
                t!(
                    full,
                    format!("项目{label}:{}", j.zh),
                    format!("project {label}: {}", j.en),
                ),
            );
            continue;
        }
        match calc_rule(app, rule, Some(sc)) {
            Ok(calc) => {
                let v = calc.amount.unwrap_or_default();
                for s in calc.steps {
                    add(
                        &mut steps,
                        t!(
                            full,
                            format!("项目{label}:{}", s.zh),
                            format!("project {label}: {}", s.en),
                        ),
                    );
                }
                if v.is_zero() {
                    // Named, so an award with no paying project never has an empty reason.
                    let why = calc.zero_why.unwrap_or_else(|| {
                        t!(
                            full,
                            "计算金额为0元",
                            "the formula gives 0 for this project"
                        )
                    });
                    add(
                        &mut failures,
                        t!(
                            full,
                            format!("项目{label}:{}", why.zh),
                            format!("project {label}: {}", why.en),
                        ),
                    );
                    continue;
                }
                total += v;
                award.items.push(Item {
                    scenario: i,
                    name: sc.name().to_string(),
                    amount: fixed2(v),
                    uncapped: calc.binding.as_ref().map(|_| fixed2(calc.uncapped)),
                    binding_cap: calc.binding.filter(|_| full).map(|b| b.en),
                });
            }
            Err(reason) => add(
                &mut failures,
                t!(
                    full,
                    format!("项目{label}:{}", reason.zh),
                    format!("project {label}: {}", reason.en),
                ),
            ),
        }
    }
    if award.items.is_empty() {
        let reason = if app.scenarios.is_empty() {
            let req: Vec<Bi> = rule.requires.iter().map(|c| requirement(c, full)).collect();
            let j = join(&req);
            t!(
                full,
                format!("未填写应用场景项目;需要:{}", j.zh),
                format!("no scenario project entered; needs: {}", j.en),
            )
        } else {
            join(&failures)
        };
        return not_eligible(award, reason);
    }
    let count = award.items.len();
    if count > 1 {
        add(
            &mut steps,
            t!(
                full,
                format!("{count}个项目合计 {}元", human(total)),
                format!("{count} projects in all: {}", human(total)),
            ),
        );
    }
    let (amount, binding) = apply_caps(app, &rule.aggregate_caps, total, None, &mut steps);
    for f in &failures {
        add(
            &mut steps,
            t!(
                full,
                format!("不计入:{}", f.zh),
                format!("not counted: {}", f.en),
            ),
        );
    }
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
