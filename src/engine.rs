//! The evaluation: a pure function from a validated application and the rule book to a result.
//! Every branch on policy content lives in the rule data; this file only knows the shapes a rule
//! can take (conditions, variants, terms, caps, deductions, groups).
use crate::date::Date;
use crate::input::{Application, Detail, Scenario, Ty, Val};
use crate::money::{fixed2, human, percent, round_yuan};
use crate::result::{Award, CheckResult, Item, Outcome, Source, Stacking, Total};
use crate::rulebook::{
    Cap, Cond, DocStatus, Document, Formula, GroupMode, Kind, Op, Per, Rule, RuleBook, Status,
    lookup,
};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Text in both languages.
#[derive(Clone, Debug, Default)]
struct Bi {
    zh: String,
    en: String,
}

fn bi(zh: impl Into<String>, en: impl Into<String>) -> Bi {
    Bi {
        zh: zh.into(),
        en: en.into(),
    }
}

/// Text in both languages, formatted only when the evaluation writes text (`Detail::Full`): for a
/// figures-only evaluation the arguments are never evaluated, so no string is built.
macro_rules! t {
    ($full:expr, $zh:expr, $en:expr $(,)?) => {
        if $full { bi($zh, $en) } else { Bi::default() }
    };
}

/// Adds a line (a figures-only evaluation's empty text is not kept: no list grows for it).
fn add(list: &mut Vec<Bi>, b: Bi) {
    if !(b.zh.is_empty() && b.en.is_empty()) {
        list.push(b);
    }
}

/// The English and Chinese lines of a list (a figures-only evaluation's empty entries dropped).
fn split(list: Vec<Bi>) -> (Vec<String>, Vec<String>) {
    list.into_iter()
        .filter(|b| !(b.zh.is_empty() && b.en.is_empty()))
        .map(|b| (b.en, b.zh))
        .unzip()
}

