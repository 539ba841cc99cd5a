//! `subsidy-calc batch IN -o OUT [--pool none|prorata] [--summary FILE] [--lang en]`: the file side
//! of many applications (the sheets, summaries and pools are `subsidy_batch`'s). Formats by extension: `.jsonl`,
//! `.csv`, `.xlsx`, in and out. A row is read, evaluated and written before the next is read; a bad
//! row is reported with its row number and fields and never stops the batch.
use crate::csv_out::CsvOut;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::Path;
use subsidy_batch::compare::Compare;
use subsidy_batch::pools::Scaling;
use subsidy_batch::sheet::{
    Row, SheetError, application_of, code_of, csv_records, has_code, record_id, xlsx_rows,
};
use subsidy_batch::summary::{self as batch, Positions, Summary};
use subsidy_batch::table::{Done, code_check, reform_cell, table_header};
use subsidy_calc::reform::Reformed;
use subsidy_calc::result::Outcome;
use subsidy_calc::{Application, Date, Detail, FieldError, RuleBook};

pub struct Options {
    /// A reform: each row evaluated under it and under today's rules.
    pub reform: Option<&'static subsidy_calc::reform::Reformed>,
    pub input: String,
    pub output: String,
    pub prorata: bool,
    pub summary: Option<String>,
    pub en: bool,
}

