//! `subsidy-calc test FILE|DIR`: hand-worked cases as data (OpenFisca's `openfisca test`): every
//! `[[case]]` of a case file is an input, the expected kind / amount / binding cap / reason / step
//! of the awards it names, the totals, and a `worked` line with the arithmetic from the quoted
//! clause (tests/cases/README.md). Each case is reported; every failure says its file and case. A
//! policy author adds a case, and runs it, without writing Rust.
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use subsidy_calc::result::{Award, Outcome};
use subsidy_calc::text::Lang;

const ALLOWED_CASE: &[&str] = &[
    "name",
    "worked",
    "region",
    "as_of",
    "input",
    "expect",
    "total",
    "only_prefix",
];
const ALLOWED_EXPECT: &[&str] = &[
    "id",
    "kind",
    "amount",
    "uncapped",
    "binding_cap",
    "reason",
    "status",
    "step",
    "in_totals",
    "min",
    "max",
];

fn text(v: &toml::Value, key: &str) -> Option<String> {
    v.get(key).and_then(|x| x.as_str()).map(String::from)
}

/// The problems with one expected award, if any.
fn check_award(a: &Award, e: &toml::Value) -> Vec<String> {
    let mut out = Vec::new();
    let kind = serde_json::to_value(a.kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    let mut same = |what: &str, got: Option<String>| {
        if let Some(want) = text(e, what) {
            // "" means: absent (no binding cap, no amount).
            let want = (!want.is_empty()).then_some(want);
            if got != want {
                out.push(format!("{}: {what} is {got:?}, expected {want:?}", a.id));
            }
        }
    };
    same("kind", Some(kind));
    same("amount", a.amount.map(|y| y.to_string()));
    same("uncapped", a.uncapped.map(|y| y.to_string()));
    same("binding_cap", a.binding_cap_in(Lang::En));
    same("min", a.min.map(|y| y.to_string()));
    same("max", a.max.map(|y| y.to_string()));
    same("status", Some(a.source.status.key().to_string()));
    if let Some(want) = text(e, "reason") {
        let both = format!(
            "{} | {}",
            a.reason_in(Lang::En).unwrap_or_default(),
            a.reason_in(Lang::Zh).unwrap_or_default()
        );
        if !both.contains(&want) {
            out.push(format!(
                "{}: the reason does not say {want:?}: {both}",
                a.id
            ));
        }
    }
    if let Some(want) = text(e, "step") {
        let all = format!(
            "{} | {}",
            a.steps_in(Lang::En).join(" / "),
            a.steps_in(Lang::Zh).join(" / ")
        );
        if !all.contains(&want) {
            out.push(format!("{}: no step says {want:?}: {all}", a.id));
        }
    }
    if let Some(want) = e.get("in_totals").and_then(|x| x.as_bool())
        && a.in_totals != want
    {
        out.push(format!(
            "{}: in_totals is {}, expected {want}",
            a.id, a.in_totals
        ));
    }
    out
}

pub fn check_case(file: &toml::Value, case: &toml::Value) -> Result<Vec<String>, String> {
    for k in case.as_table().ok_or("a case is a table")?.keys() {
        if !ALLOWED_CASE.contains(&k.as_str()) {
            return Err(format!("unknown key `{k}`"));
        }
    }
    if text(case, "worked").is_none_or(|w| w.trim().is_empty()) {
        return Err("every case says how it was worked out (`worked`)".into());
    }
    let region = text(case, "region")
        .or(text(file, "region"))
        .ok_or("no region")?;
    let mut app = case
        .get("input")
        .map(|v| serde_json::to_value(v).unwrap_or_default())
        .unwrap_or(json!({}));
    app["schema"] = json!(2);
    app["region"] = json!(region);
    if let Some(d) = text(case, "as_of").or(text(file, "as_of")) {
        app["as_of"] = json!(d);
    }
    // A case gives its date (or its file does); without one, the day the cases were written.
    let today = subsidy_calc::Date::parse("2026-11-24").unwrap_or(subsidy_calc::Date {
        year: 2026,
        month: 11,
        day: 24,
    });
    let o: Outcome =
        subsidy_calc::evaluate_value(&app, today).map_err(|e| format!("input refused: {e:?}"))?;
    let mut problems = Vec::new();
    // The figures-only evaluation (batches, `{detail: 'figures'}`) gives every case the same
    // figures as the full one, and writes no text at all.
    let figures = subsidy_calc::evaluate_value_with(&app, today, subsidy_calc::Detail::Figures)
        .map_err(|e| format!("input refused (figures): {e:?}"))?;
    let (a, b) = (
        serde_json::to_value(o.figures()).unwrap_or_default(),
        serde_json::to_value(figures.figures()).unwrap_or_default(),
    );
    if a != b {
        problems.push(format!("figures-only differs: {a} vs {b}"));
    }
    for f in &figures.awards {
        if !f.steps.is_empty()
            || f.reason.is_some()
            || !f.notes.is_empty()
            || f.binding_cap.is_some()
        {
            problems.push(format!("figures-only wrote text for {}", f.id));
        }
    }
    if !figures.notes.is_empty() {
        problems.push(format!("figures-only wrote notes: {:?}", figures.notes));
    }
    for e in case
        .get("expect")
        .and_then(|x| x.as_array())
        .into_iter()
        .flatten()
    {
        for k in e.as_table().ok_or("an expectation is a table")?.keys() {
            if !ALLOWED_EXPECT.contains(&k.as_str()) {
                return Err(format!("unknown expectation key `{k}`"));
            }
        }
        let id = text(e, "id").ok_or("an expectation names its award (`id`)")?;
        match o.award(&id) {
            Some(a) => problems.extend(check_award(a, e)),
            None => problems.push(format!("no award {id} in {region}")),
        }
    }
    if let Some(t) = case.get("total") {
        let got = serde_json::to_value(&o.total).unwrap_or_default();
        for (k, want) in t.as_table().ok_or("total is a table")? {
            if got.get(k) != Some(&Value::String(want.as_str().unwrap_or("").to_string())) {
                problems.push(format!("total.{k} is {}, expected {want}", got[k]));
            }
        }
    }
    // One prefix, or a list: every award of the result starts with one of them.
    let prefixes: Vec<String> = match case.get("only_prefix") {
        Some(toml::Value::String(p)) => vec![p.clone()],
        Some(toml::Value::Array(a)) => a
            .iter()
            .filter_map(|p| p.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    };
    if !prefixes.is_empty() {
        for a in o
            .awards
            .iter()
            .filter(|a| !prefixes.iter().any(|p| a.id.starts_with(p.as_str())))
        {
            problems.push(format!(
                "{} is not a clause of {}",
                a.id,
                prefixes.join(", ")
            ));
        }
    }
    Ok(problems)
}

/// One case's outcome.
pub struct CaseResult {
    pub file: String,
    pub name: String,
    /// Empty: the case passes.
    pub problems: Vec<String>,
}

/// The case files a path names: the file, or every `*.toml` of the folder (sorted).
pub fn case_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no case files (*.toml)", path.display()));
    }
    Ok(files)
}

/// Every case of the files, each with its problems.
pub fn run(files: &[PathBuf]) -> Vec<CaseResult> {
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file: toml::Value = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string().trim().to_string()))
        {
            Ok(f) => f,
            Err(e) => {
                out.push(CaseResult {
                    file: name,
                    name: "(the file)".into(),
                    problems: vec![e],
                });
                continue;
            }
        };
        let cases = file.get("case").and_then(|c| c.as_array());
        if cases.is_none_or(|c| c.is_empty()) {
            out.push(CaseResult {
                file: name.clone(),
                name: "(the file)".into(),
                problems: vec!["no [[case]] in the file".into()],
            });
        }
        for (i, case) in cases.into_iter().flatten().enumerate() {
            let title = text(case, "name").unwrap_or_else(|| format!("case {}", i + 1));
            let problems = match check_case(&file, case) {
                Ok(p) => p,
                Err(e) => vec![e],
            };
            out.push(CaseResult {
                file: name.clone(),
                name: title,
                problems,
            });
        }
    }
    out
}
