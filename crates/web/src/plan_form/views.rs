//! What the plan page shows, from the engine's plan result: the year-by-year table of clauses, the
//! figures per family for the stacked chart, the policies' end dates within the plan, the
//! comparison of regions with what makes each figure, and the CSV.
use super::*;
use subsidy_calc::money::Yuan;

/// One award in one year of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub kind: Kind,
    /// The figure counted (exact or up to), if any.
    pub value: Option<Decimal>,
    /// What the cell shows: "12.5万" style amounts are the view's; this is the engine's text.
    pub text: Msg,
    /// Added to the year's totals (false: another clause of its group pays instead, or an equity
    /// investment such as 拨改投).
    pub counted: bool,
}

/// One clause across the years of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct AwardRow {
    pub id: String,
    pub title: Msg,
    pub family: Family,
    pub draft: bool,
    /// Per year: None where the clause does not apply that year.
    pub cells: Vec<Option<Cell>>,
    /// The counted figures over the plan: their sum, or — for one total shared over the years (a
    /// staged award, "分阶段给予最高800万元") — counted once, as the plan's totals count it.
    pub sum: Decimal,
    /// The row is one total shared over the years (its `sum` counts it once).
    pub once: bool,
}

fn cell(a: &subsidy_calc::result::Award) -> Cell {
    let counted = a.in_totals && a.amount.is_some() && matches!(a.kind, Kind::Exact | Kind::UpTo);
    let yuan = |v: Decimal| Msg {
        zh: format!("{}元", human(v)),
        en: format!("¥{}", human(v)),
    };
    let text = match (a.kind, a.value()) {
        (Kind::Exact, Some(v)) => yuan(v),
        (Kind::UpTo, Some(v)) => {
            let t = yuan(v);
            Msg {
                zh: format!("最高{}", t.zh),
                en: format!("up to {}", t.en),
            }
        }
        (Kind::Range, _) => Msg {
            zh: format!("{}–{}元", or_unknown(a.min), or_unknown(a.max)),
            en: format!("¥{}–{}", or_unknown(a.min), or_unknown(a.max)),
        },
        (k, _) => Msg {
            zh: k.zh().into(),
            en: k.en().into(),
        },
    };
    Cell {
        kind: a.kind,
        value: a.value(),
        text,
        counted,
    }
}

/// The clauses that apply in at least one year, in the order the engine lists them.
pub fn award_rows(years: &[Outcome]) -> Vec<AwardRow> {
    let mut rows: Vec<AwardRow> = Vec::new();
    for (i, y) in years.iter().enumerate() {
        for a in y.awards.iter().filter(|a| a.kind != Kind::NotEligible) {
            let pos = match rows.iter().position(|r| r.id == a.id) {
                Some(p) => p,
                None => {
                    rows.push(AwardRow {
                        id: a.id.to_string(),
                        title: Msg {
                            zh: a.title_zh.into(),
                            en: a.title_en.into(),
                        },
                        family: a.family,
                        draft: a.source.status == Status::Draft,
                        cells: vec![None; years.len()],
                        sum: Decimal::ZERO,
                        once: subsidy_calc::rulebook::book()
                            .rule(a.id)
                            .is_some_and(|(_, r)| r.shared_over_years),
                    });
                    rows.len() - 1
                }
            };
            let c = cell(a);
            if c.counted {
                let v = c.value.unwrap_or_default();
                let row = &mut rows[pos];
                row.sum = if row.once {
                    row.sum.max(v)
                } else {
                    row.sum + v
                };
            }
            rows[pos].cells[i] = Some(c);
        }
    }
    rows
}

/// Per year, the counted figures (exact and up to) by family, in [`FAMILIES`] order: the stacked
/// chart's bars. Each year's bars add up to that year's `total.up_to`.
pub fn family_stack(years: &[Outcome]) -> Vec<[Decimal; 5]> {
    years
        .iter()
        .map(|y| {
            let mut out = [Decimal::ZERO; 5];
            for a in &y.awards {
                let c = cell(a);
                if c.counted
                    && let Some(i) = FAMILIES.iter().position(|f| *f == a.family)
                {
                    out[i] += c.value.unwrap_or_default();
                }
            }
            out
        })
        .collect()
}

