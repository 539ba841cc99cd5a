//! Numbers as people type them into the form: full-width digits, separators, 万 / 元 suffixes.
use super::{Msg, Unit};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use subsidy_calc::input::{self, Ty};
use subsidy_calc::money::parse_plain;

/// Full-width digits and punctuation to ASCII; separators and spaces removed.
fn normalize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '－' | '—' => Some('-'),
            '％' => Some('%'),
            ',' | '，' | '、' | '\'' | ' ' | '\u{3000}' | '\u{a0}' | '_' => None,
            c => Some(c),
        })
        .collect()
}

/// Reads an amount typed by a person: "1,250.5", "１２５０．５", "1250.5万", "12,505,000元". Without a
/// suffix the unit switch decides. `Ok(None)` for an empty box.
pub fn parse_amount(text: &str, unit: Unit) -> Result<Option<Decimal>, Msg> {
    let t = normalize(text);
    if t.is_empty() {
        return Ok(None);
    }
    let (num, wan) = if let Some(n) = t.strip_suffix("万元").or_else(|| t.strip_suffix('万')) {
        (n, true)
    } else if let Some(n) = t.strip_suffix('元') {
        (n, false)
    } else {
        (t.as_str(), unit == Unit::Wan)
    };
    let d = parse_plain(num, if wan { 6 } else { 2 }).map_err(|e| amount_error(e, wan))?;
    let yuan = if wan { d * Decimal::from(10_000) } else { d };
    if yuan > Decimal::from(input::MAX_MONEY) {
        return Err(Msg::new(
            "金额过大:最多10000亿元",
            "too large: at most 1,000,000,000,000 yuan",
        ));
    }
    Ok(Some(yuan.normalize()))
}

fn amount_error(e: &str, wan: bool) -> Msg {
    match e {
        "must not be negative" => Msg::new("金额不能为负数", "an amount cannot be negative"),
        "more than two decimal places" | "must be a whole number" => {
            if wan {
                Msg::new(
                    "万元最多6位小数(精确到分)",
                    "at most 6 decimals in 万元 (to the fen)",
                )
            } else {
                Msg::new(
                    "元最多2位小数(精确到分)",
                    "at most 2 decimals in yuan (to the fen)",
                )
            }
        }
        "absurdly large" => Msg::new("金额过大", "too large"),
        _ => Msg::new(
            "请输入数字,例如 1250.5 或 1,250.5万",
            "enter a number, e.g. 1250.5 or 1,250.5万",
        ),
    }
}

/// Amounts of several projects typed in one box, separated by ";" or "；" (a comma may be a
/// thousands separator): one amount as one, several as a list. `Ok(None)` for an empty box.
pub(super) fn parse_amounts(text: &str, unit: Unit) -> Result<Option<Value>, Msg> {
    let mut list = Vec::new();
    let parts: Vec<&str> = text.split([';', '；']).collect();
    for (i, part) in parts.iter().enumerate() {
        match parse_amount(part, unit) {
            Ok(Some(d)) => list.push(json!(d.to_string())),
            Ok(None) if parts.len() == 1 => return Ok(None),
            Ok(None) => {}
            Err(m) if parts.len() == 1 => return Err(m),
            Err(m) => {
                return Err(Msg::new(
                    format!("第{}个项目:{}", i + 1, m.zh),
                    format!("project {}: {}", i + 1, m.en),
                ));
            }
        }
    }
    Ok(match list.len() {
        0 => None,
        1 => list.pop(),
        _ => Some(Value::Array(list)),
    })
}

/// A count or percentage typed by a person (full-width digits and separators allowed); a change
/// in percent may be negative.
pub(super) fn parse_number(text: &str, ty: Ty) -> Result<Option<Value>, Msg> {
    let t = normalize(text);
    let t = t.trim_end_matches('%');
    if t.is_empty() {
        return Ok(None);
    }
    if ty == Ty::Growth {
        let (minus, body) = match t.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", t),
        };
        return match parse_plain(body, 2) {
            Ok(d) => Ok(Some(json!(format!("{minus}{d}")))),
            Err(_) => Err(Msg::new(
                "请输入百分比,可为负数(如 -10 或 150),最多2位小数",
                "enter a percentage, negative allowed (e.g. -10 or 150), at most 2 decimals",
            )),
        };
    }
    let decimals = if ty == Ty::Percent { 2 } else { 0 };
    match parse_plain(t, decimals) {
        Ok(d) => Ok(Some(json!(d.to_string()))),
        Err("must not be negative") => Err(Msg::new("不能为负数", "cannot be negative")),
        Err(_) if ty == Ty::Percent => Err(Msg::new(
            "请输入0–100的百分比,最多2位小数",
            "enter a percentage 0–100, at most 2 decimals",
        )),
        Err(_) => Err(Msg::new("请输入整数", "enter a whole number")),
    }
}
