//! The calculator page's state as its views see it: the [`View`] computed from the form (one
//! evaluation per change), the mode ([`Ui`]), the props every view takes, and the few helpers they
//! share (an amount in the unit chosen, a kind's label, a status badge, a field's DOM id). The
//! views import these; none imports the page (no circle of imports).
use crate::browser;
use std::rc::Rc;
use subsidy_calc::engine;
use subsidy_calc::money::{human, in_wan};
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::{Kind, Status};
use subsidy_calc_web::form::{self, Curve, Edit, Errors, Form, Lang, RegionSummary, Unit};
use yew::prelude::*;

/// What the views need to know about the mode.
#[derive(Clone, PartialEq, Default)]
pub(crate) struct Ui {
    pub embedded: bool,
    pub locked: bool,
    pub sections: Option<Vec<String>>,
    /// False for the first render only: the closed lists (the clauses not qualified for, the
    /// other awards' fields), the comparison of regions, and the input sections below the first
    /// screen of a phone and of a 1280 × 800 desktop (models, scenarios, listing, the date) and the
    /// footer follow once the first figures are on screen (issue 25: the first render attached 558
    /// elements, now 106 of 544).
    pub settled: bool,
}

impl Ui {
    /// Whether a family's inputs and awards are shown.
    pub fn shows(&self, family: &str) -> bool {
        self.sections
            .as_ref()
            .is_none_or(|s| s.iter().any(|x| x == family))
    }
}

pub(crate) fn family_key(f: subsidy_calc::rulebook::Family) -> &'static str {
    use subsidy_calc::rulebook::Family;
    match f {
        Family::ComputeVoucher => "compute",
        Family::ModelFiling => "model",
        Family::Scenario => "scenario",
        Family::Listing => "listing",
        Family::Other => "other",
    }
}

/// Everything the page shows, computed from the form.
pub struct View {
    pub errors: Errors,
    pub outcome: Option<Outcome<'static>>,
    pub curves: Vec<(&'static str, Curve)>,
    pub compare: Vec<RegionSummary>,
    pub fields: Vec<&'static str>,
    pub scenarios: bool,
}

impl View {
    /// `compare`: the five regions side by side too (not for the first render).
    pub(crate) fn compute(form: &Form, compare: bool) -> View {
        let today = browser::today();
        let built = form.build(today);
        let book = subsidy_calc::rulebook::book();
        let mut view = View {
            errors: built.errors,
            outcome: None,
            curves: Vec::new(),
            compare: Vec::new(),
            fields: Vec::new(),
            scenarios: false,
        };
        view.fields = form::region_fields(book, &form.region);
        view.scenarios = form::region_has_scenarios(book, &form.region);
        // The application read once (a bad field left out and named at its box, every other
        // figure still shown).
        if let Some(app) = &built.app {
            let outcome = engine::evaluate(app, book).with_code(app);
            for a in &outcome.awards {
                if let Some(c) = form::curve(app, book, a) {
                    view.curves.push((a.id, c));
                }
            }
            view.outcome = Some(outcome);
            if compare {
                view.compare = form::compare(app, book);
            }
        }
        view
    }
}

/// An amount of the result, in the unit chosen (万元 or 元).
pub(crate) fn amount(y: subsidy_calc::money::Yuan, unit: Unit, lang: Lang) -> String {
    money_of(y.rounded(), unit, lang)
}

fn money_of(d: rust_decimal::Decimal, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Wan => format!("{} 万元", in_wan(d)),
        Unit::Yuan => format!("{} {}", human(d), lang.t("元", "yuan")),
    }
}

pub(crate) fn kind_label(k: Kind, lang: Lang) -> &'static str {
    lang.t(k.zh(), k.en())
}

pub(crate) fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::Exact => "kind-exact",
        Kind::UpTo => "kind-up_to",
        Kind::Range => "kind-range",
        Kind::Unspecified => "kind-unspecified",
        Kind::CaseByCase => "kind-case_by_case",
        Kind::NotEligible => "kind-not_eligible",
    }
}

pub(crate) fn status_badge(status: Status, lang: Lang) -> Html {
    let class = match status {
        Status::Draft => "badge badge-draft",
        Status::Expired | Status::NotYet => "badge badge-expired",
        Status::DatesNotGiven => "badge badge-nodates",
        Status::InForce => "badge badge-inforce",
    };
    html! { <span class={class}>{ lang.t(status.zh(), status.en()) }</span> }
}

pub(crate) fn dom_id(path: &str) -> String {
    format!("f-{}", path.replace(['.', '[', ']'], "-"))
}

pub(crate) struct FormProps {
    pub form: Form,
    pub edit: Callback<Edit>,
}

pub(crate) struct ViewProps {
    pub form: Form,
    pub view: Rc<View>,
    pub edit: Callback<Edit>,
    pub ui: Rc<Ui>,
    /// A verification link's code, while the form is still the link's: checked beside the totals.
    pub given_code: Option<Rc<str>>,
}
