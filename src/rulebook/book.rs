//! The rule book: loaded once from the embedded data and checked as a whole (ids, groups, regions),
//! then looked up by region, document and rule.
use super::*;

impl RuleBook {
    /// Parses and checks rule data. Errors name the rule and what is wrong.
    pub fn from_json(text: &str) -> Result<RuleBook, String> {
        let json: Value = crate::json::parse(text).map_err(|e| format!("rule data: {e}"))?;
        let mut book = load_book(&json)?;
        // The embedded data is validated by `cargo test` on the host (the same bytes); the browser
        // build skips the check to keep the bundle small.
        #[cfg(not(target_arch = "wasm32"))]
        book.validate()?;
        for doc in &mut book.documents {
            for rule in &mut doc.rules {
                let formulas = rule
                    .formula
                    .iter_mut()
                    .chain(rule.variants.iter_mut().filter_map(|v| v.formula.as_mut()));
                for f in formulas {
                    for t in &mut f.terms {
                        t.pct = crate::money::percent(t.rate.0);
                    }
                    f.caps.iter_mut().for_each(Cap::prepare);
                }
                rule.aggregate_caps.iter_mut().for_each(Cap::prepare);
            }
            if doc.status == DocStatus::Draft {
                doc.draft_note = Some((
                    format!("征求意见稿:{}尚未正式施行,金额可能变化", doc.name_zh),
                    format!(
                        "DRAFT for comment: {} is not in force; the figure may change",
                        doc.name_en
                    ),
                ));
            }
        }
        Ok(book)
    }

    /// The rules embedded at build time, loaded once. The data is checked by `cargo test`; should a
    /// build that skipped the tests carry bad data, callers get this error, never a panic.
    pub fn embedded() -> Result<&'static RuleBook, &'static str> {
        static BOOK: OnceLock<Result<RuleBook, String>> = OnceLock::new();
        BOOK.get_or_init(|| RuleBook::from_json(RULES_JSON))
            .as_ref()
            .map_err(String::as_str)
    }

    pub fn version(&self) -> String {
        format!("{}+{}", self.version, RULES_HASH)
    }

    /// A rule by its id, with its document (a lookup, not a scan: batches ask for every award).
    pub fn rule(&self, id: &str) -> Option<(&Document, &Rule)> {
        let by_id = self.by_id.get_or_init(|| {
            let mut v: Vec<(String, usize, usize)> = self
                .documents
                .iter()
                .enumerate()
                .flat_map(|(d, doc)| {
                    doc.rules
                        .iter()
                        .enumerate()
                        .map(move |(r, rule)| (rule.id.clone(), d, r))
                })
                .collect();
            v.sort_unstable();
            v
        });
        let k = by_id.binary_search_by(|(x, ..)| x.as_str().cmp(id)).ok()?;
        let (_, d, r) = &by_id[k];
        let doc = &self.documents[*d];
        Some((doc, &doc.rules[*r]))
    }

    /// The position of a rule among [`RuleBook::rules`] (the batch table's column order).
    pub fn rule_position(&self, id: &str) -> Option<usize> {
        let (doc, rule) = self.rule(id)?;
        let before: usize = self
            .documents
            .iter()
            .take_while(|d| !std::ptr::eq(*d, doc))
            .map(|d| d.rules.len())
            .sum();
        Some(before + doc.rules.iter().position(|r| std::ptr::eq(r, rule))?)
    }

    pub fn document(&self, key: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.key == key)
    }

    pub fn region(&self, key: &str) -> Option<&RegionDef> {
        self.regions.iter().find(|r| r.key == key)
    }

    pub fn rules(&self) -> impl Iterator<Item = (&Document, &Rule)> {
        self.documents
            .iter()
            .flat_map(|d| d.rules.iter().map(move |r| (d, r)))
    }

    /// The regions whose enterprises a document applies to.
    pub fn regions_of(&self, doc: &str) -> Vec<&str> {
        self.regions
            .iter()
            .filter(|r| r.documents.iter().any(|d| d == doc))
            .map(|r| r.key.as_str())
            .collect()
    }

    fn validate(&self) -> Result<(), String> {
        let mut ids = HashSet::new();
        for r in &self.regions {
            for d in &r.documents {
                self.document(d)
                    .ok_or(format!("region {}: unknown document {d}", r.key))?;
            }
        }
        for doc in &self.documents {
            if doc.status == DocStatus::InForce
                && doc.dates_zh.is_none()
                && doc.valid_from.is_none()
            {
                return Err(format!(
                    "document {}: give validity dates or say why there are none",
                    doc.key
                ));
            }
            if doc.uncertain_from.is_some()
                && (doc.uncertain_zh.is_none() || doc.uncertain_en.is_none())
            {
                return Err(format!(
                    "document {}: uncertain_from needs uncertain_zh / uncertain_en",
                    doc.key
                ));
            }
            for rule in &doc.rules {
                if !ids.insert(rule.id.clone()) {
                    return Err(format!("duplicate id {}", rule.id));
                }
                if !rule.id.starts_with(&format!("{}.", doc.key)) {
                    return Err(format!(
                        "{}: ids start with their document key {}",
                        rule.id, doc.key
                    ));
                }
                validate_rule(rule).map_err(|e| format!("{}: {e}", rule.id))?;
            }
            for check in &doc.checks {
                if !ids.insert(check.id.clone()) {
                    return Err(format!("duplicate id {}", check.id));
                }
                for c in &check.requires {
                    validate_cond(c, false).map_err(|e| format!("{}: {e}", check.id))?;
                }
            }
        }
        for g in &self.groups {
            for m in &g.members {
                if !self.rules().any(|(_, r)| &r.id == m) {
                    return Err(format!("group {}: unknown member {m}", g.id));
                }
            }
        }
        Ok(())
    }
}
