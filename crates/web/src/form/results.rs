//! What the page shows beside the form, all through the engine: the fields a region's clauses
//! read, how an award moves with a spending figure (the cap charts and hints), the same
//! application in every region, and the result as CSV.
use super::*;
use subsidy_calc::money::Yuan;

/// The input fields that matter for a region: those its clauses and checks read (a scenario
/// project's own fields by their name within the project, e.g. `city_selected`), each once, in no
/// particular order (the page asks only whether a field is among them).
pub fn region_fields(book: &RuleBook, region: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let Some(r) = book.region(region) else {
        return out;
    };
    // Kept distinct as they come (no sort: a sort of `&str` costs the page 2 KB of wasm).
    let mut add = |f: &subsidy_calc::rulebook::Fact| {
        let path = f.0.field().path;
        let paths = match DERIVED.iter().find(|d| d.field.path == path) {
            Some(d) => d.from,
            None => std::slice::from_ref(&path),
        };
        for p in paths {
            if !out.contains(p) {
                out.push(*p);
            }
        }
    };
    fn conds<'c>(list: &'c [Cond], out: &mut Vec<&'c subsidy_calc::rulebook::Fact>) {
        for c in list {
            out.push(&c.fact);
            if let Some(r) = &c.relaxed {
                conds(&r.when, out);
            }
        }
    }
    fn formula<'c>(f: &'c Formula, out: &mut Vec<&'c subsidy_calc::rulebook::Fact>) {
        out.extend(f.terms.iter().map(|t| &t.fact));
        out.extend(f.per_unit.iter().map(|p| &p.fact));
        out.extend(f.deduct.iter().map(|d| &d.fact));
        out.extend(f.stage.iter().map(|s| &s.fact));
        for c in &f.caps {
            out.extend(c.fact.iter().chain(&c.less).chain(&c.relaxable_if));
        }
    }
    let mut facts = Vec::new();
    for doc in r.documents.iter().filter_map(|k| book.document(k)) {
        for rule in &doc.rules {
            conds(&rule.requires, &mut facts);
            if let Some(f) = &rule.formula {
                formula(f, &mut facts);
            }
            for v in &rule.variants {
                conds(&v.when, &mut facts);
                if let Some(f) = &v.formula {
                    formula(f, &mut facts);
                }
            }
        }
        for c in &doc.checks {
            conds(&c.requires, &mut facts);
            facts.extend(c.entered.iter());
        }
    }
    for f in facts {
        add(f);
    }
    out
}

/// Whether any clause of the region is evaluated per scenario project.
pub fn region_has_scenarios(book: &RuleBook, region: &str) -> bool {
    book.region(region).is_some_and(|r| {
        r.documents
            .iter()
            .filter_map(|k| book.document(k))
            .any(|d| d.rules.iter().any(|r| r.per == Per::Scenario))
    })
}

/// How one award moves with one spending figure, sampled through the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub rule_id: String,
    pub fact: &'static str,
    pub label: Msg,
    pub points: Vec<(Decimal, Decimal)>,
    pub current: (Decimal, Decimal),
    /// The spending at which the cap starts to bind, if the clause has a cap.
    pub cap_at: Option<Decimal>,
    pub max: Option<Decimal>,
    pub hint: Msg,
}

fn rule_formulas(rule: &Rule) -> Vec<&Formula> {
    rule.formula
        .iter()
        .chain(rule.variants.iter().filter_map(|v| v.formula.as_ref()))
        .collect()
}

