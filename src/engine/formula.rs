//! A rule's figure: its formula (rates on spending, amounts per unit, fixed sums, bands, deductions,
//! stages) or the most favourable of its variants, and the lines that say how.
use super::*;

/// What one application of a rule's formula gives.
#[derive(Debug)]
pub(super) struct Calc<'a> {
    pub(super) kind: Kind,
    pub(super) amount: Option<Decimal>,
    pub(super) range: Option<(Decimal, Decimal)>,
    pub(super) uncapped: Decimal,
    pub(super) binding: Option<CapLine<'a>>,
    pub(super) steps: Vec<Line<'a>>,
    /// Why the figure is zero, when a deduction or the rounding made it so.
    pub(super) zero_why: Option<Line<'a>>,
}

pub(super) fn finish<'a>(award: &mut Award<'a>, calc: Calc<'a>, full: bool) {
    award.kind = calc.kind;
    award.steps = calc.steps;
    if let Some(v) = calc.amount {
        if v.is_zero() {
            // Say why, in the case's own terms: a cap used up, a difference award already paid,
            // or a figure that rounds to nothing.
            let why = full.then_some(match (calc.binding, calc.zero_why) {
                (_, Some(w)) => w,
                (Some(b), None) => Line::NothingLeft(b),
                (None, None) => Line::FormulaZero,
            });
            return not_eligible(award, why);
        }
        award.amount = Some(Yuan(v));
        if let Some(b) = calc.binding {
            award.uncapped = Some(Yuan(calc.uncapped));
            if full {
                award.binding_cap = Some(b);
            }
        }
    }
    if let Some((lo, hi)) = calc.range {
        award.min = Some(Yuan(lo));
        award.max = Some(Yuan(hi));
    }
}

/// A rule's figure: its formula, or the most favourable of the variants that apply. The error is the
/// reason none applies (None in a figures-only evaluation).
pub(super) fn calc_rule<'a>(
    app: &Application,
    rule: &'a Rule,
    sc: Option<&At<'_>>,
) -> Result<Calc<'a>, Option<Line<'a>>> {
    let full = app.detail == Detail::Full;
    if rule.variants.is_empty() {
        return Ok(match &rule.formula {
            Some(f) => calc_formula(app, f, rule.kind, sc),
            None => no_figure(rule.kind, full),
        });
    }
    let mut best: Option<(Decimal, Calc, &str, &str)> = None;
    let mut matched: Vec<Line> = Vec::new();
    for v in &rule.variants {
        if !v.when.iter().all(|c| holds(app, c, sc).0) {
            continue;
        }
        let kind = v.kind.unwrap_or(rule.kind);
        let calc = match &v.formula {
            Some(f) => calc_formula(app, f, kind, sc),
            None => no_figure(kind, full),
        };
        let score = calc.amount.or(calc.range.map(|r| r.1)).unwrap_or_default();
        if full {
            // Each case with its own figure, so the one not used is shown beside the one used.
            matched.push(Line::Case {
                zh: &v.zh,
                en: &v.en,
                figure: calc.amount.or(calc.range.map(|r| r.1)),
            });
        }
        if best.as_ref().is_none_or(|(s, ..)| score > *s) {
            best = Some((score, calc, &v.zh, &v.en));
        }
    }
    let Some((_, mut calc, zh, en)) = best else {
        return Err(full.then(|| Line::Said {
            zh: rule.otherwise_zh.as_deref().unwrap_or(""),
            en: rule.otherwise_en.as_deref().unwrap_or(""),
        }));
    };
    if full {
        let mut head = vec![Line::Applies { zh, en }];
        if matched.len() > 1 {
            // Without a figure to compare (一事一议, amount to be set) only which cases apply.
            let figures = calc.amount.is_some() || calc.range.is_some();
            head.push(Line::Several {
                all: matched,
                zh,
                en,
                figures,
            });
        }
        head.append(&mut calc.steps);
        calc.steps = head;
    }
    Ok(calc)
}

pub(super) fn no_figure<'a>(kind: Kind, full: bool) -> Calc<'a> {
    let line = match kind {
        Kind::CaseByCase => Line::CaseByCase,
        _ => Line::NoRate,
    };
    Calc {
        kind,
        amount: None,
        range: None,
        uncapped: Decimal::ZERO,
        binding: None,
        steps: if full { vec![line] } else { Vec::new() },
        zero_why: None,
    }
}

