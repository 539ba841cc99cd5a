//! The words of a result, written when it is shown or serialised, in the language asked for.
//!
//! The evaluation writes no text. It records what it did as [`Line`]s — a term with its figure and
//! rate, a cap with its limit, a deduction, a condition with what was entered — holding the values
//! and borrowing the rule data's own words; a line is written in Chinese or English here, when the
//! page shows it, `explain` prints it or the result is serialised (both languages by default, as the
//! contract has them; one with the API's `lang` option). A figures-only evaluation records no lines.
//!
//! Here the types (a [`Line`], a cap, what was entered) and [`In`], a line in one language;
//! `write.rs` writes a line, `parts.rs` a cap and an entered value.
use crate::date::Date;
use crate::input::FactRef;
use crate::rulebook::{CapScope, Document};
use rust_decimal::Decimal;
use std::fmt::{self, Display, Formatter};

pub mod errors;
mod parts;
mod write;
pub use parts::entered;
/// A language a line is written in (Chinese first: the users read it first).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the words of this language.
    pub fn t<'x>(self, zh: &'x str, en: &'x str) -> &'x str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The languages a serialised result carries: both (the contract's default) or one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Langs {
    #[default]
    Both,
    Zh,
    En,
}

impl Langs {
    /// `"both"`, `"zh"` or `"en"`, as the API's `lang` option and the CLI's `--lang` say.
    pub fn parse(text: &str) -> Option<Langs> {
        match text {
            "both" => Some(Langs::Both),
            "zh" => Some(Langs::Zh),
            "en" => Some(Langs::En),
            _ => None,
        }
    }
    pub fn has(self, lang: Lang) -> bool {
        matches!(
            (self, lang),
            (Langs::Both, _) | (Langs::Zh, Lang::Zh) | (Langs::En, Lang::En)
        )
    }
}

