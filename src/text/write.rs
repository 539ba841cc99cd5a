//! Writes a line in one language: the words of each kind of step, with its figures.
use super::parts::fill;
use super::{In, Lang, Line};
use crate::input::choice_label;

/// A choice value's label in one language.
fn choice_in(value: &str, zh: bool) -> &'static str {
    let (z, e) = choice_label(value);
    if zh { z } else { e }
}
use crate::money::{Human, Precise, fixed2};
use std::fmt::{self, Write};

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
            Line::Case {
                zh: z,
                en,
                figure,
            } => match (zh, figure) {
                (true, Some(x)) => write!(f, "{z}({}元)", Human(*x)),
                (false, Some(x)) => write!(f, "{en} ({})", Human(*x)),
                (true, None) => f.write_str(z),
                (false, None) => f.write_str(en),
            },
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
                // A product before its rounding shows every decimal it has (300,000.015), so the
                // parts add up to the sum shown and the rounding step says where the cent went.
                true => write!(f, "{z} {}元 × {pct} = {}元", Human(*value), Precise(*part)),
                false => write!(f, "{en} {} × {pct} = {}", Human(*value), Precise(*part)),
            },
            Line::Sum { parts, total } => {
                f.write_str(pick("合计 ", "sum "))?;
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" + ")?;
                    }
                    write!(f, "{}", Precise(*p))?;
                }
                write!(f, " = {}{}", Precise(*total), pick("元", ""))
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
            Line::Fixed {
                exact,
                amount,
                reform,
            } => match (zh, exact, reform) {
                (true, true, false) => write!(f, "定额奖励 {}元", Human(*amount)),
                (false, true, false) => write!(f, "a fixed award of {}", Human(*amount)),
                (true, false, false) => write!(f, "条款规定最高 {}元", Human(*amount)),
                (false, false, false) => write!(f, "the clause's maximum: {}", Human(*amount)),
                (true, true, true) => write!(f, "测算方案定额 {}元", Human(*amount)),
                (false, true, true) => write!(f, "a fixed award under the reform: {}", Human(*amount)),
                (true, false, true) => write!(f, "测算方案最高 {}元", Human(*amount)),
                (false, false, true) => write!(f, "the most under the reform: {}", Human(*amount)),
            },
            Line::Deduct {
                zh: z,
                en,
                from,
                less,
                left,
            } => match (zh, from >= less) {
                (true, true) => write!(
                    f,
                    "{z}:{}元 − {}元 = {}元",
                    Human(*from),
                    Human(*less),
                    Human(*left)
                ),
                (false, true) => write!(
                    f,
                    "{en}: {} − {} = {}",
                    Human(*from),
                    Human(*less),
                    Human(*left)
                ),
                // Already received more than this award: nothing left (never "200,000 − 500,000 = 0").
                (true, false) => write!(
                    f,
                    "{z}:此前已获{}元,不低于本项{}元,差额为{}元",
                    Human(*less),
                    Human(*from),
                    Human(*left)
                ),
                (false, false) => write!(
                    f,
                    "{en}: {} already received is not below this award's {}: {} left",
                    Human(*less),
                    Human(*from),
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
            Line::Capped(cap) => match zh {
                true => {
                    f.write_str("封顶:")?;
                    cap.write(lang, f)
                }
                false => write!(f, "capped ({})", cap.shown(lang)),
            },
            Line::Within(cap) => match zh {
                true => {
                    f.write_str("未超过")?;
                    cap.write(lang, f)
                }
                false => write!(f, "within the cap ({})", cap.shown(lang)),
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
                    match zh {
                        true => write!(f, "「{name}」")?,
                        false => write!(f, " \"{name}\"")?,
                    }
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
                carried,
                entered,
            } => match (zh, fact.field()) {
                (true, field) => {
                    let how = if *carried { "此前各年结转" } else { "已填" };
                    write!(f, "{z}({how}:{}:", field.zh)?;
                    entered.write(lang, f)?;
                    f.write_char(')')
                }
                (false, field) => {
                    let how = if *carried {
                        "carried from the years before"
                    } else {
                        "entered"
                    };
                    write!(f, "{en} ({how}: {}: ", field.en)?;
                    entered.write(lang, f)?;
                    f.write_char(')')
                }
            },
            Line::PaidOnce { zh: z, en, year } => match zh {
                true => write!(f, "{z}:已在{year}那一年计入,不再重复计算"),
                false => write!(f, "{en}: already counted in the year of {year}, not again"),
            },
            Line::OnceEach {
                zh: z,
                en,
                now,
                before,
            } => {
                f.write_str(if zh { z } else { en })?;
                f.write_str(pick(":本次计入", ": counted now for "))?;
                for (i, v) in now.iter().enumerate() {
                    f.write_str(if i == 0 { "" } else { pick("、", ", ") })?;
                    f.write_str(choice_in(v, zh))?;
                }
                for (i, (v, year)) in before.iter().enumerate() {
                    f.write_str(if i == 0 { pick(";此前已计入", "; counted before: ") } else { pick("、", ", ") })?;
                    f.write_str(choice_in(v, zh))?;
                    write!(f, "{}{year}{}", pick("(", " ("), pick(")", ")"))?;
                }
                Ok(())
            }
            Line::StageCounted { now, counted, year } => {
                f.write_str(pick("阶段“", "stage \""))?;
                f.write_str(choice_in(now, zh))?;
                f.write_str(pick("”不晚于已在", "\" is not later than \""))?;
                if zh {
                    write!(f, "{year}那一年计入的阶段“{}”", choice_in(counted, zh))?;
                } else {
                    write!(f, "{}\", counted in the year of {year}", choice_in(counted, zh))?;
                }
                f.write_str(pick(
                    ":各阶段依次只计一次,本年不再计入",
                    ": each stage counts once, in order; not counted this year",
                ))
            }
            Line::PaidOnceEach { zh: z, en, before } => {
                f.write_str(if zh { z } else { en })?;
                for (i, (v, year)) in before.iter().enumerate() {
                    f.write_str(if i == 0 { pick(":", ": ") } else { pick(",", ", ") })?;
                    f.write_str(choice_in(v, zh))?;
                    write!(f, "{}{year}{}", pick("已在", " already counted in the year of "), pick("那一年计入", ""))?;
                }
                f.write_str(pick(",不再重复计算", "; not again"))
            }
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
                false if *n == 1 => f.write_str(
                    "1 further award has no fixed figure (a range, an amount to be set, or case by case) and is not in the totals.",
                ),
                false => write!(
                    f,
                    "{n} further awards have no fixed figure (a range, an amount to be set, or case by case) and are not in the totals."
                ),
            },
            Line::Unused(facts) => {
                f.write_str(pick(
                    "以下所填字段不适用于本地区的任何条款,未参与计算:",
                    "these fields entered apply to no clause of this region and were not used: ",
                ))?;
                for (i, fact) in facts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(pick("、", ", "))?;
                    }
                    let field = fact.field();
                    match (zh, fact) {
                        (true, crate::input::FactRef::Scenario(_)) => {
                            write!(f, "应用场景项目·{}", field.zh)?
                        }
                        (true, _) => f.write_str(field.zh)?,
                        (false, crate::input::FactRef::Scenario(_)) => {
                            write!(f, "scenarios[].{}", field.path)?
                        }
                        (false, _) => f.write_str(field.path)?,
                    }
                }
                Ok(())
            }
            Line::YearsWithGap { earlier } => {
                let dates: Vec<String> = earlier.iter().map(|d| d.to_string()).collect();
                match zh {
                    true => write!(
                        f,
                        "此前计入的年份为{},连同本年并不连续(其间有未获该项奖励的年份);原文的年限(“连续”或“期限”)是否因此中断,以主管部门认定为准",
                        dates.join("、")
                    ),
                    false => write!(
                        f,
                        "counted before in {}: with this year, not consecutive years (a year without this award in between); whether the text's term of years (\"consecutive\", or a period) runs across that gap is for the authority to decide",
                        dates.join(", ")
                    ),
                }
            }
            Line::SharedOverYears { earlier } => {
                let sep = if zh { "、" } else { ", " };
                let dates: Vec<String> = earlier.iter().map(|d| d.to_string()).collect();
                match zh {
                    true => write!(
                        f,
                        "本条金额是各阶段合计的上限,此前{}已计入:本年最高为该上限减去此前各阶段实际所得;全期合计只计一次",
                        dates.join(sep)
                    ),
                    false => write!(
                        f,
                        "this figure is one total over all stages, already counted in {}: this year's most is that total less what earlier stages actually paid; the plan's total counts it once",
                        dates.join(sep)
                    ),
                }
            }
            Line::Scaled { to, from } => match zh {
                // Separators, as every amount in the steps ("58,004.23元(原66,666.67元)").
                true => write!(f, "资金池不足,按比例调减:{}元(原{}元)", Human(*to), Human(*from)),
                false => write!(
                    f,
                    "scaled pro rata to fit the pool: {} of {}",
                    Human(*to),
                    Human(*from)
                ),
            },
        }
    }
}
