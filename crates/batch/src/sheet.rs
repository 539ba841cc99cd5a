//! Spreadsheet rows ↔ applications and result rows, with no I/O: what `subsidy-calc batch` and the
//! browser's batch page (batch.html) share. A row of cells becomes an application by its column
//! heads (the dotted field paths of the field list, `subsidy-calc fields`, or their Chinese labels, `scenarios[0].…`
//! or `项目1·…`, and `id`, `region`, `as_of`); a result becomes a table row (each clause's kind and
//! amount, the totals, the errors). CSV and .xlsx bytes are read and written here too.
use serde_json::{Value, json};
use std::rc::Rc;
use subsidy_calc::FieldError;
use subsidy_calc::date::Date;
use subsidy_calc::input::{Application, Builder, Val};
use subsidy_calc::input::{FIELDS, SCENARIO_FIELDS, Ty};

/// One input row: its id (the `id` column, else the row number) and its cells, or why it could not
/// be read. [`Row::application`] makes the application from the cells when it is wanted: a batch
/// in the browser keeps every row, and a row's cells are a fraction of an application's size.
#[derive(Clone, Debug)]
pub struct Row {
    pub id: String,
    /// The cells in one record (one text buffer and its bounds, not a string per cell: a batch in
    /// the browser keeps 100,000 rows).
    cells: Result<csv::StringRecord, Vec<FieldError>>,
    columns: Rc<[Option<Column>]>,
}

/// Why a whole file cannot be read (no row of it is evaluated), in both languages: the page says it in
/// the language it shows, the command line in its `--lang`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetError {
    pub zh: String,
    pub en: String,
}

impl SheetError {
    /// The reader's own words (the CSV or workbook reader says what it could not read).
    pub fn unreadable(why: impl std::fmt::Display) -> SheetError {
        SheetError {
            zh: format!("无法读取文件({why})"),
            en: format!("cannot read the file ({why})"),
        }
    }

    /// A file that cannot be opened: the usual causes in words, both languages.
    pub fn unopened(e: &std::io::Error) -> SheetError {
        let (zh, en) = match e.kind() {
            std::io::ErrorKind::NotFound => ("文件不存在", "no such file"),
            std::io::ErrorKind::PermissionDenied => ("没有读取权限", "permission denied"),
            std::io::ErrorKind::IsADirectory => ("这是文件夹,不是文件", "a folder, not a file"),
            _ => return SheetError::unreadable(e),
        };
        SheetError {
            zh: format!("无法读取文件:{zh}"),
            en: format!("cannot read the file: {en}"),
        }
    }

    /// No header row: nothing says what the columns are.
    pub fn empty() -> SheetError {
        SheetError {
            zh: "文件是空的:第一行应是列名(表头),其下每行一份申请".into(),
            en: "the file is empty: its first row names the columns, each row below is one application"
                .into(),
        }
    }

    /// Column heads that name no field: refused before any row, so no figure is computed from a
    /// sheet read wrongly.
    pub fn unknown_columns(names: &[&str]) -> SheetError {
        SheetError {
            zh: format!(
                "不认识的列:{}。列名用字段清单中的字段路径或中文名称(批量测算页可下载字段清单,命令行见 subsidy-calc fields),项目列写作 项目1·<名称> 或 scenarios[0].<字段>,另可有 编号、地区、计算日期(id、region、as_of)列",
                names.join("、")
            ),
            en: format!(
                "unknown column(s): {} (name columns by the field list's dotted paths or Chinese labels: the batch page's field list download, or subsidy-calc fields; projects as scenarios[0].<field> or 项目1·<label>; and id, region, as_of)",
                names.join(", ")
            ),
        }
    }

    /// The same, prefixed by where it happened (a file's name).
    pub fn at(self, place: &str) -> SheetError {
        SheetError {
            zh: format!("{place}:{}", self.zh),
            en: format!("{place}: {}", self.en),
        }
    }

    pub fn text(&self, en: bool) -> &str {
        if en { &self.en } else { &self.zh }
    }
}

