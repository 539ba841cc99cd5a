//! The result (the contract's output). Amounts are strings with two decimals; the exact decimals
//! ride along unserialised for totals and tests.
use crate::date::Date;
use crate::rulebook::{Family, Kind, Status};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Clone, Debug, Serialize)]
pub struct Outcome<'a> {
    pub schema: u32,
    pub rules_version: String,
    pub region: String,
    pub region_name_zh: &'a str,
    pub as_of: Date,
    pub awards: Vec<Award<'a>>,
    pub total: Total,
    pub checks: Vec<CheckResult<'a>>,
    pub notes: Vec<Cow<'a, str>>,
    pub notes_zh: Vec<Cow<'a, str>>,
    /// In a plan over years (never in `eval`): why each figure differs from the year before.
    /// Part of the result itself rather than a flattened wrapper: serde's flatten would add a second
    /// copy of every result type's serializer to the web bundle (~7 KB gzip).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes_zh: Option<Vec<String>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Total {
    pub exact: String,
    pub up_to: String,
    /// The parts of `exact` and `up_to` that come from draft documents (schema 2).
    pub draft_exact: String,
    pub draft_up_to: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Award<'a> {
    pub id: &'a str,
    pub family: Family,
    pub kind: Kind,
    pub title_zh: &'a str,
    pub title_en: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncapped: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding_cap: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding_cap_zh: Option<String>,
    pub steps: Vec<String>,
    pub steps_zh: Vec<String>,
    pub source: Source<'a>,
    pub reason: Option<String>,
    pub reason_zh: Option<String>,
    /// false: listed with its figure but not added to the totals (schema 2): the loser of a
    /// `highest` group, or an equity investment such as 拨改投; the notes say why.
    pub in_totals: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes_zh: Vec<Cow<'a, str>>,
    /// Per-project figures of a per-scenario clause.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stacking: Option<Stacking>,
    #[serde(skip)]
    pub value: Option<Decimal>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub scenario: usize,
    pub name: String,
    pub amount: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncapped: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding_cap: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Stacking {
    pub group: String,
    pub mode: &'static str,
    /// false: another member of the group pays instead, and this award is left out of the totals.
    pub counted: bool,
    pub note: String,
    pub note_zh: String,
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

#[derive(Clone, Debug, Serialize)]
pub struct CheckResult<'a> {
    pub id: &'a str,
    pub title_zh: &'a str,
    pub title_en: &'a str,
    pub passed: bool,
    pub failing: Vec<String>,
    pub failing_zh: Vec<String>,
    pub source: Source<'a>,
}

impl<'a> Outcome<'a> {
    pub fn award(&self, id: &str) -> Option<&Award<'a>> {
        self.awards.iter().find(|a| a.id == id)
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
}

/// One award's figures.
#[derive(Clone, Debug, Serialize)]
pub struct AwardFigures<'a> {
    pub id: &'a str,
    pub family: Family,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<&'a str>,
    /// Set when a cap binds: the figure before the cap (the amount is the cap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncapped: Option<&'a str>,
    pub in_totals: bool,
    pub status: Status,
}

impl<'a> Outcome<'a> {
    /// The figures of this result (for either detail: a full result has them too).
    pub fn figures(&self) -> Figures<'_> {
        Figures {
            schema: self.schema,
            detail: "figures",
            rules_version: &self.rules_version,
            region: &self.region,
            as_of: self.as_of,
            awards: self
                .awards
                .iter()
                .map(|a| AwardFigures {
                    id: a.id,
                    family: a.family,
                    kind: a.kind,
                    amount: a.amount.as_deref(),
                    min: a.min.as_deref(),
                    max: a.max.as_deref(),
                    uncapped: a.uncapped.as_deref(),
                    in_totals: a.in_totals,
                    status: a.source.status,
                })
                .collect(),
            total: &self.total,
        }
    }
}
