//! Bakes the rule book into the engine: `rules/*.toml` read and checked by `subsidy-rulebook` (a
//! bad rule file fails the build, every problem named by file and rule), packed into OUT_DIR as
//! bytes (`book.bin`, included by `book.rs`; read back and compared before they are kept), with the
//! same data as JSON (`rules.json`) for host tests.
fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    println!("cargo:rerun-if-changed=rules");
    let hash = subsidy_rulebook::build(std::path::Path::new("rules"), &out, wasm);
    println!("cargo:rustc-env=RULES_HASH={hash}");
}
