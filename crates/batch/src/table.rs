//! The output table: a result as a row (each clause's kind and amount, the totals, the errors),
//! kept small for a batch in the browser, and pro rata applied to rows or to one result.
use crate::sheet::Row;
use crate::summary::{Positions, Summary};
use std::borrow::Cow;
use subsidy_calc::FieldError;
use subsidy_calc::money::Yuan;
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{Kind, RuleBook};
use subsidy_calc::text::Lang;

/// The output's columns for the tables (CSV, spreadsheet): id, row, each clause's kind and amount,
/// the totals, the errors (in English, then in Chinese), the row's verification code — and, where the input gave codes to check,
/// whether each matches (`核验`).
/// Under a reform (`reform`: its name) each clause's amount under today's rules follows, then
/// today's `total.baseline_up_to`, then a column that says the row is a 测算方案.
pub fn table_header(book: &RuleBook, checks: bool, reform: Option<&str>) -> Vec<String> {
    let mut h = vec!["id".to_string(), "row".to_string()];
    for (_, r) in book.rules() {
        h.push(format!("{}.kind", r.id));
        h.push(format!("{}.amount", r.id));
    }
    for t in ["exact", "up_to", "draft_exact", "draft_up_to"] {
        h.push(format!("total.{t}"));
    }
    h.push("errors".into());
    h.push("errors_zh".into());
    h.push("code".into());
    // Each qualification check of the rule data (the incubator plan's tiers, the Hangzhou call):
    // `passed` or `not_met` where the row's region has it (2026-12-04).
    for id in check_ids(book) {
        h.push(format!("check.{id}"));
    }
    if checks {
        h.push("核验".into());
    }
    if reform.is_some() {
        for (_, r) in book.rules() {
            h.push(format!("{}.baseline_amount", r.id));
        }
        h.push("total.baseline_up_to".into());
        h.push("测算方案".into());
    }
    h
}

/// The rule data's qualification checks, in the table's order.
pub fn check_ids(book: &RuleBook) -> impl Iterator<Item = &str> {
    book.documents
        .iter()
        .flat_map(|d| d.checks.iter().map(|c| c.id.as_str()))
}

/// What a check's column says: `passed` or `not_met` (as `explain` says them).
pub fn check_cell(passed: bool) -> &'static str {
    if passed { "passed" } else { "not_met" }
}

/// What the last column of a table under a reform says on every row.
pub fn reform_cell(name: &str) -> String {
    format!("测算方案“{name}”,非现行政策")
}

/// What the `核验` column says of a row whose input gave a code: 一致, or why not (short).
pub fn code_check(given: &str, now: &str, version: &str) -> String {
    use subsidy_calc::code::Check;
    match subsidy_calc::code::check(given, now, version) {
        Check::Same => "一致".into(),
        Check::OtherVersion { mark } => format!("不一致:另一规则版本生成(标记 {mark})"),
        Check::OtherFigures => "不一致:输入、日期或金额不同".into(),
        Check::Malformed => "不是核验码".into(),
    }
}

/// One award of a [`Done`] row.
#[derive(Clone, Debug)]
pub struct Got {
    /// Its clause's position among the rule book's rules (the table's column pair).
    pub pos: usize,
    pub kind: Kind,
    pub amount: Option<Yuan>,
    pub in_totals: bool,
}

/// One evaluated row, kept small (a batch in the browser keeps every row for the table and the
/// downloads): the awards the row can get (not the clauses it cannot), its totals, or its errors.
#[derive(Clone, Debug)]
pub struct Done {
    pub id: String,
    pub row: usize,
    pub region: String,
    /// The calendar year of its `as_of` (pools and count limits are per year).
    pub year: u16,
    /// Each award that is not `not_eligible`.
    pub awards: Vec<Got>,
    /// exact, up_to, draft_exact, draft_up_to; empty for a row with errors.
    pub total: [Yuan; 4],
    pub errors: String,
    /// The same errors in Chinese (the officials' sheet and page read them so).
    pub errors_zh: String,
    /// The row's verification code (as `eval` gives it: before pro rata), empty for errors.
    pub code: String,
    /// Where the input gave a code: whether it matches ([`code_check`]).
    pub check: Option<String>,
    /// The qualification checks the row's region has: each check's id and whether it passed.
    pub checks: Vec<(Box<str>, bool)>,
}

