//! Caps, in the order the rule gives them: a fixed amount, a share of another figure, less what was
//! already received; the one that binds is named (and may be relaxable).
use super::*;

/// Applies the caps in order; returns the capped figure and the cap that bound it (if any). The cap
/// is data (its limit and figures), so it is known in a figures-only evaluation too.
pub(super) fn apply_caps<'a>(
    app: &Application,
    caps: &'a [Cap],
    base: Decimal,
    sc: Option<&At<'_>>,
    steps: &mut Vec<Line<'a>>,
) -> (Decimal, Option<CapLine<'a>>) {
    let full = app.detail == Detail::Full;
    let mut amount = base;
    let mut binding = None;
    for cap in caps {
        let relaxable = cap
            .relaxable_if
            .is_some_and(|w| app.value(w.0, sc).is_set());
        let (mut limit, said) = match (cap.amount, cap.rate, cap.fact) {
            (Some(a), _, _) => (
                a.0,
                match &cap.label {
                    Some((zh, en)) => Limit::Said {
                        zh,
                        en,
                        amount: a.0,
                    },
                    None => Limit::Amount {
                        scope: cap.scope,
                        amount: a.0,
                    },
                },
            ),
            (None, Some(r), Some(fact)) => {
                let value = app.value(fact.0, sc).num();
                let lim = value * r.0;
                (
                    lim,
                    Limit::Share {
                        scope: cap.scope,
                        fact: fact.0,
                        value,
                        rate: r.0,
                        limit: lim,
                    },
                )
            }
            _ => continue,
        };
        let mut line = CapLine {
            limit: said,
            less: None,
            carried: false,
            relaxable: false,
        };
        if let Some(less) = cap.less {
            let got = app.value(less.0, sc).num();
            if got > Decimal::ZERO {
                let left = (limit - got).max(Decimal::ZERO);
                line.less = Some((got, left));
                line.carried = app.carried.contains(&less.0.field().path);
                limit = left;
            }
        }
        if amount > limit {
            if full {
                steps.push(Line::Capped(line));
            }
            if relaxable {
                // 可以放宽: the stated cap stays the figure; the rate figure is `uncapped`.
                if full {
                    steps.push(Line::Relaxed {
                        zh: cap.relaxed_zh.as_deref().unwrap_or(""),
                        en: cap.relaxed_en.as_deref().unwrap_or(""),
                        figure: amount,
                    });
                }
                line.relaxable = true;
            }
            amount = limit;
            binding = Some(line);
        } else if full {
            steps.push(Line::Within(line));
        }
    }
    (amount, binding)
}
