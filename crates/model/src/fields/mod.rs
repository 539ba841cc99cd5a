//! The input fields as a table: each with its dotted path, type and labels (the contract's input,
//! docs/INPUT_FIELDS.md is made from it), the facts derived from them, and the labels of choices.
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ty {
    /// Yuan, at most two decimals, 0 ..= MAX_MONEY.
    Money,
    /// A whole number 0 ..= max.
    Count(u64),
    /// 0 ..= 100, at most two decimals: a share that cannot pass 100%.
    Percent,
    /// A change in percent, at most two decimals: may be negative (a fall) or above 100
    /// (revenue growth of 150%), within −100 ..= 100,000.
    Growth,
    /// Yuan for each of several projects (each capped on its own where a clause caps per project):
    /// one amount, or a list of them.
    Amounts,
    Flag,
    /// One of the listed values; the first is the default.
    Choice(&'static [&'static str]),
    /// A list of distinct values from the set.
    Set(&'static [&'static str]),
    Day,
    Text,
    /// A derived non-negative decimal (an average): compared exactly, shown truncated.
    Measure,
}

pub struct Field {
    pub path: &'static str,
    pub ty: Ty,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn f(path: &'static str, ty: Ty, zh: &'static str, en: &'static str) -> Field {
    Field { path, ty, zh, en }
}

use Ty::*;

mod table;
pub use table::{CHOICE_LABELS, DERIVED, FIELDS, RECOGNITIONS, SCENARIO_FIELDS};

/// A fact worked out from entered fields: its own field description, the paths it reads, and the
/// function of their values (in that order). Each entry carries its function, so the table can be
/// reordered or extended without any value landing in the wrong place.
pub struct Derived {
    pub field: Field,
    pub from: &'static [&'static str],
    pub compute: fn(&[Decimal]) -> Decimal,
}

/// The input fields as a Markdown table, for the README (`subsidy-calc fields`).
pub fn fields_markdown() -> String {
    let ty = |t: Ty| match t {
        Money => "yuan, decimal string (≤ 2 decimals)".to_string(),
        Count(max) => format!("whole number 0–{max}"),
        Percent => "percent 0–100".to_string(),
        Growth => "percent change, may be negative (−100 or more)".to_string(),
        Amounts => {
            "yuan per project: one decimal string, or a list of them (each project on its own)"
                .to_string()
        }
        Flag => "true / false".to_string(),
        Choice(o) => o.join(" \\| "),
        Set(o) => format!("list of: {}", o.join(", ")),
        Day => "date YYYY-MM-DD".to_string(),
        Text => "text (≤ 200 chars)".to_string(),
        Measure => "decimal (derived)".to_string(),
    };
    let mut s = String::from("| field | type | 中文 | meaning |\n|---|---|---|---|\n");
    let rows = FIELDS
        .iter()
        .map(|f| ("", f))
        .chain(SCENARIO_FIELDS.iter().map(|f| ("scenarios[].", f)));
    for (within, f) in rows {
        s.push_str(&format!(
            "| `{within}{}` | {} | {} | {} |\n",
            f.path,
            ty(f.ty),
            f.zh,
            f.en
        ));
    }
    s
}

pub fn choice_label(value: &str) -> (&'static str, &'static str) {
    CHOICE_LABELS
        .iter()
        .find(|c| c.0 == value)
        .map_or(("", ""), |c| (c.1, c.2))
}

pub fn field(path: &str) -> Option<&'static Field> {
    field_index(path).map(|i| &FIELDS[i])
}

/// The fields by path, sorted once: validation looks up every key of every application (a batch
/// of a million rows), and a scan of the table with string compares was most of its time.
#[cfg(not(target_arch = "wasm32"))]
fn by_path() -> &'static (Vec<&'static str>, Vec<usize>) {
    static INDEX: std::sync::OnceLock<(Vec<&'static str>, Vec<usize>)> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut paths: Vec<&'static str> = FIELDS.iter().map(|f| f.path).collect();
        paths.sort_unstable();
        let at = paths
            .iter()
            .map(|p| FIELDS.iter().position(|f| f.path == *p).unwrap_or(0))
            .collect();
        (paths, at)
    })
}

/// A field's position in [`FIELDS`].
#[cfg(not(target_arch = "wasm32"))]
pub fn field_index(path: &str) -> Option<usize> {
    let (paths, at) = by_path();
    paths.binary_search(&path).ok().map(|k| at[k])
}

/// Whether `path` is a section holding fields (`compute`, `other.shanghai`).
#[cfg(not(target_arch = "wasm32"))]
pub fn is_section(path: &str) -> bool {
    let (paths, _) = by_path();
    // Sorted: the section's fields follow the first path after `path` itself.
    let k = paths.partition_point(|p| *p <= path);
    paths[k..]
        .iter()
        .take_while(|p| p.starts_with(path))
        .any(|p| p.as_bytes().get(path.len()) == Some(&b'.'))
}

/// A field's position in [`FIELDS`]. The browser evaluates one application at a time and keeps
/// the plain scan (the index cost 1.7 KB of the page); the command line's batches use the index.
#[cfg(target_arch = "wasm32")]
pub fn field_index(path: &str) -> Option<usize> {
    FIELDS.iter().position(|f| f.path == path)
}

#[cfg(target_arch = "wasm32")]
pub fn is_section(path: &str) -> bool {
    FIELDS
        .iter()
        .any(|f| f.path.starts_with(path) && f.path.as_bytes().get(path.len()) == Some(&b'.'))
}

/// Where a rule's fact comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactRef {
    Field(usize),
    Scenario(usize),
    Derived(usize),
}

impl FactRef {
    pub fn resolve(path: &str) -> Option<FactRef> {
        if let Some(rest) = path.strip_prefix("scenario.") {
            return SCENARIO_FIELDS
                .iter()
                .position(|f| f.path == rest)
                .map(FactRef::Scenario);
        }
        FIELDS
            .iter()
            .position(|f| f.path == path)
            .map(FactRef::Field)
            .or_else(|| {
                DERIVED
                    .iter()
                    .position(|d| d.field.path == path)
                    .map(FactRef::Derived)
            })
    }

    pub fn field(self) -> &'static Field {
        match self {
            FactRef::Field(i) => &FIELDS[i],
            FactRef::Scenario(i) => &SCENARIO_FIELDS[i],
            FactRef::Derived(i) => &DERIVED[i].field,
        }
    }
}