pub(super) fn calc_formula<'a>(
    app: &Application,
    f: &'a Formula,
    kind: Kind,
    sc: Option<&At<'_>>,
) -> Calc<'a> {
    let full = app.detail == Detail::Full;
    let mut steps = Vec::new();
    if let Some(r) = &f.range {
        if full {
            steps.push(Line::Band {
                min: r.min.0,
                max: r.max.0,
            });
        }
        formula_note(f, &mut steps, full);
        return Calc {
            kind,
            amount: None,
            range: Some((r.min.0, r.max.0)),
            uncapped: Decimal::ZERO,
            binding: None,
            steps,
            zero_why: None,
        };
    }
    let mut base = Decimal::ZERO;
    if !f.terms.is_empty() {
        let mut parts = Vec::new();
        for t in &f.terms {
            let v = app.value(t.fact.0, sc).num();
            let part = v * t.rate.0;
            if full && (!v.is_zero() || f.terms.len() == 1) {
                let field = t.fact.0.field();
                steps.push(Line::Term {
                    zh: t.zh.as_deref().unwrap_or(field.zh),
                    en: t.en.as_deref().unwrap_or(field.en),
                    value: v,
                    pct: &t.pct,
                    part,
                });
                parts.push(part);
            }
            base += part;
        }
        if full && parts.len() > 1 {
            steps.push(Line::Sum { parts, total: base });
        }
    } else if let Some(pu) = &f.per_unit {
        let n = app.value(pu.fact.0, sc).num();
        base = n * pu.amount.0;
        if full {
            steps.push(Line::PerUnit {
                fact: pu.fact.0,
                count: n,
                each: pu.amount.0,
                total: base,
            });
        }
    } else if let Some(fixed) = f.fixed {
        base = fixed.0;
        if full {
            steps.push(Line::Fixed {
                exact: kind == Kind::Exact,
                amount: base,
                reform: f.fixed_by_reform,
            });
        }
    }
    if full
        && let Some(stage) = &f.stage
        && let Val::Choice(c) = app.value(stage.fact.0, sc)
        && let (Some(zh), Some(en)) = (lookup(&stage.zh, c), lookup(&stage.en, c))
    {
        steps.push(said((zh, en)));
    }
    let mut zero_why = None;
    for d in &f.deduct {
        let v = app.value(d.fact.0, sc);
        let x = match v {
            Val::Choice(c) => lookup(&d.table, c).map(|v| v.0).unwrap_or_default(),
            other => other.num(),
        };
        if x > Decimal::ZERO {
            let after = (base - x).max(Decimal::ZERO);
            if full {
                if after.is_zero() {
                    zero_why = Some(Line::NoDifference {
                        earlier: match v {
                            Val::Choice(c) => crate::input::choice_label(c),
                            _ => ("", ""),
                        },
                        less: x,
                        base,
                        zh: &d.zh,
                        en: &d.en,
                    });
                }
                steps.push(Line::Deduct {
                    zh: &d.zh,
                    en: &d.en,
                    from: base,
                    less: x,
                    left: after,
                });
            }
            base = after;
        }
    }
    let uncapped = base;
    let (amount, binding) = apply_caps(app, &f.caps, base, sc, &mut steps);
    let rounded = round_yuan(amount);
    if full && rounded != amount {
        steps.push(Line::Rounded(rounded));
        if rounded.is_zero() && zero_why.is_none() {
            zero_why = Some(Line::RoundsToZero(amount));
        }
    }
    formula_note(f, &mut steps, full);
    Calc {
        kind,
        amount: Some(rounded),
        range: None,
        uncapped: round_yuan(uncapped),
        binding,
        steps,
        zero_why,
    }
}

/// The formula's own remark (a reading the authority decides), said whenever it applies.
pub(super) fn formula_note<'a>(f: &'a Formula, steps: &mut Vec<Line<'a>>, full: bool) {
    if let (true, Some(zh), Some(en)) = (full, &f.note_zh, &f.note_en) {
        steps.push(said((zh, en)));
    }
}
