//! Reading the rule data: one JSON document (the engine's `build.rs` makes it from `rules/*.toml`)
//! read with the model's serde derives, then prepared (labels made once) and checked as a whole.
//! Every message names where the problem is: the rule or check by its id, else the document.
use crate::model::*;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    version: Str,
    regions: Vec<RegionDef>,
    #[serde(default)]
    groups: Vec<Group>,
    documents: Vec<Value>,
}

/// Reads, prepares and checks rule data given as JSON text.
pub fn from_json(text: &str) -> Result<RuleBook, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("rule data: {e}"))?;
    from_value(v)
}

/// Reads, prepares and checks rule data. The first problem refuses the book.
pub fn from_value(v: Value) -> Result<RuleBook, String> {
    let head = Head::deserialize(v).map_err(|e| format!("rules: {e}"))?;
    let documents = head
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, d)| document(i, d))
        .collect::<Result<Vec<_>, _>>()?;
    let mut book = RuleBook::new(
        head.version,
        List::from(head.regions),
        List::from(head.groups),
        List::from(documents),
    );
    crate::validate::validate(&book)?;
    book.prepare_reads();
    Ok(book)
}

/// One document: its clauses and checks read one by one, so a message names the clause.
fn document(i: usize, v: Value) -> Result<Document, String> {
    let Value::Object(mut m) = v else {
        return Err(format!("documents[{i}]: expected a table"));
    };
    let key = m
        .get("key")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string();
    let rules = items(&mut m, "rule", &key)?;
    let checks = items(&mut m, "check", &key)?;
    let mut doc =
        Document::deserialize(Value::Object(m)).map_err(|e| format!("document {key}: {e}"))?;
    doc.rules = List::from(rules);
    doc.checks = List::from(checks);
    prepare(&mut doc);
    Ok(doc)
}

fn items<T: for<'de> Deserialize<'de> + Clone>(
    m: &mut Map<String, Value>,
    section: &str,
    doc: &str,
) -> Result<Vec<T>, String> {
    let list = match m.remove(section) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(format!("document {doc}: `{section}` is a list")),
    };
    list.into_iter()
        .enumerate()
        .map(|(i, v)| {
            let id = v.get("id").and_then(Value::as_str).map(String::from);
            T::deserialize(v).map_err(|e| match id {
                Some(id) => format!("{id}: {e}"),
                None => format!("document {doc}: {section}[{i}]: {e}"),
            })
        })
        .collect()
}

/// What is made once from the data: rates as percentages, fixed caps' labels, a draft's label.
fn prepare(doc: &mut Document) {
    for rule in doc.rules.to_mut() {
        let mut formulas: Vec<&mut Formula> = rule.formula.iter_mut().collect();
        formulas.extend(
            rule.variants
                .to_mut()
                .iter_mut()
                .filter_map(|v| v.formula.as_mut()),
        );
        for f in formulas {
            for t in f.terms.to_mut() {
                t.pct = crate::money::percent(t.rate.0).into();
            }
            f.caps.to_mut().iter_mut().for_each(Cap::prepare);
        }
        rule.aggregate_caps
            .to_mut()
            .iter_mut()
            .for_each(Cap::prepare);
    }
    if doc.status == DocStatus::Draft {
        doc.draft_note = Some((
            format!("征求意见稿:{}尚未正式施行,金额可能变化", doc.name_zh).into(),
            format!(
                "DRAFT for comment: {} is not in force; the figure may change",
                doc.name_en
            )
            .into(),
        ));
    }
}
