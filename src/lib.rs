//! 人工智能产业政策计算器 — the rules engine.
//!
//! A pure function from an application (the JSON contract in `docs/CONTRACT.md`) to a result: every
//! award of the region's policy clauses, with its figure, steps and quoted source. No I/O, no clock,
//! no web dependencies: the command line, the web app and the JS API are thin layers over
//! [`evaluate_json`] and [`evaluate_value`].
pub mod code;
pub mod engine;
pub mod explain;
pub mod input;
pub mod plan;
pub mod reform;
pub mod result;
pub mod rulebook;
pub mod text;

pub use subsidy_model::{date, lazy, money};

pub use date::Date;
pub use input::{Application, Detail, FieldError};
pub use result::Outcome;
pub use rulebook::RuleBook;

/// Evaluates contract JSON text. `today` is used when the application gives no `as_of`.
pub fn evaluate_json(text: &str, today: Date) -> Result<Outcome<'static>, Vec<FieldError>> {
    evaluate_json_with(text, today, Detail::Full)
}

/// Evaluates contract JSON text, writing the text of the result or only its figures.
pub fn evaluate_json_with(
    text: &str,
    today: Date,
    detail: Detail,
) -> Result<Outcome<'static>, Vec<FieldError>> {
    evaluate_value_with(&input::json_text(text)?, today, detail)
}

/// Evaluates an already-parsed JSON application.
pub fn evaluate_value(
    json: &serde_json::Value,
    today: Date,
) -> Result<Outcome<'static>, Vec<FieldError>> {
    evaluate_value_with(json, today, Detail::Full)
}

/// Evaluates an already-parsed JSON application, writing the text of the result or only its figures.
pub fn evaluate_value_with(
    json: &serde_json::Value,
    today: Date,
    detail: Detail,
) -> Result<Outcome<'static>, Vec<FieldError>> {
    let mut app = input::parse_value(json, today)?;
    app.detail = detail;
    Ok(engine::evaluate(&app, rulebook::book()).with_code(&app))
}

/// One clause in the catalogue (`subsidy-calc rules`, `subsidyCalc.rules()`).
#[derive(serde::Serialize)]
pub struct CatalogueRule<'a> {
    pub id: &'a str,
    pub family: rulebook::Family,
    pub kind: rulebook::Kind,
    pub region: Vec<&'a str>,
    pub document: &'a str,
    pub document_en: &'a str,
    pub clause: &'a str,
    pub title_zh: &'a str,
    pub title_en: &'a str,
    pub status: &'static str,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub validity: Option<&'a str>,
    pub quote: &'a str,
}

/// One qualification check in the catalogue.
#[derive(serde::Serialize)]
pub struct CatalogueCheck<'a> {
    pub id: &'a str,
    pub region: Vec<&'a str>,
    pub document: &'a str,
    pub document_en: &'a str,
    pub clause: &'a str,
    pub title_zh: &'a str,
    pub title_en: &'a str,
    pub status: &'static str,
    /// The document's own dates (a call's closing day: the Hangzhou 2024 call ends 2024-05-30).
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub validity: Option<&'a str>,
}

/// The rule catalogue the engine carries, as the `rules` command and `subsidyCalc.rules()` show it.
/// (A plain serializable struct: building it as `json!` trees cost ~2 KB of the web bundle.)
#[derive(serde::Serialize)]
pub struct Catalogue<'a> {
    pub schema: u32,
    pub rules_version: &'a str,
    pub rules: Vec<CatalogueRule<'a>>,
    pub checks: Vec<CatalogueCheck<'a>>,
}

pub fn catalogue() -> Catalogue<'static> {
    let book = rulebook::book();
    // The standing the document's own dates give (not the standing on a given day).
    let status = |d: &rulebook::Document| d.standing().key();
    let rules = book
        .rules()
        .map(|(d, r)| CatalogueRule {
            id: &r.id,
            family: r.family,
            kind: r.kind,
            region: book.regions_of(&d.key),
            document: &d.name_zh,
            document_en: &d.name_en,
            clause: &r.clause,
            title_zh: &r.title_zh,
            title_en: &r.title_en,
            status: status(d),
            valid_from: d.valid_from,
            valid_to: d.valid_to,
            validity: d.dates_en.as_deref(),
            quote: &r.quote,
        })
        .collect();
    let checks = book
        .documents
        .iter()
        .flat_map(|d| d.checks.iter().map(move |c| (d, c)))
        .map(|(d, c)| CatalogueCheck {
            id: &c.id,
            region: book.regions_of(&d.key),
            document: &d.name_zh,
            document_en: &d.name_en,
            clause: &c.clause,
            title_zh: &c.title_zh,
            title_en: &c.title_en,
            status: status(d),
            valid_from: d.valid_from,
            valid_to: d.valid_to,
            validity: d.dates_en.as_deref(),
        })
        .collect();
    Catalogue {
        schema: 2,
        rules_version: book.version(),
        rules,
        checks,
    }
}