/// The chart for a rate-based award: the award against its largest spending input.
pub fn curve(app: &Application, book: &RuleBook, award: &Award) -> Option<Curve> {
    if !matches!(award.kind, Kind::Exact | Kind::UpTo) || award.amount.is_none() {
        return None;
    }
    let rule = book.rules().map(|(_, r)| r).find(|r| r.id == award.id)?;
    // Per project: a chart of one figure only where there is one project.
    let several = |f: Option<subsidy_calc::rulebook::Fact>| {
        f.and_then(|f| app.get(f.0.field().path))
            .is_some_and(|v| matches!(v, input::Val::List(l) if l.len() > 1))
    };
    if rule.per == Per::Scenario || several(rule.projects) {
        return None;
    }
    let fact = rule_formulas(rule)
        .into_iter()
        .flat_map(|f| f.terms.iter())
        .map(|t| t.fact.0.field())
        .filter(|f| FIELDS.iter().any(|x| x.path == f.path))
        .max_by_key(|f| app.get(f.path).map(|v| v.num()).unwrap_or_default())?;
    let at_award = |x: Decimal| {
        app.with_number(fact.path, x)
            .and_then(|a| engine::evaluate_one(&a, book, &rule.id))
    };
    let at = |x: Decimal| -> Decimal { at_award(x).and_then(|a| a.value()).unwrap_or_default() };
    let x0 = app.get(fact.path)?.num();
    let y0 = award.value()?;
    let huge = Decimal::from(input::MAX_MONEY);
    // Capped when the engine itself says a cap binds at the largest spending it accepts (not
    // guessed from the figure's size: a small uncapped rate would look like a cap).
    let top_award = at_award(huge);
    let capped = top_award.as_ref().is_some_and(|a| a.binding_cap.is_some());
    let top = top_award.and_then(|a| a.value()).unwrap_or_default();
    let cap_at = if capped {
        // The smallest spending that reaches the top figure (the award never falls as spending rises).
        let (mut lo, mut hi) = (Decimal::ZERO, huge);
        for _ in 0..48 {
            let mid = ((lo + hi) / Decimal::TWO).round_dp(2);
            if at(mid) >= top {
                hi = mid;
            } else {
                lo = mid;
            }
            if hi - lo <= Decimal::new(1, 2) {
                break;
            }
        }
        Some(hi)
    } else {
        None
    };
    let span = match cap_at {
        Some(c) => (c * Decimal::new(15, 1)).max(x0 * Decimal::new(12, 1)),
        None => (x0 * Decimal::TWO).max(Decimal::from(1_000_000)),
    }
    .max(Decimal::from(10_000));
    let n = 24;
    let mut points: Vec<(Decimal, Decimal)> = (0..=n)
        .map(|i| {
            let x = (span * Decimal::from(i) / Decimal::from(n)).round_dp(2);
            (x, at(x))
        })
        .collect();
    if let Some(c) = cap_at {
        // The points are in order of x: the cap's corner goes in its place.
        let at = points.partition_point(|p| p.0 <= c);
        points.insert(at, (c, top));
    }
    let (zh, en) = (fact.zh, fact.en);
    let hint = match cap_at {
        Some(c) if x0 >= c => Msg::new(
            "已达封顶:再增加投入,补贴不再增加",
            "the cap is reached: more spending adds nothing",
        ),
        Some(c) => {
            let (more, gain) = (c - x0, top - y0);
            Msg::new(
                format!(
                    "再增加 {} 万元{zh},补贴可增加 {} 万元(达到封顶 {} 万元)",
                    in_wan(more),
                    in_wan(gain),
                    in_wan(top)
                ),
                format!(
                    "{} 万元 more {en} would add {} 万元 to the award (up to the cap of {} 万元)",
                    in_wan(more),
                    in_wan(gain),
                    in_wan(top)
                ),
            )
        }
        None => {
            let step = Decimal::from(10_000);
            let r = at(x0 + step) - y0;
            Msg::new(
                format!(
                    "条款未设金额上限:每增加 1 万元{zh},补贴约增加 {} 万元",
                    in_wan(r)
                ),
                format!(
                    "the clause sets no cap: each 1 万元 more {en} adds about {} 万元",
                    in_wan(r)
                ),
            )
        }
    };
    Some(Curve {
        rule_id: rule.id.to_string(),
        fact: fact.path,
        label: Msg::new(zh, en),
        points,
        current: (x0, y0),
        cap_at,
        max: capped.then_some(top),
        hint,
    })
}

