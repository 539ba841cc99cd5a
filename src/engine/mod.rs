//! The evaluation: a pure function from a validated application and the rule book to a result.
//! Every branch on policy content lives in the rule data; this module only knows the shapes a rule
//! can take. It writes no words: what it did is recorded as `text::Line`s, written when shown.
//! Here: the result, a document's dates, one rule's eligibility. Beside it:
//! `formula` (a rule's figure and its variants), `caps`, `scenario` (per-project clauses),
//! `conditions` (whether a condition holds, and why not), `groups` (stacking).
use crate::date::Date;
use crate::input::{Application, At, Detail, FactRef, Ty, Val};
use crate::money::{Yuan, round_yuan};
use crate::result::{Award, CheckResult, Item, Outcome, Source, Stacking, Total};
use crate::rulebook::{
    Cap, Cond, DocStatus, Document, Formula, GroupMode, Kind, Op, Per, Rule, RuleBook, Status,
    lookup,
};
use crate::text::{CapLine, Limit, Line, entered};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Several reasons as one (one reason is itself).
fn join(mut lines: Vec<Line<'_>>) -> Line<'_> {
    if lines.len() == 1 {
        lines.pop().unwrap_or(Line::All(Vec::new()))
    } else {
        Line::All(lines)
    }
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
    evaluate_in(app, book, Vec::new())
}

/// [`evaluate`], its awards written into the memory of an earlier result's list (emptied here): a
/// batch reuses one list for every row instead of allocating ~22 KB per row (1,000,000 rows: user
/// time 4.27-4.37 s -> 4.18-4.22 s, 2026-11-26).
pub fn evaluate_in<'a>(
    app: &Application,
    book: &'a RuleBook,
    mut awards: Vec<Award<'a>>,
) -> Outcome<'a> {
    awards.clear();
    std::hint::black_box(app.prefetch());
    let full = app.detail == Detail::Full;
    let region = book.region(&app.region);
    let mut checks = Vec::new();
    let mut notes: Vec<Line<'a>> = Vec::new();
    // The region's documents, walked twice (not collected: one allocation fewer an evaluation).
    let docs = || {
        region
            .into_iter()
            .flat_map(|r| r.documents.iter().filter_map(|k| book.document(k)))
    };
    // Sized once: an award is large, and growing the list moved every award already in it.
    awards.reserve(docs().map(|d| d.rules.len()).sum());
    for doc in docs() {
        let dates = doc_status(doc, app.as_of);
        // Each award is made where it stays (an extend of a known length writes in place; a push
        // of each built on the stack copied its 736 bytes), then evaluated there.
        let first = awards.len();
        awards.extend(
            doc.rules
                .iter()
                .map(|rule| blank_award(doc, rule, &dates, full)),
        );
        for (rule, award) in doc.rules.iter().zip(&mut awards[first..]) {
            evaluate_rule(app, rule, &dates, award);
        }
        // Qualification checks: whether each passed (a batch's table has a column for it), and in
        // a full result what is missing, and why.
        for check in doc.checks.iter() {
            let entered = check.entered.iter().any(|f| app.value(f.0, None).is_set());
            if !entered {
                continue;
            }
            // A call that has closed (or a plan not yet in force) fails every check, and says why.
            let mut failing: Vec<Line> = dates
                .out_of_date()
                .into_iter()
                .chain(
                    check
                        .requires
                        .iter()
                        .filter_map(|c| failing_reason(app, c, None)),
                )
                .collect();
            let passed = failing.is_empty();
            let quote = match (&check.quote2, full) {
                (Some(q2), true) => Cow::Owned(format!("{}……{q2}", check.quote)),
                _ => Cow::Borrowed(check.quote.as_str()),
            };
            if !full {
                failing.clear();
            }
            checks.push(CheckResult {
                id: &check.id,
                title_zh: &check.title_zh,
                title_en: &check.title_en,
                passed,
                failing,
                source: source(doc, &check.clause, quote, dates.status),
            });
        }
        if !full {
            continue;
        }
        if doc.status == DocStatus::Draft || !doc.rules.is_empty() {
            notes.extend(doc.notes_zh.iter().zip(doc.notes_en.iter()).map(said));
        }
        if let Some(reason) = dates.out_of_date() {
            notes.push(reason);
        } else if let Some(u) = dates.uncertain() {
            notes.push(u);
        } else if doc.valid_from.is_none()
            && doc.valid_to.is_none()
            && !doc.rules.is_empty()
            && doc.dates_zh.is_some()
            && doc.dates_en.is_some()
        {
            notes.push(Line::Dates { doc });
        }
    }
    apply_groups(book, &mut awards, &mut notes, full);
    if let (true, Some(r)) = (full, region) {
        let unused = unused_fields(app, r);
        if !unused.is_empty() {
            notes.push(Line::Unused(unused));
        }
    }
    let mut total = Totals::default();
    let mut open = 0;
    for a in &awards {
        if !a.in_totals {
            continue;
        }
        let draft = a.source.status == Status::Draft;
        match (a.kind, a.value()) {
            (Kind::Exact, Some(v)) => total.add(v, true, draft),
            (Kind::UpTo, Some(v)) => total.add(v, false, draft),
            (Kind::Range | Kind::Unspecified | Kind::CaseByCase, _) => open += 1,
            _ => {}
        }
    }
    if full {
        if awards
            .iter()
            .filter(|a| a.in_totals && a.amount.is_some())
            .count()
            > 1
        {
            notes.push(Line::Said {
                zh: "合计假定各项奖励可以叠加:原文未规定叠加规则的,按可叠加计算;实际以主管部门审核为准。",
                en: "The totals assume the awards add up: where the sources say nothing about stacking, they are added; the authorities decide in the end.",
            });
        }
        if open > 0 {
            notes.push(Line::Open(open));
        }
        notes.push(Line::Said {
            zh: "以上金额是依据公开政策文本的测算,不是官方认定;以主管部门审核结果为准。",
            en: "These figures are estimates from the published texts, not an official determination.",
        });
    }
    Outcome {
        schema: 2,
        rules_version: book.version(),
        region: app.region.clone(),
        region_name_zh: region.map_or("", |r| r.name_zh.as_str()),
        as_of: app.as_of,
        awards,
        total: Total {
            exact: Yuan(total.exact),
            up_to: Yuan(total.up_to),
            draft_exact: Yuan(total.draft_exact),
            draft_up_to: Yuan(total.draft_up_to),
        },
        checks,
        notes,
        changes: None,
        changes_zh: None,
        code: None,
    }
}

