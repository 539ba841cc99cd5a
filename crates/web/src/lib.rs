//! The web pages' view models, apart from the engine (`subsidy_calc`) and from the browser: what
//! the calculator page shows and how its form becomes an application ([`form`]: 万元 units, share
//! links, cap charts, the region comparison, CSV), and the 多年规划 page's year table
//! ([`plan_form`]), and what the batch page shows of a finished batch ([`batch_view`]). Tested
//! natively; the Yew views in `src/pages/` (a folder per page, and `shared/`) are thin layers over
//! them.
pub mod batch_view;
pub mod form;
pub mod plan_form;
