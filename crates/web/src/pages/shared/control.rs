//! The field controls the calculator's form and the plan's year table share: a field's box kind
//! and keyboard, a choice's options, a set's checkboxes. Each page wraps them in its own layout (a
//! labelled field, a table cell); what a control is and does is here once.
use std::rc::Rc;
use subsidy_calc::input::{self, Ty};
use subsidy_calc_web::form::{Lang, Unit};
use yew::prelude::*;

/// A text box's type, the keyboard a phone shows for it, and the unit beside it.
pub fn text_kind(ty: Ty, unit: Unit, lang: Lang) -> (&'static str, &'static str, &'static str) {
    match ty {
        Ty::Day => ("date", "text", ""),
        Ty::Money | Ty::Amounts => ("text", "decimal", unit.label(lang)),
        Ty::Percent => ("text", "decimal", "%"),
        // A change may be negative: the decimal pad of some phones has no minus.
        Ty::Growth => ("text", "text", "%"),
        _ => ("text", "numeric", ""),
    }
}

/// A choice's options, the current one selected (the first where nothing is chosen).
pub fn choice_options(options: &'static [&'static str], value: &str, lang: Lang) -> Html {
    let current = if value.is_empty() { options[0] } else { value };
    html! {
        { for options.iter().map(|o| {
            let (zh, en) = input::choice_label(o);
            html! { <option value={o.to_string()} selected={current == *o}>{ lang.t(zh, en).to_string() }</option> }
        }) }
    }
}

/// A set's checkboxes, one per value, each toggling its value in the set's text ("a,b").
pub fn set_boxes(
    id: &str,
    options: &'static [&'static str],
    value: &str,
    lang: Lang,
    emit: Rc<dyn Fn(String)>,
) -> Html {
    let chosen: Vec<String> = value
        .split(',')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    html! {
        { for options.iter().map(|o| {
            let on = chosen.iter().any(|c| c == o);
            let (zh, en) = input::choice_label(o);
            let oid = format!("{id}-{o}");
            let (emit, chosen, o2) = (emit.clone(), chosen.clone(), o.to_string());
            let onchange = Callback::from(move |_| {
                let mut next: Vec<String> = chosen.iter().filter(|c| **c != o2).cloned().collect();
                if !on {
                    next.push(o2.clone());
                }
                emit(next.join(","))
            });
            html! {
                <label class="check" for={oid.clone()}>
                    <input type="checkbox" id={oid} checked={on} {onchange} />{ lang.t(zh, en).to_string() }
                </label>
            }
        }) }
    }
}
