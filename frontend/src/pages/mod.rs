//! One file a page. A page takes the case and a dispatcher and renders; no page imports
//! another page (what two pages share is in `widgets`).

pub mod assessment;
pub mod case;
pub mod comparison;
pub mod first_yttrande;
pub mod follow_up;
pub mod report_import;
pub mod review;
pub mod start;
pub mod templates;
