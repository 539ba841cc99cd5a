//! The rule data's loader: the embedded JSON (made from rules/*.toml by build.rs) walked by hand
//! into the rule types, every unknown or missing key named with its path.
use super::*;

use std::cell::RefCell;

/// One table of the rule data, with where it sits (for messages) and the list of problems found.
struct O<'a> {
    m: &'a Map<String, Value>,
    at: String,
    errs: &'a RefCell<Vec<String>>,
}

impl<'a> O<'a> {
    fn new(v: &'a Value, at: String, errs: &'a RefCell<Vec<String>>) -> Option<O<'a>> {
        match v.as_object() {
            Some(m) => Some(O { m, at, errs }),
            None => {
                errs.borrow_mut().push(format!("{at}: expected a table"));
                None
            }
        }
    }
    fn note(&self, k: &str, msg: &str) {
        self.errs
            .borrow_mut()
            .push(format!("{}.{k}: {msg}", self.at));
    }
    fn keys(&self, allowed: &[&str]) {
        if let Some(k) = self.m.keys().find(|k| !allowed.contains(&k.as_str())) {
            self.errs
                .borrow_mut()
                .push(format!("{}: unknown key `{k}`", self.at));
        }
    }
    fn get(&self, k: &str) -> Option<&'a Value> {
        self.m.get(k).filter(|v| !v.is_null())
    }
    fn os(&self, k: &str) -> Option<String> {
        match self.get(k) {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.note(k, "expected text");
                None
            }
        }
    }
    fn s(&self, k: &str) -> String {
        self.os(k).unwrap_or_else(|| {
            if self.get(k).is_none() {
                self.note(k, "missing");
            }
            String::new()
        })
    }
    fn strs(&self, k: &str) -> Vec<String> {
        match self.get(k) {
            None => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| {
                    let s = v.as_str().map(String::from);
                    if s.is_none() {
                        self.note(k, "expected a list of text");
                    }
                    s
                })
                .collect(),
            Some(_) => {
                self.note(k, "expected a list");
                Vec::new()
            }
        }
    }
    fn od(&self, k: &str) -> Option<D> {
        let t = self.os(k)?;
        let d = Decimal::from_str(&t).ok().map(D);
        if d.is_none() {
            self.note(k, &format!("not a decimal: {t}"));
        }
        d
    }
    fn d(&self, k: &str) -> D {
        self.od(k).unwrap_or_else(|| {
            if self.get(k).is_none() {
                self.note(k, "missing");
            }
            D(Decimal::ZERO)
        })
    }
    fn odate(&self, k: &str) -> Option<Date> {
        let t = self.os(k)?;
        let d = Date::parse(&t);
        if d.is_none() {
            self.note(k, &format!("bad date {t}"));
        }
        d
    }
    fn resolve(&self, k: &str, path: &str) -> Fact {
        match FactRef::resolve(path) {
            Some(f) => Fact(f),
            None => {
                self.note(k, &format!("unknown fact `{path}`"));
                Fact(FactRef::Field(0))
            }
        }
    }
    fn ofact(&self, k: &str) -> Option<Fact> {
        self.os(k).map(|t| self.resolve(k, &t))
    }
    fn fact(&self, k: &str) -> Fact {
        let t = self.s(k);
        self.resolve(k, &t)
    }
    fn othreshold(&self, k: &str) -> Option<Threshold> {
        self.os(k).map(|text| Threshold {
            num: Decimal::from_str(&text).ok(),
            date: Date::parse(&text),
            text,
        })
    }
    fn list(&self, k: &str) -> Vec<O<'a>> {
        match self.get(k) {
            None => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(i, v)| O::new(v, format!("{}.{k}[{i}]", self.at), self.errs))
                .collect(),
            Some(_) => {
                self.note(k, "expected a list");
                Vec::new()
            }
        }
    }
    fn obj(&self, k: &str) -> Option<O<'a>> {
        self.get(k)
            .and_then(|v| O::new(v, format!("{}.{k}", self.at), self.errs))
    }
    fn opick<T: Copy>(&self, k: &str, table: &[(&str, T)]) -> Option<T> {
        let t = self.os(k)?;
        let v = table.iter().find(|(n, _)| *n == t).map(|(_, v)| *v);
        if v.is_none() {
            self.note(k, &format!("unknown value `{t}`"));
        }
        v
    }
    fn pick<T: Copy>(&self, k: &str, table: &[(&str, T)]) -> T {
        self.opick(k, table).unwrap_or_else(|| {
            if self.get(k).is_none() {
                self.note(k, "missing");
            }
            table[0].1
        })
    }
    /// A table of text values (a TOML inline table), in key order.
    fn text_table(&self, k: &str) -> Vec<(String, String)> {
        self.obj(k)
            .map(|o| o.m.keys().map(|key| (key.clone(), o.s(key))).collect())
            .unwrap_or_default()
    }
    /// The same table, naming messages after `id` (so they point at the rule).
    fn named(self, id: &str) -> O<'a> {
        O {
            m: self.m,
            at: id.to_string(),
            errs: self.errs,
        }
    }
}

