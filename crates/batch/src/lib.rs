//! Many applications at once — `subsidy-calc batch` and the batch page (batch.html) — with no I/O
//! of its own: the one crate that knows the spreadsheet formats (csv, calamine, rust_xlsxwriter).
//!
//! - [`sheet`]: spreadsheet rows → applications (by their column heads: dotted field paths or their
//!   Chinese labels), CSV and .xlsx read and written in memory, the templates;
//! - [`table`]: a result as a table row ([`Done`]), the table's columns, a batch kept in memory
//!   ([`Batch`], the batch page's);
//! - [`summary`]: per clause, per pool and per count limit (per calendar year);
//! - [`compare`]: a batch under a reform, both ways (sums, differences, gainers and losers);
//! - [`pools`]: pro rata, to the cent, one way for the command line and the page.
pub mod compare;
pub mod pools;
pub mod sheet;
pub mod summary;
pub mod table;
mod tally;

pub use compare::{Compare, ReformReport};
pub use pools::{Scaling, prorata, scale_rows};
pub use sheet::{
    Column, Row, SheetError, column, read_csv, read_xlsx, template, write_csv, write_xlsx,
};
pub use summary::{Positions, Report, Summary, report_text};
pub use table::{Batch, Done, Got, code_check, reform_cell, table_header};