/// The fields entered that no clause or check of the region reads.
fn unused_fields(app: &Application, region: &crate::rulebook::RegionDef) -> Vec<FactRef> {
    let read = |list: &[u32], i: usize| list.binary_search(&(i as u32)).is_ok();
    let mut out: Vec<FactRef> = app
        .values
        .iter()
        .enumerate()
        .filter(|(i, v)| v.is_entered(crate::input::FIELDS[*i].ty) && !read(&region.reads, *i))
        .map(|(i, _)| FactRef::Field(i))
        .collect();
    // A project's name is read wherever its figures are.
    let fields = app.scenarios.first().map_or(0, |s| s.values.len());
    out.extend(
        (0..fields)
            .filter(|j| {
                !read(&region.scenario_reads, *j)
                    && (*j > 0 || region.scenario_reads.is_empty())
                    && app
                        .scenarios
                        .iter()
                        .any(|s| s.values[*j].is_entered(crate::input::SCENARIO_FIELDS[*j].ty))
            })
            .map(FactRef::Scenario),
    );
    out
}

/// The rule data's own words, as a line.
fn said<'a>((zh, en): (&'a crate::rulebook::Str, &'a crate::rulebook::Str)) -> Line<'a> {
    Line::Said {
        zh: zh.as_str(),
        en: en.as_str(),
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
    let dates = doc_status(doc, app.as_of);
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
#[derive(Clone, Copy)]
struct Dates<'a> {
    doc: &'a Document,
    as_of: Date,
    status: Status,
    /// The figure stands, but the document may already have ended (the Wuhan draft in 2027).
    uncertain: bool,
}

impl<'a> Dates<'a> {
    /// Why nothing of the document applies on that date (not yet in force, expired, call closed).
    fn out_of_date(&self) -> Option<Line<'a>> {
        let (doc, as_of) = (self.doc, self.as_of);
        match self.status {
            Status::NotYet => Some(Line::NotYet { doc, as_of }),
            Status::Expired => Some(Line::Expired { doc, as_of }),
            _ => None,
        }
    }
    /// That the document may already have ended on the date.
    fn uncertain(&self) -> Option<Line<'a>> {
        let (doc, as_of) = (self.doc, self.as_of);
        self.uncertain.then_some(Line::Uncertain { doc, as_of })
    }
}