fn each<'a, T>(list: Vec<O<'a>>, f: fn(O<'a>) -> T) -> Vec<T> {
    list.into_iter().map(f).collect()
}

const FAMILIES: &[(&str, Family)] = &[
    ("compute_voucher", Family::ComputeVoucher),
    ("model_filing", Family::ModelFiling),
    ("scenario", Family::Scenario),
    ("listing", Family::Listing),
    ("other", Family::Other),
];
const KINDS: &[(&str, Kind)] = &[
    ("exact", Kind::Exact),
    ("up_to", Kind::UpTo),
    ("range", Kind::Range),
    ("unspecified", Kind::Unspecified),
    ("case_by_case", Kind::CaseByCase),
    ("not_eligible", Kind::NotEligible),
];
const OPS: &[(&str, Op)] = &[
    ("gt", Op::Gt),
    ("gte", Op::Gte),
    ("lt", Op::Lt),
    ("lte", Op::Lte),
    ("eq", Op::Eq),
    ("in", Op::In),
    ("is_true", Op::IsTrue),
    ("is_false", Op::IsFalse),
    ("contains", Op::Contains),
    ("contains_any", Op::ContainsAny),
];
const SCOPES: &[(&str, CapScope)] = &[
    ("per_project", CapScope::PerProject),
    ("per_enterprise_per_year", CapScope::PerEnterprisePerYear),
    ("per_year", CapScope::PerYear),
    ("one_time", CapScope::OneTime),
    ("over_three_years", CapScope::OverThreeYears),
    ("per_model", CapScope::PerModel),
    ("per_event", CapScope::PerEvent),
    ("band", CapScope::Band),
    ("interest_share", CapScope::InterestShare),
];

/// Reads the whole book; the first problem found, if any, refuses it.
pub(super) fn load_book(v: &Value) -> Result<RuleBook, String> {
    let errs = RefCell::new(Vec::new());
    let Some(o) = O::new(v, "rules".into(), &errs) else {
        return Err("rules: expected a table".into());
    };
    o.keys(&["version", "regions", "groups", "documents"]);
    let book = RuleBook {
        version: o.s("version"),
        regions: each(o.list("regions"), load_region),
        groups: each(o.list("groups"), load_group),
        documents: each(o.list("documents"), load_document),
        by_id: std::sync::OnceLock::new(),
    };
    match errs.into_inner().into_iter().next() {
        Some(e) => Err(e),
        None => Ok(book),
    }
}

fn load_region(o: O) -> RegionDef {
    o.keys(&["key", "name_zh", "name_en", "documents"]);
    RegionDef {
        key: o.s("key"),
        name_zh: o.s("name_zh"),
        name_en: o.s("name_en"),
        documents: o.strs("documents"),
    }
}

fn load_group(o: O) -> Group {
    o.keys(&["id", "mode", "members", "zh", "en"]);
    Group {
        id: o.s("id"),
        mode: o.pick(
            "mode",
            &[("highest", GroupMode::Highest), ("stack", GroupMode::Stack)],
        ),
        members: o.strs("members"),
        zh: o.s("zh"),
        en: o.s("en"),
    }
}

