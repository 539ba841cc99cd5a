//! The rule book as bytes, the way the engine carries it: the build writes the checked book with
//! [`pack`] (`subsidy-rulebook`, the engine's `build.rs`), and the engine reads it back once, on
//! first use, with [`unpack`].
//!
//! Why bytes and not Rust statics: as statics every text, list and option of the book is a pointer,
//! a length and a tag in the bundle — 47 KB of structure for 22 KB of words, most of it addresses
//! that do not compress (12 KB of the calculator page's gzip). As bytes each field is one or a few
//! bytes, and the texts are the bundle's own bytes, borrowed, not copied.
//!
//! The format: fields in the order the structs below list them (every field: a struct literal that
//! leaves one out does not compile); a number as LEB128; a text as its length then its UTF-8; a list
//! as its length then its items; an option or a bool as one byte; an enum as its variant's index;
//! an amount as its scale and sign in one byte, then its mantissa. The build reads every book it
//! writes back and compares it with the book it packed ([`round_trip`]), so the engine never
//! reads bytes the build did not check.
use crate::date::Date;
use crate::fields::FactRef;
use crate::model::*;
use rust_decimal::Decimal;

/// Reads the packed bytes. A read past the end gives zeros (never a panic): the build has read the
/// same bytes back before they were baked ([`round_trip`]).
pub struct Reader {
    b: &'static [u8],
    at: usize,
}

impl Reader {
    pub fn new(b: &'static [u8]) -> Reader {
        Reader { b, at: 0 }
    }
    // Not inlined: a call per field is smaller than the read written out at each (the bundle's size).
    #[inline(never)]
    fn byte(&mut self) -> u8 {
        let x = self.b.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        x
    }
    #[inline(never)]
    fn num(&mut self) -> u128 {
        let mut n = 0u128;
        let mut shift = 0;
        loop {
            let x = self.byte();
            if shift < 128 {
                n |= u128::from(x & 0x7f) << shift;
            }
            shift += 7;
            if x & 0x80 == 0 {
                return n;
            }
        }
    }
    fn len(&mut self) -> usize {
        usize::try_from(self.num()).unwrap_or(0)
    }
}

fn put_num(w: &mut Vec<u8>, mut n: u128) {
    loop {
        let x = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            w.push(x);
            return;
        }
        w.push(x | 0x80);
    }
}

/// A value of the rule data, as bytes.
pub trait Packed: Sized {
    fn pack(&self, w: &mut Vec<u8>);
    fn unpack(r: &mut Reader) -> Self;
}

/// The book as bytes (the build's side).
pub fn pack(book: &RuleBook) -> Vec<u8> {
    let mut w = Vec::new();
    book.version.pack(&mut w);
    book.previous_versions.pack(&mut w);
    book.regions.pack(&mut w);
    book.groups.pack(&mut w);
    book.documents.pack(&mut w);
    w
}

/// The book the bytes hold (the engine's side, once): its texts borrow the bytes.
pub fn unpack(bytes: &'static [u8]) -> RuleBook {
    unpack_checked(bytes).0
}

fn unpack_checked(bytes: &'static [u8]) -> (RuleBook, usize) {
    let mut r = Reader::new(bytes);
    let book = RuleBook {
        version: Packed::unpack(&mut r),
        previous_versions: Packed::unpack(&mut r),
        regions: Packed::unpack(&mut r),
        groups: Packed::unpack(&mut r),
        documents: Packed::unpack(&mut r),
        by_id: Default::default(),
    };
    (book, r.at)
}

/// Packs the book and reads the bytes back: the bytes, or what differs (the build refuses to bake
/// bytes that do not read back as the same book, every field compared through its `Debug` form).
pub fn round_trip(book: &RuleBook) -> Result<Vec<u8>, String> {
    let bytes = pack(book);
    let stored: &'static [u8] = Box::leak(bytes.clone().into_boxed_slice());
    let (back, used) = unpack_checked(stored);
    if used != bytes.len() {
        return Err(format!(
            "read {used} of the {} packed bytes back",
            bytes.len()
        ));
    }
    let (a, b) = (format!("{book:#?}"), format!("{back:#?}"));
    if a != b {
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        return Err(format!(
            "the book read back differs at line {line} of its Debug form: {:?} / {:?}",
            a.lines().nth(line),
            b.lines().nth(line)
        ));
    }
    Ok(bytes)
}

impl Packed for Str {
    fn pack(&self, w: &mut Vec<u8>) {
        let s = self.raw().as_bytes();
        put_num(w, s.len() as u128);
        w.extend_from_slice(s);
    }
    #[inline(never)]
    fn unpack(r: &mut Reader) -> Str {
        let n = r.len();
        let s = r.b.get(r.at..r.at.saturating_add(n)).unwrap_or_default();
        r.at = r.at.saturating_add(n);
        Str::new(std::str::from_utf8(s).unwrap_or_default())
    }
}

impl<T: Packed + 'static> Packed for List<T> {
    fn pack(&self, w: &mut Vec<u8>) {
        put_num(w, self.len() as u128);
        self.iter().for_each(|x| x.pack(w));
    }
    fn unpack(r: &mut Reader) -> List<T> {
        let n = r.len();
        if n == 0 {
            return List::Baked(&[]);
        }
        // Lives as long as the book (read once): cloning a rule then copies no list, as it did
        // when the lists were statics.
        let v: Vec<T> = (0..n).map(|_| T::unpack(r)).collect();
        List::Baked(v.leak())
    }
}

impl<T: Packed> Packed for Option<T> {
    fn pack(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(x) => {
                w.push(1);
                x.pack(w);
            }
        }
    }
    fn unpack(r: &mut Reader) -> Option<T> {
        (r.byte() != 0).then(|| T::unpack(r))
    }
}

