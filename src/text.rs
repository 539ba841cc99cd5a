//! The words of a result, written when it is shown or serialised, in the language asked for.
//!
//! The evaluation writes no text. It records what it did as [`Line`]s — a term with its figure and
//! rate, a cap with its limit, a deduction, a condition with what was entered — holding the values
//! and borrowing the rule data's own words; a line is written in Chinese or English here, when the
//! page shows it, `explain` prints it or the result is serialised (both languages by default, as the
//! contract has them; one with the API's `lang` option). A figures-only evaluation records no lines.
use crate::date::Date;
use crate::input::{FactRef, Ty};
use crate::money::{Human, fixed2, human, percent, round_yuan};
use crate::rulebook::{CapScope, Document};
use rust_decimal::Decimal;
use std::fmt::{self, Display, Formatter, Write};

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
    Fixed { exact: bool, amount: Decimal },
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
        entered: Entered<'a>,
    },
    /// A one-time award already counted in an earlier year of a plan.
    PaidOnce {
        zh: &'a str,
        en: &'a str,
        year: Date,
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
    /// A batch's pro-rata scaling: the award cut from `from` to `to` to fit its pool.
    Scaled { to: Decimal, from: Decimal },
}

/// A cap, as the steps and `binding_cap` name it.
#[derive(Clone, Copy, Debug)]
pub struct CapLine<'a> {
    pub limit: Limit<'a>,
    /// Already received, and what is left of the limit after it.
    pub less: Option<(Decimal, Decimal)>,
    /// 可以放宽: the authority may relax it.
    pub relaxable: bool,
}

/// The limit a cap sets.
#[derive(Clone, Copy, Debug)]
pub enum Limit<'a> {
    /// The rule data's own label.
    Said { zh: &'a str, en: &'a str },
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

/// "5000000" style for cap labels (the contract's binding_cap format).
fn plain(d: Decimal) -> Decimal {
    round_yuan(d).normalize()
}