/// A date within the plan where a document of the region ends (or, for a draft with an uncertain
/// end, may already have ended).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub date: Date,
    /// From this date the document may already have ended (the Wuhan draft).
    pub uncertain_from: Option<Date>,
    pub text: Msg,
}

/// The documents of a region that end within the plan's years.
pub fn end_markers(book: &RuleBook, region: &str, start: i32, years: usize) -> Vec<Marker> {
    let (Some(first), Some(last)) = (
        Date::parse(&format!("{start}-01-01")),
        Date::parse(&format!("{}-12-31", start + years as i32 - 1)),
    ) else {
        return Vec::new();
    };
    let Some(r) = book.region(region) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for d in r.documents.iter().filter_map(|k| book.document(k)) {
        let Some(to) = d.valid_to else { continue };
        if to < first || to > last {
            continue;
        }
        let draft = d.standing() == Status::Draft;
        let text = match d.uncertain_from {
            Some(u) => Msg {
                zh: format!("{}(征求意见稿)至迟{}止,{}起可能已过期", d.name_zh, to, u),
                en: format!(
                    "{} (draft for comment) ends {} at the latest; it may have ended from {}",
                    d.name_en, to, u
                ),
            },
            // A document that words its own end (a call's closing date is not a validity) says it.
            None if d.dates_zh.is_some() && d.dates_en.is_some() => Msg {
                zh: format!("{}:{}", d.name_zh, d.dates_zh.as_deref().unwrap_or("")),
                en: format!("{}: {}", d.name_en, d.dates_en.as_deref().unwrap_or("")),
            },
            None => Msg {
                zh: format!(
                    "{}{}有效期至{}",
                    d.name_zh,
                    if draft { "(征求意见稿)" } else { "" },
                    to
                ),
                en: format!(
                    "{}{} ends {}",
                    d.name_en,
                    if draft { " (draft for comment)" } else { "" },
                    to
                ),
            },
        };
        out.push(Marker {
            date: to,
            uncertain_from: d.uncertain_from,
            text,
        });
    }
    out.sort_by_key(|m| m.date);
    out
}

/// One region's plan in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRow {
    pub region: String,
    pub name: Msg,
    /// Per year: the counted total (exact and up to).
    pub per_year: Vec<Decimal>,
    pub exact: Yuan,
    pub up_to: Yuan,
    /// Of which from draft documents.
    pub draft_up_to: Yuan,
    /// What makes this region's figure: its largest clauses over the plan, and its documents'
    /// end dates within the plan.
    pub why: Vec<Msg>,
}

/// The same plan in every region, highest first, with what makes each figure.
pub fn compare_rows(o: &PlanOutcome, book: &RuleBook, start: i32) -> Vec<RegionRow> {
    let Some(regions) = &o.regions else {
        return Vec::new();
    };
    let mut out: Vec<RegionRow> = regions
        .iter()
        .map(|(key, p)| {
            let stacks = family_stack(&p.years);
            let mut rows = award_rows(&p.years);
            rows.retain(|r| r.sum > Decimal::ZERO);
            rows.sort_by_key(|r| std::cmp::Reverse(r.sum));
            let mut why: Vec<Msg> = rows
                .iter()
                .take(3)
                .map(|r| Msg {
                    zh: format!("{} {}元", r.title.zh, human(r.sum)),
                    en: format!("{} ¥{}", r.title.en, human(r.sum)),
                })
                .collect();
            if rows.is_empty() {
                why.push(Msg {
                    zh: "所填情况在本地没有可计金额的条款".into(),
                    en: "no clause here gives a figure for what was entered".into(),
                });
            }
            why.extend(
                end_markers(book, key, start, p.years.len())
                    .into_iter()
                    .map(|m| m.text),
            );
            let name = book.region(key).map_or_else(
                || Msg::same(key.clone()),
                |r| Msg {
                    zh: r.name_zh.to_string(),
                    en: r.name_en.to_string(),
                },
            );
            RegionRow {
                region: key.clone(),
                name,
                per_year: stacks.iter().map(|s| s.iter().copied().sum()).collect(),
                exact: p.total.exact,
                up_to: p.total.up_to,
                draft_up_to: p.total.draft_up_to,
                why,
            }
        })
        .collect();
    let key = |r: &RegionRow| r.up_to.rounded();
    out.sort_by(|a, b| key(b).cmp(&key(a)).then(a.region.cmp(&b.region)));
    out
}

