//! Turns the rule files in `rules/` (TOML, written for people) into one JSON document in OUT_DIR
//! that the engine embeds with `include_str!`. Only the syntax is checked here; the meaning (known
//! facts, operators, catalogue coverage, quotes against the seeds) is checked by the engine's loader
//! and by the tests, so a bad rule file fails `cargo test` with a message naming the rule.
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
        if wasm {
            strip_for_the_browser(&mut head);
        }
        documents.push(head);
    }
    let book = serde_json::json!({
        "version": regions["version"].as_str().expect("regions.toml: version"),
        "regions": to_json(&regions["region"]),
        "groups": regions.get("group").map(to_json).unwrap_or(serde_json::json!([])),
        "documents": documents.iter().map(to_json).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string(&book).expect("json");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("rules.json");
    fs::write(&out, &text).expect("write rules.json");
    // A short content hash, so a result names exactly which rule data produced it.
    let mut h: u32 = 0x811c_9dc5;
    for b in text.as_bytes() {
        h = (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
    }
    println!("cargo:rustc-env=RULES_HASH={h:08x}");
}

fn read(path: &Path) -> toml::Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn to_json(v: &toml::Value) -> serde_json::Value {
    serde_json::to_value(v).expect("toml to json")
}

fn strip_for_the_browser(doc: &mut toml::Value) {
    let Some(t) = doc.as_table_mut() else { return };
    t.remove("dates_quote");
    t.remove("notes_quote");
}