/// A document's date text of the rule data, with `{as_of}`, `{from}`, `{to}` filled in.
fn fill(text: &str, doc: &Document, as_of: Date) -> String {
    let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
    text.replace("{as_of}", &as_of.to_string())
        .replace("{from}", &d(doc.valid_from))
        .replace("{to}", &d(doc.valid_to))
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

impl Line<'_> {
    /// The line in one language.
    pub fn text(&self, lang: Lang) -> String {
        In(self, lang).to_string()
    }

    /// Writes the line in one language.
    pub fn write(&self, lang: Lang, f: &mut dyn Write) -> fmt::Result {
        let zh = lang == Lang::Zh;
        // Picks the words of the language.
        let pick = |z: &'static str, e: &'static str| if zh { z } else { e };
        match self {
            Line::Said { zh: z, en: e } => f.write_str(if zh { z } else { e }),
            Line::Applies { zh: z, en } => match zh {
                true => write!(f, "适用:{z}"),
                false => write!(f, "applies: {en}"),
            },
            Line::Several {
                all,
                zh: z,
                en,
                figures,
            } => match (zh, figures) {
                (true, true) => write!(
                    f,
                    "所填情况同时符合多个档位({}),按对申请人更有利的档位计算:{z}",
                    In(&all[..], lang)
                ),
                (false, true) => write!(
                    f,
                    "the figures entered meet more than one band ({}); the one more favourable to the applicant is used: {en}",
                    In(&all[..], lang)
                ),
                (true, false) => write!(f, "所填情况符合:{}", In(&all[..], lang)),
                (false, false) => write!(f, "the case meets: {}", In(&all[..], lang)),
            },
            Line::CaseByCase => f.write_str(pick(
                "“一事一议”:不设固定金额,由主管部门个案确定",
                "一事一议 (case by case): no set figure; the authority decides each case",
            )),
            Line::NoRate => f.write_str(pick(
                "原文未规定比例或金额:符合条件,具体金额由主管部门按有关规定确定",
                "the text sets no rate or amount: eligible, with the amount for the authority to set under the rules it names",
            )),
            Line::Band { min, max } => match zh {
                true => write!(
                    f,
                    "分档奖励区间:{}元至{}元,具体档位由评审确定",
                    Human(*min),
                    Human(*max)
                ),
                false => write!(
                    f,
                    "a band from {} to {}, the tier set by review",
                    Human(*min),
                    Human(*max)
                ),
            },
            Line::Term {
                zh: z,
                en,
                value,
                pct,
                part,
            } => match zh {
                true => write!(f, "{z} {}元 × {pct} = {}元", Human(*value), Human(*part)),
                false => write!(f, "{en} {} × {pct} = {}", Human(*value), Human(*part)),
            },
            Line::Sum { parts, total } => {
                f.write_str(pick("合计 ", "sum "))?;
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" + ")?;
                    }
                    write!(f, "{}", Human(*p))?;
                }
                write!(f, " = {}{}", Human(*total), pick("元", ""))
            }
            Line::PerUnit {
                fact,
                count,
                each,
                total,
            } => match (zh, fact.field()) {
                (true, field) => write!(
                    f,
                    "{} {count} × {}元 = {}元",
                    field.zh,
                    Human(*each),
                    Human(*total)
                ),
                (false, field) => write!(
                    f,
                    "{count} × {} ({}) = {}",
                    Human(*each),
                    field.en,
                    Human(*total)
                ),
            },
            Line::Fixed { exact, amount } => match (zh, exact) {
                (true, true) => write!(f, "定额奖励 {}元", Human(*amount)),
                (false, true) => write!(f, "a fixed award of {}", Human(*amount)),
                (true, false) => write!(f, "条款规定最高 {}元", Human(*amount)),
                (false, false) => write!(f, "the clause's maximum: {}", Human(*amount)),
            },
            Line::Deduct {
                zh: z,
                en,
                from,
                less,
                left,
            } => match zh {
                true => write!(
                    f,
                    "{z}:{}元 − {}元 = {}元",
                    Human(*from),
                    Human(*less),
                    Human(*left)
                ),
                false => write!(
                    f,
                    "{en}: {} − {} = {}",
                    Human(*from),
                    Human(*less),
                    Human(*left)
                ),
            },
            Line::NoDifference {
                earlier,
                less,
                base,
                zh: z,
                en,
            } => match zh {
                true => write!(
                    f,
                    "此前已获{}奖励{}元,不低于本项{}元;{z}:无差额可得",
                    earlier.0,
                    Human(*less),
                    Human(*base)
                ),
                false => write!(
                    f,
                    "the {} award of {} was already received, no less than this award's {}; {en}: no difference is left to pay",
                    earlier.1,
                    Human(*less),
                    Human(*base)
                ),
            },
            Line::Rounded(to) => match zh {
                true => write!(f, "四舍五入到分:{}元", Human(*to)),
                false => write!(f, "rounded to 0.01 yuan: {}", fixed2(*to)),
            },
            Line::RoundsToZero(raw) => match zh {
                true => write!(f, "计算金额{}元,四舍五入到分后为0元", raw.normalize()),
                false => write!(
                    f,
                    "the formula gives {} yuan, which rounds to 0.00",
                    raw.normalize()
                ),
            },
            Line::Capped(cap) => {
                f.write_str(pick("封顶:", "capped at "))?;
                cap.write(lang, f)
            }
            Line::Within(cap) => match zh {
                true => {
                    f.write_str("未超过")?;
                    cap.write(lang, f)
                }
                false => write!(f, "within the cap ({})", In(cap, lang)),
            },
            Line::Relaxed { zh: z, en, figure } => match zh {
                true => write!(f, "{z}(按比例计算为{}元)", Human(*figure)),
                false => write!(f, "{en} (the rate gives {})", Human(*figure)),
            },
            Line::NothingLeft(cap) => {
                f.write_str(pick("已无可得金额:", "nothing left to award: "))?;
                cap.write(lang, f)
            }
            Line::FormulaZero => f.write_str(pick(
                "按条款计算的金额为0元",
                "the clause's formula gives 0 for the figures entered",
            )),
            Line::ProjectZero => f.write_str(pick(
                "计算金额为0元",
                "the formula gives 0 for this project",
            )),
            Line::Project { index, name, line } => {
                f.write_str(pick("项目", "project "))?;
                write!(f, "#{}", index + 1)?;
                if !name.is_empty() {
                    write!(f, "「{name}」")?;
                }
                f.write_str(pick(":", ": "))?;
                line.write(lang, f)
            }
            Line::NotCounted(line) => {
                f.write_str(pick("不计入:", "not counted: "))?;
                line.write(lang, f)
            }
            Line::Projects { count, total } => match zh {
                true => write!(f, "{count}个项目合计 {}元", Human(*total)),
                false => write!(f, "{count} projects in all: {}", Human(*total)),
            },
            Line::NoProject(needs) => {
                f.write_str(pick(
                    "未填写应用场景项目;需要:",
                    "no scenario project entered; needs: ",
                ))?;
                write!(f, "{}", In(&needs[..], lang))
            }
            Line::All(lines) => write!(f, "{}", In(&lines[..], lang)),
            Line::Missed {
                zh: z,
                en,
                fact,
                entered,
            } => match (zh, fact.field()) {
                (true, field) => {
                    write!(f, "{z}(已填:{}:", field.zh)?;
                    entered.write(lang, f)?;
                    f.write_char(')')
                }
                (false, field) => {
                    write!(f, "{en} (entered: {}: ", field.en)?;
                    entered.write(lang, f)?;
                    f.write_char(')')
                }
            },
            Line::PaidOnce { zh: z, en, year } => match zh {
                true => write!(f, "{z}:已在{year}那一年计入,不再重复计算"),
                false => write!(f, "{en}: already counted in the year of {year}, not again"),
            },
            Line::NotYet { doc, as_of } => {
                let span = fill("{from}–{to}", doc, *as_of);
                match (zh, &doc.not_yet_zh, &doc.not_yet_en) {
                    (true, Some(t), _) | (false, _, Some(t)) => f.write_str(&fill(t, doc, *as_of)),
                    (true, None, _) => {
                        write!(f, "{}有效期为{span},计算日期{as_of}尚未施行", doc.name_zh)
                    }
                    (false, _, None) => {
                        write!(f, "{} is in force {span}; not yet on {as_of}", doc.name_en)
                    }
                }
            }
            Line::Expired { doc, as_of } => {
                let span = fill("{from}–{to}", doc, *as_of);
                match (zh, &doc.expired_zh, &doc.expired_en) {
                    (true, Some(t), _) | (false, _, Some(t)) => f.write_str(&fill(t, doc, *as_of)),
                    (true, None, _) => {
                        write!(f, "{}有效期为{span},计算日期{as_of}已过期", doc.name_zh)
                    }
                    (false, _, None) => {
                        write!(f, "{} was in force {span}; expired on {as_of}", doc.name_en)
                    }
                }
            }
            Line::Uncertain { doc, as_of } => {
                let t = if zh {
                    &doc.uncertain_zh
                } else {
                    &doc.uncertain_en
                };
                t.as_deref()
                    .map_or(Ok(()), |t| f.write_str(&fill(t, doc, *as_of)))
            }
            Line::Dates { doc } => match zh {
                true => write!(
                    f,
                    "{}:{}",
                    doc.name_zh,
                    doc.dates_zh.as_deref().unwrap_or("")
                ),
                false => write!(
                    f,
                    "{}: {}",
                    doc.name_en,
                    doc.dates_en.as_deref().unwrap_or("")
                ),
            },
            Line::Highest {
                zh: z,
                en,
                best,
                paid,
            } => match (zh, paid) {
                (true, true) => write!(f, "{z}——本项金额最高,按本项享受"),
                (false, true) => write!(
                    f,
                    "{en} — this award is the highest of the group and is the one paid"
                ),
                (true, false) => write!(f, "{z}——{best}金额更高,本项不计入合计"),
                (false, false) => {
                    write!(f, "{en} — {best} pays more, so this award is not counted")
                }
            },
            Line::OnlyBest { zh: z, en, best } => match zh {
                true => write!(f, "{z}:按“从优、就高、不重复”只计{best}"),
                false => write!(f, "{en}: only {best} is counted (从优、就高、不重复)"),
            },
            Line::Open(n) => match zh {
                true => write!(
                    f,
                    "另有{n}项奖励没有确定金额(区间、金额待定或一事一议),未计入合计。"
                ),
                false => write!(
                    f,
                    "{n} further award(s) have no fixed figure (a range, an amount to be set, or case by case) and are not in the totals."
                ),
            },
            Line::Scaled { to, from } => match zh {
                true => write!(f, "资金池不足,按比例调减:{}元(原{}元)", fixed2(*to), fixed2(*from)),
                false => write!(
                    f,
                    "scaled pro rata to fit the pool: {} of {}",
                    fixed2(*to),
                    fixed2(*from)
                ),
            },
        }
    }
}