fn join(list: &[Bi]) -> Bi {
    if list.iter().all(|b| b.zh.is_empty() && b.en.is_empty()) {
        return Bi::default();
    }
    bi(
        list.iter()
            .map(|b| b.zh.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        list.iter()
            .map(|b| b.en.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

pub fn evaluate<'a>(app: &Application, book: &'a RuleBook) -> Outcome<'a> {
    let full = app.detail == Detail::Full;
    let region = book.region(&app.region);
    let mut checks = Vec::new();
    let mut notes: Vec<Bi> = Vec::new();
    let docs: Vec<&Document> = region
        .map(|r| {
            r.documents
                .iter()
                .filter_map(|k| book.document(k))
                .collect()
        })
        .unwrap_or_default();
    // Sized once: an award is large, and growing the list moved every award already in it.
    let mut awards = Vec::with_capacity(docs.iter().map(|d| d.rules.len()).sum());
    for doc in &docs {
        let dates = doc_status(doc, app.as_of, full);
        for rule in &doc.rules {
            awards.push(evaluate_rule(app, doc, rule, &dates));
        }
        // Qualification checks are text (what is missing, and why): not in a figures-only result.
        for check in doc.checks.iter().filter(|_| full) {
            let entered = check.entered.iter().any(|f| app.value(f.0, None).is_set());
            if !entered {
                continue;
            }
            // A call that has closed (or a plan not yet in force) fails every check, and says why.
            let failing: Vec<Bi> = dates
                .out_of_date
                .iter()
                .cloned()
                .chain(
                    check
                        .requires
                        .iter()
                        .filter_map(|c| failing_reason(app, c, None)),
                )
                .collect();
            let quote = match &check.quote2 {
                Some(q2) if full => Cow::Owned(format!("{}……{q2}", check.quote)),
                _ => Cow::Borrowed(check.quote.as_str()),
            };
            checks.push(CheckResult {
                id: &check.id,
                title_zh: &check.title_zh,
                title_en: &check.title_en,
                passed: failing.is_empty(),
                failing: failing.iter().map(|b| b.en.clone()).collect(),
                failing_zh: failing.iter().map(|b| b.zh.clone()).collect(),
                source: source(doc, &check.clause, quote, dates.status),
            });
        }
        if full && (doc.status == DocStatus::Draft || !doc.rules.is_empty()) {
            for (zh, en) in doc.notes_zh.iter().zip(&doc.notes_en) {
                add(&mut notes, t!(full, zh.clone(), en.clone()));
            }
        }
        if let Some(reason) = dates.out_of_date {
            notes.push(reason);
        } else if let Some(u) = dates.uncertain {
            notes.push(u);
        } else if doc.valid_from.is_none()
            && doc.valid_to.is_none()
            && !doc.rules.is_empty()
            && let (Some(zh), Some(en)) = (&doc.dates_zh, &doc.dates_en)
        {
            add(
                &mut notes,
                t!(
                    full,
                    format!("{}:{zh}", doc.name_zh),
                    format!("{}: {en}", doc.name_en),
                ),
            );
        }
    }
    apply_groups(book, &mut awards, &mut notes, full);
    let mut total = Totals::default();
    let mut open = 0;
    for a in &awards {
        if !a.in_totals {
            continue;
        }
        let draft = a.source.status == Status::Draft;
        match (a.kind, a.value) {
            (Kind::Exact, Some(v)) => total.add(v, true, draft),
            (Kind::UpTo, Some(v)) => total.add(v, false, draft),
            (Kind::Range | Kind::Unspecified | Kind::CaseByCase, _) => open += 1,
            _ => {}
        }
    }
    if awards
        .iter()
        .filter(|a| a.in_totals && a.value.is_some())
        .count()
        > 1
    {
        add(
            &mut notes,
            t!(
                full,
                "合计假定各项奖励可以叠加:原文未规定叠加规则的,按可叠加计算;实际以主管部门审核为准。",
                "The totals assume the awards add up: where the sources say nothing about stacking, they are added; the authorities decide in the end.",
            ),
        );
    }
    if open > 0 {
        add(
            &mut notes,
            t!(
                full,
                format!("另有{open}项奖励没有确定金额(区间、金额待定或一事一议),未计入合计。"),
                format!(
                    "{open} further award(s) have no fixed figure (a range, an amount to be set, or case by case) and are not in the totals."
                ),
            ),
        );
    }
    add(
        &mut notes,
        t!(
            full,
            "以上金额是依据公开政策文本的测算,不是官方认定;以主管部门审核结果为准。",
            "These figures are estimates from the published texts, not an official determination.",
        ),
    );
    let (notes_en, notes_zh) = split(notes);
    Outcome {
        schema: 2,
        rules_version: book.version(),
        region: app.region.clone(),
        region_name_zh: region.map_or("", |r| r.name_zh.as_str()),
        as_of: app.as_of,
        awards,
        total: Total {
            exact: fixed2(total.exact),
            up_to: fixed2(total.up_to),
            draft_exact: fixed2(total.draft_exact),
            draft_up_to: fixed2(total.draft_up_to),
        },
        checks,
        notes: notes_en.into_iter().map(Cow::Owned).collect(),
        notes_zh: notes_zh.into_iter().map(Cow::Owned).collect(),
        changes: None,
        changes_zh: None,
    }
}

/// One clause alone (no stacking groups), for sampling how its figure moves with one input.
pub fn evaluate_one<'a>(app: &Application, book: &'a RuleBook, id: &str) -> Option<Award<'a>> {
    let region = book.region(&app.region)?;
    let doc = region
        .documents
        .iter()
        .filter_map(|k| book.document(k))
        .find(|d| d.rules.iter().any(|r| r.id == id))?;
    let rule = doc.rules.iter().find(|r| r.id == id)?;
    let dates = doc_status(doc, app.as_of, app.detail == Detail::Full);
    Some(evaluate_rule(app, doc, rule, &dates))
}

/// The sums of the totals, and the part of each that comes from draft documents.
#[derive(Default)]
struct Totals {
    exact: Decimal,
    up_to: Decimal,
    draft_exact: Decimal,
    draft_up_to: Decimal,
}

