//! Stacking groups: "highest" pays the best member only; "stack" says the members add up.
use super::*;

/// Stacking groups: "highest" keeps the best member and leaves the others out of the totals;
/// "stack" says in each member that the source lets them add up. A group says something only when
/// more than one of its members pays: a note about a partner award that is not there would be false.
pub(super) fn apply_groups<'a>(
    book: &'a RuleBook,
    awards: &mut [Award<'a>],
    notes: &mut Vec<Line<'a>>,
    full: bool,
) {
    for g in &book.groups {
        let paying: Vec<usize> = awards
            .iter()
            .enumerate()
            .filter(|(_, a)| a.amount.is_some() && g.members.iter().any(|m| m == a.id))
            .map(|(i, _)| i)
            .collect();
        if paying.len() < 2 {
            continue;
        }
        match g.mode {
            GroupMode::Stack => {
                for i in &paying {
                    awards[*i].stacking = Some(Stacking {
                        group: &g.id,
                        mode: "stack",
                        counted: true,
                        note: said((&g.zh, &g.en)),
                    });
                }
                if full {
                    notes.push(said((&g.zh, &g.en)));
                }
            }
            GroupMode::Highest => {
                let Some(best) = paying
                    .iter()
                    .copied()
                    .max_by(|a, b| awards[*a].value().cmp(&awards[*b].value()).then(b.cmp(a)))
                else {
                    continue;
                };
                let best_id = awards[best].id;
                for i in &paying {
                    let counted = *i == best;
                    awards[*i].in_totals = awards[*i].in_totals && counted;
                    awards[*i].stacking = Some(Stacking {
                        group: &g.id,
                        mode: "highest",
                        counted,
                        note: Line::Highest {
                            zh: &g.zh,
                            en: &g.en,
                            best: best_id,
                            paid: counted,
                        },
                    });
                }
                if full {
                    notes.push(Line::OnlyBest {
                        zh: &g.zh,
                        en: &g.en,
                        best: best_id,
                    });
                }
            }
        }
    }
}
