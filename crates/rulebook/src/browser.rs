//! The rule book as the browser bundles carry it: without what only the tests read (the quotes that
//! prove a document's dates and notes), and with the English words and the quotes split out into a
//! texts file fetched when first shown (`texts-<hash>.txt`): each is baked as a marker (see
//! `subsidy_model::lazy`). The Chinese words, every figure, condition and date stay in the bundle, so
//! the first figures never wait for the file.
use std::collections::HashMap;
use subsidy_model::*;

/// The texts split out, in marker order, one index per distinct text.
#[derive(Default)]
struct Split {
    texts: Vec<String>,
    at: HashMap<String, usize>,
}

impl Split {
    fn take(&mut self, s: &mut Str) {
        if s.raw().is_empty() {
            return;
        }
        let text = s.raw().to_string();
        let n = self.texts.len();
        let i = *self.at.entry(text.clone()).or_insert(n);
        if i == n {
            self.texts.push(text);
        }
        *s = format!("{}{i}", lazy::MARK).into();
    }
    fn opt(&mut self, s: &mut Option<Str>) {
        if let Some(s) = s {
            self.take(s);
        }
    }
    fn list(&mut self, l: &mut List<Str>) {
        if !l.is_empty() {
            l.to_mut().iter_mut().for_each(|s| self.take(s));
        }
    }
    fn conds(&mut self, l: &mut List<Cond>) {
        if l.is_empty() {
            return;
        }
        for c in l.to_mut() {
            self.opt(&mut c.en);
            if let Some(r) = &mut c.relaxed {
                self.take(&mut r.en);
                self.conds(&mut r.when);
            }
        }
    }
    fn caps(&mut self, l: &mut List<Cap>) {
        if l.is_empty() {
            return;
        }
        for c in l.to_mut() {
            self.opt(&mut c.relaxed_en);
            if let Some((_, en)) = &mut c.label {
                self.take(en);
            }
        }
    }
    fn formula(&mut self, f: &mut Formula) {
        if !f.terms.is_empty() {
            f.terms
                .to_mut()
                .iter_mut()
                .for_each(|t| self.opt(&mut t.en));
        }
        if !f.deduct.is_empty() {
            f.deduct
                .to_mut()
                .iter_mut()
                .for_each(|d| self.take(&mut d.en));
        }
        self.caps(&mut f.caps);
        if let Some(st) = &mut f.stage {
            st.en.to_mut().iter_mut().for_each(|(_, t)| self.take(t));
        }
        self.opt(&mut f.note_en);
    }
    fn rule(&mut self, r: &mut Rule) {
        self.take(&mut r.title_en);
        self.take(&mut r.quote);
        self.list(&mut r.notes_en);
        self.opt(&mut r.otherwise_en);
        self.opt(&mut r.once_en);
        self.opt(&mut r.not_in_totals_en);
        self.conds(&mut r.requires);
        if let Some(f) = &mut r.formula {
            self.formula(f);
        }
        if !r.variants.is_empty() {
            for v in r.variants.to_mut() {
                self.take(&mut v.en);
                self.conds(&mut v.when);
                if let Some(f) = &mut v.formula {
                    self.formula(f);
                }
            }
        }
        self.caps(&mut r.aggregate_caps);
        if let Some(p) = &mut r.pool {
            self.take(&mut p.quote);
            self.take(&mut p.en);
        }
        if let Some(l) = &mut r.limit {
            self.take(&mut l.quote);
            self.take(&mut l.en);
        }
    }
    fn document(&mut self, d: &mut Document) {
        self.take(&mut d.name_en);
        for s in [
            &mut d.not_yet_en,
            &mut d.expired_en,
            &mut d.uncertain_en,
            &mut d.dates_en,
        ] {
            self.opt(s);
        }
        self.list(&mut d.notes_en);
        if let Some((_, en)) = &mut d.draft_note {
            self.take(en);
        }
        if !d.rules.is_empty() {
            d.rules.to_mut().iter_mut().for_each(|r| self.rule(r));
        }
        if !d.checks.is_empty() {
            for c in d.checks.to_mut() {
                self.take(&mut c.title_en);
                self.take(&mut c.quote);
                self.opt(&mut c.quote2);
                self.conds(&mut c.requires);
            }
        }
    }
}

/// The book for a browser bundle, and the texts split out of it (what `texts-<hash>.txt` holds,
/// as a JSON list). The same data gives the same split, whoever makes it.
pub fn for_browser(book: &mut RuleBook) -> Vec<String> {
    let mut split = Split::default();
    let mut documents = book.documents.to_vec();
    for d in &mut documents {
        d.dates_quote = None;
        d.notes_quote = None;
        split.document(d);
    }
    book.documents = List::from(documents);
    let mut regions = book.regions.to_vec();
    regions.iter_mut().for_each(|r| split.take(&mut r.name_en));
    book.regions = List::from(regions);
    let mut groups = book.groups.to_vec();
    groups.iter_mut().for_each(|g| split.take(&mut g.en));
    book.groups = List::from(groups);
    split.texts
}

/// The texts file: its name (`texts-<hash>.txt`, the hash of its content) and its content, the
/// texts one after the other, each ended by the record separator U+001E (no text holds it).
pub fn texts_file(texts: &[String]) -> (String, String) {
    let mut content = String::new();
    for t in texts {
        content.push_str(t);
        content.push(lazy::SEPARATOR);
    }
    (format!("texts-{}.txt", lazy::hash(&content)), content)
}