fn load_document(o: O) -> Document {
    o.keys(&[
        "key",
        "name_zh",
        "name_en",
        "seed",
        "status",
        "valid_from",
        "valid_to",
        "published",
        "uncertain_from",
        "not_yet_zh",
        "not_yet_en",
        "expired_zh",
        "expired_en",
        "uncertain_zh",
        "uncertain_en",
        "dates_quote",
        "dates_zh",
        "dates_en",
        "notes_quote",
        "notes_zh",
        "notes_en",
        "rule",
        "check",
    ]);
    Document {
        key: o.s("key"),
        name_zh: o.s("name_zh"),
        name_en: o.s("name_en"),
        seed: o.s("seed"),
        status: o.pick(
            "status",
            &[
                ("in_force", DocStatus::InForce),
                ("draft", DocStatus::Draft),
            ],
        ),
        valid_from: o.odate("valid_from"),
        valid_to: o.odate("valid_to"),
        published: o.odate("published"),
        uncertain_from: o.odate("uncertain_from"),
        not_yet_zh: o.os("not_yet_zh"),
        not_yet_en: o.os("not_yet_en"),
        expired_zh: o.os("expired_zh"),
        expired_en: o.os("expired_en"),
        uncertain_zh: o.os("uncertain_zh"),
        uncertain_en: o.os("uncertain_en"),
        dates_quote: o.os("dates_quote"),
        dates_zh: o.os("dates_zh"),
        dates_en: o.os("dates_en"),
        notes_quote: o.os("notes_quote"),
        notes_zh: o.strs("notes_zh"),
        notes_en: o.strs("notes_en"),
        rules: each(o.list("rule"), load_rule),
        checks: each(o.list("check"), load_check),
        draft_note: None,
    }
}

fn load_rule(o: O) -> Rule {
    o.keys(&[
        "id",
        "family",
        "clause",
        "kind",
        "title_zh",
        "title_en",
        "quote",
        "per",
        "notes_zh",
        "notes_en",
        "requires",
        "formula",
        "variant",
        "otherwise_zh",
        "otherwise_en",
        "aggregate_cap",
        "in_totals",
        "not_in_totals_zh",
        "not_in_totals_en",
        "once",
        "once_zh",
        "once_en",
        "carry",
        "pool",
        "limit",
    ]);
    // Name the rule in every message below it.
    let id = o.s("id");
    let o = o.named(&id);
    Rule {
        family: o.pick("family", FAMILIES),
        clause: o.s("clause"),
        kind: o.pick("kind", KINDS),
        title_zh: o.s("title_zh"),
        title_en: o.s("title_en"),
        quote: o.s("quote"),
        per: o
            .opick(
                "per",
                &[("enterprise", Per::Enterprise), ("scenario", Per::Scenario)],
            )
            .unwrap_or_default(),
        notes_zh: o.strs("notes_zh"),
        notes_en: o.strs("notes_en"),
        requires: conds(&o, "requires"),
        formula: o.obj("formula").map(load_formula),
        variants: each(o.list("variant"), load_variant),
        otherwise_zh: o.os("otherwise_zh"),
        otherwise_en: o.os("otherwise_en"),
        aggregate_caps: each(o.list("aggregate_cap"), load_cap),
        in_totals: o
            .get("in_totals")
            .is_none_or(|v| v.as_bool() != Some(false)),
        not_in_totals_zh: o.os("not_in_totals_zh"),
        not_in_totals_en: o.os("not_in_totals_en"),
        once: o.get("once").is_some_and(|v| v.as_bool() == Some(true)),
        once_zh: o.os("once_zh"),
        once_en: o.os("once_en"),
        carry: each(o.list("carry"), load_carry),
        pool: o.obj("pool").map(|p| {
            p.keys(&["amount", "bound", "quote", "zh", "en"]);
            Pool {
                amount: p.d("amount"),
                at_least: p.pick("bound", &[("at_most", false), ("at_least", true)]),
                quote: p.s("quote"),
                zh: p.s("zh"),
                en: p.s("en"),
            }
        }),
        limit: o.obj("limit").map(|l| {
            l.keys(&["count", "per", "quote", "zh", "en"]);
            Limit {
                count: l.d("count").0.try_into().unwrap_or(0),
                projects: l.pick("per", &[("applicant", false), ("project", true)]),
                quote: l.s("quote"),
                zh: l.s("zh"),
                en: l.s("en"),
            }
        }),
        id,
    }
}

fn conds(o: &O, k: &str) -> Vec<Cond> {
    each(o.list(k), load_cond)
}

