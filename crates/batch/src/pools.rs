//! Pro rata: an over-subscribed pool ("每年设立不超过300万元的…资金池") scaled so that its awards add up
//! to it exactly, to the cent, in each calendar year of `as_of`. One place for both ways a batch
//! runs: the command line streams its rows twice (the demand first, then each row scaled as it is
//! written), the batch page scales the rows it keeps. Both gather the demand into a [`Scaling`] and
//! apply its figures with [`Scaling::apply`] (a result) or [`Scaling::apply_row`] (a table row).
use crate::table::Done;
use std::collections::HashMap;
use subsidy_calc::money::{Yuan, fen_of};
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{Kind, RuleBook, Status};

/// Scales awards to fit a pool: each × pool / demand, floored to the cent, then the cents left over
/// one each to the largest remainders (ties: the earlier row). The scaled awards add up to the pool
/// exactly. Under or at the pool, the awards are returned unchanged. `awards` are (row, cents).
pub fn prorata(awards: &[(usize, i64)], pool: i64) -> Vec<i64> {
    let demand: i128 = awards.iter().map(|a| i128::from(a.1)).sum();
    if demand <= i128::from(pool) || demand == 0 {
        return awards.iter().map(|a| a.1).collect();
    }
    let pool = i128::from(pool);
    let mut out: Vec<i64> = Vec::with_capacity(awards.len());
    let mut rest: Vec<(i128, usize, usize)> = Vec::with_capacity(awards.len());
    let mut given: i128 = 0;
    for (i, (row, c)) in awards.iter().enumerate() {
        let exact = i128::from(*c) * pool;
        let floor = exact / demand;
        given += floor;
        out.push(floor as i64);
        rest.push((exact % demand, *row, i));
    }
    // Largest remainder first; on a tie the earlier row.
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, i) in rest.iter().take((pool - given) as usize) {
        out[*i] += 1;
    }
    out
}

/// The demand on each "at most" pool, per clause and calendar year, and, once [`Scaling::finish`]
/// has run, each award's scaled figure by (clause, row).
#[derive(Debug, Default)]
pub struct Scaling {
    demand: HashMap<(usize, u16), Vec<(usize, i64)>>,
    scaled: HashMap<(usize, usize), i64>,
}

impl Scaling {
    /// A result's awards on the pools the texts cap ("不超过": a floor, "不低于", is reported only),
    /// `row` its place in the batch, `at` each award's clause position ([`crate::summary::Positions::of`]).
    pub fn demand(&mut self, book: &RuleBook, o: &Outcome, row: usize, at: &[Option<usize>]) {
        for (&pos, a) in at.iter().zip(&o.awards) {
            if let (Some(pos), Some(v)) = (pos, a.amount) {
                self.add(book, pos, o.as_of.year, row, fen_of(v.value()));
            }
        }
    }

    /// One award (cents) of clause `pos` in `year`, if the clause has a pool that caps it.
    pub fn add(&mut self, book: &RuleBook, pos: usize, year: u16, row: usize, cents: i64) {
        let capped = book
            .rule_at(pos)
            .and_then(|r| r.pool.as_ref())
            .is_some_and(|p| !p.at_least);
        if capped {
            self.demand
                .entry((pos, year))
                .or_default()
                .push((row, cents));
        }
    }

    /// Scales each pool-year's awards ([`prorata`]).
    pub fn finish(&mut self, book: &RuleBook) {
        for ((pos, _), list) in &self.demand {
            let Some(pool) = book.rule_at(*pos).and_then(|r| r.pool.as_ref()) else {
                continue;
            };
            let pool = fen_of(pool.amount.0);
            for ((row, old), new) in list.iter().zip(prorata(list, pool)) {
                if new != *old {
                    self.scaled.insert((*pos, *row), new);
                }
            }
        }
    }

    /// Whether anything was scaled.
    pub fn is_empty(&self) -> bool {
        self.scaled.is_empty()
    }

    /// A result's scaled awards (`row`, `at` as for [`Scaling::demand`]): each amount replaced, a
    /// note said, the totals lowered.
    pub fn apply(&self, o: &mut Outcome, row: usize, at: &[Option<usize>]) {
        if self.scaled.is_empty() {
            return;
        }
        for (&pos, a) in at.iter().zip(o.awards.iter_mut()) {
            let (Some(pos), Some(old)) = (pos, a.amount) else {
                continue;
            };
            let Some(&new) = self.scaled.get(&(pos, row)) else {
                continue;
            };
            let old = fen_of(old.value());
            a.amount = Some(cents(new));
            a.notes.push(subsidy_calc::text::Line::Scaled {
                to: cents(new).value(),
                from: cents(old).value(),
            });
            if a.in_totals {
                let t = &mut o.total;
                lower(
                    [
                        &mut t.exact,
                        &mut t.up_to,
                        &mut t.draft_exact,
                        &mut t.draft_up_to,
                    ],
                    old - new,
                    a.kind == Kind::Exact,
                    a.source.status == Status::Draft,
                );
            }
        }
    }

    /// A table row's scaled awards (`row` its place among the rows): each amount replaced, the
    /// totals lowered.
    pub fn apply_row(&self, book: &RuleBook, d: &mut Done, row: usize) {
        for a in d.awards.iter_mut() {
            let (Some(&new), Some(old)) = (self.scaled.get(&(a.pos, row)), a.amount) else {
                continue;
            };
            let old = fen_of(old.value());
            a.amount = Some(cents(new));
            if a.in_totals {
                let draft = book
                    .rules()
                    .nth(a.pos)
                    .is_some_and(|(doc, _)| doc.standing() == Status::Draft);
                let [e, u, de, du] = &mut d.total;
                lower([e, u, de, du], old - new, a.kind == Kind::Exact, draft);
            }
        }
    }
}

/// Pro rata on rows kept in memory (the batch page): the demand of every row, each pool-year
/// scaled, each row's awards and totals replaced. The same figures as the command line's two
/// passes.
pub fn scale_rows(book: &RuleBook, rows: &mut [Done]) {
    let mut s = Scaling::default();
    for (i, d) in rows.iter().enumerate() {
        for a in &d.awards {
            if let Some(v) = a.amount {
                s.add(book, a.pos, d.year, i, fen_of(v.value()));
            }
        }
    }
    s.finish(book);
    if s.is_empty() {
        return;
    }
    for (i, d) in rows.iter_mut().enumerate() {
        s.apply_row(book, d, i);
    }
}

fn cents(c: i64) -> Yuan {
    Yuan(rust_decimal::Decimal::new(c, 2))
}

/// Lowers totals (exact, up to, draft exact, draft up to) by what a scaled award lost: the up-to
/// totals always, the exact ones for an exact award, the draft's share for a draft's award.
fn lower(totals: [&mut Yuan; 4], cut: i64, exact: bool, draft: bool) {
    let [e, u, de, du] = totals;
    let lower = |t: &mut Yuan| *t = cents(fen_of(t.value()) - cut);
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