/// The plan as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese): one row per clause
/// with its figure each year (yuan, two decimals; blank where nothing is counted), the yearly
/// totals, and the comparison of regions.
pub fn csv(o: &PlanOutcome, book: &RuleBook, start: i32, lang: Lang) -> String {
    let n = o.years.len();
    // "2025年(元)" column heads, one a year.
    let years: Vec<String> = (0..n)
        .map(|i| format!("{}{}", start + i as i32, lang.t("年(元)", " (yuan)")))
        .collect();
    let line = |cells: Vec<String>| -> String {
        let mut s = cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(",");
        s.push('\n');
        s
    };
    let mut s = String::from("\u{feff}");
    let mut head = vec![
        lang.t("编号", "id").to_string(),
        lang.t("名称", "title").to_string(),
        lang.t("类别", "family").to_string(),
    ];
    head.extend(years.iter().cloned());
    head.push(lang.t("合计(元)", "total (yuan)").to_string());
    head.push(lang.t("说明", "note").to_string());
    s.push_str(&line(head));
    for r in award_rows(&o.years) {
        let mut row = vec![
            r.id.clone(),
            r.title.get(lang).to_string(),
            family_label(r.family).get(lang).to_string(),
        ];
        let mut notes = Vec::new();
        for c in &r.cells {
            row.push(match c {
                Some(c) if c.counted => fixed2(c.value.unwrap_or_default()),
                Some(c) => {
                    notes.push(c.text.get(lang).to_string());
                    String::new()
                }
                None => String::new(),
            });
        }
        row.push(fixed2(r.sum));
        if r.once {
            notes.insert(
                0,
                lang.t(
                    "各年为同一总额,全期只计一次",
                    "one total over the years, counted once",
                )
                .to_string(),
            );
        }
        if r.draft {
            notes.insert(0, lang.t("征求意见稿", "draft for comment").to_string());
        }
        notes.dedup();
        row.push(notes.join("; "));
        s.push_str(&line(row));
    }
    let mut total = vec![
        String::new(),
        lang.t("每年合计(含最高可得)", "total a year (incl. up-to)")
            .to_string(),
        String::new(),
    ];
    total.extend(
        family_stack(&o.years)
            .iter()
            .map(|f| fixed2(f.iter().copied().sum())),
    );
    total.push(o.total.up_to.to_string());
    s.push_str(&line(total));
    // Each year's verification code, and the whole plan's (with the rule version).
    let mut codes = vec![
        String::new(),
        lang.t("核验码", "verification code").to_string(),
        String::new(),
    ];
    codes.extend(o.years.iter().map(|y| y.code.clone().unwrap_or_default()));
    codes.push(o.code.clone());
    codes.push(book.version().to_string());
    s.push_str(&line(codes));
    s.push('\n');
    let mut head = vec![lang.t("地区", "region").to_string()];
    head.extend(years.iter().cloned());
    head.push(lang.t("确定金额合计", "total exact").to_string());
    head.push(lang.t("最高可得合计", "total up to").to_string());
    s.push_str(&line(head));
    for r in compare_rows(o, book, start) {
        let mut row = vec![r.name.get(lang).to_string()];
        row.extend(r.per_year.iter().map(|d| fixed2(*d)));
        row.push(r.exact.to_string());
        row.push(r.up_to.to_string());
        s.push_str(&line(row));
    }
    s
}

/// An amount's text ("1234567.50"), or "?" where the result has none.
fn or_unknown(y: Option<subsidy_calc::money::Yuan>) -> String {
    y.map_or_else(|| "?".to_string(), |y| y.to_string())
}
