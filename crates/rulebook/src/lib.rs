//! The rule book: `rules/*.toml` (one file per source document, written for policy authors) read
//! into the model's types, checked as a whole — every problem named by its file and rule, all of
//! them at once — and packed into the engine as bytes (`subsidy_model::packed`), read once on first use.
//!
//! - [`load`]: a folder of rule files (or, for host tests, the same data as JSON) → a [`RuleBook`];
//! - [`validate`]: the checks a rule must pass (facts that exist, operators that fit, one formula
//!   shape, ids unique and under their document's key…);
//! - [`quotes`]: every quote found word for word in its seed text;
//! - [`browser`]: the book as a browser bundle carries it (its English words and quotes in a file
//!   fetched when first shown);
//! - [`build`], what the engine's `build.rs` calls: checked data packed, and read back before it
//!   is baked in.
pub mod browser;
pub mod load;
pub mod quotes;
pub mod validate;

pub use load::{Loaded, Problem, from_json, read_dir};
use std::path::Path;
pub use subsidy_model::RuleBook;

/// The engine's build step: reads and checks `dir`, and writes the packed book (`book.bin`, which
/// `book.rs` includes; packed bytes that do not read back as the same book fail the build) and the
/// same data as JSON (`rules.json`, for host tests that change it) into `out`. Returns the data's
/// content hash (the end of the book's version). A bad rule file fails the build, every problem
/// named. `wasm`: the browser bundles leave out what only the tests read (the quotes that prove a
/// document's dates and notes).
pub fn build(dir: &Path, out: &Path, wasm: bool) -> String {
    let Loaded {
        mut book,
        json,
        files,
    } = read_dir(dir).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        panic!(
            "{}: the rule data is refused ({} problems):\n{}",
            dir.display(),
            problems.len(),
            list.join("\n")
        )
    });
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    std::fs::write(out.join("rules.json"), &json).expect("write rules.json");
    let hash = load::content_hash(&json);
    book.version = format!("{}+{hash}", book.version).into();
    // The browser's book fetches its English words and quotes when first shown (`browser`).
    let texts = if wasm {
        let (name, json) = browser::texts_file(&browser::for_browser(&mut book));
        std::fs::write(out.join(&name), &json).expect("write the texts file");
        name
    } else {
        String::new()
    };
    let bytes = subsidy_model::packed::round_trip(&book)
        .unwrap_or_else(|e| panic!("the packed rule book does not read back: {e}"));
    std::fs::write(out.join("book.bin"), bytes).expect("write book.bin");
    let code = format!(
        "/// The book, packed (`subsidy_model::packed`).\npub static BOOK_BYTES: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/book.bin\"));\n/// The texts file this book's markers name (empty: every text is in the book).\npub static TEXTS_FILE: &str = {texts:?};\n"
    );
    std::fs::write(out.join("book.rs"), code).expect("write book.rs");
    hash
}