/// One region's totals for the side-by-side comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSummary {
    pub region: String,
    pub name: Msg,
    pub exact: Yuan,
    pub up_to: Yuan,
    pub eligible: usize,
    pub open: usize,
    pub draft: bool,
}

/// The same application evaluated for every region, figures only (the comparison shows totals
/// and counts, no words): the application as read once, its region changed.
pub fn compare(app: &Application, book: &RuleBook) -> Vec<RegionSummary> {
    let mut app = app.clone();
    app.detail = subsidy_calc::Detail::Figures;
    book.regions
        .iter()
        .map(|def| {
            let region = def.key.as_str();
            app.region = region.to_string();
            let o = engine::evaluate(&app, book);
            let eligible = o
                .awards
                .iter()
                .filter(|a| a.kind != Kind::NotEligible)
                .count();
            let open = o
                .awards
                .iter()
                .filter(|a| matches!(a.kind, Kind::Range | Kind::Unspecified | Kind::CaseByCase))
                .count();
            let draft = o
                .awards
                .iter()
                .any(|a| a.kind != Kind::NotEligible && a.source.status == Status::Draft);
            RegionSummary {
                region: region.to_string(),
                name: Msg::new(def.name_zh.clone(), def.name_en.clone()),
                exact: o.total.exact,
                up_to: o.total.up_to,
                eligible,
                open,
                draft,
            }
        })
        .collect()
}

pub(crate) fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The result as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese).
pub fn csv(o: &Outcome, lang: Lang) -> String {
    let head = [
        ("编号", "id"),
        ("名称", "title"),
        ("类型", "kind"),
        ("金额(元)", "amount (yuan)"),
        ("最低(元)", "min (yuan)"),
        ("最高(元)", "max (yuan)"),
        ("未封顶(元)", "uncapped (yuan)"),
        ("封顶", "binding cap"),
        ("计入合计", "counted in totals"),
        ("文件", "document"),
        ("条款", "clause"),
        ("状态", "status"),
        ("原因", "reason"),
    ];
    let mut s = String::from("\u{feff}");
    s.push_str(
        &head
            .iter()
            .map(|h| lang.t(h.0, h.1))
            .collect::<Vec<_>>()
            .join(","),
    );
    s.push('\n');
    for a in &o.awards {
        let kind = serde_json::to_value(a.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let counted = a.stacking.as_ref().is_none_or(|s| s.counted)
            && matches!(a.kind, Kind::Exact | Kind::UpTo);
        let row = [
            a.id.to_string(),
            lang.t(a.title_zh, a.title_en).to_string(),
            kind,
            text(a.amount),
            text(a.min),
            text(a.max),
            text(a.uncapped),
            a.binding_cap
                .as_ref()
                .map(|c| c.text(lang))
                .unwrap_or_default(),
            if counted { "1" } else { "0" }.to_string(),
            lang.t(a.source.document, a.source.document_en).to_string(),
            a.source.clause.to_string(),
            a.source.status.key().to_string(),
            a.reason.as_ref().map(|r| r.text(lang)).unwrap_or_default(),
        ];
        s.push_str(
            &row.iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        s.push('\n');
    }
    s.push_str(&format!(
        "{},{},{}\n",
        lang.t("确定金额合计", "total exact"),
        o.total.exact,
        ""
    ));
    s.push_str(&format!(
        "{},{},{}\n",
        lang.t("最高可得合计", "total up to"),
        o.total.up_to,
        ""
    ));
    // The verification code and the rule version it was made under.
    if let Some(code) = &o.code {
        s.push_str(&format!(
            "{},{code},{}\n",
            lang.t("核验码", "verification code"),
            o.rules_version
        ));
    }
    s
}

/// An amount's text ("1234567.50"), or nothing.
fn text(y: Option<Yuan>) -> String {
    y.map(|y| y.to_string()).unwrap_or_default()
}