fn ext(path: &str) -> String {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// One input row: its id, its application or what is wrong with it, and the verification code it
/// gives to check (`checks`: its sheet has a code column).
struct Input {
    id: String,
    app: Result<Application, Vec<FieldError>>,
    given: Option<String>,
    checks: bool,
}

/// Reads the input a row at a time and hands each to `each`, validated (`today` is the default
/// date): JSON lines by the contract's validator, spreadsheet rows straight from their cells.
fn read_rows(
    path: &str,
    today: Date,
    detail: Detail,
    each: &mut dyn FnMut(Input),
) -> Result<(), SheetError> {
    let cannot = |e: std::io::Error| SheetError::unopened(&e).at(path);
    let mut each = |mut input: Input| {
        if let Ok(app) = &mut input.app {
            app.detail = detail;
        }
        each(input)
    };
    let mut cells = |row: Row| {
        each(Input {
            app: row.application(today),
            given: row.given_code(),
            checks: row.checks_codes(),
            id: row.id,
        })
    };
    match ext(path).as_str() {
        "jsonl" | "ndjson" => {
            let f = std::fs::File::open(path).map_err(cannot)?;
            let mut n = 0;
            for line in BufReader::new(f).lines() {
                let line = line.map_err(cannot)?;
                if line.trim().is_empty() {
                    continue;
                }
                n += 1;
                let text = line.trim_start_matches('\u{feff}');
                let id_of = |v: Option<Value>| match v {
                    Some(Value::String(s)) => s,
                    Some(Value::Number(x)) => x.to_string(),
                    _ => n.to_string(),
                };
                let row = match subsidy_calc::input::strict::parse(text) {
                    Ok(Value::Object(mut m)) => {
                        let given = m.remove("code");
                        Input {
                            id: id_of(m.remove("id")),
                            app: subsidy_calc::input::parse_value(&Value::Object(m), today),
                            checks: given.is_some(),
                            given: given.and_then(|c| c.as_str().map(String::from)),
                        }
                    }
                    Ok(_) => Input {
                        id: n.to_string(),
                        app: Err(vec![FieldError::new(
                            "(root)",
                            "each line must be a JSON object",
                        )]),
                        given: None,
                        checks: false,
                    },
                    // A line refused (a key given twice, say) keeps its own id where it has one,
                    // so the error is found by it.
                    Err(e) => Input {
                        id: id_of(
                            serde_json::from_str::<Value>(text)
                                .ok()
                                .and_then(|mut v| v.get_mut("id").map(Value::take)),
                        ),
                        app: Err(vec![e.into()]),
                        given: None,
                        checks: false,
                    },
                };
                each(row);
            }
            Ok(())
        }
        "csv" => {
            let f = std::fs::File::open(path).map_err(cannot)?;
            // One record's buffer for every row: the application is made from it directly.
            // (The CSV reader buffers the file itself.)
            csv_records(f, &mut |columns, n, rec| {
                let checks = has_code(columns);
                each(match rec {
                    Ok(rec) => Input {
                        id: record_id(columns, rec, n),
                        app: application_of(columns, rec.iter(), today),
                        given: code_of(columns, rec.iter()),
                        checks,
                    },
                    Err(e) => Input {
                        id: n.to_string(),
                        app: Err(vec![e]),
                        given: None,
                        checks,
                    },
                })
            })
            .map_err(|e| e.at(path))
        }
        // A workbook is read whole by calamine anyway: its bytes, then a row at a time.
        "xlsx" => {
            let bytes = std::fs::read(path).map_err(cannot)?;
            xlsx_rows(&bytes, &mut cells).map_err(|e| e.at(path))
        }
        other => Err(SheetError {
            zh: format!("不认识的输入格式“.{other}”:请用 .csv、.xlsx 或 .jsonl"),
            en: format!("unknown input format \".{other}\": use .csv, .xlsx or .jsonl"),
        }
        .at(path)),
    }
}

enum Out {
    Jsonl(BufWriter<std::fs::File>),
    Csv(Box<CsvOut<std::fs::File>>),
    /// The workbook, the next row, and which columns are amounts (numbers in the sheet).
    Xlsx(Box<rust_xlsxwriter::Workbook>, u32, Vec<bool>),
}

impl Out {
    fn open(
        path: &str,
        book: &'static RuleBook,
        checks: bool,
        reform: Option<&str>,
    ) -> Result<Out, String> {
        let header = table_header(book, checks, reform);
        match ext(path).as_str() {
            "jsonl" | "ndjson" => Ok(Out::Jsonl(BufWriter::new(
                std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?,
            ))),
            "csv" => {
                let f =
                    std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?;
                Ok(Out::Csv(Box::new(CsvOut::new(f, book, &header))))
            }
            "xlsx" => {
                let mut wb = rust_xlsxwriter::Workbook::new();
                let ws = wb
                    .add_worksheet_with_constant_memory()
                    .map_err(|e| e.to_string())?;
                for (c, h) in header.iter().enumerate() {
                    ws.write_string(0, c as u16, h).map_err(|e| e.to_string())?;
                }
                let amounts = header
                    .iter()
                    .map(|h| subsidy_batch::sheet::is_amount_column(h))
                    .collect();
                Ok(Out::Xlsx(Box::new(wb), 1, amounts))
            }
            other => Err(format!(
                "{path}: unknown output format \".{other}\": use .csv, .xlsx or .jsonl"
            )),
        }
    }

    /// One row; `check` is what the `核验` column says (None: the input gave no codes); under a
    /// reform, `baseline` is the row under today's rules with its awards' positions.
    #[allow(clippy::too_many_arguments)]
    fn write(
        &mut self,
        book: &RuleBook,
        id: &str,
        n: usize,
        result: Result<&Outcome, &[FieldError]>,
        at: &[Option<usize>],
        check: Option<&str>,
        baseline: Option<(&Reformed, Option<crate::csv_out::Placed>)>,
    ) -> Result<(), String> {
        match self {
            Out::Jsonl(w) => {
                let mut v = match result {
                    Ok(o) => {
                        let mut v = serde_json::to_value(o).map_err(|e| e.to_string())?;
                        if let Some((r, Some((b, _)))) = baseline {
                            v = r.json(v, b);
                        }
                        v["id"] = json!(id);
                        v["row"] = json!(n);
                        v
                    }
                    // Each message in both languages, as `eval` gives them.
                    Err(errors) => {
                        json!({ "id": id, "row": n, "errors": errors.iter().map(|e| json!({
                        "field": e.field,
                        "message": e.message,
                        "message_zh": e.message_in(subsidy_calc::text::Lang::Zh),
                    })).collect::<Vec<_>>() })
                    }
                };
                if let Some(c) = check {
                    v["check"] = json!(c);
                }
                writeln!(w, "{v}").map_err(|e| e.to_string())
            }
            Out::Csv(w) => {
                let base = baseline.map(|(r, b)| (r.reform.name.as_str(), b));
                w.row(id, n, result, at, check, base)
                    .map_err(|e| e.to_string())
            }
            Out::Xlsx(wb, r, amounts) => {
                let ws = wb.worksheet_from_index(0).map_err(|e| e.to_string())?;
                let mut owned = result.cloned();
                let mut done = Done::of(at, id.to_string(), n, owned.as_mut().map_err(|e| &**e));
                done.check = check.map(String::from);
                let said;
                let base_done;
                let cells = match baseline {
                    None => done.cells(book),
                    Some((reform, b)) => {
                        said = reform_cell(&reform.reform.name);
                        let mut owned = b.map(|(o, at)| (o.clone(), at));
                        base_done = match owned.as_mut() {
                            Some((o, at)) => Done::of(at, String::new(), n, Ok(o)),
                            None => Done::of(&[], String::new(), n, Err(&[])),
                        };
                        done.cells_with(book, &base_done, &said)
                    }
                };
                let money = subsidy_batch::sheet::money_format();
                for (c, cellv) in cells.iter().enumerate() {
                    let amount = amounts.get(c).copied().unwrap_or(false);
                    subsidy_batch::sheet::write_cell(
                        ws,
                        *r,
                        c as u16,
                        cellv.as_ref(),
                        amount,
                        &money,
                    )?;
                }
                *r += 1;
                Ok(())
            }
        }
    }

    fn finish(self, path: &str) -> Result<(), String> {
        match self {
            Out::Jsonl(mut w) => w.flush().map_err(|e| e.to_string()),
            Out::Csv(w) => w.finish().map_err(|e| e.to_string()),
            Out::Xlsx(mut wb, ..) => wb
                .save(path)
                .map_err(|e| format!("cannot write {path}: {e}")),
        }
    }
}

/// Runs a batch. Exit: 0 every row evaluated, 3 some rows not, 2 the files themselves. Under a
/// reform each row is evaluated twice, under the reform (what the table's figures are) and under
/// today's rules (its baseline columns); pools apply to both sides.
pub fn run(opts: &Options, today: Date) -> u8 {
    let base_book = subsidy_calc::rulebook::book();
    let reform = opts.reform;
    // The figures written are the reform's where there is one.
    let book: &'static RuleBook = reform.map_or(base_book, |r| &r.book);
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
        Detail::Full
    } else {
        Detail::Figures
    };
    let evaluate = |app: &Application, spare| match reform {
        Some(r) => r.evaluate_in(app, spare),
        None => subsidy_calc::engine::evaluate_in(app, book, spare).with_code(app),
    };
    // Today's side: its code only where it is written (JSON Lines' `baseline.code`; a table has
    // today's amounts, not today's code).
    let baseline = |app: &Application, spare| {
        let o = subsidy_calc::engine::evaluate_in(app, base_book, spare);
        if detail == Detail::Full {
            o.with_code(app)
        } else {
            o
        }
    };
    // Pass 1 (only with --pool prorata): the demand on each pool, row by row, in each calendar year
    // of `as_of` (the texts set a pool "每年": each year's rows share that year's pool), both ways.
    let mut scaling = Scaling::default();
    let mut base_scaling = Scaling::default();
    if opts.prorata {
        let mut positions = Positions::default();
        let mut base_positions = Positions::default();
        let mut n = 0;
        let r = read_rows(&opts.input, today, detail, &mut |row| {
            n += 1;
            if let Ok(app) = &row.app {
                let o = evaluate(app, Vec::new());
                scaling.demand(book, &o, n, positions.of(book, &o));
                if reform.is_some() {
                    let b = baseline(app, Vec::new());
                    base_scaling.demand(base_book, &b, n, base_positions.of(base_book, &b));
                }
            }
            if let Some(b) = &bar {
                b.set_message("(reading the pools' demand)");
                b.inc(1);
            }
        });
        if let Err(e) = r {
            eprintln!("{}", e.text(opts.en));
            return 2;
        }
        scaling.finish(book);
        base_scaling.finish(base_book);
        if let Some(b) = &bar {
            b.set_position(0);
        }
    }
    // The output is opened at the first row, which says whether the input gives codes to check.
    let mut out: Option<Out> = None;
    let mut open_error = None;
    let mut summary = Summary::default();
    let mut base_summary = Summary::default();
    let mut compare = Compare::default();
    let mut positions = Positions::default();
    let mut base_positions = Positions::default();
    let mut failed = 0u64;
    let mut n = 0;
    let mut write_error = None;
    let name = reform.map(|r| r.reform.name.as_str());
    // One award list for every row (`engine::evaluate_in`): each row's list goes back to it.
    let mut spare = Vec::new();
    let mut base_spare = Vec::new();
    let r = read_rows(&opts.input, today, detail, &mut |row| {
        n += 1;
        // The row's code is `eval`'s: made before pro rata scales anything.
        let result = match &row.app {
            Ok(app) => Ok(evaluate(app, std::mem::take(&mut spare))),
            Err(e) => Err(e.clone()),
        };
        let mut base = match (&row.app, reform) {
            (Ok(app), Some(_)) => Some(baseline(app, std::mem::take(&mut base_spare))),
            _ => None,
        };
        let check = row.checks.then(|| match (&row.given, &result) {
            (Some(g), Ok(o)) => code_check(g, o.code.as_deref().unwrap_or(""), book.version()),
            _ => String::new(),
        });
        // Each award's table position, found once for the summary and the row.
        let at: &[Option<usize>] = match &result {
            Ok(o) => positions.of(book, o),
            Err(_) => &[],
        };
        let base_at: &[Option<usize>] = match &base {
            Some(o) => base_positions.of(base_book, o),
            None => &[],
        };
        // The summary reports the pools' demand as asked, and the figures as written (scaled).
        let result = result.map(|mut o| {
            summary.demand(&o, book, at);
            scaling.apply(&mut o, n, at);
            summary.figures(&o, book, at);
            o
        });
        if let (Some(b), Ok(o)) = (base.as_mut(), &result) {
            base_summary.demand(b, base_book, base_at);
            base_scaling.apply(b, n, base_at);
            base_summary.figures(b, base_book, base_at);
            compare.add_outcomes(book, n, &row.id, (b, base_at), (o, at));
        }
        if let Err(errors) = &result {
            failed += 1;
            summary.failed_row();
            base_summary.failed_row();
            for e in errors {
                if opts.en {
                    eprintln!("row {n} (id {}): {}: {}", row.id, e.field, e.message);
                } else {
                    let m = e.message_in(subsidy_calc::text::Lang::Zh);
                    eprintln!("第{n}行(编号 {}):{}:{m}", row.id, e.field);
                }
            }
        }
        if out.is_none() && open_error.is_none() {
            match Out::open(&opts.output, book, row.checks, name) {
                Ok(o) => out = Some(o),
                Err(e) => open_error = Some(e),
            }
        }
        if write_error.is_none()
            && let Some(out) = out.as_mut()
            && let Err(e) = out.write(
                book,
                &row.id,
                n,
                result.as_ref().map_err(|e| e.as_slice()),
                at,
                check.as_deref(),
                reform.map(|r| (r, base.as_ref().map(|b| (b, base_at)))),
            )
        {
            write_error = Some(e);
        }
        if let Ok(o) = result {
            spare = o.awards;
        }
        if let Some(b) = base {
            base_spare = b.awards;
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(e) = open_error {
        eprintln!("{e}");
        return 2;
    }
    // A file that could not be read (no header, unknown columns) leaves no output behind.
    if let Err(e) = r {
        eprintln!("{}", e.text(opts.en));
        return 2;
    }
    // No rows at all: the table's head alone.
    let out = match out {
        Some(o) => Ok(o),
        None => Out::open(&opts.output, book, false, name),
    };
    if let Err(e) = write_error
        .map_or(Ok(()), Err)
        .and(out)
        .and_then(|out| out.finish(&opts.output))
    {
        eprintln!("{e}");
        return 2;
    }
    let mut report = summary.report(book);
    let mut base_report = base_summary.report(base_book);
    if opts.prorata {
        report.mark_scaled();
        base_report.mark_scaled();
    }
    if let Some(r) = reform {
        report.reform = Some(compare.report(book, &r.reform.name, base_report.pools));
    }
    let text = |report: &subsidy_batch::Report| {
        let mut t = String::new();
        if let Some(r) = &report.reform {
            t.push_str(&if opts.en {
                format!(
                    "Figures under the reform \"{}\" (not the policy):\n",
                    r.name
                )
            } else {
                format!("以下为测算方案“{}”下的结果(非现行政策):\n", r.name)
            });
        }
        t.push_str(&batch::report_text(report, opts.en));
        if let Some(r) = &report.reform {
            t.push_str(&subsidy_batch::compare::report_text(r, book, opts.en));
        }
        t
    };
    eprint!("{}", text(&report));
    if let Some(path) = &opts.summary {
        let text = if ext(path) == "json" {
            serde_json::to_string_pretty(&report).unwrap_or_default()
        } else {
            text(&report)
        };
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("cannot write {path}: {e}");
            return 2;
        }
    }
    if failed > 0 { 3 } else { 0 }
}
