//! A rule's figure: its formula (rates on spending, amounts per unit, fixed sums, bands, deductions,
//! stages) or the most favourable of its variants, and what the result says about it.
use super::*;

/// What one application of a rule's formula gives.
#[derive(Debug)]
pub(super) struct Calc {
    pub(super) kind: Kind,
    pub(super) amount: Option<Decimal>,
    pub(super) range: Option<(Decimal, Decimal)>,
    pub(super) uncapped: Decimal,
    pub(super) binding: Option<Bi>,
    pub(super) steps: Vec<Bi>,
    /// Why the figure is zero, when a deduction or the rounding made it so.
    pub(super) zero_why: Option<Bi>,
}

pub(super) fn finish(award: &mut Award<'_>, calc: Calc, full: bool) {
    award.kind = calc.kind;
    if let Some(v) = calc.amount {
        if v.is_zero() {
            // Say why, in the case's own terms: a cap used up, a difference award already paid,
            // or a figure that rounds to nothing.
            let why = match (calc.binding, calc.zero_why) {
                (_, Some(w)) => w,
                (Some(b), None) => t!(
                    full,
                    format!("已无可得金额:{}", b.zh),
                    format!("nothing left to award: {}", b.en),
                ),
                (None, None) => t!(
                    full,
                    "按条款计算的金额为0元",
                    "the clause's formula gives 0 for the figures entered",
                ),
            };
            let (steps, steps_zh) = split(calc.steps);
            award.steps = steps;
            award.steps_zh = steps_zh;
            return not_eligible(award, why);
        }
        award.amount = Some(fixed2(v));
        award.value = Some(v);
        if let Some(b) = calc.binding {
            award.uncapped = Some(fixed2(calc.uncapped));
            if full {
                award.binding_cap = Some(b.en);
                award.binding_cap_zh = Some(b.zh);
            }
        }
    }
    if let Some((lo, hi)) = calc.range {
        award.min = Some(fixed2(lo));
        award.max = Some(fixed2(hi));
    }
    let (steps, steps_zh) = split(calc.steps);
    award.steps = steps;
    award.steps_zh = steps_zh;
}

/// A rule's figure: its formula, or the most favourable of the variants that apply.
pub(super) fn calc_rule(app: &Application, rule: &Rule, sc: Option<&Scenario>) -> Result<Calc, Bi> {
    let full = app.detail == Detail::Full;
    if rule.variants.is_empty() {
        return Ok(match &rule.formula {
            Some(f) => calc_formula(app, f, rule.kind, sc),
            None => no_figure(rule.kind, Vec::new(), full),
        });
    }
    let mut best: Option<(Decimal, Calc, &str, &str)> = None;
    let mut matched: Vec<Bi> = Vec::new();
    for v in &rule.variants {
        if !v.when.iter().all(|c| holds(app, c, sc).0) {
            continue;
        }
        add(&mut matched, t!(full, v.zh.clone(), v.en.clone()));
        let kind = v.kind.unwrap_or(rule.kind);
        let calc = match &v.formula {
            Some(f) => calc_formula(app, f, kind, sc),
            None => no_figure(kind, Vec::new(), full),
        };
        let score = calc.amount.or(calc.range.map(|r| r.1)).unwrap_or_default();
        if best.as_ref().is_none_or(|(s, ..)| score > *s) {
            best = Some((score, calc, &v.zh, &v.en));
        }
    }
    let Some((_, mut calc, zh, en)) = best else {
        return Err(t!(
            full,
            rule.otherwise_zh.clone().unwrap_or_default(),
            rule.otherwise_en.clone().unwrap_or_default(),
        ));
    };
    let mut head = vec![t!(full, format!("适用:{zh}"), format!("applies: {en}"))];
    if matched.len() > 1 {
        let all = join(&matched);
        head.push(if calc.amount.is_some() || calc.range.is_some() {
            t!(full,
                format!("所填情况同时符合多个档位({}),按对申请人更有利的档位计算:{zh}", all.zh),
                format!("the figures entered meet more than one band ({}); the one more favourable to the applicant is used: {en}", all.en),
            )
        } else {
            // No figure to compare (一事一议, amount to be set): only which cases apply.
            t!(full,
                format!("所填情况符合:{}", all.zh),
                format!("the case meets: {}", all.en),
            )
        });
    }
    head.append(&mut calc.steps);
    calc.steps = head;
    Ok(calc)
}

pub(super) fn no_figure(kind: Kind, mut steps: Vec<Bi>, full: bool) -> Calc {
    add(
        &mut steps,
        match kind {
            Kind::CaseByCase => t!(
                full,
                "“一事一议”:不设固定金额,由主管部门个案确定",
                "一事一议 (case by case): no set figure; the authority decides each case",
            ),
            _ => t!(
                full,
                "原文未规定比例或金额:符合条件,具体金额由主管部门按有关规定确定",
                "the text sets no rate or amount: eligible, with the amount for the authority to set under the rules it names",
            ),
        },
    );
    Calc {
        kind,
        amount: None,
        range: None,
        uncapped: Decimal::ZERO,
        binding: None,
        steps,
        zero_why: None,
    }
}

