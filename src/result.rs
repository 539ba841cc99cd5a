//! The result (the contract's output). Amounts are strings with two decimals; the exact decimals
//! ride along unserialised for totals and tests.
use crate::rulebook::{Family, Kind};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    pub schema: u32,
    pub rules_version: String,
    pub region: String,
    pub region_name_zh: String,
    pub as_of: String,
    pub awards: Vec<Award>,
    pub total: Total,
    pub checks: Vec<CheckResult>,
    pub notes: Vec<String>,
    pub notes_zh: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Total {
    pub exact: String,
    pub up_to: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Award {
    pub id: String,
    pub family: Family,
    pub kind: Kind,
    pub title_zh: String,
    pub title_en: String,
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
    pub source: Source,
    pub reason: Option<String>,
    pub reason_zh: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes_zh: Vec<String>,
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
pub struct Source {
    pub document: String,
    pub document_en: String,
    pub clause: String,
    pub quote: String,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    pub seed: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckResult {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    pub passed: bool,
    pub failing: Vec<String>,
    pub failing_zh: Vec<String>,
    pub source: Source,
}

impl Outcome {
    pub fn award(&self, id: &str) -> Option<&Award> {
        self.awards.iter().find(|a| a.id == id)
    }
}
