//! The output table as CSV, written a row at a time straight from the result: the columns of
//! `table_header` (id, row, each clause's kind and amount, the totals, the errors in English and
//! in Chinese, the code, and 核验 where the input gave codes), byte for byte what `csv::Writer` writes for `Done::cells`, without building the row's 155 cells first.
//! Quoting is csv-core's own decision (`should_quote`, `quote`): a field is quoted when it holds a
//! comma, a quote or a line break, as the `csv` crate's default writer does. A million rows spent a
//! quarter of their time in the general writer's per-field state machine (callgrind, 2026-11-26).
use std::io::Write;
use subsidy_calc::FieldError;
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{Kind, RuleBook};
use subsidy_calc::text::Lang;

/// A result with each award's table position.
pub type Placed<'r, 'o> = (&'r Outcome<'o>, &'r [Option<usize>]);

/// Bytes kept before they go to the file.
const CHUNK: usize = 256 * 1024;

pub struct CsvOut<W: Write> {
    out: W,
    buf: Vec<u8>,
    csv: csv_core::Writer,
    /// The clauses' count (the table's column pairs).
    rules: usize,
    /// This row's award index per table position (reused).
    slots: Vec<Option<usize>>,
    /// The rule data's qualification checks, in the table's order.
    checks: Vec<String>,
}

impl<W: Write> CsvOut<W> {
    pub fn new(out: W, book: &RuleBook, header: &[String]) -> CsvOut<W> {
        let rules = book.rules().count();
        let mut w = CsvOut {
            out,
            buf: Vec::with_capacity(CHUNK + 4096),
            csv: csv_core::Writer::new(),
            rules,
            slots: vec![None; rules],
            checks: subsidy_batch::table::check_ids(book)
                .map(String::from)
                .collect(),
        };
        for (i, h) in header.iter().enumerate() {
            if i > 0 {
                w.buf.push(b',');
            }
            w.field(h);
        }
        w.buf.push(b'\n');
        w
    }

    fn field(&mut self, s: &str) {
        let b = s.as_bytes();
        if !self.csv.should_quote(b) {
            self.buf.extend_from_slice(b);
            return;
        }
        // At most every byte doubled, and the two quotes.
        let at = self.buf.len();
        self.buf.resize(at + 2 * b.len() + 2, 0);
        self.buf[at] = b'"';
        let (_, _, n) = csv_core::quote(b, &mut self.buf[at + 1..], b'"', b'\\', true);
        self.buf[at + 1 + n] = b'"';
        self.buf.truncate(at + n + 2);
    }

    /// One row: the result's awards by their clause's column, or the row's errors.
    pub fn row(
        &mut self,
        id: &str,
        n: usize,
        result: Result<&Outcome, &[FieldError]>,
        at: &[Option<usize>],
        check: Option<&str>,
        baseline: Option<(&str, Option<Placed>)>,
    ) -> std::io::Result<()> {
        self.field(id);
        let _ = write!(self.buf, ",{n}");
        match result {
            Ok(o) => {
                let slots = self.slots_of(at);
                for slot in slots.iter().take(self.rules) {
                    match slot.and_then(|i| o.awards.get(i)) {
                        Some(a) => {
                            self.buf.push(b',');
                            self.buf.extend_from_slice(a.kind.key().as_bytes());
                            self.buf.push(b',');
                            if a.kind != Kind::NotEligible
                                && let Some(v) = a.amount
                            {
                                // Digits, a point and a sign: nothing to quote.
                                v.write_to(&mut self.buf);
                            }
                        }
                        None => self.buf.extend_from_slice(b",,"),
                    }
                }
                self.slots = slots;
                let t = &o.total;
                for v in [t.exact, t.up_to, t.draft_exact, t.draft_up_to] {
                    self.buf.push(b',');
                    v.write_to(&mut self.buf);
                }
                // No errors (in English, in Chinese); the code (base32 and dashes: nothing to
                // quote).
                self.buf.extend_from_slice(b",,,");
                self.buf
                    .extend_from_slice(o.code.as_deref().unwrap_or("").as_bytes());
                for id in &self.checks {
                    self.buf.push(b',');
                    if let Some(c) = o.checks.iter().find(|c| c.id == id) {
                        self.buf.extend_from_slice(
                            subsidy_batch::table::check_cell(c.passed).as_bytes(),
                        );
                    }
                }
            }
            Err(errors) => {
                for _ in 0..self.rules {
                    self.buf.extend_from_slice(b",,");
                }
                self.buf.extend_from_slice(b",,,,,");
                let text = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; ");
                self.field(&text);
                self.buf.push(b',');
                let zh = errors
                    .iter()
                    .map(|e| format!("{}:{}", e.field, e.message_in(Lang::Zh)))
                    .collect::<Vec<_>>()
                    .join(";");
                self.field(&zh);
                // No code, no checks.
                self.buf.push(b',');
                for _ in &self.checks {
                    self.buf.push(b',');
                }
            }
        }
        if let Some(c) = check {
            self.buf.push(b',');
            self.field(c);
        }
        if let Some((name, base)) = baseline {
            // Today's amount of each clause, today's up-to total, and the reform's words.
            match base {
                Some((o, at)) => {
                    let slots = self.slots_of(at);
                    for slot in slots.iter().take(self.rules) {
                        self.buf.push(b',');
                        if let Some(a) = slot.and_then(|i| o.awards.get(i))
                            && a.kind != Kind::NotEligible
                            && let Some(v) = a.amount
                        {
                            v.write_to(&mut self.buf);
                        }
                    }
                    self.slots = slots;
                    self.buf.push(b',');
                    o.total.up_to.write_to(&mut self.buf);
                }
                None => {
                    for _ in 0..=self.rules {
                        self.buf.push(b',');
                    }
                }
            }
            self.buf.push(b',');
            let said = subsidy_batch::reform_cell(name);
            self.field(&said);
        }
        self.buf.push(b'\n');
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Which award of the result goes in each table position.
    fn slots_of(&mut self, at: &[Option<usize>]) -> Vec<Option<usize>> {
        let mut slots = std::mem::take(&mut self.slots);
        slots.iter_mut().for_each(|s| *s = None);
        for (i, pos) in at.iter().enumerate() {
            if let Some(s) = pos.and_then(|p| slots.get_mut(p)) {
                *s = Some(i);
            }
        }
        slots
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }
}
