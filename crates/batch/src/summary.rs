//! The summary of a batch: per clause, how many applicants of each kind, the sum and the smallest /
//! median / largest award (of the figures written); each pool the texts set with its demand per
//! calendar year; each count limit as "N applicants for at most M places". Memory does not grow
//! with the rows.
use crate::tally::{Clause, YearDemand};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use subsidy_calc::money::Yuan;
use subsidy_calc::money::human;
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{DocStatus, Document, Kind, Limit, Pool, Rule, RuleBook};

/// Cents as the exact amount (written "1234567.50" when shown or serialised).
fn yuan(cents: i128) -> Yuan {
    Yuan(Decimal::from_i128_with_scale(cents, 2))
}

/// What the summary says of one clause.
#[derive(Debug, Serialize)]
pub struct ClauseSummary {
    pub id: String,
    pub kind_counts: BTreeMap<String, u64>,
    pub eligible: u64,
    pub sum: Yuan,
    pub smallest: Option<Yuan>,
    pub median: Option<Yuan>,
    pub largest: Option<Yuan>,
    /// The clause as the text report names it: its title and clause, marked where the text is a
    /// draft or the award is not in the totals (the JSON has `id`; these are for people).
    #[serde(skip)]
    pub name_zh: String,
    #[serde(skip)]
    pub name_en: String,
}

/// A pool the text sets, and the demand on it in one calendar year ("每年…资金池").
#[derive(Clone, Debug, Serialize)]
pub struct PoolSummary {
    pub rule: String,
    /// The calendar year of the rows' `as_of`: each year's rows have the year's pool.
    pub year: u16,
    pub pool: Yuan,
    /// "at_most" (不超过, enforced by --pool prorata) or "at_least" (不低于, reported only).
    pub bound: &'static str,
    pub applicants: u64,
    /// What the applicants ask, before any pro-rata scaling.
    pub demand: Yuan,
    pub over: bool,
    /// With `--pool prorata`: what the scaled awards add up to (the pool, exactly).
    pub scaled_to: Option<Yuan>,
    /// Awards whose figure is left open (金额待定) count as applicants but add no demand.
    pub open: u64,
    pub note_zh: String,
    pub note_en: String,
    pub quote: String,
}

/// A count limit ("每年遴选不超过10个") and how many applicants or projects seek its places in one
/// calendar year.
#[derive(Debug, Serialize)]
pub struct LimitSummary {
    pub rule: String,
    pub year: u16,
    pub places: u32,
    pub per: &'static str,
    pub seeking: u64,
    pub over: bool,
    pub note_zh: String,
    pub note_en: String,
    pub quote: String,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub rows: u64,
    pub evaluated: u64,
    pub failed: u64,
    pub clauses: Vec<ClauseSummary>,
    pub pools: Vec<PoolSummary>,
    pub limits: Vec<LimitSummary>,
    /// Under a reform: the clauses and totals both ways (the rest of the report is the reform's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reform: Option<crate::compare::ReformReport>,
}

impl Report {
    /// After `--pool prorata`: each over-subscribed pool now adds up to the pool exactly.
    pub fn mark_scaled(&mut self) {
        for p in self
            .pools
            .iter_mut()
            .filter(|p| p.over && p.bound == "at_most")
        {
            p.scaled_to = Some(p.pool);
            p.note_zh.push_str(";已按比例调减至资金池总额(分毫不差)");
            p.note_en
                .push_str("; scaled pro rata to the pool, to the cent");
        }
    }
}

/// Where each award of a result sits among the rule book's rules (the table's column pairs, the
/// summary's clauses): a region's positions worked out once, each checked against the award's
/// clause id (and looked up by it should the engine ever list a region's clauses otherwise). A
/// batch asks for every row, always with the same rule book.
#[derive(Debug, Default)]
pub struct Positions {
    /// Per region, its clauses in order.
    regions: Vec<(String, Vec<Place>)>,
    /// The last result's positions (one list for every row).
    found: Vec<Option<usize>>,
}

/// A clause as [`Positions`] keeps it: its position, its id, and where the book keeps that id (an
/// award names its clause by the book's own text, so the address alone recognises it; the text is
/// compared only when it differs).
#[derive(Debug)]
struct Place {
    pos: usize,
    id: String,
    at: usize,
}