impl Totals {
    fn add(&mut self, v: Decimal, exact: bool, draft: bool) {
        self.up_to += v;
        if draft {
            self.draft_up_to += v;
        }
        if exact {
            self.exact += v;
            if draft {
                self.draft_exact += v;
            }
        }
    }
}

/// A document's standing on the calculation date.
struct Dates {
    status: Status,
    /// Why nothing of the document applies on that date (not yet in force, expired, call closed).
    out_of_date: Option<Bi>,
    /// The figure stands, but the document may already have ended (the Wuhan draft in 2027).
    uncertain: Option<Bi>,
}

/// A document's status on a date (the page's list of sources).
pub fn status_on(doc: &Document, as_of: Date) -> Status {
    doc_status(doc, as_of, false).status
}

/// Fills a date text of the rule data: `{as_of}`, `{from}`, `{to}`.
fn fill(text: &str, doc: &Document, as_of: Date) -> String {
    let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
    text.replace("{as_of}", &as_of.to_string())
        .replace("{from}", &d(doc.valid_from))
        .replace("{to}", &d(doc.valid_to))
}

/// The status for `source.status`, and the reasons the date gives.
fn doc_status(doc: &Document, as_of: Date, full: bool) -> Dates {
    let text = |zh: &Option<String>, en: &Option<String>, dzh: String, den: String| {
        t!(
            full,
            zh.as_deref().map_or(dzh, |t| fill(t, doc, as_of)),
            en.as_deref().map_or(den, |t| fill(t, doc, as_of)),
        )
    };
    let span = || fill("{from}–{to}", doc, as_of);
    if doc.valid_from.is_some_and(|f| as_of < f) {
        return Dates {
            status: Status::NotYet,
            out_of_date: Some(text(
                &doc.not_yet_zh,
                &doc.not_yet_en,
                format!("{}有效期为{},计算日期{as_of}尚未施行", doc.name_zh, span()),
                format!("{} is in force {}; not yet on {as_of}", doc.name_en, span()),
            )),
            uncertain: None,
        };
    }
    if doc.valid_to.is_some_and(|t| as_of > t) {
        return Dates {
            status: Status::Expired,
            out_of_date: Some(text(
                &doc.expired_zh,
                &doc.expired_en,
                format!("{}有效期为{},计算日期{as_of}已过期", doc.name_zh, span()),
                format!(
                    "{} was in force {}; expired on {as_of}",
                    doc.name_en,
                    span()
                ),
            )),
            uncertain: None,
        };
    }
    let status = doc.standing();
    let uncertain = doc.uncertain_from.filter(|u| as_of >= *u).map(|_| {
        text(
            &doc.uncertain_zh,
            &doc.uncertain_en,
            String::new(),
            String::new(),
        )
    });
    Dates {
        status,
        out_of_date: None,
        uncertain,
    }
}

fn source<'a>(
    doc: &'a Document,
    clause: &'a str,
    quote: Cow<'a, str>,
    status: Status,
) -> Source<'a> {
    Source {
        document: &doc.name_zh,
        document_en: &doc.name_en,
        clause,
        quote,
        status,
        valid_from: doc.valid_from,
        valid_to: doc.valid_to,
        seed: &doc.seed,
    }
}

fn blank_award<'a>(doc: &'a Document, rule: &'a Rule, dates: &Dates, full: bool) -> Award<'a> {
    let mut notes: Vec<Cow<'a, str>> = Vec::new();
    let mut notes_zh: Vec<Cow<'a, str>> = Vec::new();
    if full {
        award_notes(doc, rule, dates, &mut notes, &mut notes_zh);
    }
    Award {
        id: &rule.id,
        family: rule.family,
        kind: Kind::NotEligible,
        title_zh: &rule.title_zh,
        title_en: &rule.title_en,
        amount: None,
        min: None,
        max: None,
        uncapped: None,
        binding_cap: None,
        binding_cap_zh: None,
        steps: Vec::new(),
        steps_zh: Vec::new(),
        source: source(doc, &rule.clause, Cow::Borrowed(&rule.quote), dates.status),
        reason: None,
        reason_zh: None,
        in_totals: rule.in_totals,
        notes,
        notes_zh,
        items: Vec::new(),
        stacking: None,
        value: None,
    }
}

