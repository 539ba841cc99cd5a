//! The rule data of 人工智能产业政策计算器, apart from the engine that evaluates it.
//!
//! - [`model`]: the rule types (documents, clauses, conditions, formulas, caps, pools);
//! - [`fields`]: the input fields rules refer to, by dotted path;
//! - [`load`]: reading the rule data (serde derives) and checking it as a whole ([`validate`]);
//! - [`bake`]: writing checked data out as Rust statics.
//!
//! The engine's `build.rs` reads `rules/*.toml` with this crate, refuses bad data (the build fails
//! with a message naming the rule) and bakes the result into the engine: the browser and the
//! command line parse nothing at start-up and carry no loader.
pub mod bake;
pub mod book;
mod data;
pub mod date;
mod de;
pub mod fields;
pub mod load;
pub mod model;
pub mod money;
pub mod validate;
mod words;

pub use date::Date;
pub use model::*;
