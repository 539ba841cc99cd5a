//! The rule data, baked into the binary: `build.rs` reads `rules/*.toml` with the types of
//! `subsidy_model` (crates/model) and `subsidy-rulebook` (crates/rulebook), checks it as a whole — a bad rule file fails the build with a
//! message naming the rule — and writes it out as one Rust `static`. Nothing is parsed or checked
//! at start-up, in the browser or on the command line.
pub use subsidy_model::model::*;

/// The content hash of the rule data (also the end of [`RuleBook::version`]).
pub const RULES_HASH: &str = env!("RULES_HASH");

/// The rule data as the build read it (JSON made from the TOML files), for host tests that
/// change it and read it again with [`RuleBook::from_json`]. Not in the browser bundles.
#[cfg(not(target_arch = "wasm32"))]
pub const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

mod baked {
    use crate::date::Date;
    use crate::input::FactRef;
    use rust_decimal::Decimal;
    use subsidy_model::model::*;
    include!(concat!(env!("OUT_DIR"), "/book.rs"));
}

/// The texts file the browser's book fetches its English words and quotes from
/// (`texts-<hash>.txt` beside the bundle); empty in a native build, whose book has every text.
pub fn texts_file() -> &'static str {
    baked::TEXTS_FILE
}

/// The rule book the build baked in.
pub fn book() -> &'static RuleBook {
    &baked::BOOK
}
