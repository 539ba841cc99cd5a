//! The evaluation: a pure function from a validated application and the rule book to a result.
//! Every branch on policy content lives in the rule data; this module only knows the shapes a rule
//! can take. Here: the result, a document's dates, one rule's eligibility and its text. Beside it:
//! `formula` (a rule's figure and its variants), `caps`, `scenario` (per-project clauses),
//! `conditions` (whether a condition holds, and why not), `groups` (stacking).
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

mod caps;
mod conditions;
mod formula;
mod groups;
mod scenario;

use caps::apply_caps;
use conditions::{failing_reason, holds, requirement};
use formula::{Calc, calc_rule, finish};
use groups::apply_groups;
use scenario::evaluate_per_scenario;

/// Every clause of the application's region, evaluated on its date; the totals; the notes.
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
            awards.push(blank_award(doc, rule, &dates, full));
            if let Some(award) = awards.last_mut() {
                evaluate_rule(app, rule, &dates, award);
            }
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
    let full = app.detail == Detail::Full;
    let dates = doc_status(doc, app.as_of, full);
    let mut award = blank_award(doc, rule, &dates, full);
    evaluate_rule(app, rule, &dates, &mut award);
    Some(award)
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
    let text = |zh: &Option<crate::rulebook::Str>,
                en: &Option<crate::rulebook::Str>,
                dzh: String,
                den: String| {
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

fn not_eligible(award: &mut Award<'_>, reason: Bi) {
    award.kind = Kind::NotEligible;
    award.reason = Some(reason.en);
    award.reason_zh = Some(reason.zh);
}

/// One clause's award, written in place (an award is large: built where it stays, not moved).
fn evaluate_rule(app: &Application, rule: &Rule, dates: &Dates, award: &mut Award<'_>) {
    let full = app.detail == Detail::Full;
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