/// A batch kept in memory (the batch page), one row at a time: each row's application evaluated
/// for its figures, added to the summary and made its table row. `'b` is the rule book's (today's,
/// or one a reform made).
#[derive(Default)]
pub struct Batch<'b> {
    pub summary: Summary,
    pub rows: Vec<Done>,
    positions: Positions,
    /// One award list for every row (`engine::evaluate_in`): ~22 KB not allocated and freed per row.
    spare: Vec<subsidy_calc::result::Award<'b>>,
    /// Whether the sheet had a verification-code column (the table then says 核验 per row).
    pub checks: bool,
}

impl<'b> Batch<'b> {
    /// Pro rata on the rows ([`crate::pools::scale_rows`]), and the summary's figures counted
    /// again from them: the summary says what the rows now hold, its pools what was asked.
    pub fn scale(&mut self, book: &RuleBook) {
        crate::pools::scale_rows(book, &mut self.rows);
        self.summary.forget_figures();
        for d in &self.rows {
            if d.errors.is_empty() {
                for (pos, _) in book.region_rules(&d.region) {
                    let got = d.awards.iter().find(|a| a.pos == pos);
                    self.summary.count(
                        book,
                        pos,
                        got.map_or(Kind::NotEligible, |a| a.kind),
                        got.and_then(|a| a.amount),
                    );
                }
            }
        }
    }

    /// The row is taken: its id moves into the table row, and its cells are freed once read.
    pub fn add(&mut self, book: &'b RuleBook, row: Row, today: subsidy_calc::date::Date) {
        let given = row.given_code();
        let checks = row.checks_codes();
        let app = row.application(today);
        self.add_application(
            row.id,
            given,
            checks,
            app,
            &|app, spare| subsidy_calc::engine::evaluate_in(app, book, spare).with_code(app),
            book,
        );
    }

    /// The row under a reform (into this batch) and under today's rules (into `baseline`, the
    /// same rows in the same order): its application is made once and evaluated twice.
    pub fn add_reformed(
        &mut self,
        baseline: &mut Batch<'static>,
        reformed: &'b subsidy_calc::reform::Reformed,
        row: Row,
        today: subsidy_calc::date::Date,
    ) {
        let given = row.given_code();
        let checks = row.checks_codes();
        let app = row.application(today);
        let base = subsidy_calc::rulebook::book();
        baseline.add_application(
            row.id.clone(),
            given.clone(),
            checks,
            app.clone(),
            // Today's side has no code of its own in the table (its columns are the amounts):
            // not making one is a fifth of a reform batch's time.
            &|app, spare| subsidy_calc::engine::evaluate_in(app, base, spare),
            base,
        );
        self.add_application(
            row.id,
            given,
            checks,
            app,
            &|app, spare| reformed.evaluate_in(app, spare),
            &reformed.book,
        );
    }

    /// One row, its application evaluated by `evaluate` (a `dyn`: one copy of this and of the
    /// engine in the batch page's bundle, not one for each way of evaluating).
    fn add_application(
        &mut self,
        id: String,
        given: Option<String>,
        checks: bool,
        app: Result<subsidy_calc::Application, Vec<FieldError>>,
        evaluate: &dyn Fn(
            &subsidy_calc::Application,
            Vec<subsidy_calc::result::Award<'b>>,
        ) -> Outcome<'b>,
        book: &'b RuleBook,
    ) {
        let n = self.rows.len() + 1;
        let result = app.map(|mut app| {
            app.detail = subsidy_calc::input::Detail::Figures;
            evaluate(&app, std::mem::take(&mut self.spare))
        });
        self.rows.push(match result {
            Ok(mut o) => {
                let at = self.positions.of(book, &o);
                self.summary.add(&o, book, at);
                let mut done = Done::of(at, id, n, Ok(&mut o));
                if checks {
                    done.check = Some(match &given {
                        Some(g) => code_check(g, &done.code, book.version()),
                        None => String::new(),
                    });
                }
                self.spare = o.awards;
                done
            }
            Err(e) => {
                self.summary.failed_row();
                let mut done = Done::of(&[], id, n, Err(&e));
                done.check = checks.then(String::new);
                done
            }
        });
        self.checks |= checks;
    }
}

