//! Conditions: whether one holds (with a relaxed threshold where the rule gives one), and the reason
//! it fails, naming what was entered in each language.
use super::*;

/// The requirement text of a condition, for "what would qualify".
pub(super) fn requirement(c: &Cond, full: bool) -> Bi {
    t!(
        full,
        c.zh.clone().unwrap_or_default(),
        c.en.clone().unwrap_or_default(),
    )
}

/// Whether a condition holds, with the threshold actually used (a relaxed one may apply).
pub(super) fn holds<'a>(
    app: &Application,
    c: &'a Cond,
    sc: Option<&Scenario>,
) -> (bool, Option<&'a crate::rulebook::Relaxed>) {
    let relaxed = c
        .relaxed
        .as_ref()
        .filter(|r| r.when.iter().all(|w| holds(app, w, sc).0));
    let value = relaxed.map(|r| &r.value).or(c.value.as_ref());
    let v = app.value(c.fact.0, sc);
    let ok = match c.op {
        Op::IsTrue => matches!(v, Val::Flag(true)),
        Op::IsFalse => matches!(v, Val::Flag(false)),
        Op::Eq => matches!(v, Val::Choice(x) if value.is_some_and(|t| t.text == *x)),
        Op::In => matches!(v, Val::Choice(x) if c.values.iter().any(|y| y == x)),
        Op::Contains => {
            matches!(&v, Val::Set(s) if s.iter().any(|x| value.is_some_and(|t| t.text == *x)))
        }
        Op::ContainsAny => {
            matches!(&v, Val::Set(s) if s.iter().any(|x| c.values.iter().any(|y| y == x)))
        }
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => match v {
            Val::Date(None) => false,
            Val::Date(Some(d)) => value
                .and_then(|t| t.date)
                .is_some_and(|t| compare(c.op, *d, t)),
            other => value
                .and_then(|t| t.num)
                .is_some_and(|t| compare(c.op, other.num(), t)),
        },
    };
    (ok, relaxed)
}

pub(super) fn compare<T: PartialOrd>(op: Op, a: T, b: T) -> bool {
    match op {
        Op::Gt => a > b,
        Op::Gte => a >= b,
        Op::Lt => a < b,
        Op::Lte => a <= b,
        _ => false,
    }
}

/// The reason a condition fails, naming what was entered; None when it holds. Each language's
/// line is wholly in that language (choice values by their labels, not their keys).
pub(super) fn failing_reason(app: &Application, c: &Cond, sc: Option<&Scenario>) -> Option<Bi> {
    let (ok, relaxed) = holds(app, c, sc);
    if ok {
        return None;
    }
    if app.detail == Detail::Figures {
        return Some(Bi::default());
    }
    // A relaxed threshold whose own conditions hold is the one the applicant missed.
    let (req_zh, req_en) = match c.relaxed.as_ref() {
        Some(r) if relaxed.is_none() && r.when.iter().all(|w| holds(app, w, sc).0) => {
            (r.zh.as_str(), r.en.as_str())
        }
        _ => (c.zh.as_deref().unwrap_or(""), c.en.as_deref().unwrap_or("")),
    };
    let unit = c.unit.as_deref().unwrap_or("");
    let v = app.value(c.fact.0, sc);
    let field = c.fact.0.field();
    let labels = |xs: &[&str], en: bool| {
        xs.iter()
            .map(|x| {
                let (zh, e) = crate::input::choice_label(x);
                if en { e } else { zh }
            })
            .collect::<Vec<_>>()
            .join(if en { ", " } else { "、" })
    };
    let (shown_zh, shown_en): (String, String) = match (v, field.ty) {
        (Val::Flag(true), _) => ("是".into(), "yes".into()),
        (Val::Flag(false), _) => ("否".into(), "no".into()),
        (Val::Num(d), Ty::Money) => {
            let h = human(*d);
            (format!("{h}元"), format!("{h} yuan"))
        }
        (Val::Num(d), Ty::Percent) => {
            let p = format!("{}%", d.normalize());
            (p.clone(), p)
        }
        (Val::Num(d), ty) => {
            // A derived measure (an average) is shown truncated, never rounded up to a threshold.
            let (h, about) = if ty == Ty::Measure {
                crate::money::truncated(*d, 4)
            } else {
                (human(*d), false)
            };
            // "8,000 m²" but "12家": a space before Latin units only.
            let sep = if unit.chars().next().is_some_and(|c| (c as u32) < 0x2E80) {
                " "
            } else {
                ""
            };
            (
                format!("{}{h}{unit}", if about { "约" } else { "" }),
                format!("{}{h}{sep}{unit}", if about { "about " } else { "" }),
            )
        }
        (Val::Choice(x), _) => (labels(&[x], false), labels(&[x], true)),
        (Val::Set(s), _) if s.is_empty() => ("无".into(), "none".into()),
        (Val::Set(s), _) => (labels(s, false), labels(s, true)),
        (Val::Date(Some(d)), _) => (d.to_string(), d.to_string()),
        (Val::Date(None), _) => ("未填写".into(), "not given".into()),
        (Val::Text(t), _) => (t.clone(), t.clone()),
    };
    let mut zh = String::with_capacity(req_zh.len() + field.zh.len() + shown_zh.len() + 16);
    zh.push_str(req_zh);
    zh.push_str("(已填:");
    zh.push_str(field.zh);
    zh.push(':');
    zh.push_str(&shown_zh);
    zh.push(')');
    let mut en = String::with_capacity(req_en.len() + field.en.len() + shown_en.len() + 16);
    en.push_str(req_en);
    en.push_str(" (entered: ");
    en.push_str(field.en);
    en.push_str(": ");
    en.push_str(&shown_en);
    en.push(')');
    Some(Bi { zh, en })
}
