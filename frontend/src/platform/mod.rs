//! What needs the browser: storage (IndexedDB; the cases, the municipality's templates, the frameworks kept), the channel between tabs, the clock, files and
//! downloads, the document generator loaded on demand, and the hand-over from the first screen to the
//! app.

pub mod browser;
pub mod frameworks;
pub mod generator;
pub mod handover;
pub mod listeners;
pub mod pdf;
pub mod store;
pub mod tabs;
pub mod templates;