impl CapLine<'_> {
    /// The cap in one language.
    pub fn text(&self, lang: Lang) -> String {
        In(self, lang).to_string()
    }

    /// Writes the cap: its limit, what was already received, whether it may be relaxed.
    pub fn write(&self, lang: Lang, f: &mut dyn Write) -> fmt::Result {
        let zh = lang == Lang::Zh;
        match (&self.less, zh) {
            (None, _) => self.limit.write(lang, f)?,
            // "…元,扣除已获…元后剩余…元": the limit's own "元" is said once.
            (Some((got, left)), true) => {
                let mut limit = String::new();
                self.limit.write(lang, &mut limit)?;
                write!(
                    f,
                    "{}元,扣除已获{}元后剩余{}元",
                    limit.trim_end_matches('元'),
                    Human(*got),
                    Human(*left)
                )?;
            }
            (Some((got, left)), false) => {
                self.limit.write(lang, f)?;
                write!(
                    f,
                    " less {} already received = {}",
                    plain(*got),
                    plain(*left)
                )?;
            }
        }
        if self.relaxable {
            f.write_str(if zh {
                "(可以放宽)"
            } else {
                " (may be relaxed)"
            })?;
        }
        Ok(())
    }
}

impl Limit<'_> {
    fn write(&self, lang: Lang, f: &mut dyn Write) -> fmt::Result {
        match (self, lang) {
            (Limit::Said { zh, .. }, Lang::Zh) => f.write_str(zh),
            (Limit::Said { en, .. }, Lang::En) => f.write_str(en),
            (Limit::Amount { scope, amount }, Lang::Zh) => {
                write!(f, "{} {}元", scope.zh(), Human(*amount))
            }
            (Limit::Amount { scope, amount }, Lang::En) => {
                write!(f, "{}: {}", scope.en(), plain(*amount))
            }
            (
                Limit::Share {
                    fact,
                    value,
                    rate,
                    limit,
                    ..
                },
                Lang::Zh,
            ) => write!(
                f,
                "不超过{} {}元的{} = {}元",
                fact.field().zh,
                Human(*value),
                percent(*rate),
                Human(*limit)
            ),
            (
                Limit::Share {
                    scope,
                    fact,
                    value,
                    rate,
                    limit,
                },
                Lang::En,
            ) => write!(
                f,
                "{}: {} of {} {} = {}",
                scope.en(),
                percent(*rate),
                fact.field().en,
                Human(*value),
                plain(*limit)
            ),
        }
    }
}

