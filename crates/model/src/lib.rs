//! The domain model of 人工智能产业政策计算器: what a policy rule is, what an application holds, and
//! the two values everything is measured in. No loader, no engine, no I/O.
//!
//! - [`model`]: the rule types (documents, clauses, conditions, formulas, caps, pools) and the
//!   rule book's lookups ([`book`]);
//! - [`fields`]: the input fields rules refer to, by dotted path (one table);
//! - [`date`], [`money`]: calendar dates, and exact yuan (parsing, rounding once, `Yuan`);
//! - [`packed`]: the rule book as the bytes the engine carries, and read back.
//!
//! The rule files are read, checked and baked by `subsidy-rulebook` (crates/rulebook); the engine
//! (the root package) evaluates the baked book.
pub mod book;
mod data;
pub mod date;
mod de;
pub mod fields;
pub mod model;
pub mod money;
pub mod packed;
mod words;

pub use data::lazy;
pub use date::Date;
pub use model::*;