/// One line of a result: what the evaluation did, with its values.
#[derive(Clone, Debug)]
pub enum Line<'a> {
    /// The rule data's own words (a variant's case, a stage, a remark, a requirement, a note).
    Said { zh: &'a str, en: &'a str },
    /// A variant that applies, with the figure it gives (None: it gives none).
    Case {
        zh: &'a str,
        en: &'a str,
        figure: Option<Decimal>,
    },
    /// The variant of a rule that gives the figure.
    Applies { zh: &'a str, en: &'a str },
    /// More than one variant applies: which ones, and the one used (the more favourable, when there
    /// are figures to compare).
    Several {
        all: Vec<Line<'a>>,
        zh: &'a str,
        en: &'a str,
        figures: bool,
    },
    /// 一事一议: no set figure.
    CaseByCase,
    /// Eligible, but the text sets no rate or amount.
    NoRate,
    /// A band whose tier is set by review.
    Band { min: Decimal, max: Decimal },
    /// A figure times a rate: `value × pct = part`.
    Term {
        zh: &'a str,
        en: &'a str,
        value: Decimal,
        pct: &'a str,
        part: Decimal,
    },
    /// The terms added up.
    Sum { parts: Vec<Decimal>, total: Decimal },
    /// A count times an amount per unit.
    PerUnit {
        fact: FactRef,
        count: Decimal,
        each: Decimal,
        total: Decimal,
    },
    /// A fixed award, or the clause's stated maximum.
    /// A fixed amount: exact or the most; `reform`: set by a reform, not the clause's.
    Fixed {
        exact: bool,
        amount: Decimal,
        reform: bool,
    },
    /// An amount already received, taken off: `from − less = left`.
    Deduct {
        zh: &'a str,
        en: &'a str,
        from: Decimal,
        less: Decimal,
        left: Decimal,
    },
    /// A difference award with nothing left: the earlier award was no less than this one.
    NoDifference {
        earlier: (&'static str, &'static str),
        less: Decimal,
        base: Decimal,
        zh: &'a str,
        en: &'a str,
    },
    /// Rounded to the fen.
    Rounded(Decimal),
    /// The figure rounds to nothing.
    RoundsToZero(Decimal),
    /// A cap binds.
    Capped(CapLine<'a>),
    /// A cap does not bind.
    Within(CapLine<'a>),
    /// A cap that may be relaxed stays the figure; the rate gives more.
    Relaxed {
        zh: &'a str,
        en: &'a str,
        figure: Decimal,
    },
    /// Zero because a cap is used up.
    NothingLeft(CapLine<'a>),
    /// The formula gives zero.
    FormulaZero,
    /// The formula gives zero for one scenario project.
    ProjectZero,
    /// A line about one scenario project (`index` counts from 0).
    Project {
        index: usize,
        name: String,
        line: Box<Line<'a>>,
    },
    /// A project that does not pay, and why.
    NotCounted(Box<Line<'a>>),
    /// Several projects' figures added up.
    Projects { count: usize, total: Decimal },
    /// No scenario project entered; what one needs.
    NoProject(Vec<Line<'a>>),
    /// Several reasons at once.
    All(Vec<Line<'a>>),
    /// A condition not met: the requirement, and what was entered.
    Missed {
        zh: &'a str,
        en: &'a str,
        fact: FactRef,
        /// The value was carried by a plan from the years before, not entered.
        carried: bool,
        entered: Entered<'a>,
    },
    /// A one-time award already counted in an earlier year of a plan.
    PaidOnce {
        zh: &'a str,
        en: &'a str,
        year: Date,
    },
    /// A clause paid once for each value of a set (choice values): those it pays for now, and
    /// those counted in earlier years of a plan with their years.
    OnceEach {
        zh: &'a str,
        en: &'a str,
        now: Vec<&'static str>,
        before: Vec<(&'static str, Date)>,
    },
    /// A clause with counted years paying again after a year without it (its earlier years).
    YearsWithGap { earlier: Vec<Date> },
    /// A staged award's stage that is not later than one counted in an earlier year of a plan.
    StageCounted {
        now: &'static str,
        counted: &'static str,
        year: Date,
    },
    /// Every value such a clause names was counted in an earlier year of a plan.
    PaidOnceEach {
        zh: &'a str,
        en: &'a str,
        before: Vec<(&'static str, Date)>,
    },
    /// The document is not yet in force on the date.
    NotYet { doc: &'a Document, as_of: Date },
    /// The document has expired (or its call closed) on the date.
    Expired { doc: &'a Document, as_of: Date },
    /// The figure stands, but the document may already have ended.
    Uncertain { doc: &'a Document, as_of: Date },
    /// What the document says of its dates, when it gives none.
    Dates { doc: &'a Document },
    /// A stacking group member's standing: paid (the highest), or not counted (`best` pays more).
    Highest {
        zh: &'a str,
        en: &'a str,
        best: &'a str,
        paid: bool,
    },
    /// The result's note on a "highest" group: only `best` is counted.
    OnlyBest {
        zh: &'a str,
        en: &'a str,
        best: &'a str,
    },
    /// Awards with no fixed figure, left out of the totals.
    Open(usize),
    /// Fields entered that no clause or check of the region reads (not an error: one sheet serves
    /// several regions).
    Unused(Vec<FactRef>),
    /// In a plan: the figure is one total over all stages (years), already counted in `earlier`.
    SharedOverYears { earlier: Vec<Date> },
    /// A batch's pro-rata scaling: the award cut from `from` to `to` to fit its pool.
    Scaled { to: Decimal, from: Decimal },
}

/// A cap, as the steps and `binding_cap` name it.
#[derive(Clone, Copy, Debug)]
pub struct CapLine<'a> {
    pub limit: Limit<'a>,
    /// Already received, and what is left of the limit after it.
    pub less: Option<(Decimal, Decimal)>,
    /// What was received is a plan's sum of the years before (their figures taken as paid in
    /// full), not an amount entered.
    pub carried: bool,
    /// 可以放宽: the authority may relax it.
    pub relaxable: bool,
}

impl CapLine<'_> {
    /// The figure the cap allows: its limit, less what was already received.
    pub fn allows(&self) -> Decimal {
        match self.less {
            Some((_, left)) => left,
            None => match self.limit {
                Limit::Said { amount, .. } | Limit::Amount { amount, .. } => amount,
                Limit::Share { limit, .. } => limit,
            },
        }
    }
}

/// The limit a cap sets.
#[derive(Clone, Copy, Debug)]
pub enum Limit<'a> {
    /// The rule data's own label of a stated amount.
    Said {
        zh: &'a str,
        en: &'a str,
        amount: Decimal,
    },
    /// A stated amount.
    Amount { scope: CapScope, amount: Decimal },
    /// A share of another figure: `value × rate = limit`.
    Share {
        scope: CapScope,
        fact: FactRef,
        value: Decimal,
        rate: Decimal,
        limit: Decimal,
    },
}

/// What was entered for a condition that is not met, written in each language.
#[derive(Clone, Debug)]
pub enum Entered<'a> {
    Flag(bool),
    Money(Decimal),
    Percent(Decimal),
    /// A count or measure with the condition's unit; a derived measure is shown truncated.
    Number {
        value: Decimal,
        unit: &'a str,
        measure: bool,
    },
    /// Choices by their labels (Chinese, English).
    Choices(Vec<(&'static str, &'static str)>),
    Date(Option<Date>),
    Text(String),
}

/// Lines written in one language, one string each (an award's steps or notes, a check's failures).
pub fn written(lines: &[Line<'_>], lang: Lang) -> Vec<String> {
    lines.iter().map(|l| l.text(lang)).collect()
}

/// A line, a list of lines or a cap in one language: `Display`, and a string when serialised.
pub struct In<'r, T: ?Sized>(pub &'r T, pub Lang);

impl Display for In<'_, Line<'_>> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.0.write(self.1, f)
    }
}

impl Display for In<'_, CapLine<'_>> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.0.write(self.1, f)
    }
}

/// Lines joined as one reason: ";" in Chinese, "; " in English.
impl Display for In<'_, [Line<'_>]> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, l) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if self.1 == Lang::Zh { ";" } else { "; " })?;
            }
            l.write(self.1, f)?;
        }
        Ok(())
    }
}

impl serde::Serialize for In<'_, Line<'_>> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl serde::Serialize for In<'_, CapLine<'_>> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A list of lines, each a string.
impl serde::Serialize for In<'_, [Line<'_>]> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|l| In(l, self.1)))
    }
}
