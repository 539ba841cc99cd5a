//! The result (the contract's output). Amounts are strings with two decimals; the exact decimals
//! ride along unserialised for totals and tests. Its words are [`Line`]s (`text/`), written when it
//! is serialised: in both languages (the contract), or in one (`Outcome::in_langs`); the view
//! structs below keep the contract's keys and order (a plan's `changes` are part of the result
//! rather than a flattened wrapper: serde's flatten would add a second copy of every serializer to
//! the web bundle, ~7 KB gzip).
use crate::date::Date;
use crate::money::Yuan;
use crate::rulebook::{Family, Kind, Status};
use crate::text::{CapLine, In, Lang, Langs, Line, written};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

#[derive(Clone, Debug)]
pub struct Outcome<'a> {
    pub schema: u32,
    pub rules_version: &'a str,
    pub region: String,
    pub region_name_zh: &'a str,
    pub as_of: Date,
    pub awards: Vec<Award<'a>>,
    pub total: Total,
    pub checks: Vec<CheckResult<'a>>,
    /// The result's notes (`notes` / `notes_zh` when serialised).
    pub notes: Vec<Line<'a>>,
    /// In a plan over years (never in `eval`): why each figure differs from the year before.
    pub changes: Option<Vec<String>>,
    pub changes_zh: Option<Vec<String>>,
    /// The verification code ([`crate::code`]): set where a result is handed out (eval, the API,
    /// a plan's years, a batch's rows), from the application it was evaluated from.
    pub code: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Total {
    pub exact: Yuan,
    pub up_to: Yuan,
    /// The parts of `exact` and `up_to` that come from draft documents (schema 2).
    pub draft_exact: Yuan,
    pub draft_up_to: Yuan,
}

/// One clause's award. Its words — the steps, the reason, the binding cap, the notes — are
/// recorded as [`Line`]s and written in a language when shown or serialised
/// (`steps` / `steps_zh`, `reason` / `reason_zh`, … in the contract).
#[derive(Clone, Debug)]
pub struct Award<'a> {
    pub id: &'a str,
    pub family: Family,
    pub kind: Kind,
    pub title_zh: &'a str,
    pub title_en: &'a str,
    pub amount: Option<Yuan>,
    pub min: Option<Yuan>,
    pub max: Option<Yuan>,
    /// Set when a cap binds: the figure before the cap (the amount is the cap).
    pub uncapped: Option<Yuan>,
    pub binding_cap: Option<CapLine<'a>>,
    pub steps: Vec<Line<'a>>,
    pub source: Source<'a>,
    /// Why the award is not paid (None when it is, and in a figures-only evaluation).
    pub reason: Option<Line<'a>>,
    /// false: listed with its figure but not added to the totals (schema 2): the loser of a
    /// `highest` group, or an equity investment such as 拨改投; the notes say why.
    pub in_totals: bool,
    pub notes: Vec<Line<'a>>,
    /// Per-project figures of a per-scenario or per-project clause.
    pub items: Vec<Item<'a>>,
    pub stacking: Option<Stacking<'a>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Item<'a> {
    /// The scenario project's place in `scenarios` (a per-scenario clause).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<usize>,
    /// The entry's place in the clause's list field (a per-project clause: `other.…` amounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<usize>,
    /// The project's name; empty in a figures-only evaluation (it writes no words).
    pub name: String,
    pub amount: Yuan,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncapped: Option<Yuan>,
    /// In English, as the contract has it.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "cap_en")]
    pub binding_cap: Option<CapLine<'a>>,
}

fn cap_en<S: Serializer>(cap: &Option<CapLine<'_>>, s: S) -> Result<S::Ok, S::Error> {
    match cap {
        Some(c) => In(c, Lang::En).serialize(s),
        None => s.serialize_none(),
    }
}

#[derive(Clone, Debug)]
pub struct Stacking<'a> {
    pub group: &'a str,
    pub mode: &'static str,
    /// false: another member of the group pays instead, and this award is left out of the totals.
    pub counted: bool,
    pub note: Line<'a>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Source<'a> {
    pub document: &'a str,
    pub document_en: &'a str,
    pub clause: &'a str,
    pub quote: Cow<'a, str>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
    pub seed: &'a str,
}

#[derive(Clone, Debug)]
pub struct CheckResult<'a> {
    pub id: &'a str,
    pub title_zh: &'a str,
    pub title_en: &'a str,
    pub passed: bool,
    pub failing: Vec<Line<'a>>,
    pub source: Source<'a>,
}

