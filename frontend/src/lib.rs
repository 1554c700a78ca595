//! The pure parts of Yttra's browser app, tested natively: no browser API in here.
//!
//! `paste` turns text copied from a report into audit items.

pub mod paste;
