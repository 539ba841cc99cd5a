//! Caps, in the order the rule gives them: a fixed amount, a share of another figure, less what was
//! already received; the one that binds is named (and may be relaxable).
use super::*;

/// Applies the caps in order; returns the capped figure and the cap that bound it (if any).
pub(super) fn apply_caps(
    app: &Application,
    caps: &[Cap],
    base: Decimal,
    sc: Option<&Scenario>,
    steps: &mut Vec<Bi>,
) -> (Decimal, Option<Bi>) {
    let full = app.detail == Detail::Full;
    let mut amount = base;
    let mut binding = None;
    for cap in caps {
        let relaxable = cap
            .relaxable_if
            .is_some_and(|w| app.value(w.0, sc).is_set());
        let (mut limit, mut label) = match (cap.amount, cap.rate, cap.fact) {
            (Some(a), _, _) => (
                a.0,
                match &cap.label {
                    Some((zh, en)) => t!(full, zh.as_str(), en.as_str()),
                    None => t!(
                        full,
                        format!("{} {}元", cap.scope.zh(), human(a.0)),
                        format!("{}: {}", cap.scope.en(), plain(a.0)),
                    ),
                },
            ),
            (None, Some(r), Some(fact)) => {
                let v = app.value(fact.0, sc).num();
                let lim = v * r.0;
                let field = fact.0.field();
                (
                    lim,
                    t!(
                        full,
                        format!(
                            "不超过{} {}元的{} = {}元",
                            field.zh,
                            human(v),
                            percent(r.0),
                            human(lim)
                        ),
                        format!(
                            "{}: {} of {} {} = {}",
                            cap.scope.en(),
                            percent(r.0),
                            field.en,
                            human(v),
                            plain(lim)
                        ),
                    ),
                )
            }
            _ => continue,
        };
        if let Some(less) = cap.less {
            let got = app.value(less.0, sc).num();
            if got > Decimal::ZERO {
                let left = (limit - got).max(Decimal::ZERO);
                label = t!(
                    full,
                    format!(
                        "{}元,扣除已获{}元后剩余{}元",
                        label.zh.trim_end_matches('元'),
                        human(got),
                        human(left)
                    ),
                    format!(
                        "{} less {} already received = {}",
                        label.en,
                        plain(got),
                        plain(left)
                    ),
                );
                limit = left;
            }
        }
        if amount > limit {
            add(
                steps,
                t!(
                    full,
                    format!("封顶:{}", label.zh),
                    format!("capped at {}", label.en),
                ),
            );
            if relaxable {
                // 可以放宽: the stated cap stays the figure; the rate figure is `uncapped`.
                add(
                    steps,
                    t!(
                        full,
                        format!(
                            "{}(按比例计算为{}元)",
                            cap.relaxed_zh.as_deref().unwrap_or(""),
                            human(amount)
                        ),
                        format!(
                            "{} (the rate gives {})",
                            cap.relaxed_en.as_deref().unwrap_or(""),
                            human(amount)
                        ),
                    ),
                );
                label = t!(
                    full,
                    format!("{}(可以放宽)", label.zh),
                    format!("{} (may be relaxed)", label.en),
                );
            }
            amount = limit;
            binding = Some(label);
        } else {
            add(
                steps,
                t!(
                    full,
                    format!("未超过{}", label.zh),
                    format!("within the cap ({})", label.en),
                ),
            );
        }
    }
    (amount, binding)
}

/// "5000000" style for cap labels (the contract's binding_cap format).
pub(super) fn plain(d: Decimal) -> String {
    round_yuan(d).normalize().to_string()
}