impl Positions {
    /// Each award's position, in the result's order (None: a clause the book does not have).
    pub fn of(&mut self, book: &RuleBook, o: &Outcome) -> &[Option<usize>] {
        let at = match self.regions.iter().position(|(r, _)| *r == o.region) {
            Some(at) => at,
            None => {
                let rules = book
                    .region_rules(&o.region)
                    .into_iter()
                    .map(|(pos, r)| Place {
                        pos,
                        id: r.id.to_string(),
                        at: r.id.as_ptr() as usize,
                    })
                    .collect();
                self.regions.push((o.region.clone(), rules));
                self.regions.len() - 1
            }
        };
        let rules = &self.regions[at].1;
        self.found.clear();
        self.found.extend(
            o.awards
                .iter()
                .enumerate()
                .map(|(i, a)| match rules.get(i) {
                    Some(c)
                        if (c.at == a.id.as_ptr() as usize && c.id.len() == a.id.len())
                            || c.id == a.id =>
                    {
                        Some(c.pos)
                    }
                    _ => book.rule_position(a.id),
                }),
        );
        &self.found
    }
}

/// Accumulates results, one row at a time, in memory that does not grow with the rows (per clause
/// only the distinct award figures are kept, for the median).
#[derive(Debug, Default)]
pub struct Summary {
    rows: u64,
    failed: u64,
    /// By the clause's position among the rule book's rules (a batch adds millions of awards: no
    /// lookup by id for each).
    clauses: Vec<Clause>,
}

impl Summary {
    pub fn failed_row(&mut self) {
        self.rows += 1;
        self.failed += 1;
    }

    /// One result, each award's position already found ([`Positions::of`]): a batch finds them
    /// once for the summary and the table row. Its demand on the pools and limits, and its figures.
    pub fn add(&mut self, o: &Outcome, book: &RuleBook, at: &[Option<usize>]) {
        self.demand(o, book, at);
        self.figures(o, book, at);
    }

    fn clause(&mut self, book: &RuleBook, pos: usize) -> Option<&mut Clause> {
        if self.clauses.is_empty() {
            self.clauses
                .resize_with(book.rules().count(), Clause::default);
        }
        self.clauses.get_mut(pos)
    }

    /// A result's demand on each pool and count limit, in the calendar year of its `as_of`, as
    /// asked (before pro rata: `--pool prorata` scales what is written, not what is asked).
    pub fn demand(&mut self, o: &Outcome, book: &RuleBook, at: &[Option<usize>]) {
        let year = o.as_of.year;
        for (&pos, a) in at.iter().zip(&o.awards) {
            let Some(pos) = pos else { continue };
            let Some(rule) = book.rule_at(pos) else {
                continue;
            };
            if rule.pool.is_none() && rule.limit.is_none() {
                continue;
            }
            let Some(c) = self.clause(book, pos) else {
                continue;
            };
            // The year is reported (with no demand) for every row the clause is listed in.
            let y = c.year(year);
            if a.kind == Kind::NotEligible {
                continue;
            }
            if rule.pool.is_some() {
                match a.amount {
                    Some(v) => {
                        y.applicants += 1;
                        y.demand += i128::from(subsidy_calc::money::fen_of(v.value()));
                    }
                    None => y.open += 1,
                }
            }
            if let Some(l) = &rule.limit {
                y.seeking += if l.projects {
                    a.items.len().max(1) as u64
                } else {
                    1
                };
            }
        }
    }

    /// A result's figures as written (after any pro rata): each clause's kinds, sum and median.
    pub fn figures(&mut self, o: &Outcome, book: &RuleBook, at: &[Option<usize>]) {
        self.rows += 1;
        for (&pos, a) in at.iter().zip(&o.awards) {
            let Some(pos) = pos else { continue };
            self.count(book, pos, a.kind, a.amount);
        }
    }

    /// One award's figure as written, by its clause's position.
    pub fn count(&mut self, book: &RuleBook, pos: usize, kind: Kind, amount: Option<Yuan>) {
        let Some(c) = self.clause(book, pos) else {
            return;
        };
        if let Some(k) = Kind::ALL.iter().position(|k| *k == kind) {
            c.kinds[k] += 1;
        }
        if let Some(y) = amount {
            let v = subsidy_calc::money::fen_of(y.value());
            c.eligible += 1;
            c.sum += i128::from(v);
            c.values.add(v);
        }
    }

    /// Forgets the figures (not the demand, nor the rows counted): a batch kept in memory counts
    /// them again from its rows once pro rata has scaled them ([`Summary::count`]).
    pub fn forget_figures(&mut self) {
        for c in &mut self.clauses {
            let years = std::mem::take(&mut c.years);
            *c = Clause {
                years,
                ..Clause::default()
            };
        }
    }