/// Column header → where the cell goes in the application: a dotted field path, a scenario field
/// (`scenarios[0].total_investment`), or `id` / `region` / `as_of` / `schema`. Chinese labels (the
/// 中文 column of docs/INPUT_FIELDS.md) are accepted for fields, and `项目1·<label>` for projects.
#[derive(Clone, Debug)]
pub enum Column {
    Id,
    /// A verification code to check the row against (`code` / `核验码`): the output says whether it
    /// matches (`核验`).
    Code,
    Top(&'static str),
    /// `FIELDS[i]`.
    Field(usize),
    /// Project `.0`'s `SCENARIO_FIELDS[.1]`.
    Scenario(usize, usize),
}

pub fn column(header: &str) -> Option<Column> {
    let h = header.trim().trim_start_matches('\u{feff}');
    match h {
        "id" | "编号" => return Some(Column::Id),
        "code" | "核验码" => return Some(Column::Code),
        "region" | "地区" => return Some(Column::Top("region")),
        "as_of" | "计算日期" => return Some(Column::Top("as_of")),
        "schema" => return Some(Column::Top("schema")),
        _ => {}
    }
    if let Some(i) = FIELDS.iter().position(|f| f.path == h || f.zh == h) {
        return Some(Column::Field(i));
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
        .position(|f| f.path == rest || f.zh == rest)
        .map(|i| Column::Scenario(index, i))
}

/// A flag cell's (trimmed) text: 是 / 否, true / false, 1 / 0, yes / no.
fn flag(t: &str) -> Result<bool, String> {
    let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if is(&["true", "是", "1", "yes", "y"]) {
        Ok(true)
    } else if is(&["false", "否", "0", "no", "n"]) {
        Ok(false)
    } else {
        Err(format!("\"{t}\": give true or false (是 / 否)"))
    }
}

/// A cell's value for a field of type `ty`, checked as the JSON contract checks the same value;
/// None for an empty cell (an absent field). Numbers, flags and text are read straight from the
/// text (a batch reads several per row); choices, lists and dates go through their JSON form.
fn checked_cell(ty: Ty, text: &str) -> Option<Result<Val, String>> {
    if let Some(checked) = subsidy_calc::input::number_text(ty, text) {
        // An empty cell fails as a number: it is no number at all.
        return match checked {
            Err(_) if text.trim().is_empty() => None,
            checked => Some(checked),
        };
    }
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match ty {
        Ty::Flag => Some(flag(t).map(Val::Flag)),
        Ty::Text => Some(subsidy_calc::input::text_value(t)),
        _ => match cell(t, ty) {
            Ok(Some(v)) => subsidy_calc::input::parse_field(ty, &v).transpose(),
            Ok(None) => None,
            Err(m) => Some(Err(m)),
        },
    }
}

/// A cell's text as the JSON the field takes; None for an empty cell (an absent field).
pub fn cell(text: &str, ty: Ty) -> Result<Option<Value>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Ok(Some(match ty {
        Ty::Flag => json!(flag(t)?),
        Ty::Set(_) => json!(
            t.split([',', '、', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        ),
        // One amount per project, separated by ";" (a comma may be a thousands separator).
        Ty::Amounts => json!(
            t.split([';', '；', '、'])
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

/// A row's id: its `id` cell, else its row number.
fn id_of<'c>(
    columns: &[Option<Column>],
    cells: impl IntoIterator<Item = &'c str>,
    n: usize,
) -> String {
    columns
        .iter()
        .zip(cells)
        .find(|(c, t)| matches!(c, Some(Column::Id)) && !t.trim().is_empty())
        .map_or_else(|| n.to_string(), |(_, t)| t.trim().to_string())
}

/// A row of cells (CSV or spreadsheet), its id read from the `id` column.
pub fn row_of(columns: &Rc<[Option<Column>]>, cells: csv::StringRecord, n: usize) -> Row {
    Row {
        id: id_of(columns, cells.iter(), n),
        cells: Ok(cells),
        columns: columns.clone(),
    }
}

impl Row {
    /// A row that could not be read at all (a broken CSV record, a bad JSON line).
    pub fn unreadable(id: String, errors: Vec<FieldError>) -> Row {
        Row {
            id,
            cells: Err(errors),
            columns: Rc::from([]),
        }
    }

    /// The verification code the row gives to check it against, if any.
    pub fn given_code(&self) -> Option<String> {
        let cells = self.cells.as_ref().ok()?;
        code_of(&self.columns, cells.iter())
    }

    /// Whether the row's sheet has a verification-code column.
    pub fn checks_codes(&self) -> bool {
        has_code(&self.columns)
    }

    /// The row's application (see [`application_of`]).
    pub fn application(&self, today: Date) -> Result<Application, Vec<FieldError>> {
        let cells = self.cells.as_ref().map_err(Clone::clone)?;
        application_of(&self.columns, cells.iter(), today)
    }
}

/// A row's application, each cell checked and stored straight into it (no JSON tree), by the
/// validator the JSON contract uses ([`Builder`]): every bad cell is named by its field.
pub fn application_of<'c>(
    columns: &[Option<Column>],
    cells: impl IntoIterator<Item = &'c str>,
    today: Date,
) -> Result<Application, Vec<FieldError>> {
    let mut b = Builder::new(today, subsidy_calc::input::regions());
    let mut projects: Vec<Vec<(usize, Val)>> = Vec::new();
    for (c, text) in columns.iter().zip(cells) {
        match c {
            None | Some(Column::Id) | Some(Column::Code) => {}
            Some(Column::Top(k)) => {
                let t = text.trim();
                if !t.is_empty() {
                    let v = if *k == "schema" {
                        json!(t.parse::<u64>().unwrap_or(0))
                    } else {
                        json!(t)
                    };
                    b.top(k, &v);
                }
            }
            Some(Column::Field(i)) => {
                if let Some(checked) = checked_cell(FIELDS[*i].ty, text) {
                    b.put(*i, checked.map(Some));
                }
            }
            // A problem is named by the sheet's own column (`scenarios[1].…` even when project 0
            // is left empty), as the person reading the message sees it.
            Some(Column::Scenario(s, i)) => {
                let Some(checked) = checked_cell(SCENARIO_FIELDS[*i].ty, text) else {
                    continue;
                };
                match checked {
                    Ok(val) => {
                        if projects.len() <= *s {
                            projects.resize_with(s + 1, Vec::new);
                        }
                        projects[*s].push((*i, val));
                    }
                    Err(m) => b.errors.push(FieldError::new(
                        format!("scenarios[{s}].{}", SCENARIO_FIELDS[*i].path),
                        m,
                    )),
                }
            }
        }
    }
    // A project with no cell filled is no project.
    for p in projects.into_iter().filter(|p| !p.is_empty()) {
        let s = b.scenario();
        for (i, val) in p {
            b.scenario_put(s, i, Ok(Some(val)));
        }
    }
    b.finish()
}

pub fn columns_of(headers: &[String]) -> Result<Vec<Option<Column>>, SheetError> {
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(SheetError::empty());
    }
    let cols: Vec<Option<Column>> = headers.iter().map(|h| column(h)).collect();
    let unknown: Vec<&str> = headers
        .iter()
        .zip(&cols)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    if !unknown.is_empty() {
        return Err(SheetError::unknown_columns(&unknown));
    }
    Ok(cols)
}

/// The text of a spreadsheet cell: numbers are floats there, and their shortest text is what was
/// typed ("1250000.5"); the engine then checks the decimals like any other.
pub fn xlsx_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Reads CSV (UTF-8, a byte-order mark allowed) a row at a time from any reader — the command line
/// streams a file, the page has the bytes — numbering rows from 1 after the header, which must
/// name known columns.
pub fn csv_rows(input: impl std::io::Read, each: &mut dyn FnMut(Row)) -> Result<(), SheetError> {
    let mut shared: Option<Rc<[Option<Column>]>> = None;
    csv_records(input, &mut |columns, n, rec| {
        let cols = shared.get_or_insert_with(|| columns.into());
        each(match rec {
            Ok(rec) => row_of(cols, rec.clone(), n),
            Err(e) => Row::unreadable(n.to_string(), vec![e]),
        })
    })
}

/// A CSV record as read, or why it could not be.
pub type Record<'r> = Result<&'r csv::StringRecord, FieldError>;

/// What [`csv_records`] calls for each record: the columns, the row number, the record.
pub type OnRecord<'f> = dyn FnMut(&[Option<Column>], usize, Record) + 'f;

/// Reads CSV as [`csv_rows`] does, handing each record to `each` with the columns and its row
/// number without keeping it: one record's buffer serves every row (the command line's million
/// rows; [`application_of`] and [`record_id`] make the application and id from it).
pub fn csv_records(input: impl std::io::Read, each: &mut OnRecord) -> Result<(), SheetError> {
    // 64 KB reads (the default 8 KB made 15,000 reads of a million-row file).
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let headers: Vec<String> = r
        .headers()
        .map_err(SheetError::unreadable)?
        .iter()
        .map(String::from)
        .collect();
    let cols = columns_of(&headers)?;
    let mut rec = csv::StringRecord::new();
    for n in 1.. {
        match r.read_record(&mut rec) {
            Ok(true) => each(&cols, n, Ok(&rec)),
            Ok(false) => break,
            Err(e) => each(&cols, n, Err(FieldError::new("(csv)", e.to_string()))),
        }
    }
    Ok(())
}

/// The verification code a row gives to check it against (its `code` cell), if any.
pub fn code_of<'c>(
    columns: &[Option<Column>],
    cells: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    columns
        .iter()
        .zip(cells)
        .find(|(c, t)| matches!(c, Some(Column::Code)) && !t.trim().is_empty())
        .map(|(_, t)| t.trim().to_string())
}

/// Whether the columns hold a verification code to check.
pub fn has_code(columns: &[Option<Column>]) -> bool {
    columns.iter().any(|c| matches!(c, Some(Column::Code)))
}

/// A CSV record's id: its `id` cell, else its row number.
pub fn record_id(columns: &[Option<Column>], rec: &csv::StringRecord, n: usize) -> String {
    id_of(columns, rec.iter(), n)
}

/// Every row of a CSV file's bytes.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<Row>, SheetError> {
    let mut rows = Vec::new();
    csv_rows(bytes, &mut |r| rows.push(r))?;
    Ok(rows)
}

/// Reads the first worksheet of an .xlsx file's bytes a row at a time (blank rows skipped).
pub fn xlsx_rows(bytes: &[u8], each: &mut dyn FnMut(Row)) -> Result<(), SheetError> {
    use calamine::Reader;
    let mut wb =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(SheetError::unreadable)?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| SheetError::unreadable("no worksheet"))?
        .map_err(SheetError::unreadable)?;
    let mut rows = range.rows();
    let headers: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(xlsx_text).collect())
        .unwrap_or_default();
    let cols: Rc<[Option<Column>]> = columns_of(&headers)?.into();
    for (i, r) in rows.enumerate() {
        let cells: Vec<String> = r.iter().map(xlsx_text).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        each(row_of(&cols, csv::StringRecord::from(cells), i + 1));
    }
    Ok(())
}

/// Every row of the first worksheet of an .xlsx file's bytes.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Row>, SheetError> {
    let mut rows = Vec::new();
    xlsx_rows(bytes, &mut |r| rows.push(r))?;
    Ok(rows)
}

