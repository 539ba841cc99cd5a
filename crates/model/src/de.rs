//! The custom readers of the rule data: values the rule files write as text (decimals, dates,
//! fact paths, thresholds) are parsed once here, with a message naming what is wrong.
use crate::date::Date;
use crate::fields::FactRef;
use crate::model::*;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::Deserializer;
use serde::de::{Error, MapAccess, Visitor};
use std::fmt;
use std::str::FromStr;

fn text<'de, De: Deserializer<'de>>(d: De) -> Result<String, De::Error> {
    String::deserialize(d)
}

impl<'de> Deserialize<'de> for D {
    fn deserialize<De: Deserializer<'de>>(d: De) -> Result<D, De::Error> {
        let t = text(d)?;
        Decimal::from_str(&t)
            .map(D)
            .map_err(|_| De::Error::custom(format!("not a decimal: {t}")))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<De: Deserializer<'de>>(d: De) -> Result<Date, De::Error> {
        let t = text(d)?;
        Date::parse(&t).ok_or_else(|| De::Error::custom(format!("bad date {t}")))
    }
}

impl<'de> Deserialize<'de> for Fact {
    fn deserialize<De: Deserializer<'de>>(d: De) -> Result<Fact, De::Error> {
        let t = text(d)?;
        FactRef::resolve(&t)
            .map(Fact)
            .ok_or_else(|| De::Error::custom(format!("unknown fact `{t}`")))
    }
}

impl<'de> Deserialize<'de> for Threshold {
    fn deserialize<De: Deserializer<'de>>(d: De) -> Result<Threshold, De::Error> {
        let text = text(d)?;
        Ok(Threshold {
            num: Decimal::from_str(&text).ok(),
            date: Date::parse(&text),
            text: text.into(),
        })
    }
}

/// `bound = "at_most" | "at_least"`: true for a floor.
pub fn bound<'de, De: Deserializer<'de>>(d: De) -> Result<bool, De::Error> {
    match text(d)?.as_str() {
        "at_most" => Ok(false),
        "at_least" => Ok(true),
        t => Err(De::Error::custom(format!("unknown value `{t}`"))),
    }
}

/// `per = "applicant" | "project"`: true for places counted in projects.
pub fn per_project<'de, De: Deserializer<'de>>(d: De) -> Result<bool, De::Error> {
    match text(d)?.as_str() {
        "applicant" => Ok(false),
        "project" => Ok(true),
        t => Err(De::Error::custom(format!("unknown value `{t}`"))),
    }
}

/// A count written as text ("10").
pub fn count<'de, De: Deserializer<'de>>(d: De) -> Result<u32, De::Error> {
    let t = text(d)?;
    t.parse()
        .map_err(|_| De::Error::custom(format!("not a whole number: {t}")))
}

/// A table (`{ a = "x", b = "y" }`) as pairs in key order.
pub fn pairs<'de, De, V>(d: De) -> Result<List<(Str, V)>, De::Error>
where
    De: Deserializer<'de>,
    V: Deserialize<'de> + Clone,
{
    struct Pairs<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de> + Clone> Visitor<'de> for Pairs<V> {
        type Value = Vec<(Str, V)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a table")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<Self::Value, M::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = m.next_entry::<String, V>()? {
                out.push((Str::from(k), v));
            }
            Ok(out)
        }
    }
    d.deserialize_map(Pairs(std::marker::PhantomData))
        .map(List::from)
}