impl<A: Packed, B: Packed> Packed for (A, B) {
    fn pack(&self, w: &mut Vec<u8>) {
        self.0.pack(w);
        self.1.pack(w);
    }
    fn unpack(r: &mut Reader) -> (A, B) {
        let a = A::unpack(r);
        (a, B::unpack(r))
    }
}

impl Packed for bool {
    fn pack(&self, w: &mut Vec<u8>) {
        w.push(u8::from(*self));
    }
    fn unpack(r: &mut Reader) -> bool {
        r.byte() != 0
    }
}

impl Packed for u16 {
    fn pack(&self, w: &mut Vec<u8>) {
        put_num(w, u128::from(*self));
    }
    fn unpack(r: &mut Reader) -> u16 {
        u16::try_from(r.num()).unwrap_or(0)
    }
}

impl Packed for u32 {
    fn pack(&self, w: &mut Vec<u8>) {
        put_num(w, u128::from(*self));
    }
    fn unpack(r: &mut Reader) -> u32 {
        u32::try_from(r.num()).unwrap_or(0)
    }
}

impl Packed for Decimal {
    fn pack(&self, w: &mut Vec<u8>) {
        // A scale is at most 28: bit 7 is the sign.
        w.push(self.scale() as u8 | (u8::from(self.is_sign_negative()) << 7));
        put_num(w, self.mantissa().unsigned_abs());
    }
    #[inline(never)]
    fn unpack(r: &mut Reader) -> Decimal {
        let head = r.byte();
        let m = r.num();
        Decimal::from_parts(
            m as u32,
            (m >> 32) as u32,
            (m >> 64) as u32,
            head & 0x80 != 0,
            u32::from(head & 0x7f),
        )
    }
}

impl Packed for D {
    fn pack(&self, w: &mut Vec<u8>) {
        self.0.pack(w);
    }
    fn unpack(r: &mut Reader) -> D {
        D(<Decimal as Packed>::unpack(r))
    }
}

impl Packed for Date {
    fn pack(&self, w: &mut Vec<u8>) {
        put_num(w, u128::from(self.year));
        w.push(self.month);
        w.push(self.day);
    }
    fn unpack(r: &mut Reader) -> Date {
        let year = u16::try_from(r.num()).unwrap_or(0);
        let month = r.byte();
        Date {
            year,
            month,
            day: r.byte(),
        }
    }
}

impl Packed for Fact {
    fn pack(&self, w: &mut Vec<u8>) {
        let (tag, i) = match self.0 {
            FactRef::Field(i) => (0, i),
            FactRef::Scenario(i) => (1, i),
            FactRef::Derived(i) => (2, i),
        };
        w.push(tag);
        put_num(w, i as u128);
    }
    #[inline(never)]
    fn unpack(r: &mut Reader) -> Fact {
        let tag = r.byte();
        let i = r.len();
        Fact(match tag {
            1 => FactRef::Scenario(i),
            2 => FactRef::Derived(i),
            _ => FactRef::Field(i),
        })
    }
}

/// Unit enums, by the index of their variant in the list given here: the `match` is exhaustive,
/// so a variant added to the model and not here does not compile.
macro_rules! packed_enum {
    ($($t:ident { $($v:ident),* $(,)? })*) => {$(
        impl Packed for $t {
            fn pack(&self, w: &mut Vec<u8>) {
                let all = [$($t::$v),*];
                let i = match self { $($t::$v)|* => all.iter().position(|x| x == self) };
                w.push(i.unwrap_or(0) as u8);
            }
            fn unpack(r: &mut Reader) -> $t {
                let all = [$($t::$v),*];
                let i = usize::from(r.byte());
                all.get(i).copied().unwrap_or(all[0])
            }
        }
    )*};
}

packed_enum! {
    Family { ComputeVoucher, ModelFiling, Scenario, Listing, Other }
    Kind { Exact, UpTo, Range, Unspecified, CaseByCase, NotEligible }
    DocStatus { InForce, Draft }
    Per { Enterprise, Scenario, Project }
    Op { Gt, Gte, Lt, Lte, Eq, In, IsTrue, IsFalse, Contains, ContainsAny }
    CapScope {
        PerProject, PerEnterprisePerYear, PerYear, OneTime, OverThreeYears, PerModel, PerEvent,
        Band, InterestShare,
    }
    GroupMode { Highest, Stack }
    CarryOp { CountYear, AddAmount, SetTrue, SetFrom }
}

/// Structs: every field, in this order (a struct literal: a field left out does not compile).
macro_rules! packed_struct {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Packed for $t {
            fn pack(&self, w: &mut Vec<u8>) {
                $( self.$f.pack(w); )*
            }
            fn unpack(r: &mut Reader) -> $t {
                $t { $( $f: Packed::unpack(r), )* }
            }
        }
    )*};
}

packed_struct! {
    RegionDef { key, name_zh, name_en, documents, reads, scenario_reads }
    Group { id, mode, members, zh, en }
    Document {
        key, name_zh, name_en, seed, status, valid_from, valid_to, published, uncertain_from, term_years,
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
    Formula {
        terms, per_unit, fixed, range, deduct, caps, stage, note_zh, note_en, fixed_is_cap,
        fixed_by_reform,
    }
    Term { fact, rate, pct, zh, en }
    PerUnit { fact, amount }
    Range { min, max }
    Deduct { fact, table, zh, en }
    Cap { amount, rate, fact, less, scope, relaxable_if, relaxed_zh, relaxed_en, label }
    StageNote { fact, zh, en }
    Check { id, clause, title_zh, title_en, quote, quote2, entered, requires }
}