/// Rows as CSV bytes (UTF-8 with a byte-order mark, so Excel reads the Chinese), made one row at a
/// time.
pub fn write_csv<S: AsRef<str>>(rows: impl IntoIterator<Item = Vec<S>>) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    for r in rows {
        let _ = w.write_record(r.iter().map(|c| c.as_ref().as_bytes()));
    }
    w.into_inner().unwrap_or_default()
}

/// Rows as an .xlsx file's bytes (one worksheet): the first row is the head; a result's amount
/// columns ([`is_amount_column`]) hold numbers, every other cell text.
pub fn write_xlsx<S: AsRef<str>>(
    rows: impl IntoIterator<Item = Vec<S>>,
) -> Result<Vec<u8>, String> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let money = money_format();
    let mut amounts: Vec<bool> = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        if r == 0 {
            amounts = row.iter().map(|h| is_amount_column(h.as_ref())).collect();
        }
        for (c, v) in row.iter().enumerate() {
            let amount = r > 0 && amounts.get(c).copied().unwrap_or(false);
            write_cell(ws, r as u32, c as u16, v.as_ref(), amount, &money)?;
        }
    }
    wb.save_to_buffer().map_err(|e| e.to_string())
}

/// Whether a result column holds yuan: `<rule id>.amount`, `<rule id>.baseline_amount` and the
/// `total.…` columns. In .xlsx these are numbers, so that an official's SUM adds them up (as text,
/// Excel's SUM of the column was 0).
pub fn is_amount_column(head: &str) -> bool {
    head.starts_with("total.") || head.ends_with(".amount") || head.ends_with(".baseline_amount")
}

