//! The parts of a line: a cap (its limit, what was taken off it, whether it may be relaxed) and
//! what was entered for a condition, each written in one language; the date texts of a document.
use super::{CapLine, Entered, In, Lang, Limit};
use crate::date::Date;
use crate::input::Ty;
use crate::money::{Human, human, percent, round_yuan};
use crate::rulebook::Document;
use rust_decimal::Decimal;
use std::fmt::{self, Write};

/// "5000000" style for cap labels (the contract's binding_cap format).
fn plain(d: Decimal) -> Decimal {
    round_yuan(d).normalize()
}

/// A document's date text of the rule data, with `{as_of}`, `{from}`, `{to}` filled in.
pub(super) fn fill(text: &str, doc: &Document, as_of: Date) -> String {
    let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
    text.replace("{as_of}", &as_of.to_string())
        .replace("{from}", &d(doc.valid_from))
        .replace("{to}", &d(doc.valid_to))
}

impl CapLine<'_> {
    /// The cap in one language.
    pub fn text(&self, lang: Lang) -> String {
        In(self, lang).to_string()
    }

    /// The cap as a page shows it to a reader: in English with separators ("per enterprise per
    /// year: 8,000,000"), where `text` keeps the contract's plain figures ("8000000").
    pub fn shown(&self, lang: Lang) -> String {
        let plain = self.text(lang);
        if lang == Lang::Zh {
            return plain;
        }
        let mut figures = vec![match self.limit {
            Limit::Said { amount, .. } | Limit::Amount { amount, .. } => amount,
            Limit::Share { limit, .. } => limit,
        }];
        if let Some((got, left)) = self.less {
            figures.extend([got, left]);
        }
        // Each whole figure of the text (a run of digits and points) that is one of the cap's,
        // written with separators; nothing inside a longer figure.
        let mut out = String::with_capacity(plain.len() + 8);
        let mut rest = plain.as_str();
        while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
            out.push_str(&rest[..start]);
            let run = &rest[start..];
            let end = run
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .unwrap_or(run.len());
            let token = run[..end].trim_end_matches('.');
            match figures
                .iter()
                .find(|d| self::plain(**d).to_string() == token)
            {
                Some(d) => out.push_str(&human(*d)),
                None => out.push_str(token),
            }
            rest = &run[token.len()..];
        }
        out.push_str(rest);
        out
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
                // In a plan, what was received is the years before's figures, taken as paid.
                let got_words = if self.carried {
                    "此前各年计入(按各年金额全额拨付计)"
                } else {
                    "已获"
                };
                write!(
                    f,
                    "{}元,扣除{got_words}{}元后剩余{}元",
                    limit.trim_end_matches('元'),
                    Human(*got),
                    Human(*left)
                )?;
            }
            (Some((got, left)), false) => {
                self.limit.write(lang, f)?;
                let got_words = if self.carried {
                    "counted in the years before (taken as paid in full)"
                } else {
                    "already received"
                };
                write!(f, " less {} {got_words} = {}", plain(*got), plain(*left))?;
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
                "{} {}元的{} = {}元",
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
    pub(super) fn write(&self, lang: Lang, f: &mut dyn Write) -> fmt::Result {
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
                // "8,000 m²"; "12家" in Chinese, and in English "12" (a Chinese counter word is no
                // English unit: the field's name says what is counted).
                let latin = unit.chars().next().is_some_and(|c| (c as u32) < 0x2E80);
                let (sep, unit) = match (zh, latin) {
                    (true, _) => ("", *unit),
                    (false, true) => (" ", *unit),
                    (false, false) => ("", ""),
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
        (Val::Num(d), Ty::Percent | Ty::Growth) => Entered::Percent(*d),
        (Val::Num(d), Ty::Amounts) => Entered::Money(*d),
        (Val::List(l), _) => Entered::Money(l.iter().sum()),
        (Val::Num(d), ty) => Entered::Number {
            value: *d,
            unit,
            measure: ty == Ty::Measure,
        },
        (Val::Choice(x), _) => Entered::Choices(vec![choice_label(x)]),
        (Val::Set(s), _) => Entered::Choices(s.iter().map(|x| choice_label(x)).collect()),
        (Val::Date(d), _) => Entered::Date(*d),
        (Val::Text(t), _) => Entered::Text(t.to_string()),
    }
}
