//! The law text beside the rule: every quote of the rule data — a clause's, its pool's and count
//! limit's, a check's, a document's dates and notes — must occur word for word in the seed text it
//! names (`shared/seeds/<seed>`). A quote that does not is a problem named by its file and rule.
use crate::load::Problem;
use std::path::Path;
use subsidy_model::RuleBook;

/// Every quote not found in its seed (or too short to mean anything); `seeds` is the folder of the
/// seed texts. Returns the problems and how many quotes were checked.
pub fn problems(book: &RuleBook, seeds: &Path, rules: &Path) -> (Vec<Problem>, usize) {
    let mut out = Vec::new();
    let mut checked = 0;
    for doc in book.documents.iter() {
        let file = rules
            .join(format!("{}.toml", doc.key))
            .display()
            .to_string();
        let seed_path = seeds.join(doc.seed.as_str());
        let Ok(seed) = std::fs::read_to_string(&seed_path) else {
            out.push(Problem::new(
                &file,
                None,
                format!("seed {} cannot be read", seed_path.display()),
            ));
            continue;
        };
        let mut quotes: Vec<(Option<String>, &str, &str)> = Vec::new();
        for r in doc.rules.iter() {
            quotes.push((Some(r.id.to_string()), "quote", &r.quote));
            if let Some(p) = &r.pool {
                quotes.push((Some(r.id.to_string()), "pool.quote", &p.quote));
            }
            if let Some(l) = &r.limit {
                quotes.push((Some(r.id.to_string()), "limit.quote", &l.quote));
            }
        }
        for c in doc.checks.iter() {
            quotes.push((Some(c.id.to_string()), "quote", &c.quote));
            if let Some(q) = &c.quote2 {
                quotes.push((Some(c.id.to_string()), "quote2", q));
            }
        }
        for (what, q) in [
            ("dates_quote", &doc.dates_quote),
            ("notes_quote", &doc.notes_quote),
        ] {
            if let Some(q) = q {
                quotes.push((None, what, q));
            }
        }
        for (rule, what, q) in quotes {
            checked += 1;
            let problem = if q.chars().count() < 8 {
                Some(format!("{what} is too short to mean anything: {q}"))
            } else if !seed.contains(q) {
                Some(format!(
                    "{what} not found word for word in seeds/{}: {q}",
                    doc.seed
                ))
            } else {
                None
            };
            if let Some(m) = problem {
                out.push(Problem::new(&file, rule.as_deref(), m));
            }
        }
    }
    (out, checked)
}