/// How an amount shows in .xlsx: thousands separators and two decimals.
pub fn money_format() -> rust_xlsxwriter::Format {
    rust_xlsxwriter::Format::new().set_num_format("#,##0.00")
}

/// One .xlsx cell: an amount as a number (Excel keeps numbers as binary floating point: a figure of
/// at most two decimals and below 10^13 yuan reads back to the cent; the engine's figure itself is
/// exact, this is only its copy in the sheet), anything else, or an amount that is not a plain
/// number, as text; an empty value leaves the cell empty.
pub fn write_cell(
    ws: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    v: &str,
    amount: bool,
    money: &rust_xlsxwriter::Format,
) -> Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    let number = amount
        .then(|| v.parse::<rust_decimal::Decimal>().ok())
        .flatten()
        .filter(|d| d.scale() <= 2 && d.abs() < rust_decimal::Decimal::from(10_000_000_000_000i64))
        .and_then(|_| v.parse::<f64>().ok());
    match number {
        Some(n) => ws.write_number_with_format(r, c, n, money),
        None => ws.write_string(r, c, v),
    }
    .map(|_| ())
    .map_err(|e| e.to_string())
}

/// A template to start from: the heads of the fields a region's clauses read, in Chinese (as
/// docs/INPUT_FIELDS.md labels them) or as dotted paths, and one example row (an SME in Hongshan
/// with 1,000,000 of domestic compute and three filed models).
pub fn template(zh: bool) -> Vec<Vec<String>> {
    let example: &[(&str, &str)] = &[
        ("id", "企业A"),
        ("region", "wuhan-hongshan"),
        ("as_of", "2026-11-24"),
        ("enterprise.sme", "是"),
        ("compute.domestic_fees", "1000000"),
        ("model_filing.models_filed", "3"),
        ("scenarios[0].name", "质检大模型"),
        ("scenarios[0].district_selected", "是"),
        ("scenarios[0].total_investment", "2000000"),
    ];
    let head = |k: &str| -> String {
        if !zh {
            return k.to_string();
        }
        match k {
            "id" => "编号".into(),
            "region" => "地区".into(),
            "as_of" => "计算日期".into(),
            _ => match k.strip_prefix("scenarios[0].") {
                Some(rest) => SCENARIO_FIELDS
                    .iter()
                    .find(|f| f.path == rest)
                    .map_or(k.to_string(), |f| format!("项目1·{}", f.zh)),
                None => subsidy_calc::input::field(k).map_or(k.to_string(), |f| f.zh.to_string()),
            },
        }
    };
    vec![
        example.iter().map(|(k, _)| head(k)).collect(),
        example.iter().map(|(_, v)| v.to_string()).collect(),
    ]
}