    pub fn report(&self, book: &RuleBook) -> Report {
        let mut clauses = Vec::new();
        let mut pools = Vec::new();
        let mut limits = Vec::new();
        for (pos, (doc, rule)) in book.rules().enumerate() {
            let Some(c) = self
                .clauses
                .get(pos)
                .filter(|c| c.kinds.iter().any(|n| *n > 0))
            else {
                continue;
            };
            let kind_counts = Kind::ALL
                .iter()
                .zip(c.kinds)
                .filter(|(_, n)| *n > 0)
                .map(|(k, n)| (k.key().to_string(), n))
                .collect();
            let counts = c.values.counts();
            let figure = |f: Option<&(i64, u64)>| f.map(|(v, _)| yuan(i128::from(*v)));
            clauses.push(ClauseSummary {
                id: rule.id.to_string(),
                kind_counts,
                eligible: c.eligible,
                sum: yuan(c.sum),
                smallest: figure(counts.first()),
                median: c.median(&counts).map(yuan),
                largest: figure(counts.last()),
                name_zh: clause_name(doc, rule, false),
                name_en: clause_name(doc, rule, true),
            });
            let years = self.clauses.get(pos).map_or(&[][..], |c| &c.years[..]);
            if let Some(p) = &rule.pool {
                for y in years {
                    pools.push(pool_summary(rule.id.as_str(), p, y));
                }
            }
            if let Some(l) = &rule.limit {
                for y in years {
                    limits.push(limit_summary(rule.id.as_str(), l, y));
                }
            }
        }
        Report {
            rows: self.rows,
            evaluated: self.rows - self.failed,
            failed: self.failed,
            clauses,
            pools,
            limits,
            reform: None,
        }
    }
}

/// One pool's demand in one calendar year.
fn pool_summary(rule: &str, p: &Pool, y: &YearDemand) -> PoolSummary {
    let pool_cents = (p.amount.0 * Decimal::ONE_HUNDRED)
        .try_into()
        .unwrap_or(i128::MAX);
    let (demand, open) = (y.demand, y.open);
    let applicants = y.applicants + open;
    let over = !p.at_least && demand > pool_cents;
    let (d, pl) = (yuan(demand), Yuan(p.amount.0));
    let (dh, ph) = (
        human(Decimal::from_i128_with_scale(demand, 2)),
        human(p.amount.0),
    );
    // Awards with no figure (金额待定) have no demand to add up: said, not summed as 0.
    let (ask_zh, ask_en) = if y.applicants == 0 && open > 0 {
        (
            "原文未规定单家金额,申请额无法合计".to_string(),
            "the text sets no amount per applicant, so there is no demand to add up".to_string(),
        )
    } else {
        (format!("申请额合计{dh}元"), format!("asking {dh} in all"))
    };
    let year = y.year;
    PoolSummary {
        rule: rule.to_string(),
        year,
        pool: pl,
        bound: if p.at_least { "at_least" } else { "at_most" },
        applicants,
        demand: d,
        over,
        scaled_to: None,
        open,
        note_zh: format!(
            "{}。{year}年:{applicants}家申请,{ask_zh},资金池{}{ph}元{}",
            p.zh,
            if p.at_least { "不低于" } else { "不超过" },
            if over { ",超出资金池" } else { "" }
        ),
        note_en: format!(
            "{}, {year}: {applicants} {}, {ask_en}, against a pool of {} {ph}{}",
            p.en,
            if applicants == 1 {
                "applicant"
            } else {
                "applicants"
            },
            if p.at_least { "at least" } else { "at most" },
            if over { ": over-subscribed" } else { "" }
        ),
        quote: p.quote.to_string(),
    }
}

