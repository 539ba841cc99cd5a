//! Reads the rule files in `rules/` (TOML, written for people) with the types of `subsidy_rules`,
//! checks them as a whole (known facts, operators that fit their types, formula shapes, unique ids,
//! groups naming real rules), and bakes them into the engine as one Rust `static` (`book.rs` in
//! OUT_DIR). A bad rule file fails the build with a message naming the rule. The same data as JSON
//! (`rules.json`) is kept for host tests that change it and read it again.
use std::{env, fs, path::Path};

fn main() {
    // The browser bundles leave out what only the tests read: the quotes that prove a document's
    // dates and notes. (The pools and count limits stay: the batch page reports them.)
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let dir = Path::new("rules");
    println!("cargo:rerun-if-changed=rules");
    let regions: toml::Value = read(&dir.join("regions.toml"));
    let mut order: Vec<String> = Vec::new();
    for region in regions["region"]
        .as_array()
        .expect("regions.toml: [[region]]")
    {
        for doc in region["documents"].as_array().expect("region.documents") {
            let key = doc.as_str().expect("document key").to_string();
            if !order.contains(&key) {
                order.push(key);
            }
        }
    }
    let mut documents = Vec::new();
    for key in &order {
        let path = dir.join(format!("{key}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let mut doc: toml::Value = read(&path);
        let table = doc.as_table_mut().expect("table");
        let mut head = table.remove("document").expect("[document] section");
        let head_table = head.as_table_mut().expect("[document] table");
        for section in ["rule", "check"] {
            if let Some(v) = table.remove(section) {
                head_table.insert(section.to_string(), v);
            }
        }
        if let Some(extra) = table.keys().next() {
            panic!("{}: unexpected top-level key `{extra}`", path.display());
        }
        documents.push(head);
    }
    let data = serde_json::json!({
        "version": regions["version"].as_str().expect("regions.toml: version"),
        "regions": to_json(&regions["region"]),
        "groups": regions.get("group").map(to_json).unwrap_or(serde_json::json!([])),
        "documents": documents.iter().map(to_json).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string(&data).expect("json");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    fs::write(out.join("rules.json"), &text).expect("write rules.json");
    // A short content hash, so a result names exactly which rule data produced it.
    let mut h: u32 = 0x811c_9dc5;
    for b in text.as_bytes() {
        h = (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
    }
    println!("cargo:rustc-env=RULES_HASH={h:08x}");

    let mut book = subsidy_rules::load::from_value(data)
        .unwrap_or_else(|e| panic!("rules/: the rule data is refused: {e}"));
    book.version = format!("{}+{h:08x}", book.version).into();
    if wasm {
        for doc in book.documents.to_mut() {
            doc.dates_quote = None;
            doc.notes_quote = None;
        }
    }
    let code = subsidy_rules::bake::bake_book(&book);
    fs::write(out.join("book.rs"), code).expect("write book.rs");
}

fn read(path: &Path) -> toml::Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn to_json(v: &toml::Value) -> serde_json::Value {
    serde_json::to_value(v).expect("toml to json")
}