/// Every column a sheet may have, one row each (the batch page's 字段清单 download; the same as
/// `subsidy-calc fields`): the Chinese head, the field path, what the cell takes, and its meaning
/// in English. Projects are `项目1·…` / `scenarios[0].…`, the first project's; more as 项目2….
pub fn field_list() -> Vec<Vec<String>> {
    let takes = |t: Ty| -> String {
        match t {
            Ty::Money => "金额(元,最多两位小数)".into(),
            Ty::Count(max) => format!("整数 0–{max}"),
            Ty::Percent => "百分比 0–100".into(),
            Ty::Growth => "变化百分比(可为负,不低于−100)".into(),
            Ty::Amounts => "金额;多个项目用 ; 分隔,每个项目单独计算".into(),
            Ty::Flag => "是 / 否".into(),
            Ty::Choice(o) => format!("其一:{}", o.join(" / ")),
            Ty::Set(o) => format!("可多选(用 ; 分隔):{}", o.join(" / ")),
            Ty::Day => "日期 YYYY-MM-DD".into(),
            Ty::Text => "文字(最多200字)".into(),
            Ty::Measure => "数值(计算得出)".into(),
        }
    };
    let mut rows = vec![
        vec![
            "中文表头".into(),
            "字段路径".into(),
            "填写".into(),
            "meaning".into(),
        ],
        vec![
            "编号".into(),
            "id".into(),
            "文字(可选,默认为行号)".into(),
            "row id".into(),
        ],
        vec![
            "地区".into(),
            "region".into(),
            subsidy_calc::rulebook::book()
                .regions
                .iter()
                .map(|r| format!("{}({})", r.key, r.name_zh))
                .collect::<Vec<_>>()
                .join(" / "),
            "region key".into(),
        ],
        vec![
            "计算日期".into(),
            "as_of".into(),
            "日期 YYYY-MM-DD(可选,默认为今天)".into(),
            "date of the calculation".into(),
        ],
    ];
    for f in FIELDS {
        rows.push(vec![f.zh.into(), f.path.into(), takes(f.ty), f.en.into()]);
    }
    for f in SCENARIO_FIELDS {
        rows.push(vec![
            format!("项目1·{}", f.zh),
            format!("scenarios[0].{}", f.path),
            takes(f.ty),
            f.en.into(),
        ]);
    }
    rows
}