/// An award's standing notes: the draft label, an uncertain end, the rule's own notes, and why it is
/// not added to the totals.
fn award_notes<'a>(
    doc: &'a Document,
    rule: &'a Rule,
    dates: &Dates,
    notes: &mut Vec<Cow<'a, str>>,
    notes_zh: &mut Vec<Cow<'a, str>>,
) {
    if let Some((zh, en)) = &doc.draft_note {
        notes_zh.push(Cow::Borrowed(zh.as_str()));
        notes.push(Cow::Borrowed(en.as_str()));
    }
    if let Some(u) = &dates.uncertain {
        notes_zh.push(Cow::Owned(u.zh.clone()));
        notes.push(Cow::Owned(u.en.clone()));
    }
    notes.extend(rule.notes_en.iter().map(|n| Cow::Borrowed(n.as_str())));
    notes_zh.extend(rule.notes_zh.iter().map(|n| Cow::Borrowed(n.as_str())));
    if let (false, Some(zh), Some(en)) = (
        rule.in_totals,
        &rule.not_in_totals_zh,
        &rule.not_in_totals_en,
    ) {
        notes_zh.push(Cow::Borrowed(zh.as_str()));
        notes.push(Cow::Borrowed(en.as_str()));
    }
}

fn not_eligible(mut award: Award<'_>, reason: Bi) -> Award<'_> {
    award.kind = Kind::NotEligible;
    award.reason = Some(reason.en);
    award.reason_zh = Some(reason.zh);
    award
}

fn evaluate_rule<'a>(
    app: &Application,
    doc: &'a Document,
    rule: &'a Rule,
    dates: &Dates,
) -> Award<'a> {
    let full = app.detail == Detail::Full;
    let award = blank_award(doc, rule, dates, full);
    if let Some(reason) = &dates.out_of_date {
        return not_eligible(award, reason.clone());
    }
    if let Some((_, when)) = app.paid_once.iter().find(|(id, _)| id == &rule.id) {
        let (zh, en) = (
            rule.once_zh.as_deref().unwrap_or("一次性奖励"),
            rule.once_en.as_deref().unwrap_or("a one-time award"),
        );
        return not_eligible(
            award,
            t!(
                full,
                format!("{zh}:已在{when}那一年计入,不再重复计算"),
                format!("{en}: already counted in the year of {when}, not again"),
            ),
        );
    }
    match rule.per {
        Per::Enterprise => {
            if !full && rule.requires.iter().any(|c| !holds(app, c, None).0) {
                return not_eligible(award, Bi::default());
            }
            let failing: Vec<Bi> = rule
                .requires
                .iter()
                .filter_map(|c| failing_reason(app, c, None))
                .collect();
            if !failing.is_empty() {
                return not_eligible(award, join(&failing));
            }
            match calc_rule(app, rule, None) {
                Ok(calc) => finish(award, calc, full),
                Err(reason) => not_eligible(award, reason),
            }
        }
        Per::Scenario => evaluate_per_scenario(app, rule, award),
    }
}

/// What one application of a rule's formula gives.
#[derive(Debug)]
struct Calc {
    kind: Kind,
    amount: Option<Decimal>,
    range: Option<(Decimal, Decimal)>,
    uncapped: Decimal,
    binding: Option<Bi>,
    steps: Vec<Bi>,
    /// Why the figure is zero, when a deduction or the rounding made it so.
    zero_why: Option<Bi>,
}

