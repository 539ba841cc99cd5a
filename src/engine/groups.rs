//! Stacking groups: "highest" pays the best member only; "stack" says the members add up.
use super::*;

/// Stacking groups: "highest" keeps the best member and leaves the others out of the totals;
/// "stack" says in each member that the source lets them add up. A group says something only when
/// more than one of its members pays: a note about a partner award that is not there would be false.
pub(super) fn apply_groups(book: &RuleBook, awards: &mut [Award], notes: &mut Vec<Bi>, full: bool) {
    for g in &book.groups {
        let paying: Vec<usize> = awards
            .iter()
            .enumerate()
            .filter(|(_, a)| a.value.is_some() && g.members.iter().any(|m| m == a.id))
            .map(|(i, _)| i)
            .collect();
        if paying.len() < 2 {
            continue;
        }
        match g.mode {
            GroupMode::Stack => {
                for i in &paying {
                    awards[*i].stacking = Some(Stacking {
                        group: g.id.to_string(),
                        mode: "stack",
                        counted: true,
                        note: g.en.to_string(),
                        note_zh: g.zh.to_string(),
                    });
                }
                add(notes, t!(full, g.zh.clone(), g.en.clone()));
            }
            GroupMode::Highest => {
                let Some(best) = paying
                    .iter()
                    .copied()
                    .max_by(|a, b| awards[*a].value.cmp(&awards[*b].value).then(b.cmp(a)))
                else {
                    continue;
                };
                let best_id = awards[best].id;
                for i in &paying {
                    let counted = *i == best;
                    let (note, note_zh) = if counted {
                        (
                            format!(
                                "{} — this award is the highest of the group and is the one paid",
                                g.en
                            ),
                            format!("{}——本项金额最高,按本项享受", g.zh),
                        )
                    } else {
                        (
                            format!(
                                "{} — {best_id} pays more, so this award is not counted",
                                g.en
                            ),
                            format!("{}——{best_id}金额更高,本项不计入合计", g.zh),
                        )
                    };
                    awards[*i].in_totals = awards[*i].in_totals && counted;
                    awards[*i].stacking = Some(Stacking {
                        group: g.id.to_string(),
                        mode: "highest",
                        counted,
                        note,
                        note_zh,
                    });
                }
                add(
                    notes,
                    t!(
                        full,
                        format!("{}:按“从优、就高、不重复”只计{best_id}", g.zh),
                        format!("{}: only {best_id} is counted (从优、就高、不重复)", g.en),
                    ),
                );
            }
        }
    }
}
