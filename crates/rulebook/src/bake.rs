//! Writes checked rule data as Rust source: one `static` the engine includes, so the rule data is
//! in the binary as ready-made values (no parsing, no checking, no loader at start-up).
//!
//! Every struct lists its fields here; a field left out fails the engine's build ("missing field"),
//! so the baked data cannot silently drop part of a rule.
use rust_decimal::Decimal;
use std::fmt::Write;
use subsidy_model::date::Date;
use subsidy_model::fields::FactRef;
use subsidy_model::*;

/// The Rust expression that makes a value.
pub trait Bake {
    fn bake(&self, o: &mut String);
}

/// The book as `pub static BOOK: RuleBook = …;`. The includer brings the model's types,
/// `FactRef`, `Date` and `Decimal` into scope.
pub fn bake_book(book: &RuleBook) -> String {
    // A struct literal (not a call): the `&[…]` inside it then live as long as the static.
    let mut o = String::from("pub static BOOK: RuleBook = RuleBook { version: ");
    book.version.bake(&mut o);
    o.push_str(", previous_versions: ");
    book.previous_versions.bake(&mut o);
    o.push_str(", regions: ");
    book.regions.bake(&mut o);
    o.push_str(", groups: ");
    book.groups.bake(&mut o);
    o.push_str(", documents: ");
    book.documents.bake(&mut o);
    o.push_str(", by_id: std::sync::OnceLock::new() };\n");
    o
}

impl Bake for Str {
    fn bake(&self, o: &mut String) {
        // A str's Debug form is a valid Rust string literal (quotes, backslashes and controls escaped).
        let _ = write!(o, "Str::new({:?})", self.raw());
    }
}

impl<T: Bake + Clone> Bake for List<T> {
    fn bake(&self, o: &mut String) {
        o.push_str("List::Baked(&[");
        for x in self.iter() {
            x.bake(o);
            o.push(',');
        }
        o.push_str("])");
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, o: &mut String) {
        match self {
            None => o.push_str("None"),
            Some(x) => {
                o.push_str("Some(");
                x.bake(o);
                o.push(')');
            }
        }
    }
}

impl<A: Bake, B: Bake> Bake for (A, B) {
    fn bake(&self, o: &mut String) {
        o.push('(');
        self.0.bake(o);
        o.push(',');
        self.1.bake(o);
        o.push(')');
    }
}

impl Bake for bool {
    fn bake(&self, o: &mut String) {
        let _ = write!(o, "{self}");
    }
}

impl Bake for u32 {
    fn bake(&self, o: &mut String) {
        let _ = write!(o, "{self}");
    }
}

impl Bake for Decimal {
    fn bake(&self, o: &mut String) {
        let m = self.mantissa().unsigned_abs();
        let _ = write!(
            o,
            "Decimal::from_parts({}, {}, {}, {}, {})",
            m as u32,
            (m >> 32) as u32,
            (m >> 64) as u32,
            self.is_sign_negative(),
            self.scale()
        );
    }
}

impl Bake for D {
    fn bake(&self, o: &mut String) {
        o.push_str("D(");
        self.0.bake(o);
        o.push(')');
    }
}

impl Bake for Date {
    fn bake(&self, o: &mut String) {
        let _ = write!(
            o,
            "Date {{ year: {}, month: {}, day: {} }}",
            self.year, self.month, self.day
        );
    }
}

impl Bake for Fact {
    fn bake(&self, o: &mut String) {
        let _ = match self.0 {
            FactRef::Field(i) => write!(o, "Fact(FactRef::Field({i}))"),
            FactRef::Scenario(i) => write!(o, "Fact(FactRef::Scenario({i}))"),
            FactRef::Derived(i) => write!(o, "Fact(FactRef::Derived({i}))"),
        };
    }
}

/// Unit enums: `Kind::UpTo` (the variant's name is its Debug form).
macro_rules! bake_enum {
    ($($t:ident),*) => {$(
        impl Bake for $t {
            fn bake(&self, o: &mut String) {
                let _ = write!(o, concat!(stringify!($t), "::{:?}"), self);
            }
        }
    )*};
}
bake_enum!(
    Family, Kind, DocStatus, Per, Op, CapScope, GroupMode, CarryOp
);

/// Structs: every field, by name.
macro_rules! bake_struct {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Bake for $t {
            fn bake(&self, o: &mut String) {
                o.push_str(concat!(stringify!($t), " {"));
                $(
                    o.push_str(concat!(stringify!($f), ":"));
                    self.$f.bake(o);
                    o.push(',');
                )*
                o.push('}');
            }
        }
    )*};
}

bake_struct! {
    RegionDef { key, name_zh, name_en, documents, reads, scenario_reads }
    Group { id, mode, members, zh, en }
    Document {
        key, name_zh, name_en, seed, status, valid_from, valid_to, published, uncertain_from,
        not_yet_zh, not_yet_en, expired_zh, expired_en, uncertain_zh, uncertain_en, dates_quote,
        dates_zh, dates_en, notes_quote, notes_zh, notes_en, rules, checks, draft_note,
    }
    Rule {
        id, family, clause, kind, title_zh, title_en, quote, per, projects, notes_zh, notes_en,
        requires, formula, variants, otherwise_zh, otherwise_en, aggregate_caps, in_totals, once,
        once_each, once_zh, once_en, shared_over_years, carry, pool, limit, not_in_totals_zh,
        not_in_totals_en, off,
    }
    Pool { amount, at_least, quote, zh, en }
    Limit { count, projects, quote, zh, en }
    Carry { fact, op, from }
    Cond { fact, op, value, values, zh, en, unit, relaxed }
    Threshold { text, num, date }
    Relaxed { value, zh, en, when }
    Variant { when, kind, zh, en, formula }
    Formula { terms, per_unit, fixed, range, deduct, caps, stage, note_zh, note_en }
    Term { fact, rate, pct, zh, en }
    PerUnit { fact, amount }
    Range { min, max }
    Deduct { fact, table, zh, en }
    Cap { amount, rate, fact, less, scope, relaxable_if, relaxed_zh, relaxed_en, label }
    StageNote { fact, zh, en }
    Check { id, clause, title_zh, title_en, quote, quote2, entered, requires }
}
