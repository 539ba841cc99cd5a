//! A batch under a reform (the contract's "A reform"): per clause and for the totals, the sum of
//! today's figures and of the reform's (after pools, both sides), the difference, and how many rows
//! gain, lose or stay the same. Counted in fen, a row at a time, in memory that does not grow with
//! the rows; the rows with the largest changes are kept (a few) for the batch page.
use crate::summary::PoolSummary;
use crate::table::Done;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use subsidy_calc::money::{Yuan, fen_of, human};
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{Kind, RuleBook};

/// One clause's (or the totals') two sums and the rows each way.
#[derive(Clone, Copy, Debug, Default)]
struct Side {
    baseline: i128,
    reform: i128,
    gainers: u64,
    losers: u64,
    unchanged: u64,
}

impl Side {
    fn add(&mut self, b: i64, r: i64) {
        self.baseline += i128::from(b);
        self.reform += i128::from(r);
        match r.cmp(&b) {
            std::cmp::Ordering::Greater => self.gainers += 1,
            std::cmp::Ordering::Less => self.losers += 1,
            std::cmp::Ordering::Equal => self.unchanged += 1,
        }
    }

    fn out(&self) -> Both {
        Both {
            baseline: yuan(self.baseline),
            reform: yuan(self.reform),
            delta: yuan(self.reform - self.baseline),
            gainers: self.gainers,
            losers: self.losers,
            unchanged: self.unchanged,
        }
    }
}

fn yuan(fen: i128) -> Yuan {
    Yuan(Decimal::from_i128_with_scale(fen, 2))
}

/// What the summary says of one clause, or of the totals, both ways.
#[derive(Clone, Debug, Serialize)]
pub struct Both {
    pub baseline: Yuan,
    pub reform: Yuan,
    pub delta: Yuan,
    pub gainers: u64,
    pub losers: u64,
    pub unchanged: u64,
}

/// One row whose total changes most (the batch page lists a few).
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub row: usize,
    pub id: String,
    pub baseline: Yuan,
    pub reform: Yuan,
    pub delta: Yuan,
}

/// The summary's `reform` section.
#[derive(Clone, Debug, Serialize)]
pub struct ReformReport {
    pub name: String,
    /// Per clause a reform or today's rules give any row a figure for, by rule id.
    pub rules: BTreeMap<String, Both>,
    /// `total.up_to` both ways.
    pub total: Both,
    /// Today's rules' pools, per calendar year (the report's own `pools` are the reform's).
    pub baseline_pools: Vec<PoolSummary>,
    /// The rows whose total changes most, largest change first.
    pub largest: Vec<Change>,
}

/// How many rows with the largest changes are kept.
const KEPT: usize = 20;

/// Accumulates a batch under a reform.
#[derive(Debug, Default)]
pub struct Compare {
    rules: Vec<Side>,
    total: Side,
    /// Per table position: this row's figure both ways, and whether the row's region lists it.
    scratch: Vec<(i64, i64, bool)>,
    largest: Vec<(i64, usize, String, i64, i64)>,
}

impl Compare {
    fn ready(&mut self, book: &RuleBook) {
        if self.rules.is_empty() {
            let n = book.rules().count();
            self.rules = vec![Side::default(); n];
            self.scratch = vec![(0, 0, false); n];
        }
    }

    /// The row's figures as written (after pools): each listed clause's amount both ways (none is
    /// 0), and the totals' `up_to`.
    fn row(&mut self, n: usize, id: &str, up_to: (i64, i64)) {
        for (side, (b, r, listed)) in self.rules.iter_mut().zip(self.scratch.iter_mut()) {
            if *listed {
                side.add(*b, *r);
            }
            *listed = false;
            *b = 0;
            *r = 0;
        }
        self.total.add(up_to.0, up_to.1);
        let change = (up_to.1 - up_to.0).abs();
        if change > 0
            && (self.largest.len() < KEPT || self.largest.last().is_some_and(|l| l.0 < change))
        {
            let at = self.largest.partition_point(|l| l.0 >= change);
            self.largest
                .insert(at, (change, n, id.to_string(), up_to.0, up_to.1));
            self.largest.truncate(KEPT);
        }
    }

    /// A row as the command line has it: both results and each award's table position.
    pub fn add_outcomes(
        &mut self,
        book: &RuleBook,
        n: usize,
        id: &str,
        baseline: (&Outcome, &[Option<usize>]),
        reform: (&Outcome, &[Option<usize>]),
    ) {
        self.ready(book);
        for (side, (o, at)) in [baseline, reform].into_iter().enumerate() {
            for (a, pos) in o.awards.iter().zip(at) {
                let Some(slot) = pos.and_then(|p| self.scratch.get_mut(p)) else {
                    continue;
                };
                slot.2 = true;
                let v = match (a.kind, a.amount) {
                    (Kind::NotEligible, _) | (_, None) => 0,
                    (_, Some(y)) => fen_of(y.value()),
                };
                if side == 0 { slot.0 = v } else { slot.1 = v }
            }
        }
        let up_to = (
            fen_of(baseline.0.total.up_to.value()),
            fen_of(reform.0.total.up_to.value()),
        );
        self.row(n, id, up_to);
    }

