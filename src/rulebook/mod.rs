//! The rule data, baked into the binary: `build.rs` reads `rules/*.toml` with the types of
//! `subsidy_model` (crates/model) and `subsidy-rulebook` (crates/rulebook), checks it as a whole — a bad rule file fails the build with a
//! message naming the rule — and packs it into bytes (`subsidy_model::packed`), read back by the
//! build before they are baked in. At start-up nothing is parsed or checked, in the browser or on
//! the command line: the bytes are read once into the book on first use.
pub use subsidy_model::model::*;

/// The content hash of the rule data (also the end of [`RuleBook::version`]).
pub const RULES_HASH: &str = env!("RULES_HASH");

/// The rule data as the build read it (JSON made from the TOML files), for host tests that
/// change it and read it again with [`RuleBook::from_json`]. Not in the browser bundles.
#[cfg(not(target_arch = "wasm32"))]
pub const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

mod baked {
    include!(concat!(env!("OUT_DIR"), "/book.rs"));
}

/// The texts file the browser's book fetches its English words and quotes from
/// (`texts-<hash>.txt` beside the bundle); empty in a native build, whose book has every text.
pub fn texts_file() -> &'static str {
    baked::TEXTS_FILE
}

/// The rule book the build baked in, read from its bytes on first use (`subsidy_model::packed`:
/// the build has read the same bytes back and compared them with the checked book).
pub fn book() -> &'static RuleBook {
    static BOOK: std::sync::OnceLock<RuleBook> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| subsidy_model::packed::unpack(baked::BOOK_BYTES))
}
