//! The rule book's lookups: by region, document and rule.
use crate::model::*;
use std::sync::OnceLock;

impl RuleBook {
    /// A book read at run time (`subsidy-rulebook`); the baked one is a static.
    pub fn new(
        version: Str,
        regions: List<RegionDef>,
        groups: List<Group>,
        documents: List<Document>,
    ) -> RuleBook {
        RuleBook {
            version,
            previous_versions: List::default(),
            regions,
            groups,
            documents,
            by_id: OnceLock::new(),
        }
    }

    /// A rule by its id, with its document (a lookup, not a scan: batches ask for every award).
    pub fn rule(&self, id: &str) -> Option<(&Document, &Rule)> {
        let by_id = self.by_id.get_or_init(|| {
            let mut v: Vec<(Str, usize, usize)> = self
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
        let k = by_id.binary_search_by(|(x, ..)| x.as_ref().cmp(id)).ok()?;
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

    /// The region's clauses in the order an evaluation lists its awards, each with its position
    /// among [`RuleBook::rules`] (a batch's column): no lookup by id for every award of every row.
    pub fn region_rules(&self, region: &str) -> Vec<(usize, &Rule)> {
        let Some(r) = self.region(region) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for key in r.documents.iter() {
            let mut first = 0;
            for d in self.documents.iter() {
                if d.key == *key {
                    out.extend(
                        d.rules
                            .iter()
                            .enumerate()
                            .map(|(i, rule)| (first + i, rule)),
                    );
                    break;
                }
                first += d.rules.len();
            }
        }
        out
    }

    /// The rule at a position among [`RuleBook::rules`] (the inverse of
    /// [`RuleBook::rule_position`]).
    pub fn rule_at(&self, mut pos: usize) -> Option<&Rule> {
        for d in self.documents.iter() {
            match d.rules.get(pos) {
                Some(r) => return Some(r),
                None => pos -= d.rules.len(),
            }
        }
        None
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
}

impl RuleBook {
    /// A copy of the book (its lookup made again when first asked): a reform or the browser's
    /// split change a copy, never the baked book.
    pub fn clone_book(&self) -> RuleBook {
        let mut book = RuleBook::new(
            self.version.clone(),
            self.regions.clone(),
            self.groups.clone(),
            self.documents.clone(),
        );
        book.previous_versions = self.previous_versions.clone();
        book
    }

    /// The rule data's version with its content hash (`2026-11-25+1a2b3c4d` when baked).
    pub fn version(&self) -> &str {
        self.version.as_str()
    }
}