/// A document's status on a date (the page's list of sources).
pub fn status_on(doc: &Document, as_of: Date) -> Status {
    doc_status(doc, as_of).status
}

/// The status for `source.status`; its reasons are made from it when asked (data, written when
/// shown).
fn doc_status(doc: &Document, as_of: Date) -> Dates<'_> {
    let status = if doc.valid_from.is_some_and(|f| as_of < f) {
        Status::NotYet
    } else if doc.valid_to.is_some_and(|t| as_of > t) {
        Status::Expired
    } else {
        doc.standing()
    };
    Dates {
        doc,
        as_of,
        status,
        uncertain: !matches!(status, Status::NotYet | Status::Expired)
            && doc.uncertain_from.is_some_and(|u| as_of >= u),
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

// Inlined where speed is asked for (the command line, the batch page): built in place in the
// list. The calculator page is built for size, where forcing it costs 0.2 KB gzip.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn blank_award<'a>(doc: &'a Document, rule: &'a Rule, dates: &Dates<'a>, full: bool) -> Award<'a> {
    let mut notes = Vec::new();
    if full {
        award_notes(doc, rule, dates, &mut notes);
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
        steps: Vec::new(),
        source: source(doc, &rule.clause, Cow::Borrowed(&rule.quote), dates.status),
        reason: None,
        in_totals: rule.in_totals,
        notes,
        items: Vec::new(),
        stacking: None,
    }
}

/// An award's standing notes: the draft label, an uncertain end, the rule's own notes, and why it is
/// not added to the totals.
fn award_notes<'a>(
    doc: &'a Document,
    rule: &'a Rule,
    dates: &Dates<'a>,
    notes: &mut Vec<Line<'a>>,
) {
    if let Some((zh, en)) = &doc.draft_note {
        notes.push(said((zh, en)));
    }
    if let Some(u) = dates.uncertain() {
        notes.push(u);
    }
    notes.extend(rule.notes_zh.iter().zip(rule.notes_en.iter()).map(said));
    if let (false, Some(zh), Some(en)) = (
        rule.in_totals,
        &rule.not_in_totals_zh,
        &rule.not_in_totals_en,
    ) {
        notes.push(said((zh, en)));
    }
}

/// Not eligible, and why (no reason in a figures-only evaluation).
fn not_eligible<'a>(award: &mut Award<'a>, reason: Option<Line<'a>>) {
    award.kind = Kind::NotEligible;
    award.reason = reason;
}

/// One clause's award, written in place (an award is large: built where it stays, not moved).
fn evaluate_rule<'a>(app: &Application, rule: &'a Rule, dates: &Dates<'a>, award: &mut Award<'a>) {
    let full = app.detail == Detail::Full;
    if let Some(reason) = dates.out_of_date() {
        return not_eligible(award, full.then_some(reason));
    }
    if let Some((zh, en)) = &rule.off {
        return not_eligible(award, full.then_some(said((zh, en))));
    }
    let (once_zh, once_en) = (
        rule.once_zh.as_deref().unwrap_or("一次性奖励"),
        rule.once_en.as_deref().unwrap_or("a one-time award"),
    );
    if let Some(each) = rule.once_each {
        return once_each(app, rule, award, each.0, (once_zh, once_en));
    }
    if let Some(line) = stage_counted(app, rule) {
        return not_eligible(award, full.then_some(line));
    }
    if let Some(first) = app.paid_once.iter().find(|p| p.id == rule.id) {
        let line = Line::PaidOnce {
            zh: once_zh,
            en: once_en,
            year: first.year,
        };
        return not_eligible(award, full.then_some(line));
    }
    evaluate_clause(app, rule, award);
}

