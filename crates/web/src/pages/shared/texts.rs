//! The rule data's English words and quotes, fetched when first shown (`subsidy_model::lazy`): the
//! bundle says which file holds them (`textsFile`), boot.js or widget.js fetches it beside the
//! bundle and hands it over (`setTexts`), which checks it against the content hash in its name
//! and re-renders the pages that wait for it ([`use_texts`]). Nothing of the figures waits for it.
use std::cell::RefCell;
use subsidy_calc::lazy;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

thread_local! {
    static WAITING: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

/// The texts file's name (empty: the bundle has every text already).
#[wasm_bindgen(js_name = textsFile)]
pub fn texts_file() -> String {
    if lazy::loaded() {
        return String::new();
    }
    subsidy_calc::rulebook::texts_file().to_string()
}

/// Gives the bundle the texts file's content: true when it is this bundle's (the hash of the
/// content is the one in the file's name) and taken; the waiting pages re-render.
#[wasm_bindgen(js_name = setTexts)]
pub fn set_texts(text: &str) -> bool {
    let name = subsidy_calc::rulebook::texts_file();
    if lazy::loaded() || name.is_empty() {
        return true;
    }
    if format!("texts-{}.txt", lazy::hash(text)) != name {
        return false;
    }
    if !lazy::set(text.to_string()) {
        return false;
    }
    let waiting: Vec<Callback<()>> = WAITING.with(|w| w.borrow_mut().drain(..).collect());
    for cb in waiting {
        cb.emit(());
    }
    true
}

/// Whether the texts have arrived; the component re-renders when they do.
#[hook]
pub fn use_texts() -> bool {
    let loaded = use_state(lazy::loaded);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            if !lazy::loaded() {
                WAITING.with(|w| {
                    w.borrow_mut()
                        .push(Callback::from(move |_| loaded.set(true)))
                });
            }
        });
    }
    *loaded
}
