//! Conditions: whether one holds (with a relaxed threshold where the rule gives one), and the reason
//! it fails, naming what was entered in each language.
use super::*;

/// A condition's requirement, for "what would qualify".
pub(super) fn requirement(c: &Cond) -> Line<'_> {
    Line::Said {
        zh: c.zh.as_deref().unwrap_or(""),
        en: c.en.as_deref().unwrap_or(""),
    }
}

/// Whether a condition holds, with the threshold actually used (a relaxed one may apply).
pub(super) fn holds<'a>(
    app: &Application,
    c: &'a Cond,
    sc: Option<&At<'_>>,
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
pub(super) fn failing_reason<'a>(
    app: &Application,
    c: &'a Cond,
    sc: Option<&At<'_>>,
) -> Option<Line<'a>> {
    let (ok, relaxed) = holds(app, c, sc);
    if ok {
        return None;
    }
    // A relaxed threshold whose own conditions hold is the one the applicant missed.
    let (zh, en) = match c.relaxed.as_ref() {
        Some(r) if relaxed.is_none() && r.when.iter().all(|w| holds(app, w, sc).0) => {
            (r.zh.as_str(), r.en.as_str())
        }
        _ => (c.zh.as_deref().unwrap_or(""), c.en.as_deref().unwrap_or("")),
    };
    let field = c.fact.0.field();
    Some(Line::Missed {
        zh,
        en,
        fact: c.fact.0,
        carried: app.carried.contains(&field.path),
        entered: entered(
            app.value(c.fact.0, sc),
            field.ty,
            c.unit.as_deref().unwrap_or(""),
        ),
    })
}
