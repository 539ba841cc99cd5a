//! Hand-worked cases as data (OpenFisca-style): every `tests/cases/*.toml` file, each `[[case]]` an
//! input, the expected kind / amount / binding cap / reason of the awards it names, the totals, and a
//! `worked` line with the arithmetic from the quoted clause. One runner; all failures are listed
//! together, each with its file and case. A policy author adds a case without writing Rust.
use serde_json::{Value, json};
use std::path::Path;
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
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
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

fn check_case(file: &toml::Value, case: &toml::Value) -> Result<Vec<String>, String> {
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
        .map(|v| serde_json::to_value(v).unwrap())
        .unwrap_or(json!({}));
    app["schema"] = json!(2);
    app["region"] = json!(region);
    if let Some(d) = text(case, "as_of").or(text(file, "as_of")) {
        app["as_of"] = json!(d);
    }
    let today = subsidy_calc::Date::parse("2026-11-24").unwrap();
    let o: Outcome =
        subsidy_calc::evaluate_value(&app, today).map_err(|e| format!("input refused: {e:?}"))?;
    let mut problems = Vec::new();
    // The figures-only evaluation (batches, `{detail: 'figures'}`) gives every case the same
    // figures as the full one, and writes no text at all.
    let figures = subsidy_calc::evaluate_value_with(&app, today, subsidy_calc::Detail::Figures)
        .map_err(|e| format!("input refused (figures): {e:?}"))?;
    let (a, b) = (
        serde_json::to_value(o.figures()).unwrap(),
        serde_json::to_value(figures.figures()).unwrap(),
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
        let got = serde_json::to_value(&o.total).unwrap();
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

#[test]
fn every_case_file_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    assert!(!files.is_empty(), "no case files in {}", dir.display());
    let (mut failures, mut count) = (Vec::new(), 0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let file: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for case in file
            .get("case")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            count += 1;
            let title = text(case, "name").unwrap_or_else(|| format!("case {count}"));
            match check_case(&file, case) {
                Ok(p) => failures.extend(p.into_iter().map(|p| format!("{name} «{title}»: {p}"))),
                Err(e) => failures.push(format!("{name} «{title}»: {e}")),
            }
        }
    }
    assert!(count >= 20, "only {count} cases found");
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_wrong_expectation_fails() {
    // The runner itself can fail: a case expecting 30% of 10,000,000 to be 3,000,001 is caught.
    let file: toml::Value =
        toml::from_str("region = \"shanghai\"\nas_of = \"2026-11-24\"").unwrap();
    let case: toml::Value = toml::from_str(
        "worked = \"10,000,000 × 30% = 3,000,000\"\ninput = { other = { shanghai = { metaverse_investment = \"10000000\" } } }\nexpect = [{ id = \"shanghai.metaverse\", amount = \"3000001.00\" }]",
    )
    .unwrap();
    let p = check_case(&file, &case).unwrap();
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("expected Some(\"3000001.00\")"));
    // And a case without its arithmetic is refused.
    let bare: toml::Value = toml::from_str("input = {}").unwrap();
    assert!(check_case(&file, &bare).unwrap_err().contains("worked"));
}