/// One count limit's places sought in one calendar year.
fn limit_summary(rule: &str, l: &Limit, y: &YearDemand) -> LimitSummary {
    let (seeking, year) = (y.seeking, y.year);
    let per = if l.projects { "project" } else { "applicant" };
    let (zh_unit, zh_place) = if l.projects {
        ("个项目", "个")
    } else {
        ("家申请", "家")
    };
    let en_unit = match (l.projects, seeking == 1) {
        (true, true) => "project",
        (true, false) => "projects",
        (false, true) => "applicant",
        (false, false) => "applicants",
    };
    let over = seeking.saturating_sub(u64::from(l.count));
    LimitSummary {
        rule: rule.to_string(),
        year,
        places: l.count,
        per,
        seeking,
        over: over > 0,
        note_zh: format!(
            "{}。{year}年:{seeking}{zh_unit},名额不超过{}{zh_place}{}",
            l.zh,
            l.count,
            if over > 0 {
                format!(",超出名额{over}{zh_place}")
            } else {
                String::new()
            }
        ),
        note_en: format!(
            "{}, {year}: {seeking} {en_unit} for at most {} places{}",
            l.en,
            l.count,
            if over > 0 {
                format!(": {over} over")
            } else {
                String::new()
            }
        ),
        quote: l.quote.to_string(),
    }
}

/// A clause as the text report names it: "人工智能核心产业园区奖励(八,征求意见稿)".
fn clause_name(doc: &Document, rule: &Rule, en: bool) -> String {
    let draft = doc.status == DocStatus::Draft;
    let mut marks = vec![rule.clause.to_string()];
    if draft {
        marks.push(
            if en {
                "DRAFT for comment"
            } else {
                "征求意见稿"
            }
            .to_string(),
        );
    }
    if !rule.in_totals {
        marks.push(
            if en {
                "not in the totals"
            } else {
                "不计入合计"
            }
            .to_string(),
        );
    }
    if en {
        format!("{} ({})", rule.title_en, marks.join(", "))
    } else {
        format!("{}({})", rule.title_zh, marks.join(","))
    }
}

/// The report as lines a person reads (stderr, or a `--summary` file that is not `.json`).
pub fn report_text(r: &Report, en: bool) -> String {
    let mut s = String::new();
    if en {
        s.push_str(&format!(
            "{} rows: {} evaluated, {} with errors\n",
            r.rows, r.evaluated, r.failed
        ));
    } else {
        s.push_str(&format!(
            "共{}行:{}行已计算,{}行有错误\n",
            r.rows, r.evaluated, r.failed
        ));
    }
    for c in r.clauses.iter().filter(|c| c.eligible > 0) {
        let or_dash = |y: Option<Yuan>| y.map_or_else(|| "-".to_string(), |y| human(y.0));
        let (low, mid, high) = (or_dash(c.smallest), or_dash(c.median), or_dash(c.largest));
        s.push_str(&if en {
            let who = if c.eligible == 1 {
                "applicant"
            } else {
                "applicants"
            };
            format!(
                "  {} [{}]: {} {who}, sum {}, smallest / median / largest {low} / {mid} / {high}\n",
                c.name_en,
                c.id,
                c.eligible,
                human(c.sum.0)
            )
        } else {
            format!(
                "  {} [{}]:{}家,合计 {}元,最小 / 中位数 / 最大 {low} / {mid} / {high}元\n",
                c.name_zh,
                c.id,
                c.eligible,
                human(c.sum.0)
            )
        });
    }
    // Applicants whose award has no fixed figure (an amount to be set, case by case, a band):
    // eligible, and in no sum above.
    for c in &r.clauses {
        let open: Vec<(Kind, u64)> = [Kind::Range, Kind::Unspecified, Kind::CaseByCase]
            .into_iter()
            .filter_map(|k| c.kind_counts.get(k.key()).map(|n| (k, *n)))
            .collect();
        if open.is_empty() {
            continue;
        }
        let n: u64 = open.iter().map(|(_, n)| n).sum();
        s.push_str(&if en {
            let kinds: Vec<String> = open
                .iter()
                .map(|(k, n)| format!("{} {n}", k.en()))
                .collect();
            let who = if n == 1 { "applicant" } else { "applicants" };
            format!(
                "  {} [{}]: {n} eligible {who} without a fixed figure ({}), in no sum\n",
                c.name_en,
                c.id,
                kinds.join(", ")
            )
        } else {
            let kinds: Vec<String> = open
                .iter()
                .map(|(k, n)| format!("{}{n}家", k.zh()))
                .collect();
            format!(
                "  {} [{}]:{n}家符合条件但无确定金额({}),未计入合计\n",
                c.name_zh,
                c.id,
                kinds.join("、")
            )
        });
    }
    for p in &r.pools {
        s.push_str(&format!("  {}\n", if en { &p.note_en } else { &p.note_zh }));
    }
    for l in &r.limits {
        s.push_str(&format!("  {}\n", if en { &l.note_en } else { &l.note_zh }));
    }
    s
}
