//! The output table: a result as a row (each clause's kind and amount, the totals, the errors),
//! kept small for a batch in the browser, and pro rata applied to rows or to one result.
use super::*;
use crate::batch::Positions;
use crate::money::{Yuan, fen_of};

/// The output's columns for the tables (CSV, spreadsheet): id, row, each clause's kind and amount,
/// the totals, the errors.
pub fn table_header(book: &RuleBook) -> Vec<String> {
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
}

/// A batch kept in memory (the batch page), one row at a time: each row's application evaluated
/// for its figures, added to the summary and made its table row.
#[derive(Default)]
pub struct Batch {
    pub summary: crate::batch::Summary,
    pub rows: Vec<Done>,
    positions: Positions,
    /// One award list for every row (`engine::evaluate_in`): ~22 KB not allocated and freed per row.
    spare: Vec<crate::result::Award<'static>>,
}

impl Batch {
    /// Pro rata on the rows ([`scale_pools`]), and the summary's figures counted again from them:
    /// the summary says what the rows now hold, its pools what was asked.
    pub fn scale(&mut self, book: &RuleBook) {
        scale_pools(book, &mut self.rows);
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
    pub fn add(&mut self, book: &'static RuleBook, row: Row, today: crate::date::Date) {
        let n = self.rows.len() + 1;
        let result = row.application(today).map(|mut app| {
            app.detail = crate::input::Detail::Figures;
            crate::engine::evaluate_in(&app, book, std::mem::take(&mut self.spare))
        });
        self.rows.push(match result {
            Ok(mut o) => {
                let at = self.positions.of(book, &o);
                self.summary.add(&o, book, at);
                let done = Done::of(at, row.id, n, Ok(&mut o));
                self.spare = o.awards;
                done
            }
            Err(e) => {
                self.summary.failed_row();
                Done::of(&[], row.id, n, Err(&e))
            }
        });
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
            }
            Err(errors) => {
                done.errors = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; ");
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
        row
    }

    /// The up-to total as a decimal (0 for a row with errors).
    pub fn up_to(&self) -> rust_decimal::Decimal {
        self.total[1].rounded()
    }
}

/// `--pool prorata` on rows kept in memory (the batch page): the awards of each over-subscribed
/// pool ("不超过") in each calendar year scaled to add up to that year's pool to the cent
/// ([`crate::batch::prorata`]), each row's totals lowered by what its award lost. The same figures
/// as the command line's two passes.
pub fn scale_pools(book: &RuleBook, rows: &mut [Done]) {
    let mut years: Vec<u16> = rows.iter().map(|d| d.year).collect();
    years.sort_unstable();
    years.dedup();
    for (p, (doc, rule)) in book.rules().enumerate() {
        let Some(pool) = rule.pool.as_ref().filter(|pool| !pool.at_least) else {
            continue;
        };
        for &year in &years {
            scale_pool(rows, p, year, pool, doc);
        }
    }
}

/// One pool's awards in one calendar year, scaled.
fn scale_pool(
    rows: &mut [Done],
    p: usize,
    year: u16,
    pool: &crate::rulebook::Pool,
    doc: &crate::rulebook::Document,
) {
    {
        let list: Vec<(usize, i64)> = rows
            .iter()
            .enumerate()
            .filter(|(_, d)| d.year == year)
            .filter_map(|(i, d)| {
                let a = d.awards.iter().find(|a| a.pos == p)?;
                Some((i, fen_of(a.amount?.value())))
            })
            .collect();
        let pool_cents: i64 = (pool.amount.0 * rust_decimal::Decimal::ONE_HUNDRED)
            .try_into()
            .unwrap_or(i64::MAX);
        let draft = doc.standing() == crate::rulebook::Status::Draft;
        for ((i, old), new) in list.iter().zip(crate::batch::prorata(&list, pool_cents)) {
            let cut = old - new;
            if cut == 0 {
                continue;
            }
            let d = &mut rows[*i];
            let y = |c: i64| Yuan(rust_decimal::Decimal::new(c, 2));
            let (mut exact, mut counted) = (false, false);
            for a in d.awards.iter_mut().filter(|a| a.pos == p) {
                a.amount = Some(y(new));
                exact = a.kind == Kind::Exact;
                counted = a.in_totals;
            }
            if counted {
                let [e, u, de, du] = &mut d.total;
                lower_totals([e, u, de, du], cut, exact, draft);
            }
        }
    }
}

/// Lowers a row's totals (exact, up to, draft exact, draft up to) by what a scaled award lost: the
/// up-to totals always, the exact ones for an exact award, the draft's share for a draft's award.
fn lower_totals(totals: [&mut Yuan; 4], cut: i64, exact: bool, draft: bool) {
    let [e, u, de, du] = totals;
    let lower = |t: &mut Yuan| {
        *t = Yuan(rust_decimal::Decimal::new(fen_of(t.value()) - cut, 2));
    };
    lower(u);
    if draft {
        lower(du);
    }
    if exact {
        lower(e);
        if draft {
            lower(de);
        }
    }
}

/// Pro-rata: replaces each pool clause's amount by its scaled figure and lowers the totals.
pub fn apply_scaled(o: &mut Outcome, scaled: &HashMap<(String, usize), i64>, n: usize) {
    // Without --pool prorata nothing is scaled: no key made for every award of every row.
    if scaled.is_empty() {
        return;
    }
    for a in &mut o.awards {
        let Some(new) = scaled.get(&(a.id.to_string(), n)) else {
            continue;
        };
        let Some(old) = a.amount.map(|y| fen_of(y.value())) else {
            continue;
        };
        let cut = old - new;
        if cut == 0 {
            continue;
        }
        a.amount = Some(Yuan(rust_decimal::Decimal::new(*new, 2)));
        a.notes.push(crate::text::Line::Scaled {
            to: rust_decimal::Decimal::new(*new, 2),
            from: rust_decimal::Decimal::new(old, 2),
        });
        if a.in_totals {
            let t = &mut o.total;
            lower_totals(
                [
                    &mut t.exact,
                    &mut t.up_to,
                    &mut t.draft_exact,
                    &mut t.draft_up_to,
                ],
                cut,
                a.kind == Kind::Exact,
                a.source.status == crate::rulebook::Status::Draft,
            );
        }
    }
}