fn finish(mut award: Award<'_>, calc: Calc, full: bool) -> Award<'_> {
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
    award
}

/// A rule's figure: its formula, or the most favourable of the variants that apply.
fn calc_rule(app: &Application, rule: &Rule, sc: Option<&Scenario>) -> Result<Calc, Bi> {
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

fn no_figure(kind: Kind, mut steps: Vec<Bi>, full: bool) -> Calc {
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

fn calc_formula(app: &Application, f: &Formula, kind: Kind, sc: Option<&Scenario>) -> Calc {
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
                let zh = t.zh.clone().unwrap_or_else(|| field.zh.to_string());
                let en = t.en.clone().unwrap_or_else(|| field.en.to_string());
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
fn formula_note(f: &Formula, steps: &mut Vec<Bi>, full: bool) {
    if let (Some(zh), Some(en)) = (&f.note_zh, &f.note_en) {
        add(steps, t!(full, zh.as_str(), en.as_str()));
    }
}

/// Applies the caps in order; returns the capped figure and the cap that bound it (if any).
fn apply_caps(
    app: &Application,
    caps: &[Cap],
    base: Decimal,
    sc: Option<&Scenario>,
    steps: &mut Vec<Bi>,
) -> (Decimal, Option<Bi>) {
    let full = app.detail == Detail::Full;
    let mut amount = base;
    let mut binding = None;
    for cap in caps {
        let relaxable = cap
            .relaxable_if
            .is_some_and(|w| app.value(w.0, sc).is_set());
        let (mut limit, mut label) = match (cap.amount, cap.rate, cap.fact) {
            (Some(a), _, _) => (
                a.0,
                match &cap.label {
                    Some((zh, en)) => t!(full, zh.as_str(), en.as_str()),
                    None => t!(
                        full,
                        format!("{} {}元", cap.scope.zh(), human(a.0)),
                        format!("{}: {}", cap.scope.en(), plain(a.0)),
                    ),
                },
            ),
            (None, Some(r), Some(fact)) => {
                let v = app.value(fact.0, sc).num();
                let lim = v * r.0;
                let field = fact.0.field();
                (
                    lim,
                    t!(
                        full,
                        format!(
                            "不超过{} {}元的{} = {}元",
                            field.zh,
                            human(v),
                            percent(r.0),
                            human(lim)
                        ),
                        format!(
                            "{}: {} of {} {} = {}",
                            cap.scope.en(),
                            percent(r.0),
                            field.en,
                            human(v),
                            plain(lim)
                        ),
                    ),
                )
            }
            _ => continue,
        };
        if let Some(less) = cap.less {
            let got = app.value(less.0, sc).num();
            if got > Decimal::ZERO {
                let left = (limit - got).max(Decimal::ZERO);
                label = t!(
                    full,
                    format!(
                        "{}元,扣除已获{}元后剩余{}元",
                        label.zh.trim_end_matches('元'),
                        human(got),
                        human(left)
                    ),
                    format!(
                        "{} less {} already received = {}",
                        label.en,
                        plain(got),
                        plain(left)
                    ),
                );
                limit = left;
            }
        }
        if amount > limit {
            add(
                steps,
                t!(
                    full,
                    format!("封顶:{}", label.zh),
                    format!("capped at {}", label.en),
                ),
            );
            if relaxable {
                // 可以放宽: the stated cap stays the figure; the rate figure is `uncapped`.
                add(
                    steps,
                    t!(
                        full,
                        format!(
                            "{}(按比例计算为{}元)",
                            cap.relaxed_zh.as_deref().unwrap_or(""),
                            human(amount)
                        ),
                        format!(
                            "{} (the rate gives {})",
                            cap.relaxed_en.as_deref().unwrap_or(""),
                            human(amount)
                        ),
                    ),
                );
                label = t!(
                    full,
                    format!("{}(可以放宽)", label.zh),
                    format!("{} (may be relaxed)", label.en),
                );
            }
            amount = limit;
            binding = Some(label);
        } else {
            add(
                steps,
                t!(
                    full,
                    format!("未超过{}", label.zh),
                    format!("within the cap ({})", label.en),
                ),
            );
        }
    }
    (amount, binding)
}

/// "5000000" style for cap labels (the contract's binding_cap format).
fn plain(d: Decimal) -> String {
    round_yuan(d).normalize().to_string()
}

fn evaluate_per_scenario<'a>(app: &Application, rule: &'a Rule, mut award: Award<'a>) -> Award<'a> {
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
    finish(award, calc, full)
}

/// The requirement text of a condition, for "what would qualify".
fn requirement(c: &Cond, full: bool) -> Bi {
    t!(
        full,
        c.zh.clone().unwrap_or_default(),
        c.en.clone().unwrap_or_default(),
    )
}

/// Whether a condition holds, with the threshold actually used (a relaxed one may apply).
fn holds<'a>(
    app: &Application,
    c: &'a Cond,
    sc: Option<&Scenario>,
) -> (bool, Option<&'a crate::rulebook::Relaxed>) {
    let relaxed = c
        .relaxed
        .as_ref()
        .filter(|r| r.when.iter().all(|w| holds(app, w, sc).0));
    let value = relaxed.map(|r| &r.value).or(c.value.as_ref());
    let v = app.value(c.fact.0, sc);
    let ok = match c.op {
        Op::IsTrue => matches!(v, Val::Flag(true)),
        Op::IsFalse => matches!(v, Val::Flag(false)),
        Op::Eq => matches!(v, Val::Choice(x) if value.is_some_and(|t| t.text == *x)),
        Op::In => matches!(v, Val::Choice(x) if c.values.iter().any(|y| y == x)),
        Op::Contains => {
            matches!(&v, Val::Set(s) if s.iter().any(|x| value.is_some_and(|t| t.text == *x)))
        }
        Op::ContainsAny => {
            matches!(&v, Val::Set(s) if s.iter().any(|x| c.values.iter().any(|y| y == x)))
        }
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => match v {
            Val::Date(None) => false,
            Val::Date(Some(d)) => value
                .and_then(|t| t.date)
                .is_some_and(|t| compare(c.op, *d, t)),
            other => value
                .and_then(|t| t.num)
                .is_some_and(|t| compare(c.op, other.num(), t)),
        },
    };
    (ok, relaxed)
}

fn compare<T: PartialOrd>(op: Op, a: T, b: T) -> bool {
    match op {
        Op::Gt => a > b,
        Op::Gte => a >= b,
        Op::Lt => a < b,
        Op::Lte => a <= b,
        _ => false,
    }
}

/// The reason a condition fails, naming what was entered; None when it holds. Each language's
/// line is wholly in that language (choice values by their labels, not their keys).
fn failing_reason(app: &Application, c: &Cond, sc: Option<&Scenario>) -> Option<Bi> {
    let (ok, relaxed) = holds(app, c, sc);
    if ok {
        return None;
    }
    if app.detail == Detail::Figures {
        return Some(Bi::default());
    }
    // A relaxed threshold whose own conditions hold is the one the applicant missed.
    let (req_zh, req_en) = match c.relaxed.as_ref() {
        Some(r) if relaxed.is_none() && r.when.iter().all(|w| holds(app, w, sc).0) => {
            (r.zh.as_str(), r.en.as_str())
        }
        _ => (c.zh.as_deref().unwrap_or(""), c.en.as_deref().unwrap_or("")),
    };
    let unit = c.unit.as_deref().unwrap_or("");
    let v = app.value(c.fact.0, sc);
    let field = c.fact.0.field();
    let labels = |xs: &[&str], en: bool| {
        xs.iter()
            .map(|x| {
                let (zh, e) = crate::input::choice_label(x);
                if en { e } else { zh }
            })
            .collect::<Vec<_>>()
            .join(if en { ", " } else { "、" })
    };
    let (shown_zh, shown_en): (String, String) = match (v, field.ty) {
        (Val::Flag(true), _) => ("是".into(), "yes".into()),
        (Val::Flag(false), _) => ("否".into(), "no".into()),
        (Val::Num(d), Ty::Money) => {
            let h = human(*d);
            (format!("{h}元"), format!("{h} yuan"))
        }
        (Val::Num(d), Ty::Percent) => {
            let p = format!("{}%", d.normalize());
            (p.clone(), p)
        }
        (Val::Num(d), ty) => {
            // A derived measure (an average) is shown truncated, never rounded up to a threshold.
            let (h, about) = if ty == Ty::Measure {
                crate::money::truncated(*d, 4)
            } else {
                (human(*d), false)
            };
            // "8,000 m²" but "12家": a space before Latin units only.
            let sep = if unit.chars().next().is_some_and(|c| (c as u32) < 0x2E80) {
                " "
            } else {
                ""
            };
            (
                format!("{}{h}{unit}", if about { "约" } else { "" }),
                format!("{}{h}{sep}{unit}", if about { "about " } else { "" }),
            )
        }
        (Val::Choice(x), _) => (labels(&[x], false), labels(&[x], true)),
        (Val::Set(s), _) if s.is_empty() => ("无".into(), "none".into()),
        (Val::Set(s), _) => (labels(s, false), labels(s, true)),
        (Val::Date(Some(d)), _) => (d.to_string(), d.to_string()),
        (Val::Date(None), _) => ("未填写".into(), "not given".into()),
        (Val::Text(t), _) => (t.clone(), t.clone()),
    };
    let mut zh = String::with_capacity(req_zh.len() + field.zh.len() + shown_zh.len() + 16);
    zh.push_str(req_zh);
    zh.push_str("(已填:");
    zh.push_str(field.zh);
    zh.push(':');
    zh.push_str(&shown_zh);
    zh.push(')');
    let mut en = String::with_capacity(req_en.len() + field.en.len() + shown_en.len() + 16);
    en.push_str(req_en);
    en.push_str(" (entered: ");
    en.push_str(field.en);
    en.push_str(": ");
    en.push_str(&shown_en);
    en.push(')');
    Some(Bi { zh, en })
}

/// Stacking groups: "highest" keeps the best member and leaves the others out of the totals;
/// "stack" says in each member that the source lets them add up. A group says something only when
/// more than one of its members pays: a note about a partner award that is not there would be false.
fn apply_groups(book: &RuleBook, awards: &mut [Award], notes: &mut Vec<Bi>, full: bool) {
    for g in &book.groups {
        let paying: Vec<usize> = awards
            .iter()
            .enumerate()
            .filter(|(_, a)| a.value.is_some() && g.members.iter().any(|m| m == a.id))
            .map(|(i, _)| i)
            .collect();
        if paying.len() < 2 {
            continue;
        }
        match g.mode {
            GroupMode::Stack => {
                for i in &paying {
                    awards[*i].stacking = Some(Stacking {
                        group: g.id.clone(),
                        mode: "stack",
                        counted: true,
                        note: g.en.clone(),
                        note_zh: g.zh.clone(),
                    });
                }
                add(notes, t!(full, g.zh.clone(), g.en.clone()));
            }
            GroupMode::Highest => {
                let Some(best) = paying
                    .iter()
                    .copied()
                    .max_by(|a, b| awards[*a].value.cmp(&awards[*b].value).then(b.cmp(a)))
                else {
                    continue;
                };
                let best_id = awards[best].id;
                for i in &paying {
                    let counted = *i == best;
                    let (note, note_zh) = if counted {
                        (
                            format!(
                                "{} — this award is the highest of the group and is the one paid",
                                g.en
                            ),
                            format!("{}——本项金额最高,按本项享受", g.zh),
                        )
                    } else {
                        (
                            format!(
                                "{} — {best_id} pays more, so this award is not counted",
                                g.en
                            ),
                            format!("{}——{best_id}金额更高,本项不计入合计", g.zh),
                        )
                    };
                    awards[*i].in_totals = awards[*i].in_totals && counted;
                    awards[*i].stacking = Some(Stacking {
                        group: g.id.clone(),
                        mode: "highest",
                        counted,
                        note,
                        note_zh,
                    });
                }
                add(
                    notes,
                    t!(
                        full,
                        format!("{}:按“从优、就高、不重复”只计{best_id}", g.zh),
                        format!("{}: only {best_id} is counted (从优、就高、不重复)", g.en),
                    ),
                );
            }
        }
    }
}