fn load_cond(o: O) -> Cond {
    o.keys(&[
        "fact", "op", "value", "values", "zh", "en", "unit", "relaxed",
    ]);
    Cond {
        fact: o.fact("fact"),
        op: o.pick("op", OPS),
        value: o.othreshold("value"),
        values: o.strs("values"),
        zh: o.os("zh"),
        en: o.os("en"),
        unit: o.os("unit"),
        relaxed: o.obj("relaxed").map(|r| {
            r.keys(&["value", "zh", "en", "when"]);
            Relaxed {
                value: r.othreshold("value").unwrap_or_else(|| {
                    r.note("value", "missing");
                    Threshold {
                        text: String::new(),
                        num: None,
                        date: None,
                    }
                }),
                zh: r.s("zh"),
                en: r.s("en"),
                when: conds(&r, "when"),
            }
        }),
    }
}

fn load_variant(o: O) -> Variant {
    o.keys(&["when", "kind", "zh", "en", "formula"]);
    Variant {
        when: conds(&o, "when"),
        kind: o.opick("kind", KINDS),
        zh: o.s("zh"),
        en: o.s("en"),
        formula: o.obj("formula").map(load_formula),
    }
}

fn load_formula(o: O) -> Formula {
    o.keys(&[
        "terms", "per_unit", "fixed", "range", "deduct", "caps", "stage", "note_zh", "note_en",
    ]);
    Formula {
        terms: each(o.list("terms"), load_term),
        per_unit: o.obj("per_unit").map(|p| {
            p.keys(&["fact", "amount"]);
            PerUnit {
                fact: p.fact("fact"),
                amount: p.d("amount"),
            }
        }),
        fixed: o.od("fixed"),
        range: o.obj("range").map(|r| {
            r.keys(&["min", "max"]);
            Range {
                min: r.d("min"),
                max: r.d("max"),
            }
        }),
        deduct: each(o.list("deduct"), load_deduct),
        caps: each(o.list("caps"), load_cap),
        stage: o.obj("stage").map(|s| {
            s.keys(&["fact", "zh", "en"]);
            StageNote {
                fact: s.fact("fact"),
                zh: s.text_table("zh"),
                en: s.text_table("en"),
            }
        }),
        note_zh: o.os("note_zh"),
        note_en: o.os("note_en"),
    }
}

fn load_term(t: O) -> Term {
    t.keys(&["fact", "rate", "zh", "en"]);
    Term {
        fact: t.fact("fact"),
        rate: t.d("rate"),
        pct: String::new(),
        zh: t.os("zh"),
        en: t.os("en"),
    }
}

fn load_deduct(d: O) -> Deduct {
    d.keys(&["fact", "table", "zh", "en"]);
    let table = d
        .obj("table")
        .map(|t| t.m.keys().map(|k| (k.clone(), t.d(k))).collect())
        .unwrap_or_default();
    Deduct {
        fact: d.fact("fact"),
        table,
        zh: d.s("zh"),
        en: d.s("en"),
    }
}

fn load_cap(o: O) -> Cap {
    o.keys(&[
        "amount",
        "rate",
        "fact",
        "less",
        "scope",
        "relaxable_if",
        "relaxed_zh",
        "relaxed_en",
    ]);
    Cap {
        amount: o.od("amount"),
        rate: o.od("rate"),
        fact: o.ofact("fact"),
        less: o.ofact("less"),
        scope: o.pick("scope", SCOPES),
        relaxable_if: o.ofact("relaxable_if"),
        relaxed_zh: o.os("relaxed_zh"),
        relaxed_en: o.os("relaxed_en"),
        label: None,
    }
}

fn load_carry(o: O) -> Carry {
    o.keys(&["fact", "op", "from"]);
    Carry {
        fact: o.fact("fact"),
        op: o.pick(
            "op",
            &[
                ("count_year", CarryOp::CountYear),
                ("add_amount", CarryOp::AddAmount),
                ("set_true", CarryOp::SetTrue),
                ("set_from", CarryOp::SetFrom),
            ],
        ),
        from: o.ofact("from"),
    }
}

fn load_check(o: O) -> Check {
    o.keys(&[
        "id", "clause", "title_zh", "title_en", "quote", "quote2", "entered", "requires",
    ]);
    let id = o.s("id");
    let o = o.named(&id);
    let entered = o
        .strs("entered")
        .iter()
        .map(|p| o.resolve("entered", p))
        .collect();
    Check {
        clause: o.s("clause"),
        title_zh: o.s("title_zh"),
        title_en: o.s("title_en"),
        quote: o.s("quote"),
        quote2: o.os("quote2"),
        entered,
        requires: conds(&o, "requires"),
        id,
    }
}