/// A clause paid once for each value of a set (each first recognition on its own): evaluated on the
/// values not counted in an earlier year of a plan, and its steps name the values it pays for now
/// and those counted before, with their years.
fn once_each<'a>(
    app: &Application,
    rule: &'a Rule,
    award: &mut Award<'a>,
    fact: FactRef,
    (zh, en): (&'a str, &'a str),
) {
    let (FactRef::Field(i), Val::Set(set)) = (fact, app.value(fact, None)) else {
        return evaluate_clause(app, rule, award);
    };
    // The values the clause's conditions name (a set may hold others: 独角兽 is no champion).
    let named = |v: &str| {
        rule.requires
            .iter()
            .any(|c| c.fact.0 == fact && c.values.iter().any(|x| x == v))
    };
    let before: Vec<(&'static str, Date)> = set
        .iter()
        .filter(|v| named(v))
        .filter_map(|v| {
            app.paid_once
                .iter()
                .find(|p| p.id == rule.id && p.thing == Some(*v))
                .map(|p| (*v, p.year))
        })
        .collect();
    let now: Vec<&'static str> = set
        .iter()
        .filter(|v| named(v))
        .filter(|v| !before.iter().any(|(b, _)| b == *v))
        .copied()
        .collect();
    if before.is_empty() {
        evaluate_clause(app, rule, award);
    } else {
        let mut rest = app.clone();
        rest.values[i] = Val::Set(
            set.iter()
                .filter(|v| !before.iter().any(|(b, _)| b == *v))
                .copied()
                .collect(),
        );
        evaluate_clause(&rest, rule, award);
    }
    if app.detail != Detail::Full {
        return;
    }
    if award.kind == Kind::NotEligible {
        if now.is_empty() && !before.is_empty() {
            award.reason = Some(Line::PaidOnceEach { zh, en, before });
        }
    } else if !now.is_empty() {
        award.steps.insert(
            0,
            Line::OnceEach {
                zh,
                en,
                now,
                before,
            },
        );
    }
}

/// A staged award over a plan's years (`shared_over_years`, its stage a choice whose options run in
/// order): a year pays only at a stage later than every stage counted in an earlier year — a first
/// IPO's stages come once each, in order. The stage counted furthest on, if this year's is not later.
fn stage_counted<'a>(app: &Application, rule: &'a Rule) -> Option<Line<'a>> {
    if !rule.shared_over_years || app.stages_counted.is_empty() {
        return None;
    }
    let fact = rule.formula.as_ref()?.stage.as_ref()?.fact.0;
    let (Val::Choice(now), Ty::Choice(order)) = (app.value(fact, None), fact.field().ty) else {
        return None;
    };
    let at = |v: &str| order.iter().position(|o| *o == v);
    let (furthest, year) = app
        .stages_counted
        .iter()
        .filter(|p| p.id == rule.id)
        .filter_map(|p| Some((p.thing?, p.year)))
        .max_by_key(|(v, _)| at(v))?;
    (at(now)? <= at(furthest)?).then_some(Line::StageCounted {
        now,
        counted: furthest,
        year,
    })
}

/// The clause's figure (or why not) from the application's facts.
fn evaluate_clause<'a>(app: &Application, rule: &'a Rule, award: &mut Award<'a>) {
    let full = app.detail == Detail::Full;
    match rule.per {
        Per::Enterprise => {
            if rule.requires.iter().any(|c| !holds(app, c, None).0) {
                let failing = full.then(|| {
                    join(
                        rule.requires
                            .iter()
                            .filter_map(|c| failing_reason(app, c, None))
                            .collect(),
                    )
                });
                return not_eligible(award, failing);
            }
            match calc_rule(app, rule, None) {
                Ok(calc) => finish(award, calc, full),
                Err(reason) => not_eligible(award, reason),
            }
        }
        Per::Scenario | Per::Project => evaluate_per_scenario(app, rule, award),
    }
}