impl<'a> Outcome<'a> {
    pub fn award(&self, id: &str) -> Option<&Award<'a>> {
        self.awards.iter().find(|a| a.id == id)
    }

    /// The result to serialise with its words in the languages asked for (`Langs::Both`, the
    /// contract's default, is what serialising the result itself gives).
    pub fn in_langs(&self, langs: Langs) -> WithLangs<'_, Outcome<'a>> {
        WithLangs(self, langs)
    }
}

impl Award<'_> {
    /// The exact figure of an amount (for totals; the amount itself, unwritten).
    pub fn value(&self) -> Option<Decimal> {
        self.amount.map(Yuan::value)
    }
    /// The steps, written in one language.
    pub fn steps_in(&self, lang: Lang) -> Vec<String> {
        written(&self.steps, lang)
    }
    /// Why the award is not paid, written in one language.
    pub fn reason_in(&self, lang: Lang) -> Option<String> {
        self.reason.as_ref().map(|l| l.text(lang))
    }
    /// The cap that binds, written in one language (`binding_cap` / `binding_cap_zh`).
    pub fn binding_cap_in(&self, lang: Lang) -> Option<String> {
        self.binding_cap.as_ref().map(|c| c.text(lang))
    }
    /// The award's notes, written in one language.
    pub fn notes_in(&self, lang: Lang) -> Vec<String> {
        written(&self.notes, lang)
    }
}

impl Outcome<'_> {
    /// The result's notes, written in one language.
    pub fn notes_in(&self, lang: Lang) -> Vec<String> {
        written(&self.notes, lang)
    }
}

impl CheckResult<'_> {
    /// What a check misses, written in one language.
    pub fn failing_in(&self, lang: Lang) -> Vec<String> {
        written(&self.failing, lang)
    }
}

/// A result (or an award) to serialise with its words in the languages given.
pub struct WithLangs<'r, T: ?Sized>(pub &'r T, pub Langs);

/// A text field in one language, when the result is written in it (else the key is left out).
fn one<'r, T: ?Sized>(x: &'r T, langs: Langs, lang: Lang) -> Option<In<'r, T>> {
    langs.has(lang).then_some(In(x, lang))
}

/// A list of lines in one language; left out when empty (an award's notes) or not asked for.
fn some<'r, 'a>(x: &'r [Line<'a>], langs: Langs, lang: Lang) -> Option<In<'r, [Line<'a>]>> {
    one(x, langs, lang).filter(|_| !x.is_empty())
}

// The serialised shapes: the contract's keys in its order, each text in the languages asked for.
#[derive(Serialize)]
struct OutcomeOut<'r, 'a> {
    schema: u32,
    rules_version: &'r str,
    region: &'r str,
    region_name_zh: &'a str,
    as_of: Date,
    awards: WithLangs<'r, [Award<'a>]>,
    total: &'r Total,
    checks: WithLangs<'r, [CheckResult<'a>]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<In<'r, [Line<'a>]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes_zh: Option<In<'r, [Line<'a>]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<&'r [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes_zh: Option<&'r [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'r str>,
}

#[derive(Serialize)]
struct AwardOut<'r, 'a> {
    id: &'a str,
    family: Family,
    kind: Kind,
    title_zh: &'a str,
    title_en: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<Yuan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<Yuan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<Yuan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    uncapped: Option<Yuan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    binding_cap: Option<In<'r, CapLine<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    binding_cap_zh: Option<In<'r, CapLine<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    steps: Option<In<'r, [Line<'a>]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    steps_zh: Option<In<'r, [Line<'a>]>>,
    source: &'r Source<'a>,
    /// Outer None: the language not asked for; inner None: no reason (null).
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Option<In<'r, Line<'a>>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason_zh: Option<Option<In<'r, Line<'a>>>>,
    in_totals: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<In<'r, [Line<'a>]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes_zh: Option<In<'r, [Line<'a>]>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    items: &'r [Item<'a>],
    #[serde(skip_serializing_if = "Option::is_none")]
    stacking: Option<StackingOut<'r, 'a>>,
}

#[derive(Serialize)]
struct StackingOut<'r, 'a> {
    group: &'a str,
    mode: &'static str,
    counted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<In<'r, Line<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note_zh: Option<In<'r, Line<'a>>>,
}

#[derive(Serialize)]
struct CheckOut<'r, 'a> {
    id: &'a str,
    title_zh: &'a str,
    title_en: &'a str,
    passed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    failing: Option<In<'r, [Line<'a>]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failing_zh: Option<In<'r, [Line<'a>]>>,
    source: &'r Source<'a>,
}