impl Done {
    /// A result as a table row. Its figures are taken from it, not copied: they move into the row
    /// (a batch in the browser makes 100,000 rows); `at` is each award's column
    /// ([`Positions::of`]).
    pub fn of(
        at: &[Option<usize>],
        id: String,
        n: usize,
        result: Result<&mut Outcome, &[FieldError]>,
    ) -> Done {
        let mut done = Done {
            id,
            row: n,
            region: String::new(),
            year: 0,
            awards: Vec::new(),
            total: Default::default(),
            errors: String::new(),
            errors_zh: String::new(),
            code: String::new(),
            check: None,
            checks: Vec::new(),
        };
        match result {
            Ok(o) => {
                // Each amount taken from its award where it lies (moving the awards out would copy
                // each whole award; collecting from their list would keep its memory in the row).
                let paid = o.awards.iter().filter(|a| a.kind != Kind::NotEligible);
                done.awards.reserve_exact(paid.count());
                done.awards.extend(
                    o.awards
                        .iter_mut()
                        .zip(at)
                        .filter(|(a, _)| a.kind != Kind::NotEligible)
                        .filter_map(|(a, &pos)| {
                            Some(Got {
                                pos: pos?,
                                kind: a.kind,
                                amount: a.amount.take(),
                                in_totals: a.in_totals,
                            })
                        }),
                );
                let t = &mut o.total;
                done.total = [
                    &mut t.exact,
                    &mut t.up_to,
                    &mut t.draft_exact,
                    &mut t.draft_up_to,
                ]
                .map(std::mem::take);
                done.region = std::mem::take(&mut o.region);
                done.year = o.as_of.year;
                done.code = o.code.take().unwrap_or_default();
                done.checks = o.checks.iter().map(|c| (c.id.into(), c.passed)).collect();
            }
            Err(errors) => {
                done.errors = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; ");
                done.errors_zh = errors
                    .iter()
                    .map(|e| format!("{}:{}", e.field, e.message_in(Lang::Zh)))
                    .collect::<Vec<_>>()
                    .join(";");
            }
        }
        done
    }

    /// The row as the table has it ([`table_header`]'s columns): every clause of the row's region
    /// with its kind (`not_eligible` where it gives nothing) and amount, the others blank. The
    /// cells borrow from the row (a batch writes millions of them).
    pub fn cells(&self, book: &RuleBook) -> Vec<Cow<'_, str>> {
        let mut row: Vec<Cow<'_, str>> = vec![Cow::Borrowed(&self.id), self.row.to_string().into()];
        let first = row.len();
        row.resize(first + 2 * book.rules().count(), Cow::Borrowed(""));
        if self.errors.is_empty() {
            for (p, _) in book.region_rules(&self.region) {
                row[first + 2 * p] = Cow::Borrowed(Kind::NotEligible.key());
            }
            for a in &self.awards {
                row[first + 2 * a.pos] = Cow::Borrowed(a.kind.key());
                if let Some(y) = a.amount {
                    row[first + 2 * a.pos + 1] = Cow::Owned(y.to_string());
                }
            }
        }
        if self.errors.is_empty() {
            row.extend(self.total.iter().map(|t| Cow::Owned(t.to_string())));
        } else {
            row.extend([Cow::Borrowed(""), "".into(), "".into(), "".into()]);
        }
        row.push(Cow::Borrowed(&self.errors));
        row.push(Cow::Borrowed(&self.errors_zh));
        row.push(Cow::Borrowed(&self.code));
        for id in check_ids(book) {
            let passed = self.checks.iter().find(|(c, _)| &**c == id).map(|c| c.1);
            row.push(Cow::Borrowed(passed.map_or("", check_cell)));
        }
        if let Some(c) = &self.check {
            row.push(Cow::Borrowed(c));
        }
        row
    }

    /// The row under a reform: [`Done::cells`], then each clause's amount of today's rules
    /// (`baseline`, the same row evaluated without the reform), today's up-to total, and the
    /// reform's words (`said`, [`reform_cell`]).
    pub fn cells_with<'s>(
        &'s self,
        book: &RuleBook,
        baseline: &'s Done,
        said: &'s str,
    ) -> Vec<Cow<'s, str>> {
        let mut row = self.cells(book);
        let first = row.len();
        row.resize(first + book.rules().count(), Cow::Borrowed(""));
        if self.errors.is_empty() {
            for a in &baseline.awards {
                if let Some(y) = a.amount {
                    row[first + a.pos] = Cow::Owned(y.to_string());
                }
            }
            row.push(Cow::Owned(baseline.total[1].to_string()));
        } else {
            row.push(Cow::Borrowed(""));
        }
        row.push(Cow::Borrowed(said));
        row
    }

    /// The up-to total as a decimal (0 for a row with errors).
    pub fn up_to(&self) -> rust_decimal::Decimal {
        self.total[1].rounded()
    }
}
