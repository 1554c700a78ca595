//! What needs the browser: storage (IndexedDB; the cases, the municipality's templates, the frameworks kept), the channel between tabs, the clock, files and
//! downloads, and the document generator loaded on demand.

pub mod browser;
pub mod frameworks;
pub mod generator;
pub mod listeners;
pub mod pdf;
pub mod store;
pub mod tabs;
pub mod templates;
