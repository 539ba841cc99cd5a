//! Reading the rule data: `rules/regions.toml` (the version, the regions with their documents in
//! display order, the stacking groups) and one `rules/<document>.toml` per document, each read
//! straight into the model's types (one trip: TOML → model). Every problem is kept — a clause that
//! does not read, a check that fails — and named by its file and rule; a book comes back only when
//! there is none. The same data can be given as one JSON document (what host tests change).
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use subsidy_model::*;

/// One problem of the rule data: the file, the rule or check (where there is one) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub rule: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.rule {
            Some(r) => write!(f, "{}: {r}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl Problem {
    pub fn new(file: &str, rule: Option<&str>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            rule: rule.map(String::from),
            message: message.into(),
        }
    }
}

/// A book read from its files: the book, the same data as JSON (kept for host tests and hashed
/// for the version), and the files read.
pub struct Loaded {
    pub book: RuleBook,
    pub json: String,
    pub files: Vec<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    version: Str,
    #[serde(default)]
    previous_versions: Vec<Str>,
    #[serde(rename = "region")]
    regions: Vec<RegionDef>,
    #[serde(default, rename = "group")]
    groups: Vec<Group>,
}

/// The short content hash of the rule data (FNV-1a of its JSON), the end of the book's version.
pub fn content_hash(json: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in json.as_bytes() {
        h = (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Reads a folder of rule files: `regions.toml` and the documents it names, in the order the
/// regions list them.
pub fn read_dir(dir: &Path) -> Result<Loaded, Vec<Problem>> {
    let regions_path = dir.join("regions.toml");
    let name = |p: &Path| p.display().to_string();
    let mut files = vec![regions_path.clone()];
    let regions: toml::Value = read_toml(&regions_path).map_err(|p| vec![p])?;
    let head = Head::deserialize(regions.clone())
        .map_err(|e| vec![Problem::new(&name(&regions_path), None, e.to_string())])?;
    let mut order: Vec<String> = Vec::new();
    for r in &head.regions {
        for d in r.documents.iter() {
            if !order.iter().any(|k| k == d.as_str()) {
                order.push(d.to_string());
            }
        }
    }
    let mut problems = Vec::new();
    let mut documents = Vec::new();
    let mut json_docs = Vec::new();
    for key in &order {
        let path = dir.join(format!("{key}.toml"));
        files.push(path.clone());
        let file = name(&path);
        let doc = match read_toml(&path) {
            Ok(toml::Value::Table(t)) => t,
            Ok(_) => continue,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let (merged, extra) = merge(doc);
        for k in extra {
            problems.push(Problem::new(
                &file,
                None,
                format!("unexpected top-level key `{k}`: a rule file has [document], [[rule]] and [[check]]"),
            ));
        }
        json_docs.push(serde_json::to_value(&merged).unwrap_or_default());
        let (doc, mut ps) = document(&file, merged);
        documents.extend(doc);
        problems.append(&mut ps);
    }
    let json = serde_json::json!({
        "version": regions.get("version").cloned(),
        "regions": regions.get("region").cloned(),
        "groups": regions.get("group").cloned().unwrap_or(toml::Value::Array(Vec::new())),
        "documents": json_docs,
    });
    let json = serde_json::to_string(&json).unwrap_or_default();
    let book = assemble(head, documents, &mut problems, |d| {
        name(&dir.join(format!("{d}.toml")))
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Loaded { book, json, files })
}

fn read_toml(path: &Path) -> Result<toml::Value, Problem> {
    let file = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| Problem::new(&file, None, e.to_string()))?;
    toml::from_str(&text).map_err(|e| Problem::new(&file, None, e.to_string().trim().to_string()))
}

/// A rule file as one table: its `[document]` section with its `[[rule]]` and `[[check]]` lists
/// in it; what else stands at the top is returned to be named.
fn merge(mut file: toml::Table) -> (toml::Value, Vec<String>) {
    let mut head = match file.remove("document") {
        Some(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    };
    for section in ["rule", "check"] {
        if let Some(v) = file.remove(section) {
            head.insert(section.to_string(), v);
        }
    }
    (toml::Value::Table(head), file.keys().cloned().collect())
}

/// A value a document or one of its items is read from (TOML from the files, JSON in host tests).
trait Source: Sized + Clone {
    fn take(&mut self, key: &str) -> Option<Self>;
    fn items(self) -> Option<Vec<Self>>;
    fn id(&self) -> Option<String>;
    fn read<T: for<'de> Deserialize<'de>>(self) -> Result<T, String>;
}

impl Source for toml::Value {
    fn take(&mut self, key: &str) -> Option<Self> {
        self.as_table_mut()?.remove(key)
    }
    fn items(self) -> Option<Vec<Self>> {
        match self {
            toml::Value::Array(a) => Some(a),
            _ => None,
        }
    }
    fn id(&self) -> Option<String> {
        self.get("id")?.as_str().map(String::from)
    }
    fn read<T: for<'de> Deserialize<'de>>(self) -> Result<T, String> {
        T::deserialize(self).map_err(|e| e.to_string().trim().to_string())
    }
}

impl Source for serde_json::Value {
    fn take(&mut self, key: &str) -> Option<Self> {
        self.as_object_mut()?.remove(key)
    }
    fn items(self) -> Option<Vec<Self>> {
        match self {
            serde_json::Value::Array(a) => Some(a),
            serde_json::Value::Null => Some(Vec::new()),
            _ => None,
        }
    }
    fn id(&self) -> Option<String> {
        self.get("id")?.as_str().map(String::from)
    }
    fn read<T: for<'de> Deserialize<'de>>(self) -> Result<T, String> {
        T::deserialize(self).map_err(|e| e.to_string())
    }
}

/// One document: its clauses and checks read one by one, so that each problem names its clause.
/// The clauses that read are kept (and checked with the rest) even when others did not.
fn document<V: Source>(file: &str, mut v: V) -> (Option<Document>, Vec<Problem>) {
    let key = v.clone().take("key").and_then(|k| k.read::<String>().ok());
    let file = match &key {
        Some(k) if file.is_empty() => format!("rules/{k}.toml"),
        _ => file.to_string(),
    };
    let mut problems = Vec::new();
    let rules: Vec<Rule> = items(&file, v.take("rule"), "rule", &mut problems);
    let checks: Vec<Check> = items(&file, v.take("check"), "check", &mut problems);
    let mut doc = match v.read::<Document>() {
        Ok(d) => d,
        Err(e) => {
            problems.push(Problem::new(&file, None, format!("[document]: {e}")));
            return (None, problems);
        }
    };
    doc.rules = List::from(rules);
    doc.checks = List::from(checks);
    prepare(&mut doc);
    (Some(doc), problems)
}

fn items<T: for<'de> Deserialize<'de>, V: Source>(
    file: &str,
    list: Option<V>,
    section: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let Some(list) = list else {
        return Vec::new();
    };
    let Some(list) = list.items() else {
        problems.push(Problem::new(file, None, format!("`{section}` is a list")));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, v) in list.into_iter().enumerate() {
        let id = v.id();
        match v.read::<T>() {
            Ok(x) => out.push(x),
            Err(e) => problems.push(match id {
                Some(id) => Problem::new(file, Some(&id), e),
                None => Problem::new(file, None, format!("{section}[{i}]: {e}")),
            }),
        }
    }
    out
}

/// The book from its parts, checked as a whole ([`crate::validate`]), each problem named by the
/// file `file_of` gives a document key.
fn assemble(
    head: Head,
    documents: Vec<Document>,
    problems: &mut Vec<Problem>,
    file_of: impl Fn(&str) -> String,
) -> RuleBook {
    let mut book = RuleBook::new(
        head.version,
        List::from(head.regions),
        List::from(head.groups),
        List::from(documents),
    );
    book.previous_versions = List::from(head.previous_versions);
    // The documents that read are checked too, so that every problem is named at once; a region
    // naming a document that did not read is not said again.
    let unread: Vec<String> = problems.iter().map(|p| p.file.clone()).collect();
    let checked = crate::validate::problems(&book, &file_of);
    problems.extend(checked.into_iter().filter(|p| {
        !(p.message.contains("unknown document")
            && unread
                .iter()
                .any(|f| p.message.ends_with(&format!(" {}", doc_key(f)))))
    }));
    if problems.is_empty() {
        book.prepare_reads();
    }
    book
}

/// The document key a rule file's path names (`rules/hongshan.toml` → `hongshan`).
fn doc_key(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// Reads, prepares and checks rule data given as one JSON document
/// (`{"version", "regions", "groups", "documents"}`), as the build keeps it (`rules.json`).
pub fn from_json(text: &str) -> Result<RuleBook, Vec<Problem>> {
    let v: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| vec![Problem::new("(json)", None, e.to_string())])?;
    from_value(v)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonHead {
    version: Str,
    regions: Vec<RegionDef>,
    #[serde(default)]
    groups: Vec<Group>,
    documents: Vec<serde_json::Value>,
}

/// [`from_json`] on a parsed value.
pub fn from_value(v: serde_json::Value) -> Result<RuleBook, Vec<Problem>> {
    let head =
        JsonHead::deserialize(v).map_err(|e| vec![Problem::new("rules", None, e.to_string())])?;
    let mut problems = Vec::new();
    let mut documents = Vec::new();
    for d in head.documents {
        let (doc, mut ps) = document("", d);
        documents.extend(doc);
        problems.append(&mut ps);
    }
    let head = Head {
        version: head.version,
        previous_versions: Vec::new(),
        regions: head.regions,
        groups: head.groups,
    };
    let book = assemble(head, documents, &mut problems, |d| {
        format!("rules/{d}.toml")
    });
    if problems.is_empty() {
        Ok(book)
    } else {
        Err(problems)
    }
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
                t.pct = subsidy_model::money::percent(t.rate.0).into();
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