    /// A row as the batch page keeps it, both ways (after pro rata on both sides).
    pub fn add_done(&mut self, book: &RuleBook, base: &Done, d: &Done) {
        if !d.errors.is_empty() {
            return;
        }
        self.ready(book);
        for (pos, _) in book.region_rules(&d.region) {
            if let Some(slot) = self.scratch.get_mut(pos) {
                slot.2 = true;
            }
        }
        for a in &d.awards {
            if let (Some(slot), Some(y)) = (self.scratch.get_mut(a.pos), a.amount) {
                slot.1 = fen_of(y.value());
            }
        }
        for a in &base.awards {
            if let (Some(slot), Some(y)) = (self.scratch.get_mut(a.pos), a.amount) {
                slot.0 = fen_of(y.value());
            }
        }
        let up_to = (fen_of(base.total[1].value()), fen_of(d.total[1].value()));
        self.row(d.row, &d.id, up_to);
    }

    pub fn report(
        &self,
        book: &RuleBook,
        name: &str,
        baseline_pools: Vec<PoolSummary>,
    ) -> ReformReport {
        let rules = book
            .rules()
            .zip(&self.rules)
            .filter(|(_, s)| s.gainers + s.losers + s.unchanged > 0)
            .filter(|(_, s)| s.baseline != 0 || s.reform != 0 || s.gainers + s.losers > 0)
            .map(|((_, r), s)| (r.id.to_string(), s.out()))
            .collect();
        ReformReport {
            name: name.to_string(),
            rules,
            total: self.total.out(),
            baseline_pools,
            largest: self
                .largest
                .iter()
                .map(|(_, row, id, b, r)| Change {
                    row: *row,
                    id: id.clone(),
                    baseline: yuan(i128::from(*b)),
                    reform: yuan(i128::from(*r)),
                    delta: yuan(i128::from(*r - *b)),
                })
                .collect(),
        }
    }
}

/// The reform section as lines a person reads.
pub fn report_text(r: &ReformReport, book: &RuleBook, en: bool) -> String {
    let mut s = String::new();
    if en {
        s.push_str(&format!(
            "REFORM \"{}\" (not the policy): baseline → reform, difference; rows gaining / losing / unchanged\n",
            r.name
        ));
    } else {
        s.push_str(&format!(
            "测算方案“{}”(非现行政策):现行 → 测算,差额;增加 / 减少 / 不变的行数\n",
            r.name
        ));
    }
    // Amounts as the steps show them (separators; 元 in Chinese).
    let (yuan, colon, comma, semi) = if en {
        ("", ": ", ", ", "; ")
    } else {
        ("元", ":", ",", ";")
    };
    let line = |title: &str, b: &Both| {
        format!(
            "  {title}{colon}{}{yuan} → {}{yuan}{comma}{}{}{yuan}{semi}{} / {} / {}\n",
            human(b.baseline.value()),
            human(b.reform.value()),
            if b.delta.value() >= Decimal::ZERO {
                "+"
            } else {
                ""
            },
            human(b.delta.value()),
            b.gainers,
            b.losers,
            b.unchanged
        )
    };
    for (id, b) in &r.rules {
        // The clause by its title, marked where the text is a draft, its id beside.
        let title = book
            .rule(id)
            .map(|(doc, rule)| {
                let draft = doc.status == subsidy_calc::rulebook::DocStatus::Draft;
                match (en, draft) {
                    (true, true) => format!("{} (DRAFT for comment) [{id}]", rule.title_en),
                    (true, false) => format!("{} [{id}]", rule.title_en),
                    (false, true) => format!("{}(征求意见稿) [{id}]", rule.title_zh),
                    (false, false) => format!("{} [{id}]", rule.title_zh),
                }
            })
            .unwrap_or_else(|| id.clone());
        s.push_str(&line(&title, b));
    }
    s.push_str(&line(
        if en {
            "total (up to)"
        } else {
            "合计(最高可得)"
        },
        &r.total,
    ));
    for p in &r.baseline_pools {
        s.push_str(&format!(
            "  {}{}\n",
            if en {
                "today's rules: "
            } else {
                "现行政策:"
            },
            if en { &p.note_en } else { &p.note_zh }
        ));
    }
    s
}