pub(super) fn calc_formula(
    app: &Application,
    f: &Formula,
    kind: Kind,
    sc: Option<&Scenario>,
) -> Calc {
    let full = app.detail == Detail::Full;
    let mut steps = Vec::new();
    if let Some(r) = &f.range {
        add(
            &mut steps,
            t!(
                full,
                format!(
                    "分档奖励区间:{}元至{}元,具体档位由评审确定",
                    human(r.min.0),
                    human(r.max.0)
                ),
                format!(
                    "a band from {} to {}, the tier set by review",
                    human(r.min.0),
                    human(r.max.0)
                ),
            ),
        );
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
            let field = t.fact.0.field();
            let part = v * t.rate.0;
            if full && (!v.is_zero() || f.terms.len() == 1) {
                // Each figure is formatted once and used in both languages.
                let (hv, hp) = (human(v), human(part));
                let zh = t.zh.as_deref().unwrap_or(field.zh);
                let en = t.en.as_deref().unwrap_or(field.en);
                add(
                    &mut steps,
                    t!(
                        full,
                        format!("{zh} {hv}元 × {} = {hp}元", t.pct),
                        format!("{en} {hv} × {} = {hp}", t.pct),
                    ),
                );
                parts.push(part);
            }
            base += part;
        }
        if full && parts.len() > 1 {
            let hb = human(base);
            let list = parts
                .iter()
                .map(|p| human(*p))
                .collect::<Vec<_>>()
                .join(" + ");
            add(
                &mut steps,
                t!(
                    full,
                    format!("合计 {list} = {}元", hb),
                    format!("sum {list} = {hb}"),
                ),
            );
        }
    } else if let Some(pu) = &f.per_unit {
        let n = app.value(pu.fact.0, sc).num();
        base = n * pu.amount.0;
        let field = pu.fact.0.field();
        add(
            &mut steps,
            t!(
                full,
                format!(
                    "{} {n} × {}元 = {}元",
                    field.zh,
                    human(pu.amount.0),
                    human(base)
                ),
                format!(
                    "{n} × {} ({}) = {}",
                    human(pu.amount.0),
                    field.en,
                    human(base)
                ),
            ),
        );
    } else if let Some(fixed) = f.fixed {
        base = fixed.0;
        let hb = if full { human(base) } else { String::new() };
        add(
            &mut steps,
            match kind {
                Kind::Exact => t!(
                    full,
                    format!("定额奖励 {hb}元"),
                    format!("a fixed award of {hb}")
                ),
                _ => t!(
                    full,
                    format!("条款规定最高 {hb}元"),
                    format!("the clause's maximum: {hb}"),
                ),
            },
        );
    }
    if let Some(stage) = &f.stage
        && let Val::Choice(c) = app.value(stage.fact.0, sc)
        && let (Some(zh), Some(en)) = (lookup(&stage.zh, c), lookup(&stage.en, c))
    {
        add(&mut steps, t!(full, zh.clone(), en.clone()));
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
            if after.is_zero() {
                let (lzh, len) = match v {
                    Val::Choice(c) => crate::input::choice_label(c),
                    _ => ("", ""),
                };
                zero_why = Some(t!(
                    full,
                    format!(
                        "此前已获{lzh}奖励{}元,不低于本项{}元;{}:无差额可得",
                        human(x),
                        human(base),
                        d.zh
                    ),
                    format!(
                        "the {len} award of {} was already received, no less than this award's {}; {}: no difference is left to pay",
                        human(x),
                        human(base),
                        d.en
                    ),
                ));
            }
            add(
                &mut steps,
                t!(
                    full,
                    format!(
                        "{}:{}元 − {}元 = {}元",
                        d.zh,
                        human(base),
                        human(x),
                        human(after)
                    ),
                    format!(
                        "{}: {} − {} = {}",
                        d.en,
                        human(base),
                        human(x),
                        human(after)
                    ),
                ),
            );
            base = after;
        }
    }
    let uncapped = base;
    let (amount, binding) = apply_caps(app, &f.caps, base, sc, &mut steps);
    let rounded = round_yuan(amount);
    if rounded != amount {
        add(
            &mut steps,
            t!(
                full,
                format!("四舍五入到分:{}元", human(rounded)),
                format!("rounded to 0.01 yuan: {}", fixed2(rounded)),
            ),
        );
        if rounded.is_zero() && zero_why.is_none() {
            let raw = amount.normalize();
            zero_why = Some(t!(
                full,
                format!("计算金额{raw}元,四舍五入到分后为0元"),
                format!("the formula gives {raw} yuan, which rounds to 0.00"),
            ));
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
pub(super) fn formula_note(f: &Formula, steps: &mut Vec<Bi>, full: bool) {
    if let (Some(zh), Some(en)) = (&f.note_zh, &f.note_en) {
        add(steps, t!(full, zh.as_str(), en.as_str()));
    }
}