impl Entered<'_> {
    fn write(&self, lang: Lang, f: &mut dyn Write) -> fmt::Result {
        let zh = lang == Lang::Zh;
        match self {
            Entered::Flag(b) => f.write_str(match (b, zh) {
                (true, true) => "是",
                (true, false) => "yes",
                (false, true) => "否",
                (false, false) => "no",
            }),
            Entered::Money(d) => write!(f, "{}{}", Human(*d), if zh { "元" } else { " yuan" }),
            Entered::Percent(d) => write!(f, "{}%", d.normalize()),
            Entered::Number {
                value,
                unit,
                measure,
            } => {
                // A derived measure (an average) is shown truncated, never rounded up to a threshold.
                let (h, about) = if *measure {
                    crate::money::truncated(*value, 4)
                } else {
                    (human(*value), false)
                };
                // "8,000 m²" but "12家": a space before Latin units only.
                let sep = if !zh && unit.chars().next().is_some_and(|c| (c as u32) < 0x2E80) {
                    " "
                } else {
                    ""
                };
                let about = match (about, zh) {
                    (false, _) => "",
                    (true, true) => "约",
                    (true, false) => "about ",
                };
                write!(f, "{about}{h}{sep}{unit}")
            }
            Entered::Choices(labels) if labels.is_empty() => {
                f.write_str(if zh { "无" } else { "none" })
            }
            Entered::Choices(labels) => {
                for (i, (z, e)) in labels.iter().enumerate() {
                    if i > 0 {
                        f.write_str(if zh { "、" } else { ", " })?;
                    }
                    f.write_str(if zh { z } else { e })?;
                }
                Ok(())
            }
            Entered::Date(Some(d)) => write!(f, "{d}"),
            Entered::Date(None) => f.write_str(if zh { "未填写" } else { "not given" }),
            Entered::Text(t) => f.write_str(t),
        }
    }
}

/// What was entered for a field, as a failed condition shows it.
pub fn entered<'a>(value: &crate::input::Val, ty: Ty, unit: &'a str) -> Entered<'a> {
    use crate::input::{Val, choice_label};
    match (value, ty) {
        (Val::Flag(b), _) => Entered::Flag(*b),
        (Val::Num(d), Ty::Money) => Entered::Money(*d),
        (Val::Num(d), Ty::Percent) => Entered::Percent(*d),
        (Val::Num(d), ty) => Entered::Number {
            value: *d,
            unit,
            measure: ty == Ty::Measure,
        },
        (Val::Choice(x), _) => Entered::Choices(vec![choice_label(x)]),
        (Val::Set(s), _) => Entered::Choices(s.iter().map(|x| choice_label(x)).collect()),
        (Val::Date(d), _) => Entered::Date(*d),
        (Val::Text(t), _) => Entered::Text(t.clone()),
    }
}