impl<'a> Award<'a> {
    fn out(&self, l: Langs) -> AwardOut<'_, 'a> {
        let cap = |lang| self.binding_cap.as_ref().and_then(|c| one(c, l, lang));
        let reason = |lang| {
            l.has(lang)
                .then(|| self.reason.as_ref().map(|r| In(r, lang)))
        };
        AwardOut {
            id: self.id,
            family: self.family,
            kind: self.kind,
            title_zh: self.title_zh,
            title_en: self.title_en,
            amount: self.amount,
            min: self.min,
            max: self.max,
            uncapped: self.uncapped,
            binding_cap: cap(Lang::En),
            binding_cap_zh: cap(Lang::Zh),
            steps: one(&self.steps[..], l, Lang::En),
            steps_zh: one(&self.steps[..], l, Lang::Zh),
            source: &self.source,
            reason: reason(Lang::En),
            reason_zh: reason(Lang::Zh),
            in_totals: self.in_totals,
            notes: some(&self.notes, l, Lang::En),
            notes_zh: some(&self.notes, l, Lang::Zh),
            items: &self.items,
            stacking: self.stacking.as_ref().map(|s| StackingOut {
                group: s.group,
                mode: s.mode,
                counted: s.counted,
                note: one(&s.note, l, Lang::En),
                note_zh: one(&s.note, l, Lang::Zh),
            }),
        }
    }
}

impl Serialize for WithLangs<'_, [Award<'_>]> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|a| a.out(self.1)))
    }
}

impl Serialize for WithLangs<'_, [CheckResult<'_>]> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let l = self.1;
        s.collect_seq(self.0.iter().map(|c| CheckOut {
            id: c.id,
            title_zh: c.title_zh,
            title_en: c.title_en,
            passed: c.passed,
            failing: one(&c.failing[..], l, Lang::En),
            failing_zh: one(&c.failing[..], l, Lang::Zh),
            source: &c.source,
        }))
    }
}

impl Serialize for WithLangs<'_, Outcome<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (o, l) = (self.0, self.1);
        OutcomeOut {
            schema: o.schema,
            rules_version: o.rules_version,
            region: &o.region,
            region_name_zh: o.region_name_zh,
            as_of: o.as_of,
            awards: WithLangs(&o.awards, l),
            total: &o.total,
            checks: WithLangs(&o.checks, l),
            notes: one(&o.notes[..], l, Lang::En),
            notes_zh: one(&o.notes[..], l, Lang::Zh),
            changes: o.changes.as_deref(),
            changes_zh: o.changes_zh.as_deref(),
            code: o.code.as_deref(),
        }
        .serialize(s)
    }
}

/// The contract's result: every text in both languages.
impl Serialize for Outcome<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        WithLangs(self, Langs::Both).serialize(s)
    }
}

impl Serialize for Award<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.out(Langs::Both).serialize(s)
    }
}

/// A figures-only result (`detail: "figures"`): what a batch or a script adds up, and no text. The
/// titles, quotes and steps are in `rules()` or a full evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct Figures<'a> {
    pub schema: u32,
    pub detail: &'static str,
    pub rules_version: &'a str,
    pub region: &'a str,
    pub as_of: Date,
    pub awards: Vec<AwardFigures<'a>>,
    pub total: &'a Total,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'a str>,
}

/// One award's figures.
#[derive(Clone, Debug, Serialize)]
pub struct AwardFigures<'a> {
    pub id: &'a str,
    pub family: Family,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Yuan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Yuan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Yuan>,
    /// Set when a cap binds: the figure before the cap (the amount is the cap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncapped: Option<Yuan>,
    pub in_totals: bool,
    pub status: Status,
}

impl<'a> Outcome<'a> {
    /// The figures of this result (for either detail: a full result has them too).
    pub fn figures(&self) -> Figures<'_> {
        Figures {
            schema: self.schema,
            detail: "figures",
            rules_version: self.rules_version,
            region: &self.region,
            as_of: self.as_of,
            awards: self
                .awards
                .iter()
                .map(|a| AwardFigures {
                    id: a.id,
                    family: a.family,
                    kind: a.kind,
                    amount: a.amount,
                    min: a.min,
                    max: a.max,
                    uncapped: a.uncapped,
                    in_totals: a.in_totals,
                    status: a.source.status,
                })
                .collect(),
            total: &self.total,
            code: self.code.as_deref(),
        }
    }

    /// The result with its verification code, for the application it was evaluated from.
    pub fn with_code(mut self, app: &crate::Application) -> Self {
        self.code = Some(crate::code::of(app, &self));
        self
    }
}
