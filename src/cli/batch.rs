//! `subsidy-calc batch IN -o OUT [--pool none|prorata] [--summary FILE] [--lang en]`: the file side
//! of many applications (the engine's side is `subsidy_calc::batch`). Formats by extension: `.jsonl`,
//! `.csv`, `.xlsx`, in and out. A row is read, evaluated and written before the next is read; a bad
//! row is reported with its row number and fields and never stops the batch.
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::Path;
use subsidy_calc::batch::{self, Summary, cents, prorata};
use subsidy_calc::input::{FIELDS, SCENARIO_FIELDS, Ty};
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::Kind;
use subsidy_calc::{Date, FieldError, RuleBook};

pub struct Options {
    pub input: String,
    pub output: String,
    pub prorata: bool,
    pub summary: Option<String>,
    pub en: bool,
}

/// One input row: its id (the `id` column or field, else the row number) and its application, or
/// the errors that made it unreadable.
struct Row {
    id: String,
    app: Result<Value, Vec<FieldError>>,
}

fn ext(path: &str) -> String {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Column header → where the cell goes in the application: a dotted field path, a scenario field
/// (`scenarios[0].total_investment`), or `id` / `region` / `as_of` / `schema`. Chinese labels (the
/// 中文 column of docs/INPUT_FIELDS.md) are accepted for fields, and `项目1·<label>` for projects.
#[derive(Clone, Debug)]
enum Column {
    Id,
    Top(&'static str),
    Field(&'static str, Ty),
    Scenario(usize, &'static str, Ty),
}

fn column(header: &str) -> Option<Column> {
    let h = header.trim().trim_start_matches('\u{feff}');
    match h {
        "id" | "编号" => return Some(Column::Id),
        "region" | "地区" => return Some(Column::Top("region")),
        "as_of" | "计算日期" => return Some(Column::Top("as_of")),
        "schema" => return Some(Column::Top("schema")),
        _ => {}
    }
    if let Some(f) = FIELDS.iter().find(|f| f.path == h || f.zh == h) {
        return Some(Column::Field(f.path, f.ty));
    }
    let (index, rest) = if let Some(r) = h.strip_prefix("scenarios[") {
        let (n, rest) = r.split_once("].")?;
        (n.parse::<usize>().ok()?, rest)
    } else if let Some(r) = h.strip_prefix("项目") {
        let (n, rest) = r.split_once('·')?;
        (n.parse::<usize>().ok()?.checked_sub(1)?, rest)
    } else {
        return None;
    };
    SCENARIO_FIELDS
        .iter()
        .find(|f| f.path == rest || f.zh == rest)
        .map(|f| Column::Scenario(index, f.path, f.ty))
}

/// A cell's text as the JSON the field takes; None for an empty cell (an absent field).
fn cell(text: &str, ty: Ty) -> Result<Option<Value>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Ok(Some(match ty {
        Ty::Flag => match t.to_ascii_lowercase().as_str() {
            "true" | "是" | "1" | "yes" | "y" => json!(true),
            "false" | "否" | "0" | "no" | "n" => json!(false),
            _ => return Err(format!("\"{t}\": give true or false (是 / 否)")),
        },
        Ty::Set(_) => json!(
            t.split([',', '、', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        ),
        Ty::Choice(opts) => {
            // A choice may be given by its key or its Chinese label.
            let key = opts
                .iter()
                .find(|o| **o == t || subsidy_calc::input::choice_label(o).0 == t)
                .copied()
                .unwrap_or(t);
            json!(key)
        }
        _ => json!(t),
    }))
}

/// A row of cells (CSV or spreadsheet) as an application.
fn row_of(columns: &[Option<Column>], cells: &[String], n: usize) -> Row {
    let mut root = Map::new();
    let mut scenarios: Vec<Map<String, Value>> = Vec::new();
    let mut id = n.to_string();
    let mut errors = Vec::new();
    for (c, text) in columns.iter().zip(cells) {
        let Some(c) = c else { continue };
        match c {
            Column::Id => {
                if !text.trim().is_empty() {
                    id = text.trim().to_string();
                }
            }
            Column::Top(k) => {
                if !text.trim().is_empty() {
                    let v = if *k == "schema" {
                        json!(text.trim().parse::<u64>().unwrap_or(0))
                    } else {
                        json!(text.trim())
                    };
                    root.insert(k.to_string(), v);
                }
            }
            Column::Field(path, ty) => match cell(text, *ty) {
                Ok(Some(v)) => subsidy_calc::json::set_path(&mut root, path, v),
                Ok(None) => {}
                Err(m) => errors.push(FieldError::new(*path, m)),
            },
            Column::Scenario(i, key, ty) => match cell(text, *ty) {
                Ok(Some(v)) => {
                    if scenarios.len() <= *i {
                        scenarios.resize_with(i + 1, Map::new);
                    }
                    scenarios[*i].insert(key.to_string(), v);
                }
                Ok(None) => {}
                Err(m) => errors.push(FieldError::new(format!("scenarios[{i}].{key}"), m)),
            },
        }
    }
    // A project with no cell filled is no project.
    let list: Vec<Value> = scenarios
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(Value::Object)
        .collect();
    if !list.is_empty() {
        root.insert("scenarios".into(), Value::Array(list));
    }
    Row {
        id,
        app: if errors.is_empty() {
            Ok(Value::Object(root))
        } else {
            Err(errors)
        },
    }
}

fn columns_of(headers: &[String]) -> Result<Vec<Option<Column>>, String> {
    let cols: Vec<Option<Column>> = headers.iter().map(|h| column(h)).collect();
    let unknown: Vec<&str> = headers
        .iter()
        .zip(&cols)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "unknown column(s): {} (use the dotted field paths or Chinese labels of docs/INPUT_FIELDS.md, scenarios[0].<field> or 项目1·<label>, and id, region, as_of)",
            unknown.join(", ")
        ));
    }
    Ok(cols)
}

/// Reads the input a row at a time and hands each to `each`.
fn read_rows(path: &str, each: &mut dyn FnMut(Row)) -> Result<(), String> {
    match ext(path).as_str() {
        "jsonl" | "ndjson" => {
            let f = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let mut n = 0;
            for line in BufReader::new(f).lines() {
                let line = line.map_err(|e| format!("cannot read {path}: {e}"))?;
                if line.trim().is_empty() {
                    continue;
                }
                n += 1;
                let row = match subsidy_calc::json::parse(line.trim_start_matches('\u{feff}')) {
                    Ok(Value::Object(mut m)) => {
                        let id = match m.remove("id") {
                            Some(Value::String(s)) => s,
                            Some(Value::Number(x)) => x.to_string(),
                            _ => n.to_string(),
                        };
                        Row {
                            id,
                            app: Ok(Value::Object(m)),
                        }
                    }
                    Ok(_) => Row {
                        id: n.to_string(),
                        app: Err(vec![FieldError::new(
                            "(root)",
                            "each line must be a JSON object",
                        )]),
                    },
                    Err(e) => Row {
                        id: n.to_string(),
                        app: Err(vec![e.into()]),
                    },
                };
                each(row);
            }
            Ok(())
        }
        "csv" => {
            let mut r = csv::ReaderBuilder::new()
                .flexible(true)
                .from_path(path)
                .map_err(|e| format!("cannot read {path}: {e}"))?;
            let headers: Vec<String> = r
                .headers()
                .map_err(|e| format!("{path}: {e}"))?
                .iter()
                .map(String::from)
                .collect();
            let cols = columns_of(&headers)?;
            for (i, rec) in r.records().enumerate() {
                let row = match rec {
                    Ok(rec) => {
                        let cells: Vec<String> = rec.iter().map(String::from).collect();
                        row_of(&cols, &cells, i + 1)
                    }
                    Err(e) => Row {
                        id: (i + 1).to_string(),
                        app: Err(vec![FieldError::new("(csv)", e.to_string())]),
                    },
                };
                each(row);
            }
            Ok(())
        }
        "xlsx" => {
            use calamine::{Data, Reader, open_workbook_auto};
            let mut wb =
                open_workbook_auto(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let range = wb
                .worksheet_range_at(0)
                .ok_or(format!("{path}: no worksheet"))?
                .map_err(|e| format!("{path}: {e}"))?;
            let text = |d: &Data| match d {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                // Spreadsheet numbers are floats: their shortest text is what was typed
                // ("1250000.5"); the engine then checks the decimals like any other.
                Data::Float(f) => format!("{f}"),
                Data::Int(i) => i.to_string(),
                Data::Bool(b) => b.to_string(),
                other => other.to_string(),
            };
            let mut rows = range.rows();
            let headers: Vec<String> = rows
                .next()
                .map(|r| r.iter().map(text).collect())
                .unwrap_or_default();
            let cols = columns_of(&headers)?;
            for (i, r) in rows.enumerate() {
                let cells: Vec<String> = r.iter().map(text).collect();
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                each(row_of(&cols, &cells, i + 1));
            }
            Ok(())
        }
        other => Err(format!(
            "{path}: unknown input format \".{other}\": use .csv, .xlsx or .jsonl"
        )),
    }
}

/// The output's columns for the tables (CSV, spreadsheet): id, row, each clause's kind and amount,
/// the totals, the errors.
fn table_header(book: &RuleBook) -> Vec<String> {
    let mut h = vec!["id".to_string(), "row".to_string()];
    for (_, r) in book.rules() {
        h.push(format!("{}.kind", r.id));
        h.push(format!("{}.amount", r.id));
    }
    for t in ["exact", "up_to", "draft_exact", "draft_up_to"] {
        h.push(format!("total.{t}"));
    }
    h.push("errors".into());
    h
}

fn table_row(
    book: &RuleBook,
    id: &str,
    n: usize,
    result: Result<&Outcome, &[FieldError]>,
) -> Vec<String> {
    let mut row = vec![id.to_string(), n.to_string()];
    match result {
        Ok(o) => {
            // Each award into its clause's two columns (the region's clauses; the others stay
            // blank), by the rule book's index rather than a search per column.
            let first = row.len();
            row.resize(first + 2 * book.rules().count(), String::new());
            for a in &o.awards {
                if let Some(p) = book.rule_position(a.id) {
                    row[first + 2 * p] = a.kind.key().to_string();
                    row[first + 2 * p + 1] = a.amount.clone().unwrap_or_default();
                }
            }
            for t in [
                &o.total.exact,
                &o.total.up_to,
                &o.total.draft_exact,
                &o.total.draft_up_to,
            ] {
                row.push(t.clone());
            }
            row.push(String::new());
        }
        Err(errors) => {
            row.resize(2 + 2 * book.rules().count() + 4, String::new());
            row.push(
                errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
    }
    row
}

enum Out {
    Jsonl(BufWriter<std::fs::File>),
    Csv(Box<csv::Writer<std::fs::File>>),
    Xlsx(Box<rust_xlsxwriter::Workbook>, u32),
}

impl Out {
    fn open(path: &str, book: &RuleBook) -> Result<Out, String> {
        let header = table_header(book);
        match ext(path).as_str() {
            "jsonl" | "ndjson" => Ok(Out::Jsonl(BufWriter::new(
                std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?,
            ))),
            "csv" => {
                let f =
                    std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?;
                let mut w = csv::Writer::from_writer(f);
                w.write_record(&header).map_err(|e| e.to_string())?;
                Ok(Out::Csv(Box::new(w)))
            }
            "xlsx" => {
                let mut wb = rust_xlsxwriter::Workbook::new();
                let ws = wb
                    .add_worksheet_with_constant_memory()
                    .map_err(|e| e.to_string())?;
                for (c, h) in header.iter().enumerate() {
                    ws.write_string(0, c as u16, h).map_err(|e| e.to_string())?;
                }
                Ok(Out::Xlsx(Box::new(wb), 1))
            }
            other => Err(format!(
                "{path}: unknown output format \".{other}\": use .csv, .xlsx or .jsonl"
            )),
        }
    }

    fn write(
        &mut self,
        book: &RuleBook,
        id: &str,
        n: usize,
        result: Result<&Outcome, &[FieldError]>,
    ) -> Result<(), String> {
        match self {
            Out::Jsonl(w) => {
                let v = match result {
                    Ok(o) => {
                        let mut v = serde_json::to_value(o).map_err(|e| e.to_string())?;
                        v["id"] = json!(id);
                        v["row"] = json!(n);
                        v
                    }
                    Err(errors) => json!({ "id": id, "row": n, "errors": errors }),
                };
                writeln!(w, "{v}").map_err(|e| e.to_string())
            }
            Out::Csv(w) => w
                .write_record(table_row(book, id, n, result))
                .map_err(|e| e.to_string()),
            Out::Xlsx(wb, r) => {
                let ws = wb.worksheet_from_index(0).map_err(|e| e.to_string())?;
                for (c, cellv) in table_row(book, id, n, result).iter().enumerate() {
                    if cellv.is_empty() {
                        continue;
                    }
                    ws.write_string(*r, c as u16, cellv)
                        .map_err(|e| e.to_string())?;
                }
                *r += 1;
                Ok(())
            }
        }
    }

    fn finish(self, path: &str) -> Result<(), String> {
        match self {
            Out::Jsonl(mut w) => w.flush().map_err(|e| e.to_string()),
            Out::Csv(mut w) => w.flush().map_err(|e| e.to_string()),
            Out::Xlsx(mut wb, _) => wb
                .save(path)
                .map_err(|e| format!("cannot write {path}: {e}")),
        }
    }
}

/// Pro-rata: replaces each pool clause's amount by its scaled figure and lowers the totals.
fn apply_scaled(o: &mut Outcome, scaled: &HashMap<(String, usize), i64>, n: usize) {
    for a in &mut o.awards {
        let Some(new) = scaled.get(&(a.id.to_string(), n)) else {
            continue;
        };
        let Some(old) = a.amount.as_deref().map(cents) else {
            continue;
        };
        let cut = old - new;
        if cut == 0 {
            continue;
        }
        let y = |c: i64| subsidy_calc::money::fixed2(rust_decimal::Decimal::new(c, 2));
        a.amount = Some(y(*new));
        a.value = Some(rust_decimal::Decimal::new(*new, 2));
        a.notes
            .push(format!("scaled pro rata to fit the pool: {} of {}", y(*new), y(old)).into());
        a.notes_zh
            .push(format!("资金池不足,按比例调减:{}元(原{}元)", y(*new), y(old)).into());
        let draft = a.source.status.key() == "draft";
        let lower = |t: &mut String| *t = y(cents(t) - cut);
        if a.in_totals {
            lower(&mut o.total.up_to);
            if a.kind == Kind::Exact {
                lower(&mut o.total.exact);
            }
            if draft {
                lower(&mut o.total.draft_up_to);
            }
        }
    }
}

/// Runs a batch. Exit: 0 every row evaluated, 3 some rows not, 2 the files themselves.
pub fn run(opts: &Options, today: Date) -> u8 {
    let book = match RuleBook::embedded() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("rule data invalid: {e}");
            return 2;
        }
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} rows {per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        b
    });
    // A table (.csv, .xlsx) holds figures only: the engine writes no text for it. JSON Lines rows
    // are whole results.
    let detail = if matches!(ext(&opts.output).as_str(), "jsonl" | "ndjson") {
        subsidy_calc::Detail::Full
    } else {
        subsidy_calc::Detail::Figures
    };
    let evaluate = |row: &Row| -> Result<Outcome<'static>, Vec<FieldError>> {
        match &row.app {
            Ok(v) => subsidy_calc::evaluate_value_with(v, today, detail),
            Err(e) => Err(e.clone()),
        }
    };
    // Pass 1 (only with --pool prorata): the demand on each pool, row by row.
    let mut scaled: HashMap<(String, usize), i64> = HashMap::new();
    if opts.prorata {
        let mut members: HashMap<String, Vec<(usize, i64)>> = HashMap::new();
        let mut n = 0;
        let r = read_rows(&opts.input, &mut |row| {
            n += 1;
            if let Ok(o) = evaluate(&row) {
                for a in &o.awards {
                    let Some((_, rule)) = book.rules().find(|(_, r)| r.id == a.id) else {
                        continue;
                    };
                    if let (Some(p), Some(v)) = (&rule.pool, &a.amount)
                        && !p.at_least
                    {
                        members
                            .entry(a.id.to_string())
                            .or_default()
                            .push((n, cents(v)));
                    }
                }
            }
            if let Some(b) = &bar {
                b.set_message("(reading the pools' demand)");
                b.inc(1);
            }
        });
        if let Err(e) = r {
            eprintln!("{e}");
            return 2;
        }
        for (id, list) in members {
            let Some((_, rule)) = book.rules().find(|(_, r)| r.id == id) else {
                continue;
            };
            let Some(p) = &rule.pool else { continue };
            let pool: i64 = (p.amount.0 * rust_decimal::Decimal::ONE_HUNDRED)
                .try_into()
                .unwrap_or(i64::MAX);
            for ((row, _), new) in list.iter().zip(prorata(&list, pool)) {
                scaled.insert((id.clone(), *row), new);
            }
        }
        if let Some(b) = &bar {
            b.set_position(0);
        }
    }
    let mut out = match Out::open(&opts.output, book) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let mut summary = Summary::default();
    let mut failed = 0u64;
    let mut n = 0;
    let mut write_error = None;
    let r = read_rows(&opts.input, &mut |row| {
        n += 1;
        // The summary reports the demand as asked; the rows carry the scaled awards.
        let result = evaluate(&row).map(|mut o| {
            summary.add(&o, book);
            apply_scaled(&mut o, &scaled, n);
            o
        });
        match &result {
            Ok(_) => {}
            Err(errors) => {
                failed += 1;
                summary.failed_row();
                for e in errors {
                    eprintln!("row {n} (id {}): {}: {}", row.id, e.field, e.message);
                }
            }
        }
        if write_error.is_none()
            && let Err(e) = out.write(book, &row.id, n, result.as_ref().map_err(|e| e.as_slice()))
        {
            write_error = Some(e);
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Err(e) = r
        .and(write_error.map_or(Ok(()), Err))
        .and_then(|_| out.finish(&opts.output))
    {
        eprintln!("{e}");
        return 2;
    }
    let mut report = summary.report(book);
    if opts.prorata {
        for p in report.pools.iter_mut().filter(|p| p.over) {
            p.scaled_to = Some(p.pool.clone());
            p.note_zh.push_str(";已按比例调减至资金池总额(分毫不差)");
            p.note_en
                .push_str("; scaled pro rata to the pool, to the cent");
        }
    }
    eprint!("{}", batch::report_text(&report, opts.en));
    if let Some(path) = &opts.summary {
        let text = if ext(path) == "json" {
            serde_json::to_string_pretty(&report).unwrap_or_default()
        } else {
            batch::report_text(&report, opts.en)
        };
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("cannot write {path}: {e}");
            return 2;
        }
    }
    if failed > 0 { 3 } else { 0 }
}
