//! The pages' memory allocator: talc, in place of Rust's default for wasm32 (dlmalloc). Each page
//! declares it (`mod allocator;` in its main file).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
