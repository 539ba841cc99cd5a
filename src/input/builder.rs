//! The flat core of validation: an application assembled value by value, each value checked by
//! its field's type and every problem named by its field.
use super::*;

/// An application assembled value by value: the one place a value is checked and stored, whether
/// it comes from a JSON object ([`parse_value_in`]) or from the cells of a spreadsheet row
/// (`sheet::row_of`, which skips building a JSON tree for every row of a batch).
pub struct Builder<'r> {
    regions: &'r [&'r str],
    values: Vec<Val>,
    scenarios: Vec<Scenario>,
    region: Option<String>,
    as_of: Date,
    /// Every problem found, each naming its field.
    pub errors: Vec<FieldError>,
}

impl<'r> Builder<'r> {
    pub fn new(today: Date, regions: &'r [&'r str]) -> Builder<'r> {
        Builder {
            regions,
            values: FIELDS.iter().map(|f| Val::default_for(f.ty)).collect(),
            scenarios: Vec::new(),
            region: None,
            as_of: today,
            errors: Vec::new(),
        }
    }

    /// `schema`, `as_of` or `region`.
    pub fn top(&mut self, key: &str, v: &Json) {
        match key {
            "schema" => {
                if !matches!(v.as_u64(), Some(1 | 2)) {
                    self.errors.push(err(
                        "schema",
                        "unsupported schema: this engine reads schema 2 (and schema 1)",
                    ));
                }
            }
            "as_of" => match v.as_str().and_then(Date::parse) {
                Some(d) => self.as_of = d,
                None if v.is_null() => {}
                None => self.errors.push(err(
                    "as_of",
                    "malformed date: use YYYY-MM-DD, e.g. \"2026-11-24\"",
                )),
            },
            _ => match v.as_str().filter(|s| self.regions.contains(s)) {
                Some(r) => self.region = Some(r.to_string()),
                None => self.errors.push(err(
                    "region",
                    format!("unknown region: use one of {}", self.regions.join(", ")),
                )),
            },
        }
    }

    /// The field `FIELDS[i]`; JSON null leaves it absent.
    pub fn field(&mut self, i: usize, v: &Json) {
        self.put(i, parse_field(FIELDS[i].ty, v));
    }

    /// The field `FIELDS[i]` as checked: stored, absent (None), or its problem named.
    pub fn put(&mut self, i: usize, checked: Result<Option<Val>, String>) {
        match checked {
            Ok(Some(val)) => self.values[i] = val,
            Ok(None) => {}
            Err(m) => self.errors.push(err(FIELDS[i].path, m)),
        }
    }

    /// A new scenario project; its position.
    pub fn scenario(&mut self) -> usize {
        self.scenarios.push(Scenario {
            values: SCENARIO_FIELDS
                .iter()
                .map(|f| Val::default_for(f.ty))
                .collect(),
        });
        self.scenarios.len() - 1
    }

    /// The field `SCENARIO_FIELDS[i]` of project `s`.
    pub fn scenario_field(&mut self, s: usize, i: usize, v: &Json) {
        self.scenario_put(s, i, parse_field(SCENARIO_FIELDS[i].ty, v));
    }

    /// The field `SCENARIO_FIELDS[i]` of project `s` as checked.
    pub fn scenario_put(&mut self, s: usize, i: usize, checked: Result<Option<Val>, String>) {
        match checked {
            Ok(Some(val)) => self.scenarios[s].values[i] = val,
            Ok(None) => {}
            Err(m) => self.errors.push(err(
                &format!("scenarios[{s}].{}", SCENARIO_FIELDS[i].path),
                m,
            )),
        }
    }

    /// The application made of the values that read, and every problem: a bad field stays at its
    /// default (an amount received above its cap too). None where no region was given.
    pub fn finish_lenient(mut self) -> (Option<Application>, Vec<FieldError>) {
        let Some(region) = self.region.take() else {
            if !self.errors.iter().any(|e| e.field == "region") {
                self.errors.push(err(
                    "region",
                    format!("required: one of {}", self.regions.join(", ")),
                ));
            }
            return (None, self.errors);
        };
        let mut app = Application {
            region,
            as_of: self.as_of,
            values: self.values,
            scenarios: self.scenarios,
            derived: Vec::new(),
            paid_once: Vec::new(),
            stages_counted: Vec::new(),
            carried: Vec::new(),
            detail: Detail::Full,
        };
        let over = received_within_caps(&app, crate::rulebook::book());
        for e in &over {
            if let Some(i) = field_index(&e.field) {
                app.values[i] = Val::default_for(FIELDS[i].ty);
            }
        }
        app.derive();
        let mut errors = self.errors;
        errors.extend(over);
        (Some(app), errors)
    }

    /// The application, or every problem (the first [`MAX_ERRORS`], and how many more).
    pub fn finish(mut self) -> Result<Application, Vec<FieldError>> {
        if self.region.is_none() && !self.errors.iter().any(|e| e.field == "region") {
            self.errors.push(err(
                "region",
                format!("required: one of {}", self.regions.join(", ")),
            ));
        }
        let mut errors = self.errors;
        if !errors.is_empty() {
            if errors.len() > MAX_ERRORS {
                let rest = errors.len() - MAX_ERRORS;
                errors.truncate(MAX_ERRORS);
                errors.push(err(
                    "(more)",
                    format!("{rest} more errors not listed (the first {MAX_ERRORS} are above)"),
                ));
            }
            return Err(errors);
        }
        let mut app = Application {
            region: self.region.unwrap_or_default(),
            as_of: self.as_of,
            values: self.values,
            scenarios: self.scenarios,
            derived: Vec::new(),
            paid_once: Vec::new(),
            stages_counted: Vec::new(),
            carried: Vec::new(),
            detail: Detail::Full,
        };
        app.derive();
        let errors = received_within_caps(&app, crate::rulebook::book());
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(app)
    }
}

/// An amount already received cannot be more than the cap it counts against ("三年最高500万元,
/// less what was received": 6,000,000 received is a typo, not "nothing left"): named by its field.
fn received_within_caps(app: &Application, book: &crate::RuleBook) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let Some(region) = book.region(&app.region) else {
        return errors;
    };
    let rules = region
        .documents
        .iter()
        .filter_map(|k| book.document(k))
        .flat_map(|d| d.rules.iter());
    for rule in rules {
        let formulas = rule
            .formula
            .iter()
            .chain(rule.variants.iter().filter_map(|v| v.formula.as_ref()));
        for cap in formulas.flat_map(|f| f.caps.iter()) {
            let (Some(less), Some(limit)) = (cap.less, cap.amount) else {
                continue;
            };
            let got = app.value(less.0, None).num();
            let path = less.0.field().path;
            if got > limit.0 && !errors.iter().any(|e| e.field == path) {
                let mut e = err(
                    path,
                    format!(
                        "more than the cap it counts against: {} received, while {} allows at most {} ({})",
                        crate::money::human(got),
                        rule.id,
                        crate::money::human(limit.0),
                        cap.scope.en()
                    ),
                );
                // In Chinese the clause by its title and the cap by its kind (三年累计上限), not the
                // rule's id.
                e.message_zh = Some(format!(
                    "已获金额超过其所抵扣的上限:已获{}元,而“{}”{}为{}元",
                    crate::money::human(got),
                    rule.title_zh,
                    cap.scope.zh(),
                    crate::money::human(limit.0)
                ));
                errors.push(e);
            }
        }
    }
    errors
}
